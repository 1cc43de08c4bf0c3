"""Business hours: when a team works, and the clock that counts only that time.

A schedule is a time zone (``zoneinfo``), shifts for each weekday (several a day, and a
shift may cross midnight into the next day), and holidays on which no shift starts; or
round the clock. Shifts are worked out in local time and turned into moments in UTC, so
a daylight-saving change shortens or lengthens the day it falls on, as it does for the
people working it.

``business_seconds(start, end)`` is the working time between two moments;
``add_business_time(start, seconds)`` the moment that much working time after ``start``
(when a reply is due). Both treat a schedule's shifts as half-open intervals.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# How far ``add_business_time`` looks for working time before it gives up: a schedule
# that is never open (every day a holiday) is an error, not an endless loop.
SEARCH_DAYS = 800
_SHIFT = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


class ScheduleError(ValueError):
    """A schedule that cannot be understood, or that is never open."""


@dataclass(frozen=True, slots=True)
class Shift:
    """From ``start`` to ``end`` local time; an ``end`` at or before ``start`` is on the
    next day (22:00-06:00). 00:00-00:00 is the whole day."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> Shift:
        found = _SHIFT.match(text.strip())
        if found is None:
            raise ScheduleError(f"{text!r} is not a shift: write it as 09:00-17:00")
        h1, m1, h2, m2 = (int(part) for part in found.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2 != 0):
            raise ScheduleError(f"{text!r} is not a time of day")
        end = time(0, 0) if h2 == 24 else time(h2, m2)
        return cls(time(h1, m1), end)

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class BusinessHours:
    """A team's working time. ``shifts`` maps weekday (0 Monday) to its shifts."""

    timezone: str = "UTC"
    shifts: dict[int, tuple[Shift, ...]] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()
    always_open: bool = False

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ScheduleError(f"{self.timezone!r} is not a time zone") from None
        for day, shifts in self.shifts.items():
            if day not in range(7):
                raise ScheduleError(f"weekday {day} does not exist (0 is Monday)")
            for shift in shifts:
                if not isinstance(shift, Shift):
                    raise ScheduleError("shifts must be Shift values")

    @classmethod
    def round_the_clock(cls, timezone: str = "UTC") -> BusinessHours:
        """Open at every hour; the time zone still says where the team's days begin."""
        return cls(timezone, always_open=True)

    @classmethod
    def weekly(
        cls,
        timezone: str,
        hours: Mapping[str, Iterable[str]],
        holidays: Iterable[date] = (),
    ) -> BusinessHours:
        """``hours`` like ``{"mon-fri": ["09:00-17:00"], "sat": ["10:00-14:00"]}``."""
        shifts: dict[int, list[Shift]] = {}
        for days, texts in hours.items():
            parsed = [Shift.parse(text) for text in texts]
            for day in _days(days):
                shifts.setdefault(day, []).extend(parsed)
        return cls(
            timezone,
            {day: tuple(sorted(found, key=lambda s: s.start)) for day, found in shifts.items()},
            frozenset(holidays),
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    # -- the open intervals ------------------------------------------------------------

    def intervals(self, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The working intervals (UTC, in order, merged where they touch) that overlap
        ``[start, end)``, clipped to it."""
        _aware(start, end)
        if end <= start:
            return
        if self.always_open:
            yield start.astimezone(UTC), end.astimezone(UTC)
            return
        pending: tuple[datetime, datetime] | None = None
        for opens, closes in self._from_day(start.astimezone(self.zone).date() - timedelta(1)):
            if opens >= end:
                break
            low, high = max(opens, start), min(closes, end)
            if high <= low:
                continue
            if pending is not None and low <= pending[1]:
                pending = (pending[0], max(pending[1], high))
                continue
            if pending is not None:
                yield pending
            pending = (low, high)
        if pending is not None:
            yield pending

    def _from_day(self, first: date) -> Iterator[tuple[datetime, datetime]]:
        """Every shift from local day ``first`` on, in UTC, in order of opening."""
        zone = self.zone
        for offset in range(SEARCH_DAYS + 2):
            day = first + timedelta(days=offset)
            if day in self.holidays:
                continue
            found = []
            for shift in self.shifts.get(day.weekday(), ()):
                opens = _local(day, shift.start, zone)
                closes_day = day + timedelta(days=1) if shift.crosses_midnight else day
                closes = _local(closes_day, shift.end, zone)
                if closes > opens:
                    found.append((opens, closes))
            yield from sorted(found)

    # -- the clock ---------------------------------------------------------------------

    def is_open(self, moment: datetime) -> bool:
        return any(self.intervals(moment, moment + timedelta(microseconds=1)))

    def business_seconds(self, start: datetime, end: datetime) -> float:
        """Working time between two moments (0 when ``end`` is not after ``start``)."""
        return sum((b - a).total_seconds() for a, b in self.intervals(start, end))

    def add_business_time(self, start: datetime, seconds: float) -> datetime:
        """The moment ``seconds`` of working time after ``start`` (UTC)."""
        _aware(start)
        if seconds < 0:
            raise ValueError("cannot add negative working time")
        if self.always_open:
            return start.astimezone(UTC) + timedelta(seconds=seconds)
        left = timedelta(seconds=seconds)
        horizon = start + timedelta(days=SEARCH_DAYS)
        for opens, closes in self.intervals(start, horizon):
            span = closes - opens
            if left <= span:
                return opens + left
            left -= span
        raise ScheduleError(f"the schedule has no working time in the {SEARCH_DAYS} days ahead")

    def timeline(self, start: datetime, end: datetime) -> Timeline:
        """The working time from ``start`` to ``end`` laid out once, for many questions."""
        return Timeline(self, start, end)

    # -- stored form -------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "timezone": self.timezone,
                "always_open": self.always_open,
                "shifts": {
                    WEEKDAYS[day]: [str(s) for s in shifts]
                    for day, shifts in sorted(self.shifts.items())
                    if shifts
                },
                "holidays": sorted(day.isoformat() for day in self.holidays),
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> BusinessHours:
        try:
            raw = json.loads(text)
            holidays = [date.fromisoformat(day) for day in raw.get("holidays", [])]
            hours = cls.weekly(raw.get("timezone", "UTC"), raw.get("shifts", {}), holidays)
            # Round the clock keeps the shifts and holidays for when the team returns to them.
            return replace(hours, always_open=True) if raw.get("always_open") else hours
        except (ValueError, TypeError, AttributeError) as exc:
            if isinstance(exc, ScheduleError):
                raise
            raise ScheduleError(f"stored business hours cannot be read: {exc}") from None

    def describe(self) -> str:
        if self.always_open:
            return "round the clock" + ("" if self.timezone == "UTC" else f" ({self.timezone})")
        parts = []
        for day in range(7):
            shifts = self.shifts.get(day)
            if shifts:
                parts.append(f"{WEEKDAYS[day]} " + ", ".join(str(s) for s in shifts))
        text = "; ".join(parts) or "never open"
        return f"{text} ({self.timezone})"


class Timeline:
    """A schedule's working intervals over a span, as sorted epoch seconds with the
    working time before each: ``seconds(a, b)`` is two binary searches, so a report can
    ask it for every conversation. Outside the span it asks the schedule itself."""

    __slots__ = ("_cumulative", "_end", "_hours", "_start", "_starts", "_stops")

    def __init__(self, hours: BusinessHours, start: datetime, end: datetime) -> None:
        self._hours = hours
        self._start, self._end = start.timestamp(), end.timestamp()
        self._starts: list[float] = []
        self._stops: list[float] = []
        self._cumulative: list[float] = []
        total = 0.0
        if not hours.always_open:
            for opens, closes in hours.intervals(start, end):
                self._starts.append(opens.timestamp())
                self._stops.append(closes.timestamp())
                self._cumulative.append(total)
                total += (closes - opens).total_seconds()

    def _before(self, moment: float) -> float:
        """Working time from the span's start up to ``moment`` (inside the span)."""
        i = bisect_right(self._starts, moment) - 1
        if i < 0:
            return 0.0
        return self._cumulative[i] + min(moment, self._stops[i]) - self._starts[i]

    def seconds(self, a: float, b: float) -> float:
        """Working seconds between two epoch times (0 when ``b`` is not after ``a``)."""
        if b <= a:
            return 0.0
        if self._hours.always_open:
            return b - a
        if a < self._start or b > self._end:
            return self._hours.business_seconds(
                datetime.fromtimestamp(a, UTC), datetime.fromtimestamp(b, UTC)
            )
        return self._before(b) - self._before(a)

    def add(self, a: float, seconds: float) -> float:
        """The epoch time ``seconds`` of working time after ``a`` (as
        ``BusinessHours.add_business_time``)."""
        if self._hours.always_open:
            return a + seconds
        if seconds > 0 and self._start <= a <= self._end and self._starts:
            wanted = self._before(a) + seconds
            i = bisect_left(self._cumulative, wanted) - 1
            if i >= 0 and wanted <= self._cumulative[i] + self._stops[i] - self._starts[i]:
                return self._starts[i] + wanted - self._cumulative[i]
        moment = datetime.fromtimestamp(a, UTC)
        return self._hours.add_business_time(moment, seconds).timestamp()


def _days(text: str) -> list[int]:
    """``mon-fri``, ``sat``, ``mon,wed,fri``, ``daily`` as weekday numbers."""
    text = text.strip().lower()
    if text in ("daily", "every day", "all"):
        return list(range(7))
    found: list[int] = []
    for part in text.split(","):
        part = part.strip()
        first, _, last = part.partition("-")
        try:
            a = WEEKDAYS.index(first[:3])
            b = WEEKDAYS.index(last[:3]) if last else a
        except ValueError:
            raise ScheduleError(f"{part!r} is not a weekday or a range such as mon-fri") from None
        span = range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)]
        found.extend(day for day in span if day not in found)
    return found


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A local wall-clock time as a moment in UTC. A time that a daylight-saving change
    skips moves on by the length of the gap (02:30 on the spring-forward night is 03:30);
    a time that happens twice is taken the first time."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def _aware(*moments: datetime) -> None:
    for moment in moments:
        if moment.tzinfo is None:
            raise ValueError("times must carry a time zone")


