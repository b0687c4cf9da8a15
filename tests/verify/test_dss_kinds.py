"""The kinds of signed PDF the EU DSS test suite holds, made here on the fly, judged as DSS judges them.

Each file is built by tests/verify/crafted.py with the test PKI (tests/support/pki.py), so a signature that
DSS calls valid must come out TOTAL_PASSED here (its root is trusted), and one DSS calls invalid must fail for
the reason DSS gives. Nothing is copied from ../shared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from asn1crypto import x509

from digitize.verify import load_trust_roots, verify_pdf
from tests.support.pki import TestPKI
from tests.verify import crafted as c
from tests.verify import helpers as h


@pytest.fixture(scope="module")
def base_pdf() -> bytes:
    return h.make_pdf()


@pytest.fixture(scope="module")
def roots(pki: TestPKI) -> list[x509.Certificate]:
    return load_trust_roots([pki.root_cert])


def _cms(pki: TestPKI, ident: str = "officer", **kw: object) -> Callable[[bytes], bytes]:
    who = pki.identity(ident)
    return lambda digest: c.signed_data(digest, who.key, who.cert, pki.intermediate_cert, **kw)  # type: ignore[arg-type]


def _sig(report):  # type: ignore[no-untyped-def]
    assert len(report.signatures) == 1, [(s.field, s.kind) for s in report.signatures]
    return report.signatures[0]


# --- document timestamps, whatever /Type they carry ------------------------------------------------
@pytest.mark.parametrize("type_name", ["/DocTimeStamp", "/Sig", None])
def test_document_timestamp_is_a_timestamp_whatever_its_type(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], type_name: str | None
) -> None:
    signed = h.pyhanko_sign(base_pdf, pki.officer.p12, pki.p12_password)
    stamped = c.embed(
        signed,
        lambda d: c.timestamp_token(d, pki.tsa_url),
        field="Timestamp1",
        type_name=type_name,
        sub_filter="/ETSI.RFC3161",
    )
    report = verify_pdf(stamped, trust_roots=roots)
    assert (report.document.signatures, report.document.timestamps) == (1, 1)
    sig, ts = report.signatures
    assert (sig.kind, ts.kind) == ("signature", "doc_timestamp")
    assert (ts.indication, ts.intact, ts.crypto_valid) == ("TOTAL_PASSED", True, True)
    assert ts.timestamp_time is not None
    # the timestamp added after the signature is no change a reader sees
    assert sig.indication == "TOTAL_PASSED" and sig.modification in ("lta_updates", "form_filling")


# --- one signature dictionary, two fields ----------------------------------------------------------
def test_one_signature_referenced_from_two_fields_is_one_signature(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    signed = h.pyhanko_sign(base_pdf, pki.officer.p12, pki.p12_password)
    twice = c.add_second_field_for(signed)
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(twice)) as pdf:  # really two fields pointing at one dictionary
        values = [f.V.objgen for f in pdf.Root.AcroForm.Fields]
        assert len(values) == 2 and values[0] == values[1]
    report = verify_pdf(twice, trust_roots=roots)
    assert report.document.signatures == 1
    assert _sig(report).indication == "TOTAL_PASSED"


# --- encrypted, then signed ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("aes", "revision"),
    [(False, 3), (False, 4), (True, 4), (True, 6)],
    ids=["RC4-R3", "RC4-R4", "AES128", "AES256"],
)
def test_signed_encrypted_pdf(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], aes: bool, revision: int
) -> None:
    # an empty user password (anyone opens it) and an owner password (restricts editing)
    locked = c.encrypt(base_pdf, aes=aes, r=revision, owner="owner-secret", user="")
    signed = c.embed(locked, _cms(pki), user_password="")
    report = verify_pdf(signed, trust_roots=roots)
    s = _sig(report)
    assert (s.indication, s.intact, s.crypto_valid, s.modification) == ("TOTAL_PASSED", True, True, "none")
    # a second signature (the organisation's) on the encrypted file: both hold
    twice = c.embed(signed, _cms(pki, "organization"), field="Signature2", user_password="owner-secret")
    first, second = verify_pdf(twice, trust_roots=roots).signatures
    assert (first.indication, second.indication) == ("TOTAL_PASSED", "TOTAL_PASSED")
    assert first.modification != "other"


# --- plain ECDSA (r||s) ----------------------------------------------------------------------------
def test_plain_ecdsa_signature_is_verified(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    signed = c.embed(base_pdf, _cms(pki, "officer_ec", plain_ecdsa=True))
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.intact, s.crypto_valid, s.trusted) == ("TOTAL_PASSED", True, True, True)
    assert s.signature_algorithm == "ecdsa-plain-sha256"


def test_plain_ecdsa_signature_value_altered_fails(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    make = _cms(pki, "officer_ec", plain_ecdsa=True)
    signed = c.embed(base_pdf, lambda d: c.tamper_signature_value(make(d)))
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.intact) == ("TOTAL_FAILED", "SIG_CRYPTO_FAILURE", True)


# --- adbe.pkcs7.sha1 -------------------------------------------------------------------------------
def _sha1_cms(pki: TestPKI, *, md: str = "sha1", wrong: bool = False) -> Callable[[bytes], bytes]:
    def make(sha1_of_range: bytes) -> bytes:
        content = hashlib.sha1(b"other bytes").digest() if wrong else sha1_of_range
        o = pki.officer
        return c.signed_data(
            hashlib.new(md, content).digest(), o.key, o.cert, pki.intermediate_cert, md=md, econtent=content
        )

    return make


@pytest.mark.parametrize("md", ["sha1", "sha256"])
def test_adbe_pkcs7_sha1_is_checked_and_never_passed(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], md: str
) -> None:
    signed = c.embed(base_pdf, _sha1_cms(pki, md=md), sub_filter="/adbe.pkcs7.sha1", md="sha1")
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.intact, s.crypto_valid, s.trusted) == (True, True, True)
    # the byte range is digested with SHA-1 whatever the signed attributes use: legacy, never TOTAL_PASSED
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE")
    assert s.digest_algorithm == "sha1" and "sha1" in s.algorithm_findings
    assert not any(c.name == "pdf_structure" for c in s.checks)  # a sound format, not a damaged file


def test_adbe_pkcs7_sha1_with_another_digest_inside_fails(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    signed = c.embed(base_pdf, _sha1_cms(pki, wrong=True), sub_filter="/adbe.pkcs7.sha1", md="sha1")
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.intact) == ("TOTAL_FAILED", "HASH_FAILURE", False)


# --- signed attributes and algorithm identifiers ---------------------------------------------------
def test_signed_attributes_not_in_der_order_are_invalid(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    signed = c.embed(base_pdf, _cms(pki, unsorted_attrs=True))
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.intact) == ("TOTAL_FAILED", "SIG_CRYPTO_FAILURE", True)
    # the value does verify over the bytes as written (what poppler/NSS check): only the verdict follows DSS
    assert s.crypto_valid is True
    assert any("not DER-encoded" in r for r in s.reasons_en)
    assert any("DER" in r for r in s.reasons)  # Vietnamese too


def test_signature_over_the_der_form_of_unordered_attributes_is_valid(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # written out of order but signed in DER form (RFC 5652): DSS re-encodes before checking, and so do we
    signed = c.embed(base_pdf, _cms(pki, unsorted_attrs=True, sign_der=True))
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.crypto_valid) == ("TOTAL_PASSED", True), (s.sub_indication, s.reasons_en)


def test_digest_algorithm_given_as_the_signature_algorithm_is_invalid(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    sha256 = "2.16.840.1.101.3.4.2.1"
    signed = c.embed(base_pdf, _cms(pki, signature_oid=sha256))
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("TOTAL_FAILED", "SIG_CRYPTO_FAILURE")
    assert any("digest algorithm (sha256)" in r for r in s.reasons_en)


def test_signature_algorithm_given_as_the_digest_algorithm_is_invalid(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    sha256_rsa = "1.2.840.113549.1.1.11"
    signed = c.embed(base_pdf, _cms(pki, digest_oid=sha256_rsa))
    report = verify_pdf(signed, trust_roots=roots)
    s = _sig(report)  # still a signature (DSS counts it), just not a valid one
    assert (s.indication, s.sub_indication) == ("TOTAL_FAILED", "HASH_FAILURE")


# --- byte range ------------------------------------------------------------------------------------
def test_byte_range_with_an_unsigned_gap_is_invalid(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    signed = c.embed(base_pdf, _cms(pki))
    gapped = c.resign_with_gap(signed, 40, _cms(pki))
    # the signature itself is sound over the ranges it names ...
    (a, la, b, _lb), covered = c.signed_bytes(gapped)
    hex_end = gapped.index(b">", a + la) + 1
    assert b - hex_end == 40
    import re

    from asn1crypto import cms

    blob = bytes.fromhex(re.sub(rb"0+$", b"", gapped[a + la + 1 : hex_end - 1]).decode() + "0" * 0)
    attrs = cms.ContentInfo.load(blob, strict=False)["content"]["signer_infos"][0]["signed_attrs"]
    digest = next(x["values"][0].native for x in attrs if x["type"].native == "message_digest")
    assert digest == hashlib.sha256(covered).digest()
    s = _sig(verify_pdf(gapped, trust_roots=roots))
    # ... but 40 bytes after the signature value are signed by nothing
    assert (s.indication, s.sub_indication) == ("TOTAL_FAILED", "FORMAT_FAILURE")
    assert any("unsigned gap" in r for r in s.reasons_en)


# --- changes DSS accepts ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def signed(pki: TestPKI, base_pdf: bytes) -> bytes:
    return h.pyhanko_sign(base_pdf, pki.officer.p12, pki.p12_password)


def test_structure_tree_added_after_signing_is_no_alarm(signed: bytes, roots: list[x509.Certificate]) -> None:
    s = _sig(verify_pdf(c.add_structure_tree(signed), trust_roots=roots))
    assert s.indication == "TOTAL_PASSED"
    assert s.modification in ("lta_updates", "form_filling")


def test_dss_dictionary_added_after_signing_is_no_alarm(
    pki: TestPKI, signed: bytes, roots: list[x509.Certificate]
) -> None:
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import add_validation_info
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(signed))
    vc = ValidationContext(trust_roots=roots, allow_fetching=True)
    out = add_validation_info(reader.embedded_signatures[0], vc)
    with_dss = out.getvalue()
    assert b"/DSS" in with_dss[len(signed) :]
    s = _sig(verify_pdf(with_dss, trust_roots=roots, allow_fetching=False))
    assert (s.indication, s.modification, s.revocation) == ("TOTAL_PASSED", "lta_updates", "good")


def test_annotations_sharing_a_border_do_not_overlap(signed: bytes, roots: list[x509.Certificate]) -> None:
    one = h.add_annotation_after_signing(signed, (420, 20, 480, 40), white_box=False)
    two = h.add_annotation_after_signing(one, (480, 20, 540, 40), white_box=False)
    s = _sig(verify_pdf(two, trust_roots=roots))
    assert (s.indication, s.modification) == ("TOTAL_PASSED", "annotations")
    check = next(c for c in s.checks if c.name == "annotation_overlap")
    assert check.ok is True, check.detail
    # the same two notes overlapping by 20 points: DSS's warning
    three = h.add_annotation_after_signing(one, (460, 20, 520, 40), white_box=False)
    s = _sig(verify_pdf(three, trust_roots=roots))
    check = next(c for c in s.checks if c.name == "annotation_overlap")
    assert check.ok is False and check.detail and "overlapping other annotations" in check.detail


def test_copied_document_timestamp_fails_alone(
    pki: TestPKI, signed: bytes, roots: list[x509.Certificate]
) -> None:
    tokens: list[bytes] = []

    def first(d: bytes) -> bytes:
        tokens.append(c.timestamp_token(d, pki.tsa_url))
        return tokens[0]

    stamped = c.embed(
        signed, first, field="Timestamp1", type_name="/DocTimeStamp", sub_filter="/ETSI.RFC3161"
    )
    copied = c.embed(
        stamped,
        lambda d: tokens[0],
        field="Timestamp2",
        type_name="/DocTimeStamp",
        sub_filter="/ETSI.RFC3161",
    )
    report = verify_pdf(copied, trust_roots=roots)
    sig, ts1, ts2 = report.signatures
    assert (sig.kind, ts1.kind, ts2.kind) == ("signature", "doc_timestamp", "doc_timestamp")
    # DSS: the copy's message imprint does not match what it covers; the rest stays valid
    assert (ts2.indication, ts2.sub_indication) == ("TOTAL_FAILED", "HASH_FAILURE")
    assert ts1.indication == "TOTAL_PASSED"
    assert sig.indication == "TOTAL_PASSED" and sig.modification != "other"
