"""Service metrics from the event log: what each conversation's service was, and the
reports, wallboard and countdowns built on it.

The event log (``events``) records every customer message arriving, every reply
(sent from SocialDesk or found on the network by a sync or an import), every status
change, assignment and stretch of an agent's handling. ``FactsBook.refresh`` walks a
conversation's events in time order and keeps one row of facts per conversation
(``conversation_facts``) and one per next response (``response_facts``): when it
started, when it was first answered and by whom, each later answer, its resolution, its
replies and handling time; every duration in calendar time and in the team's business
time. The clock pauses while the conversation is parked (pending on the customer,
resolved or spam) and stops at resolution. Only conversations with events the facts
have not read yet are worked out again, so keeping up costs little; changing the
business hours works them all out again once.

``report`` reads those rows and computes exact percentiles (nearest rank: the
smallest value with at least p% of the values at or below it) from every
conversation's own figure, never from averaged rollups.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from socialdesk.domain import WORKING_STATUSES, EventType, utcnow
from socialdesk.hours import BusinessHours, Timeline
from socialdesk.policies import PolicyBook
from socialdesk.sla import ServiceLevels, Targets, benchmark, kind_of
from socialdesk.store import Store, StoreError
from socialdesk.targets import duration_seconds

log = logging.getLogger("socialdesk.metrics")

GROUPINGS = ("channel", "account", "agent", "day", "hour")
UNASSIGNED = "(unassigned)"
# Events from a transaction that has not committed yet leave a gap in the ids the
# facts have read; they wait this long for it to fill before reading past it (a gap
# left by a rolled-back transaction never fills).
GAP_PATIENCE = timedelta(minutes=10)
MAX_MISSING = 10_000  # missing ids remembered at most (more is a rollback, not a writer)
_CHUNK = 500
_BATCH = 5_000
# How far around the events the business-hours timeline is laid out in one piece.
_TIMELINE_MARGIN = timedelta(days=60)


class ReportError(ValueError):
    """A report asked for in a way that cannot be answered (an unknown grouping, a
    period that ends before it starts)."""


def percentile(ordered: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile of values sorted ascending; None for no values."""
    if not ordered:
        return None
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


# -- the facts ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Walk:
    """One conversation's events, replayed in time order."""

    started: float | None = None
    first_message: int | None = None
    status: str = "new"
    paused_from: float | None = None
    pauses: list[tuple[float, float]] = field(default_factory=list)
    awaiting: float | None = None
    assignee: str | None = None
    first: tuple[float, float, float, str | None] | None = None
    later: list[tuple[float, float, float, float, str | None]] = field(default_factory=list)
    resolved_at: float | None = None
    resolution: tuple[float, float] | None = None
    replies: int = 0
    replies_to_resolution: int | None = None
    reopened: int = 0
    handle: float = 0.0


def _agent(data: Any, assignee: str | None) -> str | None:
    """Who answered: the agent a reply sent from SocialDesk names (``{"agent": ...}`` in
    its event), else whoever had the conversation assigned, else nobody known. The
    reply's actor is its author on the network: the brand's account, not a person."""
    if data and data != "{}":
        try:
            named = json.loads(data).get("agent")
        except (ValueError, AttributeError):
            named = None
        if named:
            return str(named)
    return assignee


class _Clock:
    """Calendar and business time between two moments, less a conversation's pauses."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline

    def both(self, walk: _Walk, a: float, b: float) -> tuple[float, float]:
        seconds = max(0.0, b - a)
        business = self.timeline.seconds(a, b)
        spans = walk.pauses if walk.paused_from is None else [*walk.pauses, (walk.paused_from, b)]
        for start, end in spans:
            low, high = max(a, start), min(b, end)
            if high > low:
                seconds -= high - low
                business -= self.timeline.seconds(low, high)
        return max(0.0, seconds), max(0.0, business)


def _step(walk: _Walk, clock: _Clock, kind: str, at: float, message: Any, data: Any) -> None:
    if kind == "arrived":
        if walk.started is None:
            walk.started, walk.first_message = at, message
        if walk.awaiting is None:
            walk.awaiting = at
    elif kind == "replied":
        if walk.started is None:  # the brand's own post that the conversation answers
            return
        walk.replies += 1
        if walk.awaiting is not None and at >= walk.awaiting:
            seconds, business = clock.both(walk, walk.awaiting, at)
            who = _agent(data, walk.assignee)
            if walk.first is None:
                walk.first = (at, seconds, business, who)
            else:
                walk.later.append((walk.awaiting, at, seconds, business, who))
            walk.awaiting = None
    elif kind == "status_changed":
        try:
            to = str(json.loads(data or "{}").get("to", ""))
        except ValueError:
            return
        if not to:
            return
        was_working = walk.status in WORKING_STATUSES
        working = to in WORKING_STATUSES
        if was_working and not working:
            walk.paused_from = at
        elif working and not was_working and walk.paused_from is not None:
            walk.pauses.append((walk.paused_from, at))
            walk.paused_from = None
        if to == "resolved" and walk.started is not None:
            walk.resolved_at = at
            walk.resolution = clock.both(walk, walk.started, at)
            walk.replies_to_resolution = walk.replies
        elif working and walk.resolved_at is not None:
            # Back to work after a resolution (straight, or by way of pending): reopened.
            walk.reopened += 1
            walk.resolved_at, walk.resolution, walk.replies_to_resolution = None, None, None
        walk.status = to
    elif kind == "assigned":
        try:
            walk.assignee = json.loads(data or "{}").get("to") or None
        except ValueError:
            return
    elif kind == EventType.HANDLED.value:
        try:
            walk.handle += max(0.0, float(json.loads(data or "{}").get("seconds", 0)))
        except (ValueError, TypeError):
            return


class _Sql:
    """Times in and out of plain SQL the way the ORM's UTCDateTime stores them."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.ph = "?" if self.sqlite else "%s"

    def epoch(self, value: Any) -> float:
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC).timestamp()
        if value.tzinfo is None:
            return float(value.replace(tzinfo=UTC).timestamp())
        return float(value.timestamp())

    def epoch_sql(self, column: str) -> str:
        if self.sqlite:
            return f"((julianday({column}) - 2440587.5) * 86400.0)"
        return f"CAST(EXTRACT(EPOCH FROM {column}) AS DOUBLE PRECISION)"

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.conn.connection.cursor()
        try:
            cursor.execute(statement, tuple(params))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        cursor = self.conn.connection.cursor()
        try:
            cursor.executemany(statement, rows)
        finally:
            cursor.close()


