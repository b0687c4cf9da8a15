"""Finding 2 (SSRF): URLs in a submitted PDF's certificates must never make the server call its own network.

The attack: a certificate whose OCSP/CRL/issuer URL is ``http://127.0.0.1:PORT\\@1.1.1.1/`` passed a check
made with ``urlsplit`` (host 1.1.1.1) while ``requests``/urllib3 connected to 127.0.0.1:PORT. Each test
starts a loopback listener and asserts it hears nothing (unless the setting allows the host).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID

from digitize.config import reset_settings
from digitize.verify.fetching import FetchRefused, GuardedFetcherBackend, check_url, fetch
from tests.security.listener import Listener, listener
from tests.verify import helpers as h


@pytest.fixture
def target(monkeypatch: pytest.MonkeyPatch) -> Iterator[Listener]:
    monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "")
    reset_settings()
    with listener() as heard:
        yield heard


def attack_urls(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}\\@1.1.1.1/ocsp",  # the reported bypass
        f"http://127.0.0.1:{port}\\\\@1.1.1.1/ca.crl",
        f"http://127.0.0.1:{port}\t@1.1.1.1/ca.crl",
        f"http://1.1.1.1@127.0.0.1:{port}/ca.crl",  # user info
        f"http://user:pw@127.0.0.1:{port}/ca.crl",
        f"http://2130706433:{port}/ca.crl",  # decimal
        f"http://0177.0.0.1:{port}/ca.crl",  # octal
        f"http://0x7f000001:{port}/ca.crl",  # hex
        f"http://127.1:{port}/ca.crl",
        f"http://[::ffff:127.0.0.1]:{port}/ca.crl",  # IPv6-mapped
        f"http://[::ffff:7f00:1]:{port}/ca.crl",
        f"http://localhost:{port}/ca.crl",  # a name that resolves to loopback
        f"HTTP://LOCALHOST:{port}/ca.crl",
        f"http://127.0.0.1:{port}/ca.crl",
    ]


def test_every_spelling_of_loopback_is_refused_and_nothing_is_sent(target: Listener) -> None:
    for url in attack_urls(target.port):
        with pytest.raises(FetchRefused):
            fetch(url)
        with pytest.raises(FetchRefused):
            check_url(url)
    fetchers = GuardedFetcherBackend(2).get_fetchers()
    for url in attack_urls(target.port):
        with pytest.raises(requests.RequestException):
            asyncio.run(fetchers.crl_fetcher._get(url, acceptable_content_types=["*/*"]))  # type: ignore[attr-defined]
    assert target.heard == []


def test_a_name_resolving_to_loopback_is_refused(target: Listener, monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "ocsp.attacker.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", target.port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchRefused, match="non-public"):
        fetch(f"http://ocsp.attacker.example:{target.port}/ocsp")
    assert target.heard == []


def test_the_connection_goes_to_the_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolved once: a rebinding DNS answer given after the check is never asked for, and the Host header
    names the host."""
    real = socket.getaddrinfo
    lookups: list[str] = []
    with listener() as heard:

        def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
            if host == "ca.rebind.example":
                lookups.append(host)
                if len(lookups) > 1:  # what a rebinding attacker would answer the second time
                    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", heard.port))]
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", heard.port))]
            return real(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", resolve)
        answer = fetch(f"http://ca.rebind.example:{heard.port}/ca.crt", allow={"ca.rebind.example"})
        assert answer.status_code == 200 and answer.content == b"internal secret"
        assert lookups == ["ca.rebind.example"]
        assert heard.heard == [("GET", "/ca.crt", f"ca.rebind.example:{heard.port}")]


def test_redirects_to_loopback_are_not_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    with listener() as inside, listener(redirect_to=f"{inside.url}/secret") as outside:
        # the redirecting host is allowed by name; the address it points to is not
        allow = frozenset({"localhost"})
        answer = fetch(f"http://localhost:{outside.port}/ca.crl", allow=allow)
        assert answer.status_code == 302
        fetcher = GuardedFetcherBackend(2, allow=allow).get_fetchers().crl_fetcher
        with pytest.raises(requests.RequestException, match="302"):
            asyncio.run(
                fetcher._get(f"http://localhost:{outside.port}/ca.crl", acceptable_content_types=["*/*"])
            )  # type: ignore[attr-defined]
        assert len(outside.heard) == 2
        assert inside.heard == []


def test_answers_are_capped() -> None:
    with listener(body=b"x" * 300_000) as big:
        with pytest.raises(FetchRefused, match="bytes"):
            fetch(f"{big.url}/huge.crl", allow={"127.0.0.1"}, max_bytes=100_000)
        assert fetch(f"{big.url}/huge.crl", allow={"127.0.0.1"}, max_bytes=400_000).content == b"x" * 300_000


def test_the_setting_allows_a_loopback_responder(monkeypatch: pytest.MonkeyPatch) -> None:
    with listener() as responder:
        assert (
            fetch(f"{responder.url}/ocsp", method="POST", data=b"q", allow={"127.0.0.1"}).status_code == 200
        )
        assert [m for m, _, _ in responder.heard] == ["POST"]


# --- end to end: a signed PDF whose certificate points at our network, sent to the public doors ----------


def _attack_pdf(port: int, tmp: Path) -> tuple[bytes, Path]:
    """A PDF signed by a certificate whose OCSP, CRL and issuer URLs are the bypass; and its root (PEM)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    now = dt.datetime.now(dt.UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Attacker root")])
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    bad = f"http://127.0.0.1:{port}\\@1.1.1.1"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyễn Văn An")]))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(bad + "/ocsp")
                    ),
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(bad + "/ca.cer"),
                    ),
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(bad + "/ca.crl")], None, None, None)]
            ),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509

    signer = signers.SimpleSigner(
        signing_cert=ax509.Certificate.load(leaf.public_bytes(serialization.Encoding.DER)),
        signing_key=akeys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore(),
    )
    w = IncrementalPdfFileWriter(io.BytesIO(h.make_pdf()), strict=False)
    meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES)
    signed = signers.PdfSigner(meta, signer=signer).sign_pdf(w).getvalue()
    trust = tmp / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return signed, trust


@pytest.mark.parametrize("trusted", [True, False], ids=["root-trusted", "issuer-fetched"])
def test_public_verify_api_never_calls_the_listener(
    trusted: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from digitize.api.app import create_app
    from digitize.store.db import dispose_all

    with listener() as inside:
        signed, trust = _attack_pdf(inside.port, tmp_path)
        monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "")
        if trusted:
            monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust))
        reset_settings()
        dispose_all()
        with TestClient(create_app(start_pool=False)) as client:
            r = client.post("/api/v1/verify", files={"file": ("a.pdf", signed, "application/pdf")})
            assert r.status_code == 200, r.text
            assert r.json()["signatures"][0]["indication"] != "TOTAL_PASSED"
            page = client.get("/verify")
            csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            r = client.post(
                "/verify", data={"csrf_token": csrf}, files={"file": ("a.pdf", signed, "application/pdf")}
            )
            assert r.status_code == 200
        dispose_all()
        assert inside.heard == []
