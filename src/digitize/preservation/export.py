"""``digitize export``: the store (or one batch) as a BagIt bag, optionally an E-ARK CSIP archival package.

Streams: documents are read in pages of ``page_size`` by id (keyset paging, a new session per page), each
object is copied from the object store in 1 MiB chunks and hashed on the way. Each object's sha256 is
checked against the one the store recorded while it is copied: a store that no longer holds what it
recorded is not exported as if it were sound (``FixityError``, run ``digitize audit``).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from digitize import __version__
from digitize.config import Settings, get_settings
from digitize.errors import Conflict, FixityError, NotFound
from digitize.preservation import layout
from digitize.preservation.bag import BagWriter
from digitize.preservation.layout import BagFormat
from digitize.preservation.mets import MetsWriter, PremisWriter
from digitize.preservation.rows import to_json
from digitize.store import db
from digitize.store.models import (
    AccessLogEntry,
    ArchivalFile,
    AuditEntry,
    Batch,
    BatchItem,
    Document,
    FieldHistory,
)
from digitize.store.objects import ObjectStore, get_object_store

ProgressFn = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: BagFormat
    documents: int
    files: int
    batches: int
    objects: int
    bytes: int  # payload bytes (objects + records)
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": str(self.format),
            "documents": self.documents,
            "files": self.files,
            "batches": self.batches,
            "objects": self.objects,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
        }


def _dump(data: Any) -> bytes:
    # no indent: the C encoder (indenting falls back to the pure-Python one, ~5x slower); keys sorted
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _doc_ids(session: Session, batch_id: str | None, after: str, limit: int) -> list[str]:
    stmt = select(Document.id).where(Document.id > after)
    if batch_id is not None:
        stmt = stmt.where(
            Document.id.in_(select(BatchItem.document_id).where(BatchItem.batch_id == batch_id))
        )
    return list(session.scalars(stmt.order_by(Document.id).limit(limit)))


def _count(session: Session, batch_id: str | None) -> int:
    stmt = select(func.count(Document.id))
    if batch_id is not None:
        stmt = stmt.where(
            Document.id.in_(select(BatchItem.document_id).where(BatchItem.batch_id == batch_id))
        )
    return int(session.scalar(stmt) or 0)


def iter_document_pages(
    settings: Settings, batch_id: str | None, page_size: int
) -> Iterator[tuple[Session, list[Document]]]:
    """Documents with everything they own, ``page_size`` at a time, each page in its own session."""
    after = ""
    while True:
        with db.session(settings) as s:
            ids = _doc_ids(s, batch_id, after, page_size)
            if not ids:
                return
            docs = list(
                s.scalars(
                    select(Document)
                    .where(Document.id.in_(ids))
                    .order_by(Document.id)
                    .options(
                        selectinload(Document.fields),
                        selectinload(Document.pages),
                        selectinload(Document.variants),
                        selectinload(Document.signatures),
                        selectinload(Document.validity),
                    )
                )
            )
            yield s, docs
            after = ids[-1]


def export_store(
    out: Path,
    *,
    fmt: BagFormat | str = BagFormat.BAGIT,
    batch_id: str | None = None,
    settings: Settings | None = None,
    on_progress: ProgressFn | None = None,
    page_size: int = 200,
) -> ExportReport:
    settings = settings or get_settings()
    fmt = BagFormat(fmt)
    started = time.monotonic()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise Conflict(
            f"Thư mục đích {out} đã có nội dung; hãy chọn thư mục trống.",
            f"The target {out} is not an empty directory.",
        )
    with db.session(settings) as s:
        if batch_id is not None:
            from digitize.store.service import get_batch

            get_batch(s, batch_id)
        total = _count(s, batch_id)
    out.mkdir(parents=True, exist_ok=True)
    bag = BagWriter(out)
    objects = get_object_store(settings)
    premis = PremisWriter() if fmt == BagFormat.AIP else None
    mets = (
        MetsWriter(f"urn:digitize:{batch_id or 'store'}", "digitize export") if fmt == BagFormat.AIP else None
    )
    done = n_objects = 0
    file_ids: set[str] = set()
    batch_ids: set[str] = set()
    stack_ids: set[str] = set()  # of the documents exported (a --batch export takes their stacks only)
    ok = False
    try:
        for session, docs in iter_document_pages(settings, batch_id, page_size):
            ids = [d.id for d in docs]
            history = _by_doc(
                session.scalars(
                    select(FieldHistory).where(FieldHistory.document_id.in_(ids)).order_by(FieldHistory.id)
                )
            )
            events = _by_target(
                session.scalars(select(AuditEntry).where(AuditEntry.target.in_(ids)).order_by(AuditEntry.id))
            )
            item_stmt = select(BatchItem).where(BatchItem.document_id.in_(ids))
            if batch_id is not None:
                item_stmt = item_stmt.where(BatchItem.batch_id == batch_id)
            items = _by_doc(session.scalars(item_stmt.order_by(BatchItem.id)))
            reads = _by_doc(
                session.scalars(
                    select(AccessLogEntry)
                    .where(AccessLogEntry.document_id.in_(ids))
                    .order_by(AccessLogEntry.id)
                )
            )
            for doc in docs:
                n_objects += _export_objects(bag, objects, doc, premis, mets)
                record = _document_record(
                    doc,
                    history.get(doc.id, []),
                    events.get(doc.id, []),
                    items.get(doc.id, []),
                    reads.get(doc.id, []),
                )
                rel = layout.document_path(doc.id)
                sha, size = bag.add_bytes(rel, _dump(record))
                if mets is not None:
                    mets.add_descriptive(rel, sha, size)
                if premis is not None:
                    for e in events.get(doc.id, []):
                        premis.add_event(
                            identifier=f"audit-{e.id}",
                            action=e.action,
                            at=record_time(e.at),
                            actor=e.actor,
                            target=doc.id,
                            detail=e.detail,
                        )
                if doc.file_id:
                    file_ids.add(doc.file_id)
                if doc.stack_id:
                    stack_ids.add(doc.stack_id)
                stack_ids.update(i.stack_id for i in items.get(doc.id, []) if i.stack_id)
                batch_ids.update(i.batch_id for i in items.get(doc.id, []))
                done += 1
            if on_progress is not None:
                on_progress(done, total)
        n_files = _export_files(settings, bag, mets, None if batch_id is None else file_ids)
        n_batches = _export_batches(settings, bag, mets, batch_id, batch_ids)
        if batch_id is not None:
            with db.session(settings) as s:
                stack_ids.update(
                    x
                    for x in s.scalars(select(BatchItem.stack_id).where(BatchItem.batch_id == batch_id))
                    if x
                )
        n_stacks = _export_stacks(
            settings, bag, objects, premis, mets, None if batch_id is None else stack_ids
        )
        info = {
            "format": layout.FORMAT_NAME,
            "version": layout.FORMAT_VERSION,
            "package": str(fmt),
            "software": f"digitize {__version__}",
            "organization": settings.organization_name,
            "batch": batch_id,
            "documents": done,
            "files": n_files,
            "batches": n_batches,
            "stacks": n_stacks,
            "objects": n_objects,
        }
        bag.add_bytes(layout.INFO, _dump(info))
        if premis is not None and mets is not None:
            tmp = out / ".premis.tmp"
            premis.write(tmp)
            premis_sha, premis_size = bag.add_file(layout.PREMIS, tmp)
            tmp.unlink()
            mets.write(tmp, (layout.PREMIS, premis_sha, premis_size))
            bag.add_file(layout.METS, tmp)
            tmp.unlink()
        bag.finish(
            {
                "Source-Organization": settings.organization_name,
                "External-Description": "digitize export"
                + (f" of batch {batch_id}" if batch_id else " of the whole store")
                + (" (E-ARK CSIP AIP)" if fmt == BagFormat.AIP else ""),
                "External-Identifier": f"urn:digitize:{batch_id or 'store'}",
                "Bag-Count": "1 of 1",
            }
        )
        ok = True
    finally:
        if premis is not None:
            premis.close()
        if mets is not None:
            mets.close()
        if not ok:
            bag.abort()
    return ExportReport(
        out, fmt, done, n_files, n_batches, n_objects, bag.payload_bytes, time.monotonic() - started
    )


def record_time(value: Any) -> str | None:
    from digitize.store.service import iso

    return iso(value)


def _by_doc(rows: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for r in rows:
        out.setdefault(r.document_id, []).append(r)
    return out


def _by_target(rows: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for r in rows:
        out.setdefault(r.target, []).append(r)
    return out


def _copy_object(
    bag: BagWriter,
    objects: ObjectStore,
    *,
    key: str,
    rel: str,
    sha256: str,
    kind: str,
    media_type: str,
    derived_from: str | None,
    owner_vi: str,
    owner_en: str,
    premis: PremisWriter | None,
    mets: MetsWriter | None,
) -> bool:
    """Copy one stored object into the bag once (content-addressed), checking it against its recorded sha256.

    Returns False when the bag already holds it. A missing or changed object stops the export
    (``FixityError``): an archive package never carries what the store cannot vouch for."""
    if bag.has(rel):
        return False
    try:
        src = objects.open(key)
    except NotFound as exc:
        raise FixityError(
            f"Thiếu đối tượng {key} của {owner_vi}; chạy 'digitize audit'.",
            f"Object {key} of {owner_en} is missing; run 'digitize audit'.",
            key=key,
        ) from exc
    with src:
        sha, size = bag.add_stream(rel, src)
    if sha != sha256:
        raise FixityError(
            f"Đối tượng {key} của {owner_vi} đã thay đổi (sha256 {sha}, kho ghi {sha256}); "
            "chạy 'digitize audit'.",
            f"Object {key} of {owner_en} has changed (sha256 {sha}, recorded {sha256}); "
            "run 'digitize audit'.",
            key=key,
        )
    if premis is not None:
        premis.add_object(
            identifier=sha256, sha256=sha, size=size, media_type=media_type, derived_from=derived_from
        )
    if mets is not None:
        mets.add_file(kind, rel, sha, size, media_type)
    return True


def _export_objects(
    bag: BagWriter,
    objects: ObjectStore,
    doc: Document,
    premis: PremisWriter | None,
    mets: MetsWriter | None,
) -> int:
    n = 0
    for v in doc.variants:
        n += _copy_object(
            bag,
            objects,
            key=v.key,
            rel=layout.object_path(v.kind, v.sha256),
            sha256=v.sha256,
            kind=v.kind,
            media_type=v.media_type,
            derived_from=v.derived_from,
            owner_vi=f"tài liệu {doc.id}",
            owner_en=f"document {doc.id}",
            premis=premis,
            mets=mets,
        )
    return n


def _document_record(
    doc: Document,
    history: list[FieldHistory],
    events: list[AuditEntry],
    items: list[BatchItem],
    reads: list[AccessLogEntry],
) -> dict[str, Any]:
    """One document as the bag keeps it: the record people read, and every row ``digitize import`` needs,
    including who else read it (the agencies' access log: provenance of the reusable data)."""
    from digitize.store.service import record_of

    hist = [
        {
            "field": h.name,
            "old": h.old_value,
            "new": h.new_value,
            "by": h.changed_by,
            "at": record_time(h.changed_at),
            "reason": h.reason,
        }
        for h in history
    ]
    return {
        "format": layout.RECORD_FORMAT,
        "id": doc.id,
        # for people reading the bag: the record as GET /api/v1/documents/{id} shows it, and its history
        "record": record_of(doc, with_pages=True),
        "history": hist,
        "objects": [
            {"kind": v.kind, "sha256": v.sha256, "size": v.size, "path": layout.object_path(v.kind, v.sha256)}
            for v in doc.variants
        ],
        # for digitize import: every row as stored
        "rows": {
            "document": to_json(doc),
            "pages": [to_json(p, drop=("id",)) for p in doc.pages],
            "fields": [to_json(f, drop=("id",)) for f in doc.fields],
            "field_history": [to_json(h) for h in history],
            "variants": [to_json(v) for v in doc.variants],
            "signatures": [to_json(sig) for sig in doc.signatures],
            "validity": to_json(doc.validity) if doc.validity is not None else None,
            "batch_items": [to_json(i) for i in items],
            "audit": [to_json(e) for e in events],
            "access_log": [to_json(r) for r in reads],
        },
    }


def _export_files(settings: Settings, bag: BagWriter, mets: MetsWriter | None, only: set[str] | None) -> int:
    from digitize.services.files import file_record

    n = 0
    after = ""
    while True:
        with db.session(settings) as s:
            stmt = select(ArchivalFile).where(ArchivalFile.id > after)
            if only is not None:
                stmt = stmt.where(ArchivalFile.id.in_(sorted(only)))
            rows = list(s.scalars(stmt.order_by(ArchivalFile.id).limit(500)))
            if not rows:
                return n
            counts = dict(
                s.execute(
                    select(Document.file_id, func.count())
                    .where(Document.file_id.in_([r.id for r in rows]))
                    .group_by(Document.file_id)
                ).all()
            )
            events = _by_target(
                s.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.target.in_([r.id for r in rows]))
                    .order_by(AuditEntry.id)
                )
            )
            for f in rows:
                data = {
                    "format": layout.RECORD_FORMAT,
                    "id": f.id,
                    "record": file_record(f, int(counts.get(f.id, 0))),
                    "rows": {"file": to_json(f), "audit": [to_json(e) for e in events.get(f.id, [])]},
                }
                rel = layout.file_path(f.id)
                sha, size = bag.add_bytes(rel, _dump(data))
                if mets is not None:
                    mets.add_descriptive(rel, sha, size)
                n += 1
            after = rows[-1].id


