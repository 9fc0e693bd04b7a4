"""The Sa Pa 2022 example (examples/sapa-2022-tuyen-giao.yaml) reproduces the reference plan.

The reference is the text of the real plan of Thị ủy Sa Pa, 2022, converted to Markdown;
tests/data/ke-hoach-tuyen-giao-sa-pa-2022.md is a byte-for-byte copy of
shared/reference/ke-hoach-tuyen-giao-sa-pa-2022.md. Both sides are normalised (NFC, white
space, Markdown marks, computed numbers and bullet marks) and compared paragraph by
paragraph; the few differences that are expected are listed below, each with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

import kehoach
from kehoach.compose import ComposedDocument, Para, compose_plan
from kehoach.model import Plan, iter_targets, iter_tasks

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
REFERENCE = Path(__file__).resolve().parent / "data" / "ke-hoach-tuyen-giao-sa-pa-2022.md"

# The header block lost in the Markdown conversion (only "\*", the date line and a
# "Số - KH/TU" survived): the real header of the plan, in the order kehoach writes it.
REAL_HEADER = [
    "ĐẢNG BỘ TỈNH LÀO CAI",
    "THỊ ỦY SA PA",
    "*",
    "Số    -KH/TU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Sa Pa, ngày    tháng 01 năm 2022",
]

# Paragraphs the Markdown splits in two at a page break of the original: (end of the
# first part, start of the second part). They are joined with a space.
PAGE_BREAKS = [
    ("những nội dung cơ bản của tư", "tưởng, đạo đức, phong cách"),
    ("quy định của Trung ương,", "Tỉnh ủy, Thị ủy về hoạt động"),
    ("phối hợp với Ban Tuyên giáo", "Thị ủy tổ chức sơ kết"),
]

_RECIPIENTS = [
    "TT Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy Lào Cai",
    "TT Thị ủy, HĐND, UBND thị xã",
    "Các đ/c Ủy viên BTV Thị ủy",
    "Các cơ quan tham mưu, giúp việc Thị ủy",
    "MTTQ và các tổ chức CT - XH thị xã",
    "Trung tâm Chính trị thị xã",
    "Các chi, đảng bộ trực thuộc Thị ủy",
]

# Known, expected differences: normalised reference paragraph -> normalised kehoach one.
KNOWN_DIFFERENCES = {
    # Quarter labels are computed in Roman figures; the source mixes "Quý I" and "Quý 2".
    "Quý 2": "Quý II",
    "Quý 3": "Quý III",
    # Amounts in words are computed with kehoach's defaults "linh năm", "nghìn"
    # (V-NUMWORD-2); the source reads "linh lăm", "ngàn".
    "Tổng kinh phí thực hiện Đề án dự kiến: 6.505.490.000đ (Sáu tỷ năm trăm linh lăm "
    "triệu bốn trăm chín mươi ngàn đồng) (Có phụ biểu chi tiết đính kèm).": (
        "Tổng kinh phí thực hiện Đề án dự kiến: 6.505.490.000đ (Sáu tỷ năm trăm linh năm "
        "triệu bốn trăm chín mươi nghìn đồng) (Có phụ biểu chi tiết đính kèm)."
    ),
    # ... and every amount carries its unit (V-MONEY-2); the source drops the "đ" here.
    "Nhu cầu kinh phí năm 2022: 1.750.060.000 (Một tỷ bảy trăm năm mươi triệu không trăm "
    "sáu mươi ngàn đồng).": (
        "Nhu cầu kinh phí năm 2022: 1.750.060.000đ (Một tỷ bảy trăm năm mươi triệu không "
        "trăm sáu mươi nghìn đồng)."
    ),
    # Nơi nhận: the source ends each item with ","; F-RECIP-3 writes ";".
    **{f"{item},": f"{item};" for item in _RECIPIENTS},
    # The surviving draft number lost its blank in the conversion ("Số    -KH/TU").
    "Số - KH/TU": "Số -KH/TU",
}

_LEADING_MARK = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[-+])\s+")


def normalise(line: str) -> str:
    """NFC, Markdown marks stripped, white space collapsed, leading number or bullet dropped."""
    text = unicodedata.normalize("NFC", line)
    text = text.replace("\\*", "").replace("*", "").replace("#", "")
    text = " ".join(text.split())
    return _LEADING_MARK.sub("", text, count=1)


def normalise_all(lines: list[str]) -> list[str]:
    """The non-empty normalised lines."""
    return [n for n in map(normalise, lines) if n]


def join_page_breaks(paragraphs: list[str]) -> list[str]:
    """Join the paragraphs the Markdown split at a page break (each listed break must occur)."""
    out = list(paragraphs)
    for end, start in PAGE_BREAKS:
        hits = [
            i for i in range(len(out) - 1) if out[i].endswith(end) and out[i + 1].startswith(start)
        ]
        assert len(hits) == 1, f"page break {end!r} / {start!r} not found once"
        i = hits[0]
        out[i : i + 2] = [f"{out[i]} {out[i + 1]}"]
    return out


def reference_paragraphs() -> list[str]:
    """The reference, one normalised paragraph per item, page breaks joined."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return join_page_breaks(normalise_all(lines))


