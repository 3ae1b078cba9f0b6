"""The programme sections of an exported profile (issue #13): what the city is doing in the
area (presentation.cooperation), its places (presentation.cooperation_places) and the
residents' view (presentation.residents), as the :class:`reports.profile.Profile` fields
every renderer reads."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import headline_rows
from presentation.cooperation import cooperation
from presentation.cooperation_places import area_places
from presentation.residents import residents_view
from store.read import Snapshot


def programme_fields(snapshot: Snapshot, rows: pd.DataFrame, ages: pd.Series, code: str, area_name: str,
                     lang: str) -> dict[str, Any]:
    """``cooperation``, ``places`` and ``residents`` of area ``code`` in ``lang``; ``rows`` are
    the area's judged rows (``reports.build``), whose headline rows give the residents'
    indicators (their judgement against the profile's comparator)."""
    programme = snapshot.programme
    city_code = str(snapshot.city.get("code", ""))
    headline = headline_rows(rows, age_groups=ages) if not rows.empty else rows
    return {
        "cooperation": cooperation(programme, code, area_name, city_code, lang),
        "places": area_places(programme, code, lang),
        "residents": residents_view(snapshot.catalogue, headline, snapshot.notes, code, lang,
                                    compared="compared_to_comparator"),
    }
