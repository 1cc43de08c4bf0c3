"""Light and dark palettes that follow the system, and the colours that carry meaning.

Qt's Fusion style draws the same on every desktop; the palette follows the
system's colour scheme as it changes. Meaning never rests on colour alone: the
priority badge shows its number and the waiting cell its time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Priority bands: urgent, high, normal, low.
BANDS = ((70, "#c62828"), (45, "#ef6c00"), (20, "#1565c0"), (0, "#607d8b"))
# Waiting against the target: on time, close, late.
ON_TIME, CLOSE, LATE = "#2e7d32", "#f9a825", "#c62828"


def band_colour(priority: int) -> QColor:
    for floor, colour in BANDS:
        if priority >= floor:
            return QColor(colour)
    return QColor(BANDS[-1][1])


def waiting_colour(fraction_of_target: float) -> QColor:
    """Green well inside the target, amber in its last quarter, red past it."""
    if fraction_of_target >= 1.0:
        return QColor(LATE)
    if fraction_of_target >= 0.75:
        return QColor(CLOSE)
    return QColor(ON_TIME)


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    base, text, window = QColor("#1e1f22"), QColor("#e6e6e6"), QColor("#2b2d30")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26282b")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8c8f94")),
        (QPalette.ColorRole.Highlight, QColor("#2f65ca")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#6ea8fe")),
    ):
        palette.setColor(role, colour)
    return palette


def apply(app: QApplication, *, dark: bool | None = None) -> bool:
    """Fusion with the palette for the scheme (the system's unless ``dark`` is given).
    Returns whether the dark palette is in use."""
    app.setStyle("Fusion")
    use_dark = is_dark() if dark is None else dark
    app.setPalette(dark_palette() if use_dark else app.style().standardPalette())
    return use_dark


def follow_system(app: QApplication) -> None:
    """Switch palettes when the system's colour scheme changes."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
