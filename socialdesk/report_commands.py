"""``socialdesk report``, ``socialdesk sla`` and ``socialdesk hours``: response-time
reports and the settings they are judged by, from the command line."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from socialdesk.domain import utcnow
from socialdesk.hours import BusinessHours, CalendarError, ScheduleError, holidays_from_ical
from socialdesk.metrics import ConversationFigures, Report, Reporter, parse_since
from socialdesk.policies import PolicyBook
from socialdesk.sla import KINDS, PolicyError, Targets, to_json
from socialdesk.store import Store
from socialdesk.targets import duration_seconds, format_duration

KIND_NAMES = {
    "public_complaint": "public complaint",
    "public": "other public",
    "direct_message": "direct message",
    "keyword_hit": "keyword hit",
}


class CommandError(ValueError):
    """A report or setting asked for in a way that cannot be done."""


def parse_duration(text: str) -> int:
    """``15m``, ``1h 30m``, ``2d``, ``90s`` as seconds; a bare number is minutes (as in
    the app's settings)."""
    try:
        return duration_seconds(text, bare_minutes=True)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _duration(seconds: float | None) -> str:
    return "—" if seconds is None else format_duration(seconds)


def _goal(value: float) -> str:
    """90% or 99.5%: a goal as set, never rounded to a neighbour."""
    return f"{value:g}%"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


# -- report -----------------------------------------------------------------------------------


def run_report(args: argparse.Namespace, store: Store) -> int:
    levels = PolicyBook(store).levels()
    zone = ZoneInfo(levels.hours.timezone)
    now = utcnow()
    since = parse_since(args.since, now, zone)
    until = parse_since(args.until, now, zone) if args.until else now + timedelta(seconds=1)
    if args.conversations and args.format != "csv":
        raise CommandError("--conversations exports CSV: add --format csv")
    reporter = Reporter(store, levels)
    with _output(args.out) as out:
        if args.conversations:
            write_conversations_csv(reporter.figures(since, until, now), out)
        else:
            _write_report(args, reporter, since, until, now, out)
    if args.out and args.out != "-":
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _write_report(
    args: argparse.Namespace,
    reporter: Reporter,
    since: datetime,
    until: datetime,
    now: datetime,
    out: TextIO,
) -> None:
    report = reporter.report(since, until, by=args.by, business=args.business_hours, now=now)
    if args.format == "json":
        json.dump(report.as_json(), out, indent=2)
        out.write("\n")
    elif args.format == "csv":
        write_groups_csv(report, out)
    elif args.format == "html":
        from socialdesk.report_html import render_html

        trend = reporter.report(since, until, by="day", business=args.business_hours, now=now)
        col = 3 if args.business_hours else 2
        firsts = sorted(k[col] for k in report.total.kept if k[col] is not None)
        out.write(
            render_html(report.as_json(), distribution=firsts, trend=trend.as_json()["groups"])
        )
    else:
        out.write(format_table(report))


class _output:
    """Standard output (also for ``-``), or a file written once the report is whole: a
    report that fails leaves the file as it was. The file is written into, not replaced,
    so a link, a device or an existing file's permissions stay as they are."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path and path != "-" else None
        self.buffer = io.StringIO()

    def __enter__(self) -> TextIO:
        if self.path is not None and self.path.is_dir():
            raise CommandError(f"{self.path} is a folder: give a file name to --out")
        if self.path is not None and not self.path.parent.is_dir():
            raise CommandError(
                f"there is no folder {self.path.parent} to write {self.path.name} in"
            )
        return self.buffer if self.path is not None else sys.stdout

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is not None or self.path is None:
            return
        with self.path.open("w", encoding="utf-8", newline="") as target:
            target.write(self.buffer.getvalue())


def format_table(report: Report) -> str:
    data = report.as_json()
    clock = "business hours" if report.business else "calendar time"
    lines = [
        f"Response times {data['since']} to {data['until']} by {report.by}, in {clock} "
        f"({report.timezone})",
        "",
    ]
    if report.stale:
        lines[1:1] = [f"(not up to date: {report.stale})"]
    header = (
        "group",
        "convs",
        "answered",
        "FR p50",
        "FR p90",
        "FR p95",
        "FR mean",
        "within target",
        "breaches",
        "res p50",
        "res p90",
        "backlog",
        "benchmark",
    )
    rows = [header]
    for group in [*data["groups"], data["total"]]:
        first = group["first_response"]
        mark = group["benchmark"]
        goal = group["goal_pct"]
        within = _pct(group["within_target_pct"])
        targets, goals = group["targets_s"], group["goals_pct"]
        if len(targets) > 1:
            within += f" of {_duration(targets[0])}–{_duration(targets[-1])}"
        elif targets:
            within += f" of {_duration(targets[0])}"
        if len(goals) > 1:
            within += f" (goals {_goal(goals[0])}–{_goal(goals[-1])})"
        elif goal is not None:
            within += f" (goal {_goal(goal)})"
        rows.append(
            (
                str(group["key"]),
                f"{group['conversations']:,}",
                f"{group['answered']:,}",
                _duration(first["p50"]),
                _duration(first["p90"]),
                _duration(first["p95"]),
                _duration(first["mean"]),
                within,
                f"{group['breaches']:,}",
                _duration(group["resolution"]["p50"]),
                _duration(group["resolution"]["p90"]),
                f"{group['backlog']:,}",
                _benchmark_cell(mark),
            )
        )
    widths = [max(len(_plain(r[i])) for r in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        if number == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        cells = [_plain(c).ljust(w) if i == 0 else _plain(c).rjust(w) for i, (c, w) in
                 enumerate(zip(row, widths, strict=True))]  # fmt: skip
        lines.append("  ".join(cells).rstrip())
    sources = {g["benchmark"]["source"] for g in data["groups"] if g["benchmark"]}
    if sources:
        lines.append("")
        lines.extend(f"Benchmark: {source}" for source in sorted(sources))
    lines.append(
        "Percentiles are exact (nearest rank). Within target counts answered conversations "
        "and unanswered ones past their target, each judged by its own policy on that "
        "policy's clock."
    )
    return "\n".join(lines) + "\n"


def _benchmark_cell(mark: dict[str, Any] | None) -> str:
    if not mark:
        return "—"
    expect = _duration(mark["customers_expect_s"])
    if not mark.get("published", True):
        return f"none of its own ({expect} borrowed)"
    return f"customers expect {expect}"


def _plain(text: str) -> str:
    """A cell on one line, without control characters (names come from networks)."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


GROUP_COLUMNS = (
    "key",
    "conversations",
    "answered",
    "first_response_p50_s",
    "first_response_p90_s",
    "first_response_p95_s",
    "first_response_mean_s",
    "within_target_pct",
    "target_s",
    "goal_pct",
    "breaches",
    "next_response_count",
    "next_response_p50_s",
    "next_response_p90_s",
    "next_response_breaches",
    "resolved",
    "resolution_p50_s",
    "resolution_p90_s",
    "replies_to_resolution_mean",
    "first_contact_resolution_pct",
    "handle_p50_s",
    "handle_mean_s",
    "backlog",
    "benchmark_customers_expect_s",
    "benchmark_businesses_average_s",
    "benchmark_source",
)


def write_groups_csv(report: Report, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(GROUP_COLUMNS)
    data = report.as_json()
    for g in [*data["groups"], data["total"]]:
        mark = g["benchmark"] or {}
        fr, nr, res = g["first_response"], g["next_response"], g["resolution"]
        cells = _cells(
            g["key"],
            g["conversations"],
            g["answered"],
            fr["p50"],
            fr["p90"],
            fr["p95"],
            fr["mean"],
            g["within_target_pct"],
            g["target_s"],
            g["goal_pct"],
            g["breaches"],
            nr["count"],
            nr["p50"],
            nr["p90"],
            nr["breaches"],
            g["resolved"],
            res["p50"],
            res["p90"],
            g["replies_to_resolution_mean"],
            g["first_contact_resolution_pct"],
            g["handle"]["p50"],
            g["handle"]["mean"],
            g["backlog"],
            mark.get("customers_expect_s"),
            mark.get("businesses_average_s"),
            mark.get("source"),
        )
        writer.writerow(cells)


CONVERSATION_COLUMNS = (
    "conversation_id",
    "network",
    "account",
    "kind",
    "agent",
    "status",
    "started_at",
    "first_response_at",
    "first_response_s",
    "first_response_business_s",
    "first_response_target_s",
    "first_response_due_at",
    "within_target",
    "breached",
    "next_responses",
    "resolved_at",
    "resolution_s",
    "resolution_business_s",
    "resolution_target_s",
    "replies",
    "replies_to_resolution",
    "first_contact_resolution",
    "reopened",
    "handle_s",
    "waiting_since",
    "business_hours_policy",
)


def write_conversations_csv(rows: list[ConversationFigures], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CONVERSATION_COLUMNS)
    for r in rows:
        t = r.targets
        cells = _cells(
            r.conversation_id,
            r.network,
            r.account,
            r.kind,
            r.agent or "",
            r.status,
            _when(r.started_at),
            _when(r.first_response_at),
            r.first_response_s,
            r.first_response_bs,
            t.first_response_s,
            _when(r.due_at),
            "" if r.met is None else r.met,
            r.breached,
            r.next_responses,
            _when(r.resolved_at),
            r.resolution_s,
            r.resolution_bs,
            t.resolution_s,
            r.replies,
            r.replies_to_resolution,
            r.fcr,
            r.reopened,
            r.handle_s,
            _when(r.waiting_since),
            t.business_hours,
        )
        writer.writerow(cells)


def _when(epoch: float | None) -> str:
    if epoch is None:
        return ""
    moment = datetime.fromtimestamp(epoch, UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


_HANDLE = re.compile(r"^@\w{1,50}$")


def _formula_like(text: str) -> bool:
    """What a spreadsheet could run as a formula; a bare @handle stays as it is."""
    return text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _HANDLE.match(text)


def _cells(*values: Any) -> list[str]:
    """CSV cells; a text cell that a spreadsheet would run as a formula is quoted with
    a leading apostrophe (names and sources come from outside)."""
    out = []
    for value in values:
        if value is None:
            out.append("")
        elif isinstance(value, bool):
            out.append("true" if value else "false")
        elif isinstance(value, float):
            out.append(f"{value:.1f}".rstrip("0").rstrip("."))
        elif isinstance(value, str) and _formula_like(value):
            out.append("'" + value)
        else:
            out.append(str(value))
    return out


# -- sla --------------------------------------------------------------------------------------


def find_account(book: PolicyBook, name: str) -> tuple[int, str, str]:
    """An account by ``network:handle``, its handle or its name as shown."""
    wanted = name.strip()
    network, _, handle = wanted.rpartition(":") if ":" in wanted else ("", "", wanted)
    if not network and handle.startswith("@"):
        network = "x"
    elif not network and handle.startswith(("u/", "/u/")):
        network = "reddit"
    bare = handle.lower().lstrip("@").removeprefix("/").removeprefix("u/")
    matches = [
        a
        for a in book.accounts()
        if (not network or a[1] == network.lower())
        and bare in (a[2].lower().lstrip("@").removeprefix("u/"), str(a[0]))
    ]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f"{a[1]}:{a[2]}" for a in book.accounts()) or "none yet"
    if not matches:
        raise CommandError(f"no account is called {name!r} (accounts: {known})")
    raise CommandError(f"{name!r} is ambiguous: say x:{bare} or reddit:{bare}")


def run_sla(args: argparse.Namespace, store: Store) -> int:
    book = PolicyBook(store)
    if args.action == "list":
        accounts = [find_account(book, args.account)] if args.account else book.accounts()
        listing: list[dict[str, Any]] = []
        for account_id, network, name in accounts:
            for kind in KINDS:
                targets, own = book.policy(account_id, kind)
                listing.append(
                    {"account": f"{network}:{name}", "kind": kind, "custom": own} | to_json(targets)
                )
        if args.json:
            print(json.dumps(listing, indent=2))
            return 0
        if not listing:
            print("no accounts yet: connect one (socialdesk accounts add) or import messages")
        for item in listing:
            clock = "business hours" if item["business_hours"] else "round the clock"
            print(
                f"{item['account']:<28} {KIND_NAMES[item['kind']]:<17} "
                f"first {format_duration(item['first_response_s']):>7}  "
                f"next {format_duration(item['next_response_s']):>7}  "
                f"resolve {format_duration(item['resolution_s']):>7}  "
                f"goal {_goal(item['goal_pct'])}  {clock}"
                f"{'  (custom)' if item['custom'] else ''}"
            )
        return 0
    account_id, network, name = find_account(book, args.account)
    if args.action == "reset":
        gone = book.reset_policy(account_id, args.kind)
        what = KIND_NAMES[args.kind] if args.kind else "every kind"
        print(f"{network}:{name}: {what} back to the shipped default ({gone} custom removed)")
        return 0
    if args.kind not in KINDS:
        raise CommandError(f"{args.kind!r} is not a kind: one of {', '.join(KINDS)}")
    current, _own = book.policy(account_id, args.kind)
    try:
        targets = Targets(
            parse_duration(args.first) if args.first else current.first_response_s,
            parse_duration(args.next) if args.next else current.next_response_s,
            parse_duration(args.resolution) if args.resolution else current.resolution_s,
            args.goal if args.goal is not None else current.goal_pct,
            current.business_hours if args.clock is None else args.clock == "business",
        )
    except PolicyError as exc:
        raise CommandError(str(exc)) from None
    book.set_policy(account_id, args.kind, targets)
    print(
        f"{network}:{name} {KIND_NAMES[args.kind]}: first response "
        f"{format_duration(targets.first_response_s)}, next "
        f"{format_duration(targets.next_response_s)}, resolution "
        f"{format_duration(targets.resolution_s)}, goal {_goal(targets.goal_pct)}, "
        f"{'business hours' if targets.business_hours else 'round the clock'}"
    )
    return 0


# -- hours ------------------------------------------------------------------------------------


def run_hours(args: argparse.Namespace, store: Store) -> int:
    book = PolicyBook(store)
    if args.action == "show":
        hours = book.hours()
        if args.json:
            print(json.dumps(json.loads(hours.to_json()), indent=2))
        else:
            print(hours.describe())
            if hours.holidays:
                print("holidays: " + ", ".join(d.isoformat() for d in sorted(hours.holidays)))
        return 0
    if args.action == "round-the-clock":
        current = book.hours()
        zone = args.timezone or current.timezone
        try:
            # The shifts and holidays stay, for when the team goes back to them.
            hours = BusinessHours(zone, current.shifts, current.holidays, always_open=True)
        except ScheduleError as exc:
            raise CommandError(str(exc)) from None
        book.set_hours(hours)
        print(f"business hours: {hours.describe()}")
        return 0
    current = book.hours()
    if args.action == "set":
        shifts: dict[str, list[str]] = {}
        for given in args.shift or []:
            days, sep, spans = given.partition("=")
            if not sep or not spans.strip():
                raise CommandError(f"{given!r}: write a shift as mon-fri=09:00-17:00")
            shifts.setdefault(days.strip(), []).extend(s.strip() for s in spans.split(","))
        if not shifts:
            raise CommandError("give at least one --shift, such as mon-fri=09:00-17:00")
        holidays = [] if args.clear_holidays else list(current.holidays)
        holidays += [_date(d) for d in args.holiday or []]
        timezone = args.timezone or current.timezone
        try:
            hours = BusinessHours.weekly(timezone, shifts, holidays)
        except ScheduleError as exc:
            raise CommandError(str(exc)) from None
        book.set_hours(hours)
        print(f"business hours: {hours.describe()}")
        return 0
    # import-holidays
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
        days = holidays_from_ical(text)
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CommandError(f"cannot read {args.file}: it is not UTF-8 text") from None
    except CalendarError as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    if current.always_open:
        raise CommandError(
            "the team works round the clock: set its hours first (socialdesk hours set), "
            "then import holidays"
        )
    merged = BusinessHours(current.timezone, current.shifts, current.holidays | days)
    book.set_hours(merged)
    added = len(merged.holidays) - len(current.holidays)
    print(f"imported {plural_days(len(days))} from {args.file} ({added} new)")
    return 0


def plural_days(count: int) -> str:
    return f"{count} holiday day" + ("" if count == 1 else "s")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{text!r} is not a date: write 2026-12-25") from None
