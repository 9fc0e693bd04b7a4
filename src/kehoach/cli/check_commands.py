"""``kehoach check``: verify DOCX files against the official Party format."""

from __future__ import annotations

import argparse

from kehoach.cli.base import CliContext, Translator, add_jobs_option, add_subparser


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the check command."""
    check = add_subparser(
        commands,
        "check",
        t,
        "kiểm tra thể thức văn bản DOCX bất kỳ (exit 0: đạt, 1: có lỗi, 2: không đọc được)",
        "check any DOCX against the Party format (exit 0: ok, 1: errors, 2: unreadable)",
    )
    check.add_argument("files", nargs="+", metavar="FILE.docx", help=t("tệp DOCX", "DOCX files"))
    check.add_argument(
        "--profile",
        choices=("party-2018", "party-2026"),
        help=t(
            "hướng dẫn thể thức; mặc định theo ngày của văn bản (trước 27/5/2026: 36-HD/VPTW)",
            "format guidance; by default from the document's date (before 27/5/2026: 36-HD)",
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
    )
