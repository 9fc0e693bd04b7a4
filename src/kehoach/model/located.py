"""Every model inside a plan with the path it is written at, for errors that name a field.

A plan-wide rule (an id used twice, a section nested too deep) is checked on the whole
plan, but the error must point at the place in the file: the path here is the one a
person wrote (``sections[1].content[0].tasks.tasks[2]``), which the loader turns into
a line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

Path = tuple[str | int, ...]


def walk_models(value: Any, path: Path = ()) -> Iterator[tuple[BaseModel, Path]]:
    """Every model in ``value`` (a model, list or value), with its path, in file order."""
    if isinstance(value, BaseModel):
        yield value, path
        for name in type(value).model_fields:
            if name in value.model_fields_set or getattr(value, name) is not None:
                yield from walk_models(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_models(item, (*path, index))


__all__ = ["Path", "walk_models"]
