"""Vietnamese (default) and English wording of validation errors.

pydantic reports errors by type with a context dict; this table words them for the
people who write plans. Unknown types fall back to pydantic's English message.
"""

from __future__ import annotations

import difflib
from typing import Any

_KIND_KEYS = ("text", "bullet", "section", "table", "numbered", "label", "quote", "tasks", "budget")
_KINDS = ", ".join(_KIND_KEYS)

# type → (vi, en); "{key}" is filled from the error's ctx, "{input}" from its input.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("thiếu trường bắt buộc", "required field is missing"),
    "extra_forbidden": (
        "trường không có trong mẫu (gõ sai tên trường?)",
        "unknown field (misspelt key?)",
    ),
    "unexpected_keyword_argument": (
        "trường không có trong mẫu (gõ sai tên trường?)",
        "unknown field (misspelt key?)",
    ),
    "invalid_key": ("tên trường phải là chữ", "a key must be text"),
    "recursion_loop": ("lồng nhau quá sâu", "nested too deeply"),
    "int_type": ("phải là số nguyên", "must be a whole number"),
    "int_parsing": ("phải là số nguyên", "must be a whole number"),
    "int_from_float": ("phải là số nguyên, không có phần thập phân", "must be a whole number"),
    "int_parsing_size": ("số quá dài", "the number is too long"),
    "finite_number": ("phải là một số hữu hạn", "must be a finite number"),
    "decimal_type": ("phải là số", "must be a number"),
    "decimal_parsing": ("phải là số", "must be a number"),
    "float_type": ("phải là số", "must be a number"),
    "float_parsing": ("phải là số", "must be a number"),
    "bool_type": ("phải là true hoặc false", "must be true or false"),
    "bool_parsing": ("phải là true hoặc false", "must be true or false"),
    "string_type": ("phải là một chuỗi chữ", "must be text"),
    "string_unicode": ("không phải văn bản UTF-8", "is not UTF-8 text"),
    "string_too_short": ("quá ngắn", "is too short"),
    "string_too_long": ("dài quá {max_length} ký tự", "is longer than {max_length} characters"),
    "string_pattern_mismatch": (
        "chỉ được dùng chữ cái không dấu, chữ số, dấu . _ - (mẫu {pattern})",
        "may only use letters, digits, . _ - (pattern {pattern})",
    ),
    "greater_than_equal": ("phải lớn hơn hoặc bằng {ge}", "must be at least {ge}"),
    "greater_than": ("phải lớn hơn {gt}", "must be greater than {gt}"),
    "less_than_equal": ("phải nhỏ hơn hoặc bằng {le}", "must be at most {le}"),
    "less_than": ("phải nhỏ hơn {lt}", "must be less than {lt}"),
    "literal_error": ("phải là một trong: {expected}", "must be one of: {expected}"),
    "enum": ("phải là một trong: {expected}", "must be one of: {expected}"),
    "date_type": (
        "phải là ngày (2022-01-15) hoặc {year: 2022, month: 1}",
        "must be a date (2022-01-15) or {year: 2022, month: 1}",
    ),
    "date_parsing": (
        "không phải ngày hợp lệ (viết 2022-01-15)",
        "is not a valid date (2022-01-15)",
    ),
    "date_from_datetime_parsing": (
        "không phải ngày hợp lệ (viết 2022-01-15)",
        "is not a valid date (write 2022-01-15)",
    ),
    "date_from_datetime_inexact": ("chỉ ghi ngày, không ghi giờ", "must be a date without a time"),
    "list_type": ("phải là một danh sách", "must be a list"),
    "dict_type": ("phải là một nhóm trường (key: value)", "must be a mapping (key: value)"),
    "model_type": ("phải là một nhóm trường (key: value)", "must be a mapping (key: value)"),
    "model_attributes_type": ("phải là một nhóm trường", "must be a mapping"),
    "dataclass_type": ("phải là một nhóm trường", "must be a mapping"),
    "too_short": ("cần ít nhất {min_length} phần tử", "needs at least {min_length} items"),
    "too_long": ("nhiều nhất {max_length} phần tử", "at most {max_length} items"),
    "union_tag_invalid": (
        "kiểu khối không hợp lệ (dùng một trong: " + _KINDS + ")",
        "invalid block kind (use one of: " + _KINDS + ")",
    ),
    "union_tag_not_found": ("kiểu khối không hợp lệ", "invalid block kind"),
    "kehoach.xml_char": (
        "ký tự U+{code} ở vị trí {position} không thể lưu trong văn bản Word",
        "character U+{code} at position {position} cannot be stored in a Word document",
    ),
    "kehoach.money_type": (
        "số tiền phải là số nguyên đồng, không phải {kind_vi}",
        "an amount of money must be a whole number of đồng, not {kind}",
    ),
    "kehoach.money_text": ("{message_vi}", "{message_en}"),
    "kehoach.date_text": ("{message_vi}", "{message_en}"),
    "kehoach.date_impossible": ("{message_vi}", "{message_en}"),
    "kehoach.state_authority": (
        "'{value}' là cách viết của văn bản Nhà nước; văn bản Đảng viết {party} (F-SIGN-2)",
        "'{value}' is the State form; Party documents write {party} (F-SIGN-2)",
    ),
    "kehoach.authority_target": (
        "{authority} cần on_behalf_of (ví dụ: Ban Thường vụ, Trưởng ban)",
        "{authority} needs on_behalf_of (e.g. Ban Thường vụ, Trưởng ban)",
    ),
    "kehoach.acting_position": (
        "Q. cần chức vụ được giao quyền (ví dụ: Trưởng ban)",
        "Q. needs the position held in acting capacity (e.g. Trưởng ban)",
    ),
    "kehoach.quarter_order": (
        "mỗi quý chỉ ghi một lần, theo thứ tự (đang là {numbers})",
        "quarters must appear once each, in order (got {numbers})",
    ),
    "kehoach.budget_sources": (
        "các nguồn kinh phí cộng lại là {sum} đồng, khác tổng kinh phí {total} đồng",
        "the sources add up to {sum} đồng, not the total {total} đồng",
    ),
    "kehoach.budget_lines": (
        "các dòng chi tiết cộng lại là {sum} đồng, khác tổng kinh phí {total} đồng",
        "the detail lines add up to {sum} đồng, not the total {total} đồng",
    ),
    "kehoach.budget_year": (
        "nhu cầu kinh phí năm {year} đồng lớn hơn tổng kinh phí {total} đồng",
        "this year's amount {year} đồng is more than the total {total} đồng",
    ),
    "kehoach.budget_line_source": (
        "dòng '{name}' ghi nguồn '{source}' không có trong danh sách nguồn",
        "line '{name}' names unknown source '{source}'",
    ),
    "kehoach.duplicate_id": (
        "mã {kind_vi} '{id}' bị dùng hai lần",
        "{kind} id '{id}' is used twice",
    ),
    "kehoach.unknown_placeholder": (
        "{{name}} trong '{text}' không phải mã chỉ tiêu nào; viết \\{ nếu muốn giữ dấu ngoặc",
        "{{name}} in '{text}' names no target; write \\{ for a literal brace",
    ),
    "kehoach.unplaced_target": (
        "chỉ tiêu '{id}' chưa được đặt vào câu; viết {{id}} ở chỗ con số",
        "target '{id}' is not placed in its text; write {{id}} where the figure goes",
    ),
    "kehoach.table_row": (
        "dòng {row} của bảng có {cells} ô, bảng có {columns} cột",
        "table row {row} has {cells} cells but the table has {columns} columns",
    ),
    "kehoach.code": ("{message_vi}", "{message_en}"),
    "kehoach.impossible_when": ("{message_vi}", "{message_en}"),
    "kehoach.task_group": (
        "mỗi nhóm nhiệm vụ ghi đúng một trong quarter, month, phase, title (đang có: {got})",
        "a task group is named by exactly one of quarter, month, phase, title (got {got})",
    ),
    "kehoach.task_groups_and_tasks": (
        "ghi nhiệm vụ trong các nhóm (groups) hoặc không chia nhóm (tasks), không cả hai",
        "write the tasks inside groups or without groups, not both",
    ),
    "kehoach.task_group_kinds": (
        "các nhóm của một khối nhiệm vụ phải cùng loại: quý, tháng, đợt hoặc chủ đề",
        "the groups of one tasks block are all quarters, months, phases or themes",
    ),
    "kehoach.block_place": (
        "khối {kind} không đặt được ở {place_vi}",
        "a {kind} block cannot go in {place}",
    ),
    "kehoach.too_deep": (
        "mục lồng quá sâu: cấp {depth}, cách đánh số chỉ có {levels} cấp (numbering.levels)",
        "section nested too deeply: level {depth}, the numbering has {levels} levels",
    ),
    "kehoach.version_mix": (
        "tệp phiên bản 2 ghi nội dung trong sections/parts; không dùng cùng {fields}"
        " (chạy kehoach migrate để chuyển tệp cũ)",
        "a version 2 file puts its content in sections/parts, not {fields}"
        " (run kehoach migrate to convert an old file)",
    ),
    "kehoach.report_section": (
        "mục của báo cáo cần title (mục riêng) hoặc default (mục mặc định)",
        "a report section needs a title or a default",
    ),
    "kehoach.report_section_content": (
        "mục mặc định do kehoach viết; đặt nội dung của mình trong một mục riêng",
        "a default section is written by kehoach; put your text in a section of its own",
    ),
    "kehoach.superior_twice": (
        "ghi superior_body hoặc superiors, không cả hai",
        "write superior_body or superiors, not both",
    ),
    "kehoach.sections_and_parts": (
        "ghi sections hoặc parts, không cả hai",
        "write sections or parts, not both",
    ),
}


