"""``GET /v/{document_id}``: the public verification page the QR code of a signed result points at.

No sign-in. Vietnamese first (``?lang=en`` or ``Accept-Language: en`` for English); ``?format=json`` gives the
same facts as JSON. Shown: the validity today, the fields that are public (type, number/notation, issued
date, organ, validity period; nothing about the holder), a summary of the signatures and the sha256 of the
signed file, so anyone can compare it with the file they were given (or upload it to ``/verify``).
Only documents that carry a signature have a page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from api import schemas
from api.errors import request_lang
from api.ratelimit import check_public_rate
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


def _row(label: str, value: str | None) -> str:
    return f"<tr><th>{escape(label)}</th><td>{escape(value or '—')}</td></tr>"


def render_page(facts: dict[str, Any], lang: str) -> str:
    L = _L["en" if lang == "en" else "vi"]
    f = facts["fields"]
    status = facts["validity"]["status"]
    code = "/".join(x for x in (f.get("code_number"), f.get("code_notation")) if x) or None
    other = "vi" if lang == "en" else "en"
    sig_rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(x[k] or '—'))}</td>"
            for k in ("signer", "organization", "role", "level", "signing_time")
        )
        + f'<td class="{"ok" if x["verified"] else "bad"}">'
        + escape(L["passed"] if x["verified"] else L["not_passed"])
        + "</td></tr>"
        for x in facts["signatures"]
    )
    sha = facts["signed_sha256"]
    doc_id = escape(facts["document_id"])
    reason = facts["validity"].get("reason")
    return f"""<!doctype html>
<html lang="{"en" if lang == "en" else "vi"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(L["title"])}</title>
<style>
body{{font-family:"Liberation Sans",Arial,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;
color:#222}}
h1{{font-size:1.35rem}} table{{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem}}
th,td{{text-align:left;border-bottom:1px solid #ddd;padding:.35rem .5rem;vertical-align:top}}
.status{{font-size:1.2rem;font-weight:bold;padding:.6rem .8rem;border-radius:.3rem;display:inline-block}}
.status-valid{{background:#e3f4e3;color:#135e13}}
.status-expired,.status-unknown{{background:#fff4d6;color:#6b4e00}}
.status-revoked,.status-superseded{{background:#fbe3e3;color:#8a1111}}
.ok{{color:#135e13}} .bad{{color:#8a1111}} code{{word-break:break-all}} nav{{float:right}}
</style></head><body>
<nav><a href="?lang={other}">{escape(L["lang"])}</a></nav>
<h1>{escape(L["title"])}</h1>
<p>{escape(L["validity"])} ({escape(L["as_of"])} {escape(facts["validity"]["as_of"])}):</p>
<p id="validity" data-status="{escape(status)}" class="status status-{escape(status)}">
{escape(L.get(status, status))}</p>
{f"<p>{escape(reason)}</p>" if reason else ""}
<table id="fields">
{_row(L["type_name"], f.get("type_name"))}
{_row(L["code"], code)}
{_row(L["issued_date"], f.get("issued_date"))}
{_row(L["organ_name"], f.get("organ_name"))}
{_row(L["valid_from"], f.get("valid_from"))}
{_row(L["valid_until"], f.get("valid_until"))}
</table>
<h2>{escape(L["signatures"])}</h2>
<table id="signatures"><tr><th>{escape(L["signer"])}</th><th>{escape(L["organization"])}</th>
<th>{escape(L["role"])}</th><th>{escape(L["level"])}</th><th>{escape(L["signed_at"])}</th>
<th>{escape(L["checked"])}</th></tr>
{sig_rows}
</table>
<p>{escape(L["sha256"])}: <code id="sha256">{escape(sha or "—")}</code></p>
<p>{escape(L["compare"])} <a href="/verify">{escape(L["verify"])}</a></p>
<p><small>{doc_id}</small></p>
</body></html>
"""


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
