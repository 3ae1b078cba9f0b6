"""Functions that return layout: the page frame, pickers, panels, tables and chart blocks."""
