"""``kehoach serve``: the local web page (needs the ``web`` extra)."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from kehoach.cli.base import CliContext, Translator, add_subparser

# What the web extra installs; without them ``serve`` says how to get them.
WEB_MODULES = ("starlette", "uvicorn", "multipart")


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add ``kehoach serve``."""
    parser = add_subparser(
        commands,
        "serve",
        t,
        "mở trang web trên máy này để soạn kế hoạch, báo cáo trong một thư mục (cần gói "
        "kehoach[web])",
        "open a local web page to edit the plans and reports of a folder (needs kehoach[web])",
    )
    parser.add_argument(
        "--folder",
        default=".",
        metavar=t("THƯ_MỤC", "DIR"),
        help=t("thư mục chứa các tệp kế hoạch (mặc định: thư mục hiện tại)", "the plans' folder"),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8765,
        metavar="N",
        help=t("cổng (mặc định 8765; 0: tự chọn)", "port (default 8765; 0: any free one)"),
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help=t(
            "địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)",
            "address to listen on (default 127.0.0.1: this machine only)",
        ),
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help=t("không tự mở trình duyệt", "do not open the browser"),
    )
    parser.set_defaults(handler=run_serve)


def web_installed() -> bool:
    """Whether the ``web`` extra's packages can be imported."""
    return all(importlib.util.find_spec(name) is not None for name in WEB_MODULES)


def run_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    """Serve the folder until Ctrl-C; without the web extra, say what to install (exit 2)."""
    if not web_installed():
        ctx.error(
            ctx.t(
                'kehoach serve cần gói bổ sung: pip install "kehoach[web]"',
                'kehoach serve needs the web extra: pip install "kehoach[web]"',
            )
        )
        return 2
    from kehoach.web.serve import serve

    return serve(
        Path(args.folder),
        host=args.host,
        port=args.port,
        lang=ctx.lang,
        open_browser=not args.no_browser,
        disabled_plugins=ctx.disabled_plugins,
        out=ctx.out,
        err=ctx.err,
    )
