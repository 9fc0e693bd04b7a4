"""Routes that make new files: import a Word plan, check a DOCX, progress, report, next year.

Each writes only inside the folder, under a sanitised name, all its files at once
(:meth:`kehoach.web.storage.Folder.write`); none overwrites a person's file (409),
except a report, which is output made again from the plan and the progress.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kehoach.web.documents import load_progress_file, plan_of, progress_name, read_plan
from kehoach.web.problems import ApiError
from kehoach.web.reviews import (
    import_items,
    items_for,
    parse_review,
    review_file,
    review_name,
    rollover_items,
    ticked,
)
from kehoach.web.routes_files import DOCX_TYPE, body_of, file_text
from kehoach.web.security import content_disposition, sanitise_stem
from kehoach.web.state import lang_of, state_of
from kehoach.web.storage import DOWNLOAD_NAME, REVIEW_NAME, version_of

if TYPE_CHECKING:
    from kehoach.check import DocxView

__all__ = ["ROUTES"]

_MEDIA = {
    ".docx": DOCX_TYPE,
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
    ".yaml": "text/yaml; charset=utf-8",
    ".yml": "text/yaml; charset=utf-8",
}


async def _upload(request: Request) -> tuple[str, bytes]:
    """The uploaded file (form field ``file``): its name and bytes."""
    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(400, "no-file", "chưa chọn tệp để tải lên", "no file was uploaded")
    data = await upload.read()
    await form.close()
    return upload.filename or "tep-tai-len.docx", data


def _paragraphs(view: DocxView) -> list[dict[str, Any]]:
    return [{"index": p.index, "text": p.full_text} for p in view.paragraphs]


async def import_word(request: Request) -> Response:
    """``POST /api/import`` (multipart ``file``): a Word plan → a plan file + review list."""
    from kehoach import to_yaml
    from kehoach.docx_import import import_view, review_markdown
    from kehoach.docx_import.source import load_view

    state = state_of(request)
    lang = lang_of(request)
    filename, data = await _upload(request)
    shown = Path(filename.replace("\\", "/")).name

    def run() -> Response:
        view = load_view(data, shown)
        result = import_view(view, name=shown)
        stem = sanitise_stem(filename)
        name = state.folder.free_name(stem)
        review = review_name(name)
        header = (
            f"Kế hoạch nhập từ {shown} (kehoach serve). Danh sách cần rà soát: {review}"
            f" (trên trang) và {Path(name).stem}.review.md."
        )
        text = to_yaml(result.plan, header=header).encode("utf-8")
        items = import_items(result.review)
        paragraphs = _paragraphs(view)
        sidecar = review_file("import", shown, items, paragraphs=paragraphs)
        markdown = review_markdown(shown, result.review, lang).encode("utf-8")
        md_name = f"{Path(name).stem}.review.md"
        state.folder.write(
            [(name, text), (review, sidecar), (md_name, markdown)],
            versions={name: None, review: None, md_name: None},
        )
        body = {
            "name": name,
            "version": version_of(text),
            "review": items_for(parse_review(sidecar), lang),
            "review_version": version_of(sidecar),
            "paragraphs": paragraphs,
        }
        return JSONResponse(body, status_code=201)

    response: Response = await run_in_threadpool(run)
    return response


async def check_word(request: Request) -> Response:
    """``POST /api/check`` (multipart ``file``): ``kehoach check`` with paragraphs to show."""
    from kehoach import format_profiles
    from kehoach.check import DocxReadError, check_view, read_docx, result_to_dict

    state = state_of(request)
    lang = lang_of(request)
    filename, data = await _upload(request)
    shown = Path(filename.replace("\\", "/")).name

    def run() -> dict[str, Any]:
        try:
            view = read_docx(data)
        except DocxReadError as error:
            raise ApiError(
                422,
                "unreadable",
                f"{shown}: {error.message('vi')}",
                f"{shown}: {error.message('en')}",
            ) from None
        result = check_view(view, source=shown, profiles=format_profiles(state.plugins))
        report = result_to_dict(result, lang, shown)
        findings = []
        for finding, entry in zip(result.findings, report.get("findings", []), strict=False):
            where = finding.location
            body = where.part == "body"
            findings.append(
                {
                    **entry,
                    "message": f"{entry['title']}: {entry['actual']} → {entry['expected']}",
                    "paragraph": where.paragraph if body else None,
                    "paragraphs": list(where.paragraphs) if body else [],
                    "where": where.describe(lang),
                }
            )
        report["findings"] = findings
        document_class = report.get("document_class", {})
        return {
            **report,
            "document_class": document_class.get("id"),
            "document_class_name": document_class.get("name"),
            "document_type": result.document_type,
            "paragraphs": _paragraphs(view),
        }

    return JSONResponse(await run_in_threadpool(run))


async def create_progress(request: Request) -> Response:
    """``POST /api/files/{name}/progress`` {period}: a progress file with the sheet's rows."""
    from kehoach import to_yaml
    from kehoach.model.progress_types import PERIODS
    from kehoach.web.progress import new_progress

    state = state_of(request)
    name = request.path_params["name"]
    body = await body_of(request)
    period = body.get("period")
    if period not in PERIODS:
        raise ApiError(
            422,
            "bad-period",
            "kỳ báo cáo phải là một trong: " + ", ".join(PERIODS),
            "the period must be one of: " + ", ".join(PERIODS),
        )

    def run() -> Response:
        plan = read_plan(state.folder, name, state.plugins)
        target = progress_name(name, period)
        label = PERIODS[period].label
        header = (
            f"Kết quả thực hiện {name}, kỳ {label.lower()}: điền trên trang kehoach serve hoặc"
            f" sửa tệp này.\nDựng báo cáo: kehoach report {name} {target} -o"
            f" {Path(target).stem}.docx"
        )
        text = to_yaml(new_progress(plan, period), header=header).encode("utf-8")
        state.folder.write([(target, text)], versions={target: None})
        return JSONResponse({"name": target, "version": version_of(text)}, status_code=201)

    response: Response = await run_in_threadpool(run)
    return response


