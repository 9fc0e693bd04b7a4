"""The ``kehoach`` command: a thin argparse layer over the public API.

Messages are Vietnamese by default (``--lang en`` or ``KEHOACH_LANG=en`` for English).
Every error the user can cause ends with a clear message and exit code 2, never a
traceback. Each command group lives in its own module listed in ``COMMAND_MODULES``
and exposes ``register(subparsers, t)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from kehoach.cli.base import CliContext, KehoachArgumentParser, Translator
from kehoach.errors import KehoachError, OutOfMemoryError, SystemFileError, WordedError

COMMAND_MODULES: tuple[str, ...] = (
    "kehoach.cli.plan_commands",
    "kehoach.cli.check_commands",
    "kehoach.cli.plugin_commands",
    "kehoach.cli.report_commands",
    "kehoach.cli.rollover_commands",
    "kehoach.cli.plan_sheet_commands",
    "kehoach.cli.pdf_commands",
    "kehoach.cli.import_commands",
    "kehoach.cli.serve_commands",
)


def detect_lang(argv: Sequence[str]) -> str:
    """The message language: ``--lang`` on the command line, else $KEHOACH_LANG, else vi."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return "en" if os.environ.get("KEHOACH_LANG", "").lower().startswith("en") else "vi"


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked (importlib.metadata is slow)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from kehoach import __version__

        print(f"kehoach {__version__}")
        parser.exit()


def build_parser(t: Translator) -> KehoachArgumentParser:
    """The full parser, with every command module registered."""
    parser = KehoachArgumentParser(
        prog="kehoach",
        description=t(
            "Lập kế hoạch, báo cáo của Đảng từ dữ liệu, đúng thể thức văn bản của Đảng.",
            "Party plans and reports from data, in the official Party document format.",
        ),
        translator=t,
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help=t("xem phiên bản", "show the version"),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=t.lang,
        help=t("ngôn ngữ thông báo (mặc định: vi)", "message language (default: vi)"),
    )
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help=t(
            "tắt một plugin (có thể lặp lại; hoặc biến môi trường KEHOACH_DISABLE_PLUGINS)",
            "disable a plugin (repeatable; or the KEHOACH_DISABLE_PLUGINS variable)",
        ),
    )
    commands = parser.add_subparsers(
        dest="command", metavar="LỆNH" if t.lang == "vi" else "COMMAND"
    )
    commands.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, t)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 check errors, 2 bad input)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    t = Translator(detect_lang(args_list))
    parser = build_parser(t)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    ctx = CliContext(t=t, disabled_plugins=tuple(args.disable_plugin))
    try:
        with _terminate_as_exit():
            return int(args.handler(args, ctx))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        error = user_error(exc)
        if error is None:  # a kehoach bug: say so plainly, no traceback for users
            if os.environ.get("KEHOACH_DEBUG"):
                raise
            ctx.error(
                t(
                    f"lỗi nội bộ của kehoach ({type(exc).__name__}: {exc}); xin báo lỗi kèm "
                    "tệp đầu vào (đặt KEHOACH_DEBUG=1 để xem chi tiết)",
                    f"internal error in kehoach ({type(exc).__name__}: {exc}); please report "
                    "it with the input files (set KEHOACH_DEBUG=1 for details)",
                )
            )
            return 2
        ctx.errors(error.messages(t.lang))
        return 2


def user_error(exc: BaseException) -> KehoachError | None:
    """The user's side of a failure, worded; None when it is a bug of kehoach.

    Besides kehoach's own errors, failures of the machine (disk full, read-only, a file
    open in Word, out of memory) and damaged compressed data are the user's to fix.
    """
    if isinstance(exc, KehoachError):
        return exc
    if isinstance(exc, OSError):
        return SystemFileError(exc)
    if isinstance(exc, MemoryError):
        return OutOfMemoryError()
    if isinstance(exc, zlib.error):
        return WordedError(
            "dữ liệu nén trong tệp bị hỏng (tệp tải về chưa trọn hoặc bị lỗi); hãy mở và lưu "
            "lại tệp bằng Word/Excel",
            "compressed data in the file is damaged (incomplete download?); open and save "
            "the file again in Word/Excel",
        )
    return None


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so that temporary output files are removed."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (main() called from a worker thread)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


__all__ = ["COMMAND_MODULES", "build_parser", "detect_lang", "main", "user_error"]
