"""Many cities in one store (issue 14, item 3): where each city lives, and the registry.

A store holds one city, as always, in its own tables (PostgreSQL's default schema, or
the SQLite file). It can hold **more cities**, each loaded under a key (a *slug*:
``wellbeing etl run CONFIG --city boras``):

- on PostgreSQL each city is a schema of the same database, ``city_<slug>``, with the
  atlas's whole schema in it (its own migrations, its own load batches). A city's
  engine sets ``search_path`` to its schema (then ``public`` for PostGIS), so every
  reader and the writer work on it unchanged, and a load swaps that schema's tables only:
  it replaces one city atomically and leaves the others untouched;
- on SQLite (no schemas) each city is a file in the folder beside the store's file,
  ``atlas.cities/<slug>.sqlite`` for ``atlas.sqlite``.

The **registry** lives in the store's own tables (``atlas_cities``,
``atlas_city_indicators``, ``atlas_city_values``): which cities the store holds, their
names and outlines, and each municipality's own values with the country's beside them
(the level above: country → municipality → neighbourhood). Each city's load rewrites
its rows (``etl.cities``); on PostgreSQL in the load's own transaction.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, make_url

from store.engine import (
    StoreError,
    database_url,
    get_engine,
    is_postgis,
    make_engine,
    shown_url,
    sqlite_file,
)

SLUG = re.compile(r"[a-z][a-z0-9_]{0,39}")
_CITY_OF: dict[Engine, str] = {}

registry = MetaData()
atlas_cities = Table(
    "atlas_cities", registry,
    Column("slug", String(40), primary_key=True),
    Column("code", String(64), nullable=False),
    Column("name_sv", String(200)), Column("name_pl", String(200)), Column("name_en", String(200)),
    Column("national_code", String(64)),  # the city's national comparator (the level above)
    Column("national_name_sv", String(200)), Column("national_name_pl", String(200)),
    Column("national_name_en", String(200)),
    Column("batch_id", Integer), Column("loaded_at", DateTime),
    Column("areas", Integer), Column("indicators", Integer),
    Column("outline", Text),  # the municipality's simplified outline, GeoJSON (EPSG:4326)
    Column("min_x", Float), Column("min_y", Float), Column("max_x", Float), Column("max_y", Float),
)
atlas_city_indicators = Table(
    "atlas_city_indicators", registry,
    Column("slug", String(40), nullable=False), Column("indicator_id", String(100), nullable=False),
    Column("name_sv", String(300)), Column("name_pl", String(300)), Column("name_en", String(300)),
    Column("domain", String(64)), Column("unit", String(64)), Column("value_type", String(16)),
    Column("polarity", String(16)), Column("decimals", Integer),
    PrimaryKeyConstraint("slug", "indicator_id"),
)
atlas_city_values = Table(
    "atlas_city_values", registry,
    Column("slug", String(40), nullable=False), Column("indicator_id", String(100), nullable=False),
    Column("period", String(32), nullable=False), Column("sex", String(8), nullable=False),
    Column("age_group", String(32), nullable=False),
    Column("value", Float), Column("lower_ci", Float), Column("upper_ci", Float),
    Column("national_value", Float),
    Column("compared_to_national", String(32)),  # better / similar / worse … (indicators.contract)
    PrimaryKeyConstraint("slug", "indicator_id", "period", "sex", "age_group"),
    Index("atlas_city_values_indicator", "indicator_id"),  # the /cities page reads one indicator
)
REGISTRY_TABLES = (atlas_cities, atlas_city_indicators, atlas_city_values)


def check_slug(slug: str) -> str:
    """``slug`` when it can key a city (a schema and a file name), else StoreError with the fix."""
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise StoreError(
            f"{slug!r} cannot name a city in the store: use 1 to 40 lower-case letters a-z, "
            "digits and underscores, starting with a letter (e.g. --city boras, --city lodz).")
    return slug


def schema_name(slug: str) -> str:
    """The PostgreSQL schema holding city ``slug``."""
    return f"city_{check_slug(slug)}"


def city_folder(url: str) -> Path:
    """The folder of a SQLite store's other cities (``atlas.cities/`` for ``atlas.sqlite``)."""
    path = sqlite_file(url)
    if path is None:
        raise StoreError(f"{make_url(url).render_as_string(hide_password=True)} is not a SQLite "
                         "file: an in-memory store holds one city.")
    return path.with_name(f"{path.stem}.cities")


def city_url(url: str, slug: str) -> str:
    """The URL of city ``slug``'s tables: a PostgreSQL store's own (the schema is set on
    connect), a SQLite store's city file."""
    check_slug(slug)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return url
    return parsed.set(database=str(city_folder(url) / f"{slug}.sqlite")).render_as_string(
        hide_password=False)


