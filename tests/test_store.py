from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from socialdesk.store import MIGRATIONS_DIR, NewerSchemaError, Store, StoreError, head_revision

EXPECTED_TABLES = {
    "accounts",
    "sync_cursors",
    "contacts",
    "conversations",
    "messages",
    "tags",
    "conversation_tags",
    "notes",
    "events",
}


def test_open_creates_schema_at_head(store: Store) -> None:
    assert store.current_revision() == head_revision()
    tables = set(sa.inspect(store.engine).get_table_names())
    assert tables >= EXPECTED_TABLES


def test_sqlite_connection_settings(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32768
    finally:
        store.close()


def test_reopening_at_head_makes_no_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    Store.open(url, backup_dir=tmp_path / "backups").close()
    Store.open(url, backup_dir=tmp_path / "backups").close()
    assert not (tmp_path / "backups").exists()


def _migrate_to(url: str, revision: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _seed_message(db_url: str, body: str, handle: str, name: str) -> None:
    """One conversation with one message, written with the old schema's plain SQL."""
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conversations (id, network, external_key, public, status, "
                "created_at, last_message_at, priority) VALUES "
                "(1, 'x', 'root', true, 'new', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 5)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO messages (id, network, external_id, conversation_id, kind, "
                "direction, public, author_handle, author_name, text, created_at, url, reasons, "
                "ingested_at) VALUES (1, 'x', 'root', 1, 'mention', 'inbound', true, :handle, "
                ":name, :body, '2026-01-01 10:00:00', '', '[]', '2026-01-01 10:00:00')"
            ),
            {"handle": handle, "name": name, "body": body},
        )
        conn.execute(text("UPDATE conversations SET last_inbound_message_id = 1"))
    engine.dispose()


def test_upgrade_from_previous_schema_keeps_data_and_indexes_it(
    db_url: str, tmp_path: Path
) -> None:
    _migrate_to(db_url, "0001")
    _seed_message(db_url, "router firmware bricked", "carol", "Carol")

    store = Store.open(db_url, backup_dir=tmp_path / "backups")
    try:
        assert store.current_revision() == head_revision()
        from socialdesk.inbox import Inbox

        rows = Inbox(store).page(status="all", search="firmware")
        assert [r.text for r in rows] == ["router firmware bricked"]
        assert [r.author_handle for r in Inbox(store).page(status="all", search="carol")] == [
            "carol"
        ]
    finally:
        store.close()
    backups = list((tmp_path / "backups").glob("*.db")) if (tmp_path / "backups").exists() else []
    if db_url.startswith("sqlite"):
        assert len(backups) == 1
        copy = sqlite3.connect(backups[0])
        try:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert copy.execute("SELECT text FROM messages").fetchall() == [
                ("router firmware bricked",)
            ]
        finally:
            copy.close()
    else:
        assert backups == []


def test_newer_schema_is_refused(store: Store, db_url: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(NewerSchemaError, match="newer SocialDesk"):
        Store.open(db_url)


def test_foreign_tables_are_refused(db_url: str) -> None:
    engine = sa.create_engine(db_url) if not db_url.startswith("sqlite") else None
    if engine is None:
        path = Path(db_url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        with engine.begin() as conn2:
            conn2.exec_driver_sql("CREATE TABLE invoices (id INTEGER)")
        engine.dispose()
    with pytest.raises(StoreError, match="not a SocialDesk workspace"):
        Store.open(db_url)


def test_corrupt_file_gives_specific_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "socialdesk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged or not a SocialDesk database"):
        Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_truncated_sqlite_file_gives_specific_error(tmp_path: Path) -> None:
    path = tmp_path / "socialdesk.db"
    Store.open(f"sqlite:///{path}").close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00garbage" * 200)
    with pytest.raises(StoreError, match=r"damaged|not a SocialDesk"):
        Store.open(f"sqlite:///{path}")


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """chmod for ordinary users; root ignores modes, so it gets the immutable flag."""
    if os.geteuid() != 0:
        mode = 0o500 if folder.is_dir() else 0o400
        folder.chmod(mode)
        try:
            yield
        finally:
            folder.chmod(0o700 if folder.is_dir() else 0o600)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"running as root and chattr +i failed: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_read_only_data_dir(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder), pytest.raises(StoreError, match="not writable"):
        Store.open(f"sqlite:///{folder / 'socialdesk.db'}")


def test_existing_workspace_in_read_only_folder_loses_nothing(tmp_path: Path) -> None:
    from socialdesk.inbox import Inbox

    folder = tmp_path / "ws"
    url = f"sqlite:///{folder / 'socialdesk.db'}"
    Store.open(url).close()
    with read_only_folder(folder), pytest.raises(StoreError, match="not writable"):
        Store.open(url)
    store = Store.open(url)
    try:
        assert Inbox(store).count(status="all") == 0
    finally:
        store.close()


def test_writing_to_a_read_only_database_file_is_a_store_error(
    tmp_path: Path, make_message
) -> None:
    """The ingestion path talks to the driver directly; its errors read as clearly."""
    from socialdesk.ingest import Ingestor
    from socialdesk.triage import TriageScorer

    path = tmp_path / "ws" / "socialdesk.db"
    store = Store.open(f"sqlite:///{path}")
    store.close()
    with read_only_folder(path):
        store = Store.open(f"sqlite:///{path}", migrate=False)
        try:
            with pytest.raises(StoreError, match="read-only"):
                Ingestor(store, TriageScorer()).ingest([make_message("1")])
        finally:
            store.close()


def test_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store.open(f"sqlite:///{blocker / 'sub' / 'socialdesk.db'}")


def test_locked_database_gives_specific_error(tmp_path: Path, monkeypatch) -> None:
    import socialdesk.store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "socialdesk.db"
    Store.open(f"sqlite:///{path}").close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(f"sqlite:///{path}")
        try:
            with pytest.raises(StoreError, match="locked by another program"), store.session() as s:
                s.execute(text("INSERT INTO tags (name) VALUES ('x')"))
        finally:
            store.close()
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_unreachable_postgres_gives_one_line_error() -> None:
    with pytest.raises(StoreError, match=r"127\.0\.0\.1") as info:
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("garbage", "is not a database URL"),
        ("mysql://u@h/db", "SocialDesk runs on SQLite or PostgreSQL"),
        ("postgresql+nosuchdriver://u@h/db", "no driver for this database"),
    ],
)
def test_unusable_database_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(url)


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        Store.open(f"sqlite:///{blocker / 'socialdesk.db'}")


