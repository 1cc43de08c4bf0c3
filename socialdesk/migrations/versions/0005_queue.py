"""The triage queue kept in order by the database, and the outbox.

A million conversations cannot be sorted for every page. Each conversation now
holds what the queue needs: ``queue_priority`` (its priority with the waiting
points as of the last time they were worked out, see ``socialdesk.queue``),
``complaint`` and ``kind`` of its latest customer message, and two generated
columns, ``bucket`` (the working inbox, pending, resolved or spam) and
``queue_rank`` (waiting conversations above answered ones, then by queue
priority). Indexes serve each view and sort of the inbox in order, so a page is
read, not sorted, and the navigation counts come from an index alone.

``outbox`` holds replies an agent has queued; the Drafting issue sends them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from socialdesk.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# As written here, not imported: a migration stays what it was when it shipped.
# The queue's bucket: 0 the working inbox (new or open), 1 pending, 2 resolved, 3 spam.
BUCKET_SQL = (
    "CASE WHEN status IN ('new', 'open') THEN 0 WHEN status = 'pending' THEN 1 "
    "WHEN status = 'resolved' THEN 2 ELSE 3 END"
)
RANK_SQL = "CASE WHEN awaiting_since IS NULL THEN queue_priority ELSE 1000 + queue_priority END"
RANK_ORDER = "queue_rank DESC, awaiting_since, id"
INDEXES = [
    # Every view in priority order. The trailing columns let a filter on them, and the
    # navigation's counts, be read from the index alone.
    "ix_queue_rank ON conversations "
    f"(bucket, {RANK_ORDER}, public, complaint, network, account_id)",
    "ix_queue_newest ON conversations (bucket, last_message_at DESC, id DESC)",
    "ix_queue_waiting ON conversations (bucket, (awaiting_since IS NULL), awaiting_since, id)",
    # Partial: only the few conversations they list, so ingestion rarely pays for them.
    f"ix_queue_keyword ON conversations (bucket, {RANK_ORDER}) WHERE kind = 'keyword_hit'",
    f"ix_queue_assignee ON conversations (assignee, bucket, {RANK_ORDER}) "
    "WHERE assignee IS NOT NULL",
]


# Search needs words and their prefixes in any column, never phrases or positions: the
# index without them is a fifth cheaper to fill and smaller (FTS5's detail=none).
_FTS_SQLITE = [
    "DROP TABLE messages_fts",
    """CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, author_handle, author_name,
        content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
        detail=none
    )""",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for statement in _FTS_SQLITE:
            op.execute(statement)
    # SQLite can add only virtual generated columns; PostgreSQL has only stored ones.
    generated = "VIRTUAL" if sqlite else "STORED"
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(
            sa.Column("queue_priority", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("complaint", sa.Boolean))
        batch.add_column(sa.Column("kind", sa.String(32)))
    op.execute(
        f"ALTER TABLE conversations ADD COLUMN bucket SMALLINT "
        f"GENERATED ALWAYS AS ({BUCKET_SQL}) {generated}"
    )
    op.execute(
        f"ALTER TABLE conversations ADD COLUMN queue_rank INTEGER "
        f"GENERATED ALWAYS AS ({RANK_SQL}) {generated}"
    )
    # Existing conversations take their latest customer message's facts; their queue
    # priority starts at the stored one and the queue's first refresh adds the waiting.
    op.execute(
        "UPDATE conversations SET queue_priority = priority, "
        "complaint = (SELECT m.complaint FROM messages m "
        "WHERE m.id = conversations.last_inbound_message_id), "
        "kind = (SELECT m.kind FROM messages m WHERE m.id = conversations.last_inbound_message_id)"
    )
    op.drop_index("ix_conversations_queue", "conversations")
    for index in INDEXES:
        op.execute(f"CREATE INDEX {index}")
    op.create_table(
        "queue_state",
        sa.Column("id", sa.Integer, primary_key=True),
        # Until when the waiting points in queue_priority were last worked out.
        sa.Column("aged_at", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer,
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "in_reply_to_message_id",
            sa.Integer,
            sa.ForeignKey("messages.id", ondelete="SET NULL"),
        ),
        sa.Column("network", sa.String(32), nullable=False),
        sa.Column("public", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("actor", sa.String(255)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_outbox_conversation", "outbox", ["conversation_id", "created_at"])
    op.create_index("ix_outbox_status", "outbox", ["status"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("queue_state")
    for index in INDEXES:
        op.drop_index(index.split()[0], "conversations")
    op.create_index("ix_conversations_queue", "conversations", ["status", "priority"])
    with op.batch_alter_table("conversations") as batch:
        for column in ("queue_rank", "bucket", "kind", "complaint", "queue_priority"):
            batch.drop_column(column)
