"""Read plan data from YAML or JSON files, with errors that name file, line and field."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from kehoach.errors import InputError, Problem, WordedError
from kehoach.field_help import field_meaning, nearest_names
from kehoach.input_limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Budget,
    TooMuch,
    read_bounded,
    too_large_problem,
    too_much_problem,
)
from kehoach.json_input import lone_surrogates, pairs_noting, without_surrogate_escapes
from kehoach.messages import word_error, yaml_problem_vi

M = TypeVar("M", bound=BaseModel)


Position = tuple[int, int]  # 1-based line, column


class _Positions:
    """Where each value of a YAML/JSON document starts, by its path of keys and indexes.

    Data given as Python values has no lines (:func:`data_positions`): its paths are
    known all the same, so an error is named by the path a person wrote.
    """

    def __init__(self) -> None:
        self.at: dict[tuple[Any, ...], Position | None] = {}
        self.keys: dict[tuple[Any, ...], set[str]] = {}

    def locate(self, loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], Position | None]:
        """Follow a pydantic error location; drop the union tags that are not keys.

        Returns the path as the user wrote it and the position of its deepest known part.
        """
        path: tuple[Any, ...] = ()
        for index, part in enumerate(loc):
            keys = self.keys.get(path, set())
            if isinstance(part, int) and (*path, part) not in self.at and str(part) in keys:
                part = str(part)  # a key YAML read as a number ("2022: …")
            if isinstance(part, str):
                following = loc[index + 1] if index + 1 < len(loc) else None
                if part not in keys and (*path, part) not in self.at:
                    continue  # a union member's name, such as "PartialDate"
                if part in _TAGS and following in keys:
                    continue  # a block tag ("bullet") followed by the real key
            path = (*path, part)
        found = path
        while found and found not in self.at:
            found = found[:-1]
        return path, self.at.get(found)

    def line_of(self, field: str) -> int | None:
        """The line where ``field`` ("content.tasks.quarters[0].tasks[1].text") is written."""
        path = tuple(int(part) if part.isdigit() else part for part in _FIELD_PART.findall(field))
        position = self.locate(path)[1] if path else None
        return position[0] if position else None


# The names pydantic gives union members in error locations ("closing[0].bullet.bullet").
_TAGS = {"str", "text", "bullet", "section", "table", "item", "date", "PartialDate", "int"}


Positions = _Positions
"""The public name of a file's positions (:func:`kehoach.load_plan_located`)."""


def data_positions(data: Any) -> _Positions:
    """The paths of data given as Python values (no lines), to name errors as written."""
    positions = _Positions()
    _fill_positions(data, (), positions, None)
    return positions


def _fill_positions(
    value: Any, path: tuple[Any, ...], positions: _Positions, budget: Budget | None
) -> None:
    positions.at.setdefault(path, None)
    if budget is not None:
        budget.spend(len(value) if isinstance(value, str) else 0)
    if len(path) > MAX_DEPTH:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str):
                positions.keys.setdefault(path, set()).add(key)
                _fill_positions(item, (*path, key), positions, budget)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _fill_positions(item, (*path, index), positions, budget)


_FIELD_PART = re.compile(r"[^.\[\]]+")


def _walk(node: yaml.Node, path: tuple[Any, ...], out: _Positions, budget: Budget) -> None:
    """Record where each value is; an alias is walked each time it is used, so the
    budget counts the data as validation will see it, expanded."""
    budget.spend(len(node.value) if isinstance(node, yaml.ScalarNode) else 0)
    if len(path) > MAX_DEPTH:
        raise _TooDeep
    out.at.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue  # "? [a, b]": the constructor reports the unhashable key
            key = key_node.value
            if key in seen:
                raise _DuplicateKey(key, key_node.start_mark.line + 1, seen[key])
            seen[key] = key_node.start_mark.line + 1
            budget.chars -= len(key)
            out.keys.setdefault(path, set()).add(key)
            _walk(value_node, (*path, key), out, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), out, budget)


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line


class _TooDeep(Exception):
    pass


class _BadScalar(Exception):
    """A scalar YAML reads as a date or an integer but cannot hold: 2022-02-30, 10**5000."""

    def __init__(self, node: yaml.Node, kind: str):
        self.node, self.kind = node, kind


# libyaml's parser when PyYAML has it (several times faster); the safe constructor either way.
_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[misc]
    """The safe loader, with dates and integers that cannot be built reported by position."""


def _checked(tag: str, kind: str) -> None:
    build = _BASE_LOADER.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return build(loader, node)
        except ValueError:  # day out of range, an integer beyond Python's digit limit…
            raise _BadScalar(node, kind) from None

    _Loader.add_constructor(tag, construct)


_checked("tag:yaml.org,2002:timestamp", "date")
_checked("tag:yaml.org,2002:int", "int")


