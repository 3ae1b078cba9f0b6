"""Pure frame → figure builders (Plotly figures as dicts; the spine chart as geometry)."""
