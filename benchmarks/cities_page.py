"""The country level at a country's size (issue 14, item 3): the ``/cities`` page with
every municipality of Sweden in the registry.

    .venv/bin/python -m benchmarks.cities_page                 # 290 municipalities against 10
    .venv/bin/python -m benchmarks.cities_page --quick          # 40 against 10, 3 runs

A SQLite store's registry (``store.cities``) is filled directly, as ``--municipalities``
loads would leave it: per municipality an outline of about 250 vertices (as Uppsala's after
the registry's simplification), 300 indicators × 10 periods × 3 sexes of its own values
with their interval, the country's value and the judgement (2.6 million rows for 290). The
page is asked through Dash's endpoint with Flask's test client (gzip, the payload cache
off, so every answer is made):

- **first view**: ``/cities`` in a fresh app (the registry's cities, indicators and
  outlines read and parsed, one indicator's values read), median of ``--runs`` apps;
- **another indicator**: the page for indicators not asked before (the registry kept, the
  indicator's values read), median of ``--runs``;
- the answer's bytes, raw and gzip, of the first view (the outlines are fetched by URL, once
  per state of the registry: their bytes are reported apart).

The baseline is the same page on a registry of 10 municipalities, measured in the same run;
ratios are against it. Writes benchmarks/results/cities-page.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from benchmarks.figures import write_results
from store.cities import ensure_registry, write_city
from store.engine import make_engine
from store.migrate import upgrade

INDICATORS, PERIODS, SEXES = 300, 10, ("total", "female", "male")
COMPARISONS = ("better", "similar", "worse", "much_better", "much_worse")


def _outline(i: int, count: int) -> shapely.Geometry:
    """A wobbly disc of about 250 vertices on a grid over Sweden's longitudes and latitudes."""
    side = math.ceil(math.sqrt(count))
    x, y = 11.5 + 12.0 * (i % side) / side, 55.5 + 13.0 * (i // side) / side
    disc = shapely.Point(x, y).buffer(0.3, quad_segs=62)
    coords = np.asarray(disc.exterior.coords)
    angle = np.linspace(0, 2 * math.pi, len(coords))
    wobble = 1 + 0.08 * np.sin(7 * angle + i)
    centre = np.array([x, y])
    ring = centre + (coords - centre) * wobble[:, None]
    ring[-1] = ring[0]
    return shapely.set_precision(shapely.Polygon(ring), 1e-4)


def fill(url: str, count: int) -> None:
    """A store whose registry lists ``count`` synthetic municipalities."""
    engine = make_engine(url)
    upgrade(engine)
    ensure_registry(engine)
    rng = np.random.default_rng(count)
    ids = [f"ind_{k:03d}" for k in range(INDICATORS)]
    indicators = pd.DataFrame({
        "indicator_id": ids, "name_sv": [f"Indikator {k}" for k in range(INDICATORS)],
        "name_pl": [f"Wskaźnik {k}" for k in range(INDICATORS)],
        "name_en": [f"Indicator {k}" for k in range(INDICATORS)],
        "domain": ["work_income"] * INDICATORS, "unit": ["%"] * INDICATORS,
        "value_type": ["percentage"] * INDICATORS,
        "polarity": ["low_is_good", "high_is_good"] * (INDICATORS // 2), "decimals": [1] * INDICATORS})
    keys = pd.MultiIndex.from_product([ids, [str(2015 + p) for p in range(PERIODS)], SEXES],
                                      names=["indicator_id", "period", "sex"]).to_frame(index=False)
    for i in range(count):
        shape = _outline(i, count)
        value = rng.uniform(5, 40, len(keys))
        values = keys.assign(age_group="all", value=value, lower_ci=value - 1.0, upper_ci=value + 1.0,
                             national_value=rng.uniform(5, 40, len(keys)),
                             compared_to_national=rng.choice(COMPARISONS, len(keys)))
        entry = {"slug": f"m{i:03d}", "code": f"{i:04d}", "name_sv": f"Kommun {i}",
                 "name_pl": f"Gmina {i}", "name_en": f"Municipality {i}", "national_code": "SE",
                 "national_name_sv": "Sverige", "national_name_pl": "Szwecja", "national_name_en": "Sweden",
                 "batch_id": 1, "loaded_at": datetime.now(UTC).replace(tzinfo=None), "areas": 20,
                 "indicators": INDICATORS, "outline": shapely.to_geojson(shape),
                 **dict(zip(("min_x", "min_y", "max_x", "max_y"), shape.bounds, strict=True))}
        with engine.begin() as conn:
            write_city(conn, entry, indicators, values)
    engine.dispose()


def _page(client: Any, indicator: str) -> tuple[float, bytes]:
    from synthetic.dash_client import page_response

    started = time.perf_counter()
    resp = page_response(client, "/cities", f"?lang=en&indicator={indicator}&period=2024&sex=total")
    seconds = time.perf_counter() - started
    assert resp.status_code == 200 and b"Municipality 0" in resp.get_data(), resp.status_code
    return seconds, resp.get_data()


def measure(url: str, runs: int) -> dict[str, Any]:
    from dashboard.app import create_app
    from dashboard.model import Atlas

    first, other, body = [], [], b""
    for run in range(runs):
        engine = make_engine(url)
        client = create_app(Atlas(engine)).server.test_client()
        seconds, body = _page(client, "ind_000")
        first.append(seconds)
        other.append(_page(client, f"ind_{run + 1:03d}")[0])
        found = re.search(r"/geo/cities-[0-9a-f]+\.geojson", json.dumps(json.loads(body)))
        assert found is not None, "the page names no outlines URL"
        outlines = client.get(found.group()).get_data()
        engine.dispose()
    return {"first_view_s": first, "first_view_median_s": statistics.median(first),
            "other_indicator_s": other, "other_indicator_median_s": statistics.median(other),
            "bytes_raw": len(body), "bytes_gzip": len(gzip.compress(body, 6)),
            "outline_bytes_raw": len(outlines), "outline_bytes_gzip": len(gzip.compress(outlines, 6))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.municipalities, args.runs = min(args.municipalities, 40), 3
    os.environ["WELLBEING_CACHE_MB"] = "0"  # every answer made, none from the payload cache
    os.environ["WELLBEING_COMPRESS"] = "0"
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="atlas-cities-page-") as tmp:
        for name, count in (("baseline", 10), ("country", args.municipalities)):
            url = f"sqlite:///{Path(tmp) / f'{name}.sqlite'}"
            started = time.perf_counter()
            fill(url, count)
            print(f"{count} municipalities written in {time.perf_counter() - started:.1f} s", flush=True)
            found[name] = {"municipalities": count, **measure(url, args.runs)}
    base, big = found["baseline"], found["country"]
    for what in ("first_view", "other_indicator"):
        big[f"{what}_ratio"] = big[f"{what}_median_s"] / base[f"{what}_median_s"]
        print(f"{what.replace('_', ' ')}: {big[f'{what}_median_s'] * 1000:.0f} ms at "
              f"{big['municipalities']} against {base[f'{what}_median_s'] * 1000:.0f} ms at 10 "
              f"({big[f'{what}_ratio']:.1f}x)")
    print(f"first view's answer at {big['municipalities']}: {big['bytes_raw'] / 1024:.0f} KiB, "
          f"{big['bytes_gzip'] / 1024:.0f} KiB gzip (10: {base['bytes_gzip'] / 1024:.0f} KiB gzip); "
          f"the outlines, fetched once: {big['outline_bytes_raw'] / 1024:.0f} KiB, "
          f"{big['outline_bytes_gzip'] / 1024:.0f} KiB gzip")
    print(f"written: {write_results('cities-page', found, quick=args.quick)}")


if __name__ == "__main__":
    main()
