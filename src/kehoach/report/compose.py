"""A follow-up report (Báo cáo kết quả thực hiện) composed like a plan, for the same renderer.

Sections (F-HEAD-3, practice for reports): I. Kết quả thực hiện; II. Đánh giá chung;
III. Phương hướng, nhiệm vụ of the next period; IV. Đề xuất, kiến nghị. Parts with
nothing to say are left out (numbering follows). The appendix holds the tables.
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.compose import BodyWriter, ComposedDocument, Run, citation, recipient_lines
from kehoach.compose.plan import document_codes, issuer_phrase, task_runs
from kehoach.compose.profile import resolve_profile
from kehoach.compose.text import merge_runs, strip_end_punctuation, text_runs
from kehoach.model import DocumentHeader, Plan, Progress, iter_targets
from kehoach.model.progress import PERIODS, STATUS_LABELS
from kehoach.profiles import FormatProfile
from kehoach.report.compute import (
    UNREPORTED,
    UNREPORTED_LABEL,
    ReportData,
    Share,
    TargetResult,
    TaskResult,
    compute_report,
)
from kehoach.report.links import emit_warnings, find_area, plan_areas
from kehoach.report.tables import has_tables, report_appendix
from kehoach.vi import (
    PartialDate,
    count,
    date_line,
    doc_number,
    format_money,
    format_number,
    format_percent,
    roman,
    short_date,
)

REPORT_TYPE_NAME = "Báo cáo"


def compose_report(
    plan: Plan, progress: Progress, *, period: str | None = None
) -> ComposedDocument:
    """Compose the report of ``progress`` on ``plan`` (``period`` overrides the file's).

    Problems that do not stop the report are issued as :class:`ProgressWarning`.

    Raises:
        InputError: progress names ids the plan does not have, or impossible dates.
        UsageError: no report period.
    """
    data = compute_report(plan, progress, period)
    emit_warnings(list(data.warnings))
    return compose_report_data(data)


def report_header(
    plan: Plan, progress: Progress, cutoff_year: int, cutoff_month: int
) -> DocumentHeader:
    """The report's header: its own number and date, the rest as in the plan."""
    own, base = progress.header, plan.header
    body_code = own.body_code or (None if own.issuing_body else base.body_code)
    return DocumentHeader(
        superior_body=own.superior_body or base.superior_body,
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
    w = BodyWriter(profile, targets)
    writer = _ReportWriter(w, data, profile)
    writer.results()
    writer.assessment()
    writer.directions()
    if progress.proposals:
        w.heading(1, "Đề xuất, kiến nghị")
        w.blocks(progress.proposals, 2)
    if progress.closing:
        w.blocks(progress.closing, 1)
    else:
        w.para("body", [Run(f"Trên đây là báo cáo kết quả {_plan_phrase(data)}.")])

    type_c, body_c = document_codes(header, REPORT_TYPE_NAME)
    authority, position = signature.lines()
    subject = subject_runs(data)
    own_citation = citation(REPORT_TYPE_NAME, header, signature)
    return ComposedDocument(
        profile=profile,
        superior_body=header.superior_body.upper() if header.superior_body else None,
        issuing_body=header.issuing_body.upper(),
        number_line=doc_number(header.number, type_c, body_c),
        date_line=date_line(header.place, header.date),
        draft_label=header.draft_label,
        type_name=REPORT_TYPE_NAME.upper(),
        subject=tuple(subject),
        body=w.result(),
        recipients=recipient_lines(progress.recipients or plan.recipients),
        signature_authority=authority,
        signature_position=position,
        signer=signature.signer,
        appendices=(
            (report_appendix(data, profile, f"(Kèm theo {own_citation})"),)
            if has_tables(data)
            else ()
        ),
        title=f"{REPORT_TYPE_NAME} {''.join(r.text for r in subject)}",
        keywords=tuple(x for x in ("kehoach", "bao-cao", plan.plan_type) if x),
    )


def _plan_phrase(data: ReportData) -> str:
    """ "thực hiện Kế hoạch số 29-KH/TU, ngày … của … 6 tháng đầu năm 2022", or the draft form."""
    plan = data.plan
    if plan.header.number is not None:
        cite = citation(plan.title.type_name, plan.header, plan.signature)
        return f"thực hiện {cite} {data.period.phrase}"
    issuer = issuer_phrase(plan.header, plan.signature)
    return f"{data.period.phrase} thực hiện {plan.title.type_name} của {issuer}"


def subject_runs(data: ReportData) -> list[Run]:
    """The trích yếu (F-SUBJ-1, lower-case start).

    A numbered plan is cited (F-CITE-1): "kết quả thực hiện Kế hoạch số 29-KH/TU, ngày
    15/01/2022 của Ban Thường vụ Thị ủy Sa Pa 6 tháng đầu năm 2022". A draft plan
    without a number is named by what is known, its issuer and subject: "kết quả 6
    tháng đầu năm 2022 thực hiện Kế hoạch của Ban Thường vụ Thị ủy Sa Pa về …".
    """
    plan = data.plan
    runs = [Run(f"kết quả {_plan_phrase(data)}")]
    if plan.header.number is None:
        targets = {t.id: t for t in iter_targets(plan)}
        subject = plan.title.subject
        joiner = " " if subject.startswith("về ") else " về "
        runs += [Run(joiner), *text_runs(subject, targets)]
    return merge_runs(runs)


# --- figures in running text -------------------------------------------------------------


def quantity_text(value: Decimal | int) -> str:
    """A count as Party documents write it: ``04``, ``16``, ``4,5``."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return count(int(value))
    return format_number(value)


def _figure(target: TargetResult) -> str:
    achieved = quantity_text(target.achieved or 0)
    planned = count(target.planned)
    if target.target.unit == "%":
        return f"{achieved}%/{planned}%"
    return f"{achieved}/{planned}"


def _unit(target: TargetResult) -> str:
    return "" if target.target.unit == "%" else f" {target.target.unit}"


def target_runs(result: TargetResult) -> list[Run]:
    """ "Hội nghị …: thực hiện **04/05** hội nghị, đạt 80% kế hoạch, còn 01 hội nghị."."""
    label = strip_end_punctuation(result.label)
    runs = [Run(f"{label}: ")]
    if result.achieved is None:
        qualifier = f"{result.target.qualifier} " if result.target.qualifier else ""
        runs += [
            Run("chưa báo cáo kết quả (kế hoạch "),
            Run(f"{qualifier}{count(result.planned)}{_unit(result)}"),
            Run(")"),
        ]
    else:
        runs += [Run("thực hiện "), Run(_figure(result), bold=True), Run(_unit(result))]
        ratio = result.ratio
        if ratio is not None:
            runs.append(Run(f", đạt {format_percent(ratio)} kế hoạch"))
        if result.assessment == "exceeded":
            runs.append(Run(", vượt chỉ tiêu"))
        elif result.assessment == "unmet":
            runs.append(
                Run(f", còn {quantity_text(result.remaining)}{_unit(result)} chưa thực hiện")
            )
    if result.evidence:
        runs += [Run(" ("), Run(f"minh chứng: {'; '.join(result.evidence)}", italic=True), Run(")")]
    runs.append(Run("."))
    if result.notes:
        runs += [Run(" "), *text_runs(_sentence(result.notes), italic=True)]
    return merge_runs(runs)


def _before_stop(runs: list[Run], inserted: list[Run]) -> list[Run]:
    """Insert runs before the text's final full stop (and put one after them)."""
    if runs and runs[-1].text.endswith("."):
        last = runs[-1]
        trimmed = Run(last.text[:-1], last.bold, last.italic, last.underline)
        return [*runs[:-1], trimmed, *inserted, Run(".")]
    return [*runs, *inserted, Run(".")]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ")")) else f"{text}."


