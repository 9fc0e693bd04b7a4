"""Fixtures of the ``kehoach serve`` tests: a folder with the Sa Pa plan and a client.

The tests need the ``web`` extra (Starlette, uvicorn, python-multipart, httpx); they are
skipped, with the reason, when it is not installed (the ``test`` extra installs it).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "starlette", reason='the web extra is not installed: pip install "kehoach[web]"'
)
pytest.importorskip("httpx2", reason="httpx2 (Starlette's test client) is not installed")
pytest.importorskip("multipart", reason="python-multipart is not installed")

from starlette.testclient import TestClient

from kehoach.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PLAN = "sapa-2022-tuyen-giao.yaml"
TOKEN = "test-token"
CSRF = "test-csrf"
HOST = "testserver"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A working folder holding the Sa Pa plan (its comments included)."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(EXAMPLES / PLAN, work / PLAN)
    return work


AppFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(folder: Path) -> Iterator[AppFactory]:
    """``make_client(signed_in=True, **create_app options)`` → a test client of the folder."""
    clients: list[TestClient] = []

    def make(signed_in: bool = True, raise_errors: bool = True, **options: object) -> TestClient:
        options.setdefault("hosts", frozenset({HOST}))
        app = create_app(folder, token=TOKEN, csrf=CSRF, **options)  # type: ignore[arg-type]
        client = TestClient(app, raise_server_exceptions=raise_errors)
        if signed_in:
            client.cookies.set("kehoach_session", TOKEN)
            client.headers["X-CSRF-Token"] = CSRF
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: AppFactory) -> TestClient:
    """A signed-in client (session cookie and CSRF header set)."""
    return make_client()


@pytest.fixture(scope="session")
def sapa_docx() -> bytes:
    """The Sa Pa plan rendered by kehoach (what staff would upload as last year's plan)."""
    from kehoach import render_plan_bytes

    return render_plan_bytes(EXAMPLES / PLAN)


def first_task(data: object) -> dict:
    """The first task of the plan data, wherever the plan keeps its tasks."""
    if isinstance(data, dict):
        tasks = data.get("tasks")
        if isinstance(tasks, list) and tasks and isinstance(tasks[0], dict) and "text" in tasks[0]:
            return tasks[0]
        children = list(data.values())
    else:
        children = list(data) if isinstance(data, list) else []
    for child in children:
        try:
            return first_task(child)
        except LookupError:
            continue
    raise LookupError("no task")
