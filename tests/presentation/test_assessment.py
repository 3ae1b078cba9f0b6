"""The self-assessment summary against answers worked out by hand (presentation.assessment)."""

from __future__ import annotations

import pandas as pd
import pytest

from presentation.assessment import ALL, MIN_GROUP, dimension_scores, summarise

STATEMENTS = pd.DataFrame({"id": ["A1", "A2", "B1"], "dimension": ["needs", "needs", "values"],
                           "position": [1, 2, 3], "text_sv": ["a", "b", "c"], "text_pl": ["a", "b", "c"],
                           "text_en": ["a", "b", "c"]})


def _answers() -> pd.DataFrame:
    rows = []

    def add(round_: int, respondent: int, sector: str, a1: int | None, a2: int | None, b1: int | None) -> None:
        for sid, score in (("A1", a1), ("A2", a2), ("B1", b1)):
            rows.append({"round": round_, "respondent": respondent, "sector": sector, "department": None,
                         "statement_id": sid, "score": score})

    add(2023, 1, "education", 4, 2, 5)
    add(2023, 2, "education", 5, None, 3)
    add(2023, 3, "education", 1, 1, 4)
    add(2023, 4, "ngo", 5, 5, 1)  # ngo has two respondents: counted only in all
    add(2023, 5, "ngo", 3, 3, 1)
    for r in (6, 7, 8):
        add(2023, r, "health_care", 2, 2, 2)
    for r in (1, 2, 3):
        add(2025, r, "education", 4, 4, 5)
    for r in (4, 5):
        add(2025, r, "health_care", 3, 3, 3)
    return pd.DataFrame(rows)


def _mean(scores: pd.DataFrame, round_: int, dimension: str, group: str) -> tuple[float, int]:
    row = scores[(scores["round"] == round_) & (scores["dimension"] == dimension) & (scores["group"] == group)]
    assert len(row) == 1, (round_, dimension, group)
    return float(row["mean"].iloc[0]), int(row["n"].iloc[0])


def test_dimension_means_per_sector_and_for_all_with_small_groups_only_in_all() -> None:
    scores = dimension_scores(_answers(), STATEMENTS)
    assert _mean(scores, 2023, "needs", "education") == (3.0, 3)  # (3 + 5 + 1) / 3
    assert _mean(scores, 2023, "values", "education") == (4.0, 3)
    assert _mean(scores, 2023, "needs", ALL) == (2.875, 8)  # (3+5+1+5+3+2+2+2) / 8: ngo counted
    assert _mean(scores, 2023, "values", ALL) == (2.5, 8)
    assert "ngo" not in set(scores["group"])  # 2 < MIN_GROUP respondents
    assert set(scores[scores["round"] == 2025]["group"]) == {ALL, "education"}
    assert list(scores[scores["round"] == 2023]["group"])[:3] == [ALL, "education", "health_care"]
    assert MIN_GROUP == 3


def test_changes_between_rounds_for_all_and_for_sectors_shown_in_both() -> None:
    summary = summarise(_answers(), STATEMENTS)
    assert summary.rounds == (2023, 2025) and summary.respondents == {2023: 8, 2025: 5}
    changes = summary.changes.set_index(["dimension", "group"])
    assert changes.loc[("needs", ALL), "change"] == pytest.approx(3.6 - 2.875)
    assert changes.loc[("needs", "education"), "change"] == pytest.approx(1.0)
    assert changes.loc[("values", "education"), "change"] == pytest.approx(1.0)
    assert ("needs", "health_care") not in changes.index  # two respondents in 2025
    assert summary.suppressed == {2023: ("ngo",), 2025: ("health_care",)}


def test_where_sectors_disagree_most_in_the_latest_round_and_in_one_chosen() -> None:
    from presentation.assessment import disagreement

    spreads = disagreement(_answers(), STATEMENTS, 2023)
    assert list(zip(spreads["level"], spreads["key"], strict=True)) == [
        ("dimension", "values"), ("statement", "B1"), ("statement", "A1"), ("dimension", "needs"),
        ("statement", "A2")]
    assert spreads["spread"].tolist() == pytest.approx([2.0, 2.0, 4 / 3, 1.0, 0.5])
    first = spreads.iloc[0]
    assert (first["high"], first["high_mean"], first["low"], first["low_mean"]) == (
        "education", 4.0, "health_care", 2.0)
    assert spreads.iloc[4]["high"] == "health_care"  # A2: 2 against education's 1.5
    assert spreads.set_index("key").loc["A1", "dimension"] == "needs"
    assert disagreement(_answers(), STATEMENTS, 2025).empty  # one sector shown: nothing to compare


def test_no_answers_give_an_empty_summary() -> None:
    empty = summarise(_answers().iloc[0:0], STATEMENTS)
    assert empty.rounds == () and empty.latest is None and empty.scores.empty
