"""Hand-built composed documents for renderer tests (no YAML, no composer needed).

``sapa_like()`` follows the Sa Pa 2022 propaganda plan of
/work/shared/reference/ke-hoach-tuyen-giao-sa-pa-2022.md: header, căn cứ, four heading
levels, bullets, a budget table in a (landscape) appendix — about fifteen pages.
"""

from __future__ import annotations

from dataclasses import replace

from kehoach.compose import AppendixPart, Cell, ComposedDocument, Para, Run, TableData
from kehoach.profiles import PARTY_2018, FormatProfile

LOREM = (
    "Tiếp tục cụ thể hóa các nội dung trong kế hoạch thực hiện Đề án số 11-ĐA/TU giai đoạn"
    " 2020 - 2025 thành các nội dung thực hiện cụ thể trên từng lĩnh vực công tác trong năm"
    " 2022; chỉ rõ thời điểm tiến hành và hoàn thành, phân công rõ trách nhiệm lãnh đạo phụ"
    " trách và trách nhiệm thực hiện cho các cơ quan, đơn vị liên quan."
)


def p(role: str, *runs: Run | str) -> Para:
    """A paragraph from runs or plain strings."""
    return Para(role, tuple(r if isinstance(r, Run) else Run(r) for r in runs))  # type: ignore[arg-type]


def budget_table() -> TableData:
    """A small budget table with a bold total row (F-APX-5)."""
    rows = tuple(
        (
            Cell(str(i), "center"),
            Cell(f"Hội nghị học tập, quán triệt nghị quyết số {i:02d} & tài liệu <kèm theo>"),
            Cell(f"{i * 12_500_000:,}".replace(",", "."), "right"),
            Cell("Ngân sách thị xã", "center"),
        )
        for i in range(1, 9)
    )
    total = (
        Cell(""),
        Cell("Tổng cộng", bold=True),
        Cell("450.000.000", "right", bold=True),
        Cell(""),
    )
    return TableData(
        header=(
            Cell("TT", "center", bold=True),
            Cell("Nội dung", "center", bold=True),
            Cell("Kinh phí", "center", bold=True),
            Cell("Nguồn", "center", bold=True),
        ),
        rows=(*rows, total),
        widths=(0.6, 4.0, 1.6, 1.8),
        unit="Đơn vị tính: đồng",
    )


def body(sections: int = 5) -> tuple[Para | TableData, ...]:
    """Body blocks: căn cứ, then ``sections`` level-1 sections with nested content."""
    out: list[Para | TableData] = [
        p("basis", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
        p("basis", "- Căn cứ Quy định số 60-QĐ/TU, ngày 19/8/2021 của Tỉnh ủy Lào Cai."),
        p("body", "Thị ủy Sa Pa xây dựng kế hoạch thực hiện. Cụ thể như sau:"),
    ]
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    for i in range(sections):
        out.append(p("heading1", f"{romans[i]}. MỤC ĐÍCH, YÊU CẦU {i + 1}"))
        for j in range(1, 3):
            out.append(p("heading2", f"{j}. Mục đích"))
            out.append(p("body", LOREM))
            out.append(p("heading3", f"{j}.1. Công tác nghiên cứu, học tập lý luận chính trị"))
            out.append(
                p(
                    "bullet1",
                    Run("- "),
                    Run("Tổ chức ít nhất "),
                    Run("05", bold=True),
                    Run(" hội nghị học tập, quán triệt; "),
                    Run("hoàn thành trong quý II", italic=True),
                    Run("."),
                )
            )
            out.append(p("bullet2", "+ Bồi dưỡng lý tưởng cách mạng, đạo đức, lối sống."))
            out.append(p("heading4", "a) Quý I"))
            out.append(p("body", LOREM))
    out.append(p("body", "Trên đây là Kế hoạch thực hiện năm 2022 của Thị ủy Sa Pa."))
    return tuple(out)


def sapa_like(
    profile: FormatProfile = PARTY_2018,
    *,
    sections: int = 5,
    appendices: bool = True,
    **changes: object,
) -> ComposedDocument:
    """A document shaped like the Sa Pa 2022 plan."""
    doc = ComposedDocument(
        profile=profile,
        superior_body="ĐẢNG BỘ TỈNH LÀO CAI",
        issuing_body="THỊ ỦY SA PA",
        number_line="Số 29-KH/TU",
        date_line="Sa Pa, ngày 15 tháng 01 năm 2022",
        type_name="KẾ HOẠCH",
        subject=(Run("triển khai thực hiện Đề án số 11-ĐA/TU về lĩnh vực Tuyên giáo năm 2022"),),
        body=body(sections),
        recipients=(
            "- TT Tỉnh ủy;",
            "- Ban Tuyên giáo Tỉnh ủy Lào Cai;",
            "- Các chi, đảng bộ trực thuộc Thị ủy;",
            "- Lưu Văn phòng Thị ủy.",
        ),
        signature_authority="T/M BAN THƯỜNG VỤ",
        signature_position="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer="Nguyễn Văn An",
        appendices=(
            AppendixPart(
                label="PHỤ LỤC 1",
                title="DỰ TOÁN KINH PHÍ THỰC HIỆN NĂM 2022",
                reference="(Kèm theo Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban Thường vụ"
                " Thị ủy Sa Pa)",
                blocks=(budget_table(),),
            ),
            AppendixPart(
                label="PHỤ LỤC 2",
                title="BẢNG PHÂN CÔNG NHIỆM VỤ",
                reference="(Kèm theo Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban Thường vụ"
                " Thị ủy Sa Pa)",
                blocks=(p("center", "Bảng chi tiết theo quý"), budget_table()),
                landscape=True,
            ),
        )
        if appendices
        else (),
        title="Kế hoạch triển khai Đề án số 11-ĐA/TU năm 2022",
        keywords=("kế hoạch", "tuyên giáo"),
    )
    return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]
