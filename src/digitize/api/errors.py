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


def _both(code: str, vi: str, en: str, lang: Lang) -> dict[str, str]:
    """``code`` and the message in the caller's language, the other language beside it (as
    ``DigitizeError.to_dict`` does): ``message_en`` after a Vietnamese message, ``message_vi`` after an
    English one."""
    if lang == "en":
        return {"code": code, "message": en, "message_vi": vi}
    return {"code": code, "message": vi, "message_en": en}


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
        vi = f"Yêu cầu không hợp lệ: {where}".rstrip(": ")
        en = f"Invalid request: {where}".rstrip(": ")
        return JSONResponse(
            {"error": {**_both("bad_input", vi, en, lang), "details": {"errors": problems}}}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        code, vi, en = _HTTP_CODES.get(exc.status_code, ("http_error", "Lỗi.", "Error."))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found",) else None
        return JSONResponse(
            {"error": {"code": code, "message": detail} if detail else _both(code, vi, en, lang)},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )
