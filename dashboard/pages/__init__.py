"""Page modules, imported by Dash (``use_pages``); each registers itself and its callbacks."""
