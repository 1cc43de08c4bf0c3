"""The command line: ``socialdesk [global options] COMMAND [options]``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from socialdesk import __version__
from socialdesk.config import DATA_DIR_ENV, DB_URL_ENV, Workspace, resolve_workspace
from socialdesk.domain import IncomingMessage
from socialdesk.importer import ImportFileError, RowError, read_import
from socialdesk.inbox import STATUS_FILTERS, Inbox, InboxRow
from socialdesk.ingest import Ingestor, IngestResult
from socialdesk.learning import (
    ModelBook,
    parse_label_line,
    rescore_open,
    teach,
    workspace_scorer,
)
from socialdesk.logs import configure_logging
from socialdesk.sources import desktop_app
from socialdesk.store import Store, StoreError, head_revision
from socialdesk.text import dumps_for_terminal, one_line
from socialdesk.triage import CueBook, CueError, TriageAnalyser

log = logging.getLogger("socialdesk.cli")


class UsageError(Exception):
    """A mistake in how the command was called or what it was given."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="socialdesk",
        description="SocialDesk: one keyboard-first inbox for social-media customer care. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"socialdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder for everything SocialDesk writes (or ${DATA_DIR_ENV}; "
        "default: the platform's user data folder)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL, e.g. postgresql+psycopg://user@host/db (or ${DB_URL_ENV}; "
        "default: a SQLite file in the data folder)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log to the console too")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        help="create or refresh the demo workspace (no network needed)",
        description="Create, or refresh idempotently, a realistic demo workspace: two brand "
        "accounts and hundreds of conversations over the last 14 days.",
    )
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument(
        "--conversations",
        type=int,
        default=640,
        metavar="N",
        help="customer threads to start (default 640); a few move to DMs, adding threads",
    )
    demo.add_argument("--open", action="store_true", help="open the desktop app afterwards")

    imp = commands.add_parser(
        "import",
        help="load messages from a JSON Lines or CSV file",
        description="Load messages from FILE (JSON Lines, or CSV when it ends in .csv; '-' "
        "reads JSON Lines from standard input). Bad rows are reported with their line "
        "numbers and skipped; importing the same file twice changes nothing.",
    )
    imp.add_argument("file", metavar="FILE")

    inbox = commands.add_parser(
        "inbox",
        help="print the triage queue, highest priority first",
        description="Print the triage queue: one row per conversation, showing its latest "
        "customer message, highest priority first.",
    )
    inbox.add_argument(
        "--status",
        default="open",
        choices=STATUS_FILTERS,
        help="open (new, open and pending; the default), all, or one status",
    )
    inbox.add_argument(
        "--limit", type=int, default=50, metavar="N", help="at most N rows (default 50)"
    )
    inbox.add_argument("--search", default="", metavar="WORDS", help="full-text search")
    inbox.add_argument("--json", action="store_true", help="print one JSON array")

    score = commands.add_parser(
        "score",
        help="score texts: complaint, intent, topic, sentiment and reasons",
        description="Score each line of FILE (or standard input): plain text, or JSON Lines "
        "with a 'text' field. Prints one result per input line, in order, as it goes. Uses "
        "the workspace's own cues and learned model when the workspace exists.",
    )
    score.add_argument("file", nargs="?", default="-", metavar="FILE", help="default: stdin")
    score.add_argument("--json", action="store_true", help="one JSON object per line")

    label = commands.add_parser(
        "label",
        help="mark a stored message as a complaint or not; the workspace model learns",
        description="Record an agent's decision on message ID (see `inbox --json`), retrain "
        "the workspace's model from all its labels, and rescore the open queue.",
    )
    label.add_argument("message_id", type=int, metavar="MESSAGE_ID")
    label.add_argument("decision", choices=("complaint", "not-complaint"))

    learn = commands.add_parser(
        "learn",
        help="teach the workspace's model from past decisions, or reset it",
        description="Seed the workspace's complaint model from FILE: JSON Lines "
        '{"text": ..., "complaint": true|false}. Bad lines are reported and skipped. The '
        "model is retrained from every label and the open queue is rescored.",
    )
    learn.add_argument("file", nargs="?", metavar="FILE")
    action = learn.add_mutually_exclusive_group()
    action.add_argument("--status", action="store_true", help="show the model and its labels")
    action.add_argument(
        "--reset", action="store_true", help="delete the learned model and every label"
    )
    action.add_argument(
        "--rescore",
        action="store_true",
        help="score the open queue again with the current cues and model (after editing "
        "the workspace's cues.json)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        print(f"socialdesk: error: {exc}", file=sys.stderr)
        return 2
    workspace = resolve_workspace(args.data_dir, args.db)
    log_file = configure_logging(workspace.log_dir, verbose=args.verbose)
    try:
        return _dispatch(args, workspace)
    except (StoreError, ImportFileError, UsageError, CueError) as exc:
        log.error("%s", exc)
        print(f"socialdesk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("socialdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`socialdesk inbox | head`): not an error. Point stdout at
        # devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        log.exception("unexpected error")
        where = f" (details in {log_file})" if log_file else ""
        print(
            f"socialdesk: unexpected error: {exc.__class__.__name__}: {exc}{where}", file=sys.stderr
        )
        return 1


def open_store(workspace: Workspace) -> Store:
    return Store.open(
        workspace.db_url,
        backup_dir=workspace.backup_dir,
        create_folder=workspace.db_is_default,
    )


def _dispatch(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.command is None:
        return _run_app(workspace, [])
    commands = {
        "demo": _cmd_demo,
        "import": _cmd_import,
        "inbox": _cmd_inbox,
        "score": _cmd_score,
        "label": _cmd_label,
        "learn": _cmd_learn,
    }
    return commands[args.command](args, workspace)


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

    if args.conversations < 1:
        raise UsageError("--conversations must be at least 1")
    store = open_store(workspace)
    try:
        items = generate_demo(seed=args.seed, conversations=args.conversations)
        result = _ingest(store, workspace, items, len(items))
        print(
            f"demo workspace ready in {workspace.data_dir}: "
            f"{plural(result.inserted, 'new message')}, {result.duplicates} already there, "
            f"{plural(result.conversations_created, 'new conversation')}"
        )
    finally:
        store.close()
    if args.open:
        return _run_app(workspace, [])
    return 0


def _ingest(
    store: Store, workspace: Workspace, items: Iterable[IncomingMessage], expected: int
) -> IngestResult:
    scorer = workspace_scorer(store, workspace.data_dir, expected)
    try:
        return Ingestor(store, scorer).ingest_stream(items)
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
    print(
        f"imported {plural(result.inserted, 'new message')} ({result.duplicates} already there, "
        f"{plural(len(errors), 'bad row')} skipped) into "
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
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    store = open_store(workspace)
    try:
        inbox = Inbox(store)
        rows = inbox.page(status=args.status, search=args.search, limit=args.limit)
        total = inbox.count(status=args.status, search=args.search) if not args.json else 0
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

    for number, raw in enumerate(_binary_lines(args.file), start=1):
        text, problem = _score_input(raw)
        if text is None:
            errors += 1
            print(f"{args.file}: line {number}: {problem}", file=sys.stderr)
        chunk.append((number, text, problem))
        if len(chunk) >= SCORE_CHUNK:
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
        if isinstance(value, dict) and "text" in value:
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
        model = book.retrain(TriageAnalyser(cues))
        rescored = rescore_open(store, TriageAnalyser(cues, model)) if model else 0
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