_EVENTS = "SELECT conversation_id, type, at, message_id, data FROM events"
_FACT_COLUMNS = (
    "conversation_id, started_at, first_message_id, pauses, agent, first_response_at, "
    "first_response_s, "
    "first_response_bs, next_responses, resolved_at, resolution_s, resolution_bs, replies, "
    "replies_to_resolution, reopened, handle_s"
)
_RESPONSE_COLUMNS = "conversation_id, asked_at, answered_at, seconds, business_seconds, agent"


class FactsBook:
    """Keeps ``conversation_facts`` and ``response_facts`` up to date with the events."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # When the last refresh worked conversations out, when those started (the
        # wallboard's trend keeps the days nothing touched).
        self.touched_starts: list[float] = []
        self.rebuilt = False

    def refresh(self, hours: BusinessHours, now: datetime | None = None) -> int:
        """Reads the events added since the last refresh (all of them when the business
        hours changed) and works out again the facts of the conversations they touch.
        Returns how many conversations it worked out. One refresh at a time: a second
        waits for the first and then finds nothing left to do."""
        now = now or utcnow()
        stamp = hours.to_json()
        self.touched_starts, self.rebuilt = [], False
        with self.store.connect() as conn:
            state = _Sql(conn).rows("SELECT hours FROM facts_state WHERE id = 1")
        if not state or state[0][0] != stamp:
            return self._rebuild(hours, stamp, now)
        with self.store.session() as session:
            sql = _Sql(session.connection())
            _lock(sql)
            state = sql.rows("SELECT event_id, hours, missing FROM facts_state WHERE id = 1")
            newest = int(sql.rows("SELECT COALESCE(MAX(id), 0) FROM events")[0][0])
            if not state or state[0][1] != stamp:  # the hours changed a moment ago
                self._clear(sql)
                self._save_state(sql, bool(state), 0, "", [])
                read_to, missing_text = 0, "[]"
            else:
                read_to, _stamp, missing_text = state[0], _stamp, missing_text = state[0]
            read_to = int(read_to)
            try:
                missing = [(int(i), float(t)) for i, t in json.loads(missing_text or "[]")]
            except (ValueError, TypeError):
                missing = []
            ph = sql.ph
            touched: set[int] = set()
            # Ids missed before that have turned up since: a transaction that was still
            # writing then. Those missed long enough ago were rolled back: forgotten.
            if missing:
                wanted = [i for i, _t in missing]
                for start in range(0, len(wanted), _CHUNK):
                    chunk = wanted[start : start + _CHUNK]
                    marks = ", ".join([ph] * len(chunk))
                    found = sql.rows(
                        f"SELECT id, conversation_id FROM events WHERE id IN ({marks})", chunk
                    )
                    filled = {int(r[0]) for r in found}
                    touched.update(int(r[1]) for r in found)
                    missing = [(i, t) for i, t in missing if i not in filled]
                patience = GAP_PATIENCE.total_seconds()
                missing = [(i, t) for i, t in missing if now.timestamp() - t < patience]
            if newest > read_to:
                touched.update(
                    int(row[0])
                    for row in sql.rows(
                        "SELECT DISTINCT conversation_id FROM events "
                        f"WHERE id > {ph} AND id <= {ph}",
                        (read_to, newest),
                    )
                )
                missing += _missing_ids(sql, read_to, newest, now.timestamp())
            done = self._rework(sql, hours, sorted(touched))
            self._save_state(sql, True, max(newest, read_to), stamp, missing)
            return done

    # -- working facts out ---------------------------------------------------------------

    def _rebuild(self, hours: BusinessHours, stamp: str, now: datetime) -> int:
        """Works every conversation out again: read from a snapshot with no lock held
        (agents go on working while it reads a million events), then written in one
        short transaction, unless another refresh did the same meanwhile."""
        facts: list[tuple[Any, ...]] = []
        responses: list[tuple[Any, ...]] = []
        with self.store.connect() as conn:
            sql = _Sql(conn)
            newest = int(sql.rows("SELECT COALESCE(MAX(id), 0) FROM events")[0][0])
            span = sql.rows("SELECT MIN(at), MAX(at) FROM events")[0]
            clock = _Clock(self._timeline(sql, hours, span[0], span[1]))
            cursor = sql.conn.connection.cursor()
            try:
                cursor.execute(
                    f"{_EVENTS} WHERE id <= {sql.ph} ORDER BY conversation_id, at, id", (newest,)
                )
                for cid, walk in _walks(_fetch(cursor), clock, sql):
                    _collect(cid, walk, facts, responses)
            finally:
                cursor.close()
            missing = _missing_ids(sql, 0, newest, now.timestamp())
        with self.store.session() as session:
            sql = _Sql(session.connection())
            _lock(sql)
            state = sql.rows("SELECT event_id, hours FROM facts_state WHERE id = 1")
            if state and state[0][1] == stamp and int(state[0][0]) >= newest:
                return 0  # another refresh worked them out meanwhile
            self._clear(sql)
            for start in range(0, len(facts), _BATCH):
                self._write(sql, facts[start : start + _BATCH], [])
            for start in range(0, len(responses), _BATCH):
                self._write(sql, [], responses[start : start + _BATCH])
            self._save_state(sql, bool(state), newest, stamp, missing)
        self.rebuilt = True
        return len(facts)

    @staticmethod
    def _clear(sql: _Sql) -> None:
        sql.conn.exec_driver_sql("DELETE FROM response_facts")
        sql.conn.exec_driver_sql("DELETE FROM conversation_facts")

    @staticmethod
    def _timeline(sql: _Sql, hours: BusinessHours, low: Any, high: Any) -> Timeline:
        if low is None:
            first = last = utcnow()
        else:
            first = datetime.fromtimestamp(sql.epoch(low), UTC)
            last = datetime.fromtimestamp(sql.epoch(high), UTC)
        return hours.timeline(first - _TIMELINE_MARGIN, max(last, utcnow()) + _TIMELINE_MARGIN)

    def _rework(self, sql: _Sql, hours: BusinessHours, conversation_ids: list[int]) -> int:
        done = 0
        for start in range(0, len(conversation_ids), _CHUNK):
            chunk = conversation_ids[start : start + _CHUNK]
            marks = ", ".join([sql.ph] * len(chunk))
            sql.many(
                f"DELETE FROM response_facts WHERE conversation_id IN ({marks})", [tuple(chunk)]
            )
            sql.many(
                f"DELETE FROM conversation_facts WHERE conversation_id IN ({marks})", [tuple(chunk)]
            )
            rows = sql.rows(
                f"{_EVENTS} WHERE conversation_id IN ({marks}) ORDER BY conversation_id, at, id",
                chunk,
            )
            if not rows:
                continue
            moments = [sql.epoch(r[2]) for r in rows]
            low = datetime.fromtimestamp(min(moments), UTC)
            high = datetime.fromtimestamp(max(moments), UTC)
            clock = _Clock(
                hours.timeline(low - _TIMELINE_MARGIN, max(high, utcnow()) + _TIMELINE_MARGIN)
            )
            facts: list[tuple[Any, ...]] = []
            responses: list[tuple[Any, ...]] = []
            for cid, walk in _walks(iter(rows), clock, sql):
                done += 1
                _collect(cid, walk, facts, responses)
            self.touched_starts.extend(f[1] for f in facts)
            self._write(sql, facts, responses)
        return done

    @staticmethod
    def _write(sql: _Sql, facts: list[tuple[Any, ...]], responses: list[tuple[Any, ...]]) -> None:
        ph = sql.ph
        sql.many(
            f"INSERT INTO conversation_facts ({_FACT_COLUMNS}) VALUES ({', '.join([ph] * 16)})",
            facts,
        )
        sql.many(
            f"INSERT INTO response_facts ({_RESPONSE_COLUMNS}) VALUES ({', '.join([ph] * 6)})",
            responses,
        )

    @staticmethod
    def _save_state(
        sql: _Sql, exists: bool, event_id: int, stamp: str, missing: list[tuple[int, float]]
    ) -> None:
        ph = sql.ph
        text = json.dumps([[i, round(t, 3)] for i, t in missing[:MAX_MISSING]])
        if exists:
            sql.many(
                f"UPDATE facts_state SET event_id = {ph}, hours = {ph}, missing = {ph} "
                "WHERE id = 1",
                [(event_id, stamp, text)],
            )
        else:
            sql.many(
                f"INSERT INTO facts_state (id, event_id, hours, missing) "
                f"VALUES (1, {ph}, {ph}, {ph})",
                [(event_id, stamp, text)],
            )


def _lock(sql: _Sql) -> None:
    """Holds the facts for this transaction: on PostgreSQL an advisory lock, on SQLite
    the write lock (a write that changes nothing takes it)."""
    if sql.sqlite:
        sql.conn.exec_driver_sql("DELETE FROM facts_state WHERE id = -1")
    else:
        sql.conn.exec_driver_sql("SELECT pg_advisory_xact_lock(74157301)")


def _missing_ids(sql: _Sql, above: int, upto: int, now: float) -> list[tuple[int, float]]:
    """Ids in ``(above, upto]`` no event has (yet), each with ``now``."""
    ph = sql.ph
    present = int(
        sql.rows(f"SELECT COUNT(*) FROM events WHERE id > {ph} AND id <= {ph}", (above, upto))[0][0]
    )
    if present == upto - above:
        return []
    ids = {
        int(r[0])
        for r in sql.rows(f"SELECT id FROM events WHERE id > {ph} AND id <= {ph}", (above, upto))
    }
    gone = []
    for number in range(above + 1, upto + 1):
        if number not in ids:
            gone.append((number, now))
            if len(gone) >= MAX_MISSING:
                break
    return gone


def _fetch(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while True:
        rows = cursor.fetchmany(10_000)
        if not rows:
            return
        yield from rows


def _walks(
    rows: Iterator[tuple[Any, ...]], clock: _Clock, sql: _Sql
) -> Iterator[tuple[int, _Walk]]:
    """Rows ordered by conversation, then time: each conversation's finished walk."""
    current: int | None = None
    walk = _Walk()
    for cid, kind, at, message, data in rows:
        if cid != current:
            if current is not None:
                yield current, walk
            current, walk = cid, _Walk()
        _step(walk, clock, kind, sql.epoch(at), message, data)
    if current is not None:
        yield current, walk


