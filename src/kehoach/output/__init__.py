"""Writing output files: atomically, never over an existing file without ``force``.

Every command writes through here — documents, plan files, review lists, sheets, PDFs —
so it is a foundation, not part of rendering: writing a YAML file loads no renderer.
"""

from __future__ import annotations

from kehoach.output.atomic import write_all, write_atomic

__all__ = ["write_all", "write_atomic"]
