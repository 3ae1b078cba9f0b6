"""The enumerations of the programme register and the Swedish and Polish words accepted
for them (docs/programmes.md): sectors, institution types, statuses, target directions
and sexes. A cell is matched case-insensitively, with spaces, hyphens and underscores
alike; anything else is an error that lists the values and suggests close matches.
"""

from __future__ import annotations

import re

from store.programme_schema import (
    INITIATIVE_STATUSES,
    INSTITUTION_TYPES,
    SECTORS,
    TARGET_DIRECTIONS,
)

SEXES = ("total", "female", "male")

_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "sector": {
        "education": ("utbildning", "skola", "edukacja", "oświata"),
        "employment": ("employment and economy", "arbete", "sysselsättning", "arbete och ekonomi",
                       "zatrudnienie", "praca", "zatrudnienie i gospodarka"),
        "community_life": ("community", "fritid", "föreningsliv", "samhällsliv", "gemenskap",
                           "życie społeczne", "społeczność", "życie wspólnoty"),
        "housing": ("boende", "bostad", "mieszkalnictwo", "mieszkania"),
        "health": ("hälsa", "zdrowie"),
        "safety": ("trygghet", "säkerhet", "bezpieczeństwo"),
        "environment": ("miljö", "närmiljö", "środowisko"),
    },
    "type": {
        "municipal_department": ("municipality", "förvaltning", "kommunal förvaltning", "kommunen",
                                 "wydział", "urząd miasta", "wydział urzędu miasta"),
        "school": ("skola", "szkoła"),
        "social_welfare": ("socialtjänst", "socialtjänsten", "pomoc społeczna", "mops", "ops"),
        "labour_office": ("arbetsförmedlingen", "arbetsförmedling", "urząd pracy", "pup"),
        "police": ("polis", "polisen", "policja"),
        "health_care": ("healthcare", "vård", "hälso- och sjukvård", "vårdcentral", "region",
                        "ochrona zdrowia", "opieka zdrowotna"),
        "ngo": ("förening", "ideell förening", "civilsamhälle", "organizacja pozarządowa",
                "stowarzyszenie", "fundacja"),
        "housing_company": ("bostadsbolag", "fastighetsägare", "spółdzielnia mieszkaniowa", "tbs",
                            "zarządca nieruchomości"),
        "business": ("företag", "näringsliv", "przedsiębiorstwo", "firma", "biznes"),
        "residents_group": ("residents", "boendegrupp", "invånargrupp", "grupa mieszkańców",
                            "rada osiedla"),
    },
    "status": {
        "planned": ("planerad", "planerat", "planowana", "planowane", "zaplanowana"),
        "ongoing": ("pågående", "pågår", "w realizacji", "realizowana", "trwająca", "trwa"),
        "completed": ("done", "finished", "avslutad", "avslutat", "genomförd", "genomfört",
                      "zakończona", "zakończone", "zrealizowana"),
        "stopped": ("cancelled", "canceled", "avbruten", "avbrutet", "stoppad", "wstrzymana",
                    "przerwana"),
    },
    "direction": {
        "increase": ("up", "higher", "öka", "ökning", "höja", "wzrost", "zwiększenie", "wzrosnąć"),
        "decrease": ("down", "lower", "minska", "minskning", "sänka", "spadek", "zmniejszenie",
                     "spaść"),
    },
    "sex": {
        "total": ("all", "totalt", "alla", "båda", "ogółem", "razem", "t"),
        "female": ("women", "kvinnor", "kvinna", "flickor", "kobiety", "k", "f"),
        "male": ("men", "män", "man", "pojkar", "mężczyźni", "m"),
    },
}
ALLOWED: dict[str, tuple[str, ...]] = {
    "sector": SECTORS, "type": INSTITUTION_TYPES, "status": INITIATIVE_STATUSES,
    "direction": TARGET_DIRECTIONS, "sex": SEXES,
}


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.casefold()).strip()


_LOOKUP: dict[str, dict[str, str]] = {
    column: {_key(v): v for v in ALLOWED[column]}
    | {_key(a): value for value, aliases in by_value.items() for a in aliases}
    for column, by_value in _ALIASES.items()
}


def canonical(column: str, text: str) -> str | None:
    """The stored value of ``text`` in enumeration ``column`` (sector, type, status,
    direction, sex), or None when it is none of them nor of their aliases."""
    return _LOOKUP[column].get(_key(text))


def words(column: str) -> list[str]:
    """Every accepted spelling of ``column``'s values (for close matches)."""
    return [*ALLOWED[column], *(a for aliases in _ALIASES[column].values() for a in aliases)]
