"""The command line's ``draft``, ``library`` and ``voice`` commands: parsing only.

Like ``socialdesk.cli`` this imports nothing heavy, so ``--help`` answers at once;
``socialdesk.draft_commands`` does the work. Sub-command parsers are made with the
parser class of the parser they hang from, so usage errors read like every other
command's.
"""

from __future__ import annotations

import argparse
from typing import Any

MAX_ID = 2**63 - 1  # the largest id either database stores


def _conversation_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a conversation id") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is out of range: use 1 to {MAX_ID:,}")
    return value


def _subcommands(parser: argparse.ArgumentParser) -> Any:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True
    return actions


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds ``draft``, ``library`` and ``voice`` to the program's commands."""
    draft = commands.add_parser(
        "draft",
        help="suggest replies to a conversation, in the brand voice, with their checks",
        description="Print up to three suggested replies to conversation ID (see `inbox "
        "--json`): templates from the reply library for what the customer wants, framed in "
        "the account's brand voice, the conversation's details filled in, each with the "
        "checks it passes before sending ([[fields]] are yours to fill).",
    )
    draft.add_argument("conversation_id", type=_conversation_id, metavar="CONVERSATION_ID")
    draft.add_argument(
        "--agent",
        metavar="NAME",
        help="who replies, for the sign-off and {agent_name} (default: your login name)",
    )
    draft.add_argument(
        "--limit",
        type=int,
        default=3,
        choices=range(1, 11),
        metavar="N",
        help="at most N suggestions, 1 to 10 (default 3)",
    )
    draft.add_argument(
        "--json",
        action="store_true",
        help='print one JSON array: [{"text", "template", "checks": [{"name", "level", '
        '"message"}]}], level being block, warn or ok',
    )

    library = commands.add_parser(
        "library",
        help="the reply library: templates and snippets, search, import and export",
        description="The templates the drafter picks from and the snippets agents call up "
        "with a shortcode such as ;refund. The shipped library is the starting point; the "
        "team's changes are kept in the workspace. Export and import use JSON "
        '({"format": "socialdesk-library", "version": 1, "templates": [...]}).',
    )
    actions = _subcommands(library)
    listing = actions.add_parser("list", help="every template and snippet")
    listing.add_argument("--json", action="store_true", help="print the library's JSON")
    search = actions.add_parser("search", help="find templates by name, shortcode or words")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print the matches' JSON")
    show = actions.add_parser("show", help="print one template in full")
    show.add_argument("name", metavar="NAME", help="its name, or its shortcode such as ;refund")
    export = actions.add_parser("export", help="write the library as JSON")
    export.add_argument(
        "--out", metavar="FILE", help="write to FILE instead of standard output ('-')"
    )
    load = actions.add_parser(
        "import",
        help="add templates from a JSON file (checked whole first: a bad file changes nothing)",
    )
    load.add_argument("file", metavar="FILE", help="a library export; '-' reads standard input")
    load.add_argument(
        "--replace",
        action="store_true",
        help="make the library exactly the file: templates not in it are deleted",
    )
    remove = actions.add_parser("delete", help="delete a template (a shipped one stays deleted)")
    remove.add_argument("name", metavar="NAME")
    restore = actions.add_parser("restore", help="a shipped template back as shipped")
    restore.add_argument("name", metavar="NAME")

    voice = commands.add_parser(
        "voice",
        help="the brand voice: greeting, sign-off, phrases, words to avoid, length limits",
        description="How replies sound, per brand account: without a voice of its own an "
        "account uses the workspace default, and without that the shipped one. `voice show "
        "--json` prints a profile that `voice set --file` takes back.",
    )
    actions = _subcommands(voice)
    show = actions.add_parser("show", help="print the voice an account replies in")
    show.add_argument(
        "--account",
        metavar="NAME",
        help="x:HANDLE, reddit:NAME or the handle (default: the workspace default)",
    )
    show.add_argument("--json", action="store_true", help="print the profile as JSON")
    change = actions.add_parser("set", help="set a voice from a JSON profile")
    change.add_argument(
        "--account", metavar="NAME", help="this account only (default: the workspace default)"
    )
    change.add_argument(
        "--file", required=True, metavar="FILE", help="the profile; '-' reads standard input"
    )
    reset = actions.add_parser("reset", help="drop a voice: back to the default")
    reset.add_argument(
        "--account", metavar="NAME", help="this account (default: the workspace default)"
    )
