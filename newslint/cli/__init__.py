"""Command-line fronts: one module per command."""
