"""Polling connected accounts: one sync of one account, and the scheduler that decides
when each account is polled next.

A sync polls each of the connector's streams from its stored cursor and stores the
items with the new cursor in one transaction (``Ingestor.ingest``), so a cursor never
moves past an item that is not stored, and re-fetching a window stores nothing twice.
Items that cannot be read are quarantined with their raw JSON; the sync goes on.

The scheduler never sleeps in a loop of its own making: it works out when the next
account is due and waits on an event until then (or until told to stop). Intervals
carry jitter, errors back off exponentially, a rate limit is honoured until the time
the network gave, and a revoked token or a missing plan stops polling that account
until it is reconnected.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from socialdesk.accounts import AccountBook, ConnectedAccount, next_utc_midnight
from socialdesk.domain import IncomingMessage, utcnow
from socialdesk.ingest import CursorUpdate, Ingestor
from socialdesk.sources import (
    AuthError,
    Connector,
    MalformedResponse,
    PlanError,
    Quarantined,
    RateLimited,
    SourceError,
)

log = logging.getLogger("socialdesk.syncing")

JITTER = 0.1  # each interval is stretched or shrunk by up to a tenth
MAX_BACKOFF = timedelta(hours=1)
PLAN_RECHECK = timedelta(hours=24)


@dataclass(slots=True)
class SyncReport:
    account: str
    state: str = "ok"
    detail: str = ""
    fetched: int = 0
    stored: int = 0
    quarantined: int = 0
    requests: int = 0
    until: datetime | None = None
    streams: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def sync_account(
    book: AccountBook,
    ingestor: Ingestor,
    account: ConnectedAccount,
    connector: Connector,
    *,
    now: Callable[[], datetime] = utcnow,
) -> SyncReport:
    """Poll every stream of one account once. Errors end in the account's state, not
    in an exception; the report says what happened."""
    report = SyncReport(account.name)
    try:
        return _sync_streams(book, ingestor, account, connector, report, now)
    except SourceError as exc:  # a connector's own (renewing a token, say)
        return _failed(book, account, "sync", exc, report, now())
    except Exception as exc:  # the store, the keyring or a bug: said, and retried later
        log.exception("sync of %s failed", account.name)
        report.state, report.detail = "error", f"the sync failed: {exc}"
        try:
            book.set_state(account, report.state, report.detail)
        except Exception:  # the store itself is what failed: the report still goes out
            log.exception("could not record the state of %s", account.name)
        return report


def _sync_streams(
    book: AccountBook,
    ingestor: Ingestor,
    account: ConnectedAccount,
    connector: Connector,
    report: SyncReport,
    now: Callable[[], datetime],
) -> SyncReport:
    started = now()
    spent = book.usage(account, started).requests
    budget = account.settings.daily_budget
    if spent >= budget:
        until = next_utc_midnight(started)
        report.state, report.until = "budget_reached", until
        report.detail = f"used {spent} of {budget} requests today; polling again after midnight UTC"
        book.set_state(account, report.state, report.detail, until)
        return report
    for stream in connector.streams():
        try:
            cursor = book.cursor(account, stream)
            result = connector.fetch(stream, cursor)
        except SourceError as exc:
            _meter(book, account, connector, report, now())
            return _failed(book, account, stream, exc, report, now())
        _meter(book, account, connector, report, now())
        update = None
        if result.cursor is not None and result.cursor != cursor:
            update = CursorUpdate(account.network, account.handle, stream, result.cursor)
        # Kept aside first: if storing the rest fails, they are only kept twice next time.
        book.quarantine(account, stream, result.quarantined, now())
        stored = ingestor.ingest([_storable(item) for item in result.items], cursor=update)
        connector.acknowledge(stream)  # stored: the connector may mark them read
        report.fetched += len(result.items)
        report.stored += stored.inserted
        report.quarantined += len(result.quarantined)
        report.streams[stream] = stored.inserted
        if result.until is not None:  # stopped early (rate limit); the rest next time
            return _failed(
                book,
                account,
                stream,
                RateLimited(result.note or "rate limited", result.until),
                report,
                now(),
            )
        if report.requests + spent >= budget:
            report.detail = "daily budget reached during this sync"
            break
    if report.quarantined:
        report.detail = (
            f"{report.quarantined} unreadable item(s) kept aside; " + report.detail
        ).strip("; ")
    book.set_state(account, "ok", report.detail, None, synced_at=now())
    return report


def _storable(item: IncomingMessage) -> IncomingMessage:
    """NUL cannot be stored (PostgreSQL refuses it): shown as U+FFFD instead."""
    fields = (item.text, item.author.handle, item.author.name, item.url)
    if not any("\x00" in value for value in fields):
        return item
    author = replace(
        item.author,
        handle=item.author.handle.replace("\x00", "\ufffd"),
        name=item.author.name.replace("\x00", "\ufffd"),
    )
    return replace(
        item,
        text=item.text.replace("\x00", "\ufffd"),
        url=item.url.replace("\x00", ""),
        author=author,
    )


def _meter(
    book: AccountBook,
    account: ConnectedAccount,
    connector: Connector,
    report: SyncReport,
    at: datetime,
) -> None:
    requests, credits = connector.meter.take()
    report.requests += requests
    book.record_usage(account, requests, credits, at)


def _failed(
    book: AccountBook,
    account: ConnectedAccount,
    stream: str,
    exc: SourceError,
    report: SyncReport,
    at: datetime,
) -> SyncReport:
    report.state, report.detail = exc.state, str(exc)
    if isinstance(exc, RateLimited):
        report.until = exc.until
    if isinstance(exc, MalformedResponse):
        book.quarantine(account, stream, [Quarantined(exc.raw, str(exc))], at)
        report.quarantined += 1
    book.set_state(account, report.state, report.detail, report.until)
    log.warning("%s: %s", account.name, exc)
    return report


# -- when to poll ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    due: datetime
    failures: int = 0
    running: bool = False


class Schedule:
    """When each account is due. Pure arithmetic over reports; no threads."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self._rng = rng or random.Random()
        self._plans: dict[int, _Plan] = {}

    def _jitter(self, seconds: float) -> timedelta:
        return timedelta(seconds=seconds * (1 + self._rng.uniform(-JITTER, JITTER)))

    def due(self, accounts: list[ConnectedAccount], now: datetime) -> list[ConnectedAccount]:
        ready = []
        for account in accounts:
            plan = self._plans.get(account.id)
            if plan is None:
                start = now
                if account.state_until is not None and account.state_until > now:
                    start = account.state_until  # a rate limit or budget from before
                plan = self._plans[account.id] = _Plan(due=start)
            if plan.due.year == datetime.max.year and account.state != "needs_reconnecting":
                plan.due = now  # reconnected (or re-added) since: poll it again
            if not plan.running and plan.due <= now:
                ready.append(account)
        return ready

    def next_due(self, accounts: list[ConnectedAccount]) -> datetime | None:
        times = [
            plan.due
            for account in accounts
            if (plan := self._plans.get(account.id)) is not None and not plan.running
        ]
        return min(times, default=None)

    def started(self, account: ConnectedAccount) -> None:
        self._plans.setdefault(account.id, _Plan(due=utcnow())).running = True

    def finished(self, account: ConnectedAccount, report: SyncReport, now: datetime) -> datetime:
        """Records how a sync went; returns when the account is due again."""
        plan = self._plans.setdefault(account.id, _Plan(due=now))
        plan.running = False
        interval = account.settings.poll_seconds
        if report.ok:
            plan.failures = 0
            plan.due = now + self._jitter(interval)
        elif report.state in (AuthError.state, "needs_reconnecting"):
            plan.due = datetime.max.replace(tzinfo=now.tzinfo)  # until reconnected
        elif report.state in (PlanError.state,):
            plan.due = now + PLAN_RECHECK
        elif report.state == "budget_reached" and report.until is not None:
            plan.due = report.until
        else:
            plan.failures += 1
            backoff = min(MAX_BACKOFF.total_seconds(), interval * 2 ** min(plan.failures, 16))
            plan.due = now + self._jitter(backoff)
            if report.until is not None and report.until > plan.due:
                plan.due = report.until  # the network said when
        return plan.due

    def make_due(self, account: ConnectedAccount, now: datetime) -> None:
        plan = self._plans.get(account.id)
        if plan is not None and account.state != "needs_reconnecting":
            plan.due = min(plan.due, now)


