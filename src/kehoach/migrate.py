"""``kehoach migrate``: a version 1 plan file rewritten as version 2, comments kept.

The v1 body fields (``purposes``, ``content``, ``organization``, ``budget``,
``reporting``, ``other_sections``) become one ordered ``sections`` list, in their
rendering order, exactly as :mod:`kehoach.model.upgrade` reads them in memory — so the
rendered text does not change. Values are moved, not copied: the comments written inside
them move with them (:mod:`kehoach.roundtrip`).
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import yaml

from kehoach.loader import load_model
from kehoach.model.plan import V1_FIELDS, Plan
from kehoach.roundtrip import dump_roundtrip, load_roundtrip, mapping, sequence

# The titles a v1 file may leave out (the v1 model's defaults), written out in v2.
_TITLES = {
    "purposes": "Mục đích, yêu cầu",
    "purpose_title": "Mục đích",
    "requirements_title": "Yêu cầu",
    "content": "Nội dung thực hiện",
    "tasks": "Nhiệm vụ cụ thể",
    "budget": "Kinh phí thực hiện",
}


def migrate_plan(source: str | PathLike[str]) -> tuple[str, bool]:
    """The plan file ``source`` as version 2 YAML text, and whether anything changed.

    The file is validated first (errors name file, line and field), and so is the result.

    Raises:
        kehoach.InputError: the file is not a valid plan.
    """
    path = Path(source)
    load_model(Plan, path)
    text, changed = migrate_text(path.read_text(encoding="utf-8-sig"))
    if changed:
        # The result must load as the original did (a section nested past six levels
        # cannot be numbered in version 2: named like any validation problem).
        load_model(Plan, yaml.safe_load(text))
    return text, changed


def migrate_text(text: str) -> tuple[str, bool]:
    """The YAML text of a plan in version 2, and whether anything changed.

    A file already in version 2 (or with no v1 body) comes back as it was.
    """
    data = load_roundtrip(text)
    if not isinstance(data, Mapping) or data.get("version") == 2:
        return text, False
    if not any(key in data for key in V1_FIELDS) and ("sections" in data or "parts" in data):
        return text, False
    return dump_roundtrip(migrate_data(data)), True


def migrate_data(data: Any) -> Any:
    """The round-trip mapping ``data`` (version 1) rebuilt as version 2, in place order."""
    sections = sequence([s for s in _sections(data) if s is not None])
    out = mapping()
    placed = False
    for key in list(data.keys()):
        if key in V1_FIELDS:
            if not placed:
                out["sections"] = sections
                placed = True
            continue
        out[key] = data[key]
    if not placed:
        out["sections"] = sections
    depth = max((_depth(s.get("content"), 2) for s in sections), default=1)
    if depth > 4 and "numbering" not in out:
        # Version 1 repeated the fourth level's numbering below it; say so in the scheme.
        fourth = (data.get("format") or {}).get("level4_numbering", "letter")
        out["numbering"] = mapping(
            [("levels", ["roman", "arabic", "decimal", *[fourth] * (depth - 3)][:6])]
        )
    out.insert(0, "version", 2)
    _keep_comments(data, out)
    return out


def _depth(blocks: Any, level: int) -> int:
    """The deepest heading level of the subsections in ``blocks`` (``level`` - 1 if none)."""
    deepest = level - 1
    for block in blocks or []:
        if isinstance(block, Mapping) and "section" in block:
            deepest = max(deepest, _depth(block.get("content"), level + 1))
    return deepest


def _keep_comments(old: Any, new: Any) -> None:
    # The comment block above the first key and those after plain keys stay where they were.
    if not hasattr(old, "ca"):
        return
    new.ca.comment = old.ca.comment
    for key, comment in old.ca.items.items():
        if key in new:
            new.ca.items[key] = comment


def _sections(data: Any) -> list[Any]:
    out: list[Any] = []
    if data.get("purposes") is not None:
        out.append(_purposes(data["purposes"]))
    if data.get("content") is not None:
        out.append(_content(data["content"]))
    if data.get("organization") is not None:
        out.append(data["organization"])
    if data.get("budget") is not None:
        budget = data["budget"]
        title = budget.get("title", _TITLES["budget"])
        out.append(
            mapping([("title", title), ("content", sequence([mapping([("budget", budget)])]))])
        )
    if data.get("reporting") is not None:
        out.append(data["reporting"])
    out.extend(data.get("other_sections") or [])
    return out


def _purposes(p: Any) -> Any:
    content = sequence([_sub(p.get("purpose_title", _TITLES["purpose_title"]), p.get("purpose"))])
    if p.get("requirements"):
        title = p.get("requirements_title", _TITLES["requirements_title"])
        content.append(_sub(title, p["requirements"]))
    return mapping([("title", p.get("title", _TITLES["purposes"])), ("content", content)])


def _content(c: Any) -> Any:
    content = sequence(list(c.get("intro") or []))
    if c.get("objectives") is not None:
        objectives = _areas(c["objectives"])
        if not content and hasattr(c, "ca"):
            # The notes written above "objectives:" stay above it.
            objectives.ca.comment = c.ca.comment
        content.append(objectives)
    if c.get("tasks") is not None:
        schedule = c["tasks"]
        groups = sequence(list(schedule.get("quarters") or []))
        block = mapping([("tasks", mapping([("groups", groups)]))])
        intro = list(schedule.get("intro") or [])
        content.append(_sub(schedule.get("title", _TITLES["tasks"]), [*intro, block]))
    if c.get("solutions") is not None:
        content.append(_areas(c["solutions"]))
    content.extend(c.get("extra") or [])
    return mapping([("title", c.get("title", _TITLES["content"])), ("content", content)])


def _areas(group: Any) -> Any:
    items: list[Any] = list(group.get("intro") or [])
    for area in group.get("areas") or []:
        pairs = [("section", area["title"])]
        if area.get("id") is not None:
            pairs.append(("id", area["id"]))
        pairs.append(("content", area.get("content") or sequence()))
        sub = mapping(pairs)
        _move_comments(area, sub, {"title": "section"})
        items.append(sub)
    sub = _sub(group["title"], items)
    return sub


def _sub(title: Any, content: Any) -> Any:
    return mapping(
        [("section", title), ("content", content if content is not None else sequence())]
    )


def _move_comments(old: Any, new: Any, renamed: dict[str, str]) -> None:
    if not hasattr(old, "ca"):
        return
    new.ca.comment = old.ca.comment
    for key, comment in old.ca.items.items():
        new.ca.items[renamed.get(key, key)] = comment


__all__ = ["migrate_data", "migrate_plan", "migrate_text"]
