"""Inline marks inside user text: ``{target-id}``, ``**bold**``, ``*italic*``.

Only the syntax lives here (no rendering), so the model can validate placeholders and
the composer can turn marks into runs from the same definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"(?<!\\)\{([A-Za-z0-9][A-Za-z0-9._-]*)\}")
_TOKEN = re.compile(r"\\(.)|(\*\*)|(\*)|\{([A-Za-z0-9][A-Za-z0-9._-]*)\}", re.DOTALL)


@dataclass(frozen=True)
class Span:
    """A piece of inline text: plain text with its marks, or a placeholder."""

    text: str
    bold: bool = False
    italic: bool = False
    placeholder: str | None = None


def placeholders(text: str) -> list[str]:
    """The ids named by ``{id}`` placeholders in ``text``, in order."""
    if "{" not in text:  # most texts: no need to parse the marks (validation walks them all)
        return []
    return [s.placeholder for s in parse_inline(text) if s.placeholder]


def parse_inline(text: str) -> list[Span]:
    """Split text into spans. Unpaired ``*`` or ``**`` stay literal characters."""
    if "*" not in text and "{" not in text and "\\" not in text:  # plain text: one span
        return [Span(text)] if text else []
    tokens = list(_tokens(text))
    # Pair the marks first so that a lone "*" stays text.
    paired: set[int] = set()
    for mark in ("**", "*"):
        open_index: int | None = None
        for i, (kind, _) in enumerate(tokens):
            if kind != mark:
                continue
            if open_index is None:
                open_index = i
            else:
                paired.update((open_index, i))
                open_index = None
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold, italic))
            buffer.clear()

    for i, (kind, value) in enumerate(tokens):
        if kind in ("**", "*") and i in paired:
            flush()
            if kind == "**":
                bold = not bold
            else:
                italic = not italic
        elif kind == "placeholder":
            flush()
            spans.append(Span("", bold, italic, placeholder=value))
        else:
            buffer.append(value)
    flush()
    return spans


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            yield "text", text[position : match.start()]
        escaped, strong, emphasis, name = match.groups()
        if escaped is not None:
            yield "text", escaped
        elif strong:
            yield "**", "**"
        elif emphasis:
            yield "*", "*"
        else:
            yield "placeholder", name
        position = match.end()
    if position < len(text):
        yield "text", text[position:]
