"""The Dask client: a scheduler's address (setting ``WELLBEING_DASK_SCHEDULER``), else a
local cluster of one single-threaded worker process per core."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import settings

if TYPE_CHECKING:
    from distributed import Client

WORKER_MEMORY = "4GB"


def _distributed() -> object:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ImportError("Computing on Dask needs the 'distributed' package: "
                          "pip install 'dask[distributed]'") from exc
    return distributed


def scheduler_address() -> str:
    """The configured scheduler (``tcp://host:8786``), empty for a local cluster."""
    return settings.get("WELLBEING_DASK_SCHEDULER").strip()


def client(address: str | None = None, n_workers: int | None = None,
           memory_limit: str = WORKER_MEMORY) -> Client:
    """A client of the scheduler at ``address`` (else the setting); with neither, of a new
    local cluster (``n_workers`` processes, default one per core, each with
    ``memory_limit``), which closes with the client."""
    distributed = _distributed()
    target = scheduler_address() if address is None else address.strip()
    if target:
        return distributed.Client(target, timeout="10s")  # type: ignore[attr-defined]
    # keyword arguments start a LocalCluster that the client owns and closes
    return distributed.Client(  # type: ignore[attr-defined]
        n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        memory_limit=memory_limit, dashboard_address=None)
