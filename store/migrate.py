"""Alembic migrations of the store, run programmatically (``wellbeing db upgrade``)."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from store.cities import city_of, schema_name
from store.engine import StoreError, get_engine, is_postgis

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def alembic_config(engine: Engine) -> Config:
    cfg = _config()
    cfg.attributes["engine"] = engine
    return cfg


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


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


def own_schema(engine: Engine) -> str | None:
    """The PostgreSQL schema of a city of a many-city store (``store.cities``), else None.
    Looked up by name: its search path ends in ``public`` (PostGIS), where a lookup
    without a schema would also find the store's own city's tables."""
    slug = city_of(engine)
    return schema_name(slug) if slug is not None and is_postgis(engine) else None


def has_tables(engine: Engine) -> bool:
    """True when the store has its tables (at whatever schema revision)."""
    return inspect(engine).has_table("indicator_values", schema=own_schema(engine))


def head_revision() -> str:
    """The newest schema revision this version of the atlas knows."""
    head = _scripts().get_current_head()
    assert head is not None, "no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision (None for a store without the atlas's tables)."""
    with engine.connect() as conn:
        return MigrationContext.configure(
            conn, opts={"version_table_schema": own_schema(engine)}).get_current_revision()


def _state(engine: Engine) -> tuple[str, str | None]:
    """The store's schema state (see ``schema_state``) and its revision."""
    revision = current_revision(engine)
    if revision is None or not has_tables(engine):
        return "empty", revision
    if revision == head_revision():
        return "current", revision
    known = {script.revision for script in _scripts().walk_revisions()}
    return ("behind" if revision in known else "unknown"), revision


def schema_state(engine: Engine) -> str:
    """``current``, ``empty`` (no atlas tables), ``behind`` (an older revision this
    version can upgrade) or ``unknown`` (a revision this version does not know)."""
    return _state(engine)[0]


def schema_problem(engine: Engine) -> str | None:
    """Why this version of the atlas cannot read the store, with the fix; None when it can."""
    state, revision = _state(engine)
    where = engine.url.render_as_string(hide_password=True)
    head = head_revision()
    if state == "empty":
        return (
            f"The store at {where} has no atlas tables yet. Fix: run `wellbeing db upgrade`, "
            "then load a city (`wellbeing etl run CONFIG` or `wellbeing demo`)."
        )
    if state == "behind":
        return (
            f"The store at {where} has schema revision {revision}; this version of the atlas "
            f"needs {head}. Fix: run `wellbeing db upgrade` (it keeps the data)."
        )
    if state == "unknown":
        return (
            f"The store at {where} has schema revision {revision}, which this version of the "
            f"atlas does not know (it knows up to {head}). Fix: update the atlas, or point "
            "DATABASE_URL at another store."
        )
    return None


def check_schema(engine: Engine) -> None:
    """Raise StoreError (saying how to fix it) unless the store is at this version's schema."""
    problem = schema_problem(engine)
    if problem is not None:
        raise StoreError(problem)
