"""Document types (kế hoạch, báo cáo, giấy giới thiệu, đơn …) as profile data: the parts
each must have and those it may leave out.

A Party kế hoạch has a number, a trích yếu, Nơi nhận and a collective signature
(T/M …); a giấy giới thiệu or a bản tự kiểm điểm is a form with no trích yếu, often no
Nơi nhận, and a bản kiểm điểm or an đơn is signed personally ("NGƯỜI TỰ KIỂM ĐIỂM", the
name) with its place and date above the signature, not in a header. The checker reads
the type from the type-name line and does not ask a document for the parts its type
may leave out (the ``optional`` elements; names of ``kehoach.check.findings``
``ELEMENT_NAMES``). Symbols: spec §3.4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["PARTY_DOCUMENT_TYPES", "DocumentType"]

Signature = Literal["collective", "personal", "any"]


@dataclass(frozen=True)
class DocumentType:
    """One document type of a profile.

    Attributes:
        id: A short id (``ke-hoach``).
        names: The type-name lines that announce it, upper case (``KẾ HOẠCH``); the
            type-name line starts with one of them.
        symbol: Its ký hiệu (``KH``), empty when it has none.
        optional: Parts this type may leave out: ``number``, ``subject``,
            ``separator``, ``recipients``, ``issuing_body``, ``star``, ``date``,
            ``signature``.
        signature: ``collective`` (T/M …), ``personal`` (the person who writes it) or
            ``any``.
    """

    id: str
    names: tuple[str, ...]
    symbol: str = ""
    optional: frozenset[str] = frozenset()
    signature: Signature = "collective"


_FORM_HEADER = frozenset({"issuing_body", "star", "number", "date"})
_NO_TITLE_BLOCK = frozenset({"subject", "separator"})

PARTY_DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("ke-hoach", ("KẾ HOẠCH",), "KH"),
    DocumentType("bao-cao", ("BÁO CÁO",), "BC"),
    DocumentType("nghi-quyet", ("NGHỊ QUYẾT",), "NQ"),
    DocumentType("quyet-dinh", ("QUYẾT ĐỊNH",), "QĐ"),
    DocumentType("quy-dinh", ("QUY ĐỊNH",), "QĐ"),
    DocumentType("chi-thi", ("CHỈ THỊ",), "CT"),
    DocumentType("ket-luan", ("KẾT LUẬN",), "KL"),
    DocumentType("thong-bao", ("THÔNG BÁO",), "TB"),
    DocumentType("huong-dan", ("HƯỚNG DẪN",), "HD"),
    DocumentType("chuong-trinh", ("CHƯƠNG TRÌNH",), "CTr"),
    DocumentType("to-trinh", ("TỜ TRÌNH",), "TTr"),
    DocumentType("de-an", ("ĐỀ ÁN",), "ĐA"),
    # F-SIGN-9: minutes are signed by the chair and the secretary, often without Nơi nhận.
    DocumentType(
        "bien-ban", ("BIÊN BẢN",), "BB",
        optional=_NO_TITLE_BLOCK | {"number", "recipients"}, signature="any",
    ),
    DocumentType(
        "danh-sach", ("DANH SÁCH",), "DS",
        optional=_NO_TITLE_BLOCK | {"recipients"}, signature="any",
    ),
    DocumentType(
        "giay-gioi-thieu", ("GIẤY GIỚI THIỆU",), "GGT",
        optional=_NO_TITLE_BLOCK | {"recipients"}, signature="any",
    ),
    DocumentType(
        "tong-hop-y-kien", ("TỔNG HỢP Ý KIẾN",),
        optional=_NO_TITLE_BLOCK | {"number", "recipients"}, signature="any",
    ),
    DocumentType(
        "ban-kiem-diem", ("BẢN TỰ KIỂM ĐIỂM", "BẢN KIỂM ĐIỂM", "BẢN NHẬN XÉT"),
        optional=_FORM_HEADER | _NO_TITLE_BLOCK | {"recipients"}, signature="personal",
    ),
    DocumentType(
        "don", ("ĐƠN",),
        optional=_FORM_HEADER | _NO_TITLE_BLOCK | {"recipients"}, signature="personal",
    ),
)  # fmt: skip
