"""The built-in plan types, the bodies of each level and year, and the review warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

import kehoach
from kehoach import (
    Organization,
    PlanType,
    PlanTypeRegistry,
    SkeletonArea,
    UnknownPlanTypeError,
    get_plugin_manager,
    plan_types,
    review_plan,
    starting_plan,
)
from kehoach.check import check_docx
from plan_data import minimal_plan

ROOT = Path(__file__).resolve().parents[1]
SAPA = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
BUILTIN_TYPES = ("tuyen-giao", "dan-van", "khoa-giao")


@pytest.fixture(scope="module")
def registry() -> PlanTypeRegistry:
    """The plan types of the default plugins."""
    return plan_types(get_plugin_manager(disabled=()))


def _codes(plan: kehoach.Plan) -> list[str]:
    return [w.code for w in review_plan(plan, plugin_manager=get_plugin_manager())]


def _plan(**changes: object) -> kehoach.Plan:
    data = minimal_plan()
    data.update(changes)
    return kehoach.load_plan(data)


# --- the built-in types ---------------------------------------------------------------


def test_builtin_types_and_their_plugins(registry):
    """tuyen-giao, dan-van and khoa-giao come from the plugins of the same names."""
    assert set(BUILTIN_TYPES) <= set(registry.ids())
    for type_id in BUILTIN_TYPES:
        assert registry.provider(type_id) == type_id.replace("-", "_")


@pytest.mark.parametrize(
    ("type_id", "title", "areas"),
    [
        (
            "tuyen-giao",
            "Kế hoạch công tác tuyên giáo năm 2027",
            [
                "nghị quyết",
                "lịch sử Đảng",
                "báo chí",
                "dư luận xã hội",
                "nền tảng tư tưởng",
                "bồi dưỡng cán bộ",
            ],
        ),
        (
            "dan-van",
            "Kế hoạch công tác dân vận năm 2027",
            [
                "hệ thống chính trị",
                "Dân vận khéo",
                "dân chủ ở cơ sở",
                "dân tộc",
                "tôn giáo",
                "Mặt trận",
            ],
        ),
        (
            "khoa-giao",
            "Kế hoạch công tác khoa giáo năm 2027",
            [
                "Giáo dục và đào tạo",
                "Khoa học, công nghệ",
                "Y tế",
                "Tài nguyên, môi trường",
                "Lao động",
            ],
        ),
    ],
)
def test_type_title_and_skeleton(registry, type_id: str, title: str, areas: list[str]):
    """Each type has its title pattern and the usual sections of its work area."""
    plan_type = registry.get(type_id)
    assert plan_type.title(2027) == title
    assert plan_type.subject(2027) == title.removeprefix("Kế hoạch ")
    titles = " | ".join(area.title for area in plan_type.areas)
    for words in areas:
        assert words in titles, (type_id, words)


def test_plan_types_are_frozen(registry):
    """Descriptors are frozen dataclasses: one plugin cannot change another's type."""
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        registry.get("dan-van").name = "khác"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "Dan Van"}, "lower-case"),
        ({"title_pattern": "Kế hoạch dân vận"}, "{year}"),
        ({"title_pattern": "Chương trình {year}"}, "start with"),
        ({"areas": ()}, "at least one area"),
    ],
)
def test_plan_type_validation(changes: dict[str, object], message: str):
    """A malformed PlanType is refused when it is created."""
    fields: dict[str, object] = {
        "id": "x",
        "name": "X",
        "name_en": "X",
        "title_pattern": "Kế hoạch X năm {year}",
        "areas": (SkeletonArea("a", "A", "Ghi A"),),
    }
    fields.update(changes)
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("}", r"\}")):
        PlanType(**fields)  # type: ignore[arg-type]


def test_unknown_type_lists_the_known_ones(registry):
    """An unknown id raises UnknownPlanTypeError listing the installed types."""
    with pytest.raises(UnknownPlanTypeError) as caught:
        registry.get("xay-dung")
    assert all(t in caught.value.messages("en")[0] for t in BUILTIN_TYPES)
    assert "không có loại kế hoạch" in caught.value.messages("vi")[0]


