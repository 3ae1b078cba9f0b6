"""The collaboration self-assessment summarised (pure, on the store's frames).

A respondent's score of a dimension is the mean of the statements of it they answered;
a group's score is the mean of its respondents' scores, with ``n`` the respondents who
answered the dimension. Groups of fewer than ``MIN_GROUP`` respondents are not shown
separately: they are counted only in ``all`` (the whole round), and ``suppressed`` names
them. Changes compare a round with the one before (per dimension for all respondents,
and per sector where both rounds have at least ``MIN_GROUP``); disagreement is the spread
(highest minus lowest) of the shown sectors' means per dimension and per statement.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MIN_GROUP = 3  # respondents a sector needs to be shown on its own
ALL = "all"
SCORE_COLUMNS = ["round", "dimension", "group", "n", "mean"]
CHANGE_COLUMNS = ["dimension", "group", "before", "after", "change", "n_before", "n_after"]
SPREAD_COLUMNS = ["level", "key", "dimension", "spread", "high", "high_mean", "low", "low_mean"]


@dataclass(frozen=True)
class Summary:
    """Everything the /collaboration page shows of the self-assessment."""

    rounds: tuple[int, ...]
    respondents: dict[int, int]  # round -> respondents
    scores: pd.DataFrame  # SCORE_COLUMNS, shown groups only (group = sector code or "all")
    changes: pd.DataFrame  # CHANGE_COLUMNS: the latest round against the one before
    spreads: pd.DataFrame  # SPREAD_COLUMNS of the latest round, widest first
    suppressed: dict[int, tuple[str, ...]]  # round -> sectors with 1..MIN_GROUP-1 respondents

    @property
    def latest(self) -> int | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def previous(self) -> int | None:
        return self.rounds[-2] if len(self.rounds) > 1 else None


def _with_dimension(answers: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    dims = statements.set_index("id")["dimension"]
    frame = answers.assign(dimension=answers["statement_id"].map(dims),
                           score=pd.to_numeric(answers["score"], errors="coerce"))
    return frame.dropna(subset=["score", "dimension"])


def respondent_scores(answers: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per round × respondent × dimension: sector and the mean of their scores."""
    frame = _with_dimension(answers, statements)
    return frame.groupby(["round", "respondent", "sector", "dimension"], as_index=False).agg(
        score=("score", "mean"))


def group_sizes(answers: pd.DataFrame) -> pd.DataFrame:
    """Respondents per round and sector (whether or not they answered anything)."""
    people = answers.drop_duplicates(["round", "respondent"])
    return people.groupby(["round", "sector"]).size().rename("n").reset_index()


def shown_sectors(answers: pd.DataFrame) -> dict[int, set[str]]:
    sizes = group_sizes(answers)
    big = sizes[sizes["n"] >= MIN_GROUP]
    return {int(str(r)): set(g["sector"]) for r, g in big.groupby("round")}


