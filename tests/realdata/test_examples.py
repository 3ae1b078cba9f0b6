"""The configurations under examples/ load the real public files with no script.

Expected figures are computed here from the raw files, independently of the ETL: the
test parses the source text itself and divides. Skips with the reason when
../shared/realdata is absent (a fresh clone has no ../shared).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from etl.pipeline import run
from presentation.comparisons import comparison_table_of
from store.read import read_snapshot
from tests.conftest import realdata_dir

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.realdata


def bbga(folder: Path) -> dict[tuple[str, str, str], float]:
    """(year, area, variable) -> value, from the raw space-separated BBGA file."""
    out = {}
    for line in (folder / "bbga_extract_dataoftheareas.csv").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 4:
            out[(fields[0], fields[1], fields[2])] = float(fields[3])
    return out


def test_amsterdam_bbga_shares_from_counts_over_the_population(store_engine: Engine) -> None:
    raw = bbga(realdata_dir("amsterdam"))
    result = run(EXAMPLES / "amsterdam_bbga" / "amsterdam_bbga.toml", store_engine)
    assert not [w for w in result.warnings if w.severity == "error"]
    snap = read_snapshot(store_engine)
    values = snap.values.set_index(["indicator_id", "area_code", "period"])

    def check(indicator: str, area: str, year: str, numerator: float, denominator: float) -> None:
        row = values.loc[(indicator, "0363" if area == "STAD" else area, year)]
        assert (row["numerator"], row["denominator"]) == (numerator, denominator)
        assert row["value"] == pytest.approx(100 * numerator / denominator)

    for area, year in (("DX01", "2018"), ("DX21", "2017"), ("STAD", "2018")):
        total = raw[(year, area, "BEVTOTAAL")]
        check("aged_65_plus", area, year, raw[(year, area, "BEV65PLUS")], total)
        check("migration_background", area, year, total - raw[(year, area, "BEVAUTOCH")], total)
        children = sum(raw[(year, area, v)] for v in ("BEV0_3", "BEV4_12", "BEV13_17"))
        assert children == raw[(year, area, "BEV0_17")]  # the three bands make up 0-17
        check("children_0_17", area, year, children, total)
        # the BBGA's own rounded percentage agrees with ours
        assert values.loc[("aged_65_plus", "0363" if area == "STAD" else area, year), "value"] == (
            pytest.approx(raw[(year, area, "BEV65PLUS_P")], abs=0.051))
    check("single_person_households", "DX05", "2018", raw[("2018", "DX05", "BEVALLEENHH")],
          raw[("2018", "DX05", "BEVHUISHOUDENHH")])
    table = comparison_table_of(snap)
    shares = table[(table["indicator_id"] == "aged_65_plus") & (table["area_code"] != "0363")]
    assert len(shares) > 0 and shares["lower_ci95"].notna().all()  # each share has its interval
    assert ((shares["lower_ci95"] <= shares["value"]) & (shares["value"] <= shares["upper_ci95"])).all()
    city = table[(table["indicator_id"] == "aged_65_plus") & (table["area_code"] == "0363")]
    assert (city["compared_to_city"] == "benchmark").all()
