"""Golden files: the XML of rendered documents, compared as pretty-printed text.

``pytest --update-golden`` rewrites tests/golden/<case>/ after an intended change; on a
mismatch the produced .docx is kept in the test's tmp_path (the message says where).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.sample_docs import sapa_like
from kehoach.render import Renderer

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def test_golden_hand_built(golden) -> None:
    """A hand-built composed document renders to the recorded XML (header, body, appendices)."""
    golden("hand-built", Renderer().render_bytes(sapa_like(sections=1)))


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the Sa Pa example is not there yet")
def test_golden_sapa_2022(golden) -> None:
    """The Sa Pa 2022 example (YAML → compose_plan → render) renders to the recorded XML."""
    import kehoach

    golden("sapa-2022", Renderer().render_bytes(kehoach.compose(EXAMPLE)))
