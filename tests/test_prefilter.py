"""A prefiltered pattern answers exactly as the pattern itself does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialdesk.prefilter import Prefiltered, necessary
from socialdesk.triage import default_cues

OUR_PATTERNS = sorted(
    {
        prefiltered.pattern.pattern
        for matcher in (default_cues()._main, default_cues()._sarcasm, default_cues()._topics)
        for prefiltered, _group in matcher.patterns
    }
)
TRICKY_PATTERNS = [
    r"(?i)refund",
    r"(?i:abc)d",
    r"a|b*",
    r"x{0,3}yz",
    r"(?:ab|[cd])",
    r"a\bb",
    r"ab?c",
    r"(?:a|b)(?:c|d)e",
    r"[xy]{3}",
    r"(?=ab)a",
    r"(?<!\w)on hold(?!\w)",
    r"\b(?:day|week) \d+",
    r"[^a-z]{2}",
    r"(a)\1",
    r"(?:since|from)\s+monday",
    r"£\d|\$\d",
    r"",
]
_FRAGMENTS = [
    "day ",
    "week 2",
    "hour",
    "hours",
    "3 min",
    "since monday",
    "since 9:30 am",
    "AWFUL SERVICE",
    "OK",
    "!!",
    "?!",
    "??",
    "?",
    "http://bit.ly/x",
    "https://t.me/a",
    "www.example",
    "scam.win",
    "shop.xyz",
    "example.com",
    "£5",
    "$ 4",
    "€",
    "ab",
    "abc",
    "ABC",
    "cde",
    "yz",
    "xyx",
    "aa",
    "on hold",
    "Monday",
    "from monday",
]
_texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=12).map(
    "".join
)


def _same(pattern: str, text: str) -> None:
    expected = re.compile(pattern).search(text)
    got = Prefiltered(pattern).search(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got.span(), got.group()) == (expected.span(), expected.group())


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(OUR_PATTERNS + TRICKY_PATTERNS), _texts)
def test_prefiltered_search_equals_the_pattern(pattern: str, text: str) -> None:
    _same(pattern, text)


@pytest.mark.parametrize("pattern", OUR_PATTERNS + TRICKY_PATTERNS)
@pytest.mark.parametrize("text", [*_FRAGMENTS, "", "nothing to see here"])
def test_prefiltered_search_equals_the_pattern_on_each_fragment(pattern: str, text: str) -> None:
    _same(pattern, text)


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"\b(?:day|week|hour) \d+\b", {"day ", "week ", "hour "}),
        (r"\b\d+\s*(?:min|mins|hr|hrs|hour|hours)\b", {"min", "hr", "hour"}),
        (r"x{0,3}yz", {"yz"}),
        (r"(?:a|b)(?:c|d)e", {"ace", "ade", "bce", "bde"}),
        (r"https?://\S*(bit\.ly|t\.me)", {"http"}),
        (r"[!?]{2,}", {"!!", "!?", "?!", "??"}),
    ],
)
def test_what_a_match_must_contain(pattern: str, strings: set[str]) -> None:
    need = necessary(pattern)
    assert need is not None
    assert getattr(need, "strings", None) == frozenset(strings)


def test_a_character_class_is_a_need_when_no_literal_is() -> None:
    need = necessary(r"\b[A-Z]{3,}\b")
    assert getattr(need, "chars", None) == frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@pytest.mark.parametrize("pattern", [r"(?i)abc", r"a|b*", r"\w+", r".", r"", r"[^a]"])
def test_nothing_is_needed_when_nothing_can_be_told(pattern: str) -> None:
    assert necessary(pattern) is None


def test_every_one_of_our_cue_patterns_has_a_prefilter() -> None:
    """Our own patterns stay cheap: each has something every match must contain."""
    assert OUR_PATTERNS
    assert [p for p in OUR_PATTERNS if necessary(p) is None] == []
