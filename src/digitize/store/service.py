"""Operations on the store that every adapter (CLI, API, workers, web) shares.

Each function takes an open ``Session`` (the caller owns the transaction) and returns plain values or rows.
Records and batches are returned as JSON-ready dicts in the exact shapes of the HTTP API.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NotRequired, TypedDict

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer, selectinload

from digitize.errors import BadInput, Conflict, NotFound
from digitize.pipeline.model import FIELD_MAX_CHARS, FIELD_NAMES
from digitize.records import Record
from digitize.store import search as search_mod
from digitize.store.models import (
    DONE,
    FAILED,
    FINISHED_STATES,
    NEEDS_REVIEW,
    ORIGINAL,
    PROCESSING,
    RECEIVED,
    VALIDITY_ACTIVE,
    VALIDITY_REVOKED,
    VALIDITY_SUPERSEDED,
    AuditEntry,
    Batch,
    BatchItem,
    Document,
    FieldHistory,
    FieldValue,
    Page,
    Stack,
    Validity,
    Variant,
    utcnow,
)
from digitize.text import fold, nfc

DATE_FIELDS = frozenset({"issued_date", "valid_from", "valid_until"})


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def iso(value: datetime | None) -> str | None:
    v = as_utc(value)
    return v.isoformat().replace("+00:00", "Z") if v else None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def audit(session: Session, actor: str, action: str, target: str | None = None, **detail: Any) -> None:
    """Append one entry to the audit trail."""
    session.add(AuditEntry(actor=actor, action=action, target=target, detail=detail or None))


def add_once_by_content(s: Session, row: Document | Stack) -> tuple[str, bool]:
    """Insert ``row`` (a document or a stack: one per sha256) unless one with its content is there: (the id,
    already there). Two ingests storing the same content at once both get past the first look; the insert
    runs in a savepoint, and the loser of the unique sha256 joins the winner's row. The savepoint is part of
    the caller's transaction (``digitize.store.db``): the row commits with what the caller records next."""
    model = type(row)
    existing = s.scalar(select(model.id).where(model.sha256 == row.sha256))
    if existing is not None:
        return existing, True
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        existing = s.scalar(select(model.id).where(model.sha256 == row.sha256))
        if existing is None:
            raise
        return existing, True
    return row.id, False


def receive_document(
    s: Session,
    *,
    sha: str,
    key: str,
    media_type: str,
    size: int,
    filename: str,
    actor: str,
    stack_id: str | None = None,
    stack_sha: str | None = None,
) -> tuple[str, bool]:
    """The document for a stored original (``key``; a part split out of stack ``stack_id`` whose content is
    ``stack_sha``): the one already holding this content (``add_once_by_content``), or a new one in state
    ``received`` with its original variant and an audit entry. Returns (id, already there)."""
    doc = Document(
        sha256=sha,
        media_type=media_type,
        size=size,
        original_filename=filename,
        original_key=key,
        state=RECEIVED,
        stack_id=stack_id,
    )
    doc_id, already = add_once_by_content(s, doc)
    if already:
        return doc_id, True
    from_stack: dict[str, Any] = {"stack_id": stack_id} if stack_id is not None else {}
    variant = Variant(
        document_id=doc.id,
        kind=ORIGINAL,
        key=key,
        sha256=sha,
        size=size,
        media_type=media_type,
        created_by=actor,
    )
    if stack_id is not None:
        variant.derived_from = stack_sha
        variant.detail = from_stack
    s.add(variant)
    audit(s, actor, "document.receive", doc.id, sha256=sha, filename=filename, **from_stack)
    return doc.id, False


def get_document(session: Session, document_id: str) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
    return doc


def get_batch(session: Session, batch_id: str) -> Batch:
    batch = session.get(Batch, batch_id)
    if batch is None:
        raise NotFound(f"Không có lô {batch_id}.", f"No batch {batch_id}.")
    return batch


# --- batches -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchCounts(Record):
    """Documents of a batch by state (``received`` counts those processing too; ``failed`` the files
    refused)."""

    received: int
    done: int
    failed: int
    needs_review: int


