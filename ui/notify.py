"""Desktop notifications for new high-priority public complaints and imminent breaches,
through the system tray where the desktop has one. Each agent can switch them off
(Settings menu); the choice is kept with the window's settings."""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from socialdesk.alerts import Alert
from socialdesk.text import one_line
from ui.icons import app_icon
from ui.labels import duration_label


def describe(alert: Alert) -> tuple[str, str]:
    if alert.kind == "breach":
        left = duration_label(alert.seconds_left or 0)
        title = QCoreApplication.translate("Notify", "Due in {0}: {1}").format(
            left, one_line(alert.author, 40)
        )
    else:
        title = QCoreApplication.translate("Notify", "Public complaint from {0}").format(
            one_line(alert.author, 40)
        )
    return title, one_line(alert.text, 160)


def for_server(body: str) -> str:
    """A notification body as the desktop's notification server should get it. On Linux
    Qt hands it over D-Bus unchanged and servers that support body markup (GNOME, KDE,
    dunst) would render a customer's <b>, <a> or <img>: escaped, it shows as typed."""
    return html.escape(body, quote=False) if sys.platform.startswith("linux") else body


class TrayNotifier(QObject):
    notified = Signal(str, str)  # title, text: emitted whether or not a tray exists

    def __init__(self, parent: QWidget, *, enabled: bool) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), parent)
            self.tray.setToolTip("SocialDesk")
            self.tray.show()

    def announce(self, alerts: list[Alert]) -> None:
        if not self.enabled:
            return
        for alert in alerts:
            title, text = describe(alert)
            if self.tray is not None and QSystemTrayIcon.supportsMessages():
                self.tray.showMessage(
                    title, for_server(text), QSystemTrayIcon.MessageIcon.Information, 8000
                )
            self.notified.emit(title, text)
