"""Processing stored documents: the OCR pipeline run on a document of the store, and the embedded worker pool.

``process_document_by_id(doc_id)`` claims the document (received → processing, a conditional UPDATE: two
callers never both win), loads its original from the object store, runs the pipeline, stores the searchable
PDF (content-addressed, recording the original it was derived from), the pages, the fields, the validity dates
and the final state (done | needs_review | failed with the reason), and re-indexes search, in one transaction
that only commits while the claim is still ours. Running it twice is harmless: a finished document is left as
it is.

Dispatch is behind ``enqueue(doc_ids)``: with ``DIGITIZE_BROKER_URL`` set the ids go to the dispatcher the
adapter registered at start (``register_dispatcher``: the API app and the CLI register ``workers.dispatch``;
the core never imports Celery or the adapters); otherwise the embedded
default's ``LocalPool`` (one worker process per core) picks them up. The database is the truth about state:
the pool polls it for ``received`` documents, and at start-up (and every 30 s) puts back to ``received`` what
a dead local process left in ``processing``, so ``digitize serve`` restarted mid-batch finishes the batch.

Without a running pool (``digitize ingest`` without ``--wait`` and no ``digitize serve``), ``enqueue``
starts a detached drain process (``python -m digitize.processing drain``) that works until nothing is left
and exits.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import or_, select, update

from digitize import __version__
from digitize.config import Settings, get_settings
from digitize.errors import DigitizeError, ServiceUnavailable
from digitize.pipeline.model import FIELD_NAMES, Extraction, RecognizedPage
from digitize.store import db
from digitize.store import search as search_mod
from digitize.store.models import (
    DONE,
    FAILED,
    FINISHED_STATES,
    NEEDS_REVIEW,
    PAGE_DONE,
    PROCESSING,
    RECEIVED,
    SEARCHABLE,
    Document,
    Page,
    Variant,
    utcnow,
)
from digitize.store.objects import get_object_store, sha256_file, variant_key
from digitize.store.service import audit, store_extracted_fields

log = logging.getLogger("digitize.processing")

LOCAL_PREFIX = "local:"
MAX_ATTEMPTS = 3
LEASE = timedelta(hours=2)
# Fields below this confidence are highlighted on the review page (the review decision itself is
# ``pipeline.extract.needs_review``: its REQUIRED_FIELDS, its threshold).
REVIEW_CONFIDENCE = 0.6

_SUFFIX = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}


def local_worker_id() -> str:
    return f"{LOCAL_PREFIX}{socket.gethostname()}:{os.getpid()}"


# --- the pipeline, as this module sees it -------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    pages: tuple[RecognizedPage, ...]
    fields: dict[str, tuple[str | None, float | None]]
    needs_review: bool
    confidence: float | None
    page_seconds: tuple[float | None, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)


def run_pipeline(src: Path, out_pdf: Path, settings: Settings) -> Outcome:
    """Run the OCR pipeline on one file: searchable PDF at ``out_pdf``, pages and fields returned."""
    from digitize.pipeline.extract import needs_review
    from digitize.pipeline.run import process_document

    t0 = time.monotonic()
    result = process_document(src, out_pdf, jobs=1)
    elapsed = time.monotonic() - t0
    pages = result.pages
    per = elapsed / len(pages) if pages else None
    return Outcome(
        pages,
        field_values(result.extraction),
        needs_review(result.extraction),
        result.confidence,
        tuple(per for _ in pages),
    )


def field_values(extraction: Extraction) -> dict[str, tuple[str | None, float | None]]:
    """Every field of FIELD_NAMES as (value, confidence), (None, None) when not found."""
    fields: dict[str, tuple[str | None, float | None]] = {}
    for name in FIELD_NAMES:
        f = extraction.fields.get(name)
        fields[name] = (f.value, f.confidence) if f is not None else (None, None)
    return fields


# --- claim / finish -----------------------------------------------------------------------------


def claim(document_id: str, worker: str, settings: Settings | None = None) -> bool:
    """received → processing for ``worker``; False when someone else has it or it is finished.

    A document claimed MAX_ATTEMPTS times without finishing (its worker died each time) is marked failed
    instead of being tried again.
    """
    settings = settings or get_settings()
    now = utcnow()
    with db.session(settings) as s:
        res = s.execute(
            update(Document)
            .where(Document.id == document_id, Document.attempts < MAX_ATTEMPTS)
            .where(
                or_(
                    Document.state == RECEIVED,
                    (Document.state == PROCESSING) & (Document.claimed_by == worker),
                )
            )
            .values(
                state=PROCESSING,
                claimed_by=worker,
                lease_until=now + LEASE,
                attempts=Document.attempts + 1,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if getattr(res, "rowcount", 0) == 1:
            return True
        res = s.execute(
            update(Document)
            .where(Document.id == document_id, Document.state == RECEIVED, Document.attempts >= MAX_ATTEMPTS)
            .values(
                state=FAILED,
                error_code="worker_crashed",
                error_message=(
                    f"Tiến trình xử lý dừng đột ngột {MAX_ATTEMPTS} lần với tài liệu này. "
                    f"(The worker process died {MAX_ATTEMPTS} times on this document.)"
                ),
                processed_at=now,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if getattr(res, "rowcount", 0) == 1:
            audit(s, worker, "document.fail", document_id, code="worker_crashed")
        return False


def _owned(s: Any, document_id: str, worker: str) -> Document | None:
    doc: Document | None = s.get(Document, document_id, with_for_update=True)
    if doc is None or doc.state != PROCESSING or doc.claimed_by != worker:
        return None
    return doc


def fail(document_id: str, worker: str, err: DigitizeError, settings: Settings | None = None) -> str:
    """Record a failure: transient ones go back to ``received`` until MAX_ATTEMPTS; others end ``failed``."""
    settings = settings or get_settings()
    with db.session(settings) as s:
        doc = _owned(s, document_id, worker)
        if doc is None:
            return "lost"
        if isinstance(err, ServiceUnavailable) and doc.attempts < MAX_ATTEMPTS:
            doc.state, doc.claimed_by, doc.lease_until = RECEIVED, None, None
            return RECEIVED
        doc.state = FAILED
        doc.error_code, doc.error_message = err.code, err.one_line()
        doc.claimed_by, doc.lease_until, doc.processed_at = None, None, utcnow()
        audit(s, worker, "document.fail", doc.id, code=err.code)
        return FAILED


def finalize(
    document_id: str,
    worker: str,
    outcome: Outcome,
    searchable: tuple[str, str, int] | None,
    settings: Settings | None = None,
) -> str:
    """Store the pipeline's results in one transaction, if the claim is still ours. Returns the state."""
    settings = settings or get_settings()
    with db.session(settings) as s:
        doc = _owned(s, document_id, worker)
        if doc is None:
            return "lost"
        existing = {p.index: p for p in s.scalars(select(Page).where(Page.document_id == doc.id))}
        for i, page in enumerate(outcome.pages):
            row = existing.pop(page.index, None)
            if row is None:
                row = Page(document_id=doc.id, index=page.index)
                s.add(row)
            row.state, row.source, row.text = PAGE_DONE, page.source, page.text
            row.confidence, row.rotation = page.confidence, page.rotation
            row.width, row.height = page.width, page.height
            row.error_code = row.error_message = None
            row.claimed_by, row.lease_until = None, None
            if i < len(outcome.page_seconds):
                row.seconds = outcome.page_seconds[i]
        for stale in existing.values():
            s.delete(stale)
        s.flush()
        if searchable is not None:
            key, sha, size = searchable
            if (
                s.scalar(
                    select(Variant.id).where(
                        Variant.document_id == doc.id, Variant.kind == SEARCHABLE, Variant.sha256 == sha
                    )
                )
                is None
            ):
                s.add(
                    Variant(
                        document_id=doc.id,
                        kind=SEARCHABLE,
                        key=key,
                        sha256=sha,
                        size=size,
                        media_type="application/pdf",
                        derived_from=doc.sha256,
                        created_by=worker,
                        detail={"pipeline_version": __version__},
                    )
                )
        store_extracted_fields(s, doc, outcome.fields)
        doc.page_count = len(outcome.pages)
        doc.ocr_confidence = outcome.confidence
        doc.pipeline_version = __version__
        doc.state = NEEDS_REVIEW if outcome.needs_review else DONE
        doc.error_code = doc.error_message = None
        doc.claimed_by, doc.lease_until, doc.processed_at = None, None, utcnow()
        search_mod.reindex(s, doc.id)
        audit(s, worker, "document.process", doc.id, state=doc.state, pages=doc.page_count)
        return doc.state