async def make_report(request: Request) -> Response:
    """``POST /api/report`` {plan, progress, period?}: the report DOCX, written in the folder."""
    from kehoach import plugin_renderer
    from kehoach.report import compose_report_with_notices

    state = state_of(request)
    lang = lang_of(request)
    body = await body_of(request)
    progress = str(body.get("progress") or "")
    plan_name = str(body.get("plan") or plan_of(progress) or "")

    def run() -> Response:
        plan = read_plan(state.folder, plan_name, state.plugins)
        model = load_progress_file(state.folder, progress, plan)
        period = body.get("period") or model.period
        if period is None:
            raise ApiError(422, "no-period", "chưa chọn kỳ báo cáo", "no report period was chosen")
        # The notices are returned, not issued as warnings: capturing warnings is
        # process-wide, and this runs in a thread beside other requests.
        document, notices = compose_report_with_notices(plan, model, period=period)
        data = plugin_renderer(plan, document, state.plugins).render_bytes(document)
        name = f"{Path(plan_name).stem}.bao-cao-{period}.docx"
        state.folder.write([(name, data)], versions={})
        notes = [notice.message(lang) for notice in notices]
        return JSONResponse(
            {"name": name, "url": f"/api/download/{name}", "warnings": notes}, status_code=201
        )

    response: Response = await run_in_threadpool(run)
    return response


def _next_name(plan_name: str, old: int, new: int) -> str:
    stem = Path(plan_name).stem
    if str(old) in stem:
        head, _, tail = stem.rpartition(str(old))
        return f"{head}{new}{tail}.yaml"
    return f"{stem}-{new}.yaml"


async def next_year(request: Request) -> Response:
    """``POST /api/next-year`` {plan, progress?, year?}: next year's draft + its review list."""
    from kehoach import next_year_plan, to_yaml_over

    state = state_of(request)
    lang = lang_of(request)
    body = await body_of(request)
    plan_name = str(body.get("plan") or "")
    progress = body.get("progress") or None
    year = body.get("year")

    def run() -> Response:
        _, raw = state.folder.read(plan_name)
        plan = read_plan(state.folder, plan_name, state.plugins)
        done = None
        if progress is not None:
            done = load_progress_file(state.folder, str(progress), plan)
        rollover = next_year_plan(plan, done, year=year if isinstance(year, int) else None)
        name = str(body.get("name") or _next_name(plan_name, rollover.from_year, rollover.year))
        review = review_name(name)
        md_name = f"{Path(name).stem}.review.md"
        header = (
            f"Kế hoạch năm {rollover.year}: bản nháp do kehoach next-year lập từ {plan_name}"
            + (f" và {progress}" if progress else "")
            + f".\nXem danh sách cần rà soát: {md_name}"
        )
        original = file_text(raw, plan_name)
        text = to_yaml_over(rollover.plan, original, header=header).encode("utf-8")
        items = rollover_items(rollover.review)
        sidecar = review_file("next-year", plan_name, items)
        markdown = rollover.review_text(lang, source=plan_name).encode("utf-8")
        state.folder.write(
            [(name, text), (review, sidecar), (md_name, markdown)],
            versions={name: None, review: None, md_name: None},
        )
        return JSONResponse(
            {
                "name": name,
                "version": version_of(text),
                "review": items_for(parse_review(sidecar), lang),
                "review_version": version_of(sidecar),
            },
            status_code=201,
        )

    response: Response = await run_in_threadpool(run)
    return response


async def tick_review(request: Request) -> Response:
    """``PUT /api/files/{name}/review`` {done, version}: the ticked items, version-checked."""
    state = state_of(request)
    lang = lang_of(request)
    name = request.path_params["name"]
    body = await body_of(request)
    done = body.get("done")
    version = body.get("version")
    if not isinstance(done, list) or not isinstance(version, str):
        raise ApiError(
            400, "bad-review", "cần danh sách done và version", "done (a list) and version needed"
        )

    def run() -> Response:
        state.folder.path(name)
        review = review_name(name)
        _, raw = state.folder.read(review, REVIEW_NAME)
        data = ticked(parse_review(raw), done)
        state.folder.write([(review, data)], versions={review: version})
        return JSONResponse(
            {"version": version_of(data), "review": items_for(parse_review(data), lang)}
        )

    response: Response = await run_in_threadpool(run)
    return response


async def download(request: Request) -> Response:
    """``GET /api/download/{name}``: a file of the folder (report, review list…)."""
    state = state_of(request)
    name = request.path_params["name"]
    _, data = await run_in_threadpool(state.folder.read, name, DOWNLOAD_NAME)
    media = _MEDIA.get(Path(name).suffix.lower(), "application/octet-stream")
    return Response(
        data, media_type=media, headers={"content-disposition": content_disposition(name)}
    )


ROUTES = [
    Route("/api/import", import_word, methods=["POST"]),
    Route("/api/check", check_word, methods=["POST"]),
    Route("/api/report", make_report, methods=["POST"]),
    Route("/api/next-year", next_year, methods=["POST"]),
    Route("/api/download/{name:path}", download),
    Route("/api/files/{name:path}/progress", create_progress, methods=["POST"]),
    Route("/api/files/{name:path}/review", tick_review, methods=["PUT"]),
]
