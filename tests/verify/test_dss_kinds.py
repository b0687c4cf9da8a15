"""The kinds of signed PDF the EU DSS test suite holds, made here on the fly, judged as DSS judges them.

Each file is built by tests/verify/crafted.py with the test PKI (tests/support/pki.py), so a signature that
DSS calls valid must come out TOTAL_PASSED here (its root is trusted), and one DSS calls invalid must fail for
the reason DSS gives. Nothing is copied from ../shared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

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


# --- document timestamps, as EU DSS tells them apart ----------------------------------------------
# DSS (AbstractPDFSignatureService.isDocTimestamp/isSignature): an /ETSI.RFC3161 dictionary is a document
# timestamp when its /Type is /DocTimeStamp or missing (DSS1899Test.timestampWithNullTypeTest: an archive
# timestamp); under /Type /Sig it is neither a timestamp nor a signature and is skipped
# (DSS1899Test.timestampWithSigTypeTest: one signature, no document timestamp).
@pytest.mark.parametrize(("type_name", "timestamps"), [("/DocTimeStamp", 1), (None, 1), ("/Sig", 0)])
def test_document_timestamp_as_dss_tells_it_by_type(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], type_name: str | None, timestamps: int
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
    assert (report.document.signatures, report.document.timestamps) == (1, timestamps)
    sig = report.signatures[0]
    assert sig.kind == "signature"
    if timestamps:
        ts = report.signatures[1]
        assert ts.kind == "doc_timestamp"
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
    s = _sig(report)
    assert s.indication == "TOTAL_PASSED"
    # DSS (PAdESMultipleFieldSignatureReferenceTest): one signature, both field names
    assert (s.field, s.field_names) == ("Signature1", ["Signature1", "Signature2"])


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


def test_signed_pdf_with_a_user_password_is_refused_as_dss_does(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS (ProtectedDocumentsSignatureTest): a PDF that opens only with its user password, validated with no
    # or a wrong password, throws InvalidPasswordException: no report, nothing judged
    locked = c.encrypt(base_pdf, aes=True, r=6, owner="owner-secret", user="user-secret")
    signed = c.embed(locked, _cms(pki), user_password="user-secret")
    report = verify_pdf(signed, trust_roots=roots)
    doc = report.document
    assert (doc.indication, doc.sub_indication, doc.signatures, report.signatures) == (
        "TOTAL_FAILED",
        "FORMAT_FAILURE",
        0,
        [],
    )
    assert doc.reason_en and "user (open) password" in doc.reason_en
    assert doc.reason and "mật khẩu" in doc.reason


# --- adbe.x509.rsa_sha1 ----------------------------------------------------------------------------
# DSS takes the dictionary for a signature (/Type /Sig, not RFC 3161), cannot parse its /Contents as CMS and
# skips it ("Unable to parse signature", AbstractPDFSignatureService.getRevisions): no signature, as
# BadEncodedCMSTest. The report still says what it is and whether its PKCS#1 value holds.
@pytest.mark.parametrize("sound", [True, False])
def test_adbe_x509_rsa_sha1_is_no_signature_for_dss(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], sound: bool
) -> None:
    o = pki.officer

    def value(digest: bytes) -> bytes:
        return c.pkcs1_sha1(digest if sound else hashlib.sha1(b"other").digest(), o.key)

    signed = c.embed(base_pdf, value, sub_filter="/adbe.x509.rsa_sha1", md="sha1", cert_der=o.cert_der)
    report = verify_pdf(signed, trust_roots=roots)
    doc = report.document
    assert (doc.indication, doc.sub_indication, doc.signatures) == ("TOTAL_FAILED", "FORMAT_FAILURE", 0)
    assert doc.reason_en and "adbe.x509.rsa_sha1" in doc.reason_en
    assert ("verifies with the certificate in /Cert" in doc.reason_en) is sound
    assert ("does NOT verify" in doc.reason_en) is not sound
    # a PAdES signature added later is the one signature
    both = h.pyhanko_sign(signed, o.p12, pki.p12_password, field="Signature2")
    report = verify_pdf(both, trust_roots=roots)
    assert [(s.field, s.indication) for s in report.signatures] == [("Signature2", "TOTAL_PASSED")]


def test_adbe_x509_rsa_sha1_value_ending_in_zero_still_verifies(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    """One RSA value in 256 ends in a 0 byte, like the zeros that pad /Contents: the value must be read by its
    DER length, not by stripping zeros (CI failed once on this)."""
    o = pki.officer
    values: list[bytes] = []

    def value(digest: bytes) -> bytes:
        values.append(c.pkcs1_sha1(digest, o.key))
        return values[-1]

    for i in range(4000):  # the field name changes the signed bytes; P(no value ending in 0) < 1e-6
        signed = c.embed(
            base_pdf, value, field=f"S{i}", sub_filter="/adbe.x509.rsa_sha1", md="sha1", cert_der=o.cert_der
        )
        if values[-1].endswith(b"\x00"):
            break
    assert values[-1].endswith(b"\x00")
    doc = verify_pdf(signed, trust_roots=roots).document
    assert doc.reason_en and "verifies with the certificate in /Cert" in doc.reason_en


# --- a CMS without its certificates ---------------------------------------------------------------
def test_signature_without_certificates_has_no_signing_certificate(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS (PAdESBESNoCertificatesValidationTest): the signing certificate is not identified, the B-level is
    # not valid: INDETERMINATE / NO_SIGNING_CERTIFICATE_FOUND
    from asn1crypto import cms

    def bare(digest: bytes) -> bytes:
        ci = cms.ContentInfo.load(_cms(pki)(digest))
        del ci["content"]["certificates"]
        return bytes(ci.dump(force=True))

    s = _sig(verify_pdf(c.embed(base_pdf, bare), trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "NO_SIGNING_CERTIFICATE_FOUND")


# --- enveloping CMS (eContent present) ------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "want"),
    [("same", ("TOTAL_PASSED", None)), ("empty", ("TOTAL_FAILED", "SIG_CRYPTO_FAILURE"))],
)
def test_enveloping_cms(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], content: str, want: tuple[str, str | None]
) -> None:
    # DSS: PAdESWithEnvelopingCMSTest (the signed bytes encapsulated too: valid, format PDF_NOT_ETSI);
    # PAdESWithEnvelopingEmptyContentCMSTest (empty encapsulated content: the byte range matches the
    # message-digest, but Bouncy Castle checks it against the encapsulated content: signature not intact)
    o = pki.officer
    signed = c.embed(base_pdf, _cms(pki), reserve=60000)
    _, covered = c.signed_bytes(signed)
    digest = hashlib.sha256(covered).digest()
    econtent = covered if content == "same" else b""
    enveloping = c.replace_cms(
        signed, c.signed_data(digest, o.key, o.cert, pki.intermediate_cert, econtent=econtent)
    )
    s = _sig(verify_pdf(enveloping, trust_roots=roots))
    assert (s.indication, s.sub_indication) == want, s.reasons_en
    assert s.intact is True  # the byte range itself is what the message-digest says
    if content == "empty":
        assert any("encapsulates content" in r for r in s.reasons_en)


# --- several signature timestamps ------------------------------------------------------------------
@pytest.mark.parametrize("bad", [(), (0,), (1,)])
def test_each_signature_timestamp_is_judged(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], bad: tuple[int, ...]
) -> None:
    # DSS (PAdESLevelTWithDuplicatedSigTstTest): every signature timestamp is a timestamp of its own, each
    # checked (message imprint, signature); one that fails does not take the signature's time away when
    # another proves it: the signature passes, the broken one is named
    def make(digest: bytes) -> bytes:
        return c.add_signature_timestamps(_cms(pki)(digest), pki.tsa_url, bad=bad)

    s = _sig(verify_pdf(c.embed(base_pdf, make, reserve=40000), trust_roots=roots))
    assert (s.indication, s.timestamp_trusted) == ("TOTAL_PASSED", True)
    check = next(x for x in s.checks if x.name == "signature_timestamps")
    assert check.ok is (not bad) and check.detail == f"{2 - len(bad)} of 2 match the signature value"
    named = [r for r in s.reasons_en if "signature timestamp" in r and "wrong message imprint" in r]
    assert len(named) == (1 if bad else 0)
    if bad:  # (a SET OF: the attributes are written in DER order, so which one is 1st is the encoder's)
        assert "timestamp 1 of 2" in named[0] or "timestamp 2 of 2" in named[0]


def test_signature_whose_every_timestamp_is_broken_is_not_passed(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    def make(digest: bytes) -> bytes:
        return c.add_signature_timestamps(_cms(pki)(digest), pki.tsa_url, bad=(0, 1))

    s = _sig(verify_pdf(c.embed(base_pdf, make, reserve=40000), trust_roots=roots))
    assert (s.indication, s.sub_indication, s.timestamp_trusted) == (
        "INDETERMINATE",
        "SIG_CONSTRAINTS_FAILURE",
        False,
    )


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
    from asn1crypto import cms

    # the whole padded value: the DER header gives the length, the zeros after it are ignored (stripping
    # trailing "0"s instead broke one run in 16 whose signature ended in a 0 nibble)
    blob = bytes.fromhex(gapped[a + la + 1 : hex_end - 1].decode())
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


# --- certification (DocMDP) followed by changes ----------------------------------------------------
def _certify(pki: TestPKI, data: bytes, perm: int) -> bytes:
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import MDPPerm

    signer = signers.SimpleSigner.load_pkcs12(pki.officer.p12, passphrase=pki.p12_password.encode())
    assert signer is not None
    meta = signers.PdfSignatureMetadata(
        field_name="Certification",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=MDPPerm(perm),
    )
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    return signers.PdfSigner(meta, signer=signer).sign_pdf(w).getvalue()


@pytest.mark.parametrize(
    ("perm", "change", "permitted"),
    [
        (1, "annotation", False),
        (1, "signature", False),
        (2, "annotation", False),
        (2, "signature", True),
        (3, "annotation", True),
    ],
)
def test_changes_a_certification_forbids_are_a_warning_as_dss_says(
    pki: TestPKI,
    base_pdf: bytes,
    roots: list[x509.Certificate],
    perm: int,
    change: str,
    permitted: bool,
) -> None:
    # DSS's default policy checks DocMDP (and FieldMDP, SigFieldLock) at warning level: a certified document
    # annotated after a P=1 certification keeps its indication, BBB_FC_ISVADMDPD_ANS among the warnings
    # (PAdESAnnotModifiedDocMDPTest; PAdESFormModifiedFieldMDPInvalidTest alike). Nothing signed changed.
    certified = _certify(pki, base_pdf, perm)
    if change == "annotation":
        changed = h.add_annotation_after_signing(certified, (420, 20, 480, 40), white_box=False)
    else:  # a second (approval) signature, written whatever the certification says
        changed = c.embed(certified, _cms(pki, "organization"), field="Signature2")
    report = verify_pdf(changed, trust_roots=roots)
    s = report.signatures[0]
    assert (s.field, s.docmdp, s.indication) == ("Certification", perm, "TOTAL_PASSED"), s.reasons_en
    assert s.modification == ("annotations" if change == "annotation" else "form_filling")
    check = next(x for x in s.checks if x.name == "docmdp")
    assert check.ok is permitted
    warned = [r for r in s.reasons_en if "beyond what its certification permits" in r]
    assert len(warned) == (0 if permitted else 1)
    if not permitted:
        assert f"DocMDP P={perm}" in warned[0]
        assert any("chữ ký chứng thực" in r for r in s.reasons)


# --- the ESS signing-certificate attribute (PAdES B-B) ---------------------------------------------
def test_signing_certificate_attribute_is_told(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], signed: bytes
) -> None:
    # crafted.signed_data writes content-type, signing-time and message-digest only, as many Vietnamese
    # signing tools do; pyHanko writes signing-certificate-v2
    bare = _sig(verify_pdf(c.embed(base_pdf, _cms(pki)), trust_roots=roots))
    full = _sig(verify_pdf(signed, trust_roots=roots))
    got = {
        name: next(x for x in s.checks if x.name == "signing_certificate_attribute").ok
        for name, s in (("bare", bare), ("full", full))
    }
    assert got == {"bare": False, "full": True}
    assert bare.indication == "TOTAL_PASSED"  # told, not a verdict (docs/verify.md)


# --- expiry and revocation against the signature timestamp ----------------------------------------
# ETSI EN 319 102-1 §5.6.2.4 (past signature validation); EU DSS's policy:
# RevocationTimeAgainstBestSignatureTime and BestSignatureTimeBeforeExpirationDateOfSigningCertificate (FAIL).
# The test PKI's 'expired' certificate ended 10 days ago, 'revoked' was revoked one day ago (OCSP says so).
@pytest.mark.parametrize(
    ("ident", "days_ago", "want"),
    [
        ("expired", 20, ("TOTAL_PASSED", None)),
        ("expired", 5, ("TOTAL_FAILED", "EXPIRED")),
        ("revoked", 2, ("TOTAL_PASSED", None)),
        ("revoked", 0.1, ("TOTAL_FAILED", "REVOKED")),
    ],
)
def test_expiry_and_revocation_are_judged_at_the_signature_timestamp(
    pki: TestPKI,
    base_pdf: bytes,
    roots: list[x509.Certificate],
    ident: str,
    days_ago: float,
    want: tuple[str, str | None],
) -> None:
    from datetime import UTC, datetime, timedelta

    when = datetime.now(UTC) - timedelta(days=days_ago)
    who = pki.identity(ident)
    signed = c.sign_timestamped_at(base_pdf, who.p12, pki.p12_password, pki, when)
    s = _sig(verify_pdf(signed, trust_roots=roots))
    assert (s.indication, s.sub_indication) == want, s.reasons_en
    assert s.timestamp_trusted is True
    if want[0] == "TOTAL_PASSED":
        assert any("when the signature provably existed" in r for r in s.reasons_en)


# --- no signature: empty fields, only document timestamps -------------------------------------------
def test_only_document_timestamps_is_no_signature(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS (PAdESTimestampedExistingFieldsTest): two document timestamps, no signature: NO_SIGNATURE_FOUND,
    # each timestamp validated on its own
    from digitize.verify import exit_code_for

    def stamp(data: bytes, field: str) -> bytes:
        return c.embed(
            data,
            lambda d: c.timestamp_token(d, pki.tsa_url),
            field=field,
            type_name="/DocTimeStamp",
            sub_filter="/ETSI.RFC3161",
        )

    report = verify_pdf(stamp(stamp(base_pdf, "T1"), "T2"), trust_roots=roots)
    doc = report.document
    assert (doc.indication, doc.sub_indication, doc.signatures, doc.timestamps) == (
        "TOTAL_FAILED",
        "FORMAT_FAILURE",
        0,
        2,
    )
    assert [(t.kind, t.indication) for t in report.signatures] == [("doc_timestamp", "TOTAL_PASSED")] * 2
    assert doc.reason_en and "no digital signature, only 2 document timestamp(s) (2 valid)" in doc.reason_en
    assert not report.all_passed and exit_code_for(report) == 2


def test_two_empty_signature_fields_are_no_signature(base_pdf: bytes, roots: list[x509.Certificate]) -> None:
    # DSS: pdf-with-two-empty-sigs.pdf, no signature found
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    w = IncrementalPdfFileWriter(io.BytesIO(base_pdf), strict=False)
    fields.append_signature_field(w, fields.SigFieldSpec("Empty1", on_page=0, box=(10, 10, 100, 50)))
    fields.append_signature_field(w, fields.SigFieldSpec("Empty2", on_page=0, box=(110, 10, 200, 50)))
    out = io.BytesIO()
    w.write(out)
    report = verify_pdf(out.getvalue(), trust_roots=roots)
    assert (report.document.indication, report.document.signatures, report.signatures) == (
        "TOTAL_FAILED",
        0,
        [],
    )


# --- content timestamp (signed attribute) ----------------------------------------------------------
@pytest.mark.parametrize("sound", [True, False])
def test_content_timestamp_is_checked_and_a_broken_one_is_a_warning(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], sound: bool
) -> None:
    # DSS validates a content timestamp as a timestamp of its own: one whose message imprint is not the
    # signed content fails alone; its policy does not make the signature rest on it (ContentTimeStamp is not
    # a constraint of the default policy)
    o = pki.officer

    def make(digest: bytes) -> bytes:
        stamped = digest if sound else hashlib.sha256(b"other content").digest()
        token = c.timestamp_token(stamped, pki.tsa_url)
        return c.signed_data(digest, o.key, o.cert, pki.intermediate_cert, content_timestamp=token)

    s = _sig(verify_pdf(c.embed(base_pdf, make, reserve=30000), trust_roots=roots))
    assert s.indication == "TOTAL_PASSED"
    check = next(x for x in s.checks if x.name == "content_timestamp")
    assert check.ok is sound
    assert any("content timestamp" in r for r in s.reasons_en) is not sound


# --- CAdES counter-signature inside a PDF signature --------------------------------------------------
def test_counter_signature_is_not_a_signature_of_its_own(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS: PAdESSignature.getCounterSignatures() returns nothing ("Not applicable for PAdES"): a
    # counter-signature (unsigned attribute) is neither counted nor judged; the signature stands as it is
    from asn1crypto import cms

    org = pki.organization

    def make(digest: bytes) -> bytes:
        ci = cms.ContentInfo.load(_cms(pki)(digest))
        si = ci["content"]["signer_infos"][0]
        value = si["signature"].native
        counter_cms = c.signed_data(hashlib.sha256(value).digest(), org.key, org.cert, pki.intermediate_cert)
        counter = cms.ContentInfo.load(counter_cms)["content"]["signer_infos"][0]
        si["unsigned_attrs"] = cms.CMSAttributes(
            [cms.CMSAttribute({"type": "counter_signature", "values": [counter]})]
        )
        return bytes(ci.dump(force=True))

    report = verify_pdf(c.embed(base_pdf, make), trust_roots=roots)
    s = _sig(report)
    assert (report.document.signatures, s.indication) == (1, "TOTAL_PASSED")
    assert s.signer.name == "Nguyễn Văn An"  # the signer, not the counter-signer


# --- a field locked by a signature (FieldMDP / SigFieldLock), filled afterwards ---------------------
def test_locked_field_signed_afterwards_is_a_warning(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS (PAdESFormModifiedFieldMDPInvalidTest): BBB_FC_ISVAFMDPD_ANS / BBB_FC_ISVASFLD_ANS are warnings;
    # the first signature keeps its indication
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    w = IncrementalPdfFileWriter(io.BytesIO(base_pdf), strict=False)
    fields.append_signature_field(w, fields.SigFieldSpec("Sig2", on_page=0, box=(300, 20, 400, 60)))
    out = io.BytesIO()
    w.write(out)
    signer = signers.SimpleSigner.load_pkcs12(pki.officer.p12, passphrase=pki.p12_password.encode())
    assert signer is not None
    lock = fields.FieldMDPSpec(fields.FieldMDPAction.INCLUDE, fields=["Sig2"])
    spec = fields.SigFieldSpec("Sig1", on_page=0, box=(100, 20, 200, 60), field_mdp_spec=lock)
    meta = signers.PdfSignatureMetadata(field_name="Sig1", subfilter=fields.SigSeedSubFilter.PADES)
    w = IncrementalPdfFileWriter(io.BytesIO(out.getvalue()), strict=False)
    first = signers.PdfSigner(meta, signer=signer, new_field_spec=spec).sign_pdf(w).getvalue()
    untouched = _sig(verify_pdf(first, trust_roots=roots))
    assert not any(x.name == "field_lock" for x in untouched.checks)
    both = c.embed(first, _cms(pki, "organization"), field="Sig2")
    s1, s2 = verify_pdf(both, trust_roots=roots).signatures
    assert (s1.indication, s1.modification, s2.indication) == ("TOTAL_PASSED", "form_filling", "TOTAL_PASSED")
    check = next(x for x in s1.checks if x.name == "field_lock")
    assert (check.ok, check.detail) == (False, "Sig2")
    assert any("'Sig2' is locked by this signature" in r for r in s1.reasons_en)


# --- signature wrapping (SIWA): /Contents not the value in the byte range's gap ---------------------
def test_contents_not_written_in_the_gap_is_a_hash_failure(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate]
) -> None:
    # DSS (AbstractPDFSignatureService.isContentValueEqualsByteRangeExtraction: "SIWA detected"): the value
    # in the dictionary is not the one in the gap, so no signed content is taken: HASH_FAILURE. The value put
    # in the dictionary here even verifies over the byte range (another signer over the same bytes).
    signed = c.embed(base_pdf, _cms(pki))
    _br, covered = c.signed_bytes(signed)
    org = pki.organization
    other = c.signed_data(hashlib.sha256(covered).digest(), org.key, org.cert, pki.intermediate_cert)
    wrapped = c.rewrite_signature_contents(signed, other)
    s = _sig(verify_pdf(wrapped, trust_roots=roots))
    assert (s.indication, s.sub_indication, s.intact) == ("TOTAL_FAILED", "HASH_FAILURE", False), s.reasons_en
    assert any("signature wrapping" in r for r in s.reasons_en)


# --- an end-entity certificate issuing another (not a CA) ----------------------------------------------
def test_certificate_issued_by_a_non_ca_is_a_chain_failure(
    pki: TestPKI, base_pdf: bytes, roots: list[x509.Certificate], tmp_path: Path
) -> None:
    # DSS (PAdESEndEntityCertIssuedByNotCACertTest, self-issued-qesig.pdf): the chain leaf → end-entity →
    # CA → trusted root is built and fails: INDETERMINATE / CERTIFICATE_CHAIN_GENERAL_FAILURE
    o = pki.officer
    key, leaf = c.issue_leaf(o.key, o.cert, tmp_path)  # the officer's (end-entity) key issues a leaf
    chain = tmp_path / "chain.pem"  # the CMS carries the officer's certificate and the intermediate CA
    chain.write_bytes(o.cert.read_bytes() + pki.intermediate_cert.read_bytes())

    def make(digest: bytes) -> bytes:
        return c.signed_data(digest, key, leaf, chain)

    s = _sig(verify_pdf(c.embed(base_pdf, make), trust_roots=roots))
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "CERTIFICATE_CHAIN_GENERAL_FAILURE")
    assert any("is not a CA certificate" in r and "Nguyễn Văn An" in r for r in s.reasons_en), s.reasons_en
    # the same leaf under a root nobody trusts: no chain to trust at all, as DSS says without the anchor
    s = _sig(verify_pdf(c.embed(base_pdf, make), default_trust=False))
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")
