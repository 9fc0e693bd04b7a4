"""The page-one header: title, issuing body, star, number, place/date (F-HDR, F-TITLE,
F-ORG, F-STAR, F-NUM, F-SYM-3, F-DATE)."""

from __future__ import annotations

import re

from kehoach.check.findings import Msg
from kehoach.check.read.dateline import parse_date_line, parse_number
from kehoach.check.read.lines import Line, norm, upper_key
from kehoach.check.read.parts import DocumentParts
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.styling import align_msg, check_style
from kehoach.check.rules.text import PLACEHOLDER
from kehoach.profiles import FormatProfile

__all__ = ["check_header"]

_CENTRE_FIX = Msg("Căn giữa dòng này trong ô của nó (Ctrl+E).", "Centre this line in its cell.")


def _from_table(line: Line) -> bool:
    """The line sits in a table cell on its own (not a tab-separated segment)."""
    return line.paragraph.cell is not None and "\t" not in line.paragraph.text


def _centred(col: Collector, rule: str, line: Line, element: str) -> None:
    if _from_table(line) and line.paragraph.alignment != "center":
        col.at_paragraph(
            rule,
            line,
            element,
            Msg("căn giữa trong khối", "centred in its block"),
            align_msg(line.paragraph.alignment),
            _CENTRE_FIX,
        )  # fmt: skip


def _side(col: Collector, line: Line, element: str, want: str) -> None:
    if line.side is not None and line.side != want:
        vi = {"left": "bên trái", "right": "bên phải"}
        col.at_paragraph(
            "F-HDR-1",
            line,
            element,
            Msg(f"ở khối {vi[want]}", f"in the {want} block"),
            Msg(f"ở khối {vi[line.side]}", f"in the {line.side} block"),
            Msg("Đặt tên cơ quan, dấu sao, số bên trái; tiêu đề Đảng, ngày tháng bên phải.",
                "Put body, star and number on the left; Party title and date on the right."),
        )  # fmt: skip


