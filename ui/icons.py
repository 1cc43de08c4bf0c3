"""Icons drawn at run time: a network's badge and the app's own. Nothing to ship or
license, and they stay sharp at any size."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

_NETWORKS = {"x": ("#111111", "X"), "reddit": ("#ff4500", "R")}


def _badge(background: str, letter: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(background))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return pixmap


def network_icon(network: str) -> QIcon:
    background, letter = _NETWORKS.get(network, ("#546e7a", network[:1].upper() or "?"))
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_badge(background, letter, size))
    return icon


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64, 128):
        icon.addPixmap(_badge("#2f65ca", "S", size))
    return icon
