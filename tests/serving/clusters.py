"""PostgreSQL clusters of a test's own (Debian's postgresql-common tools), never the shared
one on 5432: a single cluster with PostGIS, or a primary with a streaming hot standby.

Each cluster is made with ``pg_createcluster`` on a free port (trust on loopback, initdb
without fsync: a test's data need not survive a crash), and dropped with
``pg_dropcluster --stop`` when the ``with`` block ends, failed or not. A missing tool or
PostGIS skips the test, or fails it under REQUIRE_POSTGIS=1 (CI).

The standby is made as docs/deploy.md ("Replicas") tells a team to: a replication role on
the primary, ``pg_basebackup -R`` into the standby cluster's emptied data directory, and
the standby started; the ``with`` block begins once the primary reports it streaming.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from tests.conftest import free_port, missing_component

VERSION = "15"
DATABASE = "atlas"
REPLICATION_ROLE = "replicator"
TIMEOUT = 120  # seconds for one cluster command on a loaded machine; a working one takes far less
WAIT = 60.0  # seconds for the standby to stream or catch up; ends as soon as it does


@dataclass(frozen=True)
class Cluster:
    """One cluster of the test's own: its name, port and data directory."""

    name: str
    port: int
    data: Path

    def url(self, database: str = DATABASE, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> Engine:
        """An autocommit engine on the ``postgres`` database (dispose it after use)."""
        return create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")

    def scalar(self, sql: str) -> object:
        """One value of ``sql`` run on the ``postgres`` database."""
        engine = self.admin()
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql)).scalar()
        finally:
            engine.dispose()

    def ctl(self, action: str) -> None:
        """``pg_ctlcluster`` start, stop or restart (waits until done)."""
        _run(["pg_ctlcluster", "--skip-systemctl-redirect", VERSION, self.name, action])


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): "
                           f"{done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def require_tools(*tools: str) -> None:
    """Skip (fail under REQUIRE_POSTGIS=1) unless the cluster tools are installed."""
    for tool in ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", *tools):
        if shutil.which(tool) is None and not Path(f"/usr/lib/postgresql/{VERSION}/bin/{tool}").exists():
            missing_component("REQUIRE_POSTGIS", f"{tool} is not installed")


def create(prefix: str) -> Cluster:
    """A new cluster (not started) named ``<prefix>_<random>`` on a free port."""
    name, port = f"{prefix}_{uuid.uuid4().hex[:6]}", free_port()
    _run(["pg_createcluster", VERSION, name, "--port", str(port), "--",
          "--auth-host=trust", "--auth-local=trust", "--no-sync"])
    data = Path(_run(["pg_conftool", "-s", VERSION, name, "show", "data_directory"]).strip())
    return Cluster(name, port, data)


def drop(cluster: Cluster) -> None:
    """Stop and remove the cluster (its data and configuration); quiet if already gone."""
    with suppress(subprocess.SubprocessError, OSError):
        subprocess.run(["pg_dropcluster", "--stop", VERSION, cluster.name], capture_output=True,
                       timeout=TIMEOUT)


def create_database(cluster: Cluster) -> None:
    """The ``atlas`` database, with PostGIS (skip/fail when the server lacks it)."""
    admin = cluster.admin()
    try:
        with admin.connect() as conn:
            has = conn.execute(text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"))
            if has.first() is None:
                missing_component("REQUIRE_POSTGIS", "PostGIS extension is not installed on the server")
            conn.execute(text(f"CREATE DATABASE {DATABASE}"))
    finally:
        admin.dispose()
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    finally:
        engine.dispose()


@contextmanager
def own_cluster(prefix: str = "wb_own") -> Iterator[Cluster]:
    """A started cluster with the ``atlas`` database and PostGIS, dropped after."""
    require_tools()
    cluster = create(prefix)
    try:
        cluster.ctl("start")
        create_database(cluster)
        yield cluster
    finally:
        drop(cluster)


def make_standby(primary: Cluster, standby: Cluster) -> None:
    """Replace ``standby``'s (stopped) data directory by a base backup of ``primary`` taken
    with ``-R`` (standby.signal and primary_conninfo written), as the postgres user."""
    shutil.rmtree(standby.data)
    _run(["install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", str(standby.data)])
    _run(["runuser", "-u", "postgres", "--", f"/usr/lib/postgresql/{VERSION}/bin/pg_basebackup",
          "-h", "127.0.0.1", "-p", str(primary.port), "-U", REPLICATION_ROLE,
          "-D", str(standby.data), "-R", "-X", "stream", "-c", "fast", "--no-sync"])


def wait_streaming(primary: Cluster, standby: Cluster) -> None:
    """Until the primary's pg_stat_replication shows the standby streaming."""
    deadline = time.monotonic() + WAIT
    query = ("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming' "
             f"AND application_name = '{VERSION}/{standby.name}'")
    while primary.scalar(query) != 1:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the standby {standby.name} is not streaming after {WAIT} s")
        time.sleep(0.1)


def wait_replayed(primary: Cluster, standby: Cluster) -> None:
    """Until the standby has replayed everything the primary has written so far."""
    target = primary.scalar("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + WAIT
    query = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
    while standby.scalar(query) is not True:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the standby {standby.name} has not replayed {target} in {WAIT} s")
        time.sleep(0.05)


@contextmanager
def primary_and_standby(prefix: str = "wb_repl") -> Iterator[tuple[Cluster, Cluster]]:
    """A primary (``atlas`` database with PostGIS) and a hot standby streaming from it,
    both dropped after. The standby's cluster is made while the primary starts."""
    require_tools("pg_basebackup", "runuser")
    if os.geteuid() != 0:  # the base backup is written as the postgres user (runuser)
        missing_component("REQUIRE_POSTGIS", "making a standby cluster needs root")
    made: list[Cluster] = []
    try:
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(create, f"{prefix}_s")
            pending.add_done_callback(lambda f: made.extend([] if f.exception() else [f.result()]))
            primary = create(f"{prefix}_p")
            made.append(primary)
            primary.ctl("start")
            create_database(primary)
            engine = primary.admin()
            try:
                with engine.connect() as conn:
                    conn.execute(text(f"CREATE ROLE {REPLICATION_ROLE} WITH REPLICATION LOGIN"))
            finally:
                engine.dispose()
            standby = pending.result()
        make_standby(primary, standby)
        standby.ctl("start")
        wait_streaming(primary, standby)
        yield primary, standby
    finally:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(drop, made))
