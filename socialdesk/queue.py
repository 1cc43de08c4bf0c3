"""The triage queue's order, kept by the database.

A conversation's place is its *live priority*: the priority of its latest
customer message plus waiting points that grow with the time it has waited
against its channel's target (``socialdesk.targets``), so overdue items climb.
Sorting a million conversations by a value that changes every second cannot be
done per page, so each conversation stores ``queue_priority``, its live priority
as of the last time it was worked out, and the generated ``queue_rank`` that the
inbox's indexes read in order (migration 0005).

Waiting points stop growing at twice the target. So only conversations that
started waiting less than ``AGE_WINDOW`` ago can move, and ``age`` works out
just those (plus any that crossed that line since the last time). Ingestion
writes the value for what it touches; ``refresh`` does it for named
conversations after anything else changes their priority or latest message.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, case, cast, func, select, update
from sqlalchemy import Integer as SqlInteger

from socialdesk.domain import WORKING_STATUSES
from socialdesk.models import Conversation, Message, QueueState, UTCDateTime
from socialdesk.store import Store
from socialdesk.targets import (
    DEFAULT_TARGET_SECONDS,
    FALLBACK_TARGET_SECONDS,
    MAX_WAITING_POINTS,
    target_seconds,
)

# Waiting points are full at twice the target; past that a conversation's place is fixed.
AGE_WINDOW = timedelta(seconds=2 * max(*DEFAULT_TARGET_SECONDS.values(), FALLBACK_TARGET_SECONDS))
_CHUNK = 500


def waiting_points(waited_seconds: float, network: str) -> float:
    """Half the points at the target, all of them at twice the target."""
    waited = max(0.0, waited_seconds)
    return min(MAX_WAITING_POINTS, waited * (MAX_WAITING_POINTS / 2) / target_seconds(network))


def live_priority(priority: int, waited_seconds: float | None, network: str, intent: str) -> int:
    """Priority with the waiting points. Spam does not climb by waiting; nothing passes
    100. Rounded half up, as the database rounds it."""
    if waited_seconds is None or intent == "spam":
        return priority
    return math.floor(min(100.0, priority + waiting_points(waited_seconds, network)) + 0.5)


def _live_sql(dialect: str, now: datetime) -> Any:
    """``live_priority`` for every conversation row at once."""
    at = bindparam("queue_now", now, type_=UTCDateTime())
    if dialect == "sqlite":
        waited = (func.julianday(at) - func.julianday(Conversation.awaiting_since)) * 86400.0
    else:
        waited = func.extract("epoch", at - Conversation.awaiting_since)
    target = case(
        *((Conversation.network == net, secs) for net, secs in DEFAULT_TARGET_SECONDS.items()),
        else_=FALLBACK_TARGET_SECONDS,
    )
    smaller = func.min if dialect == "sqlite" else func.least
    larger = func.max if dialect == "sqlite" else func.greatest
    points = smaller(MAX_WAITING_POINTS, larger(0, waited) * (MAX_WAITING_POINTS / 2) / target)
    live = smaller(100, Conversation.priority + points) + 0.5
    # SQLite's CAST truncates (live is never negative); PostgreSQL's rounds, so floor first.
    rounded = cast(live if dialect == "sqlite" else func.floor(live), SqlInteger)
    intent = (
        select(Message.intent)
        .where(Message.id == Conversation.last_inbound_message_id)
        .scalar_subquery()
    )
    return case(
        (Conversation.awaiting_since.is_(None), Conversation.priority),
        (Conversation.status.not_in(WORKING_STATUSES), Conversation.priority),
        (func.coalesce(intent, "") == "spam", Conversation.priority),
        else_=rounded,
    )


def _latest(column: Any) -> Any:
    return select(column).where(Message.id == Conversation.last_inbound_message_id)


def _refresh_statement(dialect: str, now: datetime) -> Any:
    return update(Conversation).values(
        queue_priority=_live_sql(dialect, now),
        complaint=_latest(Message.complaint).scalar_subquery(),
        kind=_latest(Message.kind).scalar_subquery(),
    )


def refresh(conn: Connection, conversation_ids: Iterable[int], now: datetime) -> int:
    """Work the queue's facts out again for these conversations: after a rescore, a
    label, a late message. Returns how many rows were updated."""
    ids = sorted(set(conversation_ids))
    statement = _refresh_statement(conn.dialect.name, now)
    done = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        done += conn.execute(statement.where(Conversation.id.in_(chunk))).rowcount or 0
    return done


def age(store: Store, now: datetime) -> int:
    """Bring the waiting points up to ``now`` for every conversation whose points may
    have moved since the queue was last aged. Cheap when run often; the first run after
    an upgrade works out every waiting conversation once."""
    with store.session() as session:
        conn = session.connection()
        state = session.get(QueueState, 1)
        last = state.aged_at if state is not None else None
        statement = _refresh_statement(conn.dialect.name, now).where(
            Conversation.awaiting_since.is_not(None)
        )
        if last is not None:
            since = min(last, now) - AGE_WINDOW
            statement = statement.where(Conversation.awaiting_since > since)
        updated = conn.execute(statement).rowcount or 0
        if state is None:
            session.add(QueueState(id=1, aged_at=now))
        else:
            state.aged_at = now
    return int(updated)
