"""Ingest: files, folders and ZIP archives into the store (core; no FastAPI).

Only scans and documents are stored, judged by their content (``digitize.content``): PDF, JPEG, PNG, TIFF.
Anything else (HTML, SVG, scripts, polyglots) is refused with its reason on the batch, and its bytes kept
under ``quarantine/`` in the object store (audited, never a document, never served): nothing is lost.

Each file's original is stored (write-once, by sha256) and committed as a document in state ``received``
BEFORE any processing, so nothing uploaded is ever lost. The same content twice is one document: a file whose
content is already stored joins the batch as the existing document. A bad file never fails the batch: files
that cannot even be stored (an unsafe ZIP member, an unreadable path) are recorded on the batch with their
reason; files that are stored but cannot be processed end in ``failed`` with theirs.

ZIP archives are checked before anything of them is stored: too many members, too large in total, or a
member compressed beyond ``Settings.max_zip_ratio`` refuses the whole archive (a zip bomb); members whose
path escapes the archive (``../``, absolute) or that are symbolic links are refused one by one. Members are
extracted with their real size counted, so a header that lies about sizes cannot get past the limits.
"""

from __future__ import annotations

import mimetypes
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import select

from digitize.config import Settings, get_settings
from digitize.content import check_opens, quarantine_key, scan_type_of_file
from digitize.errors import (
    BadInput,
    DigitizeError,
    InputTooLarge,
    NotFound,
    UnsafeArchive,
    UnsupportedType,
)
from digitize.services.stacks import SPLITTABLE, receive_stack
from digitize.store import db
from digitize.store.models import Batch, BatchItem
from digitize.store.objects import ObjectStore, get_object_store, original_key, sha256_file
from digitize.store.service import audit, receive_document
from digitize.text import nfc, printable

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"PK\x03\x04", "application/zip"),
    (b"PK\x05\x06", "application/zip"),
)


