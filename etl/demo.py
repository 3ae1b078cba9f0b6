"""Load the synthetic demo city into the store when it is empty (`wellbeing demo`).

The demo city ("Demo City" / "Exempelstad" / "Przykładowe Miasto") is made
by data/demo/make_demo.py and configured by data/demo/demo.toml; it loads
through the same ETL as real data (docs/demo.md). ``make run`` calls this.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select

from etl.errors import EtlError
from etl.load import LoadResult
from store.engine import PROJECT_ROOT, database_url, get_engine
from store.migrate import upgrade
from store.schema import Area, City

DEMO_CONFIG: Path = PROJECT_ROOT / "data" / "demo" / "demo.toml"
MAKE_DEMO = PROJECT_ROOT / "data" / "demo" / "make_demo.py"

Say = Callable[[str], None]


def _quiet(_message: str) -> None:
    return None


def held_city(engine: Engine) -> str | None:
    """Name and area count of the city the store holds, or None when it holds no areas."""
    with engine.connect() as conn:
        areas = conn.execute(select(Area.code).where(Area.level != "city")).all()
        if not areas:
            return None
        name = conn.execute(select(City.name)).scalar()
    return f"{name or 'a city'} ({len(areas)} areas)"


def load_demo(engine: Engine | None = None, force: bool = False, say: Say = _quiet) -> LoadResult | None:
    """Migrate the store, then load the demo city unless the store already holds data.

    Returns the ETL's LoadResult, or None when nothing was loaded because the
    store holds a city and ``force`` is False. With ``force`` the demo city
    replaces whatever the store holds, even when these exact files are loaded.
    """
    if not DEMO_CONFIG.is_file():
        raise EtlError(
            f"{DEMO_CONFIG}: the demo city's configuration is missing. Fix: restore data/demo/ "
            f"from the repository, then run `.venv/bin/python {MAKE_DEMO.relative_to(PROJECT_ROOT)}`."
        )
    from etl.pipeline import run  # the pipeline pulls in geopandas; import it only when loading

    engine = engine or get_engine(database_url())
    upgrade(engine)
    held = held_city(engine)
    if held is not None and not force:
        say(f"The store already holds {held}; the demo city was not loaded. "
            "Use `wellbeing demo --force` to replace it with the demo city.")
        return None
    say(f"Loading the synthetic demo city from {DEMO_CONFIG.relative_to(PROJECT_ROOT)} ...")
    return run(DEMO_CONFIG, engine, force=force, say=say)
