"""Reply suggestions on conversations ingested and scored like real ones, and the
checks a written reply gets before it is queued (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from socialdesk.desk import Desk, DeskError
from socialdesk.domain import Author, Direction, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation, Message
from socialdesk.store import Store
from socialdesk.suggest import Drafter, Suggestion, check_text, formalise, prepare
from socialdesk.voice import VoiceBook, default_voice
from socialdesk.xlength import weighted_length

from .conftest import T0, MessageFactory

NOW = T0 + timedelta(minutes=20)
DANA = Author("u1", "dana_k", "Dana K", 300)
SAM = Author("u2", "sam_lee", "Sam Lee", 12)


def clock() -> datetime:
    return NOW


def conversation_of(store: Store, external_id: str) -> int:
    with store.connect() as conn:
        found = conn.execute(
            select(Message.conversation_id).where(Message.external_id == external_id)
        ).scalar_one()
    return int(found)


def drafts(store: Store, conversation_id: int, **options: object) -> list[Suggestion]:
    return Drafter(store, clock=clock).suggest(conversation_id, agent="Ayşe Kaya", **options)  # type: ignore[arg-type]


def levels(suggestion: Suggestion) -> dict[str, str]:
    return {c.name: c.level for c in suggestion.checks}


@pytest.fixture
def public_complaint(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> int:
    ingestor.ingest(
        [
            make_message(
                "p1", text="@Brand order 4471 shows delivered, nothing at my door, day 3",
                author=DANA,
            )
        ]
    )  # fmt: skip
    return conversation_of(store, "p1")


def direct(make_message: MessageFactory, external_id: str, text: str) -> object:
    return make_message(
        external_id, text=text, kind=MessageKind.DIRECT_MESSAGE, author=SAM, conversation="dm"
    )


def test_a_public_complaint_gets_a_prompt_acknowledgement_that_goes_private(
    store: Store, public_complaint: int
) -> None:
    found = drafts(store, public_complaint)
    assert 1 <= len(found) <= 3
    first = found[0]
    assert first.template == "Public complaint: delivery"
    assert first.text.startswith("Hi Dana, ")
    assert "send us a dm" in first.text.lower()
    assert first.text.endswith(" ^AK")
    # An apology from the voice, and nothing personal in public: no order number.
    assert any(a.lower().rstrip(".") in first.text.lower() for a in default_voice().apologies)
    for suggestion in found:
        assert "4471" not in suggestion.text
        assert "{order_id}" not in suggestion.text
        assert levels(suggestion)["personal_data"] == "ok"
        assert not suggestion.blocked
        assert weighted_length(suggestion.text) <= 280
    assert [c.name for c in first.checks][:3] == ["empty", "fields", "length"]
    assert first.to_json()["checks"][2] == {
        "name": "length",
        "level": "ok",
        "message": f"{weighted_length(first.text)} of 280",
    }


def test_a_direct_message_with_an_order_number_gets_the_full_answer(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([direct(make_message, "d1", "Hi, my parcel never arrived. order #A-10293")])  # type: ignore[list-item]
    found = drafts(store, conversation_of(store, "d1"))
    first = found[0]
    assert first.template == "Private: delivery, order found"
    assert "order A-10293" in first.text
    assert first.text.startswith("Hi Sam,\n\n")
    assert first.text.endswith("\n\n^AK")
    # The fields are the agent's to fill: the reply cannot go before they are.
    assert levels(first)["fields"] == "block"
    assert [s.written for s in first.stops] == [
        "[[what the tracking shows]]",
        "[[what happens next, and by when]]",
    ]
    for span in first.stops:
        assert first.text[span.start : span.end] == span.written
    assert levels(first)["personal_data"] == "ok"  # private: the order number may go
    # A complaint in private: the apology and the empathy line.
    voice = default_voice()
    assert any(e in first.text for e in voice.empathy)
    assert found[1].template == "Private: delivery, ask for the order"


def test_a_direct_message_without_one_asks_for_it(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([direct(make_message, "d2", "my parcel never arrived, it has been a week")])  # type: ignore[list-item]
    found = drafts(store, conversation_of(store, "d2"))
    assert found[0].template == "Private: delivery, ask for the order"
    assert not found[0].blocked
    # The template that needs the number comes later, if at all, and says what is missing.
    later = [s for s in found if s.template == "Private: delivery, order found"]
    assert all("{order_id}" in s.text and levels(s)["fields"] == "block" for s in later)


def test_praise_gets_thanks(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> None:
    bo = Author("u3", "bo_makes", "Bo 🌸", 40)
    ingestor.ingest([make_message("pr", text="love the new kettle, thanks team!", author=bo)])
    found = drafts(store, conversation_of(store, "pr"))
    assert found[0].template == "Praise: thank you"
    assert found[0].text.startswith("Hi Bo, ")
    assert any(t.lower() in found[0].text.lower() for t in default_voice().thanks)
    assert not any(a.lower() in found[0].text.lower() for a in default_voice().apologies)
    # Follow-ups and closings wait until we have answered.
    assert {s.template for s in found} == {"Praise: thank you"}


def test_a_public_question_on_reddit(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    lee = Author("t2_l", "u/lee_r", "lee_r")
    ingestor.ingest(
        [
            make_message(
                "r1", network=Network.REDDIT, account="u/Brand", kind=MessageKind.COMMENT,
                text="is the app down? nothing loads", author=lee,
            )
        ]
    )  # fmt: skip
    found = drafts(store, conversation_of(store, "r1"))
    first = found[0]
    # Triage gives no topic to a question; the drafter reads it from the words.
    assert first.template == "Public complaint: outage"
    assert first.text.startswith("Hi there,\n\n")  # "lee_r" is a username, not a name
    assert "private messages are open" in first.text
    assert "sorry" not in first.text.lower()  # a question, not a complaint


def test_spam_and_brand_only_threads_get_nothing(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("s1", text="Earn 500 a day from home, link in bio!")])
    assert drafts(store, conversation_of(store, "s1")) == []
    ingestor.ingest(
        [make_message("o1", direction=Direction.OUTBOUND, conversation="ours", text="News!")]
    )
    assert drafts(store, conversation_of(store, "o1")) == []


def test_closings_and_follow_ups_once_we_have_answered(
    store: Store, ingestor: Ingestor, make_message: MessageFactory, public_complaint: int
) -> None:
    ingestor.ingest(
        [
            make_message("a1", minutes=2, direction=Direction.OUTBOUND, in_reply_to="p1",
                         text="Sorry! DM us"),
            make_message("p2", minutes=5, in_reply_to="a1", text="thanks, that worked",
                         author=DANA),
        ]
    )  # fmt: skip
    found = drafts(store, public_complaint)
    assert [s.template for s in found] == ["Closing: glad it's sorted"]
    thanks = [t.lower() for t in default_voice().thanks]
    assert any(found[0].text.startswith(f"Hi Dana, {t}") for t in thanks)  # no apology
    ingestor.ingest(
        [make_message("p3", minutes=6, in_reply_to="a1", text="ok will do", author=DANA)]
    )
    assert [s.template for s in drafts(store, public_complaint)] == ["Follow-up: is it sorted?"]


def test_suggestions_are_deterministic_and_limited(store: Store, public_complaint: int) -> None:
    once = drafts(store, public_complaint)
    assert once == drafts(store, public_complaint)
    assert len(drafts(store, public_complaint, limit=1)) == 1
    assert drafts(store, public_complaint, limit=0) == []
    assert len({s.text for s in drafts(store, public_complaint, limit=10)}) >= 2
    scores = [s.score for s in drafts(store, public_complaint, limit=10)]
    assert scores == sorted(scores, reverse=True)


def test_the_accounts_voice_shapes_the_drafts(store: Store, public_complaint: int) -> None:
    with store.connect() as conn:
        account = conn.execute(
            select(Conversation.account_id).where(Conversation.id == public_complaint)
        ).scalar_one()
    formal = replace(
        default_voice(),
        formality="formal",
        greetings=("Dear {first_name},",),
        apologies=("We're sincerely sorry.",),
        sign_off="— {agent_name}, {brand}",
        brand="Nimbus Home",
        emoji="none",
    )
    VoiceBook(store).set(account, formal)
    first = drafts(store, public_complaint)[0]
    assert first.text.startswith("Dear Dana, we're sincerely sorry. We want to get this to you.")
    assert "we will check" in first.text  # the template's contractions, written out
    assert first.text.endswith("— Ayşe Kaya, Nimbus Home")
    # Without an agent the sign-off goes rather than leave a field behind.
    anonymous = Drafter(store, clock=clock).suggest(public_complaint, agent=None)[0]
    assert "—" not in anonymous.text and not anonymous.blocked


def test_on_x_the_greeting_goes_before_the_body_does(store: Store, public_complaint: int) -> None:
    with store.connect() as conn:
        account = conn.execute(
            select(Conversation.account_id).where(Conversation.id == public_complaint)
        ).scalar_one()
    wordy = ("We are truly, deeply sorry about this, and we know it has not been good enough "
             "for you at all, not even close.")  # fmt: skip
    voice = replace(default_voice(), apologies=(wordy,), greetings=("Hello there {first_name}, "
                    "and thank you so much for reaching out to us today,",))  # fmt: skip
    VoiceBook(store).set(account, voice)
    found = drafts(store, public_complaint)
    first = found[0]
    assert first.template == "Public complaint: delivery"
    assert first.text.startswith(wordy)  # the greeting went; the apology fits
    assert first.text.endswith("We want to get this to you. Send us a DM with your order number "
                               "and we'll check where it is right away. ^AK")  # fmt: skip
    for suggestion in found:
        assert weighted_length(suggestion.text) <= 280


def test_text_sent_to_many_people_lately_is_phrased_afresh(
    store: Store, ingestor: Ingestor, make_message: MessageFactory, public_complaint: int
) -> None:
    top = drafts(store, public_complaint)[0]
    others = []
    for i in range(3):
        ingestor.ingest([make_message(f"o{i}", text=f"hello {i}", author=Author(f"x{i}", f"x{i}"))])
        others.append(conversation_of(store, f"o{i}"))
    desk = Desk(store, clock=lambda: NOW - timedelta(minutes=5))
    for other in others:
        desk.queue_reply(other, top.text, actor="ann")
    again = drafts(store, public_complaint)[0]
    assert again.template == top.template
    assert again.text != top.text  # another of the voice's apologies
    assert levels(again)["repeated"] == "ok"
    # With a single way to say it, the warning stands and the draft moves down.
    with store.connect() as conn:
        account = conn.execute(
            select(Conversation.account_id).where(Conversation.id == public_complaint)
        ).scalar_one()
    apology = next(a for a in default_voice().apologies if a.lower() in top.text.lower())
    VoiceBook(store).set(account, replace(default_voice(), apologies=(apology,)))
    stuck = drafts(store, public_complaint, limit=10)
    same = next(s for s in stuck if s.template == top.template)
    assert same.text == top.text and levels(same)["repeated"] == "warn"
    assert same.score == top.score - 1


def test_extra_drafts_are_checked_and_ranked_after_the_library(
    store: Store, public_complaint: int
) -> None:
    extra = [
        ("Hey {first_name}, stop whining, it's your own fault.", "ai: rude"),
        ("Hi {first_name}, we're on it, DM us. ^{agent_initials}", "ai: fine"),
    ]
    found = drafts(store, public_complaint, limit=10, extra=extra)
    names = [s.template for s in found]
    assert names.index("ai: fine") > names.index("Public complaint: delivery")
    fine = found[names.index("ai: fine")]
    assert fine.text == "Hi Dana, we're on it, DM us. ^AK"
    rude = found[names.index("ai: rude")]
    assert levels(rude)["tone"] == "warn"
    assert names.index("ai: rude") > names.index("ai: fine")


def test_prepare_fills_tokens_then_checks(store: Store, public_complaint: int) -> None:
    ready = prepare(
        store, public_complaint, "Hi {first_name}, order {order_id} is late: [[why]]",
        agent="Ayşe Kaya", clock=clock,
    )  # fmt: skip
    assert ready.text == "Hi Dana, order 4471 is late: [[why]]"
    assert ready.values["agent_initials"] == "AK"
    verdict = {c.name: c for c in ready.checks}
    assert verdict["fields"].message == "fill in [[why]]"
    assert verdict["personal_data"].level == "warn"  # 4471 in public
    assert verdict["personal_data"].offer == "send_as_dm"
    assert ready.blocked
    # Offered as a direct message instead: fine there.
    private = prepare(store, public_complaint, "Order {order_id}: found it.", agent=None,
                      public=False, clock=clock)  # fmt: skip
    assert [c.level for c in private.checks] == ["ok"] * 9
    checks = check_text(store, public_complaint, "{email}", agent=None)
    assert checks[1].message == "fill in {email}"  # never filled by itself


def test_a_hostile_name_is_only_text(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    mallory = Author("u9", "mallory", "{order_id} [[x]]\u202e", 1)
    ingestor.ingest([make_message("h1", text="my parcel is lost, order 555", author=mallory)])
    cid = conversation_of(store, "h1")
    ready = prepare(store, cid, "Hi {name}!", agent=None, clock=clock)
    assert ready.text == "Hi order_id x!"
    assert ready.stops == ()
    for suggestion in drafts(store, cid):
        assert "\u202e" not in suggestion.text and "[[x]]" not in suggestion.text


def test_a_missing_conversation(store: Store) -> None:
    with pytest.raises(DeskError, match="there is no conversation 99"):
        drafts(store, 99)


def test_formal_voice_writes_contractions_out() -> None:
    assert formalise("We're sure it's fine; I'll check. Don't worry, we can't lose it.") == (
        "We are sure it is fine; I will check. Do not worry, we cannot lose it."
    )
    assert formalise("Its colour isn’t right") == "Its colour is not right"