def _collect(
    cid: int,
    walk: _Walk,
    facts: list[tuple[Any, ...]],
    responses: list[tuple[Any, ...]],
) -> None:
    if walk.started is None:  # nothing inbound: the brand's own post, say
        return
    first = walk.first
    resolution = walk.resolution
    pauses = list(walk.pauses)
    if walk.paused_from is not None:
        pauses.append((walk.paused_from, math.inf))
    facts.append(
        (
            cid,
            walk.started,
            walk.first_message,
            json.dumps([[a, None if b == math.inf else b] for a, b in pauses]) if pauses else None,
            # Who answered first; unanswered, whoever has it now.
            first[3] if first else walk.assignee,
            first[0] if first else None,
            first[1] if first else None,
            first[2] if first else None,
            len(walk.later),
            walk.resolved_at,
            resolution[0] if resolution else None,
            resolution[1] if resolution else None,
            walk.replies,
            walk.replies_to_resolution,
            walk.reopened,
            walk.handle,
        )
    )
    for asked, answered, seconds, business, who in walk.later:
        responses.append((cid, asked, answered, seconds, business, who))


def load_pauses(
    conn: Connection, waiting: dict[int, datetime]
) -> dict[int, list[tuple[datetime, datetime]]]:
    """The stretches each conversation stood parked (pending, resolved or spam) since it
    started waiting (``waiting``: conversation id to its waiting time), from the event
    log: what ``ServiceLevels.due_at`` takes, so a countdown pauses as the reports do."""
    found: dict[int, list[tuple[datetime, datetime]]] = {}
    sql = _Sql(conn)
    ids = sorted(waiting)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join([sql.ph] * len(chunk))
        rows = sql.rows(
            "SELECT conversation_id, at, data FROM events WHERE type = 'status_changed' "
            f"AND conversation_id IN ({marks}) ORDER BY conversation_id, at, id",
            chunk,
        )
        since = {cid: waiting[cid].timestamp() for cid in chunk}
        _pauses(sql, rows, since, found)
    return found


