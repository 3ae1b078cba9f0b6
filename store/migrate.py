"""Alembic migrations of the store, run programmatically (``wellbeing db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text

from store.engine import StoreError, get_engine, is_postgis

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def ensure_postgis(engine: Engine) -> None:
    """Create the PostGIS extension, or explain how to install it."""
    if not is_postgis(engine):
        return
    with engine.begin() as conn:
        available = conn.execute(
            text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
        ).first()
        if available is None:
            raise StoreError(
                "PostGIS is not installed on the PostgreSQL server at "
                f"{engine.url.render_as_string(hide_password=True)}. Install it "
                "(Debian: apt-get install postgresql-15-postgis-3) or unset DATABASE_URL "
                "to use the embedded SQLite store."
            )
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))


def upgrade(engine: Engine | None = None, revision: str = "head") -> None:
    """Bring the store's schema to ``revision``."""
    engine = engine or get_engine()
    ensure_postgis(engine)
    command.upgrade(alembic_config(engine), revision)


def is_current(engine: Engine) -> bool:
    """True when the store has all tables (cheap check before reads)."""
    return inspect(engine).has_table("indicator_values")
