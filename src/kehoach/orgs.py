"""Which Party bodies exist at which level and date: defaults for new plans.

Plan types are keyed by work area (tuyên giáo, dân vận, khoa giáo), not by the name
of a Ban, because the Bans changed in 2025:

- before 2025: a tỉnh ủy and a huyện/thị/quận ủy each had a Ban Tuyên giáo and a
  Ban Dân vận; a commune's Đảng ủy had none (a cán bộ and the Khối Dân vận did the work);
- from 2025: the two Bans are one "Ban Tuyên giáo và Dân vận" (Trung ương, tỉnh), the
  district level ends (01/7/2025) and a commune's Đảng ủy (xã, phường, đặc khu) works
  through its "Ban Xây dựng Đảng".

:class:`Organization` reads the level from the issuing body's name and gives the
names a plan of a given year uses by default. Every default is a starting point that
staff can change in the plan file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kehoach.vi import convert_tone_style, normalize_text

Level = Literal["province", "district", "commune", "other"]

MERGER_YEAR = 2025
"""From this year the Ban Tuyên giáo and the Ban Dân vận are one Ban, and communes
work through a Ban Xây dựng Đảng."""

LAST_DISTRICT_YEAR = 2025
"""The district level (huyện, thị xã, quận, thành phố thuộc tỉnh) ended on 01/7/2025."""

# (prefix of the body's name, level, locality word). Longest first within a level.
_COMMITTEES: tuple[tuple[str, Level, str], ...] = (
    ("tỉnh ủy", "province", "tỉnh"),
    ("thành ủy", "province", "thành phố"),
    ("thị ủy", "district", "thị xã"),
    ("huyện ủy", "district", "huyện"),
    ("quận ủy", "district", "quận"),
    ("đảng ủy xã", "commune", "xã"),
    ("đảng ủy phường", "commune", "phường"),
    ("đảng ủy thị trấn", "commune", "thị trấn"),
    ("đảng ủy đặc khu", "commune", "đặc khu"),
)

# "Đảng bộ tỉnh Lào Cai" → the cấp ủy "Tỉnh ủy" (for recipients and the superior Ban).
_SUPERIOR_COMMITTEES: tuple[tuple[str, str], ...] = (
    ("đảng bộ tỉnh", "Tỉnh ủy"),
    ("đảng bộ thành phố", "Thành ủy"),
    ("đảng bộ thị xã", "Thị ủy"),
    ("đảng bộ huyện", "Huyện ủy"),
    ("đảng bộ quận", "Quận ủy"),
)


_ORGAN = re.compile(r"^(ban|văn phòng|thường trực)\b", re.IGNORECASE)
_OWN_PLACE = re.compile(
    r"\b(ủy|uỷ|xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố|đặc khu|trung ương)\b",
    re.IGNORECASE,
)


def is_organ_name(name: str) -> bool:
    """Whether ``name`` names an organ without the body it belongs to: "Ban Thường
    trực", "Ban Tuyên giáo", "Văn phòng" (but not "Ban Tuyên giáo Tỉnh ủy"). In a header
    such an organ stands under its body's name, and running text names both."""
    return bool(_ORGAN.match(name.strip())) and not _OWN_PLACE.search(name)


def _key(text: str) -> str:
    """Comparison key: NFC, case-folded, one tone-mark style, single spaces."""
    return " ".join(convert_tone_style(normalize_text(text).casefold(), "old").split())


def _split_prefix(name: str, prefix: str) -> tuple[str, str] | None:
    """(the words of ``name`` matching ``prefix``, the rest), keeping the user's spelling."""
    words = name.split()
    count = len(prefix.split())
    if _key(" ".join(words[:count])) != _key(prefix) or len(words) < count:
        return None
    return " ".join(words[:count]), " ".join(words[count:])


