"""Field types of progress data: statuses, periods, quantities, dates and narratives.

Each accepts what people write, in YAML or in a spreadsheet cell (a status's label,
"6 tháng đầu năm", ``4,5``, ``30/6/2022``, lines starting "- "), and gives one canonical
value, so the models in :mod:`kehoach.model.progress` hold no parsing of their own.
Errors read "English / tiếng Việt", as :mod:`kehoach.vi`'s do.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from kehoach.model.blocks import Block
from kehoach.model.types import parse_date_text
from kehoach.vi import roman


def value_error(en: str, vi: str) -> ValueError:
    """A validation error worded in both languages ("English / tiếng Việt", as kehoach.vi)."""
    return ValueError(f"{en} / {vi}")


# --- task status -------------------------------------------------------------------------

TaskStatus = Literal["done_on_time", "done_late", "in_progress", "overdue"]

STATUS_LABELS: dict[str, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Chưa thực hiện – quá hạn",
}
"""The Vietnamese label of each status key (the spreadsheet's drop-down shows these)."""

STATUS_LABELS_EN: dict[str, str] = {
    "done_on_time": "completed on time",
    "done_late": "completed late",
    "in_progress": "in progress, on schedule",
    "overdue": "not done, overdue",
}

DONE_STATUSES = frozenset({"done_on_time", "done_late"})


def _key(text: str) -> str:
    """A forgiving comparison key: NFC, case-folded, dashes and spaces collapsed."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212_-]+", "-", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


_STATUS_BY_KEY = {_key(k): k for k in STATUS_LABELS} | {
    _key(k.replace("_", "-")): k for k in STATUS_LABELS
}
_STATUS_BY_KEY |= {_key(label): k for k, label in STATUS_LABELS.items()}


def parse_status(value: Any) -> Any:
    """A status key from a key ("done_on_time", "done-on-time") or its Vietnamese label."""
    if value is None or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    found = _STATUS_BY_KEY.get(_key(value))
    if found is None:
        choices = "; ".join(STATUS_LABELS.values())
        raise value_error(
            f"'{value}' is not a task status (one of: {', '.join(STATUS_LABELS)})",
            f"'{value}' không phải tình trạng nhiệm vụ (chọn một trong: {choices})",
        )
    return found


# --- report period -----------------------------------------------------------------------

Period = Literal["q1", "q2", "q3", "q4", "6m", "9m", "year"]


@dataclass(frozen=True)
class PeriodInfo:
    """What a report period covers."""

    key: str
    label: str  # "6 tháng đầu năm" (the spreadsheet's drop-down)
    quarters: tuple[int, ...]  # quarters whose tasks the report covers
    end_month: int

    def phrase(self, year: int) -> str:
        """ "6 tháng đầu năm 2022", "quý II năm 2022", "năm 2022"."""
        if self.key == "year":
            return f"năm {year}"
        if self.key.startswith("q"):
            return f"quý {roman(self.quarters[0])} năm {year}"
        return f"{self.label[0].lower()}{self.label[1:]} {year}"

    def end(self, year: int) -> date:
        """The last day of the period: the default cut-off date."""
        return date(year, self.end_month, calendar.monthrange(year, self.end_month)[1])

    @property
    def last_quarter(self) -> int:
        """The last quarter the period covers."""
        return self.quarters[-1]


PERIODS: dict[str, PeriodInfo] = {
    "q1": PeriodInfo("q1", "Quý I", (1,), 3),
    "q2": PeriodInfo("q2", "Quý II", (2,), 6),
    "q3": PeriodInfo("q3", "Quý III", (3,), 9),
    "q4": PeriodInfo("q4", "Quý IV", (4,), 12),
    "6m": PeriodInfo("6m", "6 tháng đầu năm", (1, 2), 6),
    "9m": PeriodInfo("9m", "9 tháng đầu năm", (1, 2, 3), 9),
    "year": PeriodInfo("year", "Cả năm", (1, 2, 3, 4), 12),
}
"""Report periods: a quarter covers its own tasks; 6m, 9m and year cover quarters 1..N."""

_PERIOD_BY_KEY = {_key(k): k for k in PERIODS} | {_key(p.label): k for k, p in PERIODS.items()}
_PERIOD_BY_KEY |= {
    _key("6 tháng"): "6m",
    _key("9 tháng"): "9m",
    _key("năm"): "year",
    **{_key(f"quý {n}"): f"q{n}" for n in range(1, 5)},
}


def parse_period(value: Any) -> Any:
    """A period key from a key ("6m") or a label ("6 tháng đầu năm"); other input as is."""
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    found = _PERIOD_BY_KEY.get(_key(value))
    if found is None:
        raise value_error(
            f"'{value}' is not a report period (q1, q2, q3, q4, 6m, 9m, year)",
            f"'{value}' không phải kỳ báo cáo (q1, q2, q3, q4, 6m, 9m, year)",
        )
    return found


# --- values ------------------------------------------------------------------------------

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.250 or 1.250,5 (V-MONEY-1)
_COMMA = re.compile(r"^\d+(,\d+)?$")  # 4 or 4,5
_POINT = re.compile(r"^\d+\.\d+$")  # 4.5 (not Vietnamese, but what a keyboard gives)


def _parse_quantity(value: Any) -> Any:
    # Achieved quantities never go through float arithmetic: a float read from YAML
    # or a spreadsheet is converted once, by its shortest decimal form.
    if isinstance(value, bool):
        raise value_error(f"'{value}' is not a number", f"'{value}' không phải là số")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise value_error(f"'{value}' is not a number", f"'{value}' không phải là số")
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(" ", "").removesuffix("%")
        negative = text.startswith("-")
        body = text.removeprefix("-")
        if _GROUPED.match(body):
            number = body.replace(".", "").replace(",", ".")
        elif _COMMA.match(body):
            number = body.replace(",", ".")
        elif _POINT.match(body):
            number = body
        else:
            raise value_error(
                f"'{value}' is not a number (write 4, 4,5 or 1.250)",
                f"'{value}' không phải là số (viết 4, 4,5 hoặc 1.250)",
            )
        try:
            parsed = Decimal(number)
        except InvalidOperation:  # pragma: no cover - the patterns only let digits through
            raise value_error(f"'{value}' is not a number", f"'{value}' không phải là số") from None
        return -parsed if negative else parsed
    return value


def _normalise_decimal(value: Decimal) -> Decimal:
    # 4.0 and 4 are the same achievement: keep the shortest exact form.
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def parse_quantity(value: Any) -> Decimal:
    """A quantity as progress files write it (``4``, ``4,5``, ``1.250``) as a Decimal.

    Raises:
        ValueError: it is not a number.
    """
    parsed = _parse_quantity(value)
    if not isinstance(parsed, Decimal):
        parsed = Decimal(parsed) if isinstance(parsed, int) else None
    if parsed is None or not parsed.is_finite():
        raise value_error(f"'{value}' is not a number", f"'{value}' không phải là số")
    return _normalise_decimal(parsed)


MAX_QUANTITY = 10**12  # no plan counts beyond this; it keeps the arithmetic sane

Quantity = Annotated[
    Decimal,
    BeforeValidator(_parse_quantity),
    Field(ge=0, le=MAX_QUANTITY, allow_inf_nan=False),
    AfterValidator(_normalise_decimal),
]
"""An achieved quantity: a whole or decimal number ≥ 0 (``4``, ``4,5``, ``1.250``)."""


def parse_day(value: Any) -> Any:
    """A date from a ``datetime``, or from text as staff type it (``30/6/2022``,
    ``ngày 30 tháng 6 năm 2022``, ISO); blank text is None; other input as is."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str) and not value.strip():
        return None
    return parse_date_text(value)


Day = Annotated[date, BeforeValidator(parse_day)]
"""A date: ``2022-06-30`` or, as people write it, ``30/6/2022``; ``31/02/2022`` is
named as impossible."""


def _split_narrative(value: Any) -> Any:
    """A string becomes blocks: one per line; "- " starts a bullet, "+ " an item under it."""
    if value is None:
        return []
    if not isinstance(value, str):
        return value
    blocks: list[Any] = []
    for raw in value.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "– ")):
            blocks.append({"bullet": line[2:].strip(), "items": []})
        elif line.startswith("+ ") and blocks and isinstance(blocks[-1], dict):
            blocks[-1]["items"].append(line[2:].strip())
        else:
            blocks.append(line)
    return blocks


Narrative = Annotated[
    list[Block],
    # The schema says what people may write: one text, or a list of blocks.
    BeforeValidator(_split_narrative, json_schema_input_type=str | list[Block]),
]
"""Free text: a block list, or one string split into lines ("- " bullet, "+ " item)."""


__all__ = [
    "DONE_STATUSES",
    "MAX_QUANTITY",
    "PERIODS",
    "STATUS_LABELS",
    "STATUS_LABELS_EN",
    "Day",
    "Narrative",
    "Period",
    "PeriodInfo",
    "Quantity",
    "TaskStatus",
    "parse_day",
    "parse_period",
    "parse_quantity",
    "parse_status",
    "value_error",
]
