"""Reply suggestions for a conversation, and the checks a reply passes before it goes.

``Drafter.suggest`` reads what the customer wants (the latest customer message's intent
and topic, as triage scored it) and where (public or private, which network), picks the
library's templates for it, frames each in the brand voice (greeting, apology or
thanks, body, sign-off), fills the tokens the conversation can fill and checks the
result. A public complaint gets a prompt acknowledgement that takes the details to a
private message; a direct message gets the full answer; praise gets thanks.

``prepare`` is the same last step for a reply the agent wrote: tokens filled, every
check run. The composer and the outbox call it before a reply is queued.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from socialdesk.checks import (
    BLOCK,
    REPEAT_WARN_AT,
    WARN,
    Check,
    CheckContext,
    check_reply,
    normalise,
    sent_recently,
    strip_emoji,
)
from socialdesk.desk import ConversationView, Desk
from socialdesk.domain import Direction, utcnow
from socialdesk.library import Library, ReplyTemplate
from socialdesk.models import Conversation, Message
from socialdesk.store import Store
from socialdesk.tokens import PRIVATE_TOKENS, Rendered, Span, render, tokens_in, values_for
from socialdesk.triage import TriageAnalyser
from socialdesk.voice import BrandVoice, VoiceBook
from socialdesk.xlength import weighted_length

DEFAULT_LIMIT = 3
# How a template's fit adds up (see ``_relevance``): the topic says most about what
# the customer needs, then the intent, then a template written for this channel.
TOPIC_POINTS = 4.0
INTENT_POINTS = 2.0
CHANNEL_POINTS = 1.0
NETWORK_POINTS = 0.5
FOUND_DATA_POINTS = 1.0  # per reference the template uses and the thread gave
# What lowers a draft: a token the thread cannot fill (the agent would have to look it
# up; a template that asks for it serves better), a check that blocks for another
# reason than a field to fill, a warning.
MISSING_DATA_PENALTY = 6.0
BLOCK_PENALTY = 10.0
WARN_PENALTY = 1.0
# An extra draft (from the AI provider) starts below every library match.
EXTRA_BASE = -1.0
DATA_TOKENS = ("order_id", "tracking_number", "case_id")
MAX_ANALYSED = 2_000

_CONTRACTIONS = {
    "i'm": "I am",
    "i've": "I have",
    "i'll": "I will",
    "i'd": "I would",
    "we're": "we are",
    "we've": "we have",
    "we'll": "we will",
    "we'd": "we would",
    "you're": "you are",
    "you've": "you have",
    "you'll": "you will",
    "you'd": "you would",
    "they're": "they are",
    "they'll": "they will",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "here's": "here is",
    "what's": "what is",
    "let's": "let us",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "haven't": "have not",
    "hasn't": "has not",
    "can't": "cannot",
    "couldn't": "could not",
    "won't": "will not",
    "wouldn't": "would not",
    "shouldn't": "should not",
}
_CONTRACTION = re.compile(
    r"\b(" + "|".join(re.escape(c).replace("'", "['’]") for c in _CONTRACTIONS) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    template: str
    checks: tuple[Check, ...]
    score: float
    # The fields left to fill, in order (positions in ``text``).
    stops: tuple[Span, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(c.level == BLOCK for c in self.checks)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "template": self.template,
            "checks": [c.to_json() for c in self.checks],
        }


@dataclass(frozen=True, slots=True)
class Prepared:
    """A reply as it will be sent: tokens filled, with every check's verdict."""

    text: str
    checks: tuple[Check, ...]
    values: Mapping[str, str]
    stops: tuple[Span, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(c.level == BLOCK for c in self.checks)


@dataclass(frozen=True, slots=True)
class Situation:
    """What the drafter needs to know about a conversation."""

    view: ConversationView
    account_id: int | None
    intent: str
    topic: str
    # We have answered before: following up and closing make sense.
    replied: bool

    @property
    def network(self) -> str:
        return self.view.network

    @property
    def public(self) -> bool:
        return self.view.public


def situation(store: Store, conversation_id: int, now: datetime) -> Situation:
    """The conversation (``Desk.conversation``; a missing one raises ``DeskError``) with
    its account and the latest customer message's intent and topic. Triage gives a
    topic to complaints only; a question's is worked out here from its words."""
    view = Desk(store).conversation(conversation_id, now=now)
    latest = next(
        (m for m in reversed(view.messages) if m.direction == Direction.INBOUND.value), None
    )
    intent = topic = ""
    with store.connect() as conn:
        account_id = conn.execute(
            select(Conversation.account_id).where(Conversation.id == conversation_id)
        ).scalar()
        if latest is not None:
            row = conn.execute(
                select(Message.intent, Message.topic).where(Message.id == latest.id)
            ).one_or_none()
            if row is not None:
                intent, topic = row[0] or "", row[1] or ""
    if latest is not None and not topic and intent in ("complaint", "question", "request"):
        topic = infer_topic(latest.text)
    replied = any(m.direction == Direction.OUTBOUND.value for m in view.messages) or any(
        q.status not in ("draft", "failed") for q in view.outbox
    )
    return Situation(
        view=view,
        account_id=None if account_id is None else int(account_id),
        intent=intent or ("other" if latest is not None else ""),
        topic=topic,
        replied=replied,
    )


@lru_cache(maxsize=1)
def _analyser() -> TriageAnalyser:
    return TriageAnalyser()


def infer_topic(text: str) -> str:
    """The topic triage's cues find in a text ("" when none)."""
    text = text[:MAX_ANALYSED]
    analyser = _analyser()
    _logit, details = analyser.rule_logit(text)
    return analyser.cues.topic(details["words"], text, details["starts"])


class Drafter:
    """Suggestions from the library, in the brand voice, checked."""

    def __init__(
        self,
        store: Store,
        *,
        voices: VoiceBook | None = None,
        library: Library | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.voices = voices or VoiceBook(store)
        self.library = library or Library(store)
        self.clock = clock

    def suggest(
        self,
        conversation_id: int,
        *,
        agent: str | None,
        limit: int = DEFAULT_LIMIT,
        extra: Sequence[tuple[str, str]] = (),
    ) -> list[Suggestion]:
        """Up to ``limit`` drafts, best first; the same conversation, library and voice
        always give the same drafts. ``extra`` are (text, name) drafts from elsewhere
        (the AI provider): filled and checked alike, ranked after the library's
        unless they check better."""
        if limit <= 0:
            return []
        now = self.clock()
        where = situation(self.store, conversation_id, now)
        voice = self.voices.get(where.account_id)
        values = values_for(where.view, agent=agent, voice=voice)
        sent = sent_recently(self.store, now=now)
        templates = self.library.all()
        codes = shortcodes_of(templates)
        ranked = sorted(
            ((_relevance(t, where, values), t) for t in templates if _offered(t, where)),
            key=lambda pair: (-pair[0], pair[1].key),
        )
        drafts: list[Suggestion] = []
        for position, (relevance, template) in enumerate(ranked):
            text = self._fresh(template, where, voice, values, sent, conversation_id + position)
            drafts.append(
                _checked(text, template.name, relevance, where, voice, values, sent, codes)
            )
        for text, name in extra:
            drafts.append(_checked(text, name, EXTRA_BASE, where, voice, values, sent, codes))
        drafts.sort(key=lambda d: (-d.score, d.template.casefold()))
        out: list[Suggestion] = []
        seen: set[str] = set()
        for draft in drafts:
            key = normalise(draft.text)
            if key in seen:
                continue
            seen.add(key)
            out.append(draft)
            if len(out) == limit:
                break
        return out

    @staticmethod
    def _fresh(
        template: ReplyTemplate,
        where: Situation,
        voice: BrandVoice,
        values: Mapping[str, str],
        sent: Mapping[str, set[int]],
        variant: int,
    ) -> str:
        """The template composed with the voice's first phrasing (turning with the
        conversation) whose text has not just gone to many people; networks flag the
        same reply to many accounts as spam."""
        turns = max(len(voice.apologies), len(voice.empathy), len(voice.thanks), 1)
        first = ""
        for turn in range(turns):
            text = compose(template, where, voice, values, variant=variant + turn)
            others = sent.get(normalise(render(text, values).text), set()) - {where.view.id}
            if len(others) < REPEAT_WARN_AT:
                return text
            first = first or text
        return first


def shortcodes_of(templates: Iterable[ReplyTemplate]) -> frozenset[str]:
    """The snippets' shortcodes, for the check that none is left unexpanded."""
    return frozenset(t.shortcode.lower() for t in templates if t.shortcode)


def _offered(template: ReplyTemplate, where: Situation) -> bool:
    if not where.intent:
        return False  # nothing from the customer to answer
    if where.intent == "spam" and "spam" not in template.intents:
        return False  # a reply to spam only feeds it
    fits = template.fits(
        intent=where.intent,
        topic=where.topic,
        public=where.public,
        network=where.network,
        replied=where.replied,
    )
    # An order number or an address never goes in public.
    return fits and not (where.public and PRIVATE_TOKENS & set(tokens_in(template.text)))


def _relevance(template: ReplyTemplate, where: Situation, values: Mapping[str, str]) -> float:
    points = 0.0
    if template.topics and where.topic in template.topics:
        points += TOPIC_POINTS
    if template.intents and where.intent in template.intents:
        points += INTENT_POINTS
    if template.channel != "any":
        points += CHANNEL_POINTS
    if template.networks:
        points += NETWORK_POINTS
    used = tokens_in(template.text)
    for token in DATA_TOKENS:
        if token in used:
            points += FOUND_DATA_POINTS if values.get(token) else -MISSING_DATA_PENALTY
    return points


def compose(
    template: ReplyTemplate,
    where: Situation,
    voice: BrandVoice,
    values: Mapping[str, str],
    *,
    variant: int = 0,
) -> str:
    """A template framed in the brand voice, tokens not yet filled. On X in public, the
    greeting, the empathy line, the apology and the sign-off go (in that order) while
    the reply is over the limit; the body always stays."""
    body = template.text
    if voice.formality == "formal":
        body = formalise(body)
    if voice.emoji == "none":
        body = strip_emoji(body)
    greeting = next((g for g in voice.greetings if render(g, values).complete), "")
    apology = empathy = thanks = ""
    if where.intent == "complaint":
        apology = _pick(voice.apologies, variant)
        if not where.public:
            empathy = _pick(voice.empathy, variant)
    elif where.intent in ("praise", "feedback"):
        thanks = _pick(voice.thanks, variant)
    sign_off = voice.sign_off if render(voice.sign_off, values).complete else ""
    parts = {"greeting": greeting, "opener": " ".join(p for p in (thanks, apology) if p)}
    parts |= {"empathy": empathy, "body": body, "sign_off": sign_off}
    text = _assemble(parts, where)
    if where.network == "x" and where.public:
        limit = voice.limit(where.network, True)
        for drop in ("empathy", "greeting", "opener", "sign_off"):
            if weighted_length(render(text, values).text) <= limit:
                break
            parts[drop] = ""
            text = _assemble(parts, where)
    return text


def _pick(phrases: Sequence[str], variant: int) -> str:
    # Turns with the conversation, so the same words do not go to everyone at once.
    return phrases[variant % len(phrases)] if phrases else ""


def _assemble(parts: Mapping[str, str], where: Situation) -> str:
    """One paragraph on X in public; elsewhere the greeting and the sign-off on lines
    of their own."""
    middle = " ".join(p for p in (parts["opener"], parts["empathy"], parts["body"]) if p)
    greeting, sign_off = parts["greeting"], parts["sign_off"]
    if where.network == "x" and where.public:
        if greeting.endswith(",") and middle:
            middle = _lower_first(middle)
        return " ".join(p for p in (greeting, middle, sign_off) if p)
    return "\n\n".join(p for p in (greeting, middle, sign_off) if p)


def _lower_first(text: str) -> str:
    """ "We're sorry" after "Hi Dana," reads "we're sorry"; "I", names and acronyms stay."""
    first = text.split(maxsplit=1)[0]
    if first[:1].isupper() and first[1:2].islower() and not re.match(r"I\b|I['’]", first):
        return text[0].lower() + text[1:]
    return text


def formalise(text: str) -> str:
    """Contractions written out ("we're" becomes "we are"), keeping a capital."""

    def spell(found: re.Match[str]) -> str:
        word = found.group(0)
        full = _CONTRACTIONS[word.lower().replace("’", "'")]
        return full[0].upper() + full[1:] if word[0].isupper() else full

    return _CONTRACTION.sub(spell, text)


def _checked(
    text: str,
    name: str,
    relevance: float,
    where: Situation,
    voice: BrandVoice,
    values: Mapping[str, str],
    sent: Mapping[str, set[int]],
    shortcodes: frozenset[str],
) -> Suggestion:
    rendered = render(text, values)
    checks = _checks(rendered, where, voice, sent, public=where.public, shortcodes=shortcodes)
    score = relevance
    for check in checks:
        if check.level == BLOCK and check.name != "fields":
            score -= BLOCK_PENALTY
        elif check.level == WARN:
            score -= WARN_PENALTY
    return Suggestion(rendered.text, name, tuple(checks), round(score, 3), rendered.stops)


def _checks(
    rendered: Rendered,
    where: Situation,
    voice: BrandVoice,
    sent: Mapping[str, set[int]],
    *,
    public: bool,
    shortcodes: frozenset[str],
) -> list[Check]:
    others = sent.get(normalise(rendered.text), set()) - {where.view.id}
    context = CheckContext(where.network, public, voice, repeats=len(others), shortcodes=shortcodes)
    return check_reply(rendered.text, context, fields=rendered.stops)


def prepare(
    store: Store,
    conversation_id: int,
    text: str,
    *,
    agent: str | None,
    public: bool | None = None,
    voices: VoiceBook | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> Prepared:
    """A reply the agent wrote, as it will be sent: its tokens filled from the
    conversation, then every check. ``public=False`` checks it as a private message
    to the author (the "send as DM" offer)."""
    now = clock()
    where = situation(store, conversation_id, now)
    voice = (voices or VoiceBook(store)).get(where.account_id)
    values = values_for(where.view, agent=agent, voice=voice)
    rendered = render(text, values)
    sent = sent_recently(store, now=now)
    checks = _checks(
        rendered,
        where,
        voice,
        sent,
        public=where.public if public is None else public,
        shortcodes=shortcodes_of(Library(store).all()),
    )
    return Prepared(rendered.text, tuple(checks), dict(values), rendered.stops)


def check_text(store: Store, conversation_id: int, text: str, *, agent: str | None) -> list[Check]:
    """The checks for a reply the agent wrote (see ``prepare``)."""
    return list(prepare(store, conversation_id, text, agent=agent).checks)
