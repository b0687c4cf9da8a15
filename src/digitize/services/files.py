"""Hồ sơ (archival files): create, read, list, change, and documents joining or leaving one.

A hồ sơ groups documents within a phông (fonds) the way archives keep them. Its metadata are those of
Circular 02/2019/TT-BNV (input data of a file) as Circular 05/2025/TT-BNV keeps them; ``FileInput`` holds
them validated and NFC. The API, the web pages and the CLI call these functions; each takes an open
``Session`` (the caller owns the transaction) and returns JSON-ready dicts in the API's shapes.

Agencies see hồ sơ only when granted: :func:`agency_may_see_files` is the one check (deny until the agency
grants of ``digitize.services.agency`` say otherwise).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from digitize.errors import BadInput, Conflict, NotFound
from digitize.permissions import Role
from digitize.store.models import ArchivalFile, Document, utcnow
from digitize.text import nfc, squash


class FileAccess(StrEnum):
    """Chế độ sử dụng / mức độ tiếp cận of a hồ sơ."""

    PUBLIC = "public"  # công khai: sử dụng rộng rãi
    RESTRICTED = "restricted"  # hạn chế sử dụng
    CONFIDENTIAL = "confidential"  # tài liệu mật: theo quy định bảo vệ bí mật nhà nước


ACCESS_ALIASES: dict[str, FileAccess] = {
    "public": FileAccess.PUBLIC,
    "cong khai": FileAccess.PUBLIC,
    "công khai": FileAccess.PUBLIC,
    "restricted": FileAccess.RESTRICTED,
    "han che": FileAccess.RESTRICTED,
    "hạn chế": FileAccess.RESTRICTED,
    "confidential": FileAccess.CONFIDENTIAL,
    "mat": FileAccess.CONFIDENTIAL,
    "mật": FileAccess.CONFIDENTIAL,
}

PERMANENT = "permanent"
_YEARS = re.compile(r"^(\d{1,3})\s*(?:y|years?|năm|nam)?$")
_CODE = re.compile(r"^[\w.\-/]+$", re.UNICODE)
_ID = re.compile(r"^[0-9a-f]{32}$")


def normalize_retention(value: str) -> str:
    """Thời hạn bảo quản: ``permanent`` (vĩnh viễn) or ``<N>y`` (1..100 years)."""
    v = squash(nfc(value or "")).lower()
    if v in ("permanent", "vĩnh viễn", "vinh vien", "vv"):
        return PERMANENT
    m = _YEARS.match(v)
    if m and 1 <= int(m.group(1)) <= 100:
        return f"{int(m.group(1))}y"
    raise BadInput(
        f"Thời hạn bảo quản không hợp lệ: {value!r} (cần 'vĩnh viễn' hoặc số năm 1-100).",
        f"Invalid retention period: {value!r} (expected 'permanent' or 1-100 years).",
    )


def normalize_access(value: str) -> FileAccess:
    v = squash(nfc(value or "")).lower()
    if v in ACCESS_ALIASES:
        return ACCESS_ALIASES[v]
    raise BadInput(
        f"Chế độ sử dụng không hợp lệ: {value!r} (công khai | hạn chế | mật).",
        f"Invalid access level: {value!r} (public | restricted | confidential).",
    )


def _text(value: Any, name: str, limit: int, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadInput(f"Thiếu {name}.", f"{name} is required.")
        return None
    if not isinstance(value, str):
        raise BadInput(f"{name} phải là chuỗi.", f"{name} must be a string.")
    text = nfc(value).strip()
    if len(text) > limit or any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise BadInput(
            f"{name} quá dài hoặc có ký tự điều khiển.", f"{name} is too long or has control chars."
        )
    return text


def _count(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError) as exc:
        raise BadInput(f"{name} phải là số nguyên.", f"{name} must be an integer.") from exc
    if not 0 <= n <= 10_000_000:
        raise BadInput(f"{name} ngoài khoảng cho phép.", f"{name} is out of range.")
    return n


def _day(value: Any, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise BadInput(
            f"{name} không hợp lệ: {value!r} (cần YYYY-MM-DD).", f"Invalid {name}: {value!r} (YYYY-MM-DD)."
        ) from exc


@dataclass(frozen=True)
class FileInput:
    """The metadata of a hồ sơ, validated (build it with :meth:`parse`)."""

    code: str  # mã hồ sơ
    title: str  # tiêu đề hồ sơ
    retention: str  # thời hạn bảo quản
    access: FileAccess = FileAccess.RESTRICTED
    language: str = "vi"
    fonds_code: str | None = None
    catalogue: str | None = None
    number: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    sheet_count: int | None = None
    page_count: int | None = None
    info_code: str | None = None
    keywords: str | None = None
    physical_state: str | None = None
    notes: str | None = None

    @classmethod
    def parse(cls, data: dict[str, Any], *, partial_of: ArchivalFile | None = None) -> FileInput:
        """Validate a dict (API body, form, CLI options). With ``partial_of`` missing keys keep its values."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise BadInput(
                f"Trường không tồn tại: {', '.join(unknown)}.", f"Unknown field(s): {', '.join(unknown)}."
            )
        if partial_of is not None:
            base = {k: getattr(partial_of, k) for k in known}
            data = {**base, **data}
        code = _text(data.get("code"), "code", 200, required=True)
        assert code is not None
        if not _CODE.match(code):
            raise BadInput(
                f"Mã hồ sơ không hợp lệ: {code!r} (chữ, số, '.', '-', '/').",
                f"Invalid file code: {code!r} (letters, digits, '.', '-', '/').",
            )
        title = _text(data.get("title"), "title", 2000, required=True)
        assert title is not None
        start, end = _day(data.get("start_date"), "start_date"), _day(data.get("end_date"), "end_date")
        if start and end and end < start:
            raise BadInput("Thời gian kết thúc trước thời gian bắt đầu.", "end_date is before start_date.")
        language = _text(data.get("language"), "language", 50) or "vi"
        return cls(
            code=code,
            title=title,
            retention=normalize_retention(str(data.get("retention") or "")),
            access=normalize_access(str(data.get("access") or "restricted")),
            language=language,
            fonds_code=_text(data.get("fonds_code"), "fonds_code", 100),
            catalogue=_text(data.get("catalogue"), "catalogue", 50),
            number=_text(data.get("number"), "number", 100),
            start_date=start,
            end_date=end,
            sheet_count=_count(data.get("sheet_count"), "sheet_count"),
            page_count=_count(data.get("page_count"), "page_count"),
            info_code=_text(data.get("info_code"), "info_code", 100),
            keywords=_text(data.get("keywords"), "keywords", 2000),
            physical_state=_text(data.get("physical_state"), "physical_state", 200),
            notes=_text(data.get("notes"), "notes", 10000),
        )


