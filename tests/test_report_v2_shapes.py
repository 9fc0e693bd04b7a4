"""Reports on plans shaped like real ones: targets grouped by the plan's sections, ongoing
and early tasks counted once, whole due figures, area narratives on version 2 sections.

Each report is rendered to DOCX and read back; the plans are the examples (v1 Sa Pa, v2
dân vận, khoa giáo, chương trình), changed only where a case needs it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

import kehoach
from docx_reading import texts_of
from kehoach.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _yaml(name: str) -> Any:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _report(tmp_path: Path, plan: Path, progress: Path | dict[str, Any]) -> list[str]:
    """The paragraphs of the rendered report, read back from the DOCX."""
    if isinstance(progress, dict):
        progress = _write(tmp_path, "progress", progress)
    target = tmp_path / "bao-cao.docx"
    kehoach.render_report(plan, progress, target, force=True)
    return [t for t in texts_of(target.read_bytes()) if t.strip()]


def _dan_van_6m() -> dict[str, Any]:
    """The dân vận progress at six months: the dialogue (Quý II) under way, the Quý IV
    review (sơ kết) started early."""
    data = copy.deepcopy(_yaml("dan-van-xa-2027-progress"))
    data.update(period="6m", cutoff="2027-06-30")
    for task in data["tasks"]:
        if task["id"] == "doi-thoai":
            task.update(status="in_progress")
            task.pop("completed")
    return data


def _section(texts: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, t in enumerate(texts) if t.startswith(start))
    last = next(i for i, t in enumerate(texts) if i > first and t.startswith(end))
    return texts[first + 1 : last]


# --- targets grouped as the plan groups them ---------------------------------------------


def test_v2_targets_of_one_section_have_no_lone_sub_heading(tmp_path: Path) -> None:
    """The dân vận plan's targets all sit in one section: listed under "1." with no "1.1."."""
    texts = _report(
        tmp_path, EXAMPLES / "dan-van-xa-2027.yaml", EXAMPLES / "dan-van-xa-2027-progress.yaml"
    )
    part = _section(texts, "1. Thực hiện các mục tiêu, chỉ tiêu", "2. ")
    assert not any("Các chỉ tiêu khác" in t for t in texts)
    assert [t[:2] for t in part] == ["Kế", "- ", "- "]
    assert part[1].startswith('- Mô hình "Dân vận khéo" được công nhận: thực hiện 05/04')


def test_v2_targets_grouped_by_their_sections(tmp_path: Path) -> None:
    """Targets in two sections of the Chương trình are grouped under those sections' titles."""
    plan = _yaml("chuong-trinh-2026-2030")
    propaganda = plan["parts"][1]["sections"][0]["content"][1]
    assert propaganda["section"] == "Công tác tuyên truyền"
    propaganda["content"].insert(
        0,
        {
            "text": "Phấn đấu {thon-co-loa} có cụm loa hoạt động thường xuyên.",
            "targets": [{"id": "thon-co-loa", "quantity": 8, "unit": "thôn"}],
        },
    )
    progress = copy.deepcopy(_yaml("chuong-trinh-2026-2030-progress"))
    progress["targets"].append({"id": "thon-co-loa", "achieved": 8})
    texts = _report(tmp_path, _write(tmp_path, "plan", plan), progress)
    part = _section(texts, "1. Thực hiện các mục tiêu, chỉ tiêu", "2. Thực hiện các nhiệm vụ")
    headings = [t for t in part if t[:2] in ("1.", "1.1", "1.2")]
    assert headings == ["1.1. Các chỉ tiêu đến năm 2030", "1.2. Công tác tuyên truyền"]
    assert part[-2:] == [
        "1.2. Công tác tuyên truyền",
        "- Phấn đấu 08 thôn có cụm loa hoạt động thường xuyên: thực hiện 08/08 thôn, đạt 100% "
        "kế hoạch.",
    ]


# --- ongoing and early tasks counted once --------------------------------------------------