@dataclass(frozen=True)
class RejectedFile(Record):
    filename: str
    error: Mapping[str, Any]  # {"code", "message"}


@dataclass(frozen=True)
class BatchView(Record):
    """A batch as ``GET /api/v1/batches/{id}``, its web page and ``digitize status`` show it (``.to_json()``:
    the body of the API)."""

    id: str
    name: str | None
    state: str  # queued | processing | done
    counts: BatchCounts
    documents: tuple[str, ...]  # in upload order (a stack's documents in stack order), each once
    processing: int
    rejected: tuple[RejectedFile, ...]
    stacks: tuple[Mapping[str, Any], ...]  # ``digitize.services.stacks.stack_summary`` of each stack
    created_at: str | None


def batch_view(session: Session, batch_id: str) -> BatchView:
    """``GET /api/v1/batches/{id}``: the batch's state, counts, documents, refused files and stacks."""
    batch = get_batch(session, batch_id)
    return _batch_view(session, batch)


def _batch_view(session: Session, batch: Batch) -> BatchView:
    rows = session.execute(
        select(
            BatchItem.document_id,
            BatchItem.filename,
            BatchItem.error_code,
            BatchItem.error_message,
            BatchItem.duplicate,
            Document.state,
            BatchItem.stack_id,
        )
        .outerjoin(Document, Document.id == BatchItem.document_id)
        .where(BatchItem.batch_id == batch.id)
        .order_by(BatchItem.position)
    ).all()
    doc_ids: list[str] = []
    states: dict[str, str] = {}
    rejected: list[RejectedFile] = []
    stacks: list[dict[str, Any]] = []
    for doc_id, filename, code, message, _dup, state, stack_id in rows:
        if stack_id is not None:  # a stack scan: its documents in stack order once split (issue 15)
            from digitize.services.stacks import stack_summary

            summary = stack_summary(session, stack_id)
            stacks.append(summary)
            if summary["error"] is not None:
                rejected.append(RejectedFile(filename, summary["error"]))
            for sub_id, sub_state in summary["document_states"]:
                if sub_id not in states:
                    doc_ids.append(sub_id)
                    states[sub_id] = sub_state
            continue
        if doc_id is None:
            rejected.append(RejectedFile(filename, {"code": code, "message": message}))
            continue
        if doc_id not in states:
            doc_ids.append(doc_id)
            states[doc_id] = state
    per_state = Counter(states.values())
    counts = BatchCounts(
        received=per_state[RECEIVED] + per_state[PROCESSING],
        done=per_state[DONE],
        failed=per_state[FAILED] + len(rejected),
        needs_review=per_state[NEEDS_REVIEW],
    )
    waiting = [st for st in stacks if st["state"] in ("received", "splitting", "needs_review")]
    if waiting:
        overall = "processing" if any(st["state"] != "received" for st in waiting) or states else "queued"
    elif (states and all(s in FINISHED_STATES for s in states.values())) or (not states and rejected):
        overall = "done"
    elif any(s != RECEIVED for s in states.values()):
        overall = "processing"
    else:
        overall = "queued" if states else "done"
    return BatchView(
        id=batch.id,
        name=batch.name,
        state=overall,
        counts=counts,
        documents=tuple(doc_ids),
        processing=per_state[PROCESSING],
        rejected=tuple(rejected),
        stacks=tuple({k: v for k, v in st.items() if k != "document_states"} for st in stacks),
        created_at=iso(batch.created_at),
    )


def list_batches(session: Session, limit: int = 100, offset: int = 0) -> list[BatchView]:
    batches = session.scalars(
        select(Batch).order_by(Batch.created_at.desc(), Batch.id).limit(limit).offset(offset)
    ).all()
    return [_batch_view(session, b) for b in batches]


def count_batches(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Batch)) or 0)


# --- documents ---------------------------------------------------------------------------------


