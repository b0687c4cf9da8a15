"""Prometheus metrics computed from the database (and the broker) at scrape time.

Workers run as many processes on many machines, so in-process counters would each see a sliver: the
numbers here are read from the store when ``/metrics`` is scraped, and are the same whichever API process
answers.

* ``digitize_queue_depth{source="broker"}``: messages waiting in the broker queue (Redis ``LLEN``), when
  ``DIGITIZE_BROKER_URL`` names a Redis; ``{source="database"}``: pages pending and not held by a worker.
* ``digitize_pages{state}``: pending / processing (held by a live worker) / done / failed.
* ``digitize_pages_processed_total{outcome}``: pages done and failed.
* ``digitize_documents{state}``: documents per state.
* ``digitize_page_seconds``: histogram of the time spent on each finished page.

``render()`` gives the text exposition; ``api/`` serves it at ``GET /metrics``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import case, func, select

from digitize.config import Settings, get_settings

log = logging.getLogger("digitize.metrics")

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
PAGE_SECONDS_BUCKETS: tuple[float, ...] = (0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233)


def broker_queue_depth(settings: Settings) -> int | None:
    """Messages waiting in the broker's queue (Redis only: LLEN of the queue and its priority lists).

    Read from the broker Celery uses (``Settings.effective_broker_url``: the local Redis when
    ``DIGITIZE_BROKER_URL`` is unset), under ``broker_key_prefix``; None for a broker that is not Redis."""
    url = settings.effective_broker_url
    if not settings.broker_is_redis:
        return None
    client = _redis_client(url)
    try:
        name = settings.broker_key_prefix + settings.queue_name
        # kombu keeps priority levels in "<queue>", "<queue>\x06\x163", ... lists
        keys = [name] + [f"{name}\x06\x16{p}" for p in range(1, 10)]
        pipe = client.pipeline()
        for key in keys:
            pipe.llen(key)
        return int(sum(int(n) for n in pipe.execute()))
    finally:
        client.close()


def redis_connection_kwargs(url: str) -> dict[str, Any]:
    """redis-py's connection arguments for a kombu Redis broker URL: ``redis://``/``rediss://`` as redis-py
    reads them, and kombu's ``redis+socket:///path/to.sock?virtual_host=N`` (a Unix socket, database N)."""
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url.startswith("redis+socket://"):
        return {"url": url}
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    db = (query.get("virtual_host") or query.get("db") or ["0"])[0].lstrip("/") or "0"
    return {
        "unix_socket_path": unquote(parts.path),
        "db": int(db),
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
    }


def _redis_client(url: str) -> Any:
    import redis

    kwargs: dict[str, Any] = {
        **redis_connection_kwargs(url),
        "socket_timeout": 2,
        "socket_connect_timeout": 2,
    }
    if "url" in kwargs:
        return redis.Redis.from_url(kwargs.pop("url"), **kwargs)
    return redis.Redis(**kwargs)


class StoreCollector(Collector):
    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings

    def collect(self) -> Iterator[Metric]:
        from digitize.processing.machine import page_counts
        from digitize.store import db
        from digitize.store.models import PAGE_DONE, PAGE_PENDING, Document, Page

        settings = self._settings or get_settings()
        try:
            pages = page_counts(settings)
            with db.session(settings) as s:
                docs = dict(s.execute(select(Document.state, func.count()).group_by(Document.state)).all())
                seconds = Page.seconds
                row = s.execute(
                    select(
                        func.count(seconds),
                        func.coalesce(func.sum(seconds), 0.0),
                        *[
                            func.coalesce(func.sum(case((seconds <= b, 1), else_=0)), 0)
                            for b in PAGE_SECONDS_BUCKETS
                        ],
                    ).where(Page.state == PAGE_DONE, seconds.is_not(None))
                ).one()
        except Exception as exc:  # the database is away: say so, do not fail the scrape
            log.warning("metrics: %s", exc)
            up = GaugeMetricFamily("digitize_database_up", "Whether the database answered this scrape.")
            up.add_metric([], 0)
            yield up
            return
        up = GaugeMetricFamily("digitize_database_up", "Whether the database answered this scrape.")
        up.add_metric([], 1)
        yield up

        depth = GaugeMetricFamily("digitize_queue_depth", "Work waiting to be picked up.", labels=["source"])
        depth.add_metric(["database"], max(0, pages[PAGE_PENDING] - pages["processing"]))
        try:  # the embedded default (no DIGITIZE_BROKER_URL) has no broker
            broker = broker_queue_depth(settings) if settings.uses_celery else None
        except Exception as exc:
            log.warning("metrics: broker: %s", exc)
            broker = None
        if broker is not None:
            depth.add_metric(["broker"], broker)
        yield depth

        g = GaugeMetricFamily("digitize_pages", "Pages per state.", labels=["state"])
        g.add_metric(["pending"], max(0, pages[PAGE_PENDING] - pages["processing"]))
        g.add_metric(["processing"], pages["processing"])
        g.add_metric(["done"], pages[PAGE_DONE])
        g.add_metric(["failed"], pages.get("failed", 0))
        yield g

        c = CounterMetricFamily("digitize_pages_processed", "Pages finished, by outcome.", labels=["outcome"])
        c.add_metric(["done"], pages[PAGE_DONE])
        c.add_metric(["failed"], pages.get("failed", 0))
        yield c

        d = GaugeMetricFamily("digitize_documents", "Documents per state.", labels=["state"])
        for state in ("received", "processing", "done", "needs_review", "failed"):
            d.add_metric([state], int(docs.get(state, 0)))
        yield d

        count, total = int(row[0]), float(row[1])
        cumulative = [int(v) for v in row[2:]]
        pairs = zip(PAGE_SECONDS_BUCKETS, cumulative, strict=True)
        buckets: list[tuple[str, float]] = [(_le(b), float(n)) for b, n in pairs]
        buckets.append(("+Inf", float(count)))
        h = HistogramMetricFamily("digitize_page_seconds", "Time spent on each finished page (seconds).")
        h.add_metric([], buckets, total)
        yield h


def _le(b: float) -> str:
    return str(float(b))


def registry(settings: Settings | None = None) -> CollectorRegistry:
    reg = CollectorRegistry(auto_describe=False)
    reg.register(StoreCollector(settings))
    from digitize.preservation.fixity import FixityCollector

    reg.register(FixityCollector(settings))
    return reg


def render(settings: Settings | None = None) -> bytes:
    """The Prometheus text exposition of the store's metrics (serve with ``CONTENT_TYPE``)."""
    return bytes(generate_latest(registry(settings)))


def as_dict(settings: Settings | None = None) -> dict[str, Any]:
    """The same numbers as a dict (for ``digitize status``-like tools and tests)."""
    from digitize.processing.machine import page_counts

    settings = settings or get_settings()
    broker = broker_queue_depth(settings) if settings.uses_celery else None
    return {"pages": page_counts(settings), "broker_queue_depth": broker}
