"""The report's sections I–IV, written from computed figures and the progress narratives.

I. Kết quả thực hiện; II. Đánh giá chung; III. Phương hướng, nhiệm vụ of the next
period; IV. Đề xuất, kiến nghị (F-HEAD-3, practice for reports). Parts with nothing to
say are left out (numbering follows). Limitations that follow from the figures (overdue
tasks, unmet targets, missing figures) are stated here, never guessed.
"""

from __future__ import annotations

from kehoach.compose import BodyWriter, Run
from kehoach.compose.tasks import task_runs
from kehoach.compose.text import merge_runs, strip_end_punctuation, text_runs
from kehoach.model.progress import STATUS_LABELS
from kehoach.profiles import FormatProfile
from kehoach.report.areas import find_area, plan_areas
from kehoach.report.phrases import (
    amount_text,
    before_stop,
    figure_text,
    next_period_phrase,
    sentence,
    share_phrase,
    target_runs,
)
from kehoach.report.results import (
    UNREPORTED,
    UNREPORTED_LABEL,
    BudgetRow,
    ReportData,
    TaskResult,
)
from kehoach.report.tables import has_tables
from kehoach.vi import count, format_money, format_percent, roman, short_date


class ReportSections:
    """Writes sections I–IV of a report into a :class:`BodyWriter`, leaving out empty parts."""

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
        # Areas whose narrative is not written with targets: a version 1 plan's solutions,
        # a version 2 plan's sections holding no target.
        self.solution_areas = [a for a in areas if a.group in ("solutions", "sections")]
        self.solutions_title = (
            "Thực hiện các nội dung của kế hoạch"
            if any(a.group == "sections" for a in areas)
            else "Thực hiện các giải pháp"
        )

    def money(self, amount: int) -> str:
        return format_money(amount, self.money_unit)

    # I. Kết quả thực hiện
    def results(self, title: str = "Kết quả thực hiện") -> None:
        w, data = self.w, self.data
        w.heading(1, title)
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
            w.heading(2, self.solutions_title)
            for ref in solutions:
                w.heading(3, ref.area.title)
                w.blocks(self.narratives[(ref.group, ref.index)], 4)  # type: ignore[arg-type]
        if data.budget:
            self.budget_results()

    def target_results(self, level: int = 2, heading: bool = True) -> None:
        w, data = self.w, self.data
        if heading:
            w.heading(level, "Thực hiện các mục tiêu, chỉ tiêu")
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
        shown = [
            (group, self.narratives.get(group.area_key) if group.area_key else None)
            for group in data.groups
        ]
        shown = [(group, narrative) for group, narrative in shown if group.targets or narrative]
        sub = level + 1 if heading else level  # placed in a section: groups are its 1., 2.
        for group, narrative in shown:
            # The plan's own grouping, by area or section; one group alone gets no heading
            # (a lone "1.1." says nothing the "1." above it does not).
            if len(shown) > 1:
                w.heading(sub, group.title)
            w.blocks(narrative or [], sub + 1 if len(shown) > 1 else sub)  # type: ignore[arg-type]
            for result in group.targets:
                w.bullet(1, target_runs(result, data.label("behind").lower()))

    def task_results(self, level: int = 2, heading: bool = True) -> None:
        if heading:
            self.w.heading(level, "Thực hiện các nhiệm vụ cụ thể")
        self.task_counts(" Cụ thể:")
        self.task_list()

    def task_counts(self, end: str = "") -> None:
        """ "Theo kế hoạch, … có 06 nhiệm vụ (quý I, …); kết quả: hoàn thành đúng hạn …"."""
        w, data = self.w, self.data
        shares = [s for s in data.status_shares() if s.count]
        parts = "; ".join(share_phrase(s, "nhiệm vụ") for s in shares)
        w.para(
            "body",
            [
                Run(
                    f"Theo kế hoạch, {data.period.phrase} có {_scope_text(data.tasks)}; "
                    f"kết quả: {parts}.{end}"
                )
            ],
        )

    def task_list(self) -> None:
        """The tasks by status: "- Hoàn thành đúng hạn: 04 nhiệm vụ" then "+ …" lines."""
        w, data = self.w, self.data
        shares = [s for s in data.status_shares() if s.count]
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
            runs = before_stop(runs, [Run(" ("), Run("; ".join(extra), italic=True), Run(")")])
        if task.notes:
            runs += [Run(" "), *text_runs(sentence(task.notes), italic=True)]
        return merge_runs(runs)

    def estimate_label(self, total: BudgetRow) -> str:
        """ "Dự toán kinh phí trong kỳ (6 tháng đầu năm 2027)" or "… cả năm 2027" (#12)."""
        period = self.data.period
        if total.for_period:
            return f"Dự toán kinh phí trong kỳ ({period.phrase})"
        return f"Dự toán kinh phí cả năm {period.year}"

    def budget_results(self, level: int = 2, heading: bool = True) -> None:
        w, data = self.w, self.data
        if heading:
            w.heading(level, "Kinh phí thực hiện")
        total = data.budget_total
        assert total is not None
        text = self.estimate_label(total) + f": {self.money(total.allocated)}"
        if total.for_period and total.year_amount is not None:
            text += f" (dự toán cả năm {data.period.year}: {self.money(total.year_amount)})"
        if total.spent is not None:
            text += f"; đã sử dụng {self.money(total.spent)}"
            if total.ratio is not None:
                text += f", tỷ lệ giải ngân đạt {format_percent(total.ratio)}"
        text += "."
        w.para("body", [Run(text)])
        if len(data.budget) > 1 or total.spent is None:
            for row in data.budget:
                which = "trong kỳ" if row.for_period else "cả năm"
                line = f"{row.name}: dự toán {which} {self.money(row.allocated)}, "
                if row.spent is None:
                    line += "chưa báo cáo số đã sử dụng"
                else:
                    line += f"đã sử dụng {self.money(row.spent)}"
                    if row.ratio is not None:
                        line += f" ({format_percent(row.ratio)})"
                runs = [Run(line + ".")]
                if row.notes:
                    runs += [Run(" "), Run(sentence(row.notes), italic=True)]
                w.bullet(1, runs)

    # II. Đánh giá chung
    def assessment(self, title: str = "Đánh giá chung") -> None:
        p = self.progress
        facts = self.limitation_facts()
        causes = p.causes.objective or p.causes.subjective
        if not (p.strengths or p.limitations or facts or causes or p.lessons):
            return
        w = self.w
        w.heading(1, title)
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
    def directions(self, title: str | None = None) -> None:
        w, data = self.w, self.data
        period = data.period
        next_period = next_period_phrase(period.info.key, period.year)
        w.heading(1, title or f"Phương hướng, nhiệm vụ {next_period}")
        w.blocks(self.progress.directions, 2)
        wrote = self.next_tasks() or bool(self.progress.directions)
        if not wrote:
            w.para("body", [Run("Tiếp tục duy trì, phát huy các kết quả đã đạt được.")])

    def next_tasks(self, level: int = 2) -> bool:
        """Unfinished and upcoming tasks, targets still to reach; whether there were any."""
        w, data = self.w, self.data
        wrote = False
        if data.unfinished:
            w.heading(level, "Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành")
            for task in data.unfinished:
                w.bullet(1, task_runs(task.task, w, False))
            wrote = True
        if data.upcoming:
            w.heading(level, "Triển khai các nhiệm vụ theo kế hoạch")
            for quarter in sorted({t.quarter for t in data.upcoming}):
                w.bullet(1, [Run(f"Quý {roman(quarter)}", bold=True)])
                for task in data.upcoming:
                    if task.quarter == quarter:
                        w.bullet(2, task_runs(task.task, w, False))
            wrote = True
        pending = [
            t
            for t in data.targets
            if t.assessment in ("behind", "on_schedule", "unmet", "unreported")
        ]
        if pending:
            w.heading(level, "Phấn đấu hoàn thành các chỉ tiêu")
            for target in pending:
                label = strip_end_punctuation(target.label)
                if target.achieved is None:
                    text = f"{label}: kế hoạch {amount_text(target, target.planned)}."
                else:
                    text = (
                        f"{label}: còn {amount_text(target, target.remaining)} "
                        f"(đã thực hiện {figure_text(target)})."
                    )
                w.bullet(1, [Run(text)])
            wrote = True
        return wrote

    # IV. Đề xuất, kiến nghị
    def proposals(self, title: str = "Đề xuất, kiến nghị") -> None:
        if self.progress.proposals:
            self.w.heading(1, title)
            self.w.blocks(self.progress.proposals, 2)


