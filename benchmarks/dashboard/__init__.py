"""Benchmark of the dashboard: callback server time and the map payload."""
