"""The desktop app's entry: the composition root for the window.

Builds the language, palette and settings, hands the store to ``MainWindow`` and
runs the event loop. The core reaches this through the ``socialdesk.gui`` entry
point, never by import.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from socialdesk import __version__
from socialdesk.config import Workspace
from socialdesk.store import Store
from ui import theme
from ui.i18n import apply_locale, choose_language, install_translator
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.tasks import wait_for_background


def display_problem() -> str | None:
    """Why no window could open here, or None. Qt itself would abort the process with a
    core dump and a screenful of text; on Linux the usual cases can be seen first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if Path(wayland).is_absolute() or (Path(runtime) / wayland).exists():
            return None
    display = os.environ.get("DISPLAY")
    if not display:
        if wayland:
            return f"the Wayland display {wayland!r} is not running and DISPLAY is not set"
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    host, _, rest = display.partition(":")
    number = rest.split(".")[0]
    # A local X server listens on /tmp/.X11-unix/X<n>; remote or odd forms are left to Qt.
    socket = Path(f"/tmp/.X11-unix/X{number}")  # noqa: S108 - the X server's own path
    if host in ("", "unix") and number.isdigit() and not socket.exists():
        return f"no X server is running on display {display}"
    return None


def language_from(argv: list[str]) -> str | None:
    for number, arg in enumerate(argv):
        if arg == "--lang" and number + 1 < len(argv):
            return argv[number + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def agent_name() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def build_window(
    store: Store, workspace: Workspace, app: QApplication, *, language: str | None = None
) -> MainWindow:
    """The window on a workspace, its language and palette applied (not yet shown)."""
    app.setApplicationName("SocialDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    theme.apply(app)
    theme.follow_system(app)
    chosen = choose_language(language)
    translator = install_translator(app, chosen)
    apply_locale(chosen)
    settings = QSettings(str(workspace.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        store,
        workspace.where,
        agent=agent_name(),
        settings=settings,
        data_dir=workspace.data_dir,
    )
    window.translator = translator  # kept alive with the window
    return window


def run(*, store: Store, workspace: Workspace, argv: list[str]) -> int:
    problem = display_problem()
    if problem:
        print(
            f"socialdesk: error: no display to open the window on ({problem}); run it in "
            "a desktop session, or use the commands (socialdesk --help)",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    window = build_window(store, workspace, app, language=language_from(argv))
    window.show()
    window.start()
    code = int(app.exec())
    # The store closes after this returns: let background reads finish first.
    wait_for_background()
    return code
