"""Settings > Brand voice (issue #7): how each account's replies sound, how long they may
be, and whether it acknowledges messages that arrive while the team is away.

The workspace default, or one brand account, at a time. Reads and writes run off the
GUI thread; nothing is written until Save, and a refused save (a misspelt token, a
limit past what the network takes) is explained under the form with everything typed
kept. Switching to another account with unsaved edits asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from socialdesk.acknowledge import (
    MAX_PER_HOUR,
    AcknowledgeError,
    Acknowledger,
    AckSettings,
)
from socialdesk.policies import PolicyBook
from socialdesk.store import Store
from socialdesk.tokens import KNOWN_TOKENS
from socialdesk.voice import (
    EMOJI_POLICIES,
    FORMALITIES,
    NETWORK_LIMITS,
    BrandVoice,
    VoiceBook,
    VoiceError,
)
from ui.labels import number_label
from ui.library_dialog import ERROR_STYLE, Runner, lines_of, plain_labels
from ui.service_levels import network_label
from ui.tasks import error_line, run_task

VoiceRead = tuple[BrandVoice, str, AckSettings | None]


class VoiceDialog(QDialog):
    """Settings > Brand voice."""

    saved = Signal()  # a voice or an acknowledgement setting was written
    loaded = Signal()  # the chosen voice was read and shown

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, runner: Runner = run_task
    ) -> None:
        super().__init__(parent)
        self.book = VoiceBook(store)
        self.acknowledger = Acknowledger(store)
        self.policies = PolicyBook(store)
        self.runner = runner
        self.busy = False
        self._accounts: list[tuple[int, str, str]] = []
        self._account: int | None = None  # whose voice the form shows (None: the workspace)
        self._loaded: BrandVoice | None = None
        self._source = ""  # "account", "workspace" or "shipped"
        self._ack: AckSettings | None = None
        self._snapshot: tuple[Any, ...] = ()
        self.setWindowTitle(self.tr("Brand voice"))
        self.setAccessibleName(self.tr("Brand voice"))
        self.resize(1040, 760)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.account = QComboBox(self)
        self.account.setAccessibleName(self.tr("Whose voice"))
        self.account.setMinimumWidth(320)
        # The longest account name shows whole (the dialog's width allowing).
        self.account.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        account_label = QLabel(self.tr("&Voice of"), self)
        account_label.setBuddy(self.account)
        top.addWidget(account_label)
        top.addWidget(self.account)
        self.source = QLabel(self)
        self.source.setAccessibleName(self.tr("Where the voice comes from"))
        self.source.setWordWrap(True)
        top.addWidget(self.source, 1)
        layout.addLayout(top)

        columns = QHBoxLayout()
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.brand = QLineEdit(self)
        self.brand.setAccessibleName(self.tr("Brand name"))
        self.brand.setPlaceholderText(self.tr("Empty: the account's own name"))
        self.persona = self._text(self.tr("Persona"), 4)
        self.formality = QComboBox(self)
        self.formality.setAccessibleName(self.tr("Formality"))
        formalities = {
            "casual": self.tr("Casual"),
            "neutral": self.tr("Neutral"),
            "formal": self.tr("Formal"),
        }
        for value in FORMALITIES:
            self.formality.addItem(formalities.get(value, value), value)
        self.emoji = QComboBox(self)
        self.emoji.setAccessibleName(self.tr("Emoji"))
        emoji = {
            "none": self.tr("None"),
            "sparing": self.tr("Sparingly"),
            "free": self.tr("Freely"),
        }
        for value in EMOJI_POLICIES:
            self.emoji.addItem(emoji.get(value, value), value)
        self.greetings = self._text(self.tr("Greetings, one a line"), 3)
        self.sign_off = QLineEdit(self)
        self.sign_off.setAccessibleName(self.tr("Sign-off"))
        self.thanks = self._text(self.tr("Thanks, one a line"), 3)
        left.addRow(self.tr("&Brand name"), self.brand)
        left.addRow(self.tr("&Persona"), self.persona)
        left.addRow(self.tr("&Formality"), self.formality)
        left.addRow(self.tr("&Emoji"), self.emoji)
        left.addRow(self.tr("&Greetings"), self.greetings)
        left.addRow(self.tr("Sig&n-off"), self.sign_off)
        left.addRow(self.tr("T&hanks"), self.thanks)

        self.apologies = self._text(self.tr("Apologies, one a line"), 3)
        self.empathy = self._text(self.tr("Empathy, one a line"), 3)
        self.prefer = self._text(self.tr("Words to prefer, one a line"), 3)
        self.avoid = self._text(self.tr("Words to avoid, one a line"), 6)
        self.public_details = self._text(self.tr("Public contact details, one a line"), 2)
        right.addRow(self.tr("&Apologies"), self.apologies)
        right.addRow(self.tr("E&mpathy"), self.empathy)
        right.addRow(self.tr("Prefe&r"), self.prefer)
        right.addRow(self.tr("Av&oid"), self.avoid)
        right.addRow(self.tr("P&ublic details"), self.public_details)
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)

        bottom = QFormLayout()
        bottom.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        limits = QGridLayout()
        limits.setHorizontalSpacing(8)
        names = {
            "x": self.tr("X post"),
            "x_dm": self.tr("X direct message"),
            "reddit": self.tr("Reddit comment"),
            "reddit_dm": self.tr("Reddit private message"),
        }
        self.limits: dict[str, QSpinBox] = {}
        for number, (key, most) in enumerate(NETWORK_LIMITS.items()):
            spin = QSpinBox(self)
            spin.setRange(1, most)
            spin.setGroupSeparatorShown(True)
            name = names.get(key, key)
            spin.setAccessibleName(self.tr("{0}: most characters").format(name))
            spin.setToolTip(
                self.tr("At most {0} characters on this network").format(number_label(most))
            )
            label = QLabel(name, self)
            label.setBuddy(spin)
            limits.addWidget(label, 0, 2 * number)
            limits.addWidget(spin, 0, 2 * number + 1)
            self.limits[key] = spin
        limits.setColumnStretch(2 * len(NETWORK_LIMITS), 1)
        self.out_of_hours = self._text(self.tr("Out-of-hours text"), 2, grow=False)
        bottom.addRow(self.tr("Length limits"), limits)
        bottom.addRow(self.tr("Out-of-hours te&xt"), self.out_of_hours)
        layout.addLayout(bottom)
        tokens = ", ".join("{" + token + "}" for token in KNOWN_TOKENS)
        self.hint = QLabel(
            self.tr(
                "Greetings, apologies, empathy, thanks, the sign-off and the out-of-hours "
                "text may use these tokens: {0}. Words to prefer and avoid guide the "
                "drafts and the checks; public contact details may appear in a public "
                "reply without a personal-data warning."
            ).format(tokens),
            self,
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.ack_box = QGroupBox(self.tr("Out-of-hours acknowledgement"), self)
        ack_layout = QVBoxLayout(self.ack_box)
        ack_row = QHBoxLayout()
        self.ack_enabled = QCheckBox(
            self.tr("Ac&knowledge messages that arrive while the team is away"), self.ack_box
        )
        self.ack_enabled.setAccessibleName(self.tr("Out-of-hours acknowledgement on"))
        self.per_hour = QSpinBox(self.ack_box)
        self.per_hour.setRange(1, MAX_PER_HOUR)
        self.per_hour.setAccessibleName(self.tr("Acknowledgements an hour at most"))
        per_hour_label = QLabel(self.tr("A&t most"), self.ack_box)
        per_hour_label.setBuddy(self.per_hour)
        ack_row.addWidget(self.ack_enabled)
        ack_row.addSpacing(24)
        ack_row.addWidget(per_hour_label)
        ack_row.addWidget(self.per_hour)
        ack_row.addWidget(QLabel(self.tr("an hour for this account"), self.ack_box))
        ack_row.addStretch(1)
        ack_layout.addLayout(ack_row)
        self.ack_hint = QLabel(
            self.tr(
                "Sends the out-of-hours text above once per conversation, outside the "
                "business hours of Settings > Service levels; never to spam, and never "
                "once an agent has answered."
            ),
            self.ack_box,
        )
        self.ack_hint.setWordWrap(True)
        ack_layout.addWidget(self.ack_hint)
        layout.addWidget(self.ack_box)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Voice problem"))
        layout.addWidget(self.error)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Brand voice status"))
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self._button(self.tr("&Save"), self.save)
        self.reset_button = self._button(self.tr("Reset to &default…"), self.reset)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        plain_labels(self)

        self.account.currentIndexChanged.connect(self._on_account_chosen)
        self._set_busy(True)
        self._say(self.tr("Reading the brand voice…"))
        self._load_accounts()

    def _text(self, name: str, rows: int, grow: bool = True) -> QPlainTextEdit:
        """A text of several lines; ``grow``: it shares the room the dialog has spare."""
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        height = edit.fontMetrics().lineSpacing() * rows + 14
        if grow:
            edit.setMinimumHeight(height)
        else:
            edit.setFixedHeight(height)
        return edit

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    # -- the form ------------------------------------------------------------------------

    def _raw(self) -> tuple[Any, ...]:
        return (
            self.brand.text(),
            self.persona.toPlainText(),
            self.formality.currentData(),
            self.emoji.currentData(),
            self.greetings.toPlainText(),
            self.sign_off.text(),
            self.thanks.toPlainText(),
            self.apologies.toPlainText(),
            self.empathy.toPlainText(),
            self.prefer.toPlainText(),
            self.avoid.toPlainText(),
            self.public_details.toPlainText(),
            tuple(spin.value() for spin in self.limits.values()),
            self.out_of_hours.toPlainText(),
            self.ack_enabled.isChecked(),
            self.per_hour.value(),
        )

    def dirty(self) -> bool:
        return self._raw() != self._snapshot

    def _fill(self, voice: BrandVoice, source: str, ack: AckSettings | None) -> None:
        self._loaded, self._source, self._ack = voice, source, ack
        self.brand.setText(voice.brand)
        self.persona.setPlainText(voice.persona)
        self.formality.setCurrentIndex(max(0, self.formality.findData(voice.formality)))
        self.emoji.setCurrentIndex(max(0, self.emoji.findData(voice.emoji)))
        self.greetings.setPlainText("\n".join(voice.greetings))
        self.sign_off.setText(voice.sign_off)
        self.thanks.setPlainText("\n".join(voice.thanks))
        self.apologies.setPlainText("\n".join(voice.apologies))
        self.empathy.setPlainText("\n".join(voice.empathy))
        self.prefer.setPlainText("\n".join(voice.prefer))
        self.avoid.setPlainText("\n".join(voice.avoid))
        self.public_details.setPlainText("\n".join(voice.public_details))
        for key, spin in self.limits.items():
            spin.setValue(voice.limits.get(key, NETWORK_LIMITS[key]))
        self.out_of_hours.setPlainText(voice.out_of_hours)
        shown = ack or AckSettings()
        self.ack_enabled.setChecked(shown.enabled)
        self.per_hour.setValue(shown.per_hour)
        self.ack_box.setVisible(self._account is not None)
        for edit in (self.brand, self.sign_off):
            edit.setCursorPosition(0)
        self.error.clear()
        self._snapshot = self._raw()
        self._show_source()
        self._enable()

    def _show_source(self) -> None:
        if self._account is None:
            text = (
                self.tr("Every account without a voice of its own speaks in this one.")
                if self._source == "workspace"
                else self.tr(
                    "The shipped default, which every account speaks in until the workspace "
                    "has its own: save to make it so."
                )
            )
        elif self._source == "account":
            text = self.tr("This account has a voice of its own.")
        elif self._source == "workspace":
            text = self.tr(
                "This account speaks in the workspace default; save to give it a voice of its own."
            )
        else:
            text = self.tr(
                "This account speaks in the shipped default; save to give it a voice of its own."
            )
        self.source.setText(text)

    def voice(self) -> BrandVoice:
        """What the form holds, checked (``VoiceError`` says what is wrong)."""
        return BrandVoice(
            brand=self.brand.text(),
            persona=self.persona.toPlainText(),
            formality=str(self.formality.currentData()),
            greetings=lines_of(self.greetings.toPlainText()),
            sign_off=self.sign_off.text(),
            emoji=str(self.emoji.currentData()),
            prefer=lines_of(self.prefer.toPlainText()),
            avoid=lines_of(self.avoid.toPlainText()),
            apologies=lines_of(self.apologies.toPlainText()),
            empathy=lines_of(self.empathy.toPlainText()),
            thanks=lines_of(self.thanks.toPlainText()),
            limits={key: spin.value() for key, spin in self.limits.items()},
            out_of_hours=self.out_of_hours.toPlainText(),
            public_details=lines_of(self.public_details.toPlainText()),
        )

    def acknowledgement(self) -> AckSettings | None:
        """The account's out-of-hours setting as the form holds it (None: the workspace
        is chosen, which has none)."""
        if self._account is None:
            return None
        return AckSettings(enabled=self.ack_enabled.isChecked(), per_hour=self.per_hour.value())

    def _own(self) -> bool:
        return self._source == ("workspace" if self._account is None else "account")

    def _enable(self) -> None:
        loaded = self._loaded is not None
        self.save_button.setEnabled(not self.busy and loaded)
        self.reset_button.setEnabled(not self.busy and loaded and self._own())
        self.account.setEnabled(not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _report(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def _label(self) -> str:
        if self._account is None:
            return self.tr("the workspace default")
        shown = {id_: f"{network_label(net)} {name}" for id_, net, name in self._accounts}
        return shown.get(self._account, str(self._account))

    # -- reading -------------------------------------------------------------------------

    def _load_accounts(self) -> None:
        policies = self.policies

        def done(accounts: list[tuple[int, str, str]]) -> None:
            self._accounts = accounts
            self.account.blockSignals(True)
            self.account.clear()
            self.account.addItem(self.tr("Workspace default (every account without its own)"))
            for _id, network, name in accounts:
                self.account.addItem(f"{network_label(network)} {name}")
            self.account.blockSignals(False)
            self._load(None)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._report(self.tr("The accounts could not be read: {0}").format(error))

        self.runner(policies.accounts, done, failed, self)

    def _load(self, account_id: int | None) -> None:
        book, acknowledger = self.book, self.acknowledger

        def read() -> VoiceRead:
            voice, source = book.resolve(account_id)
            ack = acknowledger.settings(account_id) if account_id is not None else None
            return voice, source, ack

        def done(found: VoiceRead) -> None:
            self._set_busy(False)
            self._account = account_id
            self._say("")
            self._fill(*found)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._select(self._account)
            self._report(self.tr("The voice could not be read: {0}").format(error))

        self._set_busy(True)
        self.runner(read, done, failed, self)

    def choose(self, account_id: int | None) -> None:
        """Shows an account's voice (None: the workspace default), as picking it would."""
        self.account.setCurrentIndex(self._index(account_id))

    def _index(self, account_id: int | None) -> int:
        ids = [account[0] for account in self._accounts]
        return 0 if account_id is None else 1 + ids.index(account_id)

    def _select(self, account_id: int | None) -> None:
        self.account.blockSignals(True)
        self.account.setCurrentIndex(self._index(account_id))
        self.account.blockSignals(False)

    def _on_account_chosen(self, index: int) -> None:
        wanted = None if index <= 0 else self._accounts[index - 1][0]
        if wanted == self._account and self._loaded is not None:
            return
        if self.dirty() and not self._may_drop():
            self._select(self._account)
            return
        self._load(wanted)

    def _may_drop(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Drop your unsaved changes to the voice of {0}?").format(self._label()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- writing -------------------------------------------------------------------------

    def save(self) -> None:
        if self.busy or self._loaded is None:
            return
        try:
            voice = self.voice()
            ack = self.acknowledgement()
        except (VoiceError, AcknowledgeError) as exc:
            self.error.setText(self.tr("Not saved: {0}").format(exc))
            return
        self.error.clear()
        account_id = self._account
        write_voice = voice != self._loaded
        write_ack = ack is not None and ack != self._ack
        if not (write_voice or write_ack):
            self._snapshot = self._raw()
            self._say(self.tr("Nothing to save: this is the voice in force."))
            return
        book, acknowledger = self.book, self.acknowledger

        def write() -> None:
            if write_voice:
                book.set(account_id, voice)
            if write_ack and ack is not None and account_id is not None:
                acknowledger.set(account_id, ack)

        def done(_result: Any) -> None:
            self._set_busy(False)
            if account_id != self._account:
                return
            source = self._source
            if write_voice:
                source = "workspace" if account_id is None else "account"
            self._fill(voice, source, ack if write_ack else self._ack)
            self._say(self.tr("Saved the voice of {0}.").format(self._label()))
            self.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.error.setText(
                self.tr("Not saved: {0}. What you typed is kept.").format(error_line(error))
            )

        self._set_busy(True)
        self._say(self.tr("Saving…"))
        self.runner(write, done, failed, self)

    def reset(self) -> None:
        if self.busy or not self._own():
            return
        account_id = self._account
        question = (
            self.tr(
                "Drop the workspace's own default voice? Accounts without their own then "
                "speak in the shipped default."
            )
            if account_id is None
            else self.tr("Drop the voice of {0}? It then speaks in the workspace default.").format(
                self._label()
            )
        )
        answer = QMessageBox.question(
            self,
            self.tr("Reset to default"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        book = self.book
        kept_ack = self._ack

        def work() -> tuple[BrandVoice, str]:
            book.reset(account_id)
            return book.resolve(account_id)

        def done(found: tuple[BrandVoice, str]) -> None:
            self._set_busy(False)
            if account_id != self._account:
                return
            self._fill(found[0], found[1], kept_ack)
            self._say(self.tr("{0} is back to the default voice.").format(self._label()))
            self.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._report(self.tr("Not reset: {0}").format(error))

        self._set_busy(True)
        self._say(self.tr("Resetting…"))
        self.runner(work, done, failed, self)

    def reject(self) -> None:
        if self.dirty() and self._loaded is not None and not self._may_drop():
            return
        super().reject()


def open_voice(parent: QWidget | None, store: Store, runner: Runner = run_task) -> VoiceDialog:
    """Opens Settings > Brand voice (window-modal, without blocking)."""
    dialog = VoiceDialog(store, parent, runner=runner)
    dialog.open()
    return dialog
