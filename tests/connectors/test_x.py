"""The X connector: the real tweepy client, its HTTP answered by recorded X traffic
(tests/fixtures/x_api_v2) or, for errors and fuller payloads, by synthetic responses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests
import responses
from sqlalchemy import select

from connectors.x import XConnector, keyword_query, snowflake_time
from socialdesk.accounts import AccountBook, AccountSettings, ConnectedAccount
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import CursorUpdate, Ingestor
from socialdesk.models import Contact, Conversation, Message
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from socialdesk.syncing import sync_account

from ..replay import add, x_cassette

API = "https://api.twitter.com/2"
USER_ID = "783214"  # @Twitter, whose mentions tweepy recorded
MENTIONS = f"{API}/users/{USER_ID}/mentions"
OWN = f"{API}/users/{USER_ID}/tweets"
DMS = f"{API}/dm_events"
END = {"meta": {"result_count": 0}}  # synthetic: the last page of a list
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def connect(
    book: AccountBook, secrets: SecretStore, *, budget: int = 100, **settings: Any
) -> ConnectedAccount:
    account = book.add(
        Network.X,
        "@Twitter",
        AccountSettings(
            auth="oauth2",
            user_id=USER_ID,
            daily_budget=budget,
            credits_per_request=0.5,
            **settings,
        ),
    )
    secrets.set("x", account.handle, "access_token", "token-for-tests")
    return account


def quiet_streams(rsps: responses.RequestsMock) -> None:
    """Direct messages and the account's own posts with nothing new."""
    rsps.add(responses.GET, DMS, json=END)
    rsps.add(responses.GET, OWN, json=END)


def stored(store: Store) -> list[Any]:
    with store.connect() as conn:
        return list(
            conn.execute(
                select(
                    Message.external_id,
                    Message.text,
                    Message.author_handle,
                    Message.kind,
                    Message.direction,
                    Message.created_at,
                    Message.url,
                    Message.in_reply_to,
                    Message.conversation_id,
                ).order_by(Message.external_id)
            ).all()
        )


def tweet(
    tweet_id: str, text: str, author: str, *, reply_to: str | None = None, conv: str = ""
) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": tweet_id,
        "text": text,
        "author_id": author,
        "created_at": f"2026-11-24T10:{int(tweet_id) % 60:02d}:00.000Z",
        "conversation_id": conv or tweet_id,
        "edit_history_tweet_ids": [tweet_id],
    }
    if reply_to:
        raw["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
    return raw


USERS = [
    {"id": "11", "username": "alice", "name": "Alice", "public_metrics": {"followers_count": 340}},
    {"id": "12", "username": "bob", "name": "Bob", "public_metrics": {"followers_count": 9}},
    {"id": USER_ID, "username": "Twitter", "name": "Twitter"},
]


# -- recorded traffic ------------------------------------------------------------------------


def test_recorded_mentions_land_in_the_store_once(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    recorded = x_cassette("test_client_get_users_mentions")[0]
    add(rsps, recorded)
    rsps.add(responses.GET, MENTIONS, json=END)  # the page after the recorded one
    quiet_streams(rsps)

    report = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)

    assert report.ok and report.stored == 10 and report.quarantined == 0
    assert report.requests == 4
    tweets = recorded.json()["data"]
    rows = stored(store)
    assert [(r.external_id, r.text) for r in rows] == sorted((t["id"], t["text"]) for t in tweets)
    first = next(r for r in rows if r.external_id == "1578516295611748353")
    # The recording asked for no fields: no author, no date. The date comes from the id;
    # the author is shown as not sent, and the message is kept.
    assert first.created_at == snowflake_time("1578516295611748353")
    assert first.created_at.date().isoformat() == "2022-10-07"
    assert first.author_handle == "@unknown"
    assert first.kind == MessageKind.MENTION.value
    assert first.direction == Direction.INBOUND.value
    assert first.url == "https://x.com/i/web/status/1578516295611748353"
    assert book.cursor(account, "mentions") == "1578516295611748353"
    # Every request had a timeout, and the page after carried X's next_token.
    assert all(call.request.req_kwargs["timeout"] == 20.0 for call in rsps.calls)
    assert (
        "pagination_token=7140dibdnow9c7btw423i3sy3u5zupmkcpofxcsmxj48j"
        in rsps.calls[1].request.url
    )
    assert rsps.calls[0].request.headers["Authorization"] == "Bearer token-for-tests"
    usage = book.usage(account, NOW)
    assert (usage.requests, usage.credits) == (4, 2.0)

    # The next poll asks only for what is newer and stores nothing twice.
    add(rsps, recorded)
    rsps.add(responses.GET, MENTIONS, json=END)
    quiet_streams(rsps)
    again = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)
    assert again.ok and again.stored == 0
    assert "since_id=1578516295611748353" in rsps.calls[4].request.url
    assert len(stored(store)) == 10


