"""Title block: type name (F-TYPE-1/2), subject (F-SUBJ-1), ``-----`` (F-SUBJ-3)."""

from __future__ import annotations

from kehoach.check.findings import Msg
from kehoach.check.read.dateline import parse_number
from kehoach.check.read.lines import is_upper, norm
from kehoach.check.read.parts import DocumentParts
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.styling import align_msg, check_style
from kehoach.profiles import FormatProfile

__all__ = ["check_title"]

_CENTRE = Msg("Căn giữa (Ctrl+E).", "Centre it (Ctrl+E).")


def check_title(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    """Type name, subject and separator; a missing one is an error of its rule."""
    number = parse_number(parts.number.text) if parts.number else None
    cong_van = number is not None and number.type_symbol == "CV"
    type_name = parts.type_name
    low, high = profile.type_name_range_pt
    if type_name is None and not cong_van:
        col.at_document(
            "F-TYPE-1",
            "type_name",
            Msg("tên loại văn bản (KẾ HOẠCH, BÁO CÁO…) căn giữa dưới phần đầu",
                "the type name (KẾ HOẠCH, BÁO CÁO…) centred under the header"),
            Msg("không có tên loại văn bản", "no type name"),
            Msg(f"Thêm tên loại in hoa, {low:g}–{high:g} pt, đậm, căn giữa.",
                f"Add the type name in upper case, {low:g}–{high:g} pt, bold, centred."),
        )  # fmt: skip
    elif type_name is not None:
        check_style(
            col,
            "F-TYPE-2",
            type_name,
            "type_name",
            profile.type_name,
            size_range=profile.type_name_range_pt,
        )
        if type_name.alignment != "center":
            col.at_paragraph(
                "F-TYPE-1",
                type_name,
                "type_name",
                Msg("căn giữa", "centred"),
                align_msg(type_name.alignment),
                _CENTRE,
            )  # fmt: skip
    if type_name is not None:
        _subject(parts, profile, col)
    _separator(parts, profile, col, cong_van)


def _subject(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    if not parts.subject:
        col.at_document(
            "F-SUBJ-1",
            "subject",
            Msg("trích yếu nội dung dưới tên loại", "a subject line under the type name"),
            Msg("không có trích yếu", "no subject"),
            Msg("Thêm trích yếu (in thường, đậm, căn giữa) dưới tên loại văn bản.",
                "Add the subject (lower case, bold, centred) under the type name."),
        )  # fmt: skip
        return
    for paragraph in parts.subject:
        upper = is_upper(norm(paragraph.text))
        style = profile.type_name if upper else profile.subject
        if not upper:
            check_style(
                col,
                "F-SUBJ-1",
                paragraph,
                "subject",
                style,
                size_range=profile.subject_range_pt,
                check_upper=False,
            )
        if paragraph.alignment != "center":
            col.at_paragraph(
                "F-SUBJ-1",
                paragraph,
                "subject",
                Msg("căn giữa", "centred"),
                align_msg(paragraph.alignment),
                _CENTRE,
            )  # fmt: skip
    first = next((p for p in parts.subject if not is_upper(norm(p.text))), None)
    all_upper = first is None
    target = first or parts.subject[0]
    letters = [c for c in norm(target.text) if c.isalpha()]
    # Party subjects start lower case (F-SUBJ-1); NĐ 30 only says "in thường" and its
    # own example starts "Về công tác văn thư", so a State subject may start upper case.
    party_start = profile.family == "party" and bool(letters) and letters[0].isupper()
    if all_upper or party_start:
        col.at_paragraph(
            "F-SUBJ-1",
            target,
            "subject",
            Msg("trích yếu bắt đầu bằng chữ thường (in thường)",
                "the subject starts with a lower-case letter"),
            Msg("bắt đầu bằng chữ hoa" if not all_upper else "viết in hoa",
                "starts upper case" if not all_upper else "all upper case"),
            Msg("Viết trích yếu bằng chữ thường, ví dụ “triển khai thực hiện …”.",
                "Write the subject in lower case, e.g. “triển khai thực hiện …”."),
            "warning",
        )  # fmt: skip


def _separator(parts: DocumentParts, profile: FormatProfile, col: Collector, cv: bool) -> None:
    wanted = profile.subject_separator
    separator = parts.separator
    if separator is None:
        if cv and parts.type_name is None:
            return
        col.at_document(
            "F-SUBJ-3",
            "separator",
            Msg(f"“{wanted}” (năm dấu gạch nối) căn giữa dưới trích yếu",
                f"“{wanted}” (five hyphens) centred under the subject"),
            Msg("không có", "missing"),
            Msg(f"Thêm dòng “{wanted}” căn giữa dưới trích yếu.",
                f"Add a centred “{wanted}” line under the subject."),
        )  # fmt: skip
        return
    text = norm(separator.full_text)
    if text != wanted:
        actual = (
            Msg(f"“{text}”", f"“{text}”")
            if text
            else Msg("đường kẻ vẽ hoặc viền đoạn", "a drawn line or paragraph border")
        )
        col.at_paragraph(
            "F-SUBJ-3",
            separator,
            "separator",
            Msg(f"“{wanted}” (năm dấu gạch nối “-”)", f"“{wanted}” (five hyphen-minus signs)"),
            actual,
            Msg(f"Thay bằng đúng năm dấu gạch nối “{wanted}”, căn giữa.",
                f"Replace it by exactly five hyphens “{wanted}”, centred."),
        )  # fmt: skip
    elif separator.alignment != "center":
        col.at_paragraph(
            "F-SUBJ-3",
            separator,
            "separator",
            Msg("căn giữa", "centred"),
            align_msg(separator.alignment),
            _CENTRE,
        )  # fmt: skip
