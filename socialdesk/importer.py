"""Reading JSON Lines and CSV import files into normalised messages.

Every row is checked before anything is written, so one bad row never
poisons a batch: it is reported with its line number and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network

MAX_KEY_LENGTH = 255
# Far beyond any network's limit (Reddit allows 40,000): a bigger value is a broken export.
MAX_TEXT_LENGTH = 1_000_000
REQUIRED = ("network", "external_id", "kind", "direction", "account", "created_at", "text")
KIND_ALIASES = {
    "dm": "direct_message",
    "direct message": "direct_message",
    "keyword hit": "keyword_hit",
}


_SURROGATE = re.compile("[\udc80-\udcff]")


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class RowProblem(ValueError):
    pass


def _text(
    row: Mapping[str, Any], field: str, *, required: bool, max_len: int | None, prefix: str = ""
) -> str:
    value = row.get(field)
    name = prefix + field
    if value is None or value == "":
        if required:
            raise RowProblem(f"{name} is missing")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RowProblem(f"{name} must be a string, not {type(value).__name__}")
    text = str(value)
    if "\x00" in text:
        raise RowProblem(f"{name} contains a NUL character, which cannot be stored")
    if max_len is not None and len(text) > max_len:
        raise RowProblem(f"{name} is longer than {max_len} characters")
    return text


def parse_row(row: Mapping[str, Any]) -> IncomingMessage:
    """One row (a JSON object, or a CSV row already nested) to a message, or RowProblem."""
    for field in REQUIRED:
        if field not in row or row[field] is None:
            raise RowProblem(f"{field} is missing")
    network_name = _text(row, "network", required=True, max_len=32).strip().lower()
    try:
        network = Network(network_name)
    except ValueError:
        known = ", ".join(n.value for n in Network)
        raise RowProblem(f"network {network_name!r} is not one of: {known}") from None
    kind_name = _text(row, "kind", required=True, max_len=32).strip().lower()
    kind_name = KIND_ALIASES.get(kind_name, kind_name)
    try:
        kind = MessageKind(kind_name)
    except ValueError:
        known = ", ".join(k.value for k in MessageKind)
        raise RowProblem(f"kind {kind_name!r} is not one of: {known}") from None
    direction_name = _text(row, "direction", required=True, max_len=16).strip().lower()
    try:
        direction = Direction(direction_name)
    except ValueError:
        raise RowProblem(f"direction {direction_name!r} must be inbound or outbound") from None

    raw_author = row.get("author") or {}
    if not isinstance(raw_author, Mapping):
        raise RowProblem("author must be an object with id, handle, name and followers")
    inbound = direction is Direction.INBOUND
    author_id = _text(raw_author, "id", required=inbound, max_len=255, prefix="author.")
    handle = _text(raw_author, "handle", required=True, max_len=MAX_KEY_LENGTH, prefix="author.")
    name = _text(raw_author, "name", required=False, max_len=None, prefix="author.")
    followers_raw = raw_author.get("followers")
    followers: int | None = None
    if followers_raw not in (None, ""):
        if isinstance(followers_raw, bool):
            raise RowProblem("author.followers must be a whole number")
        try:
            followers = int(str(followers_raw).strip())
        except ValueError:
            raise RowProblem(f"author.followers {followers_raw!r} is not a whole number") from None
        if followers < 0:
            raise RowProblem("author.followers must not be negative")

    created_raw = _text(row, "created_at", required=True, max_len=64).strip()
    try:
        created_at = datetime.fromisoformat(created_raw)
    except ValueError:
        raise RowProblem(f"created_at {created_raw!r} is not an ISO 8601 timestamp") from None
    if created_at.tzinfo is None:
        raise RowProblem(f"created_at {created_raw!r} has no time zone; add Z or +00:00")

    text = row.get("text")
    if not isinstance(text, str):
        raise RowProblem("text must be a string")
    if "\x00" in text:
        raise RowProblem("text contains a NUL character, which cannot be stored")
    if len(text) > MAX_TEXT_LENGTH:
        raise RowProblem(f"text is longer than {MAX_TEXT_LENGTH:,} characters")

    return IncomingMessage(
        network=network,
        external_id=_text(row, "external_id", required=True, max_len=MAX_KEY_LENGTH),
        kind=kind,
        direction=direction,
        author=Author(id=author_id or handle, handle=handle, name=name, followers=followers),
        account=_text(row, "account", required=True, max_len=MAX_KEY_LENGTH),
        created_at=created_at,
        text=text,
        url=_text(row, "url", required=False, max_len=None),
        in_reply_to=_text(row, "in_reply_to", required=False, max_len=MAX_KEY_LENGTH) or None,
        conversation=_text(row, "conversation", required=False, max_len=MAX_KEY_LENGTH) or None,
    )


def _text_lines(stream: Iterable[bytes]) -> Iterator[bytes]:
    """Lines ended by LF, CR LF or a lone CR (old Mac exports), as text mode reads them.
    JSON text cannot hold a raw carriage return, so splitting on one is safe."""
    for raw in stream:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        line = line[:-1] if line.endswith(b"\r") else line
        yield from line.split(b"\r") if b"\r" in line else (line,)


def _jsonl_rows(lines: Iterable[bytes]) -> Iterator[tuple[int, Mapping[str, Any] | RowError]]:
    """Each line decoded on its own: a bad byte costs its line, not the file."""
    for number, raw in enumerate(_text_lines(lines), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield number, RowError(number, f"not valid UTF-8 (bad byte at offset {exc.start})")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, RowError(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(value, dict):
            yield number, RowError(number, "each line must be a JSON object")
            continue
        yield number, value


def _csv_rows(stream: TextIO, path: str) -> Iterator[tuple[int, Mapping[str, Any] | RowError]]:
    """The stream decodes with surrogateescape: a bad byte shows up in its row's fields
    as a lone surrogate, and costs that row only."""
    reader = csv.DictReader(stream)
    header = reader.fieldnames
    if not header:
        raise ImportFileError(f"{path} is empty: a CSV import needs a header row first")
    missing = [c for c in REQUIRED if c not in header] + (
        ["author_handle"] if "author_handle" not in header else []
    )
    if missing:
        raise ImportFileError(f"{path}: the CSV header lacks the column(s): {', '.join(missing)}")
    for row in reader:
        number = reader.line_num
        if None in row:
            yield number, RowError(number, "more fields than the header has columns")
            continue
        absent = [column for column, value in row.items() if value is None]
        if absent:
            # Trailing optional columns may be left out, as many exporters do.
            needed = [c for c in absent if c in REQUIRED or c == "author_handle"]
            if needed:
                given = len(header) - len(absent)
                yield (
                    number,
                    RowError(
                        number,
                        f"{given} fields where the header has {len(header)} "
                        f"({', '.join(needed)} missing)",
                    ),
                )
                continue
            row = {column: value or "" for column, value in row.items()}
        values = list(row.values())
        if any(_SURROGATE.search(v) for v in values if v):
            yield number, RowError(number, "not valid UTF-8")
            continue
        nested: dict[str, Any] = {k: v for k, v in row.items() if not k.startswith("author_")}
        nested["author"] = {
            "id": row.get("author_id") or "",
            "handle": row.get("author_handle") or "",
            "name": row.get("author_name") or "",
            "followers": row.get("author_followers") or None,
        }
        yield number, nested


def read_import(path: str) -> Iterator[IncomingMessage | RowError]:
    """Stream a JSON Lines or CSV file (by extension; '-' is JSON Lines on stdin)."""
    if path == "-":
        yield from _parse(_jsonl_rows(sys.stdin.buffer))
        return
    file = Path(path)
    if file.is_dir():
        raise ImportFileError(f"{path} is a folder, not a file")
    try:
        raw = file.open("rb")
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror}") from exc
    with raw:
        if file.suffix.lower() != ".csv":
            yield from _parse(_jsonl_rows(raw))
            return
        stream = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        try:
            yield from _parse(_csv_rows(stream, path))
        except csv.Error as exc:
            raise ImportFileError(f"{path} is not valid CSV: {exc}") from exc


def _parse(
    rows: Iterator[tuple[int, Mapping[str, Any] | RowError]],
) -> Iterator[IncomingMessage | RowError]:
    for number, row in rows:
        if isinstance(row, RowError):
            yield row
            continue
        try:
            yield parse_row(row)
        except RowProblem as exc:
            yield RowError(number, str(exc))
