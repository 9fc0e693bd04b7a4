"""A report laid out by its progress file: sections in its order, computed parts in place.

Used when the progress file gives ``sections`` or ``parts``
(:mod:`kehoach.model.report_outline`); otherwise the report keeps its default sections
I–IV (:func:`kehoach.report.sections.write_sections`).
"""

from __future__ import annotations

from dataclasses import replace

from kehoach.compose import BodyWriter, Run
from kehoach.compose.plan import write_outline as walk_outline
from kehoach.model.report_outline import Computed, ReportPart, ReportSection
from kehoach.profiles import FormatProfile
from kehoach.report.results import ReportData
from kehoach.report.sections import ReportSections
from kehoach.report.tables import budget_table, status_table, targets_table


def has_outline(data: ReportData) -> bool:
    """Whether the progress file lays out the report itself."""
    return bool(data.progress.sections or data.progress.parts)


def places_tables(data: ReportData) -> bool:
    """Whether the results tables are placed in the text (then no appendix repeats them)."""
    sections = [*data.progress.sections, *(s for p in data.progress.parts for s in p.sections)]
    return any(
        isinstance(b, Computed) and b.computed == "results-table"
        for section in sections
        for b in section.content
    )


def write_outline(w: BodyWriter, data: ReportData, profile: FormatProfile) -> None:
    """The report's parts and sections in the order the progress file gives them."""
    writer = ReportSections(w, data, profile)
    items: list[ReportPart] | list[ReportSection] = data.progress.parts or data.progress.sections
    walk_outline(w, items, lambda section: _section(writer, section))


def _section(writer: ReportSections, section: ReportSection) -> None:
    if section.default is not None:
        method = getattr(writer, section.default)
        if section.title:
            method(section.title)
        else:
            method()
        return
    w = writer.w
    w.heading(1, section.title or "")
    for block in section.content:
        if isinstance(block, Computed):
            computed(writer, block.computed, 2)
        else:
            w.block(block, 2)


def computed(writer: ReportSections, kind: str, level: int) -> None:
    """Write one computed part at heading ``level``; nothing when it has nothing to say."""
    w, data = writer.w, writer.data
    if kind == "target-results" and data.targets:
        writer.target_results(level, heading=False)
    elif kind == "task-counts" and data.tasks:
        writer.task_counts()
    elif kind == "task-results" and data.tasks:
        writer.task_counts(" Cụ thể:")
        writer.task_list()
    elif kind == "budget-use" and data.budget:
        writer.budget_results(level, heading=False)
    elif kind == "results-table":
        # In the body the unit goes in the caption: a lone right-aligned "Đơn vị tính"
        # line is body text there (F-BODY-2/3), unlike in an appendix.
        for make, wanted, caption in (
            (targets_table, data.targets, None),
            (status_table, data.tasks, None),
            (budget_table, data.budget, "Kinh phí (đơn vị tính: đồng)"),
        ):
            table = make(data, caption) if wanted else None
            if table is not None:
                w.out.append(replace(table, unit=None))
    elif kind == "limitations":
        for fact in writer.limitation_facts():
            w.bullet(1, [Run(fact)])
    elif kind == "next-tasks":
        writer.next_tasks(level)


__all__ = ["computed", "has_outline", "places_tables", "write_outline"]
