"""Paths of the report examples and a small progress dict for the small plan of plan_data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
PROGRESS_6M = ROOT / "examples" / "sapa-2022-progress-6m.yaml"
PROGRESS_YEAR = ROOT / "examples" / "sapa-2022-progress-year.yaml"

# For plan_data.minimal_plan(): target "hn" (05 hội nghị), tasks q1-a (quý I) and
# q3-a (quý III), two budget sources without ids.
_PROGRESS: dict[str, Any] = {
    "period": "6m",
    "header": {"number": 5, "date": "2022-07-05"},
    "targets": [{"id": "hn", "achieved": 4}],
    "tasks": [{"id": "q1-a", "status": "done_on_time", "completed": "2022-03-01"}],
    "budget": [{"source": "Ngân sách", "spent": 300}],
}


def minimal_progress() -> dict[str, Any]:
    """A fresh deep copy of a small valid progress on ``plan_data.minimal_plan()``."""
    return copy.deepcopy(_PROGRESS)
