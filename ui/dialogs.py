"""Small dialogs the agent fills in from the keyboard."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NoteDialog(QDialog):
    """A note of several lines: Enter starts a new line, Ctrl+Enter saves, Esc cancels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.setAccessibleName(self.tr("Add a note"))
        hint = QLabel(self.tr("Only your team sees notes. Ctrl+Enter saves."), self)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self).activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(460, 240)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        """The note, or None when cancelled."""
        dialog = cls(parent)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
