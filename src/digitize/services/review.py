"""The reviewers' queue: documents whose extraction needs a human look, in one order — oldest first (by the
time they were received, then id) — for ``GET /api/v1/review`` and the ``/review`` web pages alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from digitize.store.models import NEEDS_REVIEW, Document, Page
from digitize.store.service import record_of


def queue_order() -> tuple[Any, ...]:
    """The one order of the queue: oldest first."""
    return (Document.created_at.asc(), Document.id.asc())


def queue_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(Document.state == NEEDS_REVIEW)) or 0)


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue, as the web page lists it."""

    id: str
    original_filename: str
    type_name: str | None
    holder_name: str | None
    ocr_confidence: float | None
    created_at: datetime


def queue_rows(session: Session, *, limit: int, offset: int) -> list[QueueRow]:
    rows = session.execute(
        select(
            Document.id,
            Document.original_filename,
            Document.type_name,
            Document.holder_name,
            Document.ocr_confidence,
            Document.created_at,
        )
        .where(Document.state == NEEDS_REVIEW)
        .order_by(*queue_order())
        .limit(limit)
        .offset(offset)
    ).all()
    return [QueueRow(*row) for row in rows]


def queue_records(session: Session, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """``GET /api/v1/review``: ``{"items": [records without page text], "total": N}``, oldest first."""
    ids = list(
        session.scalars(
            select(Document.id)
            .where(Document.state == NEEDS_REVIEW)
            .order_by(*queue_order())
            .limit(limit)
            .offset(offset)
        )
    )
    docs = {
        d.id: d
        for d in session.scalars(
            select(Document)
            .where(Document.id.in_(ids))
            .options(
                selectinload(Document.fields),
                selectinload(Document.pages).options(defer(Page.text), defer(Page.data)),
                selectinload(Document.variants),
                selectinload(Document.signatures),
                selectinload(Document.validity),
            )
        )
    }
    items = [record_of(docs[i], with_pages=False) for i in ids if i in docs]
    return {"items": items, "total": queue_count(session), "total_exact": True}


def next_in_queue(session: Session, after: Document | None = None) -> str | None:
    """The next document needing review (queue order), after ``after`` if given, wrapping around."""
    stmt = select(Document.id).where(Document.state == NEEDS_REVIEW)
    if after is not None:
        later = stmt.where(
            or_(
                Document.created_at > after.created_at,
                and_(Document.created_at == after.created_at, Document.id > after.id),
            )
        )
        found = session.scalar(later.order_by(*queue_order()).limit(1))
        if found is not None:
            return found
        stmt = stmt.where(Document.id != after.id)
    return session.scalar(stmt.order_by(*queue_order()).limit(1))
