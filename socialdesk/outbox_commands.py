"""``socialdesk outbox list|send|retry|withdraw``: the replies on their way out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlalchemy import select

from socialdesk.account_commands import outbox_line
from socialdesk.accounts import AccountBook, AccountError
from socialdesk.acknowledge import AcknowledgeError, Acknowledger, AckSettings
from socialdesk.cli import UsageError
from socialdesk.ingest import Ingestor
from socialdesk.learning import workspace_scorer
from socialdesk.models import Account
from socialdesk.outbox import Outbox, OutboxEntry, OutboxError, OutboxStatus
from socialdesk.secrets import SecretStore
from socialdesk.sending import outbox_for
from socialdesk.store import Store
from socialdesk.text import one_line

NOT_SENT = tuple(s.value for s in OutboxStatus if s is not OutboxStatus.SENT)


def run_outbox(
    args: argparse.Namespace, store: Store, secrets: SecretStore, data_dir: Path | None
) -> int:
    try:
        if args.action == "send":
            scorer = workspace_scorer(store, data_dir)
            try:
                outbox = outbox_for(store, secrets, data_dir, Ingestor(store, scorer))
                run = outbox.run_once(limit=1000)
            finally:
                scorer.close()
            print(outbox_line(run))
            left = Outbox(store).entries(statuses=NOT_SENT)
            for entry in left:
                print(_line(entry))
            return 0 if not any(e.status == OutboxStatus.FAILED.value for e in left) else 1
        outbox = Outbox(store)
        if args.action == "list":
            entries = outbox.entries(statuses=() if args.all else NOT_SENT)
            if args.json:
                print(json.dumps([_json(e) for e in entries], indent=2, ensure_ascii=False))
            elif not entries:
                print("the outbox is empty: every reply has gone out")
            else:
                for entry in entries:
                    print(_line(entry))
            return 0
        if args.action == "retry":
            outbox.retry(args.id)
            print(f"reply {args.id} queued again")
            return 0
        if args.action == "away":
            return _away(args, store)
        if args.action == "withdraw":
            print(outbox.withdraw(args.id))
            return 0
    except OutboxError as exc:
        raise UsageError(str(exc)) from None
    raise UsageError(f"unknown outbox action {args.action!r}")


def _away(args: argparse.Namespace, store: Store) -> int:
    book = AccountBook(store)
    with store.session() as session:  # the demo's accounts are not connected, yet reply
        everyone = [book.get(i) for i in session.scalars(select(Account.id).order_by(Account.id))]
    try:
        account = book.find(args.account, everyone)
    except AccountError:
        raise UsageError(f"there is no account called {args.account!r}") from None
    acknowledger = Acknowledger(store)
    settings = acknowledger.settings(account.id)
    if args.on or args.off or args.per_hour is not None:
        try:
            settings = AckSettings(
                enabled=args.on or (settings.enabled and not args.off),
                per_hour=args.per_hour if args.per_hour is not None else settings.per_hour,
            )
        except AcknowledgeError as exc:
            raise UsageError(str(exc)) from None
        acknowledger.set(account.id, settings)
    state = f"on, at most {settings.per_hour} an hour" if settings.enabled else "off"
    print(f"out-of-hours acknowledgements for {account.name}: {state}")
    return 0


def _line(entry: OutboxEntry) -> str:
    how = " as a direct message" if entry.channel == "dm" else ""
    why = f" — {one_line(entry.error, 160)}" if entry.error and entry.status != "sent" else ""
    return (
        f"{entry.id:>6}  {entry.status:<8} conversation {entry.conversation_id}{how} · "
        f"{entry.actor or 'automatic'} · {one_line(entry.text, 60)}{why}"
    )


def _json(entry: OutboxEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "conversation_id": entry.conversation_id,
        "status": entry.status,
        "channel": entry.channel,
        "origin": entry.origin,
        "text": entry.text,
        "attempts": entry.attempts,
        "error": entry.error,
        "agent": entry.actor,
        "created_at": entry.created_at.isoformat(),
        "next_attempt_at": entry.next_attempt_at.isoformat() if entry.next_attempt_at else None,
        "sent_at": entry.sent_at.isoformat() if entry.sent_at else None,
        "external_id": entry.external_id,
    }
