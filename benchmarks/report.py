"""report: response-time reports and the wallboard on a store of 1,000,000 messages
(``--messages N`` changes it).

    python -m benchmarks report --json

The store is the inbox benchmark's (demo threads from successive seeds), copied once
and given the demo team's history (assignments, handling, resolutions), so that "by
agent" has agents. Figures:

- ``facts_build_s``: working out every conversation's facts from the event log the
  first time (once per store, and again when the business hours change);
- ``seconds``: a 30-day report by channel and one by agent, each with exact
  percentiles, the slower of the two (median of five runs, each from a fresh
  ``Reporter`` that first checks the event log for anything new);
- ``by_channel_s``, ``by_agent_s``: those medians;
- ``business_hours_s``: the 30-day report by channel in business time (09:00-17:00
  on weekdays), after its facts are built;
- ``wallboard_s``: the wallboard's refresh (today's tiles by channel and agent, the next
  breaches, the distribution and the 14-day trend), median of five after the first;
- ``wallboard_after_event_s``: the same with an agent's note written before each
  refresh (the facts read it; the day it touches is worked out again);
- ``wallboard_after_message_s``: the same with a customer's new message ingested before
  each refresh (every waiting conversation's due time is worked out again too);
- ``conversations``: how many conversations the 30-day report covers.
Targets: 2 s for the reports, 0.5 s for the wallboard.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.inbox import DEFAULT_MESSAGES, build_store

RUNS = 5


def _store_for(messages: int) -> Path:
    from socialdesk.demo_history import add_demo_history
    from socialdesk.store import Store

    source = build_store(messages)
    path = source.with_name(f"socialdesk-bench-report-{messages}.db")
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    path.unlink(missing_ok=True)
    shutil.copyfile(source, path)
    store = Store.open(f"sqlite:///{path}")
    try:
        add_demo_history(store)
    finally:
        store.close()
    done.write_text(str(messages))
    return path


def _median(fn: Any) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import text

    from socialdesk.desk import Desk
    from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network, utcnow
    from socialdesk.hours import BusinessHours
    from socialdesk.ingest import Ingestor
    from socialdesk.metrics import FactsBook, Reporter
    from socialdesk.policies import PolicyBook
    from socialdesk.sla import ServiceLevels
    from socialdesk.store import Store
    from socialdesk.triage import TriageScorer
    from socialdesk.wallboard import Wallboard

    messages = args.messages or DEFAULT_MESSAGES
    path = _store_for(messages)
    store = Store.open(f"sqlite:///{path}")
    try:
        PolicyBook(store).set_hours(BusinessHours.round_the_clock())
        levels = PolicyBook(store).levels()
        with store.session() as session:  # forget the facts: time building them all
            session.execute(text("DELETE FROM facts_state"))
        start = time.perf_counter()
        FactsBook(store).refresh(levels.hours)
        facts_build = time.perf_counter() - start
        now = utcnow()
        since = now - timedelta(days=30)

        def report(by: str, business: bool = False, use: ServiceLevels = levels) -> Any:
            return Reporter(store, use).report(since, now, by=by, business=business, now=now)

        by_channel = _median(lambda: report("channel"))
        by_agent = _median(lambda: report("agent"))
        covered = report("channel").as_json()["total"]["conversations"]

        office = BusinessHours.weekly("UTC", {"mon-fri": ["09:00-17:00"]})
        office_levels = ServiceLevels(hours=office)
        FactsBook(store).refresh(office)  # rebuilt for the new hours, not timed here
        business = _median(lambda: report("channel", True, office_levels))
        FactsBook(store).refresh(levels.hours)  # back to round the clock

        board = Wallboard(store, levels)
        board.snapshot()
        wallboard = _median(board.snapshot)
        # And with something new each time: an agent's note on a busy conversation.
        desk = Desk(store)
        with store.connect() as conn:
            busy = int(conn.execute(text("SELECT MAX(id) FROM conversations")).scalar_one())

        def after_event() -> None:
            desk.note(busy, "benchmark note", actor="bench")
            board.snapshot()

        wallboard_after_event = _median(after_event)
        # And with a customer's new message each time: every due time is worked out again.
        ingestor = Ingestor(store, TriageScorer())
        sent = iter(range(1_000_000))

        def after_message() -> None:
            number = next(sent)
            ingestor.ingest(
                [
                    IncomingMessage(
                        network=Network.X,
                        external_id=f"bench-report-{time.time_ns()}-{number}",
                        kind=MessageKind.MENTION,
                        direction=Direction.INBOUND,
                        author=Author(f"bench{number}", f"bench{number}"),
                        account="@NimbusCare",
                        created_at=utcnow(),
                        text="where is my parcel? still waiting",
                    )
                ]
            )
            board.snapshot()

        wallboard_after_message = _median(after_message)
    finally:
        store.close()
    return {
        "messages": messages,
        "conversations": covered,
        "seconds": round(max(by_channel, by_agent), 3),
        "by_channel_s": round(by_channel, 3),
        "by_agent_s": round(by_agent, 3),
        "business_hours_s": round(business, 3),
        "wallboard_s": round(wallboard, 3),
        "wallboard_after_event_s": round(wallboard_after_event, 3),
        "wallboard_after_message_s": round(wallboard_after_message, 3),
        "facts_build_s": round(facts_build, 2),
    }
