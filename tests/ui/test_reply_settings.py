"""Settings > Brand voice, Snippets and templates, and AI drafts (issue #7) on a real
store: the real widgets, the core's real books, an in-memory keyring, and a stub
OpenAI-compatible server on 127.0.0.1 for the connection test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy import select

from socialdesk.accounts import AccountBook, AccountSettings
from socialdesk.acknowledge import Acknowledger, AckSettings
from socialdesk.ai import AiSettings, AiSettingsBook
from socialdesk.domain import Network
from socialdesk.library import Library, shipped_templates
from socialdesk.models import WorkspaceSetting
from socialdesk.playbooks import PlaybookBook, shipped
from socialdesk.policies import PolicyBook
from socialdesk.secrets import SecretStore
from socialdesk.store import Store
from socialdesk.voice import VoiceBook, default_voice
from ui.ai_dialog import AiDialog, open_ai
from ui.library_dialog import LibraryDialog, open_library
from ui.main_window import MainWindow
from ui.tasks import run_task
from ui.voice_dialog import VoiceDialog, open_voice

from ..connectors.conftest import MemoryKeyring
from ..connectors.test_ai_chat import MODEL, Answer, Stub

KEY = "sk-live-7f3a9c21e0"
HOSTILE = "<b>Refund</b> <img src=x>"


def inline(fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
    """The pool's work, run at once: as ``run_task`` would, failures to ``failed``."""
    try:
        result = fn()
    except Exception as exc:
        failed(exc)
    else:
        done(result)


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question nobody answers would block the test: unless a test answers them, No."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No)
    )


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question answered Yes; what was asked is kept."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def account(store: Store) -> int:
    AccountBook(store).add(Network.X, "@NimbusCare", AccountSettings(auth="oauth2"))
    AccountBook(store).add(Network.REDDIT, "u/NimbusHelp", AccountSettings(auth="refresh_token"))
    return next(id_ for id_, network, _ in PolicyBook(store).accounts() if network == "x")


@pytest.fixture
def server() -> Iterator[Stub]:
    with Stub.running() as stub:
        yield stub


def library_dialog(qtbot, store: Store, runner=inline) -> LibraryDialog:  # type: ignore[no-untyped-def]
    dialog = open_library(None, store, runner=runner)
    qtbot.addWidget(dialog)
    return dialog


def voice_dialog(qtbot, store: Store) -> VoiceDialog:  # type: ignore[no-untyped-def]
    dialog = open_voice(None, store, runner=inline)
    qtbot.addWidget(dialog)
    return dialog


def ai_dialog(qtbot, store: Store, secrets: SecretStore, runner=inline) -> AiDialog:  # type: ignore[no-untyped-def]
    dialog = open_ai(None, store, secrets, runner=runner)
    qtbot.addWidget(dialog)
    return dialog


