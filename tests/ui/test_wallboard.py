"""The wallboard window on a small day of care whose figures are worked out by hand,
driven by the keyboard, with the snapshot computed on a pool thread as in the app."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt, QThreadPool
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from socialdesk.desk import Desk
from socialdesk.domain import Author, Direction, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation
from socialdesk.store import Store
from socialdesk.wallboard import Tile, TrendPoint
from ui import wallboard as wallboard_module
from ui.main_window import MainWindow
from ui.theme import CLOSE, LATE, ON_TIME
from ui.wallboard import (
    NEUTRAL,
    TileWidget,
    WallboardWindow,
    countdown_label,
    histogram,
)

from ..conftest import T0, MessageFactory

OUT = Direction.OUTBOUND
NOW = T0 + timedelta(hours=6)  # Friday 20 November 2026, 15:00 UTC
HOSTILE = "<b>x</b><img src=x>"
QUESTION = "what time do you open on sunday?"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def conversation_ids(store: Store) -> dict[str, int]:
    """Each conversation's id, by the external id of its first message."""
    with store.connect() as conn:
        rows = conn.execute(select(Conversation.external_key, Conversation.id)).all()
    return {str(key).rsplit(":", 1)[-1]: int(cid) for key, cid in rows}


@pytest.fixture
def day(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> dict[str, int]:
    """Nine conversations on Friday 20 November 2026 from 09:00 UTC (minutes after 09:00);
    the wallboard looks at 15:00. X answers within 15 minutes, Reddit within 60; the
    goal is 80% within target everywhere.

    c1  X, ann, answered after 5 min          c5  Reddit, ann, answered after 20 min
    c2  X, ann, answered after 10 min         c7  Reddit at 270, waiting: overdue at 330
    c3  X, bob, answered after 30 min (late)  c8  Reddit at 330, waiting: due 15:30
    c4  X, bob, answered after 12 min         c6  X at 350, waiting: due 15:05
                                              c9  X direct message at 358 from a hostile
                                                  handle, waiting: due 15:13
    X: 3 of 4 within (75%, close); Reddit 1 of 2 (behind); ann 3 of 3 (on pace); bob 1
    of 2 (behind); all 4 of 6 (66.7%, behind).
    """
    clock = Clock(T0)
    desk = Desk(store, clock=clock)
    msg = make_message

    def reddit(external_id: str, **kwargs: object) -> object:
        return msg(
            external_id,
            network=Network.REDDIT,
            kind=MessageKind.COMMENT,
            account="u/BrandCare",
            **kwargs,  # type: ignore[arg-type]
        )

    person = [Author(f"u{n}", f"person{n}", f"Person {n}", 10) for n in range(10)]
    ingestor.ingest(
        [
            msg("c1", minutes=0, text=QUESTION, author=person[1]),
            msg("c2", minutes=10, text=QUESTION, author=person[2]),
            msg("c3", minutes=30, text=QUESTION, author=person[3]),
            msg("c4", minutes=60, text=QUESTION, author=person[4]),
            reddit("c5", minutes=120, text=QUESTION, author=person[5]),
        ]
    )
    ids = conversation_ids(store)
    for key, agent, minute in (("c1", "ann", 1), ("c2", "ann", 11), ("c3", "bob", 31)):
        clock.now = at(minute)
        desk.assign(ids[key], agent, actor="sue")
    for key, agent, minute in (("c4", "bob", 61), ("c5", "ann", 121)):
        clock.now = at(minute)
        desk.assign(ids[key], agent, actor="sue")
    clock.now = at(6)
    desk.record_handling(ids["c1"], 120, 30, actor="ann")
    ingestor.ingest(
        [
            msg("r1", minutes=5, direction=OUT, in_reply_to="c1", text="at 10"),
            msg("r2", minutes=20, direction=OUT, in_reply_to="c2", text="at 10"),
            msg("r3", minutes=60, direction=OUT, in_reply_to="c3", text="at 10"),
            msg("r4", minutes=72, direction=OUT, in_reply_to="c4", text="at 10"),
            reddit("r5", minutes=140, direction=OUT, in_reply_to="c5", text="at 10"),
            reddit("c7", minutes=270, text=QUESTION, author=person[7]),
            reddit("c8", minutes=330, text=QUESTION, author=person[8]),
            msg("c6", minutes=350, text=QUESTION, author=person[6]),
            msg(
                "c9",
                minutes=358,
                kind=MessageKind.DIRECT_MESSAGE,
                text=HOSTILE,
                author=Author("u9", HOSTILE, HOSTILE, 3),
            ),
        ]
    )
    return conversation_ids(store)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


def open_board(qtbot, store: Store, clock: Clock) -> WallboardWindow:  # type: ignore[no-untyped-def]
    board = WallboardWindow(store, clock=clock)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.refreshed, timeout=10_000):
        board.show()
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow, timeout=5_000)
    return board


