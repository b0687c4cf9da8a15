"""Stack scans split into documents (issue 15): receive, split, review, finalise.

A stack (one long PDF or TIFF from a duplex ADF scanner) is stored whole and write-once like any original, as
a ``stacks`` row in state ``received``. :func:`split_stack` gathers each page's evidence
(``digitize.pipeline.split.page_evidence``, one process per core), applies the split rules and records every
page's role, reason and confidence in ``stack_pages``. When every decision is sure the stack is finalised at
once: each planned document becomes a file of its own (the stack's pages copied losslessly: PDF pages by
pikepdf, TIFF frames re-packed without loss), stored write-once as that document's original (``derived_from``
the stack's sha256), blank pages left out of it but marked on it, and handed to processing like any upload.
When some decision is unsure the stack waits in ``needs_review`` until staff move or confirm the boundaries
(:func:`review_stack`); nothing is processed before that.

Recovery: a stack left ``splitting`` by a process that died is taken again once its lease has passed; a
finalisation that ran twice finds its documents by content (the same pages give the same file).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.errors import Conflict, DigitizeError, NotFound, UsageError
from digitize.pipeline import split as split_mod
from digitize.pipeline.split import PageDecision, PageEvidence, PageRole, Reason, SplitPlan
from digitize.store import db
from digitize.store.models import RECEIVED, Document, Stack, StackPage, utcnow
from digitize.store.objects import get_object_store, original_key, sha256_file
from digitize.store.service import add_once_by_content, audit, receive_document

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
SPLITTABLE = frozenset({"application/pdf", "image/tiff"})
_SUFFIX = {"application/pdf": ".pdf", "image/tiff": ".tif"}


class StackState(StrEnum):
    RECEIVED = "received"
    SPLITTING = "splitting"
    NEEDS_REVIEW = "needs_review"
    SPLIT = "split"
    FAILED = "failed"


UNFINISHED: frozenset[str] = frozenset({StackState.RECEIVED, StackState.SPLITTING, StackState.NEEDS_REVIEW})


@dataclass(frozen=True)
class StackOutcome:
    stack_id: str
    state: StackState
    document_ids: tuple[str, ...] = ()  # in stack order
    new_document_ids: tuple[str, ...] = ()  # the ones this call created (to be processed)


# --- receive ---------------------------------------------------------------------------------------------


def receive_stack(
    s: Session, *, sha: str, key: str, media_type: str, size: int, filename: str, actor: str
) -> tuple[str, bool]:
    """The stack row for a stored original (the same content is one stack): (id, already there)."""
    stack = Stack(
        sha256=sha,
        media_type=media_type,
        size=size,
        original_filename=filename,
        original_key=key,
        state=StackState.RECEIVED,
        pages_examined=0,
        created_by=actor,
    )
    stack_id, already = add_once_by_content(s, stack)
    if not already:
        audit(s, actor, "stack.receive", stack_id, sha256=sha, filename=filename)
    return stack_id, already


# --- split -----------------------------------------------------------------------------------------------


def _worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:stacks"


def claim(stack_id: str, worker: str, settings: Settings) -> bool:
    now = utcnow()
    with db.session(settings) as s:
        res = s.execute(
            update(Stack)
            .where(Stack.id == stack_id)
            .where(
                or_(
                    Stack.state == StackState.RECEIVED,
                    (Stack.state == StackState.SPLITTING) & (Stack.lease_until < now),
                )
            )
            .values(state=StackState.SPLITTING, claimed_by=worker, lease_until=now + LEASE, pages_examined=0)
            .execution_options(synchronize_session=False)
        )
        return db.rows_changed(res) == 1


def _evidence_of(args: tuple[Any, str | None]) -> PageEvidence:
    return split_mod.page_evidence(args[0], lang=args[1])


def gather_evidence(
    path: Path,
    settings: Settings,
    *,
    jobs: int | None = None,
    on_page: Callable[[int], None] | None = None,
) -> list[PageEvidence]:
    """Every page's evidence, in stack order (a process per core unless inside a daemon process)."""
    from digitize.pipeline import intake

    info = intake.inspect(path, settings)
    jobs = max(1, jobs or settings.ocr_jobs)
    args = [(p, settings.ocr_languages) for p in info.pages]
    out: list[PageEvidence] = []
    if jobs == 1 or len(args) <= 1 or multiprocessing.current_process().daemon:
        for a in args:
            out.append(_evidence_of(a))
            if on_page:
                on_page(len(out))
        return out
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(args)), mp_context=ctx) as pool:
        for ev in pool.map(_evidence_of, args):
            out.append(ev)
            if on_page:
                on_page(len(out))
    return out


