"""Resolve the format profile of a document: its guidance, then its own options."""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date

from kehoach.model import FormatOptions
from kehoach.profiles import FormatProfile, HeadingStyle, get_profile, profile_for_date
from kehoach.vi import PartialDate


def latest_day(day: date | PartialDate) -> date:
    """The last calendar day a (possibly partial) date can stand for.

    A draft dated "ngày    tháng 5 năm 2026" will be signed later, so the newest
    guidance it may fall under is the one to follow (F-SRC-1).
    """
    if isinstance(day, date):
        return day
    month = day.month or 12
    last = day.day or calendar.monthrange(day.year, month)[1]
    return date(day.year, month, last)


def resolve_profile(options: FormatOptions, day: date | PartialDate) -> FormatProfile:
    """The guidance profile for ``day`` (or the one named), with the document's choices."""
    base = get_profile(options.profile) if options.profile else profile_for_date(latest_day(day))
    h1, h2, h3, h4 = base.headings[:4]
    headings = (
        h1,
        h2,
        dataclasses.replace(h3, italic=options.level3_italic),
        HeadingStyle(
            options.level4_numbering,
            bold=options.level4_numbering == "decimal",
            italic=True,
            indent=h4.indent,
        ),
    )
    return dataclasses.replace(
        base,
        type_name=dataclasses.replace(base.type_name, size_pt=options.type_name_size),
        subject=dataclasses.replace(base.subject, size_pt=options.subject_size),
        subject_separator_style=dataclasses.replace(
            base.subject_separator_style, size_pt=options.subject_size
        ),
        body=dataclasses.replace(
            base.body, size_pt=options.body_size, line_spacing_pt=options.line_spacing_pt
        ),
        headings=headings,
        heading_separator=options.heading_separator,
        signature_blank_lines=options.signature_blank_lines,
        appendix_label_word=options.appendix_word,
        mirror_margins=options.double_sided,
    )
