"""Same input, same bytes: fixed zip metadata, no timestamps, stable ids (golden tests need it)."""

from __future__ import annotations

import io
import zipfile

from docx_reading import NS, part_bytes, part_names, part_xml
from helpers.sample_docs import sapa_like
from kehoach.render import Renderer, default_template


def test_render_twice_same_bytes() -> None:
    """Rendering the same document twice, or with two renderers, gives identical bytes."""
    doc = sapa_like()
    first = Renderer().render_bytes(doc)
    renderer = Renderer()
    assert renderer.render_bytes(doc) == first
    renderer.render_bytes(sapa_like(sections=1))
    assert renderer.render_bytes(doc) == first


def test_zip_entries_fixed() -> None:
    """Entries keep the template's order and carry the fixed 1980-01-01 date."""
    data = Renderer().render_bytes(sapa_like())
    with zipfile.ZipFile(default_template()) as template:
        assert part_names(data) == template.namelist()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_without_timestamps() -> None:
    """docProps/core.xml holds the document title and keywords, no created/modified time."""
    data = Renderer().render_bytes(sapa_like(title="Kế hoạch & <thử>"))
    core = part_xml(data, "docProps/core.xml")
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.find(f"{dc}title").text == "Kế hoạch & <thử>"
    names = {child.tag.split("}")[1] for child in core}
    assert not names & {"created", "modified", "lastPrinted", "revision"}


def test_no_volatile_ids() -> None:
    """No rsids, paragraph ids or drawing ids that would change between runs."""
    data = Renderer().render_bytes(sapa_like())
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml"):
        xml = part_bytes(data, name)
        assert b"rsid" not in xml and b"paraId" not in xml and b"docPr" not in xml
    assert part_xml(data, "word/settings.xml").find("w:rsids", NS) is None
