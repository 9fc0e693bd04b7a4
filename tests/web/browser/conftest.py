"""Fixtures of the browser tests: the real ``kehoach serve`` app on 127.0.0.1 (uvicorn in a
thread, a free port, a temporary folder) and Chromium from the distribution's packages,
driven by Playwright (its bundled driver; no browser download: ``executable_path``).

Skipped when Chromium or Playwright is missing, except in CI (``CI`` set), where
``.ci/run`` installs them and a missing one is a failure.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: .ci/run)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    """Debian's Chromium (``chromium``), or ``$KEHOACH_CHROMIUM``."""
    for candidate in (os.environ.get("KEHOACH_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright (skipped without either, outside CI)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        _missing("Chromium is not installed (Debian: apt-get install chromium chromium-driver)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Server:
    """A running app: its folder, its address and the start token."""

    folder: Path
    base: str
    token: str


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """The real app of ``kehoach serve`` on 127.0.0.1, a free port, an empty folder."""
    pytest.importorskip("starlette", reason="the web extra is not installed")
    import uvicorn

    from kehoach.web.app import create_app

    folder = tmp_path / "folder"
    folder.mkdir()
    token = secrets.token_urlsafe(32)
    config = uvicorn.Config(
        create_app(folder, token=token), host="127.0.0.1", port=0, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:  # start-up wait, not a timing assertion
        if not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    port = running.servers[0].sockets[0].getsockname()[1]
    yield Server(folder, f"http://127.0.0.1:{port}", token)
    running.should_exit = True
    thread.join()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A page opened with the start token (as ``kehoach serve`` opens it), downloads on."""
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1440, "height": 900}, locale="vi-VN"
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{server.base}/?token={server.token}")
    tab.wait_for_selector("main h1")
    yield tab
    context.close()
    assert errors == [], f"script errors on the page: {errors}"
