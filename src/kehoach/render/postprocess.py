"""Optional python-docx post-processing of a rendered document.

python-docx is imported only here, only when a renderer has post-processors, so that
plain rendering stays fast. The result is re-zipped deterministically.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kehoach.render.package import normalize_zip

if TYPE_CHECKING:
    from docx.document import Document

PostProcessor = Callable[["Document"], None]


def postprocess(data: bytes, postprocessors: Sequence[PostProcessor]) -> bytes:
    """Open ``data`` with python-docx, run each post-processor in order, save."""
    import docx

    document = docx.Document(io.BytesIO(data))
    for step in postprocessors:
        step(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())
