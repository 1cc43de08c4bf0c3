from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from socialdesk.text import dumps_for_terminal, one_line, reveal_controls

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"


def test_controls_and_bidi_overrides_become_visible() -> None:
    assert reveal_controls("a\x1b[31mb\u202ec\x85d\x7f") == "a\\u001b[31mb\\u202ec\\u0085d\\u007f"
    assert reveal_controls("line\nnext\ttab") == "line\nnext\ttab"


def test_real_scripts_and_emoji_are_untouched() -> None:
    for text in (
        FAMILY,
        "مرحبا بكم",
        "שלום",
        "çok kötü",
        "日本語のテキスト",
        "\U0001f1f9\U0001f1f7",
    ):
        assert reveal_controls(text) == text


def test_one_line_flattens_and_cuts_long_text_cheaply() -> None:
    assert one_line("a\nb\r\n\tc") == "a b c"
    assert one_line("x" * 100_000, 10) == "x" * 9 + "…"
    assert one_line("short", 10) == "short"


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_terminal_json_reads_back_identically(value: object) -> None:
    text = dumps_for_terminal(value)
    assert json.loads(text) == value
    assert "\u202e" not in text and "\x9b" not in text
