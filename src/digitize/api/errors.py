"""Errors as JSON: ``{"error": {"code", "message"}}`` with the status of the ``DigitizeError``.

The language is English when ``?lang=en`` or an ``Accept-Language`` starting with ``en`` asks for it;
Vietnamese otherwise (the default of ``DIGITIZE_LANG``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from digitize.config import get_settings
from digitize.errors import DigitizeError, Lang

_HTTP_CODES = {
    400: ("bad_request", "Yêu cầu không hợp lệ.", "Bad request."),
    401: ("unauthenticated", "Cần đăng nhập.", "Authentication required."),
    403: ("forbidden", "Không có quyền.", "Forbidden."),
    404: ("not_found", "Không tìm thấy.", "Not found."),
    405: ("method_not_allowed", "Phương thức không được phép.", "Method not allowed."),
    413: ("input_too_large", "Dữ liệu quá lớn.", "Request too large."),
}


LANG_COOKIE = "lang"  # set by the web pages' language switch


def request_lang(request: Request) -> Lang:
    """The one language choice of every door (API errors, web pages, the public page): ``?lang=``, then the
    web pages' ``lang`` cookie, then ``Accept-Language``, then ``DIGITIZE_LANG``."""
    for value in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if value in ("vi", "en"):
            return "en" if value == "en" else "vi"
    accept = request.headers.get("accept-language", "").strip().lower()
    if accept.startswith("en"):
        return "en"
    if accept.startswith("vi"):
        return "vi"
    return get_settings().lang


def error_response(err: DigitizeError, request: Request) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if err.http_status == 401 else None
    if err.http_status == 429 and isinstance(err.details.get("retry_after"), int):
        headers = {"Retry-After": str(err.details["retry_after"])}
    return JSONResponse(
        {"error": err.to_dict(request_lang(request))}, status_code=err.http_status, headers=headers
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(DigitizeError)
    async def _digitize_error(request: Request, exc: DigitizeError) -> JSONResponse:
        return error_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_lang(request)
        problems: list[dict[str, Any]] = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
            problems.append({"field": loc, "message": str(e.get("msg", ""))})
        where = ", ".join(p["field"] for p in problems if p["field"])
        message = (f"Invalid request: {where}" if lang == "en" else f"Yêu cầu không hợp lệ: {where}").rstrip(
            ": "
        )
        return JSONResponse(
            {"error": {"code": "bad_input", "message": message, "details": {"errors": problems}}},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        code, vi, en = _HTTP_CODES.get(exc.status_code, ("http_error", "Lỗi.", "Error."))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found",) else None
        message = detail or (en if lang == "en" else vi)
        return JSONResponse(
            {"error": {"code": code, "message": message}},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )
