"""Benchmark of the public-health methods: directly standardised rates and life expectancy."""
