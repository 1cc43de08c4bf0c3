"""The navigation pane: the queue's views with live counts, then networks and accounts.

``NavPane`` draws; ``NavController`` fetches the counts off the GUI thread and
says which view the agent chose. The list is a handful of fixed rows, so a small
standard item model is enough here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from socialdesk.inbox import VIEWS, Inbox, ViewCounts
from ui.icons import network_icon
from ui.labels import number_label
from ui.tasks import run_task

_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def view_titles() -> dict[str, str]:
    return {
        "needs_reply": QCoreApplication.translate("Nav", "Needs reply"),
        "complaints": QCoreApplication.translate("Nav", "Complaints"),
        "mine": QCoreApplication.translate("Nav", "Mine"),
        "unassigned": QCoreApplication.translate("Nav", "Unassigned"),
        "direct": QCoreApplication.translate("Nav", "Direct messages"),
        "public": QCoreApplication.translate("Nav", "Public"),
        "keyword": QCoreApplication.translate("Nav", "Keyword hits"),
        "pending": QCoreApplication.translate("Nav", "Pending"),
        "resolved": QCoreApplication.translate("Nav", "Resolved"),
        "spam": QCoreApplication.translate("Nav", "Spam"),
    }


@dataclass(frozen=True, slots=True)
class Place:
    """Where the agent is: a view, or the inbox of one network or account."""

    view: str
    network: str | None = None
    account_id: int | None = None

    def key(self) -> str:
        if self.account_id is not None:
            return f"account:{self.account_id}"
        if self.network:
            return f"network:{self.network}"
        return f"view:{self.view}"

    @classmethod
    def from_key(cls, key: str) -> Place | None:
        kind, _, value = key.partition(":")
        if kind == "view" and value in VIEWS:
            return cls(view=value)
        if kind == "network" and value:
            return cls(view="inbox", network=value)
        if kind == "account" and value.isdigit():
            return cls(view="inbox", account_id=int(value))
        return None


class NavPane(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Views"))
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(170)
        # Room above capitals with marks (the Turkish Ö, Ç, Ş), which a row of the bare
        # font height clips.
        self.setStyleSheet("QTreeView::item { padding-top: 2px; padding-bottom: 2px; }")


class NavController(QObject):
    """Fills the pane, keeps its counts live, and reports the chosen place."""

    chosen = Signal(object)  # Place
    counted = Signal(object)  # ViewCounts

    def __init__(
        self,
        pane: NavPane,
        inbox: Inbox,
        agent: str | None,
        runner: Callable[..., None] = run_task,
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.inbox = inbox
        self.agent = agent
        self._runner = runner
        self._busy = False
        self._again = False  # a refresh was asked for while one ran
        self._wanted: Place | None = None  # a network or account not listed yet
        self.model = QStandardItemModel(self)
        self._items: dict[str, QStandardItem] = {}
        self._titles: dict[str, str] = {}
        self._views = QStandardItem(self.tr("Views"))
        self._channels = QStandardItem(self.tr("Networks and accounts"))
        for heading in (self._views, self._channels):
            heading.setSelectable(False)
            heading.setEditable(False)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.model.appendRow(heading)
        for view, title in view_titles().items():
            self._add(self._views, Place(view=view), title)
        pane.setModel(self.model)
        pane.expandAll()
        pane.selectionModel().currentChanged.connect(self._on_current)

    def _add(self, parent: QStandardItem, place: Place, title: str, icon: Any = None) -> None:
        item = QStandardItem(title)
        item.setEditable(False)
        item.setData(place, _ROLE)
        item.setData(title, Qt.ItemDataRole.AccessibleTextRole)
        if icon is not None:
            item.setIcon(icon)
        parent.appendRow(item)
        self._items[place.key()] = item
        self._titles[place.key()] = title

    def select(self, place: Place) -> None:
        """Show ``place``. Networks and accounts join the list with the first counts; one
        asked for before then (the last view, restored) is shown when it arrives."""
        item = self._items.get(place.key())
        self.pane.setCurrentIndex((item or self._items["view:needs_reply"]).index())
        # Set after the move, which clears it.
        self._wanted = place if item is None and place.view == "inbox" else None

    def current(self) -> Place:
        """The place on show, or the one waiting for its item."""
        if self._wanted is not None:
            return self._wanted
        return self._current()

    def _current(self) -> Place:
        data = self.pane.currentIndex().data(_ROLE)
        return data if isinstance(data, Place) else Place(view="needs_reply")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        place = current.data(_ROLE)
        if isinstance(place, Place):
            self._wanted = None
            self.chosen.emit(place)

    # -- counts ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count again, off the GUI thread. Asked while counting, it counts once more
        when that is done, so no change is left uncounted."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        agent = self.agent
        self._runner(
            lambda: (self.inbox.counts(agent), self.inbox.accounts()),
            self._on_counts,
            self._on_failed,
            self,
        )

    def _on_failed(self, _error: BaseException) -> None:
        self._busy = False  # the sync status reports store trouble
        self._again = False

    def _on_counts(self, result: tuple[ViewCounts, list[tuple[int, str, str]]]) -> None:
        self._busy = False
        counts, accounts = result
        for view in VIEWS:
            self._show(f"view:{view}", counts.views.get(view, 0))
        names = {"x": "X", "reddit": "Reddit"}
        for network in sorted(counts.networks):
            key = f"network:{network}"
            if key not in self._items:
                place = Place(view="inbox", network=network)
                self._add(self._channels, place, names.get(network, network), network_icon(network))
            self._show(key, counts.networks[network])
        for account_id, network, name in accounts:
            key = f"account:{account_id}"
            if key not in self._items:
                place = Place(view="inbox", account_id=account_id)
                self._add(self._channels, place, f"  {name}", network_icon(network))
            self._show(key, counts.accounts.get(account_id, 0))
        self.pane.expandAll()
        wanted, self._wanted = self._wanted, None
        if wanted is not None and wanted.key() in self._items:
            self.select(wanted)  # else it is gone: Needs reply, already on show, stays
        self.counted.emit(counts)
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, key: str, count: int) -> None:
        item = self._items[key]
        title = self._titles[key]
        item.setText(f"{title}  {number_label(count)}")
        item.setData(f"{title}, {count}", Qt.ItemDataRole.AccessibleTextRole)
