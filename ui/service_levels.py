"""Settings > Service levels (issue #6): each account's response-time policies and the
team's business hours.

Nothing is written until Save (or Apply): edits, resets included, are drafts kept per
account, so switching accounts or failing to save loses nothing typed. Every read and
write of the store runs off the GUI thread; a problem is shown next to what caused it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from socialdesk.hours import (
    BusinessHours,
    CalendarError,
    ScheduleError,
    Shift,
    holidays_from_ical,
)
from socialdesk.policies import PolicyBook
from socialdesk.sla import KINDS, PolicyError, Targets, benchmark, default_targets
from ui.labels import duration_label
from ui.tasks import error_line, run_task
from ui.theme import LATE

Runner = Callable[..., None]

_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
}  # fmt: skip
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]*)")
_NETWORKS = {"x": "X", "reddit": "Reddit", "facebook": "Facebook"}
ERROR_STYLE = f"color: {LATE};"
# A field that holds something unusable: marked by more than colour (the row's message
# says what is wrong), but the border shows which field it is at a glance.
_INVALID_SHEET = (
    f'QLineEdit[invalid="true"], QDoubleSpinBox[invalid="true"] {{ border: 1px solid {LATE}; }}'
)


class DurationError(ValueError):
    """Text that is not a duration."""


def parse_duration(text: str) -> int:
    """'15m', '1h 30m', '1.5h', '2d', '90 min' as seconds; a bare number is minutes.
    Zero is a duration (the policy itself says it must be positive)."""
    rest = text.strip().lower()
    if not rest:
        raise DurationError(text)
    total = 0.0
    position = 0
    while position < len(rest):
        found = _PART.match(rest, position)
        if found is None:
            raise DurationError(text)
        number, unit = found.groups()
        if unit not in _UNITS and unit != "":
            raise DurationError(text)
        total += float(number.replace(",", ".")) * _UNITS.get(unit, 60)
        position = found.end()
        while position < len(rest) and rest[position] == " ":
            position += 1
    return round(total)


def duration_text(seconds: int) -> str:
    """The editable form of a duration: '15m', '1h 30m', '2d'."""
    parts = []
    left = int(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, left = divmod(left, size)
        if count:
            parts.append(f"{count}{unit}")
    return " ".join(parts) or "0m"


def parse_shifts(text: str) -> tuple[Shift, ...]:
    """'09:00-17:00, 18:00-22:00' as shifts, in order of opening (empty: closed)."""
    shifts = [Shift.parse(part) for part in text.split(",") if part.strip()]
    return tuple(sorted(shifts, key=lambda shift: shift.start))


def network_label(network: str) -> str:
    return _NETWORKS.get(network, network)


@dataclass
class PolicyDraft:
    """One kind's policy for one account: as stored, and as typed."""

    loaded: Targets
    own: bool
    default: Targets
    first: str
    next: str
    resolution: str
    goal: float
    business: bool
    reset: bool = False  # "Reset to default" pressed, not yet saved

    @classmethod
    def of(cls, targets: Targets, own: bool, default: Targets) -> PolicyDraft:
        draft = cls(targets, own, default, "", "", "", 0.0, False)
        draft.show(targets)
        return draft

    def show(self, targets: Targets) -> None:
        self.first = duration_text(targets.first_response_s)
        self.next = duration_text(targets.next_response_s)
        self.resolution = duration_text(targets.resolution_s)
        self.goal = targets.goal_pct
        self.business = targets.business_hours

    def targets(self) -> Targets:
        """What was typed, as a policy (``DurationError`` or ``PolicyError`` if not)."""
        return Targets(
            parse_duration(self.first),
            parse_duration(self.next),
            parse_duration(self.resolution),
            float(self.goal),
            self.business,
        )

    def operation(self) -> tuple[str, Targets] | None:
        """What saving does: ("set", targets), ("reset", default) or nothing."""
        wanted = self.targets()
        if self.reset and wanted == self.default:
            return ("reset", self.default) if self.own else None
        if wanted != self.loaded:
            return "set", wanted
        return None

    def saved(self, operation: tuple[str, Targets]) -> None:
        kind, targets = operation
        self.loaded, self.own, self.reset = targets, kind == "set", False


