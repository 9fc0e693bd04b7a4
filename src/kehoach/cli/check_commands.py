"""``kehoach check``: verify DOCX files against the official format of their class."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kehoach.cli.base import CliContext, Translator, add_jobs_option, add_subparser

if TYPE_CHECKING:
    from kehoach import FormatProfile


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the check command."""
    check = add_subparser(
        commands,
        "check",
        t,
        "kiểm tra thể thức văn bản DOCX bất kỳ theo loại của nó: Đảng, Nhà nước (exit 0: đạt, "
        "1: có lỗi, 2: không đọc được, 3: không kiểm tra vì chưa có thể thức cho loại này)",
        "check any DOCX against the format of its class: Party, State (exit 0: ok, 1: errors, "
        "2: unreadable, 3: not checked, no profile for its class)",
    )
    check.add_argument("files", nargs="+", metavar="FILE.docx", help=t("tệp DOCX", "DOCX files"))
    check.add_argument(
        "--profile",
        metavar="ID",
        help=t(
            "thể thức: party-2018, party-2026, state-2020 hoặc của plugin; mặc định theo loại "
            "và ngày của văn bản (Đảng: trước 27/5/2026 là 36-HD/VPTW)",
            "format profile: party-2018, party-2026, state-2020 or a plugin's; by default from "
            "the document's class and date (Party: before 27/5/2026, 36-HD)",
        ),
    )
    check.add_argument(
        "--layout",
        action="store_true",
        help=t(
            "dàn trang bằng LibreOffice (PDF) để kiểm tra số trang, phụ lục, dòng tổng cộng",
            "lay the pages out with LibreOffice (PDF) to check page numbers, appendices, totals",
        ),
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t("dạng kết quả (json: xem docs/check.md)", "output format (json: see docs/check.md)"),
    )
    add_jobs_option(check, t)
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Check the files; the exit code says whether errors were found."""
    from kehoach.check import run_check_command

    return run_check_command(
        args.files,
        args.profile,
        args.format,
        "en" if ctx.lang == "en" else "vi",
        ctx.out,
        jobs=args.jobs,
        profiles=check_profiles(ctx.disabled_plugins),
        layout=args.layout,
    )


def check_profiles(disabled: tuple[str, ...]) -> dict[str, FormatProfile]:
    """The format profiles of this run: those the plugins give.

    When the plugins are kehoach's built-ins alone, they give kehoach's own profiles:
    those are taken directly, without loading the plugins (and with them the data
    model), which was most of a cold ``check``'s start.
    """
    from kehoach import only_builtin_plugins

    if only_builtin_plugins(disabled):
        from kehoach import BUILTIN_PROFILES

        return dict(BUILTIN_PROFILES)
    from kehoach import format_profiles, get_plugin_manager  # the plugins and the model

    return format_profiles(get_plugin_manager(disabled=disabled))
