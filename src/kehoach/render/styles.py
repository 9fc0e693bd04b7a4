"""The named styles of a template, and the profile's values written into them.

A template defines one paragraph style per role (``KH Body``, ``KH Heading 1``…, the
header-block and signature styles) and three table styles. At render time the values
of ``doc.profile`` — font, sizes, bold/italic/underline, alignment, indents, spacing —
are written into those styles (:class:`StylePatcher`), so a document always matches its
profile even when the template was restyled or the profile differs from the template's
defaults (body 15 pt, line spacing 22 pt…). Values set only on styles count (F-DOCX-2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from threading import Lock

from lxml import etree

from kehoach.profiles import FormatProfile, TextStyle, mm_to_twips
from kehoach.render.metrics import text_width_twips
from kehoach.render.wml import W_NS

_W = f"{{{W_NS}}}"


@dataclass(frozen=True)
class StyleDef:
    """A style every template must define (id, display name, kind, structure)."""

    key: str  # role/element name used in code and templates/README.md
    id: str
    name: str
    kind: str = "paragraph"  # or "table"
    based_on: str | None = None
    next: str | None = None
    outline_level: int | None = None


_BODY = "KHBody"
STYLES: tuple[StyleDef, ...] = (
    StyleDef("heading1", "KHHeading1", "KH Heading 1", based_on=_BODY, next=_BODY, outline_level=0),
    StyleDef("heading2", "KHHeading2", "KH Heading 2", based_on=_BODY, next=_BODY, outline_level=1),
    StyleDef("heading3", "KHHeading3", "KH Heading 3", based_on=_BODY, next=_BODY, outline_level=2),
    StyleDef("heading4", "KHHeading4", "KH Heading 4", based_on=_BODY, next=_BODY, outline_level=3),
    StyleDef("body", _BODY, "KH Body", based_on="Normal", next=_BODY),
    StyleDef("bullet1", "KHBullet1", "KH Bullet 1", based_on=_BODY, next="KHBullet1"),
    StyleDef("bullet2", "KHBullet2", "KH Bullet 2", based_on=_BODY, next="KHBullet2"),
    StyleDef("basis", "KHBasis", "KH Basis", based_on=_BODY, next="KHBasis"),
    StyleDef("center", "KHCenter", "KH Center", based_on=_BODY, next=_BODY),
    StyleDef("table_caption", "KHTableCaption", "KH Table Caption", based_on=_BODY),
    StyleDef("superior_body", "KHSuperiorBody", "KH Superior Body", based_on="Normal"),
    StyleDef("issuing_body", "KHIssuingBody", "KH Issuing Body", based_on="Normal"),
    StyleDef("star", "KHStar", "KH Star", based_on="Normal"),
    StyleDef("number", "KHNumber", "KH Number", based_on="Normal"),
    StyleDef("draft", "KHDraft", "KH Draft", based_on="Normal"),
    StyleDef("party_title", "KHPartyTitle", "KH Party Title", based_on="Normal"),
    StyleDef("date", "KHDate", "KH Date", based_on="Normal"),
    StyleDef("type_name", "KHTypeName", "KH Type Name", based_on="Normal", next="KHSubject"),
    StyleDef("subject", "KHSubject", "KH Subject", based_on="Normal", next="KHSeparator"),
    StyleDef("separator", "KHSeparator", "KH Separator", based_on="Normal", next=_BODY),
    StyleDef("recipients_label", "KHRecipientsLabel", "KH Recipients Label", based_on="Normal"),
    StyleDef("recipients_item", "KHRecipientsItem", "KH Recipients Item", based_on="Normal"),
    StyleDef(
        "signature_authority", "KHSignatureAuthority", "KH Signature Authority", based_on="Normal"
    ),
    StyleDef(
        "signature_position", "KHSignaturePosition", "KH Signature Position", based_on="Normal"
    ),
    StyleDef("signer", "KHSigner", "KH Signer", based_on="Normal"),
    StyleDef("appendix_label", "KHAppendixLabel", "KH Appendix Label", based_on="Normal"),
    StyleDef("appendix_title", "KHAppendixTitle", "KH Appendix Title", based_on="Normal"),
    StyleDef(
        "appendix_reference", "KHAppendixReference", "KH Appendix Reference", based_on="Normal"
    ),
    StyleDef("appendix_unit", "KHAppendixUnit", "KH Appendix Unit", based_on="Normal"),
    StyleDef("table_text", "KHTableText", "KH Table Text", based_on="Normal"),
    StyleDef("table_header", "KHTableHeader", "KH Table Header", based_on="Normal"),
    StyleDef("page_number", "KHPageNumber", "KH Page Number", based_on="Normal"),
    StyleDef("header_table", "KHHeaderTable", "KH Header Table", kind="table"),
    StyleDef("signature_table", "KHSignatureTable", "KH Signature Table", kind="table"),
    StyleDef("table_grid", "KHTableGrid", "KH Table Grid", kind="table"),
)
STYLE_IDS: dict[str, str] = {s.key: s.id for s in STYLES}
"""Role or element → style id (``"body"`` → ``"KHBody"``)."""

# F-TITLE-3: the line under the Party title is a single 3/4 pt bottom border, 1 pt below
# the text, narrowed by indents to the title's width (+2 % so the title never wraps).
_RULE_SIZE_EIGHTHS = 6
_RULE_SPACE_PT = 1
_RULE_SLACK = 1.02


@dataclass(frozen=True)
class ParaSpec:
    """The formatting a profile gives one paragraph style (lengths in twips)."""

    size_pt: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "left"
    first_line: int = 0
    left: int = 0
    right: int = 0
    before: int = 0
    after: int = 0
    line: int = 240  # with line_rule "auto": single spacing (F-DOCX-3)
    line_rule: str = "auto"
    keep_next: bool = False
    rule_below: bool = False


def split_width(total: int, left_fraction: float) -> tuple[int, int]:
    """Two column widths (twips) for a left column taking ``left_fraction`` of ``total``."""
    left = round(total * left_fraction)
    return left, total - left


def text_width(profile: FormatProfile) -> int:
    """The portrait text width in twips (165 mm = 9355 for the Party profile)."""
    return (
        mm_to_twips(profile.page_width_mm)
        - mm_to_twips(profile.margins.left)
        - mm_to_twips(profile.margins.right)
    )


def _text(style: TextStyle) -> ParaSpec:
    # Header block, title block, signature, Nơi nhận: single spacing, 0 before/after
    # (F-DOCX-3), sizes and weights from the profile (F-TITLE-2, F-ORG-2, F-NUM-4, …).
    return ParaSpec(
        size_pt=style.size_pt,
        bold=style.bold,
        italic=style.italic,
        underline=style.underline,
        align=style.align,
    )


def paragraph_specs(profile: FormatProfile) -> dict[str, ParaSpec]:
    """Style id → formatting, for every paragraph style, from ``profile``."""
    body = profile.body
    indent = mm_to_twips(body.first_line_indent_mm)
    # F-BODY-1..5: body size, justified, first-line indent, 6 pt after, exact spacing.
    running = ParaSpec(
        size_pt=body.size_pt,
        align=body.align,
        first_line=indent,
        before=round(body.space_before_pt * 20),
        after=round(body.space_after_pt * 20),
        line=round(body.line_spacing_pt * 20),
        line_rule="exact",
    )
    centred = replace(running, align="center", first_line=0)
    specs = {
        "KHBody": running,
        "KHBullet1": running,
        "KHBullet2": running,
        "KHBasis": running,  # F-BASIS-1: upright, like the body
        "KHCenter": centred,
        "KHTableCaption": replace(centred, bold=True, keep_next=True),
    }
    # F-HEAD-2: headings at body size and body line spacing, weight from the profile.
    for level in range(1, 5):
        heading = profile.headings[min(level, len(profile.headings)) - 1]
        specs[f"KHHeading{level}"] = replace(
            running,
            bold=heading.bold,
            italic=heading.italic,
            first_line=indent if heading.indent else 0,
            keep_next=True,
        )
    title_cell = split_width(text_width(profile), profile.header_left_fraction)[1]
    title = profile.party_title
    title_width = text_width_twips(
        profile.party_title_text.upper() if title.upper else profile.party_title_text,
        title.size_pt,
        bold=title.bold,
    )
    side = max(0, round((title_cell - title_width * _RULE_SLACK) / 2))
    specs |= {
        "KHSuperiorBody": _text(profile.superior_body),
        "KHIssuingBody": _text(profile.issuing_body),
        "KHStar": _text(profile.star),
        "KHNumber": _text(profile.number),
        "KHDraft": _text(profile.draft_label),
        "KHPartyTitle": replace(_text(title), left=side, right=side, rule_below=True),  # F-TITLE-3
        "KHDate": _text(profile.date_line),
        # F-SUBJ-5: space before the type name and after the "-----" separator.
        "KHTypeName": replace(
            _text(profile.type_name), before=round(profile.title_space_before_pt * 20)
        ),
        "KHSubject": _text(profile.subject),
        "KHSeparator": replace(
            _text(profile.subject_separator_style), after=round(profile.title_space_after_pt * 20)
        ),
        "KHRecipientsLabel": _text(profile.recipients_label),
        "KHRecipientsItem": _text(profile.recipients_item),
        "KHSignatureAuthority": _text(profile.signature_authority),
        "KHSignaturePosition": _text(profile.signature_position),
        "KHSigner": _text(profile.signer),
        "KHAppendixLabel": _text(profile.appendix_label),
        "KHAppendixTitle": _text(profile.appendix_title),
        "KHAppendixReference": _text(profile.appendix_reference),
        "KHAppendixUnit": replace(_text(profile.appendix_unit), keep_next=True),
        "KHTableText": _text(profile.table_text),
        "KHTableHeader": _text(profile.table_header),
        "KHPageNumber": _text(profile.page_number),  # F-PAGENUM-3
    }
    return specs


# Schema order of the children we write (WordprocessingML transitional); Word rejects
# elements out of order, so new ones are inserted at their place.
# fmt: off
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)
_STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
# fmt: on


def set_child(
    parent: etree._Element, name: str, order: tuple[str, ...], attrs: dict[str, str] | None = None
) -> etree._Element:
    """The ``w:name`` child of ``parent`` (created at its schema place), attributes set."""
    tag = _W + name
    child = parent.find(tag)
    if child is None:
        child = etree.Element(tag)
        rank = order.index(name)
        for i, sibling in enumerate(parent):
            local = etree.QName(sibling).localname
            if local in order and order.index(local) > rank:
                parent.insert(i, child)
                break
        else:
            parent.append(child)
    else:
        child.attrib.clear()
    for key, value in (attrs or {}).items():
        child.set(_W + key, value)
    return child


def _on_off(value: bool) -> dict[str, str]:
    return {} if value else {"val": "0"}


def run_properties(rpr: etree._Element, font: str, size_pt: float | None = None) -> None:
    """Font in all four ``w:rFonts`` slots (theme fonts removed), black, size (F-FONT-1)."""
    slots = {"ascii": font, "hAnsi": font, "cs": font, "eastAsia": font}
    set_child(rpr, "rFonts", _RPR_ORDER, slots)
    set_child(rpr, "color", _RPR_ORDER, {"val": "000000"})
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        set_child(rpr, "sz", _RPR_ORDER, {"val": half_points})
        set_child(rpr, "szCs", _RPR_ORDER, {"val": half_points})


def apply_spec(style: etree._Element, spec: ParaSpec, font: str) -> None:
    """Write ``spec`` into the ``w:pPr``/``w:rPr`` of a ``w:style`` element."""
    ppr = set_child_keep(style, "pPr", _STYLE_ORDER)
    if spec.keep_next:
        set_child(ppr, "keepNext", _PPR_ORDER)
    if spec.rule_below:
        border = set_child_keep(ppr, "pBdr", _PPR_ORDER)
        set_child(
            border,
            "bottom",
            ("top", "left", "bottom", "right", "between", "bar"),
            {
                "val": "single",
                "sz": str(_RULE_SIZE_EIGHTHS),
                "space": str(_RULE_SPACE_PT),
                "color": "000000",
            },
        )
    set_child(
        ppr,
        "spacing",
        _PPR_ORDER,
        {
            "before": str(spec.before),
            "after": str(spec.after),
            "line": str(spec.line),
            "lineRule": spec.line_rule,
        },
    )
    set_child(
        ppr,
        "ind",
        _PPR_ORDER,
        {"left": str(spec.left), "right": str(spec.right), "firstLine": str(spec.first_line)},
    )
    set_child(ppr, "jc", _PPR_ORDER, {"val": spec.align})
    rpr = set_child_keep(style, "rPr", _STYLE_ORDER)
    run_properties(rpr, font, spec.size_pt)
    for name, on in (
        ("b", spec.bold),
        ("bCs", spec.bold),
        ("i", spec.italic),
        ("iCs", spec.italic),
    ):
        set_child(rpr, name, _RPR_ORDER, _on_off(on))
    set_child(rpr, "u", _RPR_ORDER, {"val": "single" if spec.underline else "none"})


def set_child_keep(parent: etree._Element, name: str, order: tuple[str, ...]) -> etree._Element:
    """Like :func:`set_child` but an existing child keeps its attributes and children."""
    child = parent.find(_W + name)
    return child if child is not None else set_child(parent, name, order)


def apply_profile(root: etree._Element, profile: FormatProfile) -> None:
    """Write ``profile`` into a ``w:styles`` tree: document defaults and every KH style."""
    defaults = set_child_keep(root, "docDefaults", ("docDefaults", "latentStyles", "style"))
    rpr_default = set_child_keep(defaults, "rPrDefault", ("rPrDefault", "pPrDefault"))
    rpr = set_child_keep(rpr_default, "rPr", ("rPr",))
    run_properties(rpr, profile.font, profile.body.size_pt)  # F-FONT-1 for every run
    specs = paragraph_specs(profile)
    for style in root.iterfind(_W + "style"):
        spec = specs.get(style.get(_W + "styleId", ""))
        if spec is not None:
            apply_spec(style, spec, profile.font)


def missing_styles(root: etree._Element) -> list[str]:
    """Names of the KH styles a ``w:styles`` tree lacks (a template must define all)."""
    present = {s.get(_W + "styleId") for s in root.iterfind(_W + "style")}
    return [s.name for s in STYLES if s.id not in present]


class StylePatcher:
    """``styles.xml`` of one template with a profile applied, cached per profile values."""

    _MAX_CACHED = 32

    def __init__(self, styles_xml: bytes) -> None:
        self._source = styles_xml
        self._cache: dict[object, bytes] = {}
        self._lock = Lock()

    def xml_for(self, profile: FormatProfile) -> bytes:
        """The patched ``styles.xml`` for ``profile``."""
        key = (
            profile.font,
            profile.body.size_pt,
            tuple(sorted(paragraph_specs(profile).items())),
        )
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        root = etree.fromstring(self._source)
        apply_profile(root, profile)
        data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        with self._lock:
            if len(self._cache) >= self._MAX_CACHED:
                self._cache.clear()
            self._cache[key] = data
        return data
