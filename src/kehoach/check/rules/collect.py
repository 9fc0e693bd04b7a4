"""Collect findings: severity capped by rule status, identical deviations grouped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from kehoach.check.findings import Finding, Location, Msg, NotEvaluated, Part
from kehoach.check.read.lines import Line, norm
from kehoach.check.read.view import ParagraphView, SectionView
from kehoach.profiles.base import RuleStatus
from kehoach.profiles.rules import RULES, Severity

__all__ = ["Collector", "paragraph_location"]

QUOTE_CHARS = 40


def _quote(text: str) -> str | None:
    text = norm(text)
    if not text:
        return None
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def paragraph_location(
    paragraph: ParagraphView, element: str, part_name: str | None = None, quote: str | None = None
) -> Location:
    """The :class:`Location` of ``paragraph``."""
    part: Part = paragraph.story
    cell = paragraph.cell
    return Location(
        part=part,
        element=element,
        paragraph=paragraph.index,
        paragraphs=(paragraph.index,),
        table=cell.table if cell else None,
        row=cell.row if cell else None,
        cell=cell.cell if cell else None,
        part_name=part_name,
        quote=_quote(quote if quote is not None else paragraph.full_text),
    )


@dataclass
class Collector:
    """Accumulates findings in document order and not-evaluated rules."""

    findings: list[Finding] = field(default_factory=list)
    not_evaluated: dict[str, Msg] = field(default_factory=dict)
    # The profile's own view of a rule's status (a 2026 rule may be unconfirmed for 2018).
    status_overrides: Mapping[str, RuleStatus] = field(default_factory=dict)
    # Rules the profile does not cover: their findings are dropped (see ``unsupported``).
    unsupported: frozenset[str] = frozenset()
    # Parts the document's type may leave out: "missing …" findings about them are dropped.
    optional_elements: frozenset[str] = frozenset()
    # Grouped findings: key → (index in ``findings``, every paragraph so far). The
    # paragraphs are gathered in a list and written into the finding once, at the end
    # (``grouped``), so grouping n identical deviations costs O(n), not O(n²).
    _groups: dict[tuple[object, ...], tuple[int, list[int], list[int]]] = field(
        default_factory=dict
    )

    def add(
        self,
        rule: str,
        location: Location,
        expected: Msg,
        actual: Msg,
        fix: Msg,
        severity: Severity = "error",
        *,
        group: bool = False,
    ) -> None:
        """Record a finding; ``group`` merges it with an identical earlier one."""
        if rule in self.unsupported:
            return
        if location.part == "document" and location.element in self.optional_elements:
            return
        info = RULES.get(rule)
        status = self.status_overrides.get(rule, info.status if info else "unconfirmed")
        if status not in ("confirmed", "confirmed-by-example"):
            severity = "warning"
        finding = Finding(rule, severity, location, expected, actual, fix)
        if not group:
            self.findings.append(finding)
            return
        key = (rule, severity, location.part, location.element, expected, actual, fix)
        group_entry = self._groups.get(key)
        sections = [location.section] if location.section is not None else []
        if group_entry is None:
            self._groups[key] = (len(self.findings), list(location.paragraphs), sections)
            self.findings.append(finding)
            return
        group_entry[1].extend(location.paragraphs)
        group_entry[2].extend(sections)

    def grouped(self) -> list[Finding]:
        """The findings, each grouped one carrying every paragraph of its group."""
        out = list(self.findings)
        for index, paragraphs, sections in self._groups.values():
            first = out[index]
            location = first.location
            if len(paragraphs) != len(location.paragraphs):
                location = replace(location, paragraphs=tuple(paragraphs))
            if len(sections) > 1:
                location = replace(location, sections=tuple(sections))
            if location is not first.location:
                out[index] = replace(first, location=location)
        return out

    def at_paragraph(
        self,
        rule: str,
        paragraph: ParagraphView | Line,
        element: str,
        expected: Msg,
        actual: Msg,
        fix: Msg,
        severity: Severity = "error",
        *,
        group: bool = False,
        part_name: str | None = None,
    ) -> None:
        """Record a finding located at a paragraph (or at one line of it)."""
        if isinstance(paragraph, Line):
            location = paragraph_location(paragraph.paragraph, element, part_name, paragraph.text)
        else:
            location = paragraph_location(paragraph, element, part_name)
        self.add(rule, location, expected, actual, fix, severity, group=group)

    def at_section(
        self,
        rule: str,
        section: SectionView,
        expected: Msg,
        actual: Msg,
        fix: Msg,
        severity: Severity = "error",
        element: str = "page",
    ) -> None:
        """Record a page-setup finding of ``section`` (one finding for identical sections)."""
        location = Location(part="section", element=element, section=section.index + 1)
        self.add(rule, location, expected, actual, fix, severity, group=True)

    def at_document(
        self,
        rule: str,
        element: str,
        expected: Msg,
        actual: Msg,
        fix: Msg,
        severity: Severity = "error",
    ) -> None:
        """Record a finding about the document as a whole (a missing part…)."""
        self.add(rule, Location(part="document", element=element), expected, actual, fix, severity)

    def skip(self, rule: str, reason: Msg) -> None:
        """Mark ``rule`` as not evaluated (first reason kept)."""
        self.not_evaluated.setdefault(rule, reason)

    def evaluated(self, rule: str) -> None:
        """``rule`` was evaluated after all (e.g. on the laid-out pages): drop its skip."""
        self.not_evaluated.pop(rule, None)

    def result_not_evaluated(self) -> tuple[NotEvaluated, ...]:
        """The not-evaluated rules, in rule-id order of the spec table."""
        order = list(RULES)
        items = sorted(
            self.not_evaluated.items(),
            key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order),
        )
        return tuple(NotEvaluated(rule, reason) for rule, reason in items)
