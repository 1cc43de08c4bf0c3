"""The outbox: every reply is a record that says how far it got, and goes out once.

States: ``draft`` (kept, not to be sent), ``queued`` (to be sent when due), ``sending``
(a worker holds it, under a lease), ``sent``, ``failed`` (the network refused it; the
agent retries or edits it) and ``unknown`` (an attempt whose outcome is not known: a
timeout or a reset after the request left, a server error, a crash).

Exactly once rests on one rule: an item that may have gone out is never sent again
before the account's recent posts have been looked up for it (``Connector.find_reply``).
``maybe_sent`` is set in the same transaction that claims the item, before the request
leaves, and cleared only when the network says it did not take it (a rate limit, a
refusal, no connection) or the lookup does not find it. So a worker that dies anywhere
between claiming and recording leaves an item that is looked up first: its lease runs
out, it turns ``unknown``, and the next worker reconciles it. Claims are a conditional
UPDATE, so two workers of a team never hold the same item.

Nothing queued is lost: an item waits, with its reason, while its account is offline,
rate limited or not connected, and goes out when it can.
"""

from __future__ import annotations

import json
import logging
import platform
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from socialdesk.domain import (
    Author,
    Direction,
    EventType,
    IncomingMessage,
    MessageKind,
    Network,
    utcnow,
)
from socialdesk.ingest import Ingestor
from socialdesk.models import Account, Contact, Conversation, Event, Message, OutboxItem
from socialdesk.sources import (
    AuthError,
    Connector,
    NetworkDown,
    PlanError,
    RateLimited,
    SourceError,
)
from socialdesk.store import Store

log = logging.getLogger("socialdesk.outbox")

# Longer than any attempt can take (a request times out after 20 s; a lookup reads a
# few pages): a worker that has held an item this long has died.
LEASE = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=15)
MAX_RETRY = timedelta(minutes=30)
# A reply found by the lookup may carry the network's time, a little before the claim.
LOOKUP_SLACK = timedelta(minutes=2)
MAX_TEXT = 40_000


