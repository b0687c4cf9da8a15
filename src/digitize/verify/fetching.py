"""Fetching what a signature's certificates point at (OCSP responders, CRLs, issuer certificates), guarded.

Verification runs on PDFs anyone can submit (``POST /api/v1/verify`` needs no login), and the URLs come from
the certificates inside them: without a guard, a crafted certificate makes the server send requests to its
own network (the database, Redis, a cloud metadata address ...). Every fetch here therefore goes through
:func:`fetch`, which:

- parses the URL once, with the parser of the HTTP client that sends the request (urllib3's
  ``parse_url``), and refuses what parsers disagree on: backslashes, user info (``user@host``), spaces and
  control characters, schemes other than http and https;
- resolves the host once, refuses it when any of its addresses is not global (loopback, private,
  link-local, reserved, IPv4-mapped or NAT64 forms of those; decimal or octal spellings resolve to what they
  mean), unless the host (or its address) is listed in ``DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS`` (an in-house
  CA's OCSP responder, the test PKI on 127.0.0.1);
- connects to that checked address and nothing else (the ``Host`` header, and for https the SNI and the
  certificate check, carry the name): no second DNS lookup for a rebinding attacker to answer differently;
- follows no redirect, gives up after a short time budget for the whole exchange, and reads at most
  ``DIGITIZE_VERIFY_FETCH_MAX_BYTES`` of the answer.

A refused fetch is a failed fetch: the revocation status stays unknown and the report says so. pyHanko's
fetch limits (``FetchLimits``) bound how many requests one verification may make.

Public names (others build on them): ``FetchRefused``, ``allowed_hosts``, ``check_url``, ``fetch``,
``FetchResponse``, ``GuardedFetcherBackend``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import time
from collections.abc import Awaitable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import urllib3
from pyhanko_certvalidator.fetchers.api import Fetchers
from pyhanko_certvalidator.fetchers.common_utils import FetchBudget
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend
from pyhanko_certvalidator.fetchers.requests_fetchers.cert_fetch_client import RequestsCertificateFetcher
from pyhanko_certvalidator.fetchers.requests_fetchers.crl_client import RequestsCRLFetcher
from pyhanko_certvalidator.fetchers.requests_fetchers.ocsp_client import RequestsOCSPFetcher
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import HTTPError, LocationParseError
from urllib3.util import parse_url

DEFAULT_TIMEOUT = 5.0
DEFAULT_MAX_BYTES = 16 * 1024 * 1024  # a national CA's full CRL is a few MB
_CHUNK = 64 * 1024
_BAD_CHARS = re.compile(r"[\\\s\x00-\x1f\x7f]")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchRefused(requests.RequestException):
    """A URL from a certificate that verification will not fetch (or an answer it will not read)."""


@dataclass(frozen=True)
class Target:
    """Where a checked URL is fetched from: the name it gave and the one address it is pinned to."""

    scheme: str
    host: str  # lower case, no brackets
    port: int
    request_path: str  # path and query, as sent on the request line
    address: str  # the checked IP address the connection goes to

    @property
    def host_header(self) -> str:
        name = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return name if self.port == default else f"{name}:{self.port}"


@dataclass(frozen=True)
class FetchResponse:
    """What pyHanko's fetchers read of an answer (``status_code``, ``headers``, ``content``)."""

    url: str
    status_code: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""


def allowed_hosts(setting: str | None) -> frozenset[str]:
    """``DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS`` ("ocsp.internal, 127.0.0.1") as a set of lower-case hosts."""
    return frozenset(h.strip().lower().strip("[]") for h in (setting or "").split(",") if h.strip())


def _refuse(why: str, url: str) -> FetchRefused:
    return FetchRefused(f"not fetched: {why} ({url[:200]!r})")


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _public(address.ipv4_mapped)
        if address in _NAT64:
            return _public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.sixtofour is not None or address.teredo is not None:
            return False
    return bool(address.is_global) and not address.is_multicast


def parse(url: str) -> tuple[str, str, int, str]:
    """``(scheme, host, port, path?query)`` as urllib3 (the client that connects) reads ``url``."""
    if not isinstance(url, str) or not url:
        raise _refuse("empty URL", str(url))
    if _BAD_CHARS.search(url):
        raise _refuse("backslash, space or control character in the URL", url)
    try:
        parts = parse_url(url)
    except (LocationParseError, ValueError) as exc:
        raise _refuse(f"unparseable URL ({exc})", url) from exc
    scheme = (parts.scheme or "").lower()
    if scheme not in ("http", "https"):
        raise _refuse(f"scheme {scheme!r}", url)
    authority = (
        url.split("//", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] if "//" in url else ""
    )
    if parts.auth is not None or "@" in authority:
        raise _refuse("user info in the URL", url)
    host = (parts.host or "").lower().strip("[]")
    if not host:
        raise _refuse("no host", url)
    port = parts.port or (443 if scheme == "https" else 80)
    if not 0 < port < 65536:
        raise _refuse(f"port {port}", url)
    path = parts.request_uri or "/"
    return scheme, host, port, path