# --- bodies by level and year ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "year", "superior", "expected"),
    [
        # From 2025: one Ban Tuyên giáo và Dân vận at province level.
        (
            "Tỉnh ủy Lào Cai",
            2027,
            None,
            {
                "level": "province",
                "tuyen_giao": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "dan_van": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "superior_tuyen_giao": "Ban Tuyên giáo và Dân vận Trung ương",
                "office": "Văn phòng Tỉnh ủy",
                "place": "Lào Cai",
            },
        ),
        # Before 2025: separate Bans; the district level exists.
        (
            "Thị ủy Sa Pa",
            2022,
            "Đảng bộ tỉnh Lào Cai",
            {
                "level": "district",
                "tuyen_giao": "Ban Tuyên giáo Thị ủy",
                "dan_van": "Ban Dân vận Thị ủy",
                "superior_tuyen_giao": "Ban Tuyên giáo Tỉnh ủy",
                "locality": "thị xã",
                "units_below": "Các chi, đảng bộ trực thuộc Thị ủy",
            },
        ),
        # Commune from 2025: the Ban Xây dựng Đảng; the superior is the province.
        (
            "Đảng ủy xã Tả Van",
            2026,
            None,
            {
                "level": "commune",
                "tuyen_giao": "Ban Xây dựng Đảng Đảng ủy xã",
                "dan_van": "Ban Xây dựng Đảng Đảng ủy xã",
                "superior_tuyen_giao": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "office": "Văn phòng Đảng ủy",
                "place": "Tả Van",
            },
        ),
        # Commune before 2025: under a district; the Khối Dân vận.
        (
            "Đảng ủy phường Sa Pa",
            2023,
            "Đảng bộ thị xã Sa Pa",
            {
                "level": "commune",
                "dan_van": "Khối Dân vận phường",
                "superior_dan_van": "Ban Dân vận Thị ủy",
                "locality": "phường",
            },
        ),
        # Tone-mark style and case do not matter.
        ("THÀNH UỶ Hà Nội", 2026, None, {"level": "province", "committee": "THÀNH UỶ"}),
    ],
)
def test_organization_bodies(name, year, superior, expected):
    """Default bodies follow the level and the year (2025 merger, end of the district level)."""
    org = Organization(name, year, superior)
    fields = {**org.fields(), "level": org.level}
    for key, value in expected.items():
        assert fields[key] == value, key


def test_organization_of_an_unknown_kind_is_marked():
    """A body of no known level gets bracketed places to fill, not a wrong guess."""
    org = Organization("Chi bộ Văn phòng", 2027)
    assert org.level == "other"
    assert org.work_body("dan-van").startswith("[")


# --- starting plans -------------------------------------------------------------------


@pytest.mark.parametrize("type_id", BUILTIN_TYPES)
@pytest.mark.parametrize(
    ("org", "year", "superior"),
    [
        ("Tỉnh ủy Lào Cai", 2027, None),
        ("Đảng ủy xã Tả Van", 2026, "Đảng bộ tỉnh Lào Cai"),
        ("Thị ủy Sa Pa", 2024, "Đảng bộ tỉnh Lào Cai"),
        ("Tỉnh ủy [Tên tỉnh]", 2027, None),
    ],
)
def test_starting_plan_renders_and_passes_the_format_check(registry, type_id, org, year, superior):
    """Every starting plan validates, renders and passes check_docx with no error."""
    plan_type = registry.get(type_id)
    plan = starting_plan(plan_type, Organization(org, year, superior))
    assert plan.plan_type == type_id and plan.year == year
    assert plan.title.subject == plan_type.subject(year)
    assert plan.version == 2 and plan.content is None  # version 2 blocks (QA item 1)
    objectives = plan.sections[1].content[0]
    assert [a.section for a in objectives.content] == [a.title for a in plan_type.areas]
    data = kehoach.render_plan_bytes(plan)
    result = check_docx(data)
    assert result.errors == (), [(f.rule, f.location.describe("en")) for f in result.errors]


def _organisation(plan) -> list[str]:
    """The units of the "Tổ chức thực hiện" section of a starting plan, in order."""
    (section,) = [s for s in plan.sections if s.title == "Tổ chức thực hiện"]
    return [block.section for block in section.content]


