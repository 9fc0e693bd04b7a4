"""A report written as a document: its own sections, with computed parts placed in them.

By default a report has sections I–IV (results, assessment, directions, proposals).
A progress file may instead give ``sections`` (or ``parts``, "Phần thứ nhất …"): each
is either one of the default sections (``default: results``, renamed with ``title``),
or a section of its own whose blocks may include computed parts (``computed:
target-results``) — so a narrative year-end report keeps the figures kehoach computes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.blocks import Block
from kehoach.model.types import Id, RichText

ComputedKind = Literal[
    "target-results",
    "task-counts",
    "task-results",
    "budget-use",
    "results-table",
    "limitations",
    "next-tasks",
]
"""The parts of a report kehoach computes from the plan and the progress."""

DefaultSection = Literal["results", "assessment", "directions", "proposals"]


class Computed(KModel):
    """A computed part of the report, placed where it is written."""

    computed: ComputedKind = Field(
        description=(
            "Phần kehoach tự tính: target-results (kết quả chỉ tiêu), task-counts (số nhiệm"
            " vụ theo tình trạng), task-results (danh sách nhiệm vụ), budget-use (kinh phí),"
            " results-table (các bảng kết quả), limitations (hạn chế rút ra từ số liệu),"
            " next-tasks (nhiệm vụ chuyển kỳ sau)"
        )
    )


def _report_block_tag(value: Any) -> str:
    if isinstance(value, Computed) or (isinstance(value, dict) and "computed" in value):
        return "computed"
    return "block"


ReportBlock = Annotated[
    Annotated[Computed, Tag("computed")] | Annotated[Block, Tag("block")],
    Discriminator(_report_block_tag),
]
"""A block of a report section: any plan block, or a computed part."""


class ReportSection(KModel):
    """A top-level section of a report: a default one (renamable) or one of its own."""

    default: DefaultSection | None = Field(
        default=None,
        description=(
            "Mục mặc định của báo cáo: results (Kết quả thực hiện), assessment (Đánh giá"
            " chung), directions (Phương hướng, nhiệm vụ), proposals (Đề xuất, kiến nghị)"
        ),
    )
    title: RichText | None = Field(default=None, description="Tiêu đề mục (đổi tên mục mặc định)")
    id: Id | None = Field(default=None, description="Mã mục (tuỳ chọn)")
    content: list[ReportBlock] = Field(default_factory=list, description="Nội dung của mục")

    @model_validator(mode="after")
    def _default_or_own(self) -> ReportSection:
        if self.default is None and self.title is None:
            raise PydanticCustomError(
                "kehoach.report_section", "a report section needs a title or a default", {}
            )
        if self.default is not None and self.content:
            raise PydanticCustomError(
                "kehoach.report_section_content",
                "a default section is written by kehoach; put your text in a section of its own",
                {},
            )
        return self


class ReportPart(KModel):
    """A part of a report ("Phần thứ nhất") holding its sections."""

    title: RichText = Field(description='Tên phần (không gõ "Phần thứ …")')
    sections: list[ReportSection] = Field(default_factory=list, description="Các mục của phần")


__all__ = [
    "Computed",
    "ComputedKind",
    "DefaultSection",
    "ReportBlock",
    "ReportPart",
    "ReportSection",
]
