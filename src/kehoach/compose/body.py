"""Content blocks to numbered, bulleted paragraphs (shared by plans and reports)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kehoach.compose.budget import write_budget
from kehoach.compose.document import Block, Cell, Para, PendingAppendix, Run, TableData
from kehoach.compose.tasks import write_tasks
from kehoach.compose.text import Outline, merge_runs, text_runs
from kehoach.model import Block as ModelBlock
from kehoach.model import (
    BudgetBlock,
    Bullet,
    FormatOptions,
    Labelled,
    Numbered,
    Paragraph,
    PluginBlock,
    Quote,
    SubBullet,
    Subsection,
    Table,
    TableBlock,
    Target,
    TasksBlock,
)
from kehoach.profiles import FormatProfile
from kehoach.vi import format_number


class BodyWriter:
    """Collects the body paragraphs of one document, numbering headings as it goes."""

    def __init__(
        self,
        profile: FormatProfile,
        targets: Mapping[str, Target] | None = None,
        *,
        levels: Sequence[str] | None = None,
        options: FormatOptions | None = None,
        year: int | None = None,
    ):
        self.profile = profile
        self.targets: Mapping[str, Target] = targets or {}
        self.outline = Outline(profile, tuple(levels) if levels else None)
        self.options = options or FormatOptions()
        self.year = year
        self.out: list[Block] = []
        self.appendices: list[PendingAppendix] = []

    def heading(self, level: int, title: str) -> None:
        """A numbered heading at ``level`` (1 = "I.")."""
        self.out.append(self.outline.heading(level, title, self.targets))

    def para(self, role: str, runs: list[Run]) -> None:
        """A paragraph with the given role."""
        self.out.append(Para(role, tuple(runs)))  # type: ignore[arg-type]

    def bullet(self, depth: int, runs: list[Run]) -> None:
        """A "- " (depth 1) or "+ " (depth 2) item (F-HEAD-2)."""
        marks = self.profile.bullets
        mark = marks[min(depth, len(marks)) - 1]
        role = "bullet1" if depth == 1 else "bullet2"
        bold = all(r.bold for r in runs) if runs else False
        self.para(role, [Run(f"{mark} ", bold=bold), *runs])

    def blocks(self, blocks: Sequence[ModelBlock], level: int) -> None:
        """Write a content list; its subsections become headings at ``level``."""
        for block in blocks:
            self.block(block, level)

    def block(self, block: ModelBlock, level: int) -> None:
        """Write one block; a subsection becomes a heading at ``level``."""
        if isinstance(block, str):
            self.para("body", text_runs(block, self.targets))
        elif isinstance(block, Paragraph):
            self.para("body", text_runs(block.text, self.targets))
        elif isinstance(block, Bullet):
            self.bullet(1, text_runs(block.bullet, self.targets))
            for item in block.items:
                text = item.text if isinstance(item, SubBullet) else item
                self.bullet(2, text_runs(text, self.targets))
        elif isinstance(block, Subsection):
            self.heading(level, block.section)
            self.blocks(block.content, level + 1)
        elif isinstance(block, TableBlock):
            self.out.append(table_data(block.table))
        elif isinstance(block, Numbered):
            # A numbered sentence takes the next number of its level, as a heading
            # would, but reads as body text.
            number = self.outline.next(level)
            runs = [Run(f"{number} "), *text_runs(block.numbered, self.targets)]
            self.para("body", merge_runs(runs))
        elif isinstance(block, Labelled):
            self.para("body", self.labelled_runs(block, level))
        elif isinstance(block, Quote):
            runs = text_runs(block.quote, self.targets, italic=True)
            if block.source:
                runs += [Run(f" ({block.source})")]
            self.para("body", merge_runs(runs))
        elif isinstance(block, TasksBlock):
            write_tasks(self, block.tasks, level)
        elif isinstance(block, BudgetBlock):
            write_budget(self, block.budget, level)
        elif isinstance(block, PluginBlock):
            block.write(_PluginOutput(self, level))

    def labelled_runs(self, block: Labelled, level: int) -> list[Run]:
        """ "**1. Đối tượng kiểm tra:** cán bộ …": only the label (and number) in bold."""
        label = block.label.rstrip()
        label = label if label.endswith(":") else f"{label}:"
        runs: list[Run] = []
        if block.numbered:
            runs.append(Run(f"{self.outline.next(level)} ", bold=True))
        runs += text_runs(label, self.targets, bold=True)
        if block.text:
            runs += [Run(" "), *text_runs(block.text, self.targets)]
        return merge_runs(runs)

    def result(self) -> tuple[Block, ...]:
        """The paragraphs written so far."""
        return tuple(self.out)


class _PluginOutput:
    """What a plugin's block writer may add (:class:`kehoach.model.kinds.BlockOutput`)."""

    def __init__(self, writer: BodyWriter, level: int):
        self.writer, self.level = writer, level

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False) -> None:
        runs = text_runs(text, self.writer.targets, bold=bold, italic=italic)
        self.writer.para("body", runs)

    def bullet(self, text: str, depth: int = 1) -> None:
        self.writer.bullet(min(max(depth, 1), 2), text_runs(text, self.writer.targets))

    def heading(self, title: str) -> None:
        self.writer.heading(self.level, title)


def table_data(table: Table) -> TableData:
    """A model table as a composed table: numbers right-aligned with "." separators."""
    aligns = [c.align for c in table.columns]

    def cells(row: list[str | int], bold: bool = False) -> tuple[Cell, ...]:
        return tuple(
            Cell(
                format_number(v) if isinstance(v, int) else v,
                "right" if isinstance(v, int) and aligns[i] == "left" else aligns[i],
                bold=bold,
            )
            for i, v in enumerate(row)
        )

    rows = [cells(r) for r in table.rows]
    if table.total:
        rows.append(cells(table.total, bold=True))
    return TableData(
        header=tuple(Cell(c.title, "center", bold=True) for c in table.columns),
        rows=tuple(rows),
        widths=tuple(c.width or 1.0 for c in table.columns),
        unit=f"Đơn vị tính: {table.unit}" if table.unit else None,
    )
