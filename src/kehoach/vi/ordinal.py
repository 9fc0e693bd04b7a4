"""Ordinal words: "thứ nhất", "thứ hai", "thứ tư" (Phần thứ nhất, F-HEAD-1)."""

from __future__ import annotations

from kehoach.vi.numwords import number_to_words

_SPECIAL = {1: "nhất", 4: "tư"}


def ordinal(n: int) -> str:
    """ "thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm" … for ``n`` ≥ 1."""
    if n < 1:
        raise ValueError(f"no ordinal for {n} / không có số thứ tự cho {n}")
    return f"thứ {_SPECIAL.get(n) or number_to_words(n)}"


__all__ = ["ordinal"]
