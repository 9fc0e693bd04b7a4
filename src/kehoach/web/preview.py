"""A composed document as HTML that reads like the printed page (the page's preview).

Everything is escaped; the structure follows :class:`kehoach.ComposedDocument`, so
what the preview shows is what the DOCX holds (same numbers, dates, bullets). The
page's stylesheet gives the look; the classes are:

- ``kh-doc``: the whole document (one ``<article>``).
- ``kh-header``: the two-column header table; cells ``kh-header-left`` (superior
  body ``kh-superior``, issuing body ``kh-issuing``, star ``kh-star``, number
  ``kh-number``, draft label ``kh-draft``) and ``kh-header-right`` (party title
  ``kh-party``, date line ``kh-date``).
- ``kh-title``: type name ``kh-type``, subject ``kh-subject``, separator ``kh-sep``.
- ``kh-body``: paragraphs ``<p class="kh-p kh-ROLE">`` with ROLE one of
  heading1…heading4, body, bullet1, bullet2, basis, center; runs in ``<b>``,
  ``<i>``, ``<u>``.
- ``kh-table`` (``<table>``; caption ``kh-caption``, unit line ``kh-unit``; header
  cells ``<th>``; alignment ``kh-left``/``kh-center``/``kh-right``; column widths as
  inline percentages).
- ``kh-closing``: the recipients block ``kh-recipients`` (label ``kh-recipients-label``,
  lines ``kh-recipient``) and the signature ``kh-signature`` (``kh-authority``,
  ``kh-position``, ``kh-signer``).
- ``kh-appendix``: each appendix (``kh-appendix-label``, ``kh-appendix-title``,
  ``kh-appendix-ref``), starting a new page in print.
"""

from __future__ import annotations

from html import escape

from kehoach.compose import ComposedDocument
from kehoach.compose.document import Block, Cell, Para, Run, TableData

__all__ = ["document_html"]


def document_html(doc: ComposedDocument) -> str:
    """The HTML of ``doc`` (a fragment: one ``<article class="kh-doc">``)."""
    profile = doc.profile
    left = [
        _line("kh-superior", doc.superior_body),
        _line("kh-issuing", doc.issuing_body),
        _line("kh-star", profile.star_text),
        _line("kh-number", doc.number_line),
        _line("kh-draft", doc.draft_label),
    ]
    right = [_line("kh-party", profile.party_title_text), _line("kh-date", doc.date_line)]
    parts = [
        '<article class="kh-doc">',
        '<table class="kh-header"><tr>',
        f'<td class="kh-header-left">{"".join(left)}</td>',
        f'<td class="kh-header-right">{"".join(right)}</td>',
        "</tr></table>",
        '<div class="kh-title">',
        _line("kh-type", doc.type_name),
        f'<div class="kh-subject">{_runs(doc.subject)}</div>',
        _line("kh-sep", profile.subject_separator),
        "</div>",
        f'<div class="kh-body">{_blocks(doc.body)}</div>',
        '<table class="kh-closing"><tr><td class="kh-recipients">',
        _line("kh-recipients-label", profile.recipients_label_text),
        "".join(_line("kh-recipient", r) for r in doc.recipients),
        '</td><td class="kh-signature">',
        _line("kh-authority", doc.signature_authority),
        _line("kh-position", doc.signature_position),
        _line("kh-signer", doc.signer),
        "</td></tr></table>",
    ]
    for appendix in doc.appendices:
        parts += [
            '<section class="kh-appendix">',
            _line("kh-appendix-label", appendix.label),
            _line("kh-appendix-title", appendix.title),
            _line("kh-appendix-ref", appendix.reference),
            _blocks(appendix.blocks),
            "</section>",
        ]
    parts.append("</article>")
    return "".join(parts)


def _line(css: str, text: str | None) -> str:
    return "" if not text else f'<div class="{css}">{escape(text)}</div>'


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>")
        if run.underline:
            text = f"<u>{text}</u>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _blocks(blocks: tuple[Block, ...]) -> str:
    return "".join(
        f'<p class="kh-p kh-{b.role}">{_runs(b.runs)}</p>' if isinstance(b, Para) else _table(b)
        for b in blocks
    )


def _table(table: TableData) -> str:
    total = sum(table.widths) or 1.0
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths)
    head = "".join(_cell("th", c) for c in table.header)
    rows = "".join(f"<tr>{''.join(_cell('td', c) for c in row)}</tr>" for row in table.rows)
    return (
        _line("kh-caption", table.caption)
        + _line("kh-unit", table.unit)
        + f'<table class="kh-table"><colgroup>{cols}</colgroup>'
        + (f"<thead><tr>{head}</tr></thead>" if table.header else "")
        + f"<tbody>{rows}</tbody></table>"
    )


def _cell(tag: str, cell: Cell) -> str:
    text = escape(cell.text).replace("\n", "<br>")
    if cell.italic:
        text = f"<i>{text}</i>"
    if cell.bold:
        text = f"<b>{text}</b>"
    return f'<{tag} class="kh-{cell.align}">{text}</{tag}>'
