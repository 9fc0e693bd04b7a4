"""Review warnings on plan data: what a plan can be rendered with but should not be signed with.

A :class:`PlanWarning` is not a validation error: the plan loads and renders. It flags
what a reviewer would send back: a trích yếu starting upper-case (F-SUBJ-1), no
recipients, a plan year that is not the year of the document date, a closing "./." in
a document under 05-HD/VPTW (F-BODY-6), "[…]" places left to fill, bodies that no
longer exist. Plan types and plugins add their own (hook ``kehoach_review_plan``);
:func:`kehoach.review_plan` (in :mod:`kehoach.plugin_host.review`) runs them all.

This module sits below the plugin machinery: the hook specifications and plan types
name :class:`PlanWarning`, and nothing here asks a plugin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

from kehoach.compose import resolve_profile
from kehoach.loader import format_path
from kehoach.model import Plan
from kehoach.model.data import iter_free_text
from kehoach.model.plan import block_texts
from kehoach.orgs import LAST_DISTRICT_YEAR, MERGER_YEAR, Organization
from kehoach.vi import convert_tone_style, normalize_text

MARKER = re.compile(r"\[[^\[\]\n]{2,}\]")
"""A place left for staff to fill: "[Ghi mục đích của kế hoạch]"."""


@dataclass(frozen=True)
class PlanWarning:
    """One review warning on a plan file.

    Attributes:
        code: A stable code: a spec rule id (``F-SUBJ-1``) or a kehoach one (``P-TODO-1``).
        field: The plan field it is about (``title.subject``), ``""`` for the whole plan.
        message_vi: The message in Vietnamese.
        message_en: The message in English.
        plugin: The plugin that raised it (filled in by :func:`review_plan`).
    """

    code: str
    field: str
    message_vi: str
    message_en: str
    plugin: str | None = None

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` ("vi" or "en")."""
        return self.message_en if lang == "en" else self.message_vi

    def line(self, lang: str = "vi") -> str:
        """ "F-SUBJ-1 title.subject: message" for printing."""
        where = f" {self.field}" if self.field else ""
        return f"{self.code}{where}: {self.message(lang)}"


def iter_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """Every text a person wrote in a plan, with its field path (``closing[0]``).

    Every field of text counts (headings, tasks and their units, budget labels, sources
    and lines, citations, table cells, target units and labels…), as in the
    roll-forward's search for literal years: one walk, so neither misses a field.
    """
    reviewing = _REVIEWING.get()
    if reviewing is not None and reviewing[0] is plan:
        yield from reviewing[1]
        return
    for path, value in iter_free_text(plan.model_dump()):
        if isinstance(value, str):
            yield format_path(path), value


# The texts of the plan under review_plan: every check walks them, the plan is walked once.
# Scoped to the call, so a plan changed between two reviews is never read stale.
_REVIEWING: ContextVar[tuple[Plan, list[tuple[str, str]]] | None] = ContextVar(
    "kehoach_reviewing", default=None
)


@contextmanager
def texts_walked_once(plan: Plan) -> Iterator[None]:
    """Within the block, :func:`iter_texts` of ``plan`` replays one walk of its texts."""
    reviewing = _REVIEWING.set((plan, list(iter_texts(plan))))
    try:
        yield
    finally:
        _REVIEWING.reset(reviewing)


def fold(text: str) -> str:
    """Comparison form: NFC, case-folded, one tone-mark style ("hoá" = "hóa")."""
    return convert_tone_style(normalize_text(text).casefold(), "old")


def plan_text(plan: Plan) -> str:
    """All the plan's texts joined, in :func:`fold` form (for "does it speak of …" checks)."""
    return fold("\n".join(text for _, text in iter_texts(plan)))


# --- built-in checks (run by the ``core`` plugin) ---------------------------------------


def check_subject(plan: Plan) -> Iterator[PlanWarning]:
    """F-SUBJ-1: the trích yếu starts with a lower-case letter."""
    first = next((c for c in plan.title.subject if c.isalpha()), "")
    if first and first.isupper():
        yield PlanWarning(
            "F-SUBJ-1",
            "title.subject",
            f"trích yếu nên bắt đầu bằng chữ thường (đang là “{first}”)",
            f"the subject should start with a lower-case letter (it starts with “{first}”)",
        )


def check_recipients(plan: Plan) -> Iterator[PlanWarning]:
    """Nơi nhận lists at least one recipient besides the filing line (F-RECIP-3)."""
    if not plan.recipients.items:
        yield PlanWarning(
            "P-RECIP-1",
            "recipients.items",
            "chưa có nơi nhận nào ngoài dòng “Lưu”",
            "no recipient besides the filing line",
        )


def check_year(plan: Plan) -> Iterator[PlanWarning]:
    """The plan year is the year of the document date."""
    if plan.year != plan.header.year:
        yield PlanWarning(
            "P-YEAR-1",
            "year",
            f"năm kế hoạch {plan.year} khác năm ghi ở ngày văn bản {plan.header.year}",
            f"the plan year {plan.year} is not the year of the document date {plan.header.year}",
        )