def _fill(template: str, ctx: dict[str, Any]) -> str:
    # Same substitution as pydantic's templates: plain "{key}" replacement, so braces
    # in user text or in examples never break the formatting.
    for key, value in ctx.items():
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        template = template.replace("{" + key + "}", str(value))
    return template


def word_error(error: dict[str, Any]) -> tuple[str, str]:
    """The (vi, en) wording of one pydantic error dict."""
    ctx = dict(error.get("ctx") or {})
    ctx.setdefault("input", error.get("input"))
    if error["type"] == "union_tag_invalid" and isinstance(error.get("input"), dict):
        return _unknown_kind(error["input"])
    entry = MESSAGES.get(error["type"])
    if entry is None:
        # value_error, assertion_error …: the message comes from our own code, such as
        # kehoach.vi, whose errors read "English / tiếng Việt".
        message = str(ctx.get("error") or error["msg"])
        en, _, vi = message.partition(" / ")
        return (vi or en), en
    ctx_vi = dict(ctx)
    if isinstance(ctx.get("expected"), str):  # pydantic lists choices as "'a', 'b' or 'c'"
        ctx_vi["expected"] = ctx["expected"].replace(" or ", " hoặc ")
    return _fill(entry[0], ctx_vi), _fill(entry[1], ctx)


