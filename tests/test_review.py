"""Review warnings on plan data: every text a person wrote is looked at."""

from __future__ import annotations

import pytest

from kehoach import Plan, load_plan
from kehoach.review import check_markers, iter_texts
from plan_data import minimal_plan


def _with(change) -> Plan:
    data = minimal_plan()
    change(data)
    return load_plan(data)


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("content.tasks.title", lambda d: d["content"]["tasks"].update(title="[Tiêu đề]")),
        ("purposes.purpose_title", lambda d: d.update(purposes={"purpose_title": "[Ghi]"})),
        ("budget.sources[0].name", lambda d: d["budget"]["sources"][0].update(name="[Nguồn]")),
        ("budget.total_label", lambda d: d["budget"].update(total_label="[Nhãn]")),
        (
            "opening.basis[0].subject",
            lambda d: d.update(opening={"basis": [{"type_name": "Kế hoạch", "subject": "[về]"}]}),
        ),
        (
            "content.tasks.quarters[0].tasks[0].unit",
            lambda d: d["content"]["tasks"]["quarters"][0]["tasks"][0].update(unit="[đơn vị]"),
        ),
        (
            "appendices[0].table.rows[0][0]",
            lambda d: d.update(
                appendices=[
                    {
                        "title": "Bảng",
                        "table": {"columns": [{"title": "A"}], "rows": [["[Ghi số]"]]},
                    }
                ]
            ),
        ),
        (
            "content.objectives.areas[0].content[0].targets[0].unit",
            lambda d: d["content"]["objectives"]["areas"][0]["content"][0]["targets"][0].update(
                unit="[đơn vị]"
            ),
        ),
    ],
)
def test_places_to_fill_are_found_in_every_field(field, change):
    """P-TODO-1 finds "[…]" in headings, budget, citations, task units, tables and targets."""
    warnings = list(check_markers(_with(change)))
    assert [(w.code, w.field) for w in warnings] == [("P-TODO-1", field)]


def test_texts_leave_out_codes_and_options():
    """Ids, plan type, symbols and format options are not text a person reads."""
    fields = [field for field, _ in iter_texts(load_plan(minimal_plan()))]
    assert "title.subject" in fields and "recipients.filing" in fields
    assert not any(f.endswith(".id") or f.startswith(("format", "plan_type")) for f in fields)