def retype(qtbot, edit: QLineEdit | QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def stored_settings(store: Store) -> dict[str, str]:
    with store.connect() as conn:
        return dict(conn.execute(select(WorkspaceSetting.key, WorkspaceSetting.value)).all())


def unnamed(dialog: QDialog) -> list[str]:
    """Interactive widgets without an accessible name (as the main window's test)."""
    return [
        f"{type(w).__name__} {w.objectName()}"
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and type(w).__name__ not in ("QScrollBar", "QSplitterHandle")
        and not type(w.parent()).__name__.startswith(("QAbstractScrollArea", "QTabBar"))
        and type(w).__name__ != "QWidget"
    ]


# -- snippets and templates ---------------------------------------------------------------------


def test_search_filters_as_you_type_as_the_library_searches(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    everything = [t.name for t in Library(store).all()]
    assert page.names() == everything and len(everything) == len(shipped_templates())
    qtbot.keyClicks(page.search, "refund")
    assert page.names() == [t.name for t in Library(store).search("refund")]
    assert page.names()[0] == "Refund issued"  # its shortcode ranks it first
    assert len(page.names()) < len(everything)
    assert page.count.text() == f"{len(page.names())} of {len(everything)} shown"
    qtbot.keyClicks(page.search, " nothingmatchesthis")
    assert page.names() == []
    page.search.clear()
    assert page.names() == everything


def test_edit_and_save_a_template(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    page.choose("Escalated")
    assert page.name.text() == "Escalated" and page.shortcode.text() == ";escalate"
    assert not page.restore_button.isEnabled()  # as shipped: nothing to restore
    retype(qtbot, page.text, "Passed to our [[team]] team, {first_name}.")
    page.topics.boxes["billing"].setChecked(True)
    assert page.dirty()
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = Library(store).get("Escalated")
    assert saved.text == "Passed to our [[team]] team, {first_name}."
    assert saved.topics == ("billing",)
    assert Library(store).origins()["Escalated"] == "edited"
    assert not page.dirty() and page.error.text() == ""
    row = page.list.currentItem()
    assert row is not None and row.text(0) == "Escalated" and row.text(3) == "edited"
    assert page.restore_button.isEnabled()
    assert "Saved 'Escalated'" in page.status.text()


def test_a_new_template_of_the_teams_own(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    page.new()
    qtbot.keyClicks(page.name, HOSTILE)
    page.kind.setCurrentIndex(page.kind.findData("snippet"))
    qtbot.keyClicks(page.shortcode, "gift")  # the ; is added
    qtbot.keyClicks(page.text, "Here is a [[amount]] voucher, {first_name}.")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.save()
    template = Library(store).get(HOSTILE)
    assert template.kind == "snippet" and template.shortcode == ";gift"
    assert Library(store).origins()[HOSTILE] == "custom"
    assert HOSTILE in page.names()
    row = page.list.currentItem()
    assert row is not None and row.text(3) == "own"
    # Shown as text, never as markup.
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_an_invalid_shortcode_is_explained_and_the_edits_stay(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    page.choose("Refund issued")
    before = Library(store).get("Refund issued")
    retype(qtbot, page.shortcode, ";re fund!")
    retype(qtbot, page.text, "Changed text that must not be lost")
    with qtbot.assertNotEmitted(dialog.saved):
        page.save()
    assert page.error.text().startswith("Not saved: shortcode:")
    assert "such as ;refund" in page.error.text()
    assert page.text.toPlainText() == "Changed text that must not be lost"
    assert page.shortcode.text() == ";re fund!" and page.dirty()
    assert Library(store).get("Refund issued") == before
    # A shortcode another snippet has: refused by the library itself, off the GUI thread.
    retype(qtbot, page.shortcode, ";sorry")
    with qtbot.assertNotEmitted(dialog.saved):
        page.save()
    assert "would belong to both" in page.error.text()
    assert "What you typed is kept" in page.error.text()
    assert page.text.toPlainText() == "Changed text that must not be lost"
    assert Library(store).get("Refund issued") == before
    # A token nobody fills.
    retype(qtbot, page.shortcode, ";refund")
    retype(qtbot, page.text, "Hi {frist_name}")
    page.save()
    assert "{frist_name} is not a token" in page.error.text()
    assert Library(store).get("Refund issued") == before


def test_switching_away_from_unsaved_edits_asks_first(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    page.choose("Apology")
    retype(qtbot, page.text, "Typed, not saved")
    asked: list[str] = []

    def no(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    page.choose("Tracking link")
    assert asked == ["Drop your unsaved changes to 'Apology'?"]
    assert page.name.text() == "Apology" and page.text.toPlainText() == "Typed, not saved"
    current = page.list.currentItem()
    assert current is not None and current.text(0) == "Apology"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    )
    page.choose("Tracking link")
    assert page.name.text() == "Tracking link" and not page.dirty()
    assert Library(store).get("Apology").text != "Typed, not saved"


def test_delete_and_restore_shipped(
    qtbot, store: Store, yes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    assert not page.restore_deleted_button.isEnabled()
    page.choose("Apology")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.delete()
    assert "Restore deleted brings it back" in yes[-1]
    assert "Apology" not in [t.name for t in Library(store).all()]
    assert "Apology" not in page.names() and page.name.text() == ""
    assert page.restore_deleted_button.isEnabled()
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "Apology", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.restore_deleted()
    assert offered == [["Apology"]]
    shipped_apology = next(t for t in shipped_templates() if t.name == "Apology")
    assert Library(store).get("Apology") == shipped_apology
    assert "Apology" in page.names() and page.name.text() == "Apology"
    assert not page.restore_deleted_button.isEnabled()
    # An edited one back as shipped.
    retype(qtbot, page.text, "Sorry!")
    page.save()
    assert Library(store).origins()["Apology"] == "edited"
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.restore()
    assert Library(store).get("Apology") == shipped_apology
    assert Library(store).origins()["Apology"] == "shipped"
    assert page.text.toPlainText() == shipped_apology.text


def test_export_then_import_round_trip(
    qtbot, store: Store, tmp_path: Path, yes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    library = Library(store)
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    page.new()
    qtbot.keyClicks(page.name, "Warranty")
    qtbot.keyClicks(page.text, "Your product is under warranty until [[date]].")
    page.save()
    exported = tmp_path / "library.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(exported), ""))
    )
    page.export_file()
    assert page.status.text() == f"Wrote {len(library.all())} templates to {exported}."
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "socialdesk-library"
    assert "Warranty" in [t["name"] for t in document["templates"]]
    # Changed after the export: one deleted, one edited.
    library.delete("Warranty")
    page.choose("Tracking link")
    retype(qtbot, page.text, "Edited after the export")
    page.save()
    page.refresh()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(exported), ""))
    )
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.import_file()
    total = len(document["templates"])
    assert page.status.text() == (f"library.json: 1 added, 1 updated, {total - 2} unchanged.")
    assert library.get("Warranty").text == "Your product is under warranty until [[date]]."
    assert library.get("Tracking link") == next(
        t for t in shipped_templates() if t.name == "Tracking link"
    )
    assert page.text.toPlainText() != "Edited after the export"  # the form shows the import
    assert "Warranty" in page.names()
    # Replacing: the library becomes exactly the file.
    only = tmp_path / "only.json"
    only.write_text(
        json.dumps(
            {"format": "socialdesk-library", "version": 1,
             "templates": [{"name": "Only one", "text": "Hello {first_name}"}]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(only), "")))
    page.replace.setChecked(True)
    page.import_file()
    assert "Templates not in the file are deleted" in yes[-1]
    assert page.status.text() == f"only.json: 1 added, 0 updated, 0 unchanged, {total} removed."
    assert [t.name for t in library.all()] == ["Only one"]
    assert page.names() == ["Only one"]


def test_a_bad_import_changes_nothing_and_says_why(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = Library(store).export_json()
    dialog = library_dialog(qtbot, store)
    page = dialog.templates
    cases = {
        "broken.json": ('{"format": "socialdesk-library", "templates": [', "broken.json is not"),
        "dupes.json": (
            json.dumps({"format": "socialdesk-library", "version": 1, "templates": [
                {"name": "A", "text": "x", "shortcode": ";same"},
                {"name": "B", "text": "y", "shortcode": ";same"}]}),
            "dupes.json: template 2 ('B'): shortcode: ;same is also template 1's",
        ),
        "latin1.json": (None, "latin1.json is not UTF-8 text."),
    }  # fmt: skip
    for name, (text, says) in cases.items():
        path = tmp_path / name
        if text is None:
            path.write_bytes(b'{"name": "caf\xe9"}')
        else:
            path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, p=path: (str(p), ""))
        )
        with qtbot.assertNotEmitted(dialog.saved):
            page.import_file()
        assert page.status.text().startswith("Nothing was imported: "), page.status.text()
        assert says in page.status.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(tmp_path / "gone.json"), ""))
    )
    page.import_file()
    assert page.status.text().startswith("Nothing was imported: gone.json: No such file")
    assert Library(store).export_json() == before


