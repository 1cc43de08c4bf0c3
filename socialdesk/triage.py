"""Triage: is this a complaint, what does the customer want, and why does it rank where it does.

Plain VADER misses complaints that state facts ("order 4471 shows delivered,
nothing here, day 3") and reads sarcasm as praise. The ``CueBook`` holds our own
customer-care cues (``resources/triage/cues.json``, extendable per workspace);
``TriageAnalyser`` combines them with VADER and, when the workspace has learned
from its agents, with the learned model. Everything here is text-only and
picklable so it can run in worker processes; ``prioritise`` adds the context.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from multiprocessing import get_context
from pathlib import Path
from typing import Any, NamedTuple

from socialdesk.domain import IncomingMessage, Score
from socialdesk.prefilter import Prefiltered
from socialdesk.scoring import (
    Done,
    ScoreContext,
    format_followers,
    sentiment_label,
    vader_compound,
)

CUES_RESOURCE = "triage/cues.json"
BRAND_CUES_FILENAME = "cues.json"

INTENTS = ("complaint", "question", "request", "praise", "feedback", "spam", "other")
TOPICS = (
    "delivery",
    "billing",
    "account_access",
    "product_defect",
    "outage",
    "staff_behaviour",
)
_TOPIC_WORDS = {
    "delivery": "delivery",
    "billing": "billing",
    "account_access": "account access",
    "product_defect": "a product defect",
    "outage": "an outage",
    "staff_behaviour": "staff behaviour",
}

# Complaint log-odds: a message needs more than a single faint cue to count.
BIAS = -0.45
NEGATIVE_SENTIMENT_WEIGHT = 1.9
POSITIVE_SENTIMENT_WEIGHT = 1.0
MIXED_GROUP_BONUS = 0.35  # each further kind of complaint cue after the first
QUESTION_DISCOUNT = 1.0
FEEDBACK_DISCOUNT = 1.2
SPAM_DISCOUNT = 3.0
_TONE_ONLY = frozenset({"intensity", "again", "still"})  # tone, not a grievance
# Words a plain question uses too ("how do I request a refund?", "what is your cancellation
# policy?"): they make a complaint more likely, but do not turn a question into one.
_MENTIONS = _TONE_ONLY | {
    "cancelled",
    "money",
    "problem",
    "inability",
    "mishap",
    "effort",
    "complaint_question",
}
MAX_ANALYSED_CHARS = 5000  # VADER is quadratic in sentiment words: read the start only


class CueError(ValueError):
    """A cues file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class CueGroup:
    name: str
    category: str  # complaint, positive, intent, risk
    reason: str
    weight: float
    points: int
    topic: str | None
    phrases: tuple[str, ...]


