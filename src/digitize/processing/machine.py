"""Distributed processing, core side: claim, complete and fail work with idempotent SQL (no Celery here).

The database is the truth about state; a queue message only says "look at this". Every step below can run
twice, on two machines at once, and still store once:

* ``prepare_document``: the intake of a document (its pages listed, one ``pages`` row each); returns the
  pages still to do. Guarded by the document's lease (``documents.claimed_by``/``lease_until``).
* ``claim_page`` → ``complete_page`` | ``fail_page`` | ``release_page``: one page. The claim increments
  ``pages.attempts`` *before* the work starts, so a page that keeps killing its worker is marked failed after
  ``Settings.page_max_attempts`` claims and its document goes on without it. Completing is a conditional
  UPDATE (``state = 'pending'``): the first result stored wins, a second run stores nothing.
  ``give_back_cancelled``: a run the worker itself ended (Celery, on a lost broker connection) is refunded,
  a bounded number of times (``pages.cancels``), and its lease ends at once.
* ``start_compose``: when no page of a document is pending any more, exactly one caller (a conditional
  UPDATE on the document row, under the row lock) queues the compose step under its token;
  ``begin_compose`` takes the lease when that task starts, and ``compose_document`` composes, extracts
  and finalizes in one transaction that commits only while the token still holds the document.
* ``Lease``: while a step runs a thread extends its lease; a step whose process died stops extending it.
* ``reap``: finds expired leases (and work a lost queue forgot) and says what to send again; run by
  every worker every ``Settings.reaper_interval_seconds``.

The task layer (``src/digitize/workers/tasks.py``) only calls these functions and sends the ids they return.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Update, and_, exists, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.errors import DigitizeError, ServiceUnavailable, ToolMissing
from digitize.pipeline.model import FIELD_NAMES, Extraction, RecognizedPage
from digitize.store import db
from digitize.store.models import (
    DONE,
    FAILED,
    NEEDS_REVIEW,
    PAGE_DONE,
    PAGE_FAILED,
    PAGE_PENDING,
    PROCESSING,
    RECEIVED,
    Document,
    Page,
    utcnow,
)

if TYPE_CHECKING:
    from digitize.pipeline.intake import Intake

log = logging.getLogger("digitize.processing.machine")

COMPOSE_PREFIX = "compose:"
PREPARE_PREFIX = "prepare:"


def worker_identity(pid: int | None = None) -> str:
    """host:pid of this process, or of process ``pid`` of this machine (recorded with every claim)."""
    return f"{socket.gethostname()}:{os.getpid() if pid is None else pid}"


def claim_label(token: str, pid: int | None = None) -> str:
    """What a claim records: the token and the process holding it (this one, or ``pid`` of this machine).
    A redelivered message keeps its token; the label tells the runs apart."""
    return f"{token} {worker_identity(pid)}"[:200]


def _owned_by(column: Any, token: str) -> Any:
    return or_(column == token, column.like(f"{token} %"))


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, ServiceUnavailable | OperationalError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def after_fork() -> None:
    """In a freshly forked worker process: drop connections inherited from the parent."""
    from digitize.store import db as _db

    with _db._lock:
        for key in list(_db._engines):
            if key[0] != os.getpid():
                _db._engines[key].dispose(close=False)
                del _db._engines[key]


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    """A store session; connection failures become ServiceUnavailable (transient)."""
    try:
        with db.session(settings) as s:
            yield s
    except OperationalError as exc:
        raise ServiceUnavailable(
            "Không kết nối được cơ sở dữ liệu.", "The database is unreachable.", reason=str(exc.orig)
        ) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise ServiceUnavailable(
                "Mất kết nối cơ sở dữ liệu.", "The database connection was lost.", reason=str(exc.orig)
            ) from exc
        raise


def _lease(settings: Settings) -> datetime:
    return utcnow() + timedelta(seconds=settings.worker_stale_seconds)


def _won(stmt: Update, settings: Settings) -> bool:
    """Run one conditional UPDATE in its own transaction: True when it changed the row (the step was won),
    False when the condition no longer held (done already, or another holder has it)."""
    with _session(settings) as s:
        return db.rows_changed(s.execute(stmt)) == 1


def _page_held(page_id: int, token: str) -> tuple[Any, ...]:
    """The page is still pending and ``token`` holds its claim."""
    return (Page.id == page_id, Page.state == PAGE_PENDING, _owned_by(Page.claimed_by, token))


def _failure(code: str, message_vi: str, message_en: str | None) -> dict[str, Any]:
    """The columns a failure writes on a page or a document: its code and one line (Vietnamese first), the
    claim let go."""
    message = message_vi if not message_en or message_en == message_vi else f"{message_vi} ({message_en})"
    return {
        "error_code": code[:64],
        "error_message": message,
        "claimed_by": None,
        "lease_until": None,
        "updated_at": utcnow(),
    }


# --- documents: intake (pages listed) --------------------------------------------------------------
@dataclass(frozen=True)
class Prepared:
    document_id: str
    state: str  # the document's state after this call
    pending_pages: tuple[int, ...] = ()  # page ids still to do (send one page task each)
    compose: bool = False  # no page pending: compose now (the caller got the compose lease)
    compose_token: str | None = None


def prepare_document(document_id: str, token: str, settings: Settings | None = None) -> Prepared:
    """List the pages of a received document (idempotent): one ``pages`` row per page, all pending.

    A document already listed just returns its pending pages. A file the intake refuses marks the
    document failed with the reason (the batch goes on).
    """
    settings = settings or get_settings()
    label = PREPARE_PREFIX + claim_label(token)
    now = utcnow()
    with _session(settings) as s:
        got = s.execute(
            update(Document)
            .where(
                Document.id == document_id,
                or_(
                    Document.state == RECEIVED,
                    and_(
                        Document.state == PROCESSING,
                        Document.page_count.is_(None),
                        or_(
                            Document.claimed_by.is_(None),
                            Document.lease_until < now,
                            _owned_by(Document.claimed_by, PREPARE_PREFIX + token),
                        ),
                    ),
                ),
            )
            .values(
                state=PROCESSING,
                claimed_by=label,
                lease_until=_lease(settings),
                attempts=Document.attempts + 1,
                updated_at=now,
            )
            .returning(Document.attempts, Document.original_key)
        ).first()
    if got is None:
        return _listed(document_id, settings)
    attempts, original_key = int(got[0]), str(got[1])
    if attempts > settings.page_max_attempts:
        _finish_failed(
            document_id,
            "too_many_attempts",
            _gave_up_vi(attempts - 1),
            _gave_up_en(attempts - 1),
            settings,
            owner=PREPARE_PREFIX + token,
        )
        return Prepared(document_id, FAILED)
    try:
        with _heartbeat_document(document_id, PREPARE_PREFIX + token, settings):
            count = _count_pages(original_key, settings)
    except (ServiceUnavailable, ToolMissing):
        raise  # not the file's fault: tried again later
    except DigitizeError as err:  # refused or unreadable: the document fails with the reason
        _finish_failed(
            document_id, err.code, err.message_vi, err.message_en, settings, owner=PREPARE_PREFIX + token
        )
        return Prepared(document_id, FAILED)
    with _session(settings) as s:
        have = set(s.scalars(select(Page.index).where(Page.document_id == document_id)))
        missing = [i for i in range(count) if i not in have]
        if missing:
            s.execute(
                insert(Page),
                [
                    {
                        "document_id": document_id,
                        "index": i,
                        "state": PAGE_PENDING,
                        "attempts": 0,
                        "updated_at": now,
                    }
                    for i in missing
                ],
            )
        done = s.execute(
            update(Document)
            .where(Document.id == document_id, _owned_by(Document.claimed_by, PREPARE_PREFIX + token))
            .values(
                page_count=count,
                second_pass_seconds=0.0,
                claimed_by=None,
                lease_until=None,
                updated_at=utcnow(),
            )
        )
        if db.rows_changed(done) != 1:  # our lease was taken over: let the other one finish it
            s.rollback()
            return _listed(document_id, settings)
    return _listed(document_id, settings)


def _listed(document_id: str, settings: Settings) -> Prepared:
    with _session(settings) as s:
        doc = s.get(Document, document_id)
        if doc is None:
            return Prepared(document_id, "missing")
        state = doc.state
        if state != PROCESSING or doc.page_count is None:
            return Prepared(document_id, state)
        pending = tuple(
            s.scalars(
                select(Page.id)
                .where(Page.document_id == document_id, Page.state == PAGE_PENDING)
                .order_by(Page.index)
            )
        )
    if pending:
        return Prepared(document_id, state, pending)
    token = new_token()
    if start_compose(document_id, token, settings):
        return Prepared(document_id, state, (), True, token)
    return Prepared(document_id, state)


def _count_pages(original_key: str, settings: Settings) -> int:
    with local_original(original_key, settings) as path:
        return _inspect(original_key, path, settings).page_count


_intakes: dict[tuple[str, str], Intake] = {}


def _inspect(original_key: str, path: Path, settings: Settings) -> Intake:
    """``intake.inspect`` of an original, remembered for the next pages of the same document in this process
    (originals are write-once and content-addressed: the answer never changes)."""
    from digitize.pipeline.intake import inspect

    key = (original_key, str(path))
    info = _intakes.get(key)
    if info is None:
        info = inspect(path, settings)
        if len(_intakes) >= 8:
            _intakes.pop(next(iter(_intakes)))
        _intakes[key] = info
    return info


_cache_lock = threading.Lock()


@contextmanager
def local_original(original_key: str, settings: Settings) -> Iterator[Path]:
    """The original as a local file: the object store's own file, or a per-worker cached download.

    Originals are write-once and content-addressed, so a cached copy never goes stale.
    """
    from digitize.store.objects import get_object_store

    store = get_object_store(settings)
    local = store.local_path(original_key)
    if local is not None:
        yield local
        return
    cache = settings.home_dir / "cache" / "originals"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / original_key.replace("/", "_")
    if target.exists():
        with suppress(OSError):
            os.utime(target)  # recently used: kept by the pruning below
    else:
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
        with store.open(original_key) as src, tmp.open("wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        os.replace(tmp, target)
        _prune_cache(cache)
    yield target


CACHE_MAX_FILES = 256
CACHE_MAX_AGE_SECONDS = 3600.0


def _prune_cache(cache: Path) -> None:
    """Keep the download cache small: the newest ``CACHE_MAX_FILES`` originals used within the hour.

    A file removed while another process reads it stays readable for that process (POSIX), and is
    simply downloaded again when needed.
    """
    with suppress(OSError):
        now = time.time()
        entries = sorted(((p.stat().st_mtime, p) for p in cache.iterdir() if p.is_file()), reverse=True)
        for path in [p for m, p in entries if p.name.endswith(".part") and now - m > CACHE_MAX_AGE_SECONDS]:
            with suppress(OSError):
                path.unlink()  # a download that died half-way
        done = [(m, p) for m, p in entries if not p.name.endswith(".part")]
        for n, (mtime, path) in enumerate(done):
            if n >= CACHE_MAX_FILES or now - mtime > CACHE_MAX_AGE_SECONDS:
                with suppress(OSError):
                    path.unlink()


# --- pages ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageClaim:
    page_id: int
    document_id: str
    index: int
    attempts: int
    token: str


def new_token() -> str:
    import uuid

    return uuid.uuid4().hex


def claim_page(
    page_id: int, token: str, *, refund: bool = False, settings: Settings | None = None
) -> PageClaim | None:
    """Take page ``page_id`` for the holder of ``token``; None when there is nothing to do.

    Nothing to do: the page is done or failed, or another live worker holds it. ``attempts`` is
    incremented before any work (``refund`` after a transient error of this same token: not counted
    again). A page claimed more than ``page_max_attempts`` times is marked failed instead, and its
    document goes on.
    """
    settings = settings or get_settings()
    now = utcnow()
    with _session(settings) as s:
        got = s.execute(
            update(Page)
            .where(
                Page.id == page_id,
                Page.state == PAGE_PENDING,
                or_(Page.claimed_by.is_(None), Page.lease_until < now, _owned_by(Page.claimed_by, token)),
            )
            .values(
                claimed_by=claim_label(token),
                lease_until=_lease(settings),
                attempts=Page.attempts + (0 if refund else 1),
                updated_at=now,
            )
            .returning(Page.attempts, Page.document_id, Page.index)
        ).first()
    if got is None:
        return None
    attempts, document_id, index = int(got[0]), str(got[1]), int(got[2])
    if attempts > settings.page_max_attempts:
        fail_page(
            page_id,
            token,
            "too_many_attempts",
            _gave_up_vi(attempts - 1),
            _gave_up_en(attempts - 1),
            settings=settings,
        )
        return None
    return PageClaim(page_id, document_id, index, attempts, token)


def _gave_up_vi(n: int) -> str:
    return f"Việc xử lý làm dừng tiến trình {n} lần liên tiếp; đã bỏ qua."


def _gave_up_en(n: int) -> str:
    return f"The work stopped its worker {n} times in a row; given up."


def complete_page(claim: PageClaim, values: dict[str, Any], settings: Settings | None = None) -> bool:
    """Store a page's result once: True if this call stored it, False if it was already stored."""
    return _won(
        update(Page)
        .where(Page.id == claim.page_id, Page.state == PAGE_PENDING)
        .values(
            **values,
            state=PAGE_DONE,
            claimed_by=None,
            lease_until=None,
            error_code=None,
            error_message=None,
            updated_at=utcnow(),
        ),
        settings or get_settings(),
    )


