"""Style resolution (F-DOCX-2): document defaults → table style → paragraph style →
numbering → character style → direct formatting, with ``basedOn`` chains and theme fonts.

Properties are read from ``w:pPr``/``w:rPr`` into flat dictionaries ("layers") and
merged, later layers winning key by key. Font slots merge one by one, so a style
that only names the ``ascii`` font keeps the ``hAnsi`` font of the layer below; a
theme attribute (``w:asciiTheme="minorHAnsi"``) wins over a font name on the same
element, as in Word, and is resolved through the theme part's font scheme.

Simplification (documented in ``docs/check.md``): toggle properties (bold, italic,
caps) take the most specific value instead of Word's XOR between the paragraph and
character style chains; conditional table-style formatting (first row, banding) is
ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from lxml import etree

from kehoach.check.read.ooxml import A_NS, on_off, to_int, w, wattr

__all__ = ["Props", "StyleDef", "StyleSheet", "read_para_props", "read_run_props"]

Props = dict[str, object]
"""One layer of formatting: property key → value (``None`` is never stored)."""

FONT_SLOTS: Final[tuple[str, ...]] = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME_ATTR: Final[dict[str, str]] = {
    "ascii": "asciiTheme",
    "hAnsi": "hAnsiTheme",
    "cs": "cstheme",
    "eastAsia": "eastAsiaTheme",
}
_TOGGLES: Final[tuple[tuple[str, str], ...]] = (
    ("b", "bold"),
    ("bCs", "bold_cs"),
    ("i", "italic"),
    ("iCs", "italic_cs"),
    ("caps", "caps"),
    ("smallCaps", "small_caps"),
    ("strike", "strike"),
    ("dstrike", "dstrike"),
    ("vanish", "vanish"),
)


def read_run_props(rpr: etree._Element | None) -> Props:
    """The run properties set by one ``w:rPr`` element."""
    props: Props = {}
    if rpr is None:
        return props
    # One pass over the children instead of a find() per property (the hot path of
    # reading); the first occurrence of a property wins, as with find().
    children: dict[str, etree._Element] = {}
    for child in rpr:
        children.setdefault(child.tag, child)
    fonts = children.get(w("rFonts"))
    if fonts is not None:
        for slot in FONT_SLOTS:
            theme = wattr(fonts, _THEME_ATTR[slot])
            name = wattr(fonts, slot)
            if theme:
                props[f"font.{slot}"] = ("theme", theme)
            elif name:
                props[f"font.{slot}"] = ("name", name)
        hint = wattr(fonts, "hint")
        if hint:
            props["font.hint"] = hint
    for tag, key in (("sz", "size"), ("szCs", "size_cs")):
        value = to_int(wattr(children.get(w(tag)), "val"))
        if value is not None and value > 0:
            props[key] = value
    for tag, key in _TOGGLES:
        flag = on_off(children.get(w(tag)))
        if flag is not None:
            props[key] = flag
    underline = children.get(w("u"))
    if underline is not None:
        props["underline"] = wattr(underline, "val") or "single"
    color = children.get(w("color"))
    if color is not None:
        color_value = wattr(color, "val")
        theme_color = wattr(color, "themeColor")
        if theme_color:
            props["color"] = f"theme:{theme_color}"
        elif color_value:
            props["color"] = color_value
    style = wattr(children.get(w("rStyle")), "val")
    if style:
        props["rStyle"] = style
    return props


def read_para_props(ppr: etree._Element | None) -> Props:
    """The paragraph properties set by one ``w:pPr`` element (not its mark's ``w:rPr``)."""
    props: Props = {}
    if ppr is None:
        return props
    style = wattr(ppr.find(w("pStyle")), "val")
    if style:
        props["pStyle"] = style
    jc = wattr(ppr.find(w("jc")), "val")
    if jc:
        props["jc"] = {"start": "left", "end": "right", "justify": "both"}.get(jc, jc)
    ind = ppr.find(w("ind"))
    if ind is not None:
        for attrs, key in (
            (("left", "start"), "ind.left"),
            (("right", "end"), "ind.right"),
            (("firstLine",), "ind.firstLine"),
            (("hanging",), "ind.hanging"),
        ):
            for attr in attrs:
                value = to_int(wattr(ind, attr))
                if value is not None:
                    props[key] = value
                    break
        # firstLine and hanging exclude each other: the later layer's choice wins.
        if "ind.firstLine" in props and "ind.hanging" not in props:
            props["ind.hanging"] = 0
        elif "ind.hanging" in props and "ind.firstLine" not in props:
            props["ind.firstLine"] = 0
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        for attr in ("before", "after", "line"):
            value = to_int(wattr(spacing, attr))
            if value is not None:
                props[f"spacing.{attr}"] = value
        rule = wattr(spacing, "lineRule")
        if rule:
            props["spacing.lineRule"] = rule
        for attr in ("beforeAutospacing", "afterAutospacing"):
            flag = wattr(spacing, attr)
            if flag is not None:
                props[f"spacing.{attr}"] = flag.lower() not in {"0", "false", "off"}
    contextual = on_off(ppr.find(w("contextualSpacing")))
    if contextual is not None:
        props["contextualSpacing"] = contextual
    numpr = ppr.find(w("numPr"))
    if numpr is not None:
        num_id = to_int(wattr(numpr.find(w("numId")), "val"))
        ilvl = to_int(wattr(numpr.find(w("ilvl")), "val"))
        if num_id is not None:
            props["numId"] = num_id
        if ilvl is not None:
            props["ilvl"] = ilvl
    borders = ppr.find(w("pBdr"))
    if borders is not None:
        for side in ("top", "bottom"):
            edge = borders.find(w(side))
            if edge is not None:
                props[f"border.{side}"] = wattr(edge, "val") or "single"
    outline = to_int(wattr(ppr.find(w("outlineLvl")), "val"))
    if outline is not None:
        props["outlineLvl"] = outline
    return props


@dataclass(frozen=True)
class StyleDef:
    """One ``w:style`` of ``styles.xml``."""

    style_id: str
    name: str
    type: str
    based_on: str | None
    default: bool
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)
    borders: Mapping[str, str] = field(default_factory=dict)


