"""The outbox as the app runs it: the demo's simulated network, accounts that are not
connected, the worker thread, and ``socialdesk outbox``."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from socialdesk.cli import main
from socialdesk.demo import DEMO_ACCOUNTS
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.models import Conversation, Event, Message
from socialdesk.outbox import Outbox, OutboxRun
from socialdesk.secrets import SecretStore
from socialdesk.sending import OutboxWorker, demo_accounts, mark_demo_accounts, sender_factory
from socialdesk.simnet import FILENAME
from socialdesk.store import Store

from .conftest import T0


class Crash(BaseException):
    pass


def _mention(number: int, account: str) -> IncomingMessage:
    return IncomingMessage(
        network=Network.X,
        external_id=f"m{number}",
        kind=MessageKind.MENTION,
        direction=Direction.INBOUND,
        author=Author(f"u{number}", f"@fan{number}", f"Fan {number}"),
        account=account,
        created_at=T0 + timedelta(minutes=number),
        text="my parcel never arrived",
    )


def _conversation(store: Store, external_id: str) -> int:
    with store.session() as session:
        conv = session.scalar(
            select(Message.conversation_id).where(Message.external_id == external_id)
        )
    assert conv is not None
    return int(conv)


def _demo(store: Store, ingestor: Ingestor) -> int:
    ingestor.ingest([_mention(1, DEMO_ACCOUNTS[Network.X])])
    assert len(mark_demo_accounts(store)) == 1
    return _conversation(store, "m1")


def _outbox(store: Store, ingestor: Ingestor, folder: Path | None, **kw: object) -> Outbox:
    sender = sender_factory(store, SecretStore(), folder, connectors={}, simulated_latency=0)
    return Outbox(store, ingestor=ingestor, sender_for=sender, **kw)  # type: ignore[arg-type]


def test_the_demo_accounts_send_through_the_simulated_network(
    store: Store, ingestor: Ingestor, tmp_path: Path
) -> None:
    conv = _demo(store, ingestor)
    outbox = _outbox(store, ingestor, tmp_path)
    item = outbox.enqueue(conv, "So sorry, we're on it ^AK", actor="Ayşe Kaya")

    assert outbox.run_once().outcomes == {"sent": 1}
    posts = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))["posts"]
    assert [p["text"] for p in posts] == ["So sorry, we're on it ^AK"]
    with store.session() as session:
        sent = session.scalars(
            select(Message).where(Message.direction == Direction.OUTBOUND.value)
        ).one()
        data = session.scalar(
            select(Event.data).where(Event.message_id == sent.id, Event.type == "replied")
        )
        first_response = session.scalar(
            select(Conversation.first_response_at).where(Conversation.id == conv)
        )
    assert sent.conversation_id == conv and sent.external_id == outbox.get(item).external_id
    assert json.loads(data or "{}")["agent"] == "Ayşe Kaya"
    assert first_response is not None


def test_a_crash_after_the_simulated_network_took_it_is_found_after_a_restart(
    store: Store, ingestor: Ingestor, tmp_path: Path
) -> None:
    conv = _demo(store, ingestor)

    def crash(_item: int) -> None:
        raise Crash()

    dying = _outbox(store, ingestor, tmp_path, before_record=crash, lease=timedelta(0))
    item = dying.enqueue(conv, "Only once, please", actor="Dana")
    with pytest.raises(Crash):
        dying.run_once()

    restarted = _outbox(store, ingestor, tmp_path, lease=timedelta(0))
    run = restarted.run_once()
    assert run.recovered == 1 and run.outcomes == {"sent": 1}
    posts = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))["posts"]
    assert len(posts) == 1
    assert restarted.get(item).external_id == posts[0]["id"]


def test_an_account_that_is_not_connected_keeps_its_replies_queued(
    store: Store, ingestor: Ingestor, tmp_path: Path
) -> None:
    ingestor.ingest([_mention(2, "@SomeBrand")])
    outbox = _outbox(store, ingestor, tmp_path)
    item = outbox.enqueue(_conversation(store, "m2"), "Hello", actor="Dana")

    assert outbox.run_once().outcomes == {"queued": 1}
    entry = outbox.get(item)
    assert entry.status == "queued" and "not connected" in (entry.error or "")
    assert demo_accounts(store) == set()
    assert not (tmp_path / FILENAME).exists()


def test_the_worker_sends_when_woken_and_stops_cleanly(
    store: Store, ingestor: Ingestor, tmp_path: Path
) -> None:
    conv = _demo(store, ingestor)
    outbox = _outbox(store, ingestor, tmp_path)
    done = threading.Event()
    runs: list[OutboxRun] = []

    def heard(run: OutboxRun) -> None:
        runs.append(run)
        done.set()

    worker = OutboxWorker(outbox, listener=heard, idle_check=timedelta(seconds=30))
    worker.start()
    try:
        outbox.enqueue(conv, "Queued while the worker waits", actor="Dana")
        worker.wake()
        assert done.wait(10), "the worker did not send after being woken"
    finally:
        worker.stop()
    assert runs[0].outcomes == {"sent": 1}


def test_the_outbox_command_lists_sends_retries_and_withdraws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--conversations", "20"]) == 0
    store = Store.open(f"sqlite:///{tmp_path / 'ws' / 'socialdesk.db'}")
    try:
        outbox = Outbox(store)
        with store.session() as session:
            conv = session.scalar(select(Conversation.id).order_by(Conversation.id))
        assert conv is not None
        first = outbox.enqueue(conv, "Sent from the command line", actor="Dana")
        second = outbox.enqueue(conv, "Taken back to edit", actor="Dana")
    finally:
        store.close()
    capsys.readouterr()

    assert main(["--data-dir", data, "outbox", "withdraw", str(second)]) == 0
    assert capsys.readouterr().out.strip() == "Taken back to edit"
    assert main(["--data-dir", data, "outbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "queued" in listed and "Sent from the command line" in listed
    assert "Taken back" not in listed
    assert main(["--data-dir", data, "outbox", "send"]) == 0
    assert capsys.readouterr().out.startswith("outbox: 1 sent")
    assert main(["--data-dir", data, "outbox", "list", "--all", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["id"] == first and entry["status"] == "sent" and entry["agent"] == "Dana"
    assert main(["--data-dir", data, "outbox", "retry", str(first)]) == 1
    assert "only a failed one is retried" in capsys.readouterr().err