@pytest.fixture
def board(qtbot, day: dict[str, int], store: Store, clock: Clock) -> Iterator[WallboardWindow]:  # type: ignore[no-untyped-def]
    window = open_board(qtbot, store, clock)
    yield window
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def tile(board: WallboardWindow, key: str) -> TileWidget:
    found = [w for w in board.channel_tiles.tiles + board.agent_tiles.tiles if w.tile.key == key]  # type: ignore[union-attr]
    assert len(found) == 1, key
    return found[0]


def breach_rows(board: WallboardWindow) -> list[list[str]]:
    tree = board.breaches
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
        for r in range(tree.topLevelItemCount())
    ]


def agent_rows(board: WallboardWindow) -> list[list[str]]:
    table = board.agents
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


# -- what it shows -------------------------------------------------------------------------------


def test_tiles_show_the_figures_and_the_pace_in_words_and_colour(board: WallboardWindow) -> None:
    assert [w.tile.key for w in board.channel_tiles.tiles] == ["all", "reddit", "x"]  # type: ignore[union-attr]
    assert tile(board, "all").lines() == [
        "All channels",
        "behind",
        "9 conversations",
        "First response: p50 12 min · p90 30 min",
        "Within target: 66.7% (goal 80%)",
        "2 breached · 4 waiting",
    ]
    assert tile(board, "x").lines() == [
        "X",
        "close",
        "6 conversations",
        "First response: p50 10 min · p90 30 min",
        "Within target: 75.0% (goal 80%)",
        "1 breached · 2 waiting",
    ]
    assert tile(board, "reddit").lines()[1:] == [
        "behind",
        "3 conversations",
        "First response: p50 20 min · p90 20 min",
        "Within target: 50.0% (goal 80%)",
        "1 breached · 2 waiting",
    ]
    assert tile(board, "ann").lines()[:2] == ["ann", "on pace"]
    assert tile(board, "bob").lines()[:2] == ["bob", "behind"]
    for key, colour in (("x", CLOSE), ("ann", ON_TIME), ("bob", LATE)):
        widget = tile(board, key)
        assert colour in widget.styleSheet() and colour in widget.badge.styleSheet(), key
        assert widget.accessibleName() == f"{widget.name}: {widget.badge.text()}"
    assert board.overdue.text() == "1 already overdue"
    assert board.error.isHidden()


def test_a_tile_with_nothing_judged_is_neutral_and_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = TileWidget()
    qtbot.addWidget(widget)
    figures = {
        "conversations": 1,
        "first_response": {"p50": None, "p90": None},
        "within_target_pct": None,
        "goal_pct": 80.0,
        "breaches": 0,
        "backlog": 1,
    }
    widget.show_tile(Tile("reddit", figures, "none", (5,)))
    assert widget.lines() == [
        "Reddit",
        "not judged yet",
        "1 conversation",
        "First response: p50 — · p90 —",
        "Within target: — (goal 80%)",
        "0 breached · 1 waiting",
    ]
    assert NEUTRAL in widget.styleSheet()
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_agent_table(board: WallboardWindow) -> None:
    assert agent_rows(board) == [
        ["ann", "on pace", "3", "10 min", "20 min", "100.0%", "0", "0", "2 min"],
        ["bob", "behind", "2", "12 min", "30 min", "50.0%", "1", "0", "—"],
        ["Unassigned", "behind", "4", "—", "—", "0.0%", "1", "4", "—"],
    ]
    # Sorting by a figure sorts by its number, not its text.
    board.agents.sortItems(5, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in agent_rows(board)] == ["Unassigned", "bob", "ann"]


