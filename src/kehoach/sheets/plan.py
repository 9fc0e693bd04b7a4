"""Plans as spreadsheets: the parts staff keep in Excel, out and back in without loss.

``kehoach export-sheet`` writes a plan's targets, tasks, budget amounts, sources and
detail lines to an .xlsx workbook; ``kehoach import-sheet`` reads the workbook back
onto the same plan. Everything else (the text of the body, headings, signature…)
stays in the YAML file.

Layout (version 1), one header row per sheet; ids sit in locked grey columns:

- ``Chỉ tiêu``: Mã chỉ tiêu | Câu trong kế hoạch (read only) | Số lượng | Đơn vị tính |
  Từ đứng trước | Tên chỉ tiêu
- ``Nhiệm vụ``: Mã nhiệm vụ | Quý | Nội dung nhiệm vụ | Số lượng | Đơn vị tính | Chủ trì |
  Phối hợp (one unit per line) | Thời hạn | Lặp lại hằng năm (có/không); changing Quý
  moves a task, the row order is the order within a quarter
- ``Kinh phí``: Tổng kinh phí, Nhu cầu kinh phí năm kế hoạch
- ``Nguồn kinh phí``: Mã nguồn | Tên nguồn | Số tiền (đồng)
- ``Dự toán kinh phí``: Mã dòng | Nội dung chi | Số tiền (đồng) | Mã nguồn | Ghi chú;
  rows without an id may be added or removed
- ``kehoach``: layout name, version, plan year

Targets and tasks are added or removed in the YAML file (a target lives in a sentence;
a task id is what reports trace): every id of the plan must have its row and no other
id may appear, so an edited id is reported with its row. A cell left as exported keeps
the plan's value exactly; an amount too large for a spreadsheet number (10^15 đồng and
more) is written as text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from kehoach.errors import Problem
from kehoach.loader import problems_from
from kehoach.model import Plan
from kehoach.model.placeholders import placeholders
from kehoach.sheets.workbook import (
    CellError,
    Column,
    Problems,
    SheetRow,
    SheetSource,
    add_meta_sheet,
    add_table_sheet,
    bool_cell,
    date_cell,
    int_cell,
    money_cell,
    money_value,
    new_workbook,
    open_workbook,
    read_meta,
    read_table,
    same_cell,
    text_cell,
    workbook_bytes,
)

LAYOUT = "kehoach-plan"
VERSION = 1

TARGETS = "Chỉ tiêu"
TASKS = "Nhiệm vụ"
BUDGET = "Kinh phí"
SOURCES = "Nguồn kinh phí"
LINES = "Dự toán kinh phí"

MONEY = "#,##0"
SPARE_LINES = 50  # empty editable rows under the budget lines and sources

TARGET_COLUMNS = (
    Column("id", "Mã chỉ tiêu", 22, locked=True),
    Column("context", "Câu trong kế hoạch (chỉ để xem)", 60, locked=True),
    Column("quantity", "Số lượng", 10, number_format="0"),
    Column("unit", "Đơn vị tính", 16),
    Column("qualifier", "Từ đứng trước", 14),
    Column("label", "Tên chỉ tiêu", 50),
)
TASK_COLUMNS = (
    Column("id", "Mã nhiệm vụ", 24, locked=True),
    Column("quarter", "Quý", 6, number_format="0"),
    Column("text", "Nội dung nhiệm vụ", 70),
    Column("count", "Số lượng", 10, number_format="0"),
    Column("unit", "Đơn vị tính", 14),
    Column("lead", "Chủ trì", 22),
    Column("support", "Phối hợp (mỗi đơn vị một dòng)", 26),
    Column("due", "Thời hạn", 12, number_format="DD/MM/YYYY"),
    Column("recurring", "Lặp lại hằng năm (có/không)", 14),
)
BUDGET_COLUMNS = (
    Column("item", "Khoản", 40, locked=True),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
)
BUDGET_ITEMS = (("total", "Tổng kinh phí"), ("year_amount", "Nhu cầu kinh phí năm kế hoạch"))
SOURCE_COLUMNS = (
    Column("id", "Mã nguồn", 20, locked=True),
    Column("name", "Tên nguồn", 40),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
)
LINE_COLUMNS = (
    Column("id", "Mã dòng", 16, locked=True),
    Column("name", "Nội dung chi", 50),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
    Column("source", "Mã nguồn", 18),
    Column("note", "Ghi chú", 30),
)

HELP = (
    "Sửa các ô trắng rồi nhập lại bằng: kehoach import-sheet TỆP.xlsx --plan KẾ-HOẠCH.yaml "
    "-o KẾ-HOẠCH-MỚI.yaml. Cột xám (mã) được khoá: không sửa mã. Thêm, bớt chỉ tiêu và nhiệm "
    "vụ trong tệp YAML; dòng kinh phí không có mã thêm được ở cuối trang."
)

Path = tuple[str | int, ...]


# --- the parts of a plan, as cells ------------------------------------------------------


def _target_places(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any], str]]:
    """Every target of dumped plan data: its path, its data, the sentence holding it."""

    def walk(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any], str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "targets" and isinstance(value, list):
                    sentence = node.get("bullet") or node.get("text") or ""
                    for i, target in enumerate(value):
                        yield (*path, key, i), target, sentence
                else:
                    yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, (*path, i))

    return walk(data, ())


def _target_cells(target: dict[str, Any], sentence: str) -> dict[str, Any]:
    return {
        "id": target["id"],
        "context": sentence,
        "quantity": target["quantity"],
        "unit": target["unit"],
        "qualifier": target["qualifier"],
        "label": target["label"],
    }


def _task_cells(task: dict[str, Any], quarter: int) -> dict[str, Any]:
    return {
        "id": task["id"],
        "quarter": quarter,
        "text": task["text"],
        "count": task["count"],
        "unit": task["unit"],
        "lead": task["lead"],
        "support": "\n".join(task["support"]) or None,
        "due": task["due"],
        "recurring": None
        if task["recurring"] is None
        else ("có" if task["recurring"] else "không"),
    }


def _source_cells(source: dict[str, Any]) -> dict[str, Any]:
    return {"id": source["id"], "name": source["name"], "amount": money_value(source["amount"])}


def _line_cells(line: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": line["id"],
        "name": line["name"],
        "amount": money_value(line["amount"]),
        "source": line["source"],
        "note": line["note"],
    }


def _row(columns: tuple[Any, ...], cells: dict[str, Any]) -> list[Any]:
    return [cells[c.key] for c in columns]


# --- export ------------------------------------------------------------------------------


def plan_workbook(plan: Plan) -> Workbook:
    """The plan's targets, tasks and budget as a workbook (see the module docstring)."""
    data = plan.model_dump()
    book = new_workbook()
    targets = [_target_cells(t, s) for _, t, s in _target_places(data)]
    add_table_sheet(book, TARGETS, TARGET_COLUMNS, [_row(TARGET_COLUMNS, t) for t in targets])
    quarters = ((data.get("content") or {}).get("tasks") or {}).get("quarters", [])
    task_rows = [
        _row(TASK_COLUMNS, _task_cells(t, q["quarter"])) for q in quarters for t in q["tasks"]
    ]
    tasks = add_table_sheet(book, TASKS, TASK_COLUMNS, task_rows)
    last = max(len(task_rows) + 1, 2)
    quarter_rule = DataValidation(type="whole", operator="between", formula1="1", formula2="4")
    quarter_rule.error = "Quý là một số từ 1 đến 4"
    quarter_rule.add(f"B2:B{last}")
    yes_no = DataValidation(type="list", formula1='"có,không"', allow_blank=True)
    yes_no.add(f"I2:I{last}")
    tasks.add_data_validation(quarter_rule)
    tasks.add_data_validation(yes_no)
    budget = data.get("budget")
    amounts = [
        [label, None if budget is None or budget[key] is None else money_value(budget[key])]
        for key, label in BUDGET_ITEMS
    ]
    add_table_sheet(book, BUDGET, BUDGET_COLUMNS, amounts)
    sources = budget["sources"] if budget else []
    lines = budget["lines"] if budget else []
    add_table_sheet(
        book,
        SOURCES,
        SOURCE_COLUMNS,
        [_row(SOURCE_COLUMNS, _source_cells(s)) for s in sources],
        spare_rows=SPARE_LINES,
    )
    add_table_sheet(
        book,
        LINES,
        LINE_COLUMNS,
        [_row(LINE_COLUMNS, _line_cells(line)) for line in lines],
        spare_rows=SPARE_LINES,
    )
    add_meta_sheet(
        book,
        LAYOUT,
        VERSION,
        {
            "plan_year": plan.year,
            "subject": plan.title.subject,
            "help": HELP,
        },
    )
    return book


