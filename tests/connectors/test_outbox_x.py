"""The outbox sending through the real X connector (tweepy), with X played by a small
in-process server behind ``responses``: it keeps the posts it accepted, answers the
account's timeline from them, and fails on request in every way a send can fail."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import requests
import responses
import urllib3.exceptions
from sqlalchemy import func, select

from connectors.x import XConnector
from socialdesk.accounts import AccountBook, AccountSettings, ConnectedAccount
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.models import Event, Message, OutboxItem
from socialdesk.outbox import Outbox, OutboxError
from socialdesk.secrets import SecretStore
from socialdesk.store import Store

API = "https://api.twitter.com/2"
USER_ID = "783214"
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


class Crash(BaseException):
    """The app dying between the network's answer and recording it."""


@dataclass
class FakeX:
    """What X keeps and how it answers. ``faults`` names what happens to the next
    requests, in order; when it runs out, requests succeed."""

    clock: Clock
    posts: list[dict[str, Any]] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)
    pick: Callable[[str], str] | None = None  # chooses a fault per request instead
    requests_made: int = 0
    seen: list[tuple[str, str]] = field(default_factory=list)
    next_id: int = 1_900_000_000_000_000_000

    def fault(self, what: str) -> str:
        self.requests_made += 1
        self.clock.advance(timedelta(seconds=2))  # a request takes time
        if self.pick is not None:
            fault = self.pick(what)
        else:
            fault = self.faults.pop(0) if self.faults else "ok"
        self.seen.append((what, fault))
        return fault

    def post(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        body = json.loads(request.body or b"{}")
        fault = self.fault("send")
        if fault in ("refused", "reset_before", "5xx_before", "429", "400", "401"):
            return _fail(fault, self.clock())
        self.next_id += 1
        post = {
            "id": str(self.next_id),
            "text": body["text"].replace("&", "&amp;"),  # as X stores it
            "author_id": USER_ID,
            "created_at": self.clock().strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "referenced_tweets": [
                {"type": "replied_to", "id": body["reply"]["in_reply_to_tweet_id"]}
            ],
        }
        self.posts.append(post)
        if fault == "timeout_after":
            raise requests.exceptions.ReadTimeout("read timed out")
        if fault == "reset_after":
            raise requests.exceptions.ConnectionError("Connection reset by peer")
        if fault == "5xx_after":
            return 503, {}, json.dumps({"title": "Service Unavailable"})
        if fault == "malformed_after":
            return 201, {"content-type": "application/json"}, '{"data": {"id": '
        return (
            201,
            {"content-type": "application/json"},
            json.dumps({"data": {"id": post["id"], "text": body["text"]}}),
        )

    def timeline(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        fault = self.fault("lookup")
        self.lookups.append(fault)
        if fault in ("refused", "5xx_before", "429", "timeout"):
            if fault == "timeout":
                raise requests.exceptions.ReadTimeout("read timed out")
            return _fail(fault, self.clock())
        query = parse_qs(urlparse(str(request.url)).query)
        since, until = (
            datetime.strptime(query[name][0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            for name in ("start_time", "end_time")
        )
        newest_first = [
            p
            for p in reversed(self.posts)
            if since
            <= datetime.strptime(p["created_at"], "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=UTC)
            <= until
        ]
        offset = int(query.get("pagination_token", ["0"])[0])
        page = newest_first[offset : offset + 100]
        meta: dict[str, Any] = {"result_count": len(page)}
        if offset + 100 < len(newest_first):
            meta["next_token"] = str(offset + 100)
        return 200, {"content-type": "application/json"}, json.dumps({"data": page, "meta": meta})

    def install(self, rsps: responses.RequestsMock) -> None:
        rsps.add_callback(responses.POST, f"{API}/tweets", callback=self.post)
        rsps.add_callback(
            responses.GET,
            re.compile(rf"{re.escape(API)}/users/{USER_ID}/tweets.*"),
            callback=self.timeline,
        )

    def texts(self) -> list[str]:
        return [p["text"].replace("&amp;", "&") for p in self.posts]


def _fail(fault: str, now: datetime) -> tuple[int, dict[str, str], str]:
    if fault == "refused":
        raise requests.exceptions.ConnectionError(
            urllib3.exceptions.NewConnectionError(None, "Connection refused")  # type: ignore[arg-type]
        )
    if fault == "reset_before":
        raise requests.exceptions.ConnectionError("Connection reset by peer")
    if fault == "5xx_before":
        return 500, {}, json.dumps({"title": "Internal Error"})
    if fault == "429":
        reset = int((now + timedelta(minutes=15)).timestamp())
        return 429, {"x-rate-limit-reset": str(reset)}, json.dumps({"title": "Too Many Requests"})
    if fault == "401":
        return 401, {}, json.dumps({"title": "Unauthorized"})
    return 400, {}, json.dumps({"detail": "Your Tweet text is too long."})


@pytest.fixture
def fake_x_rsps() -> Any:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def account(book: AccountBook, secrets: SecretStore) -> ConnectedAccount:
    added = book.add(Network.X, "@Twitter", AccountSettings(auth="oauth2", user_id=USER_ID))
    secrets.set("x", added.handle, "access_token", "token-for-tests")
    return added


def _mentions(account: ConnectedAccount, count: int) -> list[IncomingMessage]:
    return [
        IncomingMessage(
            network=Network.X,
            external_id=str(1_800_000_000_000_000_000 + n),
            kind=MessageKind.MENTION,
            direction=Direction.INBOUND,
            author=Author(str(500 + n), f"@customer{n}", f"Customer {n}"),
            account=account.handle,
            created_at=START - timedelta(minutes=30) + timedelta(seconds=n),
            text=f"@Twitter my order {n} never came",
        )
        for n in range(count)
    ]


def _outbox(
    store: Store,
    ingestor: Ingestor,
    connector: XConnector,
    clock: Clock,
    crash: Callable[[int], None] | None = None,
) -> Outbox:
    return Outbox(
        store,
        ingestor=ingestor,
        sender_for=lambda _account_id: connector,
        clock=clock,
        before_record=crash,
    )


def _conversations(store: Store) -> list[int]:
    with store.session() as session:
        return list(session.scalars(select(Message.conversation_id).order_by(Message.external_id)))


def _statuses(store: Store) -> dict[str, int]:
    with store.session() as session:
        rows = session.execute(
            select(OutboxItem.status, func.count()).group_by(OutboxItem.status)
        ).all()
    return {status: count for status, count in rows}


def test_a_thousand_sends_through_every_fault_go_out_exactly_once(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    sends = 1000
    rng = random.Random(7)
    send_faults = [
        ("ok", 55),
        ("timeout_after", 8),
        ("reset_after", 6),
        ("reset_before", 5),
        ("refused", 5),
        ("5xx_before", 5),
        ("5xx_after", 5),
        ("malformed_after", 3),
        ("429", 8),
    ]
    lookup_faults = [("ok", 80), ("timeout", 7), ("5xx_before", 6), ("429", 4), ("refused", 3)]

    def pick(what: str) -> str:
        table = send_faults if what == "send" else lookup_faults
        names, weights = zip(*table, strict=True)
        return rng.choices(names, weights)[0]

    fake = FakeX(clock, pick=pick)
    fake.install(fake_x_rsps)
    ingestor.ingest(_mentions(account, sends))
    connector = XConnector(account, secrets, now=clock)
    crashes = 0

    def crash_sometimes(_item_id: int) -> None:
        nonlocal crashes
        if rng.random() < 0.03:
            crashes += 1
            raise Crash()

    outbox = _outbox(store, ingestor, connector, clock, crash_sometimes)
    conversations = sorted(set(_conversations(store)))
    ids = [
        outbox.enqueue(conv, f"Sorry about that & thanks, case {n}", actor="Ayşe")
        for n, conv in enumerate(conversations)
    ]
    restarts = 0
    for _round in range(60):
        try:
            outbox.run_once(limit=sends)
        except Crash:
            # The process died: a new one starts later, past the dead worker's lease.
            restarts += 1
            outbox = _outbox(store, ingestor, connector, clock, crash_sometimes)
        clock.advance(timedelta(minutes=31))
        if set(_statuses(store)) == {"sent"}:
            break

    left = [(e.status, e.error) for e in outbox.entries(statuses=("queued", "unknown", "sending"))]
    assert _statuses(store) == {"sent": sends}, left
    texts = fake.texts()
    assert len(texts) == sends, "a reply went out twice"
    assert sorted(texts) == sorted(f"Sorry about that & thanks, case {n}" for n in range(sends))
    with store.session() as session:
        outbound = session.scalar(
            select(func.count()).where(Message.direction == Direction.OUTBOUND.value)
        )
        sent_ids = set(session.scalars(select(OutboxItem.external_id)))
        agents = session.scalars(select(Event.data).where(Event.type == "replied")).all()
    assert outbound == sends
    assert sent_ids == {p["id"] for p in fake.posts}
    assert all(json.loads(data)["agent"] == "Ayşe" for data in agents)
    assert len(ids) == sends
    # Every kind of fault really happened along the way.
    assert crashes > 5 and restarts == crashes
    assert {name for name, _ in send_faults} <= {f for what, f in fake.seen if what == "send"}
    assert {name for name, _ in lookup_faults} <= set(fake.lookups)


def _one(
    store: Store, ingestor: Ingestor, account: ConnectedAccount
) -> tuple[int, IncomingMessage]:
    [mention] = _mentions(account, 1)
    ingestor.ingest([mention])
    [conv] = _conversations(store)
    return conv, mention


def test_a_timeout_after_x_took_the_reply_is_found_not_sent_again(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock, faults=["timeout_after"])
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    outbox = _outbox(store, ingestor, XConnector(account, secrets, now=clock), clock)
    item = outbox.enqueue(conv, "We're on it", actor="Dana")

    assert outbox.process(item) == "unknown"
    entry = outbox.get(item)
    assert "may have gone out" in (entry.error or "")
    assert outbox.process(item) is None  # not due before its retry time
    clock.advance(timedelta(seconds=16))
    assert outbox.process(item) == "sent"
    assert len(fake.posts) == 1 and fake.lookups == ["ok"]
    assert outbox.get(item).external_id == fake.posts[0]["id"]


def test_a_reset_before_x_took_it_is_looked_up_then_sent(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock, faults=["reset_before"])
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    outbox = _outbox(store, ingestor, XConnector(account, secrets, now=clock), clock)
    item = outbox.enqueue(conv, "We're on it", actor="Dana")

    assert outbox.process(item) == "unknown"
    clock.advance(timedelta(minutes=1))
    assert outbox.process(item) == "sent"
    assert fake.lookups == ["ok"] and len(fake.posts) == 1


def test_offline_keeps_the_reply_queued_and_sends_it_when_the_connection_returns(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock, faults=["refused", "refused", "refused"])
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    outbox = _outbox(store, ingestor, XConnector(account, secrets, now=clock), clock)
    item = outbox.enqueue(conv, "Written on the train", actor="Dana")

    for _ in range(3):
        assert outbox.run_once().outcomes == {"queued": 1}
        assert "no connection" in (outbox.get(item).error or "")
        clock.advance(timedelta(hours=1))
    assert outbox.run_once().outcomes == {"sent": 1}
    assert fake.lookups == []  # never possibly sent: nothing to look up
    assert fake.texts() == ["Written on the train"]


def test_a_rate_limit_waits_for_the_window_then_sends(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock, faults=["429"])
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    outbox = _outbox(store, ingestor, XConnector(account, secrets, now=clock), clock)
    item = outbox.enqueue(conv, "Thanks for waiting", actor="Dana")

    assert outbox.process(item) == "queued"
    entry = outbox.get(item)
    assert "rate limit" in (entry.error or "")
    assert entry.next_attempt_at == clock() + timedelta(minutes=15)
    clock.advance(timedelta(minutes=10))
    assert outbox.due() == []
    clock.advance(timedelta(minutes=5))
    assert outbox.process(item) == "sent"
    assert len(fake.posts) == 1


def test_a_refusal_fails_with_the_reason_and_can_be_edited_or_retried(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock, faults=["400", "401"])
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    outbox = _outbox(store, ingestor, XConnector(account, secrets, now=clock), clock)
    item = outbox.enqueue(conv, "A reply X refuses", actor="Dana")

    assert outbox.process(item) == "failed"
    assert "too long" in (outbox.get(item).error or "")
    assert outbox.run_once().attempted == 0  # a failed reply waits for the agent
    outbox.retry(item)
    assert outbox.process(item) == "failed"
    assert "reconnect" in (outbox.get(item).error or "")
    assert outbox.withdraw(item) == "A reply X refuses"  # back to the composer
    with pytest.raises(OutboxError, match="no reply"):
        outbox.get(item)
    assert fake.posts == []


def test_a_crash_between_sending_and_sent_is_reconciled_after_restart(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock)
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    connector = XConnector(account, secrets, now=clock)

    def crash(_item_id: int) -> None:
        raise Crash()

    outbox = _outbox(store, ingestor, connector, clock, crash)
    item = outbox.enqueue(conv, "Sent just before the crash", actor="Dana")
    with pytest.raises(Crash):
        outbox.process(item)
    assert outbox.get(item).status == "sending"

    restarted = _outbox(store, ingestor, connector, clock)
    assert restarted.run_once().attempted == 0  # the dead worker's lease still holds
    clock.advance(timedelta(minutes=6))
    run = restarted.run_once()
    assert run.recovered == 1 and run.outcomes == {"sent": 1}
    assert len(fake.posts) == 1 and fake.lookups == ["ok"]


def test_two_workers_never_hold_the_same_reply(
    store: Store,
    ingestor: Ingestor,
    account: ConnectedAccount,
    secrets: SecretStore,
    fake_x_rsps: responses.RequestsMock,
    clock: Clock,
) -> None:
    fake = FakeX(clock)
    fake.install(fake_x_rsps)
    conv, _mention = _one(store, ingestor, account)
    connector = XConnector(account, secrets, now=clock)
    first = _outbox(store, ingestor, connector, clock)
    second = _outbox(store, ingestor, connector, clock)
    item = first.enqueue(conv, "Only once", actor="Dana")

    def second_worker_tries(_item_id: int) -> None:
        assert second.process(item) is None  # held by the first

    first.before_record = second_worker_tries
    assert first.process(item) == "sent"
    assert second.process(item) is None
    assert len(fake.posts) == 1
