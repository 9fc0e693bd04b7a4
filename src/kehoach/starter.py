"""The starting plan of a plan type (``kehoach new``): valid at once, with places to fill.

It is written in the version 2 shape (``sections`` holding a tasks block and a budget
block); plan files written in version 1 by earlier versions keep loading unchanged.

Everything staff must write is in square brackets, "[Ghi mục đích của kế hoạch]", so
that the review (``P-TODO-1``) flags any place left before the plan is signed. The rest
(sections, implementing units, Nơi nhận, closing) follows the plan type and the
issuing body's level in the plan year.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kehoach.errors import UsageError
from kehoach.loader import load_model
from kehoach.model import Plan
from kehoach.model.plan import V1_FIELDS
from kehoach.orgs import Organization
from kehoach.plugin_host.registry import PlanType
from kehoach.vi import body_code, roman

DEFAULT_ORG = "Tỉnh ủy [Tên tỉnh]"
"""The issuing body when none is given: a province, with its name left to fill."""


def starting_plan(plan_type: PlanType, org: Organization) -> Plan:
    """The starting plan of ``plan_type`` for ``org`` (its name, year, superior, place).

    Raises:
        kehoach.UsageError: the issuing body's symbol cannot be derived from its name.
    """
    try:
        body_code(org.name)
    except ValueError:
        raise UsageError(
            f"không suy ra được ký hiệu của “{org.name}”; ghi tên cấp ủy như “Tỉnh ủy Lào Cai”,"
            " “Đảng ủy xã Tả Van”, rồi sửa header.body_code trong tệp nếu cần",
            f"cannot derive the symbol of “{org.name}”; name a cấp ủy such as “Tỉnh ủy Lào"
            " Cai” or “Đảng ủy xã Tả Van”, then set header.body_code in the file if needed",
        ) from None
    if plan_type.starter is not None:
        return plan_type.starter(plan_type, org)
    return load_model(Plan, starting_data(plan_type, org))


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def starting_data(plan_type: PlanType, org: Organization) -> dict[str, Any]:
    """:func:`starting_plan` as plain data (what the YAML file holds), version 2.

    A plan type that gives ``sections`` starts with those sections; the others with the
    standard body built from ``areas``: purposes, content (objectives by area, a tasks
    block by quarter, solutions), organisation, a budget block, reporting.
    """
    data = _standard_data(plan_type, org)
    if plan_type.sections:
        units = plan_type.default_units(org) or (org.work_body("tuyen-giao"),)
        fields = {
            "lead": units[0],
            "committee": org.committee if org.level != "other" else org.name,
            "org": org.name,
            "year": str(org.year),
        }
        sections = _filled(list(plan_type.sections), fields)
    else:
        sections = _standard_sections(data)
    body: dict[str, Any] = {"version": 2}
    for key, value in data.items():
        if key not in V1_FIELDS:
            body[key] = value
        if key == "opening":  # the sections come where the v1 body stood
            body["sections"] = sections
    return body


def _standard_sections(v1: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The standard starting body as version 2 sections: the text the version 1 starter
    rendered, with its tasks in a tasks block and a budget block added."""
    purposes, content = v1["purposes"], v1["content"]
    objectives, solutions = content["objectives"], content["solutions"]
    areas = [
        {"section": a["title"], "id": a["id"], "content": a["content"]} for a in objectives["areas"]
    ]
    return [
        {
            "title": "Mục đích, yêu cầu",
            "content": [
                {"section": "Mục đích", "content": purposes["purpose"]},
                {"section": "Yêu cầu", "content": purposes["requirements"]},
            ],
        },
        {
            "title": "Nội dung thực hiện",
            "content": [
                {"section": objectives["title"], "content": areas},
                {
                    "section": "Nhiệm vụ cụ thể",
                    "content": [{"tasks": {"groups": content["tasks"]["quarters"]}}],
                },
                {"section": solutions["title"], "content": solutions["intro"]},
            ],
        },
        v1["organization"],
        {
            "title": "Kinh phí thực hiện",
            "content": [
                {
                    "budget": {
                        "title": "Nguồn kinh phí",
                        "clause": "[Ghi nguồn kinh phí: dự toán được giao, các nguồn hợp"
                        " pháp khác; hoặc “theo quy định hiện hành”]",
                    }
                }
            ],
        },
        v1["reporting"],
    ]


def _filled(value: Any, fields: Mapping[str, str]) -> Any:
    """``value`` with ``{lead}``-style fields written in (other braces left as they are)."""
    if isinstance(value, str):
        for key, text in fields.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, Mapping):
        return {k: _filled(v, fields) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_filled(v, fields) for v in value]
    return value


