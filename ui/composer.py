"""The reply composer: snippets by shortcode, fields to Tab through, tokens highlighted,
and the strips around it (suggestions, checks).

Everything here works on what the controller handed over beforehand (the library's
snippets, the conversation's token values): no keystroke reaches the database. Text
from customers and networks reaches these widgets only as plain text.

Qt counts positions in UTF-16 code units and Python in code points; an emoji outside
the Basic Multilingual Plane is one to Python and two to Qt. Positions from the core
(``Span``, ``Expansion``) are Python's and pass through ``qt_position`` on their way
to a ``QTextCursor``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPaintEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from socialdesk.checks import BLOCK, WARN, Check
from socialdesk.library import ReplyTemplate, expand_at
from socialdesk.text import one_line, reveal_controls
from socialdesk.tokens import KNOWN_TOKENS, Span, find_fields
from ui.labels import breakable, check_label, plain_tip, wrapping

MAX_DRAFTS = 3
BLOCK_COLOUR, WARN_COLOUR, OK_COLOUR = "#c62828", "#b26a00", "#2e7d32"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_position(text: str, index: int) -> int:
    """Python's index ``index`` in ``text`` as Qt counts it."""
    head = text[:index]
    return index + len(_ASTRAL.findall(head))


def py_index(text: str, position: int) -> int:
    """Qt's position ``position`` in ``text`` as a Python index."""
    if not _ASTRAL.search(text):
        return min(position, len(text))
    counted = 0
    for index, char in enumerate(text):
        if counted >= position:
            return index
        counted += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class FieldHighlighter(QSyntaxHighlighter):
    """``{tokens}`` the conversation fills in one colour; ``[[fields]]`` and tokens
    still to fill marked as work left; a ``{word}`` that is no token at all (a typo
    such as ``{frist_name}``) underlined as an error."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._values: dict[str, str] = {}
        self.filled = QTextCharFormat()
        self.filled.setForeground(QColor("#1565c0"))
        self.filled.setBackground(QColor(21, 101, 192, 28))
        self.to_fill = QTextCharFormat()
        self.to_fill.setBackground(QColor(249, 168, 37, 110))
        self.to_fill.setFontWeight(QFont.Weight.DemiBold)
        self.unknown = QTextCharFormat()
        self.unknown.setForeground(QColor(BLOCK_COLOUR))
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor(BLOCK_COLOUR))

    def set_values(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)
        self.rehighlight()

    def format_for(self, span: Span) -> QTextCharFormat:
        if span.kind == "stop":
            return self.to_fill
        if span.name not in KNOWN_TOKENS:
            return self.unknown
        return self.filled if self._values.get(span.name) else self.to_fill

    def highlightBlock(self, text: str) -> None:
        for span in find_fields(text):
            start = qt_position(text, span.start)
            self.setFormat(start, qt_position(text, span.end) - start, self.format_for(span))


class Composer(QPlainTextEdit):
    """The reply being written.

    ``;shortcode`` then Space or Tab puts the snippet in its place (one Ctrl+Z takes it
    back), its tokens filled and its first field selected. Tab and Shift+Tab go from
    field to field (``[[label]]``, or a ``{token}`` nothing fills), each selected so
    typing replaces it; with no field and no shortcode, Tab moves the focus on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.highlighter = FieldHighlighter(self.document())
        self._snippets: dict[str, ReplyTemplate] = {}
        self._values: dict[str, str] = {}

    # -- what the controller hands over ---------------------------------------------------

    def set_library(self, templates: Iterable[ReplyTemplate]) -> None:
        self._snippets = {t.shortcode: t for t in templates if t.shortcode}

    def set_values(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)
        self.highlighter.set_values(self._values)

    def snippet(self, shortcode: str) -> ReplyTemplate | None:
        return self._snippets.get(shortcode.lower())

    # -- fields ----------------------------------------------------------------------------

    def fields(self) -> list[Span]:
        """The fields left to fill (positions in ``toPlainText()``): tab stops, and
        tokens this conversation has no value for."""
        return [
            span
            for span in find_fields(self.toPlainText())
            if span.kind == "stop" or not self._values.get(span.name)
        ]

    def select_span(self, text: str, span: Span) -> None:
        cursor = self.textCursor()
        cursor.setPosition(qt_position(text, span.start))
        cursor.setPosition(qt_position(text, span.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def jump(self, forward: bool = True) -> bool:
        """Selects the next (or previous) field, round to the first (last); False when
        there is none."""
        fields = self.fields()
        if not fields:
            return False
        text = self.toPlainText()
        cursor = self.textCursor()
        start = py_index(text, cursor.selectionStart())
        end = py_index(text, cursor.selectionEnd())
        if forward:
            target = next((f for f in fields if f.start >= end), fields[0])
        else:
            target = next((f for f in reversed(fields) if f.end <= start), fields[-1])
        self.select_span(text, target)
        return True

    def _select_first_field(self, after: int = 0) -> bool:
        text = self.toPlainText()
        found = next((f for f in self.fields() if f.start >= after), None)
        if found is None:
            return False
        self.select_span(text, found)
        return True

    # -- snippets --------------------------------------------------------------------------

    def expand_shortcode(self, trailing: str = "") -> bool:
        """The shortcode just typed, replaced by its snippet in one undoable step.
        ``trailing`` (the Space that asked for it) follows a snippet with no field to
        fill. False when no snippet has the word before the cursor."""
        cursor = self.textCursor()
        if cursor.hasSelection() or not self._snippets:
            return False
        text = self.toPlainText()
        at = py_index(text, cursor.position())
        expansion = expand_at(text, at, self.snippet, self._values)
        if expansion is None:
            return False
        start = text.rfind(";", 0, at)
        suffix = text[at:]
        body = expansion.text[start : len(expansion.text) - len(suffix)]
        if expansion.text != text[:start] + body + suffix:  # not where it was looked for
            return False
        # Edited through the widget's own cursor, where the agent is typing: Ctrl+Z puts
        # the cursor back where the edit began (a fresh cursor would send it to 0).
        edit = self.textCursor()
        edit.beginEditBlock()
        edit.setPosition(qt_position(text, start))
        edit.setPosition(qt_position(text, at), QTextCursor.MoveMode.KeepAnchor)
        edit.insertText(body)
        if trailing and not expansion.stops:
            edit.insertText(trailing)
        edit.endEditBlock()
        if expansion.stops:
            self.select_span(self.toPlainText(), expansion.stops[0])
        else:
            self.setTextCursor(edit)
        return True

    # -- putting text in -------------------------------------------------------------------

    def replace_all(self, text: str) -> None:
        """The whole reply becomes ``text`` (a suggestion, a withdrawn reply), in one
        step Ctrl+Z takes back; its first field selected."""
        edit = self.textCursor()
        edit.beginEditBlock()
        edit.select(QTextCursor.SelectionType.Document)
        edit.insertText(text)
        edit.endEditBlock()
        self.setTextCursor(edit)
        self._select_first_field()
        self.setFocus()

    def insert_piece(self, text: str) -> None:
        """``text`` at the cursor (over the selection), a space before it when it would
        run into a word; its first field selected."""
        whole = self.toPlainText()
        edit = self.textCursor()
        at = py_index(whole, edit.selectionStart())
        edit.beginEditBlock()
        if at and not whole[at - 1].isspace():
            edit.insertText(" ")
            at += 1
        edit.insertText(text)
        edit.endEditBlock()
        self.setTextCursor(edit)
        self._select_first_field(after=at)
        self.setFocus()

    # -- keys ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab reaches QWidget.event as a focus move before keyPressEvent sees it.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            mods = event.modifiers()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                backward = key == Qt.Key.Key_Backtab or bool(
                    mods & Qt.KeyboardModifier.ShiftModifier
                )
                if not backward and self.expand_shortcode():
                    return True
                if self.jump(forward=not backward):
                    return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.expand_shortcode(trailing=" ")
        ):
            return
        super().keyPressEvent(event)


