"""Rule ids cited in code and tests exist in the format specification."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "docs" / "spec" / "party-document-format.md"
RULE_ID = re.compile(r"\b([FVS]-[A-Z]+-\d+|S-\d\d)\b")


def test_cited_rule_ids_exist_in_the_spec():
    """Every F-…/V-… id cited in src/ and tests/ is defined in the spec."""
    defined = set(RULE_ID.findall(SPEC.read_text(encoding="utf-8")))
    cited: dict[str, str] = {}
    for folder in ("src", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for rule in RULE_ID.findall(path.read_text(encoding="utf-8")):
                cited.setdefault(rule, str(path.relative_to(ROOT)))
    unknown = {rule: where for rule, where in cited.items() if rule not in defined}
    assert unknown == {}
