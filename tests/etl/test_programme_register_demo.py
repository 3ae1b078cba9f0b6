"""The demo city's programme register (data/demo/demo_programme.py): reproducible files
that load with the city and hold what issue #13 asks of the demo."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.demo import load_demo
from store.engine import PROJECT_ROOT, make_engine
from store.migrate import upgrade
from store.programme_read import ProgrammeSnapshot
from store.read import read_snapshot

KINDS = ("programmes", "goals", "targets", "institutions", "initiatives")
PRIORITIZED = ("DC25", "DC32", "DC38")


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProgrammeSnapshot]:
    path = tmp_path_factory.mktemp("demo") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    result = load_demo(engine)
    assert result is not None and result.status == "succeeded"
    assert not [w for w in result.warnings if "programme_" in w.file], result.warnings
    yield read_snapshot(engine).programme
    engine.dispose()


def test_the_programme_files_are_regenerated_byte_identical(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; sys.path.insert(0, 'data/demo'); "
            "from demo_programme import write_programme; write_programme(Path(sys.argv[1]))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    for kind in KINDS:
        name = f"data/demo/programme_{kind}.csv"
        assert (tmp_path / name).read_bytes() == (PROJECT_ROOT / name).read_bytes(), (
            f"{name} differs from a fresh run: regenerate with .venv/bin/python data/demo/make_demo.py")


def test_one_programme_with_three_goals_and_targets_for_eight_indicators(
        programme: ProgrammeSnapshot) -> None:
    assert len(programme["programmes"]) == 1
    assert len(programme["programme_goals"]) == 3
    targets = programme["targets"]
    assert targets["indicator_id"].nunique() >= 8
    assert {"DEMO", "DC25"} <= set(targets["area_code"])
    hjortkullen = targets[(targets["indicator_id"] == "unemployment") & (targets["area_code"] == "DC25")]
    assert hjortkullen[["direction", "goal_id"]].values.tolist() == [["decrease", "work"]]
    measured = programme["goal_indicators"]
    assert set(zip(targets["goal_id"], targets["indicator_id"], strict=True)) <= set(
        zip(measured["goal_id"], measured["indicator_id"], strict=True))


def test_25_initiatives_in_the_prioritized_areas_with_six_institution_types(
        programme: ProgrammeSnapshot) -> None:
    initiatives, areas = programme["initiatives"], programme["initiative_areas"]
    assert len(initiatives) == 25
    assert set(PRIORITIZED) < set(areas["area_code"]) <= {*PRIORITIZED, "DEMO"}
    institutions = programme["institutions"]
    assert 12 <= len(institutions) <= 15 and institutions["type"].nunique() >= 6
    involved = set(initiatives["lead_institution"]) | set(programme["initiative_partners"]["institution_id"])
    assert involved == set(institutions["id"])
    assert initiatives["status"].nunique() == 4
    assert initiatives["budget"].notna().sum() >= 20 and initiatives["participants"].notna().sum() >= 15


def test_hjortkullen_has_every_sector_but_employment(programme: ProgrammeSnapshot) -> None:
    sectors = programme["initiative_areas"].merge(
        programme["initiatives"], left_on="initiative_id", right_on="id")
    in_hjortkullen = set(sectors.loc[sectors["area_code"] == "DC25", "sector"])
    city_wide = set(sectors.loc[sectors["area_code"] == "DEMO", "sector"])
    assert in_hjortkullen == {"education", "community_life", "housing", "health", "safety",
                              "environment"}
    assert "employment" not in city_wide