def load_waiting_pauses(conn: Connection) -> dict[int, list[tuple[datetime, datetime]]]:
    """``load_pauses`` for every conversation waiting in a working status, in one
    query: only those with a status change since they started waiting can have paused
    (a conversation parked before it waited is reopened at or after that moment)."""
    sql = _Sql(conn)
    rows = sql.rows(
        f"SELECT e.conversation_id, e.at, e.data, {sql.epoch_sql('c.awaiting_since')} "
        "FROM conversations c JOIN events e ON e.conversation_id = c.id "
        "AND e.at >= c.awaiting_since "
        "WHERE c.status IN ('new', 'open') AND c.awaiting_since IS NOT NULL "
        # Sorted here: asked of the database, the order makes it walk every event.
        "AND e.type = 'status_changed'"
    )
    rows.sort(key=lambda r: (r[0], sql.epoch(r[1])))
    found: dict[int, list[tuple[datetime, datetime]]] = {}
    _pauses(sql, [r[:3] for r in rows], {r[0]: float(r[3]) for r in rows}, found)
    return found


def due_times(conn: Connection, levels: ServiceLevels) -> list[tuple[float, int, float, int]]:
    """Every conversation waiting for a reply in a working status: when its reply falls
    due under its policy (the first response's target, or the next response's once it
    has had one; its pauses and business hours counted), as ``(due, id, waiting since,
    target)`` in Unix times, soonest first. The one rule the inbox's countdowns follow,
    worked out for all at once for the wallboard and the alerts."""
    sql = _Sql(conn)
    pauses = load_waiting_pauses(conn)
    rows = sql.rows(
        "SELECT id, network, account_id, public, complaint, kind, "
        f"{sql.epoch_sql('awaiting_since')}, first_response_at IS NOT NULL "
        "FROM conversations WHERE status IN ('new', 'open') AND awaiting_since IS NOT NULL"
    )
    now = utcnow()
    low = min((float(r[6]) for r in rows), default=now.timestamp())
    line = levels.hours.timeline(
        datetime.fromtimestamp(low, UTC) - timedelta(days=1), now + timedelta(days=400)
    )
    policies: dict[tuple[Any, ...], Targets] = {}
    found = []
    for cid, network, account_id, public, complaint, kind, since, answered in rows:
        key = (account_id, network, public, complaint, kind)
        targets = policies.get(key)
        if targets is None:
            which = kind_of(public=bool(public), complaint=bool(complaint), message_kind=kind)
            targets = policies[key] = levels.policy(account_id, network, which)
        since = round(float(since), 3)  # julianday's float: whole milliseconds
        target = levels.waiting_target(targets, answered_before=bool(answered))
        paused = pauses.get(cid)
        if paused:  # rare: the full rule, with the pauses
            moment = datetime.fromtimestamp(since, UTC)
            due = levels.due_at(moment, targets, target, pauses=paused).timestamp()
        elif targets.business_hours:
            due = line.add(since, target)
        else:
            due = since + target
        found.append((due, int(cid), since, target))
    found.sort()
    return found


