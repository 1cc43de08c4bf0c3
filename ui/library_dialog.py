"""Settings > Snippets and templates (issue #7): the reply library and the playbooks.

Two pages, each a list beside an editor. Every read and write of the store, and of an
imported or exported file, runs off the GUI thread. The editor keeps what was typed
until it is saved, or until the agent chooses to drop it: a refused save (a shortcode
another template has, a misspelt token) is explained next to the form and loses
nothing. Names, texts and file contents are only ever shown as plain text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.library import (
    NETWORKS,
    Library,
    ReplyTemplate,
    name_key,
    shipped_templates,
)
from socialdesk.playbooks import Playbook, PlaybookBook, shipped
from socialdesk.store import Store
from socialdesk.tokens import KNOWN_TOKENS
from socialdesk.triage import INTENTS, TOPICS
from ui.labels import intent_label, number_label, plain_tip, topic_label
from ui.tasks import error_line, run_task
from ui.theme import LATE

Runner = Callable[..., None]
ERROR_STYLE = f"color: {LATE};"
_NETWORK_NAMES = {"x": "X", "reddit": "Reddit"}
# The pages' shared base class translates in the context "LibraryDialog": PySide's tr()
# looks a string up under the object's own class, never under a base class.


def lines_of(text: str) -> tuple[str, ...]:
    """One entry a line, blank lines left out."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def file_error(name: str, error: BaseException) -> str:
    """What went wrong reading or writing a file, in words."""
    if isinstance(error, UnicodeDecodeError):
        return QCoreApplication.translate("LibraryDialog", "{0} is not UTF-8 text.").format(name)
    if isinstance(error, OSError):
        return f"{name}: {error.strerror or error}"
    return str(error)


