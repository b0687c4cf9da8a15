"""Celery workers vs the embedded pool: pages/minute with one and with two worker processes, and the
per-page overhead of the distributed path (queue round trips, page claims, page images through the object
store, a separate compose task) over the embedded pool on the same pages.

Everything is real and local: a fresh PostgreSQL database, a private redis-server, ``digitize worker``
processes, Tesseract. Each run gets documents of its own (new content, so nothing is deduplicated). Timing
starts when the documents are queued and ends when the last one is finished; worker start-up is excluded.

    python -m bench workers    # BENCH_WORKERS_DOCS=8 BENCH_WORKERS_PAGES=2 BENCH_WORKERS_ROUNDS=2 by default
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DOCS = int(os.environ.get("BENCH_WORKERS_DOCS", "8"))
PAGES = int(os.environ.get("BENCH_WORKERS_PAGES", "2"))
ROUNDS = int(os.environ.get("BENCH_WORKERS_ROUNDS", "2"))  # best of: the 2 cores are shared and noisy


def _wait(settings: object, ids: list[str], timeout: float = 900) -> None:
    from sqlalchemy import select

    from digitize.store import db
    from digitize.store.models import FINISHED_STATES, Document

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session(settings) as s:  # type: ignore[arg-type]
            states = list(s.scalars(select(Document.state).where(Document.id.in_(ids))))
        if len(states) == len(ids) and all(st in FINISHED_STATES for st in states):
            if "failed" in states:  # a figure over failed documents would mean nothing
                raise RuntimeError(f"{states.count('failed')} of {len(ids)} documents failed")
            return
        time.sleep(0.2)
    raise TimeoutError("documents unfinished")


def _ingest(root: Path, tag: str, settings: object) -> list[str]:
    from digitize.ingest import ingest_paths
    from tests.workers.harness import make_document

    src = root / tag
    src.mkdir()
    base = (abs(hash((tag, time.time()))) % 800_000) + 100_000
    files = [make_document(src / f"{i}.tif", base + i, PAGES) for i in range(DOCS)]
    return ingest_paths(files, batch_name=tag, settings=settings).document_ids  # type: ignore[arg-type]


def _timed(run: Callable[[list[str]], None], ids: list[str], settings: object) -> float:
    t0 = time.monotonic()
    run(ids)
    _wait(settings, ids)
    return time.monotonic() - t0


def main() -> None:
    from digitize.config import Settings, reset_settings
    from digitize.processing.executor import LocalPool
    from tests.support.databases import fresh_postgres_database
    from tests.workers import harness

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pages = DOCS * PAGES
    results: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds of the worker processes and their Tesseracts, start-up included
    idle: dict[str, float] = {}  # CPU seconds of starting and stopping one idle worker process
    with (
        tempfile.TemporaryDirectory(prefix="bench-workers-") as tmp_name,
        fresh_postgres_database("bench_workers") as pg_url,
    ):
        root = Path(tmp_name)
        home = root / "home"
        home.mkdir()
        redis = harness.RedisServer(root / "redis")
        redis.start()
        queue = harness.unique("benchq")
        env = harness.worker_env(database_url=pg_url, broker_url=redis.url, home=home, queue=queue)
        saved = {k: v for k, v in os.environ.items() if k.startswith("DIGITIZE_")}
        os.environ.update({k: v for k, v in env.items() if k.startswith("DIGITIZE_")})
        try:
            from digitize.processing.executor import enqueue, register_dispatcher
            from digitize.workers.dispatch import enqueue as send_to_celery

            register_dispatcher(send_to_celery)

            # CPU of starting and stopping one idle worker process of each kind (subtracted below)
            os.environ.pop("DIGITIZE_BROKER_URL", None)
            reset_settings()
            cpu0 = _children_cpu()  # an embedded pool process: a Python that imports the pipeline
            subprocess.run(
                [sys.executable, "-c", "import digitize.processing.executor, digitize.pipeline.run"],
                check=True,
            )
            idle["embedded"] = _children_cpu() - cpu0
            cpu0 = _children_cpu()
            idle_worker = harness.Worker(env, "idle", root / "idle.log")
            try:
                _wait_ready([idle_worker])
            finally:
                idle_worker.stop()
            idle["celery"] = _children_cpu() - cpu0

            for rnd in range(ROUNDS):
                # the embedded pool (no broker), one and two processes
                os.environ.pop("DIGITIZE_BROKER_URL", None)
                reset_settings()
                settings = Settings()
                for n in (1, 2):
                    ids = _ingest(root, f"embedded{n}-{rnd}", settings)
                    cpu0 = _children_cpu()
                    with LocalPool(settings, workers=n, poll_interval=0.2) as pool:
                        time.sleep(2)  # let the spawned processes import

                        def poke(_ids: list[str], pool: LocalPool = pool) -> None:
                            pool.poke()

                        _best(results, f"embedded x{n}", _timed(poke, ids, settings))
                    _best(cpu, f"embedded x{n}", _children_cpu() - cpu0)
                # Celery: one, then two worker processes (concurrency 1 each)
                os.environ["DIGITIZE_BROKER_URL"] = redis.url
                reset_settings()
                settings = Settings()
                for n in (1, 2):
                    cpu0 = _children_cpu()
                    workers = [
                        harness.Worker(env, f"bench{n}{i}{rnd}", root / f"w{n}{i}{rnd}.log") for i in range(n)
                    ]
                    try:
                        _wait_ready(workers)
                        ids = _ingest(root, f"celery{n}-{rnd}", settings)
                        send = lambda d, st=settings: enqueue(d, st)  # noqa: E731
                        _best(results, f"celery x{n}", _timed(send, ids, settings))
                    finally:
                        for w in workers:
                            w.stop()
                    _best(cpu, f"celery x{n}", _children_cpu() - cpu0)
        finally:
            for key in [k for k in os.environ if k.startswith("DIGITIZE_")]:
                del os.environ[key]
            os.environ.update(saved)
            reset_settings()
            redis.stop()
    print(
        f"{DOCS} documents x {PAGES} pages = {pages} pages (generated scans, PostgreSQL, Redis, Tesseract),"
        f" best of {ROUNDS}"
    )
    for name, secs in results.items():
        print(
            f"  {name:12s} {secs:6.1f} s   {pages / secs * 60:6.1f} pages/min   "
            f"CPU {cpu[name] / pages:5.2f} s/page"
        )
    over = (results["celery x1"] - results["embedded x1"]) / pages
    work_cpu = {k: cpu[f"{k} x1"] - idle[k] for k in ("embedded", "celery")}
    over_cpu = (work_cpu["celery"] - work_cpu["embedded"]) / pages
    print(
        f"  start-up + shutdown of one idle worker process: embedded {idle['embedded']:.2f} s CPU, "
        f"celery {idle['celery']:.2f} s CPU"
    )
    print(
        f"  per-page overhead of Celery over the embedded pool (1 process): CPU {over_cpu * 1000:+.0f} ms "
        f"(start-up excluded), wall {over * 1000:+.0f} ms (wall is noisy on shared cores)"
    )
    print(f"  speed-up with two Celery worker processes: x{results['celery x1'] / results['celery x2']:.2f}")


def _children_cpu() -> float:
    """User + system CPU seconds of every finished descendant process (workers, pools, Tesseract)."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return float(ru.ru_utime + ru.ru_stime)


def _best(results: dict[str, float], name: str, secs: float) -> None:
    results[name] = min(secs, results.get(name, secs))


def _wait_ready(workers: Sequence[Any], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all("ready." in w.log.read_text(errors="replace") for w in workers):
            return
        if any(w.proc.poll() is not None for w in workers):
            break
        time.sleep(0.2)
    tails = "\n".join(w.log.read_text(errors="replace")[-2000:] for w in workers)
    raise TimeoutError(f"workers did not start:\n{tails}")


if __name__ == "__main__":
    main()
