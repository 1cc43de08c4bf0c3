"""The inbox as a Qt table model over the core's paged queue query.

Rows arrive a page at a time as the view scrolls (``canFetchMore``/``fetchMore``),
and every page is read off the GUI thread: the model asks, and the rows come back
by signal. A reload keeps as many rows as were on screen, so new messages appear
without the list jumping back to its first page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon

from socialdesk.domain import WORKING_STATUSES
from socialdesk.inbox import Inbox, InboxRow, QueueQuery
from socialdesk.text import one_line
from ui import theme
from ui.icons import network_icon
from ui.labels import duration_label, intent_label, plain_tip, status_label, topic_label
from ui.tasks import run_task

PAGE_SIZE = 200
_Index = QModelIndex | QPersistentModelIndex
Runner = Callable[..., None]


class Column(IntEnum):
    PRIORITY = 0
    NETWORK = 1
    AUTHOR = 2
    MESSAGE = 3
    SENTIMENT = 4
    INTENT = 5
    WAITING = 6
    ASSIGNEE = 7
    STATUS = 8


class Role(IntEnum):
    ROW = int(Qt.ItemDataRole.UserRole) + 1


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_COLUMNS = tuple(Column)
# What the view asks of every cell it paints, kept per row (see ``multiData``).
_PAINTED = frozenset({_DISPLAY, _DECORATION, _BACKGROUND, _FOREGROUND, _ALIGNMENT})
_ASKED_APART = frozenset(
    {int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.AccessibleTextRole), int(Role.ROW)}
)
Cell = dict[int, Any]
_APART = object()  # a role a cell's cache does not hold


def _headers() -> dict[Column, str]:
    return {
        Column.PRIORITY: QCoreApplication.translate("InboxTableModel", "Priority"),
        Column.NETWORK: QCoreApplication.translate("InboxTableModel", "Network"),
        Column.AUTHOR: QCoreApplication.translate("InboxTableModel", "Author"),
        Column.MESSAGE: QCoreApplication.translate("InboxTableModel", "Message"),
        Column.SENTIMENT: QCoreApplication.translate("InboxTableModel", "Sentiment"),
        Column.INTENT: QCoreApplication.translate("InboxTableModel", "Intent"),
        Column.WAITING: QCoreApplication.translate("InboxTableModel", "Waiting"),
        Column.ASSIGNEE: QCoreApplication.translate("InboxTableModel", "Assignee"),
        Column.STATUS: QCoreApplication.translate("InboxTableModel", "Status"),
    }


def _network_name(network: str) -> str:
    return {"x": "X", "reddit": "Reddit"}.get(network, network)


def followers_label(count: int | None) -> str:
    if count is None:
        return ""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M"
    if count >= 1_000:
        return f"{count / 1_000:.1f}k"
    return str(count)


def waiting_text(row: InboxRow, now: datetime) -> tuple[str, float | None]:
    """'22 min · late', '4 min · 11 min left' or 'answered', and how far through
    its target the wait is (None when nothing waits). The due time is the one the
    conversation's policy gives (``socialdesk.sla.ServiceLevels``): the reports and the
    wallboard judge it by the same."""
    seconds = row.waiting_seconds(now)
    if seconds is None or row.due_at is None or row.awaiting_since is None:
        if row.status not in WORKING_STATUSES:  # parked or closed: no clock
            return "—", None
        return QCoreApplication.translate("InboxTableModel", "answered"), None
    left = (row.due_at - now).total_seconds()
    if left >= 0:
        note = QCoreApplication.translate("InboxTableModel", "{0} left").format(
            duration_label(left)
        )
    else:
        note = QCoreApplication.translate("InboxTableModel", "late")
    span = max(1.0, (row.due_at - row.awaiting_since).total_seconds())
    return f"{duration_label(seconds)} · {note}", seconds / span


class InboxTableModel(QAbstractTableModel):
    """A view of the queue (``QueueQuery``), paged from the store off the GUI thread."""

    reloaded = Signal()  # a reload's first page has arrived
    failed = Signal(str)

    def __init__(
        self, inbox: Inbox, *, query: QueueQuery | None = None, runner: Runner = run_task
    ) -> None:
        super().__init__()
        self._inbox = inbox
        self._runner = runner
        self._query = query or QueueQuery(view="inbox")
        self._rows: list[InboxRow] = []
        self._exhausted = True
        self._fetching = False
        self._generation = 0
        self._now = datetime.now(UTC)
        self._headers = _headers()
        self._icons: dict[str, QIcon] = {}
        # Row number -> what each of its cells paints. The view asks for seven roles of
        # every visible cell at every repaint: answering from here keeps a repaint short
        # even while background reads hold the interpreter.
        self._cells: dict[int, tuple[Cell, ...]] = {}

    # -- what to show ----------------------------------------------------------------------

    @property
    def query(self) -> QueueQuery:
        return self._query

    def set_query(self, query: QueueQuery) -> None:
        """A new view, sort, filter or search: starts again at the first page."""
        self._query = query
        self.reload(keep=False)

    def reload(self, *, keep: bool = True) -> None:
        """Fetch again from the top; with ``keep``, as many rows as are loaded."""
        self._generation += 1
        generation = self._generation
        limit = max(PAGE_SIZE, len(self._rows)) if keep else PAGE_SIZE
        query = self._query
        self._fetching = True
        self._runner(
            lambda: (datetime.now(UTC), self._inbox.page(query, limit=limit)),
            lambda result: self._on_reloaded(generation, limit, result),
            lambda error: self._on_error(generation, error),
            self,
        )

    def tick(self) -> None:
        """Time moved on: waiting times and countdowns change, nothing else."""
        self._now = datetime.now(UTC)
        self._cells.clear()
        if self._rows:
            top = self.index(0, Column.WAITING)
            bottom = self.index(len(self._rows) - 1, Column.PRIORITY)
            self.dataChanged.emit(top.siblingAtColumn(0), bottom.siblingAtColumn(Column.WAITING))

    def _on_reloaded(self, generation: int, limit: int, result: tuple[datetime, Any]) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        now, rows = result
        self.beginResetModel()
        self._now = now
        self._rows = list(rows)
        self._cells.clear()
        self._exhausted = len(rows) < limit
        self._fetching = False
        self.endResetModel()
        self.reloaded.emit()

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return  # about a view no longer asked for; the newer request still runs
        self._fetching = False
        self.failed.emit(str(error))

    def row_of_conversation(self, conversation_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.conversation_id == conversation_id:
                return number
        return None

    def row_of_message(self, message_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == message_id:
                return number
        return None

    def row_at(self, number: int) -> InboxRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    # -- the model -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset, query = self._generation, len(self._rows), self._query
        self._runner(
            lambda: self._inbox.page(query, offset=offset, limit=PAGE_SIZE),
            lambda rows: self._on_page(generation, offset, rows),
            lambda error: self._on_error(generation, error),
            self,
        )

    def _on_page(self, generation: int, offset: int, rows: list[InboxRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column == Column.NETWORK else self._headers[column]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._headers[column]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        role = int(role)
        if role in _PAINTED:
            return self._painted(index.row())[index.column()].get(role)
        row = self._rows[index.row()]
        if role == Role.ROW:
            return row
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column) or _network_name(row.network)
        return None

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role the view asks of one cell in one call (Qt's delegate asks seven at
        each paint): one call into Python per cell instead of one per role."""
        items: Any = roleDataSpan  # Qt hands a span: a sequence, though the stubs differ
        number = index.row()
        if not index.isValid() or number >= len(self._rows):
            for item in items:
                item.clearData()
            return
        cell = self._cells.get(number) or self._painted(number)
        values = cell[index.column()]
        for item in items:
            role = item.role()
            value = values.get(role, _APART)
            if value is _APART:
                value = self.data(index, role) if role in _ASKED_APART else None
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _painted(self, number: int) -> tuple[Cell, ...]:
        cells = self._cells.get(number)
        if cells is None:
            row = self._rows[number]
            cells = tuple(self._cell(row, column) for column in _COLUMNS)
            self._cells[number] = cells
        return cells

    def _cell(self, row: InboxRow, column: Column) -> Cell:
        icon = None
        if column == Column.NETWORK:
            if row.network not in self._icons:
                self._icons[row.network] = network_icon(row.network)
            icon = self._icons[row.network]
        return {
            _DISPLAY: self._display(row, column),
            _DECORATION: icon,
            _BACKGROUND: self._background(row, column),
            _FOREGROUND: self._foreground(row, column),
            _ALIGNMENT: _CENTRED if column in (Column.PRIORITY, Column.SENTIMENT) else None,
            _FONT: None,
            _CHECK: None,
        }

    def _display(self, row: InboxRow, column: Column) -> str:
        if column == Column.PRIORITY:
            return str(row.priority)
        if column == Column.NETWORK:
            return ""  # the icon says it; the tooltip and screen readers get the name
        if column == Column.AUTHOR:
            reach = followers_label(row.author_followers)
            handle = one_line(row.author_handle, 60)
            return f"{handle} · {reach}" if reach else handle
        if column == Column.MESSAGE:
            return one_line(row.text, 200)
        if column == Column.SENTIMENT:
            return "" if row.sentiment is None else f"{row.sentiment:+.2f}"
        if column == Column.INTENT:
            intent = intent_label(row.intent)
            return f"{intent} · {topic_label(row.topic)}" if row.topic else intent
        if column == Column.WAITING:
            return waiting_text(row, self._now)[0]
        if column == Column.ASSIGNEE:
            return one_line(row.assignee, 40) if row.assignee else "—"
        return status_label(row.status)

    def _tooltip(self, row: InboxRow, column: Column) -> str | None:
        # Tooltips guess rich text from what they are given: network text goes in as
        # HTML made from plain text, so every character shows as itself.
        if column == Column.NETWORK:
            return _network_name(row.network)
        if column in (Column.PRIORITY, Column.INTENT):
            return plain_tip("\n".join(one_line(reason, 200) for reason in row.reasons))
        if column == Column.MESSAGE:
            return plain_tip(one_line(row.text, 1000))
        return None

    def _background(self, row: InboxRow, column: Column) -> QColor | None:
        if column == Column.PRIORITY:
            return theme.band_colour(row.priority)
        if column == Column.WAITING:
            fraction = waiting_text(row, self._now)[1]
            return None if fraction is None else theme.waiting_colour(fraction)
        return None

    def _foreground(self, row: InboxRow, column: Column) -> QColor | None:
        if column == Column.PRIORITY:
            return QColor("#ffffff")
        if column == Column.WAITING and row.awaiting_since is not None:
            fraction = waiting_text(row, self._now)[1] or 0.0
            return QColor("#1b1b1b") if 0.75 <= fraction < 1.0 else QColor("#ffffff")
        if column == Column.SENTIMENT and row.sentiment is not None:
            if row.sentiment <= -0.05:
                return QColor(theme.LATE)
            if row.sentiment >= 0.05:
                return QColor(theme.ON_TIME)
        return None
