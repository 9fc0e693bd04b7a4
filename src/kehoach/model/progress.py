"""Progress on a plan (tiến độ thực hiện): what staff fill in for a follow-up report.

Everything links to the plan by the stable ids of its targets, tasks and budget
sources; nothing of the plan is retyped. A missing entry means "chưa báo cáo" (not
reported), never zero. Narratives are block lists like a plan's body; a plain string
is split into lines ("- " starts a bullet, "+ " an item under it).

The field types (statuses, periods, quantities, dates, narratives) and how they are
parsed live in :mod:`kehoach.model.progress_types`; they are re-exported here, so
existing imports keep working. The cross-field rules stay on the models that own them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from kehoach.model.base import KModel
from kehoach.model.outline import Numbering
from kehoach.model.parts import FormatOptions, Recipients, Signature
from kehoach.model.progress_types import (
    DONE_STATUSES,
    PERIODS,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    Day,
    Narrative,
    Period,
    PeriodInfo,
    Quantity,
    TaskStatus,
    parse_day,
    parse_period,
    parse_status,
    value_error,
)
from kehoach.model.report_outline import ReportPart, ReportSection
from kehoach.model.types import DocDate, Id, Money, RichText, Text


class TargetProgress(KModel):
    """What was achieved on one target of the plan."""

    id: Id = Field(description="Mã chỉ tiêu trong kế hoạch")
    achieved: Quantity | None = Field(
        default=None,
        description="Số lượng đã thực hiện (luỹ kế đến ngày chốt số liệu); để trống: chưa báo cáo",
    )
    notes: RichText | None = Field(default=None, description="Ghi chú, giải trình")
    evidence: list[Text] = Field(
        default_factory=list, description="Minh chứng: số văn bản, ngày tổ chức, đường dẫn…"
    )


class TaskProgress(KModel):
    """The status of one task of the plan."""

    id: Id = Field(description="Mã nhiệm vụ trong kế hoạch")
    status: Annotated[TaskStatus | None, BeforeValidator(parse_status)] = Field(
        default=None,
        description=(
            "Tình trạng: done_on_time (Hoàn thành đúng hạn), done_late (Hoàn thành quá hạn), "
            "in_progress (Đang thực hiện trong hạn), overdue (Chưa thực hiện – quá hạn); "
            "để trống: chưa báo cáo"
        ),
    )
    completed: Day | None = Field(default=None, description="Ngày hoàn thành")
    notes: RichText | None = Field(default=None, description="Kết quả, ghi chú")

    @model_validator(mode="after")
    def _completed_only_when_done(self) -> TaskProgress:
        if self.completed is not None and self.status not in DONE_STATUSES:
            raise value_error(
                "a completion date needs a 'completed' status",
                "chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành",
            )
        return self


class SourceSpending(KModel):
    """Money spent from one budget source of the plan."""

    source: Text = Field(
        description="Mã nguồn kinh phí trong kế hoạch (hoặc tên nguồn khi kế hoạch không ghi mã)"
    )
    allocated: Money | None = Field(
        default=None,
        description="Dự toán được giao trong kỳ (đồng); mặc định: số tiền của nguồn trong kế hoạch",
    )
    spent: Money | None = Field(
        default=None, description="Số đã sử dụng (đồng); để trống: chưa báo cáo"
    )
    notes: Text | None = Field(default=None, description="Ghi chú")


class AreaResult(KModel):
    """The narrative of results in one area (lĩnh vực) of the plan."""

    area: Text = Field(
        description=(
            "Mã hoặc tên lĩnh vực như trong kế hoạch (kế hoạch phiên bản 2: mã hoặc tên "
            "mục, ở bất kỳ cấp nào)"
        )
    )
    content: Narrative = Field(default_factory=list, description="Kết quả đạt được")


class Causes(KModel):
    """Nguyên nhân: objective and subjective."""

    objective: Narrative = Field(default_factory=list, description="Nguyên nhân khách quan")
    subjective: Narrative = Field(default_factory=list, description="Nguyên nhân chủ quan")


class ReportHeader(KModel):
    """The report's own header; what is left out comes from the plan."""

    number: int | None = Field(default=None, ge=1, description="Số báo cáo; để trống khi dự thảo")
    date: DocDate | None = Field(
        default=None,
        description="Ngày ký; mặc định: tháng của ngày chốt số liệu, để trống ngày (dự thảo)",
    )
    place: Text | None = Field(default=None, description="Địa danh (mặc định: như kế hoạch)")
    superior_body: Text | None = Field(
        default=None, description="Cơ quan cấp trên (mặc định: như kế hoạch)"
    )
    issuing_body: Text | None = Field(
        default=None, description="Cơ quan ban hành báo cáo (mặc định: như kế hoạch)"
    )
    body_code: Text | None = Field(
        default=None, description="Ký hiệu cơ quan ban hành (mặc định: như kế hoạch)"
    )
    draft_label: Text | None = Field(default=None, description='Dấu dự thảo, ví dụ "Dự thảo"')


class PlanSnapshot(KModel):
    """What the plan looked like when the spreadsheet was made (kehoach writes this)."""

    digest: str = Field(description="Dấu vân tay (SHA-256) của kế hoạch")
    items: dict[str, str] = Field(default_factory=dict, description="Các mục đã ghi lại")


