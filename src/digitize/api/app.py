"""The FastAPI application: ``create_app()`` and the module-level ``app`` (``uvicorn digitize.api.app:app``).

Thin over the core: routers parse and authorize, then call ``digitize.services`` / the core.
On the embedded default (no ``DIGITIZE_BROKER_URL``) the app's lifespan runs the in-process worker pool,
which first puts back what a previous run left unfinished, so a restarted server finishes its batches.

Every router is imported directly: everything ships in one wheel, and a broken import fails loudly. With
``DIGITIZE_BROKER_URL`` set, the Celery dispatcher (``digitize.workers.dispatch``) is registered with the
core here.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import digitize.api.web
from digitize import __version__
from digitize.api import docs, errors, limits
from digitize.api.routes import (
    access_log,
    batches,
    documents,
    files,
    public,
    review,
    signatures,
    signing_sessions,
    stacks,
    system,
    verify,
)
from digitize.api.security import SecurityHeaders, complete_openapi, quiet_access_log
from digitize.config import get_settings
from digitize.processing.executor import register_dispatcher
from digitize.workers import dispatch

log = logging.getLogger("digitize.api")

DESCRIPTION = """Số hóa kết quả giải quyết thủ tục hành chính: kho dữ liệu, tìm kiếm, ký số, xác thực.

Authentication: `Authorization: Bearer <API key>` (`digitize keys create`). Roles: archivist, reviewer,
officer, admin, agency. Errors: `{"error": {"code", "message"}}`; `?lang=en` or `Accept-Language: en` for
English messages.
"""


def create_app(
    *, start_pool: bool | None = None, pool_workers: int | None = None, fixity_schedule: bool = False
) -> FastAPI:
    """The application. ``start_pool`` (default: on the embedded default) runs the local worker pool."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from digitize.processing.executor import LocalPool, set_current_pool, stop_resource_tracker
        from digitize.store import db

        settings = get_settings()
        db.get_engine(settings)
        run_pool = (not settings.uses_celery) if start_pool is None else start_pool
        pool = None
        if run_pool:
            pool = LocalPool(settings, workers=pool_workers, warm=True)
            pool.start()
            set_current_pool(pool)
            log.info("local worker pool started with %d processes", pool.workers)
        app.state.pool = pool
        # stacks a previous run left unsplit; the hot folder when DIGITIZE_WATCH_DIR is set (issue 15)
        from digitize.services.hotfolder import watch_in_background
        from digitize.services.stacks import split_in_background

        split_in_background(settings)
        watching = watch_in_background(settings)
        # prepared PDFs of signing sessions that can no longer be completed (issue 13): now and periodically
        from digitize.services.signing import sweep_in_background

        sweeping = sweep_in_background(settings)
        fixity = None
        if fixity_schedule and not settings.uses_celery:  # with a broker, Celery beat schedules it
            from digitize.preservation.schedule import FixityScheduler

            fixity = FixityScheduler(settings)
            fixity.start()
        try:
            yield
        finally:
            if fixity is not None:
                fixity.stop()
            if watching is not None:
                watching.set()
            sweeping.set()
            if pool is not None:
                # stop taking work, let running pages finish (shutdown_grace_seconds), end every child
                set_current_pool(None)
                pool.stop()
                stop_resource_tracker()

    register_dispatcher(dispatch.enqueue)  # used by enqueue() when DIGITIZE_BROKER_URL is set
    app = FastAPI(
        title="digitize",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served locally by digitize.api.docs (no CDN)
        redoc_url=None,
    )
    errors.install(app)
    app.add_middleware(SecurityHeaders)
    quiet_access_log()  # no query strings (holder IDs) in uvicorn's access log
    docs.install(app)
    app.include_router(system.router)
    app.include_router(batches.router)
    app.include_router(documents.router)
    for router in (
        review.router,
        signatures.router,
        signing_sessions.router,
        verify.router,
        access_log.router,
        public.router,
        files.router,
        digitize.api.web.router,
        stacks.router,
    ):
        app.include_router(router)
    digitize.api.web.install(app)
    limits.install(app)
    app.openapi = complete_openapi(app)  # type: ignore[method-assign]
    return app


app = create_app()
