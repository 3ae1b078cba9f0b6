"""The locator map's geometries: the city outline, the areas of the profile's level and
the area itself (``role``), from the snapshot's display geometries."""

from __future__ import annotations

from typing import Any

from presentation.last import LastOf
from store.read import Snapshot


def _drawable_of(snapshot: Snapshot) -> Any:
    """The snapshot's non-empty geometries with each area's ``level`` and ``prioritized``;
    None without geometries."""
    geoms = snapshot.geometries
    if geoms is None or geoms.empty:
        return None
    areas = snapshot.areas.set_index("code")
    frame = geoms[geoms.geometry.notna() & ~geoms.geometry.is_empty].copy()
    frame["level"] = frame["code"].map(areas["level"])
    frame["prioritized"] = frame["code"].map(areas["prioritized"]).fillna(False).astype(bool)
    return frame


# made once per snapshot (every profile file of a batch draws its locator map): not to be changed
drawable: LastOf[Any] = LastOf(_drawable_of)


def locator_frame(snapshot: Snapshot, code: str, level: str) -> Any:
    """Geometries of the city outline, the areas of ``level`` and this area (``role``)."""
    frame = drawable(snapshot)
    if frame is None:
        return None
    frame = frame[frame["level"].isin((level, "city"))]
    frame["role"] = "peer"
    frame.loc[frame["level"] == "city", "role"] = "city"
    frame.loc[frame["code"].astype(str) == code, "role"] = "area"
    return frame if (frame["role"] == "area").any() else None
