"""The triage scorer on hand-written messages from many industries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from socialdesk.domain import Author, MessageKind
from socialdesk.scoring import format_followers, sentiment_label
from socialdesk.triage import (
    CueBook,
    CueError,
    TriageAnalyser,
    normalise_text,
    prioritise,
    tokens,
)

from .conftest import MessageFactory


@pytest.fixture(scope="module")
def analyser() -> TriageAnalyser:
    return TriageAnalyser()


@pytest.mark.parametrize(
    "text",
    [
        "order 4471 shows delivered, nothing at my door, day 3",
        "@VoltEnergy been on hold 50 minutes to report a power cut",
        "charged twice for march, still no refund",
        "third time asking: when will my router be replaced?",
        "love how your app logs me out every five minutes",
        "great job losing my parcel again",
        "your app doesn't work since the update",
        "why hasn't anyone called me back??",
        "@ZestBank card declined at the checkout, no explanation",
        "the technician never showed up, took a day off for nothing",
    ],
)
def test_factual_and_sarcastic_complaints_are_complaints(
    analyser: TriageAnalyser, text: str
) -> None:
    result = analyser.analyse_one(text)
    assert result.complaint, (text, result)
    assert result.intent == "complaint"
    assert result.reasons and result.reasons[0].startswith(("complaint (", "negative ("))


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how do I change my plan?", "question"),
        ("thanks so much, the new app is brilliant", "praise"),
        ("it would be great if you added a dark mode", "feedback"),
        ("follow back for free crypto giveaway, link in bio", "spam"),
        ("could you send me the invoice for october please", "request"),
        ("the storm knocked our power out, thanks crews for working all night!", "praise"),
    ],
)
def test_non_complaints_get_their_intent(analyser: TriageAnalyser, text: str, intent: str) -> None:
    result = analyser.analyse_one(text)
    assert not result.complaint, (text, result)
    assert result.intent == intent


def test_topic_reasons_and_risks(analyser: TriageAnalyser) -> None:
    result = analyser.analyse_one("charged me twice and no refund, I'm calling my lawyer")
    assert result.complaint and result.topic == "billing"
    assert "threatens legal action" in result.reasons
    assert any(r.startswith("mentions a refund or charge") for r in result.reasons)
    assert result.risk_points >= 15
    fire = analyser.analyse_one("the charger started sparking and smoking, nearly a fire")
    assert "safety risk" in fire.reasons


def test_sentiment_stays_vader(analyser: TriageAnalyser) -> None:
    from socialdesk.scoring import vader_compound

    text = "I love how you never answer"
    assert analyser.analyse_one(text).sentiment == vader_compound(text)
    assert analyser.analyse_one(text).label == sentiment_label(vader_compound(text))


@pytest.mark.parametrize(
    "text",
    ["", "   ", "🙄😡🤬", "https://t.co/abc @someone @other", "x" * 100_000,
     "Sipariş hala gelmedi, çok kötü hizmet", "mi pedido no ha llegado",
     "\u202eevil\u202c \x00\x1b[31m"],
)  # fmt: skip
def test_odd_input_is_scored_not_crashed(analyser: TriageAnalyser, text: str) -> None:
    result = analyser.analyse_one(text)
    assert 0.0 <= result.complaint_score <= 1.0
    assert result.intent in ("complaint", "question", "request", "praise", "feedback", "spam",
                             "other")  # fmt: skip


def test_normalising_apostrophes_and_fancy_letters() -> None:
    assert normalise_text("DON’T ｗｏｒｋ") == "dont work"
    assert tokens("not working!!😡") == ["not", "working", "!", "!", "😡"]


def test_priority_puts_public_complaints_first(make_message: MessageFactory) -> None:
    analyser = TriageAnalyser()
    angry = make_message("1", text="still no refund, third time asking. unacceptable",
                         author=Author("u", "big", "Big", 250_000))  # fmt: skip
    happy = make_message("2", text="thank you, the new router is great!")
    dm = make_message("3", text="still no refund, third time asking. unacceptable",
                      kind=MessageKind.DIRECT_MESSAGE)  # fmt: skip
    spam = make_message("4", text="make $500 a day from home, link in bio")
    a = prioritise(angry, analyser.analyse_one(angry.text), repeat=True)
    h = prioritise(happy, analyser.analyse_one(happy.text))
    d = prioritise(dm, analyser.analyse_one(dm.text))
    s = prioritise(spam, analyser.analyse_one(spam.text))
    assert a.priority > d.priority > h.priority >= s.priority
    assert s.priority <= 5 and s.intent == "spam"
    assert {"public complaint", "250.0k followers", "VIP", "wrote before this week"} <= set(
        a.reasons
    )
    assert "direct message" in d.reasons
    assert 0 <= h.priority <= 100


def test_labels_and_follower_text() -> None:
    assert [sentiment_label(x) for x in (-0.5, 0.0, 0.5)] == ["negative", "neutral", "positive"]
    assert format_followers(1) == "1 follower"
    assert format_followers(12_400) == "12.4k followers"
    assert format_followers(2_000_000) == "2.0M followers"


def test_a_brand_extends_the_cues_without_code(tmp_path: Path) -> None:
    text = "the Zephyr kettle went kaput after a week"
    assert not TriageAnalyser().analyse_one(text).complaint
    (tmp_path / "cues.json").write_text(
        json.dumps(
            {
                "complaint": {"service_failure": {"phrases": ["kaput"]}},
                "topics": {"product_defect": ["zephyr kettle"]},
                "risk": {"outage_words": {"reason": "brand outage word", "points": 5,
                                          "phrases": ["zephyr down"]}},
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    cues = CueBook.for_workspace(tmp_path)
    result = TriageAnalyser(cues).analyse_one(text)
    assert result.complaint and result.topic == "product_defect"
    assert any("kaput" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{nope", "not valid JSON"),
        ('{"complaint": {"x": {"phrases": "word"}}}', "needs a list of phrases"),
        ('{"complaint": {"new_group": {"phrases": ["a"]}}}', "needs a weight"),
        ('{"bogus": {}}', "unknown section"),
        ('{"intent": {"spam": {"phrases": ["re:("]}}}', "bad pattern"),
    ],
)
def test_bad_brand_cues_are_reported(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "cues.json").write_text(content, encoding="utf-8")
    with pytest.raises(CueError, match=message):
        CueBook.for_workspace(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"intent": {"spam": {"phrases": ["re:(?i)REFUND"]}}}', "bad pattern"),
        ('{"intent": {"spam": {"phrases": ["re:(?P<p0>x)"]}}}', "named groups"),
        ('{"complaint": {"x": {"weight": "high", "phrases": ["a"]}}}', "must be a number"),
        ('{"complaint": {"x": {"weight": null, "phrases": ["a"]}}}', "must be a number"),
        ('{"risk": {"x": {"points": "lots", "phrases": ["a"]}}}', "must be a number"),
        ('{"complaint": ["a"]}', "must be an object"),
        ('{"topics": ["a"]}', "topics must be an object"),
        ('{"sarcasm": {"markers": [5]}}', "non-empty text"),
        ('{"sarcasm": {"praise": "love"}}', "must be a list"),
        ('{"sarcasm": {"markers": ["re:("]}}', "bad pattern"),
        ('{"complaint": {"x": {"weight": NaN, "phrases": ["a"]}}}', "must be a number"),
        ('{"risk": {"r": {"phrases": ["recall"]}}}', "needs points"),
    ],
)
def test_more_bad_brand_cues_are_reported(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "cues.json").write_text(content, encoding="utf-8")
    with pytest.raises(CueError, match=message):
        CueBook.for_workspace(tmp_path)


def test_a_phrase_in_two_groups_fires_for_both(tmp_path: Path) -> None:
    (tmp_path / "cues.json").write_text(
        json.dumps(
            {
                "risk": {
                    "vip_outage": {"reason": "brand outage", "points": 20, "phrases": ["outage"]}
                }
            }
        ),
        encoding="utf-8",
    )
    result = TriageAnalyser(CueBook.for_workspace(tmp_path)).analyse_one("total outage here")
    assert "brand outage" in result.reasons and result.complaint


def test_ordinary_questions_and_praise_are_not_complaints(analyser: TriageAnalyser) -> None:
    for text in (
        "Are you still open on Sundays?",
        "What is your cancellation policy?",
        "How do I request a refund?",
        "Can't wait for the new collection!",
        "Best service I've ever had, no complaints at all",
        "Sorry, dumb question: how do I reset my password?",
    ):
        result = analyser.analyse_one(text)
        assert not result.complaint, (text, result)
        assert result.intent != "spam"
    scam = analyser.analyse_one("free crypto giveaway, claim now at crypto-win.xyz")
    assert scam.intent == "spam"
    real = analyser.analyse_one("My BTC withdrawal has been stuck for 3 days, nobody answers")
    assert real.complaint and real.intent == "complaint"


def test_a_huge_message_is_read_in_part(analyser: TriageAnalyser) -> None:
    from socialdesk.triage import MAX_ANALYSED_CHARS

    text = "router is broken and support is awful. " * 10_000
    assert analyser.analyse_one(text) == analyser.analyse_one(text[:MAX_ANALYSED_CHARS])


@pytest.mark.skipif(not hasattr(os, "nice"), reason="process priority is POSIX-only")
def test_scoring_workers_run_below_the_writer() -> None:
    from socialdesk.triage import WORKER_NICENESS, TriageScorer

    scorer = TriageScorer(workers=1)
    try:
        assert scorer._pool is not None
        worker = scorer._pool.submit(os.nice, 0).result()
    finally:
        scorer.close()
    assert worker == min(19, os.nice(0) + WORKER_NICENESS)
