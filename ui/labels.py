"""The core's words for statuses, intents and topics, as the window shows them: each
through the translation system (the core and the CLI keep the English words)."""

from __future__ import annotations

import html
import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QLabel, QSizePolicy

from socialdesk.targets import duration_parts


def status_label(status: str) -> str:
    t = {
        "new": QCoreApplication.translate("Labels", "new"),
        "open": QCoreApplication.translate("Labels", "open"),
        "pending": QCoreApplication.translate("Labels", "pending"),
        "resolved": QCoreApplication.translate("Labels", "resolved"),
        "spam": QCoreApplication.translate("Labels", "spam"),
    }
    return t.get(status, status)


def outbox_label(status: str) -> str:
    t = {
        "queued": QCoreApplication.translate("Labels", "queued"),
        "sending": QCoreApplication.translate("Labels", "sending"),
        "sent": QCoreApplication.translate("Labels", "sent"),
        "failed": QCoreApplication.translate("Labels", "failed"),
        "unknown": QCoreApplication.translate("Labels", "outcome unknown"),
        "draft": QCoreApplication.translate("Labels", "draft"),
    }
    return t.get(status, status)


def check_label(name: str) -> str:
    """A reply check's name (``socialdesk.checks.CHECK_NAMES``) as the composer shows it."""
    t = {
        "empty": QCoreApplication.translate("Labels", "Empty"),
        "fields": QCoreApplication.translate("Labels", "To fill in"),
        "length": QCoreApplication.translate("Labels", "Length"),
        "personal_data": QCoreApplication.translate("Labels", "Personal details"),
        "tone": QCoreApplication.translate("Labels", "Tone"),
        "avoid_words": QCoreApplication.translate("Labels", "Words to avoid"),
        "emoji": QCoreApplication.translate("Labels", "Emoji"),
        "repeated": QCoreApplication.translate("Labels", "Repeated text"),
        "shortcodes": QCoreApplication.translate("Labels", "Snippet not expanded"),
    }
    return t.get(name, name.replace("_", " "))


def intent_label(intent: str) -> str:
    t = {
        "complaint": QCoreApplication.translate("Labels", "complaint"),
        "question": QCoreApplication.translate("Labels", "question"),
        "request": QCoreApplication.translate("Labels", "request"),
        "praise": QCoreApplication.translate("Labels", "praise"),
        "feedback": QCoreApplication.translate("Labels", "feedback"),
        "spam": QCoreApplication.translate("Labels", "spam"),
        "other": QCoreApplication.translate("Labels", "other"),
    }
    return t.get(intent, intent)


def topic_label(topic: str) -> str:
    t = {
        "delivery": QCoreApplication.translate("Labels", "delivery"),
        "billing": QCoreApplication.translate("Labels", "billing"),
        "account_access": QCoreApplication.translate("Labels", "account access"),
        "product_defect": QCoreApplication.translate("Labels", "product defect"),
        "outage": QCoreApplication.translate("Labels", "outage"),
        "staff_behaviour": QCoreApplication.translate("Labels", "staff behaviour"),
    }
    return t.get(topic, topic.replace("_", " "))


def duration_label(seconds: float) -> str:
    """'22 min', '4.5 h', '3.2 d' in the window's language and number format (the core's
    ``format_duration`` stays English for the CLI)."""
    locale = QLocale()
    value, unit = duration_parts(seconds)
    if unit == "min":
        return QCoreApplication.translate("Labels", "{0} min").format(locale.toString(round(value)))
    number = locale.toString(value, "f", 1)
    if unit == "h":
        return QCoreApplication.translate("Labels", "{0} h").format(number)
    return QCoreApplication.translate("Labels", "{0} d").format(number)


def time_label(at: datetime) -> str:
    """A message's local time, '23 Nov 10:47', with the language's month names."""
    local = at.astimezone()
    moment = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
    )
    return QLocale().toString(moment, "d MMM HH:mm")


def number_label(count: int) -> str:
    """12,400 in English, 12.400 in Turkish."""
    return QLocale().toString(count)


def plain_tip(text: str) -> str:
    """Rich text that reads exactly as ``text`` (tooltips guess rich text from what they
    are given): every character escaped, lines kept."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


_LONG_RUN = re.compile(r"\S{30,}")
WRAP_EVERY = 20


def breakable(text: str) -> str:
    """``text`` with a zero-width space every few characters of a very long word (a
    link, a run of letters), so a word-wrapped label can break it instead of widening
    the window; the characters shown are the same."""
    return _LONG_RUN.sub(
        lambda run: "\u200b".join(
            run.group(0)[i : i + WRAP_EVERY] for i in range(0, len(run.group(0)), WRAP_EVERY)
        ),
        text,
    )


def wrapping(label: QLabel) -> QLabel:
    """A word-wrapped label that takes the width its layout gives and never asks for
    more: whatever text it shows, the window does not grow."""
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    return label
