"""Celery tasks: thin calls of ``digitize.processing.machine`` (the stage functions the embedded pool runs).

The steps and their rules (claims, leases, attempts, the final write) are
``digitize.processing.machine``'s; the embedded pool (``digitize.processing.executor.LocalPool``) runs the
same steps, one document per process.

* ``digitize.prepare(document_id)``: list the document's pages, then send one ``digitize.page`` per page;
* ``digitize.page(page_id)``: claim → preprocess + recognize → store once; the last page of a document
  starts ``digitize.compose`` (exactly one caller wins the compose lease);
* ``digitize.compose(document_id, token)``: compose the searchable PDF/A, extract the fields, finalize.

Transient errors (database, object store or broker away) are retried with exponential backoff; a page's
own failure marks the page failed with its reason; a worker that dies leaves a lease that expires and is
re-queued by the reaper (``digitize.workers.reaper``). A page run that Celery itself ends because the worker
lost its broker connection (``worker_cancel_long_running_tasks_on_connection_loss``) gives its page back
uncounted, a bounded number of times (``PageRequest.cancel``): a broker hiccup is no attempt of the page's.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Iterable
from typing import Any

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.worker.request import Request
from kombu.exceptions import KombuError
from kombu.exceptions import OperationalError as BrokerError
from sqlalchemy.exc import OperationalError as DatabaseError

from digitize.config import get_settings
from digitize.errors import ServiceUnavailable, ToolMissing
from digitize.processing import machine
from digitize.workers.celery_app import app, celery_config

log = logging.getLogger("digitize.workers")

TRANSIENT: tuple[type[BaseException], ...] = (
    ServiceUnavailable,
    DatabaseError,
    BrokerError,
    KombuError,
    ConnectionError,
    TimeoutError,
)
# ToolMissing: this machine lacks Tesseract or a language; not the page's fault, so not counted against it
RETRY_LATER: tuple[type[BaseException], ...] = (*TRANSIENT, ToolMissing)
MAX_BACKOFF = 60.0


def backoff(retries: int) -> float:
    """Exponential backoff with full jitter: ~1, 2, 4 ... s, at most a minute."""
    return random.uniform(0.5, 1.0) * min(MAX_BACKOFF, 2.0**retries)


def _compose_limits() -> tuple[float, float]:
    page = float(get_settings().ocr_page_timeout)
    return page * 10, page * 10 + 60


# --- sending ---------------------------------------------------------------------------------------
def _sender() -> Celery:
    """The app to send with: this module's app, or one for the current settings if they changed since
    (an API or CLI process whose environment was changed after import, e.g. in tests)."""
    settings = get_settings()
    broker = settings.broker_url or app.conf.broker_url
    prefix = settings.broker_key_prefix
    same_prefix = prefix == (app.conf.broker_transport_options or {}).get("global_keyprefix", "")
    if broker == app.conf.broker_url and settings.queue_name == app.conf.task_default_queue and same_prefix:
        return app
    key = (broker, settings.queue_name, prefix)
    other = _senders.get(key)
    if other is None:
        other = Celery("digitize-sender")
        other.conf.update(celery_config(settings))
        _senders[key] = other
    return other


_senders: dict[tuple[str, str, str], Celery] = {}


def _send(name: str, args: tuple[Any, ...]) -> None:
    sender = _sender()
    sender.send_task(
        name,
        args,
        queue=sender.conf.task_default_queue,
        retry=True,
        retry_policy={"max_retries": 5, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 3},
    )


def send_prepare(document_ids: Iterable[str]) -> int:
    n = 0
    for doc_id in document_ids:
        _send("digitize.prepare", (doc_id,))
        n += 1
    return n


def send_pages(page_ids: Iterable[int]) -> int:
    n = 0
    for page_id in page_ids:
        _send("digitize.page", (page_id,))
        n += 1
    return n


def send_compose(document_id: str, token: str) -> None:
    _send("digitize.compose", (document_id, token))


def _after_page(document_id: str) -> None:
    """Start composing the document if no page of it is pending any more (one caller wins)."""
    token = machine.new_token()
    if machine.start_compose(document_id, token):
        send_compose(document_id, token)


# --- tasks -----------------------------------------------------------------------------------------
# How long the worker's main process (its event loop) waits for the database when it gives back the page
# of a cancelled run; past that the give-back goes on in its thread (if it never gets through, the lease
# runs out and the reaper resends the page, the attempt counted).
GIVE_BACK_SECONDS = 5.0


class PageRequest(Request):
    """The page task's requests in the worker's main process: give back the page of a run Celery cancels.

    On a lost broker connection the main process terminates the pool process of every running task
    acknowledged late (the message can no longer be acknowledged on that connection) through
    ``Request.cancel`` (``emit_retry``). The killed run's claim counted an attempt, as a page that kills its
    worker does; but the page did nothing wrong, so ``machine.give_back_cancelled`` refunds it (a bounded
    number of times per page) and ends its lease at once, for the reaper to resend the page.

    Only the claim of exactly this run is touched: its label names the token (the task id, the same on a
    redelivery) *and* the pool process (``worker_pid``), so a redelivery of the message that another worker
    already claimed keeps its claim and its attempt. The database is given ``GIVE_BACK_SECONDS``, not the
    event loop's whole attention. A cancel at shutdown (``emit_retry=False``) changes nothing: the lease
    runs out and the attempt stays counted, as for a worker that dies."""

    def cancel(self, pool: Any, signal: Any = None, emit_retry: bool = True) -> None:
        running_in = self.worker_pid if self.time_start else None
        super().cancel(pool, signal=signal, emit_retry=emit_retry)
        if not emit_retry or not running_in:
            return
        args, kwargs = self.args or (), self.kwargs or {}
        page_id = args[0] if args else kwargs.get("page_id")
        if page_id is not None:
            give_back_cancelled(int(page_id), machine.claim_label(str(self.id), int(running_in)))


def give_back_cancelled(page_id: int, label: str, timeout: float | None = None) -> None:
    """``machine.give_back_cancelled`` in a thread, waited for at most ``timeout`` (``GIVE_BACK_SECONDS``)."""

    def run() -> None:
        try:
            outcome = machine.give_back_cancelled(page_id, label)
        except Exception as err:  # the database away too: the lease runs out, the attempt stays counted
            log.warning("page %s: run cancelled, not given back: %s", page_id, err)
            return
        if outcome == "refunded":
            log.info("page %s: run cancelled by Celery (broker connection lost), not counted", page_id)
        elif outcome == "counted":
            log.warning("page %s: run cancelled by Celery again; counted (refunds used up)", page_id)

    thread = threading.Thread(target=run, name=f"give-back-{page_id}", daemon=True)
    thread.start()
    thread.join(GIVE_BACK_SECONDS if timeout is None else timeout)
    if thread.is_alive():
        log.warning("page %s: run cancelled; the database did not answer, the lease will run out", page_id)


class PageTask(Task):
    """The page task's class: its requests are ``PageRequest``."""

    Request = "digitize.workers.tasks:PageRequest"


