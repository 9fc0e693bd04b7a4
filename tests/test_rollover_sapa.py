"""The Sa Pa 2022 example rolls forward to a 2023 draft that validates, renders and checks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import kehoach
from kehoach.dump import to_yaml
from kehoach.model import Plan, iter_targets, iter_tasks, task_quarter
from kehoach.rollover import Rollover, next_year

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"

# Keys of plan data that hold codes and ids, not text a person reads.
NOT_TEXT = {"id", "source", "plan_type", "format", "type_code", "body_code", "align", "authority"}
PLACEHOLDER = re.compile(r"(?<!\\)\{[A-Za-z0-9][A-Za-z0-9._-]*\}")


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The Sa Pa 2022 plan."""
    return kehoach.load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def rollover(plan: Plan) -> Rollover:
    """Its roll-forward to 2023, without progress."""
    return next_year(plan)


def _path(parts: tuple[Any, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _free_text(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[str, str]]:
    """Every string of dumped plan data outside ids and options: (path, text)."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                found += _free_text(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _free_text(value, (*path, index))
    elif isinstance(data, str):
        found.append((_path(path), data))
    return found


def _literal_2022(rollover: Rollover) -> list[tuple[str, int, str]]:
    """Each "2022" written in the free text of the dumped new plan: (path, offset, text)."""
    data = yaml.safe_load(to_yaml(rollover.plan))
    hits = []
    for path, text in _free_text(data):
        ids = [m.span() for m in PLACEHOLDER.finditer(text)]
        for match in re.finditer(r"(?<!\d)2022(?!\d)", text):
            if not any(a <= match.start() < b for a, b in ids):
                hits.append((path, match.start(), text))
    return hits


def test_new_plan_validates_through_yaml(rollover: Rollover, tmp_path: Path):
    """The 2023 draft, written as YAML and read back, is the same valid plan."""
    path = tmp_path / "next.yaml"
    path.write_text(to_yaml(rollover.plan), encoding="utf-8")
    assert kehoach.load_plan(path) == rollover.plan
    assert rollover.from_year == 2022 and rollover.year == 2023


def test_year_number_and_date_become_draft_blanks(plan: Plan, rollover: Rollover):
    """Year 2023; number empty; date {year: 2023}; place, bodies and signer kept."""
    new = rollover.plan
    assert new.year == 2023
    assert new.header.number is None
    assert new.header.date.year == 2023 and new.header.full_date is None
    assert getattr(new.header.date, "month", None) is None
    assert (new.header.place, new.header.issuing_body, new.header.superior_body) == (
        plan.header.place,
        plan.header.issuing_body,
        plan.header.superior_body,
    )
    assert new.signature == plan.signature and new.recipients == plan.recipients
    composed = kehoach.compose(new)
    assert composed.date_line == "Sa Pa, ngày    tháng    năm 2023"
    assert composed.number_line == "Số    -KH/TU"


def test_subject_year_advances_and_is_listed(plan: Plan, rollover: Rollover):
    """The trích yếu's "năm 2022" becomes "năm 2023" by itself, listed as a change made."""
    assert plan.title.subject.endswith("Tuyên giáo năm 2022")
    assert rollover.plan.title.subject.endswith("Tuyên giáo năm 2023")
    assert rollover.plan.title.subject.removesuffix("2023") == plan.title.subject.removesuffix(
        "2022"
    )
    changed = [i for i in rollover.review if i.path == "title.subject"]
    assert [(i.group, i.old, i.new, i.applied) for i in changed] == [
        ("changed", "năm 2022", "năm 2023", True)
    ]


def test_opening_cites_the_previous_plan_in_the_plans_own_style(plan: Plan, rollover: Rollover):
    """Sa Pa writes its bases as running text ("Thực hiện Kế hoạch số …"): the reference to
    the 2022 plan is suggested for that paragraph, not added as "- Căn cứ" lines before it
    (two styles, the order lost — #12)."""
    assert rollover.plan.opening.basis == []
    assert rollover.plan.opening.paragraphs == plan.opening.paragraphs
    [item] = [i for i in rollover.review if i.kind == "basis"]
    assert item.path == "opening.paragraphs[1]" and item.group == "decide"
    assert (
        "thêm căn cứ “Căn cứ kết quả thực hiện Kế hoạch tháng 01/2022 của Ban Thường vụ Thị "
        "ủy Sa Pa về triển khai thực hiện Đề án số 11-ĐA/TU" in item.note_vi
    )
    assert "Điền số và ngày" in item.note_vi


def test_a_structured_basis_list_gains_the_reference(plan: Plan):
    """A plan whose bases are a ``basis`` list gets "- Căn cứ kết quả thực hiện …" there."""
    data = plan.model_dump()
    data["opening"]["basis"] = [
        {"type_name": "Nghị quyết", "number": "05-NQ/TU", "issuer": "Thị ủy"}
    ]
    rolled = next_year(Plan.model_validate(data))
    first, ref = rolled.plan.opening.basis
    assert first.number == "05-NQ/TU"
    assert ref.lead == "Căn cứ kết quả thực hiện" and ref.type_name == "Kế hoạch"
    assert ref.date == plan.header.date and ref.subject == plan.title.subject
    assert ref.issuer == "Ban Thường vụ Thị ủy Sa Pa"
    item = next(i for i in rolled.review if i.path == "opening.basis[1]")
    assert "Điền số và ngày" in item.note_vi
    again = next_year(rolled.plan)  # rolling again replaces the reference, never stacks
    first, ref = again.plan.opening.basis
    assert first.number == "05-NQ/TU" and ref.date is not None and ref.date.year == 2023


def test_review_names_every_literal_2022(rollover: Rollover):
    """Every "2022" left in the dumped YAML's free text is a review item at that place."""
    hits = _literal_2022(rollover)
    assert len(hits) >= 9  # the Sa Pa plan writes "năm 2022" in many places
    text = rollover.review_text()
    for path, offset, value in hits:
        covering = [
            i
            for i in rollover.review
            if i.group in ("literal", "decide")
            and i.path == path
            and i.start is not None
            and i.start <= offset < (i.end or 0)
        ]
        assert covering, (path, value[max(0, offset - 30) : offset + 10])
        assert f"`{path}`" in text


def test_after_applying_only_unsuggested_years_remain(rollover: Rollover):
    """--apply-suggestions leaves only the years a person must decide (cited, periods)."""
    applied = rollover.apply_suggestions()
    assert applied.suggestions == ()
    left = _literal_2022(applied)
    assert left
    for path, offset, _ in left:
        item = next(
            i
            for i in applied.review
            if i.path == path and i.start is not None and i.start <= offset < (i.end or 0)
        )
        assert item.new is None and not item.applied
    # Kế hoạch số 72-KH/TU of the Ban Tuyên giáo "về … năm 2022", another body's
    # document whose year must not change (#12)
    assert {p for p, _, _ in left} == {"opening.paragraphs[1]"}
    tasks = {t.id: t.text for t in iter_tasks(applied.plan)}
    assert tasks["q1-so-ket-ct12-tb154"].startswith("Sơ kết 06 năm thực hiện Chỉ thị số 12-CT/TU")
    assert "Tuyên giáo năm 2023" in tasks["q1-ban-hanh-chuong-trinh"]


def test_tasks_keep_ids_and_quarters(plan: Plan, rollover: Rollover):
    """Without progress every task stays, with its id, in its quarter; targets unchanged."""
    assert task_quarter(rollover.plan) == task_quarter(plan)
    assert list(iter_targets(rollover.plan)) == list(iter_targets(plan))


def test_one_off_tasks_are_flagged(plan: Plan, rollover: Rollover):
    """recurring: false tasks are listed for a decision; their anniversaries get a new count."""
    one_off = {i.path for i in rollover.review if i.kind == "one-off"}
    quarters = plan.content.tasks.quarters  # type: ignore[union-attr]
    expected = {
        f"content.tasks.quarters[{qi}].tasks[{ti}]"
        for qi, q in enumerate(quarters)
        for ti, t in enumerate(q.tasks)
        if t.recurring is False
    }
    assert one_off == expected
    anniversary = [
        (i.old, i.new)
        for i in rollover.review
        if i.kind == "anniversary" and i.path == "content.tasks.quarters[0].tasks[9].text"
    ]
    assert anniversary == [("05 năm", "06 năm"), ("08 năm", "09 năm")]
    item = next(i for i in rollover.review if i.kind == "anniversary")
    assert "mốc sơ kết, tổng kết" in item.note_vi


def test_unflagged_tasks_are_guessed(rollover: Rollover):
    """Tasks without a recurring flag are guessed (recurring here) and listed as guesses."""
    guessed = {i.path for i in rollover.review if i.kind == "guessed-recurring"}
    assert guessed == {
        "content.tasks.quarters[1].tasks[4]",
        "content.tasks.quarters[3].tasks[1]",
    }
    assert all(t.recurring is None for t in iter_tasks(rollover.plan) if "dlxh" in t.id)


def test_budget_year_amount_is_cleared(plan: Plan, rollover: Rollover):
    """The year's amount is left for staff; the total and sources stay and still add up."""
    old, new = plan.budget, rollover.plan.budget
    assert old is not None and new is not None
    assert new.year_amount is None
    assert new.total == old.total and new.sources == old.sources
    item = next(i for i in rollover.review if i.kind == "budget")
    assert "1.750.060.000" in item.note_vi and "năm 2023" in item.note_vi


def test_review_text_has_vietnamese_headings(rollover: Rollover):
    """The review list reads in Vietnamese by default and in English on request."""
    text = rollover.review_text()
    assert text.startswith("# Danh sách cần rà soát: kế hoạch năm 2023")
    for heading in ("## Cần điền, cần quyết định", "## Nhiệm vụ một lần của năm 2022"):
        assert heading in text
    assert "## Năm, ngày và số năm ghi trong văn bản" in text
    assert "Đề xuất: `năm 2022` → `năm 2023`" in text
    english = rollover.review_text("en")
    assert english.startswith("# Review list: plan for 2023") and "Suggestion:" in english


@pytest.mark.parametrize("apply", [False, True], ids=["as-drafted", "suggestions-applied"])
def test_new_plan_renders_and_passes_the_checker(rollover: Rollover, apply: bool):
    """The 2023 draft renders with no checker error; applied suggestions also drop "./."."""
    pytest.importorskip("kehoach.render")
    from kehoach.check import check_docx

    new = rollover.apply_suggestions() if apply else rollover
    result = check_docx(kehoach.render_plan_bytes(new.plan))
    assert [f.rule for f in result.findings if f.severity == "error"] == []
    assert any(i.kind == "closing-mark" for i in rollover.review)
    if apply:  # the source's closing "./." (F-BODY-6) was a suggestion, now made
        assert "F-BODY-6" not in {f.rule for f in result.findings}
        assert new.plan.closing[-1].endswith("chất lượng.")  # type: ignore[union-attr]


def test_rolling_again_advances_the_subject(rollover: Rollover):
    """Rolling the 2023 draft to 2024 advances the subject's year again."""
    again = next_year(rollover.plan)
    assert again.plan.title.subject.endswith("năm 2024")


def test_skipping_a_year_shifts_by_two(plan: Plan):
    """--year 2024 moves the plan year phrases by two and lists 2022 and 2023."""
    skipped = next_year(plan, year=2024)
    assert skipped.plan.year == 2024 and skipped.plan.title.subject.endswith("năm 2024")
    assert {i.new for i in skipped.review if i.kind == "plan-year"} == {"năm 2024"}


@pytest.mark.parametrize("year", [2022, 2021])
def test_year_not_after_the_plan_is_an_error(plan: Plan, year: int):
    """A target year that is not after the plan's year is refused, in Vietnamese."""
    with pytest.raises(kehoach.UsageError) as error:
        next_year(plan, year=year)
    assert "phải sau năm 2022" in error.value.messages("vi")[0]


def test_pinned_old_guidance_is_unpinned(plan: Plan):
    """A plan pinned to the 2018 guidance, rolled past 27/5/2026, follows the 2026 one."""
    pinned = plan.model_copy(
        update={"format": plan.format.model_copy(update={"profile": "party-2018"})}
    )
    late = next_year(pinned, year=2027)
    assert late.plan.format.profile is None
    assert any(i.kind == "profile" and i.applied for i in late.review)
    during = next_year(pinned, year=2026)
    assert during.plan.format.profile == "party-2018"
    assert any(i.kind == "profile" and i.group == "decide" for i in during.review)


def test_review_warns_of_a_body_that_no_longer_exists(plan: Plan):
    """Rolled to 2026, the Thị ủy (district level, gone since 01/7/2025) is flagged."""
    late = next_year(plan, year=2026)
    [item] = [i for i in late.review if i.kind == "warning" and "P-ORG-1" in i.note_vi]
    assert item.path == "header.issuing_body" and item.note_vi.startswith("P-ORG-1")
    assert not [i for i in next_year(plan).review if "P-ORG-1" in i.note_vi]