class DraftButton(QPushButton):
    """One suggestion: its number and the start of its text on one line, cut to fit.
    The text is drawn, never given to the button as its label, so an ``&`` in a draft
    is shown as written rather than taken for a keyboard accelerator."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.preview = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_preview(self, text: str) -> None:
        self.preview = f"{self.number}   {one_line(text, 400)}" if text else ""
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(120, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The preview as drawn at the button's width."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        return self.fontMetrics().elidedText(
            self.preview, Qt.TextElideMode.ElideRight, max(0, area.width() - 12)
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        area = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        painter.drawItemText(
            area.adjusted(6, 0, -6, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            QPalette.ColorRole.ButtonText,
        )


class DraftStrip(QWidget):
    """Up to three suggested replies; choosing one (a click, or Ctrl+1 to Ctrl+3 from
    the reply area) puts it in the composer."""

    chosen = Signal(int)  # the suggestion's index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Suggestions"))
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName(self.tr("Suggestions"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.buttons: list[DraftButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        for number in range(1, MAX_DRAFTS + 1):
            button = DraftButton(number, self)
            button.setAccessibleName(self.tr("Suggestion {0}").format(number))
            button.clicked.connect(lambda _checked=False, n=number - 1: self.chosen.emit(n))
            button.hide()
            layout.addWidget(button)
            self.buttons.append(button)
        self.note = wrapping(QLabel(self))
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # an AI provider's error
        self.note.setAccessibleName(self.tr("About the suggestions"))
        self.note.setStyleSheet(f"color: {WARN_COLOUR};")
        self.note.hide()
        layout.addWidget(self.note)
        self.clear()

    def clear(self, title: str = "") -> None:
        self.title.setText(title)
        for button in self.buttons:
            button.hide()
            button.set_preview("")
        self.note.clear()
        self.note.hide()

    def set_drafts(self, drafts: Sequence[tuple[str, str]], note: str = "") -> None:
        """``drafts``: (text, template name) pairs, best first."""
        shown = list(drafts)[:MAX_DRAFTS]
        self.title.setText(
            self.tr("Suggestions  (Ctrl+1 to Ctrl+{0})").format(len(shown))
            if len(shown) > 1
            else self.tr("Suggestion  (Ctrl+1)")
            if shown
            else self.tr("No suggestions for this conversation")
        )
        for button, (text, template) in zip(self.buttons, shown, strict=False):
            button.set_preview(text)
            button.setToolTip(
                plain_tip(
                    self.tr("{0} · Ctrl+{1}").format(template, button.number)
                    + "\n\n"
                    + reveal_controls(text)
                )
            )
            button.setAccessibleDescription(reveal_controls(text))
            button.show()
        for button in self.buttons[len(shown) :]:
            button.hide()
            button.set_preview("")
        self.note.setText(breakable(note))
        self.note.setVisible(bool(note))


class CheckList(QWidget):
    """The checks' verdicts on the reply: each warning and block on a line of its own,
    marked by a symbol as well as a colour, or one line saying all pass."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Checks"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self.rows: list[QLabel] = []
        self._faded = QGraphicsOpacityEffect(self)
        self._faded.setOpacity(0.45)
        self._faded.setEnabled(False)
        self.setGraphicsEffect(self._faded)

    def set_stale(self, stale: bool) -> None:
        """Faded while the reply has changed since the verdict shown: a new one is on
        its way."""
        self._faded.setEnabled(stale)

    def stale(self) -> bool:
        return self._faded.isEnabled()

    def show_checks(self, checks: Sequence[Check] | None) -> None:
        """None: nothing to say (an empty reply)."""
        self.set_stale(False)
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        if checks is None:
            self.hide()
            return
        flagged = [c for c in checks if c.level in (BLOCK, WARN)]
        flagged.sort(key=lambda c: c.level != BLOCK)  # blocks first, then each in order
        if not flagged:
            self._add(self.tr("✓ All checks pass"), OK_COLOUR)
        for check in flagged:
            mark, colour = ("✖", BLOCK_COLOUR) if check.level == BLOCK else ("⚠", WARN_COLOUR)
            self._add(f"{mark} {check_label(check.name)}: {check.message}", colour)
        self.show()

    def texts(self) -> list[str]:
        return [row.text() for row in self.rows]

    def _add(self, text: str, colour: str) -> None:
        row = wrapping(QLabel(self))
        row.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the reply
        row.setText(breakable(reveal_controls(text)))
        row.setStyleSheet(f"color: {colour};")
        row.setAccessibleName(self.tr("Check"))
        self._layout.addWidget(row)
        self.rows.append(row)


def composer_keys() -> list[tuple[str, str]]:
    """The reply box's own keys, for the shortcut list (they are no window action)."""
    translate = QCoreApplication.translate
    return [
        (translate("Composer", "Reply box: send"), "Ctrl+Enter"),
        (translate("Composer", "Reply box: use suggestion 1, 2 or 3"), "Ctrl+1 … Ctrl+3"),
        (
            translate("Composer", "Reply box: expand a snippet's shortcode"),
            translate("Composer", ";code then Space or Tab"),
        ),
        (translate("Composer", "Reply box: next or previous field to fill"), "Tab / Shift+Tab"),
        (translate("Composer", "Reply box: undo a snippet"), "Ctrl+Z"),
    ]
