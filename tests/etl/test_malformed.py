"""The malformed-input corpus: each case names the problem and leaves the store unchanged.

Every folder under ``malformed/`` replaces some files of the valid small city
(``smallcity.py``) and holds ``expect.toml``: ``match`` is a regular
expression the error message must contain, ``[problem]`` the fields one of
the reported problems must have (``fix`` is a fragment of its fix). The store
is pre-loaded with the valid city and must hold the same content afterwards.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from etl.errors import EtlError, ValidationError
from etl.pipeline import run
from store.engine import make_engine
from store.migrate import upgrade
from tests.etl.smallcity import dump_store, write_small_city

CORPUS = Path(__file__).resolve().parent / "malformed"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.toml").is_file())
# Run on PostGIS too: one case per stage (config, boundaries, catalogue, table reading, checks,
# the catalogue's headline age groups against the tables, the notes, sources, derivations).
POSTGIS_CASES = [
    "config_unknown_key",
    "config_missing_boundary_file",
    "catalogue_bad_polarity",
    "wrong_encoding_declared",
    "numerator_gt_denominator",
    "duplicate_key",
    "xlsx_text_numbers",
    "catalogue_unknown_headline_age_group",
    "notes_unknown_kind",
    "source_unknown_area",
    "derived_cycle",
    "derived_denominator_zero",
    "crosswalk_many_to_many",
    "dissolve_feature_not_in_key",
    "names_not_unique",
    "interpolation_without_crs",
]


def _case_folder(case: str, tmp: Path) -> Path:
    """The small city with the case's files laid over it; returns the config path."""
    config = write_small_city(tmp / case)
    for path in (CORPUS / case).iterdir():
        if path.name != "expect.toml":
            shutil.copyfile(path, config.parent / path.name)
    return config


@pytest.fixture(scope="module")
def loaded_sqlite(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """An embedded store holding the valid small city, and its content."""
    folder = tmp_path_factory.mktemp("loaded")
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    upgrade(engine)
    run(write_small_city(folder / "city"), engine)
    content = dump_store(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    yield folder / "atlas.sqlite", content


def _assert_reported(case: str, config: Path, engine: Engine) -> None:
    expect = tomllib.loads((CORPUS / case / "expect.toml").read_text(encoding="utf-8"))
    with pytest.raises(EtlError, match=expect["match"]) as info:
        run(config, engine)
    wanted = expect.get("problem")
    if wanted:
        assert isinstance(info.value, ValidationError), (
            f"{case}: expected a ValidationError, got {info.value!r}"
        )
        problems = info.value.problems
        fix = wanted.pop("fix", "")
        wanted.setdefault("file", "table.csv")
        hits = [
            p
            for p in problems
            if fix in p.fix and all(getattr(p, k) == v for k, v in wanted.items())
        ]
        assert hits, (
            f"{case}: no problem with {wanted} and fix containing {fix!r} in:\n{info.value}"
        )


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    derived = [c for c in CASES if c.startswith(("derived_", "source_", "wide_", "long_", "table_",
                                                  "boundaries_", "plausibility_"))]
    assert len(derived) >= 25  # issue #10: sources, derived indicators, refused keys, plausibility
    keys = [c for c in CASES if c.startswith(("crosswalk_", "dissolve_", "names_", "correction_",
                                              "interpolation_"))]
    assert len(keys) >= 15  # issue #10 item 3: area keys beyond codes


@pytest.mark.parametrize("case", CASES)
def test_malformed_sqlite(
    case: str, tmp_path: Path, loaded_sqlite: tuple[Path, dict[str, Any]]
) -> None:
    store, before = loaded_sqlite
    shutil.copyfile(store, tmp_path / "atlas.sqlite")
    engine = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    try:
        _assert_reported(case, _case_folder(case, tmp_path), engine)
        assert dump_store(engine) == before
    finally:
        engine.dispose()


@pytest.mark.postgis
@pytest.mark.parametrize("case", POSTGIS_CASES)
def test_malformed_postgis(case: str, tmp_path: Path, postgis_engine: Engine) -> None:
    run(write_small_city(tmp_path / "valid"), postgis_engine)
    before = dump_store(postgis_engine)
    assert before["indicator_values"], "the valid city did not load"
    _assert_reported(case, _case_folder(case, tmp_path), postgis_engine)
    assert dump_store(postgis_engine) == before
