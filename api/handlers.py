"""What each endpoint answers, from one load batch of a :class:`~api.source.Source`.

A handler takes a :class:`Call` (the source, the checked parameters, the language, the
path's values) and returns rows, a document or a file (``api.render``). A value of the
right shape that names nothing in the store is refused here, naming the parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from api.cities import api_url, registered_records, source_city, unloaded
from api.errors import ApiError, bad_parameter, excerpt
from api.gis import GisRequest, gis_file
from api.params import DEFAULT_LIMIT, LATEST
from api.profile import profile_record
from api.render import Document, File, Rows
from api.source import Source
from api.tables import (
    CITY_FIELDS,
    OpenTable,
    area_rows,
    city_record,
    comparison_rows,
    indicator_records,
    published,
    value_rows,
)

SHOWN_VALID = 12  # valid values an error lists before pointing at the listing endpoint


@dataclass(frozen=True)
class Call:
    source: Source
    args: dict[str, Any]
    lang: str
    path: dict[str, str] = field(default_factory=dict)

    @property
    def table(self) -> OpenTable:
        return published(self.source)

    @property
    def vocabulary(self) -> dict[str, frozenset[str]]:
        """What the parameters may name in this load batch."""

        def build() -> dict[str, frozenset[str]]:
            snap, table = self.source.snapshot(), self.table
            areas, cat = snap.areas, snap.catalogue
            return {
                "indicator": frozenset(cat["id"].astype(str)) if not cat.empty else frozenset(),
                "domain": frozenset(cat["domain"].astype(str)) if not cat.empty else frozenset(),
                "area": frozenset(areas["code"].astype(str)) if not areas.empty else frozenset(),
                "level": frozenset(areas["level"].astype(str)) if not areas.empty else frozenset(),
                "period": frozenset(p for ps in table.periods.values() for p in ps) | {LATEST},
                "age_group": frozenset(a for ags in table.age_groups.values() for a in ags),
            }

        return self.source.derived("api:vocabulary", build)

    def known(self, name: str, hint: str) -> tuple[str, ...]:
        """The values of list parameter ``name``, each one the store knows (else 400)."""
        values: tuple[str, ...] = self.args.get(name) or ()
        valid = self.vocabulary[name]
        for value in values:
            if value not in valid:
                listed = sorted(valid)
                shown = ", ".join(listed[:SHOWN_VALID]) + (", …" if len(listed) > SHOWN_VALID else "")
                raise bad_parameter(name, f"{name} {excerpt(value)} is not in the store. Valid: "
                                    f"{shown or 'none (the store is empty)'}; {hint}.")
        return values

    def meta(self, **extra: Any) -> dict[str, Any]:
        return {"batch": self.source.version(), "lang": self.lang, **extra}


def cities(call: Call) -> Rows:
    """The request's city; for the store's own, it and every city of the store's registry."""
    key, records = source_city(call.source), []
    meta: dict[str, Any] = {"batch": None, "lang": call.lang}
    if not unloaded(call.source):
        snap, meta = call.source.snapshot(), call.meta()
        if snap.city:
            records.append(city_record(snap, call.table, call.lang, key, api_url(key)))
    if key is None:
        records += registered_records(call.source.engine, call.lang)
    return Rows(pd.DataFrame.from_records(records, columns=CITY_FIELDS), meta)


def areas(call: Call) -> Rows:
    frame = area_rows(call.source.snapshot())
    mask = np.ones(len(frame), dtype=bool)
    if codes := call.known("area", "see /api/v1/areas"):
        mask &= frame["code"].astype(str).isin(codes).to_numpy()
    if levels := call.known("level", "see the level of /api/v1/areas"):
        mask &= frame["level"].astype(str).isin(levels).to_numpy()
    if call.args.get("prioritized") is not None:
        mask &= frame["prioritized"].to_numpy(dtype=bool) == call.args["prioritized"]
    frame = frame[mask].reset_index(drop=True)
    if call.args.get("geometry"):
        geoms = call.source.snapshot().geometries
        outlines = ({} if geoms is None else
                    dict(zip(geoms["code"].astype(str), geoms.geometry, strict=True)))
        frame["geometry"] = pd.Series([outlines.get(str(c)) for c in frame["code"]],
                                      index=frame.index, dtype=object)
    return Rows(frame, call.meta())