def _standard_data(plan_type: PlanType, org: Organization) -> dict[str, Any]:
    year = org.year
    title = plan_type.title(year)
    units = plan_type.default_units(org) or (org.work_body("tuyen-giao"),)
    lead = units[0]
    committee = org.committee if org.level != "other" else org.name
    return {
        "plan_type": plan_type.id,
        "year": year,
        "header": {
            "superior_body": org.default_superior,
            "issuing_body": org.name,
            "place": org.default_place,
            "date": {"year": year},
        },
        "title": {"type_name": plan_type.type_name, "subject": plan_type.subject(year)},
        "opening": {
            "paragraphs": [
                "Căn cứ [ghi nghị quyết, chương trình công tác, văn bản chỉ đạo của cấp trên"
                f" làm căn cứ], Ban Thường vụ {org.name} ban hành {title} như sau:"
            ]
        },
        "purposes": {
            "purpose": ["[Ghi mục đích của kế hoạch]"],
            "requirements": ["[Ghi yêu cầu của kế hoạch]"],
        },
        "content": {
            "objectives": {
                "title": "Mục tiêu",
                "areas": [
                    {"id": area.id, "title": area.title, "content": [f"[{area.hint}]"]}
                    for area in plan_type.areas
                ],
            },
            "tasks": {
                "quarters": [
                    {
                        "quarter": q,
                        "tasks": [
                            {
                                "id": f"q{q}-nhiem-vu-1",
                                "text": f"[Ghi nhiệm vụ trọng tâm quý {roman(q)}]",
                                "lead": lead,
                            }
                        ],
                    }
                    for q in (1, 2, 3, 4)
                ]
            },
            "solutions": {
                "title": "Giải pháp",
                "intro": ["[Ghi các giải pháp chủ yếu để thực hiện kế hoạch]"],
            },
        },
        "organization": {
            "title": "Tổ chức thực hiện",
            "content": [
                {
                    "section": lead,
                    "content": [
                        f"Chủ trì, tham mưu Ban Thường vụ {committee} triển khai thực hiện kế"
                        " hoạch; theo dõi, hướng dẫn, kiểm tra, đôn đốc việc thực hiện; tổng"
                        " hợp, báo cáo kết quả theo quy định."
                    ],
                },
                *(
                    {
                        "section": unit,
                        "content": [
                            "Căn cứ chức năng, nhiệm vụ, chủ động phối hợp với"
                            f" {lead} triển khai thực hiện các nội dung của kế hoạch có liên"
                            " quan."
                        ],
                    }
                    for unit in units[1:]
                ),
            ],
        },
        "reporting": {
            "title": "Chế độ thông tin, báo cáo",
            "content": [
                f"Định kỳ 6 tháng, một năm, {lead} tổng hợp, báo cáo kết quả thực hiện kế"
                f" hoạch với Ban Thường vụ {committee}."
            ],
        },
        "closing": [
            f"Trên đây là {title} của {org.name}. Yêu cầu các cơ quan, đơn vị,"
            f" {_first_lower(org.units_below)} căn cứ nội dung kế hoạch tổ chức thực hiện"
            " bảo đảm chất lượng, hiệu quả."  # F-BODY-6: "." (never "./.")
        ],
        "recipients": {
            "items": list(plan_type.default_recipients(org)),
            "filing": org.office,
        },
        "signature": {
            "authority": "T/M",
            "on_behalf_of": "Ban Thường vụ",
            "position": "[Chức vụ người ký]",
            "signer": "[Họ và tên người ký]",
        },
    }


def starting_plan_text(plan_type: PlanType, org: Organization, file_name: str) -> str:
    """The YAML text ``kehoach new`` writes to ``file_name``: the starting plan under a
    header saying what to fill in and how to render it.

    Raises:
        kehoach.UsageError: the year is out of range, or the issuing body's symbol
            cannot be derived from its name.
    """
    import yaml

    from kehoach.dump import to_yaml

    if not 1930 <= org.year <= 2200:
        raise UsageError(
            f"năm {org.year} không hợp lệ (1930–2200)", f"invalid year {org.year} (1930–2200)"
        )
    plan = starting_plan(plan_type, org)
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    header = "\n".join(
        [
            f"{plan_type.title(org.year)}: kế hoạch khởi đầu do `kehoach new` tạo.",
            "",
            "Điền mọi chỗ trong ngoặc vuông [...]; `kehoach validate` báo những chỗ còn thiếu.",
            "Dấu trong câu: **đậm**, *nghiêng*; {mã} đặt một chỉ tiêu vào câu.",
            "Dựng văn bản Word:",
            f"  kehoach render {file_name} -o {stem}.docx",
        ]
    )
    text = to_yaml(plan, header=header)
    load_model(Plan, yaml.safe_load(text))  # what we write must load back as it is
    return text


__all__ = ["DEFAULT_ORG", "starting_data", "starting_plan", "starting_plan_text"]
