"""Routes on the plan and progress files of the folder: list, read, save, create, render."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kehoach.errors import InputError
from kehoach.model import Plan, Progress
from kehoach.web.documents import (
    check_data,
    kind_of,
    plan_of,
    read_json,
    read_plan,
    validated,
)
from kehoach.web.problems import ApiError, problem_msgs
from kehoach.web.reviews import items_for, parse_review, review_name
from kehoach.web.security import content_disposition
from kehoach.web.state import WebState, lang_of, state_of
from kehoach.web.storage import REVIEW_NAME, version_of

__all__ = ["ROUTES", "body_of", "file_text"]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def body_of(request: Request) -> dict[str, Any]:
    """The request's JSON object (400 when it is not one)."""
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        raise ApiError(
            400, "bad-json", "dữ liệu gửi lên không phải JSON hợp lệ", "the body is not valid JSON"
        )
    return data


async def info(request: Request) -> Response:
    """``GET /api/info``: version, language, folder, plan types, LibreOffice."""
    from kehoach import __version__, plan_types
    from kehoach.errors import KehoachError
    from kehoach.pdf.soffice import find_soffice

    state = state_of(request)
    lang = lang_of(request)
    try:
        find_soffice()
        soffice = True
    except KehoachError:
        soffice = False
    types = [
        {"id": t.id, "title": t.name_en if lang == "en" else t.name}
        for t in plan_types(state.plugins)
    ]
    return JSONResponse(
        {
            "version": __version__,
            "lang": lang,
            "folder_name": state.folder.root.name,
            "plan_types": types,
            "soffice": soffice,
        }
    )


def _summary(state: WebState, name: str) -> dict[str, Any]:
    try:
        data, _ = read_json(state.folder.path(name))
    except Exception:  # an unreadable file is still listed, as "other"
        data = None
    kind = kind_of(name, data)
    title = year = None
    if isinstance(data, dict):
        heading = data.get("title")
        title = heading.get("subject") if isinstance(heading, dict) else heading
        year = data.get("year")
    return {
        "name": name,
        "kind": kind,
        "title": title if isinstance(title, str) else None,
        "year": year if isinstance(year, int) else None,
        "modified": state.folder.modified(name),
    }


async def list_files(request: Request) -> Response:
    """``GET /api/files``: the YAML files of the folder, with their kind and title."""
    state = state_of(request)

    def listing() -> list[dict[str, Any]]:
        return [_summary(state, name) for name in state.folder.plan_names()]

    return JSONResponse({"files": await run_in_threadpool(listing)})


async def schema(request: Request) -> Response:
    """``GET /api/schema/{kind}``: the JSON Schema of plan or progress files, with the
    block kinds of the server's plugins (:mod:`kehoach.web.schema`)."""
    from kehoach.web.schema import page_schema

    kind = request.path_params["kind"]
    if kind not in ("plan", "progress"):
        raise ApiError(404, "not-found", f"không có lược đồ “{kind}”", f"no schema “{kind}”")
    return JSONResponse(page_schema(kind, state_of(request).plugins))


def _plan_for(state: WebState, progress_name: str, given: Any = None) -> Any:
    """The plan a progress file is about: ``given`` (a name) or the one its name says."""
    name = given if isinstance(given, str) and given else plan_of(progress_name)
    if name is None or not state.folder.path(name).is_file():
        return None
    return read_plan(state.folder, name, state.plugins)


async def read_file(request: Request) -> Response:
    """``GET /api/files/{name}``: the file's data, version, errors, warnings, review."""
    state = state_of(request)
    name = request.path_params["name"]
    lang = lang_of(request)
    given_plan = request.query_params.get("plan")

    def read() -> dict[str, Any]:
        path, raw = state.folder.read(name)
        try:
            data, positions = read_json(path)
        except InputError as error:  # a file that does not parse: say where
            return _unreadable(name, raw, error, lang)
        kind = kind_of(name, data)
        result: dict[str, Any] = {"name": name, "kind": kind, "data": data}
        result["version"] = version_of(raw)
        result |= {"errors": [], "warnings": [], "review": [], "review_version": None}
        if kind in ("plan", "progress"):
            plan = _plan_for(state, name, given_plan) if kind == "progress" else None
            checked = check_data(
                kind, data, lang=lang, pm=state.plugins, plan=plan, line_of=positions.line_of
            )
            result["warnings"] = checked.warnings
            result["errors"] = _with_lines(checked.errors, positions)
            if kind == "progress":
                result["plan"] = given_plan or plan_of(name)
                result["period"] = data.get("period")
                result["context"] = _context(plan)
        sidecar = state.folder.path(review_name(name), REVIEW_NAME)
        if sidecar.is_file():
            raw_review = sidecar.read_bytes()
            result["review"] = items_for(parse_review(raw_review), lang)
            result["review_version"] = version_of(raw_review)
        return result

    return JSONResponse(await run_in_threadpool(read))


