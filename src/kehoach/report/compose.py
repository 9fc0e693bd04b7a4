"""A follow-up report (Báo cáo kết quả thực hiện) composed like a plan, for the same renderer.

This module assembles the document: its header (own number and date, the rest as in
the plan), its trích yếu, the closing sentence, recipients and signature. The body's
sections I–IV are written by :mod:`kehoach.report.sections`, their figures worded by
:mod:`kehoach.report.phrases`; the appendix tables come from :mod:`kehoach.report.tables`.
The wording helpers are re-exported here, so existing imports keep working.
"""

from __future__ import annotations

from collections.abc import Callable

from kehoach.compose import BodyWriter, ComposedDocument, Run, citation
from kehoach.compose.frame import frame_document, issuer_phrase
from kehoach.compose.profile import resolve_profile
from kehoach.compose.text import merge_runs, text_runs
from kehoach.model import DocumentHeader, Plan, Progress, iter_targets
from kehoach.report.compute import ReportData, compute_report
from kehoach.report.notices import Notice, emit_warnings
from kehoach.report.outline import has_outline, places_tables, write_outline
from kehoach.report.phrases import next_period_phrase, share_phrase, target_runs
from kehoach.report.sections import write_sections
from kehoach.report.tables import has_tables, report_appendix
from kehoach.vi import PartialDate, quantity_text

REPORT_TYPE_NAME = "Báo cáo"


def compose_report(
    plan: Plan,
    progress: Progress,
    *,
    period: str | None = None,
    locate: Callable[[Notice], Notice] | None = None,
) -> ComposedDocument:
    """Compose the report of ``progress`` on ``plan`` (``period`` overrides the file's).

    Problems that do not stop the report are issued as :class:`ProgressWarning`, worded
    by ``locate`` with where they were written (file, line or sheet and cell) if given.

    Raises:
        InputError: progress names ids the plan does not have, or impossible dates.
        UsageError: no report period.
    """
    document, notices = compose_report_with_notices(plan, progress, period=period, locate=locate)
    emit_warnings(notices)
    return document


def compose_report_with_notices(
    plan: Plan,
    progress: Progress,
    *,
    period: str | None = None,
    locate: Callable[[Notice], Notice] | None = None,
) -> tuple[ComposedDocument, list[Notice]]:
    """As :func:`compose_report`, with the problems returned rather than issued.

    A server making reports in several threads at once needs this: capturing warnings
    (``warnings.catch_warnings``) changes the process's global state, so two reports
    made at the same instant would swap or lose each other's warnings.
    """
    data = compute_report(plan, progress, period)
    return compose_report_data(data), [locate(n) if locate else n for n in data.warnings]


def report_header(
    plan: Plan, progress: Progress, cutoff_year: int, cutoff_month: int
) -> DocumentHeader:
    """The report's header: its own number and date, the rest as in the plan."""
    own, base = progress.header, plan.header
    body_code = own.body_code or (None if own.issuing_body else base.body_code)
    return DocumentHeader(
        superior_body=own.superior_body,
        superiors=[] if own.superior_body else base.superior_chain,
        issuing_body=own.issuing_body or base.issuing_body,
        number=own.number,
        type_code=None,
        body_code=body_code,
        place=own.place or base.place,
        date=own.date or PartialDate(cutoff_year, cutoff_month),
        draft_label=own.draft_label,
    )


def compose_report_data(data: ReportData) -> ComposedDocument:
    """Compose already computed report data."""
    plan, progress, period = data.plan, data.progress, data.period
    header = report_header(plan, progress, period.cutoff.year, period.cutoff.month)
    options = progress.format or plan.format
    profile = resolve_profile(options, header.date)
    signature = progress.signature or plan.signature
    targets = {t.id: t for t in iter_targets(plan)}
    levels = progress.numbering.levels if progress.numbering else None
    w = BodyWriter(profile, targets, levels=levels, options=options, year=plan.year)
    if has_outline(data):
        write_outline(w, data, profile)
    else:
        write_sections(w, data, profile)
    if progress.closing:
        w.blocks(progress.closing, 1)
    else:
        w.para("body", [Run(f"Trên đây là báo cáo kết quả {_plan_phrase(data)}.")])

    own_citation = citation(REPORT_TYPE_NAME, header, signature)
    appendix = report_appendix(data, profile, f"(Kèm theo {own_citation})")
    return frame_document(
        profile=profile,
        header=header,
        type_name=REPORT_TYPE_NAME,
        subject=subject_runs(data),
        body=w.result(),
        recipients=progress.recipients or plan.recipients,
        signature=signature,
        appendices=(appendix,) if has_tables(data) and not places_tables(data) else (),
        keywords=[x for x in ("kehoach", "bao-cao", plan.plan_type) if x],
        tone_style=options.tone_style,
    )


def _plan_phrase(data: ReportData) -> str:
    """ "6 tháng đầu năm 2022 thực hiện Kế hoạch số 29-KH/TU, ngày … của …", or the draft
    form naming the issuer."""
    plan = data.plan
    if plan.header.number is not None:
        cite = citation(plan.title.type_name, plan.header, plan.signature)
        return f"{data.period.phrase} thực hiện {cite}"
    issuer = issuer_phrase(plan.header, plan.signature)
    return f"{data.period.phrase} thực hiện {plan.title.type_name} của {issuer}"


def subject_runs(data: ReportData) -> list[Run]:
    """The trích yếu (F-SUBJ-1, lower-case start).

    A numbered plan is cited (F-CITE-1), a draft one named by its issuer; either way the
    plan's subject follows, so the trích yếu says what the report is about (#12): "kết
    quả 6 tháng đầu năm 2022 thực hiện Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban
    Thường vụ Thị ủy Sa Pa về công tác tuyên giáo năm 2022".
    """
    plan = data.plan
    runs = [Run(f"kết quả {_plan_phrase(data)}")]
    targets = {t.id: t for t in iter_targets(plan)}
    subject = plan.title.subject
    joiner = " " if subject.startswith("về ") else " về "
    runs += [Run(joiner), *text_runs(subject, targets)]
    return merge_runs(runs)


__all__ = [
    "REPORT_TYPE_NAME",
    "compose_report",
    "compose_report_data",
    "next_period_phrase",
    "quantity_text",
    "report_header",
    "share_phrase",
    "subject_runs",
    "target_runs",
]