@app.task(name="digitize.prepare", bind=True, max_retries=None)
def prepare(self: Task, document_id: str) -> str:
    try:
        res = machine.prepare_document(document_id, self.request.id)
        send_pages(res.pending_pages)
        if res.compose and res.compose_token:
            send_compose(document_id, res.compose_token)
    except RETRY_LATER as exc:
        log.warning("prepare %s: %s; retrying", document_id, exc)
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
    return res.state


@app.task(name="digitize.page", bind=True, max_retries=None, base=PageTask)
def page(self: Task, page_id: int, refund: bool = False) -> str:
    token = str(self.request.id)
    try:
        claim = machine.claim_page(page_id, token, refund=refund)
        if claim is None:  # done, failed, or held by a live worker
            document_id = machine.document_of_page(page_id)
            if document_id:
                _after_page(document_id)
            return "skipped"
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries), kwargs={"refund": False}) from exc
    try:
        # the page's own failures are recorded by the core (page failed, the document goes on)
        stored = machine.execute_page(claim, passthrough=(SoftTimeLimitExceeded, *RETRY_LATER))
    except SoftTimeLimitExceeded:
        # Counted as an attempt (the claim stays counted); tried again until page_max_attempts.
        machine.drop_claim(page_id, token)
        raise self.retry(countdown=backoff(self.request.retries), kwargs={"refund": False}) from None
    except RETRY_LATER as exc:
        released = machine.release_page(page_id, token)
        log.log(
            logging.ERROR if isinstance(exc, ToolMissing) else logging.WARNING,
            "page %s: %s; retrying",
            page_id,
            exc,
        )
        raise self.retry(
            exc=exc, countdown=backoff(self.request.retries), kwargs={"refund": not released}
        ) from exc
    try:
        _after_page(claim.document_id)
    except TRANSIENT as exc:  # the reaper starts the compose when the database is back
        log.warning("page %s stored, compose not started: %s", page_id, exc)
    return "stored" if stored else "done-before"


