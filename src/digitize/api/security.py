"""Security headers on every response, and how a stored file may be served.

Every response (API JSON, pages, files, static, errors) gets ``X-Content-Type-Options: nosniff``, no
framing and a referrer policy; a response that did not set its own ``Content-Security-Policy`` gets one
that allows nothing at all (JSON and files never need to load or run anything). Pages set a CSP of their own
that allows only the app's scripts and styles from ``/static`` (``digitize.api.web.base.SECURITY_HEADERS``).

Files: what a user uploaded is never served ``inline`` (a browser would render it from our origin, with
the session cookie): only a PDF or image the service produced, and only when its bytes are what the declared
type says; anything else goes out as ``application/octet-stream`` and ``attachment``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from digitize.content import matches

# Files and JSON: nothing to load, nothing to run, never in a frame. Downloads are also sandboxed (a
# browser's PDF viewer refuses sandboxed documents, so the PDFs we produce and show inline are not).
FILE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOWNLOAD_CSP = FILE_CSP + "; sandbox"
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

DEFAULT_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"content-security-policy", API_CSP.encode()),
)


class SecurityHeaders:
    """ASGI middleware: the default security headers on every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in DEFAULT_HEADERS:
                    if name == b"x-content-type-options":
                        # never let a response opt out of nosniff
                        headers = [(n, v) for n, v in headers if n.lower() != name]
                        headers.append((name, value))
                    elif name not in present:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass(frozen=True)
class Serving:
    media_type: str
    disposition: str  # "inline" | "attachment"
    headers: dict[str, str]


def serving(head: bytes, declared: str | None, *, produced: bool) -> Serving:
    """How to serve a stored file whose first bytes are ``head``.

    ``produced``: the service made it (searchable PDF/A, signed PDF, rendered page image); only such a file
    whose bytes match ``declared`` may be shown inline. User-supplied originals are always attachments, with
    their declared type only when the bytes really are of it.
    """
    ok = declared is not None and matches(head, declared)
    media = declared if ok and declared else "application/octet-stream"
    disposition = "inline" if produced and ok else "attachment"
    return Serving(
        media,
        disposition,
        {
            "Content-Security-Policy": FILE_CSP if disposition == "inline" else DOWNLOAD_CSP,
            "X-Content-Type-Options": "nosniff",
        },
    )


class NoQueryStrings(logging.Filter):
    """Access log lines without query strings: they hold holder IDs, names and dates that agencies and
    staff search for (personal data), which have no place in a server log."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple):
            record.args = tuple(_path_only(a) for a in args)
        elif isinstance(record.msg, str) and "?" in record.msg and not args:
            record.msg = _path_only(record.msg)
        return True


def _path_only(value: object) -> object:
    if isinstance(value, str) and "?" in value and (value.startswith("/") or " /" in value):
        head, _, rest = value.partition("?")
        # keep what follows the query in a whole request line ("GET /x?q=1 HTTP/1.1")
        tail = rest.split(" ", 1)[1] if " " in rest else ""
        return f"{head}?…" + (f" {tail}" if tail else "")
    return value


def quiet_access_log() -> None:
    """Install :class:`NoQueryStrings` on uvicorn's access logger (once)."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, NoQueryStrings) for f in logger.filters):
        logger.addFilter(NoQueryStrings())


def document_reference_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI with 404 documented on every operation that names something by id (a path parameter, or a
    query parameter ``*_id``) and 400 on every operation with a body, where a route did not say so itself:
    an unknown id is a 404, a body that cannot be parsed a 400, whoever wrote the route."""
    for item in spec.get("paths", {}).values():
        for method, op in item.items():
            if not isinstance(op, dict) or method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = op.setdefault("responses", {})
            params = op.get("parameters", [])
            names_something = any(
                p.get("in") == "path" or (p.get("in") == "query" and str(p.get("name", "")).endswith("_id"))
                for p in params
                if isinstance(p, dict)
            )
            if names_something and "404" not in responses:
                responses["404"] = _error_response("Not found: the id named does not exist")
            if "requestBody" in op and "400" not in responses:
                responses["400"] = _error_response("Malformed request: the body cannot be parsed")
    return spec


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }


def complete_openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """``app.openapi`` that adds :func:`document_reference_errors` (computed once, like FastAPI's)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_reference_errors(original())
        return app.openapi_schema

    return openapi
