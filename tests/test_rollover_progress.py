"""Next year's plan with this year's results: what carries over, what stays, what goes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import kehoach
from kehoach.model import Plan, Progress, iter_targets, iter_tasks, task_quarter
from kehoach.rollover import ProgressMismatchError, Rollover, next_year
from plan_data import minimal_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
YEAR_END = ROOT / "examples" / "sapa-2022-progress-year.yaml"
HALF_YEAR = ROOT / "examples" / "sapa-2022-progress-6m.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The Sa Pa 2022 plan."""
    return kehoach.load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def progress() -> Progress:
    """Its year-end progress (examples/sapa-2022-progress-year.yaml)."""
    return kehoach.load_progress(YEAR_END)


@pytest.fixture(scope="module")
def rollover(plan: Plan, progress: Progress) -> Rollover:
    """The 2023 draft made from the plan and its year-end progress."""
    return next_year(plan, progress)


def test_unmet_yearly_targets_keep_their_quantity(rollover: Rollover):
    """kiem-tra-hcm 05 with 04 done and sach-lich-su 07 with 05 done stay 05 and 07 (#12)."""
    targets = {t.id: t for t in iter_targets(rollover.plan)}
    assert targets["kiem-tra-hcm"].quantity == 5
    assert targets["sach-lich-su"].quantity == 7
    assert not [i for i in rollover.review if i.kind == "carried-target"]
    kept = {i.quote: i for i in rollover.review if i.kind == "kept-target"}
    books = next(i for i in kept.values() if "sách lịch sử" in i.quote)
    assert "Năm 2022 thực hiện 05 trên chỉ tiêu 07 cuốn sách" in books.note_vi
    assert "giữ nguyên 07 cuốn sách cho năm 2023" in books.note_vi
    assert not books.applied


def test_met_targets_stay_as_they_were(plan: Plan, rollover: Rollover):
    """Met or exceeded targets (trang-mxh: 18 of 16) keep their quantity for the new year."""
    old = {t.id: t for t in iter_targets(plan)}
    new = {t.id: t for t in iter_targets(rollover.plan)}
    assert set(new) == set(old)  # ids are stable
    for target_id in ("hn-quan-triet", "trang-mxh", "lop-tap-huan", "hoi-thi-hcm"):
        assert new[target_id] == old[target_id]
    [met] = [i for i in rollover.review if i.kind == "met-targets"]
    assert "trang-mxh" in met.note_vi and "kiem-tra-hcm" not in met.note_vi


def test_tasks_not_done_carry_over_in_their_quarter(plan: Plan, rollover: Rollover):
    """Overdue and in-progress tasks stay, with their ids, in the same quarter."""
    old_quarters, new_quarters = task_quarter(plan), task_quarter(rollover.plan)
    for task_id in ("q1-kh-sach-guong-tot", "q4-dieu-tra-dlxh", "q4-tham-dinh-ban-thao"):
        assert new_quarters[task_id] == old_quarters[task_id]
    carried = {i.path for i in rollover.review if i.kind == "carried-task"}
    assert len(carried) == 3
    note = next(i.note_vi for i in rollover.review if i.kind == "carried-task")
    assert "Chưa hoàn thành năm 2022 (Chưa thực hiện – quá hạn)" in note


def test_done_one_off_tasks_are_dropped_recurring_ones_stay(rollover: Rollover):
    """A contest held in 2022 is dropped; the quarterly hội nghị quán triệt stays."""
    ids = {t.id for t in iter_tasks(rollover.plan)}
    assert {"q2-hoi-thi", "q1-so-ket-ct12-tb154", "q4-tong-ket-nq20-2012"}.isdisjoint(ids)
    for quarter in (1, 2, 3, 4):
        assert f"q{quarter}-hn-quan-triet" in ids
    assert "q2-ra-soat-ctv-dlxh" in ids  # guessed recurring, done late: stays
    dropped = [i for i in rollover.review if i.kind == "dropped-task"]
    assert len(dropped) == 11
    assert all("đã bỏ khỏi kế hoạch năm 2023" in i.note_vi for i in dropped)


