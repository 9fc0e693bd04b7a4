"""The front of the new plan: its header, the plan year in its subject, and its bases.

The number and date become draft blanks; the plan-year phrase of the trích yếu
advances (the subject names the plan's year, so it is structural); the opening gains
"Căn cứ kết quả thực hiện Kế hoạch số …" and, with year-end progress, "Căn cứ Báo cáo
số …", replacing (not stacking on) the references an earlier roll-forward added.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kehoach.compose.frame import document_codes, issuer_phrase
from kehoach.compose.text import reference_text
from kehoach.model import Reference
from kehoach.rollover.context import Roll, is_year_end
from kehoach.rollover.years import find_year_literals, quote
from kehoach.vi import PartialDate, number_symbol

PLAN_LEAD = "Căn cứ kết quả thực hiện"
"""The lead of the reference to the previous plan that a roll-forward adds."""

REPORT_SUBJECT = "kết quả thực hiện"
"""The start of the subject of the report reference a roll-forward adds."""


def roll_header(roll: Roll) -> None:
    """Blank the number and date for the new year; list them and the signer to check."""
    header = roll.data["header"]
    old = roll.old.header
    header["number"] = None
    header["date"] = {"year": roll.year}
    roll.data["year"] = roll.year
    type_c, body_c = document_codes(old, roll.old.title.type_name)
    roll.add(
        "decide",
        "header",
        ("header",),
        f"Số và ngày ký để trống (Số    -{type_c}/{body_c}, ngày    tháng    năm "
        f"{roll.year}): điền khi ban hành.",
        f"Number and signing date left blank (year {roll.year}): fill them in when issued.",
    )
    sig = roll.old.signature
    who = ", ".join(x for x in (sig.position, sig.signer) if x)
    roll.add(
        "decide",
        "signer",
        ("signature",),
        f"Người ký giữ như năm {roll.old.year} ({who}): sửa nếu đã thay đổi.",
        f"Signer kept from {roll.old.year} ({who}): change it if someone else signs.",
    )


def roll_subject(roll: Roll) -> None:
    """Advance the plan-year phrases of the subject (listed as changed)."""
    subject: str = roll.data["title"]["subject"]
    new = subject
    for lit in reversed(find_year_literals(subject, roll.years, roll.shift)):
        if lit.kind != "plan-year" or lit.new is None:
            continue
        new = new[: lit.start] + lit.new + new[lit.end :]
        roll.add(
            "changed",
            "plan-year",
            ("title", "subject"),
            "Năm kế hoạch trong trích yếu tự chuyển sang năm mới.",
            "The plan year in the subject advances with the plan.",
            quote=quote(subject, lit.start, lit.end),
            old=lit.old(subject),
            new=lit.new,
            applied=True,
        )
    roll.data["title"]["subject"] = new


def roll_basis(roll: Roll) -> None:
    """Replace an earlier roll-forward's references with this year's plan (and report)."""
    old = roll.old
    basis: list[dict[str, Any]] = roll.data["opening"]["basis"]
    kept: list[dict[str, Any]] = []
    checks: list[tuple[int, Reference]] = []
    for i, ref in enumerate(old.opening.basis):
        if ref.lead == PLAN_LEAD or (
            ref.type_name == "Báo cáo" and (ref.subject or "").startswith(REPORT_SUBJECT)
        ):
            roll.add(
                "changed",
                "basis",
                ("opening", "basis", i),
                "Bỏ căn cứ kết quả của năm trước nữa (thay bằng căn cứ mới).",
                "Dropped the reference to an older year's results (replaced by a new one).",
                quote=_ref_quote(ref),
                data=roll.old_data,
            )
            continue
        if isinstance(ref.date, date | PartialDate) and ref.date.year >= old.year - 1:
            checks.append((len(kept), ref))
        kept.append(basis[i])
    added = [_plan_reference(roll)]
    if roll.progress is not None and is_year_end(roll.progress):
        added.append(_report_reference(roll))
    own = _own_basis_paragraph(roll)
    if own is not None:
        _suggest_in_paragraph(roll, own, added)
        return
    basis[:] = [*kept, *(ref.model_dump() for ref in added)]
    for index, ref in checks:
        year = ref.date.year if ref.date is not None else old.year
        roll.add(
            "decide",
            "basis",
            ("opening", "basis", index),
            f"Căn cứ ban hành năm {year}: còn là căn cứ của kế hoạch năm {roll.year} "
            "không, có văn bản mới thay thế không?",
            f"A basis issued in {year}: is it still a basis for {roll.year}, or has a "
            "newer document replaced it?",
            quote=_ref_quote(ref),
        )
    for offset, ref in enumerate(added):
        index = len(kept) + offset
        roll.cited.append(("opening", "basis", index))
        missing = [w for w, v in (("số", ref.number), ("ngày", _full(ref.date))) if not v]
        fill = f" Điền {' và '.join(missing)} của văn bản." if missing else ""
        fill_en = " Fill in its number and date." if missing else ""
        roll.add(
            "decide",
            "basis",
            ("opening", "basis", index),
            f"Đã thêm căn cứ này.{fill} Sắp xếp lại thứ tự căn cứ nếu cần.",
            f"This basis was added.{fill_en} Reorder the bases if needed.",
            quote=_ref_quote(ref),
        )


def _own_basis_paragraph(roll: Roll) -> int | None:
    """The opening paragraph holding the plan's own bases, when it writes them as running
    text ("Căn cứ …; Thực hiện Kế hoạch số …, Ban Thường vụ xây dựng kế hoạch …") and
    has no ``basis`` list: the new references then follow that style (#12)."""
    if roll.old.opening.basis:
        return None
    found = [
        index
        for index, block in enumerate(roll.old.opening.paragraphs)
        if isinstance(block, str) and block.lstrip().startswith(_BASIS_LEADS)
    ]
    return found[-1] if found else None  # the new bases follow the plan's own


def _suggest_in_paragraph(roll: Roll, index: int, added: list[Reference]) -> None:
    """List each new reference for the plan's own Căn cứ paragraph, in its words, rather
    than put "- Căn cứ …" lines before it (two styles, and the order of the bases lost)."""
    for ref in added:
        text = reference_text(ref)
        missing = [w for w, v in (("số", ref.number), ("ngày", _full(ref.date))) if not v]
        fill = f" Điền {' và '.join(missing)} của văn bản." if missing else ""
        roll.add(
            "decide",
            "basis",
            ("opening", "paragraphs", index),
            f"Kế hoạch viết căn cứ trong đoạn văn này: thêm căn cứ “{text}” vào đoạn, theo "
            f"cách viết và thứ tự của kế hoạch.{fill}",
            f"The plan writes its bases in this paragraph: add “{text}” to it, in the "
            "plan's own wording and order.",
            quote=_ref_quote(ref),
        )


_BASIS_LEADS = ("Căn cứ", "Thực hiện")


def _plan_reference(roll: Roll) -> Reference:
    """ "Căn cứ kết quả thực hiện Kế hoạch số …": this year's plan, cited by the new one."""
    old = roll.old
    type_c, body_c = document_codes(old.header, old.title.type_name)
    return Reference(
        lead=PLAN_LEAD,
        type_name=old.title.type_name,
        number=number_symbol(old.header.number, type_c, body_c) if old.header.number else None,
        date=old.header.date,
        issuer=issuer_phrase(old.header, old.signature),
        subject=old.title.subject,
    )


def _report_reference(roll: Roll) -> Reference:
    """ "Căn cứ Báo cáo số …": the year-end report, from the progress data's header."""
    assert roll.progress is not None
    old, header = roll.old, roll.progress.header
    body = header.issuing_body or old.header.issuing_body
    body_c = header.body_code or document_codes(old.header, old.title.type_name)[1]
    issuer = (
        body
        if header.issuing_body
        else issuer_phrase(old.header, roll.progress.signature or old.signature)
    )
    return Reference(
        lead="Căn cứ",
        type_name="Báo cáo",
        number=number_symbol(header.number, "BC", body_c) if header.number else None,
        date=header.date,
        issuer=issuer,
        subject=f"{REPORT_SUBJECT} {old.title.type_name} năm {old.year}",
    )


def _full(day: Any) -> bool:
    return isinstance(day, date)


def _ref_quote(ref: Reference) -> str:
    return quote(reference_text(ref), 0, 0, width=160)
