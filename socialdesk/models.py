"""The ORM schema. Migrations in ``socialdesk/migrations`` must match it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Computed,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Generated columns (migration 0005): the queue's bucket (0 the working inbox: new or
# open; 1 pending; 2 resolved; 3 spam) and its rank, waiting conversations first.
BUCKET_SQL = (
    "CASE WHEN status IN ('new', 'open') THEN 0 WHEN status = 'pending' THEN 1 "
    "WHEN status = 'resolved' THEN 2 ELSE 3 END"
)
INBOX, PENDING, RESOLVED, SPAM = 0, 1, 2, 3
RANK_SQL = "CASE WHEN awaiting_since IS NULL THEN queue_priority ELSE 1000 + queue_priority END"
WAITING_RANK = 1000


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC, always hands back an aware UTC datetime (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Account(Base):
    """A connected brand identity. Its secrets live in the OS keyring, never here."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("network", "handle", name="uq_accounts_network_handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(String(32))
    handle: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime]
    # Migration 0006: what a connected account polls and how it is doing. ``settings``
    # is JSON (``socialdesk.accounts.AccountSettings``); no secret ever goes in it.
    connected: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    settings: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    state: Mapped[str] = mapped_column(String(32), default="new", server_default="new")
    state_detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    state_until: Mapped[datetime | None]
    last_sync_at: Mapped[datetime | None]