def _export_batches(
    settings: Settings, bag: BagWriter, mets: MetsWriter | None, batch_id: str | None, seen: set[str]
) -> int:
    """Batches (their rows and refused items; the items of documents travel with the documents)."""
    n = 0
    after = ""
    while True:
        with db.session(settings) as s:
            stmt = select(Batch).where(Batch.id > after)
            if batch_id is not None:
                stmt = stmt.where(Batch.id == batch_id)
            rows = list(s.scalars(stmt.order_by(Batch.id).limit(500)))
            if not rows:
                return n
            refused = _by_batch(
                s.scalars(
                    select(BatchItem)
                    .where(BatchItem.batch_id.in_([b.id for b in rows]), BatchItem.document_id.is_(None))
                    .order_by(BatchItem.id)
                )
            )
            for b in rows:
                data = {
                    "format": layout.RECORD_FORMAT,
                    "id": b.id,
                    "rows": {
                        "batch": to_json(b),
                        "refused_items": [to_json(i) for i in refused.get(b.id, [])],
                    },
                }
                rel = layout.batch_path(b.id)
                sha, size = bag.add_bytes(rel, _dump(data))
                if mets is not None:
                    mets.add_descriptive(rel, sha, size)
                n += 1
            after = rows[-1].id


def _export_stacks(
    settings: Settings,
    bag: BagWriter,
    objects: ObjectStore,
    premis: PremisWriter | None,
    mets: MetsWriter | None,
    only: set[str] | None,
) -> int:
    """Stack scans kept whole (issue 15): their original, their rows and their pages' roles."""
    from digitize.store.models import Stack, StackPage

    n = 0
    after = ""
    while True:
        with db.session(settings) as s:
            stmt = select(Stack).where(Stack.id > after)
            if only is not None:
                stmt = stmt.where(Stack.id.in_(sorted(only)))
            rows = list(s.scalars(stmt.order_by(Stack.id).limit(200)))
            if not rows:
                return n
            pages: dict[str, list[Any]] = {}
            for p in s.scalars(
                select(StackPage)
                .where(StackPage.stack_id.in_([r.id for r in rows]))
                .order_by(StackPage.stack_id, StackPage.index)
            ):
                pages.setdefault(p.stack_id, []).append(p)
            for st in rows:
                _copy_object(
                    bag,
                    objects,
                    key=st.original_key,
                    rel=layout.object_path("original", st.sha256),
                    sha256=st.sha256,
                    kind="original",
                    media_type=st.media_type,
                    derived_from=None,
                    owner_vi=f"tập quét {st.id}",
                    owner_en=f"stack {st.id}",
                    premis=premis,
                    mets=mets,
                )
                data = {
                    "format": layout.RECORD_FORMAT,
                    "id": st.id,
                    "rows": {"stack": to_json(st), "pages": [to_json(p) for p in pages.get(st.id, [])]},
                }
                rel = layout.stack_path(st.id)
                sha, size = bag.add_bytes(rel, _dump(data))
                if mets is not None:
                    mets.add_descriptive(rel, sha, size)
                n += 1
            after = rows[-1].id


def _by_batch(rows: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for r in rows:
        out.setdefault(r.batch_id, []).append(r)
    return out


def remove_partial(out: Path) -> None:
    """Remove what a failed export left (only a directory we created and that is not a valid bag)."""
    if out.is_dir() and not (out / "tagmanifest-sha256.txt").exists():
        shutil.rmtree(out)
