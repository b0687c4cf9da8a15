"""A batch as its page shows it while it is processed (``GET /api/v1/batches/{id}`` returns the same counts
and state from ``digitize.store.service.batch_view``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from digitize.store.models import Document
from digitize.store.service import BatchCounts, RejectedFile, batch_view

ROWS_SHOWN = 500


@dataclass(frozen=True)
class BatchRow:
    id: str
    original_filename: str
    state: str
    type_name: str | None


@dataclass(frozen=True)
class BatchProgress:
    id: str
    name: str | None
    state: str  # queued | processing | done
    counts: BatchCounts
    rows: tuple[BatchRow, ...]  # the first ROWS_SHOWN documents, in upload order
    rejected: tuple[RejectedFile, ...]
    stacks: tuple[Mapping[str, Any], ...]
    total: int
    percent: int  # finished (done, failed, needs review) of all


def batch_progress(session: Session, batch_id: str) -> BatchProgress:
    view = batch_view(session, batch_id)
    docs = view.documents[:ROWS_SHOWN]
    found = (
        session.execute(
            select(Document.id, Document.original_filename, Document.state, Document.type_name).where(
                Document.id.in_(docs)
            )
        ).all()
        if docs
        else []
    )
    by_id = {r.id: BatchRow(r.id, r.original_filename, r.state, r.type_name) for r in found}
    counts = view.counts
    total = counts.received + counts.done + counts.failed + counts.needs_review
    finished = counts.done + counts.failed + counts.needs_review
    return BatchProgress(
        id=view.id,
        name=view.name,
        state=view.state,
        counts=counts,
        rows=tuple(by_id[d] for d in docs if d in by_id),
        rejected=view.rejected,
        stacks=view.stacks,
        total=total,
        percent=round(100 * finished / total) if total else 100,
    )