def _scope_text(tasks: tuple[TaskResult, ...]) -> str:
    """ "05 nhiệm vụ (quý I, quý II và 02 nhiệm vụ thường xuyên), cùng 01 nhiệm vụ quý IV
    đã thực hiện sớm": each task counted once, an ongoing task under no quarter, a later
    task reported early named apart from the period's own."""
    own = [t for t in tasks if not t.early]
    quarters = ", ".join(
        f"quý {roman(q)}" for q in sorted({t.quarter for t in own if not t.ongoing})
    )
    ongoing = sum(1 for t in own if t.ongoing)
    if ongoing and quarters:
        quarters += f" và {count(ongoing)} nhiệm vụ thường xuyên"
    elif ongoing:
        quarters = "thực hiện thường xuyên"
    text = f"{count(len(own))} nhiệm vụ ({quarters})" if own else "không có nhiệm vụ đến hạn"
    early = [t for t in tasks if t.early]
    if early:
        later = ", ".join(f"quý {roman(q)}" for q in sorted({t.quarter for t in early}))
        text += f", cùng {count(len(early))} nhiệm vụ {later} đã thực hiện sớm"
    return text


def write_sections(w: BodyWriter, data: ReportData, profile: FormatProfile) -> None:
    """Sections I–IV of the report of ``data``, in order (F-HEAD-3, practice for reports)."""
    sections = ReportSections(w, data, profile)
    sections.results()
    sections.assessment()
    sections.directions()
    sections.proposals()


__all__ = ["ReportSections", "write_sections"]
