"""Built-in plan type ``khoa-giao``: công tác khoa giáo (science and education work).

Its sections are the fields khoa giáo work follows: giáo dục - đào tạo, khoa học -
công nghệ, y tế, tài nguyên - môi trường, lao động - thương binh - xã hội. The
implementing departments follow the 2025 reorganisation (Sở Nông nghiệp và Môi trường,
Sở Nội vụ) for plan years from 2025.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach import (
    Organization,
    Plan,
    PlanType,
    PlanTypeRegistry,
    PlanWarning,
    SkeletonArea,
    hookimpl,
    obsolete_names,
)

AREAS = (
    SkeletonArea(
        "giao-duc-dao-tao",
        "Giáo dục và đào tạo",
        "Ghi mục tiêu, chỉ tiêu về giáo dục và đào tạo",
        ("giáo dục",),
    ),
    SkeletonArea(
        "khoa-hoc-cong-nghe",
        "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "Ghi mục tiêu, chỉ tiêu về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số",
        ("khoa học",),
    ),
    SkeletonArea(
        "y-te",
        "Y tế, bảo vệ và chăm sóc sức khỏe Nhân dân",
        "Ghi mục tiêu, chỉ tiêu về y tế, chăm sóc sức khỏe Nhân dân",
        ("y tế", "sức khỏe"),
    ),
    SkeletonArea(
        "tai-nguyen-moi-truong",
        "Tài nguyên, môi trường và ứng phó với biến đổi khí hậu",
        "Ghi mục tiêu, chỉ tiêu về tài nguyên, môi trường",
        ("tài nguyên", "môi trường"),
    ),
    SkeletonArea(
        "lao-dong-xa-hoi",
        "Lao động, người có công và xã hội",
        "Ghi mục tiêu, chỉ tiêu về lao động, việc làm, người có công, an sinh xã hội",
        ("lao động", "thương binh", "an sinh xã hội"),
    ),
)


def units(org: Organization) -> list[str]:
    """The lead body, then the departments of the five fields at this level."""
    lead = org.work_body("tuyen-giao")
    if org.level == "province":
        fields = (
            ["Sở Nông nghiệp và Môi trường", "Sở Nội vụ"]
            if org.merged
            else ["Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội"]
        )
        return [
            lead,
            "Sở Giáo dục và Đào tạo",
            "Sở Khoa học và Công nghệ",
            "Sở Y tế",
            *fields,
            org.units_below,
        ]
    if org.level == "district":
        fields = (
            ["Phòng Nông nghiệp và Môi trường", "Phòng Nội vụ"]
            if org.merged
            else ["Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội"]
        )
        return [
            lead,
            "Phòng Giáo dục và Đào tạo",
            f"Trung tâm Y tế {org.locality}",
            *fields,
            org.units_below,
        ]
    if org.level == "commune":
        return [
            lead,
            f"Ủy ban nhân dân {org.locality}",
            "Phòng Văn hóa - Xã hội",
            f"Trạm Y tế {org.locality}",
            org.units_below,
        ]
    return [lead, org.units_below]


RECIPIENTS = (
    "{superior_tuyen_giao}",
    "{standing}",
    "{standing_members}",
    "{tuyen_giao}",
    "{units_below}",
)

_OBSOLETE = (
    (
        r"(?i)\b(?:Sở|Phòng) Tài nguyên và Môi trường\b",
        "Sở (Phòng) Nông nghiệp và Môi trường",
    ),
    (
        r"(?i)\b(?:Sở|Phòng) Lao động\s*-\s*Thương binh và Xã hội\b",
        "Sở (Phòng) Nội vụ; bảo trợ xã hội thuộc ngành Y tế",
    ),
    (
        r"(?i)\bSở Thông tin và Truyền thông\b",
        "Sở Khoa học và Công nghệ",
    ),
    (
        r"(?i)\bBan Tuyên giáo\b(?! và Dân vận)(?: (?:Tỉnh|Thành|Thị|Huyện|Quận) (?:ủy|uỷ))?",
        "Ban Tuyên giáo và Dân vận",
    ),
)


def check_departments(plan: Plan) -> Iterator[PlanWarning]:
    """From 2025 the departments of the khoa giáo fields were merged."""
    return obsolete_names(plan, _OBSOLETE, code="KG-UNIT-1")


PLAN_TYPE = PlanType(
    id="khoa-giao",
    name="Công tác khoa giáo",
    name_en="Science and education work",
    title_pattern="Kế hoạch công tác khoa giáo năm {year}",
    areas=AREAS,
    units=units,
    recipients=RECIPIENTS,
    checks=(check_departments,),
    description="Giáo dục - đào tạo, khoa học - công nghệ, y tế, tài nguyên - môi trường,"
    " lao động - thương binh - xã hội",
)


@hookimpl
def kehoach_register_plan_types(registry: PlanTypeRegistry) -> None:
    """Register ``khoa-giao``."""
    registry.add(PLAN_TYPE)
