"""The plan (Kế hoạch): header, title, opening, ordered sections of blocks, signature.

A version 2 plan writes its body as ``sections`` (or ``parts`` of sections); a
version 1 plan keeps the fixed fields of the reference plan (``purposes``, ``content``,
``organization``, ``budget``, ``reporting``, ``other_sections``), read as sections by
:mod:`kehoach.model.upgrade`. Walkers live in :mod:`kehoach.model.walk`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.blocks import Block, Subsection, Target
from kehoach.model.budget import Budget, BudgetBlock, BudgetLine, BudgetSource
from kehoach.model.located import walk_models
from kehoach.model.outline import Numbering, Part
from kehoach.model.parts import (
    Appendix,
    DocumentHeader,
    FormatOptions,
    Opening,
    Recipients,
    Section,
    Signature,
    Title,
)
from kehoach.model.placeholders import placeholders
from kehoach.model.tasks import Quarter, Task, TasksBlock
from kehoach.model.types import Text
from kehoach.model.v1 import Area, AreaGroup, ContentSection, PurposesSection, TaskSchedule
from kehoach.model.walk import (
    block_texts,
    iter_blocks,
    iter_targets,
    iter_tasks,
    plan_block_lists,
    plan_headings,
    task_quarter,
)
from kehoach.vi import body_code, type_code

V1_FIELDS = ("purposes", "content", "organization", "budget", "reporting", "other_sections")
"""The body fields of a version 1 plan, in the order they are rendered."""


class Plan(KModel):
    """A Party plan (Kế hoạch), from header to signature."""

    plan_type: Text | None = Field(
        default=None, description="Loại kế hoạch (mã plugin), ví dụ: tuyen-giao, dan-van"
    )
    version: Literal[1, 2] | None = Field(
        default=None,
        description="Phiên bản cấu trúc tệp: 2 (các mục theo thứ tự); để trống là 1 (tệp cũ)",
    )
    year: int = Field(ge=1930, le=2200, description="Năm kế hoạch")
    header: DocumentHeader = Field(description="Tiêu đề văn bản: cơ quan, số, địa danh, ngày")
    title: Title = Field(description="Tên loại và trích yếu")
    opening: Opening = Field(default_factory=Opening, description="Căn cứ và đoạn mở đầu")
    numbering: Numbering | None = Field(
        default=None, description="Cách đánh số các cấp mục (mặc định: I. / 1. / 1.1. / a))"
    )
    sections: list[Section] = Field(
        default_factory=list,
        description="Các mục lớn theo thứ tự, tiêu đề tuỳ ý (phiên bản 2)",
    )
    parts: list[Part] = Field(
        default_factory=list,
        description='Các phần ("Phần thứ nhất…"), mỗi phần gồm các mục lớn (phiên bản 2)',
    )
    purposes: PurposesSection | None = Field(
        default=None, description="I. Mục đích, yêu cầu (phiên bản 1)"
    )
    content: ContentSection | None = Field(default=None, description="II. Nội dung")
    organization: Section | None = Field(default=None, description="III. Tổ chức thực hiện")
    budget: Budget | None = Field(default=None, description="IV. Kinh phí")
    reporting: Section | None = Field(default=None, description="V. Chế độ báo cáo")
    other_sections: list[Section] = Field(
        default_factory=list, description="Các mục lớn khác, sau các mục trên"
    )
    closing: list[Block] = Field(default_factory=list, description="Đoạn kết")
    recipients: Recipients = Field(description="Nơi nhận")
    signature: Signature = Field(description="Chữ ký")
    appendices: list[Appendix] = Field(default_factory=list, description="Các phụ lục khác")
    format: FormatOptions = Field(default_factory=FormatOptions, description="Tuỳ chọn thể thức")

    @model_validator(mode="after")
    def _one_shape(self) -> Plan:
        used = [name for name in V1_FIELDS if getattr(self, name)]
        if used and (self.version == 2 or self.sections or self.parts):
            raise PydanticCustomError(
                "kehoach.version_mix",
                "a version 2 file puts its content in sections/parts, not {fields}",
                {"fields": ", ".join(used)},
            )
        if self.sections and self.parts:
            raise PydanticCustomError(
                "kehoach.sections_and_parts", "write sections or parts, not both", {}
            )
        # Version 1 files keep loading as they did; version 2 keeps headings, tasks and
        # budgets inside the body's sections.
        places = (("opening", "phần mở đầu"), ("closing", "đoạn kết")) if self.version == 2 else ()
        for place, place_vi in places:
            for model, path in walk_models(getattr(self, place), (place,)):
                kind = _section_level_kind(model)
                if kind and not _inside_table(path):
                    raise PydanticCustomError(
                        "kehoach.block_place",
                        "a {kind} block cannot go in {place}",
                        {"kind": kind, "place": place, "place_vi": place_vi, "at": path},
                    )
        if self.version == 2:
            levels = len(heading_levels(self))
            for depth, path in _depths(self):
                if depth > levels:
                    raise PydanticCustomError(
                        "kehoach.too_deep",
                        "section nested too deeply: level {depth}, the numbering has {levels}",
                        {"depth": depth, "levels": levels, "at": path},
                    )
        return self

    @model_validator(mode="after")
    def _symbols_derivable(self) -> Plan:
        # F-SYM-1, F-ORGSYM-1: the symbols are derived unless given; say which to give.
        header = self.header
        for given, derive, name, field in (
            (header.type_code, type_code, self.title.type_name, "header.type_code"),
            (header.body_code, body_code, header.issuing_body, "header.body_code"),
        ):
            if given:
                continue
            try:
                derive(name)
            except ValueError as exc:
                raise PydanticCustomError(
                    "kehoach.code",
                    "{message_en}",
                    {
                        "message_vi": f"không suy ra được ký hiệu của '{name}'; ghi rõ {field}",
                        "message_en": f"cannot derive the symbol of '{name}' ({exc}); set {field}",
                    },
                ) from None
        return self

    @model_validator(mode="after")
    def _ids_and_placeholders(self) -> Plan:
        seen: set[str] = set()
        for kind, item_id, path in _all_ids(self):
            if item_id in seen:
                raise PydanticCustomError(
                    "kehoach.duplicate_id",
                    "{kind} id {id} is used twice",
                    {"kind": kind, "kind_vi": _KINDS_VI[kind], "id": item_id, "at": path},
                )
            seen.add(item_id)
        target_ids = {t.id for t in iter_targets(self)}
        for text, own, values in _texts_with_targets(self):
            names = set(placeholders(text))
            for name in names - target_ids - values:
                raise PydanticCustomError(
                    "kehoach.unknown_placeholder",
                    "{{name}} in {text} names no target; write \\{ for a literal brace",
                    {"name": name, "text": _clip(text)},
                )
            for target in own:
                if target.id not in names:
                    raise PydanticCustomError(
                        "kehoach.unplaced_target",
                        "target {id} is not placed in its text; write {{id}} where the figure goes",
                        {"id": target.id},
                    )
        return self


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def heading_levels(plan: Plan) -> list[str]:
    """How each depth of headings is numbered: the document's scheme, else the default.

    The default is today's: I. / 1. / 1.1. / then a) or 2.3.1. (``format.level4_numbering``).
    """
    if plan.numbering and plan.numbering.levels:
        return list(plan.numbering.levels)
    return ["roman", "arabic", "decimal", plan.format.level4_numbering]


def _section_level_kind(model: object) -> str | None:
    # Headings, tasks and budgets belong to the body's sections, not around them.
    for kind, cls in (("section", Subsection), ("tasks", TasksBlock), ("budget", BudgetBlock)):
        if isinstance(model, cls):
            return kind
    return None


def _inside_table(path: tuple[str | int, ...]) -> bool:
    return "table" in path


def _depths(plan: Plan) -> Iterator[tuple[int, tuple[str | int, ...]]]:
    """The heading depth of every section and subsection (1 = top level), with its path."""
    for model, path in walk_models(plan):
        if isinstance(model, Subsection | Section) and path and path[0] in ("sections", "parts"):
            depth = sum(1 for part in path if part in ("content", "sections"))
            yield depth, path


def _texts_with_targets(plan: Plan) -> Iterator[tuple[str, list[Target], set[str]]]:
    """Every text written with inline marks: its targets, and the other names it may use.

    Only a task's text may use ``{count}`` (its own count); elsewhere it would be
    printed as it is.
    """
    for heading in plan_headings(plan):
        yield heading, [], set()
    for blocks in plan_block_lists(plan):
        for text, targets in block_texts(blocks):
            yield text, targets, set()
    for task in iter_tasks(plan):
        yield task.text, [], {"count"}


_KINDS_VI = {
    "target": "chỉ tiêu",
    "task": "nhiệm vụ",
    "area": "lĩnh vực",
    "budget source": "nguồn kinh phí",
    "budget line": "dòng phụ biểu",
}


_ID_KINDS: tuple[tuple[type, str], ...] = (
    (Target, "target"),
    (Task, "task"),
    (Area, "area"),
    (BudgetSource, "budget source"),
    (BudgetLine, "budget line"),
)


def _all_ids(plan: Plan) -> Iterator[tuple[str, str, tuple[str | int, ...]]]:
    """The id of every target, task, area and budget source or line, where it is written."""
    for model, path in walk_models(plan):
        kind = _id_kind(type(model))
        item_id = getattr(model, "id", None) if kind else None
        if kind and item_id:
            yield kind, item_id, (*path, "id")


@cache
def _id_kind(cls: type) -> str | None:
    # Once per model class, not for each of a plan's thousands of models (every load).
    return next((kind for base, kind in _ID_KINDS if issubclass(cls, base)), None)


__all__ = [
    "V1_FIELDS",
    "Area",
    "AreaGroup",
    "Budget",
    "BudgetLine",
    "BudgetSource",
    "ContentSection",
    "Plan",
    "PurposesSection",
    "Quarter",
    "Task",
    "TaskSchedule",
    "Text",
    "block_texts",
    "heading_levels",
    "iter_blocks",
    "iter_targets",
    "iter_tasks",
    "plan_block_lists",
    "task_quarter",
]
