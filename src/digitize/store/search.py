"""Search over OCR text and field values, with Vietnamese diacritics folded (đ → d too).

The indexed body of a document is ``fold(fields + OCR text)`` kept in ``search_entries``; SQLite indexes it
with FTS5 (triggers keep ``search_fts`` in step), PostgreSQL with a generated ``tsvector`` ('simple'
configuration, GIN index). The query is folded the same way, so "Nguyen Van An" finds "Nguyễn Văn An" and
"da nang" finds "Đà Nẵng". Filters of the contract: ``type`` (folded comparison), ``holder_id``, ``valid_on``
(in force on that date: started, not ended, not revoked or superseded by then).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    Float,
    Integer,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    update,
)
from sqlalchemy.orm import Session

from digitize.store.models import Document, FieldValue, Page, SearchEntry, utcnow
from digitize.text import fold, nfc, squash
from digitize.validity import OPEN_ENDED_TYPES

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Above this many matches, results come newest first instead of by relevance (ranking costs per match).
RANK_LIMIT = 2000
# Totals are exact up to this many matches; above it ``total`` is this number and ``exact`` is False
# (counting costs per match; SQLite counts matches of the words alone exactly from the FTS index).
COUNT_CAP = 2000


@dataclass(frozen=True)
class SearchResult:
    ids: list[str]
    total: int
    exact: bool = True  # False: more than COUNT_CAP matched and ``total`` is COUNT_CAP


def _count(session: Session, stmt: Select[Any]) -> tuple[int, bool]:
    """Rows of ``stmt``, counted up to COUNT_CAP (counting costs per row; beyond that it says "more")."""
    n = int(session.scalar(select(func.count()).select_from(stmt.limit(COUNT_CAP + 1).subquery())) or 0)
    return (n, True) if n <= COUNT_CAP else (COUNT_CAP, False)


def tokens(query: str) -> list[str]:
    """The folded words of a query (punctuation dropped)."""
    return _TOKEN.findall(fold(nfc(query)))


def search_body(fields: dict[str, str | None], page_texts: list[str]) -> str:
    """The folded text indexed for a document."""
    parts = [v for v in fields.values() if v]
    parts.extend(t for t in page_texts if t)
    return squash(fold(nfc("\n".join(parts))))


def reindex(session: Session, document_id: str) -> None:
    """Rebuild the search entry of one document from its current fields and pages."""
    fields = {
        f.name: f.value
        for f in session.scalars(select(FieldValue).where(FieldValue.document_id == document_id))
    }
    texts = list(
        session.scalars(select(Page.text).where(Page.document_id == document_id).order_by(Page.index))
    )
    body = search_body(fields, [t or "" for t in texts])
    entry = session.scalar(select(SearchEntry).where(SearchEntry.document_id == document_id))
    if entry is None:
        entry = SearchEntry(document_id=document_id, body=body)
        session.add(entry)
    elif entry.body != body:
        entry.body = body
        entry.updated_at = utcnow()
    session.flush()
    sync_filters(session, document_id)


def sync_filters(session: Session, document_id: str) -> None:
    """Copy the document's filter columns onto its search entry (if it has one)."""
    doc = session.get(Document, document_id)
    if doc is None:
        return
    session.flush()
    session.execute(
        update(SearchEntry)
        .where(SearchEntry.document_id == document_id)
        .values(
            type_folded=doc.type_folded,
            holder_id=doc.holder_id,
            valid_from=doc.valid_from,
            valid_until=doc.valid_until,
            ended_at=doc.ended_at,
        )
        .execution_options(synchronize_session="fetch")
    )


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=UTC)


# type_folded of the results that have no end date by nature (digitize.validity.OPEN_ENDED_TYPES)
_OPEN_ENDED_FOLDED = sorted({fold(t).strip() for t in OPEN_ENDED_TYPES})


def in_force_on(day: date, on: Any = Document) -> Any:
    """SQL condition on ``on`` (Document or SearchEntry, which carry copies of the validity dates): the
    result is in force on ``day``, i.e. ``digitize.validity`` would say "valid" as of ``day``.

    The stored ``valid_from`` is the field or, without one, the issue date. Not yet in force on ``day``:
    no. An end date: up to it, that day included. No end date: only a result open-ended by nature (a
    decision in force from signing); a licence whose end date is unknown has status "unknown", and an
    agency asking what is in force on a day is not told it is."""
    return and_(
        or_(on.valid_from.is_(None), on.valid_from <= day),
        or_(
            on.valid_until >= day,
            and_(on.valid_until.is_(None), on.type_folded.in_(_OPEN_ENDED_FOLDED)),
        ),
        or_(on.ended_at.is_(None), on.ended_at > _end_of_day(day)),
    )


