"""The core's words for statuses, intents and topics, as the window shows them: each
through the translation system (the core and the CLI keep the English words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(status: str) -> str:
    t = {
        "new": QCoreApplication.translate("Labels", "new"),
        "open": QCoreApplication.translate("Labels", "open"),
        "pending": QCoreApplication.translate("Labels", "pending"),
        "resolved": QCoreApplication.translate("Labels", "resolved"),
        "spam": QCoreApplication.translate("Labels", "spam"),
    }
    return t.get(status, status)


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
