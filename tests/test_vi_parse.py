"""The forms staff type (issue #12): dates, money and can-chi year names, through kehoach.vi,
the plan YAML and the spreadsheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from helpers.progress_sheet import book_of, columns_of, row_of
from kehoach import InputError, load_plan, load_progress
from kehoach.sheets.progress import progress_workbook_bytes
from kehoach.vi import ImpossibleDateError, ParseError, can_chi, parse_date, parse_money
from plan_data import minimal_plan
from report_data import PLAN

# Each expected amount is written out in full digits here, independently of the parser.
MONEY_FORMS = [
    ("1.750.060.000", 1750060000),
    ("1750060000", 1750060000),
    ("1.750.060.000 đồng", 1750060000),
    ("1.750.060.000đ", 1750060000),
    ("1.750.060.000 đ", 1750060000),
    ("1,5 tỷ", 1500000000),
    ("1,5 tỉ đồng", 1500000000),
    ("1 tỷ 750 triệu", 1750000000),
    ("1 tỷ 750 triệu 60 nghìn", 1750060000),
    ("185 triệu", 185000000),
    ("185 triệu đồng", 185000000),
    ("2,25 triệu", 2250000),
    ("500 nghìn", 500000),
    ("1.750", 1750),
]

# (text, words the refusal must give as its reason)
MONEY_REFUSED = [
    ("1,750,060", "dấu phẩy ngăn nhóm ba chữ số là cách viết tiếng Anh"),
    ("1,750", "dấu phẩy ngăn nhóm ba chữ số là cách viết tiếng Anh"),
    ("1,5", "không phải số đồng nguyên"),
    ("1.5", "dấu chấm phải ngăn đúng từng nhóm ba chữ số"),
    ("1.750.06", "dấu chấm phải ngăn đúng từng nhóm ba chữ số"),
    ("1 tỷ 750", "không rõ '750' ở cuối là bao nhiêu"),
    ("1 triệu 2 tỷ", "từ lớn đến nhỏ"),
    ("-5", "số tiền không thể âm"),
    ("ba triệu", "cách viết không rõ"),
    ("đồng", "không có con số"),
]

DATE_FORMS = [
    ("12/01/2027", dt.date(2027, 1, 12)),
    ("12/1/2027", dt.date(2027, 1, 12)),
    ("12-01-2027", dt.date(2027, 1, 12)),
    ("12.01.2027", dt.date(2027, 1, 12)),
    ("ngày 12 tháng 01 năm 2027", dt.date(2027, 1, 12)),
    ("Ngày 12 tháng 1 năm 2027", dt.date(2027, 1, 12)),
    ("2027-01-12", dt.date(2027, 1, 12)),
    ("29/02/2028", dt.date(2028, 2, 29)),
]

IMPOSSIBLE_DATES = [
    ("31/02/2027", "tháng 02/2027 chỉ có 28 ngày"),
    ("29/02/2027", "tháng 02/2027 chỉ có 28 ngày"),
    ("31/6/2027", "tháng 6/2027 chỉ có 30 ngày"),
    ("12/13/2027", "không có tháng 13"),
    ("ngày 31 tháng 4 năm 2027", "tháng 4/2027 chỉ có 30 ngày"),
    ("0/1/2027", "không có ngày 0"),
]


@pytest.mark.parametrize(("text", "amount"), MONEY_FORMS)
def test_money_forms_are_read_exactly(text: str, amount: int) -> None:
    """Every form staff type gives the exact whole number of đồng."""
    assert parse_money(text) == amount


@pytest.mark.parametrize(("text", "reason"), MONEY_REFUSED)
def test_money_refusals_give_the_reason(text: str, reason: str) -> None:
    """An ambiguous or malformed amount is refused, saying why (never guessed)."""
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert reason in info.value.vi
    assert f"'{text}'" in info.value.vi


@given(st.integers(min_value=0, max_value=10**15))
def test_money_grouped_with_dots_round_trips(amount: int) -> None:
    """Any amount grouped with dots (V-MONEY-1), with or without "đồng", reads back exactly."""
    grouped = f"{amount:,}".replace(",", ".")
    assert parse_money(grouped) == amount
    assert parse_money(grouped + " đồng") == amount
    assert parse_money(grouped + "đ") == amount


@pytest.mark.parametrize(("text", "day"), DATE_FORMS)
def test_date_forms(text: str, day: dt.date) -> None:
    """dd/mm/yyyy, dd-mm-yyyy, "ngày … tháng … năm …" and ISO all give the date."""
    assert parse_date(text) == day


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE_DATES)
def test_impossible_dates_are_named_impossible(text: str, reason: str) -> None:
    """A well-formed date that does not exist says so, unlike text that is no date."""
    with pytest.raises(ImpossibleDateError) as info:
        parse_date(text)
    assert "không có thật" in info.value.vi and reason in info.value.vi
    with pytest.raises(ParseError) as other:
        parse_date("tuần sau")
    assert not isinstance(other.value, ImpossibleDateError)
    assert "không phải ngày tháng" in other.value.vi


def _cycle_table() -> dict[int, str]:
    """Years 1900..2100 named by walking the 60-year cycle from 1984, a Giáp Tý year."""
    stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
    branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
    cycle = [f"{stems[i % 10]} {branches[i % 12]}" for i in range(60)]
    return {year: cycle[(year - 1984) % 60] for year in range(1900, 2101)}


def test_can_chi_1900_to_2100() -> None:
    """can_chi matches the sexagenary cycle for every year 1900–2100."""
    table = _cycle_table()
    assert {year: can_chi(year) for year in table} == table
    # Known years, from calendars: Tết 2024 Giáp Thìn, 2027 Đinh Mùi, 2028 Mậu Thân.
    assert (table[2024], table[2027], table[2028]) == ("Giáp Thìn", "Đinh Mùi", "Mậu Thân")


# --- through the plan YAML -------------------------------------------------------------


def _plan_yaml(tmp_path: Path, amount: str, date_text: str) -> Path:
    data = minimal_plan()
    data["budget"] = {"total": amount}
    data["header"]["date"] = date_text
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "amount"), MONEY_FORMS)
def test_money_forms_through_yaml(tmp_path: Path, text: str, amount: int) -> None:
    """A budget total typed in any money form loads as its exact amount."""
    plan = load_plan(_plan_yaml(tmp_path, text, "2022-01-15"))
    assert plan.budget is not None and plan.budget.total == amount


@pytest.mark.parametrize(("text", "reason"), MONEY_REFUSED)
def test_money_refusals_through_yaml(tmp_path: Path, text: str, reason: str) -> None:
    """A refused amount in a plan is an input error at budget.total, with the reason."""
    with pytest.raises(InputError) as info:
        load_plan(_plan_yaml(tmp_path, text, "2022-01-15"))
    (problem,) = info.value.problems
    assert "budget.total" in problem.field and reason in problem.message_vi


@pytest.mark.parametrize(("text", "day"), DATE_FORMS)
def test_date_forms_through_yaml(tmp_path: Path, text: str, day: dt.date) -> None:
    """The header date typed in any date form loads as that date."""
    assert load_plan(_plan_yaml(tmp_path, "1000", text)).header.date == day


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE_DATES)
def test_impossible_dates_through_yaml(tmp_path: Path, text: str, reason: str) -> None:
    """An impossible header date is named impossible, at header.date."""
    with pytest.raises(InputError) as info:
        load_plan(_plan_yaml(tmp_path, "1000", text))
    (problem,) = info.value.problems
    assert "header.date" in problem.field
    assert "không có thật" in problem.message_vi and reason in problem.message_vi


# --- through the progress sheet ----------------------------------------------------------


@pytest.fixture(scope="module")
def sheet_bytes() -> bytes:
    return progress_workbook_bytes(load_plan(PLAN))


def _sheet_with(sheet_bytes: bytes, tmp_path: Path, spent: str, completed: str) -> Path:
    """The blank progress sheet with one amount spent and one completion date typed in."""
    book = book_of(sheet_bytes)
    ws = book["Kinh phí"]
    ws.cell(row_of(ws, "xa-hoi-hoa"), columns_of(ws)["Đã sử dụng (đồng)"]).value = spent
    ws = book["Nhiệm vụ"]
    cols = columns_of(ws)
    row = row_of(ws, "q2-hoi-thi")
    ws.cell(row, cols["Tình trạng"]).value = "Hoàn thành đúng hạn"
    ws.cell(row, cols["Ngày hoàn thành"]).value = completed
    path = tmp_path / "progress.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(("text", "amount"), MONEY_FORMS)
def test_money_forms_through_the_sheet(sheet_bytes, tmp_path: Path, text, amount) -> None:
    """An amount spent typed in any money form reads as its exact amount."""
    progress = load_progress(_sheet_with(sheet_bytes, tmp_path, text, "30/6/2022"))
    (line,) = [b for b in progress.budget if b.source == "xa-hoi-hoa"]
    assert line.spent == amount


@pytest.mark.parametrize(("text", "reason"), MONEY_REFUSED)
def test_money_refusals_through_the_sheet(sheet_bytes, tmp_path: Path, text, reason) -> None:
    """A refused amount in the sheet is an error at its cell, with the reason."""
    with pytest.raises(InputError) as info:
        load_progress(_sheet_with(sheet_bytes, tmp_path, text, "30/6/2022"))
    (problem,) = info.value.problems
    assert problem.sheet == "Kinh phí" and reason in problem.message_vi


@pytest.mark.parametrize(("text", "day"), [(t, d) for t, d in DATE_FORMS if d.year == 2027])
def test_date_forms_through_the_sheet(sheet_bytes, tmp_path: Path, text, day) -> None:
    """A completion date typed as text in any date form reads as that date."""
    progress = load_progress(_sheet_with(sheet_bytes, tmp_path, "0", text))
    (task,) = [t for t in progress.tasks if t.id == "q2-hoi-thi"]
    assert task.completed == day


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE_DATES)
def test_impossible_dates_through_the_sheet(sheet_bytes, tmp_path: Path, text, reason) -> None:
    """An impossible completion date is named impossible at its cell."""
    with pytest.raises(InputError) as info:
        load_progress(_sheet_with(sheet_bytes, tmp_path, "0", text))
    (problem,) = info.value.problems
    assert problem.sheet == "Nhiệm vụ" and "không có thật" in problem.message_vi
    assert reason in problem.message_vi
