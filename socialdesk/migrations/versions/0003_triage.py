"""Triage: intent and topic on messages, agents' labels, learned model versions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from socialdesk.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("intent", sa.String(16)))
        batch.add_column(sa.Column("topic", sa.String(32)))
    op.create_table(
        "labels",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("message_id", sa.Integer, sa.ForeignKey("messages.id", ondelete="SET NULL")),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("complaint", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(255)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_labels_message_id", "labels", ["message_id"])
    op.create_table(
        "learned_models",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("feature_version", sa.Integer, nullable=False),
        sa.Column("labels", sa.Integer, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("kind", "version", name="uq_learned_models_version"),
    )


def downgrade() -> None:
    op.drop_table("learned_models")
    op.drop_index("ix_labels_message_id", "labels")
    op.drop_table("labels")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("topic")
        batch.drop_column("intent")
