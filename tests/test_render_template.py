"""The built-in template: reproducible, complete, documented, and a genuine docxtpl template."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate

from docx_reading import texts_of
from helpers.sample_docs import sapa_like
from kehoach.render import CONTEXT_VARIABLES, STYLES, Renderer, default_template
from kehoach.render.context import build_context
from kehoach.render.environment import make_environment
from kehoach.render.template import load_template

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))
README = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")


def build_script():
    spec = importlib.util.spec_from_file_location(
        "build_template", ROOT / "scripts" / "build_template.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_template", module)
    spec.loader.exec_module(module)
    return module


def test_committed_template_is_a_fresh_build() -> None:
    """templates/party.docx equals, byte for byte, what scripts/build_template.py builds."""
    fresh = build_script().build()
    assert build_script().build() == fresh  # deterministic
    assert (ROOT / "templates" / "party.docx").read_bytes() == fresh, (
        "templates/party.docx is out of date: run python scripts/build_template.py"
    )


def test_default_template_found() -> None:
    """The default template is found (kehoach/templates in a wheel, else templates/)."""
    assert default_template() == ROOT / "templates" / "party.docx"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_variables_all_provided(path: Path) -> None:
    """Every variable a template uses is provided by the context (docxtpl's own analysis)."""
    used = DocxTemplate(path).get_undeclared_template_variables(jinja_env=make_environment())
    assert used, "no variables found: not a template?"
    assert used <= set(CONTEXT_VARIABLES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_opens_with_python_docx(path: Path) -> None:
    """The template is a valid package that python-docx (and so Word) opens, with KH styles."""
    document = docx.Document(str(path))
    names = {s.name for s in document.styles}
    assert {s.name for s in STYLES} <= names


def test_docxtpl_renders_the_template_the_same_way() -> None:
    """docxtpl itself (sandboxed, autoescape) renders the same paragraphs as the Renderer."""
    doc = sapa_like()
    context = build_context(doc, load_template(default_template()).refs)
    template = DocxTemplate(default_template())
    template.render(context, jinja_env=make_environment())
    buffer = io.BytesIO()
    template.save(buffer)
    assert texts_of(buffer.getvalue()) == texts_of(Renderer().render_bytes(doc))


def test_readme_documents_every_style_and_variable() -> None:
    """templates/README.md names every required style (id and name) and context variable."""
    for style in STYLES:
        assert style.name in README and f"`{style.id}`" in README, style.name
    documented = set(re.findall(r"^\| `(\w+)` \|", README, flags=re.MULTILINE))
    assert documented == set(CONTEXT_VARIABLES)


def test_template_loaded_once() -> None:
    """Renderers of the same template share one parsed template (loaded once per process)."""
    assert Renderer()._source is Renderer()._source
