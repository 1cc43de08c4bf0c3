"""Languages: every string the app shows goes through Qt's translation system.

English is the source language; ``resources/translations/socialdesk_<lang>.qm``
holds each translation (Turkish ships beside English). The language is the one
``--lang`` names, else the system's.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

AVAILABLE = ("en", "tr")


def choose_language(requested: str | None) -> str:
    """``requested`` if we have it, else the system locale's language if we have it,
    else English."""
    for candidate in (requested, QLocale.system().name()):
        if candidate:
            language = candidate.replace("-", "_").split("_")[0].lower()
            if language in AVAILABLE:
                return language
    return "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Loads and installs the translation; None for English (the source strings).
    Qt's own strings (OK, Cancel, key names, the file dialog) come from the
    ``qtbase`` catalogue PySide6 ships, when it has the language."""
    if language == "en":
        return None
    translator = QTranslator(app)
    resource = files("socialdesk_resources").joinpath(f"translations/socialdesk_{language}.qm")
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    # Qt's own words follow, in the same language or not at all.
    qt_own = QTranslator(app)
    qt_own.setObjectName("qtbase")
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
    return translator


def apply_locale(language: str) -> None:
    """Numbers, dates and month names follow the chosen language: the system's own
    conventions when it speaks that language, else the language's defaults."""
    system = QLocale.system()
    if system.name().split("_")[0].lower() == language:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(language))


def remove_translators(app: QCoreApplication) -> None:
    """Back to English: every translator this module installed."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
