"""Plan and progress files as the page edits them: read as JSON, validated, saved as YAML.

The page gets a file's data exactly as written (``"185 triệu đồng"`` stays a text, a
date is ISO text), so the form shows the person's own words. A save validates the data
with the same models and wording as ``kehoach validate``, then writes the model over
the file's own text with :func:`kehoach.to_yaml_over`: comments, key order and the
forms of unchanged values are kept.

A progress file belongs to a plan by its name: ``PLAN.progress-6m.yaml`` is progress
on ``PLAN.yaml`` (see :func:`plan_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import InputError
from kehoach.loader import read_data
from kehoach.web.problems import ApiError, problem_msgs, warning_msgs

if TYPE_CHECKING:
    import pluggy

    from kehoach.model import Plan, Progress
    from kehoach.web.storage import Folder

__all__ = [
    "Checked",
    "check_data",
    "jsonable",
    "kind_of",
    "plan_of",
    "progress_name",
    "validated",
]

_PROGRESS = re.compile(r"^(?P<plan>.+)\.progress-(?P<period>[a-z0-9]+)\.ya?ml$")
_PROGRESS_KEYS = frozenset({"period", "targets", "tasks", "cutoff", "generated_from", "results"})


def jsonable(value: Any) -> Any:
    """YAML data as JSON data: dates as ISO text, keys as text."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def kind_of(name: str, data: Any) -> str:
    """``plan``, ``progress`` or ``other``: what a YAML file holds.

    A plan has a ``title`` (required); progress has none, and has its own fields.
    """
    if not isinstance(data, dict):
        return "other"
    if "title" in data and "header" in data:
        return "plan"
    if _PROGRESS.match(name) or _PROGRESS_KEYS & data.keys():
        return "progress"
    return "other"


def progress_name(plan_name: str, period: str) -> str:
    """``sa-pa.yaml``, ``6m`` → ``sa-pa.progress-6m.yaml``."""
    return f"{Path(plan_name).stem}.progress-{period}.yaml"


def plan_of(progress: str) -> str | None:
    """The plan file a progress file belongs to, by its name (None when not so named)."""
    found = _PROGRESS.match(progress)
    return f"{found['plan']}.yaml" if found else None


@dataclass
class Checked:
    """Data validated as a plan or progress: the model, or the errors; and the warnings."""

    model: Plan | Progress | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)


def check_data(
    kind: str,
    data: Any,
    *,
    lang: str,
    pm: pluggy.PluginManager,
    plan: Plan | None = None,
    line_of: Any = None,
) -> Checked:
    """Validate ``data`` as ``kind``; a plan also gets the review warnings of ``validate``.

    Progress is checked against ``plan`` when given (unknown ids, as ``kehoach report``).
    """
    from kehoach import load_plan, load_progress, review_plan

    if not isinstance(data, dict):
        raise ApiError(
            422, "not-a-mapping", "dữ liệu phải là một nhóm trường", "data must be a mapping"
        )
    try:
        if kind == "plan":
            model = load_plan(data, plugin_manager=pm)
            warnings = warning_msgs(review_plan(model, plugin_manager=pm), lang, line_of)
            return Checked(model, [], warnings)
        if kind == "progress":
            return Checked(load_progress(data, plan=plan))
    except InputError as error:
        return Checked(None, problem_msgs(error.problems, lang))
    raise ApiError(422, "bad-kind", f"loại tệp không hợp lệ: {kind}", f"invalid kind: {kind}")


def validated(
    kind: str,
    data: Any,
    *,
    lang: str,
    pm: pluggy.PluginManager,
    plan: Plan | None = None,
) -> tuple[Plan | Progress, list[dict[str, Any]]]:
    """The model and the warnings of :func:`check_data`; data that does not validate is
    refused: 422 with a summary and the message of each field, nothing saved or rendered."""
    checked = check_data(kind, data, lang=lang, pm=pm, plan=plan)
    if checked.model is None:
        raise ApiError(
            422,
            "invalid",
            "dữ liệu chưa hợp lệ; chưa lưu gì (xem thông báo ở từng trường)",
            "the data is not valid; nothing was saved (see the messages at the fields)",
            errors=checked.errors,
        )
    return checked.model, checked.warnings


def read_plan(folder: Folder, name: str, pm: pluggy.PluginManager) -> Plan:
    """The plan in file ``name`` of the folder, validated (422 with its errors if not)."""
    from kehoach import load_plan

    path, _ = folder.read(name)
    try:
        return load_plan(path, plugin_manager=pm)
    except InputError as error:
        raise InputError(name, error.problems) from None


def read_json(path: Path) -> tuple[Any, Any]:
    """A YAML file's data as JSON data, and its positions (for lines of messages)."""
    data, positions = read_data(path)
    return jsonable(data), positions


def load_progress_file(
    folder: Folder, name: str, plan: Plan | None, period: str | None = None
) -> Progress:
    """The progress in file ``name``, checked against ``plan``."""
    from kehoach import load_progress

    path, _ = folder.read(name)
    try:
        return load_progress(path, plan=plan, period=period)
    except InputError as error:
        raise InputError(name, error.problems) from None