def _unreadable(name: str, raw: bytes, error: InputError, lang: str) -> dict[str, Any]:
    return {
        "name": name,
        "kind": "other",
        "data": None,
        "version": version_of(raw),
        "errors": problem_msgs(error.problems, lang),
        "warnings": [],
        "review": [],
        "review_version": None,
    }


def _with_lines(errors: list[dict[str, Any]], positions: Any) -> list[dict[str, Any]]:
    for error in errors:
        if error["line"] is None and error["field"]:
            error["line"] = positions.line_of(error["field"])
    return errors


def _context(plan: Any) -> dict[str, Any] | None:
    from kehoach.web.progress import sheet_rows

    return None if plan is None else sheet_rows(plan)


async def save_file(request: Request) -> Response:
    """``PUT /api/files/{name}`` {data, version}: validate, then save over the file's text."""
    from kehoach import to_yaml_over

    state = state_of(request)
    name = request.path_params["name"]
    lang = lang_of(request)
    body = await body_of(request)
    version = body.get("version")
    if not isinstance(version, str):
        raise ApiError(
            400, "no-version", "thiếu phiên bản (version) của tệp", "the file version is missing"
        )

    def save() -> Response:
        _, raw = state.folder.read(name)
        original = file_text(raw, name)
        data = body.get("data")
        kind = body.get("kind") or kind_of(name, data)
        plan = _plan_for(state, name, body.get("plan")) if kind == "progress" else None
        model, warnings = validated(kind, data, lang=lang, pm=state.plugins, plan=plan)
        text = to_yaml_over(model, original).encode("utf-8")
        state.folder.write([(name, text)], versions={name: version})
        return JSONResponse({"version": version_of(text), "warnings": warnings})

    response: Response = await run_in_threadpool(save)
    return response


