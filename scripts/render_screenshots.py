"""Render the app's main screens offscreen on a fresh demo workspace to docs/screenshots/.

.venv/bin/python scripts/render_screenshots.py

main.png is the inbox with a conversation open; palette.png the command palette;
shortcuts.png the shortcut list; dark.png the same window in the dark palette;
turkish.png the window in Turkish.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from socialdesk.cli import main as cli_main
from socialdesk.config import resolve_workspace
from socialdesk.store import Store
from ui import theme
from ui.actions import CommandPalette, ShortcutsDialog
from ui.app import build_window
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
            ]
        finally:
            store.close()


if __name__ == "__main__":
    for path in render():
        print(path)
