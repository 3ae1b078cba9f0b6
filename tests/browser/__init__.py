"""End-to-end tests in headless Chromium (one file: test_e2e.py)."""
