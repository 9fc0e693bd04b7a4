"""What every route of ``kehoach serve`` reads from the application: folder, language, plugins.

Below both the application (:mod:`kehoach.web.app`), which sets it, and the routes,
which read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request

from kehoach.web.security import Guard
from kehoach.web.storage import Folder

if TYPE_CHECKING:
    import pluggy

__all__ = ["WebState", "lang_of", "state_of"]


@dataclass
class WebState:
    """What every route needs: the folder, the language, the plugins, the guard."""

    folder: Folder
    lang: str
    guard: Guard
    plugins: pluggy.PluginManager


def state_of(request: Request) -> WebState:
    """The application's :class:`WebState`."""
    state: WebState = request.app.state.kehoach
    return state


def lang_of(request: Request) -> str:
    """The language of this request: ``?lang=`` or the server's ``--lang``."""
    asked = request.query_params.get("lang")
    if asked in ("vi", "en"):
        return asked
    return state_of(request).lang
