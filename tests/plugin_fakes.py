"""Helpers for the plugin tests: fake installed distributions and derived templates.

A fake distribution is a real ``*.dist-info`` folder (METADATA + entry_points.txt) and
its modules in a folder put on ``sys.path``: importlib.metadata finds it exactly as it
finds an installed plugin, so the tests go through kehoach's real loader.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

import kehoach

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PLUGIN = ROOT / "examples" / "plugin-example"


def install_fake(
    monkeypatch: pytest.MonkeyPatch,
    site: Path,
    dist: str,
    entry_points: dict[str, str],
    modules: dict[str, str],
    version: str = "1.0",
) -> None:
    """Make ``dist`` look installed: entry points in group ``kehoach``, modules importable."""
    site.mkdir(parents=True, exist_ok=True)
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = ["[kehoach]", *(f"{name} = {value}" for name, value in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        sys.modules.pop(module, None)
    if str(site) not in sys.path:
        monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()


def template_with(target: Path, text: str) -> Path:
    """kehoach's default template with one more paragraph ``text`` after the type name."""
    with zipfile.ZipFile(kehoach.default_template()) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "word/document.xml":
                data = _insert_paragraph(data, text)
            archive.writestr(name, data)
    return target


def _insert_paragraph(document: bytes, text: str) -> bytes:
    root = etree.fromstring(document)
    for paragraph in root.iter(f"{{{W}}}p"):
        style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
        if style is not None and style.get(f"{{{W}}}val") == "KHTypeName":
            break
    else:
        raise AssertionError("no KHTypeName paragraph in the default template")
    new = etree.Element(f"{{{W}}}p")
    properties = etree.SubElement(new, f"{{{W}}}pPr")
    etree.SubElement(properties, f"{{{W}}}pStyle").set(f"{{{W}}}val", "KHCenter")
    run = etree.SubElement(new, f"{{{W}}}r")
    etree.SubElement(run, f"{{{W}}}t").text = text
    paragraph.addnext(new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def document_xml(data: bytes) -> str:
    """The text of ``word/document.xml`` of a DOCX given as bytes."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def example_plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    """The example plugin's module, imported from its source, with a freshly derived letterhead."""
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN / "src"))
    sys.modules.pop("kehoach_xay_dung_dang", None)
    sys.modules.pop("kehoach_xay_dung_dang.letterhead", None)
    module = importlib.import_module("kehoach_xay_dung_dang")
    from kehoach_xay_dung_dang.letterhead import derive_letterhead

    letterhead = derive_letterhead(kehoach.default_template(), tmp_path / "letterhead.docx")
    monkeypatch.setattr(module, "LETTERHEAD", letterhead)
    return module