def sniff_media_type(path: Path, filename: str | None = None) -> str:
    """The media type from the file's first bytes (its name only as a last resort)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if b"%PDF-" in head:  # some PDFs carry junk before the header
        return "application/pdf"
    guessed, _ = mimetypes.guess_type(filename or path.name)
    return guessed or "application/octet-stream"


@dataclass(frozen=True)
class IngestedItem:
    filename: str
    document_id: str | None  # None when the file was refused
    duplicate: bool = False  # its content was already stored
    error: DigitizeError | None = None
    stack_id: str | None = None  # stored as a stack to split (``--split``): its documents come later


@dataclass
class IngestReport:
    batch_id: str
    items: list[IngestedItem] = field(default_factory=list)

    @property
    def document_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in self.items:
            if item.document_id:
                seen.setdefault(item.document_id)
        return list(seen)

    @property
    def new_stack_ids(self) -> list[str]:
        """Stacks this ingest stored (to be split: ``digitize.services.stacks``)."""
        return [i.stack_id for i in self.items if i.stack_id and not i.duplicate]

    @property
    def new_document_ids(self) -> list[str]:
        """Documents this ingest created (the ones that need processing)."""
        return [i.document_id for i in self.items if i.document_id and not i.duplicate]


Progress = Callable[[IngestedItem], None]


class Ingestor:
    """Adds files to one batch. Use :func:`ingest_paths` for the common case."""

    def __init__(
        self,
        batch_id: str,
        *,
        actor: str = "cli",
        settings: Settings | None = None,
        objects: ObjectStore | None = None,
        on_item: Progress | None = None,
        split: bool = False,
    ) -> None:
        self.settings = settings or get_settings()
        self.split = split  # multi-page PDFs and TIFFs are stacks of documents to split
        self.objects = objects or get_object_store(self.settings)
        self.batch_id = batch_id
        self.actor = actor
        self.report = IngestReport(batch_id)
        self.on_item = on_item
        with db.session(self.settings) as s:
            batch = s.get(Batch, batch_id)
            if batch is None:
                raise NotFound(f"Không có lô {batch_id}.", f"No batch {batch_id}.")
            last = s.scalar(
                select(BatchItem.position)
                .where(BatchItem.batch_id == batch_id)
                .order_by(BatchItem.position.desc())
                .limit(1)
            )
        self._position = (last + 1) if last is not None else 0

    # --- entry points ----------------------------------------------------------------------------

    def add_path(self, path: Path, *, display_name: str | None = None) -> None:
        """A file, a folder (walked recursively, symlinks refused) or a ZIP archive."""
        name = display_name or path.name or str(path)
        try:
            if not path.exists():
                raise NotFound(f"Không tìm thấy {path}.", f"{path} does not exist.")
            if path.is_dir():
                for child, rel in _walk(path):
                    if child is None:
                        self._refuse(
                            f"{name}/{rel}",
                            UnsafeArchive(
                                f"Bỏ qua liên kết tượng trưng: {rel}", f"Symbolic link refused: {rel}"
                            ),
                        )
                    else:
                        self.add_path(child, display_name=f"{name}/{rel}")
                return
            if not path.is_file():
                raise UnsafeArchive(f"Không phải tệp thường: {path}", f"Not a regular file: {path}")
            if sniff_media_type(path, name) == "application/zip":
                self.add_zip(path, display_name=name)
                return
            self.add_file(path, filename=name)
        except DigitizeError as err:
            self._refuse(name, err)

    def add_file(self, path: Path, *, filename: str, media_type: str | None = None) -> IngestedItem:
        """Store one file's original and record it on the batch (dedupe by sha256)."""
        filename = recorded_name(filename)
        try:
            size = path.stat().st_size
            if size > self.settings.max_upload_bytes:
                raise InputTooLarge(
                    f"Tệp quá lớn ({size} byte, tối đa {self.settings.max_upload_bytes}).",
                    f"File too large ({size} bytes, limit {self.settings.max_upload_bytes}).",
                )
            sha = sha256_file(path)
            # by content only: a name or a declared type never makes a file a scan
            scan = scan_type_of_file(path)
            if scan is None:
                raise self._quarantine(path, sha, size, filename)
            try:  # the right first bytes are not enough: it must open (a truncated PDF, a broken JPEG)
                check_opens(path, scan, self.settings.max_image_pixels, self.settings.max_pages)
            except BadInput as err:
                raise self._quarantine(path, sha, size, filename, err) from None
            media_type = scan.value
            key = original_key(sha)
            # The original first: nothing the database points at can be missing.
            self.objects.put_file(
                key, path, media_type=media_type, metadata={"sha256": sha, "filename": _ascii_meta(filename)}
            )
            if self.split and media_type in SPLITTABLE:
                with db.session(self.settings) as s:
                    stack_id, duplicate = receive_stack(
                        s,
                        sha=sha,
                        key=key,
                        media_type=media_type,
                        size=size,
                        filename=filename,
                        actor=self.actor,
                    )
                    s.add(
                        BatchItem(
                            batch_id=self.batch_id,
                            position=self._next(),
                            filename=filename,
                            stack_id=stack_id,
                            duplicate=duplicate,
                        )
                    )
                item = IngestedItem(filename, None, duplicate, stack_id=stack_id)
                self._record(item)
                return item
            with db.session(self.settings) as s:
                doc_id, duplicate = receive_document(
                    s, sha=sha, key=key, media_type=media_type, size=size, filename=filename, actor=self.actor
                )
                s.add(
                    BatchItem(
                        batch_id=self.batch_id,
                        position=self._next(),
                        filename=filename,
                        document_id=doc_id,
                        duplicate=duplicate,
                    )
                )
            item = IngestedItem(filename, doc_id, duplicate)
        except DigitizeError as err:
            return self._refuse(filename, err)
        self._record(item)
        return item

    def add_zip(self, path: Path, *, display_name: str) -> None:
        with tempfile.TemporaryDirectory(prefix="dgz-zip-", dir=self.settings.scratch_dir()) as tmp:
            for member_name, extracted, error in safe_extract(path, Path(tmp), self.settings):
                label = f"{display_name}/{member_name}" if member_name else display_name
                if error is not None or extracted is None:
                    self._refuse(label, error or UnsafeArchive("Thành phần bị từ chối.", "Member refused."))
                    continue
                try:
                    self.add_file(extracted, filename=label)
                finally:
                    extracted.unlink(missing_ok=True)

    # --- internals -------------------------------------------------------------------------------

    def _next(self) -> int:
        pos = self._position
        self._position += 1
        return pos

    def _quarantine(
        self, path: Path, sha: str, size: int, filename: str, why: BadInput | None = None
    ) -> BadInput:
        """Keep the bytes of a file that is not a scan (or does not open: ``why``) where nothing serves or
        renders them; the error to record on the batch."""
        key = quarantine_key(sha)
        self.objects.put_file(
            key,
            path,
            media_type="application/octet-stream",
            metadata={"sha256": sha, "filename": _ascii_meta(filename), "quarantined": "1"},
        )
        with db.session(self.settings) as s:
            audit(
                s,
                self.actor,
                "upload.quarantine",
                self.batch_id,
                key=key,
                sha256=sha,
                size=size,
                filename=filename,
                reason=why.code if why is not None else UnsupportedType.code,
            )
        if why is not None:
            return type(why)(
                f"{why.message_vi} Tệp {filename} được giữ cách ly, không được lưu thành tài liệu.",
                f"{why.message_en} The file {filename} is kept in quarantine, not stored as a document.",
                quarantine_key=key,
                sha256=sha,
            )
        return UnsupportedType(
            f"Không phải bản quét hay tài liệu (PDF, JPEG, PNG, TIFF theo nội dung tệp, không theo tên): "
            f"{filename}. Tệp được giữ cách ly, không được lưu thành tài liệu.",
            f"Not a scan or document (PDF, JPEG, PNG, TIFF judged by the file's content, not its name): "
            f"{filename}. Its bytes are kept in quarantine, not stored as a document.",
            quarantine_key=key,
            sha256=sha,
        )

    def _refuse(self, filename: str, err: DigitizeError) -> IngestedItem:
        filename = recorded_name(filename)
        with db.session(self.settings) as s:
            s.add(
                BatchItem(
                    batch_id=self.batch_id,
                    position=self._next(),
                    filename=nfc(filename),
                    document_id=None,
                    error_code=err.code,
                    error_message=err.one_line(),
                )
            )
        item = IngestedItem(nfc(filename), None, False, err)
        self._record(item)
        return item

    def _record(self, item: IngestedItem) -> None:
        self.report.items.append(item)
        if self.on_item is not None:
            self.on_item(item)


