"""The HTTP side of agency reads: the ``X-Purpose`` header decoded, the rate limit, and what the service
(``digitize.services.agency``) logs of the request. The rules themselves live in the service."""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qsl

from fastapi import Request

from digitize.errors import DigitizeError
from digitize.services import agency
from digitize.services.agency import AgencyScope
from digitize.store.auth import Principal
from digitize.text import nfc


def decode_header(raw: str) -> str:
    """A header value sent as UTF-8 bytes (read as latin-1 by the server) or percent-encoded, as text."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        raw = raw.encode("latin-1").decode("utf-8")
    if "%" in raw:
        from urllib.parse import unquote

        raw = unquote(raw)
    return raw


def agency_request(principal: Principal, request: Request) -> agency.Request:
    """What is logged of this request: who, why, the path and the query string."""
    purpose = nfc(decode_header(request.headers.get("x-purpose", ""))).strip()[:1000]
    # readable for whoever audits the log: "q=nguyễn văn an&type=Giấy phép"
    query = "&".join(f"{k}={v}" for k, v in parse_qsl(request.url.query, keep_blank_values=True))
    return agency.Request(agency.client_of(principal), purpose, str(request.url.path), nfc(query))


def agency_scope(principal: Principal, request: Request) -> tuple[AgencyScope, agency.Request] | None:
    """None for staff; for an agency key its scope (rate limit and X-Purpose checked) and its request."""
    if principal.role != "agency":
        return None
    from digitize.api.ratelimit import check_agency_rate

    logged = agency_request(principal, request)
    check_agency_rate(logged.client)  # 429 beyond Settings.agency_rate_limit_per_minute
    try:
        return agency.scope_for(principal, logged.purpose), logged
    except DigitizeError as err:
        agency.log_request(logged, err.http_status)
        raise
