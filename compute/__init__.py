"""The indicator engine on Dask: the comparison table computed per indicator on a cluster.

Between ``indicators`` (pure, single-process) and its callers: ``distributed_table``
gives exactly ``indicators.comparison_table``'s result, computed by the workers of a
local cluster or of the scheduler named by ``WELLBEING_DASK_SCHEDULER``
(docs/deploy.md, "Computing on Dask").
"""

from compute.cluster import client, scheduler_address
from compute.engine import distributed_table
from compute.snapshot import table_of

__all__ = ["client", "distributed_table", "scheduler_address", "table_of"]
