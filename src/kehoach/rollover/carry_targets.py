"""Targets carried over: an unmet target keeps what remains, a met one stays as it was.

A percentage keeps its rate (the rest of a rate is not a rate); a count carries the
remaining quantity, rounded up, with the yearly quantity offered in the note.
"""

from __future__ import annotations

import math
from decimal import Decimal

from kehoach.model.data import iter_target_data
from kehoach.report.phrases import quantity_text
from kehoach.rollover.context import Roll


def carry_targets(roll: Roll) -> None:
    """Lower unmet targets to what remains; list every target that was not simply met."""
    if roll.progress is None:
        return
    achieved = {t.id: t.achieved for t in roll.progress.targets}
    met: list[str] = []
    old_year = roll.old.year
    for path, target, _ in iter_target_data(roll.data):
        quantity, unit = target["quantity"], target["unit"]
        planned = quantity_text(quantity)
        figure = f"{planned}%" if unit == "%" else f"{planned} {unit}"  # as the plan prints it
        name = target.get("label") or target["id"]
        done = achieved.get(target["id"])
        if done is None:
            roll.add(
                "carried",
                "not-reported",
                path,
                f"Chưa có số liệu thực hiện năm {old_year}: giữ chỉ tiêu {figure}.",
                f"No result reported for {old_year}: the target stays at {quantity} {unit}.",
                quote=name,
            )
        elif done >= quantity:
            met.append(target["id"])
        elif unit == "%":
            roll.add(
                "carried",
                "carried-target",
                path,
                f"Năm {old_year} đạt {quantity_text(done)}% trên chỉ tiêu {quantity}%: giữ chỉ "
                "tiêu tỷ lệ.",
                f"{old_year}: {done}% of the {quantity}% target; the rate stays.",
                quote=name,
            )
        else:
            remaining = math.ceil(Decimal(quantity) - done)
            target["quantity"] = remaining
            roll.add(
                "carried",
                "carried-target",
                path,
                f"Chưa đạt năm {old_year}: chỉ tiêu {figure}, đã thực hiện "
                f"{quantity_text(done)}; chuyển tiếp số còn lại {quantity_text(remaining)} "
                f"{unit}. Nếu là chỉ tiêu hằng năm, có thể giữ {planned}.",
                f"Not met in {old_year}: target {quantity} {unit}, done {done}; the "
                f"remaining {remaining} carries over. A yearly target may keep {quantity}.",
                quote=name,
                old=planned,
                new=quantity_text(remaining),
                applied=True,
            )
    if met:
        roll.add(
            "carried",
            "met-targets",
            (),
            f"Các chỉ tiêu đã đạt năm {old_year}, giữ nguyên số lượng: {', '.join(met)}.",
            f"Targets met in {old_year}, kept as they were: {', '.join(met)}.",
        )
