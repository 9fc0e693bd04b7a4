"""The ``core`` plugin: kehoach's default letterhead template and built-in review checks.

Its template answer runs last (``trylast=True``), so an organisation's plugin that
returns its own template replaces the default letterhead.
"""

from __future__ import annotations

from pathlib import Path

from kehoach import Plan, PlanWarning, builtin_warnings, hookimpl


@hookimpl(trylast=True)
def kehoach_template() -> Path:
    """The built-in ``party.docx``."""
    from kehoach import default_template

    return default_template()


@hookimpl
def kehoach_review_plan(plan: Plan) -> list[PlanWarning]:
    """F-SUBJ-1, recipients, plan year, F-BODY-6, places left to fill, bodies that ended."""
    return builtin_warnings(plan)
