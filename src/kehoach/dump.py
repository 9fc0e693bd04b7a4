"""Write models back as readable YAML (``kehoach new``, ``next-year``, ``import-sheet``).

Keys keep the model's order, Vietnamese stays readable (no \\u escapes), long text
uses folded-free literal blocks only when it has line breaks, and values equal to
their defaults are left out so the file stays as short as what a person writes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel

from kehoach.loader import check_readable
from kehoach.vi import PartialDate


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]  # PyYAML ships no type hints
    """SafeDumper that never uses aliases (a plan file is read by people)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _partial(dumper: yaml.SafeDumper, value: PartialDate) -> yaml.MappingNode:
    data = {"year": value.year, "month": value.month, "day": value.day}
    return dumper.represent_dict({k: v for k, v in data.items() if v is not None})


def plain_number(value: Decimal) -> int | float:
    """A progress quantity as a person writes it: ``3`` (not ``3.0``), ``2.5``."""
    return int(value) if value == value.to_integral_value() else float(value)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(Decimal, lambda d, v: d.represent_data(plain_number(v)))
_Dumper.add_representer(PartialDate, _partial)
_Dumper.add_representer(
    date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat())
)


def to_data(model: BaseModel) -> dict[str, Any]:
    """The model as plain data, without values equal to their defaults."""
    return model.model_dump(mode="python", exclude_defaults=True, by_alias=True)


def to_yaml(model: BaseModel | dict[str, Any], *, header: str | None = None) -> str:
    """YAML text of ``model``; ``header`` lines become ``# `` comments at the top.

    Raises:
        WordedError: the text would be beyond the limits the loader reads.
    """
    data = to_data(model) if isinstance(model, BaseModel) else model
    text: str = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )
    if header:
        comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        text = comment + "\n" + text
    check_readable(text)  # what kehoach writes, it reads back (docs/limits.md)
    return text


def to_yaml_over(model: BaseModel, original: str | None, *, header: str | None = None) -> str:
    """YAML text of ``model`` written over ``original``, the text of the plan it came
    from: comments, key order and the forms people wrote (``"185 triệu đồng"``,
    ``12/01/2027``) are kept where the value did not change (:mod:`kehoach.rewrite`).

    Without ``original`` (a JSON plan, a dict), or when ruamel.yaml cannot read it, this
    is :func:`to_yaml`.
    """
    from ruamel.yaml.error import YAMLError

    from kehoach.rewrite import rewrite_yaml

    if not original:
        return to_yaml(model, header=header)
    full = model.model_dump(mode="python", by_alias=True)
    try:
        text = rewrite_yaml(original, full, to_data(model), header or "")
    except YAMLError:  # PyYAML read it; ruamel.yaml is stricter in rare cases
        return to_yaml(model, header=header)
    check_readable(text)
    return text
