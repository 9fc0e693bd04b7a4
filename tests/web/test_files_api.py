"""The JSON API on plan files: list, read, save with comments kept, validate, new, preview."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import yaml
from starlette.testclient import TestClient

from conftest import PLAN, first_task
from kehoach import InputError, load_plan
from kehoach.cli import main


def _document_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_info_lists_plan_types_and_libreoffice(client: TestClient, folder: Path):
    """/api/info names the folder, the plan types (Vietnamese titles) and LibreOffice."""
    info = client.get("/api/info").json()
    assert info["lang"] == "vi"
    assert info["folder_name"] == folder.name
    assert {"id": "tuyen-giao", "title": "Công tác tuyên giáo"} in info["plan_types"]
    assert isinstance(info["soffice"], bool)


def test_files_lists_plans_and_progress(client: TestClient, folder: Path):
    """/api/files gives each YAML file's kind, title and year; other files are left out."""
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    (folder / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")
    client.post(f"/api/files/{PLAN}/progress", json={"period": "6m"})
    files = {f["name"]: f for f in client.get("/api/files").json()["files"]}
    assert set(files) == {PLAN, "ghi-chu.yaml", "sapa-2022-tuyen-giao.progress-6m.yaml"}
    assert files[PLAN]["kind"] == "plan" and files[PLAN]["year"] == 2022
    assert "Tuyên giáo năm 2022" in files[PLAN]["title"]
    assert files["sapa-2022-tuyen-giao.progress-6m.yaml"]["kind"] == "progress"
    assert files["ghi-chu.yaml"]["kind"] == "other"


def test_schema_is_the_clis(client: TestClient):
    """/api/schema/plan is `kehoach schema` (Vietnamese descriptions); unknown kinds 404."""
    from kehoach import plan_schema

    assert client.get("/api/schema/plan").json() == plan_schema("plan")
    assert client.get("/api/schema/other").status_code == 404


def test_read_gives_data_as_written_and_version(client: TestClient, folder: Path):
    """A plan is read as the person wrote it, with its sha256 version and review warnings."""
    import hashlib

    response = client.get(f"/api/files/{PLAN}").json()
    raw = (folder / PLAN).read_bytes()
    assert response["version"] == hashlib.sha256(raw).hexdigest()
    assert response["kind"] == "plan"
    assert response["errors"] == []
    written = yaml.safe_load(raw)
    assert response["data"]["title"] == written["title"]
    assert (
        response["data"]["header"]["date"] == written["header"]["date"].isoformat()
        if hasattr(written["header"].get("date"), "isoformat")
        else True
    )
    codes = [w["code"] for w in response["warnings"]]
    assert "P-TONE-1" in codes


def test_save_unchanged_keeps_the_file_byte_for_byte(client: TestClient, folder: Path):
    """Saving what was read changes nothing in the file (comments, order, forms)."""
    before = (folder / PLAN).read_bytes()
    loaded = client.get(f"/api/files/{PLAN}").json()
    response = client.put(f"/api/files/{PLAN}", json=loaded)
    assert response.status_code == 200
    assert (folder / PLAN).read_bytes() == before
    assert response.json()["version"] == loaded["version"]


def test_edit_a_task_keeps_every_comment(client: TestClient, folder: Path):
    """An edited task text (with & < > “ ”) is saved; every comment of the file survives."""
    before = (folder / PLAN).read_text(encoding="utf-8")
    comments = [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    loaded = client.get(f"/api/files/{PLAN}").json()
    data = loaded["data"]
    plan = load_plan(folder / PLAN)
    task = first_task(data)
    task["text"] = "Tổ chức hội nghị & tọa đàm <chuyên đề> “Sa Pa 2022”"
    response = client.put(f"/api/files/{PLAN}", json={"data": data, "version": loaded["version"]})
    assert response.status_code == 200, response.text
    after = (folder / PLAN).read_text(encoding="utf-8")
    kept = [c for c in comments if c in after]
    assert kept == comments
    saved = load_plan(folder / PLAN)
    assert "Tổ chức hội nghị & tọa đàm <chuyên đề> “Sa Pa 2022”" in [t.text for t in _tasks(saved)]
    assert len(list(_tasks(saved))) == len(list(_tasks(plan)))


def _tasks(plan):
    from kehoach.model.walk import iter_tasks

    return iter_tasks(plan)


def test_invalid_save_answers_at_the_field_in_the_clis_words(client: TestClient, folder: Path):
    """A bad value is refused (422, nothing saved) with its JSON path and validate's message."""
    before = (folder / PLAN).read_bytes()
    loaded = client.get(f"/api/files/{PLAN}").json()
    data = loaded["data"]
    data["year"] = 1800
    response = client.put(f"/api/files/{PLAN}", json={"data": data, "version": loaded["version"]})
    assert response.status_code == 422
    errors = response.json()["errors"]
    year = next(e for e in errors if e["field"] == "year")
    assert year["path"] == ["year"]
    try:
        load_plan(data)
    except InputError as error:
        cli = [p.message("vi") for p in error.problems if p.field == "year"]
    assert year["message"] == cli[0]
    assert (folder / PLAN).read_bytes() == before
    english = client.post("/api/validate?lang=en", json={"kind": "plan", "data": data}).json()
    assert next(e for e in english["errors"] if e["field"] == "year")["message"] == (
        "must be at least 1930"
    )


def test_validate_nested_field_path(client: TestClient):
    """A nested problem carries the JSON path the form needs (list indexes as numbers)."""
    data = client.get(f"/api/files/{PLAN}").json()["data"]
    data["recipients"] = {"unknown_key": 1}
    errors = client.post("/api/validate", json={"kind": "plan", "data": data}).json()["errors"]
    assert any(e["path"][0] == "recipients" for e in errors)
    assert all(isinstance(e["message"], str) and e["message"] for e in errors)


def test_new_plan_is_what_kehoach_new_writes(client: TestClient, folder: Path, tmp_path: Path):
    """POST /api/files writes the same starting plan as `kehoach new`; 409 when it exists."""
    body = {
        "name": "tg-2027.yaml",
        "plan_type": "tuyen-giao",
        "year": 2027,
        "org": "Đảng ủy xã Tả Van",
    }
    response = client.post("/api/files", json=body)
    assert response.status_code == 201, response.text
    cli = tmp_path / "cli" / "tg-2027.yaml"
    cli.parent.mkdir()
    assert (
        main(
            [
                "new",
                "--type",
                "tuyen-giao",
                "--year",
                "2027",
                "--org",
                "Đảng ủy xã Tả Van",
                "-o",
                str(cli),
            ]
        )
        == 0
    )
    assert (folder / "tg-2027.yaml").read_bytes() == cli.read_bytes()
    again = client.post("/api/files", json=body)
    assert again.status_code == 409
    unknown = client.post("/api/files", json={**body, "name": "b.yaml", "plan_type": "nope"})
    assert unknown.status_code == 422
    assert "tuyen-giao" in unknown.json()["error"]["message"]


def test_preview_is_the_composed_document_escaped(client: TestClient):
    """The preview shows header, title, sections, signature and Nơi nhận, text escaped."""
    data = client.get(f"/api/files/{PLAN}").json()["data"]
    data["title"]["subject"] = "Tuyên truyền A & B <C> \"D\" 'E'"
    response = client.post("/api/preview", json={"kind": "plan", "data": data})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "A &amp; B &lt;C&gt; &quot;D&quot; &#x27;E&#x27;" in html
    for piece in (
        "THỊ ỦY SA PA",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "KẾ HOẠCH",
        "Nơi nhận:",
        "kh-heading1",
        "Thào A Sinh",
    ):
        assert piece in html
    assert "<script" not in html


def test_preview_of_invalid_data_lists_errors(client: TestClient):
    """Preview of invalid data answers 422 with the field errors, not a broken page."""
    response = client.post("/api/preview", json={"kind": "plan", "data": {"year": "x"}})
    assert response.status_code == 422
    assert response.json()["errors"]


def test_docx_download_contains_the_edit_and_passes_check(client: TestClient):
    """The downloaded DOCX holds the edited text and `kehoach check` finds no error in it."""
    from kehoach.check import check_docx

    loaded = client.get(f"/api/files/{PLAN}").json()
    loaded["data"]["title"]["subject"] = "công tác Tuyên giáo năm 2022 (đã sửa trên trang)"
    assert client.put(f"/api/files/{PLAN}", json=loaded).status_code == 200
    response = client.get(f"/api/files/{PLAN}/docx")
    assert response.status_code == 200
    assert "sapa-2022-tuyen-giao.docx" in response.headers["content-disposition"]
    assert "(đã sửa trên trang)" in _document_text(response.content)
    assert check_docx(response.content).errors == ()


def test_pdf_without_libreoffice_answers_503(client: TestClient, monkeypatch):
    """Without LibreOffice the PDF download says so (503) in Vietnamese."""
    monkeypatch.setenv("KEHOACH_SOFFICE", "/nonexistent/soffice")
    response = client.get(f"/api/files/{PLAN}/pdf")
    assert response.status_code == 503
    assert "LibreOffice" in response.json()["error"]["message"]


def test_pdf_with_libreoffice(client: TestClient, soffice: str):
    """With LibreOffice the plan downloads as a PDF (the real pages)."""
    response = client.get(f"/api/files/{PLAN}/pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_missing_file_answers_404(client: TestClient):
    """A file that is not there is a 404 with its name, in Vietnamese."""
    response = client.get("/api/files/khong-co.yaml")
    assert response.status_code == 404
    assert "khong-co.yaml" in response.json()["error"]["message"]


def test_page_is_served_with_csrf_and_static_files(client: TestClient):
    """The page carries the CSRF token and a strict CSP; static files are served offline."""
    page = client.get("/")
    assert 'name="csrf-token"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    from importlib.resources import files

    static = files("kehoach.web") / "static"
    shipped = next(p for p in _walk(static) if p.is_file())
    relative = str(shipped).split("/static/", 1)[1]
    assert client.get(f"/static/{relative}").status_code == 200


def _walk(folder):
    for entry in folder.iterdir():
        yield entry
        if entry.is_dir():
            yield from _walk(entry)


def test_page_files_ship_with_the_package():
    """templates/index.html and static/ are found through importlib.resources (the wheel)."""
    from importlib.resources import files

    web = files("kehoach.web")
    assert (web / "templates" / "index.html").is_file()
    assert (web / "static").is_dir()


def test_schema_lists_the_plugins_block_kinds(client: TestClient):
    """/api/schema/plan names each plugin block kind with its own fields, before the generic
    entry; a plan using it validates against the schema."""
    import jsonschema
    from pydantic import BaseModel, ConfigDict, Field

    from kehoach import BlockKind, hookimpl

    class Slogan(BaseModel):
        model_config = ConfigDict(extra="forbid")
        text: str = Field(description="Khẩu hiệu")

    class SloganPlugin:
        @hookimpl
        def kehoach_block_kinds(self):
            return [BlockKind("slogan", Slogan, lambda value, out: out.paragraph(value.text))]

    client.app.state.kehoach.plugins.register(SloganPlugin(), name="slogans")
    schema = client.get("/api/schema/plan").json()
    text = json.dumps(schema, ensure_ascii=False)
    assert '"title": "slogan"' in text
    assert text.index('"title": "slogan"') < text.index('"title": "Khối do plugin thêm"')
    data = client.get(f"/api/files/{PLAN}").json()["data"]
    data["closing"] = [{"slogan": {"text": "Toàn dân đoàn kết!"}}]
    jsonschema.validate(data, schema)


def test_progress_schema_marks_what_kehoach_writes_read_only(client: TestClient):
    """generated_from (kehoach writes it) is readOnly in the page's progress schema."""
    schema = client.get("/api/schema/progress").json()
    assert schema["properties"]["generated_from"]["readOnly"] is True
