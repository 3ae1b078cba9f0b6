"""The one domain error of the profile export; the message says what is wrong and the fix."""

from __future__ import annotations


class ExportError(Exception):
    """A profile cannot be produced (unknown area, format or language; empty store...)."""
