"""A document as staff see it (the web document page; ``GET /api/v1/documents/{id}`` returns the same record
from ``digitize.store.service.document_record``), the document types offered by the search forms, and the
officers' validity decisions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from digitize.errors import BadInput, Conflict, NotFound
from digitize.store.models import SEARCHABLE, SIGNED, AccessLogEntry, AuditEntry, Document, Signature, Variant
from digitize.store.service import document_record, field_history, revoke, supersede

# --- the types offered by the search form (cached: a DISTINCT over the whole table is not free) ---------

_types_lock = threading.Lock()
_types_cache: dict[str, tuple[float, list[str]]] = {}
TYPES_TTL = 60.0


def known_types(session: Session) -> list[str]:
    """The document types stored (one spelling per folded name, sorted; at most 200), cached a minute."""
    url = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _types_lock:
        hit = _types_cache.get(url)
        if hit and hit[0] > now:
            return hit[1]
    rows = session.execute(
        select(Document.type_folded, func.min(Document.type_name))
        .where(Document.type_folded.is_not(None))
        .group_by(Document.type_folded)
        .limit(200)
    ).all()
    names = sorted({r[1] for r in rows if r[1]})
    with _types_lock:
        _types_cache[url] = (now + TYPES_TTL, names)
    return names


# --- a document, for staff --------------------------------------------------------------------------


@dataclass(frozen=True)
class AccessRow:
    """Another agency read the document (``digitize.services.agency`` logs every read)."""

    at: datetime
    client: str
    purpose: str


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str


@dataclass(frozen=True)
class DocumentView:
    """The document page: the record (as the API returns it), its field history (newest first), the last 50
    reads by other agencies and the last 50 audit entries about it."""

    record: Mapping[str, Any]
    history: tuple[Mapping[str, Any], ...]
    access: tuple[AccessRow, ...]
    audit: tuple[AuditRow, ...]


HISTORY_ROWS = 50


def document_view(session: Session, document_id: str) -> DocumentView:
    record = document_record(session, document_id, with_pages=False)
    history = field_history(session, document_id)
    access = session.execute(
        select(AccessLogEntry.at, AccessLogEntry.client, AccessLogEntry.purpose)
        .where(AccessLogEntry.document_id == document_id)
        .order_by(AccessLogEntry.at.desc())
        .limit(HISTORY_ROWS)
    ).all()
    audit = session.execute(
        select(AuditEntry.at, AuditEntry.actor, AuditEntry.action)
        .where(AuditEntry.target == document_id)
        .order_by(AuditEntry.id.desc())
        .limit(HISTORY_ROWS)
    ).all()
    return DocumentView(
        record=record,
        history=tuple(reversed(history)),
        access=tuple(AccessRow(*row) for row in access),
        audit=tuple(AuditRow(*row) for row in audit),
    )


# --- officers' validity decisions -------------------------------------------------------------------


class ValidityAction(StrEnum):
    REVOKE = "revoke"
    SUPERSEDE = "supersede"


def decide_validity(
    session: Session, document_id: str, action: str, *, reason: str, replacement: str | None, by: str
) -> None:
    """Revoke the result, or record that another document supersedes it (the web form's one entry point;
    the API's ``/revoke`` and ``/supersede`` call the two store functions directly)."""
    if action == ValidityAction.REVOKE:
        revoke(session, document_id, reason=reason, by=by)
    elif action == ValidityAction.SUPERSEDE:
        supersede(session, document_id, by_document=replacement or "", reason=reason, by=by)
    else:
        raise BadInput("Thao tác không hợp lệ.", "Invalid action.")


# --- which stored file a variant is -----------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    """A file of the object store: its key, content address and declared type."""

    key: str
    sha256: str
    media_type: str


def _latest_variant(session: Session, doc_id: str, kind: str) -> Variant | None:
    return session.scalar(
        select(Variant)
        .where(Variant.document_id == doc_id, Variant.kind == kind)
        .order_by(Variant.id.desc())
        .limit(1)
    )


def stored_file(session: Session, doc: Document, variant: str) -> StoredFile:
    """The original, the latest searchable PDF/A, or the latest signed PDF whose signature verified
    (``Signature.verified``, set when it was signed): a signed PDF that did not verify is never handed out
    (409); a variant not made yet is a 404."""
    key: str | None
    sha: str | None
    media: str | None
    if variant == SIGNED:
        sig = session.scalar(
            select(Signature)
            .where(Signature.document_id == doc.id, Signature.key.is_not(None), Signature.verified.is_(True))
            .order_by(Signature.id.desc())
            .limit(1)
        )
        key, sha, media = (sig.key, sig.sha256, "application/pdf") if sig and sig.key else (None, None, None)
        if key is None and _latest_variant(session, doc.id, SIGNED) is not None:
            raise Conflict(
                "Bản đã ký chưa được xác thực nên chưa được cung cấp.",
                "The signed PDF is not served: its signature did not verify.",
            )
    elif variant == SEARCHABLE:
        v = _latest_variant(session, doc.id, SEARCHABLE)
        key, sha, media = (v.key, v.sha256, v.media_type) if v else (None, None, None)
    else:
        key, sha, media = doc.original_key, doc.sha256, doc.media_type
    if key is None or sha is None:
        raise NotFound(f"Tài liệu chưa có bản {variant}.", f"The document has no {variant} file yet.")
    return StoredFile(key, sha, media or "application/octet-stream")
