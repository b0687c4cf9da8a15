"""Verification of PDFs signed by pyHanko, endesive and poppler's pdfsig with the test PKI, and of tampered
ones.

The PKI (tests/support/pki.py) runs real CRL, OCSP and RFC 3161 services on loopback: revocation is checked
over HTTP like in production.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from asn1crypto import x509

from digitize.verify import RegistryMatch, exit_code_for, load_trust_roots, verify_pdf
from tests.support.pki import TestPKI
from tests.verify import helpers as h


@pytest.fixture(scope="module")
def base_pdf() -> bytes:
    return h.make_pdf()


@pytest.fixture(scope="module")
def roots(pki: TestPKI) -> list[x509.Certificate]:
    return load_trust_roots([pki.root_cert])


@pytest.fixture(scope="module")
def signed(pki: TestPKI, base_pdf: bytes) -> bytes:
    return h.pyhanko_sign(base_pdf, pki.officer.p12, pki.p12_password)


def _one(report):  # type: ignore[no-untyped-def]
    assert len(report.signatures) == 1, report
    return report.signatures[0]


def test_pyhanko_signature_passes_with_circular15_fields(
    pki: TestPKI, signed: bytes, roots: list[x509.Certificate]
) -> None:
    before = pki.requests["ocsp"] + pki.requests["crl"]
    report = verify_pdf(signed, trust_roots=roots)
    s = _one(report)
    assert (s.indication, s.sub_indication) == ("TOTAL_PASSED", None)
    assert s.intact and s.crypto_valid and s.trusted
    assert (s.coverage, s.modification, s.revocation) == ("entire_file", "none", "good")
    assert pki.requests["ocsp"] + pki.requests["crl"] > before  # revocation really checked over HTTP
    assert s.signer.name == "Nguyễn Văn An"
    assert s.signer.organization == "Sở Khoa học và Công nghệ tỉnh Yên Bái"
    assert s.signer.issuer and "CA" in s.signer.issuer
    assert s.signer.serial and int(s.signer.serial, 16) == pki.officer.serial
    assert s.signing_time and s.certificate_valid_from and s.certificate_valid_until
    assert s.certificate_valid_at_signing_time is True
    assert s.timestamp_time is None
    assert report.document.indication == "TOTAL_PASSED"
    assert report.document.modified_after_signing is False
    assert (report.document.signatures, report.document.timestamps) == (1, 0)
    assert report.registry.known is False and report.registry.document_id is None
    assert exit_code_for(report) == 0


def test_timestamped_signature_reports_the_timestamp(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    data = h.pyhanko_sign(base_pdf, pki.officer.p12, pki.p12_password, tsa_url=pki.tsa_url)
    s = _one(verify_pdf(data, trust_roots=roots))
    assert s.indication == "TOTAL_PASSED"
    assert s.timestamp_time is not None and s.timestamp_trusted is True
    assert s.timestamp_authority and "dấu thời gian" in s.timestamp_authority


def test_no_trust_root_is_indeterminate(signed: bytes) -> None:
    report = verify_pdf(signed, trust_roots=[])
    s = _one(report)
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")
    assert s.intact and s.crypto_valid and not s.trusted
    assert exit_code_for(report) == 1


def test_untrusted_ca(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    data = h.pyhanko_sign(base_pdf, pki.untrusted.p12, pki.p12_password)
    s = _one(verify_pdf(data, trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")
    assert s.signer.name == "Trần Thị Bình"


def test_byte_changed_in_signed_range(signed: bytes, roots: list[x509.Certificate]) -> None:
    report = verify_pdf(h.flip_signed_byte(signed), trust_roots=roots)
    s = _one(report)
    assert (s.indication, s.sub_indication, s.intact) == ("TOTAL_FAILED", "HASH_FAILURE", False)
    assert exit_code_for(report) == 2


def test_page_content_added_after_signing(signed: bytes, roots: list[x509.Certificate]) -> None:
    report = verify_pdf(h.add_content_after_signing(signed), trust_roots=roots)
    s = _one(report)
    assert s.intact and s.crypto_valid and s.trusted  # the signature itself is fine ...
    assert s.coverage == "entire_revision"
    assert (s.indication, s.modification) == ("TOTAL_FAILED", "other")  # ... the document is not
    assert any("page 1" in r for r in s.reasons_en)
    assert report.document.modified_after_signing
    assert exit_code_for(report) == 2


def test_page_added_after_signing(signed: bytes, roots: list[x509.Certificate]) -> None:
    s = _one(verify_pdf(h.add_page_after_signing(signed), trust_roots=roots))
    assert (s.indication, s.modification) == ("TOTAL_FAILED", "other")
    assert (s.pages_signed, s.pages_final) == (1, 2)


def test_expired_certificate(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    bb = h.pyhanko_sign(base_pdf, pki.expired.p12, pki.p12_password)
    s = _one(verify_pdf(bb, trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "OUT_OF_BOUNDS_NO_POE")
    assert s.certificate_valid_at_signing_time is False
    # with a timestamp, it is proven the signature was made after expiry
    bt = h.pyhanko_sign(base_pdf, pki.expired.p12, pki.p12_password, tsa_url=pki.tsa_url)
    s = _one(verify_pdf(bt, trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("TOTAL_FAILED", "EXPIRED")


def test_revoked_certificate(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    bb = h.pyhanko_sign(base_pdf, pki.revoked.p12, pki.p12_password)
    s = _one(verify_pdf(bb, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.revocation) == ("INDETERMINATE", "REVOKED_NO_POE", "revoked")
    assert s.revocation_time is not None
    bt = h.pyhanko_sign(base_pdf, pki.revoked.p12, pki.p12_password, tsa_url=pki.tsa_url)
    s = _one(verify_pdf(bt, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.revocation) == ("TOTAL_FAILED", "REVOKED", "revoked")


def test_ecdsa_signature(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    data = h.pyhanko_sign(base_pdf, pki.officer_ec.p12, pki.p12_password)
    assert _one(verify_pdf(data, trust_roots=roots)).indication == "TOTAL_PASSED"


def test_two_signatures_in_signing_order(pki: TestPKI, signed: bytes, roots: list[x509.Certificate]) -> None:
    data = h.pyhanko_sign(signed, pki.organization.p12, pki.p12_password, field="Signature2", visible=True)
    report = verify_pdf(data, trust_roots=roots)
    assert [s.field for s in report.signatures] == ["Signature1", "Signature2"]
    first, second = report.signatures
    assert (first.coverage, first.modification) == ("entire_revision", "form_filling")
    assert (second.coverage, second.modification) == ("entire_file", "none")
    assert first.indication == second.indication == "TOTAL_PASSED"
    assert report.document.modified_after_signing is False
    assert exit_code_for(report) == 0


def test_endesive_signature(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    data = h.endesive_sign(base_pdf, pki.officer.p12, pki.p12_password)
    s = _one(verify_pdf(data, trust_roots=roots))
    assert (s.indication, s.sub_filter) == ("TOTAL_PASSED", "/adbe.pkcs7.detached")
    assert s.signer.name == "Nguyễn Văn An"
    assert s.location == "Yên Bái"


def _pdfsig_ready(pki: TestPKI) -> None:
    if shutil.which("pdfsig") is None or shutil.which("pk12util") is None:
        pytest.skip("pdfsig or pk12util (libnss3-tools) missing")
    if not (pki.nss_dir / "cert9.db").is_file():
        pytest.skip("the test PKI has no NSS database (certutil missing)")


def test_pdfsig_signature(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], tmp_path: Path
) -> None:
    _pdfsig_ready(pki)
    nss = h.nss_db_with(pki.officer.p12, pki.p12_password, pki.nss_dir, tmp_path / "nss")
    data = h.pdfsig_sign(base_pdf, nss, tmp_path)
    report = verify_pdf(data, trust_roots=roots)
    s = _one(report)
    assert (s.indication, s.revocation) == ("TOTAL_PASSED", "good")
    assert s.signer.name == "Nguyễn Văn An"
    # and a tampered pdfsig signature fails the same way as ours
    assert _one(verify_pdf(h.flip_signed_byte(data), trust_roots=roots)).sub_indication == "HASH_FAILURE"


def test_pdfsig_agrees_on_ours_and_on_tampering(pki: TestPKI, signed: bytes, tmp_path: Path) -> None:
    """A second opinion from poppler/NSS on a pyHanko signature, intact and tampered."""
    _pdfsig_ready(pki)
    from digitize.tools import pdfsig

    assert pdfsig.version()
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(signed)
    bad.write_bytes(h.flip_signed_byte(signed))
    [g] = pdfsig.inspect(good)
    assert g.valid and g.total_document_signed and g.common_name == "Nguyễn Văn An"
    assert g.ranges and g.ranges[0][0] == 0
    [b] = pdfsig.inspect(bad)
    assert not b.valid and b.signature_validation == "Digest Mismatch."


def test_registry_lookup_hook(signed: bytes, roots: list[x509.Certificate]) -> None:
    import hashlib

    seen: list[str] = []

    def lookup(sha: str) -> RegistryMatch | None:
        seen.append(sha)
        return (
            RegistryMatch(document_id="doc-42", validity="valid")
            if sha == hashlib.sha256(signed).hexdigest()
            else None
        )

    report = verify_pdf(signed, trust_roots=roots, registry_lookup=lookup)
    assert report.registry.model_dump() == {"known": True, "document_id": "doc-42", "validity": "valid"}
    assert seen == [report.signatures[0].signed_revision_sha256]

    def failing(sha: str) -> RegistryMatch | None:
        raise RuntimeError("db down")

    assert verify_pdf(signed, trust_roots=roots, registry_lookup=failing).registry.known is False


def test_not_yet_valid_certificate(pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    data = h.pyhanko_sign(base_pdf, pki.not_yet_valid.p12, pki.p12_password)
    s = _one(verify_pdf(data, trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("TOTAL_FAILED", "NOT_YET_VALID")
    assert s.certificate_valid_at_signing_time is False


def test_certificate_without_signing_key_usage(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    data = h.pyhanko_sign(base_pdf, pki.wrong_usage.p12, pki.p12_password)
    s = _one(verify_pdf(data, trust_roots=roots))
    assert s.intact and s.crypto_valid
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "CHAIN_CONSTRAINTS_FAILURE")


def test_annotation_over_signed_text_does_not_pass(signed: bytes, roots: list[x509.Certificate]) -> None:
    hidden = h.add_annotation_after_signing(signed, (40, 560, 560, 830), white_box=True)
    s = _one(verify_pdf(hidden, trust_roots=roots))
    assert s.intact and s.crypto_valid and s.trusted
    assert s.indication != "TOTAL_PASSED"
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "SIG_CONSTRAINTS_FAILURE")
    assert s.modification == "annotations"
    assert any(c.name == "annotation_overlap" and c.ok is False for c in s.checks)


def test_sticky_note_in_the_margin_is_accepted(signed: bytes, roots: list[x509.Certificate]) -> None:
    noted = h.add_annotation_after_signing(signed, (560, 20, 580, 40), white_box=False)
    report = verify_pdf(noted, trust_roots=roots)
    s = _one(report)
    assert (s.indication, s.modification) == ("TOTAL_PASSED", "annotations")
    assert report.document.modified_after_signing is True
