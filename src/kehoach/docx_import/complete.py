"""Make recognised data a valid plan: fill what the model requires, fix forms kehoach
writes another way, each change listed in the review, then validate against the model.

A value import had to supply (a missing date, an empty Nơi nhận) is a low-confidence
guess; a form the Party format writes differently (``TM.`` → ``T/M``, F-SIGN-2) is noted.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.source import DocxImportError
from kehoach.model import Plan
from kehoach.vi import body_code, type_code
from kehoach.vi.when import when_problems

__all__ = ["complete_plan"]

_STATE_TO_PARTY = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L", "TUQ.": "T/L", "T/UQ": "T/L"}
_LEVEL = {"decimal3": "decimal"}
_HEADER_CLASS_VI = {
    "state": "Nhà nước (Quốc hiệu)",
    "mttq": "Mặt trận Tổ quốc (Quốc hiệu)",
    "doan": "Đoàn Thanh niên",
}
_HEADER_CLASS_EN = {"state": "State", "mttq": "Fatherland Front", "doan": "Youth Union"}
_APPENDIX_LABEL = re.compile(r"^(PHỤ LỤC|PHỤ BIỂU)\s*[\dIVX]*\s*[:.\-–]?\s*", re.IGNORECASE)


def _note(review: list[ReviewItem], vi: str, en: str, level: str = "low", quote: str = "") -> None:
    review.append(ReviewItem("structure", vi, en, level, quote=quote))  # type: ignore[arg-type]


def _numbering(plan: dict[str, Any]) -> None:
    numbering = plan.pop("numbering", {})
    levels: list[str] = []
    for kind in numbering.get("levels", []):
        levels.append(_LEVEL.get(kind, kind))
    out: dict[str, Any] = {}
    if numbering.get("parts"):
        out["parts"] = True
    if levels:
        out["levels"] = levels[:6]
    if out:
        plan["numbering"] = out


def _header(plan: dict[str, Any], header_class: str, review: list[ReviewItem]) -> None:
    header = plan["header"]
    header.setdefault("issuing_body", "")
    if "date" not in header:
        years = [int(y) for y in re.findall(r"\b(19[3-9]\d|2[01]\d\d)\b", str(plan.get("title")))]
        year = years[0] if years else date.today().year
        header["date"] = {"year": year}
        _note(
            review,
            f"Không đọc được ngày tháng: tạm ghi năm {year}, cần sửa.",
            f"No date was read: year {year} put in, fix it.",
        )
    if not header.get("place"):
        header["place"] = "…"
        _note(review, "Không thấy địa danh: tạm ghi «…».", "No place name: «…» put in.")
    _symbols(header, plan["title"]["type_name"], review)
    if not header["superiors"] if "superiors" in header else False:
        header.pop("superiors")
    plan["year"] = header["date"]["year"]
    if header_class != "party":
        _note(
            review,
            f"Tiêu đề kiểu {_HEADER_CLASS_VI[header_class]}: kehoach trình bày theo thể thức"
            " văn bản của Đảng (ĐẢNG CỘNG SẢN VIỆT NAM); kiểm tra tên cơ quan ban hành.",
            f"{_HEADER_CLASS_EN[header_class]} header: kehoach renders the Party format"
            " (ĐẢNG CỘNG SẢN VIỆT NAM); check the issuing body.",
            "medium",
        )


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"\w+", name.upper()) if word[0].isalpha())


def _symbols(header: dict[str, Any], type_name: str, review: list[ReviewItem]) -> None:
    """Type and body symbols: as written in the number line, else derived, else guessed."""
    for key, derive, source in (
        ("type_code", type_code, type_name),
        ("body_code", body_code, header["issuing_body"]),
    ):
        if key in header:
            continue
        try:
            derive(source)
        except ValueError:
            header[key] = _initials(source) or "X"
            _note(
                review,
                f"Không có ký hiệu trong số văn bản và không suy ra được từ «{source}»:"
                f" tạm ghi «{header[key]}», cần sửa.",
                f"No symbol in the number line and none derived from «{source}»:"
                f" «{header[key]}» put in, fix it.",
                quote=source,
            )


def _title(plan: dict[str, Any], review: list[ReviewItem]) -> None:
    title = plan["title"]
    if "type_name" not in title:
        _note(review, "Không thấy tên loại: ghi Kế hoạch.", "No type name: Kế hoạch put in.")
        title["type_name"] = "Kế hoạch"
    if "subject" not in title:
        _note(review, "Không thấy trích yếu.", "No subject (trích yếu) was found.")
        title["subject"] = ""


def _closing(plan: dict[str, Any], review: list[ReviewItem]) -> None:
    if "recipients" not in plan:
        _note(review, "Không thấy Nơi nhận: để trống.", "No Nơi nhận: left empty.", "medium")
        plan["recipients"] = {"items": [], "filing": ""}
    signature = plan.get("signature") or {"signer": ""}
    authority = signature.get("authority")
    if authority in _STATE_TO_PARTY:
        signature["authority"] = _STATE_TO_PARTY[authority]
        _note(
            review,
            f"Quyền hạn ký «{authority}» là cách viết văn bản Nhà nước: ghi theo thể thức của"
            f" Đảng «{signature['authority']}» (F-SIGN-2).",
            f"Signing authority «{authority}» is the State form: written as the Party form"
            f" «{signature['authority']}» (F-SIGN-2).",
            "medium",
            authority,
        )
    if signature.get("authority") in ("T/M", "K/T", "T/L") and not signature.get("on_behalf_of"):
        signature.pop("authority")
    plan["signature"] = signature


def _appendices(plan: dict[str, Any]) -> None:
    for appendix in plan.get("appendices", []):
        subtitle = appendix.pop("subtitle", None)
        name = _APPENDIX_LABEL.sub("", appendix["title"]).strip()
        if name:
            appendix["title"] = name
        elif subtitle:
            appendix["title"] = re.sub(r"\\(.)", r"\1", subtitle.replace("*", ""))
        else:
            appendix["title"] = appendix["title"]


def _tasks(value: Any, review: list[ReviewItem]) -> None:
    """A task time that looks like an impossible date stays a line of the task, noted."""
    if isinstance(value, dict):
        block = value.get("tasks")
        if isinstance(block, dict):
            grouped = [t for g in block.get("groups", []) for t in g["tasks"]]
            tasks = [*block.get("tasks", []), *grouped]
            for task in tasks:
                when = task.get("when")
                if when and when_problems(when):
                    task.pop("when")
                    label = {**block.get("labels", {}), **task.get("labels", {})}.get("when")
                    task.setdefault("items", []).append(f"{label or 'Thời gian'}: {when}")
                    _note(
                        review,
                        f"Thời gian «{when}» có ngày không tồn tại: giữ làm một dòng của nhiệm vụ.",
                        f"Time «{when}» holds a date that does not exist: kept as a task line.",
                        quote=when,
                    )
        for item in value.values():
            _tasks(item, review)
    elif isinstance(value, list):
        for item in value:
            _tasks(item, review)


def complete_plan(
    plan: dict[str, Any], header_class: str, review: list[ReviewItem], name: str
) -> dict[str, Any]:
    """``plan`` made valid for :class:`kehoach.model.Plan` (checked), changes noted."""
    _numbering(plan)
    _title(plan, review)
    _header(plan, header_class, review)
    _closing(plan, review)
    _appendices(plan)
    _tasks(plan, review)
    try:
        Plan.model_validate(plan)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DocxImportError(
            name,
            f"kehoach chưa nhập được văn bản này ({where}: {first['msg']}); xin báo lỗi kèm tệp.",
            f"kehoach could not import this document ({where}: {first['msg']}); please report"
            " it with the file.",
        ) from None
    return plan
