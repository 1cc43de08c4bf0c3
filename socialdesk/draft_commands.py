"""``socialdesk draft``, ``library`` and ``voice``: reply suggestions, the reply library
and the brand voice from the command line (parsed in ``socialdesk.draft_cli``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from socialdesk.checks import Check
from socialdesk.desk import DeskError
from socialdesk.ingest import normalise_handle
from socialdesk.library import Library, LibraryError, ReplyTemplate
from socialdesk.policies import PolicyBook
from socialdesk.report_commands import CommandError
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from socialdesk.suggest import Suggestion
from socialdesk.text import dumps_for_terminal, one_line, reveal_controls
from socialdesk.voice import BrandVoice, VoiceBook, VoiceError

MARKS = {"ok": "✓", "warn": "!", "block": "✗"}
SOURCES = {
    "account": "the account's own voice",
    "workspace": "the workspace default",
    "shipped": "the shipped default",
}


class DraftError(CommandError):
    """A draft, library or voice command that cannot be done; the message says why.
    (A ``CommandError``, so the command line reports it in one line.)"""


def _agent(given: str | None) -> str | None:
    if given and given.strip():
        return given.strip()
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


# -- draft ------------------------------------------------------------------------------------


def run_draft(args: argparse.Namespace, store: Store) -> int:
    from socialdesk.ai_drafts import suggestions as with_ai  # the AI's too, when it is on

    try:
        drafts = with_ai(
            store,
            SecretStore(),
            args.conversation_id,
            agent=_agent(args.agent),
            limit=getattr(args, "limit", 3),
        )
    except DeskError as exc:
        raise DraftError(str(exc)) from None
    suggestions = drafts.suggestions
    if drafts.note:
        print(f"socialdesk: {drafts.note}", file=sys.stderr)
    if args.json:
        print(dumps_for_terminal([s.to_json() for s in suggestions]))
        return 0
    if not suggestions:
        print(
            f"no suggestions for conversation {args.conversation_id}: no template in the "
            "library fits it (see `socialdesk library list`)"
        )
        return 0
    for number, suggestion in enumerate(suggestions, 1):
        if number > 1:
            print()
        print(format_suggestion(number, suggestion))
    return 0


def format_suggestion(number: int, suggestion: Suggestion) -> str:
    """``1. [template]``, the text indented, then a line per check (✓ ok, ! warn, ✗
    block)."""
    lines = [f"{number}. [{one_line(suggestion.template, 80)}]"]
    lines += [
        "    " + reveal_controls(line) if line.strip() else ""
        for line in suggestion.text.splitlines()
    ]
    lines += [format_check(check) for check in suggestion.checks]
    return "\n".join(lines)


def format_check(check: Check) -> str:
    return f"  {MARKS.get(check.level, '?')} {check.name.replace('_', ' ')}: {check.message}"


# -- library ----------------------------------------------------------------------------------


def run_library(args: argparse.Namespace, store: Store) -> int:
    library = Library(store)
    try:
        return _LIBRARY_ACTIONS[args.action](args, library)
    except LibraryError as exc:
        raise DraftError(str(exc)) from None


def _list(args: argparse.Namespace, library: Library) -> int:
    if args.json:
        print(library.export_json())
        return 0
    _print_templates(library.all(), library.origins())
    return 0


def _search(args: argparse.Namespace, library: Library) -> int:
    found = library.search(args.query)
    if args.json:
        print(dumps_for_terminal([t.to_dict() for t in found]))
        return 0
    if not found:
        print(f"nothing in the library matches {args.query!r}")
        return 0
    _print_templates(found, library.origins())
    return 0


def _print_templates(templates: Sequence[ReplyTemplate], origins: dict[str, str]) -> None:
    for t in templates:
        fits = ", ".join((*t.intents, *t.topics)) or "any"
        print(
            f"{one_line(t.name, 48):<48} {t.kind:<8} {t.shortcode or '-':<11} "
            f"{t.channel:<7} {one_line(fits, 40):<40} {origins.get(t.name, '')}"
        )


def _show(args: argparse.Namespace, library: Library) -> int:
    template = (
        library.by_shortcode(args.name) if args.name.strip().startswith(";") else None
    ) or library.get(args.name)
    print(f"name:        {one_line(template.name)}")
    print(f"kind:        {template.kind}")
    print(f"shortcode:   {template.shortcode or '-'}")
    print(f"channel:     {template.channel}")
    print(f"intents:     {', '.join(template.intents) or 'any'}")
    print(f"topics:      {', '.join(template.topics) or 'any'}")
    print(f"networks:    {', '.join(template.networks) or 'any'}")
    print(f"description: {one_line(template.description)}")
    print(f"origin:      {library.origins().get(template.name, '')}")
    print()
    print(reveal_controls(template.text))
    return 0


def _export(args: argparse.Namespace, library: Library) -> int:
    text = library.export_json() + "\n"
    if not args.out or args.out == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.out)
    if path.is_dir():
        raise DraftError(f"{path} is a folder: give a file name to --out")
    if not path.parent.is_dir():
        raise DraftError(f"there is no folder {path.parent} to write {path.name} in")
    path.write_text(text, encoding="utf-8")
    print(f"wrote {len(library.all())} templates to {path}", file=sys.stderr)
    return 0


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DraftError(f"cannot read {name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise DraftError(f"cannot read {name}: it is not UTF-8 text") from None


def _import(args: argparse.Namespace, library: Library) -> int:
    text = _read(args.file)
    try:
        result = library.import_json(text, replace=args.replace, source=args.file)
    except LibraryError as exc:
        raise DraftError(str(exc)) from None
    summary = f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged"
    if args.replace:
        summary += f", {result.removed} removed"
    print(f"imported {args.file}: {summary}")
    return 0


def _delete(args: argparse.Namespace, library: Library) -> int:
    name = library.get(args.name).name
    library.delete(name)
    print(f"deleted {name!r}")
    return 0


def _restore(args: argparse.Namespace, library: Library) -> int:
    library.restore(args.name)
    print(f"{library.get(args.name).name!r} is back as shipped")
    return 0


_LIBRARY_ACTIONS = {
    "list": _list,
    "search": _search,
    "show": _show,
    "export": _export,
    "import": _import,
    "delete": _delete,
    "restore": _restore,
}


# -- voice ------------------------------------------------------------------------------------


def find_account(store: Store, name: str) -> tuple[int, str]:
    """An account (connected, or only seen in imported data) by ``network:handle``, its
    handle (``@name`` is X, ``u/name`` Reddit) or its name as shown: its id and
    ``network:handle``."""
    wanted = name.strip()
    network, _, handle = wanted.partition(":") if ":" in wanted else ("", "", wanted)
    if not network and handle.startswith(("u/", "/u/")):
        network = "reddit"
    elif not network and handle.startswith("@"):
        network = "x"
    bare = normalise_handle(handle)
    accounts = PolicyBook(store).handles()
    matches = [
        (account_id, f"{net}:{stored}")
        for account_id, net, shown, stored in accounts
        if (not network or net == network.lower()) and bare in (stored, normalise_handle(shown))
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        known = ", ".join(f"{a[1]}:{a[3]}" for a in accounts) or "none yet"
        raise DraftError(f"no account is called {name!r} (accounts: {known})")
    raise DraftError(f"{name!r} is ambiguous: say x:{bare} or reddit:{bare}")


def run_voice(args: argparse.Namespace, store: Store) -> int:
    book = VoiceBook(store)
    account_id, label = (
        find_account(store, args.account) if args.account else (None, "the workspace default")
    )
    if args.action == "show":
        voice, source = book.resolve(account_id)
        if args.json:
            print(voice.to_json())
            return 0
        print(f"{label}: {SOURCES[source]}")
        print(describe_voice(voice))
        return 0
    if args.action == "set":
        text = _read(args.file)
        try:
            voice = BrandVoice.from_json(text)
            book.set(account_id, voice)
        except VoiceError as exc:
            raise DraftError(f"{args.file}: {exc}") from None
        print(f"{label} now replies in the voice from {args.file}")
        return 0
    # reset
    had = book.reset(account_id)
    fallback = "the workspace default" if account_id is not None else "the shipped default"
    if had:
        print(f"{label}: back to {fallback}")
    else:
        print(f"{label} had no voice of its own: it uses {fallback}")
    return 0


def describe_voice(voice: BrandVoice) -> str:
    def listed(items: Sequence[str]) -> str:
        return " | ".join(one_line(i) for i in items) or "-"

    limits = ", ".join(f"{k} {v:,}" for k, v in voice.limits.items())
    rows = [
        ("brand", one_line(voice.brand) or "(the account's name)"),
        ("persona", one_line(voice.persona) or "-"),
        ("formality", voice.formality),
        ("greetings", listed(voice.greetings)),
        ("sign-off", one_line(voice.sign_off) or "-"),
        ("emoji", voice.emoji),
        ("prefer", listed(voice.prefer)),
        ("avoid", listed(voice.avoid)),
        ("apologies", listed(voice.apologies)),
        ("empathy", listed(voice.empathy)),
        ("thanks", listed(voice.thanks)),
        ("limits", limits),
        ("out of hours", one_line(voice.out_of_hours) or "-"),
        ("public details", listed(voice.public_details)),
    ]
    return "\n".join(f"  {name + ':':<16}{value}" for name, value in rows)
