"""The JSON Schemas the page builds its forms from: kehoach's, with the plugins' kinds.

``kehoach schema`` describes a plugin's block only as "Khối do plugin thêm" (any
``{key: value}``), because it does not load plugins. The page knows the server's
plugins, so each block kind they add is listed by name with its own model's fields,
just before that generic entry; the form then shows the kind like kehoach's own. Fields
kehoach writes itself (a progress file's ``generated_from``) are marked ``readOnly``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pluggy

    from kehoach.model import BlockKind

__all__ = ["page_schema"]

_GENERIC_TITLE = "Khối do plugin thêm"


def page_schema(kind: str, pm: pluggy.PluginManager) -> dict[str, Any]:
    """The schema of ``kind`` (``plan`` or ``progress``) for the page's forms."""
    from kehoach import plan_schema
    from kehoach.plugin_host.manager import block_kinds_of

    schema = plan_schema(kind)
    if kind == "progress":
        generated = schema.get("properties", {}).get("generated_from")
        if isinstance(generated, dict):
            generated["readOnly"] = True
        return schema
    kinds = block_kinds_of(pm)
    if kinds:
        definitions = schema.setdefault("$defs", {})
        variants = [_variant(k, definitions) for k in kinds]
        _insert(schema, variants)
    return schema


def _variant(kind: BlockKind, definitions: dict[str, Any]) -> dict[str, Any]:
    """``{key: value}`` of one plugin kind, its model's definitions merged into ``$defs``."""
    value = kind.model.model_json_schema(ref_template="#/$defs/{model}")
    for name, definition in value.pop("$defs", {}).items():
        definitions.setdefault(name, definition)
    return {
        "title": kind.key,
        "type": "object",
        "properties": {kind.key: value},
        "required": [kind.key],
        "additionalProperties": False,
    }


def _generic_without(generic: dict[str, Any], variants: list[dict[str, Any]]) -> dict[str, Any]:
    """The generic entry, no longer matching the named kinds (``oneOf`` needs one match)."""
    names = generic.get("propertyNames", {}).get("not", {}).get("enum", [])
    keys = [v["title"] for v in variants]
    return {**generic, "propertyNames": {"not": {"enum": sorted({*names, *keys})}}}


def _insert(node: Any, variants: list[dict[str, Any]]) -> None:
    """Put ``variants`` before every generic plugin entry of a ``oneOf``/``anyOf`` list."""
    if isinstance(node, dict):
        for key in ("oneOf", "anyOf"):
            options = node.get(key)
            if isinstance(options, list):
                at = next(
                    (
                        i
                        for i, o in enumerate(options)
                        if isinstance(o, dict) and o.get("title") == _GENERIC_TITLE
                    ),
                    None,
                )
                if at is not None:
                    options[at] = _generic_without(options[at], variants)
                    options[at:at] = [dict(v) for v in variants]
        for value in node.values():
            _insert(value, variants)
    elif isinstance(node, list):
        for item in node:
            _insert(item, variants)