def validity_status(
    v: Validity | None, on: date | None = None, issued: date | None = None, type_name: str | None = None
) -> str:
    """valid | expired | revoked | superseded | unknown, as of ``on`` (default today, UTC).

    The rules are ``digitize.validity``'s (one place): the stored dates, the officers' decisions (revoked or
    superseded from the day decided), and ``issued`` standing in for a missing start of an open-ended result.
    """
    from digitize import validity as rules

    on = on or datetime.now(UTC).date()
    if v is None:
        return "unknown"
    decided = as_utc(v.revoked_at)
    open_ended = rules.is_open_ended(type_name)
    return rules.validity_status(
        v.valid_from or (issued if open_ended else None),
        v.valid_until,
        on,
        revoked_at=(decided or datetime.min.replace(tzinfo=UTC)) if v.status == VALIDITY_REVOKED else None,
        superseded_by=(v.superseded_by or "?") if v.status == VALIDITY_SUPERSEDED else None,
        superseded_at=decided if v.status == VALIDITY_SUPERSEDED else None,
        open_ended=open_ended,
    )


class RecordError(TypedDict):
    code: str
    message: str | None


class RecordValidity(TypedDict):
    status: str  # valid | expired | revoked | superseded | unknown (``validity_status``)
    as_of: str
    valid_from: str | None
    valid_until: str | None
    revoked_at: str | None
    reason: str | None
    superseded_by: str | None
    supersedes: str | None


class DerivedRef(TypedDict):
    variant: str
    sha256: str
    derived_from: str | None


class RecordProvenance(TypedDict):
    sha256: str
    ocr_confidence: float | None
    reviewed_by: str | None
    reviewed_at: str | None
    received_at: str | None
    processed_at: str | None
    pipeline_version: str | None
    derived: list[DerivedRef]


class RecordSignature(TypedDict):
    id: int
    sha256: str
    signer: str | None
    organization: str | None
    role: str | None
    level: str | None
    signed_at: str | None
    verified: bool | None


class RecordPage(TypedDict):
    index: int
    state: str
    confidence: float | None
    text: NotRequired[str]  # not in lists (``with_pages=False``)


class DocumentRecord(TypedDict):
    """A document as ``GET /api/v1/documents/{id}`` returns it (``api.schemas.Document``), the web pages
    show it and an export package keeps it. A JSON value as it is (keys in this order): a TypedDict rather
    than a frozen record because agencies' views (``services.agency.strip_record``) and the exports derive
    from it."""

    id: str
    state: str
    error: RecordError | None
    type: str | None
    filename: str
    media_type: str
    page_count: int | None
    fields: dict[str, str | None]
    field_confidence: dict[str, float | None]
    validity: RecordValidity
    provenance: RecordProvenance
    signatures: list[RecordSignature]
    variants: list[str]
    file_id: str | None
    created_at: str | None
    updated_at: str | None
    pages: list[RecordPage]


class RecordList(TypedDict):
    """A page of records (``GET /api/v1/documents``, ``GET /api/v1/review``): records without page text."""

    items: list[DocumentRecord]
    total: int
    total_exact: bool  # False when ``total`` is an estimate (a large text search)


def document_record(
    session: Session,
    document_id: str,
    *,
    on: date | None = None,
    fields: set[str] | None = None,
    with_pages: bool = True,
) -> DocumentRecord:
    """The record of ``GET /api/v1/documents/{id}``.

    ``fields`` restricts the field names shown (agency grants); None shows all.
    """
    doc = session.scalar(
        select(Document).where(Document.id == document_id).options(*_record_loads(with_text=True))
    )
    if doc is None:
        raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
    return record_of(doc, on=on, fields=fields, with_pages=with_pages)


def _record_loads(*, with_text: bool) -> tuple[Any, ...]:
    """What ``record_of`` reads, loaded in one query each (page text and data only when shown)."""
    pages = selectinload(Document.pages)
    return (
        selectinload(Document.fields),
        pages if with_text else pages.options(defer(Page.text), defer(Page.data)),
        selectinload(Document.variants),
        selectinload(Document.signatures),
        selectinload(Document.validity),
    )


def documents_for_records(session: Session, ids: Iterable[str]) -> dict[str, Document]:
    """The documents ``ids`` by id, loaded for ``record_of(..., with_pages=False)`` (lists: no page text);
    unknown ids are left out."""
    query = select(Document).where(Document.id.in_(list(ids))).options(*_record_loads(with_text=False))
    return {d.id: d for d in session.scalars(query)}


