"""The embedded executor of the processing state machine, and dispatch.

The state machine itself (claims, leases, attempts, one ``finish_document``) is
``digitize.processing.machine``; it has two executors that run the same steps under the same rules:

* Celery (``DIGITIZE_BROKER_URL`` set): ``digitize.workers.tasks`` sends one message per step (intake, each
  page, compose), so the pages of one document spread over many machines;
* the embedded pool (the default, ``LocalPool`` here): one worker process per core, each running every step
  of one document after the other (``machine.run_document``), fed from the database by a polling thread.
  A worker process that dies leaves claims labelled with its pid: the pool ends their leases at once
  (``expire_dead_claims``) and the reaper gives the work back, counted as an attempt exactly as on Celery.

Dispatch is behind ``enqueue(doc_ids)``: with a broker the ids go to the dispatcher the adapter registered at
start (``register_dispatcher``: the API app and the CLI register ``digitize.workers.dispatch``; the core never
imports Celery or the adapters); otherwise this process's pool is poked, or a running ``digitize serve`` on
the same home picks them up, or a detached drain process (``python -m digitize.processing.executor drain``) is
started that works until nothing is left and exits.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import logging
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select, update

from digitize.config import Settings, get_settings
from digitize.pipeline.model import RecognizedPage
from digitize.processing import machine
from digitize.processing.machine import field_values, pid_alive
from digitize.store import db
from digitize.store.models import (
    FINISHED_STATES,
    PAGE_DONE,
    PROCESSING,
    RECEIVED,
    Document,
    Page,
    utcnow,
)

__all__ = ["field_values"]

log = logging.getLogger("digitize.processing.executor")

# Fields below this confidence are highlighted on the review page (the review decision itself is
# ``pipeline.fields.needs_review``: its REQUIRED_FIELDS, its threshold).
REVIEW_CONFIDENCE = 0.6

_pid_alive = pid_alive  # (used by services.stacks)


def process_document_by_id(document_id: str, *, settings: Settings | None = None) -> str:
    """Every step of one stored document in this process; its state afterwards. Idempotent."""
    return machine.run_document(document_id, settings or get_settings())


# --- results computed elsewhere (tests, imports) -------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A document's result computed outside the pipeline."""

    pages: tuple[RecognizedPage, ...]
    fields: dict[str, tuple[str | None, float | None]]
    needs_review: bool
    confidence: float | None


