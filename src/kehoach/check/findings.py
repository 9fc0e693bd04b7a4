"""Typed results of a check: :class:`Finding`, :class:`NotEvaluated`, :class:`CheckResult`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from kehoach.profiles.rules import RULES, Severity

__all__ = ["CheckResult", "Finding", "Location", "Msg", "NotEvaluated", "Severity"]

Part = Literal["body", "header", "footer", "section", "document"]


class Msg(NamedTuple):
    """A message in Vietnamese and in English."""

    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        """The message in ``lang`` (``vi`` or ``en``)."""
        return self.en if lang == "en" else self.vi


ELEMENT_NAMES: dict[str, Msg] = {
    "page": Msg("trang", "page"),
    "party_title": Msg("tiêu đề Đảng", "Party title"),
    "state_heading": Msg("Quốc hiệu, Tiêu ngữ", "State motto"),
    "superior_body": Msg("tên cơ quan cấp trên", "superior body"),
    "issuing_body": Msg("tên cơ quan ban hành", "issuing body"),
    "star": Msg("dấu sao", "star"),
    "number": Msg("số và ký hiệu", "number"),
    "date": Msg("địa danh, ngày tháng", "place and date"),
    "header": Msg("phần tiêu đề trang đầu", "page-one header"),
    "type_name": Msg("tên loại văn bản", "type name"),
    "subject": Msg("trích yếu", "subject"),
    "separator": Msg("dấu gạch dưới trích yếu", "subject separator"),
    "body": Msg("nội dung", "body"),
    "heading": Msg("đề mục", "heading"),
    "signature": Msg("chữ ký", "signature"),
    "authority": Msg("quyền hạn ký", "signing authority"),
    "position": Msg("chức vụ người ký", "signer's title"),
    "signer": Msg("họ tên người ký", "signer's name"),
    "recipients": Msg("nơi nhận", "recipients"),
    "recipients_label": Msg("chữ “Nơi nhận:”", "“Nơi nhận:” label"),
    "recipients_item": Msg("dòng nơi nhận", "recipient line"),
    "page_number": Msg("số trang", "page number"),
    "kinh_gui": Msg("Kính gửi", "Kính gửi block"),
    "appendix": Msg("phụ lục", "appendix"),
    "document": Msg("văn bản", "document"),
    "text": Msg("văn bản", "text"),
    "table": Msg("bảng", "table"),
}


@dataclass(frozen=True)
class Location:
    """Where a finding is.

    Attributes:
        part: ``body``, ``header`` / ``footer`` (a page header part), ``section``
            (page setup) or ``document``.
        element: Which element (``number``, ``body``… see ``ELEMENT_NAMES``).
        paragraph: 1-based paragraph number in its story (first one when several).
        paragraphs: Every paragraph with the same deviation (grouped findings).
        table, row, cell: Table position (1-based) when the paragraph is in a table.
        section: 1-based section number for page-setup findings (the first one when
            several sections have the same deviation, all of them in ``sections``).
        part_name: Header/footer part name (``word/header1.xml``).
        quote: The start of the paragraph's text.
    """

    part: Part
    element: str
    paragraph: int | None = None
    paragraphs: tuple[int, ...] = ()
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    section: int | None = None
    part_name: str | None = None
    quote: str | None = None
    sections: tuple[int, ...] = ()

    def describe(self, lang: str = "vi") -> str:
        """A one-line description such as ``đoạn 12 (bảng 1, hàng 2, ô 1) «Số 29-KH/TU»``."""
        vi = lang != "en"
        bits: list[str] = []
        name = ELEMENT_NAMES.get(self.element, Msg(self.element, self.element)).get(lang)
        if self.part == "section" and len(self.sections) > 1:
            bits.append(f"{'các phần (section)' if vi else 'sections'} {_ranges(self.sections)}")
        elif self.part == "section" and self.section is not None:
            bits.append(f"{'phần (section)' if vi else 'section'} {self.section}")
        elif self.part in ("header", "footer"):
            word = {"header": ("đầu trang", "header"), "footer": ("chân trang", "footer")}
            bits.append(word[self.part][0 if vi else 1])
            if self.part_name:
                bits.append(f"({self.part_name})")
        if self.paragraphs and len(self.paragraphs) > 1:
            bits.append(("các đoạn " if vi else "paragraphs ") + _ranges(self.paragraphs))
        elif self.paragraph is not None:
            bits.append(f"{'đoạn' if vi else 'paragraph'} {self.paragraph}")
        if self.table is not None:
            cell = (
                f"bảng {self.table}, hàng {self.row}, ô {self.cell}"
                if vi
                else f"table {self.table}, row {self.row}, cell {self.cell}"
            )
            bits.append(f"({cell})")
        if self.quote:
            bits.append(f"«{self.quote}»")
        where = " ".join(bits)
        return f"{name}: {where}" if where else name


def _ranges(numbers: tuple[int, ...]) -> str:
    """``(1, 2, 3, 7, 9, 10)`` → ``1–3, 7, 9–10`` (at most 12 ranges shown)."""
    ordered = sorted(set(numbers))
    out: list[str] = []
    start = prev = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if number is not None:
            start = prev = number
    if len(out) > 12:
        return ", ".join(out[:12]) + f", … ({len(ordered)})"
    return ", ".join(out)


@dataclass(frozen=True)
class Finding:
    """One deviation from the format profile.

    Attributes:
        rule: The rule id of the spec (``F-MARGIN-1``…).
        severity: ``error`` or ``warning`` (unconfirmed rules: warning at most).
        location: Where it is.
        expected: What the profile requires.
        actual: What the document has.
        fix: How to fix it, in one line.
    """

    rule: str
    severity: Severity
    location: Location
    expected: Msg
    actual: Msg
    fix: Msg

    @property
    def status(self) -> str:
        """The spec status of the rule."""
        info = RULES.get(self.rule)
        return info.status if info else "unconfirmed"

    def title(self, lang: str = "vi") -> str:
        """The rule's short title."""
        info = RULES.get(self.rule)
        return info.title(lang) if info else self.rule


@dataclass(frozen=True)
class NotEvaluated:
    """A rule the checker cannot decide from the file (never reported as passed)."""

    rule: str
    reason: Msg


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`kehoach.check.check_docx`.

    Attributes:
        profile_id: The profile used (``party-2018``/``party-2026``).
        profile_name: Its human name, with the guidance.
        profile_reason: Why this profile (given, the document's date, no date).
        findings: Every deviation, in document order.
        not_evaluated: Rules that could not be evaluated from the file.
        source: The path checked, when known.
        document_class: The class read from the header (``party``, ``state``,
            ``fatherland-front``, ``youth-union``, ``other``; see
            :mod:`kehoach.check.doc_class`).
        document_type: The document type read from the type-name line (``ke-hoach``,
            ``giay-gioi-thieu``… see :mod:`kehoach.profiles.doctypes`), if known.
        checked: ``False`` when kehoach has no profile for that class: the document
            was not checked (no findings; ``kehoach check`` exits 3).
    """

    profile_id: str
    profile_name: str
    profile_reason: Msg
    findings: tuple[Finding, ...]
    not_evaluated: tuple[NotEvaluated, ...]
    source: str | None = None
    document_date: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    document_class: str = "party"
    document_class_name: Msg | None = None
    checked: bool = True
    document_type: str | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self.errors

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The distinct rule ids found, in order of first appearance."""
        return tuple(dict.fromkeys(f.rule for f in self.findings))
