"""Settings > Service levels on a real store: policies per account and kind, business
hours, holidays from an iCalendar file; every read and write off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit
from sqlalchemy.exc import OperationalError

from socialdesk.accounts import AccountBook, AccountSettings
from socialdesk.domain import Network, utcnow
from socialdesk.hours import BusinessHours
from socialdesk.models import Account
from socialdesk.policies import PolicyBook
from socialdesk.sla import Targets, default_targets
from socialdesk.store import Store
from ui.main_window import MainWindow
from ui.service_levels import ServiceLevelsDialog, duration_text, parse_duration

HOSTILE = "<b>x</b>"
CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//holidays//EN\r
BEGIN:VEVENT\r
SUMMARY:Christmas\r
DTSTART;VALUE=DATE:20261225\r
DTEND;VALUE=DATE:20261227\r
END:VEVENT\r
BEGIN:VEVENT\r
SUMMARY:Company day\r
DTSTART;VALUE=DATE:20270305\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def accounts(store: Store) -> dict[str, int]:
    book = AccountBook(store)
    book.add(Network.X, "@NimbusCare", AccountSettings(auth="oauth2"))
    book.add(Network.REDDIT, "u/NimbusHome_Support", AccountSettings(auth="refresh_token"))
    return {network: id_ for id_, network, _name in PolicyBook(store).accounts()}


@pytest.fixture
def dialog(qtbot, store: Store, accounts: dict[str, int]) -> Iterator[ServiceLevelsDialog]:  # type: ignore[no-untyped-def]
    opened = open_dialog(qtbot, store)
    yield opened
    QThreadPool.globalInstance().waitForDone(10_000)


def open_dialog(qtbot, store: Store) -> ServiceLevelsDialog:  # type: ignore[no-untyped-def]
    dialog = ServiceLevelsDialog(PolicyBook(store))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    if dialog.account.count():
        qtbot.waitUntil(lambda: dialog.rows["public"].first.isEnabled(), timeout=10_000)
    return dialog


def choose(qtbot, dialog: ServiceLevelsDialog, account_id: int) -> None:  # type: ignore[no-untyped-def]
    index = [account[0] for account in dialog._accounts].index(account_id)
    dialog.account.setCurrentIndex(index)
    qtbot.waitUntil(lambda: account_id in dialog._drafts, timeout=10_000)
    assert dialog.rows["public"].first.isEnabled()


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_durations_read_and_write() -> None:
    assert [parse_duration(t) for t in ("15m", "1h", "2d", "1h 30m", "1.5h", "90", "45 min")] == [
        900, 3600, 172800, 5400, 5400, 5400, 2700,
    ]  # fmt: skip
    assert [duration_text(s) for s in (900, 3600, 5400, 172800, 90000)] == [
        "15m", "1h", "1h 30m", "2d", "1d 1h",
    ]  # fmt: skip
    for bad in ("", "9x", "h", "1h-", "fifteen"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_a_custom_policy_is_saved_and_reset_to_the_default(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog
) -> None:  # type: ignore[no-untyped-def]
    x = accounts["x"]
    choose(qtbot, dialog, x)
    assert dialog.benchmark.text().startswith("Published benchmark for X: customers expect")
    assert "15 min" in dialog.benchmark.text() and "Jitbit 2020" in dialog.benchmark.text()
    row = dialog.rows["public_complaint"]
    assert (row.first.text(), row.resolution.text(), row.state.text()) == ("15m", "1d", "default")
    assert not row.reset.isEnabled()  # nothing to reset

    retype(qtbot, row.first, "30m")
    retype(qtbot, row.next, "1h")
    retype(qtbot, row.resolution, "2d")
    row.goal.setValue(95)
    qtbot.mouseClick(row.business, Qt.MouseButton.LeftButton)
    assert row.state.text() == "custom, not saved"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    book = PolicyBook(store)
    assert book.policy(x, "public_complaint") == (Targets(1800, 3600, 172800, 95, True), True)
    assert book.policy(x, "public")[1] is False  # the other kinds stay the shipped default
    assert book.policy(accounts["reddit"], "public_complaint")[1] is False
    assert dialog.isVisible() and row.state.text() == "custom" and row.reset.isEnabled()
    assert dialog.status.text() == "Saved."

    # Reset waits for Save; Enter saves and closes.
    qtbot.mouseClick(row.reset, Qt.MouseButton.LeftButton)
    assert (row.first.text(), row.state.text()) == ("15m", "default, not saved")
    assert book.policy(x, "public_complaint")[1] is True
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(row.first, Qt.Key.Key_Return)
    assert book.policy(x, "public_complaint") == (default_targets("x", "public_complaint"), False)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_reset_all_and_typing_kept_across_accounts(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog
) -> None:  # type: ignore[no-untyped-def]
    book = PolicyBook(store)
    x, reddit = accounts["x"], accounts["reddit"]
    book.set_policy(x, "keyword_hit", Targets(60, 60, 600, 50))
    dialog.close()
    dialog = open_dialog(qtbot, store)
    choose(qtbot, dialog, x)
    assert dialog.rows["keyword_hit"].state.text() == "custom"
    assert dialog.rows["keyword_hit"].first.text() == "1m"
    retype(qtbot, dialog.rows["direct_message"].first, "5m")

    choose(qtbot, dialog, reddit)
    borrowed = "No published benchmark for Reddit; the defaults borrow"
    assert dialog.benchmark.text().startswith(borrowed)
    assert dialog.rows["direct_message"].first.text() == "1h"  # Reddit's own default
    retype(qtbot, dialog.rows["public"].resolution, "4d")
    choose(qtbot, dialog, x)
    assert dialog.rows["direct_message"].first.text() == "5m"  # nothing typed is lost

    qtbot.mouseClick(dialog.reset_all, Qt.MouseButton.LeftButton)
    assert [dialog.rows[k].state.text() for k in ("keyword_hit", "direct_message")] == [
        "default, not saved",
        "default",
    ]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert book.policy(x, "keyword_hit") == (default_targets("x", "keyword_hit"), False)
    assert book.policy(x, "direct_message")[1] is False
    expected = Targets(3600, 7200, 4 * 86400, 80)
    assert book.policy(reddit, "public") == (expected, True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first", "0", "first response must be positive"),
        ("resolution", "0m", "resolution must be positive"),
        ("next", "9x", "Next response: '9x' is not a duration; write it as 15m, 1h 30m or 2d"),
        ("goal", 0, "the goal must be a share between 0 and 100%"),
        ("goal", 150, "the goal must be a share between 0 and 100%"),
    ],
)
def test_an_invalid_policy_is_shown_next_to_its_row_and_nothing_is_written(
    qtbot,
    store: Store,
    accounts: dict[str, int],
    dialog: ServiceLevelsDialog,
    field: str,
    value: str | int,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    x = accounts["x"]
    choose(qtbot, dialog, x)
    retype(qtbot, dialog.rows["public_complaint"].first, "20m")  # a good edit, held back
    row = dialog.rows["direct_message"]
    if field == "goal":
        row.goal.setValue(value)
    else:
        retype(qtbot, getattr(row, field), str(value))
    assert row.error.isVisible() and row.error.text() == message
    assert row.state.text() == "not saved"
    editor = row.goal if field == "goal" else getattr(row, field)
    assert editor.property("invalid") is True

    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()
    assert dialog.isVisible() and not dialog.busy
    assert dialog.status.text() == "Not saved: a policy needs fixing (see the marked row)."
    book = PolicyBook(store)
    assert all(not book.policy(x, kind)[1] for kind in ("public_complaint", "direct_message"))
    assert dialog.rows["public_complaint"].first.text() == "20m"  # kept
    shown = row.goal.value() if field == "goal" else getattr(row, field).text()
    assert shown == value

    # Put right, it saves.
    if field == "goal":
        row.goal.setValue(85)
    else:
        retype(qtbot, getattr(row, field), "2h")
    assert not row.error.isVisible() and editor.property("invalid") is False
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert book.policy(x, "public_complaint")[0].first_response_s == 1200
    assert book.policy(x, "direct_message")[1] is True


def test_an_error_in_another_account_brings_it_back(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, dialog, accounts["x"])
    retype(qtbot, dialog.rows["public"].first, "0")
    choose(qtbot, dialog, accounts["reddit"])
    dialog.tabs.setCurrentWidget(dialog.hours_page)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentWidget() is dialog.policies_page
    assert dialog.current_account() is not None and dialog.current_account()[0] == accounts["x"]
    assert dialog.rows["public"].error.text() == "first response must be positive"
    assert dialog.isVisible()


def test_a_store_that_refuses_the_write_keeps_what_was_typed(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    x = accounts["x"]
    choose(qtbot, dialog, x)
    retype(qtbot, dialog.rows["public"].first, "45m")

    def read_only(*_args: object) -> None:
        raise OperationalError("UPDATE", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(PolicyBook, "set_policy", read_only)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert failed.args == [
        "Not saved: attempt to write a readonly database. What you typed is kept; try again."
    ]
    assert dialog.status.text() == failed.args[0] and dialog.isVisible()
    assert dialog.rows["public"].first.text() == "45m"
    assert dialog.rows["public"].state.text() == "custom, not saved"
    assert dialog.save_button.isEnabled()

    monkeypatch.undo()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert PolicyBook(store).policy(x, "public")[0].first_response_s == 2700


def test_a_store_that_cannot_be_read_is_said_and_nothing_can_be_saved(
    qtbot, store: Store, accounts: dict[str, int], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def locked(_self: PolicyBook) -> None:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(PolicyBook, "accounts", locked)
    dialog = ServiceLevelsDialog(PolicyBook(store))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.show()
    assert "database is locked" in dialog.status.text()
    assert not dialog.save_button.isEnabled() and not dialog.rows["public"].first.isEnabled()


def test_business_hours_round_trip_with_an_overnight_shift_and_holidays(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog
) -> None:  # type: ignore[no-untyped-def]
    dialog.tabs.setCurrentWidget(dialog.hours_page)
    assert dialog.always.isChecked() and not dialog.days[0].isEnabled()
    assert dialog.summary.text() == "Every hour counts: round the clock."
    qtbot.keyClick(dialog.always, Qt.Key.Key_Space)
    assert dialog.days[0].isEnabled() and dialog.days[0].text() == "09:00-17:00"  # a start
    # Typed, as far as the page can tell (keys would open the completer's popup, which
    # the offscreen platform cannot show).
    dialog.zone.lineEdit().setText("America/New_York")
    retype(qtbot, dialog.days[4], "09:00-17:00, 18:00-22:00")
    retype(qtbot, dialog.days[6], "22:00-06:00")
    for day in (date(2026, 12, 25), date(2027, 1, 1)):
        dialog.holiday_date.setDate(QDate(day.year, day.month, day.day))
        qtbot.mouseClick(dialog.add_holiday, Qt.MouseButton.LeftButton)
    assert dialog.holiday_list.count() == 2
    assert dialog.summary.text() == (
        "Open mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; "
        "fri 09:00-17:00, 18:00-22:00; sun 22:00-06:00 (America/New_York); 2 holiday(s)."
    )
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = BusinessHours.weekly(
        "America/New_York",
        {"mon-thu": ["09:00-17:00"], "fri": ["09:00-17:00", "18:00-22:00"],
         "sun": ["22:00-06:00"]},
        [date(2026, 12, 25), date(2027, 1, 1)],
    )  # fmt: skip
    assert PolicyBook(store).hours() == expected

    again = open_dialog(qtbot, store)
    assert not again.always.isChecked()
    assert again.zone.currentText() == "America/New_York"
    assert [edit.text() for edit in again.days] == [
        "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00",
        "09:00-17:00, 18:00-22:00", "", "22:00-06:00",
    ]  # fmt: skip
    assert again.holiday_list.item(0).data(Qt.ItemDataRole.UserRole) == "2026-12-25"
    again.holiday_list.item(0).setSelected(True)
    qtbot.mouseClick(again.remove_holiday, Qt.MouseButton.LeftButton)
    qtbot.keyClick(again.always, Qt.Key.Key_Space)  # back to round the clock
    with qtbot.waitSignal(again.saved, timeout=10_000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert PolicyBook(store).hours() == BusinessHours.round_the_clock()


@pytest.mark.parametrize(
    ("where", "text", "message"),
    [
        ("day", "9-5pm", "'9-5pm' is not a shift: write it as 09:00-17:00"),
        ("day", "09:00-25:00", "'09:00-25:00' is not a time of day"),
        ("zone", "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone"),
    ],
)
def test_invalid_business_hours_are_shown_inline_and_nothing_is_written(
    qtbot,
    store: Store,
    accounts: dict[str, int],
    dialog: ServiceLevelsDialog,
    where: str,
    text: str,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.always, Qt.Key.Key_Space)
    if where == "day":
        retype(qtbot, dialog.days[2], text)
        error = dialog.day_errors[2]
        assert dialog.days[2].property("invalid") is True
    else:
        dialog.zone.lineEdit().setText(text)
        error = dialog.zone_error
    assert error.text().startswith(message)
    assert dialog.summary.text() == "Fix the marked fields to see the schedule."
    dialog.tabs.setCurrentWidget(dialog.policies_page)
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()
    assert dialog.tabs.currentWidget() is dialog.hours_page and dialog.isVisible()
    assert dialog.status.text() == "Not saved: the business hours need fixing."
    assert PolicyBook(store).hours() == BusinessHours.round_the_clock()
    assert (dialog.days[2].text() if where == "day" else dialog.zone.currentText()) == text


def test_holidays_imported_from_an_icalendar_file(
    qtbot,
    store: Store,
    accounts: dict[str, int],
    dialog: ServiceLevelsDialog,
    tmp_path: Path,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.always, Qt.Key.Key_Space)
    dialog.holiday_date.setDate(QDate(2026, 12, 25))
    qtbot.mouseClick(dialog.add_holiday, Qt.MouseButton.LeftButton)
    calendar = tmp_path / "holidays.ics"
    calendar.write_bytes(CALENDAR.encode())
    asked: list[str] = []

    def pick(_parent, title, _dir, _filter):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(calendar), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    qtbot.mouseClick(dialog.import_ical, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.holiday_list.count() == 3, timeout=10_000)
    assert asked == ["Import holidays"]
    assert [dialog.holiday_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)] == [
        "2026-12-25",
        "2026-12-26",
        "2027-03-05",
    ]  # merged, once each
    assert dialog.status.text() == "holidays.ics: 3 holiday(s), 2 new. Save to keep them."
    assert dialog.hours_error.text() == ""
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert PolicyBook(store).hours().holidays == {
        date(2026, 12, 25), date(2026, 12, 26), date(2027, 3, 5)
    }  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("BEGIN:VEVENT\nDTSTART:20261225\nEND:VEVENT\n",
         "bad.ics is not a calendar of holidays: not an iCalendar file: it has no BEGIN:VCALENDAR"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-12-xx\nEND:VEVENT\nEND:VCALENDAR\n",
         "bad.ics is not a calendar of holidays: line 3: '2026-12-xx' is not a date"),
        (None, "bad.ics could not be read: No such file or directory"),
    ],
)  # fmt: skip
def test_a_calendar_that_cannot_be_used_is_said_and_changes_nothing(
    qtbot,
    accounts: dict[str, int],
    dialog: ServiceLevelsDialog,
    tmp_path: Path,
    monkeypatch,
    content: str | None,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.always, Qt.Key.Key_Space)
    calendar = tmp_path / "bad.ics"
    if content is not None:
        calendar.write_text(content, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(calendar), ""))
    )
    qtbot.mouseClick(dialog.import_ical, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.hours_error.text() != "", timeout=10_000)
    assert dialog.hours_error.text() == message
    assert dialog.holiday_list.count() == 0 and dialog.import_ical.isEnabled()


def test_a_hostile_account_name_is_shown_as_the_text_it_is(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        session.add(Account(network="x", handle="evil", display_name=HOSTILE, created_at=utcnow()))
    dialog = open_dialog(qtbot, store)
    assert dialog.account.itemText(0) == f"X {HOSTILE}"
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_no_accounts_yet_business_hours_can_still_be_set(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store)
    assert dialog.account.count() == 0
    assert dialog.benchmark.text().startswith("No accounts yet")
    assert not dialog.rows["public"].first.isEnabled() and not dialog.reset_all.isEnabled()
    qtbot.keyClick(dialog.always, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not PolicyBook(store).hours().always_open


def test_keyboard_tab_order_escape_and_accessible_names(
    qtbot, store: Store, accounts: dict[str, int], dialog: ServiceLevelsDialog
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=10_000)
    row = dialog.rows["public_complaint"]
    row.first.setFocus()
    order = [row.next, row.resolution, row.goal, row.business, row.reset]
    for expected in order[:4]:  # the reset button is disabled (nothing to reset)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected or (
            expected is row.goal and QApplication.focusWidget().parent() is row.goal
        )
    assert row.first.accessibleName() == "Public complaint: first response"
    assert row.goal.accessibleName() == "Public complaint: goal in percent"
    assert dialog.days[6].accessibleName() == "Sunday shifts"
    assert row.label.buddy() is row.first and row.label.text() == "Public &complaint"
    retype(qtbot, row.first, "1h")
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(row.first, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert not PolicyBook(store).policy(accounts["x"], "public_complaint")[1]


def test_the_window_opens_it_from_settings_and_reloads_the_countdowns(
    qtbot, store: Store, accounts: dict[str, int], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        store, "test", agent="ann", settings=settings, data_dir=tmp_path, sync_jobs=[]
    )
    qtbot.addWidget(window)
    window.show()
    window.start()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    titles = [a.text() for a in menus["&Settings"].actions()]
    assert titles[:2] == ["Accounts…", "Service levels…"]
    assert window.inbox.levels.overrides == {}  # read once, before the change

    window.registry.actions["service_levels"].trigger()
    dialog = window.service_levels_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and not dialog.busy, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.rows["public"].first.isEnabled(), timeout=10_000)
    choose(qtbot, dialog, accounts["x"])
    retype(qtbot, dialog.rows["public"].first, "5m")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.rows["public"].first, Qt.Key.Key_Return)
    assert window.inbox.levels.overrides[(accounts["x"], "public")].first_response_s == 300
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
