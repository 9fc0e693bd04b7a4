"""A plan (model) as a composed Party document."""

from __future__ import annotations

from collections.abc import Mapping

from kehoach.compose.body import BodyWriter, table_data
from kehoach.compose.document import (
    AppendixPart,
    Cell,
    ComposedDocument,
    Run,
    TableData,
)
from kehoach.compose.frame import citation, frame_document
from kehoach.compose.profile import resolve_profile
from kehoach.compose.text import (
    count_values,
    merge_runs,
    money_text,
    reference_text,
    strip_end_punctuation,
    text_runs,
)
from kehoach.model import Appendix, AreaGroup, Budget, Plan, Target, Task, iter_targets
from kehoach.profiles import FormatProfile
from kehoach.vi import (
    format_number,
    roman,
    short_date,
)

QUARTER_LABEL = "Quý"


def compose_plan(plan: Plan) -> ComposedDocument:
    """Compose ``plan`` into the document the renderer lays out."""
    profile = resolve_profile(plan.format, plan.header.date)
    targets = {t.id: t for t in iter_targets(plan)}
    w = BodyWriter(profile, targets)
    _opening(w, plan)
    if plan.purposes:
        p = plan.purposes
        w.heading(1, p.title)
        w.heading(2, p.purpose_title)
        w.blocks(p.purpose, 3)
        w.heading(2, p.requirements_title)
        w.blocks(p.requirements, 3)
    if plan.content:
        _content(w, plan)
    if plan.organization:
        w.heading(1, plan.organization.title)
        w.blocks(plan.organization.content, 2)
    if plan.budget:
        _budget(w, plan.budget, plan)
    for section in (plan.reporting, *plan.other_sections):
        if section:
            w.heading(1, section.title)
            w.blocks(section.content, 2)
    w.blocks(plan.closing, 1)

    return frame_document(
        profile=profile,
        header=plan.header,
        type_name=plan.title.type_name,
        subject=text_runs(plan.title.subject, targets),
        body=w.result(),
        recipients=plan.recipients,
        signature=plan.signature,
        appendices=_appendices(plan, profile, targets),
        keywords=[x for x in ("kehoach", plan.plan_type) if x],
        tone_style=plan.format.tone_style,
    )


def _opening(w: BodyWriter, plan: Plan) -> None:
    basis = plan.opening.basis
    for i, ref in enumerate(basis):
        end = "." if i == len(basis) - 1 else ";"
        w.para("basis", [Run(f"- {strip_end_punctuation(reference_text(ref))}{end}")])
    w.blocks(plan.opening.paragraphs, 1)


def _content(w: BodyWriter, plan: Plan) -> None:
    assert plan.content is not None
    c = plan.content
    w.heading(1, c.title)
    w.blocks(c.intro, 2)
    if c.objectives:
        _area_group(w, c.objectives)
    if c.tasks:
        w.heading(2, c.tasks.title)
        w.blocks(c.tasks.intro, 3)
        for quarter in c.tasks.quarters:
            w.bullet(1, [Run(f"{QUARTER_LABEL} {roman(quarter.quarter)}", bold=True)])
            for task in quarter.tasks:
                w.bullet(2, task_runs(task, w, plan.format.show_task_units))
    if c.solutions:
        _area_group(w, c.solutions)
    w.blocks(c.extra, 2)


def _area_group(w: BodyWriter, group: AreaGroup) -> None:
    w.heading(2, group.title)
    w.blocks(group.intro, 3)
    for area in group.areas:
        w.heading(3, area.title)
        w.blocks(area.content, 4)


def task_runs(task: Task, w: BodyWriter, show_units: bool) -> list[Run]:
    """A task's text with its ``{count}`` and, when asked, lead/support units and due date."""
    runs = text_runs(task.text, w.targets, values=count_values(task.text, task.count, task.unit))
    details = []
    if show_units and task.lead:
        details.append(f"Chủ trì: {task.lead}")
    if show_units and task.support:
        details.append(f"phối hợp: {', '.join(task.support)}")
    if show_units and task.due:
        details.append(f"thời hạn: {short_date(task.due)}")
    if details:
        runs += [Run(" ("), Run("; ".join(details), italic=True), Run(")")]
    return merge_runs(runs)


