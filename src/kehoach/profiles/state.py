"""The State profile: Nghị định 30/2020/NĐ-CP, Phụ lục I (spec §13, ids S-01…S-29).

Values come from the State column of the spec's side-by-side table. Where NĐ 30 gives
a range (margins, 13–14 pt), the profile keeps the range: the lower bound in the
single value fields, the range in the ``*_range_pt`` / ``margins_max`` fields. The
checks kehoach implements are those of the Party spec applied with these values; the
Party-only elements (the Party title and its star, the Party number form, the
``-----`` separator, exact line spacing, ``./.``) are not State rules and are listed as
not evaluated under this profile (``unsupported_rules``).
"""

from __future__ import annotations

from datetime import date

from kehoach.profiles.base import BodyStyle, FormatProfile, Margins, TextStyle
from kehoach.profiles.doctypes import PARTY_DOCUMENT_TYPES, DocumentType

__all__ = ["STATE_2020"]

STATE_2020 = FormatProfile(
    id="state-2020",
    name="Văn bản hành chính Nhà nước (Nghị định 30/2020/NĐ-CP, ngày 05/3/2020)",
    guidance="30/2020/NĐ-CP",
    valid_from=date(2020, 3, 5),
    valid_until=None,
    family="state",
    margins=Margins(top=20, bottom=20, left=30, right=15),  # S-02: 20–25/20–25/30–35/15–20
    margins_max=Margins(top=25, bottom=25, left=35, right=20),
    page_number=TextStyle(13, size_max_pt=14, rules=("S-04",)),  # 13–14 pt, upright
    superior_body=TextStyle(12, size_max_pt=13, upper=True, rules=("S-06",)),  # 12–13 pt
    issuing_body=TextStyle(12, size_max_pt=13, bold=True, upper=True, rules=("S-07",)),
    number=TextStyle(13, rules=("S-08",)),
    date_line=TextStyle(13, size_max_pt=14, italic=True, rules=("S-10",)),  # 13–14 pt italic
    type_name=TextStyle(13, size_max_pt=14, bold=True, upper=True, rules=("S-11",)),
    type_name_range_pt=(13, 14),
    subject=TextStyle(13, size_max_pt=14, bold=True, rules=("S-12",)),
    subject_range_pt=(13, 14),
    body=BodyStyle(
        size_pt=13,
        size_range_pt=(13, 14),  # S-15
        first_line_indent_mm=10,  # 1 cm or 1.27 cm
        first_line_indent_error_range_mm=(8, 14),
        first_line_indent_warning_range_mm=(9.5, 13),
    ),
    authorities=("TM.", "KT.", "TL.", "TUQ.", "Q."),  # S-17
    state_authorities=("T/M", "K/T", "T/L"),  # the other family's forms
    signature_authority=TextStyle(13, size_max_pt=14, bold=True, upper=True, rules=("S-18",)),
    signature_position=TextStyle(13, size_max_pt=14, bold=True, upper=True, rules=("S-19",)),
    signer=TextStyle(13, size_max_pt=14, bold=True, rules=("S-20",)),
    recipients_label=TextStyle(12, bold=True, italic=True, align="left", rules=("S-22",)),
    recipients_item=TextStyle(11, align="left", rules=("S-23",)),
    # NĐ 30 Phụ lục III: the Party types plus the State-only ones kehoach has met.
    document_types=(
        *PARTY_DOCUMENT_TYPES,
        DocumentType("nghi-dinh", ("NGHỊ ĐỊNH",), "NĐ"),
        DocumentType("thong-tu", ("THÔNG TƯ",), "TT"),
    ),
    unsupported_rules=(
        "F-TITLE-1", "F-TITLE-2", "F-TITLE-3", "F-TITLE-4", "F-STAR-1", "F-STAR-2",
        "F-NUM-1", "F-NUM-2", "F-NUM-4", "F-SYM-3", "F-SUBJ-3", "F-BODY-5", "F-BODY-6",
        "F-HEAD-2", "F-PAGENUM-5", "F-KG-2",
    ),
    unsupported_reason=(
        "quy định riêng của văn bản Đảng, thể thức Nhà nước (NĐ 30) chưa kiểm tra mục này",
        "a Party-only rule; the State (NĐ 30) counterpart is not checked yet",
    ),
)  # fmt: skip
