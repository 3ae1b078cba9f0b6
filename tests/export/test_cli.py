"""`wellbeing export profile` through Typer's test runner, on the test city's store."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from pypdf import PdfReader
from typer.testing import CliRunner

from tests.export.city import AREAS, FOCUS
from wellbeing.export_profile import export_profile

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(export_profile)
    return app


@pytest.fixture
def store_env(city_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{city_store}")


def test_one_area_to_a_file(store_env: None, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "p01.pdf"
    result = runner.invoke(_app(), ["--area", FOCUS, "--format", "pdf", "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Hässleholmen" in text and "AREA PROFILE" in text


def test_all_prioritized_to_a_folder(store_env: None, tmp_path: Path) -> None:
    result = runner.invoke(_app(), ["--all-prioritized", "--format", "csv", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    prioritized = sorted(a[0].lower() for a in AREAS if a[2])
    written = sorted(p.name.split("-")[1] for p in (tmp_path / "out").glob("*.csv"))
    assert written == prioritized
    assert f"Wrote {len(prioritized)} of {len(prioritized)} profiles" in result.output
    assert "\x1b[" not in result.output  # no progress bar escapes when not a terminal


@pytest.mark.parametrize("args, message", [
    (["--area", FOCUS, "--all-prioritized"], "either --area CODE or --all-prioritized, not both"),
    ([], "give --area CODE"),
    (["--area", FOCUS, "--format", "docx"], "Unknown format 'docx'"),
    (["--area", FOCUS, "--lang", "de"], "Unknown language 'de'"),
    (["--area", FOCUS, "--format", "xlsx"], "does not end in .xlsx but --format is xlsx"),
    (["--all-prioritized"], "looks like a file name; with --all-prioritized give a folder"),
])
def test_conflicting_or_missing_options_fail_up_front(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(_app(), [*args, "--out", str(tmp_path / "profile.pdf")])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "profile.pdf").exists()


def test_a_folder_is_not_a_file_for_one_area(tmp_path: Path) -> None:
    result = runner.invoke(_app(), ["--area", FOCUS, "--out", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_unknown_area_exits_1_with_the_fix(store_env: None, tmp_path: Path) -> None:
    result = runner.invoke(_app(), ["--area", "ZZZ", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert "Area 'ZZZ' is not in the store" in result.output


def test_registered_as_wellbeing_export_profile(store_env: None, tmp_path: Path) -> None:
    from wellbeing.cli import app

    out = tmp_path / "p01.xlsx"
    result = runner.invoke(app, ["export", "profile", "--area", FOCUS, "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
