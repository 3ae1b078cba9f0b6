"""Boundary corrections from the configuration (``[boundaries] corrections``), so that a
duplicate or wrong code is fixed without editing the GIS file.

Applied in order to the features as read (after the filter, before the codes are
checked): ``{ code = "X", new_code = "Y" }`` gives the feature with code X a new
code (``{ feature = 12, new_code = "Y" }`` picks one feature by its number, as the
messages show it, e.g. one of two features sharing a code); ``{ drop = ["Z"] }``
leaves features out; ``{ merge = ["A", "B"], into = "A" }`` joins the features of
those codes (also several features with one code) into one area with code A, A's
name and the sum of their populations. A code no feature has is an error naming
the correction, with close matches; so is a code used by several features where one
feature is meant.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from etl.area_config import Correction
from etl.checks import close_matches
from etl.config import BoundariesConfig
from etl.errors import Problem, excerpt


class Corrector:
    """Applies the corrections of one boundary file and collects their problems."""

    def __init__(self, b: BoundariesConfig, config_file: str, boundary_file: str) -> None:
        self.b, self.config_file, self.boundary_file = b, config_file, boundary_file
        self.problems: list[Problem] = []

    def problem(self, c: Correction, message: str, fix: str, value: object = None) -> None:
        self.problems.append(Problem(self.config_file, f"[boundaries] {c.label}: {message}", fix,
                                     row=self.b.corrections_line, column="boundaries.corrections",
                                     value=value))

    def _rows(self, areas: gpd.GeoDataFrame, c: Correction, code: str) -> np.ndarray | None:
        rows = (areas["code"] == code).to_numpy()
        if rows.any():
            return rows
        codes = sorted(str(x) for x in areas["code"].dropna())
        self.problem(c, f"no feature of {self.boundary_file} has code {excerpt(code)}",
                     "use a code of the boundary file" + close_matches(code, codes), code)
        return None

    def recode(self, areas: gpd.GeoDataFrame, c: Correction) -> gpd.GeoDataFrame:
        if c.feature is not None:
            rows = (areas["feature"] == c.feature).to_numpy()
            if not rows.any():
                self.problem(c, f"{self.boundary_file} has no feature {c.feature} (its features are "
                             f"numbered 1 to {int(areas['feature'].max()) if len(areas) else 0})",
                             "give the number a message shows for the feature", c.feature)
                return areas
        else:
            found = self._rows(areas, c, str(c.code))
            if found is None:
                return areas
            rows = found
            if rows.sum() > 1:
                features = ", ".join(str(f) for f in areas.loc[rows, "feature"])
                self.problem(c, f"code {excerpt(c.code)} is used by features {features}, so it does not "
                             "say which one to recode", "pick one with { feature = N, new_code = ... }, "
                             "or merge them with { merge = [...], into = ... }", c.code)
                return areas
        areas = areas.copy()
        areas.loc[rows, "code"] = c.new_code
        return areas

    def drop(self, areas: gpd.GeoDataFrame, c: Correction) -> gpd.GeoDataFrame:
        gone = np.zeros(len(areas), dtype=bool)
        for code in c.codes:
            rows = self._rows(areas, c, code)
            if rows is not None:
                gone |= rows
        return areas[~gone]

    def merge(self, areas: gpd.GeoDataFrame, c: Correction) -> gpd.GeoDataFrame:
        found = [self._rows(areas, c, code) for code in c.codes]
        if any(rows is None for rows in found):
            return areas
        rows = np.logical_or.reduce([r for r in found if r is not None])
        parts = areas[rows]
        geoms = parts.geometry.to_numpy()
        broken = ~shapely.is_valid(geoms)
        if broken.any():
            features = ", ".join(str(f) for f in parts.loc[broken, "feature"])
            self.problems.append(Problem(self.boundary_file, f"invalid geometry of feature(s) {features} "
                                        f"was repaired before {c.label} merged them", "check the merged "
                                        "area on the map; fix the source to silence this",
                                        column="geometry", severity="warning"))
        union = shapely.union_all(shapely.make_valid(geoms))
        into = parts[(parts["code"] == c.into).to_numpy()]
        population = pd.to_numeric(parts["population"], errors="coerce")
        merged = into.iloc[:1].copy()
        merged["population"] = float(population.sum()) if population.notna().any() else np.nan
        merged = merged.set_geometry(gpd.GeoSeries([union], index=merged.index, crs=areas.crs))
        keep = areas[~rows]
        return pd.concat([keep, merged]).sort_values("feature")


def corrected(areas: gpd.GeoDataFrame, b: BoundariesConfig, config_file: str,
              boundary_file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """``areas`` (feature, code, name, population, geometry) with ``b.corrections`` applied."""
    if not b.corrections:
        return areas, []
    fix = Corrector(b, config_file, boundary_file)
    for c in b.corrections:
        areas = getattr(fix, c.kind)(areas, c)
    return areas, fix.problems

