"""`wellbeing cities list|drop`: the cities of a many-city store (``store.cities``)."""

from __future__ import annotations

from typing import Annotated

import typer

from wellbeing.errors import console, errors_to_exit, store_shown

cities_app = typer.Typer(help="The cities of a many-city store (loaded with `etl run --city`).",
                         no_args_is_help=True)


@cities_app.command("list")
def list_command() -> None:
    """List the store's cities: key, name, areas, indicators, load batch and when it landed."""
    import pandas as pd

    from store.cities import list_cities
    from store.engine import database_url, get_engine

    out = console()
    shown = store_shown()
    with errors_to_exit(shown):
        cities = list_cities(get_engine(database_url()))
    out.print(f"Store: {shown}", markup=False, soft_wrap=True)
    if not len(cities):
        out.print("No cities loaded by key: this is a one-city store "
                  "(load one with `wellbeing etl run CONFIG --city KEY`).", markup=False)
        return
    for row in cities.to_dict("records"):
        loaded = row["loaded_at"]
        when = pd.Timestamp(loaded).strftime("%Y-%m-%d %H:%M") if pd.notna(loaded) else "?"
        national = f", compared with {row['national_code']}" if isinstance(row["national_code"], str) else ""
        out.print(f"{row['slug']}: {row['name_en']} ({row['code']}), {row['areas']} areas, "
                  f"{row['indicators']} indicators, batch {row['batch_id']} at {when} UTC{national}",
                  markup=False, soft_wrap=True)


@cities_app.command("drop")
def drop_command(
    city: Annotated[str, typer.Argument(help="The key of the city to remove.")],
) -> None:
    """Remove one city from the store (its tables and its registry rows); the others stay."""
    from store.cities import drop_city
    from store.engine import StoreError, database_url, get_engine

    shown = store_shown()
    with errors_to_exit(shown):
        if not drop_city(get_engine(database_url()), city):
            raise StoreError(f"The store {shown} holds no city {city!r}. "
                             "Fix: see `wellbeing cities list`.")
    typer.echo(f"Removed city {city} from {shown}.")
