"""Checks a reply passes before it is sent.

``check_reply`` runs every check and returns each one's verdict, in a fixed order, so
the composer can show a row per check: "block" stops the reply (empty, a field left to
fill, too long for the network), "warn" asks the agent to look again (personal details
in public, a harsh tone, a word the brand avoids, too many emoji, the same text sent to
many people), "ok" says what was checked. Everything here reads text only, except
``repeats``, which asks the store what went out in the last hour.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from socialdesk.domain import Direction
from socialdesk.models import Message, OutboxItem
from socialdesk.scoring import vader_compound
from socialdesk.store import Store
from socialdesk.tokens import REFERENCE_PATTERNS, Span, find_fields
from socialdesk.voice import BrandVoice
from socialdesk.xlength import URL_WEIGHT, weighted_length

BLOCK, WARN, OK = "block", "warn", "ok"
CHECK_NAMES = (
    "empty",
    "fields",
    "length",
    "personal_data",
    "tone",
    "avoid_words",
    "emoji",
    "repeated",
    "shortcodes",
)
SEND_AS_DM = "send_as_dm"

# The tone check reads what is left of a reply once the vocabulary of care is set aside:
# the words that name the customer's trouble ("delay", "damaged", "problem") and the
# apology itself ("sorry", "apologies"), which plain VADER scores as negative ("Sorry
# for the trouble" is -0.46). What remains is how we speak to the customer. Below
# -0.25 it takes about one clearly hostile or dismissive word at full strength in a
# short reply ("stupid" -0.53, "We will not help you" -0.31), while a neutral reply
# with a single "no" or "cancel" (-0.30 and -0.25 alone, less in a sentence) passes.
TONE_THRESHOLD = -0.25
_CARE_WORDS = (
    "sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies)|regret(?:s|ted)?|unfortunately|"
    "troubles?|problems?|issues?|delay(?:s|ed)?|damaged?|broken|broke|lost|missing|late|"
    "errors?|fail(?:s|ed|ure|ures)?|faulty|(?<!your )(?<!your own )faults?|defects?|"
    "crash(?:es|ed)?|blocked|mistakes?|outages?|frustrat(?:ing|ed|ion)|"
    "disappoint(?:ing|ed|ment)|inconvenien(?:ce|ced)|hassle|worr(?:y|ied|ying)|upset|"
    "stress(?:ful)?|confus(?:ing|ion|ed)|difficult|charged|complaints?|complain|no|"
    "cancel(?:led|ed)?"
)
_CARE_PHRASES = re.compile(
    r"\b(?:(?:went|gone|go|going|something|anything) wrong|wrong (?:item|size|colou?r|"
    r"address|order|parcel|product|one)|not good enough|no (?:worries|need)|"
    r"(?:spam|junk) (?:folder|box))\b",
    re.IGNORECASE,
)
_CARE = re.compile(rf"\b(?:{_CARE_WORDS})\b", re.IGNORECASE)

# Emoji allowed in one reply under the "sparing" policy.
SPARING_EMOJI = 2
# The same text to this many other conversations within the hour draws a warning:
# networks treat identical replies to many accounts as spam.
REPEAT_WARN_AT = 3
REPEAT_WINDOW = timedelta(hours=1)

# Personal details a public reply should not carry.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# A run of digits with the separators phone and card numbers are written with. Colons,
# commas and slashes end a run, so times, prices and most dates never form one.
_DIGIT_RUN = re.compile(r"(?<![\w@/:.,+-])(?:\+|00)?\(?\d[\d ().-]{5,22}\d(?![\w@])")
_US_GROUPS = re.compile(r"^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$")
_DATE_LIKE = re.compile(r"^(?:\d{4}[.-]\d{1,2}[.-]\d{1,2}|\d{1,2}[.-]\d{1,2}[.-]\d{2,4})$")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")

_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_LEADING_MENTIONS = re.compile(r"^(?:[@＠]\w{1,15}\s+)+")


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    level: str  # "block", "warn" or "ok"
    message: str
    offer: str = ""  # what the composer can offer to fix it: "send_as_dm"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "level": self.level, "message": self.message}
        if self.offer:
            out["offer"] = self.offer
        return out


@dataclass(frozen=True, slots=True)
class CheckContext:
    network: str
    public: bool
    voice: BrandVoice
    # Distinct other conversations that got this same text in the last hour.
    repeats: int = 0
    # The library's snippet shortcodes (";refund"): one left in the text was not expanded.
    shortcodes: frozenset[str] = frozenset()


def blocking(checks: Iterable[Check]) -> bool:
    return any(c.level == BLOCK for c in checks)


def check_reply(
    text: str, context: CheckContext, *, fields: Sequence[Span] | None = None
) -> list[Check]:
    """Every check, in ``CHECK_NAMES`` order. ``fields`` are the fields left in the
    text when the caller rendered it (so a customer's name that happens to contain
    braces is not taken for one); by default they are found in the text."""
    return [
        _empty(text),
        _fields(find_fields(text) if fields is None else tuple(fields)),
        _length(text, context),
        _personal(text, context),
        _tone(text, context.voice),
        _avoided(text, context.voice),
        _emoji(text, context.voice),
        _repeated(context.repeats),
        _shortcodes(text, context.shortcodes),
    ]


def _empty(text: str) -> Check:
    if not text.strip():
        return Check("empty", BLOCK, "the reply is empty")
    return Check("empty", OK, "has text")


def _fields(found: Sequence[Span]) -> Check:
    if not found:
        return Check("fields", OK, "nothing left to fill in")
    named = list(dict.fromkeys(f.written for f in found))
    return Check("fields", BLOCK, f"fill in {_and(named)}")


_SHORTCODE_WORD = re.compile(r"(?:^|(?<=\s));[A-Za-z0-9_-]{1,30}(?=[\s.,!?]|$)")


def _shortcodes(text: str, shortcodes: frozenset[str]) -> Check:
    left = list(
        dict.fromkeys(
            found.group(0)
            for found in _SHORTCODE_WORD.finditer(text)
            if found.group(0).lower() in shortcodes
        )
    )
    if not left:
        return Check("shortcodes", OK, "no snippet shortcode left unexpanded")
    return Check(
        "shortcodes",
        BLOCK,
        f"{_and(left)} is a snippet's shortcode, not its text: type Space after it to "
        "expand it, or delete it"
        if len(left) == 1
        else f"{_and(left)} are snippets' shortcodes, not their text: type Space after "
        "each to expand it, or delete them",
    )


def _length(text: str, context: CheckContext) -> Check:
    limit = context.voice.limit(context.network, context.public)
    x_public = context.network == "x" and context.public
    count = weighted_length(text) if x_public else len(text)
    if count <= limit:
        return Check("length", OK, f"{count:,} of {limit:,}")
    if x_public:
        return Check(
            "length",
            BLOCK,
            f"{count:,} of {limit:,} characters as X counts them (a link counts "
            f"{URL_WEIGHT}, most CJK characters and emoji count 2)",
        )
    where = "a private message" if not context.public else "a reply"
    return Check("length", BLOCK, f"{count:,} of {limit:,} characters: too long for {where} there")


def find_personal(text: str, allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Personal details in ``text`` as (what, value), in order of appearance: order and
    tracking numbers, e-mail addresses, card and phone numbers, UK postcodes. ``allowed``
    are details the brand publishes itself (compared without capitals, phone numbers
    by their digits)."""
    allowed_text = {a.casefold() for a in allowed}
    allowed_digits = {d for a in allowed if len(d := re.sub(r"\D", "", a)) >= 6}
    found: list[tuple[int, str, str]] = []
    for kind, what in (("order_id", "order number"), ("tracking_number", "tracking number")):
        for match in REFERENCE_PATTERNS[kind].finditer(text):
            found.append((match.start(1), what, match.group(1)))
    for match in _EMAIL.finditer(text):
        if match.group(0).casefold() not in allowed_text:
            found.append((match.start(), "e-mail address", match.group(0)))
    taken = {start for start, _, _ in found}
    for match in _DIGIT_RUN.finditer(text):
        run = _balanced(match.group(0).strip(" .-"))
        digits = re.sub(r"\D", "", run)
        if match.start() in taken or digits in allowed_digits or _DATE_LIKE.match(run):
            continue
        if 13 <= len(digits) <= 19 and _luhn(digits):
            found.append((match.start(), "card number", run))
        elif _phone_like(run, digits):
            found.append((match.start(), "phone number", run))
    for match in _UK_POSTCODE.finditer(text):
        if match.group(0).casefold() not in allowed_text:
            found.append((match.start(), "postcode", match.group(0)))
    # An order number inside a longer match ("order 4471" and a digit run) counts once.
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for _, what, value in sorted(found):
        if value not in seen:
            seen.add(value)
            out.append((what, value))
    return out


