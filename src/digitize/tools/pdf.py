"""PDF reading behind one module: pikepdf (structure, encryption), pypdfium2 (page facts, rasterizing) and
pdfplumber (the words and boxes of pages that already carry text). Failures become our errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from digitize.errors import CorruptInput, EncryptedInput, ToolFailed


@dataclass(frozen=True)
class PdfPageInfo:
    index: int
    width_pt: float
    height_pt: float
    chars: int  # non-blank characters of text the page already carries
    rotation: int  # /Rotate of the page
    image_coverage: float = 0.0  # share of the page covered by its largest image (a scan), when little text


def _corrupt(reason: str, reason_en: str | None = None) -> CorruptInput:
    """The PDF cannot be read: ``reason`` in Vietnamese, ``reason_en`` in English (default: the same words,
    a library's own)."""
    return CorruptInput(
        f"Tệp PDF bị hỏng hoặc không đọc được ({reason}).",
        f"The PDF is damaged or unreadable ({reason if reason_en is None else reason_en}).",
    )


def check_structure(path: Path) -> None:
    """Refuse truncated, corrupt and password-protected PDFs before any heavy work."""
    import pikepdf

    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise _corrupt("thiếu phần kết thúc %%EOF, có lẽ bị cắt cụt", "no %%EOF trailer, probably truncated")
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) == 0:
                raise _corrupt("không có trang nào", "no pages")
    except pikepdf.PasswordError as exc:
        raise EncryptedInput(
            "Tệp PDF được mã hóa bằng mật khẩu; hãy gửi bản không mã hóa.",
            "The PDF is encrypted with a password; send an unencrypted copy.",
        ) from exc
    except pikepdf.PdfError as exc:
        raise _corrupt(str(exc).splitlines()[0][:120] if str(exc) else "pikepdf") from exc


def page_infos(path: Path) -> list[PdfPageInfo]:
    """Size, rotation and amount of existing text for every page (fast: pdfium)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedInput(
                "Tệp PDF được mã hóa bằng mật khẩu; hãy gửi bản không mã hóa.",
                "The PDF is encrypted with a password; send an unencrypted copy.",
            ) from exc
        raise _corrupt(str(exc)[:120]) from exc
    try:
        infos: list[PdfPageInfo] = []
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            tp = page.get_textpage()
            text = tp.get_text_range()
            chars = sum(1 for ch in text if not ch.isspace() and ch != "\ufffe")
            tp.close()
            coverage = _image_coverage(page, float(w) * float(h)) if chars < 400 else 0.0
            infos.append(PdfPageInfo(i, float(w), float(h), chars, int(page.get_rotation()), coverage))
            page.close()
        return infos
    finally:
        doc.close()


def _image_coverage(page: object, area: float) -> float:
    """Share of the page covered by its largest image object (a scanned page under a few words of text)."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):  # type: ignore[attr-defined]
            left, bottom, right, top = obj.get_bounds()
            best = max(best, (right - left) * (top - bottom))
    except Exception:  # a damaged object: treat as no image
        return 0.0
    return best / area if area > 0 else 0.0


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _corrupt(str(exc)[:120]) from exc
    try:
        return len(doc)
    finally:
        doc.close()


def render_page(path: Path, index: int, dpi: float) -> np.ndarray:
    """One page as an RGB array at ``dpi`` (white background, annotations drawn)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
        try:
            page = doc[index]
            bitmap = page.render(scale=dpi / 72.0, may_draw_forms=True)
            array = np.array(bitmap.to_numpy(), copy=True)
            mode = bitmap.mode
            page.close()
        finally:
            doc.close()
    except pdfium.PdfiumError as exc:
        raise ToolFailed(
            f"Không dựng được ảnh trang {index + 1}: {exc}", f"Cannot render page {index + 1}: {exc}"
        ) from exc
    if mode == "BGRA" or mode == "BGRX":
        array = array[:, :, [2, 1, 0]]
    elif mode == "BGR":
        array = array[:, :, ::-1]
    elif array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    return np.ascontiguousarray(array)


@dataclass(frozen=True)
class PdfWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def text_lines(path: Path, indices: list[int]) -> list[tuple[float, float, list[list[PdfWord]]]]:
    """Lines of words with boxes (PDF points, origin top-left) of born-digital pages, read by pdfplumber.

    pdfplumber (pdfminer) takes ~20 ms a page here; ``read_text_pages`` spreads many pages over processes.
    Words are pdfplumber's (``use_text_flow``: in content order); a word starts a new line when it does not
    overlap the current line vertically.
    """
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    out: list[tuple[float, float, list[list[PdfWord]]]] = []
    try:
        pdf = pdfplumber.open(str(path))
    except (PDFSyntaxError, ValueError, OSError) as exc:
        raise _corrupt(str(exc)[:120]) from exc
    try:
        for index in indices:
            page = pdf.pages[index]
            width, height = float(page.width), float(page.height)
            try:
                words = page.extract_words(use_text_flow=True, keep_blank_chars=False)
            except Exception as exc:  # pdfminer raises many kinds on a broken content stream
                why = str(exc)[:100]
                raise _corrupt(f"trang {index + 1}: {why}", f"page {index + 1}: {why}") from exc
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            out.append((width, height, _lines_of(words, x_off, y_off)))
            page.close()
    finally:
        pdf.close()
    return out


def _lines_of(words: list[dict[str, Any]], x_off: float = 0.0, y_off: float = 0.0) -> list[list[PdfWord]]:
    """pdfplumber's words (in content order) grouped into lines: a word joins the current line when its
    vertical extent overlaps the line's by at least half of the smaller height."""
    lines: list[list[PdfWord]] = []
    top = bottom = 0.0
    for w in words:
        word = PdfWord(
            str(w["text"]),
            float(w["x0"]) - x_off,
            float(w["top"]) - y_off,
            float(w["x1"]) - x_off,
            float(w["bottom"]) - y_off,
        )
        if lines:
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                lines[-1].append(word)
                top, bottom = min(top, word.top), max(bottom, word.bottom)
                continue
        lines.append([word])
        top, bottom = word.top, word.bottom
    return lines
