"""What another agency (an ``agency`` API key) may read, and the log of every one of its requests.

Personal data under Decree 13/2023/NĐ-CP: an agency is granted document types, each wholly or only some of
its fields (``digitize keys create --grant "Giấy phép:valid_until,code_number"``). Deny by default, and no
answer may tell it anything about what it was not granted:

- only documents in state ``done`` (reviewed or accepted) of a granted type; ``state=`` anything else → 400;
- a filter is allowed only on granted fields, for every type it searches (``holder_id`` needs ``holder_id``,
  ``valid_on`` needs ``valid_from`` and ``valid_until``, ``type`` must be granted); otherwise 400, so a
  filter cannot be a yes/no oracle on ungranted data;
- ``q`` searches the text of the granted fields only; the page text only of types granted whole;
- a record is stripped to the granted fields (no file name, sha256, signer, provenance, validity dates...
  unless the type is granted whole); a document of another type, or not done, is simply not found;
- files (the signed PDF only) only of types granted whole;
- every request is logged with the client, its purpose (``X-Purpose``), the path and the query and the
  answer's status, including the ones that found nothing and the ones refused (in a transaction of its own,
  so a refusal's log survives the refusal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from digitize.errors import DigitizeError, Forbidden, MissingField, NotFound, UsageError
from digitize.store import db
from digitize.store import search as search_mod
from digitize.store.auth import Principal
from digitize.store.models import DONE, SIGNED, AccessLogEntry, Document, FieldValue
from digitize.store.service import (
    DocumentRecord,
    document_record,
    documents_for_records,
    iso,
    list_documents,
    record_of,
)
from digitize.text import fold, nfc

# The fields a filter reads: filtering on it needs every one of them granted.
FILTER_FIELDS: dict[str, tuple[str, ...]] = {
    "holder_id": ("holder_id",),
    "valid_on": ("valid_from", "valid_until"),
}
QUERY_LOG_CHARS = 2000
# Documents of field-limited types whose granted fields a text query reads (beyond: 400, narrow the query).
FIELD_SEARCH_CAP = 50_000

T = TypeVar("T")


@dataclass(frozen=True)
class AgencyScope:
    client: str
    purpose: str
    fields_by_type: Mapping[str, frozenset[str] | None] = field(default_factory=dict)  # None: whole type

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.fields_by_type)

    def whole(self, type_folded: str) -> bool:
        return type_folded in self.fields_by_type and self.fields_by_type[type_folded] is None

    def fields_for(self, doc: Document) -> frozenset[str] | None:
        """Field names this agency may see of ``doc`` (None: all); NotFound when its type is not granted."""
        key = doc.type_folded or ""
        if key not in self.fields_by_type:
            raise _not_found(doc.id)
        return self.fields_by_type[key]


@dataclass(frozen=True)
class AgencyQuery:
    q: str | None = None
    type_name: str | None = None
    holder_id: str | None = None
    valid_on: date | None = None
    state: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class Request:
    """What is logged of one agency request."""

    client: str
    purpose: str
    path: str
    query: str


def client_of(principal: Principal) -> str:
    return f"{principal.name} ({principal.key_id})" if principal.key_id else principal.name


def scope_for(principal: Principal, purpose: str) -> AgencyScope:
    """The scope of an agency key; MissingField (400) without a purpose."""
    purpose = nfc(purpose).strip()
    if not purpose:
        raise MissingField(
            "Cần header X-Purpose (mục đích sử dụng dữ liệu).",
            "The X-Purpose header (why the data is read) is required.",
        )
    by_type: dict[str, frozenset[str] | None] = {}
    for g in principal.grants:
        if g.fields is None or (g.type_folded in by_type and by_type[g.type_folded] is None):
            by_type[g.type_folded] = None
        else:
            by_type[g.type_folded] = (by_type.get(g.type_folded) or frozenset()) | frozenset(g.fields)
    return AgencyScope(client_of(principal), purpose[:1000], by_type)


# --- the log --------------------------------------------------------------------------------------


def log_request(request: Request, status: int, documents: list[tuple[str, str | None]] | None = None) -> None:
    """One log line per document answered (one with no document when none was), in its own transaction."""
    entries: list[tuple[str | None, str | None]] = list(documents or []) or [(None, None)]
    with db.session() as s:
        for doc_id, holder_id in entries:
            s.add(
                AccessLogEntry(
                    client=request.client[:200],
                    purpose=request.purpose or "",
                    document_id=doc_id,
                    holder_id=holder_id,
                    path=request.path[:500],
                    query=request.query[:QUERY_LOG_CHARS] or None,
                    status=status,
                )
            )


@contextmanager
def logged(request: Request) -> Iterator[None]:
    """Logs a request refused by a ``DigitizeError`` raised in the block (then re-raises it)."""
    try:
        yield
    except DigitizeError as err:
        if err.http_status != 429:  # a flood of refusals is not written row by row
            log_request(request, err.http_status)
        raise


# --- reads -----------------------------------------------------------------------------------------


def _usage(vi: str, en: str) -> UsageError:
    return UsageError(vi, en)


def _not_found(doc_id: str) -> NotFound:
    return NotFound(f"Không có tài liệu {doc_id}.", f"No document {doc_id}.")


def _check(scope: AgencyScope, query: AgencyQuery) -> tuple[str, ...]:
    """The types the query may search; UsageError (400) for a filter on anything not granted."""
    if query.state is not None and query.state != DONE:
        raise _usage(
            f"Cơ quan khác chỉ xem được tài liệu đã hoàn tất (state=done), không xem được '{query.state}'.",
            f"Other agencies see finished documents only (state=done), not '{query.state}'.",
        )
    types = scope.types
    if query.type_name:
        wanted = fold(nfc(query.type_name)).strip()
        if wanted not in scope.fields_by_type:
            raise _usage(
                f"Không được cấp quyền loại tài liệu '{query.type_name}'.",
                f"No grant for the document type '{query.type_name}'.",
            )
        types = (wanted,)
    used = [name for name, value in (("holder_id", query.holder_id), ("valid_on", query.valid_on)) if value]
    for name in used:
        for t in types:
            allowed = scope.fields_by_type[t]
            missing = [f for f in FILTER_FIELDS[name] if allowed is not None and f not in allowed]
            if missing:
                raise _usage(
                    f"Không được lọc theo '{name}': chưa được cấp quyền trường {', '.join(missing)}"
                    + (" của mọi loại đang tìm (thêm type=...)." if not query.type_name else "."),
                    f"Filtering on '{name}' is not allowed: field(s) {', '.join(missing)} not granted"
                    + (" for every type searched (add type=...)." if not query.type_name else "."),
                )
    return types


def strip_record(whole: DocumentRecord, allowed: frozenset[str] | None) -> dict[str, Any]:
    """A record as an agency may see it: everything of a type granted whole (but page text), else only the
    granted fields and the validity they imply."""
    record: dict[str, Any] = dict(whole)
    record["pages"] = []
    record["file_id"] = None  # the hồ sơ: only with a grant for it (digitize.services.files; none yet)
    if allowed is None:
        return record
    v = record.get("validity") or {}
    validity = None
    if "valid_until" in allowed or "valid_from" in allowed:
        validity = {
            "status": v.get("status"),
            "as_of": v.get("as_of"),
            "valid_from": v.get("valid_from") if "valid_from" in allowed else None,
            "valid_until": v.get("valid_until") if "valid_until" in allowed else None,
        }
    return {
        "id": record["id"],
        "state": record["state"],
        "type": record.get("type"),
        "fields": {k: x for k, x in (record.get("fields") or {}).items() if k in allowed},
        "field_confidence": {k: x for k, x in (record.get("field_confidence") or {}).items() if k in allowed},
        "validity": validity,
        "provenance": None,
        "signatures": [],
        "variants": [],
        "pages": [],
    }


def search(session: Session, scope: AgencyScope, query: AgencyQuery, request: Request) -> dict[str, Any]:
    """``GET /api/v1/documents`` for an agency."""
    with logged(request):
        types = _check(scope, query)
        if not types:
            result: dict[str, Any] = {"items": [], "total": 0, "total_exact": True}
        elif query.q and any(not scope.whole(t) for t in types):
            result = _search_granted_text(session, scope, query, types)
        else:
            result = dict(
                list_documents(
                    session,
                    q=query.q,
                    holder_id=query.holder_id,
                    valid_on=query.valid_on,
                    states=(DONE,),
                    types_folded=types,
                    limit=query.limit,
                    offset=query.offset,
                    fields_for=lambda d: _set(scope.fields_for(d)),
                )
            )
        by_id = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(_ids(result))))}
        result["items"] = [
            strip_record(i, scope.fields_for(by_id[i["id"]])) for i in result["items"] if i["id"] in by_id
        ]
    log_request(request, 200, [(i["id"], by_id[i["id"]].holder_id) for i in result["items"]] or None)
    return result


def _ids(result: dict[str, Any]) -> list[str]:
    return [i["id"] for i in result["items"]]


def _search_granted_text(
    session: Session, scope: AgencyScope, query: AgencyQuery, types: tuple[str, ...]
) -> dict[str, Any]:
    """A text query over the granted fields only (page text too for the types granted whole)."""
    words = set(search_mod.tokens(query.q or ""))
    whole = tuple(t for t in types if scope.whole(t))
    partial = tuple(t for t in types if not scope.whole(t))
    found: set[str] = set()
    if whole and words:
        found.update(
            search_mod.search(
                session,
                query.q,
                holder_id=query.holder_id,
                valid_on=query.valid_on,
                states=(DONE,),
                types_folded=whole,
                limit=search_mod.COUNT_CAP,
            ).ids
        )
    if partial and words:
        candidates = select(Document.id).where(Document.state == DONE, Document.type_folded.in_(partial))
        if query.holder_id:
            candidates = candidates.where(Document.holder_id == query.holder_id.strip())
        if query.valid_on is not None:
            candidates = candidates.where(search_mod.in_force_on(query.valid_on, Document))
        n = len(session.scalars(candidates.limit(FIELD_SEARCH_CAP + 1)).all())
        if n > FIELD_SEARCH_CAP:
            raise _usage(
                "Quá nhiều tài liệu để tìm theo chữ trong các trường được cấp: "
                "thu hẹp bằng type= hoặc bộ lọc.",
                "Too many documents to search the granted fields' text: narrow with type= or a filter.",
            )
        names = set().union(*(scope.fields_by_type[t] or () for t in partial))
        rows = session.execute(
            select(FieldValue.document_id, Document.type_folded, FieldValue.name, FieldValue.value)
            .join(Document, Document.id == FieldValue.document_id)
            .where(FieldValue.document_id.in_(candidates.scalar_subquery()), FieldValue.name.in_(names))
        ).all()
        text: dict[str, set[str]] = {}
        for doc_id, type_folded, name, value in rows:
            allowed = scope.fields_by_type.get(type_folded or "")
            if value and allowed is not None and name in allowed:
                text.setdefault(doc_id, set()).update(search_mod.tokens(value))
        found.update(d for d, toks in text.items() if words <= toks)
    if not found:
        return {"items": [], "total": 0, "total_exact": True}
    ordered = list(
        session.scalars(
            select(Document.id)
            .where(Document.id.in_(found))
            .order_by(Document.created_at.desc(), Document.id)
        )
    )
    page = ordered[query.offset : query.offset + query.limit]
    docs = documents_for_records(session, page)
    items = [
        record_of(docs[i], on=query.valid_on, with_pages=False, fields=_set(scope.fields_for(docs[i])))
        for i in page
        if i in docs
    ]
    return {"items": items, "total": len(ordered), "total_exact": True}


def _set(fields: frozenset[str] | None) -> set[str] | None:
    return set(fields) if fields is not None else None


def read_record(
    session: Session, scope: AgencyScope, document_id: str, on: date | None, request: Request
) -> dict[str, Any]:
    """``GET /api/v1/documents/{id}`` for an agency: not found unless done and of a granted type."""
    with logged(request):
        doc = _readable(session, scope, document_id)
        allowed = scope.fields_for(doc)
        if on is not None and allowed is not None and not {"valid_from", "valid_until"} <= allowed:
            raise _usage(
                "Không được hỏi hiệu lực theo ngày: chưa được cấp quyền trường valid_from, valid_until.",
                "Validity as of a date is not allowed: fields valid_from, valid_until not granted.",
            )
        record = strip_record(
            document_record(session, doc.id, on=on, fields=_set(allowed), with_pages=False), allowed
        )
    log_request(request, 200, [(doc.id, doc.holder_id)])
    return record


def _readable(session: Session, scope: AgencyScope, document_id: str) -> Document:
    doc = session.get(Document, document_id)
    if doc is None or doc.state != DONE or (doc.type_folded or "") not in scope.fields_by_type:
        raise _not_found(document_id)  # the same answer: no oracle on what exists
    return doc


def check_file(
    session: Session, scope: AgencyScope, document_id: str, variant: str, request: Request
) -> Callable[[int], None]:
    """May the agency fetch this file? Raises when not; returns what logs the answer's status."""
    with logged(request):
        doc = _readable(session, scope, document_id)
        if variant != SIGNED:
            raise Forbidden("Cơ quan khác chỉ tải được bản đã ký.", "Agencies may only fetch the signed PDF.")
        if not scope.whole(doc.type_folded or ""):
            raise Forbidden(
                "Tệp chỉ được cung cấp khi được cấp quyền toàn bộ loại tài liệu (tệp chứa mọi trường).",
                "Files are served only with a grant of the whole document type (a file shows every field).",
            )
    holder = doc.holder_id

    def done(status: int) -> None:
        log_request(request, status, [(doc.id, holder)])

    return done