def _balanced(run: str) -> str:
    """A run without the bracket it caught from the sentence around it."""
    if run.startswith("(") and ")" not in run:
        run = run[1:]
    if run.endswith(")") and "(" not in run:
        run = run[:-1]
    return run.strip(" .-")


def _phone_like(run: str, digits: str) -> bool:
    if run.startswith(("+", "00")):
        return 8 <= len(digits.removeprefix("00")) <= 15
    if not 10 <= len(digits) <= 11:
        return False
    # A national number: a trunk 0 (020 7946 0958, 0612 345 678) or North American
    # groups ((555) 123-4567). Ten bare digits without either could be anything.
    return digits.startswith("0") or bool(_US_GROUPS.match(run))


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _personal(text: str, context: CheckContext) -> Check:
    if not context.public:
        return Check("personal_data", OK, "a private message may carry personal details")
    found = find_personal(text, context.voice.public_details)
    if not found:
        return Check("personal_data", OK, "no personal details in public")
    shown = _and([f"{what} {value}" for what, value in found[:3]])
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return Check(
        "personal_data",
        WARN,
        f"a public reply shows {shown}{more}: send it as a direct message instead",
        offer=SEND_AS_DM,
    )


def tone_score(text: str, voice: BrandVoice) -> float:
    """VADER's compound for the reply with the brand's own apology and empathy phrases
    and the vocabulary of care set aside (see ``TONE_THRESHOLD``)."""
    rest = text
    for phrase in (*voice.apologies, *voice.empathy):
        rest = _phrase_pattern(phrase).sub(" ", rest)
    rest = _CARE_PHRASES.sub(" ", rest)
    rest = _CARE.sub(" ", rest)
    return vader_compound(rest)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A voice phrase as written, its tokens standing for any short value."""
    parts = re.split(r"\{[a-z0-9_]+\}", phrase)
    return re.compile(r".{0,64}?".join(re.escape(p) for p in parts), re.IGNORECASE)


def _tone(text: str, voice: BrandVoice) -> Check:
    score = tone_score(text, voice)
    if score < TONE_THRESHOLD:
        return Check(
            "tone", WARN, f"reads as negative ({score:+.2f}): make sure it is kind to the customer"
        )
    return Check("tone", OK, f"tone {score:+.2f}")


def _avoided(text: str, voice: BrandVoice) -> Check:
    hits = [word for word in voice.avoid if _word_pattern(word).search(text)]
    if not hits:
        return Check("avoid_words", OK, "no word the brand avoids")
    quoted = _and([f'"{w}"' for w in hits])
    return Check("avoid_words", WARN, f"uses {quoted}, which the brand voice avoids")


def _word_pattern(word: str) -> re.Pattern[str]:
    """A whole word or phrase, any capitals, any spacing between its words."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _emoji(text: str, voice: BrandVoice) -> Check:
    count = len(emoji_spans(text))
    if voice.emoji == "none" and count:
        return Check("emoji", WARN, f"{_count(count, 'emoji')}; the brand voice uses none")
    if voice.emoji == "sparing" and count > SPARING_EMOJI:
        return Check(
            "emoji",
            WARN,
            f"{_count(count, 'emoji')}; the brand voice uses {SPARING_EMOJI} at most",
        )
    return Check("emoji", OK, f"{_count(count, 'emoji')}" if count else "no emoji")


