"""The store's answer to a verifier: is this signed PDF one of ours, and is it in force today?

``registry_lookup`` plugs into ``digitize.verify.verify_pdf(..., registry_lookup=registry_lookup)`` (by the
sha256 of a signed revision); ``registry_match`` answers for a document id (read from the QR code of a
signed result, see ``digitize.signing.qr``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from digitize.store import db
from digitize.store.models import SIGNED, Document, Signature, Variant
from digitize.store.service import parse_date, validity_status
from digitize.verify.model import RegistryMatch


def document_for_signed_sha(session: Session, sha256: str) -> str | None:
    """The document a signed PDF (by its sha256) belongs to."""
    sha = sha256.strip().lower()
    doc_id = session.scalar(select(Signature.document_id).where(Signature.sha256 == sha).limit(1))
    if doc_id is None:
        doc_id = session.scalar(
            select(Variant.document_id).where(Variant.sha256 == sha, Variant.kind == SIGNED).limit(1)
        )
    return doc_id


def _match(session: Session, doc_id: str, on: date | None) -> RegistryMatch | None:
    doc = session.get(Document, doc_id)
    if doc is None:
        return None
    issued = next((f.value for f in doc.fields if f.name == "issued_date"), None)
    return RegistryMatch(
        document_id=doc.id, validity=validity_status(doc.validity, on, parse_date(issued), doc.type_name)
    )


def registry_lookup(sha256: str) -> RegistryMatch | None:
    """The document whose signed PDF has this sha256, and its validity today (None: not ours)."""
    with db.session() as s:
        doc_id = document_for_signed_sha(s, sha256)
        return _match(s, doc_id, None) if doc_id else None


def registry_match(document_id: str, on: date | None = None) -> RegistryMatch | None:
    """The document ``document_id`` (e.g. from a QR code) and its validity as of ``on`` (default today)."""
    with db.session() as s:
        return _match(s, document_id, on)
