"""Account secrets in the OS keyring, and nowhere else.

Each secret is stored under the service ``socialdesk`` with the name
``NETWORK:HANDLE:FIELD`` (``x:@nimbuscare:access_token``). When no keyring backend
works, every call raises ``KeyringUnavailable`` with what to do about it: there is no
silent fallback to a file. Error messages name the field, never its value.
"""

from __future__ import annotations

import os

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "socialdesk"

HOW_TO_FIX = (
    "install and unlock a Secret Service provider (GNOME Keyring or KWallet on Linux; "
    "macOS and Windows have one built in), or choose a backend with the "
    "PYTHON_KEYRING_BACKEND environment variable"
)


class KeyringUnavailable(Exception):
    """No OS keyring to keep secrets in (or it is locked)."""


def _plain_file(name: str) -> bool:
    """A backend that keeps secrets readable in a file (keyrings.alt's PlaintextKeyring)."""
    return "plaintext" in name.lower()


def _backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


class SecretStore:
    """The secrets of connected accounts."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def check(self) -> str:
        """The backend's name, or ``KeyringUnavailable`` if it cannot keep secrets."""
        backend = self.backend
        name = _backend_name(backend)
        if name.startswith("keyring.backends.fail") or name.startswith("keyring.backends.null"):
            raise KeyringUnavailable(f"no OS keyring is available to keep secrets: {HOW_TO_FIX}")
        chosen = os.environ.get("PYTHON_KEYRING_BACKEND", "")
        if _plain_file(name) and self._backend is None and not chosen:
            raise KeyringUnavailable(
                f"the only keyring available ({name}) keeps secrets in a file anyone who can "
                f"read your files can read: {HOW_TO_FIX}; to use it anyway, choose it with "
                "PYTHON_KEYRING_BACKEND"
            )
        return name

    @staticmethod
    def key(network: str, handle: str, field: str) -> str:
        return f"{network}:{handle}:{field}"

    def get(self, network: str, handle: str, field: str) -> str | None:
        self.check()
        try:
            return self.backend.get_password(SERVICE, self.key(network, handle, field))
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(self._failed("read", field, exc)) from None

    def set(self, network: str, handle: str, field: str, value: str) -> None:
        self.check()
        try:
            self.backend.set_password(SERVICE, self.key(network, handle, field), value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(self._failed("save", field, exc)) from None

    def delete(self, network: str, handle: str, field: str) -> None:
        self.check()
        try:
            self.backend.delete_password(SERVICE, self.key(network, handle, field))
        except keyring.errors.PasswordDeleteError:
            pass  # not there: nothing to remove
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(self._failed("remove", field, exc)) from None

    def _failed(self, verb: str, field: str, exc: keyring.errors.KeyringError) -> str:
        locked = isinstance(exc, keyring.errors.KeyringLocked)
        why = "the keyring is locked" if locked else type(exc).__name__
        name = field.replace("_", " ")
        return f"could not {verb} the {name} in the OS keyring ({why}): {HOW_TO_FIX}"
