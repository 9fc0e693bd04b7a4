"""The outline of a document: parts ("Phần thứ nhất"), top-level sections, numbering.

A document body is an ordered list of sections with free titles, each holding blocks
in order; sections nest as ``section:`` blocks. How each depth is numbered is data
(``numbering.levels``), so "a)" directly under "1." or a "1.1." level is a choice of
the document, not of kehoach.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kehoach.model.base import KModel
from kehoach.model.parts import Section
from kehoach.model.types import Id, RichText

LevelKind = Literal["roman", "arabic", "decimal", "letter", "dash", "plus"]
"""How one depth of headings is numbered: I. / 1. / 1.1. / a) / - / +."""


class Numbering(KModel):
    """The numbering scheme of a document's headings, level by level (F-HEAD-1/2)."""

    parts: bool = Field(
        default=False, description='Có cấp "Phần thứ nhất, Phần thứ hai…" trên số La Mã'
    )
    levels: list[LevelKind] | None = Field(
        default=None,
        min_length=1,
        max_length=6,
        description=(
            "Cách đánh số từng cấp mục, từ cấp 1: roman (I.), arabic (1.), decimal (1.1.),"
            " letter (a)), dash (-), plus (+); mặc định: roman, arabic, decimal, letter"
        ),
    )


class Part(KModel):
    """A part ("Phần thứ nhất") holding top-level sections (F-HEAD-1)."""

    title: RichText = Field(description='Tên phần (không gõ "Phần thứ …")')
    id: Id | None = Field(default=None, description="Mã phần (tuỳ chọn)")
    sections: list[Section] = Field(default_factory=list, description="Các mục lớn của phần")


__all__ = ["LevelKind", "Numbering", "Part"]
