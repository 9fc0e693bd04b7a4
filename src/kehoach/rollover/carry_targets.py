"""Targets carried into next year by their kind: a quantity never changes silently (#12).

- yearly targets (the default for counts) and ratios (the default for percentages) keep
  their quantity: next year asks for the same again, met or not;
- a cumulative target (over a period of years) carries what remains of it;
- a one-off target carries what remains when unmet, and is listed for a decision when met.

Every target whose kind was not written is listed with the kind assumed, and every
changed quantity is listed with the old and new figure.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from kehoach.model import Target
from kehoach.model.data import Path, iter_target_data
from kehoach.rollover.context import Roll
from kehoach.vi import KIND_LABELS, quantity_text, target_words

_KIND_EN = {"yearly": "yearly", "cumulative": "cumulative", "one_off": "one-off", "ratio": "ratio"}


def _figure(target: Target, quantity: int | Decimal | None = None) -> str:
    """ "150 đảng viên", "100% số thôn": the figure as the plan prints it (no qualifier)."""
    value = target.quantity if quantity is None else quantity
    words = target_words(value, target.unit, noun=target.noun)
    return f"{words.figure}{words.after}"


def carry_targets(roll: Roll) -> None:
    """Keep or carry each target by its kind; list assumed kinds and every change."""
    achieved = {t.id: t.achieved for t in roll.progress.targets} if roll.progress else {}
    met: list[str] = []
    for path, data, _ in iter_target_data(roll.data):
        target = Target.model_validate(data)
        name = target.label or target.id
        if target.kind is None:
            _assumed_kind(roll, path, target, name)
        if roll.progress is None:
            continue
        done = achieved.get(target.id)
        if done is None:
            roll.add(
                "carried",
                "not-reported",
                path,
                f"Chưa có số liệu thực hiện năm {roll.old.year}: giữ chỉ tiêu {_figure(target)}.",
                f"No result reported for {roll.old.year}: the target stays at "
                f"{target.quantity} {target.unit}.",
                quote=name,
            )
        elif _is_met(target, done):
            met.append(target.id)
            if target.effective_kind == "one_off":
                _met_one_off(roll, path, target, name)
        else:
            _unmet(roll, path, data, target, done, name)
    if met:
        roll.add(
            "carried",
            "met-targets",
            (),
            f"Các chỉ tiêu đã đạt năm {roll.old.year}, giữ nguyên số lượng: {', '.join(met)}.",
            f"Targets met in {roll.old.year}, kept as they were: {', '.join(met)}.",
        )


def _is_met(target: Target, done: Decimal) -> bool:
    if target.effective_bound == "at_most":
        return done <= target.quantity
    return done >= target.quantity


def _assumed_kind(roll: Roll, path: Path, target: Target, name: str) -> None:
    kind = target.effective_kind
    roll.add(
        "decide",
        "assumed-kind",
        path,
        f"Không ghi loại chỉ tiêu (kind); coi là chỉ tiêu {KIND_LABELS[kind].lower()}: "
        f"giữ nguyên {_figure(target)}. Nếu là chỉ tiêu cộng dồn hoặc một lần, ghi kind: "
        "cumulative hoặc one_off.",
        f"No kind written; taken as a {_KIND_EN[kind]} target: it stays at "
        f"{target.quantity} {target.unit}. Write kind: cumulative or one_off if it is one.",
        quote=name,
    )


def _met_one_off(roll: Roll, path: Path, target: Target, name: str) -> None:
    roll.add(
        "decide",
        "met-one-off",
        path,
        f"Chỉ tiêu một lần đã đạt năm {roll.old.year} ({_figure(target)}): bỏ câu này "
        f"hoặc sửa cho năm {roll.year}.",
        f"A one-off target met in {roll.old.year}: drop the sentence or reword it for {roll.year}.",
        quote=name,
    )


def _unmet(
    roll: Roll, path: Path, data: dict[str, Any], target: Target, done: Decimal, name: str
) -> None:
    old_year, kind = roll.old.year, target.effective_kind
    planned = _figure(target)
    did = quantity_text(done) + ("%" if target.is_percent else "")
    if kind in ("yearly", "ratio") or target.effective_bound == "at_most":
        roll.add(
            "carried",
            "kept-target",
            path,
            f"Năm {old_year} thực hiện {did} trên chỉ tiêu {planned}; chỉ tiêu "
            f"{KIND_LABELS[kind].lower()} nên giữ nguyên {planned} cho năm {roll.year}.",
            f"{old_year}: {done} of {target.quantity} {target.unit}; a {_KIND_EN[kind]} "
            f"target, kept at {target.quantity} for {roll.year}.",
            quote=name,
        )
        return
    remaining = math.ceil(Decimal(target.quantity) - done)
    data["quantity"] = remaining
    if kind == "cumulative" and target.since is not None and target.since < roll.year:
        # The remainder is due over the years left: a report of the new year pro-rates it
        # from the new year on, not over the term already partly spent.
        data["since"] = roll.year
    roll.add(
        "carried",
        "carried-target",
        path,
        f"Chỉ tiêu {KIND_LABELS[kind].lower()} chưa đạt năm {old_year}: kế hoạch {planned}, "
        f"đã thực hiện {did}; chuyển sang năm {roll.year} phần còn lại "
        f"{_figure(target, remaining)}.",
        f"A {_KIND_EN[kind]} target not met in {old_year}: planned {target.quantity}, done "
        f"{done}; the remaining {remaining} carries over to {roll.year}.",
        quote=name,
        old=quantity_text(target.quantity),
        new=quantity_text(remaining),
        applied=True,
    )
