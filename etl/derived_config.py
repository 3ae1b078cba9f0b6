"""``[[sources]]`` and ``[[derived]]`` of the city configuration (docs/config.md).

A source is a file read as input of derived indicators, never loaded itself. A
derived indicator takes its numerator and denominator (or its value) from
*terms*: rows of a source picked by category values, columns, an age band and a
sex, summed over lists, plus or minus other terms; or a loaded or derived
indicator. This module checks the shape of the keys (types, unknown keys,
conflicting keys); what they refer to is checked against the files by
``etl.derive_plan`` and ``etl.derive``, each problem naming its config key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.ages import parse_band
from etl.area_config import AreaMatch, read_area_match
from etl.characters import nfc
from etl.config_keys import (
    ADDITIVE,
    SOURCE_FIELDS,
    TERM_KEYS,
    UNITS,
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
from etl.errors import EtlError, excerpt, listing
from store.schema import SEXES

MEASURES = ("value", "numerator", "denominator")


@dataclass(frozen=True)
class SourceConfig:
    """One ``[[sources]]`` block."""

    name: str
    path: Path
    number: int  # 1-based position among the [[sources]] blocks
    line: int | None  # line of its header in the configuration file
    sheet: str | None = None
    header: bool = True
    names: tuple[str, ...] | None = None
    delimiter: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    skip_rows: int = 0
    notes_below: bool = False
    period_from_columns: PeriodColumns | None = None
    columns: tuple[tuple[str, str], ...] = ()  # field -> source column
    constants: tuple[tuple[str, str], ...] = ()
    sex_codes: tuple[tuple[str, str], ...] = ()
    categories: tuple[str, ...] = ()
    age_bands: tuple[tuple[str, str], ...] = ()  # source label -> band
    unit: str = "count"
    unknown_areas: str = "error"
    area_match: AreaMatch | None = None  # etl.names
    crosswalk: str | None = None  # name of a [[crosswalks]] block (etl.crosswalk)
    crosswalk_weight: str | None = None  # number column weighting a mean through the crosswalk

    @property
    def label(self) -> str:
        return f"[sources #{self.number} {self.name}]"


@dataclass(frozen=True)
class Term:
    """One term of a derived indicator; ``key`` is where it sits in the configuration."""

    key: str  # e.g. "numerator" or "numerator.minus #1"
    source: str | None = None
    indicator: str | None = None
    measure: str = "value"
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()  # category column -> values (summed)
    columns: tuple[str, ...] | None = None  # None: the source's only number column
    age: str | None = None  # None: the derived indicator's age_group
    sex: str | None = None  # None: the sex of the row being computed
    plus: tuple[Term, ...] = ()
    minus: tuple[Term, ...] = ()

    def parts(self) -> list[tuple[int, Term]]:
        """(+1 or -1, term) of the term and its plus and minus terms."""
        return [(1, self), *((1, t) for t in self.plus), *((-1, t) for t in self.minus)]

    def sums(self) -> str | None:
        """What this term (without its plus and minus) adds up, or None for a single number."""
        lists = [f"where.{col} ({len(v)} values)" for col, v in self.where if len(v) > 1]
        if self.columns is not None and len(self.columns) > 1:
            lists.append(f"column ({len(self.columns)} columns)")
        return ", ".join(lists) or None


@dataclass(frozen=True)
class DerivedConfig:
    """One ``[[derived]]`` block."""

    indicator: str
    number: int
    line: int | None
    numerator: Term | None = None
    denominator: Term | None = None
    value: Term | None = None
    sexes: tuple[str, ...] = ("total",)
    age_group: str = "all"

    @property
    def label(self) -> str:
        return f"[derived #{self.number} {self.indicator}]"

    def terms(self) -> list[Term]:
        return [t for t in (self.numerator, self.denominator, self.value) if t is not None]


def _texts(value: Any, what: str, src: Path) -> tuple[str, ...]:
    """A text or a non-empty list of texts (numbers are read as their text)."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str | int | float) and not isinstance(v, bool)
                            for v in items):
        raise EtlError(f"{src}: {what} is {excerpt(value)}. Fix: give a text or a list of texts.")
    return tuple(nfc(str(v)) for v in items)


