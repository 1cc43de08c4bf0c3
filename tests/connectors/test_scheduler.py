"""When accounts are polled: intervals with jitter, backoff, rate limits, and a
scheduler on worker threads that never spins. The connector here is a stand-in for
the port (the real connectors have their own tests); the store is real."""

from __future__ import annotations

import itertools
import random
import threading
import time
from datetime import UTC, datetime, timedelta

from socialdesk.accounts import AccountBook, AccountSettings, ConnectedAccount
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.sources import FetchResult, Meter, NetworkDown, SourceError
from socialdesk.syncing import MAX_BACKOFF, Schedule, Scheduler, SyncReport

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def account(book: AccountBook, handle: str = "@brand", poll: int = 60) -> ConnectedAccount:
    return book.add(Network.X, handle, AccountSettings(poll_seconds=poll, user_id="1"))


def test_intervals_carry_jitter_within_a_tenth(book: AccountBook) -> None:
    one = account(book, poll=100)
    schedule = Schedule(random.Random(3))
    gaps = [
        (schedule.finished(one, SyncReport(one.name), NOW) - NOW).total_seconds()
        for _ in range(200)
    ]
    assert all(90 <= gap <= 110 for gap in gaps)
    assert len({round(gap) for gap in gaps}) > 10  # not all the same


def test_errors_back_off_exponentially_up_to_an_hour_and_reset_on_success(
    book: AccountBook,
) -> None:
    one = account(book, poll=60)
    schedule = Schedule(random.Random(1))
    failed = SyncReport(one.name, state="offline", detail="down")
    gaps = [(schedule.finished(one, failed, NOW) - NOW).total_seconds() for _ in range(8)]
    assert 108 <= gaps[0] <= 132 and 216 <= gaps[1] <= 264  # 2x, 4x the interval
    assert all(
        b >= a * 1.5 or b >= 0.9 * MAX_BACKOFF.total_seconds() for a, b in itertools.pairwise(gaps)
    )
    assert max(gaps) <= MAX_BACKOFF.total_seconds() * 1.1
    back = schedule.finished(one, SyncReport(one.name), NOW)
    assert (back - NOW).total_seconds() <= 66


def test_rate_limits_budgets_and_revoked_tokens(book: AccountBook) -> None:
    one = account(book)
    schedule = Schedule(random.Random(2))
    later = NOW + timedelta(minutes=40)
    limited = SyncReport(one.name, state="rate_limited", until=later)
    assert schedule.finished(one, limited, NOW) == later  # what X said, not the backoff
    spent = SyncReport(one.name, state="budget_reached", until=NOW + timedelta(hours=12))
    assert schedule.finished(one, spent, NOW) == NOW + timedelta(hours=12)
    revoked = SyncReport(one.name, state="needs_reconnecting")
    assert schedule.finished(one, revoked, NOW).year == 9999  # until reconnected
    plan = SyncReport(one.name, state="plan_missing")
    assert schedule.finished(one, plan, NOW) == NOW + timedelta(hours=24)


class StandIn:
    """Implements the connector port; counts calls; fails when told to."""

    network = Network.X

    def __init__(self, handle: str, fail: bool = False) -> None:
        self.meter = Meter()
        self.handle = handle
        self.fail = fail
        self.calls = 0
        self.threads: set[str] = set()

    def streams(self) -> list[str]:
        return ["mentions"]

    def whoami(self) -> str:
        return self.handle

    def fetch(self, stream: str, cursor: str | None) -> FetchResult:
        self.calls += 1
        self.meter.requests += 1
        self.threads.add(threading.current_thread().name)
        if self.fail:
            raise NetworkDown("cannot reach X (ConnectionError); will retry")
        number = int(cursor or "0") + 1
        item = IncomingMessage(
            network=Network.X,
            external_id=f"{self.handle}-{number}",
            kind=MessageKind.MENTION,
            direction=Direction.INBOUND,
            author=Author("9", "@someone"),
            account=self.handle,
            created_at=NOW,
            text=f"message {number}",
        )
        return FetchResult([item], stream, str(number))

    def acknowledge(self, stream: str) -> None:
        pass

    def send_reply(self, in_reply_to: IncomingMessage, text: str) -> IncomingMessage:
        raise SourceError("not used here")


