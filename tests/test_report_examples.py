"""The two example reports on the Sa Pa 2022 plan, rendered and read back.

Every figure of the appendix tables is re-derived here from the YAML files with plain
arithmetic (no kehoach code), then compared with the tables of the rendered DOCX.
The reports pass the same format checks as plans and LibreOffice opens them.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from docx_reading import NS, part_xml, read, with_style
from helpers.libreoffice import pdf_pages, pdf_text
from kehoach import OutputExistsError, compose_report, load_plan, render_report
from kehoach.check import DocxView, check_docx
from kehoach.render import Renderer
from report_data import PLAN, PROGRESS_6M, PROGRESS_YEAR

CASES = {"6m": PROGRESS_6M, "year": PROGRESS_YEAR}
QUARTERS = {"6m": (1, 2), "year": (1, 2, 3, 4)}
LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Chưa thực hiện – quá hạn",
    None: "Chưa báo cáo",
}


# --------------------------------------------------------------------------- independent maths


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _walk_targets(node: Any, out: dict[str, dict[str, Any]]) -> None:
    if isinstance(node, dict):
        for target in node.get("targets", []) if isinstance(node.get("targets"), list) else []:
            if isinstance(target, dict) and "quantity" in target:
                out.setdefault(target["id"], target)
        for value in node.values():
            _walk_targets(value, out)
    elif isinstance(node, list):
        for item in node:
            _walk_targets(item, out)


def _percent(numerator: int, denominator: int) -> str:
    """Rounded half up to one decimal, "," as decimal separator, trailing ",0" dropped."""
    tenths = (Fraction(numerator * 1000, denominator) + Fraction(1, 2)).__floor__()
    whole, decimal = divmod(tenths, 10)
    return f"{whole},{decimal}%" if decimal else f"{whole}%"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def expected_targets(progress: dict) -> list[list[str]]:
    targets: dict[str, dict[str, Any]] = {}
    _walk_targets(_yaml(PLAN)["content"]["objectives"], targets)
    achieved = {t["id"]: t.get("achieved") for t in progress.get("targets", [])}
    rows = []
    for number, (target_id, target) in enumerate(targets.items(), start=1):
        planned, done = target["quantity"], achieved.get(target_id)
        months = {"q1": 3, "6m": 6, "q2": 6, "9m": 9, "q3": 9}.get(progress["period"], 12)
        if done is None:
            cells = ["-", "-", "Chưa báo cáo"]
        else:
            verdict = "Vượt" if done > planned else "Đạt" if done == planned else "Chưa đạt"
            if verdict == "Chưa đạt" and months < 12 and not target["unit"].startswith("%"):
                # a yearly target before year end: against its share due by then (#12)
                on_time = done * 12 >= planned * months
                verdict = "Đúng tiến độ" if on_time else "Chậm tiến độ"
            cells = [str(done), _percent(done, planned), verdict]
        rows.append([str(number), target["unit"], str(planned), *cells])
    return rows


def expected_statuses(progress: dict, case: str) -> list[list[str]]:
    plan = _yaml(PLAN)
    status = {t["id"]: t.get("status") for t in progress.get("tasks", [])}
    in_scope = [
        task["id"]
        for quarter in plan["content"]["tasks"]["quarters"]
        for task in quarter["tasks"]
        if quarter["quarter"] in QUARTERS[case] or status.get(task["id"])
    ]
    total = len(in_scope)
    rows = []
    for number, (key, label) in enumerate(LABELS.items(), start=1):
        count = sum(1 for task_id in in_scope if status.get(task_id) == key)
        rows.append([str(number), label, str(count), _percent(count, total)])
    rows.append(["", "Tổng cộng", str(total), "100%"])
    return rows


def expected_budget(progress: dict) -> list[list[str]]:
    sources = _yaml(PLAN)["budget"]["sources"]
    spending = {b["source"]: b for b in progress["budget"]}
    rows, allocated_total, spent_total = [], 0, 0
    for number, source in enumerate(sources, start=1):
        entry = spending[source["id"]]
        allocated = entry.get("allocated", source["amount"])
        spent = entry["spent"]
        allocated_total += allocated
        spent_total += spent
        rows.append(
            [
                str(number),
                source["name"],
                _money(allocated),
                _money(spent),
                _percent(spent, allocated),
                "",
            ]
        )
    rows.append(
        [
            "",
            "Tổng cộng",
            _money(allocated_total),
            _money(spent_total),
            _percent(spent_total, allocated_total),
            "",
        ]
    )
    return rows


# --------------------------------------------------------------------------- rendering


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def rendered(plan) -> dict[str, bytes]:
    renderer = Renderer()
    return {name: renderer.render_bytes(compose_report(plan, path)) for name, path in CASES.items()}


@pytest.fixture(scope="module")
def views(rendered) -> dict[str, DocxView]:
    return {name: read(data) for name, data in rendered.items()}


def _appendix_tables(view: DocxView) -> list[list[list[str]]]:
    tables = [t for t in view.tables if t.section == 1]
    return [[[cell.text for cell in row.cells] for row in t.rows] for t in tables]


def test_target_table_matches_an_independent_computation(case, views):
    """Kế hoạch, thực hiện, tỷ lệ (%), đánh giá of every target equal plain arithmetic."""
    progress = _yaml(CASES[case])
    targets, _, _ = _appendix_tables(views[case])
    assert targets[0] == [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch",
        "Thực hiện",
        "Tỷ lệ (%)",
        "Đánh giá",
    ]
    rows = [[r[0], *r[2:]] for r in targets[1:] if r[0].isdigit()]  # area rows have I, II…
    assert rows == expected_targets(progress)


def test_status_table_matches_an_independent_computation(case, views):
    """Task counts per status and their percentages equal plain arithmetic."""
    _, statuses, _ = _appendix_tables(views[case])
    assert statuses[0] == ["STT", "Tình trạng thực hiện", "Số nhiệm vụ", "Tỷ lệ (%)"]
    assert statuses[1:] == expected_statuses(_yaml(CASES[case]), case)


def test_budget_table_matches_an_independent_computation(case, views):
    """Dự toán, đã sử dụng, tỷ lệ giải ngân per source and in total equal plain arithmetic."""
    _, _, budget = _appendix_tables(views[case])
    assert budget[1:] == expected_budget(_yaml(CASES[case]))


def test_body_states_the_same_figures(case, views):
    """Each reported target's sentence gives "achieved/planned" and the same percentage."""
    progress = _yaml(CASES[case])
    body = "\n".join(p.text for p in views[case].paragraphs if p.section == 0)
    targets: dict[str, dict[str, Any]] = {}
    _walk_targets(_yaml(PLAN)["content"]["objectives"], targets)
    for entry in progress["targets"]:
        done = entry.get("achieved")
        if done is None:
            continue
        planned = targets[entry["id"]]["quantity"]
        figure = f"{done:02d}/{planned:02d}" if done else f"0/{planned:02d}"
        assert (
            f"thực hiện {figure} {targets[entry['id']]['unit']}, đạt {_percent(done, planned)}"
            in body
        )


