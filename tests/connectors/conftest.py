"""Connected accounts on a real store, secrets in an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
import responses
from keyring.backend import KeyringBackend

from socialdesk.accounts import AccountBook
from socialdesk.secrets import SecretStore
from socialdesk.store import Store


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory (tests only)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def keyring_memory() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def secrets(keyring_memory: MemoryKeyring) -> SecretStore:
    return SecretStore(keyring_memory)


@pytest.fixture
def book(store: Store) -> AccountBook:
    return AccountBook(store)


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    """Every HTTP request must be answered by a registered response, in order."""
    with responses.RequestsMock(
        assert_all_requests_are_fired=True, registry=responses.registries.OrderedRegistry
    ) as mock:
        yield mock


@pytest.fixture
def os_keyring() -> Iterator[MemoryKeyring]:
    """The keyring the CLI finds (``keyring.get_keyring()``), for this test only."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        yield memory
    finally:
        keyring.set_keyring(previous)
