"""What the /collaboration page shows of the self-assessment: one round's scores by
dimension and sector, the change since the round before and where the sectors disagree
most, labelled in the page's language (presentation.assessment does the arithmetic)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.model import Atlas
from presentation.assessment import ALL, Summary, summarise
from presentation.i18n import t

DISAGREE_SHOWN = 6  # rows of "where the sectors disagree most"


@dataclass(frozen=True)
class Group:
    code: str  # a sector code, or "all"
    label: str
    n: int  # respondents in the round


@dataclass(frozen=True)
class Change:
    dimension: str  # code
    group: str  # a sector code, or "all"
    before: float
    after: float
    change: float


@dataclass(frozen=True)
class Spread:
    what: str  # the dimension's name, or the statement's id and text
    dimension: str
    spread: float
    high: str
    high_mean: float
    low: str
    low_mean: float


@dataclass(frozen=True)
class CollaborationModel:
    rounds: tuple[int, ...] = ()
    round: int | None = None
    previous: int | None = None
    dimensions: tuple[tuple[str, str], ...] = ()  # (code, label) in the questionnaire's order
    groups: tuple[Group, ...] = ()  # all first, then the shown sectors
    means: dict[tuple[str, str], float] = field(default_factory=dict)  # (dimension, group) -> mean
    changes: tuple[Change, ...] = ()
    spreads: tuple[Spread, ...] = ()
    suppressed: tuple[str, ...] = ()  # labels of the sectors counted only in all
    has_form: bool = False  # the questionnaire's statements are stored (the form can be made)

    @property
    def empty(self) -> bool:
        return self.round is None


def _sector(code: str, lang: str) -> str:
    return t(f"assess.sector.{code}", lang)


def _summary(atlas: Atlas, round_: int | None) -> tuple[Summary, tuple[int, ...], pd.DataFrame]:
    answers = atlas.snapshot().programme["assessment_answers"]
    statements = atlas.snapshot().programme["assessment_statements"]
    rounds = tuple(sorted(int(r) for r in answers["round"].unique()))
    chosen = round_ if round_ in rounds else (rounds[-1] if rounds else None)
    mine = answers[answers["round"] <= chosen] if chosen is not None else answers
    return summarise(mine, statements), rounds, statements


def _spreads(summary: Summary, statements: pd.DataFrame, lang: str) -> tuple[Spread, ...]:
    texts = statements.set_index("id")[f"text_{lang}"]
    out = []
    for row in summary.spreads.head(DISAGREE_SHOWN).to_dict("records"):
        what = (t(f"assess.dim.{row['key']}", lang) if row["level"] == "dimension"
                else f"{row['key']}: {texts.get(row['key'], '')}")
        out.append(Spread(what, t(f"assess.dim.{row['dimension']}", lang), float(row["spread"]),
                          _sector(str(row["high"]), lang), float(row["high_mean"]),
                          _sector(str(row["low"]), lang), float(row["low_mean"])))
    return tuple(out)


def collaboration_model(atlas: Atlas, round_: int | None, lang: str) -> CollaborationModel:
    """The page's model for ``round_`` (None or unknown: the latest) in ``lang``."""
    summary, rounds, statements = _summary(atlas, round_)
    has_form = not statements.empty
    if summary.latest is None:
        return CollaborationModel(rounds=rounds, has_form=has_form)
    latest = summary.latest
    scores = summary.scores[summary.scores["round"] == latest]
    order = list(dict.fromkeys(statements.sort_values("position")["dimension"]))
    n = scores.groupby("group")["n"].max()
    groups = [Group(ALL, t("assess.sector.all", lang), summary.respondents[latest])]
    sectors = sorted((g for g in n.index if g != ALL), key=lambda g: _sector(g, lang))
    groups += [Group(g, _sector(g, lang), int(n[g])) for g in sectors]
    changes = tuple(Change(str(r["dimension"]), str(r["group"]), float(r["before"]), float(r["after"]),
                           float(r["change"])) for r in summary.changes.to_dict("records"))
    return CollaborationModel(
        rounds=rounds, round=latest, previous=summary.previous,
        dimensions=tuple((d, t(f"assess.dim.{d}", lang)) for d in order), groups=tuple(groups),
        means={(str(r["dimension"]), str(r["group"])): float(r["mean"]) for r in scores.to_dict("records")},
        changes=changes, spreads=_spreads(summary, statements, lang),
        suppressed=tuple(sorted(_sector(s, lang) for s in summary.suppressed.get(latest, ()))),
        has_form=has_form,
    )