def test_the_library_with_the_real_pool(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store, runner=run_task)
    page = dialog.templates
    qtbot.waitUntil(lambda: len(page.names()) == len(shipped_templates()), timeout=10_000)
    qtbot.keyClicks(page.search, ";thanks")
    qtbot.waitUntil(lambda: page.names() == ["Thanks for telling us"], timeout=10_000)
    page.choose("Thanks for telling us")
    retype(qtbot, page.text, "Thanks a lot for telling us, {first_name}!")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        page.save()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert Library(store).get("Thanks for telling us").text == (
        "Thanks a lot for telling us, {first_name}!"
    )
    QThreadPool.globalInstance().waitForDone(10_000)


# -- playbooks ----------------------------------------------------------------------------------


def test_playbook_edit_save_and_reset(qtbot, store: Store, yes: list[str]) -> None:  # type: ignore[no-untyped-def]
    dialog = library_dialog(qtbot, store)
    page = dialog.playbooks
    dialog.tabs.setCurrentWidget(page)
    assert page.names() == [p.name for p in shipped()]
    page.choose("outage")
    assert page.title.text() == "Service outage"
    retype(qtbot, page.title, "Outage: the service is down")
    page.steps.setPlainText(page.steps.toPlainText() + "\n\nThank them for their patience\n")
    page.angry.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.save()
    stored = PlaybookBook(store).get("outage")
    assert stored is not None and stored.title == "Outage: the service is down"
    assert stored.steps[-1] == "Thank them for their patience" and stored.angry
    assert page.origin("outage") == "edited"
    # Refused: nothing written, the edits stay.
    page.steps.setPlainText("")
    with qtbot.assertNotEmitted(dialog.saved):
        page.save()
    assert "a playbook needs at least one step" in page.error.text()
    assert PlaybookBook(store).get("outage") == stored
    assert page.title.text() == "Outage: the service is down"
    # A playbook of the team's own.
    page.steps.setPlainText(stored.steps[0])
    page.save()
    page.new()
    qtbot.keyClicks(page.name, "recall")
    qtbot.keyClicks(page.title, "Product recall")
    page.summary.setPlainText("A product is recalled.")
    page.steps.setPlainText("Link the recall notice\nOffer the replacement")
    page.topics.boxes["product_defect"].setChecked(True)
    page.save()
    own = PlaybookBook(store).get("recall")
    assert own is not None and own.steps == ("Link the recall notice", "Offer the replacement")
    assert page.origin("recall") == "custom"
    # Back to ours.
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.reset()
    assert "edits, additions and deletions are lost" in yes[-1]
    assert PlaybookBook(store).all() == list(shipped())
    assert page.names() == [p.name for p in shipped()]


