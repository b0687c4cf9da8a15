"""Stack scans (issue 15): a stack's split as proposed or made, staff's boundaries, page thumbnails."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from digitize.api import schemas
from digitize.api.deps import DbSession, FileEditor, Staff
from digitize.services import stacks as service

router = APIRouter(prefix="/api/v1/stacks", tags=["stacks"])


class Review(BaseModel):
    starts: list[int] = Field(
        ..., max_length=10000, description="Stack pages (0-based) that open a document, in any order"
    )


@router.get("/{stack_id}", responses=schemas.ERRORS, summary="A stack: state, proposed and made documents")
def get(stack_id: str, session: DbSession, _: Staff) -> dict[str, Any]:
    return service.stack_view(session, stack_id)


@router.post(
    "/{stack_id}/review",
    responses={**schemas.ERRORS, 409: {"model": schemas.ErrorBody}},
    summary="Set a stack's document boundaries and finalise its documents",
)
async def review(stack_id: str, body: Review, principal: FileEditor) -> dict[str, Any]:
    outcome = await run_in_threadpool(service.review_stack, stack_id, body.starts, actor=principal.actor)
    return {"id": outcome.stack_id, "state": outcome.state, "documents": list(outcome.document_ids)}


@router.get(
    "/{stack_id}/pages/{index}/thumbnail",
    responses={**schemas.ERRORS, 404: {"model": schemas.ErrorBody}},
    summary="A small PNG of one stack page (turned upright)",
    response_class=Response,
)
async def thumbnail(stack_id: str, index: int, _: Staff) -> Response:
    data = await run_in_threadpool(service.thumbnail, stack_id, index)
    return Response(
        data,
        media_type="image/png",
        headers={"Cache-Control": "private, max-age=3600", "ETag": f'"{stack_id}-{index}"'},
    )
