"""``check_docx``: read a DOCX, choose the profile, recognise the parts, apply the rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from kehoach.check.doc_class import DocumentClass, classify
from kehoach.check.findings import CheckResult, Finding, Msg
from kehoach.check.read.dateline import parse_date_line
from kehoach.check.read.docx_view import read_docx
from kehoach.check.read.layout import LaidOutPage, laid_out_pages
from kehoach.check.read.lines import norm
from kehoach.check.read.package import Source, read_source
from kehoach.check.read.parts import DocumentParts, find_parts
from kehoach.check.read.view import DocxView
from kehoach.check.rules.body import check_body
from kehoach.check.rules.closing import check_closing
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.header import check_header
from kehoach.check.rules.kinh_gui import check_kinh_gui
from kehoach.check.rules.layout import check_layout, check_signature_room, check_title_rule
from kehoach.check.rules.page import check_page_numbers, check_page_setup
from kehoach.check.rules.text import check_text
from kehoach.check.rules.title import check_title
from kehoach.profiles import BUILTIN_PROFILES, FormatProfile

__all__ = ["ALWAYS_NOT_EVALUATED", "check_docx", "check_view"]

ALWAYS_NOT_EVALUATED: dict[str, Msg] = {
    "F-MARGIN-2": Msg(
        "lề mặt sau phụ thuộc cách in hai mặt, không có trong tệp",
        "back-page margins depend on duplex printing, not recorded in the file",
    ),
    "F-PAGENUM-4": Msg(
        "đánh số trang riêng của phụ lục cần trang đã dàn",
        "per-appendix page numbering needs the laid-out pages",
    ),
    "F-SIGN-4": Msg(
        "chức vụ đúng hay không cần biết chức danh của cơ quan",
        "whether the title is right needs the body's list of titles",
    ),
    "F-SIGN-8": Msg("màu mực chữ ký chỉ có trên bản đã ký", "ink colour exists on the signed copy"),
    "F-SEAL-1": Msg("dấu chỉ có trên bản đã ký", "the seal exists on the signed copy only"),
    "F-BODY-7": Msg("viết tắt là vấn đề ngôn ngữ", "abbreviations are a matter of wording"),
    "F-CITE-1": Msg("cách trích dẫn là vấn đề ngôn ngữ", "citations are a matter of wording"),
    "F-NUM-5": Msg("số thứ tự cần sổ đăng ký văn bản", "the sequence needs the register"),
    "F-DATE-4": Msg("địa danh cần danh mục đơn vị hành chính", "needs the list of place names"),
}


def _date_text(day: date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)  # V-DATE-1
    return f"{day.day:02d}/{month}/{day.year}"


def _by_date(
    parts_of: Callable[[FormatProfile], DocumentParts], family: list[FormatProfile]
) -> tuple[FormatProfile, Msg, str | None, bool]:
    """The profile of ``family`` in force on the document's date, why, the date read,
    and whether the date was unreadable (F-SRC-1: the newest guidance is then used)."""
    family = sorted(family, key=lambda p: p.valid_from)
    newest = family[-1]
    parts = parts_of(newest)
    parsed = parse_date_line(norm(parts.date.text)) if parts.date else None
    day = parsed.latest_day() if parsed else None
    if day is None:
        if len(family) == 1:
            return (
                newest,
                Msg("thể thức duy nhất của loại này", "the only profile of this class"),
                None,
                False,
            )
        return (
            newest,
            Msg("không đọc được ngày văn bản: dùng hướng dẫn mới nhất",
                "no readable date: the newest guidance is used"),
            None,
            True,
        )  # fmt: skip
    applying = [p for p in family if p.valid_from <= day] or family[:1]
    chosen = applying[-1]
    shown = f"{parsed.day_text or '..'}/{parsed.month_text or '..'}/{parsed.year}" if parsed else ""
    later = family[family.index(chosen) + 1 :]
    if later:
        since = _date_text(later[0].valid_from)
        reason = Msg(f"văn bản ngày {shown}, trước {since}", f"dated {shown}, before {since}")
    else:
        since = _date_text(chosen.valid_from)
        reason = Msg(f"văn bản ngày {shown}, từ {since}", f"dated {shown}, on or after {since}")
    return chosen, reason, shown, False


def _not_checked(doc_class: DocumentClass, source: str | None) -> CheckResult:
    name = doc_class.name
    reason = Msg(
        f"kehoach chưa có thể thức cho {name.vi}: không kiểm tra",
        f"kehoach has no format profile for {name.en}: not checked",
    )
    if doc_class.id == "other":
        reason = Msg(
            "đầu trang 1 không có tiêu đề Đảng hay Quốc hiệu: không kiểm tra thể thức "
            "(dùng --profile để buộc kiểm tra)",
            "page one has neither the Party heading nor the Quốc hiệu: not checked "
            "(use --profile to check anyway)",
        )
    return CheckResult(
        profile_id="",
        profile_name="",
        profile_reason=reason,
        findings=(),
        not_evaluated=(),
        source=source,
        document_class=doc_class.id,
        document_class_name=name,
        checked=False,
    )


def check_view(
    view: DocxView,
    *,
    profile: FormatProfile | str | None = None,
    source: str | None = None,
    profiles: Mapping[str, FormatProfile] | None = None,
    pages: Sequence[LaidOutPage] | None = None,
) -> CheckResult:
    """Check an already read :class:`DocxView` (see :func:`check_docx`); ``pages`` are
    its laid-out pages (:func:`kehoach.check.read.layout.laid_out_pages`), for ``--layout``."""
    catalogue = BUILTIN_PROFILES if profiles is None else profiles
    doc_class = classify(view)
    found: dict[int, DocumentParts] = {}

    def parts_of(chosen: FormatProfile) -> DocumentParts:
        """The document's parts as ``chosen`` sees them (read once per profile)."""
        if id(chosen) not in found:
            found[id(chosen)] = find_parts(view, chosen)
        return found[id(chosen)]

    no_date = False
    shown: str | None = None
    if isinstance(profile, FormatProfile):
        chosen, reason = profile, Msg("chỉ định khi gọi", "given by the caller")
    elif isinstance(profile, str):
        chosen, reason = _lookup(catalogue, profile), Msg("chỉ định khi gọi", "given by the caller")
    else:
        family = [p for p in catalogue.values() if p.family == doc_class.id]
        if not family:
            return _not_checked(doc_class, source)
        chosen, reason, shown, no_date = _by_date(parts_of, family)
    col = Collector(
        status_overrides=chosen.rule_status, unsupported=frozenset(chosen.unsupported_rules)
    )
    if no_date:
        col.at_document(
            "F-SRC-1",
            "date",
            Msg("ngày văn bản đọc được để chọn hướng dẫn (36-HD hay 05-HD)",
                "a readable date to choose the guidance (36-HD or 05-HD)"),
            Msg(f"không đọc được ngày; kiểm tra theo {chosen.guidance}",
                f"no readable date; checked against {chosen.guidance}"),
            Msg("Ghi đủ dòng “<Địa danh>, ngày … tháng … năm …” hoặc chọn --profile.",
                "Write the full place/date line or pass --profile."),
            "warning",
        )  # fmt: skip
    parts = parts_of(chosen)
    if parts.document_type is not None:
        col.optional_elements = parts.document_type.optional
        if parts.document_type.signature == "personal":
            # The writer signs with a role ("NGƯỜI TỰ KIỂM ĐIỂM") and the name: no
            # authority, no title of office, no layout tables, a header that is the
            # Party title alone (F-SIGN-2/3, F-DOCX-1, F-HDR-1/2).
            col.unsupported = col.unsupported | _PERSONAL_FORM_RULES
            for rule in _PERSONAL_FORM_RULES:
                col.skip(rule, Msg("văn bản ký cá nhân (đơn, bản kiểm điểm)",
                                   "a personally signed form (đơn, bản kiểm điểm)"))  # fmt: skip
    check_page_setup(view, chosen, col)
    check_page_numbers(view, chosen, col, len(pages) if pages is not None else None)
    if pages is not None:
        check_layout([page.lines for page in pages], col, _repeated_header_texts(view))
    check_header(parts, chosen, col)
    check_title(parts, chosen, col)
    check_body(parts, chosen, col)
    check_closing(parts, chosen, col)
    if pages:
        check_title_rule(parts, chosen, pages[0], col)
        check_signature_room(parts, chosen, pages, col)
    check_text(view, chosen, col)
    check_kinh_gui(view, col)
    for rule, why in ALWAYS_NOT_EVALUATED.items():
        if pages is None or rule not in LAYOUT_RULES:
            col.skip(rule, why)
    for rule in chosen.unsupported_rules:
        col.skip(rule, Msg(*chosen.unsupported_reason))
    return CheckResult(
        profile_id=chosen.id,
        profile_name=chosen.name,
        profile_reason=reason,
        findings=tuple(sorted(col.grouped(), key=_order)),
        not_evaluated=col.result_not_evaluated(),
        source=source,
        document_date=shown,
        document_class=doc_class.id,
        document_class_name=doc_class.name,
        document_type=parts.document_type.id if parts.document_type else None,
    )