def plan_sheet_bytes(plan: Plan) -> bytes:
    """:func:`plan_workbook` as .xlsx bytes (the same plan gives the same bytes)."""
    return workbook_bytes(plan_workbook(plan))


# --- import ------------------------------------------------------------------------------


class _Reader:
    """Reads cells against the plan's own values: an unedited cell keeps the plan's value."""

    def __init__(self, problems: Problems):
        self.problems = problems
        # model path → (sheet, row, column, header), to place validation errors
        self.places: dict[str, tuple[str, int, int, str]] = {}

    def value(
        self,
        sheet: str,
        columns: tuple[Any, ...],
        row: SheetRow,
        key: str,
        written: Any,
        base: Any,
        parse: Callable[[Any], Any],
        path: str,
    ) -> Any:
        """The field's value: ``base`` when the cell still holds ``written``, else parsed."""
        index = next(i for i, c in enumerate(columns, start=1) if c.key == key)
        self.places[path] = (sheet, row.number, index, columns[index - 1].title)
        found = row.values[key]
        if same_cell(found, written):
            return base
        try:
            return parse(found)
        except CellError as exc:
            self.problems.add(
                sheet,
                exc.vi,
                exc.en,
                row=row.number,
                column=index,
                field=columns[index - 1].title,
            )
            return base


