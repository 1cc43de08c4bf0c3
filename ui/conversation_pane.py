"""The conversation pane: the whole thread, who wrote it, why it is here, and the reply.

Everything a customer wrote is shown as plain text: the thread is built with
``QTextCursor.insertText`` (never HTML), labels are ``PlainText``, and links are
shown, not followed; the "Open link" action opens one on request.

The reply area (``ui.composer``) gets what it needs for the open conversation from the
controller, read off the GUI thread when the conversation loads: the library's
snippets, the values its tokens take, up to three suggestions and the playbooks for
the situation. The checks run again a moment after the agent stops typing; a verdict
on text that has changed since, or on a conversation the agent has left, is dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from socialdesk.ai_drafts import Drafts, ai_wanted, suggestions
from socialdesk.checks import SEND_AS_DM
from socialdesk.desk import ConversationView, Desk, QueuedReply, reply_length, reply_limit
from socialdesk.domain import Direction, MessageKind, utcnow
from socialdesk.library import Library, ReplyTemplate, name_key
from socialdesk.outbox import Outbox
from socialdesk.playbooks import Playbook, PlaybookBook, upset_tone
from socialdesk.scoring import vader_compound
from socialdesk.store import Store
from socialdesk.suggest import Prepared, Suggestion, prepare, situation
from socialdesk.text import one_line, reveal_controls
from socialdesk.tokens import render, values_for
from socialdesk.voice import VoiceBook
from ui.composer import BLOCK_COLOUR, MAX_DRAFTS, CheckList, Composer, DraftStrip
from ui.handling import HandlingClock
from ui.inbox_model import followers_label
from ui.labels import (
    breakable,
    number_label,
    outbox_label,
    status_label,
    time_label,
    wrapping,
)
from ui.tasks import error_line, run_slow_task, run_task

if TYPE_CHECKING:
    from socialdesk.secrets import SecretStore

log = logging.getLogger("socialdesk.ui")

CHECK_DELAY_MS = 300  # the checks run again once the agent pauses this long
PANE_SIZES = (280, 240, 310)  # thread, details, reply
# "Sends as" shows where the tokens' values land: a few lines, never the whole of a long
# Reddit reply, so that it fits under the reply box.
PREVIEW_CHARACTERS = 300


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = wrapping(QLabel(parent))  # what a customer wrote never widens the window
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class PlaybookView(QScrollArea):
    """The playbook for the conversation's situation: what to do, in order, what to
    avoid, and the templates it recommends (Enter or a double-click inserts one)."""

    template_chosen = Signal(str)  # the template's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Playbook"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.playbooks: list[Playbook] = []
        self._available: set[str] = set()
        body = QWidget(self)
        self.choice = QComboBox(body)
        self.choice.setAccessibleName(self.tr("Playbooks that fit"))
        self.title = _plain_label(body, self.tr("Playbook title"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = _plain_label(body, self.tr("Playbook summary"))
        self.steps = _plain_label(body, self.tr("Playbook steps"))
        self.avoid = _plain_label(body, self.tr("Things to avoid"))
        self.templates_title = _plain_label(body, self.tr("Recommended templates"))
        self.templates = QListWidget(body)
        self.templates.setAccessibleName(self.tr("Recommended templates"))
        self.templates.setUniformItemSizes(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.choice, self.title, self.summary, self.steps, self.avoid):
            layout.addWidget(widget)
        layout.addWidget(self.templates_title)
        layout.addWidget(self.templates)
        layout.addStretch(1)
        self.setWidget(body)
        self.choice.currentIndexChanged.connect(self._show)
        self.templates.itemActivated.connect(self._on_template_activated)
        # Enter here inserts the template, before the window's "open the conversation".
        self.templates.installEventFilter(self)
        self.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.templates
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()  # delivered as a key press to the list, which activates the item
            return True
        return super().eventFilter(watched, event)

    def clear(self, text: str = "") -> None:
        self.playbooks = []
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self.choice.hide()
        self.title.setText(text)
        for label in (self.summary, self.steps, self.avoid, self.templates_title):
            label.clear()
            label.hide()
        self.templates.clear()
        self.templates.hide()

    def set_playbooks(self, playbooks: Sequence[Playbook], available: set[str]) -> None:
        """``available``: the name keys of the library's templates, so one the team
        has deleted is shown as missing rather than offered."""
        self.clear(self.tr("No playbook fits this conversation"))
        self.playbooks = list(playbooks)
        self._available = set(available)
        if not self.playbooks:
            return
        self.choice.blockSignals(True)
        for playbook in self.playbooks:
            self.choice.addItem(playbook.title)
        self.choice.blockSignals(False)
        self.choice.setVisible(len(self.playbooks) > 1)
        self.choice.setCurrentIndex(0)
        self._show(0)

    def current(self) -> Playbook | None:
        index = self.choice.currentIndex()
        return self.playbooks[index] if 0 <= index < len(self.playbooks) else None

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.playbooks):
            return
        playbook = self.playbooks[index]
        self.title.setText(playbook.title)
        self.summary.setText(playbook.summary)
        self.summary.show()
        self.steps.setText(
            "\n".join(f"{number}. {step}" for number, step in enumerate(playbook.steps, 1))
        )
        self.steps.show()
        if playbook.avoid:
            self.avoid.setText(
                self.tr("Avoid:") + "\n" + "\n".join(f"• {item}" for item in playbook.avoid)
            )
            self.avoid.show()
        else:
            self.avoid.hide()
        self.templates.clear()
        for name in playbook.templates:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name_key(name) not in self._available:
                item.setText(self.tr("{0} (not in the library)").format(name))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.templates.addItem(item)
        shown = bool(playbook.templates)
        self.templates_title.setText(self.tr("Templates  (Enter or double-click inserts one)"))
        self.templates_title.setVisible(shown)
        self.templates.setVisible(shown)
        if shown:
            rows = self.templates.count()
            height = self.templates.sizeHintForRow(0) * rows + 2 * self.templates.frameWidth()
            self.templates.setFixedHeight(height + 4)

    def template_names(self) -> list[str]:
        items = (self.templates.item(i) for i in range(self.templates.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def _on_template_activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.template_chosen.emit(item.data(Qt.ItemDataRole.UserRole))


class FailedReplies(QWidget):
    """Replies that did not go out, each with its reason: Retry queues it again, Edit
    takes it back into the composer. One whose outcome is unknown can only be looked
    up again: it may have gone out."""

    retry_chosen = Signal(int)  # outbox id
    edit_chosen = Signal(int)  # outbox id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Replies not sent"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.rows: dict[int, QFrame] = {}
        self.hide()

    def show_replies(self, replies: Sequence[QueuedReply]) -> None:
        for frame in self.rows.values():
            frame.hide()
            frame.deleteLater()
        self.rows = {}
        for reply in replies:
            if reply.status in ("failed", "unknown"):
                self._add(reply)
        self.setVisible(bool(self.rows))

    def reasons(self) -> list[str]:
        return [frame.findChild(QLabel).text() for frame in self.rows.values()]  # type: ignore[union-attr]

    def button(self, outbox_id: int, which: str) -> QPushButton | None:
        frame = self.rows.get(outbox_id)
        return None if frame is None else frame.findChild(QPushButton, which)

    def _add(self, reply: QueuedReply) -> None:
        frame = QFrame(self)
        frame.setObjectName("failed-reply")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet("QFrame#failed-reply { background: rgba(198, 40, 40, 28); }")
        row = QHBoxLayout(frame)
        row.setContentsMargins(6, 3, 3, 3)
        reason = reply.error or self.tr("no reason given")
        if reply.status == "failed":
            text = self.tr("Not sent: {0}").format(reason)
        else:
            text = self.tr("Not known whether it went out: {0}").format(reason)
        label = wrapping(QLabel(frame))
        label.setTextFormat(Qt.TextFormat.PlainText)  # the network's words
        label.setText(breakable(f"{reveal_controls(text)}\n“{one_line(reply.text, 80)}”"))
        label.setAccessibleName(self.tr("Why the reply was not sent"))
        row.addWidget(label, 1)
        retry = QPushButton(
            self.tr("Retry") if reply.status == "failed" else self.tr("Check again"), frame
        )
        retry.setObjectName("retry")
        retry.setAccessibleName(self.tr("Retry the reply"))
        retry.clicked.connect(partial(self.retry_chosen.emit, reply.id))
        row.addWidget(retry)
        if reply.status == "failed":
            edit = QPushButton(self.tr("Edit"), frame)
            edit.setObjectName("edit")
            edit.setAccessibleName(self.tr("Edit the reply"))
            edit.clicked.connect(partial(self.edit_chosen.emit, reply.id))
            row.addWidget(edit)
        self._layout.addWidget(frame)
        self.rows[reply.id] = frame


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
        self.playbook = PlaybookView(self)
        self.details.addTab(why, self.tr("Why here"))
        self.details.addTab(self.playbook, self.tr("Playbook"))
        self.details.addTab(who, self.tr("Author"))
        self.details.addTab(notes, self.tr("Notes and tags"))

        # -- the reply -----------------------------------------------------------------------
        self.reply = QWidget(self)
        self.reply.setAccessibleName(self.tr("Reply area"))
        self.failed_replies = FailedReplies(self.reply)
        self.drafts = DraftStrip(self.reply)
        self.composer = Composer(self.reply)
        self.composer.setAccessibleName(self.tr("Reply"))
        self.composer.setPlaceholderText(
            self.tr(
                "Write a reply  ( r )   Ctrl+Enter sends\n"
                ";shortcode then Space inserts a snippet · Tab goes to the next field"
            )
        )
        self.composer.setMinimumHeight(64)
        self.sends_as = _plain_label(self.reply, self.tr("Sends as"))
        self.sends_as.setStyleSheet("color: palette(placeholder-text);")
        self.sends_as.hide()
        self._sends_as_faded = QGraphicsOpacityEffect(self.sends_as)
        self._sends_as_faded.setOpacity(0.45)
        self._sends_as_faded.setEnabled(False)
        self.sends_as.setGraphicsEffect(self._sends_as_faded)
        self.checks = CheckList(self.reply)
        self.checks.hide()
        self.counter = _plain_label(self.reply, self.tr("Characters"))
        self.send_dm = QPushButton(self.tr("Send as DM"), self.reply)
        self.send_dm.setAccessibleName(self.tr("Send as a direct message"))
        self.send_dm.setToolTip(
            self.tr("Send this reply privately to the author instead of in public")
        )
        self.send_dm.hide()
        self.send = QPushButton(self.tr("Send"), self.reply)
        self.send.setAccessibleName(self.tr("Send reply"))
        self.send.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter, 1)
        bottom.addWidget(self.send_dm)
        bottom.addWidget(self.send)
        reply_layout = QVBoxLayout(self.reply)
        reply_layout.setContentsMargins(0, 4, 0, 0)
        reply_layout.setSpacing(4)
        reply_layout.addWidget(self.failed_replies)
        reply_layout.addWidget(self.drafts)
        reply_layout.addWidget(self.composer, 1)
        reply_layout.addWidget(self.sends_as)
        reply_layout.addWidget(self.checks)
        reply_layout.addLayout(bottom)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.transcript)
        self.split.addWidget(self.details)
        self.split.addWidget(self.reply)
        self.split.setCollapsible(2, False)
        self.split.setSizes(list(PANE_SIZES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.split, 1)

    def set_verdict_stale(self, stale: bool) -> None:
        """The checks and the "Sends as" line fade while they are on text the agent has
        changed since."""
        self.checks.set_stale(stale)
        self._sends_as_faded.setEnabled(stale)

    def verdict_stale(self) -> bool:
        return self.checks.stale() or self._sends_as_faded.isEnabled()


def _when(at: datetime) -> str:
    return time_label(at)


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What the reply area needs for one conversation, read off the GUI thread."""

    conversation_id: int
    values: Mapping[str, str]  # what each token becomes
    templates: tuple[ReplyTemplate, ...]  # the whole library: snippets and templates
    playbooks: tuple[Playbook, ...]  # those that fit, best first
    limit: int  # a reply's length limit as the conversation is (public or private)
    private_limit: int  # as a direct message to the author


