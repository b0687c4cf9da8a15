"""The QR code of a signed result (Circular 01/2023/TT-VPCP): drawn top-left of page 1 BEFORE signing, so it
is part of the signed content and the signature stays valid.

The code holds a URL of the public verification page (``{public_base_url}/v/{document_id}``, no sign-in) whose
query carries what the circular lists: document code (``dc``), procedure code (``pc``), holder identifier
(``hid``), document name (``dn``), issuing system (``sys``), time (``t``) and, for results, the validity
period (``vf``/``vu``). A phone opens the page; a program reads the fields back with :func:`parse_payload`.

    info = QrInfo(document_id=doc.id, document_code="1169/QĐ-UBND", document_name="Giấy phép", ...)
    stamped = stamp_qr(pdf_bytes, info, base_url)      # then sign ``stamped``
    payload = read_qr(signed_pdf)                      # decode it back (OpenCV), None when absent
    parse_payload(payload)["document_id"]
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from digitize.errors import CorruptInput, EncryptedInput
from digitize.text import nfc

# Placement (points): the square's top-left corner is MARGIN from the page's top-left corner.
SIZE = 72.0  # ~25 mm: modules of ~0.45 mm for the longest payloads (version 10-11)
MARGIN = 16.0
CAPTION_PT = 5.5
CAPTION_WIDTH = 230.0

_KEYS = (
    ("document_code", "dc"),
    ("procedure_code", "pc"),
    ("holder_id", "hid"),
    ("document_name", "dn"),
    ("issuing_system", "sys"),
    ("time", "t"),
    ("valid_from", "vf"),
    ("valid_until", "vu"),
)


@dataclass(frozen=True)
class QrInfo:
    """What the QR code carries (None: left out)."""

    document_id: str
    document_code: str | None = None  # số, ký hiệu: "1169/QĐ-UBND"
    procedure_code: str | None = None  # mã thủ tục hành chính
    holder_id: str | None = None  # mã số thuế / số định danh of the holder
    document_name: str | None = None  # "Giấy phép"
    issuing_system: str | None = None  # the organisation / system that issued the electronic result
    time: str | None = None  # ISO 8601 (+07:00)
    valid_from: str | None = None  # YYYY-MM-DD
    valid_until: str | None = None


def verify_url(base_url: str, document_id: str) -> str:
    """The public verification page of a document."""
    return f"{base_url.rstrip('/')}/v/{quote(document_id, safe='')}"


def payload(info: QrInfo, base_url: str) -> str:
    """The text encoded in the QR code: the verification URL with the circular's fields as its query."""
    query = [(short, nfc(str(v))) for name, short in _KEYS if (v := getattr(info, name)) not in (None, "")]
    url = verify_url(base_url, info.document_id)
    return f"{url}?{urlencode(query)}" if query else url


def parse_payload(text: str) -> dict[str, str | None]:
    """The fields of a payload made by :func:`payload` (``document_id`` from the path; {} when not ours)."""
    parts = urlsplit(text.strip())
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[-2] != "v" or not parts.scheme.startswith("http"):
        return {}
    out: dict[str, str | None] = {name: None for name, _ in _KEYS}
    out["document_id"] = segments[-1]
    by_short = {short: name for name, short in _KEYS}
    for k, v in parse_qsl(parts.query):
        if k in by_short:
            out[by_short[k]] = nfc(v)
    return out


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code (error correction M, 4-module quiet zone included)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [[bool(c) for c in row] for row in code.get_matrix()]


def _qr_png(matrix: list[list[bool]], scale: int = 8) -> bytes:
    from PIL import Image

    n = len(matrix)
    img = Image.new("L", (n, n), 255)
    img.putdata([0 if c else 255 for row in matrix for c in row])
    img = img.resize((n * scale, n * scale), Image.Resampling.NEAREST).convert("1")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _stamp_page(w: float, h: float, text: str, caption: str) -> bytes:
    """A transparent page of the given size with the QR code and its caption at the top left."""
    from digitize.signing.appearance import _new_pdf, _text

    pdf = _new_pdf(w, h)
    pdf.image(io.BytesIO(_qr_png(qr_matrix(text))), x=MARGIN, y=MARGIN, w=SIZE, h=SIZE)
    _text(pdf, MARGIN, MARGIN + SIZE + 1, min(CAPTION_WIDTH, w - 2 * MARGIN), caption, CAPTION_PT, align="L")
    return bytes(pdf.output())


def stamp_qr(pdf: bytes, info: QrInfo, base_url: str) -> bytes:
    """``pdf`` with the QR code (and a one-line caption with the URL) drawn top-left of page 1.

    Rewrites the file: call it only on a PDF that carries no signature yet.
    """
    import pikepdf

    text = payload(info, base_url)
    caption = f"Tra cứu / Verify: {verify_url(base_url, info.document_id)}"
    try:
        src = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PasswordError:
        raise EncryptedInput("Tệp PDF được mã hóa", "the PDF is encrypted") from None
    except pikepdf.PdfError as exc:
        raise CorruptInput("Tệp không phải PDF hợp lệ", f"not a valid PDF: {exc}") from None
    with src:
        if len(src.pages) == 0:
            raise CorruptInput("Tệp PDF không có trang nào", "the PDF has no page")
        page = src.pages[0]
        box = [float(v) for v in page.mediabox]
        x0, y0, x1, y1 = min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
        stamp = pikepdf.open(io.BytesIO(_stamp_page(x1 - x0, y1 - y0, text, caption)))
        with stamp:
            page.add_overlay(stamp.pages[0], pikepdf.Rectangle(x0, y0, x1, y1))
            out = io.BytesIO()
            src.save(out)
    return out.getvalue()


def read_qr(pdf: bytes, *, dpis: tuple[int, ...] = (400, 300, 600, 800)) -> str | None:
    """Decode the QR code at the top left of page 1 (OpenCV's detectors); None when there is none.

    OpenCV needs ~4 pixels per module (a long payload is version 15-16 in 72 pt: ~300+ dpi) and misses some
    resolutions, so the corner is rendered at a few until one decodes (measured: the Aruco-based detector
    read every test payload at 300-800 dpi, the classic one missed about half).
    """
    import numpy as np

    try:
        import cv2
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - dependencies
        return None
    try:
        doc = pdfium.PdfDocument(pdf)
    except Exception:
        return None
    try:
        if len(doc) == 0:
            return None
        page = doc[0]
        w, h = page.get_size()
        region = MARGIN * 2 + SIZE + 24  # points kept from the top-left corner
        crop = (0.0, max(0.0, h - region), max(0.0, w - region), 0.0)
        detectors = [cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()]  # Aruco: far fewer misses here
        for dpi in dpis:
            image: Any = np.asarray(page.render(scale=dpi / 72, crop=crop).to_pil().convert("L"))
            for detector in detectors:
                text, _points, _ = detector.detectAndDecode(image)
                if text:
                    return str(text)
        return None
    except Exception:
        return None
    finally:
        doc.close()
