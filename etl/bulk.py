"""PostgreSQL bulk loading: COPY through psycopg 3 into new tables, swapped in at the end.

A refresh never touches the tables readers use until its last moment:
``staged`` creates an empty ``<table>_next`` beside each of the city's tables
(columns, defaults, checks and storage settings only), the load COPYs into
those, then they get their keys, indexes and foreign keys (sorted builds, much
faster than upkeep row by row) and statistics. Only then does the load lock the live tables,
drop them and rename the new ones (and their indexes) to the canonical names;
all in the load's one transaction, so a failure leaves nothing behind.

Readers keep reading the old rows during the whole COPY and index build. They
must take ACCESS SHARE locks on ``SWAPPED`` (in that order) before their first
query, as ``store.read.read_snapshot`` does: the swap then waits for readers in
flight, and a reader that comes later resolves the names to the new tables
with a snapshot that sees their rows (never the new, empty-looking table with an
old snapshot).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd
from psycopg import Connection as Driver
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter
from sqlalchemy import Connection

from etl.copyformat import HEADER, TRAILER, encoded_chunks
from etl.errors import EtlError
from store.comparison_schema import MATERIALISED_TABLES
from store.programme_schema import PROGRAMME_TABLES

Advance = Callable[[int], None]

# The tables a refresh replaces, in the order readers and the swap lock them.
SWAPPED = ("city", "areas", "indicators", "indicator_values", "area_notes", "comparators",
           "comparator_values", *PROGRAMME_TABLES, *MATERIALISED_TABLES)
SUFFIX = "_next"
log = logging.getLogger("etl.comparisons")  # the materialising steps' timings, in one logger
# Memory for the sorted index builds (the server's default is 64MB); shared by the
# parallel workers, so 1GB keeps a 5M-row key build in memory.
BUILD_MEMORY = "1GB"
# One loader at a time: two refreshes would race for the _next names.
LOAD_LOCK = 7_370_215_001

# Keys with their index's storage parameters (pg_get_constraintdef leaves them out).
_CONSTRAINTS = """
SELECT c.conname, c.contype, pg_get_constraintdef(c.oid),
       CASE WHEN c.contype <> 'f' THEN array_to_string(i.reloptions, ', ') END
FROM pg_constraint c LEFT JOIN pg_class i ON i.oid = c.conindid
WHERE c.conrelid = to_regclass(%s) AND c.contype IN ('p', 'u', 'f')
ORDER BY c.contype DESC, c.conname
"""
_INDEXES = """
SELECT i.relname, pg_get_indexdef(i.oid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = to_regclass(%s)
ORDER BY i.relname
"""


def driver(conn: Connection) -> Driver[Any]:
    """The psycopg connection under a SQLAlchemy connection (same transaction)."""
    raw = conn.connection.driver_connection
    if not isinstance(raw, Driver):
        raise EtlError(
            "the PostgreSQL connection is not psycopg 3; cannot COPY. "
            "Fix: use a postgresql+psycopg:// DATABASE_URL."
        )
    return raw


def _copy_statement(table: str, columns: list[str], binary: bool) -> sql.Composed:
    """COPY into a staging table. FREEZE: the table was created in this transaction,
    so its rows go in frozen and its pages all-visible (no hint-bit writes when the
    first reader scans them; index-only scans work at once)."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    return statement + sql.SQL(" (FORMAT BINARY, FREEZE)" if binary else " (FREEZE)")


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
    statement = _copy_statement(table, columns, types is not None)
    with driver(conn).cursor() as cursor, cursor.copy(statement) as copy:
        if types is not None:
            copy.set_types(types)
        for chunk in chunks:
            for row in chunk:
                copy.write_row(row)
            advance(len(chunk))


def copy_frame(
    conn: Connection,
    table: str,
    frame: pd.DataFrame,
    types: dict[str, str],
    key: list[str],
    advance: Advance,
    chunk_rows: int = 100_000,
) -> None:
    """Binary COPY of ``frame``'s ``types`` columns (text, float8, int8, int4, bool), no row loop.

    Rows go in ``key`` order (text columns), so an index on that key builds fast.
    """
    columns = list(types)
    statement = _copy_statement(table, columns, binary=True)
    with driver(conn).cursor() as cursor, cursor.copy(
        statement, writer=QueuedLibpqWriter(cursor)  # the server parses while we encode
    ) as copy:
        copy.write(HEADER)
        for count, data in encoded_chunks(frame, columns, list(types.values()), key, chunk_rows):
            copy.write(data)
            advance(count)
        copy.write(TRAILER)


def staging(table: str) -> str:
    """The name a table's replacement has until the swap."""
    return table + SUFFIX


@contextmanager
def staged(conn: Connection, tables: tuple[str, ...] = SWAPPED) -> Iterator[None]:
    """Create ``<table>_next`` for ``tables``; on exit build their keys and swap them in.

    The body fills the new tables. Everything happens in the caller's
    transaction; an exception in the body leaves the live tables as they were.
    """
    raw = driver(conn)
    raw.execute("SELECT pg_advisory_xact_lock(%s)", (LOAD_LOCK,))
    conn.info["staged"] = True  # writers fill the <table>_next tables (etl.comparisons)
    for table in tables:
        raw.execute(
            sql.SQL(
                "CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)"
            ).format(
                sql.Identifier(staging(table)), sql.Identifier(table)
            )
        )
        _copy_grants(raw, table)
    try:
        yield
    finally:
        conn.info.pop("staged", None)
    raw.execute(sql.SQL("SET LOCAL maintenance_work_mem = {}").format(sql.Literal(BUILD_MEMORY)))
    raw.execute("SET LOCAL jit = off")  # compiling the key checks' queries costs more than it saves
    renames: list[str] = []
    for table in tables:
        started = time.perf_counter()
        renames += _build_keys(raw, table, tables)
        raw.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(staging(table))))
        if table in MATERIALISED_TABLES:  # the comparison table's keys: part of materialising
            seconds = time.perf_counter() - started
            log.info("%s keyed in %.2f s", table, seconds, extra={"materialise_s": seconds})
    _swap(raw, tables, renames)


