"""The Celery implementation of ``digitize.processing.enqueue`` (used there when DIGITIZE_BROKER_URL is set).

The documents are already stored as ``received``; this only sends one ``digitize.prepare`` message per
document. If the broker is away the documents stay ``received`` in the database, and the workers' reapers
send them once the queue is reachable and empty (``digitize.processing.machine.reap``): nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

log = logging.getLogger("digitize.workers")


def enqueue(document_ids: Sequence[str]) -> int:
    """Queue the documents for the Celery workers; returns how many messages were sent.

    A broker that cannot be reached is not an error of the caller: the documents are safely stored as
    ``received``, and the workers' reapers send them when the broker is back (a warning is logged).
    """
    from digitize.workers.tasks import RETRY_LATER, send_prepare

    ids = list(document_ids)
    try:
        return send_prepare(ids)
    except RETRY_LATER as exc:
        log.warning(
            "broker unreachable (%s): %d documents stay received; the workers will pick them up",
            exc,
            len(ids),
        )
        return 0
