"""Reading the plan sheet back onto the plan: the workbook checked, then each sheet read.

Targets and tasks are read here, the budget in :mod:`kehoach.sheets.plan_import_budget`;
both go through :class:`~kehoach.sheets.plan_cell_reader.CellReader`, so an unedited cell
keeps the plan's value and every problem names its sheet, row and column.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kehoach.loader import format_path
from kehoach.model import Plan
from kehoach.model.data import iter_target_data
from kehoach.model.placeholders import placeholders
from kehoach.sheets.plan_cell_reader import (
    CellReader,
    match_ids,
    raise_located,
    required_text,
    support_lines,
)
from kehoach.sheets.plan_import_budget import read_budget
from kehoach.sheets.plan_layout import (
    BUDGET,
    BUDGET_COLUMNS,
    LAYOUT,
    LINE_COLUMNS,
    LINES,
    SOURCE_COLUMNS,
    SOURCES,
    TARGET_COLUMNS,
    TARGETS,
    TASK_COLUMNS,
    TASK_COLUMNS_V1,
    TASKS,
    VERSION,
    target_cells,
    task_cells,
)
from kehoach.sheets.plan_places import iter_task_places
from kehoach.sheets.workbook import (
    CellError,
    Problems,
    SheetRow,
    SheetSource,
    bool_cell,
    date_cell,
    int_cell,
    open_workbook,
    read_meta,
    read_table,
    text_cell,
)
from kehoach.vi import KIND_LABELS


def read_plan_sheet(source: SheetSource, plan: Plan) -> Plan:
    """Read a workbook made by :func:`~kehoach.sheets.plan_write.plan_workbook` back onto ``plan``.

    Raises:
        InputError: naming the sheet, row and column of every problem: a moved or
            renamed column, an edited or missing id, a value of the wrong kind, a
            budget that no longer adds up…
    """
    book, name = open_workbook(source)
    meta = read_meta(book, name, LAYOUT, (1, VERSION))
    task_columns = TASK_COLUMNS_V1 if str(meta.get("version")) == "1" else TASK_COLUMNS
    problems = Problems(name)
    if str(meta.get("plan_year")) != str(plan.year):
        problems.add(
            "kehoach",
            f"bảng tính xuất từ kế hoạch năm {meta.get('plan_year')}, kế hoạch là năm "
            f"{plan.year}: xuất lại bảng tính từ kế hoạch này",
            f"the workbook was exported from the plan for {meta.get('plan_year')}, the plan "
            f"is for {plan.year}: export it again from this plan",
        )
        problems.raise_if_any()
    tables = {
        title: read_table(book, title, columns, problems)
        for title, columns in (
            (TARGETS, TARGET_COLUMNS),
            (TASKS, task_columns),
            (BUDGET, BUDGET_COLUMNS),
            (SOURCES, SOURCE_COLUMNS),
            (LINES, LINE_COLUMNS),
        )
    }
    problems.raise_if_any()
    data = plan.model_dump()
    reader = CellReader(problems)
    _read_targets(tables[TARGETS] or [], data, reader)
    _read_tasks(tables[TASKS] or [], data, reader, task_columns)
    read_budget(tables, data, reader)
    problems.raise_if_any()
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise_located(exc, reader, data)
    raise AssertionError("unreachable")  # pragma: no cover


_KIND_WORDS = {
    **{key: key for key in KIND_LABELS},
    **{label.casefold(): key for key, label in KIND_LABELS.items()},
    "one-off": "one_off",
    "hàng năm": "yearly",
    "cộng dồn": "cumulative",
    "tỉ lệ": "ratio",
}


def kind_cell(value: Any) -> str | None:
    """A target's kind from its label ("Hằng năm", "Cộng dồn", "Một lần", "Tỷ lệ") or key."""
    text = text_cell(value)
    if text is None or not text.strip():
        return None
    kind = _KIND_WORDS.get(" ".join(text.split()).casefold())
    if kind is None:
        raise CellError(
            f"'{text}' không phải loại chỉ tiêu (hằng năm, cộng dồn, một lần, tỷ lệ)",
            f"'{text}' is not a target kind (yearly, cumulative, one_off, ratio)",
        )
    return kind


def _read_targets(rows: list[SheetRow], data: dict[str, Any], reader: CellReader) -> None:
    places = list(iter_target_data(data))
    known = [t["id"] for _, t, _ in places]
    by_id = match_ids(TARGETS, rows, known, reader.problems, ("chỉ tiêu", "target"))
    for path, target, sentence in places:
        row = by_id.get(target["id"])
        if row is None:
            continue
        written = target_cells(target, sentence)
        prefix = format_path(path)
        for key, parse in (
            ("quantity", int_cell),
            ("unit", required_text),
            ("qualifier", text_cell),
            ("label", text_cell),
            ("kind", kind_cell),
        ):
            value = reader.value(
                TARGETS,
                TARGET_COLUMNS,
                row,
                key,
                written[key],
                target[key],
                parse,
                f"{prefix}.{key}",
            )
            if key == "quantity" and value is None:
                reader.problem(
                    TARGETS,
                    TARGET_COLUMNS,
                    row,
                    "quantity",
                    "thiếu số lượng của chỉ tiêu",
                    "the target's quantity is missing",
                )
                value = target[key]
            target[key] = value


