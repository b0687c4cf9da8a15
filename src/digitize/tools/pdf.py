"""PDF reading behind one module: pikepdf (structure, encryption), pypdfium2 (rasterizing, text probe) and
pdfplumber (words with boxes on born-digital pages). Failures become our errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitize.errors import CorruptInput, EncryptedInput, ToolFailed


@dataclass(frozen=True)
class PdfPageInfo:
    index: int
    width_pt: float
    height_pt: float
    chars: int  # non-blank characters of text the page already carries
    rotation: int  # /Rotate of the page


def _corrupt(reason: str, exc: BaseException | None = None) -> CorruptInput:
    return CorruptInput(
        f"Tệp PDF bị hỏng hoặc không đọc được ({reason}).",
        f"The PDF is damaged or unreadable ({reason}).",
    )


def check_structure(path: Path) -> None:
    """Refuse truncated, corrupt and password-protected PDFs before any heavy work."""
    import pikepdf

    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise _corrupt("thiếu phần kết thúc %%EOF, có lẽ bị cắt cụt / no %%EOF trailer, probably truncated")
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) == 0:
                raise _corrupt("không có trang nào / no pages")
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
            infos.append(PdfPageInfo(i, float(w), float(h), chars, int(page.get_rotation())))
            page.close()
        return infos
    finally:
        doc.close()


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


@contextmanager
def open_plumber(path: Path) -> Iterator[object]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many kinds
        raise _corrupt(str(exc)[:120]) from exc
    try:
        yield pdf
    finally:
        pdf.close()


def page_words(plumber_pdf: object, index: int) -> tuple[float, float, list[PdfWord]]:
    """Words with boxes (PDF points, origin top-left) of a born-digital page, via pdfplumber."""
    page = plumber_pdf.pages[index]  # type: ignore[attr-defined]
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=[])
    out = [
        PdfWord(str(w["text"]), float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
        for w in words
    ]
    return float(page.width), float(page.height), out