# --- the access log, as the admin reads it (GET /api/v1/access-log) ----------------------------------


@dataclass(frozen=True)
class AccessLogRecord:
    at: str | None  # ISO 8601, UTC
    client: str
    purpose: str
    document_id: str | None
    holder_id: str | None
    path: str | None
    query: str | None
    status: int | None


@dataclass(frozen=True)
class AccessLogPage:
    items: tuple[AccessLogRecord, ...]
    total: int


def access_log(
    session: Session,
    *,
    holder_id: str | None = None,
    document_id: str | None = None,
    client: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> AccessLogPage:
    """Reads by other agencies, newest first, filtered by holder, document or client."""
    where = []
    if holder_id:
        where.append(AccessLogEntry.holder_id == holder_id.strip())
    if document_id:
        where.append(AccessLogEntry.document_id == document_id.strip())
    if client:
        where.append(AccessLogEntry.client == client)
    total = int(session.scalar(select(func.count()).select_from(AccessLogEntry).where(*where)) or 0)
    rows = session.scalars(
        select(AccessLogEntry)
        .where(*where)
        .order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    items = tuple(
        AccessLogRecord(
            at=iso(r.at),
            client=r.client,
            purpose=r.purpose,
            document_id=r.document_id,
            holder_id=r.holder_id,
            path=r.path,
            query=r.query,
            status=r.status,
        )
        for r in rows
    )
    return AccessLogPage(items, total)
