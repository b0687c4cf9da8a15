"""``digitize import DIR``: a bag made by ``digitize export`` back into a store (an empty home or another).

Nothing is written before the whole bag has passed, in this order:

1. the directory itself: only regular files and directories (a symbolic link, device or FIFO anywhere
   refuses the bag), no file above ``Settings.import_max_file_bytes``, only the tag files we write;
2. the manifest: every path one of the paths our layout has (no ``..``, no absolute path, nothing else),
   each object's sha256 in the manifest equal to the sha256 in its name;
3. ``bagit`` validation (RFC 8493: every manifest line's file present and hashing to it, no file left out,
   Payload-Oxum, the tag manifest): a bag that does not validate is refused naming the bad files;
4. every record parsed and checked (ids, hashes, types of every column, the objects it names present) and
   its ids checked against the target store: an id already there (document, sha256, hồ sơ id or code,
   batch) refuses the import, naming them.

Then the objects are put (write-once, content-addressed: an object already there is left as it is) and the
rows written in one transaction, re-indexed for search; object keys are recomputed from kind and sha256,
never taken from the bag.

What the package says is not trusted: each signature row is rebuilt from its signed PDF, verified here
(``digitize.preservation.trust``: a claim that does not hold is imported as not verified and listed in the
report), and each audit entry it carries is marked as imported from it (``detail["imported"]``: the package,
its manifest's sha256, the organisation that exported it): our own trail is never the package's.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.errors import Conflict, CorruptInput, InvalidBag, UnsafeArchive
from digitize.preservation import layout
from digitize.preservation import trust as import_trust
from digitize.preservation.rows import from_json
from digitize.store import db
from digitize.store import search as search_mod
from digitize.store.models import (
    AccessLogEntry,
    ArchivalFile,
    AuditEntry,
    Base,
    Batch,
    BatchItem,
    Document,
    FieldHistory,
    FieldValue,
    Page,
    Signature,
    Validity,
    Variant,
)
from digitize.store.objects import get_object_store

TAG_FILES = frozenset({"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"})
MAX_RECORD_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_LINE = 4096
CHUNK = 500

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportReport:
    documents: int
    files: int
    batches: int
    objects: int
    bytes: int
    seconds: float
    unresolved_links: tuple[str, ...] = field(default=())  # validity links to documents not in the bag
    # signatures imported as not verified: "<document id>/<sha256 of the signed PDF>: <reasons>"
    unverified_signatures: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "files": self.files,
            "batches": self.batches,
            "objects": self.objects,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "unresolved_links": list(self.unresolved_links),
            "unverified_signatures": list(self.unverified_signatures),
        }


# --- 1. the directory ------------------------------------------------------------------------------


def preflight(root: Path, max_file_bytes: int) -> tuple[int, int]:
    """Refuse symlinks, special files, oversized files and unknown tag files; (files, bytes) of the bag."""
    try:
        st = os.lstat(root)
    except FileNotFoundError as exc:
        raise InvalidBag(f"Không có thư mục {root}.", f"No directory {root}.") from exc
    if not stat.S_ISDIR(st.st_mode):
        raise InvalidBag(f"{root} không phải thư mục.", f"{root} is not a directory.")
    bad: list[str] = []
    files = total = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in [*dirnames, *filenames]:
            p = here / name
            rel = p.relative_to(root).as_posix()
            mode = os.lstat(p).st_mode
            if stat.S_ISLNK(mode):
                bad.append(f"{rel} (symlink)")
            elif stat.S_ISDIR(mode):
                if here == root and name != "data":
                    bad.append(f"{rel} (unexpected directory)")
            elif not stat.S_ISREG(mode):
                bad.append(f"{rel} (not a regular file)")
            else:
                size = os.lstat(p).st_size
                if here == root and name not in TAG_FILES:
                    bad.append(f"{rel} (unexpected tag file)")
                elif size > max_file_bytes:
                    bad.append(f"{rel} (too large: {size} bytes)")
                files += 1
                total += size
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
    if bad:
        raise UnsafeArchive(
            "Gói bị từ chối: " + ", ".join(bad[:20]) + (" ..." if len(bad) > 20 else ""),
            "Package refused: " + ", ".join(bad[:20]) + (" ..." if len(bad) > 20 else ""),
            files=bad[:100],
        )
    for name in TAG_FILES:
        if not (root / name).is_file():
            raise InvalidBag(f"Gói thiếu {name}.", f"The package has no {name}.", files=[name])
    return files, total


# --- 2. the manifest ----------------------------------------------------------------------------------


def manifest_entries(root: Path) -> Iterator[tuple[str, str]]:
    """(sha256, path) of every line of the payload manifest, each path checked against our layout."""
    with open(root / "manifest-sha256.txt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if len(line) > MAX_MANIFEST_LINE:
                raise UnsafeArchive(
                    f"Dòng {n} của manifest quá dài.", f"Line {n} of the manifest is too long.", line=n
                )
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            sha, _, path = line.partition(" ")
            path = path.lstrip(" *")
            if not layout.is_sha256(sha):
                raise InvalidBag(
                    f"Dòng {n} của manifest hỏng.", f"Line {n} of the manifest is malformed.", line=n
                )
            layout.check_payload_path(path)
            if path.startswith("data/representations/") and path.rsplit("/", 1)[-1] != sha:
                raise InvalidBag(
                    f"Đối tượng {path} không mang đúng sha256 của nó.",
                    f"Object {path} is not named by its sha256.",
                    files=[path],
                )
            yield sha, path


# --- 3. bagit ---------------------------------------------------------------------------------------------


def validate_bag(root: Path) -> None:
    """The ``bagit`` library's full validation; refused naming the bad files."""
    import bagit

    try:
        bag = bagit.Bag(str(root))
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        names = sorted({str(getattr(d, "path", d)) for d in (exc.details or [])})
        if not names:  # e.g. Payload-Oxum failed first: name the files the manifest lists and lacks
            names = [path for _sha, path in manifest_entries(root) if not (root / path).is_file()][:100]
        names = names or [str(exc.message)]
        raise InvalidBag(
            "Gói không hợp lệ (BagIt): " + ", ".join(names[:20]) + (" ..." if len(names) > 20 else ""),
            "The package does not validate (BagIt): "
            + ", ".join(names[:20])
            + (" ..." if len(names) > 20 else ""),
            files=names[:100],
        ) from exc
    except bagit.BagError as exc:
        raise InvalidBag(
            f"Gói không hợp lệ (BagIt): {exc}", f"The package is not a valid bag: {exc}"
        ) from exc
    if "sha256" not in bag.algorithms:
        raise InvalidBag("Gói không có manifest sha256.", "The package has no sha256 manifest.")


