"""Reading one cell of a programme sheet: required texts, ids, years, numbers,
enumerations and lists of ids. Each function returns the value (None when the cell is
empty or wrong) and adds a problem to the sheet with row, column, value and fix.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.checks import close_matches
from etl.numbers import detect_decimal, parse_numbers
from etl.programme_register_sheets import NAMES, Sheet
from etl.programme_register_terms import ALLOWED, canonical, words

ID = re.compile(r"^[\w.:\-]+$")
ID_LENGTH = 64
NAME_LENGTH = 300
FIRST_YEAR, LAST_YEAR = 1900, 2100


def required(sheet: Sheet, line: int, row: dict[str, str], column: str) -> str | None:
    text = row.get(column, "")
    if not text:
        sheet.add(line, column, f"{column} is empty",
                  f"fill in the {column} of every row, or remove the row")
        return None
    return text


def identifier(sheet: Sheet, line: int, row: dict[str, str], column: str,
               need: bool = True) -> str | None:
    """An id (letters, digits and _ - . :, at most 64 characters); empty: None (a problem
    when ``need``)."""
    text = required(sheet, line, row, column) if need else row.get(column, "") or None
    if text is None:
        return None
    if not ID.match(text) or len(text) > ID_LENGTH:
        sheet.add(line, column, f"{column} is not an id",
                  f"use at most {ID_LENGTH} letters, digits and _ - . : (e.g. 'work_income')",
                  value=text)
        return None
    return text


def text(sheet: Sheet, line: int, row: dict[str, str], column: str,
         limit: int = NAME_LENGTH) -> str | None:
    """A free text of at most ``limit`` characters (descriptions: no limit); empty: None."""
    value = row.get(column, "")
    if len(value) > limit:
        sheet.add(line, column, f"{column} is {len(value):,} characters long, more than {limit}",
                  f"shorten it to at most {limit} characters (put details in a description)",
                  value=value)
        return None
    return value or None


def names(sheet: Sheet, line: int, row: dict[str, str], what: str) -> dict[str, str] | None:
    """name_sv, name_pl, name_en; a missing language takes another's (en, sv, pl first)."""
    given = {c: text(sheet, line, row, c) for c in NAMES}
    if not any(given.values()) and not any(len(row.get(c, "")) > NAME_LENGTH for c in NAMES):
        sheet.add(line, "name_sv", f"the {what} has no name",
                  f"give it a name in at least one of {', '.join(NAMES)}")
        return None
    fallback = next((given[c] for c in ("name_en", "name_sv", "name_pl") if given[c]), None)
    if fallback is None:
        return None
    return {c: given[c] or fallback for c in NAMES}


def year(sheet: Sheet, line: int, row: dict[str, str], column: str,
         need: bool = False) -> int | None:
    value = required(sheet, line, row, column) if need else row.get(column, "") or None
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}", value) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
        sheet.add(line, column, f"{column} is not a year",
                  f"write a year such as 2024 ({FIRST_YEAR}-{LAST_YEAR})", value=value)
        return None
    return int(value)


def years(sheet: Sheet, line: int, start: int | None, end: int | None) -> None:
    if start is not None and end is not None and end < start:
        sheet.add(line, "end_year", f"end_year is before start_year {start}",
                  "check both years (end_year is the last year, not a duration)", value=str(end))


def decimal_of(sheet: Sheet, columns: tuple[str, ...], fixed: str | None) -> str:
    """The decimal separator of the sheet's number columns (the city's, else detected)."""
    return fixed or detect_decimal([sheet.column(c) for c in columns], sheet.delimiter)


def number(sheet: Sheet, line: int, row: dict[str, str], column: str, decimal: str,
           need: bool = False, whole: bool = False, negative: bool = True) -> float | None:
    value = required(sheet, line, row, column) if need else row.get(column, "") or None
    if value is None:
        return None
    parsed, bad = parse_numbers(pd.Series([value], dtype=object), decimal)
    kind = "a whole number" if whole else "a number"
    if bad[0] or (whole and not float(parsed[0]).is_integer()):
        sheet.add(line, column, f"{column} is not {kind}",
                  f"write {kind} with '{decimal}' as decimal separator and no unit "
                  "(e.g. 1 250 000)" if not whole else f"write {kind} (e.g. 120)", value=value)
        return None
    if not negative and parsed[0] < 0:
        sheet.add(line, column, f"{column} is negative", f"give 0 or more, or leave {column} empty",
                  value=value)
        return None
    return float(parsed[0])


def choice(sheet: Sheet, line: int, row: dict[str, str], column: str,
           need: bool = True) -> str | None:
    """The stored value of an enumeration cell (``etl.programme_register_terms``)."""
    value = required(sheet, line, row, column) if need else row.get(column, "") or None
    if value is None:
        return None
    found = canonical(column, value)
    if found is None:
        sheet.add(line, column, f"unknown {column}",
                  f"use one of {', '.join(ALLOWED[column])}{close_matches(value, words(column))}",
                  value=value)
    return found


def id_list(sheet: Sheet, line: int, row: dict[str, str], column: str) -> list[str]:
    """The ';'-separated ids of a cell, each once (a repeat is a warning)."""
    value = row.get(column, "")
    items = [item.strip() for item in value.split(";")]
    out: list[str] = []
    for item in items:
        if not item:
            continue
        if item in out:
            sheet.add(line, column, f"{column} lists {item!r} twice",
                      "list each once (the repeat is left out)", value=value, severity="warning")
            continue
        out.append(item)
    if len(out) == 1 and "," in out[0]:
        sheet.add(line, column, f"{column} separates its items with ','",
                  "separate them with ';' (e.g. 'police; school_x')", value=value)
        return []
    return out


def reference(sheet: Sheet, line: int, column: str, value: str, known: set[str] | None,
              what: str, fix: str) -> bool:
    """Whether ``value`` is among ``known`` (None: not checked, its file failed)."""
    if known is None or value in known:
        return True
    sheet.add(line, column, f"unknown {what}", fix + close_matches(value, sorted(known)), value=value)
    return False


def duplicate(sheet: Sheet, line: int, column: str, key: str | tuple[str, ...],
              seen: dict[object, int], what: str, fix: str) -> bool:
    """Whether ``key`` was seen on an earlier row (a problem naming that row)."""
    if key in seen:
        sheet.add(line, column, f"duplicate {what}: also on row {seen[key]}", fix,
                  value=key if isinstance(key, str) else "/".join(key))
        return True
    seen[key] = line
    return False
