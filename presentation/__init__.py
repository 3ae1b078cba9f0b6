"""What the dashboard and the reports both show: comparison palette and symbols, numbers,
translated strings, redaction of suppressed values, area notes, the comparison table of a
snapshot. Imports neither the dashboard nor the reports."""
