"""`wellbeing export data`: the comparison table of the store as one CSV file.

Default layout: the 25 contract columns ``indicators.EXPORT_COLUMNS`` (docs/indicators.md)
in that order, then ``presentation.comparators.EXPORT_EXTRA``: the comparator the
judgements of ``compared_to_comparator`` use (``--comparator``: the city by default), its
value, the interval method, the standardised and estimated flags and where the 99.8%
limits come from; then ``presentation.targets.EXPORT_TARGET``: the target that applies to
the row, the row compared with it and the target's progress (docs/programmes.md); UTF-8,
'.' as decimal mark, suppressed values left empty.
``--layout fingertips``: Fingertips' long "all data" columns and vocabulary
(``api.fingertips``; docs/api.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from settings.languages import LANGS
from wellbeing.etl_commands import CityOpt

SORT_KEYS = ["indicator_id", "area_code", "period", "sex"]
LAYOUTS = ("default", "fingertips")


def export_data(
    out: Annotated[Path, typer.Option("--out", help="CSV file to write (UTF-8, '.' decimals).")],
    lang: Annotated[str, typer.Option("--lang", help="Language of names: sv, pl or en.")] = "sv",
    layout: Annotated[str, typer.Option(
        "--layout", help="Columns: default (the atlas's export columns) or fingertips "
        "(Fingertips' long 'all data' columns and words).")] = "default",
    comparator: Annotated[str, typer.Option(
        "--comparator", help="What compared_to_comparator judges against (default layout): "
        "city, rest (the rest of the city), parent (the parent district) or the code of a "
        "national or regional comparator in the store, e.g. SE.")] = "city",
    city: CityOpt = None,
) -> None:
    """Write the comparison table (every area, indicator, period and sex) to a CSV file."""
    from indicators import localize
    from presentation.comparators import comparator_choices, export_rows
    from presentation.comparisons import comparison_table_of
    from presentation.formulas import neutralise_frame
    from store.cities import store_engine
    from store.engine import read_database_url
    from store.read import read_snapshot
    from wellbeing.errors import USAGE, errors_to_exit, fail, store_shown

    if lang not in LANGS:
        raise fail(f"unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.", USAGE)
    if layout not in LAYOUTS:
        raise fail(f"unknown layout {layout!r}. Fix: use one of {', '.join(LAYOUTS)}.", USAGE)
    if layout == "fingertips" and comparator != "city":
        raise fail("--comparator applies to the default layout; the fingertips layout compares "
                   "with the city and the rest of the city. Fix: drop --comparator or "
                   "--layout fingertips.", USAGE)
    if out.is_dir():
        raise fail(f"--out {out} is a folder. Fix: give a file name, e.g. --out {out / 'atlas.csv'}.", USAGE)
    with errors_to_exit(store_shown(read_database_url())):
        snap = read_snapshot(store_engine(city, read_database_url()))
        valid = [code for code, _ in comparator_choices(snap, lang)]
        if comparator not in valid:
            raise fail(f"unknown comparator {comparator!r}. Fix: use one of {', '.join(valid)}.",
                       USAGE)
        table = comparison_table_of(snap)
        named = localize(table, snap.catalogue, snap.areas, lang)
        if layout == "fingertips":
            from api.fingertips import fingertips_frame

            rows = fingertips_frame(named, snap.areas)
        else:
            rows = export_rows(named, snap, comparator).sort_values(SORT_KEYS, kind="stable")
        out.parent.mkdir(parents=True, exist_ok=True)
        neutralise_frame(rows).to_csv(out, index=False, encoding="utf-8")
    typer.echo(f"Wrote {len(rows)} rows to {out}")
    typer.echo(f"Store: {store_shown(read_database_url())}" + (f", city {city}" if city else ""))
