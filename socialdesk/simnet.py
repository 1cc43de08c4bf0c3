"""The demo workspace's network: replies to its accounts go here, not to X or Reddit.

A ``SimulatedNetwork`` takes replies the way a connector does (``send_reply``,
``find_reply``) and keeps what it was sent in a JSON file in the data folder, so the
outbox's exactly-once bookkeeping works across restarts as it does against a real
network. Nothing leaves the machine. It is only used for accounts the demo created
(``DEMO_SETTING``), never for a connected account.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network, utcnow
from socialdesk.replymatch import same_reply
from socialdesk.sources import FetchResult, Meter, SourceError

DEMO_SETTING = "demo"  # workspace_settings: {"accounts": [ids the demo created]}
FILENAME = "demo-network.json"
_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


def _lock_for(path: Path | None) -> threading.Lock:
    key = str(path) if path else ""
    with _guard:
        return _locks.setdefault(key, threading.Lock())


@dataclass(frozen=True, slots=True)
class SimulatedAccount:
    network: Network
    handle: str  # as stored ("nimbuscare")
    shown: str  # as written ("@NimbusCare")
    name: str


class SimulatedNetwork:
    """One demo account's side of the simulated network."""

    def __init__(
        self,
        account: SimulatedAccount,
        folder: Path | None,
        *,
        latency: float = 0.25,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.account = account
        self.network = account.network
        self.meter = Meter()
        self.path = folder / FILENAME if folder is not None else None
        self.latency = latency
        self.now = now
        self._memory: list[dict[str, Any]] = []

    # -- what a connector does ---------------------------------------------------------

    def streams(self) -> list[str]:
        return []

    def fetch(self, stream: str, cursor: str | None) -> FetchResult:
        return FetchResult([], stream, cursor)

    def acknowledge(self, stream: str) -> None:
        """Nothing to mark."""

    def whoami(self) -> str:
        return self.account.shown

    def send_reply(
        self, in_reply_to: IncomingMessage, text: str, *, private: bool = False
    ) -> IncomingMessage:
        if self.latency:
            time.sleep(self.latency)  # a network takes a moment; the outbox shows "sending"
        self.meter.requests += 1
        direct = private or in_reply_to.kind is MessageKind.DIRECT_MESSAGE
        post = {
            "id": f"sim-{uuid.uuid4().hex[:16]}",
            "account": self.account.handle,
            "in_reply_to": in_reply_to.external_id,
            "direct": direct,
            "text": text,
            "at": self.now().astimezone(UTC).isoformat(),
        }
        with _lock_for(self.path):
            posts = self._read()
            posts.append(post)
            self._write(posts)
        return self._message(in_reply_to, post)

    def find_reply(
        self,
        in_reply_to: IncomingMessage,
        text: str,
        since: datetime,
        until: datetime,
        *,
        private: bool = False,
    ) -> IncomingMessage | None:
        self.meter.requests += 1
        with _lock_for(self.path):
            posts = self._read()
        for post in posts:
            at = datetime.fromisoformat(post["at"])
            if (
                post["account"] == self.account.handle
                and post["in_reply_to"] == in_reply_to.external_id
                and same_reply(post["text"], text)
                and since <= at <= until
            ):
                return self._message(in_reply_to, post)
        return None

    # -- storage -------------------------------------------------------------------------

    def _read(self) -> list[dict[str, Any]]:
        if self.path is None:
            return self._memory
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise SourceError(
                f"the demo network's file {self.path} cannot be read: {exc}"
            ) from None
        return [post for post in raw.get("posts", []) if isinstance(post, dict)]

    def _write(self, posts: list[dict[str, Any]]) -> None:
        if self.path is None:
            self._memory = posts
            return
        temporary = self.path.with_suffix(".tmp")
        try:
            temporary.write_text(json.dumps({"posts": posts[-5000:]}), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as exc:
            raise SourceError(f"the demo network could not keep the reply: {exc}") from None

    def _message(self, in_reply_to: IncomingMessage, post: dict[str, Any]) -> IncomingMessage:
        direct = bool(post["direct"])
        public_thread = in_reply_to.kind is not MessageKind.DIRECT_MESSAGE
        return IncomingMessage(
            network=self.network,
            external_id=str(post["id"]),
            kind=MessageKind.DIRECT_MESSAGE if direct else MessageKind.REPLY,
            direction=Direction.OUTBOUND,
            author=Author(self.account.handle, self.account.shown, self.account.name),
            account=self.account.handle,
            created_at=datetime.fromisoformat(post["at"]),
            text=str(post["text"]),
            in_reply_to=in_reply_to.external_id,
            conversation=in_reply_to.conversation
            or (in_reply_to.external_id if public_thread else None),
            public=not direct,
        )