def _repeated_header_texts(view: DocxView) -> list[str]:
    """The texts of the table rows Word repeats at the top of each page."""
    return [
        cell.text for table in view.tables for row in table.rows if row.header for cell in row.cells
    ]


def _lookup(catalogue: Mapping[str, FormatProfile], profile_id: str) -> FormatProfile:
    try:
        return catalogue[profile_id]
    except KeyError:
        known = ", ".join(sorted(catalogue))
        raise KeyError(f"unknown format profile {profile_id!r}; known: {known}") from None


LAYOUT_RULES = frozenset({"F-PAGENUM-4"})
"""Rules of ``ALWAYS_NOT_EVALUATED`` that ``--layout`` evaluates."""

_PERSONAL_FORM_RULES = frozenset(
    {"F-SIGN-2", "F-SIGN-3", "F-DOCX-1", "F-RECIP-1", "F-HDR-1", "F-HDR-2"}
)

_PART_RANK = {"document": 0, "section": 1, "body": 2, "header": 3, "footer": 4}


def _order(finding: Finding) -> tuple[int, int]:
    location = finding.location
    return _PART_RANK.get(location.part, 5), location.paragraph or 0


def check_docx(
    source: Source,
    *,
    profile: FormatProfile | str | None = None,
    profiles: Mapping[str, FormatProfile] | None = None,
    layout: bool = False,
    pages: Sequence[LaidOutPage] | None = None,
) -> CheckResult:
    """Check a DOCX file against the format of its class (Party, State…).

    The class is read from the header (:func:`kehoach.check.doc_class.classify`); a
    class without a profile gives a result with ``checked=False`` and no findings.

    Args:
        source: A path, the file's bytes, or a binary file object.
        profile: A profile, a profile id (``party-2018``, ``party-2026``,
            ``state-2020``) or ``None`` to choose from the document's class and its own
            date line (Party: from 27/5/2026 party-2026, before party-2018, no readable
            date party-2026 and an F-SRC-1 warning).
        profiles: The profiles to choose from, by id (``kehoach check`` passes those
            of the plugins, :func:`kehoach.plugin_host.manager.format_profiles`); ``None`` for
            kehoach's own (``kehoach.profiles.BUILTIN_PROFILES``).
        layout: Lay the document out with LibreOffice (PDF) and check the rules that
            need pages (page numbers shown, appendices numbered apart, a total alone
            at the top of a page, the line under the title, the room to sign).
        pages: The document's pages already laid out (:func:`kehoach.check.read.layout.lay_out`
            lays out a batch with one LibreOffice start); implies ``layout``.

    Returns:
        The findings and the rules that could not be evaluated.

    Raises:
        DocxReadError: The file cannot be read (not a DOCX, damaged, encrypted, zip bomb).
        KeyError: ``profile`` is an unknown profile id.
        LayoutError: ``layout`` and LibreOffice is missing or fails.
    """
    data = read_source(source)
    view = read_docx(data)
    name = str(source) if isinstance(source, str) or hasattr(source, "__fspath__") else None
    if pages is None and layout:
        pages = laid_out_pages(data)
    return check_view(view, profile=profile, source=name, profiles=profiles, pages=pages)
