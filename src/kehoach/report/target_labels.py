"""Where the plan declares each target, and the label a report gives a target.

A target without its own ``label`` is named by the sentence of the plan that declares
it, with its figure written out: "Tổ chức ít nhất 05 hội nghị quán triệt". Reports and
the progress spreadsheet both show this label.
"""

from __future__ import annotations

import re

from kehoach.compose.text import target_text
from kehoach.model import Block, Plan, Target, plan_block_lists
from kehoach.model.placeholders import parse_inline
from kehoach.model.plan import block_texts


def targets_in(blocks: list[Block]) -> list[tuple[Target, str]]:
    """The targets declared in a block list, each with the text that places it."""
    return [(target, text) for text, targets in block_texts(blocks) for target in targets]


def target_texts(plan: Plan) -> dict[str, str]:
    """Each target's id → the text that declares it (ids are unique in a plan)."""
    texts: dict[str, str] = {}
    for blocks in plan_block_lists(plan):
        for target, text in targets_in(blocks):
            texts.setdefault(target.id, text)
    return texts


_SENTENCE_END = re.compile(r"(?<=[.;])\s+")


def sentence_label(text: str, target: Target) -> str:
    """The sentence of ``text`` that holds ``{target.id}``, as plain text (the default label)."""
    mark = "{" + target.id + "}"
    pieces = [p for p in _SENTENCE_END.split(text) if mark in p] or [text]
    plain: list[str] = []
    for span in parse_inline(pieces[0]):
        if span.placeholder == target.id:
            plain.append(target_text(target))
        elif span.placeholder:
            plain.append("{" + span.placeholder + "}")
        else:
            plain.append(span.text)
    label = " ".join("".join(plain).split()).rstrip(".;,: ")
    return label[:1].upper() + label[1:]


__all__ = ["sentence_label", "target_texts", "targets_in"]