def test_the_scheduler_polls_on_threads_never_spins_and_stops_promptly(
    book: AccountBook, ingestor: Ingestor
) -> None:
    good = account(book, "@good", poll=30)
    bad = account(book, "@bad", poll=30)
    stand_ins = {good.id: StandIn("good"), bad.id: StandIn("bad", fail=True)}
    heard: list[SyncReport] = []
    scheduler = Scheduler(
        book, ingestor, lambda a: stand_ins[a.id], listener=heard.append, rng=random.Random(5)
    )
    runner = threading.Thread(target=scheduler.run)
    runner.start()
    deadline = time.monotonic() + 10
    while len(heard) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)  # a spinning scheduler would poll again and again meanwhile
    began = time.monotonic()
    scheduler.stop()
    runner.join(5)
    assert not runner.is_alive() and time.monotonic() - began < 2
    assert stand_ins[good.id].calls == 1 and stand_ins[bad.id].calls == 1
    assert all(name.startswith("sync") for s in stand_ins.values() for name in s.threads)
    states = {report.account: report.state for report in heard}
    assert states == {"x:good": "ok", "x:bad": "offline"}
    assert book.find("x:bad").state == "offline" and book.find("x:good").state == "ok"
    assert book.cursor(book.find("good"), "mentions") == "1"


def test_poll_now_brings_every_account_forward(book: AccountBook, ingestor: Ingestor) -> None:
    one = account(book, "@one", poll=3600)
    stand_in = StandIn("one")
    heard: list[SyncReport] = []
    scheduler = Scheduler(book, ingestor, lambda a: stand_in, listener=heard.append)
    runner = threading.Thread(target=scheduler.run)
    runner.start()
    try:
        deadline = time.monotonic() + 10
        while len(heard) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        scheduler.poll_now()
        while len(heard) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        scheduler.stop()
        runner.join(5)
    assert stand_in.calls == 2 and book.cursor(one, "mentions") == "2"


def test_an_account_reconnected_since_is_polled_again(book: AccountBook) -> None:
    one = account(book)
    schedule = Schedule(random.Random(4))
    schedule.due([one], NOW)
    schedule.started(one)
    schedule.finished(one, SyncReport(one.name, state="needs_reconnecting"), NOW)
    waiting = book.get(one.id)
    book.set_state(waiting, "needs_reconnecting", "reconnect")
    assert schedule.due([book.get(one.id)], NOW + timedelta(hours=1)) == []
    book.set_state(waiting, "ok", "connected as @brand")  # accounts test, or the dialog
    assert [a.id for a in schedule.due([book.get(one.id)], NOW + timedelta(hours=1))] == [one.id]


class Broken(StandIn):
    def fetch(self, stream: str, cursor: str | None) -> FetchResult:
        raise KeyError("data")  # a payload shape nobody expected


def test_an_unexpected_failure_is_reported_not_raised(
    book: AccountBook, ingestor: Ingestor
) -> None:
    one = account(book)
    heard: list[SyncReport] = []
    scheduler = Scheduler(book, ingestor, lambda a: Broken("x"), listener=heard.append)
    (report,) = scheduler.run_once()
    assert (report.state, report.detail) == ("error", "the sync failed: 'data'")
    assert heard == [report] and book.get(one.id).state == "error"


def test_usage_adds_up(book: AccountBook) -> None:
    one = account(book)
    for _ in range(3):
        book.record_usage(one, 2, 0.5, NOW)
    usage = book.usage(one, NOW)
    assert (usage.requests, usage.credits) == (6, 1.5)
