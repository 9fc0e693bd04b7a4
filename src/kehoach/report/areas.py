"""Find the parts of a plan that progress names: its areas and its budget sources.

The areas of a version 1 plan are the 1.1., 1.2. … of its objectives and solutions; a
version 2 plan has no such fields, so its areas are its sections, at every depth (a
top-level section, a nested ``section:`` block), each holding the targets written
directly in it. Progress may name an area by its id, its title or the unique start of
its title, and a budget source by its id or its name; titles and names compare ignoring
case, marks and spacing, because people retype them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kehoach.model import Area, Block, BudgetSource, Part, Plan, Subsection, body_outline

TOTAL_SOURCE = "total"
"""The source key for spending when the plan's budget lists no sources."""


@dataclass(frozen=True)
class SectionArea:
    """A version 2 section seen as an area: its title, id and own blocks (its nested
    sections left out: each is an area of its own)."""

    title: str
    id: str | None
    content: list[Block]


@dataclass(frozen=True)
class AreaRef:
    """An area of the plan: which group it belongs to and its place in it."""

    group: Literal["objectives", "solutions", "sections"]
    index: int  # 1-based
    area: Area | SectionArea


def plan_areas(plan: Plan) -> list[AreaRef]:
    """The areas of the plan's objectives, then of its solutions (version 1); the
    sections at every depth, in document order (version 2)."""
    if plan.content is None:
        if plan.sections or plan.parts:
            return [AreaRef("sections", i, a) for i, a in enumerate(_section_areas(plan), 1)]
        return []
    refs: list[AreaRef] = []
    for name in ("objectives", "solutions"):
        group = getattr(plan.content, name)
        for i, area in enumerate(group.areas if group else [], start=1):
            refs.append(AreaRef(name, i, area))
    return refs


def _section_areas(plan: Plan) -> Iterator[SectionArea]:
    for item in body_outline(plan):
        for section in item.sections if isinstance(item, Part) else [item]:
            yield from _nested(section.title, section.id, section.content)


def _nested(title: str, id: str | None, content: list[Block]) -> Iterator[SectionArea]:
    own: list[Block] = [b for b in content if not isinstance(b, Subsection)]
    yield SectionArea(title, id, own)
    for block in content:
        if isinstance(block, Subsection):
            yield from _nested(block.section, block.id, block.content)


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


__all__ = [
    "TOTAL_SOURCE",
    "AreaRef",
    "SectionArea",
    "find_area",
    "find_source",
    "plan_areas",
    "title_key",
]