def _pauses(
    sql: _Sql,
    rows: Iterable[tuple[Any, ...]],
    since: dict[int, float],
    found: dict[int, list[tuple[datetime, datetime]]],
) -> None:
    """Status changes in time order, each conversation's in turn: the parked stretches
    after ``since``. A return to work with no parking seen began parked at ``since``."""
    parked: dict[int, float] = {}
    for cid, at, data in rows:
        try:
            change = json.loads(data or "{}")
        except ValueError:
            continue
        moment = sql.epoch(at)
        to, was = change.get("to"), change.get("from")
        if to not in WORKING_STATUSES and was in WORKING_STATUSES:
            parked[cid] = moment
        elif to in WORKING_STATUSES and was not in WORKING_STATUSES:
            began = max(parked.pop(cid, since[cid]), since[cid])
            if moment > began:
                found.setdefault(cid, []).append(
                    (datetime.fromtimestamp(began, UTC), datetime.fromtimestamp(moment, UTC))
                )


# -- the report -----------------------------------------------------------------------------


class _Judge:
    """Which policy a conversation falls under, when its first response is due, and
    whether it was met: the same answer for reports, the wallboard and the inbox."""

    def __init__(self, levels: ServiceLevels, timeline: Timeline, now: float) -> None:
        self.levels = levels
        self.timeline = timeline
        self.now = now
        self._policies: dict[tuple[Any, ...], tuple[str, Targets]] = {}

    def policy(
        self, account_id: int | None, network: str, public: Any, complaint: Any, kind: Any
    ) -> tuple[str, Targets]:
        key = (account_id, network, public, complaint, kind)
        found = self._policies.get(key)
        if found is None:
            which = kind_of(public=bool(public), complaint=bool(complaint), message_kind=kind)
            found = self._policies[key] = (which, self.levels.policy(account_id, network, which))
        return found

    def due(self, since: float, targets: Targets, pauses: str | None = None) -> float:
        """When the first response falls due; ``pauses`` as the facts keep them."""
        if pauses:
            parked = [
                (
                    datetime.fromtimestamp(a, UTC),
                    datetime.fromtimestamp(self.now if b is None else b, UTC),
                )
                for a, b in json.loads(pauses)
            ]
            moment = datetime.fromtimestamp(since, UTC)
            return self.levels.due_at(moment, targets, pauses=parked).timestamp()
        if targets.business_hours:
            return self.timeline.add(since, targets.first_response_s)
        return since + targets.first_response_s

    def met(
        self,
        targets: Targets,
        started: float,
        first_s: Any,
        first_bs: Any,
        working: bool,
        pauses: str | None = None,
    ) -> bool | None:
        """True within target, False late (or unanswered past it while waiting), None
        not known yet (unanswered, not due, or parked so nobody owes an answer)."""
        if first_s is not None:
            judged = first_bs if targets.business_hours else first_s
            return bool(judged <= targets.first_response_s)
        if working and self.now >= self.due(started, targets, pauses):
            return False
        return None


