"""The result of a roll-forward: the new plan and the list of places a person must review."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import ValidationError

from kehoach.errors import InputError
from kehoach.loader import data_positions, problems_from
from kehoach.model import Plan
from kehoach.model.data import Path
from kehoach.rollover.texts import get_at, set_at

# Review groups, in the order the list shows them: (key, Vietnamese heading, English heading).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("decide", "Cần điền, cần quyết định", "To fill in or decide"),
    ("carried", "Chuyển tiếp từ năm {old}", "Carried over from {old}"),
    ("one-off", "Nhiệm vụ một lần của năm {old}", "One-off tasks of {old}"),
    ("literal", "Năm, ngày và số năm ghi trong văn bản", "Years, dates and anniversaries in text"),
    ("changed", "Đã tự động thay đổi", "Changed automatically"),
)

# What each kind of literal is, for the reader: (vi, en).
LITERAL_NOTES: dict[str, tuple[str, str]] = {
    "plan-year": ("năm của kế hoạch", "the plan's year"),
    "date": ("ngày trong năm kế hoạch (thời hạn?)", "a date in the plan year (a deadline?)"),
    "school-year": ("năm học, niên độ", "a school or fiscal year"),
    "anniversary-span": ("khoảng năm kỷ niệm", "the span of an anniversary"),
    "year": ("năm ghi trong văn bản: kiểm tra", "a year written in the text: check it"),
    "citation-date": (
        "ngày của văn bản được dẫn: giữ nếu vẫn dẫn văn bản này, sửa nếu dẫn văn bản mới",
        "the date of a cited document: keep it if still cited, else cite the new one",
    ),
    "period": (
        "giai đoạn cố định: thường giữ nguyên",
        "a fixed period: usually unchanged",
    ),
    "doc-number": ("số hiệu văn bản: không đổi", "part of a document number: unchanged"),
    "citation": (
        "năm trong trích yếu của văn bản được dẫn: không đổi (đổi năm là dẫn một văn bản "
        "không có); nếu dẫn văn bản của năm mới, sửa cả số, ngày và trích yếu",
        "a year inside the citation of another document: unchanged (changing it alone "
        "would cite a document that does not exist); to cite next year's, change its "
        "number, date and subject",
    ),
    "next-plan-year": (
        "năm của kế hoạch năm sau (tổng kết năm trước, xây dựng kế hoạch năm sau)",
        "the year of the following plan (review this year, plan the next)",
    ),
    "can-chi": ("tên năm âm lịch (can chi) theo năm mới", "the lunar year's name for the new year"),
    "anniversary": (
        "số năm sơ kết, tổng kết, kỷ niệm; năm mới còn là mốc sơ kết, tổng kết không?",
        "an anniversary count; is the new count still a review milestone?",
    ),
}


@dataclass(frozen=True)
class ReviewItem:
    """One place of the new plan that a person must look at.

    Attributes:
        group: "decide", "carried", "one-off", "literal" or "changed".
        kind: What it is: a literal kind ("plan-year", "date", "citation-date", …),
            "anniversary", or "header", "budget", "signer", "basis", "carried-target",
            "carried-task", "dropped-task", "not-reported", "one-off", …
        path: Where, as a field path of the YAML file ("" for the whole plan).
        where_vi / where_en: The same place in words.
        quote: The words around the place, on one line.
        note_vi / note_en: What to check or decide.
        old / new: The literal and its suggested replacement (``new`` is None when only
            a person can say).
        applied: The change is already made in the new plan.
    """

    group: str
    kind: str
    path: str
    where_vi: str
    where_en: str
    note_vi: str
    note_en: str
    quote: str = ""
    old: str | None = None
    new: str | None = None
    applied: bool = False
    target: Path | None = field(default=None, repr=False, compare=False)
    start: int | None = field(default=None, repr=False, compare=False)
    end: int | None = field(default=None, repr=False, compare=False)

    @property
    def is_suggestion(self) -> bool:
        """A change that ``apply_suggestions`` can make."""
        return self.new is not None and not self.applied and self.target is not None

    def where(self, lang: str = "vi") -> str:
        """The place in words, in ``lang``."""
        return self.where_en if lang == "en" else self.where_vi

    def note(self, lang: str = "vi") -> str:
        """What to check, in ``lang``."""
        return self.note_en if lang == "en" else self.note_vi


@dataclass(frozen=True)
class Rollover:
    """Next year's plan, drafted from this year's, and what a person must still review.

    Attributes:
        plan: The new plan (valid; it renders as it is).
        review: Every place that needs a human decision, literal years left in free
            text included.
        from_year: The year of the plan rolled forward.
        year: The year of the new plan.
    """

    plan: Plan
    review: tuple[ReviewItem, ...]
    from_year: int
    year: int

    @property
    def suggestions(self) -> tuple[ReviewItem, ...]:
        """The review items with a change that :meth:`apply_suggestions` would make."""
        return tuple(item for item in self.review if item.is_suggestion)

    def apply_suggestions(self) -> Rollover:
        """The same roll-forward with every suggested change made (and listed as made)."""
        data = self.plan.model_dump()
        pending: dict[Path, list[ReviewItem]] = defaultdict(list)
        for item in self.suggestions:
            assert item.target is not None
            pending[item.target].append(item)
        done: set[int] = set()
        for path, items in pending.items():
            value = get_at(data, path)
            if isinstance(value, int):
                set_at(data, path, int(items[0].new or value))
                done.add(id(items[0]))
                continue
            edge = len(value) + 1
            for item in sorted(items, key=lambda i: i.start or 0, reverse=True):
                start, end = item.start or 0, item.end or 0
                if end > edge:  # overlaps a change already made
                    continue
                value = value[:start] + (item.new or "") + value[end:]
                edge = start
                done.add(id(item))
            set_at(data, path, value)
        try:
            plan = Plan.model_validate(data)
        except ValidationError as exc:  # pragma: no cover - changes only touch figures
            raise InputError("<next-year>", problems_from(exc, data_positions(data))) from None
        review = tuple(
            dataclasses.replace(item, applied=True, group="changed") if id(item) in done else item
            for item in self.review
        )
        return dataclasses.replace(self, plan=plan, review=review)

    def review_text(self, lang: str = "vi", *, source: str | None = None) -> str:
        """The review list as Markdown (readable as plain text), headings in ``lang``."""
        return format_review(self, lang, source=source)


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def format_review(rollover: Rollover, lang: str = "vi", *, source: str | None = None) -> str:
    """The review list of ``rollover`` as Markdown text."""
    old, new = rollover.from_year, rollover.year
    lines = [
        _t(lang, f"# Danh sách cần rà soát: kế hoạch năm {new}", f"# Review list: plan for {new}"),
        "",
        _t(
            lang,
            f"Bản nháp kế hoạch năm {new} lập từ kế hoạch năm {old}"
            + (f" ({source})" if source else "")
            + ". Mỗi mục dưới đây cần người soạn xem lại trước khi trình ký.",
            f"Draft plan for {new} made from the plan for {old}"
            + (f" ({source})" if source else "")
            + ". Each item below needs a person to look at it before signing.",
        ),
    ]
    suggestions = len(rollover.suggestions)
    if suggestions:
        lines += [
            "",
            _t(
                lang,
                f"Có {suggestions} đề xuất sửa; chạy lại với --apply-suggestions để áp dụng "
                "tất cả.",
                f"{suggestions} suggested changes; run again with --apply-suggestions to make "
                "them.",
            ),
        ]
    number = 0
    for key, heading_vi, heading_en in GROUPS:
        items = [item for item in rollover.review if item.group == key]
        if not items:
            continue
        heading = _t(lang, heading_vi, heading_en).format(old=old, new=new)
        lines += ["", f"## {heading} ({len(items)})", ""]
        for item in items:
            number += 1
            lines += _format_item(number, item, lang)
    if not rollover.review:
        lines += ["", _t(lang, "Không có mục nào cần rà soát.", "Nothing to review.")]
    return "\n".join(lines) + "\n"


def _format_item(number: int, item: ReviewItem, lang: str) -> list[str]:
    head = f"{number}. {item.where(lang)}"
    if item.path:
        head += f" (`{item.path}`)"
    lines = [head]
    if item.quote:
        lines.append(f"   - {_t(lang, 'Trích', 'Quote')}: `{item.quote}`")
    if item.old is not None and item.new is not None:
        verb = _t(lang, "Đã sửa", "Changed") if item.applied else _t(lang, "Đề xuất", "Suggestion")
        lines.append(f"   - {verb}: `{item.old}` → `{item.new}`")
    elif item.old is not None:
        lines.append(f"   - {_t(lang, 'Giữ hay sửa', 'Keep or change')}: `{item.old}`")
    lines.append(f"   - {item.note(lang)}")
    return lines
