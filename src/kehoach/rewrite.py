"""A plan rewritten over the person's own file: comments, key order and forms kept (#12).

``import-sheet`` and ``next-year`` produce a new plan from a plan file. Dumping the new
model would drop every comment (Sa Pa: 58 comments → 1) and reorder keys. Instead the
new plan's data is merged into the original file read in ruamel.yaml's round-trip mode
(:mod:`kehoach.roundtrip`, shared with ``kehoach migrate``):

- a key keeps its place and its comments; a key the new plan no longer has is removed;
  a new key is inserted after the key that precedes it in the model;
- list items are matched by ``id`` when they have one (a dropped task takes its
  comments with it, the others keep theirs), else by position;
- a value that did not change keeps the form it was written in (``"185 triệu đồng"``,
  ``12/01/2027``, quotes), even though the model holds it as a number or a date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from kehoach.dump import plain_number
from kehoach.model.progress_types import parse_quantity
from kehoach.roundtrip import dump_roundtrip, load_roundtrip
from kehoach.vi import ParseError, parse_date, parse_money

__all__ = ["merge_into", "rewrite_yaml"]


def rewrite_yaml(original: str, full: dict[str, Any], lean: dict[str, Any], header: str) -> str:
    """The YAML text of the new plan, written over ``original`` (the old plan's text).

    Args:
        original: The text of the plan file the new plan was made from.
        full: The new plan as data with every field (``model_dump()``): decides the
            value of each key the original has.
        lean: The same without default values (what a new key is written with).
        header: Lines put at the top as ``#`` comments (replacing a previous header).

    Returns:
        YAML text.
    """
    tree = load_roundtrip(original)
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    tree = merge_into(tree, full, lean)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    # No header (a save over the person's own file): the text starts as it did.
    return comment + "\n" + dump_roundtrip(tree) if comment else dump_roundtrip(tree)


def merge_into(old: Any, full: Any, lean: Any) -> Any:
    """``full`` written over ``old``: the old node kept (and changed in place) where it can."""
    if isinstance(full, dict) and isinstance(old, CommentedMap):
        return _merge_map(old, full, lean if isinstance(lean, dict) else full)
    if isinstance(full, list) and isinstance(old, CommentedSeq):
        return _merge_seq(old, full, lean if isinstance(lean, list) else full)
    if _same(old, full):
        return old
    new = _plain(lean if lean is not None else full)
    if isinstance(new, str) and isinstance(old, ScalarString):
        return type(old)(new)  # a changed text keeps its style: >-, |, quotes
    return new


def _merge_map(old: CommentedMap, full: dict[str, Any], lean: dict[str, Any]) -> CommentedMap:
    for key in list(old.keys()):
        if key not in full:
            _move_comment(old, key)
            del old[key]
        else:  # a cleared value (next year's blank number) stays as an empty key to fill
            old[key] = merge_into(old[key], full[key], lean.get(key, full[key]))
    keys = list(full.keys())
    for position, key in enumerate(keys):
        if key in old or key not in lean:
            continue
        before = [k for k in keys[:position] if k in old]
        index = list(old.keys()).index(before[-1]) + 1 if before else 0
        old.insert(index, key, _plain(lean[key]))
    return old


def _move_comment(old: CommentedMap, key: Any) -> None:
    """Give the comment written after ``key``'s value to the key before it (ruamel keeps a
    comment line with the value above it: "# V. Chế độ báo cáo" would go with the key)."""
    entry = old.ca.items.get(key)
    keys = list(old.keys())
    position = keys.index(key)
    if not entry or len(entry) < 3 or entry[2] is None or position == 0:
        return
    previous = keys[position - 1]
    if isinstance(old[previous], CommentedMap | CommentedSeq):
        return  # the comment would belong to a nested value: let it go with the key
    target = old.ca.items.setdefault(previous, [None, None, None, None])
    if target[2] is None:
        target[2] = entry[2]


def _merge_seq(old: CommentedSeq, full: list[Any], lean: list[Any]) -> CommentedSeq:
    by_id = {item["id"]: item for item in old if isinstance(item, CommentedMap) and "id" in item}
    matched: list[Any] = []
    for index, (item, lean_item) in enumerate(zip(full, lean, strict=False)):
        if isinstance(item, dict) and "id" in item and by_id:
            source = by_id.get(item["id"])
        else:
            source = old[index] if index < len(old) and len(old) == len(full) else None
        matched.append(_plain(lean_item) if source is None else merge_into(source, item, lean_item))
    kept_comments = {i: old.ca.items.get(i) for i in range(len(old))}
    positions = {id(node): i for i, node in enumerate(old)}
    old.clear()
    old.ca.items.clear()
    for index, node in enumerate(matched):
        old.append(node)
        source_index = positions.get(id(node))
        if source_index is not None and kept_comments.get(source_index):
            old.ca.items[index] = kept_comments[source_index]
    return old


def _same(old: Any, new: Any) -> bool:
    """Whether the old scalar already says ``new`` (in the form a person wrote it)."""
    if old == new and type(old) is type(new):
        return True
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    if isinstance(old, str) and isinstance(new, list):  # one unit written as text (support)
        return new == [str(old)]
    if isinstance(old, str) and isinstance(new, int) and not isinstance(new, bool):
        try:
            return parse_money(old) == new
        except ParseError:
            return False
    if isinstance(new, Decimal) and isinstance(old, str):  # progress: "4,5" read as 4.5
        try:
            return parse_quantity(old) == new
        except ValueError:
            return False
    if isinstance(old, str) and isinstance(new, date):
        try:
            return parse_date(old) == new
        except ParseError:
            return False
    if isinstance(old, date) and isinstance(new, date):
        return old == new
    return bool(old == new) and not isinstance(old, bool | CommentedMap | CommentedSeq)


def _plain(value: Any) -> Any:
    """New data as YAML nodes: dates as ISO, partial dates as mappings, no Python types."""
    if isinstance(value, dict):
        result = CommentedMap()
        for key, item in value.items():
            result[key] = _plain(item)
        return result
    if isinstance(value, list | tuple):
        return CommentedSeq([_plain(item) for item in value])
    if isinstance(value, Decimal):
        return plain_number(value)
    if hasattr(value, "year") and not isinstance(value, date) and hasattr(value, "month"):
        parts = {"year": value.year, "month": value.month, "day": value.day}
        return _plain({k: v for k, v in parts.items() if v is not None})
    return value
