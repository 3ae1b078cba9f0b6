"""A store outage on a PostgreSQL cluster of the test's own: the geometry endpoint answers
503 with Retry-After (not 500), pages show the banner, and both recover when the cluster
is back. The shared cluster on 5432 is never touched."""

from __future__ import annotations

import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dashboard.app import create_app
from dashboard.model import Atlas
from etl.pipeline import run
from presentation.i18n import t
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.dash_client import page_response
from tests.conftest import missing_component
from tests.etl.smallcity import write_small_city

pytestmark = pytest.mark.postgis
VERSION = "15"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ctl(name: str, action: str) -> None:
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", VERSION, name, action],
                   check=True, capture_output=True, timeout=120)


@pytest.fixture
def own_cluster() -> Iterator[tuple[str, str]]:
    """(cluster name, store URL) of a fresh PostgreSQL cluster with PostGIS, dropped after."""
    if shutil.which("pg_createcluster") is None:
        missing_component("REQUIRE_POSTGIS", "pg_createcluster is not installed")
    name, port = f"wb_outage_{uuid.uuid4().hex[:6]}", _free_port()
    subprocess.run(["pg_createcluster", VERSION, name, "--port", str(port), "--",
                    "--auth-host=trust", "--auth-local=trust"], check=True, capture_output=True,
                   timeout=120)
    try:
        _ctl(name, "start")
        admin = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE atlas"))
        admin.dispose()
        yield name, f"postgresql+psycopg://postgres@127.0.0.1:{port}/atlas"
    finally:
        subprocess.run(["pg_dropcluster", "--stop", VERSION, name], capture_output=True, timeout=120)


def test_geometry_is_503_during_an_outage_and_recovers(own_cluster: tuple[str, str],
                                                       tmp_path: Path) -> None:
    name, url = own_cluster
    engine = make_engine(url)
    upgrade(engine)
    run(write_small_city(tmp_path), engine)
    client = create_app(Atlas(engine)).server.test_client()
    version = 1
    assert client.get(f"/geo/{version}.geojson").status_code == 200
    _ctl(name, "stop")
    engine.dispose()
    down = client.get(f"/geo/{version}.geojson")
    assert down.status_code == 503, down.get_data(as_text=True)[:200]
    assert down.headers["Retry-After"].isdigit()
    assert "Traceback" not in down.get_data(as_text=True)
    page = page_response(client, "/", "?lang=en")
    assert page.status_code == 200 and t("error.store_down", "en") in page.get_data(as_text=True)
    _ctl(name, "start")
    assert client.get(f"/geo/{version}.geojson").status_code == 200
    engine.dispose()
