"""The state one roll-forward shares between its steps, and how a step lists a review item.

Each step (front matter, targets, tasks, finish) reads this year's plan and changes
``data`` (the new plan as plain data: ``Plan.model_dump()``) in place, so a step can
drop or move entries before the new plan is validated once at the end.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from kehoach.loader import format_path
from kehoach.model import Plan
from kehoach.model.data import Path
from kehoach.model.progress import Progress
from kehoach.rollover.review import ReviewItem
from kehoach.rollover.texts import describe


def review_item(
    group: str, kind: str, path: Path, data: Any, note_vi: str, note_en: str, **kw: Any
) -> ReviewItem:
    """A review item at ``path`` of ``data``, its place named in both languages."""
    return ReviewItem(
        group=group,
        kind=kind,
        path=format_path(path),
        where_vi=describe(path, data, "vi") if path else "Toàn văn bản",
        where_en=describe(path, data, "en") if path else "Whole document",
        note_vi=note_vi,
        note_en=note_en,
        **kw,
    )


def is_year_end(progress: Progress) -> bool:
    """Whether ``progress`` covers the whole year (then its report is cited)."""
    return progress.period in ("year", None) and (
        progress.cutoff is None or progress.cutoff.month == 12
    )


class Roll:
    """One roll-forward: the new plan's data and the review items, built step by step."""

    def __init__(self, plan: Plan, progress: Progress | None, year: int):
        self.old = plan
        self.progress = progress
        self.year = year
        self.shift = year - plan.year
        self.years = set(range(plan.year, year))
        self.data: dict[str, Any] = plan.model_dump()
        self.items: list[ReviewItem] = []
        self.cited: list[Path] = []  # texts quoting the old plan: their years stay

    @cached_property
    def old_data(self) -> dict[str, Any]:
        """This year's plan as plain data, unchanged: to name places that were dropped."""
        return self.old.model_dump()

    def add(self, group: str, kind: str, path: Path, note_vi: str, note_en: str, **kw: Any) -> None:
        """List a review item; its place is named in the new plan unless ``data`` is given."""
        data = kw.pop("data", self.data)
        self.items.append(review_item(group, kind, path, data, note_vi, note_en, **kw))
