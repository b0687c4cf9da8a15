"""The public verification page: drop a signed PDF, read the report (no sign-in needed).

The report comes from the verification core (``digitize.verify.verify_pdf``) with the store cross-check; it is
shown in the page's language, and can be downloaded as a PDF (``render_pdf``): the page carries the report as
a signed token, so the PDF shows exactly what was verified and nobody can have us print a forged one.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import UploadFile

from api.web.base import csrf_form, form_str, render, request_lang, router
from api.web.session import secret_key
from digitize.config import get_settings
from digitize.errors import BadInput, InputTooLarge, MissingField
from digitize.verify import (
    RegistryMatch,
    VerificationReport,
    render_pdf,
    trust_roots_from_settings,
    verify_pdf,
)

REPORT_MAX_AGE = 3600


def registry_lookup(sha256: str) -> RegistryMatch | None:
    """The store's answer for a signed revision (``digitize.store.registry``, shared with the API)."""
    from digitize.store.registry import registry_lookup as lookup

    return lookup(sha256)


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="digitize-verify-report")


@router.get("/verify", response_class=HTMLResponse)
def verify_page(request: Request) -> Response:
    return render(request, "verify.html", {"report": None})


@router.post("/verify", response_class=HTMLResponse)
async def verify_upload(request: Request) -> Response:
    form = await csrf_form(request)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise MissingField("Hãy chọn một tệp PDF.", "Choose a PDF file.")
    limit = get_settings().max_upload_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"Tệp quá lớn (tối đa {limit} byte).", f"File too large (limit {limit} bytes).")
    if not data:
        raise BadInput("Tệp rỗng.", "The file is empty.")
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1][:200]

    def run() -> VerificationReport:
        return verify_pdf(
            data, trust_roots=trust_roots_from_settings(), registry_lookup=registry_lookup, file_name=name
        )

    report = await run_in_threadpool(run)
    token = _signer().dumps(report.contract_dict())
    return render(request, "verify.html", {"report": report, "token": token, **_view(report, request)})


def _view(report: VerificationReport, request: Request) -> dict[str, Any]:
    lang = request_lang(request)
    d = report.document
    return {
        "doc_reason": (d.reason_en if lang == "en" else d.reason) or "",
        "sig_reasons": [(s.reasons_en if lang == "en" else s.reasons) for s in report.signatures],
    }


@router.post("/verify/report.pdf")
async def verify_report_pdf(request: Request) -> Response:
    form = await csrf_form(request)
    try:
        data = _signer().loads(form_str(form, "report"), max_age=REPORT_MAX_AGE)
        report = VerificationReport.model_validate(data)
    except (BadSignature, ValueError) as exc:
        raise BadInput("Báo cáo không hợp lệ hoặc đã hết hạn.", "The report is invalid or expired.") from exc
    lang = request_lang(request)
    pdf = await run_in_threadpool(render_pdf, report, lang)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="verification-report.pdf"'},
    )
