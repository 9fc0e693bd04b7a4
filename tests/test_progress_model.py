"""The progress model: statuses, periods, quantities, dates and narratives as people write them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kehoach.messages import word_error
from kehoach.model import PERIODS, STATUS_LABELS, Bullet, Progress, TargetProgress, TaskProgress


def _error(model, data) -> tuple[str, str]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return word_error(info.value.errors()[0])


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("done_on_time", "done_on_time"),
        ("done-late", "done_late"),
        ("Hoàn thành đúng hạn", "done_on_time"),
        ("hoàn thành quá hạn", "done_late"),
        ("Đang thực hiện trong hạn", "in_progress"),
        ("Chưa thực hiện – quá hạn", "overdue"),  # en dash, as in the drop-down
        ("Chưa thực hiện - quá hạn", "overdue"),  # a hyphen typed by hand
        ("  CHƯA THỰC HIỆN—QUÁ HẠN ", "overdue"),
    ],
)
def test_status_keys_and_labels(written: str, key: str):
    """A status is read from its ascii key or its Vietnamese label, forgivingly."""
    assert TaskProgress(id="t", status=written).status == key


def test_unknown_status_lists_the_labels():
    """An unknown status is an error that lists the Vietnamese labels."""
    vi, en = _error(TaskProgress, {"id": "t", "status": "xong"})
    assert "'xong' không phải tình trạng nhiệm vụ" in vi
    assert all(label in vi for label in STATUS_LABELS.values())
    assert "done_on_time" in en


def test_blank_status_is_not_reported():
    """A blank status means "chưa báo cáo" (None), not an error."""
    assert TaskProgress(id="t", status=" ").status is None


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("6m", "6m"),
        ("6 tháng đầu năm", "6m"),
        ("Quý II", "q2"),
        ("quý 3", "q3"),
        ("Cả năm", "year"),
    ],
)
def test_period_keys_and_labels(written: str, key: str):
    """A period is read from its key or its label (the sheet's drop-down)."""
    assert Progress(period=written).period == key


def test_unknown_period():
    """An unknown period names the valid keys."""
    vi, _ = _error(Progress, {"period": "7 tháng"})
    assert "không phải kỳ báo cáo" in vi and "6m" in vi


@pytest.mark.parametrize(
    ("key", "phrase", "end"),
    [
        ("q1", "quý I năm 2022", date(2022, 3, 31)),
        ("q2", "quý II năm 2022", date(2022, 6, 30)),
        ("6m", "6 tháng đầu năm 2022", date(2022, 6, 30)),
        ("9m", "9 tháng đầu năm 2022", date(2022, 9, 30)),
        ("year", "năm 2022", date(2022, 12, 31)),
    ],
)
def test_period_phrase_and_end(key: str, phrase: str, end: date):
    """Each period reads as in Party reports and ends on the last day of its last month."""
    assert PERIODS[key].phrase(2022) == phrase
    assert PERIODS[key].end(2022) == end


@pytest.mark.parametrize(
    ("written", "value"),
    [
        (4, Decimal(4)),
        (4.0, Decimal(4)),
        (0.1, Decimal("0.1")),  # converted by its shortest form, never float arithmetic
        ("4,5", Decimal("4.5")),
        ("4.5", Decimal("4.5")),
        ("1.250", Decimal(1250)),  # V-MONEY-1: "." groups thousands
        ("1.250,5", Decimal("1250.5")),
        ("95%", Decimal(95)),
        (" 7 ", Decimal(7)),
    ],
)
def test_quantities(written, value: Decimal):
    """Achieved quantities accept whole and decimal numbers as Vietnamese staff write them."""
    achieved = TargetProgress(id="t", achieved=written).achieved
    assert achieved == value and isinstance(achieved, Decimal)


@pytest.mark.parametrize("written", ["bốn", "4 cuộc", True, "", "1,2,3"])
def test_non_numeric_quantity(written):
    """A quantity that is not a number is an error saying so (blank text included)."""
    vi, en = _error(TargetProgress, {"id": "t", "achieved": written})
    assert "không phải là số" in vi and "not a number" in en


@pytest.mark.parametrize("written", [-1, "-2", -0.5])
def test_negative_quantity(written):
    """A negative quantity is an error."""
    vi, en = _error(TargetProgress, {"id": "t", "achieved": written})
    assert "lớn hơn hoặc bằng 0" in vi and "at least 0" in en


def test_completed_date_needs_a_completed_status():
    """A completion date on a task that is not completed is an error."""
    vi, _ = _error(TaskProgress, {"id": "t", "status": "in_progress", "completed": "2022-03-01"})
    assert "chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành" in vi


def test_dates_as_people_write_them():
    """Dates read as ISO, dd/mm/yyyy or in words; an impossible date is named impossible."""
    task = TaskProgress(id="t", status="done_late", completed="05/7/2022")
    assert task.completed == date(2022, 7, 5)
    assert Progress(cutoff="30/6/2022").cutoff == date(2022, 6, 30)
    assert Progress(cutoff="ngày 30 tháng 6 năm 2022").cutoff == date(2022, 6, 30)
    vi, _ = _error(Progress, {"cutoff": "31/6/2022"})
    assert "ngày '31/6/2022' không có thật: tháng 6/2022 chỉ có 30 ngày" in vi


@pytest.mark.parametrize("field", ["targets", "tasks"])
def test_an_id_reported_twice(field: str):
    """The same id twice in one list is an error naming it."""
    vi, _ = _error(Progress, {field: [{"id": "x"}, {"id": "x"}]})
    assert "'x' được báo cáo hai lần" in vi


def test_narrative_text_splits_into_blocks():
    """A narrative string: one paragraph per line, "- " bullets, "+ " items under them."""
    progress = Progress(strengths="Tốt.\n\n- Một\n+ hai\n+ ba\nBốn")
    assert progress.strengths == ["Tốt.", Bullet(bullet="Một", items=["hai", "ba"]), "Bốn"]


def test_misspelt_key_is_an_error():
    """extra="forbid": a misspelt key is an error, not silently ignored."""
    vi, _ = _error(Progress, {"target": []})
    assert "trường không có trong mẫu" in vi


def test_schema_has_vietnamese_descriptions():
    """The JSON Schema of progress files carries the Vietnamese field descriptions."""
    schema = Progress.model_json_schema()
    assert schema["properties"]["cutoff"]["description"] == (
        "Ngày chốt số liệu (mặc định: ngày cuối kỳ báo cáo)"
    )
    assert "Hoàn thành đúng hạn" in str(schema["$defs"]["TaskProgress"])


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.booleans(), st.none()))
def test_any_quantity_is_a_number_or_a_worded_error(value):
    """Whatever is typed as a quantity gives a number ≥ 0, nothing, or a worded error."""
    try:
        achieved = TargetProgress(id="t", achieved=value).achieved
    except ValidationError as exc:
        vi, en = word_error(exc.errors()[0])
        assert vi and en
    else:
        assert achieved is None or (isinstance(achieved, Decimal) and achieved >= 0)
