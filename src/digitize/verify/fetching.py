"""Fetching what a signature's certificates point at (OCSP responders, CRLs, issuer certificates), guarded.

Verification runs on PDFs anyone can submit (``POST /api/v1/verify`` needs no login), and the URLs come from
the certificates inside them: without a guard, a crafted certificate makes the server send requests to its
own network (the database, Redis, a cloud metadata address ...). So the fetchers here, pyHanko's
``requests`` fetchers otherwise, refuse:

- schemes other than http and https;
- hosts that resolve to an address which is not global (loopback, private, link-local, reserved), unless
  the host is listed in ``DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS`` (an in-house CA's OCSP responder, the test
  PKI on 127.0.0.1);
- redirects (a public URL answering 302 to an internal one).

A refused fetch is a failed fetch: the revocation status stays unknown and the report says so. pyHanko's
fetch limits (``FetchLimits``) bound how many requests one verification may make. Left: DNS rebinding
between this check and the request's own lookup (documented in docs/verify.md).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Iterable
from typing import Any
from urllib.parse import urlsplit

import requests
from pyhanko_certvalidator.fetchers.api import Fetchers
from pyhanko_certvalidator.fetchers.common_utils import FetchBudget
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend
from pyhanko_certvalidator.fetchers.requests_fetchers.cert_fetch_client import RequestsCertificateFetcher
from pyhanko_certvalidator.fetchers.requests_fetchers.crl_client import RequestsCRLFetcher
from pyhanko_certvalidator.fetchers.requests_fetchers.ocsp_client import RequestsOCSPFetcher


class FetchRefused(requests.RequestException):
    """A URL from a certificate that verification will not fetch."""


def allowed_hosts(setting: str | None) -> frozenset[str]:
    """``DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS`` ("ocsp.internal, 127.0.0.1") as a set of lower-case hosts."""
    return frozenset(h.strip().lower().strip("[]") for h in (setting or "").split(",") if h.strip())


def check_url(url: str, allow: Iterable[str] = ()) -> None:
    """Raise ``FetchRefused`` unless ``url`` may be fetched (see the module docstring)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"not fetched: scheme {parts.scheme!r} ({url})")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchRefused(f"not fetched: no host ({url})")
    if host in set(allow):
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise FetchRefused(f"not fetched: {host} does not resolve ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise FetchRefused(f"not fetched: {host} is a non-public address ({address})")


class _Guard:
    """``_get``/``_post`` of pyHanko's requests fetchers, with the URL checked and no redirects."""

    user_agent: str
    per_request_timeout: float

    def __init__(self, *args: Any, allow: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        self._allow = allow
        super().__init__(*args, **kwargs)

    def _request(
        self, method: str, url: str, headers: dict[str, str], data: bytes | None
    ) -> requests.Response:
        check_url(url, self._allow)
        response = requests.request(
            method, url, headers=headers, data=data, timeout=self.per_request_timeout, allow_redirects=False
        )
        if response.status_code != 200:
            raise requests.RequestException(f"status code {response.status_code}")
        return response

    def _get(self, url: str, *, acceptable_content_types: Iterable[str]) -> Awaitable[requests.Response]:
        headers = {"Accept": ",".join(acceptable_content_types), "User-Agent": self.user_agent}
        return asyncio.to_thread(self._request, "GET", url, headers, None)

    def _post(
        self, url: str, data: bytes, *, content_type: str, acceptable_content_types: Iterable[str]
    ) -> Awaitable[requests.Response]:
        headers = {
            "Accept": ",".join(acceptable_content_types),
            "User-Agent": self.user_agent,
            "Content-Type": content_type,
        }
        return asyncio.to_thread(self._request, "POST", url, headers, data)


class _OCSP(_Guard, RequestsOCSPFetcher):
    pass


class _CRL(_Guard, RequestsCRLFetcher):
    pass


class _Certs(_Guard, RequestsCertificateFetcher):
    pass


class GuardedFetcherBackend(RequestsFetcherBackend):
    """pyHanko's ``RequestsFetcherBackend`` whose fetchers check every URL first."""

    def __init__(self, per_request_timeout: float = 10, *, allow: frozenset[str] = frozenset()) -> None:
        super().__init__(per_request_timeout=per_request_timeout)
        self.allow = allow

    def get_fetchers(self) -> Fetchers:
        to = self.per_request_timeout
        budget = FetchBudget(self.limits)
        return Fetchers(
            ocsp_fetcher=_OCSP(per_request_timeout=to, budget=budget, allow=self.allow),
            crl_fetcher=_CRL(per_request_timeout=to, budget=budget, allow=self.allow),
            cert_fetcher=_Certs(per_request_timeout=to, budget=budget, allow=self.allow),
        )
