"""Parts every Party document has: header, title, references, signature, Nơi nhận."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kehoach.model.base import KModel
from kehoach.model.blocks import Block, Table
from kehoach.model.types import DocDate, RichText, Text

_Date = date  # the field "date" below shadows the type inside the class body

Authority = Literal["T/M", "K/T", "T/L", "Q."]
_STATE_AUTHORITIES = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L", "TUQ.": "T/L", "T/UQ": "T/L"}


class DocumentHeader(KModel):
    """The two header blocks (F-HDR-1): issuing body, number, place and date."""

    superior_body: Text | None = Field(
        default=None,
        description="Tên cơ quan cấp trên trực tiếp, ví dụ: Đảng bộ tỉnh Lào Cai (F-ORG-1)",
    )
    superiors: list[Text] = Field(
        default_factory=list,
        max_length=3,
        description=(
            "Chuỗi cơ quan cấp trên, từ trên xuống, tối đa 3 dòng, ví dụ: Đảng bộ tỉnh …,"
            " Đảng bộ huyện … (dùng thay cho superior_body)"
        ),
    )
    issuing_body: Text = Field(description="Tên cơ quan ban hành, ví dụ: Thị ủy Sa Pa (F-ORG-2)")
    number: int | None = Field(
        default=None,
        ge=1,
        description="Số văn bản; để trống khi là dự thảo chưa lấy số (F-NUM-6)",
    )
    type_code: Text | None = Field(
        default=None,
        description="Ký hiệu tên loại (mặc định suy ra từ tên loại: Kế hoạch → KH)",
    )
    body_code: Text | None = Field(
        default=None,
        description="Ký hiệu cơ quan ban hành (mặc định suy ra: Thị ủy → TU)",
    )
    place: Text = Field(description="Địa danh, ví dụ: Sa Pa (F-DATE-4)")
    date: DocDate = Field(
        description="Ngày ký: 2022-01-15, hoặc {year: 2022, month: 1} khi là dự thảo"
    )
    draft_label: Text | None = Field(
        default=None, description='Dấu dự thảo, ví dụ: "Dự thảo lần 2" (F-DRAFT-1)'
    )

    @model_validator(mode="after")
    def _one_superior_field(self) -> DocumentHeader:
        if self.superior_body and self.superiors:
            raise PydanticCustomError(
                "kehoach.superior_twice",
                "write superior_body or superiors, not both",
                {},
            )
        return self

    @property
    def superior_chain(self) -> list[str]:
        """The superior bodies above the issuing body, top first (0–3 lines, F-ORG-1)."""
        return list(self.superiors) or ([self.superior_body] if self.superior_body else [])

    @property
    def direct_superior(self) -> str | None:
        """The body directly above the issuing body, if any."""
        chain = self.superior_chain
        return chain[-1] if chain else None

    @property
    def full_date(self) -> _Date | None:
        """The signing date when it is complete, else ``None``."""
        return self.date if isinstance(self.date, date) else None

    @property
    def year(self) -> int:
        """The year of the document date."""
        return self.date.year


class Title(KModel):
    """Tên loại and trích yếu (F-TYPE-1/2, F-SUBJ-1)."""

    type_name: Text = Field(default="Kế hoạch", description="Tên loại văn bản, ví dụ: Kế hoạch")
    subject: RichText = Field(description="Trích yếu nội dung, bắt đầu bằng chữ thường (F-SUBJ-1)")


class Reference(KModel):
    """A document cited as a basis, rendered "- Căn cứ Kế hoạch số …, ngày … của … về …;"."""

    lead: Text = Field(default="Căn cứ", description='Từ mở đầu: "Căn cứ", "Thực hiện"…')
    type_name: Text = Field(description="Tên loại văn bản được dẫn, ví dụ: Kế hoạch")
    number: Text | None = Field(default=None, description="Số và ký hiệu, ví dụ: 29-KH/TU")
    date: DocDate | None = Field(default=None, description="Ngày ban hành")
    issuer: Text | None = Field(default=None, description="Cơ quan ban hành, ví dụ: Thị ủy Sa Pa")
    # plain text: a citation is written out as one run (reference_text), marks and all
    subject: Text | None = Field(default=None, description="Trích yếu của văn bản được dẫn")


class Opening(KModel):
    """The lines under the title: căn cứ (F-BASIS-1) and lead-in paragraphs."""

    basis: list[Reference] = Field(default_factory=list, description="Các căn cứ (F-BASIS-1)")
    paragraphs: list[Block] = Field(default_factory=list, description="Các đoạn mở đầu")


class Signature(KModel):
    """Quyền hạn, chức vụ and the signer (F-SIGN-2..6)."""

    authority: Authority | None = Field(
        default=None, description="Quyền hạn ký: T/M, K/T, T/L, Q. hoặc để trống (F-SIGN-2)"
    )
    on_behalf_of: Text | None = Field(
        default=None,
        description="Sau T/M hoặc T/L: tập thể (Ban Thường vụ); sau K/T: chức vụ người đứng đầu",
    )
    position: Text | None = Field(
        default=None, description="Chức vụ người ký, không kèm tên cơ quan (F-SIGN-4)"
    )
    signer: Text = Field(description="Họ và tên người ký, không kèm học hàm, học vị (F-SIGN-6)")

    @field_validator("authority", mode="before")
    @classmethod
    def _party_authority(cls, value: Any) -> Any:
        # F-SIGN-2: State forms with a dot are a common mistake; name the Party form.
        if isinstance(value, str) and value.strip().upper() in _STATE_AUTHORITIES:
            raise PydanticCustomError(
                "kehoach.state_authority",
                "'{value}' is the State form; Party documents write {party}",
                {"value": value, "party": _STATE_AUTHORITIES[value.strip().upper()]},
            )
        return value

    @model_validator(mode="after")
    def _authority_needs_target(self) -> Signature:
        if self.authority in ("T/M", "K/T", "T/L") and not self.on_behalf_of:
            raise PydanticCustomError(
                "kehoach.authority_target",
                "{authority} needs on_behalf_of (e.g. Ban Thường vụ, Trưởng ban)",
                {"authority": self.authority},
            )
        if self.authority == "Q." and not self.position:
            raise PydanticCustomError(
                "kehoach.acting_position",
                "Q. needs the position held in acting capacity (e.g. Trưởng ban)",
                {},
            )
        return self

    def lines(self) -> tuple[str | None, str | None]:
        """The quyền hạn line and the chức vụ line, upper-cased (F-SIGN-3)."""
        if self.authority == "Q.":
            return None, f"Q. {self.position}".upper()
        first = f"{self.authority} {self.on_behalf_of}".upper() if self.authority else None
        return first, self.position.upper() if self.position else None


class Recipients(KModel):
    """Nơi nhận (F-RECIP-1..3): kehoach adds the "- " and ";" of every line."""

    items: list[Text] = Field(default_factory=list, description="Các nơi nhận, mỗi dòng một nơi")
    filing: Text = Field(
        description='Nơi lưu, ví dụ: "Văn phòng Thị ủy" → dòng "- Lưu Văn phòng Thị ủy."'
    )


class Appendix(KModel):
    """An appendix laid out on its own pages (F-APX-1/2)."""

    title: Text = Field(description="Tên phụ lục (in hoa khi trình bày)")
    content: list[Block] = Field(default_factory=list, description="Nội dung phụ lục")
    table: Table | None = Field(default=None, description="Bảng của phụ lục")
    landscape: bool = Field(default=False, description="Trình bày trang nằm ngang (F-PAPER-2)")


class MoneyWords(KModel):
    """How amounts are read in words (V-NUMWORD-2)."""

    zero_tens: Literal["linh", "lẻ"] = Field(
        default="linh", description='Hàng chục 0: "linh" (505: năm trăm linh năm) hoặc "lẻ"'
    )
    thousand: Literal["nghìn", "ngàn"] = Field(default="nghìn", description='"nghìn" hoặc "ngàn"')
    four_after_tens: Literal["tư", "bốn"] = Field(
        default="tư", description='Số 4 sau "mươi": "tư" (hai mươi tư) hoặc "bốn"'
    )
    five_after_linh: Literal["năm", "lăm"] = Field(
        default="năm", description='Số 5 sau "linh": "năm" (chuẩn) hoặc "lăm" (V-NUMWORD-2)'
    )


class FormatOptions(KModel):
    """Choices the spec leaves open; every default is the spec's."""

    profile: Literal["party-2018", "party-2026"] | None = Field(
        default=None, description="Hướng dẫn thể thức; mặc định theo ngày văn bản (F-SRC-1/2)"
    )
    type_name_size: Literal[15, 16] = Field(default=16, description="Cỡ chữ tên loại (F-TYPE-2)")
    subject_size: Literal[14, 15] = Field(default=14, description="Cỡ chữ trích yếu (F-SUBJ-1)")
    body_size: Literal[14, 15] = Field(default=14, description="Cỡ chữ nội dung (F-BODY-1)")
    line_spacing_pt: float = Field(
        default=18, ge=18, le=22, description="Giãn dòng chính xác, 18–22 pt (F-BODY-5)"
    )
    heading_separator: Literal[".", "-"] = Field(
        default=".", description='Dấu sau số mục cấp 1: "I." hoặc "I-" (F-HEAD-2)'
    )
    level3_italic: bool = Field(default=True, description="Mục cấp 3 (1.1.) in đậm nghiêng")
    level4_numbering: Literal["letter", "decimal"] = Field(
        default="letter", description='Số mục cấp 4: "a)" hoặc "2.3.1." (F-HEAD-2)'
    )
    money_unit: Literal["đồng", "đ"] = Field(
        default="đồng", description='Đơn vị tiền sau con số: "đồng" hoặc "đ" (V-MONEY-2)'
    )
    money_words: MoneyWords = Field(default_factory=MoneyWords, description="Cách đọc số tiền")
    appendix_word: Literal["Phụ lục", "Phụ biểu"] = Field(
        default="Phụ lục", description="Nhãn phụ lục (F-APX-5)"
    )
    signature_blank_lines: int = Field(
        default=4, ge=1, le=10, description="Số dòng trống để ký (F-SIGN-7)"
    )
    double_sided: bool = Field(
        default=False,
        description="In hai mặt: lề trang sau đối xứng, trái 15 mm, phải 30 mm (F-MARGIN-2)",
    )
    tone_style: Literal["old", "new"] | None = Field(
        default=None,
        description=(
            "Thống nhất cách bỏ dấu thanh khi trình bày: old (hòa, thủy) hoặc new (hoà, thuỷ);"
            " để trống: giữ nguyên như người viết"
        ),
    )
    show_task_units: bool = Field(
        default=True, description="Ghi đơn vị chủ trì, phối hợp, thời hạn sau mỗi nhiệm vụ"
    )


class Section(KModel):
    """A free top-level section (a real plan may have more than I–V)."""

    title: RichText = Field(description="Tiêu đề mục lớn (không gõ số La Mã)")
    id: Text | None = Field(default=None, description="Mã mục (tuỳ chọn)")
    content: list[Block] = Field(
        default_factory=list,
        validation_alias=AliasChoices("content", "blocks"),
        description="Nội dung (hoặc ghi blocks)",
    )
