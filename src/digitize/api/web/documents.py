"""Search, the document page, and the reviewers' pages (page image beside the fields, keyboard-driven)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from sqlalchemy.orm import Session

from digitize.api.deps import DbSession
from digitize.api.security import FILE_CSP
from digitize.api.web.base import (
    ReviewPage,
    SearchPage,
    ValidityPage,
    csrf_form,
    form_str,
    may,
    page_number,
    pager,
    redirect,
    render,
    request_lang,
    router,
)
from digitize.errors import BadInput, Conflict, DigitizeError, NotFound
from digitize.permissions import Permission
from digitize.pipeline.model import FIELD_NAMES
from digitize.processing.executor import REVIEW_CONFIDENCE
from digitize.services import documents as service
from digitize.services import review
from digitize.services.page_images import page_png
from digitize.store import db
from digitize.store.models import DOCUMENT_STATES
from digitize.store.service import (
    list_documents,
    parse_date,
)
from digitize.text import nfc
from digitize.words import ACTIONS, word

PER_PAGE = 20

# --- search --------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, session: DbSession, user: SearchPage) -> Response:
    qp = request.query_params
    q = (qp.get("q") or "").strip()
    type_name = (qp.get("type") or "").strip() or None
    holder_id = (qp.get("holder_id") or "").strip() or None
    state = qp.get("state") or None
    if state not in DOCUMENT_STATES:
        state = None
    valid_on_raw = (qp.get("valid_on") or "").strip()
    valid_on: date | None = parse_date(valid_on_raw) if valid_on_raw else None
    page = page_number(request)
    result = list_documents(
        session,
        q=q or None,
        type_name=type_name,
        holder_id=holder_id,
        valid_on=valid_on,
        states=(state,) if state else None,
        limit=PER_PAGE,
        offset=(page - 1) * PER_PAGE,
    )
    types = service.known_types(session)
    return render(
        request,
        "search.html",
        {
            "q": q,
            "type": type_name or "",
            "holder_id": holder_id or "",
            "valid_on": valid_on.isoformat() if valid_on else "",
            "state": state or "",
            "states": DOCUMENT_STATES,
            "types": types,
            "items": result["items"],
            "pager": pager(request, result["total"], page, PER_PAGE),
        },
    )


# --- a document ----------------------------------------------------------------------------------


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    request: Request,
    document_id: str,
    session: DbSession,
    user: SearchPage,
) -> Response:
    view = service.document_view(session, document_id)
    return render(
        request,
        "document.html",
        {
            "may_decide": may(user, Permission.VALIDITY),
            "doc": view.record,
            "fields": FIELD_NAMES,
            "history": view.history,
            "access": view.access,
            "audit": view.audit,
            "action_word": partial(word, ACTIONS, lang=request_lang(request)),  # unknown: its id (escaped)
            "low": REVIEW_CONFIDENCE,
        },
    )


@router.get("/documents/{document_id}/pages/{index}.png")
def page_image(
    request: Request,
    document_id: str,
    index: int,
    user: SearchPage,
    w: int = 1200,
) -> Response:
    if index < 0:
        raise BadInput("Số trang không hợp lệ.", "Invalid page number.")
    path = page_png(document_id, index, w)
    return FileResponse(
        path,
        media_type="image/png",
        headers={"Cache-Control": "private, max-age=86400", "Content-Security-Policy": FILE_CSP},
    )


# --- review --------------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, session: DbSession, user: ReviewPage) -> Response:
    page = page_number(request)
    total = review.queue_count(session)
    rows = review.queue_rows(session, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return render(
        request,
        "review_queue.html",
        {"rows": rows, "pager": pager(request, total, page, PER_PAGE)},
    )


def _review_context(session: Session, document_id: str) -> dict[str, Any]:
    item = review.review_item(session, document_id)
    return {
        "doc": item.record,
        "file_code": item.file_code,  # the hồ sơ (digitize.services.files)
        "file_codes": item.file_codes,
        "fields": FIELD_NAMES,
        "low": REVIEW_CONFIDENCE,
        "left": item.left,
        "pages": item.pages,
    }


@router.get("/review/{document_id}", response_class=HTMLResponse)
def review_document(
    request: Request,
    document_id: str,
    session: DbSession,
    user: ReviewPage,
) -> Response:
    ctx = _review_context(session, document_id)
    ctx["saved"] = request.query_params.get("saved") == "1"
    return render(request, "review.html", ctx)


@router.get("/review/{document_id}/next")
def review_skip(
    request: Request,
    document_id: str,
    session: DbSession,
    user: ReviewPage,
) -> Response:
    target = review.next_after(session, document_id)
    return redirect(f"/review/{target}" if target else "/review")


@router.post("/review/{document_id}", response_class=HTMLResponse)
async def review_save(request: Request, document_id: str, user: ReviewPage) -> Response:
    form = await csrf_form(request)
    submitted = {
        name: nfc(form_str(form, f"f_{name}")).strip() for name in FIELD_NAMES if f"f_{name}" in form
    }
    reason = form_str(form, "reason").strip() or None
    stay = form_str(form, "stay") == "1"
    file_ref = nfc(form_str(form, "file_ref")).strip() if "file_ref" in form else None

    def save() -> tuple[str | None, dict[str, Any] | None, DigitizeError | None]:
        try:
            with db.session() as s:
                target = review.save_review(
                    s, document_id, submitted, file_ref=file_ref, reason=reason, by=user.actor
                )
                return target, None, None
        except (BadInput, Conflict, NotFound) as err:
            with db.session() as s:
                ctx = _review_context(s, document_id)
            if file_ref is not None:
                ctx["submitted_file"] = file_ref
            return None, ctx, err

    target, ctx, error = await run_in_threadpool(save)
    if ctx is not None:
        ctx.update(error=error.message(request_lang(request)) if error else None, submitted=submitted)
        return render(request, "review.html", ctx, status_code=422)
    if stay or target is None:
        return redirect(f"/review/{document_id}?saved=1" if stay else "/review?done=1")
    return redirect(f"/review/{target}?saved=1")


# --- officers' validity decisions (the core functions of POST /api/v1/documents/{id}/revoke|supersede)


@router.post("/documents/{document_id}/validity", response_class=HTMLResponse)
async def decide_validity(request: Request, document_id: str, user: ValidityPage) -> Response:
    form = await csrf_form(request)
    action = form_str(form, "action")
    reason = form_str(form, "reason")
    replacement = form_str(form, "by_document").strip()

    def decide() -> None:
        with db.session() as s:
            service.decide_validity(
                s, document_id, action, reason=reason, replacement=replacement, by=user.actor
            )

    await run_in_threadpool(decide)
    return redirect(f"/documents/{document_id}")
