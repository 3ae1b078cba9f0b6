"""Where is my store? Every command that reads or writes it prints which one (password hidden,
a SQLite file's path absolute), and `wellbeing db upgrade` says when it created one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from store.engine import clear_engine_cache, shown_url
from tests.etl.smallcity import write_small_city
from wellbeing.cli import app


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """DATABASE_URL pointing at a new SQLite file, given relative to the current folder."""
    clear_engine_cache()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///stores/city.sqlite")
    monkeypatch.delenv("WELLBEING_READ_DATABASE_URL", raising=False)
    yield tmp_path / "stores" / "city.sqlite"
    clear_engine_cache()


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_shown_url_hides_the_password_and_makes_sqlite_paths_absolute(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert shown_url("sqlite:///a/atlas.sqlite") == f"sqlite:///{tmp_path / 'a' / 'atlas.sqlite'}"
    assert shown_url("sqlite:////srv/atlas.sqlite") == "sqlite:////srv/atlas.sqlite"
    assert shown_url("postgresql+psycopg://atlas:s3cret@db:5432/city") == (
        "postgresql+psycopg://atlas:***@db:5432/city")


def test_db_upgrade_says_it_created_a_new_store_then_that_it_is_up_to_date(store: Path) -> None:
    first = invoke("db", "upgrade")
    assert first.exit_code == 0, first.output
    assert first.output == (f"Created a new store: sqlite:///{store} (a SQLite file, with the "
                            "atlas's tables).\n")
    assert store.is_file() and str(store).startswith("/")  # four slashes: an absolute path
    again = invoke("db", "upgrade")
    assert again.output == f"Store is up to date: sqlite:///{store}\n"


def test_every_command_on_the_store_names_it(store: Path, tmp_path: Path) -> None:
    config = write_small_city(tmp_path / "city")
    shown = f"Store: sqlite:///{store}"
    for args in (["etl", "run", str(config)], ["etl", "status"],
                 ["export", "data", "--out", str(tmp_path / "out.csv")],
                 ["export", "profile", "--area", "D05", "--format", "csv",
                  "--out", str(tmp_path / "D05.csv")]):
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.output)
        assert shown in result.output.splitlines(), (args, result.output)
    validate = invoke("etl", "validate", str(config))  # reads no store: names none
    assert validate.exit_code == 0 and "Store:" not in validate.output


def test_a_store_that_fails_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_engine_cache()
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://atlas:s3cret@127.0.0.1:5999/x")
    result = invoke("etl", "status")
    clear_engine_cache()
    assert result.exit_code == 1
    assert result.output.startswith("Error: the store postgresql+psycopg://atlas:***@127.0.0.1:5999/x "
                                    "failed (")
    assert "s3cret" not in result.output
