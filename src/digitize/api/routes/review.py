"""The reviewers' queue: documents whose extraction needs a human look."""

from __future__ import annotations

from fastapi import APIRouter, Query

from digitize.api import schemas
from digitize.api.deps import DbSession, Reviewer
from digitize.services.review import queue_records
from digitize.store.service import RecordList

router = APIRouter(prefix="/api/v1/review", tags=["review"])


@router.get(
    "",
    response_model=schemas.DocumentList,
    responses=schemas.ERRORS,
    summary="Documents in needs_review, oldest first",
)
def queue(
    session: DbSession,
    _: Reviewer,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=schemas.MAX_OFFSET, description="Rows to skip"),
) -> RecordList:
    return queue_records(session, limit=limit, offset=offset)
