"""Connected accounts: their settings, state, daily spend and quarantined items.

A connected account is a row of ``accounts`` with ``connected`` set; its secrets live
in the OS keyring (``socialdesk.secrets``), never here. Accounts that only appear in
imported data stay unconnected.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from socialdesk.domain import Network, utcnow
from socialdesk.ingest import normalise_handle
from socialdesk.models import Account, AccountUsage, Message, QuarantinedItem, SyncCursor
from socialdesk.sources import Quarantined
from socialdesk.store import Store, StoreError

DEFAULT_POLL_SECONDS = {Network.X: 300, Network.REDDIT: 120}
# X bills reads per request and item; the default keeps an account to a few hundred
# requests a day (one poll of three streams every five minutes is 864).
DEFAULT_DAILY_BUDGET = {Network.X: 1000, Network.REDDIT: 5000}
MIN_POLL_SECONDS = 30

STATE_LABELS = {
    "new": "not synced yet",
    "ok": "ok",
    "needs_reconnecting": "needs reconnecting",
    "plan_missing": "plan does not include this",
    "rate_limited": "rate limited",
    "offline": "offline, will retry",
    "malformed": "unreadable response, will retry",
    "budget_reached": "daily budget reached",
    "error": "error",
}


class AccountError(Exception):
    """An account that does not exist, or settings that make no sense."""


@dataclass(slots=True)
class AccountSettings:
    """What an account polls. Stored as JSON; secrets never."""

    auth: str = ""  # "oauth2" or "oauth1" (X), "refresh_token" (Reddit)
    user_id: str = ""  # the network's id for the account, once known
    poll_seconds: int = 300
    daily_budget: int = 1000  # requests a UTC day
    keywords: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    subreddits: list[str] = field(default_factory=list)  # Reddit keyword monitoring
    credits_per_request: float = 0.0  # estimate shown beside the request count
    mark_read: bool = True  # Reddit: mark inbox items read once stored

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AccountSettings:
        try:
            raw: Any = json.loads(text or "{}")
        except ValueError:
            raw = {}
        known = {name: raw[name] for name in cls.__dataclass_fields__ if name in raw}
        return cls(**known)

    def check(self) -> None:
        if self.poll_seconds < MIN_POLL_SECONDS:
            raise AccountError(f"the poll interval must be at least {MIN_POLL_SECONDS} seconds")
        if self.daily_budget < 1:
            raise AccountError("the daily budget must be at least one request")
        for word in (*self.keywords, *self.exclusions):
            if not word.strip():
                raise AccountError("a keyword or exclusion is empty")


@dataclass(frozen=True, slots=True)
class ConnectedAccount:
    id: int
    network: Network
    handle: str
    display_name: str
    settings: AccountSettings
    state: str
    state_detail: str
    state_until: datetime | None
    last_sync_at: datetime | None

    @property
    def name(self) -> str:
        """What the CLI and the app call it: ``x:@nimbuscare``."""
        return f"{self.network.value}:{self.handle}"

    @property
    def shown(self) -> str:
        """The handle as the network writes it, in the account's own capitals when
        known: ``@NimbusCare``, ``u/nimbus_help``."""
        prefix = "u/" if self.network is Network.REDDIT else "@"
        name = self.display_name.strip()
        if name and normalise_handle(name) == self.handle:
            return prefix + name.removeprefix("/").removeprefix("u/").removeprefix("@")
        return prefix + self.handle

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


@dataclass(frozen=True, slots=True)
class Usage:
    day: str
    requests: int
    credits: float


X_HANDLE = re.compile(r"@?[A-Za-z0-9_]{1,15}")
REDDIT_NAME = re.compile(r"(?:/?u/)?[A-Za-z0-9_-]{3,20}")


def _handle(network: Network, handle: str) -> str:
    """The stored form of a handle (lower case, no prefix), or a clear refusal."""
    text = handle.strip()
    if network is Network.X:
        if not X_HANDLE.fullmatch(text):
            raise AccountError(
                f"{handle!r} is not an X handle: up to 15 letters, digits or _, such as @NimbusCare"
            )
    elif not REDDIT_NAME.fullmatch(text):
        raise AccountError(
            f"{handle!r} is not a Reddit username: 3 to 20 letters, digits, - or _, such as "
            "u/nimbus_help"
        )
    return normalise_handle(text)


def day_of(moment: datetime) -> str:
    return moment.astimezone(UTC).date().isoformat()


class AccountBook:
    """Connected accounts in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- which accounts ------------------------------------------------------------------

    def all(self) -> list[ConnectedAccount]:
        with self.store.connect() as conn:
            rows = conn.execute(
                select(Account).where(Account.connected.is_(True)).order_by(Account.id)
            ).all()
        return [_connected(row) for row in rows]

    def find(self, name: str, among: list[ConnectedAccount] | None = None) -> ConnectedAccount:
        """By ``network:handle``, or by handle alone (``@name`` is X, ``u/name`` Reddit);
        ``among`` the accounts already read, if they are."""
        wanted = name.strip()
        network_part, _, handle_part = wanted.partition(":") if ":" in wanted else ("", "", wanted)
        if not network_part and handle_part.startswith(("u/", "/u/")):
            network_part = "reddit"
        elif not network_part and handle_part.startswith("@"):
            network_part = "x"
        matches = []
        for account in self.all() if among is None else among:
            if network_part and account.network.value != network_part.lower():
                continue
            if account.handle == normalise_handle(handle_part):
                matches.append(account)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise AccountError(f"no connected account is called {name!r}")
        raise AccountError(f"{name!r} is ambiguous: say x:{handle_part} or reddit:{handle_part}")

    def add(
        self, network: Network, handle: str, settings: AccountSettings, display_name: str = ""
    ) -> ConnectedAccount:
        settings.check()
        normal = _handle(network, handle)
        now = utcnow()
        with self.store.session() as session:
            row = session.execute(
                select(Account).where(Account.network == network.value, Account.handle == normal)
            ).scalar_one_or_none()
            if row is not None and row.connected:
                raise AccountError(f"{network.value}:{normal} is connected already")
            if row is None:
                row = Account(
                    network=network.value,
                    handle=normal,
                    display_name=display_name or handle.strip(),
                    created_at=now,
                )
                session.add(row)
            row.connected = True
            row.settings = settings.to_json()
            row.state, row.state_detail, row.state_until = "new", "", None
            session.flush()
            account_id = row.id
        return self.get(account_id)

    def get(self, account_id: int) -> ConnectedAccount:
        with self.store.connect() as conn:
            row = conn.execute(select(Account).where(Account.id == account_id)).one_or_none()
        if row is None:
            raise AccountError(f"no account with id {account_id}")
        return _connected(row)

    def update_settings(self, account: ConnectedAccount, settings: AccountSettings) -> None:
        settings.check()
        with self.store.session() as session:
            session.execute(
                update(Account).where(Account.id == account.id).values(settings=settings.to_json())
            )

    def forget(self, account: ConnectedAccount) -> None:
        """Disconnects it, and deletes its row too when no message names it (an account
        added by mistake leaves no trace in the navigation)."""
        self.disconnect(account)
        with self.store.session() as session:
            used = session.execute(
                select(Message.id).where(Message.account_id == account.id).limit(1)
            ).first()
            if used is None:
                session.execute(delete(Account).where(Account.id == account.id))

    def disconnect(self, account: ConnectedAccount) -> None:
        """Stops syncing it and forgets its cursors; its messages stay in the inbox."""
        with self.store.session() as session:
            session.execute(
                update(Account)
                .where(Account.id == account.id)
                .values(connected=False, state="new", state_detail="", state_until=None)
            )
            session.execute(delete(SyncCursor).where(SyncCursor.account_id == account.id))

    # -- how it is doing -----------------------------------------------------------------

    def set_state(
        self,
        account: ConnectedAccount,
        state: str,
        detail: str = "",
        until: datetime | None = None,
        *,
        synced_at: datetime | None = None,
    ) -> None:
        values: dict[str, Any] = {"state": state, "state_detail": detail, "state_until": until}
        if synced_at is not None:
            values["last_sync_at"] = synced_at
        with self.store.session() as session:
            session.execute(update(Account).where(Account.id == account.id).values(**values))

    def cursor(self, account: ConnectedAccount, stream: str) -> str | None:
        with self.store.connect() as conn:
            value = conn.execute(
                select(SyncCursor.cursor).where(
                    SyncCursor.account_id == account.id, SyncCursor.stream == stream
                )
            ).scalar()
        return None if value is None else str(value)

    # -- what it spends ------------------------------------------------------------------

    def record_usage(
        self, account: ConnectedAccount, requests: int, credits: float, at: datetime
    ) -> None:
        """Adds to the day's counts in the database itself, so two syncs (or a sync and
        a connection test) counting at once both count."""
        if requests <= 0 and credits <= 0:
            return
        day = day_of(at)
        add = (
            update(AccountUsage)
            .where(AccountUsage.account_id == account.id, AccountUsage.day == day)
            .values(
                requests=AccountUsage.requests + requests,
                credits=AccountUsage.credits + credits,
            )
        )
        for _attempt in range(2):
            with self.store.session() as session:
                if session.connection().execute(add).rowcount:
                    return
            try:
                with self.store.session() as session:
                    session.add(
                        AccountUsage(
                            account_id=account.id, day=day, requests=requests, credits=credits
                        )
                    )
                return
            except StoreError:
                continue  # someone else made the day's row meanwhile: add to it
        raise StoreError(f"could not count the requests of {account.name}")

    def usage(self, account: ConnectedAccount, at: datetime) -> Usage:
        day = day_of(at)
        with self.store.connect() as conn:
            row = conn.execute(
                select(AccountUsage.requests, AccountUsage.credits).where(
                    AccountUsage.account_id == account.id, AccountUsage.day == day
                )
            ).one_or_none()
        if row is None:
            return Usage(day, 0, 0.0)
        return Usage(day, int(row[0]), float(row[1]))

    # -- what could not be read ----------------------------------------------------------

    def quarantine(
        self, account: ConnectedAccount, stream: str, items: list[Quarantined], at: datetime
    ) -> None:
        if not items:
            return
        with self.store.session() as session:
            session.add_all(
                QuarantinedItem(
                    account_id=account.id,
                    network=account.network.value,
                    stream=stream,
                    reason=item.reason,
                    raw=item.raw,
                    created_at=at,
                )
                for item in items
            )

    def quarantined(self, account: ConnectedAccount) -> list[tuple[str, str, str]]:
        """(stream, reason, raw JSON), oldest first."""
        with self.store.connect() as conn:
            rows = conn.execute(
                select(QuarantinedItem.stream, QuarantinedItem.reason, QuarantinedItem.raw)
                .where(QuarantinedItem.account_id == account.id)
                .order_by(QuarantinedItem.id)
            ).all()
        return [(str(a), str(b), str(c)) for a, b, c in rows]


def next_utc_midnight(at: datetime) -> datetime:
    day = at.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day + timedelta(days=1)


def _connected(account: Any) -> ConnectedAccount:
    """From a row of ``select(Account)`` read on a connection (columns by name)."""
    return ConnectedAccount(
        id=account.id,
        network=Network(account.network),
        handle=account.handle,
        display_name=account.display_name,
        settings=AccountSettings.from_json(account.settings),
        state=account.state,
        state_detail=account.state_detail,
        state_until=account.state_until,
        last_sync_at=account.last_sync_at,
    )
