"""The web pages (server-rendered Jinja2, a little htmx, no front-end build), Vietnamese first, English too.

``digitize.api.app.create_app`` includes ``router`` and calls
``install(app)``, which mounts ``/static`` and lets the pages' session cookie stand for the signed-in user
on the API's read-only requests (file downloads linked from the pages).

Pages: ``/login`` ``/`` ``/upload`` ``/batches`` ``/review`` ``/search`` ``/documents/{id}`` ``/sign``
``/verify`` (public) ``/stats`` (+ ``/stats.csv``) ``/stacks/{id}`` (a stack's split, boundary review).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from digitize.api.web import (  # noqa: F401  (routes register themselves)
    documents,
    fixity,
    pages,
    signing,
    stacks,
    stats,
    token_signing,
    verify_page,
)
from digitize.api.web.base import HERE, router
from digitize.api.web.session import cookie_principal

__all__ = ["install", "router"]


def install(app: FastAPI) -> None:
    from digitize.api import deps

    if cookie_principal not in deps.PRINCIPAL_RESOLVERS:
        deps.PRINCIPAL_RESOLVERS.append(cookie_principal)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
