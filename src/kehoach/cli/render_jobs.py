"""One document of a ``kehoach render`` or ``report`` batch, made in any process.

A plan: load, compose, render, review — each plan file is parsed and validated once;
its review warnings get their lines from the same parse. A report: load the plan and
the progress, compose, render. The result carries the document or the worded errors,
so the parent prints and writes in the order of the command line whichever process
did the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kehoach.errors import KehoachError, OutputExistsError

if TYPE_CHECKING:
    import pluggy

    from kehoach import PlanWarning, Positions


class BatchJob(Protocol):
    """One input of a batch: the name its errors are listed under, where its file goes."""

    @property
    def name(self) -> str: ...

    @property
    def target(self) -> Path: ...


@dataclass(frozen=True)
class RenderJob:
    """What a worker needs to render one plan."""

    plan: str
    target: Path
    force: bool
    lang: str

    @property
    def name(self) -> str:
        """The plan file, as given."""
        return self.plan


@dataclass(frozen=True)
class Rendered:
    """The outcome of one job: a document, or the errors that stopped it.

    Attributes:
        data: The DOCX bytes; ``None`` when the job failed.
        errors: Worded errors (file, line, field), in the job's language.
        warnings: Review warnings, each "file, line N: …" (a report's: what the progress
            leaves to check), in the job's language; printed even when the job failed.
    """

    job: BatchJob
    data: bytes | None
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


_plugins: pluggy.PluginManager | None = None


def use(plugins: pluggy.PluginManager) -> None:
    """Render with these plugins in this process (forked workers inherit them)."""
    global _plugins
    _plugins = plugins


def start(disabled: tuple[str, ...]) -> None:
    """A worker's own plugins: those of the run (``--disable-plugin`` ones left out)."""
    from kehoach import get_plugin_manager

    use(get_plugin_manager(disabled=disabled))


def render_one(job: RenderJob) -> Rendered:
    """Render one plan; a problem of the plan is returned, not raised."""
    from kehoach import compose, load_plan_located, plugin_renderer, review_plan

    try:
        plan, positions = load_plan_located(job.plan, plugin_manager=_plugins)
        if not job.force and job.target.exists():
            raise OutputExistsError(job.target)
        document = compose(plan)
        data = plugin_renderer(plan, document, _plugins).render_bytes(document)
        warnings = review_plan(plan, plugin_manager=_plugins)
    except KehoachError as exc:
        return Rendered(job, None, errors=tuple(exc.messages(job.lang)))
    return Rendered(job, data, warnings=warning_lines(job.plan, warnings, positions, job.lang))


@dataclass(frozen=True)
class ReportJob:
    """What a worker needs to make one report: a plan and its progress."""

    plan: str
    progress: str
    period: str | None
    target: Path
    force: bool
    lang: str

    @property
    def name(self) -> str:
        """The progress file, as given (one plan may have several)."""
        return self.progress


def report_one(job: ReportJob) -> Rendered:
    """Make one report; a problem of its files is returned, not raised."""
    import warnings

    from kehoach import ProgressWarning, compose_report, load_plan, plugin_renderer

    lines: list[str] = []
    try:
        plan = load_plan(job.plan)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ProgressWarning)
            document = compose_report(plan, job.progress, period=job.period)
        for item in caught:
            if isinstance(item.message, ProgressWarning):
                lines.append(item.message.message(job.lang))
            else:  # pragma: no cover - another library's warning: show it as Python would
                warnings.showwarning(item.message, item.category, item.filename, item.lineno)
        if not job.force and job.target.exists():
            raise OutputExistsError(job.target)
        data = plugin_renderer(plan, document, _plugins).render_bytes(document)
    except KehoachError as exc:
        return Rendered(job, None, errors=tuple(exc.messages(job.lang)), warnings=tuple(lines))
    return Rendered(job, data, warnings=tuple(lines))


def warning_lines(
    name: str, warnings: Sequence[PlanWarning], positions: Positions, lang: str
) -> tuple[str, ...]:
    """Review warnings, each with the line of the plan file it is about."""
    line_word = "line" if lang == "en" else "dòng"
    lines = []
    for warning in warnings:
        line = positions.line_of(warning.field) if warning.field else None
        where = f", {line_word} {line}" if line else ""
        lines.append(f"{name}{where}: {warning.line(lang)}")
    return tuple(lines)
