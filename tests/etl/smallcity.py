"""A valid small city for ETL tests: a 3×3 grid of boxes, a tiny catalogue and table.

``write_small_city(folder)`` writes ``city.toml``, ``areas.gpkg`` (EPSG:3006),
``catalogue.csv``, ``table.csv`` and ``notes.csv`` and returns the config path; pass
``table=``, ``catalogue=`` or ``config=`` text to replace a file, or
``files={name: text_or_bytes}`` to add more. ``dump_store(engine)`` returns
the store's content for before/after comparisons.

It also writes the inputs of derived indicators and ``DERIVED_CONFIG``:
``catalogue_derived.csv`` (the catalogue plus derived indicators),
``population.csv`` (area × year × sex × age band), ``birth.csv`` (persons by birth
region) and ``tenure.csv`` (a wide file of dwellings by tenure). ``DERIVED_CONFIG``
is a valid configuration that uses them; ``population(area, period, sex, band)`` and
the other functions give each figure, for known-answer tests.

For the public-health methods it writes ``catalogue_methods.csv`` (the catalogue plus a
dsr, an isr and a life expectancy indicator, with a ``standard`` column), ``health.csv``
(their counts by area × period × sex × the 19 ESP 2013 bands, ``health_counts``) and
``sweden.csv`` (a national comparator, ``SWEDEN_ROWS``) when called with ``methods=True``
(``METHODS_CONFIG``, the default config then, loads them with ``[city] deprivation`` and a
``[[comparators]]`` block).
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
        dens = [1000 + 100 * i + 10 * p for i in range(len(CODES))]
        nums = [50 + 7 * i + 3 * p for i in range(len(CODES))]
        # The whole city's row is the sum of its areas' (a plausible city value).
        for area, num, den, admitted, median in [
            *((a, n, d, n // 2, 25_000 + 500 * i + 300 * p)
              for i, (a, n, d) in enumerate(zip(CODES, nums, dens, strict=True))),
            (CITY_CODE, sum(nums), sum(dens), sum(n // 2 for n in nums), 27_000 + 300 * p),
        ]:
            rows += [
                ["unemployment", area, period, "total", str(num), str(den), ""],
                ["low_income", area, period, "total", str(num * 2), str(den), ""],
                ["admissions", area, period, "total", str(admitted), str(den), ""],
                ["median_income", area, period, "total", "", "", str(median)],
                ["population", area, period, "total", "", "", str(den)],
            ]
    return rows


def table_csv(rows: list[list[str]] | None = None, delimiter: str = ",") -> str:
    header = ["indicator", "area", "period", "sex", "numerator", "denominator", "value"]
    return "\n".join(delimiter.join(r) for r in [header, *(rows or table_rows())]) + "\n"


DERIVED_CATALOGUE = CATALOGUE + """\
foreign_born,Foreign-born,Utrikes födda,Urodzeni za granicą,demography,%,percentage,1,neutral,1,Synthetic
aged_65_plus,Residents 65+,Invånare 65+,Mieszkańcy 65+,demography,%,percentage,1,neutral,1,Synthetic
rental_share,Rental dwellings,Hyresrätter,Mieszkania na wynajem,housing,,proportion,1,neutral,2,Synthetic
admission_rate,Admissions per 100000,Inläggningar per 100000,Hospitalizacje na 100000,health,per 100000,rate,100000,low_is_good,0,Synthetic
residents,Residents,Invånare,Mieszkańcy,population,persons,count,1,neutral,0,Synthetic
dependency_ratio,Dependency ratio,Försörjningskvot,Współczynnik obciążenia,demography,per 100,rate,100,neutral,1,Synthetic
"""
BANDS = {"0-19 år": "0-19", "20-64 år": "20-64", "65-79 år": "65-79", "80+ år": "80+"}
SOURCES = """
[[sources]]
name = "population"
path = "population.csv"
columns = { area = "område", period = "år", sex = "kön", age_group = "ålder" }
sex_codes = { K = "female", M = "male" }
age_bands = { "0-19 år" = "0-19", "20-64 år" = "20-64", "65-79 år" = "65-79", "80+ år" = "80+" }