def _required_text(value: Any) -> str:
    return text_cell(value) or ""


def _support(value: Any) -> list[str]:
    text = text_cell(value)
    return [] if text is None else [item.strip() for item in text.splitlines() if item.strip()]


def _ids(
    sheet: str,
    rows: list[SheetRow],
    known: list[str],
    problems: Problems,
    kind: tuple[str, str],
    *,
    optional: bool = False,
) -> dict[str, SheetRow]:
    """Rows by id, after checking the ids are exactly the plan's (ids are protected)."""
    by_id: dict[str, SheetRow] = {}
    kind_vi, kind_en = kind
    for row in rows:
        item_id = (text_cell(row.values["id"]) or "").strip()
        if not item_id:
            if not optional:
                problems.add(
                    sheet,
                    f"dòng {row.number} không có mã {kind_vi} (cột mã bị xoá?)",
                    f"row {row.number} has no {kind_en} id (was the id cell cleared?)",
                    row=row.number,
                    column=1,
                )
            continue
        if item_id in by_id:
            problems.add(
                sheet,
                f"mã {kind_vi} '{item_id}' ghi hai lần (dòng {by_id[item_id].number} và "
                f"dòng {row.number})",
                f"{kind_en} id '{item_id}' appears twice (rows {by_id[item_id].number} and "
                f"{row.number})",
                row=row.number,
                column=1,
            )
            continue
        if item_id not in known:
            problems.add(
                sheet,
                f"dòng {row.number}: mã {kind_vi} '{item_id}' không có trong kế hoạch; cột mã "
                f"được khoá, không sửa mã (thêm, bớt {kind_vi} trong tệp YAML)",
                f"row {row.number}: {kind_en} id '{item_id}' is not in the plan; ids are "
                f"protected and must not be edited (add or remove {kind_en}s in the YAML file)",
                row=row.number,
                column=1,
            )
            continue
        by_id[item_id] = row
    for item_id in known:
        if item_id not in by_id and not any(
            p.sheet == sheet and f"'{item_id}'" in p.message_vi for p in problems.items
        ):
            problems.add(
                sheet,
                f"thiếu dòng của {kind_vi} '{item_id}' (dòng bị xoá hoặc mã bị sửa?)",
                f"no row for {kind_en} '{item_id}' (deleted row or edited id?)",
            )
    return by_id


def read_plan_sheet(source: SheetSource, plan: Plan) -> Plan:
    """Read a workbook made by :func:`plan_workbook` back onto ``plan``.

    Raises:
        InputError: naming the sheet, row and column of every problem: a moved or
            renamed column, an edited or missing id, a value of the wrong kind, a
            budget that no longer adds up…
    """
    book, name = open_workbook(source)
    meta = read_meta(book, name, LAYOUT, VERSION)
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
            (TASKS, TASK_COLUMNS),
            (BUDGET, BUDGET_COLUMNS),
            (SOURCES, SOURCE_COLUMNS),
            (LINES, LINE_COLUMNS),
        )
    }
    problems.raise_if_any()
    data = plan.model_dump()
    reader = _Reader(problems)
    _read_targets(tables[TARGETS] or [], data, reader)
    _read_tasks(tables[TASKS] or [], data, reader)
    _read_budget(tables, data, reader)
    problems.raise_if_any()
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise_located(exc, reader, name)
    raise AssertionError("unreachable")  # pragma: no cover


