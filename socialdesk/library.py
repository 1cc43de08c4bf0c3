"""The reply library: templates the drafter picks from, and snippets agents expand.

A template is a reply body for an intent, a topic and a channel; the drafter frames
it in the brand voice. A snippet is a piece of text an agent calls up in the composer
by typing its shortcode (``;refund``), with tab stops (``[[amount]]``) to fill.

The shipped library (``resources/replies/library.json``) is the starting point. What a
team changes is kept beside it in ``workspace_settings``, one row per template it
edited, added or deleted (a deleted shipped template leaves a marker, so it stays
deleted), keyed by the template's name. A team on PostgreSQL therefore sees each
other's edits at once, two people editing different templates never overwrite each
other, and templates the team never touched follow the shipped library when it
improves. Export and import use one documented, versioned JSON format::

    {"format": "socialdesk-library", "version": 1, "templates": [
        {"name": "...", "kind": "template" | "snippet", "shortcode": ";word" | "",
         "channel": "public" | "private" | "any", "intents": [...], "topics": [...],
         "networks": [...], "stage": "any" | "first" | "later", "description": "...",
         "text": "..."}]}

Only ``name`` and ``text`` are required; empty lists mean "any".
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from socialdesk.domain import Network, utcnow
from socialdesk.models import WorkspaceSetting
from socialdesk.store import Store
from socialdesk.tokens import KNOWN_TOKENS, Span, find_fields, render, unknown_tokens
from socialdesk.triage import INTENTS, TOPICS
from socialdesk.voice import put_setting

log = logging.getLogger("socialdesk.library")

LIBRARY_RESOURCE = "replies/library.json"
FORMAT = "socialdesk-library"
FORMAT_VERSION = 1
KINDS = ("template", "snippet")
CHANNELS = ("public", "private", "any")
# When in a conversation a template fits: before our first reply, after it, or either.
STAGES = ("any", "first", "later")
NETWORKS = tuple(n.value for n in Network)
KEY_PREFIX = "reply:"
MAX_NAME = 80
MAX_TEXT = 10_000
MAX_DESCRIPTION = 300
MAX_TEMPLATES = 5_000
SHORTCODE = re.compile(r";[a-z0-9_-]{1,30}")
# A shortcode just typed: after the start or a space, up to the cursor.
_TYPED_SHORTCODE = re.compile(r"(?:^|(?<=\s));[A-Za-z0-9_-]{1,30}$")
_FIELD_ORDER = (
    "name",
    "kind",
    "shortcode",
    "channel",
    "intents",
    "topics",
    "networks",
    "stage",
    "description",
    "text",
)


class LibraryError(ValueError):
    """A template, or a library file, that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ReplyTemplate:
    """One template or snippet. Checked when made: a bad one never reaches the store."""

    name: str
    text: str
    shortcode: str = ""
    kind: str = "template"
    intents: tuple[str, ...] = ()  # empty: any intent
    topics: tuple[str, ...] = ()  # empty: any topic, or none
    channel: str = "any"
    networks: tuple[str, ...] = ()  # empty: any network
    description: str = ""
    stage: str = "any"  # "first": before we have replied; "later": after

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "name", _one_line("name", self.name, MAX_NAME))
        if not self.name:
            raise LibraryError("name: a template needs a name")
        text = _multi_line("text", self.text, MAX_TEXT)
        if not text:
            raise LibraryError("text: a template needs some text")
        unknown = unknown_tokens(text)
        if unknown:
            raise LibraryError(
                f"text: {{{unknown[0]}}} is not a token (tokens: {', '.join(KNOWN_TOKENS)}; "
                "for a field the agent fills, write [[what goes here]])"
            )
        set_(self, "text", text)
        shortcode = _one_line("shortcode", self.shortcode, 31).lower()
        if shortcode and not SHORTCODE.fullmatch(shortcode):
            raise LibraryError(
                f"shortcode: {shortcode!r} must be ; and up to 30 letters, digits, - or _, "
                "such as ;refund"
            )
        set_(self, "shortcode", shortcode)
        if self.kind not in KINDS:
            raise LibraryError(f"kind: {self.kind!r} must be one of {', '.join(KINDS)}")
        if self.channel not in CHANNELS:
            raise LibraryError(f"channel: {self.channel!r} must be one of {', '.join(CHANNELS)}")
        if self.stage not in STAGES:
            raise LibraryError(f"stage: {self.stage!r} must be one of {', '.join(STAGES)}")
        for name, allowed in (("intents", INTENTS), ("topics", TOPICS), ("networks", NETWORKS)):
            set_(self, name, _choices(name, getattr(self, name), allowed))
        set_(self, "description", _one_line("description", self.description, MAX_DESCRIPTION))

    @property
    def key(self) -> str:
        return name_key(self.name)

    def fits(
        self, *, intent: str, topic: str, public: bool, network: str, replied: bool = False
    ) -> bool:
        """Whether the drafter may offer it for a message of this intent and topic, in
        a conversation we have or have not ``replied`` to yet."""
        return (
            self.kind == "template"
            and self.stage in ("any", "later" if replied else "first")
            and (not self.intents or intent in self.intents)
            and (not self.topics or topic in self.topics)
            and self.channel in ("any", "public" if public else "private")
            and (not self.networks or network in self.networks)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name in _FIELD_ORDER
            for value in (getattr(self, name),)
        }

    @classmethod
    def from_dict(cls, raw: Any) -> ReplyTemplate:
        """From one entry of the JSON format; errors name the field."""
        if not isinstance(raw, dict):
            raise LibraryError("each template must be a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(k for k in raw if k not in known and not str(k).startswith("_"))
        if unknown:
            raise LibraryError(f"{unknown[0]}: not a template field ({', '.join(_FIELD_ORDER)})")
        for required in ("name", "text"):
            if required not in raw:
                raise LibraryError(f"{required}: missing")
        values: dict[str, Any] = {}
        for name in known:
            if name not in raw:
                continue
            value = raw[name]
            if name in ("intents", "topics", "networks"):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise LibraryError(f"{name}: must be a list of texts")
                value = tuple(value)
            elif not isinstance(value, str):
                raise LibraryError(f"{name}: must be a text")
            values[name] = value
        return cls(**values)


def name_key(name: str) -> str:
    """Names are unique whatever their capitals: ``Refund`` and ``refund`` are one."""
    return " ".join(name.split()).casefold()


def _setting_key(name: str) -> str:
    # workspace_settings keys are at most 64 characters; a name is up to 80.
    digest = hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:40]
    return KEY_PREFIX + digest


