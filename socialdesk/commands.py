"""What each command does. ``socialdesk.cli`` parses and calls ``dispatch``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from socialdesk import queue
from socialdesk.accounts import AccountError
from socialdesk.cli import UsageError
from socialdesk.config import Workspace
from socialdesk.domain import IncomingMessage
from socialdesk.hours import ScheduleError
from socialdesk.importer import ImportFileError, RowError, read_import
from socialdesk.inbox import Inbox, InboxRow, QueueQuery
from socialdesk.ingest import BATCH_SIZE as BATCH_SIZE_FOR_THROUGHPUT
from socialdesk.ingest import Ingestor, IngestResult
from socialdesk.learning import (
    ModelBook,
    parse_label_line,
    rescore_open,
    teach,
    workspace_scorer,
)
from socialdesk.metrics import ReportError
from socialdesk.report_commands import CommandError
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sla import PolicyError
from socialdesk.sources import SourceError, desktop_app
from socialdesk.store import Store, StoreError, head_revision
from socialdesk.text import dumps_for_terminal, one_line
from socialdesk.triage import CueBook, CueError, TriageAnalyser

log = logging.getLogger("socialdesk.commands")

# Failures that are the user's to fix: one line on standard error, no traceback.
USER_ERRORS = (
    StoreError,
    ImportFileError,
    UsageError,
    CueError,
    AccountError,
    KeyringUnavailable,
    SourceError,
    CommandError,
    ReportError,
    PolicyError,
    ScheduleError,
)


def open_store(workspace: Workspace) -> Store:
    return Store.open(
        workspace.db_url,
        backup_dir=workspace.backup_dir,
        create_folder=workspace.db_is_default,
    )


def dispatch(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.command is None:
        return _run_app(workspace, _app_args(args))
    commands = {
        "demo": _cmd_demo,
        "import": _cmd_import,
        "inbox": _cmd_inbox,
        "score": _cmd_score,
        "label": _cmd_label,
        "learn": _cmd_learn,
        "accounts": _cmd_accounts,
        "sync": _cmd_sync,
        "report": _cmd_service,
        "sla": _cmd_service,
        "hours": _cmd_service,
        "ai": _cmd_ai,
        "outbox": _cmd_outbox,
        "draft": _cmd_drafting,
        "library": _cmd_drafting,
        "voice": _cmd_drafting,
    }
    return commands[args.command](args, workspace)


def _on_store(workspace: Workspace, run: Callable[[Store], int]) -> int:
    """Runs a command against the workspace's store, closed whatever happens."""
    store = open_store(workspace)
    try:
        return run(store)
    finally:
        store.close()


