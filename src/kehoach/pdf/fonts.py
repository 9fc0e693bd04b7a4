"""Which fonts a PDF uses, and whether the lines fall as they do in Times New Roman.

The documents ask for Times New Roman (F-FONT-1). Where it is missing LibreOffice picks
another font; Liberation Serif (and Tinos) have the same widths, so lines and pages
break as in Word. Any other serif changes line breaks and the page count.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# /BaseFont/ABCDEF+TimesNewRomanPS-BoldMT: a subset prefix, then the PostScript name.
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/\[\]<>(){}%]+)")
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_HEX = re.compile(r"#([0-9A-Fa-f]{2})")

# Families with Times New Roman's metrics, by their PostScript names (spaces dropped).
METRIC_COMPATIBLE: tuple[str, ...] = ("timesnewroman", "liberationserif", "tinos")
# Fonts LibreOffice adds for symbols (bullets, ticks); not a substitute for the body font.
_SYMBOL_FONTS: tuple[str, ...] = ("opensymbol", "symbol", "wingdings", "zapfdingbats")


def pdf_fonts(data: bytes) -> tuple[str, ...]:
    """The fonts a PDF uses, by family name without style or subset prefix, in order.

    ``/BaseFont/BAAAAA+DejaVuSerif-Bold`` gives ``DejaVuSerif``. LibreOffice writes font
    dictionaries uncompressed, so reading the names needs no PDF library.
    """
    families: dict[str, None] = {}
    for raw in _BASE_FONT.findall(data):
        name = _HEX.sub(lambda m: chr(int(m[1], 16)), raw.decode("latin-1"))
        name = _SUBSET.sub("", name)
        family = re.split(r"[-,]", name, maxsplit=1)[0]
        family = family.removesuffix("MT")  # TimesNewRomanPSMT, TimesNewRomanPS-BoldMT
        if family.endswith("PS") and "timesnewroman" in _key(family):
            family = family[:-2]
        families.setdefault(family, None)
    return tuple(families)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def substituted_fonts(fonts: tuple[str, ...]) -> tuple[str, ...]:
    """The fonts that are neither Times New Roman nor metric-compatible with it."""
    return tuple(
        font
        for font in fonts
        if not _key(font).startswith(METRIC_COMPATIBLE) and not _key(font).startswith(_SYMBOL_FONTS)
    )


def asks_for_times(docx: Path) -> bool:
    """The DOCX names Times New Roman in its styles or text (every kehoach document does).

    Only then is another font in its PDF a substitution worth a warning: a DOCX typed in
    Calibri is meant to be in Calibri.
    """
    try:
        with zipfile.ZipFile(docx) as package:
            names = set(package.namelist())
            return any(
                b"Times New Roman" in package.read(part)
                for part in ("word/styles.xml", "word/document.xml")
                if part in names
            )
    except (OSError, zipfile.BadZipFile):
        return False


def is_pdfa(data: bytes) -> bool:
    """The PDF declares PDF/A conformance in its XMP metadata (``pdfaid:part``)."""
    return b"pdfaid:part" in data
