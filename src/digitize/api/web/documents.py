"""Search, the document page, and the reviewers' pages (page image beside the fields, keyboard-driven)."""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from digitize.api.security import FILE_CSP
from digitize.api.web.base import (
    csrf_form,
    form_str,
    may,
    page_number,
    pager,
    redirect,
    render,
    request_lang,
    require_page,
    router,
)
from digitize.api.web.images import page_png
from digitize.errors import BadInput, Conflict, DigitizeError, NotFound
from digitize.pipeline.model import FIELD_NAMES
from digitize.processing.executor import REVIEW_CONFIDENCE
from digitize.services import review
from digitize.services.review import next_in_queue
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.models import DOCUMENT_STATES, AccessLogEntry, AuditEntry, Document
from digitize.store.service import (
    correct_fields,
    document_record,
    field_history,
    list_documents,
    parse_date,
    revoke,
    supersede,
)
from digitize.text import nfc

PER_PAGE = 20

# --- the types offered by the search form (cached: a DISTINCT over the whole table is not free) ---------

_types_lock = threading.Lock()
_types_cache: dict[str, tuple[float, list[str]]] = {}
TYPES_TTL = 60.0


def known_types(session: Session) -> list[str]:
    url = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _types_lock:
        hit = _types_cache.get(url)
        if hit and hit[0] > now:
            return hit[1]
    rows = session.execute(
        select(Document.type_folded, func.min(Document.type_name))
        .where(Document.type_folded.is_not(None))
        .group_by(Document.type_folded)
        .limit(200)
    ).all()
    names = sorted({r[1] for r in rows if r[1]})
    with _types_lock:
        _types_cache[url] = (now + TYPES_TTL, names)
    return names


# --- search --------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, user: Principal = Depends(require_page("search"))) -> Response:
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
    with db.session() as s:
        result = list_documents(
            s,
            q=q or None,
            type_name=type_name,
            holder_id=holder_id,
            valid_on=valid_on,
            states=(state,) if state else None,
            limit=PER_PAGE,
            offset=(page - 1) * PER_PAGE,
        )
        types = known_types(s)
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
    request: Request, document_id: str, user: Principal = Depends(require_page("search"))
) -> Response:
    with db.session() as s:
        record = document_record(s, document_id, with_pages=False)
        history = field_history(s, document_id)
        access = s.scalars(
            select(AccessLogEntry)
            .where(AccessLogEntry.document_id == document_id)
            .order_by(AccessLogEntry.at.desc())
            .limit(50)
        ).all()
        audit = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.target == document_id)
            .order_by(AuditEntry.id.desc())
            .limit(50)
        ).all()
    return render(
        request,
        "document.html",
        {
            "may_decide": may(user, "validity"),
            "doc": record,
            "fields": FIELD_NAMES,
            "history": list(reversed(history)),
            "access": access,
            "audit": audit,
            "low": REVIEW_CONFIDENCE,
        },
    )


@router.get("/documents/{document_id}/pages/{index}.png")
def page_image(
    request: Request,
    document_id: str,
    index: int,
    w: int = 1200,
    user: Principal = Depends(require_page("search")),
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
def review_queue(request: Request, user: Principal = Depends(require_page("review"))) -> Response:
    page = page_number(request)
    with db.session() as s:
        total = review.queue_count(s)
        rows = review.queue_rows(s, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return render(
        request,
        "review_queue.html",
        {"rows": rows, "pager": pager(request, total, page, PER_PAGE)},
    )


def _review_context(session: Session, document_id: str) -> dict[str, Any]:
    record = document_record(session, document_id, with_pages=False)
    left = review.queue_count(session)
    from digitize.store.models import ArchivalFile

    file_code = (
        session.scalar(select(ArchivalFile.code).where(ArchivalFile.id == record["file_id"]))
        if record.get("file_id")
        else None
    )
    return {
        "doc": record,
        "file_code": file_code,  # the hồ sơ (digitize.services.files)
        "file_codes": list(
            session.scalars(select(ArchivalFile.code).order_by(ArchivalFile.code).limit(1000))
        ),
        "fields": FIELD_NAMES,
        "low": REVIEW_CONFIDENCE,
        "left": left,
        "pages": max(1, record.get("page_count") or len(record.get("pages") or []) or 1),
    }


@router.get("/review/{document_id}", response_class=HTMLResponse)
def review_document(
    request: Request, document_id: str, user: Principal = Depends(require_page("review"))
) -> Response:
    with db.session() as s:
        ctx = _review_context(s, document_id)
    ctx["saved"] = request.query_params.get("saved") == "1"
    return render(request, "review.html", ctx)


@router.get("/review/{document_id}/next")
def review_skip(
    request: Request, document_id: str, user: Principal = Depends(require_page("review"))
) -> Response:
    with db.session() as s:
        current = s.get(Document, document_id)
        target = next_in_queue(s, current)
    return redirect(f"/review/{target}" if target else "/review")


@router.post("/review/{document_id}", response_class=HTMLResponse)
async def review_save(
    request: Request, document_id: str, user: Principal = Depends(require_page("review"))
) -> Response:
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
                record = document_record(s, document_id, with_pages=False)
                changes: dict[str, str | None] = {}
                for name, value in submitted.items():
                    old = record["fields"].get(name)
                    if (value or None) != (old or None):
                        changes[name] = value or None
                if file_ref is not None:  # the hồ sơ it joins (empty: none)
                    from digitize.services.files import set_document_file

                    set_document_file(s, document_id, file_ref or None, by=user.actor)
                correct_fields(s, document_id, changes, by=user.actor, reason=reason)
                s.flush()
                doc = s.get(Document, document_id)
                return next_in_queue(s, doc), None, None
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
async def decide_validity(
    request: Request, document_id: str, user: Principal = Depends(require_page("validity"))
) -> Response:
    form = await csrf_form(request)
    action = form_str(form, "action")
    reason = form_str(form, "reason")
    replacement = form_str(form, "by_document").strip()

    def decide() -> None:
        with db.session() as s:
            if action == "revoke":
                revoke(s, document_id, reason=reason, by=user.actor)
            elif action == "supersede":
                supersede(s, document_id, by_document=replacement, reason=reason, by=user.actor)
            else:
                raise BadInput("Thao tác không hợp lệ.", "Invalid action.")

    await run_in_threadpool(decide)
    return redirect(f"/documents/{document_id}")