def process_document_by_id(
    document_id: str, *, worker: str | None = None, settings: Settings | None = None
) -> str:
    """Process one stored document; returns its state afterwards. Idempotent."""
    settings = settings or get_settings()
    worker = worker or local_worker_id()
    if not claim(document_id, worker, settings):
        with db.session(settings) as s:
            doc = s.get(Document, document_id)
            return doc.state if doc is not None else "missing"
    try:
        with db.session(settings) as s:
            doc = s.get(Document, document_id)
            assert doc is not None
            key, media_type = doc.original_key, doc.media_type
        objects = get_object_store(settings)
        with (
            tempfile.TemporaryDirectory(prefix="dgz-proc-") as tmp,
            objects.as_local_file(key, suffix=_SUFFIX.get(media_type, "")) as src,
        ):
            out_pdf = Path(tmp) / "searchable.pdf"
            outcome = run_pipeline(src, out_pdf, settings)
            searchable = None
            if out_pdf.is_file() and out_pdf.stat().st_size > 0:
                sha = sha256_file(out_pdf)
                skey = variant_key(SEARCHABLE, sha)
                objects.put_file(
                    skey,
                    out_pdf,
                    media_type="application/pdf",
                    metadata={"derived-from": _original_sha(document_id, settings)},
                )
                searchable = (skey, sha, out_pdf.stat().st_size)
        return finalize(document_id, worker, outcome, searchable, settings)
    except DigitizeError as err:
        return fail(document_id, worker, err, settings)
    except Exception as exc:  # one bad file never stops the others
        log.exception("processing %s failed", document_id)
        unexpected = DigitizeError(
            f"Lỗi không mong đợi khi xử lý: {exc}", f"Unexpected error while processing: {exc}"
        )
        return fail(document_id, worker, unexpected, settings)


