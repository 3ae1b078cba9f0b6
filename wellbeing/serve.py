"""`wellbeing serve`: the dashboard on a local address.

One process (the default, and the only choice on Windows): waitress, a production WSGI
server in pure Python, with threads. ``--workers N`` (N > 1): gunicorn runs N processes,
each with its own threads and its own copy of the atlas; they share nothing but the store
and, with ``REDIS_URL``, the payload cache (docs/deploy.md). Each process pre-renders the
profiles of every new load batch (``WELLBEING_PRERENDER``, ``dashboard.prerender``).
``--debug`` uses Dash's development server with its dev tools instead.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import typer

import settings

# Connections one waitress process keeps open at once (its default, 100, is reached by
# about 100 visitors whose browsers keep a connection alive between clicks: the next one
# waits until an idle connection times out)
CONNECTIONS = 1000
WORKER_TIMEOUT = 120  # seconds a gunicorn worker may be silent before it is restarted
LOG_FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"


def serve_command(
    host: str | None = typer.Option(None, help="Address to listen on (default: WELLBEING_HOST, 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port to listen on (default: WELLBEING_PORT, 8050)."),
    workers: int | None = typer.Option(
        None, min=1, help="Web server processes (default: WELLBEING_WORKERS, 1). 1: waitress, one "
        "process; more: gunicorn with that many workers (Linux, macOS), sharing REDIS_URL if set."),
    debug: bool = typer.Option(False, help="Dash's development server with dev tools and reloader: for development only."),
) -> None:
    """Serve the dashboard (reads the store at DATABASE_URL; default data/atlas.sqlite)."""
    from store.engine import read_database_url, shown_url

    host = host or settings.get("WELLBEING_HOST")
    port = port or int(settings.get("WELLBEING_PORT"))
    workers = workers or int(settings.get("WELLBEING_WORKERS"))
    if settings.get("WELLBEING_PRERENDER").strip().lower() not in ("prioritized", "all", "off"):
        raise typer.BadParameter(f"WELLBEING_PRERENDER={settings.get('WELLBEING_PRERENDER')!r} is not a "
                                 "mode. Valid: prioritized, all, off.")
    count = threads()  # a bad WELLBEING_THREADS is refused before anything starts
    if workers > 1 and not debug:
        if sys.platform == "win32":
            raise typer.BadParameter(
                f"{workers} workers need gunicorn, which does not run on Windows. Fix: serve with "
                "--workers 1 (waitress, threads), or run the atlas on Linux for more processes.",
                param_hint="--workers")
        _logging()
        typer.echo(f"Store: {shown_url(read_database_url())}")
        typer.echo(f"Serving the dashboard at http://{host}:{port}/ with {workers} worker "
                   "processes (gunicorn; Ctrl+C stops them)")
        gunicorn_app(host, port, workers).run()
        return
    import waitress

    from dashboard import prerender
    from dashboard.app import create_app, warm
    from dashboard.model import Atlas

    atlas = Atlas()
    app = create_app(atlas)
    if not debug:  # the reloader would run it twice; a developer wants fresh pages anyway
        prerender.start(app, atlas)  # profiles of each new load batch, in the background
    warm(atlas, app)  # build the comparison table while the server starts
    typer.echo(f"Store: {shown_url(read_database_url())}")
    typer.echo(f"Serving the dashboard at http://{host}:{port}/ (Ctrl+C stops it)")
    if debug:
        app.run(host=host, port=port, debug=True, dev_tools_ui=True, dev_tools_props_check=True)
        return
    _logging()
    waitress.serve(app.server, host=host, port=port, threads=count, connection_limit=CONNECTIONS,
                   ident="wellbeing-atlas")


def threads() -> int:
    """Requests one process serves at once (``WELLBEING_THREADS``; waitress's default is 4)."""
    value = settings.get("WELLBEING_THREADS").strip()
    if not value.isdigit() or int(value) < 1:
        raise typer.BadParameter(f"WELLBEING_THREADS={value!r} is not a whole number of threads "
                                 "of 1 or more. Fix: set it to, e.g., 4, or unset it (2).")
    return int(value)


def _logging() -> None:
    """The dashboard's log lines (refusals, outages, Redis) on stderr, with the process id."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # /healthz reads the schema revision
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # a line per table of every PDF's fonts


def worker_app() -> Any:
    """One gunicorn worker's WSGI app: its own atlas, warmed in the background, and its
    pre-renderer (with a shared Redis, one worker's does the work)."""
    from dashboard import prerender
    from dashboard.app import create_app, warm
    from dashboard.model import Atlas

    atlas = Atlas()
    app = create_app(atlas)
    prerender.start(app, atlas)
    warm(atlas, app)
    return app.server


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    """gunicorn's settings: threaded workers; each builds its app after the fork (no store
    connection or thread crosses a fork); a worker that dies is replaced."""
    options: dict[str, Any] = {
        "bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread",
        "threads": threads(), "timeout": WORKER_TIMEOUT, "graceful_timeout": 30, "keepalive": 5,
        "preload_app": False, "proc_name": "wellbeing-atlas", "errorlog": "-",
        "loglevel": "info", "control_socket_disable": True,  # one per user's home: not ours
    }
    if Path("/dev/shm").is_dir():  # heartbeat files in memory, as gunicorn advises in containers
        options["worker_tmp_dir"] = "/dev/shm"
    return options


def gunicorn_app(host: str, port: int, workers: int) -> Any:
    """gunicorn's arbiter serving :func:`worker_app` (imported here: not on Windows)."""
    from gunicorn.app.base import BaseApplication

    # The code every worker runs, imported once here, before the fork, with the payload
    # cache's source digest: no store connection and no thread cross the fork, and a worker
    # starts by building its app only (docs/benchmarks.md, "A worker's cold start").
    import dashboard.app  # noqa: F401
    from dashboard.cache import _source_digest

    _source_digest()

    class Atlas(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers).items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return worker_app()

    return Atlas()
