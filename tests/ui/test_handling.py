"""Handle time: the clock that counts how long an agent has a conversation open, and
the conversation controller recording it in the event log."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from socialdesk.desk import Desk
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation, Event
from socialdesk.store import Store
from ui.conversation_pane import ConversationController, ConversationPane
from ui.handling import IDLE_AFTER_S, HandlingClock

from ..conftest import MessageFactory


class Fake:
    def __init__(self) -> None:
        self.now = 1000.0
        self.active = True
        self.pointer = QPoint(0, 0)

    def run(self, clock: HandlingClock, seconds: int) -> None:
        """``seconds`` ticks, one a second."""
        for _ in range(seconds):
            self.now += 1
            clock.tick()


def make(qtbot, fake: Fake) -> tuple[HandlingClock, list[tuple[int, float, float]]]:  # type: ignore[no-untyped-def]
    recorded: list[tuple[int, float, float]] = []
    clock = HandlingClock(
        lambda *a: recorded.append(a),
        clock=lambda: fake.now,
        active=lambda: fake.active,
        pointer=lambda: fake.pointer,
    )
    clock._timer.stop()  # the test ticks by hand
    return clock, recorded


def test_time_with_a_conversation_open_is_recorded_when_the_agent_moves_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    fake = Fake()
    clock, recorded = make(qtbot, fake)
    clock.open(7)
    fake.run(clock, 30)
    clock.composing()
    fake.run(clock, 10)
    clock.open(8)  # moving on records 7
    assert recorded == [(7, 40.0, 10.0)]
    fake.run(clock, 5)
    clock.open(8)  # the same conversation again: nothing happens
    clock.stop()
    assert recorded == [(7, 40.0, 10.0), (8, 5.0, 0.0)]


def test_an_inactive_app_or_an_idle_agent_stops_the_clock(qtbot) -> None:  # type: ignore[no-untyped-def]
    fake = Fake()
    clock, recorded = make(qtbot, fake)
    clock.open(1)
    fake.run(clock, 10)
    fake.active = False  # another application in front
    fake.run(clock, 60)
    fake.active = True
    fake.run(clock, int(IDLE_AFTER_S) + 100)  # nobody touches anything
    counted = clock.seconds
    # Counted up to the idle limit after the last input (opening it, at 0 s): 10 s, then
    # nothing while inactive (to 70 s), then from 70 s to 300 s.
    assert counted == 10 + IDLE_AFTER_S - 70
    fake.pointer = QPoint(5, 5)  # the agent is back
    fake.run(clock, 3)
    assert clock.seconds == counted + 3
    clock.stop()
    assert recorded == [(1, counted + 3, 0.0)]


def test_a_late_tick_counts_no_more_than_two_and_short_stretches_are_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    fake = Fake()
    clock, recorded = make(qtbot, fake)
    clock.open(1)
    fake.now += 3600  # the laptop slept; the agent wakes it with the mouse
    fake.pointer = QPoint(9, 9)
    clock.tick()
    assert clock.seconds == 2.0
    clock.open(2)
    clock.open(3)  # 2 was open for no time at all
    assert recorded == [(1, 2.0, 0.0)]


def test_the_controller_records_handle_time_in_the_event_log(  # type: ignore[no-untyped-def]
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("a", text="where is my parcel?"), make_message("b", minutes=1)])
    with store.connect() as conn:
        first, second = conn.execute(select(Conversation.id).order_by(Conversation.id)).scalars()
    fake = Fake()
    pane = ConversationPane()
    qtbot.addWidget(pane)
    controller = ConversationController(
        pane, Desk(store), "ann", clock=lambda: fake.now, active=lambda: True
    )
    controller.handling._timer.stop()
    controller.show(first)
    qtbot.waitUntil(lambda: controller.current is not None, timeout=5_000)
    fake.run(controller.handling, 20)
    pane.composer.setPlainText("On its way")  # typing marks composing
    fake.run(controller.handling, 5)
    controller.show(second)
    fake.run(controller.handling, 3)
    controller.close()

    def logged() -> list[tuple[int, str | None, dict[str, float]]]:
        with store.connect() as conn:
            rows = conn.execute(
                select(Event.conversation_id, Event.actor, Event.data)
                .where(Event.type == "handled")
                .order_by(Event.id)
            ).all()
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    qtbot.waitUntil(lambda: len(logged()) == 2, timeout=5_000)
    # Each stretch is written on a pool thread: the two may land in either order.
    assert sorted(logged(), key=lambda row: row[0]) == [
        (first, "ann", {"seconds": 25.0, "composing": 5.0}),
        (second, "ann", {"seconds": 3.0, "composing": 0.0}),
    ]
    QApplication.processEvents()
