"""Playbooks beside the composer: ours as shipped, which ones fit a message, and a team's
edits kept in the workspace (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files

import pytest
from sqlalchemy import select

from socialdesk.domain import utcnow
from socialdesk.library import name_key, shipped_templates
from socialdesk.models import WorkspaceSetting
from socialdesk.playbooks import (
    RESOURCE,
    SETTING_KEY,
    Playbook,
    PlaybookBook,
    PlaybookError,
    parse_playbooks,
    rank,
    shipped,
    upset_tone,
)
from socialdesk.store import Store
from socialdesk.triage import INTENTS, TOPICS, TriageAnalyser

SITUATIONS = {
    "outage",
    "delivery_problem",
    "billing_dispute",
    "angry_escalation",
    "praise",
    "account_access",
    "product_defect",
    "general_question",
}


def names(playbooks: list[Playbook]) -> list[str]:
    return [p.name for p in playbooks]


def custom(name: str = "returns", **changes: object) -> Playbook:
    values: dict[str, object] = {
        "name": name,
        "title": "Returns",
        "summary": "A customer wants to send something back.",
        "intents": ("request",),
        "steps": ("Send the returns link in a direct message", "Say when the refund arrives"),
        "avoid": ("Asking why they want to return it",),
        "templates": ("Returns link",),
    }
    values.update(changes)
    return Playbook(**values)  # type: ignore[arg-type]


def stored(store: Store) -> str | None:
    with store.connect() as conn:
        return conn.execute(
            select(WorkspaceSetting.value).where(WorkspaceSetting.key == SETTING_KEY)
        ).scalar()


def put_raw(store: Store, value: str) -> None:
    with store.session() as session:
        row = session.get(WorkspaceSetting, SETTING_KEY)
        if row is None:
            session.add(WorkspaceSetting(key=SETTING_KEY, value=value, updated_at=utcnow()))
        else:
            row.value = value


# -- the shipped file -------------------------------------------------------------------


def test_the_shipped_playbooks_load_and_validate() -> None:
    text = files("socialdesk_resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    raw = json.loads(text)
    assert raw["format"] == "socialdesk-playbooks" and raw["version"] == 1
    playbooks = shipped()
    assert {p.name for p in playbooks} == SITUATIONS
    for playbook, item in zip(playbooks, raw["playbooks"], strict=True):
        assert 4 <= len(playbook.steps) <= 7, playbook.name
        assert 2 <= len(playbook.avoid) <= 4, playbook.name
        assert playbook.templates, playbook.name
        assert playbook.summary.endswith("."), playbook.name
        assert set(playbook.intents) <= set(INTENTS) and set(playbook.topics) <= set(TOPICS)
        # Each one survives its own round trip, and the file says what to_json says.
        assert Playbook.from_json(playbook.to_json()) == playbook
        again = Playbook.from_json(item)
        assert again == playbook
    # Exactly one fallback, and every topic triage finds has a playbook but staff
    # behaviour, which goes to the angry-customer one.
    assert [p.name for p in playbooks if p.fallback] == ["general_question"]
    covered = {t for p in playbooks for t in p.topics}
    assert covered == set(TOPICS)


def test_every_template_a_shipped_playbook_names_is_in_the_shipped_library() -> None:
    library = {name_key(t.name) for t in shipped_templates()}
    for playbook in shipped():
        missing = [n for n in playbook.templates if name_key(n) not in library]
        assert not missing, (playbook.name, missing)


def test_validation_names_what_is_wrong() -> None:
    good = custom().to_json()
    with pytest.raises(PlaybookError, match=r"unknown intent 'complain': one of complaint"):
        Playbook.from_json({**good, "when": {"intents": ["complain"]}})
    with pytest.raises(PlaybookError, match=r"unknown topics 'refunds', 'shipping'"):
        Playbook.from_json({**good, "when": {"topics": ["refunds", "shipping"]}})
    with pytest.raises(PlaybookError, match="'returns': a playbook needs at least one step"):
        Playbook.from_json({**good, "steps": []})
    with pytest.raises(PlaybookError, match="'returns': no steps"):
        Playbook.from_json({k: v for k, v in good.items() if k != "steps"})
    with pytest.raises(PlaybookError, match="steps, number 2, is empty"):
        Playbook.from_json({**good, "steps": ["Do this", "  "]})
    with pytest.raises(PlaybookError, match="the title is longer than 80 characters"):
        Playbook.from_json({**good, "title": "x" * 81})
    with pytest.raises(PlaybookError, match="12 steps at most, not 13"):
        Playbook.from_json({**good, "steps": ["Step"] * 13})
    with pytest.raises(PlaybookError, match="angry must be true or false"):
        Playbook.from_json({**good, "when": {"angry": "yes"}})
    with pytest.raises(PlaybookError, match="must be one line"):
        Playbook.from_json({**good, "summary": "one\ntwo"})
    with pytest.raises(PlaybookError, match="a playbook has no name"):
        Playbook.from_json({k: v for k, v in good.items() if k != "name"})
    # Trimmed, duplicates folded, and keys a newer version adds are ignored.
    loose = {
        **good,
        "title": "  Returns ",
        "when": {"intents": ["request", "request"]},
        "colour": "blue",
    }
    assert Playbook.from_json(loose) == custom()


# -- which playbooks fit ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "topic", "first"),
    [
        ("complaint", "outage", "outage"),
        ("complaint", "delivery", "delivery_problem"),
        ("complaint", "billing", "billing_dispute"),
        ("complaint", "account_access", "account_access"),
        ("complaint", "product_defect", "product_defect"),
        ("complaint", "staff_behaviour", "angry_escalation"),
        ("praise", "", "praise"),
        ("question", None, "general_question"),
        (None, None, "general_question"),
        ("spam", "", "general_question"),
    ],
)
def test_the_playbook_for_each_situation(intent: str | None, topic: str | None, first: str) -> None:
    found = rank(shipped(), intent, topic, sentiment=-0.2)
    assert found[0].name == first
    # A calm message gets exactly the playbook for its situation.
    assert len(found) == 1


def test_an_angry_message_brings_the_angry_playbook_to_the_top() -> None:
    playbooks = shipped()
    # Strongly negative, whatever the intent.
    assert names(rank(playbooks, "complaint", "delivery", sentiment=-0.75)) == [
        "angry_escalation",
        "delivery_problem",
    ]
    assert names(rank(playbooks, "question", None, sentiment=-0.6))[0] == "angry_escalation"
    assert names(rank(playbooks, "complaint", "delivery", sentiment=-0.59)) == ["delivery_problem"]
    # A complaint in an upset tone, even when VADER reads it as only mildly negative.
    text = "WHERE IS MY PARCEL?? ordered 2 weeks ago!!"
    assert upset_tone(text) and not upset_tone("where is my parcel, ordered two weeks ago")
    triage = TriageAnalyser().analyse_one(text)
    assert triage.complaint and triage.sentiment > -0.6
    found = rank(
        playbooks,
        triage.intent,
        triage.topic,
        sentiment=triage.sentiment,
        complaint=triage.complaint,
        upset=upset_tone(text),
    )
    assert names(found)[0] == "angry_escalation"
    # Upset but no complaint (a delighted "THANK YOU!!") is not anger.
    assert names(rank(playbooks, "praise", None, sentiment=0.9, complaint=False, upset=True)) == [
        "praise"
    ]


def test_topic_ranks_before_intent() -> None:
    mixed = [
        custom("by_intent", intents=("complaint",)),
        custom("by_topic", intents=(), topics=("billing",)),
        custom("by_both", intents=("complaint",), topics=("billing",)),
    ]
    assert names(rank(mixed, "complaint", "billing")) == ["by_both", "by_topic", "by_intent"]
    assert names(rank(mixed, "complaint", "delivery")) == ["by_intent", "by_both"]
    # Nothing fits and there is no fallback: nothing to show.
    assert rank(mixed, "praise", None) == []


# -- a team's playbooks -----------------------------------------------------------------


def test_edits_and_deletions_are_kept_for_the_team(store: Store) -> None:
    book = PlaybookBook(store)
    assert book.all() == list(shipped()) and book.problem() is None
    assert stored(store) is None

    outage = book.get("Outage")
    assert outage is not None
    changed = replace(outage, steps=(*outage.steps, "Thank them for their patience"))
    book.save(changed, replacing="outage")
    book.save(custom())
    book.delete("praise")

    teammate = PlaybookBook(store)  # another agent on the same database
    assert names(teammate.all()) == [
        "outage",
        "delivery_problem",
        "billing_dispute",
        "angry_escalation",
        "account_access",
        "product_defect",
        "general_question",
        "returns",
    ]
    assert teammate.get("outage") == changed
    assert names(teammate.for_situation("request", None)) == ["returns"]
    assert names(teammate.for_situation("praise", None)) == ["general_question"]

    # A rename frees the old name; a name already taken or a missing one is refused.
    teammate.save(custom("refunds_and_returns"), replacing="returns")
    assert book.get("returns") is None and book.get("refunds_and_returns") is not None
    with pytest.raises(PlaybookError, match="already a playbook named 'Outage'"):
        book.save(custom("Outage"))
    with pytest.raises(PlaybookError, match="already a playbook named 'billing_dispute'"):
        book.save(custom("billing_dispute"), replacing="refunds_and_returns")
    with pytest.raises(PlaybookError, match="there is no playbook 'returns'"):
        book.save(custom(), replacing="returns")
    with pytest.raises(PlaybookError, match="there is no playbook 'praise'"):
        book.delete("praise")

    # Ours saved back unchanged is no edit; one deleted can be added again.
    book.save(outage, replacing="outage")
    book.save(next(p for p in shipped() if p.name == "praise"))
    book.delete("refunds_and_returns")
    assert book.all() == list(shipped())
    assert stored(store) is None

    book.save(changed, replacing="outage")
    book.reset()
    assert teammate.all() == list(shipped()) and stored(store) is None


@pytest.mark.parametrize(
    "value",
    [
        "{not json",
        json.dumps({"format": "something else"}),
        json.dumps({"format": "socialdesk-playbook-edits", "version": 9, "playbooks": []}),
        json.dumps(
            {
                "format": "socialdesk-playbook-edits",
                "version": 1,
                "playbooks": [{"name": "x", "title": "X", "summary": "s", "steps": []}],
            }
        ),
    ],
)
def test_a_stored_value_that_cannot_be_read_falls_back(store: Store, value: str) -> None:
    put_raw(store, value)
    book = PlaybookBook(store)
    assert book.all() == list(shipped())
    assert names(book.for_situation("complaint", "billing")) == ["billing_dispute"]
    problem = book.problem()
    assert problem is not None and "cannot be read" in problem
    # Saving replaces the unreadable value with a good one.
    book.save(custom())
    assert book.problem() is None and book.get("returns") == custom()


def test_export_and_import_round_trip(store: Store) -> None:
    book = PlaybookBook(store)
    book.save(custom())
    book.delete("outage")
    exported = book.export_json()
    assert parse_playbooks(exported, "the export") == book.all()
    assert len(book.all()) == len(shipped())  # 7 of ours and one of the team's

    # Into a fresh workspace: added over ours, so the deleted one is still there.
    book.reset()
    assert book.import_json(exported) == len(shipped())
    assert book.get("returns") == custom() and book.get("outage") is not None

    # With replace, the file's playbooks become the only ones.
    assert book.import_json(exported, replace=True) == len(shipped())
    assert book.all() == parse_playbooks(exported, "the export")
    assert book.export_json() == exported

    # Importing a changed version of one of ours replaces it by name.
    billing = next(p for p in shipped() if p.name == "billing_dispute")
    edited = replace(billing, name="Billing_Dispute", summary="Check the invoice first.")
    document = {"format": "socialdesk-playbooks", "version": 1, "playbooks": [edited.to_json()]}
    assert book.import_json(json.dumps(document)) == 1
    assert book.get("billing_dispute") == edited
    assert names(book.all()).index("Billing_Dispute") == 1  # keeps its place


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[]", "not a SocialDesk playbooks file"),
        ("{", "is not JSON"),
        ('{"format": "socialdesk-playbooks", "version": 2, "playbooks": []}', "newer SocialDesk"),
        ('{"format": "socialdesk-playbooks", "version": 1}', "no list of playbooks"),
    ],
)
def test_a_file_that_is_not_playbooks_is_refused(store: Store, document: str, message: str) -> None:
    with pytest.raises(PlaybookError, match=message):
        PlaybookBook(store).import_json(document)


def test_a_bad_import_changes_nothing(store: Store) -> None:
    book = PlaybookBook(store)
    book.save(custom())
    before, value = book.all(), stored(store)
    good = custom("good_one").to_json()
    bad = {**custom("bad_one").to_json(), "when": {"topics": ["weather"]}}
    for playbooks, message in [
        ([good, bad], r"playbook 2: playbook 'bad_one': unknown topic 'weather'"),
        ([good, {**good, "name": "GOOD_ONE"}], "two playbooks are named 'GOOD_ONE'"),
        ([good] * 201, "200 playbooks at most"),
    ]:
        document = {"format": "socialdesk-playbooks", "version": 1, "playbooks": playbooks}
        for replace_all in (False, True):
            with pytest.raises(PlaybookError, match=message):
                book.import_json(json.dumps(document), replace=replace_all)
            assert book.all() == before and stored(store) == value
