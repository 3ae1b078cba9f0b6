"""`wellbeing export ...`: the comparison table and area profiles as files."""

from __future__ import annotations

import typer

from dashboard.export.command import export_profile
from wellbeing.export_data import export_data

export_app = typer.Typer(help="Export data and area profiles.", no_args_is_help=True)
export_app.command("data")(export_data)
export_app.command("profile")(export_profile)
