from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from socialdesk.domain import (
    Author,
    ConversationStatus,
    Direction,
    IncomingMessage,
    MessageKind,
    Network,
)
from socialdesk.inbox import Inbox
from socialdesk.ingest import CursorUpdate, Ingestor, read_cursor
from socialdesk.models import Contact, Conversation, Event, Message, SyncCursor
from socialdesk.store import Store

from .conftest import T0, MessageFactory

OUT = Direction.OUTBOUND


def counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Message, Conversation, Contact, Event, SyncCursor)
        }


def conversation_of(store: Store, external_id: str) -> int:
    with store.session() as s:
        return s.scalar(select(Message.conversation_id).where(Message.external_id == external_id))


def test_same_input_twice_changes_nothing(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    items = [
        make_message("1", text="my parcel is lost"),
        make_message("2", minutes=5, direction=OUT, in_reply_to="1", text="sorry, DM us"),
        make_message("3", minutes=9, in_reply_to="2", text="done"),
    ]
    first = ingestor.ingest(items)
    before = counts(store)
    second = ingestor.ingest(items)
    assert (first.inserted, first.duplicates) == (3, 0)
    assert (second.inserted, second.duplicates) == (0, 3)
    assert counts(store) == before
    assert before["messages"] == 3 and before["conversations"] == 1


def test_stored_messages_are_not_scored_again(store: Store, make_message: MessageFactory) -> None:
    from socialdesk.triage import TriageScorer

    seen: list[str] = []

    class CountingScorer(TriageScorer):
        def submit(self, texts):
            seen.extend(texts)
            return super().submit(texts)

    scorer = CountingScorer()
    ingestor = Ingestor(store, scorer)
    ingestor.ingest([make_message("1", text="first")])
    result = ingestor.ingest_stream(
        [make_message("1", text="first"), make_message("2", text="new")]
    )
    assert seen == ["first", "new"]
    assert (result.received, result.inserted, result.duplicates) == (2, 1, 1)


def test_repeats_inside_one_batch_are_stored_once(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    result = ingestor.ingest([make_message("1"), make_message("1")])
    assert (result.inserted, result.duplicates) == (1, 1)


def test_same_external_id_on_two_networks_is_two_messages(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("7"), make_message("7", network=Network.REDDIT)])
    assert counts(store)["messages"] == 2


def test_threading_reply_chain_explicit_conversation_and_late_parent(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("a1"), make_message("a2", minutes=1, in_reply_to="a1")])
    # a reply to a stored message, in a later fetch, joins its thread
    ingestor.ingest([make_message("a3", minutes=2, direction=OUT, in_reply_to="a2")])
    # an explicit conversation key (X conversation_id, a DM conversation) wins
    ingestor.ingest(
        [
            make_message("d1", kind=MessageKind.DIRECT_MESSAGE, conversation="dm-9"),
            make_message("d2", minutes=3, kind=MessageKind.DIRECT_MESSAGE, conversation="dm-9"),
        ]
    )
    # a reply that arrives before its parent lands where the parent will
    ingestor.ingest([make_message("c2", minutes=5, in_reply_to="c1")])
    ingestor.ingest([make_message("c1", minutes=4)])
    assert (
        conversation_of(store, "a1") == conversation_of(store, "a2") == conversation_of(store, "a3")
    )
    assert conversation_of(store, "d1") == conversation_of(store, "d2")
    assert conversation_of(store, "c1") == conversation_of(store, "c2")
    assert len({conversation_of(store, x) for x in ("a1", "d1", "c1")}) == 3
    with store.session() as s:
        dm = s.get(Conversation, conversation_of(store, "d1"))
        assert dm is not None and dm.public is False


def test_outbound_reply_stops_the_waiting_clock(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [make_message("1", text="still no refund"), make_message("2", minutes=3, in_reply_to="1")]
    )
    row = Inbox(store).page()[0]
    assert row.awaiting_since == T0
    ingestor.ingest([make_message("3", minutes=22, direction=OUT, in_reply_to="2")])
    with store.session() as s:
        conv = s.get(Conversation, conversation_of(store, "1"))
        assert conv is not None
        assert conv.awaiting_since is None
        assert conv.first_response_at == T0 + timedelta(minutes=22)
        assert conv.status == ConversationStatus.OPEN
        replied = s.scalars(select(Event).where(Event.type == "replied")).one()
        assert replied.response_seconds == 22 * 60
        arrivals = s.scalar(select(func.count()).where(Event.type == "arrived"))
        assert arrivals == 2