def _compose_and_construct(text: str, positions: _Positions) -> Any:
    """Parse once: record every value's position from the node tree, then build the data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _Empty
        _walk(node, (), positions, Budget())
        return loader.construct_document(node)
    finally:
        loader.dispose()


class _Empty(Exception):
    pass


def format_path(path: tuple[Any, ...]) -> str:
    """ "content.objectives.areas[0].title" from a path of keys and indexes."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_data(path: str | Path) -> tuple[Any, _Positions]:
    """Parse a YAML or JSON file; raise :class:`InputError` with a line on any problem."""
    path = Path(path)
    raw = read_bounded(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path,
            [
                Problem(
                    "",
                    "tệp không phải văn bản UTF-8 (hãy lưu lại với mã UTF-8)",
                    "the file is not UTF-8 text (save it as UTF-8)",
                    line=line,
                )
            ],
        ) from None
    positions = _Positions()
    try:
        if path.suffix.lower() == ".json":
            return _parse_json(path, text, positions), positions
        return _parse_yaml(path, text, positions), positions
    except (_TooDeep, RecursionError):
        raise InputError(
            path,
            [
                Problem(
                    "",
                    f"tệp lồng nhau quá sâu (quá {MAX_DEPTH} cấp)",
                    f"the file is nested too deeply (more than {MAX_DEPTH} levels)",
                )
            ],
        ) from None


def _parse_json(path: Path, text: str, positions: _Positions) -> Any:
    """JSON, held to YAML's rules: duplicate keys refused, lines known, limits counted."""
    duplicates: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=pairs_noting(duplicates))
    except json.JSONDecodeError as exc:
        raise InputError(
            path,
            [
                Problem(
                    "",
                    f"JSON không hợp lệ: {exc.msg}",
                    f"invalid JSON: {exc.msg}",
                    exc.lineno,
                    exc.colno,
                )
            ],
        ) from None
    except ValueError:  # an integer beyond Python's digit limit
        raise InputError(
            path,
            [Problem("", "tệp có số quá nhiều chữ số", "a number has too many digits")],
        ) from None
    try:
        try:  # JSON is YAML: the YAML composer knows every value's line
            node = yaml.compose(without_surrogate_escapes(text), Loader=_Loader)
            if node is not None:
                _walk(node, (), positions, Budget())
        except yaml.YAMLError:  # JSON that YAML reads otherwise: keys known, lines not
            positions.at.clear()
            positions.keys.clear()
            _fill_positions(data, (), positions, Budget())
    except TooMuch as error:
        raise InputError(path, [too_much_problem(error)]) from None
    except _DuplicateKey as dup:
        raise InputError(path, [_duplicate_problem(dup)]) from None
    if duplicates:
        key = duplicates[0]
        raise InputError(
            path,
            [Problem(key, f"trường '{key}' ghi hai lần", f"key '{key}' appears twice")],
        )
    surrogates = _surrogate_problems(data, positions)
    if surrogates:
        raise InputError(path, surrogates)
    return data


def _surrogate_problems(data: Any, positions: _Positions) -> list[Problem]:
    """A lone half of a surrogate pair ("\\ud800") is no character: named at its place."""
    problems = []
    for path, bad in lone_surrogates(data):
        _, where = positions.locate(path)
        line, column = where if where else (None, None)
        code = f"\\u{ord(bad):04x}"
        problems.append(
            Problem(
                format_path(path),
                f"có mã {code} không phải ký tự (nửa cặp UTF-16 đứng một mình)",
                f"{code} is not a character (a lone UTF-16 surrogate)",
                line,
                column,
            )
        )
    return problems


