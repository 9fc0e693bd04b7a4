"""User text renders intact: escaping, line breaks, tabs, runs, NFC (F-FONT-2).

docxtpl's default environment drops an "&" silently; kehoach's autoescaping sandbox and
its run builder must write any XML-valid text so that it reads back unchanged.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_reading import one, part_bytes, read, texts_of, with_style
from helpers.sample_docs import p, sapa_like
from kehoach.compose import Run
from kehoach.errors import RenderError
from kehoach.render import Renderer

RENDERER = Renderer()
SPECIAL = "A & B < C > D \"E\" 'F' &amp; <w:t> ]]> {{ x }} {% if %}"

# Characters XML 1.0 can hold; "\r" is left out (it is written as a line break).
xml_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\r\ufffe\uffff"
        + "".join(chr(c) for c in range(32) if c not in (9, 10)),
    ),
    max_size=60,
)


def small(**changes: object):
    return sapa_like(sections=1, appendices=False, **changes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=xml_text, signer=xml_text, recipient=xml_text)
def test_any_text_reads_back_intact(body: str, signer: str, recipient: str) -> None:
    """F-FONT-2: arbitrary XML-valid text (& < > " ' \\n \\t) renders and reads back as NFC."""
    doc = small(
        body=(p("body", Run(body, bold=True), Run("|")),),
        signer=signer,
        recipients=(recipient,),
    )
    data = RENDERER.render_bytes(doc)
    texts = texts_of(data)
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    assert nfc(body) + "|" in texts
    assert nfc(signer) in texts
    assert nfc(recipient) in texts


def test_special_characters_everywhere() -> None:
    """& < > " ' and Jinja-looking text stay literal in every header and signature field."""
    doc = small(
        superior_body=SPECIAL,
        issuing_body=SPECIAL,
        number_line=SPECIAL,
        date_line=SPECIAL,
        type_name=SPECIAL,
        subject=(Run(SPECIAL),),
        recipients=(SPECIAL,),
        signature_authority=SPECIAL,
        signature_position=SPECIAL,
        signer=SPECIAL,
        body=(p("body", SPECIAL),),
    )
    view = read(RENDERER.render_bytes(doc))
    upper = SPECIAL.upper()
    for style, text in [
        ("KHSuperiorBody", upper),
        ("KHIssuingBody", upper),
        ("KHNumber", SPECIAL),
        ("KHDate", SPECIAL),
        ("KHTypeName", upper),
        ("KHSubject", SPECIAL),
        ("KHRecipientsItem", SPECIAL),
        ("KHSignatureAuthority", upper),
        ("KHSignaturePosition", upper),
        ("KHBody", SPECIAL),
    ]:
        assert one(view, style).text == text, style
    assert with_style(view, "KHSigner")[-1].text == SPECIAL


def test_line_breaks_and_tabs() -> None:
    """A "\\n" becomes <w:br/>, "\\r\\n" one break, "\\t" a <w:tab/>, in text and runs."""
    doc = small(
        issuing_body="BAN TUYÊN GIÁO\nTHỊ ỦY SA PA",
        body=(p("body", "một\r\nhai\tba"),),
    )
    data = RENDERER.render_bytes(doc)
    texts = texts_of(data)
    assert "BAN TUYÊN GIÁO\nTHỊ ỦY SA PA" in texts
    assert "một\nhai\tba" in texts
    xml = part_bytes(data, "word/document.xml")
    assert b"<w:br/>" in xml and b"<w:tab/>" in xml and b"\r" not in xml


def test_runs_are_real_runs() -> None:
    """Bold, italic and underlined runs render as <w:r> with their own properties."""
    doc = small(
        body=(
            p(
                "body",
                Run("đậm", bold=True),
                Run(" nghiêng", italic=True),
                Run(" gạch", underline=True),
                Run(" thường"),
            ),
        )
    )
    body = one(read(RENDERER.render_bytes(doc)), "KHBody")
    looks = [(r.text, r.bold, r.italic, r.underlined) for r in body.runs]
    assert looks == [
        ("đậm", True, False, False),
        (" nghiêng", False, True, False),
        (" gạch", False, False, True),
        (" thường", False, False, False),
    ]


@pytest.mark.parametrize("bad", ["\x00", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_text_a_docx_cannot_hold_is_an_error(bad: str) -> None:
    """A character XML cannot store raises RenderError naming it (never a broken file)."""
    with pytest.raises(RenderError, match=f"U\\+{ord(bad):04X}"):
        RENDERER.render_bytes(small(signer=f"Nguyễn{bad}An"))
