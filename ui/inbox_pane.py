"""The inbox pane: search box, sort, and the queue's table.

``InboxPane`` lays out the widgets; ``InboxController`` turns the place, sort and
search into a query, keeps the selection on the same conversation across
reloads, and says which conversation is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from socialdesk.inbox import SORTS, InboxRow, QueueQuery
from ui.inbox_model import Column, InboxTableModel, Role
from ui.nav import Place

SEARCH_DELAY_MS = 120  # typing pauses this long before the query runs
WIDTHS = {
    Column.PRIORITY: 58,
    Column.NETWORK: 30,
    Column.AUTHOR: 150,
    Column.SENTIMENT: 80,
    Column.INTENT: 130,
    Column.WAITING: 118,
    Column.ASSIGNEE: 70,
    Column.STATUS: 58,
}


class InboxPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search messages and authors  ( / )"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort"))
        for key, title in (
            ("priority", self.tr("Priority")),
            ("waiting", self.tr("Longest waiting")),
            ("newest", self.tr("Newest")),
        ):
            self.sort.addItem(title, key)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Inbox summary"))
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Inbox"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)


class InboxController(QObject):
    """Builds the query and keeps the agent on their conversation."""

    selected = Signal(object)  # the InboxRow now selected, or None
    reloaded = Signal()

    def __init__(self, pane: InboxPane, model: InboxTableModel, agent: str | None) -> None:
        super().__init__(pane)
        self.pane = pane
        self.model = model
        self.agent = agent
        self.place = Place(view="needs_reply")
        self._keep: int | None = None  # conversation to stay on across a reload
        self._keep_row = 0
        self._scroll: int | None = None
        self._keep_in_view = False
        pane.table.setModel(model)
        header = pane.table.horizontalHeader()
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            pane.table.setColumnWidth(column, width)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.apply)
        pane.search.textChanged.connect(lambda _text: self._typing.start())
        pane.sort.currentIndexChanged.connect(lambda _i: self.apply())
        pane.table.selectionModel().currentRowChanged.connect(self._on_current)
        model.reloaded.connect(self._on_reloaded)
        model.modelReset.connect(self._restore)

    # -- the query -------------------------------------------------------------------------

    def query(self) -> QueueQuery:
        sort = self.pane.sort.currentData() or "priority"
        return QueueQuery(
            view=self.place.view,
            sort=sort if sort in SORTS else "priority",
            search=self.pane.search.text(),
            network=self.place.network,
            account_id=self.place.account_id,
            agent=self.agent,
        )

    def show_place(self, place: Place) -> None:
        self.place = place
        self.apply()

    def apply(self) -> None:
        self._typing.stop()
        self._keep = None  # a new view starts at its top
        self._keep_row = 0
        self._keep_in_view = False
        self.model.set_query(self.query())

    def reload(self) -> None:
        """New data, same view: stay on the selected conversation, where it now is."""
        row = self.current_row()
        self._keep = row.conversation_id if row else None
        self._keep_row = max(0, self.pane.table.currentIndex().row())
        self._scroll = self.pane.table.verticalScrollBar().value()
        self._keep_in_view = self._row_in_view(self.pane.table.currentIndex().row())
        self.model.reload()

    # -- selection ---------------------------------------------------------------------------

    def current_row(self) -> InboxRow | None:
        index = self.pane.table.currentIndex()
        row = index.siblingAtColumn(0).data(Role.ROW) if index.isValid() else None
        return row if isinstance(row, InboxRow) else None

    def select_row(self, number: int) -> None:
        number = max(0, min(number, self.model.rowCount() - 1))
        if self.model.rowCount():
            self.pane.table.selectRow(number)
            self.pane.table.scrollTo(self.model.index(number, 0))
        else:
            self.selected.emit(None)

    def move(self, step: int) -> None:
        current = self.pane.table.currentIndex().row()
        target = current + step if current >= 0 else 0
        if target >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        self.select_row(target)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selected.emit(current.siblingAtColumn(0).data(Role.ROW) if current.isValid() else None)

    def _restore(self) -> None:
        """After a reset: back to the same conversation, or to the same place in the list."""
        if self.model.rowCount() == 0:
            return
        row = self.model.row_of_conversation(self._keep) if self._keep is not None else None
        target = row if row is not None else min(self._keep_row, self.model.rowCount() - 1)
        self.pane.table.selectRow(target)
        if self._scroll is not None:
            self.pane.table.verticalScrollBar().setValue(self._scroll)
            self._scroll = None
        # The list stays where it was; only a selection that was in view and moved out of
        # it (re-sorted after an action) is brought back, by the smallest scroll.
        if self._keep_in_view and not self._row_in_view(target):
            self.pane.table.scrollTo(self.model.index(target, 0))

    def _row_in_view(self, row: int) -> bool:
        table = self.pane.table
        if row < 0:
            return False
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        return top <= row and (bottom < 0 or row <= bottom)

    def _on_reloaded(self) -> None:
        if self.model.rowCount() == 0:
            self.selected.emit(None)
        self.reloaded.emit()
