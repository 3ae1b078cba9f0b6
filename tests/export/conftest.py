"""Fixtures of the export tests: the small known city in a store, its Atlas, and
profiles rendered once per session (rendering is the slow part)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from tests.export.city import build_city

EXPORT_DATE = date(2024, 5, 17)


@pytest.fixture(scope="session")
def city_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SQLite store holding the test city, shared by the session (read-only)."""
    path = tmp_path_factory.mktemp("export") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_city(engine)
    engine.dispose()
    yield path


@pytest.fixture(scope="session")
def city_engine(city_store: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{city_store}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def atlas(city_engine: Engine) -> Atlas:
    return Atlas(city_engine)
