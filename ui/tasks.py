"""One-off work off the GUI thread: ``run_task(fn, on_done, on_error)``.

``fn`` runs on a pool thread; the callbacks run on the GUI thread, delivered by a
queued signal. Widgets are only ever touched from the callbacks.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# How far below the GUI thread background threads run. While an import or a sync keeps
# a core busy, a count query on a pool thread and the GUI thread's repaint want the
# other: at niceness 10 the scheduler gives the repaint about nine tenths of it.
BACKGROUND_NICENESS = 10
_lowered = threading.local()


def lower_priority() -> None:
    """Run the calling thread below the GUI thread, once per thread. On Linux a thread
    has a niceness of its own; elsewhere this does nothing (it would lower the whole
    process), and the GUI thread is never lowered."""
    if getattr(_lowered, "done", False) or threading.current_thread() is threading.main_thread():
        return
    _lowered.done = True
    if sys.platform != "linux":
        return
    thread = threading.get_native_id()
    try:
        # Relative to the GUI thread (whose id is the process's), not to this thread's
        # own: a thread started from a lowered one is born lowered already.
        wanted = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + BACKGROUND_NICENESS)
        if os.getpriority(os.PRIO_PROCESS, thread) < wanted:
            os.setpriority(os.PRIO_PROCESS, thread, wanted)
    except OSError:  # a sandbox that forbids it: the thread runs as it was
        pass


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        lower_priority()
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
    *,
    pool: QThreadPool | None = None,
) -> None:
    """``context``: the object the callbacks belong to; if it is gone (a closed window)
    by the time the work is done, the result is dropped. ``pool``: where it runs (the
    shared pool by default)."""
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
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


_SLOW_POOL: QThreadPool | None = None


def run_slow_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    context: QObject | None = None,
) -> None:
    """``run_task`` for work that waits on a remote server (an AI provider may take
    its whole timeout): on a pool of its own, so it never holds up the shared pool's
    inbox reads and checks."""
    global _SLOW_POOL
    if _SLOW_POOL is None:
        _SLOW_POOL = QThreadPool()
        _SLOW_POOL.setMaxThreadCount(2)
    run_task(fn, on_done, on_error, context, pool=_SLOW_POOL)


def wait_for_background(msecs: int = 10_000) -> None:
    """Lets work in both pools finish (it holds database connections): before the
    store closes behind a window."""
    QThreadPool.globalInstance().waitForDone(msecs)
    if _SLOW_POOL is not None:
        _SLOW_POOL.waitForDone(msecs)


def error_line(error: BaseException) -> str:
    """What a failed task says, in one line: a database error's own words, without the
    SQL and the link SQLAlchemy adds."""
    orig = getattr(error, "orig", None)
    text = str(orig if orig is not None else error)
    return text.splitlines()[0] if text else type(error).__name__