@dataclass(slots=True)
class ConversationFigures:
    """One conversation's row in a report (and in ``--conversations`` exports).
    Moments are Unix times; durations seconds (``*_bs`` in business time)."""

    conversation_id: int
    network: str
    account: str
    kind: str
    agent: str | None
    status: str
    started_at: float
    first_response_at: float | None
    first_response_s: float | None
    first_response_bs: float | None
    resolved_at: float | None
    resolution_s: float | None
    resolution_bs: float | None
    replies: int
    replies_to_resolution: int | None
    reopened: int
    next_responses: int
    handle_s: float
    waiting_since: float | None
    targets: Targets
    due_at: float
    met: bool | None

    @property
    def breached(self) -> bool:
        return self.met is False

    @property
    def fcr(self) -> bool:
        """Resolved with one reply and never reopened."""
        resolved = self.resolved_at is not None
        return resolved and self.replies_to_resolution == 1 and not self.reopened


# What a group keeps of each conversation: enough for every figure of the summary.
# (id, network, first_s, first_bs, resolution_s, resolution_bs, met, handle_s,
#  waiting, target_s, goal_pct, replies_to_resolution, fcr)
_Kept = tuple[Any, ...]


@dataclass(slots=True)
class Group:
    key: str
    kept: list[_Kept] = field(default_factory=list)
    next_seconds: list[float] = field(default_factory=list)
    next_breaches: int = 0

    @property
    def conversation_ids(self) -> list[int]:
        return [k[0] for k in self.kept]


@dataclass(frozen=True)
class Report:
    since: datetime
    until: datetime
    by: str
    business: bool
    generated_at: datetime
    timezone: str
    groups: tuple[Group, ...]
    total: Group
    # Why the facts could not be brought up to date (a read-only or busy database): the
    # report is then of the facts as last worked out.
    stale: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "stale": self.stale,
            "since": _iso(self.since),
            "until": _iso(self.until),
            "by": self.by,
            "clock": "business" if self.business else "calendar",
            "timezone": self.timezone,
            "generated_at": _iso(self.generated_at),
            "groups": [summarise(g, self.business) for g in self.groups],
            "total": summarise(self.total, self.business),
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summarise(group: Group, business: bool) -> dict[str, Any]:
    """A group's figures in the report's JSON shape (seconds; shares in percent)."""
    kept = group.kept
    f, r = (3, 5) if business else (2, 4)
    first = sorted(k[f] for k in kept if k[f] is not None)
    resolved = sorted(k[r] for k in kept if k[r] is not None)
    judged = [k[6] for k in kept if k[6] is not None]
    handles = sorted(k[7] for k in kept if k[7] > 0)
    nexts = sorted(group.next_seconds)
    closed = [k for k in kept if k[4] is not None]
    networks = {k[1] for k in kept}
    mark = None
    if len(networks) == 1:
        found = benchmark(next(iter(networks)))
        if found is not None:
            mark = {
                "network": found.network,
                "customers_expect_s": found.customers_expect_s,
                "businesses_average_s": found.businesses_average_s,
                "source": found.source,
                "published": found.published,
            }
    return {
        "key": group.key,
        "conversations": len(kept),
        "answered": len(first),
        "first_response": {
            "p50": _round(percentile(first, 50)),
            "p90": _round(percentile(first, 90)),
            "p95": _round(percentile(first, 95)),
            "mean": _round(sum(first) / len(first)) if first else None,
        },
        "within_target_pct": round(100 * sum(judged) / len(judged), 1) if judged else None,
        "target_s": _most_common(k[9] for k in kept),
        "goal_pct": _most_common(k[10] for k in kept),
        # Every target and goal in the group (more than one: each conversation is held
        # to its own; the two above are the commonest).
        "targets_s": sorted({k[9] for k in kept}),
        "goals_pct": sorted({k[10] for k in kept}),
        "breaches": sum(1 for k in kept if k[6] is False),
        "next_response": {
            "count": len(nexts),
            "p50": _round(percentile(nexts, 50)),
            "p90": _round(percentile(nexts, 90)),
            "breaches": group.next_breaches,
        },
        "resolved": len(resolved),
        "resolution": {
            "p50": _round(percentile(resolved, 50)),
            "p90": _round(percentile(resolved, 90)),
        },
        "replies_to_resolution_mean": (
            round(sum(k[11] or 0 for k in closed) / len(closed), 2) if closed else None
        ),
        "first_contact_resolution_pct": (
            round(100 * sum(1 for k in closed if k[12]) / len(closed), 1) if closed else None
        ),
        "handle": {
            "conversations": len(handles),
            "p50": _round(percentile(handles, 50)),
            "mean": _round(sum(handles) / len(handles)) if handles else None,
        },
        "backlog": sum(1 for k in kept if k[8] is not None),
        "benchmark": mark,
    }


