"""The command line: ``socialdesk [global options] COMMAND [options]``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from socialdesk import __version__
from socialdesk.config import DATA_DIR_ENV, DB_URL_ENV, Workspace, resolve_workspace
from socialdesk.domain import IncomingMessage
from socialdesk.importer import ImportFileError, RowError, read_import
from socialdesk.inbox import STATUS_FILTERS, Inbox, InboxRow
from socialdesk.ingest import Ingestor, IngestResult
from socialdesk.logs import configure_logging
from socialdesk.scoring import BaselineScorer
from socialdesk.sources import desktop_app
from socialdesk.store import Store, StoreError
from socialdesk.text import dumps_for_terminal, one_line

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
    except (StoreError, ImportFileError, UsageError) as exc:
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
    if args.command == "demo":
        return _cmd_demo(args, workspace)
    if args.command == "import":
        return _cmd_import(args, workspace)
    if args.command == "inbox":
        return _cmd_inbox(args, workspace)
    raise UsageError(f"unknown command {args.command}")  # pragma: no cover


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
        result = _ingest(store, items, len(items))
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


def _ingest(store: Store, items: Iterable[IncomingMessage], expected: int) -> IngestResult:
    scorer = BaselineScorer.for_volume(expected)
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
        result = _ingest(store, good_rows(), expected)
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
