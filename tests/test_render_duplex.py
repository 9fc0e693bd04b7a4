"""Double-sided printing (F-MARGIN-2): mirrored margins on request, plain margins by default."""

from __future__ import annotations

import io
import zipfile

import pytest

import kehoach
from kehoach.check import check_docx
from kehoach.render.settings import with_mirror_margins
from plan_data import minimal_plan


def _settings(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")


def test_double_sided_sets_mirror_margins():
    """format.double_sided writes w:mirrorMargins; without it the settings have none."""
    data = minimal_plan()
    assert b"mirrorMargins" not in _settings(kehoach.render_plan_bytes(data))
    data["format"] = {"double_sided": True}
    duplex = kehoach.render_plan_bytes(data)
    assert b"<w:mirrorMargins/>" in _settings(duplex)
    assert check_docx(duplex).errors == ()


def test_mirror_margins_goes_where_the_schema_wants_it():
    """w:mirrorMargins follows w:zoom and precedes w:defaultTabStop (CT_Settings order)."""
    settings = (
        b'<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/></w:settings>'
    )
    result = with_mirror_margins(settings)
    assert result.index(b"zoom") < result.index(b"mirrorMargins") < result.index(b"defaultTab")
    assert with_mirror_margins(result) == result


@pytest.mark.libreoffice
def test_libreoffice_opens_a_double_sided_plan(to_pdf):
    """LibreOffice opens a double-sided plan."""
    data = minimal_plan()
    data["format"] = {"double_sided": True}
    pdf = to_pdf(kehoach.render_plan_bytes(data), "duplex")
    assert pdf.exists() and pdf.stat().st_size > 0
