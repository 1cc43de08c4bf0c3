"""Render the app's main screens offscreen on a fresh demo workspace to docs/screenshots/.

.venv/bin/python scripts/render_screenshots.py [NAME ...]

main.png is the inbox with a conversation open; composer.png the same with a suggestion
in the reply box and its checks; palette.png the command palette;
shortcuts.png the shortcut list; dark.png the same window in the dark palette;
turkish.png the window in Turkish; accounts.png Settings > Accounts with the demo's two
accounts shown as connected (an in-memory keyring: nothing is polled); wallboard.png the
supervisor wallboard at 16:45 on a demo day. Name shots (``wallboard``) to render only
those.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta

from keyring.backend import KeyringBackend
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from socialdesk.accounts import AccountBook, AccountSettings
from socialdesk.cli import main as cli_main
from socialdesk.config import resolve_workspace
from socialdesk.demo import generate_demo
from socialdesk.demo_history import add_demo_history
from socialdesk.domain import Network
from socialdesk.ingest import Ingestor
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from socialdesk.triage import TriageScorer
from ui import theme
from ui.accounts import AccountsDialog
from ui.actions import CommandPalette, ShortcutsDialog
from ui.app import build_window
from ui.composer import composer_keys
from ui.i18n import apply_locale, remove_translators
from ui.main_window import MainWindow
from ui.wallboard import WallboardWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1500, 860)
# The wallboard shows today: a demo of its own that ends on a fixed Friday afternoon gives
# it a working day behind it whatever the hour the shot is rendered at.
WALLBOARD_NOW = datetime(2026, 11, 20, 16, 45, tzinfo=UTC)
WALLBOARD_SIZE = (1500, 920)


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
    then: Callable[[MainWindow], None] | None = None,
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
    if then is not None:
        then(window)
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
    return ShortcutsDialog(window.registry, window, composer_keys())


def replying(window: MainWindow) -> None:
    """The first suggestion in the reply box, with the checks run on it."""
    window.conversation.use_draft(0)
    window.conversation_pane.composer.setFocus()
    window.conversation.check_now()


def shoot_wallboard(app: QApplication) -> Path:
    """The wallboard on its own demo day, its clock running from ``WALLBOARD_NOW``."""
    remove_translators(app)
    apply_locale("en")
    theme.apply(app, dark=False)
    target = OUT / "wallboard.png"
    with tempfile.TemporaryDirectory(prefix="socialdesk-wallboard-") as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'socialdesk.db'}")
        try:
            scorer = TriageScorer()
            try:
                Ingestor(store, scorer).ingest(generate_demo(now=WALLBOARD_NOW))
            finally:
                scorer.close()
            add_demo_history(store, WALLBOARD_NOW)
            started = time.monotonic()
            board = WallboardWindow(
                store,
                clock=lambda: WALLBOARD_NOW + timedelta(seconds=time.monotonic() - started),
            )
            board.resize(*WALLBOARD_SIZE)
            board.show()
            end = time.monotonic() + 30
            while board.snapshot is None and time.monotonic() < end:
                settle(app, 0.1)
            settle(app, 1.0)
            board.grab().save(str(target))
            board.close()
            QThreadPool.globalInstance().waitForDone(10_000)
        finally:
            store.close()
    return target


def render(only: Sequence[str] = ()) -> list[Path]:
    """Every shot, or only those named."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    wanted = set(only)
    shots: list[Path] = []
    if not wanted or wanted - {"wallboard"}:
        with tempfile.TemporaryDirectory(prefix="socialdesk-shots-") as tmp:
            if cli_main(["--data-dir", tmp, "demo"]) != 0:
                raise SystemExit("could not build the demo workspace")
            store = Store.open(f"sqlite:///{Path(tmp) / 'socialdesk.db'}")
            try:
                taken: list[tuple[str, Callable[[], Path]]] = [
                    ("main", lambda: shoot(app, store, tmp, "main")),
                    (
                        "palette",
                        lambda: shoot(
                            app,
                            store,
                            tmp,
                            "palette",
                            dialog=lambda w: CommandPalette(w.registry, w),
                        ),
                    ),
                    (
                        "shortcuts",
                        lambda: shoot(
                            app,
                            store,
                            tmp,
                            "shortcuts",
                            dialog=shortcuts,
                        ),
                    ),
                    ("composer", lambda: shoot(app, store, tmp, "composer", then=replying)),
                    ("dark", lambda: shoot(app, store, tmp, "dark", dark=True)),
                    ("turkish", lambda: shoot(app, store, tmp, "turkish", language="tr")),
                    # Last: it connects the demo accounts, which the others would then poll.
                    (
                        "accounts",
                        lambda: shoot(app, store, tmp, "accounts", language="en", dialog=accounts),
                    ),
                ]
                shots += [take() for name, take in taken if not wanted or name in wanted]
            finally:
                store.close()
    if not wanted or "wallboard" in wanted:
        shots.append(shoot_wallboard(app))
    return shots


if __name__ == "__main__":
    for path in render(sys.argv[1:]):
        print(path)
