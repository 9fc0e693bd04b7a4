"""Writing the DOCX package: deterministic zip entries and core properties.

Same input, same bytes: entries keep the template's order, carry a fixed date
(1980-01-01, the zip epoch) and fixed attributes, and the core properties hold the
document's title and keywords but no creation or modification time.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from markupsafe import escape

from kehoach.render.wml import clean_text

_EPOCH = (1980, 1, 1, 0, 0, 0)
# Fast deflate: the parts are small and mostly markup; level 1 is ~3x faster than 6.
_LEVEL = 1


def zip_entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``entries`` (name, data) in order, byte-for-byte reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=_LEVEL)
    return buffer.getvalue()


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a DOCX written by another tool (python-docx) with fixed entry metadata."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_entries(entries)


def core_properties_xml(title: str, keywords: Iterable[str]) -> bytes:
    """``docProps/core.xml`` with the title and keywords and no timestamps."""
    words = "; ".join(keywords)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(clean_text(title))}</dc:title>"
        f"<cp:keywords>{escape(clean_text(words))}</cp:keywords>"
        "<dc:language>vi-VN</dc:language>"
        "</cp:coreProperties>"
    ).encode()
