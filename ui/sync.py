"""Keeping the window current without ever waiting on the GUI thread.

A ``SyncWorker`` lives on its own ``QThread``. Every few seconds it ages the queue,
notices new messages (from an import, another agent, or a connector) and looks for
what deserves a notification; it reports by signals, which Qt delivers on the GUI
thread. Connectors (X, Reddit) add their own jobs here; each job reports its state
per account, and a failure becomes a notice that says what to do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from socialdesk import alerts, queue
from socialdesk.account_commands import connector_factory
from socialdesk.accounts import AccountBook, ConnectedAccount
from socialdesk.ingest import Ingestor
from socialdesk.learning import workspace_scorer
from socialdesk.secrets import SecretStore
from socialdesk.sources import Connector
from socialdesk.store import Store, StoreError
from socialdesk.syncing import Scheduler
from socialdesk.triage import TriageScorer
from ui.tasks import lower_priority

POLL_MS = 5_000


@dataclass(frozen=True, slots=True)
class JobState:
    account: str  # what the status bar names
    state: str  # "ok", "error" or "idle"
    detail: str


# A job runs on the sync thread; it returns its state, or raises with a message that says
# what to do ("X rejected the token: reconnect the account").
Job = Callable[[], JobState]


class SyncWorker(QObject):
    changed = Signal()  # new messages or changes: reload
    state = Signal(object)  # JobState
    alerted = Signal(object)  # list[alerts.Alert]
    failed = Signal(str, str)  # key, message
    recovered = Signal(str)  # key: the problem reported under it is over

    def __init__(self, store: Store, jobs: list[Job], interval_ms: int = POLL_MS) -> None:
        super().__init__()
        self.store = store
        self.jobs = jobs
        self.interval_ms = interval_ms
        self._latest: int | None = None
        self._announced: set[int] = set()
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        lower_priority()  # runs on the sync thread: below the GUI thread
        self._timer = QTimer(self)
        self._timer.setInterval(self.interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    @Slot()
    def stop(self) -> None:
        """Runs on the sync thread: its timer is destroyed where it lives."""
        if self._timer is not None:
            self._timer.stop()
            shiboken6.delete(self._timer)
            self._timer = None

    @Slot()
    def poll(self) -> None:
        for job in self.jobs:
            name = str(getattr(job, "account", getattr(job, "__name__", "sync")))
            try:
                state = job()
            except Exception as exc:  # reported as a notice; the next poll tries again
                self.state.emit(JobState(name, "error", str(exc)))
                self.failed.emit(f"sync:{name}", str(exc))
            else:
                self.state.emit(JobState(name, state.state, state.detail))
        # Reading comes first: new messages show even when the store refuses writes.
        now = datetime.now(UTC)
        problems: list[str] = []
        changed = False
        found: list[alerts.Alert] = []
        try:
            latest = alerts.latest_message_id(self.store)
            if self._latest is not None and latest != self._latest:
                found += alerts.new_urgent_complaints(self.store, self._latest)
                changed = True
            self._latest = latest
            breaches = alerts.imminent_breaches(self.store, now, self._announced)
            self._announced.update(alert.conversation_id for alert in breaches)
            found += breaches
        except StoreError as exc:
            problems.append(str(exc))
        try:
            queue.age(self.store, now)
        except StoreError as exc:
            problems.append(str(exc))
        # Told once this thread is done: the window's reloads and repaints then do not
        # compete with the rest of the poll for the processor.
        if changed:
            self.changed.emit()
        if found:
            self.alerted.emit(found)
        if problems:
            self.failed.emit("store", problems[0])
        else:
            self.recovered.emit("store")


def named(account: str, job: Job) -> Job:
    """A job with the name its state and its errors go by in the status bar."""
    job.account = account  # type: ignore[attr-defined]
    return job


class SyncController(QObject):
    """Owns the sync thread; start once, stop on close."""

    def __init__(self, store: Store, jobs: list[Job], interval_ms: int = POLL_MS) -> None:
        super().__init__()
        self.thread_ = QThread()
        self.thread_.setObjectName("sync")
        self.worker = SyncWorker(store, jobs, interval_ms)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.start)

    def start(self) -> None:
        self.thread_.start()

    def poll_now(self) -> None:
        QTimer.singleShot(0, self.worker, self.worker.poll)

    def stop(self) -> None:
        if self.thread_.isRunning():
            QMetaObject.invokeMethod(
                self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection
            )
            self.thread_.quit()
            self.thread_.wait(10_000)


class ConnectorSync(QObject):
    """Runs the connected accounts' scheduler (``socialdesk.syncing``) on threads of its
    own, below the GUI thread, and reports each sync by signal. Starts only once there is
    an account to poll; ``wake`` starts it later (an account was added)."""

    reported = Signal(object)  # socialdesk.syncing.SyncReport

    def __init__(
        self,
        store: Store,
        data_dir: Path | None,
        secrets: SecretStore,
        factory: Callable[[ConnectedAccount], Connector] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.data_dir = data_dir
        self.secrets = secrets
        self.factory = factory
        self.book = AccountBook(store)
        self._scheduler: Scheduler | None = None
        self._scorer: TriageScorer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        try:
            if not self.book.all():
                return
        except StoreError:
            return  # the window's own polling reports the store's trouble
        self._scorer = workspace_scorer(self.store, self.data_dir)
        self._scheduler = Scheduler(
            self.book,
            Ingestor(self.store, self._scorer),
            self.factory or connector_factory(self.secrets),
            listener=self.reported.emit,
        )
        self._thread = threading.Thread(target=self._run, name="connectors", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        lower_priority()  # its pool threads are born from this one, lowered too
        assert self._scheduler is not None
        self._scheduler.run()

    def wake(self) -> None:
        """Accounts changed, or F5: poll what is connected now."""
        if self._scheduler is None or not self.running:
            self.start()
        elif self._scheduler is not None:
            self._scheduler.poll_now()

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.stop()
        if self._thread is not None:
            self._thread.join(30)  # each request has a timeout; syncs finish
        if self._scorer is not None:
            self._scorer.close()
        self._scheduler = self._thread = self._scorer = None
