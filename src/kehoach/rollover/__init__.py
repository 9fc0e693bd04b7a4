"""Next year's plan from this year's plan and its results (issue #6).

:func:`next_year` drafts the new plan and lists every place a person must decide;
literal years left in free text are listed with a suggested change, never changed
silently (:meth:`Rollover.apply_suggestions` makes the suggested changes).
"""

from __future__ import annotations

from kehoach.rollover.engine import ProgressMismatchError, check_progress, next_year
from kehoach.rollover.review import ReviewItem, Rollover, format_review

__all__ = [
    "ProgressMismatchError",
    "ReviewItem",
    "Rollover",
    "check_progress",
    "format_review",
    "next_year",
]
