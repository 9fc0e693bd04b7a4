"""Right figures and right words (issue #12), on the commune dân vận plan of the issue.

Each expected figure or sentence is computed here from the scenario's numbers, not taken
from kehoach.
"""

from __future__ import annotations

from typing import Any

import pytest

import kehoach
from dan_van_data import dan_van_plan, dan_van_year_end
from helpers.progress_sheet import book_of, columns_of, row_of
from kehoach.compose import Para
from kehoach.model import Plan, Progress, iter_targets, iter_tasks
from kehoach.report import compute_report
from kehoach.rollover import next_year
from kehoach.sheets.progress import progress_workbook_bytes

STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]


def _year_name(year: int) -> str:
    """1984 was Giáp Tý; the stems repeat every 10 years, the branches every 12."""
    return f"{STEMS[(year - 1984) % 10]} {BRANCHES[(year - 1984) % 12]}"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return kehoach.load_plan(dan_van_plan())


@pytest.fixture(scope="module")
def rolled(plan: Plan):
    return next_year(plan, Progress.model_validate(dan_van_year_end()))


def _targets(plan: Plan) -> dict[str, Any]:
    return {t.id: t for t in iter_targets(plan)}


# --- next year -------------------------------------------------------------------------


def test_next_year_keeps_yearly_quantities(rolled) -> None:
    """100% thôn, 150 đảng viên a year, 05 mô hình a year and 12 buổi stay as planned."""
    planned = {t["id"]: t["quantity"] for t in _scenario_targets()}
    new = _targets(rolled.plan)
    for target_id in ("thon", "dang-vien", "mo-hinh", "buoi"):
        assert new[target_id].quantity == planned[target_id], target_id


def test_next_year_carries_remainders_only_where_the_kind_says(rolled) -> None:
    """The one-off 02 dialogues (01 held) and the cumulative 300 houses (120 built) carry
    their remainders, each with a review line giving old and new figure."""
    achieved = {t["id"]: t["achieved"] for t in dan_van_year_end()["targets"]}
    planned = {t["id"]: t["quantity"] for t in _scenario_targets()}
    new = _targets(rolled.plan)
    carried = {i.path: i for i in rolled.review if i.kind == "carried-target"}
    assert len(carried) == 2
    for target_id in ("doi-thoai", "nha"):
        remaining = planned[target_id] - achieved[target_id]
        assert new[target_id].quantity == remaining
        item = next(i for i in carried.values() if i.quote == target_id)
        assert (item.old, item.new) == (f"{planned[target_id]:02d}", f"{remaining:02d}")
    assert "phần còn lại 180 nhà" in next(i.note_vi for i in carried.values() if i.quote == "nha")


def test_a_cumulative_remainder_is_due_over_the_years_left(rolled) -> None:
    """The 180 houses left of 2026-2028 after 2027 are due in 2028 alone: ``since`` moves to
    the new year, so the next six-month report pro-rates 180 over one year, not three."""
    nha = _targets(rolled.plan)["nha"]
    assert rolled.plan.year == 2028
    assert (nha.quantity, nha.since, nha.through) == (180, 2028, 2028)


def test_next_year_says_which_kind_it_assumed(rolled) -> None:
    """Targets without a kind are listed with the kind assumed: ratio for %, else yearly."""
    assumed = {
        i.path.split(".content[")[1][0]: i.note_vi
        for i in rolled.review
        if i.kind == "assumed-kind"
    }
    assert set(assumed) == {"0", "2", "5"}  # thon, mo-hinh, buoi: no kind written
    assert "coi là chỉ tiêu tỷ lệ: giữ nguyên 100% thôn" in assumed["0"]
    assert "coi là chỉ tiêu hằng năm: giữ nguyên 05 mô hình" in assumed["2"]


def test_a_task_is_dropped_only_when_marked_one_off(rolled) -> None:
    """The "lần thứ hai" dialogue (no flag) stays with a decision line; the contest marked
    recurring: false and done is dropped."""
    ids = {t.id for t in iter_tasks(rolled.plan)}
    assert "q2-doi-thoai-2" in ids and "q2-hoi-thi" not in ids
    [kept] = [i for i in rolled.review if i.kind == "guessed-one-off-done"]
    assert kept.group == "decide" and "recurring: false" in kept.note_vi


