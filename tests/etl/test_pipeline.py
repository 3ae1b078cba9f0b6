"""The pipeline end to end on the small city: validate, run, no-op reruns, refreshes, CLI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from etl.errors import ValidationError
from etl.pipeline import run, validate
from store.read import latest_batch_id, read_batches, read_snapshot
from store.schema import LoadBatch
from tests.etl.smallcity import (
    CITY_CODE,
    CODES,
    CONFIG,
    batch_message,
    dump_store,
    table_rows,
    write_small_city,
)
from wellbeing.etl_commands import etl_app


def test_validate_reports_counts_and_writes_nothing(tmp_path: Path) -> None:
    report = validate(write_small_city(tmp_path))
    assert report.city_code == CITY_CODE
    assert report.areas == len(CODES) + 1
    assert report.indicators == 5
    assert report.values == len(table_rows())
    assert report.periods == ["2022", "2023"]
    assert [f.kind for f in report.files] == ["boundaries", "catalogue", "table", "notes"]
    assert report.files[-1].rows == 5
    assert not (tmp_path / "atlas.sqlite").exists()


def test_validate_raises_with_every_problem_together(tmp_path: Path) -> None:
    config = CONFIG.replace('codes = ["D05"]', 'codes = ["D5"]')
    rows = [*table_rows(), ["unemployment", "D99", "2023", "total", "1", "10", ""]]
    from tests.etl.smallcity import table_csv

    path = write_small_city(tmp_path, config=config, table=table_csv(rows))
    with pytest.raises(ValidationError) as caught:
        validate(path)
    text = str(caught.value)
    assert "prioritized area 'D5' is not in the boundaries" in text
    assert "D99" in text
    assert len(caught.value.problems) >= 2


def test_run_loads_the_city_and_records_the_batch(store_engine: Engine, tmp_path: Path) -> None:
    config = write_small_city(tmp_path)
    result = run(config, store_engine)
    assert not result.unchanged and result.status == "succeeded"
    assert (result.areas, result.indicators, result.values) == (len(CODES), 5, len(table_rows()))  # not the city row
    snap = read_snapshot(store_engine)
    assert snap.city["code"] == CITY_CODE and snap.batch_id == result.batch_id
    areas = snap.areas.set_index("code")
    assert areas.loc[CITY_CODE, "level"] == "city"
    assert set(areas.loc[CODES, "parent_code"]) == {CITY_CODE}
    assert areas["prioritized"].sum() == 1 and areas.loc["D05", "prioritized"]
    assert len(snap.values) == len(table_rows())
    assert (snap.values["area_code"] == CITY_CODE).sum() == 10
    batches, files = read_batches(store_engine)
    assert batches.iloc[0]["status"] == "succeeded"
    assert batches.iloc[0]["values_loaded"] == len(table_rows())
    mine = files[files["batch_id"] == result.batch_id].set_index("kind")
    table = tmp_path / "table.csv"
    assert mine.loc["table", "sha256"] == hashlib.sha256(table.read_bytes()).hexdigest()
    assert mine.loc["table", "rows"] == len(table_rows())
    assert mine.loc["boundaries", "rows"] == len(CODES)


def test_rerun_of_the_same_files_is_a_no_op_and_says_so(store_engine: Engine, tmp_path: Path) -> None:
    config = write_small_city(tmp_path)
    first = run(config, store_engine)
    before = dump_store(store_engine)
    said: list[str] = []
    again = run(config, store_engine, say=said.append)
    assert again.unchanged and again.batch_id == first.batch_id
    assert again.message.startswith(f"Nothing to do: these files were loaded in batch {first.batch_id} at ")
    assert said == [again.message]
    after = dump_store(store_engine)
    assert {k: v for k, v in after.items() if k != "load_batches"} == {
        k: v for k, v in before.items() if k != "load_batches"
    }
    assert latest_batch_id(store_engine) == first.batch_id
    with store_engine.connect() as conn:
        statuses = conn.execute(select(LoadBatch.status).order_by(LoadBatch.id)).scalars().all()
    assert statuses == ["succeeded", "unchanged"]


def test_changed_file_or_force_loads_again(store_engine: Engine, tmp_path: Path) -> None:
    config = write_small_city(tmp_path)
    first = run(config, store_engine)
    forced = run(config, store_engine, force=True)
    assert not forced.unchanged and forced.batch_id > first.batch_id
    table = tmp_path / "table.csv"
    table.write_text(table.read_text().replace("25000", "25100"))
    changed = run(config, store_engine)
    assert not changed.unchanged and changed.batch_id > forced.batch_id
    values = read_snapshot(store_engine).values
    assert 25100.0 in set(values["value"]) and 25000.0 not in set(values["value"])


def test_refresh_replaces_the_previous_city_entirely(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "a"), store_engine)
    other = CONFIG.replace('code = "SC"', 'code = "OC"').replace("Small City", "Other City")
    rows = [[r[0], "OC" if r[1] == CITY_CODE else r[1], *r[2:]] for r in table_rows() if r[2] == "2023"]
    from tests.etl.smallcity import table_csv

    result = run(write_small_city(tmp_path / "b", config=other, table=table_csv(rows)), store_engine)
    snap = read_snapshot(store_engine)
    assert snap.city["code"] == "OC"
    assert set(snap.areas["code"]) == {*CODES, "OC"}
    assert set(snap.values["period"]) == {"2023"} and len(snap.values) == result.values


def test_failed_validation_leaves_the_store_and_records_a_failed_batch(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "good"), store_engine)
    before = dump_store(store_engine)
    bad = write_small_city(tmp_path / "bad", config=CONFIG.replace('"D05"', '"D50"'))
    with pytest.raises(ValidationError, match="prioritized area 'D50' is not in the boundaries"):
        run(bad, store_engine)
    assert dump_store(store_engine) == before
    batches, _ = read_batches(store_engine)
    assert batches.iloc[0]["status"] == "failed"
    assert "prioritized area 'D50'" in str(batch_message(store_engine, int(batches.iloc[0]["id"])))


# ---------------------------------------------------------------- CLI


@pytest.fixture
def cli_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_cli_validate_run_status(tmp_path: Path, cli_store: str) -> None:
    config = str(write_small_city(tmp_path / "city"))
    runner = CliRunner()
    checked = runner.invoke(etl_app, ["validate", config])
    assert checked.exit_code == 0, checked.output
    assert f"Valid: {CITY_CODE}: 10 areas" in checked.output
    loaded = runner.invoke(etl_app, ["run", config])
    assert loaded.exit_code == 0, loaded.output
    assert "Loaded batch 1: 9 areas, 5 indicators" in loaded.output  # the city row is not an area
    again = runner.invoke(etl_app, ["run", config])
    assert again.exit_code == 0 and "Nothing to do: these files were loaded in batch 1" in again.output
    status = runner.invoke(etl_app, ["status"])
    assert status.exit_code == 0, status.output
    for title in ("Load batches", "Areas by level", "Prioritized areas", "Indicators by domain",
                  "Values by period", "Small City (SC)", "D05", "work_income", "2023"):
        assert title in status.output


def test_cli_errors_are_messages_not_tracebacks(tmp_path: Path, cli_store: str) -> None:
    runner = CliRunner()
    missing = runner.invoke(etl_app, ["run", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 1
    assert "configuration file not found" in missing.output
    assert "Traceback" not in missing.output
    bad = write_small_city(tmp_path / "bad", config=CONFIG.replace('"D05"', '"D50"'))
    checked = runner.invoke(etl_app, ["validate", str(bad)])
    assert checked.exit_code == 1
    assert "prioritized area 'D50' is not in the boundaries" in checked.output
    assert "1 error(s): nothing was loaded." in checked.output
    assert not isinstance(checked.exception, ValidationError)


def test_cli_status_on_an_empty_store_says_what_to_do(cli_store: str) -> None:
    result = CliRunner().invoke(etl_app, ["status"])
    assert result.exit_code == 1, result.output
    assert "has no tables yet" in result.output and "wellbeing etl run CONFIG" in result.output


def test_docs_show_every_etl_command_and_option() -> None:
    import typer.main

    docs = (Path(__file__).resolve().parents[2] / "docs" / "etl.md").read_text(encoding="utf-8")
    group = typer.main.get_command(etl_app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"wellbeing etl {name}" in docs
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"{opt} of `etl {name}` is not in docs/etl.md"


def test_progress_bars_stay_quiet_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from etl.progress import interactive, progress_bar

    assert not interactive()  # pytest captures stdout: not a terminal
    with progress_bar("Loading values", total=10) as advance:
        advance(10)
    assert capsys.readouterr().out == ""
