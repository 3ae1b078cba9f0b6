"""Errors a user hits on the command line: a message that says what to fix, a non-zero exit,
never a traceback (the store down, no tables, an output path that cannot be written)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner, Result

from store.engine import clear_engine_cache
from tests.cli.test_export_data import fill
from wellbeing.cli import app

DOWN = "postgresql+psycopg://postgres@127.0.0.1:5999/x"  # nothing listens on 5999


@pytest.fixture
def use_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    clear_engine_cache()
    yield monkeypatch
    clear_engine_cache()


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(app, args)


def assert_clean_failure(result: Result, code: int, *words: str) -> None:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # not a crash
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: ")
    for word in words:
        assert word in result.output, (word, result.output)


@pytest.mark.parametrize("args", [["export", "data", "--out", "{tmp}/x.csv"], ["db", "upgrade"],
                                  ["etl", "status"]])
def test_a_store_that_is_down_is_named_with_the_fix(use_store: pytest.MonkeyPatch, tmp_path: Path,
                                                    args: list[str]) -> None:
    use_store.setenv("DATABASE_URL", DOWN)
    result = invoke([a.format(tmp=tmp_path) for a in args])
    assert_clean_failure(result, 1, "port 5999", "Fix: check DATABASE_URL")
    assert not (tmp_path / "x.csv").exists()


def test_a_store_without_tables_says_how_to_load_one(use_store: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_store.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    result = invoke(["export", "data", "--out", str(tmp_path / "x.csv")])
    assert_clean_failure(result, 1, "has no atlas tables yet", "wellbeing db upgrade", "wellbeing demo")


def test_export_data_to_a_folder_is_refused_before_reading(use_store: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    use_store.setenv("DATABASE_URL", DOWN)  # the check comes first, so the store is never asked
    result = invoke(["export", "data", "--out", str(tmp_path)])
    assert_clean_failure(result, 2, f"--out {tmp_path} is a folder", str(tmp_path / "atlas.csv"))


def test_an_unwritable_output_path_is_a_message(use_store: pytest.MonkeyPatch, sqlite_engine: Engine,
                                                tmp_path: Path) -> None:
    fill(sqlite_engine)
    use_store.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke(["export", "data", "--out", str(blocker / "x.csv")])
    assert_clean_failure(result, 1, f"cannot write {blocker}", "Fix: give --out a path")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_profile_to_an_unwritable_path_is_a_message(use_store: pytest.MonkeyPatch,
                                                    sqlite_engine: Engine, tmp_path: Path) -> None:
    fill(sqlite_engine)
    use_store.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke(["export", "profile", "--area", "B", "--format", "csv",
                     "--out", str(blocker / "b.csv")])
    assert_clean_failure(result, 1, f"cannot write {blocker}", "Fix: give --out a path")
