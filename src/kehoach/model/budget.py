"""Kinh phí: a budget whose every part is optional.

A real plan may give a total and sources that add up to it, sources without amounts,
or only a clause ("Kinh phí thực hiện: theo quy định hiện hành"). Totals are checked
only where amounts are given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.types import Id, Money, RichText, Text

if TYPE_CHECKING:
    from kehoach.model.blocks import Block


class BudgetSource(KModel):
    """A source of funds."""

    id: Id | None = Field(default=None, description="Mã nguồn (tuỳ chọn)")
    name: Text = Field(description="Tên nguồn, ví dụ: Ngân sách của Thị xã")
    amount: Money | None = Field(default=None, description="Số tiền (đồng), có thể để trống")


class BudgetLine(KModel):
    """A line of the budget appendix (phụ biểu)."""

    id: Id | None = Field(default=None, description="Mã dòng (tuỳ chọn)")
    name: Text = Field(description="Nội dung chi")
    amount: Money = Field(description="Số tiền (đồng)")
    source: Id | None = Field(default=None, description="Mã nguồn kinh phí")
    note: Text | None = Field(default=None, description="Ghi chú")


class Budget(KModel):
    """Kinh phí: clause, total, sources, this year's need, detail lines — each optional."""

    title: RichText = Field(default="Kinh phí thực hiện", description="Tiêu đề")
    clause: RichText | None = Field(
        default=None,
        description='Câu về kinh phí không kèm số tiền, ví dụ: "theo quy định hiện hành"',
    )
    total_label: RichText = Field(
        default="Tổng kinh phí thực hiện", description="Nhãn dòng tổng kinh phí"
    )
    total: Money | None = Field(default=None, description="Tổng kinh phí (đồng), có thể để trống")
    appendix_note: bool | None = Field(
        default=None,
        description='Ghi "(Có phụ biểu chi tiết đính kèm)"; mặc định: khi có dòng chi tiết',
    )
    notes: list[Block] = Field(default_factory=list, description="Ghi chú sau dòng tổng")
    sources_title: RichText = Field(default="Nguồn kinh phí", description="Tiêu đề nguồn")
    sources: list[BudgetSource] = Field(default_factory=list, description="Các nguồn kinh phí")
    year_label: RichText | None = Field(
        default=None, description="Nhãn nhu cầu năm (mặc định: Nhu cầu kinh phí năm <năm>)"
    )
    year_amount: Money | None = Field(default=None, description="Nhu cầu kinh phí năm kế hoạch")
    lines: list[BudgetLine] = Field(default_factory=list, description="Các dòng phụ biểu")
    appendix_title: Text = Field(
        default="Dự toán kinh phí thực hiện", description="Tên phụ biểu kinh phí"
    )

    @model_validator(mode="after")
    def _amounts_add_up(self) -> Budget:
        amounts = [s.amount for s in self.sources]
        if self.total is not None and amounts and None not in amounts:
            total = sum(a for a in amounts if a is not None)
            if total != self.total:
                raise PydanticCustomError(
                    "kehoach.budget_sources",
                    "the sources add up to {sum} đồng, not the total {total} đồng",
                    {"sum": total, "total": self.total},
                )
        if self.total is not None and self.lines:
            total = sum(line.amount for line in self.lines)
            if total != self.total:
                raise PydanticCustomError(
                    "kehoach.budget_lines",
                    "the detail lines add up to {sum} đồng, not the total {total} đồng",
                    {"sum": total, "total": self.total},
                )
        if (
            self.total is not None
            and self.year_amount is not None
            and self.year_amount > self.total
        ):
            raise PydanticCustomError(
                "kehoach.budget_year",
                "this year's amount {year} đồng is more than the total {total} đồng",
                {"year": self.year_amount, "total": self.total},
            )
        source_ids = {s.id for s in self.sources if s.id}
        for line in self.lines:
            if line.source and line.source not in source_ids:
                raise PydanticCustomError(
                    "kehoach.budget_line_source",
                    "line '{name}' names unknown source '{source}'",
                    {"name": line.name, "source": line.source},
                )
        return self

    @property
    def has_appendix(self) -> bool:
        """Whether the plan carries the budget appendix table (F-APX-5)."""
        return bool(self.lines)

    @property
    def lines_total(self) -> int:
        """The total of the appendix table: the given total, else the lines' sum."""
        if self.total is not None:
            return self.total
        return sum(line.amount for line in self.lines)


class BudgetBlock(KModel):
    """A budget block inside a section."""

    budget: Budget = Field(description="Kinh phí: câu, tổng, các nguồn, nhu cầu năm")


__all__ = ["Budget", "BudgetBlock", "BudgetLine", "BudgetSource"]
