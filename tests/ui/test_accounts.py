"""Settings > Accounts and the connected accounts' sync in the real window, with the real
connectors (through their entry points), recorded X traffic and an in-memory keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
import responses
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from socialdesk.accounts import AccountBook, AccountSettings
from socialdesk.domain import Network
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from ui.accounts import AccountsDialog
from ui.labels import number_label
from ui.main_window import MainWindow

from ..connectors.conftest import MemoryKeyring
from ..replay import add, x_cassette

API = "https://api.twitter.com/2"
USER_ID = "783214"
HTML_DETAIL = "<b>bold</b> <img src=x>"


@pytest.fixture
def secrets() -> SecretStore:
    return SecretStore(MemoryKeyring())


@pytest.fixture
def rsps():  # type: ignore[no-untyped-def]
    with responses.RequestsMock(
        assert_all_requests_are_fired=False, registry=responses.registries.OrderedRegistry
    ) as mock:
        yield mock


def dialog_for(qtbot, store: Store, secrets: SecretStore) -> AccountsDialog:  # type: ignore[no-untyped-def]
    dialog = AccountsDialog(AccountBook(store), secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_connect_an_x_account_from_the_dialog(
    qtbot, store: Store, secrets: SecretStore, rsps: responses.RequestsMock
) -> None:  # type: ignore[no-untyped-def]
    add(rsps, x_cassette("test_client_get_me")[0])
    dialog = dialog_for(qtbot, store, secrets)
    assert dialog.table.rowCount() == 0 and not dialog.test_button.isEnabled()

    qtbot.mouseClick(dialog.add_x, Qt.MouseButton.LeftButton)
    connect = dialog.connect_dialog
    assert connect is not None and connect.isVisible()
    connect.auth.setCurrentIndex(connect.auth.findData("oauth2"))
    qtbot.keyClicks(connect.handle, "@TweepyDev")
    qtbot.keyClicks(connect.fields["access_token"], "token-typed-in")
    assert (
        connect.fields["access_token"].echoMode()
        == connect.fields["access_token"].EchoMode.Password
    )
    qtbot.keyClick(connect.handle, Qt.Key.Key_Return)  # OK

    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and not dialog.busy, timeout=10_000)
    assert dialog.status.text() == "connected x:tweepydev (the network says this is @TweepyDev)"
    assert dialog.table.item(0, 0).text() == "X @TweepyDev"
    assert dialog.table.item(0, 1).text() == "ok: connected as @TweepyDev"
    assert dialog.table.item(0, 2).text() == f"1 of {number_label(1000)} requests · 0.00 credits"
    assert secrets.get("x", "tweepydev", "access_token") == "token-typed-in"

    # Polling and keywords, saved.
    dialog.poll.setValue(600)
    qtbot.keyClicks(dialog.keywords, "Tweepy, tweepy docs")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = AccountBook(store).find("x:tweepydev").settings
    assert (saved.poll_seconds, saved.keywords) == (600, ["Tweepy", "tweepy docs"])
    assert dialog.status.text() == "@TweepyDev: settings saved."


def test_a_failed_test_and_a_removal(
    qtbot, store: Store, secrets: SecretStore, rsps: responses.RequestsMock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    book = AccountBook(store)
    account = book.add(Network.X, "@brand", AccountSettings(auth="oauth2", user_id="1"))
    secrets.set("x", account.handle, "access_token", "old")
    book.set_state(account, "error", HTML_DETAIL)
    rsps.add(responses.GET, f"{API}/users/me", status=401, json={"title": "Unauthorized"})
    dialog = dialog_for(qtbot, store, secrets)
    # Whatever a network said is shown as the text it is.
    assert dialog.table.item(0, 1).text() == HTML_DETAIL
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and "rejected" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == "X rejected the token for @brand: reconnect the account"
    assert dialog.table.item(0, 1).text() == dialog.status.text()  # what to do

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)  # off the GUI thread
    assert book.all() == [] and dialog.status.text() == "@brand removed; its messages stay."
    assert secrets.get("x", "brand", "access_token") is None


def test_without_a_keyring_the_dialog_says_how_to_fix_it(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_for(qtbot, store, SecretStore(NoKeyring()))
    assert "PYTHON_KEYRING_BACKEND" in dialog.status.text()
    assert not dialog.add_x.isEnabled() and not dialog.add_reddit.isEnabled()


def test_the_window_polls_connected_accounts_and_reports_in_the_status_bar(
    qtbot, store: Store, secrets: SecretStore, rsps: responses.RequestsMock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    book = AccountBook(store)
    account = book.add(Network.X, "@Twitter", AccountSettings(auth="oauth2", user_id=USER_ID))
    secrets.set("x", account.handle, "access_token", "token")
    mentions = x_cassette("test_client_get_users_mentions")[0]
    add(rsps, mentions)
    rsps.add(responses.GET, f"{API}/users/{USER_ID}/mentions", json={"meta": {}})
    rsps.add(responses.GET, f"{API}/dm_events", status=403, json={
        "title": "Client Forbidden", "reason": "client-not-enrolled",
        "type": "https://api.twitter.com/2/problems/client-forbidden"})  # fmt: skip

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        store, "test", agent="ann", settings=settings, data_dir=tmp_path, sync_jobs=[],
        secrets=secrets, sync_interval_ms=200,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        # The mentions were stored before X refused the direct messages: they show, and
        # the refusal is a notice that says what it is.
        qtbot.waitUntil(lambda: window.notices.isVisible(), timeout=15_000)
        assert window.notices.texts() == [
            "x:twitter: your X plan does not include reading direct messages: upgrade the "
            "plan or add credits"
        ]
        labels = [
            label.text() for label in window.statusBar().findChildren(QLabel)
            if label.accessibleName() == "Sync state"
        ]  # fmt: skip
        assert "x:twitter: your X plan does not include reading direct messages" in labels[0]
        qtbot.waitUntil(lambda: window.model.rowCount() == 10, timeout=15_000)
    finally:
        window.close()
    assert not window.connectors.running
    assert QApplication.activeModalWidget() is None


def test_the_dialog_works_from_the_keyboard(qtbot, store: Store, secrets: SecretStore) -> None:  # type: ignore[no-untyped-def]
    book = AccountBook(store)
    book.add(Network.REDDIT, "u/brand_help", AccountSettings(auth="refresh_token"))
    dialog = dialog_for(qtbot, store, secrets)
    qtbot.waitExposed(dialog)
    assert not dialog.table.tabKeyNavigation()  # Tab leaves the table; arrows move in it
    reached = set()
    widget = dialog.table.nextInFocusChain()
    while widget is not dialog.table:  # the Tab order, from the table round to it
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            reached.add(widget)
        widget = widget.nextInFocusChain()
    for button in (dialog.add_x, dialog.add_reddit, dialog.test_button, dialog.remove_button):
        assert button in reached, button.text()
        assert not button.autoDefault()  # Enter in a field never presses it
    dialog.keywords.setFocus()
    qtbot.keyClicks(dialog.keywords, "Nimbus")
    qtbot.keyClick(dialog.keywords, Qt.Key.Key_Return)  # saves; opens nothing
    assert book.find("u/brand_help").settings.keywords == ["Nimbus"]
    assert dialog.connect_dialog is None