def plain_labels(widget: QWidget) -> None:
    """Nothing in these dialogs is markup: names and errors quote what people typed. And
    a spin box's own text field answers to the spin box's name."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    for spin in widget.findChildren(QAbstractSpinBox):
        inner = spin.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName(spin.accessibleName())


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found = (tree.topLevelItem(number) for number in range(tree.topLevelItemCount()))
    return [item for item in found if item is not None]


class ChoiceBoxes(QWidget):
    """Checkboxes for a few choices of which any may be ticked (none ticked: any)."""

    changed = Signal()

    def __init__(
        self, group: str, choices: Sequence[tuple[str, str]], parent: QWidget, columns: int = 4
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(group)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(14)
        self.boxes: dict[str, QCheckBox] = {}
        for number, (value, label) in enumerate(choices):
            box = QCheckBox(label, self)
            box.setAccessibleName(f"{group}: {label}")
            box.toggled.connect(self.changed)
            layout.addWidget(box, number // columns, number % columns)
            self.boxes[value] = box
        layout.setColumnStretch(columns, 1)

    def values(self) -> tuple[str, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())

    def set_values(self, values: Iterable[str]) -> None:
        chosen = set(values)
        for value, box in self.boxes.items():
            box.setChecked(value in chosen)


class _EditorPage(QWidget):
    """A list beside an editor: what both pages share. Subclasses fill the form, read
    it back, and say what their store calls."""

    changed = Signal()  # something was written
    loaded = Signal()  # the list was read
    # Each page makes these: its list, the name field, and the item the form edits.
    list: QTreeWidget
    name: QLineEdit
    _editing: Any

    def _fill(self, item: Any) -> None:
        """Shows ``item`` in the form (None: an empty one, for a new item)."""
        raise NotImplementedError

    def refresh(self, *, reload_form: bool = False) -> None:
        raise NotImplementedError

    def __init__(self, parent: QWidget | None, runner: Runner) -> None:
        super().__init__(parent)
        self.runner = runner
        self.busy = False
        self._snapshot: tuple[Any, ...] = ()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons: list[QPushButton] = []

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        self._buttons.append(button)
        return button

    @staticmethod
    def _list(parent: QWidget, name: str, headers: Sequence[str]) -> QTreeWidget:
        tree = QTreeWidget(parent)
        tree.setAccessibleName(name)
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(list(headers))
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    @staticmethod
    def _lines_edit(
        parent: QWidget, name: str, rows: int = 3, grow: bool = False
    ) -> QPlainTextEdit:
        """An editor of one entry a line (a long one wraps on screen; Enter starts the
        next); ``grow``: it takes the room the form has spare."""
        edit = QPlainTextEdit(parent)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = edit.fontMetrics().lineSpacing() * rows + 14
        if grow:
            edit.setMinimumHeight(height)
        else:
            edit.setFixedHeight(height)
        return edit

    # -- state ---------------------------------------------------------------------------

    def _raw(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def dirty(self) -> bool:
        """The form differs from what was last loaded into it or saved."""
        return self._raw() != self._snapshot

    def _mark_clean(self) -> None:
        self._snapshot = self._raw()

    def _may_leave(self, what: str) -> bool:
        if not self.dirty():
            return True
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("LibraryDialog", "Unsaved changes"),
            QCoreApplication.translate("LibraryDialog", "Drop your unsaved changes to {0}?").format(
                what
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the edits
        )
        return answer == QMessageBox.StandardButton.Yes

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _report(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()

    def _enable(self) -> None:
        raise NotImplementedError

    def _what(self) -> str:
        """What the form holds, for a question about dropping its edits."""
        raise NotImplementedError

    def _write(
        self,
        message: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs a change off the GUI thread; after it, ``changed`` and a fresh list."""
        if self.busy:
            return
        self._set_busy(True)
        self._say(message)

        def finished(value: Any) -> None:
            self._set_busy(False)
            done(value)
            self.changed.emit()

        def went_wrong(error: BaseException) -> None:
            self._set_busy(False)
            self._say("")
            if failed is not None:
                failed(error)
            else:
                self._report(str(error))

        self.runner(work, finished, went_wrong, self)

    # -- new and save: the form's item, however the page reads and stores it --------------

    def _edited(self) -> Any:
        """What the form holds, checked: a ``ValueError`` says what is wrong."""
        raise NotImplementedError

    def _saver(self, item: Any, replacing: str | None) -> Callable[[], None]:
        """The store call that saves ``item`` (in place of ``replacing``)."""
        raise NotImplementedError

    def _saved_name(self, item: Any) -> str:
        return str(item.name)

    def new(self) -> None:
        if not self._may_leave(self._what()):
            return
        self._fill(None)
        self._select(self.list, None)
        self.name.setFocus()

    def save(self) -> None:
        try:
            item = self._edited()
        except ValueError as exc:  # LibraryError, PlaybookError
            self.error.setText(
                QCoreApplication.translate("LibraryDialog", "Not saved: {0}").format(exc)
            )
            return
        self.error.clear()
        replacing = self._editing.name if self._editing is not None else None

        def done(_result: Any) -> None:
            self._fill(item)
            self._say(
                QCoreApplication.translate("LibraryDialog", "Saved {0}.").format(
                    repr(self._saved_name(item))
                )
            )
            self.refresh()

        def failed(error: BaseException) -> None:
            self.error.setText(
                QCoreApplication.translate(
                    "LibraryDialog", "Not saved: {0}. What you typed is kept."
                ).format(error_line(error))
            )

        self._write(
            QCoreApplication.translate("LibraryDialog", "Saving…"),
            self._saver(item, replacing),
            done,
            failed,
        )

    def _ask_file(self, title: str, save: bool, suggested: str = "") -> str:
        kinds = QCoreApplication.translate("LibraryDialog", "JSON files (*.json);;All files (*)")
        if save:
            path, _filter = QFileDialog.getSaveFileName(self, title, suggested, kinds)
        else:
            path, _filter = QFileDialog.getOpenFileName(self, title, "", kinds)
        return path

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _select(tree: QTreeWidget, key: str | None) -> None:
        """Selects the row whose key is ``key`` (none: no row), without signals."""
        tree.blockSignals(True)
        try:
            tree.clearSelection()
            tree.setCurrentIndex(QModelIndex())
            for item in _items(tree):
                if key is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
                    tree.setCurrentItem(item)
                    item.setSelected(True)
                    tree.scrollToItem(item)
                    break
        finally:
            tree.blockSignals(False)


