"""Tests for kehoach.vi symbols: type_code, body_code, doc_number, number_symbol.

Rules: F-NUM-1..3, F-NUM-6, F-SYM-1..3, F-ORGSYM-1..4, F-ORG-3.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.vi import NUMBER_BLANK, TYPE_CODES, body_code, doc_number, number_symbol, type_code

# F-SYM-2 table, row by row.
F_SYM_2 = [
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Quy định", "QĐ"),  # F-SYM-3: never QyĐ
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Quy chế", "QC"),
    ("Thông tri", "TT"),
    ("Hướng dẫn", "HD"),
    ("Báo cáo", "BC"),
    ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"),
    ("Đề án", "ĐA"),
    ("Phương án", "PA"),
    ("Dự án", "DA"),
    ("Thông báo", "TB"),
    ("Thông cáo", "TC"),
    ("Tờ trình", "TTr"),
    ("Công văn", "CV"),
    ("Biên bản", "BB"),
    ("Bản sao", "BS"),
]


@pytest.mark.parametrize(("name", "code"), F_SYM_2)
def test_type_code_table(name: str, code: str) -> None:
    """type_code returns the F-SYM-2 symbol of every listed type."""
    assert type_code(name) == code
    assert TYPE_CODES[name] == code


def test_type_codes_is_the_whole_table() -> None:
    """TYPE_CODES holds exactly the F-SYM-2 rows."""
    assert dict(TYPE_CODES) == dict(F_SYM_2)


def test_type_codes_is_read_only() -> None:
    """TYPE_CODES cannot be modified."""
    with pytest.raises(TypeError):
        TYPE_CODES["Kế hoạch"] = "X"  # type: ignore[index]


@pytest.mark.parametrize(
    "spelling",
    ["Kế hoạch", "kế hoạch", "KẾ HOẠCH", "  Kế   hoạch ", unicodedata.normalize("NFD", "Kế hoạch")],
)
def test_type_code_ignores_case_spacing_and_normal_form(spelling: str) -> None:
    """type_code ignores case, extra spaces and NFC/NFD."""
    assert type_code(spelling) == "KH"


@pytest.mark.parametrize("name", ["Quy dinh", "Ke hoach", "Hợp đồng", "", "Kế"])
def test_type_code_unknown_lists_known(name: str) -> None:
    """An unknown (or diacritic-less) type name raises ValueError listing the known names."""
    with pytest.raises(ValueError, match=r"Kế hoạch \(KH\)"):
        type_code(name)


def test_type_code_rejects_non_str() -> None:
    """type_code raises TypeError for a non-str."""
    with pytest.raises(TypeError):
        type_code(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thị ủy Sa Pa", "TU"),  # F-ORGSYM-1 (Thị uỷ → TU); [PLAN] "29-KH/TU"
        ("Tỉnh ủy Lào Cai", "TU"),  # F-ORGSYM-1; [PLAN] "17-ĐA/TU"
        ("Thành ủy Hà Nội", "TU"),  # F-ORGSYM-1
        ("Huyện ủy Bảo Thắng", "HU"),  # F-ORGSYM-1 (derived)
        ("Quận ủy Ba Đình", "QU"),  # F-ORGSYM-1 (derived)
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU"),  # F-ORGSYM-3
        ("Ban Tuyên giáo Thị ủy", "BTGTU"),  # F-ORGSYM-4
        ("Ban Dân vận Thị ủy", "BDVTU"),  # F-ORGSYM-4
        ("Ban Tổ chức Tỉnh ủy", "BTCTU"),  # F-ORGSYM-3
        ("Ban Nội chính Tỉnh ủy", "BNCTU"),  # F-ORGSYM-3
        ("Văn phòng Tỉnh ủy", "VPTU"),  # F-ORGSYM-3
        ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),  # F-ORGSYM-3
        ("Ủy ban Kiểm tra Trung ương", "UBKTTW"),  # F-ORGSYM-3
        ("Văn phòng Trung ương Đảng", "VPTW"),  # F-ORGSYM-3; [HD05] "05-HD/VPTW"
        ("Đảng ủy xã Tả Phìn", "ĐU"),  # F-ORGSYM-2
        ("Đảng ủy phường Sa Pa", "ĐU"),  # F-ORGSYM-2
        ("Đảng ủy Quân sự tỉnh", "ĐUQS"),  # F-ORGSYM-2
        ("Đảng ủy Công an tỉnh", "ĐUCA"),  # F-ORGSYM-2
        ("Đảng ủy Bộ đội Biên phòng tỉnh", "ĐUBP"),  # F-ORGSYM-2
        ("Chi bộ Phòng Hành chính - Quản trị", "CB"),  # F-ORGSYM-2; F-ORG-3 example
        ("Ban Xây dựng Đảng Đảng ủy xã Tả Phìn", "BXDĐĐU"),  # F-ORGSYM-2 + -3 (decision)
        ("Ban Xây dựng Đảng", "BXDĐ"),  # F-ORGSYM-2
        ("Cơ quan Ủy ban Kiểm tra Tỉnh ủy", "CQUBKTTU"),  # F-ORGSYM-2 + -3
        ("Trung ương", "TW"),  # F-ORGSYM-3
        ("Ban Chấp hành Trung ương", "TW"),  # F-ORG-3
        ("Bộ Chính trị", "TW"),  # F-ORG-3; [PLAN] "05-CT/TW … của Bộ Chính trị"
        ("Ban Bí thư", "TW"),  # F-ORG-3; [PLAN] "173-TB/TW … của Ban Bí thư"
        ("Ban Thường vụ Tỉnh ủy", "TU"),  # F-ORG-3; [PLAN] "12-CT/TU … Ban Thường vụ Tỉnh ủy"
        ("Thường trực Tỉnh ủy", "TU"),  # [PLAN] "851-TB/TU … của Thường trực Tỉnh ủy"
        ("Quân ủy Trung ương", "QUTW"),  # F-ORGSYM-2
        ("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI", "ĐH"),  # F-ORGSYM-2; "20-BB/ĐH"
        ("Trường Chính trị Hoàng Đình Giong", "TCT"),  # F-ORGSYM-2; F-ORG-3 example
        ("Báo Nhân Dân", "BND"),  # F-ORGSYM-2
        ("Học viện Chính trị quốc gia Hồ Chí Minh", "HVCTQGHCM"),  # F-ORGSYM-2
        ("Ban Tổ chức Tỉnh ủy - Ban Nội chính Tỉnh ủy", "BTCTU-BNCTU"),  # F-NUM-3
    ],
)
def test_body_code(name: str, code: str) -> None:
    """body_code derives the issuing-body symbol from the name (F-ORGSYM-1..4)."""
    assert body_code(name) == code


@pytest.mark.parametrize(
    "spelling",
    ["Tỉnh ủy Lào Cai", "Tỉnh uỷ Lào Cai", "TỈNH ỦY LÀO CAI", "TỈNH UỶ LÀO CAI", " tỉnh  ủy "],
)
def test_body_code_ignores_case_and_tone_style(spelling: str) -> None:
    """body_code reads "uỷ" and "ủy", any case and spacing, the same way."""
    assert body_code(spelling) == "TU"


@pytest.mark.parametrize(
    "name", ["Ủy ban nhân dân tỉnh Lào Cai", "Hội Nông dân xã Tả Phìn", "Ban Kiểm tra", ""]
)
def test_body_code_unknown_pattern(name: str) -> None:
    """An unknown body raises ValueError telling to pass the symbol explicitly."""
    with pytest.raises(ValueError, match="pass the symbol explicitly"):
        body_code(name)


@pytest.mark.parametrize(
    ("number", "type_", "body", "expected"),
    [
        (29, "KH", "TU", "Số 29-KH/TU"),  # F-NUM-1; [PLAN] line 17
        (5, "KH", "TU", "Số 05-KH/TU"),  # F-NUM-2
        (127, "QĐ", "TW", "Số 127-QĐ/TW"),  # F-NUM-1
        (6, "CT", "TU", "Số 06-CT/TU"),  # F-NUM-1
        (138, "CV", "BTGDVTU", "Số 138-CV/BTGDVTU"),  # F-NUM-1
        (1, "BC", "ĐH", "Số 01-BC/ĐH"),  # F-NUM-2
        (5, "QC", "BTCTU-BNCTU", "Số 05-QC/BTCTU-BNCTU"),  # F-NUM-3
        (None, "KH", "TU", "Số    -KH/TU"),  # F-NUM-6
    ],
)
def test_doc_number(number: int | None, type_: str, body: str, expected: str) -> None:
    """doc_number writes "Số <n>-<TYPE>/<BODY>" without a colon (F-NUM-1/2/3/6)."""
    assert doc_number(number, type_, body) == expected


def test_number_symbol_and_blank() -> None:
    """number_symbol is doc_number without "Số "; drafts use NUMBER_BLANK (F-NUM-6)."""
    assert NUMBER_BLANK == "    "
    assert number_symbol(29, "KH", "TU") == "29-KH/TU"
    assert number_symbol(5, "ĐA", "TU") == "05-ĐA/TU"
    assert number_symbol(None, "KH", "TU") == NUMBER_BLANK + "-KH/TU"
    assert doc_number(None, "KH", "TU") == "Số" + NUMBER_BLANK + "-KH/TU"


@pytest.mark.parametrize(
    ("number", "type_", "body", "error"),
    [
        (0, "KH", "TU", ValueError),
        (-3, "KH", "TU", ValueError),
        (29, "", "TU", ValueError),
        (29, "K H", "TU", ValueError),
        (29, "KH-X", "TU", ValueError),
        (29, "KH", "T/U", ValueError),
        (29, "KH", "", ValueError),
        (29.0, "KH", "TU", TypeError),
        (True, "KH", "TU", TypeError),
        ("29", "KH", "TU", TypeError),
        (29, None, "TU", TypeError),
    ],
)
def test_doc_number_rejects_bad_input(
    number: object, type_: object, body: object, error: type[Exception]
) -> None:
    """doc_number refuses numbers < 1, non-integers and malformed symbols."""
    with pytest.raises(error):
        doc_number(number, type_, body)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(sorted(set(TYPE_CODES.values()))))
def test_doc_number_shape(number: int, code: str) -> None:
    """Every number gives "Số NN-TYPE/TU", at least two digits, value preserved (F-NUM-2)."""
    text = doc_number(number, code, "TU")
    match = re.fullmatch(r"Số (\d{2,})-(\w+)/TU", text)
    assert match is not None
    assert int(match.group(1)) == number and match.group(2) == code