def claim(document_id: str, worker: str, settings: Settings | None = None) -> bool:
    """Take a received document for ``worker`` (received → processing), to store a result computed
    elsewhere."""
    settings = settings or get_settings()
    with db.session(settings) as s:
        res = s.execute(
            update(Document)
            .where(Document.id == document_id, Document.state == RECEIVED)
            .values(state=PROCESSING, claimed_by=worker, lease_until=None, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        return db.rows_changed(res) == 1


def finalize(document_id: str, worker: str, outcome: Outcome, searchable: None = None) -> str:
    """Store ``outcome`` for a document ``worker`` claimed: its pages, then the one final write
    (``machine.finish_document``). Returns the state ("lost" when the claim is not ``worker``'s)."""
    with db.session() as s:
        doc = s.get(Document, document_id, with_for_update=True)
        if doc is None or doc.state != PROCESSING or doc.claimed_by != worker:
            return "lost"
        for page in outcome.pages:
            s.add(
                Page(
                    document_id=doc.id,
                    index=page.index,
                    state=PAGE_DONE,
                    source=page.source,
                    text=page.text,
                    confidence=page.confidence,
                    rotation=page.rotation,
                    width=page.width,
                    height=page.height,
                )
            )
        s.flush()
        return machine.finish_document(
            s,
            doc,
            fields=outcome.fields,
            needs_review=outcome.needs_review,
            confidence=outcome.confidence,
            searchable=searchable,
            page_count=len(outcome.pages),
            actor=worker,
        )


def unfinished(document_ids: Sequence[str], settings: Settings | None = None) -> list[str]:
    settings = settings or get_settings()
    with db.session(settings) as s:
        return list(
            s.scalars(
                select(Document.id).where(
                    Document.id.in_(list(document_ids)), Document.state.not_in(list(FINISHED_STATES))
                )
            )
        )


# --- the embedded pool --------------------------------------------------------------------------


def _child_init(env: dict[str, str]) -> None:
    import signal

    # Ctrl-C in a terminal reaches the whole process group: the pool's parent decides when children stop
    # (after the running pages finish), so they ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(env)
    from digitize.config import reset_settings

    reset_settings()


def _child_run(document_id: str, compose_token: str | None = None) -> str:
    return machine.run_document(document_id, compose_token=compose_token)


def _child_warm() -> int:
    """Load the pipeline (and what it loads lazily: ``run.warm``) and open the database, so a long-running
    pool's first documents don't pay for it."""
    from digitize.pipeline import run

    # a missing tool or database is reported by the document itself; a broken warm-up is said in the log (the
    # worker still runs, cold)
    try:
        run.warm()
    except Exception:
        log.warning("worker warm-up failed; the worker runs cold", exc_info=True)
    with contextlib.suppress(Exception), db.session(get_settings()) as s:
        s.execute(select(Document.id).limit(1))
    return os.getpid()


class LocalPool:
    """The embedded executor: one worker process per core, fed from the database by a polling thread.

    It owns its processes: ``stop()`` stops taking work, lets the running documents finish within
    ``Settings.shutdown_grace_seconds``, then ends its worker processes (a process about to exit also ends
    multiprocessing's resource tracker: ``stop_resource_tracker``); what a stopped child held is given back
    at the next start.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        workers: int | None = None,
        poll_interval: float = 1.0,
        requeue_interval: float | None = None,
        warm: bool = False,
    ) -> None:
        self.settings = settings or get_settings()
        self.workers = max(1, workers or (os.cpu_count() or 1))
        self.warm = warm
        self.poll_interval = poll_interval
        self.requeue_interval = (
            self.settings.reaper_interval_seconds if requeue_interval is None else requeue_interval
        )
        env = {k: v for k, v in os.environ.items() if k.startswith("DIGITIZE_")}
        env["DIGITIZE_HOME"] = str(self.settings.home_dir)
        if self.settings.database_url:
            env["DIGITIZE_DATABASE_URL"] = self.settings.database_url
        if self.settings.storage_url:
            env["DIGITIZE_STORAGE_URL"] = self.settings.storage_url
        self._env = env
        self._executor = self._new_executor()
        self._inflight: dict[str, Future[str]] = {}
        self._composes: dict[str, str] = {}  # document id -> compose token the reaper handed out
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._sweep_now = threading.Event()
        self._thread: threading.Thread | None = None
        self._lockfile: TextIO | None = None

    def __enter__(self) -> LocalPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._lockfile = _hold_pool_lock(self.settings)
        self.sweep()  # what a previous run left half-done
        self._thread = threading.Thread(target=self._loop, name="digitize-pool", daemon=True)
        self._thread.start()

    def stop(self, wait: bool = True, *, grace: float | None = None) -> None:
        """Stop taking work; let running documents finish within ``grace`` seconds (default
        ``Settings.shutdown_grace_seconds``; none when ``wait`` is False), then end every child process."""
        from concurrent.futures import wait as wait_futures

        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        grace = (self.settings.shutdown_grace_seconds if wait else 0.0) if grace is None else grace
        with self._lock:
            running = list(self._inflight.values())
        if running and grace > 0:
            wait_futures(running, timeout=grace)
        self._end_children(self._executor)
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None

    @staticmethod
    def _end_children(executor: ProcessPoolExecutor) -> None:
        procs = list((getattr(executor, "_processes", None) or {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)
        # The executor's queues (five semaphores) go with its manager thread, which ends once the children
        # are gone: wait for it and collect them now, so their own finalizers unlink the semaphores. Left to
        # the process's exit, ``stop_resource_tracker`` ended the tracker first: it unlinked them as "leaked"
        # (a warning) and each finalizer then printed a FileNotFoundError traceback on every stop of serve.
        if manager is not None:
            manager.join(timeout=5)
        del manager
        gc.collect()

    def poke(self) -> None:
        """New work was stored: look now rather than at the next poll."""
        self._wake.set()

    def idle(self) -> bool:
        with self._lock:
            return not self._inflight

    def sweep(self) -> None:
        """Give back what dead processes held (theirs, at once; anyone's whose lease ran out) and take the
        compose steps nobody runs. The pool has no queue that could hold work: everything not in flight
        here is lost work (``reap`` with an empty queue)."""
        machine.expire_dead_claims(self.settings)
        reaped = machine.reap(0, self.settings)
        with self._lock:
            for doc_id, token in reaped.compose:
                self._composes[doc_id] = token

    def fill(self) -> int:
        """Submit runnable documents up to twice the pool size; returns how many were submitted."""
        broken = False
        with self._lock:
            for doc_id in [d for d, f in self._inflight.items() if f.done()]:
                future = self._inflight.pop(doc_id)
                exc = future.exception()
                if isinstance(exc, BrokenProcessPool):
                    broken = True
                elif exc is not None:  # transient (database away, a tool missing): tried again later
                    log.warning("document %s: %s", doc_id, exc)
            if broken:
                self._restart_executor()
            room = self.workers * 2 - len(self._inflight)
            exclude = list(self._inflight)
        if broken:  # a worker process died: what it held is given back now, not at the next sweep
            self.sweep()
        if room <= 0:
            return 0
        with self._lock:
            composes = [(d, t) for d, t in self._composes.items() if d not in self._inflight][:room]
            for doc_id, _ in composes:
                del self._composes[doc_id]
        ids = machine.runnable_documents(
            self.settings, limit=room - len(composes), exclude=exclude + [d for d, _ in composes]
        )
        work: list[tuple[str, str | None]] = [*composes, *((d, None) for d in ids)]
        with self._lock:
            for doc_id, token in work:
                try:
                    future = self._executor.submit(_child_run, doc_id, token)
                except BrokenProcessPool:
                    self._restart_executor()
                    future = self._executor.submit(_child_run, doc_id, token)
                # A finished document makes room: refill at once instead of at the next poll, so the
                # worker processes never sit idle while received documents wait.
                future.add_done_callback(self._on_done)
                self._inflight[doc_id] = future
        return len(work)

    def _on_done(self, _future: Future[str]) -> None:
        self._wake.set()

    def _new_executor(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_init,
            initargs=(self._env,),
        )
        # A spawn-context executor starts a process per submit while none is idle: documents already waiting
        # (``store --wait``, the drainer) start as many processes as there are documents, up to the pool's
        # size, and each loads what its first document needs. Only a long-running pool that waits for
        # documents (``digitize serve``: ``warm=True``) starts and warms every process now, so the first
        # documents it receives don't pay for the load (the same CPU, spent while idle; ~0.85 CPU s and
        # ~70 MB more per process).
        if self.warm:
            for _ in range(self.workers):
                executor.submit(_child_warm)
        return executor

    def _restart_executor(self) -> None:
        """A worker process died (killed, out of memory): the executor is unusable, start a new one."""
        log.warning("a worker process died; starting a new pool")
        old = self._executor
        self._executor = self._new_executor()
        # Every future of the old executor fails; the claims its processes held carry their dead pids and are
        # given back by the next sweep (counted as attempts, as on Celery).
        self._inflight.clear()
        self._end_children(old)

    def _loop(self) -> None:
        last_sweep = time.monotonic()
        while not self._stop.is_set():
            try:
                if time.monotonic() - last_sweep > self.requeue_interval:
                    self.sweep()
                    last_sweep = time.monotonic()
                self.fill()
            except Exception:  # the database may be briefly away: try again at the next poll
                log.exception("pool poll failed")
            self._wake.wait(self.poll_interval)
            self._wake.clear()

    def drain(
        self,
        document_ids: Sequence[str] | None = None,
        *,
        timeout: float | None = None,
        on_tick: Callable[[], None] | None = None,
    ) -> None:
        """Block until ``document_ids`` (default: every runnable document) are finished."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self.poke()
            if document_ids is not None:
                left = unfinished(document_ids, self.settings)
            else:
                left = machine.runnable_documents(self.settings, limit=1)
                if not left and not self.idle():
                    left = ["?"]
            if on_tick is not None:
                on_tick()
            if not left:
                return
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"{len(left)} documents still unfinished")
            time.sleep(0.3)


def stop_resource_tracker() -> None:
    """End multiprocessing's resource tracker process (started for the pool's queues), if it runs: for a
    process about to exit (``digitize serve`` stopping), after its pool stopped."""
    from multiprocessing import resource_tracker

    tracker = resource_tracker._resource_tracker
    stop = getattr(tracker, "_stop", None)
    with contextlib.suppress(Exception):
        if getattr(tracker, "_pid", None) is not None and stop is not None:
            stop()


# --- dispatch -----------------------------------------------------------------------------------

_current_pool: LocalPool | None = None


def poke_current_pool() -> None:
    """A document was just stored (more may follow): let this process's pool start on it now."""
    if _current_pool is not None:
        _current_pool.poke()


def set_current_pool(pool: LocalPool | None) -> None:
    """The pool of this process (``digitize serve``): ``enqueue`` pokes it instead of starting a drainer."""
    global _current_pool
    _current_pool = pool


def _pool_lock_path(settings: Settings) -> Path:
    return settings.home_dir / "pool.lock"


def _hold_pool_lock(settings: Settings) -> TextIO:
    path = _pool_lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a")  # noqa: SIM115 - held for the pool's lifetime
    fcntl.flock(fh, fcntl.LOCK_SH)
    return fh


def pool_running(settings: Settings | None = None) -> bool:
    """Whether some process on this home runs a pool (it will pick up received documents)."""
    settings = settings or get_settings()
    path = _pool_lock_path(settings)
    if not path.exists():
        return False
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


Dispatcher = Callable[[Sequence[str]], object]
_dispatcher: Dispatcher | None = None


def register_dispatcher(dispatcher: Dispatcher | None) -> None:
    """How ``enqueue`` hands documents to a broker (``DIGITIZE_BROKER_URL`` set): registered at start by the
    adapter that runs (the API app, the CLI), so the core never imports Celery."""
    global _dispatcher
    _dispatcher = dispatcher


def enqueue(document_ids: Sequence[str], settings: Settings | None = None) -> None:
    """Hand stored documents to the workers (Celery when a broker is configured, else the local pool)."""
    settings = settings or get_settings()
    if not document_ids:
        return
    if settings.uses_celery:
        if _dispatcher is None:
            raise RuntimeError(
                "DIGITIZE_BROKER_URL is set but no dispatcher is registered "
                "(processing.register_dispatcher(digitize.workers.dispatch.enqueue) at start)"
            )
        _dispatcher(list(document_ids))
        return
    if _current_pool is not None:
        _current_pool.poke()
        return
    if not pool_running(settings):
        start_drainer(settings)


def start_drainer(settings: Settings | None = None) -> int:
    """A detached process that processes every received document, then exits. Returns its pid."""
    settings = settings or get_settings()
    env = dict(os.environ)
    env["DIGITIZE_HOME"] = str(settings.home_dir)
    log_path = settings.home_dir / "drain.log"
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "digitize.processing.executor", "drain"],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            env=env,
            start_new_session=True,
        )
    return proc.pid


def drain(settings: Settings | None = None, workers: int | None = None) -> None:
    """Process every received document with a local pool, then return."""
    settings = settings or get_settings()
    with LocalPool(settings, workers=workers, poll_interval=0.5) as pool:
        pool.drain()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] != ["drain"]:
        print("usage: python -m digitize.processing.executor drain", file=sys.stderr)
        return 64
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        drain()
    stop_resource_tracker()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
