"""The catalogue's columns, declared as data (docs/catalogue.md documents each one)."""

from __future__ import annotations

from dataclasses import dataclass

from store.schema import POLARITIES, VALUE_TYPES


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    default: object
    max_length: int | None
    help: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        True,
        None,
        100,
        "Stable identifier used by the indicator tables and URLs.",
        "unemployment",
    ),
    Column("name_en", True, None, 300, "Name in English.", "Unemployment"),
    Column(
        "name_sv", False, "name_en", 300, "Name in Swedish (defaults to name_en, marked [EN]).", "Arbetslöshet"
    ),
    Column("name_pl", False, "name_en", 300, "Name in Polish (defaults to name_en, marked [EN]).", "Bezrobocie"),
    Column(
        "description_en",
        False,
        None,
        None,
        "One or two sentences in English.",
        "Share of residents aged 20-64 who are registered unemployed.",
    ),
    Column(
        "description_sv",
        False,
        None,
        None,
        "Description in Swedish.",
        "Andel invånare 20-64 år som är inskrivna arbetslösa.",
    ),
    Column(
        "description_pl",
        False,
        None,
        None,
        "Description in Polish.",
        "Odsetek mieszkańców w wieku 20-64 lat zarejestrowanych jako bezrobotni.",
    ),
    Column("domain", True, None, 64, "Theme the dashboard groups indicators by.", "work_income"),
    Column("unit", False, None, 64, "Unit shown after values.", "%"),
    Column("value_type", True, None, 16, "One of " + ", ".join(VALUE_TYPES) + ".", "percentage"),
    Column(
        "multiplier",
        False,
        1.0,
        None,
        "Scale of a rate (1000 = per 1,000); value = multiplier x numerator / denominator.",
        "1",
    ),
    Column(
        "polarity",
        False,
        "neutral",
        16,
        "One of " + ", ".join(POLARITIES) + " (aliases: higher_is_better, lower_is_better).",
        "low_is_good",
    ),
    Column("decimals", False, 1, None, "Decimals shown (0-6).", "1"),
    Column("source", False, None, None, "Who publishes the data.", "Arbetsförmedlingen"),
    Column(
        "definition",
        False,
        None,
        None,
        "Numerator and denominator in words.",
        "Registered unemployed / residents aged 20-64",
    ),
    Column(
        "min_numerator",
        False,
        None,
        None,
        "Values with a smaller numerator are suppressed (disclosure threshold).",
        "5",
    ),
    Column(
        "min_denominator",
        False,
        None,
        None,
        "Values with a smaller denominator are suppressed.",
        "30",
    ),
    Column("weight", False, 1.0, None, "Weight in composite summaries (>= 0).", "1"),
    Column(
        "headline_age_group",
        False,
        None,
        32,
        "Age group an area's profile counts, as the tables write it (when there is no 'all').",
        "18-64",
    ),
    Column(
        "standard",
        False,
        None,
        32,
        "Standard population of a dsr indicator: esp2013 (the European Standard Population "
        "2013, the default) or city (the city's own population by age band).",
        "esp2013",
    ),
    Column(
        "residents_view",
        False,
        None,
        None,
        "yes when the indicator is the residents' own assessment (a survey of residents: "
        "trust, safety, belonging); profiles group these under \"Residents' view\".",
        "yes",
    ),
    Column(
        "survey",
        False,
        None,
        300,
        "Name of the survey of residents the values come from (shown with its year and the "
        "number of respondents).",
        "Trygghetsundersökningen",
    ),
    Column(
        "plausibility",
        False,
        "warning",
        16,
        "warning or error: what an implausible value of this indicator is (read by the ETL only).",
        "error",
    ),
)
LANG_NAMES = {"sv": "Swedish", "pl": "Polish", "en": "English"}
TRANSLATED = ("name", "description", "definition", "source", "unit")  # text per language
PLAIN = ("definition", "source", "unit")  # fields whose plain column serves every language
LANG_EXAMPLES = {
    "definition": {"sv": "Inskrivna arbetslösa / invånare 20-64 år",
                   "pl": "Zarejestrowani bezrobotni / mieszkańcy w wieku 20-64 lat",
                   "en": "Registered unemployed / residents aged 20-64"},
    "source": {"sv": "Arbetsförmedlingen", "pl": "Szwedzki Urząd Pracy",
               "en": "Swedish Public Employment Service"},
    "unit": {"sv": "per 1 000", "pl": "na 1000", "en": "per 1,000"},
}
COLUMNS += tuple(
    Column(f"{field}_{lang}", False, field, 64 if field == "unit" else None,
           f"{field.capitalize()} in {LANG_NAMES[lang]} (defaults to {field}).", example)
    for field, examples in LANG_EXAMPLES.items() for lang, example in examples.items()
)
ETL_COLUMNS = ["plausibility"]  # read by the ETL, not stored
PLAUSIBILITY = ("warning", "error")
PLAUSIBILITY_ALIASES = {"": "warning", "warn": "warning", "warnings": "warning", "errors": "error"}
OUTPUT_COLUMNS = [
    "id",
    "name_sv",
    "name_pl",
    "name_en",
    "description_sv",
    "description_pl",
    "description_en",
    "domain",
    "unit",
    "value_type",
    "multiplier",
    "polarity",
    "decimals",
    "source",
    "definition",
    "min_numerator",
    "min_denominator",
    "weight",
    "headline_age_group",
    "standard",
    "residents_view",
    "survey",
    *(f"{field}_{lang}" for field in PLAIN for lang in ("sv", "pl", "en")),
]
POLARITY_ALIASES = {
    "higher_is_better": "high_is_good",
    "high_is_better": "high_is_good",
    "higher_is_good": "high_is_good",
    "high": "high_is_good",
    "higher": "high_is_good",
    "positive": "high_is_good",
    "+": "high_is_good",
    "lower_is_better": "low_is_good",
    "low_is_better": "low_is_good",
    "lower_is_good": "low_is_good",
    "low": "low_is_good",
    "lower": "low_is_good",
    "negative": "low_is_good",
    "-": "low_is_good",
    "none": "neutral",
    "": "neutral",
}
VALUE_TYPE_ALIASES = {
    "percent": "percentage",
    "pct": "percentage",
    "%": "percentage",
    "share": "proportion",
    "directly_standardised_rate": "dsr",
    "directly_standardized_rate": "dsr",
    "indirectly_standardised_ratio": "isr",
    "indirectly_standardized_ratio": "isr",
    "smr": "isr",
    "sar": "isr",
}
STANDARD_ALIASES = {"esp_2013": "esp2013", "esp": "esp2013", "european": "esp2013", "own": "city"}
NUMBERS = ("multiplier", "decimals", "min_numerator", "min_denominator", "weight")
CODES = ("id", "headline_age_group", "standard")  # matched against the tables: no invisible characters
