"""Hồ sơ (archival files): create, read, change, delete, and documents joining or leaving one.

Thin over ``digitize.services.files``. Staff read; archivists (and admin) create and change; archivists and
reviewers put documents into a hồ sơ. Agencies are refused unless a grant lets them see hồ sơ
(``files.agency_may_see_files``; none does yet).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query

from digitize.api import schemas
from digitize.api.deps import DbSession, FileEditor, Staff, Uploader
from digitize.errors import BadInput
from digitize.services import files

router = APIRouter(prefix="/api/v1/files", tags=["files (hồ sơ)"])
_404: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorBody, "description": "No such file"}}
_EXAMPLE = {
    "code": "000.00.12.H47-2024-01",
    "title": "Hồ sơ cấp giấy phép hoạt động năm 2024",
    "retention": "vĩnh viễn",
    "access": "hạn chế",
    "language": "vi",
    "fonds_code": "H47.12",
    "start_date": "2024-01-02",
    "end_date": "2024-12-30",
    "sheet_count": 120,
    "notes": "Số hóa từ bản giấy",
}


@router.get("", responses=schemas.ERRORS, summary="List hồ sơ (folded match on code, title, keywords)")
def list_(
    session: DbSession,
    _: Staff,
    q: str | None = Query(None, max_length=500),
    fonds_code: str | None = Query(None, max_length=100),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> dict[str, Any]:
    return files.list_files(session, q=q, fonds_code=fonds_code, limit=limit, offset=offset)


@router.post(
    "",
    status_code=201,
    responses={**schemas.ERRORS, 409: {"model": schemas.ErrorBody}},
    summary="Create a hồ sơ",
)
def create(
    session: DbSession,
    principal: Uploader,
    body: dict[str, Any] = Body(..., examples=[_EXAMPLE]),
) -> dict[str, Any]:
    return files.create_file(session, files.FileInput.parse(body), by=principal.actor)


@router.get("/{file_id}", responses={**schemas.ERRORS, **_404}, summary="A hồ sơ (by id or code)")
def get(
    file_id: str,
    session: DbSession,
    _: Staff,
) -> dict[str, Any]:
    return files.file_view(session, file_id)


@router.patch(
    "/{file_id}",
    responses={**schemas.ERRORS, **_404, 409: {"model": schemas.ErrorBody}},
    summary="Change a hồ sơ's metadata",
)
def patch(
    file_id: str,
    session: DbSession,
    principal: Uploader,
    body: dict[str, Any] = Body(..., examples=[{"notes": "Đã bổ sung"}]),
) -> dict[str, Any]:
    if not body:
        raise BadInput("Không có trường nào để sửa.", "No field to change.")
    return files.update_file(session, file_id, body, by=principal.actor)


@router.delete(
    "/{file_id}",
    status_code=204,
    responses={**schemas.ERRORS, **_404, 409: {"model": schemas.ErrorBody}},
    summary="Delete an empty hồ sơ",
)
def delete(
    file_id: str,
    session: DbSession,
    principal: Uploader,
) -> None:
    files.delete_file(session, file_id, by=principal.actor)


@router.post("/{file_id}/documents", responses={**schemas.ERRORS, **_404}, summary="Documents join the hồ sơ")
def add_documents(
    file_id: str,
    session: DbSession,
    principal: FileEditor,
    body: dict[str, Any] = Body(..., examples=[{"documents": ["0f3c..."]}]),
) -> dict[str, Any]:
    docs = body.get("documents")
    if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs) or not 0 < len(docs) <= 1000:
        raise BadInput(
            "Cần 'documents': danh sách 1-1000 mã tài liệu.", "'documents' must list 1-1000 document ids."
        )
    return files.assign_documents(session, file_id, docs, by=principal.actor)


@router.delete(
    "/{file_id}/documents/{document_id}",
    responses={**schemas.ERRORS, **_404},
    summary="A document leaves the hồ sơ",
)
def remove_document(
    file_id: str,
    document_id: str,
    session: DbSession,
    principal: FileEditor,
) -> dict[str, Any]:
    f = files.get_file(session, file_id)
    from digitize.store.service import get_document

    if get_document(session, document_id).file_id != f.id:
        raise BadInput("Tài liệu không thuộc hồ sơ này.", "The document is not in this file.")
    return files.assign_documents(session, None, [document_id], by=principal.actor)