def _cmd_accounts(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk.account_commands import run_accounts

    return _on_store(workspace, lambda store: run_accounts(args, store, SecretStore()))


def _cmd_outbox(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk.outbox_commands import run_outbox

    return _on_store(
        workspace, lambda store: run_outbox(args, store, SecretStore(), workspace.data_dir)
    )


def _cmd_drafting(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk import draft_commands

    run = {
        "draft": draft_commands.run_draft,
        "library": draft_commands.run_library,
        "voice": draft_commands.run_voice,
    }[args.command]
    return _on_store(workspace, lambda store: run(args, store))


def _cmd_ai(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk.ai_commands import run_ai

    return _on_store(workspace, lambda store: run_ai(args, store, SecretStore()))


def _cmd_sync(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk.account_commands import run_sync

    return _on_store(
        workspace, lambda store: run_sync(args, store, SecretStore(), workspace.data_dir)
    )


def _cmd_service(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk import report_commands

    run = {
        "report": report_commands.run_report,
        "sla": report_commands.run_sla,
        "hours": report_commands.run_hours,
    }[args.command]
    return _on_store(workspace, lambda store: run(args, store))


def _app_args(args: argparse.Namespace) -> list[str]:
    return ["--lang", args.lang] if getattr(args, "lang", None) else []


def _run_app(workspace: Workspace, qt_args: list[str]) -> int:
    app = desktop_app()
    if app is None:
        raise UsageError(
            "the desktop app is not installed with this copy of SocialDesk; "
            "reinstall it with: pip install ."
        )
    store = open_store(workspace)
    try:
        return int(app(store=store, workspace=workspace, argv=qt_args))
    finally:
        store.close()


def _cmd_demo(args: argparse.Namespace, workspace: Workspace) -> int:
    from socialdesk.demo import generate_demo
    from socialdesk.demo_history import add_demo_history
    from socialdesk.sending import mark_demo_accounts

    store = open_store(workspace)
    try:
        items = generate_demo(seed=args.seed, conversations=args.conversations)
        result = _ingest(store, workspace, items, len(items))
        add_demo_history(store)
        mark_demo_accounts(store)  # their replies go to the simulated network
        print(
            f"demo workspace ready in {workspace.where}: "
            f"{plural(result.inserted, 'new message')}, {result.duplicates} already there, "
            f"{plural(result.conversations_created, 'new conversation')}"
        )
    finally:
        store.close()
    if args.open:
        return _run_app(workspace, _app_args(args))
    return 0


# Messages per transaction for import and demo. socialdesk.background lowers it for the
# desktop app's imports: smaller batches cost some throughput but keep the window, which
# reloads as they land, smoother (stall benchmark: 24-40 ms at 1,000, up to 64 ms at 5,000).
BATCH_SIZE = BATCH_SIZE_FOR_THROUGHPUT


def _ingest(
    store: Store, workspace: Workspace, items: Iterable[IncomingMessage], expected: int
) -> IngestResult:
    scorer = workspace_scorer(store, workspace.data_dir, expected)
    try:
        return Ingestor(store, scorer, batch_size=BATCH_SIZE).ingest_stream(items)
    finally:
        scorer.close()


def _cmd_import(args: argparse.Namespace, workspace: Workspace) -> int:
    errors: list[RowError] = []

    def good_rows() -> Iterator[IncomingMessage]:
        for row in read_import(args.file):
            if isinstance(row, RowError):
                errors.append(row)
                print(f"{args.file}: {row}", file=sys.stderr)
            else:
                yield row

    # Roughly 300 bytes a row: large files get scoring worker processes.
    expected = 0 if args.file == "-" else _file_size(args.file) // 300
    store = open_store(workspace)
    try:
        result = _ingest(store, workspace, good_rows(), expected)
    finally:
        store.close()
    if args.json:
        summary = {
            "inserted": result.inserted,
            "duplicates": result.duplicates,
            "bad_rows": len(errors),
            "conversations": result.conversations_created,
        }
        print(json.dumps(summary))
    else:
        print(
            f"imported {plural(result.inserted, 'new message')} ({result.duplicates} already "
            f"there, {plural(len(errors), 'bad row')} skipped) into "
            f"{plural(result.conversations_created, 'new conversation')}"
        )
    return 1 if errors else 0


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _file_size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # read_import reports the real problem


def _cmd_inbox(args: argparse.Namespace, workspace: Workspace) -> int:
    query = (
        QueueQuery(view=args.view, sort=args.sort, search=args.search, agent=_agent_name())
        if args.view
        else QueueQuery(view=args.status, sort=args.sort, search=args.search)
    )
    store = open_store(workspace)
    try:
        _age_queue(store)
        inbox = Inbox(store)
        rows = inbox.page(query, limit=args.limit)
        total = inbox.count(query) if not args.json else 0
    finally:
        store.close()
    now = datetime.now().astimezone()
    if args.json:
        print(dumps_for_terminal([row.as_json(now) for row in rows]))
        return 0
    if not rows:
        print("nothing in this view")
        return 0
    print(_TABLE_FORMAT.format("PRI", "NETWORK", "KIND", "AUTHOR", "WAITING", "STATUS", "MESSAGE"))
    for row in rows:
        print(_table_line(row, now))
    if len(rows) == args.limit and total > args.limit:
        print(f"... and {total - args.limit} more (use --limit N to see more)")
    return 0


def _age_queue(store: Store) -> None:
    """Bring the queue's waiting points up to now. A workspace this user may only read
    keeps the order it had; the priorities shown are worked out live either way."""
    try:
        queue.age(store, datetime.now(UTC))
    except StoreError as exc:
        log.info("queue not aged: %s", exc)


_TABLE_FORMAT = "{:>3}  {:<7} {:<14} {:<20} {:>9}  {:<8} {}"


def _table_line(row: InboxRow, now: datetime) -> str:
    return _TABLE_FORMAT.format(
        row.priority,
        row.network,
        row.kind,
        one_line(row.author_handle, 20),
        row.waiting_label(now),
        row.status,
        one_line(row.text, 70),
    )


SCORE_CHUNK = 512


def _cmd_score(args: argparse.Namespace, workspace: Workspace) -> int:
    analyser = _workspace_analyser(workspace)
    errors = 0
    chunk: list[tuple[int, str | None, str]] = []

    def flush() -> None:
        texts = [text for _, text, _ in chunk if text is not None]
        results = iter(analyser.analyse(texts))
        for number, text, problem in chunk:
            if text is None:
                _print_score({"line": number, "error": problem}, args.json)
            else:
                _print_score({"line": number, **next(results).as_json()}, args.json, text)
        sys.stdout.flush()
        chunk.clear()

    for number, (raw, caught_up) in enumerate(_lines_as_they_come(args.file), start=1):
        text, problem = _score_input(raw)
        if text is None:
            errors += 1
            print(f"{args.file}: line {number}: {problem}", file=sys.stderr)
        chunk.append((number, text, problem))
        # Score in chunks, but never hold back a result while waiting for more input.
        if len(chunk) >= SCORE_CHUNK or caught_up:
            flush()
    flush()
    return 1 if errors else 0


def _workspace_analyser(workspace: Workspace) -> TriageAnalyser:
    """The workspace's cues and model if the workspace exists; `score` never creates one."""
    cues = CueBook.for_workspace(workspace.data_dir)
    if workspace.db_is_default and not (workspace.data_dir / "socialdesk.db").exists():
        return TriageAnalyser(cues)
    if workspace.is_sqlite and not workspace.db_is_default:
        database = make_url(workspace.db_url).database
        if not database or not Path(database).exists():
            return TriageAnalyser(cues)
    store = Store.open(workspace.db_url, migrate=False, create_folder=False)
    try:
        if store.current_revision() != head_revision():
            return TriageAnalyser(cues)  # not a current workspace: the rules alone
        return TriageAnalyser(cues, ModelBook(store).active())
    finally:
        store.close()


def _lines_as_they_come(path: str) -> Iterator[tuple[bytes, bool]]:
    """Each line, and whether it is the last one that was waiting to be read: standard
    input from a pipe or a terminal gives what it has so far, and the caller can answer
    before asking for more. A file is all there; only its last line is "caught up"."""
    if path != "-":
        previous: bytes | None = None
        for line in _binary_lines(path):
            if previous is not None:
                yield previous, False
            previous = line
        if previous is not None:
            yield previous, True
        return
    try:
        descriptor = sys.stdin.buffer.fileno()
    except (AttributeError, OSError, ValueError):  # not a real stream (tests, embedding)
        for line in sys.stdin.buffer:
            yield line, False
        return
    pending: list[bytes] = []  # the start of a line not finished yet, read by read
    while True:
        received = os.read(descriptor, 1 << 16)
        if not received:
            break
        if b"\n" not in received:
            pending.append(received)  # a long line: gathered once, never re-joined
            continue
        lines = received.split(b"\n")
        pending.append(lines[0])
        lines[0] = b"".join(pending)
        pending = [lines.pop()]
        for index, line in enumerate(lines):
            yield line + b"\n", index == len(lines) - 1
    rest = b"".join(pending)
    if rest:
        yield rest, True


def _binary_lines(path: str) -> Iterator[bytes]:
    if path == "-":
        yield from sys.stdin.buffer
        return
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 - closed below; errors must be ours
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        yield from handle


def _score_input(raw: bytes) -> tuple[str | None, str]:
    """A line's text, or None and why not."""
    try:
        line = raw.decode("utf-8").removeprefix("\ufeff").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (bad byte at offset {exc.start})"
    if line.startswith("{"):
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            return line, ""  # plain text that happens to start with a brace
        if isinstance(value, dict):
            if "text" not in value:
                return None, 'a JSON object needs a "text" field'
            if not isinstance(value["text"], str):
                return None, "the text field must be a string"
            return value["text"], ""
    return line, ""


def _print_score(result: dict[str, object], as_json: bool, text: str = "") -> None:
    if as_json:
        print(dumps_for_terminal(result))
        return
    if "error" in result:
        print(f"{result['line']:>5}  error: {result['error']}")
        return
    verdict = "COMPLAINT" if result["complaint"] else "-"
    print(
        f"{result['line']:>5}  {verdict:<9} {result['complaint_score']:.2f}  "
        f"{result['intent']!s:<9} {result['topic'] or '-'!s:<15} "
        f"{result['sentiment']:+.2f}  {one_line(text, 60)}"
    )


def _cmd_label(args: argparse.Namespace, workspace: Workspace) -> int:
    store = open_store(workspace)
    try:
        lesson = teach(
            store,
            workspace.data_dir,
            args.message_id,
            args.decision == "complaint",
            actor=_agent_name(),
        )
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    finally:
        store.close()
    if args.json:
        print(
            json.dumps(
                {
                    "message_id": lesson.message_id,
                    "complaint": lesson.complaint,
                    "version": lesson.version,
                    "labels": lesson.labels,
                    "rescored": lesson.rescored,
                }
            )
        )
        return 0
    print(
        f"message {args.message_id} marked {args.decision}; {lesson.describe_model()}; "
        f"{plural(lesson.rescored, 'open item')} rescored"
    )
    return 0


def _agent_name() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _cmd_learn(args: argparse.Namespace, workspace: Workspace) -> int:
    if not (args.file or args.status or args.reset or args.rescore):
        raise UsageError("give a FILE to learn from, or --status, --reset or --rescore")
    if args.file and (args.status or args.reset or args.rescore):
        raise UsageError("give either a FILE or one of --status, --reset, --rescore")
    store = open_store(workspace)
    try:
        book = ModelBook(store)
        if args.status:
            _print_model_status(book)
            return 0
        cues = CueBook.for_workspace(workspace.data_dir)
        if args.rescore:
            rescored = rescore_open(store, TriageAnalyser(cues, book.active()))
            print(f"{plural(rescored, 'open item')} rescored")
            return 0
        if args.reset:
            models, labels = book.reset()
            rescored = rescore_open(store, TriageAnalyser(cues))
            print(
                f"forgot {plural(models, 'model version')} and {plural(labels, 'label')}; "
                f"{plural(rescored, 'open item')} rescored with the rules alone"
            )
            return 0
        examples, errors = [], 0
        for number, raw in enumerate(_binary_lines(args.file), start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                errors += 1
                print(f"{args.file}: line {number}: not valid UTF-8 (offset {exc.start})",
                      file=sys.stderr)  # fmt: skip
                continue
            if not line.strip():
                continue
            try:
                examples.append(parse_label_line(line, number))
            except ValueError as exc:
                errors += 1
                print(f"{args.file}: {exc}", file=sys.stderr)
        added = book.add_labels(examples, source="import", actor=_agent_name())
        model = book.active() if not added else None
        if model is None:  # something new to learn from, or no model yet
            model = book.retrain(TriageAnalyser(cues))
            rescored = rescore_open(store, TriageAnalyser(cues, model)) if model else 0
        else:
            rescored = 0  # nothing new: the model and the queue stay as they are
    finally:
        store.close()
    summary = (
        f"model v{model.version} from {plural(model.labels, 'label')}" if model else "no model"
    )
    print(
        f"learned {plural(added, 'new label')} ({plural(errors, 'bad line')} skipped): "
        f"{summary}; {plural(rescored, 'open item')} rescored"
    )
    return 1 if errors else 0


def _print_model_status(book: ModelBook) -> None:
    status = book.status()
    if status.version is None:
        print(f"no learned model yet; {plural(status.labels, 'label')} stored")
        return
    when = status.trained_at.isoformat(timespec="seconds") if status.trained_at else "?"
    print(
        f"model v{status.version}, trained {when} from {plural(status.labels, 'label')} "
        f"({status.complaints} complaints)"
    )
