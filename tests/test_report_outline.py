"""Reports as documents: sections reordered and renamed, computed parts placed in them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kehoach
from helpers.libreoffice import pdf_text
from kehoach.check import check_docx
from kehoach.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PLAN = EXAMPLES / "sapa-2022-tuyen-giao.yaml"
NARRATIVE = EXAMPLES / "bao-cao-tong-ket-2022.yaml"


def lines_of(progress: Path | dict) -> list[str]:
    return kehoach.compose_report(PLAN, progress).plain_text()


def test_narrative_report_renders_checks_clean_and_opens(tmp_path: Path, to_pdf) -> None:
    """The narrative year-end report renders, has no format error, and LibreOffice opens it."""
    target = tmp_path / "bao-cao.docx"
    kehoach.render_report(PLAN, NARRATIVE, target)
    errors = [f.rule for f in check_docx(target).findings if f.severity == "error"]
    assert errors == []
    words = pdf_text(to_pdf(target.read_bytes(), "bao-cao")).split()
    assert "Phần" in words and "thứ" in words and "hai" in words


def test_parts_sections_and_computed_figures_in_place() -> None:
    """Its parts and sections come in its order; the computed figures sit inside them."""
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    progress = yaml.safe_load(NARRATIVE.read_text(encoding="utf-8"))
    lines = lines_of(NARRATIVE)
    heads = [line for line in lines if line.startswith(("Phần", "I.", "II.", "III.", "IV."))]
    assert heads[:6] == [
        "Phần thứ nhất",
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
        "IV. KINH PHÍ",
        "Phần thứ hai",
    ]
    n_targets = len(progress["targets"])
    assert n_targets == 11
    assert any(line.startswith(f"Kế hoạch đề ra {n_targets} chỉ tiêu") for line in lines)
    on_time = sum(1 for t in progress["tasks"] if t["status"] == "done_on_time")
    n_tasks = sum(len(q["tasks"]) for q in plan["content"]["tasks"]["quarters"])
    counts = next(line for line in lines if line.startswith("Theo kế hoạch"))
    assert f"hoàn thành đúng hạn {on_time:02d}/{n_tasks:02d}" in counts
    after_counts = lines[lines.index(counts) + 1]
    assert after_counts.startswith("Các hội nghị học tập")  # the text written after it
    assert "V. ĐÁNH GIÁ ƯU ĐIỂM, HẠN CHẾ" in lines  # a default section, renamed
    assert "II. KIẾN NGHỊ" in lines


def test_results_table_in_the_text_means_no_appendix() -> None:
    """Tables placed in the text are not repeated in an appendix."""
    assert kehoach.compose_report(PLAN, NARRATIVE).appendices == ()


def test_default_sections_reordered_and_renamed() -> None:
    """Default sections can be reordered and renamed, and a section of one's own added."""
    progress = yaml.safe_load((EXAMPLES / "sapa-2022-progress-year.yaml").read_text("utf-8"))
    progress["sections"] = [
        {"default": "directions", "title": "Nhiệm vụ năm 2023"},
        {"title": "Tình hình chung", "content": ["Năm 2022 có nhiều thuận lợi."]},
        {"default": "results"},
    ]
    lines = lines_of(progress)
    heads = [line for line in lines if line.startswith(("I. ", "II. ", "III. "))]
    assert heads == ["I. NHIỆM VỤ NĂM 2023", "II. TÌNH HÌNH CHUNG", "III. KẾT QUẢ THỰC HIỆN"]


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ({"computed": "target-results"}, "sections[0]"),
        ({"title": "X", "content": [{"computed": "khong-co"}]}, "sections[0].content[0]"),
        ({"default": "results", "content": ["x"]}, "sections[0]"),
    ],
)
def test_bad_report_sections_are_named(tmp_path: Path, capsys, section, field) -> None:
    """A malformed report section is an error naming file, line and field; exit 2."""
    progress = yaml.safe_load((EXAMPLES / "sapa-2022-progress-year.yaml").read_text("utf-8"))
    progress["sections"] = [section]
    path = tmp_path / "tien-do.yaml"
    path.write_text(yaml.safe_dump(progress, allow_unicode=True), encoding="utf-8")
    code = main(["report", str(PLAN), str(path), "-o", str(tmp_path / "x.docx")])
    err = capsys.readouterr().err
    assert code == 2
    assert "tien-do.yaml" in err and "dòng" in err and field in err
