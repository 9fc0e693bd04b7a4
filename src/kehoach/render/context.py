"""ComposedDocument → the template context (every variable templates/README.md lists).

Text values are :class:`markupsafe.Markup` made by :mod:`kehoach.render.wml` (escaped,
NFC, line breaks as ``<w:br/>``); "runs" values are ``<w:r>`` elements for ``{{r … }}``;
``table`` and ``section_break`` values are whole elements for ``{{p … }}``. Text a
profile style writes IN HOA (``TextStyle.upper``) is upper-cased here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from kehoach.compose.document import AppendixPart, Block, ComposedDocument, Para
from kehoach.profiles import FormatProfile
from kehoach.render.sections import HeaderRef, page_geometry, section_break_xml, section_xml
from kehoach.render.styles import STYLE_IDS, split_width, text_width
from kehoach.render.tables import table_markup
from kehoach.render.wml import runs_markup, text_markup

CONTEXT_VARIABLES: tuple[str, ...] = (
    "superior_body",
    "issuing_body",
    "star",
    "number_line",
    "draft_label",
    "party_title",
    "date_line",
    "type_name",
    "subject",
    "separator",
    "body",
    "recipients_label",
    "recipients",
    "signature_authority",
    "signature_position",
    "signature_blank_lines",
    "signer",
    "appendices",
    "layout",
    "final_section",
)
"""Every variable the renderer provides (extra_context may add more)."""


@dataclass(frozen=True, slots=True)
class BlockView:
    """One body block. ``kind`` is ``paragraph`` or ``table``.

    Paragraphs: ``role`` (``heading1``…``center``), ``style`` (its style id), ``runs``.
    Tables: ``table`` (a ``w:tbl``), ``caption`` and ``unit`` (text or ``None``).
    """

    kind: str
    role: str
    style: str
    runs: Markup
    text: str
    table: Markup | None = None
    caption: Markup | None = None
    unit: Markup | None = None


@dataclass(frozen=True, slots=True)
class AppendixView:
    """One appendix: its heading lines, blocks and the break that starts its section."""

    label: Markup
    title: Markup
    reference: Markup
    blocks: tuple[BlockView, ...]
    landscape: bool
    section_break: Markup  # a w:p ending the previous section (for {{p … }})


@dataclass(frozen=True, slots=True)
class LayoutView:
    """Column widths (twips) of the header and signature tables, and the text width."""

    text_width: int
    header_left: int
    header_right: int
    signature_left: int
    signature_right: int


def _blocks(blocks: tuple[Block, ...], width: int) -> tuple[BlockView, ...]:
    views = []
    for block in blocks:
        if isinstance(block, Para):
            views.append(
                BlockView(
                    "paragraph",
                    block.role,
                    STYLE_IDS.get(block.role, STYLE_IDS["body"]),
                    runs_markup(block.runs),
                    block.text,
                )
            )
        else:
            views.append(
                BlockView(
                    "table",
                    "table",
                    STYLE_IDS["table_grid"],
                    Markup(""),
                    "",
                    table=table_markup(block, width),
                    caption=text_markup(block.caption) if block.caption else None,
                    unit=text_markup(block.unit) if block.unit else None,
                )
            )
    return tuple(views)


def _appendices(
    parts: tuple[AppendixPart, ...], profile: FormatProfile, refs: tuple[HeaderRef, ...]
) -> tuple[tuple[AppendixView, ...], Markup]:
    """The appendix views and the final section (of the last appendix or the main text).

    Each appendix opens a section (F-APX-1) that restarts page numbers at 1
    (F-PAGENUM-4); the paragraph ending the previous section carries that section's
    properties, the body's last ``w:sectPr`` those of the last section.
    """
    views = []
    previous = section_xml(profile, refs)  # the main text
    for part in parts:
        width = page_geometry(profile, landscape=part.landscape).text_width
        views.append(
            AppendixView(
                label=text_markup(part.label, upper=profile.appendix_label.upper),
                title=text_markup(part.title, upper=profile.appendix_title.upper),
                reference=text_markup(part.reference),
                blocks=_blocks(part.blocks, width),
                landscape=part.landscape,
                section_break=Markup(section_break_xml(previous)),
            )
        )
        previous = section_xml(profile, refs, landscape=part.landscape, restart_numbering=True)
    return tuple(views), Markup(previous)


def _optional(text: str | None, *, upper: bool = False) -> Markup | None:
    return text_markup(text, upper=upper) if text else None


def build_context(doc: ComposedDocument, refs: tuple[HeaderRef, ...]) -> dict[str, Any]:
    """The template context of ``doc`` (``refs``: the template's header references)."""
    p = doc.profile
    width = text_width(p)
    header = split_width(width, p.header_left_fraction)
    signature = split_width(width, p.recipients_left_fraction)
    appendices, final_section = _appendices(doc.appendices, p, refs)
    return {
        "superior_body": _optional(doc.superior_body, upper=p.superior_body.upper),
        "issuing_body": text_markup(doc.issuing_body, upper=p.issuing_body.upper),
        "star": text_markup(p.star_text),
        "number_line": text_markup(doc.number_line),
        "draft_label": _optional(doc.draft_label),
        "party_title": text_markup(p.party_title_text, upper=p.party_title.upper),
        "date_line": text_markup(doc.date_line),
        "type_name": text_markup(doc.type_name, upper=p.type_name.upper),
        "subject": runs_markup(doc.subject, upper=p.subject.upper),
        "separator": text_markup(p.subject_separator),
        "body": _blocks(doc.body, width),
        "recipients_label": text_markup(p.recipients_label_text),
        "recipients": tuple(text_markup(r) for r in doc.recipients),
        "signature_authority": _optional(
            doc.signature_authority, upper=p.signature_authority.upper
        ),
        "signature_position": _optional(doc.signature_position, upper=p.signature_position.upper),
        "signature_blank_lines": p.signature_blank_lines,
        "signer": text_markup(doc.signer, upper=p.signer.upper),
        "appendices": appendices,
        "layout": LayoutView(width, *header, *signature),
        "final_section": final_section,
    }
