"""Render check results as text (for people) or JSON (``findings.schema.json``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from kehoach.check.findings import CheckResult, Finding, Location
from kehoach.check.read.errors import DocxReadError
from kehoach.profiles.rules import RULES

__all__ = [
    "SCHEMA_VERSION",
    "findings_schema",
    "location_to_dict",
    "result_to_dict",
    "results_to_json",
    "text_report",
    "unreadable_to_dict",
]

SCHEMA_VERSION = 1

_WORDS = {
    "vi": {
        "error": "LỖI",
        "warning": "CẢNH BÁO",
        "expected": "Cần",
        "actual": "Hiện tại",
        "fix": "Cách sửa",
        "profile": "Thể thức",
        "not_evaluated": "Không đánh giá được từ tệp (không coi là đạt)",
        "summary": "Tổng cộng: {e} lỗi, {w} cảnh báo.",
        "clean": "Không phát hiện sai thể thức.",
        "unreadable": "KHÔNG ĐỌC ĐƯỢC",
        "class": "Loại văn bản",
        "not_checked": "KHÔNG KIỂM TRA",
    },
    "en": {
        "error": "ERROR",
        "warning": "WARNING",
        "expected": "Expected",
        "actual": "Actual",
        "fix": "Fix",
        "profile": "Profile",
        "not_evaluated": "Not evaluated from the file (never counted as passed)",
        "summary": "Total: {e} errors, {w} warnings.",
        "clean": "No format deviation found.",
        "unreadable": "UNREADABLE",
        "class": "Document class",
        "not_checked": "NOT CHECKED",
    },
}


def findings_schema() -> dict[str, Any]:
    """The JSON Schema of ``kehoach check --format json`` (shipped in the package)."""
    text = resources.files("kehoach.check").joinpath("findings.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def location_to_dict(location: Location, lang: str = "vi") -> dict[str, Any]:
    """A :class:`Location` as a JSON object (``None`` fields omitted)."""
    data: dict[str, Any] = {
        "part": location.part,
        "element": location.element,
        "description": location.describe(lang),
    }
    for key in ("paragraph", "table", "row", "cell", "section", "part_name", "quote"):
        value = getattr(location, key)
        if value is not None:
            data[key] = value
    if location.paragraphs:
        data["paragraphs"] = sorted(set(location.paragraphs))
    if location.sections:
        data["sections"] = sorted(set(location.sections))
    return data


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "title": finding.title(lang),
        "status": finding.status,
        "severity": finding.severity,
        "location": location_to_dict(finding.location, lang),
        "expected": finding.expected.get(lang),
        "actual": finding.actual.get(lang),
        "fix": finding.fix.get(lang),
    }


def result_to_dict(
    result: CheckResult, lang: str = "vi", path: str | None = None
) -> dict[str, Any]:
    """One checked file as a JSON object (see ``findings.schema.json``)."""
    errors = len(result.errors)
    document_class = {"id": result.document_class, "name": _class_name(result, lang)}
    if not result.checked:
        return {
            "path": path if path is not None else result.source,
            "status": "not-checked",
            "document_class": document_class,
            "reason": result.profile_reason.get(lang),
        }
    return {
        "path": path if path is not None else result.source,
        "status": "errors" if errors else "ok",
        "document_class": document_class,
        "document_type": result.document_type,
        "profile": {
            "id": result.profile_id,
            "name": result.profile_name,
            "reason": result.profile_reason.get(lang),
        },
        "document_date": result.document_date,
        "summary": {"errors": errors, "warnings": len(result.warnings)},
        "findings": [_finding(f, lang) for f in result.findings],
        "not_evaluated": [
            {
                "rule": n.rule,
                "title": RULES[n.rule].title(lang) if n.rule in RULES else n.rule,
                "reason": n.reason.get(lang),
            }
            for n in result.not_evaluated
        ],
    }


def _class_name(result: CheckResult, lang: str) -> str:
    name = result.document_class_name
    return name.get(lang) if name is not None else result.document_class


def unreadable_to_dict(path: str, error: DocxReadError, lang: str = "vi") -> dict[str, Any]:
    """A file that could not be read, as a JSON object."""
    return {
        "path": path,
        "status": "unreadable",
        "error": {"reason": error.reason, "message": error.message(lang)},
    }


def results_to_json(files: list[dict[str, Any]], exit_code: int, lang: str = "vi") -> str:
    """The whole JSON document printed by ``kehoach check --format json``."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "exit_code": exit_code,
        "files": files,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def text_report(result: CheckResult, lang: str = "vi", path: str | None = None) -> str:
    """A human-readable report of one file."""
    words = _WORDS["en" if lang == "en" else "vi"]
    name = path or result.source or "-"
    kind = f"  {words['class']}: {_class_name(result, lang)}"
    if result.document_type:
        kind += f" ({result.document_type})"
    if not result.checked:
        return f"{name}\n{kind}\n  {words['not_checked']}: {result.profile_reason.get(lang)}"
    lines = [
        f"{name}",
        kind,
        f"  {words['profile']}: {result.profile_name} [{result.profile_id}] — "
        f"{result.profile_reason.get(lang)}",
    ]
    for finding in result.findings:
        label = words[finding.severity]
        lines.append(
            f"  {label} {finding.rule} ({finding.title(lang)}) — {finding.location.describe(lang)}"
        )
        lines.append(f"      {words['expected']}: {finding.expected.get(lang)}")
        lines.append(f"      {words['actual']}: {finding.actual.get(lang)}")
        lines.append(f"      {words['fix']}: {finding.fix.get(lang)}")
    if result.not_evaluated:
        lines.append(f"  {words['not_evaluated']}:")
        for item in result.not_evaluated:
            lines.append(f"      {item.rule}: {item.reason.get(lang)}")
    if result.findings:
        lines.append("  " + words["summary"].format(e=len(result.errors), w=len(result.warnings)))
    else:
        lines.append("  " + words["clean"])
    return "\n".join(lines)


def text_unreadable(path: str, error: DocxReadError, lang: str = "vi") -> str:
    """The text report line of an unreadable file."""
    words = _WORDS["en" if lang == "en" else "vi"]
    return f"{path}\n  {words['unreadable']}: {error.message(lang)}"
