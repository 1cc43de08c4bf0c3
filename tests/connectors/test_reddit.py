"""The Reddit connector: the real praw client, its HTTP answered by recorded Reddit
traffic (tests/fixtures/reddit) or, for errors, by synthetic responses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import prawcore.sessions
import pytest
import requests
import responses
from sqlalchemy import select

from connectors.reddit import RedditConnector, user_agent
from socialdesk.accounts import AccountBook, AccountSettings, ConnectedAccount
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.models import Message
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from socialdesk.syncing import sync_account

from ..replay import add, reddit_cassette

OAUTH = "https://oauth.reddit.com"
TOKEN = "https://www.reddit.com/api/v1/access_token"
HANDLE = "brand_care"
EMPTY = {"kind": "Listing", "data": {"children": [], "after": None, "before": None}}
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_retry_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """prawcore waits up to six seconds between its retries of a 5xx or a timeout;
    the retries still happen, without the wait."""
    monkeypatch.setattr(prawcore.sessions.FiniteRetryStrategy, "_sleep_seconds", lambda self: None)


def connect(book: AccountBook, secrets: SecretStore, **settings: Any) -> ConnectedAccount:
    account = book.add(
        Network.REDDIT, f"u/{HANDLE}", AccountSettings(auth="refresh_token", **settings)
    )
    secrets.set("reddit", account.handle, "client_id", "client-id-for-tests")
    secrets.set("reddit", account.handle, "refresh_token", "refresh-token-for-tests")
    return account


def token(rsps: responses.RequestsMock) -> None:
    add(rsps, reddit_cassette("TestInbox.test_all")[0])


def stored(store: Store) -> dict[str, Any]:
    with store.connect() as conn:
        rows = conn.execute(
            select(
                Message.external_id,
                Message.text,
                Message.author_handle,
                Message.kind,
                Message.direction,
                Message.public,
                Message.created_at,
                Message.in_reply_to,
                Message.conversation_id,
                Message.url,
            )
        ).all()
    return {row.external_id: row for row in rows}


def test_recorded_inbox_lands_in_the_store_and_new_items_are_marked_read(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    token_call, inbox = reddit_cassette("TestInbox.test_all")
    add(rsps, token_call)
    add(rsps, inbox)
    rsps.add(responses.GET, f"{OAUTH}/message/inbox/", json=EMPTY)  # after the last page
    marked = reddit_cassette("TestInbox.test_mark_read")[2]
    assert marked.url == f"{OAUTH}/api/read_message/"
    add(rsps, marked)
    rsps.add(responses.GET, f"{OAUTH}/user/{HANDLE}/comments", json=EMPTY)

    report = sync_account(book, ingestor, account, RedditConnector(account, secrets))

    recorded = [child["data"] for child in inbox.json()["data"]["children"]]
    assert report.ok and report.stored == len(recorded) == 100 and report.quarantined == 0
    rows = stored(store)
    assert {row["name"] for row in recorded} == set(rows)
    message = rows["t4_2r17c8r"]
    assert (message.text, message.author_handle) == ("test", "u/Lil_SpazTest")
    assert message.kind == MessageKind.DIRECT_MESSAGE.value and not message.public
    assert message.created_at == datetime.fromtimestamp(1747841818, UTC)
    assert message.url == "https://www.reddit.com/message/messages/2r17c8r"
    reply = rows["t1_myngt77"]
    assert reply.kind == MessageKind.REPLY.value and reply.public
    assert reply.in_reply_to == "t1_mynfuan" and reply.text == "Reply"
    assert reply.url.startswith("https://www.reddit.com/r/Lil_SpazJoekp/comments/")
    # A private thread ("re: ...") is one conversation with its first message.
    thread = [r for r in recorded if r.get("first_message_name")]
    assert thread
    first = thread[0]["first_message_name"]
    same = {rows[r["name"]].conversation_id for r in thread if r["first_message_name"] == first}
    if first in rows:
        same.add(rows[first].conversation_id)
    assert len(same) == 1
    # Unread items were marked read, once stored, in one request.
    unread = {r["name"] for r in recorded if r["new"]}
    read_call = next(c for c in rsps.calls if c.request.url.startswith(marked.url))
    assert set(parse_qs(read_call.request.body)["id"][0].split(",")) == unread
    assert book.cursor(account, "inbox") == f"{max(r['created_utc'] for r in recorded):.0f}"
    # The user agent has Reddit's form; every request had a timeout (the token request
    # ours, the API requests prawcore's 16 s).
    assert rsps.calls[1].request.headers["User-Agent"].startswith(user_agent(HANDLE))
    timeouts = [call.request.req_kwargs["timeout"] for call in rsps.calls]
    assert timeouts[0] == 20.0 and all(0 < t <= 20 for t in timeouts)


def test_recorded_reply_goes_out(
    book: AccountBook, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:
    account = connect(book, secrets)
    for interaction in reddit_cassette("TestComment.test_reply"):
        add(rsps, interaction)
    comment = IncomingMessage(
        network=Network.REDDIT,
        external_id="t1_d1616q2",
        kind=MessageKind.REPLY,
        direction=Direction.INBOUND,
        author=Author("t2_x", "u/someone"),
        account=account.handle,
        created_at=NOW,
        text="is it down?",
        conversation="t1_d1616q2",
    )
    sent = RedditConnector(account, secrets, now=lambda: NOW).send_reply(comment, "Comment reply")
    body = parse_qs(rsps.calls[1].request.body)
    assert body["thing_id"] == ["t1_d1616q2"] and body["text"] == ["Comment reply"]
    assert sent.external_id == "t1_d1680wu"
    assert sent.direction is Direction.OUTBOUND and sent.in_reply_to == "t1_d1616q2"
    assert sent.conversation == "t1_d1616q2"


def test_recorded_search_and_comment_stream_give_keyword_hits(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(
        book,
        secrets,
        keywords=["PRAW", "expensive"],
        exclusions=["subreddits"],
        subreddits=["all"],
    )
    token(rsps)
    rsps.add(responses.GET, f"{OAUTH}/message/inbox/", json=EMPTY)
    rsps.add(responses.GET, f"{OAUTH}/user/{HANDLE}/comments", json=EMPTY)
    add(rsps, reddit_cassette("TestSubreddit.test_search")[1])
    comments, nothing_newer = reddit_cassette("TestSubredditStreams.test_comments")[1:3]
    add(rsps, comments)
    add(rsps, nothing_newer)  # the stream pauses: no waiting for more

    connector = RedditConnector(account, secrets)
    report = sync_account(book, ingestor, account, connector)

    assert report.ok, report
    rows = stored(store)
    assert set(rows) == {
        "t3_3gpbiu", "t3_3b4erh", "t3_1qvzkd", "t3_3qc02b", "t3_4at068",  # search
        "t1_dbhn10i", "t1_dbhn0z7", "t1_dbhn0yp",  # the comment stream
    }  # fmt: skip
    assert all(row.kind == MessageKind.KEYWORD_HIT.value for row in rows.values())
    search_call = next(c for c in rsps.calls if "/search/" in c.request.url)
    assert search_call.request.params["q"] == '"PRAW" OR "expensive"'
    assert search_call.request.params["sort"] == "new"
    stream_calls = [
        c for c in rsps.calls if "/comments/" in c.request.url and "/r/all/" in c.request.url
    ]
    assert len(stream_calls) == 2  # one page, one check for newer: then it pauses


@pytest.mark.parametrize(
    ("answer", "state", "message"),
    [
        (
            {"status": 403, "json": {"message": "Forbidden", "error": 403}},
            "plan_missing",
            "Reddit does not allow reading the inbox for u/brand_care (the subreddit may be "
            "private, or the app lacks a permission)",
        ),
        (
            {"status": 429, "body": "", "headers": {"x-ratelimit-reset": "120"}},
            "rate_limited",
            "Reddit rate limit for reading the inbox: waiting until 12:02 UTC",
        ),
        (
            {"status": 503, "body": "<html>down</html>"},
            "offline",
            "Reddit is having trouble (HTTP 503); will retry",
        ),
        (
            {"body": requests.exceptions.ReadTimeout("slow")},
            "offline",
            "Reddit did not answer in time while reading the inbox; will retry",
        ),
        (
            {"status": 200, "body": '{"kind": "Listing", "data": {"children": [{"kind": "t'},
            "malformed",
            "Reddit sent a response that could not be read while reading the inbox; will retry",
        ),
    ],
)
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
    account = connect(book, secrets, mark_read=False)
    token(rsps)
    retried = 3 if state == "offline" else 1  # prawcore retries a 5xx or a timeout
    for _ in range(retried):
        rsps.add(responses.GET, f"{OAUTH}/message/inbox/", **answer)

    report = sync_account(
        book, ingestor, account, RedditConnector(account, secrets, now=lambda: NOW)
    )

    assert (report.state, report.detail) == (state, message)
    assert book.get(account.id).state == state
    assert book.cursor(account, "inbox") is None
    assert "refresh-token-for-tests" not in message
    if state == "malformed":
        ((_stream, _reason, raw),) = book.quarantined(account)
        assert raw == answer["body"]


def test_a_revoked_refresh_token_asks_for_reconnecting(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets)
    rsps.add(responses.POST, TOKEN, status=400, json={"error": "invalid_grant"})
    report = sync_account(book, ingestor, account, RedditConnector(account, secrets))
    assert report.state == "needs_reconnecting"
    assert (
        report.detail == "Reddit rejected the refresh token for u/brand_care: reconnect the account"
    )


def test_an_item_without_what_it_needs_is_kept_aside(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets, mark_read=False)
    token(rsps)
    good = {
        "kind": "t4",
        "data": {
            "id": "abc",
            "name": "t4_abc",
            "author": "alice",
            "dest": HANDLE,
            "author_fullname": "t2_a",
            "body": "my order is late",
            "created_utc": 1764000000.0,
            "subject": "order",
            "first_message_name": None,
            "new": False,
        },
    }
    broken = {
        "kind": "t4",
        "data": {
            "id": "abd",
            "name": "t4_abd",
            "author": "bob",
            "dest": HANDLE,
            "body": "no date",
            "subject": "x",
            "new": False,
        },
    }
    rsps.add(
        responses.GET,
        f"{OAUTH}/message/inbox/",
        json={"kind": "Listing", "data": {"children": [good, broken], "after": None}},
    )
    rsps.add(responses.GET, f"{OAUTH}/user/{HANDLE}/comments", json=EMPTY)  # fmt: skip

    report = sync_account(book, ingestor, account, RedditConnector(account, secrets))

    assert report.ok and report.stored == 1 and report.quarantined == 1
    ((stream, reason, raw),) = book.quarantined(account)
    assert stream == "inbox" and reason.startswith("Reddit sent t4_abd without what it needs")
    assert json.loads(raw) == broken
    assert list(stored(store)) == ["t4_abc"]


def _message(name: str, created: float, body: str) -> dict[str, Any]:
    return {"kind": "t4", "data": {"id": name[3:], "name": name, "author": "alice",
                                   "dest": HANDLE, "author_fullname": "t2_a", "body": body,
                                   "created_utc": created, "subject": "help",
                                   "first_message_name": None, "new": False}}  # fmt: skip


def test_the_next_sync_stores_only_what_is_new_and_skips_nothing(
    book: AccountBook,
    secrets: SecretStore,
    ingestor: Ingestor,
    store: Store,
    rsps: responses.RequestsMock,
) -> None:
    account = connect(book, secrets, mark_read=False)
    first = _message("t4_a1", 1764000000.0, "router down")
    token(rsps)
    rsps.add(
        responses.GET,
        f"{OAUTH}/message/inbox/",
        json={"kind": "Listing", "data": {"children": [first], "after": None}},
    )
    rsps.add(responses.GET, f"{OAUTH}/user/{HANDLE}/comments", json=EMPTY)  # fmt: skip
    assert sync_account(book, ingestor, account, RedditConnector(account, secrets)).stored == 1
    assert book.cursor(account, "inbox") == "1764000000"

    # Newest first: a new message, one from the same second as the cursor, the old one
    # (read again, not stored again), then older ones that are not even looked at.
    same_second = _message("t4_a2", 1764000000.0, "also this")
    newer = _message("t4_a3", 1764000100.0, "hello?")
    older = _message("t4_a0", 1763990000.0, "long ago")
    token(rsps)
    rsps.add(
        responses.GET,
        f"{OAUTH}/message/inbox/",
        json={
            "kind": "Listing",
            "data": {"children": [newer, same_second, first, older], "after": "t4_a0"},
        },
    )
    rsps.add(responses.GET, f"{OAUTH}/user/{HANDLE}/comments", json=EMPTY)  # fmt: skip
    again = sync_account(book, ingestor, account, RedditConnector(account, secrets))
    assert again.ok and again.stored == 2 and again.fetched == 3
    assert sorted(stored(store)) == ["t4_a1", "t4_a2", "t4_a3"]
    assert book.cursor(account, "inbox") == "1764000100"
