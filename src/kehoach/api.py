"""The public Python API: load, validate, compose and render plans.

Rendering is imported lazily so that tools which only validate stay light.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pydantic import BaseModel

from kehoach.compose import ComposedDocument, compose_plan
from kehoach.errors import InputError, Problem
from kehoach.loader import Positions, load_located, load_model, read_data
from kehoach.model import Plan, Progress
from kehoach.model.progress import looks_like_progress

if TYPE_CHECKING:
    import pluggy

    from kehoach.render import Renderer
    from kehoach.rollover import Rollover

PlanSource = str | PathLike[str] | Mapping[str, Any] | Plan
ProgressSource = str | PathLike[str] | Mapping[str, Any] | Progress


def load_plan(
    source: str | PathLike[str] | Mapping[str, Any],
    *,
    plugin_manager: pluggy.PluginManager | None = None,
) -> Plan:
    """Load and validate a plan from a YAML/JSON file or a dict.

    With ``plugin_manager``, the block kinds its plugins add (``kehoach_block_kinds``)
    may be used in the plan.

    Raises:
        kehoach.InputError: naming the file, line and field of every problem.
    """
    from kehoach.model.kinds import block_kinds
    from kehoach.plugin_host.manager import block_kinds_of

    kinds = block_kinds_of(plugin_manager) if plugin_manager is not None else []
    with block_kinds(kinds), _not_a_progress_file(source):
        if isinstance(source, Mapping):
            return load_model(Plan, source)
        return load_model(Plan, Path(source))


def load_plan_located(
    path: str | PathLike[str], *, plugin_manager: pluggy.PluginManager | None = None
) -> tuple[Plan, Positions]:
    """:func:`load_plan` of a file, with the line of each field (parsed once).

    ``positions.line_of(field)`` gives the line a review warning's ``field`` is on.

    Raises:
        kehoach.InputError: naming the file, line and field of every problem.
    """
    from kehoach.model.kinds import block_kinds
    from kehoach.plugin_host.manager import block_kinds_of

    kinds = block_kinds_of(plugin_manager) if plugin_manager is not None else []
    with block_kinds(kinds), _not_a_progress_file(path):
        return load_located(Plan, Path(path))


@contextmanager
def _not_a_progress_file(source: str | PathLike[str] | Mapping[str, Any]) -> Iterator[None]:
    """A plan that fails to load because it is a progress file says so in one line,
    instead of one error per plan field it lacks."""
    try:
        yield
    except InputError as exc:
        data = source if isinstance(source, Mapping) else _read_quietly(Path(source))
        if not looks_like_progress(data):
            raise
        name = "<dict>" if isinstance(source, Mapping) else str(source)
        raise InputError(
            exc.path,
            [
                Problem(
                    "",
                    "đây là tệp kết quả thực hiện (tiến độ), không phải kế hoạch: dùng "
                    f"kehoach report KẾ_HOẠCH.yaml {name} -o BÁO_CÁO.docx",
                    "this is a progress file, not a plan: use "
                    f"kehoach report PLAN.yaml {name} -o REPORT.docx",
                )
            ],
        ) from None


def _read_quietly(path: Path) -> Any:
    try:
        return read_data(path)[0]
    except InputError:
        return None


def _plan(source: PlanSource, plugin_manager: pluggy.PluginManager | None = None) -> Plan:
    return source if isinstance(source, Plan) else load_plan(source, plugin_manager=plugin_manager)


def compose(source: PlanSource) -> ComposedDocument:
    """The composed document of a plan: every line written out, ready to lay out."""
    return compose_plan(_plan(source))


def render_plan(
    source: PlanSource,
    target: str | PathLike[str] | BinaryIO,
    *,
    force: bool = False,
    renderer: Renderer | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> None:
    """Render a plan to a DOCX file (written atomically) or a binary stream.

    The template, Jinja filters, extra context and post-processing come from the
    plugins (``plugin_manager``, default: :func:`kehoach.get_plugin_manager`), unless
    an explicit ``renderer`` is given, which is used as it is.

    Raises:
        kehoach.OutputExistsError: ``target`` exists and ``force`` is false.
        kehoach.PluginError: a plugin failed (nothing is written).
    """
    plan = _plan(source, plugin_manager)
    _render(plan, compose_plan(plan), target, force, renderer, plugin_manager)


def _render(
    plan: Plan,
    document: ComposedDocument,
    target: str | PathLike[str] | BinaryIO,
    force: bool,
    renderer: Renderer | None,
    plugin_manager: pluggy.PluginManager | None,
) -> None:
    # An explicit renderer is used as it is; otherwise the plugins choose the template.
    if renderer is None:
        from kehoach.plugin_host.renderer import plugin_renderer

        renderer = plugin_renderer(plan, document, plugin_manager)
    renderer.render(document, target, force=force)


def render_plan_bytes(
    source: PlanSource,
    *,
    renderer: Renderer | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> bytes:
    """Render a plan and return the DOCX bytes (see :func:`render_plan`)."""
    buffer = io.BytesIO()
    render_plan(source, buffer, renderer=renderer, plugin_manager=plugin_manager)
    return buffer.getvalue()


def plan_schema(kind: str = "plan") -> dict[str, Any]:
    """The JSON Schema of a plan file (``kind="plan"``) or a progress file (``"progress"``).

    Field descriptions are Vietnamese, for editors that complete and explain YAML/JSON.
    """
    models: dict[str, tuple[type[BaseModel], str]] = {
        "plan": (Plan, "Kế hoạch (kehoach)"),
        "progress": (Progress, "Kết quả thực hiện kế hoạch (kehoach)"),
    }
    model, title = models[kind]
    schema: dict[str, Any] = model.model_json_schema()
    # Model docstrings are developer English; editors show the Vietnamese field texts.
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def plan_schema_json(kind: str = "plan") -> str:
    """:func:`plan_schema` as indented JSON text (Vietnamese kept readable)."""
    return json.dumps(plan_schema(kind), ensure_ascii=False, indent=2) + "\n"


# --- follow-up reports (issue #5) --------------------------------------------------------


def load_progress(
    source: ProgressSource, *, plan: PlanSource | None = None, period: str | None = None
) -> Progress:
    """Load progress on a plan from a YAML/JSON file, a progress spreadsheet (.xlsx) or a dict.

    With ``plan``, every id is checked against it and an unknown one is reported where
    it was written (line, or sheet/row/column) with the nearest known ids.

    Raises:
        kehoach.InputError: naming the file and the place of every problem.
    """
    from kehoach.progress_input import load_progress as load

    return load(source, plan=None if plan is None else _plan(plan), period=period)


def compose_report(
    plan: PlanSource, progress: ProgressSource, *, period: str | None = None
) -> ComposedDocument:
    """The composed Báo cáo kết quả thực hiện of ``progress`` on ``plan``.

    ``period`` (q1, q2, q3, q4, 6m, 9m, year) overrides the progress file's. Problems
    that do not stop the report (the plan changed since its progress sheet was made, a
    status that contradicts the dates) are issued as :class:`kehoach.ProgressWarning`.

    Raises:
        kehoach.InputError: unknown ids, impossible dates, invalid progress data.
        kehoach.UsageError: no report period.
    """
    from kehoach.progress_input import load_progress_located
    from kehoach.report import compose_report as compose_progress

    the_plan = _plan(plan)
    the_progress, where = load_progress_located(progress, plan=the_plan, period=period)
    return compose_progress(the_plan, the_progress, period=period, locate=where)


def render_report(
    plan: PlanSource,
    progress: ProgressSource,
    target: str | PathLike[str] | BinaryIO,
    *,
    force: bool = False,
    period: str | None = None,
    renderer: Renderer | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> None:
    """Render the report of ``progress`` on ``plan`` to a DOCX file (atomically) or stream.

    The template and post-processing come from the plugins, as for :func:`render_plan`.

    Raises:
        kehoach.OutputExistsError: ``target`` exists and ``force`` is false.
        kehoach.InputError, kehoach.UsageError: as :func:`compose_report`.
    """
    the_plan = _plan(plan)
    document = compose_report(the_plan, progress, period=period)
    _render(the_plan, document, target, force, renderer, plugin_manager)


def next_year_plan(
    plan: PlanSource,
    progress: ProgressSource | None = None,
    *,
    year: int | None = None,
    apply_suggestions: bool = False,
) -> Rollover:
    """Draft next year's plan from ``plan`` and (best: year-end) ``progress`` on it.

    The result holds the new plan and the review list: every place a person must
    decide, and every literal year of the old plan left in free text with a suggested
    change (made when ``apply_suggestions`` is true).

    Raises:
        kehoach.UsageError: ``year`` is not after the plan's year.
        kehoach.InputError: the plan or progress is invalid, or the progress names ids
            the plan does not have (progress of another plan).
        kehoach.KehoachError: the progress is for another year.
    """
    from kehoach.rollover import next_year

    the_plan = _plan(plan)
    the_progress = None if progress is None else load_progress(progress, plan=the_plan)
    rollover = next_year(the_plan, the_progress, year=year)
    return rollover.apply_suggestions() if apply_suggestions else rollover


def export_plan_sheet(
    plan: PlanSource, target: str | PathLike[str] | BinaryIO, *, force: bool = False
) -> None:
    """Write the plan's targets, tasks and budget to an .xlsx workbook (atomically).

    Raises:
        kehoach.OutputExistsError: ``target`` exists and ``force`` is false.
    """
    from kehoach.sheets.plan import plan_sheet_bytes

    _write(plan_sheet_bytes(_plan(plan)), target, force)


def export_progress_sheet(
    plan: PlanSource, target: str | PathLike[str] | BinaryIO, *, force: bool = False
) -> None:
    """Write the progress workbook of ``plan`` (targets and tasks to fill in), atomically.

    Raises:
        kehoach.OutputExistsError: ``target`` exists and ``force`` is false.
    """
    from kehoach.sheets.progress import progress_workbook_bytes

    _write(progress_workbook_bytes(_plan(plan)), target, force)


def _write(data: bytes, target: str | PathLike[str] | BinaryIO, force: bool) -> None:
    if isinstance(target, str | PathLike):
        from kehoach.output import write_atomic

        write_atomic(target, data, force=force)
    else:
        target.write(data)


def import_plan_sheet(sheet: str | PathLike[str] | bytes | BinaryIO, plan: PlanSource) -> Plan:
    """``plan`` with its targets, tasks and budget read back from an exported workbook.

    Raises:
        kehoach.InputError: naming the sheet, row and column of every problem (a moved
            or renamed column, an edited id, a wrong value, a budget that no longer adds
            up…).
    """
    from kehoach.sheets.plan import read_plan_sheet

    return read_plan_sheet(sheet, _plan(plan))