class TemplatesPage(_EditorPage):
    """Reply templates and snippets: search, edit, delete, restore, import, export."""

    def __init__(self, library: Library, parent: QWidget | None, *, runner: Runner) -> None:
        super().__init__(parent, runner)
        self.library = library
        self._shown: dict[str, ReplyTemplate] = {}  # the list's rows, by key
        self._origins: dict[str, str] = {}  # every template's origin, by key
        self._deleted: list[str] = []  # shipped templates the team deleted
        self._editing: ReplyTemplate | None = None  # as stored; None: a new one
        self._seq = 0  # the latest read: an older one finishing late is dropped

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(left)
        self.search.setAccessibleName(self.tr("Search templates and snippets"))
        self.search.setPlaceholderText(self.tr("Search names, shortcodes and text"))
        self.search.setClearButtonEnabled(True)
        left_layout.addWidget(self.search)
        self.list = self._list(
            left,
            self.tr("Templates and snippets"),
            [self.tr("Name"), self.tr("Shortcode"), self.tr("Type"), self.tr("Source")],
        )
        left_layout.addWidget(self.list, 1)
        self.count = QLabel(left)
        self.count.setAccessibleName(self.tr("How many are shown"))
        left_layout.addWidget(self.count)

        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(right)
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox(right)
        self.kind.setAccessibleName(self.tr("Type"))
        self.kind.addItem(self.tr("Template: a reply the drafter suggests"), "template")
        self.kind.addItem(self.tr("Snippet: text an agent calls up by its shortcode"), "snippet")
        self.shortcode = QLineEdit(right)
        self.shortcode.setAccessibleName(self.tr("Shortcode"))
        self.shortcode.setPlaceholderText(self.tr(";refund (optional)"))
        self.channel = QComboBox(right)
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.addItem(self.tr("Public replies and private messages"), "any")
        self.channel.addItem(self.tr("Public replies only"), "public")
        self.channel.addItem(self.tr("Private messages only"), "private")
        self.stage = QComboBox(right)
        self.stage.setAccessibleName(self.tr("When in a conversation"))
        self.stage.addItem(self.tr("Any time"), "any")
        self.stage.addItem(self.tr("Before our first reply"), "first")
        self.stage.addItem(self.tr("After our first reply"), "later")
        self.intents = ChoiceBoxes(
            self.tr("Intents"), [(i, intent_label(i)) for i in INTENTS], right
        )
        self.topics = ChoiceBoxes(
            self.tr("Topics"), [(t, topic_label(t)) for t in TOPICS], right, columns=3
        )
        self.networks = ChoiceBoxes(
            self.tr("Networks"), [(n, _NETWORK_NAMES.get(n, n)) for n in NETWORKS], right
        )
        self.description = QLineEdit(right)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("When to use it (optional)"))
        self.text = QPlainTextEdit(right)
        self.text.setAccessibleName(self.tr("Text"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("T&ype"), self.kind)
        form.addRow(self.tr("S&hortcode"), self.shortcode)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("When in a con&versation"), self.stage)
        form.addRow(self.tr("Intents"), self.intents)
        form.addRow(self.tr("Topics"), self.topics)
        form.addRow(self.tr("Networks"), self.networks)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Text"), self.text)
        right_layout.addLayout(form, 1)
        tokens = ", ".join("{" + token + "}" for token in KNOWN_TOKENS)
        self.hint = QLabel(
            self.tr(
                "Unticked intents, topics or networks mean any. In the text, these tokens "
                "are filled in from the conversation: {0}. Write [[what goes here]] for a "
                "field the agent fills in."
            ).format(tokens),
            right,
        )
        self.hint.setWordWrap(True)
        right_layout.addWidget(self.hint)
        self.error.setAccessibleName(self.tr("Template problem"))
        right_layout.addWidget(self.error)
        row = QHBoxLayout()
        self.new_button = self._button(self.tr("Ne&w"), self.new, row)
        self.save_button = self._button(self.tr("&Save"), self.save, row)
        self.delete_button = self._button(self.tr("De&lete"), self.delete, row)
        row.addStretch(1)
        self.restore_button = self._button(self.tr("&Restore shipped"), self.restore, row)
        self.restore_deleted_button = self._button(
            self.tr("Rest&ore deleted…"), self.restore_deleted, row
        )
        right_layout.addLayout(row)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 600])

        files = QHBoxLayout()
        self.import_button = self._button(self.tr("&Import…"), self.import_file, files)
        self.replace = QCheckBox(self.tr("Importing replaces the whole library"), self)
        self.replace.setAccessibleName(self.tr("Importing replaces the whole library"))
        files.addWidget(self.replace)
        files.addStretch(1)
        self.export_button = self._button(self.tr("E&xport…"), self.export_file, files)
        self.status.setAccessibleName(self.tr("Templates status"))

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(files)
        layout.addWidget(self.status)
        plain_labels(self)

        self.search.textChanged.connect(lambda _text: self.refresh())
        self.list.currentItemChanged.connect(self._on_current)
        self._fill(None)
        self.refresh()

    # -- the form ------------------------------------------------------------------------

    def _raw(self) -> tuple[Any, ...]:
        return (
            self.name.text(),
            self.kind.currentData(),
            self.shortcode.text(),
            self.channel.currentData(),
            self.stage.currentData(),
            self.intents.values(),
            self.topics.values(),
            self.networks.values(),
            self.description.text(),
            self.text.toPlainText(),
        )

    def _fill(self, template: ReplyTemplate | None) -> None:
        """Shows ``template`` in the form (None: an empty one, for a new template)."""
        self._editing = template
        shown = template or ReplyTemplate(name="-", text="-")
        self.name.setText(template.name if template else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(shown.kind)))
        self.shortcode.setText(shown.shortcode)
        self.channel.setCurrentIndex(max(0, self.channel.findData(shown.channel)))
        self.stage.setCurrentIndex(max(0, self.stage.findData(shown.stage)))
        self.intents.set_values(shown.intents)
        self.topics.set_values(shown.topics)
        self.networks.set_values(shown.networks)
        self.description.setText(shown.description)
        self.text.setPlainText(template.text if template else "")
        for edit in (self.name, self.shortcode, self.description):
            edit.setCursorPosition(0)  # a long one shows its start
        self.error.clear()
        self._mark_clean()
        self._enable()

    def template(self) -> ReplyTemplate:
        """What the form holds, checked (``LibraryError`` says what is wrong)."""
        code = self.shortcode.text().strip()
        if code and not code.startswith(";"):
            code = ";" + code  # the composer's prefix, added for whoever forgot it
        return ReplyTemplate(
            name=self.name.text(),
            text=self.text.toPlainText(),
            shortcode=code,
            kind=str(self.kind.currentData()),
            intents=self.intents.values(),
            topics=self.topics.values(),
            channel=str(self.channel.currentData()),
            networks=self.networks.values(),
            description=self.description.text(),
            stage=str(self.stage.currentData()),
        )

    def _enable(self) -> None:
        editing = self._editing
        origin = self._origins.get(editing.key, "") if editing is not None else ""
        for button in self._buttons:
            button.setEnabled(not self.busy)
        # While a change is written the list stays put: its result lands on the item it
        # was made to, not on one picked meanwhile.
        self.list.setEnabled(not self.busy)
        if not self.busy:
            self.delete_button.setEnabled(editing is not None)
            self.restore_button.setEnabled(origin == "edited")
            self.restore_deleted_button.setEnabled(bool(self._deleted))

    def _what(self) -> str:
        return repr(self._editing.name) if self._editing else self.tr("the new template")

    # -- the list ------------------------------------------------------------------------

    def refresh(self, *, reload_form: bool = False) -> None:
        """Reads the templates matching the search (``Library.search``: every word, any
        capitals; shortcode and name matches first). ``reload_form``: show the edited
        template as now stored, unless the form holds unsaved changes."""
        self._seq += 1
        seq = self._seq
        library, query = self.library, self.search.text()
        wanted = self._editing.name if reload_form and self._editing is not None else None

        def read() -> tuple[list[ReplyTemplate], dict[str, str], list[str], Any]:
            found = library.search(query)
            origins = {name_key(name): origin for name, origin in library.origins().items()}
            deleted = [t.name for t in shipped_templates() if t.key not in origins]
            fresh: ReplyTemplate | None = None
            if wanted is not None and name_key(wanted) in origins:
                fresh = library.get(wanted)
            return found, origins, deleted, fresh

        def done(result: tuple[list[ReplyTemplate], dict[str, str], list[str], Any]) -> None:
            if seq != self._seq:
                return
            found, self._origins, self._deleted, fresh = result
            if wanted is not None and not self.dirty():
                self._fill(fresh)  # None: the import removed it; the form starts afresh
            self._show(found)
            self._enable()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            if seq == self._seq:
                self._report(self.tr("The library could not be read: {0}").format(error))

        self.runner(read, done, failed, self)

    def _show(self, templates: list[ReplyTemplate]) -> None:
        origins = {
            "shipped": self.tr("shipped"),
            "edited": self.tr("edited"),
            "custom": self.tr("own"),
        }
        kinds = {"template": self.tr("template"), "snippet": self.tr("snippet")}
        self._shown = {t.key: t for t in templates}
        self.list.blockSignals(True)
        try:
            self.list.clear()
            items = []
            for template in templates:
                item = QTreeWidgetItem(
                    [
                        template.name,
                        template.shortcode,
                        kinds.get(template.kind, template.kind),
                        origins.get(self._origins.get(template.key, ""), ""),
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, template.key)
                item.setToolTip(0, plain_tip(template.description or template.name))
                items.append(item)
            self.list.addTopLevelItems(items)
        finally:
            self.list.blockSignals(False)
        self._select(self.list, self._editing.key if self._editing else None)
        total = len(self._origins)
        self.count.setText(
            self.tr("{0} of {1} shown").format(number_label(len(templates)), number_label(total))
        )

    def names(self) -> list[str]:
        """The names the list shows, in its order."""
        return [item.text(0) for item in _items(self.list)]

    def choose(self, name: str) -> None:
        """Selects a template in the list by name, as a click would."""
        for item in _items(self.list):
            if item.data(0, Qt.ItemDataRole.UserRole) == name_key(name):
                self.list.setCurrentItem(item)
                return
        raise KeyError(name)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is None:
            return
        key = current.data(0, Qt.ItemDataRole.UserRole)
        if self._editing is not None and self._editing.key == key:
            return
        if not self._may_leave(self._what()):
            self._select(self.list, self._editing.key if self._editing else None)
            return
        template = self._shown.get(key)
        if template is not None:
            self._fill(template)

    # -- changes -------------------------------------------------------------------------

    def _edited(self) -> ReplyTemplate:
        return self.template()

    def _saver(self, template: Any, replacing: str | None) -> Callable[[], None]:
        library = self.library
        return lambda: library.save(template, replacing=replacing)

    def delete(self) -> None:
        editing = self._editing
        if editing is None:
            return
        shipped_one = self._origins.get(editing.key) in ("shipped", "edited")
        question = (
            self.tr("Delete {0}? It is a shipped template: Restore deleted brings it back.")
            if shipped_one
            else self.tr("Delete {0}? It cannot be brought back.")
        )
        if not self._confirm(self.tr("Delete template"), question.format(repr(editing.name))):
            return
        library = self.library

        def done(_result: Any) -> None:
            self._fill(None)
            self._say(self.tr("Deleted {0}.").format(repr(editing.name)))
            self.refresh()

        self._write(self.tr("Deleting…"), lambda: library.delete(editing.name), done)

    def restore(self) -> None:
        editing = self._editing
        if editing is None or self._origins.get(editing.key) != "edited":
            return
        if not self._confirm(
            self.tr("Restore shipped"),
            self.tr("Put {0} back as shipped? The team's changes to it are lost.").format(
                repr(editing.name)
            ),
        ):
            return
        self._restore(editing.name)

    def restore_deleted(self) -> None:
        if not self._deleted or not self._may_leave(self._what()):
            return
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Restore deleted"),
            self.tr("Shipped template to bring back:"),
            self._deleted,
            0,
            False,
        )
        if ok and name:
            self._restore(str(name))

    def _restore(self, name: str) -> None:
        library = self.library

        def work() -> ReplyTemplate:
            library.restore(name)
            return library.get(name)

        def done(template: ReplyTemplate) -> None:
            self._fill(template)
            self._say(self.tr("{0} is back as shipped.").format(repr(template.name)))
            self.refresh()

        self._write(self.tr("Restoring…"), work, done)

    def import_file(self) -> None:
        path = self._ask_file(self.tr("Import templates"), save=False)
        if not path:
            return
        replace = self.replace.isChecked()
        if replace and not self._confirm(
            self.tr("Replace the library"),
            self.tr(
                "Make the library exactly what the file holds? Templates not in the file "
                "are deleted."
            ),
        ):
            return
        library, name = self.library, Path(path).name

        def work() -> Any:
            text = Path(path).read_text(encoding="utf-8-sig")
            return library.import_json(text, replace=replace, source=name)

        def done(result: Any) -> None:
            summary = self.tr("{0}: {1} added, {2} updated, {3} unchanged").format(
                name, result.added, result.updated, result.unchanged
            )
            if replace:
                summary += self.tr(", {0} removed").format(result.removed)
            self._say(summary + ".")
            self.refresh(reload_form=True)

        def failed(error: BaseException) -> None:
            self._report(self.tr("Nothing was imported: {0}").format(file_error(name, error)))

        self._write(self.tr("Importing {0}…").format(name), work, done, failed)

    def export_file(self) -> None:
        path = self._ask_file(self.tr("Export templates"), save=True, suggested="library.json")
        if not path:
            return
        library = self.library

        def work() -> int:
            text = library.export_json()
            Path(path).write_text(text + "\n", encoding="utf-8")
            return len(json.loads(text)["templates"])

        def done(count: int) -> None:
            self._say(self.tr("Wrote {0} templates to {1}.").format(number_label(count), path))

        def failed(error: BaseException) -> None:
            self._report(self.tr("Nothing was exported: {0}").format(file_error(path, error)))

        if self.busy:
            return
        self._say(self.tr("Exporting…"))
        self.runner(work, done, failed, self)


