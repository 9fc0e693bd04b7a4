"""``kehoach check --layout``: lay documents out with LibreOffice headless (PDF) and
read the pages back with poppler, for the rules that need pages.

Reading only: :func:`laid_out_pages` / :func:`lay_out` return each page's text lines
(``pdftotext -layout``: columns side by side, as a reader sees them), the boxes of its
text lines (``pdftotext -bbox-layout``: one per column, in points from the page's top
left corner) and, on page 1, the horizontal lines drawn there (``pdftocairo -svg``: the
line under the title, F-TITLE-3). The page rules are in :mod:`kehoach.check.rules.layout`.
LibreOffice runs once per batch with a throw-away user profile in a temporary folder,
bounded in time; a missing tool or a failed conversion is a :class:`LayoutError` with
a message for people.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

__all__ = [
    "LAYOUT_TIMEOUT_S",
    "HRule",
    "LaidOutPage",
    "LayoutError",
    "TextBox",
    "horizontal_lines",
    "laid_out_pages",
    "lay_out",
]

LAYOUT_TIMEOUT_S = 120
"""At most this long for LibreOffice to lay one document out."""

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
_SVG = "{http://www.w3.org/2000/svg}"
_XHTML = "{http://www.w3.org/1999/xhtml}"
# A filled shape this thin is a line (LibreOffice fills underlines and some borders).
_MAX_RULE_THICKNESS_PT = 2.5
_MIN_RULE_LENGTH_PT = 10.0


class LayoutError(Exception):
    """The document could not be laid out (no LibreOffice, conversion failed)."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi


@dataclass(frozen=True, slots=True)
class TextBox:
    """One laid-out line of text in one column, in points from the page's top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class HRule:
    """A horizontal line drawn on the page (stroke, thin filled shape or underline)."""

    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        """Its length in points."""
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class LaidOutPage:
    """One page as LibreOffice lays it out."""

    lines: tuple[str, ...]
    boxes: tuple[TextBox, ...] = ()
    rules: tuple[HRule, ...] = ()  # page 1 only


def _tool(name: str, *alternatives: str) -> str:
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    raise LayoutError(
        f"--layout cần {name} (LibreOffice / poppler-utils) nhưng máy không có.",
        f"--layout needs {name} (LibreOffice / poppler-utils), which is not installed.",
    )


def _failed(exc: BaseException | None = None) -> LayoutError:
    why = f" ({type(exc).__name__})" if exc is not None else ""
    return LayoutError(
        f"LibreOffice không dàn trang được văn bản{why}.",
        f"LibreOffice could not lay the document out{why}.",
    )


def laid_out_pages(data: bytes) -> list[LaidOutPage]:
    """The pages of the DOCX ``data`` as LibreOffice lays them out (page 1 first)."""
    result = lay_out([data])[0]
    if isinstance(result, LayoutError):
        raise result
    return result


def lay_out(documents: Sequence[bytes]) -> list[list[LaidOutPage] | LayoutError]:
    """Lay out several DOCX files with one LibreOffice start; per document, its pages
    or the :class:`LayoutError` saying why it could not be laid out.

    Raises:
        LayoutError: LibreOffice or poppler is missing (nothing can be laid out).
    """
    soffice = _tool("soffice", "libreoffice")
    pdftotext = _tool("pdftotext")
    pdftocairo = _tool("pdftocairo")
    with tempfile.TemporaryDirectory(prefix="kehoach-layout-") as folder:
        work = Path(folder)
        sources = []
        for index, data in enumerate(documents):
            source = work / f"document-{index}.docx"
            source.write_bytes(data)
            sources.append(source)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(work), *map(str, sources),
        ]  # fmt: skip
        try:
            subprocess.run(
                command, capture_output=True, timeout=LAYOUT_TIMEOUT_S * max(1, len(sources)),
                check=False, env={**os.environ, "HOME": str(work)},
            )  # fmt: skip
        except (subprocess.SubprocessError, OSError) as exc:
            return [_failed(exc) for _ in sources]
        results: list[list[LaidOutPage] | LayoutError] = []
        for source in sources:
            pdf = source.with_suffix(".pdf")
            try:
                results.append(_read_pdf(pdf, pdftotext, pdftocairo))
            except (subprocess.SubprocessError, OSError) as exc:
                results.append(_failed(exc))
    return results


def _run(command: list[str]) -> str:
    return subprocess.run(
        command, capture_output=True, timeout=LAYOUT_TIMEOUT_S, check=True, text=True
    ).stdout


def _read_pdf(pdf: Path, pdftotext: str, pdftocairo: str) -> list[LaidOutPage]:
    if not pdf.is_file():
        raise FileNotFoundError(pdf)
    text = _run([pdftotext, "-layout", str(pdf), "-"])
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    boxes = _boxes(_run([pdftotext, "-bbox-layout", str(pdf), "-"]))
    svg = pdf.with_suffix(".svg")
    subprocess.run(
        [pdftocairo, "-svg", "-f", "1", "-l", "1", str(pdf), str(svg)],
        capture_output=True, timeout=LAYOUT_TIMEOUT_S, check=True,
    )  # fmt: skip
    first_rules = tuple(horizontal_lines(svg.read_bytes()))
    return [
        LaidOutPage(
            lines=tuple(line.strip() for line in page.splitlines() if line.strip()),
            boxes=boxes[index] if index < len(boxes) else (),
            rules=first_rules if index == 0 else (),
        )
        for index, page in enumerate(pages)
    ]


def _boxes(xhtml: str) -> list[tuple[TextBox, ...]]:
    """Each page's text lines with their boxes, from ``pdftotext -bbox-layout``."""
    root = etree.fromstring(xhtml.encode("utf-8"), _PARSER)
    if root is None:
        return []
    pages = []
    for page in root.iter(f"{_XHTML}page", "page"):
        found = []
        for line in page.iter(f"{_XHTML}line", "line"):
            words = [w.text or "" for w in line if isinstance(w.tag, str)]
            found.append(
                TextBox(
                    " ".join(word for word in words if word),
                    float(line.get("xMin", 0)),
                    float(line.get("yMin", 0)),
                    float(line.get("xMax", 0)),
                    float(line.get("yMax", 0)),
                )
            )
        pages.append(tuple(found))
    return pages


_NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:e-?\d+)?|-?\.\d+")
_MATRIX = re.compile(r"(matrix|translate|scale)\(([^)]*)\)")
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(outer: _Matrix, inner: _Matrix) -> _Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a * a2 + c * b2, b * a2 + d * b2,
        a * c2 + c * d2, b * c2 + d * d2,
        a * e2 + c * f2 + e, b * e2 + d * f2 + f,
    )  # fmt: skip


def _transform(attribute: str | None) -> _Matrix:
    matrix = _IDENTITY
    for kind, raw in _MATRIX.findall(attribute or ""):
        values = [float(v) for v in _NUMBER.findall(raw)]
        if kind == "matrix" and len(values) == 6:
            step: _Matrix = (values[0], values[1], values[2], values[3], values[4], values[5])
        elif kind == "translate" and values:
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) > 1 else 0.0)
        elif kind == "scale" and values:
            step = (values[0], 0.0, 0.0, values[-1], 0.0, 0.0)
        else:
            continue
        matrix = _multiply(matrix, step)
    return matrix


def _points(d: str) -> Iterator[list[tuple[float, float]]]:
    """The straight subpaths of an SVG path (``M``/``L``/``H``/``V``/``Z``, absolute, as
    cairo writes them); a subpath with a curve is left out."""
    tokens = re.findall(r"[A-Za-z]|" + _NUMBER.pattern, d)
    current: list[tuple[float, float]] = []
    curved = False
    i = 0
    command = ""
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                if current and not curved:
                    yield [*current, current[0]]
                current, curved = [], False
            continue
        try:
            if command in "ML":
                x, y = float(tokens[i]), float(tokens[i + 1])
                i += 2
                if command == "M":
                    if current and not curved and len(current) > 1:
                        yield current
                    current, curved = [(x, y)], False
                    command = "L"
                else:
                    current.append((x, y))
            elif command == "H" and current:
                current.append((float(tokens[i]), current[-1][1]))
                i += 1
            elif command == "V" and current:
                current.append((current[-1][0], float(tokens[i])))
                i += 1
            else:  # curves and relative commands: not a straight rule
                curved = True
                i += 1
        except (IndexError, ValueError):
            break
    if current and not curved and len(current) > 1:
        yield current


def horizontal_lines(svg: bytes) -> Iterator[HRule]:
    """The horizontal lines drawn on an SVG page (``pdftocairo -svg``), glyphs and clip paths
    left out."""
    root = etree.fromstring(svg, _PARSER)
    if root is None:
        return
    skip = {f"{_SVG}{name}" for name in ("defs", "clipPath", "symbol", "mask", "pattern")}

    def walk(element: etree._Element, matrix: _Matrix) -> Iterator[HRule]:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in skip:
                continue
            here = _multiply(matrix, _transform(child.get("transform")))
            if child.tag == f"{_SVG}path":
                yield from _path_rules(child, here)
            else:
                yield from walk(child, here)

    yield from walk(root, _IDENTITY)


def _path_rules(path: etree._Element, matrix: _Matrix) -> Iterator[HRule]:
    style = path.get("style", "")
    stroked = "stroke:" in style and "stroke:none" not in style
    a, b, c, d, e, f = matrix
    for subpath in _points(path.get("d", "")):
        points = [(a * x + c * y + e, b * x + d * y + f) for x, y in subpath]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if width < _MIN_RULE_LENGTH_PT:
            continue
        if (stroked and height < 0.5) or (not stroked and height <= _MAX_RULE_THICKNESS_PT):
            yield HRule(min(xs), max(xs), (min(ys) + max(ys)) / 2)