def test_the_next_breaches_count_down_every_second_without_asking_again(
    qtbot, board: WallboardWindow, day: dict[str, int], clock: Clock
) -> None:  # type: ignore[no-untyped-def]
    rows = breach_rows(board)
    assert [r[0] for r in rows] == ["05:00", "13:00", "30:00"]
    assert [r[1] for r in rows] == ["X", "X", "Reddit"]
    tree = board.breaches
    ids = [tree.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole) for r in range(3)]  # type: ignore[union-attr]
    assert ids == [day["c6"], day["c9"], day["c8"]]
    snapshots: list[object] = []
    board.refreshed.connect(snapshots.append)
    assert board.tick_timer.isActive() and board.tick_timer.interval() == 1000
    clock.now = NOW + timedelta(seconds=61)
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(0) == "03:59", timeout=3_000)  # type: ignore[union-attr]
    assert [r[0] for r in breach_rows(board)] == ["03:59", "11:59", "28:59"]
    clock.now = NOW + timedelta(seconds=301)
    board.tick()
    assert [r[0] for r in breach_rows(board)] == ["overdue", "07:59", "24:59"]
    assert board.overdue.text() == "2 already overdue"
    assert snapshots == []  # the countdowns came from the clock, not from the store


def test_countdown_and_histogram_helpers() -> None:
    assert countdown_label(300) == "05:00"
    assert countdown_label(59.6) == "01:00" and countdown_label(299.999995) == "05:00"
    assert countdown_label(0.4) == "00:00"  # still due, not overdue yet
    assert countdown_label(5400) == "1.5 h"
    assert countdown_label(0) == "overdue"
    # 5, 10, 12, 20 and 30 minutes against a 15-minute target: 2-minute bars to 32.
    width, counts = histogram([300, 600, 720, 1200, 1800], 900, 900)
    assert width == 2
    assert len(counts) == 16 and sum(counts) == 5
    assert [n for n, c in enumerate(counts) if c] == [2, 5, 6, 10, 15]
    # Slower than the bars reach: in the last one.
    width, counts = histogram([60.0] * 9 + [90_000.0], 900, None)
    assert counts[-1] == 1 and width * len(counts) < 90_000 / 60


def test_charts_draw_the_distribution_target_benchmark_and_trend(board: WallboardWindow) -> None:
    chart = board.distribution
    assert chart.line_x("target") == 15.0  # X's 15 minutes, the most common target
    assert chart.line_x("benchmark") == 15.0  # the strictest published expectation (X's)
    assert chart.target.name() == "Target 15 min"
    assert chart.target_label.text() == "Target 15 min" and chart.target_label.isVisible()
    assert "15 min" in chart.benchmark_label.text()
    assert sum(chart.counts) == 5
    tops = {p.y() for p in chart.bars_line.points()}
    assert tops == {0, 1}  # one response in each bar that has any
    assert chart.chart().title() == "First responses today: 5"
    trend = board.trend
    assert not trend.in_hours
    last = trend.p50.points()[-1]
    assert (last.x(), last.y()) == (13, 12.0)  # today, the 14th day: p50 12 minutes
    assert trend.p90.points()[-1].y() == 30.0
    assert trend.within.points()[-1].y() == pytest.approx(66.7)
    assert len(trend.p50.points()) == 1  # nothing on the 13 days before
    assert trend.goal.name() == "Goal 80%"