def file_text(raw: bytes, name: str) -> str:
    """A YAML file's text, to write the saved plan over (422 when it is not UTF-8)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(
            422,
            "not-utf8",
            f"{name}: tệp không phải văn bản UTF-8; mở và lưu lại với mã UTF-8",
            f"{name}: the file is not UTF-8 text; save it again as UTF-8",
        ) from None


async def create_file(request: Request) -> Response:
    """``POST /api/files`` {name, plan_type, year, org?, superior?, place?}: ``kehoach new``."""
    from kehoach import DEFAULT_ORG, Organization, plan_types
    from kehoach.starter import starting_plan_text

    state = state_of(request)
    body = await body_of(request)
    name = str(body.get("name") or "")
    year = body.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise ApiError(422, "bad-year", "năm phải là số nguyên", "the year must be a whole number")
    state.folder.path(name)  # a bad name is refused before anything else

    def create() -> Response:
        plan_type = plan_types(state.plugins).get(str(body.get("plan_type") or ""))
        org = Organization(
            name=str(body.get("org") or DEFAULT_ORG),
            year=year,
            superior=body.get("superior") or None,
            place=body.get("place") or None,
        )
        text = starting_plan_text(plan_type, org, name).encode("utf-8")
        state.folder.write([(name, text)], versions={name: None})
        return JSONResponse({"name": name, "version": version_of(text)}, status_code=201)

    response: Response = await run_in_threadpool(create)
    return response


async def validate(request: Request) -> Response:
    """``POST /api/validate`` {kind, data, plan?}: errors and warnings, nothing saved."""
    state = state_of(request)
    body = await body_of(request)
    lang = lang_of(request)

    def run() -> dict[str, Any]:
        kind = body.get("kind", "plan")
        plan = _plan_for(state, "", body.get("plan")) if kind == "progress" else None
        checked = check_data(kind, body.get("data"), lang=lang, pm=state.plugins, plan=plan)
        return {"errors": checked.errors, "warnings": checked.warnings}

    return JSONResponse(await run_in_threadpool(run))


async def preview(request: Request) -> Response:
    """``POST /api/preview`` {kind, data, plan?, period?}: the composed document as HTML."""
    from kehoach.compose import compose_plan
    from kehoach.web.preview import document_html

    state = state_of(request)
    body = await body_of(request)
    lang = lang_of(request)

    def run() -> Response:
        kind = body.get("kind", "plan")
        if kind in ("report", "progress"):
            return _report_preview(state, body, lang)
        plan, _ = validated("plan", body.get("data"), lang=lang, pm=state.plugins)
        assert isinstance(plan, Plan)
        return JSONResponse({"html": document_html(compose_plan(plan))})

    response: Response = await run_in_threadpool(run)
    return response


def _report_preview(state: WebState, body: dict[str, Any], lang: str) -> Response:
    from kehoach.report import compose_report_with_notices
    from kehoach.web.preview import document_html

    plan = _plan_for(state, "", body.get("plan"))
    if plan is None:
        raise ApiError(422, "no-plan", "chưa chọn kế hoạch", "no plan chosen")
    progress, _ = validated("progress", body.get("data"), lang=lang, pm=state.plugins, plan=plan)
    assert isinstance(progress, Progress)
    period = body.get("period") or None
    # Notices returned, not issued: warnings are process-wide, requests run in threads.
    document, notices = compose_report_with_notices(plan, progress, period=period)
    warnings = [notice.message(lang) for notice in notices]
    return JSONResponse({"html": document_html(document), "warnings": warnings})


def plan_docx(state: WebState, name: str) -> bytes:
    """The DOCX of plan file ``name``, rendered with the plugins of this server."""
    from kehoach import render_plan

    plan = read_plan(state.folder, name, state.plugins)
    buffer = io.BytesIO()
    render_plan(plan, buffer, plugin_manager=state.plugins)
    return buffer.getvalue()


async def download_docx(request: Request) -> Response:
    """``GET /api/files/{name}/docx``: the plan as a Word document."""
    state = state_of(request)
    name = request.path_params["name"]
    data = await run_in_threadpool(plan_docx, state, name)
    filename = f"{Path(name).stem}.docx"
    headers = {"content-disposition": content_disposition(filename)}
    return Response(data, media_type=DOCX_TYPE, headers=headers)


def docx_to_pdf(data: bytes) -> bytes:
    """A DOCX's PDF, laid out by LibreOffice (503 when it is not installed)."""
    from kehoach.pdf import to_pdf
    from kehoach.pdf.errors import LibreOfficeMissingError
    from kehoach.pdf.soffice import find_soffice

    try:
        find_soffice()
    except LibreOfficeMissingError as missing:
        raise ApiError(
            503, "no-libreoffice", *missing.messages("vi"), *missing.messages("en")
        ) from None
    with tempfile.TemporaryDirectory(prefix="kehoach-web-") as work:
        target = Path(work) / "document.pdf"
        to_pdf(data, target)
        return target.read_bytes()


async def download_pdf(request: Request) -> Response:
    """``GET /api/files/{name}/pdf``: the plan as PDF (the real pages, by LibreOffice)."""
    state = state_of(request)
    name = request.path_params["name"]

    def make() -> bytes:
        return docx_to_pdf(plan_docx(state, name))

    data = await run_in_threadpool(make)
    disposition = "inline" if request.query_params.get("inline") else "attachment"
    filename = content_disposition(f"{Path(name).stem}.pdf").replace("attachment", disposition)
    return Response(data, media_type="application/pdf", headers={"content-disposition": filename})


ROUTES = [
    Route("/api/info", info),
    Route("/api/files", list_files, methods=["GET"]),
    Route("/api/files", create_file, methods=["POST"]),
    Route("/api/schema/{kind}", schema),
    Route("/api/validate", validate, methods=["POST"]),
    Route("/api/preview", preview, methods=["POST"]),
    Route("/api/files/{name:path}/docx", download_docx),
    Route("/api/files/{name:path}/pdf", download_pdf),
    Route("/api/files/{name:path}", read_file, methods=["GET"]),
    Route("/api/files/{name:path}", save_file, methods=["PUT"]),
]
