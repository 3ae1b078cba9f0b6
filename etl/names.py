"""How a table's or a source's area cells find the atlas's areas when they are not its codes.

``area_match`` reads a cell through a pattern (``"Uppsala ({name})"`` reads
``Uppsala (Bergsbrunna)`` as the name ``Bergsbrunna``) and matches it exactly (in
NFC, spaces trimmed) with the areas' names or codes; ``crosswalk`` takes the cell
as a code of the crosswalk's source areas. ``AreaKey.lookup`` is the key columns'
area lookup (etl.keys, etl.sources); ``AreaKey.problems`` turns the cells it could
not place into problems that say why: a cell that does not fit the pattern, a
name no area has (with close matches), a name two areas share (always an error:
the row cannot say which area it is), a code the crosswalk lacks, or one the
crosswalk sends only to areas outside the boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.area_config import AreaMatch
from etl.characters import CONTROL_FIX, invisible, nfc
from etl.checks import close_matches
from etl.config import CityConfig
from etl.crosswalk import Crosswalk
from etl.errors import Problem, excerpt, listing
from etl.keys import Tally

IGNORE = 'set unknown_areas = "ignore" (rows of other areas)'


@dataclass(frozen=True)
class Reason:
    """Why a cell found no area: the message and the fix."""

    message: str
    fix: str


@dataclass
class AreaKey:
    """The area lookup of one [[tables]] or [[sources]] block."""

    label: str
    city: set[str]  # cells that mean the whole city
    city_code: str
    match: AreaMatch
    areas: set[str]  # the boundaries' codes
    names: dict[str, list[str]] = field(default_factory=dict)  # name -> codes (by name)
    crosswalk: Crosswalk | None = None
    accepted: set[str] = field(default_factory=set)  # source codes sent to an area of the boundaries

    def key(self, cell: str) -> str | None:
        """The code or name a cell holds (through the pattern), or None when it does not fit."""
        regex = self.match.regex()
        if regex is None:
            return cell
        found = regex.fullmatch(cell)
        return None if found is None else found.group(1).strip()

    def lookup(self, cell: str) -> str | None:
        """The stored area code of a stripped cell (a crosswalk's source code), else None."""
        if invisible(cell):
            return None
        cell = nfc(cell)
        if cell in self.city:
            return self.city_code
        key = self.key(cell)
        if key is None:
            return None
        if self.match.by == "name":
            codes = self.names.get(key, [])
            return codes[0] if len(codes) == 1 else None
        if self.crosswalk is not None:
            return key if key in self.accepted else None
        return key if key in self.areas else None

    def reason(self, cell: str) -> Reason:
        """Why ``lookup`` found nothing for ``cell``."""
        if cell == "":
            return Reason("area is empty", "fill in the area of every row")
        hidden = invisible(cell)
        if hidden:
            return Reason(f"area {hidden}", CONTROL_FIX)
        cell = nfc(cell)
        key = self.key(cell)
        if key is None:
            example = self.match.cell(sorted(self.names)[0] if self.names else sorted(self.areas)[0])
            return Reason(f"area {excerpt(cell)} does not fit area_match.pattern "
                          f"{excerpt(self.match.pattern)}", f"write it as the pattern says (e.g. "
                          f"{excerpt(example)}), change the pattern, or {IGNORE}")
        if self.match.by == "name":
            return self._name(cell, key)
        if self.crosswalk is not None:
            return self._crosswalked(cell, key)
        return Reason(f"unknown area code {excerpt(key)}" + (f" (from {excerpt(cell)})" if key != cell else ""),
                      "use a code from the boundary file" + close_matches(key, self.areas) + f", or {IGNORE}")

    def _name(self, cell: str, name: str) -> Reason:
        codes = self.names.get(name, [])
        if len(codes) > 1:
            return Reason(f"area name {excerpt(name)} is the name of {len(codes)} areas of the boundaries "
                          f"({listing(sorted(codes), 5)}), so the row cannot say which one it is",
                          "give the areas distinct names in the boundary file ([boundaries] name_field), "
                          "or key this table by code")
        cells = [self.match.cell(n) for n in self.names]
        near = close_matches(cell, cells) or close_matches(name, self.names)
        source = f" (from {excerpt(cell)})" if name != cell else ""
        return Reason(f"no area of the boundaries is named {excerpt(name)}{source}",
                      "names are matched exactly with [boundaries] name_field after the pattern"
                      + near + f"; correct the name, or {IGNORE}")

    def _crosswalked(self, cell: str, code: str) -> Reason:
        assert self.crosswalk is not None
        cw = self.crosswalk
        pairs = cw.pairs[cw.pairs["from"] == code]
        if pairs.empty and code in cw.codes:
            return Reason(f"area {excerpt(code)} of {cw.file} does not overlap any area of the "
                          f"boundaries ({cw.cfg.label})", f"nothing if it lies outside the city: {IGNORE}")
        if pairs.empty:
            return Reason(f"area code {excerpt(code)} is not in {cw.cfg.label} ({cw.file})",
                          f"add it to the key file's {cw.cfg.from_column or cw.cfg.code_field} column"
                          + close_matches(code, sorted(cw.sources())) + f", or {IGNORE}")
        targets = listing(sorted(set(pairs["to"])), 5)
        return Reason(f"{cw.cfg.label} sends area {excerpt(code)} to {targets}, which "
                      "is not an area of the boundaries (no polygon)", f"nothing if it is another "
                      f"municipality's: {IGNORE}; else correct the key file")

    def ambiguous(self, cell: str) -> bool:
        """A cell naming an area whose name two areas share (never ignored)."""
        if self.match.by != "name" or invisible(cell):
            return False
        name = self.key(nfc(cell))
        return name is not None and len(self.names.get(name, [])) > 1

    def problems(self, tallies: dict[str, Tally], file: str, column: str | None,
                 limit: int) -> list[Problem]:
        """Problems of the cells tallied as unknown or ignored areas; takes those tallies out
        of ``tallies`` (etl.keys.tally_problems reports the rest)."""
        unknown, ignored = tallies.pop("unknown area"), tallies.pop("ignored area")
        listed = unknown.first(limit)
        both = [(c, f, n) for c, f, n in ignored.first(len(ignored.codes)) if self.ambiguous(c)]
        out = []
        for cell, first, n in [*listed, *both[:limit]]:
            why = self.reason(cell)
            rows = f" on {n:,} row(s), first at row {first}" if n > 1 else ""
            out.append(Problem(file, why.message + rows, why.fix, row=first, column=column, value=cell))
        extra = unknown.rows - sum(n for _, _, n in listed)
        if extra > 0:
            out.append(Problem(file, f"and {extra:,} more row(s) with other unknown areas",
                               "see the rows above", column=column))
        ambiguous = {c for c, _, _ in both}
        placed = [(c, n) for c, _, n in ignored.first(len(ignored.codes)) if c not in ambiguous]
        if placed:
            count = ignored.rows - sum(n for _, _, n in both)
            out.append(Problem(file, f"{count:,} row(s) of {len(placed):,} area(s) that are not in the "
                               f"boundaries (no polygon) were ignored (e.g. {listing([c for c, _ in placed], 5)})",
                               'nothing, unless they should load: set unknown_areas = "error" to list them',
                               column=column, severity="warning"))
        return out


def area_key(cfg: CityConfig, label: str, match: AreaMatch | None, crosswalk: str | None,
             areas: set[str], names: dict[str, str], crosswalks: dict[str, Crosswalk]) -> AreaKey | None:
    """The lookup of a block with ``area_match`` or ``crosswalk``; None for plain codes."""
    if (match is None or (match.by == "code" and match.pattern is None)) and crosswalk is None:
        return None
    key = AreaKey(label, {nfc(cfg.row_code), nfc(cfg.code)}, cfg.code, match or AreaMatch(), set(areas))
    if key.match.by == "name":
        for code, name in names.items():
            if code in areas:
                key.names.setdefault(nfc(str(name)).strip(), []).append(code)
    if crosswalk is not None:
        key.crosswalk = crosswalks.get(crosswalk)
        if key.crosswalk is not None:
            key.accepted = set(key.crosswalk.into(key.areas)["from"])
    return key
