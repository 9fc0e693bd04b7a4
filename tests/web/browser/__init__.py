"""Browser tests of the web page (a package, so its conftest does not shadow tests/web/conftest.py)."""
