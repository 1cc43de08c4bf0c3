"""The outbox in the app: replies go out on a thread of their own, never the GUI's.

``OutboxRunner`` owns the core's ``OutboxWorker`` (``socialdesk.sending``): started
with the window, woken when an agent queues a reply, stopped on close (an item cut off
mid-send is looked up by the next run, never sent twice). Each pass that did something
is reported by signal, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from socialdesk.acknowledge import Acknowledger
from socialdesk.ingest import Ingestor
from socialdesk.learning import workspace_scorer
from socialdesk.outbox import OutboxRun
from socialdesk.secrets import SecretStore
from socialdesk.sending import OutboxWorker, outbox_for
from socialdesk.sources import Connector
from socialdesk.store import Store
from socialdesk.triage import TriageScorer


class OutboxRunner(QObject):
    ran = Signal(object)  # OutboxRun: something was sent, failed or found

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        data_dir: Path | None,
        *,
        connectors: Mapping[str, Callable[..., Connector]] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.secrets = secrets
        self.data_dir = data_dir
        self.connectors = connectors
        self._scorer: TriageScorer | None = None
        self.worker: OutboxWorker | None = None

    def start(self) -> None:
        if self.worker is not None:
            return
        self._scorer = workspace_scorer(self.store, self.data_dir)
        outbox = outbox_for(
            self.store,
            self.secrets,
            self.data_dir,
            Ingestor(self.store, self._scorer),
            connectors=self.connectors,
        )
        self.worker = OutboxWorker(
            outbox, listener=self._heard, acknowledger=Acknowledger(self.store)
        )
        self.worker.start()

    def _heard(self, run: OutboxRun) -> None:
        self.ran.emit(run)  # from the worker's thread: queued to the GUI thread

    def wake(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        if self._scorer is not None:
            self._scorer.close()
            self._scorer = None
