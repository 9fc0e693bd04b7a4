"""Body text (F-BODY-1..6); headings (F-HEAD-2) keep their own alignment and indent."""

from __future__ import annotations

import re
from collections import Counter

from kehoach.check.findings import Msg
from kehoach.check.read.lines import is_upper, norm
from kehoach.check.read.parts import DocumentParts
from kehoach.check.read.view import ParagraphView
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.styling import align_msg, fmt_pt
from kehoach.profiles import FormatProfile
from kehoach.profiles.rules import Severity

__all__ = ["check_body", "is_heading"]

_STRUCTURE = re.compile(r"^(PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s+\S+", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+\s*[.\-]\s")
_NUMBERED = re.compile(r"^(\d+(\.\d+)*\.?|[a-zđ]\))\s")
_AUTO_SPACING_PT = 14  # what Word applies for "auto" spacing before/after


def is_heading(paragraph: ParagraphView) -> bool:
    """A section heading of the body (F-HEAD-1/2), recognised by content and look."""
    text = norm(paragraph.full_text)
    if not text:
        return False
    style = (paragraph.style_name or paragraph.style_id or "").lower()
    if style.startswith(("heading", "title", "subtitle")):
        return True
    if _STRUCTURE.match(text) or _ROMAN.match(text):
        return True
    runs = paragraph.visible_runs
    if len(text) <= 250 and runs and all(r.bold for r in runs):
        return True
    if len(text) <= 250 and is_upper(text):
        return True
    if _NUMBERED.match(text) and len(text) <= 150 and runs and all(r.italic for r in runs):
        return True
    # "- Quý I", "+ Tháng 3": a short dash line without final punctuation.
    return bool(re.match(r"^[-+–]\s", text)) and len(text) <= 40 and text[-1] not in ".;,"


def check_body(parts: DocumentParts, profile: FormatProfile, col: Collector) -> None:
    """Size, justification, indent, paragraph and line spacing, final full stop."""
    body = profile.body
    if not parts.body:
        reason = Msg("không nhận ra phần nội dung", "no body text recognised")
        for rule in ("F-BODY-1", "F-BODY-2", "F-BODY-3", "F-BODY-4", "F-BODY-5", "F-BODY-6"):
            col.skip(rule, reason)
        return
    low, high = body.size_range_pt
    text_sizes: Counter[float] = Counter()
    previous: ParagraphView | None = None
    for paragraph in parts.body:
        heading = is_heading(paragraph)
        element = "heading" if heading else "body"
        sizes = sorted({r.size_pt for r in paragraph.visible_runs})
        if sizes and not all(low <= s <= high for s in sizes):
            shown = (
                "–".join(fmt_pt(s) for s in (sizes[0], sizes[-1]) if s)
                if len(sizes) > 1
                else (fmt_pt(sizes[0]))
            )
            col.at_paragraph(
                "F-BODY-1", paragraph, element,
                Msg(f"cỡ chữ {low:g}–{high:g} pt", f"size {low:g}–{high:g} pt"),
                Msg(f"{shown} pt", f"{shown} pt"),
                Msg(f"Đặt cỡ chữ {body.size_pt:g} pt cho nội dung (cả kiểu Normal/Body Text).",
                    f"Set the body to {body.size_pt:g} pt (Normal/Body Text style too)."),
                group=True,
            )  # fmt: skip
        elif sizes and not heading:
            text_sizes.update(sizes)
        if not heading:
            _alignment(paragraph, profile, col)
            _indent(paragraph, profile, col)
        _spacing(paragraph, previous, profile, col, element)
        _line_spacing(paragraph, profile, col, element)
        previous = paragraph
    if len(text_sizes) > 1:
        common = text_sizes.most_common(1)[0][0]
        odd = next(
            p for p in parts.body
            if not is_heading(p) and any(r.size_pt != common for r in p.visible_runs)
        )  # fmt: skip
        listed = ", ".join(f"{fmt_pt(s)} pt" for s in sorted(text_sizes))
        col.at_paragraph(
            "F-BODY-1", odd, "body",
            Msg(f"một cỡ chữ cho toàn bộ nội dung ({fmt_pt(common)} pt)",
                f"one size for the whole body ({fmt_pt(common)} pt)"),
            Msg(f"nhiều cỡ chữ: {listed}", f"several sizes: {listed}"),
            Msg(f"Đặt cùng một cỡ chữ ({fmt_pt(common)} pt) cho toàn bộ nội dung.",
                f"Use one size ({fmt_pt(common)} pt) for the whole body."),
        )  # fmt: skip
    _final_stop(parts.body[-1], col)


def _alignment(paragraph: ParagraphView, profile: FormatProfile, col: Collector) -> None:
    if paragraph.alignment == profile.body.align:
        return
    col.at_paragraph(
        "F-BODY-2", paragraph, "body",
        align_msg(profile.body.align),
        align_msg(paragraph.alignment),
        Msg("Căn đều hai lề (Ctrl+J).", "Justify the paragraph (Ctrl+J)."),
        group=True,
    )  # fmt: skip


def _indent(paragraph: ParagraphView, profile: FormatProfile, col: Collector) -> None:
    body = profile.body
    value = paragraph.first_line_mm
    low, high = body.first_line_indent_error_range_mm
    warn_low, warn_high = body.first_line_indent_warning_range_mm
    if low <= value <= high and warn_low <= value <= warn_high:
        return
    severity: Severity = "error" if not low <= value <= high else "warning"
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    col.at_paragraph(
        "F-BODY-3", paragraph, "body",
        Msg(f"thụt đầu dòng khoảng {body.first_line_indent_mm:g} mm",
            f"first-line indent about {body.first_line_indent_mm:g} mm"),
        Msg(f"{shown} mm" + (" (treo)" if value < 0 else ""),
            f"{shown} mm" + (" (hanging)" if value < 0 else "")),
        Msg(f"Paragraph → Indentation → Special: First line, By: "
            f"{body.first_line_indent_mm / 10:g} cm.",
            f"Paragraph → Indentation → Special: First line, By: "
            f"{body.first_line_indent_mm / 10:g} cm."),
        severity,
        group=True,
    )  # fmt: skip


def _spacing(
    paragraph: ParagraphView,
    previous: ParagraphView | None,
    profile: FormatProfile,
    col: Collector,
    element: str,
) -> None:
    minimum = profile.body.min_paragraph_spacing_pt
    before = _AUTO_SPACING_PT if paragraph.before_autospacing else paragraph.space_before_pt
    after = _AUTO_SPACING_PT if paragraph.after_autospacing else paragraph.space_after_pt
    collapsed = (
        paragraph.contextual_spacing
        and previous is not None
        and previous.style_id == paragraph.style_id
    )
    if before + after >= minimum and not collapsed:
        return
    actual = (
        Msg(f"trước {before:g} pt, sau {after:g} pt", f"before {before:g} pt, after {after:g} pt")
        if not collapsed
        else Msg("0 pt (bỏ khoảng cách giữa các đoạn cùng kiểu)",
                 "0 pt (“don't add space between paragraphs of the same style”)")
    )  # fmt: skip
    col.at_paragraph(
        "F-BODY-4", paragraph, element,
        Msg(f"khoảng cách đoạn ít nhất {minimum:g} pt",
            f"paragraph spacing at least {minimum:g} pt"),
        actual,
        Msg(f"Paragraph → Spacing → After: {profile.body.space_after_pt:g} pt (bỏ chọn “Don't add "
            "space between paragraphs of the same style”).",
            f"Paragraph → Spacing → After: {profile.body.space_after_pt:g} pt (untick “Don't add "
            "space between paragraphs of the same style”)."),
        group=True,
    )  # fmt: skip


def _line_spacing(
    paragraph: ParagraphView, profile: FormatProfile, col: Collector, element: str
) -> None:
    low, high = profile.body.line_spacing_range_pt
    if paragraph.line_rule == "exact" and paragraph.line is not None:
        if low <= paragraph.line / 20 <= high:
            return
        actual = Msg(f"chính xác {paragraph.line / 20:g} pt", f"exactly {paragraph.line / 20:g} pt")
    elif paragraph.line_rule == "atLeast" and paragraph.line is not None:
        actual = Msg(
            f"tối thiểu {paragraph.line / 20:g} pt", f"at least {paragraph.line / 20:g} pt"
        )
    else:
        lines = (paragraph.line or 240) / 240
        actual = Msg(f"{lines:g} dòng (Multiple/Single)", f"{lines:g} lines (multiple/single)")
    col.at_paragraph(
        "F-BODY-5", paragraph, element,
        Msg(f"giãn dòng chính xác (Exactly) {low:g}–{high:g} pt",
            f"line spacing exactly {low:g}–{high:g} pt"),
        actual,
        Msg(f"Paragraph → Line spacing: Exactly, At: {profile.body.line_spacing_pt:g} pt.",
            f"Paragraph → Line spacing: Exactly, At: {profile.body.line_spacing_pt:g} pt."),
        group=True,
    )  # fmt: skip


def _final_stop(paragraph: ParagraphView, col: Collector) -> None:
    text = norm(paragraph.full_text)
    if text.endswith(".") and not text.endswith("./."):
        return
    ending = text[-3:] if text else ""
    col.at_paragraph(
        "F-BODY-6", paragraph, "body",
        Msg("nội dung kết thúc bằng dấu chấm “.”", "the body ends with a full stop “.”"),
        Msg(f"kết thúc bằng “{ending}”", f"ends with “{ending}”"),
        Msg("Kết thúc đoạn cuối bằng một dấu chấm (không dùng “./.”).",
            "End the last paragraph with one full stop (not “./.”)."),
    )  # fmt: skip
