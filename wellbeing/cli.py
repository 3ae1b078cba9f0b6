"""The `wellbeing` command: one CLI with subcommands.

Each subcommand lives next to what it drives; this module only assembles them.
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
    """Attach the subcommands owned by the other packages."""
    from etl.cli import demo_command, etl_app
    from wellbeing.cli_export import export_app
    from wellbeing.cli_serve import serve_command

    app.add_typer(etl_app, name="etl")
    app.add_typer(export_app, name="export")
    app.command("demo")(demo_command)
    app.command("serve")(serve_command)


_register()


if __name__ == "__main__":
    app()
