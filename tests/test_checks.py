"""The checks before sending: each one passing and failing, false positives that must
not happen, and the same text to many people (from the store, on SQLite and
PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from socialdesk.checks import (
    CHECK_NAMES,
    SEND_AS_DM,
    TONE_THRESHOLD,
    Check,
    CheckContext,
    blocking,
    check_reply,
    emoji_spans,
    find_personal,
    normalise,
    repeats,
    strip_emoji,
    tone_score,
)
from socialdesk.desk import Desk
from socialdesk.domain import Direction
from socialdesk.ingest import Ingestor
from socialdesk.models import Message, OutboxItem
from socialdesk.store import Store
from socialdesk.tokens import render
from socialdesk.voice import default_voice

from .conftest import T0, MessageFactory

VOICE = default_voice()
X_PUBLIC = CheckContext("x", True, VOICE)
X_DM = CheckContext("x", False, VOICE)


def verdicts(text: str, context: CheckContext = X_PUBLIC) -> dict[str, Check]:
    checks = check_reply(text, context)
    assert [c.name for c in checks] == list(CHECK_NAMES)  # every check, in order
    return {c.name: c for c in checks}


def test_a_good_reply_passes_everything() -> None:
    text = "Hi Dana, sorry for the trouble. Send us a DM and we'll sort it. ^AK"
    checks = check_reply(text, X_PUBLIC)
    assert [c.level for c in checks] == ["ok"] * len(CHECK_NAMES)
    assert not blocking(checks)
    length = next(c for c in checks if c.name == "length")
    assert length.message == "67 of 280"
    assert checks[0].to_json() == {"name": "empty", "level": "ok", "message": "has text"}


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_an_empty_reply_blocks(text: str) -> None:
    assert verdicts(text)["empty"].level == "block"
    assert blocking(check_reply(text, X_PUBLIC))


def test_fields_left_to_fill_block() -> None:
    check = verdicts("Here: [[tracking link]] for {order_id}, [[]] and [[tracking link]]")["fields"]
    assert check.level == "block"
    assert check.message == "fill in [[tracking link]], {order_id} and [[]]"
    # Rendered with a hostile value: the caller's fields say what is really left.
    rendered = render("Hi {first_name}", {"first_name": "{order_id}"})
    checks = check_reply(rendered.text, X_PUBLIC, fields=rendered.stops)
    assert next(c for c in checks if c.name == "fields").level == "ok"


def test_x_counts_by_its_weighted_rules() -> None:
    assert verdicts("a" * 280)["length"].level == "ok"
    over = verdicts("a" * 281)["length"]
    assert over.level == "block"
    assert over.message == (
        "281 of 280 characters as X counts them (a link counts 23, most CJK characters and "
        "emoji count 2)"
    )
    assert verdicts("字" * 140)["length"].level == "ok"  # 140 characters weigh 280
    assert verdicts("字" * 141)["length"].level == "block"
    assert verdicts("🙂" * 141)["length"].message.startswith("282 of 280")
    link = "https://example.com/" + "x" * 300
    assert verdicts(f"{link} " + "a" * 256)["length"].message == "280 of 280"
    # A direct message on X, and Reddit, count characters.
    assert verdicts("字" * 5000, X_DM)["length"].level == "ok"
    too_long = verdicts("a" * 10_001, CheckContext("reddit", True, VOICE))["length"]
    assert too_long.level == "block" and too_long.message.startswith("10,001 of 10,000")
    short = CheckContext("x", True, replace(VOICE, limits={"x": 100}))
    assert verdicts("a" * 101, short)["length"].level == "block"


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("We found order #A-10293 for you", "order number A-10293"),
        ("Your order number: 55512 is on its way", "order number 55512"),
        ("tracking number JD000221 shows it", "tracking number JD000221"),
        ("We e-mailed dana.k+care@example.co.uk", "e-mail address dana.k+care@example.co.uk"),
        ("Call us back on +44 20 7946 0958", "phone number +44 20 7946 0958"),
        ("or on 0049 30 1234567", "phone number 0049 30 1234567"),
        ("We'll call 020 7946 0958 today", "phone number 020 7946 0958"),
        ("We'll call 06 12 34 56 78 today", "phone number 06 12 34 56 78"),
        ("Is (415) 555-0132 right?", "phone number (415) 555-0132"),
        ("Is 415-555-0132 right?", "phone number 415-555-0132"),
        ("the card 4111 1111 1111 1111 was refunded", "card number 4111 1111 1111 1111"),
        ("delivered to SW1A 1AA", "postcode SW1A 1AA"),
    ],
)
def test_personal_details_in_public_warn(text: str, what: str) -> None:
    check = verdicts(text)["personal_data"]
    assert check.level == "warn" and check.offer == SEND_AS_DM
    assert what in check.message
    assert check.message.endswith("send it as a direct message instead")
    assert check.to_json()["offer"] == SEND_AS_DM
    # In a private message they are what the customer needs.
    assert verdicts(text, X_DM)["personal_data"].level == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "We're open 09:00-17:30, Monday to Friday",
        "It left on 2026-11-20 and arrives 22.11.2026 or 11/24/2026",
        "It costs $1,299.00 or £12.99, now 50% off",
        "Give it 2 days, or 3-5 working days",
        "Version 10.2.3 fixes it; the 4.5 GB update is out",
        "Could you send us your order number and the e-mail on your account?",
        "It was 1234567890 before",  # ten bare digits: could be anything
        "the card ending 4242 is fine",
        "Call 1234 5678 9012 3456",  # 16 digits that fail the card checksum: not a phone
        "@dana_k we're on it",
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert find_personal(text) == []
    assert verdicts(text)["personal_data"].level == "ok"


def test_details_the_brand_publishes_are_fine() -> None:
    voice = replace(VOICE, public_details=("care@nimbus.example", "+44 (20) 7946-0958"))
    context = CheckContext("x", True, voice)
    text = "Write to care@nimbus.example or call +44 20 7946 0958"
    assert verdicts(text, context)["personal_data"].level == "ok"
    assert verdicts(text + " or dana@example.com", context)["personal_data"].level == "warn"


def test_many_details_are_summed_up() -> None:
    message = verdicts("order 4471, a@b.co, c@d.co, e@f.co")["personal_data"].message
    assert "and 1 more" in message


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for the trouble.",
        "We're so sorry this has been frustrating. We'll fix it today.",
        "I'm sorry your order arrived damaged; a replacement ships today.",
        "We apologise for the delay and the inconvenience.",
        "Sorry, something went wrong with your order. That's our fault.",
        "That's not the experience we want you to have.",
        "Your card was blocked after a failed payment; please try again.",
        "There's no need to send the faulty one back. Check your spam folder for the label.",
    ],
)
def test_an_apology_is_not_a_negative_tone(text: str) -> None:
    assert verdicts(text)["tone"].level == "ok"
    assert tone_score(text, VOICE) >= TONE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "This is ridiculous, stop spamming us.",
        "No. We will not refund you, that is stupid.",
        "Sorry, but that is your own fault, idiot.",
        "We will not help you.",
        "That is a stupid question.",
        "Stop complaining, it is your fault.",
    ],
)
def test_a_harsh_reply_warns(text: str) -> None:
    check = verdicts(text)["tone"]
    assert check.level == "warn" and "reads as negative" in check.message


def test_the_voices_own_phrases_are_not_held_against_it() -> None:
    voice = replace(VOICE, empathy=("What a terrible, awful day for you, {first_name}.",))
    text = "What a terrible, awful day for you, Dana. We'll fix it."
    assert check_reply(text, CheckContext("x", True, voice))[4].level == "ok"
    assert check_reply(text, X_PUBLIC)[4].level == "warn"


def test_words_to_avoid_are_whole_words() -> None:
    check = verdicts("Unfortunately, per  our\npolicy we can't.")["avoid_words"]
    assert check.level == "warn"
    assert check.message == (
        'uses "unfortunately" and "per our policy", which the brand voice avoids'
    )
    assert verdicts("Fortunately it's sorted.")["avoid_words"].level == "ok"
    assert verdicts("Kindness matters.")["avoid_words"].level == "ok"  # not "kindly"
    assert verdicts("KINDLY wait")["avoid_words"].level == "warn"


def test_emoji_against_the_voice() -> None:
    none = CheckContext("x", True, replace(VOICE, emoji="none"))
    free = CheckContext("x", True, replace(VOICE, emoji="free"))
    assert check_reply("Thanks!", none)[6].level == "ok"
    check = check_reply("Thanks! 🙏", none)[6]
    assert check.level == "warn" and check.message == "1 emoji; the brand voice uses none"
    assert verdicts("Thanks! 🙏💙")["emoji"].level == "ok"  # sparing: two at most
    assert verdicts("Thanks! 🙏💙🎉")["emoji"].message == "3 emoji; the brand voice uses 2 at most"
    assert check_reply("🎉" * 10, free)[6].level == "ok"
    # A flag, a family, a skin tone and a keycap are one emoji each; © and digits none.
    assert len(emoji_spans("🇬🇧 👨‍👩‍👧 👋🏽 1️⃣ © 2024")) == 4
    assert strip_emoji("Thanks 🙏 so much 💙") == "Thanks so much"


def test_the_same_text_to_many_people_warns() -> None:
    assert check_reply("ok", replace(X_PUBLIC, repeats=2))[7].level == "ok"
    check = check_reply("ok", replace(X_PUBLIC, repeats=3))[7]
    assert check.level == "warn"
    assert check.message == (
        "sent the same text to 3 people in the last hour: networks flag that as spam"
    )


def test_what_counts_as_the_same_text() -> None:
    assert normalise("@dana_k  Thanks &amp; see https://t.co/abc\n") == normalise(
        "THANKS & see https://example.com/x"
    )
    assert normalise("Thanks Dana") != normalise("Thanks Sam")


def conversations(ingestor: Ingestor, make_message: MessageFactory, count: int) -> list[int]:
    from socialdesk.domain import Author

    ingestor.ingest(
        [
            make_message(f"m{i}", text=f"question {i}", author=Author(f"u{i}", f"user{i}"))
            for i in range(count)
        ]
    )
    with ingestor.store.connect() as conn:
        rows = conn.execute(select(Message.conversation_id).order_by(Message.id)).scalars()
        return [int(r) for r in rows]


def test_repeats_are_counted_per_conversation_within_the_hour(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ids = conversations(ingestor, make_message, 6)
    now = T0 + timedelta(minutes=30)
    text = "Thanks, we're on it!"
    desk = Desk(store, clock=lambda: now - timedelta(minutes=10))
    desk.queue_reply(ids[0], text, actor="ann")
    desk.queue_reply(ids[0], text.upper(), actor="ann")  # the same conversation twice
    desk.queue_reply(ids[1], "  thanks,   we're on it! ", actor="ann")
    draft = desk.queue_reply(ids[2], text, actor="ann")
    failed = desk.queue_reply(ids[3], text, actor="ann")
    with store.session() as session:
        session.execute(update(OutboxItem).where(OutboxItem.id == draft).values(status="draft"))
        session.execute(update(OutboxItem).where(OutboxItem.id == failed).values(status="failed"))
    old = Desk(store, clock=lambda: now - timedelta(minutes=61))
    old.queue_reply(ids[4], text, actor="ann")  # before the hour
    # Sent from another tool: it came back as the brand's message.
    ingestor.ingest(
        [
            make_message("b1", minutes=25, direction=Direction.OUTBOUND, in_reply_to="m5",
                         text=f"@user5 {text}"),
        ]
    )  # fmt: skip
    assert repeats(store, text, now=now) == 3  # ids 0, 1 and 5
    assert repeats(store, text, now=now, exclude_conversation=ids[0]) == 2
    assert repeats(store, text, now=now, within=timedelta(hours=2)) == 4
    assert repeats(store, "something else", now=now) == 0
    assert repeats(store, text, now=now - timedelta(hours=3)) == 0


def test_a_snippet_shortcode_left_unexpanded_blocks() -> None:
    codes = replace(X_PUBLIC, shortcodes=frozenset({";sorry", ";refund"}))
    assert check_reply(";sorry", codes)[-1].level == "block"
    check = verdicts("Hi Dana ;SORRY, then ;refund.", codes)["shortcodes"]
    assert check.level == "block"
    assert check.message == (
        ";SORRY and ;refund are snippets' shortcodes, not their text: type Space after each "
        "to expand it, or delete them"
    )
    lone = verdicts("Hi ;refund", codes)["shortcodes"].message
    assert lone == ";refund is a snippet's shortcode, not its text: type Space after it to " + (
        "expand it, or delete it"
    )
    # Not a shortcode the library has, or not a word of its own: fine.
    assert verdicts("Hi ;wink and a;sorry", codes)["shortcodes"].level == "ok"
    assert verdicts("Hi ;sorry", X_PUBLIC)["shortcodes"].level == "ok"  # no library given
