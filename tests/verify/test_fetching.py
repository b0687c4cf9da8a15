"""Verification fetches OCSP/CRL/issuer URLs named in submitted certificates only from public addresses
(or hosts explicitly allowed): a crafted certificate must not make the server call its own network."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from digitize.config import reset_settings
from digitize.verify import load_trust_roots, verify_pdf
from digitize.verify.fetching import FetchRefused, GuardedFetcherBackend, allowed_hosts, check_url
from tests.support.pki import TestPKI
from tests.verify import helpers as h


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",
        "http://localhost/ocsp",
        "http://[::1]/crl",
        "http://10.0.0.5/ca.crt",
        "http://192.168.1.1/ocsp",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "file:///etc/passwd",
        "ftp://8.8.8.8/x.crl",
        "ldap://8.8.8.8/cn=crl",
        "http:///no-host",
    ],
)
def test_internal_and_odd_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)


def test_public_addresses_and_allowed_hosts_pass() -> None:
    check_url("http://8.8.8.8/ocsp")  # an address literal: no DNS lookup needed
    check_url("https://1.1.1.1/ca.crl")
    allow = allowed_hosts(" 127.0.0.1, OCSP.Internal ,[::1]")
    assert allow == frozenset({"127.0.0.1", "ocsp.internal", "::1"})
    check_url("http://127.0.0.1:8080/ocsp", allow)
    check_url("http://[::1]:8080/ocsp", allow)
    with pytest.raises(FetchRefused):
        check_url("http://10.0.0.5/ocsp", allow)


def test_revocation_is_not_fetched_from_loopback_unless_allowed(
    pki: TestPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The revoked test certificate's OCSP responder runs on 127.0.0.1: only fetching it tells 'revoked'."""
    signed = h.pyhanko_sign(h.make_pdf(), pki.revoked.p12, pki.p12_password)
    roots = load_trust_roots([pki.root_cert])
    monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "")
    reset_settings()
    refused = verify_pdf(signed, trust_roots=roots).signatures[0]
    assert refused.revocation != "revoked"
    assert refused.indication == "INDETERMINATE"
    monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "127.0.0.1")
    reset_settings()
    assert verify_pdf(signed, trust_roots=roots).signatures[0].revocation == "revoked"


class _Redirect(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", "http://10.0.0.5/internal")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def redirecting_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ca.crl"
    finally:
        server.shutdown()


def test_redirects_are_not_followed(redirecting_server: str) -> None:
    fetcher = GuardedFetcherBackend(5, allow=frozenset({"127.0.0.1"})).get_fetchers().crl_fetcher
    with pytest.raises(requests.RequestException, match="302"):
        asyncio.run(fetcher._get(redirecting_server, acceptable_content_types=["application/pkix-crl"]))  # type: ignore[attr-defined]