def _repeated(repeats: int) -> Check:
    if repeats >= REPEAT_WARN_AT:
        return Check(
            "repeated",
            WARN,
            f"sent the same text to {repeats} people in the last hour: networks flag that as spam",
        )
    if repeats:
        return Check("repeated", OK, f"the same text went to {_count(repeats, 'other')} lately")
    return Check("repeated", OK, "not sent to anyone else in the last hour")


def _count(number: int, noun: str) -> str:
    if noun == "other":
        return f"{number} other " + ("person" if number == 1 else "people")
    return f"{number} {noun}"


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# -- emoji ---------------------------------------------------------------------------------

_REGIONAL = (0x1F1E6, 0x1F1FF)
_SKIN_TONES = (0x1F3FB, 0x1F3FF)
_TAG_CHARS = (0xE0020, 0xE007F)
_ZWJ, _VS16, _KEYCAP = 0x200D, 0xFE0F, 0x20E3
_TEXT_UNLESS_SELECTED = frozenset((0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139))


def _pictographic(cp: int) -> bool:
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Where each emoji is, as (start, end) indexes: a flag, a keycap, a skin tone or a
    joined family counts as one."""
    spans: list[tuple[int, int]] = []
    points = [ord(ch) for ch in text]
    i, n = 0, len(points)
    while i < n:
        cp = points[i]
        if _REGIONAL[0] <= cp <= _REGIONAL[1]:
            pair = i + 1 < n and _REGIONAL[0] <= points[i + 1] <= _REGIONAL[1]
            spans.append((i, i + (2 if pair else 1)))
            i += 2 if pair else 1
            continue
        if chr(cp) in "0123456789#*":
            j = i + 1 + (i + 1 < n and points[i + 1] == _VS16)
            if j < n and points[j] == _KEYCAP:
                spans.append((i, j + 1))
                i = j + 1
                continue
        selected = cp in _TEXT_UNLESS_SELECTED and i + 1 < n and points[i + 1] == _VS16
        if _pictographic(cp) or selected:
            j = i + 1
            while j < n:
                nxt = points[j]
                modifier = _SKIN_TONES[0] <= nxt <= _SKIN_TONES[1]
                if nxt == _VS16 or modifier or _TAG_CHARS[0] <= nxt <= _TAG_CHARS[1]:
                    j += 1
                elif nxt == _ZWJ and j + 1 < n and _pictographic(points[j + 1]):
                    j += 2
                else:
                    break
            spans.append((i, j))
            i = j
            continue
        i += 1
    return spans


def strip_emoji(text: str) -> str:
    """``text`` without its emoji, and without the spaces they leave doubled."""
    out, position = [], 0
    for start, end in emoji_spans(text):
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).replace(" \n", "\n").strip()


# -- the same text to many people ------------------------------------------------------------


def normalise(text: str) -> str:
    """What makes two replies the same to a network's spam filter: capitals, spacing,
    HTML escapes (X stores ``&amp;``), links (X swaps in its own) and the mentions X
    puts in front of a reply do not count."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = _LINK.sub("<link>", text)
    text = _LEADING_MENTIONS.sub("", text.strip())
    return " ".join(text.split()).casefold()


