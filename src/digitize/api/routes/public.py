"""``GET /v/{document_id}``: the public verification page the QR code of a signed result points at.

No sign-in. Vietnamese first (``?lang=en`` or ``Accept-Language: en`` for English); ``?format=json`` gives the
same facts as JSON. Shown: the validity today, the fields that are public (type, number/notation, issued
date, organ, validity period; nothing about the holder), a summary of the signatures and the sha256 of the
signed file, so anyone can compare it with the file they were given (or upload it to ``/verify``).
Only documents that carry a signature have a page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader

from digitize.api import schemas
from digitize.api.errors import request_lang
from digitize.api.ratelimit import check_public_rate
from digitize.services.public import PublicFacts, public_facts

router = APIRouter(tags=["public"])

_L: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Tra cứu văn bản điện tử đã ký số",
        "validity": "Hiệu lực hôm nay",
        "as_of": "tính đến ngày",
        "valid": "Còn hiệu lực",
        "expired": "Hết hiệu lực",
        "revoked": "Đã bị thu hồi",
        "superseded": "Đã được thay thế",
        "unknown": "Chưa xác định",
        "type_name": "Loại văn bản",
        "code": "Số, ký hiệu",
        "issued_date": "Ngày ban hành",
        "organ_name": "Cơ quan ban hành",
        "valid_from": "Hiệu lực từ",
        "valid_until": "Hiệu lực đến",
        "signatures": "Chữ ký số",
        "signer": "Người ký",
        "organization": "Tổ chức",
        "role": "Vai trò",
        "level": "Mức",
        "signed_at": "Thời gian ký",
        "checked": "Kiểm tra khi ký",
        "passed": "Hợp lệ",
        "not_passed": "Chưa xác thực",
        "sha256": "SHA-256 của tệp đã ký",
        "compare": "So sánh mã này với tệp bạn nhận được, hoặc tải tệp lên trang xác thực:",
        "verify": "Xác thực tệp PDF",
        "download": "Tải bản đã ký",
        "lang": "English",
    },
    "en": {
        "title": "Verification of a signed electronic document",
        "validity": "Validity today",
        "as_of": "as of",
        "valid": "In force",
        "expired": "Expired",
        "revoked": "Revoked",
        "superseded": "Superseded",
        "unknown": "Unknown",
        "type_name": "Document type",
        "code": "Number, notation",
        "issued_date": "Issued on",
        "organ_name": "Issued by",
        "valid_from": "Valid from",
        "valid_until": "Valid until",
        "signatures": "Digital signatures",
        "signer": "Signer",
        "organization": "Organisation",
        "role": "Role",
        "level": "Level",
        "signed_at": "Signed at",
        "checked": "Checked when signed",
        "passed": "Valid",
        "not_passed": "Not verified",
        "sha256": "SHA-256 of the signed file",
        "compare": "Compare it with the file you were given, or upload the file to the verification page:",
        "verify": "Verify a PDF file",
        "download": "Download the signed file",
        "lang": "Tiếng Việt",
    },
}


_templates = Environment(
    loader=FileSystemLoader(str(Path(__file__).resolve().parents[1] / "web" / "templates")),
    autoescape=True,  # every value is escaped: field values come from OCR of hostile scans
    trim_blocks=False,
)


def render_page(facts: PublicFacts, lang: str) -> str:
    """The page, from the Jinja template ``public_document.html`` (autoescaped)."""
    L = _L["en" if lang == "en" else "vi"]
    f = facts.fields
    code = "/".join(x for x in (f.get("code_number"), f.get("code_notation")) if x) or None
    rows = [
        (L["type_name"], f.get("type_name")),
        (L["code"], code),
        (L["issued_date"], f.get("issued_date")),
        (L["organ_name"], f.get("organ_name")),
        (L["valid_from"], f.get("valid_from")),
        (L["valid_until"], f.get("valid_until")),
    ]
    return _templates.get_template("public_document.html").render(
        facts=facts,
        L=L,
        lang="en" if lang == "en" else "vi",
        other="vi" if lang == "en" else "en",
        status=facts.validity.status,
        reason=facts.validity.reason,
        rows=rows,
    )


@router.get(
    "/v/{document_id}",
    response_class=HTMLResponse,
    responses={
        404: {"model": schemas.ErrorBody, "description": "No signed document with this id"},
        429: {"model": schemas.ErrorBody, "description": "Too many requests from this address"},
    },
    summary="Public verification page (no login)",
)
def public_page(
    document_id: str,
    request: Request,
    format: str = Query("html", pattern="^(html|json)$"),
) -> Response:
    check_public_rate(request)
    facts = public_facts(document_id[:64])
    if format == "json":
        return JSONResponse(facts.to_json())
    return HTMLResponse(
        render_page(facts, request_lang(request)),
        headers={"Cache-Control": "no-store", "Content-Security-Policy": PAGE_CSP},
    )


# The public page: its own inline stylesheet, nothing else (no script, no frame, no form elsewhere).
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