def _most_common(values: Iterable[Any]) -> Any:
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], v)) if counts else None


# A conversation's policy follows its first customer message (read live: a label can
# change its complaint verdict), so a later "thanks" does not change a verdict.
_FIRST = (
    "COALESCE(m.public, c.public), COALESCE(m.complaint, c.complaint), COALESCE(m.kind, c.kind)"
)
_FIGURES = (
    "SELECT f.conversation_id, c.network, COALESCE(a.display_name, a.handle, ''), "
    f"c.account_id, {_FIRST}, f.agent, c.status, f.started_at, "
    "f.first_response_at, f.first_response_s, f.first_response_bs, f.resolved_at, "
    "f.resolution_s, f.resolution_bs, f.replies, f.replies_to_resolution, f.reopened, "
    "f.next_responses, f.handle_s, {awaiting}, f.pauses "
    "FROM conversation_facts f JOIN conversations c ON c.id = f.conversation_id "
    "LEFT JOIN accounts a ON a.id = c.account_id "
    "LEFT JOIN messages m ON m.id = f.first_message_id "
    "WHERE f.started_at >= {ph} AND f.started_at < {ph}"
)
# The report's own columns: only what its figures need, the account by id.
_REPORT = (
    f"SELECT f.conversation_id, c.network, c.account_id, {_FIRST}, "
    "f.agent, c.status, f.started_at, f.first_response_s, f.first_response_bs, "
    "f.resolution_s, f.resolution_bs, f.replies_to_resolution, f.reopened, "
    "f.next_responses, f.handle_s, {awaiting}, f.pauses "
    "FROM conversation_facts f JOIN conversations c ON c.id = f.conversation_id "
    "LEFT JOIN messages m ON m.id = f.first_message_id "
    "WHERE f.started_at >= {ph} AND f.started_at < {ph}"
)
_NEXTS = (
    "SELECT r.conversation_id, r.seconds, r.business_seconds, r.agent "
    "FROM response_facts r JOIN conversation_facts f ON f.conversation_id = r.conversation_id "
    "WHERE f.started_at >= {ph} AND f.started_at < {ph}"
)


