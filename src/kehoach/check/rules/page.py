"""Page setup (F-PAPER-1/2, F-MARGIN-1) and page numbers (F-PAGENUM-1/2/3/5)."""

from __future__ import annotations

from kehoach.check.findings import Location, Msg
from kehoach.check.read.view import DocxView, HeaderFooterView, SectionView, twips_to_mm
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.styling import align_msg, check_style
from kehoach.profiles import FormatProfile

__all__ = ["check_page_numbers", "check_page_setup"]


def _mm(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} mm".replace(".0 mm", " mm")


def check_page_setup(view: DocxView, profile: FormatProfile, col: Collector) -> None:
    """Paper size and orientation, and the four margins of every section."""
    tol = profile.margin_tolerance_mm
    for section in view.sections:
        _paper(section, profile, col, tol, _has_table(view, section))
        _margins(section, profile, col, tol)


def _has_table(view: DocxView, section: SectionView) -> bool:
    return any(t.section == section.index for t in view.tables)


def _paper(
    section: SectionView, profile: FormatProfile, col: Collector, tol: float, table: bool
) -> None:
    width = twips_to_mm(section.page_width)
    height = twips_to_mm(section.page_height)
    want = Msg(
        f"A4 {profile.page_width_mm:g} × {profile.page_height_mm:g} mm",
        f"A4 {profile.page_width_mm:g} × {profile.page_height_mm:g} mm",
    )
    if width is None or height is None:
        col.at_section(
            "F-PAPER-1",
            section,
            want,
            Msg("không khai báo khổ giấy (Word dùng khổ mặc định, thường là Letter)",
                "no page size set (Word falls back to its default, often Letter)"),
            Msg("Chọn Layout → Size → A4.", "Choose Layout → Size → A4."),
        )  # fmt: skip
        return
    short, long_ = sorted((width, height))
    if abs(short - profile.page_width_mm) > max(tol, 1) or abs(
        long_ - profile.page_height_mm
    ) > max(tol, 1):
        size = f"{width:.0f} × {height:.0f} mm"
        col.at_section(
            "F-PAPER-1",
            section,
            want,
            Msg(size, size),
            Msg("Chọn Layout → Size → A4 (210 × 297 mm).", "Choose Layout → Size → A4."),
        )
    if width > height and not table:
        col.at_section(
            "F-PAPER-2",
            section,
            Msg(
                "trang dọc (trang ngang chỉ cho bảng biểu)", "portrait (landscape only for tables)"
            ),
            Msg("trang ngang, không có bảng", "landscape, without a table"),
            Msg("Chọn Layout → Orientation → Portrait.", "Choose Layout → Orientation → Portrait."),
            "warning",
        )


def _margins(section: SectionView, profile: FormatProfile, col: Collector, tol: float) -> None:
    low = profile.margins
    high = profile.margins_max or low  # NĐ 30 gives ranges, the Party fixed values
    portrait = {side: (getattr(low, side), getattr(high, side)) for side in _SIDES}
    candidates = [portrait]
    if (section.page_width or 0) > (section.page_height or 0):
        # A landscape table page keeps the portrait text area turned (F-PAPER-2). The
        # spec does not say which way; the usual one puts the binding (left) margin at
        # the top, the other one is accepted too.
        p = portrait
        candidates = [
            {"top": p["left"], "bottom": p["right"], "left": p["bottom"], "right": p["top"]},
            {"top": p["right"], "bottom": p["left"], "left": p["top"], "right": p["bottom"]},
        ]
    names_vi = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    attempts: list[tuple[dict[str, tuple[float, float]], list[str], list[str]]] = []
    for wanted in candidates:
        wrong_vi: list[str] = []
        wrong_en: list[str] = []
        for side, (want_low, want_high) in wanted.items():
            value = section.mm(f"margin_{side}")
            if side == "left" and value is not None and section.gutter:
                value += section.gutter * 25.4 / 1440
            if value is None or value < want_low - tol or value > want_high + tol:
                wrong_vi.append(f"{names_vi[side]} {_mm(value)}")
                wrong_en.append(f"{side} {_mm(value)}")
        if not wrong_vi:
            return
        attempts.append((wanted, wrong_vi, wrong_en))
    first, wrong_vi, wrong_en = attempts[0]
    m = {side: _range(*first[side]) for side in _SIDES}
    fix = {side: f"{first[side][0]:g}" for side in _SIDES}
    col.at_section(
        "F-MARGIN-1",
        section,
        Msg(
            f"lề trên {m['top']}, dưới {m['bottom']}, trái {m['left']}, phải "
            f"{m['right']} mm (± {tol:g} mm)".replace(".", ","),
            f"top {m['top']}, bottom {m['bottom']}, left {m['left']}, right "
            f"{m['right']} mm (± {tol:g} mm)",
        ),
        Msg("lề " + ", ".join(wrong_vi), ", ".join(wrong_en)),
        Msg(
            f"Layout → Margins → Custom Margins: Top {fix['top']} mm, Bottom "
            f"{fix['bottom']} mm, Left {fix['left']} mm, Right {fix['right']} mm.",
            f"Layout → Margins → Custom Margins: top {fix['top']} mm, bottom "
            f"{fix['bottom']} mm, left {fix['left']} mm, right {fix['right']} mm.",
        ),
    )


