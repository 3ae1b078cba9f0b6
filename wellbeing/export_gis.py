"""`wellbeing export gis`: the areas with their values as columns, for QGIS and other GIS
(GeoPackage or GeoJSON; layout in ``api.gis`` and docs/api.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from settings.languages import LANGS
from wellbeing.etl_commands import CityOpt

if TYPE_CHECKING:
    from api.gis import GisRequest

FORMATS = ("gpkg", "geojson")
ATTEMPTS = 2  # a refresh landing while the outlines are read: read once more


def export_gis(
    out: Annotated[Path, typer.Option("--out", help="File to write (.gpkg or .geojson).")],
    fmt: Annotated[str, typer.Option("--format", help="gpkg (layer areas and table "
                                     "indicators) or geojson (layer areas).")] = "gpkg",
    crs: Annotated[str, typer.Option("--crs", help="EPSG:<code> (e.g. EPSG:3006), or utm for "
                                     "the city's UTM zone.")] = "EPSG:4326",
    period: Annotated[str, typer.Option("--period", help="Period of the value columns, or "
                                        "latest (each indicator's latest).")] = "latest",
    sex: Annotated[str, typer.Option("--sex", help="total, female or male.")] = "total",
    lang: Annotated[str, typer.Option("--lang", help="Language of names: sv, pl or en.")] = "sv",
    city: CityOpt = None,
) -> None:
    """Write every area with its latest values, 95% intervals, comparisons and trends as columns."""
    from wellbeing.errors import USAGE, fail

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}. Fix: use one of {', '.join(FORMATS)}.", USAGE)
    if out.is_dir():
        raise fail(f"--out {out} is a folder. Fix: give a file name, e.g. --out {out / ('atlas.' + fmt)}.",
                   USAGE)
    if out.suffix.lower() != f".{fmt}":
        raise fail(f"--out {out} does not end in .{fmt} but --format is {fmt}. Fix: name the "
                   f"file *.{fmt} or change --format.", USAGE)
    if sex not in ("total", "female", "male"):
        raise fail(f"unknown sex {sex!r}. Fix: use total, female or male.", USAGE)
    if lang not in LANGS:
        raise fail(f"unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.", USAGE)
    from api.gis import GisRequest

    _write(out, GisRequest(fmt=fmt, period=period, sex=sex, crs=crs, lang=lang), city)


def _write(out: Path, request: GisRequest, city: str | None) -> None:
    from api.gis import GisError, gis_layers, write_layers
    from api.source import StoreChanged, full_geometries
    from indicators import headline_age_groups
    from presentation.comparisons import comparison_table_of
    from store.cities import store_engine
    from store.engine import read_database_url
    from store.read import read_snapshot
    from wellbeing.errors import USAGE, errors_to_exit, fail, store_shown

    with errors_to_exit(store_shown(read_database_url())):
        engine = store_engine(city, read_database_url())
        for attempt in range(ATTEMPTS):
            snap = read_snapshot(engine)
            try:
                outlines = full_geometries(engine, snap.batch_id)
                break
            except StoreChanged:
                if attempt == ATTEMPTS - 1:
                    raise
        table = comparison_table_of(snap)
        try:
            layers = gis_layers(snap, table, headline_age_groups(table), outlines, request)
        except GisError as exc:
            raise fail(f"--{exc.parameter}: {exc}", USAGE) from exc
        out.parent.mkdir(parents=True, exist_ok=True)
        write_layers(layers, out, request.fmt)
    typer.echo(f"Wrote {len(layers.areas)} areas × {len(layers.indicators)} indicators to {out} "
               f"({layers.areas.crs.to_string() if layers.areas.crs else 'no CRS'})")
    typer.echo(f"Store: {store_shown(read_database_url())}" + (f", city {city}" if city else ""))
