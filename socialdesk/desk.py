"""What an agent does to a conversation, and what they see of it.

``Desk`` changes a conversation's status, assignee, tags and notes, and queues
replies in the outbox, each with its entry in the event log (response times and
the wallboard are computed from it later). ``Desk.conversation`` gathers the
conversation pane: the thread in order, the author's profile and history on
every network, notes, tags, queued replies and why the conversation is where it
is. Everything returned is a plain frozen value, safe to hand to another thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from socialdesk import queue
from socialdesk.domain import ConversationStatus, Direction, EventType, utcnow
from socialdesk.inbox import running_clock, waiting_reason
from socialdesk.metrics import load_pauses
from socialdesk.models import (
    Account,
    Contact,
    Conversation,
    ConversationTag,
    Event,
    Message,
    Note,
    OutboxItem,
    Tag,
)
from socialdesk.outbox import Outbox, OutboxError
from socialdesk.policies import PolicyBook
from socialdesk.sla import kind_of
from socialdesk.store import Store
from socialdesk.xlength import weighted_length

MAX_TAG_LENGTH = 64
MAX_NOTE_LENGTH = 20_000
MAX_HANDLING_SECONDS = 8 * 3600
# What each network accepts in one reply: X 280 in public (counted by its own weights),
# 10,000 in a direct message; Reddit 10,000 for a comment or a private message.
REPLY_LIMITS = {"x": 280, "reddit": 10_000}
PRIVATE_LIMITS = {"x": 10_000, "reddit": 10_000}
DEFAULT_REPLY_LIMIT = 2_000


def reply_limit(network: str, public: bool) -> int:
    if public:
        return REPLY_LIMITS.get(network, DEFAULT_REPLY_LIMIT)
    return PRIVATE_LIMITS.get(network, DEFAULT_REPLY_LIMIT)


def reply_length(network: str, text: str, public: bool) -> int:
    """The length the network counts: X weighs characters and links in public posts;
    its direct messages, like everything on Reddit, count plain characters."""
    return weighted_length(text) if network == "x" and public else len(text)


HISTORY_LIMIT = 20


class DeskError(ValueError):
    """An action that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    id: int
    direction: str
    kind: str
    author_handle: str
    author_name: str
    text: str
    created_at: datetime
    url: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    handle: str
    name: str
    network: str
    followers: int | None
    first_seen_at: datetime | None


@dataclass(frozen=True, slots=True)
class PastConversation:
    id: int
    network: str
    status: str
    last_message_at: datetime
    excerpt: str


@dataclass(frozen=True, slots=True)
class NoteView:
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class QueuedReply:
    id: int
    text: str
    status: str
    created_at: datetime
    # Why it has not gone out (a failed or unknown one), or why it waits: the outbox's
    # last error, "" when none.
    error: str = ""
    channel: str = "reply"  # "dm": privately to the author of a public conversation


@dataclass(frozen=True, slots=True)
class ConversationView:
    id: int
    network: str
    public: bool
    status: str
    assignee: str | None
    account: str
    messages: tuple[ThreadMessage, ...]
    profile: Profile | None
    history: tuple[PastConversation, ...]
    notes: tuple[NoteView, ...]
    tags: tuple[str, ...]
    outbox: tuple[QueuedReply, ...]
    reasons: tuple[str, ...]
    awaiting_since: datetime | None
    due_at: datetime | None = None

    @property
    def reply_limit(self) -> int:
        return reply_limit(self.network, self.public)


