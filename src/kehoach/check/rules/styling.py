"""Compare the effective look of a line or paragraph with a profile :class:`TextStyle`."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.check.findings import Msg
from kehoach.check.read.lines import Line, is_upper, norm
from kehoach.check.read.view import ParagraphView, RunView
from kehoach.check.rules.collect import Collector
from kehoach.profiles import TextStyle
from kehoach.profiles.rules import Severity

__all__ = ["Look", "check_style", "fmt_pt", "look_of"]


def fmt_pt(value: float) -> str:
    """``14.0`` → ``14``, ``10.5`` → ``10,5`` (Vietnamese decimal comma is not used here)."""
    return f"{value:g}"


@dataclass(frozen=True)
class Look:
    """What a line looks like: sizes used and whether bold/italic/underline hold."""

    sizes: tuple[float, ...]
    bold: bool | None  # True all, False none, None mixed
    italic: bool | None
    underline: bool | None
    upper: bool
    align: str | None


def _all(runs: list[RunView], attr: str) -> bool | None:
    values = {bool(getattr(r, attr)) for r in runs}
    if values == {True}:
        return True
    if values == {False} or not values:
        return False
    return None


def look_of(target: Line | ParagraphView) -> Look:
    """The :class:`Look` of a line or paragraph (visible, non-blank runs only)."""
    if isinstance(target, Line):
        runs = [r for r in target.runs if r.text.strip() and not r.hidden]
        text = target.text
        upper = target.upper
        align = target.paragraph.alignment
    else:
        runs = list(target.visible_runs)
        text = norm(target.text)
        upper = is_upper(text) or (bool(runs) and all(r.caps for r in runs))
        align = target.alignment
    return Look(
        sizes=tuple(sorted({r.size_pt for r in runs})),
        bold=_all(runs, "bold"),
        italic=_all(runs, "italic"),
        underline=_all(runs, "underlined"),
        upper=upper,
        align=align,
    )


def _size_text(sizes: tuple[float, ...]) -> str:
    if not sizes:
        return "?"
    if len(sizes) == 1:
        return f"{fmt_pt(sizes[0])} pt"
    return f"{fmt_pt(sizes[0])}–{fmt_pt(sizes[-1])} pt"


_WORDS = {
    ("bold", True): Msg("đậm", "bold"),
    ("bold", False): Msg("không đậm", "not bold"),
    ("bold", None): Msg("đậm một phần", "partly bold"),
    ("italic", True): Msg("nghiêng", "italic"),
    ("italic", False): Msg("đứng (không nghiêng)", "upright"),
    ("italic", None): Msg("nghiêng một phần", "partly italic"),
    ("underline", True): Msg("gạch chân", "underlined"),
    ("underline", False): Msg("không gạch chân", "not underlined"),
    ("underline", None): Msg("gạch chân một phần", "partly underlined"),
    ("upper", True): Msg("in hoa", "upper case"),
    ("upper", False): Msg("không in hoa", "not upper case"),
}


def check_style(
    collector: Collector,
    rule: str,
    target: Line | ParagraphView,
    element: str,
    style: TextStyle,
    *,
    size_range: tuple[float, float] | None = None,
    check_underline: bool = True,
    check_upper: bool = True,
    severity: Severity = "error",
    group: bool = False,
    part_name: str | None = None,
) -> bool:
    """Report ``target`` under ``rule`` if its size, weight, slant, underline or case
    differ from ``style``; return whether it matched.

    ``size_range`` (inclusive) replaces the exact size when the spec gives a range
    (one size per document is a separate rule).
    """
    look = look_of(target)
    if not look.sizes:
        return True
    if size_range is None and style.size_max_pt is not None:
        size_range = (style.size_pt, style.size_max_pt)
    expected_vi: list[str] = []
    expected_en: list[str] = []
    actual_vi: list[str] = []
    actual_en: list[str] = []
    if size_range is not None:
        low, high = size_range
        size_ok = all(low <= s <= high for s in look.sizes)
        wanted = f"{fmt_pt(low)}–{fmt_pt(high)} pt" if low != high else f"{fmt_pt(low)} pt"
    else:
        size_ok = all(abs(s - style.size_pt) < 0.01 for s in look.sizes)
        wanted = f"{fmt_pt(style.size_pt)} pt"
    expected_vi.append(wanted)
    expected_en.append(wanted)
    if not size_ok:
        actual_vi.append(_size_text(look.sizes))
        actual_en.append(_size_text(look.sizes))
    checks: list[tuple[str, bool, bool | None]] = [
        ("bold", style.bold, look.bold),
        ("italic", style.italic, look.italic),
    ]
    if check_underline:
        checks.append(("underline", style.underline, look.underline))
    if check_upper and style.upper:
        checks.insert(0, ("upper", True, look.upper))
    for name, want, have in checks:
        expected_vi.append(_WORDS[(name, want)].vi)
        expected_en.append(_WORDS[(name, want)].en)
        if have != want:
            actual_vi.append(_WORDS[(name, have)].vi)
            actual_en.append(_WORDS[(name, have)].en)
    if not actual_vi:
        return True
    expected = Msg(", ".join(expected_vi), ", ".join(expected_en))
    actual = Msg(", ".join(actual_vi), ", ".join(actual_en))
    fix = Msg(
        f"Định dạng lại: {expected.vi} (Times New Roman).",
        f"Reformat as: {expected.en} (Times New Roman).",
    )
    collector.at_paragraph(
        rule, target, element, expected, actual, fix, severity, group=group, part_name=part_name
    )
    return False


_ALIGN = {
    "left": Msg("căn trái", "left-aligned"),
    "right": Msg("căn phải", "right-aligned"),
    "center": Msg("căn giữa", "centred"),
    "both": Msg("căn đều hai lề", "justified"),
    "distribute": Msg("dàn đều ký tự", "distributed"),
}


def align_msg(alignment: str | None) -> Msg:
    """A paragraph alignment in words (``None`` is left)."""
    return _ALIGN.get(alignment or "left", Msg(f"căn {alignment}", f"aligned {alignment}"))
