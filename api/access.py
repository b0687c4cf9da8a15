"""What an ``agency`` key may read: deny by default, grants per document type (and fields), ``X-Purpose``
required (400 without), and every read written to the access log."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy.orm import Session

from digitize.errors import Forbidden, MissingField
from digitize.store.auth import Principal
from digitize.store.models import AccessLogEntry, Document
from digitize.text import nfc


@dataclass(frozen=True)
class AgencyScope:
    client: str
    purpose: str
    fields_by_type: dict[str, set[str] | None]  # folded type -> fields (None: all)

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.fields_by_type)

    def fields_for(self, doc: Document) -> set[str] | None:
        """Field names this agency may see of ``doc`` (raises Forbidden when its type is not granted)."""
        key = doc.type_folded or ""
        if key not in self.fields_by_type:
            raise Forbidden(
                "Không được cấp quyền đọc loại tài liệu này.", "No grant to read documents of this type."
            )
        allowed = self.fields_by_type[key]
        return set(allowed) if allowed is not None else None


def decode_header(raw: str) -> str:
    """A header value sent as UTF-8 bytes (read as latin-1 by the server) or percent-encoded, as text."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        raw = raw.encode("latin-1").decode("utf-8")
    if "%" in raw:
        from urllib.parse import unquote

        raw = unquote(raw)
    return raw


def agency_scope(principal: Principal, request: Request) -> AgencyScope | None:
    """None for staff; the scope of an agency key (X-Purpose checked)."""
    if principal.role != "agency":
        return None
    client = f"{principal.name} ({principal.key_id})" if principal.key_id else principal.name
    from api.ratelimit import check_agency_rate

    check_agency_rate(client)  # 429 beyond Settings.agency_rate_limit_per_minute
    purpose = nfc(decode_header(request.headers.get("x-purpose", ""))).strip()
    if not purpose:
        raise MissingField(
            "Cần header X-Purpose (mục đích sử dụng dữ liệu).",
            "The X-Purpose header (why the data is read) is required.",
        )
    by_type: dict[str, set[str] | None] = {}
    for g in principal.grants:
        if g.fields is None:
            by_type[g.type_folded] = None
        elif g.type_folded not in by_type or by_type[g.type_folded] is not None:
            current = by_type.get(g.type_folded) or set()
            by_type[g.type_folded] = current | set(g.fields)
    return AgencyScope(client, purpose[:1000], by_type)


def log_reads(session: Session, scope: AgencyScope, docs: list[tuple[str, str | None]], path: str) -> None:
    for doc_id, holder_id in docs:
        session.add(
            AccessLogEntry(
                client=scope.client,
                purpose=scope.purpose,
                document_id=doc_id,
                holder_id=holder_id,
                path=path[:500],
            )
        )
