"""``kehoach types``, ``kehoach plugins`` and ``kehoach new``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.cli.base import CliContext, Translator, add_force_option, add_subparser
from kehoach.errors import OutputExistsError

if TYPE_CHECKING:
    import pluggy


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add the plugin commands."""
    types = add_subparser(
        commands,
        "types",
        t,
        "liệt kê các loại kế hoạch đã cài (và plugin cung cấp)",
        "list the installed plan types (and the plugin providing each)",
    )
    types.set_defaults(handler=run_types)

    plugins = add_subparser(
        commands,
        "plugins",
        t,
        "liệt kê các plugin đã nạp: phiên bản, hook cài đặt",
        "list the loaded plugins: versions, hooks implemented",
    )
    plugins.set_defaults(handler=run_plugins)

    new = add_subparser(
        commands,
        "new",
        t,
        "tạo tệp kế hoạch khởi đầu cho một loại kế hoạch",
        "write a starting plan file for a plan type",
    )
    new.add_argument(
        "--type",
        required=True,
        metavar="LOẠI" if t.lang == "vi" else "TYPE",
        dest="plan_type",
        help=t("loại kế hoạch (xem: kehoach types)", "plan type (see: kehoach types)"),
    )
    new.add_argument(
        "--year",
        required=True,
        type=int,
        metavar="NĂM" if t.lang == "vi" else "YEAR",
        help=t("năm kế hoạch", "plan year"),
    )
    new.add_argument(
        "--org",
        metavar=t("CẤP_ỦY", "BODY"),
        help=t(
            "cơ quan ban hành, ví dụ: “Tỉnh ủy Lào Cai”, “Đảng ủy xã Tả Van”",
            "issuing body, e.g. “Tỉnh ủy Lào Cai”, “Đảng ủy xã Tả Van”",
        ),
    )
    new.add_argument(
        "--superior",
        metavar=t("CẤP_TRÊN", "SUPERIOR"),
        help=t(
            "cơ quan cấp trên trực tiếp, ví dụ: “Đảng bộ tỉnh Lào Cai”",
            "direct superior body, e.g. “Đảng bộ tỉnh Lào Cai”",
        ),
    )
    new.add_argument(
        "--place",
        metavar=t("ĐỊA_DANH", "PLACE"),
        help=t("địa danh ghi ở ngày tháng", "place name of the date line"),
    )
    new.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PLAN.yaml",
        help=t("tệp kế hoạch sẽ tạo", "plan file to write"),
    )
    add_force_option(new, t)
    new.set_defaults(handler=run_new)


def plugin_manager(ctx: CliContext) -> pluggy.PluginManager:
    """The plugin manager of this run, honouring ``--disable-plugin`` and the env variable."""
    from kehoach import get_plugin_manager

    return get_plugin_manager(disabled=ctx.disabled_plugins)


def run_types(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print each plan type: id, display name, title pattern, plugin."""
    from kehoach import plan_types

    registry = plan_types(plugin_manager(ctx))
    if not len(registry):
        ctx.say("Chưa cài loại kế hoạch nào.", "No plan type is installed.")
        return 0
    for plan_type in registry:
        name = plan_type.name if ctx.lang == "vi" else plan_type.name_en
        plugin = registry.provider(plan_type.id) or "?"
        ctx.say(
            f"{plan_type.id}\t{name}\t“{plan_type.title_pattern}”\t(plugin {plugin})",
            f"{plan_type.id}\t{name}\t“{plan_type.title_pattern}”\t(plugin {plugin})",
        )
    return 0


def run_plugins(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print each loaded plugin with its distribution, version and hooks; then disabled ones."""
    from kehoach import hooks_of, plugin_info

    pm = plugin_manager(ctx)
    for name, _ in sorted(pm.list_name_plugin()):
        info = plugin_info(pm, name)
        where = info.distribution or "-"
        version = info.version or "-"
        kind = ctx.t("có sẵn", "built-in") if info.builtin else ctx.t("bên ngoài", "third-party")
        hooks = ", ".join(hooks_of(pm, name)) or "-"
        ctx.say(
            f"{name} ({kind}; {where} {version}; {info.module}): {hooks}",
            f"{name} ({kind}; {where} {version}; {info.module}): {hooks}",
        )
    for name in sorted(getattr(pm, "disabled", ())):
        ctx.say(f"{name}: đã tắt", f"{name}: disabled")
    return 0


def run_new(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the starting plan of ``--type`` for ``--org`` and ``--year``."""
    from kehoach import DEFAULT_ORG, Organization, plan_types, starting_plan_text, write_atomic

    target = Path(args.output)
    if target.exists() and not args.force:
        raise OutputExistsError(target)
    registry = plan_types(plugin_manager(ctx))
    plan_type = registry.get(args.plan_type)  # an unknown type lists the known ones
    org = Organization(
        name=args.org or DEFAULT_ORG, year=args.year, superior=args.superior, place=args.place
    )
    text = starting_plan_text(plan_type, org, target.name)
    write_atomic(target, text.encode("utf-8"), force=args.force)
    ctx.say(f"Đã tạo {target}", f"Wrote {target}")
    ctx.say(
        f"Điền các chỗ trong ngoặc vuông [...], rồi kiểm tra: kehoach validate {target}",
        f"Fill in the places in square brackets [...], then check: kehoach validate {target}",
    )
    return 0


__all__ = ["plugin_manager", "register", "run_new", "run_plugins", "run_types"]
