"""``check_docx``: read a DOCX, choose the profile, recognise the parts, apply the rules."""

from __future__ import annotations

from kehoach.check.collect import Collector
from kehoach.check.dateline import parse_date_line
from kehoach.check.docx_view import DocxView, read_docx
from kehoach.check.findings import CheckResult, Finding, Msg
from kehoach.check.lines import norm
from kehoach.check.package import Source
from kehoach.check.parts import find_parts
from kehoach.check.rules_body import check_body
from kehoach.check.rules_closing import check_closing
from kehoach.check.rules_header import check_header
from kehoach.check.rules_page import check_page_numbers, check_page_setup
from kehoach.check.rules_text import check_text
from kehoach.check.rules_title import check_title
from kehoach.profiles import PARTY_2026, FormatProfile, get_profile, profile_for_date

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


def _choose_profile(
    view: DocxView, profile: FormatProfile | str | None
) -> tuple[FormatProfile, Msg, str | None, bool]:
    """The profile, why it was chosen, the date read, and whether the date was unreadable."""
    if isinstance(profile, FormatProfile):
        return profile, Msg("chỉ định khi gọi", "given by the caller"), None, False
    if isinstance(profile, str):
        chosen = get_profile(profile)
        return chosen, Msg("chỉ định khi gọi", "given by the caller"), None, False
    parts = find_parts(view, PARTY_2026)
    parsed = parse_date_line(norm(parts.date.text)) if parts.date else None
    day = parsed.latest_day() if parsed else None
    if day is None:
        return (
            PARTY_2026,
            Msg("không đọc được ngày văn bản: dùng hướng dẫn mới nhất",
                "no readable date: the newest guidance is used"),
            None,
            True,
        )  # fmt: skip
    chosen = profile_for_date(day)
    shown = f"{parsed.day_text or '..'}/{parsed.month_text or '..'}/{parsed.year}" if parsed else ""
    start = PARTY_2026.valid_from
    month = f"{start.month:02d}" if start.month < 3 else str(start.month)  # V-DATE-1
    since = f"{start.day:02d}/{month}/{start.year}"
    if chosen.id == PARTY_2026.id:
        reason = Msg(f"văn bản ngày {shown}, từ {since}", f"dated {shown}, on or after {since}")
    else:
        reason = Msg(f"văn bản ngày {shown}, trước {since}", f"dated {shown}, before {since}")
    return chosen, reason, shown, False


def check_view(
    view: DocxView, *, profile: FormatProfile | str | None = None, source: str | None = None
) -> CheckResult:
    """Check an already read :class:`DocxView` (see :func:`check_docx`)."""
    chosen, reason, shown, no_date = _choose_profile(view, profile)
    col = Collector(status_overrides=chosen.rule_status)
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
    parts = find_parts(view, chosen)
    check_page_setup(view, chosen, col)
    check_page_numbers(view, chosen, col)
    check_header(parts, chosen, col)
    check_title(parts, chosen, col)
    check_body(parts, chosen, col)
    check_closing(parts, chosen, col)
    check_text(view, chosen, col)
    for rule, why in ALWAYS_NOT_EVALUATED.items():
        col.skip(rule, why)
    return CheckResult(
        profile_id=chosen.id,
        profile_name=chosen.name,
        profile_reason=reason,
        findings=tuple(sorted(col.grouped(), key=_order)),
        not_evaluated=col.result_not_evaluated(),
        source=source,
        document_date=shown,
    )


_PART_RANK = {"document": 0, "section": 1, "body": 2, "header": 3, "footer": 4}


def _order(finding: Finding) -> tuple[int, int]:
    location = finding.location
    return _PART_RANK.get(location.part, 5), location.paragraph or 0


def check_docx(source: Source, *, profile: FormatProfile | str | None = None) -> CheckResult:
    """Check a DOCX file against the Party format.

    Args:
        source: A path, the file's bytes, or a binary file object.
        profile: A profile, a profile id (``party-2018``, ``party-2026``) or ``None``
            to choose from the document's own date line (from 27/5/2026: party-2026;
            before: party-2018; no readable date: party-2026 and an F-SRC-1 warning).

    Returns:
        The findings and the rules that could not be evaluated.

    Raises:
        DocxReadError: The file cannot be read (not a DOCX, damaged, encrypted, zip bomb).
        KeyError: ``profile`` is an unknown profile id.
    """
    view = read_docx(source)
    name = str(source) if isinstance(source, str) or hasattr(source, "__fspath__") else None
    return check_view(view, profile=profile, source=name)