def expected(paragraphs: list[str]) -> list[str]:
    """Reference paragraphs with the known differences applied."""
    return [KNOWN_DIFFERENCES.get(p, p) for p in paragraphs]


def split_reference() -> tuple[list[str], list[str], list[str], list[str]]:
    """The reference as (header, title, body, recipients and signature)."""
    paragraphs = reference_paragraphs()
    title_at = paragraphs.index("KẾ HOẠCH")
    body_at = paragraphs.index("-----", title_at) + 1
    tail_at = paragraphs.index("Nơi nhận:", body_at)
    return (
        paragraphs[:title_at],
        paragraphs[title_at:body_at],
        paragraphs[body_at:tail_at],
        paragraphs[tail_at:],
    )


@pytest.fixture(scope="module")
def plan() -> Plan:
    return kehoach.load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def document(plan: Plan) -> ComposedDocument:
    return compose_plan(plan)


def test_example_loads_and_validates(plan: Plan) -> None:
    """The example validates, through load_plan and through the plain pydantic model alike."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert Plan.model_validate(data) == plan
    assert (plan.plan_type, plan.year) == ("tuyen-giao", 2022)


def test_body_reproduces_reference(document: ComposedDocument) -> None:
    """Every body paragraph of the composed plan equals the reference's, in order."""
    _, _, body, _ = split_reference()
    ours = normalise_all([block.text for block in document.body if isinstance(block, Para)])
    assert ours == expected(body)


def test_whole_document_reproduces_reference(document: ComposedDocument) -> None:
    """Header (the real one), title, body, Nơi nhận and signature match the reference."""
    _, title, body, tail = split_reference()
    assert normalise_all(document.plain_text()) == normalise_all(REAL_HEADER) + expected(
        title + body + tail
    )


def test_reference_header_remnants_match(document: ComposedDocument) -> None:
    """What survived of the reference's header (date, draft number) is what kehoach writes."""
    header, _, _, _ = split_reference()
    assert header == ["Sa Pa, ngày tháng 01 năm 2022", "Số - KH/TU"]
    ours = normalise_all(document.plain_text())
    assert all(line in ours for line in expected(header))


_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")
# The source sets the year's amount in words in italics; kehoach writes amounts upright.
ITALIC_NOT_KEPT = ["Một tỷ bảy trăm năm mươi triệu không trăm sáu mươi ngàn đồng"]


def test_italics_of_the_source_are_kept(document: ComposedDocument) -> None:
    """The italic stretches of the source's running text are italic in the composed body."""
    source = []
    for raw in REFERENCE.read_text(encoding="utf-8").splitlines():
        if raw.lstrip().startswith("#"):
            continue  # headings: their look comes from the heading level
        source += [" ".join(m.strip("() ").split()) for m in _ITALIC.findall(raw)]
    ours = [
        " ".join(run.text.strip("() ").split())
        for block in document.body
        if isinstance(block, Para) and not block.role.startswith("heading")
        for run in block.runs
        if run.italic
    ]
    assert ours == [s for s in source if s not in ITALIC_NOT_KEPT]


def test_known_differences_all_occur() -> None:
    """Each listed known difference is met in the reference (the table does not rot)."""
    paragraphs = reference_paragraphs()
    assert [d for d in KNOWN_DIFFERENCES if d not in paragraphs] == []


def test_targets_and_quantities(plan: Plan, document: ComposedDocument) -> None:
    """The measurable targets of II.1, their quantities, and how the first one reads."""
    assert {t.id: t.quantity for t in iter_targets(plan)} == {
        "hn-quan-triet": 5,
        "hn-boi-duong": 1,
        "kiem-tra-hcm": 5,
        "hoi-thi-hcm": 1,
        "hoi-thi-giang-vien": 1,
        "sach-lich-su": 7,
        "huong-dan-hoc-tap": 1,
        "chi-thi-an-ninh-tt": 1,
        "huong-dan-qd274": 1,
        "trang-mxh": 16,
        "lop-tap-huan": 3,
    }
    assert all(t.label for t in iter_targets(plan))
    first = next(b for b in document.body if isinstance(b, Para) and "ít nhất 05" in b.text)
    assert [(r.text, r.bold) for r in first.runs if r.text in ("05", "01")] == [
        ("05", True),
        ("01", True),
    ]