def test_review_paths_point_into_the_new_plan(rollover: Rollover):
    """Paths of kept tasks are their places in the new plan (after dropped tasks)."""
    data = rollover.plan.model_dump()
    for item in rollover.review:
        if item.kind in ("carried-task", "guessed-recurring"):
            parts = item.path.replace("]", "").replace("[", ".").split(".")
            node = data
            for part in parts:
                node = node[int(part)] if part.isdigit() else node[part]
            assert node["id"] in item.where_vi


def test_year_end_report_is_cited(rollover: Rollover):
    """With year-end progress the report (Báo cáo số 78-BC/TU) is cited too, suggested for
    the plan's own basis paragraph."""
    notes = [i.note_vi for i in rollover.review if i.kind == "basis"]
    assert len(notes) == 2
    assert (
        "“Căn cứ Báo cáo số 78-BC/TU, ngày 28/12/2022 của Ban Thường vụ Thị ủy Sa Pa về kết "
        "quả thực hiện Kế hoạch năm 2022”" in notes[1]
    )


def test_new_plan_with_progress_renders(rollover: Rollover):
    """The draft made with progress is valid and renders."""
    pytest.importorskip("kehoach.render")
    assert kehoach.render_plan_bytes(rollover.plan)[:2] == b"PK"


def test_half_year_progress_cites_no_report(plan: Plan):
    """Progress to 30/6 carries over what it says but is listed as not a year-end result."""
    half = next_year(plan, kehoach.load_progress(HALF_YEAR))
    assert len([i for i in half.review if i.kind == "basis"]) == 1  # the plan, no report
    [item] = [i for i in half.review if i.kind == "progress-period"]
    assert "30/6/2022" in item.note_vi
    assert any(i.kind == "not-reported" for i in half.review)


def test_progress_of_another_plan_is_an_error(plan: Plan, progress: Progress):
    """Progress naming ids the plan does not have is refused (the wrong file)."""
    other = progress.model_copy(
        update={"targets": [*progress.targets, progress.targets[0].model_copy(update={"id": "x"})]}
    )
    with pytest.raises(ProgressMismatchError) as error:
        next_year(plan, other)
    assert "không khớp" in error.value.messages("vi")[0]
    assert "x" in error.value.messages("en")[0]


def test_progress_of_another_year_is_an_error(plan: Plan, progress: Progress):
    """Progress for 2021 does not roll the 2022 plan."""
    with pytest.raises(ProgressMismatchError):
        next_year(plan, progress.model_copy(update={"year": 2021}))


def test_percentage_target_keeps_its_rate(plan: Plan, progress: Progress):
    """A percentage target that is not met keeps its rate rather than a "remaining" rate."""
    data = plan.model_dump()
    target = data["content"]["objectives"]["areas"][4]["content"][0]["targets"][0]
    target.update(unit="%", quantity=100)
    percent = Plan.model_validate(data)
    low = progress.model_copy(
        update={
            "targets": [
                t.model_copy(update={"achieved": Decimal("80.5")}) if t.id == "trang-mxh" else t
                for t in progress.targets
            ]
        }
    )
    result = next_year(percent, low)
    assert next(t for t in iter_targets(result.plan) if t.id == "trang-mxh").quantity == 100
    item = next(i for i in result.review if i.kind == "kept-target" and "80,5%" in i.note_vi)
    assert "chỉ tiêu tỷ lệ nên giữ nguyên 100%" in item.note_vi


def test_api_applies_suggestions(plan: Plan):
    """kehoach.next_year_plan loads files and can apply the suggestions."""
    result = kehoach.next_year_plan(EXAMPLE, YEAR_END, apply_suggestions=True)
    assert result.suggestions == ()
    assert any(i.applied and i.group == "changed" for i in result.review)
    assert result.plan.year == 2023 and result.from_year == plan.year


def test_budget_sources_are_found_as_the_report_finds_them():
    """A source named in other case, or "total" for a plan without sources, is this plan's."""
    data = minimal_plan()
    progress = {"period": "year", "budget": [{"source": "ngân sách", "spent": 100}]}
    kehoach.compose_report(data, progress)  # the report accepts it…
    assert kehoach.next_year_plan(data, progress).year == 2023  # …and so does next year
    del data["budget"]["sources"]
    progress = {"period": "year", "budget": [{"source": "total", "spent": 100}]}
    kehoach.compose_report(data, progress)
    assert next_year(kehoach.load_plan(data), Progress.model_validate(progress)).year == 2023
