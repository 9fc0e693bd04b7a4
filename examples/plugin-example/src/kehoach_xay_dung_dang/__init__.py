"""kehoach plugin ``xay_dung_dang``: kế hoạch công tác xây dựng Đảng and a letterhead.

Hooks implemented (see kehoach's docs/plugins.md):

- ``kehoach_register_plan_types``: the plan type ``xay-dung-dang``;
- ``kehoach_template``: the organisation letterhead ``letterhead.docx`` (built from
  kehoach's default template by ``hatch_build.py``), which replaces kehoach's default;
- ``kehoach_template_context``: ``xdd_document_code``, the e-office code the letterhead
  prints under the number;
- ``kehoach_review_plan``: a warning of this organisation's own.

The plugin uses kehoach's public API only.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

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

try:
    __version__ = version("kehoach-xay-dung-dang")
except PackageNotFoundError:  # used from a source tree
    __version__ = "0.0.0+unknown"

LETTERHEAD = Path(__file__).with_name("letterhead.docx")
"""The letterhead template; generated when the package is built."""

AREAS = (
    SkeletonArea(
        "chinh-tri",
        "Xây dựng Đảng về chính trị",
        "Ghi mục tiêu về giữ vững bản lĩnh chính trị, năng lực lãnh đạo của tổ chức đảng",
        ("chính trị",),
    ),
    SkeletonArea(
        "tu-tuong-dao-duc",
        "Xây dựng Đảng về tư tưởng, đạo đức",
        "Ghi mục tiêu về công tác tư tưởng, rèn luyện đạo đức, lối sống của đảng viên",
        ("tư tưởng", "đạo đức"),
    ),
    SkeletonArea(
        "to-chuc-co-so",
        "Củng cố tổ chức cơ sở đảng, nâng cao chất lượng sinh hoạt chi bộ",
        "Ghi mục tiêu, chỉ tiêu về tổ chức cơ sở đảng và sinh hoạt chi bộ",
        ("chi bộ", "tổ chức cơ sở đảng"),
    ),
    SkeletonArea(
        "dang-vien",
        "Phát triển đảng viên, quản lý đảng viên",
        "Ghi chỉ tiêu kết nạp đảng viên và việc quản lý đảng viên",
        ("đảng viên",),
    ),
    SkeletonArea(
        "can-bo",
        "Công tác cán bộ",
        "Ghi mục tiêu về quy hoạch, đào tạo, bồi dưỡng, luân chuyển, đánh giá cán bộ",
        ("cán bộ",),
    ),
    SkeletonArea(
        "kiem-tra-giam-sat",
        "Kiểm tra, giám sát và kỷ luật đảng",
        "Ghi chỉ tiêu về kiểm tra, giám sát của cấp ủy và ủy ban kiểm tra",
        ("kiểm tra", "giám sát"),
    ),
)


def units(org: Organization) -> list[str]:
    """Ban Tổ chức (province) or Ban Xây dựng Đảng (commune, from 2025) leads."""
    if org.level in ("province", "district"):
        lead = f"Ban Tổ chức {org.committee}"
    elif org.level == "commune" and org.merged:
        lead = f"Ban Xây dựng Đảng {org.committee}"
    else:
        lead = "[Cơ quan tham mưu về công tác xây dựng Đảng]"
    return [lead, f"Ủy ban Kiểm tra {org.committee}", org.office, org.units_below]


def recipients(org: Organization) -> list[str]:
    """The superior's Ban Tổ chức, the standing committee, the units."""
    superior = org.superior_committee
    return [
        f"Ban Tổ chức {superior}" if superior else "",
        org.standing,
        org.standing_members,
        *units(org)[:2],
        org.units_below,
    ]


def check_bodies(plan: Plan) -> Iterator[PlanWarning]:
    """From 2025 the Đảng ủy Khối of a province no longer exist."""
    names = ((r"(?i)\bĐảng (?:ủy|uỷ) Khối\b[^,;.]*", "Đảng ủy các cơ quan Đảng tỉnh"),)
    return obsolete_names(plan, names, code="XDD-BODY-1")


PLAN_TYPE = PlanType(
    id="xay-dung-dang",
    name="Công tác xây dựng Đảng",
    name_en="Party building work",
    title_pattern="Kế hoạch công tác xây dựng Đảng năm {year}",
    areas=AREAS,
    units=units,
    recipients=recipients,
    checks=(check_bodies,),
    description="Chính trị, tư tưởng, đạo đức, tổ chức, cán bộ, kiểm tra giám sát",
)


@hookimpl
def kehoach_register_plan_types(registry: PlanTypeRegistry) -> None:
    """Register ``xay-dung-dang``."""
    registry.add(PLAN_TYPE)


@hookimpl
def kehoach_template() -> Path | None:
    """The organisation letterhead: it replaces kehoach's default for every plan."""
    return LETTERHEAD if LETTERHEAD.is_file() else None


@hookimpl
def kehoach_template_context(plan: Plan) -> dict[str, str]:
    """``xdd_document_code``: "XDĐ-2027-xay-dung-dang", printed by the letterhead."""
    return {"xdd_document_code": f"Mã văn bản: XDĐ-{plan.year}-{plan.plan_type or 'KH'}"}


@hookimpl
def kehoach_review_plan(plan: Plan) -> list[PlanWarning]:
    """This organisation signs every plan with a number: warn on an unnumbered one."""
    if plan.header.number is None:
        return [
            PlanWarning(
                "XDD-NUM-1",
                "header.number",
                "kế hoạch chưa có số văn bản (lấy số trước khi trình ký)",
                "the plan has no document number yet (take one before signing)",
            )
        ]
    return []
