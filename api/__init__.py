"""Open data: the read API under /api/v1 (``api.blueprint``) and the files the atlas
hands to other tools (GIS layers in ``api.gis``, per-indicator tables with CSVW metadata
in ``api.indicator_files``, charts in ``api.chart``, the Fingertips-style long layout in
``api.fingertips``).

It sits beside ``reports``: it reads the store's snapshot and the engine's comparison
table (through a :class:`~api.source.Source`), and shares ``presentation`` with the
dashboard and the reports; it never imports the dashboard or the CLI. The dashboard
mounts the blueprint on its own server and hands it its cached ``Atlas`` as the source.
"""
