"""Templates run in a sandbox with autoescape and strict variables; plugins extend safely."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from docx_reading import read, texts_of, with_style
from helpers.sample_docs import sapa_like
from helpers.templates import W, paragraph, prepend, variant
from kehoach.errors import RenderError
from kehoach.render import Renderer


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ signer.__class__.__init__.__globals__ }}",
        "{{ body.__class__.__base__.__subclasses__() }}",
        # The renderer's own views: their fields are read without a check, nothing else.
        "{{ body[0].__class__.__init__.__globals__ }}",
        "{{ body[0].__slots__ }}",
        "{{ layout.__class__.__mro__ }}",
        "{{ body[0].runs.__class__.__mro__ }}",
    ],
)
def test_template_cannot_reach_python(tmp_path: Path, expression: str) -> None:
    """A template reaching for Python internals raises SecurityError (sandboxed Jinja)."""
    template = variant(tmp_path, document=prepend(paragraph(expression)))
    with pytest.raises(SecurityError):
        Renderer(template).render_bytes(sapa_like(sections=1))


def test_unknown_variable_is_an_error(tmp_path: Path) -> None:
    """A misspelt variable fails loudly (StrictUndefined) instead of rendering nothing."""
    template = variant(tmp_path, document=prepend(paragraph("{{ signr }}")))
    with pytest.raises(UndefinedError):
        Renderer(template).render_bytes(sapa_like(sections=1))


def test_autoescape_in_template_expressions(tmp_path: Path) -> None:
    """Values computed in the template are escaped too: "&" and "<" survive."""
    template = variant(tmp_path, document=prepend(paragraph("{{ 'A & B <c>' ~ signer }}")))
    data = Renderer(template).render_bytes(sapa_like(sections=1))
    assert texts_of(data)[0] == "A & B <c>Nguyễn Văn An"


def test_filters_and_extra_context(tmp_path: Path) -> None:
    """Renderer(filters=…, extra_context=…) makes plugin filters and variables available."""
    template = variant(
        tmp_path, document=prepend(paragraph("{{ motto|shout }} {{ signer|shout }}"))
    )
    renderer = Renderer(
        template, filters={"shout": lambda s: f"{s}!"}, extra_context={"motto": "Vì nhân dân"}
    )
    data = renderer.render_bytes(sapa_like(sections=1))
    assert texts_of(data)[0] == "Vì nhân dân! Nguyễn Văn An!"


def test_extra_context_cannot_replace_variables() -> None:
    """extra_context may not shadow the renderer's own variables."""
    with pytest.raises(ValueError, match="signer"):
        Renderer(extra_context={"signer": "x"})


def test_postprocessors(tmp_path: Path) -> None:
    """Post-processors get the python-docx Document; the result stays deterministic."""

    def add_note(document: docx.document.Document) -> None:
        document.add_paragraph("Ghi chú & <kết thúc>", style="KH Body")

    renderer = Renderer(postprocessors=[add_note])
    doc = sapa_like(sections=1)
    first = renderer.render_bytes(doc)
    assert renderer.render_bytes(doc) == first
    assert with_style(read(first), "KHBody")[-1].text == "Ghi chú & <kết thúc>"


def test_template_missing_a_style(tmp_path: Path) -> None:
    """A template lacking a required KH style is refused, naming the style."""

    def drop(root) -> None:
        for style in root.iterfind(W + "style"):
            if style.get(W + "styleId") == "KHSigner":
                root.remove(style)

    with pytest.raises(RenderError, match="KH Signer"):
        Renderer(variant(tmp_path, styles=drop))


def test_not_a_template(tmp_path: Path) -> None:
    """A file that is not a DOCX is refused with RenderError."""
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(RenderError, match="not a DOCX"):
        Renderer(bad)
    with pytest.raises(RenderError, match="cannot read"):
        Renderer(tmp_path / "missing.docx")


def test_broken_markup_is_caught(tmp_path: Path) -> None:
    """Markup from a plugin filter that breaks the XML is a RenderError, not a corrupt file."""
    from markupsafe import Markup

    template = variant(tmp_path, document=prepend(paragraph("{{ signer|raw }}")))
    renderer = Renderer(template, filters={"raw": lambda s: Markup("</w:t>oops")})
    with pytest.raises(RenderError, match="malformed XML"):
        renderer.render_bytes(sapa_like(sections=1))
