"""Benchmark of the area profile exports: ``python -m benchmarks.export [--quick]``."""
