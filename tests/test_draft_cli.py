"""``socialdesk draft``, ``library`` and ``voice``: the parsers from ``draft_cli`` and the
commands in ``draft_commands``, on a store with scored conversations (SQLite and
PostgreSQL)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from socialdesk.cli import UsageError, _Parser
from socialdesk.domain import Author, MessageKind
from socialdesk.draft_cli import add_parsers
from socialdesk.draft_commands import DraftError, run_draft, run_library, run_voice
from socialdesk.ingest import Ingestor
from socialdesk.library import Library, shipped_templates
from socialdesk.models import Message
from socialdesk.report_commands import CommandError
from socialdesk.store import Store
from socialdesk.voice import VoiceBook, default_voice

from .conftest import MessageFactory

CHECK_KEYS = {"name", "level", "message"}


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="socialdesk")
    add_parsers(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


@pytest.fixture
def complaint(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> int:
    dana = Author("u1", "dana_k", "Dana K", 300)
    ingestor.ingest(
        [
            make_message("p1", text="order 4471 shows delivered, nothing at my door, day 3",
                         author=dana),
            make_message("d1", kind=MessageKind.DIRECT_MESSAGE, conversation="dm", author=dana,
                         text="my parcel never arrived. order #A-10293"),
        ]
    )  # fmt: skip
    with store.connect() as conn:
        return int(
            conn.execute(
                select(Message.conversation_id).where(Message.external_id == "p1")
            ).scalar_one()
        )


def dm_of(store: Store) -> int:
    with store.connect() as conn:
        return int(
            conn.execute(
                select(Message.conversation_id).where(Message.external_id == "d1")
            ).scalar_one()
        )


def test_draft_prints_the_json_the_issue_describes(
    store: Store, complaint: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_draft(parse("draft", str(complaint), "--json", "--agent", "Ayşe Kaya"), store) == 0
    found = json.loads(capsys.readouterr().out)
    assert 1 <= len(found) <= 3
    for item in found:
        assert set(item) == {"text", "template", "checks"}
        for check in item["checks"]:
            assert CHECK_KEYS <= set(check) <= {*CHECK_KEYS, "offer"}
            assert check["level"] in ("block", "warn", "ok")
    assert found[0]["template"] == "Public complaint: delivery"
    assert found[0]["text"].startswith("Hi Dana, ") and found[0]["text"].endswith("^AK")
    assert [c["name"] for c in found[0]["checks"]] == [
        "empty", "fields", "length", "personal_data", "tone", "avoid_words", "emoji", "repeated",
        "shortcodes",
    ]  # fmt: skip


def test_draft_prints_each_suggestion_with_its_checks(
    store: Store, complaint: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_draft(parse("draft", str(dm_of(store)), "--agent", "Ayşe Kaya"), store) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "1. [Private: delivery, order found]"
    assert lines[1] == "    Hi Dana,"
    assert lines[2] == ""
    assert lines[3].startswith("    ")
    assert lines[3].endswith(" I've looked up order A-10293: [[what the tracking shows]].")
    assert any(line.startswith("  ✓ length: ") and line.endswith(" of 10,000") for line in lines)
    fields = "fill in [[what the tracking shows]] and [[what happens next, and by when]]"
    assert f"  ✗ fields: {fields}" in lines
    assert "2. [Private: delivery, ask for the order]" in lines


def test_draft_limit_and_a_missing_conversation(
    store: Store, complaint: int, capsys: pytest.CaptureFixture[str]
) -> None:
    run_draft(parse("draft", str(complaint), "--json", "--limit", "1"), store)
    assert len(json.loads(capsys.readouterr().out)) == 1
    with pytest.raises(DraftError, match=r"^there is no conversation 99$"):
        run_draft(parse("draft", "99"), store)
    assert issubclass(DraftError, CommandError)  # reported in one line by the CLI


def test_draft_with_nothing_to_suggest(
    store: Store,
    ingestor: Ingestor,
    make_message: MessageFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ingestor.ingest([make_message("s1", text="Earn 500 a day from home, link in bio!")])
    with store.connect() as conn:
        cid = conn.execute(select(Message.conversation_id)).scalar_one()
    run_draft(parse("draft", str(cid)), store)
    assert capsys.readouterr().out.startswith(f"no suggestions for conversation {cid}")
    run_draft(parse("draft", str(cid), "--json"), store)
    assert capsys.readouterr().out.strip() == "[]"


@pytest.mark.parametrize("argv", [["draft", "abc"], ["draft", "0"], ["library"], ["voice", "set"]])
def test_bad_arguments_are_usage_errors(argv: list[str]) -> None:
    parser = _Parser(prog="socialdesk")
    add_parsers(parser.add_subparsers(dest="command", parser_class=_Parser))
    with pytest.raises(UsageError):
        parser.parse_args(argv)


def test_every_command_has_help() -> None:
    parser = argparse.ArgumentParser(prog="socialdesk")
    commands = parser.add_subparsers(dest="command")
    add_parsers(commands)
    for name in ("draft", "library", "voice"):
        assert commands.choices[name].format_help()


def test_library_list_search_and_show(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    run_library(parse("library", "list"), store)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(shipped_templates())
    refund = next(line for line in lines if line.startswith("Refund issued"))
    assert refund.split()[2:4] == ["snippet", ";refund"] and refund.endswith("shipped")
    run_library(parse("library", "search", "refund"), store)
    assert capsys.readouterr().out.startswith("Refund issued")
    run_library(parse("library", "search", "zebra"), store)
    assert capsys.readouterr().out == "nothing in the library matches 'zebra'\n"
    run_library(parse("library", "search", "refund", "--json"), store)
    assert json.loads(capsys.readouterr().out)[0]["shortcode"] == ";refund"
    run_library(parse("library", "show", ";sorry"), store)
    out = capsys.readouterr().out
    assert "name:        Apology" in out and "I'm sorry about [[what went wrong]]" in out
    with pytest.raises(DraftError, match="there is no template called 'nope'"):
        run_library(parse("library", "show", "nope"), store)


def test_library_export_import_round_trip(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_library(parse("library", "export"), store)
    exported = capsys.readouterr().out
    assert json.loads(exported)["format"] == "socialdesk-library"
    target = tmp_path / "library.json"
    run_library(parse("library", "export", "--out", str(target)), store)
    assert target.read_text(encoding="utf-8") == exported
    assert "wrote" in capsys.readouterr().err

    run_library(parse("library", "delete", "Apology"), store)
    assert capsys.readouterr().out == "deleted 'Apology'\n"
    run_library(parse("library", "import", str(target)), store)
    count = len(shipped_templates())
    assert capsys.readouterr().out == (
        f"imported {target}: 1 added, 0 updated, {count - 1} unchanged\n"
    )
    raw = json.loads(exported)
    raw["templates"] = [t for t in raw["templates"] if t["shortcode"]]
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(raw)))
    run_library(parse("library", "import", "-", "--replace"), store)
    kept = len(raw["templates"])
    assert capsys.readouterr().out == (
        f"imported -: 0 added, 0 updated, {kept} unchanged, {count - kept} removed\n"
    )
    assert {t.kind for t in Library(store).all()} == {"snippet"}
    run_library(parse("library", "restore", "Praise: thank you"), store)
    assert "back as shipped" in capsys.readouterr().out


def test_a_bad_library_file_changes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "socialdesk-library",
                "version": 1,
                "templates": [{"name": "Ok", "text": "Hi"}, {"name": "Oops", "text": "Hi {nme}"}],
            }
        ),
        encoding="utf-8",
    )
    before = Library(store).export_json()
    with pytest.raises(DraftError, match=r"^.*bad.json: template 2 \('Oops'\): text: \{nme\}"):
        run_library(parse("library", "import", str(bad), "--replace"), store)
    assert Library(store).export_json() == before
    with pytest.raises(DraftError, match=r"cannot read .*missing\.json"):
        run_library(parse("library", "import", str(tmp_path / "missing.json")), store)
    with pytest.raises(DraftError, match="is a folder"):
        run_library(parse("library", "export", "--out", str(tmp_path)), store)
    with pytest.raises(DraftError, match="there is no folder"):
        run_library(parse("library", "export", "--out", str(tmp_path / "no" / "x.json")), store)


def test_voice_show_set_and_reset(
    store: Store, complaint: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_voice(parse("voice", "show"), store)
    out = capsys.readouterr().out
    assert out.startswith("the workspace default: the shipped default\n")
    assert "  formality:      neutral" in out
    run_voice(parse("voice", "show", "--account", "x:@brand", "--json"), store)
    shown = capsys.readouterr().out
    assert json.loads(shown)["sign_off"] == "^{agent_initials}"

    profile = json.loads(shown) | {"brand": "Nimbus Home", "formality": "casual"}
    path = tmp_path / "voice.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    run_voice(parse("voice", "set", "--account", "@Brand", "--file", str(path)), store)
    assert capsys.readouterr().out == f"x:brand now replies in the voice from {path}\n"
    run_voice(parse("voice", "show", "--account", "brand"), store)
    out = capsys.readouterr().out
    assert out.startswith("x:brand: the account's own voice")
    assert "  brand:          Nimbus Home" in out
    with store.connect() as conn:
        account = conn.execute(select(Message.account_id)).scalars().first()
    assert VoiceBook(store).get(account).brand == "Nimbus Home"
    assert VoiceBook(store).get(None) == default_voice()

    run_voice(parse("voice", "reset", "--account", "x:brand"), store)
    assert capsys.readouterr().out == "x:brand: back to the workspace default\n"
    run_voice(parse("voice", "reset"), store)
    assert "had no voice of its own" in capsys.readouterr().out


def test_voice_errors_are_one_line(store: Store, complaint: int, tmp_path: Path) -> None:
    path = tmp_path / "voice.json"
    path.write_text('{"formality": "chatty"}', encoding="utf-8")
    with pytest.raises(
        DraftError, match=r"voice\.json: formality must be one of casual, neutral, formal"
    ):
        run_voice(parse("voice", "set", "--file", str(path)), store)
    with pytest.raises(DraftError, match=r"no account is called 'x:@nobody' \(accounts: x:brand\)"):
        run_voice(parse("voice", "show", "--account", "x:@nobody"), store)
