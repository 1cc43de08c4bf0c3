"""An index on each contact's conversations by time.

Ingestion asks, for every batch, which conversations each author had this week
(the repeat-contact flag); without this index that question read the whole
conversations table once per batch, so large imports slowed as they grew. The
author's history in the conversation pane asks the same.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_conversations_contact", "conversations", ["contact_id", "last_message_at"])


def downgrade() -> None:
    op.drop_index("ix_conversations_contact", "conversations")