def _parse_yaml(path: Path, text: str, positions: _Positions) -> Any:
    try:
        return _compose_and_construct(text, positions)
    except _Empty:
        raise InputError(path, [Problem("", "tệp rỗng", "the file is empty")]) from None
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):
            raise _TooDeep from None  # newer libyaml refuses deep nesting itself
        mark = exc.problem_mark
        detail = yaml_problem_vi(exc.problem) if exc.problem else "lỗi cú pháp"
        raise InputError(
            path,
            [
                Problem(
                    "",
                    f"YAML không hợp lệ: {detail}",
                    f"invalid YAML: {exc.problem or 'syntax error'}",
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(
            path, [Problem("", f"YAML không hợp lệ: {exc}", f"invalid YAML: {exc}")]
        ) from None
    except _DuplicateKey as dup:
        raise InputError(path, [_duplicate_problem(dup)]) from None
    except _BadScalar as bad:
        raise InputError(path, [_bad_scalar(bad, positions)]) from None
    except TooMuch as error:
        raise InputError(path, [too_much_problem(error)]) from None


def _duplicate_problem(dup: _DuplicateKey) -> Problem:
    return Problem(
        dup.key,
        f"trường '{dup.key}' ghi hai lần (lần đầu ở dòng {dup.first_line})",
        f"key '{dup.key}' appears twice (first at line {dup.first_line})",
        dup.line,
    )


def _bad_scalar(bad: _BadScalar, positions: _Positions) -> Problem:
    """The problem of a value YAML cannot build, at its line and field."""
    mark = bad.node.start_mark
    where = (mark.line + 1, mark.column + 1)
    field = next((p for p, at in positions.at.items() if at == where and p), ())
    value = str(bad.node.value)
    if bad.kind == "date":
        vi = f"'{value}' không phải ngày hợp lệ (viết 2022-01-15)"
        en = f"'{value}' is not a valid date (write 2022-01-15)"
    else:
        vi, en = "số có quá nhiều chữ số", "the number has too many digits"
    return Problem(format_path(field), vi, en, *where)


def check_readable(text: str) -> None:
    """Refuse to write YAML that :func:`read_data` would refuse: too large, too much.

    Raises:
        WordedError: the text is beyond a limit of docs/limits.md.
    """
    problem: Problem | None = None
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        problem = too_large_problem()
    else:
        try:
            _compose_and_construct(text, _Positions())
        except TooMuch as error:
            problem = too_much_problem(error)
    if problem is not None:
        raise WordedError(
            f"không ghi: kehoach sẽ không đọc lại được tệp này ({problem.message_vi})",
            f"not written: kehoach could not read the file back ({problem.message_en})",
        )


def read_mapping(path: str | Path) -> tuple[dict[str, Any], _Positions]:
    """:func:`read_data` for a file that must hold a mapping (key: value), as plans do."""
    data, positions = read_data(path)
    if not isinstance(data, dict):
        raise InputError(
            path,
            [
                Problem(
                    "",
                    "nội dung tệp phải là một nhóm trường (key: value)",
                    "the file must hold a mapping (key: value)",
                    1,
                    1,
                )
            ],
        )
    return data, positions


def positions_of(path: str | Path) -> _Positions:
    """Where each value of a (valid) YAML/JSON file is written, to point people at lines."""
    return read_data(path)[1]


def problems_from(
    error: ValidationError, positions: _Positions, model: type[BaseModel] | None = None
) -> list[Problem]:
    """Located, worded problems from a pydantic error; one per field.

    ``positions`` are those of the file read (:func:`read_data`), or of the data
    validated (:func:`data_positions`). When several members of a union fail on the
    same value, the most telling error is kept: "month must be at most 12" rather than
    "is not a date". With the ``model`` validated, a missing field is named with its
    meaning and an unknown key with the nearest valid names.
    """
    chosen: dict[tuple[Any, ...], tuple[dict[str, Any], Position | None]] = {}
    for details in error.errors(include_url=False):
        item: dict[str, Any] = dict(details)
        # A plan-wide rule names the place it found (ctx "at", a path below the model).
        item["loc"] = (*item["loc"], *(item.get("ctx") or {}).get("at", ()))
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc:
            parent, where = positions.locate(loc[:-1])  # the key is absent: point at its parent
            path = (*parent, loc[-1])
        else:
            path, where = positions.locate(loc)
        current = chosen.get(path)
        if current is None or (_is_type_error(current[0]) and not _is_type_error(item)):
            chosen[path] = (item, where)
    problems = []
    for path, (item, where) in chosen.items():
        vi, en = word_error(item)
        if model is not None and path and isinstance(path[-1], str):
            vi, en = _with_field_help(item["type"], model, path, vi, en)
        line, column = where if where else (None, None)
        problems.append(Problem(format_path(path), vi, en, line, column))
    return problems


def _with_field_help(
    kind: str, model: type[BaseModel], path: tuple[Any, ...], vi: str, en: str
) -> tuple[str, str]:
    """A missing field's name and meaning; an unknown key's nearest valid names."""
    parent, key = path[:-1], path[-1]
    if kind == "missing":
        meaning = field_meaning(model, parent, key)
        extra = f" ({meaning})" if meaning else ""
        return f"thiếu trường bắt buộc {key}{extra}", f"required field {key} is missing"
    if kind == "extra_forbidden":
        names = ", ".join(nearest_names(model, parent, key))
        if names:
            return f"{vi}; có phải: {names}?", f"{en}; did you mean: {names}?"
    return vi, en


def _is_type_error(item: Any) -> bool:
    kind = str(item["type"])
    return kind.endswith("_type") or kind.startswith("union_tag")


def load_model(model: type[M], source: str | Path | Mapping[str, Any]) -> M:
    """Validate ``source`` (a YAML/JSON file path, or a dict) as ``model``.

    Raises:
        InputError: naming the file, line and field of every problem.
    """
    if isinstance(source, Mapping):
        data = dict(source)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise InputError("<dict>", problems_from(exc, data_positions(data), model)) from None
    return load_located(model, source)[0]


def load_located(model: type[M], path: str | Path) -> tuple[M, _Positions]:
    """:func:`load_model` of a file, with where each value is written in it.

    The file is parsed once: the positions serve the validation errors and, after,
    the review warnings (a batch of plans must not parse each file twice).
    """
    data, positions = read_mapping(path)
    try:
        return model.model_validate(data), positions
    except ValidationError as exc:
        raise InputError(path, problems_from(exc, positions, model)) from None
