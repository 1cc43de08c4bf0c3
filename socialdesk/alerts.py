"""What deserves a desktop notification: new high-priority public complaints, and
conversations about to miss their response target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from socialdesk.domain import Direction
from socialdesk.metrics import due_times
from socialdesk.models import Conversation, Message
from socialdesk.policies import PolicyBook
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
    """Inbox conversations whose reply falls due (under their own policy, as the inbox's
    countdowns say) within the warning time; ``already`` holds those announced before."""
    levels = PolicyBook(store).levels()
    now_s = now.timestamp()
    warning = BREACH_WARNING.total_seconds()
    with store.connect() as conn:
        soon = {
            cid: due - now_s
            for due, cid, _since, _target in due_times(conn, levels)
            if 0 <= due - now_s <= warning and cid not in already
        }
        if not soon:
            return []
        rows = conn.execute(
            select(Conversation.id, Message.author_handle, Message.text)
            .join(Message, Message.id == Conversation.last_inbound_message_id)
            .where(Conversation.id.in_(list(soon)))
        ).all()
    alerts = [Alert(cid, "breach", author, text, soon[cid]) for cid, author, text in rows]
    return sorted(alerts, key=lambda a: a.seconds_left or 0)[:MAX_ALERTS]
