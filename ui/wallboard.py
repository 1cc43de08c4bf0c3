"""The supervisor wallboard (issue #6): today's response times at a glance, in a window
of its own.

Tiles per channel and per agent say how each is doing against its goal, in words as
well as colour; the next breaches count down every second from the moments the last
snapshot gave (no query per tick); two charts show today's first-response distribution
against the target and the published benchmark, and the fortnight's trend; a table
lists the agents. Everything is worked out by ``socialdesk.wallboard`` on a pool thread,
every 30 seconds and on F5. Activating a tile or an agent lists its conversations;
activating one of those, or a breach, asks the main window to open it.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QMargins,
    QPointF,
    QRectF,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFocusEvent,
    QFont,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.domain import utcnow
from socialdesk.metrics import UNASSIGNED, ConversationFigures
from socialdesk.policies import PolicyBook
from socialdesk.store import Store
from socialdesk.text import one_line
from socialdesk.wallboard import Snapshot, Tile, TrendPoint, Upcoming, Wallboard
from ui.inbox_model import _network_name
from ui.labels import duration_label, number_label, plain_tip, status_label, time_label
from ui.tasks import run_task
from ui.theme import CLOSE, LATE, ON_TIME, waiting_colour

REFRESH_MS = 30_000
TICK_MS = 1_000
NEUTRAL = "#546e7a"  # nothing judged yet: white text on it reads as well as on the others
PACE_COLOURS = {"green": ON_TIME, "amber": CLOSE, "red": LATE, "none": NEUTRAL}
# The badge's text on its colour: black on amber, white on the darker ones.
_BADGE_TEXT = {"green": "#ffffff", "amber": "#000000", "red": "#ffffff", "none": "#ffffff"}
_PACE_ORDER = {"red": 0, "amber": 1, "green": 2, "none": 3}  # the worst first
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole
# Histogram bar widths to choose from, in minutes: the first that needs at most this many.
_BIN_WIDTHS = (1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480, 1440)
_MAX_BINS = 16
_TICK_STEPS = (1, 2, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880)
HOURS_FROM_S = 5 * 3600  # the trend's times in hours once a day's p90 passes this


def pace_word(pace: str) -> str:
    """The pace in words, so colour is never the only signal."""
    return {
        "green": QCoreApplication.translate("Wallboard", "on pace"),
        "amber": QCoreApplication.translate("Wallboard", "close", "pace: close to the goal"),
        "red": QCoreApplication.translate("Wallboard", "behind"),
    }.get(pace, QCoreApplication.translate("Wallboard", "not judged yet"))


def group_name(key: str) -> str:
    """A tile's or a row's name: the channel as the window names it, or the agent."""
    if key == "all":
        return QCoreApplication.translate("Wallboard", "All channels")
    if key == UNASSIGNED:
        return QCoreApplication.translate("Wallboard", "Unassigned")
    return one_line(_network_name(key), 60)


def short_duration(seconds: float | None) -> str:
    """'45 s', '12 min', '1.5 h'; a dash for nothing measured."""
    if seconds is None:
        return "—"
    if seconds < 60:
        number = QLocale().toString(round(seconds))
        return QCoreApplication.translate("Wallboard", "{0} s").format(number)
    return duration_label(seconds)


def countdown_label(seconds_left: float) -> str:
    """'04:59' under an hour (it visibly ticks), '1.5 h' beyond, 'overdue' past it.
    To the nearest second: stored times can be a few microseconds off the whole one."""
    if seconds_left <= 0:
        return QCoreApplication.translate("Wallboard", "overdue")
    if seconds_left < 3600:
        whole = round(seconds_left)
        return f"{whole // 60:02d}:{whole % 60:02d}"
    return duration_label(seconds_left)


def percent_label(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "—"
    number = QLocale().toString(float(value), "f", decimals)
    return QCoreApplication.translate("Wallboard", "{0}%").format(number)


def histogram(
    values: Sequence[float], target_s: int | None, benchmark_s: int | None
) -> tuple[float, list[int]]:
    """Bars of first-response minutes: (bar width in minutes, count per bar). The bars
    reach past the target and the benchmark and cover nine in ten responses; slower
    ones fall in the last bar."""
    marks = [s / 60 for s in (target_s, benchmark_s) if s]
    ordered = sorted(values)
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)] / 60 if ordered else 0.0
    reach = max([p90, *(m * 1.5 for m in marks), 10.0])
    width = next((w for w in _BIN_WIDTHS if reach / w <= _MAX_BINS), _BIN_WIDTHS[-1])
    bins = int(reach // width) + 1  # the bar holding the reach itself too
    counts = [0] * bins
    for seconds in ordered:
        counts[bar_of(seconds, width, bins)] += 1
    return float(width), counts


def bar_of(seconds: float, width: float, bins: int) -> int:
    """The histogram's bar for a first response: the last one holds the slower too."""
    return max(0, min(bins - 1, int(seconds / 60 // width)))


def _plain(parent: QWidget, name: str, *, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and handles come from outside
    label.setAccessibleName(name)
    if bold or scale != 1.0:
        font = label.font()
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


class TileWidget(QFrame):
    """One tile: a channel, an agent or the total. Focusable; Enter, Space or a click
    activates it."""

    activated = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallboardTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(230)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.tile: Tile | None = None
        self.name = ""
        self.title = _plain(self, self.tr("Name"), bold=True, scale=1.1)
        self.badge = _plain(self, self.tr("Pace"), bold=True)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.conversations = _plain(self, self.tr("Conversations"), bold=True, scale=1.5)
        self.first = _plain(self, self.tr("First response"))
        self.within = _plain(self, self.tr("Within target"))
        self.counts = _plain(self, self.tr("Breaches and backlog"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.conversations)
        layout.addWidget(self.first)
        layout.addWidget(self.within)
        layout.addWidget(self.counts)

    @property
    def pace(self) -> str:
        return self.tile.pace if self.tile is not None else "none"

    def show_tile(self, tile: Tile) -> None:
        self.tile = tile
        self.name = group_name(tile.key)
        figures = tile.figures
        first = figures.get("first_response") or {}
        self.title.setText(self.name)
        self.badge.setText(pace_word(tile.pace))
        count = int(figures.get("conversations") or 0)
        self.conversations.setText(
            self.tr("1 conversation")
            if count == 1
            else self.tr("{0} conversations").format(number_label(count))
        )
        self.first.setText(
            self.tr("First response: p50 {0} · p90 {1}").format(
                short_duration(first.get("p50")), short_duration(first.get("p90"))
            )
        )
        goal = figures.get("goal_pct")
        self.within.setText(
            self.tr("Within target: {0} (goal {1})").format(
                percent_label(figures.get("within_target_pct")), percent_label(goal, 0)
            )
        )
        self.counts.setText(
            self.tr("{0} breached · {1} waiting").format(
                number_label(int(figures.get("breaches") or 0)),
                number_label(int(figures.get("backlog") or 0)),
            )
        )
        self.setProperty("pace", tile.pace)
        self.setAccessibleName(self.tr("{0}: {1}").format(self.name, pace_word(tile.pace)))
        summary = "\n".join(self.lines())
        self.setAccessibleDescription(summary)
        self.setToolTip(
            plain_tip(summary + "\n" + self.tr("Enter or click lists these conversations."))
        )
        self.restyle()

    def lines(self) -> list[str]:
        """What the tile says, line by line (for tests and screen readers)."""
        labels = (self.title, self.badge, self.conversations, self.first, self.within, self.counts)
        return [label.text() for label in labels]

    def restyle(self) -> None:
        colour = QColor(PACE_COLOURS.get(self.pace, NEUTRAL))
        r, g, b = colour.red(), colour.green(), colour.blue()
        name = colour.name()
        # A tint of the pace colour reads on the light and the dark palette alike; the
        # text keeps the palette's own colour.
        self.setStyleSheet(
            f"QFrame#wallboardTile {{ background: rgba({r}, {g}, {b}, 34);"
            f" border: 1px solid rgba({r}, {g}, {b}, 120); border-left: 6px solid {name};"
            " border-top-right-radius: 6px; border-bottom-right-radius: 6px; }"
            f"QFrame#wallboardTile:focus {{ border: 2px solid palette(highlight);"
            f" border-left: 6px solid {name}; }}"
        )
        self.badge.setStyleSheet(
            f"QLabel {{ background: {name}; color: {_BADGE_TEXT.get(self.pace, '#ffffff')};"
            " border-radius: 8px; padding: 1px 8px; }"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        if key == Qt.Key.Key_Right:
            self.focusNextChild()
            return
        if key == Qt.Key.Key_Left:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class TileStrip(QScrollArea):
    """A row of tiles that scrolls sideways when there are more than fit."""

    activated = Signal(object)  # the Tile

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        inner = QWidget(self)
        self.row = QHBoxLayout(inner)
        self.row.setContentsMargins(2, 2, 2, 2)
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self.setWidget(inner)
        self.tiles: list[TileWidget] = []
        self.empty = _plain(inner, name)
        self.row.insertWidget(0, self.empty)

    def show_tiles(self, tiles: Sequence[Tile], empty: str) -> None:
        """The tiles given, reusing the widgets there are (the focus stays put)."""
        while len(self.tiles) > len(tiles):
            self.tiles.pop().deleteLater()
        while len(self.tiles) < len(tiles):
            widget = TileWidget(self.widget())
            widget.activated.connect(lambda w=widget: self._activated(w))
            widget.focused.connect(lambda w=widget: self.ensureWidgetVisible(w, 8, 0))
            self.row.insertWidget(len(self.tiles), widget)
            widget.show()  # now, not when the layout gets round to it: it may take the focus
            self.tiles.append(widget)
        for widget, tile in zip(self.tiles, tiles, strict=True):
            widget.show_tile(tile)
        self.empty.setText(empty)
        self.empty.setVisible(not tiles)
        height = max((w.sizeHint().height() for w in self.tiles), default=0)
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(max(height, self.empty.sizeHint().height()) + scroll + 8)

    def _activated(self, widget: TileWidget) -> None:
        if widget.tile is not None:
            self.activated.emit(widget.tile)


class _SortItem(QTableWidgetItem):
    """Sorts by the number behind the text, not by the text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_ROLE), other.data(_SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        try:
            return bool(mine < theirs)
        except TypeError:
            return str(mine) < str(theirs)


class ConversationsDialog(QDialog):
    """A tile's or an agent's conversations today; Enter opens one in the main window.
    Non-modal: the supervisor can open one after another."""

    chosen = Signal(int)
    loaded = Signal()

    def __init__(
        self,
        title: str,
        ids: Sequence[int],
        load: Callable[[], list[ConversationFigures]],
        now: datetime,
        runner: Callable[..., None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.ids = list(ids)
        self.now = now
        self.summary = _plain(self, self.tr("Summary"))
        self.summary.setText(self.tr("Loading {0} conversations…").format(len(self.ids)))
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setHeaderLabels(
            [
                self.tr("Conversation"),
                self.tr("Channel"),
                self.tr("Account"),
                self.tr("Agent"),
                self.tr("Status"),
                self.tr("First response"),
                self.tr("Waiting"),
                self.tr("Within target"),
            ]
        )
        self.list.itemActivated.connect(self._on_activated)
        hint = _plain(self, self.tr("Hint"))
        hint.setText(self.tr("Enter or double-click opens a conversation in the main window."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self.resize(820, 420)
        self.list.setFocus()
        runner(load, self._on_loaded, self._on_failed, self)

    def conversation_ids(self) -> list[int]:
        """The conversations listed, in their order."""
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [int(item.data(0, _ID_ROLE)) for item in found if item is not None]

    def _on_loaded(self, figures: list[ConversationFigures]) -> None:
        wanted = set(self.ids)
        rows = [f for f in figures if f.conversation_id in wanted]
        now = self.now.timestamp()
        # Those waiting longest first, then the late ones, then the rest.
        rows.sort(
            key=lambda f: (
                f.waiting_since is None,
                f.waiting_since or 0.0,
                f.met is not False,
                f.conversation_id,
            )
        )
        self.list.clear()
        for f in rows:
            met = {True: self.tr("yes"), False: self.tr("late")}.get(f.met, "—")  # type: ignore[arg-type]
            waiting = short_duration(max(0.0, now - f.waiting_since)) if f.waiting_since else "—"
            item = QTreeWidgetItem(
                [
                    f"#{f.conversation_id}",
                    group_name(f.network),
                    one_line(f.account or "", 60),
                    group_name(f.agent or UNASSIGNED),
                    status_label(f.status),
                    short_duration(f.first_response_s),
                    waiting,
                    met,
                ]
            )
            item.setData(0, _ID_ROLE, f.conversation_id)
            self.list.addTopLevelItem(item)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.summary.setText(
            self.tr("1 conversation today")
            if len(rows) == 1
            else self.tr("{0} conversations today").format(number_label(len(rows)))
        )
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("Could not list the conversations: {0}").format(error))

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.chosen.emit(int(item.data(0, _ID_ROLE)))


class _PickChart(QChartView):
    """A chart whose bars or days each list their conversations: a click on one, or,
    once Tab brings the focus here, Left and Right to choose one (a band marks it) and
    Enter or Space."""

    chosen = Signal(int)  # the bar's or the day's number

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        super().__init__(chart, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current = 0
        self.pick_line = QLineSeries()  # the band's outline, not in the chart itself
        # The subclasses add the band first (behind the rest), against this axis.
        self.pick = QAreaSeries(self.pick_line)
        self.pick.setVisible(False)
        self.pick.clicked.connect(lambda point: self._clicked(point.x()))
        self._pick_axis: QValueAxis | None = None

    # What the subclasses say about their bars or days.
    def pick_count(self) -> int:
        raise NotImplementedError

    def pick_span(self, number: int) -> tuple[float, float]:
        raise NotImplementedError

    def pick_at(self, x: float) -> int:
        raise NotImplementedError

    def pick_text(self, number: int) -> str:
        raise NotImplementedError

    def _clicked(self, x: float) -> None:
        if not self.pick_count():
            return
        self.current = max(0, min(self.pick_count() - 1, self.pick_at(x)))
        self.show_pick()
        self.chosen.emit(self.current)

    def show_pick(self) -> None:
        """The band on the chosen bar or day while the chart has the focus."""
        for marker in self.chart().legend().markers(self.pick):
            marker.setVisible(False)
        count = self.pick_count()
        self.current = max(0, min(self.current, count - 1))
        axis = self._pick_axis
        if not count or axis is None or not self.hasFocus():
            self.pick.setVisible(False)
            return
        left, right = self.pick_span(self.current)
        low, high = axis.min(), axis.max()
        self.pick_line.replace(
            [QPointF(left, low), QPointF(left, high), QPointF(right, high), QPointF(right, low)]
        )
        self.pick.setVisible(True)
        self.setAccessibleDescription(self.pick_text(self.current))

    def restyle_pick(self) -> None:
        colour = self.palette().highlight().color()
        fill = QColor(colour)
        fill.setAlpha(60)
        self.pick.setBrush(QBrush(fill))
        self.pick.setPen(QPen(colour, 1.5))
        self.show_pick()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, count = Qt.Key(event.key()), self.pick_count()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            if key == Qt.Key.Key_Left:
                self.current -= 1
            elif key == Qt.Key.Key_Right:
                self.current += 1
            else:
                self.current = 0 if key == Qt.Key.Key_Home else count - 1
            self.show_pick()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if count:
                self.chosen.emit(max(0, min(self.current, count - 1)))
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.show_pick()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.show_pick()


class DistributionChart(_PickChart):
    """Today's first responses in bars of minutes, with the target and the published
    benchmark as vertical lines, each named beside its top. A bar lists its
    conversations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.setAccessibleName(self.tr("First-response distribution"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.bars_line = QLineSeries()  # the area's outline, not in the chart itself
        self.bars = QAreaSeries(self.bars_line)
        self.bars.setName(self.tr("Conversations"))
        self.target = QLineSeries()
        self.benchmark = QLineSeries()
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText(self.tr("Minutes to first response"))
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(0)
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(self.tr("Conversations"))
        self.y_axis.setLabelFormat("%d")
        for series in (self.pick, self.bars, self.target, self.benchmark):
            chart.addSeries(series)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.pick, self.bars, self.target, self.benchmark):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self._pick_axis = self.y_axis
        # The lines are named where they stand, so the legend would only repeat it.
        chart.legend().hide()
        self.target_label = QGraphicsSimpleTextItem(chart)
        self.benchmark_label = QGraphicsSimpleTextItem(chart)
        chart.plotAreaChanged.connect(lambda _area: self._place_labels())
        self.bars.clicked.connect(lambda point: self._clicked(point.x()))
        self.setToolTip(
            plain_tip(self.tr("Click a bar, or choose one with Left and Right and press Enter,"
                              " to list its conversations."))
        )  # fmt: skip
        self.width_min = 1.0
        self.counts: list[int] = []
        self.answered: tuple[tuple[float, int], ...] = ()
        self.slower = 0

    def pick_count(self) -> int:
        return len(self.counts)

    def pick_span(self, number: int) -> tuple[float, float]:
        return number * self.width_min, (number + 1) * self.width_min

    def pick_at(self, x: float) -> int:
        return int(x // self.width_min)

    def pick_text(self, number: int) -> str:
        return self.tr("{0}: {1}").format(self.bar_title(number), number_label(self.counts[number]))

    def bar_ids(self, number: int) -> list[int]:
        """The conversations whose first response falls in that bar, quickest first."""
        bins = len(self.counts)
        return [cid for s, cid in self.answered if bar_of(s, self.width_min, bins) == number]

    def bar_title(self, number: int) -> str:
        left, right = number * self.width_min, (number + 1) * self.width_min
        if number == len(self.counts) - 1 and self.slower:
            return self.tr("First response {0} min and longer").format(number_label(int(left)))
        return self.tr("First response {0}–{1} min").format(
            number_label(int(left)), number_label(int(right))
        )

    def show_snapshot(self, snapshot: Snapshot) -> None:
        chart = self.chart()
        values = snapshot.distribution
        width, counts = histogram(values, snapshot.target_s, snapshot.benchmark_s)
        self.width_min, self.counts = width, counts
        self.answered = snapshot.answered
        gap = width * 0.08
        points = []
        for number, count in enumerate(counts):
            left, right = number * width, (number + 1) * width
            points += [
                QPointF(left + gap, 0),
                QPointF(left + gap, count),
                QPointF(right - gap, count),
                QPointF(right - gap, 0),
            ]
        self.bars_line.replace(points)
        top = max([*counts, 1])
        self.y_axis.setRange(0, top * 1.3)
        self.y_axis.applyNiceNumbers()
        reach = width * len(counts)
        self.x_axis.setRange(0, reach)
        step = next(
            (s for s in _TICK_STEPS if s % width == 0 and reach / s <= 8), max(width, reach / 4)
        )
        self.x_axis.setTickInterval(step)
        ceiling = self.y_axis.max()
        self._mark(self.target, self.target_label, snapshot.target_s, ceiling)
        self._mark(self.benchmark, self.benchmark_label, snapshot.benchmark_s, ceiling)
        self.target.setName(self.tr("Target {0}").format(short_duration(snapshot.target_s)))
        self.target_label.setText(self.target.name() if snapshot.target_s else "")
        self.benchmark.setName(
            self.tr("Customers expect {0} (benchmark)").format(short_duration(snapshot.benchmark_s))
        )
        self.benchmark_label.setText(self.benchmark.name() if snapshot.benchmark_s else "")
        answered = len(values)
        slower = self.slower = sum(1 for v in values if v / 60 >= reach)
        if not answered:
            chart.setTitle(self.tr("First responses today: none yet"))
        elif slower:
            chart.setTitle(
                self.tr("First responses today: {0} (the last bar holds {1} and longer)").format(
                    number_label(answered), short_duration((reach - width) * 60)
                )
            )
        else:
            chart.setTitle(self.tr("First responses today: {0}").format(number_label(answered)))
        self._place_labels()
        self.show_pick()

    @staticmethod
    def _mark(
        series: QLineSeries, label: QGraphicsSimpleTextItem, seconds: int | None, top: float
    ) -> None:
        if not seconds:
            series.clear()
            series.setVisible(False)
            label.setVisible(False)
            return
        x = seconds / 60
        series.setVisible(True)
        label.setVisible(True)
        series.replace([QPointF(x, 0), QPointF(x, top)])

    def _place_labels(self) -> None:
        """Each name just right of its line's top (left of it near the right edge); the
        benchmark's below the target's when the lines stand close."""
        chart = self.chart()
        area = chart.plotArea()
        used: list[QRectF] = []
        for series, label in (
            (self.target, self.target_label),
            (self.benchmark, self.benchmark_label),
        ):
            points = series.points()
            if not label.isVisible() or not points:
                continue
            at = chart.mapToPosition(points[-1], series)
            size = label.boundingRect()
            x = at.x() + 5
            if x + size.width() > area.right():
                x = at.x() - 5 - size.width()
            y = area.top() + 2
            spot = QRectF(x, y, size.width(), size.height())
            while any(spot.intersects(other) for other in used):
                spot.moveTop(spot.bottom() + 2)
            used.append(spot)
            label.setPos(spot.topLeft())

    def line_x(self, which: str) -> float | None:
        """Where the target's or the benchmark's line stands, in minutes (tests)."""
        series = self.target if which == "target" else self.benchmark
        points = series.points()
        return points[0].x() if series.isVisible() and points else None

    def restyle(self, dark: bool) -> None:
        chart = self.chart()
        chart.setTheme(_chart_theme(dark))
        chart.setBackgroundBrush(QBrush(self.palette().window().color()))
        chart.legend().hide()
        fill = QColor("#64b5f6" if dark else "#1e88e5")
        fill.setAlpha(180)
        self.bars.setBrush(QBrush(fill))
        self.bars.setPen(QPen(fill.lighter(120) if dark else fill.darker(130), 1))
        self.target.setPen(QPen(QColor("#ef5350" if dark else LATE), 2.5))
        self.benchmark.setPen(
            QPen(QColor("#ce93d8" if dark else "#7b1fa2"), 2, Qt.PenStyle.DashLine)
        )
        font = QFont(self.font())
        font.setBold(True)
        for series, label in (
            (self.target, self.target_label),
            (self.benchmark, self.benchmark_label),
        ):
            label.setBrush(QBrush(series.pen().color()))
            label.setFont(font)
        self._place_labels()
        self.restyle_pick()


class TrendChart(_PickChart):
    """The fortnight by day: first-response p50 and p90 (in minutes, or hours when
    they run long), and the share within target in percent on the right-hand axis,
    with the goal. A day lists its conversations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = self.chart()
        self.setAccessibleName(self.tr("Daily trend"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self.tr("Daily trend"))
        self.p50 = QLineSeries()
        self.p90 = QLineSeries()
        self.within = QLineSeries()
        self.within.setName(self.tr("Within target (%)"))
        self.goal = QLineSeries()
        self.goal.setName(self.tr("Goal"))
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.times = QValueAxis()
        self.percent = QValueAxis()
        self.percent.setTitleText(self.tr("Within target (%)"))
        self.percent.setRange(0, 100)
        self.percent.setLabelFormat("%d")
        self.percent.setTickCount(6)
        self.percent.setGridLineVisible(False)  # the times' grid is enough
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.times, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.percent, Qt.AlignmentFlag.AlignRight)
        chart.addSeries(self.pick)
        self.pick.attachAxis(self.x_axis)
        self.pick.attachAxis(self.percent)
        self._pick_axis = self.percent
        for series, axis in (
            (self.p50, self.times),
            (self.p90, self.times),
            (self.within, self.percent),
            (self.goal, self.percent),
        ):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(axis)
            series.setPointsVisible(True)
        self.goal.setPointsVisible(False)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        for series in (self.p50, self.p90, self.within):
            series.clicked.connect(lambda point: self._clicked(point.x()))
        self.setToolTip(
            plain_tip(self.tr("Click a day, or choose one with Left and Right and press Enter,"
                              " to list its conversations."))
        )  # fmt: skip
        self.in_hours = False
        self.days: tuple[TrendPoint, ...] = ()

    def pick_count(self) -> int:
        return len(self.days)

    def pick_span(self, number: int) -> tuple[float, float]:
        return number - 0.3, number + 0.3

    def pick_at(self, x: float) -> int:
        return round(x)  # the nearest day

    def pick_text(self, number: int) -> str:
        point = self.days[number]
        return self.tr("{0}: {1}").format(self.day_title(number), number_label(point.conversations))

    def day_ids(self, number: int) -> list[int]:
        return list(self.days[number].conversation_ids)

    def day_title(self, number: int) -> str:
        return self.tr("Conversations of {0}").format(self.days[number].day)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        trend = self.days = snapshot.trend
        longest = max([v for p in trend for v in (p.p50, p.p90) if v is not None] or [0.0])
        # Minutes read best; a fortnight with slow days would squash them flat.
        self.in_hours = longest > HOURS_FROM_S
        unit = 3600.0 if self.in_hours else 60.0
        if self.in_hours:
            self.times.setTitleText(self.tr("Hours"))
            self.p50.setName(self.tr("p50 (h)"))
            self.p90.setName(self.tr("p90 (h)"))
        else:
            self.times.setTitleText(self.tr("Minutes"))
            self.p50.setName(self.tr("p50 (min)"))
            self.p90.setName(self.tr("p90 (min)"))
        p50 = [QPointF(n, p.p50 / unit) for n, p in enumerate(trend) if p.p50 is not None]
        p90 = [QPointF(n, p.p90 / unit) for n, p in enumerate(trend) if p.p90 is not None]
        within = [
            QPointF(n, p.within_target_pct)
            for n, p in enumerate(trend)
            if p.within_target_pct is not None
        ]
        self.p50.replace(p50)
        self.p90.replace(p90)
        self.within.replace(within)
        last = max(0, len(trend) - 1)
        if snapshot.goal_pct is not None:
            self.goal.replace([QPointF(0, snapshot.goal_pct), QPointF(last, snapshot.goal_pct)])
            self.goal.setName(self.tr("Goal {0}").format(percent_label(snapshot.goal_pct, 0)))
        else:
            self.goal.clear()
        for label in list(self.x_axis.categoriesLabels()):
            self.x_axis.remove(label)
        step = 1 if len(trend) <= 7 else 2
        locale = QLocale()
        for number, point in enumerate(trend):
            # Every other day when there are many, counted back from today: readable.
            if (last - number) % step == 0:
                day = date.fromisoformat(point.day)
                label = locale.toString(QDate(day.year, day.month, day.day), "d MMM")
                self.x_axis.append(label, number)
        self.x_axis.setRange(-0.3, last + 0.3)
        self.times.setRange(0, max(1.0 if self.in_hours else 10.0, longest / unit * 1.1))
        self.times.applyNiceNumbers()
        self.times.setLabelFormat("%d" if self.times.max() >= 10 else "%.1f")
        days = len(trend)
        title = self.tr("First response by day, the last {0} days").format(days)
        self.chart().setTitle(title if days else "")
        self.show_pick()

    def restyle(self, dark: bool) -> None:
        chart = self.chart()
        chart.setTheme(_chart_theme(dark))
        chart.setBackgroundBrush(QBrush(self.palette().window().color()))
        self.percent.setGridLineVisible(False)
        self.p50.setPen(QPen(QColor("#64b5f6" if dark else "#1565c0"), 2.5))
        self.p90.setPen(QPen(QColor("#ffb74d" if dark else "#ef6c00"), 2.5))
        self.within.setPen(QPen(QColor("#81c784" if dark else "#2e7d32"), 2, Qt.PenStyle.DashLine))
        self.goal.setPen(QPen(QColor("#9e9e9e" if dark else "#757575"), 1.5, Qt.PenStyle.DotLine))
        self.restyle_pick()


def _chart_theme(dark: bool) -> QChart.ChartTheme:
    return QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().window().color().lightness() < 128


class _LinkButton(QPushButton):
    """A flat button that reads like a bold label; Enter, Space or a click activates
    it. Its text is never rich text (a button's is plain)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallboardLink")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(
            "QPushButton#wallboardLink { text-align: left; border: 1px solid transparent;"
            " border-radius: 3px; padding: 1px 2px; }"
            "QPushButton#wallboardLink:hover { text-decoration: underline; }"
            "QPushButton#wallboardLink:focus { border-color: palette(highlight); }"
        )

    def setText(self, text: str) -> None:
        super().setText(text.replace("&", "&&"))  # no mnemonics

    def text(self) -> str:
        return super().text().replace("&&", "&")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class WallboardWindow(QWidget):
    """The wallboard, a top-level window of its own (not modal)."""

    drill = Signal(list, str)  # conversation ids, what they are
    open_conversation = Signal(int)
    refreshed = Signal(object)  # the Snapshot shown
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        runner: Callable[..., None] = run_task,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Wallboard — response times"))
        self.setAccessibleName(self.tr("Wallboard"))
        self.store = store
        self.clock = clock
        self.runner = runner
        self.snapshot: Snapshot | None = None
        self.conversations_dialog: ConversationsDialog | None = None
        self._book = PolicyBook(store)
        self._board: Wallboard | None = None
        # One snapshot or listing at a time: they bring the same facts up to date.
        self._lock = threading.Lock()
        self._busy = False
        self._again = False
        self._expired: set[int] = set()  # breaches whose countdown ran out since the snapshot

        # -- header ------------------------------------------------------------------------
        self.heading = _plain(self, self.tr("Wallboard"), bold=True, scale=1.35)
        self.heading.setText(self.tr("Response times today"))
        self.updated = _plain(self, self.tr("Last updated"))
        self.updated.setText(self.tr("Loading…"))
        self.error = _plain(self, self.tr("Error"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel {{ color: {LATE}; font-weight: bold; }}")
        self.error.hide()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addSpacing(12)
        header.addWidget(self.updated)
        header.addStretch(1)
        header.addWidget(self.error, 2)
        header.addWidget(self.refresh_button)

        # -- tiles ---------------------------------------------------------------------------
        self.channel_tiles = TileStrip(self.tr("Channels"), self)
        self.agent_tiles = TileStrip(self.tr("Agents"), self)
        self.channel_tiles.activated.connect(self._on_tile)
        self.agent_tiles.activated.connect(self._on_tile)

        # -- next breaches ---------------------------------------------------------------------
        self.breaches = QTreeWidget(self)
        self.breaches.setAccessibleName(self.tr("Next breaches"))
        self.breaches.setRootIsDecorated(False)
        self.breaches.setUniformRowHeights(True)
        self.breaches.setAllColumnsShowFocus(True)
        self.breaches.setHeaderLabels(
            [self.tr("Due in"), self.tr("Channel"), self.tr("Account"), self.tr("Author"),
             self.tr("Message")]
        )  # fmt: skip
        self.breaches.header().setStretchLastSection(False)
        self.breaches.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.breaches.itemActivated.connect(self._on_breach)
        self.overdue = _LinkButton(self)
        self.overdue.setAccessibleName(self.tr("Overdue"))
        self.overdue.setToolTip(plain_tip(self.tr("Enter or click lists these conversations.")))
        self.overdue.clicked.connect(self._on_overdue)
        breach_box = QWidget(self)
        box = QVBoxLayout(breach_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._caption(self.tr("Next to breach")))
        box.addWidget(self.breaches, 1)
        box.addWidget(self.overdue, 0, Qt.AlignmentFlag.AlignLeft)

        # -- charts ----------------------------------------------------------------------------
        self.distribution = DistributionChart(self)
        self.distribution.chosen.connect(self._on_bar)
        self.trend = TrendChart(self)
        self.trend.chosen.connect(self._on_day)

        # -- agents ----------------------------------------------------------------------------
        self.agents = QTableWidget(0, 9, self)
        self.agents.setAccessibleName(self.tr("Agents today"))
        self.agents.setHorizontalHeaderLabels(
            [
                self.tr("Agent"),
                self.tr("Pace"),
                self.tr("Conversations"),
                self.tr("First response p50"),
                self.tr("p90"),
                self.tr("Within target"),
                self.tr("Breaches"),
                self.tr("Backlog"),
                self.tr("Handle time p50"),
            ]
        )
        self.agents.verticalHeader().setVisible(False)
        self.agents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agents.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.agents.setSortingEnabled(True)
        self.agents.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.agents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.agents.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.agents.activated.connect(self._on_agent_row)  # Enter, or a double-click
        agent_box = QWidget(self)
        agents_layout = QVBoxLayout(agent_box)
        agents_layout.setContentsMargins(0, 0, 0, 0)
        agents_layout.addWidget(self._caption(self.tr("Agents")))
        agents_layout.addWidget(self.agents, 1)

        # -- layout ---------------------------------------------------------------------------
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(breach_box)
        middle.addWidget(self.distribution)
        middle.addWidget(self.trend)
        middle.setSizes([520, 480, 480])
        middle.setChildrenCollapsible(False)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(middle)
        self.split.addWidget(agent_box)
        self.split.setSizes([380, 200])
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(header)
        layout.addWidget(self._caption(self.tr("Channels")))
        layout.addWidget(self.channel_tiles)
        layout.addWidget(self._caption(self.tr("Agents")))
        layout.addWidget(self.agent_tiles)
        layout.addWidget(self.split, 1)

        # -- keys and timers ---------------------------------------------------------------------
        for keys, slot in (("F5", self.refresh), ("Escape", self.close)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(refresh_ms)
        self.refresh_timer.timeout.connect(self.refresh)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self._restyle()
        self._order_tabs()
        self.resize(1500, 920)

    def _caption(self, text: str) -> QLabel:
        label = _plain(self, text, bold=True)
        label.setText(text)
        return label

    # -- refresh ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """A new snapshot, worked out on a pool thread; one at a time (a refresh asked
        for meanwhile follows the one running)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        now = self.clock()
        self.runner(lambda: self._compute(now), self._on_snapshot, self._on_failed, self)

    def _compute(self, now: datetime) -> Snapshot:
        """On a pool thread."""
        with self._lock:
            levels = self._book.levels()
            if self._board is None or self._board.levels != levels:
                self._board = Wallboard(self.store, levels)
            return self._board.snapshot(now)

    def _finished(self) -> None:
        self._busy = False
        if self._again:
            self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        text = self.tr("Could not update the wallboard: {0}").format(error)
        self.error.setText(text)
        self.error.setToolTip(plain_tip(text))
        self.error.show()
        if self.snapshot is None:
            self.updated.setText(self.tr("Not loaded"))
        self.failed.emit(text)
        self._finished()

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        self.error.hide()
        self.error.clear()
        first = self.snapshot is None
        self.snapshot = snapshot
        self._expired.clear()
        moment = snapshot.now.astimezone()
        self.updated.setText(
            self.tr("since {0} · updated {1}").format(
                time_label(snapshot.since),
                QLocale().toString(QTime(moment.hour, moment.minute, moment.second), "HH:mm:ss"),
            )
        )
        self.channel_tiles.show_tiles(
            [snapshot.total, *snapshot.channels], self.tr("No conversations today yet.")
        )
        self.agent_tiles.show_tiles(
            snapshot.agents, self.tr("No agent has answered a conversation today yet.")
        )
        self._show_breaches(snapshot.upcoming)
        self._show_agents(snapshot.agents)
        self.distribution.show_snapshot(snapshot)
        self.trend.show_snapshot(snapshot)
        self.tick()
        self._order_tabs()
        if first:  # the total's tile: the keys start where the eyes do
            self.channel_tiles.tiles[0].setFocus()
        self.refreshed.emit(snapshot)
        self._finished()

    # -- the parts ---------------------------------------------------------------------------

    def _show_breaches(self, upcoming: Sequence[Upcoming]) -> None:
        current = self.breaches.currentItem()
        keep = current.data(0, _ID_ROLE) if current is not None else None
        self.breaches.clear()
        for item in upcoming:
            author = one_line(item.author or "", 60)
            text = one_line(item.text or "", 200)
            row = QTreeWidgetItem(
                ["", group_name(item.network), one_line(item.account or "", 60), author, text]
            )
            row.setData(0, _ID_ROLE, item.conversation_id)
            row.setData(0, _SORT_ROLE, item)
            row.setToolTip(2, plain_tip(one_line(item.account or "", 200)))
            row.setToolTip(3, plain_tip(one_line(item.author or "", 200)))
            row.setToolTip(4, plain_tip(one_line(item.text or "", 1000)))
            self.breaches.addTopLevelItem(row)
            if item.conversation_id == keep:
                self.breaches.setCurrentItem(row)
        for column in range(4):
            self.breaches.resizeColumnToContents(column)
            # A long account or handle leaves room for the message (the tooltip has it all).
            self.breaches.setColumnWidth(column, min(self.breaches.columnWidth(column), 160))
        self.breaches.setColumnWidth(0, max(self.breaches.columnWidth(0), 90))

    def tick(self) -> None:
        """The countdowns, from the snapshot's due times and the clock: no query."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        now = self.clock()
        font = self.breaches.font()
        bold = QFont(font)
        bold.setBold(True)
        for number in range(self.breaches.topLevelItemCount()):
            row = self.breaches.topLevelItem(number)
            if row is None:
                continue
            item: Upcoming = row.data(0, _SORT_ROLE)
            left = item.seconds_left(now)
            if left <= 0:
                self._expired.add(item.conversation_id)
            row.setText(0, countdown_label(left))
            waited = 1.0 - left / item.target_s if item.target_s else 1.0
            row.setData(0, Qt.ItemDataRole.DecorationRole, waiting_colour(waited))
            row.setFont(0, bold)
        overdue = snapshot.overdue + len(self._expired)
        self.overdue.setText(
            self.tr("1 already overdue")
            if overdue == 1
            else self.tr("{0} already overdue").format(number_label(overdue))
        )
        if not self.breaches.topLevelItemCount():
            self.overdue.setText(
                self.overdue.text() + " · " + self.tr("nothing else waiting falls due")
            )
        self.overdue.setEnabled(overdue > 0)

    def _show_agents(self, agents: Sequence[Tile]) -> None:
        table = self.agents
        held = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        keep = held.data(_ID_ROLE) if held is not None else None
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(agents))
        for number, tile in enumerate(agents):
            figures = tile.figures
            first = figures.get("first_response") or {}
            handle = (figures.get("handle") or {}).get("p50")
            colour = QColor(PACE_COLOURS.get(tile.pace, NEUTRAL))
            count = figures.get("conversations")
            cells: list[tuple[str, Any]] = [
                (group_name(tile.key), (tile.key == UNASSIGNED, group_name(tile.key).lower())),
                (pace_word(tile.pace), _PACE_ORDER.get(tile.pace, len(_PACE_ORDER))),
                (number_label(int(count or 0)), count),
                (short_duration(first.get("p50")), first.get("p50")),
                (short_duration(first.get("p90")), first.get("p90")),
                (percent_label(figures.get("within_target_pct")), figures.get("within_target_pct")),
                (number_label(int(figures.get("breaches") or 0)), figures.get("breaches")),
                (number_label(int(figures.get("backlog") or 0)), figures.get("backlog")),
                (short_duration(handle), handle),
            ]  # fmt: skip
            for column, (text, key) in enumerate(cells):
                cell = _SortItem(text)
                cell.setData(_SORT_ROLE, key if key is not None else -1)
                if column == 0:
                    cell.setData(_ID_ROLE, tile.key)
                    cell.setToolTip(plain_tip(one_line(tile.key, 200)))
                elif column == 1:
                    cell.setData(Qt.ItemDataRole.DecorationRole, colour)
                else:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(number, column, cell)
        table.setSortingEnabled(True)
        for number in range(table.rowCount()):
            name = table.item(number, 0)
            if keep is not None and name is not None and name.data(_ID_ROLE) == keep:
                table.setCurrentCell(number, 0)

    # -- drill-down -------------------------------------------------------------------------------

    def _on_tile(self, tile: Tile) -> None:
        self.show_conversations(
            list(tile.conversation_ids),
            self.tr("{0}: today's conversations").format(group_name(tile.key)),
        )

    def _on_agent_row(self, index: Any) -> None:
        if self.snapshot is None or not index.isValid():
            return
        cell = self.agents.item(index.row(), 0)
        key = cell.data(_ID_ROLE) if cell is not None else None
        tile = next((t for t in self.snapshot.agents if t.key == key), None)
        if tile is not None:
            self._on_tile(tile)

    def _on_breach(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_conversation.emit(int(item.data(0, _ID_ROLE)))

    def overdue_ids(self) -> list[int]:
        """The waiting conversations past their target, soonest due first: the
        snapshot's, then those whose countdown ran out since."""
        snapshot = self.snapshot
        if snapshot is None:
            return []
        expired = [
            u.conversation_id for u in snapshot.upcoming if u.conversation_id in self._expired
        ]
        return [*snapshot.overdue_ids, *expired]

    def _on_overdue(self) -> None:
        ids = self.overdue_ids()
        if ids:
            self.show_conversations(ids, self.tr("Already overdue"))

    def _on_bar(self, number: int) -> None:
        ids = self.distribution.bar_ids(number)
        if ids:
            self.show_conversations(ids, self.distribution.bar_title(number))

    def _on_day(self, number: int) -> None:
        ids = self.trend.day_ids(number)
        if ids:
            self.show_conversations(ids, self.trend.day_title(number))

    def show_conversations(self, ids: list[int], title: str) -> None:
        """Says which conversations (``drill``) and lists them in a dialog of their own."""
        self.drill.emit(ids, title)
        snapshot = self.snapshot
        if snapshot is None:
            return
        since, now = snapshot.since, snapshot.now

        def load() -> list[ConversationFigures]:
            with self._lock:
                board = self._board
                if board is None:
                    return []
                return board.reporter.figures(since, now + timedelta(seconds=1), now)

        dialog = ConversationsDialog(title, ids, load, now, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_conversation)
        self.conversations_dialog = dialog
        dialog.show()

    # -- window ---------------------------------------------------------------------------------

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [
            *self.channel_tiles.tiles,
            *self.agent_tiles.tiles,
            self.breaches,
            self.overdue,
            self.distribution,
            self.trend,
            self.agents,
            self.refresh_button,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _restyle(self) -> None:
        dark = _is_dark(self)
        self.distribution.restyle(dark)
        self.trend.restyle(dark)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_timer.start()
        self.tick_timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.refresh_timer.stop()
        self.tick_timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.refresh_timer.stop()
        self.tick_timer.stop()
        super().closeEvent(event)