_soft, _hard = _compose_limits()


@app.task(name="digitize.compose", bind=True, max_retries=None, soft_time_limit=_soft, time_limit=_hard)
def compose(self: Task, document_id: str, token: str) -> str:
    try:
        # the document's own failures are recorded by the core (document failed with the reason)
        return machine.execute_compose(document_id, token, passthrough=(SoftTimeLimitExceeded, *RETRY_LATER))
    except RETRY_LATER as exc:
        log.warning("compose %s: %s; retrying", document_id, exc)
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
    except SoftTimeLimitExceeded:
        raise  # the lease runs out and the reaper starts it again (a bounded number of times)


def queue_depth() -> int | None:
    """Messages waiting in our queue (Redis LLEN / AMQP message count); None when the broker is away.

    Redis is read with LLEN (``metrics.broker_queue_depth``): kombu's passive ``queue_declare`` looks the
    queue up with an EXISTS that its ``global_keyprefix`` does not prefix, so with ``broker_key_prefix`` set
    it answered "no such queue" (0) however many messages waited, and every reaper pass took the queue for
    lost and sent every waiting page, document and compose again. The broker read is the one Celery uses
    (``Settings.effective_broker_url``: the local Redis when ``DIGITIZE_BROKER_URL`` is unset;
    ``redis+socket://`` is Redis too)."""
    from digitize.metrics import broker_queue_depth

    settings = get_settings()
    name = settings.queue_name
    if settings.broker_is_redis:
        try:
            return broker_queue_depth(settings)
        except Exception as exc:
            log.debug("queue depth unknown: %s", exc)
            return None
    try:
        with _sender().connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
            ok = conn.default_channel.queue_declare(queue=name, passive=True)
            return int(ok.message_count)
    except Exception as exc:
        if "NOT_FOUND" in str(exc) or "404" in str(exc):
            return 0
        log.debug("queue depth unknown: %s", exc)
        return None


def resend(reaped: machine.Reaped) -> dict[str, Any]:
    """Send what the reaper found."""
    send_prepare(reaped.prepare)
    send_pages(reaped.pages)
    for doc_id, token in reaped.compose:
        send_compose(doc_id, token)
    return {"prepare": len(reaped.prepare), "pages": len(reaped.pages), "compose": len(reaped.compose)}


# --- fixity (issue 16) ------------------------------------------------------------------------------
@app.task(name="digitize.fixity_audit", soft_time_limit=7 * 24 * 3600, time_limit=7 * 24 * 3600 + 60)
def fixity_audit() -> bool:
    """Celery beat's scheduled fixity audit: runs when the last one is older than the interval (it never
    repairs; the outcome goes to the audit trail, the metric and the admin page). True when it ran."""
    from digitize.preservation.schedule import run_if_due

    return run_if_due(get_settings())
