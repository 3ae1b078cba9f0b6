"""Alembic environment: the engine comes from store.migrate (never from a URL in an ini)."""

from __future__ import annotations

from alembic import context

from store.engine import get_engine
from store.migrate import own_schema
from store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or get_engine()
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            version_table_schema=own_schema(engine),  # a city of a many-city store: its own
        )
        context.run_migrations()


run_migrations_online()
