"""Area keys beyond codes, in the city configuration (docs/config.md): ``area_match`` (a
table's areas by name or by a pattern), ``[[crosswalks]]`` (a key file, or areal
interpolation from other polygons), ``[boundaries] dissolve`` and ``[boundaries]
corrections``.

This module checks the shape of those keys (types, unknown keys, keys that cannot
apply, names that do not exist); what they refer to in the files (codes, columns,
names) is checked against the files by ``etl.crosswalk``, ``etl.names``,
``etl.corrections`` and ``etl.interpolate``, each problem naming its key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.characters import nfc
from etl.config_keys import choice, keys_of, read_blocks, refuse, section
from etl.errors import EtlError, excerpt, listing

MATCH_BY = ("code", "name")
METHODS = ("key", "area", "population")
KEY_ONLY = ("from_column", "to_column", "name_column", "weight_column")
AREAL_ONLY = ("code_field", "layer", "crs")
POPULATION_ONLY = ("population_path", "population_field")


@dataclass(frozen=True)
class AreaMatch:
    """How a table's area cells name the atlas's areas: by code or by name, through a pattern.

    ``pattern`` holds one placeholder, ``{name}`` or ``{code}``: ``"Uppsala ({name})"``
    reads ``Uppsala (Bergsbrunna)`` as the area named ``Bergsbrunna``.
    """

    by: str = "code"
    pattern: str | None = None

    @property
    def placeholder(self) -> str:
        return "{" + self.by + "}"

    def regex(self) -> re.Pattern[str] | None:
        if self.pattern is None:
            return None
        before, after = self.pattern.split(self.placeholder)
        return re.compile(re.escape(before) + "(.+?)" + re.escape(after), re.S)

    def cell(self, key: str) -> str:
        """How a cell names the area whose code or name is ``key``."""
        return key if self.pattern is None else self.pattern.replace(self.placeholder, key)


@dataclass(frozen=True)
class CrosswalkConfig:
    """One ``[[crosswalks]]`` block: from the codes of a file's areas to the atlas's areas."""

    name: str
    path: Path
    number: int
    line: int | None
    method: str = "key"  # key: a key file; area or population: areal interpolation
    from_column: str | None = None
    to_column: str | None = None
    name_column: str | None = None
    weight_column: str | None = None
    code_field: str | None = None
    layer: str | None = None
    crs: str | None = None
    population_path: Path | None = None
    population_field: str | None = None

    @property
    def label(self) -> str:
        return f"[crosswalks #{self.number} {self.name}]"

    @property
    def areal(self) -> bool:
        return self.method != "key"


@dataclass(frozen=True)
class Correction:
    """One entry of ``[boundaries] corrections``, applied in order before codes are checked."""

    number: int  # 1-based position in the list
    kind: str  # recode | drop | merge
    code: str | None = None  # recode: the features with this code ...
    feature: int | None = None  # ... or this one feature (its number in messages)
    new_code: str | None = None
    codes: tuple[str, ...] = ()  # drop or merge
    into: str | None = None  # merge: the code the merged area keeps

    @property
    def label(self) -> str:
        return f"corrections #{self.number}"


def _line(text: str, pattern: str) -> int | None:
    found = re.search(pattern, text, flags=re.M)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def read_area_match(value: Any, where: str, src: Path) -> AreaMatch | None:
    """``area_match = { by = "name", pattern = "Uppsala ({name})" }`` of a table or source."""
    if value is None:
        return None
    example = 'area_match = { by = "name", pattern = "Uppsala ({name})" }'
    if not isinstance(value, dict) or not value:
        raise refuse(src, where, "area_match", f"is {excerpt(value)}, not a table", f"write {example}")
    unknown = sorted(set(value) - {"by", "pattern"})
    if unknown:
        raise refuse(src, where, "area_match", f"has unknown key(s) {listing(unknown)}",
                     "use only by and pattern")
    by = choice(str(value.get("by", "code")), MATCH_BY, f"[{where}] area_match.by", src)
    pattern = value.get("pattern")
    if pattern is not None:
        pattern = nfc(str(pattern))
        holder = "{" + by + "}"
        if pattern.count(holder) != 1:
            raise refuse(src, where, "area_match.pattern", f"{excerpt(pattern)} must hold {holder} "
                         f"once (by = \"{by}\")", f'write where the {by} sits, e.g. "Uppsala ({holder})"')
    return AreaMatch(by, pattern)


def _path(src: Path, value: Any) -> Path:
    return (src.parent / str(value)).resolve()


def _crosswalk(raw: Any, number: int, line: int | None, src: Path) -> CrosswalkConfig:
    where = f"crosswalks #{number}"
    c = section(raw, "crosswalks", where, src)
    name = nfc(str(c["name"]))
    if not re.fullmatch(r"[\w.:-]+", name):
        raise EtlError(f"{src}: [{where}] name {excerpt(name)} is not a name. "
                       "Fix: use letters, digits and _ - . : (e.g. 'deso_regso').")
    where = f"crosswalks #{number} {name}"
    method = choice(str(c["method"]), METHODS, f"[{where}] method", src)
    given = set(raw)
    needed = ("from_column", "to_column") if method == "key" else ("code_field",) + (
        POPULATION_ONLY if method == "population" else ())
    for key in needed:
        if key not in given:
            raise EtlError(f"{src}: [{where}] has no '{key}' (method = \"{method}\"). "
                           f"Fix: add {key} = ... ({keys_of('crosswalks')[key].help})")
    other = {"key": AREAL_ONLY + POPULATION_ONLY, "area": KEY_ONLY + POPULATION_ONLY,
             "population": KEY_ONLY}[method]
    for key in other:
        if key in given:
            why = ("reads a key file's columns" if key in KEY_ONLY else "is for areal interpolation "
                   "(method = \"area\" or \"population\")" if key in AREAL_ONLY
                   else "applies to method = \"population\" only")
            raise refuse(src, where, key, f"{why}, and this crosswalk's method is \"{method}\"",
                         f"remove {key}, or change method")
    text = {k: None if c[k] is None else nfc(str(c[k])) for k in (*KEY_ONLY, "code_field", "layer",
                                                                   "crs", "population_field")}
    return CrosswalkConfig(
        name=name, path=_path(src, c["path"]), number=number, line=line, method=method, **text,
        population_path=_path(src, c["population_path"]) if c["population_path"] else None,
    )


def read_crosswalks(raw: Any, src: Path, text: str) -> tuple[CrosswalkConfig, ...]:
    out = read_blocks(raw, "crosswalks", src, text, _crosswalk)
    seen: dict[str, int] = {}
    for c in out:
        if c.name.casefold() in seen:
            raise EtlError(f"{src}: [crosswalks #{c.number}] name {excerpt(c.name)} is also the name "
                           f"of [crosswalks #{seen[c.name.casefold()]}]. Fix: give each crosswalk its own name.")
        seen[c.name.casefold()] = c.number
    return out


def read_dissolve(value: Any, src: Path) -> str | None:
    """``[boundaries] dissolve = { crosswalk = "deso_regso" }``: the crosswalk's name."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"crosswalk"}:
        raise refuse(src, "boundaries", "dissolve", f"is {excerpt(value)}", 'write dissolve = '
                     '{ crosswalk = "name" }, naming a [[crosswalks]] block with method = "key"')
    return nfc(str(value["crosswalk"]))