def test_six_month_dan_van_counts_ongoing_tasks_once(tmp_path: Path) -> None:
    """At six months "Thường xuyên" tasks are not quý IV; the Quý IV task started early is
    named apart and listed once in the directions."""
    texts = _report(tmp_path, EXAMPLES / "dan-van-xa-2027.yaml", _dan_van_6m())
    counts = next(t for t in texts if t.startswith("Theo kế hoạch, 6 tháng đầu năm 2027"))
    assert counts.startswith(
        "Theo kế hoạch, 6 tháng đầu năm 2027 có 05 nhiệm vụ (quý I, quý II và 03 nhiệm vụ "
        "thường xuyên), cùng 01 nhiệm vụ quý IV đã thực hiện sớm; kết quả: hoàn thành đúng "
        "hạn 04/06 nhiệm vụ (66,7%); đang thực hiện trong hạn 02/06 nhiệm vụ (33,3%)."
    )
    directions = _section(texts, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2027", "Trên đây")
    assert directions == [
        "1. Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành",
        "- Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
        "- Sơ kết việc thực hiện dân chủ ở cơ sở",
    ]


def test_first_quarter_report_covers_ongoing_tasks(tmp_path: Path) -> None:
    """A quarter I report covers the ongoing tasks too: they run through every period."""
    progress = {"period": "q1", "tasks": [{"id": "hn-trien-khai", "status": "done_on_time"}]}
    texts = _report(tmp_path, EXAMPLES / "dan-van-xa-2027.yaml", progress)
    counts = next(t for t in texts if t.startswith("Theo kế hoạch, quý I năm 2027"))
    assert counts.startswith(
        "Theo kế hoạch, quý I năm 2027 có 04 nhiệm vụ (quý I và 03 nhiệm vụ thường xuyên); "
        "kết quả: hoàn thành đúng hạn 01/04 nhiệm vụ (25%); chưa báo cáo 03/04 nhiệm vụ (75%)."
    )
    upcoming = _section(texts, "2. Triển khai các nhiệm vụ theo kế hoạch", "3. ")
    assert [t for t in upcoming if t.startswith("- ")] == ["- Quý II", "- Quý IV"]


def test_six_month_v1_task_of_quarter_three_reported_early(tmp_path: Path) -> None:
    """Sa Pa (v1) at six months with a quý III task under way: named apart, listed once."""
    progress = _yaml("sapa-2022-progress-6m")
    (entry,) = [t for t in progress["tasks"] if t["id"] == "q3-kiem-tra-hcm"]
    entry["status"] = "in_progress"
    texts = _report(tmp_path, EXAMPLES / "sapa-2022-tuyen-giao.yaml", progress)
    counts = next(t for t in texts if t.startswith("Theo kế hoạch, 6 tháng đầu năm 2022"))
    assert "(quý I, quý II), cùng 01 nhiệm vụ quý III đã thực hiện sớm;" in counts
    assert "quý IV" not in counts
    start = "Tổ chức 05 cuộc kiểm tra việc học tập và làm theo"  # q3-kiem-tra-hcm, count 5
    directions = texts[texts.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022") :]
    assert sum(1 for t in directions if t.startswith(f"- {start}")) == 1
    assert sum(1 for t in directions if t.startswith(f"+ {start}")) == 0


# --- due figures in whole things -------------------------------------------------------------


def test_cumulative_due_of_counted_things_is_whole(tmp_path: Path) -> None:
    """8 thôn over 2026–2030, one year in: due 8 × 12/60 = 1,6, written "02 thôn"."""
    texts = _report(
        tmp_path,
        EXAMPLES / "chuong-trinh-2026-2030.yaml",
        EXAMPLES / "chuong-trinh-2026-2030-progress.yaml",
    )
    line = next(t for t in texts if t.startswith("- Thôn đạt chuẩn văn hóa"))
    assert "đúng tiến độ (theo tiến độ cần đạt 02 thôn)" in line
    assert "1,6" not in line


def test_due_of_a_measure_keeps_its_decimal(tmp_path: Path) -> None:
    """A measure (km) is not counted in whole things: 5 km × 6/12 is due as 2,5 km."""
    plan = _yaml("dan-van-xa-2027")
    plan["sections"][1]["content"].append(
        {
            "text": "Làm mới {duong-thon} đường giao thông nông thôn.",
            "targets": [{"id": "duong-thon", "quantity": 5, "unit": "km"}],
        }
    )
    progress = {"period": "6m", "targets": [{"id": "duong-thon", "achieved": 3}]}
    texts = _report(tmp_path, _write(tmp_path, "plan", plan), progress)
    line = next(t for t in texts if t.startswith("- Làm mới 05 km"))
    assert "đúng tiến độ (theo tiến độ cần đạt 2,5 km)" in line


# --- area narratives on version 2 sections ---------------------------------------------------


def test_v2_results_by_section_title_and_id(tmp_path: Path) -> None:
    """`results: [{area: …}]` names a v2 section by title (any depth) or id; the narrative
    of a section with targets goes with them, of another under its own title."""
    plan = _yaml("khoa-giao-2027-theo-dot")
    plan["sections"][1]["id"] = "chi-tieu"
    progress = copy.deepcopy(_yaml("khoa-giao-2027-theo-dot-progress"))
    progress["results"] = [
        {"area": "chi-tieu", "content": ["Các buổi nói chuyện thu hút đông đảo Nhân dân."]},
        {"area": "Nội dung và thời gian", "content": ["Hai đợt được tổ chức đúng kế hoạch."]},
    ]
    texts = _report(tmp_path, _write(tmp_path, "plan", plan), progress)
    targets = _section(texts, "1. Thực hiện các mục tiêu, chỉ tiêu", "2. ")
    assert "Các buổi nói chuyện thu hút đông đảo Nhân dân." in targets
    assert not any(t.startswith("1.1") for t in targets)
    contents = _section(texts, "3. Thực hiện các nội dung của kế hoạch", "II. ")
    assert contents[:2] == [
        "3.1. Nội dung và thời gian thực hiện",
        "Hai đợt được tổ chức đúng kế hoạch.",
    ]


def test_v2_results_naming_no_section_is_an_error(tmp_path: Path, capsys) -> None:
    """An area that is no section of a v2 plan: exit 2, the nearest section named."""
    progress = copy.deepcopy(_yaml("dan-van-xa-2027-progress"))
    progress["results"] = [{"area": "Nhiệm vụ chính", "content": ["…"]}]
    path = _write(tmp_path, "progress", progress)
    out = tmp_path / "bao-cao.docx"
    code = main(["report", str(EXAMPLES / "dan-van-xa-2027.yaml"), str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "results[0].area" in err
    assert "mục 'Nhiệm vụ chính' không có trong kế hoạch" in err
    assert "gần nhất: Nhiệm vụ cụ thể" in err


# --- the progress sheet: target kinds, version 1 sheets --------------------------------------


def test_progress_sheet_shows_each_target_kind(tmp_path: Path) -> None:
    """The "Loại chỉ tiêu" column names each target's kind as the plan writes it (or the
    default: yearly for counts, ratio for percentages), next to the planned figure."""
    sheet = tmp_path / "tien-do.xlsx"
    kehoach.export_progress_sheet(EXAMPLES / "chuong-trinh-2026-2030.yaml", sheet)
    ws = load_workbook(sheet)["Chỉ tiêu"]
    header = [c.value for c in ws[1]]
    assert header[4:7] == ["Kế hoạch", "Loại chỉ tiêu", "Thực hiện"]
    kinds = {row[0]: row[5] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert kinds == {"dang-vien-hoc-tap": "Tỷ lệ", "thon-van-hoa": "Cộng dồn cả giai đoạn"}


def test_version_1_progress_sheet_still_reads(tmp_path: Path) -> None:
    """A sheet made before the kind column (layout version 1) is read as before."""
    sheet = tmp_path / "tien-do.xlsx"
    kehoach.export_progress_sheet(EXAMPLES / "dan-van-xa-2027.yaml", sheet)
    book = load_workbook(sheet)
    ws = book["Chỉ tiêu"]
    ws.delete_cols([c.value for c in ws[1]].index("Loại chỉ tiêu") + 1)
    ws.cell(2, [c.value for c in ws[1]].index("Thực hiện") + 1).value = 3
    meta = book["kehoach"]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "version":
            row[1].value = 1
    book.save(sheet)
    progress = kehoach.load_progress(
        sheet, plan=kehoach.load_plan(EXAMPLES / "dan-van-xa-2027.yaml")
    )
    assert [(t.id, t.achieved) for t in progress.targets] == [("mo-hinh-dan-van", 3)]
