"""The steps after the content: budget, format guidance, progress period, closing mark.

Each touches at most one field of the new plan. :func:`plan_warnings` runs last, on
the validated new plan: kehoach's own review warnings join the review list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kehoach.model import Budget, Plan
from kehoach.model.data import Path, data_at
from kehoach.model.located import walk_models
from kehoach.profiles import profile_for_date
from kehoach.rollover.context import Roll, is_year_end
from kehoach.rollover.texts import describe, parse_path
from kehoach.rollover.years import quote
from kehoach.vi import format_number, short_date


def clear_budget_year(roll: Roll) -> None:
    """Clear the amount for the year (the total and the sources stay, still adding up); in
    a budget without a separate year amount the total and the sources' amounts are the
    year's estimate: they are cleared (the sources stay), with a review line.

    The budget is the plan's first, wherever it sits (a version 2 budget block too); a
    budget with no amounts at all (a clause) has nothing to clear.
    """
    found = next(((m, p) for m, p in walk_models(roll.old) if isinstance(m, Budget)), None)
    if found is None:
        return
    budget, path = found
    if budget.year_amount is None:
        amounts = [(s.name, s.amount) for s in budget.sources if s.amount is not None]
        if budget.total is None and not amounts:
            return
        # The figures are last year's estimate: cleared for staff to fill (README), the
        # sources keep their names; what they were is in the review line.
        data = data_at(roll.data, path)
        data["total"] = None
        for source in data.get("sources") or []:
            source["amount"] = None
        was = [f"tổng {format_number(budget.total)} đồng"] if budget.total is not None else []
        was += [f"{name} {format_number(amount)} đồng" for name, amount in amounts]
        roll.add(
            "decide",
            "budget",
            (*path, "total"),
            f"Kinh phí để trống: điền dự toán năm {roll.year} cho tổng kinh phí và từng "
            f"nguồn (năm {roll.old.year}: {'; '.join(was)}). Các nguồn giữ nguyên tên.",
            f"The budget amounts are left blank: fill in the {roll.year} estimate for the "
            f"total and each source ({roll.old.year}: {budget.total} đồng). The sources stay.",
            data=roll.old_data,
        )
        return
    data_at(roll.data, path)["year_amount"] = None
    roll.add(
        "decide",
        "budget",
        (*path, "year_amount"),
        f"Nhu cầu kinh phí năm {roll.year} để trống: điền số tiền (năm {roll.old.year}: "
        f"{format_number(budget.year_amount)} đồng). Tổng kinh phí và các nguồn giữ nguyên.",
        f"The amount for {roll.year} is left blank: fill it in ({roll.old.year}: "
        f"{budget.year_amount} đồng). The total and the sources stay.",
        data=roll.old_data,
    )


def roll_profile(roll: Roll) -> None:
    """Unpin a format guidance the new year no longer follows (or list a year that changes)."""
    pinned = roll.old.format.profile
    if pinned is None:
        return
    first = profile_for_date(date(roll.year, 1, 1)).id
    last = profile_for_date(date(roll.year, 12, 31)).id
    if first != last:
        roll.add(
            "decide",
            "profile",
            ("format", "profile"),
            f"Hướng dẫn thể thức ghi cố định {pinned}; năm {roll.year} đổi hướng dẫn "
            "(27/5/2026): kiểm tra theo ngày ký.",
            f"The format guidance is pinned to {pinned}; it changes during "
            f"{roll.year} (27/5/2026): check against the signing date.",
        )
    elif pinned != first:
        roll.data["format"]["profile"] = None
        roll.add(
            "changed",
            "profile",
            ("format", "profile"),
            f"Bỏ ghi cố định hướng dẫn thể thức {pinned}: năm {roll.year} theo {first}.",
            f"Unpinned the format guidance {pinned}: {roll.year} follows {first}.",
            old=pinned,
            new=first,
            applied=True,
        )


def note_progress_period(roll: Roll) -> None:
    """Say so when the progress stops before the year's end (what carries over follows it)."""
    progress = roll.progress
    if progress is None or is_year_end(progress):
        return
    until = short_date(progress.cutoff) if progress.cutoff else str(progress.period)
    roll.add(
        "decide",
        "progress-period",
        (),
        f"Số liệu thực hiện chỉ đến {until}, chưa phải cả năm {roll.old.year}: chỉ tiêu, "
        "nhiệm vụ chuyển tiếp tính theo số liệu này; chưa thêm căn cứ báo cáo năm.",
        f"The progress only runs to {until}, not the whole of {roll.old.year}: what carries "
        "over follows it; no year-end report is cited.",
    )


def offer_closing_mark(roll: Roll) -> None:
    """F-BODY-6: the body ends with "." — offer to turn a closing "./." into "."."""
    closing = roll.data["closing"]
    if not closing:
        return
    path: Path = ("closing", len(closing) - 1)
    text = closing[-1]
    if isinstance(text, dict) and isinstance(text.get("text"), str):
        path, text = (*path, "text"), text["text"]
    if not isinstance(text, str) or not text.rstrip().endswith("./."):
        return
    end = len(text.rstrip())
    roll.add(
        "decide",
        "closing-mark",
        path,
        'Văn bản của Đảng kết thúc bằng dấu chấm ".", không dùng "./." (F-BODY-6).',
        'A Party document ends with a full stop ".", not "./." (F-BODY-6).',
        quote=quote(text, end - 3, end),
        old="./.",
        new=".",
        target=path,
        start=end - 3,
        end=end,
    )


def plan_warnings(roll: Roll, plan: Plan, data: dict[str, Any]) -> None:
    """kehoach's own review warnings on the new plan (a body that no longer exists…).

    ``data`` is ``plan`` dumped, to name the places.
    """
    # Imported here: the review rules and their organisation data load only when a
    # roll-forward runs, not when kehoach.rollover is imported.
    from kehoach.review import builtin_warnings

    for warning in builtin_warnings(plan):
        if warning.code == "F-BODY-6":  # offered as a suggestion (closing-mark)
            continue
        try:
            path = parse_path(warning.field)
            describe(path, data)
        except (KeyError, IndexError, TypeError):
            path = ()
        roll.add(
            "decide",
            "warning",
            path,
            f"{warning.code}: {warning.message_vi}",
            f"{warning.code}: {warning.message_en}",
            data=data,
        )
