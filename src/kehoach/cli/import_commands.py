"""``kehoach import``: Word plans (.docx, .doc, .odt) → plan files, with a review list."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.cli.base import (
    CliContext,
    Translator,
    add_force_option,
    add_jobs_option,
    add_subparser,
)
from kehoach.errors import KehoachError, UsageError, WordedError

if TYPE_CHECKING:
    from kehoach import ImportResult
    from kehoach.docx_import import ReviewItem


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add ``kehoach import``."""
    parser = add_subparser(
        commands,
        "import",
        t,
        "nhập kế hoạch từ tệp Word (.docx, .doc, .odt) thành tệp kế hoạch YAML",
        "import Word plans (.docx, .doc, .odt) as YAML plan files",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE.docx", help=t("tệp Word cần nhập", "Word files")
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "-o",
        "--output",
        metavar="PLAN.yaml",
        help=t("tệp kế hoạch kết quả (khi nhập một tệp)", "the plan file (one input file)"),
    )
    where.add_argument(
        "--out-dir",
        metavar="DIR",
        help=t(
            "thư mục ghi các tệp kế hoạch (TÊN.yaml cho mỗi TÊN.docx)",
            "folder for the plan files (NAME.yaml for each NAME.docx)",
        ),
    )
    add_force_option(parser, t)
    add_jobs_option(parser, t)
    parser.add_argument(
        "--strict",
        action="store_true",
        help=t(
            "báo lỗi (không ghi tệp) khi có suy đoán độ tin cậy thấp",
            "fail (write nothing) when a guess has low confidence",
        ),
    )
    parser.add_argument(
        "--keep-capitals",
        action="store_true",
        help=t(
            "giữ tên cơ quan ở tiêu đề, chữ ký đúng như gõ chữ in hoa (mặc định: ghi chữ "
            "thường như trong câu văn, mỗi tên đổi có trong danh sách rà soát)",
            "keep the header and signature names in capitals as typed (default: written as "
            "running text writes them, each change in the review list)",
        ),
    )
    parser.set_defaults(handler=run_import)


class _LowConfidence(KehoachError):
    """``--strict`` and some guesses have low confidence: nothing is written."""

    def __init__(self, source: str, items: list[ReviewItem]) -> None:
        super().__init__(source)
        self.source = source
        self.items = items

    def messages(self, lang: str = "vi") -> list[str]:
        count = len(self.items)
        if lang == "en":
            head = f"{self.source}: {count} low-confidence guesses (--strict); nothing written"
        else:
            head = f"{self.source}: {count} suy đoán độ tin cậy thấp (--strict); không ghi tệp nào"
        return [head, *(f"  {item.line(lang)}" for item in self.items)]


def _outputs(args: argparse.Namespace) -> list[Path]:
    if args.output is not None:
        if len(args.files) > 1:
            raise UsageError(
                "-o chỉ dùng khi nhập một tệp; nhiều tệp thì dùng --out-dir",
                "-o takes one input file; use --out-dir for several",
            )
        return [Path(args.output)]
    folder = Path(args.out_dir)
    return [folder / f"{Path(f).stem}.yaml" for f in args.files]


def review_path(output: Path) -> Path:
    """``PLAN.yaml`` → ``PLAN.review.md`` beside it."""
    return output.with_name(f"{output.stem}.review.md")


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import every file first, then write plans and review lists (all or nothing)."""
    from kehoach import ImportResult, OutputExistsError, to_yaml, write_atomic
    from kehoach.docx_import import review_markdown
    from kehoach.parallel import in_order

    outputs = _outputs(args)
    if not args.force:
        for output in outputs:
            for path in (output, review_path(output)):
                if path.exists():
                    raise OutputExistsError(path)
    results = []
    one = partial(_import_one, keep_capitals=args.keep_capitals)
    imported = in_order(one, args.files, jobs=args.jobs)
    for name, result in zip(args.files, imported, strict=True):
        if not isinstance(result, ImportResult):  # the first bad file stops the batch
            raise WordedError(*result)
        if args.strict and result.low_confidence():
            raise _LowConfidence(name, result.low_confidence())
        results.append(result)
    if args.out_dir is not None:
        Path(args.out_dir).mkdir(parents=True, exist_ok=True)
    for name, output, result in zip(args.files, outputs, results, strict=True):
        header = ctx.t(
            f"Kế hoạch nhập từ {Path(name).name} (kehoach import). Xem {review_path(output).name}"
            " để rà soát các suy đoán.",
            f"Plan imported from {Path(name).name} (kehoach import). See"
            f" {review_path(output).name} for the guesses to check.",
        )
        write_atomic(output, to_yaml(result.plan, header=header).encode("utf-8"), force=True)
        review = review_markdown(Path(name).name, result.review, ctx.lang)
        write_atomic(review_path(output), review.encode("utf-8"), force=True)
        ctx.say(f"Đã tạo {output}", f"Wrote {output}")
        if result.review:
            ctx.say(
                f"Cần rà soát {len(result.review)} suy đoán (xem {review_path(output)}):",
                f"{len(result.review)} guesses to check (see {review_path(output)}):",
            )
            for item in result.review:
                ctx.say(f"  {item.line('vi')}", f"  {item.line('en')}")
    return 0


def _import_one(name: str, keep_capitals: bool = False) -> ImportResult | tuple[str, str]:
    """Import one file (in any process); a user's error comes back as its two messages."""
    from kehoach import import_docx

    try:
        return import_docx(Path(name), name=name, keep_capitals=keep_capitals)
    except KehoachError as exc:
        return "\n".join(exc.messages("vi")), "\n".join(exc.messages("en"))
