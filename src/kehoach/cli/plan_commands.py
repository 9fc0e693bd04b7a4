"""``kehoach render``, ``validate``, ``schema`` and ``migrate``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from kehoach.cli.base import (
    CliContext,
    Translator,
    add_force_option,
    add_jobs_option,
    add_output_options,
    add_subparser,
    refuse_inputs_as_outputs,
)
from kehoach.cli.pdf_commands import add_pdf_options
from kehoach.errors import UsageError


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the plan commands."""
    render = add_subparser(
        commands, "render", t, "dựng văn bản Word (DOCX) từ kế hoạch", "render plans to DOCX"
    )
    render.add_argument(
        "plans",
        nargs="+",
        metavar="PLAN",
        help=t("tệp kế hoạch .yaml/.json", "plan file .yaml/.json"),
    )
    add_output_options(render, t, "OUT.docx", ("kế hoạch", "plans"))
    add_force_option(render, t)
    add_jobs_option(render, t)
    add_pdf_options(render, t)
    render.set_defaults(handler=run_render)

    validate = add_subparser(
        commands, "validate", t, "kiểm tra dữ liệu kế hoạch", "validate plan files"
    )
    validate.add_argument(
        "plans",
        nargs="+",
        metavar="PLAN",
        help=t("tệp kế hoạch .yaml/.json", "plan file .yaml/.json"),
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help=t("thoát mã 1 khi có cảnh báo", "exit with code 1 when there are warnings"),
    )
    validate.set_defaults(handler=run_validate)

    schema = add_subparser(
        commands,
        "schema",
        t,
        "in JSON Schema của tệp kế hoạch (cho trình soạn thảo)",
        "print the JSON Schema of plan files (for editors)",
    )
    schema.add_argument(
        "--kind",
        choices=("plan", "progress"),
        default="plan",
        help=t(
            "tệp kế hoạch (plan) hay tệp kết quả thực hiện (progress)",
            "plan files or progress files",
        ),
    )
    schema.add_argument("-o", "--output", metavar="FILE", help=t("ghi ra tệp", "write to a file"))
    add_force_option(schema, t)
    schema.set_defaults(handler=run_schema)

    migrate = add_subparser(
        commands,
        "migrate",
        t,
        "chuyển tệp kế hoạch cũ sang cấu trúc phiên bản 2 (giữ nguyên chú thích)",
        "rewrite an old plan file in the version 2 shape (comments kept)",
    )
    migrate.add_argument("plan", metavar="PLAN", help=t("tệp kế hoạch .yaml", "plan file .yaml"))
    migrate.add_argument(
        "-o", "--output", required=True, metavar="NEW.yaml", help=t("tệp mới", "the new file")
    )
    add_force_option(migrate, t)
    migrate.set_defaults(handler=run_migrate)


def output_paths(
    inputs: list[str],
    output: str | None,
    out_dir: str | None,
    what: tuple[str, str] = ("kế hoạch", "plans"),
) -> list[Path]:
    """Where each input's document goes: ``-o`` for one, ``--out-dir/<name>.docx`` for many.

    ``what`` names the inputs in messages (Vietnamese, English plural).
    """
    vi, en = what
    if output is not None:
        if len(inputs) > 1:
            raise UsageError(
                f"nhiều {vi} cần --out-dir thay cho -o",
                f"several {en} need --out-dir instead of -o",
            )
        return [Path(output)]
    assert out_dir is not None
    folder = Path(out_dir)
    paths = [folder / f"{Path(p).stem}.docx" for p in inputs]
    if len(set(paths)) != len(paths):
        raise UsageError(
            f"hai {vi} trùng tên tệp; đổi tên hoặc dựng riêng",
            f"two {en} have the same file name; rename one or render them separately",
        )
    return paths


