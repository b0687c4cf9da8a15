"""The core of signing sessions (digitize.signing.sessions): prepare with a certificate only, sign the digest
with a key the preparing side never sees (as a token would), complete; pdfsig/NSS and pyHanko accept."""

from __future__ import annotations

from pathlib import Path

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from digitize.certs import load_trust_roots
from digitize.signing.sessions import (
    SignatureAlgorithm,
    SignatureInvalid,
    check_signature_value,
    complete,
    parse_pem_chain,
    prepare,
)
from digitize.signing.sign import SignProfile
from digitize.verify import verify_pdf
from tests.signing.helpers import assert_pdfsig_accepts, pyhanko_validate
from tests.support.pki import TestPKI


def holder_sign(key_pem: Path, digest: bytes, algorithm: SignatureAlgorithm, raw_ec: bool = False) -> bytes:
    """What the holder's device does: sign the 32-byte digest (hash already computed: sign-hash)."""
    key = serialization.load_pem_private_key(key_pem.read_bytes(), None)
    pre = utils.Prehashed(hashes.SHA256())
    if isinstance(key, ec.EllipticCurvePrivateKey):
        der = key.sign(digest, ec.ECDSA(pre))
        if raw_ec:  # as PKCS#11 CKM_ECDSA returns it: r || s
            r, s = utils.decode_dss_signature(der)
            return r.to_bytes(32, "big") + s.to_bytes(32, "big")
        return der
    assert isinstance(key, rsa.RSAPrivateKey)
    if algorithm is SignatureAlgorithm.RSASSA_PSS:
        return key.sign(digest, padding.PSS(padding.MGF1(hashes.SHA256()), 32), pre)
    return key.sign(digest, padding.PKCS1v15(), pre)


def _chain(pki: TestPKI, ident: str) -> tuple[x509.Certificate, list[x509.Certificate]]:
    pem = pki.identity(ident).cert.read_bytes() + pki.intermediate_cert.read_bytes()
    return parse_pem_chain(pem)


@pytest.mark.parametrize(
    ("ident", "algorithm", "level", "raw_ec"),
    [
        ("officer", SignatureAlgorithm.RSASSA_PKCS1V15, "B-B", False),
        ("officer", SignatureAlgorithm.RSASSA_PSS, "B-T", False),
        ("officer_ec", SignatureAlgorithm.ECDSA, "B-B", True),
        ("officer", SignatureAlgorithm.RSASSA_PKCS1V15, "B-LT", False),
        ("officer_ec", SignatureAlgorithm.ECDSA, "B-LTA", False),
    ],
)
def test_prepare_sign_complete(
    pki: TestPKI,
    sample_pdf: Path,
    tmp_path: Path,
    ident: str,
    algorithm: SignatureAlgorithm,
    level: str,
    raw_ec: bool,
) -> None:
    cert, chain = _chain(pki, ident)
    roots = load_trust_roots([pki.root_cert])
    profile = SignProfile(role="leader", level=level, tsa_url=pki.tsa_url)  # type: ignore[arg-type]
    prepared = prepare(sample_pdf.read_bytes(), cert, chain, profile, roots, algorithm=algorithm)
    assert len(prepared.digest) == 32 and prepared.algorithm is algorithm

    # a value over another digest, or by another key, does not verify: nothing is embedded
    wrong = holder_sign(pki.identity(ident).key, bytes(32), algorithm)
    with pytest.raises(SignatureInvalid):
        check_signature_value(cert, algorithm, prepared.digest, wrong)
    other = "officer" if ident == "officer_ec" else "organization"
    with pytest.raises(SignatureInvalid):
        check_signature_value(
            cert, algorithm, prepared.digest, holder_sign(pki.identity(other).key, prepared.digest, algorithm)
        )

    value = holder_sign(pki.identity(ident).key, prepared.digest, algorithm, raw_ec=raw_ec)
    value = check_signature_value(cert, algorithm, prepared.digest, value)
    signed = complete(prepared.pdf, prepared.state, value, tsa_url=pki.tsa_url, trust_roots=roots)
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    assert len(assert_pdfsig_accepts(pki, out)) == 1
    for st in pyhanko_validate(pki, out):
        assert (st.intact, st.valid, st.trusted) == (True, True, True), st.status.pretty_print_details()
    report = verify_pdf(signed, trust_roots=roots, visual_checks=False)
    assert report.all_passed, report
    first = report.signatures[0]
    assert (first.timestamp_time is not None) == (level != "B-B")
    assert report.document.timestamps == (1 if level == "B-LTA" else 0)
    if level in ("B-LT", "B-LTA"):
        assert b"/DSS" in signed


def test_a_raw_ec_value_that_begins_like_a_der_sequence_still_verifies(pki: TestPKI) -> None:
    """PKCS#11 CKM_ECDSA gives r || s; when r's first byte is 0x30 (1 signature in 256) it looks like the DER
    SEQUENCE tag. It must still be read as r || s (CI once refused a token's good signature this way)."""
    import os

    cert, _ = _chain(pki, "officer_ec")
    key_pem = pki.identity("officer_ec").key
    for _ in range(5000):
        digest = os.urandom(32)
        value = holder_sign(key_pem, digest, SignatureAlgorithm.ECDSA, raw_ec=True)
        if value[0] == 0x30:
            break
    else:
        pytest.fail("no r beginning with 0x30 in 5000 signatures")
    der = check_signature_value(cert, SignatureAlgorithm.ECDSA, digest, value)
    r, s = utils.decode_dss_signature(der)
    assert r.to_bytes(32, "big") + s.to_bytes(32, "big") == value
    # the DER form of the same signature is accepted as it is, and a tampered raw value is still refused
    assert check_signature_value(cert, SignatureAlgorithm.ECDSA, digest, der) == der
    with pytest.raises(SignatureInvalid):
        check_signature_value(cert, SignatureAlgorithm.ECDSA, digest, value[:-1] + bytes([value[-1] ^ 1]))
