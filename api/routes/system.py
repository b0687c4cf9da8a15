"""Health and metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text

from api import schemas
from digitize import __version__

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


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain; version=0.0.4": {}}}},
    summary="Prometheus metrics: documents by state, pages done/failed, page latency, queue depth",
)
async def metrics() -> Response:
    from prometheus_client import CONTENT_TYPE_LATEST

    from digitize.metrics import render

    body = await run_in_threadpool(render)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
