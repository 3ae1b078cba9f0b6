"""The numbers of one term of a derived indicator, by area and period.

A source term picks rows by sex, age band (a source's bands summed to the band
asked for) and category values, takes one or more number columns and adds up
what it picked; an indicator term reads a loaded or derived indicator's value,
numerator or denominator. A sum with a part missing for an area and period is
missing (never a smaller sum). Problems name the config key and go to the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.ages import parse_band, tiling
from etl.checks import SUPPRESSED, close_matches
from etl.config_keys import ADDITIVE
from etl.context import Context
from etl.derived_config import DerivedConfig, Term
from etl.errors import Problem, excerpt, listing
from etl.keys import KEY_COLUMNS
from etl.sources import SourceData

INDEX = ["area_code", "period"]
OK, MISSING, HIDDEN = 0, 1, 2  # status of a term's number: fine, missing, suppressed at source


@dataclass
class Terms:
    """Evaluates terms against the sources and the values read so far; logs problems."""

    ctx: Context
    sources: dict[str, SourceData]
    values: pd.DataFrame  # the tables' values
    derived: list[pd.DataFrame] = field(default_factory=list)  # derived values computed so far
    said: set[Problem] = field(default_factory=set)
    # a source part's numbers by what it reads (a population term many blocks share is read once)
    read: dict[tuple[object, ...], pd.DataFrame] = field(default_factory=dict)

    def indicator_rows(self, indicator: str) -> pd.DataFrame:
        """An indicator's rows, from the tables or computed already, with text keys."""
        found = [f.loc[(f["indicator_id"] == indicator).to_numpy()]
                 for f in (self.values, *self.derived) if len(f)]
        found = [f.astype({c: object for c in [*KEY_COLUMNS, "status", "file"]}) for f in found if len(f)]
        return pd.concat(found, ignore_index=True) if found else pd.DataFrame()

    def problem(self, d: DerivedConfig, key: str, message: str, fix: str, value: object = None) -> None:
        found = Problem(self.ctx.config_file, f"{d.label} {key}: {message}", fix, row=d.line, value=value)
        if found not in self.said:  # the same term read for each sex says it once
            self.said.add(found)
            self.ctx.log.problems.append(found)

    def evaluate(self, d: DerivedConfig, term: Term, sex: str) -> pd.DataFrame | None:
        """The term with its plus and minus terms: value, status, line, file by area and period."""
        total: pd.DataFrame | None = None
        for sign, part in term.parts():
            piece = self.cached_part(d, part, sex) if part.source else self.indicator_part(d, part, sex)
            if piece is None:
                return None
            piece["value"] *= sign
            total = piece if total is None else _add(total, piece)
        return total

    # ------------------------------------------------------------ sources

    def cached_part(self, d: DerivedConfig, part: Term, sex: str) -> pd.DataFrame | None:
        """``source_part``, read once per source, rows picked, columns, age and sex (a copy:
        ``evaluate`` changes the signs); a part that cannot be read is read again, so each
        block says why."""
        key = (part.source, part.where, part.columns, part.age or d.age_group, part.sex or sex)
        if key not in self.read:
            found = self.source_part(d, part, sex)
            if found is None:
                return None
            self.read[key] = found
        return self.read[key].copy()

    def _ages(self, d: DerivedConfig, part: Term, src: SourceData) -> list[str] | None:
        asked = part.age or d.age_group
        band = parse_band(asked)
        label = str(band) if band else asked
        if not src.has_age:
            if label == "all":
                return ["all"]
            self.problem(d, f"{part.key}.age", f"source {excerpt(src.cfg.name)} has no age column, so "
                         f"age {excerpt(asked)} cannot be taken from it", "map its age column with "
                         "columns.age_group, or ask for age \"all\"", asked)
            return None
        present = sorted(set(src.keys["age_group"]))
        if label in present:
            return [label]
        bands = src.bands()
        found = tiling(band, bands.values()) if band else "it is not an age band"
        if isinstance(found, str):
            self.problem(d, f"{part.key}.age", f"age {excerpt(asked)} cannot be made from the age "
                         f"groups of source {excerpt(src.cfg.name)} ({listing(present, 30, quote=False)}): "
                         f"{found}", "ask for a band its bands add up to, or give the source finer "
                         "bands (age_bands)", asked)
            return None
        if len(found) > 1 and src.cfg.unit not in ADDITIVE:
            self.problem(d, f"{part.key}.age", f"age {excerpt(asked)} adds up {len(found)} bands of "
                         f"source {excerpt(src.cfg.name)}, whose unit is {src.cfg.unit}: a sum of "
                         f"{src.cfg.unit} values means nothing", "ask for one of its age groups, or read "
                         "a source of counts", asked)
            return None
        return [str(b) for b in found]

    def _where(self, d: DerivedConfig, part: Term, src: SourceData) -> np.ndarray | None:
        mask = np.ones(len(src.keys), dtype=bool)
        for col, wanted in part.where:
            if col not in src.cfg.categories:
                self.problem(d, f"{part.key}.where.{col}", f"{excerpt(col)} is not a category column of "
                             f"source {excerpt(src.cfg.name)} ({listing(src.cfg.categories, quote=False) or 'none declared'})",
                             f"add it to {src.cfg.label} categories, or use one of them"
                             + close_matches(col, src.cfg.categories), col)
                return None
            cells = src.keys[col]
            present = set(cells.unique())
            values = [v.strip() for v in wanted]
            for v in values:
                if v not in present:
                    self.problem(d, f"{part.key}.where.{col}", f"no row of source {excerpt(src.cfg.name)} "
                                 f"({src.file}) has {col} = {excerpt(v)}", "use one of its values: "
                                 f"{listing(sorted(present), 12)}{close_matches(v, present)}", v)
                    return None
            mask &= cells.isin(values).to_numpy()
        return mask

    def _columns(self, d: DerivedConfig, part: Term, src: SourceData) -> list[str] | None:
        candidates = src.number_columns
        if part.columns is None:
            if len(candidates) == 1:
                return candidates
            self.problem(d, f"{part.key}.column", f"source {excerpt(src.cfg.name)} has "
                         f"{len(candidates)} columns that may hold numbers "
                         f"({listing(candidates, 12, quote=False)})", 'pick one with column = "..." '
                         "(a list adds them up), or list the others in categories")
            return None
        for col in part.columns:
            if col not in candidates:
                self.problem(d, f"{part.key}.column", f"{excerpt(col)} is not a number column of source "
                             f"{excerpt(src.cfg.name)} ({src.file})", "use one of: "
                             f"{listing(candidates, 12)}{close_matches(col, candidates)}", col)
                return None
        return list(part.columns)

    def source_part(self, d: DerivedConfig, part: Term, sex: str) -> pd.DataFrame | None:
        src = self.sources.get(str(part.source))
        if src is None or src.failed:
            return None  # it could not be read; its file's problems say why
        want = part.sex or sex
        if not src.has_sex and want != "total":
            self.problem(d, f"{part.key}.sex" if part.sex else "sexes", f"source {excerpt(src.cfg.name)} "
                         f"has no sex column, so {want} cannot be taken from it", "map its sex column "
                         'with columns.sex, or compute sexes = ["total"] only', want)
            return None
        ages, mask, columns = self._ages(d, part, src), self._where(d, part, src), self._columns(d, part, src)
        if ages is None or mask is None or columns is None:
            return None
        keys = src.keys
        sexes = self._sexes(src, want)
        mask &= keys["age_group"].isin(ages).to_numpy() & keys["sex"].isin(sexes).to_numpy()
        if not mask.any():
            picks = [f"sex {want}", f"age {'/'.join(ages)}", *(f"{c} = {'/'.join(v)}" for c, v in part.where)]
            self.problem(d, part.key, f"picks no row of source {excerpt(src.cfg.name)} ({src.file}): "
                         f"none has {', '.join(picks)} together", "check the term's where, age and sex "
                         "against the file")
            return None
        expected = len(sexes) * len(ages) * len(columns) * int(np.prod([len(v) for _, v in part.where]))
        picked = keys.loc[mask]
        if self._repeated(d, part, src, picked):
            return None
        frames = []
        guessed = src.estimated[mask] if src.estimated is not None else np.zeros(int(mask.sum()), dtype=bool)
        for col in columns:
            values, marked = src.numbers(col, self.ctx)
            frames.append(pd.DataFrame({"area_code": picked["area_code"].to_numpy(),
                                        "period": picked["period"].to_numpy(), "value": values[mask],
                                        "marked": marked[mask], "line": picked["line"].to_numpy(),
                                        "estimated": guessed}))
        return _summed(pd.concat(frames, ignore_index=True), expected, src.file)

    @staticmethod
    def _sexes(src: SourceData, want: str) -> list[str]:
        """The sexes to add up: ``want``; total as female + male in a source of counts
        without total rows."""
        present = set(src.keys["sex"].unique())
        if want == "total" and "total" not in present and {"female", "male"} <= present \
                and src.cfg.unit in ADDITIVE:
            return ["female", "male"]
        return [want]

    def _repeated(self, d: DerivedConfig, part: Term, src: SourceData, picked: pd.DataFrame) -> bool:
        by = ["area_code", "period", "sex", "age_group", *(c for c, _ in part.where)]
        twice = picked.duplicated(subset=by, keep=False).to_numpy()
        if not twice.any():
            return False
        first = picked.loc[twice].sort_values("line").iloc[0]
        same = picked.loc[twice]
        same = same[(same[by] == first[by]).all(axis=1)]
        self.problem(d, part.key, f"source {excerpt(src.cfg.name)} ({src.file}) gives area "
                     f"{first['area_code']}, period {first['period']} twice (rows "
                     f"{', '.join(str(n) for n in same['line'].head(3))}), so the sum would count "
                     f"it twice", "remove the repeated row, or pick rows with where = { column = "
                     "value } so that each area and period is picked once")
        return True

    # ------------------------------------------------------------ indicators

    def indicator_part(self, d: DerivedConfig, part: Term, sex: str) -> pd.DataFrame | None:
        ind, want, age = str(part.indicator), part.sex or sex, part.age or d.age_group
        rows = self.indicator_rows(ind)
        if rows.empty:
            self.problem(d, f"{part.key}.indicator", f"indicator {excerpt(ind)} has no values: no "
                         "[[tables]] gives it and no [[derived]] block computes it", "load it from a "
                         "table, derive it, or read a source instead", ind)
            return None
        pick = rows.loc[((rows["sex"] == want) & (rows["age_group"] == age)).to_numpy()]
        if pick.empty:
            groups = sorted({f"{s}/{a}" for s, a in zip(rows["sex"], rows["age_group"], strict=True)})
            self.problem(d, part.key, f"indicator {excerpt(ind)} has no values for sex {want} and age "
                         f"group {excerpt(age)} (it has sex/age group {listing(groups, 10, quote=False)})",
                         "set the term's sex and age to one of those", ind)
            return None
        status = pick["status"].to_numpy()
        out = pd.DataFrame({
            "area_code": pick["area_code"].to_numpy(),
            "period": pick["period"].to_numpy(),
            "value": pick[part.measure].to_numpy(dtype=float),
            "marked": status == SUPPRESSED, "line": pick["line"].to_numpy(),
            "estimated": pick["estimated"].to_numpy(dtype=bool) if "estimated" in pick else False,
        })
        files = pick["file"].to_numpy()
        return _summed(out, 1, str(files[0]) if len(files) else "")


