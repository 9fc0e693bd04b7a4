"""The whole path of issue #17 in a real browser: last year's Word plan uploaded, a task
edited and two sections reordered, the DOCX downloaded (it passes ``check`` and holds the
edit), six-month progress filled and its report downloaded, the 2023 plan drafted and its
review list ticked through."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

from docx import Document

import kehoach
from kehoach.check import check_docx

ROOT = Path(__file__).parents[3]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
SCREENSHOT = ROOT / "docs" / "img" / "web-editor.png"

# Where the imported Sa Pa plan keeps things (kehoach import's version-2 layout).
SECTIONS = ["sections"]
CONTENT = ["sections", 1]  # II. NỘI DUNG THỰC HIỆN
TASKS = [*CONTENT, "content", 1, "content", 0, "tasks", "groups", 0, "tasks"]  # 2. Nhiệm vụ, Quý I
EDIT = (
    "Ban hành chương trình công tác Tuyên giáo năm 2022 & các kế hoạch <Tuyên vận> (sửa trên trang)"
)
DONE_ON_TIME = "Hoàn thành đúng hạn (done_on_time)"  # the status as the select words it


def at(path: list[Any]) -> str:
    """The CSS selector of the form element that edits the value at ``path``."""
    key = json.dumps(path, ensure_ascii=False, separators=(",", ":"))
    return f"[data-path='{key}']"


def unfold(page: Any, path: list[Any]) -> None:
    """Open the folded item at ``path`` (as a click on its summary does)."""
    item = page.locator(f"details{at(path)}")
    if item.get_attribute("open") is None:
        item.locator(":scope > summary .summary-text").click()
    page.wait_for_selector(f"details{at(path)}[open]")


def section_titles(page: Any) -> list[str]:
    """The big sections as the form lists them, numbers dropped."""
    texts = page.locator(f"fieldset{at(SECTIONS)} > ol > li > details > summary .summary-text")
    return [re.sub(r"^\d+\. ", "", t) for t in texts.all_inner_texts()]


def docx_text(data: bytes) -> list[str]:
    """The paragraphs of a DOCX, in order (tables included)."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return lines


def download(page: Any, name: str, tmp_path: Path) -> bytes:
    """Click the download link named ``name`` and return the file it gives."""
    with page.expect_download() as event:
        page.get_by_role("link", name=name).click()
    target = tmp_path / event.value.suggested_filename
    event.value.save_as(target)
    return target.read_bytes()


def saved(page: Any) -> None:
    """Press Save and wait for the page to say the file is saved."""
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_selector(".save-state:has-text('Đã lưu')")