class OutboxStatus(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


# What a worker picks up when due: new work, and outcomes to find out.
_WORK = (OutboxStatus.QUEUED.value, OutboxStatus.UNKNOWN.value)
CHANNELS = ("reply", "dm")


class OutboxError(ValueError):
    """Something an agent asked of the outbox that cannot be done; says why."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    conversation_id: int
    network: str
    channel: str
    origin: str
    text: str
    status: str
    attempts: int
    error: str | None
    actor: str | None
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    external_id: str | None


@dataclass(slots=True)
class OutboxRun:
    """What one pass of the worker did, by outcome."""

    outcomes: dict[str, int] = field(default_factory=dict)
    recovered: int = 0

    def add(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    @property
    def attempted(self) -> int:
        return sum(self.outcomes.values())


# How a worker reaches an account's network: the connector, None when there is none
# (the account is not connected), or SourceError when it cannot be set up (keyring).
SenderFor = Callable[[int], Connector | None]


@dataclass(frozen=True, slots=True)
class _Claimed:
    id: int
    conversation_id: int
    account_id: int | None
    text: str
    channel: str
    actor: str | None
    look_first: bool
    since: datetime
    until: datetime
    attempts: int


class Outbox:
    """Queues replies for agents and sends them for the worker. Each call is one or a
    few short transactions; the network is never called inside one."""

    def __init__(
        self,
        store: Store,
        *,
        ingestor: Ingestor | None = None,
        sender_for: SenderFor | None = None,
        clock: Callable[[], datetime] = utcnow,
        worker: str | None = None,
        lease: timedelta = LEASE,
        before_record: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.ingestor = ingestor
        self.sender_for = sender_for
        self.clock = clock
        self.worker = worker or f"{platform.node()[:40]}:{uuid.uuid4().hex[:8]}"
        self.lease = lease
        # Called between a network's answer and recording it: tests crash here.
        self.before_record = before_record

    # -- the agent's side ------------------------------------------------------------------

    def enqueue(
        self,
        conversation_id: int,
        text: str,
        *,
        actor: str | None,
        channel: str = "reply",
        origin: str = "agent",
        draft: bool = False,
    ) -> int:
        """Adds a reply to the conversation's latest customer message, queued to go out
        (or kept as a draft). Returns its id."""
        if channel not in CHANNELS:
            raise OutboxError(f"unknown channel {channel!r}; use reply or dm")
        if not text.strip():
            raise OutboxError("the reply is empty")
        if len(text) > MAX_TEXT:
            raise OutboxError(f"the reply is over {MAX_TEXT:,} characters")
        with self.store.session() as session:
            conv = session.get(Conversation, conversation_id)
            if conv is None:
                raise OutboxError(f"there is no conversation {conversation_id}")
            if channel == "dm" and not conv.public:
                channel = "reply"  # a direct message's reply is one already
            now = self.clock()
            item = OutboxItem(
                conversation_id=conv.id,
                in_reply_to_message_id=conv.last_inbound_message_id,
                account_id=conv.account_id,
                network=conv.network,
                public=conv.public and channel == "reply",
                channel=channel,
                origin=origin,
                text=text,
                status=OutboxStatus.DRAFT.value if draft else OutboxStatus.QUEUED.value,
                idempotency_key=uuid.uuid4().hex,
                actor=actor,
                created_at=now,
                updated_at=now,
                attempts=0,
                maybe_sent=False,
            )
            session.add(item)
            session.flush()
            return int(item.id)

    def queue_draft(self, item_id: int) -> None:
        """A draft goes out."""
        with self.store.session() as session:
            changed = (
                session.connection()
                .execute(
                    update(OutboxItem)
                    .where(OutboxItem.id == item_id, OutboxItem.status == OutboxStatus.DRAFT.value)
                    .values(status=OutboxStatus.QUEUED.value, updated_at=self.clock())
                )
                .rowcount
            )
        if not changed:
            raise OutboxError(f"reply {item_id} is not a draft")

    def retry(self, item_id: int) -> None:
        """A failed reply is queued again; an unknown one is looked up now. Whether it
        may have gone out is kept: it is looked up first if so."""
        now = self.clock()
        with self.store.session() as session:
            item = self._get(session, item_id)
            if item.status not in (OutboxStatus.FAILED.value, OutboxStatus.UNKNOWN.value):
                raise OutboxError(f"reply {item_id} is {item.status}: only a failed one is retried")
            item.status = (
                OutboxStatus.UNKNOWN.value if item.maybe_sent else OutboxStatus.QUEUED.value
            )
            item.next_attempt_at = None
            item.updated_at = now

    def withdraw(self, item_id: int) -> str:
        """Takes back a reply that has not gone out (to edit it): removed from the
        outbox, its text returned. One that may have gone out cannot be."""
        with self.store.session() as session:
            item = self._get(session, item_id)
            if item.maybe_sent or item.status in (
                OutboxStatus.SENDING.value,
                OutboxStatus.SENT.value,
                OutboxStatus.UNKNOWN.value,
            ):
                raise OutboxError(
                    f"reply {item_id} may have gone out already ({item.status}); "
                    "it cannot be taken back"
                )
            text = item.text
            removed = (
                session.connection()
                .execute(
                    delete(OutboxItem).where(
                        and_(OutboxItem.id == item_id, OutboxItem.status == item.status)
                    )
                )
                .rowcount
            )
        if not removed:
            raise OutboxError(f"reply {item_id} changed meanwhile; try again")
        return text

    def entries(
        self, conversation_id: int | None = None, *, statuses: tuple[str, ...] = ()
    ) -> list[OutboxEntry]:
        query = select(OutboxItem).order_by(OutboxItem.created_at, OutboxItem.id)
        if conversation_id is not None:
            query = query.where(OutboxItem.conversation_id == conversation_id)
        if statuses:
            query = query.where(OutboxItem.status.in_(statuses))
        with self.store.session() as session:
            return [_entry(item) for item in session.scalars(query)]

    def get(self, item_id: int) -> OutboxEntry:
        with self.store.session() as session:
            return _entry(self._get(session, item_id))

    # -- the worker's side -----------------------------------------------------------------

    def recover(self) -> int:
        """Items whose worker's lease ran out (it crashed, or was killed) may have gone
        out: they turn ``unknown``, to be looked up."""
        now = self.clock()
        with self.store.session() as session:
            return int(
                session.connection()
                .execute(
                    update(OutboxItem)
                    .where(
                        OutboxItem.status == OutboxStatus.SENDING.value,
                        OutboxItem.claimed_at < now - self.lease,
                    )
                    .values(
                        status=OutboxStatus.UNKNOWN.value,
                        maybe_sent=True,
                        claimed_by=None,
                        next_attempt_at=None,
                        updated_at=now,
                        error="the app stopped while sending it: checking whether it went out",
                    )
                )
                .rowcount
            )

    def due(self, limit: int = 50) -> list[int]:
        now = self.clock()
        with self.store.session() as session:
            return list(
                session.scalars(
                    select(OutboxItem.id)
                    .where(
                        OutboxItem.status.in_(_WORK),
                        or_(
                            OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= now
                        ),
                    )
                    .order_by(OutboxItem.created_at, OutboxItem.id)
                    .limit(limit)
                )
            )

    def next_due(self) -> datetime | None:
        """When the earliest waiting item is due (None: nothing waits)."""
        with self.store.session() as session:
            waiting = session.execute(
                select(OutboxItem.next_attempt_at).where(OutboxItem.status.in_(_WORK))
            ).all()
        if not waiting:
            return None
        times = [at for (at,) in waiting]
        return self.clock() if any(at is None for at in times) else min(t for t in times if t)

    def run_once(self, limit: int = 50) -> OutboxRun:
        """Recovers abandoned items, then works through what is due, oldest first."""
        run = OutboxRun(recovered=self.recover())
        for item_id in self.due(limit):
            outcome = self.process(item_id)
            if outcome is not None:
                run.add(outcome)
        return run

    def process(self, item_id: int) -> str | None:
        """One attempt at one item: looked up first if it may have gone out, else sent.
        Returns the item's status after it, or None when another worker has it or it is
        not due."""
        claimed = self._claim(item_id)
        if claimed is None:
            return None
        try:
            return self._attempt(claimed)
        except Exception as exc:  # a bug or the store: the outcome is not known
            log.exception("sending reply %s failed", item_id)
            return self._settle(
                claimed,
                OutboxStatus.UNKNOWN,
                f"something went wrong while sending ({type(exc).__name__}); checking "
                "whether it went out before trying again",
                maybe_sent=True,
                retry_in=_backoff(claimed.attempts),
            )

    # -- one attempt -----------------------------------------------------------------------

    def _claim(self, item_id: int) -> _Claimed | None:
        now = self.clock()
        with self.store.session() as session:
            item = session.get(OutboxItem, item_id)
            if item is None or item.status not in _WORK:
                return None
            if item.next_attempt_at is not None and item.next_attempt_at > now:
                return None
            look_first = item.maybe_sent or item.status == OutboxStatus.UNKNOWN.value
            claimed = (
                session.connection()
                .execute(
                    update(OutboxItem)
                    .where(OutboxItem.id == item_id, OutboxItem.status == item.status)
                    .values(
                        status=OutboxStatus.SENDING.value,
                        # Before the request leaves: if this worker dies, the item is looked
                        # up, never sent blindly again.
                        maybe_sent=True,
                        claimed_at=now,
                        claimed_by=self.worker,
                        attempts=OutboxItem.attempts + 1,
                        first_attempt_at=item.first_attempt_at or now,
                        updated_at=now,
                    )
                )
                .rowcount
            )
            if not claimed:
                return None
            return _Claimed(
                id=item.id,
                conversation_id=item.conversation_id,
                account_id=item.account_id,
                text=item.text,
                channel=item.channel,
                actor=item.actor,
                look_first=look_first,
                # Where a lookup reads: from the first attempt to the end of the
                # latest one's lease (no attempt lasts longer), with room for clocks.
                since=(item.first_attempt_at or item.created_at) - LOOKUP_SLACK,
                until=min(now, (item.claimed_at or now) + self.lease) + LOOKUP_SLACK,
                attempts=item.attempts + 1,
            )

    def _attempt(self, claimed: _Claimed) -> str:
        target = self._target(claimed)
        if isinstance(target, str):  # cannot be sent as it stands
            return self._settle(claimed, OutboxStatus.FAILED, target, maybe_sent=False)
        account_id, in_reply_to = target
        try:
            sender = self.sender_for(account_id) if self.sender_for is not None else None
        except SourceError as exc:
            return self._refused(claimed, exc, sending=False)
        if sender is None:
            return self._settle(
                claimed,
                OutboxStatus.UNKNOWN if claimed.look_first else OutboxStatus.QUEUED,
                "the account is not connected: it goes out once the account is connected",
                maybe_sent=claimed.look_first,
                retry_in=MAX_RETRY,
            )
        private = claimed.channel == "dm"
        if claimed.look_first:
            try:
                found = sender.find_reply(
                    in_reply_to, claimed.text, claimed.since, claimed.until, private=private
                )
            except SourceError as exc:
                return self._refused(claimed, exc, sending=False)
            if found is not None:
                return self._record(claimed, found)
        try:
            sent = sender.send_reply(in_reply_to, claimed.text, private=private)
        except SourceError as exc:
            return self._refused(claimed, exc, sending=True)
        return self._record(claimed, sent)

    def _target(self, claimed: _Claimed) -> tuple[int, IncomingMessage] | str:
        """The account and the message the reply answers, as the connector takes them;
        a string says why there is none."""
        with self.store.session() as session:
            item = session.get(OutboxItem, claimed.id)
            conv = session.get(Conversation, claimed.conversation_id)
            if item is None or conv is None:
                return "the conversation was deleted"
            account_id = claimed.account_id or conv.account_id
            if account_id is None:
                return "the conversation has no account to reply from"
            account = session.get(Account, account_id)
            message_id = item.in_reply_to_message_id or conv.last_inbound_message_id
            message = session.get(Message, message_id) if message_id else None
            if account is None or message is None:
                return "the message it answers is no longer in the inbox"
            contact = session.get(Contact, message.contact_id) if message.contact_id else None
            return account_id, IncomingMessage(
                network=Network(message.network),
                external_id=message.external_id,
                kind=MessageKind(message.kind),
                direction=Direction(message.direction),
                author=Author(
                    contact.external_id if contact else message.author_handle,
                    message.author_handle,
                    message.author_name,
                ),
                account=account.handle,
                created_at=message.created_at,
                text=message.text,
                url=message.url,
                in_reply_to=message.in_reply_to,
                conversation=conv.external_key,
                public=message.public,
            )

    def _refused(self, claimed: _Claimed, exc: SourceError, *, sending: bool) -> str:
        """What a network's refusal means for the item. ``sending``: the send itself
        failed (not the lookup or setting up)."""
        message = str(exc)
        if isinstance(exc, RateLimited):
            # Refused before anything was done: as it was, until the window opens.
            wait = max(exc.until - self.clock(), FIRST_RETRY)
            status = OutboxStatus.UNKNOWN if claimed.look_first else OutboxStatus.QUEUED
            return self._settle(
                claimed, status, message, maybe_sent=claimed.look_first, retry_in=wait
            )
        if isinstance(exc, NetworkDown):
            maybe = claimed.look_first or (sending and exc.delivered_maybe)
            status = OutboxStatus.UNKNOWN if maybe else OutboxStatus.QUEUED
            if maybe and sending:
                message = f"{message} — it may have gone out: checking before trying again"
            return self._settle(
                claimed, status, message, maybe_sent=maybe, retry_in=_backoff(claimed.attempts)
            )
        if isinstance(exc, AuthError | PlanError):
            # Nothing goes out until someone acts: reconnect, or retry once fixed.
            return self._settle(
                claimed, OutboxStatus.FAILED, message, maybe_sent=claimed.look_first
            )
        if not sending:
            # The lookup or the set-up failed another way (a malformed page): whether it
            # went out is still not known.
            return self._settle(
                claimed,
                OutboxStatus.UNKNOWN if claimed.look_first else OutboxStatus.QUEUED,
                message,
                maybe_sent=claimed.look_first,
                retry_in=_backoff(claimed.attempts),
            )
        if type(exc) is SourceError:
            # The network read the request and said no (HTTP 4xx): it was not posted.
            return self._settle(claimed, OutboxStatus.FAILED, message, maybe_sent=False)
        # Anything else (an answer that could not be read): it may well have gone out.
        return self._settle(
            claimed,
            OutboxStatus.UNKNOWN,
            f"{message} — checking whether it went out before trying again",
            maybe_sent=True,
            retry_in=_backoff(claimed.attempts),
        )

    def _record(self, claimed: _Claimed, sent: IncomingMessage) -> str:
        """Stores the sent message in its conversation (its response time counts from
        here), names the agent on its reply event, and marks the item sent."""
        if self.before_record is not None:
            self.before_record(claimed.id)
        if self.ingestor is None:
            raise RuntimeError("the outbox needs an ingestor to record what it sent")
        self.ingestor.ingest([sent])
        now = self.clock()
        with self.store.session() as session:
            message_id = session.scalar(
                select(Message.id).where(
                    Message.network == sent.network.value,
                    Message.external_id == sent.external_id,
                )
            )
            if message_id is not None and claimed.actor:
                session.connection().execute(
                    update(Event)
                    .where(Event.message_id == message_id, Event.type == EventType.REPLIED.value)
                    .values(data=json.dumps({"agent": claimed.actor, "outbox": claimed.id}))
                )
            session.connection().execute(
                update(OutboxItem)
                .where(OutboxItem.id == claimed.id)
                .values(
                    status=OutboxStatus.SENT.value,
                    maybe_sent=False,
                    external_id=sent.external_id,
                    sent_at=sent.created_at,
                    claimed_by=None,
                    next_attempt_at=None,
                    error=None,
                    updated_at=now,
                )
            )
        return OutboxStatus.SENT.value

    def _settle(
        self,
        claimed: _Claimed,
        status: OutboxStatus,
        error: str,
        *,
        maybe_sent: bool,
        retry_in: timedelta | None = None,
    ) -> str:
        now = self.clock()
        with self.store.session() as session:
            session.connection().execute(
                update(OutboxItem)
                .where(OutboxItem.id == claimed.id, OutboxItem.claimed_by == self.worker)
                .values(
                    status=status.value,
                    maybe_sent=maybe_sent,
                    error=error,
                    next_attempt_at=now + retry_in if retry_in is not None else None,
                    claimed_by=None,
                    updated_at=now,
                )
            )
        log.info("reply %s: %s (%s)", claimed.id, status.value, error)
        return status.value

    @staticmethod
    def _get(session: Session, item_id: int) -> OutboxItem:
        item = session.get(OutboxItem, item_id)
        if item is None:
            raise OutboxError(f"there is no reply {item_id} in the outbox")
        return item


def _backoff(attempts: int) -> timedelta:
    """15 s, 30 s, 1 min, ... up to 30 min between attempts."""
    seconds = FIRST_RETRY.total_seconds() * 2 ** max(0, min(attempts - 1, 12))
    return min(timedelta(seconds=seconds), MAX_RETRY)


def _entry(item: OutboxItem) -> OutboxEntry:
    return OutboxEntry(
        id=item.id,
        conversation_id=item.conversation_id,
        network=item.network,
        channel=item.channel,
        origin=item.origin,
        text=item.text,
        status=item.status,
        attempts=item.attempts,
        error=item.error,
        actor=item.actor,
        created_at=item.created_at,
        updated_at=item.updated_at,
        next_attempt_at=item.next_attempt_at,
        sent_at=item.sent_at,
        external_id=item.external_id,
    )
