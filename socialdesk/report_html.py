"""The response-time report as one self-contained HTML file: a header, the total's
summary, a row of figures per group beside its published benchmark, a histogram of
first-response times and a daily trend, with inline CSS and inline SVG only (no
script, no fonts, no images, nothing fetched), so it can be mailed, archived and
printed as it is.

Every string that comes from data (group keys are account display names and agent
names taken from the networks, benchmark sources, the title) is HTML-escaped wherever
it lands, SVG text and attributes included. A null figure reads as a dash.
"""

from __future__ import annotations

import html
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from socialdesk.targets import format_duration

DASH = "—"

# The histogram's bin edges in seconds: close to log-spaced (each about 1.5 to 2 times
# the last) but on round durations people read at a glance. The last bin is open-ended.
# Every bin is drawn the same width; between two edges the axis is linear, so a line
# drawn for a number of seconds falls inside the bar that counts it.
BIN_EDGES: tuple[int, ...] = (
    0, 30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400,
    21600, 28800, 43200, 86400, 172800, 259200, 604800,
)  # fmt: skip
# The histogram shows at least the bins up to an hour, however quick the answers.
_MIN_SHOWN_S = 3600
# Both charts draw on this canvas (SVG units), scaled down to the page's width.
_W, _H = 960, 360

_INK = "#1a1a1a"
_MUTED = "#555555"
_GRID = "#d9d9d9"
_BAR = "#4a6fa5"
_TARGET = "#b00020"
_BENCHMARK = "#6a1b9a"
_P50 = "#1f5fa8"
_P90 = "#b3541e"
_SHARE = "#2e7d32"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_CSS = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0 auto; max-width: 1440px; padding: 24px; color: {_INK}; background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; font-variant-numeric: tabular-nums; }}
h1 {{ font-size: 24px; margin: 0 0 4px; }}
h2 {{ font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid {_GRID};
  padding-bottom: 4px; }}
