"""Hostile input: huge cells, files that are not tables, paths that are not files.

Error text quotes a value only as a short excerpt, never a line of a file that is
not a table (etl.errors, etl.layout.plausible), and a load batch stores at most
4,000 characters. Directories, devices and named pipes are named for what they
are, without a listing of the folder (etl.paths).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from etl.errors import BATCH_MESSAGE_LIMIT, Problem, ValidationError, excerpt
from etl.pipeline import run, validate
from store.schema import LoadBatch
from tests.etl.smallcity import CONFIG, table_csv, table_rows, write_small_city

BIG = 200 * 1024 * 1024  # characters in the huge cell
SECRET = "root:$6$Xq9secretsaltZ$Jk4nHashOfTheRootPasswordThatMustNeverBeShownAnywhere0123456789abcdef:19000:0:99999:7:::"


def _messages(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [str(m) for m in conn.execute(select(LoadBatch.message)).scalars()]


def _write_huge_table(path: Path) -> None:
    """The small city's table with a 200 MB value cell in row 2, streamed in 1 MB chunks."""
    first, *rest = table_rows()
    header, *_ = table_csv().splitlines()
    block = "a" * (1 << 20)
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n" + ",".join(first[:6]) + ",")
        for _ in range(BIG // len(block)):
            out.write(block)
        out.write("\n" + table_csv(rest).split("\n", 1)[1])


def test_a_200_mb_cell_is_quoted_as_a_short_excerpt(sqlite_engine: Engine, tmp_path: Path) -> None:
    config = write_small_city(tmp_path)
    _write_huge_table(tmp_path / "table.csv")
    with pytest.raises(ValidationError) as caught:
        validate(config)
    text = str(caught.value)
    assert len(text) < 2_000
    assert "row 2, column 'value': value is not a number" in text
    assert f"(value: '{'a' * 60}…' ({BIG:,} characters))" in text
    with pytest.raises(ValidationError):
        run(config, sqlite_engine)
    (stored,) = _messages(sqlite_engine)
    assert len(stored) < 2_000 and "a" * 61 not in stored
    assert f"({BIG:,} characters)" in stored


def test_an_excerpt_escapes_control_and_invisible_characters() -> None:
    assert excerpt("20\x0016") == r"'20\x0016'"
    assert excerpt("caf\u200be") == r"'caf\u200be'"
    assert excerpt("line\nbreak") == r"'line\nbreak'"
    assert excerpt("it's") == '"it\'s"'
    assert excerpt("\x00" * 100) == "'" + r"\x00" * 15 + "…' (100 characters)"
    problem = Problem("t.csv", "bad\x1b[31m", "fix\x00", row=2, column="a\x00", value="x" * 500)
    assert str(problem) == (
        r"t.csv, row 2, column 'a\x00': bad\x1b[31m (value: '" + "x" * 60
        + r"…' (500 characters)). Fix: fix\x00"
    )


@pytest.mark.parametrize("lines", [[SECRET], [SECRET.replace(":", ","), "a,b,c,d,e,f,g,h,i"]])
def test_a_table_that_is_a_secret_file_is_never_quoted(
    sqlite_engine: Engine, tmp_path: Path, lines: list[str]
) -> None:
    """No delimiter found (shadow's ':' is none), or one found but the header names none of
    the configured columns: the error says so without quoting a line of the file."""
    secret = tmp_path / "shadow"
    secret.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = write_small_city(
        tmp_path / "city", config=CONFIG.replace('path = "table.csv"', f'path = "{secret}"')
    )
    with pytest.raises(ValidationError) as caught:
        run(config, sqlite_engine)
    text = str(caught.value)
    assert "shadow" in text
    for part in ("Xq9", "HashOf", "Password", "19000", "99999"):
        assert part not in text
        assert part not in _messages(sqlite_engine)[0]


def test_a_stored_message_is_bounded_and_counts_what_it_leaves_out(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    rows = [[f"indicator_{i:03d}", "D01", "2022", "total", "1", "10", ""] for i in range(400)]
    config = write_small_city(tmp_path, table=table_csv(rows))
    with pytest.raises(ValidationError) as caught:
        run(config, sqlite_engine)
    assert len(caught.value.problems) >= 50
    (stored,) = _messages(sqlite_engine)
    assert len(stored) <= BATCH_MESSAGE_LIMIT
    assert stored.startswith(str(caught.value)[:200])
    assert "more problem(s) left out of this message" in stored


def _pointing(tmp_path: Path, key: str, target: str) -> Path:
    config = CONFIG.replace(f'path = "{key}"', f'path = "{target}"')
    return write_small_city(tmp_path / "city", config=config)


NOT_FILES = [
    ("folder", "is a directory, not a file"),
    ("/dev/null", "is not a regular file (it is a character device)"),
    ("pipe", "is not a regular file (it is a named pipe (FIFO))"),
]


def _make(tmp_path: Path, name: str) -> str:
    if name == "folder":
        (tmp_path / "folder").mkdir()
        (tmp_path / "folder" / "inside.csv").write_text("a,b\n", encoding="utf-8")
    elif name == "pipe":
        os.mkfifo(tmp_path / "pipe")  # opening it would wait for a writer forever
    return name if name.startswith("/") else str(tmp_path / name)


@pytest.mark.parametrize(("name", "said"), NOT_FILES)
def test_a_table_path_that_is_not_a_file_says_what_it_is(
    tmp_path: Path, name: str, said: str
) -> None:
    config = _pointing(tmp_path, "table.csv", _make(tmp_path, name))
    with pytest.raises(ValidationError) as caught:
        validate(config)
    (problem,) = [p for p in caught.value.problems if p.file.endswith(Path(name).name)]
    assert problem.message == said
    assert "not found" not in str(caught.value) and "files there" not in problem.fix


@pytest.mark.parametrize(("name", "said"), NOT_FILES)
def test_a_boundary_path_that_is_not_a_file_says_what_it_is(
    tmp_path: Path, name: str, said: str
) -> None:
    config = _pointing(tmp_path, "areas.gpkg", _make(tmp_path, name))
    with pytest.raises(ValidationError) as caught:
        validate(config)
    (problem,) = [p for p in caught.value.problems if p.file.endswith(Path(name).name)]
    assert problem.message == f"the boundary path {said}"
    assert "not found" not in str(caught.value)


def test_a_missing_table_still_lists_the_folder(tmp_path: Path) -> None:
    config = _pointing(tmp_path, "table.csv", "tabel.csv")
    with pytest.raises(ValidationError) as caught:
        validate(config)
    (problem,) = caught.value.problems
    assert problem.message == "file not found" and "table.csv" in problem.fix