[[sources]]
name = "birth"
path = "birth.csv"
categories = ["region"]

[[sources]]
name = "tenure"
path = "tenure.csv"
"""
DERIVED = """
[[derived]]
indicator = "foreign_born"
numerator = { source = "birth", where = { region = "totalt" }, minus = { where = { region = "Sverige" } } }
denominator = { source = "birth", where = { region = "totalt" } }

[[derived]]
indicator = "aged_65_plus"
numerator = { source = "population", age = "65+" }
denominator = { source = "population" }
sexes = ["female", "male", "total"]

[[derived]]
indicator = "rental_share"
numerator = { source = "tenure", column = "hyresrätt" }
denominator = { source = "tenure", column = ["hyresrätt", "bostadsrätt", "äganderätt", "uppgift saknas"] }

[[derived]]
indicator = "admission_rate"
numerator = { indicator = "admissions", measure = "numerator" }
denominator = { source = "population" }

[[derived]]
indicator = "residents"
value = { source = "population" }

[[derived]]
indicator = "dependency_ratio"
numerator = { source = "population", age = "0-19", plus = { age = "65+" } }
denominator = { source = "population", age = "20-64" }
"""
DERIVED_CONFIG = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue_derived.csv"') + SOURCES + DERIVED


def population(area: str, period: str, sex: str, band: str) -> int:
    """Residents of one age band (0-19, 20-64, 65-79, 80+); the city's row is the areas' sum."""
    if area == CITY_CODE:
        return sum(population(a, period, sex, band) for a in CODES)
    if sex == "total":
        return population(area, period, "female", band) + population(area, period, "male", band)
    i, p = CODES.index(area), PERIODS.index(period)
    base = {"0-19": 200, "20-64": 600, "65-79": 100, "80+": 30}[band] + (10 if sex == "male" else 0)
    return base + {"0-19": 10, "20-64": 20, "65-79": 5, "80+": 1}[band] * i + 5 * p


def born(area: str, period: str, region: str) -> int:
    """Persons by birth region: 'totalt' or 'Sverige'."""
    if area == CITY_CODE:
        return sum(born(a, period, region) for a in CODES)
    i, p = CODES.index(area), PERIODS.index(period)
    return (1000 + 50 * i + 7 * p) if region == "totalt" else (800 + 30 * i + 3 * p)


TENURES = ("hyresrätt", "bostadsrätt", "äganderätt", "uppgift saknas")


def dwellings(area: str, period: str, tenure: str) -> int:
    if area == CITY_CODE:
        return sum(dwellings(a, period, tenure) for a in CODES)
    i, p = CODES.index(area), PERIODS.index(period)
    return {"hyresrätt": 300 + 10 * i, "bostadsrätt": 200 + 5 * i, "äganderätt": 100 + i,
            "uppgift saknas": 5}[tenure] + p


def derived_files() -> dict[str, str]:
    """population.csv (';', sex codes K/M, Swedish age labels, no total rows), birth.csv
    (a category column with stray spaces), tenure.csv (wide) and catalogue_derived.csv."""
    areas = [*CODES, CITY_CODE]
    pop = ["område;år;kön;ålder;antal"] + [
        f"{a};{p};{code};{label};{population(a, p, sex, band)}"
        for a in areas for p in PERIODS for code, sex in (("K", "female"), ("M", "male"))
        for label, band in BANDS.items()
    ]
    birth = ["area,period,region,persons"] + [
        f"{a},{p},{region}{' ' if region == 'Sverige' else ''},{born(a, p, region)}"
        for a in areas for p in PERIODS for region in ("totalt", "Sverige")
    ]
    tenure = ["area,period," + ",".join(TENURES)] + [
        f"{a},{p}," + ",".join(str(dwellings(a, p, t)) for t in TENURES) for a in areas for p in PERIODS
    ]
    return {"population.csv": "\n".join(pop) + "\n", "birth.csv": "\n".join(birth) + "\n",
            "tenure.csv": "\n".join(tenure) + "\n", "catalogue_derived.csv": DERIVED_CATALOGUE}


ESP_BANDS = ("0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
             "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89",
             "90+")
METHODS_IDS = {"mortality": "dsr", "admission_ratio": "isr", "life_expectancy": "life_expectancy"}
METHODS_CATALOGUE = "\n".join(
    [CATALOGUE.splitlines()[0] + ",standard,headline_age_group",
     *(line + ",," for line in CATALOGUE.splitlines()[1:]),
     "mortality,Mortality,Dödlighet,Umieralność,health,per 100000,dsr,,low_is_good,0,Synthetic,"
     "esp2013,",
     "admission_ratio,Admission ratio,Inläggningskvot,Wskaźnik przyjęć,health,ratio,isr,1,"
     "low_is_good,0,Synthetic,,",
     "life_expectancy,Life expectancy,Medellivslängd,Oczekiwana długość życia,health,years,"
     "life_expectancy,1,high_is_good,1,Synthetic,,all"]) + "\n"
SWEDEN_ROWS = [  # indicator, period, sex, value, lower_ci, upper_ci
    ["unemployment", "2022", "total", "7.5", "7.4", "7.6"],
    ["unemployment", "2023", "total", "7.7", "7.6", "7.8"],
    ["low_income", "2022", "", "0.14", "", ""],
    ["mortality", "2023", "total", "910", "905", "915"],
    ["life_expectancy", "2023", "female", "84.2", "84.1", "84.3"],
]
METHODS_CONFIG = CONFIG.replace('synthetic = true\n', 'synthetic = true\ndeprivation = "low_income"\n'
                                ).replace('path = "catalogue.csv"', 'path = "catalogue_methods.csv"') + """
[[tables]]
path = "health.csv"

[[comparators]]
code = "SE"
kind = "national"
name = "Sweden"
name_sv = "Sverige"
path = "sweden.csv"
"""


def health_counts(indicator: str, area: str, period: str, sex: str, band: str) -> tuple[int, int]:
    """(events, population) of one band: populations of 150-400, deaths rising with age (at
    least one in 90+), admissions about 10% a year."""
    i, p, b = CODES.index(area), PERIODS.index(period), ESP_BANDS.index(band)
    population = 400 - 12 * b + 10 * i + 5 * p + (7 if sex == "female" else 0)
    if indicator == "admission_ratio":
        return population // 10 + i, population
    deaths = max(1 if band == "90+" else 0, round(population * 0.0004 * 1.6 ** (b - 4)))
    return deaths + (i if b > 14 else 0), population


def methods_files() -> dict[str, str]:
    """catalogue_methods.csv, health.csv and sweden.csv (see the module docstring)."""
    health = ["indicator,area,period,sex,age_group,numerator,denominator"] + [
        f"{ind},{a},{p},{s},{band},{','.join(map(str, health_counts(ind, a, p, s, band)))}"
        for ind in METHODS_IDS for a in CODES for p in PERIODS for s in ("female", "male")
        for band in ESP_BANDS
    ]
    sweden = ["indicator,period,sex,value,lower_ci,upper_ci"] + [",".join(r) for r in SWEDEN_ROWS]
    return {"catalogue_methods.csv": METHODS_CATALOGUE, "health.csv": "\n".join(health) + "\n",
            "sweden.csv": "\n".join(sweden) + "\n"}


def write_small_city(
    folder: Path,
    *,
    table: str | bytes | None = None,
    catalogue: str | bytes | None = None,
    config: str | None = None,
    files: dict[str, str | bytes] | None = None,
    methods: bool = False,
) -> Path:
    """Write the small city into ``folder`` (replacing the given files); return city.toml.
    ``methods``: also the files of the public-health methods, and ``METHODS_CONFIG``."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "areas.gpkg").exists():  # always the same grid
        grid().to_file(folder / "areas.gpkg", driver="GPKG")
    texts: dict[str, str | bytes] = {
        **derived_files(),
        **(methods_files() if methods else {}),
        "catalogue.csv": CATALOGUE if catalogue is None else catalogue,
        "table.csv": table_csv() if table is None else table,
        "notes.csv": NOTES,
        "city.toml": (METHODS_CONFIG if methods else CONFIG) if config is None else config,
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
