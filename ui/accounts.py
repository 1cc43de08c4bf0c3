"""Settings > Accounts: connect, test, reconnect and remove X and Reddit accounts, and set
how each is polled. Every network call runs off the GUI thread; secrets are typed into
password fields and go straight to the OS keyring."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.account_commands import (
    SECRET_FIELDS,
    browser_login,
    check_connection,
    connect_account,
    reconnect_account,
    remove_account,
)
from socialdesk.accounts import (
    DEFAULT_DAILY_BUDGET,
    DEFAULT_POLL_SECONDS,
    MIN_POLL_SECONDS,
    AccountBook,
    AccountSettings,
    ConnectedAccount,
)
from socialdesk.domain import Network, utcnow
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sources import Connector
from ui.labels import number_label, plain_tip
from ui.tasks import run_task

Runner = Callable[..., None]
Factory = Callable[[ConnectedAccount], Connector]


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


class ConnectDialog(QDialog):
    """The handle and the secrets of an account to connect (or reconnect)."""

    def __init__(
        self, network: Network, parent: QWidget | None = None, *, handle: str = "", auth: str = ""
    ) -> None:
        super().__init__(parent)
        self.network = network
        self.setWindowTitle(
            self.tr("Connect an X account")
            if network is Network.X
            else self.tr("Connect a Reddit account")
        )
        self.setAccessibleName(self.windowTitle())
        layout = QFormLayout(self)
        self.handle = QLineEdit(handle, self)
        self.handle.setPlaceholderText("@YourBrand" if network is Network.X else "u/YourBrandHelp")
        self.handle.setAccessibleName(self.tr("Account handle"))
        self.handle.setReadOnly(bool(handle))
        layout.addRow(self.tr("Account"), self.handle)
        self.auth = QComboBox(self)
        self.auth.setAccessibleName(self.tr("Sign-in method"))
        if network is Network.X:
            self.auth.addItem(self.tr("Sign in through the browser (OAuth 2.0)"), "login")
            self.auth.addItem(self.tr("Paste OAuth 2.0 tokens"), "oauth2")
            self.auth.addItem(self.tr("Paste OAuth 1.0a tokens"), "oauth1")
        else:
            self.auth.addItem(self.tr("Sign in through the browser"), "login")
            self.auth.addItem(self.tr("Paste a refresh token of a Reddit app"), "refresh_token")
        if auth:
            index = self.auth.findData(auth)
            self.auth.setCurrentIndex(max(0, index))
        layout.addRow(self.tr("Method"), self.auth)
        self.fields: dict[str, QLineEdit] = {}
        self._rows: list[tuple[QLabel, QLineEdit]] = []
        # In the order the network's developer console lists them (and the CLI asks).
        all_fields = ["login_client_id"]
        for (net, _method), fields in SECRET_FIELDS.items():
            for field, _required in fields:
                if net == network.value and field not in all_fields:
                    all_fields.append(field)
        names = self._field_names()
        for field in all_fields:
            edit = QLineEdit(self)
            shown = names[field.removeprefix("login_")]
            edit.setAccessibleName(shown)
            if field not in ("login_client_id", "client_id"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(shown, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addRow(label, edit)
            self.fields[field] = edit
            self._rows.append((label, edit))
        self.port = QSpinBox(self)
        self.port.setRange(1024, 65535)
        self.port.setValue(8765)
        self.port.setAccessibleName(self.tr("Loopback port"))
        self._port_label = QLabel(self.tr("Callback port"), self)
        layout.addRow(self._port_label, self.port)
        self.check = QCheckBox(self.tr("Check the connection now"), self)
        self.check.setChecked(True)
        self.check.setAccessibleName(self.tr("Check the connection now"))
        layout.addRow(self.check)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addRow(self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.auth.currentIndexChanged.connect(self._show_fields)
        self.port.valueChanged.connect(self._show_fields)
        self._show_fields()

    def _field_names(self) -> dict[str, str]:
        return {
            "consumer_key": self.tr("API key (consumer key)"),
            "consumer_secret": self.tr("API key secret (consumer secret)"),
            "access_token": self.tr("Access token"),
            "access_token_secret": self.tr("Access token secret"),
            "refresh_token": self.tr("Refresh token"),
            "client_id": self.tr("Client id"),
            "client_secret": self.tr("Client secret"),
        }

    def method(self) -> str:
        return str(self.auth.currentData())

    def _wanted(self) -> list[tuple[str, bool]]:
        method = self.method()
        if method == "login":
            return [("login_client_id", True)]
        return SECRET_FIELDS[(self.network.value, method)]

    def _show_fields(self) -> None:
        wanted = dict(self._wanted())
        names = self._field_names()
        for (label, edit), field in zip(self._rows, self.fields, strict=True):
            label.setVisible(field in wanted)
            edit.setVisible(field in wanted)
            name = names[field.removeprefix("login_")]
            optional = field in wanted and not wanted[field]
            label.setText(self.tr("{0} (optional)").format(name) if optional else name)
        login = self.method() == "login"
        self.port.setVisible(login)
        self._port_label.setVisible(login)
        if login and self.network is Network.X:
            self.hint.setText(
                self.tr("Your browser opens X. First register this callback URL with the X app:")
                + f"\nhttp://127.0.0.1:{self.port.value()}/callback"
            )
        elif login:
            self.hint.setText(
                self.tr(
                    "Your browser opens Reddit. First set this as the redirect URI of the "
                    "Reddit app (an installed app):"
                )
                + f"\nhttp://127.0.0.1:{self.port.value()}/callback"
            )
        elif self.network is Network.REDDIT:
            self.hint.setText(self.tr("Leave the client secret empty for an installed app."))
        else:
            self.hint.setText(
                self.tr("Without a refresh token and client id the token cannot be renewed.")
                if self.method() == "oauth2"
                else ""
            )

    def values(self) -> dict[str, str]:
        """What was typed, for the fields this method needs (empty ones left out)."""
        found = {}
        for field, _required in self._wanted():
            text = self.fields[field].text().strip()
            if text:
                found[field.removeprefix("login_")] = text
        return found

    def _accept(self) -> None:
        if not self.handle.text().strip():
            self.hint.setText(self.tr("Give the account's handle."))
            return
        for field, required in self._wanted():
            if required and not self.fields[field].text().strip():
                name = self._field_names()[field.removeprefix("login_")]
                self.hint.setText(self.tr("{0}: needed.").format(name))
                self.fields[field].setFocus()
                return
        self.accept()


class AccountsDialog(QDialog):
    """The connected accounts, their state and spend today, and their polling."""

    changed = Signal()  # an account was added, removed or edited
    sign_in_url = Signal(str)  # from the pool thread running a browser sign-in

    def __init__(
        self,
        book: AccountBook,
        secrets: SecretStore,
        parent: QWidget | None = None,
        *,
        runner: Runner = run_task,
        factory: Factory | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.secrets = secrets
        self.runner = runner
        self._factory = factory
        self._accounts: list[ConnectedAccount] = []
        self.connect_dialog: ConnectDialog | None = None
        self.busy = False
        self._cancel = threading.Event()
        self.sign_in_url.connect(self._show_url)
        self.setWindowTitle(self.tr("Accounts"))
        self.setAccessibleName(self.tr("Accounts"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("State"), self.tr("Today"), self.tr("Every"),
             self.tr("Keywords")]
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Connected accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)

        row = QHBoxLayout()
        self.add_x = self._button(self.tr("Add X account…"), self.add_x_account, row)
        self.add_reddit = self._button(self.tr("Add Reddit account…"), self.add_reddit_account, row)
        row.addStretch(1)
        self.test_button = self._button(self.tr("Test connection"), self.test, row)
        self.reconnect_button = self._button(self.tr("Reconnect…"), self.reconnect_selected, row)
        self.remove_button = self._button(self.tr("Remove"), self.remove, row)
        layout.addLayout(row)

        form = QFormLayout()
        self.poll = QSpinBox(self)
        self.poll.setRange(MIN_POLL_SECONDS, 86_400)
        self.poll.setSuffix(" s")
        self.poll.setAccessibleName(self.tr("Poll interval in seconds"))
        self.budget = QSpinBox(self)
        self.budget.setRange(1, 10_000_000)
        self.budget.setAccessibleName(self.tr("Daily request budget"))
        self.credits = QDoubleSpinBox(self)
        self.credits.setDecimals(4)
        self.credits.setRange(0, 1000)
        self.credits.setAccessibleName(self.tr("Estimated credits per request"))
        self.keywords = QLineEdit(self)
        self.keywords.setAccessibleName(self.tr("Keywords, separated by commas"))
        self.exclusions = QLineEdit(self)
        self.exclusions.setAccessibleName(self.tr("Exclusions, separated by commas"))
        self.subreddits = QLineEdit(self)
        self.subreddits.setAccessibleName(self.tr("Subreddits, separated by commas"))
        form.addRow(self.tr("Poll every"), self.poll)
        form.addRow(self.tr("Requests a day at most"), self.budget)
        form.addRow(self.tr("Credits per request"), self.credits)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(self.tr("Exclude"), self.exclusions)
        form.addRow(self.tr("Subreddits (Reddit)"), self.subreddits)
        layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = self._button(self.tr("Save settings"), self.save, save_row)
        layout.addLayout(save_row)

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # network errors quote text
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Accounts status"))
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.table.itemSelectionChanged.connect(self._show_selected)
        for field in (self.keywords, self.exclusions, self.subreddits):
            field.returnPressed.connect(self.save)
        try:
            self.secrets.check()
        except KeyringUnavailable as exc:
            self.status.setText(str(exc))
            for button in (self.add_x, self.add_reddit, self.reconnect_button):
                button.setEnabled(False)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in a field saves; it never presses a button
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- what is shown -------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected()
        self._accounts = self.book.all()
        now = utcnow()
        self.table.setRowCount(len(self._accounts))
        for number, account in enumerate(self._accounts):
            usage = self.book.usage(account, now)
            if account.state_detail and account.state not in ("ok", "new"):
                state = account.state_detail  # it says what happened and what to do
            else:
                state = account.state_label + (
                    f": {account.state_detail}" if account.state_detail else ""
                )
            today = self.tr("{0} of {1} requests · {2} credits").format(
                number_label(usage.requests),
                number_label(account.settings.daily_budget),
                f"{usage.credits:.2f}",
            )
            cells = [
                f"{'X' if account.network is Network.X else 'Reddit'} {account.shown}",
                state,
                today,
                f"{account.settings.poll_seconds} s",
                ", ".join(account.settings.keywords),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tip(text))
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()
        if chosen is not None:
            for number, account in enumerate(self._accounts):
                if account.id == chosen.id:
                    self.table.selectRow(number)
        elif self._accounts:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> ConnectedAccount | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._accounts):
            return None
        return self._accounts[rows[0].row()]

    def _show_selected(self) -> None:
        account = self.selected()
        for widget in (
            self.test_button, self.reconnect_button, self.remove_button, self.save_button,
            self.poll, self.budget, self.credits, self.keywords, self.exclusions, self.subreddits,
        ):  # fmt: skip
            widget.setEnabled(account is not None and not self.busy)
        if account is None:
            return
        settings = account.settings
        self.poll.setValue(settings.poll_seconds)
        self.budget.setValue(settings.daily_budget)
        self.credits.setValue(settings.credits_per_request)
        self.keywords.setText(", ".join(settings.keywords))
        self.exclusions.setText(", ".join(settings.exclusions))
        self.subreddits.setText(", ".join(settings.subreddits))
        self.subreddits.setEnabled(account.network is Network.REDDIT and not self.busy)

    # -- actions -------------------------------------------------------------------------

    def _run(self, message: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.busy = True
        self.status.setText(message)
        self._show_selected()

        def finished(value: Any) -> None:
            self.busy = False
            done(value)
            self.refresh()
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self.busy = False
            self.status.setText(str(error))
            self.refresh()

        self.runner(work, finished, failed, self)

    def add(self, network: Network) -> ConnectDialog:
        """Asks for the account (a window-modal dialog that does not block), then connects
        it off the GUI thread."""
        dialog = ConnectDialog(network, self)
        dialog.accepted.connect(lambda: self._connect(network, dialog))
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def _connect(self, network: Network, dialog: ConnectDialog) -> None:
        method, values, handle = dialog.method(), dialog.values(), dialog.handle.text().strip()
        port, check = dialog.port.value(), dialog.check.isChecked()
        if network is Network.REDDIT:
            auth = "refresh_token"
        else:
            auth = "oauth2" if method == "login" else method
        settings = AccountSettings(
            auth=auth,
            poll_seconds=DEFAULT_POLL_SECONDS[network],
            daily_budget=DEFAULT_DAILY_BUDGET[network],
        )

        def work() -> str:
            secrets = self._login(network, values, port) if method == "login" else values
            _account, message = connect_account(
                self.book,
                self.secrets,
                network,
                handle,
                settings,
                secrets,
                test=check,
                factory=self._factory,
            )
            return message

        self._run(self.tr("Connecting {0}…").format(handle), work, self.status.setText)

    def add_x_account(self) -> None:
        self.add(Network.X)

    def add_reddit_account(self) -> None:
        self.add(Network.REDDIT)

    def reconnect_selected(self) -> None:
        self.reconnect()

    def _login(self, network: Network, values: dict[str, str], port: int) -> dict[str, str]:
        """Runs on a pool thread. The address goes to the status line (for when no
        browser opens); closing the dialog cancels the wait."""
        return browser_login(
            network,
            values["client_id"],
            port,
            on_url=self.sign_in_url.emit,
            cancel=self._cancel,
        )

    def _show_url(self, url: str) -> None:
        self.status.setText(
            self.tr("Sign in in your browser. If it did not open, go to:") + f"\n{url}"
        )

    def done(self, result: int) -> None:
        self._cancel.set()  # a sign-in still waiting stops, and frees its port
        super().done(result)

    def test(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._run(
            self.tr("Testing {0}…").format(account.shown),
            lambda: check_connection(self.book, account, self.secrets, self._factory),
            lambda who: self.status.setText(f"{account.shown}: ok, {who}"),
        )

    def reconnect(self) -> ConnectDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = ConnectDialog(
            account.network, self, handle=account.shown, auth=account.settings.auth
        )
        dialog.accepted.connect(lambda: self._reconnect(account, dialog))
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def _reconnect(self, account: ConnectedAccount, dialog: ConnectDialog) -> None:
        method, values, port = dialog.method(), dialog.values(), dialog.port.value()

        if account.network is Network.REDDIT:
            auth = "refresh_token"
        else:
            auth = "oauth2" if method == "login" else method

        def work() -> str:
            secrets = self._login(account.network, values, port) if method == "login" else values
            return reconnect_account(
                self.book, self.secrets, account, secrets, self._factory, auth=auth
            )

        self._run(
            self.tr("Reconnecting {0}…").format(account.shown),
            work,
            lambda who: self.status.setText(f"{account.shown}: reconnected, {who}"),
        )

    def remove(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Disconnect {0} and delete its secrets from the keyring? Its messages stay."
            ).format(account.shown),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the account
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The keyring may take its time (a locked one asks to be unlocked): off the GUI
        # thread, like every other change here. On failure nothing is removed.
        self._run(
            self.tr("Removing {0}…").format(account.shown),
            lambda: remove_account(self.book, self.secrets, account),
            lambda _done: self.status.setText(
                self.tr("{0} removed; its messages stay.").format(account.shown)
            ),
        )

    def save(self) -> None:
        account = self.selected()
        if account is None:
            return
        settings = account.settings
        settings.poll_seconds = self.poll.value()
        settings.daily_budget = self.budget.value()
        settings.credits_per_request = self.credits.value()
        settings.keywords = _words(self.keywords.text())
        settings.exclusions = _words(self.exclusions.text())
        settings.subreddits = [
            name.removeprefix("/r/").removeprefix("r/") for name in _words(self.subreddits.text())
        ]
        try:
            self.book.update_settings(account, settings)
        except Exception as exc:  # a bad value or the store: say which, keep the form
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("{0}: settings saved.").format(account.shown))
        self.refresh()
        self.changed.emit()
