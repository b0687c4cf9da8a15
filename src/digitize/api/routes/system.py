"""Health and metrics."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text

from digitize import __version__
from digitize.api import schemas
from digitize.config import get_settings
from digitize.errors import Forbidden, NotFound, Unauthenticated
from digitize.permissions import Permission, allowed

router = APIRouter(tags=["system"])


def _health() -> dict[str, object]:
    from digitize.store import db
    from digitize.store.objects import get_object_store

    database = objects = False
    try:
        with db.session() as s:
            s.execute(text("SELECT 1"))
        database = True
    except Exception:
        database = False
    try:
        get_object_store().exists("healthz/probe")
        objects = True
    except Exception:
        objects = False
    return {
        "status": "ok" if database and objects else "degraded",
        "database": database,
        "objects": objects,
        "version": __version__,
    }


@router.get("/healthz", response_model=schemas.Health, responses={503: {"model": schemas.Health}})
async def healthz() -> JSONResponse:
    body = await run_in_threadpool(_health)
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


def _metrics_allowed(request: Request) -> None:
    """``DIGITIZE_METRICS``: off → 404; token → the metrics token or an admin key (401/403); open → anyone."""
    settings = get_settings()
    if settings.metrics == "off":
        raise NotFound("Không có /metrics (DIGITIZE_METRICS=off).", "/metrics is off (DIGITIZE_METRICS=off).")
    if settings.metrics == "open":
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated(
            "Cần Authorization: Bearer <DIGITIZE_METRICS_TOKEN hoặc khóa API admin>.",
            "Authorization: Bearer <DIGITIZE_METRICS_TOKEN or an admin API key> is required.",
        )
    expected = settings.metrics_token
    if expected and hmac.compare_digest(token.encode(), expected.encode()):
        return
    from digitize.store import db
    from digitize.store.auth import verify_api_key

    with db.session() as s:
        principal = verify_api_key(s, token)
    if not allowed(principal.role, Permission.ADMIN):
        raise Forbidden("Chỉ admin đọc được /metrics.", "Only admin may read /metrics.")


@router.get(
    "/metrics",
    response_class=Response,
    responses={
        200: {"content": {"text/plain; version=0.0.4": {}}},
        401: {"model": schemas.ErrorBody, "description": "No token (DIGITIZE_METRICS=token)"},
        403: {"model": schemas.ErrorBody, "description": "Not the metrics token nor an admin key"},
        404: {"model": schemas.ErrorBody, "description": "DIGITIZE_METRICS=off"},
    },
    summary="Prometheus metrics (DIGITIZE_METRICS: token (default), off, open)",
)
async def metrics(request: Request) -> Response:
    from prometheus_client import CONTENT_TYPE_LATEST

    await run_in_threadpool(_metrics_allowed, request)

    from digitize.metrics import render

    body = await run_in_threadpool(render)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
