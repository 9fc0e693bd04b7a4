"""The editor in a real browser: sections reordered by drag and by keyboard, a save
refused because another tab saved first, the server's validation messages at the field,
findings of ``check`` beside the paragraph text, the English page."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

import kehoach

ROOT = Path(__file__).parents[3]
PLAN = "dan-van-xa-2027.yaml"


def at(path: list[Any]) -> str:
    """The CSS selector of the form element that edits the value at ``path``."""
    key = json.dumps(path, ensure_ascii=False, separators=(",", ":"))
    return f"[data-path='{key}']"


def open_plan(page: Any, server: Any) -> list[str]:
    """Put the Dân vận example in the folder, open it; its section titles as on disk."""
    shutil.copyfile(ROOT / "examples" / PLAN, server.folder / PLAN)
    page.goto(f"{server.base}/#/edit/{PLAN}")
    page.wait_for_selector(".editor .form-root")
    return [s["title"] for s in on_disk(server)["sections"]]


def on_disk(server: Any) -> dict[str, Any]:
    """The plan file as saved in the folder."""
    data: dict[str, Any] = yaml.safe_load((server.folder / PLAN).read_text(encoding="utf-8"))
    return data


def titles(page: Any) -> list[str]:
    """The big sections as the form lists them, numbers dropped."""
    texts = page.locator(f"fieldset{at(['sections'])} > ol > li > details > summary .summary-text")
    return [re.sub(r"^\d+\. ", "", t) for t in texts.all_inner_texts()]


def save(page: Any) -> None:
    """Press Save (the button)."""
    page.get_by_role("button", name="Lưu", exact=True).click()


def test_sections_reordered_by_drag_and_keyboard(page: Any, server: Any) -> None:
    """A section dragged by its handle and one moved with Enter on ↓ are saved in that order."""
    first, second, third, *rest = open_plan(page, server)
    handle = page.locator(f"details{at(['sections', 0])} > summary .handle")
    handle.drag_to(page.locator(f"details{at(['sections', 2])} > summary"))
    assert titles(page) == [second, third, first, *rest]

    down = page.locator(f"details{at(['sections', 0])} > summary button.down")
    down.focus()
    page.keyboard.press("Enter")
    assert titles(page) == [third, second, first, *rest]
    # focus follows the moved section, so pressing again moves it further
    assert page.evaluate("document.activeElement.closest('details').dataset.path") == (
        '["sections",1]'
    )
    save(page)
    page.wait_for_selector(".save-state:has-text('Đã lưu')")
    assert [s["title"] for s in on_disk(server)["sections"]] == [third, second, first, *rest]


def test_second_tab_cannot_overwrite(page: Any, server: Any) -> None:
    """Two tabs edit the same plan: the later save is refused, said plainly, reload offered."""
    open_plan(page, server)
    other = page.context.new_page()
    other.goto(f"{server.base}/#/edit/{PLAN}")
    other.wait_for_selector(".editor .form-root")
    signer = f"{at(['signature', 'signer'])} input, {at(['signature', 'signer'])} textarea"

    page.locator(signer).fill("Nguyễn Văn A")
    save(page)
    page.wait_for_selector(".save-state:has-text('Đã lưu')")
    other.locator(signer).fill("Trần Thị B")
    save(other)
    banner = other.get_by_role("alert").filter(has_text="vừa được sửa ở nơi khác")
    banner.wait_for()
    assert on_disk(server)["signature"]["signer"] == "Nguyễn Văn A"

    other.get_by_role("button", name=re.compile("^Tải lại bản mới nhất")).click()
    other.wait_for_selector(".editor .form-root")
    assert other.locator(signer).input_value() == "Nguyễn Văn A"
    other.close()


def test_validation_message_at_field(page: Any, server: Any) -> None:
    """A year out of range is refused on save; the message sits at the year field."""
    open_plan(page, server)
    year = page.locator(f"{at(['year'])} input")
    year.fill("1800")
    save(page)
    message = page.locator(f"{at(['year'])} .msg.error")
    message.wait_for()
    assert "1930" in message.inner_text()
    assert year.get_attribute("aria-invalid") == "true"
    assert page.locator(".summary-error li").count() >= 1
    assert on_disk(server)["year"] == 2027  # nothing written


def test_check_findings_beside_paragraph(page: Any, server: Any, tmp_path: Path) -> None:
    """A DOCX with a centred body paragraph: the finding is shown beside that paragraph."""
    data = kehoach.render_plan_bytes(ROOT / "examples" / "sapa-2022-tuyen-giao.yaml")
    document = Document(io.BytesIO(data))
    target = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Đề án"))
    target.alignment = WD_ALIGN_PARAGRAPH.CENTER
    upload = tmp_path / "van-ban.docx"
    document.save(str(upload))

    page.get_by_role("link", name="Kiểm tra văn bản").click()
    page.get_by_label("Tệp DOCX cần kiểm tra").set_input_files(str(upload))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    flagged = page.locator(".para.flagged").filter(has_text="Thực hiện Đề án")
    flagged.first.wait_for()
    assert "F-BODY-2" in flagged.first.locator(".findings").inner_text()


def test_english_page(browser: Any, server: Any) -> None:
    """With lang=en the page speaks English."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{server.base}/?token={server.token}")
    tab.goto(f"{server.base}/?lang=en")
    tab.wait_for_selector("main h1")
    assert tab.locator("nav").inner_text().split("\n")[0] == "Plan files"
    assert tab.get_by_role("button", name="Create plan").is_visible()
    context.close()


def test_unreadable_file_is_not_offered_for_editing(page: Any, server: Any) -> None:
    """A plan file that does not parse shows its messages with the line, and no form."""
    broken = "hong.yaml"
    (server.folder / broken).write_text("year: 2027\nheader: [khong dong\n", encoding="utf-8")
    page.goto(f"{server.base}/#/edit/{broken}")
    page.get_by_text("Tệp này chưa đọc được").wait_for()
    assert page.locator(".form-root").count() == 0
    assert "dòng" in page.locator("main ul").inner_text()
    assert (server.folder / broken).read_text(encoding="utf-8").endswith("[khong dong\n")