def _source(raw: dict[str, Any], number: int, line: int | None, src: Path) -> SourceConfig:
    where = f"sources #{number}"
    s = section(raw, "sources", where, src)
    name = block_name(s, "name", where, src, "population")
    where = f"sources #{number} {name}"
    path = check_reading(raw, s, where, src)
    columns, constants = text_map(s["columns"], f"[{where}] columns", src), text_map(
        s["constants"], f"[{where}] constants", src)
    check_fields(columns, SOURCE_FIELDS, f"{where}.columns", src,
                 " (a source's other columns are categories or numbers that terms pick)")
    check_fields(constants, SOURCE_FIELDS, f"{where}.constants", src)
    for both in sorted(set(columns) & set(constants)):
        raise refuse(src, where, f"{both}", "is given both as a column and as a constant",
                     f"keep either columns.{both} or constants.{both}")
    sex_codes = text_map(s["sex_codes"], f"[{where}] sex_codes", src)
    for code, sex in sex_codes.items():
        choice(sex, SEXES, f"[{where}] sex_codes.{code}", src)
    categories = _texts(s["categories"], f"[{where}] categories", src) if s["categories"] else ()
    for col in categories:
        if col in columns.values():
            raise refuse(src, where, "categories", f"lists {excerpt(col)}, which columns maps to a "
                         "key field", f"remove {excerpt(col)} from categories")
    bands = text_map(s["age_bands"], f"[{where}] age_bands", src)
    for label, band in bands.items():
        if parse_band(band) is None:
            raise EtlError(f"{src}: [{where}] age_bands maps {excerpt(label)} to {excerpt(band)}, "
                           "which is not an age band. Fix: write bands as '0-4', '65+' or 'all'.")
    unit = choice(s["unit"], UNITS, f"[{where}] unit", src)
    crosswalk = None if s["crosswalk"] is None else nfc(str(s["crosswalk"]))
    weight = None if s["crosswalk_weight"] is None else nfc(str(s["crosswalk_weight"]))
    _check_weight(src, where, unit, crosswalk, weight)
    return SourceConfig(
        name=name, path=path, number=number, line=line, **reading_options(s, where, src),
        columns=tuple(columns.items()), constants=tuple(constants.items()),
        sex_codes=tuple(sex_codes.items()), categories=categories, age_bands=tuple(bands.items()),
        unit=unit,
        unknown_areas=choice(s["unknown_areas"], ("error", "ignore"), f"[{where}] unknown_areas", src),
        area_match=read_area_match(s["area_match"], where, src), crosswalk=crosswalk,
        crosswalk_weight=weight,
    )


def _check_weight(src: Path, where: str, unit: str, crosswalk: str | None, weight: str | None) -> None:
    """Through a crosswalk, counts are summed; means and rates need a weight; medians cannot go."""
    if weight is not None and crosswalk is None:
        raise refuse(src, where, "crosswalk_weight", "weights values through a crosswalk, but the "
                     "source names none", "add crosswalk = \"...\", or remove crosswalk_weight")
    if crosswalk is None:
        return
    if unit == "median":
        raise refuse(src, where, "crosswalk", f"would combine medians through crosswalk {excerpt(crosswalk)}"
                     ": the median of a neighbourhood cannot be computed from its small areas' medians",
                     "read the neighbourhoods' medians from a source keyed by them")
    if unit in ADDITIVE and weight is not None:
        raise refuse(src, where, "crosswalk_weight", f"weights a source of {unit}s, which are summed "
                     "through the crosswalk", "remove crosswalk_weight")
    if unit not in ADDITIVE and weight is None:
        raise refuse(src, where, "crosswalk", f"reads {unit} values through crosswalk {excerpt(crosswalk)}; "
                     f"a {unit} is never summed", "give crosswalk_weight = \"<number column>\" (e.g. the "
                     "persons each value is computed over) for a weighted mean, or read counts "
                     "(unit = \"count\")")


def read_sources(raw: Any, src: Path, text: str) -> tuple[SourceConfig, ...]:
    sources = read_blocks(raw, "sources", src, text, _source)
    seen: dict[str, int] = {}
    for s in sources:
        if s.name.casefold() in seen:
            raise EtlError(f"{src}: [sources #{s.number}] name {excerpt(s.name)} is also the name of "
                           f"[sources #{seen[s.name.casefold()]}]. Fix: give each source its own name.")
        seen[s.name.casefold()] = s.number
    return sources


# ---------------------------------------------------------------- terms


def _where(value: Any, at: str, src: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict) or not value:
        raise EtlError(f"{src}: {at}.where is {excerpt(value)}. Fix: give a map of category "
                       'column -> value, e.g. where = { region = "Sverige" }.')
    return tuple((nfc(str(col)), _texts(v, f"{at}.where.{col}", src)) for col, v in value.items())