def test_playbooks_export_and_import(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    book = PlaybookBook(store)
    dialog = library_dialog(qtbot, store)
    page = dialog.playbooks
    page.choose("praise")
    retype(qtbot, page.title, "Praise and thanks")
    page.save()
    exported = tmp_path / "playbooks.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(exported), ""))
    )
    page.export_file()
    assert page.status.text() == f"Wrote {len(shipped())} playbooks to {exported}."
    book.reset()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(exported), ""))
    )
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        page.import_file()
    assert page.status.text() == f"playbooks.json: {len(shipped())} playbooks imported."
    praise = book.get("praise")
    assert praise is not None and praise.title == "Praise and thanks"


# -- brand voice --------------------------------------------------------------------------------


def test_voice_per_account_saved_and_reset(
    qtbot, store: Store, account: int, yes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    book = VoiceBook(store)
    dialog = voice_dialog(qtbot, store)
    assert dialog.account.count() == 3  # the workspace and two accounts
    assert dialog.persona.toPlainText() == default_voice().persona
    assert not dialog.ack_box.isVisibleTo(dialog)  # the workspace has no acknowledgement
    dialog.choose(account)
    assert "shipped default" in dialog.source.text()
    assert dialog.ack_box.isVisibleTo(dialog) and not dialog.reset_button.isEnabled()
    retype(qtbot, dialog.brand, "Nimbus")
    retype(qtbot, dialog.persona, "Brisk and kind.")
    dialog.formality.setCurrentIndex(dialog.formality.findData("casual"))
    dialog.emoji.setCurrentIndex(dialog.emoji.findData("none"))
    dialog.greetings.setPlainText("Hey {first_name}!\n\n  Hello!  \n")
    retype(qtbot, dialog.sign_off, "-{agent_name}")
    dialog.avoid.setPlainText("sadly\nper policy")
    dialog.public_details.setPlainText("help@nimbus.example")
    dialog.limits["x"].setValue(200)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    voice, source = book.resolve(account)
    assert source == "account"
    assert (voice.brand, voice.persona, voice.formality, voice.emoji) == (
        "Nimbus", "Brisk and kind.", "casual", "none",
    )  # fmt: skip
    assert voice.greetings == ("Hey {first_name}!", "Hello!")
    assert voice.sign_off == "-{agent_name}" and voice.avoid == ("sadly", "per policy")
    assert voice.public_details == ("help@nimbus.example",) and voice.limits["x"] == 200
    assert book.resolve(None)[1] == "shipped"  # the workspace default is untouched
    assert "has a voice of its own" in dialog.source.text()
    assert dialog.reset_button.isEnabled() and not dialog.dirty()
    # Refused: a misspelt token; nothing changes, the form keeps it.
    dialog.thanks.setPlainText("Thanks {frist_name}")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save()
    assert "thanks 1 uses {frist_name}, which is not a token" in dialog.error.text()
    assert dialog.thanks.toPlainText() == "Thanks {frist_name}"
    assert book.get(account) == voice
    dialog.thanks.setPlainText("Thanks!")
    dialog.save()
    # Reset: back to the (shipped) default.
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.reset()
    assert "workspace default" in yes[-1]
    assert book.resolve(account) == (default_voice(), "shipped")
    assert dialog.persona.toPlainText() == default_voice().persona
    assert not dialog.reset_button.isEnabled()


def test_the_workspace_default_speaks_for_accounts_without_their_own(
    qtbot, store: Store, account: int, yes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = voice_dialog(qtbot, store)
    retype(qtbot, dialog.persona, "Calm and precise.")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save()
    assert VoiceBook(store).resolve(None)[1] == "workspace"
    assert VoiceBook(store).resolve(account) == (VoiceBook(store).get(None), "workspace")
    dialog.choose(account)
    assert dialog.persona.toPlainText() == "Calm and precise."
    assert "workspace default" in dialog.source.text()
    # Nothing changed: nothing is written (the account keeps following the default).
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save()
    assert VoiceBook(store).customised() == {None}
    dialog.choose(None)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.reset()
    assert VoiceBook(store).resolve(None)[1] == "shipped"


def test_out_of_hours_acknowledgement_persists(qtbot, store: Store, account: int) -> None:  # type: ignore[no-untyped-def]
    dialog = voice_dialog(qtbot, store)
    dialog.choose(account)
    assert not dialog.ack_enabled.isChecked() and dialog.per_hour.value() == 30
    dialog.ack_enabled.click()
    dialog.per_hour.setValue(12)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save()
    assert Acknowledger(store).settings(account) == AckSettings(enabled=True, per_hour=12)
    assert VoiceBook(store).customised() == set()  # only the acknowledgement was written
    again = voice_dialog(qtbot, store)
    again.choose(account)
    assert again.ack_enabled.isChecked() and again.per_hour.value() == 12
    again.ack_enabled.setChecked(False)
    again.save()
    assert Acknowledger(store).settings(account) == AckSettings(enabled=False, per_hour=12)


# -- AI drafts ----------------------------------------------------------------------------------


def test_ai_settings_save_and_the_key_goes_only_to_the_keyring(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    memory = MemoryKeyring()
    dialog = ai_dialog(qtbot, store, SecretStore(memory))
    assert not dialog.enabled.isChecked()  # off until someone turns it on
    assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
    dialog.enabled.click()
    qtbot.keyClicks(dialog.url, "https://api.example.com/v1/")
    qtbot.keyClicks(dialog.model, "gpt-4o-mini")
    dialog.drafts.setValue(3)
    qtbot.keyClicks(dialog.key, KEY)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert AiSettingsBook(store).get() == AiSettings(
        enabled=True, url="https://api.example.com/v1", model="gpt-4o-mini", max_drafts=3
    )
    assert memory.saved == {("socialdesk", "ai:https://api.example.com:api_key"): KEY}
    assert not any(KEY in value for value in stored_settings(store).values())
    assert dialog.key.text() == ""  # never shown back
    assert "A key is saved for https://api.example.com" in dialog.key_state.text()
    assert dialog.status.text() == "Saved. AI drafts are on."
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QLineEdit)]
    assert not any(KEY in text for text in texts)
    # Opened again: the key's state, never the key.
    again = ai_dialog(qtbot, store, SecretStore(memory))
    assert again.key.text() == "" and again.url.text() == "https://api.example.com/v1"
    assert "A key is saved for https://api.example.com" in again.key_state.text()
    assert again.forget_button.isEnabled()
    with qtbot.waitSignal(again.saved, timeout=5_000):
        again.forget_key()
    assert memory.saved == {}
    assert "No key is saved for https://api.example.com" in again.key_state.text()
    # Pointed elsewhere, a key set for one server is not sent to another.
    with qtbot.waitSignal(again.saved, timeout=5_000):
        qtbot.keyClicks(again.key, KEY)
        again.save()
    retype(qtbot, again.url, "https://other.example.net/v1")
    assert again.key_state.text() == (
        "The key saved for https://api.example.com is not sent to https://other.example.net: "
        "type one here if it needs one."
    )
    assert not again.forget_button.isEnabled()
    again.url.editingFinished.emit()  # the field is left: the keyring is asked about this one
    assert again.key_state.text() == (
        "No key is saved for https://other.example.net (a server on this computer needs none)."
    )


def test_ai_drafts_on_need_a_url_and_a_model(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = ai_dialog(qtbot, store, SecretStore(MemoryKeyring()))
    dialog.enabled.setChecked(True)
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save()
    assert dialog.error.text() == (
        "Not saved: AI drafts need the endpoint's URL and a model first."
    )
    qtbot.keyClicks(dialog.url, "https://user:pw@api.example.com/v1")
    qtbot.keyClicks(dialog.model, "m")
    dialog.save()
    assert "holds a user name or password" in dialog.error.text()
    assert "pw" not in dialog.error.text()
    assert "ai" not in stored_settings(store)


def test_without_a_keyring_the_key_is_not_saved_and_the_dialog_says_why(
    qtbot, store: Store
) -> None:  # type: ignore[no-untyped-def]
    dialog = ai_dialog(qtbot, store, SecretStore(NoKeyring()))
    assert dialog.key_state.text().startswith(
        "No key can be saved on this computer: no OS keyring is available to keep secrets"
    )
    qtbot.keyClicks(dialog.url, "https://api.example.com/v1")
    qtbot.keyClicks(dialog.model, "gpt-4o-mini")
    qtbot.keyClicks(dialog.key, KEY)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save()
    assert dialog.error.text().startswith(
        "The settings are saved, but the key is not: no OS keyring is available to keep "
        "secrets: install and unlock a Secret Service provider"
    )
    assert KEY not in dialog.error.text()
    assert dialog.error.text().endswith("Type the key again once the keyring works.")
    # The other settings went in; the key went nowhere, and left its field.
    assert AiSettingsBook(store).get().model == "gpt-4o-mini"
    assert dialog.key.text() == "" and dialog.url.text() == "https://api.example.com/v1"
    assert not any(KEY in value for value in stored_settings(store).values())


def test_plain_http_to_another_computer_is_warned_about(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = ai_dialog(qtbot, store, SecretStore(MemoryKeyring()))
    qtbot.keyClicks(dialog.url, "http://192.168.1.20:11434/v1")
    assert dialog.warning.text().startswith(
        "Warning: http://192.168.1.20:11434 is plain http to another computer."
    )
    assert (
        dialog.where.text() == "Each conversation drafted for is sent to http://192.168.1.20:11434."
    )
    retype(qtbot, dialog.url, "http://localhost:11434/v1")
    assert dialog.warning.text() == ""
    assert dialog.where.text() == "A server on this computer: conversations stay here."
    retype(qtbot, dialog.url, "https://api.example.com/v1")
    assert dialog.warning.text() == ""
    retype(qtbot, dialog.url, "ftp://example.com")
    assert "must be an http:// or https:// URL" in dialog.warning.text()


def test_test_connection_against_a_stub_server(qtbot, store: Store, server: Stub) -> None:  # type: ignore[no-untyped-def]
    memory = MemoryKeyring()
    dialog = ai_dialog(qtbot, store, SecretStore(memory), runner=run_task)
    qtbot.waitUntil(lambda: dialog._loaded is not None, timeout=10_000)
    qtbot.keyClicks(dialog.url, server.url)
    qtbot.keyClicks(dialog.model, MODEL)
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as result:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert result.args == [True]
    assert dialog.test_result.text() == f"OK: {server.url} answers as {MODEL}"
    assert server.seen[-1].body["model"] == MODEL
    assert "Authorization" not in server.seen[-1].headers  # no key for it
    assert stored_settings(store) == {}  # tested as typed: nothing was saved
    # A key typed (not saved yet) goes with the test, and nowhere else.
    qtbot.keyClicks(dialog.key, KEY)
    server.answer(Answer(401, {"error": {"message": "bad key {auth}"}}))
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as result:
        dialog.test()
    assert result.args == [False]
    assert server.seen[-1].headers["Authorization"] == f"Bearer {KEY}"
    assert dialog.test_result.text().startswith(f"No answer: the AI endpoint at {server.url}")
    assert "rejected the key (HTTP 401)" in dialog.test_result.text()
    assert KEY not in dialog.test_result.text()
    assert memory.saved == {}
    QThreadPool.globalInstance().waitForDone(10_000)


# -- in the window ------------------------------------------------------------------------------


def test_the_settings_menu_opens_each_dialog(
    qtbot, store: Store, tmp_path: Path, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(
        store,
        "test",
        agent="ann",
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        data_dir=tmp_path,
        sync_jobs=[],
        sync_interval_ms=60_000,
        secrets=SecretStore(MemoryKeyring()),
    )
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.conversation.secrets is window.secrets  # the composer's AI drafts
    settings = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Settings"
    )
    assert settings is not None
    titles = [a.text() for a in settings.actions() if a.text()]
    for title in ("Brand voice…", "Snippets and templates…", "AI drafts…"):
        assert title in titles
    names = [name for name, _title, _keys in window.registry.listing()]
    assert {"voice", "library", "ai_drafts"} <= set(names)
    changed: list[str] = []
    monkeypatch.setattr(window.conversation, "library_changed", lambda: changed.append("x"))

    # Opened from the menu, on the window's own pool; each save reaches the composer.
    window.registry.trigger("voice")
    voice = window.voice_dialog
    assert voice.isVisible() and voice.parent() is window
    qtbot.waitUntil(lambda: voice._loaded is not None and not voice.busy, timeout=10_000)
    voice.choose(account)
    qtbot.waitUntil(lambda: voice._account == account and not voice.busy, timeout=10_000)
    assert unnamed(voice) == []
    retype(qtbot, voice.persona, "Short and warm.")
    with qtbot.waitSignal(voice.saved, timeout=10_000):
        voice.save()
    assert changed == ["x"] and VoiceBook(store).get(account).persona == "Short and warm."
    voice.close()

    window.registry.trigger("library")
    library = window.library_dialog
    assert library.isVisible() and library.parent() is window
    qtbot.waitUntil(lambda: len(library.templates.names()) > 0, timeout=10_000)
    qtbot.waitUntil(lambda: len(library.playbooks.names()) > 0, timeout=10_000)
    assert unnamed(library) == []
    library.tabs.setCurrentWidget(library.playbooks)
    assert unnamed(library) == []
    library.tabs.setCurrentWidget(library.templates)
    library.templates.choose("Apology")
    retype(qtbot, library.templates.text, "So sorry.")
    with qtbot.waitSignal(library.saved, timeout=10_000):
        library.templates.save()
    assert changed == ["x", "x"] and Library(store).get("Apology").text == "So sorry."
    qtbot.waitUntil(lambda: not library.templates.busy, timeout=10_000)
    library.close()

    window.registry.trigger("ai_drafts")
    ai = window.ai_dialog
    assert ai.isVisible() and ai.parent() is window and ai.secrets is window.secrets
    qtbot.waitUntil(lambda: ai._loaded is not None and not ai.busy, timeout=10_000)
    assert unnamed(ai) == []
    qtbot.keyClicks(ai.url, "http://localhost:11434/v1")
    qtbot.keyClicks(ai.model, MODEL)
    with qtbot.waitSignal(ai.saved, timeout=10_000):
        ai.save()
    assert changed == ["x", "x", "x"] and AiSettingsBook(store).get().model == MODEL
    ai.close()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
