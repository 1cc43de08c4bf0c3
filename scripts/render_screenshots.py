"""Render the app's screens offscreen on a fresh demo workspace to docs/screenshots/.

.venv/bin/python scripts/render_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from socialdesk.cli import main as cli_main
from socialdesk.inbox import Inbox
from socialdesk.store import Store
from ui.app import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def render() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="socialdesk-shots-") as tmp:
        if cli_main(["--data-dir", tmp, "demo"]) != 0:
            raise SystemExit("could not build the demo workspace")
        store = Store.open(f"sqlite:///{Path(tmp) / 'socialdesk.db'}")
        try:
            window = MainWindow(Inbox(store), "demo workspace")
            window.resize(1280, 760)
            window.show()
            app.processEvents()
            target = OUT / "main.png"
            window.grab().save(str(target))
            window.close()
        finally:
            store.close()
    return [target]


if __name__ == "__main__":
    for path in render():
        print(path)
