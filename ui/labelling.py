"""The 'm' action: mark the selected message as a complaint or not, off the GUI thread."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from socialdesk.learning import Lesson, teach
from socialdesk.store import Store
from ui.importer import background_process, last_error
from ui.tasks import run_task


class ComplaintMarker(QObject):
    """Flips the agent's verdict on a message and lets the workspace model learn it.

    With ``db_url`` (the app), the label is recorded by ``socialdesk label`` in a
    process of its own: retraining and rescoring a large queue take seconds of Python,
    which on a thread would pause the window's event loop again and again. Without it,
    on a pool thread."""

    learned = Signal(object)  # Lesson
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        data_dir: Path | None,
        runner: Callable[..., None] = run_task,
        *,
        db_url: str | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self._data_dir = data_dir
        self._runner = runner
        self._db_url = db_url
        self._process: QProcess | None = None
        self.busy = False

    def mark(self, message_id: int, complaint: bool) -> bool:
        """False when a label is still being recorded; the agent presses again."""
        if self.busy:
            return False
        self.busy = True
        if self._db_url is not None:
            self._mark_elsewhere(message_id, complaint)
            return True
        actor = _agent()
        self._runner(
            lambda: teach(self._store, self._data_dir, message_id, complaint, actor=actor),
            self._on_done,
            self._on_error,
            self,
        )
        return True

    def wait(self, ms: int = 15_000) -> None:
        """Let a label being recorded finish (the window is closing)."""
        if self._process is not None:
            self._process.waitForFinished(ms)

    def _mark_elsewhere(self, message_id: int, complaint: bool) -> None:
        assert self._db_url is not None
        decision = "complaint" if complaint else "not-complaint"
        process = background_process(
            self, self._data_dir, self._db_url, ["label", str(message_id), decision, "--json"]
        )
        self._process = process
        process.finished.connect(lambda code, _status: self._on_process_done(process, code))
        process.errorOccurred.connect(
            lambda error: (
                self._on_process_done(process, -1)
                if error == QProcess.ProcessError.FailedToStart
                else None
            )
        )
        process.start()

    def _on_process_done(self, process: QProcess, code: int) -> None:
        if self._process is not process:
            return  # reported already
        self._process = None
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", errors="replace")
        problem = last_error(bytes(process.readAllStandardError().data()))
        process.deleteLater()
        lesson = _lesson(out) if code == 0 else None
        if lesson is not None:
            self._on_done(lesson)
        else:
            self._on_error(RuntimeError(problem or process.errorString()))

    def _on_done(self, lesson: Lesson) -> None:
        self.busy = False
        self.learned.emit(lesson)

    def _on_error(self, error: BaseException) -> None:
        self.busy = False
        self.failed.emit(self.tr("Could not record the label: {0}").format(error))


def _lesson(out: str) -> Lesson | None:
    """``label --json``'s outcome (its last line), or None."""
    lines = out.strip().splitlines()
    try:
        data = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        return Lesson(
            message_id=int(data["message_id"]),
            complaint=bool(data["complaint"]),
            version=None if data["version"] is None else int(data["version"]),
            labels=int(data["labels"]),
            rescored=int(data["rescored"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _agent() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
