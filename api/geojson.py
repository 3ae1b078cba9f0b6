"""A page of areas as GeoJSON: a FeatureCollection whose features carry the area's fields,
with the page's ``meta`` as a foreign member (RFC 7946, section 6.1)."""

from __future__ import annotations

import json
from typing import Any

import shapely

from api.render import Page


def feature_collection(page: Page, meta: dict[str, Any]) -> str:
    rows = page.rows
    properties = rows.drop(columns="geometry")
    clean = properties.astype(object).where(properties.notna(), None)
    features = [
        {"type": "Feature", "id": str(props["code"]),
         "geometry": None if geom is None else shapely.geometry.mapping(geom),
         "properties": {k: (v.item() if hasattr(v, "item") else v) for k, v in props.items()}}
        for props, geom in zip(clean.to_dict("records"), rows["geometry"], strict=True)]
    paging = {"total": page.total, "limit": page.limit, "offset": page.offset,
              "returned": len(rows), "next": page.next_url}
    return json.dumps({"type": "FeatureCollection", "features": features,
                       "meta": {**meta, **paging}}, ensure_ascii=False)
