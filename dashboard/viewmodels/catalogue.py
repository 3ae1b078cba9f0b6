"""The indicator catalogue as pages read it: an indicator's name, unit and decimals in
a language, and the domains in the catalogue's order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.display import number_format
from dashboard.model import Atlas
from presentation.i18n import indicator_name


@dataclass(frozen=True)
class IndicatorInfo:
    """How one indicator reads on a page in one language."""

    id: str
    name: str
    decimals: int
    unit: str  # in the page's language ("" when it has none)
    polarity: str


def info_of(cat: Any, lang: str) -> IndicatorInfo:
    """The :class:`IndicatorInfo` of a catalogue row."""
    decimals, unit = number_format(cat, lang)
    return IndicatorInfo(str(cat["id"]), indicator_name(cat, lang), decimals, unit, str(cat["polarity"]))


def indicator_info(atlas: Atlas, indicator_id: str, lang: str) -> IndicatorInfo:
    return info_of(atlas.catalogue().loc[indicator_id], lang)


def domains_in_order(atlas: Atlas) -> list[str]:
    """Domains in the catalogue's order of first appearance."""
    return list(dict.fromkeys(atlas.catalogue()["domain"].astype(str)))


def by_domain(atlas: Atlas) -> list[tuple[str, list[Any]]]:
    """The catalogue's rows grouped by domain, both in the catalogue's order (made once per
    load batch: the rows are shared, not to be changed)."""
    def build() -> list[tuple[str, list[Any]]]:
        cat = atlas.catalogue()
        domains = cat["domain"].astype(str)
        return [(domain, [row for _id, row in cat[domains == domain].iterrows()])
                for domain in domains_in_order(atlas)]

    return list(atlas.derived("catalogue-by-domain", build))
