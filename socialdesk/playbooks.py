"""Playbooks: short guides per situation (an outage, a delivery problem, an angry
customer...) shown beside the composer, so an agent handles the same situation the same
way whoever is on shift.

Ours ship in ``resources/playbooks/default.json``. A team's edits, additions and
deletions are kept over them in one workspace setting (``playbooks``), so everyone on a
shared database sees the same guides, and a later version's improved wording still
reaches every playbook the team has not changed. ``for_situation`` picks the ones that
fit a message from what triage found: its topic, its intent, and whether it is angry.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from socialdesk.domain import utcnow
from socialdesk.models import WorkspaceSetting
from socialdesk.store import Store
from socialdesk.triage import INTENTS, TOPICS, CueBook, default_cues, normalise_text, tokens

RESOURCE = "playbooks/default.json"
SETTING_KEY = "playbooks"
FORMAT = "socialdesk-playbooks"
EDITS_FORMAT = "socialdesk-playbook-edits"
VERSION = 1

# An angry message brings the angry-customer playbook to the top: VADER's compound this
# negative, or a complaint in an upset tone (shouting, "!!", angry emoji).
ANGRY_SENTIMENT = -0.6
UPSET_CUE_GROUP = "intensity"  # the triage cues' upset-tone group

# Caps: a playbook is read at a glance beside the composer, not studied.
MAX_NAME = 60
MAX_TITLE = 80
MAX_SUMMARY = 300
MAX_LINE = 200
MAX_TEMPLATE_NAME = 100
MAX_STEPS = 12
MAX_AVOID = 8
MAX_TEMPLATES = 12
MAX_PLAYBOOKS = 200
MAX_IMPORT_CHARS = 2_000_000

log = logging.getLogger("socialdesk.playbooks")


class PlaybookError(ValueError):
    """A playbook or playbooks file that cannot be used; the message says which and why."""


def _key(name: str) -> str:
    """Names are keys compared without case: "Outage" and "outage" are one playbook."""
    return name.strip().casefold()


def _text(value: Any, what: str, cap: int) -> str:
    if not isinstance(value, str):
        raise PlaybookError(f"{what} must be text")
    text = value.strip()
    if not text:
        raise PlaybookError(f"{what} is empty")
    if len(text) > cap:
        raise PlaybookError(f"{what} is longer than {cap} characters")
    if any(ch in text for ch in "\r\n\t\x00"):
        raise PlaybookError(f"{what} must be one line")
    return text


def _texts(values: Iterable[Any], what: str, cap: int, most: int) -> tuple[str, ...]:
    """``what`` is plural ("steps"): the message names the list and the item's number."""
    items = tuple(_text(v, f"{what}, number {i},", cap) for i, v in enumerate(values, 1))
    if len(items) > most:
        raise PlaybookError(f"{most} {what} at most, not {len(items)}")
    return items


def _known(values: Iterable[Any], what: str, known: Sequence[str]) -> tuple[str, ...]:
    items: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise PlaybookError(f"{what}s must be text")
        if value not in items:
            items.append(value)
    unknown = [v for v in items if v not in known]
    if unknown:
        raise PlaybookError(
            f"unknown {what}{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(map(repr, unknown))}: one of {', '.join(known)}"
        )
    return tuple(items)


def _list(raw: Any, name: str, required: bool) -> list[Any]:
    value = raw.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise PlaybookError(f"{name} must be a list" if value is not None else f"no {name}")
    return value


