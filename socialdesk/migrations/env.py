"""Alembic environment: always run in-process on a connection the store hands over."""

from __future__ import annotations

from alembic import context

from socialdesk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes one
    raise RuntimeError("SocialDesk migrations run through socialdesk.store.Store, not the CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
