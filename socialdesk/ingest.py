"""The one ingestion pipeline every source feeds.

Normalised items in; idempotent upsert keyed on (network, external id);
threading into conversations; scoring; the event log; and the source's cursor
advanced in the same transaction as the messages it covers.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, bindparam, insert, select, tuple_, update

from socialdesk.domain import (
    ConversationStatus,
    Direction,
    EventType,
    IncomingMessage,
    Network,
    Score,
    utcnow,
)
from socialdesk.models import Account, Contact, Conversation, Event, Message, SyncCursor
from socialdesk.scoring import Scorer, TextSignals
from socialdesk.store import Store

_IN_CHUNK = 400
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class CursorUpdate:
    """Where a source got to; written with the messages it covers."""

    network: Network
    account: str
    stream: str
    value: str


@dataclass(slots=True)
class IngestResult:
    received: int = 0
    inserted: int = 0
    duplicates: int = 0
    conversations_created: int = 0
    replies_matched: int = 0
    inserted_ids: list[int] = field(default_factory=list)

    def add(self, other: IngestResult) -> None:
        self.received += other.received
        self.inserted += other.inserted
        self.duplicates += other.duplicates
        self.conversations_created += other.conversations_created
        self.replies_matched += other.replies_matched
        self.inserted_ids.extend(other.inserted_ids)


def normalise_handle(handle: str) -> str:
    handle = handle.strip()
    for prefix in ("@", "u/", "/u/"):
        if handle.lower().startswith(prefix):
            handle = handle[len(prefix) :]
    return handle.lower()


def _chunks(items: Sequence[_T], size: int = _IN_CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batches(items: Iterable[IncomingMessage], size: int) -> Iterator[list[IncomingMessage]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(slots=True)
class _ConvState:
    id: int
    status: str
    awaiting_since: datetime | None
    last_message_at: datetime
    last_inbound_message_id: int | None
    last_inbound_at: datetime | None
    first_response_at: datetime | None
    priority: int
    dirty: bool = False


class Ingestor:
    def __init__(
        self,
        store: Store,
        scorer: Scorer,
        *,
        batch_size: int = 2000,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.scorer = scorer
        self.batch_size = batch_size
        self.clock = clock

    def ingest(
        self, items: Iterable[IncomingMessage], *, cursor: CursorUpdate | None = None
    ) -> IngestResult:
        """Everything in one transaction, with the cursor: for one fetch from a source."""
        batch = list(items)
        inbound = [item.text for item in batch if item.direction is Direction.INBOUND]
        signals = self.scorer.submit(inbound).result()
        with self.store.session() as session:
            conn = session.connection()
            result = self._write_batch(conn, batch, signals)
            if cursor is not None:
                self._save_cursor(conn, cursor)
        return result

    def ingest_stream(
        self,
        items: Iterable[IncomingMessage],
        *,
        on_batch: Callable[[IngestResult], None] | None = None,
    ) -> IngestResult:
        """Large volumes: one transaction per batch, the next batch scored while this one
        is written."""
        total = IngestResult()
        pending: deque[tuple[list[IncomingMessage], Future[list[TextSignals]]]] = deque()

        def flush_one() -> None:
            batch, future = pending.popleft()
            signals = future.result()
            with self.store.session() as session:
                result = self._write_batch(session.connection(), batch, signals)
            total.add(result)
            if on_batch is not None:
                on_batch(result)

        for batch in _batches(items, self.batch_size):
            texts = [item.text for item in batch if item.direction is Direction.INBOUND]
            pending.append((batch, self.scorer.submit(texts)))
            if len(pending) > 2:
                flush_one()
        while pending:
            flush_one()
        return total

    # -- the write path ----------------------------------------------------------

    def _write_batch(
        self, conn: Connection, batch: list[IncomingMessage], signals: list[TextSignals]
    ) -> IngestResult:
        result = IngestResult(received=len(batch))
        scores: dict[int, Score] = {}
        inbound_signals = iter(signals)
        for index, item in enumerate(batch):
            if item.direction is Direction.INBOUND:
                scores[index] = self.scorer.score(item, next(inbound_signals))

        # Idempotency: drop what is stored already and repeats inside the batch.
        existing = self._existing_messages(conn, [(i.network, i.external_id) for i in batch])
        seen: set[tuple[str, str]] = set()
        fresh: list[tuple[IncomingMessage, Score | None]] = []
        for index, item in enumerate(batch):
            key = (item.network.value, item.external_id)
            if key in existing or key in seen:
                result.duplicates += 1
                continue
            seen.add(key)
            fresh.append((item, scores.get(index)))
        if not fresh:
            return result
        fresh.sort(key=lambda pair: pair[0].created_at_utc)
        now = self.clock()

        account_ids = self._accounts(conn, fresh, now)
        contact_ids = self._contacts(conn, fresh, now)
        conv_of, created = self._conversations(conn, fresh, account_ids, contact_ids, now)
        result.conversations_created = created

        rows = []
        for item, score in fresh:
            inbound = item.direction is Direction.INBOUND
            rows.append(
                {
                    "network": item.network.value,
                    "external_id": item.external_id,
                    "conversation_id": conv_of[(item.network.value, item.external_id)],
                    "account_id": account_ids.get((item.network.value, normalise_handle(item.account))),
                    "contact_id": contact_ids.get((item.network.value, item.author.id))
                    if inbound
                    else None,
                    "kind": item.kind.value,
                    "direction": item.direction.value,
                    "public": item.is_public,
                    "author_handle": item.author.handle,
                    "author_name": item.author.name,
                    "text": item.text,
                    "created_at": item.created_at_utc,
                    "url": item.url,
                    "in_reply_to": item.in_reply_to or None,
                    "sentiment": score.sentiment if score else None,
                    "complaint": score.complaint if score else None,
                    "complaint_score": score.complaint_score if score else None,
                    "priority": score.priority if score else None,
                    "reasons": json.dumps(list(score.reasons)) if score else "[]",
                    "ingested_at": now,
                }
            )
        ids = list(
            conn.execute(
                insert(Message).returning(Message.id, sort_by_parameter_order=True), rows
            ).scalars()
        )
        result.inserted = len(ids)
        result.inserted_ids = ids
        result.replies_matched = self._advance_conversations(conn, fresh, ids, rows)
        return result

    def _existing_messages(
        self, conn: Connection, keys: list[tuple[str, str]]
    ) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        by_network: dict[str, list[str]] = {}
        for network, external_id in keys:
            by_network.setdefault(network, []).append(external_id)
        for network, external_ids in by_network.items():
            for chunk in _chunks(external_ids):
                stmt = select(Message.external_id).where(
                    Message.network == network, Message.external_id.in_(chunk)
                )
                found.update((network, ext) for ext in conn.execute(stmt).scalars())
        return found

    def _accounts(
        self,
        conn: Connection,
        fresh: list[tuple[IncomingMessage, Score | None]],
        now: datetime,
    ) -> dict[tuple[str, str], int]:
        wanted: dict[tuple[str, str], str] = {}
        for item, _ in fresh:
            if item.account.strip():
                wanted.setdefault(
                    (item.network.value, normalise_handle(item.account)), item.account.strip()
                )
        ids: dict[tuple[str, str], int] = {}
        if not wanted:
            return ids
        stmt = select(Account.network, Account.handle, Account.id).where(
            tuple_(Account.network, Account.handle).in_(list(wanted))
        )
        for network, handle, account_id in conn.execute(stmt):
            ids[(network, handle)] = account_id
        missing = [key for key in wanted if key not in ids]
        if missing:
            rows = [
                {"network": n, "handle": h, "display_name": wanted[(n, h)], "created_at": now}
                for n, h in missing
            ]
            new_ids = conn.execute(
                insert(Account).returning(Account.id, sort_by_parameter_order=True), rows
            ).scalars()
            ids.update(zip(missing, new_ids, strict=True))
        return ids

    def _contacts(
        self,
        conn: Connection,
        fresh: list[tuple[IncomingMessage, Score | None]],
        now: datetime,
    ) -> dict[tuple[str, str], int]:
        latest: dict[tuple[str, str], IncomingMessage] = {}
        for item, _ in fresh:
            if item.direction is Direction.INBOUND and item.author.id:
                latest[(item.network.value, item.author.id)] = item  # time order: last wins
        ids: dict[tuple[str, str], int] = {}
        if not latest:
            return ids
        keys = list(latest)
        stored: dict[tuple[str, str], tuple[int, str, str, int | None]] = {}
        for chunk in _chunks(keys):
            stmt = select(
                Contact.network,
                Contact.external_id,
                Contact.id,
                Contact.handle,
                Contact.name,
                Contact.followers,
            ).where(tuple_(Contact.network, Contact.external_id).in_(list(chunk)))
            for network, ext, cid, handle, name, followers in conn.execute(stmt):
                stored[(network, ext)] = (cid, handle, name, followers)
        changed = []
        for key, (cid, handle, name, followers) in stored.items():
            ids[key] = cid
            author = latest[key].author
            new_followers = author.followers if author.followers is not None else followers
            if (author.handle, author.name, new_followers) != (handle, name, followers):
                changed.append(
                    {
                        "cid": cid,
                        "handle": author.handle,
                        "name": author.name,
                        "followers": new_followers,
                        "seen": latest[key].created_at_utc,
                    }
                )
        if changed:
            conn.execute(
                update(Contact.__table__)
                .where(Contact.__table__.c.id == bindparam("cid"))
                .values(
                    handle=bindparam("handle"),
                    name=bindparam("name"),
                    followers=bindparam("followers"),
                    last_seen_at=bindparam("seen"),
                ),
                changed,
            )
        missing = [key for key in keys if key not in stored]
        if missing:
            rows = []
            for key in missing:
                item = latest[key]
                rows.append(
                    {
                        "network": key[0],
                        "external_id": key[1],
                        "handle": item.author.handle,
                        "name": item.author.name,
                        "followers": item.author.followers,
                        "first_seen_at": item.created_at_utc,
                        "last_seen_at": item.created_at_utc,
                    }
                )
            new_ids = conn.execute(
                insert(Contact).returning(Contact.id, sort_by_parameter_order=True), rows
            ).scalars()
            ids.update(zip(missing, new_ids, strict=True))
        return ids

    def _conversations(
        self,
        conn: Connection,
        fresh: list[tuple[IncomingMessage, Score | None]],
        account_ids: dict[tuple[str, str], int],
        contact_ids: dict[tuple[str, str], int],
        now: datetime,
    ) -> tuple[dict[tuple[str, str], int], int]:
        """Thread each message: an explicit conversation wins, then the parent's
        conversation, then the parent's id (so a reply that arrives before its parent
        lands where the parent will), then the message's own id."""
        batch_keys = {(i.network.value, i.external_id) for i, _ in fresh}
        parent_refs = [
            (i.network.value, i.in_reply_to)
            for i, _ in fresh
            if i.in_reply_to and not i.conversation
            and (i.network.value, i.in_reply_to) not in batch_keys
        ]
        parent_conv: dict[tuple[str, str], int] = {}
        for chunk in _chunks(list(set(parent_refs))):
            stmt = select(Message.network, Message.external_id, Message.conversation_id).where(
                tuple_(Message.network, Message.external_id).in_(list(chunk))
            )
            for network, ext, conv_id in conn.execute(stmt):
                parent_conv[(network, ext)] = conv_id

        # Resolve each message to either a stored conversation id or a key.
        key_of: dict[tuple[str, str], tuple[str, str]] = {}
        direct: dict[tuple[str, str], int] = {}
        for item, _ in fresh:
            network = item.network.value
            me = (network, item.external_id)
            parent = (network, item.in_reply_to) if item.in_reply_to else None
            if item.conversation:
                key_of[me] = (network, item.conversation)
            elif parent and parent in key_of:
                key_of[me] = key_of[parent]
            elif parent and parent in direct:
                direct[me] = direct[parent]
            elif parent and parent in parent_conv:
                direct[me] = parent_conv[parent]
            else:
                key_of[me] = (network, item.in_reply_to or item.external_id)

        conv_ids: dict[tuple[str, str], int] = {}
        keys = list(set(key_of.values()))
        for chunk in _chunks(keys):
            stmt = select(
                Conversation.network, Conversation.external_key, Conversation.id
            ).where(tuple_(Conversation.network, Conversation.external_key).in_(list(chunk)))
            for network, key, conv_id in conn.execute(stmt):
                conv_ids[(network, key)] = conv_id
        missing: dict[tuple[str, str], dict[str, Any]] = {}
        for item, _ in fresh:
            me = (item.network.value, item.external_id)
            key = key_of.get(me)
            if key is None or key in conv_ids or key in missing:
                continue
            inbound = item.direction is Direction.INBOUND
            missing[key] = {
                "network": key[0],
                "external_key": key[1],
                "account_id": account_ids.get((key[0], normalise_handle(item.account))),
                "contact_id": contact_ids.get((key[0], item.author.id)) if inbound else None,
                "public": item.is_public,
                "status": ConversationStatus.NEW.value,
                "assignee": None,
                "created_at": item.created_at_utc,
                "last_message_at": item.created_at_utc,
                "priority": 0,
            }
        if missing:
            new_ids = conn.execute(
                insert(Conversation).returning(Conversation.id, sort_by_parameter_order=True),
                list(missing.values()),
            ).scalars()
            conv_ids.update(zip(missing, new_ids, strict=True))
        conv_of = dict(direct)
        for me, key in key_of.items():
            conv_of[me] = conv_ids[key]
        return conv_of, len(missing)

    def _advance_conversations(
        self,
        conn: Connection,
        fresh: list[tuple[IncomingMessage, Score | None]],
        ids: list[int],
        rows: list[dict[str, Any]],
    ) -> int:
        """Walk the new messages in time order: arrivals start the waiting clock,
        replies stop it, and a customer writing into a closed thread reopens it."""
        conv_ids = sorted({row["conversation_id"] for row in rows})
        states: dict[int, _ConvState] = {}
        last_inbound = Message.__table__.alias("last_inbound")
        for chunk in _chunks(conv_ids):
            stmt = (
                select(
                    Conversation.id,
                    Conversation.status,
                    Conversation.awaiting_since,
                    Conversation.last_message_at,
                    Conversation.last_inbound_message_id,
                    last_inbound.c.created_at,
                    Conversation.first_response_at,
                    Conversation.priority,
                )
                .outerjoin(
                    last_inbound,
                    and_(last_inbound.c.id == Conversation.last_inbound_message_id),
                )
                .where(Conversation.id.in_(list(chunk)))
            )
            for row in conn.execute(stmt):
                states[row[0]] = _ConvState(*row)
        events: list[dict[str, Any]] = []
        matched = 0
        for (item, score), message_id, row in zip(fresh, ids, rows, strict=True):
            state = states[row["conversation_id"]]
            at = item.created_at_utc
            if at > state.last_message_at:
                state.last_message_at = at
                state.dirty = True
            if item.direction is Direction.INBOUND:
                events.append(_event(state.id, message_id, EventType.ARRIVED, at, None))
                if state.last_inbound_at is None or at >= state.last_inbound_at:
                    state.last_inbound_message_id = message_id
                    state.last_inbound_at = at
                    state.priority = score.priority if score else 0
                if state.awaiting_since is None or at < state.awaiting_since:
                    state.awaiting_since = at
                if state.status in (ConversationStatus.RESOLVED, ConversationStatus.PENDING):
                    events.append(
                        _event(
                            state.id,
                            message_id,
                            EventType.STATUS_CHANGED,
                            at,
                            None,
                            data={"from": state.status, "to": "open", "why": "customer wrote"},
                        )
                    )
                    state.status = ConversationStatus.OPEN.value
                state.dirty = True
            else:
                response = None
                if state.awaiting_since is not None and at >= state.awaiting_since:
                    response = (at - state.awaiting_since).total_seconds()
                    state.awaiting_since = None
                    if state.first_response_at is None:
                        state.first_response_at = at
                    matched += 1
                events.append(
                    _event(
                        state.id,
                        message_id,
                        EventType.REPLIED,
                        at,
                        item.author.handle,
                        response_seconds=response,
                    )
                )
                if state.status == ConversationStatus.NEW:
                    events.append(
                        _event(
                            state.id,
                            message_id,
                            EventType.STATUS_CHANGED,
                            at,
                            item.author.handle,
                            data={"from": "new", "to": "open", "why": "brand replied"},
                        )
                    )
                    state.status = ConversationStatus.OPEN.value
                state.dirty = True
        dirty = [
            {
                "cid": s.id,
                "status": s.status,
                "awaiting_since": s.awaiting_since,
                "last_message_at": s.last_message_at,
                "last_inbound_message_id": s.last_inbound_message_id,
                "first_response_at": s.first_response_at,
                "priority": s.priority,
            }
            for s in states.values()
            if s.dirty
        ]
        if dirty:
            table = Conversation.__table__
            conn.execute(
                update(table)
                .where(table.c.id == bindparam("cid"))
                .values(
                    status=bindparam("status"),
                    awaiting_since=bindparam("awaiting_since", type_=table.c.awaiting_since.type),
                    last_message_at=bindparam(
                        "last_message_at", type_=table.c.last_message_at.type
                    ),
                    last_inbound_message_id=bindparam("last_inbound_message_id"),
                    first_response_at=bindparam(
                        "first_response_at", type_=table.c.first_response_at.type
                    ),
                    priority=bindparam("priority"),
                ),
                dirty,
            )
        if events:
            conn.execute(insert(Event), events)
        return matched

    def _save_cursor(self, conn: Connection, cursor: CursorUpdate) -> None:
        now = self.clock()
        handle = normalise_handle(cursor.account)
        account_id = conn.execute(
            select(Account.id).where(
                Account.network == cursor.network.value, Account.handle == handle
            )
        ).scalar()
        if account_id is None:
            account_id = conn.execute(
                insert(Account).returning(Account.id),
                {
                    "network": cursor.network.value,
                    "handle": handle,
                    "display_name": cursor.account,
                    "created_at": now,
                },
            ).scalar_one()
        updated = conn.execute(
            update(SyncCursor)
            .where(SyncCursor.account_id == account_id, SyncCursor.stream == cursor.stream)
            .values(cursor=cursor.value, updated_at=now)
        )
        if updated.rowcount == 0:
            conn.execute(
                insert(SyncCursor),
                {
                    "account_id": account_id,
                    "stream": cursor.stream,
                    "cursor": cursor.value,
                    "updated_at": now,
                },
            )


def _event(
    conversation_id: int,
    message_id: int | None,
    kind: EventType,
    at: datetime,
    actor: str | None,
    *,
    response_seconds: float | None = None,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "message_id": message_id,
        "type": kind.value,
        "at": at,
        "actor": actor,
        "response_seconds": response_seconds,
        "data": json.dumps(data or {}),
    }


def read_cursor(store: Store, network: Network, account: str, stream: str) -> str | None:
    with store.connect() as conn:
        stmt = (
            select(SyncCursor.cursor)
            .join(Account, Account.id == SyncCursor.account_id)
            .where(
                Account.network == network.value,
                Account.handle == normalise_handle(account),
                SyncCursor.stream == stream,
            )
        )
        value: str | None = conn.execute(stmt).scalar()
        return value
