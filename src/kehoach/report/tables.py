"""The report's appendix: "Biểu tổng hợp kết quả thực hiện chỉ tiêu" (F-APX-1/2/5).

Three captioned tables in one appendix: the targets (STT, chỉ tiêu, đơn vị tính, kế
hoạch, thực hiện, tỷ lệ (%), đánh giá), the task status counts, and the budget
(dự toán, đã sử dụng, tỷ lệ giải ngân). Header rows repeat on each page (renderer).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from kehoach.compose import AppendixPart, Cell, TableData
from kehoach.profiles import FormatProfile
from kehoach.report.results import UNREPORTED_LABEL, ReportData
from kehoach.vi import format_number, format_percent, roman

APPENDIX_TITLE = "Biểu tổng hợp kết quả thực hiện chỉ tiêu"
TARGET_COLUMNS = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Tỷ lệ (%)",
    "Đánh giá",
)
STATUS_COLUMNS = ("STT", "Tình trạng thực hiện", "Số nhiệm vụ", "Tỷ lệ (%)")
BUDGET_COLUMNS = (
    "STT",
    "Nguồn kinh phí",
    "Dự toán",
    "Đã sử dụng",
    "Tỷ lệ giải ngân (%)",
    "Ghi chú",
)
DASH = "-"  # an empty figure (not reported, or a ratio of nothing)


def _header(titles: tuple[str, ...]) -> tuple[Cell, ...]:
    return tuple(Cell(t, "center", bold=True) for t in titles)


def _number(value: Decimal | int) -> str:
    return format_number(Decimal(value).normalize() if isinstance(value, Decimal) else value)


def _percent(ratio: object) -> str:
    return DASH if ratio is None else format_percent(ratio)  # type: ignore[arg-type]


def targets_table(data: ReportData, caption: str | None = None) -> TableData:
    """1. Kết quả thực hiện chỉ tiêu: a bold row per area, a row per target."""
    rows: list[tuple[Cell, ...]] = []
    number = 0
    groups = [g for g in data.groups if g.targets]
    for i, group in enumerate(groups, start=1):
        if len(groups) > 1 or group.area_key is not None:
            rows.append(
                (
                    Cell(roman(i), "center", bold=True),
                    Cell(group.title, bold=True),
                    *(Cell("", bold=True) for _ in range(5)),
                )
            )
        for result in group.targets:
            number += 1
            achieved = DASH if result.achieved is None else _number(result.achieved)
            rows.append(
                (
                    Cell(str(number), "center"),
                    Cell(result.label),
                    Cell(result.target.unit, "center"),
                    Cell(format_number(result.planned), "right"),
                    Cell(achieved, "right"),
                    Cell(_percent(result.ratio), "right"),
                    Cell(data.label(result.assessment), "center"),
                )
            )
    return TableData(
        header=_header(TARGET_COLUMNS),
        rows=tuple(rows),
        widths=(0.7, 4.6, 1.5, 1.2, 1.2, 1.2, 1.4),
        caption=caption,
    )


def status_table(data: ReportData, caption: str | None = None) -> TableData:
    """2. Tình hình thực hiện nhiệm vụ: count and share of each status, then the total."""
    shares = data.status_shares()
    rows = [
        (
            Cell(str(i), "center"),
            Cell(share.label),
            Cell(format_number(share.count), "right"),
            Cell(_percent(share.ratio), "right"),
        )
        for i, share in enumerate(shares, start=1)
    ]
    total = len(data.tasks)
    rows.append(
        (
            Cell("", bold=True),
            Cell("Tổng cộng", "center", bold=True),
            Cell(format_number(total), "right", bold=True),
            Cell(format_percent(1) if total else DASH, "right", bold=True),
        )
    )
    return TableData(
        header=_header(STATUS_COLUMNS),
        rows=tuple(rows),
        widths=(0.7, 5.0, 1.8, 1.8),
        caption=caption,
    )


def budget_table(data: ReportData, caption: str | None = None) -> TableData | None:
    """3. Kinh phí: dự toán, đã sử dụng, tỷ lệ giải ngân per source, bold total row."""
    total = data.budget_total
    if total is None:
        return None
    rows = []
    for i, row in enumerate(data.budget, start=1):
        rows.append(
            (
                Cell(str(i), "center"),
                Cell(row.name),
                Cell(format_number(row.allocated), "right"),
                Cell(UNREPORTED_LABEL if row.spent is None else format_number(row.spent), "right"),
                Cell(_percent(row.ratio), "right"),
                Cell(row.notes or ""),
            )
        )
    rows.append(
        (
            Cell("", bold=True),
            Cell("Tổng cộng", "center", bold=True),
            Cell(format_number(total.allocated), "right", bold=True),
            Cell(DASH if total.spent is None else format_number(total.spent), "right", bold=True),
            Cell(_percent(total.ratio), "right", bold=True),
            Cell("", bold=True),
        )
    )
    return TableData(
        header=_header(BUDGET_COLUMNS),
        rows=tuple(rows),
        widths=(0.7, 3.4, 2.0, 2.0, 1.6, 1.6),
        unit="Đơn vị tính: đồng",
        caption=caption,
    )


def has_tables(data: ReportData) -> bool:
    """Whether the report has anything to tabulate (else it has no appendix)."""
    return bool(data.targets or data.tasks or data.budget)


def report_appendix(data: ReportData, profile: FormatProfile, reference: str) -> AppendixPart:
    """The one appendix of a report: its tables, numbered, each under its caption."""
    parts: list[tuple[Callable[[ReportData, str | None], TableData | None], str]] = []
    if data.targets:
        parts.append((targets_table, "Kết quả thực hiện chỉ tiêu"))
    if data.tasks:
        parts.append((status_table, f"Tình hình thực hiện nhiệm vụ {data.period.phrase}"))
    if data.budget:
        parts.append((budget_table, "Kinh phí thực hiện"))
    tables = [make(data, f"{i}. {title}") for i, (make, title) in enumerate(parts, start=1)]
    return AppendixPart(
        label=profile.appendix_label_word.upper(),
        title=APPENDIX_TITLE.upper(),
        reference=reference,
        blocks=tuple(t for t in tables if t is not None),
    )


__all__ = [
    "APPENDIX_TITLE",
    "BUDGET_COLUMNS",
    "STATUS_COLUMNS",
    "TARGET_COLUMNS",
    "budget_table",
    "has_tables",
    "report_appendix",
    "status_table",
    "targets_table",
]
