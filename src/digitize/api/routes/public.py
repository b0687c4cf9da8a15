"""``GET /v/{document_id}``: the public verification page the QR code of a signed result points at.

No sign-in. Vietnamese first (``?lang=en`` or ``Accept-Language: en`` for English); ``?format=json`` gives the
same facts as JSON. Shown: the validity today, the fields that are public (type, number/notation, issued
date, organ, validity period; nothing about the holder), a summary of the signatures and the sha256 of the
signed file, so anyone can compare it with the file they were given (or upload it to ``/verify``).
Only documents that carry a signature have a page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from digitize.api import schemas
from digitize.api.errors import request_lang
from digitize.api.ratelimit import check_public_rate
from digitize.errors import NotFound
from digitize.store import db
from digitize.store.models import Document, Signature
from digitize.store.service import iso, parse_date, validity_status

router = APIRouter(tags=["public"])

PUBLIC_FIELDS = (
    "type_name",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "valid_from",
    "valid_until",
)

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


def public_facts(document_id: str) -> dict[str, Any]:
    """What the public page shows of a signed document (NotFound when unknown or not signed)."""
    with db.session() as s:
        doc = s.scalar(
            select(Document)
            .where(Document.id == document_id)
            .options(
                selectinload(Document.fields),
                selectinload(Document.signatures),
                selectinload(Document.validity),
            )
        )
        if doc is None or not doc.signatures:
            raise NotFound(f"Không có văn bản đã ký {document_id}.", f"No signed document {document_id}.")
        values = {f.name: f.value for f in doc.fields}
        today = datetime.now(UTC).date()
        status = validity_status(
            doc.validity,
            today,
            parse_date(values.get("issued_date")),
            values.get("type_name") or doc.type_name,
        )
        v = doc.validity
        fields = {k: values.get(k) for k in PUBLIC_FIELDS}
        if v is not None:
            fields["valid_from"] = v.valid_from.isoformat() if v.valid_from else fields["valid_from"]
            fields["valid_until"] = v.valid_until.isoformat() if v.valid_until else fields["valid_until"]
        sigs: list[Signature] = list(doc.signatures)
        latest = next((x for x in reversed(sigs) if x.key and x.verified), None)
        return {
            "document_id": doc.id,
            "validity": {
                "status": status,
                "as_of": today.isoformat(),
                "reason": v.reason if v is not None and status in ("revoked", "superseded") else None,
                "superseded_by": v.superseded_by if v is not None else None,
            },
            "fields": fields,
            "signatures": [
                {
                    "signer": x.signer,
                    "organization": x.organization,
                    "role": x.role,
                    "level": x.level,
                    "signing_time": (x.detail or {}).get("signing_time") or iso(x.signed_at),
                    "verified": x.verified,
                }
                for x in sigs
            ],
            "signed_sha256": latest.sha256 if latest else None,
        }


_templates = Environment(
    loader=FileSystemLoader(str(Path(__file__).resolve().parents[1] / "web" / "templates")),
    autoescape=True,  # every value is escaped: field values come from OCR of hostile scans
    trim_blocks=False,
)


def render_page(facts: dict[str, Any], lang: str) -> str:
    """The page, from the Jinja template ``public_document.html`` (autoescaped)."""
    L = _L["en" if lang == "en" else "vi"]
    f = facts["fields"]
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
        status=facts["validity"]["status"],
        reason=facts["validity"].get("reason"),
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
        return JSONResponse(facts)
    return HTMLResponse(
        render_page(facts, request_lang(request)),
        headers={"Cache-Control": "no-store", "Content-Security-Policy": PAGE_CSP},
    )


# The public page: its own inline stylesheet, nothing else (no script, no frame, no form elsewhere).
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
