"""Data-quality notes: which of the area's values are suppressed, not computed by their
method (a standardised rate of fewer than 10 events, a life table of fewer than 5,000
person-years...), missing or not compared, and where a supplied (official) city figure
differs from the aggregate of the areas."""

from __future__ import annotations

import pandas as pd

from reports import strings
from reports.profile import NOT_COMPUTED, SUPPRESSED, QualityNote

KINDS = ("suppressed", *NOT_COMPUTED, "missing", "not_compared", "estimated", "discrepancy")


def note_kind(rows: pd.DataFrame) -> pd.Series:
    """Per row: suppressed, a method's reason (NOT_COMPUTED), missing, estimated (by areal
    interpolation or a split crosswalk), not_compared, or None when the value is fine."""
    status = rows["status"].astype("object")
    kind = pd.Series(None, index=rows.index, dtype="object")
    compared = rows.get("compared_to_city", pd.Series("not_compared", index=rows.index))
    kind[rows["value"].notna() & (compared == "not_compared")] = "not_compared"
    if "estimated" in rows:
        kind[rows["estimated"].fillna(False).astype(bool) & rows["value"].notna()] = "estimated"
    kind[rows["value"].isna()] = "missing"
    computed = status.isin(NOT_COMPUTED)
    kind[computed] = status[computed]
    kind[status.isin(SUPPRESSED)] = "suppressed"
    return kind


def discrepancy_rows(rows: pd.DataFrame, city_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator, period and sex whose supplied city figure differs from the
    aggregate of the areas (the engine's ``city_discrepancy``), for the area's indicators."""
    if "city_discrepancy" not in rows.columns:
        return rows.iloc[0:0]
    city = city_rows[city_rows["city_discrepancy"].notna()]
    if city.empty and rows["city_discrepancy"].isna().all():
        return rows.iloc[0:0]
    city = city[city["indicator_id"].isin(set(rows["indicator_id"]))]
    found = pd.concat([rows, city.astype({c: "object" for c in ("indicator_id", "period", "sex")})])
    found = found[found["city_discrepancy"].notna()]
    return found.drop_duplicates(["indicator_id", "period", "sex"])


def periods_text(periods: pd.Series, all_periods: list[str]) -> str:
    """Periods as runs of consecutive periods: ``2015–2019, 2022–2024`` (runs of two listed)."""
    position = {p: i for i, p in enumerate(all_periods)}
    wanted = sorted({str(p) for p in periods}, key=lambda p: position.get(p, -1))
    runs: list[list[str]] = []
    for p in wanted:
        if runs and position.get(p, -9) == position.get(runs[-1][-1], -9) + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(r) for r in runs]
    return ", ".join(parts)


def _notes(rows: pd.DataFrame, kinds: pd.Series, cat: pd.DataFrame, lang: str) -> list[QualityNote]:
    all_periods = sorted({str(p) for p in rows["period"]})
    flagged = rows.assign(kind=kinds)[kinds.notna()]
    notes: list[QualityNote] = []
    for (kind, ind), group in flagged.groupby(["kind", "indicator_id"], sort=False, observed=True):
        sexes = [strings.label("sex", s, lang) for s in ("total", "female", "male")
                 if s in set(group["sex"])]
        notes.append(QualityNote(
            kind=str(kind), indicator_id=str(ind), name=str(cat["name"].get(ind, ind)),
            sexes=", ".join(sexes), periods=periods_text(group["period"], all_periods),
        ))
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(notes, key=lambda n: (order[n.kind], cat["order"].get(n.indicator_id, 0)))


def quality_notes(rows: pd.DataFrame, city_rows: pd.DataFrame, cat: pd.DataFrame,
                  lang: str) -> tuple[list[QualityNote], dict[str, int]]:
    """Notes grouped per kind and indicator, and the number of values of each kind."""
    kinds = note_kind(rows)
    notes = _notes(rows, kinds, cat, lang)
    counts = {k: int((kinds == k).sum()) for k in KINDS}
    city = discrepancy_rows(rows, city_rows)
    if not city.empty:
        disc = pd.Series("discrepancy", index=city.index)
        notes += _notes(city, disc, cat, lang)
        counts["discrepancy"] = len(city)
    return notes, counts