# -- holidays from an iCalendar file --------------------------------------------------------

_ICAL_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})")
YEARLY_SPAN = 10  # a yearly holiday (RRULE:FREQ=YEARLY) is expanded for this many years


class CalendarError(ValueError):
    """An iCalendar file that cannot be read as a list of holidays."""


def holidays_from_ical(text: str) -> frozenset[date]:
    """The days an iCalendar file (RFC 5545) marks: every VEVENT's days from DTSTART up
    to DTEND (exclusive; one day without it), and yearly ones for ten years."""
    text = text.removeprefix("\ufeff")  # a byte-order mark, as Windows writes
    lines: list[str] = []
    for raw in text.splitlines():
        if raw.startswith((" ", "\t")) and lines:  # a folded line goes on
            lines[-1] += raw[1:]
        else:
            lines.append(raw.rstrip("\r"))
    if not any(line.strip().upper() == "BEGIN:VCALENDAR" for line in lines):
        raise CalendarError("not an iCalendar file: it has no BEGIN:VCALENDAR")
    days: set[date] = set()
    event: dict[str, tuple[str, int]] | None = None
    for number, line in enumerate(lines, 1):
        upper = line.strip().upper()
        if upper == "BEGIN:VEVENT":
            event = {}
        elif upper == "END:VEVENT":
            if event is None or "DTSTART" not in event:
                raise CalendarError(f"line {number}: an event without DTSTART")
            days.update(_event_days(event, number))
            event = None
        elif event is not None and ":" in line:
            name, _, value = line.partition(":")
            event[name.split(";")[0].strip().upper()] = (value.strip(), number)
    if event is not None:
        raise CalendarError("the file ends inside an event (no END:VEVENT)")
    return frozenset(days)


