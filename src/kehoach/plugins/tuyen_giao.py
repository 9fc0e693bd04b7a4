"""Built-in plan type ``tuyen-giao``: công tác tuyên giáo (propaganda and education work).

Its sections follow the tuyên giáo plans of cấp ủy: học tập nghị quyết and lý luận
chính trị, lịch sử Đảng, thông tin báo chí and văn hóa văn nghệ, dư luận xã hội,
bảo vệ nền tảng tư tưởng của Đảng, đào tạo bồi dưỡng cán bộ.
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
        "hoc-tap-nghi-quyet",
        "Nghiên cứu, học tập, quán triệt, triển khai thực hiện nghị quyết của Đảng và"
        " giáo dục lý luận chính trị",
        "Ghi mục tiêu, chỉ tiêu về học tập, quán triệt nghị quyết, giáo dục lý luận chính trị",
        ("nghị quyết", "lý luận chính trị"),
    ),
    SkeletonArea(
        "lich-su-dang",
        "Nghiên cứu, biên soạn, tuyên truyền, giáo dục lịch sử Đảng",
        "Ghi mục tiêu, chỉ tiêu về công tác lịch sử Đảng",
        ("lịch sử đảng",),
    ),
    SkeletonArea(
        "thong-tin-bao-chi",
        "Thông tin, báo chí, xuất bản và văn hóa, văn nghệ",
        "Ghi mục tiêu, chỉ tiêu về thông tin, báo chí, xuất bản, văn hóa, văn nghệ",
        ("báo chí", "văn nghệ", "xuất bản"),
    ),
    SkeletonArea(
        "du-luan-xa-hoi",
        "Nắm bắt, dự báo, định hướng tư tưởng và dư luận xã hội",
        "Ghi mục tiêu, chỉ tiêu về nắm bắt, định hướng dư luận xã hội",
        ("dư luận xã hội",),
    ),
    SkeletonArea(
        "bao-ve-nen-tang",
        "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
        "Ghi mục tiêu, chỉ tiêu về bảo vệ nền tảng tư tưởng của Đảng",
        ("nền tảng tư tưởng",),
    ),
    SkeletonArea(
        "dao-tao-can-bo",
        "Đào tạo, bồi dưỡng cán bộ làm công tác tuyên giáo",
        "Ghi mục tiêu, chỉ tiêu về đào tạo, bồi dưỡng cán bộ, báo cáo viên, tuyên truyền viên",
        ("bồi dưỡng", "đào tạo"),
    ),
)


def units(org: Organization) -> list[str]:
    """The lead body, then the bodies that carry out tuyên giáo work at this level."""
    lead = org.work_body("tuyen-giao")
    if org.level == "province":
        press = (
            "Báo và Phát thanh, Truyền hình tỉnh"
            if org.merged
            else "Báo và Đài Phát thanh - Truyền hình tỉnh"
        )
        return [
            lead,
            "Trường Chính trị tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch",
            press,
            org.front,
            org.units_below,
        ]
    if org.level == "district":
        return [
            lead,
            f"Trung tâm Chính trị {org.locality}",
            f"Trung tâm Văn hóa, Thể thao và Truyền thông {org.locality}",
            org.front,
            org.units_below,
        ]
    if org.level == "commune":
        return [lead, f"Ủy ban nhân dân {org.locality}", org.front, org.units_below]
    return [lead, org.units_below]


RECIPIENTS = (
    "{superior_tuyen_giao}",
    "{standing}",
    "{standing_members}",
    "{tuyen_giao}",
    "{front}",
    "{units_below}",
)

_OBSOLETE = (
    (
        r"(?i)\bBan Tuyên giáo\b(?! và Dân vận)(?: (?:Tỉnh|Thành|Thị|Huyện|Quận) (?:ủy|uỷ)"
        r"| Trung ương)?",
        "Ban Tuyên giáo và Dân vận (từ năm 2025)",
    ),
)


def check_bodies(plan: Plan) -> Iterator[PlanWarning]:
    """From 2025 the Ban Tuyên giáo is part of the Ban Tuyên giáo và Dân vận."""
    return obsolete_names(plan, _OBSOLETE, code="TG-BODY-1")


PLAN_TYPE = PlanType(
    id="tuyen-giao",
    name="Công tác tuyên giáo",
    name_en="Propaganda and education work",
    title_pattern="Kế hoạch công tác tuyên giáo năm {year}",
    areas=AREAS,
    units=units,
    recipients=RECIPIENTS,
    checks=(check_bodies,),
    description="Học tập nghị quyết, lý luận chính trị, lịch sử Đảng, báo chí, dư luận xã hội,"
    " bảo vệ nền tảng tư tưởng của Đảng, đào tạo cán bộ",
)


@hookimpl
def kehoach_register_plan_types(registry: PlanTypeRegistry) -> None:
    """Register ``tuyen-giao``."""
    registry.add(PLAN_TYPE)
