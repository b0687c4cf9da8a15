"""The core of distributed processing on real databases (PostgreSQL and SQLite): claims, idempotent
completion, attempts, the single compose lease under a race, and the reaper."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from digitize.config import Settings, reset_settings
from digitize.processing import machine
from digitize.store import db
from digitize.store.models import PROCESSING, Document, Page, new_id, utcnow
from tests.support.databases import fresh_postgres_database


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with fresh_postgres_database("dgz_workers") as url:
        yield url


@pytest.fixture(params=["postgresql", "sqlite"])
def settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """PostgreSQL (the scale-out deployment) and SQLite (the embedded default) both keep the guarantees."""
    if request.param == "postgresql":
        monkeypatch.setenv("DIGITIZE_DATABASE_URL", request.getfixturevalue("pg_url"))
    monkeypatch.setenv("DIGITIZE_PAGE_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("DIGITIZE_WORKER_STALE_SECONDS", "60")
    reset_settings()
    return Settings()


def _document(settings: Settings, pages: int) -> tuple[str, list[int]]:
    doc_id = new_id()
    with db.session(settings) as s:
        s.add(
            Document(
                id=doc_id,
                sha256=new_id() + new_id(),
                media_type="image/tiff",
                size=1,
                original_filename="x.tif",
                original_key=f"originals/{doc_id}",
                state=PROCESSING,
                page_count=pages,
            )
        )
        s.flush()
        for i in range(pages):
            s.add(Page(document_id=doc_id, index=i, state="pending", attempts=0))
    with db.session(settings) as s:
        ids = list(s.scalars(select(Page.id).where(Page.document_id == doc_id).order_by(Page.index)))
    return doc_id, ids


def _page(settings: Settings, page_id: int) -> Page:
    with db.session(settings) as s:
        page = s.get(Page, page_id)
        assert page is not None
        s.expunge(page)
        return page


def test_a_claimed_page_is_not_claimed_again_and_is_stored_once(settings: Settings) -> None:
    _, (pid,) = _document(settings, 1)
    first = machine.claim_page(pid, "task-a", settings=settings)
    assert first is not None and first.attempts == 1
    assert machine.claim_page(pid, "task-b", settings=settings) is None  # a live worker holds it
    # the same task redelivered after its process died: claimed again, counted again
    again = machine.claim_page(pid, "task-a", settings=settings)
    assert again is not None and again.attempts == 2

    assert machine.complete_page(first, {"text": "một", "confidence": 0.9}, settings) is True
    assert machine.complete_page(again, {"text": "hai", "confidence": 0.5}, settings) is False
    page = _page(settings, pid)
    assert (page.state, page.text, page.claimed_by) == ("done", "một", None)
    assert machine.claim_page(pid, "task-c", settings=settings) is None


def test_a_page_that_keeps_killing_its_worker_is_failed_after_max_attempts(settings: Settings) -> None:
    doc_id, (pid, other) = _document(settings, 2)
    for n in range(3):
        claim = machine.claim_page(pid, f"t{n}", settings=settings)
        assert claim is not None and claim.attempts == n + 1
        # the worker dies: its lease runs out
        with db.session(settings) as s:
            s.execute(update(Page).where(Page.id == pid).values(lease_until=utcnow() - timedelta(seconds=1)))
    assert machine.claim_page(pid, "t3", settings=settings) is None
    page = _page(settings, pid)
    assert page.state == "failed" and page.error_code == "too_many_attempts"
    assert "3" in (page.error_message or "")
    # the document goes on: once its other page is done, compose starts
    assert machine.start_compose(doc_id, "c0", settings) is False
    claim = machine.claim_page(other, "t9", settings=settings)
    assert claim is not None
    machine.complete_page(claim, {"text": "x"}, settings)
    assert machine.start_compose(doc_id, "c1", settings) is True


def test_a_transient_error_is_not_counted_as_an_attempt(settings: Settings) -> None:
    _, (pid,) = _document(settings, 1)
    claim = machine.claim_page(pid, "t", settings=settings)
    assert claim is not None
    assert machine.release_page(pid, "t", settings) is True
    assert machine.release_page(pid, "t", settings) is False  # given back already: nothing refunded
    again = machine.claim_page(pid, "t", settings=settings)
    assert again is not None and again.attempts == 1
    # released impossible (database away): the retry of the same task claims with a refund
    refunded = machine.claim_page(pid, "t", refund=True, settings=settings)
    assert refunded is not None and refunded.attempts == 1


class _Pool:  # the prefork pool's side of a cancel: which process gets which signal
    def __init__(self) -> None:
        self.signalled: list[tuple[int, int]] = []

    def terminate_job(self, pid: int, sig: int) -> None:
        self.signalled.append((pid, sig))


def _cancel(page_id: int, token: str, worker_pid: int | None = None) -> list[tuple[int, int]]:
    """What the worker's main process does on a lost broker connection to the page task ``token`` running in
    pool process ``worker_pid`` (this one by default, where the tests claim): Celery's own
    ``Request.cancel``, through the request class the worker builds for the page task."""
    from celery.contrib.testing.mocks import TaskMessage
    from celery.utils.imports import symbol_by_name

    from digitize.workers.celery_app import app
    from digitize.workers.tasks import page

    request_cls = symbol_by_name(page.Request)
    request = request_cls(TaskMessage("digitize.page", id=token, args=[page_id]), app=app, task=page)
    request.time_start, request.worker_pid = time.time(), worker_pid or os.getpid()
    pool = _Pool()
    request.cancel(pool)
    return pool.signalled


def test_a_page_run_that_celery_cancels_for_a_lost_broker_connection_is_not_counted(
    settings: Settings,
) -> None:
    """A lost broker connection: the worker's main process terminates the running page task (its message
    can no longer be acknowledged) through Celery's own ``Request.cancel``. The page did nothing wrong: its
    claim is given back uncounted, so broker restarts do not bring a healthy page to page_max_attempts."""
    import signal

    from celery.exceptions import Retry

    from digitize.workers.tasks import page

    _, (pid,) = _document(settings, 1)
    for n in range(settings.page_max_attempts):  # as many broker restarts as page_max_attempts
        token = f"task-{n}"
        claim = machine.claim_page(pid, token, settings=settings)
        assert claim is not None and claim.attempts == 1, n
        assert _cancel(pid, token) == [(os.getpid(), signal.SIGTERM)]
        after = _page(settings, pid)
        assert (after.state, after.attempts, after.cancels) == ("pending", 0, n + 1)
    # the page is still worked on normally, and its own failures still count
    claim = machine.claim_page(pid, "last", settings=settings)
    assert claim is not None and claim.attempts == 1
    # a retry the task asked for itself leaves the claim alone
    page.on_retry(Retry("again"), "last", (pid,), {}, "einfo")
    assert _page(settings, pid).claimed_by == machine.claim_label("last")


def test_the_reaper_resends_a_cancelled_runs_page_while_the_queue_holds_other_work(
    settings: Settings,
) -> None:
    """The cancelled run's message may sit unacknowledged in the broker for its visibility timeout (an
    hour; a Redis with persistence), and the lost-work resend waits for an empty queue: the page's lease
    ends at once instead, so the next reaper pass resends it whatever the queue holds."""
    _, (busy, cancelled) = _document(settings, 2)
    assert machine.claim_page(busy, "t-busy", settings=settings)
    assert machine.claim_page(cancelled, "t-cancelled", settings=settings)
    _cancel(cancelled, "t-cancelled")
    reaped = machine.reap(queue_depth=7, settings=settings)  # the queue holds other messages
    assert reaped.pages == [cancelled]  # the live run's page stays with it
    assert _page(settings, cancelled).claimed_by is None
    again = machine.claim_page(cancelled, "t-resent", settings=settings)
    assert again is not None and again.attempts == 1  # the cancelled run was not counted


def test_a_cancelled_run_leaves_alone_the_claim_of_its_message_redelivered_elsewhere(
    settings: Settings,
) -> None:
    """The broker requeued the message (same task id) before worker A noticed its lost connection, and
    worker B (another machine, or another pool process of this one) claimed it: A's cancel neither refunds
    B's attempt nor ends B's lease."""
    _, (pid,) = _document(settings, 1)
    token = "task-T"
    for other in ("task-T hostB:777", f"task-T {socket.gethostname()}:{os.getpid() + 1}"):
        assert machine.claim_page(pid, token, settings=settings)  # worker A's run
        with db.session(settings) as s:  # worker B's run of the redelivered message
            s.execute(update(Page).where(Page.id == pid).values(claimed_by=other, attempts=Page.attempts + 1))
        before = _page(settings, pid)
        _cancel(pid, token)  # A's run (in this process) is cancelled
        after = _page(settings, pid)
        assert (after.claimed_by, after.attempts) == (other, before.attempts)
        assert after.lease_until == before.lease_until
        assert after.cancels == 0


def test_a_page_whose_runs_are_cancelled_again_and_again_still_ends_failed(settings: Settings) -> None:
    """A page whose run brings its worker's broker connection down every time (a crafted image that sends
    the machine into swap) is refunded page_max_attempts times, then counted: it ends failed."""
    _, (pid,) = _document(settings, 1)
    claims = 0
    while claims < 20 and machine.claim_page(pid, f"t{claims}", settings=settings):
        claims += 1
        _cancel(pid, f"t{claims - 1}")
    page = _page(settings, pid)
    assert (page.state, page.error_code) == ("failed", "too_many_attempts")
    assert claims == 2 * settings.page_max_attempts
    assert page.cancels == settings.page_max_attempts


def test_a_cancelled_run_waits_for_the_database_a_moment_only(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The give-back runs on the worker's event loop: a database that does not answer holds it up for
    ``GIVE_BACK_SECONDS`` at most (the lease then runs out, the attempt counted)."""
    from digitize.workers import tasks

    _, (pid,) = _document(settings, 1)
    assert machine.claim_page(pid, "t-slow", settings=settings)
    stuck, real = threading.Event(), db.session

    @contextmanager
    def unanswered(*args: Any, **kwargs: Any) -> Iterator[Any]:
        stuck.wait(30)
        with real(*args, **kwargs) as s:
            yield s

    monkeypatch.setattr(db, "session", unanswered)
    monkeypatch.setattr(tasks, "GIVE_BACK_SECONDS", 0.2, raising=False)
    started = time.monotonic()
    try:
        _cancel(pid, "t-slow")
        assert time.monotonic() - started < 5
    finally:
        stuck.set()
        for thread in threading.enumerate():
            if thread.name.startswith("give-back-"):
                thread.join(10)


