"""The business-hours clock: worked examples with hand-computed answers, and properties
over random schedules and moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from socialdesk.hours import (
    SEARCH_DAYS,
    BusinessHours,
    CalendarError,
    ScheduleError,
    Shift,
    holidays_from_ical,
)

LONDON = ZoneInfo("Europe/London")
OFFICE = BusinessHours.weekly("Europe/London", {"mon-fri": ["09:00-17:00"]})


def local(*args: int, zone: ZoneInfo = LONDON) -> datetime:
    return datetime(*args, tzinfo=zone)  # type: ignore[misc]


def test_friday_afternoon_is_due_on_monday_morning() -> None:
    # The example: 16:45 on a Friday, a 30-minute target, 09:00-17:00 Mon-Fri.
    friday = local(2026, 11, 20, 16, 45)
    due = OFFICE.add_business_time(friday, 30 * 60)
    assert due.astimezone(LONDON) == local(2026, 11, 23, 9, 15)
    assert OFFICE.business_seconds(friday, due) == 30 * 60


def test_a_daylight_saving_change() -> None:
    # Clocks go forward at 01:00 UTC on Sunday 29 March 2026; a 24/7 desk in London
    # works 23 hours that day, and 17:00 local on the Monday is 16:00 UTC.
    desk = BusinessHours.weekly("Europe/London", {"daily": ["00:00-00:00"]})
    sunday = local(2026, 3, 29, 0, 0)
    assert desk.business_seconds(sunday, local(2026, 3, 30, 0, 0)) == 23 * 3600
    monday_nine = local(2026, 3, 30, 9, 0)
    assert monday_nine.astimezone(UTC).hour == 8
    due = OFFICE.add_business_time(local(2026, 3, 27, 16, 0), 2 * 3600)  # Friday, GMT
    assert due == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)  # 10:00 BST on Monday
    # A shift starting in the hour that does not exist starts when the clocks jump on.
    night = BusinessHours.weekly("Europe/London", {"sun": ["01:30-03:00"]})
    assert night.business_seconds(sunday, local(2026, 3, 30)) == 30 * 60


def test_a_holiday() -> None:
    christmas = BusinessHours.weekly(
        "Europe/London",
        {"mon-fri": ["09:00-17:00"]},
        holidays=[date(2026, 12, 25)],
    )
    thursday = local(2026, 12, 24, 16, 30)  # Christmas Eve
    due = christmas.add_business_time(thursday, 60 * 60)
    assert due.astimezone(LONDON) == local(2026, 12, 28, 9, 30)  # not Friday the 25th


def test_an_overnight_shift() -> None:
    nights = BusinessHours.weekly("America/New_York", {"mon-fri": ["22:00-06:00"]})
    ny = ZoneInfo("America/New_York")
    friday_late = local(2026, 11, 20, 23, 0, zone=ny)  # inside Friday's night shift
    assert nights.is_open(friday_late)
    due = nights.add_business_time(friday_late, 8 * 3600)
    # 7 hours to Saturday 06:00, then nothing until Monday 22:00, then one more hour.
    assert due.astimezone(ny) == local(2026, 11, 23, 23, 0, zone=ny)
    assert not nights.is_open(local(2026, 11, 21, 12, 0, zone=ny))


def test_several_shifts_a_day_and_round_the_clock() -> None:
    split = BusinessHours.weekly("UTC", {"mon-fri": ["08:00-12:00", "13:00-17:00"]})
    monday = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)
    assert split.add_business_time(monday, 3600) == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    assert split.business_seconds(monday, monday + timedelta(hours=2)) == 3600
    always = BusinessHours.round_the_clock()
    assert always.add_business_time(monday, 90) == monday + timedelta(seconds=90)
    assert always.describe() == "round the clock"
    assert split.describe().startswith("mon 08:00-12:00, 13:00-17:00; tue")


def test_bad_schedules_are_refused_clearly() -> None:
    with pytest.raises(ScheduleError, match="is not a shift: write it as 09:00-17:00"):
        Shift.parse("9am-5pm")
    with pytest.raises(ScheduleError, match="'Mars/Olympus' is not a time zone"):
        BusinessHours.weekly("Mars/Olympus", {"mon": ["09:00-17:00"]})
    with pytest.raises(ScheduleError, match="is not a weekday"):
        BusinessHours.weekly("UTC", {"funday": ["09:00-17:00"]})
    never = BusinessHours.weekly("UTC", {})
    with pytest.raises(ScheduleError, match="no working time"):
        never.add_business_time(datetime(2026, 1, 1, tzinfo=UTC), 60)
    with pytest.raises(ValueError, match="time zone"):
        OFFICE.business_seconds(datetime(2026, 1, 1), datetime(2026, 1, 2))


ZONES = ["UTC", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]
shift_texts = st.builds(
    lambda a, b, c, d: f"{a:02d}:{b:02d}-{c:02d}:{d:02d}",
    st.integers(0, 23), st.sampled_from([0, 15, 30, 45]),
    st.integers(0, 23), st.sampled_from([0, 15, 30, 45]),
)  # fmt: skip
schedules = st.builds(
    lambda zone, days, shifts, holidays: BusinessHours.weekly(
        zone, {day: shifts for day in days}, holidays
    ),
    st.sampled_from(ZONES),
    st.lists(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), min_size=1,
             max_size=7, unique=True),
    st.lists(shift_texts, min_size=1, max_size=3),
    st.lists(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=5),
)  # fmt: skip
moments = st.datetimes(datetime(2026, 1, 1), datetime(2027, 6, 30), timezones=st.just(UTC))


def reachable(hours: BusinessHours, start: datetime, seconds: int) -> bool:
    """Whether ``seconds`` of working time lie within the days ``add_business_time``
    searches (a schedule of 15 minutes a week takes years to give three days)."""
    week = hours.business_seconds(start, start + timedelta(days=7))
    return week * (SEARCH_DAYS - 14) / 7 >= seconds


@settings(max_examples=150, deadline=None)
@given(schedules, moments, st.integers(0, 3 * 24 * 3600))
def test_the_clock_counts_only_working_time_and_never_runs_backwards(
    hours: BusinessHours, start: datetime, seconds: int
) -> None:
    assume(reachable(hours, start, seconds))
    due = hours.add_business_time(start, seconds)
    assert due >= start  # never backwards
    assert hours.business_seconds(start, due) == pytest.approx(seconds, abs=1e-3)
    for opens, closes in hours.intervals(start, due):
        assert opens < closes
        middle = opens + (closes - opens) / 2
        assert hours.is_open(middle)  # every counted moment is inside a shift
    # More calendar time never means less working time.
    later = due + timedelta(hours=5)
    assert hours.business_seconds(start, later) >= hours.business_seconds(start, due)


def _works_at(hours: BusinessHours, moment: datetime) -> bool:
    """Independently of the clock: is a shift on at this moment, by the wall clock?"""
    here = moment.astimezone(hours.zone)
    today, now = here.date(), here.time().replace(tzinfo=None)
    for shift in hours.shifts.get(today.weekday(), ()):
        if today in hours.holidays:
            break
        if shift.crosses_midnight and now >= shift.start:
            return True
        if not shift.crosses_midnight and shift.start <= now < shift.end:
            return True
    yesterday = today - timedelta(days=1)
    if yesterday not in hours.holidays:
        for shift in hours.shifts.get(yesterday.weekday(), ()):
            if shift.crosses_midnight and now < shift.end:
                return True
    return False


@settings(max_examples=150, deadline=None)
@given(schedules, moments, st.integers(0, 2 * 24 * 3600))
def test_every_counted_moment_is_in_a_shift_by_the_wall_clock(
    hours: BusinessHours, start: datetime, seconds: int
) -> None:
    assume(reachable(hours, start, seconds))
    due = hours.add_business_time(start, seconds)
    for opens, closes in hours.intervals(start, due):
        for part in (0.01, 0.5, 0.99):
            moment = opens + (closes - opens) * part
            # A daylight-saving change can move an edge by its gap; stay clear of edges.
            if min(moment - opens, closes - moment) > timedelta(hours=1):
                assert _works_at(hours, moment), (moment, hours.describe())


@settings(max_examples=150, deadline=None)
@given(schedules, moments, st.lists(st.floats(0, 0.999), min_size=1, max_size=8))
def test_no_working_time_is_missed(
    hours: BusinessHours, start: datetime, where: list[float]
) -> None:
    end = start + timedelta(days=3)
    counted = list(hours.intervals(start, end))
    for part in where:
        moment = start + (end - start) * part
        hour = timedelta(hours=1)
        if all(_works_at(hours, m) for m in (moment - hour, moment, moment + hour)):
            assert any(a <= moment < b for a, b in counted), (moment, hours.describe())


ICAL = """BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
SUMMARY:Christmas Day\r
DTSTART;VALUE=DATE:20261225\r
RRULE:FREQ=YEARLY\r
END:VEVENT\r
BEGIN:VEVENT\r
SUMMARY:Company off-site (two days, the summary folded\r
  over two lines)\r
