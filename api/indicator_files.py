"""One indicator's table as files: CSV with its CSVW metadata, and XLSX.

The table holds every area (and the city) for one period and sex, in the indicator's
headline age group (the rows the indicator page ranks), with intervals, the comparisons
with the city and with the rest of the city, trends, ranks and status. Suppressed
values are blank (``presentation.redaction``); formula-like text is neutralised
(``presentation.formulas``). The CSVW file (W3C *Metadata Vocabulary for Tabular Data*)
describes each column of the CSV beside it: its title, datatype and meaning.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook

from api.schemas import FIELDS
from api.source import Source
from api.tables import headline_ages, named, published
from presentation.formulas import neutralise_frame, neutralise_workbook
from presentation.i18n import catalogue_field, catalogue_text, unit_label
from presentation.methods import method_text

COLUMNS = [
    "indicator_id", "indicator_name", "area_code", "area_name", "level", "prioritized",
    "period", "sex", "age_group", "value", "lower_ci95", "upper_ci95", "lower_ci998",
    "upper_ci998", "numerator", "denominator", "city_value", "difference", "ratio",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile",
    "status",
]
CSVW_TYPES = {"string": "string", "number": "double", "integer": "integer",
              "boolean": {"base": "boolean", "format": "True|False"}}


@dataclass(frozen=True)
class IndicatorTable:
    """The rows and what describes them."""

    rows: pd.DataFrame  # COLUMNS: the city first, then the areas best first
    indicator_id: str
    name: str
    unit: str
    period: str
    sex: str
    description: str
    source: str
    method: str
    lang: str

    @property
    def stem(self) -> str:
        """The files' name without extension (ASCII)."""
        parts = [self.indicator_id, self.period, self.sex]
        return "indicator-" + "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-")
                                       for p in parts)


def indicator_table(source: Source, indicator_id: str, period: str, sex: str,
                    lang: str) -> IndicatorTable:
    """The table of ``indicator_id`` at ``period`` and ``sex`` (KeyError: no such indicator)."""
    snapshot = source.snapshot()
    cat = snapshot.catalogue.set_index("id", drop=False).loc[indicator_id]
    table, ages = published(source), headline_ages(source)
    positions = table.by_indicator.get(indicator_id, np.empty(0, dtype=np.int64))
    keep = ((table.column("period", positions).astype(str) == period)
            & (table.column("sex", positions).astype(str) == sex)
            & (table.column("age_group", positions).astype(str)
               == str(ages.get(indicator_id, "all")))).to_numpy(dtype=bool)
    rows = named(table.take(positions[keep]), snapshot, lang)
    is_city = (rows["level"].astype(str) == "city").to_numpy()
    order = np.lexsort([rows["rank"].astype(float).fillna(np.inf).to_numpy(), ~is_city])
    rows = rows.iloc[order][COLUMNS].reset_index(drop=True)
    description = catalogue_text(cat, "description", lang)
    return IndicatorTable(
        rows=rows, indicator_id=indicator_id, name=catalogue_text(cat, "name", lang),
        unit=unit_label(cat, lang), period=period, sex=sex,
        description="" if description == indicator_id else description,
        source=catalogue_field(cat, "source", lang), method=method_text(str(cat["value_type"]), lang),
        lang=lang)


def csv_bytes(table: IndicatorTable) -> bytes:
    """UTF-8 CSV with a header row; blanks are empty cells."""
    text = neutralise_frame(table.rows).to_csv(index=False, lineterminator="\n")
    return str(text).encode("utf-8")


def _datatype(column: str) -> Any:
    kind = FIELDS[column][0] if column in FIELDS else "string"
    return CSVW_TYPES.get(kind, "string")


def csvw_metadata(table: IndicatorTable) -> dict[str, Any]:
    """CSVW metadata of :func:`csv_bytes`' file, named ``<stem>.csv`` (JSON-LD)."""
    columns = [{"name": c, "titles": c, "datatype": _datatype(c),
                "dc:description": FIELDS.get(c, ("", ""))[1] or c} for c in table.rows.columns]
    for column in columns:
        if column["name"] in ("value", "lower_ci95", "upper_ci95", "city_value") and table.unit:
            column["dc:description"] += f" Unit: {table.unit}."
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": table.lang}],
        "url": f"{table.stem}.csv",
        "dc:title": f"{table.name}, {table.period}, {table.sex}",
        "dc:description": " ".join(x for x in (table.description, table.method) if x),
        "dc:source": table.source,
        "dialect": {"header": True, "encoding": "utf-8", "delimiter": ","},
        "tableSchema": {"columns": columns, "primaryKey": ["area_code"]},
        "notes": ["Blank cells: no value (see status). Suppressed values are blank, with "
                  "everything they could be recovered from."],
    }


def csvw_bytes(table: IndicatorTable) -> bytes:
    return (json.dumps(csvw_metadata(table), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def xlsx_bytes(table: IndicatorTable) -> bytes:
    """A workbook: sheet ``data`` (the table, numbers as numbers) and ``about`` (what it is)."""
    book = Workbook()
    data = book.active
    data.title = "data"
    rows = table.rows
    data.append(list(rows.columns))
    clean = rows.astype(object).where(rows.notna(), None)
    for record in clean.itertuples(index=False):
        data.append([v.item() if hasattr(v, "item") else v for v in record])
    data.freeze_panes = "A2"
    about = book.create_sheet("about")
    for label, text in (("indicator", table.name), ("id", table.indicator_id),
                        ("unit", table.unit), ("period", table.period), ("sex", table.sex),
                        ("description", table.description), ("source", table.source),
                        ("method", table.method),
                        ("blanks", "No value (see status); suppressed values are blank.")):
        about.append([label, text])
    neutralise_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