class AccountUsage(Base):
    """Requests and estimated credits an account spent on a day (UTC)."""

    __tablename__ = "account_usage"
    __table_args__ = (UniqueConstraint("account_id", "day", name="uq_account_usage_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    day: Mapped[str] = mapped_column(String(10))
    requests: Mapped[int] = mapped_column(Integer, default=0)
    credits: Mapped[float] = mapped_column(Float, default=0.0)


class QuarantinedItem(Base):
    """An item a network sent that could not be read: kept with its raw JSON."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    network: Mapped[str] = mapped_column(String(32))
    stream: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class SyncCursor(Base):
    __tablename__ = "sync_cursors"
    __table_args__ = (UniqueConstraint("account_id", "stream", name="uq_sync_cursors_stream"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    stream: Mapped[str] = mapped_column(String(64))
    cursor: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Contact(Base):
    """Someone who writes to us, per network."""

    __tablename__ = "contacts"
    __table_args__ = (
        UniqueConstraint("network", "external_id", name="uq_contacts_network_external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(255))
    handle: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(Text, default="")
    followers: Mapped[int | None] = mapped_column(Integer)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        UniqueConstraint("network", "external_key", name="uq_conversations_network_key"),
        Index("ix_conversations_contact", "contact_id", "last_message_at"),
        # The queue's indexes, one per view and sort, are in migration 0005.
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(String(32))
    external_key: Mapped[str] = mapped_column(String(255))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    public: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16), default="new")
    assignee: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]
    last_message_at: Mapped[datetime]
    # The latest inbound message: what the queue shows for this conversation.
    last_inbound_message_id: Mapped[int | None] = mapped_column(Integer)
    # Earliest inbound message not yet answered; None when nothing waits.
    awaiting_since: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    priority: Mapped[int] = mapped_column(Integer, default=0)
    # What the queue orders and filters by (see socialdesk.queue): the priority with the
    # waiting points as last worked out, and the latest customer message's facts.
    queue_priority: Mapped[int] = mapped_column(Integer, default=0)
    complaint: Mapped[bool | None] = mapped_column(Boolean)
    kind: Mapped[str | None] = mapped_column(String(32))
    bucket: Mapped[int] = mapped_column(SmallInteger, Computed(BUCKET_SQL))
    queue_rank: Mapped[int] = mapped_column(Integer, Computed(RANK_SQL))


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("network", "external_id", name="uq_messages_network_external_id"),
        Index("ix_messages_conversation", "conversation_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(255))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(16))
    public: Mapped[bool] = mapped_column(Boolean)
    author_handle: Mapped[str] = mapped_column(String(255))
    author_name: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    url: Mapped[str] = mapped_column(Text, default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(255))
    sentiment: Mapped[float | None] = mapped_column(Float)
    complaint: Mapped[bool | None] = mapped_column(Boolean)
    complaint_score: Mapped[float | None] = mapped_column(Float)
    priority: Mapped[int | None] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    ingested_at: Mapped[datetime]
    intent: Mapped[str | None] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(32))


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class ConversationTag(Base):
    __tablename__ = "conversation_tags"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Event(Base):
    """Append-only log: response times are computed from it."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_conversation", "conversation_id", "at"),
        # Migration 0007: status changes alone, for the clocks' pauses.
        Index(
            "ix_events_status_changes",
            "conversation_id",
            "at",
            sqlite_where=text("type = 'status_changed'"),
            postgresql_where=text("type = 'status_changed'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    type: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    actor: Mapped[str | None] = mapped_column(String(255))
    # Seconds from the earliest unanswered inbound message to this reply.
    response_seconds: Mapped[float | None] = mapped_column(Float)
    data: Mapped[str] = mapped_column(Text, default="{}")


class Label(Base):
    """An agent's (or an imported) decision: complaint or not. The model learns from these."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    complaint: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]


class LearnedModelRow(Base):
    """One version of a workspace's learned model."""

    __tablename__ = "learned_models"
    __table_args__ = (UniqueConstraint("kind", "version", name="uq_learned_models_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    feature_version: Mapped[int] = mapped_column(Integer)
    labels: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class QueueState(Base):
    """Until when the queue's waiting points were last worked out (one row)."""

    __tablename__ = "queue_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    aged_at: Mapped[datetime | None]


class OutboxItem(Base):
    """A reply on its way out: draft, queued, sending, sent, failed or unknown (an
    attempt whose outcome is not known). ``socialdesk.outbox`` sends it, exactly once."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    in_reply_to_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    network: Mapped[str] = mapped_column(String(32))
    public: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    actor: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    error: Mapped[str | None] = mapped_column(Text)
    # Migration 0008: how it goes out and how far it got (``socialdesk.outbox``).
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(16), default="reply", server_default="reply")
    origin: Mapped[str] = mapped_column(String(16), default="agent", server_default="agent")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None]
    first_attempt_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]  # the latest claim (its lease, while sending)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    external_id: Mapped[str | None] = mapped_column(String(255))
    sent_at: Mapped[datetime | None]


class SlaPolicy(Base):
    """An account's own response-time policy for one kind of conversation (migration
    0007). Without a row the shipped default for its network applies."""

    __tablename__ = "sla_policies"
    __table_args__ = (UniqueConstraint("account_id", "kind", name="uq_sla_policies_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    first_response_s: Mapped[int] = mapped_column(Integer)
    next_response_s: Mapped[int] = mapped_column(Integer)
    resolution_s: Mapped[int] = mapped_column(Integer)
    goal_pct: Mapped[float] = mapped_column(Float)
    business_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class WorkspaceSetting(Base):
    """A setting the whole team shares (JSON), such as its business hours."""

    __tablename__ = "workspace_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class ConversationFact(Base):
    """What the event log says about one conversation's service, worked out once and
    kept up to date from the events added since (``socialdesk.metrics``). Times are
    seconds, in calendar time and in the team's business time (``*_bs``); the clock
    pauses while the conversation is parked (pending, resolved or spam). Moments are
    Unix times (seconds, UTC): a report compares and buckets hundreds of thousands."""

    __tablename__ = "conversation_facts"
    __table_args__ = (Index("ix_conversation_facts_started", "started_at"),)

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    started_at: Mapped[float] = mapped_column(Float)  # the first inbound message
    # That message: its kind and complaint verdict (read live) choose the policy.
    first_message_id: Mapped[int | None] = mapped_column(Integer)
    # The stretches it stood parked, as JSON [[start, end], ...] (None: never parked).
    pauses: Mapped[str | None] = mapped_column(Text)
    agent: Mapped[str | None] = mapped_column(String(255))
    first_response_at: Mapped[float | None] = mapped_column(Float)
    first_response_s: Mapped[float | None] = mapped_column(Float)
    first_response_bs: Mapped[float | None] = mapped_column(Float)
    next_responses: Mapped[int] = mapped_column(Integer, default=0)
    resolved_at: Mapped[float | None] = mapped_column(Float)
    resolution_s: Mapped[float | None] = mapped_column(Float)
    resolution_bs: Mapped[float | None] = mapped_column(Float)
    replies: Mapped[int] = mapped_column(Integer, default=0)
    replies_to_resolution: Mapped[int | None] = mapped_column(Integer)
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    handle_s: Mapped[float] = mapped_column(Float, default=0.0)


class ResponseFact(Base):
    """Each next response: a reply to a customer message after the first response."""

    __tablename__ = "response_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    asked_at: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[float] = mapped_column(Float)
    seconds: Mapped[float] = mapped_column(Float)
    business_seconds: Mapped[float] = mapped_column(Float)
    agent: Mapped[str | None] = mapped_column(String(255))


class FactsState(Base):
    """How far the facts have read the event log, and which business hours they used."""

    __tablename__ = "facts_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[str] = mapped_column(Text, default="")
    # Ids below ``event_id`` not seen yet (a transaction still writing, or rolled back),
    # each with when it was first missed, as JSON [[id, seen_at], ...].
    missing: Mapped[str] = mapped_column(Text, default="[]")
