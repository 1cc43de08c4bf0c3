from __future__ import annotations

from socialdesk.domain import Author, MessageKind
from socialdesk.scoring import (
    BaselineScorer,
    TextSignals,
    baseline_priority,
    format_followers,
    sentiment_label,
)

from .conftest import MessageFactory


def test_negative_public_complaint_from_a_big_account_outranks_praise(
    make_message: MessageFactory,
) -> None:
    scorer = BaselineScorer()
    angry = make_message(
        "1",
        text="Worst service ever, my order never came. Furious!",
        author=Author("u", "big", "Big", 250_000),
    )
    happy = make_message("2", text="Thank you, the new router is great!")
    signals = scorer.submit([angry.text, happy.text]).result()
    a, h = scorer.score(angry, signals[0]), scorer.score(happy, signals[1])
    assert a.complaint and not h.complaint
    assert a.priority > h.priority
    assert a.reasons[0].startswith("negative (-0.")
    assert "public complaint" in a.reasons and "250.0k followers" in a.reasons
    assert 0 <= h.priority <= 100


def test_direct_message_reason_and_bounds(make_message: MessageFactory) -> None:
    dm = make_message("1", kind=MessageKind.DIRECT_MESSAGE)
    score = baseline_priority(dm, TextSignals(sentiment=-1.0, complaint_score=1.0))
    assert "direct message" in score.reasons and score.priority <= 100


def test_labels_and_follower_text() -> None:
    assert [sentiment_label(x) for x in (-0.5, 0.0, 0.5)] == ["negative", "neutral", "positive"]
    assert format_followers(1) == "1 follower"
    assert format_followers(12_400) == "12.4k followers"
    assert format_followers(2_000_000) == "2.0M followers"
