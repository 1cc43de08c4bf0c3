"""One-off work off the GUI thread: ``run_task(fn, on_done, on_error)``.

``fn`` runs on a pool thread; the callbacks run on the GUI thread, delivered by a
queued signal. Widgets are only ever touched from the callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_RELAYS: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    context: QObject | None = None,
) -> None:
    """``context``: the object the callbacks belong to; if it is gone (a closed window)
    by the time the work is done, the result is dropped."""
    relay = _Relay()
    _RELAYS.add(relay)  # kept alive until the task reports

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _RELAYS.discard(relay)
        relay.deleteLater()
        if context is not None and not shiboken6.isValid(context):
            return
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(fn, relay))
