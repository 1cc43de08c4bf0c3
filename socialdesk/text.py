"""Showing untrusted text safely.

Message text is stored verbatim. Where it is shown, characters that could
rewrite a terminal or reorder what an agent reads (control characters, bidi
embeddings, overrides and isolates, line and paragraph separators) are made
visible as ``\\uXXXX`` instead. Scripts written right to left still read right
to left: only the invisible controls are revealed.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 (less tab, newline, CR), DEL, C1, bidi controls, line/paragraph separators.
_HIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI_CONTROLS}\u2028\u2029]")
_BREAKS = re.compile(r"[\t\n\r]+")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def reveal_controls(text: str) -> str:
    """Invisible controls become visible escapes; tabs and line breaks stay."""
    return _HIDDEN.sub(_escape, text)


def one_line(text: str, limit: int | None = None) -> str:
    """An excerpt for a table cell or a terminal row: one line, controls revealed.

    Only the start of a long text is examined, so a 100,000-character message
    costs no more than a short one.
    """
    head = text if limit is None else text[: limit * 2 + 16]
    flat = reveal_controls(_BREAKS.sub(" ", head))
    if limit is not None and (len(flat) > limit or len(head) < len(text)):
        return flat[: limit - 1] + "…"
    return flat


def dumps_for_terminal(value: Any) -> str:
    """JSON in which DEL, C1 and bidi controls are escaped too (json only escapes C0).

    Those characters can only occur inside JSON strings, where an escape means the
    same character, so a reader gets exactly the stored text back.
    """
    return _HIDDEN.sub(_escape, json.dumps(value, ensure_ascii=False))