def test_the_queue_depth_counts_the_waiting_messages_under_a_key_prefix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reaper resends the work of a lost queue only when the queue is empty: with a broker key prefix
    (several deployments on one Redis) kombu's passive declare always answered "no such queue" (0)."""
    from tests.workers.harness import SYSTEM_REDIS, delete_redis_keys, port_open, unique

    if not port_open("127.0.0.1", 6379):
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    from digitize.workers import tasks

    for prefix in ("", unique("dgzd") + ":"):
        queue = unique("dgzq")
        monkeypatch.setenv("DIGITIZE_BROKER_URL", SYSTEM_REDIS + "/0")
        monkeypatch.setenv("DIGITIZE_QUEUE_NAME", queue)
        monkeypatch.setenv("DIGITIZE_BROKER_KEY_PREFIX", prefix)
        reset_settings()
        try:
            assert tasks.queue_depth() == 0
            tasks.send_pages([1, 2, 3])
            assert tasks.queue_depth() == 3, prefix
        finally:
            for key in (queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}"):
                delete_redis_keys(SYSTEM_REDIS + "/0", prefix + key)


def test_the_queue_depth_reads_celerys_default_broker_when_no_url_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker started without DIGITIZE_BROKER_URL uses Celery's default broker (the local Redis): the
    reaper reads that queue's depth with LLEN too, under the key prefix (kombu's passive declare says 0)."""
    from tests.workers.harness import SYSTEM_REDIS, delete_redis_keys, port_open, unique

    if not port_open("127.0.0.1", 6379) or not SYSTEM_REDIS.startswith("redis://127.0.0.1:6379"):
        pytest.skip("no Redis at the default broker's address")
    from digitize.workers import tasks

    prefix, queue = unique("dgzd") + ":", unique("dgzq")
    monkeypatch.delenv("DIGITIZE_BROKER_URL", raising=False)
    monkeypatch.setenv("DIGITIZE_QUEUE_NAME", queue)
    monkeypatch.setenv("DIGITIZE_BROKER_KEY_PREFIX", prefix)
    reset_settings()
    try:
        tasks.send_pages([1, 2, 3])
        assert tasks.queue_depth() == 3
    finally:
        delete_redis_keys(SYSTEM_REDIS + "/0", prefix)
        reset_settings()


def test_the_queue_depth_of_a_redis_broker_on_a_unix_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kombu's ``redis+socket://`` broker is a Redis too: its depth is read with LLEN, not left unknown."""
    import shutil
    import subprocess

    import redis

    from digitize import metrics

    assert metrics.redis_connection_kwargs("redis+socket:///run/r.sock?virtual_host=3") == {
        "unix_socket_path": "/run/r.sock",
        "db": 3,
        "username": None,
        "password": None,
    }
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("no redis-server")
    sock = tmp_path / "r.sock"
    proc = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        client = redis.Redis(unix_socket_path=str(sock), db=2)
        client.rpush("pfx:q", b"a", b"b")
        client.close()
        monkeypatch.setenv("DIGITIZE_BROKER_URL", f"redis+socket://{sock}?virtual_host=2")
        monkeypatch.setenv("DIGITIZE_QUEUE_NAME", "q")
        monkeypatch.setenv("DIGITIZE_BROKER_KEY_PREFIX", "pfx:")
        reset_settings()
        from digitize.workers import tasks

        assert metrics.broker_queue_depth(Settings()) == 2
        assert tasks.queue_depth() == 2
    finally:
        proc.terminate()
        proc.wait(10)
        reset_settings()


