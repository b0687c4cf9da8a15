"""The quarantine, as an administrator sees it: the bytes of refused uploads (not a scan, or a scan that does
not open), kept under ``quarantine/<sha256>`` so that nothing a user uploaded is lost, never served, never
rendered (``digitize.ingest``).

What an administrator can do with an item (``digitize quarantine list|show|release|delete``), each audited:

- ``list_items``: what is held (or was released/deleted), newest first: sha256, size, the names it was
  uploaded under, why it was refused, by whom, in which batches.
- ``show_item`` (optionally ``save_item``: its bytes to a file of the admin's choosing, for inspection
  offline; the web never shows them).
- ``release_item``: through the same door as any upload (content and "does it open" checks): a file refused
  for a limit since raised, or by an older rule, becomes a document; a file still refused stays held.
- ``delete_item``: the bytes removed for good, with a reason.

The items are read from the audit trail (``upload.quarantine`` entries), so the list works the same on a
local directory and on S3.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.content import check_opens, quarantine_key, scan_type_of_file
from digitize.errors import BadInput, Conflict, DigitizeError, NotFound, UsageError
from digitize.store import db
from digitize.store.models import AuditEntry
from digitize.store.objects import get_object_store
from digitize.store.service import audit, iso

QUARANTINED = "upload.quarantine"
RELEASED = "quarantine.release"
DELETED = "quarantine.delete"
SAVED = "quarantine.save"
_ACTIONS = (QUARANTINED, RELEASED, DELETED)
_SHA = re.compile(r"[0-9a-f]{64}")


class QuarantineState(StrEnum):
    HELD = "held"
    RELEASED = "released"
    DELETED = "deleted"


@dataclass(frozen=True)
class QuarantineItem:
    sha256: str
    key: str
    size: int | None
    filenames: tuple[str, ...]  # the names it was uploaded under (newest last)
    reason: str  # error code of the last refusal (unsupported_type, corrupt_input, ...)
    uploaded_by: tuple[str, ...]
    batches: tuple[str, ...]
    first_at: str | None
    last_at: str | None
    times: int  # how many uploads were refused with these bytes
    state: QuarantineState
    document_id: str | None = None  # when released

    def as_dict(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "key": self.key,
            "size": self.size,
            "filenames": list(self.filenames),
            "reason": self.reason,
            "uploaded_by": list(self.uploaded_by),
            "batches": list(self.batches),
            "first_at": self.first_at,
            "last_at": self.last_at,
            "times": self.times,
            "state": str(self.state),
            "document_id": self.document_id,
        }


def _checked_sha(sha256: str) -> str:
    sha = (sha256 or "").strip().lower()
    if not _SHA.fullmatch(sha):
        raise UsageError(
            f"Mã sha256 không hợp lệ: {sha256[:80]!r} (64 chữ số hex).",
            f"Not a sha256: {sha256[:80]!r} (64 hex digits).",
        )
    return sha


def _items(session: Session, only: str | None = None) -> dict[str, QuarantineItem]:
    query = select(AuditEntry).where(AuditEntry.action.in_(_ACTIONS)).order_by(AuditEntry.id)
    raw: dict[str, dict[str, Any]] = {}
    for entry in session.scalars(query):
        detail = entry.detail or {}
        sha = str(detail.get("sha256") or "")
        if not _SHA.fullmatch(sha) or (only is not None and sha != only):
            continue
        item = raw.setdefault(
            sha,
            {"names": [], "by": [], "batches": [], "times": 0, "first": entry.at, "reason": "", "size": None},
        )
        if entry.action == QUARANTINED:
            item["times"] += 1
            item["last"] = entry.at
            item["reason"] = str(detail.get("reason") or "unsupported_type")
            item["size"] = detail.get("size", item["size"])
            item["state"] = QuarantineState.HELD
            item["document_id"] = None
            for field, value in (
                ("names", detail.get("filename")),
                ("by", entry.actor),
                ("batches", entry.target),
            ):
                if value and value not in item[field]:
                    item[field].append(str(value))
        elif entry.action == RELEASED:
            item["state"] = QuarantineState.RELEASED
            item["document_id"] = detail.get("document_id")
        else:
            item["state"] = QuarantineState.DELETED
    return {
        sha: QuarantineItem(
            sha256=sha,
            key=quarantine_key(sha),
            size=int(v["size"]) if isinstance(v["size"], int) else None,
            filenames=tuple(v["names"]),
            reason=v["reason"],
            uploaded_by=tuple(v["by"]),
            batches=tuple(v["batches"]),
            first_at=iso(v["first"]),
            last_at=iso(v.get("last")),
            times=v["times"],
            state=v.get("state", QuarantineState.HELD),
            document_id=v.get("document_id"),
        )
        for sha, v in raw.items()
        if v["times"]  # only what an upload put there
    }


def list_items(
    session: Session,
    *,
    state: QuarantineState | None = QuarantineState.HELD,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[QuarantineItem], int]:
    """Items (newest refusal first) and how many there are; ``state=None`` lists every state."""
    items = [i for i in _items(session).values() if state is None or i.state is state]
    items.sort(key=lambda i: (i.last_at or "", i.sha256), reverse=True)
    limit = max(1, min(limit, 1000))
    offset = max(0, min(offset, 10**9))
    return items[offset : offset + limit], len(items)


def show_item(session: Session, sha256: str) -> QuarantineItem:
    sha = _checked_sha(sha256)
    item = _items(session, only=sha).get(sha)
    if item is None:
        raise NotFound(f"Không có tệp cách ly {sha}.", f"No quarantined file {sha}.")
    return item


def _held(session: Session, sha256: str) -> QuarantineItem:
    item = show_item(session, sha256)
    if item.state is not QuarantineState.HELD:
        done = "được giải phóng" if item.state is QuarantineState.RELEASED else "bị xóa"
        raise Conflict(
            f"Tệp cách ly {item.sha256} đã {done}.",
            f"Quarantined file {item.sha256} was {item.state}.",
        )
    return item


def save_item(sha256: str, output: Path, *, by: str) -> QuarantineItem:
    """Write the held bytes to ``output`` (a new file, 0600) for an administrator to inspect offline."""
    with db.session() as s:
        item = _held(s, sha256)
    data = get_object_store().read_bytes(item.key)
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError(f"Tệp {output} đã có; không ghi đè.", f"{output} exists; not overwritten.") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    with db.session() as s:
        audit(s, by, SAVED, item.sha256, sha256=item.sha256, output=str(output)[:300])
    return item


def release_item(sha256: str, *, by: str, settings: Settings | None = None) -> tuple[QuarantineItem, str]:
    """Ingest the held bytes as a document, through the same checks as any upload; returns the item and the
    new batch id. A file still refused stays held (the refusal is raised: BadInput)."""
    from digitize.ingest import Ingestor, create_batch

    settings = settings or get_settings()
    with db.session(settings) as s:
        item = _held(s, sha256)
    objects = get_object_store(settings)
    tmp_root = settings.scratch_dir()
    # the name it was uploaded under is the sender's ("..", a NUL, 300 characters): the bytes go to a name of
    # our own (the document keeps the sent name); only a plain short suffix is carried over
    suffix = Path(item.filenames[-1]).suffix.lower() if item.filenames else ""
    name = item.sha256 + (suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else "")
    with tempfile.TemporaryDirectory(prefix="release-", dir=tmp_root) as tmp:
        path = Path(tmp) / name
        with objects.open(item.key) as src, open(path, "wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                dst.write(chunk)
        scan = scan_type_of_file(path)
        try:
            if scan is None:
                raise BadInput(
                    "Vẫn không phải bản quét hay tài liệu (PDF, JPEG, PNG, TIFF theo nội dung tệp).",
                    "Still not a scan or document (PDF, JPEG, PNG, TIFF by content).",
                )
            check_opens(path, scan, settings.max_image_pixels, settings.max_pages)
        except DigitizeError as err:
            raise type(err)(
                f"Không giải phóng được {item.sha256}: {err.message_vi} Tệp vẫn được giữ cách ly.",
                f"Cannot release {item.sha256}: {err.message_en} The file stays in quarantine.",
            ) from None
        batch_id = create_batch(f"Giải phóng khỏi cách ly {item.sha256[:12]}", actor=by, settings=settings)
        ingestor = Ingestor(batch_id, actor=by, settings=settings)
        added = ingestor.add_file(path, filename=item.filenames[-1] if item.filenames else item.sha256)
    if added.error is not None:
        raise added.error
    with db.session(settings) as s:
        audit(s, by, RELEASED, item.sha256, sha256=item.sha256, document_id=added.document_id, batch=batch_id)
    objects.delete(item.key)  # its bytes live on as the document's original
    with db.session(settings) as s:
        return show_item(s, item.sha256), batch_id


def delete_item(sha256: str, *, by: str, reason: str) -> QuarantineItem:
    """Remove the held bytes for good (a reason is required; audited)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError("Cần nêu lý do xóa.", "A reason is required.")
    with db.session() as s:
        item = _held(s, sha256)
    get_object_store().delete(item.key)
    with db.session() as s:
        audit(s, by, DELETED, item.sha256, sha256=item.sha256, reason=reason[:500])
        return show_item(s, item.sha256)
