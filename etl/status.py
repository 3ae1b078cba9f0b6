"""What the store holds: load batches, areas, indicators, periods and value counts.

Counted in the database (GROUP BY), so it stays quick on millions of values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, case, func, select

from store.schema import Area, City, Indicator, IndicatorValue, LoadBatch


@dataclass(frozen=True)
class StoreStatus:
    """A summary of the store, read in one transaction."""

    url: str
    city: dict[str, Any]
    batches: pd.DataFrame  # id, status, finished, areas, indicators, values, message
    areas: pd.DataFrame  # level, areas, prioritized
    prioritized: pd.DataFrame  # code, name
    domains: pd.DataFrame  # domain, indicators, values, first_period, last_period
    periods: pd.DataFrame  # period, values
    statuses: pd.DataFrame  # status, values (NULL status shown as "value")


def _frame(conn: Any, stmt: Any, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(conn.execute(stmt).all(), columns=columns)


def read_status(engine: Engine, batches: int = 10) -> StoreStatus:
    """Counts of what the store holds and its last ``batches`` load batches."""
    v = IndicatorValue
    with engine.connect() as conn, conn.begin():
        city = conn.execute(select(City.code, City.name, City.synthetic)).mappings().first()
        batch_frame = _frame(conn, select(
            LoadBatch.id, LoadBatch.status, LoadBatch.finished_at, LoadBatch.areas_loaded,
            LoadBatch.indicators_loaded, LoadBatch.values_loaded, LoadBatch.message,
        ).order_by(LoadBatch.id.desc()).limit(batches),
            ["id", "status", "finished", "areas", "indicators", "values", "message"])
        areas = _frame(conn, select(
            Area.level, func.count(), func.sum(case((Area.prioritized, 1), else_=0))
        ).group_by(Area.level).order_by(Area.level), ["level", "areas", "prioritized"])
        prioritized = _frame(conn, select(Area.code, Area.name).where(Area.prioritized)
                             .order_by(Area.code), ["code", "name"])
        domains = _frame(conn, select(
            Indicator.domain, func.count(func.distinct(Indicator.id)), func.count(v.indicator_id),
            func.min(v.period), func.max(v.period),
        ).select_from(Indicator).outerjoin(v, v.indicator_id == Indicator.id)
            .group_by(Indicator.domain).order_by(Indicator.domain),
            ["domain", "indicators", "values", "first_period", "last_period"])
        periods = _frame(conn, select(v.period, func.count()).group_by(v.period)
                         .order_by(v.period), ["period", "values"])
        statuses = _frame(conn, select(func.coalesce(v.status, "value"), func.count())
                          .group_by(func.coalesce(v.status, "value")), ["status", "values"])
    url = engine.url.render_as_string(hide_password=True)
    return StoreStatus(url, dict(city) if city else {}, batch_frame, areas, prioritized,
                       domains, periods, statuses)


def _table(title: str, frame: pd.DataFrame, empty: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        wraps = column == "message"
        table.add_column(str(column), justify="right" if numeric else "left",
                         overflow="fold" if wraps else "ellipsis", no_wrap=not wraps)
    for row in frame.itertuples(index=False):
        table.add_row(*("" if pd.isna(x) else _text(x) for x in row))
    if frame.empty:
        table.add_row(empty, *[""] * (len(frame.columns) - 1))
    return table


def _text(value: Any) -> str:
    if isinstance(value, pd.Timestamp) or hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_status(status: StoreStatus, console: Console) -> None:
    """Print the status as rich tables."""
    city = status.city
    if city:
        label = " (synthetic data)" if city.get("synthetic") else ""
        console.print(f"Store {status.url}: {city['name']} ({city['code']}){label}",
                      markup=False, highlight=False, soft_wrap=True)
    else:
        console.print(f"Store {status.url}: no city loaded yet.", markup=False, highlight=False, soft_wrap=True)
    batches = status.batches.copy()
    batches["message"] = batches["message"].fillna("").str.slice(0, 100)
    console.print(_table("Load batches (newest first)", batches, "none"))
    console.print(_table("Areas by level", status.areas, "none"))
    console.print(_table("Prioritized areas", status.prioritized, "none"))
    console.print(_table("Indicators by domain", status.domains, "none"))
    console.print(_table("Values by period", status.periods, "none"))
    console.print(_table("Values by status", status.statuses, "none"))