def test_word_plan_to_next_year(page: Any, server: Any, tmp_path: Path, request: Any) -> None:
    """Upload the Sa Pa DOCX → edit, reorder, download → progress, report → 2023, review."""
    from playwright.sync_api import expect

    word = tmp_path / "ke-hoach-sa-pa-2022.docx"
    word.write_bytes(kehoach.render_plan_bytes(EXAMPLE))

    # 1. Last year's Word plan, imported: the editor opens with its review list.
    page.get_by_label("Tệp Word (.docx, .doc, .odt)").set_input_files(str(word))
    page.get_by_role("button", name="Nhập", exact=True).click()
    page.wait_for_selector(".editor .form-root")
    plan = page.locator(".toolbar h1").inner_text()
    assert plan.endswith(".yaml")
    assert page.locator(".review-item").count() > 0
    # Each point is also shown where it is in the plan: counted on the folded section …
    assert page.locator(f"details{at(CONTENT)} > summary .badge.review").count() == 1
    # … and at the field itself once "Xem chỗ này" unfolds the way to it.
    point = page.locator(".review-item").filter(has_text="Chỉ tiêu ct-hoi-nghi:")
    point.get_by_role("button", name="Xem chỗ này").click()
    at_field = page.locator(".form-root .msg.review").filter(has_text="Chỉ tiêu ct-hoi-nghi:")
    assert at_field.is_visible()

    # 2. A task edited (with & and <…>, which must print as typed) …
    assert section_titles(page)[1:4] == [
        "NỘI DUNG THỰC HIỆN",
        "TỔ CHỨC THỰC HIỆN",
        "KINH PHÍ THỰC HIỆN",
    ]
    unfold(page, CONTENT)
    unfold(page, [*CONTENT, "content", 1])
    unfold(page, [*CONTENT, "content", 1, "content", 0])
    unfold(page, [*TASKS[:-1]])
    unfold(page, [*TASKS, 0])
    page.locator(f"{at([*TASKS, 0, 'text'])} textarea").fill(EDIT)
    page.locator(".page").get_by_text("(sửa trên trang)").wait_for()  # the live preview

    # … and two sections swapped: III. Tổ chức thực hiện goes below IV. Kinh phí.
    page.locator(f"details{at([*SECTIONS, 2])} > summary button.down").click()
    assert section_titles(page)[1:4] == [
        "NỘI DUNG THỰC HIỆN",
        "KINH PHÍ THỰC HIỆN",
        "TỔ CHỨC THỰC HIỆN",
    ]
    page.locator(f"details{at([*TASKS, 0])}").scroll_into_view_if_needed()
    page.locator(".preview").scroll_into_view_if_needed()  # the side column scrolls apart
    shot = tmp_path / "web-editor.png"
    page.screenshot(path=str(shot))
    if request.config.getoption("--update-golden"):
        shutil.copyfile(shot, SCREENSHOT)
    saved(page)

    # 3. The DOCX downloaded: it passes check and holds the edit and the new order.
    docx = download(page, "Tải DOCX", tmp_path)
    assert check_docx(docx).errors == ()
    lines = docx_text(docx)
    assert any(EDIT in line for line in lines)
    heads = [line for line in lines if line.endswith(("KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"))]
    assert [h.split(". ", 1)[-1] for h in heads] == ["KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]

    # The real printed pages, laid out by LibreOffice from the form as it stands.
    page.get_by_role("button", name="Dàn trang").click()
    expect(page.locator(".printed-pages img").first).to_be_visible(timeout=120_000)
    assert page.locator(".printed-pages img").count() >= 2

    # 4. Six-month progress filled: a target's figure, a task's status.
    page.get_by_label("Kỳ báo cáo").select_option("6m")
    page.get_by_role("button", name="Nhập kết quả thực hiện").click()
    expect(page.locator(".toolbar h1")).not_to_have_text(plan)
    progress = page.locator(".toolbar h1").inner_text()
    unfold(page, ["targets", 0])
    page.locator(f"{at(['targets', 0, 'achieved'])} input").fill("3")
    unfold(page, ["tasks", 0])
    page.locator(f"{at(['tasks', 0, 'status'])} select").select_option(label=DONE_ON_TIME)
    saved(page)
    page.get_by_role("button", name="Dựng báo cáo").click()
    report = download(page, re.compile("^Tải báo cáo"), tmp_path)
    report_text = "\n".join(docx_text(report))
    assert "BÁO CÁO" in report_text.upper()
    assert "6 tháng" in report_text or "sáu tháng" in report_text.lower()

    # 5. The 2023 plan drafted from the plan and its progress; its review list ticked.
    page.get_by_role("link", name="Về danh sách tệp").click()
    page.get_by_role("link", name=plan).click()
    page.wait_for_selector(".editor .form-root")
    page.get_by_label("Dựa trên kết quả").select_option(progress)
    page.get_by_role("button", name="Lập bản nháp kế hoạch năm sau").click()
    expect(page.locator(".toolbar h1")).not_to_have_text(plan)
    draft = page.locator(".toolbar h1").inner_text()
    assert "2023" in draft
    assert page.locator(f"{at(['year'])} input").input_value() == "2023"
    boxes = page.locator(".review-item input[type=checkbox]")
    total = boxes.count()
    assert total > 0
    for index in range(total):
        boxes.nth(index).check()
        page.wait_for_selector(f".review-count:has-text('{index + 1}/{total}')")
    page.wait_for_selector("#status:has-text('Đã lưu đánh dấu rà soát')")
    page.reload()  # the ticks were saved in the folder, not only on the page
    page.wait_for_selector(".review-item")
    assert page.locator(".review-item input:checked").count() == total
    assert (server.folder / draft).is_file()
