"""Derived indicators (``[[derived]]``): values computed from sources and other indicators.

For each block (in dependency order, etl.derive_plan) and each of its sexes, the
numerator and denominator terms (etl.terms) are matched by area and period;
rows only one of them has are left out with a warning. The rows then go through
the same checks as a table's (etl.rowchecks): the value is computed from numerator
and denominator by the catalogue's value type, a negative count, a numerator above
its denominator or a value out of range is an error, plus plausibility. A
denominator of 0 under a numerator above 0 is an error. Problems name the block
(``[derived #2 foreign_born]``), the area, period and sex, and the source rows the
numbers came from.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.checks import MISSING, SUPPRESSED, Message, Report
from etl.context import Context
from etl.derive_plan import plan
from etl.derived_config import DerivedConfig
from etl.errors import Problem, excerpt
from etl.keys import KEY_COLUMNS
from etl.rowchecks import check_values, plain
from etl.sources import SourceData
from etl.terms import HIDDEN, Terms
from etl.terms import MISSING as PART_MISSING

NUMBER_COLUMNS = ["numerator", "denominator", "value", "lower_ci", "upper_ci", "sd"]
REFERENCES = ["num_file", "num_line", "den_file", "den_line"]


def _matched(terms: Terms, d: DerivedConfig, num: pd.DataFrame, den: pd.DataFrame,
             sex: str) -> pd.DataFrame:
    """Numerator and denominator by area and period; the rows only one has are left out."""
    joined = num.merge(den, how="inner", left_index=True, right_index=True, suffixes=("_num", "_den"))
    for name, side, other in (("numerator", num, den), ("denominator", den, num)):
        alone = side.index.difference(other.index)
        if len(alone):
            shown = ", ".join(f"{a} {p}" for a, p in alone[:5])
            terms.ctx.log.problems.append(Problem(
                terms.ctx.config_file, f"{d.label}: {len(alone):,} area/period row(s) of the {name} "
                f"(sex {sex}) have no {'denominator' if name == 'numerator' else 'numerator'} and are "
                f"left out (e.g. {shown})", "nothing, unless those values should be there: give both "
                "terms the same areas and periods", row=d.line, severity="warning"))
    return joined


def _rows(terms: Terms, d: DerivedConfig, sex: str) -> pd.DataFrame | None:
    found = {role: terms.evaluate(d, t, sex) for role in ("numerator", "denominator", "value")
             if (t := getattr(d, role)) is not None}
    got = {role: frame for role, frame in found.items() if frame is not None}
    if len(got) < len(found):
        return None
    if "value" in got:
        base = got["value"]
        out = pd.DataFrame({"value": base["value"], "numerator": np.nan, "denominator": np.nan,
                            "status": base["status"], "num_file": base["file"], "num_line": base["line"],
                            "estimated": base["estimated"]})
    elif "denominator" in got:
        both = _matched(terms, d, got["numerator"], got["denominator"], sex)
        out = pd.DataFrame({"numerator": both["value_num"], "denominator": both["value_den"],
                            "value": np.nan, "status": np.maximum(both["status_num"], both["status_den"]),
                            "num_file": both["file_num"], "num_line": both["line_num"],
                            "den_file": both["file_den"], "den_line": both["line_den"],
                            "estimated": both["estimated_num"] | both["estimated_den"]})
    else:
        num = got["numerator"]
        out = pd.DataFrame({"numerator": num["value"], "denominator": np.nan, "value": np.nan,
                            "status": num["status"], "num_file": num["file"], "num_line": num["line"],
                            "estimated": num["estimated"]})
    out = out.reset_index()
    out["sex"] = sex
    return out


def _typed(ctx: Context, d: DerivedConfig, frame: pd.DataFrame) -> pd.DataFrame:
    """Key columns as categoricals on the load's codebooks, numbers as floats."""
    books, n = ctx.books, len(frame)
    out = pd.DataFrame(index=range(n))
    constants = {"indicator_id": d.indicator, "age_group": d.age_group}
    for col in KEY_COLUMNS:
        book = books[col]
        if col in constants:
            out[col] = book.categorical(np.full(n, book.codes([constants[col]])[0], dtype=np.int32))
        else:
            codes, uniques = pd.factorize(frame[col].astype(str).to_numpy(dtype=object))
            out[col] = book.categorical(book.codes(list(uniques))[codes])
    out["line"] = np.full(n, d.line or 0, dtype=np.int64)
    for col in NUMBER_COLUMNS:
        out[col] = frame[col].to_numpy(dtype=float) if col in frame else np.nan
    status = frame["status"].to_numpy()
    codes = books["status"].codes([SUPPRESSED, MISSING])
    out["status"] = books["status"].categorical(
        np.where(status == HIDDEN, codes[0], np.where(status == PART_MISSING, codes[1], -1)).astype(np.int32))
    out["file"] = books["file"].categorical(np.full(n, books["file"].codes([ctx.config_file])[0], dtype=np.int32))
    out["estimated"] = frame["estimated"].to_numpy(dtype=bool)
    for col in REFERENCES:
        out[col] = frame[col].to_numpy() if col in frame else None
    return out


