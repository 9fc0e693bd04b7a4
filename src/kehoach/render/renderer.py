"""The renderer: a composed document → DOCX bytes or an atomically written file.

A :class:`Renderer` loads and compiles its template once; each document then costs one
Jinja render of ``document.xml``, a cached ``styles.xml`` for its profile and a zip of
parts that are otherwise kept as bytes. python-docx is loaded only for post-processors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO

from jinja2 import Template
from lxml import etree

from kehoach.compose.document import ComposedDocument
from kehoach.errors import RenderError
from kehoach.output import write_atomic
from kehoach.render.context import CONTEXT_VARIABLES, build_context
from kehoach.render.environment import make_environment
from kehoach.render.package import core_properties_xml, zip_entries
from kehoach.render.postprocess import PostProcessor, postprocess
from kehoach.render.sections import end_body_with_paragraph
from kehoach.render.settings import SETTINGS_PART, with_mirror_margins
from kehoach.render.styles import StylePatcher
from kehoach.render.template import (
    CORE_PART,
    DOCUMENT_PART,
    STYLES_PART,
    TemplateSource,
    default_template,
    load_template,
)

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


_Compiled = tuple[Template, tuple[tuple[str, Template], ...]]


def _compile(
    source: TemplateSource, filters: Mapping[str, Callable[..., Any]] | None = None
) -> _Compiled:
    """Compile the template's parts in a new sandboxed environment."""
    environment = make_environment(filters)
    parts = tuple((name, environment.from_string(text)) for name, text in source.parts)
    return environment.from_string(source.document), parts


@lru_cache(maxsize=8)
def _compile_shared(source: TemplateSource) -> _Compiled:
    """Compiled once per template for all renderers without extra filters."""
    return _compile(source)


@lru_cache(maxsize=8)
def _style_patcher(source: TemplateSource) -> StylePatcher:
    """One styles cache per template, shared by its renderers."""
    return StylePatcher(source.styles)


class Renderer:
    """Renders :class:`~kehoach.compose.ComposedDocument` objects with one template.

    Args:
        template: A docxtpl-style DOCX template; ``None`` for the built-in
            ``party.docx``. It must define every style of ``templates/README.md``.
        filters: Extra Jinja filters for the template.
        extra_context: Extra template variables (names must not clash with the
            renderer's own, see ``templates/README.md``).
        postprocessors: Functions called in order with the python-docx ``Document`` of
            each rendered file before it is saved.

    Raises:
        RenderError: the template cannot be read or lacks a required style.
        ValueError: ``extra_context`` reuses a name the renderer provides.
        jinja2.TemplateSyntaxError: the template's tags are not valid Jinja.
    """

    def __init__(
        self,
        template: Path | None = None,
        *,
        filters: Mapping[str, Callable[..., Any]] | None = None,
        extra_context: Mapping[str, Any] | None = None,
        postprocessors: Sequence[PostProcessor] = (),
    ) -> None:
        clash = sorted(set(extra_context or {}) & set(CONTEXT_VARIABLES))
        if clash:
            raise ValueError(f"extra_context reuses the renderer's variables: {clash}")
        self._source: TemplateSource = load_template(Path(template or default_template()))
        compiled = _compile(self._source, filters) if filters else _compile_shared(self._source)
        self._document, self._parts = compiled
        self._styles = _style_patcher(self._source)
        self._extra = dict(extra_context or {})
        self._postprocessors = tuple(postprocessors)

    @property
    def template(self) -> Path:
        """The template file this renderer uses."""
        return self._source.path

    def render_bytes(self, doc: ComposedDocument) -> bytes:
        """The DOCX file of ``doc`` as bytes (same document, same bytes).

        Raises:
            RenderError: text a DOCX cannot hold, or a template producing broken XML.
            jinja2.TemplateError: the template fails (e.g. ``SecurityError`` for code
                the sandbox refuses, ``UndefinedError`` for an unknown variable).
        """
        context = build_context(doc, self._source.refs)
        context.update(self._extra)
        document, root = self._render_part(self._document, context, DOCUMENT_PART)
        if end_body_with_paragraph(root):  # Word wants a paragraph before the last sectPr
            document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        rendered = {DOCUMENT_PART: document}
        for name, template in self._parts:
            rendered[name] = self._render_part(template, context, name)[0]
        rendered[STYLES_PART] = self._styles.xml_for(doc.profile)
        rendered[CORE_PART] = core_properties_xml(doc.title, doc.keywords)
        if doc.profile.mirror_margins:
            settings = dict(self._source.entries).get(SETTINGS_PART)
            if settings is not None:
                rendered[SETTINGS_PART] = with_mirror_margins(settings)
        data = zip_entries((name, rendered.get(name, blob)) for name, blob in self._source.entries)
        if self._postprocessors:
            data = postprocess(data, self._postprocessors)
        return data

    def render(
        self, doc: ComposedDocument, target: str | PathLike[str] | BinaryIO, *, force: bool = False
    ) -> None:
        """Render ``doc`` into a file (written atomically) or a binary stream.

        Nothing is written when rendering fails.

        Raises:
            OutputExistsError: ``target`` is an existing file and ``force`` is false.
        """
        data = self.render_bytes(doc)
        if hasattr(target, "write"):
            target.write(data)
        else:
            write_atomic(target, data, force=force)

    @staticmethod
    def _render_part(
        template: Template, context: dict[str, Any], name: str
    ) -> tuple[bytes, etree._Element]:
        data = (_DECLARATION + template.render(context)).encode()
        try:  # a template or a Markup value producing broken XML is caught here
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise RenderError(
                f"mẫu tạo ra XML không hợp lệ trong {name}: {exc}",
                f"the template produced malformed XML in {name}: {exc}",
            ) from exc
        return data, root
