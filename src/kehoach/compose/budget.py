"""Budget blocks: clause, total, sources, this year's need — each written when given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.compose.document import Cell, Run, TableData
from kehoach.compose.text import merge_runs, money_text, text_runs
from kehoach.model import Budget
from kehoach.vi import format_number

if TYPE_CHECKING:
    from kehoach.compose.body import BodyWriter


def write_budget(w: BodyWriter, budget: Budget, level: int) -> None:
    """Write a budget at ``level``: its lines numbered "1. …:" in bold (reference plan)."""
    unit, words = w.options.money_unit, w.options.money_words
    number = 0

    def label(text: str) -> list[Run]:
        nonlocal number
        number += 1
        return [Run(f"{number}. ", bold=True), *text_runs(f"{text}:", w.targets, bold=True)]

    if budget.clause:
        # "Kinh phí thực hiện: theo quy định hiện hành." — a clause without amounts.
        runs = [*text_runs(f"{budget.title}:", w.targets, bold=True), Run(" ")]
        w.para("body", merge_runs([*runs, *text_runs(budget.clause, w.targets)]))
    if budget.total is not None:
        total = [*label(budget.total_label), Run(f" {money_text(budget.total, unit, words)}")]
        if budget.has_appendix if budget.appendix_note is None else budget.appendix_note:
            # F-APX-1: the text refers to the appendix by the word that heads it.
            word = w.profile.appendix_label_word.lower()
            total += [Run(" ("), Run(f"Có {word} chi tiết đính kèm", italic=True), Run(")")]
        w.para("body", merge_runs([*total, Run(".")]))
    w.blocks(budget.notes, level + 1)
    if budget.sources:
        w.para("body", merge_runs(label(budget.sources_title)))
        for source in budget.sources:
            amount = f": {money_text(source.amount, unit, words)}" if source.amount else ""
            w.bullet(1, [Run(f"{source.name}{amount}.")])
    if budget.year_amount is not None:
        year_label = budget.year_label or f"Nhu cầu kinh phí năm {w.year}"
        runs = [*label(year_label), Run(f" {money_text(budget.year_amount, unit, words)}.")]
        w.para("body", merge_runs(runs))


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
        Cell(format_number(budget.lines_total), "right", bold=True),
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


__all__ = ["budget_table", "write_budget"]
