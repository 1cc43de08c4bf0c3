"""The 'm' action: mark the selected message as a complaint or not, off the GUI thread."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from socialdesk.learning import Lesson, teach
from socialdesk.store import Store
from ui.tasks import run_task


class ComplaintMarker(QObject):
    """Flips the agent's verdict on a message and lets the workspace model learn it."""

    learned = Signal(object)  # Lesson
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        data_dir: Path | None,
        runner: Callable[..., None] = run_task,
    ) -> None:
        super().__init__()
        self._store = store
        self._data_dir = data_dir
        self._runner = runner
        self.busy = False

    def mark(self, message_id: int, complaint: bool) -> bool:
        """False when a label is still being recorded; the agent presses again."""
        if self.busy:
            return False
        self.busy = True
        actor = _agent()
        self._runner(
            lambda: teach(self._store, self._data_dir, message_id, complaint, actor=actor),
            self._on_done,
            self._on_error,
            self,
        )
        return True

    def _on_done(self, lesson: Lesson) -> None:
        self.busy = False
        self.learned.emit(lesson)

    def _on_error(self, error: BaseException) -> None:
        self.busy = False
        self.failed.emit(self.tr("Could not record the label: {0}").format(error))


def _agent() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
