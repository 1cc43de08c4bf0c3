"""The real window, driven by the keyboard on a temporary workspace."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QIcon, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QWidget
from sqlalchemy import select

from socialdesk.desk import Desk
from socialdesk.domain import Author, MessageKind
from socialdesk.ingest import Ingestor
from socialdesk.models import Event, Note, OutboxItem
from socialdesk.sending import mark_demo_accounts
from socialdesk.store import Store
from ui import inbox_model, tasks
from ui.dialogs import NoteDialog
from ui.inbox_model import Column, InboxTableModel, Role
from ui.main_window import MainWindow
from ui.nav import Place
from ui.sync import JobState, named
from ui.tasks import run_task

from ..conftest import MessageFactory

HTML = "<b>bold</b> <img src=x onerror=alert(1)> &amp; <qt>rich?</qt>"
RTL = "refund \u202eetadpu\u202c please"


def build(
    qtbot, store: Store, tmp_path: Path, *, jobs=None, interval: int = 60_000, runner=None
) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        store,
        "test",
        agent="ann",
        settings=settings,
        data_dir=tmp_path,
        sync_jobs=jobs if jobs is not None else [],
        sync_interval_ms=interval,
        **({"runner": runner} if runner is not None else {}),
    )
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    window.activateWindow()
    window.start()
    qtbot.waitUntil(
        lambda: window.model.rowCount() > 0 or window.nav.current().view != "", timeout=10_000
    )
    return window


def rows(window: MainWindow) -> list:  # type: ignore[type-arg]
    model = window.model
    return [model.index(r, 0).data(Role.ROW) for r in range(model.rowCount())]


def press(qtbot, window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key, modifier)


@pytest.fixture
def filled(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> Store:
    ingestor.ingest(
        [
            make_message("1", text=HTML, author=Author("u0", "<i>mallory</i>", "", 10)),
            make_message("2", minutes=1, text="my order is late, furious, worst service"),
            make_message("3", minutes=2, text=RTL, author=Author("u3", "ray", "Ray", 5)),
            make_message(
                "4", minutes=3, text="parcel never arrived", author=Author("u4", "pat", "Pat", 900)
            ),
            make_message(
                "5",
                minutes=4,
                kind=MessageKind.DIRECT_MESSAGE,
                text="my account is locked, please help",
                author=Author("u5", "dee", "Dee", 3),
            ),
        ]
    )
    return store


@pytest.fixture
def window(qtbot, filled: Store, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = build(qtbot, filled, tmp_path)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: window.conversation.current is not None, timeout=10_000)
    yield window
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def test_untrusted_text_is_shown_literally(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.model
    texts = {model.index(r, Column.MESSAGE).data() for r in range(model.rowCount())}
    assert HTML in texts  # the view draws display text as plain text
    assert "refund \\u202eetadpu\\u202c please" in texts  # the override is shown, not obeyed
    authors = {model.index(r, Column.AUTHOR).data() for r in range(model.rowCount())}
    assert any(a.startswith("<i>mallory</i>") for a in authors)
    row = window.model.row_of_conversation(
        next(r.conversation_id for r in rows(window) if r.text == HTML)
    )
    window.inbox_pane.table.selectRow(row)
    qtbot.waitUntil(
        lambda: HTML in window.conversation_pane.transcript.toPlainText(), timeout=10_000
    )
    document = window.conversation_pane.transcript.document()
    assert "<img" not in document.toHtml().split("<body")[1].replace("&lt;img", "")  # no image
    assert "<i>mallory</i>" in window.conversation_pane.header.text()
    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    # Tooltips guess rich text: what they render must read exactly as the message.
    tip = model.index(row, Column.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)
    rendered = QTextDocument()
    rendered.setHtml(tip)
    assert rendered.toPlainText() == HTML
    for column in (Column.PRIORITY, Column.INTENT):
        reasons = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        rendered.setHtml(reasons)
        assert rendered.toPlainText().splitlines() == list(rows(window)[row].reasons)


def test_notification_bodies_reach_the_server_escaped() -> None:
    from ui.notify import for_server

    body = for_server('<b>refund</b> <a href="x">now</a> & <img src=y>')
    assert "<" not in body and "&lt;b&gt;refund&lt;/b&gt;" in body and "&amp;" in body


def test_keyboard_moves_opens_replies_and_returns(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.inbox_pane.table
    table.setFocus()
    table.selectRow(0)
    first = window.queue.current_row()
    press(qtbot, window, Qt.Key.Key_J)
    assert table.currentIndex().row() == 1 and table.hasFocus()
    press(qtbot, window, Qt.Key.Key_K)
    assert window.queue.current_row() == first
    press(qtbot, window, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.conversation_pane.transcript.hasFocus()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert table.hasFocus()
    qtbot.waitUntil(lambda: window.conversation.current is not None, timeout=10_000)
    press(qtbot, window, Qt.Key.Key_R)
    composer = window.conversation_pane.composer
    assert composer.hasFocus()
    qtbot.keyClicks(composer, "jk e")  # letters type, they do not act
    assert composer.toPlainText() == "jk e" and table.currentIndex().row() == 1
    assert "4 / 280" in window.conversation_pane.counter.text()
    press(qtbot, window, Qt.Key.Key_Return)  # a new line, not "open"
    assert composer.toPlainText() == "jk e\n"
    press(qtbot, window, Qt.Key.Key_Escape)
    assert table.hasFocus()


def test_resolving_moves_to_the_next_item(qtbot, window: MainWindow, filled: Store) -> None:  # type: ignore[no-untyped-def]
    table = window.inbox_pane.table
    table.setFocus()
    table.selectRow(1)
    before = rows(window)
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10_000)
    assert window.queue.current_row().conversation_id == before[2].conversation_id
    assert table.hasFocus()
    with filled.session() as s:
        changes = s.scalars(select(Event.data).where(Event.type == "status_changed")).all()
    assert any('"to": "resolved"' in c for c in changes)


def test_assign_tag_and_note_from_the_keyboard(
    qtbot, window: MainWindow, filled: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    table = window.inbox_pane.table
    table.setFocus()
    table.selectRow(0)
    cid = window.queue.current_row().conversation_id
    press(qtbot, window, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.queue.current_row().assignee == "ann", timeout=10_000)
    assert window.queue.current_row().conversation_id == cid
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("urgent", True)))
    press(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: "urgent" in window.conversation_pane.tags.text(), timeout=10_000)

    def type_note() -> None:  # the note dialog, from the keyboard alone
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog) and dialog.editor.hasFocus()
        qtbot.keyClicks(dialog.editor, "rang them")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # a new line, not "save"
        qtbot.keyClicks(dialog.editor, "no answer")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(50, type_note)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.conversation_pane.notes.count() == 1, timeout=10_000)
    with filled.session() as s:
        assert s.scalars(select(Note.text)).all() == ["rang them\nno answer"]
    qtbot.waitUntil(table.hasFocus, timeout=5_000)


def test_reply_is_queued_in_the_outbox(qtbot, window: MainWindow, filled: Store) -> None:  # type: ignore[no-untyped-def]
    window.inbox_pane.table.setFocus()
    press(qtbot, window, Qt.Key.Key_R)
    composer = window.conversation_pane.composer
    qtbot.keyClicks(composer, "Sorry about this, DM us your order number")
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: composer.toPlainText() == "", timeout=10_000)

    def waiting() -> bool:  # the outbox worker tried it: its account is not connected
        with filled.session() as s:
            [item] = s.scalars(select(OutboxItem)).all()
        assert item.text.startswith("Sorry")
        return item.status == "queued" and "not connected" in (item.error or "")

    qtbot.waitUntil(waiting, timeout=10_000)
    qtbot.waitUntil(
        lambda: "Reply queued" in window.conversation_pane.transcript.toPlainText(), timeout=10_000
    )


def test_a_demo_reply_goes_out_and_shows_in_the_thread(  # type: ignore[no-untyped-def]
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory, tmp_path: Path
) -> None:
    ingestor.ingest([make_message("d1", text="my parcel never came", account="@NimbusCare")])
    assert mark_demo_accounts(store)  # the demo's account: the simulated network sends
    window = build(qtbot, store, tmp_path)
    try:
        qtbot.waitUntil(lambda: window.conversation.current is not None, timeout=10_000)
        window.inbox_pane.table.setFocus()
        press(qtbot, window, Qt.Key.Key_R)
        composer = window.conversation_pane.composer
        qtbot.keyClicks(composer, "So sorry, we are on it")
        qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

        def sent() -> bool:
            with store.session() as s:
                return [i.status for i in s.scalars(select(OutboxItem))] == ["sent"]

        qtbot.waitUntil(sent, timeout=15_000)
        qtbot.waitUntil(lambda: "1 reply sent" in window.statusBar().currentMessage())
        # Answered, it leaves Needs reply; its thread holds the reply as the network took it.
        qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
        thread = Desk(store).conversation(1).messages
        assert [(m.direction, m.author_handle, m.text) for m in thread][-1] == (
            "outbound",
            "@NimbusCare",
            "So sorry, we are on it",
        )
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)


def test_search_as_you_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.inbox_pane.table.setFocus()
    press(qtbot, window, Qt.Key.Key_Slash)
    search = window.inbox_pane.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "parc")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert rows(window)[0].author_handle == "pat"
    assert window.inbox_pane.summary.text().endswith(": 1 match")
    press(qtbot, window, Qt.Key.Key_Return)  # Enter goes to the results
    assert window.inbox_pane.table.hasFocus()
    press(qtbot, window, Qt.Key.Key_Escape)  # in the list, Esc clears the search
    assert search.text() == "" and window.inbox_pane.table.hasFocus()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)


def test_switching_views_and_counts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "Direct messages  1" in _nav_texts(window), timeout=10_000)
    qtbot.keyClick(window.inbox_pane.table, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.model.query.view == "direct", timeout=10_000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert rows(window)[0].author_handle == "dee"
    window.inbox_pane.sort.setCurrentIndex(window.inbox_pane.sort.findData("newest"))
    qtbot.waitUntil(lambda: window.model.query.sort == "newest", timeout=10_000)
    window.nav.select(Place(view="inbox", network="x"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)


def _nav_texts(window: MainWindow) -> str:
    model = window.nav.model
    out = []
    for top in range(model.rowCount()):
        parent = model.index(top, 0)
        out += [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]
    return "\n".join(out)


def test_palette_and_shortcut_list_cover_every_action(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.actions import CommandPalette, ShortcutsDialog

    palette = CommandPalette(window.registry, window)
    qtbot.addWidget(palette)
    palette.show()
    palette.activateWindow()
    qtbot.waitUntil(palette.isActiveWindow)
    assert len(palette.items()) == len(window.registry.actions)
    qtbot.keyClicks(palette.filter, "assign to")
    assert palette.filter.text() == "assign to", palette.filter.text()
    assert palette.visible() == ["assign"]
    ran: list[str] = []
    window.registry.actions["assign"].triggered.connect(lambda: ran.append("assign"))
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert ran == ["assign"]
    from ui.composer import composer_keys

    shortcuts = ShortcutsDialog(window.registry, window, composer_keys())
    qtbot.addWidget(shortcuts)
    keys = {shortcuts.table.item(r, 1).text() for r in range(shortcuts.table.rowCount())}
    assert {"J", "K", "R", "E", "P", "A", "T", "N", "M", "Ctrl+K", "?", "/"} <= keys
    assert {"Ctrl+Enter", "Ctrl+1 … Ctrl+3", "Tab / Shift+Tab"} <= keys  # the reply box's
    opened: list[str] = []
    monkeypatch.setattr(CommandPalette, "exec", lambda self: opened.append("palette") or 0)
    palette.close()
    shortcuts.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.inbox_pane.table.setFocus()
    qtbot.keyClick(window.inbox_pane.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["palette"]


@pytest.mark.skipif(
    sys.platform != "linux", reason="threads have a niceness of their own only on Linux"
)
def test_background_threads_run_below_the_gui_thread(qtbot, filled: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def niceness() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    gui = niceness()
    seen: dict[str, int] = {}

    def job() -> JobState:
        seen["sync"] = niceness()
        return JobState("job", "ok", "")

    window = build(qtbot, filled, tmp_path, jobs=[named("job", job)], interval=100)
    run_task(niceness, lambda value: seen.setdefault("pool", value), lambda error: None)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    expected = min(19, gui + tasks.BACKGROUND_NICENESS)
    assert seen == {"sync": expected, "pool": expected}
    assert niceness() == gui
    window.close()


def test_a_sync_error_appears_as_a_notice(qtbot, filled: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def x_account() -> JobState:
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError("X rejected the token: reconnect the account")
        return JobState("whatever the job calls itself", "ok", "fetched 3 mentions")

    window = build(qtbot, filled, tmp_path, jobs=[named("@brand (X)", x_account)], interval=100)
    with qtbot.waitSignal(window.notices.shown, timeout=10_000) as shown:
        pass
    assert shown.args[0] == "X rejected the token: reconnect the account"
    assert window.notices.isVisible()
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("@brand (X): X rejected the token" in text for text in labels)
    # Reconnected: the notice goes, and the account keeps one status, now fine.
    qtbot.waitUntil(lambda: not window.notices.isVisible(), timeout=10_000)
    states = [
        label.text()
        for label in window.statusBar().findChildren(QLabel)
        if label.accessibleName() == "Sync state"
    ]
    assert states == ["@brand (X): fetched 3 mentions"]
    window.close()


def test_new_messages_keep_the_selection(
    qtbot, window: MainWindow, filled: Store, make_message: MessageFactory
) -> None:  # type: ignore[no-untyped-def]
    from socialdesk.triage import TriageScorer

    table = window.inbox_pane.table
    table.selectRow(3)
    chosen = window.queue.current_row().conversation_id
    scorer = TriageScorer()
    Ingestor(filled, scorer).ingest(
        [
            make_message(
                "9",
                minutes=9,
                text="worst service ever, lawyer",
                author=Author("u9", "zed", "Z", 90_000),
            )
        ]
    )
    scorer.close()
    window.on_store_changed()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=10_000)
    assert window.queue.current_row().conversation_id == chosen


def test_desktop_notifications_follow_the_switch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from socialdesk.alerts import Alert

    alert = Alert(1, "complaint", "<b>zed</b>", "worst service")
    with qtbot.waitSignal(window.notifier.notified, timeout=1000) as told:
        window.notifier.announce([alert])
    assert told.args[0] == "Public complaint from <b>zed</b>"
    window.registry.actions["notifications"].trigger()  # off
    with qtbot.assertNotEmitted(window.notifier.notified):
        window.notifier.announce([alert])
    assert window.settings.value("notifications") in (False, "false")


def test_layout_and_last_view_persist(qtbot, filled: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = build(qtbot, filled, tmp_path)
    first.nav.select(Place(view="complaints"))
    first.inbox_pane.sort.setCurrentIndex(first.inbox_pane.sort.findData("waiting"))
    first.inbox_pane.table.setColumnWidth(Column.AUTHOR, 233)
    first.close()
    second = build(qtbot, filled, tmp_path)
    assert second.nav.current() == Place(view="complaints")
    assert second.inbox_pane.sort.currentData() == "waiting"
    assert second.inbox_pane.table.columnWidth(Column.AUTHOR) == 233
    # A network's list, which joins the navigation only with the first counts.
    qtbot.waitUntil(lambda: "network:x" in second.nav._items, timeout=10_000)
    second.nav.select(Place(view="inbox", network="x"))
    second.close()
    third = build(qtbot, filled, tmp_path)
    qtbot.waitUntil(
        lambda: third.nav.pane.currentIndex().data(Qt.ItemDataRole.DisplayRole).startswith("X"),
        timeout=10_000,
    )
    assert third.nav.current() == Place(view="inbox", network="x")
    qtbot.waitUntil(lambda: {r.network for r in rows(third)} == {"x"}, timeout=10_000)
    third.close()


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and type(w).__name__ not in ("QScrollBar", "QSplitterHandle")
        and w.parent() is not None
        and not type(w.parent()).__name__.startswith(("QAbstractScrollArea", "QTabBar"))
        and type(w).__name__ != "QWidget"
    ]
    assert unnamed == []


def test_m_marks_the_selected_message_and_the_model_learns(
    qtbot, window: MainWindow, filled: Store
) -> None:  # type: ignore[no-untyped-def]
    from socialdesk.learning import ModelBook

    table = window.inbox_pane.table
    table.setFocus()
    row = next(r for r in rows(window) if not r.complaint)
    table.selectRow(window.model.row_of_conversation(row.conversation_id))
    with qtbot.waitSignal(window.marker.learned, timeout=10_000) as learned:
        press(qtbot, window, Qt.Key.Key_M)
    assert learned.args[0].complaint is True and learned.args[0].labels == 1
    assert ModelBook(filled).status().labels == 1
    qtbot.waitUntil(lambda: window.queue.current_row().complaint, timeout=10_000)
    assert window.queue.current_row().conversation_id == row.conversation_id
    assert "marked a complaint" in window.statusBar().currentMessage()
    assert table.hasFocus()


def test_marking_runs_in_its_own_process_and_reports_what_went_wrong(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.marker.failed, timeout=30_000) as failed:
        assert window.marker.mark(999_999, True)
        assert window.marker._process is not None  # a process, not the window's threads
        assert not window.marker.mark(1, True)  # one label at a time
    assert failed.args[0] == "Could not record the label: there is no message with id 999999"
    assert not window.marker.busy


def test_model_pages_with_fetch_more(
    qtbot,
    qtmodeltester,
    store: Store,
    ingestor: Ingestor,
    make_message: MessageFactory,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    from socialdesk.inbox import Inbox, QueueQuery

    monkeypatch.setattr(inbox_model, "PAGE_SIZE", 4)
    ingestor.ingest([make_message(str(i), minutes=i, text=f"message {i}") for i in range(10)])

    def inline(fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
        done(fn())

    model = InboxTableModel(Inbox(store), query=QueueQuery(view="inbox"), runner=inline)
    model.reload()
    assert model.rowCount() == 4
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


PAINTED_ROLES = (
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
)


def _comparable(value: object) -> object:
    return value.cacheKey() if isinstance(value, QIcon) else value


def _one_role(index: QModelIndex, role: Qt.ItemDataRole) -> object:
    answer = QModelRoleData(role)
    index.multiData(QModelRoleDataSpan(answer))
    return _comparable(answer.data())


def test_multi_data_answers_as_data_does(window: MainWindow) -> None:
    model = window.model
    for r in range(model.rowCount()):
        for column in Column:
            index = model.index(r, column)
            for role in (*PAINTED_ROLES, Qt.ItemDataRole.ToolTipRole, Role.ROW):
                assert _one_role(index, role) == _comparable(index.data(role)), (r, column, role)
    assert model.index(0, Column.PRIORITY).data() == str(rows(window)[0].priority)
    assert model.index(0, Column.NETWORK).data(Qt.ItemDataRole.DecorationRole) is not None


class CountingModel(InboxTableModel):
    """Counts how the view asks (PySide looks an override up once per object)."""

    asked: list[str]

    def multiData(self, index, roleDataSpan) -> None:  # type: ignore[no-untyped-def]
        self.asked.append("multiData")
        super().multiData(index, roleDataSpan)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        self.asked.append("data")
        return super().data(index, role)


def test_a_repaint_asks_each_cell_once(qtbot, filled: Store) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableView

    from socialdesk.inbox import Inbox, QueueQuery

    def inline(fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
        done(fn())

    model = CountingModel(Inbox(filled), query=QueueQuery(view="inbox"), runner=inline)
    model.asked = []
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: "multiData" in model.asked)  # laid out and painted once
    model.asked.clear()
    view.viewport().repaint()
    cells = model.rowCount() * len(Column)
    assert cells > 0 and model.asked.count("multiData") == cells
    assert model.asked.count("data") == 0  # not seven calls a cell, one


def test_waiting_times_move_on_with_the_clock(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta

    model = window.model
    waiting = next(
        r for r in range(model.rowCount()) if rows(window)[r].waiting_seconds(model._now)
    )
    before = model.index(waiting, Column.WAITING).data()

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return datetime.now(tz) + timedelta(days=3)

    monkeypatch.setattr(inbox_model, "datetime", Later)
    model.tick()
    after = model.index(waiting, Column.WAITING).data()
    assert after != before and _one_role(model.index(waiting, Column.WAITING), 0) == after


def test_no_display_is_a_one_line_error(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from socialdesk.cli import main

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err
    monkeypatch.setenv("DISPLAY", ":4711")
    assert main(["--data-dir", str(tmp_path)]) == 1
    assert "no X server is running on display :4711" in capsys.readouterr().err


def _import_line(number: int, text: str) -> str:
    return json.dumps(
        {
            "network": "x",
            "external_id": f"imp-{number}",
            "kind": "mention",
            "direction": "inbound",
            "author": {
                "id": f"imp-u{number}",
                "handle": f"@imp{number}",
                "name": "",
                "followers": 1,
            },
            "account": "@NimbusCare",
            "created_at": "2026-11-20T09:00:00Z",
            "text": text,
        }
    )


def test_import_runs_in_its_own_process_and_the_inbox_fills_in(
    qtbot, filled: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = build(qtbot, filled, tmp_path)
    source = tmp_path / "export.jsonl"
    source.write_text(
        _import_line(1, "zebra router died again, third time")
        + "\n{not json\n"
        + _import_line(2, "zebra refund still missing")
        + "\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as done:
        assert window.import_file(str(source))
        assert window.importer.running() and not window.import_file(str(source))
        assert "export.jsonl" in window._import_state.text()
    ok, message = done.args
    assert not ok  # one bad row: the agent is told, with its line
    assert "New messages: 2; new conversations: 2; already there: 0." in message
    assert "Bad rows skipped: 1, for example: " in message and "line 2" in message
    assert any("line 2" in text for text in window.notices.texts())
    assert not window._import_state.isVisible()
    qtbot.waitUntil(lambda: sum("zebra" in row.text for row in rows(window)) == 2, timeout=10_000)
    # The same rows again add nothing; a clean file is no notice.
    source.write_text(_import_line(2, "zebra refund still missing") + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as again:
        window.import_file(str(source))
    assert again.args[0] is True
    assert "New messages: 0; new conversations: 0; already there: 1." in again.args[1]
    assert window.statusBar().currentMessage() == again.args[1]


def test_an_import_that_cannot_read_its_file_says_why(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as done:
        window.import_file(str(tmp_path / "missing.jsonl"))
    ok, message = done.args
    assert not ok
    assert (
        message.startswith("Could not import missing.jsonl: ") and "missing.jsonl" in message[30:]
    )
    assert message in window.notices.texts()


def test_closing_the_window_stops_a_running_import(qtbot, filled: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = build(qtbot, filled, tmp_path)
    source = tmp_path / "big.jsonl"
    source.write_text(
        "".join(_import_line(n, f"order {n} is late") + "\n" for n in range(40_000)),
        encoding="utf-8",
    )
    window.import_file(str(source))
    process = window.importer._process
    assert process is not None
    # Under way: its first batches are in the store.
    qtbot.waitUntil(lambda: _stored(filled) > 5, timeout=60_000)
    pid = process.processId()
    workers = _children(pid)
    window.close()
    assert not window.importer.running()
    assert process.state() == process.ProcessState.NotRunning
    assert process.exitStatus() == process.ExitStatus.NormalExit
    assert process.exitCode() == 143  # it wound down on the request, not killed
    stored = _stored(filled)
    assert 5 < stored < 40_005  # what landed stays; the rest waits for the next import
    # Its scoring workers (when it started any) went with it.
    qtbot.waitUntil(lambda: not any(Path(f"/proc/{w}").exists() for w in workers), timeout=10_000)


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


def _stored(store: Store) -> int:
    from sqlalchemy import func

    from socialdesk.models import Message

    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Message)) or 0)


class HeldRunner:
    """Background work as the window sends it, held back on request: a slow database,
    on demand."""

    def __init__(self) -> None:
        self.hold = False
        self.waiting: list = []  # type: ignore[type-arg]

    def __call__(self, fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
        if self.hold:
            self.waiting.append((fn, done, failed))
        else:
            run_task(fn, done, failed, context)

    def release(self) -> None:
        self.hold = False
        waiting, self.waiting = self.waiting, []
        for fn, done, failed in waiting:
            try:
                result = fn()
            except Exception as exc:  # as run_task hands it on
                failed(exc)
            else:
                done(result)


@pytest.fixture
def held(qtbot, filled: Store, tmp_path: Path) -> Iterator[tuple[MainWindow, HeldRunner]]:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    window = build(qtbot, filled, tmp_path, runner=runner)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: window.conversation.current is not None, timeout=10_000)
    window.inbox_pane.table.setFocus()
    yield window, runner
    runner.release()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def test_an_action_finishing_late_leaves_the_keys_where_the_agent_types(held) -> None:  # type: ignore[no-untyped-def]
    window, runner = held
    runner.hold = True
    press(None, window, Qt.Key.Key_A)  # assign: its write is slow
    runner.hold = False
    press(None, window, Qt.Key.Key_R)
    composer = window.conversation_pane.composer
    assert composer.hasFocus()
    QTest.keyClicks(composer, "Hello the")
    runner.release()  # the assignment lands mid-word
    QTest.keyClicks(composer, "re")
    assert composer.hasFocus() and composer.toPlainText() == "Hello there"
    assert window.queue.current_row().status == "new"  # no letter ran an action


def test_ctrl_enter_twice_queues_the_reply_once(held, filled: Store) -> None:  # type: ignore[no-untyped-def]
    window, runner = held
    press(None, window, Qt.Key.Key_R)
    composer = window.conversation_pane.composer
    QTest.keyClicks(composer, "On it, sorry for the wait")
    runner.hold = True
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.conversation_pane.composer.setFocus()
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.conversation_pane.send.click()
    runner.release()
    with filled.session() as s:
        assert len(s.scalars(select(OutboxItem)).all()) == 1


def test_the_pane_follows_the_row_asked_for_last(qtbot, held) -> None:  # type: ignore[no-untyped-def]
    window, runner = held
    first = window.conversation.current.id
    runner.hold = True
    press(None, window, Qt.Key.Key_J)  # the next conversation is still loading ...
    selected = window.queue.current_row().conversation_id
    assert selected != first
    window.conversation.reload()  # ... when something asks the pane to reload
    runner.release()
    qtbot.wait(500)  # every load the release started has landed
    assert window.conversation.current.id == selected
    assert window.conversation._requested == selected


def test_new_messages_show_even_when_the_store_refuses_writes(
    qtbot, filled: Store, ingestor: Ingestor, make_message: MessageFactory, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from socialdesk import queue
    from socialdesk.store import StoreError
    from ui.sync import SyncWorker

    worker = SyncWorker(filled, [])
    worker.poll()  # the first look
    changed, failed, recovered = [], [], []
    worker.changed.connect(lambda: changed.append(1))
    worker.failed.connect(lambda key, text: failed.append((key, text)))
    worker.recovered.connect(recovered.append)

    def refuse(*_args: object) -> int:
        raise StoreError("the database is read-only")

    monkeypatch.setattr(queue, "age", refuse)
    ingestor.ingest([make_message("late", minutes=9, text="anyone there?")])
    worker.poll()
    assert changed == [1]  # the new message is noticed all the same
    assert failed == [("store", "the database is read-only")] and recovered == []
    monkeypatch.undo()
    worker.poll()
    assert recovered == ["store"]  # and the notice goes once writing works again


def test_a_reply_queued_late_leaves_the_pane_on_the_row_moved_to(qtbot, held) -> None:  # type: ignore[no-untyped-def]
    window, runner = held
    press(None, window, Qt.Key.Key_R)
    composer = window.conversation_pane.composer
    QTest.keyClicks(composer, "Looking into it now")
    runner.hold = True
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(None, window, Qt.Key.Key_J)  # on to the next while the reply is written
    selected = window.queue.current_row().conversation_id
    runner.release()
    qtbot.wait(500)  # every load the release started has landed
    assert window.conversation.current.id == selected
    assert window.conversation._requested == selected
