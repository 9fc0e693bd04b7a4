"""Import, check, progress, report and next year through the API, as the page uses them."""

from __future__ import annotations

import io
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml
from starlette.testclient import TestClient

from conftest import PLAN, ROOT, first_task
from kehoach import load_plan, load_progress

REAL = ROOT / "tests" / "data" / "real-docx"


def _text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _upload(client: TestClient, route: str, name: str, data: bytes):
    return client.post(route, files={"file": (name, data, "application/octet-stream")})


def test_import_word_plan_with_its_review_list(client: TestClient, folder: Path, sapa_docx: bytes):
    """An uploaded Word plan becomes a valid plan file; its review list points at paragraphs."""
    response = _upload(client, "/api/import", "sapa-2022.docx", sapa_docx)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "sapa-2022.yaml"
    plan = load_plan(folder / "sapa-2022.yaml")
    assert plan.year == 2022
    paragraphs = {p["index"]: p["text"] for p in body["paragraphs"]}
    for item in body["review"]:
        assert item["message"] and item["done"] is False
        if item["paragraph"] is not None:
            assert item["paragraph"] in paragraphs
            assert item["where"] == f"đoạn {item['paragraph']}"
    again = client.get("/api/files/sapa-2022.yaml").json()
    assert [i["id"] for i in again["review"]] == [i["id"] for i in body["review"]]
    assert (folder / "sapa-2022.review.md").is_file()
    second = _upload(client, "/api/import", "sapa-2022.docx", sapa_docx)
    assert second.json()["name"] == "sapa-2022-2.yaml"  # never over an existing file


def test_import_refuses_what_is_not_word(client: TestClient, folder: Path):
    """A PDF renamed .docx is refused in Vietnamese (422), nothing written."""
    response = _upload(client, "/api/import", "ke-hoach.docx", b"%PDF-1.4 not word")
    assert response.status_code == 422
    assert "PDF" in response.json()["error"]["message"]
    assert sorted(p.name for p in folder.iterdir()) == [PLAN]


def test_reorder_sections_of_an_imported_plan(client: TestClient, folder: Path, sapa_docx: bytes):
    """Two sections swapped on the page are saved in the new order; the document follows."""
    name = _upload(client, "/api/import", "sapa.docx", sapa_docx).json()["name"]
    loaded = client.get(f"/api/files/{name}").json()
    sections = loaded["data"]["sections"]
    assert len(sections) >= 2
    sections[0], sections[1] = sections[1], sections[0]
    titles = [s.get("title") for s in sections[:2]]
    response = client.put(f"/api/files/{name}", json=loaded)
    assert response.status_code == 200, response.text
    saved = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    assert [s.get("title") for s in saved["sections"][:2]] == titles
    text = _text(client.get(f"/api/files/{name}/docx").content)
    first, second = (str(t).upper() for t in titles)
    assert text.index(first) < text.index(second)


def test_check_maps_findings_to_paragraphs(client: TestClient):
    """Checking a real DOCX gives findings, each body finding naming a paragraph of the list."""
    data = (REAL / "party-dang-uy-giay-gioi-thieu.docx").read_bytes()
    response = _upload(client, "/api/check", "giay gioi thieu.docx", data)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document_class"] == "party"
    indexes = {p["index"] for p in body["paragraphs"]}
    assert body["findings"]
    located = [f for f in body["findings"] if f["paragraph"] is not None]
    assert located
    for finding in located:
        assert finding["paragraph"] in indexes
        assert finding["where"] and finding["message"] and finding["rule"].startswith("F-")


def test_check_of_kehoachs_own_document_is_clean(client: TestClient, sapa_docx: bytes):
    """The Sa Pa plan as kehoach renders it has no error when checked through the page."""
    body = _upload(client, "/api/check", "sapa.docx", sapa_docx).json()
    assert body["status"] == "ok"
    assert [f for f in body["findings"] if f["severity"] == "error"] == []


def test_check_of_an_unreadable_file(client: TestClient):
    """A file that is no DOCX is answered with check's own words (422)."""
    response = _upload(client, "/api/check", "x.docx", b"not a docx")
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("x.docx: ")


