"""The plan model: what it accepts, what it rejects, and what it derives."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kehoach.model import Plan, iter_targets, iter_tasks, task_quarter
from kehoach.vi import PartialDate
from plan_data import minimal_plan


def _errors(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as info:
        Plan.model_validate(data)
    return info.value.errors()


def test_minimal_plan_validates():
    """A small plan with targets, tasks and a budget is valid."""
    plan = Plan.model_validate(minimal_plan())
    assert [t.id for t in iter_targets(plan)] == ["hn"]
    assert [t.id for t in iter_tasks(plan)] == ["q1-a", "q3-a"]
    assert task_quarter(plan) == {"q1-a": 1, "q3-a": 3}


def test_unknown_key_is_rejected():
    """A misspelt key is an error, not silently ignored (extra="forbid")."""
    data = minimal_plan()
    data["title"]["subjekt"] = "x"
    assert [e["type"] for e in _errors(data)] == ["extra_forbidden"]


def test_budget_sources_must_add_up():
    """Sources that do not add up to the total are a validation error."""
    data = minimal_plan()
    data["budget"]["sources"][0]["amount"] = 601
    assert [e["type"] for e in _errors(data)] == ["kehoach.budget_sources"]


@pytest.mark.parametrize("amount", [600.0, True, "6,5", "abc"])
def test_money_never_goes_through_float(amount):
    """Floats, booleans and malformed text are refused as amounts of money."""
    data = minimal_plan()
    data["budget"]["sources"][0]["amount"] = amount
    assert _errors(data)[0]["type"].startswith("kehoach.money")


def test_money_accepts_vietnamese_grouping():
    """ "6.505.490.000" written as text is read as 6505490000 đồng (V-MONEY-1)."""
    data = minimal_plan()
    data["budget"] = {"total": "6.505.490.000"}
    assert Plan.model_validate(data).budget.total == 6_505_490_000


def test_duplicate_ids_are_rejected():
    """Two tasks with one id would make reports ambiguous: an error."""
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][1]["tasks"][0]["id"] = "q1-a"
    assert [e["type"] for e in _errors(data)] == ["kehoach.duplicate_id"]


def test_unplaced_target_is_rejected():
    """A target whose {id} is not in its sentence is an error, not lost silently."""
    data = minimal_plan()
    bullet = data["content"]["objectives"]["areas"][0]["content"][0]
    bullet["bullet"] = "Tổ chức hội nghị."
    assert [e["type"] for e in _errors(data)] == ["kehoach.unplaced_target"]


def test_unknown_placeholder_is_rejected():
    """{x} naming no target is an error; \\{x} stays literal text."""
    data = minimal_plan()
    data["closing"] = ["Xem {khong-co}."]
    assert [e["type"] for e in _errors(data)] == ["kehoach.unknown_placeholder"]
    data["closing"] = ["Xem \\{khong-co}."]
    Plan.model_validate(data)


@pytest.mark.parametrize(
    "place",
    [
        ("title", "subject"),
        ("content", "objectives", "areas", 0, "title"),
        ("content", "tasks", "title"),
        ("budget", "total_label"),
    ],
)
def test_unknown_placeholder_in_a_heading_is_rejected(place):
    """Headings, the trích yếu and budget labels are checked like body text: no "{x}" printed."""
    data = minimal_plan()
    node = data
    for part in place[:-1]:
        node = node[part]
    node[place[-1]] = "Xem {khong-co}"
    assert [e["type"] for e in _errors(data)] == ["kehoach.unknown_placeholder"]


def test_unknown_placeholder_in_a_subsection_heading_is_rejected():
    """A subsection heading naming no target is an error."""
    data = minimal_plan()
    data["closing"] = [{"section": "Mục {khong-co}", "content": ["Nội dung."]}]
    assert [e["type"] for e in _errors(data)] == ["kehoach.unknown_placeholder"]


def test_count_belongs_to_tasks():
    """{count} places a task's count; in other text it would be printed as it is."""
    data = minimal_plan()
    data["closing"] = ["Tổ chức {count} hội nghị."]
    assert [e["type"] for e in _errors(data)] == ["kehoach.unknown_placeholder"]


def test_targets_come_in_document_order():
    """Targets of the tasks' intro come before the solutions', the budget's before reporting's."""
    data = minimal_plan()

    def said(target_id: str) -> dict:
        return {
            "text": f"Đạt {{{target_id}}}.",
            "targets": [{"id": target_id, "quantity": 1, "unit": "lớp"}],
        }

    data["content"]["tasks"]["intro"] = [said("nv")]
    data["content"]["solutions"] = {"title": "Giải pháp", "intro": [said("gp")]}
    data["budget"]["notes"] = [said("kp")]
    data["reporting"] = {"title": "Chế độ báo cáo", "content": [said("bc")]}
    plan = Plan.model_validate(data)
    assert [t.id for t in iter_targets(plan)] == ["hn", "nv", "gp", "kp", "bc"]


def test_state_authority_form_is_rejected_with_the_party_form():
    """ "TM." is the State form; the error names the Party form T/M (F-SIGN-2)."""
    data = minimal_plan()
    data["signature"]["authority"] = "TM."
    (error,) = _errors(data)
    assert error["type"] == "kehoach.state_authority"
    assert error["ctx"]["party"] == "T/M"


def test_text_is_nfc_and_xml_safe():
    """Decomposed text is stored NFC (F-FONT-2); a control character is refused."""
    data = minimal_plan()
    data["title"]["subject"] = "ke\u0302\u0301 hoa\u0323ch"
    assert Plan.model_validate(data).title.subject == "kế hoạch"
    data["title"]["subject"] = "a\x0bb"
    assert [e["type"] for e in _errors(data)] == ["kehoach.xml_char"]


def test_partial_and_full_dates():
    """The header date is a full date or a partial one for drafts (F-DATE-5)."""
    data = minimal_plan()
    assert Plan.model_validate(data).header.date == PartialDate(2022, 1)
    data["header"]["date"] = "2022-01-15"
    assert Plan.model_validate(data).header.full_date == date(2022, 1, 15)


def test_quarters_in_order_once():
    """A quarter listed twice or out of order is an error."""
    data = minimal_plan()
    data["content"]["tasks"]["quarters"].reverse()
    assert [e["type"] for e in _errors(data)] == ["kehoach.quarter_order"]


def test_table_rows_must_fit_columns():
    """A table row with the wrong number of cells is an error."""
    data = minimal_plan()
    data["closing"] = [{"table": {"columns": [{"title": "A"}, {"title": "B"}], "rows": [["x"]]}}]
    assert [e["type"] for e in _errors(data)] == ["kehoach.table_row"]


def test_underivable_body_code_asks_for_it():
    """An issuing body whose symbol cannot be derived asks for header.body_code."""
    data = minimal_plan()
    data["header"]["issuing_body"] = "Một tổ chức lạ"
    (error,) = _errors(data)
    assert "header.body_code" in error["ctx"]["message_en"]
    data["header"]["body_code"] = "TCL"
    Plan.model_validate(data)