def fail_page(
    page_id: int,
    token: str,
    code: str,
    message_vi: str,
    message_en: str | None = None,
    *,
    settings: Settings | None = None,
) -> bool:
    """Mark a page failed with the reason (its document goes on); True if this call did it."""
    return _won(
        update(Page)
        .where(Page.id == page_id, Page.state == PAGE_PENDING)
        .values(state=PAGE_FAILED, **_failure(code, message_vi, message_en)),
        settings or get_settings(),
    )


def release_page(page_id: int, token: str, settings: Settings | None = None) -> bool:
    """Give a claimed page back after a transient error (not counted as an attempt). True if this call gave
    it back; False if the database is away (the claim stays, counted) or ``token`` no longer holds the page
    (done, failed, or its claim taken back by the reaper): nothing was refunded."""
    settings = settings or get_settings()
    try:
        return _won(
            update(Page)
            .where(*_page_held(page_id, token))
            .values(claimed_by=None, lease_until=None, attempts=Page.attempts - 1, updated_at=utcnow()),
            settings,
        )
    except ServiceUnavailable:
        return False


def give_back_cancelled(page_id: int, label: str, settings: Settings | None = None) -> str | None:
    """The run holding the claim ``label`` (exactly: token *and* process, see ``claim_label``) was ended from
    outside, by its worker (Celery cancels the running tasks when it loses the broker connection): the page
    did nothing wrong.

    Its lease ends now and the claim stays, so the next reaper pass drops it and resends the page whatever
    the queue holds (the cancelled message itself may sit unacknowledged in the broker for its visibility
    timeout). The attempt is refunded while the page has had fewer than ``page_max_attempts`` refunds
    (``pages.cancels``): a page whose run brings its worker's broker connection down every time still ends
    failed, after at most twice ``page_max_attempts`` claims. Nothing is done when the claim is no longer
    exactly ``label``: the message redelivered to another worker (same token) holds it now.

    Returns "refunded", "counted" (over the cap: the lease ended, the attempt stays counted) or None (the
    claim is not ``label``'s any more)."""
    settings = settings or get_settings()
    now = utcnow()
    held = (Page.id == page_id, Page.state == PAGE_PENDING, Page.claimed_by == label)
    ended = {"lease_until": now - timedelta(seconds=1), "updated_at": now}
    with _session(settings) as s:
        refund = (
            update(Page)
            .where(*held, Page.cancels < settings.page_max_attempts, Page.attempts > 0)
            .values(attempts=Page.attempts - 1, cancels=Page.cancels + 1, **ended)
        )
        if db.rows_changed(s.execute(refund)) == 1:
            return "refunded"
        if db.rows_changed(s.execute(update(Page).where(*held).values(**ended))) == 1:
            return "counted"
    return None


