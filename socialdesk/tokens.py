"""Personalisation tokens and tab stops in replies.

A template says ``{first_name}`` where the customer's first name goes and ``[[tracking
link]]`` where the agent must type something. ``values_for`` reads a conversation for
what it can fill (the customer's name and handle, the agent, the brand, an order
number the customer gave); ``render`` fills tokens in one pass and reports what is
left, so the composer can jump from field to field and the checks can refuse to send
a reply that still has one.

Values come from the network and from customers, so they are untrusted: they lose
control characters, line breaks and the characters fields are written with, and are
capped in length. Rendering never reads a value for tokens again: a customer called
``{order_id}`` is greeted as written, not expanded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from socialdesk.domain import Direction

if TYPE_CHECKING:
    from socialdesk.desk import ConversationView
    from socialdesk.voice import BrandVoice

# ``{name}``: lower-case letters, digits and underscores. ``[[label]]``: a field the agent
# fills; the label (possibly empty) says what goes there.
PLACEHOLDER = r"\{([a-z0-9_]{1,40})\}"
TAB_STOP = r"\[\[([^\[\]\r\n]{0,80})\]\]"
_TOKEN = re.compile(PLACEHOLDER)
_FIELD = re.compile(f"{PLACEHOLDER}|{TAB_STOP}")

KNOWN_TOKENS: dict[str, str] = {
    "first_name": "the customer's first name, from their profile name (never their handle)",
    "name": "the customer's name as their profile shows it",
    "handle": "the customer's handle as the network writes it: @dana_k, u/dana",
    "agent_name": "the name of the agent replying",
    "agent_initials": "the agent's initials, for a sign-off such as ^AK",
    "brand": "the brand's name, from the brand voice (or the account's name)",
    "account": "the brand account's handle: @NimbusCare",
    "channel": "the network: X or Reddit",
    "private_channel": "what a private message is called there: a DM on X",
    "order_id": "the latest order number the customer gave in this conversation",
    "tracking_number": "the latest tracking number the customer gave",
    "case_id": "the latest case, ticket or reference number the customer gave",
    "product": "the product the conversation is about (the agent fills it in)",
    "email": "an e-mail address; never filled in by itself, so none lands in public",
}
# Tokens whose values identify the customer's order or contact details: a public reply
# should not carry them (the drafter never puts them in a public suggestion).
PRIVATE_TOKENS = frozenset({"order_id", "tracking_number", "email"})

NETWORK_NAMES = {"x": "X", "reddit": "Reddit"}
PRIVATE_CHANNELS = {"x": "DM", "reddit": "private message"}
HANDLE_PREFIXES = {"x": "@", "reddit": "u/"}

MAX_FIRST_NAME = 24
MAX_NAME = 64
MAX_HANDLE = 40
MAX_REFERENCE = 32
MAX_AGENT = 64
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mme"})

# What customers write before a reference: "order 4471", "order #A-10293", "order number:
# 55512", "tracking no. 1Z999AA1", "case 88213", "ticket #5521". A reference has a digit.
_REFERENCE = r"#?\s*((?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{2,31})\b"
_LABEL = r"(?:\s+(?:(?:number|num|id|ref(?:erence)?|code)\b|no\b\.?))?\s*(?:[:#=]|\bis\b)?\s*"
_ORDER = re.compile(r"\border" + _LABEL + _REFERENCE, re.IGNORECASE)
_TRACKING = re.compile(r"\b(?:tracking|parcel|shipment)" + _LABEL + _REFERENCE, re.IGNORECASE)
_CASE = re.compile(r"\b(?:case|ticket|reference|ref)" + _LABEL + _REFERENCE, re.IGNORECASE)
REFERENCE_PATTERNS = {"order_id": _ORDER, "tracking_number": _TRACKING, "case_id": _CASE}

_UNSAFE = re.compile(r"[{}\[\]]")
_NAME_PUNCTUATION = "'-’.,;:!?|()\"/"


@dataclass(frozen=True, slots=True)
class Span:
    """A field in a text: ``text[start:end]`` is ``{name}`` (kind "token") or
    ``[[name]]`` (kind "stop", whose name is its label and may be empty)."""

    start: int
    end: int
    name: str
    kind: str = "stop"

    @property
    def written(self) -> str:
        return f"{{{self.name}}}" if self.kind == "token" else f"[[{self.name}]]"


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    # Token names left as written (unknown, or no value), each once, in order.
    unresolved: tuple[str, ...]
    # Every field left in ``text``, tab stops and unresolved tokens, in order.
    stops: tuple[Span, ...]

    @property
    def complete(self) -> bool:
        return not self.stops


def render(text: str, values: Mapping[str, str]) -> Rendered:
    """Fills the tokens that have a non-empty value, in a single pass: what a value
    contains is never read for tokens again."""
    out: list[str] = []
    stops: list[Span] = []
    unresolved: list[str] = []
    length = 0
    position = 0
    for found in _FIELD.finditer(text):
        before = text[position : found.start()]
        out.append(before)
        length += len(before)
        token, label = found.group(1), found.group(2)
        value = values.get(token, "") if token is not None else ""
        if value:
            out.append(value)
            length += len(value)
        else:
            written = found.group(0)
            if token is not None:
                stops.append(Span(length, length + len(written), token, "token"))
                if token not in unresolved:
                    unresolved.append(token)
            else:
                stops.append(Span(length, length + len(written), label, "stop"))
            out.append(written)
            length += len(written)
        position = found.end()
    out.append(text[position:])
    return Rendered("".join(out), tuple(unresolved), tuple(stops))


def find_fields(text: str) -> tuple[Span, ...]:
    """The fields still to fill in a text (the composer's): tab stops and tokens."""
    return tuple(
        Span(f.start(), f.end(), f.group(1), "token")
        if f.group(1) is not None
        else Span(f.start(), f.end(), f.group(2), "stop")
        for f in _FIELD.finditer(text)
    )


def tokens_in(text: str) -> tuple[str, ...]:
    """The token names a text uses, each once, in order."""
    return tuple(dict.fromkeys(f.group(1) for f in _TOKEN.finditer(text)))


def fill_stop(text: str, span: Span, value: str) -> str:
    """``text`` with the field at ``span`` replaced by ``value``. The span must still be
    where it was found (the composer finds the fields again after each edit)."""
    if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.written:
        raise ValueError(f"{span.written} is no longer at {span.start} in the text")
    return text[: span.start] + value + text[span.end :]


def next_stop(text: str, after: int = -1) -> Span | None:
    """The first field starting after position ``after`` (Tab), else the first (wrap)."""
    fields = find_fields(text)
    return next((f for f in fields if f.start > after), fields[0] if fields else None)


# -- values from a conversation --------------------------------------------------------------


def clean_value(text: str, cap: int) -> str:
    """Untrusted text made fit for a reply: no control or format characters, no line
    breaks, none of the characters fields are written with, one space between words,
    at most ``cap`` characters."""
    kept = "".join(
        " " if ch in "\r\n\t\u2028\u2029" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\r\n\t"
    )
    kept = " ".join(_UNSAFE.sub("", kept).split())
    return kept[:cap].rstrip()


def shown_handle(network: str, handle: str) -> str:
    """A handle as the network writes it: ``@dana_k`` on X, ``u/dana`` on Reddit."""
    bare = handle.strip()
    if not bare or bare.startswith(("@", "u/")):
        return bare
    return HANDLE_PREFIXES.get(network, "") + bare.removeprefix("/")


def _bare(handle: str, *, fold: bool = True) -> str:
    bare = handle.strip().lstrip("@").removeprefix("/")
    bare = bare[2:] if bare[:2].lower() == "u/" else bare
    return bare.lower() if fold else bare


def first_name(name: str, handle: str = "") -> str:
    """The first word of a profile name, if it reads as a first name: not the handle
    (Reddit shows the username as the name), no digits or underscores, not only emoji,
    not after an honorific ("Dr. Kaya" is not greeted as "Hi Kaya"), not overlong."""
    clean = clean_value(name, MAX_NAME * 2)
    if not clean or (handle and _bare(clean, fold=False) == _bare(handle, fold=False)):
        return ""
    for word in clean.split():
        # Emoji and symbols around or in a name ("🌸Dana", "Dana|") are not part of it.
        word = "".join(ch for ch in word if unicodedata.category(ch)[0] not in "SZ")
        word = word.strip(_NAME_PUNCTUATION)
        if not word:
            continue
        if word.rstrip(".").lower() in _HONORIFICS:
            return ""
        if not all(ch.isalpha() or ch in "'-’" for ch in word):
            return ""  # digits, underscores, dots: a handle or initials, not a name
        if not 2 <= len(word) <= MAX_FIRST_NAME:
            return ""
        if word.isupper() or word.islower():
            word = word[0].upper() + word[1:].lower()
        return word
    return ""


def initials(agent: str) -> str:
    """``Ayşe Kaya`` and ``ayse.kaya`` give ``AK``; at most three letters."""
    parts = [p for p in re.split(r"[\s._]+", agent) if p]
    letters = [next((ch for ch in p if ch.isalpha()), "") for p in parts]
    return "".join(ch.upper() for ch in letters if ch)[:3]


def find_reference(texts: Iterable[str], kind: str) -> str:
    """The first ``kind`` reference (order_id, tracking_number, case_id) in ``texts``,
    read in the order given (newest first): the one the customer mentioned last."""
    pattern = REFERENCE_PATTERNS[kind]
    for text in texts:
        found = pattern.search(text)
        if found:
            return clean_value(found.group(1).strip("-"), MAX_REFERENCE)
    return ""


def values_for(view: ConversationView, *, agent: str | None, voice: BrandVoice) -> dict[str, str]:
    """Every token the conversation can fill, cleaned. Tokens it cannot fill (product,
    e-mail, an order number nobody gave) are absent, so they stay for the agent."""
    inbound = [m for m in reversed(view.messages) if m.direction == Direction.INBOUND.value]
    latest = inbound[0] if inbound else None
    profile_name = view.profile.name if view.profile else (latest.author_name if latest else "")
    profile_handle = (
        view.profile.handle if view.profile else (latest.author_handle if latest else "")
    )
    handle = clean_value(shown_handle(view.network, profile_handle), MAX_HANDLE)
    values = {
        "first_name": first_name(profile_name, profile_handle),
        "name": clean_value(profile_name, MAX_NAME)
        if _bare(profile_name, fold=False) != _bare(profile_handle, fold=False)
        else "",
        "handle": handle,
        "account": clean_value(view.account, MAX_HANDLE),
        "brand": clean_value(voice.brand, MAX_NAME) or brand_from_account(view.account),
        "channel": NETWORK_NAMES.get(view.network, view.network),
        "private_channel": PRIVATE_CHANNELS.get(view.network, "private message"),
    }
    if agent and agent.strip():
        values["agent_name"] = clean_value(agent, MAX_AGENT)
        values["agent_initials"] = initials(values["agent_name"])
    texts = [m.text for m in inbound]
    for kind in REFERENCE_PATTERNS:
        values[kind] = find_reference(texts, kind)
    return {name: value for name, value in values.items() if value}


def brand_from_account(account: str) -> str:
    """A brand name when the voice gives none: the account's name without its prefix."""
    return clean_value(account.strip().lstrip("@").removeprefix("/").removeprefix("u/"), MAX_NAME)


def unknown_tokens(text: str, known: Sequence[str] = tuple(KNOWN_TOKENS)) -> tuple[str, ...]:
    """Tokens a pattern uses that nothing fills: most likely a typo ({frist_name})."""
    return tuple(name for name in tokens_in(text) if name not in known)
