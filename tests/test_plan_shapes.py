"""Each plan shape real offices write (issue 10 "Why") renders, and the checker finds no
error in what kehoach wrote: render and check agree."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import kehoach
from kehoach.check import check_docx

BASE: dict[str, Any] = {
    "version": 2,
    "year": 2027,
    "header": {
        "superiors": ["Đảng bộ tỉnh Lào Cai"],
        "issuing_body": "Đảng ủy xã Tả Van",
        "number": 7,
        "place": "Tả Van",
        "date": "2027-01-10",
    },
    "title": {"subject": "công tác tuyên truyền năm 2027"},
    "sections": [
        {"title": "Mục đích, yêu cầu", "content": ["Nâng cao nhận thức của Nhân dân."]},
        {"title": "Tổ chức thực hiện", "content": ["Các chi bộ triển khai thực hiện."]},
    ],
    "closing": ["Đề nghị các chi bộ thực hiện."],
    "recipients": {"items": ["Các chi bộ"], "filing": "Văn phòng Đảng ủy"},
    "signature": {
        "authority": "T/M",
        "on_behalf_of": "Đảng ủy",
        "position": "Bí thư",
        "signer": "Vàng A Lử",
    },
}


def _flat_section_one(plan: dict[str, Any]) -> list[str]:
    plan["sections"][0]["content"] = [{"bullet": f"Ý thứ {n}."} for n in ("nhất", "hai", "ba")]
    return ["I. MỤC ĐÍCH, YÊU CẦU", "- Ý thứ nhất.", "- Ý thứ ba."]


def _free_order(plan: dict[str, Any]) -> list[str]:
    plan["sections"] = [
        {"title": "Lộ trình thực hiện và nội dung tuyên truyền", "content": ["Theo lộ trình."]},
        {"title": "Đối tượng", "content": ["Cán bộ, đảng viên."]},
        {"title": "Hình thức", "content": ["Trực tiếp."]},
        {"title": "Khẩu hiệu tuyên truyền", "content": [{"numbered": "Chào mừng!"}]},
    ]
    return ["I. LỘ TRÌNH THỰC HIỆN VÀ NỘI DUNG TUYÊN TRUYỀN", "II. ĐỐI TƯỢNG", "IV. KHẨU HIỆU"]


def _phases(plan: dict[str, Any]) -> list[str]:
    groups = [
        {"phase": "Đợt 1: Trong tháng 12/2026", "tasks": [{"id": "a", "text": "Họp dân."}]},
        {
            "phase": "Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2027",
            "tasks": [{"id": "b", "text": "Tuyên truyền.", "when": "Thường xuyên"}],
        },
    ]
    plan["sections"][1]["content"] = [{"tasks": {"groups": groups}}]
    return ["Đợt 1: Trong tháng 12/2026", "- Họp dân.", "Đợt 2: Từ tháng 01 đến ngày bầu cử"]


def _task_table(plan: dict[str, Any]) -> list[str]:
    task = {"id": "a", "text": "Họp dân", "lead": "UBND xã", "support": ["MTTQ"]}
    task |= {"when": "Quý I/2027", "result": "Biên bản"}
    plan["sections"][1]["content"] = [{"tasks": {"style": "table", "tasks": [task]}}]
    header = "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kết quả, sản phẩm"
    return [header, "1 | Họp dân | UBND xã | MTTQ | Quý I/2027 | Biên bản"]


def _task_table_in_appendix(plan: dict[str, Any]) -> list[str]:
    task = {"id": "a", "text": "Họp dân", "lead": "UBND xã", "when": "Quý I/2027"}
    tasks = {"style": "table", "placement": "appendix", "tasks": [task]}
    plan["sections"][1]["content"] = [{"tasks": tasks}]
    return ["(Có phụ lục chi tiết kèm theo).", "DANH MỤC NHIỆM VỤ", "1 | Họp dân | UBND xã"]


def _budget_clause(plan: dict[str, Any]) -> list[str]:
    plan["sections"][1]["content"].append({"budget": {"clause": "theo quy định hiện hành."}})
    return ["Kinh phí thực hiện: theo quy định hiện hành."]


def _parts(plan: dict[str, Any]) -> list[str]:
    sections = plan.pop("sections")
    plan["numbering"] = {"parts": True}
    plan["parts"] = [
        {"title": "Kết quả thực hiện", "sections": sections[:1]},
        {"title": "Phương hướng", "sections": sections[1:]},
    ]
    return ["Phần thứ nhất", "KẾT QUẢ THỰC HIỆN", "Phần thứ hai", "I. TỔ CHỨC THỰC HIỆN"]


def _letters_under_one(plan: dict[str, Any]) -> list[str]:
    plan["numbering"] = {"levels": ["roman", "arabic", "letter"]}
    points = [{"section": "Điểm một", "content": ["x."]}, {"section": "Điểm hai"}]
    plan["sections"][1]["content"] = [{"section": "Chi bộ", "content": points}]
    return ["1. Chi bộ", "a) Điểm một", "b) Điểm hai"]


def _numbered_sentences(plan: dict[str, Any]) -> list[str]:
    plan["sections"][1]["content"] = [
        {"numbered": "Nhiệt liệt chào mừng năm mới!"},
        {"numbered": "Toàn dân đoàn kết!"},
    ]
    return ["1. Nhiệt liệt chào mừng năm mới!", "2. Toàn dân đoàn kết!"]


def _labelled(plan: dict[str, Any]) -> list[str]:
    plan["sections"][1]["content"] = [
        {"label": "Đối tượng kiểm tra", "text": "cán bộ, đảng viên.", "numbered": True}
    ]
    return ["1. Đối tượng kiểm tra: cán bộ, đảng viên."]


def _three_superiors(plan: dict[str, Any]) -> list[str]:
    plan["header"]["superiors"] = ["Đảng bộ tỉnh Lào Cai", "Đảng bộ huyện Sa Pa"]
    plan["header"]["issuing_body"] = "Đảng ủy xã Tả Van"
    return ["ĐẢNG BỘ TỈNH LÀO CAI\nĐẢNG BỘ HUYỆN SA PA", "ĐẢNG ỦY XÃ TẢ VAN"]


def _body_code_as_written(plan: dict[str, Any]) -> list[str]:
    plan["header"]["issuing_body"] = "Thị ủy Sa Pa"
    plan["header"]["body_code"] = "Th.U"
    return ["Số 07-KH/Th.U"]


SHAPES = {
    "flat section I": _flat_section_one,
    "free section order": _free_order,
    "phases": _phases,
    "task table": _task_table,
    "task table in an appendix": _task_table_in_appendix,
    "budget clause without amount": _budget_clause,
    "Phần level": _parts,
    "letters under 1.": _letters_under_one,
    "numbered sentences": _numbered_sentences,
    "labelled paragraph": _labelled,
    "three-line superior chain": _three_superiors,
    "KH/Th.U": _body_code_as_written,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_shape_renders_and_checks_clean(shape: str, tmp_path: Path) -> None:
    """The shape comes out as offices write it, and ``kehoach check`` finds zero errors."""
    data = copy.deepcopy(BASE)
    expected = SHAPES[shape](data)
    plan = kehoach.load_plan(data)
    lines = kehoach.compose(plan).plain_text()
    for text in expected:
        assert any(line.startswith(text) for line in lines), (text, lines)
    target = tmp_path / "shape.docx"
    kehoach.render_plan(plan, target)
    errors = [(f.rule, f.found) for f in check_docx(target).findings if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(
    ("group", "field", "reason"),
    [
        ({"month": "13/2026"}, "groups[0].month", "không có tháng 13"),
        (
            {"phase": "Đợt 2: Từ tháng 01 đến 31/02/2027"},
            "groups[0].phase",
            "tháng 02/2027 chỉ có 28 ngày",
        ),
    ],
)
def test_impossible_date_in_a_group_name_is_named(
    group: dict, field: str, reason: str, tmp_path: Path, capsys
) -> None:
    """A month or phase naming an impossible date is an error with file, line, field and why."""
    from kehoach.cli import main

    data = copy.deepcopy(BASE)
    data["sections"][1]["content"] = [{"tasks": {"groups": [{**group, "tasks": []}]}}]
    path = tmp_path / "ke-hoach.yaml"
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ke-hoach.yaml, dòng" in err and field in err and f"không có thật: {reason}" in err


def test_free_text_when_is_never_an_error() -> None:
    """Times written as people write them are kept exactly, never refused."""
    data = copy.deepcopy(BASE)
    whens = ["Thường xuyên", "Quý IV/2025 và Quý I/2026", "Từ tháng 12/2025 đến quý I/2026"]
    tasks = [{"id": f"t{i}", "text": "Việc.", "when": w} for i, w in enumerate(whens)]
    data["sections"][1]["content"] = [{"tasks": {"tasks": tasks}}]
    plan = kehoach.load_plan(data)
    assert [t.when for t in kehoach.model.iter_tasks(plan)] == whens
