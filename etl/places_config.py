"""``[[places]]`` of the city configuration: resources and arenas as points.

One block per file: a GeoJSON, a GeoPackage (``layer``) or a CSV/XLSX with coordinates
(``x_field``/``y_field`` in ``crs``, or ``lon_field``/``lat_field`` in WGS 84). Each place
has a name (``name_field``) and a category (``category_field``, or ``category`` for a
file of one category). The categories are named per language in ``[places.categories]``
under any block (the blocks share them)::

    [places.categories]
    library = { sv = "Bibliotek", pl = "Biblioteki", en = "Libraries" }

This module checks the keys' shape (EtlError naming the block and key); ``etl.places``
reads the files. A category without its Swedish or Polish name is kept with the English
one and reported as a warning by ``etl.places`` (``PlacesConfig.untranslated``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.characters import identifier_problem, nfc
from etl.checks import close_matches
from etl.config_keys import read_blocks, refuse, section
from etl.errors import EtlError, excerpt
from settings.languages import LANGS

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")  # coordinates in columns
GEO_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip", ".fgb")  # geometries
WGS84 = "EPSG:4326"
EXAMPLE = '{ sv = "Bibliotek", pl = "Biblioteki", en = "Libraries" }'


@dataclass(frozen=True)
class PlacesConfig:
    """One ``[[places]]`` block."""

    path: Path
    number: int  # 1-based position among the [[places]] blocks
    line: int | None  # line of its header in the configuration file
    name_field: str
    category_field: str | None = None
    category: str | None = None  # the one category of every place in the file
    x_field: str | None = None  # CSV: easting or longitude
    y_field: str | None = None  # CSV: northing or latitude
    crs: str | None = None  # of the coordinates (CSV) or of a file that declares none
    layer: str | None = None
    period: str | None = None  # the year the register describes (None: latest of the tables)
    categories: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> lang -> name
    untranslated: tuple[tuple[str, str], ...] = ()  # (code, lang) named in English instead

    @property
    def label(self) -> str:
        return f"[places #{self.number}]"

    @property
    def tabular(self) -> bool:
        """A CSV or XLSX file with coordinate columns (not a geometry file)."""
        return self.path.suffix.lower() in TABLE_SUFFIXES

    def paths(self) -> list[tuple[str, Path]]:
        return [("places", self.path)]


def _names(code: str, value: Any, where: str, src: Path) -> tuple[dict[str, str], list[str]]:
    """A category's names per language, and the languages that fell back to English."""
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise refuse(src, where, f"categories.{code}", f"is {excerpt(value)}, not a table of names",
                     f"write {code} = {EXAMPLE}")
    unknown = sorted(set(value) - set(LANGS))
    if unknown:
        raise refuse(src, where, f"categories.{code}", f"has unknown language(s) {', '.join(unknown)}",
                     f"use only {', '.join(LANGS)}, e.g. {code} = {EXAMPLE}")
    names = {lang: nfc(str(value[lang])).strip() for lang in LANGS if str(value.get(lang) or "").strip()}
    if "en" not in names:
        raise refuse(src, where, f"categories.{code}", "has no English name (en)",
                     f"add en = \"...\": the name used where a translation is missing, e.g. {EXAMPLE}")
    missing = [lang for lang in LANGS if lang not in names]
    return {lang: names.get(lang, names["en"]) for lang in LANGS}, missing


def _categories(raw: Any, where: str, src: Path) -> tuple[dict[str, dict[str, str]], tuple[tuple[str, str], ...]]:
    if not isinstance(raw, dict):
        raise refuse(src, where, "categories", f"is {excerpt(raw)}, not a table",
                     f"write [places.categories] with lines such as library = {EXAMPLE}")
    out: dict[str, dict[str, str]] = {}
    untranslated: list[tuple[str, str]] = []
    for key, value in raw.items():
        code = nfc(str(key))
        problem = identifier_problem(code)
        if problem:
            raise refuse(src, where, "categories", f"code {excerpt(code)} {problem}",
                         "use letters, digits and _ - . : (e.g. 'library')")
        out[code], missing = _names(code, value, where, src)
        untranslated += [(code, lang) for lang in missing]
    return out, tuple(untranslated)