class _PolicyRow:
    """The editors of one kind in the grid."""

    def __init__(self, dialog: ServiceLevelsDialog, kind: str, title: str, shown: str) -> None:
        self.kind = kind
        self.shown = shown  # the title without its mnemonic
        self.label = QLabel(title, dialog)
        self.first = self._duration(
            dialog,
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: first response").format(shown),
        )
        self.next = self._duration(
            dialog,
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: next response").format(shown),
        )
        self.resolution = self._duration(
            dialog,
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: resolution").format(shown),
        )
        self.label.setBuddy(self.first)
        self.goal = QDoubleSpinBox(dialog)
        # Wider than 0-100 on purpose: the policy says what a goal may be, here as in
        # the CLI, and the row shows its words rather than clamping what was typed.
        self.goal.setRange(0, 999)
        self.goal.setDecimals(1)
        self.goal.setSuffix(" %")
        self.goal.setAccessibleName(
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: goal in percent").format(shown)
        )
        self.business = QCheckBox(dialog)
        self.business.setAccessibleName(
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: business hours clock").format(
                shown
            )
        )
        self.business.setToolTip(
            QCoreApplication.translate(
                "ServiceLevelsDialog", "The clock runs only in business hours"
            )
        )
        self.state = QLabel(dialog)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: default or custom").format(
                shown
            )
        )
        self.reset = QPushButton(
            QCoreApplication.translate("ServiceLevelsDialog", "Reset to default"), dialog
        )
        self.reset.setAutoDefault(False)  # Enter saves, wherever the focus is
        self.reset.setAccessibleName(
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: reset to default").format(shown)
        )
        self.error = QLabel(dialog)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(
            QCoreApplication.translate("ServiceLevelsDialog", "{0}: problem").format(shown)
        )
        self.error.hide()

    @staticmethod
    def _duration(dialog: QDialog, name: str) -> QLineEdit:
        edit = QLineEdit(dialog)
        edit.setAccessibleName(name)
        edit.setPlaceholderText("15m")
        edit.setMaximumWidth(110)
        return edit

    def editors(self) -> list[QWidget]:
        return [self.first, self.next, self.resolution, self.goal, self.business, self.reset]


