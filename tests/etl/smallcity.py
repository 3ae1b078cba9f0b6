"""A valid small city for ETL tests: a 3×3 grid of boxes, a tiny catalogue and table.

``write_small_city(folder)`` writes ``city.toml``, ``areas.gpkg`` (EPSG:3006),
``catalogue.csv``, ``table.csv`` and ``notes.csv`` and returns the config path; pass
``table=``, ``catalogue=`` or ``config=`` text to replace a file, or
``files={name: text_or_bytes}`` to add more. ``dump_store(engine)`` returns
the store's content for before/after comparisons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from sqlalchemy import Engine, select

from store.schema import Base, LoadBatch

CITY_CODE = "SC"
ORIGIN = (670_000.0, 6_580_000.0)  # SWEREF99 TM, near Stockholm
SIDE = 1_000.0
CODES = [f"D{i + 1:02d}" for i in range(9)]
PERIODS = ("2022", "2023")

CATALOGUE = """\
id,name_en,name_sv,name_pl,domain,unit,value_type,multiplier,polarity,decimals,source
unemployment,Unemployment,Arbetslöshet,Bezrobocie,work_income,%,percentage,1,low_is_good,1,Synthetic
low_income,Low income,Låg inkomst,Niski dochód,work_income,,proportion,1,low_is_good,2,Synthetic
admissions,Hospital admissions,Sjukhusinläggningar,Hospitalizacje,health,per 1000,rate,1000,low_is_good,1,Synthetic
median_income,Median income,Medianinkomst,Mediana dochodu,work_income,SEK,median,1,high_is_good,0,Synthetic
population,Population,Befolkning,Ludność,population,persons,count,1,neutral,0,Synthetic
"""

CONFIG = """\
[city]
code = "SC"
name = "Small City"
synthetic = true

[boundaries]
path = "areas.gpkg"
code_field = "code"
name_field = "name"

[prioritized]
codes = ["D05"]

[catalogue]
path = "catalogue.csv"

[notes]
path = "notes.csv"

[[tables]]
path = "table.csv"
"""


NOTES = """\
area,kind,title_sv,title_pl,title_en,text_sv,text_pl,text_en,source,url
D05,resource,Biblioteket,Biblioteka,The library,Öppet alla dagar,,,Synthetic,https://example.org/library
D05,arena,Torget,Rynek,The square,,,,,
D05,initiative,,Łączymy sąsiadów,,,Sąsiedzi razem,,Synthetic,
D05,residents_view,Tryggare kvällar,,,Boende vill ha mer belysning,,,Synthetic dialogue,
D01,resource,Fritidsgården,Świetlica,Youth centre,,,,,
"""


def grid() -> gpd.GeoDataFrame:
    """Nine 1 km boxes in EPSG:3006, codes D01..D09 row by row."""
    x0, y0 = ORIGIN
    boxes = [
        shapely.box(x0 + c * SIDE, y0 + r * SIDE, x0 + (c + 1) * SIDE, y0 + (r + 1) * SIDE)
        for r in range(3)
        for c in range(3)
    ]
    return gpd.GeoDataFrame(
        {"code": CODES, "name": [f"District {i + 1}" for i in range(9)]},
        geometry=boxes,
        crs="EPSG:3006",
    )


def table_rows() -> list[list[str]]:
    """indicator, area, period, sex, numerator, denominator, value (deterministic)."""
    rows = []
    for p, period in enumerate(PERIODS):
        for i, area in enumerate([*CODES, CITY_CODE]):
            den = 1000 + 100 * i + 10 * p if area != CITY_CODE else 20_000
            num = 50 + 7 * i + 3 * p if area != CITY_CODE else 1_100
            rows += [
                ["unemployment", area, period, "total", str(num), str(den), ""],
                ["low_income", area, period, "total", str(num * 2), str(den), ""],
                ["admissions", area, period, "total", str(num // 2), str(den), ""],
                ["median_income", area, period, "total", "", "", str(25_000 + 500 * i + 300 * p)],
                ["population", area, period, "total", "", "", str(den)],
            ]
    return rows


def table_csv(rows: list[list[str]] | None = None, delimiter: str = ",") -> str:
    header = ["indicator", "area", "period", "sex", "numerator", "denominator", "value"]
    return "\n".join(delimiter.join(r) for r in [header, *(rows or table_rows())]) + "\n"


def write_small_city(
    folder: Path,
    *,
    table: str | bytes | None = None,
    catalogue: str | bytes | None = None,
    config: str | None = None,
    files: dict[str, str | bytes] | None = None,
) -> Path:
    """Write the small city into ``folder`` (replacing the given files); return city.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "areas.gpkg").exists():  # always the same grid
        grid().to_file(folder / "areas.gpkg", driver="GPKG")
    texts: dict[str, str | bytes] = {
        "catalogue.csv": CATALOGUE if catalogue is None else catalogue,
        "table.csv": table_csv() if table is None else table,
        "notes.csv": NOTES,
        "city.toml": CONFIG if config is None else config,
        **(files or {}),
    }
    for name, content in texts.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder / "city.toml"


def batch_message(engine: Engine, batch_id: int) -> str | None:
    """The message a load batch stored (store.read.read_batches leaves messages out)."""
    with engine.connect() as conn:
        return conn.execute(select(LoadBatch.message).where(LoadBatch.id == batch_id)).scalar_one()


def dump_store(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (failed load batches left out), sorted; geometries as WKB."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            stmt = select(table)
            if table.name == LoadBatch.__tablename__:
                stmt = stmt.where(table.c.status != "failed")
            rows = [
                tuple(v.wkb if isinstance(v, shapely.Geometry) else v for v in row)
                for row in conn.execute(stmt)
            ]
            out[table.name] = sorted(rows, key=repr)
    return out