def _unknown_kind(block: dict[Any, Any]) -> tuple[str, str]:
    """ "kiểu khối 'bulet' không có; có phải: bullet?": the key found and the nearest kind."""
    keys = [str(k) for k in block]
    guesses = [(k, difflib.get_close_matches(k, _KIND_KEYS, n=1, cutoff=0.6)) for k in keys]
    key, near = next(((k, g) for k, g in guesses if g), (keys[0] if keys else "", []))
    vi, en = f"kiểu khối '{key}' không có", f"unknown block kind '{key}'"
    if near:
        vi, en = f"{vi}; có phải: {near[0]}?", f"{en}; did you mean: {near[0]}?"
    return f"{vi} (dùng một trong: {_KINDS})", f"{en} (use one of: {_KINDS})"


# PyYAML's problems (English) → what a person should do, in Vietnamese.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "không được có dấu “:” ở đây (đặt đoạn văn có “:” trong ngoặc kép)",
    ),
    ("tab character", "có ký tự Tab: YAML thụt lề bằng dấu cách, không dùng Tab"),
    (
        "that cannot start any token",
        "có ký tự không được mở đầu ở đây (YAML thụt lề bằng dấu cách, không dùng Tab)",
    ),
    ("could not find expected ':'", "thiếu dấu “:” sau tên trường"),
    ("did not find expected key", "thụt lề không đúng: không thấy tên trường ở chỗ cần có"),
    ("did not find expected '-' indicator", "thụt lề danh sách không đúng (thiếu “-”)"),
    (
        "found unexpected end of stream",
        "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)",
    ),
    ("expected ',' or ']'", "thiếu “,” hoặc “]”"),
    ("expected ',' or '}'", "thiếu “,” hoặc “}”"),
    ("found undefined alias", "dùng một alias (*tên) chưa được định nghĩa"),
    ("found duplicate anchor", "một anchor (&tên) được định nghĩa hai lần"),
    ("found unknown escape character", "ký tự thoát (\\…) không hợp lệ trong ngoặc kép"),
    (
        "expected <block end>, but found",
        "thụt lề không đúng: một dòng lệch cột so với các dòng cùng cấp",
    ),
)


def yaml_problem_vi(problem: str) -> str:
    """PyYAML's description of a syntax problem, said in Vietnamese when it is a known one."""
    for english, vietnamese in _YAML_PROBLEMS:
        if english in problem:
            return vietnamese
    return problem
