"""PostgreSQL bulk loading: COPY through psycopg 3, and big loads without index upkeep.

Keeping a unique key, two indexes and two foreign keys up to date row by row
makes a COPY into ``indicator_values`` several times slower than the COPY
itself. For big loads ``without_keys`` drops them inside the load's
transaction and builds them again before the commit (PostgreSQL's own advice
for populating a database). The DDL is transactional, so a failure restores
them; while the load runs, readers of that table wait for the commit instead
of reading the old rows, and still never see a half-loaded state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from psycopg import Connection as Driver
from psycopg import sql
from sqlalchemy import Connection

from etl.errors import EtlError

Advance = Callable[[int], None]

_CONSTRAINTS = """
SELECT conname, contype, pg_get_constraintdef(oid)
FROM pg_constraint
WHERE conrelid = to_regclass(%s) AND contype IN ('p', 'u', 'f')
"""
_INDEXES = """
SELECT i.relname, pg_get_indexdef(i.oid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = to_regclass(%s)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
"""
# Memory for building the indexes again (per sort; the server's default is 64MB).
BUILD_MEMORY = "256MB"


def driver(conn: Connection) -> Driver[Any]:
    """The psycopg connection under a SQLAlchemy connection (same transaction)."""
    raw = conn.connection.driver_connection
    if not isinstance(raw, Driver):
        raise EtlError(
            "the PostgreSQL connection is not psycopg 3; cannot COPY. "
            "Fix: use a postgresql+psycopg:// DATABASE_URL."
        )
    return raw


def copy_rows(
    conn: Connection,
    table: str,
    columns: list[str],
    chunks: Iterable[list[tuple[Any, ...]]],
    advance: Advance,
    types: list[str] | None = None,
) -> None:
    """COPY rows (None = NULL) into ``table`` inside the current transaction.

    With ``types`` (PostgreSQL type names, one per column) the COPY is binary;
    ``bytea`` then sends bytes as they are, e.g. EWKB into a geometry column.
    """
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    if types is not None:
        statement += sql.SQL(" (FORMAT BINARY)")
    with driver(conn).cursor() as cursor, cursor.copy(statement) as copy:
        if types is not None:
            copy.set_types(types)
        for chunk in chunks:
            for row in chunk:
                copy.write_row(row)
            advance(len(chunk))


@contextmanager
def without_keys(conn: Connection, table: str) -> Iterator[None]:
    """Drop ``table``'s keys, indexes and foreign keys; build them again on exit."""
    raw = driver(conn)
    constraints = raw.execute(_CONSTRAINTS, (table,)).fetchall()
    indexes = raw.execute(_INDEXES, (table,)).fetchall()
    name = sql.Identifier(table)
    # Foreign keys first: with them go the per-row triggers (ON DELETE CASCADE included).
    for con, _kind, _definition in sorted(constraints, key=lambda c: c[1] != "f"):
        raw.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(name, sql.Identifier(con)))
    for index, _definition in indexes:
        raw.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(index)))
    yield
    raw.execute(sql.SQL("SET LOCAL maintenance_work_mem = {}").format(sql.Literal(BUILD_MEMORY)))
    for con, _kind, definition in sorted(constraints, key=lambda c: c[1] == "f"):
        raw.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(name, sql.Identifier(con))
            + sql.SQL(definition)
        )
    for _index, definition in indexes:
        raw.execute(sql.SQL(definition))
    raw.execute(sql.SQL("ANALYZE {}").format(name))
