"""Content blocks: the free-form parts of a document body.

A block list is what a person writes wherever a real plan has running text: a plain
string is a paragraph, ``bullet:`` a "- " item (its ``items`` are "+ " items),
``section:`` a numbered subsection, ``table:`` a table, ``numbered:`` a numbered
sentence, ``label:`` a bold label and its sentence, ``quote:`` a quotation, ``tasks:``
a tasks block, ``budget:`` a budget block. Numbers (I., 1., 1.1.) and bullet marks are
computed from the structure, never typed (F-HEAD-2). Plugins may add kinds
(:mod:`kehoach.model.kinds`).
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Discriminator, Field, Tag, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model import budget as _budget_module
from kehoach.model.base import KModel
from kehoach.model.budget import BudgetBlock
from kehoach.model.kinds import RESERVED, PluginBlock, active_kind
from kehoach.model.tasks import TasksBlock
from kehoach.model.types import Id, RichText, Text

_AT_LEAST_WORDS = ("ít nhất", "tối thiểu", "trở lên", "trên", "không dưới")
_AT_MOST_WORDS = ("tối đa", "không quá", "không vượt quá", "dưới")


class Target(KModel):
    """A measurable target placed in a sentence with ``{id}``.

    Rendered like the reference plan: "Tổ chức ít nhất **05** hội nghị …" — the
    qualifier, the figure zero-padded and bold, then the unit. Its kind says how it
    carries into next year and how a mid-year report measures it (issue #12).
    """

    id: Id = Field(description="Mã chỉ tiêu, ổn định qua các năm (báo cáo dùng mã này)")
    quantity: int = Field(ge=0, description="Số lượng theo kế hoạch")
    unit: Text = Field(
        description='Đơn vị tính, ví dụ: hội nghị, cuộc, lớp, %, "% thôn" (tỷ lệ phần trăm số thôn)'
    )
    qualifier: Text | None = Field(
        default=None, description='Từ đứng trước con số, ví dụ: "ít nhất", "tối thiểu"'
    )
    label: Text | None = Field(
        default=None,
        description="Tên chỉ tiêu trong biểu tổng hợp (mặc định: câu chứa chỉ tiêu)",
    )
    kind: Literal["yearly", "cumulative", "one_off", "ratio"] | None = Field(
        default=None,
        description="Loại chỉ tiêu: yearly (hằng năm, lặp lại mỗi năm), cumulative (cộng dồn "
        "cả giai đoạn nhiều năm), one_off (làm một lần), ratio (tỷ lệ %). Để trống: tỷ lệ "
        "nếu đơn vị là %, còn lại là hằng năm",
    )
    bound: Literal["at_least", "at_most", "exact"] | None = Field(
        default=None,
        description="Ít nhất (at_least), tối đa (at_most) hay đúng bằng (exact). Để trống: "
        'theo từ đứng trước ("ít nhất", "tối thiểu" → at_least; "tối đa", "không quá" → '
        "at_most), còn lại exact",
    )
    noun: Text | None = Field(
        default=None,
        description='Danh từ sau tỷ lệ phần trăm: "số thôn" → "100% số thôn"',
    )
    since: int | None = Field(
        default=None, ge=1930, le=2200, description="Chỉ tiêu cộng dồn: năm bắt đầu giai đoạn"
    )
    through: int | None = Field(
        default=None, ge=1930, le=2200, description="Chỉ tiêu cộng dồn: năm kết thúc giai đoạn"
    )

    @property
    def is_percent(self) -> bool:
        """Whether the figure is a percentage ("%" or "% thôn")."""
        return self.unit.startswith("%")

    @property
    def effective_kind(self) -> Literal["yearly", "cumulative", "one_off", "ratio"]:
        """The kind written, else a percentage is a ratio and anything else yearly."""
        if self.kind is not None:
            return self.kind
        return "ratio" if self.is_percent else "yearly"

    @property
    def effective_bound(self) -> Literal["at_least", "at_most", "exact"]:
        """The bound written, else read from the qualifier, else exact."""
        if self.bound is not None:
            return self.bound
        words = (self.qualifier or "").casefold()
        if any(w in words for w in _AT_LEAST_WORDS):  # first: "không dưới" is at least
            return "at_least"
        if any(w in words for w in _AT_MOST_WORDS):
            return "at_most"
        return "exact"


class Paragraph(KModel):
    """A body paragraph that carries targets."""

    text: RichText = Field(description="Nội dung đoạn văn; {mã} đặt chỉ tiêu vào câu")
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu trong đoạn")


class Bullet(KModel):
    """A "- " item; its ``items`` are the "+ " items below it."""

    bullet: RichText = Field(description='Nội dung gạch đầu dòng "- "')
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu trong ý này")
    items: list[SubItem] = Field(default_factory=list, description='Các ý "+ " bên dưới')


class SubBullet(KModel):
    """A "+ " item that carries targets."""

    text: RichText = Field(description='Nội dung ý "+ "')
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu trong ý này")


SubItem = Annotated[
    Annotated[RichText, Tag("str")] | Annotated[SubBullet, Tag("item")],
    Discriminator(lambda v: "str" if isinstance(v, str) else "item"),
]


class Column(KModel):
    """A table column."""

    title: Text = Field(description="Tiêu đề cột")
    align: Literal["left", "center", "right"] = Field(default="left", description="Căn lề")
    width: float | None = Field(
        default=None, gt=0, description="Độ rộng tương đối (mặc định chia đều)"
    )


class Table(KModel):
    """A table: header row repeated on each page, optional bold total row."""

    columns: list[Column] = Field(min_length=1, description="Các cột")
    rows: list[list[Text | int]] = Field(default_factory=list, description="Các dòng")
    total: list[Text | int] | None = Field(default=None, description="Dòng tổng cộng (in đậm)")
    unit: Text | None = Field(default=None, description='Dòng "Đơn vị tính: …" phía trên bảng')

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        rows = [*self.rows, *([self.total] if self.total else [])]
        for number, row in enumerate(rows, start=1):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "kehoach.table_row",
                    "table row {row} has {cells} cells but the table has {columns} columns",
                    {"row": number, "cells": len(row), "columns": len(self.columns)},
                )
        return self


class TableBlock(KModel):
    """A table inside the body."""

    table: Table = Field(description="Bảng: các cột, các dòng, dòng tổng cộng")


class Numbered(KModel):
    """A numbered sentence ("1. Nhiệt liệt chào mừng …!"): numbered like a heading, not one."""

    numbered: RichText = Field(description="Câu được đánh số (không gõ số thứ tự)")
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu trong câu")


class Labelled(KModel):
    """A bold label followed by its sentence: "**Đối tượng kiểm tra:** cán bộ …"."""

    label: RichText = Field(description="Nhãn in đậm, không gõ dấu hai chấm")
    text: RichText = Field(default="", description="Câu sau nhãn")
    numbered: bool = Field(
        default=False, description='Đánh số nhãn như một mục ("1. Đối tượng kiểm tra: …")'
    )
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu trong câu")


class Quote(KModel):
    """A quotation or citation, in italics, with its source after it."""

    quote: RichText = Field(description="Lời trích dẫn")
    source: Text | None = Field(default=None, description="Nguồn trích dẫn")


class Subsection(KModel):
    """A numbered subsection; its number comes from its depth and position."""

    section: RichText = Field(description="Tiêu đề mục (không gõ số thứ tự)")
    id: Id | None = Field(default=None, description="Mã mục (tuỳ chọn)")
    content: list[Block] = Field(
        default_factory=list,
        validation_alias=AliasChoices("content", "blocks"),
        description="Nội dung của mục (hoặc ghi blocks)",
    )


BLOCK_KEYS = ("section", "bullet", "table", "label", "numbered", "quote", "tasks", "budget")
"""The key that names each block kind, in the order they are recognised."""


# Tags of the newer kinds differ from their keys so error paths keep the key
# ("content[0].tasks.tasks[2].when"); the loader drops tags that are not keys.
_V1_TAGS = ("section", "bullet", "table")


_FIELD_KEYS = frozenset({"text", "targets", "items", "id", "content", "blocks", "source"})


def _misspelt_kind(key: object) -> bool:
    # Close to a kind's key ("bulet", "tabel") and not one of the keys blocks also carry.
    return (
        isinstance(key, str)
        and key not in _FIELD_KEYS
        and bool(difflib.get_close_matches(key, BLOCK_KEYS, n=1, cutoff=0.75))
    )


def _block_tag(value: Any) -> str:
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key if key in _V1_TAGS else f"{key}_block"
        if "text" not in value and len(value) == 1:
            # One key naming no kind of kehoach's: a plugin's kind, or an unknown one.
            return "plugin_block" if active_kind(str(next(iter(value)))) else "unknown"
        if "text" not in value and any(_misspelt_kind(k) for k in value):
            return "unknown"  # {bulet: …, items: […]}: the kind's key is mistyped
        return "text"  # report the missing "text" key, the commonest mistake
    tags: dict[type, str] = {
        Subsection: "section",
        Bullet: "bullet",
        TableBlock: "table",
        Paragraph: "text",
        Numbered: "numbered_block",
        Labelled: "label_block",
        Quote: "quote_block",
        TasksBlock: "tasks_block",
        BudgetBlock: "budget_block",
        PluginBlock: "plugin_block",
    }
    return tags.get(type(value), "text")


_PLUGIN_BLOCK_SCHEMA = {
    "type": "object",
    "title": "Khối do plugin thêm",
    "description": "Một khối do plugin định nghĩa: {tên khối: nội dung}",
    "minProperties": 1,
    "maxProperties": 1,
    "propertyNames": {"not": {"enum": sorted({*RESERVED, "computed"})}},
}

Block = Annotated[
    Annotated[RichText, Tag("str")]
    | Annotated[Paragraph, Tag("text")]
    | Annotated[Bullet, Tag("bullet")]
    | Annotated[Subsection, Tag("section")]
    | Annotated[TableBlock, Tag("table")]
    | Annotated[Numbered, Tag("numbered_block")]
    | Annotated[Labelled, Tag("label_block")]
    | Annotated[Quote, Tag("quote_block")]
    | Annotated[TasksBlock, Tag("tasks_block")]
    | Annotated[BudgetBlock, Tag("budget_block")]
    | Annotated[PluginBlock, Tag("plugin_block"), WithJsonSchema(_PLUGIN_BLOCK_SCHEMA)],
    Discriminator(_block_tag),
]
"""One element of a content list (see the module docstring)."""

# The recursive models are built on first use (``defer_build``), like the others:
# building them here cost every start ~50 ms, twice what building them as part of
# ``Plan`` costs. ``Budget`` holds blocks in its notes, but its module cannot import
# ``Block`` (this module imports it): it is given the name here, for that build.
_budget_module.Block = Block  # type: ignore[attr-defined]
