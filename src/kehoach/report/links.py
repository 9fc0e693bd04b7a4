"""Link progress to its plan: resolve the period, find areas, check every id and date.

Problems come back with the path of the progress field they concern (``targets[3].id``)
so a loader that knows where each field was written (YAML line, spreadsheet cell) can
locate them. Errors stop the report; warnings (a plan changed since its spreadsheet
was made, a status that contradicts the dates) are shown and the report is made.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from kehoach.errors import UsageError
from kehoach.model import (
    PERIODS,
    Area,
    BudgetSource,
    PeriodInfo,
    Plan,
    Progress,
    iter_targets,
    iter_tasks,
    task_quarter,
)
from kehoach.model.placeholders import placeholders
from kehoach.model.plan import iter_blocks
from kehoach.model.progress import STATUS_LABELS, STATUS_LABELS_EN, parse_period
from kehoach.report.snapshot import snapshot_differences
from kehoach.vi import short_date

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Notice:
    """A problem found in progress data: where (a field path) and what (vi, en)."""

    path: Path
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi


class ProgressWarning(UserWarning):
    """Something in progress data the user should look at; the report is still made."""

    def __init__(self, notice: Notice):
        self.notice = notice
        super().__init__(notice.message_en)

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.notice.message(lang)


@dataclass(frozen=True)
class ReportPeriod:
    """The period a report covers, resolved against the plan."""

    info: PeriodInfo
    year: int
    cutoff: date

    @property
    def phrase(self) -> str:
        """ "6 tháng đầu năm 2022"."""
        return self.info.phrase(self.year)


@dataclass
class LinkResult:
    """Errors (which stop the report) and warnings, each with its progress field path."""

    period: ReportPeriod | None
    errors: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)


# --- areas -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaRef:
    """An area of the plan: which group it belongs to and its place in it."""

    group: Literal["objectives", "solutions"]
    index: int  # 1-based
    area: Area


def plan_areas(plan: Plan) -> list[AreaRef]:
    """The areas of the plan's objectives, then of its solutions."""
    if not plan.content:
        return []
    refs: list[AreaRef] = []
    for name in ("objectives", "solutions"):
        group = getattr(plan.content, name)
        for i, area in enumerate(group.areas if group else [], start=1):
            refs.append(AreaRef(name, i, area))
    return refs


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[*“”\"'‘’]", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".:;,")


def _starts_with_words(title: str, start: str) -> bool:
    rest = title[len(start) :]
    return title.startswith(start) and (not rest or not rest[0].isalnum())


def find_area(areas: list[AreaRef], key: str) -> AreaRef | None:
    """The area named by ``key``: its id, its title, or the unique start of its title.

    Titles compare ignoring case, marks (``**``, quotes) and spacing; a start must be
    at least two words and match one area only.
    """
    by_id = [a for a in areas if a.area.id and a.area.id == key]
    if by_id:
        return by_id[0]
    wanted = _norm(key)
    exact = [a for a in areas if _norm(a.area.title) == wanted]
    if len(exact) >= 1:
        return exact[0]
    if len(wanted.split()) < 2:
        return None
    starts = [a for a in areas if _starts_with_words(_norm(a.area.title), wanted)]
    return starts[0] if len(starts) == 1 else None


def find_source(sources: list[BudgetSource], key: str) -> int | None:
    """The index of the budget source named by ``key`` (its id, else its name)."""
    for i, source in enumerate(sources):
        if source.id and source.id == key:
            return i
    for i, source in enumerate(sources):
        if _norm(source.name) == _norm(key):
            return i
    return None


TOTAL_SOURCE = "total"
"""The source key for spending when the plan's budget lists no sources."""


# --- period ------------------------------------------------------------------------------


