"""The signing pages show text others wrote: a certificate's subject name (the officer's CA, or whoever
made the PEM an admin registered), document file names. None of it may become markup on the admin's
certificates page or the officer's signing page (a script there signs with the officer's sessions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient

from digitize.services.signing import register_certificate
from digitize.store import db
from tests.api.signing_helpers import LICENCE_FIELDS, done_pdf_document

MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def _certificate(cn: str) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_a_certificate_subject_is_text_on_the_signing_pages(
    login: Callable[[str], TestClient], users: dict[str, str]
) -> None:
    with db.session() as s:
        register_certificate(s, "user", users["officer"], _certificate(MARKUP), by="test")
    for role, page in (("officer", "/sign"), ("admin", "/certificates")):
        r = login(role).get(page)
        assert r.status_code == 200, r.text
        assert "alert(1)" in r.text, page  # the subject is shown ...
        assert "<script>alert(2)" not in r.text and "<img src=x" not in r.text, page  # ... as text
        assert "&lt;script&gt;" in r.text, page
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_document_fields_and_file_names_are_text_on_every_page(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    """Fields come from OCR of a hostile scan (or a reviewer), the file name from the uploader: the document,
    search, signing queue and batch pages show them as text."""
    from sqlalchemy import select

    from digitize.store.models import BatchItem, Document

    fields = {k: (MARKUP if v else v) for k, v in LICENCE_FIELDS.items()}
    fields["type_name"] = "Giấy phép " + MARKUP
    doc_id = done_pdf_document(tmp_path, "gp-xss", fields)
    with db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        doc.original_filename = MARKUP + ".pdf"
        batch_id = s.scalar(select(BatchItem.batch_id).where(BatchItem.document_id == doc_id))
    officer = login("officer")
    for page in (f"/documents/{doc_id}", "/search?q=alert", "/sign", f"/batches/{batch_id}"):
        r = officer.get(page)
        assert r.status_code == 200, (page, r.status_code)
        assert "alert(1)" in r.text, page  # shown ...
        assert "<script>alert(2)" not in r.text and "<img src=x" not in r.text, page  # ... as text
