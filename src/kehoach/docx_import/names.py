"""Organisation names typed in capitals in a header, proposed in sentence case.

A Word header writes "ĐẢNG ỦY XÃ BẢN HỒ"; the plan file keeps names as body text writes
them ("Đảng ủy xã Bản Hồ"), because citations, next year's "Căn cứ" and reports put
them in running text, while render upper-cases the header and the signature anyway (so
the rendered header is unchanged). Lower-casing a name is a guess about proper names,
so import never does it silently: each change is a review item showing both forms, and
``kehoach import --keep-capitals`` keeps the names exactly as typed.

The rules follow how Party documents write names in running text: the first word
capitalised ("Đảng ủy", "Ủy ban", "Chi bộ"); "Đảng", "Việt Nam", "Hồ Chí Minh" and
acronyms (MTTQ, HĐND) always; the function of a Ban ("Ban Thường vụ", "Ban Tuyên giáo
và Dân vận"); every word of a place name after its level word ("xã Bản Hồ", "Tỉnh ủy
Lào Cai").
"""

from __future__ import annotations

from typing import Any

from kehoach.docx_import.review import ReviewItem

__all__ = ["sentence_case_name", "sentence_case_names"]

_ACRONYMS = frozenset({"MTTQ", "HĐND", "UBND", "TNCS", "CCB", "TW", "TƯ", "BCH", "BTV"})
_ALWAYS = {("đảng",): "Đảng", ("việt", "nam"): "Việt Nam", ("hồ", "chí", "minh"): "Hồ Chí Minh"}
# Words after which the rest of the name is a place: every word capitalised.
_PLACE_AFTER = (
    ("thị", "trấn"),
    ("thị", "xã"),
    ("thành", "phố"),
    ("đặc", "khu"),
    ("tổ", "dân", "phố"),
    ("xã",),
    ("phường",),
    ("huyện",),
    ("quận",),
    ("tỉnh",),
    ("thôn",),
    ("bản",),
)
# A unit named after the Party body ("Đảng ủy Trường Đại học Kinh tế"): the unit's type, its
# level and the first word of its field are capitalised; the guess is a review item anyway.
_UNITS = (
    ("tổng", "công", "ty"),
    ("công", "ty"),
    ("học", "viện"),
    ("bệnh", "viện"),
    ("trường",),
    ("viện",),
    ("cục",),
    ("sở",),
)
_UNIT_LEVELS = (("đại", "học"), ("cao", "đẳng"), ("trung", "cấp"), ("trung", "học"))
_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_COMMITTEES = (("tỉnh", "ủy"), ("thành", "ủy"), ("thị", "ủy"), ("huyện", "ủy"), ("quận", "ủy"))
_COMMITTEES_OLD = tuple((a, "uỷ") for a, _ in _COMMITTEES)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def sentence_case_name(name: str) -> str:
    """``name`` in sentence case when typed all in capitals, else unchanged.

    Examples:
        >>> sentence_case_name("ĐẢNG ỦY XÃ BẢN HỒ")
        'Đảng ủy xã Bản Hồ'
        >>> sentence_case_name("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH")
        'Ủy ban MTTQ Việt Nam xã Lương Minh'
        >>> sentence_case_name("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY")
        'Ban Tuyên giáo và Dân vận Tỉnh ủy'
    """
    if name != name.upper() or not any(c.isalpha() for c in name):
        return name
    raw = name.split()
    words = [w.lower() for w in raw]
    # A word without a vowel is an abbreviation (THPT, HĐND): kept as typed.
    out = [w if w in _ACRONYMS or not _VOWELS & set(w.lower()) else w.lower() for w in raw]
    capital_next = True  # the first word; then the word after "Ban" (its function)
    in_ban = False
    i = 0
    while i < len(words):
        fixed = next((k for k in _ALWAYS if tuple(words[i : i + len(k)]) == k), None)
        if fixed:
            out[i : i + len(fixed)] = _ALWAYS[fixed].split()
            i, capital_next = i + len(fixed), False
            continue
        if capital_next:
            out[i] = _cap(out[i])
        if tuple(words[i : i + 2]) in (*_COMMITTEES, *_COMMITTEES_OLD):
            out[i] = _cap(out[i])  # "Tỉnh ủy Lào Cai": the committee, then its place
            out[i + 2 :] = [_cap(w) for w in out[i + 2 :]]
            break
        if tuple(words[i : i + 2]) in (("ủy", "ban"), ("uỷ", "ban")):
            out[i] = _cap(out[i])  # "Đảng bộ Ủy ban nhân dân …": the Ủy ban is named
        unit = next((u for u in _UNITS if tuple(words[i : i + len(u)]) == u), None)
        if unit:
            _capitalise_unit(out, words, i + len(unit))
            out[i] = _cap(out[i])
            break
        place = next((p for p in _PLACE_AFTER if tuple(words[i : i + len(p)]) == p), None)
        if place and i > 0:
            out[i + len(place) :] = [_cap(w) for w in out[i + len(place) :]]
            break
        # "Ban Thường vụ", "Ban Tuyên giáo và Dân vận"; not "Ủy ban nhân dân".
        starts_ban = words[i] == "ban" and (i == 0 or words[i - 1] not in ("ủy", "uỷ"))
        in_ban = in_ban or starts_ban
        capital_next = starts_ban or (in_ban and words[i] == "và")
        i += 1
    return " ".join(out)


