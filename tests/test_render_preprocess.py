"""docxtpl template syntax is understood the way docxtpl understands it (on the XML tree)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from docx_reading import texts_of
from helpers.sample_docs import sapa_like
from helpers.templates import W, paragraph, prepend, variant
from kehoach.render import Renderer


def render_texts(tmp_path: Path, *paragraphs: etree._Element, **changes: object) -> list[str]:
    template = variant(tmp_path, document=prepend(*paragraphs))
    return texts_of(Renderer(template).render_bytes(sapa_like(sections=1, **changes)))


def test_tag_split_over_runs(tmp_path: Path) -> None:
    """A tag Word split over several runs still works (moved into its first run)."""
    texts = render_texts(tmp_path, paragraph("Ký: {{ sig", "ner }}", " — hết"))
    assert texts[0] == "Ký: Nguyễn Văn An — hết"


def test_paragraph_tags_and_operators(tmp_path: Path) -> None:
    """{%p %} paragraphs vanish; "<", ">", "&"-free operators and smart quotes work in tags."""
    texts = render_texts(
        tmp_path,
        paragraph("{%p if signature_blank_lines > 2 and signer != “x” %}"),
        paragraph("nhiều dòng"),
        paragraph("{%p endif %}"),
        paragraph("{%p if signature_blank_lines < 2 %}"),
        paragraph("ít dòng"),
        paragraph("{%p endif %}"),
    )
    assert texts[0] == "nhiều dòng" and "ít dòng" not in texts


def test_for_loop_over_paragraphs(tmp_path: Path) -> None:
    """{%p for %} repeats the paragraphs between the tags."""
    texts = render_texts(
        tmp_path,
        paragraph("{%p for item in recipients %}"),
        paragraph("* {{ item }}"),
        paragraph("{%p endfor %}"),
        recipients=("- Một;", "- Hai."),
    )
    assert texts[:2] == ["* - Một;", "* - Hai."]


def test_run_tag_replaces_the_run(tmp_path: Path) -> None:
    """{{r … }} replaces its run with the value's runs (formatting kept)."""
    texts = render_texts(tmp_path, paragraph("Trích yếu: ", "{{r subject }}"))
    assert texts[0].startswith("Trích yếu: triển khai")


def test_table_row_loop(tmp_path: Path) -> None:
    """{%tr for %} repeats a table row."""

    def rows(root: etree._Element) -> None:
        table = etree.fromstring(
            f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
            "<w:tr><w:tc><w:p><w:r><w:t>{%tr for item in recipients %}</w:t></w:r></w:p>"
            "</w:tc></w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>{{ item }}</w:t></w:r></w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc></w:tr>"
            "</w:tbl>"
        )
        body = root.find(W + "body")
        body.insert(0, table)
        body.insert(1, paragraph(""))

    template = variant(tmp_path, document=rows)
    data = Renderer(template).render_bytes(sapa_like(sections=1, recipients=("- A;", "- B.")))
    assert texts_of(data)[:2] == ["- A;", "- B."]
