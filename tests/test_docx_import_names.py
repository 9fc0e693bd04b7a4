"""Word import: names typed in capitals become running-text names, openly; an organ under
its body (MTTQ "BAN THƯỜNG TRỰC") is cited with that body.

Real Fatherland Front plans (tests/data/real-docx, SOURCES.md) and kehoach's own rendered
examples are imported; what users then read — the report's and next year's citations,
the rendered header, the review list — is checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kehoach
from docx_reading import read, with_style
from kehoach.cli import main
from kehoach.docx_import import import_docx
from kehoach.docx_import.names import sentence_case_name

REAL = Path(__file__).parent / "data" / "real-docx"
BAU_CU = REAL / "mttq-ke-hoach-cong-tac-bau-cu.docx"
GIAM_SAT = REAL / "mttq-ke-hoach-kiem-tra-giam-sat.docx"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("ĐẢNG ỦY XÃ BẢN HỒ", "Đảng ủy xã Bản Hồ"),
        ("ĐẢNG BỘ TỈNH LÀO CAI", "Đảng bộ tỉnh Lào Cai"),
        ("THỊ ỦY SA PA", "Thị ủy Sa Pa"),
        ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Ủy ban MTTQ Việt Nam xã Lương Minh"),
        ("UỶ BAN MTTQ VIỆT NAM PHƯỜNG BẮC CAM RANH", "Uỷ ban MTTQ Việt Nam phường Bắc Cam Ranh"),
        ("BAN THƯỜNG TRỰC", "Ban Thường trực"),
        ("BAN CHẤP HÀNH ĐẢNG BỘ XÃ TẢ PHÌN", "Ban Chấp hành Đảng bộ xã Tả Phìn"),
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("ỦY BAN NHÂN DÂN XÃ TẢ VAN", "Ủy ban nhân dân xã Tả Van"),
        ("ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh"),
        ("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC KINH TẾ", "Đảng ủy Trường Đại học Kinh tế"),
        ("CHI BỘ TRƯỜNG THPT SỐ 1 SA PA", "Chi bộ Trường THPT Số 1 Sa Pa"),
        ("ĐẢNG ỦY BỆNH VIỆN ĐA KHOA TỈNH", "Đảng ủy Bệnh viện Đa khoa tỉnh"),
        ("HĐND XÃ TẢ VAN", "HĐND xã Tả Van"),
        ("TRƯỜNG ĐẠI HỌC KINH TẾ", "Trường Đại học Kinh tế"),  # a superior line of its own
        ("ĐẢNG BỘ ỦY BAN NHÂN DÂN TPĐN", "Đảng bộ Ủy ban nhân dân TPĐN"),
        ("Đảng ủy xã Bản Hồ", "Đảng ủy xã Bản Hồ"),  # not typed in capitals: kept
    ],
)
def test_sentence_case_of_organisation_names(typed: str, written: str) -> None:
    """Capitals become running-text case; tone marks and their style are kept."""
    assert sentence_case_name(typed) == written


def test_mttq_header_names_are_review_items() -> None:
    """Each name changed is a review item with both forms; the header item says the bold
    line is an organ of the body above it, not of a superior."""
    result = import_docx(BAU_CU)
    messages = [item.message("vi") for item in result.review]
    assert any(
        "«ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH» ghi trong tệp là «Ủy ban MTTQ Việt Nam xã "
        "Lương Minh»" in m
        for m in messages
    )
    assert any("«BAN THƯỜNG TRỰC» ghi trong tệp là «Ban Thường trực»" in m for m in messages)
    assert any(
        m.startswith(
            "Cơ quan ban hành: «BAN THƯỜNG TRỰC» của «ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH», "
            "không phải cấp trên"
        )
        for m in messages
    )
    kept = import_docx(BAU_CU, keep_capitals=True)
    assert not any("ghi trong tệp là" in item.message("vi") for item in kept.review)


def test_mttq_report_cites_the_standing_committee_with_its_body() -> None:
    """A report on the imported MTTQ plan cites "Ban Thường trực Ủy ban MTTQ Việt Nam xã
    Lương Minh", never "BAN THƯỜNG TRỰC" alone."""
    plan = kehoach.load_plan(import_docx(BAU_CU).plan)
    doc = kehoach.compose_report(plan, {"period": "year"})
    subject = "".join(r.text for r in doc.subject)
    assert "của Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh về Thực hiện" in subject
    place = kehoach.load_plan(import_docx(GIAM_SAT).plan)
    subject = "".join(r.text for r in kehoach.compose_report(place, {"period": "year"}).subject)
    assert "của Ban Thường trực Uỷ ban MTTQ Việt Nam phường Bắc Cam Ranh" in subject


