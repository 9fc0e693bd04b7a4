"""Field types shared by every model: user text, ids, money, dates.

User text is normalised to NFC (F-FONT-2) and characters that XML cannot hold are
rejected, so nothing that validates can break the DOCX later.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kehoach.vi import (
    ImpossibleDateError,
    ParseError,
    PartialDate,
    find_xml_invalid_chars,
    normalize_text,
    parse_date,
    parse_money,
)

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
# The forms parse_money reads, for editors (the model gives the exact reason on a miss).
MONEY_TEXT_PATTERN = (
    r"^ *(\d{1,3}(\.\d{3})+|\d+) ?(đồng|đ)? *$"
    r"|^ *(\d{1,3}(\.\d{3})+|\d+)(,\d+)? ?(tỷ|tỉ|triệu|nghìn|ngàn)"
    r"( (\d{1,3}(\.\d{3})+|\d+)(,\d+)? ?(triệu|nghìn|ngàn))* ?(đồng|đ)? *$"
)


def _clean_text(value: str) -> str:
    bad = find_xml_invalid_chars(value)
    if bad:
        position, char = bad[0]
        raise PydanticCustomError(
            "kehoach.xml_char",
            "character U+{code} at position {position} cannot be stored in a Word document",
            {"code": f"{ord(char):04X}", "position": position},
        )
    return normalize_text(value).strip()


Text = Annotated[str, AfterValidator(_clean_text)]
"""Any text a person writes: NFC, XML-safe, surrounding white space removed."""

RichText = Annotated[str, AfterValidator(_clean_text)]
"""Text that may carry inline marks: ``**đậm**``, ``*nghiêng*``, ``{target-id}``.

A backslash keeps the next character literal (``\\*``, ``\\{``).
"""

Id = Annotated[
    str,
    Field(pattern=ID_PATTERN, max_length=80),
]
"""A stable id (letters, digits, ``.``, ``_``, ``-``); reports and next plans refer to it."""


_KIND_VI = {bool: "giá trị đúng/sai", float: "số thập phân"}


def _parse_money(value: Any) -> Any:
    # Money never goes through float: 0.1 + 0.2 is not a budget line.
    if isinstance(value, (bool, float)):
        raise PydanticCustomError(
            "kehoach.money_type",
            "an amount of money must be a whole number of đồng, not {kind}",
            {"kind": type(value).__name__, "kind_vi": _KIND_VI[type(value)]},
        )
    if isinstance(value, str):
        # "1.750.060.000 đồng", "1,5 tỷ", "1 tỷ 750 triệu"; "1,750,060" is refused with
        # the reason.
        try:
            return parse_money(value)
        except ParseError as exc:
            raise _worded("kehoach.money_text", exc) from None
    return value


def _worded(kind: str, exc: ParseError) -> PydanticCustomError:
    """A pydantic error carrying kehoach.vi's two wordings (see kehoach.messages)."""
    return PydanticCustomError(kind, exc.en, {"message_vi": exc.vi, "message_en": exc.en})


Money = Annotated[
    int,
    BeforeValidator(_parse_money),
    Field(ge=0),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {
                    "type": "string",
                    "pattern": MONEY_TEXT_PATTERN,
                    "description": "Số tiền viết như thường gõ: 1.750.060.000, "
                    "1.750.060.000 đồng, 1.750.060.000đ, 1,5 tỷ, 1 tỷ 750 triệu",
                },
            ]
        }
    ),
]
"""A whole number of đồng; text such as ``1.750.060.000 đồng`` or ``1,5 tỷ`` is read exactly."""

# PartialDate is a plain dataclass of kehoach.vi (no pydantic there); its schema, with
# the Vietnamese descriptions editors show, is written out here.
_PARTIAL_DATE_SCHEMA = {
    "type": "object",
    "title": "Ngày chưa đầy đủ (dự thảo)",
    "properties": {
        "year": {"type": "integer", "description": "Năm"},
        "month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12, "description": "Tháng"},
        "day": {"type": ["integer", "null"], "minimum": 1, "maximum": 31, "description": "Ngày"},
    },
    "required": ["year"],
    "additionalProperties": False,
}


def parse_date_text(value: Any) -> Any:
    """A date from text as staff type it (``12/01/2027``, ``ngày 12 tháng 01 năm 2027``,
    ISO); an impossible date is named as impossible. Other input is left as is."""
    if isinstance(value, str) and value.strip():
        try:
            return parse_date(value)
        except ImpossibleDateError as exc:
            raise _worded("kehoach.date_impossible", exc) from None
        except ParseError as exc:
            raise _worded("kehoach.date_text", exc) from None
    return value


DocDate = Annotated[
    date | Annotated[PartialDate, WithJsonSchema(_PARTIAL_DATE_SCHEMA)],
    BeforeValidator(parse_date_text),
]
"""A full date (``2027-01-12``, ``12/01/2027``, ``ngày 12 tháng 01 năm 2027``), or a
partial one for drafts (``{year: 2022, month: 1}``)."""

__all__ = [
    "ID_PATTERN",
    "MONEY_TEXT_PATTERN",
    "DocDate",
    "Id",
    "Money",
    "RichText",
    "Text",
    "parse_date_text",
]
