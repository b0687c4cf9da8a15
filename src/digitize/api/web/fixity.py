"""``/admin/fixity`` (admin): the last fixity audit, its problems, and a button that starts one now (in a
thread of this process: an audit of a large store takes long). ``digitize.services.preservation``."""

from __future__ import annotations

import threading

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from digitize.api.web.base import FixityPage, csrf_form, redirect, render, router
from digitize.config import get_settings
from digitize.services import preservation

_running = threading.Lock()


def _run() -> None:
    try:
        preservation.audit()
    finally:
        _running.release()


@router.get("/admin/fixity", response_class=HTMLResponse)
def fixity_page(request: Request, user: FixityPage) -> Response:
    settings = get_settings()
    return render(
        request,
        "fixity.html",
        {
            "last": preservation.last_fixity(settings),
            "running": _running.locked(),
            "interval": settings.fixity_interval_hours,
        },
    )


@router.post("/admin/fixity", response_class=HTMLResponse)
async def fixity_run(request: Request, user: FixityPage) -> Response:
    await csrf_form(request)
    if _running.acquire(blocking=False):
        threading.Thread(target=_run, name="fixity-now", daemon=True).start()
    return redirect("/admin/fixity")