def raise_located(exc: ValidationError, reader: _Reader, name: str) -> None:
    """Re-raise a validation error with each problem placed at its sheet, row and column."""
    located = []
    for problem in problems_from(exc):
        field = problem.field
        place = None
        while field and place is None:
            place = reader.places.get(field)
            cut = max(field.rfind("."), field.rfind("["))
            field = field[:cut] if cut > 0 else ""
        if place is None and problem.field.startswith("budget"):
            place = (BUDGET, 0, 0, "")
        if place is None:
            located.append(problem)
            continue
        sheet, row, column, header = place
        located.append(
            Problem(
                header or problem.field,
                problem.message_vi,
                problem.message_en,
                line=row or None,
                column=column or None,
                sheet=sheet,
            )
        )
    reader.problems.items.extend(located)
    reader.problems.raise_if_any()


def _read_targets(rows: list[SheetRow], data: dict[str, Any], reader: _Reader) -> None:
    places = list(_target_places(data))
    known = [t["id"] for _, t, _ in places]
    by_id = _ids(TARGETS, rows, known, reader.problems, ("chỉ tiêu", "target"))
    for path, target, sentence in places:
        row = by_id.get(target["id"])
        if row is None:
            continue
        written = _target_cells(target, sentence)
        prefix = _format(path)
        for key, parse in (
            ("quantity", int_cell),
            ("unit", _required_text),
            ("qualifier", text_cell),
            ("label", text_cell),
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
                reader.problems.add(
                    TARGETS,
                    "thiếu số lượng của chỉ tiêu",
                    "the target's quantity is missing",
                    row=row.number,
                    column=3,
                    field=TARGET_COLUMNS[2].title,
                )
                value = target[key]
            target[key] = value


def _read_tasks(rows: list[SheetRow], data: dict[str, Any], reader: _Reader) -> None:
    content = data.get("content") or {}
    schedule = content.get("tasks")
    if schedule is None:
        if rows:
            reader.problems.add(
                TASKS,
                "kế hoạch chưa có phần nhiệm vụ cụ thể theo quý: thêm trong tệp YAML",
                "the plan has no quarterly tasks: add them in the YAML file",
                row=rows[0].number,
            )
        return
    tasks = {t["id"]: (t, q["quarter"]) for q in schedule["quarters"] for t in q["tasks"]}
    by_id = _ids(TASKS, rows, list(tasks), reader.problems, ("nhiệm vụ", "task"))
    target_ids = {t["id"] for _, t, _ in _target_places(data)}
    placed: dict[int, list[tuple[dict[str, Any], SheetRow]]] = {
        q["quarter"]: [] for q in schedule["quarters"]
    }
    for row in rows:
        item_id = text_cell(row.values["id"])
        if item_id is None or by_id.get(item_id.strip()) is not row:
            continue
        task, old_quarter = tasks[item_id.strip()]
        written = _task_cells(task, old_quarter)
        quarter = reader.value(
            TASKS,
            TASK_COLUMNS,
            row,
            "quarter",
            written["quarter"],
            old_quarter,
            int_cell,
            f"@{row.number}.quarter",
        )
        if quarter not in (1, 2, 3, 4):
            reader.problems.add(
                TASKS,
                f"quý phải là 1, 2, 3 hoặc 4 (ô ghi '{row.values['quarter']}')",
                f"the quarter must be 1, 2, 3 or 4 (the cell holds '{row.values['quarter']}')",
                row=row.number,
                column=2,
                field=TASK_COLUMNS[1].title,
            )
            quarter = old_quarter
        new = dict(task)
        for key, parse in (
            ("text", _required_text),
            ("count", int_cell),
            ("unit", text_cell),
            ("lead", text_cell),
            ("support", _support),
            ("due", date_cell),
            ("recurring", bool_cell),
        ):
            new[key] = reader.value(
                TASKS,
                TASK_COLUMNS,
                row,
                key,
                written[key],
                task[key],
                parse,
                f"@{row.number}.{key}",
            )
        unknown = set(placeholders(new["text"])) - target_ids - {"count"}
        if unknown:
            reader.problems.add(
                TASKS,
                f"{{{sorted(unknown)[0]}}} trong nội dung không phải mã chỉ tiêu nào; viết \\{{ "
                "nếu muốn giữ dấu ngoặc",
                f"{{{sorted(unknown)[0]}}} in the text names no target; write \\{{ for a brace",
                row=row.number,
                column=3,
                field=TASK_COLUMNS[2].title,
            )
        placed.setdefault(quarter, []).append((new, row))
    quarters = []
    for qi, number in enumerate(sorted(placed)):
        entries = placed[number]
        old = next((q for q in schedule["quarters"] if q["quarter"] == number), None)
        quarters.append({**(old or {}), "quarter": number, "tasks": [t for t, _ in entries]})
        for ti, (_, row) in enumerate(entries):
            path = f"content.tasks.quarters[{qi}].tasks[{ti}]"
            for key, place in list(reader.places.items()):
                if key.startswith(f"@{row.number}."):
                    reader.places[f"{path}.{key.split('.', 1)[1]}"] = place
            reader.places[path] = (TASKS, row.number, 1, TASK_COLUMNS[0].title)
    schedule["quarters"] = quarters


def _read_budget(
    tables: dict[str, list[SheetRow] | None], data: dict[str, Any], reader: _Reader
) -> None:
    budget = data.get("budget")
    problems = reader.problems
    amount_rows = tables[BUDGET] or []
    labels = [label for _, label in BUDGET_ITEMS]
    found = [text_cell(r.values["item"]) for r in amount_rows]
    if found != labels:
        problems.add(
            BUDGET,
            f"trang {BUDGET} phải có đúng các dòng: {', '.join(labels)} (dòng bị xoá, đổi tên?)",
            f"the {BUDGET} sheet must have exactly the rows: {', '.join(labels)}",
            column=1,
        )
        return
    source_rows, line_rows = tables[SOURCES] or [], tables[LINES] or []
    if budget is None:
        if any(r.values["amount"] is not None for r in amount_rows) or source_rows or line_rows:
            problems.add(
                BUDGET,
                "kế hoạch chưa có mục kinh phí: thêm mục budget trong tệp YAML trước",
                "the plan has no budget: add a budget section in the YAML file first",
            )
        return
    for row, (key, _) in zip(amount_rows, BUDGET_ITEMS, strict=True):
        base = budget[key]
        written = None if base is None else money_value(base)
        budget[key] = reader.value(
            BUDGET, BUDGET_COLUMNS, row, "amount", written, base, money_cell, f"budget.{key}"
        )
        if key == "total" and budget[key] is None:
            problems.add(
                BUDGET,
                "thiếu tổng kinh phí",
                "the total is missing",
                row=row.number,
                column=2,
                field=BUDGET_COLUMNS[1].title,
            )
            budget[key] = base
    budget["sources"] = _read_items(
        SOURCES,
        SOURCE_COLUMNS,
        source_rows,
        budget["sources"],
        _source_cells,
        {"name": _required_text, "amount": money_cell},
        "budget.sources",
        reader,
        ("nguồn kinh phí", "budget source"),
    )
    budget["lines"] = _read_items(
        LINES,
        LINE_COLUMNS,
        line_rows,
        budget["lines"],
        _line_cells,
        {"name": _required_text, "amount": money_cell, "source": text_cell, "note": text_cell},
        "budget.lines",
        reader,
        ("dòng kinh phí", "budget line"),
    )


def _read_items(
    sheet: str,
    columns: tuple[Any, ...],
    rows: list[SheetRow],
    base: list[dict[str, Any]],
    cells: Callable[[dict[str, Any]], dict[str, Any]],
    parsers: dict[str, Callable[[Any], Any]],
    prefix: str,
    reader: _Reader,
    kind: tuple[str, str],
) -> list[dict[str, Any]]:
    """Budget sources or lines: rows with an id match the plan's; rows without may vary."""
    with_id = {item["id"]: item for item in base if item["id"]}
    without_id = [item for item in base if not item["id"]]
    by_id = _ids(sheet, rows, list(with_id), reader.problems, kind, optional=True)
    result: list[dict[str, Any]] = []
    free = iter(without_id)
    for row in rows:
        raw = text_cell(row.values["id"])
        item_id = raw.strip() if raw else None
        if item_id:
            if by_id.get(item_id) is not row:
                continue
            old: dict[str, Any] | None = with_id[item_id]
        else:
            old = next(free, None)
        written = cells(old) if old else {}
        item: dict[str, Any] = {"id": item_id}
        path = f"{prefix}[{len(result)}]"
        for key, parse in parsers.items():
            item[key] = reader.value(
                sheet,
                columns,
                row,
                key,
                written.get(key),
                old[key] if old else None,
                parse,
                f"{path}.{key}",
            )
            if key in ("name", "amount") and item[key] is None:
                if key == "name":
                    item[key] = ""
                else:
                    index = next(i for i, c in enumerate(columns, start=1) if c.key == key)
                    reader.problems.add(
                        sheet,
                        "thiếu số tiền",
                        "the amount is missing",
                        row=row.number,
                        column=index,
                        field=columns[index - 1].title,
                    )
                    item[key] = 0
        reader.places[path] = (sheet, row.number, 1, columns[0].title)
        result.append(item)
    return result


def _format(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
