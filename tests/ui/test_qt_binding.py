"""The Qt binding must keep Python's reference counts: PySide6 6.12.0 dropped one
reference to None on every call that returns nothing, so the app aborted
("deallocating None") after a few thousand calls on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel


class _Emitter(QObject):
    fired = Signal()


def _drift(call: object, singleton: object, times: int = 500) -> int:
    assert callable(call)
    before = sys.getrefcount(singleton)
    for _ in range(times):
        call()
    return sys.getrefcount(singleton) - before


def test_calls_returning_nothing_keep_none_alive(qapp: QApplication) -> None:
    label = QLabel()
    # A little slack for objects the loop itself creates; the broken release lost 500.
    assert _drift(lambda: label.setText("x"), None) > -50
    assert _drift(qapp.processEvents, None) > -50


def test_signal_emission_keeps_true_and_false_alive(qapp: QApplication) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    assert _drift(emitter.fired.emit, True) > -50
    assert _drift(emitter.fired.emit, False) > -50
