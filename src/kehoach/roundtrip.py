"""YAML files rewritten in place of a person's own: comments, key order and quoting kept.

PyYAML (used to read plans) drops comments; a file kehoach *rewrites* for a person —
``kehoach migrate``, and later the plan sheet import and next year's plan — goes
through ruamel.yaml's round-trip mode instead, so the notes people write in their plan
survive. Values read here are ``CommentedMap``/``CommentedSeq`` (dict and list
subclasses): change them in place or move them; new plain dicts and lists are fine.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a person's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_roundtrip(text: str) -> Any:
    """Parse YAML text keeping its comments and layout (a ``CommentedMap`` for a mapping)."""
    return _yaml().load(text)


def read_roundtrip(path: str | Path) -> Any:
    """:func:`load_roundtrip` of a UTF-8 file."""
    return load_roundtrip(Path(path).read_text(encoding="utf-8-sig"))


def dump_roundtrip(data: Any) -> str:
    """YAML text of ``data``, with the comments it was read with."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def mapping(pairs: list[tuple[str, Any]] | None = None) -> CommentedMap:
    """A new mapping that keeps its key order and can carry comments."""
    result = CommentedMap()
    for key, value in pairs or []:
        result[key] = value
    return result


def sequence(items: list[Any] | None = None) -> CommentedSeq:
    """A new sequence that can carry comments."""
    return CommentedSeq(items or [])


__all__ = [
    "dump_roundtrip",
    "load_roundtrip",
    "mapping",
    "read_roundtrip",
    "sequence",
]
