"""Spreadsheets (openpyxl): plans exported for editing, and the progress sheet staff fill in.

``kehoach.sheets.workbook`` holds the shared plumbing (layout checks, typed cells, located
errors, deterministic saving); ``kehoach.sheets.plan`` and ``kehoach.sheets.progress``
build their layouts on it.
"""