def run_render(args: argparse.Namespace, ctx: CliContext) -> int:
    """Render each plan and write it; list the bad ones (exit 2).

    One bad plan does not stop the others: every plan that validates and renders is
    written, each problem is printed, and the exit code is 2 if any plan failed. The
    plugins (template, filters, context, post-processing) are those of this run,
    without the ``--disable-plugin`` ones. With ``--jobs N`` plans are rendered by N
    processes; messages, files and the exit code are the same as with one. Should
    writing stop part-way (a full disk, Ctrl-C), the files already written and those
    not written are listed.
    """
    from kehoach.cli.batch_writer import write_results
    from kehoach.cli.plugin_commands import plugin_manager
    from kehoach.cli.render_jobs import RenderJob, render_one, start, use
    from kehoach.parallel import in_order

    targets = output_paths(args.plans, args.output, args.out_dir)
    refuse_inputs_as_outputs(args.plans, targets)
    use(plugin_manager(ctx))  # a plugin that cannot load stops the run before any plan
    jobs = [
        RenderJob(name, target, args.force, ctx.lang)
        for name, target in zip(args.plans, targets, strict=True)
    ]
    results = in_order(
        render_one, jobs, jobs=args.jobs, setup=start, setup_args=(ctx.disabled_plugins,)
    )
    return write_results(ctx, jobs, results, args, what=("kế hoạch", "plans"))


def write_each(ctx: CliContext, files: Sequence[tuple[Path, bytes]], *, force: bool) -> None:
    """Write independent outputs one by one; if stopped, say which were written and not."""
    written: list[Path] = []
    try:
        for path, data in files:
            write_one(ctx, path, data, force=force)
            written.append(path)
    except BaseException:
        say_stopped(ctx, written, [str(path) for path, _ in files[len(written) :]])
        raise


def write_one(ctx: CliContext, path: Path, data: bytes, *, force: bool) -> None:
    """Write one output atomically and say so."""
    from kehoach import write_atomic

    write_atomic(path, data, force=force)
    ctx.say(f"Đã tạo {path}", f"Wrote {path}")


def say_stopped(ctx: CliContext, written: Sequence[Path], not_written: Sequence[str]) -> None:
    """After a batch stopped part-way: which files were written and which not."""
    if not not_written or len(written) + len(not_written) < 2:
        return
    total = len(written) + len(not_written)
    ctx.error(
        ctx.t(
            f"dừng giữa chừng: đã ghi {len(written)}/{total} tệp; chưa ghi: "
            + ", ".join(not_written),
            f"stopped part-way: {len(written)} of {total} files written; not "
            "written: " + ", ".join(not_written),
        )
    )


def run_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Validate plans, then print the review warnings of the plugins.

    All problems of all files are listed before exiting: exit 2 when a file is
    invalid; with ``--strict``, exit 1 when a valid file has warnings.
    """
    from kehoach import InputError, load_plan_located, review_plan
    from kehoach.cli.plugin_commands import plugin_manager
    from kehoach.cli.render_jobs import warning_lines

    failed = warned = False
    pm = plugin_manager(ctx)
    for name in args.plans:
        try:
            plan, positions = load_plan_located(name, plugin_manager=pm)
        except InputError as exc:
            failed = True
            ctx.errors(exc.messages(ctx.lang))
            continue
        warnings = review_plan(plan, plugin_manager=pm)
        for line in warning_lines(name, warnings, positions, ctx.lang):
            ctx.warn(line)
        warned = warned or bool(warnings)
        if warnings:
            ctx.say(
                f"{name}: hợp lệ, {len(warnings)} cảnh báo",
                f"{name}: valid, {len(warnings)} warning(s)",
            )
        else:
            ctx.say(f"{name}: hợp lệ", f"{name}: valid")
    if failed:
        return 2
    return 1 if warned and args.strict else 0


def run_schema(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print (or write) the JSON Schema of plan files."""
    from kehoach import plan_schema_json, write_atomic

    text = plan_schema_json(args.kind)
    if args.output:
        write_atomic(Path(args.output), text.encode("utf-8"), force=args.force)
        ctx.say(f"Đã tạo {args.output}", f"Wrote {args.output}")
    else:
        ctx.out.write(text)
    return 0


def run_migrate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the plan in the version 2 shape; the rendered text does not change."""
    from kehoach import migrate_plan, write_atomic

    refuse_inputs_as_outputs([args.plan], [Path(args.output)])
    text, changed = migrate_plan(args.plan)
    write_atomic(Path(args.output), text.encode("utf-8"), force=args.force)
    if changed:
        ctx.say(f"Đã tạo {args.output} (phiên bản 2)", f"Wrote {args.output} (version 2)")
    else:
        ctx.say(
            f"Đã tạo {args.output}: tệp đã ở phiên bản 2, giữ nguyên",
            f"Wrote {args.output}: the file was already version 2, unchanged",
        )
    return 0
