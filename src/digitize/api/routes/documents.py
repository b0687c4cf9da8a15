"""Documents: search and list, a record, its files, reviewers' corrections, officers' validity decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response, StreamingResponse
from sqlalchemy.orm import Session

from digitize.api import schemas
from digitize.api.access import agency_scope
from digitize.api.deps import DbSession, Officer, Reader, Reviewer, Staff
from digitize.api.security import serving
from digitize.content import HEAD_BYTES
from digitize.errors import BadInput, UsageError
from digitize.services import agency, documents, files
from digitize.services.agency import AgencyQuery
from digitize.store.models import DOCUMENT_STATES, ORIGINAL, Document
from digitize.store.objects import get_object_store
from digitize.store.service import (
    DocumentRecord,
    RecordList,
    correct_fields,
    document_record,
    field_history,
    get_document,
    list_documents,
    revoke,
    supersede,
)

router = APIRouter(prefix="/api/v1/documents", tags=["documents"])
_404: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorBody, "description": "No such document"}}


@router.get("", response_model=schemas.DocumentList, responses=schemas.ERRORS, summary="Search documents")
def list_(
    request: Request,
    session: DbSession,
    principal: Reader,
    q: str | None = Query(None, description="Words of the text or fields; diacritics folded"),
    type: str | None = Query(None, description="Document type, e.g. 'Giấy phép'"),
    holder_id: str | None = Query(None, description="Tax code or citizen ID of the holder"),
    valid_on: date | None = Query(None, description="In force on this date (YYYY-MM-DD)"),
    state: str | None = Query(None, description="Only documents in this state"),
    file_id: str | None = Query(
        None, max_length=200, description="Only documents of this hồ sơ (id or code)"
    ),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=schemas.MAX_OFFSET, description="Rows to skip"),
) -> RecordList | dict[str, Any]:
    if state is not None and state not in DOCUMENT_STATES:
        raise BadInput(f"Trạng thái không hợp lệ: {state}", f"Invalid state: {state}")
    agency_read = agency_scope(principal, request)
    if agency_read is not None:
        scope, logged = agency_read
        if file_id is not None and not files.agency_may_see_files(principal):
            refused = UsageError(
                "Không được cấp quyền lọc theo hồ sơ.", "No grant to filter by file (hồ sơ)."
            )
            agency.log_request(logged, refused.http_status)  # refusals are logged too
            raise refused
        query = AgencyQuery(q, type, holder_id, valid_on, state, limit, offset)
        return agency.search(session, scope, query, logged)
    return list_documents(
        session,
        q=q,
        type_name=type,
        holder_id=holder_id,
        valid_on=valid_on,
        states=(state,) if state else None,
        limit=limit,
        offset=offset,
        file_id=files.resolve_file_id(session, file_id),
    )


@router.get(
    "/{document_id}",
    response_model=schemas.Document,
    responses={**schemas.ERRORS, **_404},
    summary="A record: fields, validity, pages, provenance, signatures",
)
def get(
    document_id: str,
    request: Request,
    session: DbSession,
    principal: Reader,
    on: date | None = Query(None, description="Validity as of this date (default today)"),
    valid_on: date | None = Query(None, description="Same as on= (the name the search uses)"),
) -> DocumentRecord | dict[str, Any]:
    on = on or valid_on
    agency_read = agency_scope(principal, request)
    if agency_read is None:
        return document_record(session, document_id, on=on)
    scope, logged = agency_read
    return agency.read_record(session, scope, document_id, on, logged)


@router.get(
    "/{document_id}/file",
    responses={
        **schemas.ERRORS,
        **_404,
        200: {"content": {"application/pdf": {}, "image/*": {}}},
        307: {"description": "Redirect to a presigned URL (S3 storage)"},
    },
    response_class=Response,
    summary="The original, the searchable PDF/A, or the signed PDF",
)
def file(
    document_id: str,
    request: Request,
    session: DbSession,
    principal: Reader,
    variant: str = Query(ORIGINAL, pattern="^(original|searchable|signed)$"),
) -> Response:
    agency_read = agency_scope(principal, request)
    log_answer = None
    if agency_read is not None:
        scope, logged = agency_read
        log_answer = agency.check_file(session, scope, document_id, variant, logged)
    doc = get_document(session, document_id)
    response = _file(session, doc, variant, request)
    if log_answer is not None:
        log_answer(response.status_code)
    return response


def _file(session: Session, doc: Document, variant: str, request: Request) -> Response:
    stored = documents.stored_file(session, doc, variant)
    key, sha, media = stored.key, stored.sha256, stored.media_type
    etag = f'"{sha}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    objects = get_object_store()
    filename = _download_name(doc.original_filename, variant, media)
    with objects.open(key) as fh:
        head = fh.read(HEAD_BYTES)
    # what a user uploaded (the original) is never rendered from our origin; what we produced only when
    # its bytes are what we declare
    how = serving(head, media, produced=variant != ORIGINAL)
    headers = {"ETag": etag, **how.headers}
    local = objects.local_path(key)
    if local is not None:
        return FileResponse(
            local,
            media_type=how.media_type,
            filename=filename,
            headers=headers,
            content_disposition_type=how.disposition,
        )
    url = objects.presigned_url(
        key, attachment=filename if how.disposition == "attachment" else None, media_type=how.media_type
    )
    if url is not None:
        return RedirectResponse(url, status_code=307, headers=headers)
    stream = objects.open(key)
    headers["Content-Disposition"] = _disposition(how.disposition, filename)
    return StreamingResponse(_iter(stream), media_type=how.media_type, headers=headers)


def _disposition(kind: str, filename: str) -> str:
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "") or "document"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=utf-8''{quote(filename)}"


def _iter(stream: Any) -> Any:
    try:
        while chunk := stream.read(1024 * 1024):
            yield chunk
    finally:
        stream.close()


def _download_name(original: str, variant: str, media_type: str) -> str:
    stem = original.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "document"
    if variant == ORIGINAL:
        return original.rsplit("/", 1)[-1] or "document"
    return f"{stem}.{variant}.pdf" if media_type == "application/pdf" else stem


@router.get(
    "/{document_id}/history",
    response_model=schemas.History,
    responses={**schemas.ERRORS, **_404},
    summary="Every correction of the fields (old, new, who, when)",
)
def history(
    document_id: str,
    session: DbSession,
    _: Staff,
) -> dict[str, Any]:
    return {"items": field_history(session, document_id)}


@router.patch(
    "/{document_id}/fields",
    response_model=schemas.Document,
    responses={**schemas.ERRORS, **_404, 409: {"model": schemas.ErrorBody}},
    summary="Correct fields (reviewer): history kept, search re-indexed, needs_review → done",
)
def patch_fields(
    document_id: str,
    session: DbSession,
    principal: Reviewer,
    changes: dict[str, str | None] = Body(
        ..., examples=[{"holder_name": "Công ty TNHH Bình Minh", "valid_until": "2031-06-15"}]
    ),
    reason: str | None = Query(None, description="Why (kept in the history)"),
) -> DocumentRecord:
    if not changes:
        raise BadInput("Không có trường nào để sửa.", "No field to correct.")
    correct_fields(session, document_id, changes, by=principal.actor, reason=reason)
    session.flush()
    return document_record(session, document_id)


@router.post(
    "/{document_id}/revoke",
    response_model=schemas.Document,
    responses={**schemas.ERRORS, **_404, 409: {"model": schemas.ErrorBody}},
    summary="Revoke a result (officer), with a reason",
)
def revoke_(
    document_id: str,
    body: schemas.RevokeRequest,
    session: DbSession,
    principal: Officer,
) -> DocumentRecord:
    revoke(session, document_id, reason=body.reason, by=principal.actor)
    return document_record(session, document_id)


@router.post(
    "/{document_id}/supersede",
    response_model=schemas.Document,
    responses={**schemas.ERRORS, **_404, 409: {"model": schemas.ErrorBody}},
    summary="Replace a result by a newer one (officer); the records link each other",
)
def supersede_(
    document_id: str,
    body: schemas.SupersedeRequest,
    session: DbSession,
    principal: Officer,
) -> DocumentRecord:
    supersede(session, document_id, by_document=body.by, reason=body.reason, by=principal.actor)
    return document_record(session, document_id)