def drop_claim(page_id: int, token: str, settings: Settings | None = None) -> None:
    """Give a claimed page back, the attempt counted (it ran out of time)."""
    settings = settings or get_settings()
    with suppress(ServiceUnavailable), _session(settings) as s:
        s.execute(
            update(Page)
            .where(*_page_held(page_id, token))
            .values(claimed_by=None, lease_until=None, updated_at=utcnow())
        )


def document_of_page(page_id: int, settings: Settings | None = None) -> str | None:
    settings = settings or get_settings()
    with _session(settings) as s:
        return s.scalar(select(Page.document_id).where(Page.id == page_id))


# --- documents: compose ---------------------------------------------------------------------------
def start_compose(document_id: str, token: str, settings: Settings | None = None) -> bool:
    """True for exactly one caller once no page of the document is pending: the document is marked
    "compose queued" for ``token`` (no lease yet: the compose message may wait behind a long queue; the
    lease starts when the task does, ``begin_compose``).

    One conditional UPDATE of the document row: under concurrent callers PostgreSQL re-checks the
    condition on the row after the first one's commit, so the second one updates nothing.
    """
    pending = exists().where(Page.document_id == document_id, Page.state == PAGE_PENDING)
    return _won(
        update(Document)
        .where(
            Document.id == document_id,
            Document.state == PROCESSING,
            Document.page_count.is_not(None),
            Document.claimed_by.is_(None),
            ~pending,
        )
        .values(claimed_by=COMPOSE_PREFIX + claim_label(token), lease_until=None, updated_at=utcnow()),
        settings or get_settings(),
    )


def begin_compose(document_id: str, token: str, settings: Settings | None = None) -> bool:
    """The compose task starts: take the lease (counted as an attempt); False if ``token`` lost it."""
    settings = settings or get_settings()
    return _won(
        update(Document)
        .where(*_document_held(document_id, COMPOSE_PREFIX + token))
        .values(lease_until=_lease(settings), attempts=Document.attempts + 1, updated_at=utcnow()),
        settings,
    )


def fail_compose(
    document_id: str,
    token: str,
    code: str,
    message_vi: str,
    message_en: str,
    settings: Settings | None = None,
) -> bool:
    """The compose step failed for good (not a transient error): the document ends failed with the reason."""
    return _finish_failed(
        document_id, code, message_vi, message_en, settings or get_settings(), owner=COMPOSE_PREFIX + token
    )