def _reporter(ctx: Context, d: DerivedConfig, frame: pd.DataFrame) -> Report:
    """Problems on derived rows: the block, the area, period and sex, and the source rows."""
    file = ctx.config_file

    def report(kind: str, mask: np.ndarray, name: str, message: Message, fix: str, severity: str) -> None:
        total = int(np.count_nonzero(mask))
        if not total:
            return
        problems = []
        for i in np.flatnonzero(mask)[: ctx.log.room(file, kind)]:
            row = frame.iloc[int(i)]
            text = message if isinstance(message, str) else message(int(i))
            refs = [f"{role} from {row[f'{short}_file']} row {int(row[f'{short}_line'])}"
                    for role, short in (("numerator", "num"), ("denominator", "den"))
                    if isinstance(row[f"{short}_file"], str)]
            where = f"area {row['area_code']}, period {row['period']}, sex {row['sex']}"
            problems.append(Problem(file, f"{d.label}: {text} ({'; '.join([where, *refs])})", fix,
                                    row=d.line, value=plain(row[name]), severity=severity))
        ctx.log.add(kind, total, problems)

    return report


def _block(terms: Terms, d: DerivedConfig) -> pd.DataFrame | None:
    ctx = terms.ctx
    given = terms.values
    if len(given) and ((given["indicator_id"] == d.indicator) & (given["age_group"] == d.age_group)).any():
        files = sorted({str(f) for f in given.loc[(given["indicator_id"] == d.indicator).to_numpy(), "file"]})
        ctx.log.problems.append(Problem(
            ctx.config_file, f"{d.label}: indicator {excerpt(d.indicator)} (age group {d.age_group}) "
            f"also comes from {', '.join(files)}", "derive it or load it from a table, not both",
            row=d.line, value=d.indicator))
        return None
    parts = [_rows(terms, d, sex) for sex in d.sexes]
    if any(p is None for p in parts):
        return None
    frame = _typed(ctx, d, pd.concat(parts, ignore_index=True))
    report = _reporter(ctx, d, frame)
    check_values(frame, ctx, report)
    num, den = frame["numerator"].to_numpy(), frame["denominator"].to_numpy()
    with np.errstate(invalid="ignore"):
        report("derived denominator 0", (den == 0) & (num > 0), "denominator",
               "the denominator is 0 but the numerator is not: there is nothing to divide by",
               "check that the numerator and the denominator cover the same areas, periods and "
               "population (e.g. the same age band)", "error")
    return frame.drop(columns=REFERENCES)


def derive(ctx: Context, values: pd.DataFrame, sources: dict[str, SourceData]) -> list[pd.DataFrame]:
    """The rows of every [[derived]] block that can be computed; problems go to ``ctx.log``."""
    order, problems = plan(ctx.cfg, ctx.config_file, ctx.by_id("value_type"))
    ctx.log.problems += problems
    terms = Terms(ctx, sources, values)
    out = []
    for d in order:
        frame = _block(terms, d)
        if frame is not None and len(frame):
            out.append(frame)
            terms.derived.append(frame)
    return out