def record_of(
    doc: Document, *, on: date | None = None, fields: set[str] | None = None, with_pages: bool = True
) -> DocumentRecord:
    values: dict[str, str | None] = dict.fromkeys(FIELD_NAMES)
    confidence: dict[str, float | None] = {}
    for f in doc.fields:
        values[f.name] = f.value
        confidence[f.name] = f.confidence
    if fields is not None:
        values = {k: v for k, v in values.items() if k in fields}
        confidence = {k: v for k, v in confidence.items() if k in fields}
    v = doc.validity
    on = on or datetime.now(UTC).date()
    issued = parse_date(values.get("issued_date")) if fields is None or "issued_date" in fields else None
    validity: RecordValidity = {
        "status": validity_status(v, on, issued, values.get("type_name") or doc.type_name),
        "as_of": on.isoformat(),
        "valid_from": v.valid_from.isoformat() if v and v.valid_from else None,
        "valid_until": v.valid_until.isoformat() if v and v.valid_until else None,
        "revoked_at": iso(v.revoked_at) if v else None,
        "reason": v.reason if v else None,
        "superseded_by": v.superseded_by if v else None,
        "supersedes": v.supersedes if v else None,
    }
    variants = sorted({x.kind for x in doc.variants})
    pages: list[RecordPage] = [
        {"index": p.index, "state": p.state, "confidence": p.confidence, "text": p.text or ""}
        if with_pages
        else {"index": p.index, "state": p.state, "confidence": p.confidence}
        for p in doc.pages
    ]
    return {
        "id": doc.id,
        "state": doc.state,
        "error": {"code": doc.error_code, "message": doc.error_message} if doc.error_code else None,
        "type": doc.type_name,
        "filename": doc.original_filename,
        "media_type": doc.media_type,
        "page_count": doc.page_count,
        "fields": values,
        "field_confidence": confidence,
        "validity": validity,
        "provenance": {
            "sha256": doc.sha256,
            "ocr_confidence": doc.ocr_confidence,
            "reviewed_by": doc.reviewed_by,
            "reviewed_at": iso(doc.reviewed_at),
            "received_at": iso(doc.created_at),
            "processed_at": iso(doc.processed_at),
            "pipeline_version": doc.pipeline_version,
            "derived": [
                {"variant": x.kind, "sha256": x.sha256, "derived_from": x.derived_from} for x in doc.variants
            ],
        },
        "signatures": [
            {
                "id": s.id,
                "sha256": s.sha256,
                "signer": s.signer,
                "organization": s.organization,
                "role": s.role,
                "level": s.level,
                "signed_at": iso(s.signed_at),
                "verified": s.verified,
            }
            for s in doc.signatures
        ],
        "variants": variants,
        "file_id": doc.file_id,  # the hồ sơ (digitize.services.files); agencies see it only when granted
        "created_at": iso(doc.created_at),
        "updated_at": iso(doc.updated_at),
        "pages": pages,
    }


def list_documents(
    session: Session,
    *,
    q: str | None = None,
    type_name: str | None = None,
    holder_id: str | None = None,
    valid_on: date | None = None,
    states: tuple[str, ...] | None = None,
    types_folded: tuple[str, ...] | None = None,
    limit: int = 50,
    offset: int = 0,
    on: date | None = None,
    fields_for: Callable[[Document], set[str] | None] | None = None,
    file_id: str | None = None,
) -> RecordList:
    """``GET /api/v1/documents``: ``{"items": [records without page text], "total": N, "total_exact"}``."""
    result = search_mod.search(
        session,
        q,
        type_name=type_name,
        holder_id=holder_id,
        valid_on=valid_on,
        states=states,
        types_folded=types_folded,
        limit=limit,
        offset=offset,
        file_id=file_id,
    )
    if not result.ids:
        return {"items": [], "total": result.total, "total_exact": result.exact}
    by_id = documents_for_records(session, result.ids)
    items = [
        record_of(
            by_id[i], on=on or valid_on, with_pages=False, fields=fields_for(by_id[i]) if fields_for else None
        )
        for i in result.ids
        if i in by_id
    ]
    return {"items": items, "total": result.total, "total_exact": result.exact}


