"""Every action the window offers, with its shortcut: the command palette (Ctrl+K) and
the shortcut list (?) are both read from here, so neither can drift from the keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str  # stable, for tests and settings
    title: str  # translated
    keys: tuple[str, ...]  # the first is shown
    run: Callable[[], None]


class ActionRegistry:
    """QActions on the window, keyed by name, in the order they were added."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.specs: dict[str, ActionSpec] = {}

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.title, self.window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(spec.run)
        self.window.addAction(action)
        self.actions[spec.name] = action
        self.specs[spec.name] = spec
        return action

    def trigger(self, name: str) -> None:
        self.actions[name].trigger()

    def listing(self) -> list[tuple[str, str, str]]:
        """(name, title, shortcut as shown) for every action."""
        return [
            (
                name,
                spec.title,
                QKeySequence(spec.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
                if spec.keys
                else "",
            )
            for name, spec in self.specs.items()
        ]


class CommandPalette(QDialog):
    """Type to filter, Enter to run, Escape to close."""

    def __init__(self, registry: ActionRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.registry = registry
        self.setWindowTitle(self.tr("Command palette"))
        self.setAccessibleName(self.tr("Command palette"))
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(self.tr("Filter commands"))
        self.filter.setPlaceholderText(self.tr("Type a command"))
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(self.tr("Commands"))
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        for name, title, keys in registry.listing():
            item = QTreeWidgetItem([title, keys])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._run)
        self.list.itemActivated.connect(lambda _item, _column: self._run())
        self.resize(480, 440)
        self._filter("")

    def items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def visible(self) -> list[str]:
        """The names of the commands the filter leaves, in order."""
        return [i.data(0, Qt.ItemDataRole.UserRole) for i in self.items() if not i.isHidden()]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Up and down move through the list while the filter keeps the focus.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            shown = [i for i in self.items() if not i.isHidden()]
            if shown:
                current = self.list.currentItem()
                at = shown.index(current) if current in shown else -1
                self.list.setCurrentItem(shown[max(0, min(len(shown) - 1, at + step))])
            return
        super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for item in self.items():
            haystack = f"{item.text(0)} {item.text(1)}".lower()
            match = all(w in haystack for w in words)
            item.setHidden(not match)
            if match and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def _run(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        name = item.data(0, Qt.ItemDataRole.UserRole)
        self.accept()
        self.registry.trigger(name)


class ShortcutsDialog(QDialog):
    """Every action with keys, then ``extra`` (title, keys) rows: keys that belong to
    one widget, such as the reply box's, and so are no window action."""

    def __init__(
        self,
        registry: ActionRegistry,
        parent: QWidget,
        extra: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = [r for r in registry.listing() if r[2]]
        rows += [("", title, keys) for title, keys in extra]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for number, (_name, title, keys) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(title))
            self.table.setItem(number, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        # Every row and the longest title in view, within the screen.
        wanted_width = header.sectionSize(0) + 150
        wanted_height = self.table.verticalHeader().length() + header.height() + 40
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(
            min(wanted_width, screen.width() - 40) if screen else wanted_width,
            min(wanted_height, screen.height() - 80) if screen else wanted_height,
        )
