"""The literal years left in the new plan's free text, listed with a suggested change.

Nothing is changed here: each literal becomes a review item whose suggestion
:meth:`~kehoach.rollover.review.Rollover.apply_suggestions` can make. Texts that quote
the old plan (the basis a roll-forward adds) and the other cited bases keep their
years: changing them would cite a document that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kehoach.model.data import Path, iter_free_text
from kehoach.rollover.context import Roll, review_item
from kehoach.rollover.review import LITERAL_NOTES, ReviewItem
from kehoach.rollover.years import (
    Literal,
    cited_in_clause,
    find_anniversaries,
    find_year_literals,
    quote,
)


def literal_items(roll: Roll, data: dict[str, Any]) -> Iterator[ReviewItem]:
    """A review item for every literal year of the old plan in ``data`` (the new plan)."""
    for path, value in iter_free_text(data):
        cited = any(path[: len(c)] == c for c in roll.cited)
        basis = not cited and path[:2] == ("opening", "basis")
        if isinstance(value, int):
            if value in roll.years:
                yield _literal_item(roll, data, path, str(value), value, cited, basis)
            continue
        found = find_year_literals(value, roll.years, roll.shift, next_plan=True)
        if not cited:
            found += find_anniversaries(value, roll.shift)
        for lit in sorted(found, key=lambda x: x.start):
            yield _literal_item(roll, data, path, value, lit, cited, basis)


def _literal_item(
    roll: Roll,
    data: dict[str, Any],
    path: Path,
    text: str,
    lit: Literal | int,
    cited: bool,
    basis: bool = False,
) -> ReviewItem:
    """One literal (or a table cell holding a year) as a review item."""
    new: str | None
    start: int | None
    end: int | None
    if isinstance(lit, int):
        kind, old, new, start, end = "year", text, str(lit + roll.shift), None, None
        quote_text = text
    else:
        kind, old, new, start, end = lit.kind, lit.old(text), lit.new, lit.start, lit.end
        quote_text = quote(text, lit.start, lit.end)
    note_vi, note_en = LITERAL_NOTES[kind]
    symbol = cited_in_clause(text, lit.start) if isinstance(lit, Literal) else None
    if symbol and new is not None:
        note_vi += (
            f"; nằm trong câu dẫn văn bản {symbol}: nếu dẫn văn bản của năm mới, sửa cả số "
            "và ngày của văn bản"
        )
        note_en += f"; part of a citation of {symbol}: when citing next year's document, "
        note_en += "change its number and date too"
    if cited:
        kind, new = "cited", None
        note_vi = f"trích dẫn kế hoạch năm {roll.old.year}: giữ nguyên"
        note_en = f"quotes the plan for {roll.old.year}: keep it"
    elif basis:
        kind, new = "cited", None
        note_vi = (
            "thuộc căn cứ được dẫn: giữ nếu vẫn dẫn văn bản này; nếu dẫn văn bản của năm "
            "mới, sửa cả số, ngày và trích yếu"
        )
        note_en = (
            "part of a cited basis: keep it if that document is still cited; when citing "
            "next year's, change its number, date and subject"
        )
    return review_item(
        "literal",
        kind,
        path,
        data,
        _sentence(note_vi),
        _sentence(note_en),
        quote=quote_text,
        old=old,
        new=new,
        target=path,
        start=start,
        end=end,
    )


def _sentence(text: str) -> str:
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