DTSTART;VALUE=DATE:20260710\r
DTEND;VALUE=DATE:20260712\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_holidays_from_an_icalendar_file() -> None:
    from socialdesk.hours import CalendarError, holidays_from_ical

    days = holidays_from_ical(ICAL)
    assert {date(2026, 12, 25), date(2027, 12, 25), date(2035, 12, 25)} <= days
    assert date(2036, 12, 25) not in days  # ten years
    assert {date(2026, 7, 10), date(2026, 7, 11)} <= days and date(2026, 7, 12) not in days
    hours = BusinessHours.weekly("Europe/London", {"mon-fri": ["09:00-17:00"]}, days)
    assert not hours.is_open(local(2026, 7, 10, 12, 0))  # a Friday off-site
    with pytest.raises(CalendarError, match="not an iCalendar file"):
        holidays_from_ical("SUMMARY:nothing")
    with pytest.raises(CalendarError, match=r"line 3: '2026-13-01' is not a date"):
        holidays_from_ical("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-13-01\nEND:VEVENT\n")
    with pytest.raises(CalendarError, match="only yearly repeats"):
        holidays_from_ical(ICAL.replace("FREQ=YEARLY", "FREQ=WEEKLY"))


@settings(max_examples=80, deadline=None)
@given(schedules, moments, moments, st.integers(1, 3 * 24 * 3600))
def test_the_laid_out_timeline_answers_as_the_schedule_does(
    hours: BusinessHours, a: datetime, b: datetime, seconds: int
) -> None:
    """Reports and the wallboard ask a ``Timeline`` (binary searches over the working
    intervals) what the countdowns ask the schedule: the answers must be the same."""
    start, end = min(a, b), max(a, b)
    assume(reachable(hours, start, seconds))
    line = hours.timeline(start - timedelta(days=3), end + timedelta(days=40))
    assert line.seconds(start.timestamp(), end.timestamp()) == pytest.approx(
        hours.business_seconds(start, end), abs=1e-3
    )
    assert line.add(start.timestamp(), seconds) == pytest.approx(
        hours.add_business_time(start, seconds).timestamp(), abs=1e-3
    )