def test_progress_file_has_the_sheets_rows(client: TestClient, folder: Path):
    """A new progress file lists every target, task and budget row of the progress sheet."""
    from kehoach.sheets.progress import progress_workbook

    response = client.post(f"/api/files/{PLAN}/progress", json={"period": "6m"})
    assert response.status_code == 201
    name = response.json()["name"]
    assert name == "sapa-2022-tuyen-giao.progress-6m.yaml"
    loaded = client.get(f"/api/files/{name}").json()
    assert loaded["kind"] == "progress" and loaded["errors"] == []
    book = progress_workbook(load_plan(folder / PLAN))
    task_ids = [r[0] for r in book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert [t["id"] for t in loaded["data"]["tasks"]] == task_ids
    assert [t["id"] for t in loaded["context"]["tasks"]] == task_ids
    assert {"label", "unit", "planned", "achieved"} <= set(loaded["context"]["targets"][0])
    assert client.post(f"/api/files/{PLAN}/progress", json={"period": "6m"}).status_code == 409
    bad = client.post(f"/api/files/{PLAN}/progress", json={"period": "7m"})
    assert bad.status_code == 422


def test_fill_progress_and_download_the_report(client: TestClient, folder: Path):
    """Progress filled on the page makes the six-month report, written and downloadable."""
    name = client.post(f"/api/files/{PLAN}/progress", json={"period": "6m"}).json()["name"]
    loaded = client.get(f"/api/files/{name}").json()
    first = loaded["data"]["tasks"][0]
    first.update({"status": "done_on_time", "completed": "2022-03-10", "notes": "Đã ban hành"})
    loaded["data"]["summary"] = "Sáu tháng đầu năm, công tác tuyên giáo đạt kết quả tốt."
    targets = loaded["data"]["targets"]
    targets[0]["achieved"] = 3
    targets[1]["achieved"] = "2,5"
    saved = client.put(f"/api/files/{name}", json=loaded)
    assert saved.status_code == 200, saved.text
    progress = load_progress(folder / name, plan=load_plan(folder / PLAN))
    assert progress.tasks[0].status == "done_on_time"
    assert [str(t.achieved) for t in progress.targets[:2]] == ["3", "2.5"]
    bad = dict(loaded, version=saved.json()["version"])
    bad["data"] = {**loaded["data"], "tasks": [{"id": "khong-co-nhiem-vu-nay"}]}
    refused = client.put(f"/api/files/{name}", json=bad)
    assert refused.status_code == 422
    assert "khong-co-nhiem-vu-nay" in refused.json()["errors"][0]["message"]
    report = client.post("/api/report", json={"plan": PLAN, "progress": name})
    assert report.status_code == 201, report.text
    docx = report.json()["name"]
    assert docx == "sapa-2022-tuyen-giao.bao-cao-6m.docx"
    download = client.get(report.json()["url"])
    assert download.status_code == 200
    assert "Sáu tháng đầu năm, công tác tuyên giáo đạt kết quả tốt." in _text(download.content)
    assert (folder / docx).read_bytes() == download.content


def test_report_preview(client: TestClient):
    """The report preview is the composed report as HTML."""
    name = client.post(f"/api/files/{PLAN}/progress", json={"period": "6m"}).json()["name"]
    data = client.get(f"/api/files/{name}").json()["data"]
    response = client.post("/api/preview", json={"kind": "report", "data": data, "plan": PLAN})
    assert response.status_code == 200, response.text
    assert "BÁO CÁO" in response.json()["html"]


def test_next_year_draft_and_ticks_kept(client: TestClient, folder: Path):
    """Next year's draft is written with its review list; ticks persist, version-checked."""
    (folder / "tien-do.yaml").write_bytes(
        (ROOT / "examples/sapa-2022-progress-year.yaml").read_bytes()
    )
    response = client.post("/api/next-year", json={"plan": PLAN, "progress": "tien-do.yaml"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "sapa-2023-tuyen-giao.yaml"
    assert load_plan(folder / body["name"]).year == 2023
    assert body["review"] and not any(i["done"] for i in body["review"])
    comments = [
        ln
        for ln in (folder / PLAN).read_text(encoding="utf-8").splitlines()
        if ln.strip().startswith("# ")
    ]
    new_text = (folder / body["name"]).read_text(encoding="utf-8")
    assert sum(c in new_text for c in comments) > len(comments) // 2  # comments carried over
    ids = [body["review"][0]["id"], body["review"][1]["id"]]
    ticked = client.put(
        f"/api/files/{body['name']}/review", json={"done": ids, "version": body["review_version"]}
    )
    assert ticked.status_code == 200
    reread = client.get(f"/api/files/{body['name']}").json()
    assert [i["id"] for i in reread["review"] if i["done"]] == ids
    stale = client.put(
        f"/api/files/{body['name']}/review", json={"done": [], "version": body["review_version"]}
    )
    assert stale.status_code == 409
    again = client.post("/api/next-year", json={"plan": PLAN})
    assert again.status_code == 409  # the draft is never overwritten


def test_next_year_review_in_english(client: TestClient):
    """With lang=en the review list is worded in English."""
    body = client.post("/api/next-year?lang=en", json={"plan": PLAN}).json()
    assert any(item["where"] == "Signature" for item in body["review"])


def test_whole_path_on_an_imported_plan(client: TestClient, folder: Path, sapa_docx: bytes):
    """Import → edit a task, swap two sections → DOCX (check passes) → six-month progress →
    report → 2023 draft → ticks: the path the browser test walks, through the API."""
    from kehoach.check import check_docx

    name = _upload(client, "/api/import", "sapa-2022.docx", sapa_docx).json()["name"]
    loaded = client.get(f"/api/files/{name}").json()
    assert loaded["errors"] == []
    data = loaded["data"]
    data["sections"][0], data["sections"][1] = data["sections"][1], data["sections"][0]
    task = first_task(data)
    task["text"] = "Nhiệm vụ đã sửa trên trang web"
    saved = client.put(f"/api/files/{name}", json={"data": data, "version": loaded["version"]})
    assert saved.status_code == 200, saved.text
    docx = client.get(f"/api/files/{name}/docx").content
    assert "Nhiệm vụ đã sửa trên trang web" in _text(docx)
    assert check_docx(docx).errors == ()
    progress = client.post(f"/api/files/{name}/progress", json={"period": "6m"})
    assert progress.status_code == 201, progress.text
    progress_name = progress.json()["name"]
    sheet = client.get(f"/api/files/{progress_name}").json()
    assert sheet["errors"] == [] and sheet["plan"] == name
    sheet["data"]["tasks"][0]["status"] = "in_progress"
    assert client.put(f"/api/files/{progress_name}", json=sheet).status_code == 200
    report = client.post("/api/report", json={"progress": progress_name})
    assert report.status_code == 201, report.text
    assert client.get(report.json()["url"]).content[:2] == b"PK"
    draft = client.post("/api/next-year", json={"plan": name, "progress": progress_name})
    assert draft.status_code == 201, draft.text
    body = draft.json()
    assert body["name"] == "sapa-2023.yaml"
    first = body["review"][0]["id"]
    ticked = client.put(
        f"/api/files/{body['name']}/review",
        json={"done": [first], "version": body["review_version"]},
    )
    assert ticked.status_code == 200


def test_import_real_word_plans(client: TestClient, folder: Path):
    """Real plans from the corpus upload as valid plan files, their review items pointing at
    paragraphs of the document."""
    for source in sorted(REAL.glob("*ke-hoach*.docx")):
        response = _upload(client, "/api/import", source.name, source.read_bytes())
        assert response.status_code == 201, (source.name, response.text)
        body = response.json()
        load_plan(folder / body["name"])
        indexes = {p["index"] for p in body["paragraphs"]}
        assert all(i["paragraph"] in indexes for i in body["review"] if i["paragraph"])


def _report_warnings(client: TestClient, progress: str) -> list[str]:
    response = client.post("/api/report", json={"plan": PLAN, "progress": progress})
    assert response.status_code == 201, response.text
    return list(response.json()["warnings"])


def test_reports_made_at_once_keep_their_own_warnings(client: TestClient, folder: Path):
    """Two reports made at the same instant each get their own warnings, none lost or swapped."""
    made = client.post(f"/api/files/{PLAN}/progress", json={"period": "year"}).json()["name"]
    shutil.copy(folder / made, folder / "tien-do-ban-sao.yaml")
    names = {}
    for flagged, name in enumerate((made, "tien-do-ban-sao.yaml")):
        sheet = client.get(f"/api/files/{name}").json()
        task = sheet["data"]["tasks"][flagged]
        task["status"] = "in_progress"
        assert client.put(f"/api/files/{name}", json=sheet).status_code == 200
        names[task["id"]] = name
    expected = {task_id: _report_warnings(client, name) for task_id, name in names.items()}
    for task_id, warnings in expected.items():
        assert warnings and all(task_id in w for w in warnings)

    def report(task_id: str) -> list[str]:
        return _report_warnings(client, names[task_id])

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = [*names] * 6
        results = list(pool.map(report, ids))
    assert results == [expected[task_id] for task_id in ids]