def _capitalise_unit(out: list[str], words: list[str], start: int) -> None:
    """After a unit's type at ``start``: its level ("Đại học") and the first word of its
    field ("Kinh tế") capitalised, or the whole rest when it is a place ("THPT Sa Pa")."""
    level = next((lv for lv in _UNIT_LEVELS if tuple(words[start : start + len(lv)]) == lv), ())
    if level:
        out[start] = _cap(out[start])
        start += len(level)
    elif start < len(out) and out[start] != words[start]:  # an abbreviation: a name follows
        out[start + 1 :] = [_cap(w) for w in out[start + 1 :]]
        return
    if start < len(out):
        out[start] = _cap(out[start])


def sentence_case_names(plan: dict[str, Any], review: list[ReviewItem]) -> None:
    """Rewrite the header's and the signature's names of ``plan`` in sentence case, one
    review item per name changed (both forms shown)."""
    header = plan.get("header") or {}
    signature = plan.get("signature") or {}
    superiors = header.get("superiors") or []
    for index, typed in enumerate(superiors):
        superiors[index] = _proposed(typed, "header", "cấp trên", "superior", review)
    if "issuing_body" in header:
        header["issuing_body"] = _proposed(
            header["issuing_body"], "header", "cơ quan ban hành", "issuing body", review
        )
    if signature.get("on_behalf_of"):
        signature["on_behalf_of"] = _proposed(
            signature["on_behalf_of"], "signature", "thay mặt", "on behalf of", review
        )


def _proposed(typed: str, kind: str, what_vi: str, what_en: str, review: list[ReviewItem]) -> str:
    proposed = sentence_case_name(typed)
    if proposed != typed:
        review.append(
            ReviewItem(
                kind,
                f"Tên {what_vi} gõ chữ in hoa «{typed}» ghi trong tệp là «{proposed}» (tiêu "
                "đề và chữ ký vẫn in hoa; trích dẫn trong câu văn dùng cách viết này): kiểm "
                "tra chữ hoa của tên riêng, hoặc nhập lại với --keep-capitals để giữ nguyên.",
                f"The {what_en} typed in capitals «{typed}» is written «{proposed}» in the "
                "file (header and signature still print in capitals; citations in running "
                "text use this form): check proper names, or import with --keep-capitals.",
                "medium",
                quote=typed,
            )
        )
    return proposed
