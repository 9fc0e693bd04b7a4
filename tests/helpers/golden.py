"""Golden DOCX comparison: the XML of the main parts, normalised and pretty-printed.

``word/document.xml`` and the header/footer parts are read, volatile attributes
(revision ids, paragraph ids) dropped, and the result pretty-printed as text, so a
difference shows as a readable diff. ``--update-golden`` rewrites the golden files; on
a mismatch the produced ``.docx`` is kept for a person to open.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

GOLDEN_ROOT = Path(__file__).resolve().parents[1] / "golden"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_VOLATILE = re.compile(r"^(rsid\w*|paraId|textId)$")


def normalized_parts(data: bytes) -> dict[str, str]:
    """Part file name → normalised, pretty-printed XML text."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not _PARTS.match(name):
                continue
            root = etree.fromstring(archive.read(name))
            for element in root.iter():
                for key in list(element.attrib):
                    if _VOLATILE.match(etree.QName(key).localname):
                        del element.attrib[key]
            etree.indent(root, space="  ")
            out[Path(name).name] = etree.tostring(root, encoding="unicode") + "\n"
    return out


def compare(case: str, data: bytes, *, update: bool, keep_dir: Path) -> None:
    """Compare ``data`` with ``tests/golden/<case>/``; rewrite it when ``update``."""
    folder = GOLDEN_ROOT / case
    produced = normalized_parts(data)
    if update:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.xml"):
            if old.name not in produced:
                old.unlink()
        for name, text in produced.items():
            (folder / name).write_text(text, encoding="utf-8")
        return
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.xml"))}
    if expected == produced:
        return
    kept = keep_dir / f"{case}.docx"
    kept.write_bytes(data)
    diff: list[str] = []
    for name in sorted(set(expected) | set(produced)):
        diff += difflib.unified_diff(
            expected.get(name, "").splitlines(),
            produced.get(name, "").splitlines(),
            f"golden/{case}/{name}",
            f"produced/{name}",
            lineterm="",
        )
    shown = "\n".join(diff[:80])
    raise AssertionError(
        f"{case}: output differs from tests/golden/{case} (run pytest --update-golden to"
        f" accept). The produced document is kept at {kept}\n{shown}"
    )
