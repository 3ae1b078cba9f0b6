"""Functions that return layout: the page frame, pickers, panels, tables and chart blocks.

They draw plain view models (``dashboard/viewmodels``) and never read the Atlas; the pages'
layout functions and callbacks build the models and hand them on."""
