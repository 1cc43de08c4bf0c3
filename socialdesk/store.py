"""Opening, migrating and guarding the database.

A ``Store`` owns the engine. Sessions are short and belong to one thread; the
read side hands plain dataclasses out, never live ORM objects.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
_URL_HINT = "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE"


class StoreError(Exception):
    """A database problem the user can act on; the message says what to do."""


class NewerSchemaError(StoreError):
    pass


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


WAL_CHECKPOINT_PAGES = 8192


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # 32 MB of page cache (the default is 2 MB): a large inbox keeps its indexes in
        # memory while a big import writes. Pages are taken only as they are read.
        cursor.execute("PRAGMA cache_size = -32768")
        # Copy the write-ahead log back every 8,192 pages (32 MB), not every 1,000: a big
        # import rewrites the same index pages batch after batch, and each checkpoint
        # copies them again (measured: about a fifth of an import's time at the default).
        cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        # and let the log file shrink back to 64 MB once checkpointed, not stay at its peak.
        cursor.execute("PRAGMA journal_size_limit = 67108864")
    finally:
        cursor.close()


def describe_db_error(exc: BaseException, where: str) -> str:
    """Turn a driver error into one line that says what happened and what to do."""
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return (
            f"{where} is locked by another program (waited {BUSY_TIMEOUT_MS // 1000} s); "
            "close other SocialDesk windows or tools using it and try again"
        )
    if "read-only transaction" in lowered:  # PostgreSQL: a replica or a read-only role
        return (
            f"{where} accepts no changes (a read-only transaction); connect to the primary "
            "server or ask its administrator for a role that may write"
        )
    if "readonly" in lowered or "read-only" in lowered:
        return f"{where} is read-only; make the file and its folder writable"
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return (
            f"{where} is damaged or not a SocialDesk database ({text}); "
            "restore a backup copy or choose another --data-dir"
        )
    if "unable to open" in lowered:
        return f"cannot open {where}: check that its folder exists and is writable"
    if "could not connect" in lowered or "connection refused" in lowered:
        return f"cannot reach {where}: {text}"
    return f"{where}: {text}"


class Store:
    """The workspace database, migrated to the current schema."""

    def __init__(self, engine: Engine, *, label: str) -> None:
        self.engine = engine
        self.label = label
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # The hot ingestion path talks to the driver directly, so its own errors (PEP 249's
        # Error: sqlite3's or psycopg's) must read as clearly as SQLAlchemy's.
        dbapi = getattr(engine.dialect, "loaded_dbapi", None) or engine.dialect.dbapi
        error = getattr(dbapi, "Error", None)
        self._errors: tuple[type[BaseException], ...] = (OperationalError, DBAPIError) + (
            (error,) if isinstance(error, type) else ()
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(
        cls,
        url: str,
        *,
        backup_dir: Path | None = None,
        migrate: bool = True,
        create_folder: bool = True,
    ) -> Store:
        """Open and migrate. ``create_folder`` makes a SQLite file's missing folder (the
        data dir's default database); a database named explicitly must have its folder."""
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise StoreError(f"{url!r} is not a database URL; {_URL_HINT}") from None
        label = parsed.render_as_string(hide_password=True)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(f"{label}: SocialDesk runs on SQLite or PostgreSQL; {_URL_HINT}")
        kwargs: dict[str, Any] = {}
        if parsed.get_backend_name() == "sqlite":
            path = parsed.database
            if path and path != ":memory:":
                db_path = Path(path)
                label = str(db_path)
                _check_sqlite_file(db_path, create_folder=create_folder)
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            engine = create_engine(parsed, **kwargs)
        except (ImportError, NoSuchModuleError) as exc:
            raise StoreError(f"{label}: no driver for this database ({exc}); {_URL_HINT}") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _on_sqlite_connect)
        store = cls(engine, label=label)
        try:
            if migrate:
                store.migrate(backup_dir=backup_dir)
            else:
                with engine.connect():
                    pass
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise StoreError(describe_db_error(exc, label)) from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def migrate(self, *, backup_dir: Path | None = None) -> None:
        cfg = _alembic_config()
        scripts = ScriptDirectory.from_config(cfg)
        head = scripts.get_current_head()
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(inspect(conn).get_table_names())
        if current == head:
            return
        known = {rev.revision for rev in scripts.walk_revisions()}
        if current is not None and current not in known:
            raise NewerSchemaError(
                f"{self.label} was written by a newer SocialDesk (schema {current}, this version "
                f"knows up to {head}); upgrade SocialDesk or choose another --data-dir"
            )
        if current is None and has_tables:
            raise StoreError(
                f"{self.label} holds tables that are not a SocialDesk workspace; "
                "choose another --data-dir or --db"
            )
        if current is not None and self.dialect == "sqlite" and backup_dir is not None:
            backup = self.backup_sqlite(backup_dir, reason=f"before-{head}")
            log.info(
                "backed up %s to %s before migrating %s -> %s", self.label, backup, current, head
            )
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        if current is None:
            log.info("created the schema (revision %s) in %s", head, self.label)
        else:
            log.info("migrated %s from revision %s to %s", self.label, current, head)

    def backup_sqlite(self, backup_dir: Path, *, reason: str = "backup") -> Path:
        """Copy the live SQLite database consistently (WAL included) to a timestamped file."""
        database = self.engine.url.database
        if self.dialect != "sqlite" or not database:
            raise StoreError("only SQLite workspaces are backed up to files")
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = backup_dir / f"{Path(database).stem}-{stamp}-{reason}.db"
        source = sqlite3.connect(database)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        return target

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except self._errors as exc:
            session.rollback()
            raise StoreError(describe_db_error(exc, self.label)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read-only connection for queries that return plain rows."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except self._errors as exc:
            raise StoreError(describe_db_error(exc, self.label)) from exc

    def close(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path, *, create_folder: bool) -> None:
    """Refuse files that are not SQLite before SQLAlchemy turns them into odd errors."""
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except PermissionError as exc:
            raise StoreError(f"cannot read {path}: permission denied") from exc
        if header and header != SQLITE_HEADER:
            raise StoreError(
                f"{path} is damaged or not a SocialDesk database (no SQLite header); "
                "restore a backup copy or choose another --data-dir"
            )
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise StoreError(f"{parent} is a file, not a folder; choose another --data-dir")
    if not parent.exists() and not create_folder:
        raise StoreError(f"the folder {parent} does not exist; create it first")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {parent}: {exc.strerror}") from exc
    # WAL mode writes beside the database even to read it: the folder must be writable.
    probe = parent / ".socialdesk-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(
            f"the data folder {parent} is not writable ({exc.strerror}); "
            "choose another --data-dir or fix its permissions"
        ) from exc


__all__ = ["NewerSchemaError", "Store", "StoreError", "head_revision"]