def test_year_report_has_unmet_exceeded_and_unfinished(views):
    """The year example has unmet targets, one "vượt", and unfinished tasks in III."""
    targets, statuses, _ = _appendix_tables(views["year"])
    verdicts = [r[-1] for r in targets[1:] if r[0].isdigit()]
    assert verdicts.count("Vượt") == 1 and verdicts.count("Chưa đạt") >= 2
    counts = {r[1]: int(r[2]) for r in statuses[1:-1]}
    assert counts["Chưa thực hiện – quá hạn"] + counts["Đang thực hiện trong hạn"] >= 2
    body = [p.text for p in views["year"].paragraphs if p.section == 0]
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023" in body


def test_examples_use_every_id_of_the_plan():
    """The year example reports every target and task of the plan; the 6m one names them too."""
    plan = _yaml(PLAN)
    targets: dict[str, Any] = {}
    _walk_targets(plan, targets)
    tasks = {t["id"] for q in plan["content"]["tasks"]["quarters"] for t in q["tasks"]}
    for path in CASES.values():
        progress = _yaml(path)
        assert {t["id"] for t in progress["targets"]} == set(targets)
        assert {t["id"] for t in progress["tasks"]} == tasks


# --------------------------------------------------------------------------- format


def test_checker_finds_no_error(case, rendered):
    """Reports pass the same checker as plans: zero errors."""
    result = check_docx(rendered[case])
    assert result.errors == (), [(f.rule, f.message) for f in result.errors]


