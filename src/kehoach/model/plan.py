"""The plan (Kế hoạch): the parts of the reference plan, as typed data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.blocks import Block, Bullet, Paragraph, SubBullet, Subsection, Target
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
from kehoach.model.types import Id, Money, RichText, Text
from kehoach.vi import body_code, type_code


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


class Task(KModel):
    """A task of one quarter; ``{count}`` in its text places its count."""

    id: Id = Field(description="Mã nhiệm vụ, ổn định qua các năm")
    text: RichText = Field(description="Nội dung nhiệm vụ")
    count: int | None = Field(default=None, ge=0, description="Số lượng (tuỳ chọn)")
    unit: Text | None = Field(default=None, description="Đơn vị tính của số lượng")
    lead: Text | None = Field(default=None, description="Đơn vị chủ trì")
    support: list[Text] = Field(default_factory=list, description="Đơn vị phối hợp")
    due: date | None = Field(default=None, description="Thời hạn hoàn thành")
    recurring: bool | None = Field(
        default=None,
        description="Nhiệm vụ lặp lại hằng năm? Để trống: kehoach tự đoán khi lập kế hoạch năm sau",
    )


class Quarter(KModel):
    """The tasks of one quarter."""

    quarter: int = Field(ge=1, le=4, description="Quý (1–4)")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ trong quý")


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


class BudgetSource(KModel):
    """A source of funds."""

    id: Id | None = Field(default=None, description="Mã nguồn (tuỳ chọn)")
    name: Text = Field(description="Tên nguồn, ví dụ: Ngân sách của Thị xã")
    amount: Money = Field(description="Số tiền (đồng)")


class BudgetLine(KModel):
    """A line of the budget appendix (phụ biểu)."""

    id: Id | None = Field(default=None, description="Mã dòng (tuỳ chọn)")
    name: Text = Field(description="Nội dung chi")
    amount: Money = Field(description="Số tiền (đồng)")
    source: Id | None = Field(default=None, description="Mã nguồn kinh phí")
    note: Text | None = Field(default=None, description="Ghi chú")


class Budget(KModel):
    """IV. Kinh phí: total, sources (which must add up), this year's need, detail lines."""

    title: RichText = Field(default="Kinh phí thực hiện", description="Tiêu đề")
    total_label: RichText = Field(
        default="Tổng kinh phí thực hiện", description="Nhãn dòng tổng kinh phí"
    )
    total: Money = Field(description="Tổng kinh phí (đồng)")
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
        if self.sources and sum(s.amount for s in self.sources) != self.total:
            raise PydanticCustomError(
                "kehoach.budget_sources",
                "the sources add up to {sum} đồng, not the total {total} đồng",
                {"sum": sum(s.amount for s in self.sources), "total": self.total},
            )
        if self.lines and sum(line.amount for line in self.lines) != self.total:
            raise PydanticCustomError(
                "kehoach.budget_lines",
                "the detail lines add up to {sum} đồng, not the total {total} đồng",
                {"sum": sum(line.amount for line in self.lines), "total": self.total},
            )
        if self.year_amount is not None and self.year_amount > self.total:
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