class Progress(KModel):
    """Progress on a plan for one report period, and the report's own text."""

    year: int | None = Field(
        default=None, ge=1930, le=2200, description="Năm (mặc định: năm kế hoạch)"
    )
    period: Annotated[Period | None, BeforeValidator(parse_period)] = Field(
        default=None,
        description="Kỳ báo cáo: q1, q2, q3, q4, 6m (6 tháng đầu năm), 9m, year (cả năm)",
    )
    cutoff: Day | None = Field(
        default=None, description="Ngày chốt số liệu (mặc định: ngày cuối kỳ báo cáo)"
    )
    header: ReportHeader = Field(default_factory=ReportHeader, description="Số, ngày của báo cáo")
    behind_wording: Literal["cham-tien-do", "chua-dat"] = Field(
        default="cham-tien-do",
        description="Giữa năm, chỉ tiêu hằng năm/cộng dồn thấp hơn phần phải đạt theo tiến độ "
        'được ghi "Chậm tiến độ" (cham-tien-do, mặc định) hay "Chưa đạt" (chua-dat)',
    )
    summary: Narrative = Field(default_factory=list, description="Đánh giá chung đầu phần kết quả")
    targets: list[TargetProgress] = Field(default_factory=list, description="Kết quả các chỉ tiêu")
    tasks: list[TaskProgress] = Field(default_factory=list, description="Tình trạng các nhiệm vụ")
    budget: list[SourceSpending] = Field(
        default_factory=list, description="Kinh phí đã sử dụng theo nguồn"
    )
    results: list[AreaResult] = Field(
        default_factory=list, description="Kết quả theo từng lĩnh vực (tường thuật)"
    )
    strengths: Narrative = Field(default_factory=list, description="Ưu điểm")
    limitations: Narrative = Field(default_factory=list, description="Tồn tại, hạn chế")
    causes: Causes = Field(default_factory=Causes, description="Nguyên nhân")
    lessons: Narrative = Field(default_factory=list, description="Bài học kinh nghiệm")
    directions: Narrative = Field(
        default_factory=list, description="Phương hướng, nhiệm vụ kỳ tới (bổ sung)"
    )
    proposals: Narrative = Field(default_factory=list, description="Đề xuất, kiến nghị")
    closing: Narrative = Field(
        default_factory=list, description='Đoạn kết (mặc định: "Trên đây là báo cáo …")'
    )
    recipients: Recipients | None = Field(
        default=None, description="Nơi nhận (mặc định: như kế hoạch)"
    )
    signature: Signature | None = Field(default=None, description="Chữ ký (mặc định: như kế hoạch)")
    format: FormatOptions | None = Field(
        default=None, description="Tuỳ chọn thể thức (mặc định: như kế hoạch)"
    )
    numbering: Numbering | None = Field(
        default=None, description="Cách đánh số các cấp mục của báo cáo"
    )
    sections: list[ReportSection] = Field(
        default_factory=list,
        description=(
            "Các mục của báo cáo theo thứ tự (mặc định: Kết quả, Đánh giá, Phương hướng,"
            " Đề xuất); mục riêng có thể đặt phần kehoach tự tính (computed)"
        ),
    )
    parts: list[ReportPart] = Field(
        default_factory=list, description='Các phần của báo cáo ("Phần thứ nhất…")'
    )
    generated_from: PlanSnapshot | None = Field(
        default=None,
        description="Kế hoạch lúc tạo bảng tính (kehoach tự ghi, để cảnh báo khi kế hoạch đã đổi)",
    )

    @model_validator(mode="after")
    def _sections_or_parts(self) -> Progress:
        if self.sections and self.parts:
            raise value_error(
                "write sections or parts, not both", "ghi sections hoặc parts, không cả hai"
            )
        return self

    @model_validator(mode="after")
    def _ids_once(self) -> Progress:
        for kind, kind_vi, ids in (
            ("target", "chỉ tiêu", [t.id for t in self.targets]),
            ("task", "nhiệm vụ", [t.id for t in self.tasks]),
            ("budget source", "nguồn kinh phí", [b.source for b in self.budget]),
            ("area", "lĩnh vực", [r.area for r in self.results]),
        ):
            seen: set[str] = set()
            for item in ids:
                if item in seen:
                    raise value_error(
                        f"{kind} '{item}' is reported twice",
                        f"{kind_vi} '{item}' được báo cáo hai lần",
                    )
                seen.add(item)
        return self


_PROGRESS_ONLY = frozenset(
    {
        *("period", "cutoff", "summary", "results", "strengths", "limitations", "causes"),
        *("lessons", "directions", "proposals", "behind_wording", "generated_from"),
    }
)


def looks_like_progress(data: Any) -> bool:
    """Whether ``data`` (a file's content) is a progress file rather than a plan: every
    key is a progress field, one at least only progress files have, and no ``title``."""
    if not isinstance(data, Mapping) or "title" in data:
        return False
    keys = {str(k) for k in data}
    return bool(keys & _PROGRESS_ONLY) and keys <= set(Progress.model_fields)


__all__ = [
    "DONE_STATUSES",
    "PERIODS",
    "STATUS_LABELS",
    "STATUS_LABELS_EN",
    "AreaResult",
    "Causes",
    "Day",
    "Narrative",
    "Period",
    "PeriodInfo",
    "PlanSnapshot",
    "Progress",
    "Quantity",
    "ReportHeader",
    "SourceSpending",
    "TargetProgress",
    "TaskProgress",
    "TaskStatus",
    "looks_like_progress",
    "parse_day",
    "parse_period",
]
