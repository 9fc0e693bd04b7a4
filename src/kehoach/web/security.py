"""What keeps the local page local: the start token, CSRF, Origin and Host checks, names.

The model (docs/web.md): ``kehoach serve`` makes a random token per start and opens
``/?token=T``; that request sets an HttpOnly, SameSite=Strict session cookie and
redirects to ``/`` so the token leaves the address bar. Every other request needs the
cookie (downloads may carry ``?token=`` instead). A request that changes anything
(not GET/HEAD) must also carry the page's CSRF token in ``X-CSRF-Token``, and an
``Origin`` header, when sent, must be the server's own. The ``Host`` header must name
the host the server is bound to, so a DNS-rebinding page cannot talk to it. Bodies are
counted as they arrive: past the limit the request stops with 413 before anything is
written.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, quote

__all__ = [
    "COOKIE",
    "BodyTooLarge",
    "Guard",
    "SecurityMiddleware",
    "new_token",
    "sanitise_stem",
]

COOKIE = "kehoach_session"
CSRF_HEADER = "x-csrf-token"
_SAFE_METHODS = frozenset({"GET", "HEAD"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Guard:
    """The secrets and limits of one server start.

    Attributes:
        token: The start token (in the URL printed, then in the session cookie).
        csrf: The token the page sends back in ``X-CSRF-Token``.
        hosts: Host names the ``Host`` header may carry; ``None``: any (a server bound
            to every interface, reached by names kehoach cannot know).
        json_limit: Largest JSON body, in bytes.
        upload_limit: Largest upload (multipart body), in bytes.
        lang: The language of the refusals.
    """

    token: str
    csrf: str
    hosts: frozenset[str] | None
    json_limit: int
    upload_limit: int
    lang: str = "vi"

    def token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the start token (compared in constant time)."""
        return given is not None and secrets.compare_digest(given, self.token)

    def csrf_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the page's CSRF token."""
        return given is not None and secrets.compare_digest(given, self.csrf)

    def host_ok(self, host: str | None) -> bool:
        """Whether the ``Host`` header names this server (DNS rebinding)."""
        if self.hosts is None:
            return True
        return host is not None and host_name(host) in self.hosts


def host_name(host: str) -> str:
    """``127.0.0.1:8765`` → ``127.0.0.1``; ``[::1]:80`` → ``::1``; lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class BodyTooLarge(Exception):
    """The request body went past its limit while being read."""


# What each refusal says: code → (status, vi, en).
REFUSALS: dict[str, tuple[int, str, str]] = {
    "bad-host": (
        403,
        "địa chỉ máy chủ không đúng; mở trang bằng địa chỉ kehoach serve đã in ra",
        "wrong host name; open the page at the address kehoach serve printed",
    ),
    "no-session": (
        403,
        "chưa đăng nhập: mở trang bằng địa chỉ có mã (token=…) mà lệnh kehoach serve đã in ra",
        "not signed in: open the page at the address with the token (token=…) that "
        "kehoach serve printed",
    ),
    "csrf": (
        403,
        "yêu cầu bị từ chối (thiếu hoặc sai mã chống giả mạo CSRF); tải lại trang rồi thử lại",
        "request refused (missing or wrong CSRF token); reload the page and try again",
    ),
    "origin": (
        403,
        "yêu cầu từ trang khác bị từ chối",
        "a request from another site was refused",
    ),
    "too-large": (
        413,
        "tệp hoặc dữ liệu gửi lên quá lớn (giới hạn {limit} MB)",
        "the file or data sent is too large (limit {limit} MB)",
    ),
}


class SecurityMiddleware:
    """ASGI middleware enforcing :class:`Guard` on every HTTP request."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        path: str = scope["path"]
        method: str = scope["method"]
        guard = self.guard
        lang = _lang(query, guard.lang)
        if not guard.host_ok(headers.get("host")):
            await _refuse(send, path, "bad-host", lang)
            return
        given = (query.get("token") or [None])[0]
        if method in _SAFE_METHODS and path == "/" and given is not None:
            await _sign_in(send, guard, given, lang)
            return
        # The token in the URL serves links (downloads); changes need the session cookie.
        by_link = method in _SAFE_METHODS and guard.token_ok(given)
        if not (guard.token_ok(_cookie(headers)) or by_link):
            await _refuse(send, path, "no-session", lang)
            return
        if method not in _SAFE_METHODS:
            if not guard.csrf_ok(headers.get(CSRF_HEADER)):
                await _refuse(send, path, "csrf", lang)
                return
            origin = headers.get("origin")
            if (
                origin is not None
                and origin != f"{scope.get('scheme', 'http')}://{headers['host']}"
            ):
                await _refuse(send, path, "origin", lang)
                return
        is_upload = headers.get("content-type", "").startswith("multipart/")
        limit = guard.upload_limit if is_upload else guard.json_limit
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, path, "too-large", lang, limit)
            return
        started = False
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await _refuse(send, path, "too-large", lang, limit)


def _lang(query: dict[str, list[str]], default: str) -> str:
    asked = (query.get("lang") or [default])[0]
    return "en" if asked == "en" else "vi"


def _cookie(headers: dict[str, str]) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is no session
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


async def _sign_in(send: Send, guard: Guard, given: str, lang: str) -> None:
    """The start URL: set the session cookie and send the browser to ``/``."""
    if not guard.token_ok(given):
        await _refuse(send, "/", "no-session", lang)
        return
    cookie = f"{COOKIE}={guard.token}; HttpOnly; SameSite=Strict; Path=/"
    location = "/" if lang == "vi" else "/?lang=en"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode()),
                (b"set-cookie", cookie.encode()),
                (b"cache-control", b"no-store"),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def _refuse(send: Send, path: str, code: str, lang: str, limit: int = 0) -> None:
    status, vi, en = REFUSALS[code]
    message = (en if lang == "en" else vi).format(limit=max(1, limit // (1024 * 1024)))
    if path.startswith("/api/"):
        body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)
        kind = b"application/json"
    else:
        body = _page(message, lang)
        kind = b"text/html; charset=utf-8"
    data = body.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(data)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


def _page(message: str, lang: str) -> str:
    from html import escape

    return (
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>kehoach</title>'
        f"<p>{escape(message)}</p></html>"
    )


# --- names ------------------------------------------------------------------------------

_STEM_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def sanitise_stem(filename: str, fallback: str = "ke-hoach") -> str:
    """A safe file stem from an uploaded file's name: no folders, ASCII, no leading dot.

    ``"C:\\Văn bản\\Kế hoạch 29-KH.docx"`` → ``"Ke-hoach-29-KH"`` (Vietnamese letters
    lose their marks, đ → d; anything else becomes ``-``).
    """
    base = re.split(r"[\\/]", filename)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    plain = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = _STEM_CHARS.sub("-", plain).strip(".-_")
    plain = re.sub(r"\.{2,}", ".", plain)[:80].strip(".-_")
    return plain or fallback


def content_disposition(filename: str) -> str:
    """An ``attachment`` header value that carries any name safely (RFC 6266)."""
    ascii_name = sanitise_stem(filename.rsplit(".", 1)[0]) + (
        "." + filename.rsplit(".", 1)[1] if "." in filename else ""
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def allowed_hosts(host: str, extra: Collection[str] = ()) -> frozenset[str] | None:
    """The host names a server bound to ``host`` answers to; ``None`` when bound to all."""
    if host in ("0.0.0.0", "::", ""):
        return None
    names = {host_name(host), *extra}
    if host in ("127.0.0.1", "localhost", "::1"):
        names |= {"127.0.0.1", "localhost", "::1"}
    return frozenset(names)
