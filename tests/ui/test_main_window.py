from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from socialdesk.domain import Author
from socialdesk.inbox import Inbox
from socialdesk.ingest import Ingestor
from socialdesk.store import Store
from ui import inbox_model
from ui.app import MainWindow
from ui.inbox_model import Column, InboxTableModel, Role

from ..conftest import MessageFactory

HTML = "<b>bold</b> <img src=x onerror=alert(1)> &amp; <qt>rich?</qt>"


def test_window_lists_the_queue_as_plain_text(
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("1", text=HTML, author=Author("u1", "<i>mallory</i>", "M", 10)),
            make_message("2", minutes=1, text="my order is late, furious"),
        ]
    )
    window = MainWindow(Inbox(store), "test")
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == 2
    texts = {model.index(r, Column.MESSAGE).data() for r in range(2)}
    assert HTML in texts  # shown verbatim: the view draws display text as plain text
    authors = {model.index(r, Column.AUTHOR).data() for r in range(2)}
    assert "<i>mallory</i>" in authors
    assert "2 waiting for a reply, 2 active conversations" in window.summary.text()
    assert window.summary.textFormat() == Qt.TextFormat.PlainText
    assert window.table.currentIndex().row() == 0
    why = {model.index(r, Column.WHY).data() for r in range(2)}
    assert any("negative (" in w for w in why)
    assert model.index(0, 0).data(Role.ROW).priority >= model.index(1, 0).data(Role.ROW).priority


def test_model_pages_with_fetch_more(
    qtbot,
    qtmodeltester,
    store: Store,
    ingestor: Ingestor,
    make_message: MessageFactory,
    monkeypatch,
) -> None:
    monkeypatch.setattr(inbox_model, "PAGE_SIZE", 4)
    ingestor.ingest([make_message(str(i), minutes=i, text=f"message {i}") for i in range(10)])
    model = InboxTableModel(Inbox(store))
    model.reload()
    assert model.rowCount() == 4
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_no_display_is_a_one_line_error(tmp_path, monkeypatch, capsys) -> None:
    from socialdesk.cli import main

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err
    monkeypatch.setenv("DISPLAY", ":4711")
    assert main(["--data-dir", str(tmp_path)]) == 1
    assert "no X server is running on display :4711" in capsys.readouterr().err


def test_bidi_override_in_a_message_is_shown_not_obeyed(
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("1", text="refund \u202eetadpu\u202c please")])
    model = InboxTableModel(Inbox(store))
    model.reload()
    assert model.index(0, Column.MESSAGE).data() == "refund \\u202eetadpu\\u202c please"


def test_m_marks_the_selected_message_and_the_model_learns(
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory, tmp_path
) -> None:
    from PySide6.QtCore import Qt as QtKeys

    from socialdesk.learning import ModelBook
    from ui.labelling import ComplaintMarker

    ingestor.ingest([make_message("1", text="hey, quick thing about my account")])
    marker = ComplaintMarker(store, tmp_path)
    window = MainWindow(Inbox(store), "test", marker)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    row = window.model.index(0, 0).data(Role.ROW)
    assert not row.complaint
    with qtbot.waitSignal(marker.learned, timeout=10_000) as learned:
        qtbot.keyClick(window.table, QtKeys.Key.Key_M)
    lesson = learned.args[0]
    assert lesson.complaint is True and lesson.version is None and lesson.labels == 1
    assert ModelBook(store).status().labels == 1
    assert window.model.index(0, 0).data(Role.ROW).complaint is True
    assert "marked a complaint; no model yet" in window.statusBar().currentMessage()
    assert window.table.hasFocus()
