"""Serving with many processes: the demo city in a SQLite store of the test session's own,
and `wellbeing serve` run as a real command (waitress or gunicorn) on a free port.

Each server is a child process of the test, started with the environment the test gives
(``DATABASE_URL``, ``REDIS_URL``, ...), waited for through ``/healthz`` and stopped at the
end; its log (stderr) is kept in a file for the test to read.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pytest

from dashboard.model import Atlas
from store.engine import make_engine
from tests.conftest import free_port

OWN_SETTINGS = ("DATABASE_URL", "WELLBEING_READ_DATABASE_URL", "REDIS_URL", "WELLBEING_WORKERS",
                "WELLBEING_COMPRESS", "WELLBEING_CACHE_MB", "WELLBEING_THREADS")
START_SECONDS = 120  # a loaded 2-core machine imports the app slowly; the wait ends at once when up


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city loaded through the ETL into a SQLite file (read by the servers)."""
    from etl.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_facts(demo_store: Path) -> dict[str, Any]:
    """Area codes, and each indicator's latest period, of the demo city."""
    engine = make_engine(f"sqlite:///{demo_store}")
    atlas = Atlas(engine)
    latest = {str(i): atlas.periods(str(i))[-1] for i in atlas.catalogue().index if atlas.periods(str(i))}
    facts = {"areas": [str(c) for c in atlas.areas().index], "latest": latest,
             "batch": atlas.version()}
    engine.dispose()
    return facts


@dataclass
class Served:
    """A `wellbeing serve` process of the test's own."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    deps: list[dict[str, Any]] = field(default_factory=list)

    def workers(self) -> list[int]:
        """Process ids of gunicorn's workers (none under waitress)."""
        return [c.pid for c in psutil.Process(self.process.pid).children()]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str, timeout: float = 60) -> tuple[int, bytes]:
        return _request(urllib.request.Request(self.url + path), timeout)

    def post(self, body: dict[str, Any], timeout: float = 60) -> tuple[int, bytes]:
        data = json.dumps(body).encode()
        req = urllib.request.Request(self.url + "/_dash-update-component", data=data,
                                     headers={"Content-Type": "application/json"})
        return _request(req, timeout)


def _request(req: urllib.request.Request, timeout: float) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def wellbeing_command() -> list[str]:
    """The `wellbeing` command of this environment."""
    script = Path(sys.executable).with_name("wellbeing")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from wellbeing.cli import app; app()"]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    """``serve(env, workers)`` starts `wellbeing serve` and waits until /healthz answers
    ``healthy`` (200; 503 for a test that starts it without its store)."""
    started: list[Served] = []

    def start(env: dict[str, str], workers: int = 1, healthy: int = 200) -> Served:
        port = free_port()
        log_path = tmp_path / f"serve-{port}.log"
        full_env = {k: v for k, v in os.environ.items() if k not in OWN_SETTINGS}
        full_env.update({"WELLBEING_HOST": "127.0.0.1", "WELLBEING_PORT": str(port),
                         "WELLBEING_COMPRESS": "0", **env})  # no compression work unless asked
        with log_path.open("wb") as log:
            proc = subprocess.Popen([*wellbeing_command(), "serve", "--workers", str(workers)],
                                    env=full_env, stdout=log, stderr=subprocess.STDOUT)
        served = Served(f"http://127.0.0.1:{port}", proc, log_path)
        started.append(served)
        deadline = time.monotonic() + START_SECONDS
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"wellbeing serve exited: {served.log()[-2000:]}")
            try:
                if served.get("/healthz", timeout=5)[0] == healthy and len(served.workers()) >= (
                        workers if workers > 1 else 0):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"wellbeing serve did not answer: {served.log()[-2000:]}")
            time.sleep(0.2)
        served.deps = json.loads(served.get("/_dash-dependencies")[1])
        return served

    yield start
    for served in started:
        if served.process.poll() is None:
            served.process.send_signal(signal.SIGINT)  # quick shutdown (gunicorn and waitress)
            try:
                served.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                served.process.kill()
                served.process.wait(timeout=30)
