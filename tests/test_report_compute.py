"""Report figures: exact ratios, đạt/vượt/chưa đạt, "chưa báo cáo" apart, scope, budget."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from kehoach import InputError, UsageError, load_plan, load_progress
from kehoach.model import Plan, Progress
from kehoach.report import compute_report, link_progress, plan_snapshot
from kehoach.vi import format_percent
from plan_data import minimal_plan
from report_data import minimal_progress


def _plan(**changes) -> Plan:
    data = minimal_plan()
    data.update(changes)
    return load_plan(data)


def _data(progress: dict, plan: Plan | None = None, period: str | None = None):
    if period is not None and period != "7m":  # --period on a file that names none
        progress = {**progress, "period": None}
    return compute_report(plan or _plan(), Progress.model_validate(progress), period)


@pytest.mark.parametrize(
    ("achieved", "ratio", "assessment", "percent"),
    [
        (4, Fraction(4, 5), "unmet", "80%"),
        (5, Fraction(1), "met", "100%"),
        (6, Fraction(6, 5), "exceeded", "120%"),  # above the target: vượt, not an error
        (0, Fraction(0), "unmet", "0%"),
        ("4,5", Fraction(9, 10), "unmet", "90%"),
    ],
)
def test_target_ratio_and_assessment(achieved, ratio, assessment, percent):
    """achieved / planned is an exact Fraction; at year end đạt, vượt, chưa đạt follow."""
    progress = minimal_progress()
    progress["targets"][0]["achieved"] = achieved
    progress["period"] = "year"
    (target,) = _data(progress).targets
    assert target.ratio == ratio and isinstance(target.ratio, Fraction)
    assert target.assessment == assessment
    assert format_percent(target.ratio) == percent


def test_unreported_target_is_not_zero():
    """A target without an entry (or without a figure) is "chưa báo cáo", never 0."""
    for targets in ([], [{"id": "hn", "notes": "đang tổng hợp"}]):
        progress = minimal_progress()
        progress["targets"] = targets
        data = _data(progress)
        (target,) = data.targets
        assert (target.achieved, target.ratio, target.assessment) == (None, None, "unreported")
        shares = {s.key: s.count for s in data.target_shares()}
        assert shares == {
            "met": 0,
            "exceeded": 0,
            "on_schedule": 0,
            "behind": 0,
            "unmet": 0,
            "unreported": 1,
        }


def test_nothing_planned():
    """A target of 0: no ratio; anything done is "vượt"."""
    plan_data = minimal_plan()
    plan_data["content"]["objectives"]["areas"][0]["content"][0]["targets"][0]["quantity"] = 0
    progress = minimal_progress()
    progress["targets"][0]["achieved"] = 2
    (target,) = _data(progress, load_plan(plan_data)).targets
    assert (target.ratio, target.assessment) == (None, "exceeded")


def test_task_status_counts_and_percentages():
    """Status counts cover the tasks in scope; "chưa báo cáo" is its own row."""
    progress = minimal_progress()
    data = _data(progress, period="year")
    shares = {s.key: (s.count, s.total) for s in data.status_shares()}
    assert shares["done_on_time"] == (1, 2)
    assert shares["unreported"] == (1, 2)  # q3-a has no entry
    assert sum(count for count, _ in shares.values()) == 2
    assert format_percent(data.status_shares()[0].ratio) == "50%"


@pytest.mark.parametrize(
    ("period", "in_scope", "upcoming"),
    [
        ("q1", ["q1-a"], ["q3-a"]),
        ("q2", [], ["q3-a"]),
        ("6m", ["q1-a"], ["q3-a"]),
        ("q3", ["q3-a"], []),
        ("9m", ["q1-a", "q3-a"], []),
        ("year", ["q1-a", "q3-a"], []),
    ],
)
def test_task_scope_follows_the_period(period, in_scope, upcoming):
    """A quarter covers its own tasks; 6m, 9m, year cover quarters 1..N; later ones come next."""
    progress = minimal_progress()
    progress["tasks"][0]["completed"] = "2022-03-01"
    data = _data(progress, period=period)
    assert [t.task.id for t in data.tasks] == in_scope
    assert [t.task.id for t in data.upcoming] == upcoming


def test_a_later_task_already_reported_is_in_scope():
    """A task of a later quarter that was already reported (done early) counts in the period."""
    progress = minimal_progress()
    progress["tasks"].append({"id": "q3-a", "status": "done_on_time", "completed": "2022-06-01"})
    data = _data(progress)
    assert [t.task.id for t in data.tasks] == ["q1-a", "q3-a"] and not data.upcoming


def test_budget_rows_and_disbursement():
    """Dự toán defaults to the plan's source amount; tỷ lệ giải ngân = spent / dự toán."""
    progress = minimal_progress()
    progress["budget"] = [
        {"source": "Ngân sách", "spent": 300},
        {"source": "Xã hội hoá", "allocated": 200, "spent": 50},
    ]
    data = _data(progress)
    rows = [(r.name, r.allocated, r.spent, r.ratio) for r in data.budget]
    assert rows == [
        ("Ngân sách", 600, 300, Fraction(1, 2)),
        ("Xã hội hoá", 200, 50, Fraction(1, 4)),
    ]
    total = data.budget_total
    assert (total.allocated, total.spent, total.ratio) == (800, 350, Fraction(350, 800))