def test_starting_plan_units_and_recipients_follow_the_year(registry):
    """A 2027 tỉnh ủy plan names the merged Ban; a 2022 thị ủy plan the Ban of that time."""
    dan_van = registry.get("dan-van")
    new = starting_plan(dan_van, Organization("Tỉnh ủy Lào Cai", 2027))
    assert _organisation(new)[0] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    assert new.recipients.items[0] == "Ban Tuyên giáo và Dân vận Trung ương"
    assert new.recipients.filing == "Văn phòng Tỉnh ủy"
    old = starting_plan(dan_van, Organization("Thị ủy Sa Pa", 2022, "Đảng bộ tỉnh Lào Cai"))
    assert _organisation(old)[0] == "Ban Dân vận Thị ủy"
    assert old.header.superior_body == "Đảng bộ tỉnh Lào Cai"
    khoa_giao = registry.get("khoa-giao")
    units = _organisation(starting_plan(khoa_giao, Organization("Tỉnh ủy Lào Cai", 2027)))
    assert "Sở Nông nghiệp và Môi trường" in units and "Sở Nội vụ" in units
    units = _organisation(starting_plan(khoa_giao, Organization("Tỉnh ủy Lào Cai", 2024)))
    assert "Sở Tài nguyên và Môi trường" in units


def test_starting_plan_warns_only_about_places_to_fill(registry):
    """A fresh starting plan's only warnings are the [ ] places (P-TODO-1), including the signer."""
    for type_id in BUILTIN_TYPES:
        plan = starting_plan(registry.get(type_id), Organization("Tỉnh ủy Lào Cai", 2027))
        warnings = review_plan(plan, plugin_manager=get_plugin_manager())
        assert warnings and {w.code for w in warnings} == {"P-TODO-1"}
        assert "signature.signer" in {w.field for w in warnings}


def test_starting_plan_with_underivable_body_is_a_usage_error(registry):
    """A body whose symbol cannot be derived is a clear UsageError, not a traceback."""
    with pytest.raises(kehoach.UsageError):
        starting_plan(registry.get("dan-van"), Organization("Hội Nông dân", 2027))


# --- review warnings ------------------------------------------------------------------


def test_sapa_example_warns_only_of_its_mixed_tone_marks():
    """The real Sa Pa plan passes every check of its type; only its "hóa"/"hoá" mix is noted."""
    plan = kehoach.load_plan(SAPA)
    warnings = review_plan(plan, plugin_manager=get_plugin_manager())
    assert [w.code for w in warnings] == ["P-TONE-1"]


def test_subject_upper_case_warns():
    """F-SUBJ-1: a trích yếu starting upper-case is flagged."""
    assert "F-SUBJ-1" in _codes(_plan(title={"subject": "Công tác tuyên giáo năm 2022"}))
    assert "F-SUBJ-1" not in _codes(_plan())


def test_missing_recipients_warns():
    """P-RECIP-1: no recipient besides the filing line."""
    plan = _plan(recipients={"items": [], "filing": "Văn phòng Thị ủy"})
    assert "P-RECIP-1" in _codes(plan)


def test_year_other_than_date_year_warns():
    """P-YEAR-1: the plan year is not the year of the document date."""
    assert "P-YEAR-1" in _codes(_plan(year=2023))


@pytest.mark.parametrize(
    ("date", "warns"),
    [("2026-06-01", True), ("2026-05-27", True), ("2026-05-26", False), ("2022-01-15", False)],
)
def test_closing_slash_dot_warns_from_27_may_2026(date: str, warns: bool):
    """F-BODY-6: "./." at the end is flagged in documents dated from 27/5/2026 (05-HD/VPTW)."""
    data = minimal_plan()
    year = int(date[:4])
    data["year"] = year
    data["header"]["date"] = date
    data["header"]["issuing_body"] = "Tỉnh ủy Lào Cai" if year >= 2026 else "Thị ủy Sa Pa"
    data["closing"] = ["Đề nghị các cơ quan thực hiện./."]
    assert ("F-BODY-6" in _codes(kehoach.load_plan(data))) is warns


def test_places_left_to_fill_warn():
    """P-TODO-1: any "[…]" left in the plan is flagged with its field."""
    plan = _plan(closing=["Trên đây là kế hoạch [ghi tên]."])
    # the small plan's "Xã hội hoá" source and "Thị ủy" mix tone styles (P-TONE-1)
    plan = plan.model_copy(update={"format": plan.format.model_copy(update={"tone_style": "old"})})
    warnings = review_plan(plan, plugin_manager=get_plugin_manager())
    assert [(w.code, w.field) for w in warnings] == [("P-TODO-1", "closing[0]")]


