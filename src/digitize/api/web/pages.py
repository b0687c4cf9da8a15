"""Sign-in and out, the overview, uploads and batches."""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from digitize.api.deps import DbSession
from digitize.api.ratelimit import client_address
from digitize.api.uploads import receive_files
from digitize.api.web import i18n
from digitize.api.web.base import (
    BatchesPage,
    SignedIn,
    UploadPage,
    csrf_form,
    form_str,
    may,
    page_number,
    pager,
    redirect,
    render,
    request_lang,
    require_csrf_header,
    router,
)
from digitize.api.web.session import current_user, get_session
from digitize.config import get_settings
from digitize.errors import BadInput, RateLimited, Unauthenticated
from digitize.permissions import Permission
from digitize.services import ingest
from digitize.services.access import change_password, sign_in
from digitize.services.batches import batch_progress
from digitize.services.statistics import warm_up
from digitize.store.models import DOCUMENT_STATES
from digitize.store.service import count_batches, counts_by_state, list_batches


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
def home(request: Request, session: DbSession) -> Response:
    user = current_user(request)
    if user is None:
        return redirect("/login")
    counts = counts_by_state(session)
    if may(user, Permission.STATS):
        warm_up()  # the statistics page is then ready when someone opens it
    todo: list[tuple[str, int | None, str]] = []
    if may(user, Permission.UPLOAD):
        todo.append(("home.todo_upload", None, "/upload"))
    if may(user, Permission.REVIEW):
        todo.append(("home.todo_review", counts.get("needs_review", 0), "/review"))
    if may(user, Permission.SIGN):
        from digitize.services.signing import unsigned_count

        todo.append(("home.todo_sign", unsigned_count(session), "/sign"))
    return render(
        request,
        "home.html",
        {"counts": counts, "total": sum(counts.values()), "states": DOCUMENT_STATES, "todo": todo},
    )


# --- upload and batches --------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: UploadPage) -> Response:
    return render(request, "upload.html", {})


@router.post("/upload")
async def upload(
    request: Request,
    user: UploadPage,
    _csrf: None = Depends(require_csrf_header),
) -> Response:
    """Multipart ``files`` (streamed to disk), CSRF token in the X-CSRF-Token header; answers the batch."""
    settings = get_settings()
    dest = Path(tempfile.mkdtemp(prefix="web-upload-", dir=settings.scratch_dir()))
    name = (request.query_params.get("name") or "").strip() or None
    split = request.query_params.get("split") in ("1", "true", "on")
    try:
        files = await receive_files(request, dest)
        report = await run_in_threadpool(
            partial(
                ingest.upload,
                [ingest.Source(f.path, f.filename) for f in files],
                batch_name=name,
                actor=user.actor,
                split=split,
                settings=settings,
            )
        )
        batch_id = report.batch_id
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    return JSONResponse({"id": batch_id, "url": f"/batches/{batch_id}"}, status_code=201)


BATCHES_PER_PAGE = 25


@router.get("/batches", response_class=HTMLResponse)
def batches(request: Request, session: DbSession, user: BatchesPage) -> Response:
    page = page_number(request)
    total = count_batches(session)
    items = list_batches(session, limit=BATCHES_PER_PAGE, offset=(page - 1) * BATCHES_PER_PAGE)
    return render(
        request,
        "batches.html",
        {"items": items, "pager": pager(request, total, page, BATCHES_PER_PAGE)},
    )


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(
    request: Request,
    batch_id: str,
    session: DbSession,
    user: BatchesPage,
) -> Response:
    return render(request, "batch.html", {"batch": batch_progress(session, batch_id)})


@router.get("/batches/{batch_id}/progress", response_class=HTMLResponse)
def batch_progress_fragment(
    request: Request,
    batch_id: str,
    session: DbSession,
    user: BatchesPage,
) -> Response:
    """The htmx fragment polled by the batch page until the batch is done (then it stops polling)."""
    return render(request, "_batch_progress.html", {"batch": batch_progress(session, batch_id)})


# --- own password ----------------------------------------------------------------------------------


@router.get("/account/password", response_class=HTMLResponse)
def password_page(request: Request, user: SignedIn) -> Response:
    return render(request, "password.html", {})


@router.post("/account/password", response_class=HTMLResponse)
async def password_change(request: Request, user: SignedIn) -> Response:
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
