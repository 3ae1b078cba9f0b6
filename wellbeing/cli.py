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
    """Create or migrate the store's tables (DATABASE_URL, default: data/atlas.sqlite)."""
    from store.engine import database_url
    from store.migrate import upgrade
    from wellbeing.errors import errors_to_exit

    with errors_to_exit():
        upgrade()
    typer.echo(f"Store is up to date: {database_url()}")


def _register() -> None:
    """Attach the command groups of this package."""
    from wellbeing.etl_commands import demo_command, etl_app
    from wellbeing.export_data import export_data
    from wellbeing.export_gis import export_gis
    from wellbeing.export_profile import export_profile
    from wellbeing.serve import serve_command

    export_app = typer.Typer(help="Export data, GIS layers and area profiles.", no_args_is_help=True)
    export_app.command("data")(export_data)
    export_app.command("gis")(export_gis)
    export_app.command("profile")(export_profile)
    app.add_typer(etl_app, name="etl")
    app.add_typer(export_app, name="export")
    app.command("demo")(demo_command)
    app.command("serve")(serve_command)


_register()


if __name__ == "__main__":
    app()
