"""Find the parts of a plan that progress names: its areas and its budget sources.

Progress may name an area by its id, its title or the unique start of its title, and
a budget source by its id or its name; titles and names compare ignoring case, marks
and spacing, because people retype them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from kehoach.model import Area, BudgetSource, Plan

TOTAL_SOURCE = "total"
"""The source key for spending when the plan's budget lists no sources."""


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


def title_key(text: str) -> str:
    """A title as compared: NFC, case-folded, without ``**`` or quotes, spacing collapsed."""
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
    wanted = title_key(key)
    exact = [a for a in areas if title_key(a.area.title) == wanted]
    if len(exact) >= 1:
        return exact[0]
    if len(wanted.split()) < 2:
        return None
    starts = [a for a in areas if _starts_with_words(title_key(a.area.title), wanted)]
    return starts[0] if len(starts) == 1 else None


def find_source(sources: list[BudgetSource], key: str) -> int | None:
    """The index of the budget source named by ``key`` (its id, else its name)."""
    for i, source in enumerate(sources):
        if source.id and source.id == key:
            return i
    for i, source in enumerate(sources):
        if title_key(source.name) == title_key(key):
            return i
    return None


__all__ = ["TOTAL_SOURCE", "AreaRef", "find_area", "find_source", "plan_areas", "title_key"]