header p {{ margin: 2px 0; color: {_MUTED}; }}
header strong {{ color: {_INK}; }}
.empty {{ padding: 16px; background: #f4f4f4; border-left: 4px solid {_MUTED}; }}
dl.tiles {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
  gap: 8px; margin: 0; }}
dl.tiles div {{ border: 1px solid {_GRID}; border-radius: 4px; padding: 8px 10px; }}
dl.tiles dt {{ color: {_MUTED}; font-size: 12px; }}
dl.tiles dd {{ margin: 2px 0 0; font-size: 20px; font-weight: 600; }}
dl.tiles dd small {{ display: block; font-size: 12px; font-weight: 400; color: {_MUTED}; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; font-size: 11.5px; }}
td small {{ color: {_MUTED}; }}
th, td {{ padding: 3px 4px; border: 1px solid {_GRID}; }}
thead th {{ background: #eef1f5; text-align: center; vertical-align: bottom; }}
tbody th, tfoot th {{ text-align: left; font-weight: 600; min-width: 120px;
  max-width: 240px; overflow-wrap: break-word; }}
/* The group's name stays in view while a wide table scrolls sideways. */
table.groups tbody th, table.groups tfoot th {{ position: sticky; left: 0; z-index: 1;
  background: #fff; box-shadow: 1px 0 0 {_GRID}; }}
table.groups tbody tr:nth-child(even) th {{ background: #f7f7f7; }}
table.groups tfoot th {{ background: #eef1f5; }}
caption {{ text-align: left; color: {_MUTED}; padding: 4px 0; }}
table.days {{ width: auto; }}
td {{ text-align: right; white-space: nowrap; }}
tbody tr:nth-child(even) {{ background: #f7f7f7; }}
tfoot tr {{ border-top: 2px solid {_INK}; font-weight: 600; background: #eef1f5; }}
.met {{ color: {_SHARE}; }}
.missed {{ color: {_TARGET}; font-weight: 600; }}
sup a {{ color: {_BENCHMARK}; text-decoration: none; }}
ol.sources {{ font-size: 12px; color: {_MUTED}; padding-left: 20px; }}
figure {{ margin: 0; }}
figcaption {{ font-size: 12px; color: {_MUTED}; margin-top: 4px; }}
svg {{ display: block; width: 100%; max-width: 960px; height: auto; }}
svg text {{ font-family: inherit; }}
@page {{ size: A4 landscape; margin: 12mm; }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 11px; }}
  .scroll {{ overflow: visible; }}
  table.groups tbody th, table.groups tfoot th {{ position: static; }}
  table {{ font-size: 9px; }}
  th, td {{ padding: 2px 3px; }}
  section {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; }}
}}
"""


def render_html(
    report: dict[str, Any],
    *,
    distribution: Sequence[float],
    trend: Sequence[dict[str, Any]],
    title: str = "Response times",
) -> str:
    """The report (``Report.as_json()``) as one HTML5 page. ``distribution`` is every
    answered conversation's first-response time in seconds; ``trend`` the groups of a
    by-day report over the days to chart."""
    total: dict[str, Any] = report.get("total") or {}
    groups: list[dict[str, Any]] = list(report.get("groups") or [])
    benchmark = _strictest_benchmark(total, groups)
    target = _number(total.get("target_s"))
    body: list[str] = [_header(report, title)]
    if not groups and not distribution and not trend and not total.get("conversations"):
        body.append('<p class="empty">No conversations in this period: nothing to report.</p>')
    else:
        body.append(_summary(total))
        body.append(_table(groups, total))
        body.append(_histogram_section(distribution, target, benchmark))
        body.append(_trend_section(trend, _number(total.get("goal_pct"))))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# -- formatting -------------------------------------------------------------------------------


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _number(value: Any) -> float | None:
    """A figure as a float; None for null or anything that is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def human_duration(seconds: float) -> str:
    """A duration as people read it: seconds under a minute, then the queue's units."""
    if seconds < 59.5:
        return f"{seconds:.0f} s"
    return format_duration(seconds)


def exact_seconds(seconds: float) -> str:
    return f"{seconds:.1f}".removesuffix(".0") + " s"


def _duration(value: Any) -> str:
    seconds = _number(value)
    if seconds is None:
        return DASH
    return f'<span title="{exact_seconds(seconds)}">{human_duration(seconds)}</span>'


def _count(value: Any) -> str:
    number = _number(value)
    return DASH if number is None else f"{round(number):,}"


def _pct(value: Any) -> str:
    number = _number(value)
    return DASH if number is None else f"{number:.1f}%"


def _goal(value: Any) -> str:
    number = _number(value)
    return DASH if number is None else f"{number:g}%"


def _plain(value: Any, digits: int = 2) -> str:
    number = _number(value)
    return DASH if number is None else f"{number:.{digits}f}"


def _share_against_goal(share: Any, goal: Any) -> str:
    """The share within target, with a mark that says (in words to a screen reader,
    not only in colour) whether it met the goal."""
    pct, wanted = _number(share), _number(goal)
    if pct is None:
        return DASH
    if wanted is None:
        return _pct(pct)
    if pct >= wanted:
        return (
            f'<span class="met" title="meets the goal of {_goal(wanted)}">{_pct(pct)}&nbsp;✓</span>'
        )
    return (
        f'<span class="missed" title="below the goal of {_goal(wanted)}">{_pct(pct)}&nbsp;✗</span>'
    )


def _moment(value: Any, zone: ZoneInfo | None) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None or zone is None:
        return moment
    return moment.astimezone(zone)


def _zone(name: Any) -> ZoneInfo | None:
    if not isinstance(name, str) or not name:
        return None
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        return None


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _time(raw: Any, moment: datetime | None, *, with_time: bool = True) -> str:
    if moment is None:
        return _esc(raw) if raw else DASH
    text = _day(moment.date()) + (f" {moment:%H:%M}" if with_time else "")
    return f'<time datetime="{_esc(raw)}">{text}</time>'


# -- header and summary -----------------------------------------------------------------------


def _header(report: dict[str, Any], title: str) -> str:
    zone = _zone(report.get("timezone"))
    since_raw, until_raw = report.get("since"), report.get("until")
    since, until = _moment(since_raw, zone), _moment(until_raw, zone)
    if (
        since is not None
        and until is not None
        and since.time() == until.time() == datetime.min.time()
        and until > since
    ):
        # Whole days: the period ends at midnight, so the last day is the one before.
        last = until - timedelta(days=1)
        period = (
            f"{_time(since_raw, since, with_time=False)} to "
            f'<time datetime="{_esc(until_raw)}">{_day(last.date())}</time> (whole days)'
        )
    else:
        period = f"{_time(since_raw, since)} to {_time(until_raw, until)}"
    clock = report.get("clock")
    clock_text = {
        "business": "business hours (the clock runs only in the team's working time)",
        "calendar": "calendar time (round the clock)",
    }.get(str(clock), _esc(clock) if clock else DASH)
    by = report.get("by")
    generated_raw = report.get("generated_at")
    generated = _time(generated_raw, _moment(generated_raw, zone))
    timezone = _esc(report.get("timezone") or DASH)
    return (
        f"<header>\n<h1>{_esc(title)}</h1>\n"
        f"<p><strong>Period:</strong> {period}</p>\n"
        f"<p><strong>Clock:</strong> {clock_text}"
        + (f" · <strong>Grouped by:</strong> {_esc(by)}" if by else "")
        + "</p>\n"
        f"<p><strong>Time zone:</strong> {timezone} · "
        f"<strong>Generated:</strong> {generated}</p>\n</header>"
    )


def _summary(total: dict[str, Any]) -> str:
    conversations = _number(total.get("conversations")) or 0
    if not conversations:
        return (
            '<section aria-labelledby="summary-h">\n<h2 id="summary-h">Summary</h2>\n'
            '<p class="empty">No conversations in this period.</p>\n</section>'
        )
    first = total.get("first_response")
    target = _number(total.get("target_s"))
    target_text = f"target {human_duration(target)}" if target is not None else "no target"
    tiles = [
        ("Conversations", _count(conversations), f"{_count(total.get('answered'))} answered"),
        ("First response p50", _duration(_get(first, "p50")), "median"),
        ("First response p90", _duration(_get(first, "p90")), "9 in 10 within"),
        ("First response p95", _duration(_get(first, "p95")), "19 in 20 within"),
        ("First response mean", _duration(_get(first, "mean")), "average"),
        (
            "Within target",
            _share_against_goal(total.get("within_target_pct"), total.get("goal_pct")),
            f"{target_text}, goal {_goal(total.get('goal_pct'))}",
        ),
        ("Breaches", _count(total.get("breaches")), "late first responses"),
        ("Resolution p50", _duration(_get(total, "resolution", "p50")), "median"),
        ("Resolution p90", _duration(_get(total, "resolution", "p90")), "9 in 10 within"),
        (
            "First-contact resolution",
            _pct(total.get("first_contact_resolution_pct")),
            "resolved with one reply",
        ),
        ("Backlog", _count(total.get("backlog")), "waiting for an answer"),
    ]
    items = "\n".join(
        f"<div><dt>{label}</dt><dd>{value}<small>{note}</small></dd></div>"
        for label, value, note in tiles
    )
    return (
        '<section aria-labelledby="summary-h">\n<h2 id="summary-h">Summary</h2>\n'
        f'<dl class="tiles">\n{items}\n</dl>\n</section>'
    )


# -- the table --------------------------------------------------------------------------------


class _Sources:
    """Benchmark sources, numbered in the order the table first cites them."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, source: str) -> int:
        return self.numbers.setdefault(source, len(self.numbers) + 1)

    def html(self) -> str:
        if not self.numbers:
            return ""
        items = "\n".join(
            f'<li id="source-{n}">{_esc(source)}</li>' for source, n in self.numbers.items()
        )
        return f'<p>Benchmark sources:</p>\n<ol class="sources">\n{items}\n</ol>'


# The table's columns: (heading over a group of columns, ((column id, heading), ...)).
# Each cell carries its column id in data-col.
_COLUMNS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Conversations", (("conversations", "All"), ("answered", "Answered"), ("backlog", "Backlog"))),
    (
        "First response",
        (
            ("first_p50", "p50"),
            ("first_p90", "p90"),
            ("first_p95", "p95"),
            ("first_mean", "Mean"),
            ("within_target", "Within target"),
            ("target", "Target"),
            ("breaches", "Breaches"),
        ),
    ),
    (
        "Next responses",
        (
            ("next_count", "Count"),
            ("next_p50", "p50"),
            ("next_p90", "p90"),
            ("next_breaches", "Breaches"),
        ),
    ),
    (
        "Resolution",
        (
            ("resolved", "Resolved"),
            ("resolution_p50", "p50"),
            ("resolution_p90", "p90"),
            ("replies_to_resolution", "Replies to resolve"),
            ("fcr", "First contact"),
        ),
    ),
    (
        "Handling time",
        (("handle_count", "Count"), ("handle_p50", "p50"), ("handle_mean", "Mean")),
    ),
    (
        "Published benchmark",
        (("customers_expect", "Customers expect"), ("businesses_average", "Businesses average")),
    ),
)


def _table_head() -> str:
    top = ['<th scope="col" rowspan="2">Group</th>']
    bottom: list[str] = []
    for label, columns in _COLUMNS:
        top.append(f'<th scope="colgroup" colspan="{len(columns)}">{label}</th>')
        bottom.extend(f'<th scope="col">{heading}</th>' for _id, heading in columns)
    return f"<thead>\n<tr>{''.join(top)}</tr>\n<tr>{''.join(bottom)}</tr>\n</thead>"


def _benchmark_cells(mark: Any, sources: _Sources) -> dict[str, str]:
    if not isinstance(mark, dict):
        return {"customers_expect": DASH, "businesses_average": DASH}
    source = mark.get("source")
    cite = ""
    if source:
        n = sources.cite(str(source))
        cite = f'<sup><a href="#source-{n}" title="{_esc(source)}">[{n}]</a></sup>'
    network = mark.get("network")
    on = f' title="{_esc(network)}: {_esc(source or "no source")}"' if network else ""
    return {
        "customers_expect": (f"<span{on}>{_duration(mark.get('customers_expect_s'))}</span>{cite}"),
        "businesses_average": _duration(mark.get("businesses_average_s")),
    }


def _row(group: dict[str, Any], sources: _Sources, *, cls: str = "group") -> str:
    first, nexts = group.get("first_response"), group.get("next_response")
    handle = group.get("handle")
    cells = {
        "conversations": _count(group.get("conversations")),
        "answered": _count(group.get("answered")),
        "backlog": _count(group.get("backlog")),
        "first_p50": _duration(_get(first, "p50")),
        "first_p90": _duration(_get(first, "p90")),
        "first_p95": _duration(_get(first, "p95")),
        "first_mean": _duration(_get(first, "mean")),
        "within_target": _share_against_goal(group.get("within_target_pct"), group.get("goal_pct")),
        "target": (
            f"{_duration(group.get('target_s'))}<br>"
            f"<small>goal {_goal(group.get('goal_pct'))}</small>"
        ),
        "breaches": _count(group.get("breaches")),
        "next_count": _count(_get(nexts, "count")),
        "next_p50": _duration(_get(nexts, "p50")),
        "next_p90": _duration(_get(nexts, "p90")),
        "next_breaches": _count(_get(nexts, "breaches")),
        "resolved": _count(group.get("resolved")),
        "resolution_p50": _duration(_get(group, "resolution", "p50")),
        "resolution_p90": _duration(_get(group, "resolution", "p90")),
        "replies_to_resolution": _plain(group.get("replies_to_resolution_mean")),
        "fcr": _pct(group.get("first_contact_resolution_pct")),
        "handle_count": _count(_get(handle, "conversations")),
        "handle_p50": _duration(_get(handle, "p50")),
        "handle_mean": _duration(_get(handle, "mean")),
        **_benchmark_cells(group.get("benchmark"), sources),
    }
    key = group.get("key")
    name = _esc(key) if key not in (None, "") else DASH
    return (
        f'<tr class="{cls}"><th scope="row">{name}</th>'
        + "".join(
            f'<td data-col="{column}">{cells[column]}</td>'
            for _label, columns in _COLUMNS
            for column, _heading in columns
        )
        + "</tr>"
    )


def _table(groups: list[dict[str, Any]], total: dict[str, Any]) -> str:
    if not groups:
        return (
            '<section aria-labelledby="groups-h">\n<h2 id="groups-h">By group</h2>\n'
            '<p class="empty">No groups in this period.</p>\n</section>'
        )
    sources = _Sources()
    rows = "\n".join(_row(group, sources) for group in groups)
    foot = _row({**total, "key": "All"}, sources, cls="total")
    return (
        '<section aria-labelledby="groups-h">\n<h2 id="groups-h">By group</h2>\n'
        '<div class="scroll">\n<table class="groups">\n'
        "<caption>Durations read in minutes (min), hours (h) or days (d); "
        "the exact seconds are in each figure's tooltip. "
        "✓ meets the goal, ✗ below it.</caption>\n"
        f"{_table_head()}\n<tbody>\n{rows}\n</tbody>\n<tfoot>\n{foot}\n</tfoot>\n"
        f"</table>\n</div>\n{sources.html()}\n</section>"
    )


# -- the histogram ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A vertical line on the histogram: the target or a published benchmark."""

    kind: str  # "target" or "benchmark"
    seconds: float
    label: str
    note: str = ""


def _strictest_benchmark(total: dict[str, Any], groups: Iterable[dict[str, Any]]) -> Mark | None:
    """The total's benchmark; with several networks (the total has none) the strictest
    of the groups'."""
    own = total.get("benchmark")
    marks: list[dict[str, Any]] = [own] if isinstance(own, dict) else []
    if not marks:
        marks = [g["benchmark"] for g in groups if isinstance(g.get("benchmark"), dict)]
    found = [
        (seconds, mark)
        for mark in marks
        if (seconds := _number(mark.get("customers_expect_s"))) is not None
    ]
    if not found:
        return None
    seconds, mark = min(found, key=lambda pair: pair[0])
    network = mark.get("network")
    label = "Customers expect" + (f" ({network})" if network else "")
    return Mark("benchmark", seconds, label, str(mark.get("source") or ""))


def bin_counts(values: Iterable[float]) -> list[int]:
    """How many values fall in each bin of ``BIN_EDGES`` (the last bin open-ended;
    a negative value counts in the first). Bisecting keeps 300,000 values quick."""
    edges = BIN_EDGES
    found = Counter(map(partial(bisect_right, edges), values))
    counts = [0] * len(edges)
    for position, n in found.items():
        counts[max(position, 1) - 1] += n
    return counts


def _bin_of(seconds: float) -> int:
    return max(bisect_right(BIN_EDGES, seconds), 1) - 1


def _edge_label(seconds: int) -> str:
    if seconds == 0:
        return "0"
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds / 3600:g} h"
    return f"{seconds / 86400:g} d"


def _bin_label(index: int) -> str:
    low = BIN_EDGES[index]
    if index + 1 >= len(BIN_EDGES):
        return f"{_edge_label(low)} or more"
    return f"{_edge_label(low)} to under {_edge_label(BIN_EDGES[index + 1])}"


def _nice_count_step(raw: float) -> int:
    if raw <= 1:
        return 1
    scale = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * scale:
            return int(m * scale)
    return int(10 * scale)  # pragma: no cover - the loop always returns


def histogram_svg(
    distribution: Sequence[float], target: float | None, benchmark: Mark | None
) -> str:
    counts = bin_counts(distribution)
    total = sum(counts)
    marks = []
    if target is not None:
        marks.append(Mark("target", target, "Target"))
    if benchmark is not None:
        marks.append(benchmark)
    used = [i for i, n in enumerate(counts) if n]
    last = max([*used, *(_bin_of(m.seconds) for m in marks), _bin_of(_MIN_SHOWN_S - 1)])
    shown = last + 1
    left, right, top, bottom = 64, 24, 56, 56
    plot_w, plot_h = _W - left - right, _H - top - bottom
    slot = plot_w / shown
    peak = max(counts[:shown]) or 1
    step = _nice_count_step(peak / 5)
    y_max = step * math.ceil(peak / step)

    def y(n: float) -> float:
        return top + plot_h - plot_h * n / y_max

    def x(seconds: float) -> float:
        index = _bin_of(seconds)
        if index + 1 >= len(BIN_EDGES):  # the open-ended bin: its left edge
            return left + slot * index
        low, high = BIN_EDGES[index], BIN_EDGES[index + 1]
        fraction = min(1.0, max(0.0, (seconds - low) / (high - low)))
        return left + slot * (index + fraction)

    parts: list[str] = []
    for tick in range(0, y_max + 1, step):
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{_MUTED}">{tick:,}</text>'
        )
    for i in range(shown):
        n = counts[i]
        bx, by = left + slot * i, y(n)
        share = 100 * n / total if total else 0.0
        high = f' data-high="{BIN_EDGES[i + 1]}"' if i + 1 < len(BIN_EDGES) else ""
        parts.append(
            f'<rect class="bar" x="{bx + 1:.2f}" y="{by:.1f}" width="{slot - 2:.2f}" '
            f'height="{top + plot_h - by:.1f}" fill="{_BAR}" data-low="{BIN_EDGES[i]}"{high} '
            f'data-count="{n}"><title>{_bin_label(i)}: {n:,} conversations '
            f"({share:.1f}%)</title></rect>"
        )
        if n and slot >= 22:
            shown_share = f"{share:.0f}%" if share >= 0.5 else "&lt;1%"
            parts.append(
                f'<text x="{bx + slot / 2:.1f}" y="{by - 4:.1f}" text-anchor="middle" '
                f'font-size="10" fill="{_MUTED}">{shown_share}</text>'
            )
    # Edge labels; every other one when the bins are narrow.
    every = 1 if slot >= 40 else 2
    for i in range(0, shown + 1, every):
        if i >= len(BIN_EDGES):
            break
        ex = left + slot * i
        parts.append(
            f'<line x1="{ex:.1f}" x2="{ex:.1f}" y1="{top + plot_h}" y2="{top + plot_h + 4}" '
            f'stroke="{_MUTED}"/><text x="{ex:.1f}" y="{top + plot_h + 17}" '
            f'text-anchor="middle" font-size="11" fill="{_MUTED}">'
            f"{_edge_label(BIN_EDGES[i])}</text>"
        )
    parts.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{_INK}"/>'
        f'<text x="{left + plot_w / 2}" y="{_H - 10}" text-anchor="middle" font-size="12" '
        f'fill="{_INK}">First response time (bins of equal width; '
        "the scale stretches as times grow)</text>"
        f'<text transform="translate(16 {top + plot_h / 2}) rotate(-90)" '
        f'text-anchor="middle" font-size="12" fill="{_INK}">Conversations</text>'
    )
    for row, mark in enumerate(marks):
        mx = x(mark.seconds)
        colour, dash = (_TARGET, "none") if mark.kind == "target" else (_BENCHMARK, "6 4")
        cls = mark.kind
        anchor = "end" if mx > left + plot_w * 0.75 else "start"
        nudge = -4 if anchor == "end" else 4
        text = f"{mark.label}: {human_duration(mark.seconds)}"
        note = f"<title>{_esc(mark.note)}</title>" if mark.note else ""
        parts.append(
            f'<g class="{cls}"><line class="{cls}" x1="{mx:.2f}" x2="{mx:.2f}" '
            f'y1="{top - 30 + 16 * row}" y2="{top + plot_h}" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}" '
            f'data-seconds="{exact_seconds(mark.seconds).removesuffix(" s")}"/>'
            f'<text x="{mx + nudge:.2f}" y="{top - 20 + 16 * row}" text-anchor="{anchor}" '
            f'font-size="12" font-weight="600" fill="{colour}">{_esc(text)}{note}</text></g>'
        )
    upper = f"{_edge_label(BIN_EDGES[shown])}" if shown < len(BIN_EDGES) else "beyond"
    desc = (
        f"Histogram of {total:,} first-response times in {shown} bins from 0 to {upper}."
        + "".join(f" {_esc(m.label)}: {human_duration(m.seconds)}." for m in marks)
    )
    return (
        f'<svg class="histogram" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
        'role="img" aria-labelledby="hist-title hist-desc" data-total="'
        f'{total}"><title id="hist-title">Distribution of first-response times</title>'
        f'<desc id="hist-desc">{desc}</desc>'
        f'<rect x="0" y="0" width="{_W}" height="{_H}" fill="#fff"/>' + "".join(parts) + "</svg>"
    )


def _histogram_section(
    distribution: Sequence[float], target: float | None, benchmark: Mark | None
) -> str:
    head = '<section aria-labelledby="hist-h">\n<h2 id="hist-h">First-response times</h2>\n'
    if not distribution:
        return head + '<p class="empty">No answered conversations in this period.</p>\n</section>'
    caption = (
        f"{len(distribution):,} answered conversations. Each bar counts the first responses "
        "in its bin; the solid line is the target, the dashed line what customers expect "
        "according to published studies."
    )
    if benchmark is not None and benchmark.note:
        caption += f" Source: {_esc(benchmark.note)}."
    return (
        head
        + f"<figure>\n{histogram_svg(distribution, target, benchmark)}\n"
        + f"<figcaption>{caption}</figcaption>\n</figure>\n</section>"
    )


# -- the trend --------------------------------------------------------------------------------


def _minute_step(raw: float) -> float:
    for step in (0.2, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440):
        if raw <= step:
            return step
    return 1440.0 * math.ceil(raw / 1440)


def _day_of(key: Any) -> date | None:
    try:
        return date.fromisoformat(str(key))
    except ValueError:
        return None


def trend_svg(trend: Sequence[dict[str, Any]], goal: float | None) -> str:
    days = sorted(trend, key=lambda g: str(g.get("key")))
    parsed = [_day_of(g.get("key")) for g in days]
    dates = [d for d in parsed if d is not None]
    left, right, top, bottom = 64, 72, 56, 48
    plot_w, plot_h = _W - left - right, _H - top - bottom
    # Days placed by date, so a day without conversations leaves its gap.
    if dates and len(dates) == len(parsed):
        offsets = [float((d - dates[0]).days) for d in dates]
    else:
        offsets = [float(i) for i in range(len(days))]
    span = max(offsets[-1], 1.0) if offsets else 1.0
    pad = plot_w * 0.03

    def x(offset: float) -> float:
        if len(offsets) == 1:
            return left + plot_w / 2
        return left + pad + (plot_w - 2 * pad) * offset / span

    minutes = [
        m / 60
        for g in days
        for m in (
            _number(_get(g, "first_response", "p50")),
            _number(_get(g, "first_response", "p90")),
        )
        if m is not None
    ]
    step = _minute_step(max(minutes, default=1.0) / 5)
    y_max = step * 5  # five steps, so the minute grid lines up with 0, 20, ... 100%

    def y_min(value: float) -> float:
        return top + plot_h - plot_h * value / y_max

    def y_pct(value: float) -> float:
        return top + plot_h - plot_h * value / 100

    parts: list[str] = []
    for i in range(6):
        ty = y_min(step * i)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{_GRID}"/>'
            f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{_MUTED}">{step * i:g}</text>'
            f'<text x="{left + plot_w + 6}" y="{ty + 4:.1f}" font-size="11" '
            f'fill="{_SHARE}">{20 * i}%</text>'
        )
    label_every = max(1, math.ceil(len(days) / 16))
    for i, (group, offset) in enumerate(zip(days, offsets, strict=True)):
        if i % label_every:
            continue
        day = parsed[i]
        text = f"{day.day} {_MONTHS[day.month - 1]}" if day is not None else str(group.get("key"))
        parts.append(
            f'<text x="{x(offset):.1f}" y="{top + plot_h + 17}" text-anchor="middle" '
            f'font-size="11" fill="{_MUTED}">{_esc(text)}</text>'
        )
    parts.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{_INK}"/>'
        f'<text x="{left + plot_w / 2}" y="{_H - 8}" text-anchor="middle" font-size="12" '
        f'fill="{_INK}">Day</text>'
        f'<text transform="translate(16 {top + plot_h / 2}) rotate(-90)" text-anchor="middle" '
        f'font-size="12" fill="{_INK}">First response (minutes)</text>'
        f'<text transform="translate({_W - 14} {top + plot_h / 2}) rotate(90)" '
        f'text-anchor="middle" font-size="12" fill="{_SHARE}">Within target (%)</text>'
    )
    if goal is not None:
        gy = y_pct(goal)
        parts.append(
            f'<line class="goal" x1="{left}" x2="{left + plot_w}" y1="{gy:.1f}" y2="{gy:.1f}" '
            f'stroke="{_SHARE}" stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{left + plot_w - 4}" y="{gy - 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{_SHARE}">goal {_goal(goal)}</text>'
        )
    series = (
        ("p50", "p50 (median)", _P50, "none", 2.5),
        ("p90", "p90", _P90, "8 4", 2.5),
        ("within", "within target", _SHARE, "3 3", 2),
    )
    for name, label, colour, dash, width in series:
        segments: list[list[tuple[float, float, str]]] = [[]]
        for group, offset in zip(days, offsets, strict=True):
            value, y_of, tip = _trend_value(group, name)
            if value is None:
                if segments[-1]:
                    segments.append([])  # no figure that day: the line breaks
                continue
            plotted = y_pct(value) if y_of == "pct" else y_min(value / 60)
            segments[-1].append((x(offset), plotted, f"{_esc(group.get('key'))}: {label} {tip}"))
        for segment in segments:
            if not segment:
                continue
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py, _tip in segment)
            parts.append(
                f'<polyline class="{name}" data-series="{name}" points="{points}" fill="none" '
                f'stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}" '
                'stroke-linejoin="round"/>'
            )
            parts.extend(
                f'<circle class="{name}-point" cx="{px:.1f}" cy="{py:.1f}" r="3.5" '
                f'fill="{colour}"><title>{tip}</title></circle>'
                for px, py, tip in segment
            )
    # The legend, above the plot.
    lx = left
    for _name, label, colour, dash, width in series:
        parts.append(
            f'<line x1="{lx}" x2="{lx + 28}" y1="18" y2="18" stroke="{colour}" '
            f'stroke-width="{width}" stroke-dasharray="{dash}"/>'
            f'<text x="{lx + 34}" y="22" font-size="12" fill="{_INK}">{label}'
            f"{' (right axis)' if _name == 'within' else ''}</text>"
        )
        lx += 200
    first_key = _esc(days[0].get("key")) if days else DASH
    last_key = _esc(days[-1].get("key")) if days else DASH
    desc = (
        f"Daily first-response p50 and p90 in minutes (left axis) and the share answered "
        f"within target in percent (right axis), {len(days)} days from {first_key} to "
        f"{last_key}." + (f" The goal is {_goal(goal)}." if goal is not None else "")
    )
    return (
        f'<svg class="trend" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" role="img" '
        'aria-labelledby="trend-title trend-desc">'
        '<title id="trend-title">Daily trend of first-response times</title>'
        f'<desc id="trend-desc">{desc}</desc>'
        f'<rect x="0" y="0" width="{_W}" height="{_H}" fill="#fff"/>' + "".join(parts) + "</svg>"
    )


def _trend_value(group: dict[str, Any], name: str) -> tuple[float | None, str, str]:
    """A day's figure for a series (seconds or percent), which axis, and its tooltip."""
    if name == "within":
        pct = _number(group.get("within_target_pct"))
        return pct, "pct", _pct(pct)
    seconds = _number(_get(group, "first_response", name))
    tip = "" if seconds is None else f"{human_duration(seconds)} ({exact_seconds(seconds)})"
    return seconds, "min", tip


def _trend_table(days: Sequence[dict[str, Any]]) -> str:
    rows = "\n".join(
        f'<tr><th scope="row">{_esc(g.get("key"))}</th>'
        f"<td>{_count(g.get('conversations'))}</td><td>{_count(g.get('answered'))}</td>"
        f"<td>{_duration(_get(g, 'first_response', 'p50'))}</td>"
        f"<td>{_duration(_get(g, 'first_response', 'p90'))}</td>"
        f"<td>{_share_against_goal(g.get('within_target_pct'), g.get('goal_pct'))}</td>"
        f"<td>{_count(g.get('breaches'))}</td></tr>"
        for g in days
    )
    return (
        '<table class="days">\n<caption>The trend, day by day</caption>\n<thead><tr>'
        '<th scope="col">Day</th><th scope="col">Conversations</th>'
        '<th scope="col">Answered</th><th scope="col">First response p50</th>'
        '<th scope="col">p90</th><th scope="col">Within target</th>'
        f'<th scope="col">Breaches</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'
    )


def _trend_section(trend: Sequence[dict[str, Any]], goal: float | None) -> str:
    head = '<section aria-labelledby="trend-h">\n<h2 id="trend-h">Daily trend</h2>\n'
    if not trend:
        return head + '<p class="empty">No days to chart.</p>\n</section>'
    days = sorted(trend, key=lambda g: str(g.get("key")))
    return (
        head + f"<figure>\n{trend_svg(days, goal)}\n<figcaption>p50: half the conversations were "
        "answered within this time; p90: nine in ten. A day without answered conversations "
        "breaks the line.</figcaption>\n</figure>\n"
        + f'<div class="scroll">\n{_trend_table(days)}\n</div>\n</section>'
    )
