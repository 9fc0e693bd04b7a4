"""Content blocks to numbered, bulleted paragraphs (shared by plans and reports)."""

from __future__ import annotations

from collections.abc import Mapping

from kehoach.compose.document import Block, Cell, Para, Run, TableData
from kehoach.compose.text import Outline, text_runs
from kehoach.model import Block as ModelBlock
from kehoach.model import Bullet, Paragraph, SubBullet, Subsection, Table, TableBlock, Target
from kehoach.profiles import FormatProfile
from kehoach.vi import format_number


class BodyWriter:
    """Collects the body paragraphs of one document, numbering headings as it goes."""

    def __init__(self, profile: FormatProfile, targets: Mapping[str, Target] | None = None):
        self.profile = profile
        self.targets: Mapping[str, Target] = targets or {}
        self.outline = Outline(profile)
        self.out: list[Block] = []

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

    def blocks(self, blocks: list[ModelBlock], level: int) -> None:
        """Write a content list; its subsections become headings at ``level``."""
        for block in blocks:
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

    def result(self) -> tuple[Block, ...]:
        """The paragraphs written so far."""
        return tuple(self.out)


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
