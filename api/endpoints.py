"""Every endpoint of the read API, declared as data: its address, parameters, formats and
the shape of its rows. The blueprint routes from this list and the OpenAPI document is
written from it, so the two cannot disagree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api import handlers
from api.handlers import Call
from api.params import (
    AGE_GROUP,
    AREA,
    AREA_CODE,
    CITY,
    COMPARATOR,
    CRS,
    DOMAIN,
    FORMAT,
    GEOMETRY,
    GIS_FORMAT,
    GIS_PERIOD,
    GIS_SEX,
    INDICATOR,
    INDICATOR_ID,
    LANG,
    LEVEL,
    OUTCOME,
    PAGING,
    PERIOD,
    PRIORITIZED,
    SEX,
    Param,
)
from api.render import PREFIX, Document, File, Rows
from api.schemas import components

VERSION = "1.0.0"
TABLE_FORMATS = ("json", "csv")


@dataclass(frozen=True)
class Endpoint:
    name: str
    rule: str  # below PREFIX, Flask style: /indicators/<indicator_id>
    summary: str
    description: str
    params: tuple[Param, ...]
    handler: Callable[[Call], Rows | Document | File]
    formats: tuple[str, ...] = TABLE_FORMATS
    schema: str = ""  # components.schemas name of one row (or of the document)
    listing: bool = True  # a page of rows (else one document or a file)
    registry: bool = False  # the answer reads the store's registry of cities too

    @property
    def path(self) -> str:
        """The OpenAPI path: /api/v1/indicators/{indicator_id}."""
        return PREFIX + self.rule.replace("<", "{").replace(">", "}")


FILTERS = (INDICATOR, AREA, PERIOD, SEX, AGE_GROUP, LEVEL, PRIORITIZED)
ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("cities", "/cities", "The cities this atlas holds",
             "One row per city: its key (city; null for the store's own), its names, how many "
             "areas and indicators it has, its periods and load batch, and the address of its "
             "API. A one-city store has one row; a many-city store lists its own city (when it "
             "has data) and every city loaded under a key (periods and synthetic are null on "
             "those rows: ask with city=<key> for the full row).",
             (LANG, FORMAT, CITY), handlers.cities, schema="City", registry=True),
    Endpoint("areas", "/areas", "Areas",
             "The areas and the whole-city row. With geometry=true, JSON answers are GeoJSON "
             "(application/geo+json) and CSV has a WKT column.",
             (AREA, LEVEL, PRIORITIZED, GEOMETRY, FORMAT, *PAGING, CITY), handlers.areas,
             schema="Area"),
    Endpoint("indicators", "/indicators", "Indicator catalogue",
             "What each indicator is, in the chosen language: name, description, definition, "
             "unit, polarity, value type, source, method, decimals, periods.",
             (INDICATOR, DOMAIN, LANG, FORMAT, *PAGING, CITY), handlers.indicators, schema="Indicator"),
    Endpoint("indicator", "/indicators/<indicator_id>", "One indicator",
             "The catalogue entry of one indicator.", (INDICATOR_ID, LANG, FORMAT, CITY),
             handlers.indicator, schema="Indicator", listing=False),
    Endpoint("values", "/values", "Values with confidence intervals",
             "One row per indicator, area, period, sex and age group. Suppressed values are "
             "null (status says why), as are the numbers they could be recovered from.",
             (*FILTERS, LANG, FORMAT, *PAGING, CITY), handlers.values, schema="Value"),
    Endpoint("comparisons", "/comparisons", "Areas compared with the city",
             "Each value compared with the whole city or with the rest of the city "
             "(comparator), with trends, ranks and quintiles.",
             (*FILTERS, COMPARATOR, OUTCOME, LANG, FORMAT, *PAGING, CITY), handlers.comparisons,
             schema="Comparison"),
    Endpoint("profile", "/profiles/<area_code>", "An area's profile",
             "The area, its summary counts per domain, one headline row per indicator (the rows "
             "its profile shows) and its notes. CSV holds the indicator rows.",
             (AREA_CODE, LANG, FORMAT, CITY), handlers.profile, schema="Profile", listing=False),
    Endpoint("gis", "/gis", "Areas with their values, for GIS",
             "A GeoPackage (layer areas, table indicators) or GeoJSON (layer areas): one "
             "feature per area, per indicator the columns <id>_value, <id>_lower_ci95, "
             "<id>_upper_ci95, <id>_compared_to_city, <id>_trend and <id>_period.",
             (GIS_FORMAT, GIS_PERIOD, GIS_SEX, CRS, LANG, CITY), handlers.gis,
             formats=("gpkg", "geojson"), listing=False),
)

DESCRIPTION = """Read-only access to the neighbourhood well-being atlas: the city, its areas,
the indicator catalogue, values with confidence intervals, comparisons with the city, area
profiles and GIS files. A store holding many cities answers for the city its city parameter
names (its key, see /api/v1/cities; absent: the store's own city), and keeps it in every
link it makes. Suppressed values are never returned. Answers carry an ETag and
Cache-Control keyed by the load batch; send If-None-Match to get 304 until the next refresh.
JSON or CSV by the format parameter or the Accept header. Errors are JSON:
{"error": {"status", "message", "parameter"}}."""


def _responses(endpoint: Endpoint) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{endpoint.schema}"} if endpoint.schema else {}
    content: dict[str, Any]
    if endpoint.name == "gis":
        content = {"application/geopackage+sqlite3": {"schema": {"type": "string",
                                                                 "format": "binary"}},
                   "application/geo+json": {"schema": {"type": "object"}}}
    elif endpoint.listing:
        content = {"application/json": {"schema": {
            "type": "object", "required": ["data", "meta"],
            "properties": {"data": {"type": "array", "items": ref},
                           "meta": {"$ref": "#/components/schemas/Meta"}}}},
            "text/csv": {"schema": {"type": "string"}}}
        if endpoint.name == "areas":
            content["application/geo+json"] = {"schema": {"type": "object"}}
    else:
        content = {"application/json": {"schema": {
            "type": "object", "required": ["data", "meta"],
            "properties": {"data": ref, "meta": {"$ref": "#/components/schemas/Meta"}}}},
            "text/csv": {"schema": {"type": "string"}}}
    error = {"description": "The request cannot be served; the message says what to change.",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {"200": {"description": "OK", "content": content},
            "304": {"description": "Not modified since the ETag sent in If-None-Match."},
            "400": error, "404": error, "406": error, "503": error}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API."""
    paths = {endpoint.path: {"get": {
        "operationId": endpoint.name, "summary": endpoint.summary,
        "description": endpoint.description,
        "parameters": [p.openapi() for p in endpoint.params],
        "responses": _responses(endpoint)}} for endpoint in ENDPOINTS}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Neighbourhood well-being atlas: read API", "version": VERSION,
                 "description": DESCRIPTION},
        "paths": paths, "components": {"schemas": components()},
    }
