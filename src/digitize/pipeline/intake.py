"""Intake: what the input really is (from its bytes, not its name), and which pages need OCR.

``inspect()`` refuses bad input with one clear reason before any heavy work: empty, wrong type, corrupt or
truncated, encrypted, too many bytes or pages, images whose header claims absurd dimensions. It decodes no
pixels. ``load_page()`` then gives one page's pixels (decoding or rasterizing at the OCR resolution) and runs
wherever the page is processed; ``read_text_pages()`` reads the words of pages that already carry text.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from digitize.config import Settings, get_settings
from digitize.errors import CorruptInput, EmptyInput, InputTooLarge, UnsupportedType
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.text import nfc

Kind = Literal["pdf", "jpeg", "png", "tiff"]

# A page with at least this many non-blank characters of text is born-digital: read, not OCR'd.
MIN_TEXT_CHARS = 16
A4_LONG_INCHES = 11.69
# A page mostly covered by an image with only a few words of text (a scan with a stamped page number or a
# signature note) is a scan: OCR'd.
SCAN_WITH_TEXT_CHARS = 200


@dataclass(frozen=True)
class PageSource:
    """Where one page comes from; small and picklable (sent to worker processes)."""

    path: Path
    kind: Kind
    index: int  # 0-based page number in the document (and frame number in a TIFF)
    needs_ocr: bool
    width_pt: float  # page size in the output PDF
    height_pt: float
    dpi: float  # resolution of the pixels load_page() returns


@dataclass(frozen=True)
class Intake:
    path: Path
    kind: Kind
    sha256: str
    size: int
    pages: tuple[PageSource, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def sniff(head: bytes) -> Kind | None:
    """The file type from its first bytes."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def inspect(path: Path, settings: Settings | None = None) -> Intake:
    """Identify and validate the input; list its pages. Raises a ``BadInput`` subclass when refused."""
    settings = settings or get_settings()
    path = Path(path)
    if not path.is_file():
        raise EmptyInput(f"Không tìm thấy tệp: {path.name}", f"No such file: {path.name}")
    size = path.stat().st_size
    if size == 0:
        raise EmptyInput(f"Tệp rỗng (0 byte): {path.name}", f"The file is empty (0 bytes): {path.name}")
    if size > settings.max_upload_bytes:
        raise InputTooLarge(
            f"Tệp quá lớn: {size} byte (tối đa {settings.max_upload_bytes}).",
            f"The file is too large: {size} bytes (at most {settings.max_upload_bytes}).",
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    kind = sniff(head)
    if kind is None:
        raise UnsupportedType(
            f"Không phải PDF, JPEG, PNG hay TIFF (theo nội dung tệp): {path.name}",
            f"Not a PDF, JPEG, PNG or TIFF (judged by its content): {path.name}",
        )
    pages = _pdf_pages(path, settings) if kind == "pdf" else _image_pages(path, kind, settings)
    if not pages:
        raise EmptyInput(f"Tệp không có trang nào: {path.name}", f"The file has no pages: {path.name}")
    return Intake(path=path, kind=kind, sha256=sha256_file(path), size=size, pages=tuple(pages))


def _too_many_pages(n: int, settings: Settings) -> InputTooLarge:
    return InputTooLarge(
        f"Quá nhiều trang: {n} (tối đa {settings.max_pages}).",
        f"Too many pages: {n} (at most {settings.max_pages}).",
    )


def _pdf_pages(path: Path, settings: Settings) -> list[PageSource]:
    from digitize.tools import pdf as pdftool

    pdftool.check_structure(path)
    n = pdftool.page_count(path)
    if n > settings.max_pages:
        raise _too_many_pages(n, settings)
    dpi = float(settings.ocr_dpi)
    pages: list[PageSource] = []
    for info in pdftool.page_infos(path):
        w, h = (info.height_pt, info.width_pt) if info.rotation % 180 else (info.width_pt, info.height_pt)
        if w * h * (dpi / 72.0) ** 2 > settings.max_image_pixels:
            raise InputTooLarge(
                f"Trang {info.index + 1} quá lớn để dựng ảnh ({w:.0f}×{h:.0f} pt).",
                f"Page {info.index + 1} is too large to rasterize ({w:.0f}x{h:.0f} pt).",
            )
        pages.append(
            PageSource(
                path=path,
                kind="pdf",
                index=info.index,
                needs_ocr=info.chars < MIN_TEXT_CHARS
                or (info.chars < SCAN_WITH_TEXT_CHARS and info.image_coverage > 0.5),
                width_pt=w,
                height_pt=h,
                dpi=dpi,
            )
        )
    return pages


def _image_dpi(info: dict[str, object], w: int, h: int) -> float:
    raw = info.get("dpi")
    dpi = 0.0
    if isinstance(raw, tuple) and raw:
        try:
            dpi = float(raw[0])
        except (TypeError, ValueError):
            dpi = 0.0
    if dpi < 70 or dpi > 1200:
        # Unknown (phone photos say 72 or nothing): size the page as if the long side were A4's.
        dpi = max(w, h) / A4_LONG_INCHES
    return dpi


def _image_pages(path: Path, kind: Kind, settings: Settings) -> list[PageSource]:
    from PIL import Image

    pages: list[PageSource] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the header is read here, and its dimensions are checked below against our own limit (a
            # clearer message than PIL's guard, which stays on for the decoding in load_page()).
            Image.MAX_IMAGE_PIXELS = None
            try:
                im = Image.open(path)
            finally:
                Image.MAX_IMAGE_PIXELS = settings.max_image_pixels
            with im:
                frames = getattr(im, "n_frames", 1) if kind == "tiff" else 1
                if frames > settings.max_pages:
                    raise _too_many_pages(frames, settings)
                for i in range(frames):
                    if i:
                        im.seek(i)
                    w, h = im.size
                    if w <= 0 or h <= 0:
                        raise CorruptInput(
                            f"Ảnh có kích thước không hợp lệ: {w}×{h}.",
                            f"The image has invalid size {w}x{h}.",
                        )
                    if w * h > settings.max_image_pixels:
                        raise InputTooLarge(
                            f"Ảnh quá lớn: {w}×{h} điểm ảnh (tối đa {settings.max_image_pixels}).",
                            f"The image is too large: {w}x{h} pixels (at most {settings.max_image_pixels}).",
                        )
                    dpi = _image_dpi({str(k): v for k, v in im.info.items()}, w, h)
                    pages.append(PageSource(path, kind, i, True, w / dpi * 72.0, h / dpi * 72.0, dpi))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputTooLarge(
            "Ảnh quá lớn (nghi là 'bom giải nén').", "The image is too large (suspected decompression bomb)."
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(
            f"Ảnh bị hỏng hoặc không đọc được: {exc}", f"The image is damaged or unreadable: {exc}"
        ) from exc
    return pages


def load_page(src: PageSource) -> np.ndarray:
    """The page's pixels as uint8, RGB (h, w, 3) or grey (h, w): the decoded image frame, or the PDF page
    rasterized at src.dpi."""
    if src.kind == "pdf":
        from digitize.tools import pdf as pdftool

        return pdftool.render_page(src.path, src.index, src.dpi)
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = get_settings().max_image_pixels
    try:
        with Image.open(src.path) as opened:
            if src.index:
                opened.seek(src.index)
            opened.load()
            im: Image.Image = opened
            if src.kind == "jpeg":
                im = ImageOps.exif_transpose(opened) or opened
            array = _rgb(im)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(
            f"Ảnh bị hỏng, không giải mã được: {exc}", f"The image is damaged and cannot be decoded: {exc}"
        ) from exc
    return np.ascontiguousarray(array)


def _rgb(im: object) -> np.ndarray:
    """8-bit RGB pixels of any PIL image: transparency flattened on white paper, 16-bit and float scaled."""
    from PIL import Image

    assert isinstance(im, Image.Image)
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        top = float(arr.max()) or 1.0
        gray = np.clip(arr * (255.0 / (65535.0 if top > 255 else 255.0)), 0, 255).astype(np.uint8)
        return np.stack([gray] * 3, axis=-1)
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(paper, rgba).convert("RGB"))
    if im.mode in ("L", "1"):
        return np.asarray(im.convert("L"))  # grey stays grey: a third of the memory and work
    return np.asarray(im.convert("RGB"))


def read_text_pages(path: Path, pages: Sequence[PageSource]) -> list[RecognizedPage]:
    """Words with boxes of born-digital pages, read from their text layer; nothing is OCR'd. Boxes in PDF
    points. Lines come in content order, the two-column Decree 30 header column by column."""
    from digitize.pipeline.recognize import reading_order
    from digitize.tools import pdf as pdftool

    out: list[RecognizedPage] = []
    if not pages:
        return out
    for src, (width, height, lines) in zip(
        pages, pdftool.text_lines(path, [p.index for p in pages]), strict=True
    ):
        ordered = reading_order(
            [[(nfc(w.text), w.x0, w.top, w.x1, w.bottom) for w in line] for line in lines], width
        )
        words = tuple(
            Word(text=t, conf=100.0, box=Box(x0, y0, x1, y1), block=0, line=n)
            for n, line in enumerate(ordered)
            for (t, x0, y0, x1, y1) in line
        )
        out.append(
            RecognizedPage(
                index=src.index,
                source="text",
                width=width,
                height=height,
                text=nfc("\n".join(" ".join(w[0] for w in line) for line in ordered)),
                words=words,
                confidence=None,
                dpi=72.0,
            )
        )
    return out
