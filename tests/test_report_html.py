"""The self-contained HTML report (socialdesk.report_html): parsed back with the standard
library's HTMLParser to check its structure, its figures, its charts' geometry and that
nothing from the data can turn into markup."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest

from socialdesk.report_html import BIN_EDGES, bin_counts, human_duration, render_html

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTR = '"><img src=x onerror=alert(2)>'
X_SOURCE = "Jitbit 2020; HubSpot 2021 (expected 15 min)"
REDDIT_SOURCE = "Facebook's figure from the same studies"

# -- a small DOM --------------------------------------------------------------------------------

VOID = {"meta", "br", "img", "link", "input", "hr", "col", "source", "wbr", "area", "base"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str | None = None, **wanted: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, str):
                continue
            attrs_ok = all(child.attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
            if (tag is None or child.tag == tag) and attrs_ok:
                found.append(child)
            found.extend(child.all(tag, **wanted))
        return found

    def one(self, tag: str | None = None, **wanted: str) -> Node:
        found = self.all(tag, **wanted)
        assert len(found) == 1, f"{len(found)} <{tag} {wanted}>"
        return found[0]

    def num(self, name: str) -> float:
        value = self.attrs[name]
        assert value is not None
        return float(value)


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert [n.tag for n in tree.stack] == ["#root"], "unclosed elements"
    return tree


# -- hand-built reports ---------------------------------------------------------------------------


def group(key: str, **changes: Any) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "key": key,
        "conversations": 1234,
        "answered": 1200,
        "first_response": {"p50": 840.0, "p90": 12600.0, "p95": 20000.0, "mean": 1500.5},
        "within_target_pct": 93.4,
        "target_s": 900,
        "goal_pct": 90.0,
        "breaches": 79,
        "next_response": {"count": 300, "p50": 600.0, "p90": 5400.0, "breaches": 12},
        "resolved": 1100,
        "resolution": {"p50": 7200.0, "p90": 181440.0},
        "replies_to_resolution_mean": 2.37,
        "first_contact_resolution_pct": 41.2,
        "handle": {"conversations": 1000, "p50": 240.0, "mean": 312.5},
        "backlog": 7,
        "benchmark": {
            "network": "x",
            "customers_expect_s": 900,
            "businesses_average_s": 1980,
            "source": X_SOURCE,
        },
    }
    figures.update(changes)
    return figures


REDDIT_MARK = {
    "network": "reddit",
    "customers_expect_s": 3600,
    "businesses_average_s": 6960,
    "source": REDDIT_SOURCE,
}


def report(groups: list[dict[str, Any]], total: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "since": "2026-11-01T00:00:00Z",
        "until": "2026-11-08T00:00:00Z",
        "by": "account",
        "clock": "business",
        "timezone": "UTC",
        "generated_at": "2026-11-08T06:30:00Z",
        "groups": groups,
        "total": total if total is not None else group("all", benchmark=None),
    }


def day(key: str, p50: float | None, p90: float | None, within: float | None) -> dict[str, Any]:
    first = {"p50": p50, "p90": p90, "p95": p90, "mean": p50}
    return group(key, first_response=first, within_target_pct=within, benchmark=None)


def render(**overrides: Any) -> str:
    arguments: dict[str, Any] = {
        "report": report(
            [
                group("Acme Support"),
                group("r/acme", within_target_pct=71.0, goal_pct=80.0, benchmark=REDDIT_MARK),
            ]
        ),
        "distribution": [10.0, 45.0, 45.0, 900.0, 1000.0, 5000.0],
        "trend": [day("2026-11-01", 600, 3000, 90.0), day("2026-11-02", 1200, 3600, 80.0)],
    }
    arguments.update(overrides)
    return render_html(arguments.pop("report"), **arguments)


def cell(row: Node, column: str) -> Node:
    return row.one("td", data_col=column)


def body_rows(tree: Tree) -> list[Node]:
    return tree.root.one("table", **{"class": "groups"}).one("tbody").all("tr")


# -- the page ------------------------------------------------------------------------------------


def test_a_self_contained_html5_page() -> None:
    page = render()
    tree = parse(page)
    assert tree.doctype.lower() == "doctype html"
    nodes = tree.root.all()
    tags = {n.tag for n in nodes}
    assert {"html", "head", "body", "style", "svg", "table"} <= tags
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "image", "use"}
    for node in nodes:
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            assert name not in ("src", "xlink:href", "action", "srcset"), (node.tag, name)
            if name == "href":
                assert value is not None and value.startswith("#"), value
            assert "http" not in (value or "").lower(), (node.tag, name, value)
    style = tree.root.one("style").text
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert tree.root.one("html").attrs["lang"] == "en"
    assert tree.root.one("meta", charset="utf-8") is not None


def test_accessible_tables_and_charts() -> None:
    tree = parse(render())
    for th in tree.root.all("th"):
        assert th.attrs.get("scope") in ("col", "colgroup", "row"), th.text
    charts = tree.root.all("svg")
    assert [c.attrs["class"] for c in charts] == ["histogram", "trend"]
    for chart in charts:
        assert chart.attrs["role"] == "img"
        labelled = (chart.attrs["aria-labelledby"] or "").split()
        title, desc = chart.one("title", id=labelled[0]), chart.one("desc", id=labelled[1])
        assert title.text and desc.text
    # Every id a link points at exists.
    ids = {n.attrs["id"] for n in tree.root.all() if n.attrs.get("id")}
    for link in tree.root.all("a"):
        assert (link.attrs["href"] or "")[1:] in ids


def test_the_header_says_period_clock_zone_and_when() -> None:
    tree = parse(render())
    header = tree.root.one("header")
    text = " ".join(header.text.split())
    assert "1 Nov 2026 to 7 Nov 2026 (whole days)" in text  # until is exclusive
    assert "business hours" in text
    assert "Time zone: UTC" in text
    assert "Generated: 8 Nov 2026 06:30" in text
    assert "Grouped by: account" in text
    assert tree.root.one("head").one("title").text == "Response times"


def test_a_period_that_is_not_whole_days_shows_its_times_in_the_team_zone() -> None:
    data = report([group("Acme")])
    data.update(
        since="2026-11-01T09:30:00Z", until="2026-11-02T09:30:00Z", timezone="Europe/Berlin"
    )
    data["clock"] = "calendar"
    header = parse(render(report=data)).root.one("header")
    text = " ".join(header.text.split())
    assert "1 Nov 2026 10:30 to 2 Nov 2026 10:30" in text
    assert "calendar time" in text and "Europe/Berlin" in text


def test_the_summary_shows_the_totals_figures() -> None:
    total = group("all", benchmark=None, within_target_pct=85.0, backlog=3)
    tree = parse(render(report=report([group("Acme")], total)))
    tiles = {
        div.one("dt").text: div.one("dd")
        for div in tree.root.one("dl", **{"class": "tiles"}).all("div")
    }
    assert tiles["Conversations"].children[0] == "1,234"
    assert "1,200 answered" in tiles["Conversations"].text
    assert tiles["First response p50"].one("span").text == "14 min"
    assert tiles["First response p50"].one("span").attrs["title"] == "840 s"
    assert tiles["First response p90"].one("span").text == "3.5 h"
    assert tiles["First response mean"].one("span").attrs["title"] == "1500.5 s"
    within = tiles["Within target"]
    assert within.one("span", **{"class": "missed"}).text == "85.0%\xa0✗"
    assert "target 15 min, goal 90%" in within.text
    assert tiles["Resolution p90"].one("span").text == "2.1 d"
    assert tiles["First-contact resolution"].children[0] == "41.2%"
    assert tiles["Backlog"].children[0] == "3"
    assert tiles["Breaches"].children[0] == "79"


# -- the table ------------------------------------------------------------------------------------


def test_one_row_per_group_with_formatted_figures_and_the_total() -> None:
    tree = parse(render())
    rows = body_rows(tree)
    assert [r.one("th", scope="row").text for r in rows] == ["Acme Support", "r/acme"]
    acme, reddit = rows
    expected = {
        "conversations": "1,234",
        "answered": "1,200",
        "backlog": "7",
        "first_p50": "14 min",
        "first_p90": "3.5 h",
        "first_p95": "5.6 h",
        "first_mean": "25 min",
        "within_target": "93.4%\xa0✓",
        "target": "15 mingoal 90%",
        "breaches": "79",
        "next_count": "300",
        "next_p50": "10 min",
        "next_p90": "1.5 h",
        "next_breaches": "12",
        "resolved": "1,100",
        "resolution_p50": "2.0 h",
        "resolution_p90": "2.1 d",
        "replies_to_resolution": "2.37",
        "fcr": "41.2%",
        "handle_count": "1,000",
        "handle_p50": "4 min",
        "handle_mean": "5 min",
        "customers_expect": "15 min[1]",
        "businesses_average": "33 min",
    }
    assert {c.attrs["data-col"]: c.text for c in acme.all("td")} == expected
    assert cell(acme, "first_p90").one("span").attrs["title"] == "12600 s"
    assert cell(acme, "resolution_p90").one("span").attrs["title"] == "181440 s"
    assert cell(acme, "within_target").one("span").attrs["class"] == "met"
    # r/acme missed its own goal, and cites the second source.
    assert cell(reddit, "within_target").text == "71.0%\xa0✗"
    assert cell(reddit, "within_target").one("span").attrs["title"] == "below the goal of 80%"
    assert cell(reddit, "customers_expect").text == "1.0 h[2]"
    assert cell(reddit, "customers_expect").one("a").attrs["href"] == "#source-2"
    sources = tree.root.one("ol", **{"class": "sources"}).all("li")
    assert [(li.attrs["id"], li.text) for li in sources] == [
        ("source-1", X_SOURCE),
        ("source-2", REDDIT_SOURCE),
    ]
    # The total in the footer; it has no benchmark of its own (two networks).
    (total,) = tree.root.one("tfoot").all("tr")
    assert total.one("th").text == "All"
    assert cell(total, "customers_expect").text == "—"
    assert len(total.all("td")) == len(acme.all("td")) == 24


def test_null_figures_read_as_a_dash() -> None:
    empty = group(
        "Quiet desk",
        answered=0,
        first_response={"p50": None, "p90": None, "p95": None, "mean": None},
        within_target_pct=None,
        target_s=None,
        goal_pct=None,
        next_response={"count": 0, "p50": None, "p90": None, "breaches": 0},
        resolution={"p50": None, "p90": None},
        replies_to_resolution_mean=None,
        first_contact_resolution_pct=None,
        handle={"conversations": 0, "p50": None, "mean": None},
        benchmark=None,
    )
    page = render(report=report([empty], empty), distribution=[], trend=[])
    tree = parse(page)
    (row,) = body_rows(tree)
    texts = {c.attrs["data-col"]: c.text for c in row.all("td")}
    for column in (
        "first_p50", "first_p90", "first_p95", "first_mean", "within_target", "next_p50",
        "next_p90", "resolution_p50", "resolution_p90", "replies_to_resolution", "fcr",
        "handle_p50", "handle_mean", "customers_expect", "businesses_average",
    ):  # fmt: skip
        assert texts[column] == "—", column
    assert texts["target"] == "—goal —"
    assert texts["answered"] == "0"
    assert "None" not in page and "nan" not in page.lower()
    # Nothing answered: no histogram, a sentence instead.
    assert not tree.root.all("svg")
    assert "No answered conversations in this period." in tree.root.one("body").text


# -- escaping -------------------------------------------------------------------------------------


def test_strings_from_the_data_are_text_never_markup() -> None:
    hostile_mark = {
        "network": HOSTILE_ATTR,
        "customers_expect_s": 600,
        "businesses_average_s": 1200,
        "source": HOSTILE_SCRIPT + HOSTILE_ATTR,
    }
    groups = [group(HOSTILE_SCRIPT, benchmark=hostile_mark), group(HOSTILE_ATTR)]
    trend = [day(HOSTILE_SCRIPT, 600, 1200, 50.0), day(HOSTILE_ATTR, 900, 1800, 60.0)]
    page = render(
        report=report(groups), trend=trend, title=HOSTILE_SCRIPT + HOSTILE_ATTR, distribution=[60]
    )
    assert HOSTILE_SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = parse(page)
    nodes = tree.root.all()
    assert not {n.tag for n in nodes} & {"script", "img"}
    assert not any(name.startswith("on") for n in nodes for name in n.attrs)
    # The strings come back whole, as text or as attribute values.
    assert tree.root.one("head").one("title").text == HOSTILE_SCRIPT + HOSTILE_ATTR
    assert tree.root.one("h1").text == HOSTILE_SCRIPT + HOSTILE_ATTR
    assert [r.one("th").text for r in body_rows(tree)] == [HOSTILE_SCRIPT, HOSTILE_ATTR]
    link = cell(body_rows(tree)[0], "customers_expect").one("a")
    assert link.attrs["title"] == HOSTILE_SCRIPT + HOSTILE_ATTR
    assert tree.root.one("li", id="source-1").text == HOSTILE_SCRIPT + HOSTILE_ATTR
    # In SVG: the benchmark's label and source, the trend's day labels and tooltips.
    histogram = tree.root.one("svg", **{"class": "histogram"})
    label = histogram.one("g", **{"class": "benchmark"}).one("text")
    assert label.text.startswith(f"Customers expect ({HOSTILE_ATTR}): 10 min")
    assert label.one("title").text == HOSTILE_SCRIPT + HOSTILE_ATTR
    chart = tree.root.one("svg", **{"class": "trend"})
    assert HOSTILE_SCRIPT in [t.text for t in chart.all("text")]
    tips = [c.one("title").text for c in chart.all("circle", **{"class": "p50-point"})]
    assert tips[0].startswith(f"{HOSTILE_ATTR}: p50")  # sorted by key: '"' before '<'
    assert HOSTILE_SCRIPT in chart.one("desc").text


# -- the histogram --------------------------------------------------------------------------------


def bars(tree: Tree) -> list[Node]:
    return tree.root.one("svg", **{"class": "histogram"}).all("rect", **{"class": "bar"})


def bar_for(tree: Tree, low: int) -> Node:
    (found,) = [b for b in bars(tree) if b.attrs["data-low"] == str(low)]
    return found


def test_the_histogram_counts_every_value_in_its_bin() -> None:
    values = [10.0, 45.0, 45.0, 900.0, 1000.0, 1199.9, 10**7, -3.0]
    tree = parse(render(distribution=values))
    shown = bars(tree)
    assert sum(int(b.attrs["data-count"] or 0) for b in shown) == len(values)
    assert tree.root.one("svg", **{"class": "histogram"}).attrs["data-total"] == "8"
    counts = {int(b.attrs["data-low"] or 0): int(b.attrs["data-count"] or 0) for b in shown}
    assert counts[0] == 2  # 10 s, and the negative value
    assert counts[30] == 2
    assert counts[600] == 0
    assert counts[900] == 3  # a bin holds its lower edge, not its upper
    assert counts[604800] == 1  # the open-ended bin
    assert "data-high" not in bar_for(tree, 604800).attrs
    assert bar_for(tree, 900).attrs["data-high"] == "1200"
    assert bar_for(tree, 900).one("title").text == "15 min to under 20 min: 3 conversations (37.5%)"
    # Taller bars for bigger counts.
    assert bar_for(tree, 900).num("height") > bar_for(tree, 30).num("height") > 0
    assert bar_for(tree, 600).num("height") == 0


def test_the_histogram_stops_after_the_last_value_or_line() -> None:
    tree = parse(render(distribution=[100.0, 200.0]))
    # Up to an hour at least, however quick the answers.
    assert bars(tree)[-1].attrs["data-low"] == "2700"
    assert bars(tree)[-1].attrs["data-high"] == "3600"
    # Up to the slowest answer's bin otherwise: no empty open-ended bin.
    tree = parse(render(distribution=[100.0, 100_000.0]))
    assert [b.attrs["data-low"] for b in bars(tree)[-2:]] == ["43200", "86400"]
    assert len(bars(tree)) == BIN_EDGES.index(86400) + 1


def test_bin_counts_are_quick_and_complete_for_many_values() -> None:
    rng = random.Random(6)
    values = [rng.lognormvariate(7.5, 1.3) for _ in range(300_000)]
    counts = bin_counts(values)
    assert len(counts) == len(BIN_EDGES)
    assert sum(counts) == 300_000
    assert counts[BIN_EDGES.index(1200)] == sum(1 for v in values if 1200 <= v < 1800)


def line_x(tree: Tree, kind: str) -> tuple[float, str]:
    group_node = tree.root.one("svg", **{"class": "histogram"}).one("g", **{"class": kind})
    line = group_node.one("line")
    assert line.num("x1") == line.num("x2")
    return line.num("x1"), group_node.one("text").text


def slot_of(tree: Tree, low: int) -> tuple[float, float]:
    """A bin's left edge and width, from the centres of its bar and the next (bars are
    inset the same on both sides)."""
    shown = bars(tree)
    index = next(i for i, b in enumerate(shown) if b.attrs["data-low"] == str(low))
    centres = [b.num("x") + b.num("width") / 2 for b in shown]
    slot = centres[1] - centres[0]
    return centres[index] - slot / 2, slot


def test_the_target_and_benchmark_lines_sit_at_their_seconds() -> None:
    # The total has no benchmark (two networks): the strictest of the groups' is drawn.
    strict = {**REDDIT_MARK, "customers_expect_s": 1000, "network": "facebook"}
    data = report([group("A", benchmark=REDDIT_MARK), group("B", benchmark=strict)])
    tree = parse(render(report=data))
    x, label = line_x(tree, "target")
    assert label == "Target: 15 min"
    left, slot = slot_of(tree, 900)
    assert x == pytest.approx(left, abs=0.02)  # 900 s is an edge: the 15 min bin starts there
    before = bar_for(tree, 600)
    assert before.num("x") + before.num("width") < x < bar_for(tree, 900).num("x")
    x, label = line_x(tree, "benchmark")
    assert label.startswith("Customers expect (facebook): 17 min")
    assert x == pytest.approx(left + slot * (1000 - 900) / (1200 - 900), abs=0.02)


def test_the_totals_own_benchmark_wins() -> None:
    total = group("all", benchmark={**REDDIT_MARK, "customers_expect_s": 3600})
    strict = {**REDDIT_MARK, "customers_expect_s": 60}
    tree = parse(render(report=report([group("A", benchmark=strict)], total)))
    x, label = line_x(tree, "benchmark")
    left, _slot = slot_of(tree, 3600)
    assert label.startswith("Customers expect (reddit): 1.0 h")
    assert x == pytest.approx(left, abs=0.02)


def test_no_target_no_benchmark_no_lines() -> None:
    total = group("all", target_s=None, benchmark=None)
    tree = parse(render(report=report([group("A", benchmark=None)], total)))
    histogram = tree.root.one("svg", **{"class": "histogram"})
    assert not histogram.all("g", **{"class": "target"})
    assert not histogram.all("g", **{"class": "benchmark"})


# -- the trend ------------------------------------------------------------------------------------


def points(chart: Node, series: str) -> list[list[tuple[float, float]]]:
    found = []
    for line in chart.all("polyline", data_series=series):
        pairs = [p.split(",") for p in (line.attrs["points"] or "").split()]
        found.append([(float(x), float(y)) for x, y in pairs])
    return found


def trend_chart(page: str) -> Node:
    return parse(page).root.one("svg", **{"class": "trend"})


def test_the_trend_has_one_point_per_day_by_date() -> None:
    trend = [
        day("2026-11-04", 1800, 5400, 70.0),  # out of order: the chart sorts by day
        day("2026-11-01", 600, 3000, 90.0),
        day("2026-11-02", 1200, 3600, 80.0),
    ]
    chart = trend_chart(render(trend=trend))
    (p50,) = points(chart, "p50")
    (p90,) = points(chart, "p90")
    (within,) = points(chart, "within")
    assert len(p50) == len(p90) == len(within) == 3
    xs = [x for x, _y in p50]
    assert xs == [x for x, _y in p90] == [x for x, _y in within]
    # Placed by date: 3 November has no figures, so the gap before the 4th is two days.
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]), abs=0.2)
    # The minutes axis is linear (10, 20, 30 min) and higher means slower.
    ys = [y for _x, y in p50]
    assert ys[0] - ys[1] == pytest.approx(ys[1] - ys[2], abs=0.2)
    assert ys[0] > ys[1] > ys[2]
    assert all(y90 < y50 for (_a, y90), (_b, y50) in zip(p90, p50, strict=True))
    # The percent axis: 90% above 80% above 70%, 10 points apart each.
    wy = [y for _x, y in within]
    assert wy[0] < wy[1] < wy[2]
    assert wy[1] - wy[0] == pytest.approx(wy[2] - wy[1], abs=0.2)
    texts = [t.text for t in chart.all("text")]
    assert {"1 Nov", "2 Nov", "4 Nov"} <= set(texts)
    assert "First response (minutes)" in texts and "Within target (%)" in texts
    assert {"p50 (median)", "p90", "within target (right axis)"} <= set(texts)
    assert "goal 90%" in texts


def test_a_day_without_figures_breaks_the_line() -> None:
    trend = [day(f"2026-11-{d:02d}", 600 + 60 * d, 3000, 80.0) for d in range(1, 15)]
    trend[6] = day("2026-11-07", None, None, None)
    chart = trend_chart(render(trend=trend))
    segments = points(chart, "p50")
    assert [len(s) for s in segments] == [6, 7]
    assert sum(len(s) for s in points(chart, "within")) == 13
    assert len(chart.all("circle", **{"class": "p50-point"})) == 13
    table = parse(render(trend=trend)).root.one("table", **{"class": "days"})
    quiet = table.one("tbody").all("tr")[6]
    assert [td.text for td in quiet.all("td")][2:4] == ["—", "—"]


def test_a_single_day_trend() -> None:
    chart = trend_chart(render(trend=[day("2026-11-01", 600, 1200, 75.0)]))
    (p50,) = points(chart, "p50")
    assert len(p50) == 1


# -- empty ----------------------------------------------------------------------------------------


def test_an_empty_report_says_so() -> None:
    total = {
        "key": "all",
        "conversations": 0,
        "answered": 0,
        "first_response": {"p50": None, "p90": None, "p95": None, "mean": None},
        "within_target_pct": None,
        "target_s": None,
        "goal_pct": None,
        "breaches": 0,
        "benchmark": None,
    }
    page = render(report=report([], total), distribution=[], trend=[])
    tree = parse(page)
    assert "No conversations in this period" in tree.root.one("body").text
    assert not tree.root.all("svg") and not tree.root.all("table")
    assert tree.root.one("h1").text == "Response times"
    # Even with nothing but the shape's skeleton.
    bare = parse(render_html({}, distribution=(), trend=()))
    assert "No conversations in this period" in bare.root.one("body").text
    assert "—" in bare.root.one("header").text


def test_durations_read_like_the_queue() -> None:
    assert human_duration(30) == "30 s"
    assert human_duration(840) == "14 min"
    assert human_duration(12600) == "3.5 h"
    assert human_duration(181440) == "2.1 d"