class Plan(KModel):
    """A Party plan (Kế hoạch), from header to signature."""

    plan_type: Text | None = Field(
        default=None, description="Loại kế hoạch (mã plugin), ví dụ: tuyen-giao, dan-van"
    )
    year: int = Field(ge=1930, le=2200, description="Năm kế hoạch")
    header: DocumentHeader = Field(description="Tiêu đề văn bản: cơ quan, số, địa danh, ngày")
    title: Title = Field(description="Tên loại và trích yếu")
    opening: Opening = Field(default_factory=Opening, description="Căn cứ và đoạn mở đầu")
    purposes: PurposesSection | None = Field(default=None, description="I. Mục đích, yêu cầu")
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
        for kind, item_id in _all_ids(self):
            if item_id in seen:
                raise PydanticCustomError(
                    "kehoach.duplicate_id",
                    "{kind} id {id} is used twice",
                    {"kind": kind, "kind_vi": _KINDS_VI[kind], "id": item_id},
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


def iter_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Every block of a list, subsections' content included, in document order."""
    for block in blocks:
        yield block
        if isinstance(block, Subsection):
            yield from iter_blocks(block.content)


def block_texts(blocks: list[Block]) -> Iterator[tuple[str, list[Target]]]:
    """Every text of a block list, each with the targets it declares, in document order.

    Paragraphs, "- " and "+ " items and subsection headings: the texts written with
    inline marks (``**``, ``*``, ``{id}``). Table cells are plain text and left out.
    """
    for block in iter_blocks(blocks):
        if isinstance(block, str):
            yield block, []
        elif isinstance(block, Paragraph):
            yield block.text, block.targets
        elif isinstance(block, Bullet):
            yield block.bullet, block.targets
            for item in block.items:
                if isinstance(item, SubBullet):
                    yield item.text, item.targets
                else:
                    yield item, []
        elif isinstance(block, Subsection):
            yield block.section, []


def plan_block_lists(plan: Plan) -> Iterator[list[Block]]:
    """Every top-level block list of a plan, in document order."""
    yield plan.opening.paragraphs
    if plan.purposes:
        yield plan.purposes.purpose
        yield plan.purposes.requirements
    if plan.content:
        c = plan.content
        yield c.intro
        for group in (c.objectives, c.tasks, c.solutions):
            if group is not None:
                yield group.intro
            if isinstance(group, AreaGroup):
                yield from (area.content for area in group.areas)
        yield c.extra
    if plan.organization:
        yield plan.organization.content
    if plan.budget:
        yield plan.budget.notes
    for section in (plan.reporting, *plan.other_sections):
        if section:
            yield section.content
    yield plan.closing
    for appendix in plan.appendices:
        yield appendix.content


def _headings(plan: Plan) -> Iterator[str]:
    """The trích yếu, the headings and the budget's labels: inline marks, no targets."""
    yield plan.title.subject
    if plan.purposes:
        p = plan.purposes
        yield from (p.title, p.purpose_title, p.requirements_title)
    if plan.content:
        c = plan.content
        yield c.title
        for group in (c.objectives, c.tasks, c.solutions):
            if group is not None:
                yield group.title
            if isinstance(group, AreaGroup):
                yield from (area.title for area in group.areas)
    for section in (plan.organization, plan.reporting, *plan.other_sections):
        if section:
            yield section.title
    if plan.budget:
        b = plan.budget
        yield from (b.title, b.total_label, b.sources_title)
        if b.year_label:
            yield b.year_label


def _texts_with_targets(plan: Plan) -> Iterator[tuple[str, list[Target], set[str]]]:
    """Every text written with inline marks: its targets, and the other names it may use.

    Only a task's text may use ``{count}`` (its own count); elsewhere it would be
    printed as it is.
    """
    for heading in _headings(plan):
        yield heading, [], set()
    for blocks in plan_block_lists(plan):
        for text, targets in block_texts(blocks):
            yield text, targets, set()
    for task in iter_tasks(plan):
        yield task.text, [], {"count"}


def iter_targets(plan: Plan) -> Iterator[Target]:
    """Every measurable target of the plan, in document order."""
    for blocks in plan_block_lists(plan):
        for _, targets in block_texts(blocks):
            yield from targets


def iter_tasks(plan: Plan) -> Iterator[Task]:
    """Every quarterly task of the plan, quarter by quarter."""
    if plan.content and plan.content.tasks:
        for quarter in plan.content.tasks.quarters:
            yield from quarter.tasks


def task_quarter(plan: Plan) -> dict[str, int]:
    """Map each task id to its quarter."""
    if not (plan.content and plan.content.tasks):
        return {}
    return {t.id: q.quarter for q in plan.content.tasks.quarters for t in q.tasks}


_KINDS_VI = {
    "target": "chỉ tiêu",
    "task": "nhiệm vụ",
    "area": "lĩnh vực",
    "budget source": "nguồn kinh phí",
    "budget line": "dòng phụ biểu",
}


def _all_ids(plan: Plan) -> Iterator[tuple[str, str]]:
    for target in iter_targets(plan):
        yield "target", target.id
    for task in iter_tasks(plan):
        yield "task", task.id
    if plan.content:
        for group in (plan.content.objectives, plan.content.solutions):
            for area in group.areas if group else []:
                if area.id:
                    yield "area", area.id
    if plan.budget:
        for source in plan.budget.sources:
            if source.id:
                yield "budget source", source.id
        for line in plan.budget.lines:
            if line.id:
                yield "budget line", line.id
