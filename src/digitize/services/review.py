"""The reviewers' queue: documents whose extraction needs a human look, in one order — oldest first (by the
time they were received, then id) — for ``GET /api/v1/review`` and the ``/review`` web pages alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from digitize.store.models import NEEDS_REVIEW, ArchivalFile, Document
from digitize.store.service import (
    RecordList,
    correct_fields,
    document_record,
    documents_for_records,
    record_of,
)


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


def queue_records(session: Session, *, limit: int = 50, offset: int = 0) -> RecordList:
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
    docs = documents_for_records(session, ids)
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


# --- one document under review (the web page /review/{id}) -----------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """What the review page shows: the record, the hồ sơ it is in and those it may join, how many wait."""

    record: Mapping[str, Any]
    file_code: str | None
    file_codes: tuple[str, ...]
    left: int
    pages: int


FILE_CODES_SHOWN = 1000


def review_item(session: Session, document_id: str) -> ReviewItem:
    record = document_record(session, document_id, with_pages=False)
    file_id = record.get("file_id")
    file_code = (
        session.scalar(select(ArchivalFile.code).where(ArchivalFile.id == file_id)) if file_id else None
    )
    codes = session.scalars(select(ArchivalFile.code).order_by(ArchivalFile.code).limit(FILE_CODES_SHOWN))
    return ReviewItem(
        record=record,
        file_code=file_code,
        file_codes=tuple(codes),
        left=queue_count(session),
        pages=max(1, record.get("page_count") or len(record.get("pages") or []) or 1),
    )


def save_review(
    session: Session,
    document_id: str,
    submitted: Mapping[str, str],
    *,
    file_ref: str | None,
    reason: str | None,
    by: str,
) -> str | None:
    """A reviewer's corrections (only the fields whose value changed; empty clears one) and, when
    ``file_ref`` is given, the hồ sơ the document joins (empty: none). Returns the next document of the
    queue after this one (None when the queue is empty)."""
    record = document_record(session, document_id, with_pages=False)
    changes: dict[str, str | None] = {}
    for name, value in submitted.items():
        old = record["fields"].get(name)
        if (value or None) != (old or None):
            changes[name] = value or None
    if file_ref is not None:
        from digitize.services.files import set_document_file

        set_document_file(session, document_id, file_ref or None, by=by)
    correct_fields(session, document_id, changes, by=by, reason=reason)
    session.flush()
    return next_in_queue(session, session.get(Document, document_id))


def next_after(session: Session, document_id: str) -> str | None:
    """The document after ``document_id`` in the queue (skipping it), wrapping around."""
    return next_in_queue(session, session.get(Document, document_id))