# --- fields, review, validity -------------------------------------------------------------------


def _sync_denormalised(doc: Document, values: dict[str, str | None]) -> None:
    if "type_name" in values:
        doc.type_name = values["type_name"]
        doc.type_folded = fold(values["type_name"]).strip() if values["type_name"] else None
    if "holder_name" in values:
        doc.holder_name = values["holder_name"]
    if "holder_id" in values:
        doc.holder_id = (values["holder_id"] or "").strip() or None


def sync_validity_dates(session: Session, doc: Document, values: dict[str, str | None]) -> None:
    """Keep ``validity.valid_from/valid_until`` in step with the fields (issued date if no valid_from)."""
    v = session.get(Validity, doc.id)
    if v is None:
        v = Validity(document_id=doc.id, status=VALIDITY_ACTIVE)
        session.add(v)
    v.valid_from = parse_date(values.get("valid_from")) or parse_date(values.get("issued_date"))
    v.valid_until = parse_date(values.get("valid_until"))
    doc.valid_from, doc.valid_until = v.valid_from, v.valid_until


def current_fields(session: Session, document_id: str) -> dict[str, FieldValue]:
    return {
        f.name: f for f in session.scalars(select(FieldValue).where(FieldValue.document_id == document_id))
    }


def store_extracted_fields(
    session: Session, doc: Document, extracted: dict[str, tuple[str | None, float | None]]
) -> None:
    """Upsert the fields found by extraction; a value a reviewer has corrected is kept."""
    existing = current_fields(session, doc.id)
    for name, (value, conf) in extracted.items():
        value = nfc(value) if value is not None else None
        row = existing.get(name)
        if row is None:
            session.add(FieldValue(document_id=doc.id, name=name, value=value, confidence=conf, source="ocr"))
        elif row.source != "review":
            row.value, row.confidence = value, conf
    session.flush()
    values = {n: f.value for n, f in current_fields(session, doc.id).items()}
    _sync_denormalised(doc, values)
    sync_validity_dates(session, doc, values)
    search_mod.sync_filters(session, doc.id)


def correct_fields(
    session: Session,
    document_id: str,
    changes: dict[str, str | None],
    *,
    by: str,
    reason: str | None = None,
    mark_reviewed: bool = True,
) -> Document:
    """A reviewer's corrections: history kept (old, new, who, when), search re-indexed, audit written.

    A document in needs_review becomes done once reviewed.
    """
    doc = get_document(session, document_id)
    unknown = sorted(set(changes) - set(FIELD_NAMES))
    if unknown:
        raise BadInput(
            f"Trường không tồn tại: {', '.join(unknown)}.",
            f"Unknown field(s): {', '.join(unknown)}.",
            fields=unknown,
        )
    if doc.state in (RECEIVED, PROCESSING):
        raise Conflict(
            "Tài liệu đang được xử lý, chưa thể sửa.",
            "The document is still being processed.",
        )
    # every value checked before any is written: a refused correction leaves the record as it was
    cleaned: dict[str, str | None] = {}
    for name, raw in changes.items():
        new = nfc(raw).strip() if isinstance(raw, str) else None
        if new == "":
            new = None
        if new is not None and len(new) > FIELD_MAX_CHARS[name]:
            raise BadInput(
                f"Giá trị quá dài cho {name}: {len(new)} ký tự (tối đa {FIELD_MAX_CHARS[name]}).",
                f"Value too long for {name}: {len(new)} characters (at most {FIELD_MAX_CHARS[name]}).",
                fields=[name],
            )
        if name in DATE_FIELDS and new is not None and parse_date(new) is None:
            raise BadInput(
                f"Ngày không hợp lệ cho {name}: {new} (cần YYYY-MM-DD).",
                f"Invalid date for {name}: {new} (expected YYYY-MM-DD).",
            )
        cleaned[name] = new
    existing = current_fields(session, doc.id)
    now = utcnow()
    changed: dict[str, dict[str, str | None]] = {}
    for name, new in cleaned.items():
        row = existing.get(name)
        old = row.value if row else None
        if row is None:
            row = FieldValue(
                document_id=doc.id, name=name, value=new, confidence=1.0, source="review", updated_by=by
            )
            session.add(row)
        else:
            if old == new and row.source == "review":
                continue
            row.value, row.confidence, row.source, row.updated_by, row.updated_at = (
                new,
                1.0,
                "review",
                by,
                now,
            )
        if old != new:
            session.add(
                FieldHistory(
                    document_id=doc.id,
                    name=name,
                    old_value=old,
                    new_value=new,
                    changed_by=by,
                    changed_at=now,
                    reason=reason,
                )
            )
            changed[name] = {"old": old, "new": new}
    session.flush()
    values = {n: f.value for n, f in current_fields(session, doc.id).items()}
    _sync_denormalised(doc, values)
    sync_validity_dates(session, doc, values)
    if mark_reviewed:
        doc.reviewed_by, doc.reviewed_at = by, now
        if doc.state == NEEDS_REVIEW:
            doc.state = DONE
    search_mod.reindex(session, doc.id)
    audit(session, by, "fields.correct", doc.id, changes=changed, reason=reason)
    return doc