class ServiceLevelsDialog(QDialog):
    """Settings > Service levels: policies per account and kind, and business hours."""

    loaded = Signal()  # the accounts and the business hours were read
    policies_loaded = Signal(int)  # an account's policies were read (its id)
    saved = Signal()  # something was written: whatever shows countdowns should reload
    failed = Signal(str)  # a read or a write did not go through (shown in the dialog)

    def __init__(
        self, book: PolicyBook, parent: QWidget | None = None, *, runner: Runner = run_task
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.runner = runner
        self.busy = False
        self._accounts: list[tuple[int, str, str]] = []
        self._drafts: dict[int, dict[str, PolicyDraft]] = {}
        self._loading: set[int] = set()
        self._populating = False
        self._loaded_hours: BusinessHours | None = None
        self._hours_touched = False
        self._holidays: set[date] = set()
        self._importing = False
        self._zones = available_timezones()
        self.setWindowTitle(self.tr("Service levels"))
        self.setAccessibleName(self.tr("Service levels"))
        self.setStyleSheet(_INVALID_SHEET)
        self.resize(980, 560)

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Service levels pages"))
        self.policies_page = QWidget(self)
        self.hours_page = QWidget(self)
        self._build_policies(self.policies_page)
        self._build_hours(self.hours_page)
        self.tabs.addTab(self.policies_page, self.tr("&Policies"))
        self.tabs.addTab(self.hours_page, self.tr("&Business hours"))
        layout.addWidget(self.tabs, 1)

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # store errors quote text
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Service levels status"))
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)  # Enter saves
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Appl&y"))
        self.apply_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self.save(close=True))
        self.apply_button.clicked.connect(lambda: self.save(close=False))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Nothing in this dialog is markup: account names and store errors are text.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._enable_rows(False)
        self._set_busy(True)
        self._say(self.tr("Reading the service levels…"))
        self._load()

    # -- the policies page ---------------------------------------------------------------

    def _build_policies(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.account = QComboBox(page)
        self.account.setAccessibleName(self.tr("Account"))
        self.account.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        account_label = QLabel(self.tr("&Account"), page)
        account_label.setBuddy(self.account)
        top.addWidget(account_label)
        top.addWidget(self.account)
        top.addStretch(1)
        layout.addLayout(top)
        self.benchmark = QLabel(page)
        self.benchmark.setTextFormat(Qt.TextFormat.PlainText)
        self.benchmark.setWordWrap(True)
        self.benchmark.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.benchmark.setAccessibleName(self.tr("Published benchmark"))
        layout.addWidget(self.benchmark)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        headers = (
            self.tr("Conversation"), self.tr("First response"), self.tr("Next response"),
            self.tr("Resolution"), self.tr("Goal"), self.tr("Business\nhours clock"),
            self.tr("Policy"),
        )  # fmt: skip
        for column, text in enumerate(headers):
            header = QLabel(text, page)
            header.setTextFormat(Qt.TextFormat.PlainText)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        titles = {
            "public_complaint": self.tr("Public &complaint"),
            "public": self.tr("&Other public"),
            "direct_message": self.tr("&Direct message"),
            "keyword_hit": self.tr("&Keyword hit"),
        }
        self.rows: dict[str, _PolicyRow] = {}
        for number, kind in enumerate(KINDS):
            title = titles[kind]
            row = _PolicyRow(self, kind, title, title.replace("&", ""))
            line = 1 + 2 * number
            grid.addWidget(row.label, line, 0)
            cells = (row.first, row.next, row.resolution, row.goal, row.business, row.state)
            for column, widget in enumerate(cells, 1):
                grid.addWidget(widget, line, column)
            grid.setAlignment(row.business, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(row.reset, line, 7)
            grid.addWidget(row.error, line + 1, 1, 1, 7)
            self._wire_row(row)
            self.rows[kind] = row
        grid.setColumnStretch(8, 1)
        layout.addLayout(grid)

        self.hint = QLabel(
            self.tr(
                "Durations as 15m, 1h 30m or 2d. The goal is the share of conversations "
                "to answer within the first-response target. With the business hours "
                "clock a target counts only working time (see Business hours)."
            ),
            page,
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.reset_all = QPushButton(self.tr("R&eset all to defaults"), page)
        self.reset_all.setAutoDefault(False)
        self.reset_all.setAccessibleName(self.tr("Reset all to defaults"))
        self.reset_all.clicked.connect(self.reset_all_policies)
        bottom.addWidget(self.reset_all)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.account.currentIndexChanged.connect(self.on_account_chosen)
        # Tab order: the account, then each row left to right, then Reset all.
        chain: list[QWidget] = [self.account]
        for row in self.rows.values():
            chain.extend(row.editors())
        chain.append(self.reset_all)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire_row(self, row: _PolicyRow) -> None:
        for edit in (row.first, row.next, row.resolution):
            edit.textChanged.connect(lambda _text, row=row: self._row_edited(row))
        row.goal.valueChanged.connect(lambda _value, row=row: self._row_edited(row))
        row.business.toggled.connect(lambda _on, row=row: self._row_edited(row))
        row.reset.clicked.connect(lambda _checked=False, row=row: self.reset_policy(row.kind))

    def current_account(self) -> tuple[int, str, str] | None:
        index = self.account.currentIndex()
        if index < 0 or index >= len(self._accounts):
            return None
        return self._accounts[index]

    def on_account_chosen(self, _index: int = -1) -> None:
        account = self.current_account()
        self._show_benchmark(account)
        if account is None:
            self._enable_rows(False)
            return
        account_id = account[0]
        if account_id in self._drafts:
            self._show_drafts(account_id)
            return
        self._enable_rows(False)
        if account_id in self._loading:
            return
        self._loading.add(account_id)
        network = account[1]

        def read() -> dict[str, tuple[Targets, bool]]:
            return {kind: self.book.policy(account_id, kind) for kind in KINDS}

        def done(found: dict[str, tuple[Targets, bool]]) -> None:
            self._loading.discard(account_id)
            self._drafts[account_id] = {
                kind: PolicyDraft.of(targets, own, default_targets(network, kind))
                for kind, (targets, own) in found.items()
            }
            current = self.current_account()
            if current is not None and current[0] == account_id:
                self._show_drafts(account_id)
            self.policies_loaded.emit(account_id)

        def failed(error: BaseException) -> None:
            self._loading.discard(account_id)
            self._report(self.tr("The policies could not be read: {0}").format(error))

        self.runner(read, done, failed, self)

    def _show_benchmark(self, account: tuple[int, str, str] | None) -> None:
        if account is None:
            self.benchmark.setText(
                self.tr(
                    "No accounts yet: connect one in Settings > Accounts, or import "
                    "conversations (File > Import). Business hours can be set already."
                )
            )
            return
        network = network_label(account[1])
        found = benchmark(account[1])
        if found is None:
            self.benchmark.setText(self.tr("No published benchmark for {0}.").format(network))
            return
        if not found.published:
            self.benchmark.setText(
                self.tr(
                    "No published benchmark for {0}; the defaults borrow: customers expect "
                    "a reply within {1} (source: {2})."
                ).format(network, duration_label(found.customers_expect_s), found.source)
            )
            return
        self.benchmark.setText(
            self.tr(
                "Published benchmark for {0}: customers expect a reply within {1}; "
                "businesses answer in {2} on average (source: {3})."
            ).format(
                network,
                duration_label(found.customers_expect_s),
                duration_label(found.businesses_average_s),
                found.source,
            )
        )

    def _enable_rows(self, enabled: bool) -> None:
        for row in self.rows.values():
            for widget in row.editors():
                widget.setEnabled(enabled)
        self.reset_all.setEnabled(enabled and not self.busy)

    def _show_drafts(self, account_id: int) -> None:
        self._populating = True
        try:
            for kind, draft in self._drafts[account_id].items():
                row = self.rows[kind]
                row.first.setText(draft.first)
                row.next.setText(draft.next)
                row.resolution.setText(draft.resolution)
                row.goal.setValue(draft.goal)
                row.business.setChecked(draft.business)
        finally:
            self._populating = False
        self._enable_rows(True)
        for kind in KINDS:
            self._check_row(self.rows[kind], self._drafts[account_id][kind])

    def _current_drafts(self) -> dict[str, PolicyDraft] | None:
        account = self.current_account()
        return None if account is None else self._drafts.get(account[0])

    def _row_edited(self, row: _PolicyRow) -> None:
        if self._populating:
            return
        drafts = self._current_drafts()
        if drafts is None:
            return
        draft = drafts[row.kind]
        draft.first, draft.next = row.first.text(), row.next.text()
        draft.resolution = row.resolution.text()
        draft.goal, draft.business = row.goal.value(), row.business.isChecked()
        self._check_row(row, draft)

    def _check_row(self, row: _PolicyRow, draft: PolicyDraft) -> bool:
        """Marks what is wrong in a row and says it next to the row; True if fine."""
        problems: list[str] = []
        fields = (
            (row.first, draft.first, self.tr("First response")),
            (row.next, draft.next, self.tr("Next response")),
            (row.resolution, draft.resolution, self.tr("Resolution")),
        )
        for edit, text, name in fields:
            try:
                bad = parse_duration(text) <= 0
            except DurationError:
                bad = True
                problems.append(
                    self.tr("{0}: {1} is not a duration; write it as 15m, 1h 30m or 2d").format(
                        name, repr(text.strip()) if text.strip() else self.tr("nothing")
                    )
                )
            _mark(edit, bad)
        _mark(row.goal, not 0 < draft.goal <= 100)
        operation: tuple[str, Targets] | None = None
        if not problems:
            try:
                operation = draft.operation()
            except PolicyError as exc:
                problems.append(str(exc))
        row.error.setText("\n".join(problems))
        row.error.setVisible(bool(problems))
        own = draft.own if operation is None else operation[0] == "set"
        state = self.tr("custom") if own else self.tr("default")
        if problems:
            state = self.tr("not saved")
        elif operation is not None:
            state = self.tr("{0}, not saved").format(state)
        row.state.setText(state)
        row.reset.setEnabled(
            not self.busy and (draft.own or operation is not None or bool(problems))
        )
        return not problems

    def reset_policy(self, kind: str) -> None:
        """The shipped default for one kind, saved with the rest."""
        drafts = self._current_drafts()
        if drafts is None:
            return
        draft = drafts[kind]
        draft.reset = True
        draft.show(draft.default)
        account = self.current_account()
        assert account is not None
        self._show_drafts(account[0])
        self.rows[kind].first.setFocus()

    def reset_all_policies(self) -> None:
        drafts = self._current_drafts()
        if drafts is None:
            return
        for draft in drafts.values():
            draft.reset = True
            draft.show(draft.default)
        account = self.current_account()
        assert account is not None
        self._show_drafts(account[0])

    # -- the business hours page ---------------------------------------------------------

    def _build_hours(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        self.always = QCheckBox(self.tr("&Round the clock (every hour counts)"), page)
        self.always.setAccessibleName(self.tr("Round the clock"))
        layout.addWidget(self.always)

        grid = QGridLayout()
        self.zone = QComboBox(page)
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(sorted(self._zones))
        self.zone.setAccessibleName(self.tr("Time zone"))
        self.zone.setMinimumContentsLength(24)
        completer = QCompleter(sorted(self._zones), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        zone_label = QLabel(self.tr("Time &zone"), page)
        zone_label.setBuddy(self.zone)
        self.zone_error = self._error_label(page, self.tr("Time zone problem"))
        grid.addWidget(zone_label, 0, 0)
        grid.addWidget(self.zone, 0, 1)
        grid.addWidget(self.zone_error, 0, 2)
        names = (
            self.tr("&Monday"), self.tr("&Tuesday"), self.tr("&Wednesday"), self.tr("T&hursday"),
            self.tr("&Friday"), self.tr("S&aturday"), self.tr("S&unday"),
        )  # fmt: skip
        self.days: list[QLineEdit] = []
        self.day_errors: list[QLabel] = []
        self._day_labels: list[QLabel] = []
        for number, name in enumerate(names):
            edit = QLineEdit(page)
            edit.setPlaceholderText(self.tr("closed"))
            edit.setAccessibleName(self.tr("{0} shifts").format(name.replace("&", "")))
            edit.setToolTip(
                self.tr("Shifts such as 09:00-17:00, 18:00-22:00; 22:00-06:00 runs overnight")
            )
            label = QLabel(name, page)
            label.setBuddy(edit)
            error = self._error_label(page, self.tr("{0} problem").format(name.replace("&", "")))
            grid.addWidget(label, 1 + number, 0)
            grid.addWidget(edit, 1 + number, 1)
            grid.addWidget(error, 1 + number, 2)
            self.days.append(edit)
            self.day_errors.append(error)
            self._day_labels.append(label)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)

        holidays = QGridLayout()
        holidays_label = QLabel(self.tr("Ho&lidays (no shift starts)"), page)
        self.holiday_list = QListWidget(page)
        self.holiday_list.setAccessibleName(self.tr("Holidays"))
        self.holiday_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.holiday_list.setMaximumHeight(130)
        holidays_label.setBuddy(self.holiday_list)
        self.holiday_date = QDateEdit(QDate.currentDate(), page)
        self.holiday_date.setCalendarPopup(True)
        self.holiday_date.setDisplayFormat("yyyy-MM-dd")
        self.holiday_date.setAccessibleName(self.tr("Holiday to add"))
        self.add_holiday = self._button(page, self.tr("A&dd"), self.on_add_holiday)
        self.add_holiday.setAccessibleName(self.tr("Add holiday"))
        self.remove_holiday = self._button(page, self.tr("Remo&ve"), self.on_remove_holidays)
        self.remove_holiday.setAccessibleName(self.tr("Remove selected holidays"))
        self.import_ical = self._button(page, self.tr("&Import iCalendar…"), self.on_import_ical)
        self.import_ical.setAccessibleName(self.tr("Import holidays from an iCalendar file"))
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.holiday_list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.on_remove_holidays)
        holidays.addWidget(holidays_label, 0, 0, 1, 4)
        holidays.addWidget(self.holiday_list, 1, 0, 4, 1)
        holidays.addWidget(self.holiday_date, 1, 1)
        holidays.addWidget(self.add_holiday, 1, 2)
        holidays.addWidget(self.remove_holiday, 2, 1, 1, 2)
        holidays.addWidget(self.import_ical, 3, 1, 1, 2)
        holidays.setColumnStretch(0, 1)
        holidays.setColumnStretch(3, 1)
        layout.addLayout(holidays)
        self.hours_error = self._error_label(page, self.tr("Business hours problem"))
        layout.addWidget(self.hours_error)
        self.summary = QLabel(page)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Business hours summary"))
        layout.addWidget(self.summary)
        layout.addStretch(1)

        self.always.toggled.connect(self._always_toggled)
        self.zone.editTextChanged.connect(self._hours_edited)
        for edit in self.days:
            edit.textChanged.connect(self._hours_edited)
        chain: list[QWidget] = [self.always, self.zone, *self.days, self.holiday_list]
        chain += [self.holiday_date, self.add_holiday, self.remove_holiday, self.import_ical]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _error_label(self, page: QWidget, name: str) -> QLabel:
        label = QLabel(page)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setAccessibleName(name)
        return label

    def _button(self, page: QWidget, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, page)
        button.setAutoDefault(False)  # Enter saves, wherever the focus is
        button.clicked.connect(slot)
        return button

    def _show_hours(self, hours: BusinessHours) -> None:
        self._populating = True
        try:
            self.always.setChecked(hours.always_open)
            zone = hours.timezone
            if hours.always_open:  # no zone of its own: offer the computer's
                system = bytes(QTimeZone.systemTimeZoneId().data()).decode()
                zone = system if system in self._zones else "UTC"
            self.zone.setCurrentText(zone)
            for day, edit in enumerate(self.days):
                edit.setText(", ".join(str(shift) for shift in hours.shifts.get(day, ())))
            self._holidays = set(hours.holidays)
            self._show_holidays()
        finally:
            self._populating = False
        self._check_hours()

    def _show_holidays(self) -> None:
        self.holiday_list.clear()
        for day in sorted(self._holidays):
            shown = QDate(day.year, day.month, day.day)
            item = QListWidgetItem(shown.toString("yyyy-MM-dd, ddd"), self.holiday_list)
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())

    def _hours_edited(self, *_args: Any) -> None:
        if self._populating:
            return
        self._hours_touched = True
        self._check_hours()

    def _always_toggled(self, always: bool) -> None:
        if self._populating:
            return
        if not always and not any(edit.text().strip() for edit in self.days):
            # Leaving round the clock with no shifts: start from an ordinary working week.
            self._populating = True
            try:
                for edit in self.days[:5]:
                    edit.setText("09:00-17:00")
            finally:
                self._populating = False
        self._hours_edited()

    def _check_hours(self) -> BusinessHours | None:
        """The schedule on the page, with each problem shown next to its field; None
        while there is one."""
        always = self.always.isChecked()
        for widget in (self.zone, *self.days, *self._day_labels, self.holiday_list):
            widget.setEnabled(not always)
        for widget in (self.holiday_date, self.add_holiday, self.remove_holiday):
            widget.setEnabled(not always)
        self.import_ical.setEnabled(not always and not self._importing)
        if always:
            self.zone_error.clear()
            for edit, error in zip(self.days, self.day_errors, strict=True):
                _mark(edit, False)
                error.clear()
            hours = BusinessHours.round_the_clock()
            self.summary.setText(self.tr("Every hour counts: {0}.").format(hours.describe()))
            return hours
        ok = True
        zone = self.zone.currentText().strip()
        if zone in self._zones:
            self.zone_error.clear()
        else:
            ok = False
            self.zone_error.setText(
                self.tr(
                    "{0} is not a time zone: pick one from the list, such as Europe/Berlin"
                ).format(repr(zone) if zone else self.tr("An empty field"))
            )
        shifts: dict[int, tuple[Shift, ...]] = {}
        for day, (edit, error) in enumerate(zip(self.days, self.day_errors, strict=True)):
            try:
                found = parse_shifts(edit.text())
            except ScheduleError as exc:
                ok = False
                _mark(edit, True)
                error.setText(str(exc))
                continue
            _mark(edit, False)
            error.clear()
            if found:
                shifts[day] = found
        if not ok:
            self.summary.setText(self.tr("Fix the marked fields to see the schedule."))
            return None
        if not shifts:
            self.summary.setText(
                self.tr("Never open: give at least one shift, or choose round the clock.")
            )
            return None
        hours = BusinessHours(zone, shifts, frozenset(self._holidays))
        count = len(self._holidays)
        self.summary.setText(
            self.tr("Open {0}; {1} holiday(s).").format(hours.describe(), count)
            if count
            else self.tr("Open {0}; no holidays.").format(hours.describe())
        )
        return hours

    def on_add_holiday(self) -> None:
        chosen = self.holiday_date.date()
        self._add_holidays({date(chosen.year(), chosen.month(), chosen.day())})

    def _add_holidays(self, days: set[date] | frozenset[date]) -> None:
        self._holidays |= set(days)
        self._show_holidays()
        self._hours_touched = True
        self._check_hours()

    def on_remove_holidays(self) -> None:
        chosen = {
            date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
            for item in self.holiday_list.selectedItems()
        }
        if not chosen:
            return
        self._holidays -= chosen
        self._show_holidays()
        self._hours_touched = True
        self._check_hours()

    def on_import_ical(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import holidays"),
            "",
            self.tr("iCalendar files (*.ics *.ical);;All files (*)"),
        )
        if not path:
            return
        name = Path(path).name

        def read() -> frozenset[date]:
            text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
            return holidays_from_ical(text)

        def done(days: frozenset[date]) -> None:
            self._importing = False
            new = len(days - self._holidays)
            self._add_holidays(days)
            self.hours_error.clear()
            self.status.setText(
                self.tr("{0}: {1} holiday(s), {2} new. Save to keep them.").format(
                    name, len(days), new
                )
            )

        def failed(error: BaseException) -> None:
            self._importing = False
            self._check_hours()
            if isinstance(error, CalendarError):
                text = self.tr("{0} is not a calendar of holidays: {1}").format(name, error)
            elif isinstance(error, OSError):
                text = self.tr("{0} could not be read: {1}").format(name, error.strerror or error)
            else:
                text = self.tr("{0} could not be imported: {1}").format(name, error)
            self.hours_error.setText(text)

        self._importing = True
        self.import_ical.setEnabled(False)
        self.hours_error.clear()
        self.runner(read, done, failed, self)

    # -- reading and saving --------------------------------------------------------------

    def _load(self) -> None:
        book = self.book

        def read() -> tuple[list[tuple[int, str, str]], BusinessHours | ScheduleError]:
            accounts = book.accounts()
            try:
                hours: BusinessHours | ScheduleError = book.hours()
            except ScheduleError as exc:  # unreadable: the policies can still be set
                hours = exc
            return accounts, hours

        def done(found: tuple[list[tuple[int, str, str]], BusinessHours | ScheduleError]) -> None:
            self._set_busy(False)
            self._say("")
            self._accounts, hours = found
            self.account.blockSignals(True)
            self.account.clear()
            for _id, network, name in self._accounts:
                self.account.addItem(f"{network_label(network)} {name}")
            self.account.blockSignals(False)
            if isinstance(hours, ScheduleError):
                self._show_hours(BusinessHours.round_the_clock())
                self.hours_error.setText(str(hours))
            else:
                self._loaded_hours = hours
                self._show_hours(hours)
            self.on_account_chosen()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._enable_rows(False)
            for widget in (self.save_button, self.apply_button, self.hours_page):
                widget.setEnabled(False)  # nothing read: saving would overwrite blindly
            self._report(self.tr("The service levels could not be read: {0}").format(error))

        self.runner(read, done, failed, self)

    def _set_busy(self, busy: bool) -> None:
        """While reading or writing: no second save, and no reset that the write in
        flight would forget. The editors stay usable (and keep the focus): what is typed
        meanwhile is compared with what was saved, and shows as not saved."""
        self.busy = busy
        self.save_button.setEnabled(not busy)
        self.apply_button.setEnabled(not busy)
        drafts = self._current_drafts()
        self.reset_all.setEnabled(not busy and drafts is not None)
        if drafts is not None:
            for kind, draft in drafts.items():
                self._check_row(self.rows[kind], draft)

    def _report(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)
        self.failed.emit(text)

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def save(self, *, close: bool = True) -> None:
        """Checks everything first: on a problem nothing is written and the dialog shows
        where. Then writes what changed, off the GUI thread."""
        if self.busy:
            return
        operations: list[tuple[int, str, tuple[str, Targets]]] = []
        wrong_account: int | None = None
        for account_id, drafts in self._drafts.items():
            for kind, draft in drafts.items():
                try:
                    operation = draft.operation()
                except (DurationError, PolicyError):
                    if wrong_account is None:
                        wrong_account = account_id
                    continue
                if operation is not None:
                    operations.append((account_id, kind, operation))
        hours = self._check_hours()
        if wrong_account is not None:
            ids = [account[0] for account in self._accounts]
            if self.account.currentIndex() != ids.index(wrong_account):
                self.account.setCurrentIndex(ids.index(wrong_account))
            self.tabs.setCurrentWidget(self.policies_page)
            self._report(self.tr("Not saved: a policy needs fixing (see the marked row)."))
            return
        if hours is None and self._hours_touched:
            self.tabs.setCurrentWidget(self.hours_page)
            self._report(self.tr("Not saved: the business hours need fixing."))
            return
        write_hours = (
            hours
            if hours is not None and self._hours_touched and hours != self._loaded_hours
            else None
        )
        if not operations and write_hours is None:
            self._say(self.tr("Nothing to save."))
            if close:
                self.accept()
            return
        book = self.book

        def write() -> None:
            # Each write is its own transaction and each is idempotent: after a failure
            # part-way, saving again finishes the job.
            for account_id, kind, (what, targets) in operations:
                if what == "set":
                    book.set_policy(account_id, kind, targets)
                else:
                    book.reset_policy(account_id, kind)
            if write_hours is not None:
                book.set_hours(write_hours)

        def done(_result: Any) -> None:
            for account_id, kind, operation in operations:
                self._drafts[account_id][kind].saved(operation)
            if write_hours is not None:
                self._loaded_hours = write_hours
                self._hours_touched = False
            self._set_busy(False)
            self._say(self.tr("Saved."))
            self.saved.emit()
            if close:
                self.accept()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._report(
                self.tr("Not saved: {0}. What you typed is kept; try again.").format(
                    error_line(error)
                )
            )

        self._set_busy(True)
        self._say(self.tr("Saving…"))
        self.runner(write, done, failed, self)


def _mark(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