# --- 4. records -------------------------------------------------------------------------------------------


def _load(root: Path, rel: str) -> dict[str, Any]:
    path = root / rel
    if os.lstat(path).st_size > MAX_RECORD_BYTES:
        raise UnsafeArchive(f"Bản ghi {rel} quá lớn.", f"Record {rel} is too large.", files=[rel])
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptInput(
            f"Bản ghi {rel} không đọc được: {exc}", f"Record {rel} is unreadable: {exc}"
        ) from exc
    if (
        not isinstance(data, dict)
        or data.get("format") != layout.RECORD_FORMAT
        or not isinstance(data.get("rows"), dict)
    ):
        raise CorruptInput(f"Bản ghi {rel} không đúng định dạng.", f"Record {rel} is not in our format.")
    ident = data.get("id")
    if not layout.is_id(ident) or not rel.endswith(f"/{ident}.json"):
        raise CorruptInput(f"Bản ghi {rel} mang mã sai.", f"Record {rel} carries the wrong id.")
    return data


def _list(value: Any, rel: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CorruptInput(f"Bản ghi {rel} hỏng.", f"Record {rel} is malformed.")
    return value


@dataclass
class _DocRows:
    document: Document
    pages: list[Page]
    fields: list[FieldValue]
    history: list[FieldHistory]
    variants: list[Variant]
    signatures: list[Signature]
    validity: Validity | None
    links: tuple[str | None, str | None]  # superseded_by, supersedes
    items: list[BatchItem]
    audit: list[AuditEntry]
    reads: list[AccessLogEntry]


def _document_rows(root: Path, rel: str, keep_ids: dict[str, bool]) -> _DocRows:
    data = _load(root, rel)
    doc_id = data["id"]
    rows = data["rows"]
    doc = from_json(Document, rows.get("document"))
    if doc.id != doc_id or not layout.is_sha256(doc.sha256):
        raise CorruptInput(f"Bản ghi {rel} hỏng (id/sha256).", f"Record {rel} is malformed (id/sha256).")
    if doc.file_id is not None and not layout.is_id(doc.file_id):
        raise CorruptInput(f"Bản ghi {rel}: file_id hỏng.", f"Record {rel}: malformed file_id.")
    doc.original_key = layout.object_key("original", doc.sha256)
    doc.claimed_by = None
    doc.lease_until = None

    def child(model: type[Any], raw: Any, table: str) -> Any:
        row = from_json(model, raw, drop=() if keep_ids.get(table) else ("id",))
        row.document_id = doc_id
        return row

    variants = [child(Variant, v, "variants") for v in _list(rows.get("variants"), rel)]
    has_original = False
    for v in variants:
        if v.kind not in layout.KINDS or not layout.is_sha256(v.sha256):
            raise CorruptInput(f"Bản ghi {rel}: đối tượng hỏng.", f"Record {rel}: malformed object.")
        obj = layout.object_path(v.kind, v.sha256)
        if not (root / obj).is_file():
            raise InvalidBag(f"Gói thiếu đối tượng {obj}.", f"The package lacks object {obj}.", files=[obj])
        v.key = layout.object_key(v.kind, v.sha256)
        has_original = has_original or (v.kind == "original" and v.sha256 == doc.sha256)
    if not has_original:
        raise InvalidBag(f"Bản ghi {rel} không kèm bản gốc.", f"Record {rel} has no original object.")
    signatures = [child(Signature, x, "signatures") for x in _list(rows.get("signatures"), rel)]
    for sig in signatures:
        if sig.key is not None:
            sig.key = layout.object_key("signed", sig.sha256) if layout.is_sha256(sig.sha256) else None
    validity = None
    links: tuple[str | None, str | None] = (None, None)
    if rows.get("validity") is not None:
        validity = from_json(Validity, rows["validity"])
        validity.document_id = doc_id
        links = (validity.superseded_by, validity.supersedes)
        for link in links:
            if link is not None and not layout.is_id(link):
                raise CorruptInput(f"Bản ghi {rel}: liên kết hỏng.", f"Record {rel}: malformed link.")
        validity.superseded_by = validity.supersedes = None  # set once every document is in
    items = [child(BatchItem, x, "batch_items") for x in _list(rows.get("batch_items"), rel)]
    for item in items:
        if not layout.is_id(item.batch_id):
            raise CorruptInput(f"Bản ghi {rel}: lô hỏng.", f"Record {rel}: malformed batch id.")
    audit = [
        from_json(AuditEntry, x, drop=() if keep_ids.get("audit") else ("id",))
        for x in _list(rows.get("audit"), rel)
    ]
    for entry in audit:
        entry.target = doc_id
    # packages written before the access log was exported have none: an empty list, not an error
    reads = [child(AccessLogEntry, x, "access_log") for x in _list(rows.get("access_log", []), rel)]
    return _DocRows(
        document=doc,
        pages=[child(Page, x, "pages") for x in _list(rows.get("pages"), rel)],
        fields=[child(FieldValue, x, "fields") for x in _list(rows.get("fields"), rel)],
        history=[child(FieldHistory, x, "field_history") for x in _list(rows.get("field_history"), rel)],
        variants=variants,
        signatures=signatures,
        validity=validity,
        links=links,
        items=items,
        audit=audit,
        reads=reads,
    )


def _file_rows(root: Path, rel: str, keep_ids: dict[str, bool]) -> tuple[ArchivalFile, list[AuditEntry]]:
    data = _load(root, rel)
    row = from_json(ArchivalFile, data["rows"].get("file"))
    if row.id != data["id"] or not row.code or not row.title:
        raise CorruptInput(f"Bản ghi {rel} hỏng.", f"Record {rel} is malformed.")
    audit = [
        from_json(AuditEntry, x, drop=() if keep_ids.get("audit") else ("id",))
        for x in _list(data["rows"].get("audit"), rel)
    ]
    for entry in audit:
        entry.target = row.id
    return row, audit


def _batch_rows(root: Path, rel: str, keep_ids: dict[str, bool]) -> tuple[Batch, list[BatchItem]]:
    data = _load(root, rel)
    row = from_json(Batch, data["rows"].get("batch"))
    if row.id != data["id"]:
        raise CorruptInput(f"Bản ghi {rel} hỏng.", f"Record {rel} is malformed.")
    items = []
    for raw in _list(data["rows"].get("refused_items"), rel):
        item = from_json(BatchItem, raw, drop=() if keep_ids.get("batch_items") else ("id",))
        item.batch_id, item.document_id = row.id, None
        items.append(item)
    return row, items


def _stack_rows(root: Path, rel: str) -> tuple[Any, list[Any]]:
    from digitize.store.models import Stack, StackPage

    data = _load(root, rel)
    row = from_json(Stack, data["rows"].get("stack"))
    if row.id != data["id"] or not layout.is_sha256(row.sha256):
        raise CorruptInput(f"Bản ghi {rel} hỏng.", f"Record {rel} is malformed.")
    obj = layout.object_path("original", row.sha256)
    if not (root / obj).is_file():
        raise InvalidBag(f"Gói thiếu đối tượng {obj}.", f"The package lacks object {obj}.", files=[obj])
    row.original_key = layout.object_key("original", row.sha256)
    row.claimed_by, row.lease_until = None, None
    pages = []
    for raw in _list(data["rows"].get("pages"), rel):
        page = from_json(StackPage, raw)
        page.stack_id = row.id
        if page.document_id is not None and not layout.is_id(page.document_id):
            raise CorruptInput(f"Bản ghi {rel}: tài liệu hỏng.", f"Record {rel}: malformed document id.")
        pages.append(page)
    return row, pages


def _chunks(it: Iterator[str], n: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for x in it:
        chunk.append(x)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _paths(root: Path, prefix: str) -> Iterator[str]:
    for _sha, path in manifest_entries(root):
        if path.startswith(prefix + "/"):
            yield path


_INT_TABLES: tuple[type[Base], ...] = (
    Page,
    FieldValue,
    FieldHistory,
    Variant,
    Signature,
    BatchItem,
    AuditEntry,
    AccessLogEntry,
)


def import_bag(
    root: Path, *, settings: Settings | None = None, on_progress: ProgressFn | None = None
) -> ImportReport:
    settings = settings or get_settings()
    started = time.monotonic()
    preflight(root, settings.import_max_file_bytes)
    for _ in manifest_entries(root):
        pass
    validate_bag(root)
    info = _load_info(root)
    total_docs = int(info.get("documents") or 0)

    with db.session(settings) as s:
        # integer ids (signatures, history...) are kept when the target table is empty, else renumbered
        keep_ids = {m.__tablename__: s.scalar(select(func.count()).select_from(m)) == 0 for m in _INT_TABLES}
        _check_conflicts(s, root, keep_ids)

    objects = get_object_store(settings)
    package = _provenance(root, info)
    roots = import_trust.import_trust_roots(settings)
    unverified: list[str] = []
    n_docs = n_files = n_batches = n_objects = size = 0
    pending_links: list[tuple[str, str | None, str | None]] = []
    unresolved_pages: list[str] = []  # stack pages pointing at documents not in the bag
    with db.session(settings) as s:
        for rel in _paths(root, layout.FILES_DIR):
            f, audit = _file_rows(root, rel, keep_ids)
            s.add(f)
            s.add_all(_mark_imported(audit, package))
            n_files += 1
        for rel in _paths(root, layout.BATCHES_DIR):
            b, items = _batch_rows(root, rel, keep_ids)
            s.add(b)
            s.add_all(items)
            n_batches += 1
        s.flush()
        for chunk in _chunks(_paths(root, layout.DOCUMENTS_DIR), CHUNK):
            ids: list[str] = []
            for rel in chunk:
                r = _document_rows(root, rel, keep_ids)
                unverified += _reverify(root, r, roots, package)
                _mark_imported(r.audit, package)
                for v in r.variants:
                    path = root / layout.object_path(v.kind, v.sha256)
                    meta = (
                        {"sha256": v.sha256}
                        if v.kind == "original"
                        else {"derived-from": v.derived_from or ""}
                    )
                    if objects.put_file(v.key, path, media_type=v.media_type, metadata=meta):
                        n_objects += 1
                        size += v.size
                s.add(r.document)
                s.flush()
                s.add_all(
                    [
                        *r.pages,
                        *r.fields,
                        *r.history,
                        *r.variants,
                        *r.signatures,
                        *r.items,
                        *r.audit,
                        *r.reads,
                    ]
                )
                if r.validity is not None:
                    s.add(r.validity)
                if r.links != (None, None):
                    pending_links.append((r.document.id, *r.links))
                ids.append(r.document.id)
            s.flush()
            for doc_id in ids:
                search_mod.reindex(s, doc_id)
            s.flush()
            s.expunge_all()
            n_docs += len(ids)
            if on_progress is not None:
                on_progress(n_docs, total_docs)
        n_stacks = 0
        for rel in _paths(root, layout.STACKS_DIR):  # after the documents their pages point at
            stack, stack_pages = _stack_rows(root, rel)
            path = root / layout.object_path("original", stack.sha256)
            if objects.put_file(
                stack.original_key, path, media_type=stack.media_type, metadata={"sha256": stack.sha256}
            ):
                n_objects += 1
                size += stack.size
            s.add(stack)
            s.flush()
            for page in stack_pages:
                if page.document_id is not None and s.get(Document, page.document_id) is None:
                    unresolved_pages.append(f"{stack.id}.{page.index}->{page.document_id}")
                    page.document_id = None
                s.add(page)
            s.flush()
            s.expunge_all()
            n_stacks += 1
        unresolved = _apply_links(s, pending_links) + unresolved_pages
        if s.get_bind().dialect.name == "postgresql":
            for m in _INT_TABLES:
                if keep_ids[m.__tablename__]:
                    s.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{m.__tablename__}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {m.__tablename__}), 0) + 1, false)"
                        )
                    )
        from digitize.store.service import audit as audit_entry

        audit_entry(
            s,
            "cli",
            "store.import",
            None,
            documents=n_docs,
            files=n_files,
            batches=n_batches,
            stacks=n_stacks,
            source=str(info.get("organization") or ""),
            package=package,
            unverified_signatures=unverified[:100],
        )
    return ImportReport(
        n_docs,
        n_files,
        n_batches,
        n_objects,
        size,
        time.monotonic() - started,
        tuple(unresolved),
        tuple(unverified),
    )


