"""Build the :class:`Profile` of one area from a store snapshot and the comparison table.

Pure: DataFrames in, a Profile out; no database, no files. The renderers of every format
start from the same Profile, so a PDF and a spreadsheet of one area can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from indicators import headline_age_groups, headline_age_rows, headline_rows
from presentation.area_notes import about_area
from presentation.comparators import comparator_choices, estimated_flags
from presentation.i18n import catalogue_field, catalogue_text, unit_label
from presentation.profile_rows import SharedSpines, shown_pairs
from presentation.redaction import REDACTED_COLUMNS
from reports import strings
from reports.ages import age_rows
from reports.errors import ExportError
from reports.inequality import inequality_frame, inequality_section
from reports.judgements import NATIONAL_COLUMN, check_comparator, judged, national_of
from reports.locator import locator_frame
from reports.methods import profile_methods
from reports.numbers import decimals_of, is_blank, opt
from reports.profile import (
    SUPPRESSED,
    AppendixEntry,
    DomainSection,
    IndicatorRow,
    Profile,
    SexRow,
    SexValue,
    Spine,
    TrendSeries,
)
from reports.programme_sections import programme_fields
from reports.quality import quality_notes
from reports.summary import domain_counts, domain_sentence, summary_sentences
from reports.targets import with_target, with_target_columns
from store.read import Snapshot

SEX_ORDER = {"total": 0, "female": 1, "male": 2}
Record = Mapping[Any, Any]  # a row as ``DataFrame.to_dict`` gives it
SpineStats = dict[tuple[str, str], Record]  # (indicator, period) -> lowest, q25, q75, highest, n


def disclosed(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy with every number of a suppressed row blanked (the engine does it; so do we),
    and categorical columns turned into plain values (the area's rows are few)."""
    out = rows.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("object")
    hidden = out["status"].isin(SUPPRESSED)
    for col in REDACTED_COLUMNS:
        if col in out.columns and hidden.any():
            out[col] = out[col].astype("float64").mask(hidden)
    return out


def area_record(snapshot: Snapshot, area_code: str) -> pd.Series:
    """The area's row of ``snapshot.areas``, or an ExportError naming valid codes."""
    areas = snapshot.areas
    found = areas[areas["code"].astype(str) == str(area_code)]
    districts = areas[areas["level"] != "city"]
    if found.empty:
        some = ", ".join(districts["code"].astype(str).head(8))
        more = "" if len(districts) <= 8 else f" … ({len(districts)} areas)"
        raise ExportError(
            f"Area {area_code!r} is not in the store. Fix: use an area code of this city, "
            f"e.g. {some}{more}."
        )
    row = found.iloc[0]
    if row["level"] == "city":
        raise ExportError(
            f"Area {area_code!r} is the whole city; a profile compares an area with the city. "
            "Fix: give the code of a district or neighbourhood."
        )
    return row


