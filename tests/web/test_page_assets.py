"""The page's own files (src/kehoach/web/static, templates): both languages say every
string the scripts use, user text never goes in as HTML, nothing comes from elsewhere."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

WEB = Path(str(files("kehoach.web")))
SCRIPTS = sorted((WEB / "static" / "js").glob("*.js"))
MESSAGES = json.loads((WEB / "templates" / "messages.json").read_text(encoding="utf-8"))


def test_both_languages_have_the_same_strings() -> None:
    """Vietnamese and English tables have the same keys and the same {placeholders}."""
    assert set(MESSAGES) == {"vi", "en"}
    assert MESSAGES["vi"].keys() == MESSAGES["en"].keys()
    for key, text in MESSAGES["vi"].items():
        places = set(re.findall(r"\{\w+\}", text))
        assert places == set(re.findall(r"\{\w+\}", MESSAGES["en"][key])), key


def test_every_string_the_scripts_use_exists() -> None:
    """Each t("key") and app.t("key") of the scripts names a string of the table."""
    used: set[str] = set()
    for script in SCRIPTS:
        used |= set(re.findall(r"\bt\(\s*[\"'`]([a-zA-Z0-9.]+)[\"'`]", script.read_text("utf-8")))
    assert used, "no strings found: the pattern is out of date"
    assert used - MESSAGES["vi"].keys() == set()


def test_vietnamese_strings_are_nfc() -> None:
    """The Vietnamese strings are in composed form (NFC), as all kehoach text."""
    import unicodedata

    for key, text in MESSAGES["vi"].items():
        assert unicodedata.normalize("NFC", text) == text, key


def test_user_text_never_goes_in_as_html() -> None:
    """Only dom.js's safeFragment (the server's escaped preview) parses HTML."""
    risky = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function"
    )
    for script in SCRIPTS:
        lines = script.read_text("utf-8").splitlines()
        hits = [line for line in lines if risky.search(line) and not line.lstrip().startswith("//")]
        if script.name == "dom.js":
            assert hits == ["  template.innerHTML = html;"]
        else:
            assert hits == [], script.name


def test_everything_ships_in_the_package() -> None:
    """The page loads only its own files: no CDN, no address outside the server."""
    page = (WEB / "templates" / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    assert linked and all((WEB / link.removeprefix("/")).is_file() for link in linked)
    for script in SCRIPTS:
        text = script.read_text("utf-8")
        for module in re.findall(r'from "([^"]+)"', text):
            assert module.startswith("./") and (script.parent / module).is_file(), module
        assert not re.search(r"https?://", text), script.name
    for sheet in (WEB / "static" / "css").glob("*.css"):
        assert not re.search(r"url\(|@import|https?://", sheet.read_text("utf-8")), sheet.name
