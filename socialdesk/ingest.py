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
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, insert, select, update

from socialdesk import queue
from socialdesk.domain import (
    ConversationStatus,
    Direction,
    EventType,
    IncomingMessage,
    Network,
    Score,
    utcnow,
)
from socialdesk.models import Account, SyncCursor
from socialdesk.scoring import ScoreContext, Scorer
from socialdesk.store import Store

_IN_CHUNK = 400
# Messages per transaction in a stream. Each batch pays fixed costs (lookups by key, the
# search index's INSERT ... SELECT, a commit): on the 2-core machine, 5,000 gave an ingest
# ratio of 0.79 to 0.87 where 1,000 gave 0.62 to 0.81. A batch holds the write lock for a
# few tenths of a second; readers (the window) never wait for it.
BATCH_SIZE = 5000
_json_string = json.encoder.encode_basestring_ascii
REPEAT_WINDOW = timedelta(days=7)
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


@lru_cache(maxsize=4096)
def normalise_handle(handle: str) -> str:
    handle = handle.strip()
    for prefix in ("@", "u/", "/u/"):
        if handle.lower().startswith(prefix):
            handle = handle[len(prefix) :]
    return handle.lower()


def reasons_json(reasons: Sequence[str]) -> str:
    """``json.dumps(list(reasons))``, byte for byte, without the general encoder's
    cost: it runs once for every message ingested."""
    return "[" + ", ".join(map(_json_string, reasons)) + "]"


def _chunks(items: Sequence[_T], size: int = _IN_CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batches(items: Iterable[IncomingMessage], size: int) -> Iterator[list[IncomingMessage]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(slots=True)
class _ConvState:
    """A conversation's clock while a batch is applied. Times stay as the database
    holds them (``_Raw.dt``): they order correctly and need no converting back. A
    conversation this batch starts has id 0 until it is written, with its final state."""

    id: int
    status: str
    awaiting_since: Any
    last_message_at: Any
    last_inbound_message_id: int | None
    last_inbound_at: Any
    first_response_at: Any
    priority: int
    # The latest customer message's facts, which the queue orders and filters by.
    network: str
    kind: str | None
    complaint: bool | None
    intent: str | None
    # Set while the batch runs: the batch's own latest customer message, if it has one,
    # and the queue priority as of the batch.
    last_inbound_item: _Item | None = None
    queue_priority: int = 0


@dataclass(slots=True)
class _ContactCache:
    """Contacts one stream has written, so later batches need not look them up: a big
    import sees the same customers again and again. Rows join ``rows`` only once their
    batch has committed. Another writer changing a contact meanwhile can, at worst,
    leave it with this import's name and follower count."""

    rows: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)
    pending: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)
    limit: int = 200_000

    def commit(self) -> None:
        if len(self.rows) < self.limit:
            self.rows.update(self.pending)
        self.pending.clear()


@dataclass(slots=True)
class _Clocks:
    """The batch's walk: every conversation's state (by id, or by key for those the
    batch starts), its events waiting for message ids, replies that answered someone, and
    conversations whose clock must be replayed."""

    states: dict[Any, _ConvState]
    events: list[tuple[Any, ...]] = field(default_factory=list)
    matched: dict[Any, int] = field(default_factory=dict)
    late: set[Any] = field(default_factory=set)
    # Whether the messages took the ids the new conversations were written with.
    predicted: bool = False


_MESSAGE_COLUMNS = (
    "network",
    "external_id",
    "conversation_id",
    "account_id",
    "contact_id",
    "kind",
    "direction",
    "public",
    "author_handle",
    "author_name",
    "text",
    "created_at",
    "url",
    "in_reply_to",
    "sentiment",
    "complaint",
    "complaint_score",
    "priority",
    "reasons",
    "ingested_at",
    "intent",
    "topic",
)
_EVENT_COLUMNS = (
    "conversation_id",
    "message_id",
    "type",
    "at",
    "actor",
    "response_seconds",
    "data",
)


_DAYS_BEFORE: dict[tuple[str, int], str] = {}