@dataclass(frozen=True)
class Organization:
    """The issuing cấp ủy of a plan and the year of the plan.

    Attributes:
        name: The issuing body as written in the header, e.g. ``"Thị ủy Sa Pa"``.
        year: The plan year; it decides which bodies exist.
        superior: The direct superior body, e.g. ``"Đảng bộ tỉnh Lào Cai"`` (optional).
        place: The địa danh of the header (default: the name after the level word).
    """

    name: str
    year: int
    superior: str | None = None
    place: str | None = None

    def _match(self) -> tuple[str, Level, str, str]:
        for prefix, level, locality in _COMMITTEES:
            found = _split_prefix(self.name, prefix)
            if found:
                return found[0], level, locality, found[1]
        return self.name, "other", "", ""

    @property
    def level(self) -> Level:
        """``province``, ``district``, ``commune`` or ``other`` (chi bộ, đảng ủy khối…)."""
        return self._match()[1]

    @property
    def committee(self) -> str:
        """The cấp ủy as named inside its own documents: "Tỉnh ủy", "Đảng ủy xã"."""
        return self._match()[0]

    @property
    def locality(self) -> str:
        """ "tỉnh", "thị xã", "xã", "phường"…; empty for other bodies."""
        return self._match()[2]

    @property
    def default_place(self) -> str:
        """The địa danh: ``place`` if given, else the name after the level word."""
        return self.place or self._match()[3] or "[Địa danh]"

    @property
    def merged(self) -> bool:
        """Whether the plan year is after the 2025 merger of the Bans."""
        return self.year >= MERGER_YEAR

    @property
    def district_gone(self) -> bool:
        """A district-level body issuing a plan for a year after the district level ended."""
        return self.level == "district" and self.year > LAST_DISTRICT_YEAR

    def work_body(self, area: Literal["tuyen-giao", "dan-van"]) -> str:
        """The body that advises the cấp ủy on ``area`` in the plan year.

        Province/district: "Ban Tuyên giáo và Dân vận Tỉnh ủy" from 2025, "Ban Tuyên
        giáo Tỉnh ủy" / "Ban Dân vận Tỉnh ủy" before. Commune: "Ban Xây dựng Đảng Đảng ủy
        xã" from 2025, before it the cán bộ or the Khối Dân vận.
        """
        level, committee = self.level, self.committee
        if level in ("province", "district"):
            if self.merged:
                return f"Ban Tuyên giáo và Dân vận {committee}"
            return f"Ban {'Tuyên giáo' if area == 'tuyen-giao' else 'Dân vận'} {committee}"
        if level == "commune":
            if self.merged:
                return f"Ban Xây dựng Đảng {committee}"
            if area == "dan-van":
                return f"Khối Dân vận {self.locality}"
            return f"Cán bộ phụ trách công tác tuyên giáo {committee}"
        return "[Cơ quan tham mưu, giúp việc]"

    @property
    def office(self) -> str:
        """Where the plan is filed: "Văn phòng Tỉnh ủy", "Văn phòng Đảng ủy"."""
        if self.level == "commune":
            return "Văn phòng Đảng ủy"
        return f"Văn phòng {self.committee}" if self.level != "other" else "[Văn phòng]"

    @property
    def standing(self) -> str:
        """ "Thường trực Tỉnh ủy"."""
        return f"Thường trực {self.committee}"

    @property
    def standing_members(self) -> str:
        """ "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"."""
        return f"Các đồng chí Ủy viên Ban Thường vụ {self.committee}"

    @property
    def front(self) -> str:
        """The Mặt trận and the organisations under it, at this level."""
        where = f" {self.locality}" if self.locality else ""
        return f"Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội{where}"

    @property
    def units_below(self) -> str:
        """The party organisations under this cấp ủy."""
        if self.level == "commune":
            return "Các chi bộ trực thuộc Đảng ủy"
        return f"Các chi, đảng bộ trực thuộc {self.committee}"

    @property
    def superior_committee(self) -> str | None:
        """The superior cấp ủy ("Tỉnh ủy", "Huyện ủy", "Trung ương"), if known."""
        if self.level == "province":
            return "Trung ương"
        if self.superior:
            for prefix, committee in _SUPERIOR_COMMITTEES:
                if _split_prefix(self.superior, prefix):
                    return committee
        if self.level == "district" or (self.level == "commune" and self.merged):
            return "Tỉnh ủy"
        if self.level == "commune":
            return "Huyện ủy"
        return None

    def superior_work_body(self, area: Literal["tuyen-giao", "dan-van"]) -> str | None:
        """The superior's body for ``area``: "Ban Tuyên giáo và Dân vận Trung ương"…"""
        committee = self.superior_committee
        if committee is None:
            return None
        if self.merged:
            return f"Ban Tuyên giáo và Dân vận {committee}"
        return f"Ban {'Tuyên giáo' if area == 'tuyen-giao' else 'Dân vận'} {committee}"

    @property
    def default_superior(self) -> str | None:
        """The superior body for the header: ``superior`` if given, else a marked blank."""
        if self.superior:
            return self.superior
        if self.level == "province":
            return None
        if self.level == "commune" and not self.merged:
            return "Đảng bộ huyện [Tên huyện]"
        if self.level in ("district", "commune"):
            return "Đảng bộ tỉnh [Tên tỉnh]"
        return "[Cơ quan cấp trên trực tiếp]"

    def fields(self) -> dict[str, str]:
        """The names that unit and recipient patterns may use as ``{field}``."""
        return {
            "org": self.name,
            "committee": self.committee,
            "locality": self.locality,
            "place": self.default_place,
            "tuyen_giao": self.work_body("tuyen-giao"),
            "dan_van": self.work_body("dan-van"),
            "superior_tuyen_giao": self.superior_work_body("tuyen-giao") or "[Cấp trên]",
            "superior_dan_van": self.superior_work_body("dan-van") or "[Cấp trên]",
            "superior_committee": self.superior_committee or "[Cấp ủy cấp trên]",
            "office": self.office,
            "standing": self.standing,
            "standing_members": self.standing_members,
            "front": self.front,
            "units_below": self.units_below,
        }


__all__ = ["LAST_DISTRICT_YEAR", "MERGER_YEAR", "Level", "Organization", "is_organ_name"]
