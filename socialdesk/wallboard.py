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

from socialdesk.domain import utcnow
from socialdesk.metrics import Group, Reporter, due_times, summarise
from socialdesk.models import Account, Conversation, Event, Message
from socialdesk.sla import ServiceLevels
from socialdesk.store import Store

# A tile is amber when its share within target is below the goal by less than this.
AMBER_MARGIN_PCT = 5.0
TREND_DAYS = 14
NEXT_BREACHES = 25
TREND_CACHE_S = 3600
YESTERDAY_CACHE_S = 300


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
    conversation_ids: tuple[int, ...] = ()  # the day's conversations, for drilling down


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
    # The same first responses with their conversations (seconds, id), ascending, and
    # the overdue conversations, soonest due first: what the charts drill down to.
    answered: tuple[tuple[float, int], ...] = ()
    overdue_ids: tuple[int, ...] = ()


DUES_CACHE_S = 60


def pace(figures: dict[str, Any]) -> str:
    share, goal = figures.get("within_target_pct"), figures.get("goal_pct")
    if share is None or goal is None:
        return "none"
    if share >= goal:
        return "green"
    return "amber" if share >= goal - AMBER_MARGIN_PCT else "red"


def _due_key(conn: Any) -> tuple[int, int]:
    """What moves due times: a new message (arrived or replied) or a status change."""
    message = conn.execute(select(func.coalesce(func.max(Message.id), 0))).scalar()
    status = conn.execute(
        select(func.coalesce(func.max(Event.id), 0)).where(Event.type == "status_changed")
    ).scalar()
    return int(message or 0), int(status or 0)


def _tile(group: Group) -> Tile:
    figures = summarise(group, False)
    return Tile(group.key, figures, pace(figures), tuple(group.conversation_ids))


class Wallboard:
    def __init__(self, store: Store, levels: ServiceLevels) -> None:
        self.store = store
        self.levels = levels
        self.reporter = Reporter(store, levels)
        # Past days' trend points, with when they were worked out.
        self._trend_cache: dict[str, tuple[float, TrendPoint]] = {}
        self._overdue_ids: tuple[int, ...] = ()
        # When each waiting conversation falls due, kept while no message arrived and no
        # status changed (nothing else moves a due time), for a minute at most.
        self._dues: tuple[tuple[int, int], float, list[tuple[float, int, float, int]]] | None = None

    def snapshot(self, now: datetime | None = None) -> Snapshot:
        now = now or utcnow()
        zone = ZoneInfo(self.levels.hours.timezone)
        today = now.astimezone(zone).date()
        since = datetime.combine(today, time(0), zone).astimezone(UTC)
        # Read the new events first: the days whose conversations they touched lose
        # their trend points (the reports below find the facts up to date).
        facts = self.reporter.facts
        facts.refresh(self.levels.hours, now)
        if facts.rebuilt:
            self._trend_cache.clear()
        for started in facts.touched_starts:
            self._trend_cache.pop(datetime.fromtimestamp(started, zone).date().isoformat(), None)
        by_channel, by_agent = self.reporter.reports(
            since, now + timedelta(seconds=1), ("channel", "agent"), now=now
        )
        total = _tile(by_channel.total)
        answered = sorted((k[2], k[0]) for k in by_channel.total.kept if k[2] is not None)
        firsts = [seconds for seconds, _cid in answered]  # calendar seconds
        upcoming, overdue = self.upcoming(now)
        overdue_ids = self._overdue_ids
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
            trend=self.trend(now, zone, by_channel.total),
            target_s=total.figures.get("target_s"),
            benchmark_s=mark["customers_expect_s"] if mark else self._benchmark(by_channel),
            goal_pct=total.figures.get("goal_pct"),
            answered=tuple(answered),
            overdue_ids=overdue_ids,
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

    def trend(
        self, now: datetime, zone: ZoneInfo, today_total: Group | None = None
    ) -> tuple[TrendPoint, ...]:
        """The last ``TREND_DAYS`` days, today included. Today is worked out every time;
        a past day again when new events touch its conversations, and otherwise every
        five minutes for yesterday (its unanswered conversations fall due as time
        passes) and every hour before (a business-hours policy can fall due days
        later)."""
        today = now.astimezone(zone).date()
        points = []
        for back in range(TREND_DAYS - 1, -1, -1):
            day = today - timedelta(days=back)
            key = day.isoformat()
            cached = self._trend_cache.get(key)
            keep = TREND_CACHE_S if back > 1 else YESTERDAY_CACHE_S
            fresh = cached is not None and now.timestamp() - cached[0] < keep
            if back > 0 and cached is not None and fresh:
                points.append(cached[1])
                continue
            start = datetime.combine(day, time(0), zone).astimezone(UTC)
            end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
            if back == 0 and today_total is not None:  # today's tiles read it already
                group = today_total
            else:
                group = self.reporter.report(start, end, now=now).total
            figures = summarise(group, False)
            point = TrendPoint(
                key,
                figures["conversations"],
                figures["first_response"]["p50"],
                figures["first_response"]["p90"],
                figures["within_target_pct"],
                tuple(group.conversation_ids),
            )
            self._trend_cache[key] = (now.timestamp(), point)
            points.append(point)
        return tuple(points)

    def _due_times(self, conn: Any, now_s: float) -> list[tuple[float, int, float, int]]:
        key = _due_key(conn)
        kept = self._dues
        if kept is not None and kept[0] == key and now_s - kept[1] < DUES_CACHE_S:
            return kept[2]
        found = due_times(conn, self.levels)
        self._dues = (key, now_s, found)
        return found

    def upcoming(
        self, now: datetime, limit: int = NEXT_BREACHES
    ) -> tuple[tuple[Upcoming, ...], int]:
        """The waiting conversations due soonest that are not overdue yet, and how many
        waiting ones are overdue already."""
        now_s = now.timestamp()
        with self.store.connect() as conn:
            everything = self._due_times(conn, now_s)
            due_soon = [d for d in everything if d[0] > now_s]
            overdue = len(everything) - len(due_soon)
            self._overdue_ids = tuple(d[1] for d in everything if d[0] <= now_s)
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
