"""Tasks (nhiệm vụ) and the blocks that hold them, independent of quarters.

A task carries its own time (``when``, kept exactly as written), lead and support
units, expected result and sub-lines. A tasks block groups tasks by quarter, month,
phase or theme (or not at all) and chooses how they are laid out: "- "/"+ " lines, an
inline list, or a task table in the body or in an appendix.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.types import Id, RichText, Text
from kehoach.vi.when import impossible_times

TaskField = Literal["when", "lead", "support", "result"]
"""A task field that can be printed on its own labelled line ("- Đơn vị chủ trì: …")."""


def possible_time(value: str | None) -> str | None:
    """``value`` as written, unless it names a date that cannot exist ("31/02/2027").

    Free text ("Thường xuyên") is kept as written; only an impossible date is refused,
    with the reason ("tháng 02/2027 chỉ có 28 ngày").
    """
    bad = impossible_times(value) if value else []
    if bad:
        first = bad[0]
        vi = f"'{first.piece}' không có thật: {first.reason_vi}"
        en = f"'{first.piece}' does not exist: {first.reason_en}"
        if first.piece.strip() != (value or "").strip():  # a piece of a longer time
            vi += f" (trong '{value}')"
            en += f" (in '{value}')"
        raise PydanticCustomError(
            "kehoach.impossible_when", "{message_en}", {"message_vi": vi, "message_en": en}
        )
    return value


def _one_unit(value: Any) -> Any:
    # A table cell "Phối hợp" often holds one unit: write it as a string.
    return [value] if isinstance(value, str) else value


class Task(KModel):
    """A task; ``{count}`` in its text places its count."""

    id: Id = Field(description="Mã nhiệm vụ, ổn định qua các năm")
    text: RichText = Field(description="Nội dung nhiệm vụ")
    count: int | None = Field(default=None, ge=0, description="Số lượng (tuỳ chọn)")
    unit: Text | None = Field(default=None, description="Đơn vị tính của số lượng")
    lead: Text | None = Field(default=None, description="Đơn vị chủ trì")
    support: Annotated[
        list[Text], BeforeValidator(_one_unit, json_schema_input_type=Text | list[Text])
    ] = Field(default_factory=list, description="Đơn vị phối hợp (một dòng hoặc danh sách)")
    due: date | None = Field(default=None, description="Thời hạn hoàn thành")
    when: Text | None = Field(
        default=None,
        description=(
            'Thời gian, ghi như người viết: "Quý IV/2025", "Dự kiến tháng 11/2025",'
            ' "Từ tháng 12/2025 đến quý I/2026", "Thường xuyên" — giữ nguyên văn'
        ),
    )
    result: Text | None = Field(default=None, description="Kết quả, sản phẩm dự kiến")
    labels: dict[TaskField, Text] | None = Field(
        default=None,
        description="Nhãn riêng của nhiệm vụ này cho từng trường (thay nhãn của khối nhiệm vụ)",
    )
    items: list[RichText] = Field(
        default_factory=list, description='Các ý nhỏ bên dưới nhiệm vụ (in "- " hoặc "+ ")'
    )
    recurring: bool | None = Field(
        default=None,
        description="Nhiệm vụ lặp lại hằng năm? Để trống: kehoach tự đoán khi lập kế hoạch năm sau",
    )

    @field_validator("when")
    @classmethod
    def _possible_time(cls, value: str | None) -> str | None:
        return possible_time(value)


class Quarter(KModel):
    """The tasks of one quarter."""

    quarter: int = Field(ge=1, le=4, description="Quý (1–4)")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ trong quý")


GroupBy = Literal["quarter", "month", "phase", "theme", "none"]
TaskStyle = Literal["list", "inline", "table"]
TaskColumn = Literal["text", "lead", "support", "when", "result", "count"]


class TaskGroup(KModel):
    """A group of tasks: one quarter, month, phase ("Đợt 1: …") or theme."""

    quarter: int | None = Field(default=None, ge=1, le=4, description="Quý (1–4)")
    month: Text | None = Field(default=None, description='Tháng, ví dụ: "11/2025"')
    phase: RichText | None = Field(
        default=None, description='Đợt, giai đoạn, ví dụ: "Đợt 1: Trong tháng 12/2025"'
    )
    title: RichText | None = Field(default=None, description="Tên nhóm theo chủ đề")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ của nhóm")

    @field_validator("month", "phase")
    @classmethod
    def _possible_time(cls, value: str | None) -> str | None:
        # "11/2025" is read as the month it names; the value stays as written.
        possible_time(f"tháng {value}" if value and value[:1].isdigit() else value)
        return value

    @model_validator(mode="after")
    def _one_name(self) -> TaskGroup:
        named = [k for k in ("quarter", "month", "phase", "title") if getattr(self, k) is not None]
        if len(named) != 1:
            raise PydanticCustomError(
                "kehoach.task_group",
                "a task group is named by exactly one of quarter, month, phase, title (got {got})",
                {"got": ", ".join(named) or "none"},
            )
        return self

    @property
    def kind(self) -> str:
        """Which of quarter, month, phase, theme names the group."""
        for key, kind in (("quarter", "quarter"), ("month", "month"), ("phase", "phase")):
            if getattr(self, key) is not None:
                return kind
        return "theme"


class TaskList(KModel):
    """The tasks of a tasks block, grouped or not, and how to lay them out."""

    title: RichText | None = Field(default=None, description="Tiêu đề (tuỳ chọn)")
    style: TaskStyle = Field(
        default="list",
        description="Cách trình bày: list (gạch đầu dòng), inline (liền đoạn), table (bảng)",
    )
    placement: Literal["body", "appendix"] = Field(
        default="body", description="Bảng nhiệm vụ trong thân văn bản hay ở phụ lục"
    )
    appendix_title: Text = Field(
        default="Danh mục nhiệm vụ", description="Tên phụ lục khi bảng ở phụ lục"
    )
    columns: list[TaskColumn] | None = Field(
        default=None, description="Các cột của bảng (mặc định: theo các trường có dùng)"
    )
    show_units: bool | None = Field(
        default=None, description="Ghi chủ trì, phối hợp, thời gian sau mỗi nhiệm vụ"
    )
    labels: dict[TaskField, Text] | None = Field(
        default=None,
        description=(
            'In mỗi trường một dòng "- Nhãn: …" sau nhiệm vụ, với nhãn như văn bản gốc, ví dụ:'
            ' {when: "Thời gian hoàn thành", lead: "Đơn vị chủ trì"} (kiểu list)'
        ),
    )
    numbered: bool = Field(
        default=False,
        description="Đánh số mỗi nhiệm vụ như một mục con (1.1. …) thay cho gạch đầu dòng",
    )
    groups: list[TaskGroup] = Field(default_factory=list, description="Các nhóm nhiệm vụ")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ không chia nhóm")

    @model_validator(mode="after")
    def _groups_or_tasks(self) -> TaskList:
        if self.groups and self.tasks:
            raise PydanticCustomError(
                "kehoach.task_groups_and_tasks",
                "write the tasks inside groups or without groups, not both",
                {},
            )
        kinds = {g.kind for g in self.groups}
        if len(kinds) > 1:
            raise PydanticCustomError(
                "kehoach.task_group_kinds",
                "the groups of one tasks block are all quarters, months, phases or themes",
                {},
            )
        return self

    @property
    def group_by(self) -> str:
        """quarter, month, phase, theme or none."""
        return self.groups[0].kind if self.groups else "none"

    def all_tasks(self) -> list[Task]:
        """Every task of the block, in order."""
        if self.groups:
            return [t for g in self.groups for t in g.tasks]
        return list(self.tasks)


class TasksBlock(KModel):
    """A tasks block inside a section."""

    tasks: TaskList = Field(description="Nhiệm vụ: nhóm, cách trình bày, danh sách")


__all__ = [
    "GroupBy",
    "Quarter",
    "Task",
    "TaskColumn",
    "TaskField",
    "TaskGroup",
    "TaskList",
    "TaskStyle",
    "TasksBlock",
]