def test_recorded_reply_and_direct_message_go_out(
    book: AccountBook, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:
    account = connect(book, secrets)
    created, _deleted = x_cassette("test_client_create_and_delete_tweet")
    add(rsps, created)
    sent_dm = x_cassette("test_manage_and_lookup_direct_messages")[0]
    add(rsps, sent_dm)
    connector = XConnector(account, secrets, now=lambda: NOW)
    mention = IncomingMessage(
        network=Network.X,
        external_id="1578516295611748353",
        kind=MessageKind.MENTION,
        direction=Direction.INBOUND,
        author=Author("999", "@someone"),
        account=account.handle,
        created_at=NOW,
        text="respond to my ticket",
        conversation="1578516295611748353",
    )

    reply = connector.send_reply(mention, "Test Tweet")

    assert json.loads(rsps.calls[0].request.body) == {
        "text": "Test Tweet",
        "reply": {"in_reply_to_tweet_id": "1578516295611748353"},
    }
    assert reply.external_id == "1456012973835788293"
    assert reply.direction is Direction.OUTBOUND and reply.kind is MessageKind.REPLY
    assert reply.in_reply_to == mention.external_id
    assert reply.conversation == mention.conversation

    dm = IncomingMessage(
        network=Network.X,
        external_id="1585800000000000000",
        kind=MessageKind.DIRECT_MESSAGE,
        direction=Direction.INBOUND,
        author=Author("750362064426721281", "@customer"),
        account=account.handle,
        created_at=NOW,
        text="hello",
        public=False,
    )
    answer = connector.send_reply(dm, "Testing 1")
    assert rsps.calls[1].request.url == f"{API}/dm_conversations/with/750362064426721281/messages"
    assert json.loads(rsps.calls[1].request.body) == {"text": "Testing 1"}
    assert answer.external_id == "1585800613253812228"
    assert answer.conversation == "750362064426721281-1072250532645998596"
    assert answer.kind is MessageKind.DIRECT_MESSAGE and not answer.is_public


def test_recorded_account_lookup_names_the_account(
    book: AccountBook, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:
    account = connect(book, secrets, **{})
    add(rsps, x_cassette("test_client_get_me")[0])
    connector = XConnector(account, secrets)
    assert connector.whoami() == "@TweepyDev"
    assert connector.user_id == "1072250532645998596"


def test_recorded_empty_direct_message_list(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    listed = next(i for i in x_cassette("test_manage_and_lookup_direct_messages") if i.url == DMS)
    add(rsps, listed)
    result = XConnector(account, secrets).fetch("direct_messages", None)
    assert result.items == [] and result.quarantined == [] and result.cursor is None
    assert "event_types=MessageCreate" in rsps.calls[0].request.url


# -- fuller payloads (synthetic, in X's documented shape) ------------------------------------


def test_threads_authors_and_own_replies(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    rsps.add(
        responses.GET,
        MENTIONS,
        json={
            "data": [tweet("1003", "@Twitter still broken", "11", reply_to="1002", conv="1001")],
            "includes": {"users": USERS},
            "meta": {"newest_id": "1003", "next_token": "page2"},
        },
    )
    rsps.add(
        responses.GET,
        MENTIONS,
        json={
            "data": [
                tweet("1001", "@Twitter my router is down", "11"),
                tweet("1004", "@Twitter love the new app", "12"),
            ],
            "includes": {"users": USERS},
            "meta": {},
        },
    )
    rsps.add(responses.GET, DMS, json=END)
    rsps.add(
        responses.GET,
        OWN,
        json={
            "data": [
                tweet("1002", "@alice sorry! which model?", USER_ID, reply_to="1001", conv="1001"),
                tweet("1005", "Big launch today", USER_ID),  # a post, not a response
            ],
            "includes": {"users": USERS},
        },
    )

    report = sync_account(book, ingestor, account, XConnector(account, secrets))

    assert report.ok and report.stored == 4, report
    rows = {r.external_id: r for r in stored(store)}
    assert set(rows) == {"1001", "1002", "1003", "1004"}
    thread = {rows[i].conversation_id for i in ("1001", "1002", "1003")}
    assert len(thread) == 1 and rows["1004"].conversation_id not in thread
    assert rows["1002"].direction == Direction.OUTBOUND.value
    assert rows["1003"].kind == MessageKind.REPLY.value and rows["1003"].in_reply_to == "1002"
    assert rows["1001"].url == "https://x.com/alice/status/1001"
    with store.connect() as conn:
        followers = dict(conn.execute(select(Contact.handle, Contact.followers)).all())
        waiting = conn.execute(
            select(Conversation.awaiting_since).where(Conversation.id.in_(thread))
        ).scalar_one()
    assert followers["@alice"] == 340 and followers["@bob"] == 9
    assert waiting is not None  # alice wrote again after our reply: waiting again
    assert book.cursor(account, "mentions") == "1004"
    assert book.cursor(account, "own") == "1005"


def test_direct_messages_both_ways_and_one_that_cannot_be_read(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    rsps.add(responses.GET, MENTIONS, json=END)
    events = [
        {"id": "2003", "event_type": "MessageCreate", "text": "order 123 please", "sender_id": "11",
         "dm_conversation_id": "11-783214", "created_at": "2026-11-24T10:05:00.000Z"},
        {"id": "2002", "event_type": "MessageCreate", "text": "Hi, how can we help?",
         "sender_id": USER_ID, "dm_conversation_id": "11-783214",
         "created_at": "2026-11-24T10:01:00.000Z"},
        {"id": "2001", "event_type": "MessageCreate", "text": "who sent me?"},
    ]  # fmt: skip
    rsps.add(responses.GET, DMS, json={"data": events, "includes": {"users": USERS}})
    rsps.add(responses.GET, OWN, json=END)

    report = sync_account(book, ingestor, account, XConnector(account, secrets))

    assert report.ok and report.stored == 2 and report.quarantined == 1
    rows = {r.external_id: r for r in stored(store)}
    assert rows["2003"].direction == "inbound" and rows["2002"].direction == "outbound"
    assert rows["2003"].conversation_id == rows["2002"].conversation_id
    assert rows["2003"].kind == MessageKind.DIRECT_MESSAGE.value
    ((stream, reason, raw),) = book.quarantined(account)
    assert stream == "direct_messages" and "does not say who sent it" in reason
    assert json.loads(raw) == events[2]
    assert book.cursor(account, "direct_messages") == "2003"
    assert "1 unreadable item" in book.get(account.id).state_detail

    # Next time: events up to the cursor are not read again.
    rsps.add(responses.GET, MENTIONS, json=END)
    rsps.add(responses.GET, DMS, json={"data": events})
    rsps.add(responses.GET, OWN, json=END)
    again = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert again.ok and again.stored == 0 and again.quarantined == 0


def test_keyword_hits(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets, keywords=["Nimbus", "AeroMesh Pro"], exclusions=["job"])
    rsps.add(responses.GET, MENTIONS, json=END)
    quiet_streams(rsps)
    rsps.add(
        responses.GET,
        f"{API}/tweets/search/recent",
        json={"data": [tweet("3001", "my AeroMesh Pro keeps dropping", "12")],
              "includes": {"users": USERS}},
    )  # fmt: skip
    report = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert report.ok and report.streams == {
        "mentions": 0, "direct_messages": 0, "own": 0, "keywords": 1,
    }  # fmt: skip
    query = rsps.calls[3].request.params["query"]
    assert query == '(Nimbus OR "AeroMesh Pro") -job -is:retweet -from:twitter'
    assert stored(store)[0].kind == MessageKind.KEYWORD_HIT.value


def test_keyword_query_limits() -> None:
    assert keyword_query(["brand"], [], "@me") == "brand -is:retweet -from:me"
    with pytest.raises(ValueError, match="X allows 512"):
        keyword_query([f"word{i}" for i in range(100)], [], "@me")


# -- failures ----------------------------------------------------------------------------------

PLAN_ERROR = {
    "client_id": "123",
    "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use "
    "keys and tokens from a Twitter developer App that is attached to a Project.",
    "registration_url": "https://developer.twitter.com/en/docs/projects/overview",
    "title": "Client Forbidden",
    "required_enrollment": "Appropriate Level of API Access",
    "reason": "client-not-enrolled",
    "type": "https://api.twitter.com/2/problems/client-forbidden",
}


@pytest.mark.parametrize(
    ("answer", "state", "message"),
    [
        (
            {"status": 401, "json": {"title": "Unauthorized", "status": 401}},
            "needs_reconnecting",
            "X rejected the token for @Twitter: reconnect the account",
        ),
        (
            {"status": 403, "json": PLAN_ERROR},
            "plan_missing",
            "your X plan does not include reading mentions: upgrade the plan or add credits",
        ),
        (
            {"status": 402, "json": {"title": "CreditsDepleted"}},
            "plan_missing",
            "your X account has no credits left for reading mentions: add credits in the "
            "developer console",
        ),
        (
            {"status": 429, "json": {"title": "Too Many Requests"},
             "headers": {"x-rate-limit-reset": str(int(NOW.timestamp()) + 600)}},
            "rate_limited",
            "X rate limit for reading mentions: waiting until 12:10 UTC",
        ),
        (
            {"status": 503, "body": "<html>Over capacity</html>"},
            "offline",
            "X is having trouble (HTTP 503); will retry",
        ),
        (
            {"body": requests.exceptions.ConnectTimeout("timed out")},
            "offline",
            "cannot reach X (no connection) while reading mentions; will retry",
        ),
        (
            {"body": requests.exceptions.ReadTimeout("read timed out")},
            "offline",
            "X did not answer in time while reading mentions; will retry",
        ),
        (
            {"body": requests.exceptions.ConnectionError("no route to host")},
            "offline",
            "cannot reach X (ConnectionError); will retry",
        ),
        (
            {"status": 200, "body": '{"data": [{"id": "1578516295611748353", "text": "@Twit'},
            "malformed",
            "X sent a response that could not be read while reading mentions; will retry",
        ),
    ],
)  # fmt: skip
def test_a_failure_ends_in_the_account_state_and_loses_nothing(
    answer: dict[str, Any],
    state: str,
    message: str,
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    # One good sync first: a cursor and a stored mention.
    rsps.add(responses.GET, MENTIONS, json={"data": [tweet("1001", "@Twitter help", "11")],
                                            "includes": {"users": USERS}})  # fmt: skip
    quiet_streams(rsps)
    assert sync_account(book, ingestor, account, XConnector(account, secrets)).ok

    rsps.add(responses.GET, MENTIONS, **answer)
    report = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)

    assert (report.state, report.detail) == (state, message)
    after = book.get(account.id)
    assert (after.state, after.state_detail) == (state, message)
    assert "token-for-tests" not in message
    if state == "rate_limited":
        assert after.state_until == datetime(2026, 11, 24, 12, 10, tzinfo=UTC)
    if state == "malformed":
        ((stream, _reason, raw),) = book.quarantined(account)
        assert stream == "mentions" and raw == answer["body"]
    assert book.cursor(account, "mentions") == "1001"  # not moved by the failure

    # Back to normal: what arrived meanwhile is stored once, from the same cursor.
    rsps.add(responses.GET, MENTIONS, json={"data": [tweet("1002", "@Twitter hello?", "11"),
                                                     tweet("1001", "@Twitter help", "11")],
                                            "includes": {"users": USERS}})  # fmt: skip
    quiet_streams(rsps)
    recovered = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert recovered.ok and recovered.stored == 1
    assert "since_id=1001" in rsps.calls[-3].request.url
    assert [r.external_id for r in stored(store)] == ["1001", "1002"]
    assert book.get(account.id).state == "ok"


def test_an_item_missing_fields_is_kept_aside_and_the_rest_stored(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    broken = [{"id": "1002", "author_id": "11"}, {"text": "no id"}, "not an object"]
    rsps.add(
        responses.GET,
        MENTIONS,
        json={"data": [tweet("1001", "@Twitter fine", "11"), *broken],
              "includes": {"users": USERS}},
    )  # fmt: skip
    quiet_streams(rsps)
    report = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert report.ok and report.stored == 1 and report.quarantined == 3
    reasons = [reason for _, reason, _ in book.quarantined(account)]
    assert reasons == [
        "post 1002 has no text",
        "a post without a valid id",
        "a post that is not a JSON object",
    ]
    assert book.cursor(account, "mentions") == "1002"  # past the item kept aside


def test_the_daily_budget_stops_polling_until_midnight(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets, budget=2)
    rsps.add(responses.GET, MENTIONS, json=END)
    rsps.add(responses.GET, DMS, json=END)
    first = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)
    assert first.ok and first.requests == 2 and "daily budget reached" in first.detail
    second = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)
    assert second.state == "budget_reached"
    assert second.until == datetime(2026, 11, 25, tzinfo=UTC)
    assert len(rsps.calls) == 2  # nothing asked the second time


def test_no_token_in_the_keyring_asks_for_reconnecting(
    book: AccountBook, secrets: SecretStore
) -> None:
    account = book.add(Network.X, "@brand", AccountSettings(auth="oauth2", user_id="1"))
    with pytest.raises(Exception, match="has no access token in the keyring: reconnect"):
        XConnector(account, secrets)


def test_without_a_keyring_the_error_says_how_to_fix_it(book: AccountBook) -> None:
    from keyring.backends.fail import Keyring as NoKeyring

    account = book.add(Network.X, "@brand", AccountSettings(auth="oauth2", user_id="1"))
    with pytest.raises(Exception, match="PYTHON_KEYRING_BACKEND"):
        XConnector(account, SecretStore(NoKeyring()))


# -- OAuth 2.0 tokens are renewed ---------------------------------------------------------------

RENEW = "https://api.x.com/2/oauth2/token"


def renewable(book: AccountBook, secrets: SecretStore, expires_at: str) -> ConnectedAccount:
    account = connect(book, secrets)
    for field, value in (
        ("refresh_token", "refresh-1"),
        ("client_id", "client-abc"),
        ("expires_at", expires_at),
    ):
        secrets.set("x", account.handle, field, value)
    return account


def test_a_token_about_to_expire_is_renewed_first(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = renewable(book, secrets, (NOW + timedelta(minutes=2)).isoformat())
    renewed = {"access_token": "new-access", "refresh_token": "refresh-2", "expires_in": 7200}
    rsps.add(responses.POST, RENEW, json=renewed)
    rsps.add(responses.GET, MENTIONS, json=END)
    quiet_streams(rsps)

    report = sync_account(
        book, ingestor, account, XConnector(account, secrets, now=lambda: NOW), now=lambda: NOW
    )

    assert report.ok
    form = parse_qs(rsps.calls[0].request.body)
    assert form == {
        "grant_type": ["refresh_token"],
        "refresh_token": ["refresh-1"],
        "client_id": ["client-abc"],
    }
    assert rsps.calls[1].request.headers["Authorization"] == "Bearer new-access"
    assert secrets.get("x", account.handle, "access_token") == "new-access"
    assert secrets.get("x", account.handle, "refresh_token") == "refresh-2"  # rotated
    assert secrets.get("x", account.handle, "expires_at") == (NOW + timedelta(hours=2)).isoformat()


def test_a_token_refused_early_is_renewed_once_and_the_request_repeated(
    book: AccountBook, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:
    account = renewable(book, secrets, (NOW + timedelta(hours=1)).isoformat())
    rsps.add(responses.GET, MENTIONS, status=401, json={"title": "Unauthorized"})
    rsps.add(responses.POST, RENEW, json={"access_token": "new-access", "expires_in": 60})
    rsps.add(responses.GET, MENTIONS, json=END)
    result = XConnector(account, secrets, now=lambda: NOW).fetch("mentions", None)
    assert result.items == []
    assert rsps.calls[2].request.headers["Authorization"] == "Bearer new-access"


def test_a_refused_renewal_asks_for_reconnecting(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = renewable(book, secrets, (NOW - timedelta(minutes=1)).isoformat())
    rsps.add(responses.POST, RENEW, status=400, json={"error": "invalid_request"})
    report = sync_account(
        book, ingestor, account, XConnector(account, secrets, now=lambda: NOW), now=lambda: NOW
    )
    assert report.state == "needs_reconnecting"
    assert report.detail == "X would not renew the token for @Twitter: reconnect the account"
    assert secrets.get("x", account.handle, "refresh_token") == "refresh-1"  # kept as it was


def test_the_last_request_of_a_window_waits_for_the_reset_instead_of_a_429(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    reset = int(NOW.timestamp()) + 420
    rsps.add(
        responses.GET,
        MENTIONS,
        json={"data": [tweet("1005", "@Twitter one", "11")], "includes": {"users": USERS},
              "meta": {"next_token": "more"}},
        headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)},
    )  # fmt: skip
    report = sync_account(book, ingestor, account, XConnector(account, secrets), now=lambda: NOW)
    assert report.state == "rate_limited" and len(rsps.calls) == 1  # no request into a 429
    assert report.until == datetime(2026, 11, 24, 12, 7, tzinfo=UTC)
    assert [r.external_id for r in stored(store)] == ["1005"]  # what was read is kept
    assert book.cursor(account, "mentions") == ":1005:1005"  # and where to go on from

    # After the reset: older than what was read, then the cursor is whole again.
    rsps.add(responses.GET, MENTIONS, json={"data": [tweet("1004", "@Twitter two", "11")],
                                            "includes": {"users": USERS}})  # fmt: skip
    quiet_streams(rsps)
    again = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert again.ok and again.stored == 1
    assert rsps.calls[1].request.params.get("until_id") == "1005"
    assert "since_id" not in rsps.calls[1].request.params
    assert book.cursor(account, "mentions") == "1005"


def test_a_backlog_longer_than_a_poll_is_read_over_several(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import connectors.x

    monkeypatch.setattr(connectors.x, "MAX_PAGES", 2)
    account = connect(book, secrets)
    book_cursor = CursorUpdate(Network.X, account.handle, "mentions", "100")
    ingestor.ingest([], cursor=book_cursor)
    pages = [["130", "129"], ["128", "127"], ["126", "125"]]
    for number, ids in enumerate(pages[:2]):
        rsps.add(responses.GET, MENTIONS, json={
            "data": [tweet(i, f"@Twitter {i}", "11") for i in ids],
            "includes": {"users": USERS}, "meta": {"next_token": f"p{number + 2}"}})  # fmt: skip
    quiet_streams(rsps)
    first = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert first.ok and first.stored == 4
    assert book.cursor(account, "mentions") == "100:130:127"

    rsps.add(responses.GET, MENTIONS, json={
        "data": [tweet(i, f"@Twitter {i}", "11") for i in pages[2]],
        "includes": {"users": USERS}})  # fmt: skip
    quiet_streams(rsps)
    second = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert second.ok and second.stored == 2
    params = rsps.calls[4].request.params  # after two pages, DMs and own posts
    assert (params["since_id"], params["until_id"]) == ("100", "127")
    assert book.cursor(account, "mentions") == "130"
    assert len(stored(store)) == 6


def test_a_mention_answering_a_brand_post_threads_under_it(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    brand_post = tweet("1001", "Our routers get an update tonight", USER_ID)
    strangers = tweet("1002", "unrelated post", "12")
    rsps.add(
        responses.GET,
        MENTIONS,
        json={
            "data": [
                tweet("1003", "@Twitter mine broke after it", "11", reply_to="1001", conv="1001"),
                tweet("1004", "@Twitter agree", "11", reply_to="1002", conv="1002"),
            ],
            "includes": {"users": USERS, "tweets": [brand_post, strangers]},
        },
    )
    quiet_streams(rsps)
    report = sync_account(book, ingestor, account, XConnector(account, secrets))
    assert report.ok and report.stored == 3
    rows = {r.external_id: r for r in stored(store)}
    assert set(rows) == {"1001", "1003", "1004"}  # not the stranger's post
    assert rows["1001"].direction == "outbound"
    assert rows["1001"].conversation_id == rows["1003"].conversation_id
    expansions = rsps.calls[0].request.params["expansions"]
    assert expansions == "author_id,referenced_tweets.id,referenced_tweets.id.author_id"


def test_a_renewal_answer_is_read_for_its_tokens_and_never_kept_anywhere(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = renewable(book, secrets, (NOW - timedelta(minutes=1)).isoformat())
    # expires_in unreadable: the tokens are still kept, with X's usual two hours.
    rsps.add(responses.POST, RENEW, json={"access_token": "A2", "refresh_token": "R2",
                                          "expires_in": None})  # fmt: skip
    rsps.add(responses.GET, MENTIONS, json=END)
    quiet_streams(rsps)
    clock = XConnector(account, secrets, now=lambda: NOW)
    assert sync_account(book, ingestor, account, clock, now=lambda: NOW).ok
    assert secrets.get("x", account.handle, "refresh_token") == "R2"
    assert secrets.get("x", account.handle, "expires_at") == (NOW + timedelta(hours=2)).isoformat()

    # An answer without a token: reconnect; nothing of it is quarantined or shown.
    secrets.set("x", account.handle, "expires_at", (NOW - timedelta(minutes=1)).isoformat())
    rsps.add(responses.POST, RENEW, body='{"refresh_token": "R3", "oops": ')
    report = sync_account(
        book, ingestor, account, XConnector(account, secrets, now=lambda: NOW), now=lambda: NOW
    )
    assert report.state == "needs_reconnecting" and "R3" not in report.detail
    assert book.quarantined(account) == []


def test_nul_characters_are_stored_as_replacement_characters(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    rsps.add(responses.GET, MENTIONS, json={"data": [tweet("1001", "bad\u0000byte", "11")],
                                            "includes": {"users": USERS}})  # fmt: skip
    quiet_streams(rsps)
    assert sync_account(book, ingestor, account, XConnector(account, secrets)).ok
    assert stored(store)[0].text == "bad\ufffdbyte"


def test_reconnecting_replaces_every_secret_and_the_sign_in_method(
    book: AccountBook, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:
    from socialdesk.account_commands import reconnect_account

    account = renewable(book, secrets, (NOW + timedelta(hours=1)).isoformat())
    add(rsps, x_cassette("test_client_get_me")[0])
    values = {
        "consumer_key": "ck", "consumer_secret": "cs",
        "access_token": "at", "access_token_secret": "ats",
    }  # fmt: skip
    who = reconnect_account(book, secrets, account, values, auth="oauth1")
    assert who == "the network says this is @TweepyDev"
    assert book.get(account.id).settings.auth == "oauth1"
    assert secrets.get("x", account.handle, "expires_at") is None  # the old sign-in's
    assert secrets.get("x", account.handle, "refresh_token") is None
    assert secrets.get("x", account.handle, "consumer_key") == "ck"
    assert rsps.calls[0].request.headers["Authorization"].startswith("OAuth ")

    # A failed reconnect puts back what was there.
    rsps.add(responses.GET, f"{API}/users/me", status=401, json={"title": "Unauthorized"})
    with pytest.raises(Exception, match="rejected the token"):
        reconnect_account(book, secrets, book.get(account.id), {"access_token": "bad"},
                          auth="oauth2")  # fmt: skip
    assert secrets.get("x", account.handle, "consumer_key") == "ck"
    assert book.get(account.id).settings.auth == "oauth1"
