"""Where service levels are kept (policies per account and kind, business hours), and the
demo team's history, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from socialdesk.demo import generate_demo
from socialdesk.demo_history import DEMO_AGENTS, add_demo_history
from socialdesk.hours import BusinessHours, ScheduleError
from socialdesk.ingest import Ingestor
from socialdesk.metrics import Reporter
from socialdesk.models import Conversation, Event
from socialdesk.policies import PolicyBook
from socialdesk.sla import PolicyError, Targets, default_targets
from socialdesk.store import Store

from .conftest import MessageFactory


def test_policies_per_account_and_kind(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("1"), make_message("2", account="@Other")])
    book = PolicyBook(store)
    (brand, other) = sorted(book.accounts(), key=lambda a: a[2])
    assert brand[2] == "@Brand" and other[2] == "@Other"
    targets, own = book.policy(brand[0], "public")
    assert (targets, own) == (default_targets("x", "public"), False)
    mine = Targets(600, 1200, 7200, 95.0, business_hours=True)
    book.set_policy(brand[0], "public", mine)
    book.set_policy(brand[0], "public", mine)  # setting it again changes nothing
    assert book.policy(brand[0], "public") == (mine, True)
    assert book.policy(other[0], "public") == (default_targets("x", "public"), False)
    levels = book.levels()
    assert levels.policy(brand[0], "x", "public") == mine
    assert levels.policy(other[0], "x", "public") == default_targets("x", "public")
    assert levels.policy(None, "x", "keyword_hit").first_response_s == 3600
    assert book.reset_policy(brand[0], "direct_message") == 0
    assert book.reset_policy(brand[0]) == 1
    assert book.policy(brand[0], "public")[1] is False
    with pytest.raises(PolicyError, match="is not a kind"):
        book.set_policy(brand[0], "tweets", mine)
    with pytest.raises(PolicyError, match="there is no account 999"):
        book.set_policy(999, "public", mine)


def test_business_hours_are_kept_for_the_team(store: Store) -> None:
    book = PolicyBook(store)
    assert book.hours().always_open
    office = BusinessHours.weekly(
        "Europe/London", {"mon-fri": ["09:00-17:00"], "sat": ["22:00-06:00"]}, [date(2026, 12, 25)]
    )
    book.set_hours(office)
    assert book.hours() == office
    assert book.levels().hours == office
    book.set_hours(BusinessHours.round_the_clock())
    assert book.hours().always_open
    with store.session() as session:
        session.execute(text("UPDATE workspace_settings SET value = '{broken'"))
    with pytest.raises(ScheduleError, match="set them again"):
        book.hours()


def test_the_demo_team_history_is_added_once(store: Store, ingestor: Ingestor) -> None:
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    ingestor.ingest(generate_demo(seed=3, conversations=120, now=now))
    touched = add_demo_history(store, now)
    assert touched > 50
    assert add_demo_history(store, now) == 0  # idempotent
    with store.connect() as conn:
        agents = set(
            conn.execute(select(Conversation.assignee).where(Conversation.assignee.is_not(None)))
            .scalars()
            .all()
        )
        resolved = conn.execute(
            select(func.count()).select_from(Conversation).where(Conversation.status == "resolved")
        ).scalar()
        handled = conn.execute(
            select(func.count()).select_from(Event).where(Event.type == "handled")
        ).scalar()
        latest = conn.execute(select(func.max(Event.at))).scalar()
    assert agents == set(DEMO_AGENTS)
    assert resolved and resolved > 10
    assert handled == touched
    assert latest is not None and latest <= now  # nothing happens in the future
    report = Reporter(store, PolicyBook(store).levels()).report(
        now - timedelta(days=15), now, by="agent", now=now
    )
    keys = {g["key"] for g in report.as_json()["groups"]}
    assert set(DEMO_AGENTS) <= keys
    total = report.as_json()["total"]
    assert total["resolved"] == resolved
    assert total["handle"]["conversations"] == touched
