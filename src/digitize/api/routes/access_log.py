"""``GET /api/v1/access-log`` (admin): who read a holder's records (or a document), when and why."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from digitize.api import schemas
from digitize.api.deps import Admin, DbSession
from digitize.services import agency

router = APIRouter(prefix="/api/v1", tags=["access log"])


class AccessLogItem(BaseModel):
    at: str | None
    client: str
    purpose: str
    document_id: str | None
    holder_id: str | None = None
    path: str | None = None
    query: str | None = None
    status: int | None = None


class AccessLog(BaseModel):
    items: list[AccessLogItem]
    total: int


@router.get(
    "/access-log",
    response_model=AccessLog,
    responses=schemas.ERRORS,
    summary="Reads by other agencies (admin): newest first, per holder or document",
)
def access_log(
    session: DbSession,
    _: Admin,
    holder_id: str | None = Query(None, description="Tax code or citizen ID of the holder"),
    document_id: str | None = Query(None, description="Only reads of this document"),
    client: str | None = Query(None, description="Only reads by this client (as listed)"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=schemas.MAX_OFFSET, description="Rows to skip"),
) -> dict[str, Any]:
    page = agency.access_log(
        session, holder_id=holder_id, document_id=document_id, client=client, limit=limit, offset=offset
    )
    return {"items": [asdict(r) for r in page.items], "total": page.total}
