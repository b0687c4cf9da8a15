"""GET /v/{id}: the public page the QR code points at: no login, Vietnamese first, English with ?lang=en,
validity today, public fields only (nothing about the holder), signatures, the sha256 of the signed file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.signing.qr import parse_payload
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.service import revoke
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)


@pytest.fixture
def signed_doc(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict]:  # noqa: F811
    write_profiles(pki, tmp_path, monkeypatch)
    doc_id = done_pdf_document(tmp_path, "gp-cong-khai")
    return doc_id, sign_document(doc_id, "giam-doc", "test")


def test_public_page(
    bare_client: TestClient, signed_doc: tuple[str, dict], tmp_path: Path, make_key: Callable[..., str]
) -> None:
    doc_id, rec = signed_doc
    # the QR code's URL, without the host, is this page
    url = parse_payload(rec["qr"])
    assert url["document_id"] == doc_id
    r = bare_client.get(f"/v/{doc_id}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert 'lang="vi"' in html and 'data-status="valid"' in html and "Còn hiệu lực" in html
    for shown in ("Giấy phép", "1169/GP-SKHCN", "2021-06-15", "Sở Khoa học và Công nghệ", "2099-06-15",
                  "Nguyễn Văn An", rec["sha256"]):  # fmt: skip
        assert shown in html, shown
    for hidden in ("0101234567", "Bình Minh"):  # the holder's identifier and name are not public
        assert hidden not in html
    en = bare_client.get(f"/v/{doc_id}?lang=en").text
    assert 'lang="en"' in en and "In force" in en and "Digital signatures" in en
    assert "In force" in bare_client.get(f"/v/{doc_id}", headers={"Accept-Language": "en-GB"}).text
    facts = bare_client.get(f"/v/{doc_id}?format=json").json()
    assert facts["validity"]["status"] == "valid" and facts["signed_sha256"] == rec["sha256"]
    assert "holder_id" not in facts["fields"] and "holder_name" not in facts["fields"]

    # revoked: the page says so at once
    with db.session() as s:
        revoke(s, doc_id, reason="Cấp sai đối tượng", by="test")
    html = bare_client.get(f"/v/{doc_id}").text
    assert 'data-status="revoked"' in html and "Đã bị thu hồi" in html and "Cấp sai đối tượng" in html

    # unknown and unsigned documents have no page
    assert bare_client.get("/v/0123456789abcdef0123456789abcdef").status_code == 404
    unsigned = done_pdf_document(tmp_path, "gp-chua-ky")
    assert bare_client.get(f"/v/{unsigned}").status_code == 404


def test_public_page_escapes_what_ocr_read() -> None:
    """Field values come from OCR of scans anyone may submit: the template escapes every one of them."""
    from digitize.api.routes.public import render_page

    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    from digitize.services.public import PublicFacts, PublicSignature, PublicValidity

    facts = PublicFacts(
        document_id="abc",
        validity=PublicValidity(status="valid", as_of="2026-11-30", reason=hostile, superseded_by=None),
        fields={
            "type_name": hostile,
            "code_number": "01",
            "code_notation": hostile,
            "organ_name": "Sở Y tế",
        },
        signatures=(
            PublicSignature(
                signer=hostile,
                organization="Sở Y tế",
                role="leader",
                level="B-B",
                signing_time=None,
                verified=True,
            ),
        ),
        signed_sha256="00" * 32,
    )
    for lang in ("vi", "en"):
        html = render_page(facts, lang)
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Sở Y tế" in html and 'data-status="valid"' in html
