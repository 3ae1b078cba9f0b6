"""Callback answers kept per load batch: the same request in the same batch is answered from
the cache (in this process, or from another worker through Redis); a refresh makes new keys;
errors, banners and the About page are never kept."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from dashboard.app import create_app
from dashboard.model import Atlas
from dashboard.payloads import HEADER
from presentation.i18n import t
from store.engine import make_engine
from synthetic.dash_requests import download_body, page_body, recolour_body

CALLBACK = "/_dash-update-component"


def _client(url: str) -> Any:
    return create_app(Atlas(make_engine(url))).server.test_client()


def _post(client: Any, body: dict[str, Any]) -> Any:
    return client.post(CALLBACK, json=body)


@pytest.fixture
def store_copy(demo_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "atlas.sqlite"
    shutil.copy(demo_store, copy)
    return copy


def test_an_answer_is_kept_until_the_next_load(store_copy: Path, demo_facts: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.demo import load_demo

    monkeypatch.delenv("REDIS_URL", raising=False)
    client = _client(f"sqlite:///{store_copy}")
    deps = client.get("/_dash-dependencies").get_json()
    indicator = sorted(demo_facts["latest"])[0]
    bodies = [page_body(deps, "/", "?lang=en"), page_body(deps, f"/area/{demo_facts['areas'][0]}", "?lang=sv"),
              recolour_body(deps, indicator, demo_facts["latest"][indicator], "en", geo_version=demo_facts["batch"]),
              download_body(deps, demo_facts["areas"][0], "csv", "en")]
    first = [_post(client, body) for body in bodies]
    again = [_post(client, body) for body in bodies]
    assert [r.headers.get(HEADER) for r in first] == ["miss"] * len(bodies)
    assert [r.headers.get(HEADER) for r in again] == ["hit"] * len(bodies)
    assert [r.get_data() for r in again] == [r.get_data() for r in first]
    engine = make_engine(f"sqlite:///{store_copy}")
    load_demo(engine, force=True)  # a refresh: a new load batch
    engine.dispose()
    after = _post(client, bodies[2])
    assert after.headers.get(HEADER) == "miss"
    figure_version = after.get_json()["response"]["map-geo-version"]["data"]
    assert figure_version == demo_facts["batch"] + 1  # made from the new batch
    assert _post(client, bodies[2]).headers.get(HEADER) == "hit"


def test_a_kept_answer_goes_out_compressed_once_per_encoding(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hit is sent as the client accepts it (brotli, gzip, or plain), each the kept
    answer's bytes; its compressed form is made once and kept, not made on every hit."""
    import gzip

    import brotli

    import dashboard.delivery as delivery

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("WELLBEING_COMPRESS", raising=False)
    client = _client(f"sqlite:///{store_copy}")
    body = page_body(client.get("/_dash-dependencies").get_json(), "/", "?lang=sv")
    plain = client.post(CALLBACK, json=body, headers={"Accept-Encoding": "identity"})
    assert plain.headers.get(HEADER) == "miss" and "Content-Encoding" not in plain.headers
    made: list[str] = []
    quick = dict(delivery.QUICK)
    monkeypatch.setattr(delivery, "QUICK", {enc: (lambda data, enc=enc: made.append(enc) or quick[enc](data))
                                            for enc in quick})
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, "identity": lambda data: data}
    for accept, encoding in (("gzip, deflate, br", "br"), ("gzip", "gzip"), ("identity", None)) * 2:
        hit = client.post(CALLBACK, json=body, headers={"Accept-Encoding": accept})
        assert hit.headers.get(HEADER) == "hit"
        assert hit.headers.get("Content-Encoding") == encoding
        assert "Accept-Encoding" in hit.headers.get("Vary", "")
        assert decode[encoding or "identity"](hit.get_data()) == plain.get_data()
    assert made == ["br", "gzip"]  # once each: the second round was kept


def test_refusals_banners_and_the_about_page_are_never_kept(demo_store: Path, tmp_path: Path,
                                                            demo_facts: dict[str, Any],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    client = _client(f"sqlite:///{demo_store}")
    deps = client.get("/_dash-dependencies").get_json()
    forged = download_body(deps, "no-such-area", "pdf", "en")
    about = page_body(deps, "/about", "?lang=en")
    for _ in range(2):
        refused = _post(client, forged)
        assert refused.status_code == 400 and HEADER not in refused.headers
        page = _post(client, about)
        assert page.status_code == 200 and HEADER not in page.headers

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("a bug in a layout")

    compare = page_body(deps, "/compare", "?lang=en")
    with monkeypatch.context() as patched:
        patched.setattr(sys.modules["dashboard.pages.compare"], "trends_model", broken)
        for _ in range(2):
            failed = _post(client, compare)
            assert failed.status_code == 200 and t("error.unexpected", "en") in failed.get_data(as_text=True)
            assert HEADER not in failed.headers
    fixed = _post(client, compare)
    assert fixed.headers.get(HEADER) == "miss"
    assert t("error.unexpected", "en") not in fixed.get_data(as_text=True)


def test_nothing_is_kept_while_the_store_cannot_be_read(demo_store: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = tmp_path / "later.sqlite"
    client = _client(f"sqlite:///file:{store}?mode=ro&uri=true")  # not there yet
    deps = client.get("/_dash-dependencies").get_json()
    body = page_body(deps, "/", "?lang=en")
    down = _post(client, body)
    assert down.status_code == 200 and t("error.store_down", "en") in down.get_data(as_text=True)
    assert HEADER not in down.headers
    shutil.copy(demo_store, store)
    up = _post(client, body)
    assert up.headers.get(HEADER) == "miss" and t("error.store_down", "en") not in up.get_data(as_text=True)


@pytest.mark.redis
def test_workers_share_answers_through_redis(demo_store: Path, demo_facts: dict[str, Any],
                                             redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    one, two = _client(f"sqlite:///{demo_store}"), _client(f"sqlite:///{demo_store}")
    deps = one.get("/_dash-dependencies").get_json()
    pdf = download_body(deps, demo_facts["areas"][2], "pdf", "pl")
    made = _post(one, pdf)
    shared = _post(two, pdf)  # another process would get the same: its memory is empty
    assert made.headers.get(HEADER) == "miss" and shared.headers.get(HEADER) == "hit"
    assert shared.get_data() == made.get_data()
    assert json.loads(made.get_data())["response"]["area-download"]["data"]["filename"].endswith(".pdf")
