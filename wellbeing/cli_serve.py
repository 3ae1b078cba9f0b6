"""`wellbeing serve`: the dashboard on a local address (production: gunicorn dashboard.app:server)."""

from __future__ import annotations

import typer

from wellbeing import settings


def serve_command(
    host: str | None = typer.Option(None, help="Address to listen on (default: WELLBEING_HOST, 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port to listen on (default: WELLBEING_PORT, 8050)."),
    debug: bool = typer.Option(False, help="Dash dev tools and reloader: for development only."),
) -> None:
    """Serve the dashboard (reads the store at DATABASE_URL; default data/atlas.sqlite)."""
    from dashboard.app import create_app, warm
    from dashboard.model import Atlas

    host = host or settings.get("WELLBEING_HOST")
    port = port or int(settings.get("WELLBEING_PORT"))
    atlas = Atlas()
    app = create_app(atlas)
    warm(atlas)  # build the comparison table while the server starts
    typer.echo(f"Serving the dashboard at http://{host}:{port}/ (Ctrl+C stops it)")
    app.run(host=host, port=port, debug=debug, dev_tools_ui=debug, dev_tools_props_check=debug)
