"""The API's parameters, declared once as data: the request checks and the OpenAPI
document both read them, so what is documented is what is accepted.

A list parameter takes comma-separated values and may be repeated
(``?area=A1,A2&area=A3``). Every value is checked before a handler runs: its length,
no control characters, its vocabulary or range. A value of the right shape that names
nothing in the store (an unknown indicator) is the handler's to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from api.errors import bad_parameter, excerpt
from indicators import COMPARISONS
from settings.languages import LANGS
from store.cities import SLUG
from store.schema import SEXES

MAX_TEXT = 200  # characters of one value (ids are at most 100 in the store)
MAX_ITEMS = 500  # values of one list parameter
DEFAULT_LIMIT = 10_000
MAX_LIMIT = 100_000
LATEST = "latest"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no")


@dataclass(frozen=True)
class Param:
    """One parameter: how it is documented and how its raw text becomes a value."""

    name: str
    description: str
    kind: str = "list"  # "text" (one value), "list", "integer", "boolean"
    choices: tuple[str, ...] = ()
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    example: str = ""
    location: str = "query"  # or "path"
    pattern: str = ""  # a regular expression a text value must match in full ...
    shape: str = ""  # ... and what it says in words, for the 400 that refuses a value

    def schema(self) -> dict[str, Any]:
        """The parameter's OpenAPI schema."""
        if self.kind == "integer":
            schema: dict[str, Any] = {"type": "integer"}
            schema.update({k: v for k, v in (("minimum", self.minimum), ("maximum", self.maximum))
                           if v is not None})
        elif self.kind == "boolean":
            schema = {"type": "boolean"}
        elif self.kind == "list" and self.choices:
            schema = {"type": "array", "items": {"type": "string", "enum": list(self.choices)},
                      "maxItems": MAX_ITEMS}
        elif self.kind == "list":
            schema = {"type": "array", "items": {"type": "string", "maxLength": MAX_TEXT},
                      "maxItems": MAX_ITEMS}
        else:
            schema = {"type": "string", "maxLength": MAX_TEXT}
            if self.choices:
                schema["enum"] = list(self.choices)
            if self.pattern:
                schema["pattern"] = f"^{self.pattern}$"
        if self.default is not None:
            schema["default"] = self.default
        return schema

    def openapi(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "in": self.location,
                               "required": self.location == "path",
                               "description": self.description, "schema": self.schema()}
        if self.kind == "list":
            out.update(style="form", explode=False)
        if self.example:
            out["example"] = self.example.split(",") if self.kind == "list" else self._typed(self.example)
        return out

    def _typed(self, text: str) -> Any:
        if self.kind == "integer":
            return int(text)
        if self.kind == "boolean":
            return text in TRUE
        return text

    def parse(self, raw: list[str]) -> Any:
        """The value of this parameter from its raw texts (400 naming it when they are wrong)."""
        if self.kind == "list":
            items = [item.strip() for text in raw for item in text.split(",")]
            if len(items) > MAX_ITEMS:
                raise bad_parameter(self.name, f"{self.name} has {len(items)} values; at most "
                                    f"{MAX_ITEMS} are accepted. Fix: split the request.")
            return tuple(dict.fromkeys(self._checked(item) for item in items))
        if len(raw) > 1:
            raise bad_parameter(self.name, f"{self.name} is given {len(raw)} times. Fix: give it once.")
        text = self._checked(raw[0].strip())
        if self.kind == "integer":
            return self._integer(text)
        if self.kind == "boolean":
            if text.lower() not in TRUE + FALSE:
                raise bad_parameter(self.name, f"{self.name} is {excerpt(text)}, not true or false.")
            return text.lower() in TRUE
        return text

    def _checked(self, text: str) -> str:
        if not text:
            raise bad_parameter(self.name, f"{self.name} has an empty value. Fix: give a value "
                                "or leave the parameter out.")
        if len(text) > MAX_TEXT:
            raise bad_parameter(self.name, f"{self.name} is {len(text)} characters long; at most "
                                f"{MAX_TEXT} are accepted.")
        if CONTROL.search(text):
            raise bad_parameter(self.name, f"{self.name} {excerpt(text)} holds a control or "
                                "invisible character.")
        if self.choices and self.kind in ("text", "list") and text not in self.choices:
            raise bad_parameter(self.name, f"{self.name} {excerpt(text)} is not one of "
                                f"{', '.join(self.choices)}.")
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise bad_parameter(self.name, f"{self.name} {excerpt(text)} is not {self.shape}.")
        return text

    def _integer(self, text: str) -> int:
        if not re.fullmatch(r"[0-9]{1,12}", text):
            raise bad_parameter(self.name, f"{self.name} is {excerpt(text)}, not a whole number "
                                "of at most 12 digits.")
        value = int(text)
        if self.minimum is not None and value < self.minimum:
            raise bad_parameter(self.name, f"{self.name} is {value}; the least is {self.minimum}.")
        if self.maximum is not None and value > self.maximum:
            raise bad_parameter(self.name, f"{self.name} is {value}; the most is {self.maximum}.")
        return value


