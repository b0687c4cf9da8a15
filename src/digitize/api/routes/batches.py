"""Batches: upload (multipart ``files``, streamed to disk), and their state."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from digitize.api import schemas
from digitize.api.deps import STAFF, get_session, require
from digitize.api.uploads import UploadedFile, receive_form
from digitize.config import get_settings
from digitize.ingest import IngestedItem, Ingestor, IngestReport, create_batch
from digitize.processing.executor import enqueue, poke_current_pool
from digitize.store.auth import Principal
from digitize.store.service import batch_view, count_batches, list_batches

router = APIRouter(prefix="/api/v1/batches", tags=["batches"])

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Scans (PDF, JPEG, PNG, TIFF) or ZIP archives; repeat the field",
                        },
                        "name": {"type": "string", "description": "Name of the batch (query parameter too)"},
                        "file_id": {
                            "type": "string",
                            "description": "The hồ sơ (id or code) the documents join (query parameter too)",
                        },
                        "split": {
                            "type": "boolean",
                            "description": "Multi-page PDFs/TIFFs are stacks of documents: split them",
                        },
                    },
                }
            }
        },
    }
}


def _stored(item: IngestedItem) -> None:
    if item.document_id is not None and not item.duplicate:
        poke_current_pool()


def _ingest(
    files: list[UploadedFile],
    name: str | None,
    actor: str,
    file_ref: str | None = None,
    split: bool = False,
) -> IngestReport:
    settings = get_settings()
    file_id = _file_id(file_ref)  # before anything is stored: an unknown hồ sơ refuses the upload
    batch_id = create_batch(name, actor=actor, settings=settings)
    # Each stored document is up for processing at once (the pool starts on the first while the rest are
    # stored); enqueue() below still hands them all over (Celery, or a drainer when no pool runs here).
    ingestor = Ingestor(batch_id, actor=actor, settings=settings, on_item=_stored, split=split)
    for f in files:
        ingestor.add_path(f.path, display_name=f.filename)
    if file_id is not None:
        from digitize.services.files import join_at_upload
        from digitize.store import db

        with db.session(settings) as s:
            join_at_upload(s, file_id, ingestor.report.document_ids, by=actor)
    enqueue(ingestor.report.new_document_ids, settings)
    if ingestor.report.new_stack_ids:  # stacks are split in the background; their documents follow
        from digitize.services.stacks import split_in_background

        split_in_background(settings)
    return ingestor.report


def _file_id(file_ref: str | None) -> str | None:
    if not file_ref:
        return None
    from digitize.services.files import resolve_file_id
    from digitize.store import db

    with db.session() as s:
        return resolve_file_id(s, file_ref)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@router.post(
    "",
    status_code=201,
    response_model=schemas.Created,
    responses={**schemas.ERRORS, 413: {"model": schemas.ErrorBody, "description": "A file is too large"}},
    openapi_extra=_UPLOAD_BODY,
    summary="Upload a batch of scans",
)
async def create(
    request: Request,
    name: str | None = Query(None, description="Name of the batch"),
    file_id: str | None = Query(
        None, max_length=200, description="The hồ sơ the documents join (id or code)"
    ),
    split: bool = Query(False, description="Split multi-page stacks into documents (form field too)"),
    principal: Principal = Depends(require("archivist")),
) -> schemas.Created:
    """Every original is stored before anything else happens; a file already stored joins as that document."""
    settings = get_settings()
    tmp_root = settings.home_dir / "tmp"
    tmp_root.mkdir(parents=True, exist_ok=True)
    dest = Path(tempfile.mkdtemp(prefix="upload-", dir=tmp_root))
    try:
        files, texts = await receive_form(request, dest)
        report = await run_in_threadpool(
            _ingest,
            files,
            name or texts.get("name") or None,
            principal.actor,
            file_id or texts.get("file_id") or None,
            split or _truthy(texts.get("split")),
        )
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    return schemas.Created(id=report.batch_id)


@router.get("", response_model=schemas.BatchList, responses=schemas.ERRORS, summary="List batches")
def list_(
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=schemas.MAX_OFFSET, description="Rows to skip"),
    session: Session = Depends(get_session),
    _: Principal = Depends(require(*STAFF)),
) -> dict[str, object]:
    return {"items": list_batches(session, limit=limit, offset=offset), "total": count_batches(session)}


@router.get(
    "/{batch_id}",
    response_model=schemas.Batch,
    responses={**schemas.ERRORS, 404: {"model": schemas.ErrorBody}},
    summary="A batch: state, counts per state, documents",
)
def get(
    batch_id: str,
    session: Session = Depends(get_session),
    _: Principal = Depends(require(*STAFF)),
) -> dict[str, object]:
    return batch_view(session, batch_id)