def catalogue_info(catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The catalogue indexed by id, with ``name``, ``definition_text``, ``source`` and
    ``unit`` in ``lang`` (another language's text marked, presentation.i18n.catalogue_field)
    and an order."""
    cat = catalogue.copy()
    records = cat.to_dict("records")
    cat["name"] = [catalogue_text(r, "name", lang) for r in records]
    cat["definition_text"] = [_definition(r, lang) for r in records]
    cat["source"] = [catalogue_field(r, "source", lang) for r in records]
    cat["unit"] = [unit_label(r, lang) for r in records]
    cat["order"] = range(len(cat))
    domains = list(dict.fromkeys(cat["domain"]))
    cat["domain_order"] = cat["domain"].map({d: i for i, d in enumerate(domains)})
    return cat.set_index("id", drop=False)


def _definition(row: Mapping[Any, Any], lang: str) -> str:
    """The description in ``lang``, else the definition, else a description in another."""
    own = row.get(f"description_{lang}")
    if isinstance(own, str) and own.strip():
        return own.strip()
    return (catalogue_field(row, "definition", lang)
            or catalogue_field(row, "description", lang))


def spine_stats(table: pd.DataFrame, level_of: pd.Series, level: str,
                age_groups: pd.Series) -> pd.DataFrame:
    """Per indicator and period: the spread of the values of all areas of ``level``
    (sex total, the indicator's headline age group)."""
    peers = table[(table["area_code"].map(level_of) == level) & (table["sex"] == "total")]
    peers = headline_age_rows(peers, age_groups)
    peers = peers[peers["value"].notna() & ~peers["status"].isin(SUPPRESSED)]
    grouped = peers.groupby(["indicator_id", "period"], observed=True)["value"]
    return pd.DataFrame(
        {
            "lowest": grouped.min(),
            "q25": grouped.quantile(0.25),
            "q75": grouped.quantile(0.75),
            "highest": grouped.max(),
            "n": grouped.count(),
        }
    )


def trend_series(rows: pd.DataFrame) -> TrendSeries | None:
    """The area's total-sex values over the periods of one indicator."""
    if rows["period"].nunique() < 2:
        return None
    rows = rows.sort_values("period")
    return TrendSeries(
        periods=[str(p) for p in rows["period"]],
        area=[opt(v) for v in rows["value"]],
        lower=[opt(v) for v in rows["lower_ci95"]],
        upper=[opt(v) for v in rows["upper_ci95"]],
        city=[opt(v) for v in rows["city_value"]],
    )


def _spine(stats: SpineStats, row: Record) -> Spine | None:
    s = stats.get((str(row["indicator_id"]), str(row["period"])))
    if s is None:
        return None
    return Spine(
        lowest=float(s["lowest"]), q25=float(s["q25"]), q75=float(s["q75"]),
        highest=float(s["highest"]), city=opt(row.get("city_value")), area=opt(row["value"]),
        n_areas=int(s["n"]),
    )


def _code(row: Record, column: str, default: str) -> str:
    value = row.get(column)
    return default if is_blank(value) else str(value)


def indicator_row(row: Record, info: Record, stats: SpineStats, history: pd.DataFrame) -> IndicatorRow:
    """The profile line of one indicator at its latest period."""
    rank = opt(row.get("rank"))
    spine = _spine(stats, row)
    return IndicatorRow(
        indicator_id=str(row["indicator_id"]),
        name=str(info["name"]),
        unit=_code(info, "unit", ""),
        decimals=decimals_of(info),
        polarity=_code(info, "polarity", "neutral"),
        value_type=_code(info, "value_type", ""),
        period=str(row["period"]),
        value=opt(row["value"]),
        lower95=opt(row.get("lower_ci95")),
        upper95=opt(row.get("upper_ci95")),
        city_value=opt(row.get("city_value")),
        difference=opt(row.get("difference")),
        compared=_code(row, "compared_to_comparator", "not_compared"),
        compared_rest=_code(row, "compared_to_rest_of_city", "not_compared"),
        trend=_code(row, "trend", "not_enough_data"),
        gap_trend=_code(row, "gap_trend", "not_enough_data"),
        status=None if is_blank(row.get("status")) else str(row["status"]),
        rank=None if rank is None else int(rank),
        n_ranked=None if spine is None else spine.n_areas,
        spine=spine,
        series=trend_series(history),
        national_value=opt(row.get(NATIONAL_COLUMN)),
    )


def domain_sections(headline: pd.DataFrame, main: pd.DataFrame, cat: pd.DataFrame,
                    stats: SpineStats, lang: str) -> list[DomainSection]:
    """Per domain (catalogue order) the headline rows of its indicators (catalogue order);
    ``main`` holds every period of them (sex total, headline age group) for the trends."""
    latest = headline.assign(order=headline["indicator_id"].map(cat["order"])).sort_values("order")
    history = dict(list(main.groupby("indicator_id", observed=True)))
    info = cat.to_dict("index")
    by_domain: dict[str, list[IndicatorRow]] = {d: [] for d in dict.fromkeys(cat["domain"])}
    for row in latest.to_dict("records"):
        ind = row["indicator_id"]
        by_domain[info[ind]["domain"]].append(with_target(indicator_row(row, info[ind], stats, history[ind]), row, lang))
    sections: list[DomainSection] = []
    for domain, rows in by_domain.items():
        if rows:
            counts = domain_counts(rows)
            title = strings.label("domain", domain, lang)
            sections.append(DomainSection(domain, title, domain_sentence(counts, lang), counts, rows))
    return sections


def _sex_value(r: Record) -> SexValue:
    return SexValue(opt(r["value"]), opt(r.get("lower_ci95")), opt(r.get("upper_ci95")),
                    opt(r.get("city_value")), _code(r, "compared_to_comparator", "not_compared"),
                    None if is_blank(r.get("status")) else str(r["status"]))


def sex_rows(rows: pd.DataFrame, cat: pd.DataFrame, periods: Mapping[str, str]) -> list[SexRow]:
    """Indicators with values by sex, each at its headline period (``periods``: indicator ->
    the period of its headline row), never an older one: a sex without a row at that period
    is left out of ``by_sex`` (the renderers show "–"). Indicators without a headline row
    are not listed."""
    sexed = rows.loc[rows["sex"].isin(("female", "male")), "indicator_id"].astype(str)
    listed = [ind for ind in dict.fromkeys(sexed) if ind in periods]
    if not listed:
        return []
    ids = rows["indicator_id"].astype(str)
    at = rows[ids.isin(listed) & (rows["period"].astype(str) == ids.map(periods))]
    info = cat.to_dict("index")
    values: dict[str, dict[str, SexValue]] = {ind: {} for ind in listed}
    for r in at.to_dict("records"):
        values[str(r["indicator_id"])][str(r["sex"])] = _sex_value(r)
    return [
        SexRow(ind, str(info[ind]["name"]), _code(info[ind], "unit", ""), decimals_of(info[ind]),
               periods[ind], values[ind])
        for ind in sorted(listed, key=lambda i: info[i]["order"])
    ]


def appendix(cat: pd.DataFrame, ids: list[str], lang: str) -> list[AppendixEntry]:
    """Definitions and sources of the indicators shown, in catalogue order."""
    entries = []
    for _, info in cat[cat["id"].isin(ids)].sort_values("order").iterrows():
        entries.append(AppendixEntry(
            indicator_id=str(info["id"]), name=str(info["name"]),
            domain=strings.label("domain", info["domain"], lang),
            definition="" if is_blank(info["definition_text"]) else str(info["definition_text"]),
            source="" if is_blank(info.get("source")) else str(info["source"]),
            unit="" if is_blank(info.get("unit")) else str(info["unit"]),
            polarity=strings.label("polarity", info.get("polarity"), lang),
            value_type=strings.label("value_type", info.get("value_type"), lang),
        ))
    return entries


def area_records(rows: pd.DataFrame, cat: pd.DataFrame, area_name: str) -> pd.DataFrame:
    """The area's rows in reading order, with ``indicator_name`` and ``area_name``."""
    out = rows.assign(
        indicator_name=rows["indicator_id"].map(cat["name"]),
        area_name=area_name,
        domain=rows["indicator_id"].map(cat["domain"]),
        unit=rows["indicator_id"].map(cat["unit"]),
        decimals=rows["indicator_id"].map(cat["decimals"]),
        _order=rows["indicator_id"].map(cat["order"]),
        _sex=rows["sex"].map(SEX_ORDER).fillna(9),
    )
    out = out.sort_values(["_order", "period", "_sex"], kind="stable")
    return out.drop(columns=["_order", "_sex"]).reset_index(drop=True)


def city_name(city: dict[str, Any], lang: str) -> str:
    return str(city.get(f"name_{lang}") or city.get("name") or city.get("code") or "")


class TableIndex:
    """The comparison table with its rows grouped by area and spine statistics per level,
    computed once and shared by every profile of a batch (or of a dashboard session)."""

    def __init__(self, table: pd.DataFrame, spines: SharedSpines | None = None) -> None:
        self.table = table
        self.spines = spines
        codes = table["area_code"] if "area_code" in table.columns else pd.Series(dtype=object)
        groups = codes.groupby(codes, sort=False, observed=True).indices if len(codes) else {}
        self._by_area = {str(k): v for k, v in groups.items()}
        self._stats: dict[str, SpineStats] = {}
        self._age_groups: pd.Series | None = None
        self._sii: pd.DataFrame | None = None

    def inequality(self, snapshot: Snapshot) -> pd.DataFrame:
        """The city's slope indices of inequality (sex total), computed once."""
        if self._sii is None:
            self._sii = inequality_frame(self.table, snapshot)
        return self._sii

    @property
    def age_groups(self) -> pd.Series:
        """Each indicator's headline age group, decided on the whole table."""
        if self._age_groups is None:
            self._age_groups = headline_age_groups(self.table)
        return self._age_groups

    def area_rows(self, code: str) -> pd.DataFrame:
        positions = self._by_area.get(code)
        return self.table.iloc[0:0] if positions is None else self.table.iloc[positions]

    def spine(self, level: str, level_of: pd.Series,
              pairs: set[tuple[str, str]] | None = None) -> SpineStats:
        """Spread of the values of all areas of ``level``, keyed by (indicator, period); with
        ``spines`` (shared by a batch's profiles) the shown ``pairs``' from there if all are,
        else computed and shared (those alone: ``presentation.profile_rows`` reads their peers)."""
        shared = self.spines.setdefault(level, {}) if self.spines is not None and pairs else None
        if shared is not None and pairs and pairs <= shared.keys():
            return {pair: shared[pair] for pair in pairs}
        if level not in self._stats:
            records: Mapping[Any, Record] = spine_stats(self.table, level_of, level, self.age_groups).to_dict("index")
            self._stats[level] = {(str(k[0]), str(k[1])): v for k, v in records.items()}
        if shared is not None and pairs:
            shared.update({pair: self._stats[level][pair] for pair in pairs if pair in self._stats[level]})
        return self._stats[level]


def _check_store(snapshot: Snapshot, table: pd.DataFrame) -> None:
    needed = {"indicator_id", "area_code", "period", "sex", "value", "status"}
    if not snapshot.city or snapshot.catalogue.empty or not needed <= set(table.columns):
        raise ExportError(
            "The store holds no indicator data yet. Fix: load a city with "
            "`wellbeing etl run CITY.toml` (or `wellbeing demo`), then export again."
        )


def _judged_rows(snapshot: Snapshot, index: TableIndex, area: pd.Series, cat: pd.DataFrame,
                 comparator: str) -> pd.DataFrame:
    """The area's rows of the catalogue's indicators, disclosed, with the comparator's
    columns and the national value (:func:`reports.judgements.judged`)."""
    rows = disclosed(index.area_rows(str(area["code"])))
    rows = rows[rows["indicator_id"].isin(cat.index)]
    parent = area.get("parent_code")
    parent_rows = (disclosed(index.area_rows(str(parent))) if comparator == "parent"
                   and not is_blank(parent) else rows.iloc[0:0])
    return judged(rows, parent_rows, snapshot, comparator, national_of(snapshot))


def build_profile(snapshot: Snapshot, table: pd.DataFrame, area_code: str, lang: str,
                  export_date: date | None = None, index: TableIndex | None = None,
                  comparator: str = "city") -> Profile:
    """The profile of ``area_code`` in ``lang`` (sv, pl or en), its judgements against
    ``comparator`` (city, rest, parent or a supplied comparator's code).

    ``index`` (a :class:`TableIndex` of ``table``) saves re-scanning the table when many
    profiles are built from the same data.
    """
    if lang not in strings.LANGS:
        raise ExportError(f"Unknown language {lang!r}. Fix: use one of {', '.join(strings.LANGS)}.")
    _check_store(snapshot, table)
    area = area_record(snapshot, area_code)
    check_comparator(snapshot, comparator)
    code, level = str(area["code"]), str(area["level"])
    index = index if index is not None else TableIndex(table)
    cat = catalogue_info(snapshot.catalogue, lang)
    rows = _judged_rows(snapshot, index, area, cat, comparator)
    rows = with_target_columns(rows.assign(estimated=estimated_flags(rows, snapshot).to_numpy()), snapshot)
    ages = index.age_groups
    main = headline_age_rows(rows[rows["sex"] == "total"], ages)
    level_of = snapshot.areas.set_index("code")["level"]
    headline = headline_rows(rows, age_groups=ages)
    domains = domain_sections(headline, main, cat, index.spine(level, level_of, shown_pairs(headline)), lang)
    shown = [r.indicator_id for d in domains for r in d.rows]
    city_rows = index.area_rows(str(snapshot.city.get("code", "")))
    notes, note_counts = quality_notes(rows, city_rows, cat, lang)
    entries = appendix(cat, shown, lang)
    names = dict(comparator_choices(snapshot, lang))
    in_text = strings.comparator_in_text(comparator, names[comparator], lang)
    national = national_of(snapshot)
    inequality = inequality_section(index.inequality(snapshot), snapshot, cat, shown, lang)
    return Profile(
        lang=lang, area_code=code, area_name=str(area["name"]), level=level,
        prioritized=bool(area["prioritized"]),
        population=opt(area.get("population")),
        city_code=str(snapshot.city.get("code", "")), city_name=city_name(snapshot.city, lang),
        synthetic=bool(snapshot.city.get("synthetic")),
        export_date=export_date or date.today(),
        periods=sorted({str(p) for p in rows["period"]}),
        latest_periods=sorted({r.period for d in domains for r in d.rows}),
        batch_id=snapshot.batch_id,
        summary=summary_sentences(domains, lang, None if comparator == "city" else in_text),
        domains=domains,
        sex_rows=sex_rows(headline_age_rows(rows, ages), cat,
                          {r.indicator_id: r.period for d in domains for r in d.rows}),
        age_rows=age_rows(rows, cat, {r.indicator_id: r.period for d in domains for r in d.rows}, ages, lang),
        notes=notes, note_counts=note_counts,
        appendix=entries,
        methods=profile_methods(lang, cat.loc[shown, "value_type"].astype(str), comparator, in_text,
                                None if national is None else names.get(national), inequality.measure),
        sources=sorted({e.source for e in entries if e.source}),
        records=area_records(rows, cat, str(area["name"])),
        geometries=locator_frame(snapshot, code, level),
        about=about_area(snapshot.notes, code, lang),
        comparator=comparator, comparator_name=in_text,
        national_name=None if national is None else names.get(national, national),
        inequality=inequality,
        **programme_fields(snapshot, rows, ages, code, str(area["name"]), lang),
    )