class PlaybooksPage(_EditorPage):
    """The playbooks shown beside the composer: edit, add, delete, reset, share."""

    def __init__(self, book: PlaybookBook, parent: QWidget | None, *, runner: Runner) -> None:
        super().__init__(parent, runner)
        self.book = book
        self._playbooks: dict[str, Playbook] = {}  # by key
        self._origins: dict[str, str] = {}
        self._editing: Playbook | None = None

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        self.list = self._list(
            split, self.tr("Playbooks"), [self.tr("Title"), self.tr("Name"), self.tr("Source")]
        )
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(right)
        self.name.setAccessibleName(self.tr("Playbook name"))
        self.name.setPlaceholderText(self.tr("A short key, such as outage"))
        self.title = QLineEdit(right)
        self.title.setAccessibleName(self.tr("Title"))
        # One line to the playbook; wrapped here, so a summary can be read whole.
        self.summary = self._lines_edit(right, self.tr("Summary"), rows=2)
        self.intents = ChoiceBoxes(
            self.tr("When the intent is"), [(i, intent_label(i)) for i in INTENTS], right
        )
        self.topics = ChoiceBoxes(
            self.tr("When the topic is"), [(t, topic_label(t)) for t in TOPICS], right, columns=3
        )
        self.angry = QCheckBox(self.tr("First for any an&gry customer"), right)
        self.angry.setAccessibleName(self.tr("First for any angry customer"))
        self.steps = self._lines_edit(right, self.tr("Steps, one a line"), rows=6, grow=True)
        self.avoid = self._lines_edit(right, self.tr("Things to avoid, one a line"), rows=3)
        self.templates = self._lines_edit(right, self.tr("Templates to offer, one a line"), rows=3)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("S&ummary"), self.summary)
        form.addRow(self.tr("Intents"), self.intents)
        form.addRow(self.tr("Topics"), self.topics)
        form.addRow("", self.angry)
        form.addRow(self.tr("St&eps"), self.steps)
        form.addRow(self.tr("A&void"), self.avoid)
        form.addRow(self.tr("Templ&ates"), self.templates)
        right_layout.addLayout(form, 1)
        self.hint = QLabel(
            self.tr(
                "Steps, things to avoid and templates: one a line. A playbook with no "
                "intent, topic or angry tick is shown when no other playbook fits."
            ),
            right,
        )
        self.hint.setWordWrap(True)
        right_layout.addWidget(self.hint)
        self.error.setAccessibleName(self.tr("Playbook problem"))
        right_layout.addWidget(self.error)
        row = QHBoxLayout()
        self.new_button = self._button(self.tr("Ne&w"), self.new, row)
        self.save_button = self._button(self.tr("&Save"), self.save, row)
        self.delete_button = self._button(self.tr("De&lete"), self.delete, row)
        row.addStretch(1)
        self.reset_button = self._button(self.tr("&Reset all to shipped…"), self.reset, row)
        right_layout.addLayout(row)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 600])

        files = QHBoxLayout()
        self.import_button = self._button(self.tr("&Import…"), self.import_file, files)
        self.replace = QCheckBox(self.tr("Importing replaces every playbook"), self)
        self.replace.setAccessibleName(self.tr("Importing replaces every playbook"))
        files.addWidget(self.replace)
        files.addStretch(1)
        self.export_button = self._button(self.tr("E&xport…"), self.export_file, files)
        self.status.setAccessibleName(self.tr("Playbooks status"))

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(files)
        layout.addWidget(self.status)
        plain_labels(self)

        self.list.currentItemChanged.connect(self._on_current)
        self._fill(None)
        self.refresh()

    # -- the form ------------------------------------------------------------------------

    def _raw(self) -> tuple[Any, ...]:
        return (
            self.name.text(),
            self.title.text(),
            self.summary.toPlainText(),
            self.intents.values(),
            self.topics.values(),
            self.angry.isChecked(),
            self.steps.toPlainText(),
            self.avoid.toPlainText(),
            self.templates.toPlainText(),
        )

    def _fill(self, playbook: Playbook | None) -> None:
        self._editing = playbook
        self.name.setText(playbook.name if playbook else "")
        self.title.setText(playbook.title if playbook else "")
        self.summary.setPlainText(playbook.summary if playbook else "")
        self.intents.set_values(playbook.intents if playbook else ())
        self.topics.set_values(playbook.topics if playbook else ())
        self.angry.setChecked(playbook.angry if playbook else False)
        self.steps.setPlainText("\n".join(playbook.steps) if playbook else "")
        self.avoid.setPlainText("\n".join(playbook.avoid) if playbook else "")
        self.templates.setPlainText("\n".join(playbook.templates) if playbook else "")
        for edit in (self.name, self.title):
            edit.setCursorPosition(0)
        self.error.clear()
        self._mark_clean()
        self._enable()

    def playbook(self) -> Playbook:
        """What the form holds, checked (``PlaybookError`` says what is wrong)."""
        return Playbook(
            name=self.name.text(),
            title=self.title.text(),
            summary=" ".join(self.summary.toPlainText().split()),
            intents=self.intents.values(),
            topics=self.topics.values(),
            angry=self.angry.isChecked(),
            steps=lines_of(self.steps.toPlainText()),
            avoid=lines_of(self.avoid.toPlainText()),
            templates=lines_of(self.templates.toPlainText()),
        )

    def _enable(self) -> None:
        for button in self._buttons:
            button.setEnabled(not self.busy)
        # While a change is written the list stays put: its result lands on the item it
        # was made to, not on one picked meanwhile.
        self.list.setEnabled(not self.busy)
        if not self.busy:
            self.delete_button.setEnabled(self._editing is not None)

    def _what(self) -> str:
        return repr(self._editing.name) if self._editing else self.tr("the new playbook")

    # -- the list ------------------------------------------------------------------------

    def refresh(self, *, reload_form: bool = False) -> None:
        book = self.book
        wanted = self._editing.name if reload_form and self._editing is not None else None

        def read() -> tuple[list[Playbook], dict[str, str], str | None]:
            playbooks = book.all()
            ours = {p.name.strip().casefold(): p for p in shipped()}
            origins = {
                key: "shipped" if ours.get(key) == p else "edited" if key in ours else "custom"
                for p in playbooks
                for key in (p.name.strip().casefold(),)
            }
            return playbooks, origins, book.problem()

        def done(result: tuple[list[Playbook], dict[str, str], str | None]) -> None:
            playbooks, self._origins, problem = result
            self._playbooks = {p.name.strip().casefold(): p for p in playbooks}
            if wanted is not None and not self.dirty():
                self._fill(self._playbooks.get(wanted.strip().casefold()))
            self._show(playbooks)
            if problem:
                self._report(problem)
            self._enable()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self._report(self.tr("The playbooks could not be read: {0}").format(error))

        self.runner(read, done, failed, self)

    def _show(self, playbooks: list[Playbook]) -> None:
        origins = {
            "shipped": self.tr("shipped"),
            "edited": self.tr("edited"),
            "custom": self.tr("own"),
        }
        self.list.blockSignals(True)
        try:
            self.list.clear()
            items = []
            for playbook in playbooks:
                key = playbook.name.strip().casefold()
                item = QTreeWidgetItem(
                    [playbook.title, playbook.name, origins.get(self._origins.get(key, ""), "")]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                item.setToolTip(0, plain_tip(playbook.summary))
                items.append(item)
            self.list.addTopLevelItems(items)
        finally:
            self.list.blockSignals(False)
        self._select(self.list, self._key())

    def _key(self) -> str | None:
        return self._editing.name.strip().casefold() if self._editing else None

    def names(self) -> list[str]:
        return [item.text(1) for item in _items(self.list)]

    def choose(self, name: str) -> None:
        for item in _items(self.list):
            if item.data(0, Qt.ItemDataRole.UserRole) == name.strip().casefold():
                self.list.setCurrentItem(item)
                return
        raise KeyError(name)

    def origin(self, name: str) -> str:
        return self._origins.get(name.strip().casefold(), "")

    def _on_current(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is None:
            return
        key = current.data(0, Qt.ItemDataRole.UserRole)
        if key == self._key():
            return
        if not self._may_leave(self._what()):
            self._select(self.list, self._key())
            return
        playbook = self._playbooks.get(key)
        if playbook is not None:
            self._fill(playbook)

    # -- changes -------------------------------------------------------------------------

    def _edited(self) -> Playbook:
        return self.playbook()

    def _saver(self, playbook: Any, replacing: str | None) -> Callable[[], None]:
        book = self.book
        return lambda: book.save(playbook, replacing=replacing)

    def _saved_name(self, playbook: Any) -> str:
        return str(playbook.title)

    def delete(self) -> None:
        editing = self._editing
        if editing is None:
            return
        if not self._confirm(
            self.tr("Delete playbook"),
            self.tr("Delete the playbook {0}?").format(repr(editing.title)),
        ):
            return
        book = self.book

        def done(_result: Any) -> None:
            self._fill(None)
            self._say(self.tr("Deleted {0}.").format(repr(editing.title)))
            self.refresh()

        self._write(self.tr("Deleting…"), lambda: book.delete(editing.name), done)

    def reset(self) -> None:
        if not self._confirm(
            self.tr("Reset playbooks"),
            self.tr(
                "Put every playbook back as shipped? The team's edits, additions and "
                "deletions are lost."
            ),
        ):
            return
        book = self.book

        def done(_result: Any) -> None:
            self._mark_clean()  # what the form held is gone from the store: show it fresh
            self._say(self.tr("The playbooks are back as shipped."))
            self.refresh(reload_form=True)

        self._write(self.tr("Resetting…"), book.reset, done)

    def import_file(self) -> None:
        path = self._ask_file(self.tr("Import playbooks"), save=False)
        if not path:
            return
        replace = self.replace.isChecked()
        if replace and not self._confirm(
            self.tr("Replace the playbooks"),
            self.tr("Make the playbooks exactly what the file holds? The others are deleted."),
        ):
            return
        book, name = self.book, Path(path).name

        def work() -> int:
            text = Path(path).read_text(encoding="utf-8-sig")
            return book.import_json(text, replace=replace)

        def done(count: int) -> None:
            self._say(self.tr("{0}: {1} playbooks imported.").format(name, number_label(count)))
            self.refresh(reload_form=True)

        def failed(error: BaseException) -> None:
            self._report(self.tr("Nothing was imported: {0}").format(file_error(name, error)))

        self._write(self.tr("Importing {0}…").format(name), work, done, failed)

    def export_file(self) -> None:
        path = self._ask_file(self.tr("Export playbooks"), save=True, suggested="playbooks.json")
        if not path:
            return
        book = self.book

        def work() -> int:
            playbooks = book.all()
            Path(path).write_text(book.export_json(), encoding="utf-8")
            return len(playbooks)

        def done(count: int) -> None:
            self._say(self.tr("Wrote {0} playbooks to {1}.").format(number_label(count), path))

        def failed(error: BaseException) -> None:
            self._report(self.tr("Nothing was exported: {0}").format(file_error(path, error)))

        if self.busy:
            return
        self._say(self.tr("Exporting…"))
        self.runner(work, done, failed, self)


class LibraryDialog(QDialog):
    """Settings > Snippets and templates."""

    saved = Signal()  # the library or the playbooks changed: the composer reloads them

    def __init__(
        self,
        library: Library,
        playbooks: PlaybookBook,
        parent: QWidget | None = None,
        *,
        runner: Runner = run_task,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snippets and templates"))
        self.setAccessibleName(self.tr("Snippets and templates"))
        self.resize(1080, 700)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Reply library pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Reply library pages"))
        self.templates = TemplatesPage(library, self, runner=runner)
        self.playbooks = PlaybooksPage(playbooks, self, runner=runner)
        self.tabs.addTab(self.templates, self.tr("Snippets and te&mplates"))
        self.tabs.addTab(self.playbooks, self.tr("&Playbooks"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.templates.changed.connect(self.saved)
        self.playbooks.changed.connect(self.saved)
        self.templates.search.setFocus()

    def reject(self) -> None:
        """Closing with unsaved edits asks first; nothing typed goes unnoticed."""
        for page in (self.templates, self.playbooks):
            if page.dirty():
                self.tabs.setCurrentWidget(page)
                if not page._may_leave(page._what()):
                    return
        super().reject()


def open_library(parent: QWidget | None, store: Store, runner: Runner = run_task) -> LibraryDialog:
    """Opens Settings > Snippets and templates (window-modal, without blocking)."""
    dialog = LibraryDialog(Library(store), PlaybookBook(store), parent, runner=runner)
    dialog.open()
    return dialog
