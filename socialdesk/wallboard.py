"""What the supervisor wallboard shows, worked out without Qt: today's figures per
channel and per agent with their pace against the goal, the conversations that will
breach next, the first-response distribution, and the daily trend.

Past days' trend points are kept between refreshes while the event log has not moved
past them, so a refresh works out today and the live list only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from socialdesk.domain import WORKING_STATUSES, utcnow
from socialdesk.metrics import Group, Reporter, load_waiting_pauses, summarise
from socialdesk.models import Account, Conversation, Event, Message
from socialdesk.sla import ServiceLevels, kind_of
from socialdesk.store import Store

# A tile is amber when its share within target is below the goal by less than this.
AMBER_MARGIN_PCT = 5.0
TREND_DAYS = 14
NEXT_BREACHES = 25


@dataclass(frozen=True, slots=True)
class Tile:
    key: str
    figures: dict[str, Any]  # ``metrics.summarise`` output
    pace: str  # "green", "amber", "red" or "none" (nothing judged yet)
    conversation_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A waiting conversation and when its response falls due (negative: overdue)."""

    conversation_id: int
    network: str
    account: str
    author: str
    text: str
    waiting_since: datetime
    due_at: datetime
    target_s: int

    def seconds_left(self, now: datetime) -> float:
        return (self.due_at - now).total_seconds()


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: str
    conversations: int
    p50: float | None
    p90: float | None
    within_target_pct: float | None


@dataclass(frozen=True)
class Snapshot:
    now: datetime
    since: datetime  # the start of today in the team's time zone
    total: Tile
    channels: tuple[Tile, ...]
    agents: tuple[Tile, ...]
    upcoming: tuple[Upcoming, ...]
    overdue: int  # waiting conversations already past their target
    distribution: tuple[float, ...]  # today's first responses, seconds, ascending
    trend: tuple[TrendPoint, ...]
    target_s: int | None
    benchmark_s: int | None
    goal_pct: float | None


def pace(figures: dict[str, Any]) -> str:
    share, goal = figures.get("within_target_pct"), figures.get("goal_pct")
    if share is None or goal is None:
        return "none"
    if share >= goal:
        return "green"
    return "amber" if share >= goal - AMBER_MARGIN_PCT else "red"


def _tile(group: Group) -> Tile:
    figures = summarise(group, False)
    return Tile(group.key, figures, pace(figures), tuple(group.conversation_ids))


