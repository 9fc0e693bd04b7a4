"""Next year's plan from this year's plan and, when known, its results (issue #6).

What changes by itself, and what is left for a person (every such place is listed):

- the plan year advances, and so does the plan-year phrase of the trích yếu ("… năm
  2022" → "… năm 2023": the subject names the plan's year, so it is structural); the
  number and the date become draft blanks (number empty, date ``{year: 2023}``); place,
  bodies, recipients and signer stay (the signer is listed for a check);
- the opening gains "Căn cứ kết quả thực hiện Kế hoạch số …" (the previous plan) and,
  with year-end progress, "Căn cứ Báo cáo số …" (its report); the references a previous
  roll-forward added are replaced, not stacked;
- tasks keep their quarters and ids; due dates move by the same number of years;
  one-off tasks (``recurring: false``, or guessed from words such as sơ kết, tổng kết,
  hội thi, cuộc thi, "05 năm thực hiện") are kept and listed for a decision;
- with progress: unmet targets carry over with the remaining quantity (a percentage
  keeps its rate), met targets stay, tasks not done carry over, one-off tasks done are
  dropped; the progress must be for this plan (its ids must exist);
- the budget's amount for the year is cleared (total and sources stay, still adding up);
- every literal year of the old plan left in free text is listed with what it most
  likely is and a suggested change; :meth:`Rollover.apply_suggestions` makes them.

This module checks the input and runs the steps in order; each step lives in its own
module (``front``, ``carry_targets``, ``carry_tasks``, ``finish``, ``literals``) and
works on the shared :class:`~kehoach.rollover.context.Roll`.
"""

from __future__ import annotations

from pydantic import ValidationError

from kehoach.errors import InputError, UsageError, WordedError
from kehoach.loader import data_positions, problems_from
from kehoach.model import Plan, iter_targets, iter_tasks, plan_budget
from kehoach.model.progress import Progress
from kehoach.model.progress_refs import TOTAL_SOURCE, find_source
from kehoach.rollover.carry_targets import carry_targets
from kehoach.rollover.carry_tasks import carry_tasks
from kehoach.rollover.context import Roll
from kehoach.rollover.finish import (
    clear_budget_year,
    note_progress_period,
    offer_closing_mark,
    plan_warnings,
    roll_profile,
)
from kehoach.rollover.front import roll_basis, roll_header, roll_subject
from kehoach.rollover.literals import literal_items
from kehoach.rollover.review import Rollover

# The steps on the plan's data, in order; within a review group, items keep the order the
# steps add them (targets before tasks). The literals are listed after every step, on the
# validated plan, once roll_basis has marked the texts that quote the old plan.
_STEPS = (
    roll_header,
    roll_subject,
    roll_basis,
    carry_targets,
    carry_tasks,
    clear_budget_year,
    roll_profile,
    note_progress_period,
    offer_closing_mark,
)

# The order of the review groups in the list (within a group, the order steps add items).
_GROUP_ORDER = {"decide": 0, "carried": 1, "one-off": 2, "literal": 3, "changed": 4}


class ProgressMismatchError(WordedError):
    """The progress data is not about this plan (its ids or year do not match)."""


def next_year(plan: Plan, progress: Progress | None = None, *, year: int | None = None) -> Rollover:
    """Draft next year's plan from ``plan`` (and its ``progress``), with the review list.

    Args:
        plan: This year's plan.
        progress: Progress on ``plan`` (best: the year-end one); None drafts from the
            plan alone.
        year: The new plan's year (default: the year after the plan's).

    Raises:
        UsageError: ``year`` is not after the plan's year.
        ProgressMismatchError: ``progress`` names ids ``plan`` does not have, or
            another year.
    """
    new_year = plan.year + 1 if year is None else year
    if new_year <= plan.year:
        raise UsageError(
            f"năm của kế hoạch mới ({new_year}) phải sau năm {plan.year} của kế hoạch",
            f"the new plan's year ({new_year}) must be after the plan's year {plan.year}",
        )
    if new_year > 2200:
        raise UsageError(
            f"năm {new_year} không hợp lệ (tối đa 2200)", f"year {new_year} is not valid"
        )
    if progress is not None:
        check_progress(plan, progress)
    return _run(Roll(plan, progress, new_year))


def check_progress(plan: Plan, progress: Progress) -> None:
    """Raise :class:`ProgressMismatchError` unless ``progress`` is about ``plan``."""
    if progress.year is not None and progress.year != plan.year:
        raise ProgressMismatchError(
            f"số liệu tiến độ là của năm {progress.year}, kế hoạch là năm {plan.year}",
            f"the progress is for {progress.year}, the plan for {plan.year}",
        )
    target_ids = {t.id for t in iter_targets(plan)}
    task_ids = {t.id for t in iter_tasks(plan)}
    for kind_vi, kind_en, unknown in (
        ("chỉ tiêu", "targets", [t.id for t in progress.targets if t.id not in target_ids]),
        ("nhiệm vụ", "tasks", [t.id for t in progress.tasks if t.id not in task_ids]),
        ("nguồn kinh phí", "budget sources", _unknown_sources(plan, progress)),
    ):
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            raise ProgressMismatchError(
                f"số liệu tiến độ không khớp với kế hoạch: {kind_vi} {shown} không có trong kế "
                "hoạch (tệp tiến độ của kế hoạch khác?)",
                f"the progress does not match the plan: {kind_en} {shown} are not in the plan "
                "(progress of another plan?)",
            )


def _unknown_sources(plan: Plan, progress: Progress) -> list[str]:
    """The budget sources of ``progress`` the plan lacks, found as the report finds them."""
    budget = plan_budget(plan)
    if budget is None:
        return [b.source for b in progress.budget]
    sources = budget.sources
    if not sources:  # the plan's budget is one total
        return [b.source for b in progress.budget if b.source != TOTAL_SOURCE]
    return [b.source for b in progress.budget if find_source(sources, b.source) is None]


def _run(roll: Roll) -> Rollover:
    for step in _STEPS:
        step(roll)
    try:
        plan = Plan.model_validate(roll.data)
    except ValidationError as exc:  # pragma: no cover - every step keeps the plan valid
        raise InputError("<next-year>", problems_from(exc, data_positions(roll.data))) from None
    data = plan.model_dump()
    plan_warnings(roll, plan, data)
    literals = list(literal_items(roll, data))
    items = sorted([*roll.items, *literals], key=lambda i: _GROUP_ORDER[i.group])
    return Rollover(plan=plan, review=tuple(items), from_year=roll.old.year, year=roll.year)