def _one_line(name: str, value: Any, cap: int) -> str:
    if not isinstance(value, str):
        raise LibraryError(f"{name}: must be a text")
    text = " ".join(value.split())
    _no_controls(name, text)
    if len(text) > cap:
        raise LibraryError(f"{name}: {len(text):,} characters; at most {cap:,}")
    return text


def _multi_line(name: str, value: Any, cap: int) -> str:
    if not isinstance(value, str):
        raise LibraryError(f"{name}: must be a text")
    text = "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").split("\n")).strip()
    _no_controls(name, text.replace("\n", ""))
    if len(text) > cap:
        raise LibraryError(f"{name}: {len(text):,} characters; at most {cap:,}")
    return text


def _no_controls(name: str, text: str) -> None:
    if any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in text):
        raise LibraryError(f"{name}: holds a control character")


def _choices(name: str, value: Any, allowed: Sequence[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise LibraryError(f"{name}: must be a list")
    for item in value:
        if item not in allowed:
            raise LibraryError(f"{name}: {item!r} is not one of {', '.join(allowed)}")
    return tuple(dict.fromkeys(value))


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    removed: int = 0


@dataclass(frozen=True, slots=True)
class Expansion:
    """A shortcode expanded in the composer: the new text, where the cursor goes (the
    first field to fill, else after the snippet) and the snippet's fields."""

    text: str
    cursor: int
    stops: tuple[Span, ...]
    template: str


def parse_library(text: str, where: str = "the file") -> list[ReplyTemplate]:
    """Every template in a library file, all checked; the first problem raises, naming
    the item and the field. Nothing is half-read."""
    try:
        raw = json.loads(text)
    except (ValueError, TypeError) as exc:
        raise LibraryError(f"{where} is not JSON: {exc}") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise LibraryError(f'{where} is not a SocialDesk library (no "format": "{FORMAT}")')
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise LibraryError(f'{where}: "version" must be a whole number')
    if version > FORMAT_VERSION:
        raise LibraryError(
            f"{where} is library version {version}, from a newer SocialDesk; this one reads "
            f"version {FORMAT_VERSION}"
        )
    items = raw.get("templates")
    if not isinstance(items, list):
        raise LibraryError(f'{where}: "templates" must be a list')
    if len(items) > MAX_TEMPLATES:
        raise LibraryError(f"{where} holds {len(items):,} templates; at most {MAX_TEMPLATES:,}")
    templates: list[ReplyTemplate] = []
    names: dict[str, int] = {}
    codes: dict[str, int] = {}
    for number, item in enumerate(items, 1):
        label = f"template {number}"
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            label += f" ({item['name'].strip()[:MAX_NAME]!r})"
        try:
            template = ReplyTemplate.from_dict(item)
        except LibraryError as exc:
            raise LibraryError(f"{where}: {label}: {exc}") from None
        if template.key in names:
            raise LibraryError(
                f"{where}: {label}: name: template {names[template.key]} has the same name"
            )
        if template.shortcode and template.shortcode in codes:
            raise LibraryError(
                f"{where}: {label}: shortcode: {template.shortcode} is also template "
                f"{codes[template.shortcode]}'s"
            )
        names[template.key] = number
        if template.shortcode:
            codes[template.shortcode] = number
        templates.append(template)
    return templates


def library_json(templates: Iterable[ReplyTemplate]) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "templates": [t.to_dict() for t in templates],
        },
        indent=2,
        ensure_ascii=False,
    )


