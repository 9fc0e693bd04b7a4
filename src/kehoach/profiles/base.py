"""Format profile types: the official layout rules as data.

The renderer reads a profile to produce documents and the checker reads the same
profile to verify them, so the two cannot drift apart (architecture, property 4).
Every value cites the rule id of ``shared/spec/party-document-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from kehoach.profiles.doctypes import PARTY_DOCUMENT_TYPES, DocumentType

Alignment = Literal["left", "center", "right", "both"]
RuleStatus = Literal["confirmed", "confirmed-by-example", "secondary", "unconfirmed"]

# Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
TWIPS_PER_MM = 1440 / 25.4


def mm_to_twips(mm: float) -> int:
    """Convert millimetres to whole twips, as OOXML stores page geometry."""
    return round(mm * TWIPS_PER_MM)


@dataclass(frozen=True)
class TextStyle:
    """Character and paragraph look of one element of the document.

    ``upper`` means the text is written IN HOA (the renderer upper-cases it).
    ``rules`` lists the spec rule ids this style implements.
    """

    size_pt: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    upper: bool = False
    align: Alignment = "center"
    rules: tuple[str, ...] = ()
    # When the guidance gives a range (NĐ 30: 12–13 pt), its upper bound; ``size_pt``
    # is then the lower bound (and the size the renderer writes).
    size_max_pt: float | None = None


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres (F-MARGIN-1)."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class BodyStyle:
    """Running text (F-BODY-1..5)."""

    size_pt: float = 14
    line_spacing_pt: float = 18  # exact; F-BODY-5 allows 18-22, default 18
    line_spacing_range_pt: tuple[float, float] = (18, 22)
    space_before_pt: float = 0
    space_after_pt: float = 6  # F-BODY-4: at least 6 pt
    first_line_indent_mm: float = 10  # F-BODY-3: about 10 mm
    # F-BODY-3 checker tolerances (unconfirmed): error outside, warning outside.
    first_line_indent_error_range_mm: tuple[float, float] = (8, 13)
    first_line_indent_warning_range_mm: tuple[float, float] = (9.5, 10.5)
    min_paragraph_spacing_pt: float = 6  # F-BODY-4: before + after at least 6 pt
    align: Alignment = "both"  # F-BODY-2
    size_range_pt: tuple[float, float] = (14, 15)


@dataclass(frozen=True)
class HeadingStyle:
    """One level of the section hierarchy of a plan or report (F-HEAD-2).

    ``numbering`` is how the level's number is written: ``roman`` ("I."),
    ``decimal`` ("1.", "1.1.", "2.3.1." — the parent numbers joined), ``letter``
    ("a)").
    """

    numbering: Literal["roman", "decimal", "letter"]
    bold: bool = True
    italic: bool = False
    upper: bool = False
    indent: bool = True  # starts at the body's first-line indent


@dataclass(frozen=True)
class FormatProfile:
    """All layout values of one official guidance.

    Values the spec marks unconfirmed are defaults that a document may override
    through its ``format`` options (see :mod:`kehoach.model.formatting`).
    """

    id: str
    name: str
    guidance: str
    valid_from: date
    valid_until: date | None
    # The document class this profile checks (kehoach.check.doc_class): ``party``,
    # ``state``… The checker picks, among the profiles of a document's class, the one
    # in force on the document's date.
    family: str = "party"
    font: str = "Times New Roman"  # F-FONT-1
    page_width_mm: float = 210  # F-PAPER-1
    page_height_mm: float = 297
    margins: Margins = Margins(top=20, bottom=20, left=30, right=15)  # F-MARGIN-1
    # Upper bounds when the guidance gives ranges (NĐ 30: top 20–25 mm…); ``None``
    # for fixed values (Party, F-MARGIN-1).
    margins_max: Margins | None = None
    margin_tolerance_mm: float = 0.5  # F-MARGIN-3 (unconfirmed)
    mirror_margins: bool = False  # F-MARGIN-2: printed double-sided, the back page mirrors
    header_distance_mm: float = 10  # F-PAGENUM-1/5
    page_number: TextStyle = TextStyle(14, rules=("F-PAGENUM-3",))
    party_title_text: str = "ĐẢNG CỘNG SẢN VIỆT NAM"  # F-TITLE-1
    party_title: TextStyle = TextStyle(15, bold=True, upper=True, rules=("F-TITLE-2",))
    # F-TITLE-3: the line under the title is as long as the title, within this fraction
    # (tolerance unconfirmed; checked on the laid-out page, ``--layout``).
    title_rule_tolerance: float = 0.10
    superior_body: TextStyle = TextStyle(14, upper=True, rules=("F-ORG-2",))
    issuing_body: TextStyle = TextStyle(14, bold=True, upper=True, rules=("F-ORG-2",))
    star_text: str = "*"  # F-STAR-1
    star: TextStyle = TextStyle(14, rules=("F-STAR-2",))
    number: TextStyle = TextStyle(14, rules=("F-NUM-4",))
    date_line: TextStyle = TextStyle(14, italic=True, rules=("F-DATE-3",))
    draft_label: TextStyle = TextStyle(14, italic=True, rules=("F-DRAFT-1",))
    # F-HDR-3 (unconfirmed): left ~42 %, right ~58 % of the text width.
    header_left_fraction: float = 0.42
    type_name: TextStyle = TextStyle(16, bold=True, upper=True, rules=("F-TYPE-2",))
    type_name_range_pt: tuple[float, float] = (15, 16)
    subject: TextStyle = TextStyle(14, bold=True, rules=("F-SUBJ-1",))
    subject_range_pt: tuple[float, float] = (14, 15)
    subject_separator: str = "-----"  # F-SUBJ-3
    subject_separator_style: TextStyle = TextStyle(14, rules=("F-SUBJ-3",))
    title_space_before_pt: float = 12  # F-SUBJ-5 (unconfirmed)
    title_space_after_pt: float = 6  # F-SUBJ-5 (unconfirmed)
    body: BodyStyle = BodyStyle()
    headings: tuple[HeadingStyle, ...] = (
        HeadingStyle("roman", upper=True),  # I. MỤC ĐÍCH, YÊU CẦU
        HeadingStyle("decimal"),  # 1. Mục đích
        HeadingStyle("decimal", italic=True),  # 1.1. … (bold-italic)
        HeadingStyle("letter", bold=False, italic=True),  # a) … (F-HEAD-2 default)
    )
    heading_separator: str = "."  # F-HEAD-2: "I." (Party texts also use "I-")
    bullets: tuple[str, ...] = ("-", "+")  # F-HEAD-2
    signature_authority: TextStyle = TextStyle(14, bold=True, upper=True, rules=("F-SIGN-3",))
    signature_position: TextStyle = TextStyle(14, upper=True, rules=("F-SIGN-3", "F-SIGN-4"))
    signer: TextStyle = TextStyle(14, bold=True, rules=("F-SIGN-6",))
    # F-SIGN-7 (unconfirmed): room for the handwritten signature, in empty lines of the
    # body size; ``kehoach check --layout`` measures it between the last title line and
    # the signer's name.
    signature_blank_lines: int = 4
    authorities: tuple[str, ...] = ("T/M", "K/T", "T/L", "Q.")  # F-SIGN-2
    state_authorities: tuple[str, ...] = ("TM.", "KT.", "TL.", "TUQ.", "T/UQ")
    recipients_label_text: str = "Nơi nhận:"
    recipients_label: TextStyle = TextStyle(14, underline=True, align="left", rules=("F-RECIP-2",))
    recipients_item: TextStyle = TextStyle(12, align="left", rules=("F-RECIP-3",))
    recipients_left_fraction: float = 0.45  # F-SIGN-1: left | right (unconfirmed widths)
    appendix_label: TextStyle = TextStyle(14, bold=True, upper=True, rules=("F-APX-2", "F-APX-3"))
    appendix_title: TextStyle = TextStyle(14, bold=True, upper=True, rules=("F-APX-3",))
    appendix_reference: TextStyle = TextStyle(14, italic=True, rules=("F-APX-3",))
    appendix_unit: TextStyle = TextStyle(14, italic=True, align="right", rules=("F-APX-5",))
    appendix_label_word: str = "Phụ lục"  # F-APX-5: "Phụ biểu" only when configured
    table_text: TextStyle = TextStyle(13, align="left", rules=("F-FONT-1",))
    table_header: TextStyle = TextStyle(13, bold=True, rules=("F-APX-5",))
    rule_status: dict[str, RuleStatus] = field(default_factory=dict)
    # The document types this profile knows, with the parts each may leave out.
    document_types: tuple[DocumentType, ...] = PARTY_DOCUMENT_TYPES
    # Rules of the Party spec this profile's checks do not cover (their findings are
    # dropped and the rule is listed as not evaluated, with this reason).
    unsupported_rules: tuple[str, ...] = ()
    unsupported_reason: tuple[str, str] = ("", "")

    @property
    def text_width_mm(self) -> float:
        """Width of the text block between the left and right margins."""
        return self.page_width_mm - self.margins.left - self.margins.right

    def applies_to(self, day: date) -> bool:
        """Whether a document dated ``day`` is governed by this profile (F-SRC-1/2)."""
        if day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until
