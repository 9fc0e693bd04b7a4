"""The frame every Party document shares: header, symbols, citation, Nơi nhận, signature.

Plans and reports differ in their body; the lines around it are written here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from kehoach.compose.document import AppendixPart, Block, ComposedDocument, Run, map_texts
from kehoach.compose.text import strip_end_punctuation
from kehoach.model.parts import DocumentHeader, Recipients, Signature
from kehoach.orgs import is_organ_name
from kehoach.profiles import FormatProfile
from kehoach.vi import body_code, convert_tone_style, date_line, doc_number, short_date, type_code


def document_codes(header: DocumentHeader, type_name: str) -> tuple[str, str]:
    """The type and body symbols: given in the header, else derived (F-SYM-1, F-ORGSYM-1)."""
    return (
        header.type_code or type_code(type_name),
        header.body_code or body_code(header.issuing_body),
    )


def issuer_phrase(header: DocumentHeader, signature: Signature) -> str:
    """Who issued the document, as citations write it: "Ban Thường vụ Thị ủy Sa Pa".

    A body signing for itself ("T/M Đảng ủy" of "Đảng ủy xã Bản Hồ") is named once. An
    issuing body that is an organ of the body above it ("Ban Thường trực" under "Ủy ban
    MTTQ Việt Nam xã Lương Minh", "Ban Tuyên giáo" under "Tỉnh ủy Lào Cai") is named
    with that body: "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh".
    """
    body, behalf = header.issuing_body, signature.on_behalf_of
    parent = header.direct_superior
    if parent and is_organ_name(body):
        body = f"{body} {parent}"
    if signature.authority not in ("T/M", "T/L") or not behalf:
        return body
    if f"{_same_words(body)} ".startswith(f"{_same_words(behalf)} "):
        return body
    return f"{behalf} {body}"


def _same_words(text: str) -> str:
    """``text`` compared without case or tone-mark style ("ĐẢNG ỦY" = "Đảng uỷ")."""
    return " ".join(convert_tone_style(text, "new").casefold().split())


def citation(type_name: str, header: DocumentHeader, signature: Signature) -> str:
    """ "Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban Thường vụ Thị ủy Sa Pa" (F-CITE-1)."""
    codes = document_codes(header, type_name)
    number = doc_number(header.number, *codes).removeprefix("Số ")
    text = f"{type_name} số {number}"
    if header.full_date:
        text += f", ngày {short_date(header.full_date)}"
    return f"{text} của {issuer_phrase(header, signature)}"


def recipient_lines(recipients: Recipients, *, first: str | None = None) -> tuple[str, ...]:
    """ "- item;" lines and the closing "- Lưu ….": kehoach writes the punctuation (F-RECIP-3)."""
    items = ([first] if first else []) + [strip_end_punctuation(i) for i in recipients.items]
    lines = [f"- {item};" for item in items]
    lines.append(f"- Lưu {strip_end_punctuation(recipients.filing)}.")
    return tuple(lines)


def frame_document(
    *,
    profile: FormatProfile,
    header: DocumentHeader,
    type_name: str,
    subject: Sequence[Run],
    body: Sequence[Block],
    recipients: Recipients,
    signature: Signature,
    appendices: Sequence[AppendixPart] = (),
    keywords: Sequence[str] = (),
    tone_style: Literal["old", "new"] | None = None,
) -> ComposedDocument:
    """A whole document: the body framed by header, title, Nơi nhận and signature."""
    type_c, body_c = document_codes(header, type_name)
    authority, position = signature.lines()
    document = ComposedDocument(
        profile=profile,
        # A chain of superiors is one paragraph, a line each (F-ORG-1/2).
        superior_body="\n".join(header.superior_chain).upper() or None,
        issuing_body=header.issuing_body.upper(),
        number_line=doc_number(header.number, type_c, body_c),
        date_line=date_line(header.place, header.date),
        draft_label=header.draft_label,
        type_name=type_name.upper(),
        subject=tuple(subject),
        body=tuple(body),
        recipients=recipient_lines(recipients),
        signature_authority=authority,
        signature_position=position,
        signer=signature.signer,
        appendices=tuple(appendices),
        title=f"{type_name} {''.join(r.text for r in subject)}",
        keywords=tuple(keywords),
    )
    return with_tone_style(document, tone_style)


def with_tone_style(
    document: ComposedDocument, style: Literal["old", "new"] | None
) -> ComposedDocument:
    """The document in one tone-mark style when ``format.tone_style`` asks (never silently)."""
    if style is None:
        return document
    return map_texts(document, lambda text: convert_tone_style(text, style))
