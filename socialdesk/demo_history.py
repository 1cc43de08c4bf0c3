"""What the demo team did in the demo workspace: who took which conversation, how long
they had it open, and which they resolved, at the times it would have happened. The
messages alone (``socialdesk.demo``) give response times; this gives the wallboard and
the reports agents, handle times and resolutions to show.

Deterministic for the same conversations, and idempotent: a conversation that already
has an agent's event (assigned, handled, or a status an agent set) is left alone.
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from socialdesk import queue
from socialdesk.domain import utcnow
from socialdesk.store import Store

DEMO_AGENTS = ("Ayşe K.", "Ben O.", "Chloé D.", "Dev P.")
_AGENT_WEIGHTS = (0.34, 0.28, 0.22, 0.16)
_RESOLVE_SHARE = 0.7
_QUIET_BEFORE_RESOLVING = timedelta(hours=2)
_CHUNK = 500


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


def add_demo_history(store: Store, now: datetime | None = None) -> int:
    """Assigns answered demo conversations to the demo agents, records their handling,
    and resolves most of those that went quiet after the brand's last word. Returns how
    many conversations it touched."""
    now = now or utcnow()
    with store.session() as session:
        conn = session.connection()
        rows = conn.execute(
            text(
                "SELECT c.id, c.external_key, c.status, "
                "MIN(CASE WHEN m.direction = 'inbound' THEN m.created_at END), "
                "MIN(CASE WHEN m.direction = 'outbound' THEN m.created_at END), "
                "MAX(m.created_at), "
                "MAX(CASE WHEN m.direction = 'inbound' THEN m.created_at END) "
                "FROM conversations c JOIN messages m ON m.conversation_id = c.id "
                "WHERE c.assignee IS NULL AND NOT EXISTS (SELECT 1 FROM events e "
                "WHERE e.conversation_id = c.id AND (e.type IN ('assigned', 'handled') "
                "OR (e.type = 'status_changed' AND e.actor IS NOT NULL "
                "AND e.message_id IS NULL))) "
                "GROUP BY c.id, c.external_key, c.status"
            )
        ).all()
        events: list[dict[str, Any]] = []
        assigned: list[dict[str, Any]] = []
        resolved: list[int] = []
        for cid, key, status, first_in, first_out, last_at, last_in in rows:
            if first_in is None or first_out is None:
                continue
            first_in, first_out = _aware(first_in), _aware(first_out)
            last_at, last_in = _aware(last_at), _aware(last_in)
            rng = _rng(key)
            agent = rng.choices(DEMO_AGENTS, _AGENT_WEIGHTS)[0]
            taken = min(first_out - timedelta(seconds=20), first_in + timedelta(minutes=2))
            taken = max(taken, first_in)
            events.append(_event(cid, "assigned", taken, agent, {"from": None, "to": agent}))
            assigned.append({"agent": agent, "id": cid})
            handled = max(20.0, rng.lognormvariate(4.6, 0.6))  # a median of about 100 s
            composing = handled * rng.uniform(0.4, 0.8)
            events.append(
                _event(
                    cid,
                    "handled",
                    first_out,
                    agent,
                    {"seconds": round(handled, 1), "composing": round(composing, 1)},
                )
            )
            quiet = last_in is None or last_at > last_in
            closes_at = last_at + timedelta(minutes=rng.uniform(5, 90))
            if (
                status in ("new", "open")
                and quiet
                and now - last_at >= _QUIET_BEFORE_RESOLVING
                and closes_at < now
                and rng.random() < _RESOLVE_SHARE
            ):
                change = {"from": status, "to": "resolved", "why": "agent"}
                events.append(_event(cid, "status_changed", closes_at, agent, change))
                resolved.append(cid)
        if events:
            conn.execute(
                text(
                    "INSERT INTO events (conversation_id, message_id, type, at, actor, "
                    "response_seconds, data) VALUES (:cid, NULL, :type, :at, :actor, NULL, :data)"
                ),
                _bind(conn, events),
            )
        if assigned:
            conn.execute(
                text("UPDATE conversations SET assignee = :agent WHERE id = :id"), assigned
            )
        for start in range(0, len(resolved), _CHUNK):
            chunk = resolved[start : start + _CHUNK]
            conn.execute(
                text("UPDATE conversations SET status = 'resolved' WHERE id = :id"),
                [{"id": cid} for cid in chunk],
            )
        queue.refresh(conn, resolved, now)
        return len(assigned)


def _aware(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    moment: datetime = value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _event(cid: int, kind: str, at: datetime, actor: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"cid": cid, "type": kind, "at": at, "actor": actor, "data": json.dumps(data)}


def _bind(conn: Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Times as the ORM stores them: naive UTC text on SQLite, aware on PostgreSQL."""
    if conn.dialect.name != "sqlite":
        return events
    return [e | {"at": e["at"].astimezone(UTC).isoformat(" ", "microseconds")[:26]} for e in events]
