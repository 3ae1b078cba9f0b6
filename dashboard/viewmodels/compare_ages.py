"""The compare grid's age rows: under an indicator loaded in several age groups, one row
per other age group (life expectancy at 65 under life expectancy at birth), judged with the
same rules and redacted like every row (the atlas's cells are), at the row's period."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dashboard.display import comparison_keys
from dashboard.model import Atlas
from dashboard.viewmodels.ages import age_label


def with_age_rows(atlas: Atlas, rows: tuple[Any, ...], codes: list[str], lang: str,
                  cell_of: Any) -> tuple[Any, ...]:
    """``rows`` (``RugRow``) with each banded indicator's other age groups after it;
    ``cell_of`` turns a comparison row (with ``key``) into a ``RugCell``."""
    out: list[Any] = []
    cat = atlas.catalogue()
    city_code = atlas.city_code()
    for row in rows:
        out.append(row)
        ind = row.indicator.id
        groups = atlas.age_groups_of(ind)
        if len(groups) < 2 or not row.period:
            continue
        value_type = str(cat.loc[ind, "value_type"])
        for group in groups[1:]:  # the headline group is the row itself
            cell = atlas.cell(ind, row.period, "total", group)
            if cell.empty:
                continue
            cell = cell.assign(key=comparison_keys(cell))
            lookup = {str(r.area_code): r for r in cell.itertuples(index=False)}
            out.append(replace(row, city=cell_of(lookup.get(city_code)),
                               cells=tuple(cell_of(lookup.get(c)) for c in codes),
                               age=age_label(group, value_type, lang)))
    return tuple(out)
