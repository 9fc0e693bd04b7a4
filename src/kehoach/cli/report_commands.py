"""``kehoach progress-sheet`` and ``kehoach report``: follow-up reports on a plan."""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

from kehoach.cli.base import (
    CliContext,
    Translator,
    add_force_option,
    add_plan_argument,
    add_subparser,
    refuse_inputs_as_outputs,
)
from kehoach.cli.pdf_commands import add_pdf_options, write_documents
from kehoach.errors import OutputExistsError

PERIOD_CHOICES = ("q1", "q2", "q3", "q4", "6m", "9m", "year")


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the report commands."""
    sheet = add_subparser(
        commands,
        "progress-sheet",
        t,
        "tạo bảng tính Excel để nhập kết quả thực hiện kế hoạch",
        "make the Excel sheet in which staff fill in progress on a plan",
    )
    add_plan_argument(sheet, t)
    sheet.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PROGRESS.xlsx",
        help=t("tệp bảng tính kết quả", "output workbook"),
    )
    add_force_option(sheet, t)
    sheet.set_defaults(handler=run_progress_sheet)

    report = add_subparser(
        commands,
        "report",
        t,
        "dựng báo cáo kết quả thực hiện kế hoạch (DOCX)",
        "render the follow-up report on a plan (DOCX)",
    )
    add_plan_argument(report, t)
    report.add_argument(
        "progress",
        metavar="PROGRESS",
        help=t(
            "kết quả thực hiện: .yaml, .json hoặc bảng tính .xlsx (kehoach progress-sheet)",
            "progress: .yaml, .json or an .xlsx sheet (kehoach progress-sheet)",
        ),
    )
    report.add_argument(
        "--period",
        choices=PERIOD_CHOICES,
        help=t(
            "kỳ báo cáo: quý (q1..q4), 6 tháng (6m), 9 tháng (9m), cả năm (year); "
            "thay cho kỳ ghi trong tệp",
            "report period: a quarter (q1..q4), 6 months (6m), 9 months (9m), the year; "
            "overrides the file's",
        ),
    )
    report.add_argument(
        "-o", "--output", required=True, metavar="REPORT.docx", help=t("tệp kết quả", "output")
    )
    add_force_option(report, t)
    add_pdf_options(report, t)
    report.set_defaults(handler=run_report)


def run_progress_sheet(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the progress workbook of a plan."""
    from kehoach import export_progress_sheet

    output = Path(args.output)
    refuse_inputs_as_outputs([args.plan], [output])
    if output.exists() and not args.force:
        raise OutputExistsError(output)
    export_progress_sheet(args.plan, output, force=args.force)
    ctx.say(f"Đã tạo {output}", f"Wrote {output}")
    return 0


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    """Compose the report (warnings printed), then render it with the plugins' template."""
    from kehoach import ProgressWarning, compose_report, load_plan, plugin_renderer
    from kehoach.cli.plugin_commands import plugin_manager

    output = Path(args.output)
    refuse_inputs_as_outputs([args.plan, args.progress], [output])
    plan = load_plan(args.plan)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProgressWarning)
        document = compose_report(plan, args.progress, period=args.period)
    for item in caught:
        if isinstance(item.message, ProgressWarning):
            ctx.warn(item.message.message(ctx.lang))
        else:  # pragma: no cover - another library's warning: show it as Python would
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)
    if output.exists() and not args.force:
        raise OutputExistsError(output)
    data = plugin_renderer(plan, document, plugin_manager(ctx)).render_bytes(document)
    return write_documents(ctx, [(output, data)], args)
