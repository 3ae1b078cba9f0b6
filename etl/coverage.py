"""The areas as a coverage: overlaps and gaps between neighbours, the union, and
display simplification that keeps shared borders shared.

All functions take geometries in a metre CRS. A valid coverage (no overlaps,
shared borders match exactly) takes the fast GEOS coverage path; anything else
falls back to pairwise checks and a full union.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from etl.errors import Problem, excerpt, listing, reason

# Overlaps and gaps smaller than SLIVER_FRACTION of a median-sized area (and at
# least SLIVER_M2) are slivers from digitising or simplifying: counted, not listed.
SLIVER_M2 = 1.0
SLIVER_FRACTION = 1e-3
# Display tolerance = this fraction of the side of a median-sized area.
SIMPLIFY_FRACTION = 0.01
POLYGON_TYPE_ID = 3
MULTIPOLYGON_TYPE_ID = 6
INTERIOR_OVERLAP = "2********"  # DE-9IM: the interiors share an area


@dataclass
class Findings:
    """Warnings about the coverage, as (message, fix, value) triples."""

    warnings: list[tuple[str, str, str | None]] = field(default_factory=list)

    def problems(self, file: str) -> list[Problem]:
        return [Problem(file, m, f, value=v, severity="warning") for m, f, v in self.warnings]


def as_multipolygons(geoms: np.ndarray) -> np.ndarray:
    """The polygonal parts of each geometry as one MultiPolygon (empty when there are none)."""
    types = shapely.get_type_id(geoms)
    if (types == MULTIPOLYGON_TYPE_ID).all():
        return np.asarray(geoms, dtype=object).copy()
    if (types == POLYGON_TYPE_ID).all() and not shapely.is_empty(geoms).any():
        return np.asarray(shapely.multipolygons(geoms, indices=np.arange(len(geoms))))
    parts, idx = shapely.get_parts(geoms, return_index=True)
    inner, inner_idx = shapely.get_parts(parts, return_index=True)
    idx = idx[inner_idx]
    polygons = shapely.get_type_id(inner) == POLYGON_TYPE_ID
    out = np.full(len(geoms), None, dtype=object)
    if polygons.any():
        shapely.multipolygons(inner[polygons], indices=idx[polygons], out=out)
    empty = pd.isna(out)
    out[empty] = [shapely.MultiPolygon() for _ in range(int(empty.sum()))]
    return out


def sliver_m2(geoms: np.ndarray) -> float:
    return max(SLIVER_M2, SLIVER_FRACTION * float(np.median(shapely.area(geoms))))


def check_coverage(geoms: np.ndarray, codes: np.ndarray) -> tuple[shapely.Geometry, Findings]:
    """Overlaps and gaps between neighbours, and the union of all areas."""
    found = Findings()
    sliver = sliver_m2(geoms)
    tree = shapely.STRtree(geoms)
    # An exact coverage union (as large as the areas together) means no overlaps.
    union, overlaps = coverage_union(geoms), np.empty(0)
    if union is None:
        overlaps = _overlaps(geoms, codes, tree, sliver, found)
        union = shapely.union_all(geoms)
    gaps = _gaps(union, geoms, tree)
    for gap, size in gaps:
        if size >= sliver:
            touching = sorted(codes[tree.query(gap, predicate="intersects")])
            found.warnings.append(
                (
                    f"gap of {size:,.0f} m² covered by no area, bordered by {listing(touching)}",
                    "make neighbours share their border, or ignore this if the gap is not the "
                    "city's (a lake, an enclave)",
                    "/".join(touching),
                )
            )
    small = int((overlaps < sliver).sum()) + sum(size < sliver for _, size in gaps)
    if small:
        found.warnings.append(
            (
                f"{small} overlap(s) or gap(s) smaller than {sliver:,.0f} m² between neighbours "
                "were ignored as slivers",
                "nothing to do; borders that match exactly avoid them",
                None,
            )
        )
    return union, found


def _overlaps(
    geoms: np.ndarray, codes: np.ndarray, tree: shapely.STRtree, sliver: float, found: Findings
) -> np.ndarray:
    """Areas of overlap between neighbours whose borders do not match; warn above ``sliver``."""
    suspect = np.flatnonzero(~shapely.is_empty(shapely.coverage_invalid_edges(geoms)))
    left, right = tree.query(geoms[suspect], predicate="intersects")
    left = suspect[left]
    pair = left < right
    left, right = left[pair], right[pair]
    inside = shapely.relate_pattern(geoms[left], geoms[right], INTERIOR_OVERLAP)
    left, right = left[inside], right[inside]
    sizes = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    for i, j, size in zip(left, right, sizes, strict=True):
        if size >= sliver:
            found.warnings.append(
                (
                    f"areas {excerpt(codes[i])} and {excerpt(codes[j])} overlap by {size:,.0f} m²",
                    "make neighbouring polygons share their border exactly",
                    f"{codes[i]}/{codes[j]}",
                )
            )
    return np.asarray(sizes)


def _gaps(
    union: shapely.Geometry, geoms: np.ndarray, tree: shapely.STRtree
) -> list[tuple[shapely.Geometry, float]]:
    """Holes in the union (places no area covers) and their size minus islands inside."""
    polygons = shapely.get_parts(as_multipolygons(np.array([union]))[0])
    holes = np.array([shapely.Polygon(r) for p in polygons for r in p.interiors], dtype=object)
    if not len(holes):
        return []
    hole_idx, area_idx = tree.query(holes, predicate="contains")
    islands = np.bincount(hole_idx, weights=shapely.area(geoms[area_idx]), minlength=len(holes))
    return list(zip(holes, shapely.area(holes) - islands, strict=True))


def coverage_union(geoms: np.ndarray) -> shapely.Geometry | None:
    """GEOS's fast coverage union, or None when it is not exact (the areas overlap or
    their shared borders do not match): then only a full union is right."""
    try:
        fast = shapely.coverage_union_all(geoms)
    except shapely.errors.GEOSException:  # "incorrectly noded": not a clean coverage
        return None
    total = float(shapely.area(geoms).sum())
    exact = shapely.is_valid(fast) and abs(fast.area - total) <= 1e-9 * total
    return fast if exact else None


def union_of(geoms: np.ndarray) -> shapely.Geometry:
    """The union of the areas: the fast coverage union when exact, a full union otherwise."""
    fast = coverage_union(geoms)
    return fast if fast is not None else shapely.union_all(geoms)


def simplify_tolerance(geoms: np.ndarray) -> float:
    """Display tolerance in metres, relative to the size of a median area."""
    return SIMPLIFY_FRACTION * float(np.sqrt(np.median(shapely.area(geoms))))


def display_geometries(geoms: np.ndarray) -> tuple[np.ndarray, Findings]:
    """Simplified shapes that still share borders (coverage simplification)."""
    found = Findings()
    tolerance = simplify_tolerance(geoms)
    try:
        simple = shapely.coverage_simplify(geoms, tolerance)
    except Exception as exc:  # GEOS raises on coverages it cannot handle
        found.warnings.append(
            (
                f"coverage simplification failed ({reason(exc)}); areas were simplified one by one, "
                "so neighbours' borders may not match exactly on the map",
                "repair overlaps between areas in the source",
                None,
            )
        )
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    bad = ~shapely.is_valid(simple) | shapely.is_empty(simple)
    simple[bad] = geoms[bad]
    return as_multipolygons(simple), found