def resolve_period(
    plan: Plan, progress: Progress, override: str | None = None
) -> tuple[ReportPeriod, list[Notice]]:
    """The report period: ``override`` (the command line's ``--period``) or the file's.

    Raises:
        UsageError: no period given anywhere, or an unknown ``override``.
    """
    notes: list[Notice] = []
    key = progress.period
    if override is not None:
        try:
            override_key = parse_period(override)
        except Exception:  # a PydanticCustomError: word it for the command line
            override_key = None
        if override_key not in PERIODS:
            raise UsageError(
                f"kỳ báo cáo '{override}' không hợp lệ (q1, q2, q3, q4, 6m, 9m, year)",
                f"unknown report period '{override}' (q1, q2, q3, q4, 6m, 9m, year)",
            )
        key = override_key
    if key is None:
        raise UsageError(
            "chưa có kỳ báo cáo: ghi period trong tệp tiến độ hoặc dùng --period",
            "no report period: set period in the progress file or use --period",
        )
    info = PERIODS[key]
    year = progress.year or plan.year
    cutoff = progress.cutoff or info.end(year)
    if override is not None and progress.period not in (None, key) and progress.cutoff:
        cutoff = info.end(year)
        notes.append(
            Notice(
                ("cutoff",),
                f"kỳ báo cáo đổi thành {info.phrase(year)}: ngày chốt số liệu "
                f"{short_date(progress.cutoff)} trong tệp được thay bằng {short_date(cutoff)}",
                f"period changed to {key}: the file's cut-off date "
                f"{progress.cutoff.isoformat()} is replaced by {cutoff.isoformat()}",
            )
        )
    return ReportPeriod(info, year, cutoff), notes


def task_deadline(due: date | None, quarter: int, year: int) -> date:
    """A task's deadline: its own ``due`` date, else the last day of its quarter."""
    if due is not None:
        return due
    return PERIODS[f"q{quarter}"].end(year)


# --- checks ------------------------------------------------------------------------------


def _nearest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    return ", ".join(close)


def _unknown(path: Path, kind_vi: str, kind_en: str, name: str, known: list[str]) -> Notice:
    near = _nearest(name, known)
    vi = f"{kind_vi} '{name}' không có trong kế hoạch"
    en = f"{kind_en} '{name}' is not in the plan"
    if near:
        vi += f" (gần nhất: {near})"
        en += f" (nearest: {near})"
    return Notice(path, vi, en)


def _unknown_area(path: Path, name: str, areas: list[AreaRef]) -> Notice:
    # Compare with ids and with titles (normalised); show the id, else the title's start.
    shown = {}
    for ref in areas:
        label = ref.area.id or _clip(ref.area.title)
        if ref.area.id:
            shown[ref.area.id] = label
        shown[_norm(ref.area.title)] = label
    close = difflib.get_close_matches(_norm(name), list(shown), n=3, cutoff=0.5)
    near = "; ".join(dict.fromkeys(shown[c] for c in close))
    vi = f"lĩnh vực '{name}' không có trong kế hoạch (ghi mã hoặc tên lĩnh vực như trong kế hoạch)"
    en = f"area '{name}' is not in the plan (write the id or the title as in the plan)"
    if near:
        vi += f"; gần nhất: {near}"
        en += f"; nearest: {near}"
    return Notice(path, vi, en)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _narratives(progress: Progress) -> Iterator[tuple[Path, list[Any]]]:
    for name in ("summary", "strengths", "limitations", "lessons", "directions", "proposals"):
        yield (name,), getattr(progress, name)
    yield ("causes", "objective"), progress.causes.objective
    yield ("causes", "subjective"), progress.causes.subjective
    yield ("closing",), progress.closing
    for i, result in enumerate(progress.results):
        yield ("results", i, "content"), result.content


def _texts(blocks: list[Any]) -> Iterator[str]:
    for block in iter_blocks(blocks):
        if isinstance(block, str):
            yield block
        else:
            for name in ("text", "bullet", "section"):
                value = getattr(block, name, None)
                if isinstance(value, str):
                    yield value
            for item in getattr(block, "items", []):
                yield item if isinstance(item, str) else item.text


