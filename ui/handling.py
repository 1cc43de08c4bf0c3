"""Handle time: how long an agent had a conversation open, and how much of that they
spent writing a reply, recorded in the event log when they move on (the reports' handle
time, ``Desk.record_handling``).

Time counts while the app is the active application and the agent shows signs of life:
the pointer moved, the reply changed or they acted, within the last ``IDLE_AFTER_S``.
An agent who walks away from an open conversation stops the clock; no event filter
watches every event the app handles (that would cost the window its smoothness).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication

IDLE_AFTER_S = 300.0
COMPOSING_WINDOW_S = 20.0  # a reply edited this recently means they are still writing
TICK_MS = 1000
MAX_STRETCH_S = 8 * 3600  # the longest stretch one event records


class HandlingClock(QObject):
    """``open(id)`` when a conversation is shown; ``record(id, seconds, composing)`` is
    called for the one before, once the agent moves on (or ``flush()``)."""

    def __init__(
        self,
        record: Callable[[int, float, float], None],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        active: Callable[[], bool] | None = None,
        pointer: Callable[[], QPoint] = QCursor.pos,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._clock = clock
        self._active = active or _application_active
        self._pointer = pointer
        self._conversation: int | None = None
        self._seconds = 0.0
        self._composing = 0.0
        now = self._clock()
        self._last_tick = now
        self._last_input = now
        self._last_compose = -COMPOSING_WINDOW_S * 2
        self._last_pointer = pointer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    @property
    def conversation(self) -> int | None:
        return self._conversation

    @property
    def seconds(self) -> float:
        return self._seconds

    def open(self, conversation_id: int | None) -> None:
        if conversation_id == self._conversation:
            return
        self.tick()
        self.flush()
        self._conversation = conversation_id
        self._last_compose = -COMPOSING_WINDOW_S * 2
        self.activity()

    def activity(self) -> None:
        self._last_input = self._clock()

    def composing(self) -> None:
        now = self._clock()
        self._last_input = self._last_compose = now

    def tick(self) -> None:
        now = self._clock()
        step = now - self._last_tick
        self._last_tick = now
        pointer = self._pointer()
        if pointer != self._last_pointer:
            self._last_pointer = pointer
            self._last_input = now
        if self._conversation is None or step <= 0 or not self._active():
            return
        # A tick that came late (a sleeping laptop) counts no more than two ticks.
        step = min(step, 2 * TICK_MS / 1000)
        if now - self._last_input > IDLE_AFTER_S:
            return
        self._seconds = min(MAX_STRETCH_S, self._seconds + step)
        if now - self._last_compose <= COMPOSING_WINDOW_S:
            self._composing = min(self._seconds, self._composing + step)

    def flush(self) -> None:
        """Records the open conversation's stretch so far and starts it again."""
        if self._conversation is not None and self._seconds >= 1:
            self._record(self._conversation, self._seconds, self._composing)
        self._seconds = self._composing = 0.0

    def stop(self) -> None:
        self.tick()
        self.flush()
        self._conversation = None
        self._timer.stop()


def _application_active() -> bool:
    return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