def check_url(url: str, allow: Iterable[str] = ()) -> Target:
    """The pinned :class:`Target` of ``url``; raises ``FetchRefused`` unless it may be fetched."""
    scheme, host, port, path = parse(url)
    allowed = {a.lower() for a in allow}
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise _refuse(f"{host} does not resolve ({exc})", url) from exc
    addresses: list[str] = []
    for info in infos:
        text = str(info[4][0]).split("%")[0]
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise _refuse(f"{host} has no address", url)
    if host not in allowed:
        for text in addresses:
            if text in allowed:
                continue
            if not _public(ipaddress.ip_address(text)):
                raise _refuse(f"{host} is a non-public address ({text})", url)
    return Target(scheme, host, port, path, addresses[0])


def _pool(target: Target, timeout: float) -> urllib3.HTTPConnectionPool:
    t = urllib3.Timeout(connect=timeout, read=timeout)
    if target.scheme == "https":
        import certifi

        return urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            timeout=t,
            retries=False,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            server_hostname=target.host,
            assert_hostname=target.host,
        )
    return urllib3.HTTPConnectionPool(target.address, target.port, timeout=t, retries=False, maxsize=1)


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    data: bytes | None = None,
    allow: Iterable[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FetchResponse:
    """One guarded request (see the module docstring). Raises ``FetchRefused`` for a URL or an answer it
    will not take, ``requests.RequestException`` when the exchange fails; any status code is returned."""
    target = check_url(url, allow)
    deadline = time.monotonic() + timeout
    sent = {k: v for k, v in (headers or {}).items() if k.lower() != "host"}
    sent["Host"] = target.host_header
    pool = _pool(target, timeout)
    try:
        response = pool.urlopen(
            method,
            target.request_path,
            body=data,
            headers=sent,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            length = response.headers.get("Content-Length")
            if length and length.strip().isascii() and length.strip().isdigit() and int(length) > max_bytes:
                raise _refuse(f"answer of {int(length)} bytes (limit {max_bytes})", url)
            body = bytearray()
            for chunk in response.stream(_CHUNK, decode_content=True):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise _refuse(f"answer over {max_bytes} bytes", url)
                if time.monotonic() > deadline:
                    raise _refuse(f"answer slower than {timeout:g} s", url)
            return FetchResponse(
                url=url,
                status_code=response.status,
                headers=CaseInsensitiveDict(dict(response.headers.items())),
                content=bytes(body),
            )
        finally:
            response.release_conn()
    except HTTPError as exc:
        raise requests.RequestException(f"fetch of {url[:200]!r} failed: {exc}") from exc
    finally:
        pool.close()


class _Guard:
    """``_get``/``_post`` of pyHanko's requests fetchers, through :func:`fetch`."""

    user_agent: str
    per_request_timeout: float

    def __init__(
        self,
        *args: Any,
        allow: frozenset[str] = frozenset(),
        max_bytes: int = DEFAULT_MAX_BYTES,
        **kwargs: Any,
    ) -> None:
        self._allow = allow
        self._max_bytes = max_bytes
        super().__init__(*args, **kwargs)

    def _request(self, method: str, url: str, headers: dict[str, str], data: bytes | None) -> FetchResponse:
        response = fetch(
            url,
            method=method,
            headers=headers,
            data=data,
            allow=self._allow,
            timeout=self.per_request_timeout,
            max_bytes=self._max_bytes,
        )
        if response.status_code != 200:
            raise requests.RequestException(f"status code {response.status_code}")
        return response

    def _get(self, url: str, *, acceptable_content_types: Iterable[str]) -> Awaitable[Any]:
        headers = {"Accept": ",".join(acceptable_content_types), "User-Agent": self.user_agent}
        return asyncio.to_thread(self._request, "GET", url, headers, None)

    def _post(
        self, url: str, data: bytes, *, content_type: str, acceptable_content_types: Iterable[str]
    ) -> Awaitable[Any]:
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
    """pyHanko's ``RequestsFetcherBackend`` whose fetchers go through :func:`fetch`."""

    def __init__(
        self,
        per_request_timeout: float = DEFAULT_TIMEOUT,
        *,
        allow: frozenset[str] = frozenset(),
        max_bytes: int | None = None,
    ) -> None:
        super().__init__(per_request_timeout=per_request_timeout)
        self.allow = allow
        if max_bytes is None:
            from digitize.config import get_settings

            max_bytes = get_settings().verify_fetch_max_bytes
        self.max_bytes = max_bytes

    def get_fetchers(self) -> Fetchers:
        to = self.per_request_timeout
        budget = FetchBudget(self.limits)
        common: dict[str, Any] = {"per_request_timeout": to, "budget": budget, "allow": self.allow}
        return Fetchers(
            ocsp_fetcher=_OCSP(max_bytes=self.max_bytes, **common),
            crl_fetcher=_CRL(max_bytes=self.max_bytes, **common),
            cert_fetcher=_Certs(max_bytes=self.max_bytes, **common),
        )
