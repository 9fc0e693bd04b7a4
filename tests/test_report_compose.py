"""The composed Báo cáo: header, title for numbered and draft plans, sections, appendix."""

from __future__ import annotations

import warnings

import pytest

from kehoach import ProgressWarning, compose_report, load_plan
from kehoach.compose import Para, TableData
from kehoach.model import Progress
from kehoach.report import compose_report_data, compose_report_with_notices, compute_report
from kehoach.report.compose import next_period_phrase
from plan_data import minimal_plan
from report_data import PLAN, PROGRESS_6M, minimal_progress


def _numbered_plan():
    data = minimal_plan()
    data["header"].update({"number": 29, "date": "2022-01-15"})
    return load_plan(data)


def _subject(doc) -> str:
    return "".join(r.text for r in doc.subject)


def _headings(doc, role: str = "heading1") -> list[str]:
    return [b.text for b in doc.body if isinstance(b, Para) and b.role == role]


def _texts(doc) -> list[str]:
    return [b.text for b in doc.body if isinstance(b, Para)]


def test_header_of_the_report():
    """Báo cáo (BC): "Số 05-BC/TU", its own date, place and bodies from the plan (F-NUM-1/2)."""
    doc = compose_report(_numbered_plan(), minimal_progress())
    assert (doc.type_name, doc.number_line) == ("BÁO CÁO", "Số 05-BC/TU")
    assert doc.date_line == "Sa Pa, ngày 05 tháng 7 năm 2022"
    assert (doc.superior_body, doc.issuing_body) == ("ĐẢNG BỘ TỈNH LÀO CAI", "THỊ ỦY SA PA")


def test_draft_report_header():
    """An unnumbered, undated report: "Số    -BC/TU", dated in the cut-off month (F-NUM-6)."""
    progress = minimal_progress()
    progress["header"] = {"draft_label": "Dự thảo"}
    doc = compose_report(_numbered_plan(), progress)
    assert doc.number_line == "Số    -BC/TU"
    assert doc.date_line == "Sa Pa, ngày    tháng 6 năm 2022"
    assert doc.draft_label == "Dự thảo"


def test_title_cites_a_numbered_plan():
    """The trích yếu: period, the cited plan (F-CITE-1), its subject (#12), lower-case first."""
    doc = compose_report(_numbered_plan(), minimal_progress())
    assert _subject(doc) == (
        "kết quả 6 tháng đầu năm 2022 thực hiện Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban "
        "Thường vụ Thị ủy Sa Pa về công tác tuyên giáo năm 2022"
    )
    assert doc.title == f"Báo cáo {_subject(doc)}"


def test_title_of_a_draft_plan_uses_what_is_known():
    """A plan without a number is named by its issuer and subject, the period first."""
    doc = compose_report(minimal_plan(), minimal_progress())
    assert _subject(doc) == (
        "kết quả 6 tháng đầu năm 2022 thực hiện Kế hoạch của Ban Thường vụ Thị ủy Sa Pa "
        "về công tác tuyên giáo năm 2022"
    )


def test_sections_in_order():
    """I. Kết quả; II. Đánh giá chung; III. Phương hướng (next period); IV. Đề xuất, kiến nghị."""
    progress = minimal_progress()
    progress.update(strengths="Tốt.", limitations="Chậm.", proposals="Đề nghị hỗ trợ.")
    doc = compose_report(_numbered_plan(), progress)
    assert _headings(doc) == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert _texts(doc)[-1] == (
        "Trên đây là báo cáo kết quả 6 tháng đầu năm 2022 thực hiện Kế hoạch số 29-KH/TU, ngày "
        "15/01/2022 của Ban Thường vụ Thị ủy Sa Pa."
    )


def test_empty_parts_are_left_out():
    """With nothing to say, II and IV are left out and the numbering follows."""
    progress = minimal_progress()
    progress["tasks"].append({"id": "q3-a", "status": "done_on_time", "completed": "2022-06-01"})
    progress["budget"].append({"source": "Xã hội hoá", "spent": 400})
    doc = compose_report(_numbered_plan(), progress)
    assert _headings(doc) == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
    ]


