"""The page loads Plotly's partial bundle (dashboard/assets/plotly-atlas.min.js, built by
`make plotly-bundle` from dashboard/plotly_bundle/): it is plotly.js of the version that
plotly.py ships, its recipe and its banner list the same trace types, and every trace type
the dashboard draws is among them; only a tile base map, which draws MapLibre traces,
loads plotly.py's full bundle instead."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash
import plotly
import plotly.graph_objects as go
import pytest

from dashboard import delivery
from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.dash_client import page_response

DASHBOARD = Path(delivery.__file__).resolve().parent
RECIPE = DASHBOARD / "plotly_bundle"
TRACE_TYPES = frozenset(go.Figure()._data_validator.class_strs_map)  # every type plotly knows


def _version(script: Path) -> str:
    found = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", script.read_bytes()[:500].decode())
    assert found, f"{script} names no plotly.js version"
    return found.group(1)


def test_the_bundle_is_the_plotly_js_that_plotly_py_ships() -> None:
    full = Path(plotly.__file__).parent / delivery.PLOTLY_PATH
    assert _version(delivery.PLOTLY_BUNDLE) == _version(full)
    locked = json.loads((RECIPE / "package-lock.json").read_text())["packages"]["node_modules/plotly.js"]
    assert locked["version"] == _version(full)
    assert "MIT" in (DASHBOARD / "assets" / "plotly-atlas.LICENSE.txt").read_text()


def test_the_bundle_holds_the_trace_types_of_its_recipe() -> None:
    recipe = frozenset(json.loads((RECIPE / "traces.json").read_text()))
    assert delivery.bundle_traces() == recipe
    assert {"choropleth", "scattergeo", "scatter", "bar"} <= recipe <= TRACE_TYPES
    assert not recipe & delivery.TILE_MAP_TRACES  # MapLibre stays out: the full bundle has it
    assert len(delivery.PLOTLY_BUNDLE.read_bytes()) < 2_000_000  # the full one is 4.8 MB


def test_every_trace_type_in_the_figure_builders_is_in_the_bundle() -> None:
    """Every trace type named anywhere in dashboard/figures/ (and in a ``"type"`` of a dict
    literal elsewhere in the dashboard) is in the bundle, or is a tile-map trace."""
    named: dict[str, str] = {}
    for path in DASHBOARD.rglob("*.py"):
        in_figures = "figures" in path.relative_to(DASHBOARD).parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if in_figures and isinstance(node, ast.Constant) and node.value in TRACE_TYPES:
                named[str(node.value)] = f"{path}:{node.lineno}"
            if not in_figures and isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "type":
                        for const in ast.walk(value):
                            if isinstance(const, ast.Constant) and const.value in TRACE_TYPES:
                                named[str(const.value)] = f"{path}:{const.lineno}"
    assert {"choropleth", "scattergeo", "scatter", "bar"} <= set(named), named  # the scan finds them
    missing = set(named) - delivery.bundle_traces() - delivery.TILE_MAP_TRACES
    assert not missing, {t: named[t] for t in missing}


def _trace_types(node: Any) -> set[str]:
    """The trace types of every figure in a callback's JSON (a trace without one is scatter)."""
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("data"), list) and isinstance(node.get("layout"), dict):
            found |= {trace.get("type", "scatter") for trace in node["data"] if isinstance(trace, dict)}
        for value in node.values():
            found |= _trace_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= _trace_types(value)
    return found


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dash.Dash, Atlas]]:
    """The demo city (with its places) loaded through the ETL into a store of its own."""
    from etl.demo import load_demo

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'atlas.sqlite'}")
    upgrade(engine)
    load_demo(engine)
    atlas = Atlas(engine)
    yield create_app(atlas), atlas
    engine.dispose()


def _pages(atlas: Atlas) -> list[str]:
    area = str(atlas.prioritized().index[0])
    return ["/?places=on", f"/area/{area}", "/compare", "/indicator/unemployment", "/scatter",
            "/collaboration", "/about"]


def test_every_figure_the_pages_draw_on_the_demo_city_is_in_the_bundle(
        demo_app: tuple[dash.Dash, Atlas], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELLBEING_TILE_URL", raising=False)
    monkeypatch.delenv("WELLBEING_PLOTLY", raising=False)
    app, atlas = demo_app
    client = app.server.test_client()
    drawn: dict[str, set[str]] = {}
    for path, _, search in (p.partition("?") for p in _pages(atlas)):
        resp = page_response(client, path, f"?lang=en&{search}")
        assert resp.status_code == 200, path
        drawn[path] = _trace_types(resp.get_json())
    every = set().union(*drawn.values())
    assert {"choropleth", "scattergeo", "scatter", "bar"} <= every, drawn  # map, places, charts
    assert every <= delivery.bundle_traces(), drawn
    assert not delivery.full_plotly()
    assert delivery.plotly_script().startswith("/assets/plotly-atlas.min.js?m=")


def test_a_tile_base_map_loads_the_full_bundle(demo_app: tuple[dash.Dash, Atlas],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png")
    _, atlas = demo_app
    tiles = create_app(atlas).server.test_client()
    drawn = _trace_types(page_response(tiles, "/", "?lang=en&places=on").get_json())
    assert {"choroplethmap", "scattermap"} <= drawn
    page = tiles.get("/").get_data(as_text=True)
    scripts = [s for s in delivery.page_assets(page) if "plotly" in s and "locale" not in s]
    assert scripts == [delivery.plotly_script()]
    assert re.search(r"/plotly/package_data/plotly\.v\d+_\d+_\d+m\d+\.min\.js$", scripts[0])


def test_the_page_loads_the_bundle_once_before_the_locales(demo_app: tuple[dash.Dash, Atlas],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELLBEING_TILE_URL", raising=False)
    monkeypatch.delenv("WELLBEING_PLOTLY", raising=False)
    client = demo_app[0].server.test_client()
    scripts = delivery.page_assets(client.get("/").get_data(as_text=True))
    plotly_scripts = [s for s in scripts if "plotly" in s and "locale" not in s]
    assert plotly_scripts == [delivery.plotly_script()]
    locales = [i for i, s in enumerate(scripts) if "plotly-locale-" in s]
    assert len(locales) == 2 and scripts.index(plotly_scripts[0]) < min(locales)
    resp = client.get(plotly_scripts[0], headers={"Accept-Encoding": "gzip"})
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == delivery.YEAR
    assert resp.headers["Content-Encoding"] == "gzip"


def test_the_full_bundle_can_be_chosen_and_a_wrong_choice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELLBEING_TILE_URL", raising=False)
    monkeypatch.setenv("WELLBEING_PLOTLY", "full")
    assert delivery.full_plotly() and "/plotly/package_data/plotly.v" in delivery.plotly_script()
    monkeypatch.setenv("WELLBEING_PLOTLY", "partial")
    assert not delivery.full_plotly()
    monkeypatch.setenv("WELLBEING_PLOTLY", "small")
    with pytest.raises(ValueError, match="WELLBEING_PLOTLY is 'small': set it to partial"):
        delivery.full_plotly()
