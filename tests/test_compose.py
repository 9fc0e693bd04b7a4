"""Composing a plan: numbering, bullets, targets, money and the closing parts."""

from __future__ import annotations

from datetime import date

from kehoach.compose import Para, Run, compose_plan
from kehoach.model import Plan
from plan_data import minimal_plan


def _compose(data: dict):
    return compose_plan(Plan.model_validate(data))


def _body_texts(doc) -> list[str]:
    return [b.text for b in doc.body if isinstance(b, Para)]


def test_header_lines_follow_the_spec():
    """Upper-case bodies, a draft number with blanks and the date zero rule (F-NUM-6, F-DATE-2)."""
    doc = _compose(minimal_plan())
    assert doc.superior_body == "ĐẢNG BỘ TỈNH LÀO CAI"
    assert doc.issuing_body == "THỊ ỦY SA PA"
    assert doc.number_line == "Số    -KH/TU"
    assert doc.date_line == "Sa Pa, ngày    tháng 01 năm 2022"
    assert doc.type_name == "KẾ HOẠCH"


def test_numbered_document_and_profile_by_date():
    """A signed plan gets "Số 05-KH/TU"; its date picks the guidance (F-NUM-2, F-SRC-1)."""
    data = minimal_plan()
    data["header"]["number"] = 5
    data["header"]["date"] = date(2026, 5, 27)
    doc = _compose(data)
    assert doc.number_line == "Số 05-KH/TU"
    assert doc.date_line == "Sa Pa, ngày 27 tháng 5 năm 2026"
    assert doc.profile.id == "party-2026"
    data["header"]["date"] = date(2026, 5, 26)
    assert _compose(data).profile.id == "party-2018"


def test_sections_are_numbered_from_structure():
    """I., 1., 1.1. and "- Quý I" / "+" are computed, not typed (F-HEAD-2)."""
    texts = _body_texts(_compose(minimal_plan()))
    assert texts[:7] == [
        "I. NỘI DUNG THỰC HIỆN",
        "1. Mục tiêu",
        "1.1. Học tập nghị quyết",
        "- Tổ chức ít nhất 05 hội nghị học tập nghị quyết.",
        "2. Nhiệm vụ cụ thể",
        "- Quý I",
        "+ Ban hành chương trình.",
    ]
    assert texts[7:9] == ["- Quý III", "+ Tổ chức 02 cuộc."]
    assert texts[9] == "II. KINH PHÍ THỰC HIỆN"


def test_target_figure_is_zero_padded_and_bold():
    """ "ít nhất **05** hội nghị": only the figure is bold."""
    doc = _compose(minimal_plan())
    bullet = next(b for b in doc.body if isinstance(b, Para) and "hội nghị" in b.text)
    assert bullet.role == "bullet1"
    bold = [r.text for r in bullet.runs if r.bold]
    assert bold == ["05"]


def test_inline_marks_and_escapes():
    """**đậm**, *nghiêng* become runs; \\* stays a literal star; & < > stay intact."""
    data = minimal_plan()
    data["closing"] = ["A **b** *c* \\*d\\* & <e> \"f\" 'g'."]
    doc = _compose(data)
    closing = doc.body[-1]
    assert closing.runs == (
        Run("A "),
        Run("b", bold=True),
        Run(" "),
        Run("c", italic=True),
        Run(" *d* & <e> \"f\" 'g'."),
    )


def test_level_four_numbering_options():
    """Level 4 reads "a)" by default and "2.3.1." when asked (F-HEAD-2, configurable)."""
    data = minimal_plan()
    data["organization"] = {
        "title": "Tổ chức thực hiện",
        "content": [
            {"section": "A", "content": []},
            {"section": "B", "content": [{"section": "B1", "content": [{"section": "B11"}]}]},
        ],
    }
    texts = _body_texts(_compose(data))
    assert texts[texts.index("1. A") :][:4] == ["1. A", "2. B", "2.1. B1", "a) B11"]
    data["format"] = {"level4_numbering": "decimal"}
    assert "2.1.1. B11" in _body_texts(_compose(data))


def test_money_in_figures_and_words():
    """Amounts read "6.505.490.000 đồng (Sáu tỷ … đồng)" (V-MONEY-1/2, V-NUMWORD-1)."""
    data = minimal_plan()
    data["budget"] = {
        "total": 6_505_490_000,
        "sources": [{"name": "Ngân sách", "amount": 6_505_490_000}],
        "year_amount": 1_750_060_000,
    }
    texts = _body_texts(_compose(data))
    assert (
        "1. Tổng kinh phí thực hiện: 6.505.490.000 đồng (Sáu tỷ năm trăm linh năm triệu "
        "bốn trăm chín mươi nghìn đồng)." in texts
    )
    assert (
        "3. Nhu cầu kinh phí năm 2022: 1.750.060.000 đồng (Một tỷ bảy trăm năm mươi triệu "
        "không trăm sáu mươi nghìn đồng)." in texts
    )
    data["format"] = {"money_unit": "đ", "money_words": {"thousand": "ngàn"}}
    assert (
        "- Ngân sách: 6.505.490.000đ (Sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi ngàn đồng)."
        in _body_texts(_compose(data))
    )


