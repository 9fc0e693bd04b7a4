"""Text helpers for the Word-import tests: what a reader sees, compared loosely.

``plan_words`` lists the words an imported plan carries, the way a rendering would
print them (a task field as "label: value", a label block as "label: text"), so that
"nothing lost" can be checked paragraph by paragraph against the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kehoach.check import DocxView
from kehoach.check.read.lines import norm
from kehoach.check.read.parts import find_parts
from kehoach.docx_import.text import marker_of
from kehoach.profiles import get_profile
from kehoach.vi import count

_SKIP = {"id", "style", "version", "numbering", "labels", "placement"}
_FIELDS = ("when", "lead", "support", "result")


def _strings(value: Any, key: str | None = None) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bool):
        return
    elif isinstance(value, dict):
        if value.get("targets"):
            value = _placed(value)
        if "label" in value and "text" in value:
            yield f"{value['label']}: {value['text']}"
            return
        labels = value.get("labels", {})
        for k, v in value.items():
            if k in _SKIP:
                continue
            if k in _FIELDS and k in labels:
                yield f"{labels[k]}: {v}"
                continue
            if k == "tasks" and isinstance(v, dict):
                inherited = v.get("labels", {})
                for task in v.get("tasks", []):
                    own = {**inherited, **task.get("labels", {})}
                    yield from _strings({**task, "labels": own})
                for group in v.get("groups", []):
                    if "quarter" in group:
                        yield "Quý " + ("I", "II", "III", "IV")[group["quarter"] - 1]
                    yield from _strings(
                        {**group, "tasks": {"tasks": group["tasks"], "labels": inherited}}
                    )
                continue
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, int) and key not in ("year", "month", "day", "quarter"):
        yield str(value)


def _placed(block: dict[str, Any]) -> dict[str, Any]:
    """``block`` with its ``{id}`` placeholders written out as kehoach writes targets."""
    words = {}
    for target in block["targets"]:
        figure = count(target["quantity"])
        unit = "%" if target["unit"] == "%" else f" {target['unit']}"
        qualifier = f"{target['qualifier']} " if target.get("qualifier") else ""
        words[target["id"]] = f"{qualifier}{figure}{unit}"
    out = {k: v for k, v in block.items() if k != "targets"}
    for key in ("text", "bullet", "numbered"):
        if isinstance(out.get(key), str):
            out[key] = re.sub(r"(?<!\\)\{([^{}]+)\}", lambda m: words.get(m[1], m[0]), out[key])
    return out


def _unmark(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*+", "", text))


def key(text: str) -> str:
    """Lower-case, NFC, single spaces, inline marks removed."""
    return norm(_unmark(text)).lower()


def source_key(text: str) -> str:
    """A source paragraph without its typed marker, star or final punctuation."""
    text = norm(text)
    marker = marker_of(text)
    text = text[marker.length :] if marker.kind != "none" else text
    text = re.sub(r"^\*\s*", "", text)
    text = re.sub(r"^lưu\s*:?\s*", "", text, flags=re.IGNORECASE)
    return norm(text).lower().rstrip(" ;,.:").strip()


def plan_words(plan: dict[str, Any]) -> str:
    """All text of ``plan`` as one searchable string."""
    return " ".join(key(s) for s in _strings(plan))


def frame_paragraphs(view: DocxView) -> set[int]:
    """Body paragraph numbers the renderer writes from header data (title lines, Số, date…)."""
    parts = find_parts(view, get_profile("party-2018"))
    lines = [*parts.header_lines]
    if parts.recipients_label is not None:
        lines.append(parts.recipients_label)
    out = {line.paragraph.index for line in lines}
    for paragraph in (parts.type_name, parts.separator):
        if paragraph is not None:
            out.add(paragraph.index)
    return out


def _found(piece: str, words: str) -> bool:
    key = source_key(piece)
    if not key or key in words:
        return True
    # F-SIGN-2: a State signing authority "TM." is written in the Party form "T/M".
    party = re.sub(r"^(tm|kt|tl)\.\s*", lambda m: f"{m[1][0]}/{m[1][1]} ", key)
    return party in words


def lost_paragraphs(view: DocxView, words: str) -> list[tuple[int, str]]:
    """Source paragraphs (outside the header frame) whose text is not in ``words``.

    ``words`` is :func:`plan_words` of an imported plan, or :func:`document_words` of the
    document rendered from it.
    """
    skip = frame_paragraphs(view)
    lost = []
    for paragraph in view.paragraphs:
        if paragraph.index in skip:
            continue
        pieces = re.split(r"[\n\t]", paragraph.full_text)
        if not all(_found(piece, words) for piece in pieces):
            lost.append((paragraph.index, norm(paragraph.full_text)[:100]))
    return lost


def document_words(view: DocxView) -> str:
    """All body text of a document as one searchable string."""
    return norm(" ".join(p.full_text for p in view.paragraphs)).lower()


def plan_tasks(value: Any) -> Iterator[dict[str, Any]]:
    """Every task of an imported plan (as data), wherever it sits."""
    if isinstance(value, dict):
        block = value.get("tasks")
        if isinstance(block, dict):
            yield from block.get("tasks", [])
            for group in block.get("groups", []):
                yield from group["tasks"]
        for item in value.values():
            yield from plan_tasks(item)
    elif isinstance(value, list):
        for item in value:
            yield from plan_tasks(item)
