"""Next year's plan from this year's plan and, when known, its results (issue #6).

What changes by itself, and what is left for a person (every such place is listed):

- the plan year advances, and so does the plan-year phrase of the trích yếu ("… năm
  2022" → "… năm 2023": the subject names the plan's year, so it is structural); the
  number and the date become draft blanks (number empty, date ``{year: 2023}``); place,
  bodies, recipients and signer stay (the signer is listed for a check);
- the opening gains "Căn cứ kết quả thực hiện Kế hoạch số …" (the previous plan) and,
  with year-end progress, "Căn cứ Báo cáo số …" (its report); the references a previous
  roll-forward added are replaced, not stacked;
- tasks keep their quarters and ids; due dates move by the same number of years;
  one-off tasks (``recurring: false``, or guessed from words such as sơ kết, tổng kết,
  hội thi, cuộc thi, "05 năm thực hiện") are kept and listed for a decision;
- with progress: unmet targets carry over with the remaining quantity (a percentage
  keeps its rate), met targets stay, tasks not done carry over, one-off tasks done are
  dropped; the progress must be for this plan (its ids must exist);
- the budget's amount for the year is cleared (total and sources stay, still adding up);
- every literal year of the old plan left in free text is listed with what it most
  likely is and a suggested change; :meth:`Rollover.apply_suggestions` makes them.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from kehoach.compose.plan import document_codes, issuer_phrase
from kehoach.errors import InputError, KehoachError, UsageError
from kehoach.loader import problems_from
from kehoach.model import Plan, Reference, Task, iter_targets, iter_tasks
from kehoach.model.progress import DONE_STATUSES, STATUS_LABELS, STATUS_LABELS_EN, Progress
from kehoach.profiles import profile_for_date
from kehoach.rollover.review import LITERAL_NOTES, ReviewItem, Rollover
from kehoach.rollover.tasks import guess_recurring
from kehoach.rollover.texts import Path, describe, format_path, iter_free_text, parse_path
from kehoach.rollover.years import (
    Literal,
    cited_in_clause,
    find_anniversaries,
    find_year_literals,
    quote,
)
from kehoach.vi import PartialDate, format_number, number_symbol, roman, short_date

PLAN_LEAD = "Căn cứ kết quả thực hiện"
"""The lead of the reference to the previous plan that a roll-forward adds."""

REPORT_SUBJECT = "kết quả thực hiện"
"""The start of the subject of the report reference a roll-forward adds."""


class ProgressMismatchError(KehoachError):
    """The progress data is not about this plan (its ids or year do not match)."""

    def __init__(self, message_vi: str, message_en: str):
        self.message_vi, self.message_en = message_vi, message_en
        super().__init__(message_en)

    def messages(self, lang: str = "vi") -> list[str]:
        """The message in ``lang``."""
        return [self.message_en if lang == "en" else self.message_vi]


def next_year(plan: Plan, progress: Progress | None = None, *, year: int | None = None) -> Rollover:
    """Draft next year's plan from ``plan`` (and its ``progress``), with the review list.

    Args:
        plan: This year's plan.
        progress: Progress on ``plan`` (best: the year-end one); None drafts from the
            plan alone.
        year: The new plan's year (default: the year after the plan's).

    Raises:
        UsageError: ``year`` is not after the plan's year.
        ProgressMismatchError: ``progress`` names ids ``plan`` does not have, or
            another year.
    """
    new_year = plan.year + 1 if year is None else year
    if new_year <= plan.year:
        raise UsageError(
            f"năm của kế hoạch mới ({new_year}) phải sau năm {plan.year} của kế hoạch",
            f"the new plan's year ({new_year}) must be after the plan's year {plan.year}",
        )
    if new_year > 2200:
        raise UsageError(
            f"năm {new_year} không hợp lệ (tối đa 2200)", f"year {new_year} is not valid"
        )
    if progress is not None:
        check_progress(plan, progress)
    return _Roll(plan, progress, new_year).run()


def check_progress(plan: Plan, progress: Progress) -> None:
    """Raise :class:`ProgressMismatchError` unless ``progress`` is about ``plan``."""
    if progress.year is not None and progress.year != plan.year:
        raise ProgressMismatchError(
            f"số liệu tiến độ là của năm {progress.year}, kế hoạch là năm {plan.year}",
            f"the progress is for {progress.year}, the plan for {plan.year}",
        )
    sources = set()
    if plan.budget:
        sources = {s.id for s in plan.budget.sources if s.id} | {
            s.name for s in plan.budget.sources
        }
    for kind_vi, kind_en, known, given in (
        (
            "chỉ tiêu",
            "targets",
            {t.id for t in iter_targets(plan)},
            [t.id for t in progress.targets],
        ),
        ("nhiệm vụ", "tasks", {t.id for t in iter_tasks(plan)}, [t.id for t in progress.tasks]),
        ("nguồn kinh phí", "budget sources", sources, [b.source for b in progress.budget]),
    ):
        unknown = [item for item in given if item not in known]
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            raise ProgressMismatchError(
                f"số liệu tiến độ không khớp với kế hoạch: {kind_vi} {shown} không có trong kế "
                "hoạch (tệp tiến độ của kế hoạch khác?)",
                f"the progress does not match the plan: {kind_en} {shown} are not in the plan "
                "(progress of another plan?)",
            )


def _shift_date(day: date, shift: int) -> date:
    year = day.year + shift
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _is_year_end(progress: Progress) -> bool:
    return progress.period in ("year", None) and (
        progress.cutoff is None or progress.cutoff.month == 12
    )


def _count(value: int | Decimal) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format(value, "f").replace(".", ",")
    return f"{int(value):02d}"


class _Roll:
    """One roll-forward: the new plan's data and the review items, built step by step."""

    def __init__(self, plan: Plan, progress: Progress | None, year: int):
        self.old = plan
        self.progress = progress
        self.year = year
        self.shift = year - plan.year
        self.years = set(range(plan.year, year))
        self.data: dict[str, Any] = plan.model_dump()
        self.items: list[ReviewItem] = []
        self.cited: list[Path] = []  # texts quoting the old plan: their years stay

    # -- helpers ------------------------------------------------------------------------

    def add(self, group: str, kind: str, path: Path, note_vi: str, note_en: str, **kw: Any) -> None:
        data = kw.pop("data", self.data)
        self.items.append(
            ReviewItem(
                group=group,
                kind=kind,
                path=format_path(path),
                where_vi=describe(path, data, "vi") if path else "Toàn văn bản",
                where_en=describe(path, data, "en") if path else "Whole document",
                note_vi=note_vi,
                note_en=note_en,
                **kw,
            )
        )

    # -- steps --------------------------------------------------------------------------

    def run(self) -> Rollover:
        self._header()
        self._subject()
        self._basis()
        self._targets()
        self._tasks()
        self._budget()
        self._profile()
        self._progress_period()
        self._closing_mark()
        try:
            plan = Plan.model_validate(self.data)
        except ValidationError as exc:  # pragma: no cover - every step keeps the plan valid
            raise InputError("<next-year>", problems_from(exc)) from None
        self._warnings(plan)
        literals = list(self._literals(plan))
        order = {"decide": 0, "carried": 1, "one-off": 2, "literal": 3, "changed": 4}
        items = sorted([*self.items, *literals], key=lambda i: order[i.group])
        return Rollover(plan=plan, review=tuple(items), from_year=self.old.year, year=self.year)

    def _header(self) -> None:
        header = self.data["header"]
        old = self.old.header
        header["number"] = None
        header["date"] = {"year": self.year}
        self.data["year"] = self.year
        type_c, body_c = document_codes(old, self.old.title.type_name)
        self.add(
            "decide",
            "header",
            ("header",),
            f"Số và ngày ký để trống (Số    -{type_c}/{body_c}, ngày    tháng    năm "
            f"{self.year}): điền khi ban hành.",
            f"Number and signing date left blank (year {self.year}): fill them in when issued.",
        )
        sig = self.old.signature
        who = ", ".join(x for x in (sig.position, sig.signer) if x)
        self.add(
            "decide",
            "signer",
            ("signature",),
            f"Người ký giữ như năm {self.old.year} ({who}): sửa nếu đã thay đổi.",
            f"Signer kept from {self.old.year} ({who}): change it if someone else signs.",
        )

    def _subject(self) -> None:
        subject: str = self.data["title"]["subject"]
        new = subject
        for lit in reversed(find_year_literals(subject, self.years, self.shift)):
            if lit.kind != "plan-year" or lit.new is None:
                continue
            new = new[: lit.start] + lit.new + new[lit.end :]
            self.add(
                "changed",
                "plan-year",
                ("title", "subject"),
                "Năm kế hoạch trong trích yếu tự chuyển sang năm mới.",
                "The plan year in the subject advances with the plan.",
                quote=quote(subject, lit.start, lit.end),
                old=lit.old(subject),
                new=lit.new,
                applied=True,
            )
        self.data["title"]["subject"] = new

    def _basis(self) -> None:
        old = self.old
        basis: list[dict[str, Any]] = self.data["opening"]["basis"]
        old_data = old.model_dump()
        kept: list[dict[str, Any]] = []
        checks: list[tuple[int, Reference]] = []
        for i, ref in enumerate(old.opening.basis):
            if ref.lead == PLAN_LEAD or (
                ref.type_name == "Báo cáo" and (ref.subject or "").startswith(REPORT_SUBJECT)
            ):
                self.add(
                    "changed",
                    "basis",
                    ("opening", "basis", i),
                    "Bỏ căn cứ kết quả của năm trước nữa (thay bằng căn cứ mới).",
                    "Dropped the reference to an older year's results (replaced by a new one).",
                    quote=_ref_quote(ref),
                    data=old_data,
                )
                continue
            if isinstance(ref.date, date | PartialDate) and ref.date.year >= old.year - 1:
                checks.append((len(kept), ref))
            kept.append(basis[i])
        type_c, body_c = document_codes(old.header, old.title.type_name)
        added = [
            Reference(
                lead=PLAN_LEAD,
                type_name=old.title.type_name,
                number=number_symbol(old.header.number, type_c, body_c)
                if old.header.number
                else None,
                date=old.header.date,
                issuer=issuer_phrase(old.header, old.signature),
                subject=old.title.subject,
            )
        ]
        if self.progress is not None and _is_year_end(self.progress):
            added.append(self._report_reference())
        basis[:] = [*kept, *(ref.model_dump() for ref in added)]
        for index, ref in checks:
            year = ref.date.year if ref.date is not None else old.year
            self.add(
                "decide",
                "basis",
                ("opening", "basis", index),
                f"Căn cứ ban hành năm {year}: còn là căn cứ của kế hoạch năm {self.year} "
                "không, có văn bản mới thay thế không?",
                f"A basis issued in {year}: is it still a basis for {self.year}, or has a "
                "newer document replaced it?",
                quote=_ref_quote(ref),
            )
        for offset, ref in enumerate(added):
            index = len(kept) + offset
            self.cited.append(("opening", "basis", index))
            missing = [w for w, v in (("số", ref.number), ("ngày", _full(ref.date))) if not v]
            fill = f" Điền {' và '.join(missing)} của văn bản." if missing else ""
            fill_en = " Fill in its number and date." if missing else ""
            self.add(
                "decide",
                "basis",
                ("opening", "basis", index),
                f"Đã thêm căn cứ này.{fill} Sắp xếp lại thứ tự căn cứ nếu cần.",
                f"This basis was added.{fill_en} Reorder the bases if needed.",
                quote=_ref_quote(ref),
            )

    def _report_reference(self) -> Reference:
        assert self.progress is not None
        old, header = self.old, self.progress.header
        body = header.issuing_body or old.header.issuing_body
        body_c = header.body_code or document_codes(old.header, old.title.type_name)[1]
        issuer = (
            body
            if header.issuing_body
            else issuer_phrase(old.header, self.progress.signature or old.signature)
        )
        return Reference(
            lead="Căn cứ",
            type_name="Báo cáo",
            number=number_symbol(header.number, "BC", body_c) if header.number else None,
            date=header.date,
            issuer=issuer,
            subject=f"{REPORT_SUBJECT} {old.title.type_name} năm {old.year}",
        )

    # -- targets ------------------------------------------------------------------------

    def _target_paths(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        def walk(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "targets" and isinstance(value, list):
                        for i, target in enumerate(value):
                            yield (*path, key, i), target
                    else:
                        yield from walk(value, (*path, key))
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    yield from walk(value, (*path, i))

        return walk(self.data, ())

    def _targets(self) -> None:
        if self.progress is None:
            return
        achieved = {t.id: t.achieved for t in self.progress.targets}
        met: list[str] = []
        old_year = self.old.year
        for path, target in self._target_paths():
            quantity, unit = target["quantity"], target["unit"]
            name = target.get("label") or target["id"]
            done = achieved.get(target["id"])
            if done is None:
                self.add(
                    "carried",
                    "not-reported",
                    path,
                    f"Chưa có số liệu thực hiện năm {old_year}: giữ chỉ tiêu "
                    f"{_count(quantity)} {unit}.",
                    f"No result reported for {old_year}: the target stays at {quantity} {unit}.",
                    quote=name,
                )
            elif done >= quantity:
                met.append(target["id"])
            elif unit == "%":
                self.add(
                    "carried",
                    "carried-target",
                    path,
                    f"Năm {old_year} đạt {_count(done)}% trên chỉ tiêu {quantity}%: giữ chỉ "
                    "tiêu tỷ lệ.",
                    f"{old_year}: {done}% of the {quantity}% target; the rate stays.",
                    quote=name,
                )
            else:
                remaining = math.ceil(Decimal(quantity) - done)
                target["quantity"] = remaining
                self.add(
                    "carried",
                    "carried-target",
                    path,
                    f"Chưa đạt năm {old_year}: chỉ tiêu {_count(quantity)} {unit}, đã thực hiện "
                    f"{_count(done)}; chuyển tiếp số còn lại {_count(remaining)} {unit}. Nếu là "
                    f"chỉ tiêu hằng năm, có thể giữ {_count(quantity)}.",
                    f"Not met in {old_year}: target {quantity} {unit}, done {done}; the "
                    f"remaining {remaining} carries over. A yearly target may keep {quantity}.",
                    quote=name,
                    old=_count(quantity),
                    new=_count(remaining),
                    applied=True,
                )
        if met:
            self.add(
                "carried",
                "met-targets",
                (),
                f"Các chỉ tiêu đã đạt năm {old_year}, giữ nguyên số lượng: {', '.join(met)}.",
                f"Targets met in {old_year}, kept as they were: {', '.join(met)}.",
            )

    # -- tasks --------------------------------------------------------------------------

    def _tasks(self) -> None:
        content = self.old.content
        if not (content and content.tasks):
            return
        statuses = (
            {t.id: t.status for t in self.progress.tasks} if self.progress is not None else {}
        )
        old_data = self.old.model_dump()
        quarters = self.data["content"]["tasks"]["quarters"]
        new_quarters: list[dict[str, Any]] = []
        pending: list[tuple[Path, Path | None, Any, list[_Note]]] = []
        for qi, quarter in enumerate(content.tasks.quarters):
            kept: list[dict[str, Any]] = []
            for ti, task in enumerate(quarter.tasks):
                old_path: Path = ("content", "tasks", "quarters", qi, "tasks", ti)
                keep, notes = self._task(task, quarter.quarter, statuses)
                new_path: Path | None = None
                if keep:
                    new_path = ("content", "tasks", "quarters", len(new_quarters), "tasks")
                    new_path = (*new_path, len(kept))
                    entry = quarters[qi]["tasks"][ti]
                    if task.due is not None:
                        entry["due"] = _shift_date(task.due, self.shift)
                        notes.append(
                            _Note(
                                "changed",
                                "due",
                                "Thời hạn chuyển sang năm mới.",
                                "The due date moves to the new year.",
                                short_date(task.due),
                                short_date(entry["due"]),
                                "due",
                            )
                        )
                    kept.append(entry)
                pending.append((old_path, new_path, task, notes))
            if kept or not quarter.tasks:
                new_quarters.append({**quarters[qi], "tasks": kept})
            else:
                self.add(
                    "changed",
                    "empty-quarter",
                    ("content", "tasks", "quarters", qi),
                    f"Quý {roman(quarter.quarter)} không còn nhiệm vụ nào nên đã bỏ.",
                    f"Quarter {roman(quarter.quarter)} has no task left and was dropped.",
                    data=old_data,
                )
        self.data["content"]["tasks"]["quarters"] = new_quarters
        for old_path, new_path, task, notes in pending:
            for note in notes:
                place = new_path or old_path
                self.add(
                    note.group,
                    note.kind,
                    (*place, note.field) if note.field else place,
                    note.vi,
                    note.en,
                    quote=quote(task.text, 0, 0, width=120),
                    old=note.old,
                    new=note.new,
                    applied=note.old is not None,
                    data=old_data if new_path is None else self.data,
                )

    def _task(
        self, task: Task, quarter: int, statuses: Mapping[str, str | None]
    ) -> tuple[bool, list[_Note]]:
        """Whether one task stays in the new plan, and what to say about it."""
        old_year = self.old.year
        recurring, words = task.recurring, None
        guessed = recurring is None
        if guessed:
            recurring, words = guess_recurring(task.text)
        status = statuses.get(task.id)
        why_vi = why_en = ""
        if guessed:
            said = f' (từ "{words}")' if words else ""
            said_en = f' (from "{words}")' if words else ""
            kind_vi = "lặp lại hằng năm" if recurring else "việc một lần"
            why_vi = f" Không ghi recurring; đoán là {kind_vi}{said}."
            why_en = f" No recurring flag; guessed {'recurring' if recurring else 'one-off'}"
            why_en += f"{said_en}."
        guess = _Note(
            "decide",
            "guessed-recurring",
            f"{why_vi.strip()} Đã giữ; ghi recurring: true hoặc false để khỏi đoán.",
            f"{why_en.strip()} Kept; set recurring: true or false to stop the guess.",
        )
        if status is not None and status in DONE_STATUSES:
            if recurring:
                return True, [guess] if guessed else []
            return False, [
                _Note(
                    "carried",
                    "dropped-task",
                    f"Việc một lần đã hoàn thành năm {old_year} ({STATUS_LABELS[status]}): đã "
                    f"bỏ khỏi kế hoạch năm {self.year} (vị trí trong kế hoạch năm "
                    f"{old_year}).{why_vi}",
                    f"A one-off task done in {old_year} ({STATUS_LABELS_EN[status]}): dropped "
                    f"(where it was in the plan for {old_year}).{why_en}",
                )
            ]
        if status is not None:
            return True, [
                _Note(
                    "carried",
                    "carried-task",
                    f"Chưa hoàn thành năm {old_year} ({STATUS_LABELS[status]}): chuyển sang năm "
                    f"{self.year}, giữ ở Quý {roman(quarter)}; xem lại quý và nội dung.{why_vi}",
                    f"Not done in {old_year} ({STATUS_LABELS_EN[status]}): carried over in the "
                    f"same quarter; check the quarter and the wording.{why_en}",
                )
            ]
        notes = []
        if self.progress is not None:
            notes.append(
                _Note(
                    "carried",
                    "not-reported",
                    f"Chưa có báo cáo tình trạng năm {old_year}: giữ nhiệm vụ.",
                    f"No status reported for {old_year}: the task stays.",
                )
            )
        if not recurring:
            notes.append(
                _Note(
                    "one-off",
                    "one-off",
                    f"Việc một lần của năm {old_year}: bỏ, giữ hay sửa cho năm {self.year}?"
                    f"{why_vi}",
                    f"A one-off task of {old_year}: drop, keep or reword it for {self.year}?"
                    f"{why_en}",
                )
            )
        elif guessed:
            notes.append(guess)
        return True, notes

    # -- budget, profile ----------------------------------------------------------------

    def _budget(self) -> None:
        budget = self.old.budget
        if budget is None or budget.year_amount is None:
            return
        self.data["budget"]["year_amount"] = None
        self.add(
            "decide",
            "budget",
            ("budget", "year_amount"),
            f"Nhu cầu kinh phí năm {self.year} để trống: điền số tiền (năm {self.old.year}: "
            f"{format_number(budget.year_amount)} đồng). Tổng kinh phí và các nguồn giữ nguyên.",
            f"The amount for {self.year} is left blank: fill it in ({self.old.year}: "
            f"{budget.year_amount} đồng). The total and the sources stay.",
            data=self.old.model_dump(),
        )

    def _profile(self) -> None:
        pinned = self.old.format.profile
        if pinned is None:
            return
        first = profile_for_date(date(self.year, 1, 1)).id
        last = profile_for_date(date(self.year, 12, 31)).id
        if first != last:
            self.add(
                "decide",
                "profile",
                ("format", "profile"),
                f"Hướng dẫn thể thức ghi cố định {pinned}; năm {self.year} đổi hướng dẫn "
                "(27/5/2026): kiểm tra theo ngày ký.",
                f"The format guidance is pinned to {pinned}; it changes during "
                f"{self.year} (27/5/2026): check against the signing date.",
            )
        elif pinned != first:
            self.data["format"]["profile"] = None
            self.add(
                "changed",
                "profile",
                ("format", "profile"),
                f"Bỏ ghi cố định hướng dẫn thể thức {pinned}: năm {self.year} theo {first}.",
                f"Unpinned the format guidance {pinned}: {self.year} follows {first}.",
                old=pinned,
                new=first,
                applied=True,
            )

    def _progress_period(self) -> None:
        progress = self.progress
        if progress is None or _is_year_end(progress):
            return
        until = short_date(progress.cutoff) if progress.cutoff else str(progress.period)
        self.add(
            "decide",
            "progress-period",
            (),
            f"Số liệu thực hiện chỉ đến {until}, chưa phải cả năm {self.old.year}: chỉ tiêu, "
            "nhiệm vụ chuyển tiếp tính theo số liệu này; chưa thêm căn cứ báo cáo năm.",
            f"The progress only runs to {until}, not the whole of {self.old.year}: what carries "
            "over follows it; no year-end report is cited.",
        )

    def _closing_mark(self) -> None:
        """F-BODY-6: the body ends with "." — offer to turn a closing "./." into "."."""
        closing = self.data["closing"]
        if not closing:
            return
        path: Path = ("closing", len(closing) - 1)
        text = closing[-1]
        if isinstance(text, dict) and isinstance(text.get("text"), str):
            path, text = (*path, "text"), text["text"]
        if not isinstance(text, str) or not text.rstrip().endswith("./."):
            return
        end = len(text.rstrip())
        self.items.append(
            ReviewItem(
                group="decide",
                kind="closing-mark",
                path=format_path(path),
                where_vi=describe(path, self.data, "vi"),
                where_en=describe(path, self.data, "en"),
                note_vi='Văn bản của Đảng kết thúc bằng dấu chấm ".", không dùng "./." (F-BODY-6).',
                note_en='A Party document ends with a full stop ".", not "./." (F-BODY-6).',
                quote=quote(text, end - 3, end),
                old="./.",
                new=".",
                target=path,
                start=end - 3,
                end=end,
            )
        )

    def _warnings(self, plan: Plan) -> None:
        """kehoach's own review warnings on the new plan (a body that no longer exists…)."""
        from kehoach.review import builtin_warnings

        data = plan.model_dump()
        for warning in builtin_warnings(plan):
            if warning.code == "F-BODY-6":  # offered as a suggestion (closing-mark)
                continue
            try:
                path = parse_path(warning.field)
                describe(path, data)
            except (KeyError, IndexError, TypeError):
                path = ()
            self.add(
                "decide",
                "warning",
                path,
                f"{warning.code}: {warning.message_vi}",
                f"{warning.code}: {warning.message_en}",
                data=data,
            )

    # -- literals -----------------------------------------------------------------------

    def _literals(self, plan: Plan) -> Iterator[ReviewItem]:
        data = plan.model_dump()
        for path, value in iter_free_text(data):
            where_vi, where_en = describe(path, data, "vi"), describe(path, data, "en")
            cited = any(path[: len(c)] == c for c in self.cited)
            basis = not cited and path[:2] == ("opening", "basis")
            if isinstance(value, int):
                if value in self.years:
                    yield self._literal_item(
                        path, where_vi, where_en, str(value), value, cited, basis
                    )
                continue
            found = find_year_literals(value, self.years, self.shift)
            if not cited:
                found += find_anniversaries(value, self.shift)
            for lit in sorted(found, key=lambda x: x.start):
                yield self._literal_item(path, where_vi, where_en, value, lit, cited, basis)

    def _literal_item(
        self,
        path: Path,
        where_vi: str,
        where_en: str,
        text: str,
        lit: Literal | int,
        cited: bool,
        basis: bool = False,
    ) -> ReviewItem:
        new: str | None
        start: int | None
        end: int | None
        if isinstance(lit, int):
            kind, old, new, start, end = "year", text, str(lit + self.shift), None, None
            quote_text = text
        else:
            kind, old, new, start, end = lit.kind, lit.old(text), lit.new, lit.start, lit.end
            quote_text = quote(text, lit.start, lit.end)
        note_vi, note_en = LITERAL_NOTES[kind]
        symbol = cited_in_clause(text, lit.start) if isinstance(lit, Literal) else None
        if symbol and new is not None:
            note_vi += (
                f"; nằm trong câu dẫn văn bản {symbol}: nếu dẫn văn bản của năm mới, sửa cả số "
                "và ngày của văn bản"
            )
            note_en += f"; part of a citation of {symbol}: when citing next year's document, "
            note_en += "change its number and date too"
        if cited:
            kind, new = "cited", None
            note_vi = f"trích dẫn kế hoạch năm {self.old.year}: giữ nguyên"
            note_en = f"quotes the plan for {self.old.year}: keep it"
        elif basis:
            kind, new = "cited", None
            note_vi = (
                "thuộc căn cứ được dẫn: giữ nếu vẫn dẫn văn bản này; nếu dẫn văn bản của năm "
                "mới, sửa cả số, ngày và trích yếu"
            )
            note_en = (
                "part of a cited basis: keep it if that document is still cited; when citing "
                "next year's, change its number, date and subject"
            )
        return ReviewItem(
            group="literal",
            kind=kind,
            path=format_path(path),
            where_vi=where_vi,
            where_en=where_en,
            note_vi=_sentence(note_vi),
            note_en=_sentence(note_en),
            quote=quote_text,
            old=old,
            new=new,
            target=path,
            start=start,
            end=end,
        )


@dataclass(frozen=True)
class _Note:
    """Something to say about a task, before its place in the new plan is known."""

    group: str
    kind: str
    vi: str
    en: str
    old: str | None = None
    new: str | None = None
    field: str | None = None  # the task's field the note is about ("due")


def _sentence(text: str) -> str:
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _full(day: Any) -> bool:
    return isinstance(day, date)


def _ref_quote(ref: Reference) -> str:
    parts = [ref.lead, ref.type_name]
    if ref.number:
        parts.append(f"số {ref.number}")
    if isinstance(ref.date, date):
        parts.append(f"ngày {short_date(ref.date)}")
    elif ref.date is not None:
        parts.append(f"năm {ref.date.year}")
    if ref.issuer:
        parts.append(f"của {ref.issuer}")
    text = " ".join(parts)
    if ref.subject:
        text += f" về {ref.subject}"
    return quote(text, 0, 0, width=160)