def test_recipients_and_signature():
    """ "- item;" lines, "- Lưu ….", and T/M + position in capitals (F-RECIP-3, F-SIGN-3)."""
    data = minimal_plan()
    data["recipients"] = {"items": ["TT Tỉnh ủy,", "BTG Tỉnh ủy"], "filing": "Văn phòng Thị ủy."}
    doc = _compose(data)
    assert doc.recipients == ("- TT Tỉnh ủy;", "- BTG Tỉnh ủy;", "- Lưu Văn phòng Thị ủy.")
    assert (doc.signature_authority, doc.signature_position, doc.signer) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "Thào A Sinh",
    )


def test_basis_lines_end_with_semicolons_then_full_stop():
    """Căn cứ lines start with "- ", end with ";" and the last with "." (F-BASIS-1, F-CITE-1)."""
    data = minimal_plan()
    data["opening"] = {
        "basis": [
            {
                "type_name": "Nghị quyết",
                "number": "05-NQ/TU",
                "date": "2021-12-20",
                "issuer": "Thị ủy Sa Pa",
                "subject": "về công tác năm 2022",
            },
            {"type_name": "Kế hoạch", "number": "72-KH/BTGTU", "date": "2021-12-30"},
        ]
    }
    texts = _body_texts(_compose(data))
    assert texts[:2] == [
        "- Căn cứ Nghị quyết số 05-NQ/TU, ngày 20/12/2021 của Thị ủy Sa Pa về công tác năm 2022;",
        "- Căn cứ Kế hoạch số 72-KH/BTGTU, ngày 30/12/2021.",
    ]


def test_budget_appendix_with_reference_line():
    """Detail lines make a budget appendix with its reference line (F-APX-2, F-APX-5)."""
    data = minimal_plan()
    data["header"]["number"] = 29
    data["header"]["date"] = "2022-01-15"
    data["budget"]["lines"] = [{"name": "Hội nghị", "amount": 700}, {"name": "Sách", "amount": 300}]
    doc = _compose(data)
    (appendix,) = doc.appendices
    assert appendix.label == "PHỤ LỤC"
    assert appendix.title == "DỰ TOÁN KINH PHÍ THỰC HIỆN"
    assert appendix.reference == (
        "(Kèm theo Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban Thường vụ Thị ủy Sa Pa)"
    )
    table = appendix.blocks[0]
    assert [c.text for c in table.rows[-1]] == ["", "Tổng cộng", "", "1.000", ""]
    assert any(t.endswith("(Có phụ lục chi tiết đính kèm).") for t in _body_texts(doc))
    data["format"] = {"appendix_word": "Phụ biểu"}
    doc = _compose(data)
    assert doc.appendices[0].label == "PHỤ BIỂU"
    assert any(t.endswith("(Có phụ biểu chi tiết đính kèm).") for t in _body_texts(doc))


def test_two_appendices_are_numbered():
    """With two or more appendices they are numbered in Arabic digits (F-APX-1)."""
    data = minimal_plan()
    data["budget"]["lines"] = [{"name": "Hội nghị", "amount": 1000}]
    data["appendices"] = [{"title": "Danh sách đơn vị", "content": ["Xã Tả Phìn."]}]
    doc = _compose(data)
    assert [a.label for a in doc.appendices] == ["PHỤ LỤC 1", "PHỤ LỤC 2"]


def test_task_units_are_shown_when_given():
    """Lead, supporting units and due date follow the task in italics."""
    data = minimal_plan()
    task = data["content"]["tasks"]["quarters"][0]["tasks"][0]
    task.update(
        lead="Ban Tuyên giáo", support=["Văn phòng", "Trung tâm Chính trị"], due="2022-03-31"
    )
    doc = _compose(data)
    para = next(b for b in doc.body if isinstance(b, Para) and "Ban hành" in b.text)
    assert para.text == (
        "+ Ban hành chương trình. (Chủ trì: Ban Tuyên giáo; phối hợp: Văn phòng, "
        "Trung tâm Chính trị; thời hạn: 31/3/2022)"
    )
    data["format"] = {"show_task_units": False}
    assert "+ Ban hành chương trình." in _body_texts(_compose(data))


