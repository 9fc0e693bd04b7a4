"""Review lists kept beside a plan: ``NAME.review.json``, with the items a person ticked.

``kehoach import`` and ``kehoach next-year`` print a review list and write it as
Markdown; the page keeps the same items in a JSON sidecar so that ticks survive a
reload. Items hold both languages; :func:`items_for` gives them in the page's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.web.problems import ApiError, json_path

if TYPE_CHECKING:
    from kehoach.docx_import import ReviewItem as ImportItem
    from kehoach.rollover import ReviewItem as RolloverItem

__all__ = [
    "import_items",
    "items_for",
    "parse_review",
    "review_file",
    "review_name",
    "rollover_items",
    "ticked",
]


def review_name(plan_name: str) -> str:
    """``sa-pa-2023.yaml`` → ``sa-pa-2023.review.json``."""
    return f"{Path(plan_name).stem}.review.json"


def import_items(items: list[ImportItem]) -> list[dict[str, Any]]:
    """The review list of an import: each guess, and the source paragraph it is about."""
    out = []
    for number, item in enumerate(items, start=1):
        para = item.paragraph
        out.append(
            {
                "id": f"i{number}",
                "field": "",
                "group": item.kind,
                "confidence": item.confidence,
                "paragraph": para,
                "quote": item.quote,
                "message_vi": item.message("vi"),
                "message_en": item.message("en"),
                "where_vi": f"đoạn {para}" if para is not None else "phần đầu văn bản",
                "where_en": f"paragraph {para}" if para is not None else "document header",
            }
        )
    return out


def rollover_items(items: tuple[RolloverItem, ...]) -> list[dict[str, Any]]:
    """The review list of next year's draft: what to decide, check or fill in."""
    out = []
    for number, item in enumerate(items, start=1):
        vi, en = item.note("vi"), item.note("en")
        if item.old is not None and item.new is not None and not item.applied:
            vi += f" (đề xuất: “{item.old}” → “{item.new}”)"
            en += f" (suggested: “{item.old}” → “{item.new}”)"
        out.append(
            {
                "id": f"r{number}",
                "field": item.path,
                "group": item.group,
                "confidence": None,
                "paragraph": None,
                "quote": item.quote,
                "message_vi": vi,
                "message_en": en,
                "where_vi": item.where("vi"),
                "where_en": item.where("en"),
            }
        )
    return out


def review_file(kind: str, source: str, items: list[dict[str, Any]], **extra: Any) -> bytes:
    """The sidecar's bytes: where the list came from, its items, nothing ticked yet."""
    data = {"kind": kind, "source": source, "items": items, "done": [], **extra}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_review(raw: bytes) -> dict[str, Any]:
    """A sidecar's data (422 when it is not one)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ApiError(
            422,
            "bad-review",
            "tệp danh sách rà soát bị hỏng (.review.json)",
            "the review list file is damaged (.review.json)",
        )
    return data


def items_for(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The items as the page shows them: ``ReviewItem`` objects in ``lang``."""
    done = set(data.get("done") or [])
    suffix = "en" if lang == "en" else "vi"
    return [
        {
            "id": item["id"],
            "path": json_path(item.get("field") or ""),
            "field": item.get("field") or "",
            "message": item.get(f"message_{suffix}", ""),
            "where": item.get(f"where_{suffix}", ""),
            "group": item.get("group"),
            "confidence": item.get("confidence"),
            "paragraph": item.get("paragraph"),
            "quote": item.get("quote", ""),
            "done": item["id"] in done,
        }
        for item in data["items"]
        if isinstance(item, dict) and "id" in item
    ]


def ticked(data: dict[str, Any], done: list[Any]) -> bytes:
    """The sidecar with ``done`` as the ticked items (unknown ids refused)."""
    known = {item.get("id") for item in data["items"] if isinstance(item, dict)}
    unknown = [d for d in done if d not in known]
    if unknown:
        raise ApiError(
            422,
            "unknown-item",
            f"không có mục rà soát: {', '.join(map(str, unknown))}",
            f"no such review item: {', '.join(map(str, unknown))}",
        )
    data = {**data, "done": [i for i in dict.fromkeys(done)]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
