"""Less JavaScript before the map (issue 14, item 7): the page links the regenerator runtime
instead of Dash's whole @babel/polyfill, no dash_table bundle, and Plotly after every other
file; the runtime is served fingerprinted and cached for a year; every page still renders,
and none of them draws a component of the bundle left out."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from dashboard import delivery
from tests.dashboard.helpers import page_response

DASHBOARD = Path(delivery.__file__).resolve().parent
BR = {"Accept-Encoding": "gzip, deflate, br, zstd"}  # what Chromium sends
PAGES = ["/", "/area/{prio}", "/compare?areas={prio},{other}", "/indicator/unemployment", "/scatter",
         "/collaboration", "/about", "/cities", "/no/such/page"]


def _scripts(client: Any, path: str = "/") -> list[str]:
    html = client.get(path, headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    return re.findall(r'<script src="([^"]+)"', html)


def _page(path: str, city: dict[str, Any]) -> tuple[str, str]:
    prio = city["prioritized"][0]
    other = next(c for c in city["codes"] if c != prio)
    filled = path.format(prio=prio, other=other)
    route, _, query = filled.partition("?")
    return route, "?lang=en" + (f"&{query}" if query else "")


def test_the_page_links_the_runtime_and_neither_the_polyfill_nor_dash_table(client: Any) -> None:
    scripts = _scripts(client)
    assert not [s for s in scripts if "polyfill@" in s or "/dash_table/" in s], scripts
    assert [s for s in scripts if s.startswith(delivery.RUNTIME_PATH)] == [delivery.runtime_script()]
    assert scripts[0] == delivery.runtime_script()  # where the polyfill was: before React
    assert any("/dash-renderer/" in s for s in scripts) and any("/dcc/" in s for s in scripts)


def test_plotly_and_its_locales_come_after_every_other_script(client: Any) -> None:
    scripts = _scripts(client)
    plotly = scripts.index(delivery.plotly_script())
    assert plotly == len(scripts) - 1 - sum("plotly-locale-" in s for s in scripts)
    assert all("plotly-locale-" in s for s in scripts[plotly + 1:]) and len(scripts[plotly + 1:]) >= 2


def test_the_inline_scripts_stay_after_the_files(client: Any) -> None:
    html = client.get("/", headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    block = html[html.index('<div class="dash-scripts">'):html.index('id="_dash-renderer"')]
    tags = re.findall(r"<script\b[^>]*>", block)
    files = [i for i, tag in enumerate(tags) if "src=" in tag]
    inline = [i for i, tag in enumerate(tags) if "src=" not in tag and "_dash-config" not in tag]
    assert inline and files and max(files) < min(inline)
    assert "window.dash_clientside" in block  # the clientside callbacks are still there


def test_the_runtime_is_served_fingerprinted_compressed_and_for_a_year(client: Any) -> None:
    url = delivery.runtime_script()
    assert url is not None and re.fullmatch(r"/_atlas/regenerator-runtime\.js\?m=[0-9a-f]{16}", url)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and plain.mimetype == "application/javascript"
    assert plain.headers["Cache-Control"] == delivery.YEAR
    body = plain.get_data(as_text=True)
    assert "regeneratorRuntime=" in body and "MIT licence" in body.splitlines()[0]
    assert all(f".{name}=" in body for name in ("mark", "wrap", "awrap", "async"))
    assert "core-js" not in body and "_babelPolyfill" not in body and len(body) < 10_000
    packed = client.get(url, headers=BR)
    assert packed.headers["Content-Encoding"] == "br" and packed.headers["Cache-Control"] == delivery.YEAR
    again = client.get(url, headers={"Accept-Encoding": "identity", "If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304


def test_the_runtime_defines_what_dccs_lazy_loading_calls() -> None:
    """Why the runtime is kept: dcc's lazy components (the graph, the dropdown) call the global
    ``regeneratorRuntime`` when their code has arrived; without it no graph is ever drawn."""
    import dash

    dcc = (Path(dash.__file__).parent / "dcc" / "dash_core_components.js").read_text("utf-8")
    assert "regeneratorRuntime.mark(" in dcc and "regeneratorRuntime.wrap(" in dcc
    runtime = (delivery.regenerator_runtime() or b"").decode()
    assert "regeneratorRuntime=" in runtime and runtime.rstrip().endswith("(undefined,{exports:{}},{});")


def test_a_polyfill_of_another_shape_is_loaded_whole(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "regenerator_runtime", lambda: None)
    client = app.server.test_client()
    scripts = _scripts(client)
    assert len([s for s in scripts if "/dash/deps/polyfill@" in s]) == 1
    assert not [s for s in scripts if s.startswith(delivery.RUNTIME_PATH)]
    assert client.get(delivery.RUNTIME_PATH).status_code == 404


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_draws_nothing_of_dash_table(client: Any, city: dict[str, Any], path: str) -> None:
    route, search = _page(path, city)
    scripts = _scripts(client, route + search)
    assert scripts == _scripts(client)  # every page's shell links the same scripts
    answer = page_response(client, route, search)
    assert answer.status_code == 200
    body = answer.get_data(as_text=True)
    assert '"namespace":"dash_html_components"' in body.replace(" ", "")
    assert '"namespace":"dash_table"' not in body.replace(" ", ""), f"{path} draws a DataTable"


def test_no_dashboard_module_uses_dash_table() -> None:
    """The bundle left out of the page would be needed by any DataTable: none is made."""
    users = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import | ast.ImportFrom) else
                     [node.attr] if isinstance(node, ast.Attribute) else [])
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if any("dash_table" in n or n == "DataTable" for n in [*names, module]):
                users.append(f"{path.relative_to(DASHBOARD)}:{getattr(node, 'lineno', '?')}")
    assert not users, f"DataTable used at {users}: remove dash_table from delivery.LEFT_OUT"


def test_first_scripts_on_dashs_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known answer, with the full Plotly bundle (a tile base map's): the polyfill becomes the
    runtime, dash_table goes, Plotly and its locales move after the other files (a tag with
    more attributes keeps its place), the inline scripts stay last."""
    monkeypatch.setenv("WELLBEING_PLOTLY", "full")
    suites = "/_dash-component-suites/dash"
    tags = [f'<script src="{suites}/deps/polyfill@7.v4_4_1m1.12.1.min.js"></script>',
            f'<script src="{suites}/deps/react@18.v4_4_1m1.3.1.min.js"></script>',
            f'<script src="{delivery.plotly_script()}"></script>',
            '<script src="/assets/plotly-locale-sv.js?m=1"></script>',
            '<script src="/assets/tool.mjs?m=1" type="module"></script>',
            f'<script src="{suites}/dcc/dash_core_components.v4_4_1m1.js"></script>',
            f'<script src="{suites}/dash_table/bundle.v7_4_1m1.js"></script>',
            "<script>\nwindow.dash_clientside = {};\n</script>"]
    runtime = f'<script src="{delivery.runtime_script()}"></script>'
    expected = [runtime, tags[1], tags[4], tags[5], tags[2], tags[3], tags[7]]
    assert delivery.first_scripts("\n".join(tags)) == "\n".join(expected)
