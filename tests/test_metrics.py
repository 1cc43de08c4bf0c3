"""Service metrics from the event log, with expectations worked out by hand, on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from socialdesk.desk import Desk
from socialdesk.domain import Author, Direction, MessageKind, Network
from socialdesk.hours import BusinessHours
from socialdesk.ingest import Ingestor
from socialdesk.metrics import (
    GAP_PATIENCE,
    FactsBook,
    Reporter,
    ReportError,
    parse_since,
    percentile,
)
from socialdesk.models import Conversation, ConversationFact, Event, ResponseFact
from socialdesk.policies import PolicyBook
from socialdesk.sla import ServiceLevels, Targets
from socialdesk.store import Store

from .conftest import T0, MessageFactory

OUT = Direction.OUTBOUND
NOW = T0 + timedelta(hours=2)


def person(n: int) -> Author:
    return Author(f"u{n}", f"person{n}", f"Person {n}", 10)


def conversation_id(store: Store, key: str) -> int:
    with store.connect() as conn:
        found = conn.execute(
            select(Conversation.id).where(Conversation.external_key == key)
        ).scalar_one()
    return int(found)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def facts(store: Store, key: str) -> ConversationFact:
    with store.session() as session:
        row = session.get(ConversationFact, conversation_id(store, key))
        assert row is not None
        session.expunge(row)
        return row


# -- percentiles ------------------------------------------------------------------------------


def test_nearest_rank_percentiles_by_hand() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    assert percentile(values, 50) == 5.0  # the 5th of 10
    assert percentile(values, 90) == 9.0
    assert percentile(values, 95) == 10.0  # ceil(9.5) = 10th
    assert percentile(values, 0) == 1.0
    assert percentile([42.0], 99) == 42.0
    assert percentile([], 50) is None
    # Never an average of neighbours: p50 of two values is the first of them.
    assert percentile([10.0, 1000.0], 50) == 10.0


# -- a small day of care ----------------------------------------------------------------------


@pytest.fixture
def day(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> Clock:
    """Five conversations on X, Friday 20 November 2026 from 09:00 UTC:

    q1  asked at 0, answered by ann at 10; asked again at 20, answered at 60; resolved at 70
    q2  asked at 0, answered at 30 (late); resolved at 40; asked again at 45 (reopens),
        answered at 50, resolved at 55
    q3  asked at 0, never answered (overdue by 09:15)
    q4  asked at 115, not answered yet (due at 130; the report runs at 120)
    q5  asked at 0, set pending at 5, customer writes at 25 (reopens), answered at 35:
        20 minutes parked, so 15 minutes on the clock
    """
    clock = Clock()
    desk = Desk(store, clock=clock)
    msg = make_message
    ingestor.ingest(
        [
            msg("q1", text="what time do you open on sunday?", author=person(1)),
            msg("q2", text="what time do you open on monday?", author=person(2)),
            msg("q3", text="what time do you open on tuesday?", author=person(3)),
            msg("q5", text="what time do you open on friday?", author=person(5)),
        ]
    )
    clock.now = at(2)
    desk.assign(conversation_id(store, "q1"), "ann", actor="sue")
    clock.now = at(5)
    desk.set_status(conversation_id(store, "q5"), "pending", actor="ann")
    ingestor.ingest(
        [
            msg("a1", minutes=10, direction=OUT, in_reply_to="q1", text="at 10"),
            msg("q1b", minutes=20, in_reply_to="a1", text="and on holidays?", author=person(1)),
            msg("q5b", minutes=25, in_reply_to="q5", text="hello?", author=person(5)),
            msg("a2", minutes=30, direction=OUT, in_reply_to="q2", text="at 9"),
            msg("a5", minutes=35, direction=OUT, in_reply_to="q5b", text="at 8"),
        ]
    )
    clock.now = at(40)
    desk.set_status(conversation_id(store, "q2"), "resolved", actor="ann")
    ingestor.ingest(
        [msg("q2b", minutes=45, in_reply_to="a2", text="and saturday?", author=person(2))]
    )
    ingestor.ingest(
        [
            msg("a2b", minutes=50, direction=OUT, in_reply_to="q2b", text="10 then"),
            msg("a1b", minutes=60, direction=OUT, in_reply_to="q1b", text="closed"),
        ]
    )
    clock.now = at(55)
    desk.set_status(conversation_id(store, "q2"), "resolved", actor="ann")
    clock.now = at(70)
    desk.set_status(conversation_id(store, "q1"), "resolved", actor="ann")
    ingestor.ingest(
        [msg("q4", minutes=115, text="what time do you open on saturday?", author=person(4))]
    )
    return clock


def test_each_conversations_facts_by_hand(store: Store, day: Clock) -> None:
    assert FactsBook(store).refresh(BusinessHours.round_the_clock(), NOW) == 5
    q1 = facts(store, "q1")
    assert q1.started_at == at(0).timestamp()
    assert q1.first_response_at == at(10).timestamp()
    assert q1.first_response_s == 600
    assert q1.agent == "ann"  # assigned before the reply; the reply came from the network
    assert q1.resolved_at == at(70).timestamp()
    assert q1.resolution_s == 70 * 60
    assert (q1.replies, q1.replies_to_resolution, q1.reopened, q1.next_responses) == (2, 2, 0, 1)

    q2 = facts(store, "q2")
    assert q2.first_response_s == 30 * 60
    assert q2.agent is None
    assert q2.reopened == 1
    # Resolved at 40, reopened at 45, resolved again at 55: the clock was stopped from
    # 40 to 45, so 50 minutes of it to the final resolution.
    assert q2.resolution_s == 50 * 60
    assert q2.replies_to_resolution == 2

    q3 = facts(store, "q3")
    assert q3.first_response_s is None and q3.resolved_at is None

    q5 = facts(store, "q5")
    assert q5.first_response_s == 15 * 60  # 35 minutes, 20 of them pending
    assert q5.first_response_at == at(35).timestamp()

    with store.session() as session:
        nexts = session.scalars(select(ResponseFact).order_by(ResponseFact.asked_at)).all()
        assert [(r.asked_at, r.seconds) for r in nexts] == [
            (at(20).timestamp(), 40 * 60),
            (at(45).timestamp(), 5 * 60),
        ]


def test_report_by_channel_by_hand(store: Store, day: Clock) -> None:
    report = Reporter(store, ServiceLevels()).report(T0, NOW, by="channel", now=NOW)
    (x,) = report.as_json()["groups"]
    assert x["key"] == "x"
    assert x["conversations"] == 5
    assert x["answered"] == 3
    # First responses 600, 1800, 900: sorted 600, 900, 1800.
    assert x["first_response"] == {"p50": 900.0, "p90": 1800.0, "p95": 1800.0, "mean": 1100.0}
    assert x["target_s"] == 900
    # q1 and q5 within 15 minutes, q2 late, q3 overdue unanswered; q4 not due yet.
    assert x["within_target_pct"] == 50.0
    assert x["breaches"] == 2
    assert x["resolved"] == 2
    assert x["resolution"] == {"p50": 3000.0, "p90": 4200.0}
    assert x["replies_to_resolution_mean"] == 2.0
    assert x["first_contact_resolution_pct"] == 0.0
    assert x["backlog"] == 2  # q3 and q4 wait
    assert x["next_response"]["count"] == 2
    assert x["benchmark"]["customers_expect_s"] == 900
    assert "Jitbit" in x["benchmark"]["source"]


def test_report_by_agent_and_day(store: Store, day: Clock) -> None:
    reporter = Reporter(store, ServiceLevels())
    by_agent = {g["key"]: g for g in reporter.report(T0, NOW, by="agent").as_json()["groups"]}
    assert by_agent["ann"]["conversations"] == 1
    assert by_agent["ann"]["first_response"]["p50"] == 600.0
    assert by_agent["(unassigned)"]["conversations"] == 4
    by_day = reporter.report(T0 - timedelta(days=1), NOW, by="day", now=NOW).as_json()
    assert [g["key"] for g in by_day["groups"]] == ["2026-11-20"]
    by_hour = reporter.report(T0, NOW, by="hour", now=NOW).as_json()
    assert [(g["key"], g["conversations"]) for g in by_hour["groups"]] == [
        ("09:00", 4),
        ("10:00", 1),
    ]


def test_the_period_bounds_which_conversations_count(store: Store, day: Clock) -> None:
    reporter = Reporter(store, ServiceLevels())
    early = reporter.report(T0, at(60), now=NOW).as_json()["total"]
    assert early["conversations"] == 4  # q4 started at 115
    with pytest.raises(ReportError, match="ends before it starts"):
        reporter.report(NOW, T0)
    with pytest.raises(ReportError, match="cannot group by"):
        reporter.report(T0, NOW, by="weather")


def test_an_accounts_own_policy_judges_its_conversations(store: Store, day: Clock) -> None:
    book = PolicyBook(store)
    ((account_id, network, _name),) = book.accounts()
    assert network == "x"
    book.set_policy(account_id, "public", Targets(1800, 3600, 86400, 95.0))
    report = Reporter(store, book.levels()).report(T0, NOW, now=NOW).as_json()["total"]
    assert report["target_s"] == 1800
    # 30 minutes is within target now; q3 still overdue; q4 (due at 145) not yet.
    assert report["within_target_pct"] == 75.0
    assert report["breaches"] == 1
    assert report["goal_pct"] == 95.0


def test_new_events_are_read_incrementally(
    store: Store, day: Clock, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    book = FactsBook(store)
    hours = BusinessHours.round_the_clock()
    assert book.refresh(hours, NOW) == 5
    assert book.refresh(hours, NOW) == 0  # nothing new
    ingestor.ingest([make_message("a3", minutes=119, direction=OUT, in_reply_to="q3", text="hi")])
    assert book.refresh(hours, NOW) == 1
    assert facts(store, "q3").first_response_s == 119 * 60
    # Other business hours work every conversation out again.
    office = BusinessHours.weekly("UTC", {"mon-fri": ["09:00-17:00"]})
    assert book.refresh(office, NOW) == 5


def test_an_event_committed_late_below_the_read_mark_is_still_read(
    store: Store, day: Clock
) -> None:
    """PostgreSQL hands out ids before commit: a transaction can commit an event whose id
    is below one already read. Missing ids are remembered and read when they turn up;
    after ``GAP_PATIENCE`` they are taken for a rollback and forgotten."""
    book = FactsBook(store)
    hours = BusinessHours.round_the_clock()
    book.refresh(hours, NOW)
    q1, q3 = conversation_id(store, "q1"), conversation_id(store, "q3")
    with store.session() as session:
        newest = session.scalar(select(Event.id).order_by(Event.id.desc()).limit(1))
    assert newest is not None

    def event(conversation: int, number: int, kind: str = "noted", data: str = "{}") -> None:
        with store.session() as session:
            session.add(
                Event(conversation_id=conversation, type=kind, at=NOW, actor="x", data=data,
                      id=number)
            )  # fmt: skip

    event(q3, newest + 2)  # newest + 1 is still being written
    assert book.refresh(hours, NOW) == 1
    assert book.refresh(hours, NOW) == 0  # nothing new
    handled = '{"seconds": 90, "composing": 0}'
    event(q1, newest + 1, "handled", handled)  # it commits
    assert book.refresh(hours, NOW + timedelta(minutes=1)) == 1
    assert facts(store, "q1").handle_s == 90
    event(q3, newest + 4)  # newest + 3 never commits
    assert book.refresh(hours, NOW) == 1
    later = NOW + GAP_PATIENCE + timedelta(minutes=1)
    assert book.refresh(hours, later) == 0
    event(q1, newest + 3, "handled", handled)  # too late: long forgotten
    assert book.refresh(hours, later) == 0


def test_refreshes_at_the_same_time_do_not_trip_over_each_other(store: Store, day: Clock) -> None:
    import threading

    errors: list[BaseException] = []

    def refresh() -> None:
        try:
            FactsBook(store).refresh(BusinessHours.round_the_clock(), NOW)
        except BaseException as exc:  # handed to the test
            errors.append(exc)

    threads = [threading.Thread(target=refresh) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.connect() as conn:
        count = conn.execute(select(func.count()).select_from(ConversationFact)).scalar()
    assert count == 5


def test_business_hours_clock_from_friday_to_monday(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """Asked Friday 16:45, answered Monday 09:20, office hours 09:00-17:00 weekdays:
    15 minutes on Friday and 20 on Monday."""
    ingestor.ingest(
        [
            make_message("f1", minutes=7 * 60 + 45, text="is the shop open?", author=person(1)),
            make_message(
                "f2", minutes=3 * 1440 + 20, direction=OUT, in_reply_to="f1", text="now it is"
            ),
        ]
    )
    hours = BusinessHours.weekly("UTC", {"mon-fri": ["09:00-17:00"]})
    book = PolicyBook(store)
    book.set_hours(hours)
    ((account_id, _network, _name),) = book.accounts()
    book.set_policy(account_id, "public", Targets(1800, 1800, 86400, 80.0, business_hours=True))
    levels = book.levels()
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    reporter = Reporter(store, levels)
    calendar = reporter.report(T0, now, now=now).as_json()["total"]
    business = reporter.report(T0, now, business=True, now=now).as_json()["total"]
    assert calendar["first_response"]["p50"] == (2 * 1440 + 16 * 60 + 35) * 60
    assert business["first_response"]["p50"] == 35 * 60
    # The policy runs on business hours: 35 working minutes against 30 is late in both.
    assert calendar["breaches"] == business["breaches"] == 1
    (row,) = reporter.figures(T0, now, now)
    assert row.due_at == datetime(2026, 11, 23, 9, 15, tzinfo=UTC).timestamp()
    assert row.first_response_bs == 35 * 60


def test_handle_time_is_added_up(store: Store, day: Clock) -> None:
    desk = Desk(store, clock=day)
    q1 = conversation_id(store, "q1")
    desk.record_handling(q1, 120, 45, actor="ann")
    desk.record_handling(q1, 30, 0, actor="ann")
    desk.record_handling(q1, 0.4, 0, actor="ann")  # too short to count
    total = Reporter(store, ServiceLevels()).report(T0, NOW, now=NOW).as_json()["total"]
    assert total["handle"] == {"conversations": 1, "p50": 150.0, "mean": 150.0}


def test_a_reply_found_by_sync_counts_as_the_first_response(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """A reply typed on the network (not in SocialDesk) and fetched later still ends
    the wait: its time is the network's, not the fetch's."""
    ingestor.ingest([make_message("s1", text="hello?", kind=MessageKind.MENTION)])
    ingestor.ingest(
        [make_message("s2", minutes=12, direction=OUT, in_reply_to="s1", text="hi there")]
    )
    total = Reporter(store, ServiceLevels()).report(T0, NOW, now=NOW).as_json()["total"]
    assert total["first_response"]["p50"] == 720.0


def test_keyword_hits_and_reddit_use_their_own_targets(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("k1", kind=MessageKind.KEYWORD_HIT, text="brand app is ok i guess"),
            make_message(
                "r1", network=Network.REDDIT, account="u/Brand", text="what time is it open?"
            ),
        ]
    )
    rows = {r.network + r.kind: r for r in Reporter(store, ServiceLevels()).figures(T0, NOW, NOW)}
    assert rows["xkeyword_hit"].targets.first_response_s == 3600
    assert rows["redditpublic"].targets.first_response_s == 3600
    # Asked at 09:00 with an hour's target: overdue when the report runs at 11:00.
    assert rows["xkeyword_hit"].met is False
    assert rows["xkeyword_hit"].due_at == at(60).timestamp()


def test_parse_since() -> None:
    zone = ZoneInfo("Europe/Istanbul")
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    assert parse_since("7d", now, zone) == now - timedelta(days=7)
    assert parse_since("12h", now, zone) == now - timedelta(hours=12)
    # A date is midnight where the team works.
    assert parse_since("2026-11-01", now, zone) == datetime(2026, 10, 31, 21, tzinfo=UTC)
    with pytest.raises(ReportError, match="not a time"):
        parse_since("last tuesday", now, zone)


def test_the_inbox_countdown_pauses_as_the_report_does(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """Asked at 09:00, parked as pending at 09:05 without an answer, reopened by the
    customer at 09:25: 5 minutes ran before the pause, so the 15-minute target falls
    due at 09:35, in the inbox, the wallboard and the report alike."""
    from socialdesk.inbox import Inbox
    from socialdesk.wallboard import Wallboard

    clock = Clock()
    desk = Desk(store, clock=clock)
    ingestor.ingest([make_message("p1", text="what time do you open on sunday?")])
    cid = conversation_id(store, "p1")
    clock.now = at(5)
    desk.set_status(cid, "pending", actor="ann")
    ingestor.ingest([make_message("p2", minutes=25, in_reply_to="p1", text="hello??")])
    (row,) = Inbox(store).page(now=at(30))
    assert row.due_at == at(35)
    assert "waiting 30 min, target 15 min, 5 min left" in row.reasons
    assert desk.conversation(cid, now=at(30)).due_at == at(35)
    upcoming, overdue = Wallboard(store, ServiceLevels()).upcoming(at(30))
    assert [(u.conversation_id, u.due_at) for u in upcoming] == [(cid, at(35))]
    assert overdue == 0
    ingestor.ingest(
        [make_message("p3", minutes=34, direction=OUT, in_reply_to="p2", text="9 to 5")]
    )
    (figures,) = Reporter(store, ServiceLevels()).figures(T0, at(60), at(60))
    assert figures.first_response_s == 14 * 60 and figures.met is True


def test_a_later_customer_message_waits_on_the_next_response_target(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """Answered once, asked again: the countdown is the next response's (30 min for an
    X question), as the report judges it."""
    from socialdesk.inbox import Inbox

    ingestor.ingest(
        [
            make_message("n1", text="what time do you open on sunday?"),
            make_message("n2", minutes=5, direction=OUT, in_reply_to="n1", text="at ten"),
            make_message("n3", minutes=20, in_reply_to="n2", text="and on monday?"),
        ]
    )
    (row,) = Inbox(store).page(now=at(30))
    assert row.target_s == 1800 and row.due_at == at(50)
    assert "waiting 10 min, target 30 min, 20 min left" in row.reasons


def test_the_report_pauses_an_unanswered_conversation_too(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    clock = Clock()
    desk = Desk(store, clock=clock)
    ingestor.ingest([make_message("u1", text="what time do you open on sunday?")])
    cid = conversation_id(store, "u1")
    clock.now = at(1)
    desk.set_status(cid, "pending", actor="ann")
    clock.now = at(3 * 1440)
    desk.set_status(cid, "open", actor="ann")
    (row,) = Reporter(store, ServiceLevels()).figures(T0, at(10), at(3 * 1440 + 5))
    assert row.due_at == at(3 * 1440 + 14).timestamp()  # 1 minute ran before the pause
    assert row.met is None and not row.breached


def test_who_answered_resolving_and_what_counts_as_a_reply(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    clock = Clock()
    desk = Desk(store, clock=clock)
    ingestor.ingest(
        [
            # The brand's own post, then a customer's comment on it, answered once.
            make_message("post", direction=OUT, text="our new app is out", conversation="t"),
            make_message("c1", minutes=2, in_reply_to="post", text="it crashes", conversation="t"),
            make_message("r1", minutes=9, direction=OUT, in_reply_to="c1", text="fixed",
                         conversation="t"),
            make_message("w1", text="anyone there?", author=person(7)),
        ]
    )  # fmt: skip
    thread, waiting = conversation_id(store, "t"), conversation_id(store, "w1")
    clock.now = at(3)
    desk.assign(waiting, "bea", actor="sue")
    clock.now = at(20)
    desk.set_status(thread, "resolved", actor="ann")
    FactsBook(store).refresh(BusinessHours.round_the_clock(), at(30))
    with store.session() as session:
        post = session.get(ConversationFact, thread)
        assert post is not None
        assert (post.replies, post.replies_to_resolution) == (1, 1)  # not the post itself
        assigned = session.get(ConversationFact, waiting)
        assert assigned is not None and assigned.agent == "bea"  # unanswered, still hers
    # Resolved, then parked, then back at work: that is a reopening too.
    clock.now = at(25)
    desk.set_status(thread, "pending", actor="ann")
    clock.now = at(26)
    desk.set_status(thread, "open", actor="ann")
    FactsBook(store).refresh(BusinessHours.round_the_clock(), at(30))
    (row,) = [r for r in Reporter(store, ServiceLevels()).figures(T0, at(30), at(30))
              if r.conversation_id == thread]  # fmt: skip
    assert row.reopened == 1 and row.resolved_at is None and not row.fcr


def test_the_first_message_chooses_the_policy(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """A keyword hit (an hour's target) answered in 30 minutes stays within target when
    the customer then writes to the brand directly."""
    ingestor.ingest(
        [
            make_message("k1", kind=MessageKind.KEYWORD_HIT, text="is brand any good?"),
            make_message("k2", minutes=30, direction=OUT, in_reply_to="k1", text="we think so"),
            make_message("k3", minutes=40, in_reply_to="k2", text="@Brand great, thanks"),
        ]
    )
    (row,) = Reporter(store, ServiceLevels()).figures(T0, NOW, NOW)
    assert row.kind == "keyword_hit" and row.met is True


def test_accounts_with_the_same_name_stay_apart(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("a", account="@Brand"),
            make_message("b", account="u/Brand", network=Network.REDDIT),
        ]
    )
    from socialdesk.models import Account

    with store.session() as session:
        for account in session.scalars(select(Account)):
            account.display_name = "Brand Support"
    groups = Reporter(store, ServiceLevels()).report(T0, NOW, by="account", now=NOW).groups
    assert sorted(g.key for g in groups) == [
        "Brand Support (reddit:brand)",
        "Brand Support (x:brand)",
    ]


def test_targets_have_sensible_bounds() -> None:
    from socialdesk.sla import PolicyError

    with pytest.raises(PolicyError, match="a year at most"):
        Targets(366 * 86400, 900, 900, 80.0)
    with pytest.raises(PolicyError, match="must be positive"):
        Targets(0, 900, 900, 80.0)


def test_a_database_that_refuses_writes_still_gets_its_report(
    store: Store, day: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bringing the facts up to date writes; a read-only (or busy) database refuses. The
    report then shows the facts as last worked out, and says why they may be behind."""
    from socialdesk.store import StoreError

    reporter = Reporter(store, ServiceLevels())
    before = reporter.report(T0, NOW, now=NOW).as_json()
    assert before["stale"] is None

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise StoreError("the database is read-only")

    monkeypatch.setattr(FactsBook, "refresh", refuse)
    after = reporter.report(T0, NOW, now=NOW).as_json()
    assert after["stale"] == "the database is read-only"
    assert after["groups"] == before["groups"]