def _evidence_json(ev: PageEvidence) -> dict[str, Any]:
    return {
        "header": asdict(ev.header),
        "blank": asdict(ev.blank) if ev.blank else None,
        "separator": ({"kind": str(ev.separator.kind), "text": ev.separator.text} if ev.separator else None),
        "rotation": ev.rotation,
    }


def split_stack(
    stack_id: str,
    *,
    settings: Settings | None = None,
    jobs: int | None = None,
    dispatch: bool = True,
    on_page: Callable[[int], None] | None = None,
) -> StackOutcome:
    """Examine a received stack and split it (or leave it for review). Idempotent: a stack someone else is
    splitting, or already split, is left alone and its state returned. ``dispatch``: hand the new documents
    to processing (``processing.enqueue``); the caller does it otherwise."""
    settings = settings or get_settings()
    worker = _worker_id()
    if not claim(stack_id, worker, settings):
        return stack_outcome(stack_id, settings)
    try:
        with db.session(settings) as s:
            stack = s.get(Stack, stack_id)
            assert stack is not None
            key, media_type = stack.original_key, stack.media_type
        objects = get_object_store(settings)

        def progress(n: int) -> None:
            if on_page is not None:
                on_page(n)
            if n % 4 == 0:
                with db.session(settings) as s2:
                    s2.execute(
                        update(Stack)
                        .where(Stack.id == stack_id, Stack.claimed_by == worker)
                        .values(pages_examined=n, lease_until=utcnow() + LEASE)
                    )

        with objects.as_local_file(key, suffix=_SUFFIX.get(media_type, "")) as src:
            evidence = gather_evidence(src, settings, jobs=jobs, on_page=progress)
        plan = split_mod.plan(evidence)
        with db.session(settings) as s:
            stack = s.get(Stack, stack_id, with_for_update=True)
            if stack is None or stack.claimed_by != worker or stack.state != StackState.SPLITTING:
                return stack_outcome(stack_id, settings)
            existing = {p.index: p for p in stack.pages}
            for ev, d in zip(evidence, plan.decisions, strict=True):
                row = existing.get(d.index)
                if row is None:
                    row = StackPage(stack_id=stack_id, index=d.index)
                    s.add(row)
                row.role, row.reason, row.confidence = d.role, d.reason, d.confidence
                row.evidence = _evidence_json(ev)
                row.document_id = None
            stack.page_count = len(evidence)
            stack.pages_examined = len(evidence)
            if plan.needs_review:  # nothing more until staff decide; otherwise the claim holds to the end
                stack.state = StackState.NEEDS_REVIEW
                stack.claimed_by, stack.lease_until = None, None
            audit(
                s,
                worker,
                "stack.examine",
                stack_id,
                pages=len(evidence),
                documents=len(plan.documents),
                uncertain=list(plan.uncertain),
            )
        if plan.needs_review:
            return stack_outcome(stack_id, settings)
        return finalise(stack_id, plan, actor=worker, settings=settings, dispatch=dispatch)
    except DigitizeError as err:
        _fail(stack_id, err, settings)
        return stack_outcome(stack_id, settings)
    except Exception as exc:  # one bad stack never stops the others
        log.exception("splitting stack %s failed", stack_id)
        _fail(
            stack_id,
            DigitizeError(f"Lỗi không mong đợi khi tách: {exc}", f"Unexpected error while splitting: {exc}"),
            settings,
        )
        return stack_outcome(stack_id, settings)


def _fail(stack_id: str, err: DigitizeError, settings: Settings) -> None:
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id)
        if stack is None:
            return
        stack.state = StackState.FAILED
        stack.error_code, stack.error_message = err.code, err.one_line()
        stack.claimed_by, stack.lease_until = None, None
        audit(s, "stacks", "stack.fail", stack_id, code=err.code)


