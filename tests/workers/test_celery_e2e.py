"""End to end with real worker processes (``digitize worker``), real Redis/RabbitMQ and real PostgreSQL.

A batch of generated multi-page scans is ingested and queued; the workers OCR the pages (real Tesseract).
Then the things that break in production are made to happen: a worker SIGKILLed mid-task, the broker killed
and restarted mid-batch, the database unreachable for a few seconds. Every document must end finished
exactly once: one row per page, each page's text stored once, one searchable PDF, one "processed" audit entry.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from digitize.config import Settings, reset_settings
from digitize.store import db
from digitize.store.models import AuditEntry, Document, Page, Variant
from tests.support.databases import fresh_postgres_database
from tests.workers import harness

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

FAST = {
    "DIGITIZE_WORKER_HEARTBEAT_SECONDS": "1",
    "DIGITIZE_WORKER_STALE_SECONDS": "6",
    "DIGITIZE_REAPER_INTERVAL_SECONDS": "2",
    "DIGITIZE_OCR_LANGUAGES": "vie",
}


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with fresh_postgres_database("dgz_celery") as url:
        yield url


@dataclass
class Cluster:
    tmp: Path
    env: dict[str, str]
    settings: Settings
    workers: list[harness.Worker]

    def start_worker(self, name: str, concurrency: int = 1, **env: str) -> harness.Worker:
        w = harness.Worker(dict(self.env, **env), name, self.tmp / f"{name}.log", concurrency=concurrency)
        self.workers.append(w)
        return w

    def check_alive(self) -> None:
        if self.workers and all(w.proc.poll() is not None for w in self.workers):
            raise AssertionError("every worker exited\n" + self.logs())

    def logs(self, tail: int = 4000) -> str:
        return "\n".join(f"--- {w.name}\n" + w.log.read_text(errors="replace")[-tail:] for w in self.workers)

    def full_logs(self) -> str:
        return "\n".join(w.log.read_text(errors="replace") for w in self.workers)


def make_cluster(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    database_url: str,
    broker_url: str,
    worker_database_url: str | None = None,
    extra: dict[str, str] | None = None,
) -> Cluster:
    if broker_url.startswith(harness.SYSTEM_REDIS) and not harness.port_open("127.0.0.1", 6379):
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    queue = harness.unique("dgzq")
    env = harness.worker_env(
        database_url=worker_database_url or database_url,
        broker_url=broker_url,
        home=home,
        queue=queue,
        extra={**FAST, **(extra or {})},
    )
    for key, value in env.items():
        if key.startswith("DIGITIZE_"):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("DIGITIZE_DATABASE_URL", database_url)
    reset_settings()
    return Cluster(tmp_path, env, Settings(), [])


def ingest(cluster: Cluster, docs: int, pages: int, tag: str) -> list[str]:
    from digitize.ingest import ingest_paths
    from digitize.processing.executor import enqueue, register_dispatcher
    from digitize.workers.dispatch import enqueue as send_to_celery

    register_dispatcher(send_to_celery)  # as the API app and the CLI do at start
    src = cluster.tmp / "scans"
    src.mkdir(exist_ok=True)
    base = abs(hash((tag, time.time()))) % 900_000
    files = [harness.make_document(src / f"{tag}-{i}.tif", base + i, pages) for i in range(docs)]
    report = ingest_paths(files, batch_name=tag, settings=cluster.settings)
    ids = report.document_ids
    assert len(ids) == docs
    enqueue(ids, cluster.settings)
    return ids


def states(settings: Settings, ids: list[str]) -> dict[str, str]:
    with db.session(settings) as s:
        return dict(s.execute(select(Document.id, Document.state).where(Document.id.in_(ids))).all())


def wait_finished(cluster: Cluster, ids: list[str], timeout: float) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    last: dict[str, str] = {}
    while time.monotonic() < deadline:
        try:
            last = states(cluster.settings, ids)
        except Exception:  # the database may be briefly away in a test
            time.sleep(0.5)
            continue
        if all(v in ("done", "needs_review", "failed") for v in last.values()) and len(last) == len(ids):
            return last
        cluster.check_alive()
        time.sleep(0.5)
    raise AssertionError(f"unfinished after {timeout}s: {last}\n{cluster.logs()}")


def wait_pages(cluster: Cluster, ids: list[str], at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session(cluster.settings) as s:
            n = s.scalar(
                select(func.count()).select_from(Page).where(Page.document_id.in_(ids), Page.state == "done")
            )
        if (n or 0) >= at_least:
            return
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} pages done after {timeout}s\n{cluster.logs()}")


def assert_exactly_once(settings: Settings, ids: list[str], pages: int) -> None:
    with db.session(settings) as s:
        for doc_id in ids:
            doc = s.get(Document, doc_id)
            assert doc is not None
            assert doc.state in ("done", "needs_review"), (doc.state, doc.error_message)
            rows = list(s.scalars(select(Page).where(Page.document_id == doc_id).order_by(Page.index)))
            assert [r.index for r in rows] == list(range(pages))  # one row per page, none twice
            assert all(r.state == "done" for r in rows)
            assert all(r.text and "GIẤY PHÉP" in r.text.upper() for r in rows), [r.text for r in rows]
            assert doc.page_count == pages
            assert doc.claimed_by is None
            searchable = s.scalar(
                select(func.count())
                .select_from(Variant)
                .where(Variant.document_id == doc_id, Variant.kind == "searchable")
            )
            assert searchable == 1
            processed = s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.target == doc_id, AuditEntry.action == "document.process")
            )
            assert processed == 1, f"{doc_id} finished {processed} times"


@pytest.fixture
def cleanup() -> Iterator[list[object]]:
    things: list[object] = []
    yield things
    for thing in reversed(things):
        if isinstance(thing, Cluster):
            for w in thing.workers:
                w.stop()
            broker = thing.env["DIGITIZE_BROKER_URL"]
            if broker.startswith(harness.SYSTEM_REDIS):
                harness.delete_redis_keys(broker, thing.env["DIGITIZE_BROKER_KEY_PREFIX"])
            elif broker.startswith("amqp://"):
                harness.delete_amqp_queue(broker, thing.env["DIGITIZE_QUEUE_NAME"])
        elif hasattr(thing, "stop"):
            thing.stop()
        elif hasattr(thing, "close"):
            thing.close()


def test_two_workers_one_sigkilled_mid_task(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """~20 pages, two worker processes; one is SIGKILLed (whole process group) while it holds a page."""
    redis_db = harness.SYSTEM_REDIS + "/0"
    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=redis_db)
    cleanup.append(cluster)
    a = cluster.start_worker("a")
    cluster.start_worker("b")
    ids = ingest(cluster, docs=7, pages=3, tag="kill")
    # kill worker a while it holds a page
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with db.session(cluster.settings) as s:
            held = s.scalar(
                select(func.count())
                .select_from(Page)
                .where(
                    Page.document_id.in_(ids), Page.claimed_by.like(f"% {_host()}:%"), Page.state == "pending"
                )
            )
        if held and _holds(cluster, a):
            break
        cluster.check_alive()
        time.sleep(0.1)
    killed_pids = _group_pids(a)
    with db.session(cluster.settings) as s:
        held_by_a = [
            pid
            for pid, lbl in s.execute(
                select(Page.id, Page.claimed_by).where(
                    Page.document_id.in_(ids), Page.state == "pending", Page.claimed_by.is_not(None)
                )
            ).all()
            if _pid_of(lbl) in killed_pids
        ]
    a.sigkill()
    assert held_by_a, "worker a held no page when it was killed"
    final = wait_finished(cluster, ids, timeout=150)
    assert set(final.values()) <= {"done", "needs_review"}
    assert_exactly_once(cluster.settings, ids, pages=3)
    with db.session(cluster.settings) as s:
        # the page a died on was claimed again (by b, after the reaper re-queued it) and stored once
        attempts = dict(s.execute(select(Page.id, Page.attempts).where(Page.id.in_(held_by_a))).all())
    assert all(n >= 2 for n in attempts.values()), attempts
    assert "re-queued" in cluster.full_logs()


def _host() -> str:
    import socket

    return socket.gethostname()


def _group_pids(worker: harness.Worker) -> set[int]:
    import subprocess

    out = subprocess.run(["pgrep", "-g", str(worker.proc.pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def _pid_of(label: str | None) -> int | None:
    tail = (label or "").rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _holds(cluster: Cluster, worker: harness.Worker) -> bool:
    """Whether one of ``worker``'s processes holds a page now."""
    pids = _group_pids(worker)
    with db.session(cluster.settings) as s:
        labels = list(s.scalars(select(Page.claimed_by).where(Page.claimed_by.is_not(None))))
    return any(_pid_of(lbl) in pids for lbl in labels)


