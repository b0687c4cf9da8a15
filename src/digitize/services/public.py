"""What anyone may see of a signed document without signing in: the public page ``/v/{id}`` (the QR code on a
signed copy points there) and its JSON (``?format=json``). Only the fields in ``PUBLIC_FIELDS``, validity
as of today, the signatures and the sha256 of the latest verified signed file: nothing about the holder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from digitize.errors import NotFound
from digitize.records import Record
from digitize.store import db
from digitize.store.models import Document, Signature
from digitize.store.service import iso, parse_date, validity_status

PUBLIC_FIELDS = (
    "type_name",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "valid_from",
    "valid_until",
)


@dataclass(frozen=True)
class PublicValidity(Record):
    status: str  # valid | expired | revoked | superseded | unknown
    as_of: str  # today (ISO date)
    reason: str | None  # only when revoked or superseded
    superseded_by: str | None


@dataclass(frozen=True)
class PublicSignature(Record):
    signer: str | None
    organization: str | None
    role: str | None
    level: str | None
    signing_time: str | None
    verified: bool | None


@dataclass(frozen=True)
class PublicFacts(Record):
    """The page ``/v/{id}`` and its JSON (``.to_json()``, the body of ``?format=json``)."""

    document_id: str
    validity: PublicValidity
    fields: Mapping[str, str | None]  # PUBLIC_FIELDS, in that order
    signatures: tuple[PublicSignature, ...]  # oldest first
    signed_sha256: str | None  # the latest verified signed file


def public_facts(document_id: str) -> PublicFacts:
    """What the public page shows of a signed document (NotFound when unknown or not signed)."""
    with db.session() as s:
        doc = s.scalar(
            select(Document)
            .where(Document.id == document_id)
            .options(
                selectinload(Document.fields),
                selectinload(Document.signatures),
                selectinload(Document.validity),
            )
        )
        if doc is None or not doc.signatures:
            raise NotFound(f"Không có văn bản đã ký {document_id}.", f"No signed document {document_id}.")
        values = {f.name: f.value for f in doc.fields}
        today = datetime.now(UTC).date()
        status = validity_status(
            doc.validity,
            today,
            parse_date(values.get("issued_date")),
            values.get("type_name") or doc.type_name,
        )
        v = doc.validity
        fields = {k: values.get(k) for k in PUBLIC_FIELDS}
        if v is not None:
            fields["valid_from"] = v.valid_from.isoformat() if v.valid_from else fields["valid_from"]
            fields["valid_until"] = v.valid_until.isoformat() if v.valid_until else fields["valid_until"]
        sigs: list[Signature] = list(doc.signatures)
        latest = next((x for x in reversed(sigs) if x.key and x.verified), None)
        return PublicFacts(
            document_id=doc.id,
            validity=PublicValidity(
                status=status,
                as_of=today.isoformat(),
                reason=v.reason if v is not None and status in ("revoked", "superseded") else None,
                superseded_by=v.superseded_by if v is not None else None,
            ),
            fields=fields,
            signatures=tuple(
                PublicSignature(
                    signer=x.signer,
                    organization=x.organization,
                    role=x.role,
                    level=x.level,
                    signing_time=(x.detail or {}).get("signing_time") or iso(x.signed_at),
                    verified=x.verified,
                )
                for x in sigs
            ),
            signed_sha256=latest.sha256 if latest else None,
        )