def test_district_after_2025_warns():
    """P-ORG-1: a thị ủy cannot issue a plan for 2026 (the district level ended)."""
    data = minimal_plan()
    data["year"] = 2026
    data["header"]["date"] = {"year": 2026, "month": 1}
    assert "P-ORG-1" in _codes(kehoach.load_plan(data))


def test_unknown_plan_type_warns():
    """P-TYPE-1: a plan naming a type that is not installed."""
    assert "P-TYPE-1" in _codes(_plan(plan_type="khong-co"))


@pytest.mark.parametrize(
    ("type_id", "text", "code"),
    [
        ("tuyen-giao", "Ban Tuyên giáo Tỉnh ủy chủ trì.", "TG-BODY-1"),
        ("dan-van", "Ban Dân vận Tỉnh ủy chủ trì.", "DV-BODY-1"),
        ("dan-van", "Thực hiện tốt Quy chế dân chủ ở cơ sở.", "DV-DCCS-1"),
        ("khoa-giao", "Sở Tài nguyên và Môi trường phối hợp.", "KG-UNIT-1"),
        ("khoa-giao", "Sở Lao động - Thương binh và Xã hội phối hợp.", "KG-UNIT-1"),
    ],
)
def test_type_checks_flag_bodies_that_no_longer_exist(type_id: str, text: str, code: str):
    """Each built-in type warns about bodies renamed or merged in 2025 (and the 2022 Law)."""
    data = minimal_plan()
    data.update(plan_type=type_id, year=2027, closing=[text])
    data["header"].update(issuing_body="Tỉnh ủy Lào Cai", superior_body=None)
    data["header"]["date"] = {"year": 2027, "month": 1}
    assert code in _codes(kehoach.load_plan(data))
    data.update(year=2022)
    data["header"].update(issuing_body="Thị ủy Sa Pa", date={"year": 2022, "month": 1})
    assert code not in _codes(kehoach.load_plan(data))


def test_merged_ban_is_not_flagged():
    """ "Ban Tuyên giáo và Dân vận" itself is the current name: no TG-BODY-1/DV-BODY-1."""
    data = minimal_plan()
    data.update(plan_type="dan-van", year=2027, closing=["Ban Tuyên giáo và Dân vận chủ trì."])
    data["header"].update(issuing_body="Tỉnh ủy Lào Cai", superior_body=None)
    data["header"]["date"] = {"year": 2027, "month": 1}
    codes = _codes(kehoach.load_plan(data))
    assert "TG-BODY-1" not in codes and "DV-BODY-1" not in codes


def test_missing_usual_section_warns():
    """P-AREA-1: a dân vận plan that never speaks of "Dân vận khéo" is flagged, by name."""
    warnings = review_plan(_plan(plan_type="dan-van"), plugin_manager=get_plugin_manager())
    areas = [w for w in warnings if w.code == "P-AREA-1"]
    assert any("Dân vận khéo" in w.message("vi") for w in areas)
    assert all(w.plugin == "dan_van" for w in areas)


def test_warnings_of_a_disabled_plugin_disappear():
    """Disabling core removes the built-in checks; disabling a type removes its checks."""
    plan = _plan(title={"subject": "Công tác"}, plan_type="dan-van")
    pm = get_plugin_manager(disabled=["core"])
    codes = [w.code for w in review_plan(plan, plugin_manager=pm)]
    assert "F-SUBJ-1" not in codes and "P-AREA-1" in codes
    pm = get_plugin_manager(disabled=["dan_van"])
    codes = [w.code for w in review_plan(plan, plugin_manager=pm)]
    assert "P-AREA-1" not in codes and "P-TYPE-1" in codes


@pytest.mark.libreoffice
@pytest.mark.parametrize("type_id", ["tuyen-giao", "dan-van", "khoa-giao"])
def test_starting_plan_opens_in_libreoffice(registry, type_id, to_pdf):
    """LibreOffice opens each built-in type's starting plan, with its title on page one."""
    from helpers.libreoffice import pdf_pages, pdf_text

    plan = starting_plan(registry.get(type_id), Organization("Tỉnh ủy Lào Cai", 2027))
    pdf = to_pdf(kehoach.render_plan_bytes(plan), type_id)
    assert pdf_pages(pdf) >= 1
    first_page = " ".join(pdf_text(pdf, first=1, last=1).split())
    assert "KẾ HOẠCH" in first_page and "TỈNH ỦY LÀO CAI" in first_page