def _term(raw: Any, key: str, where: str, src: Path, parent: Term | None = None) -> Term:
    at = f"[{where}] {key}"
    if not isinstance(raw, dict):
        raise EtlError(f"{src}: {at} is {excerpt(raw)}, not a term. Fix: write a term such as "
                       '{ source = "population", age = "0-17" } (see docs/config.md, Terms).')
    known = {k.name: k for k in TERM_KEYS}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise EtlError(f"{src}: unknown key(s) {listing(unknown, quote=False)} in {at}. "
                       f"Fix: use one of {', '.join(known)} (see docs/config.md, Terms).")
    own = "source" in raw or "indicator" in raw
    base = parent if parent is not None and not own else Term(key)
    if "source" in raw and "indicator" in raw:
        raise EtlError(f"{src}: {at} gives both source and indicator. Fix: keep one of them.")
    if not own and parent is None:
        raise EtlError(f"{src}: {at} names neither a source nor an indicator. "
                       'Fix: add source = "..." (a [[sources]] name) or indicator = "..." (a catalogue id).')
    source = nfc(str(raw["source"])) if "source" in raw else base.source
    indicator = nfc(str(raw["indicator"])) if "indicator" in raw else base.indicator
    if indicator is not None:
        for bad in ("where", "column"):
            if bad in raw:
                raise refuse(src, where, f"{key}.{bad}", "picks rows or columns of a source, "
                             f"but this term reads indicator {excerpt(indicator)}",
                             f"remove {bad}, or read a [[sources]] block with source = \"...\"")
    if "measure" in raw and source is not None:
        raise refuse(src, where, f"{key}.measure", "applies to indicator terms only",
                     "remove measure, or pick the source's column with column = \"...\"")
    measure = choice(str(raw.get("measure", base.measure)), MEASURES, f"{at}.measure", src)
    merged = dict(base.where)
    merged.update(_where(raw["where"], at, src) if "where" in raw else ())
    sex = raw.get("sex", base.sex)
    if sex is not None:
        choice(str(sex), SEXES, f"{at}.sex", src)
    age = nfc(str(raw["age"])) if "age" in raw else base.age
    columns = _texts(raw["column"], f"{at}.column", src) if "column" in raw else base.columns
    term = Term(key, source, indicator, measure, tuple(merged.items()), columns, age,
                None if sex is None else str(sex))
    if parent is not None:
        for nested in ("plus", "minus"):
            if nested in raw:
                raise refuse(src, where, f"{key}.{nested}", "is inside another plus or minus term",
                             "list every term in the outer term's plus or minus")
        return term
    extra = {}
    for sign in ("plus", "minus"):
        items = raw.get(sign, [])
        items = [items] if isinstance(items, dict) else items
        if not isinstance(items, list):
            raise EtlError(f"{src}: {at}.{sign} is {excerpt(items)}. Fix: give a term or a list of terms.")
        extra[sign] = tuple(_term(t, f"{key}.{sign} #{i + 1}", where, src, term)
                            for i, t in enumerate(items))
    return Term(key, source, indicator, measure, term.where, columns, age, term.sex,
                extra["plus"], extra["minus"])


def _derived(raw: dict[str, Any], number: int, line: int | None, src: Path) -> DerivedConfig:
    where = f"derived #{number}"
    d = section(raw, "derived", where, src)
    indicator = nfc(str(d["indicator"]))
    where = f"derived #{number} {indicator}"
    if d["value"] is not None and (d["numerator"] is not None or d["denominator"] is not None):
        raise refuse(src, where, "value", "is given together with numerator or denominator",
                     "give either value, or numerator (and denominator)")
    if d["value"] is None and d["numerator"] is None:
        raise EtlError(f"{src}: [{where}] gives neither numerator nor value. "
                       "Fix: add numerator = { ... } and denominator = { ... } (see docs/config.md).")
    if d["denominator"] is not None and d["numerator"] is None:
        raise refuse(src, where, "denominator", "is given without a numerator", "add numerator = { ... }")
    sexes = _texts(d["sexes"], f"[{where}] sexes", src)
    for sex in sexes:
        choice(sex, SEXES, f"[{where}] sexes", src)
    if len(set(sexes)) < len(sexes):
        raise EtlError(f"{src}: [{where}] sexes repeats a sex. Fix: list each sex once.")
    age_group = nfc(str(d["age_group"])).strip()
    if not age_group:
        raise EtlError(f"{src}: [{where}] age_group is empty. Fix: give a band such as \"all\" or \"0-17\".")
    terms = {role: _term(d[role], role, where, src) if d[role] is not None else None
             for role in ("numerator", "denominator", "value")}
    return DerivedConfig(indicator, number, line, terms["numerator"], terms["denominator"],
                         terms["value"], sexes, age_group)


def read_derived(raw: Any, src: Path, text: str) -> tuple[DerivedConfig, ...]:
    return read_blocks(raw, "derived", src, text, _derived)