def test_budget_is_cleared_with_a_review_line(rolled) -> None:
    """The 185.000.000 đồng of 2027 (150 + 35 million) is cleared for the 2028 figures, the
    sources keep their names, and the review line says what they were."""
    [item] = [i for i in rolled.review if i.kind == "budget"]
    total, sources = (
        150_000_000 + 35_000_000,
        [("Ngân sách xã", 150_000_000), ("Xã hội hóa", 35_000_000)],
    )
    for name, amount in [("tổng", total), *sources]:
        assert f"{name} {amount:,} đồng".replace(",", ".") in item.note_vi
    budget = rolled.plan.budget
    assert budget.total is None
    assert [(s.name, s.amount) for s in budget.sources] == [(n, None) for n, _ in sources]


def test_applied_year_words(rolled) -> None:
    """Applied: "tổng kết năm 2028, kế hoạch năm 2029", and Tết named for 2028."""
    tasks = {t.id: t.text for t in iter_tasks(rolled.apply_suggestions().plan)}
    assert tasks["q4-tong-ket"] == (
        "Tổng kết công tác dân vận năm 2028, xây dựng kế hoạch năm 2029."
    )
    assert tasks["q1-tet"] == f"Thăm hỏi, chúc Tết Nguyên đán {_year_name(2028)} 2028."
    assert _year_name(2028) == "Mậu Thân"


def _scenario_targets() -> list[dict[str, Any]]:
    area = dan_van_plan()["content"]["objectives"]["areas"][0]
    return [t for block in area["content"] for t in block["targets"]]


# --- six-month report ------------------------------------------------------------------


def _six_months(done: int, **extra: Any):
    progress = {"period": "6m", "targets": [{"id": "buoi", "achieved": done}], **extra}
    return compute_report(kehoach.load_plan(dan_van_plan()), Progress.model_validate(progress))


@pytest.mark.parametrize(
    ("done", "verdict"), [(6, "on_schedule"), (4, "behind"), (7, "on_schedule")]
)
def test_six_month_report_measures_against_the_share_due(done: int, verdict: str) -> None:
    """12 sessions a year: 6 due by June (12 × 6/12), so 6 is on schedule and 4 behind."""
    [result] = [t for t in _six_months(done).targets if t.target.id == "buoi"]
    due = 12 * 6 / 12
    assert (done >= due) == (verdict == "on_schedule")
    assert result.assessment == verdict


def test_six_month_report_words() -> None:
    """The report says "đúng tiến độ"/"chậm tiến độ", or "chưa đạt" when asked."""
    texts = _report_texts({"period": "6m", "targets": [{"id": "buoi", "achieved": 4}]})
    assert any(
        "thực hiện 04/12 buổi, đạt 33,3% kế hoạch, chậm tiến độ (theo tiến độ cần đạt 06 buổi)."
        in t
        for t in texts
    )
    data = _six_months(4, behind_wording="chua-dat")
    assert data.label("behind") == "Chưa đạt"


def _report_texts(progress: dict[str, Any]) -> list[str]:
    doc = kehoach.compose_report(kehoach.load_plan(dan_van_plan()), progress)
    return [b.text for b in doc.body if isinstance(b, Para)]


def test_report_trich_yeu_and_budget_labels() -> None:
    """The trích yếu carries the subject; a period estimate is labelled as the period's."""
    progress = {
        "period": "6m",
        "targets": [],
        "budget": [
            {"source": "ngan-sach", "allocated": 100_000_000, "spent": 50_000_000},
            {"source": "xa-hoi-hoa", "allocated": 15_000_000, "spent": 0},
        ],
    }
    doc = kehoach.compose_report(kehoach.load_plan(dan_van_plan()), progress)
    assert doc.title.endswith("về công tác dân vận năm 2027")
    texts = [b.text for b in doc.body if isinstance(b, Para)]
    period_total = 100_000_000 + 15_000_000
    year_total = 150_000_000 + 35_000_000
    expected = (
        f"Dự toán kinh phí trong kỳ (6 tháng đầu năm 2027): {period_total:,} đồng "
        f"(dự toán cả năm 2027: {year_total:,} đồng)"
    ).replace(",", ".")
    assert any(t.startswith(expected) for t in texts)


