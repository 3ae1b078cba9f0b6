"""Tests of the dashboard: plain functions, callbacks, every page in every language."""
