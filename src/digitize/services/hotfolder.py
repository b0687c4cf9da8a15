"""A hot folder for network scanners (issue 15): ``digitize watch DIR [--split]``, or ``DIGITIZE_WATCH_DIR``
for ``digitize serve``.

The scanner writes files into DIR. A file is taken once its size (and modification time) has not changed for
``settle`` seconds: first moved (one atomic rename) into ``DIR/.digitize/taking/``, then stored as a batch
of its own (split into documents with ``split``) and queued for processing, then moved to
``DIR/processed/``. A file the store refuses goes to ``DIR/failed/`` with ``<name>.reason.txt`` beside it
(Vietnamese, then English).

Restarts: a file found in ``taking/`` at start-up was taken by a run that stopped before finishing it. If
its content is already stored (as a document or a stack) it is only moved on; otherwise it is stored now. So
a file is never taken twice, and a crash never loses one. Files starting with ``.`` or ``~`` (scanners'
partial uploads) and folders are left alone. watchfiles (inotify) wakes the loop; a rescan every ``settle``
seconds covers file systems without notifications (SMB/NFS mounts).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from digitize.config import Settings, get_settings
from digitize.errors import DigitizeError, NotFound
from digitize.store import db
from digitize.store.models import Document, Stack
from digitize.store.objects import sha256_file

log = logging.getLogger(__name__)

STATE_DIR = ".digitize"


class Outcome(StrEnum):
    PROCESSED = "processed"
    FAILED = "failed"
    ALREADY_STORED = "already_stored"  # found in taking/ after a restart, its content already stored


@dataclass(frozen=True)
class Taken:
    name: str
    outcome: Outcome
    batch_id: str | None
    reason: str | None = None


@dataclass
class _Seen:
    size: int
    mtime: float
    since: float  # when (monotonic) this size and mtime were first seen


class HotFolder:
    def __init__(
        self,
        root: Path,
        *,
        split: bool = False,
        settle: float = 2.0,
        settings: Settings | None = None,
        actor: str = "watch",
        on_taken: Callable[[Taken], None] | None = None,
    ) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise NotFound(f"Không có thư mục {root}.", f"No folder {root}.")
        self.split = split
        self.settle = settle
        self.settings = settings or get_settings()
        self.actor = actor
        self.on_taken = on_taken
        self.taking = self.root / STATE_DIR / "taking"
        self.processed = self.root / "processed"
        self.failed = self.root / "failed"
        for d in (self.taking, self.processed, self.failed):
            d.mkdir(parents=True, exist_ok=True)
        self._seen: dict[str, _Seen] = {}

    # --- one pass ----------------------------------------------------------------------------------------

    def recover(self) -> list[Taken]:
        """Files a stopped run left in ``taking/``: stored ones moved on, the others stored now."""
        out = []
        for path in sorted(self.taking.iterdir()):
            if path.is_symlink():  # ``taking/`` is inside the scanners' folder: never follow a link there
                out.append(self._ingest(path))
            elif path.is_file():
                if self._already_stored(path):
                    out.append(self._finish(path, Taken(path.name, Outcome.ALREADY_STORED, None)))
                else:
                    out.append(self._ingest(path))
        return out

    def scan(self, now: float | None = None) -> list[Taken]:
        """Take every file whose size has settled; remember the others."""
        now = time.monotonic() if now is None else now
        out = []
        present = set()
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name):
            if entry.name.startswith((".", "~")) or not entry.is_file(follow_symlinks=False):
                continue
            present.add(entry.name)
            st = entry.stat(follow_symlinks=False)
            seen = self._seen.get(entry.name)
            if seen is None or seen.size != st.st_size or seen.mtime != st.st_mtime:
                self._seen[entry.name] = _Seen(st.st_size, st.st_mtime, now)
                continue
            if now - seen.since < self.settle or st.st_size == 0:
                continue
            taken = self._take(Path(entry.path))
            if taken is not None:
                out.append(taken)
            self._seen.pop(entry.name, None)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return out

    def run(self, stop: threading.Event | None = None) -> None:
        """Recover, then watch until ``stop`` is set (or forever)."""
        import watchfiles

        stop = stop or threading.Event()
        self.recover()
        self.scan()
        for _changes in watchfiles.watch(
            self.root,
            stop_event=stop,
            rust_timeout=max(100, int(self.settle * 1000)),
            yield_on_timeout=True,
            recursive=False,
            debounce=200,
            raise_interrupt=False,
        ):
            try:
                self.scan()
            except Exception:  # pragma: no cover - logged; the next pass tries again
                log.exception("hot folder scan failed")
            if stop.is_set():
                break

    # --- internals ---------------------------------------------------------------------------------------

    def _take(self, path: Path) -> Taken | None:
        target = self.taking / path.name
        try:
            os.rename(path, target)  # atomic: another watcher on the same folder cannot take it too
        except FileNotFoundError:
            return None
        return self._ingest(target)

    def _ingest(self, path: Path) -> Taken:
        from digitize.errors import UnsafeArchive
        from digitize.services import ingest

        copy = self._private_copy(path)
        if copy is None:
            # swapped in after the scan saw a file, or dropped into taking/: the store would read whatever
            # the link points at (any file the service can read)
            link = UnsafeArchive(
                f"Không phải tệp thường (liên kết tượng trưng?): {path.name}",
                f"Not a regular file (a symbolic link?): {path.name}",
            )
            return self._finish(path, Taken(path.name, Outcome.FAILED, None, link.one_line()), link)
        try:
            report = ingest.store(
                [ingest.Source(copy, path.name)],
                batch_name=f"{self.actor}: {path.name}",
                actor=self.actor,
                split=self.split,
                settings=self.settings,
            )
        finally:
            copy.unlink(missing_ok=True)
        batch_id = report.batch_id
        errors = [i.error for i in report.items if i.error is not None]
        stored = [i for i in report.items if i.error is None]
        if errors and not stored:
            err = errors[0]
            taken = Taken(path.name, Outcome.FAILED, batch_id, err.one_line())
            return self._finish(path, taken, err)
        ingest.queue(report, self.settings)
        return self._finish(path, Taken(path.name, Outcome.PROCESSED, batch_id))

    def _private_copy(self, path: Path) -> Path | None:
        """The file's bytes copied out of the share into the service's own tmp (None: not a regular file).

        ``taking/`` is inside the scanners' share, so whoever is on it could rewrite the file (or swap in a
        link) between the checks of the store and its copy into the object store: markup stored under a
        scan's sha256. One descriptor, opened without following a link, reads the bytes once; the store
        checks and keeps that copy. At most one byte over the upload limit is copied (then refused)."""
        import stat
        import tempfile

        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)  # a link: ELOOP; a FIFO: no wait for a writer
        except OSError:
            return None
        with os.fdopen(fd, "rb") as src:
            if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
                return None
            handle, name = tempfile.mkstemp(prefix="hot-", dir=self.settings.scratch_dir())
            with os.fdopen(handle, "wb") as dst:
                left = self.settings.max_upload_bytes + 1
                while left > 0 and (chunk := src.read(min(1 << 20, left))):
                    dst.write(chunk)
                    left -= len(chunk)
        return Path(name)

    def _finish(self, path: Path, taken: Taken, err: DigitizeError | None = None) -> Taken:
        dest_dir = self.failed if taken.outcome is Outcome.FAILED else self.processed
        dest = _free_name(dest_dir, path.name)
        if err is not None:
            reason = dest.with_name(dest.name + ".reason.txt")
            reason.write_text(f"{err.message_vi}\n{err.message_en}\n", encoding="utf-8")
        os.replace(path, dest)
        log.info("hot folder: %s -> %s", path.name, dest)
        if self.on_taken is not None:
            self.on_taken(taken)
        return taken

    def _already_stored(self, path: Path) -> bool:
        sha = sha256_file(path)
        with db.session(self.settings) as s:
            return (
                s.scalar(select(Document.id).where(Document.sha256 == sha)) is not None
                or s.scalar(select(Stack.id).where(Stack.sha256 == sha)) is not None
            )


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2)``, ``name (3)`` … when taken (a scanner reuses file names)."""
    dest = folder / name
    n = 2
    stem, suffix = Path(name).stem, Path(name).suffix
    while dest.exists():
        dest = folder / f"{stem} ({n}){suffix}"
        n += 1
    return dest


def watch_in_background(settings: Settings | None = None) -> threading.Event | None:
    """``DIGITIZE_WATCH_DIR`` set: watch it in a daemon thread of this process; the event stops it."""
    settings = settings or get_settings()
    if not settings.watch_dir:
        return None
    folder = HotFolder(Path(settings.watch_dir), split=settings.watch_split, settings=settings)
    stop = threading.Event()
    threading.Thread(target=folder.run, args=(stop,), name="digitize-watch", daemon=True).start()
    return stop
