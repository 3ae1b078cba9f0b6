"""`wellbeing serve`: the dashboard on a local address, through waitress (a production
WSGI server, pure Python, also on Windows); ``--debug`` uses Dash's development
server with its dev tools instead."""

from __future__ import annotations

import typer

import settings

THREADS = 8  # requests served at once (waitress's default is 4)


def serve_command(
    host: str | None = typer.Option(None, help="Address to listen on (default: WELLBEING_HOST, 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port to listen on (default: WELLBEING_PORT, 8050)."),
    debug: bool = typer.Option(False, help="Dash's development server with dev tools and reloader: for development only."),
) -> None:
    """Serve the dashboard (reads the store at DATABASE_URL; default data/atlas.sqlite)."""
    import waitress

    from dashboard.app import create_app, warm
    from dashboard.model import Atlas

    host = host or settings.get("WELLBEING_HOST")
    port = port or int(settings.get("WELLBEING_PORT"))
    atlas = Atlas()
    app = create_app(atlas)
    warm(atlas)  # build the comparison table while the server starts
    from store.engine import read_database_url, shown_url

    typer.echo(f"Store: {shown_url(read_database_url())}")
    typer.echo(f"Serving the dashboard at http://{host}:{port}/ (Ctrl+C stops it)")
    if debug:
        app.run(host=host, port=port, debug=True, dev_tools_ui=True, dev_tools_props_check=True)
        return
    waitress.serve(app.server, host=host, port=port, threads=THREADS, ident="wellbeing-atlas")