def sent_recently(
    store: Store, *, now: datetime, within: timedelta = REPEAT_WINDOW
) -> dict[str, set[int]]:
    """Each normalised text that went out (or is queued to) since ``now - within``,
    with the conversations it went to. Both tables are filtered by time in SQL first;
    the outbox's ``created_at`` is indexed."""
    since = now - within
    found: dict[str, set[int]] = {}
    with store.connect() as conn:
        outbox = conn.execute(
            select(OutboxItem.conversation_id, OutboxItem.text).where(
                OutboxItem.created_at >= since,
                OutboxItem.created_at <= now,
                OutboxItem.status.not_in(("draft", "failed")),
            )
        ).all()
        sent = conn.execute(
            select(Message.conversation_id, Message.text).where(
                Message.created_at >= since,
                Message.created_at <= now,
                Message.direction == Direction.OUTBOUND.value,
            )
        ).all()
    for conversation_id, text in (*outbox, *sent):
        found.setdefault(normalise(text), set()).add(int(conversation_id))
    return found


def repeats(
    store: Store,
    text: str,
    *,
    now: datetime,
    exclude_conversation: int | None = None,
    within: timedelta = REPEAT_WINDOW,
) -> int:
    """How many conversations (other than ``exclude_conversation``) got this same text
    in the window before ``now``."""
    conversations = sent_recently(store, now=now, within=within).get(normalise(text), set())
    return len(conversations - {exclude_conversation})