def _borders(tblpr: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if tblpr is None:
        return out
    borders = tblpr.find(w("tblBorders"))
    if borders is None:
        return out
    for edge in borders:
        name = edge.tag.rsplit("}", 1)[-1] if isinstance(edge.tag, str) else ""
        name = {"start": "left", "end": "right"}.get(name, name)
        if name:
            out[name] = wattr(edge, "val") or "nil"
    return out


class StyleSheet:
    """The styles, document defaults and theme fonts of one document."""

    def __init__(
        self,
        styles_root: etree._Element | None,
        theme_root: etree._Element | None = None,
    ) -> None:
        self.styles: dict[str, StyleDef] = {}
        self.default_rpr: Props = {}
        self.default_ppr: Props = {}
        self.theme_fonts: dict[str, str] = _theme_fonts(theme_root)
        self._defaults: dict[str, str] = {}
        # Formatting resolved once per distinct pPr / (pPr, rPr) of the document
        # (kehoach.check.read.story): most paragraphs and runs repeat a few formattings.
        self.resolved_paragraphs: dict[object, Any] = {}
        self.resolved_runs: dict[object, Any] = {}
        if styles_root is None:
            return
        defaults = styles_root.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = read_run_props(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            self.default_ppr = read_para_props(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for element in styles_root.iter(w("style")):
            style_id = wattr(element, "styleId")
            if not style_id:
                continue
            kind = wattr(element, "type") or "paragraph"
            default = on_off(element.find(w("default"))) or wattr(element, "default") in {
                "1",
                "true",
                "on",
            }
            name = wattr(element.find(w("name")), "val") or style_id
            style = StyleDef(
                style_id=style_id,
                name=name,
                type=kind,
                based_on=wattr(element.find(w("basedOn")), "val"),
                default=bool(default),
                ppr=read_para_props(element.find(w("pPr"))),
                rpr=read_run_props(element.find(w("rPr"))),
                borders=_borders(element.find(w("tblPr"))),
            )
            self.styles.setdefault(style_id, style)
            if style.default and kind not in self._defaults:
                self._defaults[kind] = style_id

    def default_style(self, kind: str) -> str | None:
        """The id of the default style of ``kind`` (``paragraph``, ``table``…)."""
        return self._defaults.get(kind)

    def name(self, style_id: str | None) -> str | None:
        """The display name of a style id (``None`` for none)."""
        if style_id is None:
            return None
        style = self.styles.get(style_id)
        return style.name if style else style_id

    def chain(self, style_id: str | None, kind: str) -> list[StyleDef]:
        """``style_id`` and its ``basedOn`` ancestors, root first (cycle-safe)."""
        out: list[StyleDef] = []
        seen: set[str] = set()
        current = style_id
        while current and current not in seen and len(out) < 64:
            seen.add(current)
            style = self.styles.get(current)
            if style is None or style.type != kind:
                break
            out.append(style)
            current = style.based_on
        out.reverse()
        return out

    def table_borders(self, style_id: str | None) -> dict[str, str]:
        """Borders a table style (and its ancestors) give a table."""
        merged: dict[str, str] = {}
        for style in self.chain(style_id or self.default_style("table"), "table"):
            merged.update(style.borders)
        return merged

    def resolve_font(self, value: object) -> str | None:
        """A font slot value ``("name", x)`` or ``("theme", "minorHAnsi")`` → font name."""
        if not isinstance(value, tuple) or len(value) != 2:
            return None
        kind, name = value
        if kind == "name":
            return str(name)
        return self.theme_fonts.get(str(name))


def merge(layers: Iterable[Props]) -> Props:
    """Merge property layers, later layers winning key by key."""
    out: Props = {}
    for layer in layers:
        out.update(layer)
    return out


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """``minorHAnsi`` → ``Calibri`` … from the theme part's ``a:fontScheme``."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for prefix, tag in (("major", "majorFont"), ("minor", "minorFont")):
        font = theme.find(f".//{{{A_NS}}}{tag}")
        if font is None:
            continue
        scripts = {}
        for script in ("latin", "ea", "cs"):
            element = font.find(f"{{{A_NS}}}{script}")
            typeface = element.get("typeface") if element is not None else None
            if typeface:
                scripts[script] = typeface
        if "latin" in scripts:
            out[f"{prefix}Ascii"] = scripts["latin"]
            out[f"{prefix}HAnsi"] = scripts["latin"]
        if "ea" in scripts:
            out[f"{prefix}EastAsia"] = scripts["ea"]
        if "cs" in scripts:
            out[f"{prefix}Bidi"] = scripts["cs"]
    return out
