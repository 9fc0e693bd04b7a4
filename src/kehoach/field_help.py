"""What a field of a plan means, and which valid name a misspelt key was meant to be.

Validation messages name a missing field with its meaning ("thiếu trường bắt buộc
issuing_body (tên cơ quan ban hành)") and an unknown key with the nearest valid names
("có phải: title?"). Both come from the model itself: the field's own Vietnamese
description (the one the JSON Schema shows editors), found by following the path of
keys through the model's fields, union members included.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation can hold: ``list[Task] | None`` → [Task]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found += [m for m in _models_in(arg) if m not in found]
    return found


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the names a file may use (field name and alias)."""
    names: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        names[name] = info
        if info.alias:
            names[info.alias] = info
    return names


def _parents(model: type[BaseModel], path: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The models that may hold the keys at ``path`` (indexes of lists skipped)."""
    models = [model]
    for part in path:
        if not isinstance(part, str):
            continue
        following: list[type[BaseModel]] = []
        for current in models:
            info = _fields(current).get(part)
            if info is not None:
                following += [m for m in _models_in(info.annotation) if m not in following]
        if not following:
            return models  # a union member's tag or a mapping of free keys: stay
        models = following
    return models


def field_meaning(model: type[BaseModel], parent: tuple[Any, ...], key: str) -> str | None:
    """The short Vietnamese meaning of field ``key`` under ``parent``: "tên cơ quan ban hành"."""
    for current in _parents(model, parent):
        info = _fields(current).get(key)
        if info is not None and info.description:
            short = re.split(r"[,;:(]| - ", info.description, maxsplit=1)[0].strip()
            return short[:1].lower() + short[1:] if short else None
    return None


def nearest_names(model: type[BaseModel], parent: tuple[Any, ...], key: str) -> list[str]:
    """Up to three valid names under ``parent`` close to the unknown ``key``."""
    names: list[str] = []
    for current in _parents(model, parent):
        names += [name for name in current.model_fields if name not in names]
    lowered = {name.lower(): name for name in names}
    close = difflib.get_close_matches(key.lower(), list(lowered), n=3, cutoff=0.6)
    return [lowered[name] for name in close]
