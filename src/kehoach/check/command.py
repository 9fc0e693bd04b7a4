"""``kehoach check`` as a function the CLI calls: prints the report, returns the exit code.

Exit codes: 0 no error (warnings allowed), 1 at least one error, 2 a file could not be
read (or the profile is unknown), 3 a file was not checked (kehoach has no profile for its
class: a Fatherland Front or Youth Union document, or no administrative document at all).
With several files the most serious wins: 2, then 1, then 3. Nothing here raises for a
bad file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TextIO

from kehoach.check.engine import check_docx
from kehoach.check.read.errors import DocxReadError
from kehoach.check.read.layout import LaidOutPage, LayoutError, lay_out
from kehoach.check.read.package import read_source
from kehoach.check.report import (
    result_to_dict,
    results_to_json,
    text_report,
    text_unreadable,
    unreadable_to_dict,
)
from kehoach.parallel import in_order
from kehoach.profiles import BUILTIN_PROFILES, FormatProfile

__all__ = ["EXIT_ERRORS", "EXIT_NOT_CHECKED", "EXIT_OK", "EXIT_UNREADABLE", "run_check_command"]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
EXIT_NOT_CHECKED = 3
_SERIOUSNESS = (EXIT_OK, EXIT_NOT_CHECKED, EXIT_ERRORS, EXIT_UNREADABLE)


def _worse(code: int, other: int) -> int:
    return max(code, other, key=_SERIOUSNESS.index)


def run_check_command(
    paths: Sequence[str | os.PathLike[str]],
    profile: str | None = None,
    fmt: Literal["text", "json"] = "text",
    lang: Literal["vi", "en"] = "vi",
    out: TextIO | None = None,
    jobs: int = 1,
    profiles: Mapping[str, FormatProfile] | None = None,
    layout: bool = False,
) -> int:
    """Check each of ``paths`` and print the report to ``out`` (stdout by default).

    Args:
        paths: DOCX files to check.
        profile: A profile id (``party-2018``, ``party-2026``, ``state-2020`` or one a
            plugin adds) or ``None`` (chosen from each document's class and date).
        fmt: ``text`` for people, ``json`` for programs (``findings.schema.json``).
        lang: Language of messages: ``vi`` (default) or ``en``.
        out: Where to write; ``sys.stdout`` when ``None``.
        jobs: Processes checking files at once; the report is the same, in the same order.
        profiles: The profiles by id (the plugins' ones); ``None`` for kehoach's own.
        layout: Lay each document out with LibreOffice for the page rules (``--layout``).

    Returns:
        0 when no file has an error, 1 when some file has an error, 2 when a file
        cannot be read or the profile is unknown, 3 when a file was not checked.
    """
    stream = out if out is not None else sys.stdout
    catalogue = dict(BUILTIN_PROFILES if profiles is None else profiles)
    if profile is not None and profile not in catalogue:
        known = ", ".join(sorted(catalogue))
        message = (
            f"Unknown profile {profile!r}; known: {known}."
            if lang == "en"
            else f"Không có thể thức {profile!r}; các thể thức: {known}."
        )
        if fmt == "json":
            stream.write(results_to_json([], EXIT_UNREADABLE, lang) + "\n")
        print(message, file=sys.stderr)
        return EXIT_UNREADABLE
    code = EXIT_OK
    files: list[dict[str, Any]] = []
    texts: list[str] = []
    names = [os.fspath(raw) for raw in paths]
    laid = _lay_out_all(names) if layout else [None] * len(names)
    jobs_list = [
        (name, profile, lang, catalogue, pages) for name, pages in zip(names, laid, strict=True)
    ]
    for file_code, file_dict, text in in_order(_check_one, jobs_list, jobs=jobs):
        code = _worse(code, file_code)
        files.append(file_dict)
        texts.append(text)
    if fmt == "json":
        stream.write(results_to_json(files, code, lang) + "\n")
    else:
        stream.write("\n\n".join(texts) + "\n")
    return code


_Laid = list[LaidOutPage] | LayoutError | None
_Job = tuple[str, str | None, Literal["vi", "en"], dict[str, FormatProfile], _Laid]


def _lay_out_all(paths: Sequence[str]) -> list[_Laid]:
    """Each readable file laid out, all with one LibreOffice start (``--layout``); a file
    that cannot be read gets ``None`` and its reading error is reported by the check."""
    readable: dict[int, bytes] = {}
    for index, path in enumerate(paths):
        try:
            readable[index] = read_source(path)
        except DocxReadError:
            continue
    laid: list[_Laid] = [None] * len(paths)
    try:
        results: Sequence[_Laid] = lay_out(list(readable.values()))
    except LayoutError as error:
        results = [error] * len(readable)
    for index, result in zip(readable, results, strict=True):
        laid[index] = result
    return laid


def _check_one(job: _Job) -> tuple[int, dict[str, Any], str]:
    """Check one file: its exit code, JSON entry and text report (in any process)."""
    path, profile, lang, catalogue, laid = job
    try:
        if isinstance(laid, LayoutError):
            raise laid
        result = check_docx(path, profile=profile, profiles=catalogue, pages=laid)
    except LayoutError as error:
        failed = DocxReadError("damaged", error.message("vi"), error.message("en"))
        return (
            EXIT_UNREADABLE,
            unreadable_to_dict(path, failed, lang),
            text_unreadable(path, failed, lang),
        )
    except DocxReadError as error:
        return (
            EXIT_UNREADABLE,
            unreadable_to_dict(path, error, lang),
            text_unreadable(path, error, lang),
        )
    except Exception as exc:  # a checker bug must not end in a traceback for users
        internal = DocxReadError(
            "damaged",
            f"Không kiểm tra được tệp (lỗi nội bộ {type(exc).__name__}: {exc}); "
            "xin báo lỗi kèm tệp này.",
            f"Could not check the file (internal error {type(exc).__name__}: {exc}); "
            "please report it with this file.",
        )
        return (
            EXIT_UNREADABLE,
            unreadable_to_dict(path, internal, lang),
            text_unreadable(path, internal, lang),
        )
    code = EXIT_ERRORS if result.errors else EXIT_OK
    return (
        code if result.checked else EXIT_NOT_CHECKED,
        result_to_dict(result, lang, path),
        text_report(result, lang, path),
    )