def dimension_scores(answers: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Mean score per round × dimension for all respondents and for each sector of at least
    MIN_GROUP respondents (SCORE_COLUMNS), dimensions in the questionnaire's order."""
    per = respondent_scores(answers, statements)
    if per.empty:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    shown = shown_sectors(answers)
    everyone = per.assign(group=ALL)
    sectors = per[[s in shown.get(int(r), set()) for r, s in zip(per["round"], per["sector"], strict=True)]]
    both = pd.concat([everyone, sectors.assign(group=sectors["sector"])], ignore_index=True)
    out = both.groupby(["round", "dimension", "group"], as_index=False).agg(
        n=("respondent", "nunique"), mean=("score", "mean"))
    order = {d: i for i, d in enumerate(statements.drop_duplicates("dimension").sort_values("position")["dimension"])}
    out["_d"] = out["dimension"].map(order)
    out["_g"] = out["group"].ne(ALL)
    return out.sort_values(["round", "_d", "_g", "group"]).drop(columns=["_d", "_g"]).reset_index(drop=True)[
        SCORE_COLUMNS]


def round_changes(scores: pd.DataFrame, before: int | None, after: int | None) -> pd.DataFrame:
    """The change of each dimension's mean from ``before`` to ``after``, for all and for the
    sectors shown in both rounds (CHANGE_COLUMNS)."""
    if before is None or after is None or scores.empty:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    a = scores[scores["round"] == before].set_index(["dimension", "group"])
    b = scores[scores["round"] == after].set_index(["dimension", "group"])
    joined = a[["mean", "n"]].add_suffix("_b").join(b[["mean", "n"]].add_suffix("_a"), how="inner")
    out = pd.DataFrame({"before": joined["mean_b"], "after": joined["mean_a"],
                        "change": joined["mean_a"] - joined["mean_b"],
                        "n_before": joined["n_b"], "n_after": joined["n_a"]}).reset_index()
    order = {d: i for i, d in enumerate(dict.fromkeys(b.index.get_level_values(0)))}
    out = out.assign(_d=out["dimension"].map(order), _g=out["group"].ne(ALL))
    return out.sort_values(["_d", "_g", "group"]).drop(columns=["_d", "_g"]).reset_index(drop=True)[
        CHANGE_COLUMNS]


def _spread(means: pd.DataFrame, key: str, level: str, dims: pd.Series) -> list[dict[str, object]]:
    rows = []
    for k, g in means.groupby(key, sort=False):
        if len(g) < 2:
            continue
        high, low = g.iloc[int(g["score"].to_numpy().argmax())], g.iloc[int(g["score"].to_numpy().argmin())]
        rows.append({"level": level, "key": k, "dimension": dims.get(k, k),
                     "spread": float(high["score"] - low["score"]), "high": high["sector"],
                     "high_mean": float(high["score"]), "low": low["sector"], "low_mean": float(low["score"])})
    return rows


def disagreement(answers: pd.DataFrame, statements: pd.DataFrame, round_: int | None) -> pd.DataFrame:
    """Where the shown sectors disagree most in ``round_``: per dimension and per statement the
    spread of the sectors' means (SPREAD_COLUMNS), widest first (ties by questionnaire order)."""
    if round_ is None:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    shown = shown_sectors(answers).get(int(round_), set())
    mine = answers[(answers["round"] == round_) & answers["sector"].isin(shown)]
    per = respondent_scores(mine, statements)
    dims = per.groupby(["dimension", "sector"], as_index=False).agg(score=("score", "mean"))
    items = _with_dimension(mine, statements).groupby(["statement_id", "sector"], as_index=False).agg(
        score=("score", "mean"))
    of_statement = statements.set_index("id")["dimension"]
    rows = _spread(dims, "dimension", "dimension", pd.Series(dtype=object)) + _spread(
        items, "statement_id", "statement", of_statement)
    if not rows:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    out = pd.DataFrame(rows, columns=SPREAD_COLUMNS)
    position = statements.set_index("id")["position"].to_dict()
    out["_p"] = [position.get(k, 0) for k in out["key"]]
    return out.sort_values(["spread", "level", "_p"], ascending=[False, True, True], kind="stable").drop(
        columns="_p").reset_index(drop=True)


def suppressed_sectors(answers: pd.DataFrame) -> dict[int, tuple[str, ...]]:
    """Per round, the sectors with fewer than MIN_GROUP respondents (counted only in all)."""
    sizes = group_sizes(answers)
    small = sizes[sizes["n"] < MIN_GROUP]
    return {int(str(r)): tuple(sorted(g["sector"])) for r, g in small.groupby("round")}


def summarise(answers: pd.DataFrame, statements: pd.DataFrame) -> Summary:
    """The whole summary of the stored answers (empty when none)."""
    if answers.empty or statements.empty:
        return Summary((), {}, pd.DataFrame(columns=SCORE_COLUMNS), pd.DataFrame(columns=CHANGE_COLUMNS),
                       pd.DataFrame(columns=SPREAD_COLUMNS), {})
    rounds = tuple(sorted(int(r) for r in answers["round"].unique()))
    people = answers.drop_duplicates(["round", "respondent"]).groupby("round").size()
    scores = dimension_scores(answers, statements)
    previous = rounds[-2] if len(rounds) > 1 else None
    return Summary(rounds, {int(str(r)): int(n) for r, n in people.items()}, scores,
                   round_changes(scores, previous, rounds[-1]),
                   disagreement(answers, statements, rounds[-1]), suppressed_sectors(answers))
