"""The reply composer on a real store: snippets, fields, suggestions, checks, the
playbook, replies that did not go out, and text from customers kept plain."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextCharFormat, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select, update

from socialdesk.ai import AiSettings, AiSettingsBook
from socialdesk.ai_drafts import Drafts
from socialdesk.desk import Desk
from socialdesk.domain import Author, MessageKind
from socialdesk.ingest import Ingestor
from socialdesk.library import Library, ReplyTemplate
from socialdesk.models import Message, OutboxItem
from socialdesk.outbox import Outbox
from socialdesk.playbooks import Playbook, PlaybookBook
from socialdesk.store import Store
from ui.composer import Composer, qt_position
from ui.conversation_pane import ConversationController, ConversationPane
from ui.main_window import MainWindow

from ..conftest import MessageFactory
from .test_main_window import build

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
REFUND = (
    "I've refunded [[amount]] to your original payment method. "
    "It usually shows within [[3-5]] working days."
)
HOSTILE_NAME = "<b>x</b> <img src=x>"


def inline(fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
    try:
        result = fn()
    except Exception as exc:  # as run_task hands it on
        failed(exc)
    else:
        done(result)


AI_URL = "http://localhost:11434/v1"


class HeldRunner:
    """Runs work inline, or holds it back until released one piece at a time."""

    def __init__(self) -> None:
        self.hold = False
        self.waiting: list[tuple[Callable[[], Any], Callable[[Any], None], Any]] = []

    def __call__(self, fn, done, failed, context=None) -> None:  # type: ignore[no-untyped-def]
        if self.hold:
            self.waiting.append((fn, done, failed))
        else:
            inline(fn, done, failed)

    def release_one(self) -> None:
        fn, done, failed = self.waiting.pop(0)
        inline(fn, done, failed)

    def release_all(self) -> None:
        while self.waiting:
            self.release_one()


def conversation_of(store: Store, external_id: str) -> int:
    with store.session() as session:
        found = session.scalar(
            select(Message.conversation_id).where(Message.external_id == external_id)
        )
    assert found is not None
    return int(found)


@pytest.fixture
def threads(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> dict[str, int]:
    """A public delivery complaint on X (Alice gave her order number) and a direct
    message (Dee)."""
    ingestor.ingest(
        [
            make_message("c1", text="my parcel never arrived, order 4471"),
            make_message(
                "d1",
                minutes=1,
                kind=MessageKind.DIRECT_MESSAGE,
                text="my account is locked, please help",
                author=Author("u5", "dee", "Dee", 3),
            ),
        ]
    )
    return {"complaint": conversation_of(store, "c1"), "dm": conversation_of(store, "d1")}


def make_pane(
    qtbot,
    store: Store,
    runner: Callable[..., None] = inline,
    slow_runner: Callable[..., None] | None = None,
) -> tuple[ConversationPane, ConversationController]:  # type: ignore[no-untyped-def]
    pane = ConversationPane()
    qtbot.addWidget(pane)
    pane.resize(460, 900)
    pane.show()
    pane.activateWindow()
    controller = ConversationController(
        pane, Desk(store), "Ann Kaya", runner, slow_runner=slow_runner
    )
    return pane, controller


@pytest.fixture
def opened(qtbot, store: Store, threads: dict[str, int]):  # type: ignore[no-untyped-def]
    """The complaint open in a pane whose background work runs inline."""
    pane, controller = make_pane(qtbot, store)
    controller.show(threads["complaint"])
    assert controller.current is not None and controller.current.id == threads["complaint"]
    pane.composer.setFocus()
    yield pane, controller
    controller.close()


def selected(composer: Composer) -> str:
    return composer.textCursor().selectedText()


def type_in(composer: Composer, text: str) -> None:
    QTest.keyClicks(composer, text)


def checks_shown(pane: ConversationPane) -> list[str]:
    return pane.checks.texts() if pane.checks.isVisible() else []


# -- snippets and fields ---------------------------------------------------------------------


def test_a_shortcode_and_space_expand_in_place_and_one_undo_takes_it_back(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    type_in(composer, "Hi there ;refund")
    QTest.keyClick(composer, Qt.Key.Key_Space)
    assert composer.toPlainText() == f"Hi there {REFUND}"
    assert selected(composer) == "[[amount]]"  # the first field, ready to be typed over
    QTest.keyClick(composer, Qt.Key.Key_Z, CTRL)
    assert composer.toPlainText() == "Hi there ;refund"
    assert composer.textCursor().position() == len("Hi there ;refund")  # where it was
    QTest.keyClick(composer, Qt.Key.Key_Space)  # again, then fill it in
    type_in(composer, "£20")
    assert composer.toPlainText().startswith("Hi there I've refunded £20 to your")


def test_a_shortcode_left_as_typed_blocks_sending(opened, store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    type_in(pane.composer, "Hi there ;refund")  # undone, or never expanded
    qtbot.waitUntil(lambda: bool(checks_shown(pane)), timeout=5_000)
    assert checks_shown(pane) == [
        "✖ Snippet not expanded: ;refund is a snippet's shortcode, not its text: type Space "
        "after it to expand it, or delete it"
    ]
    assert not pane.send.isEnabled()
    pane.send.click()
    assert Outbox(store).entries() == []


def test_a_shortcode_and_tab_expand_with_the_tokens_filled(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    type_in(composer, ";dm")
    QTest.keyClick(composer, Qt.Key.Key_Tab)
    assert composer.toPlainText() == (
        "Please send us a DM with [[the details we need]] and we'll pick it up there."
    )
    assert selected(composer) == "[[the details we need]]"
    assert composer.hasFocus()  # Tab expanded; it did not move on
    QTest.keyClick(composer, Qt.Key.Key_Z, CTRL)
    assert composer.toPlainText() == ";dm"


def test_a_word_that_is_no_shortcode_is_left_as_typed(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    type_in(pane.composer, "see ;nosuchthing now")
    assert pane.composer.toPlainText() == "see ;nosuchthing now"


def test_an_emoji_before_a_shortcode_does_not_shift_the_fields(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    composer.setPlainText("🙏🏽 thanks ;dm")  # two code points Qt counts four
    composer.moveCursor(composer.textCursor().MoveOperation.End)
    QTest.keyClick(composer, Qt.Key.Key_Space)
    assert composer.toPlainText() == (
        "🙏🏽 thanks Please send us a DM with [[the details we need]] and we'll pick it up there."
    )
    assert selected(composer) == "[[the details we need]]"


def test_tab_and_shift_tab_go_from_field_to_field(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    # {first_name} is filled from the conversation: no field. {product} is not.
    composer.setPlainText("Hi {first_name}, [[amount]] back in [[days]] for {product}.")
    composer.moveCursor(composer.textCursor().MoveOperation.Start)
    tab = [Qt.Key.Key_Tab]
    seen = []
    for _ in range(4):
        QTest.keyClick(composer, tab[0])
        seen.append(selected(composer))
    assert seen == ["[[amount]]", "[[days]]", "{product}", "[[amount]]"]  # round again
    QTest.keyClick(composer, Qt.Key.Key_Backtab, SHIFT)
    assert selected(composer) == "{product}"
    QTest.keyClick(composer, Qt.Key.Key_Backtab, SHIFT)
    assert selected(composer) == "[[days]]"
    type_in(composer, "3 days")
    assert composer.toPlainText() == "Hi {first_name}, [[amount]] back in 3 days for {product}."
    assert composer.hasFocus()


def test_tab_moves_the_focus_on_when_there_is_nothing_to_fill(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    composer.setFocus()
    qtbot.waitUntil(composer.hasFocus)
    type_in(composer, "All sorted, thanks {first_name}")
    QTest.keyClick(composer, Qt.Key.Key_Tab)
    assert not composer.hasFocus()
    assert composer.toPlainText() == "All sorted, thanks {first_name}"  # no tab typed
    assert QApplication.focusWidget() is not None


def test_the_highlighter_tells_filled_tokens_fields_and_typos_apart(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    text = "😀 Hi {first_name} {product} {frist_name} [[amount]]"
    composer.setPlainText(text)
    highlighter = composer.highlighter
    ranges = {
        (r.start, r.length): QTextCharFormat(r.format)
        for r in composer.document().firstBlock().layout().formats()
    }

    def format_of(piece: str) -> QTextCharFormat:
        start = qt_position(text, text.index(piece))  # the emoji is two to Qt
        return ranges[(start, len(piece))]

    assert format_of("{first_name}") == highlighter.filled
    assert format_of("{product}") == highlighter.to_fill  # nothing fills it here
    assert format_of("[[amount]]") == highlighter.to_fill
    typo = format_of("{frist_name}")
    assert typo == highlighter.unknown
    assert typo.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert highlighter.filled != highlighter.to_fill
    assert (0, 2) not in ranges  # the emoji itself is plain


# -- what will be sent -----------------------------------------------------------------------


def test_sends_as_shows_the_tokens_filled_only_when_they_change_the_text(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    type_in(pane.composer, "Hi {first_name}, about order {order_id}")
    qtbot.waitUntil(pane.sends_as.isVisible, timeout=5_000)  # after the pause
    assert pane.sends_as.text() == "Sends as: Hi Alice, about order 4471"
    assert pane.sends_as.textFormat() == Qt.TextFormat.PlainText
    pane.composer.setPlainText("Nothing to fill here")
    qtbot.waitUntil(lambda: checks_shown(pane) == ["✓ All checks pass"], timeout=5_000)
    assert not pane.sends_as.isVisible()


def test_the_reply_is_queued_with_its_tokens_filled(opened, store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    type_in(pane.composer, "Hi {first_name}, we are on it")
    with qtbot.waitSignal(controller.queued):
        QTest.keyClick(pane.composer, Qt.Key.Key_Return, CTRL)
    [entry] = Outbox(store).entries()
    assert (entry.text, entry.channel) == ("Hi Alice, we are on it", "reply")
    assert pane.composer.toPlainText() == ""


# -- suggestions -----------------------------------------------------------------------------


def test_suggestions_for_a_complaint_and_ctrl_1_puts_the_first_in(opened) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    drafts = controller.drafts()
    assert 1 <= len(drafts) <= 3
    assert drafts[0].template == "Public complaint: delivery"
    shown = [b for b in pane.drafts.buttons if b.isVisible()]
    assert len(shown) == len(drafts)
    assert shown[0].preview.startswith("1   Hi Alice,")
    assert "Public complaint: delivery" in shown[0].toolTip()
    composer = pane.composer
    type_in(composer, "draft")
    QTest.keyClick(composer, Qt.Key.Key_1, CTRL)
    assert composer.toPlainText() == drafts[0].text
    assert "DM" in composer.toPlainText() and "{" not in composer.toPlainText()
    QTest.keyClick(composer, Qt.Key.Key_Z, CTRL)
    assert composer.toPlainText() == "draft"  # what was there comes back
    if len(drafts) > 1:
        shown[1].click()
        assert composer.toPlainText() == drafts[1].text


def test_ctrl_1_works_from_anywhere_in_the_reply_area(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    button = pane.drafts.buttons[0]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    QTest.keyClick(button, Qt.Key.Key_1, CTRL)
    assert pane.composer.toPlainText() == controller.drafts()[0].text
    assert pane.composer.hasFocus()


def test_suggestions_for_a_conversation_left_meanwhile_are_dropped(
    qtbot, store: Store, threads: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    pane, controller = make_pane(qtbot, store, runner)
    controller.show(threads["complaint"])  # loaded; its suggestions start
    runner.hold = True
    controller.show(threads["dm"])  # the agent moves on before they arrive
    controller.library_changed()  # a save elsewhere asks for the complaint's again
    runner.release_all()  # the complaint's late work lands, then the DM loads
    runner.hold = False
    runner.release_all()
    assert controller.current is not None and controller.current.id == threads["dm"]
    assert all(b.preview == "" or "Dee" in b.preview for b in pane.drafts.buttons)
    assert all("Alice" not in b.preview for b in pane.drafts.buttons)
    assert [d.template for d in controller.drafts()]  # the DM's own
    assert pane.playbook.title.text() == "Account access"
    controller.close()


def test_ai_drafts_follow_the_librarys_and_their_note_is_shown(
    qtbot, store: Store, threads: dict[str, int], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui import conversation_pane

    real = conversation_pane.suggestions
    asked: list[object] = []

    def provider_down(store, secrets, conversation_id, *, agent, limit):  # type: ignore[no-untyped-def]
        asked.append(secrets)
        found = real(store, None, conversation_id, agent=agent, limit=limit)
        if secrets is None:
            return found
        return Drafts(found.suggestions[:1], "no AI draft: <b>the endpoint</b> timed out")

    monkeypatch.setattr(conversation_pane, "suggestions", provider_down)
    AiSettingsBook(store).set(AiSettings(enabled=True, url=AI_URL, model="llama3.1"))
    runner, slow = HeldRunner(), HeldRunner()
    # The provider's call goes to the runner for slow work, never the shared one.
    pane, controller = make_pane(qtbot, store, runner, slow)
    keys = object()  # the window's key store; only passed through
    controller.secrets = keys  # type: ignore[assignment]
    runner.hold = slow.hold = True
    controller.show(threads["complaint"])
    runner.release_one()  # the conversation
    runner.release_one()  # the reply context
    runner.release_one()  # the library's suggestions: shown while the provider thinks
    assert asked == [None]
    assert len(controller.drafts()) == 2 and not pane.drafts.note.isVisible()
    assert runner.waiting == [] and len(slow.waiting) == 1
    slow.release_one()  # the provider's answer
    assert asked == [None, keys]
    assert len(controller.drafts()) == 1
    assert pane.drafts.note.isVisible()
    assert pane.drafts.note.text() == "no AI draft: <b>the endpoint</b> timed out"
    assert pane.drafts.note.textFormat() == Qt.TextFormat.PlainText
    runner.hold = False
    controller.close()


def test_with_ai_drafts_off_the_provider_is_not_asked(
    qtbot, store: Store, threads: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    slow = HeldRunner()
    slow.hold = True
    _pane, controller = make_pane(qtbot, store, inline, slow)
    controller.secrets = object()  # type: ignore[assignment]
    controller.show(threads["complaint"])
    assert controller.drafts() and slow.waiting == []
    controller.close()


def test_an_ai_pass_that_fails_keeps_the_librarys_suggestions(
    qtbot, store: Store, threads: dict[str, int], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui import conversation_pane

    real = conversation_pane.suggestions

    def broken(store, secrets, conversation_id, *, agent, limit):  # type: ignore[no-untyped-def]
        if secrets is not None:
            raise RuntimeError("provider crashed")
        return real(store, None, conversation_id, agent=agent, limit=limit)

    monkeypatch.setattr(conversation_pane, "suggestions", broken)
    AiSettingsBook(store).set(AiSettings(enabled=True, url=AI_URL, model="llama3.1"))
    pane, controller = make_pane(qtbot, store)
    controller.secrets = object()  # type: ignore[assignment]
    controller.show(threads["complaint"])
    assert len(controller.drafts()) == 2
    assert pane.drafts.note.text() == "No AI draft: provider crashed"
    controller.close()


# -- checks ----------------------------------------------------------------------------------


def test_a_field_left_to_fill_blocks_and_send_stays_off(opened, store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    composer = pane.composer
    type_in(composer, "I've refunded [[amount]] today")
    assert not pane.send.isEnabled()  # at once, before the checks come back
    qtbot.waitUntil(lambda: bool(checks_shown(pane)), timeout=5_000)
    assert checks_shown(pane)[0] == "✖ To fill in: fill in [[amount]]"
    QTest.keyClick(composer, Qt.Key.Key_Return, CTRL)
    pane.send.click()
    assert Outbox(store).entries() == []
    composer.setPlainText("I've refunded £20 today")
    assert pane.send.isEnabled()  # at once again
    assert pane.verdict_stale()  # the verdict shown is on the old text: faded till the next
    qtbot.waitUntil(lambda: checks_shown(pane) == ["✓ All checks pass"], timeout=5_000)
    assert not pane.verdict_stale()


def test_too_long_for_x_counts_as_x_does(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    pane.composer.setPlainText("Tracking: https://example.com/" + "a" * 200 + " " + "x" * 240)
    # The link counts 23: 10 + 23 + 1 + 240 = 274 of 280, though 481 characters long.
    assert pane.counter.text() == "274 / 280 characters"
    assert pane.send.isEnabled()
    pane.composer.setPlainText("界" * 141)  # each counts 2
    assert pane.counter.text() == "282 / 280 characters"
    assert not pane.send.isEnabled()
    qtbot.waitUntil(lambda: bool(checks_shown(pane)), timeout=5_000)
    assert checks_shown(pane)[0].startswith("✖ Length: 282 of 280 characters as X counts them")


def test_personal_details_in_public_warn_and_send_as_dm_queues_a_direct_message(
    opened, store: Store, qtbot
) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    type_in(pane.composer, "Call us on 020 7946 0958, {first_name}, and we will sort it")
    qtbot.waitUntil(pane.send_dm.isVisible, timeout=5_000)
    assert any(line.startswith("⚠ Personal details:") for line in checks_shown(pane))
    assert pane.send.isEnabled()  # a warning asks for a second look; it does not block
    assert pane.send_dm.isEnabled()
    with qtbot.waitSignal(controller.queued):
        pane.send_dm.click()
    [entry] = Outbox(store).entries()
    assert entry.channel == "dm"
    assert entry.text == "Call us on 020 7946 0958, Alice, and we will sort it"
    assert pane.composer.toPlainText() == ""
    # The thread says it goes privately: the agent sees the number was not posted.
    qtbot.waitUntil(lambda: "Direct message queued" in pane.transcript.toPlainText())


def test_a_direct_message_conversation_offers_no_send_as_dm(
    qtbot, store: Store, threads: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    pane, controller = make_pane(qtbot, store)
    controller.show(threads["dm"])
    type_in(pane.composer, "Call us on 020 7946 0958")
    qtbot.waitUntil(lambda: bool(checks_shown(pane)), timeout=5_000)
    assert checks_shown(pane) == ["✓ All checks pass"]
    assert not pane.send_dm.isVisible()
    controller.close()


def test_a_verdict_on_text_changed_since_is_dropped(
    qtbot, store: Store, threads: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    pane, controller = make_pane(qtbot, store, runner)
    controller.show(threads["complaint"])
    runner.hold = True
    type_in(pane.composer, "Hello {first_name}")
    qtbot.waitUntil(lambda: len(runner.waiting) == 1, timeout=5_000)  # its check is asked
    type_in(pane.composer, ", call 020 7946 0958")
    runner.release_one()  # the verdict on "Hello {first_name}" arrives late
    assert controller.verdict() is None
    assert not pane.checks.isVisible() and not pane.sends_as.isVisible()
    qtbot.waitUntil(lambda: len(runner.waiting) == 1, timeout=5_000)  # the new text's
    runner.release_one()
    assert pane.sends_as.text() == "Sends as: Hello Alice, call 020 7946 0958"
    assert any(line.startswith("⚠ Personal details:") for line in checks_shown(pane))
    runner.hold = False
    controller.close()


# -- the playbook ----------------------------------------------------------------------------


def test_the_playbook_tab_shows_the_delivery_playbook_and_inserts_its_templates(opened) -> None:  # type: ignore[no-untyped-def]
    pane, _controller = opened
    book = pane.playbook
    assert pane.details.tabText(pane.details.indexOf(book)) == "Playbook"
    assert book.title.text() == "Delivery problem"
    assert book.summary.text().startswith("An order is late, missing")
    steps = book.steps.text().splitlines()
    assert steps[0].startswith("1. Acknowledge in public") and steps[1].startswith("2. ")
    assert book.avoid.text().startswith("Avoid:\n• Asking for an address")
    assert "Tracking link" in book.template_names()
    pane.details.setCurrentWidget(book)
    book.templates.setFocus()
    book.templates.setCurrentRow(book.template_names().index("Tracking link"))
    pane.composer.setPlainText("Thanks.")
    pane.composer.moveCursor(pane.composer.textCursor().MoveOperation.End)
    QTest.keyClick(book.templates, Qt.Key.Key_Return)
    assert pane.composer.toPlainText() == (
        "Thanks. Here's your tracking link: [[tracking link]]. It shows [[latest status]]."
    )
    assert selected(pane.composer) == "[[tracking link]]"
    assert pane.composer.hasFocus()


# -- replies that did not go out ------------------------------------------------------------


def _fail(store: Store, outbox_id: int, status: str, error: str) -> None:
    with store.session() as session:
        session.execute(
            update(OutboxItem)
            .where(OutboxItem.id == outbox_id)
            .values(status=status, error=error, maybe_sent=status == "unknown")
        )


def test_a_failed_reply_says_why_and_retry_queues_it_again(opened, store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    cid = controller.current.id
    item = Desk(store).queue_reply(cid, "Sorry, checking now", actor="ann")
    _fail(store, item, "failed", "X refused it: duplicate status (187)")
    controller.reload()
    assert pane.failed_replies.isVisible()
    [reason] = pane.failed_replies.reasons()
    assert reason.startswith("Not sent: X refused it: duplicate status (187)")
    assert "Sorry, checking now" in reason
    assert "Not sent: X refused it" in pane.transcript.toPlainText()
    retry = pane.failed_replies.button(item, "retry")
    assert retry is not None
    with qtbot.waitSignal(controller.queued) as signal:
        retry.click()
    assert signal.args == [item]
    assert Outbox(store).get(item).status == "queued"
    assert not pane.failed_replies.isVisible()  # reloaded: nothing failed now
    # Once sent, the reply is in the thread as the network took it, and only there.
    _fail(store, item, "sent", "")
    controller.reload()
    assert "Sorry, checking now" not in pane.transcript.toPlainText()


def test_edit_takes_a_failed_reply_back_into_the_composer(opened, store: Store) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    cid = controller.current.id
    item = Desk(store).queue_reply(cid, "Sorry, checking now", actor="ann")
    _fail(store, item, "failed", "the account was disconnected")
    controller.reload()
    edit = pane.failed_replies.button(item, "edit")
    assert edit is not None
    edit.click()
    assert pane.composer.toPlainText() == "Sorry, checking now"
    assert Outbox(store).entries() == []
    assert not pane.failed_replies.isVisible()


def test_a_reply_that_may_have_gone_out_can_be_checked_not_edited(opened, store: Store) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    item = Desk(store).queue_reply(controller.current.id, "On it", actor="ann")
    _fail(store, item, "unknown", "timed out after the request left")
    controller.reload()
    [reason] = pane.failed_replies.reasons()
    assert reason.startswith("Not known whether it went out: timed out")
    assert pane.failed_replies.button(item, "edit") is None
    check = pane.failed_replies.button(item, "retry")
    assert check is not None and check.text() == "Check again"


# -- settings saved elsewhere -----------------------------------------------------------------


def test_library_changed_picks_up_a_new_snippet_and_playbook(opened, store: Store) -> None:  # type: ignore[no-untyped-def]
    pane, controller = opened
    composer = pane.composer
    Library(store).save(
        ReplyTemplate(
            name="Voucher",
            text="Here is a voucher, {first_name}: [[code]]",
            shortcode=";voucher",
            kind="snippet",
        )
    )
    PlaybookBook(store).save(
        Playbook(
            name="delivery_problem",
            title="Parcels gone astray",
            summary="Find the parcel.",
            topics=("delivery",),
            steps=("Find it",),
        ),
        replacing="delivery_problem",
    )
    type_in(composer, ";voucher ")
    assert composer.toPlainText() == ";voucher "  # not known yet: no database on keys
    assert pane.playbook.title.text() == "Delivery problem"
    composer.clear()
    controller.library_changed()
    type_in(composer, ";voucher ")
    assert composer.toPlainText() == "Here is a voucher, Alice: [[code]]"
    assert selected(composer) == "[[code]]"
    assert pane.playbook.title.text() == "Parcels gone astray"
    assert pane.playbook.steps.text() == "1. Find it"


# -- untrusted text --------------------------------------------------------------------------


def test_hostile_names_and_messages_stay_plain_text(
    qtbot, store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:  # type: ignore[no-untyped-def]
    ingestor.ingest(
        [
            make_message(
                "h1",
                text="<b>bold</b> my parcel never arrived <img src=x>",
                author=Author("u9", "mallory", HOSTILE_NAME, 3),
            )
        ]
    )
    Library(store).save(
        ReplyTemplate(
            name="<i>Named</i> & co",
            text="Sorry {name}, we're on it.",
            intents=("complaint",),
            topics=("delivery",),
            channel="public",
        )
    )
    pane, controller = make_pane(qtbot, store)
    controller.show(conversation_of(store, "h1"))
    [draft] = [d for d in controller.drafts() if d.template == "<i>Named</i> & co"]
    assert f"Sorry {HOSTILE_NAME}, we're on it." in draft.text
    button = pane.drafts.buttons[controller.drafts().index(draft)]
    assert f"Sorry {HOSTILE_NAME}" in button.preview
    assert button.text() == ""  # drawn, never a label that reads "&" as a shortcut
    tip = QTextDocument()
    tip.setHtml(button.toolTip())
    assert tip.toPlainText().startswith("<i>Named</i> & co · Ctrl+")
    assert f"Sorry {HOSTILE_NAME}" in tip.toPlainText()
    type_in(pane.composer, "Hi {name}")
    qtbot.waitUntil(pane.sends_as.isVisible, timeout=5_000)
    assert pane.sends_as.text() == f"Sends as: Hi {HOSTILE_NAME}"
    assert HOSTILE_NAME in pane.header.text()
    for label in pane.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    controller.close()


# -- in the window, with the real background runner -------------------------------------------


@pytest.fixture
def window(qtbot, store: Store, threads: dict[str, int], tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    # A reply that failed before the window opened: the window's outbox worker leaves
    # a failed one alone.
    item = Desk(store).queue_reply(threads["complaint"], "Sorry, checking now", actor="ann")
    _fail(store, item, "failed", "X refused it")
    window = build(qtbot, store, tmp_path)
    yield window
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def test_in_the_window_suggestions_snippets_and_checks_run_off_the_gui_thread(
    qtbot, window: MainWindow, threads: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    complaint = threads["complaint"]
    # The inbox loads off the GUI thread too.
    qtbot.waitUntil(lambda: window.model.row_of_conversation(complaint) is not None, timeout=10_000)
    row = window.model.row_of_conversation(complaint)
    window.inbox_pane.table.selectRow(row)
    pane, controller = window.conversation_pane, window.conversation
    qtbot.waitUntil(
        lambda: controller.current is not None and controller.current.id == complaint,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: bool(controller.drafts()), timeout=10_000)
    qtbot.waitUntil(lambda: pane.playbook.title.text() == "Delivery problem", timeout=10_000)
    window.inbox_pane.table.setFocus()
    QTest.keyClick(window.inbox_pane.table, Qt.Key.Key_R)
    composer = pane.composer
    assert composer.hasFocus()
    QTest.keyClick(composer, Qt.Key.Key_1, CTRL)
    assert composer.toPlainText() == controller.drafts()[0].text
    assert window.nav.current().view == "needs_reply"  # Ctrl+1 is not Alt+1
    composer.clear()
    type_in(composer, "Call 020 7946 0958 ;refund ")
    assert composer.toPlainText() == f"Call 020 7946 0958 {REFUND}"
    qtbot.waitUntil(pane.send_dm.isVisible, timeout=10_000)
    assert not pane.send.isEnabled()  # two fields to fill
    assert pane.failed_replies.isVisible()
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in pane.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and type(w).__name__ not in ("QScrollBar", "QSplitterHandle", "QWidget")
        and not type(w.parent()).__name__.startswith(("QAbstractScrollArea", "QTabBar"))
    ]
    assert unnamed == []
    # In the window, Enter on a playbook's template inserts it: the window's own Enter
    # ("open the conversation") does not take the key.
    composer.clear()
    book = pane.playbook
    pane.details.setCurrentWidget(book)
    book.templates.setFocus()
    book.templates.setCurrentRow(book.template_names().index("Tracking link"))
    QTest.keyClick(book.templates, Qt.Key.Key_Return)
    assert composer.toPlainText().startswith("Here's your tracking link: [[tracking link]]")
    assert composer.hasFocus()
    # A very long word (a link) in the reply, the preview and the checks never widens the
    # window: the labels wrap it.
    width, least = window.width(), window.minimumSizeHint().width()
    composer.setPlainText("Hi {first_name}, track it at https://t.example/?id=" + "x" * 400)
    qtbot.waitUntil(pane.sends_as.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: bool(checks_shown(pane)), timeout=10_000)
    assert window.width() == width and window.minimumSizeHint().width() == least
    shown = pane.sends_as.text().replace("\u200b", "")
    assert shown.startswith("Sends as: Hi Alice, track it at https://t.example/?id=xxx")
    assert shown.endswith("x…") and len(shown) < 330  # the start of it: a few lines