def share_phrase(share: Share, noun: str = "") -> str:
    """ "hoàn thành đúng hạn 10/16 nhiệm vụ (62,5%)"."""
    ratio = share.ratio
    percent = f" ({format_percent(ratio)})" if ratio is not None else ""
    noun = f" {noun}" if noun else ""
    label = share.label[:1].lower() + share.label[1:]
    return f"{label} {count(share.count)}/{count(share.total)}{noun}{percent}"


# --- the sections ------------------------------------------------------------------------


class _ReportWriter:
    def __init__(self, w: BodyWriter, data: ReportData, profile: FormatProfile):
        self.w, self.data, self.profile = w, data, profile
        self.progress = data.progress
        self.money_unit = (data.progress.format or data.plan.format).money_unit
        areas = plan_areas(data.plan)
        self.narratives: dict[tuple[str, int], list[object]] = {}
        for result in self.progress.results:
            ref = find_area(areas, result.area)
            if ref is not None:
                self.narratives.setdefault((ref.group, ref.index), []).extend(result.content)
        self.solution_areas = [a for a in areas if a.group == "solutions"]

    def money(self, amount: int) -> str:
        return format_money(amount, self.money_unit)

    # I. Kết quả thực hiện
    def results(self) -> None:
        w, data = self.w, self.data
        w.heading(1, "Kết quả thực hiện")
        w.blocks(self.progress.summary, 2)
        cutoff = f"số liệu tính đến ngày {short_date(data.period.cutoff)}"
        if has_tables(data):  # F-APX-1: the text refers to its appendix
            word = self.profile.appendix_label_word
            text = (
                "Kết quả thực hiện các chỉ tiêu, nhiệm vụ và kinh phí được tổng hợp tại "
                f"{word} kèm theo Báo cáo này ({cutoff})."
            )
        else:
            text = f"Kết quả thực hiện Kế hoạch ({cutoff}) như sau:"
        w.para("body", [Run(text)])
        if data.targets or any(self.narratives.get(g.area_key or ("", 0)) for g in data.groups):
            self.target_results()
        if data.tasks:
            self.task_results()
        shown = {g.area_key for g in data.groups}
        solutions = [
            a
            for a in self.solution_areas
            if self.narratives.get((a.group, a.index)) and (a.group, a.index) not in shown
        ]
        if solutions:
            w.heading(2, "Thực hiện các giải pháp")
            for ref in solutions:
                w.heading(3, ref.area.title)
                w.blocks(self.narratives[(ref.group, ref.index)], 4)  # type: ignore[arg-type]
        if data.budget:
            self.budget_results()

    def target_results(self) -> None:
        w, data = self.w, self.data
        w.heading(2, "Thực hiện các mục tiêu, chỉ tiêu")
        shares = [s for s in data.target_shares() if s.count]
        if data.targets:
            parts = "; ".join(share_phrase(s, "chỉ tiêu") for s in shares)
            w.para(
                "body",
                [
                    Run(
                        f"Kế hoạch đề ra {count(len(data.targets))} chỉ tiêu; đến ngày "
                        f"{short_date(data.period.cutoff)}: {parts}."
                    )
                ],
            )
        for group in data.groups:
            narrative = self.narratives.get(group.area_key) if group.area_key else None
            if not group.targets and not narrative:
                continue
            w.heading(3, group.title)
            w.blocks(narrative or [], 4)  # type: ignore[arg-type]
            for result in group.targets:
                w.bullet(1, target_runs(result))

    def task_results(self) -> None:
        w, data = self.w, self.data
        w.heading(2, "Thực hiện các nhiệm vụ cụ thể")
        quarters = sorted({t.quarter for t in data.tasks})
        quarter_text = ", ".join(f"quý {roman(q)}" for q in quarters)
        shares = [s for s in data.status_shares() if s.count]
        parts = "; ".join(share_phrase(s, "nhiệm vụ") for s in shares)
        w.para(
            "body",
            [
                Run(
                    f"Theo kế hoạch, {data.period.phrase} có {count(len(data.tasks))} nhiệm vụ "
                    f"({quarter_text}); kết quả: {parts}. Cụ thể:"
                )
            ],
        )
        labels = {**STATUS_LABELS, UNREPORTED: UNREPORTED_LABEL}
        for share in shares:
            w.bullet(1, [Run(f"{labels[share.key]}: {count(share.count)} nhiệm vụ", bold=True)])
            for task in data.tasks:
                if task.status == share.key:
                    w.bullet(2, self.task_line(task))

    def task_line(self, task: TaskResult) -> list[Run]:
        runs = task_runs(task.task, self.w, False)
        extra = []
        if task.completed is not None:
            extra.append(f"hoàn thành ngày {short_date(task.completed)}")
        elif task.status in ("overdue", "in_progress", UNREPORTED):
            extra.append(f"thời hạn {short_date(task.deadline)}")
        if extra:
            runs = _before_stop(runs, [Run(" ("), Run("; ".join(extra), italic=True), Run(")")])
        if task.notes:
            runs += [Run(" "), *text_runs(_sentence(task.notes), italic=True)]
        return merge_runs(runs)

    def budget_results(self) -> None:
        w, data = self.w, self.data
        w.heading(2, "Kinh phí thực hiện")
        total = data.budget_total
        assert total is not None
        text = f"Dự toán kinh phí năm {data.period.year}: {self.money(total.allocated)}"
        if total.spent is not None:
            text += f"; đã sử dụng {self.money(total.spent)}"
            if total.ratio is not None:
                text += f", tỷ lệ giải ngân đạt {format_percent(total.ratio)}"
        text += "."
        w.para("body", [Run(text)])
        if len(data.budget) > 1 or total.spent is None:
            for row in data.budget:
                line = f"{row.name}: dự toán {self.money(row.allocated)}, "
                if row.spent is None:
                    line += "chưa báo cáo số đã sử dụng"
                else:
                    line += f"đã sử dụng {self.money(row.spent)}"
                    if row.ratio is not None:
                        line += f" ({format_percent(row.ratio)})"
                runs = [Run(line + ".")]
                if row.notes:
                    runs += [Run(" "), Run(_sentence(row.notes), italic=True)]
                w.bullet(1, runs)

    # II. Đánh giá chung
    def assessment(self) -> None:
        p, data = self.progress, self.data
        facts = self.limitation_facts()
        causes = p.causes.objective or p.causes.subjective
        if not (p.strengths or p.limitations or facts or causes or p.lessons):
            return
        w = self.w
        w.heading(1, "Đánh giá chung")
        if p.strengths:
            w.heading(2, "Ưu điểm")
            w.blocks(p.strengths, 3)
        if p.limitations or facts:
            w.heading(2, "Tồn tại, hạn chế")
            w.blocks(p.limitations, 3)
            for fact in facts:
                w.bullet(1, [Run(fact)])
        if causes:
            w.heading(2, "Nguyên nhân")
            for title, blocks in (
                ("Nguyên nhân khách quan", p.causes.objective),
                ("Nguyên nhân chủ quan", p.causes.subjective),
            ):
                if blocks:
                    w.heading(3, title)
                    w.blocks(blocks, 4)
        if p.lessons:
            w.heading(2, "Bài học kinh nghiệm")
            w.blocks(p.lessons, 3)
        del data

    def limitation_facts(self) -> list[str]:
        """Limitations that follow from the figures (always true, never guessed)."""
        data = self.data
        facts = []
        shares = {s.key: s for s in data.status_shares()}
        if shares["overdue"].count:
            facts.append(
                f"Còn {count(shares['overdue'].count)} nhiệm vụ chưa thực hiện, đã quá hạn."
            )
        if shares["done_late"].count:
            facts.append(
                f"Có {count(shares['done_late'].count)} nhiệm vụ hoàn thành chậm so với kế hoạch."
            )
        if data.period.info.last_quarter == 4:
            unmet = [t for t in data.targets if t.assessment == "unmet"]
            if unmet:
                of = f"{count(len(unmet))}/{count(len(data.targets))}"
                facts.append(f"Còn {of} chỉ tiêu chưa đạt kế hoạch.")
        missing_targets = sum(1 for t in data.targets if t.assessment == "unreported")
        missing_tasks = shares[UNREPORTED].count
        if missing_targets or missing_tasks:
            parts = []
            if missing_targets:
                parts.append(f"{count(missing_targets)} chỉ tiêu")
            if missing_tasks:
                parts.append(f"{count(missing_tasks)} nhiệm vụ")
            facts.append(f"Còn {', '.join(parts)} chưa có số liệu báo cáo.")
        return facts

    # III. Phương hướng, nhiệm vụ
    def directions(self) -> None:
        w, data = self.w, self.data
        period = data.period
        w.heading(1, f"Phương hướng, nhiệm vụ {next_period_phrase(period.info.key, period.year)}")
        w.blocks(self.progress.directions, 2)
        wrote = bool(self.progress.directions)
        if data.unfinished:
            w.heading(2, "Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành")
            for task in data.unfinished:
                w.bullet(1, task_runs(task.task, w, False))
            wrote = True
        if data.upcoming:
            w.heading(2, "Triển khai các nhiệm vụ theo kế hoạch")
            for quarter in sorted({t.quarter for t in data.upcoming}):
                w.bullet(1, [Run(f"Quý {roman(quarter)}", bold=True)])
                for task in data.upcoming:
                    if task.quarter == quarter:
                        w.bullet(2, task_runs(task.task, w, False))
            wrote = True
        pending = [t for t in data.targets if t.assessment in ("unmet", "unreported")]
        if pending:
            w.heading(2, "Phấn đấu hoàn thành các chỉ tiêu")
            for target in pending:
                label = strip_end_punctuation(target.label)
                if target.achieved is None:
                    text = f"{label}: kế hoạch {count(target.planned)}{_unit(target)}."
                else:
                    text = (
                        f"{label}: còn {quantity_text(target.remaining)}{_unit(target)} "
                        f"(đã thực hiện {_figure(target)})."
                    )
                w.bullet(1, [Run(text)])
            wrote = True
        if not wrote:
            w.para("body", [Run("Tiếp tục duy trì, phát huy các kết quả đã đạt được.")])


def next_period_phrase(key: str, year: int) -> str:
    """The period after ``key``: "quý III năm 2022", "6 tháng cuối năm 2022", "năm 2023"."""
    following = {"q1": "q2", "q2": "q3", "q3": "q4", "9m": "q4"}
    if key in following:
        return PERIODS[following[key]].phrase(year)
    if key == "6m":
        return f"6 tháng cuối năm {year}"
    return f"năm {year + 1}"


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