def _budget(w: BodyWriter, budget: Budget, plan: Plan) -> None:
    unit, words = plan.format.money_unit, plan.format.money_words
    w.heading(1, budget.title)
    number = 0

    def label(text: str) -> list[Run]:
        nonlocal number
        number += 1
        return [Run(f"{number}. ", bold=True), *text_runs(f"{text}:", w.targets, bold=True)]

    total = [*label(budget.total_label), Run(f" {money_text(budget.total, unit, words)}")]
    if budget.has_appendix if budget.appendix_note is None else budget.appendix_note:
        # F-APX-1: the text refers to the appendix by the word that heads it.
        word = w.profile.appendix_label_word.lower()
        total += [Run(" ("), Run(f"Có {word} chi tiết đính kèm", italic=True), Run(")")]
    w.para("body", merge_runs([*total, Run(".")]))
    w.blocks(budget.notes, 3)
    if budget.sources:
        w.para("body", merge_runs(label(budget.sources_title)))
        for source in budget.sources:
            w.bullet(1, [Run(f"{source.name}: {money_text(source.amount, unit, words)}.")])
    if budget.year_amount is not None:
        year_label = budget.year_label or f"Nhu cầu kinh phí năm {plan.year}"
        runs = [*label(year_label), Run(f" {money_text(budget.year_amount, unit, words)}.")]
        w.para("body", merge_runs(runs))


def _appendices(
    plan: Plan, profile: FormatProfile, targets: Mapping[str, Target]
) -> tuple[AppendixPart, ...]:
    parts: list[tuple[str, tuple[object, ...], bool]] = []
    if plan.budget and plan.budget.has_appendix:
        parts.append((plan.budget.appendix_title, (budget_table(plan.budget),), False))
    for appendix in plan.appendices:
        blocks = _appendix_blocks(appendix, profile, targets)
        parts.append((appendix.title, blocks, appendix.landscape))
    reference = f"(Kèm theo {citation(plan.title.type_name, plan.header, plan.signature)})"
    word = profile.appendix_label_word.upper()
    numbered = len(parts) > 1  # F-APX-1: number them when there are two or more
    return tuple(
        AppendixPart(
            label=f"{word} {i}" if numbered else word,
            title=title.upper(),
            reference=reference,
            blocks=blocks,  # type: ignore[arg-type]
            landscape=landscape,
        )
        for i, (title, blocks, landscape) in enumerate(parts, start=1)
    )


def _appendix_blocks(
    appendix: Appendix, profile: FormatProfile, targets: Mapping[str, Target]
) -> tuple[object, ...]:
    w = BodyWriter(profile, targets)
    w.blocks(appendix.content, 1)
    blocks: list[object] = list(w.result())
    if appendix.table:
        blocks.append(table_data(appendix.table))
    return tuple(blocks)


def budget_table(budget: Budget) -> TableData:
    """The budget appendix table (F-APX-5): STT, content, source, amount, note; bold total."""
    sources = {s.id: s.name for s in budget.sources if s.id}
    rows = tuple(
        (
            Cell(str(i), "center"),
            Cell(line.name),
            Cell(sources.get(line.source or "", "")),
            Cell(format_number(line.amount), "right"),
            Cell(line.note or ""),
        )
        for i, line in enumerate(budget.lines, start=1)
    )
    total = (
        Cell("", "center", bold=True),
        Cell("Tổng cộng", "center", bold=True),
        Cell("", bold=True),
        Cell(format_number(budget.total), "right", bold=True),
        Cell("", bold=True),
    )
    header = tuple(
        Cell(t, "center", bold=True)
        for t in ("STT", "Nội dung", "Nguồn kinh phí", "Số tiền", "Ghi chú")
    )
    return TableData(
        header=header,
        rows=(*rows, total),
        widths=(0.6, 4.0, 2.0, 2.0, 1.6),
        unit="Đơn vị tính: đồng",
    )
