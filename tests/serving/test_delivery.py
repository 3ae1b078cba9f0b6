"""A light first visit: the page, Dash's files, Plotly, the geometry and callback answers are
compressed (brotli, else gzip); fingerprinted addresses are cached for a year; the
Content-Security-Policy still holds; ``WELLBEING_COMPRESS=0`` sends everything as it is."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import brotli
import pytest

from dashboard import delivery
from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from synthetic.dash_requests import page_body

BR = {"Accept-Encoding": "gzip, deflate, br, zstd"}  # what Chromium sends
GZIP = {"Accept-Encoding": "gzip"}


def _decoded(resp: Any) -> bytes:
    data = resp.get_data()
    encoding = resp.headers.get("Content-Encoding")
    return brotli.decompress(data) if encoding == "br" else gzip.decompress(data) if encoding == "gzip" else data


@pytest.fixture
def client(demo_store: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("WELLBEING_COMPRESS", raising=False)
    return create_app(Atlas(make_engine(f"sqlite:///{demo_store}"))).server.test_client()


def _scripts(client: Any) -> list[str]:
    return delivery.page_assets(client.get("/").get_data(as_text=True))


def test_the_page_loads_plotly_minified_and_fingerprinted(client: Any) -> None:
    scripts = _scripts(client)
    plotly = [s for s in scripts if "plotly" in s and "locale" not in s]
    assert plotly == [delivery.plotly_script()]
    assert re.search(r"/assets/plotly-atlas\.min\.js\?m=[0-9a-f]{16}$", plotly[0])  # its content's digest
    resp = client.get(plotly[0], headers=GZIP)
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == delivery.YEAR
    assert resp.headers["Content-Encoding"] == "gzip" and resp.headers["Vary"] == "Accept-Encoding"
    assert b"plotly.js v" in _decoded(resp)[:2000] and len(resp.get_data()) < len(_decoded(resp)) * 0.4


def test_every_script_and_style_sheet_is_compressed_and_cached_for_a_year(client: Any) -> None:
    assets = _scripts(client)
    assert any(a.endswith(".css") or ".css?" in a for a in assets) and len(assets) >= 8
    for url in assets:
        if "plotly" in url and "locale" not in url:
            continue  # above (the best brotli of 1.4 MB runs in the background)
        resp = client.get(url, headers=BR)
        assert resp.status_code == 200, url
        assert resp.headers["Content-Encoding"] == "br", url
        assert resp.headers["Cache-Control"] == delivery.YEAR, url
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        assert "Content-Encoding" not in plain.headers and _decoded(resp) == plain.get_data(), url


def test_page_layout_and_callbacks_are_compressed(client: Any) -> None:
    page = client.get("/?lang=en", headers=BR)
    assert page.headers["Content-Encoding"] == "br" and b"_dash-config" in _decoded(page)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in page.headers["Content-Security-Policy"]
    for url in ("/_dash-layout", "/_dash-dependencies"):
        assert client.get(url, headers=GZIP).headers.get("Content-Encoding") in ("gzip", None)
    deps = client.get("/_dash-dependencies").get_json()
    answer = client.post("/_dash-update-component", json=page_body(deps, "/", "?lang=en"), headers=BR)
    assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "br"
    assert b'"_pages_content"' in _decoded(answer)
    assert "Cache-Control" not in answer.headers or "immutable" not in answer.headers["Cache-Control"]


def test_the_geometry_is_brotli_or_its_own_gzip(client: Any, demo_store: Path) -> None:
    atlas = Atlas(make_engine(f"sqlite:///{demo_store}"))
    url = f"/geo/{atlas.version()}.geojson"
    br = client.get(url, headers=BR)
    assert br.headers["Content-Encoding"] == "br" and _decoded(br) == atlas.display_geometry().body
    gz = client.get(url, headers=GZIP)
    assert gz.headers["Content-Encoding"] == "gzip" and _decoded(gz) == atlas.display_geometry().body
    assert br.headers["Cache-Control"] == gz.headers["Cache-Control"] == delivery.YEAR


def test_the_read_api_keeps_its_own_compression(client: Any) -> None:
    small = client.get("/api/v1/indicators", headers=BR)
    assert small.status_code == 200 and small.headers.get("Content-Encoding") != "br"


def test_compression_can_be_turned_off(demo_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_COMPRESS", "0")
    monkeypatch.delenv("REDIS_URL", raising=False)
    client = create_app(Atlas(make_engine(f"sqlite:///{demo_store}"))).server.test_client()
    for url in ["/", *_scripts(client)[:3]]:
        resp = client.get(url, headers=BR)
        assert resp.status_code == 200 and "Content-Encoding" not in resp.headers, url
    atlas = Atlas(make_engine(f"sqlite:///{demo_store}"))
    assert "Content-Encoding" not in client.get(f"/geo/{atlas.version()}.geojson", headers=BR).headers


def test_large_static_files_get_their_best_compression_in_the_background() -> None:
    from dashboard.cache import Cache, LocalCache

    pre = delivery.Precompressor(Cache(LocalCache(50_000_000), None, "t"))
    data = Path(delivery.plotly.__file__).with_name("package_data").joinpath("plotly.min.js").read_bytes()
    data = data[:300_000]  # large enough to go to the background, small enough to be quick
    quick = pre.compressed("k", data, "br")
    assert brotli.decompress(quick) == data
    assert pre.pending() == 1
    pre.join()
    assert pre.pending() == 0
    best = pre.compressed("k", data, "br")
    assert brotli.decompress(best) == data and len(best) < len(quick)


@pytest.mark.parametrize(("header", "chosen"), [
    ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"),
    ("identity", None), ("", None), ("GZIP;q=0.5", "gzip"),
])
def test_the_encoding_follows_the_clients_accept_encoding(header: str, chosen: str | None) -> None:
    assert delivery.accepted(header) == chosen
