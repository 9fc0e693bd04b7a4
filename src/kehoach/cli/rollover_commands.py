"""``kehoach next-year``: next year's plan from this year's plan and its results."""

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
from kehoach.errors import OutputExistsError


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the ``next-year`` command."""
    parser = add_subparser(
        commands,
        "next-year",
        t,
        "lập bản nháp kế hoạch năm sau từ kế hoạch năm nay (và kết quả thực hiện), kèm danh "
        "sách cần rà soát",
        "draft next year's plan from this year's plan (and its results), with a review list",
    )
    add_plan_argument(parser, t)
    parser.add_argument(
        "--progress",
        metavar="PROGRESS",
        help=t(
            "kết quả thực hiện kế hoạch (.yaml, .json hoặc bảng tính .xlsx), tốt nhất là cả năm",
            "progress on the plan (.yaml, .json or .xlsx), best the year-end one",
        ),
    )
    parser.add_argument(
        "--year",
        type=int,
        metavar="YEAR",
        help=t("năm của kế hoạch mới (mặc định: năm sau)", "the new plan's year (default: next)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="NEXT.yaml",
        help=t(
            "tệp kế hoạch mới; danh sách cần rà soát ghi vào NEXT.review.md bên cạnh",
            "the new plan file; the review list goes to NEXT.review.md beside it",
        ),
    )
    add_force_option(parser, t)
    parser.add_argument(
        "--apply-suggestions",
        action="store_true",
        help=t(
            "áp dụng mọi đề xuất sửa năm, ngày, số năm trong văn bản (vẫn liệt kê để kiểm tra)",
            "make every suggested change of years, dates and counts (still listed to check)",
        ),
    )
    parser.set_defaults(handler=run_next_year)


def _yaml_text(plan: str) -> str | None:
    """The text of a YAML plan file (its comments are kept in the new plan), else None."""
    path = Path(plan)
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    return path.read_text(encoding="utf-8-sig")


def review_path(output: Path) -> Path:
    """Where the review list of ``output`` goes: ``NEXT.yaml`` → ``NEXT.review.md``."""
    return output.with_name(f"{output.stem if output.suffix else output.name}.review.md")


def run_next_year(args: argparse.Namespace, ctx: CliContext) -> int:
    """Draft the plan, print the review list, write both files (nothing unless both can be)."""
    from kehoach import next_year_plan, to_yaml_over, write_all

    output = Path(args.output)
    review = review_path(output)
    refuse_inputs_as_outputs([args.plan, args.progress], [output, review])
    rollover = next_year_plan(
        args.plan, args.progress, year=args.year, apply_suggestions=args.apply_suggestions
    )
    if not args.force:
        for path in (output, review):
            if path.exists():
                raise OutputExistsError(path)
    t = ctx.t
    header = t(
        f"Kế hoạch năm {rollover.year}: bản nháp do kehoach next-year lập từ {args.plan}"
        + (f" và {args.progress}" if args.progress else "")
        + f".\nXem danh sách cần rà soát: {review.name}",
        f"Plan for {rollover.year}: draft made by kehoach next-year from {args.plan}"
        + (f" and {args.progress}" if args.progress else "")
        + f".\nSee the review list: {review.name}",
    )
    text = rollover.review_text(ctx.lang, source=args.plan)
    original = _yaml_text(args.plan)
    plan_bytes = to_yaml_over(rollover.plan, original, header=header).encode("utf-8")
    write_all([(output, plan_bytes), (review, text.encode("utf-8"))], force=args.force)
    ctx.out.write(text)
    ctx.say(f"\nĐã tạo {output}", f"\nWrote {output}")
    ctx.say(
        f"Đã tạo {review} ({len(rollover.review)} mục cần rà soát)",
        f"Wrote {review} ({len(rollover.review)} items to review)",
    )
    return 0
