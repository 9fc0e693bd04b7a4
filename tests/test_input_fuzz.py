"""Odd values anywhere in plan or progress data: worded InputErrors, never tracebacks."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import InputError, load_plan, load_progress
from report_data import PLAN, PROGRESS_YEAR

_PLAN_DATA = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
_PROGRESS_DATA = yaml.safe_load(PROGRESS_YEAR.read_text(encoding="utf-8"))

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(["", "{x}", "[Ghi]", "2022-02-30", "30/6/2022", "1.000", "4,5", "q1"]),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.datetimes(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        found += _paths(value, (*path, key))
    return found


_PLAN_PATHS = _paths(_PLAN_DATA)
_PROGRESS_PATHS = _paths(_PROGRESS_DATA)


def _changed(base: dict[str, Any], changes: list[tuple[tuple[Any, ...], Any]]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    for path, value in changes:
        node = data
        try:
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change replaced a parent
    return data


def _assert_worded(load: Any, data: dict[str, Any]) -> None:
    try:
        load(data)
    except InputError as error:
        for problem in error.problems:
            # a Vietnamese wording of its own: no pydantic English, no union tags in paths
            assert problem.message_vi != problem.message_en, problem
            assert "function-" not in problem.field and "PartialDate" not in problem.field


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(_PLAN_PATHS), _VALUES), min_size=1, max_size=3))
def test_odd_values_in_a_plan_give_worded_errors(changes):
    """Whatever replaces parts of a plan, loading it succeeds or gives Vietnamese problems."""
    _assert_worded(load_plan, _changed(_PLAN_DATA, changes))


@_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(_PROGRESS_PATHS), _VALUES), min_size=1, max_size=3))
def test_odd_values_in_progress_give_worded_errors(changes):
    """Whatever replaces parts of progress data, it loads or gives Vietnamese problems."""
    _assert_worded(load_progress, _changed(_PROGRESS_DATA, changes))


@pytest.mark.parametrize(
    ("change", "vietnamese"),
    [
        ({"period": 5}, "hoặc 'year'"),
        ({"tasks": [{"id": "a", "status": "done_on_time"}, {"id": "a"}]}, "nhiệm vụ 'a'"),
        ({"header": {"date": {"year": 2022, "mon": 1}}}, "không có trong mẫu"),
        ({"targets": [{"id": "a", "achieved": []}]}, "phải là số"),
    ],
)
def test_pydantic_wordings_are_translated(change, vietnamese):
    """Choices, unknown keys and odd numbers read in Vietnamese, without English words."""
    with pytest.raises(InputError) as info:
        load_progress(change)
    messages = [p.message_vi for p in info.value.problems]
    assert any(vietnamese in m for m in messages), messages
    assert not any(" or " in m for m in messages), messages


def test_a_duplicate_id_names_its_kind_in_vietnamese():
    """ "mã nhiệm vụ 'x' bị dùng hai lần", not "mã task"."""
    data = copy.deepcopy(_PLAN_DATA)
    tasks = data["content"]["tasks"]["quarters"][0]["tasks"]
    tasks.append(dict(tasks[0]))
    with pytest.raises(InputError) as info:
        load_plan(data)
    (problem,) = info.value.problems
    assert problem.message_vi.startswith("mã nhiệm vụ ")
