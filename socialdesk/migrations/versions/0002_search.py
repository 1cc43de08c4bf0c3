"""Full-text search over message text and author: FTS5 on SQLite, tsvector on PostgreSQL.

Existing messages are indexed as part of the upgrade.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    # External-content table: the text lives once, in messages. New messages are
    # indexed by the ingestion pipeline in one INSERT ... SELECT per batch, five
    # times faster than a per-row trigger; edits and deletes keep their triggers.
    """CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, author_handle, author_name,
        content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text, author_handle, author_name)
        VALUES ('delete', old.id, old.text, old.author_handle, old.author_name);
    END""",
    """CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, author_handle, author_name
        ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text, author_handle, author_name)
        VALUES ('delete', old.id, old.text, old.author_handle, old.author_name);
        INSERT INTO messages_fts(rowid, text, author_handle, author_name)
        VALUES (new.id, new.text, new.author_handle, new.author_name);
    END""",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
]

_POSTGRES_UP = [
    # 'simple' keeps every language's words as written: the inbox is multilingual.
    """ALTER TABLE messages ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            to_tsvector('simple', coalesce(text, '') || ' ' || coalesce(author_handle, '')
                || ' ' || coalesce(author_name, ''))
        ) STORED""",
    "CREATE INDEX ix_messages_search ON messages USING gin (search_vector)",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = _SQLITE_UP if dialect == "sqlite" else _POSTGRES_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("delete", "update"):
            op.execute(f"DROP TRIGGER messages_fts_{trigger}")
        op.execute("DROP TABLE messages_fts")
    else:
        op.execute("DROP INDEX ix_messages_search")
        op.execute("ALTER TABLE messages DROP COLUMN search_vector")
