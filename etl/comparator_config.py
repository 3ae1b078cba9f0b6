"""``[[comparators]]`` of the city configuration (docs/config.md): the country's or the
region's values of the city's indicators, each block one comparator and one file.

This module checks the shape of the keys (types, unknown and conflicting keys, the code,
the kind, duplicate codes); ``etl.comparators`` reads the files against the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.config_keys import (
    COMPARATOR_FIELDS,
    COMPARATOR_KINDS,
    PeriodColumns,
    block_name,
    check_fields,
    check_reading,
    choice,
    read_blocks,
    reading_options,
    refuse,
    section,
    text_map,
)
from etl.errors import EtlError, excerpt
from settings.languages import LANGS
from store.schema import SEXES


@dataclass(frozen=True)
class ComparatorConfig:
    """One ``[[comparators]]`` block."""

    code: str
    kind: str
    name_by_lang: dict[str, str]  # lang -> name
    path: Path
    number: int  # 1-based position among the [[comparators]] blocks
    line: int | None  # line of its header in the configuration file
    sheet: str | None = None
    header: bool = True
    names: tuple[str, ...] | None = None  # column names of a headerless file
    delimiter: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    skip_rows: int = 0
    notes_below: bool = False
    period_from_columns: PeriodColumns | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> source column
    constants: dict[str, str] = field(default_factory=dict)
    sex_codes: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)  # source name -> catalogue id
    unknown_indicators: str = "error"

    @property
    def label(self) -> str:
        return f"[comparators #{self.number} {self.code}]"


EXAMPLE = '{ value = "Värde" }'


def _comparator(raw: dict[str, Any], number: int, line: int | None, src: Path) -> ComparatorConfig:
    where = f"comparators #{number}"
    c = section(raw, "comparators", where, src)
    code = block_name(c, "code", where, src, "SE")
    where = f"comparators #{number} {code}"
    kind = choice(str(c["kind"]), COMPARATOR_KINDS, f"[{where}] kind", src)
    path = check_reading(raw, c, where, src)
    columns = text_map(c["columns"], f"[{where}] columns", src, EXAMPLE)
    constants = text_map(c["constants"], f"[{where}] constants", src, EXAMPLE)
    check_fields(columns, COMPARATOR_FIELDS, f"{where}.columns", src,
                 " (a comparator's table has no area: the comparator is the area)")
    check_fields(constants, COMPARATOR_FIELDS, f"{where}.constants", src)
    for both in sorted(set(columns) & set(constants)):
        raise refuse(src, where, both, "is given both as a column and as a constant",
                     f"keep either columns.{both} or constants.{both}")
    sex_codes = text_map(c["sex_codes"], f"[{where}] sex_codes", src, EXAMPLE)
    for source_code, sex in sex_codes.items():
        choice(sex, SEXES, f"[{where}] sex_codes.{source_code}", src)
    name = str(c["name"])
    return ComparatorConfig(
        code=code, kind=kind, path=path, number=number, line=line,
        name_by_lang={lang: str(c[f"name_{lang}"] or name) for lang in LANGS},
        **reading_options(c, where, src), columns=columns, constants=constants, sex_codes=sex_codes,
        indicators=text_map(c["indicators"], f"[{where}] indicators", src, EXAMPLE),
        unknown_indicators=choice(str(c["unknown_indicators"]), ("error", "ignore"),
                                  f"[{where}] unknown_indicators", src),
    )


def read_comparators(raw: Any, src: Path, text: str) -> tuple[ComparatorConfig, ...]:
    """The ``[[comparators]]`` blocks, checked; raises EtlError naming the block and key."""
    comparators = read_blocks(raw, "comparators", src, text, _comparator)
    seen: dict[str, ComparatorConfig] = {}
    for c in comparators:
        first = seen.get(c.code.casefold())
        if first is not None:
            at = f" (line {c.line})" if c.line else ""
            raise EtlError(f"{src}: [comparators #{c.number}]{at} code {excerpt(c.code)} is also "
                           f"the code of [comparators #{first.number}]. Fix: give each comparator "
                           "its own code, or merge the two files into one block.")
        seen[c.code.casefold()] = c
    return comparators