class _Raw:
    """Plain SQL through the driver's own cursor, inside the session's transaction.

    Times are written the way the ORM's UTCDateTime reads them back: naive UTC
    text on SQLite, aware datetimes on PostgreSQL.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.ph = "?" if self.sqlite else "%s"
        self.cursor = conn.connection.cursor()

    def dt(self, value: datetime | None) -> Any:
        if value is None:
            return None
        if value.tzinfo is not UTC:
            value = value.astimezone(UTC)
        if self.sqlite:
            # "YYYY-MM-DD HH:MM:SS.ffffff+00:00" less the zone, the ORM's own format.
            return value.isoformat(" ", "microseconds")[:26]
        return value

    def days_before(self, at: datetime, at_sql: Any, days: int) -> Any:
        """``dt(at - days)`` for ``at_sql == dt(at)``: on SQLite only the date part
        changes (UTC has no clock changes), so only that is formatted, once a day."""
        if not self.sqlite:
            return at - timedelta(days=days)
        day = at_sql[:10]
        earlier = _DAYS_BEFORE.get((day, days))
        if earlier is None:
            earlier = (at.date() - timedelta(days=days)).isoformat()
            if len(_DAYS_BEFORE) < 10_000:
                _DAYS_BEFORE[(day, days)] = earlier
        return earlier + at_sql[10:]

    def stored(self, value: Any) -> Any:
        """A time read back from the database, in the form ``dt`` writes."""
        if value is None or self.sqlite:
            return value
        return self.dt(self.parse(value))

    def parse(self, value: Any) -> datetime | None:
        """A time as the driver returns it, back to an aware UTC datetime."""
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def execute_many(self, statement: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            self.cursor.executemany(statement, rows)

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        marks = ", ".join([self.ph] * len(columns))
        self.execute_many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def query(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        self.cursor.execute(statement, params)
        return [tuple(row) for row in self.cursor.fetchall()]

    def next_id(self, table: str) -> int | None:
        """The id SQLite gives the next row of ``table`` (the write lock is ours); None on
        PostgreSQL, whose sequences promise no such thing."""
        if not self.sqlite:
            return None
        last = int(self.query(f"SELECT coalesce(max(id), 0) FROM {table}", ())[0][0])
        # At the largest rowid SQLite picks ids at random: no prediction then.
        return last + 1 if last < 2**63 - 1 else None

    def inserted_ids(
        self, table: str, keys: Sequence[tuple[str, str]], *, key_column: str = "external_id"
    ) -> list[int]:
        """The ids of rows just inserted for ``keys`` (network, external id), in order.

        On SQLite the write lock is ours and each row took the next rowid, so the
        batch holds the highest ids in insertion order; the first and last rows are
        checked to be the ones expected. Otherwise, or if that check fails, look
        each key up."""
        if self.sqlite and keys:
            last = int(self.query(f"SELECT max(id) FROM {table}", ())[0][0])
            first = last - len(keys) + 1
            ends = self.query(
                f"SELECT id, network, {key_column} FROM {table} WHERE id IN (?, ?)",
                (first, last),
            )
            found = {row[0]: (row[1], row[2]) for row in ends}
            if found.get(first) == keys[0] and found.get(last) == keys[-1]:
                return list(range(first, last + 1))
        stored = self.lookup(table, key_column, "id", keys)
        return [stored[key] for key in keys]

    def index_for_search(self, ids: Sequence[int]) -> None:
        """SQLite only (PostgreSQL keeps a generated tsvector). The batch's rows hold
        the highest ids and the write lock is ours, so a range covers exactly them."""
        if self.sqlite and ids:
            self.cursor.execute(
                "INSERT INTO messages_fts(rowid, text, author_handle, author_name) "
                "SELECT id, text, author_handle, author_name FROM messages "
                "WHERE id BETWEEN ? AND ?",
                (min(ids), max(ids)),
            )

    def lookup(
        self,
        table: str,
        key_column: str,
        value_columns: str,
        keys: Iterable[tuple[str, str]],
        *,
        whole_row: bool = False,
    ) -> dict[tuple[str, str], Any]:
        """(network, key) -> value (or the value row) for the keys that exist."""
        by_network: dict[str, list[str]] = {}
        for network, key in keys:
            by_network.setdefault(network, []).append(key)
        found: dict[tuple[str, str], Any] = {}
        for network, values in by_network.items():
            for chunk in _chunks(values):
                marks = ", ".join([self.ph] * len(chunk))
                statement = (
                    f"SELECT {key_column}, {value_columns} FROM {table} "
                    f"WHERE network = {self.ph} AND {key_column} IN ({marks})"
                )
                for row in self.query(statement, (network, *chunk)):
                    found[(network, row[0])] = tuple(row[1:]) if whole_row else row[1]
        return found


_NO_DATA = "{}"
_ARRIVED = EventType.ARRIVED.value
_REPLIED = EventType.REPLIED.value
_CONTACT_COLUMNS = (
    "network",
    "external_id",
    "handle",
    "name",
    "followers",
    "first_seen_at",
    "last_seen_at",
)
_CONVERSATION_COLUMNS = (
    "network",
    "external_key",
    "account_id",
    "contact_id",
    "public",
    "status",
    "created_at",
    "last_message_at",
    "priority",
    "awaiting_since",
    "first_response_at",
    "queue_priority",
    "complaint",
    "kind",
    "last_inbound_message_id",
)


def _status_change(item: Any, actor: str | None, change: dict[str, str]) -> tuple[Any, ...]:
    return (item, EventType.STATUS_CHANGED.value, actor, None, json.dumps(change))


@dataclass(slots=True)
class _Item:
    """A fresh message with the values the write path needs, worked out once."""

    msg: IncomingMessage
    signals: Any
    network: str
    key: tuple[str, str]
    inbound: bool
    at: datetime
    at_sql: Any
    account: tuple[str, str]
    conversation_id: int = 0
    message_id: int = 0
    score: Score | None = None
    # The conversation: its id when stored before this batch, else its key until the
    # batch writes it.
    conv: Any = None


class Ingestor:
    def __init__(
        self,
        store: Store,
        scorer: Scorer,
        *,
        batch_size: int = BATCH_SIZE,
        lookahead: int = 4,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.scorer = scorer
        self.batch_size = batch_size
        # Batches scored ahead of the one being written: enough to keep every worker busy.
        self.lookahead = lookahead
        self.clock = clock

    def ingest(
        self, items: Iterable[IncomingMessage], *, cursor: CursorUpdate | None = None
    ) -> IngestResult:
        """Everything in one transaction, with the cursor: for one fetch from a source."""
        batch, known = self._not_yet_stored(list(items))
        signals = self.scorer.submit(_inbound_texts(batch)).result()
        with self.store.session() as session:
            conn = session.connection()
            result = self._write_batch(conn, batch, signals)
            if cursor is not None:
                self._save_cursor(conn, cursor)
        result.received += known
        result.duplicates += known
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
        pending: deque[tuple[list[IncomingMessage], int, Future[list[Any]]]] = deque()
        contacts = _ContactCache()

        def flush_one() -> None:
            batch, known, future = pending.popleft()
            signals = future.result()
            try:
                with self.store.session() as session:
                    result = self._write_batch(session.connection(), batch, signals, contacts)
            except BaseException:
                contacts.pending.clear()  # rolled back: nothing of it was written
                raise
            contacts.commit()
            result.received += known
            result.duplicates += known
            total.add(result)
            if on_batch is not None:
                on_batch(result)

        for raw_batch in _batches(items, self.batch_size):
            batch, known = self._not_yet_stored(raw_batch)
            pending.append((batch, known, self.scorer.submit(_inbound_texts(batch))))
            if len(pending) > self.lookahead:
                flush_one()
        while pending:
            flush_one()
        return total

    def _not_yet_stored(self, batch: list[IncomingMessage]) -> tuple[list[IncomingMessage], int]:
        """Skip what is stored already before paying for scoring it: sources re-fetch
        overlapping windows and files get imported twice. The write path checks again
        inside its transaction, so a message stored meanwhile is still not doubled."""
        if not batch:
            return batch, 0
        with self.store.connect() as conn:
            stored = _Raw(conn).lookup(
                "messages", "external_id", "id", [(m.network.value, m.external_id) for m in batch]
            )
        if not stored:
            return batch, 0
        fresh = [m for m in batch if (m.network.value, m.external_id) not in stored]
        return fresh, len(batch) - len(fresh)

    # -- the write path ----------------------------------------------------------
    # The hot path speaks plain SQL through the driver's executemany: the ORM's
    # per-row bookkeeping costs more than scoring does at 100k messages.

    def _write_batch(
        self,
        conn: Connection,
        batch: list[IncomingMessage],
        signals: list[Any],
        contacts: _ContactCache | None = None,
    ) -> IngestResult:
        if contacts is None:
            contacts = _ContactCache()
        sql = _Raw(conn)
        result = IngestResult(received=len(batch))
        inbound_signals = iter(signals)
        candidates: list[tuple[IncomingMessage, Any]] = []
        for msg in batch:
            inbound = msg.direction is Direction.INBOUND
            candidates.append((msg, next(inbound_signals) if inbound else None))

        # Idempotency: drop what is stored already and repeats inside the batch.
        keys = [(msg.network.value, msg.external_id) for msg in batch]
        existing = sql.lookup("messages", "external_id", "id", keys)
        fresh: list[_Item] = []
        for key, (msg, text_signals) in zip(keys, candidates, strict=True):
            if key in existing:
                result.duplicates += 1
                continue
            existing[key] = 0
            at = msg.created_at_utc
            fresh.append(
                _Item(
                    msg=msg,
                    signals=text_signals,
                    network=key[0],
                    key=key,
                    inbound=msg.direction is Direction.INBOUND,
                    at=at,
                    at_sql=sql.dt(at),
                    account=(key[0], normalise_handle(msg.account)),
                )
            )
        if not fresh:
            return result
        # Time order; at the same instant the customer's message comes before the reply,
        # and the external id settles the rest, so arrival order never decides.
        fresh.sort(key=lambda item: (item.at, not item.inbound, item.msg.external_id))
        now = self.clock()

        account_ids = self._accounts(sql, fresh, now)
        contact_ids = self._contacts(sql, fresh, contacts)
        starts = self._thread(sql, fresh, account_ids, contact_ids)
        result.conversations_created = len(starts)
        recent = self._recent_conversations(sql, fresh, contact_ids)
        for conv_key, row in starts.items():  # conversations this batch starts count too
            if row[3] is not None:
                recent.setdefault(row[3], []).append((conv_key, row[6]))
        for item in fresh:
            if item.inbound:
                contact = contact_ids.get((item.network, item.msg.author.id))
                others = recent.get(contact) if contact is not None else None
                repeat = False
                if others:
                    # Times compared as the database holds them (text on SQLite sorts right).
                    since = sql.days_before(item.at, item.at_sql, REPEAT_WINDOW.days)
                    repeat = any(
                        ref != item.conv and since <= at <= item.at_sql for ref, at in others
                    )
                item.score = self.scorer.score(item.msg, item.signals, ScoreContext(repeat=repeat))

        clocks = self._run_clocks(sql, fresh, starts, now)
        # On SQLite the batch's messages will take the next ids in order (checked once
        # they are written), so a new conversation can name its latest message already.
        predicted = sql.next_id("messages")
        if predicted is not None:
            for offset, item in enumerate(fresh):
                item.message_id = predicted + offset
        self._write_started(sql, starts, clocks)
        for item in fresh:
            item.conversation_id = clocks.states[item.conv].id
        ingested_at = sql.dt(now)
        rows = []
        for item in fresh:
            msg, score = item.msg, item.score
            rows.append(
                (
                    item.network,
                    msg.external_id,
                    item.conversation_id,
                    account_ids.get(item.account),
                    contact_ids.get((item.network, msg.author.id)) if item.inbound else None,
                    msg.kind.value,
                    msg.direction.value,
                    msg.is_public,
                    msg.author.handle,
                    msg.author.name,
                    msg.text,
                    item.at_sql,
                    msg.url,
                    msg.in_reply_to or None,
                    score.sentiment if score else None,
                    score.complaint if score else None,
                    score.complaint_score if score else None,
                    score.priority if score else None,
                    reasons_json(score.reasons) if score else "[]",
                    ingested_at,
                    (score.intent or None) if score else None,
                    (score.topic or None) if score else None,
                )
            )
        sql.insert_many("messages", _MESSAGE_COLUMNS, rows)
        ids = sql.inserted_ids("messages", [item.key for item in fresh])
        clocks.predicted = predicted is not None and ids[0] == predicted
        for item, message_id in zip(fresh, ids, strict=True):
            item.message_id = message_id
        sql.index_for_search(ids)
        result.inserted = len(ids)
        result.inserted_ids = ids
        result.replies_matched = self._finish_clocks(sql, fresh, clocks, now)
        return result

    def _recent_conversations(
        self, sql: _Raw, fresh: list[_Item], contact_ids: dict[tuple[str, str], int]
    ) -> dict[int, list[tuple[Any, Any]]]:
        """Each author's conversations started in the repeat window before this batch:
        someone writing about a second thing this week is a repeat contact."""
        ids = sorted(set(contact_ids.values()))
        if not ids:
            return {}
        since = sql.dt(min(item.at for item in fresh) - REPEAT_WINDOW)
        found: dict[int, list[tuple[Any, Any]]] = {}
        for chunk in _chunks(ids):
            marks = ", ".join([sql.ph] * len(chunk))
            rows = sql.query(
                "SELECT contact_id, id, created_at FROM conversations "
                f"WHERE contact_id IN ({marks}) AND last_message_at >= {sql.ph}",
                (*chunk, since),
            )
            for contact, cid, created in rows:
                found.setdefault(contact, []).append((cid, created))
        return found

    def _accounts(self, sql: _Raw, fresh: list[_Item], now: datetime) -> dict[tuple[str, str], int]:
        wanted: dict[tuple[str, str], str] = {}
        for item in fresh:
            if item.account[1]:
                wanted.setdefault(item.account, item.msg.account.strip())
        ids = sql.lookup("accounts", "handle", "id", list(wanted))
        missing = [key for key in wanted if key not in ids]
        if missing:
            sql.insert_many(
                "accounts",
                ("network", "handle", "display_name", "created_at"),
                [(n, h, wanted[(n, h)], sql.dt(now)) for n, h in missing],
            )
            ids.update(sql.lookup("accounts", "handle", "id", missing))
        return ids

    def _contacts(
        self, sql: _Raw, fresh: list[_Item], known: _ContactCache
    ) -> dict[tuple[str, str], int]:
        """Each author's contact id, created or brought up to date. ``known`` holds what
        earlier batches of this stream wrote; it gets this batch's rows in ``pending``."""
        latest: dict[tuple[str, str], _Item] = {}
        first: dict[tuple[str, str], str] = {}  # a new contact's earliest message
        for item in fresh:
            if item.inbound and item.msg.author.id:
                key = (item.network, item.msg.author.id)
                latest[key] = item  # time order: last wins
                first.setdefault(key, item.at_sql)
        if not latest:
            return {}
        stored = {key: known.rows[key] for key in latest if key in known.rows}
        unknown = [key for key in latest if key not in stored]
        if unknown:
            stored.update(
                sql.lookup(
                    "contacts",
                    "external_id",
                    "id, handle, name, followers",
                    unknown,
                    whole_row=True,
                )
            )
        ids: dict[tuple[str, str], int] = {}
        changed = []
        for key, (cid, handle, name, followers) in stored.items():
            ids[key] = cid
            item = latest[key]
            author = item.msg.author
            new_followers = author.followers if author.followers is not None else followers
            known.pending[key] = (cid, author.handle, author.name, new_followers)
            if (author.handle, author.name, new_followers) != (handle, name, followers):
                changed.append((author.handle, author.name, new_followers, item.at_sql, cid))
        ph = sql.ph
        sql.execute_many(
            f"UPDATE contacts SET handle = {ph}, name = {ph}, followers = {ph}, "
            f"last_seen_at = {ph} WHERE id = {ph}",
            changed,
        )
        missing = [key for key in latest if key not in stored]
        if missing:
            rows = []
            for key in missing:
                item = latest[key]
                author = item.msg.author
                rows.append(
                    (
                        key[0],
                        key[1],
                        author.handle,
                        author.name,
                        author.followers,
                        first[key],
                        item.at_sql,
                    )
                )
            sql.insert_many("contacts", _CONTACT_COLUMNS, rows)
            ids.update(sql.lookup("contacts", "external_id", "id", missing))
            for key in missing:
                author = latest[key].msg.author
                known.pending[key] = (ids[key], author.handle, author.name, author.followers)
        return ids

    def _thread(
        self,
        sql: _Raw,
        fresh: list[_Item],
        account_ids: dict[tuple[str, str], int],
        contact_ids: dict[tuple[str, str], int],
    ) -> dict[tuple[str, str], tuple[Any, ...]]:
        """Thread each message: an explicit conversation wins, then the parent's
        conversation, then the parent's id (so a reply that arrives before its parent
        lands where the parent will), then the message's own id. Sets each item's
        ``conv``: a stored conversation's id, or the key of one this batch starts. Returns
        the conversations to start: key -> their row's first columns."""
        in_batch = {item.key for item in fresh}
        parent_refs = {
            (item.network, item.msg.in_reply_to)
            for item in fresh
            if item.msg.in_reply_to
            and not item.msg.conversation
            and (item.network, item.msg.in_reply_to) not in in_batch
        }
        parent_conv = sql.lookup("messages", "external_id", "conversation_id", parent_refs)

        # Resolve each message to either a stored conversation id or a key.
        key_of: dict[tuple[str, str], tuple[str, str]] = {}
        direct: dict[tuple[str, str], int] = {}
        for item in fresh:
            msg = item.msg
            parent = (item.network, msg.in_reply_to) if msg.in_reply_to else None
            if msg.conversation:
                key_of[item.key] = (item.network, msg.conversation)
            elif parent and parent in key_of:
                key_of[item.key] = key_of[parent]
            elif parent and parent in direct:
                direct[item.key] = direct[parent]
            elif parent and parent in parent_conv:
                direct[item.key] = parent_conv[parent]
            else:
                key_of[item.key] = (item.network, msg.in_reply_to or msg.external_id)

        conv_ids = sql.lookup("conversations", "external_key", "id", set(key_of.values()))
        starts: dict[tuple[str, str], tuple[Any, ...]] = {}
        for item in fresh:
            wanted = key_of.get(item.key)
            if wanted is None:
                item.conv = item.conversation_id = direct[item.key]
            elif wanted in conv_ids:
                item.conv = item.conversation_id = conv_ids[wanted]
            else:
                item.conv = wanted
                if wanted not in starts:
                    contact = (
                        contact_ids.get((item.network, item.msg.author.id))
                        if item.inbound
                        else None
                    )
                    starts[wanted] = (
                        wanted[0],
                        wanted[1],
                        account_ids.get(item.account),
                        contact,
                        item.msg.is_public,
                        ConversationStatus.NEW.value,
                        item.at_sql,
                    )
        return starts

    def _load_clocks(self, sql: _Raw, conversation_ids: Sequence[int]) -> dict[Any, _ConvState]:
        states: dict[Any, _ConvState] = {}
        for chunk in _chunks(sorted(conversation_ids)):
            marks = ", ".join([sql.ph] * len(chunk))
            rows = sql.query(
                "SELECT c.id, c.status, c.awaiting_since, c.last_message_at, "
                "c.last_inbound_message_id, m.created_at, c.first_response_at, c.priority, "
                "c.network, m.kind, m.complaint, m.intent "
                "FROM conversations c LEFT JOIN messages m ON m.id = c.last_inbound_message_id "
                f"WHERE c.id IN ({marks})",
                chunk,
            )
            for (
                cid,
                status,
                awaiting,
                last,
                inbound_id,
                inbound_at,
                first,
                prio,
                network,
                kind,
                complaint,
                intent,
            ) in rows:
                states[cid] = _ConvState(
                    id=cid,
                    status=status,
                    awaiting_since=sql.stored(awaiting),
                    last_message_at=sql.stored(last),
                    last_inbound_message_id=inbound_id,
                    last_inbound_at=sql.stored(inbound_at),
                    first_response_at=sql.stored(first),
                    priority=prio,
                    network=network,
                    kind=kind,
                    complaint=None if complaint is None else bool(complaint),
                    intent=intent,
                )
        return states

    def _run_clocks(
        self,
        sql: _Raw,
        fresh: list[_Item],
        starts: dict[tuple[str, str], tuple[Any, ...]],
        now: datetime,
    ) -> _Clocks:
        """Walk the new messages in time order: arrivals start the waiting clock,
        replies stop it, and a customer writing into a closed thread reopens it. Runs
        before anything is written, so a conversation this batch starts is written once,
        in its final state. Events wait for their message ids (``_finish_clocks``)."""
        stored = sorted({item.conv for item in fresh if isinstance(item.conv, int)})
        states = self._load_clocks(sql, stored)
        for key in starts:
            states[key] = _ConvState(
                id=0,
                status=ConversationStatus.NEW.value,
                awaiting_since=None,
                last_message_at=None,
                last_inbound_message_id=None,
                last_inbound_at=None,
                first_response_at=None,
                priority=0,
                network=key[0],
                kind=None,
                complaint=None,
                intent=None,
            )
        clocks = _Clocks(states=states)
        # What each stored conversation held before this batch: a message no newer than
        # that (a reply fetched before its parent, a backfill) arrived out of order, and
        # the conversation's clock is worked out again from every message afterwards.
        stored_last = {ref: states[ref].last_message_at for ref in stored if ref in states}
        for item in fresh:
            state = states[item.conv]
            at = item.at_sql
            before = stored_last.get(item.conv)
            item_late = before is not None and at <= before
            if item_late:
                clocks.late.add(item.conv)
            if state.last_message_at is None or at > state.last_message_at:
                state.last_message_at = at
            if item.inbound:
                clocks.events.append((item, _ARRIVED, None, None, _NO_DATA))
                if state.last_inbound_at is None or at >= state.last_inbound_at:
                    state.last_inbound_item = item
                    state.last_inbound_at = at
                    score = item.score
                    state.priority = score.priority if score else 0
                    state.kind = item.msg.kind.value
                    state.complaint = score.complaint if score else None
                    state.intent = score.intent if score else None
                if state.awaiting_since is None or at < state.awaiting_since:
                    state.awaiting_since = at
                if not item_late and state.status in (
                    ConversationStatus.RESOLVED,
                    ConversationStatus.PENDING,
                ):
                    # A message older than what is stored is history, not a new contact.
                    change = {"from": state.status, "to": "open", "why": "customer wrote"}
                    clocks.events.append(_status_change(item, None, change))
                    state.status = ConversationStatus.OPEN.value
                continue
            response = None
            if state.awaiting_since is not None and at >= state.awaiting_since:
                waited = item.at - sql.parse(state.awaiting_since)  # type: ignore[operator]
                response = waited.total_seconds()
                state.awaiting_since = None
                if state.first_response_at is None:
                    state.first_response_at = at
                clocks.matched[item.conv] = clocks.matched.get(item.conv, 0) + 1
            actor = item.msg.author.handle
            clocks.events.append((item, _REPLIED, actor, response, _NO_DATA))
            if state.status == ConversationStatus.NEW:
                change = {"from": "new", "to": "open", "why": "brand replied"}
                clocks.events.append(_status_change(item, actor, change))
                state.status = ConversationStatus.OPEN.value
        for state in states.values():
            state.queue_priority = _queue_priority(sql, state, now)
        return clocks

    def _write_started(
        self, sql: _Raw, starts: dict[tuple[str, str], tuple[Any, ...]], clocks: _Clocks
    ) -> None:
        """Write the conversations this batch starts, each once and in its final state
        (all but its latest message's id, which does not exist yet): every queue index
        takes one insert, not an insert and an update."""
        if not starts:
            return
        rows = []
        for key, first in starts.items():
            state = clocks.states[key]
            rows.append(
                (
                    *first[:5],
                    state.status,
                    first[6],
                    state.last_message_at,
                    state.priority,
                    state.awaiting_since,
                    state.first_response_at,
                    state.queue_priority,
                    state.complaint,
                    state.kind,
                    latest.message_id or None if (latest := state.last_inbound_item) else None,
                )
            )
        sql.insert_many("conversations", _CONVERSATION_COLUMNS, rows)
        ids = sql.inserted_ids("conversations", list(starts), key_column="external_key")
        for key, conversation_id in zip(starts, ids, strict=True):
            clocks.states[key].id = conversation_id

    def _finish_clocks(self, sql: _Raw, fresh: list[_Item], clocks: _Clocks, now: datetime) -> int:
        """Once the messages have ids: the stored conversations' new state, the new
        ones' latest message, the events, and any clock that must be replayed."""
        states = clocks.states
        ph = sql.ph
        changed, started = [], []
        for ref, s in states.items():
            latest = s.last_inbound_item
            if latest is not None:
                s.last_inbound_message_id = latest.message_id
            if isinstance(ref, int):
                changed.append(
                    (
                        s.status,
                        s.awaiting_since,
                        s.last_message_at,
                        s.last_inbound_message_id,
                        s.first_response_at,
                        s.priority,
                        s.queue_priority,
                        s.complaint,
                        s.kind,
                        s.id,
                    )
                )
            elif s.last_inbound_message_id is not None and not clocks.predicted:
                started.append((s.last_inbound_message_id, s.id))
        sql.execute_many(
            f"UPDATE conversations SET status = {ph}, awaiting_since = {ph}, "
            f"last_message_at = {ph}, last_inbound_message_id = {ph}, "
            f"first_response_at = {ph}, priority = {ph}, queue_priority = {ph}, "
            f"complaint = {ph}, kind = {ph} WHERE id = {ph}",
            changed,
        )
        # No queue index holds this column: writing it costs the row, not the indexes.
        sql.execute_many(
            f"UPDATE conversations SET last_inbound_message_id = {ph} WHERE id = {ph}", started
        )
        sql.insert_many(
            "events",
            _EVENT_COLUMNS,
            [
                (states[item.conv].id, item.message_id, kind, item.at_sql, actor, seconds, data)
                for item, kind, actor, seconds, data in clocks.events
            ],
        )
        # Replayed conversations count what the replay found, not the walk above.
        late = {states[ref].id for ref in clocks.late}
        total = sum(n for ref, n in clocks.matched.items() if ref not in clocks.late)
        if late:
            batch = {item.message_id for item in fresh if item.conv in clocks.late}
            total += self._replay_clocks(sql, sorted(late), batch)
            queue.refresh(sql.conn, late, now)
        return total

    def _replay_clocks(self, sql: _Raw, conversation_ids: Sequence[int], batch: set[int]) -> int:
        """Work out the waiting clock of each conversation from all its messages, in time
        order: for messages that arrived out of order (a reply fetched before the message
        it answers, a backfill of older history). Returns how many of the ``batch``'s
        replies answer a waiting message."""
        ph = sql.ph
        updates: list[tuple[Any, ...]] = []
        responses: list[tuple[Any, ...]] = []
        matched = 0
        for chunk in _chunks(conversation_ids):
            marks = ", ".join([ph] * len(chunk))
            rows = sql.query(
                "SELECT m.conversation_id, m.id, m.direction, m.created_at, m.priority, "
                "e.response_seconds FROM messages m LEFT JOIN events e "
                f"ON e.message_id = m.id AND e.type = {ph} "
                f"WHERE m.conversation_id IN ({marks}) "
                # The order ingestion uses (see _write_batch).
                "ORDER BY m.conversation_id, m.created_at, m.direction, m.external_id"
                + ("" if sql.sqlite else ' COLLATE "C"'),  # code-point order, as Python's
                (_REPLIED, *chunk),
            )
            by_conversation: dict[int, list[tuple[Any, ...]]] = {}
            for row in rows:
                by_conversation.setdefault(row[0], []).append(row)
            for cid, messages in by_conversation.items():
                awaiting: Any = None
                first_response: Any = None
                last_inbound: tuple[Any, ...] | None = None
                for _cid, mid, direction, at, priority, recorded in messages:
                    at = sql.stored(at)
                    if direction == Direction.INBOUND.value:
                        last_inbound = (mid, priority)
                        if awaiting is None:
                            awaiting = at
                        continue
                    response = None
                    if awaiting is not None:
                        waited = sql.parse(at) - sql.parse(awaiting)  # type: ignore[operator]
                        response = waited.total_seconds()
                        awaiting = None
                        if first_response is None:
                            first_response = at
                    if response != recorded:
                        responses.append((response, mid, _REPLIED))
                    if response is not None and mid in batch:
                        matched += 1
                inbound_id, priority = last_inbound if last_inbound else (None, 0)
                last = sql.stored(messages[-1][3])
                updates.append((awaiting, first_response, inbound_id, priority or 0, last, cid))
        sql.execute_many(
            f"UPDATE conversations SET awaiting_since = {ph}, first_response_at = {ph}, "
            f"last_inbound_message_id = {ph}, priority = {ph}, last_message_at = {ph} "
            f"WHERE id = {ph}",
            updates,
        )
        sql.execute_many(
            f"UPDATE events SET response_seconds = {ph} WHERE message_id = {ph} AND type = {ph}",
            responses,
        )
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


def _queue_priority(sql: _Raw, state: _ConvState, now: datetime) -> int:
    waited = None
    if state.awaiting_since is not None:
        since = sql.parse(state.awaiting_since)
        assert since is not None
        waited = (now - since).total_seconds()
    return queue.live_priority(state.priority, waited, state.network, state.intent or "")


def _inbound_texts(batch: list[IncomingMessage]) -> list[str]:
    return [m.text for m in batch if m.direction is Direction.INBOUND]


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
