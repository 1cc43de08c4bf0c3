"""The command line: ``socialdesk [global options] COMMAND [options]``.

This module only parses: it imports nothing heavy, so ``--help`` answers at once
and the scoring worker processes, which re-import the program's main module when
they start, pay nothing for it. ``socialdesk.commands`` does the work.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from socialdesk import __version__, ai_cli, draft_cli
from socialdesk.config import DATA_DIR_ENV, DB_URL_ENV, resolve_workspace
from socialdesk.domain import QUEUE_SORTS as SORTS
from socialdesk.domain import QUEUE_VIEWS as VIEWS
from socialdesk.domain import STATUS_FILTERS
from socialdesk.logs import configure_logging

log = logging.getLogger("socialdesk.cli")


class UsageError(Exception):
    """A mistake in how the command was called or what it was given."""


MAX_ID = 2**63 - 1  # the largest id either database stores
MAX_DEMO_CONVERSATIONS = 100_000
MAX_INBOX_ROWS = 1_000_000


def _whole_number(low: int, high: int) -> Any:
    """An argparse type: a whole number from ``low`` to ``high``, or a clear error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is out of range: use {low} to {high:,}")
        return value

    return parse


_GLOBAL_OPTIONS = ("--data-dir", "--db", "--verbose", "-v", "--lang")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        if message.startswith("unrecognized arguments:"):
            given = message.split(":", 1)[1].split()
            misplaced = [o for o in _GLOBAL_OPTIONS if any(g.split("=")[0] == o for g in given)]
            if misplaced:
                message += (
                    f" ({misplaced[0]} is a global option: it goes before the command, "
                    f"as in: socialdesk {misplaced[0]} ... inbox)"
                )
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
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="the desktop app's language: en or tr (default: the system's)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        help="create or refresh the demo workspace (no network needed)",
        description="Create, or refresh idempotently, a realistic demo workspace: two brand "
        "accounts and hundreds of conversations over the last 14 days.",
    )
    demo.add_argument(
        "--seed", type=_whole_number(0, MAX_ID), default=7, help="random seed (default 7)"
    )
    demo.add_argument(
        "--conversations",
        type=_whole_number(1, MAX_DEMO_CONVERSATIONS),
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
    imp.add_argument(
        "--json",
        action="store_true",
        help='print the summary as one JSON object: {"inserted", "duplicates", "bad_rows", '
        '"conversations"}',
    )

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
        "--limit",
        type=_whole_number(1, MAX_INBOX_ROWS),
        default=50,
        metavar="N",
        help="at most N rows (default 50)",
    )
    inbox.add_argument(
        "--view",
        choices=VIEWS,
        help="a view of the desktop app's navigation instead of --status (mine is "
        "what is assigned to you)",
    )
    inbox.add_argument(
        "--sort",
        choices=SORTS,
        default="priority",
        help="priority (the default), waiting (longest first) or newest",
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
    label.add_argument("message_id", type=_whole_number(1, MAX_ID), metavar="MESSAGE_ID")
    label.add_argument(
        "decision",
        choices=("complaint", "not-complaint"),
        metavar="DECISION",
        help="complaint or not-complaint",
    )
    label.add_argument(
        "--json",
        action="store_true",
        help='print the outcome as one JSON object: {"message_id", "complaint", "version", '
        '"labels", "rescored"}',
    )

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
    _account_parsers(commands)
    _service_parsers(commands)
    return parser


def _service_parsers(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="response times: percentiles, share within target, breaches, benchmarks",
        description="Response-time report for the conversations that started in a period: "
        "per group, first response p50/p90/p95/mean, the share within target and breaches "
        "(each conversation judged by its own policy), next responses, resolution, "
        "first-contact resolution, handle time and backlog, beside the channel's published "
        "benchmark. Percentiles are exact.",
    )
    report.add_argument(
        "--since",
        default="7d",
        metavar="7d|DATE",
        help="how far back (7d, 24h, 30m) or a date or time (default 7d)",
    )
    report.add_argument(
        "--until", metavar="DATE", help="end of the period, exclusive (default: now)"
    )
    report.add_argument(
        "--by",
        choices=("channel", "account", "agent", "day", "hour"),
        default="channel",
        help="group by channel (the default), account, agent, day or hour of day",
    )
    report.add_argument(
        "--business-hours",
        action="store_true",
        help="measure in the team's business hours (socialdesk hours) instead of calendar time",
    )
    report.add_argument(
        "--format", choices=("table", "csv", "json", "html"), default="table", help="default table"
    )
    report.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument(
        "--conversations",
        action="store_true",
        help="with --format csv: one row per conversation with every timestamp and figure",
    )

    sla = commands.add_parser(
        "sla",
        help="response-time policies per account and kind of conversation",
        description="Each account's targets for public complaints, other public "
        "conversations, direct messages and keyword hits: first response, next response, "
        "resolution, the goal (share within target) and the clock (round the clock or "
        "business hours). Without a policy of its own an account uses the shipped default "
        "from the published benchmarks.",
    )
    actions = sla.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    listing = actions.add_parser("list", help="the policies in force")
    listing.add_argument("--account", metavar="NAME", help="only this account")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    change = actions.add_parser("set", help="set an account's policy for one kind")
    change.add_argument("account", metavar="ACCOUNT", help="x:HANDLE, reddit:NAME or the handle")
    change.add_argument(
        "kind",
        metavar="KIND",
        choices=("public_complaint", "public", "direct_message", "keyword_hit"),
        help="public_complaint, public, direct_message or keyword_hit",
    )
    change.add_argument("--first", metavar="DURATION", help="first response, such as 15m")
    change.add_argument("--next", metavar="DURATION", help="each next response, such as 30m")
    change.add_argument("--resolution", metavar="DURATION", help="resolution, such as 1d")
    change.add_argument("--goal", type=float, metavar="PCT", help="share within target, %%")
    clock = change.add_mutually_exclusive_group()
    clock.add_argument(
        "--business-hours",
        dest="clock",
        action="store_const",
        const="business",
        help="the clock runs only in business hours",
    )
    clock.add_argument("--round-the-clock", dest="clock", action="store_const", const="calendar")
    reset = actions.add_parser("reset", help="back to the shipped default")
    reset.add_argument("account", metavar="ACCOUNT")
    reset.add_argument(
        "kind",
        nargs="?",
        choices=("public_complaint", "public", "direct_message", "keyword_hit"),
        help="one kind (default: every kind)",
    )

    hours = commands.add_parser(
        "hours",
        help="the team's business hours and holidays",
        description="When the team works: a time zone, shifts per weekday (several a day; "
        "22:00-06:00 crosses midnight), holidays; or round the clock (the default).",
    )
    actions = hours.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    show = actions.add_parser("show", help="print the business hours")
    show.add_argument("--json", action="store_true")
    change = actions.add_parser(
        "set", help="set the shifts: --shift mon-fri=09:00-17:00 --shift sat=10:00-14:00"
    )
    change.add_argument("--timezone", metavar="ZONE", help="such as Europe/London (default: kept)")
    change.add_argument(
        "--shift", action="append", metavar="DAYS=HH:MM-HH:MM[,HH:MM-HH:MM]", help="repeat"
    )
    change.add_argument("--holiday", action="append", metavar="DATE", help="repeat")
    change.add_argument(
        "--clear-holidays", action="store_true", help="drop the holidays stored before"
    )
    always = actions.add_parser(
        "round-the-clock", help="the team works at every hour (the default)"
    )
    always.add_argument(
        "--timezone", metavar="ZONE", help="where the team's days begin, for reports by day"
    )
    ical = actions.add_parser("import-holidays", help="add the days of an iCalendar (.ics) file")
    ical.add_argument("file", metavar="FILE.ics")


def _account_settings_options(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    default = " (default: the network's)" if adding else ""
    parser.add_argument(
        "--poll-interval",
        type=_whole_number(30, 86_400),
        metavar="SECONDS",
        help=f"seconds between polls, at least 30{default}",
    )
    parser.add_argument(
        "--budget",
        type=_whole_number(1, 10_000_000),
        metavar="N",
        help=f"requests a day (UTC) at most{default}",
    )
    parser.add_argument(
        "--credits-per-request",
        type=float,
        metavar="C",
        help="estimated credits a request costs, shown beside the count (X bills reads)",
    )
    parser.add_argument(
        "--keyword",
        action="append",
        metavar="WORD",
        help="a brand, product or person to monitor (repeat for more)",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="WORD", help="skip hits with this word (repeat)"
    )


def _login_options(parser: argparse.ArgumentParser, network: str, what: str) -> None:
    parser.add_argument(
        "--login",
        action="store_true",
        help=f"{what} (needs --client-id, and http://127.0.0.1:PORT/callback registered "
        f"with the {network} app)",
    )
    parser.add_argument("--client-id", metavar="ID", help=f"--login: the {network} app's id")
    parser.add_argument(
        "--port",
        type=_whole_number(1024, 65535),
        default=8765,
        help=f"--login: the loopback port {network} sends the browser back to (default 8765)",
    )
    parser.add_argument("--no-test", action="store_true", help="do not check the connection now")


def _account_parsers(commands: Any) -> None:
    accounts = commands.add_parser(
        "accounts",
        help="connect, check and remove X and Reddit accounts",
        description="Connected accounts. Secrets are read from standard input (one per "
        "line, in the order each command lists) or asked for when it is a terminal; they "
        "are kept only in the OS keyring.",
    )
    actions = accounts.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    listing = actions.add_parser("list", help="the connected accounts and how they are doing")
    listing.add_argument("--json", action="store_true", help="print one JSON array")

    add = actions.add_parser("add", help="connect an account")
    networks = add.add_subparsers(dest="network", metavar="NETWORK", parser_class=_Parser)
    networks.required = True
    x = networks.add_parser(
        "x",
        help="an X account",
        description="Connect an X account. --auth oauth1 reads four lines: consumer key, "
        "consumer secret, access token, access token secret. --auth oauth2 reads the "
        "access token, then the refresh token and the app's client id (either may be an "
        "empty line; without them the token cannot be renewed when it expires).",
    )
    x.add_argument("handle", metavar="HANDLE", help="the account, such as @NimbusCare")
    x.add_argument("--auth", choices=("oauth1", "oauth2"), default="oauth2")
    _login_options(x, "X", "oauth2: sign in through the browser instead of pasting tokens")
    _account_settings_options(x, adding=True)
    reddit = networks.add_parser(
        "reddit",
        help="a Reddit account",
        description="Connect a Reddit account. Reads three lines: the app's client id, its "
        "client secret (an empty line for an installed app) and a refresh token.",
    )
    reddit.add_argument("handle", metavar="USERNAME", help="the account, such as u/nimbus_help")
    reddit.add_argument(
        "--subreddit", action="append", metavar="NAME", help="monitor keywords here (repeat)"
    )
    reddit.add_argument(
        "--no-mark-read", action="store_true", help="leave inbox items unread on Reddit"
    )
    _login_options(
        reddit, "Reddit", "sign in through the browser instead of pasting a refresh token"
    )
    _account_settings_options(reddit, adding=True)

    test = actions.add_parser("test", help="check an account's connection now")
    test.add_argument("name", metavar="NAME", help="x:HANDLE, reddit:USERNAME or the handle")
    remove = actions.add_parser(
        "remove", help="disconnect an account and delete its secrets (its messages stay)"
    )
    remove.add_argument("name", metavar="NAME")
    change = actions.add_parser("set", help="change an account's polling and keywords")
    change.add_argument("name", metavar="NAME")
    _account_settings_options(change, adding=False)
    change.add_argument("--subreddit", action="append", metavar="NAME", help="Reddit (repeat)")
    change.add_argument(
        "--clear-keywords", action="store_true", help="drop keywords, exclusions, subreddits"
    )

    sync = commands.add_parser(
        "sync",
        help="poll the connected accounts (until Ctrl+C, or once)",
        description="Poll every connected account on its interval, with jitter and backoff, "
        "until interrupted; the desktop app runs the same scheduler.",
    )
    sync.add_argument("--once", action="store_true", help="poll each account once and exit")
    sync.add_argument("--account", metavar="NAME", help="only this account")
    sync.add_argument("--json", action="store_true", help="--once: print one JSON array")
    outbox = commands.add_parser(
        "outbox",
        help="the replies on their way out, and sending them",
        description="Every reply is a record: queued, sending, sent, failed or unknown (an "
        "attempt whose outcome is not known, looked up among the account's posts before "
        "any retry). The desktop app and `socialdesk sync` send them; `outbox send` does "
        "it once, now.",
    )
    actions = outbox.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="replies not yet sent (--all: every one)")
    listing.add_argument("--all", action="store_true", help="sent ones too")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    actions.add_parser("send", help="send what is due now, once, and say what happened")
    retry = actions.add_parser("retry", help="queue a failed reply again")
    retry.add_argument("id", type=int, metavar="ID")
    withdraw = actions.add_parser(
        "withdraw", help="take back a reply that has not gone out, and print its text"
    )
    withdraw.add_argument("id", type=int, metavar="ID")
    away = actions.add_parser(
        "away",
        help="out-of-hours acknowledgements for an account (off by default)",
        description="Outside business hours (socialdesk hours), a customer's new message "
        "gets the brand voice's out-of-hours text once per conversation, never to spam, "
        "at most --per-hour an hour.",
    )
    away.add_argument("--account", metavar="NAME", required=True, help="such as x:@nimbuscare")
    turn = away.add_mutually_exclusive_group()
    turn.add_argument("--on", action="store_true", help="send them")
    turn.add_argument("--off", action="store_true", help="stop sending them")
    away.add_argument("--per-hour", type=int, metavar="N", help="at most N an hour (30)")
    draft_cli.add_parsers(commands)
    ai_cli.add_parsers(commands)


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
    # `score` only reads: it logs into a workspace that exists but never makes one.
    creates_nothing = args.command == "score" and not workspace.data_dir.is_dir()
    log_dir = None if creates_nothing else workspace.log_dir
    log_file = configure_logging(log_dir, verbose=args.verbose)
    try:
        # Imported here, not at the top: see the module's docstring.
        from socialdesk import commands

        try:
            return commands.dispatch(args, workspace)
        except commands.USER_ERRORS as exc:
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
    except OSError as exc:
        # The machine refused (a full disk, a vanished device): say what, in one line.
        log.exception("system error")
        where = f": {exc.filename}" if exc.filename else ""
        print(f"socialdesk: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:
        log.exception("unexpected error")
        where = f" (details in {log_file})" if log_file else ""
        print(
            f"socialdesk: unexpected error: {exc.__class__.__name__}: {exc}{where}", file=sys.stderr
        )
        return 1