_SIDES = ("top", "bottom", "left", "right")


def _range(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


# A page of Party body text holds about 165 mm / 14 pt ≈ 60 characters a line and about
# 35 lines (18 pt exact line spacing on 257 mm): roughly 2,000 characters. Without the
# laid-out pages (--layout), a text below ONE_PAGE_CHARS (and a few paragraphs) surely
# fits one page and one above SEVERAL_PAGES_CHARS surely does not.
ONE_PAGE_CHARS = 1500
ONE_PAGE_PARAGRAPHS = 25  # outside tables (a one-page list has many short cells)
SEVERAL_PAGES_CHARS = 6000


def _page_estimate(view: DocxView) -> str:
    """``one``, ``several`` or ``unknown``: how many pages the body certainly takes."""
    paragraphs = [p for p in view.paragraphs if p.text.strip()]
    chars = sum(len(p.text) for p in paragraphs)
    if chars >= SEVERAL_PAGES_CHARS:
        return "several"
    outside = [p for p in paragraphs if p.cell is None]
    if chars < ONE_PAGE_CHARS and len(outside) < ONE_PAGE_PARAGRAPHS:
        return "one"
    return "unknown"


def _page_field(part: HeaderFooterView | None) -> bool:
    return part is not None and any(f.split(" ")[0] == "PAGE" for f in part.fields)


def check_page_numbers(
    view: DocxView, profile: FormatProfile, col: Collector, page_count: int | None = None
) -> None:
    """PAGE field in a centred header, none on page 1, 14 pt plain, header at 10 mm.

    ``page_count`` is the number of laid-out pages (``--layout``); without it the length
    of the text tells whether the document surely has one page or several.
    """
    first = view.sections[0]
    numbered_headers = [
        (section, kind, part)
        for section in view.sections
        for kind, part in section.headers.items()
        if _page_field(part)
    ]
    numbered_footers = [
        (section, kind, part)
        for section in view.sections
        for kind, part in section.footers.items()
        if _page_field(part)
    ]
    for section, _, part in numbered_footers:
        loc_par = next(p for p in part.paragraphs if any(f.startswith("PAGE") for f in p.fields))
        col.at_paragraph(
            "F-PAGENUM-1",
            loc_par,
            "page_number",
            Msg("số trang ở đầu trang (phía trên), giữa", "page number in the header, centred"),
            Msg("số trang ở chân trang", "page number in the footer"),
            Msg(
                "Xoá số trang ở chân trang; Insert → Page Number → Top of Page → Plain Number 2.",
                "Remove the footer page number; Insert → Page Number → Top of Page → centred.",
            ),
            part_name=f"{part.part} (section {section.index + 1})",
        )
    if not numbered_headers and not numbered_footers:
        if page_count is not None:
            pages = "one" if page_count == 1 else "several"
        else:
            pages = _page_estimate(view)
        if pages != "one":
            certain = pages == "several"
            col.at_document(
                "F-PAGENUM-1",
                "page_number",
                Msg("số trang (trường PAGE) giữa, phía trên, từ trang 2",
                    "page number (PAGE field) top centre from page 2"),
                Msg("không có số trang" + (" (văn bản chắc chắn dài hơn một trang)" if certain
                                           else ""),
                    "no page number" + (" (the text certainly runs over one page)" if certain
                                        else "")),
                Msg("Insert → Page Number → Top of Page → Plain Number 2 (bỏ trang đầu).",
                    "Insert → Page Number → Top of Page → centred (not on page 1)."),
                "error" if certain else "warning",
            )  # fmt: skip
        col.skip(
            "F-PAGENUM-3",
            Msg("văn bản không có số trang", "the document has no page numbers"),
        )
        return
    # F-PAGENUM-2: the first page shows the first-page header only when titlePg is set.
    first_page_header = (
        first.headers.get("first") if first.title_pg else first.headers.get("default")
    )
    numbered_first_page = first_page_header is not None and _page_field(first_page_header)
    if first_page_header is not None and numbered_first_page:
        col.add(
            "F-PAGENUM-2",
            _part_location(first_page_header, first.index),
            Msg("không đánh số trang đầu", "no page number on page 1"),
            Msg(
                "trang đầu có số trang"
                + ("" if first.title_pg else " (chưa chọn “Different First Page”)"),
                "page 1 shows a page number"
                + ("" if first.title_pg else " (“Different First Page” is off)"),
            ),
            Msg(
                "Double-click vào đầu trang → chọn “Different First Page”, để trống đầu "
                "trang của trang đầu.",
                "Open the header → tick “Different First Page” and leave the first-page "
                "header empty.",
            ),
        )
    first_page_footer = (
        first.footers.get("first") if first.title_pg else first.footers.get("default")
    )
    if first_page_footer is not None and _page_field(first_page_footer):
        col.add(
            "F-PAGENUM-2",
            _part_location(first_page_footer, first.index),
            Msg("không đánh số trang đầu", "no page number on page 1"),
            Msg("trang đầu có số trang ở chân trang", "page 1 shows a page number in its footer"),
            Msg(
                "Xoá số trang ở chân trang của trang đầu (Different First Page, để trống).",
                "Remove the page number from page 1's footer (Different First Page, empty).",
            ),
        )
    unique_parts = {part.part: part for _, _, part in numbered_headers}
    for part in unique_parts.values():
        for paragraph in part.paragraphs:
            if not any(f.startswith("PAGE") for f in paragraph.fields):
                continue
            if paragraph.alignment != "center":
                col.at_paragraph(
                    "F-PAGENUM-1",
                    paragraph,
                    "page_number",
                    Msg("căn giữa", "centred"),
                    align_msg(paragraph.alignment),
                    Msg("Căn giữa đoạn số trang (Ctrl+E).",
                        "Centre the page-number paragraph (Ctrl+E)."),
                    part_name=part.part,
                    group=True,
                )  # fmt: skip
            check_style(
                col, "F-PAGENUM-3", paragraph, "page_number", profile.page_number,
                part_name=part.part, group=True,
            )  # fmt: skip
    tol = profile.margin_tolerance_mm
    for section in view.sections:
        distance = section.mm("header_distance")
        if distance is None or abs(distance - profile.header_distance_mm) > tol:
            col.at_section(
                "F-PAGENUM-5",
                section,
                Msg(f"đầu trang cách mép trên {profile.header_distance_mm:g} mm",
                    f"header {profile.header_distance_mm:g} mm from the top edge"),
                Msg(f"{_mm(distance)}", f"{_mm(distance)}"),
                Msg(f"Layout → Margins → Custom Margins → Layout → Header: "
                    f"{profile.header_distance_mm:g} mm.",
                    f"Page Setup → Layout → From edge, Header: "
                    f"{profile.header_distance_mm:g} mm."),
                "warning",
                element="page_number",
            )  # fmt: skip
    if not first.title_pg and not numbered_first_page:
        col.at_section(
            "F-PAGENUM-5",
            first,
            Msg("titlePg (trang đầu khác) và đầu trang đầu để trống",
                "titlePg (different first page) with an empty first header"),
            Msg("chưa chọn “Different First Page”", "“Different First Page” is off"),
            Msg("Double-click vào đầu trang → chọn “Different First Page”.",
                "Open the header → tick “Different First Page”."),
            "warning",
            element="page_number",
        )  # fmt: skip


def _part_location(part: HeaderFooterView, section: int) -> Location:
    paragraph = next((p for p in part.paragraphs if p.fields), None)
    return Location(
        part=part.kind,
        element="page_number",
        paragraph=paragraph.index if paragraph else None,
        paragraphs=(paragraph.index,) if paragraph else (),
        section=section + 1,
        part_name=part.part,
    )
