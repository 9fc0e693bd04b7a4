"""The real printed pages of the plan being edited: LibreOffice lays it out, poppler draws it.

The HTML preview follows the composed document as the page types; this shows what Word
users will print, page breaks and all, for the plan as it stands in the form (saved or
not). It needs LibreOffice and poppler's ``pdftoppm``; without them the answer is a 503
saying which is missing, and the page keeps its HTML preview.
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kehoach.model import Plan
from kehoach.web.documents import validated
from kehoach.web.problems import ApiError
from kehoach.web.routes_files import body_of, docx_to_pdf
from kehoach.web.state import lang_of, state_of

__all__ = ["ROUTES", "pdf_pages"]

# Enough to read a page beside the form, small enough to send many pages as data URLs.
PAGE_DPI = 60
DRAW_TIMEOUT_S = 60


def pdf_pages(pdf: bytes, dpi: int = PAGE_DPI) -> list[bytes]:
    """Each page of ``pdf`` as a PNG image (poppler's ``pdftoppm``).

    Raises:
        ApiError: 503 when poppler is not installed.
    """
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise ApiError(
            503,
            "no-poppler",
            "chưa cài poppler-utils (pdftoppm) nên chưa vẽ được trang in",
            "poppler-utils (pdftoppm) is not installed, so pages cannot be drawn",
        )
    with tempfile.TemporaryDirectory(prefix="kehoach-pages-") as work:
        source = Path(work) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-png", "-r", str(dpi), str(source), str(Path(work) / "page")],
            capture_output=True, timeout=DRAW_TIMEOUT_S, check=True,
        )  # fmt: skip
        # pdftoppm pads page numbers to the width of the last one: a name sort is page order.
        return [image.read_bytes() for image in sorted(Path(work).glob("page-*.png"))]


async def pages(request: Request) -> Response:
    """``POST /api/pages`` {data}: the plan's printed pages as PNG data URLs."""
    from kehoach import render_plan

    state = state_of(request)
    body = await body_of(request)
    lang = lang_of(request)

    def run() -> Response:
        plan, _ = validated("plan", body.get("data"), lang=lang, pm=state.plugins)
        assert isinstance(plan, Plan)
        docx = io.BytesIO()
        render_plan(plan, docx, plugin_manager=state.plugins)
        images = pdf_pages(docx_to_pdf(docx.getvalue()))
        urls = ["data:image/png;base64," + base64.b64encode(png).decode() for png in images]
        return JSONResponse({"pages": urls})

    response: Response = await run_in_threadpool(run)
    return response


ROUTES = [Route("/api/pages", pages, methods=["POST"])]