@dataclass(frozen=True)
class Playbook:
    """One situation's guide. ``intents`` and ``topics`` say when it fits (triage's own
    words); ``angry`` puts it first for any angry message; a playbook with none of these
    is the fallback for messages nothing else fits. ``templates`` name reply templates."""

    name: str
    title: str
    summary: str
    intents: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    angry: bool = False
    steps: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Trimmed and checked here, so one built by hand (the editor) is held to the file's rules.
        name = _text(self.name, "the name", MAX_NAME)
        where = f"playbook {name!r}: "
        try:
            values = {
                "name": name,
                "title": _text(self.title, "the title", MAX_TITLE),
                "summary": _text(self.summary, "the summary", MAX_SUMMARY),
                "intents": _known(self.intents, "intent", INTENTS),
                "topics": _known(self.topics, "topic", TOPICS),
                "steps": _texts(self.steps, "steps", MAX_LINE, MAX_STEPS),
                "avoid": _texts(self.avoid, "things to avoid", MAX_LINE, MAX_AVOID),
                "templates": _texts(self.templates, "templates", MAX_TEMPLATE_NAME, MAX_TEMPLATES),
            }
        except PlaybookError as exc:
            raise PlaybookError(where + str(exc)) from None
        if not values["steps"]:
            raise PlaybookError(where + "a playbook needs at least one step")
        if not isinstance(self.angry, bool):
            raise PlaybookError(where + "angry must be true or false")
        for attribute, value in values.items():
            object.__setattr__(self, attribute, value)

    @property
    def fallback(self) -> bool:
        """Shown only when no other playbook fits."""
        return not (self.intents or self.topics or self.angry)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "when": {
                "intents": list(self.intents),
                "topics": list(self.topics),
                "angry": self.angry,
            },
            "steps": list(self.steps),
            "avoid": list(self.avoid),
            "templates": list(self.templates),
        }

    @classmethod
    def from_json(cls, raw: Any) -> Playbook:
        """A playbook as the file keeps it. Keys this version does not know are ignored,
        so a teammate on a newer version does not make the others' playbooks unreadable."""
        if not isinstance(raw, dict):
            raise PlaybookError("a playbook must be an object")
        if "name" not in raw:
            raise PlaybookError("a playbook has no name")
        name = raw["name"]
        try:
            when = raw.get("when", {})
            if not isinstance(when, dict):
                raise PlaybookError("when must be an object")
            angry = when.get("angry", False)
            if not isinstance(angry, bool):
                raise PlaybookError("angry must be true or false")
            for required in ("title", "summary"):
                if required not in raw:
                    raise PlaybookError(f"no {required}")
            fields = (
                _list(when, "intents", False),
                _list(when, "topics", False),
                _list(raw, "steps", True),
                _list(raw, "avoid", False),
                _list(raw, "templates", False),
            )
        except PlaybookError as exc:
            raise PlaybookError(f"playbook {name!r}: {exc}") from None
        intents, topics, steps, avoid, templates = fields
        return cls(
            name=name,
            title=raw["title"],
            summary=raw["summary"],
            intents=tuple(intents),
            topics=tuple(topics),
            angry=angry,
            steps=tuple(steps),
            avoid=tuple(avoid),
            templates=tuple(templates),
        )


