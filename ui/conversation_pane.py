"""The conversation pane: the whole thread, who wrote it, why it is here, and the reply.

Everything a customer wrote is shown as plain text: the thread is built with
``QTextCursor.insertText`` (never HTML), labels are ``PlainText``, and links are
shown, not followed; the "Open link" action opens one on request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QTextBlockFormat, QTextCharFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from socialdesk.desk import ConversationView, Desk
from socialdesk.text import one_line, reveal_controls
from ui.handling import HandlingClock
from ui.inbox_model import followers_label
from ui.labels import number_label, outbox_label, status_label, time_label
from ui.tasks import run_task

log = logging.getLogger("socialdesk.ui")


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class ConversationPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = _plain_label(self, self.tr("Conversation"))
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.transcript = QTextEdit(self)
        self.transcript.setReadOnly(True)
        self.transcript.setAcceptRichText(False)
        self.transcript.setAccessibleName(self.tr("Thread"))
        self.reasons = _plain_label(self, self.tr("Why it is here"))
        self.profile = _plain_label(self, self.tr("Author"))
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Earlier conversations"))
        self.history.setWordWrap(True)
        self.tags = _plain_label(self, self.tr("Tags"))
        self.notes = QListWidget(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setWordWrap(True)
        self.details = QTabWidget(self)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.tabBar().setAccessibleName(self.tr("Detail tabs"))
        why = QWidget()
        why_layout = QVBoxLayout(why)
        why_layout.addWidget(self.reasons)
        why_layout.addStretch(1)
        who = QWidget()
        who_layout = QVBoxLayout(who)
        who_layout.addWidget(self.profile)
        who_layout.addWidget(self.history, 1)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.tags)
        notes_layout.addWidget(self.notes, 1)
        self.details.addTab(why, self.tr("Why here"))
        self.details.addTab(who, self.tr("Author"))
        self.details.addTab(notes, self.tr("Notes and tags"))
        self.composer = QPlainTextEdit(self)
        self.composer.setAccessibleName(self.tr("Reply"))
        self.composer.setPlaceholderText(self.tr("Write a reply  ( r )   Ctrl+Enter sends"))
        self.composer.setTabChangesFocus(True)
        self.counter = _plain_label(self, self.tr("Characters"))
        self.send = QPushButton(self.tr("Send"), self)
        self.send.setAccessibleName(self.tr("Send reply"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter, 1)
        bottom.addWidget(self.send)
        reply = QWidget()
        reply_layout = QVBoxLayout(reply)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        reply_layout.addWidget(self.composer, 1)
        reply_layout.addLayout(bottom)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.transcript)
        self.split.addWidget(self.details)
        self.split.addWidget(reply)
        self.split.setSizes([420, 170, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.split, 1)


def _when(at: datetime) -> str:
    return time_label(at)


class ConversationController(QObject):
    """Loads the selected conversation off the GUI thread and sends replies to the outbox."""

    loaded = Signal(object)  # ConversationView
    queued = Signal(int)  # outbox id
    sending = Signal()  # a reply is on its way to the outbox
    failed = Signal(str)

    def __init__(
        self,
        pane: ConversationPane,
        desk: Desk,
        agent: str | None,
        runner: Callable[..., None] = run_task,
        *,
        clock: Callable[[], float] = time.monotonic,
        active: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.desk = desk
        self.agent = agent
        self._runner = runner
        self._generation = 0
        self.current: ConversationView | None = None
        self._requested: int | None = None  # the conversation asked for last
        self._sending = False
        pane.composer.textChanged.connect(self._count)
        pane.send.clicked.connect(self.send)
        # Handle time: how long the agent has each conversation open (the reports').
        self.handling = HandlingClock(self._record_handling, self, clock=clock, active=active)
        pane.composer.textChanged.connect(self._typed)
        send = QShortcut(QKeySequence("Ctrl+Return"), pane.composer)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.activated.connect(self.send)
        self.show(None)

    def show(self, conversation_id: int | None) -> None:
        self.handling.open(conversation_id)
        self._generation += 1
        generation = self._generation
        self._requested = conversation_id
        if conversation_id is None:
            self.current = None
            self.pane.header.setText(self.tr("Nothing selected"))
            self.pane.transcript.clear()
            self.pane.reasons.clear()
            self.pane.profile.clear()
            self.pane.history.clear()
            self.pane.notes.clear()
            self.pane.tags.clear()
            self.pane.send.setEnabled(False)
            self._count()
            return
        self._runner(
            lambda: self.desk.conversation(conversation_id),
            lambda view: self._on_loaded(generation, view),
            lambda error: self.failed.emit(str(error)),
            self,
        )

    def _typed(self) -> None:
        if self.pane.composer.toPlainText().strip():  # not the composer emptied on loading
            self.handling.composing()

    def _record_handling(self, conversation_id: int, seconds: float, composing: float) -> None:
        agent = self.agent
        self._runner(
            lambda: self.desk.record_handling(conversation_id, seconds, composing, actor=agent),
            lambda _none: None,
            # Handle time is a figure for reports: losing one stretch is logged, not shown.
            lambda error: log.warning("handle time not recorded: %s", error),
            self,
        )

    def close(self) -> None:
        """Records the open conversation's handle time (the window is closing)."""
        self.handling.stop()

    def reload(self) -> None:
        """The conversation asked for last, which may still be loading: never the one
        shown before it."""
        if self._requested is not None:
            self.show(self._requested)

    def _on_loaded(self, generation: int, view: ConversationView) -> None:
        if generation != self._generation:
            return
        keep_draft = self.current is not None and self.current.id == view.id
        self.current = view
        self._render(view)
        if not keep_draft:
            self.pane.composer.clear()
        self.pane.send.setEnabled(True)
        self._count()
        self.loaded.emit(view)

    def _render(self, view: ConversationView) -> None:
        pane = self.pane
        name = view.profile.name if view.profile else ""
        handle = view.profile.handle if view.profile else ""
        channel = {"x": "X", "reddit": "Reddit"}.get(view.network, view.network)
        kind = self.tr("public") if view.public else self.tr("direct message")
        assignee = view.assignee or self.tr("unassigned")
        pane.header.setText(
            one_line(
                f"{name or handle} · {channel} {kind} · {status_label(view.status)} · {assignee}",
                200,
            )
        )
        self._render_thread(view)
        pane.reasons.setText("\n".join(f"• {reveal_controls(r)}" for r in view.reasons))
        if view.profile is not None:
            p = view.profile
            lines = [f"{p.name}  {p.handle}", channel]
            if p.followers is not None:
                lines.append(self.tr("{0} followers").format(followers_label(p.followers)))
            if p.first_seen_at is not None:
                lines.append(self.tr("first seen {0}").format(_when(p.first_seen_at)))
            pane.profile.setText(reveal_controls("\n".join(lines)))
        else:
            pane.profile.setText(self.tr("The brand started this conversation."))
        pane.history.clear()
        for past in view.history:
            network = {"x": "X", "reddit": "Reddit"}.get(past.network, past.network)
            pane.history.addItem(
                f"{_when(past.last_message_at)} · {network} · {status_label(past.status)} — "
                f"{one_line(past.excerpt, 90)}"
            )
        if not view.history:
            pane.history.addItem(self.tr("No earlier conversations"))
        pane.tags.setText(
            self.tr("Tags: {0}").format(", ".join(view.tags)) if view.tags else self.tr("No tags")
        )
        pane.notes.clear()
        for note in view.notes:
            pane.notes.addItem(
                f"{_when(note.created_at)} {note.author}: {reveal_controls(note.text)}"
            )

    def _render_thread(self, view: ConversationView) -> None:
        """Customer messages on the left, the brand's indented and tinted: told apart
        without relying on colour, since each starts with who wrote it."""
        thread = self.pane.transcript
        thread.clear()
        cursor = thread.textCursor()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        body = QTextCharFormat()
        first = True
        for message in view.messages:
            block = QTextBlockFormat()
            outbound = message.direction == "outbound"
            block.setLeftMargin(60 if outbound else 0)
            block.setRightMargin(0 if outbound else 60)
            block.setTopMargin(0 if first else 10)
            if outbound:
                block.setBackground(QColor(47, 101, 202, 40))
            if not first:
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            first = False
            who = self.tr("Brand") if outbound else self.tr("Customer")
            author = one_line(message.author_handle, 60)
            cursor.insertText(f"{who} · {author} · {_when(message.created_at)}", heading)
            continuation = QTextBlockFormat(block)
            continuation.setTopMargin(2)
            cursor.insertBlock(continuation)
            cursor.insertText(reveal_controls(message.text), body)
            if message.url:
                cursor.insertBlock(continuation)
                cursor.insertText(self.tr("Link: {0}").format(one_line(message.url, 300)), body)
        for reply in view.outbox:
            block = QTextBlockFormat()
            block.setLeftMargin(60)
            block.setTopMargin(10)
            block.setBackground(QColor(249, 168, 37, 50))
            cursor.insertBlock(block)
            cursor.insertText(
                self.tr("Reply {0} · {1}").format(
                    outbox_label(reply.status), _when(reply.created_at)
                ),
                heading,
            )
            cursor.insertBlock(block)
            cursor.insertText(reveal_controls(reply.text), body)
        thread.moveCursor(thread.textCursor().MoveOperation.End)
        thread.ensureCursorVisible()

    # -- the reply -------------------------------------------------------------------------

    def _count(self) -> None:
        text = self.pane.composer.toPlainText()
        limit = self.current.reply_limit if self.current else 0
        self.pane.counter.setText(
            self.tr("{0} / {1} characters").format(number_label(len(text)), number_label(limit))
            if self.current
            else ""
        )
        over = bool(self.current) and len(text) > limit
        self.pane.counter.setStyleSheet("color: #c62828;" if over else "")
        self.pane.send.setEnabled(
            bool(self.current) and bool(text.strip()) and not over and not self._sending
        )

    def send(self) -> None:
        view = self.current
        text = self.pane.composer.toPlainText()
        if view is None or not text.strip() or len(text) > view.reply_limit:
            return
        if self._sending or view.id != self._requested:  # once; and never to a stale pane
            return
        self._sending = True
        self.pane.send.setEnabled(False)
        self.sending.emit()
        conversation_id = view.id
        self._runner(
            lambda: self.desk.queue_reply(conversation_id, text, actor=self.agent),
            lambda outbox_id: self._on_queued(conversation_id, outbox_id),
            lambda error: self._on_send_failed(str(error)),
            self,
        )

    def _on_queued(self, conversation_id: int, outbox_id: int) -> None:
        self._sending = False
        if self.current is not None and self.current.id == conversation_id:
            self.pane.composer.clear()
        self.reload()  # whatever the agent has moved on to, with the reply if it is this one
        self.queued.emit(outbox_id)

    def _on_send_failed(self, message: str) -> None:
        self._sending = False
        self._count()
        self.failed.emit(self.tr("The reply was not queued: {0}").format(message))