def _summed(frame: pd.DataFrame, expected: int, file: str) -> pd.DataFrame:
    """Rows added up by area and period; missing unless all ``expected`` parts have a number."""
    frame["nan"] = np.isnan(frame["value"].to_numpy(dtype=float))
    if expected == 1 and not frame.duplicated(INDEX).any():  # one part each: nothing to add
        return _single(frame, file)
    grouped = frame.groupby(INDEX, sort=False).agg(
        value=("value", "sum"), parts=("value", "size"), nan=("nan", "any"),
        marked=("marked", "any"), line=("line", "min"), estimated=("estimated", "any"))
    broken = grouped["nan"].to_numpy() | (grouped["parts"].to_numpy() < expected)
    out = pd.DataFrame(index=grouped.index)
    out["value"] = np.where(broken, np.nan, grouped["value"].to_numpy(dtype=float))
    out["status"] = np.where(grouped["marked"], HIDDEN, np.where(broken, MISSING, OK)).astype(np.int8)
    out["line"] = grouped["line"].to_numpy()
    out["file"] = file
    out["estimated"] = grouped["estimated"].to_numpy(dtype=bool)
    return out


def _single(frame: pd.DataFrame, file: str) -> pd.DataFrame:
    """``_summed`` of rows that are one part each (what the groupby would give, faster)."""
    nan, marked = frame["nan"].to_numpy(), frame["marked"].to_numpy(dtype=bool)
    out = pd.DataFrame(index=pd.MultiIndex.from_arrays([frame[c].to_numpy() for c in INDEX], names=INDEX))
    out["value"] = np.where(nan, np.nan, frame["value"].to_numpy(dtype=float))
    out["status"] = np.where(marked, HIDDEN, np.where(nan, MISSING, OK)).astype(np.int8)
    out["line"] = frame["line"].to_numpy()
    out["file"] = file
    out["estimated"] = frame["estimated"].to_numpy(dtype=bool)
    return out


def _add(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """a + b by area and period; an area and period missing on either side is missing."""
    joined = a.merge(b, how="outer", left_index=True, right_index=True, suffixes=("_a", "_b"))
    out = pd.DataFrame(index=joined.index)
    out["value"] = joined["value_a"] + joined["value_b"]
    status = np.maximum(joined["status_a"].fillna(MISSING), joined["status_b"].fillna(MISSING))
    out["status"] = np.where(np.isnan(out["value"]) & (status == OK), MISSING, status).astype(np.int8)
    out["line"] = joined["line_a"].fillna(joined["line_b"]).astype(np.int64)
    out["file"] = joined["file_a"].fillna(joined["file_b"])
    out["estimated"] = (joined["estimated_a"].fillna(False).astype(bool)
                        | joined["estimated_b"].fillna(False).astype(bool))
    return out