def make_city_engine(url: str, slug: str) -> Engine:
    """A new engine on city ``slug`` of the store at ``url``."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = make_engine(city_url(url, slug))
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={
            "options": f"-c search_path={schema_name(slug)},public"})
    _CITY_OF[engine] = slug
    return engine


@lru_cache(maxsize=64)
def city_engine(url: str, slug: str) -> Engine:
    """A shared engine per store URL and city (cached)."""
    return make_city_engine(url, slug)


def store_engine(city: str | None = None, url: str | None = None) -> Engine:
    """The engine commands use: the store at ``url`` (default DATABASE_URL) or its ``city``
    (a slug; StoreError when the store does not hold it)."""
    url = url or database_url()
    if city is None:
        return get_engine(url)
    check_slug(city)
    held = city_slugs(get_engine(url))
    if city not in held:
        listed = ", ".join(held) if held else "none: it is a one-city store"
        raise StoreError(f"The store {shown_url(url)} holds no city {city!r} (cities: {listed}). "
                         f"Fix: load it with `wellbeing etl run CONFIG --city {city}`, or pick "
                         "one of `wellbeing cities list`.")
    return city_engine(url, city)


def city_of(engine: Engine) -> str | None:
    """The city an engine of :func:`make_city_engine` reads (None for the store's own)."""
    return _CITY_OF.get(engine)


def create_city(engine: Engine) -> None:
    """Make room for a city engine's tables: its PostgreSQL schema (the migrations then
    fill it); on SQLite, opening the file makes it."""
    slug = city_of(engine)
    if slug is None or not is_postgis(engine):
        return
    schema = schema_name(slug)
    plain = create_engine(engine.url, pool_pre_ping=True)  # search_path would name a missing schema
    try:
        with plain.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            for role in readers(conn):  # the store's read-only roles read every city too
                conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
                conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"'))
                conn.execute(text(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" '
                                  f'GRANT SELECT ON TABLES TO "{role}"'))
    finally:
        plain.dispose()


_READERS = text("""
SELECT DISTINCT r.rolname FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
JOIN pg_roles r ON r.oid = a.grantee
WHERE c.oid = to_regclass('indicator_values') AND a.privilege_type = 'SELECT'
  AND a.grantee <> c.relowner ORDER BY 1""")


def readers(conn: Connection) -> list[str]:
    """The roles other than its owner that may read the store's own values (a read-only
    role of docs/deploy.md): they are given the same on each city and on the registry."""
    return [str(role) for role in conn.execute(_READERS).scalars()]


def ensure_registry(engine: Engine) -> None:
    """The registry's tables in the store (made once; idempotent), readable by the store's
    read-only roles."""
    registry.create_all(engine, checkfirst=True)
    if is_postgis(engine):
        with engine.begin() as conn:
            for role in readers(conn):
                for table in REGISTRY_TABLES:
                    conn.execute(text(f'GRANT SELECT ON "{table.name}" TO "{role}"'))


def has_registry(engine: Engine) -> bool:
    return inspect(engine).has_table(atlas_cities.name)


def list_cities(engine: Engine) -> pd.DataFrame:
    """The store's cities by slug (every column of ``atlas_cities``); empty for a one-city store."""
    if not has_registry(engine):
        return pd.DataFrame(columns=[c.name for c in atlas_cities.columns])
    return _read(engine, atlas_cities)


def city_slugs(engine: Engine) -> list[str]:
    """The keys of the store's cities, in order ([] for a one-city store): their names only."""
    if not has_registry(engine):
        return []
    with engine.connect() as conn:
        return [str(s) for s in conn.execute(select(atlas_cities.c.slug).order_by(atlas_cities.c.slug)).scalars()]


def registry_state(engine: Engine) -> tuple[Any, ...]:
    """What changes whenever a city is loaded or removed, in a store with a registry
    (:func:`has_registry`): the number of cities, the sum of their load batches and the
    last load's time (one small query)."""
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count(), func.sum(atlas_cities.c.batch_id),
                                         func.max(atlas_cities.c.loaded_at))).one())


def read_city_indicators(engine: Engine) -> pd.DataFrame:
    """Every city's indicators (``atlas_city_indicators``), by city and indicator."""
    return _read(engine, atlas_city_indicators)


def read_city_values(engine: Engine, indicator_id: str | None = None) -> pd.DataFrame:
    """The municipalities' own values against the country (``atlas_city_values``), of one
    indicator or (None) all, in key order."""
    return _read(engine, atlas_city_values, indicator_id)


def _read(engine: Engine, table: Table, indicator_id: str | None = None) -> pd.DataFrame:
    stmt = select(table).order_by(*table.primary_key.columns)
    if indicator_id is not None:
        stmt = stmt.where(table.c.indicator_id == indicator_id)
    with engine.connect() as conn:
        rows = conn.execute(stmt).tuples().all()
    columns = [c.name for c in table.columns]
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(dict(zip(columns, map(list, zip(*rows, strict=True)), strict=True)))


def write_city(conn: Connection, entry: dict, indicators: pd.DataFrame, values: pd.DataFrame) -> None:
    """Replace city ``entry["slug"]``'s registry rows, in ``conn``'s transaction."""
    slug = check_slug(entry["slug"])
    _forget(conn, slug)
    conn.execute(insert(atlas_cities), [entry])
    for table, frame in ((atlas_city_indicators, indicators), (atlas_city_values, values)):
        records = frame.assign(slug=slug)[[c.name for c in table.columns]].astype(object)
        rows = [{str(k): v for k, v in row.items()}
                for row in records.where(records.notna(), None).to_dict("records")]
        if rows:
            conn.execute(insert(table), rows)


def _forget(conn: Connection, slug: str) -> None:
    """Delete city ``slug``'s registry rows (its values and indicators first)."""
    for table in reversed(REGISTRY_TABLES):
        conn.execute(delete(table).where(table.c.slug == slug))


def drop_city(engine: Engine, slug: str) -> bool:
    """Remove city ``slug`` from the store (its schema or file, its registry rows); False
    when the store has no such city."""
    check_slug(slug)
    known = slug in city_slugs(engine)
    if known:
        with engine.begin() as conn:
            _forget(conn, slug)
    url = engine.url.render_as_string(hide_password=False)
    city_engine.cache_clear()
    if is_postgis(engine):
        with engine.begin() as conn:
            schema = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"),
                                  {"s": schema_name(slug)}).first()
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_name(slug)}" CASCADE'))
        return known or schema is not None
    path = Path(make_url(city_url(url, slug)).database or "")
    found = path.exists()
    for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    return known or found

