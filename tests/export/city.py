"""A small, fully known city for the export tests, written with SQLAlchemy Core.

Six districts on a 3 x 2 grid (names with å, ä, ö, ł, ą), four indicators in
three domains over five periods. One cell is tiny on purpose: crime in
Hässleholmen in the last period has 3 events, so the engine suppresses it; its
value (3 / 347 per 1,000 = 8.65) must never appear in any export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from shapely.geometry import MultiPolygon, box
from shapely.ops import unary_union
from sqlalchemy import Engine, insert

from store.schema import Area, AreaNote, City, Indicator, IndicatorValue, LoadBatch

CITY_CODE = "PRV"
PERIODS = ("2019", "2020", "2021", "2022", "2023")
AREAS = (  # code, name, prioritized, population
    ("P01", "Hässleholmen", True, 5200.0),
    ("P02", "Östra Kyrkbacken", False, 6100.0),
    ("P03", "Łąkowa", False, 4300.0),
    ("P04", "Sjöbo", True, 3900.0),
    ("P05", "Göta Älvstrand", False, 7000.0),
    ("P06", "Norrby", False, 5600.0),
)
FOCUS = "P01"
SUPPRESSED = {"indicator_id": "crime", "area_code": FOCUS, "period": "2023", "sex": "total",
              "numerator": 3.0, "denominator": 347.0}


@dataclass(frozen=True)
class Spec:
    id: str
    domain: str
    value_type: str
    multiplier: float
    polarity: str
    decimals: int
    unit: str
    names: tuple[str, str, str]


SPECS = (
    Spec("unemployment", "work_income", "proportion", 100, "low_is_good", 1, "%",
         ("Arbetslöshet", "Bezrobocie", "Unemployment")),
    Spec("employment", "work_income", "proportion", 100, "high_is_good", 1, "%",
         ("Förvärvsarbetande", "Zatrudnienie", "Employment")),
    Spec("upper_secondary", "education", "proportion", 100, "high_is_good", 1, "%",
         ("Gymnasiebehörighet", "Wykształcenie średnie", "Upper secondary eligibility")),
    Spec("crime", "safety", "rate", 1000, "low_is_good", 2, "per 1 000",
         ("Anmälda brott", "Zgłoszone przestępstwa", "Reported crime")),
)
SEXED = ("upper_secondary",)
NOTE_URL = "https://example.org/hassleholmen/bibliotek"
# Hässleholmen's notes (no other area has any): every kind; one note in Polish only.
NOTES = (
    ("resource", "Hässleholmens bibliotek", "Biblioteka w Hässleholmen", "Hässleholmen library",
     "Öppet sex dagar i veckan", None, None, "Kommunens webbplats", NOTE_URL),
    ("arena", "Torget", None, "The square", None, None, None, None, None),
    ("initiative", None, "Świetlica „Żółte Drzwi”", None, None, "Prowadzi ją stowarzyszenie sąsiedzkie",
     None, None, None),
    ("residents_view", "Tryggare kvällar", "Bezpieczniejsze wieczory", "Safer evenings",
     "Fler vuxna ute på kvällarna", None, None, "Dialog med boende, våren 2024", None),
)


def numerator(spec: Spec, area: int, period: int, denominator: float) -> float:
    """Deterministic counts: the focus area is clearly worse on unemployment and improves."""
    base = {"unemployment": 0.07, "employment": 0.72, "upper_secondary": 0.82, "crime": 0.045}[spec.id]
    if spec.id == "unemployment" and area == 0:
        base = 0.17 - 0.012 * period
    shape = 1.0 + 0.05 * ((area * 7 + period * 3) % 5 - 2)
    return float(round(denominator * min(base * shape, 0.98)))


def value_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for spec in SPECS:
        for a, (code, _, _, population) in enumerate(AREAS):
            for p, period in enumerate(PERIODS):
                sexes = ("total", "female", "male") if spec.id in SEXED else ("total",)
                for sex in sexes:
                    den = round(population * (0.5 if sex != "total" else 1.0) * 0.6)
                    num = numerator(spec, a, p, den) + (3 if sex == "male" else 0)
                    rows.append({"indicator_id": spec.id, "area_code": code, "period": period,
                                 "sex": sex, "age_group": "all", "numerator": num,
                                 "denominator": float(den), "value": num / den * spec.multiplier})
    for row in rows:
        if all(row[k] == SUPPRESSED[k] for k in ("indicator_id", "area_code", "period", "sex")):
            row.update(numerator=SUPPRESSED["numerator"], denominator=SUPPRESSED["denominator"],
                       value=suppressed_value())
    return rows


def suppressed_value() -> float:
    return float(str(SUPPRESSED["numerator"])) / float(str(SUPPRESSED["denominator"])) * 1000


def _catalogue() -> list[dict[str, object]]:
    return [{
        "id": s.id, "name_sv": s.names[0], "name_pl": s.names[1], "name_en": s.names[2],
        "description_sv": f"Andel eller kvot: {s.names[0].lower()}.",
        "description_pl": f"Odsetek lub współczynnik: {s.names[1].lower()}.",
        "description_en": f"Share or rate: {s.names[2].lower()}.",
        "domain": s.domain, "unit": s.unit, "value_type": s.value_type, "multiplier": s.multiplier,
        "polarity": s.polarity, "decimals": s.decimals, "source": "Provstad register (test)",
        "definition": f"Test definition of {s.names[2].lower()}", "weight": 1.0,
    } for s in SPECS]


def build_city(engine: Engine) -> list[dict[str, object]]:
    """Write the city into an empty store (schema applied); return the value rows written."""
    now = datetime.now(UTC)
    geoms = [MultiPolygon([box(12.90 + 0.02 * (i % 3), 57.70 + 0.015 * (i // 3),
                               12.92 + 0.02 * (i % 3), 57.715 + 0.015 * (i // 3))]) for i in range(6)]
    city_geom = MultiPolygon([unary_union(geoms)])
    values = value_rows()
    with engine.begin() as conn:
        inserted = conn.execute(insert(LoadBatch).values(
            city_code=CITY_CODE, started_at=now, finished_at=now, status="succeeded",
            areas_loaded=len(AREAS), indicators_loaded=len(SPECS), values_loaded=len(values),
        )).inserted_primary_key
        assert inserted is not None
        batch = inserted[0]
        conn.execute(insert(City).values(code=CITY_CODE, name="Provstad", name_sv="Provstad",
                                         name_pl="Miasto Próbne", name_en="Test Town",
                                         synthetic=True, batch_id=batch))
        conn.execute(insert(Area), [
            {"code": CITY_CODE, "name": "Provstad", "level": "city", "prioritized": False,
             "population": sum(a[3] for a in AREAS), "geom": city_geom, "display_geom": city_geom},
            *[{"code": code, "name": name, "level": "district", "parent_code": CITY_CODE,
               "prioritized": prio, "population": pop, "geom": g, "display_geom": g}
              for (code, name, prio, pop), g in zip(AREAS, geoms, strict=True)],
        ])
        conn.execute(insert(Indicator), _catalogue())
        conn.execute(insert(IndicatorValue), values)
        columns = ("kind", "title_sv", "title_pl", "title_en", "text_sv", "text_pl", "text_en",
                   "source", "url")
        conn.execute(insert(AreaNote), [
            {"area_code": FOCUS, "position": i + 1, **dict(zip(columns, note, strict=True))}
            for i, note in enumerate(NOTES)])
    return values
