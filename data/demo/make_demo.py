"""Make the synthetic demo city ("Demo City" / "Exempelstad") from a fixed seed.

Usage (from the project root):

    .venv/bin/python data/demo/make_demo.py [OUT_DIR]

OUT_DIR defaults to the project root. The files go to OUT_DIR/shapes/demo/
and OUT_DIR/data/demo/; running twice gives byte-identical files. The city
configuration data/demo/demo.toml is written by hand and is not touched.
See docs/demo.md for what the city looks like and how it was made.
"""

from __future__ import annotations

import sys
from pathlib import Path

from demo_areas import CITY_CODE, Area, build_areas
from demo_assessment import write_assessment
from demo_geometry import is_coverage, neighbourhoods
from demo_health import health_rows
from demo_model import ENVIRONMENT_IDS, SPECS, SURVEY_IDS
from demo_notes import write_notes
from demo_places import write_places
from demo_programme import write_programme
from demo_sweden import HEADER as SWEDEN_HEADER
from demo_sweden import sweden_rows
from demo_values import (
    Row,
    city_median,
    city_score,
    indicator_rows,
    mark_missing,
    suppress_small,
    years_of,
)
from demo_writers import (
    write_boundaries,
    write_catalogue,
    write_environment,
    write_long,
    write_survey,
    write_table,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BOUNDARIES = Path("shapes/demo/demo_city.gpkg")
CATALOGUE = Path("data/demo/catalogue.csv")
REGISTER = Path("data/demo/register_values.csv")
SURVEY = Path("data/demo/survey_results.csv")
ENVIRONMENT = Path("data/demo/environment.xlsx")
NOTES = Path("data/demo/area_notes.csv")
HEALTH = Path("data/demo/health_register.csv")
SWEDEN = Path("data/demo/sweden.csv")
PLACES = Path("data/demo/places.geojson")
PLACES_CSV = Path("data/demo/places_sports_grounds.csv")
OUTPUTS = (BOUNDARIES, CATALOGUE, REGISTER, SURVEY, ENVIRONMENT, NOTES, HEALTH, SWEDEN, PLACES, PLACES_CSV)
HEALTH_HEADER = ("indicator", "area_code", "period", "sex", "age_group", "numerator", "denominator")


def register_rows(areas: list[Area]) -> list[Row]:
    """Long-table rows: register indicators, with source suppression, gaps and a city median."""
    rows: list[Row] = []
    for indicator in SPECS:
        if indicator in SURVEY_IDS or indicator in ENVIRONMENT_IDS:
            continue
        own = indicator_rows(indicator, areas)
        if indicator == "premature_mortality":
            own = suppress_small(own)
        if indicator == "median_income":
            own += [city_median(own, year) for year in years_of(indicator)]
        rows += own
    return mark_missing(rows, 6, "register")


def survey_rows(areas: list[Area]) -> list[Row]:
    rows = [r for indicator in SURVEY_IDS for r in indicator_rows(indicator, areas)]
    return mark_missing(rows, 4, "survey")


def environment_rows(areas: list[Area]) -> list[Row]:
    """Environment rows with whole-city lines (sums, and the source's own score)."""
    rows: list[Row] = []
    for indicator in ENVIRONMENT_IDS:
        own = indicator_rows(indicator, areas)
        for year in years_of(indicator):
            if SPECS[indicator].kind == "score":
                own.append(city_score(own, areas, year))
                continue
            year_rows = [r for r in own if r.year == year]
            num = sum(r.numerator or 0 for r in year_rows)
            den = sum(r.denominator or 0 for r in year_rows)
            own.append(Row(indicator, CITY_CODE, year, "total", num, den, 100 * num / den))
        if SPECS[indicator].kind == "score":
            own = mark_missing(own, 2, indicator)
        rows += own
    return rows


def make(out_dir: Path) -> list[Path]:
    """Write every demo source file under out_dir; returns the paths written."""
    cells, _outline, river = neighbourhoods()
    if not is_coverage([c.polygon for c in cells]):
        raise RuntimeError("demo boundaries are not a clean coverage; change the seed")
    areas = build_areas(cells)
    names = {a.code: a.name for a in areas} | {CITY_CODE: "Hela staden"}
    write_boundaries(out_dir / BOUNDARIES, areas, river)
    write_catalogue(out_dir / CATALOGUE)
    write_long(out_dir / REGISTER, register_rows(areas))
    write_survey(out_dir / SURVEY, survey_rows(areas), names)
    write_environment(out_dir / ENVIRONMENT, environment_rows(areas), names)
    write_notes(out_dir / NOTES, areas)
    write_places(out_dir / PLACES, out_dir / PLACES_CSV, areas)
    write_table(out_dir / HEALTH, HEALTH_HEADER, health_rows(areas))
    write_table(out_dir / SWEDEN, SWEDEN_HEADER, sweden_rows())
    programme = write_programme(out_dir)  # [programme] (demo_programme.py)
    assessment = write_assessment(out_dir)  # [[assessments]] (demo_assessment.py)
    return [out_dir / p for p in OUTPUTS] + programme + assessment


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else PROJECT_ROOT
    for path in make(out_dir):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
