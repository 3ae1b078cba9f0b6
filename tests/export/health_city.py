"""The export tests' city with the public-health methods: the small known city of
tests/export/city.py plus age-banded deaths and admissions (a directly standardised rate,
an indirectly standardised ratio, life expectancy at birth and at 65), a deprivation
measure the city ranks its areas by (low economic standard) and a national comparator,
Sweden (code SE).

Known cells: falls in Hässleholmen (the focus area) in the last period are 6 events, so
the standardised rate is ``too_few_events``; Sjöbo has 3,900 residents, fewer than the
5,000 person-years a life table needs, so its life expectancy is ``too_few_person_years``.
"""

from __future__ import annotations

import math

from sqlalchemy import Engine, insert, update

from indicators.standards import ESP2013_BANDS, ESP2013_WEIGHTS
from store.schema import City, Comparator, ComparatorValue, Indicator, IndicatorValue
from tests.export.city import AREAS, FOCUS, PERIODS, build_city

DEPRIVATION = "low_economic_standard"
NATIONAL = "SE"
NATIONAL_NAMES = ("Sverige", "Szwecja", "Sweden")
FEW_EVENTS = {"indicator_id": "falls_dsr", "area_code": FOCUS, "period": PERIODS[-1], "events": 6}
DEPRIVED = {"P01": 0.24, "P02": 0.09, "P03": 0.15, "P04": 0.21, "P05": 0.06, "P06": 0.11}
"""Share of residents with a low economic standard: Hässleholmen and Sjöbo the most deprived."""
HEALTH = (  # id, value type, unit, polarity, decimals, multiplier, names (sv, pl, en)
    ("mortality_dsr", "dsr", "per 100 000", "low_is_good", 1, 100_000.0,
     ("Dödlighet, åldersstandardiserad", "Umieralność standaryzowana", "Mortality, age-standardised")),
    ("falls_dsr", "dsr", "per 100 000", "low_is_good", 1, 100_000.0,
     ("Fallskador, åldersstandardiserad", "Urazy po upadkach, standaryzowane",
      "Fall injuries, age-standardised")),
    ("admissions_isr", "isr", "staden = 100", "low_is_good", 1, 100.0,
     ("Akuta inläggningar, standardiserad kvot", "Przyjęcia nagłe, współczynnik standaryzowany",
      "Emergency admissions, standardised ratio")),
    ("life_expectancy", "life_expectancy", "år", "high_is_good", 1, 1.0,
     ("Medellivslängd", "Przeciętne dalsze trwanie życia", "Life expectancy")),
)
NATIONAL_VALUES = {  # (indicator, age group) -> national value of every period
    ("unemployment", "all"): 7.0, ("mortality_dsr", "all"): 900.0,
    ("life_expectancy", "all"): 83.0, ("life_expectancy", "65+"): 21.0,
}


def _start(band: str) -> int:
    return int(band.split("-")[0].rstrip("+"))


def death_rate(band: str) -> float:
    """Deaths per person-year at the band's age: Gompertz-like, a little higher for infants."""
    age = _start(band) + 2
    return 0.00004 * math.exp(0.088 * age) + (0.002 if age < 5 else 0.0)


def _factor(code: str, period: int) -> float:
    """Higher rates in more deprived areas, falling a little over the periods."""
    return (0.7 + 2.5 * DEPRIVED[code]) * (1.0 - 0.02 * period)


def banded_rows() -> list[dict[str, object]]:
    """Deaths, falls and admissions by ESP 2013 band, area and period (persons)."""
    rows: list[dict[str, object]] = []
    shares = [w / 100_000 for w in ESP2013_WEIGHTS]
    for code, _, _, people in AREAS:
        for p, period in enumerate(PERIODS):
            f = _factor(code, p)
            for band, share in zip(ESP2013_BANDS, shares, strict=True):
                pop = round(people * share)
                counts = {"mortality_dsr": pop * death_rate(band) * f,
                          "life_expectancy": pop * death_rate(band) * f,
                          "falls_dsr": pop * 0.004 * (1 + _start(band) / 30) * f,
                          "admissions_isr": pop * 0.03 * (1 + _start(band) / 25) * f}
                for ind, count in counts.items():
                    rows.append({"indicator_id": ind, "area_code": code, "period": period,
                                 "sex": "total", "age_group": band,
                                 "numerator": float(round(count)), "denominator": float(pop)})
    few = [r for r in rows if all(r[k] == FEW_EVENTS[k]
                                  for k in ("indicator_id", "area_code", "period"))]
    for r, events in zip(few, _spread(int(FEW_EVENTS["events"]), len(few)), strict=True):
        r["numerator"] = float(events)
    return rows


def _spread(total: int, n: int) -> list[int]:
    """``total`` events over ``n`` bands, in the oldest ones."""
    return [0] * (n - total) + [1] * total if total <= n else [total] + [0] * (n - 1)


def deprivation_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for code, _, _, people in AREAS:
        for p, period in enumerate(PERIODS):
            den = round(people * 0.9)
            num = round(den * DEPRIVED[code] * (1 - 0.01 * p))
            rows.append({"indicator_id": DEPRIVATION, "area_code": code, "period": period,
                         "sex": "total", "age_group": "all", "numerator": float(num),
                         "denominator": float(den), "value": num / den * 100})
    return rows


def _catalogue() -> list[dict[str, object]]:
    entries = [{
        "id": i, "name_sv": n[0], "name_pl": n[1], "name_en": n[2], "domain": "health",
        "unit": unit, "value_type": vt, "multiplier": mult, "polarity": pol, "decimals": dec,
        "source": "Provstad hälsoregister (test)", "definition": f"Test definition of {n[2]}",
        "weight": 1.0} for i, vt, unit, pol, dec, mult, n in HEALTH]
    entries.append({
        "id": DEPRIVATION, "name_sv": "Låg ekonomisk standard", "name_pl": "Niski standard "
        "ekonomiczny", "name_en": "Low economic standard", "domain": "work_income", "unit": "%",
        "value_type": "proportion", "multiplier": 100.0, "polarity": "low_is_good",
        "decimals": 1, "source": "Provstad register (test)",
        "definition": "Test definition of low economic standard", "weight": 1.0})
    return entries


def national_rows() -> list[dict[str, object]]:
    return [{"comparator_code": NATIONAL, "indicator_id": ind, "period": period, "sex": "total",
             "age_group": age, "value": value}
            for (ind, age), value in NATIONAL_VALUES.items() for period in PERIODS]


def build_health_city(engine: Engine, *, deprivation: bool = True,
                      national: bool = True) -> None:
    """Write the test city and the public-health additions into an empty store."""
    build_city(engine)
    with engine.begin() as conn:
        conn.execute(insert(Indicator), _catalogue())
        conn.execute(insert(IndicatorValue), banded_rows() + deprivation_rows())
        if deprivation:
            conn.execute(update(City).values(deprivation_indicator=DEPRIVATION))
        if national:
            conn.execute(insert(Comparator), [{
                "code": NATIONAL, "kind": "national", "name_sv": NATIONAL_NAMES[0],
                "name_pl": NATIONAL_NAMES[1], "name_en": NATIONAL_NAMES[2]}])
            conn.execute(insert(ComparatorValue), national_rows())
