"""Stores of the cities several test folders read: the demo city loaded through the ETL, and
the health city (tests/dashboard/health_city.py), each in a SQLite file of its own, with
the comparison table and display geometry a load materialises."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from store.engine import make_engine
from store.migrate import upgrade

KINDS = ("demo", "health")


def city_store(kind: str, path: Path) -> Engine:
    """The ``kind`` city (one of ``KINDS``) written to a new SQLite store at ``path``."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    if kind == "demo":
        from etl.demo import load_demo

        load_demo(engine)
    else:
        from tests.dashboard.health_city import build_health_city

        build_health_city(engine)
    return engine


def two_city_store(folder: Path) -> Engine:
    """A SQLite store in ``folder`` holding two cities under keys and none of its own: north,
    the small city (9 districts, tests/etl/smallcity.py), and south, the demo city (40
    neighbourhoods); both at load batch 1."""
    from etl.demo import DEMO_CONFIG
    from etl.pipeline import run
    from tests.etl.smallcity import write_small_city

    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    run(write_small_city(folder / "north"), engine, city="north")
    run(DEMO_CONFIG, engine, city="south")
    return engine
