"""A small valid plan as a dict, for tests that change one thing at a time."""

from __future__ import annotations

import copy
from typing import Any

_MINIMAL: dict[str, Any] = {
    "year": 2022,
    "header": {
        "superior_body": "Đảng bộ tỉnh Lào Cai",
        "issuing_body": "Thị ủy Sa Pa",
        "place": "Sa Pa",
        "date": {"year": 2022, "month": 1},
    },
    "title": {"subject": "công tác tuyên giáo năm 2022"},
    "content": {
        "objectives": {
            "title": "Mục tiêu",
            "areas": [
                {
                    "id": "hoc-tap",
                    "title": "Học tập nghị quyết",
                    "content": [
                        {
                            "bullet": "Tổ chức {hn} học tập nghị quyết.",
                            "targets": [
                                {
                                    "id": "hn",
                                    "quantity": 5,
                                    "unit": "hội nghị",
                                    "qualifier": "ít nhất",
                                }
                            ],
                        }
                    ],
                }
            ],
        },
        "tasks": {
            "quarters": [
                {"quarter": 1, "tasks": [{"id": "q1-a", "text": "Ban hành chương trình."}]},
                {
                    "quarter": 3,
                    "tasks": [{"id": "q3-a", "text": "Tổ chức {count} cuộc.", "count": 2}],
                },
            ]
        },
    },
    "budget": {
        "total": 1000,
        "sources": [{"name": "Ngân sách", "amount": 600}, {"name": "Xã hội hoá", "amount": 400}],
        "year_amount": 500,
    },
    "recipients": {"items": ["TT Tỉnh ủy"], "filing": "Văn phòng Thị ủy"},
    "signature": {
        "authority": "T/M",
        "on_behalf_of": "Ban Thường vụ",
        "position": "Phó Bí thư Thường trực",
        "signer": "Thào A Sinh",
    },
}


def minimal_plan() -> dict[str, Any]:
    """A fresh deep copy of a small valid plan."""
    return copy.deepcopy(_MINIMAL)