class Desk:
    """Agent actions on conversations. Each call is one short transaction."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        # What the event log's times come from (tests and the demo's history set it).
        self.clock = clock

    # -- reading -------------------------------------------------------------------------

    def conversation(self, conversation_id: int, now: datetime | None = None) -> ConversationView:
        now = now or self.clock()
        with self.store.session() as session:
            conv = session.get(Conversation, conversation_id)
            if conv is None:
                raise DeskError(f"there is no conversation {conversation_id}")
            messages = tuple(
                ThreadMessage(
                    id=m.id,
                    direction=m.direction,
                    kind=m.kind,
                    author_handle=m.author_handle,
                    author_name=m.author_name,
                    text=m.text,
                    created_at=m.created_at,
                    url=m.url,
                    reasons=tuple(json.loads(m.reasons or "[]")),
                )
                for m in session.scalars(
                    select(Message)
                    .where(Message.conversation_id == conversation_id)
                    .order_by(Message.created_at, Message.direction, Message.id)
                )
            )
            latest = next(
                (m for m in reversed(messages) if m.direction == Direction.INBOUND.value), None
            )
            intent = ""
            if latest is not None:
                intent = session.scalar(select(Message.intent).where(Message.id == latest.id)) or ""
            account = session.get(Account, conv.account_id) if conv.account_id else None
            customer = self._customer(session, conv)
            awaiting = running_clock(conv.status, conv.awaiting_since)
            due = target = None
            if awaiting is not None:
                levels = PolicyBook(self.store).levels()
                kind = kind_of(public=conv.public, complaint=conv.complaint, message_kind=conv.kind)
                targets = levels.policy(conv.account_id, conv.network, kind)
                pauses = load_pauses(session.connection(), {conv.id: awaiting}).get(conv.id, ())
                answered = conv.first_response_at is not None
                target = levels.waiting_target(targets, answered_before=answered)
                due = levels.due_at(awaiting, targets, target, pauses=pauses)
            return ConversationView(
                id=conv.id,
                network=conv.network,
                public=conv.public,
                status=conv.status,
                assignee=conv.assignee,
                account=account.display_name if account else "",
                messages=messages,
                profile=self._profile(session, customer),
                history=self._history(session, conv, customer),
                notes=tuple(
                    NoteView(n.author, n.text, n.created_at)
                    for n in session.scalars(
                        select(Note)
                        .where(Note.conversation_id == conversation_id)
                        .order_by(Note.created_at, Note.id)
                    )
                ),
                tags=self._tags(session, conversation_id),
                outbox=tuple(
                    QueuedReply(o.id, o.text, o.status, o.created_at, o.error or "", o.channel)
                    for o in session.scalars(
                        select(OutboxItem)
                        .where(OutboxItem.conversation_id == conversation_id)
                        .order_by(OutboxItem.created_at, OutboxItem.id)
                    )
                ),
                reasons=(latest.reasons if latest else ())
                + waiting_reason(awaiting, now, intent, due, target),
                awaiting_since=awaiting,
                due_at=due,
            )

    @staticmethod
    def _customer(session: Session, conv: Conversation) -> int | None:
        """The conversation's customer: its contact, or when the brand's message came
        first (a clock skew, an export in odd order), who wrote its first inbound one."""
        if conv.contact_id is not None:
            return conv.contact_id
        return session.scalar(
            select(Message.contact_id)
            .where(
                Message.conversation_id == conv.id,
                Message.direction == Direction.INBOUND.value,
                Message.contact_id.is_not(None),
            )
            .order_by(Message.created_at, Message.id)
            .limit(1)
        )

    @staticmethod
    def _profile(session: Session, customer: int | None) -> Profile | None:
        if customer is None:
            return None
        contact = session.get(Contact, customer)
        if contact is None:
            return None
        # A message that arrived late can be older than the contact's first record: the
        # earliest of their messages in their conversations (indexed by contact) counts.
        earliest = session.scalar(
            select(func.min(Message.created_at))
            .join(Conversation, Message.conversation_id == Conversation.id)
            .where(Conversation.contact_id == contact.id, Message.contact_id == contact.id)
        )
        first_seen = contact.first_seen_at
        if earliest is not None and (first_seen is None or earliest < first_seen):
            first_seen = earliest
        return Profile(
            handle=contact.handle,
            name=contact.name,
            network=contact.network,
            followers=contact.followers,
            first_seen_at=first_seen,
        )

    @staticmethod
    def _history(
        session: Session, conv: Conversation, customer: int | None
    ) -> tuple[PastConversation, ...]:
        """The author's other conversations: theirs on this network, and on other
        networks those of a contact with the same handle."""
        if customer is None:
            return ()
        contact = session.get(Contact, customer)
        if contact is None:
            return ()
        handle = contact.handle.lstrip("@").removeprefix("u/").lower()
        same_person = select(Contact.id).where(
            or_(
                Contact.id == contact.id,
                func.lower(Contact.handle).in_([handle, f"@{handle}", f"u/{handle}"]),
            )
        )
        rows = session.execute(
            select(
                Conversation.id,
                Conversation.network,
                Conversation.status,
                Conversation.last_message_at,
                Message.text,
            )
            .join(Message, Message.id == Conversation.last_inbound_message_id)
            .where(Conversation.contact_id.in_(same_person), Conversation.id != conv.id)
            .order_by(Conversation.last_message_at.desc())
            .limit(HISTORY_LIMIT)
        )
        return tuple(PastConversation(*row[:4], excerpt=row[4][:200]) for row in rows)

    @staticmethod
    def _tags(session: Session, conversation_id: int) -> tuple[str, ...]:
        return tuple(
            session.scalars(
                select(Tag.name)
                .join(ConversationTag, ConversationTag.tag_id == Tag.id)
                .where(ConversationTag.conversation_id == conversation_id)
                .order_by(Tag.name)
            )
        )

    # -- acting --------------------------------------------------------------------------

    def set_status(
        self, conversation_id: int, status: str, *, actor: str | None, why: str = "agent"
    ) -> str:
        """Returns the status it had. Resolving stops nothing: a customer writing again
        reopens the conversation (ingestion does that)."""
        try:
            target = ConversationStatus(status)
        except ValueError:
            known = ", ".join(s.value for s in ConversationStatus)
            raise DeskError(f"unknown status {status!r}; use one of {known}") from None
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            before = conv.status
            if before != target.value:
                conv.status = target.value
                self._log(
                    session,
                    conv,
                    EventType.STATUS_CHANGED,
                    actor,
                    {"from": before, "to": target.value, "why": why},
                )
                session.flush()
                # Parked or closed, its clock stops earning points; reopened, they return.
                queue.refresh(session.connection(), [conversation_id], self.clock())
            return before

    def assign(self, conversation_id: int, assignee: str | None, *, actor: str | None) -> None:
        assignee = (assignee or "").strip() or None
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            if conv.assignee != assignee:
                before = conv.assignee
                conv.assignee = assignee
                self._log(
                    session, conv, EventType.ASSIGNED, actor, {"from": before, "to": assignee}
                )

    def tag(self, conversation_id: int, name: str, *, actor: str | None) -> tuple[str, ...]:
        """Adds a tag (a leading '-' removes it). Returns the conversation's tags."""
        name = " ".join(name.split())
        remove = name.startswith("-")
        name = name.lstrip("-").strip().lower()
        if not name:
            raise DeskError("a tag needs a name")
        if len(name) > MAX_TAG_LENGTH:
            raise DeskError(f"a tag is at most {MAX_TAG_LENGTH} characters")
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            tag = session.scalar(select(Tag).where(Tag.name == name))
            if remove:
                if tag is not None:
                    session.execute(
                        delete(ConversationTag).where(
                            ConversationTag.conversation_id == conv.id,
                            ConversationTag.tag_id == tag.id,
                        )
                    )
                    self._log(session, conv, EventType.TAGGED, actor, {"removed": name})
                return self._tags(session, conv.id)
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
                session.flush()
            if session.get(ConversationTag, (conv.id, tag.id)) is None:
                session.add(ConversationTag(conversation_id=conv.id, tag_id=tag.id))
                self._log(session, conv, EventType.TAGGED, actor, {"added": name})
            session.flush()
            return self._tags(session, conv.id)

    def record_handling(
        self, conversation_id: int, seconds: float, composing: float, *, actor: str | None
    ) -> None:
        """An agent had the conversation open for ``seconds`` (``composing`` of them
        writing a reply): the handle time reports add up. Stretches under a second are
        not worth a row."""
        if seconds < 1:
            return
        if not 0 <= composing <= seconds or seconds > MAX_HANDLING_SECONDS:
            raise DeskError("a handling stretch must be 1 s to 8 h, composing within it")
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            data = {"seconds": round(seconds, 1), "composing": round(composing, 1)}
            self._log(session, conv, EventType.HANDLED, actor, data)

    def note(self, conversation_id: int, text: str, *, actor: str | None) -> None:
        if not text.strip():
            raise DeskError("a note needs some text")
        if len(text) > MAX_NOTE_LENGTH:
            raise DeskError(f"a note is at most {MAX_NOTE_LENGTH:,} characters")
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            now = self.clock()
            session.add(
                Note(conversation_id=conv.id, author=actor or "agent", text=text, created_at=now)
            )
            self._log(session, conv, EventType.NOTED, actor, {})

    def queue_reply(
        self, conversation_id: int, text: str, *, actor: str | None, channel: str = "reply"
    ) -> int:
        """Puts a reply in the outbox, queued; the outbox worker sends it, once
        (``socialdesk.outbox``). ``channel`` "dm": as a direct message to the author of a
        public conversation. Returns its id."""
        if not text.strip():
            raise DeskError("the reply is empty")
        with self.store.session() as session:
            conv = self._get(session, conversation_id)
            network, public = conv.network, conv.public and channel == "reply"
        limit = reply_limit(network, public)
        length = reply_length(network, text, public)
        if length > limit:
            raise DeskError(f"the reply is {length:,} characters; {network} takes {limit:,}")
        try:
            return Outbox(self.store, clock=self.clock).enqueue(
                conversation_id, text, actor=actor, channel=channel
            )
        except OutboxError as exc:
            raise DeskError(str(exc)) from None

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _get(session: Session, conversation_id: int) -> Conversation:
        conv = session.get(Conversation, conversation_id)
        if conv is None:
            raise DeskError(f"there is no conversation {conversation_id}")
        return conv

    def _log(
        self,
        session: Session,
        conv: Conversation,
        kind: EventType,
        actor: str | None,
        data: dict[str, Any],
    ) -> None:
        session.add(
            Event(
                conversation_id=conv.id,
                type=kind.value,
                at=self.clock(),
                actor=actor,
                data=json.dumps(data),
            )
        )