def _race_for_compose(settings: Settings, doc_id: str, claims: list[machine.PageClaim]) -> list[str]:
    winners: list[str] = []
    barrier = threading.Barrier(len(claims))

    def finish(claim: machine.PageClaim) -> None:
        machine.complete_page(claim, {"text": "x"}, settings)
        barrier.wait()
        token = machine.new_token()
        if machine.start_compose(doc_id, token, settings):
            winners.append(token)

    threads = [threading.Thread(target=finish, args=(c,)) for c in claims]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return winners


def test_exactly_one_of_many_racing_callers_gets_the_compose_lease(settings: Settings) -> None:
    for _ in range(5):
        doc_id, pids = _document(settings, 4)
        claims = [machine.claim_page(p, f"t{p}", settings=settings) for p in pids]
        winners = _race_for_compose(settings, doc_id, [c for c in claims if c is not None])
        assert len(winners) == 1
        assert machine.holds_compose(doc_id, winners[0], settings)


def test_the_reaper_requeues_expired_leases_once(settings: Settings) -> None:
    _, (p1, p2) = _document(settings, 2)
    c1 = machine.claim_page(p1, "dead", settings=settings)
    c2 = machine.claim_page(p2, "alive", settings=settings)
    assert c1 and c2
    with db.session(settings) as s:
        s.execute(update(Page).where(Page.id == p1).values(lease_until=utcnow() - timedelta(seconds=5)))
    first = machine.reap(queue_depth=5, settings=settings)
    second = machine.reap(queue_depth=5, settings=settings)
    assert p1 in first.pages and p2 not in first.pages
    assert p1 not in second.pages  # the claim was dropped once; a second reaper finds nothing
    # the live worker's lease keeps its page
    assert _page(settings, p2).claimed_by is not None
    # the resent task claims it
    again = machine.claim_page(p1, "new", settings=settings)
    assert again is not None and again.attempts == 2


