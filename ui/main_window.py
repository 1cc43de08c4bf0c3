"""The main window: it assembles the panes and their controllers, and binds the keys.

Layout: notices on top; the navigation, the inbox and the conversation side by
side; the status bar below with each account's sync state. Each pane has its own
controller (``ui.nav``, ``ui.inbox_pane``, ``ui.conversation_pane``); this class
only wires them and turns keys into actions. Window layout, column widths, the
last view and the notification switch persist in the workspace's ``ui.ini``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from socialdesk.accounts import AccountBook, ConnectedAccount
from socialdesk.desk import Desk
from socialdesk.domain import Network
from socialdesk.inbox import Inbox, ViewCounts
from socialdesk.learning import Lesson
from socialdesk.outbox import OutboxRun
from socialdesk.policies import PolicyBook
from socialdesk.secrets import SecretStore
from socialdesk.sources import Connector
from socialdesk.store import Store
from socialdesk.syncing import SyncReport
from ui.accounts import AccountsDialog
from ui.actions import ActionRegistry, ActionSpec, CommandPalette, ShortcutsDialog
from ui.ai_dialog import open_ai
from ui.composer import composer_keys
from ui.conversation_pane import ConversationController, ConversationPane
from ui.dialogs import NoteDialog
from ui.icons import app_icon
from ui.importer import ImportRunner
from ui.inbox_model import InboxTableModel
from ui.inbox_pane import InboxController, InboxPane
from ui.labelling import ComplaintMarker
from ui.labels import number_label, status_label
from ui.library_dialog import open_library
from ui.nav import NavController, NavPane, Place, view_titles
from ui.notices import NoticeBar
from ui.notify import TrayNotifier
from ui.outbox import OutboxRunner
from ui.service_levels import ServiceLevelsDialog
from ui.sync import ConnectorSync, Job, JobState, SyncController, named
from ui.tasks import run_task, wait_for_background
from ui.voice_dialog import open_voice

if TYPE_CHECKING:  # QtCharts loads when the wallboard first opens, not with the window
    from ui.wallboard import WallboardWindow

TICK_MS = 30_000  # waiting times and countdowns move on
FOLLOW_UP_MS = 40  # after the list's repaint: the counts and the open conversation


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        workspace_label: str,
        *,
        agent: str | None,
        settings: QSettings,
        data_dir: Any = None,
        runner: Callable[..., None] = run_task,
        sync_jobs: list[Job] | None = None,
        sync_interval_ms: int = 5_000,
        secrets: SecretStore | None = None,
        connector_factory: Callable[[ConnectedAccount], Connector] | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("SocialDesk — {0}").format(workspace_label))
        self.setWindowIcon(app_icon())
        self.store = store
        self.agent = agent
        self.settings = settings
        self.runner = runner
        self.inbox = Inbox(store)
        self.desk = Desk(store)
        self.translator: QObject | None = None  # the language in use, kept alive here

        # -- panes ---------------------------------------------------------------------------
        self.notices = NoticeBar(self)
        self.nav_pane = NavPane(self)
        self.inbox_pane = InboxPane(self)
        self.conversation_pane = ConversationPane(self)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.nav_pane)
        self.split.addWidget(self.inbox_pane)
        self.split.addWidget(self.conversation_pane)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 2)
        self.split.setSizes([215, 920, 380])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.notices)
        layout.addWidget(self.split, 1)
        self.setCentralWidget(central)

        # -- controllers ---------------------------------------------------------------------
        self.model = InboxTableModel(self.inbox, runner=runner)
        self.nav = NavController(self.nav_pane, self.inbox, agent, runner)
        self.queue = InboxController(self.inbox_pane, self.model, agent)
        self.conversation = ConversationController(self.conversation_pane, self.desk, agent, runner)
        db_url = store.engine.url.render_as_string(hide_password=False)
        self.marker = ComplaintMarker(data_dir, db_url)
        self.notifier = TrayNotifier(self, enabled=self._setting_bool("notifications", True))
        self._counts: ViewCounts | None = None
        self.wallboard: WallboardWindow | None = None  # its own window, opened on demand
        self.nav.chosen.connect(self.on_place_chosen)
        self.nav.counted.connect(self.on_counted)
        self.queue.selected.connect(self.on_row_selected)
        self.queue.reloaded.connect(self._summarise)
        self._follow_up = False  # counts and conversation wait for the list's repaint
        self.model.reloaded.connect(self._after_reload)
        self.model.failed.connect(lambda _text: self._after_reload())
        self.model.failed.connect(lambda text: self.notice(text, key="inbox"))
        self.conversation.failed.connect(lambda text: self.notice(text, key="conversation"))
        self.conversation.queued.connect(self.on_reply_queued)
        self.conversation.sending.connect(self.focus_inbox)  # sent: back to the list
        self.marker.learned.connect(self.on_lesson_learned)
        self.marker.failed.connect(lambda text: self.notice(text, key="label"))
        self.importer = ImportRunner(data_dir, db_url, self)
        self.importer.started.connect(self.on_import_started)
        self.importer.finished.connect(self.on_import_finished)

        # -- status bar and sync ---------------------------------------------------------------
        self._states: dict[str, QLabel] = {}
        self.statusBar().setAccessibleName(self.tr("Status"))
        self._import_state = QLabel(self)
        self._import_state.setTextFormat(Qt.TextFormat.PlainText)  # a file name
        self._import_state.setAccessibleName(self.tr("Import progress"))
        self.statusBar().addPermanentWidget(self._import_state)
        self._import_state.hide()
        jobs = list(sync_jobs) if sync_jobs is not None else [self._accounts_job()]
        self.sync = SyncController(store, jobs, sync_interval_ms)
        self.sync.worker.changed.connect(self.on_store_changed)
        self.sync.worker.state.connect(self.on_job_state)
        # Bound methods, not lambdas: the worker lives on the sync thread, and only a slot
        # of an object on the GUI thread is called there.
        self.sync.worker.failed.connect(self.on_sync_failed)
        self.sync.worker.recovered.connect(self.on_sync_recovered)
        self.sync.worker.alerted.connect(self.notifier.announce)
        # Connected X and Reddit accounts: polled on their own threads, reported here.
        self.secrets = secrets or SecretStore()
        self.conversation.secrets = self.secrets  # AI drafts in the composer need the key
        self._connector_factory = connector_factory
        self.connectors = ConnectorSync(store, data_dir, self.secrets, connector_factory)
        self.connectors.reported.connect(self.on_account_synced)
        # Replies go out on the outbox's own thread; queueing one wakes it.
        factories = None
        if connector_factory is not None:
            made = connector_factory
            factories = {n.value: (lambda account, _secrets: made(account)) for n in Network}
        self.outbox = OutboxRunner(store, self.secrets, data_dir, connectors=factories)
        self.outbox.ran.connect(self.on_outbox_ran)
        self.conversation.queued.connect(lambda _id: self.outbox.wake())
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.model.tick)
        # Policies changed elsewhere (the CLI, a colleague) count from the next page read.
        self._ticker.timeout.connect(self.inbox.reload_levels)
        self._ticker.start()

        self.registry = ActionRegistry(self)
        self._bind_actions()
        self._restore()

    # -- start and stop ------------------------------------------------------------------------

    def start(self) -> None:
        """Load the first view and start watching the store (after ``show``)."""
        # Everything built so far lives as long as the window: keep the cycle collector
        # from walking it again and again, which would pause the event loop for tens of
        # milliseconds at a time (gc.freeze is made for this).
        gc.collect()
        gc.freeze()
        # Background reads hand the interpreter back to the GUI thread every millisecond,
        # not every five: the window answers sooner, the reads barely slow.
        sys.setswitchinterval(0.001)
        self.nav.refresh()
        self.sync.start()
        self.connectors.start()
        self.outbox.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        self.importer.stop()
        self.marker.wait()
        self.sync.stop()
        self.connectors.stop()
        self.outbox.stop()
        self._ticker.stop()
        if self.wallboard is not None:
            self.wallboard.close()  # a window of its own: it would keep the app running
        self.conversation.close()  # the open conversation's handle time, recorded
        # Work still running holds database connections: let it finish before the store
        # closes behind the window.
        wait_for_background()
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------------

    def _bind_actions(self) -> None:
        add = self.registry.add
        # Arrow keys move in whatever list has the focus; j and k always move in the inbox.
        add(ActionSpec("next", self.tr("Next conversation (or Down)"), ("J",), self.next_row))
        add(
            ActionSpec(
                "previous", self.tr("Previous conversation (or Up)"), ("K",), self.previous_row
            )
        )
        add(
            ActionSpec(
                "open", self.tr("Open the conversation"), ("Return", "Enter"), self.open_thread
            )
        )
        add(ActionSpec("reply", self.tr("Reply"), ("R",), self.reply))
        add(ActionSpec("resolve", self.tr("Resolve"), ("E",), lambda: self.set_status("resolved")))
        add(
            ActionSpec(
                "pending", self.tr("Set pending"), ("P",), lambda: self.set_status("pending")
            )
        )
        add(ActionSpec("reopen", self.tr("Reopen"), ("Shift+O",), lambda: self.set_status("open")))
        add(
            ActionSpec(
                "spam", self.tr("Mark as spam"), ("Shift+S",), lambda: self.set_status("spam")
            )
        )
        add(ActionSpec("assign", self.tr("Assign to me"), ("A",), self.assign_to_me))
        add(ActionSpec("unassign", self.tr("Unassign"), ("Shift+A",), self.unassign))
        add(ActionSpec("tag", self.tr("Tag (a leading - removes)"), ("T",), self.tag))
        add(ActionSpec("note", self.tr("Add a note"), ("N",), self.note))
        add(ActionSpec("mark", self.tr("Mark complaint / not a complaint"), ("M",), self.mark))
        add(
            ActionSpec(
                "link", self.tr("Open the message's link in the browser"), ("O",), self.open_link
            )
        )
        add(ActionSpec("search", self.tr("Search"), ("/",), self.focus_search))
        add(
            ActionSpec(
                "back",
                self.tr("Back to the list; in the list, clear the search"),
                ("Escape",),
                self.back,
            )
        )
        add(ActionSpec("refresh", self.tr("Refresh"), ("F5",), self.refresh))
        add(ActionSpec("palette", self.tr("Command palette"), ("Ctrl+K",), self.show_palette))
        add(ActionSpec("shortcuts", self.tr("Keyboard shortcuts"), ("?",), self.show_shortcuts))
        titles = view_titles()
        keys = ("Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5", "Alt+6", "Alt+7", "Alt+8", "Alt+9")
        for number, view in enumerate(titles):
            shortcut = (keys[number],) if number < len(keys) else ("Alt+0",)
            add(
                ActionSpec(
                    f"view:{view}",
                    self.tr("Show: {0}").format(titles[view]),
                    shortcut,
                    self._go_to(Place(view=view)),
                )
            )
        notify = add(
            ActionSpec(
                "notifications",
                self.tr("Desktop notifications on or off"),
                (),
                self.toggle_notifications,
            )
        )
        add(
            ActionSpec(
                "import", self.tr("Import conversations from a file…"), ("Ctrl+I",), self.import_
            )
        )
        add(ActionSpec("accounts", self.tr("Accounts…"), (), self.show_accounts))
        add(ActionSpec("service_levels", self.tr("Service levels…"), (), self.show_service_levels))
        add(ActionSpec("voice", self.tr("Brand voice…"), (), self.show_voice))
        add(ActionSpec("library", self.tr("Snippets and templates…"), (), self.show_library))
        add(ActionSpec("ai_drafts", self.tr("AI drafts…"), (), self.show_ai))
        add(
            ActionSpec(
                "wallboard",
                self.tr("Wallboard: response times today"),
                ("Ctrl+Shift+W",),
                self.show_wallboard,
            )
        )
        add(ActionSpec("quit", self.tr("Quit"), ("Ctrl+Q",), self.quit_))
        notify.setCheckable(True)
        notify.setChecked(self.notifier.enabled)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.registry.actions["import"])
        menu.addAction(self.registry.actions["quit"])
        menu = self.menuBar().addMenu(self.tr("&Go"))
        for name in ("next", "previous", "open", "search", "palette", "shortcuts", "refresh"):
            menu.addAction(self.registry.actions[name])
        menu.addSeparator()
        menu.addAction(self.registry.actions["wallboard"])
        menu = self.menuBar().addMenu(self.tr("&Conversation"))
        for name in ("reply", "resolve", "pending", "reopen", "spam", "assign", "unassign"):
            menu.addAction(self.registry.actions[name])
        for name in ("tag", "note", "mark", "link"):
            menu.addAction(self.registry.actions[name])
        menu = self.menuBar().addMenu(self.tr("&Settings"))
        menu.addAction(self.registry.actions["accounts"])
        menu.addAction(self.registry.actions["service_levels"])
        menu.addSeparator()
        for name in ("voice", "library", "ai_drafts"):
            menu.addAction(self.registry.actions[name])
        menu.addSeparator()
        menu.addAction(notify)

    def _typing(self) -> bool:
        """Keys belong to the text field the agent is typing in."""
        focus = QApplication.focusWidget()
        return isinstance(focus, QLineEdit | QPlainTextEdit) or (
            isinstance(focus, QTextEdit) and not focus.isReadOnly()
        )

    def next_row(self) -> None:
        self.queue.move(1)
        self.focus_inbox()

    def previous_row(self) -> None:
        self.queue.move(-1)
        self.focus_inbox()

    def _go_to(self, place: Place) -> Callable[[], None]:
        return lambda: self.nav.select(place)

    def open_thread(self) -> None:
        if self.inbox_pane.search.hasFocus():
            self.focus_inbox()
            return
        if self.nav_pane.hasFocus():
            self.focus_inbox()
            return
        self.conversation_pane.transcript.setFocus()

    def reply(self) -> None:
        if self.conversation.current is not None:
            self.conversation_pane.composer.setFocus()

    def focus_search(self) -> None:
        self.inbox_pane.search.setFocus()
        self.inbox_pane.search.selectAll()

    def back(self) -> None:
        search = self.inbox_pane.search
        if self.inbox_pane.table.hasFocus() and search.text():
            search.clear()
            self.queue.apply()  # at once, not after the typing pause
        self.focus_inbox()

    def focus_inbox(self) -> None:
        if QApplication.activeModalWidget() is None and QApplication.activeWindow() is None:
            self.activateWindow()  # after a dialog, without a window manager's help
        self.inbox_pane.table.setFocus()

    def _settle_focus(self) -> None:
        """After background work: back to the list, unless the agent has moved on to
        typing somewhere or to a dialog; their keys stay theirs."""
        if not self.isActiveWindow():  # the agent is in another program: leave it be
            return
        if QApplication.activeModalWidget() is not None or self._typing():
            return
        self.focus_inbox()

    def refresh(self) -> None:
        self.queue.reload()
        self.nav.refresh()
        self.conversation.reload()
        self.connectors.wake()  # and ask the networks what is new

    def _selected(self) -> Any:
        return self.queue.current_row()

    def set_status(self, status: str) -> None:
        row = self._selected()
        if row is None:
            return
        cid, agent = row.conversation_id, self.agent
        # If it leaves the view (resolved from Needs reply), the next one takes its row.
        self._act(
            lambda: self.desk.set_status(cid, status, actor=agent),
            self.tr("Conversation {0}: {1}").format(cid, status_label(status)),
        )

    def assign_to_me(self) -> None:
        row = self._selected()
        if row is None or not self.agent:
            return
        cid, agent = row.conversation_id, self.agent
        self._act(
            lambda: self.desk.assign(cid, agent, actor=agent),
            self.tr("Conversation {0} is yours").format(cid),
        )

    def unassign(self) -> None:
        row = self._selected()
        if row is None:
            return
        cid, agent = row.conversation_id, self.agent
        self._act(
            lambda: self.desk.assign(cid, None, actor=agent),
            self.tr("Conversation {0} is unassigned").format(cid),
        )

    def tag(self) -> None:
        row = self._selected()
        if row is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Tag"), self.tr("Tag (start with - to remove):")
        )
        self.focus_inbox()
        if not ok or not name.strip():
            return
        cid, agent = row.conversation_id, self.agent
        self._act(
            lambda: self.desk.tag(cid, name, actor=agent),
            self.tr("Tags updated on conversation {0}").format(cid),
        )

    def note(self) -> None:
        row = self._selected()
        if row is None:
            return
        text = NoteDialog.ask(self)
        self.focus_inbox()
        if text is None or not text.strip():
            return
        cid, agent = row.conversation_id, self.agent
        self._act(
            lambda: self.desk.note(cid, text, actor=agent),
            self.tr("Note added to conversation {0}").format(cid),
        )

    def _act(self, work: Callable[[], Any], done: str) -> None:
        """Run an action off the GUI thread; then the view reloads, staying on the same
        conversation, or on the row it held if it left the view."""

        def finished(_result: Any) -> None:
            self.statusBar().showMessage(done, 5000)
            self.queue.reload()
            self.conversation.reload()
            self.nav.refresh()
            self._settle_focus()

        self.runner(work, finished, self._on_action_failed, self)

    def _on_action_failed(self, error: BaseException) -> None:
        self.notice(str(error), key="action")

    def mark(self) -> None:
        row = self._selected()
        if row is None:
            return
        if not self.marker.mark(row.id, not row.complaint):
            self.statusBar().showMessage(self.tr("Still recording the previous label"), 3000)
            return
        verdict = self.tr("not a complaint") if row.complaint else self.tr("a complaint")
        self.statusBar().showMessage(
            self.tr("Marking message {0} as {1}…").format(row.id, verdict), 3000
        )

    def open_link(self) -> None:
        view = self.conversation.current
        if view is None:
            return
        url = next((m.url for m in reversed(view.messages) if m.url), "")
        if not url.startswith(("https://", "http://")):
            self.statusBar().showMessage(self.tr("This conversation has no web link"), 3000)
            return
        if not QDesktopServices.openUrl(QUrl(url)):
            self.notice(
                self.tr(
                    "No web browser could open {0}. Set a default browser in your desktop's "
                    "settings, or copy the link from the conversation."
                ).format(url),
                key="link",
            )

    def quit_(self) -> None:
        self.close()

    def import_(self) -> None:
        if self.importer.running():
            self.statusBar().showMessage(self.tr("An import is already running"), 3000)
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import conversations"),
            "",
            self.tr("Conversations (*.jsonl *.json *.csv);;All files (*)"),
        )
        self.focus_inbox()
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Import in the background; the inbox fills in as rows land."""
        return self.importer.start(path)

    def show_palette(self) -> None:
        palette = CommandPalette(self.registry, self)
        palette.exec()
        if QApplication.focusWidget() is None:
            self.focus_inbox()

    def show_shortcuts(self) -> None:
        if self._typing():
            return
        ShortcutsDialog(self.registry, self, composer_keys()).exec()
        self.focus_inbox()

    def toggle_notifications(self) -> None:
        self.notifier.enabled = self.registry.actions["notifications"].isChecked()
        self.settings.setValue("notifications", self.notifier.enabled)

    # -- reactions -------------------------------------------------------------------------------

    def on_place_chosen(self, place: Place) -> None:
        self.queue.show_place(place)
        self.settings.setValue("place", place.key())
        self._summarise()

    def on_row_selected(self, row: Any) -> None:
        self.conversation.show(row.conversation_id if row is not None else None)

    def on_counted(self, counts: ViewCounts) -> None:
        self._counts = counts
        self._summarise()

    def on_store_changed(self) -> None:
        """New messages: the same view, the same conversation, the same scroll. The list
        first; the counts and the open conversation once its rows are painted, so their
        reads do not compete with that repaint for the processor."""
        self._follow_up = True
        self.queue.reload()

    def _after_reload(self) -> None:
        if self._follow_up:
            self._follow_up = False
            QTimer.singleShot(FOLLOW_UP_MS, self._refresh_the_rest)

    def _refresh_the_rest(self) -> None:
        self.nav.refresh()
        self.conversation.reload()

    def on_reply_queued(self, outbox_id: int) -> None:
        self.statusBar().showMessage(self.tr("Reply queued in the outbox ({0})").format(outbox_id))

    def on_lesson_learned(self, lesson: Lesson) -> None:
        verdict = self.tr("a complaint") if lesson.complaint else self.tr("not a complaint")
        self.statusBar().showMessage(
            self.tr("Message {0} marked {1}; {2}; {3} open items rescored").format(
                lesson.message_id, verdict, lesson.describe_model(), lesson.rescored
            )
        )
        self.queue.reload()
        self.nav.refresh()

    def on_job_state(self, state: JobState) -> None:
        label = self._states.get(state.account)
        if label is None:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAccessibleName(self.tr("Sync state"))
            self.statusBar().addPermanentWidget(label)
            self._states[state.account] = label
        label.setText(f"{state.account}: {state.detail}")
        label.setStyleSheet("color: #c62828;" if state.state == "error" else "")
        if state.state != "error":
            self.notices.dismiss(f"sync:{state.account}")

    def show_accounts(self) -> None:
        dialog = AccountsDialog(
            AccountBook(self.store),
            self.secrets,
            self,
            runner=self.runner,
            factory=self._connector_factory,
        )
        dialog.changed.connect(self.connectors.wake)
        self.accounts_dialog = dialog  # tests and the palette reach it here
        dialog.open()

    def show_wallboard(self) -> None:
        """One wallboard: opened the first time, brought to the front after."""
        board = self.wallboard
        if board is None:
            from ui.wallboard import WallboardWindow

            board = self.wallboard = WallboardWindow(self.store, runner=self.runner)
            board.open_conversation.connect(self.open_conversation)
        board.show()
        board.raise_()
        board.activateWindow()

    def open_conversation(self, conversation_id: int) -> None:
        """A conversation picked on the wallboard: selected in the list when the list
        holds it, so every action applies to it; else shown on the right with nothing
        selected in the list, so no action can hit another conversation."""
        row = self.model.row_of_conversation(conversation_id)
        if row is not None:
            self.queue.select_row(row)
        else:
            self.inbox_pane.table.clearSelection()
            self.inbox_pane.table.setCurrentIndex(QModelIndex())  # shows nothing, then:
            self.conversation.show(conversation_id)
            self.statusBar().showMessage(
                self.tr("Conversation {0} is not in this view; it is shown on the right").format(
                    conversation_id
                ),
                8000,
            )
        self.raise_()
        self.activateWindow()
        self.conversation_pane.transcript.setFocus()

    def show_service_levels(self) -> None:
        dialog = ServiceLevelsDialog(PolicyBook(self.store), self, runner=self.runner)
        dialog.saved.connect(self.on_service_levels_saved)
        self.service_levels_dialog = dialog  # tests reach it here
        dialog.open()

    def show_voice(self) -> None:
        dialog = open_voice(self, self.store, runner=self.runner)
        dialog.saved.connect(self.on_replies_changed)
        self.voice_dialog = dialog  # tests reach it here

    def show_library(self) -> None:
        dialog = open_library(self, self.store, runner=self.runner)
        dialog.saved.connect(self.on_replies_changed)
        self.library_dialog = dialog

    def show_ai(self) -> None:
        dialog = open_ai(self, self.store, self.secrets, runner=self.runner)
        dialog.saved.connect(self.on_replies_changed)
        self.ai_dialog = dialog

    def on_replies_changed(self) -> None:
        """The voice, the library, the playbooks or the AI settings changed: the
        composer's suggestions are worked out again."""
        self.conversation.library_changed()

    def on_service_levels_saved(self) -> None:
        """New policies or business hours: the countdowns are worked out again."""
        self.inbox.reload_levels()
        self.on_store_changed()

    def on_outbox_ran(self, run: OutboxRun) -> None:
        """Replies went out (or could not): the thread shows their state, and a failure
        stays on screen until dealt with."""
        sent = run.outcomes.get("sent", 0)
        failed = run.outcomes.get("failed", 0)
        if sent:
            self.statusBar().showMessage(
                self.tr("1 reply sent") if sent == 1 else self.tr("{0} replies sent").format(sent),
                10_000,
            )
        if failed:
            self.notice(
                self.tr("A reply could not be sent: open its conversation to retry or edit it"),
                key="outbox",
            )
        self.on_store_changed()  # the list, the counts and the open conversation

    def on_account_synced(self, report: SyncReport) -> None:
        name = report.account
        key = f"sync:{name}"
        if report.ok:
            detail = self.tr("{0} new · {1} requests").format(
                number_label(report.stored), number_label(report.requests)
            )
            if report.detail:
                detail = f"{detail} · {report.detail}"
            self.on_job_state(JobState(name, "ok", detail))
            self.notices.dismiss(key)
            if report.stored:
                self.on_store_changed()
        else:
            self.on_job_state(JobState(name, "error", report.detail))
            self.notice(f"{name}: {report.detail}", key=key)

    def on_import_started(self, name: str) -> None:
        self.notices.dismiss("import")
        self._import_state.setText(self.tr("Importing {0}…").format(name))
        self._import_state.show()

    def on_import_finished(self, ok: bool, message: str) -> None:
        self._import_state.hide()
        self.statusBar().showMessage(message, 10_000)
        if not ok:
            self.notice(message, key="import")
        self.on_store_changed()

    def on_sync_failed(self, key: str, text: str) -> None:
        self.notice(text, key=key)

    def on_sync_recovered(self, key: str) -> None:
        self.notices.dismiss(key)

    def notice(self, text: str, *, key: str | None = None) -> None:
        self.notices.show_notice(text, key=key)

    def _summarise(self) -> None:
        place = self.queue.place  # what the list shows
        title = view_titles().get(place.view, place.network or "")
        loaded = self.model.rowCount()
        more = "+" if self.model.canFetchMore(self.model.index(0, 0).parent()) else ""
        one = loaded == 1 and not more
        if self.inbox_pane.search.text().strip():
            text = (
                self.tr("{0}: 1 match").format(title)
                if one
                else self.tr("{0}: {1}{2} matches").format(title, number_label(loaded), more)
            )
        elif (
            self._counts is not None
            and place.view in self._counts.views
            and not (place.network or place.account_id is not None)
        ):
            count = self._counts.views[place.view]
            waiting = number_label(self._counts.waiting)
            text = (
                self.tr("{0}: 1 conversation · {1} in the inbox wait for a reply").format(
                    title, waiting
                )
                if count == 1
                else self.tr("{0}: {1} conversations · {2} in the inbox wait for a reply").format(
                    title, number_label(count), waiting
                )
            )
        else:
            text = (
                self.tr("{0}: 1 conversation").format(title)
                if one
                else self.tr("{0}: {1}{2} conversations").format(title, number_label(loaded), more)
            )
        self.inbox_pane.summary.setText(text)

    # -- accounts until connectors exist -------------------------------------------------------

    def _accounts_job(self) -> Job:
        inbox = self.inbox
        book = AccountBook(self.store)

        def accounts() -> JobState:
            connected = len(book.all())
            if connected:
                detail = self.tr("{0} connected").format(number_label(connected))
            elif inbox.accounts():
                detail = self.tr("none connected · Settings > Accounts, or File > Import")
            else:
                detail = self.tr("none yet · Settings > Accounts, or File > Import")
            return JobState(self.tr("Accounts"), "idle", detail)

        return named(self.tr("Accounts"), accounts)

    # -- settings ---------------------------------------------------------------------------------

    def _setting_bool(self, key: str, default: bool) -> bool:
        value = self.settings.value(key, default)
        return value in (True, "true", "1", 1)

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 820)
        splits = (("split", self.split), ("conversation_split", self.conversation_pane.split))
        for key, widget in splits:
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        header = self.settings.value("columns")
        if isinstance(header, QByteArray):
            self.inbox_pane.table.horizontalHeader().restoreState(header)
        sort = self.settings.value("sort", "priority")
        index = self.inbox_pane.sort.findData(sort)
        self.inbox_pane.sort.blockSignals(True)
        self.inbox_pane.sort.setCurrentIndex(max(0, index))
        self.inbox_pane.sort.blockSignals(False)
        place = Place.from_key(str(self.settings.value("place", "view:needs_reply")))
        self.nav.select(place or Place(view="needs_reply"))

    def _save(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("split", self.split.saveState())
        self.settings.setValue("conversation_split", self.conversation_pane.split.saveState())
        self.settings.setValue("columns", self.inbox_pane.table.horizontalHeader().saveState())
        self.settings.setValue("sort", self.inbox_pane.sort.currentData())
        self.settings.setValue("place", self.nav.current().key())
        self.settings.sync()
