"""Brand voice profiles: the shipped default, validation, and where a workspace keeps
each account's, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from typing import Any

import pytest
from sqlalchemy import text, update

from socialdesk.ingest import Ingestor
from socialdesk.models import WorkspaceSetting
from socialdesk.policies import PolicyBook
from socialdesk.store import Store
from socialdesk.voice import (
    DEFAULT_VOICE_RESOURCE,
    BrandVoice,
    VoiceBook,
    VoiceError,
    default_voice,
)

from .conftest import MessageFactory


def test_the_shipped_default_reads_and_is_neutral() -> None:
    raw = files("socialdesk_resources").joinpath(DEFAULT_VOICE_RESOURCE).read_text("utf-8")
    assert json.loads(raw)["version"] == 1
    voice = default_voice()
    assert voice.brand == ""  # the account's own name stands in
    assert voice.formality == "neutral"
    assert voice.sign_off == "^{agent_initials}"
    assert voice.greetings[0] == "Hi {first_name},"
    assert "unfortunately" in voice.avoid
    assert voice.apologies and voice.empathy and voice.thanks
    assert "{brand}" in voice.out_of_hours


@pytest.mark.parametrize(
    ("network", "public", "limit"),
    [("x", True, 280), ("x", False, 10_000), ("reddit", True, 10_000), ("reddit", False, 10_000),
     ("mastodon", True, 2_000)],
)  # fmt: skip
def test_limits_per_network(network: str, public: bool, limit: int) -> None:
    assert default_voice().limit(network, public) == limit


def test_json_round_trip_ignores_unknown_keys_and_fills_missing_ones() -> None:
    voice = replace(
        default_voice(),
        brand="Nimbus Home",
        formality="formal",
        greetings=("Dear {first_name},",),
        avoid=("cheap",),
        limits={"x": 240},
    )
    assert BrandVoice.from_json(voice.to_json()) == voice
    assert voice.limit("x", True) == 240 and voice.limit("x", False) == 10_000
    partial = BrandVoice.from_json('{"brand": "Acme", "mood": "sunny", "version": 9}')
    assert partial.brand == "Acme"
    assert partial.apologies == default_voice().apologies  # missing: the shipped value
    assert hash(partial) == hash(BrandVoice.from_json(partial.to_json()))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"formality": "chatty"}, "formality must be one of casual, neutral, formal"),
        ({"emoji": "lots"}, "emoji must be one of none, sparing, free"),
        ({"greetings": "Hi"}, "greetings must be a list of texts"),
        ({"greetings": ["Hi {frist_name},"]}, r"greetings 1 uses \{frist_name\}"),
        ({"greetings": ["Hi [[name]],"]}, "cannot hold a field"),
        ({"greetings": ["ok", ""]}, "greetings 2 is empty"),
        ({"sign_off": "^{agent}"}, r"sign_off uses \{agent\}"),
        ({"brand": "Nimbus\nHome"}, "brand must be one line"),
        ({"brand": "x" * 81}, "brand is 81 characters; at most 80"),
        ({"persona": "calm\x07"}, "persona holds a control character"),
        ({"avoid": ["{brand}"]}, "cannot hold tokens"),
        ({"limits": {"x": 300}}, "limits: x must be from 1 to 280"),
        ({"limits": {"x": 0}}, "limits: x must be from 1 to 280"),
        ({"limits": {"x": True}}, "limits: x must be a whole number"),
        ({"limits": {"tiktok": 100}}, "'tiktok' is not one of x, x_dm, reddit, reddit_dm"),
        ({"limits": [280]}, "limits must be an object"),
        ({"brand": 5}, "brand must be a text"),
    ],
)
def test_a_bad_profile_says_what_is_wrong(change: dict[str, Any], message: str) -> None:
    with pytest.raises(VoiceError, match=message):
        BrandVoice.from_json(json.dumps(change))


def test_not_json_or_not_an_object() -> None:
    with pytest.raises(VoiceError, match="must be JSON"):
        BrandVoice.from_json("{nope")
    with pytest.raises(VoiceError, match="must be a JSON object"):
        BrandVoice.from_json("[1]")


def test_constructing_checks_too() -> None:
    with pytest.raises(VoiceError, match="formality"):
        BrandVoice(formality="FORMAL")
    assert BrandVoice(greetings=["Hey,"]).greetings == ("Hey,",)  # type: ignore[arg-type]


def accounts(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> tuple[int, int]:
    ingestor.ingest([make_message("1"), make_message("2", account="@Other")])
    ids = {name: account_id for account_id, _, name in PolicyBook(store).accounts()}
    return ids["@Brand"], ids["@Other"]


def test_each_account_falls_back_to_the_workspace_then_the_shipped_voice(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    brand, other = accounts(store, ingestor, make_message)
    book = VoiceBook(store)
    assert book.get(brand) == default_voice()
    assert book.resolve(brand)[1] == "shipped"
    assert book.customised() == set()

    team = replace(default_voice(), brand="Nimbus Home", emoji="none")
    book.set(None, team)
    assert book.get(brand) == team and book.get(other) == team
    assert book.resolve(brand)[1] == "workspace"

    own = replace(team, brand="Nimbus Care", formality="casual")
    book.set(brand, own)
    book.set(brand, own)  # again: still one row
    assert VoiceBook(store).get(brand) == own  # a teammate's book sees it
    assert book.get(other) == team
    assert book.resolve(brand)[1] == "account"
    assert book.customised() == {None, brand}

    assert book.reset(brand) is True
    assert book.reset(brand) is False
    assert book.get(brand) == team
    book.reset(None)
    assert book.get(other) == default_voice()
    assert book.customised() == set()


def test_a_voice_for_an_account_that_does_not_exist(store: Store) -> None:
    with pytest.raises(VoiceError, match="there is no account 999"):
        VoiceBook(store).set(999, default_voice())


def test_a_stored_profile_that_no_longer_reads_falls_back(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    brand, _ = accounts(store, ingestor, make_message)
    book = VoiceBook(store)
    team = replace(default_voice(), brand="Team")
    book.set(None, team)
    book.set(brand, replace(team, brand="Own"))
    with store.session() as session:
        session.execute(
            update(WorkspaceSetting)
            .where(WorkspaceSetting.key == f"voice:{brand}")
            .values(value='{"formality": "shouty"}')
        )
    assert book.get(brand) == team  # the account's is unreadable: the workspace's
    with store.session() as session:
        session.execute(text("UPDATE workspace_settings SET value = '{broken'"))
    assert book.get(brand) == default_voice()
    assert book.get(None) == default_voice()
