"""The 'm' action: mark the selected message as a complaint or not.

The label is recorded by ``socialdesk label --json`` in a process of its own (see
``socialdesk.background``): retraining and rescoring a large queue take seconds of
Python, which on a thread would pause the window's event loop again and again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from socialdesk.learning import Lesson
from ui.importer import background_process, last_error, last_json


class ComplaintMarker(QObject):
    """Flips the agent's verdict on a message and lets the workspace model learn it."""

    learned = Signal(object)  # Lesson
    failed = Signal(str)

    def __init__(self, data_dir: Path | None, db_url: str) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._db_url = db_url
        self._process: QProcess | None = None

    @property
    def busy(self) -> bool:
        return self._process is not None

    def mark(self, message_id: int, complaint: bool) -> bool:
        """False when a label is still being recorded; the agent presses again."""
        if self._process is not None:
            return False
        decision = "complaint" if complaint else "not-complaint"
        process = background_process(
            self, self._data_dir, self._db_url, ["label", str(message_id), decision, "--json"]
        )
        self._process = process
        process.finished.connect(lambda code, _status: self._on_done(process, code))
        process.errorOccurred.connect(
            lambda error: (
                self._on_done(process, -1) if error == QProcess.ProcessError.FailedToStart else None
            )
        )
        process.start()
        return True

    def wait(self, ms: int = 15_000) -> None:
        """Let a label being recorded finish (the window is closing)."""
        if self._process is not None:
            self._process.waitForFinished(ms)

    def _on_done(self, process: QProcess, code: int) -> None:
        if self._process is not process:
            return  # reported already
        self._process = None
        lesson = _lesson(bytes(process.readAllStandardOutput().data())) if code == 0 else None
        problem = last_error(bytes(process.readAllStandardError().data()))
        process.deleteLater()
        if lesson is not None:
            self.learned.emit(lesson)
        else:
            self.failed.emit(
                self.tr("Could not record the label: {0}").format(problem or process.errorString())
            )


def _lesson(out: bytes) -> Lesson | None:
    """``label --json``'s outcome, or None."""
    data = last_json(out)
    if data is None:
        return None
    try:
        version = data["version"]
        return Lesson(
            message_id=int(str(data["message_id"])),
            complaint=bool(data["complaint"]),
            version=None if version is None else int(str(version)),
            labels=int(str(data["labels"])),
            rescored=int(str(data["rescored"])),
        )
    except (KeyError, ValueError):
        return None