def test_business_hours_survive_being_stored() -> None:
    hours = BusinessHours.weekly(
        "Europe/Istanbul",
        {"mon-fri": ["09:00-17:00", "18:00-22:00"], "sat": ["22:00-06:00"]},
        [date(2026, 12, 25)],
    )
    again = BusinessHours.from_json(hours.to_json())
    assert again == hours
    assert BusinessHours.from_json(BusinessHours.round_the_clock().to_json()).always_open
    with pytest.raises(ScheduleError, match="cannot be read"):
        BusinessHours.from_json("{not json")


def test_icalendar_repeats_and_odd_files() -> None:
    def calendar(*lines: str) -> str:
        return "\n".join(["BEGIN:VCALENDAR", "BEGIN:VEVENT", *lines, "END:VEVENT", "END:VCALENDAR"])

    three = holidays_from_ical(calendar("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=3"))
    assert three == {date(2026, 12, 25), date(2027, 12, 25), date(2028, 12, 25)}
    with pytest.raises(CalendarError, match="only yearly repeats on a fixed date"):
        holidays_from_ical(
            calendar("DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH")
        )
    assert holidays_from_ical("\ufeff" + calendar("DTSTART;VALUE=DATE:20260101")) == {
        date(2026, 1, 1)
    }
    with pytest.raises(CalendarError, match="no END:VEVENT"):
        holidays_from_ical("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n")
