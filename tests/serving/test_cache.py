"""The shared cache: a bounded LRU in each process, Redis behind it when REDIS_URL is set,
and a Redis that goes away is a miss (logged once per outage), never an error."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dashboard import cache as cache_module
from dashboard.cache import Cache, LocalCache, RedisCache, make_cache, namespace, shown_redis_url
from tests.conftest import free_port, redis_serving


def test_the_local_cache_keeps_what_fits_and_drops_the_oldest() -> None:
    local = LocalCache(max_bytes=100)
    local.set("a", b"x" * 20)
    local.set("b", b"y" * 20)
    assert local.get("a") == b"x" * 20  # now the newest
    for key in "cdef":
        local.set(key, b"z" * 20)
    assert local.get("b") is None  # the least recently used went first
    assert local.get("a") == b"x" * 20 and local.get("f") == b"z" * 20
    local.set("huge", b"h" * 30)  # over a quarter of the cache: not kept
    assert local.get("huge") is None and len(local) == 5


def test_a_job_is_claimed_once_until_its_claim_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    local, now = LocalCache(1000), [100.0]
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: now[0])
    assert local.claim("job", 60) and not local.claim("job", 60)
    now[0] += 61
    assert local.claim("job", 60)


def test_settings_choose_the_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("WELLBEING_CACHE_MB", "2")
    cache = make_cache("sqlite:////tmp/a.sqlite")
    assert cache.shared is None and cache.local is not None and cache.local.max_bytes == 2 * 1024 * 1024
    assert cache.status() == {"backend": "memory"}
    monkeypatch.setenv("WELLBEING_CACHE_MB", "0")
    off = make_cache("sqlite:////tmp/a.sqlite")
    off.set(off.key(1, "x"), b"v")
    assert off.get(off.key(1, "x")) is None and off.status() == {"backend": "off"}


def test_keys_differ_by_store_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = namespace("sqlite:////tmp/a.sqlite"), namespace("sqlite:////tmp/b.sqlite")
    assert a != b and len(a) == 16
    secret = "postgresql+psycopg://reader:one@db/atlas"
    assert namespace(secret) == namespace(secret.replace("one", "two"))  # not the password
    monkeypatch.setenv("WELLBEING_MIN_NUMERATOR", "11")  # other suppression, other payloads
    assert namespace("sqlite:////tmp/a.sqlite") != a
    assert Cache(None, None, "n1").key(7, "callback", "ab") == "atlas:n1:7:callback:ab"


def test_redis_urls_are_shown_without_their_password() -> None:
    assert shown_redis_url("redis://:s3cret@cache:6379/0") == "redis://:***@cache:6379/0"
    assert shown_redis_url("redis://atlas:s3cret@cache/1") == "redis://atlas:***@cache/1"
    assert shown_redis_url("redis://cache:6379/0") == "redis://cache:6379/0"


@pytest.mark.redis
def test_redis_is_shared_and_its_outage_is_a_miss_logged_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "RETRY_SECONDS", 0.0)  # every call tries Redis again
    port = free_port()
    with redis_serving(tmp_path / "r1", port) as (url, proc):
        one = Cache(LocalCache(10_000), RedisCache(url), "ns")
        two = Cache(LocalCache(10_000), RedisCache(url), "ns")  # another worker
        one.set(one.key(3, "page"), b"rendered")
        assert two.get(two.key(3, "page")) == b"rendered"
        assert one.claim("compress-plotly") and not two.claim("compress-plotly")
        assert two.status() == {"backend": "redis", "reachable": True}
        proc.kill()
        proc.wait(timeout=30)
        with caplog.at_level(logging.INFO, logger="dashboard.cache"):
            assert two.get(two.key(3, "page")) == b"rendered"  # its own memory
            assert two.get(two.key(4, "other")) is None
            two.set(two.key(4, "other"), b"new")  # no error
            assert two.claim("compress-dcc")  # nobody to ask: this process does the job
            assert two.shared is not None and not two.shared.reachable()
            assert two.get(two.key(5, "again")) is None
        down = [r for r in caplog.records if "cannot be reached" in r.getMessage()]
        assert len(down) == 1 and down[0].levelno == logging.WARNING
        assert "serving without the shared cache" in down[0].getMessage()
    with redis_serving(tmp_path / "r2", port) as (url, _proc):  # Redis is back, empty
        with caplog.at_level(logging.INFO, logger="dashboard.cache"):
            two.set(two.key(6, "page"), b"back")
        assert one.get(one.key(6, "page")) == b"back"
        assert any("answers again" in r.getMessage() for r in caplog.records)
