"""The dashboard: reads the store (dashboard/model.py), calls indicators/, draws pages."""
