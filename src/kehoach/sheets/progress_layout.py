"""The layout of the progress spreadsheet: sheet names, columns and report rows.

Shared by the writer (:mod:`kehoach.sheets.progress_write`) and the reader
(:mod:`kehoach.sheets.progress_read`), so the two cannot disagree on where a field is.
The reader refuses a workbook of another layout or version: change ``VERSION`` with it.
"""

from __future__ import annotations

from kehoach.sheets.workbook import Column

LAYOUT = "progress"
VERSION = 2
"""Version 2 added the target kind column ("Loại chỉ tiêu"); version 1 sheets still read."""
TARGETS = "Chỉ tiêu"
TASKS = "Nhiệm vụ"
BUDGET = "Kinh phí"
REPORT = "Báo cáo"
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"

TARGET_COLS = (
    Column("id", "Mã chỉ tiêu", 18, locked=True),
    Column("area", "Lĩnh vực", 30, locked=True),
    Column("label", "Chỉ tiêu", 50, locked=True),
    Column("unit", "Đơn vị tính", 14, locked=True),
    Column("planned", "Kế hoạch", 11, locked=True),
    Column("kind", "Loại chỉ tiêu", 16, locked=True),
    Column("achieved", "Thực hiện", 11),
    Column("notes", "Ghi chú, giải trình", 36),
    Column("evidence", "Minh chứng (mỗi dòng một mục)", 36),
)
TARGET_COLS_V1 = tuple(c for c in TARGET_COLS if c.key != "kind")
"""The target columns of a version 1 sheet (made before target kinds)."""
TASK_COLS = (
    Column("id", "Mã nhiệm vụ", 22, locked=True),
    Column("quarter", "Quý", 7, locked=True),
    Column("text", "Nhiệm vụ", 60, locked=True),
    Column("lead", "Đơn vị chủ trì", 20, locked=True),
    Column("due", "Thời hạn", 12, locked=True, number_format=DATE_FORMAT),
    Column("status", "Tình trạng", 26),
    Column("completed", "Ngày hoàn thành", 14, number_format=DATE_FORMAT),
    Column("notes", "Kết quả, ghi chú", 40),
)
BUDGET_COLS = (
    Column("source", "Mã nguồn", 18, locked=True),
    Column("name", "Nguồn kinh phí", 36, locked=True),
    Column("amount", "Kinh phí theo kế hoạch (đồng)", 20, locked=True, number_format=MONEY_FORMAT),
    Column(
        "allocated",
        "Dự toán trong kỳ (đồng; để trống: như kế hoạch)",
        22,
        number_format=MONEY_FORMAT,
    ),
    Column("spent", "Đã sử dụng (đồng)", 20, number_format=MONEY_FORMAT),
    Column("notes", "Ghi chú", 30),
)
REPORT_COLS = (
    Column("key", "Mã", 4, locked=True),
    Column("label", "Nội dung", 44, locked=True),
    Column("value", "Nhập vào đây", 90),
    Column("area", "Lĩnh vực", 4, locked=True),
)

# (key, label) of the "Báo cáo" sheet rows before the per-area results.
HEAD_ROWS = (
    ("period", "Kỳ báo cáo"),
    ("cutoff", "Ngày chốt số liệu (để trống: ngày cuối kỳ)"),
    ("header.number", "Số báo cáo (để trống khi dự thảo)"),
    ("header.date", "Ngày báo cáo"),
    ("header.place", "Địa danh (để trống: như kế hoạch)"),
    ("summary", "Đánh giá chung về kết quả (mở đầu phần I)"),
)
TAIL_ROWS = (
    ("strengths", "Ưu điểm"),
    ("limitations", "Tồn tại, hạn chế"),
    ("causes.objective", "Nguyên nhân khách quan"),
    ("causes.subjective", "Nguyên nhân chủ quan"),
    ("lessons", "Bài học kinh nghiệm"),
    ("directions", "Phương hướng, nhiệm vụ kỳ tới (bổ sung)"),
    ("proposals", "Đề xuất, kiến nghị"),
)
NARRATIVE_HELP = (
    'Văn bản: mỗi dòng một đoạn; dòng bắt đầu bằng "- " là gạch đầu dòng, "+ " là ý nhỏ '
    "(Alt+Enter để xuống dòng trong ô)."
)


__all__ = [
    "BUDGET",
    "BUDGET_COLS",
    "DATE_FORMAT",
    "HEAD_ROWS",
    "LAYOUT",
    "MONEY_FORMAT",
    "NARRATIVE_HELP",
    "REPORT",
    "REPORT_COLS",
    "TAIL_ROWS",
    "TARGETS",
    "TARGET_COLS",
    "TASKS",
    "TASK_COLS",
    "VERSION",
]
