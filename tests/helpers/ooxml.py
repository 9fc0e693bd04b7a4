"""A focused OOXML checker: what Microsoft Word refuses or "repairs" in a DOCX package.

LibreOffice opens almost anything; Word validates WordprocessingML against the
ECMA-376 / ISO/IEC 29500 (transitional) schema and rejects, or silently rewrites,
files that break it. :func:`violations` checks, in every XML part of a package:

- the child ORDER (and which children may appear, and how often) of the elements
  kehoach writes or patches: ``w:pPr``, ``w:rPr``, ``w:sectPr``, ``w:tblPr``,
  ``w:tcPr``, ``w:trPr``, ``w:style``, ``w:styles``, ``w:docDefaults``, ``w:settings``,
  ``w:tbl``/``w:tr``/``w:tc``, ``w:p``/``w:r``, borders and margins, ``w:font``. The
  sequences are the schema's (``wml.xsd``: CT_PPr, CT_ParaRPr, CT_SectPr, CT_TblPr,
  CT_TcPr, CT_TrPr, CT_Style, CT_Settings …; each list below names its type);
- the structure Word needs beyond the order: every ``w:tc`` ends with a ``w:p``, every
  ``w:tbl`` has ``w:tblPr``, a ``w:tblGrid`` as wide as each row and at least one row,
  the body ends with a paragraph and then its ``w:sectPr``, section breaks are not
  inside tables;
- the values of the attributes kehoach writes (on/off, alignment, measures, colours,
  widths, section and field types);
- the package: every part has a content type, every relationship points to a part and
  every ``r:…`` attribute of a part to one of its relationships, ids (``w:docPr``,
  bookmarks, style ids) are unique, style references resolve, core properties are
  well-formed Dublin Core (W3CDTF dates), text with edge spaces keeps them.

It is deliberately not a full schema validator: elements it has no sequence for are
only checked for the structure above. The result is a list of readable messages.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# --------------------------------------------------------------------------- sequences
# Each tuple is a schema sequence; a nested tuple is a choice (its members share one
# place and may come in any order). ``REPEATABLE`` lists children with maxOccurs > 1.

# fmt: off
_RANGE_MARKUP = (
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
    "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd", "proofErr", "permStart",
    "permEnd", "ins", "del", "moveFrom", "moveTo", "contentPart",
)
# EG_BlockLevelElts (body, cells, headers, footers)
_BLOCK = ("p", "tbl", "sdt", "customXml", "altChunk", *_RANGE_MARKUP)

# CT_PPr = CT_PPrBase + rPr, sectPr, pPrChange
PPR = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
# CT_ParaRPr (paragraph mark) ⊇ CT_RPr (runs, styles, defaults): EG_RPrBase in order
RPR = (
    "ins", "del", "moveFrom", "moveTo",
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange",
)
# CT_SectPr: EG_HdrFtrReferences, EG_SectPrContents, sectPrChange
SECTPR = (
    ("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz",
    "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange",
)
# CT_TblPr (CT_TblPrBase + tblPrChange)
TBLPR = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)
# CT_TcPr
TCPR = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
    ("cellIns", "cellDel", "cellMerge"), "tcPrChange",
)
# CT_TrPr: a choice of CT_TrPrBase's elements, then ins, del, trPrChange
TRPR = (
    ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
     "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"),
    "ins", "del", "trPrChange",
)
# CT_Style
STYLE = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
# CT_Settings
SETTINGS = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
    "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
    "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
    "rsids", "mathPr", "uiCompat97To2003", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)
# CT_Font
FONT = (
    "altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig",
    "embedRegular", "embedBold", "embedItalic", "embedBoldItalic",
)
_SIDES = ("top", "left", "start", "bottom", "right", "end")

SEQUENCES: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "document": ("background", "body"),
    "body": (_BLOCK, "sectPr"),
    "hdr": (_BLOCK,),
    "ftr": (_BLOCK,),
    "p": ("pPr", (
        "r", "hyperlink", "fldSimple", "smartTag", "bdo", "dir", "subDoc", "oMath",
        "oMathPara", "customXml", "sdt", *_RANGE_MARKUP,
    )),
    "r": ("rPr", (
        "br", "t", "contentPart", "delText", "instrText", "delInstrText", "noBreakHyphen",
        "softHyphen", "dayShort", "monthShort", "yearShort", "dayLong", "monthLong",
        "yearLong", "annotationRef", "footnoteRef", "endnoteRef", "separator",
        "continuationSeparator", "sym", "pgNum", "cr", "tab", "object", "pict", "fldChar",
        "ruby", "footnoteReference", "endnoteReference", "commentReference", "drawing",
        "ptab", "lastRenderedPageBreak",
    )),
    "tbl": ("tblPr", "tblGrid", ("tr", "customXml", "sdt", *_RANGE_MARKUP)),
    "tblGrid": ("gridCol", "tblGridChange"),
    "tr": ("tblPrEx", "trPr", ("tc", "customXml", "sdt", *_RANGE_MARKUP)),
    "tc": ("tcPr", _BLOCK),
    "pPr": PPR,
    "rPr": RPR,
    "sectPr": SECTPR,
    "tblPr": TBLPR,
    "tcPr": TCPR,
    "trPr": TRPR,
    "style": STYLE,
    "styles": ("docDefaults", "latentStyles", "style"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "rPrDefault": ("rPr",),
    "pPrDefault": ("pPr",),
    "settings": SETTINGS,
    "fonts": ("font",),
    "font": FONT,
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "tblBorders": (*_SIDES, "insideH", "insideV"),
    "tcBorders": (*_SIDES, "insideH", "insideV", "tl2br", "tr2bl"),
    "tblCellMar": _SIDES,
    "tcMar": _SIDES,
}
REPEATABLE = frozenset({
    "headerReference", "footerReference", "gridCol", "tblStylePr", "style", "font",
    "activeWritingStyle", "attachedSchema", "smartTagType", "lsdException",
    # content: any number
    *_BLOCK, "r", "hyperlink", "fldSimple", "smartTag", "bdo", "dir", "oMath", "oMathPara",
    "tr", "tc", "br", "t", "delText", "instrText", "delInstrText", "tab", "fldChar", "cr",
    "sym", "drawing", "ptab", "lastRenderedPageBreak", "noBreakHyphen", "softHyphen",
    "object", "pict", "ruby", "footnoteReference", "endnoteReference", "commentReference",
    "contentPart", "pgNum", "annotationRef", "footnoteRef", "endnoteRef", "separator",
    "continuationSeparator", "dayShort", "monthShort", "yearShort", "dayLong", "monthLong",
    "yearLong", "subDoc",
    # CT_TrPrBase is an unbounded choice
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
})
# fmt: on

# Attribute values (transitional simple types) for the attributes kehoach writes.
_ON_OFF = {"true", "false", "on", "off", "0", "1"}
_ON_OFF_ELEMENTS = frozenset(
    {
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "vanish",
        "webHidden",
        "noProof",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "widowControl",
        "contextualSpacing",
        "cantSplit",
        "tblHeader",
        "titlePg",
        "qFormat",
        "semiHidden",
        "unhideWhenUsed",
        "hidden",
        "locked",
        "mirrorMargins",
        "bidi",
        "rtl",
        "cs",
        "snapToGrid",
        "suppressAutoHyphens",
        "evenAndOddHeaders",
        "noWrap",
        "hideMark",
        "autoRedefine",
    }
)
_JC_PARAGRAPH = {
    "start",
    "center",
    "end",
    "both",
    "mediumKashida",
    "distribute",
    "numTab",
    "highKashida",
    "lowKashida",
    "thaiDistribute",
    "left",
    "right",
}
_JC_TABLE = {"center", "end", "left", "right", "start"}
_UNDERLINE = {
    "single",
    "words",
    "double",
    "thick",
    "dotted",
    "dottedHeavy",
    "dash",
    "dashedHeavy",
    "dashLong",
    "dashLongHeavy",
    "dotDash",
    "dashDotHeavy",
    "dotDotDash",
    "dashDotDotHeavy",
    "wave",
    "wavyHeavy",
    "wavyDouble",
    "none",
}
_WIDTH_TYPES = {"nil", "pct", "dxa", "auto"}
_INTEGER = re.compile(r"-?\d+\Z")
_UNSIGNED = re.compile(r"\d+\Z")
_HEX_COLOR = re.compile(r"(auto|[0-9A-Fa-f]{6})\Z")
_W3CDTF = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?\Z"
)
_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\Z")
# element → {attribute: allowed values | pattern}
_ATTRIBUTES: dict[str, dict[str, set[str] | re.Pattern[str]]] = {
    "spacing": {
        "before": _UNSIGNED,
        "after": _UNSIGNED,
        "line": _INTEGER,
        "lineRule": {"auto", "exact", "atLeast"},
    },
    "ind": {
        "left": _INTEGER,
        "right": _INTEGER,
        "start": _INTEGER,
        "end": _INTEGER,
        "firstLine": _UNSIGNED,
        "hanging": _UNSIGNED,
    },
    "pgSz": {"w": _UNSIGNED, "h": _UNSIGNED, "orient": {"portrait", "landscape"}},
    "pgMar": {
        "top": _INTEGER,
        "bottom": _INTEGER,
        "left": _UNSIGNED,
        "right": _UNSIGNED,
        "header": _UNSIGNED,
        "footer": _UNSIGNED,
        "gutter": _UNSIGNED,
    },
    "pgNumType": {"start": _UNSIGNED},
    "gridCol": {"w": _UNSIGNED},
    "sz": {"val": _UNSIGNED},
    "szCs": {"val": _UNSIGNED},
    "color": {"val": _HEX_COLOR},
    "u": {"val": _UNDERLINE},
    "lang": {"val": _LANG, "eastAsia": _LANG, "bidi": _LANG},
    "vAlign": {"val": {"top", "center", "both", "bottom"}},
    "headerReference": {"type": {"even", "default", "first"}},
    "footerReference": {"type": {"even", "default", "first"}},
    "fldChar": {"fldCharType": {"begin", "separate", "end"}},
    "tblLayout": {"type": {"fixed", "autofit"}},
    "tblLook": {
        "val": re.compile(r"[0-9A-Fa-f]{4}\Z"),
        "firstRow": _ON_OFF,
        "lastRow": _ON_OFF,
        "firstColumn": _ON_OFF,
        "lastColumn": _ON_OFF,
        "noHBand": _ON_OFF,
        "noVBand": _ON_OFF,
    },
    "style": {
        "type": {"paragraph", "character", "table", "numbering"},
        "default": _ON_OFF,
        "customStyle": _ON_OFF,
    },
    "outlineLvl": {"val": re.compile(r"[0-9]\Z")},
    "uiPriority": {"val": _INTEGER},
    "zoom": {"percent": re.compile(r"\d+%?\Z")},
    "defaultTabStop": {"val": _UNSIGNED},
    "characterSpacingControl": {
        "val": {"doNotCompress", "compressPunctuation", "compressPunctuationAndJapaneseKana"}
    },
}
_BORDER_PARENTS = frozenset({"pBdr", "tblBorders", "tcBorders"})
_BORDER_ATTRIBUTES: dict[str, set[str] | re.Pattern[str]] = {
    "sz": _UNSIGNED,
    "space": _UNSIGNED,
    "color": _HEX_COLOR,
}
_WIDTH_ELEMENTS = frozenset({"tblW", "tcW", "tblInd", "tblCellSpacing", "wBefore", "wAfter"})
_MARGIN_PARENTS = frozenset({"tblCellMar", "tcMar"})


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _is_w(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(f"{{{W}}}")


def _path(element: etree._Element) -> str:
    parts = []
    node: etree._Element | None = element
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        name = _local(node)
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        parts.append(name)
        node = parent
    return "/".join(reversed(parts))


def _ranks(sequence: Iterable[str | tuple[str, ...]]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for rank, item in enumerate(sequence):
        for name in (item,) if isinstance(item, str) else item:
            ranks.setdefault(name, rank)
    return ranks


_RANKS = {parent: _ranks(sequence) for parent, sequence in SEQUENCES.items()}


# --------------------------------------------------------------------------- XML parts


def check_order(part: str, root: etree._Element) -> list[str]:
    """Children out of schema order, unknown in their parent, or repeated once too often."""
    out = []
    for element in root.iter(f"{{{W}}}*"):
        ranks = _RANKS.get(_local(element))
        if ranks is None:
            continue
        last_rank, last_name = -1, ""
        seen: Counter[str] = Counter()
        for child in element:
            if not _is_w(child):
                continue  # other namespaces (w14, mc…) are not checked here
            name = _local(child)
            rank = ranks.get(name)
            where = f"{part}: {_path(child)}"
            if rank is None:
                out.append(f"{where}: w:{name} is not allowed in w:{_local(element)}")
                continue
            seen[name] += 1
            if seen[name] > 1 and name not in REPEATABLE:
                out.append(f"{where}: w:{name} appears more than once in w:{_local(element)}")
            if rank < last_rank:
                out.append(
                    f"{where}: w:{name} comes after w:{last_name} (schema order of"
                    f" w:{_local(element)})"
                )
            else:
                last_rank, last_name = rank, name
    return out


def check_structure(part: str, root: etree._Element) -> list[str]:
    """Tables, cells, body and section breaks as Word needs them."""
    out = []
    wq = f"{{{W}}}"
    for table in root.iter(wq + "tbl"):
        where = f"{part}: {_path(table)}"
        if table.find(wq + "tblPr") is None:
            out.append(f"{where}: w:tbl without w:tblPr")
        grid = table.find(wq + "tblGrid")
        rows = table.findall(wq + "tr")
        if grid is None:
            out.append(f"{where}: w:tbl without w:tblGrid")
        if not rows:
            out.append(f"{where}: w:tbl without any w:tr")
        columns = len(grid.findall(wq + "gridCol")) if grid is not None else 0
        for row in rows:
            cells = row.findall(wq + "tc")
            if not cells:
                out.append(f"{part}: {_path(row)}: w:tr without any w:tc")
            span = 0
            for cell in cells:
                value = cell.find(f"{wq}tcPr/{wq}gridSpan")
                span += int(value.get(wq + "val", "1")) if value is not None else 1
            before = row.find(f"{wq}trPr/{wq}gridBefore")
            after = row.find(f"{wq}trPr/{wq}gridAfter")
            for extra in (before, after):
                if extra is not None:
                    span += int(extra.get(wq + "val", "0"))
            if grid is not None and span != columns:
                out.append(
                    f"{part}: {_path(row)}: the row spans {span} grid columns,"
                    f" w:tblGrid has {columns}"
                )
    for cell in root.iter(wq + "tc"):
        blocks = [c for c in cell if _is_w(c) and _local(c) in ("p", "tbl", "sdt", "customXml")]
        if not blocks or _local(blocks[-1]) != "p":
            out.append(f"{part}: {_path(cell)}: a w:tc must end with a w:p")
    body = root.find(wq + "body")
    if body is not None:
        children = [c for c in body if isinstance(c.tag, str)]
        if not children or children[-1].tag != wq + "sectPr":
            out.append(f"{part}: w:body does not end with w:sectPr")
        elif len(children) < 2 or children[-2].tag != wq + "p":
            name = _local(children[-2]) if len(children) > 1 else "nothing"
            out.append(
                f"{part}: w:body ends with w:{name} before its w:sectPr; Word adds a"
                " paragraph there (end the body with a w:p)"
            )
    for sect in root.iter(wq + "sectPr"):
        parent = sect.getparent()
        if parent is not None and parent.tag == wq + "pPr":
            paragraph = parent.getparent()
            holder = paragraph.getparent() if paragraph is not None else None
            if holder is None or holder.tag != wq + "body":
                out.append(f"{part}: {_path(sect)}: a section break outside the body level")
        for kind in ("headerReference", "footerReference"):
            types = Counter(r.get(wq + "type", "default") for r in sect.findall(wq + kind))
            for value, count in types.items():
                if count > 1:
                    out.append(f"{part}: {_path(sect)}: {count} w:{kind} of type {value}")
    for size in root.iter(wq + "pgSz"):
        width, height = int(size.get(wq + "w", "0")), int(size.get(wq + "h", "0"))
        if (size.get(wq + "orient") == "landscape") != (width > height):
            out.append(f"{part}: {_path(size)}: orientation does not match w:w/w:h")
    return out


def check_attributes(part: str, root: etree._Element) -> list[str]:
    """Values of the attributes kehoach writes, against their simple types."""
    out = []
    wq = f"{{{W}}}"

    def test(element: etree._Element, name: str, allowed: set[str] | re.Pattern[str]) -> None:
        value = element.get(wq + name)
        if value is None:
            return
        ok = value in allowed if isinstance(allowed, set) else allowed.match(value)
        if not ok:
            out.append(f"{part}: {_path(element)}: w:{name}={value!r} is not a valid value")

    for element in root.iter(wq + "*"):
        name = _local(element)
        parent = element.getparent()
        parent_name = _local(parent) if parent is not None and _is_w(parent) else ""
        if name in _ON_OFF_ELEMENTS:
            test(element, "val", _ON_OFF)
        if name == "jc":
            table = parent_name in ("tblPr", "trPr", "tblPrEx")
            test(element, "val", _JC_TABLE if table else _JC_PARAGRAPH)
        if name in _WIDTH_ELEMENTS or parent_name in _MARGIN_PARENTS:
            test(element, "type", _WIDTH_TYPES)
            if element.get(wq + "type", "dxa") == "dxa":
                test(element, "w", _INTEGER)
        if parent_name in _BORDER_PARENTS:
            for attribute, allowed in _BORDER_ATTRIBUTES.items():
                test(element, attribute, allowed)
            if element.get(wq + "val") is None:
                out.append(f"{part}: {_path(element)}: a border without w:val")
            continue
        if parent_name in _MARGIN_PARENTS:
            continue
        for attribute, allowed in _ATTRIBUTES.get(name, {}).items():
            if name == "spacing" and parent_name == "rPr":
                continue  # character spacing: a signed twips value, not CT_Spacing
            test(element, attribute, allowed)
    return out


def check_text(part: str, root: etree._Element) -> list[str]:
    """``w:t`` and ``w:instrText`` with edge spaces keep them (``xml:space``)."""
    out = []
    for tag in ("t", "instrText", "delText"):
        for element in root.iter(f"{{{W}}}{tag}"):
            text = element.text or ""
            if text != text.strip(" \t\n") and element.get(_XML_SPACE) != "preserve":
                out.append(f"{part}: {_path(element)}: edge spaces without xml:space=preserve")
    return out


# --------------------------------------------------------------------------- package


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _relationships(names: set[str], data: dict[str, bytes], part: str) -> dict[str, etree._Element]:
    rels = _rels_name(part)
    if rels not in names:
        return {}
    return {
        r.get("Id", ""): r for r in etree.fromstring(data[rels]).iter(f"{{{PKG_REL}}}Relationship")
    }


def check_package(files: dict[str, bytes]) -> list[str]:
    """Content types, relationships and their targets, core properties."""
    out = []
    names = set(files)
    if "[Content_Types].xml" not in names:
        return ["[Content_Types].xml is missing"]
    types = etree.fromstring(files["[Content_Types].xml"])
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{{{CT}}}Default")
    }
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType")
        for o in types.iter(f"{{{CT}}}Override")
    }
    content_type = {}
    for name in sorted(names - {"[Content_Types].xml"}):
        if name.endswith("/"):
            continue
        extension = posixpath.basename(name).rpartition(".")[2].lower()
        kind = overrides.get(name) or defaults.get(extension)
        if kind is None:
            out.append(f"[Content_Types].xml: no content type for /{name}")
        content_type[name] = kind
    for name in overrides:
        if name not in names:
            out.append(f"[Content_Types].xml: Override for a missing part /{name}")
    for name in sorted(n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
        if source and source not in names and name != "_rels/.rels":
            out.append(f"{name}: relationships of a missing part /{source}")
        root = etree.fromstring(files[name])
        ids = Counter(r.get("Id") for r in root.iter(f"{{{PKG_REL}}}Relationship"))
        for rid, count in ids.items():
            if count > 1:
                out.append(f"{name}: relationship id {rid} is used {count} times")
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = _target(source if name != "_rels/.rels" else "", rel.get("Target", ""))
            if target not in names:
                out.append(f"{name}: {rel.get('Id')} points to a missing part /{target}")
    # parts reached through a relationship of a known type have that type's content type
    for name in sorted(n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
        for rel in etree.fromstring(files[name]).iter(f"{{{PKG_REL}}}Relationship"):
            expected = _PART_TYPES.get(rel.get("Type", "").rsplit("/", 1)[-1])
            target = _target(source if name != "_rels/.rels" else "", rel.get("Target", ""))
            if (
                expected
                and target in names
                and not (content_type.get(target) or "").endswith(expected)
            ):
                out.append(
                    f"{name}: /{target} has content type {content_type.get(target)},"
                    f" not …{expected}"
                )
    # the main document and every part it references
    package_rels = _relationships(names, files, "")
    main = [
        _target("", r.get("Target", ""))
        for r in package_rels.values()
        if r.get("Type", "").endswith("/officeDocument")
    ]
    if len(main) != 1:
        out.append(f"_rels/.rels: {len(main)} officeDocument relationships")
    elif not (content_type.get(main[0]) or "").endswith(".document.main+xml"):
        out.append(f"/{main[0]}: content type {content_type.get(main[0])} for the main document")
    for name in sorted(names):
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        root = etree.fromstring(files[name])
        rels = _relationships(names, files, name)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                if attribute.startswith(f"{{{R}}}") and value not in rels:
                    out.append(
                        f"{name}: {_path(element)}: r:{etree.QName(attribute).localname}"
                        f"={value} has no relationship"
                    )
    core = [n for n in names if (content_type.get(n) or "").endswith("core-properties+xml")]
    for name in core:
        out += check_core(name, etree.fromstring(files[name]))
    return out


# relationship type (last segment) → the end of the content type its target must have
_PART_TYPES = {
    "officeDocument": "main+xml",
    "styles": ".styles+xml",
    "settings": ".settings+xml",
    "fontTable": ".fontTable+xml",
    "webSettings": ".webSettings+xml",
    "numbering": ".numbering+xml",
    "header": ".header+xml",
    "footer": ".footer+xml",
    "footnotes": ".footnotes+xml",
    "endnotes": ".endnotes+xml",
    "comments": ".comments+xml",
    "theme": ".theme+xml",
    "core-properties": "core-properties+xml",
    "extended-properties": "extended-properties+xml",
}

_CORE = {
    (CP, "category"),
    (CP, "contentStatus"),
    (DCTERMS, "created"),
    (DC, "creator"),
    (DC, "description"),
    (DC, "identifier"),
    (CP, "keywords"),
    (DC, "language"),
    (CP, "lastModifiedBy"),
    (CP, "lastPrinted"),
    (DCTERMS, "modified"),
    (CP, "revision"),
    (DC, "subject"),
    (DC, "title"),
    (CP, "version"),
}


def check_core(part: str, root: etree._Element) -> list[str]:
    """Core properties (OPC part 2): known elements once each, W3CDTF dates, no xml:lang."""
    out = []
    if root.tag != f"{{{CP}}}coreProperties":
        return [f"{part}: root is {root.tag}"]
    seen: Counter[str] = Counter()
    for child in root:
        if not isinstance(child.tag, str):
            continue
        q = etree.QName(child)
        seen[child.tag] += 1
        if (q.namespace, q.localname) not in _CORE:
            out.append(f"{part}: {child.tag} is not a core property")
        if seen[child.tag] > 1:
            out.append(f"{part}: {q.localname} appears more than once")
        if child.get("{http://www.w3.org/XML/1998/namespace}lang") is not None:
            out.append(f"{part}: {q.localname} has xml:lang")
        if q.namespace == DCTERMS:
            if child.get(f"{{{XSI}}}type") != "dcterms:W3CDTF":
                out.append(f'{part}: {q.localname} needs xsi:type="dcterms:W3CDTF"')
            if not _W3CDTF.match((child.text or "").strip()):
                out.append(f"{part}: {q.localname}={child.text!r} is not a W3CDTF date")
        elif child.get(f"{{{XSI}}}type") is not None:
            out.append(f"{part}: {q.localname} may not have xsi:type")
    return out


def check_ids_and_styles(files: dict[str, bytes], parts: dict[str, etree._Element]) -> list[str]:
    """Unique drawing and bookmark ids; style ids unique and every style reference resolved."""
    out = []
    doc_pr: Counter[str] = Counter()
    for root in parts.values():
        for element in root.iter(f"{{{WP}}}docPr"):
            doc_pr[element.get("id", "")] += 1
    for value, count in doc_pr.items():
        if count > 1:
            out.append(f"wp:docPr id {value} is used {count} times")
    for name, root in parts.items():
        bookmarks = Counter(b.get(f"{{{W}}}id") for b in root.iter(f"{{{W}}}bookmarkStart"))
        for value, count in bookmarks.items():
            if count > 1:
                out.append(f"{name}: bookmark id {value} is used {count} times")
    styles_root = parts.get("word/styles.xml")
    if styles_root is None:
        return out
    wq = f"{{{W}}}"
    kinds: dict[str, str] = {}
    counts: Counter[str] = Counter()
    defaults: Counter[str] = Counter()
    for style in styles_root.iter(wq + "style"):
        sid = style.get(wq + "styleId", "")
        counts[sid] += 1
        kinds[sid] = style.get(wq + "type", "paragraph")
        if style.get(wq + "default") in ("1", "true", "on"):
            defaults[kinds[sid]] += 1
    for sid, count in counts.items():
        if count > 1:
            out.append(f"word/styles.xml: style id {sid} is defined {count} times")
    for kind, count in defaults.items():
        if count > 1:
            out.append(f"word/styles.xml: {count} default {kind} styles")
    for style in styles_root.iter(wq + "style"):
        for ref in ("basedOn", "next", "link"):
            element = style.find(wq + ref)
            if element is not None and element.get(wq + "val") not in kinds:
                out.append(
                    f"word/styles.xml: style {style.get(wq + 'styleId')}: w:{ref}"
                    f" {element.get(wq + 'val')} is not defined"
                )
    expected = {"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}
    for name, root in parts.items():
        if name == "word/styles.xml":
            continue
        for ref, kind in expected.items():
            for element in root.iter(wq + ref):
                value = element.get(wq + "val")
                if kinds.get(value or "") != kind:
                    out.append(f"{name}: {_path(element)}: w:{ref} {value} is not a {kind} style")
    return out


# --------------------------------------------------------------------------- entry point


def violations(docx: bytes) -> list[str]:
    """Everything in ``docx`` that Word would refuse or repair (empty when Word-safe)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    out = check_package(files)
    parts: dict[str, etree._Element] = {}
    for name, data in files.items():
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            out.append(f"{name}: not well-formed: {exc}")
            continue
        if root.tag.startswith(f"{{{W}}}"):
            parts[name] = root
    for name, root in parts.items():
        out += check_order(name, root)
        out += check_structure(name, root)
        out += check_attributes(name, root)
        out += check_text(name, root)
    out += check_ids_and_styles(files, parts)
    return out