_TASK_FIELDS = (
    ("text", required_text),
    ("count", int_cell),
    ("unit", text_cell),
    ("lead", text_cell),
    ("support", support_lines),
    ("when", text_cell),
    ("result", text_cell),
    ("due", date_cell),
    ("recurring", bool_cell),
)


def _read_tasks(
    rows: list[SheetRow], data: dict[str, Any], reader: CellReader, columns: tuple[Any, ...]
) -> None:
    """Every task's row read back: a version 1 quarterly task may move to another quarter
    (rows in order within it); a task of a version 2 tasks block keeps its place."""
    places = {p.task["id"]: p for p in iter_task_places(data)}
    if not places:
        if rows:
            reader.problems.add(
                TASKS,
                "kế hoạch chưa có nhiệm vụ nào: thêm nhiệm vụ trong tệp YAML",
                "the plan has no tasks: add them in the YAML file",
                row=rows[0].number,
            )
        return
    by_id = match_ids(TASKS, rows, list(places), reader.problems, ("nhiệm vụ", "task"))
    target_ids = {t["id"] for _, t, _ in iter_target_data(data)}
    keys = {c.key for c in columns}
    schedule = (data.get("content") or {}).get("tasks")
    placed: dict[int, list[tuple[dict[str, Any], SheetRow]]] = {
        q["quarter"]: [] for q in (schedule or {}).get("quarters", [])
    }
    for row in rows:
        item_id = text_cell(row.values["id"])
        if item_id is None or by_id.get(item_id.strip()) is not row:
            continue
        place = places[item_id.strip()]
        task = place.task
        written = task_cells(task, place.quarter, place.where)
        prefix = f"@{row.number}" if place.scheduled else place.field
        new = dict(task)
        for key, parse in _TASK_FIELDS:
            if key in keys:
                new[key] = reader.value(
                    TASKS, columns, row, key, written[key], task[key], parse, f"{prefix}.{key}"
                )
        _check_placeholders(new["text"], target_ids, reader, columns, row)
        quarter = reader.value(
            TASKS,
            columns,
            row,
            "quarter",
            written["quarter"],
            place.quarter,
            int_cell,
            f"{prefix}.quarter",
        )
        if place.scheduled:
            placed.setdefault(_quarter(quarter, place.quarter, reader, columns, row), []).append(
                (new, row)
            )
            continue
        if quarter != place.quarter:
            reader.problem(
                TASKS,
                columns,
                row,
                "quarter",
                "chỉ đổi được quý của nhiệm vụ trong phần nhiệm vụ theo quý; nhiệm vụ này ở "
                f"«{place.where}»: chuyển nó trong tệp YAML",
                "only tasks of the quarterly schedule change quarter here; this one is in "
                f"«{place.where}»: move it in the YAML file",
            )
        task.clear()
        task.update(new)
        reader.places[place.field] = (TASKS, row.number, 1, columns[0].title)
    if schedule is not None:
        _rebuild_schedule(schedule, placed, reader, columns)


def _quarter(
    quarter: Any, old: int | None, reader: CellReader, columns: tuple[Any, ...], row: SheetRow
) -> int:
    if quarter in (1, 2, 3, 4):
        return int(quarter)
    reader.problem(
        TASKS,
        columns,
        row,
        "quarter",
        f"quý phải là 1, 2, 3 hoặc 4 (ô ghi '{row.values['quarter']}')",
        f"the quarter must be 1, 2, 3 or 4 (the cell holds '{row.values['quarter']}')",
    )
    return old or 1


def _check_placeholders(
    text: str, target_ids: set[str], reader: CellReader, columns: tuple[Any, ...], row: SheetRow
) -> None:
    unknown = set(placeholders(text)) - target_ids - {"count"}
    if unknown:
        reader.problem(
            TASKS,
            columns,
            row,
            "text",
            f"{{{sorted(unknown)[0]}}} trong nội dung không phải mã chỉ tiêu nào; viết \\{{ "
            "nếu muốn giữ dấu ngoặc",
            f"{{{sorted(unknown)[0]}}} in the text names no target; write \\{{ for a brace",
        )


def _rebuild_schedule(
    schedule: dict[str, Any],
    placed: dict[int, list[tuple[dict[str, Any], SheetRow]]],
    reader: CellReader,
    columns: tuple[Any, ...],
) -> None:
    """The version 1 quarters from the rows read, each in sheet order; every cell's place
    moved from its row ("@12.text") to the task's new path."""
    quarters = []
    by_row: dict[str, list[tuple[str, Any]]] = {}  # "@12" → its cells: linear, not rows × cells
    for key, place in reader.places.items():
        if key.startswith("@"):
            row_key, _, field = key.partition(".")
            by_row.setdefault(row_key, []).append((field, place))
    for qi, number in enumerate(sorted(placed)):
        entries = placed[number]
        old = next((q for q in schedule["quarters"] if q["quarter"] == number), None)
        quarters.append({**(old or {}), "quarter": number, "tasks": [t for t, _ in entries]})
        for ti, (_, row) in enumerate(entries):
            path = f"content.tasks.quarters[{qi}].tasks[{ti}]"
            for field, place in by_row.get(f"@{row.number}", []):
                reader.places[f"{path}.{field}"] = place
            reader.places[path] = (TASKS, row.number, 1, columns[0].title)
    schedule["quarters"] = quarters
