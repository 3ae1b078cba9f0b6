"""Faults with many workers: `wellbeing serve --workers 2` (gunicorn) on the demo city, with a
Redis of the test's own on a free port (never the shared one).

- Redis killed mid-run: every page and callback still answers 200, from the workers' own
  memory, and each worker says so once in the log.
- A worker killed (SIGKILL) while requests are in flight: only requests on that worker
  are lost (a closed connection, never a 5xx); the other serves every request after at
  once, while gunicorn starts a replacement.
- The store unreachable: /healthz answers 503 with the reason, pages show the banner (200,
  never 500), and both recover when the store is back (SQLite: a read-only file that is
  missing; PostgreSQL: a cluster of the test's own stopped and started).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil
import pytest

from presentation.i18n import t
from synthetic.dash_requests import download_body, page_body, recolour_body
from tests.conftest import redis_serving
from tests.serving.conftest import Served
from tests.store.test_outage import _ctl, own_cluster  # noqa: F401 - a fixture, used below

pytestmark = pytest.mark.redis
DEADLINE = 90  # seconds to wait for what must happen (a respawn, a recovery); ends when it does


def _mix(served: Served, facts: dict[str, Any], lang: str = "en") -> list[dict[str, Any]]:
    """What visitors send: three pages, two recolours, a PDF profile."""
    deps, areas, latest = served.deps, facts["areas"], facts["latest"]
    indicators = sorted(latest)[:2]
    return [page_body(deps, "/", f"?lang={lang}"), page_body(deps, f"/area/{areas[0]}", f"?lang={lang}"),
            page_body(deps, "/compare", f"?lang={lang}"),
            *[recolour_body(deps, i, latest[i], lang, geo_version=facts["batch"]) for i in indicators],
            download_body(deps, areas[1], "pdf", lang)]


def _answers(served: Served, bodies: list[dict[str, Any]]) -> list[int]:
    statuses = []
    for body in bodies:
        status, data = served.post(body)
        assert status != 200 or isinstance(json.loads(data), dict)
        statuses.append(status)
    return statuses


def _eventually(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not check():
        assert time.monotonic() < deadline, f"{what}: not within {DEADLINE} s"
        time.sleep(0.1)


def test_pages_are_served_when_redis_is_killed(serve: Any, demo_store: Path, demo_facts: dict[str, Any],
                                               tmp_path: Path) -> None:
    import redis

    with redis_serving(tmp_path / "redis") as (url, redis_proc):
        served = serve({"DATABASE_URL": f"sqlite:///{demo_store}", "REDIS_URL": url}, workers=2)
        bodies = _mix(served, demo_facts)
        assert _answers(served, bodies) == [200] * len(bodies)
        stored = redis.Redis.from_url(url).keys("atlas:*:callback:*")
        assert len(stored) >= len(bodies)  # the answers are shared through Redis
        redis_proc.kill()
        redis_proc.wait(timeout=30)
        later = bodies + _mix(served, demo_facts, "sv")  # answers known and new
        for _ in range(3):
            assert _answers(served, later) == [200] * len(later)
            assert served.get("/?lang=sv")[0] == 200
        status, data = served.get("/healthz")
        health = json.loads(data)
    assert status == 200 and health["status"] == "ok"
    assert health["cache"] == {"backend": "redis", "reachable": False}
    said = re.findall(r"\[(\d+)\] WARNING dashboard.cache: Redis at \S+ cannot be reached",
                      served.log())
    assert said and len(said) == len(set(said)), said  # once per worker that noticed
    assert "Traceback" not in served.log()


def _serving(workers: list[int]) -> list[int]:
    """The workers holding an open client connection (a request in flight) right now."""
    return [pid for pid in workers
            if any(c.status == psutil.CONN_ESTABLISHED for c in psutil.Process(pid).net_connections("tcp"))]


def _call(served: Served, body: dict[str, Any]) -> int | str:
    try:
        return served.post(body)[0]
    except OSError as exc:  # the connection to the killed worker
        return type(exc).__name__


def test_a_killed_worker_leaves_the_others_serving(serve: Any, demo_store: Path,
                                                   demo_facts: dict[str, Any], tmp_path: Path) -> None:
    with redis_serving(tmp_path / "redis") as (url, _proc):
        served = serve({"DATABASE_URL": f"sqlite:///{demo_store}", "REDIS_URL": url}, workers=2)
        workers = served.workers()
        pdfs = [download_body(served.deps, code, "pdf", lang)
                for code in demo_facts["areas"][:6] for lang in ("sv", "en")]  # none cached yet
        busy: list[int] = []
        with ThreadPoolExecutor(len(pdfs)) as pool:
            during = [pool.submit(_call, served, body) for body in pdfs]
            _eventually(lambda: bool(busy.extend(_serving(workers)) or busy), "a request in flight")
            victim = busy[0]  # a worker in the middle of a request
            os.kill(victim, signal.SIGKILL)
            results = [f.result() for f in during]
        # the victim's in-flight requests (if it had not answered yet) are lost connections,
        # never a 5xx; whether any was still in flight at the kill is up to timing
        lost = [r for r in results if r != 200]
        assert all(isinstance(r, str) for r in lost), results
        after = _mix(served, demo_facts) + pdfs  # at once: the replacement is still starting
        assert [_call(served, body) for body in after] == [200] * len(after)
        _eventually(lambda: len(served.workers()) == 2 and victim not in served.workers(),
                    "gunicorn replaced the worker")
        assert set(workers) - {victim} <= set(served.workers())  # the other one kept serving
        assert [_call(served, body) for body in after] == [200] * len(after)


def _health(served: Served) -> tuple[int, dict[str, Any]]:
    status, data = served.get("/healthz")
    return status, json.loads(data)


def test_healthz_is_503_while_a_sqlite_store_is_missing(serve: Any, demo_store: Path,
                                                        demo_facts: dict[str, Any], tmp_path: Path) -> None:
    store = tmp_path / "store" / "atlas.sqlite"
    store.parent.mkdir()
    with redis_serving(tmp_path / "redis") as (url, _proc):
        served = serve({"DATABASE_URL": f"sqlite:///{tmp_path / 'writer.sqlite'}",
                        "WELLBEING_READ_DATABASE_URL": f"sqlite:///file:{store}?mode=ro&uri=true",
                        "REDIS_URL": url}, workers=2, healthy=503)
        for _ in range(4):  # either worker
            status, health = _health(served)
            assert status == 503 and health["status"] == "unavailable"
            assert health["store"]["reachable"] is False and health["store"]["error"] == "OperationalError"
        page_status, page = served.post(page_body(served.deps, "/", "?lang=en"))
        assert page_status == 200 and t("error.store_down", "en") in page.decode()
        shutil.copy(demo_store, store)
        _eventually(lambda: all(_health(served)[0] == 200 for _ in range(4)), "healthy again")
        status, health = _health(served)
        assert health["store"] == {"reachable": True, "schema": "current", "batch_id": demo_facts["batch"]}
        assert served.post(page_body(served.deps, "/", "?lang=en"))[0] == 200


@pytest.mark.postgis
def test_a_postgresql_outage_is_503_on_healthz_and_recovers(serve: Any, own_cluster: tuple[str, str],  # noqa: F811
                                                            tmp_path: Path) -> None:
    from etl.pipeline import run
    from store.engine import make_engine
    from store.migrate import upgrade
    from tests.etl.smallcity import write_small_city

    name, store_url = own_cluster
    engine = make_engine(store_url)
    upgrade(engine)
    run(write_small_city(tmp_path), engine)
    engine.dispose()
    served = serve({"DATABASE_URL": store_url}, workers=2)
    assert served.post(page_body(served.deps, "/", "?lang=en"))[0] == 200
    _ctl(name, "stop")
    for _ in range(4):
        status, health = _health(served)
        assert status == 503 and health["store"]["reachable"] is False
    status, page = served.post(page_body(served.deps, "/compare", "?lang=en"))
    assert status == 200 and t("error.store_down", "en") in page.decode()
    _ctl(name, "start")
    _eventually(lambda: all(_health(served)[0] == 200 for _ in range(4)), "healthy again")
    assert served.post(page_body(served.deps, "/compare", "?lang=en"))[0] == 200
