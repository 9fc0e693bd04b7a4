"""Version 1 of the plan file: the fixed parts of the reference plan.

A version 1 plan writes its body as ``purposes``, ``content`` (objectives, quarterly
tasks, solutions), ``organization``, ``budget``, ``reporting`` and ``other_sections``,
in that order. These files keep working: :mod:`kehoach.model.upgrade` reads them as
the ordered sections of version 2.
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.blocks import Block
from kehoach.model.tasks import Quarter
from kehoach.model.types import Id, RichText


class Area(KModel):
    """A numbered group of objectives or solutions (1.1., 1.2., …)."""

    id: Id | None = Field(default=None, description="Mã lĩnh vực (tuỳ chọn)")
    title: RichText = Field(description="Tên lĩnh vực")
    content: list[Block] = Field(default_factory=list, description="Nội dung")


class AreaGroup(KModel):
    """A numbered part made of areas: Mục tiêu, Giải pháp."""

    title: RichText = Field(description="Tiêu đề")
    intro: list[Block] = Field(default_factory=list, description="Đoạn mở đầu")
    areas: list[Area] = Field(default_factory=list, description="Các lĩnh vực (1.1., 1.2., …)")


class TaskSchedule(KModel):
    """Nhiệm vụ cụ thể by quarter ("- Quý I" then "+ …" items)."""

    title: RichText = Field(default="Nhiệm vụ cụ thể", description="Tiêu đề")
    intro: list[Block] = Field(default_factory=list, description="Đoạn mở đầu")
    quarters: list[Quarter] = Field(default_factory=list, description="Các quý")

    @model_validator(mode="after")
    def _quarters_once_in_order(self) -> TaskSchedule:
        numbers = [q.quarter for q in self.quarters]
        if numbers != sorted(set(numbers)):
            raise PydanticCustomError(
                "kehoach.quarter_order",
                "quarters must appear once each, in order (got {numbers})",
                {"numbers": numbers},
            )
        return self


class ContentSection(KModel):
    """II. Nội dung: objectives with targets, quarterly tasks, solutions."""

    title: RichText = Field(default="Nội dung thực hiện", description="Tiêu đề")
    intro: list[Block] = Field(default_factory=list, description="Đoạn mở đầu")
    objectives: AreaGroup | None = Field(default=None, description="Mục tiêu")
    tasks: TaskSchedule | None = Field(default=None, description="Nhiệm vụ cụ thể theo quý")
    solutions: AreaGroup | None = Field(default=None, description="Giải pháp")
    extra: list[Block] = Field(default_factory=list, description="Các mục khác sau giải pháp")


class PurposesSection(KModel):
    """I. Mục đích, yêu cầu."""

    title: RichText = Field(default="Mục đích, yêu cầu", description="Tiêu đề")
    purpose_title: RichText = Field(default="Mục đích", description="Tiêu đề phần mục đích")
    purpose: list[Block] = Field(default_factory=list, description="Mục đích")
    requirements_title: RichText = Field(default="Yêu cầu", description="Tiêu đề phần yêu cầu")
    requirements: list[Block] = Field(default_factory=list, description="Yêu cầu")
