"""Settings > AI drafts (issue #7): an optional OpenAI-compatible endpoint that drafts
replies for agents to edit. Off until someone turns it on.

The URL, model and limits are a workspace setting the team shares; the key is typed
into a password field and goes straight to this computer's OS keyring, filed under the
endpoint's origin. It is never read back into the dialog: the dialog only says whether
one is saved. Reading the settings, the keyring and the endpoint all happen off the
GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from socialdesk.ai import (
    EXAMPLE_URL,
    MAX_DRAFTS,
    MAX_TIMEOUT_S,
    MIN_TIMEOUT_S,
    AiError,
    AiSettings,
    AiSettingsBook,
    check_endpoint,
    key_name,
    read_key,
)
from socialdesk.secrets import SERVICE, KeyringUnavailable, SecretStore
from socialdesk.store import Store
from ui.library_dialog import ERROR_STYLE, Runner, plain_labels
from ui.tasks import error_line, run_task


@dataclass(frozen=True, slots=True)
class KeyState:
    """Whether a key is saved for an origin; ``problem``: why that cannot be told."""

    origin: str
    saved: bool = False
    problem: str = ""


@dataclass(frozen=True, slots=True)
class _Read:
    settings: AiSettings
    unreadable: str  # why the stored settings could not be read, or ""
    key: KeyState


class _TypedKey(KeyringBackend):
    """The key typed but not yet saved, for "Test connection": it answers for the
    endpoint being tested and for nothing else, and never writes anywhere."""

    priority = 0

    def __init__(self, username: str, key: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._username = username
        self._key = key

    def get_password(self, service: str, username: str) -> str | None:
        return self._key if (service, username) == (SERVICE, self._username) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("a typed key is not saved here")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("a typed key is not saved here")


def _key_state(secrets: SecretStore, settings: AiSettings) -> KeyState:
    """Runs on a pool thread. Only whether there is a key leaves it, never the key."""
    try:
        if not settings.url:
            secrets.check()  # no key to look for; but say now if none could be kept
            return KeyState("")
        return KeyState(settings.origin, saved=read_key(secrets, settings) is not None)
    except KeyringUnavailable as exc:
        return KeyState(settings.origin, problem=str(exc))


class AiDialog(QDialog):
    """Settings > AI drafts."""

    saved = Signal()  # the settings (or the key) changed: the composer offers drafts anew
    loaded = Signal()  # the settings and the key's state were read
    tested = Signal(bool)  # a connection test finished: whether it answered

    def __init__(
        self,
        book: AiSettingsBook,
        secrets: SecretStore,
        parent: QWidget | None = None,
        *,
        runner: Runner = run_task,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.secrets = secrets
        self.runner = runner
        self.busy = False
        self.testing = False
        self._loaded: AiSettings | None = None
        self._key = KeyState("")
        self.setWindowTitle(self.tr("AI drafts"))
        self.setAccessibleName(self.tr("AI drafts"))
        self.resize(720, 520)

        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Drafts from an OpenAI-compatible chat endpoint: a server on this computer "
                "(Ollama, llama.cpp) or a hosted one. Each draft is a suggestion an agent "
                "edits; nothing is sent as it is. The conversation drafted for goes to the "
                "endpoint."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.enabled = QCheckBox(self.tr("&Offer AI drafts in the composer"), self)
        self.enabled.setAccessibleName(self.tr("Offer AI drafts in the composer"))
        layout.addWidget(self.enabled)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.url = QLineEdit(self)
        self.url.setAccessibleName(self.tr("Endpoint URL"))
        self.url.setPlaceholderText(EXAMPLE_URL)
        self.model = QLineEdit(self)
        self.model.setAccessibleName(self.tr("Model"))
        self.model.setPlaceholderText("llama3.1:8b")
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(MIN_TIMEOUT_S, MAX_TIMEOUT_S)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(" s")
        self.timeout.setAccessibleName(self.tr("Timeout in seconds"))
        self.drafts = QSpinBox(self)
        self.drafts.setRange(1, MAX_DRAFTS)
        self.drafts.setAccessibleName(self.tr("Drafts each time"))
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.forget_button = QPushButton(self.tr("&Forget the key"), self)
        self.forget_button.setAutoDefault(False)
        self.forget_button.setAccessibleName(self.tr("Forget the key"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.forget_button)
        key_column = QVBoxLayout()
        key_column.addLayout(key_row)
        self.key_state = QLabel(self)
        self.key_state.setWordWrap(True)
        self.key_state.setAccessibleName(self.tr("Key state"))
        self.key_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_column.addWidget(self.key_state)
        key_label = QLabel(self.tr("API &key"), self)
        key_label.setBuddy(self.key)
        form.addRow(self.tr("Endpoint &URL"), self.url)
        form.addRow(self.tr("&Model"), self.model)
        form.addRow(self.tr("&Timeout"), self.timeout)
        form.addRow(self.tr("&Drafts each time"), self.drafts)
        form.addRow(key_label, key_column)
        layout.addLayout(form)

        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("Where the conversations go"))
        layout.addWidget(self.where)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.setAccessibleName(self.tr("Security warning"))
        layout.addWidget(self.warning)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test &connection"), self)
        self.test_button.setAutoDefault(False)
        self.test_button.setAccessibleName(self.tr("Test connection"))
        test_row.addWidget(self.test_button)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName(self.tr("Connection test result"))
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("AI settings problem"))
        layout.addWidget(self.error)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("AI settings status"))
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        assert save is not None and close is not None
        self.save_button = save
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAutoDefault(False)
        close.setAutoDefault(False)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        plain_labels(self)

        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.forget_button.clicked.connect(self.forget_key)
        self.url.textChanged.connect(self._check_url)
        self.url.editingFinished.connect(self._look_for_key)
        for edit in (self.url, self.model):
            edit.textChanged.connect(self._forget_test)
        self.key.textChanged.connect(self._show_key_state)
        self._set_busy(True)
        self.status.setText(self.tr("Reading the AI settings…"))
        self._load()

    # -- what is shown -------------------------------------------------------------------

    def _typed(self, *, enabled: bool | None = None) -> AiSettings:
        """The settings as typed (``AiError`` says what is wrong)."""
        return AiSettings(
            enabled=self.enabled.isChecked() if enabled is None else enabled,
            url=self.url.text(),
            model=self.model.text(),
            timeout_s=float(self.timeout.value()),
            max_drafts=self.drafts.value(),
        )

    def _fill(self, settings: AiSettings) -> None:
        self._loaded = settings
        self.enabled.setChecked(settings.enabled)
        self.url.setText(settings.url)
        self.model.setText(settings.model)
        self.timeout.setValue(settings.timeout_s)
        self.drafts.setValue(settings.max_drafts)
        self._check_url()

    def _check_url(self) -> None:
        """The URL as typed: where conversations would go, and a warning for plain http
        to another computer."""
        try:
            settings = AiSettings(url=self.url.text())
        except AiError as exc:
            self.where.clear()
            self.warning.setText(str(exc))
            self._show_key_state()
            return
        if not settings.url:
            self.where.setText(
                self.tr("No endpoint yet: give its base URL, such as {0}").format(EXAMPLE_URL)
            )
        elif settings.local:
            self.where.setText(self.tr("A server on this computer: conversations stay here."))
        else:
            self.where.setText(
                self.tr("Each conversation drafted for is sent to {0}.").format(settings.origin)
            )
        self.warning.setText(
            self.tr(
                "Warning: {0} is plain http to another computer. Customer messages (and any "
                "key) would cross the network unencrypted; use https if the server offers it."
            ).format(settings.origin)
            if settings.insecure
            else ""
        )
        self._show_key_state()

    def _origin(self) -> str:
        try:
            return AiSettings(url=self.url.text()).origin
        except AiError:
            return ""

    def _show_key_state(self) -> None:
        origin = self._origin()
        state = self._key
        if state.problem and origin in (state.origin, ""):
            text = self.tr("No key can be saved on this computer: {0}").format(state.problem)
        elif state.problem and origin == state.origin:
            text = self.tr("Cannot tell whether a key is saved: {0}").format(state.problem)
        elif self.key.text():
            text = self.tr("The key typed goes to the OS keyring when you save.")
        elif not origin:
            text = self.tr("Give the endpoint's URL first: a key belongs to one endpoint.")
        elif origin != state.origin and state.saved:
            text = self.tr(
                "The key saved for {0} is not sent to {1}: type one here if it needs one."
            ).format(state.origin, origin)
        elif origin != state.origin:
            text = self.tr(
                "Type the key for {0} here if it needs one (a server on this computer needs none)."
            ).format(origin)
        elif state.saved:
            text = self.tr(
                "A key is saved for {0} in the OS keyring. Type a new one to replace it."
            ).format(origin)
        else:
            text = self.tr(
                "No key is saved for {0} (a server on this computer needs none)."
            ).format(origin)
        self.key_state.setText(text)
        self.key.setPlaceholderText(
            self.tr("Saved: type to replace it")
            if state.saved and origin == state.origin
            else self.tr("Not shown again once saved")
        )
        self.forget_button.setEnabled(
            not self.busy and state.saved and origin == state.origin and not self.key.text()
        )

    def _forget_test(self) -> None:
        """A test's verdict is about what was typed then, not what is typed now."""
        if not self.testing:
            self.test_result.clear()

    def _look_for_key(self) -> None:
        """Whether a key is saved for the endpoint now typed (read off the GUI thread,
        once the URL field is left)."""
        try:
            settings = AiSettings(url=self.url.text())
        except AiError:
            return
        if not settings.url or settings.origin == self._key.origin:
            return
        secrets = self.secrets

        def done(state: KeyState) -> None:
            if state.origin == self._origin():
                self._key = state
                self._show_key_state()

        self.runner(lambda: _key_state(secrets, settings), done, lambda _error: None, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy and self._loaded is not None)
        self.test_button.setEnabled(not self.testing)
        self._show_key_state()

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    # -- reading, saving, testing --------------------------------------------------------

    def _load(self) -> None:
        book, secrets = self.book, self.secrets

        def read() -> _Read:
            try:
                settings, unreadable = book.get(), ""
            except AiError as exc:
                settings, unreadable = AiSettings(), str(exc)
            return _Read(settings, unreadable, _key_state(secrets, settings))

        def done(found: _Read) -> None:
            self._key = found.key
            self._fill(found.settings)
            self._set_busy(False)
            self._say("")
            if found.unreadable:
                self.error.setText(found.unreadable)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.save_button.setEnabled(False)  # nothing read: saving would overwrite blindly
            self.error.setText(self.tr("The AI settings could not be read: {0}").format(error))

        self.runner(read, done, failed, self)

    def save(self) -> None:
        if self.busy or self._loaded is None:
            return
        if self.enabled.isChecked() and not (self.url.text().strip() and self.model.text()):
            self.error.setText(
                self.tr("Not saved: AI drafts need the endpoint's URL and a model first.")
            )
            return
        try:
            settings = self._typed()
        except AiError as exc:
            self.error.setText(self.tr("Not saved: {0}").format(exc))
            return
        key = self.key.text().strip()
        if key and not settings.url:
            self.error.setText(self.tr("Not saved: give the endpoint's URL before its key."))
            return
        if key and any(c.isspace() or not c.isprintable() for c in key):
            self.error.setText(
                self.tr("Not saved: the key has spaces or control characters in it.")
            )
            return
        self.error.clear()
        book, secrets = self.book, self.secrets

        def write() -> tuple[str, KeyState]:
            book.set(settings)
            problem = ""
            if key:
                try:
                    secrets.set(*key_name(settings), key)
                except KeyringUnavailable as exc:
                    problem = str(exc)
            return problem, _key_state(secrets, settings)

        def done(result: tuple[str, KeyState]) -> None:
            problem, self._key = result
            self._loaded = settings
            # Saved or not, the key leaves the field: a secret stays in no widget longer
            # than it takes to save it.
            self.key.clear()
            self._set_busy(False)
            self._check_url()
            if problem:
                self.error.setText(
                    self.tr(
                        "The settings are saved, but the key is not: {0}. Type the key "
                        "again once the keyring works."
                    ).format(problem)
                )
                self._say("")
            else:
                self._say(
                    self.tr("Saved. AI drafts are on.")
                    if settings.enabled
                    else self.tr("Saved. AI drafts are off.")
                )
            self.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._say("")
            self.error.setText(
                self.tr("Not saved: {0}. What you typed is kept.").format(error_line(error))
            )

        self._set_busy(True)
        self._say(self.tr("Saving…"))
        self.runner(write, done, failed, self)

    def forget_key(self) -> None:
        if self.busy or self._loaded is None:
            return
        try:
            settings = self._typed(enabled=False)
        except AiError as exc:
            self.error.setText(str(exc))
            return
        secrets = self.secrets

        def work() -> KeyState:
            secrets.delete(*key_name(settings))
            return _key_state(secrets, settings)

        def done(state: KeyState) -> None:
            self._key = state
            self._set_busy(False)
            self._say(self.tr("Forgot the key for {0}.").format(settings.origin))
            self.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.error.setText(str(error))

        self._set_busy(True)
        self.runner(work, done, failed, self)

    def test(self) -> None:
        """Asks the endpoint as typed (saved or not) for a one-word answer, with the key
        typed, else the one saved for it."""
        if self.testing:
            return
        if not (self.url.text().strip() and self.model.text().strip()):
            self.test_result.setStyleSheet(ERROR_STYLE)
            self.test_result.setText(self.tr("Give the endpoint's URL and a model first."))
            return
        try:
            settings = self._typed(enabled=False)
        except AiError as exc:
            self.test_result.setStyleSheet(ERROR_STYLE)
            self.test_result.setText(str(exc))
            return
        key = self.key.text().strip()
        secrets = (
            SecretStore(_TypedKey(SecretStore.key(*key_name(settings)), key))
            if key
            else self.secrets
        )

        def done(model: Any) -> None:
            self.testing = False
            self._set_busy(self.busy)
            also = (
                self.tr(" (set as {0})").format(settings.model)
                if str(model) != settings.model
                else ""
            )
            self.test_result.setStyleSheet("")
            self.test_result.setText(
                self.tr("OK: {0} answers as {1}").format(settings.url, model) + also
            )
            self.tested.emit(True)

        def failed(error: BaseException) -> None:
            self.testing = False
            self._set_busy(self.busy)
            self.test_result.setStyleSheet(ERROR_STYLE)
            self.test_result.setText(self.tr("No answer: {0}").format(error))
            self.tested.emit(False)

        self.testing = True
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Asking {0}…").format(settings.url))
        self.runner(lambda: check_endpoint(settings, secrets), done, failed, self)


def open_ai(
    parent: QWidget | None, store: Store, secrets: SecretStore, runner: Runner = run_task
) -> AiDialog:
    """Opens Settings > AI drafts (window-modal, without blocking)."""
    dialog = AiDialog(AiSettingsBook(store), secrets, parent, runner=runner)
    dialog.open()
    return dialog
