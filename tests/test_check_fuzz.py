"""Property tests: ``kehoach check`` never raises anything but DocxReadError."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.check import DocxReadError, check_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_VALUES = st.sampled_from(
    ["0", "1", "-5", "abc", "", "28", "1e9", "99999999999999999999", "1cm", "on", "both", "nil"]
)
_PPR = st.sampled_from(["jc", "ind", "spacing", "numPr", "pStyle", "sectPr", "pBdr"])
_RPR = st.sampled_from(["b", "i", "sz", "rFonts", "u", "color", "rStyle", "caps", "vanish"])
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    ppr = "".join(
        f'<w:{tag} w:val="{draw(_VALUES)}" w:line="{draw(_VALUES)}" w:firstLine="{draw(_VALUES)}"'
        f' w:numId="{draw(_VALUES)}"/>'
        for tag in draw(st.lists(_PPR, max_size=3))
    )
    rpr = "".join(
        f'<w:{tag} w:val="{draw(_VALUES)}" w:ascii="{draw(_VALUES)}"/>'
        for tag in draw(st.lists(_RPR, max_size=3))
    )
    text = draw(_TEXT).replace("&", "&amp;").replace("<", "&lt;")
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


@st.composite
def _docx(draw: st.DrawFn) -> bytes:
    paragraphs = draw(st.lists(_paragraph(), max_size=8))
    if draw(st.booleans()):
        cell = "".join(paragraphs[:2]) or "<w:p/>"
        paragraphs.insert(0, f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>")
    document = f'<w:document xmlns:w="{W}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(document)))
        document = document[:cut]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in draw(st.lists(st.sampled_from(["word/styles.xml", "_rels/.rels",
                                                   "word/_rels/document.xml.rels"]),
                                  max_size=2, unique=True)):  # fmt: skip
            archive.writestr(name, draw(st.binary(max_size=60)))
        archive.writestr("word/document.xml", document)
    data = buffer.getvalue()
    if draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        data = data[:index] + bytes([draw(st.integers(0, 255))]) + data[index + 1 :]
    return data


def _only_read_errors(data: bytes) -> None:
    try:
        check_docx(data)
    except DocxReadError as error:
        assert error.message_vi and error.message_en


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    """Random bytes (and random bytes behind a zip signature) only raise DocxReadError."""
    _only_read_errors(data)
    _only_read_errors(b"PK\x03\x04" + data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_docx())
def test_random_zips(data: bytes) -> None:
    """Random, truncated or corrupted DOCX zips only raise DocxReadError."""
    _only_read_errors(data)
