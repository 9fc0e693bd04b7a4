"""``kehoach export-sheet`` and ``kehoach import-sheet``: a plan's figures in Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach.cli.base import (
    CliContext,
    Translator,
    add_force_option,
    add_plan_argument,
    add_subparser,
    refuse_inputs_as_outputs,
)


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the plan spreadsheet commands."""
    export = add_subparser(
        commands,
        "export-sheet",
        t,
        "xuất chỉ tiêu, nhiệm vụ, kinh phí của kế hoạch ra bảng tính Excel (.xlsx)",
        "export a plan's targets, tasks and budget to an Excel workbook (.xlsx)",
    )
    add_plan_argument(export, t)
    export.add_argument(
        "-o", "--output", required=True, metavar="PLAN.xlsx", help=t("tệp bảng tính", "workbook")
    )
    add_force_option(export, t)
    export.set_defaults(handler=run_export)

    imp = add_subparser(
        commands,
        "import-sheet",
        t,
        "nhập lại chỉ tiêu, nhiệm vụ, kinh phí từ bảng tính đã xuất vào kế hoạch",
        "read a plan's targets, tasks and budget back from an exported workbook",
    )
    imp.add_argument(
        "sheet", metavar="PLAN.xlsx", help=t("bảng tính do export-sheet tạo", "exported workbook")
    )
    imp.add_argument(
        "--plan",
        required=True,
        metavar="PLAN",
        help=t("tệp kế hoạch đã xuất ra bảng tính", "the plan the workbook was exported from"),
    )
    imp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PLAN2.yaml",
        help=t(
            "tệp kế hoạch kết quả (ghi chú # của tệp cũ không được giữ)",
            "the resulting plan file (comments of the old file are not kept)",
        ),
    )
    add_force_option(imp, t)
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the workbook."""
    from kehoach import export_plan_sheet

    refuse_inputs_as_outputs([args.plan], [Path(args.output)])
    export_plan_sheet(args.plan, Path(args.output), force=args.force)
    ctx.say(f"Đã tạo {args.output}", f"Wrote {args.output}")
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Read the workbook onto the plan and write the resulting plan as YAML."""
    from kehoach import OutputExistsError, import_plan_sheet, to_yaml_over, write_atomic

    output = Path(args.output)
    refuse_inputs_as_outputs([args.sheet, args.plan], [output])
    if output.exists() and not args.force:
        raise OutputExistsError(output)
    plan = import_plan_sheet(Path(args.sheet), args.plan)
    header = ctx.t(
        f"Kế hoạch {args.plan} với chỉ tiêu, nhiệm vụ, kinh phí nhập từ {args.sheet} "
        "(kehoach import-sheet).",
        f"Plan {args.plan} with targets, tasks and budget read from {args.sheet} "
        "(kehoach import-sheet).",
    )
    source = Path(args.plan)
    original = (
        source.read_text(encoding="utf-8-sig")
        if source.suffix.lower() in (".yaml", ".yml")
        else None
    )  # its comments and key order are kept in the new file
    text = to_yaml_over(plan, original, header=header)
    write_atomic(output, text.encode("utf-8"), force=args.force)
    ctx.say(f"Đã tạo {output}", f"Wrote {output}")
    return 0