def test_untrusted_text_is_shown_literally(board: WallboardWindow) -> None:
    row = breach_rows(board)[1]
    assert row[3] == HOSTILE and row[4] == HOSTILE
    item = board.breaches.topLevelItem(1)
    assert item is not None
    rendered = QTextDocument()
    for column in (3, 4):
        rendered.setHtml(item.toolTip(column))
        assert rendered.toPlainText() == HOSTILE
    for label in board.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()


# -- drilling down -------------------------------------------------------------------------------


def test_enter_on_a_tile_lists_its_conversations_and_enter_opens_one(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    x = tile(board, "x")
    x.setFocus()
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        QTest.keyClick(x, Qt.Key.Key_Return)
    ids, title = drilled.args
    assert sorted(ids) == sorted(day[k] for k in ("c1", "c2", "c3", "c4", "c6", "c9"))
    assert title == "X: today's conversations"
    dialog = board.conversations_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.conversation_ids()) == 6, timeout=10_000)
    assert dialog.conversation_ids()[:2] == [day["c6"], day["c9"]]  # waiting longest first
    assert dialog.summary.text() == "6 conversations today"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    dialog.list.setFocus()
    with qtbot.waitSignal(board.open_conversation, timeout=5_000) as opened:
        QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened.args == [day["c6"]]