def stored_plan(s: Session, stack: Stack) -> SplitPlan:
    decisions = [
        PageDecision(p.index, PageRole(p.role), Reason(p.reason), float(p.confidence)) for p in stack.pages
    ]
    return SplitPlan(tuple(decisions), split_mod.group(decisions))


# --- finalise --------------------------------------------------------------------------------------------


def write_pages(src: Path, media_type: str, pages: Sequence[int], out: Path) -> str:
    """The given pages of a stack as a file of their own, without re-encoding; returns its media type."""
    if media_type == "application/pdf":
        import pikepdf

        with pikepdf.open(src) as pdf, pikepdf.new() as part:
            for i in pages:
                part.pages.append(pdf.pages[i])
            part.save(out, deterministic_id=True)
        return "application/pdf"
    from PIL import Image

    frames = []
    with Image.open(src) as im:
        for i in pages:
            im.seek(i)
            frame = im.copy()
            frame.info["dpi"] = im.info.get("dpi", (300, 300))
            frames.append(frame)
    compression = "group4" if all(f.mode == "1" for f in frames) else "tiff_lzw"
    frames[0].save(
        out,
        "TIFF",
        save_all=True,
        append_images=frames[1:],
        compression=compression,
        dpi=frames[0].info["dpi"],
    )
    return "image/tiff"


def finalise(
    stack_id: str,
    plan: SplitPlan,
    *,
    actor: str,
    settings: Settings | None = None,
    dispatch: bool = True,
) -> StackOutcome:
    """Make the planned documents: one stored original each (pages copied from the stack), provenance on
    every stack page, state ``split``; the new documents are handed to processing."""
    settings = settings or get_settings()
    objects = get_object_store(settings)
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id)
        if stack is None:
            raise NotFound(f"Không có tập quét {stack_id}.", f"No stack {stack_id}.")
        key, media_type, stack_sha, name = (
            stack.original_key,
            stack.media_type,
            stack.sha256,
            stack.original_filename,
        )
    made: list[tuple[str, bool]] = []
    base = Path(name).stem or "stack"
    with (
        tempfile.TemporaryDirectory(prefix="dgz-stack-", dir=settings.scratch_dir()) as tmp,
        objects.as_local_file(key, suffix=_SUFFIX.get(media_type, "")) as src,
    ):
        for n, doc in enumerate(plan.documents):
            out = Path(tmp) / f"part-{n:04d}{_SUFFIX.get(media_type, '')}"
            part_type = write_pages(src, media_type, doc.pages, out)
            sha = sha256_file(out)
            okey = original_key(sha)
            pages_label = f"{doc.pages[0] + 1}-{doc.pages[-1] + 1}"
            filename = f"{base} [{n + 1}: {pages_label}]"
            objects.put_file(
                okey, out, media_type=part_type, metadata={"sha256": sha, "derived-from": stack_sha}
            )
            with db.session(settings) as s:
                made.append(
                    receive_document(
                        s,
                        sha=sha,
                        key=okey,
                        media_type=part_type,
                        size=out.stat().st_size,
                        filename=filename,
                        actor=actor,
                        stack_id=stack_id,
                        stack_sha=stack_sha,
                    )
                )
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id, with_for_update=True)
        assert stack is not None
        rows = {p.index: p for p in stack.pages}
        for d in plan.decisions:
            row = rows.get(d.index)
            if row is None:
                row = StackPage(stack_id=stack_id, index=d.index, reason=d.reason, evidence=None)
                s.add(row)
                rows[d.index] = row
            row.role, row.confidence = d.role, d.confidence
            row.document_id = None
        for (doc_id, _), planned in zip(made, plan.documents, strict=True):
            for i in (*planned.pages, *planned.blank_pages):
                rows[i].document_id = doc_id
        stack.state = StackState.SPLIT
        stack.split_at = utcnow()
        stack.claimed_by, stack.lease_until = None, None
        audit(s, actor, "stack.split", stack_id, documents=[d for d, _ in made])
    new = tuple(d for d, dup in made if not dup)
    if new and dispatch:
        from digitize.processing.executor import enqueue, poke_current_pool

        enqueue(list(new), settings)
        poke_current_pool()
    return StackOutcome(stack_id, StackState.SPLIT, tuple(d for d, _ in made), new)


