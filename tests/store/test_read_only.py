"""Read-only serving: a SELECT-only role keeps reading the store across refreshes (the swap
carries the live tables' grants over), cannot write, and the dashboard and exports use it
through WELLBEING_READ_DATABASE_URL. SQLite's read-only mode serves too."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dashboard.model import Atlas
from etl.pipeline import run
from store.cities import drop_city, list_cities, make_city_engine, read_city_values
from store.engine import clear_engine_cache, make_engine, read_database_url
from store.read import read_snapshot
from tests.conftest import ADMIN_URL
from tests.etl.smallcity import CODES, write_small_city

pytestmark = pytest.mark.postgis


@pytest.fixture
def reader_url(postgis_engine: Engine) -> Iterator[str]:
    """A login role that may only read the session's PostGIS store."""
    role = f"atlas_reader_{uuid.uuid4().hex[:8]}"
    database = postgis_engine.url.database
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'ALTER ROLE "{role}" SET default_transaction_read_only = on'))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"'))
    with postgis_engine.begin() as conn:
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
    url = postgis_engine.url.set(username=role, password=None)
    yield url.render_as_string(hide_password=False)
    with postgis_engine.begin() as conn:
        conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"'))
        conn.execute(text(f'REVOKE ALL ON SCHEMA public FROM "{role}"'))
    with admin.connect() as conn:
        conn.execute(text(f'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \'{role}\''))
        conn.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM "{role}"'))
        conn.execute(text(f'DROP ROLE "{role}"'))
    admin.dispose()


def test_a_read_only_role_reads_across_two_refreshes(postgis_engine: Engine, reader_url: str,
                                                     tmp_path: Path) -> None:
    config = write_small_city(tmp_path, methods=True)
    reader = make_engine(reader_url)
    try:
        for refresh in range(3):  # the first load, then two refreshes
            run(config, postgis_engine, force=refresh > 0)
            snapshot = read_snapshot(reader)
            assert sorted(snapshot.areas.loc[snapshot.areas["level"] != "city", "code"]) == CODES
            assert len(snapshot.values) > 0
            assert snapshot.comparators["code"].tolist() == ["SE"]  # swapped with its grants
            assert len(snapshot.comparator_values) > 0
        with pytest.raises(DBAPIError, match=r"permission denied|read-only transaction"), reader.begin() as conn:
            conn.execute(text("DELETE FROM indicator_values"))
    finally:
        reader.dispose()


def test_the_dashboard_reads_through_the_read_url(monkeypatch: pytest.MonkeyPatch,
                                                  postgis_engine: Engine, reader_url: str,
                                                  tmp_path: Path) -> None:
    run(write_small_city(tmp_path), postgis_engine)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:5999/x")  # ETL's, unused
    monkeypatch.setenv("WELLBEING_READ_DATABASE_URL", reader_url)
    clear_engine_cache()
    try:
        assert read_database_url() == reader_url
        atlas = Atlas()
        assert make_url(str(atlas.engine.url)).username == make_url(reader_url).username
        assert not atlas.comparisons().empty
    finally:
        clear_engine_cache()


def test_sqlite_read_only_mode_serves_and_refuses_writes(sqlite_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "city"), sqlite_engine)
    sqlite_engine.dispose()
    copy = tmp_path / "served" / "atlas.sqlite"
    copy.parent.mkdir()
    shutil.copy(make_url(str(sqlite_engine.url)).database or "", copy)
    reader = make_engine(f"sqlite:///file:{copy}?mode=ro&uri=true")
    try:
        assert len(read_snapshot(reader).values) > 0
        with pytest.raises(DBAPIError, match="readonly"), reader.begin() as conn:
            conn.execute(text("DELETE FROM indicator_values"))
    finally:
        reader.dispose()


def test_a_read_only_role_reads_every_city_of_a_many_city_store(postgis_engine: Engine, reader_url: str,
                                                                tmp_path: Path) -> None:
    """The store's reader (granted SELECT on the store's own tables, as docs/deploy.md says)
    is given the same on each city's schema and on the registry, across refreshes."""
    run(write_small_city(tmp_path / "own"), postgis_engine)  # the store's own city, as granted
    config = write_small_city(tmp_path / "north", methods=True)
    reader = make_engine(reader_url)
    try:
        for refresh in range(2):
            run(config, postgis_engine, city="north", force=refresh > 0)
            city = make_city_engine(reader_url, "north")
            snapshot = read_snapshot(city)
            assert sorted(snapshot.areas.loc[snapshot.areas["level"] != "city", "code"]) == CODES
            assert snapshot.comparators["code"].tolist() == ["SE"] and len(snapshot.values) > 0
            assert list_cities(reader)["slug"].tolist() == ["north"]
            assert len(read_city_values(reader))
            city.dispose()
        with pytest.raises(DBAPIError, match=r"permission denied|read-only transaction"), \
                make_city_engine(reader_url, "north").begin() as conn:
            conn.execute(text("DELETE FROM indicator_values"))
    finally:
        reader.dispose()
        drop_city(postgis_engine, "north")  # its grants and default privileges go with it
