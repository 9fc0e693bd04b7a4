"""docxtpl template syntax → Jinja source, by transforming the parsed XML tree.

A template is written as docxtpl templates are: Jinja tags in the text of the document
(``{{ name }}``, ``{% if … %}``, ``{# … #}``), and tags with a prefix that stand for a
whole element: ``{%p … %}``/``{{p … }}`` (the paragraph), ``{%tr … %}`` (the table row),
``{%tc … %}`` (the cell), ``{{r … }}``/``{%r … %}`` (the run). This module does what
docxtpl's ``patch_xml`` does, on the lxml tree instead of the XML string, once per
template:

1. a tag that Word split over several runs is moved whole into its first ``w:t``;
2. a prefixed tag replaces the element it stands for (its other content is dropped);
3. typographic quotes inside tags become plain ones; ``w:t`` holding tags keep spaces.

Not supported (docxtpl-only extensions): ``colspan``, ``cellbg``, ``vm``, ``hm`` and
the ``{%-``/``-%}`` merging of neighbouring paragraphs — they fail as Jinja syntax errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from kehoach.errors import RenderError
from kehoach.render.wml import W_NS

_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = ("{{", "{%", "{#")
_PREFIXED = re.compile(r"^(\{\{|\{%|\{#)(tr|tc|p|r)\s(.*)$", re.DOTALL)
_ELEMENT = {"tr": _W + "tr", "tc": _W + "tc", "p": _W + "p", "r": _W + "r"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# Jinja operators that XML would escape are carried through serialisation as
# private-use characters and put back afterwards (a template may not use these).
_PROTECT = {"<": "\ue000", ">": "\ue001", "&": "\ue002"}
_PROTECTED = str.maketrans(_PROTECT)


def _paragraph_texts(root: etree._Element) -> Iterator[list[etree._Element]]:
    """The ``w:t`` elements of each paragraph, in order (nested paragraphs apart)."""
    for paragraph in root.iter(_W + "p"):
        texts = [
            t for t in paragraph.iter(_W + "t") if next(t.iterancestors(_W + "p")) is paragraph
        ]
        if texts:
            yield texts


def _join_split_tags(texts: list[etree._Element]) -> None:
    """Move every tag that spans several ``w:t`` into the ``w:t`` where it starts."""
    owner: list[int] = []
    chars: list[str] = []
    for index, t in enumerate(texts):
        chars.append(t.text or "")
        owner.extend([index] * len(t.text or ""))
    joined = "".join(chars)
    if not any(opener in joined for opener in _OPENERS):
        return
    moved = False
    for match in _TAG.finditer(joined):
        first = owner[match.start()]
        if owner[match.end() - 1] != first:
            owner[match.start() : match.end()] = [first] * (match.end() - match.start())
            moved = True
    if moved:
        pieces: list[list[str]] = [[] for _ in texts]
        for char, index in zip(joined, owner, strict=True):
            pieces[index].append(char)
        for t, piece in zip(texts, pieces, strict=True):
            t.text = "".join(piece)


def _attached(element: etree._Element, root: etree._Element) -> bool:
    ancestors = list(element.iterancestors())
    return bool(ancestors) and ancestors[-1] is root


def _replace_with_text(element: etree._Element, text: str) -> None:
    parent = element.getparent()
    assert parent is not None
    text += element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def _clean(tag: str) -> str:
    return tag.translate(_QUOTES).translate(_PROTECTED)


def to_jinja_source(root: etree._Element) -> str:
    """The Jinja source of a parsed part (``w:document``, ``w:hdr``…); changes ``root``."""
    source_text = "".join(root.itertext())
    if any(char in source_text for char in _PROTECT.values()):
        raise RenderError(
            "mẫu chứa ký tự dùng riêng U+E000…U+E002, không dùng được",
            "the template contains the private-use characters U+E000…U+E002",
        )
    prefixed: list[tuple[etree._Element, str, str]] = []  # (w:t, element kind, tag)
    for texts in _paragraph_texts(root):
        _join_split_tags(texts)
        for t in texts:
            value = t.text or ""
            if not any(opener in value for opener in _OPENERS):
                continue
            t.set(_XML_SPACE, "preserve")
            pieces, last = [], 0
            for match in _TAG.finditer(value):
                pieces.append(value[last : match.start()])
                tag = match.group()
                found = _PREFIXED.match(tag)
                if found:
                    opener, kind, rest = found.groups()
                    prefixed.append((t, kind, f"{opener} {rest}"))
                else:
                    pieces.append(_clean(tag))
                last = match.end()
            pieces.append(value[last:])
            t.text = "".join(pieces)
    # Replace rows first, then cells, paragraphs, runs (docxtpl's order).
    for kind in ("tr", "tc", "p", "r"):
        groups: dict[etree._Element, list[str]] = {}
        for t, tag_kind, tag in prefixed:
            if tag_kind != kind or not _attached(t, root):
                continue
            element = next(t.iterancestors(_ELEMENT[kind]), None)
            if element is None:
                raise RenderError(
                    f"thẻ {tag!r} không nằm trong phần tử w:{kind}",
                    f"the tag {tag!r} is not inside a w:{kind} element",
                )
            groups.setdefault(element, []).append(_clean(tag))
        for element, tags in groups.items():
            if _attached(element, root):
                _replace_with_text(element, "".join(tags))
    xml: str = etree.tostring(root, encoding="unicode")
    for char, protected in _PROTECT.items():
        xml = xml.replace(protected, char)
    return xml
