"""The size of every request body, enforced while it streams (413 before the body is stored or parsed).

``install(app)`` (called by ``digitize.api.app``) wraps the application in ``BodyLimit``: a request whose
``Content-Length`` is over its door's limit is answered 413 without reading it; a chunked body is counted as
it arrives and stopped at the first byte over. The limit of a door (``limit_for``): the uploads of many files
(``POST /api/v1/batches``, ``POST /upload``) ``max_batch_bytes``; the verification doors (``POST
/api/v1/verify``, ``POST /verify``) ``verify_max_bytes`` (never over ``max_upload_bytes``) plus room for the
multipart envelope; every other request ``max_request_bytes``. Doors of other areas that take larger bodies
add their path to ``UPLOAD_PATHS``.
"""

from __future__ import annotations

import json

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from digitize.config import Settings, get_settings
from digitize.errors import InputTooLarge

UPLOAD_PATHS: set[str] = {"/api/v1/batches", "/upload"}
VERIFY_PATHS: set[str] = {"/api/v1/verify", "/verify"}
ENVELOPE = 64 * 1024  # multipart boundaries, part headers and the small fields beside the file


def limit_for(path: str, settings: Settings) -> int:
    path = path.rstrip("/") or "/"
    if path in UPLOAD_PATHS:
        return settings.max_batch_bytes
    if path in VERIFY_PATHS:
        return min(settings.verify_max_bytes, settings.max_upload_bytes) + ENVELOPE
    return settings.max_request_bytes


def _too_large(limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"Yêu cầu quá lớn (tối đa {limit} byte).", f"Request too large (limit {limit} bytes)."
    )


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope.get("path", "/"), get_settings())
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"").strip()
        if length and (not (length.isascii() and length.isdigit()) or int(length) > limit):
            await _refuse(scope, send, limit)
            return
        received = 0
        finished = False

        async def counted() -> Message:
            nonlocal received, finished
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                finished = not message.get("more_body", False)
                if received > limit:
                    raise _too_large(limit)
            return message

        async def closing(message: Message) -> None:
            # a body refused before its end is not read further: the connection ends with the answer
            if message["type"] == "http.response.start" and message["status"] == 413 and not finished:
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, counted, closing)


async def _refuse(scope: Scope, send: Send, limit: int) -> None:
    from starlette.requests import Request

    from digitize.api.errors import request_lang

    err = _too_large(limit)
    try:
        lang = request_lang(Request(scope))
    except Exception:
        lang = "vi"
    body = json.dumps({"error": err.to_dict(lang)}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI) -> None:
    app.add_middleware(BodyLimit)
