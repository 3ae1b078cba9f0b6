"""What the pickers offer: the indicators by domain, an indicator's periods and sexes,
the areas by name."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.model import Atlas
from dashboard.viewmodels.catalogue import by_domain
from presentation.i18n import domain_name, indicator_name


@dataclass(frozen=True)
class DomainGroup:
    """One domain of the indicator menu: its name and its indicators (id, name)."""

    domain: str
    name: str
    indicators: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Choices:
    """The indicator menu, and the periods (time order) and sexes of the chosen indicator."""

    menu: tuple[DomainGroup, ...]
    periods: tuple[str, ...]
    sexes: tuple[str, ...]


def indicator_menu(atlas: Atlas, lang: str) -> tuple[DomainGroup, ...]:
    """Every indicator under its domain, names in ``lang`` (memoized per load batch)."""

    def build() -> tuple[DomainGroup, ...]:
        return tuple(DomainGroup(domain, domain_name(domain, lang),
                                 tuple((str(row["id"]), indicator_name(row, lang)) for row in rows))
                     for domain, rows in by_domain(atlas))

    return atlas.cached(("indicator-menu", lang), build)


def choices(atlas: Atlas, indicator_id: str | None, lang: str) -> Choices:
    """What the indicator, period and sex pickers of ``indicator_id`` offer."""
    periods = atlas.periods(indicator_id) if indicator_id else []
    sexes = atlas.sexes(indicator_id) if indicator_id else ["total"]
    return Choices(indicator_menu(atlas, lang), tuple(periods), tuple(sexes))


def area_names(atlas: Atlas) -> tuple[tuple[str, str], ...]:
    """The mapped areas as (code, name), in name order."""
    return atlas.derived("area-names", lambda: tuple(
        (str(code), str(name)) for code, name in atlas.areas()["name"].items()))