def file_record(f: ArchivalFile, document_count: int | None = None) -> dict[str, Any]:
    """The JSON record of a hồ sơ (API, export)."""
    return {
        "id": f.id,
        "code": f.code,
        "title": f.title,
        "fonds_code": f.fonds_code,
        "catalogue": f.catalogue,
        "number": f.number,
        "retention": f.retention,
        "access": f.access,
        "language": f.language,
        "start_date": f.start_date.isoformat() if f.start_date else None,
        "end_date": f.end_date.isoformat() if f.end_date else None,
        "sheet_count": f.sheet_count,
        "page_count": f.page_count,
        "info_code": f.info_code,
        "keywords": f.keywords,
        "physical_state": f.physical_state,
        "notes": f.notes,
        "document_count": document_count,
        "created_by": f.created_by,
        "created_at": _iso(f.created_at),
        "updated_at": _iso(f.updated_at),
    }


def _iso(value: Any) -> str | None:
    from digitize.store.service import iso

    return iso(value)


def get_file(session: Session, file_id: str) -> ArchivalFile:
    row = session.get(ArchivalFile, file_id) if _ID.match(file_id or "") else None
    if row is None:
        row = session.scalar(select(ArchivalFile).where(ArchivalFile.code == nfc(file_id or "").strip()))
    if row is None:
        raise NotFound(f"Không có hồ sơ {file_id}.", f"No file (hồ sơ) {file_id}.")
    return row


def resolve_file_id(session: Session, file_ref: str | None) -> str | None:
    """The id of the hồ sơ named by its id or its code (None for None/empty), for a value the caller gave
    as a filter or a form field: an unknown one is bad input (422), not a missing resource."""
    if file_ref is None or not file_ref.strip():
        return None
    try:
        return get_file(session, file_ref.strip()).id
    except NotFound as exc:
        raise BadInput(
            f"Không có hồ sơ {file_ref.strip()[:200]}.", f"No file (hồ sơ) {file_ref.strip()[:200]}."
        ) from exc


def _documents_in(session: Session, file_id: str) -> int:
    return int(session.scalar(select(func.count()).where(Document.file_id == file_id)) or 0)


def create_file(session: Session, data: FileInput, *, by: str) -> dict[str, Any]:
    from digitize.store.service import audit

    if session.scalar(select(ArchivalFile.id).where(ArchivalFile.code == data.code)) is not None:
        raise Conflict(f"Mã hồ sơ {data.code} đã có.", f"File code {data.code} already exists.")
    values = asdict(data)
    values["access"] = str(data.access)
    row = ArchivalFile(**values, created_by=by)
    session.add(row)
    session.flush()
    audit(session, by, "file.create", row.id, code=row.code)
    return file_record(row, 0)


