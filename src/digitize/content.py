"""What a file IS, judged by its bytes (never by its name or a declared type).

The store accepts only scans and documents: PDF, JPEG, PNG, TIFF. Anything else (HTML, SVG, XML, scripts,
text, an HTML page with ``%PDF-`` buried in it) is refused at ingest and its bytes kept in quarantine, so a
file a user uploaded can never come back from our origin as active content. The same check tells the file
responses whether the type they are about to declare matches the bytes they serve.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

HEAD_BYTES = 1024


class ScanType(StrEnum):
    PDF = "application/pdf"
    JPEG = "image/jpeg"
    PNG = "image/png"
    TIFF = "image/tiff"


# Bytes that would let a browser (or a sniffer) take the file for markup or script.
_MARKUP = re.compile(rb"<|\bscript\b|\bjavascript:", re.IGNORECASE)


def scan_type_of(head: bytes) -> ScanType | None:
    """The scan type of a file from its first bytes, or None when it is not one of ours.

    A PDF may carry a little junk before ``%PDF-`` (some scanners write it), but never markup: an HTML
    page that merely contains ``%PDF-`` is not a PDF.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return ScanType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ScanType.PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return ScanType.TIFF
    at = head.find(b"%PDF-", 0, HEAD_BYTES)
    if at >= 0 and not _MARKUP.search(head[:at]):
        return ScanType.PDF
    return None


def scan_type_of_file(path: Path) -> ScanType | None:
    with open(path, "rb") as fh:
        return scan_type_of(fh.read(HEAD_BYTES))


def matches(head: bytes, media_type: str | None) -> bool:
    """True when the bytes really are of the (scan) ``media_type`` declared for them."""
    found = scan_type_of(head)
    return found is not None and media_type is not None and found.value == media_type.split(";")[0].strip()


def quarantine_key(sha256: str) -> str:
    """Where the bytes of a refused upload are kept (never a document, never served)."""
    return f"quarantine/{sha256[:2]}/{sha256}"
