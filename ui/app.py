"""The desktop app's entry: a plain main window listing the inbox.

The Desktop issue grows this into the full triage window.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from socialdesk import __version__
from socialdesk.config import Workspace
from socialdesk.inbox import Inbox
from socialdesk.store import Store
from ui.inbox_model import Column, InboxTableModel


class MainWindow(QMainWindow):
    def __init__(self, inbox: Inbox, workspace_label: str) -> None:
        super().__init__()
        self.setWindowTitle(f"SocialDesk — {workspace_label}")
        self.model = InboxTableModel(inbox)
        self.table = QTableView()
        self.table.setAccessibleName("Inbox")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.PRIORITY, 70), (Column.NETWORK, 80), (Column.AUTHOR, 170)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Inbox summary")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self._inbox = inbox
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        active = self._inbox.count(status="open")
        waiting = self._inbox.count(status="open", waiting=True)
        self.summary.setText(
            f"{waiting} waiting for a reply, {active} active conversations; highest priority first"
        )
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(*, store: Store, workspace: Workspace, argv: list[str]) -> int:
    if _no_display():
        # Without this, Qt aborts the process with a core dump and a wall of text.
        print(
            "socialdesk: error: no display to open the window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set); run it in a desktop session, or use the commands "
            "(socialdesk --help)",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("SocialDesk")
    app.setApplicationVersion(__version__)
    window = MainWindow(Inbox(store), str(workspace.data_dir))
    window.show()
    return int(app.exec())
