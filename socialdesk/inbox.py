"""The read side of the triage queue: plain rows straight from SQL, paged."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, func, select, text

from socialdesk.domain import ACTIVE_STATUSES, STATUS_FILTERS, utcnow
from socialdesk.models import Contact, Conversation, Message, UTCDateTime
from socialdesk.store import Store
from socialdesk.targets import (
    DEFAULT_TARGET_SECONDS,
    FALLBACK_TARGET_SECONDS,
    MAX_WAITING_POINTS,
    format_duration,
    target_seconds,
)


@dataclass(frozen=True, slots=True)
class InboxRow:
    id: int
    conversation_id: int
    network: str
    kind: str
    public: bool
    author_handle: str
    author_name: str
    author_followers: int | None
    text: str
    url: str
    created_at: datetime
    status: str
    assignee: str | None
    sentiment: float | None
    complaint: bool
    priority: int
    reasons: tuple[str, ...]
    awaiting_since: datetime | None
    intent: str = ""
    topic: str = ""

    def waiting_seconds(self, now: datetime) -> float | None:
        if self.awaiting_since is None:
            return None
        return max(0.0, (now - self.awaiting_since).total_seconds())

    def waiting_label(self, now: datetime) -> str:
        """'answered', '14 min', '3.5 h' or '2.1 d'."""
        seconds = self.waiting_seconds(now)
        return "answered" if seconds is None else format_duration(seconds)

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        now = now or utcnow()
        waiting = self.waiting_seconds(now)
        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "network": self.network,
            "kind": self.kind,
            "public": self.public,
            "author": {
                "handle": self.author_handle,
                "name": self.author_name,
                "followers": self.author_followers,
            },
            "text": self.text,
            "url": self.url,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "status": self.status,
            "assignee": self.assignee,
            "sentiment": self.sentiment,
            "complaint": self.complaint,
            "priority": self.priority,
            "reasons": list(self.reasons),
            "intent": self.intent,
            "topic": self.topic,
            "waiting_seconds": None if waiting is None else round(waiting),
        }


_TOKEN = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """Words only: search input is never passed through as query syntax."""
    return _TOKEN.findall(query.lower())[:16]


def _waited_seconds(dialect: str, now: datetime) -> Any:
    """Seconds since the oldest unanswered message, computed by the database."""
    at = bindparam("queue_now", now, type_=UTCDateTime())
    if dialect == "sqlite":
        return (func.julianday(at) - func.julianday(Conversation.awaiting_since)) * 86400.0
    return func.extract("epoch", at - Conversation.awaiting_since)


def _live_priority(dialect: str, now: datetime) -> Any:
    """Stored priority plus the waiting points as of now: overdue items climb."""
    target = case(
        *((Conversation.network == net, secs) for net, secs in DEFAULT_TARGET_SECONDS.items()),
        else_=FALLBACK_TARGET_SECONDS,
    )
    smaller = func.min if dialect == "sqlite" else func.least
    larger = func.max if dialect == "sqlite" else func.greatest
    # A clock running ahead (a timestamp from the future) waits zero, not less.
    waited = larger(0, _waited_seconds(dialect, now))
    points = smaller(MAX_WAITING_POINTS, waited * (MAX_WAITING_POINTS / 2) / target)
    live = smaller(100, Conversation.priority + points)
    # Spam does not climb by waiting.
    return case(
        (Conversation.awaiting_since.is_(None), Conversation.priority),
        (Message.intent == "spam", Conversation.priority),
        else_=live,
    )


def _base_query(live_priority: Any) -> Any:
    return (
        select(
            Message.id,
            Conversation.id,
            Message.network,
            Message.kind,
            Message.public,
            Message.author_handle,
            Message.author_name,
            Contact.followers,
            Message.text,
            Message.url,
            Message.created_at,
            Conversation.status,
            Conversation.assignee,
            Message.sentiment,
            Message.complaint,
            live_priority,
            Message.reasons,
            Conversation.awaiting_since,
            Message.intent,
            Message.topic,
        )
        .select_from(Conversation)
        .join(Message, Message.id == Conversation.last_inbound_message_id)
        .outerjoin(Contact, Contact.id == Message.contact_id)
    )


class Inbox:
    """Queries over the queue. Each call opens and closes its own connection."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _filtered(self, status: str, search: str, live: Any, waiting: bool = False) -> Any:
        if status not in STATUS_FILTERS:
            raise ValueError(f"unknown status filter {status!r}; use one of {STATUS_FILTERS}")
        stmt = _base_query(live)
        if status == "open":
            stmt = stmt.where(Conversation.status.in_([s.value for s in ACTIVE_STATUSES]))
        elif status != "all":
            stmt = stmt.where(Conversation.status == status)
        if waiting:
            stmt = stmt.where(Conversation.awaiting_since.is_not(None))
        terms = search_terms(search)
        if terms:
            stmt = stmt.where(self._conversation_matches(terms))
        return stmt

    def _conversation_matches(self, terms: list[str]) -> Any:
        if self.store.dialect == "sqlite":
            # Each word quoted and prefix-matched: nothing the user types is FTS syntax.
            match = " ".join(f'"{term}"*' for term in terms)
            hits = text(
                "SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid "
                "WHERE messages_fts MATCH :match"
            ).bindparams(match=match)
        else:
            tsquery = " & ".join(f"{term}:*" for term in terms)
            hits = text(
                "SELECT conversation_id FROM messages "
                "WHERE search_vector @@ to_tsquery('simple', :tsquery)"
            ).bindparams(tsquery=tsquery)
        return Conversation.id.in_(hits.columns(Message.conversation_id))

    def page(
        self,
        *,
        status: str = "open",
        search: str = "",
        offset: int = 0,
        limit: int = 100,
        now: datetime | None = None,
    ) -> list[InboxRow]:
        """Highest priority first; among equals, whoever has waited longest."""
        now = now or utcnow()
        live = _live_priority(self.store.dialect, now)
        stmt = (
            self._filtered(status, search, live)
            .order_by(
                Conversation.awaiting_since.is_(None),
                live.desc(),
                Conversation.awaiting_since.asc(),
                Conversation.id.asc(),
            )
            .offset(offset)
            .limit(limit)
        )
        with self.store.connect() as conn:
            return [_row(r, now) for r in conn.execute(stmt)]

    def count(self, *, status: str = "open", search: str = "", waiting: bool = False) -> int:
        """How many conversations; with ``waiting``, only those whose customer awaits a reply."""
        # Counting needs no waiting points: the stored priority stands in for the live one.
        filtered = self._filtered(status, search, Conversation.priority, waiting)
        stmt = select(func.count()).select_from(filtered.subquery())
        with self.store.connect() as conn:
            return int(conn.execute(stmt).scalar_one())


def _row(r: Any, now: datetime) -> InboxRow:
    return InboxRow(
        id=r[0],
        conversation_id=r[1],
        network=r[2],
        kind=r[3],
        public=bool(r[4]),
        author_handle=r[5],
        author_name=r[6],
        author_followers=r[7],
        text=r[8],
        url=r[9],
        created_at=r[10],
        status=r[11],
        assignee=r[12],
        sentiment=r[13],
        complaint=bool(r[14]),
        priority=round(r[15]),
        reasons=tuple(json.loads(r[16])) + _waiting_reason(r[2], r[17], now, r[18]),
        awaiting_since=r[17],
        intent=r[18] or "",
        topic=r[19] or "",
    )


def _waiting_reason(
    network: str, since: datetime | None, now: datetime, intent: str | None
) -> tuple[str, ...]:
    if since is None or intent == "spam":
        return ()
    waited = max(0.0, (now - since).total_seconds())
    return (
        f"waiting {format_duration(waited)}, target {format_duration(target_seconds(network))}",
    )