def _coordinates(raw: dict[str, Any], p: dict[str, Any], where: str, src: Path,
                 path: Path) -> tuple[str | None, str | None, str | None]:
    """(x_field, y_field, crs) of a block, checked against the kind of file."""
    given = [k for k in ("x_field", "y_field", "lon_field", "lat_field") if k in raw]
    if path.suffix.lower() not in TABLE_SUFFIXES:
        for key in given:
            raise refuse(src, where, key, f"applies to CSV or XLSX files, not to {excerpt(path.name)} "
                         "(its geometries are the points)", f"remove {key}")
        if "layer" in raw and path.suffix.lower() not in (".gpkg", ".zip"):
            raise refuse(src, where, "layer", f"applies to GeoPackages, not to {excerpt(path.name)}",
                         "remove layer")
        return None, None, None if p["crs"] is None else str(p["crs"])
    if "layer" in raw:
        raise refuse(src, where, "layer", f"applies to GeoPackages, not to {excerpt(path.name)}",
                     "remove layer")
    if ("x_field" in raw or "y_field" in raw) and ("lon_field" in raw or "lat_field" in raw):
        raise refuse(src, where, "lon_field/lat_field", "are given together with x_field/y_field",
                     "give x_field and y_field with crs (projected), or lon_field and lat_field (WGS 84)")
    pair = ("lon_field", "lat_field") if "lon_field" in raw or "lat_field" in raw else ("x_field", "y_field")
    for needed in pair:
        if needed not in raw:
            raise EtlError(f"{src}: [{where}] has no '{needed}'. Fix: name the column of the "
                           f"coordinates: {pair[0]} = \"...\" and {pair[1]} = \"...\" (a CSV of places "
                           "needs both).")
    crs = None if p["crs"] is None else str(p["crs"])
    if pair[0] == "lon_field":
        if crs is not None and crs.upper().replace(" ", "") not in (WGS84, "WGS84", "EPSG:4326"):
            raise refuse(src, where, "crs", f"is {excerpt(crs)}, but lon_field/lat_field are WGS 84 "
                         "degrees", "use x_field and y_field for projected coordinates, or remove crs")
        crs = WGS84
    elif crs is None:
        raise EtlError(f"{src}: [{where}] gives x_field and y_field but no crs. Fix: add crs = "
                       "'EPSG:3006' (SWEREF99 TM) or the CRS of the coordinates; for degrees use "
                       "lon_field and lat_field.")
    return str(p[pair[0]]), str(p[pair[1]]), crs


def _block(raw: dict[str, Any], number: int, line: int | None, src: Path) -> PlacesConfig:
    where = f"places #{number}"
    p = section(raw, "places", where, src)
    path = (src.parent / str(p["path"])).resolve()
    if path.suffix.lower() not in TABLE_SUFFIXES + GEO_SUFFIXES:
        raise refuse(src, where, "path", f"is {excerpt(path.name)}, a kind of file places are not read "
                     "from", "give a GeoJSON (.geojson), a GeoPackage (.gpkg) or a CSV/XLSX with coordinates")
    if (p["category_field"] is None) == (p["category"] is None):
        both = "gives both category_field and category" if p["category"] else "gives no category"
        raise EtlError(f"{src}: [{where}] {both}. Fix: give category_field = \"...\" (the column of "
                       "each place's category) or category = \"...\" (one category for the whole file).")
    x_field, y_field, crs = _coordinates(raw, p, where, src, path)
    categories, untranslated = _categories(p["categories"], where, src)
    period = p["period"]
    if period is not None and not str(period).strip():
        raise refuse(src, where, "period", "is empty", "give the year the register describes, e.g. 2024")
    return PlacesConfig(
        path=path, number=number, line=line, name_field=str(p["name_field"]),
        category_field=None if p["category_field"] is None else str(p["category_field"]),
        category=None if p["category"] is None else nfc(str(p["category"])),
        x_field=x_field, y_field=y_field, crs=crs,
        layer=None if p["layer"] is None else str(p["layer"]),
        period=None if period is None else str(period).strip(),
        categories=categories, untranslated=untranslated,
    )


def place_categories(blocks: tuple[PlacesConfig, ...]) -> dict[str, dict[str, str]]:
    """Every category of the blocks (code -> lang -> name), in the order first named."""
    out: dict[str, dict[str, str]] = {}
    for b in blocks:
        for code, names in b.categories.items():
            out.setdefault(code, names)
    return out


def _check_shared(blocks: tuple[PlacesConfig, ...], src: Path) -> None:
    seen: dict[str, PlacesConfig] = {}
    for b in blocks:
        for code, names in b.categories.items():
            first = seen.setdefault(code, b)
            if first is not b and first.categories[code] != names:
                raise EtlError(f"{src}: {b.label} names category {excerpt(code)} otherwise than "
                               f"{first.label}. Fix: name each category once (the blocks share "
                               "[places.categories]), or give both the same names.")
    known = place_categories(blocks)
    if not known:
        raise EtlError(f"{src}: [[places]] names no categories. Fix: add [places.categories] under a "
                       f"[[places]] block with lines such as library = {EXAMPLE}.")
    for b in blocks:
        if b.category is not None and b.category not in known:
            raise EtlError(f"{src}: {b.label} category {excerpt(b.category)} is not in "
                           f"[places.categories]{close_matches(b.category, known)}. Fix: use one of "
                           f"{', '.join(known)}, or add it to [places.categories].")


def read_places_config(raw: Any, src: Path, text: str) -> tuple[PlacesConfig, ...]:
    """The ``[[places]]`` blocks, checked; raises EtlError naming the block and key."""
    if not raw:
        return ()
    blocks = read_blocks(raw, "places", src, text, _block)
    _check_shared(blocks, src)
    return blocks
