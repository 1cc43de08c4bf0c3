"""``socialdesk ai ...``: the parsers only (``socialdesk.cli`` adds them, and imports
nothing heavy); ``socialdesk.ai_commands`` does the work."""

from __future__ import annotations

import argparse
from typing import Any


def _number(kind: type[int] | type[float], what: str) -> Any:
    """An argparse type: a number, or a clear error (AiSettings checks the range)."""

    def parse(text: str) -> int | float:
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None

    return parse


def add_parsers(commands: Any) -> None:
    ai = commands.add_parser(
        "ai",
        help="an optional AI draft provider (off by default)",
        description="Drafts from any OpenAI-compatible chat endpoint: a server on this "
        "computer (Ollama, llama.cpp) or a hosted one. Off until turned on. The URL and "
        "model are shared by the workspace; the key stays in this computer's OS keyring. "
        "Drafts are suggestions: an agent reads and edits every one.",
    )
    actions = ai.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    show = actions.add_parser("show", help="the endpoint, the model and whether drafts are on")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    change = actions.add_parser(
        "set",
        help="the endpoint's URL and model (and timeout, drafts per request)",
        description="Set where drafts come from. Options left out keep their value.",
    )
    change.add_argument(
        "--url",
        metavar="URL",
        help="the base URL, such as http://localhost:11434/v1 (Ollama) or "
        "http://localhost:8080/v1 (llama.cpp); no key in it",
    )
    change.add_argument("--model", metavar="NAME", help="the model, such as llama3.1:8b")
    change.add_argument(
        "--timeout",
        type=_number(float, "a number of seconds"),
        metavar="S",
        help="seconds to wait for a draft, 1 to 300 (default 20)",
    )
    change.add_argument(
        "--drafts",
        type=_number(int, "a whole number"),
        metavar="N",
        help="drafts to offer each time, 1 to 5 (default 1)",
    )
    actions.add_parser("on", help="offer AI drafts (set the URL and model first)")
    actions.add_parser("off", help="stop offering AI drafts (the settings and key stay)")
    key = actions.add_parser(
        "key",
        help="keep the endpoint's key in the OS keyring (a local server needs none)",
        description="Asks for the key without showing it, or reads it from standard input "
        "with --from-stdin, and keeps it in the OS keyring for the endpoint set now: it "
        "is never sent to another server.",
    )
    how = key.add_mutually_exclusive_group()
    how.add_argument(
        "--from-stdin", action="store_true", help="read the key from standard input's first line"
    )
    how.add_argument("--forget", action="store_true", help="delete the key from the keyring")
    actions.add_parser("test", help="send the endpoint a tiny request and say what answers")
