"""The page's safety: token, CSRF, Origin, Host, names, upload limits, concurrent saves."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from conftest import CSRF, PLAN, TOKEN, AppFactory
from kehoach import load_plan


def test_start_url_sets_session_cookie_and_hides_token(make_client: AppFactory):
    """The start URL's token becomes an HttpOnly, SameSite=Strict cookie; then a redirect to /."""
    client = make_client(signed_in=False)
    response = client.get(f"/?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert f"kehoach_session={TOKEN}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = client.get("/")
    assert page.status_code == 200
    assert f'<meta name="csrf-token" content="{CSRF}">' in page.text


@pytest.mark.parametrize("token", [None, "wrong", ""])
def test_missing_or_wrong_token_is_refused(make_client: AppFactory, token: str | None):
    """Without the start token (or with a wrong one) pages and the API answer 403."""
    client = make_client(signed_in=False)
    query = "" if token is None else f"?token={token}"
    page = client.get(f"/{query}", follow_redirects=False)
    assert page.status_code == 403
    assert "kehoach serve" in page.text and "Traceback" not in page.text
    api = client.get(f"/api/files{query}")
    assert api.status_code == 403
    assert api.json()["error"]["code"] == "no-session"
    assert "mã" in api.json()["error"]["message"]


def test_wrong_cookie_is_refused(make_client: AppFactory):
    """A session cookie with another value is no session."""
    client = make_client(signed_in=False)
    client.cookies.set("kehoach_session", "guess")
    assert client.get("/api/files").status_code == 403


def test_download_may_carry_the_token_in_the_url(make_client: AppFactory):
    """A download link works with ?token= and no cookie (as the contract allows)."""
    client = make_client(signed_in=False)
    response = client.get(f"/api/files/{PLAN}/docx?token={TOKEN}")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize("header", [None, "wrong"])
def test_change_without_the_csrf_token_is_refused(
    make_client: AppFactory, folder: Path, header: str | None
):
    """A PUT/POST without the page's CSRF header (or a wrong one) is refused, nothing written."""
    client = make_client(signed_in=False)
    client.cookies.set("kehoach_session", TOKEN)
    headers = {} if header is None else {"X-CSRF-Token": header}
    before = (folder / PLAN).read_bytes()
    response = client.put(f"/api/files/{PLAN}", json={"data": {}, "version": "x"}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf"
    created = client.post(
        "/api/files",
        json={"name": "x.yaml", "plan_type": "tuyen-giao", "year": 2027},
        headers=headers,
    )
    assert created.status_code == 403
    assert (folder / PLAN).read_bytes() == before
    assert not (folder / "x.yaml").exists()


def test_foreign_origin_is_refused(client: TestClient, folder: Path):
    """A request whose Origin is another site is refused even with the CSRF header."""
    response = client.post(
        "/api/files",
        json={"name": "x.yaml", "plan_type": "tuyen-giao", "year": 2027},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin"
    assert not (folder / "x.yaml").exists()
    own = client.post(
        "/api/validate",
        json={"kind": "plan", "data": {}},
        headers={"Origin": "http://testserver"},
    )
    assert own.status_code == 200


def test_foreign_host_is_refused(client: TestClient):
    """A Host header naming another host (DNS rebinding) is refused, token or not."""
    response = client.get("/api/files", headers={"Host": "evil.example:8765"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad-host"


@pytest.mark.parametrize(
    "name",
    [
        "../outside.yaml",
        "..%2Foutside.yaml",
        "%2E%2E%2Foutside.yaml",
        "/etc/passwd",
        "%2Fetc%2Fpasswd.yaml",
        "sub/plan.yaml",
        ".hidden.yaml",
        "a..b.yaml",
        "plan.txt",
        "..\\outside.yaml",
    ],
)
def test_names_that_leave_the_folder_are_refused(client: TestClient, folder: Path, name: str):
    """Traversal in names (plain, encoded, absolute, hidden) is refused; nothing is written."""
    (folder.parent / "outside.yaml").write_text("secret: 1\n", encoding="utf-8")
    read = client.get(f"/api/files/{name}")
    assert read.status_code in (400, 404)
    assert "secret" not in read.text
    write = client.put(f"/api/files/{name}", json={"data": {"a": 1}, "version": "x"})
    assert write.status_code in (400, 404, 405)
    assert (folder.parent / "outside.yaml").read_text(encoding="utf-8") == "secret: 1\n"
    assert sorted(p.name for p in folder.iterdir()) == [PLAN]


def test_symlink_out_of_the_folder_is_refused(client: TestClient, folder: Path):
    """A symbolic link in the folder pointing outside it is neither read nor written."""
    outside = folder.parent / "elsewhere.yaml"
    outside.write_text("secret: 1\n", encoding="utf-8")
    os.symlink(outside, folder / "link.yaml")
    response = client.get("/api/files/link.yaml")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "outside"
    assert "link.yaml" not in [f["name"] for f in client.get("/api/files").json()["files"]]
    assert client.get("/api/download/link.yaml").status_code == 400
    assert outside.read_text(encoding="utf-8") == "secret: 1\n"


def test_oversized_upload_is_refused_and_nothing_written(make_client: AppFactory, folder: Path):
    """An upload past the limit gets 413 and leaves the folder as it was."""
    client = make_client(upload_limit=4096)
    before = sorted(p.name for p in folder.iterdir())
    response = client.post(
        "/api/import", files={"file": ("big.docx", b"PK" + b"\0" * 10_000, "application/zip")}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too-large"
    assert "giới hạn" in response.json()["error"]["message"]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_oversized_body_without_length_is_stopped_while_read(make_client: AppFactory, folder: Path):
    """A streamed body (no Content-Length) is counted as it arrives and stopped at the limit."""
    client = make_client(json_limit=1000)

    def chunks():
        for _ in range(50):
            yield b" " * 100

    before = (folder / PLAN).read_bytes()
    response = client.put(
        f"/api/files/{PLAN}", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert (folder / PLAN).read_bytes() == before


def test_oversized_upload_uses_checks_limit_by_default():
    """By default an upload may be as large as `kehoach check` reads, and no larger."""
    from kehoach.check.read.package import MAX_INPUT_BYTES
    from kehoach.web.app import create_app

    app = create_app(Path("."), token="t")
    assert app.state.kehoach.guard.upload_limit == MAX_INPUT_BYTES


def test_two_saves_of_the_same_version_one_wins(make_client: AppFactory, folder: Path):
    """Two tabs saving the same version at once: one is saved, the other gets 409; file intact."""
    first, second = make_client(), make_client()
    loaded = first.get(f"/api/files/{PLAN}").json()
    texts = []
    for who in ("Tab một", "Tab hai"):
        data = loaded["data"]
        data = {**data, "title": {**data["title"], "subject": f"{who}: chủ đề mới"}}
        texts.append(data)
    barrier = threading.Barrier(2)
    results: dict[int, object] = {}

    def save(index: int, client: TestClient) -> None:
        barrier.wait()
        results[index] = client.put(
            f"/api/files/{PLAN}", json={"data": texts[index], "version": loaded["version"]}
        )

    threads = [threading.Thread(target=save, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(r.status_code for r in results.values())  # type: ignore[attr-defined]
    assert codes == [200, 409]
    loser = next(r for r in results.values() if r.status_code == 409)  # type: ignore[attr-defined]
    assert loser.json()["error"]["code"] == "stale"  # type: ignore[attr-defined]
    assert loser.json()["version"] == first.get(f"/api/files/{PLAN}").json()["version"]  # type: ignore[attr-defined]
    saved = load_plan(folder / PLAN)
    assert saved.title.subject in ("Tab một: chủ đề mới", "Tab hai: chủ đề mới")
    assert not [p for p in folder.iterdir() if p.name != PLAN]  # no temporary file left


def test_save_of_an_old_version_is_refused(client: TestClient, folder: Path):
    """A save naming a version the file no longer has gets 409 with the current version."""
    loaded = client.get(f"/api/files/{PLAN}").json()
    (folder / PLAN).write_text(
        (folder / PLAN).read_text(encoding="utf-8") + "\n# sửa ở nơi khác\n", encoding="utf-8"
    )
    before = (folder / PLAN).read_bytes()
    response = client.put(f"/api/files/{PLAN}", json=loaded)
    assert response.status_code == 409
    assert response.json()["version"] != loaded["version"]
    assert (folder / PLAN).read_bytes() == before


def test_uploaded_file_name_is_sanitised(client: TestClient, folder: Path, sapa_docx: bytes):
    """An upload named with folders and Vietnamese letters is saved under a plain name inside."""
    response = client.post(
        "/api/import",
        files={"file": ("../../Kế hoạch Đoàn 2022.docx", sapa_docx, "application/octet-stream")},
    )
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "Ke-hoach-Doan-2022.yaml"
    assert (folder / "Ke-hoach-Doan-2022.yaml").is_file()
    assert not list(folder.parent.glob("*.yaml"))


def test_internal_error_shows_no_traceback(make_client: AppFactory, monkeypatch, caplog):
    """A bug answers 500 with a Vietnamese message; the details go to the server log only."""
    import kehoach.web.routes_files as routes

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(routes, "_summary", broken)
    client = make_client(raise_errors=False)
    response = client.get("/api/files")
    assert response.status_code == 500
    message = response.json()["error"]["message"]
    assert message.startswith("lỗi nội bộ của kehoach")
    assert "secret detail" not in response.text and "Traceback" not in response.text
    assert "secret detail" in caplog.text


def test_refusals_in_english_with_lang_en(make_client: AppFactory):
    """With lang=en refusals are in English."""
    client = make_client(signed_in=False, lang="en")
    response = client.get("/api/files")
    assert response.json()["error"]["message"].startswith("not signed in")


def test_token_in_the_url_does_not_allow_changes(make_client: AppFactory, folder: Path):
    """?token= opens links (GET) only; a change needs the session cookie."""
    client = make_client(signed_in=False)
    response = client.post(
        f"/api/files?token={TOKEN}",
        json={"name": "x.yaml", "plan_type": "tuyen-giao", "year": 2027},
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 403
    assert not (folder / "x.yaml").exists()
