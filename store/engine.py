"""The store's engine: PostGIS or an embedded SQLite file, chosen by DATABASE_URL."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

import settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = PROJECT_ROOT / "data" / "atlas.sqlite"


class StoreError(RuntimeError):
    """The store cannot be reached or is not set up; the message says how to fix it."""


class BatchChanged(StoreError):
    """A newer load batch replaced the rows of the batch being read (a refresh landed
    between a reader's version check and its read); read again."""

    def __init__(self, detail: str) -> None:
        super().__init__("The data were refreshed while this page was being read "
                         f"({detail}). Reload the page to see the new data.")


def database_url() -> str:
    """DATABASE_URL, or the embedded SQLite file under data/ when unset. No side effect:
    the SQLite file's folder is made by :func:`make_engine`, which opens the file."""
    url = settings.get("DATABASE_URL").strip()
    return _normalise(url) if url else f"sqlite:///{DEFAULT_SQLITE}"


def read_database_url() -> str:
    """WELLBEING_READ_DATABASE_URL (a role that can only read), else :func:`database_url`."""
    url = settings.get("WELLBEING_READ_DATABASE_URL").strip()
    return _normalise(url) if url else database_url()


def sqlite_file(url: str | URL) -> Path | None:
    """The absolute path of a SQLite store's file (None for other stores and in-memory ones)."""
    parsed = make_url(url) if isinstance(url, str) else url
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" \
            or database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve()


def shown_url(url: str | URL | None = None) -> str:
    """The store as commands print it: the password hidden, a SQLite file's path absolute
    (``sqlite:////abs/path/atlas.sqlite``, whatever folder the command ran in)."""
    parsed = make_url(url or database_url()) if not isinstance(url, URL) else url
    path = sqlite_file(parsed)
    if path is not None:
        parsed = parsed.set(database=str(path))
    return parsed.render_as_string(hide_password=True)


def _normalise(url: str) -> str:
    """``postgresql://`` and ``postgres://`` URLs go through psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _make_sqlite_folder(url: str) -> None:
    """The folder of a SQLite file, made before the file is first opened."""
    parsed = make_url(url)
    if parsed.query.get("mode") == "ro":
        return  # read-only: the file must exist already
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy (not pysqlite) decide where transactions begin, so that a
    # reader's several SELECTs see one snapshot and a refresh is one transaction.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    """A new engine for ``url`` (default: :func:`database_url`)."""
    url = url or database_url()
    if url.startswith("sqlite"):
        _make_sqlite_folder(url)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(url, pool_pre_ping=True)


def get_engine(url: str | None = None) -> Engine:
    """A shared engine per URL (cached); the URL is resolved on every call."""
    return _cached_engine(url or database_url())


@lru_cache(maxsize=8)
def _cached_engine(url: str) -> Engine:
    return make_engine(url)


def is_postgis(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def clear_engine_cache() -> None:
    """Forget cached engines (tests that switch DATABASE_URL)."""
    _cached_engine.cache_clear()