def _ascii_meta(value: str) -> str:
    """Object metadata travels in HTTP headers: keep it ASCII."""
    return value.encode("ascii", "backslashreplace").decode("ascii")[:500]


def _walk(root: Path) -> Iterator[tuple[Path | None, str]]:
    """Regular files under ``root`` in a stable order; (None, rel) for each symbolic link met."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        here = Path(dirpath)
        for d in list(dirnames):
            if (here / d).is_symlink():
                dirnames.remove(d)
                yield None, str((here / d).relative_to(root))
            elif d.startswith("."):
                dirnames.remove(d)
        for f in sorted(filenames):
            p = here / f
            if f.startswith("."):
                continue
            rel = str(p.relative_to(root))
            if p.is_symlink():
                yield None, rel
            elif p.is_file():
                yield p, rel


# --- ZIP ----------------------------------------------------------------------------------------


def _member_path(name: str) -> str | None:
    """The member's normalised relative path, or None when it would escape the archive."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = PurePosixPath(name).parts
    if any(p == ".." for p in parts):
        return None
    clean = [p for p in parts if p not in ("", ".")]
    return "/".join(clean) if clean else None


def recorded_name(name: str) -> str:
    """A file's name as it is recorded (the sender's, from any door: an upload, a ZIP member, the scanners'
    share): NFC, without control or format characters (CR LF would reach a Content-Disposition header, ESC a
    terminal, a bidi override would reverse an extension)."""
    return printable(nfc(name)).strip() or "upload"


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def check_zip(path: Path, settings: Settings) -> list[zipfile.ZipInfo]:
    """The archive's file members, or UnsafeArchive when it looks like a zip bomb."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeArchive(f"Tệp ZIP hỏng: {exc}", f"Corrupt ZIP archive: {exc}") from exc
    files = [i for i in infos if not i.is_dir()]
    if len(files) > settings.max_zip_members:
        raise UnsafeArchive(
            f"Tệp ZIP có quá nhiều thành phần ({len(files)}, tối đa {settings.max_zip_members}).",
            f"ZIP archive has too many members ({len(files)}, limit {settings.max_zip_members}).",
        )
    total = sum(i.file_size for i in files)
    if total > settings.max_zip_total_bytes:
        raise UnsafeArchive(
            f"Tệp ZIP giải nén quá lớn ({total} byte, tối đa {settings.max_zip_total_bytes}).",
            f"ZIP archive expands too much ({total} bytes, limit {settings.max_zip_total_bytes}).",
        )
    for i in files:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > 1024 * 1024 and ratio > settings.max_zip_ratio:
            raise UnsafeArchive(
                f"Tệp ZIP nghi là bom nén: {i.filename} nén {ratio:.0f} lần "
                f"(tối đa {settings.max_zip_ratio}).",
                f"ZIP bomb suspected: {i.filename} compressed {ratio:.0f}x (limit {settings.max_zip_ratio}).",
            )
    return files


def safe_extract(
    path: Path, dest: Path, settings: Settings
) -> Iterator[tuple[str, Path | None, DigitizeError | None]]:
    """Extract file members one at a time: (member path, extracted file | None, error | None).

    Raises UnsafeArchive before extracting anything when the archive as a whole is refused.
    """
    files = check_zip(path, settings)
    budget = settings.max_zip_total_bytes
    with zipfile.ZipFile(path) as zf:
        for n, info in enumerate(files):
            rel = _member_path(info.filename)
            if rel is None:
                yield (
                    info.filename,
                    None,
                    UnsafeArchive(
                        f"Đường dẫn trong ZIP thoát ra ngoài: {info.filename}",
                        f"ZIP member path escapes the archive: {info.filename}",
                    ),
                )
                continue
            if _is_symlink(info):
                yield (
                    rel,
                    None,
                    UnsafeArchive(
                        f"Liên kết tượng trưng trong ZIP bị từ chối: {rel}",
                        f"Symbolic link in ZIP refused: {rel}",
                    ),
                )
                continue
            if PurePosixPath(rel).name.startswith(".") or rel.startswith("__MACOSX/"):
                continue
            target = dest / f"{n:06d}"
            limit = min(info.file_size, settings.max_upload_bytes, budget)
            written = 0
            error: DigitizeError | None = None
            try:
                with zf.open(info) as src, open(target, "wb") as out:
                    while chunk := src.read(1024 * 1024):
                        written += len(chunk)
                        if (
                            written > limit
                            or written > max(info.compress_size, 1) * settings.max_zip_ratio + 1024 * 1024
                        ):
                            error = UnsafeArchive(
                                f"Thành phần ZIP lớn hơn khai báo hoặc vượt giới hạn: {rel}",
                                f"ZIP member larger than declared or over the limit: {rel}",
                            )
                            break
                        out.write(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
                error = UnsafeArchive(f"Không giải nén được {rel}: {exc}", f"Cannot extract {rel}: {exc}")
            if error is not None:
                target.unlink(missing_ok=True)
                yield rel, None, error
                continue
            budget -= written
            yield rel, target, None


# --- convenience --------------------------------------------------------------------------------


def create_batch(name: str | None = None, *, actor: str = "cli", settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    with db.session(settings) as s:
        batch = Batch(name=nfc(name) if name else None, created_by=actor)
        s.add(batch)
        s.flush()
        audit(s, actor, "batch.create", batch.id, name=batch.name)
        return batch.id


def ingest_paths(
    paths: Iterable[Path],
    *,
    batch_name: str | None = None,
    actor: str = "cli",
    settings: Settings | None = None,
    on_item: Progress | None = None,
    batch_id: str | None = None,
    split: bool = False,
) -> IngestReport:
    """Store every file under ``paths`` in a (new) batch. Does not process: see ``processing.enqueue``."""
    settings = settings or get_settings()
    batch_id = batch_id or create_batch(batch_name, actor=actor, settings=settings)
    ingestor = Ingestor(batch_id, actor=actor, settings=settings, on_item=on_item, split=split)
    for p in paths:
        ingestor.add_path(Path(p), display_name=Path(p).name or str(p))
    return ingestor.report