def _event_days(event: dict[str, tuple[str, int]], number: int) -> set[date]:
    first = _ical_date(*event["DTSTART"])
    last = _ical_date(*event["DTEND"]) if "DTEND" in event else first + timedelta(1)
    span = max(1, (last - first).days)
    starts = [first]
    rule = event.get("RRULE", ("", number))[0].upper()
    parts = dict(part.partition("=")[::2] for part in rule.split(";") if part)
    if parts.get("FREQ") == "YEARLY" and set(parts) <= {"FREQ", "COUNT", "INTERVAL"}:
        count = int(parts["COUNT"]) if parts.get("COUNT", "").isdigit() else YEARLY_SPAN
        step = int(parts["INTERVAL"]) if parts.get("INTERVAL", "").isdigit() else 1
        years = range(0, min(count, YEARLY_SPAN) * max(step, 1), max(step, 1))
        starts = [_same_day(first, first.year + n) for n in years]
    elif rule:
        raise CalendarError(
            f"line {number}: only yearly repeats on a fixed date are understood ({rule}); "
            "add such holidays by date"
        )
    return {start + timedelta(days=n) for start in starts for n in range(span)}


def _ical_date(value: str, number: int) -> date:
    found = _ICAL_DATE.match(value)
    if found is None:
        raise CalendarError(f"line {number}: {value!r} is not a date")
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        raise CalendarError(f"line {number}: {value!r} is not a date") from None


def _same_day(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)