_TOKEN = re.compile(r"\w+|[^\w\s]")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u2018\u02bc`](?=\w)")


def tokens(text: str) -> list[str]:
    """Words, and every other non-space character on its own (emoji, '!', '?')."""
    return _TOKEN.findall(text)


def normalise_text(text: str) -> str:
    """What cues are matched against: compatibility-folded (fancy letters, full-width
    forms), lowercase, and apostrophes inside words dropped ("don't" is "dont")."""
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    if "'" in folded or not folded.isascii():
        folded = _INNER_APOSTROPHE.sub("", folded)
    return folded.lower()


def _with(groups: tuple[str, ...], group: str) -> tuple[str, ...]:
    return groups if group in groups else (*groups, group)


class PhraseMatcher:
    """Finds cue phrases by walking a word trie, not by trying hundreds of patterns at
    every character: leftmost, longest phrase first, so 'not happy' wins over 'happy'.

    A phrase ending in '*' takes any ending on its last word; 're:' marks a regular
    expression, matched against the text with its case kept (for SHOUTING)."""

    def __init__(self, groups: Mapping[str, Sequence[str]]) -> None:
        # A trie node is [children by word, groups ending here, [(stem, groups)] for a
        # last word given as a stem]. A phrase listed in several groups fires for each.
        self.root: dict[str, list[Any]] = {}
        self.stems: dict[str, tuple[str, ...]] = {}  # one-word phrases ending in '*'
        self.patterns: list[tuple[Prefiltered, str]] = []
        for group, phrases in groups.items():
            for phrase in phrases:
                if phrase.startswith("re:"):
                    self.patterns.append((Prefiltered(phrase[3:]), group))
                else:
                    self._add(group, phrase)
        ordered = sorted(self.stems, key=len, reverse=True)  # the longest stem wins
        self._stem = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._words: dict[str, tuple[str, ...]] = {}
        # A word can only take a stem's phrase if it begins with a stem's first letters.
        self._stem_length = min(map(len, self.stems), default=0)
        self._stem_heads = frozenset(stem[: self._stem_length] for stem in self.stems)

    def _add(self, group: str, phrase: str) -> None:
        star = phrase.endswith("*")
        words = tokens(normalise_text(phrase.rstrip("*")))
        if not words:
            return
        if len(words) == 1 and star:
            self.stems[words[0]] = _with(self.stems.get(words[0], ()), group)
            return
        level = self.root
        path = words[:-1] if star else words
        node: list[Any] = []
        for word in path:
            node = level.setdefault(word, [{}, (), []])
            level = node[0]
        if star:
            for index, (stem, groups) in enumerate(node[2]):
                if stem == words[-1]:
                    node[2][index] = (stem, _with(groups, group))
                    return
            node[2].append((words[-1], (group,)))
        else:
            node[1] = _with(node[1], group)

    def _stem_of(self, word: str) -> tuple[str, ...]:
        try:
            return self._words[word]
        except KeyError:
            pass
        groups: tuple[str, ...] = ()
        if self._stem is not None:
            stem = self._stem.match(word)
            groups = self.stems[stem.group()] if stem else ()
        if len(self._words) < 100_000:  # words repeat a lot; the cache stays bounded
            self._words[word] = groups
        return groups

    def starts(self, word: str) -> bool:
        """Whether a phrase might begin with this word."""
        if word in self.root:
            return True
        stem = self._stem
        return (
            stem is not None
            and word[: self._stem_length] in self._stem_heads
            and (stem.match(word) is not None)
        )

    def _candidates(self, words: Sequence[str]) -> list[int]:
        """Where a phrase might begin: most words begin none."""
        root = self.root
        if self._stem is None:
            return [i for i, word in enumerate(words) if word in root]
        stem, heads, length = self._stem, self._stem_heads, self._stem_length
        return [
            i
            for i, word in enumerate(words)
            if word in root or (word[:length] in heads and stem.match(word))
        ]

    def find_words(
        self, words: Sequence[str], original: str, candidates: Sequence[int] | None = None
    ) -> list[tuple[str, str]]:
        """(group, matched text) pairs, in text order; regex cues after. ``candidates``
        (where a phrase might begin) saves working them out again."""
        found: list[tuple[str, str]] = []
        root = self.root
        heads, length = self._stem_heads, self._stem_length
        last = len(words) - 1
        taken_until = 0
        if candidates is None:
            candidates = self._candidates(words)
        for i in candidates:
            if i < taken_until:
                continue
            word = words[i]
            best_end = 0
            best_groups: tuple[str, ...] = ()
            node = root.get(word)
            j = i
            while node is not None:
                if node[1]:
                    best_end, best_groups = j + 1, node[1]
                if j == last:
                    break
                following = words[j + 1]
                if node[2]:
                    for stem, groups in node[2]:
                        if following.startswith(stem):
                            best_end, best_groups = j + 2, groups
                            break
                node = node[0].get(following)
                j += 1
            if not best_groups:
                if not heads or word[:length] not in heads:
                    continue  # no phrase from here, and no stem the word could take
                best_groups = self._stem_of(word)
                if not best_groups:
                    continue
                best_end = i + 1
            text = word if best_end == i + 1 else " ".join(words[i:best_end])
            found.extend((group, text) for group in best_groups)
            taken_until = best_end
        for pattern, group in self.patterns:
            hit = pattern.search(original)
            if hit:
                found.append((group, hit.group()))
        return found


class _StartMasks(dict[str, int]):
    """word -> which matchers' phrases might begin with it (bit n for matcher n), worked
    out on first sight. Words repeat a lot; the cache stops growing at a bound."""

    LIMIT = 200_000

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        super().__init__()
        self.matchers = matchers

    def __missing__(self, word: str) -> int:
        mask = 0
        for bit, matcher in enumerate(self.matchers):
            if matcher.starts(word):
                mask |= 1 << bit
        if len(self) < self.LIMIT:
            self[word] = mask
        return mask


@dataclass(frozen=True)
class CueBook:
    """The cues in force: ours plus any brand's own, compiled."""

    groups: Mapping[str, CueGroup]
    sarcasm_reason: str
    sarcasm_weight: float
    topics: Mapping[str, tuple[str, ...]]
    sarcasm_praise: tuple[str, ...]
    sarcasm_failure: tuple[str, ...]
    sarcasm_markers: tuple[str, ...]
    sources: tuple[str, ...] = ()
    _main: PhraseMatcher = field(init=False, repr=False, compare=False)
    _sarcasm: PhraseMatcher = field(init=False, repr=False, compare=False)
    _topics: PhraseMatcher = field(init=False, repr=False, compare=False)
    _starts: _StartMasks = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        main = PhraseMatcher({n: g.phrases for n, g in self.groups.items()})
        sarcasm = PhraseMatcher(
            {
                "praise": self.sarcasm_praise,
                "failure": self.sarcasm_failure,
                "marker": self.sarcasm_markers,
            }
        )
        object.__setattr__(self, "_main", main)
        object.__setattr__(self, "_sarcasm", sarcasm)
        object.__setattr__(self, "_topics", PhraseMatcher(self.topics))
        object.__setattr__(self, "_starts", _StartMasks((main, sarcasm, self._topics)))

    # -- loading --------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> CueBook:
        """Our cues, then each extra file's, phrases added to the groups they name."""
        raw = files("socialdesk_resources").joinpath(CUES_RESOURCE).read_text(encoding="utf-8")
        data = _parse_cues(raw, "the built-in cues")
        sources = ["built-in"]
        for path in extra:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CueError(f"cannot read the cues file {path}: {exc.strerror}") from exc
            except UnicodeDecodeError:
                raise CueError(f"the cues file {path} is not UTF-8 text") from None
            _merge(data, _parse_cues(text, str(path)), str(path))
            sources.append(str(path))
        return cls._from_data(data, tuple(sources))

    @classmethod
    def for_workspace(cls, data_dir: Path | None) -> CueBook:
        """The workspace's cues: ours, plus its ``cues.json`` when there is one."""
        if data_dir is None:
            return default_cues()
        brand = data_dir / BRAND_CUES_FILENAME
        return cls.load([brand]) if brand.exists() else default_cues()

    @classmethod
    def _from_data(cls, data: dict[str, Any], sources: tuple[str, ...]) -> CueBook:
        groups: dict[str, CueGroup] = {}
        for category in ("complaint", "positive", "risk"):
            for name, spec in data.get(category, {}).items():
                groups[name] = CueGroup(
                    name=name,
                    category=category,
                    reason=str(spec.get("reason", name.replace("_", " "))),
                    weight=float(spec.get("weight", 0.0)),
                    points=int(spec.get("points", 0)),
                    topic=spec.get("topic"),
                    phrases=tuple(spec.get("phrases", ())),
                )
        for name, spec in data.get("intent", {}).items():
            groups[name] = CueGroup(
                name=name,
                category="intent",
                reason=name,
                weight=0.0,
                points=0,
                topic=None,
                phrases=tuple(spec.get("phrases", ())),
            )
        sarcasm = data.get("sarcasm", {})
        return cls(
            groups=groups,
            sarcasm_reason=str(sarcasm.get("reason", "sarcasm")),
            sarcasm_weight=float(sarcasm.get("weight", 0.0)),
            topics={k: tuple(v) for k, v in data.get("topics", {}).items()},
            sarcasm_praise=tuple(sarcasm.get("praise", ())),
            sarcasm_failure=tuple(sarcasm.get("failure", ())),
            sarcasm_markers=tuple(sarcasm.get("markers", ())),
            sources=sources,
        )

    # -- matching ---------------------------------------------------------------------

    def starts(self, words: Sequence[str]) -> list[int]:
        """For each word, which of the cue, sarcasm and topic phrases (bits 1, 2, 4) might
        begin there: worked out once a text for all three."""
        return list(map(self._starts.__getitem__, words))

    @staticmethod
    def _where(starts: Sequence[int] | None, bit: int) -> list[int] | None:
        if starts is None:
            return None
        return [i for i, mask in enumerate(starts) if mask & bit]

    def match(
        self, words: Sequence[str], original: str, starts: Sequence[int] | None = None
    ) -> dict[str, list[str]]:
        hits: dict[str, list[str]] = {}
        for group, text in self._main.find_words(words, original, self._where(starts, 1)):
            hits.setdefault(group, []).append(text)
        return hits

    def sarcasm(
        self, words: Sequence[str], original: str, starts: Sequence[int] | None = None
    ) -> dict[str, list[str]]:
        hits: dict[str, list[str]] = {}
        for group, text in self._sarcasm.find_words(words, original, self._where(starts, 2)):
            hits.setdefault(group, []).append(text)
        return hits

    def topic(
        self, words: Sequence[str], original: str = "", starts: Sequence[int] | None = None
    ) -> str:
        counts: dict[str, int] = {}
        for name, _ in self._topics.find_words(words, original, self._where(starts, 4)):
            counts[name] = counts.get(name, 0) + 1
        if not counts:
            return ""
        # Ties go to the order topics are listed in, most specific first.
        order = {name: i for i, name in enumerate(self.topics)}
        return max(counts, key=lambda name: (counts[name], -order[name]))


_SECTIONS = ("complaint", "positive", "sarcasm", "intent", "risk", "topics")


def _parse_cues(text: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CueError(f"{where} is not valid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise CueError(f"{where} must hold a JSON object")
    unknown = [k for k in data if k not in _SECTIONS and not k.startswith("_") and k != "version"]
    if unknown:
        raise CueError(f"{where}: unknown section(s) {', '.join(unknown)}; use {_SECTIONS}")
    for section in ("complaint", "positive", "intent", "risk"):
        groups = data.get(section, {})
        if not isinstance(groups, dict):
            raise CueError(f"{where}: {section} must be an object of named groups")
        for name, spec in groups.items():
            if not isinstance(spec, dict) or not isinstance(spec.get("phrases", []), list):
                raise CueError(f"{where}: {section}.{name} needs a list of phrases")
            for key in ("weight", "points"):
                if key in spec:
                    _check_number(spec[key], f"{where}: {section}.{name}.{key}")
            if "reason" in spec and not isinstance(spec["reason"], str):
                raise CueError(f"{where}: {section}.{name}.reason must be text")
            for phrase in spec.get("phrases", []):
                _check_phrase(phrase, f"{where}: {section}.{name}")
    topics = data.get("topics", {})
    if not isinstance(topics, dict):
        raise CueError(f"{where}: topics must be an object of named lists")
    for name, phrases in topics.items():
        if not isinstance(phrases, list):
            raise CueError(f"{where}: topics.{name} must be a list of phrases")
        for phrase in phrases:
            _check_phrase(phrase, f"{where}: topics.{name}")
    sarcasm = data.get("sarcasm", {})
    if not isinstance(sarcasm, dict):
        raise CueError(f"{where}: sarcasm must be an object")
    for key, value in sarcasm.items():
        if key == "weight":
            _check_number(value, f"{where}: sarcasm.weight")
        elif key == "reason":
            if not isinstance(value, str):
                raise CueError(f"{where}: sarcasm.reason must be text")
        elif key in ("praise", "failure", "markers"):
            if not isinstance(value, list):
                raise CueError(f"{where}: sarcasm.{key} must be a list of phrases")
            for phrase in value:
                _check_phrase(phrase, f"{where}: sarcasm.{key}")
        else:
            raise CueError(f"{where}: sarcasm.{key} is not known; use praise, failure, markers")
    return data


def _check_number(value: object, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise CueError(f"{where} must be a number")


def _check_phrase(phrase: object, where: str) -> None:
    if not isinstance(phrase, str) or not phrase.strip():
        raise CueError(f"{where}: every phrase must be non-empty text")
    if phrase.startswith("re:"):
        if "(?P<" in phrase:
            raise CueError(f"{where}: {phrase!r}: named groups are not allowed in patterns")
        try:
            re.compile(f"(?:{phrase[3:]})")
        except re.error as exc:
            raise CueError(f"{where}: bad pattern {phrase!r} ({exc})") from None


def _merge(base: dict[str, Any], extra: dict[str, Any], where: str) -> None:
    """A brand's file adds phrases to existing groups or defines new ones."""
    for section in ("complaint", "positive", "intent", "risk"):
        for name, spec in extra.get(section, {}).items():
            target = base.setdefault(section, {}).setdefault(name, {})
            for key, value in spec.items():
                if key == "phrases":
                    target.setdefault("phrases", []).extend(value)
                else:
                    target[key] = value
            if section in ("complaint", "positive") and "weight" not in target:
                raise CueError(f"{where}: the new group {section}.{name} needs a weight")
            if section == "risk" and "points" not in target:
                raise CueError(f"{where}: the new group risk.{name} needs points")
    for name, phrases in extra.get("topics", {}).items():
        base.setdefault("topics", {}).setdefault(name, []).extend(phrases)
    for key, value in extra.get("sarcasm", {}).items():
        if isinstance(value, list):
            base.setdefault("sarcasm", {}).setdefault(key, []).extend(value)
        else:
            base.setdefault("sarcasm", {})[key] = value


@lru_cache(maxsize=1)
def default_cues() -> CueBook:
    return CueBook.load()


# -- analysis -------------------------------------------------------------------------


class Triage(NamedTuple):
    """Everything the text says, before context (reach, waiting) is added. A tuple, so
    it crosses from worker processes cheaply."""

    sentiment: float
    complaint_score: float
    complaint: bool
    intent: str
    topic: str
    reasons: tuple[str, ...]
    risk_points: int
    risks: tuple[str, ...]
    rule_logit: float

    @property
    def label(self) -> str:
        return sentiment_label(self.sentiment)

    def as_json(self) -> dict[str, Any]:
        return {
            "sentiment": self.sentiment,
            "label": self.label,
            "complaint": self.complaint,
            "complaint_score": self.complaint_score,
            "intent": self.intent,
            "topic": self.topic,
            "reasons": list(self.reasons),
        }


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)
    return e / (1.0 + e)


def _quote(phrase: str) -> str:
    return '"' + " ".join(phrase.split())[:30] + '"'


class TriageAnalyser:
    """Text to ``Triage``: VADER, our cues and, if present, the workspace's learned model."""

    def __init__(self, cues: CueBook | None = None, model: Any = None) -> None:
        self.cues = cues or default_cues()
        self.model = model

    def analyse(self, texts: Sequence[str]) -> list[Triage]:
        return [self.analyse_one(text) for text in texts]

    def analyse_one(self, text: str) -> Triage:
        # What a customer says first decides; a 100,000-character rant is read in part.
        text = text[:MAX_ANALYSED_CHARS]
        compound = vader_compound(text)
        logit, details = self.rule_logit(text, compound)
        model_logit = 0.0
        if self.model is not None:
            model_logit = self.model.logit(text, details["groups"], logit, compound)
        score = _sigmoid(logit + model_logit)
        # A learned model may set the bar lower than even odds (see learning._threshold).
        complaint = score >= getattr(self.model, "threshold", 0.5)
        reasons: list[str] = []
        if complaint:
            reasons.append(f"complaint ({score:.2f})")
            reasons.extend(details["complaint_reasons"])
            if self.model is not None and abs(model_logit) >= 0.5:
                reasons.append("learned from your team's labels")
        if compound <= -0.05:
            reasons.insert(0, f"negative ({compound:+.2f})")
        intent = "complaint" if complaint else details["intent_hint"]
        if intent == "spam":
            reasons.append("looks like spam or abuse")
        topic = self.cues.topic(details["words"], text, details["starts"]) if complaint else ""
        if complaint and not topic:
            # No topic word, but a cue that implies one ("charged twice" is billing).
            groups = self.cues.groups
            topic = next((groups[g].topic or "" for g in details["groups"] if groups[g].topic), "")
        if topic:
            reasons.append(f"about {_TOPIC_WORDS.get(topic, topic)}")
        reasons.extend(details["risk_reasons"])
        return Triage(
            sentiment=compound,
            complaint_score=round(score, 4),
            complaint=complaint,
            intent=intent,
            topic=topic,
            reasons=tuple(reasons),
            risk_points=details["risk_points"],
            risks=tuple(details["risk_reasons"]),
            rule_logit=logit,
        )

    def rule_logit(self, text: str, compound: float | None = None) -> tuple[float, dict[str, Any]]:
        """The rules' complaint log-odds and what they saw (also the learned model's offset)."""
        text = text[:MAX_ANALYSED_CHARS]
        if compound is None:
            compound = vader_compound(text)
        norm = normalise_text(text)
        words = tokens(norm)
        starts = self.cues.starts(words)
        hits = self.cues.match(words, text, starts)
        groups = self.cues.groups
        complaint_groups = [n for n in hits if groups[n].category == "complaint"]
        positive_groups = [n for n in hits if groups[n].category == "positive"]
        logit = BIAS
        reasons = []
        for rank, name in enumerate(sorted(complaint_groups, key=lambda n: -groups[n].weight)):
            logit += groups[name].weight + (MIXED_GROUP_BONUS if rank else 0.0)
            reasons.append(f"{groups[name].reason} ({_quote(hits[name][0])})")
        sarcastic = False
        if positive_groups or compound >= 0.05:
            # Praise beside a failure is sarcasm ("love how you never answer"); praise
            # beside plain bad luck is not ("awful week, but you were brilliant").
            sarcasm = self.cues.sarcasm(words, text, starts)
            if sarcasm.get("failure") and (sarcasm.get("praise") or sarcasm.get("marker")):
                sarcastic = True
                logit += self.cues.sarcasm_weight
                cue = (sarcasm.get("praise") or sarcasm.get("marker") or [""])[0]
                reasons.append(f"{self.cues.sarcasm_reason} ({_quote(cue)})")
        if not sarcastic:
            for name in positive_groups:
                logit += groups[name].weight
        grievances = [n for n in complaint_groups if n not in _TONE_ONLY]
        if compound <= -0.05:
            logit += NEGATIVE_SENTIMENT_WEIGHT * -compound
        elif not sarcastic and not grievances:
            # VADER reads "please help" as warm; beside a complaint cue it is no counter-evidence.
            logit -= POSITIVE_SENTIMENT_WEIGHT * compound
        risk_points = 0
        risk_reasons = []
        for name in hits:
            group = groups[name]
            if group.category == "risk":
                risk_points += group.points
                risk_reasons.append(group.reason)
        intent_hint = self._intent(hits, compound, sarcastic, bool(grievances))
        strong = [n for n in grievances if n not in _MENTIONS]
        if intent_hint == "spam":
            # Scams borrow complaint words ("your account is suspended"): a spam cue wins.
            logit -= SPAM_DISCOUNT
        elif "feedback" in hits:
            # "+1 for dark mode", "please add...": an idea, even when it says "still no".
            logit -= FEEDBACK_DISCOUNT
        elif "question" in hits and not strong:
            # A question with no sign of a grievance is a question, however VADER reads it.
            logit -= QUESTION_DISCOUNT
        return logit, {
            "words": words,
            "starts": starts,
            "groups": sorted(hits),
            "complaint_reasons": reasons,
            "risk_points": risk_points,
            "risk_reasons": risk_reasons,
            "intent_hint": intent_hint,
        }

    @staticmethod
    def _intent(
        hits: Mapping[str, list[str]], compound: float, sarcastic: bool, grievance: bool
    ) -> str:
        """The intent when the message is not a complaint. Spam needs solicitation
        ("link in bio", "verify now"); words like "crypto" or "giveaway" count only with
        a link or with nothing else to say; insults only without a grievance."""
        if "spam" in hits:
            return "spam"
        if "spam_words" in hits and ("link" in hits or not grievance):
            return "spam"
        if "abuse" in hits and compound < 0 and not grievance:
            return "spam"
        if "feedback" in hits:
            return "feedback"
        if not sarcastic and ("praise" in hits or "thanks" in hits) and compound >= 0.3:
            return "praise"
        if "question" in hits:
            return "question"
        if "request" in hits:
            return "request"
        if not sarcastic and compound >= 0.5:
            return "praise"
        return "other"


# -- priority -------------------------------------------------------------------------

COMPLAINT_POINTS = 35
NEGATIVITY_POINTS = 10
PUBLIC_COMPLAINT_POINTS = 12
PUBLIC_POINTS = 4
PRIVATE_POINTS = 3
REACH_POINTS = 15
VIP_POINTS = 10
REPEAT_POINTS = 8
VIP_FOLLOWERS = 50_000
MAX_RISK_POINTS = 25
SPAM_CAP = 5
REPEAT_REASON = "wrote before this week"


def prioritise(
    item: IncomingMessage, triage: Triage, *, vip: bool = False, repeat: bool = False
) -> Score:
    """Priority 0..100 without the waiting time, which the queue adds as time passes."""
    reasons = list(triage.reasons)
    points = 5.0
    points += COMPLAINT_POINTS * triage.complaint_score if triage.complaint else 0.0
    if triage.sentiment < 0:
        points += NEGATIVITY_POINTS * -triage.sentiment
    if item.is_public:
        if triage.complaint:
            points += PUBLIC_COMPLAINT_POINTS
            reasons.insert(1 if reasons else 0, "public complaint")
        else:
            points += PUBLIC_POINTS
    else:
        points += PRIVATE_POINTS
        reasons.append("direct message")
    followers = item.author.followers or 0
    if followers >= 100:
        points += min(REACH_POINTS, 3 * (math.log10(followers) - 1.5))
        reasons.append(format_followers(followers))
    if vip or followers >= VIP_FOLLOWERS:
        points += VIP_POINTS
        reasons.append("VIP")
    if repeat:
        points += REPEAT_POINTS
        reasons.append(REPEAT_REASON)
    points += min(MAX_RISK_POINTS, triage.risk_points)
    priority = round(min(100.0, max(0.0, points)))
    if triage.intent == "spam":
        priority = min(priority, SPAM_CAP)
    return Score(
        sentiment=triage.sentiment,
        complaint=triage.complaint,
        complaint_score=triage.complaint_score,
        priority=priority,
        reasons=tuple(reasons),
        intent=triage.intent,
        topic=triage.topic,
    )


# -- the pipeline's scorer --------------------------------------------------------------

_WORKER: TriageAnalyser | None = None


# Scoring workers run below normal priority: the process that writes to the store
# (and, in the app, draws the window) is the one that must never wait for a core.
# They still take every core that is idle, so an otherwise quiet machine loses nothing.
WORKER_NICENESS = 10


def _start_worker(cue_files: tuple[str, ...], model: Any) -> None:
    global _WORKER
    if hasattr(os, "nice"):  # POSIX; elsewhere the workers keep normal priority
        os.nice(WORKER_NICENESS)
    cues = CueBook.load([Path(p) for p in cue_files]) if cue_files else default_cues()
    _WORKER = TriageAnalyser(cues, model)


def _analyse_in_worker(texts: list[str]) -> list[Triage]:
    assert _WORKER is not None
    return _WORKER.analyse(texts)


class TriageScorer:
    """The ingestion pipeline's scorer. With ``workers`` > 0 the text analysis runs in
    worker processes, so one batch is written while the next is read."""

    def __init__(self, cues: CueBook | None = None, model: Any = None, *, workers: int = 0) -> None:
        self.analyser = TriageAnalyser(cues, model)
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0:
            files_ = tuple(s for s in self.analyser.cues.sources if s != "built-in")
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(files_, model),
            )

    @staticmethod
    def workers_for(expected_items: int) -> int:
        """Worker processes only pay off past a few thousand texts."""
        cores = os.cpu_count() or 1
        return cores if expected_items >= 5000 and cores > 1 else 0

    def submit(self, texts: Sequence[str]) -> Future[list[Any]]:
        if self._pool is None or not texts:
            return Done(list(self.analyser.analyse(texts)))
        return self._pool.submit(_analyse_in_worker, list(texts))

    def score(self, item: IncomingMessage, signals: Any, context: ScoreContext) -> Score:
        return prioritise(item, signals, vip=context.vip, repeat=context.repeat)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
