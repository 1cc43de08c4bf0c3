"""``socialdesk ai ...``: the optional AI draft provider's settings and key.

The connector that talks to the endpoint is found through the ``socialdesk.ai`` entry
points, so the core never imports it. The key is read from a hidden prompt or standard
input and goes straight to the keyring; it is never echoed, logged or put in an error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import replace
from typing import Any

from socialdesk.ai import (
    EXAMPLE_URL,
    AiError,
    AiSettings,
    AiSettingsBook,
    check_endpoint,
    key_name,
    read_key,
)
from socialdesk.cli import UsageError
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sources import SourceError
from socialdesk.store import Store

NOT_SET_UP = f"not set up: socialdesk ai set --url {EXAMPLE_URL} --model NAME"


def run_ai(args: argparse.Namespace, store: Store, secrets: SecretStore) -> int:
    book = AiSettingsBook(store)
    try:
        settings = book.get()
        if args.action == "show":
            return _show(settings, secrets, args.json)
        if args.action == "set":
            return _set(args, book, settings)
        if args.action in ("on", "off"):
            return _switch(book, settings, on=args.action == "on")
        if args.action == "key":
            return _key(args, settings, secrets)
        return _test(settings, secrets)
    except AiError as exc:
        raise UsageError(str(exc)) from None


def _key_state(settings: AiSettings, secrets: SecretStore) -> tuple[str, str]:
    """("set" | "none" | "unavailable" | "", a line saying so)."""
    if not settings.url:
        return "", "key: —"
    try:
        key = read_key(secrets, settings)
    except KeyringUnavailable as exc:
        return "unavailable", f"key: cannot tell ({exc})"
    if key:
        return "set", f"key: set, in the OS keyring (for {settings.origin})"
    need = " (a server on this computer needs none)" if settings.local else ""
    return "none", f"key: none{need}"


def _warn(settings: AiSettings) -> None:
    if settings.insecure:
        print(
            f"warning: {settings.origin} is plain http to another computer: customer "
            "messages (and any key) cross the network unencrypted; use https if it can",
            file=sys.stderr,
        )


def _show(settings: AiSettings, secrets: SecretStore, as_json: bool) -> int:
    key, key_line = _key_state(settings, secrets)
    if as_json:
        shown: dict[str, Any] = json.loads(settings.to_json())
        shown.update(local=settings.local, insecure=settings.insecure, key=key or None)
        print(json.dumps(shown, indent=2, sort_keys=True))
        return 0
    state = "on" if settings.enabled else "off"
    if not settings.configured:
        print(f"AI drafts: {state} ({NOT_SET_UP})")
        if not settings.url:
            return 0
    else:
        print(f"AI drafts: {state}")
    where = " (this computer)" if settings.local else ""
    print(f"url: {settings.url or '—'}{where}")
    print(f"model: {settings.model or '—'}")
    print(f"timeout: {settings.timeout_s:g} s; drafts each time: {settings.max_drafts}")
    print(key_line)
    _warn(settings)
    return 0


def _set(args: argparse.Namespace, book: AiSettingsBook, settings: AiSettings) -> int:
    changes: dict[str, Any] = {}
    if args.url is not None:
        changes["url"] = args.url
    if args.model is not None:
        changes["model"] = args.model
    if args.timeout is not None:
        changes["timeout_s"] = args.timeout
    if args.drafts is not None:
        changes["max_drafts"] = args.drafts
    if not changes:
        raise UsageError("give at least one of --url, --model, --timeout, --drafts")
    if settings.enabled and not str(changes.get("url", "x")).strip():
        raise UsageError("AI drafts are on: turn them off (socialdesk ai off) to clear the URL")
    updated = replace(settings, **changes)
    book.set(updated)
    print(
        f"AI endpoint: {updated.url or '—'}, model {updated.model or '—'}; "
        f"timeout {updated.timeout_s:g} s; {updated.max_drafts} draft(s) each time"
    )
    if settings.url and updated.url and updated.origin != settings.origin:
        print(
            f"a key set for another endpoint is not sent to {updated.origin}: if it needs "
            "one, set it with `socialdesk ai key`"
        )
    if not updated.enabled:
        print("AI drafts are off: turn them on with `socialdesk ai on`")
    _warn(updated)
    return 0


def _switch(book: AiSettingsBook, settings: AiSettings, *, on: bool) -> int:
    book.set(replace(settings, enabled=on))
    if not on:
        print("AI drafts are off (the URL, model and key stay)")
        return 0
    print(f"AI drafts are on: {settings.model} at {settings.url}")
    if settings.local:
        print("the conversations drafted for stay on this computer")
    else:
        print(f"each conversation drafted for is sent to {settings.origin}")
    print("check it with `socialdesk ai test`")
    _warn(settings)
    return 0


def _key(args: argparse.Namespace, settings: AiSettings, secrets: SecretStore) -> int:
    name = key_name(settings)
    if args.forget:
        secrets.delete(*name)
        print(f"forgot the key for {settings.origin}")
        return 0
    secrets.check()  # before asking for anything: say at once if there is no keyring
    if args.from_stdin:
        key = sys.stdin.readline()
    elif sys.stdin.isatty():
        key = getpass.getpass(f"key for {settings.origin} (not shown): ")
    else:
        raise UsageError("standard input is not a terminal: give the key with --from-stdin")
    key = key.strip()
    if not key:
        raise UsageError("the key is empty: nothing was saved")
    if any(c.isspace() or not c.isprintable() for c in key):
        raise UsageError("the key has spaces or control characters in it: nothing was saved")
    secrets.set(*name, key)
    print(f"the key for {settings.origin} is in the OS keyring")
    _warn(settings)
    return 0


def _test(settings: AiSettings, secrets: SecretStore) -> int:
    if not settings.configured:
        raise UsageError(NOT_SET_UP)
    try:
        model = check_endpoint(settings, secrets)
    except SourceError as exc:
        print(f"AI endpoint: {exc}", file=sys.stderr)
        return 1
    also = f" (set as {settings.model})" if model != settings.model else ""
    print(f"ok: {settings.url} answers as {model}{also}")
    if not settings.enabled:
        print("AI drafts are off: turn them on with `socialdesk ai on`")
    _warn(settings)
    return 0
