"""Tokens and tab stops: filling, what is left, hostile values, and what a conversation
can fill."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from socialdesk.desk import ConversationView, Profile, ThreadMessage
from socialdesk.tokens import (
    KNOWN_TOKENS,
    Span,
    clean_value,
    fill_stop,
    find_fields,
    find_reference,
    first_name,
    initials,
    next_stop,
    render,
    shown_handle,
    tokens_in,
    values_for,
)
from socialdesk.voice import default_voice

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def message(text: str, minutes: int = 0, direction: str = "inbound") -> ThreadMessage:
    return ThreadMessage(
        id=minutes + 1,
        direction=direction,
        kind="mention",
        author_handle="dana_k" if direction == "inbound" else "NimbusCare",
        author_name="Dana K" if direction == "inbound" else "Nimbus",
        text=text,
        created_at=T0 + timedelta(minutes=minutes),
        url="",
        reasons=(),
    )


def view(
    *messages: ThreadMessage, name: str = "Dana K", handle: str = "dana_k"
) -> ConversationView:
    return ConversationView(
        id=7,
        network="x",
        public=True,
        status="new",
        assignee=None,
        account="@NimbusCare",
        messages=messages,
        profile=Profile(handle=handle, name=name, network="x", followers=10, first_seen_at=T0),
        history=(),
        notes=(),
        tags=(),
        outbox=(),
        reasons=(),
        awaiting_since=None,
    )


def test_render_fills_what_it_can_and_reports_the_rest() -> None:
    out = render(
        "Hi {first_name}, order {order_id} ships via [[carrier]] {unknown}{first_name}",
        {"first_name": "Dana", "order_id": ""},
    )
    assert out.text == "Hi Dana, order {order_id} ships via [[carrier]] {unknown}Dana"
    assert out.unresolved == ("order_id", "unknown")
    assert [s.written for s in out.stops] == ["{order_id}", "[[carrier]]", "{unknown}"]
    assert [s.kind for s in out.stops] == ["token", "stop", "token"]
    for span in out.stops:  # positions are in the rendered text
        assert out.text[span.start : span.end] == span.written
    assert not out.complete
    assert render("nothing to fill", {}).complete


def test_hostile_values_are_never_expanded_again() -> None:
    values = {"first_name": "{order_id} [[x]] {first_name}", "order_id": "4471"}
    out = render("Hi {first_name}!", values)
    assert out.text == "Hi {order_id} [[x]] {first_name}!"
    assert out.unresolved == () and out.stops == ()


def test_empty_and_odd_fields() -> None:
    fields = find_fields("a [[]] b {Name} c [[two\nlines]] d {ok_1} e [[x]]")
    # [[]] is a field too; upper-case braces and a label over two lines are plain text.
    assert [f.written for f in fields] == ["[[]]", "{ok_1}", "[[x]]"]
    assert tokens_in("{a}{b}{a} [[c]]") == ("a", "b")


def test_fill_stop_and_tab_order() -> None:
    text = "Link: [[tracking link]]. Order {order_id}."
    first = next_stop(text)
    assert first == Span(6, 23, "tracking link", "stop")
    text = fill_stop(text, first, "https://t.example/1")
    second = next_stop(text)
    assert second is not None and second.written == "{order_id}"
    assert next_stop(text, after=second.start) == second  # wraps round to the first
    with pytest.raises(ValueError, match="no longer"):
        fill_stop(text, first, "again")  # the text moved on
    assert next_stop("all done") is None


@pytest.mark.parametrize(
    ("name", "handle", "expected"),
    [
        ("Dana K", "dana_k", "Dana"),
        ("dana", "@dana_k", "Dana"),
        ("DANA KAYA", "dk", "Dana"),
        ("Ayşe Kaya", "aysek", "Ayşe"),
        ("🌸Dana🌸 | travel", "d", "Dana"),
        ("Mary-Jane Watson", "mj", "Mary-Jane"),
        ("dana_k", "dana_k", ""),  # the handle is not a name
        ("lee_r", "u/lee_r", ""),  # Reddit shows the username as the name
        ("🌸🌸", "x", ""),
        ("Dr. Kaya", "x", ""),
        ("J. Smith", "x", ""),
        ("gamer42", "x", ""),
        ("A" * 30, "x", ""),
        ("", "x", ""),
        ("Dana\u202e\u0000 K", "x", "Dana"),
    ],
)
def test_first_name(name: str, handle: str, expected: str) -> None:
    assert first_name(name, handle) == expected


@pytest.mark.parametrize(
    ("agent", "expected"),
    [("Ayşe Kaya", "AK"), ("ayse.kaya", "AK"), ("ann", "A"), ("Jean Luc de Picard", "JLD")],
)
def test_initials(agent: str, expected: str) -> None:
    assert initials(agent) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("order 4471 shows delivered", "order_id", "4471"),
        ("my order #A-10293 never came", "order_id", "A-10293"),
        ("order number: 55512", "order_id", "55512"),
        ("Order no. 778899 please", "order_id", "778899"),
        ("order ID is 9001x", "order_id", "9001x"),
        ("my order was late again", "order_id", ""),
        ("I will order from you again", "order_id", ""),
        ("tracking number 1Z999AA10123456784", "tracking_number", "1Z999AA10123456784"),
        ("ticket #5521 still open", "case_id", "5521"),
        ("case ref: CS-20931", "case_id", "CS-20931"),
    ],
)
def test_references_customers_write(text: str, kind: str, expected: str) -> None:
    assert find_reference([text], kind) == expected


def test_values_from_a_conversation() -> None:
    thread = view(
        message("order 1111 was fine"),
        message("thanks!", 1, direction="outbound"),
        message("but order #2222 is lost, tracking no. JD0002 says nothing", 5),
        message("our order 3333 for you", 6, direction="outbound"),  # the brand's: not used
    )
    voice = replace(default_voice(), brand="Nimbus Home")
    values = values_for(thread, agent="Ayşe Kaya", voice=voice)
    assert values["first_name"] == "Dana"
    assert values["name"] == "Dana K"
    assert values["handle"] == "@dana_k"
    assert values["agent_name"] == "Ayşe Kaya" and values["agent_initials"] == "AK"
    assert values["brand"] == "Nimbus Home"
    assert values["order_id"] == "2222"  # the latest the customer gave
    assert values["tracking_number"] == "JD0002"
    assert values["channel"] == "X" and values["private_channel"] == "DM"
    assert values["account"] == "@NimbusCare"
    assert "email" not in values and "product" not in values and "case_id" not in values
    assert set(values) <= set(KNOWN_TOKENS)


def test_values_without_an_agent_or_a_brand() -> None:
    values = values_for(view(message("hi")), agent=None, voice=default_voice())
    assert "agent_name" not in values and "agent_initials" not in values
    assert values["brand"] == "NimbusCare"  # the account's name, without its @


def test_untrusted_values_are_cleaned() -> None:
    hostile = view(
        message("order 4471\u202e"),
        name="Dana\n{order_id}\u200b [[x]] " + "k" * 200,
        handle="dana\r\nk",
    )
    values = values_for(hostile, agent="Ann\x1b[31m", voice=default_voice())
    for value in values.values():
        assert not any(ch in value for ch in "\n\r\x1b\u202e\u200b{}[]")
    assert len(values["name"]) <= 64
    assert values["first_name"] == "Dana"
    rendered = render("Hi {name} {handle}", values)
    assert rendered.stops == ()  # nothing in a value reads as a field


def test_handles_as_the_network_writes_them() -> None:
    assert shown_handle("x", "dana_k") == "@dana_k"
    assert shown_handle("x", "@dana_k") == "@dana_k"
    assert shown_handle("reddit", "dana") == "u/dana"
    assert shown_handle("reddit", "u/dana") == "u/dana"
    assert clean_value("  a \t b\n", 10) == "a b"
