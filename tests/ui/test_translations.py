"""Every string the app shows is translatable, and the Turkish translation is complete."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from ui.i18n import choose_language, install_translator, remove_translators

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "socialdesk_tr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def test_turkish_loads_and_translates(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = install_translator(qapp, "tr")
    assert translator is not None
    try:
        assert QCoreApplication.translate("Nav", "Needs reply") == "Yanıt bekleyenler"
        # Qt's own buttons and key names too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "İptal"
        assert QCoreApplication.translate("InboxTableModel", "{0} left").format("3 min") == (
            "3 min kaldı"
        )
    finally:
        remove_translators(qapp)
    assert QCoreApplication.translate("Nav", "Needs reply") == "Needs reply"
    assert install_translator(qapp, "en") is None


def test_durations_and_dates_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from ui.i18n import apply_locale
    from ui.labels import duration_label, time_label

    at = datetime(2026, 11, 23, 10, 47, tzinfo=UTC)
    translator = install_translator(qapp, "tr")
    try:
        apply_locale("tr")
        assert duration_label(4.5 * 3600) == "4,5 sa"
        assert duration_label(22 * 60) == "22 dk"
        assert duration_label(3 * 86400) == "3,0 g"
        assert "Kas" in time_label(at)  # Kasım, November
    finally:
        if translator is not None:
            remove_translators(qapp)
        QLocale.setDefault(QLocale("en_US"))
    assert duration_label(4.5 * 3600) == "4.5 h"
    assert "Nov" in time_label(at)


def test_the_language_comes_from_lang_then_the_system(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert choose_language("tr") == "tr"
    assert choose_language("tr_TR") == "tr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("tr_TR")))
    assert choose_language(None) == "tr"
    assert choose_language("de") == "tr"  # no German: the system's Turkish
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert choose_language(None) == "en"


@pytest.mark.skipif(
    not (BIN / "pyside6-lupdate").exists(), reason="needs PySide6's lupdate in the environment"
)
def test_the_turkish_catalogue_covers_every_string_and_is_compiled(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, sorted((ROOT / "ui").glob("*.py"))),
         "-no-obsolete", "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    messages = ET.parse(fresh).getroot().iter("message")
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == [], "run scripts/translations and translate these"
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert compiled.read_bytes() == QM.read_bytes(), "the .qm is stale: run scripts/translations"