def parse_playbooks(text: str, where: str) -> list[Playbook]:
    """A playbooks file (the shipped one, or an export): every playbook checked, names
    unique. Nothing is returned unless all of it is good."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlaybookError(f"{where} is not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PlaybookError(f"{where} is not a SocialDesk playbooks file")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlaybookError(f"{where}: the version must be a whole number")
    if version > VERSION:
        raise PlaybookError(f"{where} was made by a newer SocialDesk (version {version})")
    items = raw.get("playbooks")
    if not isinstance(items, list):
        raise PlaybookError(f"{where} has no list of playbooks")
    return _checked(items, where)


def _checked(items: Sequence[Any], where: str) -> list[Playbook]:
    if len(items) > MAX_PLAYBOOKS:
        raise PlaybookError(f"{where}: {MAX_PLAYBOOKS} playbooks at most, not {len(items)}")
    playbooks: list[Playbook] = []
    seen: set[str] = set()
    for number, item in enumerate(items, 1):
        try:
            playbook = Playbook.from_json(item)
        except PlaybookError as exc:
            raise PlaybookError(f"{where}, playbook {number}: {exc}") from None
        if _key(playbook.name) in seen:
            raise PlaybookError(f"{where}: two playbooks are named {playbook.name!r}")
        seen.add(_key(playbook.name))
        playbooks.append(playbook)
    return playbooks


@lru_cache(maxsize=1)
def shipped() -> tuple[Playbook, ...]:
    """Ours, as shipped (a broken file is our bug: it raises)."""
    text = files("socialdesk_resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    return tuple(parse_playbooks(text, "the built-in playbooks"))


def upset_tone(text: str, cues: CueBook | None = None) -> bool:
    """Whether a message shouts, stacks "!!" or uses angry emoji: triage's upset-tone
    cues, for ``for_situation(upset=...)``."""
    cues = cues or default_cues()
    words = tokens(normalise_text(text))
    return UPSET_CUE_GROUP in cues.match(words, text, cues.starts(words))


@dataclass
class _Edits:
    """What a team changed: its own versions and additions by key, and which of ours it
    deleted (keys)."""

    playbooks: dict[str, Playbook] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)

    def to_text(self) -> str:
        shipped_names = {_key(p.name): p.name for p in shipped()}
        return json.dumps(
            {
                "format": EDITS_FORMAT,
                "version": VERSION,
                "playbooks": [p.to_json() for p in self.playbooks.values()],
                "deleted": sorted(shipped_names.get(k, k) for k in self.deleted),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_text(cls, text: str) -> _Edits:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlaybookError(f"not JSON: {exc.msg}") from None
        if not isinstance(raw, dict) or raw.get("format") != EDITS_FORMAT:
            raise PlaybookError("not the team's playbooks")
        if not isinstance(raw.get("version"), int) or raw["version"] > VERSION:
            raise PlaybookError(f"version {raw.get('version')!r} is not one this version reads")
        items, deleted = raw.get("playbooks"), raw.get("deleted", [])
        if not isinstance(items, list) or not isinstance(deleted, list):
            raise PlaybookError("playbooks and deleted must be lists")
        if not all(isinstance(name, str) for name in deleted):
            raise PlaybookError("deleted must list names")
        playbooks = _checked(items, "the team's playbooks")
        return cls({_key(p.name): p for p in playbooks}, {_key(n) for n in deleted})

    def merged(self) -> list[Playbook]:
        """Ours in their order (the team's version where it has one, without the deleted
        ones), then the team's own in the order they were added."""
        result = [
            self.playbooks.get(_key(p.name), p)
            for p in shipped()
            if _key(p.name) not in self.deleted
        ]
        present = {_key(p.name) for p in result}
        result.extend(p for k, p in self.playbooks.items() if k not in present)
        return result

    def put(self, playbook: Playbook) -> None:
        key = _key(playbook.name)
        self.deleted.discard(key)
        self.playbooks.pop(key, None)
        # Ours unchanged is no edit: a later version's wording then reaches it too.
        if playbook not in shipped():
            self.playbooks[key] = playbook

    def remove(self, name: str) -> None:
        key = _key(name)
        self.playbooks.pop(key, None)
        if key in {_key(p.name) for p in shipped()}:
            self.deleted.add(key)