_GRANTS = """
SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE r.rolname END, a.privilege_type, a.is_grantable
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
LEFT JOIN pg_roles r ON r.oid = a.grantee
WHERE c.oid = to_regclass(%s) AND a.grantee <> c.relowner
ORDER BY 1, 2
"""
PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}


def _copy_grants(raw: Driver[Any], table: str) -> None:
    """Give ``<table>_next`` the live table's grants to other roles (a read-only role's
    SELECT, say), so that they survive the swap."""
    for role, privilege, grantable in raw.execute(_GRANTS, (table,)).fetchall():
        if privilege not in PRIVILEGES:
            continue
        grantee = sql.SQL("PUBLIC") if role is None else sql.Identifier(role)
        raw.execute(
            sql.SQL("GRANT " + privilege + " ON {} TO {}" + (" WITH GRANT OPTION" if grantable else ""))
            .format(sql.Identifier(staging(table)), grantee)
        )


def _build_keys(raw: Driver[Any], table: str, tables: tuple[str, ...]) -> list[str]:
    """Give ``<table>_next`` the live table's keys, indexes and foreign keys.

    Index-backed names are unique per schema, so they get the suffix until the
    swap; the names to rename are returned. Foreign keys to tables being
    replaced point at their replacements (and follow them through the rename).
    """
    target = sql.Identifier(staging(table))
    renames: list[str] = []
    constraints = raw.execute(_CONSTRAINTS, (table,)).fetchall()
    for name, kind, definition, options in constraints:  # p and u before f
        if options:
            definition += f" WITH ({options})"
        if kind == "f":
            for other in tables:
                definition = definition.replace(f"REFERENCES {other}(", f"REFERENCES {staging(other)}(")
        else:
            renames.append(name)
        new = staging(name) if kind != "f" else name
        raw.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(target, sql.Identifier(new))
            + sql.SQL(definition)
        )
    for name, definition in raw.execute(_INDEXES, (table,)).fetchall():
        if name in renames:
            continue  # built by its constraint
        unique = "UNIQUE " if definition.startswith("CREATE UNIQUE") else ""
        raw.execute(
            sql.SQL("CREATE " + unique + "INDEX {} ON {} USING ").format(
                sql.Identifier(staging(name)), target
            )
            + sql.SQL(definition.split(" USING ", 1)[1])
        )
        renames.append(name)
    return renames


def _swap(raw: Driver[Any], tables: tuple[str, ...], renames: list[str]) -> None:
    """Drop the live tables and rename the new ones into place: brief exclusive locks."""
    live = sql.SQL(", ").join(sql.Identifier(t) for t in tables)
    raw.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE").format(live))
    raw.execute(sql.SQL("DROP TABLE {}").format(live))
    for table in tables:
        raw.execute(
            sql.SQL("ALTER TABLE {} RENAME TO {}").format(
                sql.Identifier(staging(table)), sql.Identifier(table)
            )
        )
    for name in renames:
        raw.execute(
            sql.SQL("ALTER INDEX {} RENAME TO {}").format(
                sql.Identifier(staging(name)), sql.Identifier(name)
            )
        )