def test_brand_reply_sent_elsewhere_before_a_later_fetch_still_counts(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """Outbound messages ingested in the same batch as what they answer, out of order."""
    ingestor.ingest(
        [make_message("2", minutes=10, direction=OUT, in_reply_to="1"), make_message("1")]
    )
    with store.session() as s:
        replied = s.scalars(select(Event).where(Event.type == "replied")).one()
        assert replied.response_seconds == 600


def test_a_reply_fetched_before_the_message_it_answers_stops_its_clock(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """The brand's reply arrives in one fetch, the customer's message in a later one."""
    ingestor.ingest([make_message("r1", minutes=10, direction=OUT, in_reply_to="p1")])
    ingestor.ingest([make_message("p1", text="my order never came")])
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.awaiting_since is None
        assert conv.first_response_at == T0 + timedelta(minutes=10)
        assert conv.last_message_at == T0 + timedelta(minutes=10)
        inbound = s.scalar(select(Message.id).where(Message.external_id == "p1"))
        assert conv.last_inbound_message_id == inbound
        assert conv.priority > 0
        replied = s.scalars(select(Event).where(Event.type == "replied")).one()
        assert replied.response_seconds == 600
    assert [row.awaiting_since for row in Inbox(store).page(status="all")] == [None]


def test_a_late_reply_leaves_a_newer_message_waiting(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("1"), make_message("3", minutes=20, in_reply_to="1")])
    ingestor.ingest([make_message("2", minutes=10, direction=OUT, in_reply_to="1")])
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.awaiting_since == T0 + timedelta(minutes=20)
        assert conv.first_response_at == T0 + timedelta(minutes=10)
        assert conv.last_message_at == T0 + timedelta(minutes=20)
        replied = s.scalars(select(Event).where(Event.type == "replied")).one()
        assert replied.response_seconds == 600


def test_older_history_arriving_late_does_not_reopen_a_resolved_conversation(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("2", minutes=30),
            make_message("3", minutes=35, direction=OUT, in_reply_to="2"),
        ]
    )
    with store.session() as s:
        s.execute(text("UPDATE conversations SET status = 'resolved'"))
    # A backfill brings an earlier message of the same thread.
    ingestor.ingest([make_message("1", minutes=5, conversation="2")])
    with store.session() as s:
        conv = s.get(Conversation, conversation_of(store, "2"))
        assert conv is not None
        assert conv.status == "resolved"
        assert conv.awaiting_since is None
        assert conv.first_response_at == T0 + timedelta(minutes=35)


def test_new_complaint_reopens_even_beside_older_history_in_the_same_batch(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("2", minutes=30),
            make_message("3", minutes=35, direction=OUT, in_reply_to="2"),
        ]
    )
    with store.session() as s:
        s.execute(text("UPDATE conversations SET status = 'resolved'"))
    ingestor.ingest(
        [
            make_message("1", minutes=5, conversation="2"),  # older history
            make_message("4", minutes=60, conversation="2", text="still broken!!"),
        ]
    )
    with store.session() as s:
        conv = s.get(Conversation, conversation_of(store, "2"))
        assert conv is not None
        assert conv.status == "open"
        assert conv.awaiting_since == T0 + timedelta(minutes=60)


def test_a_reply_fetched_first_with_the_same_timestamp_as_its_parent_answers_it(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("R", minutes=10, direction=OUT, in_reply_to="P")])
    result = ingestor.ingest([make_message("P", minutes=10)])
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.awaiting_since is None
        assert conv.first_response_at == T0 + timedelta(minutes=10)
        assert s.scalars(select(Event).where(Event.type == "replied")).one().response_seconds == 0
    assert result.replies_matched == 0  # the reply was stored before; nothing new answered


def test_replay_with_equal_times_and_a_later_message(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("R", minutes=10, direction=OUT, in_reply_to="P"),
            make_message("I2", minutes=20, in_reply_to="P"),
        ]
    )
    ingestor.ingest([make_message("P", minutes=10)])
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.first_response_at == T0 + timedelta(minutes=10)
        assert conv.awaiting_since == T0 + timedelta(minutes=20)


def test_replies_matched_counts_what_the_replay_found(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [
            make_message("R1", minutes=20, direction=OUT, in_reply_to="P"),
            make_message("B", minutes=30, in_reply_to="P"),
        ]
    )
    result = ingestor.ingest(
        [
            make_message("P", minutes=10),
            make_message("R2", minutes=25, direction=OUT, in_reply_to="P"),
        ]
    )
    # P (10) is answered by R1 (20, stored before); R2 (25) answers nothing; B (30) waits.
    assert result.replies_matched == 0
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.awaiting_since == T0 + timedelta(minutes=30)
        responses = dict(
            s.execute(
                select(Message.external_id, Event.response_seconds)
                .join(Event, Event.message_id == Message.id)
                .where(Event.type == "replied")
            ).all()
        )
    assert responses == {"R1": 600, "R2": None}