def test_broker_killed_and_restarted_mid_batch(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """A private redis-server without persistence is killed mid-batch (its queue is lost) and restarted on
    the same port: the workers reconnect, the reapers re-send what the database says is left."""
    redis = harness.RedisServer(tmp_path / "redis")
    redis.start()
    cleanup.append(redis)
    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=redis.url)
    cleanup.append(cluster)
    cluster.start_worker("a")
    cluster.start_worker("b")
    ids = ingest(cluster, docs=6, pages=3, tag="broker")
    wait_pages(cluster, ids, at_least=3)
    redis.kill()
    time.sleep(3)
    redis.start()
    final = wait_finished(cluster, ids, timeout=150)
    assert set(final.values()) <= {"done", "needs_review"}
    assert_exactly_once(cluster.settings, ids, pages=3)
    assert all(w.proc.poll() is None for w in cluster.workers), cluster.logs()
    assert "re-queued" in cluster.full_logs()  # the lost queue was refilled from the database


def test_database_unreachable_for_a_few_seconds(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """The workers reach PostgreSQL through a proxy that drops every connection and refuses new ones for
    five seconds mid-batch: tasks retry with backoff, nothing is lost or stored twice."""
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    proxy = harness.TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    cleanup.append(proxy)
    via_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    cluster = make_cluster(
        tmp_path,
        monkeypatch,
        database_url=pg_url,
        broker_url=harness.SYSTEM_REDIS + "/0",
        worker_database_url=via_proxy,
    )
    cleanup.append(cluster)
    cluster.start_worker("a")
    cluster.start_worker("b")
    ids = ingest(cluster, docs=6, pages=3, tag="dbdown")
    wait_pages(cluster, ids, at_least=3)
    proxy.cut()
    time.sleep(5)
    proxy.restore()
    final = wait_finished(cluster, ids, timeout=150)
    assert set(final.values()) <= {"done", "needs_review"}
    assert_exactly_once(cluster.settings, ids, pages=3)
    assert "retrying" in cluster.full_logs()


def test_rabbitmq_as_the_broker_through_digitize_ingest(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """`digitize ingest --wait --json` with DIGITIZE_BROKER_URL=amqp://...: queued to Celery, processed by a
    `digitize worker`, and reported finished."""
    import json
    import subprocess

    if not harness.port_open("127.0.0.1", 5672):
        pytest.skip("RabbitMQ is not running on 127.0.0.1:5672")
    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=harness.RABBIT_URL)
    cleanup.append(cluster)
    cluster.start_worker("r", concurrency=2)
    scans = tmp_path / "amqp"
    scans.mkdir()
    base = abs(hash(("amqp", time.time()))) % 900_000
    for i in range(3):
        harness.make_document(scans / f"{i}.tif", base + i, 2)
    (scans / "broken.tif").write_bytes(b"II*\x00" + bytes(range(256)) * 4)  # a TIFF header, then junk
    env = dict(cluster.env, DIGITIZE_DATABASE_URL=pg_url)
    out = subprocess.run(
        [str(harness.VENV_BIN / "digitize"), "ingest", str(scans), "--wait", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert out.returncode == 0, out.stderr + cluster.logs()
    batch = json.loads(out.stdout)
    assert batch["state"] == "done"
    assert batch["counts"]["done"] + batch["counts"]["needs_review"] == 3
    assert batch["counts"]["failed"] == 1  # the broken file is refused alone, with its reason
    assert [r["error"]["code"] for r in batch["rejected"]] == ["corrupt_input"]
    good = list(batch["documents"])
    assert len(good) == 3
    assert_exactly_once(cluster.settings, good, pages=2)


def test_a_page_that_keeps_killing_its_worker_is_failed_and_the_batch_goes_on(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """Whenever a pool process starts on one chosen page, the test SIGKILLs that process (a poison page).
    After page_max_attempts claims the page is marked failed; its document ends needs_review with the
    reason, the other documents of the batch finish normally."""
    import os
    import signal

    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=harness.SYSTEM_REDIS + "/0")
    cleanup.append(cluster)
    worker = cluster.start_worker("p", concurrency=2)
    ids = ingest(cluster, docs=3, pages=2, tag="poison")
    poison: int | None = None
    killed: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with db.session(cluster.settings) as s:
            if poison is None:
                poison = s.scalar(select(Page.id).where(Page.document_id == ids[0], Page.index == 1))
            cols = select(Page.state, Page.claimed_by, Page.attempts)
            row = s.execute(cols.where(Page.id == poison)).first()
        if row is not None:
            state, label, attempts = row
            if state != "pending":
                break
            pid = _pid_of(label)
            mine = pid is not None and pid in _group_pids(worker) and pid != worker.proc.pid
            # a claim beyond page_max_attempts runs no work (it marks the page failed): not killed
            if pid is not None and mine and pid not in killed and attempts <= 3:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
        cluster.check_alive()
        time.sleep(0.05)
    final = wait_finished(cluster, ids, timeout=120)
    assert len(killed) == 3, killed  # page_max_attempts
    with db.session(cluster.settings) as s:
        page = s.get(Page, poison)
        assert page is not None
        assert page.state == "failed" and page.error_code == "too_many_attempts", page.error_message
        doc = s.get(Document, ids[0])
        assert doc is not None and doc.state == "needs_review"
        assert doc.error_code == "pages_failed" and "trang 2" in (doc.error_message or "")
    assert final[ids[1]] in ("done", "needs_review") and final[ids[2]] in ("done", "needs_review")
    assert_exactly_once(cluster.settings, ids[1:], pages=2)


def test_broker_down_at_ingest_nothing_lost(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """Queueing while the broker is down stores the documents as received and does not fail; workers
    started once the broker is up find them (their reapers send what no queue holds)."""
    redis = harness.RedisServer(tmp_path / "redis")  # port chosen, server not started yet
    cleanup.append(redis)
    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=redis.url)
    cleanup.append(cluster)
    ids = ingest(cluster, docs=2, pages=2, tag="nobroker")  # enqueue() inside logs a warning, no error
    assert set(states(cluster.settings, ids).values()) == {"received"}
    from digitize.workers.dispatch import enqueue as celery_enqueue

    assert celery_enqueue(ids) == 0
    redis.start()
    cluster.start_worker("late")
    final = wait_finished(cluster, ids, timeout=120)
    assert set(final.values()) <= {"done", "needs_review"}
    assert_exactly_once(cluster.settings, ids, pages=2)


def test_workers_on_separate_machines_share_only_database_store_and_broker(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleanup: list[object]
) -> None:
    """Two workers with homes of their own (nothing shared on disk) and an S3 object store (moto on
    loopback): page images and originals travel through the bucket, the documents finish."""
    import uuid

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    cleanup.append(server)
    host, port = server.get_host_and_port()
    s3 = {
        "DIGITIZE_STORAGE_URL": f"s3://w{uuid.uuid4().hex[:12]}/archive",
        "DIGITIZE_S3_ENDPOINT": f"http://{host}:{port}",
        "DIGITIZE_S3_ACCESS_KEY": "testing",
        "DIGITIZE_S3_SECRET_KEY": "testing",
    }
    cluster = make_cluster(
        tmp_path, monkeypatch, database_url=pg_url, broker_url=harness.SYSTEM_REDIS + "/0", extra=s3
    )
    cleanup.append(cluster)
    for name in ("m1", "m2"):
        home = tmp_path / f"machine-{name}"
        home.mkdir()
        cluster.start_worker(name, DIGITIZE_HOME=str(home))
    ids = ingest(cluster, docs=3, pages=2, tag="s3")
    final = wait_finished(cluster, ids, timeout=120)
    assert set(final.values()) <= {"done", "needs_review"}
    assert_exactly_once(cluster.settings, ids, pages=2)
    from digitize.store.objects import get_object_store

    store = get_object_store(cluster.settings)
    assert store.local_path("x") is None  # really S3
    with db.session(cluster.settings) as s:
        keys = [
            p.data["image_key"] for p in s.scalars(select(Page).where(Page.document_id.in_(ids))) if p.data
        ]
    assert len(keys) == 6
    assert not any(store.exists(k) for k in keys)  # intermediate page images removed once composed
    with db.session(cluster.settings) as s:
        pdfs = list(
            s.scalars(select(Variant.key).where(Variant.document_id.in_(ids), Variant.kind == "searchable"))
        )
    assert len(pdfs) == 3 and all(store.exists(k) for k in pdfs)
    used = [w.name for w in cluster.workers if "succeeded" in w.log.read_text(errors="replace")]
    assert len(used) == 2, cluster.logs()
