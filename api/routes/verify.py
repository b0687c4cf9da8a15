"""``POST /api/v1/verify``: anyone (no login) sends a signed PDF and gets the verification report.

The report is the verification core's (``digitize.verify.verify_pdf``) with the store cross-check: by the
sha256 of each signed revision (``digitize.store.registry.registry_lookup``), else by the document id in the
QR code of a signed result (``digitize.signing.qr.read_qr``; ``registry.matched_by`` says which). A file that
is no PDF at all still gets a report (TOTAL_FAILED / FORMAT_FAILURE). ``?format=pdf`` returns the readable
report as a PDF, ``?format=text`` as text, in ``?lang=vi|en``.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from api import schemas
from api.ratelimit import check_public_rate
from digitize.config import get_settings
from digitize.errors import InputTooLarge, Lang
from digitize.verify import VerificationReport, render_pdf, render_text, trust_roots_from_settings, verify_pdf
from digitize.verify.model import RegistryInfo

log = logging.getLogger("digitize.api.verify")
router = APIRouter(prefix="/api/v1", tags=["verification"])


def verify_bytes(data: bytes, file_name: str | None) -> tuple[VerificationReport, str | None]:
    """The report of ``data`` with the registry cross-check; also how the registry matched (or None)."""
    from digitize.store.registry import registry_lookup, registry_match

    report = verify_pdf(
        data, trust_roots=trust_roots_from_settings(), registry_lookup=registry_lookup, file_name=file_name
    )
    if report.registry.known:
        return report, "sha256"
    if report.document.sub_indication == "FORMAT_FAILURE" or not report.signatures:
        return report, None
    try:
        from digitize.signing.qr import parse_payload, read_qr

        text = read_qr(data)
        doc_id = parse_payload(text).get("document_id") if text else None
        match = registry_match(doc_id) if doc_id else None
    except Exception:  # the cross-check never breaks a report
        log.warning("QR cross-check failed", exc_info=True)
        match = None
    if match is None:
        return report, None
    registry = RegistryInfo(known=True, document_id=match.document_id, validity=match.validity)
    return report.model_copy(update={"registry": registry}), "qr"


@router.post(
    "/verify",
    responses={
        200: {
            "description": "The verification report (JSON; PDF or text with ?format=)",
            "content": {"application/pdf": {}, "text/plain": {}},
        },
        413: {"model": schemas.ErrorBody, "description": "File too large"},
        429: {"model": schemas.ErrorBody, "description": "Too many requests from this address"},
        422: {"model": schemas.ErrorBody, "description": "No file"},
    },
    summary="Verify a signed PDF (no login): ETSI indications, signers, changes after signing, registry",
)
def verify(
    request: Request,
    file: UploadFile = File(..., description="The signed PDF"),
    lang: Lang = Query("vi", description="Language of the readable report"),
    format: Literal["json", "pdf", "text"] = Query("json", description="json, pdf or text"),
) -> Response:
    check_public_rate(request)
    limit = get_settings().max_upload_bytes
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"Tệp quá lớn (tối đa {limit} byte).", f"File too large (limit {limit} bytes).")
    name = (file.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:200] or None
    report, matched_by = verify_bytes(data, name)
    if format == "pdf":
        return Response(
            render_pdf(report, lang),
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="verification-report.pdf"'},
        )
    if format == "text":
        return PlainTextResponse(render_text(report, lang))
    body: dict[str, Any] = report.contract_dict()
    registry = body.get("registry")
    if isinstance(registry, dict):
        registry["matched_by"] = matched_by
    body["text"] = render_text(report, lang)
    return JSONResponse(body)