def test_a_click_on_a_tile_drills_too(qtbot, board: WallboardWindow, day: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        qtbot.mouseClick(tile(board, "reddit"), Qt.MouseButton.LeftButton)
    assert sorted(drilled.args[0]) == sorted(day[k] for k in ("c5", "c7", "c8"))


def test_enter_on_an_agent_row_lists_their_conversations(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    table = board.agents
    table.setFocus()
    table.setCurrentCell(0, 2)
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert sorted(drilled.args[0]) == sorted(day[k] for k in ("c1", "c2", "c5"))
    assert drilled.args[1] == "ann: today's conversations"


def test_enter_on_a_breach_opens_that_conversation(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    tree = board.breaches
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(2))
    with qtbot.waitSignal(board.open_conversation, timeout=5_000) as opened:
        QTest.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [day["c8"]]


def press(qtbot, widget, *keys: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        QTest.keyClick(widget, key)


def test_a_click_on_a_distribution_bar_lists_the_conversations_in_it(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    chart = board.distribution
    # 5, 10, 12, 20 and 30 minutes in 2-minute bars: c2 in the 10-12 bar, c4 in 12-14.
    assert chart.width_min == 2 and len(chart.counts) == 16
    for bar, key, title in ((5, "c2", "10–12"), (6, "c4", "12–14"), (15, "c3", "30–32")):
        with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
            chart.bars.clicked.emit(QPointF(bar * 2 + 1.3, 0.5))
        assert drilled.args == [[day[key]], f"First response {title} min"]
    # A real click on the middle of the 20-22 bar.
    centre = chart.chart().mapToPosition(QPointF(21, 0.5), chart.bars)
    spot = chart.mapFromScene(chart.chart().mapToScene(centre))
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert drilled.args == [[day["c5"]], "First response 20–22 min"]
    assert chart.hasFocus() and chart.current == 10 and chart.pick.isVisible()


def test_the_last_distribution_bar_lists_the_slower_responses_too(
    qtbot, board: WallboardWindow
) -> None:  # type: ignore[no-untyped-def]
    # A 15-minute target: 2-minute bars to 24 minutes; 22.5 minutes (the p90) and 25
    # hours share the last bar.
    fast = tuple((float(s), cid) for cid, s in enumerate((200, 300, 400, 500, 600), 16))
    answered = ((60.0, 11), (61.0, 12), (150.0, 13), *fast, (1350.0, 14), (90_000.0, 15))
    snapshot = dataclasses.replace(
        board.snapshot,  # type: ignore[type-var]
        distribution=tuple(s for s, _ in answered),
        answered=answered,
        target_s=900,
        benchmark_s=None,
    )
    chart = board.distribution
    chart.show_snapshot(snapshot)
    assert chart.width_min == 2 and len(chart.counts) == 12
    # The same bars as the chart's: every bar's conversations as many as its height.
    assert [len(chart.bar_ids(n)) for n in range(12)] == chart.counts
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        chart.bars.clicked.emit(QPointF(23.0, 0.5))
    assert drilled.args == [[14, 15], "First response 22 min and longer"]
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        chart.bars.clicked.emit(QPointF(0.5, 1.0))
    assert drilled.args == [[11, 12], "First response 0–2 min"]


def test_the_keys_choose_a_distribution_bar_and_enter_lists_it(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    chart = board.distribution
    board.breaches.setFocus()
    press(qtbot, board.breaches, Qt.Key.Key_Tab)
    assert board.overdue.hasFocus()
    press(qtbot, board.overdue, Qt.Key.Key_Tab)
    assert chart.hasFocus() and chart.pick.isVisible()
    press(qtbot, chart, Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert chart.current == 2
    assert chart.accessibleDescription() == "First response 4–6 min: 1"
    band = chart.pick_line.points()
    assert (band[0].x(), band[-1].x()) == (4, 6)
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        press(qtbot, chart, Qt.Key.Key_Return)
    assert drilled.args == [[day["c1"]], "First response 4–6 min"]
    # An empty bar lists nothing; Left stops at the first bar.
    press(qtbot, chart, Qt.Key.Key_Left)
    with qtbot.assertNotEmitted(board.drill):
        press(qtbot, chart, Qt.Key.Key_Space)
    press(qtbot, chart, *[Qt.Key.Key_Left] * 5)
    assert chart.current == 0
    press(qtbot, chart, Qt.Key.Key_Tab)
    assert board.trend.hasFocus() and not chart.pick.isVisible()


def test_a_day_of_the_trend_lists_its_conversations(
    qtbot, board: WallboardWindow, day: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    trend = board.trend
    today = trend.p50.points()[-1]
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        trend.p50.clicked.emit(today)
    ids, title = drilled.args
    assert sorted(ids) == sorted(day.values()) and len(ids) == 9
    assert title == "Conversations of 2026-11-20"
    # A day with no conversations lists nothing.
    with qtbot.assertNotEmitted(board.drill):
        trend.p50.clicked.emit(QPointF(3.1, 0.0))
    # The nearest day to where the click falls, from any of the day's lines.
    points = (
        TrendPoint("2026-11-18", 2, 300.0, 600.0, 50.0, (21, 22)),
        TrendPoint("2026-11-19", 1, 60.0, 60.0, 100.0, (23,)),
        TrendPoint("2026-11-20", 0, None, None, None, ()),
    )
    trend.show_snapshot(dataclasses.replace(board.snapshot, trend=points))  # type: ignore[type-var]
    for series, x, expected, named in (
        (trend.p90, 0.4, [21, 22], "2026-11-18"),
        (trend.within, 0.6, [23], "2026-11-19"),
        (trend.p50, 1.2, [23], "2026-11-19"),
    ):
        with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
            series.clicked.emit(QPointF(x, 10.0))
        assert drilled.args == [expected, f"Conversations of {named}"]
    # By the keys: End is the last day, Left the one before.
    trend.setFocus()
    press(qtbot, trend, Qt.Key.Key_End, Qt.Key.Key_Left)
    assert trend.pick.isVisible() and trend.current == 1
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        press(qtbot, trend, Qt.Key.Key_Enter)
    assert drilled.args == [[23], "Conversations of 2026-11-19"]


def test_enter_on_already_overdue_lists_the_overdue_conversations(
    qtbot, board: WallboardWindow, day: dict[str, int], clock: Clock
) -> None:  # type: ignore[no-untyped-def]
    overdue = board.overdue
    assert overdue.text() == "1 already overdue" and overdue.isEnabled()
    overdue.setFocus()
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        press(qtbot, overdue, Qt.Key.Key_Return)
    assert drilled.args == [[day["c7"]], "Already overdue"]
    # c6 falls due at 15:05: counted and listed too, after c7 (due at 14:30).
    clock.now = NOW + timedelta(seconds=301)
    board.tick()
    assert overdue.text() == "2 already overdue"
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert drilled.args == [[day["c7"], day["c6"]], "Already overdue"]
    # Space too, and Tab goes on to the charts.
    with qtbot.waitSignal(board.drill, timeout=5_000) as drilled:
        press(qtbot, overdue, Qt.Key.Key_Space)
    assert drilled.args[0] == [day["c7"], day["c6"]]
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow, timeout=5_000)
    overdue.setFocus()
    press(qtbot, overdue, Qt.Key.Key_Tab)
    assert board.distribution.hasFocus()


# -- refresh, errors, keys -------------------------------------------------------------------------


def test_the_snapshot_is_worked_out_off_the_gui_thread_and_f5_refreshes(
    qtbot, board: WallboardWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []
    real = wallboard_module.Wallboard.snapshot

    def recording(self, now=None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(self, now)

    monkeypatch.setattr(wallboard_module.Wallboard, "snapshot", recording)
    assert board.refresh_timer.isActive() and board.refresh_timer.interval() == 30_000
    with qtbot.waitSignal(board.refreshed, timeout=10_000):
        QTest.keyClick(board.focusWidget() or board, Qt.Key.Key_F5)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_an_error_is_shown_in_the_window_and_the_next_refresh_clears_it(
    qtbot, board: WallboardWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(self, now=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("the database is away")

    monkeypatch.setattr(wallboard_module.Wallboard, "snapshot", broken)
    with qtbot.waitSignal(board.failed, timeout=10_000):
        board.refresh()
    assert board.error.isVisible()
    assert "the database is away" in board.error.text()
    assert board.isVisible() and tile(board, "x").lines()[1] == "close"  # the last figures stay
    monkeypatch.undo()
    with qtbot.waitSignal(board.refreshed, timeout=10_000):
        board.refresh()
    assert board.error.isHidden()


def test_tab_walks_the_tiles_and_escape_closes(qtbot, board: WallboardWindow) -> None:  # type: ignore[no-untyped-def]
    tiles = board.channel_tiles.tiles + board.agent_tiles.tiles
    assert tiles[0].hasFocus()  # the total's tile, once the figures are in
    for after in tiles[1:]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert after.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert board.breaches.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not board.isVisible()
    assert not board.tick_timer.isActive() and not board.refresh_timer.isActive()


# -- in the main window -----------------------------------------------------------------------


# The offscreen test platform cannot raise windows; a desktop's window manager can.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_main_window_opens_one_wallboard_and_its_conversations(
    qtbot, day: dict[str, int], store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        store, "test", agent="ann", settings=settings, data_dir=tmp_path, sync_jobs=[]
    )
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    try:
        assert window.registry.specs["wallboard"].keys == ("Ctrl+Shift+W",)
        window.registry.trigger("wallboard")
        board = window.wallboard
        assert board is not None
        qtbot.waitUntil(lambda: board.snapshot is not None, timeout=10_000)
        window.registry.trigger("wallboard")
        assert window.wallboard is board and board.isVisible()
        # In the list: selected there, so the keys act on it.
        listed = day["c6"]
        assert window.model.row_of_conversation(listed) is not None
        board.open_conversation.emit(listed)
        assert window.queue.current_row().conversation_id == listed  # type: ignore[union-attr]
        qtbot.waitUntil(
            lambda: (
                window.conversation.current is not None and window.conversation.current.id == listed
            ),
            timeout=10_000,
        )
        # Not in the list (answered): shown on the right, nothing selected in the list.
        answered = day["c1"]
        assert window.model.row_of_conversation(answered) is None
        board.open_conversation.emit(answered)
        assert window.queue.current_row() is None
        qtbot.waitUntil(
            lambda: (
                window.conversation.current is not None
                and window.conversation.current.id == answered
            ),
            timeout=10_000,
        )
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    assert not board.isVisible()
