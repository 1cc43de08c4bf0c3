from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialdesk.domain import Direction, MessageKind, Network
from socialdesk.importer import ImportFileError, RowError, read_import

GOOD = {
    "network": "x",
    "external_id": "100",
    "kind": "mention",
    "direction": "inbound",
    "in_reply_to": "",
    "author": {"id": "u1", "handle": "alice", "name": "Alice", "followers": 1200},
    "account": "@Brand",
    "created_at": "2026-11-20T09:00:00Z",
    "text": "my order is late",
    "url": "https://x.com/alice/status/100",
}


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
        encoding="utf-8",
    )
    return path


def test_good_row_is_parsed(tmp_path: Path) -> None:
    [msg] = list(read_import(str(write_jsonl(tmp_path / "a.jsonl", [GOOD]))))
    assert not isinstance(msg, RowError)
    assert msg.network is Network.X and msg.kind is MessageKind.MENTION
    assert msg.direction is Direction.INBOUND and msg.in_reply_to is None
    assert msg.author.followers == 1200 and msg.is_public
    assert msg.created_at.isoformat() == "2026-11-20T09:00:00+00:00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"network": "myspace"}, "network 'myspace' is not one of: x, reddit"),
        ({"kind": "tweet"}, "kind 'tweet' is not one of"),
        ({"direction": "sideways"}, "direction 'sideways' must be inbound or outbound"),
        ({"created_at": "yesterday"}, "created_at 'yesterday' is not an ISO 8601 timestamp"),
        ({"created_at": "2026-11-20T09:00:00"}, "has no time zone"),
        ({"text": 42}, "text must be a string"),
        ({"text": "nul\x00byte"}, "NUL character"),
        ({"external_id": ""}, "external_id is missing"),
        ({"external_id": "x" * 300}, "external_id is longer than 255"),
        ({"author": "alice"}, "author must be an object"),
        ({"author": {"id": "u1", "handle": "a", "followers": "many"}}, "not a whole number"),
        ({"author": {"id": "u1", "handle": "a", "followers": -3}}, "must not be negative"),
        ({"author": {"handle": "a"}}, "author.id is missing"),
        ({"text": "x" * 1_000_001}, "text is longer than 1,000,000 characters"),
        ({"account": None}, "account is missing"),
    ],
)
def test_bad_rows_are_reported_with_line_numbers(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    bad = {**GOOD, **change, "external_id": change.get("external_id", "101")}
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD, bad, {**GOOD, "external_id": "102"}])
    results = list(read_import(str(path)))
    errors = [r for r in results if isinstance(r, RowError)]
    assert len(results) == 3 and len(errors) == 1
    assert errors[0].line == 2
    assert message in errors[0].message


def test_malformed_json_and_non_objects(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ["{not json", "[1, 2]", "", GOOD])
    results = list(read_import(str(path)))
    assert [str(r) for r in results[:2]] == [
        "line 1: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        "line 2: each line must be a JSON object",
    ]
    assert not isinstance(results[2], RowError)


def test_csv_with_the_same_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "network,external_id,kind,direction,in_reply_to,conversation,author_id,author_handle,"
        "author_name,author_followers,account,created_at,text,url\n"
        "reddit,t1_a,comment,inbound,,,r1,bob,Bob,7,u/Brand,2026-11-20T09:00:00+01:00,"
        '"a, b ""c""",\n'
        "reddit,t1_b,comment,outbound,t1_a,,,Brand,,,u/Brand,2026-11-20T09:05:00Z,hi,\n"
        "reddit,t1_c,comment,inbound,,,r1,bob,Bob,lots,u/Brand,2026-11-20T09:00:00Z,x,\n",
        encoding="utf-8",
    )
    first, second, third = list(read_import(str(path)))
    assert not isinstance(first, RowError) and not isinstance(second, RowError)
    assert first.text == 'a, b "c"' and first.author.followers == 7
    assert second.in_reply_to == "t1_a" and second.direction is Direction.OUTBOUND
    assert isinstance(third, RowError) and third.line == 4


def test_csv_missing_columns_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("network,text\nx,hello\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="lacks the column"):
        list(read_import(str(path)))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"cannot read .*No such file"):
        list(read_import(str(tmp_path / "missing.jsonl")))
    with pytest.raises(ImportFileError, match="is a folder"):
        list(read_import(str(tmp_path)))


def test_a_line_that_is_not_utf8_costs_that_line_only(tmp_path: Path) -> None:
    latin = json.dumps({**GOOD, "text": "caf\u00e9"}, ensure_ascii=False).encode("latin-1")
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({**GOOD, "external_id": "102"}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + latin + b"\n" + good.replace(b"102", b"103"))
    first, second, third = list(read_import(str(path)))
    assert not isinstance(first, RowError) and first.external_id == "102"  # BOM skipped
    assert isinstance(second, RowError) and second.line == 2
    assert str(second).startswith("line 2: not valid UTF-8 (bad byte at offset")
    assert not isinstance(third, RowError) and third.external_id == "103"


CSV_HEADER = (
    "network,external_id,kind,direction,in_reply_to,conversation,author_id,author_handle,"
    "author_name,author_followers,account,created_at,text,url\n"
)


def test_csv_rows_with_bad_bytes_or_missing_fields_are_reported_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    good = "x,1,mention,inbound,,,u1,ann,Ann,3,@Brand,2026-11-20T09:00:00Z,hello,\n"
    path.write_bytes(
        (CSV_HEADER + good).encode()
        + "x,2,mention,inbound,,,u1,ann,Ann,3,@Brand,2026-11-20T09:00:00Z,caf\u00e9,\n".encode(
            "latin-1"
        )
        + b"x,3,mention,inbound,,,u1,ann\n"
        + good.replace(",1,", ",4,").encode()
    )
    results = list(read_import(str(path)))
    assert [r.line for r in results if isinstance(r, RowError)] == [3, 4]
    assert [str(r) for r in results if isinstance(r, RowError)] == [
        "line 3: not valid UTF-8",
        "line 4: 8 fields where the header has 14 (account, created_at, text missing)",
    ]
    assert [m.external_id for m in results if not isinstance(m, RowError)] == ["1", "4"]


def test_an_empty_csv_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError, match=r"empty.csv is empty: a CSV import needs a header"):
        list(read_import(str(path)))


def test_csv_rows_may_leave_out_trailing_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text(
        "network,external_id,kind,direction,author_id,author_handle,account,created_at,text,url,"
        "in_reply_to\n"
        "x,1,mention,inbound,u1,ann,@Brand,2026-11-20T09:00:00Z,hello\n",
        encoding="utf-8",
    )
    [message] = list(read_import(str(path)))
    assert not isinstance(message, RowError)
    assert (message.text, message.url, message.in_reply_to) == ("hello", "", None)


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_json_lines_with_any_line_ending(tmp_path: Path, ending: bytes) -> None:
    rows = [json.dumps({**GOOD, "external_id": str(n)}).encode() for n in range(3)]
    path = tmp_path / "a.jsonl"
    path.write_bytes(ending.join(rows) + ending)
    results = list(read_import(str(path)))
    assert [getattr(r, "external_id", str(r)) for r in results] == ["0", "1", "2"]
