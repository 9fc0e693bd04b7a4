"""``kehoach progress-sheet`` and ``kehoach report``: follow-up reports on a plan."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach.cli.base import (
    CliContext,
    Translator,
    add_force_option,
    add_jobs_option,
    add_output_options,
    add_plan_argument,
    add_subparser,
    refuse_inputs_as_outputs,
)
from kehoach.cli.pdf_commands import add_pdf_options
from kehoach.errors import OutputExistsError, UsageError

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
    report.add_argument(
        "inputs",
        nargs="+",
        metavar="PLAN PROGRESS",
        help=t(
            "tệp kế hoạch rồi tệp kết quả thực hiện (.yaml, .json hoặc bảng tính .xlsx của "
            "kehoach progress-sheet); nhiều cặp thì dùng --out-dir, mỗi báo cáo mang tên tệp "
            "kết quả thực hiện",
            "a plan file, then its progress (.yaml, .json or an .xlsx sheet of kehoach "
            "progress-sheet); for several pairs use --out-dir, each report named after its "
            "progress file",
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
    add_output_options(report, t, "REPORT.docx", ("báo cáo", "reports"))
    add_force_option(report, t)
    add_jobs_option(report, t)
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
    """Make each report (plan + progress) with the plugins' template; list the bad ones.

    As ``render``: one bad pair does not stop the others, each report's warnings and
    errors are printed in command-line order, exit 2 if any failed; ``--jobs N`` makes
    the reports in N processes with the same messages, files and exit code.
    """
    from kehoach.cli.batch_writer import write_results
    from kehoach.cli.plan_commands import output_paths
    from kehoach.cli.plugin_commands import plugin_manager
    from kehoach.cli.render_jobs import ReportJob, report_one, start, use
    from kehoach.parallel import in_order

    if len(args.inputs) % 2:
        raise UsageError(
            "báo cáo cần từng cặp: tệp kế hoạch rồi tệp kết quả thực hiện",
            "reports need pairs: a plan file, then its progress file",
        )
    plans, progress = args.inputs[0::2], args.inputs[1::2]
    targets = output_paths(
        progress, args.output, args.out_dir, what=("tệp kết quả thực hiện", "progress files")
    )
    refuse_inputs_as_outputs(args.inputs, targets)
    use(plugin_manager(ctx))  # a plugin that cannot load stops the run before any report
    jobs = [
        ReportJob(plan, sheet, args.period, target, args.force, ctx.lang)
        for plan, sheet, target in zip(plans, progress, targets, strict=True)
    ]
    results = in_order(
        report_one, jobs, jobs=args.jobs, setup=start, setup_args=(ctx.disabled_plugins,)
    )
    return write_results(ctx, jobs, results, args, what=("báo cáo", "reports"))