class PlaybookBook:
    """The playbooks in force for a workspace: ours with the team's edits over them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading -----------------------------------------------------------------------

    def _stored(self) -> tuple[_Edits, str | None]:
        with self.store.connect() as conn:
            text = conn.execute(
                select(WorkspaceSetting.value).where(WorkspaceSetting.key == SETTING_KEY)
            ).scalar()
        return _read(text)

    def all(self) -> list[Playbook]:
        """Every playbook in force. A stored value this version cannot read (a newer
        version's, or damaged) gives ours as shipped: the composer keeps its guides,
        and ``problem`` says why the team's are missing."""
        edits, _ = self._stored()
        return edits.merged()

    def problem(self) -> str | None:
        """Why the team's stored playbooks cannot be read, or None when they can."""
        return self._stored()[1]

    def get(self, name: str) -> Playbook | None:
        return next((p for p in self.all() if _key(p.name) == _key(name)), None)

    def for_situation(
        self,
        intent: str | None,
        topic: str | None,
        *,
        sentiment: float | None = None,
        complaint: bool | None = None,
        upset: bool = False,
    ) -> list[Playbook]:
        """The playbooks that fit a message, best first. An angry message (``sentiment``
        at or below ``ANGRY_SENTIMENT``, or a complaint in an ``upset`` tone, see
        ``upset_tone``) puts the angry ones first; then a playbook for the message's
        topic, then one for its intent. Ties keep the book's order. When nothing fits,
        the fallbacks (playbooks with no ``when``)."""
        return rank(
            self.all(), intent, topic, sentiment=sentiment, complaint=complaint, upset=upset
        )

    # -- changing ----------------------------------------------------------------------

    def save(self, playbook: Playbook, *, replacing: str | None = None) -> None:
        """Add a playbook, or change the one named ``replacing`` (which may rename it).
        A name is one playbook: saving over another one's name is refused."""
        with self.store.session() as session:
            edits = _locked(session)
            names = {_key(p.name) for p in edits.merged()}
            if replacing is not None and _key(replacing) not in names:
                raise PlaybookError(f"there is no playbook {replacing!r}")
            new = _key(playbook.name)
            if new in names and new != _key(replacing or ""):
                raise PlaybookError(f"there is already a playbook named {playbook.name!r}")
            if replacing is not None and _key(replacing) != new:
                edits.remove(replacing)
            edits.put(playbook)
            if len(edits.merged()) > MAX_PLAYBOOKS:
                raise PlaybookError(f"{MAX_PLAYBOOKS} playbooks at most")
            _write(session, edits)

    def delete(self, name: str) -> None:
        with self.store.session() as session:
            edits = _locked(session)
            if _key(name) not in {_key(p.name) for p in edits.merged()}:
                raise PlaybookError(f"there is no playbook {name!r}")
            edits.remove(name)
            _write(session, edits)

    def reset(self) -> None:
        """Back to ours as shipped: the team's edits, additions and deletions go."""
        with self.store.session() as session:
            session.execute(delete(WorkspaceSetting).where(WorkspaceSetting.key == SETTING_KEY))

    # -- sharing -----------------------------------------------------------------------

    def export_json(self) -> str:
        """Every playbook in force, as a file ``import_json`` (here or elsewhere) reads."""
        document = {
            "format": FORMAT,
            "version": VERSION,
            "playbooks": [p.to_json() for p in self.all()],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def import_json(self, text: str, *, replace: bool = False) -> int:
        """Add a playbooks file's playbooks, each replacing any of the same name; with
        ``replace``, they become the only ones. All of the file is checked before
        anything changes. Returns how many were imported."""
        if len(text) > MAX_IMPORT_CHARS:
            raise PlaybookError(f"the file is too large ({MAX_IMPORT_CHARS:,} characters at most)")
        incoming = parse_playbooks(text, "the file")
        with self.store.session() as session:
            edits = _locked(session)
            if replace:
                edits = _Edits(deleted={_key(p.name) for p in shipped()})
            for playbook in incoming:
                edits.put(playbook)
            if len(edits.merged()) > MAX_PLAYBOOKS:
                raise PlaybookError(f"{MAX_PLAYBOOKS} playbooks at most")
            _write(session, edits)
        return len(incoming)


def rank(
    playbooks: Sequence[Playbook],
    intent: str | None,
    topic: str | None,
    *,
    sentiment: float | None = None,
    complaint: bool | None = None,
    upset: bool = False,
) -> list[Playbook]:
    """``PlaybookBook.for_situation`` over a given list (no database)."""
    if complaint is None:
        complaint = intent == "complaint"
    angry = (sentiment is not None and sentiment <= ANGRY_SENTIMENT) or (complaint and upset)
    scored: list[tuple[tuple[bool, bool, bool], int, Playbook]] = []
    for order, playbook in enumerate(playbooks):
        fit = (
            playbook.angry and angry,
            bool(topic) and topic in playbook.topics,
            bool(intent) and intent in playbook.intents,
        )
        if any(fit):
            scored.append((fit, order, playbook))
    if not scored:
        return [p for p in playbooks if p.fallback]
    scored.sort(key=lambda item: (tuple(not hit for hit in item[0]), item[1]))
    return [playbook for _, _, playbook in scored]


def _read(text: str | None) -> tuple[_Edits, str | None]:
    if text is None:
        return _Edits(), None
    try:
        return _Edits.from_text(text), None
    except PlaybookError as exc:
        problem = f"the team's playbooks cannot be read ({exc}); showing the built-in ones"
        _warn(problem)
        return _Edits(), problem


@lru_cache(maxsize=16)
def _warn(problem: str) -> None:
    """Logged once, not on every message the composer shows."""
    log.warning("%s", problem)


def _locked(session: Session) -> _Edits:
    """The team's edits, the row held until the session ends so two agents saving at
    once do not lose one another's change (PostgreSQL; SQLite has one writer anyway).
    An unreadable value counts as no edits: saving then replaces it."""
    row = session.get(WorkspaceSetting, SETTING_KEY, with_for_update=True)
    return _read(None if row is None else row.value)[0]


def _write(session: Session, edits: _Edits) -> None:
    row = session.get(WorkspaceSetting, SETTING_KEY)
    if not edits.playbooks and not edits.deleted:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(WorkspaceSetting(key=SETTING_KEY, value=edits.to_text(), updated_at=utcnow()))
    else:
        row.value, row.updated_at = edits.to_text(), utcnow()