def test_the_reaper_starts_compose_for_finished_documents_nobody_composes(settings: Settings) -> None:
    doc_id, (pid,) = _document(settings, 1)
    claim = machine.claim_page(pid, "t", settings=settings)
    assert claim
    machine.complete_page(claim, {"text": "x"}, settings)  # ... and the worker died right here
    reaped = machine.reap(queue_depth=None, settings=settings)
    assert [d for d, _ in reaped.compose].count(doc_id) == 1
    assert not [d for d, _ in machine.reap(None, settings).compose if d == doc_id]


def test_a_lease_is_extended_while_work_runs(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_WORKER_HEARTBEAT_SECONDS", "0.2")
    # a lease 15 heartbeats long: one late beat on a loaded machine (the full suite beside benches failed
    # with 5) does not make it stale
    monkeypatch.setenv("DIGITIZE_WORKER_STALE_SECONDS", "3")
    fast = Settings()
    _, (pid,) = _document(fast, 1)
    claim = machine.claim_page(pid, "t", settings=fast)
    assert claim
    with machine.page_lease(claim, fast):
        time.sleep(3.6)
        assert machine.reap(None, fast).pages == []
    time.sleep(3.4)
    assert machine.reap(None, fast).pages == [pid]


def test_page_counts(settings: Settings) -> None:
    with db.session(settings) as s:
        before = dict(s.execute(select(Page.state, func.count()).group_by(Page.state)).all())
    counts = machine.page_counts(settings)
    assert counts["done"] == before.get("done", 0)
    assert counts["pending"] == before.get("pending", 0)


def test_metrics_are_read_from_the_database_and_the_broker(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redis
    from prometheus_client.parser import text_string_to_metric_families

    from digitize import metrics
    from tests.workers.harness import SYSTEM_REDIS, delete_redis_keys, unique

    _, pids = _document(settings, 3)
    for n, pid in enumerate(pids[:2]):
        claim = machine.claim_page(pid, f"m{n}", settings=settings)
        assert claim
        machine.complete_page(claim, {"text": "x", "seconds": 1.5 + 10 * n}, settings)
    prefix = unique("dgzm") + ":"
    monkeypatch.setenv("DIGITIZE_BROKER_URL", SYSTEM_REDIS + "/0")
    monkeypatch.setenv("DIGITIZE_QUEUE_NAME", "q")
    monkeypatch.setenv("DIGITIZE_BROKER_KEY_PREFIX", prefix)
    with_broker = Settings()
    client = redis.Redis.from_url(SYSTEM_REDIS + "/0")
    try:
        client.rpush(prefix + "q", b"a", b"b", b"c", b"d")
        text = metrics.render(with_broker).decode()
    finally:
        delete_redis_keys(SYSTEM_REDIS + "/0", prefix)
        client.close()
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for fam in text_string_to_metric_families(text)
        for s in fam.samples
    }
    counts = machine.page_counts(settings)
    assert samples[("digitize_queue_depth", (("source", "broker"),))] == 4
    assert samples[("digitize_pages", (("state", "done"),))] == counts["done"]
    assert samples[("digitize_pages_processed_total", (("outcome", "done"),))] == counts["done"]
    assert samples[("digitize_database_up", ())] == 1
    with db.session(settings) as s:
        timed = list(s.scalars(select(Page.seconds).where(Page.state == "done", Page.seconds.is_not(None))))
    assert samples[("digitize_page_seconds_count", ())] == len(timed)
    assert samples[("digitize_page_seconds_bucket", (("le", "2.0"),))] == sum(1 for t in timed if t <= 2.0)
    assert samples[("digitize_page_seconds_sum", ())] == pytest.approx(sum(timed))


def test_a_compose_that_keeps_dying_fails_the_document_with_the_reason(settings: Settings) -> None:
    doc_id, (pid,) = _document(settings, 1)
    claim = machine.claim_page(pid, "t", settings=settings)
    assert claim
    machine.complete_page(claim, {"text": "x"}, settings)
    with db.session(settings) as s:
        s.execute(update(Document).where(Document.id == doc_id).values(attempts=2 * 3))
    token = machine.new_token()
    assert machine.start_compose(doc_id, token, settings)
    assert machine.begin_compose(doc_id, token, settings)  # the 7th time
    assert machine.compose_document(doc_id, token, settings) == "failed"
    with db.session(settings) as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        assert doc.state == "failed" and doc.error_code == "too_many_attempts" and doc.claimed_by is None


def test_a_compose_that_cannot_succeed_fails_the_document_at_once(settings: Settings) -> None:
    """The compose task (run in this process) on a document whose page image is missing from the object
    store: the document ends failed with the reason, the lease is released."""
    from digitize.workers.tasks import compose

    doc_id, (pid,) = _document(settings, 1)
    claim = machine.claim_page(pid, "t", settings=settings)
    assert claim
    machine.complete_page(
        claim,
        {
            "text": "x",
            "source": "ocr",
            "width": 100.0,
            "height": 100.0,
            "data": {"words": [], "image_key": "pages/00/missing"},
        },
        settings,
    )
    token = machine.new_token()
    assert machine.start_compose(doc_id, token, settings)
    assert compose.apply(args=(doc_id, token)).get() == "failed"
    with db.session(settings) as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        assert doc.state == "failed" and doc.error_message and doc.claimed_by is None
    assert compose.apply(args=(doc_id, token)).get() == "skipped"  # a second delivery does nothing


def test_the_download_cache_of_a_worker_stays_small(tmp_path: Path) -> None:
    import os

    cache = tmp_path / "cache"
    cache.mkdir()
    now = time.time()
    for i in range(machine.CACHE_MAX_FILES + 10):
        f = cache / f"o{i}"
        f.write_bytes(b"x")
        os.utime(f, (now - i, now - i))
    old = cache / "old"
    old.write_bytes(b"x")
    os.utime(old, (now - 7200, now - 7200))
    writing = cache / "o1.123.456.part"
    writing.write_bytes(b"x")
    machine._prune_cache(cache)
    left = {p.name for p in cache.iterdir()}
    assert len(left - {writing.name}) == machine.CACHE_MAX_FILES
    assert "o0" in left and "old" not in left and f"o{machine.CACHE_MAX_FILES + 5}" not in left
    assert writing.name in left  # a download in progress is left alone


def test_a_queued_compose_waits_without_a_lease_and_is_resent_only_when_lost(settings: Settings) -> None:
    doc_id, (pid,) = _document(settings, 1)
    claim = machine.claim_page(pid, "t", settings=settings)
    assert claim
    machine.complete_page(claim, {"text": "x"}, settings)
    token = machine.new_token()
    assert machine.start_compose(doc_id, token, settings)
    with db.session(settings) as s:  # queued a long time ago, behind a long queue
        s.execute(
            update(Document).where(Document.id == doc_id).values(updated_at=utcnow() - timedelta(seconds=600))
        )
    assert not [d for d, _ in machine.reap(queue_depth=1000, settings=settings).compose if d == doc_id]
    # the queue is empty and the compose never started: its message was lost; sent again, same token
    again = [t for d, t in machine.reap(queue_depth=0, settings=settings).compose if d == doc_id]
    assert again == [token]
    assert machine.begin_compose(doc_id, token, settings)
    assert not machine.begin_compose(doc_id, "someone-else", settings)
    with db.session(settings) as s:  # the worker running it died: its lease runs out
        s.execute(
            update(Document).where(Document.id == doc_id).values(lease_until=utcnow() - timedelta(seconds=1))
        )
    fresh = [t for d, t in machine.reap(queue_depth=1000, settings=settings).compose if d == doc_id]
    assert len(fresh) == 1 and fresh[0] != token
    assert not machine.begin_compose(doc_id, token, settings)  # the old one is out