# --- review ----------------------------------------------------------------------------------------------


def review_stack(
    stack_id: str, starts: Sequence[int], *, actor: str, settings: Settings | None = None
) -> StackOutcome:
    """Staff's boundaries for a stack in review: exactly ``starts`` (stack page indexes) open documents."""
    settings = settings or get_settings()
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id, with_for_update=True)
        if stack is None:
            raise NotFound(f"Không có tập quét {stack_id}.", f"No stack {stack_id}.")
        if stack.state != StackState.NEEDS_REVIEW:
            raise Conflict(
                f"Tập quét không chờ duyệt (trạng thái {stack.state}).",
                f"The stack is not waiting for review (state {stack.state}).",
            )
        plan = stored_plan(s, stack)
        content = {d.index for d in plan.decisions if d.role in (PageRole.START, PageRole.CONTINUATION)}
        wanted = sorted(set(starts))
        if not wanted or any(i not in content for i in wanted):
            raise UsageError(
                "Mỗi ranh giới phải là một trang có nội dung của tập quét.",
                "Every boundary must be a content page of the stack.",
            )
        if min(content) not in wanted:
            wanted.insert(0, min(content))
        stack.state = StackState.SPLITTING
        stack.claimed_by, stack.lease_until = actor, utcnow() + LEASE
        stack.reviewed_by = actor
        audit(s, actor, "stack.review", stack_id, starts=wanted)
    return finalise(stack_id, split_mod.with_starts(plan, wanted), actor=actor, settings=settings)


# --- reading ---------------------------------------------------------------------------------------------


def stack_outcome(stack_id: str, settings: Settings) -> StackOutcome:
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id)
        if stack is None:
            raise NotFound(f"Không có tập quét {stack_id}.", f"No stack {stack_id}.")
        return StackOutcome(stack_id, StackState(stack.state), tuple(documents_of(s, stack_id)))


def documents_of(s: Session, stack_id: str) -> list[str]:
    """The stack's documents in stack order (by their first page)."""
    rows = s.execute(
        select(StackPage.document_id, StackPage.index)
        .where(StackPage.stack_id == stack_id, StackPage.document_id.is_not(None))
        .order_by(StackPage.index)
    ).all()
    seen: dict[str, None] = {}
    for doc_id, _ in rows:
        if doc_id is not None:
            seen.setdefault(doc_id)
    return list(seen)


def stack_summary(s: Session, stack_id: str) -> dict[str, Any]:
    """What a batch shows of one of its stacks (``document_states``: (id, state) in stack order)."""
    stack = s.get(Stack, stack_id)
    if stack is None:
        return {"id": stack_id, "state": "missing", "error": None, "document_states": []}
    ids = documents_of(s, stack_id)
    states = {i: st for i, st in s.execute(select(Document.id, Document.state).where(Document.id.in_(ids)))}
    return {
        "id": stack.id,
        "state": stack.state,
        "page_count": stack.page_count,
        "pages_examined": stack.pages_examined,
        "documents": ids,
        "error": ({"code": stack.error_code, "message": stack.error_message} if stack.error_code else None),
        "document_states": [(i, states.get(i, RECEIVED)) for i in ids],
    }


def stack_view(s: Session, stack_id: str) -> dict[str, Any]:
    stack = s.get(Stack, stack_id)
    if stack is None:
        raise NotFound(f"Không có tập quét {stack_id}.", f"No stack {stack_id}.")
    plan = stored_plan(s, stack) if stack.pages else None
    return {
        "id": stack.id,
        "state": stack.state,
        "filename": stack.original_filename,
        "sha256": stack.sha256,
        "page_count": stack.page_count,
        "pages_examined": stack.pages_examined,
        "error": ({"code": stack.error_code, "message": stack.error_message} if stack.error_code else None),
        "documents": documents_of(s, stack_id),
        "proposed": [
            {"pages": list(d.pages), "blank_pages": list(d.blank_pages), "confidence": d.confidence}
            for d in (plan.documents if plan else ())
        ],
        "pages": [
            {
                "index": p.index,
                "role": p.role,
                "reason": p.reason,
                "confidence": p.confidence,
                "document_id": p.document_id,
            }
            for p in stack.pages
        ],
    }


