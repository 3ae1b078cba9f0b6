"""The profile's summary in words: significant differences from the city (or the chosen
comparator), overall and by domain; the comparator's statement and headings."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import outcome_counts
from presentation.palette import BETTER, WORSE
from reports import strings
from reports.profile import DomainSection, IndicatorRow, Profile

MAX_NAMES = 5
COUNT_COLUMNS = ("worse", "similar", "better", "higher", "lower", "not_compared")
"""The columns of the summary table per domain: keys of :func:`domain_counts`, each also
the comparison code whose chip marks it. Neutral indicators that differ from the city
(higher, lower) have their own columns, apart from the rows not compared."""


def count_heading(code: str, lang: str) -> str:
    """The heading of a count column: the report's count words, else the outcome's name."""
    key = f"count_{code}"
    return strings.text(key, lang) if key in strings.TEXT else strings.label("compared", code, lang)


def compared_heading(p: Profile) -> str:
    """The heading of the judgement column: ``vs city``, ``vs rest of city``, ``vs Sweden``."""
    if p.comparator == "city":
        return strings.text("compared", p.lang)
    if p.comparator == "rest":
        return strings.text("compared_rest", p.lang)
    return strings.text("compared_other", p.lang, name=p.comparator_name)


def comparator_statement(p: Profile) -> str:
    """What the profile's judgements compare the area with, in a sentence."""
    return strings.text("comparator_uses", p.lang, name=p.comparator_name)


def spine_marker(p: Profile) -> str:
    """The spine legend's words for the area's marker (its colour is the judgement)."""
    if p.comparator == "city":
        return strings.text("spine_marker", p.lang)
    return strings.text("spine_marker_other", p.lang, name=p.comparator_name)


def domain_counts(rows: Sequence[IndicatorRow]) -> dict[str, int]:
    """Counts of the comparison outcomes among ``rows`` (the area's headline rows), from
    :func:`indicators.outcome_counts`: ``compared`` is the indicators with a comparison
    against the profile's comparator, the city by default (better, worse, similar, higher or
    lower); ``higher`` / ``lower`` are
    neutral indicators significantly above / below the city; ``not_compared`` is every
    other row (suppressed, missing, untestable, no outcome); ``n`` is every row."""
    outcomes = pd.DataFrame({"compared": pd.Series([r.compared for r in rows], dtype=object)})
    counts = outcome_counts(outcomes, column="compared", by=None).iloc[0]
    out = {c: int(counts[c]) for c in ("better", "worse", "similar", "higher", "lower", "compared")}
    n = int(counts["indicators"])
    return {**out, "not_compared": n - out["compared"], "n": n}


def domain_sentence(counts: dict[str, int], lang: str) -> str:
    """E.g. "2 worse, 1 better and 3 similar of 6 indicators"."""
    if counts["compared"] == 0:
        return strings.text("summary_none", lang)
    return strings.text(
        "domain_summary", lang, worse=counts["worse"], better=counts["better"],
        similar=counts["similar"], n=counts["compared"],
    )


def _names(rows: list[IndicatorRow]) -> str:
    names = [r.name for r in rows[:MAX_NAMES]]
    if len(rows) > MAX_NAMES:
        names.append(f"… (+{len(rows) - MAX_NAMES})")
    return ", ".join(names)


def summary_sentences(domains: Sequence[DomainSection], lang: str,
                      comparator: str | None = None) -> list[str]:
    """The overall summary: outcomes, the indicators concerned, trends and gap trends.
    ``comparator``: the name of what the outcomes compare with, when not the city."""
    rows = [r for d in domains for r in d.rows]
    counts = domain_counts(rows)
    if counts["compared"] == 0:
        return [strings.text("summary_none", lang)]
    noun = strings.text("noun", lang, count=counts["compared"])
    key, named = ("summary_overall", {}) if comparator is None else (
        "summary_overall_other", {"name": comparator})
    out = [strings.text(
        key, lang, worse=counts["worse"], n=counts["compared"], noun=noun,
        better=counts["better"], similar=counts["similar"], **named,
    )]
    worse = sorted((r for r in rows if r.compared in WORSE), key=lambda r: r.compared != "much_worse")
    better = sorted((r for r in rows if r.compared in BETTER), key=lambda r: r.compared != "much_better")
    if worse:
        out.append(strings.text("summary_worse", lang, names=_names(worse)))
    if better:
        out.append(strings.text("summary_better", lang, names=_names(better)))
    if counts["higher"] + counts["lower"]:
        out.append(strings.text("summary_neutral", lang, higher=counts["higher"], lower=counts["lower"]))
    trends = [r.trend for r in rows]
    if "getting_better" in trends or "getting_worse" in trends:
        out.append(strings.text(
            "summary_trend", lang, better=trends.count("getting_better"),
            worse=trends.count("getting_worse"),
        ))
    gaps = [r.gap_trend for r in rows]
    if "narrowing" in gaps or "widening" in gaps:
        out.append(strings.text(
            "summary_gap", lang, narrowing=gaps.count("narrowing"), widening=gaps.count("widening"),
        ))
    return out
