"""Progress on a plan (tiến độ thực hiện): what staff fill in for a follow-up report.

Everything links to the plan by the stable ids of its targets, tasks and budget
sources; nothing of the plan is retyped. A missing entry means "chưa báo cáo" (not
reported), never zero. Narratives are block lists like a plan's body; a plain string
is split into lines ("- " starts a bullet, "+ " an item under it).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from kehoach.model.base import KModel
from kehoach.model.blocks import Block
from kehoach.model.parts import FormatOptions, Recipients, Signature
from kehoach.model.types import DocDate, Id, Money, RichText, Text
from kehoach.vi import roman


def _error(en: str, vi: str) -> ValueError:
    """A validation error worded in both languages ("English / tiếng Việt", as kehoach.vi)."""
    return ValueError(f"{en} / {vi}")


# --- task status -------------------------------------------------------------------------

TaskStatus = Literal["done_on_time", "done_late", "in_progress", "overdue"]

STATUS_LABELS: dict[str, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Chưa thực hiện – quá hạn",
}
"""The Vietnamese label of each status key (the spreadsheet's drop-down shows these)."""

STATUS_LABELS_EN: dict[str, str] = {
    "done_on_time": "completed on time",
    "done_late": "completed late",
    "in_progress": "in progress, on schedule",
    "overdue": "not done, overdue",
}

DONE_STATUSES = frozenset({"done_on_time", "done_late"})


def _key(text: str) -> str:
    """A forgiving comparison key: NFC, case-folded, dashes and spaces collapsed."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212_-]+", "-", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


_STATUS_BY_KEY = {_key(k): k for k in STATUS_LABELS} | {
    _key(k.replace("_", "-")): k for k in STATUS_LABELS
}
_STATUS_BY_KEY |= {_key(label): k for k, label in STATUS_LABELS.items()}


def _parse_status(value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    found = _STATUS_BY_KEY.get(_key(value))
    if found is None:
        choices = "; ".join(STATUS_LABELS.values())
        raise _error(
            f"'{value}' is not a task status (one of: {', '.join(STATUS_LABELS)})",
            f"'{value}' không phải tình trạng nhiệm vụ (chọn một trong: {choices})",
        )
    return found


# --- report period -----------------------------------------------------------------------

Period = Literal["q1", "q2", "q3", "q4", "6m", "9m", "year"]


@dataclass(frozen=True)
class PeriodInfo:
    """What a report period covers."""

    key: str
    label: str  # "6 tháng đầu năm" (the spreadsheet's drop-down)
    quarters: tuple[int, ...]  # quarters whose tasks the report covers
    end_month: int

    def phrase(self, year: int) -> str:
        """ "6 tháng đầu năm 2022", "quý II năm 2022", "năm 2022"."""
        if self.key == "year":
            return f"năm {year}"
        if self.key.startswith("q"):
            return f"quý {roman(self.quarters[0])} năm {year}"
        return f"{self.label[0].lower()}{self.label[1:]} {year}"

    def end(self, year: int) -> date:
        """The last day of the period: the default cut-off date."""
        return date(year, self.end_month, calendar.monthrange(year, self.end_month)[1])

    @property
    def last_quarter(self) -> int:
        """The last quarter the period covers."""
        return self.quarters[-1]


PERIODS: dict[str, PeriodInfo] = {
    "q1": PeriodInfo("q1", "Quý I", (1,), 3),
    "q2": PeriodInfo("q2", "Quý II", (2,), 6),
    "q3": PeriodInfo("q3", "Quý III", (3,), 9),
    "q4": PeriodInfo("q4", "Quý IV", (4,), 12),
    "6m": PeriodInfo("6m", "6 tháng đầu năm", (1, 2), 6),
    "9m": PeriodInfo("9m", "9 tháng đầu năm", (1, 2, 3), 9),
    "year": PeriodInfo("year", "Cả năm", (1, 2, 3, 4), 12),
}
"""Report periods: a quarter covers its own tasks; 6m, 9m and year cover quarters 1..N."""

_PERIOD_BY_KEY = {_key(k): k for k in PERIODS} | {_key(p.label): k for k, p in PERIODS.items()}
_PERIOD_BY_KEY |= {
    _key("6 tháng"): "6m",
    _key("9 tháng"): "9m",
    _key("năm"): "year",
    **{_key(f"quý {n}"): f"q{n}" for n in range(1, 5)},
}


def parse_period(value: Any) -> Any:
    """A period key from a key ("6m") or a label ("6 tháng đầu năm"); other input as is."""
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    found = _PERIOD_BY_KEY.get(_key(value))
    if found is None:
        raise _error(
            f"'{value}' is not a report period (q1, q2, q3, q4, 6m, 9m, year)",
            f"'{value}' không phải kỳ báo cáo (q1, q2, q3, q4, 6m, 9m, year)",
        )
    return found


# --- values ------------------------------------------------------------------------------

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.250 or 1.250,5 (V-MONEY-1)
_COMMA = re.compile(r"^\d+(,\d+)?$")  # 4 or 4,5
_POINT = re.compile(r"^\d+\.\d+$")  # 4.5 (not Vietnamese, but what a keyboard gives)


def _parse_quantity(value: Any) -> Any:
    # Achieved quantities never go through float arithmetic: a float read from YAML
    # or a spreadsheet is converted once, by its shortest decimal form.
    if isinstance(value, bool):
        raise _error(f"'{value}' is not a number", f"'{value}' không phải là số")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _error(f"'{value}' is not a number", f"'{value}' không phải là số")
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(" ", "").removesuffix("%")
        negative = text.startswith("-")
        body = text.removeprefix("-")
        if _GROUPED.match(body):
            number = body.replace(".", "").replace(",", ".")
        elif _COMMA.match(body):
            number = body.replace(",", ".")
        elif _POINT.match(body):
            number = body
        else:
            raise _error(
                f"'{value}' is not a number (write 4, 4,5 or 1.250)",
                f"'{value}' không phải là số (viết 4, 4,5 hoặc 1.250)",
            )
        try:
            parsed = Decimal(number)
        except InvalidOperation:  # pragma: no cover - the patterns only let digits through
            raise _error(f"'{value}' is not a number", f"'{value}' không phải là số") from None
        return -parsed if negative else parsed
    return value


def _normalise_decimal(value: Decimal) -> Decimal:
    # 4.0 and 4 are the same achievement: keep the shortest exact form.
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


MAX_QUANTITY = 10**12  # no plan counts beyond this; it keeps the arithmetic sane

Quantity = Annotated[
    Decimal,
    BeforeValidator(_parse_quantity),
    Field(ge=0, le=MAX_QUANTITY, allow_inf_nan=False),
    AfterValidator(_normalise_decimal),
]
"""An achieved quantity: a whole or decimal number ≥ 0 (``4``, ``4,5``, ``1.250``)."""

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_day(value: Any) -> Any:
    """A date from a ``datetime``, or from ``dd/mm/yyyy`` text; other input as is."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        match = _DMY.match(value.strip())
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise _error(
                    f"'{value}' is not a date", f"'{value}' không phải ngày hợp lệ"
                ) from None
        if not value.strip():
            return None
    return value


Day = Annotated[date, BeforeValidator(parse_day)]
"""A date: ``2022-06-30`` or, as people write it, ``30/6/2022``."""


def _split_narrative(value: Any) -> Any:
    """A string becomes blocks: one per line; "- " starts a bullet, "+ " an item under it."""
    if value is None:
        return []
    if not isinstance(value, str):
        return value
    blocks: list[Any] = []
    for raw in value.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "– ")):
            blocks.append({"bullet": line[2:].strip(), "items": []})
        elif line.startswith("+ ") and blocks and isinstance(blocks[-1], dict):
            blocks[-1]["items"].append(line[2:].strip())
        else:
            blocks.append(line)
    return blocks


Narrative = Annotated[list[Block], BeforeValidator(_split_narrative)]
"""Free text: a block list, or one string split into lines ("- " bullet, "+ " item)."""


# --- entries -----------------------------------------------------------------------------


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
    status: Annotated[TaskStatus | None, BeforeValidator(_parse_status)] = Field(
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
            raise _error(
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

    area: Text = Field(description="Mã lĩnh vực, hoặc tên lĩnh vực như trong kế hoạch")
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
    generated_from: PlanSnapshot | None = Field(
        default=None,
        description="Kế hoạch lúc tạo bảng tính (kehoach tự ghi, để cảnh báo khi kế hoạch đã đổi)",
    )

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
                    raise _error(
                        f"{kind} '{item}' is reported twice",
                        f"{kind_vi} '{item}' được báo cáo hai lần",
                    )
                seen.add(item)
        return self


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
    "parse_day",
    "parse_period",
]