ConnectorFactory = Callable[[ConnectedAccount], Connector]
Listener = Callable[[SyncReport], None]


class Scheduler:
    """Polls every connected account when it is due, on worker threads, until stopped.
    ``listener`` hears every report (on a worker thread)."""

    def __init__(
        self,
        book: AccountBook,
        ingestor: Ingestor,
        connector_for: ConnectorFactory,
        *,
        only: str | None = None,
        listener: Listener | None = None,
        workers: int = 4,
        rng: random.Random | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.book = book
        self.ingestor = ingestor
        self.connector_for = connector_for
        self.only = only
        self.listener = listener
        self.schedule = Schedule(rng)
        self.now = now
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sync")
        self._connectors: dict[int, tuple[str, Connector]] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def accounts(self) -> list[ConnectedAccount]:
        accounts = self.book.all()
        if self.only is not None:
            accounts = [self.book.find(self.only, accounts)]
        return accounts

    def run_once(self) -> list[SyncReport]:
        """Every account once, now, whatever its schedule (``sync --once``)."""
        return [self._sync(account) for account in self.accounts()]

    def run(self, *, idle_check: timedelta = timedelta(seconds=30)) -> None:
        """Until ``stop()``: start what is due, then wait for the next due time (at most
        ``idle_check``, so accounts added meanwhile are noticed)."""
        try:
            while not self._stop.is_set():
                accounts = self.accounts()
                now = self.now()
                with self._lock:
                    ready = self.schedule.due(accounts, now)
                    for account in ready:
                        self.schedule.started(account)
                    upcoming = self.schedule.next_due(accounts)
                for account in ready:
                    self._pool.submit(self._run_one, account)
                wait = idle_check.total_seconds()
                if upcoming is not None:
                    wait = max(0.05, min(wait, (upcoming - self.now()).total_seconds()))
                self._wake.wait(wait)
                self._wake.clear()
        finally:  # stopped, or interrupted (Ctrl+C): let the syncs under way finish
            self._stop.set()
            self._pool.shutdown(wait=True, cancel_futures=True)

    def poll_now(self) -> None:
        """Every account due at once (the app's refresh, or accounts changed): with
        fresh connectors, so new secrets and settings are used."""
        with self._lock:
            self._connectors.clear()
            for account in self.accounts():
                self.schedule.make_due(account, self.now())
        self._wake.set()

    def stop(self) -> None:
        """Ends ``run`` once the syncs under way are done (each request has a timeout)."""
        self._stop.set()
        self._wake.set()

    def _run_one(self, account: ConnectedAccount) -> None:
        try:
            report = self._sync(account)
        except Exception as exc:  # a bug or the store: reported, the next poll tries again
            log.exception("sync of %s failed", account.name)
            report = SyncReport(account.name, state="error", detail=str(exc))
        with self._lock:
            self.schedule.finished(account, report, self.now())
        self._wake.set()  # its next due time may be the earliest now

    def _connector(self, account: ConnectedAccount) -> Connector:
        """One connector per account while its settings stay the same: a Reddit comment
        stream remembers where it got to between polls."""
        key = account.settings.to_json()
        with self._lock:
            cached = self._connectors.get(account.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        connector = self.connector_for(account)
        with self._lock:
            self._connectors[account.id] = (key, connector)
        return connector

    def _sync(self, account: ConnectedAccount) -> SyncReport:
        try:
            connector = self._connector(account)
        except SourceError as exc:
            report = SyncReport(account.name, state=exc.state, detail=str(exc))
            self.book.set_state(account, exc.state, str(exc))
        except Exception as exc:  # a connector that cannot be built: said, retried later
            log.exception("could not set up %s", account.name)
            report = SyncReport(account.name, state="error", detail=str(exc))
        else:
            report = sync_account(self.book, self.ingestor, account, connector, now=self.now)
            if not report.ok:
                with self._lock:  # a fresh client, with what the keyring holds, next time
                    self._connectors.pop(account.id, None)
        if self.listener is not None:
            self.listener(report)
        return report
