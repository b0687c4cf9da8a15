"""Writing a BagIt bag (RFC 8493) as a stream: each payload file is hashed while it is copied and its
manifest line appended at once, so nothing grows with the size of the store but the files on disk.

The tag files (``bagit.txt``, ``bag-info.txt``, ``tagmanifest-sha256.txt``) are written last: an export that
stops half-way leaves a directory that is not a valid bag. Validation (on import and in tests) is the
``bagit`` library's own.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from digitize import __version__

CHUNK = 1024 * 1024


class BagWriter:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "data").mkdir(parents=True, exist_ok=True)
        self._manifest = open(root / "manifest-sha256.txt", "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.payload_bytes = 0
        self.payload_files = 0
        self._dirs: set[Path] = set()  # made already (at most a few thousand: <kind>/<sha[:2]>, <id[:2]>)

    def has(self, relpath: str) -> bool:
        return (self.root / relpath).is_file()

    def add_stream(self, relpath: str, src: IO[bytes]) -> tuple[str, int]:
        """Copy ``src`` to ``relpath`` (under ``data/``), hashing it on the way; (sha256, size)."""
        target = self.root / relpath
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        h = hashlib.sha256()
        size = 0
        # written in place: until the tag files are written last, the directory is not a valid bag anyway
        with open(target, "xb") as out:
            while chunk := src.read(CHUNK):
                h.update(chunk)
                out.write(chunk)
                size += len(chunk)
        sha = h.hexdigest()
        self._manifest.write(f"{sha}  {relpath}\n")
        self.payload_bytes += size
        self.payload_files += 1
        return sha, size

    def add_bytes(self, relpath: str, data: bytes) -> tuple[str, int]:
        import io

        return self.add_stream(relpath, io.BytesIO(data))

    def add_file(self, relpath: str, path: Path) -> tuple[str, int]:
        with open(path, "rb") as src:
            return self.add_stream(relpath, src)

    def abort(self) -> None:
        self._manifest.close()

    def finish(self, info: dict[str, str]) -> None:
        """Close the manifest and write the tag files (the bag is valid only after this)."""
        self._manifest.close()
        (self.root / "bagit.txt").write_text(
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8"
        )
        lines = {
            "Bag-Software-Agent": f"digitize {__version__}",
            "Bagging-Date": datetime.now(UTC).date().isoformat(),
            "Payload-Oxum": f"{self.payload_bytes}.{self.payload_files}",
            **info,
        }
        text = "".join(f"{k}: {_one_line(v)}\n" for k, v in lines.items())
        (self.root / "bag-info.txt").write_text(text, encoding="utf-8")
        with open(self.root / "tagmanifest-sha256.txt", "w", encoding="utf-8", newline="\n") as tm:
            for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt"):
                tm.write(f"{_sha256_file(self.root / name)}  {name}\n")


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
