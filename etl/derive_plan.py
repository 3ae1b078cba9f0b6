"""Checks of ``[[derived]]`` against the catalogue and ``[[sources]]``, before any number is read.

Every problem names the config key (``[derived #2 foreign_born] numerator.minus #1``):
an indicator that is not in the catalogue, a source that is not declared, a unit
that cannot apply (a sum of means, a mean as a numerator), a value type that needs
a denominator, two blocks for the same indicator and age group, and derivation
cycles. ``plan`` returns the blocks in an order where each comes after those it reads.
"""

from __future__ import annotations

from etl.checks import close_matches
from etl.config import CityConfig
from etl.config_keys import ADDITIVE
from etl.derived_config import DerivedConfig, Term
from etl.errors import Problem, excerpt

RATIOS = ("proportion", "percentage", "rate", "mean", "score")  # value = scale x num / den


class Planner:
    """Collects the problems of the [[derived]] blocks of one configuration."""

    def __init__(self, cfg: CityConfig, file: str, types: dict[str, object]) -> None:
        self.cfg, self.file, self.types = cfg, file, types
        self.sources = {s.name: s for s in cfg.sources}
        self.problems: list[Problem] = []

    def add(self, d: DerivedConfig, key: str, message: str, fix: str, value: object = None) -> None:
        where = f"{d.label} {key}: " if key else f"{d.label}: "
        self.problems.append(Problem(self.file, where + message, fix, row=d.line, value=value))

    def unit(self, part: Term) -> str | None:
        """What a term's numbers are (None when its source or indicator is unknown)."""
        if part.source is not None:
            source = self.sources.get(part.source)
            return source.unit if source else None
        if part.measure != "value":
            return "count"
        found = self.types.get(str(part.indicator))
        return None if found is None else str(found)

    def references(self, d: DerivedConfig, term: Term) -> bool:
        """Unknown sources and indicators; True when every part is known."""
        known = True
        for _, part in term.parts():
            if part.source is not None and part.source not in self.sources:
                known = False
                self.add(d, f"{part.key}.source", f"source {excerpt(part.source)} is not declared",
                         "add a [[sources]] block with this name, or use one of: "
                         + (", ".join(self.sources) or "(none declared)")
                         + close_matches(part.source, self.sources), part.source)
            if part.indicator is not None and self.types and part.indicator not in self.types:
                known = False
                self.add(d, f"{part.key}.indicator", f"indicator {excerpt(part.indicator)} is not in "
                         "the catalogue", "use a catalogue id" + close_matches(part.indicator, self.types),
                         part.indicator)
        return known

    def units(self, d: DerivedConfig, role: str, term: Term) -> None:
        """A sum of non-additive numbers, a non-count numerator or denominator, a value of
        another kind than the indicator's."""
        summed = len(term.parts()) > 1
        vtype = self.types.get(d.indicator)
        for _, part in term.parts():
            unit = self.unit(part)
            sums = part.sums() or ("plus/minus" if summed else None)
            what = f"source {excerpt(part.source)}" if part.source else f"indicator {excerpt(part.indicator)}"
            if unit in ADDITIVE and role == "value" and vtype not in (None, "count"):
                self.add(d, part.key, f"reads {what}, whose unit is {unit}, as the value of "
                         f"{d.indicator}, which the catalogue says is a {vtype}",
                         "give counts as numerator = { ... } and denominator = { ... }, or read a "
                         f"source of {vtype} values", unit)
            if unit is None or unit in ADDITIVE:
                continue
            if sums:
                self.add(d, part.key, f"adds up numbers ({sums}) of {what}, whose unit is {unit}: "
                         f"a sum of {unit} values means nothing",
                         "pick one row and one column, or read a source of counts (unit = \"count\")",
                         unit)
            elif role != "value":
                self.add(d, part.key, f"the {role} reads {what}, whose unit is {unit}; a {role} "
                         "must be a count or an amount", "read counts (unit = \"count\" or "
                         "\"amount\"), or give the indicator's value with value = { ... }", unit)
            elif vtype is not None and unit != vtype:
                self.add(d, part.key, f"reads {what}, whose unit is {unit}, but the catalogue "
                         f"says {d.indicator} is a {vtype}",
                         "read a source of the indicator's kind, or correct the unit or the "
                         "catalogue's value_type", unit)

    def kinds(self, d: DerivedConfig) -> None:
        vtype = self.types.get(d.indicator)
        if self.types and vtype is None:
            self.add(d, "indicator", f"{excerpt(d.indicator)} is not in the catalogue",
                     "add it to the catalogue, or use a catalogue id"
                     + close_matches(d.indicator, self.types), d.indicator)
        elif vtype == "median" and d.numerator is not None:
            self.add(d, "numerator", "a median cannot be computed from a numerator and denominator",
                     "give the median itself with value = { ... }")
        elif vtype in RATIOS and d.numerator is not None and d.denominator is None:
            self.add(d, "denominator", f"is missing: a {vtype} is computed as numerator / denominator",
                     "add denominator = { ... } (e.g. the population)")


def _cycles(ordered: list[DerivedConfig], planner: Planner) -> list[DerivedConfig]:
    """The blocks in dependency order; blocks on a cycle are reported and left out."""
    by_id: dict[str, list[DerivedConfig]] = {}
    for d in ordered:
        by_id.setdefault(d.indicator, []).append(d)
    needs = {d.number: sorted({p.indicator for t in d.terms() for _, p in t.parts()
                               if p.indicator in by_id}, key=str) for d in ordered}
    done: list[DerivedConfig] = []
    state: dict[int, str] = {}

    def visit(d: DerivedConfig, path: list[DerivedConfig]) -> bool:
        if state.get(d.number) == "done":
            return True
        if state.get(d.number) == "open":
            loop = [*path[path.index(d):], d]
            planner.add(d, "", "is part of a derivation cycle: "
                        + " → ".join(x.indicator for x in loop),
                        "break the cycle: one of these indicators must come from a table or a "
                        "source, not from the others")
            return False
        state[d.number] = "open"
        ok = all(visit(n, [*path, d]) for dep in needs[d.number] for n in by_id[str(dep)])
        state[d.number] = "done"
        if ok:
            done.append(d)
        return ok

    for d in ordered:
        visit(d, [])
    return done


def plan(cfg: CityConfig, file: str, types: dict[str, object]) -> tuple[list[DerivedConfig], list[Problem]]:
    """The [[derived]] blocks to compute, in order, and every problem of their keys.

    ``types`` is the catalogue's value_type by id (empty when the catalogue could not
    be read: indicators are then not checked).
    """
    planner = Planner(cfg, file, types)
    seen: dict[tuple[str, str], int] = {}
    usable = []
    for d in cfg.derived:
        before = len(planner.problems)
        planner.kinds(d)
        twin = seen.setdefault((d.indicator, d.age_group), d.number)
        if twin != d.number:
            planner.add(d, "indicator", f"is also derived by [derived #{twin}] for age group "
                        f"{excerpt(d.age_group)}", "keep one block per indicator and age group")
        for role in ("numerator", "denominator", "value"):
            term = getattr(d, role)
            if term is not None and planner.references(d, term):
                planner.units(d, role, term)
        if len(planner.problems) == before:
            usable.append(d)
    order = _cycles(usable, planner)
    used = {p.source for d in cfg.derived for t in d.terms() for _, p in t.parts()}
    for s in cfg.sources:
        if s.name not in used:
            planner.problems.append(Problem(
                file, f"{s.label} is read but no [[derived]] term uses it", "use it in a term "
                f'(source = "{s.name}"), or remove the block', row=s.line, severity="warning"))
    return order, planner.problems