def test_tasks_per_quarter(plan: Plan) -> None:
    """10, 7, 4 and 5 tasks by quarter, as many "+ " items as the reference has per quarter."""
    assert plan.content is not None and plan.content.tasks is not None
    counts = [len(q.tasks) for q in plan.content.tasks.quarters]
    assert counts == [10, 7, 4, 5]
    # Count the reference's "+ " items between each "- Quý" line and the next heading.
    reference: list[int] = []
    for raw in REFERENCE.read_text(encoding="utf-8").splitlines():
        line = raw.replace("*", "").replace("#", "").strip()
        if line.startswith("- Quý"):
            reference.append(0)
        elif line.startswith("+ ") and reference:
            reference[-1] += 1
        elif line.startswith("3. Giải pháp"):
            break
    assert counts == reference


def test_task_ids_are_stable(plan: Plan) -> None:
    """Task ids are pinned: reports and next year's plan refer to them."""
    assert plan.content is not None and plan.content.tasks is not None
    ids = {q.quarter: [t.id for t in q.tasks] for q in plan.content.tasks.quarters}
    assert ids == {
        1: [
            "q1-ban-hanh-chuong-trinh",
            "q1-dia-chi-lich-su-dang",
            "q1-hn-quan-triet",
            "q1-hn-chuyen-de-hcm",
            "q1-chi-thi-an-ninh-tt",
            "q1-ky-quy-che-phoi-hop",
            "q1-kh-phoi-hop-cac-khoi",
            "q1-kh-sach-guong-tot",
            "q1-tap-huan-bcv",
            "q1-so-ket-ct12-tb154",
        ],
        2: [
            "q2-hn-quan-triet",
            "q2-huong-dan-hoc-tap",
            "q2-kh-phoi-hop-vks-tand",
            "q2-hoi-thi",
            "q2-ra-soat-ctv-dlxh",
            "q2-hoi-thao-lich-su-dang",
            "q2-so-ket-kl50-kl51-kl52",
        ],
        3: [
            "q3-hn-quan-triet",
            "q3-kiem-tra-hcm",
            "q3-tong-ket-ct27-ct20-nq21",
            "q3-so-ket-nq20-2017",
        ],
        4: [
            "q4-hn-quan-triet",
            "q4-dieu-tra-dlxh",
            "q4-so-ket-ct05-kl01",
            "q4-tong-ket-nq20-2012",
            "q4-tham-dinh-ban-thao",
        ],
    }
    repeated = [t for t in iter_tasks(plan) if t.id.endswith("-hn-quan-triet")]
    assert len({t.text for t in repeated}) == 1
    assert all(t.recurring for t in repeated)


def test_budget_figures_add_up(plan: Plan) -> None:
    """Total, sources (which add up to it), this year's need and the note."""
    budget = plan.budget
    assert budget is not None
    assert budget.total == 6_505_490_000
    assert budget.total_label == "Tổng kinh phí thực hiện Đề án dự kiến"
    assert budget.appendix_note is True
    assert [(s.name, s.amount) for s in budget.sources] == [
        ("Ngân sách của Thị xã", 6_145_490_000),
        ("Xã hội hoá", 360_000_000),
    ]
    assert sum(s.amount for s in budget.sources) == budget.total
    assert budget.year_amount == 1_750_060_000
    assert budget.notes == [
        "Nhu cầu kinh phí trên ngoài kinh phí được phân nguồn theo đề án của tỉnh."
    ]


def test_rendered_docx_reproduces_reference(plan: Plan) -> None:
    """The text read back from the rendered DOCX equals the reference, part by part."""
    from docx_reading import texts_of

    paragraphs = normalise_all(texts_of(kehoach.render_plan_bytes(plan)))
    _, title, body, tail = split_reference()
    start = paragraphs.index("-----") + 1
    end = paragraphs.index("Nơi nhận:")
    assert paragraphs[start:end] == expected(body)
    assert paragraphs[start - len(title) : start] == expected(title)
    closing = [p for p in paragraphs[end:] if p]
    assert closing == normalise_all(expected(tail))
    for line in normalise_all(REAL_HEADER):
        assert line in paragraphs[: start - len(title)], line