def field_history(session: Session, document_id: str) -> list[dict[str, Any]]:
    get_document(session, document_id)
    rows = session.scalars(
        select(FieldHistory).where(FieldHistory.document_id == document_id).order_by(FieldHistory.id)
    )
    return [
        {
            "field": h.name,
            "old": h.old_value,
            "new": h.new_value,
            "by": h.changed_by,
            "at": iso(h.changed_at),
            "reason": h.reason,
        }
        for h in rows
    ]


def _reason(reason: str) -> str:
    reason = nfc(reason or "").strip()
    if not reason:
        raise BadInput("Cần nêu lý do.", "A reason is required.")
    return reason


def revoke(
    session: Session, document_id: str, *, reason: str, by: str, at: datetime | None = None
) -> Validity:
    """An officer revokes a result (it stays stored; its status becomes revoked from ``at``)."""
    doc = get_document(session, document_id)
    reason = _reason(reason)
    v = session.get(Validity, doc.id)
    if v is None:
        v = Validity(document_id=doc.id)
        session.add(v)
    if v.status != VALIDITY_ACTIVE:
        raise Conflict("Kết quả đã bị thu hồi hoặc thay thế.", "The result is already revoked or superseded.")
    v.status, v.revoked_at, v.revoked_by, v.reason = VALIDITY_REVOKED, at or utcnow(), by, reason
    doc.ended_at = v.revoked_at
    audit(session, by, "validity.revoke", doc.id, reason=reason)
    session.flush()
    search_mod.sync_filters(session, doc.id)
    return v


def supersede(
    session: Session, document_id: str, *, by_document: str, reason: str, by: str, at: datetime | None = None
) -> Validity:
    """An officer replaces a result by a newer one; both records link to each other."""
    if document_id == by_document:
        raise BadInput("Tài liệu không thể tự thay thế chính nó.", "A document cannot supersede itself.")
    old = get_document(session, document_id)
    new = get_document(session, by_document)
    reason = _reason(reason)
    v = session.get(Validity, old.id)
    if v is None:
        v = Validity(document_id=old.id)
        session.add(v)
    if v.status != VALIDITY_ACTIVE:
        raise Conflict("Kết quả đã bị thu hồi hoặc thay thế.", "The result is already revoked or superseded.")
    v.status, v.revoked_at, v.revoked_by, v.reason = VALIDITY_SUPERSEDED, at or utcnow(), by, reason
    old.ended_at = v.revoked_at
    v.superseded_by = new.id
    nv = session.get(Validity, new.id)
    if nv is None:
        nv = Validity(document_id=new.id)
        session.add(nv)
    nv.supersedes = old.id
    audit(session, by, "validity.supersede", old.id, superseded_by=new.id, reason=reason)
    session.flush()
    search_mod.sync_filters(session, old.id)
    return v


def counts_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(select(Document.state, func.count()).group_by(Document.state)).all()
    return {state: int(n) for state, n in rows}


def has_documents(session: Session) -> bool:
    return session.scalar(select(Document.id).limit(1)) is not None