def holds_compose(document_id: str, token: str, settings: Settings | None = None) -> bool:
    settings = settings or get_settings()
    with _session(settings) as s:
        owner = s.scalar(select(Document.id).where(*_document_held(document_id, COMPOSE_PREFIX + token)))
        return owner is not None


def _document_held(document_id: str, owner: str) -> tuple[Any, ...]:
    """The document is still processing and ``owner`` (a prepare or compose label) holds it."""
    return (Document.id == document_id, Document.state == PROCESSING, _owned_by(Document.claimed_by, owner))


def _finish_failed(
    document_id: str, code: str, message_vi: str, message_en: str, settings: Settings, *, owner: str
) -> bool:
    return _won(
        update(Document)
        .where(*_document_held(document_id, owner))
        .values(state=FAILED, processed_at=utcnow(), **_failure(code, message_vi, message_en)),
        settings,
    )


# --- leases ----------------------------------------------------------------------------------------
class Lease:
    """Extends a lease every ``worker_heartbeat_seconds`` in a thread while a step runs."""

    def __init__(self, extend: Callable[[], bool], settings: Settings) -> None:
        self._extend = extend
        self._interval = max(0.2, settings.worker_heartbeat_seconds)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="digitize-lease", daemon=True)
        self.lost = False

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not self._extend():
                    self.lost = True
                    return
            except Exception as exc:  # the database is away for a moment: try again next beat
                log.warning("lease not extended: %s", exc)

    def __enter__(self) -> Lease:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def _heartbeat_page(page_id: int, token: str, settings: Settings) -> Lease:
    return Lease(
        lambda: _won(
            update(Page).where(*_page_held(page_id, token)).values(lease_until=_lease(settings)), settings
        ),
        settings,
    )


def _heartbeat_document(document_id: str, owner: str, settings: Settings) -> Lease:
    return Lease(
        lambda: _won(
            update(Document)
            .where(Document.id == document_id, _owned_by(Document.claimed_by, owner))
            .values(lease_until=_lease(settings)),
            settings,
        ),
        settings,
    )


def page_lease(claim: PageClaim, settings: Settings | None = None) -> Lease:
    return _heartbeat_page(claim.page_id, claim.token, settings or get_settings())


def compose_lease(document_id: str, token: str, settings: Settings | None = None) -> Lease:
    return _heartbeat_document(document_id, COMPOSE_PREFIX + token, settings or get_settings())


# --- the stage functions, as tasks run them ----------------------------------------------------------
def page_image_key(document_id: str, index: int, sha256: str) -> str:
    """Where the upright colour JPEG of an OCR'd page waits for the compose step (write-once; per document,
    so removing a composed document's page images never touches another document's)."""
    return f"pages/{document_id}/{index:05d}-{sha256[:16]}"


def _words_data(page: RecognizedPage) -> list[list[Any]]:
    return [
        [w.text, w.conf, w.box.x0, w.box.y0, w.box.x1, w.box.y1, w.block, w.line, w.read] for w in page.words
    ]


def page_values(
    page: RecognizedPage, *, seconds: float, image_key: str | None, width_pt: float, height_pt: float
) -> dict[str, Any]:
    """The ``pages`` row of a recognized page (words with boxes kept in ``data`` for composing later)."""
    return {
        "source": page.source,
        "text": page.text,
        "confidence": page.confidence,
        "rotation": page.rotation,
        "width": page.width,
        "height": page.height,
        "seconds": seconds,
        "data": {
            "words": _words_data(page),
            "skew": page.skew,
            "dpi": page.dpi,
            "blurred": page.blurred,
            "image_key": image_key,
            "width_pt": width_pt,
            "height_pt": height_pt,
        },
    }


def recognized_from_row(row: Page) -> RecognizedPage:
    from digitize.pipeline.model import Box, Word

    data = row.data or {}
    words = tuple(
        Word(
            text=str(w[0]),
            conf=float(w[1]),
            box=Box(float(w[2]), float(w[3]), float(w[4]), float(w[5])),
            block=int(w[6]),
            line=int(w[7]),
            read=str(w[8]) if len(w) > 8 else "",  # rows stored before the corrected words' readings
        )
        for w in data.get("words", [])
    )
    return RecognizedPage(
        index=row.index,
        source="text" if row.source == "text" else "ocr",
        width=float(row.width or 0.0),
        height=float(row.height or 0.0),
        text=row.text or "",
        words=words,
        confidence=row.confidence,
        rotation=int(row.rotation or 0),
        skew=float(data.get("skew", 0.0)),
        dpi=float(data.get("dpi", 300.0)),
        blurred=bool(data.get("blurred", False)),
    )


def _original_of(document_id: str, settings: Settings) -> tuple[str, str]:
    with _session(settings) as s:
        stmt = select(Document.original_key, Document.sha256).where(Document.id == document_id)
        row = s.execute(stmt).one()
        return str(row[0]), str(row[1])


@dataclass(frozen=True)
class DocumentTally:
    """A document's budget for its pages' second readings (``pipeline.budget``), its tally the document row's
    ``second_pass_seconds``: shared by every page task of the document, whichever worker runs it. Each spend
    is one atomic ``x = x + d``; pages running at once may each start a pass with what was left, so the sum
    can pass the budget by at most one pass per page running at that moment. The database away raises
    ``ServiceUnavailable``: the page is tried again later, as when its result cannot be stored."""

    document_id: str
    seconds: float
    settings: Settings

    def left(self) -> float:
        with _session(self.settings) as s:
            spent = s.scalar(select(Document.second_pass_seconds).where(Document.id == self.document_id))
        return self.seconds - float(spent or 0.0)

    def spend(self, seconds: float) -> None:
        with _session(self.settings) as s:
            s.execute(
                update(Document)
                .where(Document.id == self.document_id)
                .values(
                    second_pass_seconds=Document.second_pass_seconds + max(0.0, seconds),
                    updated_at=Document.updated_at,  # bookkeeping, not a change of the record
                )
            )