def pending_stack_ids(settings: Settings | None = None) -> list[str]:
    """Stacks waiting to be split (received, or left splitting by a process whose lease passed)."""
    settings = settings or get_settings()
    now = utcnow()
    with db.session(settings) as s:
        return list(
            s.scalars(
                select(Stack.id)
                .where(
                    or_(
                        Stack.state == StackState.RECEIVED,
                        (Stack.state == StackState.SPLITTING)
                        & (Stack.lease_until.is_not(None))
                        & (Stack.lease_until < now),
                    )
                )
                .order_by(Stack.created_at)
            )
        )


def requeue_abandoned(settings: Settings | None = None) -> int:
    """Stacks left ``splitting`` by a process of this machine that is gone: back to ``received``."""
    from digitize.processing.executor import _pid_alive

    settings = settings or get_settings()
    host = socket.gethostname()
    n = 0
    with db.session(settings) as s:
        for stack in s.scalars(select(Stack).where(Stack.state == StackState.SPLITTING)):
            parts = (stack.claimed_by or "").split(":")
            if len(parts) == 3 and parts[0] == host and parts[1].isdigit() and not _pid_alive(int(parts[1])):
                stack.state, stack.claimed_by, stack.lease_until = StackState.RECEIVED, None, None
                n += 1
    return n


def split_pending(settings: Settings | None = None, *, jobs: int | None = None) -> list[StackOutcome]:
    settings = settings or get_settings()
    return [split_stack(i, settings=settings, jobs=jobs) for i in pending_stack_ids(settings)]


_runner_lock = threading.Lock()


def split_in_background(settings: Settings | None = None) -> None:
    """Split pending stacks in a daemon thread of this process (the API server's; one runner at a time)."""
    settings = settings or get_settings()

    def run() -> None:
        if not _runner_lock.acquire(blocking=False):
            return
        try:
            requeue_abandoned(settings)
            while pending_stack_ids(settings):
                split_pending(settings)
        except Exception:  # pragma: no cover - logged, the stack stays for the next run
            log.exception("stack splitting stopped")
        finally:
            _runner_lock.release()

    threading.Thread(target=run, name="digitize-stacks", daemon=True).start()


# --- thumbnails (the review screen) ----------------------------------------------------------------------

THUMB_WIDTH = 240


def thumbnail(stack_id: str, index: int, settings: Settings | None = None) -> bytes:
    """A small PNG of one page of the stack, turned the way the pipeline found upright (cached on disk)."""
    import io
    from dataclasses import replace as dc_replace

    import numpy as np
    from PIL import Image

    from digitize.pipeline import intake

    settings = settings or get_settings()
    with db.session(settings) as s:
        stack = s.get(Stack, stack_id)
        if stack is None or not (0 <= index < (stack.page_count or 0)):
            raise NotFound(
                f"Không có trang {index} của tập quét {stack_id}.", f"No page {index} in stack {stack_id}."
            )
        row = s.get(StackPage, (stack_id, index))
        rotation = int(((row.evidence or {}).get("rotation") or 0) if row is not None else 0)
        key, media_type, sha = stack.original_key, stack.media_type, stack.sha256
    cache = settings.scratch_dir() / "thumbs" / sha / f"{index:05d}-{rotation}.png"
    if cache.is_file():
        return cache.read_bytes()
    objects = get_object_store(settings)
    with objects.as_local_file(key, suffix=_SUFFIX.get(media_type, "")) as src:
        info = intake.inspect(src, settings)
        page = info.pages[index]
        if page.kind == "pdf":
            page = dc_replace(page, dpi=max(24.0, THUMB_WIDTH * 72.0 / max(page.width_pt, 1.0)))
        pixels = intake.load_page(page)
    im = Image.fromarray(np.ascontiguousarray(pixels))
    if rotation:
        im = im.rotate(-rotation, expand=True)  # clockwise, as the pipeline turned it
    im.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    data = buf.getvalue()
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, cache)
    return data
