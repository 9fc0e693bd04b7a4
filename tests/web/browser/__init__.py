"""Browser tests of the web page (a package: its conftest must not shadow tests/web's)."""
