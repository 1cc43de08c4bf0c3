"""Out-of-hours acknowledgements: "we're away, we'll be back" when nobody is on shift.

Optional per account and off by default. A customer who writes while the team is away
(outside the business hours of ``PolicyBook``) gets the account's brand-voice
acknowledgement (``BrandVoice.out_of_hours``), at most once per conversation (a unique
index on the outbox makes that hold however many apps of a team sweep at once), no more
than ``per_hour`` an hour per account, never to a conversation marked spam or a message
triage calls spam, and never once an agent has answered. Each one is an outbox item
(origin "out_of_hours"), so it is sent exactly once, shown in the thread, and logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from socialdesk.domain import WORKING_STATUSES, Direction, utcnow
from socialdesk.models import Account, Contact, Conversation, Message, OutboxItem, WorkspaceSetting
from socialdesk.outbox import Outbox
from socialdesk.policies import PolicyBook
from socialdesk.store import Store, StoreError
from socialdesk.tokens import first_name, render, shown_handle
from socialdesk.voice import VoiceBook

log = logging.getLogger("socialdesk.acknowledge")

ORIGIN = "out_of_hours"
KEY = "out_of_hours:{}"
# Only messages this fresh are acknowledged: turning the feature on does not answer the
# backlog of the last fortnight.
FRESH = timedelta(hours=2)
MAX_PER_HOUR = 500


class AcknowledgeError(ValueError):
    """A setting that makes no sense; says which."""


@dataclass(frozen=True, slots=True)
class AckSettings:
    enabled: bool = False
    per_hour: int = 30  # acknowledgements an hour for one account, at most

    def __post_init__(self) -> None:
        if not 1 <= self.per_hour <= MAX_PER_HOUR:
            raise AcknowledgeError(f"the hourly limit must be 1 to {MAX_PER_HOUR}")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> AckSettings:
        try:
            raw = json.loads(text or "{}")
            return cls(
                enabled=bool(raw.get("enabled", False)), per_hour=int(raw.get("per_hour", 30))
            )
        except (ValueError, TypeError, AttributeError, AcknowledgeError):
            return cls()  # unreadable: off, the safe side


class Acknowledger:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    def settings(self, account_id: int) -> AckSettings:
        with self.store.session() as session:
            return AckSettings.from_json(
                session.scalar(
                    select(WorkspaceSetting.value).where(
                        WorkspaceSetting.key == KEY.format(account_id)
                    )
                )
            )

    def set(self, account_id: int, settings: AckSettings) -> None:
        with self.store.session() as session:
            key = KEY.format(account_id)
            row = session.get(WorkspaceSetting, key)
            now = self.clock()
            if row is None:
                session.add(WorkspaceSetting(key=key, value=settings.to_json(), updated_at=now))
            else:
                row.value, row.updated_at = settings.to_json(), now

    def sweep(self) -> int:
        """Queues the acknowledgements due now. Returns how many."""
        now: datetime = self.clock()
        hours = PolicyBook(self.store).hours()
        if hours.is_open(now):
            return 0
        queued = 0
        with self.store.session() as session:
            accounts = list(session.scalars(select(Account.id)))
        for account_id in accounts:
            settings = self.settings(account_id)
            if settings.enabled:
                queued += self._sweep_account(account_id, settings, now, hours.is_open)
        return queued

    def _sweep_account(
        self,
        account_id: int,
        settings: AckSettings,
        now: datetime,
        is_open: Callable[[datetime], bool],
    ) -> int:
        with self.store.session() as session:
            sent_lately = session.scalar(
                select(func.count())
                .select_from(OutboxItem)
                .where(
                    OutboxItem.account_id == account_id,
                    OutboxItem.origin == ORIGIN,
                    OutboxItem.created_at >= now - timedelta(hours=1),
                )
            )
            room = settings.per_hour - int(sent_lately or 0)
            if room <= 0:
                return 0
            already = select(OutboxItem.conversation_id).where(OutboxItem.origin == ORIGIN)
            rows = session.execute(
                select(
                    Conversation.id,
                    Message.created_at,
                    Message.intent,
                    Message.author_name,
                    Message.author_handle,
                    Conversation.network,
                    Contact.name,
                )
                .join(Message, Message.id == Conversation.last_inbound_message_id)
                .outerjoin(Contact, Contact.id == Conversation.contact_id)
                .where(
                    Conversation.account_id == account_id,
                    Conversation.status.in_(WORKING_STATUSES),
                    Conversation.awaiting_since.is_not(None),
                    Conversation.first_response_at.is_(None),
                    Message.created_at >= now - FRESH,
                    Message.direction == Direction.INBOUND.value,
                    Conversation.id.not_in(already),
                )
                .order_by(Message.created_at)
                .limit(room)
            ).all()
        if not rows:
            return 0
        voice = VoiceBook(self.store).get(account_id)
        with self.store.session() as session:
            brand = session.scalar(select(Account.display_name).where(Account.id == account_id))
        brand = brand or ""
        outbox = Outbox(self.store, clock=self.clock)
        queued = 0
        for conv_id, at, intent, author_name, handle, network, contact_name in rows:
            if intent == "spam" or is_open(at):
                continue  # spam is never answered; written while the team was in
            values = {
                "brand": voice.brand or brand,
                "first_name": first_name(contact_name or author_name or "", handle or ""),
                "handle": shown_handle(network, handle or ""),
            }
            rendered = render(voice.out_of_hours, values)
            if not rendered.complete:  # better silent than "Hi {first_name}"
                log.warning(
                    "out-of-hours acknowledgement for conversation %s skipped: no value for %s",
                    conv_id,
                    ", ".join(rendered.unresolved) or "a field to fill",
                )
                continue
            text = rendered.text
            try:
                item = outbox.enqueue(conv_id, text, actor=None, origin=ORIGIN)
            except StoreError as exc:
                if isinstance(exc.__cause__, IntegrityError):
                    continue  # another app of the team got there first
                raise
            log.info("out-of-hours acknowledgement %s queued for conversation %s", item, conv_id)
            queued += 1
        return queued
