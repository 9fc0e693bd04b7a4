"""A plan's fingerprint: what a progress spreadsheet was made from.

The snapshot records, per id, the parts of the plan that progress refers to (targets
with their planned quantity and unit, tasks with their quarter and text, budget
sources with their amount, area titles). When the plan changes after the spreadsheet
was generated, the differences are listed for the user instead of silently mixing two
versions of the plan.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from kehoach.model import (
    Plan,
    PlanSnapshot,
    iter_targets,
    iter_tasks,
    plan_budget,
    task_quarter,
)

_KINDS = {
    "target": ("chỉ tiêu", "target"),
    "task": ("nhiệm vụ", "task"),
    "source": ("nguồn kinh phí", "budget source"),
    "area": ("lĩnh vực", "area"),
    "year": ("năm kế hoạch", "plan year"),
}


def snapshot_items(plan: Plan) -> dict[str, str]:
    """The plan's items that progress refers to, as ``"kind:id" → "value"`` strings."""
    items: dict[str, str] = {"year:": str(plan.year)}
    for target in iter_targets(plan):
        qualifier = f"{target.qualifier} " if target.qualifier else ""
        items[f"target:{target.id}"] = f"{qualifier}{target.quantity} {target.unit}"
    quarters = task_quarter(plan)
    for task in iter_tasks(plan):
        items[f"task:{task.id}"] = f"Q{quarters[task.id]}: {task.text}"
    budget = plan_budget(plan)
    if budget:
        for i, source in enumerate(budget.sources, start=1):
            items[f"source:{source.id or i}"] = f"{source.name}: {source.amount}"
    if plan.content:
        groups = {"objectives": plan.content.objectives, "solutions": plan.content.solutions}
        for name, group in groups.items():
            for i, area in enumerate(group.areas if group else [], start=1):
                items[f"area:{area.id or f'{name}.{i}'}"] = area.title
    return items


def digest(items: dict[str, str]) -> str:
    """SHA-256 of the items in a canonical JSON form."""
    text = json.dumps(items, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_snapshot(plan: Plan) -> PlanSnapshot:
    """The snapshot of ``plan`` (stored in the spreadsheet's metadata sheet)."""
    items = snapshot_items(plan)
    return PlanSnapshot(digest=digest(items), items=items)


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def snapshot_differences(old: PlanSnapshot, plan: Plan) -> list[tuple[str, str]]:
    """What differs between ``old`` and ``plan`` now: ``(vi, en)`` lines, empty if nothing."""
    new = snapshot_items(plan)
    if old.digest == digest(new) and old.items == new:
        return []
    lines: list[tuple[str, str]] = []
    for key in sorted(set(old.items) | set(new), key=_order(old.items, new)):
        kind, _, item_id = key.partition(":")
        kind_vi, kind_en = _KINDS.get(kind, (kind, kind))
        name_vi = f"{kind_vi} {item_id}".strip()
        name_en = f"{kind_en} {item_id}".strip()
        before, after = old.items.get(key), new.get(key)
        if before == after:
            continue
        if before is None:
            lines.append((f"{name_vi}: mới thêm vào kế hoạch", f"{name_en}: added to the plan"))
        elif after is None:
            lines.append((f"{name_vi}: đã bỏ khỏi kế hoạch", f"{name_en}: removed from the plan"))
        else:
            change = f"'{_clip(before)}' → '{_clip(after)}'"
            lines.append((f"{name_vi}: đã sửa {change}", f"{name_en}: changed {change}"))
    if not lines:  # same items, different digest: the sheet's fingerprint was edited
        lines.append(
            (
                "dấu vân tay kế hoạch trong bảng tính đã bị sửa",
                "the sheet's plan fingerprint was edited",
            )
        )
    return lines


def _order(old: dict[str, str], new: dict[str, str]) -> Callable[[str], int]:
    # Plan order first (new, then removed items in their old order).
    positions = {key: i for i, key in enumerate([*new, *(k for k in old if k not in new)])}
    return lambda key: positions[key]


__all__ = ["digest", "plan_snapshot", "snapshot_differences", "snapshot_items"]
