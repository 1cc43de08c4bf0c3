"""Where a workspace lives: its data directory and its database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

DATA_DIR_ENV = "SOCIALDESK_DATA_DIR"
DB_URL_ENV = "SOCIALDESK_DB_URL"
DB_FILENAME = "socialdesk.db"


@dataclass(frozen=True, slots=True)
class Workspace:
    data_dir: Path
    db_url: str
    db_is_default: bool = True

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def where(self) -> str:
        """Where the conversations live, for people: the data folder, a SQLite file
        elsewhere, or the database server and name (never a password)."""
        if self.db_is_default:
            return str(self.data_dir)
        from sqlalchemy.engine import make_url

        try:
            url = make_url(self.db_url)
        except Exception:  # Store.open reports a bad URL; here it is only a label
            return "another database"
        if url.get_backend_name() == "sqlite":
            return url.database or "an in-memory SQLite database"
        user = f"{url.username}@" if url.username else ""
        port = f":{url.port}" if url.port else ""
        return (
            f"{url.get_backend_name()}://{user}{url.host or 'localhost'}{port}/{url.database or ''}"
        )


def resolve_workspace(data_dir: str | None = None, db_url: str | None = None) -> Workspace:
    """Command-line values win over the environment, which wins over the defaults."""
    chosen_dir = data_dir or os.environ.get(DATA_DIR_ENV) or str(user_data_path("socialdesk"))
    directory = Path(chosen_dir).expanduser().resolve()
    chosen_url = db_url or os.environ.get(DB_URL_ENV)
    url = chosen_url or f"sqlite:///{directory / DB_FILENAME}"
    return Workspace(data_dir=directory, db_url=url, db_is_default=chosen_url is None)
