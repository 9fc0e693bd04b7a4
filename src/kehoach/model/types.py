"""Field types shared by every model: user text, ids, money, dates.

User text is normalised to NFC (F-FONT-2) and characters that XML cannot hold are
rejected, so nothing that validates can break the DOCX later.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kehoach.vi import PartialDate, find_xml_invalid_chars, normalize_text

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_MONEY_TEXT = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")


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
        text = value.strip().replace(" ", "")
        if _MONEY_TEXT.match(text):
            return int(text.replace(".", ""))
        raise PydanticCustomError(
            "kehoach.money_text",
            "'{value}' is not an amount of money (write 6505490000 or 6.505.490.000)",
            {"value": value},
        )
    return value


Money = Annotated[
    int,
    BeforeValidator(_parse_money),
    Field(ge=0),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": _MONEY_TEXT.pattern},
            ]
        }
    ),
]
"""A whole number of đồng; ``6.505.490.000`` written as text is accepted."""

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

DocDate = date | Annotated[PartialDate, WithJsonSchema(_PARTIAL_DATE_SCHEMA)]
"""A full date, or a partial one for drafts (``{year: 2022, month: 1}``)."""

__all__ = ["ID_PATTERN", "DocDate", "Id", "Money", "RichText", "Text"]
