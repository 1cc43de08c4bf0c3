"""The core's own vocabulary: plain values that cross every boundary.

Connectors turn network payloads into ``IncomingMessage``; the store turns rows
into read-side dataclasses. Nothing here knows about SQL, Qt or HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class Network(StrEnum):
    X = "x"
    REDDIT = "reddit"


class MessageKind(StrEnum):
    MENTION = "mention"
    REPLY = "reply"
    COMMENT = "comment"
    DIRECT_MESSAGE = "direct_message"
    KEYWORD_HIT = "keyword_hit"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class ConversationStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    RESOLVED = "resolved"
    SPAM = "spam"


ACTIVE_STATUSES = (ConversationStatus.NEW, ConversationStatus.OPEN, ConversationStatus.PENDING)
# Only a working conversation's clock runs: one parked as pending, resolved or spam waits
# for nobody, whatever its last customer message.
WORKING_STATUSES = (ConversationStatus.NEW.value, ConversationStatus.OPEN.value)
# What the queue can be filtered by: the active ones ("open"), everything, or one status.
STATUS_FILTERS = ("open", "all", *(s.value for s in ConversationStatus if s.value != "open"))
# The navigation's views of the queue, and its orders (socialdesk.inbox).
QUEUE_VIEWS = (
    "needs_reply",
    "complaints",
    "mine",
    "unassigned",
    "direct",
    "public",
    "keyword",
    "pending",
    "resolved",
    "spam",
)
QUEUE_SORTS = ("priority", "waiting", "newest")


class EventType(StrEnum):
    ARRIVED = "arrived"
    REPLIED = "replied"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    TAGGED = "tagged"
    NOTED = "noted"
    # An agent had the conversation open (data: seconds, composing seconds).
    HANDLED = "handled"


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    handle: str
    name: str = ""
    followers: int | None = None


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """One normalised item from any source, inbound or outbound."""

    network: Network
    external_id: str
    kind: MessageKind
    direction: Direction
    author: Author
    account: str
    created_at: datetime
    text: str
    url: str = ""
    in_reply_to: str | None = None
    conversation: str | None = None
    public: bool | None = None

    def __post_init__(self) -> None:
        if self.created_at.tzinfo is None:
            raise ValueError("created_at must carry a time zone")
        if not self.external_id:
            raise ValueError("external_id must not be empty")

    @property
    def is_public(self) -> bool:
        if self.public is not None:
            return self.public
        return self.kind is not MessageKind.DIRECT_MESSAGE

    @property
    def created_at_utc(self) -> datetime:
        return self.created_at.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Score:
    """What the scorer says about one inbound message."""

    sentiment: float
    complaint: bool
    complaint_score: float
    priority: int
    reasons: tuple[str, ...] = field(default_factory=tuple)
    intent: str = ""
    topic: str = ""


def utcnow() -> datetime:
    return datetime.now(UTC)