def test_any_arrival_order_gives_the_clock_of_the_in_order_history(
    tmp_path, make_message: MessageFactory
) -> None:
    """Messages fetched in any order and batching, timestamps often equal, end with the
    same clocks, first responses and response times as one in-order import."""
    import random

    from socialdesk.triage import TriageScorer

    def clocks(order: list[list[IncomingMessage]], name: str) -> tuple[object, ...]:
        store = Store.open(f"sqlite:///{tmp_path / name}")
        scorer = TriageScorer()
        try:
            for batch in order:
                Ingestor(store, scorer).ingest(batch)
            with store.session() as s:
                convs = sorted(
                    (c.external_key, c.awaiting_since, c.first_response_at, c.last_message_at)
                    for c in s.scalars(select(Conversation))
                )
                replies = sorted(
                    s.execute(
                        select(Message.external_id, Event.response_seconds)
                        .join(Event, Event.message_id == Message.id)
                        .where(Event.type == "replied")
                    ).all()
                )
            return tuple(convs), tuple(replies)
        finally:
            scorer.close()
            store.close()

    rng = random.Random(11)
    for case in range(25):
        history = []
        for thread in range(3):
            root = f"t{thread}"
            minute = rng.randrange(5)
            for step in range(rng.randrange(2, 6)):
                out = step % 2 == 1
                history.append(
                    make_message(
                        f"{root}m{step}",
                        minutes=minute,
                        direction=OUT if out else Direction.INBOUND,
                        conversation=root,
                        text="where is my parcel" if not out else "sorry, checking",
                    )
                )
                minute += rng.choice((0, 0, 1, 5))  # equal timestamps are common
        expected = clocks([history], f"in-order-{case}.db")
        shuffled = history[:]
        rng.shuffle(shuffled)
        batches, start = [], 0
        while start < len(shuffled):
            size = rng.randrange(1, 5)
            batches.append(shuffled[start : start + size])
            start += size
        assert clocks(batches, f"shuffled-{case}.db") == expected, case


def test_customer_writing_again_reopens_a_resolved_conversation(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [make_message("1"), make_message("2", minutes=5, direction=OUT, in_reply_to="1")]
    )
    with store.session() as s:
        s.execute(text("UPDATE conversations SET status = 'resolved'"))
    ingestor.ingest([make_message("3", minutes=60, in_reply_to="2", text="it broke again")])
    with store.session() as s:
        conv = s.scalars(select(Conversation)).one()
        assert conv.status == "open"
        assert conv.awaiting_since == T0 + timedelta(minutes=60)
        change = s.scalars(select(Event).where(Event.type == "status_changed")).all()
        assert [e.data for e in change][-1] == (
            '{"from": "resolved", "to": "open", "why": "customer wrote"}'
        )


def test_contact_is_updated_not_duplicated(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("1", author=Author("u9", "zed", "Zed", 10))])
    ingestor.ingest([make_message("2", minutes=1, author=Author("u9", "zed_new", "Zed Z", 5000))])
    with store.session() as s:
        contact = s.scalars(select(Contact)).one()
        assert (contact.handle, contact.name, contact.followers) == ("zed_new", "Zed Z", 5000)


