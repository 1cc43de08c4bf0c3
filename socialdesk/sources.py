"""Ports: what the core needs from a network, and how it finds the adapters.

Adapters live in the top-level ``connectors`` package and register under the
entry-point group ``socialdesk.connectors``; the core never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import entry_points
from typing import Any, Protocol

from socialdesk.domain import IncomingMessage, Network

CONNECTOR_GROUP = "socialdesk.connectors"
LOGIN_GROUP = "socialdesk.logins"
GUI_GROUP = "socialdesk.gui"


# -- what went wrong, in terms an agent can act on -----------------------------------------


class SourceError(Exception):
    """A network refused or failed a request. ``state`` is what the account shows;
    the message says what to do. Never carries a secret."""

    state = "error"

    def __init__(self, message: str, *, requests: int = 0) -> None:
        super().__init__(message)
        self.requests = requests


class AuthError(SourceError):
    """The token expired or was revoked: the account needs reconnecting."""

    state = "needs_reconnecting"


class PlanError(SourceError):
    """The account's API plan or app permissions do not include this endpoint."""

    state = "plan_missing"


class RateLimited(SourceError):
    """Too many requests: nothing more until ``until``."""

    state = "rate_limited"

    def __init__(self, message: str, until: datetime, *, requests: int = 0) -> None:
        super().__init__(message, requests=requests)
        self.until = until


class NetworkDown(SourceError):
    """No connection, a timeout or a server error: try again later, nothing is lost.

    ``delivered_maybe`` is False only when the request cannot have reached the network
    (no connection could be made): a reply that failed so is simply sent again. After a
    timeout, a reset or a server error the network may have taken it, and the outbox
    looks before sending again."""

    state = "offline"

    def __init__(self, message: str, *, requests: int = 0, delivered_maybe: bool = True) -> None:
        super().__init__(message, requests=requests)
        self.delivered_maybe = delivered_maybe


class MalformedResponse(SourceError):
    """A whole response could not be read (truncated JSON, say). ``raw`` keeps it."""

    state = "malformed"

    def __init__(self, message: str, raw: str, *, requests: int = 0) -> None:
        super().__init__(message, requests=requests)
        self.raw = raw


# -- what a poll brings back -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quarantined:
    """One item that could not be read, with its raw JSON and why."""

    raw: str
    reason: str


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One poll of one stream: the items and the cursor that covers them. ``cursor``
    None leaves the stored cursor as it is."""

    items: list[IncomingMessage]
    stream: str
    cursor: str | None
    quarantined: list[Quarantined] = field(default_factory=list)
    # Set when the connector stopped early for a rate limit: what it read is stored
    # with ``cursor``, and the account waits until then.
    until: datetime | None = None
    note: str = ""


@dataclass(slots=True)
class Meter:
    """Requests a connector made and the credits they are estimated to cost."""

    requests: int = 0
    credits: float = 0.0

    def take(self) -> tuple[int, float]:
        taken = (self.requests, self.credits)
        self.requests, self.credits = 0, 0.0
        return taken


class Connector(Protocol):
    network: Network
    meter: Meter

    def streams(self) -> list[str]:
        """What one sync polls, in order ("mentions", "direct_messages", ...)."""
        ...

    def fetch(self, stream: str, cursor: str | None) -> FetchResult: ...

    def acknowledge(self, stream: str) -> None:
        """The items of the last ``fetch`` of ``stream`` are stored (Reddit marks them
        read, and lets its comment streams move on)."""
        ...

    def whoami(self) -> str:
        """Checks the connection: the account's handle as the network knows it."""
        ...

    def send_reply(
        self, in_reply_to: IncomingMessage, text: str, *, private: bool = False
    ) -> IncomingMessage:
        """Sends ``text`` as the account's reply to ``in_reply_to`` (``private``: as a
        direct message to its author instead, for a public message). Returns the sent
        message as the network stored it."""
        ...

    def find_reply(
        self,
        in_reply_to: IncomingMessage,
        text: str,
        since: datetime,
        until: datetime,
        *,
        private: bool = False,
    ) -> IncomingMessage | None:
        """The account's reply to ``in_reply_to`` with this text, posted between
        ``since`` and ``until``, if the network has it: how the outbox learns whether an
        attempt whose outcome is unknown went out. Raises ``SourceError`` when it cannot
        tell (never None then)."""
        ...


def _load_group(group: str) -> dict[str, Callable[..., Any]]:
    loaded: dict[str, Callable[..., Any]] = {}
    found: Iterable[Any] = entry_points(group=group)
    for entry in found:
        loaded[entry.name] = entry.load()
    return loaded


def available_connectors() -> dict[str, Callable[..., Connector]]:
    """Connector factories by name, as installed packages declare them."""
    return _load_group(CONNECTOR_GROUP)


def available_logins() -> dict[str, Callable[..., Any]]:
    """Browser sign-in flows by network (X: OAuth 2.0 with PKCE), as installed."""
    return _load_group(LOGIN_GROUP)


def desktop_app() -> Callable[..., int] | None:
    """The desktop app's entry, if the ui package is installed."""
    apps = _load_group(GUI_GROUP)
    return apps.get("desktop")
