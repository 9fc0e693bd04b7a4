"""Tasks found in the body: labelled-field tasks, quarter lists, phase groups.

- A subsection whose lines include "Thời gian …:", "Đơn vị chủ trì:", "Phối hợp:",
  "Kết quả:" (as "- " or "* " lines) is a task: its title is the task, those lines its
  fields, its other lines its items. Neighbouring such subsections form one tasks block,
  numbered like the subsections they were.
- "- Quý I" followed by "+ …" lines is a quarter list; "Đợt 1: …" followed by lines a
  phase group.

Each task gets a stable id made from its words (the same text gives the same id).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from kehoach.docx_import.review import ReviewItem

__all__ = ["IdMaker", "find_tasks"]

_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "when",
        re.compile(
            r"^(Thời gian(?: hoàn thành| thực hiện)?|Thời hạn(?: hoàn thành)?|Tiến độ)\s*:\s*(.*)$",
            re.I,
        ),
    ),
    (
        "lead",
        re.compile(
            r"^(Đơn vị chủ trì|Cơ quan chủ trì|Chủ trì(?: thực hiện)?|Đơn vị thực hiện"
            r"|Người phụ trách)\s*:\s*(.*)$",
            re.I,
        ),
    ),
    (
        "support",
        re.compile(
            r"^(Đơn vị phối hợp|Cơ quan phối hợp|Phối hợp(?: thực hiện)?)\s*:\s*(.*)$", re.I
        ),
    ),
    ("result", re.compile(r"^(Kết quả(?: dự kiến)?|Sản phẩm(?: dự kiến)?)\s*:\s*(.*)$", re.I)),
)
_QUARTER = re.compile(r"^Quý\s+(I|II|III|IV|1|2|3|4)\s*:?$", re.I)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MARKS = re.compile(r"(?<!\\)\*+")


def _plain(rich: str) -> str:
    """Rich text without its marks and escapes (for matching)."""
    return re.sub(r"\\(.)", r"\1", _MARKS.sub("", rich)).strip()


class IdMaker:
    """Stable, unique ids from text: "nv-xay-dung-va-ban-hanh-huong-dan", then "-2"…"""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, text: str, prefix: str = "nv") -> str:
        folded = unicodedata.normalize("NFD", _plain(text).replace("đ", "d").replace("Đ", "D"))
        ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
        words = re.findall(r"[a-z0-9]+", ascii_text)[:6]
        base = "-".join([prefix, *words]) if words else prefix
        candidate, counter = base, 2
        while candidate in self.seen:
            candidate = f"{base}-{counter}"
            counter += 1
        self.seen.add(candidate)
        return candidate


def _line_text(block: Any) -> tuple[str, str] | None:
    """``(mark, rich text)`` of a "- " bullet or a "* …" paragraph, else ``None``."""
    if isinstance(block, dict) and "bullet" in block and not block.get("items"):
        return "-", block["bullet"]
    if isinstance(block, str):
        plain = _plain(block)
        if block.lstrip("*").startswith("\\*") or plain.startswith("*"):
            return "*", re.sub(r"^\*\s*", "", plain)
    return None


def _field(block: Any) -> tuple[str, str, str] | None:
    """``(field, label, value)`` when ``block`` is a labelled task field line."""
    line = _line_text(block)
    if line is None:
        return None
    text = _plain(line[1])
    for name, pattern in _FIELDS:
        match = pattern.match(text)
        if match and match.group(2).strip():
            return name, match.group(1), match.group(2).strip()
    return None


def _as_task(title: str, blocks: list[Any], new_id: Callable[[str], str]) -> dict[str, Any] | None:
    """The task a subsection stands for, or ``None`` when it is not one."""
    fields = [_field(b) for b in blocks]
    if not any(fields) or any(
        isinstance(b, dict) and ("section" in b or "table" in b) for b in blocks
    ):
        return None
    task: dict[str, Any] = {"id": new_id(title), "text": title}
    labels: dict[str, str] = {}
    items: list[str] = []
    for block, found in zip(blocks, fields, strict=True):
        if found is not None and found[0] not in task:
            name, label, value = found
            task[name] = value
            labels[name] = label
        elif isinstance(block, dict) and "bullet" in block:
            items.append(block["bullet"])
            items.extend(block.get("items", []))
        elif isinstance(block, dict) and "numbered" in block:
            items.append(block["numbered"])
        elif isinstance(block, dict) and "label" in block:
            items.append(f"**{block['label']}:** {block['text']}".strip())
        elif isinstance(block, str):
            items.append(block)
        else:
            return None
    if items:
        task["items"] = items
    task["labels"] = labels
    return task


def find_tasks(blocks: list[Any], new_id: IdMaker, review: list[ReviewItem]) -> list[Any]:
    """``blocks`` with task subsections, quarter lists and phase groups made tasks blocks."""
    out: list[Any] = []
    for block in blocks:
        if isinstance(block, dict) and "section" in block:
            inner = find_tasks(block["content"], new_id, review)
            task = _as_task(block["section"], inner, new_id)
            if task is not None:
                _add_task(out, task, numbered=True)
                continue
            block = {**block, "content": inner}
        out.append(block)
    out = _headed_tasks(out, new_id)
    out = _unit_tasks(out, new_id)
    return _quarter_lists(out, new_id)


def _head_text(block: Any) -> tuple[str, bool] | None:
    """``(task text, numbered)`` when ``block`` can head a task: a numbered sentence or a
    label block ("1.1. Nội dung: …")."""
    if isinstance(block, dict) and "numbered" in block and isinstance(block["numbered"], str):
        return block["numbered"], True
    if isinstance(block, dict) and "label" in block:
        return f"**{block['label']}:** {block['text']}".strip(), bool(block.get("numbered"))
    return None


def _headed_tasks(blocks: list[Any], new_id: IdMaker) -> list[Any]:
    """A numbered sentence or label followed by field lines ("- Thời gian: …") is a task."""
    out: list[Any] = []
    index = 0
    while index < len(blocks):
        head = _head_text(blocks[index])
        if head is None:
            out.append(blocks[index])
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and _line_text(blocks[end]) is not None:
            end += 1
        body = blocks[index + 1 : end]
        task = _as_task(head[0], body, new_id) if body else None
        if task is None:
            out.append(blocks[index])
            index += 1
            continue
        _add_task(out, task, numbered=head[1])
        index = end
    return out


# "- Task (Chủ trì: …; phối hợp: …; thời gian: …)": the units written after the task.
_TAIL = re.compile(
    r"^(?P<text>.+?)\s*\((?P<units>(?:Chủ trì|Phối hợp|Thời gian|Kết quả):[^()]*)\)$", re.I
)
_TAIL_FIELDS = {"chủ trì": "lead", "phối hợp": "support", "thời gian": "when", "kết quả": "result"}
_TAIL_START = re.compile(r"\s*\(\**(?:Chủ trì|Phối hợp|Thời gian|Kết quả):.*$", re.I)
_PHASE = re.compile(r"^(Đợt|Giai đoạn|Bước)\s+\S+\s*:", re.IGNORECASE)


def _tail_task(block: Any, new_id: Callable[[str], str]) -> dict[str, Any] | None:
    """The task a "- text (Chủ trì: …; thời gian: …)" bullet stands for."""
    if not (isinstance(block, dict) and isinstance(block.get("bullet"), str)):
        return None
    match = _TAIL.match(_plain(block["bullet"]))
    if match is None or block.get("targets"):
        return None
    task: dict[str, Any] = {}
    for piece in match.group("units").split("; "):
        key, _, value = piece.partition(": ")
        name = _TAIL_FIELDS.get(key.strip().lower())
        if name is None or name in task or not value.strip():
            return None  # not the form kehoach writes: keep the line as it is
        task[name] = value.strip()
    text = _TAIL_START.sub("", block["bullet"])
    items = [i if isinstance(i, str) else i["text"] for i in block.get("items", [])]
    return {"id": new_id(text), "text": text, **task, **({"items": items} if items else {})}


def _unit_tasks(blocks: list[Any], new_id: IdMaker) -> list[Any]:
    """Runs of task bullets with their units in brackets → a tasks block (phases grouped)."""
    out: list[Any] = []
    for block in blocks:
        task = _tail_task(block, new_id)
        if task is None:
            out.append(block)
            continue
        previous = out[-1] if out else None
        if isinstance(previous, str) and _PHASE.match(_plain(previous)):
            out.pop()
            group = {"phase": previous, "tasks": [task]}
            before = out[-1] if out else None
            if isinstance(before, dict) and _unit_block(before) and before["tasks"].get("groups"):
                before["tasks"]["groups"].append(group)
            else:
                out.append({"tasks": {"style": "list", "groups": [group]}})
        elif isinstance(previous, dict) and _unit_block(previous):
            tasks_block = previous["tasks"]
            target = (
                tasks_block["groups"][-1]["tasks"]
                if tasks_block.get("groups")
                else tasks_block["tasks"]
            )
            target.append(task)
        else:
            out.append({"tasks": {"style": "list", "tasks": [task]}})
    return out


def _unit_block(block: dict[str, Any]) -> bool:
    tasks = block.get("tasks")
    return (
        isinstance(tasks, dict)
        and tasks.get("style") == "list"
        and "labels" not in tasks
        and not tasks.get("numbered")
    )


def _add_task(out: list[Any], task: dict[str, Any], *, numbered: bool) -> None:
    previous = out[-1] if out else None
    if (
        isinstance(previous, dict)
        and isinstance(previous.get("tasks"), dict)
        and "labels" in previous["tasks"]
        and previous["tasks"].get("numbered") == numbered
    ):
        tasks_block = previous["tasks"]
    else:
        tasks_block = {
            "style": "list",
            "numbered": numbered,
            "labels": dict(task["labels"]),
            "tasks": [],
        }
        out.append({"tasks": tasks_block})
    labels = task.pop("labels")
    own = {k: v for k, v in labels.items() if tasks_block["labels"].get(k) != v}
    for key in labels:
        tasks_block["labels"].setdefault(key, labels[key])
    if own:
        task["labels"] = own
    tasks_block["tasks"].append(task)


def _quarter_lists(blocks: list[Any], new_id: Callable[[str], str]) -> list[Any]:
    """Runs of "- Quý I" bullets with "+ " items → one tasks block grouped by quarter."""
    out: list[Any] = []
    for block in blocks:
        quarter = None
        if isinstance(block, dict) and "bullet" in block:
            match = _QUARTER.match(_plain(block["bullet"]))
            if match:
                quarter = _QUARTERS[match.group(1).upper()]
        if quarter is None:
            out.append(block)
            continue
        tasks = [{"id": new_id(item), "text": item} for item in block.get("items", [])]
        group = {"quarter": quarter, "tasks": tasks}
        previous = out[-1] if out else None
        if isinstance(previous, dict) and "tasks" in previous and previous["tasks"].get("groups"):
            numbers = [g["quarter"] for g in previous["tasks"]["groups"] if "quarter" in g]
            if numbers and numbers[-1] < quarter:
                previous["tasks"]["groups"].append(group)
                continue
        out.append({"tasks": {"style": "list", "groups": [group]}})
    return out