def test_explicit_database_needs_its_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it first"):
        Store.open(f"sqlite:///{tmp_path / 'nope' / 'x.db'}", create_folder=False)
    assert not (tmp_path / "nope").exists()


@contextmanager
def _upgraded_from(revision: str, db_url: str, tmp_path: Path, body: str) -> Iterator[Store]:
    """A workspace at an older revision holding one message, opened (so migrated)."""
    _migrate_to(db_url, revision)
    _seed_message(db_url, body, "dee", "Dee")
    store = Store.open(db_url, backup_dir=tmp_path / "backups")
    try:
        yield store
    finally:
        store.close()


def test_upgrade_from_0002_adds_triage_tables_and_keeps_messages(
    db_url: str, tmp_path: Path
) -> None:
    from socialdesk.learning import ModelBook

    with _upgraded_from("0002", db_url, tmp_path, "still no refund") as store:
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("messages")}
        assert {"intent", "topic"} <= columns
        assert {"labels", "learned_models"} <= set(sa.inspect(store.engine).get_table_names())
        ModelBook(store).label_message(1, True, actor="t")
        assert ModelBook(store).status().labels == 1


def test_upgrade_from_0003_indexes_contacts_conversations_and_keeps_messages(
    db_url: str, tmp_path: Path
) -> None:
    from socialdesk.inbox import Inbox

    with _upgraded_from("0003", db_url, tmp_path, "parcel lost again") as store:
        with warnings.catch_warnings():
            # The queue's expression indexes (0005) are beyond SQLAlchemy's reflection.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection")
            indexes = {i["name"] for i in sa.inspect(store.engine).get_indexes("conversations")}
        assert "ix_conversations_contact" in indexes
        assert [r.text for r in Inbox(store).page(status="all")] == ["parcel lost again"]


def test_the_workspace_says_where_it_is_without_a_password(tmp_path: Path) -> None:
    from socialdesk.config import Workspace

    team = Workspace(tmp_path, "postgresql+psycopg://care:s3cret@db.example.internal/desk", False)
    assert team.where == "postgresql://care@db.example.internal/desk"
    assert "s3cret" not in team.where
    assert Workspace(tmp_path, f"sqlite:///{tmp_path}/x.db", False).where == f"{tmp_path}/x.db"
    assert Workspace(tmp_path, f"sqlite:///{tmp_path}/socialdesk.db").where == str(tmp_path)


def test_sqlite_checkpoints_its_log_in_large_steps_and_shrinks_it(tmp_path: Path) -> None:
    from socialdesk.store import WAL_CHECKPOINT_PAGES

    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with store.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 8192
            assert WAL_CHECKPOINT_PAGES == 8192
            assert conn.exec_driver_sql("PRAGMA journal_size_limit").scalar() == 64 * 2**20
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store.close()
