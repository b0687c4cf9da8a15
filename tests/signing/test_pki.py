"""The test PKI itself: its services answer as a real CA's would."""

from __future__ import annotations

import urllib.request

from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import ocsp

from tests.support.pki import TestPKI


def _ocsp_status(pki: TestPKI, cert_pem: bytes) -> ocsp.OCSPCertStatus:
    cert = x509.load_pem_x509_certificate(cert_pem)
    issuer = x509.load_pem_x509_certificate(pki.intermediate_cert.read_bytes())
    req = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA256()).build()
    http = urllib.request.Request(
        pki.ocsp_url,
        data=req.public_bytes(serialization.Encoding.DER),
        headers={"Content-Type": "application/ocsp-request"},
    )
    with urllib.request.urlopen(http, timeout=10) as resp:
        answer = ocsp.load_der_ocsp_response(resp.read())
    assert answer.response_status == ocsp.OCSPResponseStatus.SUCCESSFUL
    key = issuer.public_key()
    assert isinstance(key, rsa.RSAPublicKey) and answer.signature_hash_algorithm is not None
    key.verify(
        answer.signature, answer.tbs_response_bytes, padding.PKCS1v15(), answer.signature_hash_algorithm
    )  # raises when the responder's signature is bad
    return answer.certificate_status


def test_certificates_carry_the_server_urls(pki: TestPKI) -> None:
    cert = x509.load_pem_x509_certificate(pki.officer.cert.read_bytes())
    aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert pki.ocsp_url in [d.access_location.value for d in aia]
    dps = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert dps[0].full_name is not None
    assert dps[0].full_name[0].value == pki.crl_url
    assert cert.subject.rfc4514_string().startswith("CN=Nguyễn Văn An")


def test_ocsp_good_and_revoked(pki: TestPKI) -> None:
    assert _ocsp_status(pki, pki.officer.cert.read_bytes()) == ocsp.OCSPCertStatus.GOOD
    assert _ocsp_status(pki, pki.revoked.cert.read_bytes()) == ocsp.OCSPCertStatus.REVOKED


def test_crl_lists_the_revoked_certificate(pki: TestPKI) -> None:
    with urllib.request.urlopen(pki.crl_url, timeout=10) as resp:
        crl = x509.load_der_x509_crl(resp.read())
    issuer = x509.load_pem_x509_certificate(pki.intermediate_cert.read_bytes())
    assert crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    assert crl.get_revoked_certificate_by_serial_number(pki.revoked.serial) is not None
    assert crl.get_revoked_certificate_by_serial_number(pki.officer.serial) is None


def test_tsa_grants_a_token(pki: TestPKI) -> None:
    req = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": b"\x01" * 32},
            "cert_req": True,
        }
    )
    http = urllib.request.Request(
        pki.tsa_url, data=req.dump(), headers={"Content-Type": "application/timestamp-query"}
    )
    with urllib.request.urlopen(http, timeout=10) as resp:
        answer = tsp.TimeStampResp.load(resp.read())
    assert answer["status"]["status"].native == "granted"
    tst = answer["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
    assert tst["message_imprint"]["hashed_message"].native == b"\x01" * 32


def test_nss_db_trusts_the_root(pki: TestPKI) -> None:
    assert (pki.nss_dir / "cert9.db").is_file()
