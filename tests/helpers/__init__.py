"""Shared test helpers (LibreOffice conversion, golden comparison, sample documents)."""
