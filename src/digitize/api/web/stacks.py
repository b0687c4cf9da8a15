"""The stack review screen (issue 15): ``/stacks/{id}`` shows every page's thumbnail and role; staff move the
document boundaries with the keyboard (arrows, Enter/Space, S) before the documents are made."""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from digitize.api.deps import DbSession
from digitize.api.web.base import (
    BatchesPage,
    UploadPage,
    csrf_form,
    form_str,
    redirect,
    render,
    router,
)
from digitize.errors import UsageError
from digitize.pipeline.split import REVIEW_BELOW
from digitize.services import stacks as service


@router.get("/stacks/{stack_id}", response_class=HTMLResponse)
def stack_page(
    request: Request,
    stack_id: str,
    session: DbSession,
    user: BatchesPage,
) -> Response:
    view = service.stack_view(session, stack_id)
    return render(request, "stack.html", {"stack": view, "review_below": REVIEW_BELOW})


@router.post("/stacks/{stack_id}")
async def stack_review(request: Request, stack_id: str, user: UploadPage) -> Response:
    form = await csrf_form(request)
    raw = form_str(form, "starts")
    parts = [p for p in raw.split(",") if p.strip()]
    if len(parts) > 10000 or not all(
        p.strip().isascii() and p.strip().isdigit() and len(p.strip()) <= 6 for p in parts
    ):
        raise UsageError("Ranh giới không hợp lệ.", "Invalid boundaries.")
    starts = [int(p) for p in parts]
    await run_in_threadpool(service.review_stack, stack_id, starts, actor=user.actor)
    return redirect(f"/stacks/{stack_id}")
