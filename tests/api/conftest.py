"""Fixtures of the API tests: a small synthetic city in a store, served by waitress on
loopback (the dashboard's app, with the API blueprint on it), and an HTTP client.

``served`` is one read-only SQLite city for the whole module; ``serve_store`` serves any
store a test makes (the PostGIS and SQLite runs of ``store_engine``, or a store a test
changes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import Engine

from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.grid_city import build_city
from tests.conftest import waitress_serving

SIZE = {"cols": 4, "rows": 3, "n_periods": 7, "n_prioritized": 3}


@dataclass(frozen=True)
class Served:
    """A server on loopback and what its store holds."""

    base: str
    city: dict[str, Any]
    engine: Engine

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.get(self.base + path, timeout=60, **kwargs)

    def json(self, path: str, **kwargs: Any) -> Any:
        resp = self.get(path, **kwargs)
        assert resp.status_code == 200, (path, resp.status_code, resp.text[:300])
        return resp.json()


@contextmanager
def serving(engine: Engine, city: dict[str, Any]) -> Iterator[Served]:
    app = create_app(Atlas(engine))
    with waitress_serving(app.server, threads=4) as base:
        yield Served(base, city, engine)


def fill(engine: Engine) -> dict[str, Any]:
    """The synthetic city (12 areas, 6 indicators, 7 periods; one cell suppressed by the
    engine, one at source) in ``engine``."""
    return build_city(engine, **SIZE)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('api') / 'atlas.sqlite'}")
    upgrade(engine)
    city = fill(engine)
    with serving(engine, city) as server:
        yield server
    engine.dispose()


@pytest.fixture
def serve_store() -> Callable[[Engine], Any]:
    """``with serve_store(engine) as server``: ``engine`` filled with the city and served."""

    @contextmanager
    def serve(engine: Engine, city: dict[str, Any] | None = None) -> Iterator[Served]:
        with serving(engine, city if city is not None else fill(engine)) as server:
            yield server

    return serve


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    upgrade(engine)
    yield engine
    engine.dispose()
