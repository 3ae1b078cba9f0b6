"""Synthetic cities for tests and benchmarks: deterministic, seeded, made up.

- ``synthetic.grid_city``: a city on a grid of wiggly areas, written straight
  into a store (the dashboard tests; the dashboard and export benchmarks);
- ``synthetic.nation``: national-scale inputs of the indicator engine as
  DataFrames (the indicators benchmark);
- ``synthetic.deso``: DeSO-like polygons and the nation's values as ETL input
  files (the ETL benchmark);
- ``synthetic.dash_client``: callbacks and pages requested as a browser would,
  through Flask's test client (the dashboard tests and benchmark).

Small known-answer fixtures stay next to their tests (``tests/etl/smallcity.py``,
``tests/export/city.py``, ``tests/indicators/builders.py``).
"""