def run_page(claim: PageClaim, settings: Settings | None = None) -> bool:
    """Preprocess + recognize one claimed page (``pipeline.run.process_page``, as the embedded pool does) and
    store it once. True if this call stored the result."""
    import tempfile

    from digitize.pipeline import intake
    from digitize.pipeline.run import process_page
    from digitize.store.objects import get_object_store, sha256_file

    settings = settings or get_settings()
    original_key, _ = _original_of(claim.document_id, settings)
    t0 = time.monotonic()
    with local_original(original_key, settings) as path:
        info = _inspect(original_key, path, settings)
        if claim.index >= info.page_count:
            fail_page(
                claim.page_id,
                claim.token,
                "bad_input",
                "Trang không tồn tại trong tệp gốc.",
                "The page does not exist in the original.",
                settings=settings,
            )
            return False
        src = info.pages[claim.index]
        image_key: str | None = None
        if src.needs_ocr:
            with tempfile.TemporaryDirectory(prefix="dgz-page-") as tmp:
                jpeg = Path(tmp) / "page.jpg"
                budget = DocumentTally(claim.document_id, settings.ocr_second_pass_seconds, settings)
                page = process_page(src, jpeg, lang=settings.ocr_languages, budget=budget)
                image_key = page_image_key(claim.document_id, claim.index, sha256_file(jpeg))
                get_object_store(settings).put_file(image_key, jpeg, media_type="image/jpeg")
            dpi = page.dpi or src.dpi
            width_pt, height_pt = page.width / dpi * 72.0, page.height / dpi * 72.0
        else:
            page = intake.read_text_pages(path, [src])[0]
            width_pt, height_pt = src.width_pt, src.height_pt
    values = page_values(
        page, seconds=time.monotonic() - t0, image_key=image_key, width_pt=width_pt, height_pt=height_pt
    )
    return complete_page(claim, values, settings)


@dataclass(frozen=True)
class SearchableCopy:
    """The searchable PDF/A of a document, stored in the object store."""

    key: str
    sha256: str
    size: int
    derived_from: str  # sha256 of the original


def finish_document(
    s: Any,
    doc: Document,
    *,
    fields: dict[str, tuple[str | None, float | None]],
    needs_review: bool,
    confidence: float | None,
    searchable: SearchableCopy | None,
    failed_pages: Sequence[tuple[int, str | None]] = (),
    page_count: int,
    actor: str,
) -> str:
    """The one final write of a processed document, inside the caller's transaction (which holds the row and
    has checked the claim): searchable variant (once per content), fields, confidence, state (done |
    needs_review; pages that failed → needs_review with ``pages_failed`` and the reasons), claim cleared,
    search re-indexed, audit. Returns the state."""
    from digitize import __version__
    from digitize.store import search as search_mod
    from digitize.store.models import SEARCHABLE, Variant
    from digitize.store.service import audit, store_extracted_fields

    if searchable is not None and (
        s.scalar(
            select(Variant.id).where(
                Variant.document_id == doc.id, Variant.kind == SEARCHABLE, Variant.sha256 == searchable.sha256
            )
        )
        is None
    ):
        s.add(
            Variant(
                document_id=doc.id,
                kind=SEARCHABLE,
                key=searchable.key,
                sha256=searchable.sha256,
                size=searchable.size,
                media_type="application/pdf",
                derived_from=searchable.derived_from,
                created_by=actor,
                detail={"pipeline_version": __version__, "pages_left_out": [i for i, _ in failed_pages]},
            )
        )
    store_extracted_fields(s, doc, fields)
    doc.page_count = page_count
    doc.ocr_confidence = confidence
    doc.pipeline_version = __version__
    doc.state = NEEDS_REVIEW if (needs_review or failed_pages) else DONE
    if failed_pages:
        doc.error_code = "pages_failed"
        doc.error_message = "; ".join(f"trang {i + 1}: {m}" for i, m in failed_pages)[:4000]
    else:
        doc.error_code = doc.error_message = None
    doc.claimed_by, doc.lease_until, doc.processed_at = None, None, utcnow()
    s.flush()
    search_mod.reindex(s, doc.id)
    audit(
        s,
        actor,
        "document.process",
        doc.id,
        state=doc.state,
        pages=page_count,
        failed_pages=len(failed_pages),
    )
    return str(doc.state)


@dataclass(frozen=True)
class ComposeInput:
    """What composing reads from the database, read once under the compose lease."""

    document_id: str
    owner: str  # the compose claim label: ``compose:<token>``
    original_key: str
    original_sha: str
    media_type: str
    filename: str
    attempts: int
    rows: tuple[Page, ...]  # every page row, detached, in page order

    @property
    def done_rows(self) -> list[Page]:
        return [r for r in self.rows if r.state == PAGE_DONE]

    @property
    def failed_rows(self) -> list[Page]:
        return [r for r in self.rows if r.state == PAGE_FAILED]


def compose_document(document_id: str, token: str, settings: Settings | None = None) -> str:
    """Compose the searchable PDF/A from the stored pages, extract the fields, and finalize the document in
    one transaction that commits only while the compose lease is still ``token``'s. Returns the state.

    Pages that failed are left out of the PDF and send the document to ``needs_review`` with the reason;
    a document none of whose pages could be read ends ``failed``. The steps, in order:
    ``_read_compose_input`` → ``_give_up`` (too many attempts, or no page read) → ``_write_searchable`` →
    ``_extract`` → ``_commit_result`` (``finish_document`` under the lease) → ``_drop_page_images``.
    """
    settings = settings or get_settings()
    got = _read_compose_input(document_id, COMPOSE_PREFIX + token, settings)
    if isinstance(got, str):
        return got  # not ours (any more): the state as it is
    gave_up = _give_up(got, settings)
    if gave_up is not None:
        return gave_up
    pages = [recognized_from_row(r) for r in got.done_rows]
    searchable = _write_searchable(got, pages, settings)
    state, committed = _commit_result(got, _extract(pages), searchable, settings)
    if committed:
        _drop_page_images(got.rows, settings)
    return state


def _read_compose_input(document_id: str, owner: str, settings: Settings) -> ComposeInput | str:
    """The document and its page rows while ``owner`` holds the compose lease; else the document's state."""
    with _session(settings) as s:
        doc = s.get(Document, document_id)
        if doc is None or doc.state != PROCESSING or not _label_owned(doc.claimed_by, owner):
            return doc.state if doc is not None else "missing"
        rows = list(s.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.index)))
        for r in rows:
            s.expunge(r)
        return ComposeInput(
            document_id=document_id,
            owner=owner,
            original_key=doc.original_key,
            original_sha=doc.sha256,
            media_type=doc.media_type,
            filename=doc.original_filename,
            attempts=int(doc.attempts or 0),
            rows=tuple(rows),
        )


