"""The real printed pages of the plan being edited (issue 17: pages through LibreOffice)."""

from __future__ import annotations

import base64

from starlette.testclient import TestClient

from conftest import PLAN


def test_pages_are_drawn_from_the_form_data_unsaved(client: TestClient, soffice: str):
    """POST /api/pages lays out the data as sent (not the saved file) and answers PNG pages."""
    loaded = client.get(f"/api/files/{PLAN}").json()
    response = client.post("/api/pages", json={"data": loaded["data"]})
    assert response.status_code == 200
    pages = response.json()["pages"]
    assert len(pages) >= 2  # the Sa Pa plan prints on several pages
    for url in pages:
        head, _, payload = url.partition(",")
        assert head == "data:image/png;base64"
        assert base64.b64decode(payload).startswith(b"\x89PNG\r\n\x1a\n")


def test_pages_without_libreoffice_answer_503(client: TestClient, monkeypatch):
    """Without LibreOffice the page is told so (503), in Vietnamese."""
    monkeypatch.setenv("KEHOACH_SOFFICE", "/nonexistent/soffice")
    loaded = client.get(f"/api/files/{PLAN}").json()
    response = client.post("/api/pages", json={"data": loaded["data"]})
    assert response.status_code == 503
    assert "LibreOffice" in response.json()["error"]["message"]


def test_invalid_data_gets_field_messages_not_pages(client: TestClient):
    """Data that is not a valid plan answers 422 with messages at the fields."""
    loaded = client.get(f"/api/files/{PLAN}").json()
    loaded["data"]["year"] = "hai nghìn"
    response = client.post("/api/pages", json={"data": loaded["data"]})
    assert response.status_code == 422
    assert response.json()["errors"]


def test_pages_need_the_csrf_header(make_client):
    """Like every change-shaped request, drawing pages needs the CSRF header."""
    client = make_client()
    client.headers.pop("X-CSRF-Token", None)
    response = client.post("/api/pages", json={"data": {}})
    assert response.status_code == 403
