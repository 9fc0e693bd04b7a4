"""The Starlette application of ``kehoach serve`` (see docs/web.md for the API).

:func:`create_app` wires the security middleware (:mod:`kehoach.web.security`), the
page, its static files and the JSON routes (:mod:`kehoach.web.routes_files`,
:mod:`kehoach.web.routes_work`). No traceback ever reaches the browser: kehoach's own
errors are answered in the page's language with the command line's wording, anything
else with a short Vietnamese (or English) message, the details going to the log.
"""

from __future__ import annotations

import json
import logging
from importlib.resources import files
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kehoach.errors import KehoachError
from kehoach.web import pages, routes_files, routes_work
from kehoach.web.problems import ApiError, error_body, status_of
from kehoach.web.security import Guard, SecurityMiddleware, new_token
from kehoach.web.state import WebState, lang_of, state_of
from kehoach.web.storage import Folder, Stale

__all__ = ["WebState", "create_app", "lang_of", "state_of"]

log = logging.getLogger("kehoach.web")


def create_app(
    folder: Path,
    *,
    token: str,
    lang: str = "vi",
    hosts: frozenset[str] | None = frozenset({"127.0.0.1", "localhost", "::1"}),
    csrf: str | None = None,
    json_limit: int | None = None,
    upload_limit: int | None = None,
    disabled_plugins: tuple[str, ...] = (),
) -> Starlette:
    """The application serving ``folder``.

    Args:
        folder: The working folder: every file read or written is in it.
        token: The start token (``kehoach serve`` makes one per start).
        lang: ``vi`` or ``en``: the language of messages and of the page.
        hosts: Host names the ``Host`` header may carry (``None``: any).
        csrf: The page's CSRF token (default: a new random one).
        json_limit: Largest JSON body (default: the plan file limit,
            :data:`kehoach.input_limits.MAX_FILE_BYTES`).
        upload_limit: Largest upload (default: ``kehoach check``'s input limit).
        disabled_plugins: Plugins not to load (as ``--disable-plugin``).
    """
    from kehoach import get_plugin_manager
    from kehoach.check.read.package import MAX_INPUT_BYTES
    from kehoach.input_limits import MAX_FILE_BYTES

    guard = Guard(
        token=token,
        csrf=csrf or new_token(),
        hosts=hosts,
        json_limit=json_limit or MAX_FILE_BYTES,
        upload_limit=upload_limit or MAX_INPUT_BYTES,
        lang="en" if lang == "en" else "vi",
    )
    routes = [
        Route("/", index),
        Mount(
            "/static", StaticFiles(directory=str(files("kehoach.web") / "static")), name="static"
        ),
        *routes_work.ROUTES,
        *routes_files.ROUTES,
        *pages.ROUTES,
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityMiddleware, guard=guard)],
        exception_handlers={
            ApiError: _api_error,
            KehoachError: _kehoach_error,
            Stale: _stale,
            Exception: _internal_error,
        },
    )
    app.state.kehoach = WebState(
        Folder(folder), guard.lang, guard, get_plugin_manager(disabled=disabled_plugins)
    )
    return app


async def index(request: Request) -> Response:
    """The page: ``templates/index.html`` with the CSRF token, language, UI strings."""
    from kehoach import __version__

    lang = lang_of(request)
    template = _templates().get_template("index.html")
    html = template.render(
        csrf_token=state_of(request).guard.csrf,
        lang=lang,
        messages=_ui_messages(lang),
        version=__version__,
    )
    return HTMLResponse(html, headers=_PAGE_HEADERS)


_PAGE_HEADERS = {
    "cache-control": "no-store",
    "content-security-policy": (
        # Inline style attributes: the preview sets table column widths with them.
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "frame-src 'self' blob:; "
        "object-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _templates() -> Any:
    """The page templates, sandboxed and autoescaped, from the installed package."""
    from jinja2 import FileSystemLoader
    from jinja2.sandbox import SandboxedEnvironment

    directory = str(files("kehoach.web") / "templates")
    return SandboxedEnvironment(loader=FileSystemLoader(directory), autoescape=True)


def _ui_messages(lang: str) -> dict[str, Any]:
    """The page's strings: ``templates/messages.json`` (``{"vi": {…}, "en": {…}}``)."""
    path = files("kehoach.web") / "templates" / "messages.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    strings = data.get(lang) or data.get("vi") or {}
    return strings if isinstance(strings, dict) else {}


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return JSONResponse(exc.body(lang_of(request)), status_code=exc.status)


async def _kehoach_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, KehoachError)
    return JSONResponse(error_body(exc, lang_of(request)), status_code=status_of(exc))


async def _stale(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Stale)
    error = ApiError(
        409,
        "stale",
        "tệp đã được sửa ở nơi khác (một thẻ khác?) từ khi mở; tải lại tệp rồi sửa lại, "
        "không có gì bị ghi đè",
        "the file was changed elsewhere (another tab?) since it was opened; reload it and "
        "edit again; nothing was overwritten",
        version=exc.current,
    )
    return await _api_error(request, error)


async def _internal_error(request: Request, exc: Exception) -> Response:
    from kehoach.errors import OutOfMemoryError, SystemFileError

    if isinstance(exc, OSError):  # the machine's failure (disk full…), not kehoach's
        return await _kehoach_error(request, SystemFileError(exc))
    if isinstance(exc, MemoryError):
        return await _kehoach_error(request, OutOfMemoryError())
    log.exception("internal error on %s %s", request.method, request.url.path)
    lang = lang_of(request)
    message = (
        "internal error in kehoach; the details are in the server's log (the terminal "
        "running kehoach serve): please report them"
        if lang == "en"
        else "lỗi nội bộ của kehoach; chi tiết ghi ở cửa sổ đang chạy kehoach serve: xin "
        "báo lỗi kèm chi tiết đó"
    )
    body = {"error": {"code": "internal", "message": message}}
    if request.url.path.startswith("/api/"):
        return JSONResponse(body, status_code=500)
    return HTMLResponse(f"<!doctype html><meta charset='utf-8'><p>{message}</p>", status_code=500)
