"""Run the page: bind the port, print the address, open the browser, serve until Ctrl-C.

The socket is bound (and listening) before the browser is opened, so the first request
cannot race the server's start; a busy port is reported in words, not as a traceback.
"""

from __future__ import annotations

import errno
import logging
import socket
import sys
import webbrowser
from pathlib import Path
from typing import TextIO

from kehoach.errors import UsageError
from kehoach.web.security import allowed_hosts, new_token

__all__ = ["bind", "serve", "start_url"]

LOOPBACK = "127.0.0.1"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: one the system chooses).

    Raises:
        UsageError: the port is busy, not allowed, or the host is not this machine's.
    """
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"cổng {port} đang được chương trình khác dùng; chọn cổng khác (--port 8766)"
                " hoặc để hệ thống tự chọn (--port 0)",
                f"port {port} is in use by another program; choose another (--port 8766) or"
                " let the system choose (--port 0)",
            ) from None
        if exc.errno == errno.EACCES:
            raise UsageError(
                f"không được phép dùng cổng {port} (cổng dưới 1024 cần quyền quản trị);"
                " chọn cổng khác, ví dụ --port 8765",
                f"not allowed to use port {port} (ports below 1024 need administrator"
                " rights); choose another, e.g. --port 8765",
            ) from None
        raise UsageError(
            f"không mở được địa chỉ {host}:{port} ({exc.strerror or exc})",
            f"cannot listen on {host}:{port} ({exc.strerror or exc})",
        ) from None
    return sock


def start_url(host: str, port: int, token: str) -> str:
    """The address to open: ``http://127.0.0.1:8765/?token=…``."""
    shown = LOOPBACK if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(
    folder: Path,
    *,
    host: str = LOOPBACK,
    port: int = 8765,
    lang: str = "vi",
    open_browser: bool = True,
    disabled_plugins: tuple[str, ...] = (),
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Serve ``folder`` until interrupted; return the exit code."""
    import uvicorn

    from kehoach.web.app import create_app

    if not folder.is_dir():
        raise UsageError(f"không có thư mục {folder}", f"no such folder: {folder}")
    en = lang == "en"
    if host not in (LOOPBACK, "localhost", "::1"):
        err.write(
            (
                f"Cảnh báo: trang mở cho các máy khác ({host}); ai có địa chỉ kèm mã đều sửa"
                " được các tệp trong thư mục. Chỉ dùng trong mạng tin cậy.\n"
            )
            if not en
            else (
                f"Warning: the page is open to other machines ({host}); anyone with the"
                " address and its token can change the files of the folder. Use only on a"
                " trusted network.\n"
            )
        )
    sock = bind(host, port)
    port = sock.getsockname()[1]
    token = new_token()
    app = create_app(
        folder,
        token=token,
        lang=lang,
        hosts=allowed_hosts(host),
        disabled_plugins=disabled_plugins,
    )
    url = start_url(host, port, token)
    out.write(
        (f"kehoach serve: {folder.resolve()}\nOpen: {url}\nCtrl+C to stop.\n")
        if en
        else (f"kehoach serve: {folder.resolve()}\nMở trang: {url}\nNhấn Ctrl+C để dừng.\n")
    )
    out.flush()
    if open_browser:
        webbrowser.open(url)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
