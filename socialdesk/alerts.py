"""What deserves a desktop notification: new high-priority public complaints, and
conversations about to miss their response target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from socialdesk.domain import Direction
from socialdesk.metrics import load_pauses
from socialdesk.models import INBOX, Conversation, Message
from socialdesk.policies import PolicyBook
from socialdesk.sla import kind_of
from socialdesk.store import Store

URGENT_PRIORITY = 70
BREACH_WARNING = timedelta(minutes=3)
MAX_ALERTS = 5


@dataclass(frozen=True, slots=True)
class Alert:
    conversation_id: int
    kind: str  # "complaint" or "breach"
    author: str
    text: str
    seconds_left: float | None = None


def latest_message_id(store: Store) -> int:
    with store.connect() as conn:
        return int(
            conn.execute(select(Message.id).order_by(Message.id.desc()).limit(1)).scalar() or 0
        )


def new_urgent_complaints(store: Store, after_id: int) -> list[Alert]:
    """Public complaints of high priority that arrived after message ``after_id``."""
    stmt = (
        select(Message.conversation_id, Message.author_handle, Message.text)
        .where(
            Message.id > after_id,
            Message.direction == Direction.INBOUND.value,
            Message.public.is_(True),
            Message.complaint.is_(True),
            Message.priority >= URGENT_PRIORITY,
        )
        .order_by(Message.priority.desc(), Message.id)
        .limit(MAX_ALERTS)
    )
    with store.connect() as conn:
        return [Alert(cid, "complaint", author, text) for cid, author, text in conn.execute(stmt)]


def imminent_breaches(store: Store, now: datetime, already: set[int]) -> list[Alert]:
    """Inbox conversations whose reply falls due (under their own policy) within the
    warning time; ``already`` holds those announced before."""
    levels = PolicyBook(store).levels()
    earliest = now - levels.search_reach()
    stmt = (
        select(
            Conversation.id,
            Conversation.network,
            Conversation.account_id,
            Conversation.public,
            Conversation.complaint,
            Conversation.kind,
            Conversation.awaiting_since,
            Message.author_handle,
            Message.text,
        )
        .join(Message, Message.id == Conversation.last_inbound_message_id)
        .where(
            Conversation.bucket == INBOX,
            Conversation.awaiting_since.is_not(None),
            Conversation.awaiting_since > earliest,
        )
    )
    alerts = []
    with store.connect() as conn:
        rows = conn.execute(stmt).all()
        pauses = load_pauses(conn, {r[0]: r[6] for r in rows if r[6] is not None})
    for cid, network, account_id, public, complaint, kind, since, author, text in rows:
        if since is None or cid in already:
            continue
        which = kind_of(public=bool(public), complaint=bool(complaint), message_kind=kind)
        targets = levels.policy(account_id, network, which)
        due = levels.due_at(since, targets, pauses=pauses.get(cid, ()))
        left = (due - now).total_seconds()
        if 0 <= left <= BREACH_WARNING.total_seconds():
            alerts.append(Alert(cid, "breach", author, text, left))
    return sorted(alerts, key=lambda a: a.seconds_left or 0)[:MAX_ALERTS]
