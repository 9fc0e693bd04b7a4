"""A plan (model) as a composed Party document."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kehoach.compose.body import BodyWriter, table_data
from kehoach.compose.budget import budget_table
from kehoach.compose.document import AppendixPart, Block, ComposedDocument, PendingAppendix, Run
from kehoach.compose.frame import citation, frame_document
from kehoach.compose.profile import resolve_profile
from kehoach.compose.tasks import QUARTER_LABEL, task_runs
from kehoach.compose.text import reference_text, strip_end_punctuation, text_runs
from kehoach.model import (
    Appendix,
    Part,
    Plan,
    Section,
    Target,
    body_outline,
    heading_levels,
    iter_budgets,
    iter_targets,
)
from kehoach.profiles import FormatProfile
from kehoach.vi.ordinal import ordinal

__all__ = [
    "QUARTER_LABEL",
    "compose_plan",
    "part_heading",
    "plan_writer",
    "task_runs",
    "write_outline",
    "write_sections",
]


def plan_writer(plan: Plan, profile: FormatProfile) -> BodyWriter:
    """A body writer with the plan's targets, numbering scheme and format options."""
    targets = {t.id: t for t in iter_targets(plan)}
    levels = heading_levels(plan) if plan.numbering and plan.numbering.levels else None
    return BodyWriter(profile, targets, levels=levels, options=plan.format, year=plan.year)


def compose_plan(plan: Plan) -> ComposedDocument:
    """Compose ``plan`` into the document the renderer lays out."""
    profile = resolve_profile(plan.format, plan.header.date)
    w = plan_writer(plan, profile)
    _opening(w, plan)
    write_sections(w, body_outline(plan))
    w.blocks(plan.closing, 1)

    return frame_document(
        profile=profile,
        header=plan.header,
        type_name=plan.title.type_name,
        subject=text_runs(plan.title.subject, w.targets),
        body=w.result(),
        recipients=plan.recipients,
        signature=plan.signature,
        appendices=_appendices(plan, profile, w),
        keywords=[x for x in ("kehoach", plan.plan_type) if x],
        tone_style=plan.format.tone_style,
    )


def write_sections(w: BodyWriter, outline: list[Part] | list[Section]) -> None:
    """Parts ("Phần thứ nhất", F-HEAD-1) and top-level sections with their blocks."""
    write_outline(w, outline, lambda section: _section(w, section))


def write_outline(
    w: BodyWriter, items: Sequence[Any], write_section: Callable[[Any], None]
) -> None:
    """Walk parts and sections in order: a part gets its heading, each section is written.

    Shared by plans and reports, whose sections differ but whose parts do not.
    """
    for number, item in enumerate(items, start=1):
        if hasattr(item, "sections"):  # a part
            part_heading(w, number, item.title)
            for section in item.sections:
                write_section(section)
        else:
            write_section(item)


def part_heading(w: BodyWriter, number: int, title: str) -> None:
    """ "Phần thứ nhất" and the part's title on their own lines, centred and bold (F-HEAD-1).

    The Roman numbering of sections starts again in each part.
    """
    w.para("center", [Run(f"Phần {ordinal(number)}", bold=True)])
    w.para("center", [Run(r.text.upper(), True, r.italic) for r in text_runs(title, w.targets)])
    w.outline.restart()


def _section(w: BodyWriter, section: Section) -> None:
    w.heading(1, section.title)
    w.blocks(section.content, 2)


def _opening(w: BodyWriter, plan: Plan) -> None:
    basis = plan.opening.basis
    for i, ref in enumerate(basis):
        end = "." if i == len(basis) - 1 else ";"
        w.para("basis", [Run(f"- {strip_end_punctuation(reference_text(ref))}{end}")])
    w.blocks(plan.opening.paragraphs, 1)


def _appendices(plan: Plan, profile: FormatProfile, w: BodyWriter) -> tuple[AppendixPart, ...]:
    parts: list[PendingAppendix] = [
        PendingAppendix(budget.appendix_title, (budget_table(budget),))
        for budget in iter_budgets(plan)
        if budget.has_appendix
    ]
    parts += w.appendices
    for appendix in plan.appendices:
        blocks = _appendix_blocks(appendix, plan, profile, w.targets)
        parts.append(PendingAppendix(appendix.title, blocks, appendix.landscape))
    reference = f"(Kèm theo {citation(plan.title.type_name, plan.header, plan.signature)})"
    word = profile.appendix_label_word.upper()
    numbered = len(parts) > 1  # F-APX-1: number them when there are two or more
    return tuple(
        AppendixPart(
            label=f"{word} {i}" if numbered else word,
            title=part.title.upper(),
            reference=reference,
            blocks=part.blocks,
            landscape=part.landscape,
        )
        for i, part in enumerate(parts, start=1)
    )


def _appendix_blocks(
    appendix: Appendix, plan: Plan, profile: FormatProfile, targets: Mapping[str, Target]
) -> tuple[Block, ...]:
    w = BodyWriter(profile, targets, options=plan.format, year=plan.year)
    w.blocks(appendix.content, 1)
    blocks: list[Block] = list(w.result())
    if appendix.table:
        blocks.append(table_data(appendix.table))
    return tuple(blocks)
