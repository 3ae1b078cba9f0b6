"""Fixtures of the dashboard tests: a synthetic city in an embedded store, its atlas and app.

The store is built once per test session (the tests only read it); tests that
change a store make their own with ``synthetic_store``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import dash
import pytest
from sqlalchemy import Engine

from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.grid_city import build_city


def _make_store(path: Path, **kwargs: Any) -> tuple[Engine, dict[str, Any]]:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine, build_city(engine, **kwargs)


@pytest.fixture(scope="session")
def city_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, dict[str, Any]]]:
    """The shared read-only synthetic city: 40 areas, 6 indicators, 7 periods, 3 prioritized."""
    engine, info = _make_store(tmp_path_factory.mktemp("city") / "atlas.sqlite")
    yield engine, info
    engine.dispose()


@pytest.fixture(scope="session")
def city(city_store: tuple[Engine, dict[str, Any]]) -> dict[str, Any]:
    """What the synthetic city holds: codes, prioritized codes, periods, the suppressed cells."""
    return city_store[1]


@pytest.fixture(scope="session")
def atlas(city_store: tuple[Engine, dict[str, Any]]) -> Atlas:
    return Atlas(city_store[0])


@pytest.fixture(scope="session")
def app(atlas: Atlas) -> dash.Dash:
    return create_app(atlas)


@pytest.fixture(scope="session")
def pages(app: dash.Dash) -> SimpleNamespace:
    """The page modules as Dash imported them (they can only be imported once an app exists)."""
    names = ("home", "area", "compare", "indicator", "scatter", "about", "not_found_404")
    return SimpleNamespace(**{n: importlib.import_module(f"dashboard.pages.{n}") for n in names})


@pytest.fixture
def client(app: dash.Dash) -> Any:
    return app.server.test_client()


@pytest.fixture
def in_request(app: dash.Dash) -> Callable[..., Any]:
    """A request context of the app (what page layouts and callbacks run in)."""

    def enter(path: str = "/", referrer: str | None = None) -> Any:
        headers = {"Referer": referrer} if referrer else {}
        return app.server.test_request_context(path, headers=headers)

    return enter


@pytest.fixture
def synthetic_store(tmp_path: Path) -> Iterator[Callable[..., tuple[Engine, dict[str, Any]]]]:
    """Make a fresh writable synthetic store (for tests that change or break it)."""
    engines: list[Engine] = []

    def make(**kwargs: Any) -> tuple[Engine, dict[str, Any]]:
        engine, info = _make_store(tmp_path / f"store{len(engines)}.sqlite", **kwargs)
        engines.append(engine)
        return engine, info

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture(scope="session")
def health_atlas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    """The grid city with standardised indicators, a deprivation measure (unemployment) and a
    national comparator (tests/dashboard/health_city.py); read-only."""
    from tests.dashboard.health_city import build_health_city

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('health') / 'atlas.sqlite'}")
    upgrade(engine)
    build_health_city(engine)
    yield Atlas(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def health_app(health_atlas: Atlas) -> dash.Dash:
    return create_app(health_atlas)


@pytest.fixture
def health_client(health_app: dash.Dash) -> Any:
    return health_app.server.test_client()
