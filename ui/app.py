"""The desktop app's entry: a plain main window listing the inbox.

The Desktop issue grows this into the full triage window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
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
from socialdesk.learning import Lesson
from socialdesk.store import Store
from ui.inbox_model import Column, InboxTableModel, Role
from ui.labelling import ComplaintMarker


class MainWindow(QMainWindow):
    def __init__(
        self, inbox: Inbox, workspace_label: str, marker: ComplaintMarker | None = None
    ) -> None:
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
        widths = (
            (Column.PRIORITY, 70),
            (Column.NETWORK, 70),
            (Column.AUTHOR, 170),
            (Column.INTENT, 150),
            (Column.WHY, 230),
        )
        for column, width in widths:
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
        self.marker = marker
        mark = QAction("Mark complaint / not a complaint", self)
        mark.setShortcut(QKeySequence("M"))
        mark.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        mark.triggered.connect(self.on_mark_triggered)
        self.addAction(mark)
        self.mark_action = mark
        if marker is not None:
            marker.learned.connect(self.on_lesson_learned)
            marker.failed.connect(self.on_notice)
        self.statusBar().showMessage("m: mark the selected message as a complaint or not")
        self.resize(1280, 760)
        self.refresh()

    def on_mark_triggered(self) -> None:
        index = self.table.currentIndex()
        if self.marker is None or not index.isValid():
            return
        row = self.model.index(index.row(), 0).data(Role.ROW)
        if not self.marker.mark(row.id, not row.complaint):
            self.statusBar().showMessage("Still recording the previous label; press m again")
            return
        verdict = "not a complaint" if row.complaint else "a complaint"
        self.statusBar().showMessage(f"Marking message {row.id} as {verdict}…")

    def on_lesson_learned(self, lesson: Lesson) -> None:
        current = self.table.currentIndex().row()
        self.refresh()
        # Rescoring reorders the queue: keep the agent on the message they marked.
        row = self.model.row_of_message(lesson.message_id)
        if row is None and current >= 0:
            row = min(current, self.model.rowCount() - 1)
        if row is not None and row >= 0:
            self.table.selectRow(row)
        verdict = "a complaint" if lesson.complaint else "not a complaint"
        self.statusBar().showMessage(
            f"Message {lesson.message_id} marked {verdict}; {lesson.describe_model()}; "
            f"{lesson.rescored} open items rescored"
        )

    def on_notice(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def refresh(self) -> None:
        self.model.reload()
        active = self._inbox.count(status="open")
        waiting = self._inbox.count(status="open", waiting=True)
        self.summary.setText(
            f"{waiting} waiting for a reply, {active} active conversations; highest priority first"
        )
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)


def display_problem() -> str | None:
    """Why no window could open here, or None. Qt itself would abort the process with a
    core dump and a screenful of text; on Linux the usual cases can be seen first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if Path(wayland).is_absolute() or (Path(runtime) / wayland).exists():
            return None
    display = os.environ.get("DISPLAY")
    if not display:
        if wayland:
            return f"the Wayland display {wayland!r} is not running and DISPLAY is not set"
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    host, _, rest = display.partition(":")
    number = rest.split(".")[0]
    # A local X server listens on /tmp/.X11-unix/X<n>; remote or odd forms are left to Qt.
    socket = Path(f"/tmp/.X11-unix/X{number}")  # noqa: S108 - the X server's own path
    if host in ("", "unix") and number.isdigit() and not socket.exists():
        return f"no X server is running on display {display}"
    return None


def run(*, store: Store, workspace: Workspace, argv: list[str]) -> int:
    problem = display_problem()
    if problem:
        print(
            f"socialdesk: error: no display to open the window on ({problem}); run it in "
            "a desktop session, or use the commands (socialdesk --help)",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("SocialDesk")
    app.setApplicationVersion(__version__)
    marker = ComplaintMarker(store, workspace.data_dir)
    window = MainWindow(Inbox(store), str(workspace.data_dir), marker)
    window.show()
    return int(app.exec())
