"""The JSON Schemas editors use: every field explained in Vietnamese, examples valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import kehoach

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("kind", ["plan", "progress"])
def test_every_field_has_a_description(kind):
    """Each property of the schema carries a description (shown by editors)."""
    schema = kehoach.plan_schema(kind)
    parts = [("(root)", schema), *schema.get("$defs", {}).items()]
    missing = [
        f"{name}.{prop}"
        for name, part in parts
        for prop, spec in part.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("plan", "sapa-2022-tuyen-giao.yaml"),
        ("progress", "sapa-2022-progress-6m.yaml"),
        ("progress", "sapa-2022-progress-year.yaml"),
        ("plan", "dan-van-xa-2027.yaml"),
        ("plan", "khoa-giao-2027-theo-dot.yaml"),
        ("plan", "chuong-trinh-2026-2030.yaml"),
        ("progress", "dan-van-xa-2027-progress.yaml"),
        ("progress", "khoa-giao-2027-theo-dot-progress.yaml"),
        ("progress", "chuong-trinh-2026-2030-progress.yaml"),
        ("progress", "bao-cao-tong-ket-2022.yaml"),
    ],
)
def test_examples_validate_against_the_schema(kind, name):
    """An editor checking the examples with the JSON Schema finds no error."""
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    as_json = json.loads(json.dumps(data, default=str))  # YAML dates → ISO strings
    jsonschema.validate(as_json, kehoach.plan_schema(kind))


def test_schema_rejects_an_unknown_key():
    """The schema forbids unknown keys, like the model (extra="forbid")."""
    data = yaml.safe_load((EXAMPLES / "sapa-2022-tuyen-giao.yaml").read_text(encoding="utf-8"))
    data["titel"] = {}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data, default=str)), kehoach.plan_schema())


def test_money_written_as_text_is_valid_for_the_schema_too():
    """ "6.505.490.000" is accepted by the model and by the schema; "6,5" by neither."""
    data = yaml.safe_load((EXAMPLES / "sapa-2022-tuyen-giao.yaml").read_text(encoding="utf-8"))
    data["budget"]["total"] = "6.505.490.000"
    jsonschema.validate(json.loads(json.dumps(data, default=str)), kehoach.plan_schema())
    assert kehoach.load_plan(data).budget.total == 6_505_490_000
    data["budget"]["total"] = "6,5"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data, default=str)), kehoach.plan_schema())
