"""The area profile's programme sections (issue #13): what the city is doing in the area
(``presentation.cooperation``), the places in it (``presentation.cooperation_places``) and
the residents' view (``presentation.residents``), each memoized per area and language."""

from __future__ import annotations

import pandas as pd

from dashboard.model import Atlas
from dashboard.viewmodels.profile import latest_rows
from presentation.cooperation import Cooperation, cooperation
from presentation.cooperation_places import AreaPlaces, area_places
from presentation.residents import ResidentsView, residents_view
from presentation.residents import flagged as flagged_ids


def _area_name(atlas: Atlas, code: str) -> str:
    return str(atlas.areas().loc[code, "name"])


def area_cooperation(atlas: Atlas, code: str, lang: str) -> Cooperation | None:
    """The area's initiatives by sector, the sector × institution-type matrix and the gaps;
    None when the city has no initiative register."""
    return atlas.cached(("area-cooperation", code, lang), lambda: cooperation(
        atlas.snapshot().programme, code, _area_name(atlas, code), atlas.city_code(), lang))


def places_of(atlas: Atlas, code: str, lang: str) -> AreaPlaces | None:
    """The area's places per category; None when the city has no places."""
    return atlas.cached(("area-places", code, lang), lambda: area_places(atlas.snapshot().programme, code, lang))


def _respondents(atlas: Atlas, code: str, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (headline rows) with the denominator of each (the cell's row of the area):
    the dashboard's table leaves it out; a suppressed row's is blank."""
    found = []
    for r in rows.to_dict("records"):
        cell = atlas.cell(str(r["indicator_id"]), str(r["period"]), "total", str(r.get("age_group", "all")))
        own = cell[cell["area_code"].astype(str) == code]
        found.append(own["denominator"].iloc[0] if not own.empty and "denominator" in own else None)
    return rows.assign(denominator=found)


def residents_of(atlas: Atlas, code: str, lang: str) -> ResidentsView | None:
    """The residents' view indicators (their headline rows; ``compared`` is the row's
    swatch key), with the respondents, and the quotes; None when there are neither."""

    def build() -> ResidentsView | None:
        catalogue = atlas.catalogue().reset_index(drop=True)
        flagged = set(flagged_ids(catalogue))
        rows = latest_rows(atlas, code)
        rows = _respondents(atlas, code, rows[rows["indicator_id"].isin(flagged)])
        return residents_view(catalogue, rows, atlas.snapshot().notes, code, lang, compared="key")

    return atlas.cached(("area-residents", code, lang), build)
