"""Batches: upload (multipart ``files``, streamed to disk), and their state."""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from digitize.api import schemas
from digitize.api.deps import DbSession, Staff, Uploader
from digitize.api.uploads import receive_form
from digitize.config import get_settings
from digitize.services import ingest
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
    principal: Uploader,
    name: str | None = Query(None, description="Name of the batch"),
    file_id: str | None = Query(
        None, max_length=200, description="The hồ sơ the documents join (id or code)"
    ),
    split: bool = Query(False, description="Split multi-page stacks into documents (form field too)"),
) -> schemas.Created:
    """Every original is stored before anything else happens; a file already stored joins as that document."""
    settings = get_settings()
    dest = Path(tempfile.mkdtemp(prefix="upload-", dir=settings.scratch_dir()))
    try:
        files, texts = await receive_form(request, dest)
        report = await run_in_threadpool(
            partial(
                ingest.upload,
                [ingest.Source(f.path, f.filename) for f in files],
                batch_name=name or texts.get("name") or None,
                actor=principal.actor,
                file_ref=file_id or texts.get("file_id") or None,
                split=split or _truthy(texts.get("split")),
                settings=settings,
            )
        )
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    return schemas.Created(id=report.batch_id)


@router.get("", response_model=schemas.BatchList, responses=schemas.ERRORS, summary="List batches")
def list_(
    session: DbSession,
    _: Staff,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=schemas.MAX_OFFSET, description="Rows to skip"),
) -> dict[str, object]:
    items = list_batches(session, limit=limit, offset=offset)
    return {"items": [b.to_json() for b in items], "total": count_batches(session)}


@router.get(
    "/{batch_id}",
    response_model=schemas.Batch,
    responses={**schemas.ERRORS, 404: {"model": schemas.ErrorBody}},
    summary="A batch: state, counts per state, documents",
)
def get(
    batch_id: str,
    session: DbSession,
    _: Staff,
) -> dict[str, object]:
    return batch_view(session, batch_id).to_json()
