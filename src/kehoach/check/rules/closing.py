"""Signature block (F-SIGN-1/2/3/6/7), Nơi nhận (F-RECIP-1/2/3), appendices (F-APX-1)."""

from __future__ import annotations

import dataclasses
import re

from kehoach.check.findings import Msg
from kehoach.check.read.lines import Line, norm
from kehoach.check.read.parts import DocumentParts, authority_pattern
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.styling import align_msg, check_style
from kehoach.profiles import FormatProfile

__all__ = ["check_closing"]

_HONORIFIC = re.compile(
    r"^(GS|PGS|TS|ThS|CN|KS|BS|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đồng chí|Đ/c|Ông|Bà)"
    r"\.?\s+\S",
)
_DRAFTER = re.compile(r"^[A-Za-z]+-\d+$")  # F-RECIP-5, e.g. NguyenVanAn-26
_ROMAN_APPENDIX = re.compile(r"^(PHỤ LỤC|PHỤ BIỂU)\s+[IVXLC]+\b", re.IGNORECASE)


def check_closing(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    """Signature, Nơi nhận, their layout, and appendix numbering."""
    _signature(parts, profile, col)
    _recipients(parts, profile, col)
    _layout(parts, col)
    for paragraph in parts.appendix:
        text = norm(paragraph.full_text)
        if _ROMAN_APPENDIX.match(text):
            col.at_paragraph(
                "F-APX-1", paragraph, "appendix",
                Msg(f"{profile.appendix_label_word} đánh số Ả Rập (Phụ lục 1, 2…)",
                    f"{profile.appendix_label_word} numbered in Arabic digits (1, 2…)"),
                Msg(f"“{text[:30]}” (số La Mã)", f"“{text[:30]}” (Roman numerals)"),
                Msg("Đánh số phụ lục bằng chữ số Ả Rập: Phụ lục 1, Phụ lục 2.",
                    "Number appendices with Arabic digits: Phụ lục 1, Phụ lục 2."),
            )  # fmt: skip


def _signature(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    lines = [ln for ln in parts.signature if any(c.isalpha() for c in ln.text)]
    if not lines:
        col.at_document(
            "F-SIGN-1", "signature",
            Msg("khối chữ ký bên phải, ngang hàng nơi nhận", "a signature block on the right"),
            Msg("không có khối chữ ký", "no signature block"),
            Msg("Thêm quyền hạn (T/M …), chức vụ và họ tên người ký bên phải, dưới nội dung.",
                "Add the authority (T/M …), title and signer's name on the right under the body."),
        )  # fmt: skip
        for rule in ("F-SIGN-2", "F-SIGN-3", "F-SIGN-6", "F-SIGN-7"):
            col.skip(rule, Msg("không có khối chữ ký", "no signature block"))
        return
    party = authority_pattern(dataclasses.replace(profile, state_authorities=()))
    any_authority = authority_pattern(profile)
    signer = next(
        (ln for ln in reversed(lines) if not ln.upper and not ln.text.startswith("(")), None
    )
    for line in lines:
        if line is signer or line.text.startswith("(") or line.text.lower() == "kiêm":
            continue
        if any_authority.match(line.text):
            if not party.match(line.text):
                prefix = line.text.split()[0]
                col.at_paragraph(
                    "F-SIGN-2", line, "authority",
                    Msg("T/M, K/T, T/L hoặc Q. (có dấu gạch chéo)",
                        "T/M, K/T, T/L or Q. (with a slash)"),
                    Msg(f"“{prefix}” (thể thức Nhà nước)", f"“{prefix}” (State form)"),
                    Msg(f"Thay “{prefix}” bằng dạng của Đảng: "
                        f"{_party_form(prefix)}.",
                        f"Replace “{prefix}” by the Party form {_party_form(prefix)}."),
                )  # fmt: skip
            check_style(col, "F-SIGN-3", line, "authority", profile.signature_authority)
        elif line.upper:
            check_style(col, "F-SIGN-3", line, "position", profile.signature_position)
    if signer is None:
        col.at_document(
            "F-SIGN-6", "signer",
            Msg("họ tên người ký, in thường, đậm", "the signer's full name, bold"),
            Msg("không có họ tên người ký", "no signer name"),
            Msg("Ghi họ và tên người ký dưới chữ ký.", "Write the signer's full name."),
        )  # fmt: skip
    else:
        check_style(col, "F-SIGN-6", signer, "signer", profile.signer, check_upper=False)
        if _HONORIFIC.match(signer.text):
            col.at_paragraph(
                "F-SIGN-6", signer, "signer",
                Msg("chỉ họ và tên, không có học hàm, học vị, cấp bậc",
                    "the name only, without degrees or ranks"),
                Msg(f"“{signer.text}”", f"“{signer.text}”"),
                Msg("Bỏ học hàm, học vị, quân hàm trước họ tên.",
                    "Remove degrees, ranks and titles before the name."),
            )  # fmt: skip
    for line in lines:
        paragraph = line.paragraph
        if "\t" in paragraph.text or paragraph.alignment == "center":
            continue
        col.at_paragraph(
            "F-SIGN-7", line, "signature",
            Msg("các dòng chữ ký căn giữa với nhau", "signature lines centred on each other"),
            align_msg(paragraph.alignment),
            Msg("Căn giữa các dòng của khối chữ ký (Ctrl+E).",
                "Centre the lines of the signature block (Ctrl+E)."),
            "warning",
            group=True,
        )  # fmt: skip
    col.skip(
        "F-SIGN-7",
        Msg("khoảng trống để ký cần trang đã dàn (chỉ kiểm tra căn giữa)",
            "the space left for the signature needs the laid-out page (centring checked)"),
    )  # fmt: skip


def _party_form(prefix: str) -> str:
    mapping = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L", "TUQ.": "T/L", "T/UQ": "T/L"}
    return mapping.get(prefix.upper(), "T/M, K/T, T/L")


def _recipients(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    label = parts.recipients_label
    wanted = profile.recipients_label_text
    if label is None:
        col.at_document(
            "F-RECIP-1", "recipients",
            Msg(f"“{wanted}” và danh sách nơi nhận bên trái, ngang khối chữ ký",
                f"“{wanted}” and the recipients on the left, level with the signature"),
            Msg("không có nơi nhận", "no recipients block"),
            Msg(f"Thêm “{wanted}” và các dòng “- …;”, dòng cuối “- Lưu …”.",
                f"Add “{wanted}” with lines “- …;”, the last one “- Lưu …”."),
        )  # fmt: skip
        for rule in ("F-RECIP-2", "F-RECIP-3"):
            col.skip(rule, Msg("không có nơi nhận", "no recipients block"))
        return
    if label.text.replace(" :", ":") != wanted:
        col.at_paragraph(
            "F-RECIP-2", label, "recipients_label",
            Msg(f"“{wanted}”", f"“{wanted}”"),
            Msg(f"“{label.text}”", f"“{label.text}”"),
            Msg(f"Viết đúng “{wanted}” (in thường, có dấu hai chấm).",
                f"Write exactly “{wanted}” (lower case, with a colon)."),
        )  # fmt: skip
    words = dataclasses.replace(label, runs=tuple(r for r in label.runs if r.text.strip(" :")))
    check_style(col, "F-RECIP-2", words, "recipients_label", profile.recipients_label)
    items = [ln for ln in parts.recipients_items if not _DRAFTER.match(ln.text)]
    if not items:
        col.at_paragraph(
            "F-RECIP-3", label, "recipients_item",
            Msg("các dòng nơi nhận “- …;”, dòng cuối “- Lưu ….”",
                "recipient lines “- …;”, the last “- Lưu ….”"),
            Msg("không có dòng nơi nhận", "no recipient lines"),
            Msg("Liệt kê nơi nhận dưới “Nơi nhận:”, mỗi dòng bắt đầu “- ”.",
                "List the recipients under “Nơi nhận:”, each line starting “- ”."),
        )  # fmt: skip
        return
    for line in items:
        check_style(col, "F-RECIP-3", line, "recipients_item", profile.recipients_item, group=True)
    logical = _logical_items(items)
    party = profile.family == "party"
    for index, (line, text) in enumerate(logical):
        problems = _item_problems(text, index == len(logical) - 1, party=party)
        if problems:
            vi, en = problems
            filing_vi = "“- Lưu Văn phòng ….” (không có dấu hai chấm, không ghi “VT”)"
            filing_en = "“- Lưu Văn phòng ….” (no colon, no “VT”)"
            if not party:
                filing_vi = filing_en = "“- Lưu: VT, …”"
            col.at_paragraph(
                "F-RECIP-3", line, "recipients_item",
                Msg("“- Tên nơi nhận;” … dòng cuối “- Lưu <cơ quan>.”",
                    "“- Recipient;” … the last line “- Lưu <body>.”"),
                Msg(vi, en),
                Msg(f"Mỗi dòng bắt đầu “- ” và kết thúc “;”; dòng cuối {filing_vi}.",
                    f"Start each line with “- ” and end it with “;”; the last line is "
                    f"{filing_en}."),
                group=True,
            )  # fmt: skip


def _logical_items(items: list[Line]) -> list[tuple[Line, str]]:
    """Recipient items with their wrapped continuations joined.

    Real documents wrap a long recipient over two paragraphs ("- Các bộ, cơ quan
    ngang bộ," / "cơ quan thuộc Chính phủ;"): a line that does not start with a dash
    after an item not yet ended by ";" or "." continues that item.
    """
    out: list[tuple[Line, str]] = []
    for line in items:
        text = line.text
        if (
            out
            and not text.startswith(("-", "–", "+", "•"))
            and not out[-1][1].endswith((";", "."))
        ):
            first, previous = out[-1]
            out[-1] = (first, f"{previous} {text}")
            continue
        out.append((line, text))
    return out


def _item_problems(text: str, last: bool, *, party: bool = True) -> tuple[str, str] | None:
    vi: list[str] = []
    en: list[str] = []
    if not text.startswith("- "):
        vi.append(f"không bắt đầu bằng “- ” (“{text[:2]}”)")
        en.append(f"does not start with “- ” (“{text[:2]}”)")
    if last:
        body = text[2:] if text.startswith("- ") else text.lstrip("-–•+ ")
        if not re.match(r"^Lưu\b", body):
            vi.append("dòng cuối không phải “- Lưu …”")
            en.append("the last line is not “- Lưu …”")
        elif party:  # F-RECIP-3; NĐ 30 writes “- Lưu: VT, …” (S-23)
            if re.match(r"^Lưu\s*:", body):
                vi.append("có dấu hai chấm sau “Lưu”")
                en.append("a colon after “Lưu”")
            if re.search(r"\bVT\b", body):
                vi.append("có “VT”")
                en.append("contains “VT”")
        if not text.endswith(".") or text.endswith("./."):
            vi.append("dòng cuối không kết thúc bằng “.”")
            en.append("the last line does not end with “.”")
    elif not text.endswith(";"):
        vi.append(f"không kết thúc bằng “;” (“{text[-1:]}”)")
        en.append(f"does not end with “;” (“{text[-1:]}”)")
    if not vi:
        return None
    return "; ".join(vi), "; ".join(en)


def _layout(parts: DocumentParts, col: Collector) -> None:
    table = parts.closing_table
    signature = [ln for ln in parts.signature if ln.text]
    if table is None:
        if signature or parts.recipients_label:
            anchor: Line = parts.recipients_label or signature[0]
            col.at_paragraph(
                "F-DOCX-1", anchor, "signature",
                Msg("nơi nhận (trái) và chữ ký (phải) trong bảng 1 × 2 không viền",
                    "Nơi nhận (left) and signature (right) in a borderless 1 × 2 table"),
                Msg("không nằm trong bảng", "not in a table"),
                Msg("Đặt nơi nhận và chữ ký vào một bảng 2 cột không viền.",
                    "Put Nơi nhận and the signature in a borderless two-column table."),
                "warning",
            )  # fmt: skip
        col.skip(
            "F-SIGN-1",
            Msg("vị trí trái/phải không xác định được khi không dùng bảng",
                "left/right position cannot be told without a table"),
        )  # fmt: skip
        return
    if not table.borderless:
        col.at_paragraph(
            "F-DOCX-1", table.paragraphs[0], "signature",
            Msg("bảng không viền", "borderless table"),
            Msg("bảng có viền", "table with borders"),
            Msg("Chọn bảng → Borders → No Border.", "Select the table → Borders → No Border."),
            "warning",
        )  # fmt: skip
    rcell, scell = parts.recipients_cell, parts.signature_cell
    if rcell is not None and scell is not None and rcell > scell and signature:
        col.at_paragraph(
            "F-SIGN-1", signature[0], "signature",
            Msg("nơi nhận bên trái, chữ ký bên phải", "Nơi nhận left, signature right"),
            Msg("chữ ký bên trái nơi nhận", "signature left of Nơi nhận"),
            Msg("Đổi chỗ hai cột: nơi nhận bên trái, chữ ký bên phải.",
                "Swap the columns: Nơi nhận left, signature right."),
        )  # fmt: skip