def _original_sha(document_id: str, settings: Settings) -> str:
    with db.session(settings) as s:
        doc = s.get(Document, document_id)
        return doc.sha256 if doc else ""


# --- finding work -------------------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process nobody has reaped yet is a zombie: dead for our purposes
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def requeue_abandoned(settings: Settings | None = None) -> int:
    """Put back to ``received`` what a dead local process left in ``processing`` (or whose lease expired)."""
    settings = settings or get_settings()
    host = socket.gethostname()
    now = utcnow()
    n = 0
    with db.session(settings) as s:
        rows = s.execute(
            select(Document.id, Document.claimed_by, Document.lease_until).where(
                Document.state == PROCESSING, Document.claimed_by.like(f"{LOCAL_PREFIX}%")
            )
        ).all()
        for doc_id, claimed_by, lease_until in rows:
            _, _, rest = (claimed_by or "").partition(":")
            claimed_host, _, pid_text = rest.rpartition(":")
            dead = claimed_host == host and pid_text.isdigit() and not _pid_alive(int(pid_text))
            expired = lease_until is not None and _aware(lease_until) < now
            if not (dead or expired):
                continue
            res = s.execute(
                update(Document)
                .where(Document.id == doc_id, Document.state == PROCESSING, Document.claimed_by == claimed_by)
                .values(state=RECEIVED, claimed_by=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )
            n += int(getattr(res, "rowcount", 0) or 0)
    return n


def _aware(value: Any) -> Any:
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)


def pending_ids(settings: Settings | None = None, limit: int = 100, exclude: Sequence[str] = ()) -> list[str]:
    settings = settings or get_settings()
    with db.session(settings) as s:
        stmt = (
            select(Document.id).where(Document.state == RECEIVED).order_by(Document.created_at, Document.id)
        )
        if exclude:
            stmt = stmt.where(Document.id.not_in(list(exclude)))
        return list(s.scalars(stmt.limit(limit)))


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
    os.environ.update(env)
    from digitize.config import reset_settings

    reset_settings()


def _child_run(document_id: str) -> str:
    return process_document_by_id(document_id)


def _child_warm() -> int:
    """Load the pipeline (and what it loads lazily) so a batch's first documents don't pay for it."""
    import pikepdf  # noqa: F401

    from digitize.pipeline import compose, extract, preprocess, recognize, run  # noqa: F401
    from digitize.tools import tesseract

    with contextlib.suppress(Exception):  # a missing tool or database is reported by the document itself
        tesseract.probe()
        with db.session(get_settings()) as s:
            s.execute(select(Document.id).limit(1))
    return os.getpid()


