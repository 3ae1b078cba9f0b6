"""The `wellbeing` command: one CLI with subcommands.

Every command lives in this package (one module per group of commands); this module
assembles them. Errors reach the user through one adapter, :mod:`wellbeing.errors`.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Neighbourhood well-being indicator atlas.", no_args_is_help=True)
db_app = typer.Typer(help="The store's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the store's tables (DATABASE_URL, default: data/atlas.sqlite); says
    which store, and whether it was created, upgraded or already up to date. A store from
    before the comparison table was written at load gets it computed once."""
    from etl.comparisons import materialise_if_missing
    from store.engine import database_url, get_engine, sqlite_file
    from store.migrate import current_revision, head_revision, schema_state, upgrade
    from wellbeing.errors import errors_to_exit, store_shown

    shown = store_shown()
    with errors_to_exit(shown):
        file = sqlite_file(database_url())
        new_file = file is not None and not file.exists()
        engine = get_engine(database_url())
        state, before = schema_state(engine), current_revision(engine)
        upgrade(engine)
        computed = materialise_if_missing(engine) if state == "behind" else None
    if new_file:
        typer.echo(f"Created a new store: {shown} (a SQLite file, with the atlas's tables).")
    elif state == "empty":
        typer.echo(f"Created the atlas's tables in the store {shown}.")
    elif state == "behind":
        typer.echo(f"Upgraded the store {shown} from schema revision {before} to {head_revision()} "
                   "(the data are kept).")
        if computed is not None:
            typer.echo(f"Computed the comparison table of the current load once ({computed} rows), "
                       "so that the dashboard reads it instead of computing it in every worker.")
    else:
        typer.echo(f"Store is up to date: {shown}")
    _upgrade_cities(shown)


def _upgrade_cities(shown: str) -> None:
    """Every city of a many-city store brought to this version's schema too."""
    from etl.comparisons import materialise_if_missing
    from store.cities import city_slugs, store_engine
    from store.engine import database_url, get_engine
    from store.migrate import schema_state, upgrade
    from wellbeing.errors import errors_to_exit

    with errors_to_exit(shown):
        for slug in city_slugs(get_engine(database_url())):
            engine = store_engine(slug)
            state = schema_state(engine)
            upgrade(engine)
            if state == "behind":
                materialise_if_missing(engine)
            typer.echo(f"City {slug}: " + ("upgraded." if state == "behind" else "up to date."))


def _register() -> None:
    """Attach the command groups of this package."""
    from wellbeing.assessment import assessment_app
    from wellbeing.cities_commands import cities_app
    from wellbeing.etl_commands import demo_command, etl_app
    from wellbeing.export_data import export_data
    from wellbeing.export_gis import export_gis
    from wellbeing.export_profile import export_profile
    from wellbeing.report_programme import report_programme
    from wellbeing.serve import serve_command

    export_app = typer.Typer(help="Export data, GIS layers and area profiles.", no_args_is_help=True)
    export_app.command("data")(export_data)
    export_app.command("gis")(export_gis)
    export_app.command("profile")(export_profile)
    app.add_typer(etl_app, name="etl")
    app.add_typer(export_app, name="export")
    app.add_typer(cities_app, name="cities")
    app.add_typer(assessment_app, name="assessment")
    report_app = typer.Typer(help="Reports of the city's programmes.", no_args_is_help=True)
    report_app.command("programme")(report_programme)
    app.add_typer(report_app, name="report")
    app.command("demo")(demo_command)
    app.command("serve")(serve_command)


_register()


if __name__ == "__main__":
    app()
