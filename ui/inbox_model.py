"""The inbox as a Qt table model over the core's paged queue query."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from socialdesk.inbox import Inbox, InboxRow
from socialdesk.text import one_line

PAGE_SIZE = 200
_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PRIORITY = 0
    NETWORK = 1
    AUTHOR = 2
    MESSAGE = 3
    INTENT = 4
    WHY = 5
    WAITING = 6
    STATUS = 7


class Role(IntEnum):
    ROW = int(Qt.ItemDataRole.UserRole) + 1


_HEADERS = {
    Column.PRIORITY: "Priority",
    Column.NETWORK: "Network",
    Column.AUTHOR: "Author",
    Column.MESSAGE: "Message",
    Column.INTENT: "Intent",
    Column.WHY: "Why here",
    Column.WAITING: "Waiting",
    Column.STATUS: "Status",
}


class InboxTableModel(QAbstractTableModel):
    """Rows arrive a page at a time as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, inbox: Inbox, *, status: str = "open") -> None:
        super().__init__()
        self._inbox = inbox
        self._status = status
        self._rows: list[InboxRow] = []
        self._exhausted = False
        self._now = datetime.now(UTC)

    def reload(self) -> None:
        """Fetch again from the top, as many rows as were loaded (at least a page)."""
        keep = max(PAGE_SIZE, len(self._rows))
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._now = datetime.now(UTC)
        self.endResetModel()
        while self.canFetchMore(QModelIndex()) and len(self._rows) < keep:
            self.fetchMore(QModelIndex())

    def row_of_message(self, message_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == message_id:
                return number
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._inbox.page(status=self._status, offset=len(self._rows), limit=PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Role.ROW:
            return row
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.PRIORITY, Column.WHY):
            return "\n".join(row.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.PRIORITY:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: InboxRow, column: Column) -> str:
        if column == Column.PRIORITY:
            return str(row.priority)
        if column == Column.NETWORK:
            return {"x": "X", "reddit": "Reddit"}.get(row.network, row.network)
        if column == Column.AUTHOR:
            return one_line(row.author_handle, 60)
        if column == Column.MESSAGE:
            return one_line(row.text, 200)
        if column == Column.INTENT:
            topic = row.topic.replace("_", " ")
            return f"{row.intent} · {topic}" if topic else row.intent
        if column == Column.WHY:
            return "; ".join(row.reasons)
        if column == Column.WAITING:
            return row.waiting_label(self._now)
        return row.status