class LocalPool:
    """One worker process per core, fed from the database by a polling thread."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        workers: int | None = None,
        poll_interval: float = 1.0,
        requeue_interval: float = 30.0,
    ) -> None:
        self.settings = settings or get_settings()
        self.workers = max(1, workers or (os.cpu_count() or 1))
        self.poll_interval = poll_interval
        self.requeue_interval = requeue_interval
        env = {k: v for k, v in os.environ.items() if k.startswith("DIGITIZE_")}
        env["DIGITIZE_HOME"] = str(self.settings.home_dir)
        if self.settings.database_url:
            env["DIGITIZE_DATABASE_URL"] = self.settings.database_url
        if self.settings.storage_url:
            env["DIGITIZE_STORAGE_URL"] = self.settings.storage_url
        self._env = env
        self._executor = self._new_executor()
        self._inflight: dict[str, Future[str]] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lockfile: TextIO | None = None

    def __enter__(self) -> LocalPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._lockfile = _hold_pool_lock(self.settings)
        requeue_abandoned(self.settings)
        self._thread = threading.Thread(target=self._loop, name="digitize-pool", daemon=True)
        self._thread.start()

    def stop(self, wait: bool = True) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._executor.shutdown(wait=wait, cancel_futures=True)
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None

    def poke(self) -> None:
        """New work was stored: look now rather than at the next poll."""
        self._wake.set()

    def idle(self) -> bool:
        with self._lock:
            return not self._inflight

    def fill(self) -> int:
        """Submit received documents up to twice the pool size; returns how many were submitted."""
        broken = False
        with self._lock:
            for doc_id in [d for d, f in self._inflight.items() if f.done()]:
                future = self._inflight.pop(doc_id)
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
            if broken:
                self._restart_executor()
            room = self.workers * 2 - len(self._inflight)
            exclude = list(self._inflight)
        if broken:  # a worker process died: what it held is re-queued now, not at the next sweep
            requeue_abandoned(self.settings)
        if room <= 0:
            return 0
        ids = pending_ids(self.settings, limit=room, exclude=exclude)
        with self._lock:
            for doc_id in ids:
                try:
                    future = self._executor.submit(_child_run, doc_id)
                except BrokenProcessPool:
                    self._restart_executor()
                    future = self._executor.submit(_child_run, doc_id)
                # A finished document makes room: refill at once instead of at the next poll, so the
                # worker processes never sit idle while received documents wait.
                future.add_done_callback(self._on_done)
                self._inflight[doc_id] = future
        return len(ids)

    def _on_done(self, _future: Future[str]) -> None:
        self._wake.set()

    def _new_executor(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_init,
            initargs=(self._env,),
        )
        # A spawn-context executor starts its processes one submit at a time, each then importing the
        # pipeline on its first document: start and warm them all now, so the first documents of a batch
        # use every core at once instead of waiting ~1 s for a fresh interpreter.
        for _ in range(self.workers):
            executor.submit(_child_warm)
        return executor

    def _restart_executor(self) -> None:
        """A worker process died (killed, out of memory): the executor is unusable, start a new one."""
        log.warning("a worker process died; starting a new pool")
        old = self._executor
        self._executor = self._new_executor()
        # Every future of the old executor fails; their documents are still received, or processing under a
        # dead pid (re-queued by requeue_abandoned), so the next fill() submits them again.
        self._inflight.clear()
        old.shutdown(wait=False, cancel_futures=True)

    def _loop(self) -> None:
        last_requeue = 0.0
        while not self._stop.is_set():
            try:
                if time.monotonic() - last_requeue > self.requeue_interval:
                    requeue_abandoned(self.settings)
                    last_requeue = time.monotonic()
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
        """Block until ``document_ids`` (default: every received document) are finished."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self.poke()
            if document_ids is not None:
                left = unfinished(document_ids, self.settings)
            else:
                left = pending_ids(self.settings, limit=1)
                if not left and not self.idle():
                    left = ["?"]
            if on_tick is not None:
                on_tick()
            if not left:
                return
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"{len(left)} documents still unfinished")
            time.sleep(0.3)


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
                "(processing.register_dispatcher(workers.dispatch.enqueue) at start)"
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
            [sys.executable, "-m", "digitize.processing", "drain"],
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
        print("usage: python -m digitize.processing drain", file=sys.stderr)
        return 64
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        drain()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
