"""What the map sends to the browser: ours against two naive maps, bytes and server time.

Three ways to show the same indicator on the same areas:

- (a) naive, full precision: ``px.choropleth_map`` with the stored outlines inline;
- (b) naive, simplified: the same call with *our* display geometry inline (the
  very outlines we serve, simplified and rounded);
- (c) ours: the figure carries values only and points at the geometry by URL;
  the browser fetches that once per load batch, and later changes are Patches.

So a/b is what simplification saves and b/c what sending the geometry by URL
saves (c counted both for the first view, figure + geometry, and for a change of
indicator, where the naive maps send everything again). Bytes are exact; times
are medians of ``repeat`` builds of the JSON that goes on the wire (alternating two
indicators; our geometry is encoded once per batch, counted in the cold cache).
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import plotly.express as px
from plotly.utils import PlotlyJSONEncoder

from dashboard.model import Atlas

STATE = {"path": "/", "query": {"lang": "sv"}}


def wire(obj: Any) -> bytes:
    """The JSON Dash sends for ``obj`` (figure, Patch or dict)."""
    return json.dumps(obj, cls=PlotlyJSONEncoder, separators=(",", ":")).encode()


def sizes(body: bytes) -> dict[str, int]:
    return {"bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6))}


def full_precision(atlas: Atlas, codes: set[str]) -> dict[str, Any]:
    """The stored outlines of ``codes`` as GeoJSON shaped like ours (feature id = code)."""
    frame = atlas.snapshot().geometries
    assert frame is not None, "the snapshot holds no geometries"
    frame = frame[frame["code"].astype(str).isin(codes)]
    collection = json.loads(frame[["code", "geometry"]].to_json(drop_id=True))
    for feature in collection["features"]:
        feature["id"] = str(feature.pop("properties")["code"])
    return collection


def figure_of(output: Any) -> Any:
    """The map figure in ``update_map``'s outputs (a dict of named outputs, or a tuple)."""
    return output["figure"] if isinstance(output, dict) else output[0]


def naive_map(atlas: Atlas, indicator: str, geojson: dict[str, Any]) -> bytes:
    """A straightforward ``px.choropleth_map`` of ``indicator``'s latest period, as JSON."""
    frame = atlas.slice(indicator, atlas.periods(indicator)[-1], "total")
    frame = frame[frame["level"].astype(str) != "city"].astype({"area_code": str})
    frame = frame.assign(name=frame["area_code"].map(atlas.areas()["name"]))
    figure = px.choropleth_map(frame, geojson=geojson, locations="area_code", color="value",
                               hover_name="name",
                               hover_data=["lower_ci95", "upper_ci95", "compared_to_city"])
    return figure.to_json().encode()


def median_ms(build: Callable[[int], bytes], repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        build(i)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def ratio(a: float, b: float) -> float:
    return round(a / b, 1) if b else float("nan")


def measure(atlas: Atlas, app: Any, home: Any, repeat: int) -> dict[str, Any]:
    """Bytes (raw, gzip) and median build times of (a), (b) and (c), and their ratios."""
    inds = list(atlas.catalogue().index)[:2]
    geo = atlas.display_geometry()
    full = full_precision(atlas, {str(f["id"]) for f in geo.geojson["features"]})

    def ours(i: int, loaded: Any) -> bytes:
        with app.server.test_request_context("/"), atlas.pinned():
            output = home.update_map(inds[i % 2], None, "total", "comparison", "quantiles",
                                     loaded, STATE)
        return wire(figure_of(output))

    version = atlas.version()
    builds: dict[str, Callable[[int], bytes]] = {
        "a_naive_full_precision": lambda i: naive_map(atlas, inds[i % 2], full),
        "b_naive_simplified": lambda i: naive_map(atlas, inds[i % 2], geo.geojson),
        "c_ours_figure": lambda i: ours(i, None),
        "c_ours_patch": lambda i: ours(i, version),
    }
    for build in builds.values():
        build(0)  # warm the slices and memoized classes
    time_ms = {name: median_ms(build, repeat) for name, build in builds.items()}
    naive_full, naive_simple = sizes(builds["a_naive_full_precision"](0)), sizes(
        builds["b_naive_simplified"](0))
    figure, patch = sizes(builds["c_ours_figure"](0)), sizes(builds["c_ours_patch"](1))
    geometry = {"bytes": len(geo.body), "gzip_bytes": len(geo.gzipped)}
    first = {k: figure[k] + geometry[k] for k in figure}
    return {
        "first_view": {"a_naive_full_precision": naive_full, "b_naive_simplified": naive_simple,
                       "c_ours": first, "c_ours_figure": figure, "c_ours_geometry": geometry},
        "indicator_change": {"a_naive_full_precision": naive_full,
                             "b_naive_simplified": naive_simple, "c_ours_patch": patch},
        "ratios": {
            "simplification_a_over_b": {k: ratio(naive_full[k], naive_simple[k]) for k in first},
            "url_first_view_b_over_c": {k: ratio(naive_simple[k], first[k]) for k in first},
            "url_indicator_change_b_over_c": {k: ratio(naive_simple[k], patch[k]) for k in first},
        },
        "build_median_ms": {**time_ms, "repeat": repeat},
        "build_ratios": {
            "simplification_a_over_b": ratio(time_ms["a_naive_full_precision"],
                                             time_ms["b_naive_simplified"]),
            "url_first_view_b_over_c": ratio(time_ms["b_naive_simplified"],
                                             time_ms["c_ours_figure"]),
            "url_indicator_change_b_over_c": ratio(time_ms["b_naive_simplified"],
                                                   time_ms["c_ours_patch"]),
        },
        "geometry": {"decimals": geo.decimals, "tolerance_deg": round(geo.tolerance, 6),
                     "vertices": geo.vertices, "areas": len(geo.geojson["features"]),
                     "full_precision_vertices": sum(_vertices(f["geometry"])
                                                    for f in full["features"])},
    }


def _vertices(geometry: dict[str, Any]) -> int:
    coords = geometry["coordinates"]
    polygons = coords if geometry["type"] == "MultiPolygon" else [coords]
    return sum(len(ring) for polygon in polygons for ring in polygon)


def report(pay: dict[str, Any]) -> None:
    first, change, r = pay["first_view"], pay["indicator_change"], pay["ratios"]
    t, tr = pay["build_median_ms"], pay["build_ratios"]

    def kb(s: dict[str, int]) -> str:
        return f"{s['bytes'] / 1e3:,.0f} KB (gzip {s['gzip_bytes'] / 1e3:,.0f} KB)"

    print(f"  map payload (geometry: {pay['geometry']['full_precision_vertices']:,} → "
          f"{pay['geometry']['vertices']:,} vertices):")
    print(f"    (a) naive, full precision inline  {kb(first['a_naive_full_precision'])}, "
          f"build {t['a_naive_full_precision']} ms")
    print(f"    (b) naive, simplified inline      {kb(first['b_naive_simplified'])}, "
          f"build {t['b_naive_simplified']} ms")
    print(f"    (c) ours, first view              {kb(first['c_ours'])} (figure "
          f"{kb(first['c_ours_figure'])}, build {t['c_ours_figure']} ms)")
    print(f"    (c) ours, indicator change        {kb(change['c_ours_patch'])}, "
          f"build {t['c_ours_patch']} ms")
    print(f"    a/b (simplification) {r['simplification_a_over_b']} | b/c first view (URL) "
          f"{r['url_first_view_b_over_c']} | b/c indicator change (URL) "
          f"{r['url_indicator_change_b_over_c']} | build times: {tr}")