@lru_cache(maxsize=1)
def shipped_templates() -> tuple[ReplyTemplate, ...]:
    """The library SocialDesk ships (``resources/replies/library.json``)."""
    text = files("socialdesk_resources").joinpath(LIBRARY_RESOURCE).read_text("utf-8")
    return tuple(parse_library(text, "the shipped library"))


def _shipped_by_key() -> dict[str, ReplyTemplate]:
    return {t.key: t for t in shipped_templates()}


class Library:
    """The workspace's library: the shipped one with the team's changes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------------------

    def all(self) -> list[ReplyTemplate]:
        """Every template and snippet, by name."""
        return sorted(self._merged().values(), key=lambda t: (t.key, t.name))

    def origins(self) -> dict[str, str]:
        """Each template's name and where it comes from: "shipped" (as shipped),
        "edited" (a shipped one the team changed) or "custom" (the team's own)."""
        shipped = _shipped_by_key()
        out: dict[str, str] = {}
        for key, template in self._merged().items():
            if key not in shipped:
                out[template.name] = "custom"
            else:
                out[template.name] = "shipped" if shipped[key] == template else "edited"
        return out

    def get(self, name: str) -> ReplyTemplate:
        found = self._merged().get(name_key(name))
        if found is None:
            raise LibraryError(f"there is no template called {name!r}")
        return found

    def by_shortcode(self, code: str) -> ReplyTemplate | None:
        wanted = code.strip().lower()
        wanted = wanted if wanted.startswith(";") else f";{wanted}"
        return next((t for t in self.all() if t.shortcode == wanted), None)

    def search(self, query: str) -> list[ReplyTemplate]:
        """Templates with every word of ``query`` in their name, shortcode, text or
        description (any capitals): shortcode and name matches first."""
        words = query.casefold().split()
        if not words:
            return self.all()
        ranked: list[tuple[int, str, ReplyTemplate]] = []
        for template in self.all():
            name, code = template.name.casefold(), template.shortcode
            hay = " ".join((name, code, template.text.casefold(), template.description.casefold()))
            if not all(w in hay for w in words):
                continue
            phrase = " ".join(words)
            if code and phrase in (code, code[1:]):
                rank = 0
            elif name.startswith(phrase) or all(w in name or w in code for w in words):
                rank = 1
            elif all(w in template.description.casefold() or w in name for w in words):
                rank = 2
            else:
                rank = 3
            ranked.append((rank, template.key, template))
        return [t for _, _, t in sorted(ranked, key=lambda r: (r[0], r[1]))]

    # -- changing --------------------------------------------------------------------------

    def save(self, template: ReplyTemplate, *, replacing: str | None = None) -> None:
        """Adds or changes a template; ``replacing`` names the one it replaces when it
        is renamed."""
        current = self._merged()
        if replacing is not None and name_key(replacing) not in current:
            raise LibraryError(f"there is no template called {replacing!r}")
        old_key = name_key(replacing) if replacing is not None else template.key
        if template.key != old_key and template.key in current:
            raise LibraryError(f"a template is called {template.name!r} already")
        after = {k: t for k, t in current.items() if k != old_key}
        after[template.key] = template
        _check_shortcodes(after.values())
        with self.store.session() as session:
            self._write(session, template)
            if template.key != old_key:
                self._remove(session, old_key, current[old_key].name)

    def delete(self, name: str) -> None:
        key = name_key(name)
        current = self._merged()
        if key not in current:
            raise LibraryError(f"there is no template called {name!r}")
        with self.store.session() as session:
            self._remove(session, key, current[key].name)

    def restore(self, name: str) -> None:
        """A shipped template back as shipped (undoing an edit or a deletion)."""
        shipped = _shipped_by_key().get(name_key(name))
        if shipped is None:
            raise LibraryError(f"{name!r} is not a shipped template")
        after = {k: t for k, t in self._merged().items() if k != shipped.key}
        after[shipped.key] = shipped
        _check_shortcodes(after.values())
        with self.store.session() as session:
            session.execute(
                delete(WorkspaceSetting).where(WorkspaceSetting.key == _setting_key(name))
            )

    def export_json(self) -> str:
        return library_json(self.all())

    def import_json(
        self, text: str, *, replace: bool = False, source: str = "the file"
    ) -> ImportResult:
        """Adds the file's templates (one with a name already there replaces it); with
        ``replace`` the library becomes exactly the file. Everything is checked before
        anything changes: a bad file changes nothing. ``source`` names the file in
        errors."""
        imported = parse_library(text, source)
        current = self._merged()
        incoming = {t.key: t for t in imported}
        after = dict(incoming) if replace else {**current, **incoming}
        _check_shortcodes(after.values())
        added = updated = unchanged = removed = 0
        with self.store.session() as session:
            for key, template in incoming.items():
                before = current.get(key)
                if before == template:
                    unchanged += 1
                    continue
                if before is None:
                    added += 1
                else:
                    updated += 1
                self._write(session, template)
            if replace:
                for key, template in current.items():
                    if key not in incoming:
                        self._remove(session, key, template.name)
                        removed += 1
        return ImportResult(added, updated, unchanged, removed)

    def expand(
        self, text: str, cursor: int, values: Mapping[str, str] | None = None
    ) -> Expansion | None:
        """The composer's shortcode: see ``expand_at``."""
        return expand_at(text, cursor, self.by_shortcode, values or {})

    # -- storage ---------------------------------------------------------------------------

    def _merged(self) -> dict[str, ReplyTemplate]:
        merged = _shipped_by_key()
        with self.store.connect() as conn:
            rows = conn.execute(
                select(WorkspaceSetting.key, WorkspaceSetting.value)
                .where(WorkspaceSetting.key.like(f"{KEY_PREFIX}%"))
                .order_by(WorkspaceSetting.key)
            ).all()
        for key, value in rows:
            try:
                raw = json.loads(value)
                if isinstance(raw, dict) and raw.get("deleted"):
                    merged.pop(name_key(str(raw.get("name", ""))), None)
                    continue
                template = ReplyTemplate.from_dict(raw)
            except (ValueError, TypeError) as exc:
                # Written by a newer version, or by hand: the rest of the library works.
                log.warning("skipped the stored template %s: %s", key, exc)
                continue
            merged[template.key] = template
        return merged

    @staticmethod
    def _write(session: Session, template: ReplyTemplate) -> None:
        if _shipped_by_key().get(template.key) == template:
            # As shipped: no row, so it follows the shipped library from now on.
            session.execute(
                delete(WorkspaceSetting).where(WorkspaceSetting.key == _setting_key(template.name))
            )
            return
        value = json.dumps(template.to_dict(), ensure_ascii=False)
        put_setting(session, _setting_key(template.name), value, utcnow())

    @staticmethod
    def _remove(session: Session, key: str, name: str) -> None:
        if key in _shipped_by_key():
            marker = json.dumps({"name": name, "deleted": True}, ensure_ascii=False)
            put_setting(session, _setting_key(name), marker, utcnow())
        else:
            session.execute(
                delete(WorkspaceSetting).where(WorkspaceSetting.key == _setting_key(name))
            )


def _check_shortcodes(templates: Iterable[ReplyTemplate]) -> None:
    seen: dict[str, str] = {}
    for template in sorted(templates, key=lambda t: t.key):
        code = template.shortcode
        if not code:
            continue
        if code in seen:
            raise LibraryError(
                f"shortcode: {code} would belong to both {seen[code]!r} and {template.name!r}"
            )
        seen[code] = template.name


def expand_at(
    text: str,
    cursor: int,
    lookup: Callable[[str], ReplyTemplate | None],
    values: Mapping[str, str],
) -> Expansion | None:
    """If a shortcode ends at ``cursor`` (typed after a space or at the start), the text
    with the snippet in its place, its tokens filled from ``values``. None when there
    is no shortcode there, or no snippet has it."""
    if not 0 <= cursor <= len(text):
        return None
    found = _TYPED_SHORTCODE.search(text[:cursor])
    if found is None:
        return None
    template = lookup(found.group(0).lower())
    if template is None:
        return None
    rendered = render(template.text, values)
    start = found.start()
    new_text = text[:start] + rendered.text + text[cursor:]
    stops = tuple(
        Span(s.start + start, s.end + start, s.name, s.kind) for s in find_fields(rendered.text)
    )
    where = stops[0].start if stops else start + len(rendered.text)
    return Expansion(new_text, where, stops, template.name)
