"""The document settings part: mirrored margins for double-sided printing (F-MARGIN-2)."""

from __future__ import annotations

from lxml import etree

SETTINGS_PART = "word/settings.xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Children of w:settings that come before w:mirrorMargins in the schema's sequence.
_BEFORE_MIRROR = frozenset(
    {
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
    }
)


def with_mirror_margins(settings: bytes) -> bytes:
    """``settings.xml`` with ``w:mirrorMargins``: the back page mirrors the front page.

    F-MARGIN-2: printed double-sided, the back page has left 15 / right 30 mm, i.e. the
    30 mm margin is always on the bound (inside) edge.
    """
    root = etree.fromstring(settings)
    if root.find(f"{{{_W}}}mirrorMargins") is not None:
        return settings
    position = 0
    for index, child in enumerate(root):
        if isinstance(child.tag, str) and etree.QName(child).localname in _BEFORE_MIRROR:
            position = index + 1
    root.insert(position, etree.Element(f"{{{_W}}}mirrorMargins"))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
