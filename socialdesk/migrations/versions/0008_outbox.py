"""The outbox sends: each reply is a record that says how far it got.

``outbox`` gains the account that sends it (``account_id``), how it goes out
(``channel``: "reply" in the conversation, or "dm" to the author of a public message),
where it came from (``origin``: an agent, or the out-of-hours acknowledgement), the
attempts made (the first, and when the next is due), the lease of the worker sending it
(``claimed_at``/``claimed_by``: a crashed worker's item is taken back when it runs
out), ``maybe_sent`` (an attempt whose outcome is not known: the account's recent posts
are looked up before any retry) and, once sent, the network's id for it. A partial
unique index lets a conversation have one out-of-hours acknowledgement at most, however
many workers of a team race to send it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from socialdesk.models import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (a batch copy would reflect the queue's expression indexes).
    if op.get_bind().dialect.name == "sqlite":  # takes a reference in ADD COLUMN itself
        op.execute(
            "ALTER TABLE outbox ADD COLUMN account_id INTEGER "
            "REFERENCES accounts (id) ON DELETE SET NULL"
        )
    else:
        op.add_column(
            "outbox",
            sa.Column(
                "account_id",
                sa.Integer,
                sa.ForeignKey("accounts.id", ondelete="SET NULL", name="fk_outbox_account"),
            ),
        )
    columns: list[sa.Column[Any]] = [
        sa.Column("channel", sa.String(16), nullable=False, server_default="reply"),
        sa.Column("origin", sa.String(16), nullable=False, server_default="agent"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime()),
        sa.Column("first_attempt_at", UTCDateTime()),
        sa.Column("claimed_at", UTCDateTime()),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("maybe_sent", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("external_id", sa.String(255)),
        sa.Column("sent_at", UTCDateTime()),
    ]
    for column in columns:
        op.add_column("outbox", column)
    op.execute(
        "UPDATE outbox SET account_id = (SELECT c.account_id FROM conversations c "
        "WHERE c.id = outbox.conversation_id)"
    )
    op.create_index(
        "uq_outbox_one_acknowledgement",
        "outbox",
        ["conversation_id"],
        unique=True,
        sqlite_where=sa.text("origin = 'out_of_hours'"),
        postgresql_where=sa.text("origin = 'out_of_hours'"),
    )
    op.create_index("ix_outbox_created", "outbox", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_created", "outbox")
    op.drop_index("uq_outbox_one_acknowledgement", "outbox")
    for column in (
        "sent_at",
        "external_id",
        "maybe_sent",
        "claimed_by",
        "claimed_at",
        "first_attempt_at",
        "next_attempt_at",
        "attempts",
        "origin",
        "channel",
        "account_id",
    ):
        op.drop_column("outbox", column)
