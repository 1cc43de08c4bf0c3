"""Render the app's main screens offscreen on a fresh demo workspace to docs/screenshots/.

.venv/bin/python scripts/render_screenshots.py

main.png is the inbox with a conversation open; palette.png the command palette;
shortcuts.png the shortcut list; dark.png the same window in the dark palette;
turkish.png the window in Turkish; accounts.png Settings > Accounts with the demo's two
accounts shown as connected (an in-memory keyring: nothing is polled).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta

from keyring.backend import KeyringBackend
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from socialdesk.accounts import AccountBook, AccountSettings
from socialdesk.cli import main as cli_main
from socialdesk.config import resolve_workspace
from socialdesk.domain import Network
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from ui import theme
from ui.accounts import AccountsDialog
from ui.actions import CommandPalette, ShortcutsDialog
from ui.app import build_window
from ui.i18n import remove_translators
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1500, 860)


def settle(app: QApplication, seconds: float = 2.5) -> None:
    """Let the window's background reads arrive."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shoot(
    app: QApplication,
    store: Store,
    data_dir: str,
    name: str,
    *,
    language: str | None = None,
    dark: bool = False,
    dialog: Callable[[MainWindow], QDialog] | None = None,
) -> Path:
    workspace = resolve_workspace(data_dir, None)
    (workspace.data_dir / "ui.ini").unlink(missing_ok=True)  # default layout every time
    remove_translators(app)  # the language of the shot before does not carry over
    window = build_window(store, workspace, app, language=language)
    theme.apply(app, dark=dark)
    window.resize(*SIZE)
    window.show()
    window.start()
    settle(app)
    window.inbox_pane.table.selectRow(2)
    settle(app, 1.0)
    target = OUT / f"{name}.png"
    if dialog is None:
        window.grab().save(str(target))
    else:
        shown = dialog(window)
        shown.show()
        settle(app, 0.5)
        picture = window.grab()
        from PySide6.QtGui import QPainter

        painter = QPainter(picture)
        x = (picture.width() - shown.width()) // 2
        painter.drawPixmap(x, 90, shown.grab())
        painter.end()
        picture.save(str(target))
        shown.close()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return target


class _ShowKeyring(KeyringBackend):
    """Holds nothing, and says it works: the screenshot needs no OS keyring."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


def accounts(window: MainWindow) -> QDialog:
    book = AccountBook(window.store)
    now = datetime.now(UTC)
    x = book.add(
        Network.X,
        "@NimbusCare",
        AccountSettings(auth="oauth2", keywords=["Nimbus", "AeroMesh"], credits_per_request=0.005),
    )
    book.set_state(x, "ok", "connected as @NimbusCare", synced_at=now)
    book.record_usage(x, 212, 1.06, now)
    reddit = book.add(
        Network.REDDIT,
        "u/NimbusHome_Support",
        AccountSettings(
            auth="refresh_token",
            poll_seconds=120,
            daily_budget=5000,
            keywords=["Nimbus"],
            subreddits=["HomeNetworking"],
        ),
    )
    until = (now + timedelta(minutes=4)).strftime("%H:%M")
    book.set_state(
        reddit,
        "rate_limited",
        f"Reddit rate limit for reading the inbox: waiting until {until} UTC",
    )
    book.record_usage(reddit, 1480, 0.0, now)
    return AccountsDialog(book, SecretStore(_ShowKeyring()), window)


def palette(window: MainWindow) -> QDialog:
    return CommandPalette(window.registry, window)


def shortcuts(window: MainWindow) -> QDialog:
    return ShortcutsDialog(window.registry, window)


def render() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="socialdesk-shots-") as tmp:
        if cli_main(["--data-dir", tmp, "demo"]) != 0:
            raise SystemExit("could not build the demo workspace")
        store = Store.open(f"sqlite:///{Path(tmp) / 'socialdesk.db'}")
        try:
            return [
                shoot(app, store, tmp, "main"),
                shoot(app, store, tmp, "palette", dialog=lambda w: CommandPalette(w.registry, w)),
                shoot(
                    app, store, tmp, "shortcuts", dialog=lambda w: ShortcutsDialog(w.registry, w)
                ),
                shoot(app, store, tmp, "dark", dark=True),
                shoot(app, store, tmp, "turkish", language="tr"),
                # Last: it connects the demo accounts, which the others would then poll.
                shoot(app, store, tmp, "accounts", language="en", dialog=accounts),
            ]
        finally:
            store.close()


if __name__ == "__main__":
    for path in render():
        print(path)