def _provenance(root: Path, info: dict[str, Any]) -> dict[str, Any]:
    """How imported rows name the package they came from."""
    digest = hashlib.sha256()
    with open(root / "manifest-sha256.txt", "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return {
        "package": root.name,
        "manifest_sha256": digest.hexdigest(),
        "source": str(info.get("organization") or ""),
        "software": str(info.get("software") or ""),
    }


def _mark_imported(entries: list[AuditEntry], package: dict[str, Any]) -> list[AuditEntry]:
    """Audit entries taken from a package say so: they are its trail, not ours."""
    for entry in entries:
        detail = entry.detail if isinstance(entry.detail, dict) else {"detail": entry.detail}
        entry.detail = {**detail, "imported": package}
    return entries


def _reverify(root: Path, r: _DocRows, roots: list[Any], package: dict[str, Any]) -> list[str]:
    """Each signature row from its signed PDF (one of this document's own signed objects), verified here."""
    kinds = {v.sha256: v.kind for v in r.variants}  # every one checked present in the bag
    out: list[str] = []
    for sig in r.signatures:
        pdf = source = None
        if layout.is_sha256(sig.sha256) and kinds.get(sig.sha256) == "signed":
            pdf = root / layout.object_path("signed", sig.sha256)
        made_from = sig.derived_from
        if made_from is not None and made_from != sig.sha256 and made_from in kinds:
            kind = kinds[made_from]
            source = import_trust.Source(root / layout.object_path(kind, made_from), kind == "signed")
        evidence = import_trust.examine(pdf, roots, document_id=r.document.id, source=source)
        verdict = import_trust.apply(sig, evidence, package)
        if not verdict.verified:
            out.append(f"{r.document.id}/{sig.sha256}: {', '.join(verdict.reasons)}")
    return out


