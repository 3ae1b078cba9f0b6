"""Shared fixtures: stores (embedded SQLite and a real PostGIS), a Redis of the test's
own, and component gating.

REQUIRE_POSTGIS=1 / REQUIRE_BROWSER=1 / REQUIRE_REDIS=1 turn a missing component into a
failure instead of a skip (CI sets all three).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import waitress
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, create_engine, text

from store.engine import make_engine
from store.migrate import upgrade
from store.schema import Base

# No timing assumption in any test: property tests have no deadline (the default 200 ms
# fails on two busy cores) and may run slowly without a health-check failure.
hypothesis_settings.register_profile(
    "atlas", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("atlas")

ADMIN_URL = os.environ.get(
    "POSTGIS_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"


def missing_component(env_var: str, reason: str) -> None:
    """Skip, or fail when ``env_var`` is 1 (CI)."""
    if os.environ.get(env_var) == "1":
        pytest.fail(f"{reason} ({env_var}=1, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def waitress_serving(wsgi: Any, threads: int = 2) -> Iterator[str]:
    """``wsgi`` served by waitress (as `wellbeing serve` does) on a free localhost port,
    from a background thread; yields the base URL. Closing the socket under the
    server's loop may raise EBADF there: expected while stopping, an error otherwise."""
    server = waitress.create_server(wsgi, host="127.0.0.1", port=0, threads=threads)
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stopping.set()
        server.close()
        thread.join(timeout=10)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def redis_serving(folder: Path, port: int | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A redis-server of the test's own on a free localhost port (never the shared one on
    6379), persisting nothing; yields (its URL, its process), stopped at the end."""
    binary = shutil.which("redis-server")
    if binary is None:
        missing_component("REQUIRE_REDIS", "redis-server is not installed (apt-get install redis-server)")
    try:
        import redis
    except ImportError:
        missing_component("REQUIRE_REDIS", "the redis package is not installed")
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([str(binary), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {port}") from None
                time.sleep(0.05)
        yield url, proc
    finally:
        client.close()
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """The URL of a Redis of this test's own."""
    with redis_serving(tmp_path / "redis") as (url, _proc):
        yield url


def realdata_dir(name: str) -> Path:
    """A folder of ../shared/realdata, or skip with the reason."""
    path = REALDATA / name
    if not path.exists():
        pytest.skip(f"real-data folder {path} is absent (it lives beside the project, in shared/)")
    return path


def clear_store(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh embedded store in a temporary file, schema applied."""
    engine = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgis_url() -> Iterator[str]:
    """A fresh PostGIS database for this test session (dropped at the end)."""
    try:
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            has = conn.execute(
                text("SELECT 1 FROM pg_available_extensions WHERE name='postgis'")
            ).first()
    except Exception as exc:
        missing_component("REQUIRE_POSTGIS", f"PostgreSQL not reachable at {ADMIN_URL}: {exc}")
        raise
    if has is None:
        missing_component("REQUIRE_POSTGIS", "PostGIS extension is not installed on the server")
    name = f"wellbeing_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgis_engine(postgis_url: str) -> Iterator[Engine]:
    """The session's PostGIS store, emptied before each test."""
    engine = make_engine(postgis_url)
    clear_store(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgis"])
def store_engine(request: pytest.FixtureRequest) -> Engine:
    """The same test on both stores."""
    name = "sqlite_engine" if request.param == "sqlite" else "postgis_engine"
    return request.getfixturevalue(name)
