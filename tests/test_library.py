"""The reply library: the shipped templates, the team's edits and deletions (shared
through the store, on SQLite and PostgreSQL), search, shortcodes, import and export."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select, update

from socialdesk.checks import CheckContext, check_reply
from socialdesk.library import (
    Library,
    LibraryError,
    ReplyTemplate,
    expand_at,
    library_json,
    parse_library,
    shipped_templates,
)
from socialdesk.models import WorkspaceSetting
from socialdesk.store import Store
from socialdesk.tokens import PRIVATE_TOKENS, find_fields, render, tokens_in
from socialdesk.triage import TOPICS
from socialdesk.voice import default_voice

SHIPPED = shipped_templates()


def by_name(name: str) -> ReplyTemplate:
    return next(t for t in SHIPPED if t.name == name)


def test_the_shipped_library_covers_the_care_paths() -> None:
    templates = [t for t in SHIPPED if t.kind == "template"]
    snippets = {t.shortcode: t for t in SHIPPED if t.kind == "snippet"}
    assert len(SHIPPED) >= 16
    public_acks = {
        topic
        for t in templates
        if t.channel == "public" and "complaint" in t.intents
        for topic in (t.topics or ("",))
    }
    assert {"", "delivery", "billing", "outage", "account_access", "product_defect"} <= public_acks
    private_topics = {topic for t in templates if t.channel == "private" for topic in t.topics}
    assert set(TOPICS) <= private_topics
    assert any("praise" in t.intents for t in templates)
    assert any("feedback" in t.intents for t in templates)
    assert any("question" in t.intents and not t.topics for t in templates)
    assert any("{order_id}" in t.text and t.channel == "private" for t in templates)
    for code in (";refund", ";dm", ";track", ";sorry", ";thanks", ";outage", ";escalate", ";hours"):
        assert code in snippets
        assert any(f.kind == "stop" for f in find_fields(snippets[code].text)), code


def test_no_public_template_carries_personal_details() -> None:
    for template in SHIPPED:
        if template.channel != "private":
            assert not PRIVATE_TOKENS & set(tokens_in(template.text)), template.name


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.name)
def test_every_shipped_text_passes_the_voice_checks(template: ReplyTemplate) -> None:
    """Written in the default voice: no harsh tone, no avoided word, few emoji, and a
    public one fits on X once its fields are filled with something short."""
    values = {"private_channel": "DM", "order_id": "4471", "brand": "Nimbus"}
    text = render(template.text, values).text
    for field in reversed(find_fields(text)):
        text = text[: field.start] + "x" + text[field.end :]
    public = template.channel != "private"
    checks = {c.name: c for c in check_reply(text, CheckContext("x", public, default_voice()))}
    for name in ("tone", "avoid_words", "emoji", "length", "personal_data", "fields"):
        assert checks[name].level == "ok", (name, checks[name].message)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "  "}, "name: a template needs a name"),
        ({"name": "x" * 81}, "name: 81 characters; at most 80"),
        ({"text": ""}, "text: a template needs some text"),
        ({"text": "Hi {frist_name}"}, r"text: \{frist_name\} is not a token"),
        ({"text": "bell\x07"}, "text: holds a control character"),
        ({"shortcode": "refund"}, "shortcode: 'refund' must be ;"),
        ({"shortcode": ";re fund"}, "shortcode: ';re fund' must be ;"),
        ({"kind": "macro"}, "kind: 'macro' must be one of template, snippet"),
        ({"channel": "email"}, "channel: 'email' must be one of public, private, any"),
        ({"intents": ["complain"]}, "intents: 'complain' is not one of complaint"),
        ({"topics": ["shipping"]}, "topics: 'shipping' is not one of delivery"),
        ({"networks": ["tiktok"]}, "networks: 'tiktok' is not one of x, reddit"),
        ({"intents": "praise"}, "intents: must be a list"),
        ({"stage": "never"}, "stage: 'never' must be one of any, first, later"),
    ],
)
def test_a_bad_template_says_which_field(change: dict[str, Any], message: str) -> None:
    raw = {"name": "Ok", "text": "Hello"} | change
    with pytest.raises(LibraryError, match=message):
        ReplyTemplate.from_dict(raw)


def test_shortcodes_are_lower_case_and_names_tidy() -> None:
    t = ReplyTemplate(name="  Refund   issued ", text="Done.\r\n", shortcode=";ReFund")
    assert (t.name, t.text, t.shortcode) == ("Refund issued", "Done.", ";refund")
    with pytest.raises(LibraryError, match="surprise: not a template field"):
        ReplyTemplate.from_dict({"name": "a", "text": "b", "surprise": 1})


def test_edits_and_deletions_are_kept_for_the_team(store: Store) -> None:
    mine, teammate = Library(store), Library(store)
    assert mine.all() == sorted(SHIPPED, key=lambda t: t.key)
    assert set(mine.origins().values()) == {"shipped"}

    praise = by_name("Praise: thank you")
    mine.save(replace(praise, text="You made our day!"))
    custom = ReplyTemplate(name="Store hours", text="We open at [[time]].", shortcode=";open")
    mine.save(custom)
    mine.delete("Closing: glad it's sorted")
    # Another agent (on PostgreSQL, another machine) sees it all.
    assert teammate.get("praise: THANK YOU").text == "You made our day!"
    assert teammate.by_shortcode("open") == custom
    with pytest.raises(LibraryError, match="there is no template called"):
        teammate.get("Closing: glad it's sorted")
    origins = teammate.origins()
    assert origins["Praise: thank you"] == "edited" and origins["Store hours"] == "custom"
    assert len(teammate.all()) == len(SHIPPED)  # one added, one deleted

    # Deleted shipped templates stay deleted; restoring brings them back as shipped.
    assert "Closing: glad it's sorted" not in {t.name for t in Library(store).all()}
    mine.restore("Closing: glad it's sorted")
    mine.restore("Praise: thank you")
    assert teammate.get("Praise: thank you") == praise
    assert teammate.origins()["Closing: glad it's sorted"] == "shipped"
    mine.delete("Store hours")
    with store.connect() as conn:  # nothing left behind
        assert not conn.execute(select(WorkspaceSetting.key)).scalars().all()


def test_saving_a_shipped_template_unchanged_keeps_no_row(store: Store) -> None:
    library = Library(store)
    library.save(by_name("Praise: thank you"))
    with store.connect() as conn:
        assert not conn.execute(select(WorkspaceSetting.key)).scalars().all()


def test_renames_and_clashes(store: Store) -> None:
    library = Library(store)
    old = by_name("Refund issued")
    renamed = replace(old, name="Refund sent")
    library.save(renamed, replacing="Refund issued")
    assert library.by_shortcode(";refund") == renamed
    with pytest.raises(LibraryError, match="no template called"):
        library.get("Refund issued")  # the shipped one is gone with the rename
    with pytest.raises(LibraryError, match="is called 'Apology' already"):
        library.save(replace(renamed, name="Apology"), replacing="Refund sent")
    with pytest.raises(LibraryError, match=r"shortcode: ;refund would belong to both"):
        library.save(ReplyTemplate(name="Another", text="x", shortcode=";refund"))
    with pytest.raises(LibraryError, match="no template called 'Nope'"):
        library.save(ReplyTemplate(name="X", text="x"), replacing="Nope")
    with pytest.raises(LibraryError, match="no template called"):
        library.delete("Nope")


def test_search_ranks_shortcodes_and_names_first(store: Store) -> None:
    library = Library(store)
    assert library.search(";refund")[0].shortcode == ";refund"
    found = library.search("refund")
    assert found[0].shortcode == ";refund"
    assert {t.name for t in found} >= {"Refund issued", "Private: billing and refunds"}
    outage = [t.name for t in library.search("OUTAGE status")]
    assert outage == ["Private: outage status", "Outage notice"]  # the name, then the text
    assert library.search("zebra crossing") == []
    assert len(library.search("  ")) == len(SHIPPED)
    # Words anywhere: the text too.
    assert any(t.name == "Private: account access steps" for t in library.search("spam folder"))


def test_export_and_import_round_trip(store: Store) -> None:
    library = Library(store)
    library.save(ReplyTemplate(name="Café hours", text="Open 8–6 ☕", shortcode=";cafe"))
    library.delete("Opening hours")
    exported = library.export_json()
    raw = json.loads(exported)
    assert raw["format"] == "socialdesk-library" and raw["version"] == 1
    assert len(raw["templates"]) == len(SHIPPED)
    assert library.import_json(exported).unchanged == len(SHIPPED)

    fresh = Library(store)
    result = fresh.import_json(exported, replace=True)
    assert (result.added, result.updated, result.removed) == (0, 0, 0)
    assert fresh.export_json() == exported
    assert parse_library(exported) == fresh.all()

    # A smaller file with --replace leaves exactly the file.
    two = library_json([fresh.get("Café hours"), ReplyTemplate(name="New", text="Hi")])
    result = fresh.import_json(two, replace=True)
    assert (result.added, result.unchanged, result.removed) == (1, 1, len(SHIPPED) - 1)
    assert [t.name for t in fresh.all()] == ["Café hours", "New"]
    edited = library_json([ReplyTemplate(name="new", text="Hello")])
    assert fresh.import_json(edited).updated == 1  # names match whatever the capitals
    assert fresh.get("New").text == "Hello"


def good(name: str, **changes: Any) -> dict[str, Any]:
    return {"name": name, "text": "Thanks!", **changes}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{", "the file is not JSON"),
        ('{"templates": []}', "not a SocialDesk library"),
        ('{"format": "socialdesk-library", "version": 2, "templates": []}', "version 2, from"),
        ('{"format": "socialdesk-library", "version": "1", "templates": []}', "whole number"),
        ('{"format": "socialdesk-library", "version": 1}', '"templates" must be a list'),
        (
            {"templates": [good("A"), good("B"), good("Bad", intents=["complain"])]},
            r"template 3 \('Bad'\): intents: 'complain' is not one of",
        ),
        ({"templates": [good("A"), {"text": "x"}]}, "template 2: name: missing"),
        ({"templates": [good("A"), good("a")]}, r"template 2 \('a'\): name: template 1 has"),
        (
            {"templates": [good("A", shortcode=";x"), good("B", shortcode=";x")]},
            r"template 2 \('B'\): shortcode: ;x is also template 1's",
        ),
        (
            {"templates": [good("Mine", shortcode=";refund")]},
            "shortcode: ;refund would belong to both",
        ),
    ],
)  # fmt: skip
def test_a_bad_import_changes_nothing(store: Store, document: Any, message: str) -> None:
    library = Library(store)
    library.save(ReplyTemplate(name="Keep me", text="Still here"))
    before = library.export_json()
    if isinstance(document, dict):
        document = json.dumps({"format": "socialdesk-library", "version": 1, **document})
    with pytest.raises(LibraryError, match=message):
        library.import_json(document)
    assert library.export_json() == before


def test_a_bad_file_replaces_nothing_either(store: Store) -> None:
    library = Library(store)
    library.delete("Apology")
    before = library.export_json()
    bad = library_json(SHIPPED).replace('"channel": "public"', '"channel": "broadcast"', 1)
    with pytest.raises(LibraryError, match=r"template \d+ \('Public complaint: .*channel"):
        library.import_json(bad, replace=True)
    assert library.export_json() == before


def test_a_stored_row_that_does_not_read_is_skipped(store: Store) -> None:
    library = Library(store)
    library.save(ReplyTemplate(name="Mine", text="Hello"))
    library.save(ReplyTemplate(name="Praise: thank you", text="Edited"))
    with store.session() as session:
        session.execute(
            update(WorkspaceSetting)
            .where(WorkspaceSetting.value.like("%Edited%"))
            .values(value='{"name": "Praise: thank you", "text": "", "kind": "??"}')
        )
    # The broken edit is skipped: the shipped template shows, the rest works.
    assert library.get("Praise: thank you") == by_name("Praise: thank you")
    assert library.get("Mine").text == "Hello"


def test_shortcodes_expand_in_place() -> None:
    snippets = {t.shortcode: t for t in SHIPPED if t.shortcode}
    text = "Thanks for waiting. ;dm and more"
    cursor = len("Thanks for waiting. ;dm")
    done = expand_at(text, cursor, snippets.get, {"private_channel": "DM"})
    assert done is not None and done.template == "Move to private message"
    assert done.text == (
        "Thanks for waiting. Please send us a DM with [[the details we need]] and we'll pick "
        "it up there. and more"
    )
    assert [s.written for s in done.stops] == ["[[the details we need]]"]
    assert done.cursor == done.stops[0].start
    assert done.text[done.stops[0].start : done.stops[0].end] == "[[the details we need]]"
    # Only a shortcode typed as a word, right before the cursor, that the library has.
    assert expand_at("a;dm", 4, snippets.get, {}) is None
    assert expand_at(";nothing", 8, snippets.get, {}) is None
    assert expand_at(";dm", 2, snippets.get, {}) is None
    assert expand_at(";dm", 99, snippets.get, {}) is None
    whole = expand_at(";REFUND", 7, snippets.get, {})
    assert whole is not None and whole.text.startswith("I've refunded [[amount]]")


def test_the_library_expands_its_own_snippets(store: Store) -> None:
    library = Library(store)
    signature = ReplyTemplate(
        name="Sig", text="Best, {agent_name}", kind="snippet", shortcode=";sig"
    )
    library.save(signature)
    done = library.expand("Bye ;sig", 8, {"agent_name": "Ann"})
    assert done is not None and done.text == "Bye Best, Ann" and done.cursor == len(done.text)
