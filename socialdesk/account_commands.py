"""``socialdesk accounts ...`` and ``socialdesk sync``.

Connectors are found through the ``socialdesk.connectors`` entry points, so the core
never imports them. Secrets come from standard input (or a prompt on a terminal) and
go straight to the keyring; they are never echoed, logged or put in an error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from socialdesk.accounts import (
    DEFAULT_DAILY_BUDGET,
    DEFAULT_POLL_SECONDS,
    AccountBook,
    AccountError,
    AccountSettings,
    ConnectedAccount,
)
from socialdesk.acknowledge import Acknowledger
from socialdesk.cli import UsageError
from socialdesk.domain import Network, utcnow
from socialdesk.ingest import Ingestor
from socialdesk.learning import workspace_scorer
from socialdesk.outbox import OutboxRun
from socialdesk.secrets import SecretStore
from socialdesk.sending import OutboxWorker, outbox_for
from socialdesk.sources import (
    Connector,
    NetworkDown,
    SourceError,
    available_connectors,
    available_logins,
)
from socialdesk.store import Store
from socialdesk.syncing import Scheduler, SyncReport

SECRET_FIELDS = {
    ("x", "oauth1"): [
        ("consumer_key", True),
        ("consumer_secret", True),
        ("access_token", True),
        ("access_token_secret", True),
    ],
    ("x", "oauth2"): [("access_token", True), ("refresh_token", False), ("client_id", False)],
    ("reddit", "refresh_token"): [
        ("client_id", True),
        ("client_secret", False),
        ("refresh_token", True),
    ],
}
ALL_FIELDS = sorted(
    {field for fields in SECRET_FIELDS.values() for field, _ in fields} | {"expires_at"}
)


def connector_factory(secrets: SecretStore) -> Callable[[ConnectedAccount], Connector]:
    factories = available_connectors()

    def make(account: ConnectedAccount) -> Connector:
        factory = factories.get(account.network.value)
        if factory is None:
            raise SourceError(
                f"no connector for {account.network.value} is installed; reinstall SocialDesk"
            )
        return factory(account, secrets)

    return make


def read_secrets(
    fields: list[tuple[str, bool]], stream: TextIO, prompt: Callable[[str], str] | None
) -> dict[str, str]:
    """One line per field from ``stream``, or a hidden prompt per field on a terminal."""
    values: dict[str, str] = {}
    for field, required in fields:
        label = field.replace("_", " ")
        if prompt is not None:
            value = prompt(f"{label}{'' if required else ' (optional)'}: ")
        else:
            line = stream.readline()
            if not line and required:
                raise UsageError(
                    f"standard input ended before the {label}: give one secret per line, in "
                    f"this order: {', '.join(f.replace('_', ' ') for f, _ in fields)}"
                )
            value = line.rstrip("\r\n")
        value = value.strip()
        if required and not value:
            raise UsageError(f"the {label} is empty")
        if value:
            values[field] = value
    return values


def run_accounts(args: argparse.Namespace, store: Store, secrets: SecretStore) -> int:
    book = AccountBook(store)
    if args.action == "list":
        return _list(book, args.json)
    if args.action == "add":
        return _add(args, book, secrets)
    account = book.find(args.name)
    if args.action == "test":
        return _test(book, account, secrets)
    if args.action == "remove":
        remove_account(book, secrets, account)
        print(f"removed {account.name}: its secrets are deleted; its messages stay")
        return 0
    return _set(args, book, account)


def _settings_from(args: argparse.Namespace, base: AccountSettings) -> AccountSettings:
    if getattr(args, "clear_keywords", False):
        base.keywords, base.exclusions, base.subreddits = [], [], []
    if args.poll_interval is not None:
        base.poll_seconds = args.poll_interval
    if args.budget is not None:
        base.daily_budget = args.budget
    if args.credits_per_request is not None:
        if args.credits_per_request < 0:
            raise UsageError("credits per request cannot be negative")
        base.credits_per_request = args.credits_per_request
    if args.keyword:
        base.keywords = _unique(base.keywords + args.keyword)
    if args.exclude:
        base.exclusions = _unique(base.exclusions + args.exclude)
    if getattr(args, "subreddit", None):
        names = [name.strip().removeprefix("r/").removeprefix("/r/") for name in args.subreddit]
        base.subreddits = _unique(base.subreddits + names)
    return base


def _unique(words: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.strip().lower(), word.strip())
    return [word for word in seen.values() if word]


def _add(args: argparse.Namespace, book: AccountBook, secrets: SecretStore) -> int:
    network = Network(args.network)
    auth = args.auth if network is Network.X else "refresh_token"
    settings = AccountSettings(
        auth=auth,
        poll_seconds=DEFAULT_POLL_SECONDS[network],
        daily_budget=DEFAULT_DAILY_BUDGET[network],
        mark_read=not getattr(args, "no_mark_read", False),
    )
    settings = _settings_from(args, settings)
    settings.check()
    secrets.check()  # before asking for anything: say at once if there is no keyring
    if getattr(args, "login", False):
        values = _browser_login(args, network, auth)
    else:
        prompt = getpass.getpass if sys.stdin.isatty() else None
        values = read_secrets(SECRET_FIELDS[(network.value, auth)], sys.stdin, prompt)
    _account, message = connect_account(
        book, secrets, network, args.handle, settings, values, test=not args.no_test
    )
    print(message)
    return 0


def connect_account(
    book: AccountBook,
    secrets: SecretStore,
    network: Network,
    handle: str,
    settings: AccountSettings,
    values: dict[str, str],
    *,
    test: bool = True,
    factory: Callable[[ConnectedAccount], Connector] | None = None,
) -> tuple[ConnectedAccount, str]:
    """Adds the account, puts its secrets in the keyring and (with ``test``) checks the
    connection. If anything fails, nothing stays behind: no account, no secrets."""
    account = book.add(network, handle, settings)
    try:
        for field, value in values.items():
            secrets.set(network.value, account.handle, field, value)
        if not test:
            return account, (
                f"added {account.name}; not tested (run: socialdesk accounts test {account.name})"
            )
        try:
            who = check_connection(book, account, secrets, factory)
        except NetworkDown as exc:
            raise NetworkDown(
                f"{str(exc).removesuffix('; will retry')}: nothing was saved; try again when "
                "the network is back, or add the account without checking it now"
            ) from None
    except BaseException:
        for field in values:
            secrets.delete(network.value, account.handle, field)
        book.forget(account)
        raise
    return book.get(account.id), f"connected {account.name} ({who})"


def reconnect_account(
    book: AccountBook,
    secrets: SecretStore,
    account: ConnectedAccount,
    values: dict[str, str],
    factory: Callable[[ConnectedAccount], Connector] | None = None,
    *,
    auth: str | None = None,
) -> str:
    """New secrets (and perhaps a new sign-in method) for a connected account, then a
    check. They replace the old ones entirely, and only once they work: a field the
    new sign-in does not give (an old token's expiry, say) does not linger."""
    network, handle = account.network.value, account.handle
    old = {field: secrets.get(network, handle, field) for field in ALL_FIELDS}
    settings = account.settings
    previous_auth = settings.auth
    if auth is not None and auth != settings.auth:
        settings.auth = auth
        book.update_settings(account, settings)
    try:
        for field in ALL_FIELDS:
            if field in values:
                secrets.set(network, handle, field, values[field])
            else:
                secrets.delete(network, handle, field)
        return check_connection(book, book.get(account.id), secrets, factory)
    except BaseException:
        for field, previous in old.items():
            if previous is None:
                secrets.delete(network, handle, field)
            else:
                secrets.set(network, handle, field, previous)
        if settings.auth != previous_auth:
            settings.auth = previous_auth
            book.update_settings(account, settings)
        raise


def remove_account(book: AccountBook, secrets: SecretStore, account: ConnectedAccount) -> None:
    """Secrets first: when the keyring cannot delete them, the account stays as it was."""
    secrets.check()
    for field in ALL_FIELDS:
        secrets.delete(account.network.value, account.handle, field)
    book.forget(account)


def _browser_login(args: argparse.Namespace, network: Network, auth: str) -> dict[str, str]:
    if network is Network.X and auth != "oauth2":
        raise UsageError("--login signs in with OAuth 2.0: leave out --auth oauth1")
    if not args.client_id:
        raise UsageError("--login needs the app's --client-id")
    name = "X" if network is Network.X else "Reddit"

    def show(url: str) -> None:
        print(
            f"Opening {name} in your browser. If it does not open, go to:\n{url}\n"
            f"Waiting for {name} to send the browser back to port {args.port} "
            "(Ctrl+C stops)...",
            flush=True,
        )

    return browser_login(network, args.client_id, args.port, on_url=show)


def browser_login(network: Network, client_id: str, port: int, **options: Any) -> dict[str, str]:
    """Signs in through the browser (the connector's loopback flow); returns the
    secrets to keep. ``options``: ``on_url`` and ``cancel`` for the login."""
    login = available_logins().get(network.value)
    if login is None:
        raise UsageError(f"browser sign-in for {network.value} is not installed; reinstall")
    tokens = login(client_id, port=port, **options)
    values = {"client_id": client_id}
    if tokens.refresh_token:
        values["refresh_token"] = tokens.refresh_token
    if network is Network.X:
        values["access_token"] = tokens.access_token
        values["expires_at"] = tokens.expires_at.isoformat()
    return values


def check_connection(
    book: AccountBook,
    account: ConnectedAccount,
    secrets: SecretStore,
    factory: Callable[[ConnectedAccount], Connector] | None = None,
) -> str:
    """Asks the network who the account is; records the state. Raises ``SourceError``."""
    try:
        connector = (factory or connector_factory(secrets))(account)
        who = connector.whoami()
    except SourceError as exc:
        book.set_state(account, exc.state, str(exc))
        raise
    user_id = getattr(connector, "user_id", None)
    if isinstance(user_id, str) and user_id and user_id != account.settings.user_id:
        account.settings.user_id = user_id
        book.update_settings(account, account.settings)
    requests, credits = connector.meter.take()
    book.record_usage(account, requests, credits, utcnow())
    book.set_state(account, "ok", f"connected as {who}")
    return f"the network says this is {who}"


def _test(book: AccountBook, account: ConnectedAccount, secrets: SecretStore) -> int:
    try:
        who = check_connection(book, account, secrets)
    except SourceError as exc:
        print(f"{account.name}: {exc}", file=sys.stderr)
        return 1
    print(f"{account.name}: ok, {who}")
    return 0


def _set(args: argparse.Namespace, book: AccountBook, account: ConnectedAccount) -> int:
    if args.subreddit and account.network is not Network.REDDIT:
        raise UsageError("--subreddit is for Reddit accounts")
    settings = _settings_from(args, account.settings)
    book.update_settings(account, settings)
    print(f"{account.name}: {_describe(settings)}")
    return 0


def _describe(settings: AccountSettings) -> str:
    parts = [f"every {settings.poll_seconds} s", f"at most {settings.daily_budget} requests a day"]
    if settings.keywords:
        parts.append("keywords " + ", ".join(settings.keywords))
    if settings.exclusions:
        parts.append("excluding " + ", ".join(settings.exclusions))
    if settings.subreddits:
        parts.append("in r/" + ", r/".join(settings.subreddits))
    return "; ".join(parts)


def _list(book: AccountBook, as_json: bool) -> int:
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for account in book.all():
        usage = book.usage(account, now)
        rows.append(
            {
                "name": account.name,
                "network": account.network.value,
                "handle": account.shown,
                "state": account.state,
                "detail": account.state_detail,
                "until": account.state_until.isoformat() if account.state_until else None,
                "last_sync": account.last_sync_at.isoformat() if account.last_sync_at else None,
                "poll_seconds": account.settings.poll_seconds,
                "requests_today": usage.requests,
                "daily_budget": account.settings.daily_budget,
                "credits_today": round(usage.credits, 4),
                "keywords": account.settings.keywords,
                "exclusions": account.settings.exclusions,
                "subreddits": account.settings.subreddits,
            }
        )
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("no connected accounts: socialdesk accounts add x HANDLE (or reddit USERNAME)")
        return 0
    for row in rows:
        state = row["state"] + (f" ({row['detail']})" if row["detail"] else "")
        print(
            f"{row['name']}: {state}; {row['requests_today']}/{row['daily_budget']} requests "
            f"today, {row['credits_today']} credits; every {row['poll_seconds']} s"
        )
    return 0


def _report_line(report: SyncReport) -> str:
    if report.ok:
        line = f"{report.account}: {report.stored} new of {report.fetched} fetched"
        line += f", {report.requests} requests"
        return line + (f"; {report.detail}" if report.detail else "")
    return f"{report.account}: {report.state}: {report.detail}"


def outbox_line(run: OutboxRun) -> str:
    done = ", ".join(f"{count} {status}" for status, count in sorted(run.outcomes.items()))
    recovered = f" ({run.recovered} taken back from a stopped worker)" if run.recovered else ""
    return f"outbox: {done or 'nothing due'}{recovered}"


def run_sync(
    args: argparse.Namespace, store: Store, secrets: SecretStore, data_dir: Path | None
) -> int:
    book = AccountBook(store)
    if args.account:
        book.find(args.account)  # a clear error now for an unknown name
    elif not book.all():
        raise AccountError(
            "no connected accounts: socialdesk accounts add x HANDLE (or reddit USERNAME)"
        )
    scorer = workspace_scorer(store, data_dir)
    try:
        ingestor = Ingestor(store, scorer)
        outbox = outbox_for(store, secrets, data_dir, ingestor)
        if args.once:
            scheduler = Scheduler(book, ingestor, connector_factory(secrets), only=args.account)
            reports = scheduler.run_once()
            Acknowledger(store).sweep()
            sent = outbox.run_once()  # replies queued meanwhile go out too
            if sent.attempted and not args.json:
                print(outbox_line(sent))
            if args.json:
                print(json.dumps([_report_json(r) for r in reports], indent=2))
            else:
                for report in reports:
                    print(_report_line(report))
            return 0 if all(r.ok for r in reports) else 1
        scheduler = Scheduler(
            book,
            ingestor,
            connector_factory(secrets),
            only=args.account,
            listener=lambda report: print(_report_line(report), flush=True),
        )

        def stop(_signum: int, _frame: Any) -> None:
            scheduler.stop()

        previous = signal.signal(signal.SIGTERM, stop)
        worker = OutboxWorker(
            outbox,
            listener=lambda run: print(outbox_line(run), flush=True),
            acknowledger=Acknowledger(store),
        )
        print("syncing and sending; Ctrl+C stops", flush=True)
        worker.start()
        try:
            scheduler.run()
        finally:
            worker.stop()
            signal.signal(signal.SIGTERM, previous)
        return 0
    finally:
        scorer.close()


def _report_json(report: SyncReport) -> dict[str, Any]:
    return {
        "account": report.account,
        "state": report.state,
        "detail": report.detail,
        "fetched": report.fetched,
        "stored": report.stored,
        "quarantined": report.quarantined,
        "requests": report.requests,
        "until": report.until.isoformat() if report.until else None,
        "streams": report.streams,
    }
