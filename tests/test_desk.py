"""Agent actions and the conversation pane's read model, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from socialdesk.desk import Desk, DeskError
from socialdesk.domain import Author, Direction, MessageKind, Network
from socialdesk.inbox import Inbox, QueueQuery
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation, Event, OutboxItem
from socialdesk.store import Store

from .conftest import MessageFactory


@pytest.fixture
def conversation(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> int:
    carol = Author("c1", "carol", "Carol", 1200)
    ingestor.ingest(
        [
            make_message("old", minutes=-3000, text="app crashed last week", author=carol),
            make_message(
                "r1", minutes=-2990, direction=Direction.OUTBOUND, in_reply_to="old", text="fixed"
            ),
            make_message("m1", text="<b>my parcel</b> is lost", author=carol),
            make_message("m2", minutes=5, in_reply_to="m1", text="hello??", author=carol),
            make_message(
                "rd", minutes=-100, network=Network.REDDIT, account="u/Brand",
                author=Author("t2_c", "carol", "Carol R"), text="also on reddit",
            ),
        ]
    )  # fmt: skip
    return Inbox(store).page(QueueQuery(view="inbox", search="parcel"))[0].conversation_id


def events(store: Store, kind: str) -> list[dict[str, object]]:
    with store.session() as s:
        rows = s.scalars(select(Event.data).where(Event.type == kind).order_by(Event.id))
        return [json.loads(r) for r in rows]


def test_the_pane_shows_the_thread_profile_history_and_reasons(
    store: Store, conversation: int
) -> None:
    view = Desk(store).conversation(conversation)
    assert [m.text for m in view.messages] == ["<b>my parcel</b> is lost", "hello??"]
    assert view.profile is not None and view.profile.followers == 1200
    assert {h.network for h in view.history} == {"x", "reddit"}  # same handle elsewhere
    assert any(r.startswith("waiting") for r in view.reasons)
    assert view.reply_limit == 280 and view.public


@pytest.mark.parametrize("status", ["pending", "resolved", "spam"])
def test_a_parked_or_closed_conversation_waits_for_nobody(
    store: Store, conversation: int, status: str
) -> None:
    desk = Desk(store)
    assert desk.conversation(conversation).awaiting_since is not None
    desk.set_status(conversation, status, actor="ann")
    view = desk.conversation(conversation)
    assert view.awaiting_since is None
    assert not any(r.startswith("waiting") for r in view.reasons)
    row = next(
        r for r in Inbox(store).page(QueueQuery(view="all")) if r.conversation_id == conversation
    )
    assert row.as_json()["waiting_seconds"] is None
    assert not any(r.startswith("waiting") for r in row.reasons)
    with store.session() as session:  # the stored queue agrees: no waiting points
        conv = session.get(Conversation, conversation)
        assert conv is not None and conv.queue_priority == conv.priority
    desk.set_status(conversation, "open", actor="ann")  # reopened: the clock shows again
    assert desk.conversation(conversation).awaiting_since is not None
    with store.session() as session:
        conv = session.get(Conversation, conversation)
        assert conv is not None and conv.queue_priority > conv.priority


def test_first_seen_is_the_authors_earliest_message(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    dana = Author("d1", "dana", "Dana", 5)
    # One batch: the contact is new, its record starts at the earliest message.
    ingestor.ingest(
        [
            make_message("a", minutes=0, text="router down", author=dana),
            make_message("b", minutes=75, in_reply_to="a", text="still down", author=dana),
        ]
    )
    desk = Desk(store)
    cid = Inbox(store).page(QueueQuery(view="inbox"))[0].conversation_id
    profile = desk.conversation(cid).profile
    assert profile is not None
    first = desk.conversation(cid).messages[0].created_at
    assert profile.first_seen_at == first
    # A message fetched later but written earlier moves "first seen" back.
    ingestor.ingest([make_message("z", minutes=-30, in_reply_to="a", text="hi", author=dana)])
    later = desk.conversation(cid).profile
    assert later is not None and later.first_seen_at is not None
    assert (first - later.first_seen_at).total_seconds() == 30 * 60


def test_a_brand_message_dated_first_still_shows_the_customer(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    eve = Author("e1", "eve", "Eve", 40)
    ingestor.ingest(
        [
            # The brand's clock ran ahead: its answer is dated before the question.
            make_message("ans", minutes=-5, direction=Direction.OUTBOUND, conversation="t",
                         text="sorry about that, DM us"),
            make_message("q", conversation="t", text="my bill doubled", author=eve),
        ]
    )  # fmt: skip
    cid = Inbox(store).page(QueueQuery(view="all"))[0].conversation_id
    view = Desk(store).conversation(cid)
    assert view.profile is not None and view.profile.handle == "eve"
    assert view.profile.followers == 40


def test_status_assignment_tags_and_notes_are_logged(store: Store, conversation: int) -> None:
    desk, inbox = Desk(store), Inbox(store)
    assert desk.set_status(conversation, "resolved", actor="ann") == "new"
    assert conversation in {r.conversation_id for r in inbox.page(QueueQuery(view="resolved"))}
    assert conversation not in {r.conversation_id for r in inbox.page(QueueQuery(view="inbox"))}
    desk.set_status(conversation, "resolved", actor="ann")  # no change, no event
    assert events(store, "status_changed")[-1] == {"from": "new", "to": "resolved", "why": "agent"}
    with pytest.raises(DeskError, match="unknown status"):
        desk.set_status(conversation, "archived", actor="ann")
    desk.set_status(conversation, "open", actor="ann")
    desk.assign(conversation, "ann", actor="ann")
    assert [r.conversation_id for r in inbox.page(QueueQuery(view="mine", agent="ann"))] == [
        conversation
    ]
    assert events(store, "assigned") == [{"from": None, "to": "ann"}]
    assert desk.tag(conversation, "  Delivery  ", actor="ann") == ("delivery",)
    assert desk.tag(conversation, "vip", actor="ann") == ("delivery", "vip")
    assert desk.tag(conversation, "-delivery", actor="ann") == ("vip",)
    with pytest.raises(DeskError, match="needs a name"):
        desk.tag(conversation, " - ", actor="ann")
    desk.note(conversation, "called them back", actor="ann")
    with pytest.raises(DeskError, match="needs some text"):
        desk.note(conversation, "   ", actor="ann")
    view = desk.conversation(conversation)
    assert view.tags == ("vip",) and [n.text for n in view.notes] == ["called them back"]
    assert len(events(store, "tagged")) == 3 and len(events(store, "noted")) == 1


def test_a_reply_is_queued_once_within_the_network_limit(store: Store, conversation: int) -> None:
    desk = Desk(store)
    first = desk.queue_reply(conversation, "Sorry Carol, DM us your order number", actor="ann")
    second = desk.queue_reply(conversation, "And one more thing", actor="ann")
    with pytest.raises(DeskError, match="281 characters; x takes 280"):
        desk.queue_reply(conversation, "x" * 281, actor="ann")
    with pytest.raises(DeskError, match="empty"):
        desk.queue_reply(conversation, " \n", actor="ann")
    with store.session() as s:
        items = s.scalars(select(OutboxItem).order_by(OutboxItem.id)).all()
        assert [i.id for i in items] == [first, second]
        assert {i.status for i in items} == {"queued"}
        assert len({i.idempotency_key for i in items}) == 2
    assert desk.conversation(conversation).outbox[0].text.startswith("Sorry")


def test_x_weighs_a_public_reply_but_counts_a_direct_message_plainly(
    store: Store, conversation: int
) -> None:
    desk = Desk(store)
    wide = "界" * 141  # 141 characters: 282 as X weighs them in a public post
    with pytest.raises(DeskError, match="282 characters; x takes 280"):
        desk.queue_reply(conversation, wide, actor="ann")
    assert desk.queue_reply(conversation, wide, actor="ann", channel="dm") > 0
    with pytest.raises(DeskError, match="10,001 characters; x takes 10,000"):
        desk.queue_reply(conversation, "a" * 10_001, actor="ann", channel="dm")


def test_unknown_conversation(store: Store) -> None:
    with pytest.raises(DeskError, match="no conversation 404"):
        Desk(store).conversation(404)
    with pytest.raises(DeskError, match="no conversation 404"):
        Desk(store).assign(404, "ann", actor=None)


def test_direct_message_threads_have_the_longer_reddit_limit(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest(
        [make_message("pm", network=Network.REDDIT, kind=MessageKind.DIRECT_MESSAGE, text="hi")]
    )
    [row] = Inbox(store).page(QueueQuery(view="direct"))
    view = Desk(store).conversation(row.conversation_id)
    assert view.reply_limit == 10_000 and not view.public
