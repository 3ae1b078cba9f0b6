"""Pre-rendering after a load (``dashboard.prerender``): the profiles of the current batch
are in the payload cache before anyone asks, the work stops when the batch changes, one of
two workers sharing Redis does it, and a Redis outage leaves each process warming itself."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard import cache as cache_module
from dashboard import prerender
from dashboard.app import create_app
from dashboard.cache import Cache, LocalCache, RedisCache
from dashboard.model import Atlas
from dashboard.payloads import HEADER, cache_of, request_key, scope
from dashboard.selection import pick_indicator
from settings.languages import LANGS
from store.engine import make_engine
from synthetic.dash_requests import download_body, page_body
from tests.conftest import redis_serving

CALLBACK = "/_dash-update-component"


@pytest.fixture
def store_copy(demo_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "atlas.sqlite"
    shutil.copy(demo_store, copy)
    return copy


def _worker(store: Path, which: str, cache: Cache | None = None) -> tuple[prerender.Prerenderer, Any]:
    """A pre-renderer of an app of its own on ``store`` (run in the test's thread), and the
    app's test client; ``cache`` replaces the app's own (e.g. one on a test's Redis)."""
    atlas = Atlas(make_engine(f"sqlite:///{store}"))
    app = create_app(atlas)
    if cache is not None:
        app.server.extensions["atlas_cache"] = cache
    worker = prerender.Prerenderer(app.server, atlas, cache_of(app.server) or Cache(None, None, "-"), which)
    return worker, app.server.test_client()


def _counting(worker: prerender.Prerenderer,
              each: Callable[[int], None] = lambda _n: None) -> list[prerender.Item]:
    """Record every item ``worker`` renders; ``each(n)`` runs before the n-th (from 1)."""
    done: list[prerender.Item] = []
    real = worker.render

    def render(item: prerender.Item) -> bool:
        each(len(done) + 1)
        done.append(item)
        return real(item)

    worker.render = render  # type: ignore[method-assign]
    return done


def _shorter_plan(monkeypatch: pytest.MonkeyPatch, items: int) -> None:
    real = prerender.plan
    monkeypatch.setattr(prerender, "plan", lambda atlas, which: real(atlas, which)[:items])


def test_the_plan_is_every_area_in_every_language_prioritized_first(store_copy: Path) -> None:
    atlas = Atlas(make_engine(f"sqlite:///{store_copy}"))
    areas, prioritized = list(atlas.areas().index), list(atlas.prioritized().index)
    items = prerender.plan(atlas, "all")
    profiles = [(i.code, i.lang) for i in items if i.kind == "profile"]
    assert sorted(profiles) == sorted((str(a), lang) for a in areas for lang in LANGS)
    pages = {(i.code, i.lang) for i in items if i.kind == "page" and i.code}
    assert pages == {(str(a), lang) for a in areas for lang in LANGS}
    first = [i.code for i in items if i.code][: 2 * len(LANGS) * len(prioritized)]
    assert set(first) == set(prioritized)  # their pages come before any other area's
    assert {i.code for i in prerender.plan(atlas, "prioritized") if i.code} == set(prioritized)
    assert prerender.plan(atlas, "off") == []


def test_the_current_batch_is_rendered_into_the_cache(store_copy: Path, demo_facts: dict[str, Any],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    from benchmarks.serving import PRERENDERED

    monkeypatch.delenv("REDIS_URL", raising=False)
    worker, client = _worker(store_copy, "prioritized")
    batch = demo_facts["batch"]
    with caplog.at_level(logging.INFO, logger="dashboard.prerender"):
        assert worker.render_batch(batch) == "done"
    found = PRERENDERED.search(caplog.text)  # the line benchmarks.load waits for
    assert found is not None and found.group(1) == str(batch), caplog.text
    assert worker.done[batch]["failed"] == 0 and worker.done[batch]["profiles"] == 3 * len(LANGS)
    deps = client.get("/_dash-dependencies").get_json()
    default = pick_indicator(worker.atlas, None)  # the map's, so the map's links to areas
    for code in worker.atlas.prioritized().index:
        for lang in LANGS:
            kept = worker.cache.get(worker.cache.key(scope(worker.atlas), batch, "profile", "pdf", lang, code))
            assert kept is not None and b"%PDF" in kept
            # what the browser sends: its own bodies, query parameters in another order too
            for search in (f"?lang={lang}", f"?indicator={default}&lang={lang}"):
                page = client.post(CALLBACK, json=page_body(deps, f"/area/{code}", search))
                assert page.status_code == 200 and page.headers.get(HEADER) == "hit", (code, search)
            download = client.post(CALLBACK, json=download_body(deps, code, "pdf", lang))
            assert download.headers.get(HEADER) == "file-hit"
            assert download.status_code == 200 and b".pdf" in download.get_data()
    assert worker.render_batch(batch) == "done elsewhere"  # its done mark: nothing twice


def test_a_new_load_stops_the_work_on_the_old_batch(store_copy: Path, demo_facts: dict[str, Any],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.demo import load_demo

    monkeypatch.delenv("REDIS_URL", raising=False)
    worker, _client = _worker(store_copy, "all")

    def refresh_before_the_third(n: int) -> None:
        if n == 2:
            engine = make_engine(f"sqlite:///{store_copy}")
            load_demo(engine, force=True)  # a refresh lands while the second item renders
            engine.dispose()

    rendered = _counting(worker, refresh_before_the_third)
    old = demo_facts["batch"]
    assert worker.render_batch(old) == "changed"
    assert len(rendered) == 2  # nothing after the batch changed
    assert old not in worker.done and worker.cache.get(worker.cache.key(scope(worker.atlas), old, "prerender", "done")) is None
    assert worker.atlas.version() == old + 1


@pytest.mark.redis
def test_two_workers_sharing_redis_render_once(store_copy: Path, tmp_path: Path, demo_facts: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _shorter_plan(monkeypatch, 6)  # the map page and an area's pages: enough to see who works
    batch = demo_facts["batch"]
    with redis_serving(tmp_path / "redis") as (url, _proc):
        one, _ = _worker(store_copy, "all", Cache(LocalCache(50_000_000), RedisCache(url), "shared"))
        two, two_client = _worker(store_copy, "all", Cache(LocalCache(50_000_000), RedisCache(url), "shared"))
        outcomes: list[str] = []
        by_one = _counting(one, lambda n: outcomes.append(two.render_batch(batch)) if n == 2 else None)
        by_two = _counting(two)
        assert one.render_batch(batch) == "done"
        assert outcomes == ["taken"]  # while the first worker was at it
        assert two.render_batch(batch) == "done elsewhere"
        assert len(by_one) == 6 and by_two == []
        assert two.done[batch]["by"] == "another worker"
        deps = two_client.get("/_dash-dependencies").get_json()
        page = two_client.post(CALLBACK, json=page_body(deps, "/", "?lang=en"))
        assert page.headers.get(HEADER) == "hit"  # made by the first worker, through Redis


@pytest.mark.redis
def test_a_redis_outage_leaves_each_process_warming_itself(
        store_copy: Path, tmp_path: Path, demo_facts: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "RETRY_SECONDS", 0.0)
    _shorter_plan(monkeypatch, 5)
    batch = demo_facts["batch"]
    with redis_serving(tmp_path / "redis") as (url, proc):
        worker, client = _worker(store_copy, "all", Cache(LocalCache(50_000_000), RedisCache(url), "shared"))

        def redis_dies_before_the_third(n: int) -> None:
            if n == 3:
                proc.kill()
                proc.wait(timeout=30)

        rendered = _counting(worker, redis_dies_before_the_third)
        assert worker.render_batch(batch) == "done"
        assert len(rendered) == 5 and worker.done[batch]["failed"] == 0
        # another process, Redis still down: nobody to ask, so it does the work itself
        other, _ = _worker(store_copy, "all", Cache(LocalCache(50_000_000), RedisCache(url), "shared"))
        assert other.render_batch(batch) == "done"
        deps = client.get("/_dash-dependencies").get_json()
        code = rendered[-1].path
        page = client.post(CALLBACK, json=page_body(deps, code, rendered[-1].search))
        assert page.status_code == 200 and page.headers.get(HEADER) == "hit"  # its own memory


def test_start_follows_the_setting(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("WELLBEING_PRERENDER", "off")
    atlas = Atlas(make_engine(f"sqlite:///{store_copy}"))
    assert prerender.start(create_app(atlas), atlas) is None
    monkeypatch.setenv("WELLBEING_PRERENDER", "sometimes")
    with pytest.raises(ValueError, match="Valid: prioritized, all, off"):
        prerender.start(create_app(atlas), atlas)
    monkeypatch.setenv("WELLBEING_PRERENDER", "all")
    monkeypatch.setenv("WELLBEING_CACHE_MB", "0")  # nowhere to keep anything: nothing to do
    assert prerender.start(create_app(atlas), atlas) is None


def test_a_request_is_keyed_by_what_it_asks_not_by_its_bytes() -> None:
    deps = [{"output": ".._pages_content.children..._pages_store.data..", "inputs": []}]
    a = page_body(deps, "/area/A1", "?lang=sv&indicator=x")
    b = page_body(deps, "/area/A1", "?indicator=x&lang=sv")
    assert request_key(a) == request_key(b)
    assert request_key(json.loads(json.dumps(a, indent=2))) == request_key(a)
    assert request_key(page_body(deps, "/area/A1", "?lang=en&indicator=x")) != request_key(a)
    assert request_key(page_body(deps, "/area/A2", "?lang=sv&indicator=x")) != request_key(a)
    other = {"output": "map.figure", "inputs": [{"id": "x", "property": "value", "value": 1}]}
    assert request_key(other) != request_key({**other, "inputs": [{"id": "x", "property": "value", "value": 2}]})


def test_each_city_of_a_many_city_store_is_rendered_as_its_links_ask(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The keyed cities' prioritized profiles are pre-rendered too, each under its city's
    cache keys, and a visitor's page of a city (its URL carries ``city=``) is a hit."""
    from tests.cities import two_city_store

    monkeypatch.delenv("REDIS_URL", raising=False)
    store = two_city_store(tmp_path)
    app = create_app(Atlas(store))
    worker = prerender.Prerenderer(app.server, Atlas(store), cache_of(app.server) or Cache(None, None, "-"),
                                   "prioritized")
    cities = worker.city_workers()
    assert [w.city for w in cities] == ["north", "south"]
    south = cities[1]
    batch = south.atlas.version()
    assert south.render_batch(batch) == "done" and south.done[batch]["failed"] == 0
    client, deps = app.server.test_client(), app.server.test_client().get("/_dash-dependencies").get_json()
    for code in south.atlas.prioritized().index:
        for lang in LANGS:
            assert worker.cache.get(worker.cache.key("south", batch, "profile", "pdf", lang, code))
            page = client.post(CALLBACK, json=page_body(deps, f"/area/{code}", f"?lang={lang}&city=south"))
            assert page.status_code == 200 and page.headers.get(HEADER) == "hit", (code, lang)
            assert "city=south" in page.get_data(as_text=True)
    other = client.post(CALLBACK, json=page_body(deps, "/", "?lang=sv&city=north"))
    assert other.headers.get(HEADER) == "miss"  # north was not rendered: its own keys
    store.dispose()