def _load_info(root: Path) -> dict[str, Any]:
    path = root / layout.INFO
    if not path.is_file() or path.stat().st_size > 1024 * 1024:
        raise InvalidBag("Gói thiếu metadata/digitize.json.", "The package has no metadata/digitize.json.")
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidBag("metadata/digitize.json hỏng.", "metadata/digitize.json is unreadable.") from exc
    if not isinstance(info, dict) or info.get("format") != layout.FORMAT_NAME:
        raise InvalidBag("Gói không phải do digitize tạo.", "The package was not made by digitize export.")
    if int(info.get("version") or 0) > layout.FORMAT_VERSION:
        raise InvalidBag(
            f"Gói định dạng phiên bản {info.get('version')} mới hơn phần mềm này.",
            f"The package's format version {info.get('version')} is newer than this software.",
        )
    return info


def _note_ids(seen: dict[str, list[object]], rows: Iterable[object]) -> None:
    for row in rows:
        table = getattr(row, "__tablename__", None)
        if table in seen:
            seen[table].append(getattr(row, "id", None))


def _check_conflicts(s: Session, root: Path, keep_ids: dict[str, bool]) -> None:
    """Parse every record (it must be sound) and refuse ids the target already holds. A table's integer ids
    are kept only when every row the package gives it has one and none repeats: a row without one (or two
    with the same) would otherwise take or clash with another row's id half-way through the import (a
    package's audit entry without an id failed the import with an integrity error, depending on the
    documents' order); such a table is renumbered."""
    clashes: list[str] = []
    seen: dict[str, list[object]] = {t: [] for t, keep in keep_ids.items() if keep}
    for chunk in _chunks(_paths(root, layout.FILES_DIR), CHUNK):
        parsed = [_file_rows(root, rel, keep_ids) for rel in chunk]
        for _, audit in parsed:
            _note_ids(seen, audit)
        rows = [f for f, _ in parsed]
        clashes += [
            f"file {i}"
            for i in s.scalars(select(ArchivalFile.id).where(ArchivalFile.id.in_([r.id for r in rows])))
        ]
        clashes += [
            f"file code {c}"
            for c in s.scalars(select(ArchivalFile.code).where(ArchivalFile.code.in_([r.code for r in rows])))
        ]
    for chunk in _chunks(_paths(root, layout.BATCHES_DIR), CHUNK):
        batches = [_batch_rows(root, rel, keep_ids) for rel in chunk]
        for _, items in batches:
            _note_ids(seen, items)
        ids = [b.id for b, _ in batches]
        clashes += [f"batch {i}" for i in s.scalars(select(Batch.id).where(Batch.id.in_(ids)))]
    from digitize.store.models import Stack

    for chunk in _chunks(_paths(root, layout.STACKS_DIR), CHUNK):
        stacks = [_stack_rows(root, rel)[0] for rel in chunk]
        clashes += [
            f"stack {i}" for i in s.scalars(select(Stack.id).where(Stack.id.in_([x.id for x in stacks])))
        ]
        clashes += [
            f"stack with sha256 {h}"
            for h in s.scalars(select(Stack.sha256).where(Stack.sha256.in_([x.sha256 for x in stacks])))
        ]
        s.expunge_all()
    for chunk in _chunks(_paths(root, layout.DOCUMENTS_DIR), CHUNK):
        parsed_docs = [_document_rows(root, rel, keep_ids) for rel in chunk]
        for r in parsed_docs:
            _note_ids(seen, (*r.pages, *r.fields, *r.history, *r.variants, *r.signatures, *r.items))
            _note_ids(seen, (*r.audit, *r.reads))
        docs = [r.document for r in parsed_docs]
        clashes += [
            f"document {i}"
            for i in s.scalars(select(Document.id).where(Document.id.in_([d.id for d in docs])))
        ]
        clashes += [
            f"document with sha256 {h}"
            for h in s.scalars(select(Document.sha256).where(Document.sha256.in_([d.sha256 for d in docs])))
        ]
        s.expunge_all()
    for table, given in seen.items():
        if any(not isinstance(i, int) or isinstance(i, bool) for i in given) or len(set(given)) != len(given):
            keep_ids[table] = False
    if clashes:
        raise Conflict(
            "Kho đích đã có: "
            + ", ".join(clashes[:20])
            + (" ..." if len(clashes) > 20 else "")
            + "; không ghi gì.",
            "The target store already holds: "
            + ", ".join(clashes[:20])
            + (" ..." if len(clashes) > 20 else "")
            + "; nothing written.",
            conflicts=clashes[:100],
        )


def _apply_links(s: Session, pending: list[tuple[str, str | None, str | None]]) -> list[str]:
    unresolved: list[str] = []
    for doc_id, superseded_by, supersedes in pending:
        v = s.get(Validity, doc_id)
        if v is None:
            continue
        for attr, target in (("superseded_by", superseded_by), ("supersedes", supersedes)):
            if target is None:
                continue
            if s.get(Document, target) is not None:
                setattr(v, attr, target)
            else:
                unresolved.append(f"{doc_id}.{attr}={target}")
    s.flush()
    return unresolved
