"""Rule ids of ``shared/spec/party-document-format.md`` with their status and title.

The checker cites these ids in its findings. A rule's status caps the severity of
its findings: rules the spec marks ``unconfirmed`` or ``secondary`` are reported as
warnings at most; ``confirmed`` and ``confirmed-by-example`` rules may be errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kehoach.profiles.base import RuleStatus

Severity = Literal["error", "warning"]

__all__ = ["RULES", "RuleInfo", "Severity", "max_severity", "rule"]


@dataclass(frozen=True)
class RuleInfo:
    """One rule of the spec: id, status and a short title in Vietnamese and English."""

    id: str
    status: RuleStatus
    title_vi: str
    title_en: str

    @property
    def max_severity(self) -> Severity:
        """``error`` for confirmed rules, ``warning`` for unconfirmed/secondary ones."""
        return "error" if self.status in ("confirmed", "confirmed-by-example") else "warning"

    def title(self, lang: str = "vi") -> str:
        """The title in ``lang``."""
        return self.title_en if lang == "en" else self.title_vi


_TABLE: tuple[tuple[str, RuleStatus, str, str], ...] = (
    ("F-SRC-1", "confirmed", "Hướng dẫn áp dụng theo ngày văn bản", "Guidance chosen by date"),
    ("F-PAPER-1", "confirmed", "Khổ giấy A4", "A4 paper"),
    ("F-PAPER-2", "confirmed", "Trang in dọc", "Portrait orientation"),
    ("F-MARGIN-1", "confirmed", "Lề trang 20/20/30/15 mm", "Margins 20/20/30/15 mm"),
    ("F-MARGIN-2", "confirmed", "Lề trang mặt sau khi in hai mặt", "Back-page margins"),
    ("F-MARGIN-3", "unconfirmed", "Dung sai lề ±0,5 mm", "Margin tolerance ±0.5 mm"),
    ("F-FONT-1", "confirmed", "Phông Times New Roman, màu đen", "Times New Roman, black"),
    ("F-FONT-2", "unconfirmed", "Văn bản Unicode dựng sẵn (NFC)", "Precomposed Unicode (NFC)"),
    ("F-FILL-1", "unconfirmed", "Không còn trường mẫu chưa điền", "No unfilled template field"),
    ("F-PAGENUM-1", "confirmed", "Số trang giữa, phía trên", "Page number top centre"),
    ("F-PAGENUM-2", "confirmed", "Không đánh số trang đầu", "No number on page 1"),
    ("F-PAGENUM-3", "confirmed", "Số trang 14 pt, đứng, không đậm", "Page number 14 pt plain"),
    ("F-PAGENUM-4", "confirmed", "Phụ lục đánh số trang riêng", "Appendices numbered apart"),
    ("F-PAGENUM-5", "unconfirmed", "Số trang: header 10 mm, trường PAGE", "Page-number mapping"),
    ("F-HDR-1", "confirmed", "Hai khối tiêu đề trang đầu", "Two header blocks"),
    ("F-HDR-2", "confirmed-by-example", "Bảng 2 × 2 không viền", "Borderless 2 × 2 table"),
    ("F-HDR-4", "confirmed", "Số và ngày căn giữa trong khối", "Number and date centred"),
    ("F-TITLE-1", "confirmed", "Tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM", "Party title"),
    ("F-TITLE-2", "confirmed", "Tiêu đề in hoa 15 pt đậm", "Title upper case 15 pt bold"),
    ("F-TITLE-3", "confirmed", "Đường kẻ dưới tiêu đề", "Line under the title"),
    ("F-TITLE-4", "confirmed", "Không có Quốc hiệu, Tiêu ngữ", "No State motto"),
    ("F-ORG-1", "confirmed", "Tên cơ quan ban hành", "Issuing body"),
    ("F-ORG-2", "confirmed", "Kiểu chữ tên cơ quan", "Issuing body style"),
    ("F-STAR-1", "confirmed", "Dấu sao dưới tên cơ quan", "Star under the body"),
    ("F-STAR-2", "unconfirmed", "Dấu sao 14 pt, không đậm", "Star 14 pt, not bold"),
    ("F-NUM-1", "confirmed", "Số và ký hiệu: Số 29-KH/TU", "Number form Số 29-KH/TU"),
    ("F-NUM-2", "confirmed", "Số nhỏ hơn 10 có số 0 đứng trước", "Numbers below 10 padded"),
    ("F-NUM-4", "confirmed", "Kiểu chữ số và ký hiệu", "Number style"),
    ("F-NUM-6", "unconfirmed", "Dự thảo chưa có số", "Unnumbered draft"),
    ("F-SYM-3", "confirmed", "Ký hiệu Quy định là QĐ", "Quy định symbol QĐ"),
    ("F-DATE-1", "confirmed", "Địa danh, ngày … tháng … năm …", "Place and date form"),
    ("F-DATE-2", "confirmed", "Số 0 trước ngày < 10, tháng 1, 2", "Zero-padded day/month"),
    ("F-DATE-3", "confirmed", "Ngày tháng 14 pt nghiêng", "Date 14 pt italic"),
    ("F-TYPE-1", "confirmed", "Tên loại văn bản", "Document type name"),
    ("F-TYPE-2", "confirmed", "Tên loại in hoa 15–16 pt đậm", "Type name 15–16 pt bold"),
    ("F-SUBJ-1", "confirmed", "Trích yếu 14–15 pt đậm", "Subject 14–15 pt bold"),
    ("F-SUBJ-3", "confirmed", "Năm dấu gạch nối dưới trích yếu", "Five hyphens under subject"),
    ("F-KG-2", "confirmed", "Dấu câu của Kính gửi", "Kính gửi punctuation"),
    ("F-CV-1", "confirmed", "Trích yếu công văn 12 pt nghiêng", "Công văn subject 12 pt italic"),
    ("F-BODY-1", "confirmed", "Nội dung 14–15 pt", "Body 14–15 pt"),
    ("F-BODY-2", "confirmed", "Nội dung căn đều hai lề", "Body justified"),
    ("F-BODY-3", "confirmed", "Thụt đầu dòng khoảng 10 mm", "First-line indent ≈ 10 mm"),
    ("F-BODY-4", "confirmed", "Khoảng cách đoạn ≥ 6 pt", "Paragraph spacing ≥ 6 pt"),
    ("F-BODY-5", "confirmed", "Giãn dòng chính xác 18–22 pt", "Line spacing exactly 18–22 pt"),
    ("F-BODY-6", "confirmed", "Nội dung kết thúc bằng dấu chấm", "Body ends with a full stop"),
    ("F-BODY-7", "confirmed", "Viết tắt", "Abbreviations"),
    ("F-CITE-1", "confirmed", "Trích dẫn văn bản", "Citations"),
    ("F-HEAD-2", "unconfirmed", "Đề mục của kế hoạch, báo cáo", "Headings of plans"),
    ("F-SIGN-1", "confirmed", "Vị trí chữ ký và nơi nhận", "Signature and Nơi nhận position"),
    ("F-SIGN-2", "confirmed", "Quyền hạn ký: T/M, K/T, T/L, Q.", "Authority T/M, K/T, T/L, Q."),
    ("F-SIGN-3", "confirmed", "Kiểu chữ quyền hạn và chức vụ", "Authority and title style"),
    ("F-SIGN-4", "confirmed", "Chức vụ không kèm tên cơ quan", "Title without body name"),
    ("F-SIGN-6", "confirmed", "Họ tên người ký 14 pt đậm", "Signer name 14 pt bold"),
    ("F-SIGN-7", "unconfirmed", "Các dòng chữ ký căn giữa", "Signature lines centred"),
    ("F-SIGN-8", "confirmed", "Màu chữ ký", "Signature colour"),
    ("F-SEAL-1", "confirmed", "Dấu", "Seal"),
    ("F-RECIP-1", "confirmed", "Vị trí nơi nhận", "Nơi nhận position"),
    ("F-RECIP-2", "confirmed", "Chữ Nơi nhận 14 pt gạch chân", "Nơi nhận label 14 pt underlined"),
    ("F-RECIP-3", "confirmed", "Các dòng nơi nhận 12 pt", "Nơi nhận items 12 pt"),
    ("F-APX-1", "confirmed", "Phụ lục đánh số Ả Rập", "Appendices in Arabic digits"),
    ("F-APX-5", "unconfirmed", "Bảng phụ biểu, dòng tổng cộng", "Budget tables, total row"),
    ("F-DOCX-1", "confirmed-by-example", "Bảng không viền", "Borderless layout tables"),
    ("F-DOCX-2", "unconfirmed", "Định dạng qua chuỗi kiểu", "Style-chain resolution"),
    ("F-NUM-5", "confirmed", "Số thứ tự theo nhiệm kỳ", "Numbering per term"),
    ("F-DATE-4", "confirmed", "Địa danh", "Place name"),
)

RULES: dict[str, RuleInfo] = {row[0]: RuleInfo(*row) for row in _TABLE}
"""Rule id → :class:`RuleInfo` for every rule the checker cites."""


def rule(rule_id: str) -> RuleInfo:
    """The :class:`RuleInfo` of ``rule_id`` (``KeyError`` for an unknown id)."""
    return RULES[rule_id]


def max_severity(rule_id: str) -> Severity:
    """The highest severity a finding of ``rule_id`` may have."""
    return RULES[rule_id].max_severity
