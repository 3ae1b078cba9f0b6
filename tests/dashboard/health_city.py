"""The dashboard tests' synthetic city with the public-health methods: the 40-area grid city
(synthetic/grid_city.py) plus age-banded deaths and admissions (a directly standardised
rate, an indirectly standardised ratio, life expectancy at birth and at 65), unemployment as
the deprivation measure the city ranks its areas by, and a national comparator, Sweden (SE),
with values for some indicators only.

Deaths and admissions rise with the area's unemployment, so the most deprived areas have
the highest mortality: the slope index of inequality of mortality is clearly positive
(higher in the most deprived). Areas under 5,000 residents are too small for a life table.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import Engine, insert, select, update

from etl.comparisons import materialise
from indicators.standards import ESP2013_BANDS, ESP2013_WEIGHTS
from store.schema import Area, City, Comparator, ComparatorValue, Indicator, IndicatorValue
from synthetic.grid_city import build_city

DEPRIVATION = "unemployment"
NATIONAL = "SE"
NATIONAL_NAMES = ("Sverige", "Szwecja", "Sweden")
HEALTH = (  # id, value type, unit, polarity, multiplier, names (sv, pl, en)
    ("mortality_dsr", "dsr", "per 100 000", "low_is_good", 100_000.0,
     ("Dödlighet, åldersstandardiserad", "Umieralność standaryzowana", "Mortality, age-standardised")),
    ("admissions_isr", "isr", "", "low_is_good", 100.0,
     ("Akuta inläggningar, standardiserad kvot", "Przyjęcia nagłe, współczynnik standaryzowany",
      "Emergency admissions, standardised ratio")),
    ("life_expectancy", "life_expectancy", "år", "high_is_good", 1.0,
     ("Medellivslängd", "Przeciętne dalsze trwanie życia", "Life expectancy")),
)
NATIONAL_VALUES = {  # (indicator, age group) -> the national value of every period
    ("unemployment", "all"): 6.5, ("mortality_dsr", "all"): 1200.0,
    ("life_expectancy", "all"): 82.5, ("life_expectancy", "65+"): 20.8,
}


def _death_rate(band: str) -> float:
    age = int(band.split("-")[0].rstrip("+")) + 2
    return 0.00004 * math.exp(0.088 * age) + (0.002 if age < 5 else 0.0)


def _unemployment(engine: Engine, period: str) -> dict[str, float]:
    """Each area's unemployment rate (total) in ``period``."""
    with engine.connect() as conn:
        rows = conn.execute(select(IndicatorValue.area_code, IndicatorValue.numerator,
                                   IndicatorValue.denominator).where(
            IndicatorValue.indicator_id == DEPRIVATION, IndicatorValue.sex == "total",
            IndicatorValue.period == period)).all()
    return {code: num / den for code, num, den in rows}


def _banded_rows(engine: Engine, codes: list[str], periods: list[str]) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        people = dict(conn.execute(select(Area.code, Area.population).where(Area.code.in_(codes))).all())
    shares = [w / 100_000 for w in ESP2013_WEIGHTS]
    rows: list[dict[str, Any]] = []
    for k, period in enumerate(periods):
        jobless = _unemployment(engine, period)
        for code in codes:
            factor = (0.5 + 6.0 * jobless[code]) * (1.0 - 0.02 * k)
            for band, share in zip(ESP2013_BANDS, shares, strict=True):
                pop = round(people[code] * share)
                deaths = pop * _death_rate(band) * factor
                counts = {"mortality_dsr": deaths, "life_expectancy": deaths,
                          "admissions_isr": pop * 0.03 * (1 + int(band.split("-")[0].rstrip("+")) / 25) * factor}
                rows += [{"indicator_id": ind, "area_code": code, "period": period, "sex": "total",
                          "age_group": band, "numerator": float(round(n)), "denominator": float(pop),
                          "value": None, "lower_ci": None, "upper_ci": None, "status": None}
                         for ind, n in counts.items()]
    return rows


def _catalogue(batch: int) -> list[dict[str, Any]]:
    return [{"id": i, "name_sv": n[0], "name_pl": n[1], "name_en": n[2], "domain": "health", "unit": unit,
             "value_type": vt, "multiplier": mult, "polarity": pol, "decimals": 1,
             "source": "Synthetic health register", "definition": f"Synthetic {n[2].lower()}",
             "min_numerator": 0.0, "min_denominator": 0.0, "weight": 1.0, "batch_id": batch}
            for i, vt, unit, pol, mult, n in HEALTH]


def build_health_city(engine: Engine, *, deprivation: bool = True, national: bool = True) -> dict[str, Any]:
    """Write the grid city and the public-health additions; return what tests assert on."""
    info = build_city(engine, materialise=False)  # materialised below, once complete
    codes, periods = list(info["codes"]), list(info["periods"])  # type: ignore[call-overload]
    banded = _banded_rows(engine, codes, periods)
    with engine.begin() as conn:
        batch = conn.execute(select(City.batch_id)).scalar()
        conn.execute(insert(Indicator), _catalogue(batch))
        conn.execute(insert(IndicatorValue), [{**r, "batch_id": batch} for r in banded])
        if deprivation:
            conn.execute(update(City).values(deprivation_indicator=DEPRIVATION))
        if national:
            conn.execute(insert(Comparator), [{"code": NATIONAL, "kind": "national", "name_sv": NATIONAL_NAMES[0],
                                               "name_pl": NATIONAL_NAMES[1], "name_en": NATIONAL_NAMES[2],
                                               "batch_id": batch}])
            conn.execute(insert(ComparatorValue), [
                {"comparator_code": NATIONAL, "indicator_id": ind, "period": period, "sex": "total",
                 "age_group": age, "value": value, "batch_id": batch}
                for (ind, age), value in NATIONAL_VALUES.items() for period in periods])
    materialise(engine)  # as a load does: the comparison table of everything written
    return info
