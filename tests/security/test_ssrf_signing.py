"""SSRF through signing: the certificate checks made before a signature (signing sessions, server profiles)
fetch issuer certificates, OCSP and CRLs named in certificates, some of which the caller chooses (the chain
that may follow the holder's certificate in a session request). They go through the same guarded fetcher as
verification (``digitize.verify.fetching``): nothing reaches the server's own network.

The attack: an officer with a registered certificate asks for a session and appends to it a forged
"intermediate" (the real issuer's name, the attacker's key, issued by an unknown root) whose caIssuers, OCSP
and CRL URLs point inside the server's network. Path building looks for the forged certificate's issuer at
its caIssuers URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from tests.api.conftest import auth
from tests.api.signing_helpers import done_pdf_document, key_id, write_profiles
from tests.security.listener import Listener, listener
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)


def _forged_intermediate(real_issuer: x509.Certificate, target: str) -> bytes:
    """A CA certificate with the real intermediate's subject and key identifier, issued by a root nobody
    knows, whose every URL points at ``target``."""
    now = dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ski = real_issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(real_issuer.subject)
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Root nobody knows")]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(target + "/ca"),
                    ),
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(target + "/ocsp")
                    ),
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(target + "/crl")], None, None, None)]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_a_session_chain_cannot_make_the_server_fetch_inside_its_network(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    pki: TestPKI,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from digitize.services.signing import register_certificate
    from digitize.store import db

    write_profiles(pki, tmp_path, monkeypatch)
    officer = make_key("officer")
    with db.session() as s:
        register_certificate(s, "key", key_id(officer), pki.officer.cert.read_bytes(), by="test")
    doc_id = done_pdf_document(tmp_path, "gp-ssrf")
    real = x509.load_pem_x509_certificate(pki.intermediate_cert.read_bytes())
    with listener() as heard:
        heard_target: Listener = heard
        monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "")  # loopback is the server's own network
        reset_settings()
        forged = _forged_intermediate(real, heard_target.url).decode()
        pem = pki.officer.cert.read_text() + forged + pki.intermediate_cert.read_text()
        r = bare_client.post(
            f"/api/v1/documents/{doc_id}/signing-sessions",
            json={"certificate": pem},
            headers=auth(officer),
        )
        assert heard_target.heard == [], heard_target.heard
    # the session itself is still made (the real chain is in the trust list; revocation soft-fails)
    assert r.status_code == 201, r.text
