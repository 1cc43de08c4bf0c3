"""Connected accounts: what each polls, how it is doing, what it spends, and the
items a network sent that could not be read.

``accounts`` gains ``connected`` (set up for syncing, its secrets in the keyring),
``settings`` (JSON: poll interval, daily budget, keywords, subreddits), ``state``
with ``state_detail`` and ``state_until`` ("rate_limited" until a time, "needs
reconnecting", ...) and ``last_sync_at``. ``account_usage`` counts requests and
estimated credits per account and UTC day. ``quarantine`` keeps a malformed item's
raw JSON so nothing a network sent is lost.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from socialdesk.models import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(
            sa.Column("connected", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("settings", sa.Text, nullable=False, server_default="{}"))
        batch.add_column(sa.Column("state", sa.String(32), nullable=False, server_default="new"))
        batch.add_column(sa.Column("state_detail", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("state_until", UTCDateTime()))
        batch.add_column(sa.Column("last_sync_at", UTCDateTime()))
    op.create_table(
        "account_usage",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("requests", sa.Integer, nullable=False),
        sa.Column("credits", sa.Float, nullable=False),
        sa.UniqueConstraint("account_id", "day", name="uq_account_usage_day"),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL")),
        sa.Column("network", sa.String(32), nullable=False),
        sa.Column("stream", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_table("account_usage")
    with op.batch_alter_table("accounts") as batch:
        for column in ("last_sync_at", "state_until", "state_detail", "state", "settings"):
            batch.drop_column(column)
        batch.drop_column("connected")
