"""Service levels: each account's own response-time policies, the team's settings
(business hours), and the per-conversation facts the reports read.

``sla_policies`` overrides the shipped default (``resources/sla/defaults.json``) for one
account and kind of conversation. ``workspace_settings`` holds JSON the whole team
shares. ``conversation_facts`` and ``response_facts`` are worked out from the event log
and kept up to date from it (``facts_state`` records how far they have read), so a
report over a million messages reads one row per conversation.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from socialdesk.models import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sla_policies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("first_response_s", sa.Integer, nullable=False),
        sa.Column("next_response_s", sa.Integer, nullable=False),
        sa.Column("resolution_s", sa.Integer, nullable=False),
        sa.Column("goal_pct", sa.Float, nullable=False),
        sa.Column("business_hours", sa.Boolean, nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("account_id", "kind", name="uq_sla_policies_kind"),
    )
    op.create_table(
        "workspace_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "conversation_facts",
        sa.Column(
            "conversation_id",
            sa.Integer,
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("first_message_id", sa.Integer),
        sa.Column("pauses", sa.Text),
        sa.Column("agent", sa.String(255)),
        sa.Column("first_response_at", sa.Float),
        sa.Column("first_response_s", sa.Float),
        sa.Column("first_response_bs", sa.Float),
        sa.Column("next_responses", sa.Integer, nullable=False),
        sa.Column("resolved_at", sa.Float),
        sa.Column("resolution_s", sa.Float),
        sa.Column("resolution_bs", sa.Float),
        sa.Column("replies", sa.Integer, nullable=False),
        sa.Column("replies_to_resolution", sa.Integer),
        sa.Column("reopened", sa.Integer, nullable=False),
        sa.Column("handle_s", sa.Float, nullable=False),
    )
    op.create_index("ix_conversation_facts_started", "conversation_facts", ["started_at"])
    op.create_table(
        "response_facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer,
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("asked_at", sa.Float, nullable=False),
        sa.Column("answered_at", sa.Float, nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("business_seconds", sa.Float, nullable=False),
        sa.Column("agent", sa.String(255)),
    )
    op.create_index("ix_response_facts_conversation_id", "response_facts", ["conversation_id"])
    # Status changes of waiting conversations (when their clocks paused): read by every
    # wallboard refresh, a few among many events.
    op.create_index(
        "ix_events_status_changes",
        "events",
        ["conversation_id", "at"],
        sqlite_where=sa.text("type = 'status_changed'"),
        postgresql_where=sa.text("type = 'status_changed'"),
    )
    op.create_table(
        "facts_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
        sa.Column("missing", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("facts_state")
    op.drop_index("ix_events_status_changes", "events")
    op.drop_index("ix_response_facts_conversation_id", "response_facts")
    op.drop_table("response_facts")
    op.drop_index("ix_conversation_facts_started", "conversation_facts")
    op.drop_table("conversation_facts")
    op.drop_table("workspace_settings")
    op.drop_table("sla_policies")