def _filtered(
    stmt: Select[Any],
    *,
    type_name: str | None,
    holder_id: str | None,
    valid_on: date | None,
    states: tuple[str, ...] | None,
    types_folded: tuple[str, ...] | None = None,
    on: Any = Document,
    file_id: str | None = None,
) -> Select[Any]:
    if types_folded is not None:
        stmt = stmt.where(on.type_folded.in_(list(types_folded)))
    if type_name:
        stmt = stmt.where(on.type_folded == fold(nfc(type_name)).strip())
    if holder_id:
        stmt = stmt.where(on.holder_id == holder_id.strip())
    if valid_on is not None:
        stmt = stmt.where(in_force_on(valid_on, on))
    if states:
        stmt = stmt.where(Document.state.in_(states))
    if file_id is not None:  # the hồ sơ lives on the document only
        stmt = stmt.where(Document.file_id == file_id)
    return stmt


def search(
    session: Session,
    q: str | None = None,
    *,
    type_name: str | None = None,
    holder_id: str | None = None,
    valid_on: date | None = None,
    states: tuple[str, ...] | None = None,
    types_folded: tuple[str, ...] | None = None,
    limit: int = 50,
    offset: int = 0,
    file_id: str | None = None,
) -> SearchResult:
    """Document ids matching every word of ``q`` (folded) and the filters, best first, and their total."""
    words = tokens(q) if q else []
    dialect = session.get_bind().dialect.name
    if not words:
        base = _filtered(
            select(Document.id),
            type_name=type_name,
            holder_id=holder_id,
            valid_on=valid_on,
            states=states,
            types_folded=types_folded,
            file_id=file_id,
        )
        total, exact = _count(session, base)
        ids = list(
            session.scalars(
                base.order_by(Document.created_at.desc(), Document.id).limit(limit).offset(offset)
            )
        )
        return SearchResult(ids, total, exact)

    filters = dict(
        type_name=type_name,
        holder_id=holder_id,
        valid_on=valid_on,
        states=states,
        types_folded=types_folded,
        file_id=file_id,
    )
    has_filters = any(v is not None and v != () for v in filters.values())
    if dialect == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        fts = table("search_fts", column("rowid", Integer), column("rank", Float))
        cond: Any = text("search_fts MATCH :m").bindparams(m=match)
        matches = int(session.scalar(select(func.count()).select_from(fts).where(cond)) or 0)
        matches_exact = True  # FTS5 counts its matches from the index alone: cheap
        base = (
            select(SearchEntry.document_id).select_from(fts).join(SearchEntry, SearchEntry.id == fts.c.rowid)
        )
        base = base.where(cond)
        # Ranking (bm25) costs per match: for very broad queries, newest first instead.
        order: list[Any] = [fts.c.rank] if matches <= RANK_LIMIT else [fts.c.rowid.desc()]
    else:
        tsq = func.plainto_tsquery("simple", " ".join(words))
        tsv: Any = literal_column("search_entries.tsv")
        cond = tsv.op("@@")(tsq)
        matches, matches_exact = _count(session, select(SearchEntry.id).where(cond))
        base = select(SearchEntry.document_id).select_from(SearchEntry).where(cond)
        order = (
            [func.ts_rank(tsv, tsq).desc(), SearchEntry.document_id]
            if matches_exact and matches < RANK_LIMIT
            else [SearchEntry.id.desc()]
        )
    if matches == 0:
        return SearchResult([], 0)
    if states or file_id is not None:  # the state and the hồ sơ live on the document only
        base = base.join(Document, Document.id == SearchEntry.document_id)
    base = _filtered(base, **filters, on=SearchEntry)  # type: ignore[arg-type]
    total, exact = (matches, matches_exact) if not has_filters else _count(session, base)
    rows = session.execute(base.order_by(*order).limit(limit).offset(offset)).all()
    return SearchResult([r[0] for r in rows], total, exact)
