"""Sign-in and out, the overview, uploads and batches."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import func, select

from digitize.api.ratelimit import client_address
from digitize.api.uploads import UploadedFile, receive_files
from digitize.api.web import i18n
from digitize.api.web.base import (
    csrf_form,
    form_str,
    may,
    page_number,
    pager,
    redirect,
    render,
    request_lang,
    require_csrf_header,
    require_page,
    router,
    signed_in,
)
from digitize.api.web.session import current_user, get_session
from digitize.config import get_settings
from digitize.errors import BadInput, RateLimited, Unauthenticated
from digitize.ingest import Ingestor, create_batch
from digitize.processing.executor import enqueue
from digitize.services.access import change_password, sign_in
from digitize.services.statistics import warm_up
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.models import DOCUMENT_STATES, Batch, Document
from digitize.store.service import batch_view, counts_by_state, list_batches


def _safe_next(target: str | None) -> str:
    """Only a local path (no scheme, no host, no '//'): nobody is sent elsewhere after signing in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


# --- sign-in -------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    if current_user(request) is not None:
        return redirect(_safe_next(next))
    return render(request, "login.html", {"next": _safe_next(next), "failed": False})


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Sign-in through ``digitize.services.access.sign_in``: throttled per account, address and pair (429
    with Retry-After while a key waits out its delay), then a new server-side session."""
    form = await csrf_form(request)
    name, password = form_str(form, "name").strip(), form_str(form, "password")
    target = _safe_next(form_str(form, "next"))
    address = client_address(request)
    try:
        principal = await run_in_threadpool(sign_in, name, password, address)
    except RateLimited as err:
        response = render(
            request, "login.html", {"next": target, "failed": False, "throttled": True, "name": name}, 429
        )
        response.headers["Retry-After"] = str(err.details.get("retry_after", 1))
        return response
    except Unauthenticated:
        return render(request, "login.html", {"next": target, "failed": True, "name": name}, status_code=401)
    await run_in_threadpool(get_session(request).sign_in, principal.name, address)
    request.state.web_user = principal
    return redirect(target)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await csrf_form(request)
    await run_in_threadpool(get_session(request).sign_out)
    request.state.web_user = None
    return redirect("/login")


@router.get("/lang/{code}")
def switch_lang(request: Request, code: str, next: str | None = None) -> Response:
    response = redirect(_safe_next(next))
    if i18n.pick(code):
        response.set_cookie(i18n.COOKIE, code, max_age=365 * 86400, samesite="lax", path="/")
    return response


# --- overview ------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    user = current_user(request)
    if user is None:
        return redirect("/login")
    with db.session() as s:
        counts = counts_by_state(s)
    if may(user, "stats"):
        warm_up()  # the statistics page is then ready when someone opens it
    todo: list[tuple[str, int | None, str]] = []
    if may(user, "upload"):
        todo.append(("home.todo_upload", None, "/upload"))
    if may(user, "review"):
        todo.append(("home.todo_review", counts.get("needs_review", 0), "/review"))
    if may(user, "sign"):
        from digitize.api.web.signing import unsigned_count

        with db.session() as s:
            todo.append(("home.todo_sign", unsigned_count(s), "/sign"))
    return render(
        request,
        "home.html",
        {"counts": counts, "total": sum(counts.values()), "states": DOCUMENT_STATES, "todo": todo},
    )


# --- upload and batches --------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: Principal = Depends(require_page("upload"))) -> Response:
    return render(request, "upload.html", {})


def _ingest(files: list[UploadedFile], name: str | None, actor: str, split: bool = False) -> str:
    settings = get_settings()
    batch_id = create_batch(name, actor=actor, settings=settings)
    ingestor = Ingestor(batch_id, actor=actor, settings=settings, split=split)
    for f in files:
        ingestor.add_path(f.path, display_name=f.filename)
    enqueue(ingestor.report.new_document_ids, settings)
    if ingestor.report.new_stack_ids:  # split in the background; the batch page shows them as found
        from digitize.services.stacks import split_in_background

        split_in_background(settings)
    return batch_id


@router.post("/upload")
async def upload(
    request: Request,
    user: Principal = Depends(require_page("upload")),
    _csrf: None = Depends(require_csrf_header),
) -> Response:
    """Multipart ``files`` (streamed to disk), CSRF token in the X-CSRF-Token header; answers the batch."""
    settings = get_settings()
    tmp_root = settings.home_dir / "tmp"
    tmp_root.mkdir(parents=True, exist_ok=True)
    dest = Path(tempfile.mkdtemp(prefix="web-upload-", dir=tmp_root))
    name = (request.query_params.get("name") or "").strip() or None
    split = request.query_params.get("split") in ("1", "true", "on")
    try:
        files = await receive_files(request, dest)
        batch_id = await run_in_threadpool(_ingest, files, name, user.actor, split)
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    return JSONResponse({"id": batch_id, "url": f"/batches/{batch_id}"}, status_code=201)


BATCHES_PER_PAGE = 25


@router.get("/batches", response_class=HTMLResponse)
def batches(request: Request, user: Principal = Depends(require_page("batches"))) -> Response:
    page = page_number(request)
    with db.session() as s:
        total = int(s.scalar(select(func.count()).select_from(Batch)) or 0)
        items = list_batches(s, limit=BATCHES_PER_PAGE, offset=(page - 1) * BATCHES_PER_PAGE)
    return render(
        request,
        "batches.html",
        {"items": items, "pager": pager(request, total, page, BATCHES_PER_PAGE)},
    )


def _batch(batch_id: str) -> dict[str, Any]:
    with db.session() as s:
        view = batch_view(s, batch_id)
        docs = view["documents"][:500]
        rows = (
            s.execute(
                select(Document.id, Document.original_filename, Document.state, Document.type_name).where(
                    Document.id.in_(docs)
                )
            ).all()
            if docs
            else []
        )
    by_id = {r.id: r for r in rows}
    view["rows"] = [by_id[d] for d in docs if d in by_id]
    total = sum(view["counts"].values())
    finished = view["counts"]["done"] + view["counts"]["failed"] + view["counts"]["needs_review"]
    view["total"] = total
    view["percent"] = round(100 * finished / total) if total else 100
    return view


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(
    request: Request, batch_id: str, user: Principal = Depends(require_page("batches"))
) -> Response:
    return render(request, "batch.html", {"batch": _batch(batch_id)})


@router.get("/batches/{batch_id}/progress", response_class=HTMLResponse)
def batch_progress(
    request: Request, batch_id: str, user: Principal = Depends(require_page("batches"))
) -> Response:
    """The htmx fragment polled by the batch page until the batch is done (then it stops polling)."""
    return render(request, "_batch_progress.html", {"batch": _batch(batch_id)})


# --- own password ----------------------------------------------------------------------------------


@router.get("/account/password", response_class=HTMLResponse)
def password_page(request: Request, user: Principal = Depends(signed_in)) -> Response:
    return render(request, "password.html", {})


@router.post("/account/password", response_class=HTMLResponse)
async def password_change(request: Request, user: Principal = Depends(signed_in)) -> Response:
    """The signed-in user's own password (the current one checked, under the sign-in throttle); every
    session of the user ends, this browser gets a new one."""
    form = await csrf_form(request)
    lang = request_lang(request)
    current, new, again = form_str(form, "current"), form_str(form, "new"), form_str(form, "again")
    if new != again:
        return render(request, "password.html", {"error": i18n.t("password.mismatch", lang)}, 422)
    address = client_address(request)
    try:
        await run_in_threadpool(sign_in, user.name, current, address)  # throttled like a sign-in
        await run_in_threadpool(change_password, user.name, new, by=user.actor, current_password=current)
    except (Unauthenticated, BadInput, RateLimited) as err:
        status = 401 if isinstance(err, Unauthenticated) else err.http_status
        return render(request, "password.html", {"error": err.message(lang)}, status)
    await run_in_threadpool(get_session(request).sign_in, user.name, address)
    return render(request, "password.html", {"done": True})