def test_target_sentence_with_computed_figures():
    """ "… thực hiện 04/05 hội nghị, đạt 80% kế hoạch, còn 01 hội nghị chưa thực hiện."."""
    progress = minimal_progress()
    progress["period"] = "year"
    doc = compose_report(_numbered_plan(), progress)
    bullet = next(b for b in doc.body if isinstance(b, Para) and "thực hiện 04/05" in b.text)
    assert bullet.text == (
        "- Tổ chức ít nhất 05 hội nghị học tập nghị quyết: thực hiện 04/05 hội nghị, đạt 80% "
        "kế hoạch, còn 01 hội nghị chưa thực hiện."
    )
    assert any(r.bold and r.text == "04/05" for r in bullet.runs)


def test_mid_year_sentence_says_on_schedule():
    """At six months 04 of a yearly 05 is on schedule: 5 × 6/12 = 2,5 due, 03 whole hội nghị."""
    doc = compose_report(_numbered_plan(), minimal_progress())
    bullet = next(b for b in doc.body if isinstance(b, Para) and "thực hiện 04/05" in b.text)
    assert bullet.text.endswith(
        "đạt 80% kế hoạch, đúng tiến độ (theo tiến độ cần đạt 03 hội nghị)."
    )


def test_exceeded_and_unreported_sentences():
    """Above the target reads "vượt chỉ tiêu"; no figure reads "chưa báo cáo kết quả"."""
    progress = minimal_progress()
    progress["targets"][0]["achieved"] = 7
    assert any(
        "07/05 hội nghị, đạt 140% kế hoạch, vượt chỉ tiêu." in t
        for t in _texts(compose_report(_numbered_plan(), progress))
    )
    progress["targets"] = []
    assert any(
        "chưa báo cáo kết quả (kế hoạch ít nhất 05 hội nghị)." in t
        for t in _texts(compose_report(_numbered_plan(), progress))
    )


def test_task_counts_sentence():
    """The task paragraph gives every status count over the tasks in scope, with percentages."""
    progress = minimal_progress()
    progress["period"] = "year"
    doc = compose_report(_numbered_plan(), progress)
    assert any(
        t.startswith(
            "Theo kế hoạch, năm 2022 có 02 nhiệm vụ (quý I, quý III); kết quả: hoàn thành đúng "
            "hạn 01/02 nhiệm vụ (50%); chưa báo cáo 01/02 nhiệm vụ (50%)."
        )
        for t in _texts(doc)
    )


@pytest.mark.parametrize(
    ("period", "phrase"),
    [
        ("q1", "quý II năm 2022"),
        ("q2", "quý III năm 2022"),
        ("q3", "quý IV năm 2022"),
        ("q4", "năm 2023"),
        ("6m", "6 tháng cuối năm 2022"),
        ("9m", "quý IV năm 2022"),
        ("year", "năm 2023"),
    ],
)
def test_next_period(period: str, phrase: str):
    """III. is about the period that follows the report's."""
    assert next_period_phrase(period, 2022) == phrase


def test_directions_from_unfinished_and_coming_tasks():
    """III lists unfinished tasks, the coming quarters' tasks and the targets left to reach."""
    progress = minimal_progress()
    progress["tasks"] = [{"id": "q1-a", "status": "overdue"}]
    doc = compose_report(_numbered_plan(), progress)
    texts = _texts(doc)
    start = texts.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022")
    assert texts[start + 1 :][:7] == [
        "1. Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành",
        "- Ban hành chương trình.",
        "2. Triển khai các nhiệm vụ theo kế hoạch",
        "- Quý III",
        "+ Tổ chức 02 cuộc.",
        "3. Phấn đấu hoàn thành các chỉ tiêu",
        "- Tổ chức ít nhất 05 hội nghị học tập nghị quyết: còn 01 hội nghị (đã thực hiện 04/05).",
    ]


def test_appendix_tables():
    """One appendix: the targets, task status and budget tables, each under its caption."""
    doc = compose_report(_numbered_plan(), minimal_progress())
    (appendix,) = doc.appendices
    assert (appendix.label, appendix.title) == (
        "PHỤ LỤC",
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
    )
    assert appendix.reference == (
        "(Kèm theo Báo cáo số 05-BC/TU, ngày 05/7/2022 của Ban Thường vụ Thị ủy Sa Pa)"
    )
    tables = [b for b in appendix.blocks if isinstance(b, TableData)]
    assert [t.caption for t in tables] == [
        "1. Kết quả thực hiện chỉ tiêu",
        "2. Tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2022",
        "3. Kinh phí thực hiện",
    ]
    headers = [[c.text for c in t.header] for t in tables]
    assert headers[0] == [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch",
        "Thực hiện",
        "Tỷ lệ (%)",
        "Đánh giá",
    ]
    assert headers[2][2:5] == ["Dự toán", "Đã sử dụng", "Tỷ lệ giải ngân (%)"]
    assert [c.text for c in tables[0].rows[-1]] == [
        "1",
        "Tổ chức ít nhất 05 hội nghị học tập nghị quyết",
        "hội nghị",
        "5",
        "4",
        "80%",
        "Đúng tiến độ",  # 04 of a yearly 05 at six months (2,5 due)
    ]
    assert tables[2].unit == "Đơn vị tính: đồng"
    assert [c.text for c in tables[2].rows[-1]][1:5] == ["Tổng cộng", "1.000", "-", "-"]
    assert any("tổng hợp tại Phụ lục kèm theo Báo cáo này" in t for t in _texts(doc))