def test_title_block(case, views):
    """BÁO CÁO 16 pt bold, then the trích yếu starting "kết quả", bold (F-TYPE-2, F-SUBJ-1)."""
    (type_name,) = with_style(views[case], "KHTypeName")
    (subject,) = with_style(views[case], "KHSubject")
    assert type_name.text == "BÁO CÁO"
    assert all(r.size_pt == 16 and r.bold for r in type_name.runs if r.text)
    assert subject.text.startswith("kết quả ")
    assert all(r.bold for r in subject.runs if r.text)


def test_body_style(case, views):
    """Body paragraphs: 14 pt, justified, first-line 10 mm, exactly 18 pt (F-BODY-1..5)."""
    paragraphs = [
        p
        for p in views[case].paragraphs
        if p.section == 0 and p.style_id in ("KHBody", "KHBullet1")
    ]
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert (p.alignment, p.first_line, p.line, p.line_rule) == ("both", 567, 360, "exact")
        assert all(r.size_pt == 14 for r in p.runs if r.text)


def test_text_is_times_new_roman_and_nfc(case, views):
    """F-FONT-1/2: every run Times New Roman; every text NFC."""
    for p in views[case].paragraphs:
        assert unicodedata.is_normalized("NFC", p.text)
        for run in p.runs:
            if run.text:
                assert run.font_ascii == "Times New Roman", run.text


def test_appendix_tables_format(case, rendered, views):
    """F-APX-2/5: captions bold, header rows bold, centred and repeated; figures right-aligned."""
    view = views[case]
    texts = [p.text for p in view.paragraphs if p.section == 1 and p.cell is None]
    assert texts[:3] == [
        "PHỤ BIỂU",
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
        texts[2],
    ]
    assert texts[2].startswith("(Kèm theo Báo cáo số ")
    captions = with_style(view, "KHTableCaption")
    assert [c.text[:2] for c in captions] == ["1.", "2.", "3."]
    assert all(r.bold for c in captions for r in c.runs if r.text)
    tables = [t for t in view.tables if t.section == 1]
    for table, figures in zip(tables, (3, 2, 2), strict=True):  # Kế hoạch, Số nhiệm vụ, Dự toán
        for cell in table.rows[0].cells:
            (p,) = cell.paragraphs
            assert p.alignment == "center" and all(r.bold for r in p.runs if r.text)
        figure = table.rows[-1].cells[figures].paragraphs[0]
        assert figure.text and figure.alignment == "right"
    xml_tables = part_xml(rendered[case], "word/document.xml").xpath(
        "//w:tbl[w:tblPr/w:tblStyle/@w:val='KHTableGrid']", namespaces=NS
    )
    assert len(xml_tables) == 3
    assert all(t.find("w:tr/w:trPr/w:tblHeader", NS) is not None for t in xml_tables)


def test_rendering_is_deterministic(plan, rendered):
    """The same plan and progress give the same bytes."""
    assert Renderer().render_bytes(compose_report(plan, PROGRESS_6M)) == rendered["6m"]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_reports(case, rendered, to_pdf):
    """LibreOffice converts each report to a PDF that holds the title (pages > 0)."""
    pdf = to_pdf(rendered[case], f"report-{case}")
    assert pdf_pages(pdf) > 0
    text = " ".join(pdf_text(pdf).split())
    assert "BÁO CÁO" in text
    period = "6 tháng đầu năm 2022" if case == "6m" else "năm 2022"
    assert f"kết quả {period} thực hiện Kế hoạch của Ban Thường vụ Thị ủy" in text
    assert "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU" in text
    # No blank page: the year report's signature fills its last body page, and the
    # paragraph ending that section once spilled onto a page of its own.
    for page in range(1, pdf_pages(pdf) + 1):
        words = pdf_text(pdf, first=page, last=page).split()
        assert [w for w in words if not w.isdigit()], f"page {page} is blank"


def test_render_report_api(tmp_path, rendered):
    """kehoach.render_report writes the same DOCX atomically, and refuses to overwrite."""
    target = tmp_path / "bao-cao.docx"
    render_report(PLAN, PROGRESS_6M, target)
    assert target.read_bytes() == rendered["6m"]
    with pytest.raises(OutputExistsError):
        render_report(PLAN, PROGRESS_6M, target)
    render_report(PLAN, PROGRESS_6M, target, force=True, period="6m")