def parse_query(args: Mapping[str, list[str]], accepted: tuple[Param, ...]) -> dict[str, Any]:
    """Every accepted parameter's value (its default when absent); an unknown name is a 400
    that lists the valid ones (a typo must not silently widen a query)."""
    by_name = {p.name: p for p in accepted if p.location == "query"}
    unknown = sorted(set(args) - set(by_name))
    if unknown:
        name = unknown[0]
        raise bad_parameter(name, f"unknown parameter {excerpt(name)}. Valid here: "
                            f"{', '.join(sorted(by_name)) or 'none'}.")
    return {name: (param.parse(args[name]) if name in args else param.default)
            for name, param in by_name.items()}


def parse_path(name: str, value: str, accepted: tuple[Param, ...]) -> str:
    """A path parameter's value, checked like a query one."""
    param = next(p for p in accepted if p.name == name and p.location == "path")
    return str(param.parse([value]))


LIST_NOTE = " Comma-separated; may be repeated."
LANG = Param("lang", "Language of names and texts (default: the server's WELLBEING_LANG).",
             kind="text", choices=LANGS, example="en")
FORMAT = Param("format", "Response format; overrides the Accept header (application/json "
               "or text/csv).", kind="text", choices=("json", "csv"), example="csv")
LIMIT = Param("limit", "Rows per page.", kind="integer", default=DEFAULT_LIMIT, minimum=1,
              maximum=MAX_LIMIT, example="100")
OFFSET = Param("offset", "Rows to skip (the next page's offset is in meta.next and the Link "
               "header).", kind="integer", default=0, minimum=0, maximum=10**12, example="10")
PAGING = (LIMIT, OFFSET)
CITY = Param("city", "The city of a many-city store, by its key (see /api/v1/cities); absent: "
             "the store's own city.", kind="text", example="uppsala",
             pattern=SLUG.pattern,
             shape="a city key: 1 to 40 lower-case letters a-z, digits and underscores, "
             "starting with a letter. Fix: see /api/v1/cities for the keys")
INDICATOR = Param("indicator", "Indicator ids (see /api/v1/indicators)." + LIST_NOTE,
                  example="unemployment")
AREA = Param("area", "Area codes (see /api/v1/areas); the city's own code gives its rows."
             + LIST_NOTE, example="A0001,A0002")
PERIOD = Param("period", f"Periods, or '{LATEST}' for each indicator's latest period." + LIST_NOTE,
               example=LATEST)
SEX = Param("sex", "Sexes." + LIST_NOTE, choices=SEXES, example="female,male")
AGE_GROUP = Param("age_group", "Age groups ('all' is the whole population)." + LIST_NOTE,
                  example="all")
LEVEL = Param("level", "Area levels, e.g. district or city." + LIST_NOTE, example="district")
DOMAIN = Param("domain", "Indicator domains, e.g. health or education." + LIST_NOTE,
               example="work_income")
COMPARATOR = Param("comparator", "What each area is compared with: the whole city, or the "
                   "rest of the city (the city without the area).", kind="text",
                   choices=("city", "rest_of_city"), default="city", example="rest_of_city")
OUTCOME = Param("outcome", "Only rows whose comparison has one of these outcomes." + LIST_NOTE,
                choices=tuple(COMPARISONS), example="worse,much_worse")
PRIORITIZED = Param("prioritized", "Only prioritized areas (true) or only the others (false).",
                    kind="boolean", example="true")
GEOMETRY = Param("geometry", "Include each area's outline: GeoJSON (a FeatureCollection) in "
                 "JSON, WKT in CSV. The outlines are simplified for display; "
                 "/api/v1/gis has the full ones.", kind="boolean", default=False, example="true")
INDICATOR_ID = Param("indicator_id", "An indicator id.", kind="text", location="path",
                     example="unemployment")
AREA_CODE = Param("area_code", "An area code.", kind="text", location="path", example="A0001")
GIS_FORMAT = Param("format", "File format: GeoPackage (areas layer and indicators table) or "
                   "GeoJSON (the areas layer).", kind="text", choices=("gpkg", "geojson"),
                   default="gpkg", example="geojson")
GIS_PERIOD = Param("period", f"The period of the value columns, or '{LATEST}' for each "
                   "indicator's latest.", kind="text", default=LATEST, example=LATEST)
GIS_SEX = Param("sex", "The sex of the value columns.", kind="text", choices=SEXES,
                default="total", example="female")
CRS = Param("crs", "Coordinate reference system of the file: EPSG:<code>, or 'utm' for the "
            "UTM zone of the city.", kind="text", default="EPSG:4326", example="EPSG:3006")