def check_header(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    """All header rules; a missing element is an error of its rule."""
    _title(parts, profile, col)
    for line in parts.state_lines:
        col.at_paragraph(
            "F-TITLE-4",
            line,
            "state_heading",
            Msg("không có Quốc hiệu, Tiêu ngữ trong văn bản của Đảng",
                "no State national title or motto in a Party document"),
            Msg(line.text, line.text),
            Msg(f"Thay Quốc hiệu, Tiêu ngữ bằng tiêu đề “{profile.party_title_text}”.",
                f"Replace the State heading with “{profile.party_title_text}”."),
        )  # fmt: skip
    if parts.header_found and parts.header_table is None:
        first = parts.header_lines[0]
        col.at_paragraph(
            "F-HDR-2",
            first,
            "header",
            Msg("bảng 2 × 2 không viền (cơ quan, số | tiêu đề, ngày tháng)",
                "borderless 2 × 2 table (body, number | title, date)"),
            Msg("các dòng tiêu đề không nằm trong bảng", "header lines are not in a table"),
            Msg("Trình bày phần đầu bằng bảng 2 cột không viền.",
                "Lay the header out as a borderless two-column table."),
            "warning",
        )  # fmt: skip
    elif parts.header_table is not None and not parts.header_table.borderless:
        table = parts.header_table
        col.at_paragraph(
            "F-DOCX-1",
            table.paragraphs[0],
            "header",
            Msg("bảng không viền", "borderless table"),
            Msg("bảng có viền", "table with borders"),
            Msg("Chọn bảng → Borders → No Border.", "Select the table → Borders → No Border."),
            "warning",
        )
    _org(parts, profile, col)
    _star(parts, profile, col)
    _number(parts, profile, col)
    _date(parts, profile, col)


def _title(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    wanted = profile.party_title_text
    title = parts.party_title
    if title is None:
        col.at_document(
            "F-TITLE-1",
            "party_title",
            Msg(f"tiêu đề “{wanted}” ở góc phải, dòng đầu trang 1",
                f"the title “{wanted}” top right of page 1"),
            Msg("không có tiêu đề Đảng", "no Party title"),
            Msg(f"Thêm dòng “{wanted}” (in hoa, {profile.party_title.size_pt:g} pt, đậm) ở "
                "khối bên phải dòng đầu.",
                f"Add “{wanted}” (upper case, {profile.party_title.size_pt:g} pt, bold) at the "
                "top right."),
        )  # fmt: skip
        col.skip("F-TITLE-2", Msg("không có tiêu đề Đảng", "no Party title"))
        col.skip("F-TITLE-3", Msg("không có tiêu đề Đảng", "no Party title"))
        return
    if upper_key(title.text) != upper_key(wanted):
        col.at_paragraph(
            "F-TITLE-1",
            title,
            "party_title",
            Msg(wanted, wanted),
            Msg(title.text, title.text),
            Msg(f"Dòng tiêu đề chỉ ghi đúng “{wanted}”.", f"The title line reads “{wanted}”."),
        )
    check_style(col, "F-TITLE-2", title, "party_title", profile.party_title, check_underline=False)
    _side(col, title, "party_title", "right")
    if not parts.title_rule:
        col.at_paragraph(
            "F-TITLE-3",
            title,
            "party_title",
            Msg("đường kẻ liền dưới tiêu đề, dài bằng tiêu đề",
                "a solid line under the title, as long as the title"),
            Msg("không có đường kẻ", "no line"),
            Msg("Gạch chân dòng tiêu đề hoặc vẽ đường kẻ liền dưới, dài bằng tiêu đề.",
                "Underline the title or draw a solid line under it, as long as the title."),
        )  # fmt: skip
    col.skip(
        "F-TITLE-3",
        Msg("độ dài đường kẻ so với tiêu đề cần trang đã dàn (chỉ kiểm tra có đường kẻ)",
            "the line's length against the title needs the laid-out page (presence checked)"),
    )  # fmt: skip


def _org(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    lines = parts.org_lines
    if not lines:
        col.at_document(
            "F-ORG-1",
            "issuing_body",
            Msg("tên cơ quan ban hành ở góc trái, dòng đầu", "the issuing body top left"),
            Msg("không có tên cơ quan ban hành", "no issuing body"),
            Msg("Thêm tên cơ quan cấp trên (nếu có) và tên cơ quan ban hành ở khối bên trái.",
                "Add the superior body (if any) and the issuing body in the left block."),
        )  # fmt: skip
        col.skip("F-ORG-2", Msg("không có tên cơ quan ban hành", "no issuing body"))
        return
    # Up to three superior bodies stand above the issuing body (F-ORG-1): the leading
    # lines that are not bold; when every line is bold, the first is taken as one.
    leading = next((i for i, line in enumerate(lines) if _all_bold(line)), len(lines))
    split = min(max(leading, 1), len(lines) - 1) if len(lines) > 1 else 0
    superior, issuing = lines[:split], lines[split:]
    for line in superior:
        check_style(col, "F-ORG-2", line, "superior_body", profile.superior_body)
        _side(col, line, "superior_body", "left")
    for line in issuing:
        check_style(col, "F-ORG-2", line, "issuing_body", profile.issuing_body)
        _side(col, line, "issuing_body", "left")


def _all_bold(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _star(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    star = parts.star
    if star is None:
        col.at_document(
            "F-STAR-1",
            "star",
            Msg(f"dấu “{profile.star_text}” dưới tên cơ quan ban hành",
                f"a “{profile.star_text}” under the issuing body"),
            Msg("không có dấu sao", "no star"),
            Msg(f"Thêm một dòng “{profile.star_text}” căn giữa dưới tên cơ quan ban hành.",
                f"Add a centred “{profile.star_text}” line under the issuing body."),
        )  # fmt: skip
        return
    if star.text != profile.star_text:
        col.at_paragraph(
            "F-STAR-1",
            star,
            "star",
            Msg(profile.star_text, profile.star_text),
            Msg(star.text, star.text),
            Msg(f"Chỉ để một dấu “{profile.star_text}”.", f"Keep a single “{profile.star_text}”."),
        )
    number = parts.number
    lines = parts.header_lines
    if number is not None and star in lines and lines.index(star) > lines.index(number):
        col.at_paragraph(
            "F-STAR-1", star, "star",
            Msg("dấu sao dưới tên cơ quan, trên số và ký hiệu",
                "the star under the issuing body, above the number"),
            Msg("dấu sao đặt dưới số và ký hiệu", "the star is under the number"),
            Msg("Chuyển dòng “*” lên ngay dưới tên cơ quan ban hành, trên dòng “Số …”.",
                "Move the “*” line right under the issuing body, above the “Số …” line."),
        )  # fmt: skip
    _centred(col, "F-STAR-1", star, "star")
    _side(col, star, "star", "left")
    check_style(col, "F-STAR-2", star, "star", profile.star)


def _number(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    line = parts.number
    example = "Số 29-KH/TU"
    if line is None:
        col.at_document(
            "F-NUM-1",
            "number",
            Msg(f"số và ký hiệu dạng “{example}” dưới dấu sao",
                f"a number such as “{example}” under the star"),
            Msg("không có số và ký hiệu", "no number"),
            Msg(f"Thêm dòng “{example}” (không có dấu hai chấm) dưới dấu sao.",
                f"Add a line “{example}” (no colon) under the star."),
        )  # fmt: skip
        return
    parsed = parse_number(line.text)
    if parsed.form in ("colon", "state"):
        col.at_paragraph(
            "F-NUM-1",
            line,
            "number",
            Msg(f"“{example}”: không có dấu hai chấm sau “Số”, số-LOẠI/CƠ QUAN",
                f"“{example}”: no colon after “Số”, number-TYPE/BODY"),
            Msg(f"“{line.text}” (thể thức văn bản hành chính Nhà nước)",
                f"“{line.text}” (State administrative form)"),
            Msg("Bỏ dấu hai chấm và viết theo mẫu “Số 29-KH/TU”.",
                "Drop the colon and write it as “Số 29-KH/TU”."),
        )  # fmt: skip
    elif parsed.form == "other":
        col.at_paragraph(
            "F-NUM-1",
            line,
            "number",
            Msg(f"“{example}” (không có dấu cách quanh “-” và “/”)",
                f"“{example}” (no spaces around “-” and “/”)"),
            Msg(f"“{line.text}”", f"“{line.text}”"),
            Msg("Viết số và ký hiệu liền nhau theo mẫu “Số 29-KH/TU”.",
                "Write the number and symbol together as “Số 29-KH/TU”."),
        )  # fmt: skip
    if parsed.number is not None and parsed.number.isdigit() and len(parsed.number) == 1:
        padded = f"0{parsed.number}"
        col.at_paragraph(
            "F-NUM-2",
            line,
            "number",
            Msg(f"số nhỏ hơn 10 có số 0 đứng trước ({padded})",
                f"numbers below 10 padded with a zero ({padded})"),
            Msg(parsed.number, parsed.number),
            Msg(f"Viết “{padded}” thay cho “{parsed.number}”.",
                f"Write “{padded}” instead of “{parsed.number}”."),
        )  # fmt: skip
    if parsed.type_symbol in ("QyĐ", "QĐi"):
        col.at_paragraph(
            "F-SYM-3",
            line,
            "number",
            Msg("ký hiệu Quy định là “QĐ”", "the symbol of a Quy định is “QĐ”"),
            Msg(parsed.type_symbol, parsed.type_symbol),
            Msg(f"Thay “{parsed.type_symbol}” bằng “QĐ”.",
                f"Replace “{parsed.type_symbol}” by “QĐ”."),
        )  # fmt: skip
    check_style(col, "F-NUM-4", line, "number", profile.number)
    _centred(col, "F-HDR-4", line, "number")
    _side(col, line, "number", "left")


def _date(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    line = parts.date
    example = "Sa Pa, ngày 15 tháng 01 năm 2022"
    if line is None:
        col.at_document(
            "F-DATE-1",
            "date",
            Msg(f"dòng địa danh, ngày tháng dạng “{example}”", f"a place/date line “{example}”"),
            Msg("không có địa danh, ngày tháng", "no place/date line"),
            Msg("Thêm dòng địa danh, ngày tháng năm dưới tiêu đề Đảng.",
                "Add the place/date line under the Party title."),
        )  # fmt: skip
        return
    parsed = parse_date_line(norm(line.text))
    # A template's date line keeps a field for the year ("năm {{ngay_ky_y}}", reported
    # once by F-FILL-1) or leaves every figure blank ("ngày … tháng … năm", a form to
    # fill in): its words are judged, not the missing figures.
    blank = PLACEHOLDER.search(line.text) or not any(c.isdigit() for c in line.text)
    template_form = bool(blank) and bool(_DATE_WORDS.match(norm(line.text)))
    if (parsed is None or not parsed.well_formed) and not template_form:
        col.at_paragraph(
            "F-DATE-1",
            line,
            "date",
            Msg(f"“<Địa danh>, ngày … tháng … năm …”, ví dụ “{example}”",
                f"“<Place>, ngày … tháng … năm …”, e.g. “{example}”"),
            Msg(f"“{line.text}”", f"“{line.text}”"),
            Msg("Viết đủ chữ “ngày”, “tháng”, “năm” và dấu phẩy sau địa danh.",
                "Write “ngày”, “tháng”, “năm” in full with a comma after the place."),
        )  # fmt: skip
    if parsed is not None:
        _zero_rule(parsed.day_text, parsed.month_text, line, col)
    check_style(col, "F-DATE-3", line, "date", profile.date_line)
    _centred(col, "F-HDR-4", line, "date")
    _side(col, line, "date", "right")


_DATE_WORDS = re.compile(r"^[^,]+,\s+ngày\b.*\btháng\b.*\bnăm\b")


def _zero_rule(day: str | None, month: str | None, line: Line, col: Collector) -> None:
    wrong: list[tuple[str, str]] = []
    if day is not None and int(day) < 10 and len(day) != 2:
        wrong.append((day, f"{int(day):02d}"))
    if month is not None:
        value = int(month)
        if value in (1, 2) and len(month) != 2:
            wrong.append((month, f"{value:02d}"))
        elif value >= 3 and month.startswith("0"):
            wrong.append((month, str(value)))
    if not wrong:
        return
    have = ", ".join(w for w, _ in wrong)
    want = ", ".join(f for _, f in wrong)
    col.at_paragraph(
        "F-DATE-2",
        line,
        "date",
        Msg("ngày < 10 và tháng 1, 2 có số 0 đứng trước; tháng 3–12 không có",
            "day < 10 and months 1–2 zero-padded; months 3–12 not"),
        Msg(have, have),
        Msg(f"Viết “{want}” thay cho “{have}”.", f"Write “{want}” instead of “{have}”."),
    )  # fmt: skip
