"""The queue's views, sorts, counts, search and ageing, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from socialdesk import queue
from socialdesk.domain import Author, Direction, MessageKind, Network
from socialdesk.inbox import SORTS, VIEWS, Inbox, QueueQuery
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation
from socialdesk.store import Store

from .conftest import T0, MessageFactory

OUT = Direction.OUTBOUND


@pytest.fixture
def inbox(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> Inbox:
    """A small inbox with something for every view."""

    def person(n: int, followers: int = 10) -> Author:
        return Author(f"u{n}", f"person{n}", f"Person {n}", followers)

    ingestor.ingest(
        [
            make_message("c1", text="my parcel never arrived, worst service", author=person(1)),
            make_message("q1", minutes=1, text="what time do you open?", author=person(2)),
            make_message(
                "d1",
                minutes=2,
                kind=MessageKind.DIRECT_MESSAGE,
                text="charged twice, refund please",
                author=person(3),
            ),
            make_message(
                "k1",
                minutes=3,
                kind=MessageKind.KEYWORD_HIT,
                text="anyone else find the Brand app keeps crashing?",
                author=person(4),
            ),
            make_message("p1", minutes=4, text="love the new update", author=person(5)),
            make_message("a1", minutes=6, direction=OUT, in_reply_to="p1", text="thank you!"),
            make_message(
                "r1", minutes=5, network=Network.REDDIT, text="router is dead again",
                author=person(6), account="u/Brand",
            ),
        ]
    )  # fmt: skip
    with store.session() as s:
        s.execute(text("UPDATE conversations SET assignee = 'ann' WHERE external_key = 'q1'"))
    return Inbox(store)


def handles(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.author_handle for r in rows]


def test_views_hold_what_their_names_say(inbox: Inbox, store: Store) -> None:
    def view(name: str, **kw: object) -> set[str]:
        return set(handles(inbox.page(QueueQuery(view=name, agent="ann", **kw))))  # type: ignore[arg-type]

    everyone = {f"person{n}" for n in range(1, 7)}
    assert view("inbox") == everyone
    assert view("needs_reply") == everyone - {"person5"}  # answered
    assert view("complaints") == {"person1", "person3", "person6"}
    assert view("mine") == {"person2"}
    assert view("unassigned") == everyone - {"person2"}
    assert view("direct") == {"person3"}
    assert view("public") == everyone - {"person3"}
    assert view("keyword") == {"person4"}
    assert view("inbox", network="reddit") == {"person6"}
    assert view("pending") == view("resolved") == view("spam") == set()
    with store.session() as s:
        s.execute(text("UPDATE conversations SET status = 'pending' WHERE external_key = 'c1'"))
        s.execute(text("UPDATE conversations SET status = 'resolved' WHERE external_key = 'q1'"))
        s.execute(text("UPDATE conversations SET status = 'spam' WHERE external_key = 'k1'"))
    assert view("pending") == {"person1"}
    assert view("resolved") == {"person2"}
    assert view("spam") == {"person4"}
    assert "person1" not in view("complaints")  # pending is parked, not in the inbox
    assert "person1" in set(handles(inbox.page(status="open")))  # the CLI's open still has it
    assert inbox.page(QueueQuery(view="mine")) == []  # nobody is "me" without an agent


def test_sorts(inbox: Inbox) -> None:
    by_priority = inbox.page(QueueQuery(view="inbox"))
    waiting = [r for r in by_priority if r.awaiting_since is not None]
    assert by_priority[-1].author_handle == "person5"  # answered comes last
    assert handles(inbox.page(QueueQuery(view="inbox", sort="newest")))[:2] == [
        "person5",  # its thread's latest message is the reply at minute 6
        "person6",
    ]
    oldest_first = inbox.page(QueueQuery(view="inbox", sort="waiting"))
    assert handles(oldest_first)[:len(waiting)] == sorted(
        (r.author_handle for r in waiting), key=lambda h: int(h[-1])
    )  # fmt: skip
    assert oldest_first[-1].awaiting_since is None


def test_counts_match_the_views(inbox: Inbox) -> None:
    counts = inbox.counts(agent="ann")
    for view in VIEWS:
        expected = len(inbox.page(QueueQuery(view=view, agent="ann"), limit=1000))
        assert counts.views[view] == expected, view
        assert inbox.count(QueueQuery(view=view, agent="ann")) == expected, view
    assert counts.networks == {"x": 5, "reddit": 1}
    assert sum(counts.accounts.values()) == 6 and len(counts.accounts) == 2
    assert counts.waiting == 5


@pytest.mark.parametrize("collect_below", [0, 1_000_000])
def test_search_finds_the_same_by_either_path(
    inbox: Inbox, monkeypatch: pytest.MonkeyPatch, collect_below: int
) -> None:
    """Few matches are collected and sorted; many walk the queue: same answers."""
    import socialdesk.inbox as module

    monkeypatch.setattr(module, "SEARCH_COLLECT_LIMIT", collect_below)
    assert handles(inbox.page(QueueQuery(view="inbox", search="refu"))) == ["person3"]
    assert set(handles(inbox.page(QueueQuery(view="inbox", search="person")))) == {
        f"person{n}" for n in range(1, 7)
    }
    # The match may be any message of the thread: the brand's reply says "thank".
    assert handles(inbox.page(QueueQuery(view="inbox", search="thank"))) == ["person5"]
    assert inbox.page(QueueQuery(view="inbox", search="zzzz")) == []


def test_short_search_words_match_whole_words_only(
    inbox: Inbox, store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("z1", minutes=9, text="it is ok now", author=Author("z", "z"))])
    assert handles(inbox.page(QueueQuery(view="inbox", search="ok"))) == ["z"]
    assert inbox.page(QueueQuery(view="inbox", search="ne")) == []  # not "never", "new"
    assert handles(inbox.page(QueueQuery(view="inbox", search="nev"))) == ["person1"]


def test_ageing_lets_an_overdue_conversation_climb(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """Written by a clock that said T0, the waiting points are T0's; ageing to a later
    time adds what has been waited since."""
    ingestor.clock = lambda: T0
    ingestor.ingest(
        [
            make_message("new", minutes=0, text="where is my parcel?", author=Author("b", "b")),
            make_message("old", minutes=-10, text="where is my parcel?", author=Author("a", "a")),
        ]
    )
    inbox = Inbox(store)
    with store.session() as s:
        before = {
            k: v
            for k, v in s.execute(select(Conversation.external_key, Conversation.queue_priority))
        }
    assert queue.age(store, T0 + timedelta(minutes=10)) == 2
    with store.session() as s:
        after = {
            k: v
            for k, v in s.execute(select(Conversation.external_key, Conversation.queue_priority))
        }
    assert after["old"] > before["old"] > before["new"]
    assert after["new"] > before["new"] and after["old"] > after["new"]
    assert handles(inbox.page(QueueQuery(view="inbox")))[0] == "a"
    # Again soon after: only conversations whose points can still move are touched.
    assert queue.age(store, T0 + timedelta(minutes=11)) == 2
    assert queue.age(store, T0 + timedelta(days=3)) == 2
    assert queue.age(store, T0 + timedelta(days=3, minutes=1)) == 0  # all capped since


def test_live_priority_matches_the_database(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.clock = lambda: T0
    ingestor.ingest(
        [make_message(str(n), minutes=-7 * n, text="still no refund") for n in range(9)]
    )
    inbox = Inbox(store)
    now = T0 + timedelta(minutes=3)
    queue.age(store, now)
    with store.session() as s:
        stored = {
            k: v
            for k, v in s.execute(select(Conversation.external_key, Conversation.queue_priority))
        }
    shown = {str(r.id): r.priority for r in inbox.page(QueueQuery(view="inbox"), now=now)}
    with store.session() as s:
        pairs = s.execute(select(Conversation.last_inbound_message_id, Conversation.external_key))
        keys = {message: key for message, key in pairs}
    assert {keys[int(i)]: p for i, p in shown.items()} == stored


def test_each_view_and_sort_reads_an_index_in_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On SQLite every navigation view and sort is served by an index: no temporary sort
    of the whole inbox (the 1,000,000-message benchmark depends on it)."""
    store = Store.open(f"sqlite:///{tmp_path / 'plan.db'}")
    try:
        inbox = Inbox(store)
        from socialdesk.inbox import _select

        with store.connect() as conn:
            for view in (*VIEWS, "inbox"):
                for sort in SORTS:
                    query = QueueQuery(view=view, sort=sort, agent="ann", network="x")
                    stmt = inbox._ordered(inbox._filtered(_select(), query, conn), query)
                    sql = str(stmt.limit(200).compile(conn, compile_kwargs={"literal_binds": True}))
                    plan = " | ".join(
                        r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
                    )
                    small = view in ("keyword", "mine") and sort != "priority"
                    assert ("TEMP B-TREE" in plan) == small, (view, sort, plan)
                    assert "SCAN conversations" not in plan, (view, sort, plan)
    finally:
        store.close()