def update_file(session: Session, file_id: str, changes: dict[str, Any], *, by: str) -> dict[str, Any]:
    from digitize.store.service import audit

    row = get_file(session, file_id)
    data = FileInput.parse(changes, partial_of=row)
    if data.code != row.code and session.scalar(
        select(ArchivalFile.id).where(ArchivalFile.code == data.code, ArchivalFile.id != row.id)
    ):
        raise Conflict(f"Mã hồ sơ {data.code} đã có.", f"File code {data.code} already exists.")
    for k, v in asdict(data).items():
        setattr(row, k, str(v) if k == "access" else v)
    row.updated_at = utcnow()
    session.flush()
    audit(session, by, "file.update", row.id, changes=sorted(changes))
    return file_record(row, _documents_in(session, row.id))


def delete_file(session: Session, file_id: str, *, by: str) -> None:
    """Remove an empty hồ sơ (one that still holds documents is refused)."""
    from digitize.store.service import audit

    row = get_file(session, file_id)
    n = _documents_in(session, row.id)
    if n:
        raise Conflict(
            f"Hồ sơ {row.code} còn {n} tài liệu; hãy chuyển chúng ra trước.",
            f"File {row.code} still holds {n} document(s); move them out first.",
        )
    session.delete(row)
    audit(session, by, "file.delete", row.id, code=row.code)


def file_view(session: Session, file_id: str) -> dict[str, Any]:
    row = get_file(session, file_id)
    return file_record(row, _documents_in(session, row.id))


def list_files(
    session: Session, *, q: str | None = None, fonds_code: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    from digitize.text import fold

    stmt = select(ArchivalFile)
    if fonds_code:
        stmt = stmt.where(ArchivalFile.fonds_code == nfc(fonds_code).strip())
    rows = list(session.scalars(stmt.order_by(ArchivalFile.code)))
    if q:  # folded match on code and title (hồ sơ are few: thousands, not millions)
        words = fold(nfc(q)).split()
        rows = [r for r in rows if all(w in fold(f"{r.code} {r.title} {r.keywords or ''}") for w in words)]
    total = len(rows)
    rows = rows[offset : offset + limit]
    counts = dict(
        session.execute(
            select(Document.file_id, func.count())
            .where(Document.file_id.in_([r.id for r in rows]))
            .group_by(Document.file_id)
        ).all()
    )
    return {"items": [file_record(r, int(counts.get(r.id, 0))) for r in rows], "total": total}


def assign_documents(
    session: Session, file_ref: str | None, document_ids: list[str], *, by: str
) -> dict[str, Any]:
    """Documents join the hồ sơ ``file_ref`` (id or code), or leave theirs when ``file_ref`` is None."""
    from digitize.store.service import audit, get_document

    file_id = get_file(session, file_ref).id if file_ref else None
    if not document_ids:
        raise BadInput("Chưa chọn tài liệu nào.", "No documents given.")
    for doc_id in dict.fromkeys(document_ids):
        doc = get_document(session, doc_id)
        if doc.file_id == file_id:
            continue
        old = doc.file_id
        doc.file_id = file_id
        audit(session, by, "file.assign" if file_id else "file.unassign", doc.id, file_id=file_id, old=old)
    session.flush()
    return {"file_id": file_id, "documents": list(dict.fromkeys(document_ids))}


def set_document_file(session: Session, document_id: str, file_ref: str | None, *, by: str) -> None:
    """One document joins (or with None leaves) a hồ sơ: the review form's and the upload's field."""
    if file_ref is None or not file_ref.strip():
        doc = session.get(Document, document_id)
        if doc is not None and doc.file_id is not None:
            assign_documents(session, None, [document_id], by=by)
        return
    assign_documents(session, file_ref, [document_id], by=by)


def join_at_upload(session: Session, file_id: str | None, document_ids: list[str], *, by: str) -> None:
    """Documents of an upload join a hồ sơ (already resolved, before storing: a bad one refuses the upload).

    A document already in another hồ sơ (the same content uploaded again) is left where it is."""
    if not file_id or not document_ids:
        return
    session.execute(
        update(Document)
        .where(Document.id.in_(document_ids), Document.file_id.is_(None))
        .values(file_id=file_id)
        .execution_options(synchronize_session=False)
    )
    from digitize.store.service import audit

    audit(session, by, "file.assign", file_id, documents=len(document_ids), at="upload")


def agency_may_see_files(principal: Any) -> bool:
    """Whether an agency caller may see hồ sơ (their metadata and membership).

    Staff always may. An agency's grants (``digitize.services.agency``) name document types and fields,
    not hồ sơ: agencies are denied."""
    return getattr(principal, "role", None) != Role.AGENCY


__all__ = [
    "FileAccess",
    "FileInput",
    "agency_may_see_files",
    "assign_documents",
    "create_file",
    "delete_file",
    "file_record",
    "file_view",
    "get_file",
    "join_at_upload",
    "list_files",
    "resolve_file_id",
    "set_document_file",
    "update_file",
]
