"""The public verification page: drop a signed PDF, read the report (no sign-in needed).

The same service as ``POST /api/v1/verify`` (``digitize.services.verification``: limits, the verification
core, the registry cross-check) under the same public rate limit, the body streamed within the size limit.
The report is shown in the page's language, and can be downloaded as a PDF (``render_pdf``): the page carries
the report as a signed token, so the PDF shows exactly what was verified and nobody can have us print a forged
one.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from digitize.api.ratelimit import check_public_rate, client_address
from digitize.api.routes.verify import read_submitted
from digitize.api.web.base import CsrfRefused, csrf_form, form_str, render, request_lang, router
from digitize.api.web.session import check_csrf, secret_key
from digitize.errors import BadInput, MissingField
from digitize.services.verification import verify_submitted
from digitize.verify import VerificationReport, render_pdf

REPORT_MAX_AGE = 3600


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="digitize-verify-report")


@router.get("/verify", response_class=HTMLResponse)
def verify_page(request: Request) -> Response:
    return render(request, "verify.html", {"report": None})


@router.post("/verify", response_class=HTMLResponse)
async def verify_upload(request: Request) -> Response:
    check_public_rate(request)
    try:
        data, name, texts = await read_submitted(request)
    except MissingField as exc:
        raise MissingField("Hãy chọn một tệp PDF.", "Choose a PDF file.") from exc
    if not check_csrf(request, texts.get("csrf_token")):
        raise CsrfRefused()
    if not data:
        raise BadInput("Tệp rỗng.", "The file is empty.")
    verified = await run_in_threadpool(verify_submitted, data, name, client=client_address(request))
    report = verified.report
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
    check_public_rate(request)
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
