"""The shapes of what the API returns, as data: each field's JSON type and meaning. The
OpenAPI document is built from these, and the tests check every answer against it."""

from __future__ import annotations

from typing import Any

from api.profile import PROFILE_FIELDS
from api.tables import (
    AREA_FIELDS,
    CITY_FIELDS,
    COMPARISON_FIELDS,
    INDICATOR_FIELDS,
    VALUE_FIELDS,
)
from indicators import COMPARISONS, GAP_TRENDS, STATUSES, TRENDS

T, N, INT, B = "string", "number", "integer", "boolean"
FIELDS: dict[str, tuple[str, str]] = {
    "city": (T, "Key of the city in a many-city store (the city parameter); null for the "
             "store's own city."),
    "api": (T, "Address of the city's API (its index; every link there keeps the city)."),
    "code": (T, "Area code (the city's own code on the whole-city row)."),
    "name": (T, "Name in the chosen language."),
    "name_sv": (T, "Name in Swedish."), "name_pl": (T, "Name in Polish."),
    "name_en": (T, "Name in English."),
    "synthetic": (B, "The figures are made up (a demo city)."),
    "areas": (INT, "Number of mapped areas."), "indicators": (INT, "Number of indicators."),
    "first_period": (T, "Earliest period with values."),
    "latest_period": (T, "Latest period with values."),
    "batch": (INT, "Load batch the answer comes from; changes with every refresh."),
    "level": (T, "Area level: e.g. district; city for the whole city."),
    "parent_code": (T, "Code of the area one level up."),
    "prioritized": (B, "The area is one of the city's prioritized areas."),
    "population": (N, "Population as loaded."), "area_km2": (N, "Area in square kilometres."),
    "id": (T, "Indicator id."), "description": (T, "What the indicator measures."),
    "definition": (T, "How it is defined by its source."),
    "domain": (T, "Domain code."), "domain_name": (T, "Domain in the chosen language."),
    "unit": (T, "Unit in the chosen language."),
    "value_type": (T, "proportion, percentage, rate, mean, median, count or score."),
    "multiplier": (N, "Scale of value (e.g. 100 for per cent, 1000 for per 1,000)."),
    "polarity": (T, "high_is_good, low_is_good or neutral."),
    "decimals": (INT, "Decimals to show for value."),
    "source": (T, "Where the figures come from."),
    "method": (T, "How values, intervals and comparisons are computed."),
    "periods": ("array", "Periods with values, in time order."),
    "sexes": ("array", "Sexes with values."), "age_groups": ("array", "Age groups with values."),
    "headline_age_group": (T, "Age group an area's profile counts."),
    "indicator_id": (T, "Indicator id."), "indicator_name": (T, "Indicator name."),
    "area_code": (T, "Area code."), "area_name": (T, "Area name."),
    "period": (T, "Period (text; text order is time order)."),
    "sex": (T, "total, female or male."), "age_group": (T, "Age group (all: everyone)."),
    "value": (N, "The value; null when suppressed or missing."),
    "lower_ci95": (N, "Lower limit of the 95% confidence interval."),
    "upper_ci95": (N, "Upper limit of the 95% confidence interval."),
    "lower_ci998": (N, "Lower limit of the 99.8% confidence interval."),
    "upper_ci998": (N, "Upper limit of the 99.8% confidence interval."),
    "numerator": (N, "Numerator (events, persons)."), "denominator": (N, "Denominator."),
    "status": (T, "ok, or why there is no value: " + ", ".join(STATUSES[1:]) + "."),
    "comparator": (T, "city or rest_of_city."),
    "comparator_value": (N, "Value of the city, or of the rest of the city."),
    "comparator_lower_ci95": (N, "Lower 95% limit of the city (null for the rest)."),
    "comparator_upper_ci95": (N, "Upper 95% limit of the city (null for the rest)."),
    "city_value": (N, "The city's value."),
    "difference": (N, "value minus the comparator's value."),
    "ratio": (N, "value divided by the comparator's value."),
    "comparison": (T, "Outcome: " + ", ".join(COMPARISONS) + "."),
    "compared_to_city": (T, "Outcome against the city."),
    "compared_to_rest_of_city": (T, "Outcome against the rest of the city."),
    "trend": (T, "Recent trend: " + ", ".join(TRENDS) + "."),
    "gap_trend": (T, "Trend of the gap to the city: " + ", ".join(GAP_TRENDS) + "."),
    "rank": (INT, "1 = best among areas of the same level."),
    "quintile": (INT, "1 = best fifth ... 5 = worst fifth."),
    "compared_to_city_text": (T, "The outcome in words."), "trend_text": (T, "The trend in words."),
    "gap_trend_text": (T, "The gap trend in words."), "status_text": (T, "The status in words."),
}
PROFILE_ROW_FIELDS = [*PROFILE_FIELDS[:3], "domain_name", *PROFILE_FIELDS[3:],
                      "compared_to_city_text", "trend_text", "gap_trend_text", "status_text"]


def _field(name: str) -> dict[str, Any]:
    kind, text = FIELDS[name]
    if kind == "array":
        return {"type": "array", "items": {"type": "string"}, "description": text}
    return {"type": [kind, "null"], "description": text}


def item_schema(fields: list[str]) -> dict[str, Any]:
    return {"type": "object", "required": fields,
            "properties": {f: _field(f) for f in fields}}


def components() -> dict[str, Any]:
    """The document's ``components.schemas``."""
    meta = {"type": "object", "properties": {
        "batch": {"type": ["integer", "null"]}, "lang": {"type": "string"},
        "total": {"type": "integer"}, "limit": {"type": "integer"},
        "offset": {"type": "integer"}, "returned": {"type": "integer"},
        "next": {"type": ["string", "null"], "description": "Address of the next page."},
        "comparator": {"type": "string"}}}
    note = {"type": "object", "properties": {k: {"type": ["string", "null"]} for k in (
        "kind", "title", "title_lang", "text", "text_lang", "source", "url")}}
    summary = {"type": "object", "properties": {"domain": {"type": "string"},
                                                "domain_name": {"type": ["string", "null"]}},
               "additionalProperties": {"type": "integer"}}
    profile = {"type": "object", "required": ["area", "city", "summary", "indicators", "notes"],
               "properties": {
                   "area": item_schema(AREA_FIELDS),
                   "city": {"type": "object", "properties": {"code": {"type": "string"},
                                                             "name": {"type": "string"}}},
                   "summary": {"type": "array", "items": summary},
                   "indicators": {"type": "array", "items": item_schema(PROFILE_ROW_FIELDS)},
                   "notes": {"type": "array", "items": {"type": "object", "properties": {
                       "kind": {"type": "string"}, "notes": {"type": "array", "items": note}}}}}}
    error = {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message", "parameter"], "properties": {
            "status": {"type": "integer"}, "message": {"type": "string"},
            "parameter": {"type": ["string", "null"]}}}}}
    return {
        "City": item_schema(CITY_FIELDS), "Area": item_schema(AREA_FIELDS),
        "Indicator": item_schema(INDICATOR_FIELDS), "Value": item_schema(VALUE_FIELDS),
        "Comparison": item_schema(COMPARISON_FIELDS), "Profile": profile,
        "Meta": meta, "Error": error,
    }
