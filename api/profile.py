"""An area's profile as data: what the area page and the profile files show, as one JSON
object (the area, the summary counts per domain, one headline row per indicator, the
area's notes)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pandas as pd

from api.tables import named
from indicators import headline_rows, outcome_counts
from presentation.area_notes import about_area
from presentation.i18n import domain_name, vocab
from presentation.redaction import redact
from store.read import Snapshot

PROFILE_FIELDS = [
    "indicator_id", "indicator_name", "domain", "period", "sex", "age_group", "value",
    "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "city_value", "difference",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile",
    "status", "polarity", "unit", "decimals",
]
WORDS = {"compared_to_city": "cmpl", "trend": "trend", "gap_trend": "gap", "status": "status"}


def headline_table(snapshot: Snapshot, comparisons: pd.DataFrame, code: str,
                   age_groups: pd.Series, lang: str) -> pd.DataFrame:
    """The area's headline rows (one per indicator), redacted, with names and the outcome
    words in ``lang`` (``<column>_text``)."""
    rows = redact(headline_rows(comparisons, code, age_groups=age_groups))
    rows = named(rows.reset_index(drop=True), snapshot, lang)
    out = rows[[c for c in PROFILE_FIELDS if c in rows.columns]].copy()
    out.insert(list(out.columns).index("domain") + 1, "domain_name",
               [domain_name(str(d), lang) for d in out["domain"]])
    for column, prefix in WORDS.items():
        out[f"{column}_text"] = [vocab(prefix, v, lang) if isinstance(v, str) else None
                                 for v in out[column].astype(object)]
    return out


def profile_record(snapshot: Snapshot, comparisons: pd.DataFrame, code: str,
                   age_groups: pd.Series, lang: str) -> tuple[dict[str, Any], pd.DataFrame]:
    """(the profile as a JSON-ready object, its indicator rows as a table)."""
    area = snapshot.areas[snapshot.areas["code"].astype(str) == code].iloc[0]
    table = headline_table(snapshot, comparisons, code, age_groups, lang)
    counts = outcome_counts(table, column="compared_to_city")
    counts.insert(1, "domain_name", [domain_name(d, lang) if d != "all" else None
                                     for d in counts["domain"]])
    record = {
        "area": {"code": code, "name": str(area["name"]), "level": str(area["level"]),
                 "parent_code": _text(area.get("parent_code")),
                 "prioritized": bool(area["prioritized"]),
                 "population": _number(area.get("population")),
                 "area_km2": _number(area.get("area_km2"))},
        "city": {"code": str(snapshot.city.get("code", "")),
                 "name": str(snapshot.city.get(f"name_{lang}") or snapshot.city.get("name", ""))},
        "summary": _records(counts),
        "indicators": _records(table),
        "notes": [asdict(group) for group in about_area(snapshot.notes, code, lang)],
    }
    return record, table


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    clean = frame.astype(object).where(frame.notna(), None)
    return [{str(k): _plain(v) for k, v in row.items()} for row in clean.to_dict("records")]


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    return value


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number
