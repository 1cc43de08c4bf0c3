"""How the pieces find each other without the core importing them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from socialdesk.cli import main
from socialdesk.sources import available_connectors, desktop_app

from .conftest import PG_URL_ENV, reset_postgres
from .test_importer import GOOD, write_jsonl


def test_desktop_app_is_found_through_its_entry_point() -> None:
    from ui.app import run

    assert desktop_app() is run


def test_connectors_are_discovered_by_entry_point_group() -> None:
    found = available_connectors()
    assert isinstance(found, dict)
    assert all(callable(factory) for factory in found.values())


def test_core_modules_import_no_qt_or_network_library() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, socialdesk.cli, socialdesk.ingest, socialdesk.inbox, socialdesk.demo;"
        "bad = [m for m in ('PySide6', 'tweepy', 'praw', 'requests', 'ui', 'connectors')"
        " if m in sys.modules]; print(bad)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_verbose_logs_to_the_console_and_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--verbose", "--data-dir", str(tmp_path), "inbox"]) == 0
    err = capsys.readouterr().err
    assert "INFO" in err and "created the schema" in err
    log = (tmp_path / "logs" / "socialdesk.log").read_text(encoding="utf-8")
    assert "created the schema" in log


@pytest.mark.postgres
def test_cli_on_postgres_with_db_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        if os.environ.get("SOCIALDESK_TEST_PG_REQUIRED"):
            pytest.fail(f"{PG_URL_ENV} is required")
        pytest.skip(f"PostgreSQL store tests need {PG_URL_ENV} (a throwaway database)")
    reset_postgres(url)
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert main(["--data-dir", str(tmp_path), "--db", url, "import", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("SOCIALDESK_DB_URL", url)
    assert main(["--data-dir", str(tmp_path), "inbox", "--json", "--search", "late"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["text"] == GOOD["text"]
    assert not (tmp_path / "socialdesk.db").exists()
