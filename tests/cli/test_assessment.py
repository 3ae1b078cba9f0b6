"""`wellbeing assessment template`: the blank form, read back by the loader."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from etl.assessment import read_assessments
from etl.assessment_config import AssessmentConfig
from wellbeing.cli import app


def test_the_template_is_a_form_the_loader_reads(tmp_path: Path) -> None:
    out = tmp_path / "forms" / "form.xlsx"
    out.parent.mkdir()
    done = CliRunner().invoke(app, ["assessment", "template", "--lang", "pl", "--out", str(out),
                                    "--round", "2025"])
    assert done.exit_code == 0, done.output
    assert "Wrote the self-assessment form (pl)" in done.output
    ws = load_workbook(out).worksheets[0]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    labels = [str(c.value) for c in ws["B"] if c.value]
    assert "Sektor, w którym pracujesz (wybierz z listy)" in labels
    assert not any(word in label.lower() for label in labels for word in ("imię:", "nazwisko:", "name"))
    sector = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "sector")
    assert ws.cell(sector, 3).protection.locked is False and ws.cell(1, 2).protection.locked is not False
    assert any("_form" in str(dv.formula1) for dv in ws.data_validations.dataValidation)
    block = AssessmentConfig(round=2025, base=tmp_path, forms="forms/*.xlsx")
    data = read_assessments((block,), tmp_path / "city.toml", lambda _m: None)
    # blank: the loader asks for the sector (nothing else is wrong with the form)
    assert [p.message for p in data.problems] == ["no sector is given"]


def test_wrong_options_end_with_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    bad_lang = runner.invoke(app, ["assessment", "template", "--lang", "de", "--out", str(tmp_path / "f.xlsx")])
    assert bad_lang.exit_code == 2 and "unknown language 'de'" in bad_lang.output
    bad_name = runner.invoke(app, ["assessment", "template", "--out", str(tmp_path / "f.csv")])
    assert bad_name.exit_code == 2 and "does not end in .xlsx" in bad_name.output