def test_cursor_is_saved_with_the_messages(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    cursor = CursorUpdate(Network.X, "@Brand", "mentions", "1000")
    ingestor.ingest([make_message("1")], cursor=cursor)
    assert read_cursor(store, Network.X, "brand", "mentions") == "1000"
    ingestor.ingest(
        [make_message("2")], cursor=CursorUpdate(Network.X, "@Brand", "mentions", "1001")
    )
    assert read_cursor(store, Network.X, "@BRAND", "mentions") == "1001"
    assert read_cursor(store, Network.X, "@Brand", "dms") is None


def test_cursor_does_not_advance_when_the_messages_fail(
    store: Store, make_message: MessageFactory
) -> None:
    class Broken:
        def submit(self, texts):
            from socialdesk.triage import TriageScorer

            return TriageScorer().submit(texts)

        def score(self, item, signals, context):
            raise RuntimeError("scorer exploded")

        def close(self) -> None:
            pass

    ingestor = Ingestor(store, Broken())
    with pytest.raises(RuntimeError, match="scorer exploded"):
        ingestor.ingest(
            [make_message("1")], cursor=CursorUpdate(Network.X, "@Brand", "mentions", "5")
        )
    assert read_cursor(store, Network.X, "@Brand", "mentions") is None
    assert counts(store)["messages"] == 0


HOSTILE = [
    "<b>bold</b> <script>alert('x')</script> <a href='javascript:alert(1)'>click</a>",
    "bell\x07 escape\x1b[31mred\x1b[0m tab\t newline\n carriage\r vtab\x0b",
    "\u202eevil RTL override\u202c and \u2066isolate\u2069 عربى שלום",
    "family \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 flag \U0001f1f9\U0001f1f7 "
    "skin \U0001f44b\U0001f3fd keycap 1\ufe0f\u20e3",
    "x" * 100_000,
    "",
]


def test_hostile_text_is_stored_verbatim(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message(f"h{i}", minutes=i, text=t) for i, t in enumerate(HOSTILE)])
    with store.session() as s:
        stored = {r[0]: r[1] for r in s.execute(select(Message.external_id, Message.text))}
    assert [stored[f"h{i}"] for i in range(len(HOSTILE))] == HOSTILE


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", codec="utf-8"), max_size=300))
def test_any_text_round_trips_and_ingest_is_idempotent(
    store: Store, ingestor: Ingestor, make_message: MessageFactory, body: str
) -> None:
    key = f"p{abs(hash(body))}"
    ingestor.ingest([make_message(key, text=body)])
    again = ingestor.ingest([make_message(key, text=body)])
    assert again.inserted == 0
    with store.session() as s:
        assert s.scalar(select(Message.text).where(Message.external_id == key)) == body


def test_stream_batches_thread_across_batch_boundaries(
    store: Store, make_message: MessageFactory
) -> None:
    from socialdesk.triage import TriageScorer

    items = [make_message("r0")] + [
        make_message(f"r{i}", minutes=i, in_reply_to=f"r{i - 1}") for i in range(1, 25)
    ]
    scorer = TriageScorer()
    result = Ingestor(store, scorer, batch_size=7).ingest_stream(items)
    scorer.close()
    assert result.inserted == 25
    assert counts(store)["conversations"] == 1


def test_parallel_scorer_gives_the_same_scores(store: Store, make_message: MessageFactory) -> None:
    from socialdesk.triage import TriageScorer

    texts = ["I love it", "worst service ever, still waiting", "where is my order?"] * 5
    inline = TriageScorer()
    pooled = TriageScorer(workers=2)
    try:
        assert pooled.submit(texts).result() == inline.submit(texts).result()
    finally:
        pooled.close()
        inline.close()


def test_a_second_conversation_within_a_week_is_a_repeat_contact(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("a", text="my router keeps dropping")])
    ingestor.ingest([make_message("b", minutes=60 * 24 * 3, text="and now my bill is wrong")])
    ingestor.ingest([make_message("c", minutes=60 * 24 * 12, text="another thing entirely")])
    with store.session() as s:
        reasons = dict(s.execute(select(Message.external_id, Message.reasons)).all())
    assert "wrote before this week" not in reasons["a"]
    assert "wrote before this week" in reasons["b"]
    assert "wrote before this week" not in reasons["c"]  # nine days after the last one


def test_message_ids_are_right_when_sqlite_cannot_count_up(
    tmp_path, make_message: MessageFactory
) -> None:
    """At the largest rowid SQLite picks ids at random: the batch's ids must then be
    looked up, not assumed to follow each other."""
    from socialdesk.triage import TriageScorer

    store = Store.open(f"sqlite:///{tmp_path / 'top.db'}")
    scorer = TriageScorer()
    try:
        Ingestor(store, scorer).ingest([make_message("seed", text="first")])
        with store.session() as s:
            s.execute(text("DELETE FROM events"))
            s.execute(text("UPDATE messages SET id = 9223372036854775807"))
            s.execute(text("UPDATE conversations SET last_inbound_message_id = NULL"))
        items = [make_message(f"m{n}", minutes=n, text=f"parcel {n} is late") for n in range(20)]
        result = Ingestor(store, scorer).ingest(items)
        with store.session() as s:
            by_id = dict(s.execute(select(Message.id, Message.external_id)).all())
        assert [by_id[i] for i in result.inserted_ids] == [f"m{n}" for n in range(20)]
        assert max(result.inserted_ids) < 9223372036854775807
    finally:
        scorer.close()
        store.close()