def test_tone_style_is_kept_unless_asked():
    """ "hòa" and "hoà" stay as written; format.tone_style makes them one style on request."""
    data = minimal_plan()
    data["closing"] = ["Văn hóa, xã hội hoá, Thị ủy."]
    assert _body_texts(_compose(data))[-1] == "Văn hóa, xã hội hoá, Thị ủy."
    data["format"] = {"tone_style": "new"}
    doc = _compose(data)
    assert _body_texts(doc)[-1] == "Văn hoá, xã hội hoá, Thị uỷ."
    assert doc.issuing_body == "THỊ UỶ SA PA"
    data["format"] = {"tone_style": "old"}
    assert _body_texts(_compose(data))[-1] == "Văn hóa, xã hội hóa, Thị ủy."


def test_mixed_tone_styles_are_reviewed_not_changed():
    """A plan mixing both styles gets the P-TONE-1 review warning, and no silent change."""
    from kehoach.review import check_tone_styles

    data = minimal_plan()
    data["budget"]["sources"][1]["name"] = "Xã hội hóa"  # budget sources are text too
    data["closing"] = ["Văn hóa, xã hội hoá."]
    (warning,) = check_tone_styles(Plan.model_validate(data))
    assert warning.code == "P-TONE-1" and "hóa" in warning.message_vi
    data["closing"] = ["Văn hóa, xã hội hóa."]
    assert list(check_tone_styles(Plan.model_validate(data))) == []


def test_no_tone_style_warning_once_the_style_is_chosen():
    """With format.tone_style set the document is in one style: P-TONE-1 has nothing to offer."""
    from kehoach.review import check_tone_styles

    data = minimal_plan()
    data["closing"] = ["Văn hóa, xã hội hoá."]
    data["format"] = {"tone_style": "new"}
    assert list(check_tone_styles(Plan.model_validate(data))) == []


def test_citation_without_number_has_no_comma_before_the_date():
    """ "Kế hoạch số 29-KH/TU, ngày …" but "Kế hoạch tháng 01/2022 của …" (F-CITE-1)."""
    from kehoach.compose.text import reference_text
    from kehoach.model import Reference

    with_number = Reference(type_name="Kế hoạch", number="29-KH/TU", date="2022-01-15")
    assert reference_text(with_number) == "Căn cứ Kế hoạch số 29-KH/TU, ngày 15/01/2022"
    draft = Reference(type_name="Kế hoạch", date={"year": 2022, "month": 1}, issuer="Thị ủy Sa Pa")
    assert reference_text(draft) == "Căn cứ Kế hoạch tháng 01/2022 của Thị ủy Sa Pa"


def test_targets_in_an_appendix_are_written_out():
    """A target declared or named in an appendix shows its figure, not "{id}"."""
    data = minimal_plan()
    target = {"id": "lop", "quantity": 3, "unit": "lớp"}
    data["appendices"] = [
        {"title": "Chỉ tiêu", "content": [{"text": "Mở {lop}.", "targets": [target]}, "Như {hn}."]}
    ]
    (appendix,) = _compose(data).appendices
    assert [b.text for b in appendix.blocks] == ["Mở 03 lớp.", "Như ít nhất 05 hội nghị."]


def test_a_target_in_a_budget_label_is_written_out():
    """Budget labels place targets like any heading."""
    data = minimal_plan()
    data["budget"]["year_label"] = "Kinh phí cho {hn}"
    texts = _body_texts(_compose(data))
    assert any(t.startswith("3. Kinh phí cho ít nhất 05 hội nghị:") for t in texts), texts


def test_citation_names_a_body_once_when_it_signs_for_itself():
    """A body signing for itself is cited once: "của Đảng ủy xã Bản Hồ", not "Đảng ủy Đảng ủy…"."""
    from kehoach.compose.frame import issuer_phrase
    from kehoach.model.parts import DocumentHeader, Signature

    def phrase(body: str, on_behalf_of: str) -> str:
        header = DocumentHeader(issuing_body=body, place="Bản Hồ", date="2027-01-12")
        signature = Signature(
            authority="T/M", on_behalf_of=on_behalf_of, position="Bí thư", signer="Lò Văn Khánh"
        )
        return issuer_phrase(header, signature)

    assert phrase("Đảng ủy xã Bản Hồ", "Đảng ủy") == "Đảng ủy xã Bản Hồ"
    assert phrase("Đảng uỷ xã Bản Hồ", "ĐẢNG ỦY") == "Đảng uỷ xã Bản Hồ"
    assert phrase("Chi bộ thôn Nậm Cang", "Chi bộ") == "Chi bộ thôn Nậm Cang"
    assert phrase("Thị ủy Sa Pa", "Ban Thường vụ") == "Ban Thường vụ Thị ủy Sa Pa"
    assert phrase("Đảng ủy xã Tả Phìn", "Ban Chấp hành") == "Ban Chấp hành Đảng ủy xã Tả Phìn"
