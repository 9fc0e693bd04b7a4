"""Roll-forward of small plans: bases, tables, due dates, plans without tasks or budget."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.model import Plan, iter_tasks
from kehoach.rollover import next_year
from plan_data import minimal_plan


@pytest.fixture
def plan() -> Plan:
    """A small 2022 plan with a cited basis, an appendix table and a due date."""
    data = minimal_plan()
    data["opening"] = {
        "basis": [
            {
                "type_name": "Kế hoạch",
                "number": "72-KH/BTGTU",
                "date": "2021-12-30",
                "issuer": "Ban Tuyên giáo Tỉnh ủy",
                "subject": "công tác tuyên giáo năm 2022",
            }
        ]
    }
    data["appendices"] = [
        {
            "title": "Biểu tổng hợp năm 2022",
            "table": {
                "columns": [{"title": "Năm"}, {"title": "Ghi chú"}],
                "rows": [[2022, "x"], [2021, "số liệu năm 2022"]],
            },
        }
    ]
    data["content"]["tasks"]["quarters"][0]["tasks"][0]["due"] = "2024-02-29"
    data["year"] = 2024
    data["header"]["date"] = {"year": 2024, "month": 1}
    data["title"]["subject"] = "công tác tuyên giáo năm 2024"
    data["opening"]["basis"][0]["date"] = "2023-12-30"
    data["opening"]["basis"][0]["subject"] = "công tác tuyên giáo năm 2024"
    data["appendices"][0]["title"] = "Biểu tổng hợp năm 2024"
    data["appendices"][0]["table"]["rows"] = [[2024, "x"], [2023, "số liệu năm 2024"]]
    return Plan.model_validate(data)


def test_existing_basis_is_kept_and_questioned(plan: Plan):
    """A basis issued last year stays, is listed for a decision, and its years are not touched."""
    result = next_year(plan)
    kept, added = result.plan.opening.basis
    assert kept == plan.opening.basis[0] and added.lead == "Căn cứ kết quả thực hiện"
    question = next(i for i in result.review if i.path == "opening.basis[0]")
    assert "Căn cứ ban hành năm 2023" in question.note_vi
    literal = next(i for i in result.review if i.path == "opening.basis[0].subject")
    assert literal.kind == "cited" and literal.new is None
    assert result.apply_suggestions().plan.opening.basis[0] == plan.opening.basis[0]


def test_table_cells_holding_the_year_are_suggested(plan: Plan):
    """A table cell holding 2024 (a number) or "năm 2024" (text) is listed and can be changed."""
    result = next_year(plan)
    cells = {i.path: i for i in result.review if "table.rows" in i.path}
    assert set(cells) == {"appendices[0].table.rows[0][0]", "appendices[0].table.rows[1][1]"}
    assert cells["appendices[0].table.rows[0][0]"].where_vi.endswith("dòng 1, ô 1")
    table = result.apply_suggestions().plan.appendices[0].table
    assert table is not None
    assert table.rows == [[2025, "x"], [2023, "số liệu năm 2025"]]


def test_due_dates_move_with_the_year(plan: Plan):
    """Due dates shift by the years rolled (29/02 becomes 28/02) and are listed as changed."""
    result = next_year(plan)
    task = next(t for t in iter_tasks(result.plan) if t.id == "q1-a")
    assert task.due == date(2025, 2, 28)
    item = next(i for i in result.review if i.kind == "due")
    assert (item.path, item.old, item.new) == (
        "content.tasks.quarters[0].tasks[0].due",
        "29/02/2024",
        "28/02/2025",
    )


def test_plan_without_tasks_or_budget():
    """A plan with no content and no budget rolls forward with the basic review items."""
    data = minimal_plan()
    del data["content"], data["budget"]
    result = next_year(Plan.model_validate(data))
    assert result.plan.year == 2023 and result.plan.budget is None
    assert {i.kind for i in result.review} >= {"header", "signer", "basis"}


def test_carried_figures_read_as_the_plan_prints_them():
    """Notes write 1.250 (not 1250) and 95% (not "95 %"), as the plan and the report do."""
    from kehoach.model import Progress

    data = minimal_plan()
    target = data["content"]["objectives"]["areas"][0]["content"][0]["targets"][0]
    target["quantity"] = 1250
    target["kind"] = "cumulative"  # only a cumulative (or one-off) target carries a rest
    pct = {"id": "tl", "quantity": 95, "unit": "%"}
    data["content"]["intro"] = [{"text": "Phấn đấu {tl} đảng viên.", "targets": [pct]}]
    progress = Progress.model_validate(
        {"period": "year", "targets": [{"id": "hn", "achieved": 1000}]}
    )
    review = next_year(Plan.model_validate(data), progress).review
    carried = next(i for i in review if i.kind == "carried-target")
    assert "chỉ tiêu ít nhất 1.250 hội nghị" not in carried.note_vi  # the qualifier stays out
    assert "kế hoạch 1.250 hội nghị, đã thực hiện 1.000" in carried.note_vi
    assert (carried.old, carried.new) == ("1.250", "250")
    unreported = next(i for i in review if i.kind == "not-reported" and "chỉ tiêu" in i.note_vi)
    assert "giữ chỉ tiêu 95%." in unreported.note_vi


def test_places_in_a_version_2_plan_are_named_in_words():
    """Review places of a v2 plan name the section by its title, in Vietnamese, not "sections 2"."""
    from pathlib import Path

    from kehoach import load_plan

    examples = Path(__file__).resolve().parents[1] / "examples"
    roll = next_year(load_plan(examples / "dan-van-xa-2027.yaml"))
    places = [item.where("vi") for item in roll.review]
    assert "mục “Chỉ tiêu” › ý 1 › chỉ tiêu mo-hinh-dan-van" in places
    assert "mục “Nhiệm vụ cụ thể” › ý 1 › nhiệm vụ hn-trien-khai" in places
    assert not [p for p in places if "sections" in p or "nhiệm vụ › nhiệm vụ" in p]


def test_places_in_quarters_keep_the_quarter():
    """A v1 task is still placed in its quarter: "… › Quý I › nhiệm vụ a"."""
    from kehoach.rollover.texts import describe

    data = {"content": {"tasks": {"quarters": [{"quarter": 1, "tasks": [{"id": "a"}]}]}}}
    path = ("content", "tasks", "quarters", 0, "tasks", 0)
    assert describe(path, data) == "Nội dung › Nhiệm vụ cụ thể › Quý I › nhiệm vụ a"
