"""Ports: what the core needs from a network, and how it finds the adapters.

Adapters live in the top-level ``connectors`` package and register under the
entry-point group ``socialdesk.connectors``; the core never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol

from socialdesk.domain import IncomingMessage, Network

CONNECTOR_GROUP = "socialdesk.connectors"
GUI_GROUP = "socialdesk.gui"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One poll of one stream: the items and the cursor that covers them."""

    items: list[IncomingMessage]
    stream: str
    cursor: str | None


class Connector(Protocol):
    network: Network

    def fetch(self, stream: str, cursor: str | None) -> FetchResult: ...

    def send_reply(self, in_reply_to: IncomingMessage, text: str) -> IncomingMessage: ...


def _load_group(group: str) -> dict[str, Callable[..., Any]]:
    loaded: dict[str, Callable[..., Any]] = {}
    found: Iterable[Any] = entry_points(group=group)
    for entry in found:
        loaded[entry.name] = entry.load()
    return loaded


def available_connectors() -> dict[str, Callable[..., Connector]]:
    """Connector factories by name, as installed packages declare them."""
    return _load_group(CONNECTOR_GROUP)


def desktop_app() -> Callable[..., int] | None:
    """The desktop app's entry, if the ui package is installed."""
    apps = _load_group(GUI_GROUP)
    return apps.get("desktop")
