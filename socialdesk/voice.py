"""A brand's voice: how its replies sound, and how long they may be.

Each brand account can have its own profile; without one it speaks in the workspace's
default, and without that in the shipped default (``resources/voice/default.json``).
The drafter composes suggestions from it (greeting, apology, sign-off), the checks
hold replies to it (words to avoid, emoji, length), and the out-of-hours
acknowledgement uses its text. Profiles are JSON in ``workspace_settings``, so a team
on PostgreSQL shares them.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from socialdesk.domain import utcnow
from socialdesk.models import Account, WorkspaceSetting
from socialdesk.store import Store
from socialdesk.tokens import KNOWN_TOKENS, find_fields, unknown_tokens

log = logging.getLogger("socialdesk.voice")

DEFAULT_VOICE_RESOURCE = "voice/default.json"
FORMAT_VERSION = 1
FORMALITIES = ("casual", "neutral", "formal")
EMOJI_POLICIES = ("none", "sparing", "free")
# The most each network takes in one reply: X 280 as it weighs a post
# (``socialdesk.xlength``), 10,000 characters in an X DM, a Reddit comment and a Reddit
# private message. A brand may set less, never more.
NETWORK_LIMITS = {"x": 280, "x_dm": 10_000, "reddit": 10_000, "reddit_dm": 10_000}
# A network this version does not know: what the desk allows any reply.
FALLBACK_LIMIT = 2_000
MAX_BRAND = 80
MAX_PERSONA = 1_000
MAX_PHRASE = 200
MAX_PHRASES = 30
MAX_LONG_TEXT = 1_000

WORKSPACE_KEY = "voice:default"
KEY_PREFIX = "voice:"


class VoiceError(ValueError):
    """A voice profile that cannot be used; the message names the field and why."""


def _default_limits() -> dict[str, int]:
    return dict(NETWORK_LIMITS)


@dataclass(frozen=True)
class BrandVoice:
    """One brand's voice. Patterns (greetings, sign-off, phrases, the out-of-hours
    text) may use tokens such as ``{first_name}``; every value is checked when made."""

    brand: str = ""
    persona: str = ""
    formality: str = "neutral"
    greetings: tuple[str, ...] = ("Hi {first_name},", "Hi there,")
    sign_off: str = "^{agent_initials}"
    emoji: str = "sparing"
    prefer: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ("We're sorry about this.",)
    empathy: tuple[str, ...] = ()
    thanks: tuple[str, ...] = ("Thank you!",)
    limits: Mapping[str, int] = field(default_factory=_default_limits, hash=False)
    out_of_hours: str = (
        "Thanks for getting in touch. Our team is away right now and will reply as soon "
        "as we're back."
    )
    # Contact details the brand publishes (its support address, its hotline): a public
    # reply may carry these without the personal-data warning.
    public_details: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "brand", _line("brand", self.brand, MAX_BRAND))
        set_(self, "persona", _text("persona", self.persona, MAX_PERSONA))
        if self.formality not in FORMALITIES:
            raise VoiceError(f"formality must be one of {', '.join(FORMALITIES)}")
        if self.emoji not in EMOJI_POLICIES:
            raise VoiceError(f"emoji must be one of {', '.join(EMOJI_POLICIES)}")
        for name in ("greetings", "apologies", "empathy", "thanks"):
            set_(self, name, _patterns(name, getattr(self, name)))
        set_(self, "sign_off", _pattern("sign_off", _line("sign_off", self.sign_off, 60)))
        set_(
            self,
            "out_of_hours",
            _pattern("out_of_hours", _text("out_of_hours", self.out_of_hours, MAX_LONG_TEXT)),
        )
        for name in ("prefer", "avoid", "public_details"):
            words = _phrases(name, getattr(self, name), 80)
            if any("{" in w or "[[" in w for w in words):
                raise VoiceError(f"{name}: words and phrases cannot hold tokens or fields")
            set_(self, name, words)
        set_(self, "limits", _limits(self.limits))

    def limit(self, network: str, public: bool) -> int:
        """How long a reply may be: public on ``network``, or a private message."""
        key = network if public else f"{network}_dm"
        return self.limits.get(key, NETWORK_LIMITS.get(key, FALLBACK_LIMIT))

    def as_dict(self) -> dict[str, Any]:
        raw: dict[str, Any] = {"version": FORMAT_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            raw[f.name] = (
                list(value)
                if isinstance(value, tuple)
                else dict(value)
                if f.name == "limits"
                else value
            )
        return raw

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, *, base: BrandVoice | None = None) -> BrandVoice:
        """A voice from JSON. Unknown keys are ignored; a missing key takes ``base``'s
        value (the shipped default unless given), so a profile saved by an older
        version gains the fields added since."""
        try:
            raw = json.loads(text)
        except (ValueError, TypeError) as exc:
            raise VoiceError(f"a voice profile must be JSON: {exc}") from None
        return cls.from_dict(raw, base=base)

    @classmethod
    def from_dict(cls, raw: Any, *, base: BrandVoice | None = None) -> BrandVoice:
        if not isinstance(raw, dict):
            raise VoiceError("a voice profile must be a JSON object")
        base = default_voice() if base is None else base
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                values[f.name] = getattr(base, f.name)
                continue
            value = raw[f.name]
            current = getattr(base, f.name)
            if isinstance(current, tuple):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise VoiceError(f"{f.name} must be a list of texts")
                value = tuple(value)
            elif f.name == "limits":
                if not isinstance(value, dict):
                    raise VoiceError('limits must be an object such as {"x": 280}')
                value = {**base.limits, **value}
            elif not isinstance(value, str):
                raise VoiceError(f"{f.name} must be a text")
            values[f.name] = value
        return cls(**values)


def _line(name: str, value: Any, cap: int) -> str:
    text = _text(name, value, cap)
    if "\n" in text:
        raise VoiceError(f"{name} must be one line")
    return text


def _text(name: str, value: Any, cap: int) -> str:
    if not isinstance(value, str):
        raise VoiceError(f"{name} must be a text")
    text = value.strip()
    if any(ord(ch) < 32 and ch != "\n" for ch in text) or "\x7f" in text:
        raise VoiceError(f"{name} holds a control character")
    if len(text) > cap:
        raise VoiceError(f"{name} is {len(text):,} characters; at most {cap:,}")
    return text


def _phrases(name: str, value: Any, cap: int) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise VoiceError(f"{name} must be a list of texts")
    if len(value) > MAX_PHRASES:
        raise VoiceError(f"{name} holds {len(value)} entries; at most {MAX_PHRASES}")
    out: list[str] = []
    for number, item in enumerate(value, 1):
        text = _line(f"{name} {number}", item, cap)
        if not text:
            raise VoiceError(f"{name} {number} is empty")
        if text not in out:
            out.append(text)
    return tuple(out)


def _patterns(name: str, value: Any) -> tuple[str, ...]:
    phrases = _phrases(name, value, MAX_PHRASE)
    for number, phrase in enumerate(phrases, 1):
        _pattern(f"{name} {number}", phrase)
    return phrases


def _pattern(name: str, text: str) -> str:
    unknown = unknown_tokens(text)
    if unknown:
        raise VoiceError(
            f"{name} uses {{{unknown[0]}}}, which is not a token (tokens: "
            f"{', '.join(KNOWN_TOKENS)})"
        )
    if any(f.kind == "stop" for f in find_fields(text)):
        raise VoiceError(f"{name} cannot hold a field to fill in ([[...]])")
    return text


def _limits(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise VoiceError('limits must be an object such as {"x": 280}')
    limits = _default_limits()
    for key, number in value.items():
        if key not in NETWORK_LIMITS:
            raise VoiceError(f"limits: {key!r} is not one of {', '.join(NETWORK_LIMITS)}")
        if isinstance(number, bool) or not isinstance(number, int):
            raise VoiceError(f"limits: {key} must be a whole number")
        if not 1 <= number <= NETWORK_LIMITS[key]:
            raise VoiceError(f"limits: {key} must be from 1 to {NETWORK_LIMITS[key]:,}")
        limits[key] = number
    return limits


@lru_cache(maxsize=1)
def default_voice() -> BrandVoice:
    """The shipped default (``resources/voice/default.json``)."""
    text = files("socialdesk_resources").joinpath(DEFAULT_VOICE_RESOURCE).read_text("utf-8")
    return BrandVoice.from_json(text, base=BrandVoice())


# -- where profiles are kept -----------------------------------------------------------------


def put_setting(session: Session, key: str, value: str, now: datetime) -> None:
    """Writes one workspace setting in one statement, whoever else writes it at the same
    moment (INSERT ... ON CONFLICT, which SQLite and PostgreSQL both have)."""
    if session.get_bind().dialect.name == "postgresql":
        pg = postgresql.insert(WorkspaceSetting).values(key=key, value=value, updated_at=now)
        session.execute(
            pg.on_conflict_do_update(
                index_elements=[WorkspaceSetting.key],
                set_={"value": pg.excluded.value, "updated_at": pg.excluded.updated_at},
            )
        )
        return
    lite = sqlite.insert(WorkspaceSetting).values(key=key, value=value, updated_at=now)
    session.execute(
        lite.on_conflict_do_update(
            index_elements=[WorkspaceSetting.key],
            set_={"value": lite.excluded.value, "updated_at": lite.excluded.updated_at},
        )
    )


def _key(account_id: int | None) -> str:
    return WORKSPACE_KEY if account_id is None else f"{KEY_PREFIX}{int(account_id)}"


class VoiceBook:
    """Each account's voice, the workspace default and the shipped one."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, account_id: int | None) -> BrandVoice:
        """The account's own voice, else the workspace default, else the shipped one."""
        return self.resolve(account_id)[0]

    def resolve(self, account_id: int | None) -> tuple[BrandVoice, str]:
        """The voice in force and where it comes from: "account", "workspace" or
        "shipped". A stored profile this version cannot read is skipped (and logged):
        replies keep a voice rather than fail."""
        keys = [_key(account_id)] if account_id is None else [_key(account_id), WORKSPACE_KEY]
        with self.store.connect() as conn:
            stored = dict(
                conn.execute(
                    select(WorkspaceSetting.key, WorkspaceSetting.value).where(
                        WorkspaceSetting.key.in_(keys)
                    )
                ).all()
            )
        for key in keys:
            text = stored.get(key)
            if text is None:
                continue
            try:
                voice = BrandVoice.from_json(str(text))
            except VoiceError as exc:
                log.warning("the stored voice %s cannot be read (%s); using the default", key, exc)
                continue
            return voice, "workspace" if key == WORKSPACE_KEY else "account"
        return default_voice(), "shipped"

    def set(self, account_id: int | None, voice: BrandVoice) -> None:
        """Keeps ``voice`` for an account, or for the workspace (``None``)."""
        with self.store.session() as session:
            if account_id is not None and session.get(Account, account_id) is None:
                raise VoiceError(f"there is no account {account_id}")
            put_setting(session, _key(account_id), voice.to_json(), utcnow())

    def reset(self, account_id: int | None) -> bool:
        """Back to the workspace default (an account) or the shipped one (``None``).
        Returns whether there was a profile to drop."""
        with self.store.session() as session:
            result: Any = session.execute(
                delete(WorkspaceSetting).where(WorkspaceSetting.key == _key(account_id))
            )
            return bool(result.rowcount)

    def customised(self) -> builtins.set[int | None]:
        """The accounts with a voice of their own, and ``None`` when the workspace has
        its own default."""
        with self.store.connect() as conn:
            keys = conn.execute(
                select(WorkspaceSetting.key).where(WorkspaceSetting.key.like(f"{KEY_PREFIX}%"))
            ).scalars()
            found: builtins.set[int | None] = builtins.set()
            for key in keys:
                suffix = str(key).removeprefix(KEY_PREFIX)
                if key == WORKSPACE_KEY:
                    found.add(None)
                elif suffix.isdigit():
                    found.add(int(suffix))
        return found