class Reporter:
    """Reports over the facts, brought up to date first."""

    def __init__(self, store: Store, levels: ServiceLevels) -> None:
        self.store = store
        self.levels = levels
        self.facts = FactsBook(store)
        self.stale: str | None = None

    def _load(
        self, since: datetime, until: datetime, now: datetime, query: str = _FIGURES
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], _Judge]:
        if until <= since:
            raise ReportError("the period ends before it starts")
        self.stale = None
        try:
            self.facts.refresh(self.levels.hours, now)
        except StoreError as exc:
            # Reading needs no writing: report what the facts held, and say so.
            log.warning("response-time facts not brought up to date: %s", exc)
            self.stale = str(exc)
        timeline = self.levels.hours.timeline(
            min(since, now) - _TIMELINE_MARGIN, max(until, now) + _TIMELINE_MARGIN
        )
        with self.store.connect() as conn:
            sql = _Sql(conn)
            span = (since.timestamp(), until.timestamp())
            awaiting = sql.epoch_sql("c.awaiting_since")
            rows = sql.rows(query.format(awaiting=awaiting, ph=sql.ph), span)
            nexts = sql.rows(_NEXTS.format(ph=sql.ph), span)
        return rows, nexts, _Judge(self.levels, timeline, now.timestamp())

    def figures(
        self, since: datetime, until: datetime, now: datetime | None = None
    ) -> list[ConversationFigures]:
        """Every conversation that started in ``[since, until)``, with its figures."""
        rows, _nexts, judge = self._load(since, until, now or utcnow())
        out = []
        for r in sorted(rows, key=lambda row: (row[9], row[0])):
            (cid, network, account, account_id, public, complaint, kind, agent, status,
             started, first_at, first_s, first_bs, resolved_at, res_s, res_bs, replies,
             to_res, reopened, nexts, handle, awaiting, pauses) = r  # fmt: skip
            which, targets = judge.policy(account_id, network, public, complaint, kind)
            working = status in WORKING_STATUSES
            due = judge.due(started, targets, pauses)
            met = judge.met(targets, started, first_s, first_bs, working, pauses)
            figures = ConversationFigures(
                cid, network, account, which, agent, status, started, first_at, first_s,
                first_bs, resolved_at, res_s, res_bs, replies, to_res, reopened, nexts,
                handle, awaiting if working else None, targets, due, met,
            )  # fmt: skip
            out.append(figures)
        return out

    def report(
        self,
        since: datetime,
        until: datetime,
        *,
        by: str = "channel",
        business: bool = False,
        now: datetime | None = None,
    ) -> Report:
        return self.reports(since, until, (by,), business=business, now=now)[0]

    def reports(
        self,
        since: datetime,
        until: datetime,
        groupings: Sequence[str],
        *,
        business: bool = False,
        now: datetime | None = None,
    ) -> list[Report]:
        """One report per grouping, from one reading of the facts."""
        for by in groupings:
            if by not in GROUPINGS:
                raise ReportError(f"cannot group by {by!r}: one of {', '.join(GROUPINGS)}")
        now = now or utcnow()
        rows, nexts, judge = self._load(since, until, now, _REPORT)
        names = _account_keys(PolicyBook(self.store).handles())
        return [
            self._grouped(since, until, by, business, now, rows, nexts, judge, names)
            for by in groupings
        ]

    def _grouped(
        self,
        since: datetime,
        until: datetime,
        by: str,
        business: bool,
        now: datetime,
        rows: list[tuple[Any, ...]],
        nexts: list[tuple[Any, ...]],
        judge: _Judge,
        names: dict[int, str],
    ) -> Report:
        keyer = _keyer(by, ZoneInfo(self.levels.hours.timezone), names)
        groups: dict[str, Group] = {}
        total = Group("all")
        next_limits: dict[int, tuple[Group, Targets]] = {}
        working_statuses = WORKING_STATUSES
        policies: dict[tuple[Any, ...], tuple[str, Targets]] = {}
        for r in rows:
            cid, network, account_id, status, started = r[0], r[1], r[2], r[7], r[8]
            first_s, first_bs, res_s, to_res = r[9], r[10], r[11], r[13]
            which = (account_id, network, r[3], r[4], r[5])
            policy = policies.get(which)
            if policy is None:
                policy = policies[which] = judge.policy(account_id, network, r[3], r[4], r[5])
            targets = policy[1]
            working = status in working_statuses
            met = judge.met(targets, started, first_s, first_bs, working, r[18])
            kept = (
                cid, network, first_s, first_bs, res_s, r[12], met, r[16],
                r[17] if working else None, targets.first_response_s, targets.goal_pct,
                to_res, res_s is not None and to_res == 1 and not r[14],
            )  # fmt: skip
            key = keyer(r)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group(key)
            group.kept.append(kept)
            total.kept.append(kept)
            if r[15]:
                next_limits[cid] = (group, targets)
        for cid, seconds, bseconds, who in nexts:
            found = next_limits.get(cid)
            if found is None:
                continue
            group, targets = found
            if by == "agent":  # a next response counts for whoever gave it
                agent_key = _agent_key(who)
                group = groups.get(agent_key) or groups.setdefault(agent_key, Group(agent_key))
            late = (bseconds if targets.business_hours else seconds) > targets.next_response_s
            value = bseconds if business else seconds
            group.next_seconds.append(value)
            group.next_breaches += late
            total.next_seconds.append(value)
            total.next_breaches += late
        ordered = tuple(groups[k] for k in sorted(groups, key=_sort_key(by)))
        zone = self.levels.hours.timezone
        return Report(since, until, by, business, now, zone, ordered, total, self.stale)


def _agent_key(agent: str | None) -> str:
    return agent or UNASSIGNED


def _account_keys(accounts: list[tuple[int, str, str, str]]) -> dict[int, str]:
    """Each account's name as shown; where two share one, with network and handle."""
    seen: dict[str, int] = {}
    for _id, _network, name, _handle in accounts:
        seen[name] = seen.get(name, 0) + 1
    return {
        account_id: name if seen[name] == 1 else f"{name} ({network}:{handle})"
        for account_id, network, name, handle in accounts
    }


def _keyer(by: str, zone: ZoneInfo, names: dict[int, str]) -> Any:
    """The group key of a row of ``_REPORT``."""
    if by == "channel":
        return lambda r: r[1]
    if by == "account":
        return lambda r: names.get(r[2]) or f"({r[1]}, no account)"
    if by == "agent":
        return lambda r: r[6] or UNASSIGNED
    if by == "day":
        return lambda r: datetime.fromtimestamp(r[8], zone).date().isoformat()
    return lambda r: f"{datetime.fromtimestamp(r[8], zone).hour:02d}:00"


def _sort_key(by: str) -> Any:
    if by in ("day", "hour"):
        return lambda k: k
    return lambda k: (k.startswith("("), k.lower())


def parse_since(value: str, now: datetime, zone: ZoneInfo) -> datetime:
    """``7d``, ``12h``, ``30m`` before now, or a date (midnight in the team's time zone)
    or an ISO time."""
    value = value.strip()
    try:
        back = duration_seconds(value)
    except ValueError:
        return parse_moment(value, zone)
    try:
        return now - timedelta(seconds=back)
    except OverflowError:
        raise ReportError(f"{value!r} reaches back before the calendar begins") from None
    return parse_moment(value, zone)


def parse_moment(value: str, zone: ZoneInfo) -> datetime:
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), datetime.min.time(), zone)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ReportError(
            f"{value!r} is not a time: write 7d, 12h, 2026-11-01 or 2026-11-01T09:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