def load_reply_context(store: Store, conversation_id: int, agent: str | None) -> ReplyContext:
    where = situation(store, conversation_id, utcnow())
    voice = VoiceBook(store).get(where.account_id)
    latest = next(
        (m.text for m in reversed(where.view.messages) if m.direction == Direction.INBOUND.value),
        "",
    )
    playbooks = PlaybookBook(store).for_situation(
        where.intent or None,
        where.topic or None,
        sentiment=vader_compound(latest) if latest else None,
        upset=bool(latest) and upset_tone(latest),
    )
    return ReplyContext(
        conversation_id=conversation_id,
        values=values_for(where.view, agent=agent, voice=voice),
        templates=tuple(Library(store).all()),
        playbooks=tuple(playbooks),
        limit=voice.limit(where.network, where.public),
        private_limit=voice.limit(where.network, False),
    )


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
        slow_runner: Callable[..., None] | None = None,
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.desk = desk
        self.agent = agent
        # AI drafts join the suggestions when set (the window hands its key store over).
        self.secrets: SecretStore | None = None
        self._runner = runner
        # The AI provider's calls, which wait on a server: off the shared pool.
        self._slow_runner = slow_runner or (run_slow_task if runner is run_task else runner)
        self._generation = 0
        self.current: ConversationView | None = None
        self._requested: int | None = None  # the conversation asked for last
        self._sending = False
        # The reply area's aids for the open conversation, and the latest request for
        # each: a result for an older request, or another conversation, is dropped.
        self._context: ReplyContext | None = None
        self._context_key: tuple[int, int] | None = None  # conversation, latest message
        self._drafts: list[Suggestion] = []
        self._drafts_for: int | None = None
        self._checked: tuple[str, Prepared] | None = None  # the text the verdict is on
        self._asked = {"context": 0, "drafts": 0, "checks": 0}
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        pane.send.clicked.connect(self._on_send_clicked)
        pane.send_dm.clicked.connect(self._on_send_dm_clicked)
        # Handle time: how long the agent has each conversation open (the reports').
        self.handling = HandlingClock(self._record_handling, self, clock=clock, active=active)
        pane.composer.textChanged.connect(self._typed)
        send = QShortcut(QKeySequence("Ctrl+Return"), pane.composer)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.activated.connect(self.send)
        # Ctrl, not Alt: Alt+1 to Alt+9 switch views everywhere in the window.
        for number in range(1, MAX_DRAFTS + 1):
            choose = QShortcut(QKeySequence(f"Ctrl+{number}"), pane.reply)
            choose.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            choose.activated.connect(partial(self.use_draft, number - 1))
        pane.drafts.chosen.connect(self.use_draft)
        pane.playbook.template_chosen.connect(self.insert_template)
        pane.failed_replies.retry_chosen.connect(self.retry)
        pane.failed_replies.edit_chosen.connect(self.edit_failed)
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
            self.pane.failed_replies.show_replies(())
            self._reset_reply()
            self._context_key = None
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
        self._count()
        self.pane.set_verdict_stale(True)
        self._check_timer.start()

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
        """Records the open conversation's handle time and starts nothing more (the
        window is closing): a check due after a pause in typing would read a store
        that is about to close."""
        self.handling.stop()
        self._check_timer.stop()
        for kind in self._asked:
            self._asked[kind] += 1

    def reload(self) -> None:
        """The conversation asked for last, which may still be loading: never the one
        shown before it."""
        if self._requested is not None:
            self.show(self._requested)

    def library_changed(self) -> None:
        """The library, a brand voice or the playbooks changed (a settings dialog saved):
        read them again, and the open conversation's suggestions and checks with them."""
        view = self.current
        if view is None:
            return
        self._load_context(view.id)
        self._load_drafts(view.id)
        self.check_now()

    def _on_loaded(self, generation: int, view: ConversationView) -> None:
        if generation != self._generation:
            return
        keep_draft = self.current is not None and self.current.id == view.id
        self.current = view
        self._render(view)
        if not keep_draft:
            self._reset_reply()
            self.pane.composer.clear()
        # A new customer message can change what fits: its intent, topic, references.
        key = (view.id, view.messages[-1].id if view.messages else 0)
        if key != self._context_key:
            self._context_key = key
            self._load_context(view.id)
            self._load_drafts(view.id)
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
        pane.failed_replies.show_replies(view.outbox)
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
        problem = QTextCharFormat()
        problem.setForeground(QColor(BLOCK_COLOUR))
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
            line = f"{who} · {author} · {_when(message.created_at)}"
            if view.public and message.kind == MessageKind.DIRECT_MESSAGE.value:
                line += " · " + self.tr("direct message")  # not seen in public
            cursor.insertText(line, heading)
            continuation = QTextBlockFormat(block)
            continuation.setTopMargin(2)
            cursor.insertBlock(continuation)
            cursor.insertText(reveal_controls(message.text), body)
            if message.url:
                cursor.insertBlock(continuation)
                cursor.insertText(self.tr("Link: {0}").format(one_line(message.url, 300)), body)
        for reply in view.outbox:
            if reply.status == "sent":
                continue  # in the thread above already, as the network took it
            block = QTextBlockFormat()
            block.setLeftMargin(60)
            block.setTopMargin(10)
            block.setBackground(QColor(249, 168, 37, 50))
            cursor.insertBlock(block)
            title = (
                self.tr("Direct message {0} · {1}")
                if reply.channel == "dm"
                else self.tr("Reply {0} · {1}")
            )
            cursor.insertText(
                title.format(outbox_label(reply.status), _when(reply.created_at)), heading
            )
            cursor.insertBlock(block)
            cursor.insertText(reveal_controls(reply.text), body)
            reason = self._reason(reply)
            if reason:
                cursor.insertBlock(block)
                cursor.insertText(reveal_controls(reason), problem)
        thread.moveCursor(thread.textCursor().MoveOperation.End)
        thread.ensureCursorVisible()
        bar = thread.verticalScrollBar()
        bar.setValue(bar.maximum())  # the whole last block, not just the cursor's line

    def _reason(self, reply: QueuedReply) -> str:
        if not reply.error or reply.status == "sent":
            return ""
        if reply.status == "failed":
            return self.tr("Not sent: {0}").format(reply.error)
        if reply.status == "unknown":
            return self.tr("Not known whether it went out: {0}").format(reply.error)
        return self.tr("Waiting: {0}").format(reply.error)

    # -- what the reply area knows -----------------------------------------------------------

    def _reset_reply(self) -> None:
        """Another conversation: nothing of the last one's aids stays, and what is still
        on its way for it is dropped when it arrives."""
        for kind in self._asked:
            self._asked[kind] += 1
        self._check_timer.stop()
        self._context = None
        self._drafts = []
        self._drafts_for = None
        self._checked = None
        self.pane.composer.set_values({})
        self.pane.drafts.clear()
        self.pane.playbook.clear()
        self.pane.set_verdict_stale(False)
        self.pane.checks.show_checks(None)
        self.pane.sends_as.hide()

    def _on_this(self, conversation_id: int) -> bool:
        """Whether the agent is still on this conversation."""
        view = self.current
        return view is not None and view.id == conversation_id == self._requested

    def _load_context(self, conversation_id: int) -> None:
        self._asked["context"] += 1
        asked = self._asked["context"]
        store, agent = self.desk.store, self.agent
        self._runner(
            lambda: load_reply_context(store, conversation_id, agent),
            lambda context: self._on_context(asked, context),
            lambda error: self._on_context_failed(asked, error),
            self,
        )

    def _on_context(self, asked: int, context: ReplyContext) -> None:
        if asked != self._asked["context"] or not self._on_this(context.conversation_id):
            return
        self._context = context
        composer = self.pane.composer
        composer.set_library(context.templates)
        composer.set_values(context.values)
        self.pane.playbook.set_playbooks(
            context.playbooks, {template.key for template in context.templates}
        )
        self._count()
        if composer.toPlainText().strip():
            self.check_now()  # the values the preview and the fields depend on are in

    def _on_context_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked["context"]:
            return
        log.warning("the reply aids did not load: %s", error)
        self.pane.playbook.clear(self.tr("The playbooks could not be read: {0}").format(error))

    def _load_drafts(self, conversation_id: int) -> None:
        """The library's suggestions first (milliseconds); then, when the window has
        handed its key store over, again with the AI provider's, which may take as long
        as the provider does."""
        self._asked["drafts"] += 1
        asked = self._asked["drafts"]
        store, agent, secrets = self.desk.store, self.agent, self.secrets
        self.pane.drafts.clear(self.tr("Finding suggestions…"))

        def library_first() -> tuple[Drafts, bool]:
            found = suggestions(store, None, conversation_id, agent=agent, limit=MAX_DRAFTS)
            return found, secrets is not None and ai_wanted(store)

        def then_ai(result: tuple[Drafts, bool]) -> None:
            found, ai_on = result
            self._on_drafts(asked, conversation_id, found)
            if not ai_on or asked != self._asked["drafts"]:
                return
            self._slow_runner(
                lambda: suggestions(store, secrets, conversation_id, agent=agent, limit=MAX_DRAFTS),
                lambda found: self._on_drafts(asked, conversation_id, found),
                lambda error: self._on_ai_failed(asked, conversation_id, error),
                self,
            )

        self._runner(
            library_first,
            then_ai,
            lambda error: self._on_drafts_failed(asked, error),
            self,
        )

    def _on_drafts(self, asked: int, conversation_id: int, found: Drafts) -> None:
        if asked != self._asked["drafts"] or not self._on_this(conversation_id):
            return
        self._drafts = list(found.suggestions)
        self._drafts_for = conversation_id
        self.pane.drafts.set_drafts([(d.text, d.template) for d in self._drafts], found.note)

    def _on_ai_failed(self, asked: int, conversation_id: int, error: BaseException) -> None:
        """The AI pass went wrong: the library's suggestions stay, with the reason."""
        if asked != self._asked["drafts"] or not self._on_this(conversation_id):
            return
        log.warning("no AI drafts: %s", error)
        self.pane.drafts.set_drafts(
            [(d.text, d.template) for d in self._drafts],
            self.tr("No AI draft: {0}").format(error_line(error)),
        )

    def _on_drafts_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked["drafts"]:
            return
        log.warning("no suggestions: %s", error)
        self.pane.drafts.set_drafts((), self.tr("Suggestions could not be made: {0}").format(error))

    def drafts(self) -> list[Suggestion]:
        """The suggestions shown for the open conversation."""
        return list(self._drafts) if self.current and self._drafts_for == self.current.id else []

    def use_draft(self, index: int) -> None:
        """Suggestion ``index`` (from 0) becomes the reply; Ctrl+Z brings back what was
        there."""
        view = self.current
        if view is None or self._drafts_for != view.id or not self._on_this(view.id):
            return
        if 0 <= index < len(self._drafts):
            self.pane.composer.replace_all(self._drafts[index].text)

    def insert_template(self, name: str) -> None:
        """A library template (a playbook recommends it) at the cursor, its tokens
        filled."""
        context = self._context
        if context is None or not self._on_this(context.conversation_id):
            return
        template = next((t for t in context.templates if t.key == name_key(name)), None)
        if template is None:
            self.failed.emit(self.tr("The library has no template called {0}").format(name))
            return
        self.pane.composer.insert_piece(render(template.text, context.values).text)

    # -- the checks ----------------------------------------------------------------------------

    def check_now(self) -> None:
        """The checks on the reply as it stands (the timer runs them once typing pauses)."""
        self._check_timer.stop()
        self._asked["checks"] += 1
        asked = self._asked["checks"]
        view = self.current
        text = self.pane.composer.toPlainText()
        if view is None or not text.strip():
            self._checked = None
            self.pane.set_verdict_stale(False)
            self.pane.checks.show_checks(None)
            self.pane.sends_as.hide()
            self._count()
            return
        store, agent, conversation_id = self.desk.store, self.agent, view.id
        self._runner(
            lambda: prepare(store, conversation_id, text, agent=agent),
            lambda prepared: self._on_checked(asked, conversation_id, text, prepared),
            lambda error: log.warning("the checks did not run: %s", error),
            self,
        )

    def _on_checked(self, asked: int, conversation_id: int, text: str, prepared: Prepared) -> None:
        if asked != self._asked["checks"] or not self._on_this(conversation_id):
            return
        if self.pane.composer.toPlainText() != text:  # typed on since: its own check follows
            return
        self._checked = (text, prepared)
        self.pane.set_verdict_stale(False)
        self.pane.checks.show_checks(prepared.checks)
        if prepared.text != text:
            self.pane.sends_as.setText(
                self.tr("Sends as: {0}").format(
                    breakable(one_line(prepared.text, PREVIEW_CHARACTERS))  # controls shown
                )
            )
            self.pane.sends_as.show()
        else:
            self.pane.sends_as.hide()
        self._count()

    def verdict(self) -> Prepared | None:
        """The checks' verdict on the reply exactly as it stands, if there is one yet."""
        checked = self._checked
        text = self.pane.composer.toPlainText()
        return checked[1] if checked is not None and checked[0] == text else None

    # -- the reply -------------------------------------------------------------------------

    def _limit(self, view: ConversationView, public: bool) -> int:
        context = self._context
        if context is not None and context.conversation_id == view.id:
            return context.limit if public == view.public else context.private_limit
        return reply_limit(view.network, public)

    def _blocked(self, text: str, channel: str) -> bool:
        """What stops a reply, known without the database: it is empty, a field is left
        to fill, or it is too long as the network counts it. The checks say the same,
        a moment later; the send runs them again before queueing."""
        view = self.current
        if view is None or not text.strip():
            return True
        context = (
            self._context if self._context and self._context.conversation_id == view.id else None
        )
        rendered = render(text, context.values if context else {})
        # Until the values are in, a token may yet be filled: only [[fields]] count.
        left = rendered.stops if context else [s for s in rendered.stops if s.kind == "stop"]
        if left:
            return True
        public = view.public and channel == "reply"
        return reply_length(view.network, rendered.text, public) > self._limit(view, public)

    def _count(self) -> None:
        pane = self.pane
        view = self.current
        text = pane.composer.toPlainText()
        if view is None:
            pane.counter.setText("")
            pane.counter.setStyleSheet("")
            pane.send.setEnabled(False)
            pane.send_dm.hide()
            return
        values = self._context.values if self._context else {}
        length = reply_length(view.network, render(text, values).text, view.public)
        limit = self._limit(view, view.public)
        pane.counter.setText(
            self.tr("{0} / {1} characters").format(number_label(length), number_label(limit))
        )
        pane.counter.setStyleSheet(f"color: {BLOCK_COLOUR};" if length > limit else "")
        verdict = self.verdict()
        pane.send.setEnabled(
            not self._sending
            and not self._blocked(text, "reply")
            and not (verdict is not None and verdict.blocked)
        )
        shown = self._checked[1] if self._checked is not None else None
        offer = (
            view.public
            and shown is not None
            and any(check.offer == SEND_AS_DM for check in shown.checks)
        )
        pane.send_dm.setVisible(offer)
        pane.send_dm.setEnabled(offer and not self._sending and not self._blocked(text, "dm"))

    def _on_send_clicked(self) -> None:
        self.send()

    def _on_send_dm_clicked(self) -> None:
        self.send("dm")

    def send(self, channel: str = "reply") -> None:
        """Queues the reply, its tokens filled, once the checks pass; ``channel`` "dm"
        sends it to the author of a public conversation as a direct message."""
        view = self.current
        text = self.pane.composer.toPlainText()
        if view is None or not text.strip():
            return
        if self._sending or view.id != self._requested:  # once; and never to a stale pane
            return
        if self._blocked(text, channel):
            self.check_now()  # says why
            return
        self._sending = True
        self._count()
        self.sending.emit()
        conversation_id, agent, store = view.id, self.agent, self.desk.store
        public = None if channel == "reply" else False

        def queue() -> int | Prepared:
            prepared = prepare(store, conversation_id, text, agent=agent, public=public)
            if prepared.blocked:
                return prepared
            return self.desk.queue_reply(
                conversation_id, prepared.text, actor=agent, channel=channel
            )

        self._runner(
            queue,
            lambda result: self._on_send_result(conversation_id, result),
            lambda error: self._on_send_failed(str(error)),
            self,
        )

    def _on_send_result(self, conversation_id: int, result: int | Prepared) -> None:
        if isinstance(result, Prepared):
            blocks = "; ".join(c.message for c in result.checks if c.level == "block")
            self._on_send_failed(blocks)
            return
        self._on_queued(conversation_id, result)

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

    # -- replies that did not go out ---------------------------------------------------------

    def retry(self, outbox_id: int) -> None:
        store = self.desk.store
        self._runner(
            lambda: Outbox(store).retry(outbox_id),
            lambda _none: self._on_retried(outbox_id),
            lambda error: self.failed.emit(self.tr("The reply was not retried: {0}").format(error)),
            self,
        )

    def _on_retried(self, outbox_id: int) -> None:
        self.reload()
        self.queued.emit(outbox_id)  # the outbox worker wakes for it

    def edit_failed(self, outbox_id: int) -> None:
        """The reply comes out of the outbox and back into the composer."""
        view = self.current
        if view is None:
            return
        store, conversation_id = self.desk.store, view.id
        self._runner(
            lambda: Outbox(store).withdraw(outbox_id),
            lambda text: self._on_withdrawn(conversation_id, outbox_id, text),
            lambda error: self.failed.emit(
                self.tr("The reply could not be taken back: {0}").format(error)
            ),
            self,
        )

    def _on_withdrawn(self, conversation_id: int, outbox_id: int, text: str) -> None:
        if self._on_this(conversation_id):
            self.pane.composer.replace_all(text)
        else:  # the agent moved on meanwhile: the text must not vanish with the item
            self.failed.emit(
                self.tr("Reply {0} was taken out of the outbox to edit; its text: {1}").format(
                    outbox_id, text
                )
            )
        self.reload()