_SHAPES = ('{ code = "X", new_code = "Y" }, { feature = 12, new_code = "Y" }, '
           '{ drop = ["Z"] }, { merge = ["A", "B"], into = "A" }')


def _codes(value: Any, at: str, src: Path) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in items):
        raise EtlError(f"{src}: [boundaries] {at} is {excerpt(value)}. Fix: give a list of codes.")
    return tuple(nfc(str(v).strip()) for v in items)


def _correction(raw: Any, number: int, src: Path) -> Correction:
    at = f"corrections #{number}"
    if not isinstance(raw, dict):
        raise EtlError(f"{src}: [boundaries] {at} is {excerpt(raw)}, not a table. Fix: write one of {_SHAPES}.")
    keys = set(raw)
    shapes = ({"code", "new_code"}, {"feature", "new_code"}, {"drop"}, {"merge", "into"})
    if keys not in shapes:
        raise EtlError(f"{src}: [boundaries] {at} has the keys {listing(sorted(keys), quote=False)}, "
                       f"which is none of the shapes. Fix: write one of {_SHAPES}.")
    if "drop" in keys:
        return Correction(number, "drop", codes=_codes(raw["drop"], f"{at}.drop", src))
    if "merge" in keys:
        codes = _codes(raw["merge"], f"{at}.merge", src)
        into = nfc(str(raw["into"]).strip())
        if into not in codes:
            raise EtlError(f"{src}: [boundaries] {at} merges {listing(codes)} into {excerpt(into)}, "
                           "which is not one of them. Fix: set into to the code the merged area keeps "
                           "(one of the merged codes).")
        return Correction(number, "merge", codes=codes, into=into)
    new_code = nfc(str(raw["new_code"]).strip())
    if "feature" in keys:
        feature = raw["feature"]
        if not isinstance(feature, int) or isinstance(feature, bool) or feature < 1:
            raise EtlError(f"{src}: [boundaries] {at}.feature is {excerpt(feature)}. Fix: give the "
                           "feature's number as the messages show it (1 for the first feature).")
        return Correction(number, "recode", feature=feature, new_code=new_code)
    return Correction(number, "recode", code=nfc(str(raw["code"]).strip()), new_code=new_code)