def check_closing(plan: Plan) -> Iterator[PlanWarning]:
    """F-BODY-6: under 05-HD/VPTW (from 27/5/2026) the body ends with "." and not "./."."""
    profile = resolve_profile(plan.format, plan.header.date)
    if profile.id != "party-2026" or not plan.closing:
        return
    last = [text for text, _ in block_texts(plan.closing[-1:])]
    if last and last[-1].rstrip().endswith("./."):
        yield PlanWarning(
            "F-BODY-6",
            f"closing[{len(plan.closing) - 1}]",
            "văn bản theo Hướng dẫn 05-HD/VPTW kết thúc bằng dấu chấm “.”, không dùng “./.”",
            "under 05-HD/VPTW the body ends with a full stop “.”, not “./.”",
        )


def check_markers(plan: Plan) -> Iterator[PlanWarning]:
    """No "[…]" place left to fill (written by ``kehoach new``)."""
    for field, text in iter_texts(plan):
        for match in MARKER.finditer(text):
            yield PlanWarning(
                "P-TODO-1",
                field,
                f"còn chỗ cần điền: {match.group(0)}",
                f"a place is left to fill: {match.group(0)}",
            )


def check_bodies(plan: Plan) -> Iterator[PlanWarning]:
    """The issuing body existed in the plan year (no district level after 2025)."""
    org = Organization(plan.header.issuing_body, plan.year, plan.header.direct_superior)
    if org.district_gone:
        yield PlanWarning(
            "P-ORG-1",
            "header.issuing_body",
            f"từ 01/7/2025 không còn cấp huyện: {org.name} không ban hành kế hoạch năm "
            f"{plan.year} (cấp tỉnh hoặc đảng ủy xã, phường, đặc khu)",
            f"the district level ended on 01/7/2025: {org.name} cannot issue a plan for "
            f"{plan.year} (use the province or the commune level)",
        )


# The toned vowels of an oa/oe/uy syllable (either one may carry the mark), NFC.
_MOVABLE_TONES = frozenset("òóỏõọàáảãạèéẻẽẹùúủũụỳýỷỹỵ" + "òóỏõọàáảãạèéẻẽẹùúủũụỳýỷỹỵ".upper())


def check_tone_styles(plan: Plan) -> Iterator[PlanWarning]:
    """Both tone-mark styles in one plan ("hòa" and "hoà"): offer format.tone_style."""
    if plan.format.tone_style is not None:  # the document is written in one style already
        return
    # Each distinct word once, and only words with a tone mark that could move: a plan
    # repeats a few hundred words thousands of times.
    words = {
        word
        for _, text in iter_texts(plan)
        for word in text.split()
        if not _MOVABLE_TONES.isdisjoint(word)
    }

    ordered = sorted(words)
    joined = "\n".join(ordered)  # converted in one call: words never span a line break

    def moved(style: Literal["old", "new"]) -> set[str]:
        converted = convert_tone_style(joined, style).split("\n")
        return {w.strip(",.;:()“”\"'") for w, c in zip(ordered, converted, strict=True) if c != w}

    old, new = moved("new"), moved("old")  # words written old-style move to "new"
    if old and new:
        sample_old, sample_new = ", ".join(sorted(old)[:3]), ", ".join(sorted(new)[:3])
        yield PlanWarning(
            "P-TONE-1",
            "format.tone_style",
            f"văn bản dùng cả hai cách bỏ dấu ({sample_old} / {sample_new}); kehoach giữ "
            "nguyên, muốn thống nhất thì ghi format.tone_style: old hoặc new",
            f"the text mixes both tone-mark styles ({sample_old} / {sample_new}); kehoach "
            "keeps them; set format.tone_style: old or new to make them one",
        )


BUILTIN_CHECKS = (
    check_subject,
    check_recipients,
    check_year,
    check_closing,
    check_markers,
    check_bodies,
    check_tone_styles,
)


def builtin_warnings(plan: Plan) -> list[PlanWarning]:
    """The warnings of kehoach's built-in checks (the ``core`` plugin reports them)."""
    return [warning for check in BUILTIN_CHECKS for warning in check(plan)]


def obsolete_names(
    plan: Plan, names: Iterable[tuple[str, str]], *, code: str, since: int = MERGER_YEAR
) -> Iterator[PlanWarning]:
    """Warn where the plan names a body that no longer exists in the plan year.

    Args:
        plan: The plan.
        names: ``(regular expression, what replaced it)`` pairs.
        code: The warning code.
        since: The first year the body no longer exists.
    """
    if plan.year < since:
        return
    for field, text in iter_texts(plan):
        for pattern, now in names:
            match = re.search(pattern, text)
            if match:
                yield PlanWarning(
                    code,
                    field,
                    f"năm {plan.year} không còn “{match.group(0)}”; nay là {now}",
                    f"“{match.group(0)}” no longer exists in {plan.year}; it is now {now}",
                )


__all__ = [
    "BUILTIN_CHECKS",
    "LAST_DISTRICT_YEAR",
    "MARKER",
    "PlanWarning",
    "builtin_warnings",
    "fold",
    "iter_texts",
    "obsolete_names",
    "plan_text",
    "texts_walked_once",
]