class Wallboard:
    def __init__(self, store: Store, levels: ServiceLevels) -> None:
        self.store = store
        self.levels = levels
        self.reporter = Reporter(store, levels)
        self._trend_cache: dict[str, tuple[int, TrendPoint]] = {}

    def snapshot(self, now: datetime | None = None) -> Snapshot:
        now = now or utcnow()
        zone = ZoneInfo(self.levels.hours.timezone)
        today = now.astimezone(zone).date()
        since = datetime.combine(today, time(0), zone).astimezone(UTC)
        by_channel = self.reporter.report(since, now + timedelta(seconds=1), by="channel", now=now)
        by_agent = self.reporter.report(since, now + timedelta(seconds=1), by="agent", now=now)
        total = _tile(by_channel.total)
        firsts = sorted(k[2] for k in by_channel.total.kept if k[2] is not None)  # calendar seconds
        upcoming, overdue = self.upcoming(now)
        mark = total.figures.get("benchmark")
        return Snapshot(
            now=now,
            since=since,
            total=total,
            channels=tuple(_tile(g) for g in by_channel.groups),
            agents=tuple(_tile(g) for g in by_agent.groups),
            upcoming=upcoming,
            overdue=overdue,
            distribution=tuple(firsts),
            trend=self.trend(now, zone),
            target_s=total.figures.get("target_s"),
            benchmark_s=mark["customers_expect_s"] if mark else self._benchmark(by_channel),
            goal_pct=total.figures.get("goal_pct"),
        )

    @staticmethod
    def _benchmark(report: Any) -> int | None:
        """With several channels, the strictest published expectation among them."""
        found = [
            g["benchmark"]["customers_expect_s"]
            for g in report.as_json()["groups"]
            if g.get("benchmark")
        ]
        return min(found) if found else None

    def trend(self, now: datetime, zone: ZoneInfo) -> tuple[TrendPoint, ...]:
        """The last ``TREND_DAYS`` days, today included. A past day is worked out again
        only when events were added since it was last (a late reply changes it)."""
        with self.store.connect() as conn:
            newest = int(conn.execute(select(func.coalesce(func.max(Event.id), 0))).scalar() or 0)
        today = now.astimezone(zone).date()
        points = []
        for back in range(TREND_DAYS - 1, -1, -1):
            day = today - timedelta(days=back)
            key = day.isoformat()
            cached = self._trend_cache.get(key)
            if back > 0 and cached is not None and cached[0] == newest:
                points.append(cached[1])
                continue
            start = datetime.combine(day, time(0), zone).astimezone(UTC)
            end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
            figures = summarise(self.reporter.report(start, end, now=now).total, False)
            point = TrendPoint(
                key,
                figures["conversations"],
                figures["first_response"]["p50"],
                figures["first_response"]["p90"],
                figures["within_target_pct"],
            )
            self._trend_cache[key] = (newest, point)
            points.append(point)
        return tuple(points)

    def upcoming(
        self, now: datetime, limit: int = NEXT_BREACHES
    ) -> tuple[tuple[Upcoming, ...], int]:
        """The waiting conversations due soonest that are not overdue yet, and how many
        waiting ones are overdue already."""
        levels = self.levels
        reach = levels.search_reach()
        earliest = now - reach
        horizon = levels.hours.timeline(earliest - timedelta(days=1), now + timedelta(days=60))
        due_soon: list[tuple[float, int, float, int]] = []
        now_s = now.timestamp()
        with self.store.connect() as conn:
            overdue = int(
                conn.execute(
                    select(func.count())
                    .select_from(Conversation)
                    .where(
                        Conversation.status.in_(WORKING_STATUSES),
                        Conversation.awaiting_since.is_not(None),
                        Conversation.awaiting_since <= earliest,
                    )
                ).scalar()
                or 0
            )
            pauses = load_waiting_pauses(conn)
            sqlite = conn.dialect.name == "sqlite"
            since_sql = (
                "((julianday(awaiting_since) - 2440587.5) * 86400.0)"
                if sqlite
                else "CAST(EXTRACT(EPOCH FROM awaiting_since) AS DOUBLE PRECISION)"
            )
            rows = conn.exec_driver_sql(
                f"SELECT id, network, account_id, public, complaint, kind, {since_sql} "
                "FROM conversations WHERE status IN ('new', 'open') "
                f"AND awaiting_since IS NOT NULL AND awaiting_since > {'?' if sqlite else '%s'}",
                (_stored(earliest, sqlite),),
            ).all()
            policies: dict[tuple[Any, ...], Any] = {}
            for cid, network, account_id, public, complaint, kind, since in rows:
                key = (account_id, network, public, complaint, kind)
                targets = policies.get(key)
                if targets is None:
                    which = kind_of(
                        public=bool(public), complaint=bool(complaint), message_kind=kind
                    )
                    targets = policies[key] = levels.policy(account_id, network, which)
                since = float(since)
                paused = pauses.get(cid)
                if paused:  # rare: the full rule, with the pauses
                    moment = datetime.fromtimestamp(since, UTC)
                    due = levels.due_at(moment, targets, pauses=paused).timestamp()
                elif targets.business_hours:
                    due = horizon.add(since, targets.first_response_s)
                else:
                    due = since + targets.first_response_s
                if due <= now_s:
                    overdue += 1
                else:
                    due_soon.append((due, cid, since, targets.first_response_s))
            due_soon.sort()
            chosen = due_soon[:limit]
            details = {
                row[0]: row[1:]
                for row in conn.execute(
                    select(
                        Conversation.id,
                        Conversation.network,
                        func.coalesce(Account.display_name, Account.handle, ""),
                        Message.author_handle,
                        Message.text,
                    )
                    .join(Message, Message.id == Conversation.last_inbound_message_id)
                    .outerjoin(Account, Account.id == Conversation.account_id)
                    .where(Conversation.id.in_([c[1] for c in chosen]))
                )
            }
        found = []
        for due, cid, since, target in chosen:
            if cid in details:
                network, account, author, text = details[cid]
                item = Upcoming(
                    cid,
                    network,
                    account,
                    author,
                    text[:200],
                    datetime.fromtimestamp(since, UTC),
                    datetime.fromtimestamp(due, UTC),
                    target,
                )
                found.append(item)
        return tuple(found), overdue


def _stored(moment: datetime, sqlite: bool) -> Any:
    """A time as the ORM's UTCDateTime stores it, for a plain query."""
    if sqlite:
        return moment.astimezone(UTC).isoformat(" ", "microseconds")[:26]
    return moment
