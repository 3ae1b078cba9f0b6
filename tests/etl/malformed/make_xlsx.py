"""Re-create the XLSX files of the malformed corpus: ``python -m tests.etl.malformed.make_xlsx``."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADER = ["indicator", "area", "period", "sex", "numerator", "denominator", "value"]


def write(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Values"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)


def main() -> None:
    # Numbers as numbers, a number stored as text (fine) and a text with a unit (not a number).
    rows: list[list[object]] = [
        ["unemployment", "D01", 2023, "total", 50, 1000, None],
        ["median_income", "D02", 2023, "total", None, None, "12,5 %"],
        ["median_income", "D03", 2023, "total", None, None, "25000"],
    ]
    write(HERE / "xlsx_text_numbers" / "table.xlsx", rows)
    write(HERE / "config_missing_sheet" / "table.xlsx", rows[:1])


if __name__ == "__main__":
    main()
