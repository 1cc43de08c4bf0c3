"""Where the outbox's replies go, and the worker that sends them.

``sender_factory`` is the outbox's way to an account's network: a connected account's
connector (found through the installed entry points, as syncing finds them), the
simulated network for the demo workspace's own accounts, and None for an account
that is not connected (its replies wait). ``OutboxWorker`` runs the outbox on a thread
of its own: whatever is due, then a wait until the next item is due or an agent queues
one (``wake``). The desktop app and ``socialdesk sync`` both run it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from socialdesk.accounts import AccountBook
from socialdesk.acknowledge import Acknowledger
from socialdesk.demo import DEMO_ACCOUNTS
from socialdesk.domain import utcnow
from socialdesk.ingest import Ingestor, normalise_handle
from socialdesk.models import Account, WorkspaceSetting
from socialdesk.outbox import Outbox, OutboxRun, SenderFor
from socialdesk.secrets import SecretStore
from socialdesk.simnet import DEMO_SETTING, SimulatedAccount, SimulatedNetwork
from socialdesk.sources import Connector, SourceError, available_connectors
from socialdesk.store import Store, StoreError

log = logging.getLogger("socialdesk.sending")

IDLE_CHECK = timedelta(seconds=30)  # replies queued by another agent's app are noticed
ERROR_PAUSE = timedelta(seconds=30)


def mark_demo_accounts(store: Store) -> list[int]:
    """Remembers the accounts the demo created: their replies go to the simulated
    network. Returns their ids."""
    handles = {
        (network.value, normalise_handle(handle)) for network, handle in DEMO_ACCOUNTS.items()
    }
    with store.session() as session:
        ids = sorted(
            account.id
            for account in session.scalars(select(Account))
            if (account.network, account.handle) in handles and not account.connected
        )
        row = session.get(WorkspaceSetting, DEMO_SETTING)
        value = json.dumps({"accounts": ids})
        if row is None:
            session.add(WorkspaceSetting(key=DEMO_SETTING, value=value, updated_at=utcnow()))
        else:
            row.value, row.updated_at = value, utcnow()
    return ids


def demo_accounts(store: Store) -> set[int]:
    with store.session() as session:
        raw = session.scalar(
            select(WorkspaceSetting.value).where(WorkspaceSetting.key == DEMO_SETTING)
        )
    try:
        ids = json.loads(raw or "{}").get("accounts", [])
    except (ValueError, AttributeError):
        return set()
    return {int(i) for i in ids if isinstance(i, int)}


def sender_factory(
    store: Store,
    secrets: SecretStore,
    data_dir: Path | None,
    *,
    connectors: Mapping[str, Callable[..., Connector]] | None = None,
    simulated_latency: float = 0.25,
) -> SenderFor:
    """The outbox's ``sender_for``. A connector is kept per account while its settings
    stay the same, as the sync scheduler keeps its own."""
    factories = dict(connectors) if connectors is not None else available_connectors()
    book = AccountBook(store)
    kept: dict[int, tuple[str, Connector]] = {}
    lock = threading.Lock()

    def sender_for(account_id: int) -> Connector | None:
        try:
            account = book.get(account_id)
        except Exception as exc:  # the account was removed meanwhile
            raise SourceError(f"the account that would send it is gone ({exc})") from None
        if not _connected(store, account_id):
            if account_id in demo_accounts(store):
                return SimulatedNetwork(
                    SimulatedAccount(
                        account.network, account.handle, account.shown, account.display_name
                    ),
                    data_dir,
                    latency=simulated_latency,
                )
            return None
        key = account.settings.to_json()
        with lock:
            cached = kept.get(account_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        factory = factories.get(account.network.value)
        if factory is None:
            raise SourceError(
                f"no connector for {account.network.value} is installed; reinstall SocialDesk"
            )
        connector = factory(account, secrets)
        with lock:
            kept[account_id] = (key, connector)
        return connector

    return sender_for


def _connected(store: Store, account_id: int) -> bool:
    with store.session() as session:
        return bool(session.scalar(select(Account.connected).where(Account.id == account_id)))


class OutboxWorker:
    """Sends what is due, on a thread of its own, until stopped. ``listener`` hears each
    pass that did something (on the worker's thread)."""

    def __init__(
        self,
        outbox: Outbox,
        *,
        listener: Callable[[OutboxRun], None] | None = None,
        acknowledger: Acknowledger | None = None,
        idle_check: timedelta = IDLE_CHECK,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.outbox = outbox
        self.listener = listener
        self.acknowledger = acknowledger
        self.idle_check = idle_check
        self.now = now
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="outbox", daemon=True)
        self._thread.start()

    def run(self) -> None:
        while not self._stop.is_set():
            wait = self.idle_check
            try:
                if self.acknowledger is not None:
                    self.acknowledger.sweep()  # queued first, sent in the same pass
                run = self.outbox.run_once()
                if (run.attempted or run.recovered) and self.listener is not None:
                    self.listener(run)
                due = self.outbox.next_due()
                if due is not None:
                    wait = min(wait, max(due - self.now(), timedelta(seconds=0.2)))
            except StoreError as exc:  # the store is locked or away: try again shortly
                log.warning("outbox: %s", exc)
                wait = ERROR_PAUSE
            except Exception:  # a bug: logged, and the worker lives on
                log.exception("outbox pass failed")
                wait = ERROR_PAUSE
            self._wake.wait(wait.total_seconds())
            self._wake.clear()

    def wake(self) -> None:
        """A reply was queued, or the connection is back: look now."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Ends the loop once the attempt under way is done (each request has a timeout);
        an item cut off mid-send is looked up by the next worker, never sent twice."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


def outbox_for(
    store: Store,
    secrets: SecretStore,
    data_dir: Path | None,
    ingestor: Ingestor,
    *,
    connectors: Mapping[str, Callable[..., Connector]] | None = None,
) -> Outbox:
    """The outbox as the app and ``socialdesk sync`` run it."""
    return Outbox(
        store,
        ingestor=ingestor,
        sender_for=sender_factory(store, secrets, data_dir, connectors=connectors),
    )