def _give_up(got: ComposeInput, settings: Settings) -> str | None:
    """``failed`` when composing kept dying (intake once, then more than twice the page limit) or when no
    page could be read (the first page's error, else ``no_pages``); None to go on."""
    if got.attempts > 2 * settings.page_max_attempts:
        n = got.attempts - 1
        _finish_failed(
            got.document_id, "too_many_attempts", _gave_up_vi(n), _gave_up_en(n), settings, owner=got.owner
        )
        return FAILED
    if not got.done_rows:
        failed = got.failed_rows
        first = failed[0] if failed else None
        code = (first.error_code if first else None) or "no_pages"
        message = (first.error_message if first else None) or "Không đọc được trang nào (no page read)."
        _finish_failed(got.document_id, code, message, message, settings, owner=got.owner)
        return FAILED
    return None


def _write_searchable(got: ComposeInput, pages: list[RecognizedPage], settings: Settings) -> SearchableCopy:
    """The searchable PDF/A from the pages read (their stored images, or the original PDF's text pages),
    stored write-once under its sha256."""
    import tempfile

    from digitize.pipeline.compose import PagePlan, compose
    from digitize.store.models import SEARCHABLE
    from digitize.store.objects import get_object_store, sha256_file, variant_key

    objects = get_object_store(settings)
    with tempfile.TemporaryDirectory(prefix="dgz-compose-") as tmp_name:
        tmp = Path(tmp_name)
        plans = []
        for row, page in zip(got.done_rows, pages, strict=True):
            data = row.data or {}
            image: Path | None = None
            if data.get("image_key"):
                image = tmp / f"page-{row.index:05d}.jpg"
                with objects.open(str(data["image_key"])) as src, image.open("wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
            plans.append(
                PagePlan(
                    row.index,
                    page,
                    image,
                    float(data.get("width_pt", 0.0)),
                    float(data.get("height_pt", 0.0)),
                )
            )
        out_pdf = tmp / "searchable.pdf"
        with local_original(got.original_key, settings) as source:
            source_pdf = source if got.media_type == "application/pdf" else None
            compose(out_pdf, plans, source_pdf=source_pdf, title=Path(got.filename).stem)
        sha = sha256_file(out_pdf)
        key = variant_key(SEARCHABLE, sha)
        size = out_pdf.stat().st_size
        objects.put_file(
            key, out_pdf, media_type="application/pdf", metadata={"derived-from": got.original_sha}
        )
    return SearchableCopy(key, sha, size, got.original_sha)


@dataclass(frozen=True)
class Extracted:
    fields: dict[str, tuple[str | None, float | None]]
    needs_review: bool
    confidence: float | None  # mean OCR confidence of the OCR'd pages (None: all text pages)


def _extract(pages: list[RecognizedPage]) -> Extracted:
    from digitize.pipeline.fields import needs_review
    from digitize.pipeline.run import extract_fields

    extraction = extract_fields(pages)
    confs = [p.confidence for p in pages if p.source == "ocr" and p.confidence is not None]
    return Extracted(
        fields=field_values(extraction),
        needs_review=needs_review(extraction),
        confidence=sum(confs) / len(confs) if confs else None,
    )


def _commit_result(
    got: ComposeInput, extracted: Extracted, searchable: SearchableCopy, settings: Settings
) -> tuple[str, bool]:
    """``finish_document`` in one transaction that holds the row and still holds the lease: (the state,
    True). When the lease went elsewhere meanwhile nothing is stored: (the document's state, False)."""
    with _session(settings) as s:
        doc = s.get(Document, got.document_id, with_for_update=True)
        if doc is None or doc.state != PROCESSING or not _label_owned(doc.claimed_by, got.owner):
            return (doc.state if doc is not None else "missing"), False
        finish_document(
            s,
            doc,
            fields=extracted.fields,
            needs_review=extracted.needs_review,
            confidence=extracted.confidence,
            searchable=searchable,
            failed_pages=[(r.index, r.error_message) for r in got.failed_rows],
            page_count=len(got.rows),
            actor=worker_identity(),
        )
        return str(doc.state), True


def _drop_page_images(rows: Sequence[Page], settings: Settings) -> None:
    """The page images now live in the searchable PDF: the intermediate copies go (best effort)."""
    from digitize.store.objects import get_object_store

    objects = get_object_store(settings)
    for row in rows:
        key = (row.data or {}).get("image_key")
        if key:
            with suppress(Exception):
                objects.delete(str(key))


def field_values(extraction: Extraction) -> dict[str, tuple[str | None, float | None]]:
    """Every field of FIELD_NAMES as (value, confidence), (None, None) when not found."""
    fields: dict[str, tuple[str | None, float | None]] = {}
    for name in FIELD_NAMES:
        f = extraction.fields.get(name)
        fields[name] = (f.value, f.confidence) if f is not None else (None, None)
    return fields


# --- the steps as an executor runs them (Celery tasks, the embedded pool) --------------------------------
Passthrough = tuple[type[BaseException], ...]
# Not the page's fault (database, object store away; Tesseract missing on this machine): tried again later.
TRANSIENT_ERRORS: Passthrough = (ServiceUnavailable, ToolMissing, OperationalError)


def execute_page(
    claim: PageClaim, settings: Settings | None = None, *, passthrough: Passthrough = ()
) -> bool:
    """Run a claimed page under its lease and store it once; a page's own failure marks the page failed with
    the reason (its document goes on). Exceptions of ``passthrough`` are the executor's to handle (retry,
    time limit). True if this call stored the page."""
    settings = settings or get_settings()
    try:
        with page_lease(claim, settings):
            return run_page(claim, settings)
    except passthrough:
        raise
    except DigitizeError as err:
        fail_page(claim.page_id, claim.token, err.code, err.message_vi, err.message_en, settings=settings)
    except Exception as exc:  # a bug or a page the pipeline cannot handle: the page fails, the batch goes on
        log.exception("page %s failed", claim.page_id)
        fail_page(
            claim.page_id,
            claim.token,
            "internal_error",
            f"Lỗi xử lý trang: {exc}",
            f"Page processing error: {exc}",
            settings=settings,
        )
    return False


def execute_compose(
    document_id: str, token: str, settings: Settings | None = None, *, passthrough: Passthrough = ()
) -> str:
    """Take the compose lease of ``token`` and compose, extract, finish; a failure that is the document's
    own ends it failed with the reason. Returns the state ("skipped" when ``token`` lost the lease)."""
    settings = settings or get_settings()
    if not begin_compose(document_id, token, settings):
        return "skipped"
    try:
        with compose_lease(document_id, token, settings):
            return compose_document(document_id, token, settings)
    except passthrough:
        raise
    except DigitizeError as err:
        fail_compose(document_id, token, err.code, err.message_vi, err.message_en, settings)
    except Exception as exc:  # a bug, or a document the composer cannot handle: fail it with the reason
        log.exception("compose %s failed", document_id)
        fail_compose(
            document_id,
            token,
            "internal_error",
            f"Lỗi khi ghép tài liệu: {exc}",
            f"Compose error: {exc}",
            settings,
        )
    return str(FAILED)


def run_document(
    document_id: str, settings: Settings | None = None, *, compose_token: str | None = None
) -> str:
    """Every step of one document, one after the other in this process (the embedded pool's unit of work;
    the Celery tasks run the same steps as separate messages): intake → each pending page → compose.

    Transient errors (``TRANSIENT_ERRORS``) propagate after giving the page back uncounted: the document is
    picked up again later. Returns the document's state afterwards. Idempotent.
    """
    settings = settings or get_settings()
    if compose_token is None:
        prepared = prepare_document(document_id, new_token(), settings)
        for page_id in prepared.pending_pages:
            token = new_token()
            claim = claim_page(page_id, token, settings=settings)
            if claim is None:  # done, failed (given up), or held by a live worker
                continue
            try:
                execute_page(claim, settings, passthrough=TRANSIENT_ERRORS)
            except TRANSIENT_ERRORS:
                release_page(page_id, token, settings)
                raise
        if prepared.compose:
            compose_token = prepared.compose_token
        elif prepared.state == PROCESSING:
            token = new_token()
            compose_token = token if start_compose(document_id, token, settings) else None
        if compose_token is None:
            return document_state(document_id, settings)
    return execute_compose(document_id, compose_token, settings, passthrough=TRANSIENT_ERRORS)


def document_state(document_id: str, settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    with _session(settings) as s:
        state = s.scalar(select(Document.state).where(Document.id == document_id))
        return str(state) if state is not None else "missing"


def runnable_documents(
    settings: Settings | None = None, *, limit: int = 100, exclude: Sequence[str] = ()
) -> list[str]:
    """Documents with a step nobody holds (the embedded pool's work list, oldest first): received ones, and
    those in processing with no holder whose intake is undone or that have an unclaimed pending page."""
    settings = settings or get_settings()
    now = utcnow()
    free_page = exists().where(
        Page.document_id == Document.id,
        Page.state == PAGE_PENDING,
        or_(Page.claimed_by.is_(None), Page.lease_until < now),
    )
    stmt = (
        select(Document.id)
        .where(
            or_(
                Document.state == RECEIVED,
                and_(
                    Document.state == PROCESSING,
                    or_(Document.claimed_by.is_(None), Document.lease_until < now),
                    or_(Document.page_count.is_(None), free_page),
                ),
            )
        )
        .order_by(Document.created_at, Document.id)
    )
    if exclude:
        stmt = stmt.where(Document.id.not_in(list(exclude)))
    with _session(settings) as s:
        return list(s.scalars(stmt.limit(limit)))


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` of this machine runs (a zombie nobody reaped yet counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def expire_dead_claims(settings: Settings | None = None) -> int:
    """End now the leases held by processes of this machine that are gone (a worker killed, out of memory),
    instead of waiting for them to run out: the next ``reap`` gives their work back. Returns how many."""
    settings = settings or get_settings()
    host = socket.gethostname()
    now = utcnow()
    past = now - timedelta(seconds=1)
    n = 0
    with _session(settings) as s:
        for model in (Page, Document):
            rows = s.execute(
                select(model.id, model.claimed_by).where(
                    model.claimed_by.is_not(None), model.lease_until >= now
                )
            ).all()
            for row_id, label in rows:
                owner_host, _, pid = str(label).rsplit(" ", 1)[-1].rpartition(":")
                if owner_host != host or not pid.isdigit() or pid_alive(int(pid)):
                    continue
                res = s.execute(
                    update(model)
                    .where(model.id == row_id, model.claimed_by == label)
                    .values(lease_until=past)
                    .execution_options(synchronize_session=False)
                )
                n += db.rows_changed(res)
    return n


def _label_owned(label: str | None, token: str) -> bool:
    return bool(label) and (label == token or str(label).startswith(token + " "))


# --- the reaper ------------------------------------------------------------------------------------
@dataclass
class Reaped:
    """What to send again."""

    prepare: list[str] = field(default_factory=list)  # document ids
    pages: list[int] = field(default_factory=list)  # page ids
    compose: list[tuple[str, str]] = field(default_factory=list)  # (document id, compose token)

    def __bool__(self) -> bool:
        return bool(self.prepare or self.pages or self.compose)


def reap(queue_depth: int | None, settings: Settings | None = None, *, limit: int = 500) -> Reaped:
    """Find work whose lease expired (its worker died) and work a lost queue forgot; say what to resend.

    * ``_reap_expired_pages``: a page claimed by a worker that stopped extending its lease: the claim is
      dropped, the page resent;
    * ``_reap_expired_documents``: a document whose intake or compose lease expired: the lease is dropped
      and the step resent;
    * when the queue is empty (``queue_depth == 0``; a broker that lost its messages):
      ``_resend_lost_pages``, ``_resend_lost_documents`` (untouched for ``worker_stale_seconds``) and
      ``_resend_queued_composes`` (compose queued but never started);
    * ``_start_orphan_composes``: a document whose pages are all finished but that nobody composes (its last
      worker died between the two steps): compose is started.

    Each change is a conditional UPDATE, so several reapers at once resend each thing once (and a resent
    message for finished work is acknowledged without doing anything).
    """
    settings = settings or get_settings()
    now = utcnow()
    stale = now - timedelta(seconds=settings.worker_stale_seconds)
    out = Reaped()
    with _session(settings) as s:
        out.pages.extend(_reap_expired_pages(s, now, limit))
        out.prepare.extend(_reap_expired_documents(s, now, limit))
        if queue_depth == 0:
            out.pages.extend(p for p in _resend_lost_pages(s, now, stale, limit) if p not in out.pages)
            out.prepare.extend(
                d for d in _resend_lost_documents(s, now, stale, limit) if d not in out.prepare
            )
            out.compose.extend(_resend_queued_composes(s, now, stale, limit))
        orphans = _orphan_documents(s, limit)
    out.compose.extend(_start_orphan_composes(orphans, settings))
    return out


def _reap_expired_pages(s: Session, now: datetime, limit: int) -> list[int]:
    """Pages whose claim's lease expired: claim dropped; their ids (to resend)."""
    page_ids = list(
        s.scalars(
            select(Page.id)
            .where(Page.state == PAGE_PENDING, Page.claimed_by.is_not(None), Page.lease_until < now)
            .limit(limit)
        )
    )
    freed: list[int] = []
    for pid in page_ids:
        res = s.execute(
            update(Page)
            .where(Page.id == pid, Page.state == PAGE_PENDING, Page.lease_until < now)
            .values(claimed_by=None, lease_until=None, updated_at=now)
        )
        if db.rows_changed(res) == 1:
            freed.append(pid)
    return freed


def _reap_expired_documents(s: Session, now: datetime, limit: int) -> list[str]:
    """Documents whose intake or compose lease expired: lease dropped. Returns those whose intake died (to
    prepare again); a dead compose is picked up as an orphan (``_orphan_documents``)."""
    docs = s.execute(
        select(Document.id, Document.claimed_by, Document.page_count)
        .where(Document.state == PROCESSING, Document.claimed_by.is_not(None), Document.lease_until < now)
        .limit(limit)
    ).all()
    again: list[str] = []
    for doc_id, claimed_by, page_count in docs:
        res = s.execute(
            update(Document)
            .where(
                Document.id == doc_id,
                Document.state == PROCESSING,
                Document.lease_until < now,
                Document.claimed_by == claimed_by,
            )
            .values(claimed_by=None, lease_until=None, updated_at=now)
        )
        if db.rows_changed(res) == 1 and page_count is None:
            again.append(doc_id)
    return again


def _resend_lost_pages(s: Session, now: datetime, stale: datetime, limit: int) -> list[int]:
    """Unclaimed pending pages untouched since ``stale`` (the queue lost them): touched, to resend."""
    lost = list(
        s.scalars(
            select(Page.id)
            .where(Page.state == PAGE_PENDING, Page.claimed_by.is_(None), Page.updated_at < stale)
            .limit(limit)
        )
    )
    if lost:
        s.execute(update(Page).where(Page.id.in_(lost)).values(updated_at=now))
    return lost


def _resend_lost_documents(s: Session, now: datetime, stale: datetime, limit: int) -> list[str]:
    """Received documents, and unclaimed ones whose intake never ran, untouched since ``stale``."""
    lost = list(
        s.scalars(
            select(Document.id)
            .where(
                or_(
                    Document.state == RECEIVED,
                    and_(
                        Document.state == PROCESSING,
                        Document.page_count.is_(None),
                        Document.claimed_by.is_(None),
                    ),
                ),
                Document.updated_at < stale,
            )
            .limit(limit)
        )
    )
    if lost:
        s.execute(update(Document).where(Document.id.in_(lost)).values(updated_at=now))
    return lost


def _resend_queued_composes(s: Session, now: datetime, stale: datetime, limit: int) -> list[tuple[str, str]]:
    """Compose queued, never started, and no queue holds it any more: (document, the same token) again."""
    queued = s.execute(
        select(Document.id, Document.claimed_by)
        .where(
            Document.state == PROCESSING,
            Document.claimed_by.like(COMPOSE_PREFIX + "%"),
            Document.lease_until.is_(None),
            Document.updated_at < stale,
        )
        .limit(limit)
    ).all()
    again: list[tuple[str, str]] = []
    for doc_id, label in queued:
        res = s.execute(
            update(Document)
            .where(Document.id == doc_id, Document.claimed_by == label, Document.lease_until.is_(None))
            .values(updated_at=now)
        )
        if db.rows_changed(res) == 1:
            token = str(label)[len(COMPOSE_PREFIX) :].split(" ", 1)[0]
            again.append((doc_id, token))
    return again


def _orphan_documents(s: Session, limit: int) -> list[str]:
    """Finished pages, nobody composing (also the documents whose compose lease was just dropped)."""
    pending = exists().where(Page.document_id == Document.id, Page.state == PAGE_PENDING)
    return list(
        s.scalars(
            select(Document.id)
            .where(
                Document.state == PROCESSING,
                Document.page_count.is_not(None),
                Document.claimed_by.is_(None),
                ~pending,
            )
            .limit(limit)
        )
    )


def _start_orphan_composes(orphans: list[str], settings: Settings) -> list[tuple[str, str]]:
    started: list[tuple[str, str]] = []
    for doc_id in orphans:
        token = new_token()
        if start_compose(doc_id, token, settings):
            started.append((doc_id, token))
    return started


# --- counts (metrics, tests) -----------------------------------------------------------------------
def page_counts(settings: Settings | None = None) -> dict[str, int]:
    """Pages by state, plus ``processing`` (pending pages a worker holds right now)."""
    settings = settings or get_settings()
    now = utcnow()
    with _session(settings) as s:
        rows = s.execute(select(Page.state, func.count()).group_by(Page.state)).all()
        held = s.scalar(
            select(func.count())
            .select_from(Page)
            .where(Page.state == PAGE_PENDING, Page.claimed_by.is_not(None), Page.lease_until >= now)
        )
    counts: dict[str, int] = {PAGE_PENDING: 0, PAGE_DONE: 0, PAGE_FAILED: 0}
    counts.update({str(k): int(v) for k, v in rows})
    counts["processing"] = int(held or 0)
    return counts


def is_transient(exc: BaseException) -> bool:
    """Whether an error is worth retrying later (database, object store or broker away)."""
    return _is_transient(exc)