# --- {count} and percentage units --------------------------------------------------------


def test_count_and_percent_units_in_the_plan(plan: Plan) -> None:
    """ "tại {count}." with 4 thôn reads "tại 04 thôn."; "% thôn" reads "100% thôn"."""
    texts = [b.text for b in kehoach.compose(plan).body if isinstance(b, Para)]
    assert any(t.endswith("Triển khai kế hoạch tại 04 thôn.") for t in texts)
    assert any(t.endswith("Phấn đấu 100% thôn tổ chức hội nghị dân vận.") for t in texts)
    assert not any("100 %" in t for t in texts)


def test_count_and_percent_units_in_the_sheet(plan: Plan) -> None:
    """The progress sheet writes the task with "04 thôn" and the target's unit "% thôn"."""
    book = book_of(progress_workbook_bytes(plan))
    tasks = book["Nhiệm vụ"]
    row = row_of(tasks, "q1-trien-khai")
    assert (
        tasks.cell(row, columns_of(tasks)["Nhiệm vụ"]).value == "Triển khai kế hoạch tại 04 thôn."
    )
    targets = book["Chỉ tiêu"]
    row = row_of(targets, "thon")
    assert targets.cell(row, columns_of(targets)["Đơn vị tính"]).value == "% thôn"


def test_percent_units_in_the_report() -> None:
    """90 of 100% thôn reads "90%/100% thôn … còn 10% thôn", never "10 % thôn"."""
    texts = _report_texts({"period": "year", "targets": [{"id": "thon", "achieved": 90}]})
    lines = [t for t in texts if "90%/100%" in t]
    assert any(
        "thực hiện 90%/100% thôn, đạt 90% kế hoạch, còn 10% thôn chưa thực hiện." in t
        for t in lines
    )
    assert any("còn 10% thôn (đã thực hiện 90%/100%)." in t for t in lines)
    assert not any(" % " in t for t in texts)


def test_target_kinds_in_the_plan_sheet(plan: Plan, tmp_path) -> None:
    """The plan sheet shows each written kind in words and reads a changed one back."""
    sheet = tmp_path / "plan.xlsx"
    kehoach.export_plan_sheet(plan, sheet)
    book = book_of(sheet.read_bytes())
    ws = book["Chỉ tiêu"]
    cols = columns_of(ws)
    kind = cols["Loại chỉ tiêu (hằng năm, cộng dồn, một lần, tỷ lệ)"]
    assert ws.cell(row_of(ws, "dang-vien"), kind).value == "Hằng năm"
    assert ws.cell(row_of(ws, "mo-hinh"), kind).value is None  # not written in the plan
    ws.cell(row_of(ws, "mo-hinh"), kind).value = "Cộng dồn"
    book.save(sheet)
    back = kehoach.import_plan_sheet(sheet, plan)
    assert _targets(back)["mo-hinh"].kind == "cumulative"
    ws.cell(row_of(ws, "mo-hinh"), kind).value = "mỗi năm"
    book.save(sheet)
    with pytest.raises(kehoach.InputError) as info:
        kehoach.import_plan_sheet(sheet, plan)
    assert "'mỗi năm' không phải loại chỉ tiêu" in info.value.problems[0].message_vi


def test_count_unit_in_the_report() -> None:
    """The report lists the task with its count and unit: "tại 04 thôn (hoàn thành …)"."""
    progress = {
        "period": "6m",
        "tasks": [{"id": "q1-trien-khai", "status": "done_on_time", "completed": "15/3/2027"}],
    }
    texts = _report_texts(progress)
    assert any("Triển khai kế hoạch tại 04 thôn (hoàn thành ngày 15/3/2027)" in t for t in texts)
