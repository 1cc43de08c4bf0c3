"""Shared fixtures. Qt runs offscreen; stores run on SQLite and, when
SOCIALDESK_TEST_PG_URL names a throwaway PostgreSQL database, on PostgreSQL too."""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.store import Store
from socialdesk.triage import TriageScorer

PG_URL_ENV = "SOCIALDESK_TEST_PG_URL"
PG_REQUIRED_ENV = "SOCIALDESK_TEST_PG_REQUIRED"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def reset_postgres(url: str) -> None:
    """The test database is throwaway: every test starts from an empty schema."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'socialdesk.db'}"
    url = os.environ.get(PG_URL_ENV)
    if not url and os.environ.get(PG_REQUIRED_ENV):
        pytest.fail(f"{PG_REQUIRED_ENV} is set but {PG_URL_ENV} is not: PostgreSQL tests must run")
    if not url:
        pytest.skip(f"PostgreSQL store tests need {PG_URL_ENV} (a throwaway database)")
    reset_postgres(url)
    return url


@pytest.fixture
def store(db_url: str, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(db_url, backup_dir=tmp_path / "backups")
    try:
        yield opened
    finally:
        _finish_background_work()
        opened.close()


def _finish_background_work() -> None:
    """A window's tasks still running would hold connections the store is about to drop."""
    tasks = sys.modules.get("ui.tasks")
    if tasks is not None:
        tasks.wait_for_background()


@pytest.fixture
def ingestor(store: Store) -> Iterator[Ingestor]:
    scorer = TriageScorer()
    try:
        yield Ingestor(store, scorer, batch_size=50)
    finally:
        scorer.close()


MessageFactory = Callable[..., IncomingMessage]


@pytest.fixture
def make_message() -> MessageFactory:
    def make(
        external_id: str,
        *,
        minutes: float = 0,
        text: str = "hello",
        direction: Direction = Direction.INBOUND,
        kind: MessageKind = MessageKind.MENTION,
        network: Network = Network.X,
        in_reply_to: str | None = None,
        conversation: str | None = None,
        author: Author | None = None,
        account: str = "@Brand",
    ) -> IncomingMessage:
        if author is None:
            author = (
                Author(id="brand", handle="Brand", name="Brand Care")
                if direction is Direction.OUTBOUND
                else Author(id="u1", handle="alice", name="Alice", followers=120)
            )
        return IncomingMessage(
            network=network,
            external_id=external_id,
            kind=kind,
            direction=direction,
            author=author,
            account=account,
            created_at=T0 + timedelta(minutes=minutes),
            text=text,
            in_reply_to=in_reply_to,
            conversation=conversation,
        )

    return make
