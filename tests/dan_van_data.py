"""The commune dân vận plan of issue #12 (Đảng ủy xã Tả Van, 2027), as data, for tests."""

from __future__ import annotations

import copy
from typing import Any

_PLAN: dict[str, Any] = {
    "plan_type": "dan-van",
    "year": 2027,
    "header": {
        "superior_body": "Đảng bộ huyện Sa Pa",
        "issuing_body": "Đảng ủy xã Tả Van",
        "place": "Tả Van",
        "date": "12/01/2027",
        "number": 12,
    },
    "title": {"subject": "về công tác dân vận năm 2027"},
    "content": {
        "objectives": {
            "title": "Chỉ tiêu",
            "areas": [
                {
                    "id": "chi-tieu",
                    "title": "Các chỉ tiêu chủ yếu",
                    "content": [
                        {
                            "bullet": "Phấn đấu {thon} tổ chức hội nghị dân vận.",
                            "targets": [{"id": "thon", "quantity": 100, "unit": "% thôn"}],
                        },
                        {
                            "bullet": "Kết nạp {dang-vien} mỗi năm.",
                            "targets": [
                                {
                                    "id": "dang-vien",
                                    "quantity": 150,
                                    "unit": "đảng viên mới",
                                    "kind": "yearly",
                                }
                            ],
                        },
                        {
                            "bullet": "Xây dựng {mo-hinh} dân vận khéo mỗi năm.",
                            "targets": [{"id": "mo-hinh", "quantity": 5, "unit": "mô hình"}],
                        },
                        {
                            "bullet": "Tổ chức {doi-thoai} giữa Bí thư Đảng ủy với Nhân dân.",
                            "targets": [
                                {
                                    "id": "doi-thoai",
                                    "quantity": 2,
                                    "unit": "hội nghị đối thoại",
                                    "kind": "one_off",
                                }
                            ],
                        },
                        {
                            "bullet": "Vận động làm {nha} đại đoàn kết giai đoạn 2026 - 2028.",
                            "targets": [
                                {
                                    "id": "nha",
                                    "quantity": 300,
                                    "unit": "nhà",
                                    "kind": "cumulative",
                                    "since": 2026,
                                    "through": 2028,
                                }
                            ],
                        },
                        {
                            "bullet": "Duy trì {buoi} sinh hoạt chuyên đề.",
                            "targets": [{"id": "buoi", "quantity": 12, "unit": "buổi"}],
                        },
                    ],
                }
            ],
        },
        "tasks": {
            "quarters": [
                {
                    "quarter": 1,
                    "tasks": [
                        {
                            "id": "q1-trien-khai",
                            "text": "Triển khai kế hoạch tại {count}.",
                            "count": 4,
                            "unit": "thôn",
                        },
                        {"id": "q1-tet", "text": "Thăm hỏi, chúc Tết Nguyên đán Đinh Mùi 2027."},
                    ],
                },
                {
                    "quarter": 2,
                    "tasks": [
                        {"id": "q2-doi-thoai-2", "text": "Tổ chức hội nghị đối thoại lần thứ hai."},
                        {
                            "id": "q2-hoi-thi",
                            "text": "Tổ chức hội thi dân vận khéo.",
                            "recurring": False,
                        },
                    ],
                },
                {
                    "quarter": 4,
                    "tasks": [
                        {
                            "id": "q4-tong-ket",
                            "text": (
                                "Tổng kết công tác dân vận năm 2027, xây dựng kế hoạch năm 2028."
                            ),
                        }
                    ],
                },
            ]
        },
    },
    "budget": {
        "total": "185 triệu đồng",
        "sources": [
            {"id": "ngan-sach", "name": "Ngân sách xã", "amount": "150.000.000"},
            {"id": "xa-hoi-hoa", "name": "Xã hội hóa", "amount": "35.000.000đ"},
        ],
    },
    "recipients": {"items": ["Huyện ủy Sa Pa"], "filing": "Văn phòng Đảng ủy"},
    "signature": {
        "authority": "T/M",
        "on_behalf_of": "Ban Thường vụ",
        "position": "Bí thư",
        "signer": "Giàng A Lử",
    },
}

# What the commune reported at the end of 2027.
_YEAR_END: dict[str, Any] = {
    "period": "year",
    "targets": [
        {"id": "thon", "achieved": 90},
        {"id": "dang-vien", "achieved": 120},
        {"id": "mo-hinh", "achieved": 3},
        {"id": "doi-thoai", "achieved": 1},
        {"id": "nha", "achieved": 120},
        {"id": "buoi", "achieved": 12},
    ],
    "tasks": [
        {"id": "q2-doi-thoai-2", "status": "done_on_time"},
        {"id": "q2-hoi-thi", "status": "done_on_time"},
    ],
}


def dan_van_plan() -> dict[str, Any]:
    """A fresh copy of the dân vận plan."""
    return copy.deepcopy(_PLAN)


def dan_van_year_end() -> dict[str, Any]:
    """A fresh copy of its year-end progress."""
    return copy.deepcopy(_YEAR_END)