def test_mttq_header_renders_as_typed(tmp_path: Path) -> None:
    """Rendered again, the header prints the names in capitals, the organ line bold."""
    target = tmp_path / "mttq.docx"
    kehoach.render_plan(import_docx(BAU_CU).plan, target)
    view = read(target.read_bytes())
    (issuing,) = with_style(view, "KHIssuingBody")
    assert issuing.text == "BAN THƯỜNG TRỰC"
    assert all(run.bold for run in issuing.runs if run.text.strip())
    texts = [p.text for p in view.paragraphs]
    assert "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH" in texts


def test_next_year_of_an_imported_plan_names_bodies_in_running_text(tmp_path: Path) -> None:
    """Render → import → next-year: the "Căn cứ" cites "… của Đảng ủy xã Bản Hồ", not
    "ĐẢNG ỦY XÃ BẢN HỒ" (the dân vận example, as a user's Word file)."""
    docx = tmp_path / "dan-van.docx"
    kehoach.render_plan(EXAMPLES / "dan-van-xa-2027.yaml", docx)
    plan = tmp_path / "dan-van.yaml"
    assert main(["import", str(docx), "-o", str(plan)]) == 0
    following = tmp_path / "dan-van-2028.yaml"
    assert main(["next-year", str(plan), "-o", str(following)]) == 0
    data = yaml.safe_load(following.read_text(encoding="utf-8"))
    assert data["header"]["issuing_body"] == "Đảng ủy xã Bản Hồ"
    issuers = [b["issuer"] for b in data["opening"]["basis"] if isinstance(b, dict)]
    assert "Đảng ủy xã Bản Hồ" in issuers
    assert "ĐẢNG" not in following.read_text(encoding="utf-8").split("signature:")[0]


def test_keep_capitals_on_the_command_line(tmp_path: Path, capsys) -> None:
    """`kehoach import --keep-capitals` keeps the names exactly as typed."""
    plan = tmp_path / "mttq.yaml"
    assert main(["import", str(BAU_CU), "-o", str(plan), "--keep-capitals"]) == 0
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data["header"]["issuing_body"] == "BAN THƯỜNG TRỰC"
    assert data["signature"]["on_behalf_of"] == "BAN THƯỜNG TRỰC"


def test_party_ban_under_its_committee_is_cited_with_it() -> None:
    """A Party plan of "TỈNH ỦY LÀO CAI / BAN TUYÊN GIÁO" is cited as "Ban Tuyên giáo
    Tỉnh ủy Lào Cai"; "Thị ủy Sa Pa" under "Đảng bộ tỉnh Lào Cai" stays alone."""
    data = yaml.safe_load((EXAMPLES / "dan-van-xa-2027.yaml").read_text(encoding="utf-8"))
    data["header"].update(superiors=["Tỉnh ủy Lào Cai"], issuing_body="Ban Tuyên giáo")
    data["signature"].update(authority="K/T", on_behalf_of="Trưởng ban", position="Phó Trưởng ban")
    doc = kehoach.compose_report(kehoach.load_plan(data), {"period": "year"})
    assert "của Ban Tuyên giáo Tỉnh ủy Lào Cai về" in "".join(r.text for r in doc.subject)
    sapa = kehoach.load_plan(EXAMPLES / "sapa-2022-tuyen-giao.yaml")
    doc = kehoach.compose_report(sapa, {"period": "year"})
    assert "của Ban Thường vụ Thị ủy Sa Pa về" in "".join(r.text for r in doc.subject)