def test_signature_and_recipients_default_to_the_plan():
    """Signature and Nơi nhận come from the plan unless the progress gives its own."""
    progress = minimal_progress()
    doc = compose_report(_numbered_plan(), progress)
    assert (doc.signature_authority, doc.signer) == ("T/M BAN THƯỜNG VỤ", "Thào A Sinh")
    assert doc.recipients == ("- TT Tỉnh ủy;", "- Lưu Văn phòng Thị ủy.")
    progress["signature"] = {"position": "Trưởng ban", "signer": "Nguyễn Văn An"}
    progress["recipients"] = {"items": ["Thường trực Thị ủy"], "filing": "BTG Thị ủy"}
    progress["header"]["issuing_body"] = "Ban Tuyên giáo Thị ủy"
    progress["header"]["body_code"] = "BTGTU"
    doc = compose_report(_numbered_plan(), progress)
    assert (doc.signature_authority, doc.signature_position) == (None, "TRƯỞNG BAN")
    assert doc.recipients == ("- Thường trực Thị ủy;", "- Lưu BTG Thị ủy.")
    assert (doc.issuing_body, doc.number_line) == ("BAN TUYÊN GIÁO THỊ ỦY", "Số 05-BC/BTGTU")


def test_warnings_are_issued_not_raised():
    """Problems that do not stop the report are ProgressWarning warnings."""
    progress = minimal_progress()
    progress["tasks"] = [{"id": "q1-a", "status": "in_progress"}]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compose_report(_numbered_plan(), progress)
    (warning,) = [w.message for w in caught if isinstance(w.message, ProgressWarning)]
    assert "q1-a" in warning.message("vi") and "q1-a" in warning.message("en")


def test_notices_returned_not_issued():
    """compose_report_with_notices returns the problems and issues no warning (for servers)."""
    progress = Progress.model_validate({**minimal_progress(), "tasks": [
        {"id": "q1-a", "status": "in_progress"}
    ]})  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document, notices = compose_report_with_notices(_numbered_plan(), progress)
    assert caught == []
    assert document == compose_report_data(compute_report(_numbered_plan(), progress, None))
    (notice,) = notices
    assert "q1-a" in notice.message("vi") and "q1-a" in notice.message("en")


def test_same_input_same_document():
    """Composing twice gives equal documents (deterministic output)."""
    plan = load_plan(PLAN)
    assert compose_report(plan, PROGRESS_6M) == compose_report(plan, PROGRESS_6M)
    progress = Progress.model_validate(minimal_progress())
    assert compose_report(minimal_plan(), progress) == compose_report(minimal_plan(), progress)


def test_nothing_to_tabulate_means_no_appendix():
    """A plan without targets, tasks or budget gives a report without an appendix."""
    plan = minimal_plan()
    del plan["content"], plan["budget"]
    doc = compose_report(plan, {"period": "year"})
    assert doc.appendices == ()
    assert not any("kèm theo Báo cáo này" in t for t in _texts(doc))


def test_report_follows_the_plans_tone_style():
    """A plan asking for one tone-mark style (format.tone_style) gets it in its report too."""
    from pathlib import Path

    import kehoach

    examples = Path(__file__).resolve().parents[1] / "examples"
    plan = kehoach.load_plan(examples / "sapa-2022-tuyen-giao.yaml")
    plan = plan.model_copy(update={"format": plan.format.model_copy(update={"tone_style": "new"})})
    text = "\n".join(
        kehoach.compose_report(plan, examples / "sapa-2022-progress-6m.yaml").plain_text()
    )
    assert "hoá" in text and "hóa" not in text
