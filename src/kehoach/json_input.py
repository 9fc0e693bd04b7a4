"""JSON plan files held to the rules YAML files follow.

A key written twice is refused (YAML refuses it; JSON parsers keep the last silently),
and a lone half of a UTF-16 surrogate pair ("\\ud800", which no text can hold) is found
so that it is named at its field and line instead of breaking every position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

# "\ud800" not preceded by an odd number of backslashes: a surrogate escape, which YAML
# refuses; the same-length "\u003f" keeps every line and column where it was.
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def without_surrogate_escapes(text: str) -> str:
    """``text`` with surrogate escapes replaced, same length, for the YAML composer."""
    return _SURROGATE_ESCAPE.sub(r"\1\\u003f", text)


def pairs_noting(duplicates: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A ``json.loads`` ``object_pairs_hook`` that notes every key written twice."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    return pairs


def lone_surrogates(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, character) of every text or key holding a lone surrogate."""
    if isinstance(data, str):
        bad = next((c for c in data if 0xD800 <= ord(c) <= 0xDFFF), None)
        if bad is not None:
            yield path, bad
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from lone_surrogates(key, path)
            yield from lone_surrogates(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from lone_surrogates(value, (*path, index))
