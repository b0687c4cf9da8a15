"""Per-client token buckets: agency reads (``Settings.agency_rate_limit_per_minute``, per key) and the public
endpoints (``Settings.public_rate_limit_per_minute``, per address); 429 beyond them.

In-process: each server process keeps its own buckets, so with N processes (``uvicorn --workers N``) a client
may make up to N times the limit. The embedded default runs one process, so there the limit is exact. A
limit of 0 or less turns it off.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from fastapi import Request

from digitize.config import get_settings
from digitize.errors import RateLimited

MAX_CLIENTS = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBucket:
    """``per_minute`` requests a minute per client, in bursts of up to ``per_minute``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}

    def take(self, client: str, per_minute: int, now: float | None = None) -> float | None:
        """Take one token; None when allowed, else the seconds until the next token."""
        if per_minute <= 0:
            return None
        now = time.monotonic() if now is None else now
        rate = per_minute / 60.0
        with self._lock:
            b = self._buckets.get(client)
            if b is None:
                if len(self._buckets) >= MAX_CLIENTS:  # forget the idlest half
                    idle = sorted(self._buckets.items(), key=lambda kv: kv[1].updated)
                    for k, _ in idle[: MAX_CLIENTS // 2]:
                        del self._buckets[k]
                b = self._buckets[client] = _Bucket(float(per_minute), now)
            b.tokens = min(float(per_minute), b.tokens + (now - b.updated) * rate)
            b.updated = now
            if b.tokens >= 1.0:
                b.tokens -= 1.0
                return None
            return (1.0 - b.tokens) / rate

    def clear(self) -> None:
        with self._lock:
            self._buckets.clear()


agency_bucket = TokenBucket()
public_bucket = TokenBucket()


def check_agency_rate(client: str) -> None:
    """Raise RateLimited (429, with ``retry_after`` seconds) when ``client`` is over its limit."""
    _check(agency_bucket, client, get_settings().agency_rate_limit_per_minute)


def client_address(request: Request) -> str:
    """The caller's address (behind a TLS proxy: the one it forwarded, when ``digitize serve
    --forwarded-allow-ips`` trusts it)."""
    return request.client.host if request.client else "unknown"


def check_public_rate(request: Request) -> None:
    """The limit of the pages and endpoints that need no login, per client address
    (``Settings.public_rate_limit_per_minute``; behind a reverse proxy, limit there too). Every public door
    takes from the same bucket: ``POST /api/v1/verify``, ``GET /v/{id}``, ``POST /verify`` and its report."""
    _check(public_bucket, client_address(request), get_settings().public_rate_limit_per_minute)


def _check(bucket: TokenBucket, client: str, limit: int) -> None:
    wait = bucket.take(client, limit)
    if wait is not None:
        seconds = max(1, int(wait + 0.999))
        raise RateLimited(
            f"Vượt quá giới hạn {limit} yêu cầu mỗi phút; thử lại sau {seconds} giây.",
            f"Over the limit of {limit} requests a minute; retry in {seconds} s.",
            retry_after=seconds,
        )
