"""The shipped response-time policies and benchmarks (resources/sla/defaults.json)."""

from __future__ import annotations

import pytest

from socialdesk.sla import (
    KINDS,
    PolicyError,
    Targets,
    benchmark,
    default_targets,
    kind_of,
    service_level_goal,
)
from socialdesk.targets import target_seconds


def test_defaults_follow_the_published_benchmarks() -> None:
    # X: customers expect 15 minutes; Reddit borrows Facebook's 60 (BENCHMARKS.md).
    assert default_targets("x", "public_complaint").first_response_s == 15 * 60
    assert default_targets("reddit", "public_complaint").first_response_s == 60 * 60
    assert default_targets("x", "public_complaint").goal_pct == 90
    x = benchmark("x")
    assert x is not None and (x.customers_expect_s, x.businesses_average_s) == (900, 1980)
    assert "Jitbit 2020" in x.source
    assert benchmark("facebook") is not None and benchmark("myspace") is None
    goal, source = service_level_goal()
    assert goal == 80 and "80/20" in source
    for network in ("x", "reddit", "elsewhere"):
        for kind in KINDS:
            targets = default_targets(network, kind)
            assert targets.first_response_s <= targets.resolution_s


def test_the_queue_countdowns_use_the_same_targets() -> None:
    assert target_seconds("x") == default_targets("x", "public_complaint").first_response_s
    assert (
        target_seconds("reddit") == default_targets("reddit", "public_complaint").first_response_s
    )
    assert target_seconds("mastodon") == default_targets("mastodon", "public").first_response_s


def test_which_policy_a_conversation_falls_under() -> None:
    assert kind_of(public=False, complaint=True, message_kind="direct_message") == "direct_message"
    assert kind_of(public=True, complaint=True, message_kind="mention") == "public_complaint"
    assert kind_of(public=True, complaint=False, message_kind="reply") == "public"
    assert kind_of(public=True, complaint=True, message_kind="keyword_hit") == "keyword_hit"


def test_nonsense_policies_are_refused() -> None:
    with pytest.raises(PolicyError, match="first response must be positive"):
        Targets(0, 60, 60, 80)
    with pytest.raises(PolicyError, match="between 0 and 100"):
        Targets(60, 60, 60, 120)
    with pytest.raises(PolicyError, match="four numbers"):
        Targets.from_json({"first_response_s": 60})
    with pytest.raises(PolicyError, match="is not a kind of conversation"):
        default_targets("x", "complaint")
