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


def resolve_workspace(data_dir: str | None = None, db_url: str | None = None) -> Workspace:
    """Command-line values win over the environment, which wins over the defaults."""
    chosen_dir = data_dir or os.environ.get(DATA_DIR_ENV) or str(user_data_path("socialdesk"))
    directory = Path(chosen_dir).expanduser().resolve()
    chosen_url = db_url or os.environ.get(DB_URL_ENV)
    url = chosen_url or f"sqlite:///{directory / DB_FILENAME}"
    return Workspace(data_dir=directory, db_url=url, db_is_default=chosen_url is None)