def read_corrections(value: Any, src: Path) -> tuple[Correction, ...]:
    if not isinstance(value, list):
        raise refuse(src, "boundaries", "corrections", f"is {excerpt(value)}, not a list",
                     f"write corrections = [{_SHAPES}]")
    return tuple(_correction(v, i + 1, src) for i, v in enumerate(value))


def corrections_line(text: str) -> int | None:
    """The line of ``corrections =`` in the configuration (for messages)."""
    return _line(text, r"^[ \t]*corrections[ \t]*=")


@dataclass(frozen=True)
class Keyed:
    """The area keys of one [[tables]] or [[sources]] block, for the cross-checks."""

    label: str
    area_match: AreaMatch | None
    crosswalk: str | None


def check_references(src: Path, blocks: list[Keyed], crosswalks: tuple[CrosswalkConfig, ...],
                     dissolve: str | None) -> None:
    """Crosswalk names that do not exist, and combinations that cannot apply."""
    by_name = {c.name: c for c in crosswalks}
    declared = ", ".join(by_name) or "none declared"
    for b in blocks:
        if b.crosswalk is not None and b.crosswalk not in by_name:
            raise EtlError(f"{src}: {b.label} crosswalk {excerpt(b.crosswalk)} is not a "
                           f"[[crosswalks]] name ({declared}). Fix: use one of them, or add the block.")
        if b.crosswalk is not None and b.area_match is not None and b.area_match.by == "name":
            raise EtlError(f"{src}: {b.label} matches areas by name and reads them through crosswalk "
                           f"{excerpt(b.crosswalk)}, whose codes are not the boundaries' names. Fix: "
                           'remove area_match, or use by = "code" with a pattern.')
    if dissolve is not None:
        found = by_name.get(dissolve)
        if found is None:
            raise EtlError(f"{src}: [boundaries] dissolve.crosswalk {excerpt(dissolve)} is not a "
                           f"[[crosswalks]] name ({declared}). Fix: use one of them, or add the block.")
        if found.method != "key" or found.weight_column is not None:
            why = f'method = "{found.method}"' if found.method != "key" else "a weight_column"
            raise EtlError(f"{src}: [boundaries] dissolve reads {found.label}, which has {why}: a "
                           "dissolve joins whole polygons, so its key must send each small area to "
                           "one area. Fix: dissolve by a key file without weights.")
