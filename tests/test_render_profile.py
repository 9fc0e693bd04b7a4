"""The document follows ``doc.profile`` even where it differs from the template's defaults.

The template's styles carry the current guidance's defaults; a profile passed at render
time (body 15 pt, exactly 22 pt, type name 15 pt, other margins…) is written into the
styles part and the section properties (F-BODY-1/5, F-TYPE-2, F-MARGIN-1).
"""

from __future__ import annotations

from dataclasses import replace

from docx_reading import one, read, with_style
from helpers.sample_docs import sapa_like
from kehoach.profiles import PARTY_2018, PARTY_2026, Margins
from kehoach.render import Renderer

LARGE = replace(
    PARTY_2026,
    id="party-test-large",
    body=replace(PARTY_2026.body, size_pt=15, line_spacing_pt=22),
    type_name=replace(PARTY_2026.type_name, size_pt=15),
    subject=replace(PARTY_2026.subject, size_pt=15),
    margins=Margins(top=25, bottom=20, left=35, right=15),
    header_left_fraction=0.45,
    signature_blank_lines=3,
)


def test_body_size_and_line_spacing_follow_profile() -> None:
    """F-BODY-1/5: body 15 pt, exactly 22 pt (440 twips) when the profile says so."""
    view = read(Renderer().render_bytes(sapa_like(LARGE)))
    for style in ("KHBody", "KHBullet1", "KHHeading1", "KHHeading3"):
        for p in with_style(view, style):
            assert (p.line, p.line_rule) == (440, "exact")
            assert all(r.size_pt == 15 for r in p.runs if r.text)


def test_title_sizes_follow_profile() -> None:
    """F-TYPE-2, F-SUBJ-1: type name 15 pt and trích yếu 15 pt from the profile."""
    view = read(Renderer().render_bytes(sapa_like(LARGE)))
    assert {r.size_pt for r in one(view, "KHTypeName").runs} == {15}
    assert {r.size_pt for r in one(view, "KHSubject").runs} == {15}


def test_page_setup_and_columns_follow_profile() -> None:
    """F-MARGIN-1, F-HDR-3, F-SIGN-7: margins, header columns and blank lines from the profile."""
    view = read(Renderer().render_bytes(sapa_like(LARGE)))
    main = view.sections[0]
    assert (main.margin_top, main.margin_left) == (1417, 1984)
    text_width = 11906 - 1984 - 850
    assert sum(view.tables[0].grid) == text_width
    assert view.tables[0].grid[0] == round(text_width * 0.45)
    assert len(with_style(view, "KHSigner")) == 3 + 1


def test_one_renderer_many_profiles() -> None:
    """Styles are cached per profile: alternating profiles gives each its own values."""
    renderer = Renderer()
    small, large = sapa_like(PARTY_2018), sapa_like(LARGE)
    first = renderer.render_bytes(small)
    renderer.render_bytes(large)
    assert renderer.render_bytes(small) == first
    assert {r.size_pt for r in one(read(first), "KHTypeName").runs} == {16}
