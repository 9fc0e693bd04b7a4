"""Plan data as plain values (``Plan.model_dump()``): where its targets and its texts are.

The roll-forward and the plan sheet change dumped data in place before validating it
again, and the review names fields by the path a person sees in the YAML file; the
model walkers of :mod:`kehoach.model.plan` can do neither. A path here is a tuple of
keys and indexes (``("content", "tasks", "quarters", 0, "tasks", 7, "text")``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Path = tuple[str | int, ...]

NOT_TEXT = frozenset(
    {"id", "source", "plan_type", "format", "type_code", "body_code", "align", "authority"}
)
"""Keys whose values are codes, ids or options rather than text a person reads."""


def iter_target_data(data: Any, path: Path = ()) -> Iterator[tuple[Path, dict[str, Any], str]]:
    """Every target of dumped plan data (``Plan.model_dump()``), in document order.

    Yields its path, its data (the dict itself, so callers may change it in place) and
    the sentence holding it. The roll-forward and the plan sheet work on dumped data,
    which :func:`iter_targets` (on the model) cannot change or locate.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "targets" and isinstance(value, list):
                sentence = data.get("bullet") or data.get("text") or ""
                for i, target in enumerate(value):
                    yield (*path, key, i), target, sentence
            else:
                yield from iter_target_data(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_target_data(value, (*path, i))


def iter_free_text(data: Any, path: Path = ()) -> Iterator[tuple[Path, str | int]]:
    """Every piece of text a person wrote in dumped plan data, in document order.

    Every field counts but codes and options (:data:`NOT_TEXT`). Table cells written
    as whole numbers are yielded too: a cell holding 2022 is a year as much as the
    text "2022" is.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from iter_free_text(value, (*path, key))
    elif isinstance(data, list):
        in_table = bool(path) and (path[-1] == "total" or _is_row(path))
        for index, value in enumerate(data):
            if in_table and isinstance(value, int) and not isinstance(value, bool):
                yield (*path, index), value
            else:
                yield from iter_free_text(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def data_at(data: Any, path: Path) -> Any:
    """The value at ``path`` in dumped data (the dict or list itself, to change in place)."""
    for part in path:
        data = data[part]
    return data


def _is_row(path: Path) -> bool:
    return len(path) >= 2 and path[-2] == "rows" and isinstance(path[-1], int)


__all__ = ["NOT_TEXT", "Path", "data_at", "iter_free_text", "iter_target_data"]
