"""The body: ordered sections of typed blocks, built from numbering markers and style.

A heading is a paragraph starting with a section marker (``I.``, ``1.``, ``1.1.``,
``a)``, "Phần thứ …") that is set apart — bold or italic throughout, or short without a
full stop. The first marker kind met opens the top level; a kind not yet open nests
under the current section, a kind already open closes the sections below it (so
"1.1" under "1." under "I." is found whatever scheme the writer chose). A numbered
sentence that is not set apart is a ``numbered`` block; a bold label and its sentence
a ``label`` block; "- " and "+ " lines are bullets and their items; everything else is
a paragraph where it stood — nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.check.read import ParagraphView, TableView
from kehoach.check.read.lines import norm
from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.text import escape_rich, is_bold, is_italic, marker_of, rich_text

__all__ = ["Node", "append_block", "build_sections", "paragraph_block"]

SECTION_KINDS = ("part", "roman", "arabic", "decimal", "decimal3", "letter")
_HEADING_MAX = 600
_PART_ONLY = re.compile(
    r"^PH[ẦA]N\s+TH[ỨU]\s+(NH[ẤA]T|HAI|BA|T[ƯU]|N[ĂA]M|S[ÁA]U|B[ẢA]Y|T[ÁA]M|CH[ÍI]N|M[ƯU][ỜO]I)\s*[.:]?$",
    re.IGNORECASE,
)


@dataclass
class Node:
    """A section under construction: its title, marker kind and blocks."""

    title: str
    kind: str
    paragraph: int | None
    blocks: list[Any] = field(default_factory=list)
    sections: int = 0  # child sections so far: the next one's computed number

    def as_section(self, top: bool) -> dict[str, Any]:
        """The plan mapping: ``{title, blocks}`` at the top, ``{section, blocks}`` below."""
        blocks = [b.as_section(False) if isinstance(b, Node) else b for b in self.blocks]
        if top:
            return {"title": self.title, "content": blocks}
        return {"section": self.title, "content": blocks}


def _set_apart(paragraph: ParagraphView, text: str) -> bool:
    if is_bold(paragraph) or is_italic(paragraph):
        return True
    return len(text) <= 90 and not text.rstrip().endswith((".", ";", ":"))


def heading_marker(paragraph: ParagraphView) -> tuple[str, int] | None:
    """``(kind, marker length)`` when ``paragraph`` is a section heading."""
    text = norm(paragraph.full_text)
    marker = marker_of(text)
    if marker.kind not in SECTION_KINDS or len(text) > _HEADING_MAX:
        return None
    if marker.kind in ("part", "roman") or _set_apart(paragraph, text):
        return marker.kind, marker.length
    return None


_LABEL = re.compile(r"^(?P<label>[^:]{2,80}):\s*(?P<rest>.*)$")


def _bold_prefix(paragraph: ParagraphView, skip: int) -> str:
    """The bold characters at the start of the text (after ``skip`` marker characters)."""
    out = []
    for run in paragraph.runs:
        if run.hidden or not run.text:
            continue
        if not run.bold and run.text.strip():
            break
        out.append(run.text)
    text = norm("".join(out))
    label = norm(paragraph.list_label or "")
    return text if label else text[skip:].strip()


def paragraph_block(paragraph: ParagraphView, review: list[ReviewItem]) -> Any:
    """One non-heading paragraph as a plan block."""
    text = norm(paragraph.full_text)
    marker = marker_of(text)
    if marker.kind == "dash":
        return {"bullet": rich_text(paragraph, marker.length)}
    if marker.kind == "plus":
        return {"item": rich_text(paragraph, marker.length)}
    numbered = marker.kind in ("arabic", "decimal", "decimal3")
    skip = marker.length if numbered else 0
    bold = _bold_prefix(paragraph, skip)
    match = _LABEL.match(text[skip:])
    if (
        match
        and bold
        and not is_bold(paragraph)
        and bold.rstrip(": ") == match.group("label").strip()
    ):
        block: dict[str, Any] = {
            "label": escape_rich(match.group("label").strip()),
            "text": escape_rich(match.group("rest").strip()),
        }
        if numbered:
            block["numbered"] = True
        return block
    if numbered:
        return {"numbered": rich_text(paragraph, marker.length)}
    return rich_text(paragraph)


def build_sections(
    items: list[ParagraphView | TableView],
    table_block: Any,
    review: list[ReviewItem],
) -> tuple[list[Any], list[dict[str, Any]], list[str]]:
    """``(opening blocks, top-level sections, level kinds)`` of the body ``items``.

    The level kinds are ``"part"`` first when there are parts, then the marker kind of
    each depth of headings, top down (the kind first met at that depth).

    ``table_block`` turns a table into a block. Empty paragraphs are layout, not content.
    """
    opening: list[Any] = []
    roots: list[Node] = []
    stack: list[Node] = []
    order: list[str] = []
    levels: dict[int, str] = {}
    has_roman = _any_roman(items)
    part_pending = False  # "Phần thứ nhất" alone: its title is the next paragraph
    for item in items:
        if isinstance(item, TableView):
            target = stack[-1].blocks if stack else opening
            append_block(target, table_block(item))
            continue
        text = norm(item.full_text)
        if not text:
            continue
        if part_pending:
            part_pending = False
            if marker_of(text).kind == "none":
                roots[-1].title = rich_text(item)
                continue
        found = heading_marker(item)
        if found is None and _PART_ONLY.match(text):
            found, part_pending = ("part", len(text)), True
        if found is not None and (stack or found[0] in ("part", "roman") or not has_roman):
            kind, length = found
            title = rich_text(item, length).strip() or text
            node = Node(title, kind, item.index)
            while stack and stack[-1].kind != kind and kind in [n.kind for n in stack]:
                stack.pop()
            if stack and stack[-1].kind == kind:
                stack.pop()
            depth = 1 + sum(1 for n in stack if n.kind != "part")
            if kind != "part":
                levels.setdefault(depth, kind)
            elif "part" not in order:
                order.append("part")
            if stack:
                stack[-1].blocks.append(node)
                stack[-1].sections += 1
                position = stack[-1].sections
            else:
                roots.append(node)
                position = len(roots)
            _check_number(text, kind, position, item.index, review)
            stack.append(node)
            continue
        block = paragraph_block(item, review)
        if stack and isinstance(block, dict) and block.get("numbered"):
            # "3. Nhu cầu …" after the heading "2. Nguồn …" is its sibling, not its child.
            kind = marker_of(text).kind
            while len(stack) > 1 and kind in [n.kind for n in stack]:
                stack.pop()
            stack[-1].sections += 1  # a numbered sentence takes a number at this level
        target = stack[-1].blocks if stack else opening
        append_block(target, block)
    order += [levels[d] for d in sorted(levels)]
    return opening, [root.as_section(True) for root in roots], order


def _typed_position(kind: str, number: str) -> int | None:
    """The position a typed number stands for: "IV" → 4, "2.3" → 3, "c" → 3."""
    last = number.split(".")[-1] if number else ""
    if kind == "roman":
        values = {"I": 1, "V": 5, "X": 10, "L": 50}
        total = 0
        for char, following in zip(last, [*last[1:], ""], strict=True):
            value = values.get(char, 0)
            total += -value if following and values.get(following, 0) > value else value
        return total or None
    if kind == "letter" and last:
        return "abcdđeghiklmnopqrstuvxy".find(last) + 1 or None
    return int(last) if last.isdigit() else None


def _check_number(
    text: str, kind: str, position: int, paragraph: int, review: list[ReviewItem]
) -> None:
    """Note a typed number that is not the one kehoach will compute (F-HEAD-2)."""
    marker = marker_of(text)
    typed = _typed_position(kind, marker.number)
    if typed is None or typed == position:
        return
    review.append(
        ReviewItem(
            "numbering",
            f"Số thứ tự gõ trong văn bản là «{marker.number}» nhưng đây là mục thứ {position}"
            " ở cấp này: kehoach đánh số lại theo thứ tự.",
            f"The typed number is «{marker.number}» but this is heading {position} at its"
            " level: kehoach numbers it by its position.",
            "medium",
            paragraph,
            text,
        )
    )


def append_block(blocks: list[Any], block: Any) -> None:
    """Add ``block``; a "+ " item joins the bullet right before it."""
    if isinstance(block, dict) and "item" in block:
        previous = blocks[-1] if blocks else None
        if isinstance(previous, dict) and "bullet" in previous:
            previous.setdefault("items", []).append(block["item"])
            return
        blocks.append("+ " + block["item"])  # no bullet above: keep the mark as typed
        return
    blocks.append(block)


def _any_roman(items: list[ParagraphView | TableView]) -> bool:
    for item in items:
        if isinstance(item, ParagraphView):
            found = heading_marker(item)
            if found is not None and found[0] in ("part", "roman"):
                return True
    return False