def link_progress(
    plan: Plan, progress: Progress, period: str | None = None, *, require_period: bool = True
) -> LinkResult:
    """Check ``progress`` against ``plan``: unknown ids, impossible dates, a changed plan.

    Without a period (and ``require_period`` false) the dates are not checked.

    Raises:
        UsageError: no report period (see :func:`resolve_period`) and ``require_period``.
    """
    resolved: ReportPeriod | None
    try:
        resolved, notes = resolve_period(plan, progress, period)
    except UsageError:
        if require_period or period is not None:
            raise
        resolved, notes = None, []
    result = LinkResult(resolved, warnings=notes)
    errors, warns = result.errors, result.warnings
    target_ids = [t.id for t in iter_targets(plan)]
    tasks = {t.id: t for t in iter_tasks(plan)}
    quarters = task_quarter(plan)
    for i, entry in enumerate(progress.targets):
        if entry.id not in target_ids:
            errors.append(
                _unknown(("targets", i, "id"), "mã chỉ tiêu", "target id", entry.id, target_ids)
            )
    for i, task_entry in enumerate(progress.tasks):
        task = tasks.get(task_entry.id)
        if task is None:
            errors.append(
                _unknown(("tasks", i, "id"), "mã nhiệm vụ", "task id", task_entry.id, list(tasks))
            )
            continue
        if resolved is not None:
            _check_task_dates(i, task_entry, task.due, quarters[task.id], resolved, errors, warns)
    sources = plan.budget.sources if plan.budget else []
    for i, spending in enumerate(progress.budget):
        if plan.budget is None:
            errors.append(
                Notice(
                    ("budget", i, "source"),
                    "kế hoạch không có mục kinh phí",
                    "the plan has no budget",
                )
            )
        elif not sources and spending.source != TOTAL_SOURCE:
            errors.append(
                Notice(
                    ("budget", i, "source"),
                    f"kế hoạch không chia nguồn kinh phí: ghi source: {TOTAL_SOURCE}",
                    f"the plan lists no budget sources: write source: {TOTAL_SOURCE}",
                )
            )
        elif sources and find_source(sources, spending.source) is None:
            known = [s.id or s.name for s in sources]
            errors.append(
                _unknown(
                    ("budget", i, "source"),
                    "nguồn kinh phí",
                    "budget source",
                    spending.source,
                    known,
                )
            )
    areas = plan_areas(plan)
    for i, area_result in enumerate(progress.results):
        if find_area(areas, area_result.area) is None:
            errors.append(_unknown_area(("results", i, "area"), area_result.area, areas))
    for path, blocks in _narratives(progress):
        for text in _texts(blocks):
            for name in placeholders(text):
                if name not in target_ids:
                    errors.append(
                        _unknown(path, "{mã} chỉ tiêu", "{id} of a target", name, target_ids)
                    )
    if progress.generated_from is not None:
        differences = snapshot_differences(progress.generated_from, plan)
        if differences:
            vi = "; ".join(d[0] for d in differences)
            en = "; ".join(d[1] for d in differences)
            warns.append(
                Notice(
                    ("generated_from",),
                    f"kế hoạch đã thay đổi từ khi tạo bảng tính tiến độ: {vi}",
                    f"the plan changed since the progress sheet was made: {en}",
                )
            )
    return result


def _check_task_dates(
    i: int,
    entry: Any,
    due: date | None,
    quarter: int,
    period: ReportPeriod,
    errors: list[Notice],
    warns: list[Notice],
) -> None:
    deadline = task_deadline(due, quarter, period.year)
    label_vi = STATUS_LABELS.get(entry.status or "", "")
    label_en = STATUS_LABELS_EN.get(entry.status or "", "")
    where = ("tasks", i)
    if entry.completed is not None and entry.completed > period.cutoff:
        errors.append(
            Notice(
                (*where, "completed"),
                f"nhiệm vụ {entry.id}: ngày hoàn thành {short_date(entry.completed)} sau ngày chốt "
                f"số liệu {short_date(period.cutoff)}",
                f"task {entry.id}: completed on {entry.completed.isoformat()}, after the cut-off "
                f"date {period.cutoff.isoformat()}",
            )
        )
        return
    late = entry.completed is not None and entry.completed > deadline
    contradiction = (
        (entry.status == "done_on_time" and late)
        or (entry.status == "done_late" and entry.completed is not None and not late)
        or (entry.status == "in_progress" and period.cutoff > deadline)
    )
    if contradiction:
        warns.append(
            Notice(
                (*where, "status"),
                f"nhiệm vụ {entry.id}: ghi '{label_vi}' nhưng thời hạn là {short_date(deadline)}",
                f"task {entry.id}: marked '{label_en}' but its deadline is {deadline.isoformat()}",
            )
        )


def emit_warnings(notices: list[Notice]) -> None:
    """Issue each notice as a :class:`ProgressWarning` (the CLI prints them)."""
    for notice in notices:
        warnings.warn(ProgressWarning(notice), stacklevel=3)


__all__ = [
    "TOTAL_SOURCE",
    "AreaRef",
    "LinkResult",
    "Notice",
    "ProgressWarning",
    "ReportPeriod",
    "emit_warnings",
    "find_area",
    "find_source",
    "link_progress",
    "plan_areas",
    "resolve_period",
    "task_deadline",
]
