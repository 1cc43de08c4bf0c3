"""Non-modal notices: what went wrong and what to do, shown above the panes.

One path for every error the user should see (sync, actions, labels). A notice
stays until dismissed or replaced by a newer one with the same key; nothing
blocks the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class NoticeBar(QWidget):
    """A stack of notices, newest first, each with a Dismiss button."""

    shown = Signal(str)  # the notice's text, for tests and the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notices"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._by_key: dict[str, QFrame] = {}
        self.hide()

    def show_notice(self, text: str, *, key: str | None = None, error: bool = True) -> None:
        key = key or text
        old = self._by_key.pop(key, None)
        if old is not None:
            old.deleteLater()
        frame = QFrame(self)
        frame.setObjectName("notice-error" if error else "notice-info")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        colour = "#fdecea" if error else "#e8f4fd"
        frame.setStyleSheet(f"QFrame#{frame.objectName()} {{ background: {colour}; }}")
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 4, 4, 4)
        label = QLabel(text, frame)
        label.setTextFormat(Qt.TextFormat.PlainText)  # errors quote untrusted text
        label.setWordWrap(True)
        label.setStyleSheet("color: #1b1b1b;")
        label.setAccessibleName(self.tr("Notice"))
        dismiss = QPushButton(self.tr("Dismiss"), frame)
        dismiss.setAccessibleName(self.tr("Dismiss notice"))
        dismiss.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        dismiss.clicked.connect(lambda: self.dismiss(key))
        row.addWidget(label, 1)
        row.addWidget(dismiss)
        self._layout.insertWidget(0, frame)
        self._by_key[key] = frame
        self.show()
        self.shown.emit(text)

    def dismiss(self, key: str) -> None:
        frame = self._by_key.pop(key, None)
        if frame is not None:
            frame.hide()
            frame.deleteLater()
        if not self._by_key:
            self.hide()

    def texts(self) -> list[str]:
        return [
            frame.findChild(QLabel).text()  # type: ignore[union-attr]
            for frame in self._by_key.values()
        ]
