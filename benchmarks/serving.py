"""What the serving benchmarks (``benchmarks.browser``, ``benchmarks.load``) share: the demo
city in a store of their own, `wellbeing serve` started as a real command on a free
loopback port, and a redis-server of their own (never the shared one on 6379).

Nothing here leaves the machine: every address is 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START_SECONDS = 180
OWN_SETTINGS = ("DATABASE_URL", "WELLBEING_READ_DATABASE_URL", "REDIS_URL", "WELLBEING_WORKERS",
                "WELLBEING_COMPRESS", "WELLBEING_CACHE_MB", "WELLBEING_HOST", "WELLBEING_PORT",
                "WELLBEING_PRERENDER")
PRERENDERED = re.compile(r"pre-rendered load batch (\d+)(?: of [^:]+)?: (\d+) pages and (\d+) PDF profiles in ([\d.]+) s "
                         r"\((\d+) failed\)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_store(folder: Path) -> tuple[Path, dict[str, Any]]:
    """The demo city loaded through the ETL into ``folder``/atlas.sqlite, and its facts
    (area codes, each indicator's latest period, the batch id)."""
    from etl.demo import load_demo
    from store.engine import make_engine

    path = folder / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    facts = store_facts(engine)
    engine.dispose()
    return path, facts


def store_facts(engine: Any) -> dict[str, Any]:
    """What the visitors of ``benchmarks.load`` need of a store: area codes, each
    indicator's latest period, the batch id and the indicators' English names."""
    from dashboard.model import Atlas

    atlas = Atlas(engine)
    latest = {str(i): atlas.periods(str(i))[-1] for i in atlas.catalogue().index if atlas.periods(str(i))}
    facts = {"areas": [str(c) for c in atlas.areas().index], "latest": latest, "batch": atlas.version(),
             "names_en": {str(i): str(n) for i, n in atlas.catalogue()["name_en"].items()}
             if "name_en" in atlas.catalogue().columns else {}}
    return facts


GRID_COLS = 100
UNMATERIALISED = ("comparison_rows", "comparison_cells", "comparison_columns", "display_geometries")


def grid_city(folder: Path, areas: int) -> tuple[Path, dict[str, Any]]:
    """The synthetic grid city of ``areas`` areas (``GRID_COLS`` a row) in ``folder``/atlas.sqlite
    with its comparison table and display geometry materialised as a load writes them, and
    the city's facts."""
    from store.engine import make_engine
    from store.migrate import upgrade
    from synthetic.grid_city import build_city

    if areas % GRID_COLS:
        raise ValueError(f"--areas {areas}: the grid city has {GRID_COLS} areas a row")
    path = folder / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_city(engine, cols=GRID_COLS, rows=areas // GRID_COLS)
    facts = store_facts(engine)
    engine.dispose()
    return path, facts


def grid_store(folder: Path, areas: int) -> tuple[Path, Path, dict[str, Any]]:
    """``grid_city``; a copy of it, before.sqlite, with the materialised tables emptied (a
    store loaded before issue 14: every worker computes the whole table); and its facts."""
    from sqlalchemy import text

    from store.engine import make_engine

    path, facts = grid_city(folder, areas)
    before = folder / "before.sqlite"
    shutil.copy(path, before)
    plain = make_engine(f"sqlite:///{before}")
    with plain.begin() as conn:
        for table in UNMATERIALISED:
            conn.execute(text(f"DELETE FROM {table}"))
    plain.dispose()
    return path, before, facts


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def health(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.url + "/healthz", timeout=10) as resp:
            return json.loads(resp.read())  # type: ignore[no-any-return]


def _command() -> list[str]:
    script = Path(sys.executable).with_name("wellbeing")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from wellbeing.cli import app; app()"]


@contextmanager
def serving(store: Path, folder: Path, workers: int = 1, **settings: str) -> Iterator[Server]:
    """`wellbeing serve --workers N` on the store with ``settings`` (e.g. REDIS_URL=...),
    until /healthz answers 200; stopped (SIGINT, gunicorn's quick shutdown) at the end."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in OWN_SETTINGS}
    env.update({"DATABASE_URL": f"sqlite:///{store}", "WELLBEING_HOST": "127.0.0.1",
                "WELLBEING_PORT": str(port), **settings})
    log = folder / f"serve-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*_command(), "serve", "--workers", str(workers)], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"wellbeing serve exited:\n{log.read_text()[-2000:]}")
            try:
                if server.health().get("status") == "ok":
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"wellbeing serve did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.25)
        yield server
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)


def wait_warm(server: Server, timeout: float = 900, answers: int = 12) -> float:
    """Wait until ``answers`` /healthz answers in a row say warm (so every worker of a
    gunicorn server, which one answers being the kernel's choice, has read the store and
    compressed its scripts); the seconds it took."""
    start, in_a_row = time.monotonic(), 0
    while in_a_row < answers and time.monotonic() - start < timeout:
        in_a_row = in_a_row + 1 if server.health().get("warm", True) else 0
        time.sleep(0.1)
    return time.monotonic() - start


def wait_prerendered(server: Server, timeout: float = 1800) -> dict[str, Any]:
    """Wait until a process of ``server`` logs that it pre-rendered the load batch
    (``dashboard.prerender``; one worker does it when they share Redis); what it made and
    the seconds it took, by its own clock, and by the benchmark's from this call."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        found = PRERENDERED.search(server.log.read_text(encoding="utf-8", errors="replace"))
        if found:
            batch, pages, profiles, seconds, failed = found.groups()
            return {"batch": int(batch), "pages": int(pages), "profiles": int(profiles),
                    "seconds": float(seconds), "failed": int(failed),
                    "waited_seconds": round(time.monotonic() - start, 1)}
        if server.process.poll() is not None:
            raise RuntimeError(f"wellbeing serve exited:\n{server.log.read_text()[-2000:]}")
        time.sleep(0.5)
    raise RuntimeError(f"pre-rendering did not finish in {timeout:g} s:\n{server.log.read_text()[-2000:]}")


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A redis-server of the benchmark's own on a free loopback port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
    import redis

    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=30)