def indicators(call: Call) -> Rows:
    frame = indicator_records(call.source.snapshot(), call.table, call.lang)
    mask = np.ones(len(frame), dtype=bool)
    if ids := call.known("indicator", "see /api/v1/indicators"):
        mask &= frame["id"].isin(ids).to_numpy()
    if domains := call.known("domain", "see the domain of /api/v1/indicators"):
        mask &= frame["domain"].isin(domains).to_numpy()
    return Rows(frame[mask].reset_index(drop=True), call.meta())


def indicator(call: Call) -> Document:
    ind = call.path["indicator_id"]
    frame = indicator_records(call.source.snapshot(), call.table, call.lang)
    row = frame[frame["id"] == ind]
    if row.empty:
        raise ApiError(404, f"there is no indicator {excerpt(ind)}. Fix: see /api/v1/indicators "
                       "for the ids.", "indicator_id")
    body = {str(k): _plain(v) for k, v in row.iloc[0].to_dict().items()}
    return Document(body, row.reset_index(drop=True), call.meta())


def _selected(call: Call, outcome_column: str | None = None) -> np.ndarray:
    """Positions (in the published order) of the rows that pass every filter of the call;
    each filter reads one column at the candidate positions."""
    table = call.table
    positions = table.order
    if ids := call.known("indicator", "see /api/v1/indicators"):
        # the published order sorts by indicator id first: its groups follow one another
        positions = np.concatenate([table.by_indicator.get(i, np.empty(0, dtype=np.int64))
                                    for i in sorted(ids)])

    def column(name: str) -> pd.Series:
        return table.column(name, positions)

    mask = np.ones(len(positions), dtype=bool)
    filters = (("area", "area_code", "see /api/v1/areas"),
               ("age_group", "age_group", "see the age_groups of /api/v1/indicators"),
               ("level", "level", "see the level of /api/v1/areas"))
    for name, col, hint in filters:
        if wanted := call.known(name, hint):
            mask &= column(col).isin(wanted).to_numpy(dtype=bool)
    if sexes := call.args.get("sex"):
        mask &= column("sex").isin(sexes).to_numpy(dtype=bool)
    if periods := call.known("period", "see the periods of /api/v1/indicators"):
        chosen = column("period").isin([p for p in periods if p != LATEST]).to_numpy(dtype=bool)
        if LATEST in periods:
            chosen = chosen | column("is_latest").to_numpy(dtype=bool)
        mask &= chosen
    if call.args.get("prioritized") is not None:
        mask &= column("prioritized").to_numpy(dtype=bool) == call.args["prioritized"]
    if outcome_column and (outcomes := call.args.get("outcome")):
        mask &= column(outcome_column).isin(outcomes).to_numpy(dtype=bool)
    return positions[mask]


def _page(call: Call, positions: np.ndarray) -> tuple[pd.DataFrame, int]:
    """The rows of the asked page (only those are taken from the table) and the total."""
    limit, offset = call.args.get("limit") or DEFAULT_LIMIT, call.args.get("offset") or 0
    return call.table.take(positions[offset: offset + limit]), len(positions)


def values(call: Call) -> Rows:
    rows, total = _page(call, _selected(call))
    return Rows(value_rows(rows, call.source.snapshot(), call.lang), call.meta(), total=total)


def comparisons(call: Call) -> Rows:
    comparator = call.args["comparator"]
    column = "compared_to_city" if comparator == "city" else "compared_to_rest_of_city"
    rows, total = _page(call, _selected(call, column))
    return Rows(comparison_rows(rows, call.source.snapshot(), call.lang, comparator),
                call.meta(comparator=comparator), total=total)


def profile(call: Call) -> Document:
    code = call.path["area_code"]
    snap = call.source.snapshot()
    if snap.areas.empty or code not in set(snap.areas["code"].astype(str)):
        raise ApiError(404, f"there is no area {excerpt(code)}. Fix: see /api/v1/areas for the "
                       "codes.", "area_code")
    # the area's rows only (issue 14: a worker never reads the whole table for a profile)
    body, table = profile_record(snap, call.source.rows_where(area_code=[code]), code,
                                 call.source.age_groups(), call.lang)
    return Document(body, table, call.meta())


def gis(call: Call) -> File:
    request = GisRequest(fmt=call.args["format"], period=call.args["period"],
                         sex=call.args["sex"], crs=call.args["crs"], lang=call.lang)
    return gis_file(call.source, request)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    return value.item() if hasattr(value, "item") else value
