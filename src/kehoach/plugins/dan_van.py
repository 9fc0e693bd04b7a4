"""Built-in plan type ``dan-van``: công tác dân vận (mass mobilisation work).

Its sections follow the dân vận plans of cấp ủy: công tác dân vận của hệ thống chính
trị, phong trào thi đua "Dân vận khéo", thực hiện dân chủ ở cơ sở, công tác dân tộc
and tôn giáo, Mặt trận Tổ quốc and the đoàn thể.
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
        "he-thong-chinh-tri",
        "Nâng cao chất lượng, hiệu quả công tác dân vận của hệ thống chính trị",
        "Ghi mục tiêu, chỉ tiêu về công tác dân vận của cơ quan đảng, chính quyền, Mặt trận,"
        " đoàn thể, lực lượng vũ trang",
        ("hệ thống chính trị", "chính quyền"),
    ),
    SkeletonArea(
        "dan-van-kheo",
        "Phong trào thi đua “Dân vận khéo”",
        "Ghi mục tiêu, chỉ tiêu về xây dựng, nhân rộng mô hình “Dân vận khéo”",
        ("dân vận khéo",),
    ),
    SkeletonArea(
        "dan-chu-co-so",
        "Thực hiện dân chủ ở cơ sở",
        "Ghi mục tiêu, chỉ tiêu về thực hiện dân chủ ở cơ sở",
        ("dân chủ ở cơ sở",),
    ),
    SkeletonArea(
        "dan-toc-ton-giao",
        "Công tác dân tộc, công tác tôn giáo",
        "Ghi mục tiêu, chỉ tiêu về công tác dân tộc, tôn giáo",
        ("dân tộc", "tôn giáo"),
    ),
    SkeletonArea(
        "mat-tran-doan-the",
        "Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
        "Ghi mục tiêu, chỉ tiêu về hoạt động của Mặt trận Tổ quốc và các đoàn thể",
        ("mặt trận",),
    ),
)


def units(org: Organization) -> list[str]:
    """The lead body, then the bodies that carry out dân vận work at this level."""
    lead = org.work_body("dan-van")
    if org.level in ("province", "district"):
        return [
            lead,
            f"Ủy ban nhân dân {org.locality}",
            org.front,
            f"Các cơ quan tham mưu, giúp việc {org.committee}",
            org.units_below,
        ]
    if org.level == "commune":
        return [lead, f"Ủy ban nhân dân {org.locality}", org.front, org.units_below]
    return [lead, org.units_below]


RECIPIENTS = (
    "{superior_dan_van}",
    "{standing}",
    "{standing_members}",
    "{dan_van}",
    "{front}",
    "{units_below}",
)

_OBSOLETE_BODY = (
    (
        r"(?i)\bBan Dân vận\b(?: (?:Tỉnh|Thành|Thị|Huyện|Quận) (?:ủy|uỷ)| Trung ương)?",
        "Ban Tuyên giáo và Dân vận (từ năm 2025)",
    ),
)
_OLD_LAW = (
    (
        r"(?i)\bquy chế dân chủ ở cơ sở\b",
        "thực hiện dân chủ ở cơ sở (Luật Thực hiện dân chủ ở cơ sở năm 2022, từ 01/7/2023)",
    ),
)


def check_bodies(plan: Plan) -> Iterator[PlanWarning]:
    """From 2025 the Ban Dân vận is part of the Ban Tuyên giáo và Dân vận."""
    return obsolete_names(plan, _OBSOLETE_BODY, code="DV-BODY-1")


def check_democracy_law(plan: Plan) -> Iterator[PlanWarning]:
    """From 2024 plans speak of "thực hiện dân chủ ở cơ sở", the Law of 2022."""
    return obsolete_names(plan, _OLD_LAW, code="DV-DCCS-1", since=2024)


PLAN_TYPE = PlanType(
    id="dan-van",
    name="Công tác dân vận",
    name_en="Mass mobilisation work",
    title_pattern="Kế hoạch công tác dân vận năm {year}",
    areas=AREAS,
    units=units,
    recipients=RECIPIENTS,
    checks=(check_bodies, check_democracy_law),
    description="Dân vận của hệ thống chính trị, “Dân vận khéo”, dân chủ ở cơ sở, dân tộc,"
    " tôn giáo, Mặt trận và các đoàn thể",
)


@hookimpl
def kehoach_register_plan_types(registry: PlanTypeRegistry) -> None:
    """Register ``dan-van``."""
    registry.add(PLAN_TYPE)
