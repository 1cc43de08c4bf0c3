"""Is a post the network holds the reply the outbox tried to send?

After an attempt whose outcome is unknown, the outbox asks the connector for the
account's recent posts and looks for this one. Networks rewrite what they store: X
escapes ``&``, ``<`` and ``>`` as HTML entities, swaps links for its own t.co ones and
may put the people replied to in front; Reddit keeps the Markdown but may trim the
ends. The comparison forgives exactly those and nothing else, so a different reply to
the same message is never taken for ours.
"""

from __future__ import annotations

import html
import re
import unicodedata

_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_LEADING_MENTIONS = re.compile(r"^(?:@\w{1,15}\s+)+")


def reply_key(text: str) -> str:
    """``text`` reduced to what survives a network's rewriting."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = _LINK.sub("<link>", text)
    text = _LEADING_MENTIONS.sub("", text.strip())
    return " ".join(text.split()).casefold()


def same_reply(stored: str, sent: str) -> bool:
    return reply_key(stored) == reply_key(sent)
