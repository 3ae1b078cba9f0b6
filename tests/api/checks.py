"""What each documented parameter must do to an answer, one check per parameter name.

``exercise(server, path, parameter)`` sends the parameter's documented example alone (and
the path's examples) and runs its check. A parameter the OpenAPI document gains without
a check here fails ``test_every_documented_parameter_is_exercised``.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import pyogrio
import requests

Check = Callable[[requests.Response, Any, Any], None]
NAMES = {"sv": "Arbetslöshet", "pl": "Bezrobocie", "en": "Unemployment"}


def example_text(param: dict[str, Any]) -> str:
    example = param["example"]
    if isinstance(example, list):
        return ",".join(example)
    return str(example).lower() if isinstance(example, bool) else str(example)


def filled(path: str, params: list[dict[str, Any]]) -> str:
    for p in params:
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", example_text(p))
    return path


def rows(resp: requests.Response) -> list[dict[str, Any]]:
    body = resp.json()
    if "features" in body:
        return [f["properties"] for f in body["features"]]
    data = body["data"]
    return data if isinstance(data, list) else [data]


def _nonempty(resp: requests.Response) -> list[dict[str, Any]]:
    found = rows(resp)
    assert found, f"{resp.url}: no rows, so the parameter was not exercised"
    return found


def _all_in(field_names: tuple[str, ...]) -> Check:
    def check(resp: requests.Response, example: Any, server: Any) -> None:
        wanted = set(example if isinstance(example, list) else [example])
        for row in _nonempty(resp):
            field = next(f for f in field_names if f in row)
            assert str(row[field]) in wanted, (resp.url, field, row[field])

    return check


def _gis_file(resp: requests.Response, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="api-gis-"))
    path = folder / f"atlas.{suffix}"
    path.write_bytes(resp.content)
    return path


def check_period(resp: requests.Response, example: Any, server: Any) -> None:
    if resp.headers["Content-Type"].startswith("application/geopackage"):
        table = pyogrio.read_dataframe(_gis_file(resp, "gpkg"), layer="indicators")
        assert set(table["period"]) == {server.city["periods"][-1]}
        return
    assert example in (["latest"], "latest")
    assert {r["period"] for r in _nonempty(resp)} == {server.city["periods"][-1]}


def check_sex(resp: requests.Response, example: Any, server: Any) -> None:
    wanted = set(example if isinstance(example, list) else [example])
    if resp.headers["Content-Type"].startswith("application/geopackage"):
        table = pyogrio.read_dataframe(_gis_file(resp, "gpkg"), layer="indicators")
        assert set(table["sex"]) == wanted
        return
    assert {r["sex"] for r in _nonempty(resp)} == wanted


def check_lang(resp: requests.Response, example: Any, server: Any) -> None:
    if resp.headers["Content-Type"].startswith("application/geopackage"):
        table = pyogrio.read_dataframe(_gis_file(resp, "gpkg"), layer="indicators")
        assert NAMES[example] in set(table["name"])
        return
    body = resp.json()
    assert body["meta"]["lang"] == example
    text = resp.text
    assert NAMES[example] in text or server.city["city_code"] in text, resp.url


def check_format(resp: requests.Response, example: Any, server: Any) -> None:
    kind = resp.headers["Content-Type"]
    if example == "csv":
        assert kind.startswith("text/csv")
        assert len(pd.read_csv(io.StringIO(resp.text))) >= 1
    else:
        assert example == "geojson" and kind.startswith("application/geo+json")
        path = _gis_file(resp, "geojson")
        assert pyogrio.read_info(path)["features"] == len(server.city["codes"])


def check_limit(resp: requests.Response, example: Any, server: Any) -> None:
    body = resp.json()
    assert len(body["data"]) == min(int(example), body["meta"]["total"])
    assert body["meta"]["limit"] == int(example)


def check_offset(resp: requests.Response, example: Any, server: Any) -> None:
    body = resp.json()
    assert body["meta"]["offset"] == int(example)
    full = server.json(resp.url.split("?")[0].removeprefix(server.base) + "?limit=100000")
    assert body["data"] == full["data"][int(example): int(example) + len(body["data"])]


def check_prioritized(resp: requests.Response, example: Any, server: Any) -> None:
    found = _nonempty(resp)
    assert all(r["prioritized"] is True for r in found)
    codes = {r.get("area_code", r.get("code")) for r in found}
    assert codes == set(server.city["prioritized"])


def check_geometry(resp: requests.Response, example: Any, server: Any) -> None:
    body = resp.json()
    assert resp.headers["Content-Type"].startswith("application/geo+json")
    assert body["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in body["features"])


def check_comparator(resp: requests.Response, example: Any, server: Any) -> None:
    found = _nonempty(resp)
    assert resp.json()["meta"]["comparator"] == example
    assert {r["comparator"] for r in found} == {example}
    assert all(r["comparator_lower_ci95"] is None for r in found)  # the rest has no interval


def check_crs(resp: requests.Response, example: Any, server: Any) -> None:
    info = pyogrio.read_info(_gis_file(resp, "gpkg"), layer="areas")
    assert info["crs"] == example


def check_area_code(resp: requests.Response, example: Any) -> None:
    body = resp.json()["data"]
    assert body["area"]["code"] == example
    assert body["indicators"] and body["summary"][0]["domain"] == "all"


def check_city(resp: requests.Response, example: Any, server: Any) -> None:
    """A one-city store holds no other city: 404 naming the parameter (a store with two
    cities: tests/api/test_api_cities.py)."""
    assert resp.status_code == 404, (resp.url, resp.status_code, resp.text[:300])
    assert resp.json()["error"]["parameter"] == "city"


CHECKS: dict[str, Check] = {
    "indicator": _all_in(("indicator_id", "id")),
    "area": _all_in(("area_code", "code")),
    "period": check_period,
    "sex": check_sex,
    "age_group": _all_in(("age_group",)),
    "level": _all_in(("level",)),
    "domain": _all_in(("domain",)),
    "outcome": _all_in(("comparison",)),
    "indicator_id": _all_in(("id",)),
    "area_code": lambda resp, example, server: check_area_code(resp, example),
    "lang": check_lang, "format": check_format, "limit": check_limit, "offset": check_offset,
    "prioritized": check_prioritized, "geometry": check_geometry,
    "comparator": check_comparator, "crs": check_crs, "city": check_city,
}


def exercise(server: Any, path: str, params: list[dict[str, Any]], param: dict[str, Any]) -> None:
    """Send ``param``'s example alone and check what it did."""
    query = "" if param["in"] == "path" else "?" + urlencode({param["name"]: example_text(param)})
    resp = server.get(filled(path, params) + query)
    assert resp.status_code == 200 or param["name"] == "city", (resp.url, resp.status_code,
                                                                resp.text[:300])
    assert param["name"] in CHECKS, f"no check for the documented parameter {param['name']!r}"
    CHECKS[param["name"]](resp, param["example"], server)