def test_budget_source_not_reported():
    """An unreported source has no figure, and the total has none either (not a partial sum)."""
    data = _data(minimal_progress())
    assert [r.spent for r in data.budget] == [300, None]
    assert data.budget_total.spent is None and data.budget_total.ratio is None


def test_budget_without_sources_is_reported_as_total():
    """A plan budget without sources is reported with source "total" against this year's need."""
    plan_data = minimal_plan()
    del plan_data["budget"]["sources"]
    progress = minimal_progress()
    progress["budget"] = [{"source": "total", "spent": 250}]
    (row,) = _data(progress, load_plan(plan_data)).budget
    assert (row.allocated, row.spent, row.ratio) == (500, 250, Fraction(1, 2))


def test_period_disagreeing_with_the_file_names_both():
    """--period year on a six-month file is a usage error naming both periods (#12)."""
    progress = minimal_progress()
    progress["cutoff"] = "2022-06-15"
    plan = _plan()
    with pytest.raises(UsageError) as info:
        link_progress(plan, Progress.model_validate(progress), "year")
    message = info.value.messages("vi")[0]
    assert "--period year (năm 2022)" in message and "(6 tháng đầu năm 2022)" in message
    same = link_progress(plan, Progress.model_validate(progress), "6m")
    assert same.period.cutoff == date(2022, 6, 15) and not same.warnings
    kept = link_progress(plan, Progress.model_validate(progress))
    assert kept.period.cutoff == date(2022, 6, 15) and not kept.warnings


def test_no_period_is_a_usage_error():
    """Without a period in the file or on the command line, the report cannot be made."""
    progress = minimal_progress()
    del progress["period"]
    with pytest.raises(UsageError) as info:
        _data(progress)
    assert "chưa có kỳ báo cáo" in info.value.messages("vi")[0]
    with pytest.raises(UsageError):
        _data(minimal_progress(), period="7m")


def test_status_contradicting_the_dates_is_a_warning():
    """ "Đang thực hiện trong hạn" past the deadline, or "đúng hạn" done late, are warned."""
    progress = minimal_progress()
    progress["tasks"] = [{"id": "q1-a", "status": "in_progress"}]
    (warning,) = link_progress(_plan(), Progress.model_validate(progress)).warnings
    assert warning.path == ("tasks", 0, "status")
    assert "q1-a: ghi 'Đang thực hiện trong hạn' nhưng thời hạn là 31/3/2022" in warning.message_vi
    progress["tasks"] = [{"id": "q1-a", "status": "done_on_time", "completed": "2022-05-01"}]
    assert link_progress(_plan(), Progress.model_validate(progress)).warnings


def test_changed_plan_warning_lists_the_differences():
    """Progress made from another version of the plan warns, naming what changed."""
    old = _plan()
    changed = minimal_plan()
    changed["content"]["objectives"]["areas"][0]["content"][0]["targets"][0]["quantity"] = 6
    changed["content"]["tasks"]["quarters"][0]["tasks"].append({"id": "q1-new", "text": "Mới."})
    progress = minimal_progress()
    progress["generated_from"] = plan_snapshot(old).model_dump()
    result = link_progress(load_plan(changed), Progress.model_validate(progress))
    (warning,) = result.warnings
    assert warning.message_vi.startswith("kế hoạch đã thay đổi từ khi tạo bảng tính tiến độ: ")
    assert "chỉ tiêu hn: đã sửa 'ít nhất 5 hội nghị' → 'ít nhất 6 hội nghị'" in warning.message_vi
    assert "nhiệm vụ q1-new: mới thêm vào kế hoạch" in warning.message_vi
    assert not link_progress(old, Progress.model_validate(progress)).warnings


def test_unknown_ids_stop_the_computation():
    """compute_report refuses progress naming ids the plan does not have."""
    progress = minimal_progress()
    progress["targets"][0]["id"] = "hn2"
    with pytest.raises(InputError) as info:
        _data(progress)
    assert info.value.problems[0].field == "targets[0].id"


def test_placeholder_in_a_narrative_must_name_a_target():
    """{id} in a narrative must name a target of the plan."""
    progress = minimal_progress()
    progress["strengths"] = "Đạt {hn}; còn {hm}."
    with pytest.raises(InputError) as info:
        load_progress(progress, plan=_plan())
    assert "'hm'" in info.value.problems[0].message_vi


def test_a_percentage_label_reads_as_the_plan_prints_it():
    """ "95%" in a target's default label, as in the rendered plan (no "95 %")."""
    data = minimal_plan()
    target = {"id": "tl", "quantity": 95, "unit": "%"}
    data["content"]["intro"] = [{"text": "Phấn đấu {tl} đảng viên học tập.", "targets": [target]}]
    progress = minimal_progress()
    result = next(t for t in _data(progress, load_plan(data)).targets if t.target.id == "tl")
    assert result.label == "Phấn đấu 95% đảng viên học tập"


def test_progress_of_another_year_is_refused():
    """Progress for 2021 does not report on the 2022 plan (it is another plan's)."""
    progress = minimal_progress()
    progress["year"] = 2021
    with pytest.raises(InputError) as info:
        load_progress(progress, plan=_plan())
    problem = next(p for p in info.value.problems if p.field == "year")
    assert "năm 2021" in problem.message_vi and "năm 2022" in problem.message_vi
