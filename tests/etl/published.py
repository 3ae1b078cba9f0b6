"""Small statistical files as published, for the tests: PC-Axis, JSON-stat 2, titled XLSX,
year-suffixed CSV. Every figure comes from ``count(area, period, sex)``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.etl.smallcity import CODES, CONFIG, PERIODS

SEXES = {"1": "male", "2": "female"}


def count(area: str, period: str, sex: str) -> int:
    return 1000 + 10 * (int(area[1:]) - 1) + int(period) - 2022 + (500 if sex == "female" else 0)


def _quoted(values: list[str]) -> str:
    return ",".join(f'"{v}"' for v in values)


def px_text(codes: list[str] | None = None, *, data: list[str] | None = None, suppressed: bool = False) -> str:
    """Population by area (stub), sex (stub) and year (heading); the first value '..' if suppressed."""
    codes = codes or CODES
    cells = data or [str(count(a, p, SEXES[s])) for a in codes for s in SEXES for p in PERIODS]
    if suppressed:
        cells[0] = '".."'
    rows = [" ".join(cells[i:i + 4]) for i in range(0, len(cells), 4)]
    return "\n".join([
        'CHARSET="ANSI";', 'AXIS-VERSION="2010";', 'CODEPAGE="utf-8";', 'LANGUAGE="sv";',
        'MATRIX="BE0101";', 'TITLE="Folkmängd efter område, kön och år";', 'CONTENTS="Folkmängd";',
        'STUB="område","kön";', 'HEADING="år";',
        f'VALUES("område")={_quoted([f"{c} Område {c}" for c in codes[:3]])},',
        f'{_quoted([f"{c} Område {c}" for c in codes[3:]])};',
        'VALUES("kön")="män","kvinnor";', f'VALUES("år")={_quoted(list(PERIODS))};',
        f'CODES("område")={_quoted(codes)};', 'CODES("kön")="1","2";',
        'NOTE="Källa: ""SCB"", bearbetning";', "DATA=", *rows, ";",
    ]) + "\n"


def jsonstat(codes: list[str] | None = None) -> dict[str, object]:
    """Population by area and year (total), Eurostat's shape; the last value null."""
    codes = codes or CODES
    values: list[int | None] = [count(a, p, "total") for a in codes for p in PERIODS]
    values[-1] = None
    return {
        "version": "2.0", "class": "dataset", "label": "Population",
        "id": ["geo", "time"], "size": [len(codes), len(PERIODS)],
        "dimension": {
            "geo": {"label": "Area", "category": {"index": {c: i for i, c in enumerate(codes)},
                                                 "label": {c: f"Område {c}" for c in codes}}},
            "time": {"label": "Year", "category": {"index": list(PERIODS)}},
        },
        "value": values,
    }


def jsonstat_text(codes: list[str] | None = None) -> str:
    return json.dumps(jsonstat(codes), ensure_ascii=False)


def year_csv(spaces: bool = False) -> str:
    """indicator, area, Antal 2022, Antal 2023 (indicator cells with a stray space if asked)."""
    name = "population " if spaces else "population"
    lines = ["indikator;område;Antal 2022;Antal 2023"]
    lines += [f"{name};{a};{count(a, '2022', 'total')};{count(a, '2023', 'total')}" for a in CODES]
    return "\n".join(lines) + "\n"


def titled_xlsx(path: Path) -> None:
    """Two title rows, a header on row 3, the data, an empty row, then notes."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Folkmängd per område"])
    sheet.append(["Källa: Small City statistics"])
    sheet.append(["område", "år", "indikator", "värde"])
    for a in CODES:
        sheet.append([a, "2023", "population", count(a, "2023", "total")])
    sheet.append([])
    sheet.append(["Anm.: preliminära siffror"])
    sheet.append(["..", "x", "y", "not a number"])
    book.save(path)


def config(table: str) -> str:
    """The small city's config with ``table`` (TOML lines) as its only [[tables]] block."""
    return CONFIG.replace('[[tables]]\npath = "table.csv"\n', "[[tables]]\n" + table.strip() + "\n")
