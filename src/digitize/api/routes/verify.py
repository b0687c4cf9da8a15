"""``POST /api/v1/verify``: anyone (no login) sends a signed PDF and gets the verification report.

Thin: the body streams to a temporary file within the size limit (``digitize.api.uploads.receive_form``; the
``digitize.api.limits`` middleware already refused a larger declared body), then
``digitize.services.verification``
does the rest (limits on structure, time and concurrency, the verification core, the registry cross-check
by sha256 of a signed revision or by the QR code, vouching only when the signatures verify). A file that is no
PDF at all still gets a report (TOTAL_FAILED / FORMAT_FAILURE). ``?format=pdf`` returns the readable report as
a PDF, ``?format=text`` as text, in ``?lang=vi|en``, else ``Accept-Language`` (as at every door).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from digitize.api import schemas
from digitize.api.errors import request_lang
from digitize.api.ratelimit import check_public_rate, client_address
from digitize.api.uploads import receive_form
from digitize.config import get_settings
from digitize.errors import Lang
from digitize.services.verification import Limits, verify_submitted
from digitize.verify import render_pdf, render_text

router = APIRouter(prefix="/api/v1", tags=["verification"])

_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "The signed PDF"}
                    },
                }
            }
        },
    }
}


async def read_submitted(request: Request) -> tuple[bytes, str | None, dict[str, str]]:
    """The one file of the form field ``file`` (streamed to disk within the limit), its name, the text
    fields."""
    settings = get_settings()
    dest = Path(tempfile.mkdtemp(prefix="verify-", dir=settings.scratch_dir()))
    try:
        files, texts = await receive_form(
            request,
            dest,
            "file",
            limit=Limits.from_settings(settings).max_bytes,
            max_total=Limits.from_settings(settings).max_bytes + 64 * 1024,
            max_files=1,
        )
        data = files[0].path.read_bytes()
        return data, files[0].filename[:200] or None, texts
    finally:
        shutil.rmtree(dest, ignore_errors=True)


@router.post(
    "/verify",
    responses={
        200: {
            "description": "The verification report (JSON; PDF or text with ?format=)",
            "content": {"application/pdf": {}, "text/plain": {}},
        },
        400: {"model": schemas.ErrorBody, "description": "No file in the form"},
        413: {"model": schemas.ErrorBody, "description": "File too large"},
        422: {"model": schemas.ErrorBody, "description": "Not multipart, or too complex to verify"},
        429: {"model": schemas.ErrorBody, "description": "Too many requests from this address"},
        503: {"model": schemas.ErrorBody, "description": "Every verification slot is busy"},
    },
    openapi_extra=_BODY,
    summary="Verify a signed PDF (no login): ETSI indications, signers, changes after signing, registry",
)
async def verify(
    request: Request,
    lang: Lang | None = Query(
        None, description="Language of the readable report (else Accept-Language, else DIGITIZE_LANG)"
    ),
    format: Literal["json", "pdf", "text"] = Query("json", description="json, pdf or text"),
) -> Response:
    check_public_rate(request)
    lang = lang or request_lang(request)  # the one choice of every door; ``?lang=`` wins
    data, name, _ = await read_submitted(request)
    verified = await run_in_threadpool(verify_submitted, data, name, client=client_address(request))
    report = verified.report
    if format == "pdf":
        pdf = await run_in_threadpool(render_pdf, report, lang)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="verification-report.pdf"'},
        )
    if format == "text":
        return PlainTextResponse(render_text(report, lang))
    body: dict[str, Any] = report.contract_dict()
    registry = body.get("registry")
    if isinstance(registry, dict):
        registry["matched_by"] = str(verified.matched_by) if verified.matched_by else None
    body["text"] = render_text(report, lang)
    return JSONResponse(body)
