"""Indicators computed from the places at load: per category, the number of places in each
area (``places_<category>``, a count) and the places per 1,000 residents
(``places_<category>_per_1000``, a rate whose denominator is the area's population from
the boundaries), for every area and the whole city, at the places' period.

``place_catalogue`` gives their catalogue rows (``etl.catalogue`` columns), named from the
category's names in sv, pl and en; ``place_values`` their values (``store.read.VALUE_COLUMNS``).
The whole-city count is the sum of the areas' counts: a place outside every area is not in
the city. Places are public facilities, so no value is suppressed (thresholds 0).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.catalogue_columns import ETL_COLUMNS, OUTPUT_COLUMNS
from store.read import VALUE_COLUMNS

DOMAIN = "resources"
MULTIPLIER = 1000.0


def count_id(category: str) -> str:
    return f"places_{category}"


def rate_id(category: str) -> str:
    return f"places_{category}_per_1000"


# (sv, pl, en) of the texts; {name} is the category's name in that language.
_COUNT: dict[str, tuple[str, ...]] = {
    "name": ("{name}, antal", "{name}, liczba", "{name}, number"),
    "description": ("Antal platser i kategorin {name} som ligger i området ({period}).",
                    "Liczba miejsc z kategorii {name} położonych na obszarze ({period}).",
                    "Number of places of the category {name} that lie in the area ({period})."),
    "definition": ("Platser i kategorin som ligger inom områdets gräns (punkt i polygon).",
                   "Miejsca tej kategorii położone w granicach obszaru (punkt w wielokącie).",
                   "Places of the category that lie within the area's boundary (point in polygon)."),
}
_RATE: dict[str, tuple[str, ...]] = {
    "name": ("{name} per 1 000 invånare", "{name} na 1000 mieszkańców", "{name} per 1,000 residents"),
    "description": ("Platser i kategorin {name} per 1 000 invånare i området ({period}).",
                    "Miejsca z kategorii {name} na 1000 mieszkańców obszaru ({period}).",
                    "Places of the category {name} per 1,000 residents of the area ({period})."),
    "definition": ("Platser i kategorin inom området / områdets invånare × 1 000.",
                   "Miejsca tej kategorii na obszarze / mieszkańcy obszaru × 1000.",
                   "Places of the category in the area / the area's residents × 1,000."),
    "unit": ("per 1 000", "na 1000", "per 1,000"),
}
_SOURCE = ("Platsregister ({files}); invånare enligt områdesgränserna",
           "Rejestr miejsc ({files}); mieszkańcy według granic obszarów",
           "Register of places ({files}); residents from the area boundaries")
LANGS = ("sv", "pl", "en")


def _row(ind_id: str, texts: dict[str, tuple[str, ...]], names: dict[str, str], period: str,
         files: str, rate: bool) -> dict[str, object]:
    row: dict[str, object] = {c: None for c in OUTPUT_COLUMNS + ETL_COLUMNS}
    for i, lang in enumerate(LANGS):
        fill = {"name": names[lang], "period": period, "files": files}
        row[f"name_{lang}"] = texts["name"][i].format(**fill)
        row[f"description_{lang}"] = texts["description"][i].format(**fill)
        row[f"definition_{lang}"] = texts["definition"][i]
        row[f"source_{lang}"] = _SOURCE[i].format(**fill)
        row[f"unit_{lang}"] = texts["unit"][i] if "unit" in texts else None
    row.update({
        "id": ind_id, "domain": DOMAIN, "value_type": "rate" if rate else "count",
        "multiplier": MULTIPLIER if rate else 1.0, "polarity": "high_is_good",
        "decimals": 2 if rate else 0, "weight": 1.0, "residents_view": False,
        "min_numerator": 0.0, "min_denominator": 0.0,  # public facilities: nothing to hide
        "unit": row["unit_en"], "source": row["source_en"], "definition": row["definition_en"],
        "plausibility": "warning",
    })
    return row


def place_catalogue(categories: dict[str, dict[str, str]], period: str, files: str,
                    first_row: int = 100_000) -> pd.DataFrame:
    """Two catalogue rows per category (count, then per 1,000 residents), in category order;
    the index (``row``) continues past the catalogue file's rows."""
    rows = []
    for code, names in categories.items():
        rows.append(_row(count_id(code), _COUNT, names, period, files, rate=False))
        rows.append(_row(rate_id(code), _RATE, names, period, files, rate=True))
    frame = pd.DataFrame(rows, columns=OUTPUT_COLUMNS + ETL_COLUMNS)
    frame["multiplier"] = frame["multiplier"].astype(float)
    frame["weight"] = frame["weight"].astype(float)
    frame["decimals"] = frame["decimals"].astype(np.int64)
    return frame.set_axis(pd.Index(range(first_row, first_row + len(frame)), name="row"))


def place_values(places: pd.DataFrame, categories: dict[str, dict[str, str]], areas: pd.DataFrame,
                 city_code: str, period: str) -> pd.DataFrame:
    """Count and rate per category for every area (``level != 'city'``) and the city.

    ``places`` has ``category`` and ``area_code`` (None outside every area); ``areas`` has
    ``code``, ``level`` and ``population``."""
    districts = areas[areas["level"] != "city"]
    codes = [str(c) for c in districts["code"]]
    population = pd.to_numeric(districts["population"], errors="coerce").to_numpy(dtype=float)
    city_rows = areas[areas["level"] == "city"]
    city_pop = float(pd.to_numeric(city_rows["population"], errors="coerce").iloc[0]) if len(city_rows) \
        else float(np.nansum(population))
    inside = places[places["area_code"].notna()]
    counts = inside.groupby(["category", "area_code"]).size()
    frames = []
    for code in categories:
        n = np.array([int(counts.get((code, a), 0)) for a in codes], dtype=float)
        n = np.append(n, n.sum())
        pop = np.append(population, city_pop)
        usable = np.isfinite(pop) & (pop > 0)
        rate = np.where(usable, MULTIPLIER * n / np.where(usable, pop, 1.0), np.nan)
        area_codes = [*codes, city_code]
        for ind_id, value, den in ((count_id(code), n, np.full(len(n), np.nan)),
                                   (rate_id(code), rate, np.where(usable, pop, np.nan))):
            status = [None] * len(n) if ind_id == count_id(code) else [
                None if ok else "missing" for ok in usable]
            frames.append(pd.DataFrame({
                "indicator_id": ind_id, "area_code": area_codes, "period": period, "sex": "total",
                "age_group": "all", "numerator": n, "denominator": den, "value": value,
                "lower_ci": np.nan, "upper_ci": np.nan, "sd": np.nan, "status": status,
                "estimated": None,
            }))
    if not frames:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[VALUE_COLUMNS]
