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


def check_opens(path: Path, scan: ScanType, max_image_pixels: int, max_frames: int) -> None:
    """Refuse a file whose first bytes say PDF/JPEG/PNG/TIFF but which does not open: a truncated or
    corrupt PDF, a password-protected one, an image that does not decode to its last row (every frame of
    a TIFF, up to ``max_frames``), a decompression bomb. Raises a ``BadInput`` (CorruptInput,
    EncryptedInput, InputTooLarge); checked at ingest, so such bytes never become a document."""
    import warnings

    from digitize.errors import CorruptInput, InputTooLarge

    if scan is ScanType.PDF:
        from digitize.tools import pdf as pdftool

        pdftool.check_structure(path)
        return
    from PIL import Image

    label = scan.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            saved = Image.MAX_IMAGE_PIXELS
            Image.MAX_IMAGE_PIXELS = max_image_pixels
            try:
                with Image.open(path) as im:
                    frames = getattr(im, "n_frames", 1)
                    for i in range(min(frames, max(1, max_frames))):
                        if i:
                            im.seek(i)
                        w, h = im.size
                        if w <= 0 or h <= 0:
                            raise ValueError(f"size {w}x{h}")
                        im.load()
            finally:
                Image.MAX_IMAGE_PIXELS = saved
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputTooLarge(
            "Ảnh quá lớn (nghi là 'bom giải nén').", "The image is too large (suspected decompression bomb)."
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise CorruptInput(
            f"Tệp có dạng {label} nhưng không giải mã được ảnh (bị cắt cụt hoặc hỏng: {reason}).",
            f"The file looks like a {label} but its image does not decode (truncated or damaged: {reason}).",
        ) from exc
