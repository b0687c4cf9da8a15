"""Visible signature appearances per Decree 30/2020/NĐ-CP, Appendix I.

pyHanko's own text stamp lays out TrueType text glyph by glyph and spaced Vietnamese letters apart and
dropped glyphs here, so the appearance is drawn as a small PDF page of exactly the widget's size with fpdf2
(Liberation fonts embedded as subsets with a ToUnicode map, so the text renders and is extractable, PNG
images with their alpha channel) and that page is imported by pyHanko as the widget's appearance stream.

Roles:
- ``leader``: the title (e.g. "GIÁM ĐỐC") on top, the signature image (blue, transparent PNG) centred
  below it, the full name at the bottom.
- ``organization``: the red seal image at its actual size, overlapping the left third of the leader's
  signature image, with the organisation's name and the signing time (ISO 8601, +07:00) in black under
  the leader's block.
- ``copy``: at the top right of page 1, three lines in 10 pt Liberation Serif: the kind of copy
  ("BẢN SAO ĐIỆN TỬ", "BẢN SỐ HÓA", ...), the organisation, the time (ISO 8601, +07:00); no image.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from digitize.errors import BadInput, ToolMissing
from digitize.text import nfc

Role = Literal["leader", "organization", "copy"]
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"))
SEAL_DEFAULT_PT = 40 / 25.4 * 72  # a 40 mm seal when the PNG carries no resolution

Rect = tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points (origin bottom-left)


def vn_time(moment: dt.datetime | None = None) -> str:
    """ISO 8601 with the Vietnam offset: 2026-11-22T06:30:00+07:00."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VN_TZ).isoformat(timespec="seconds")


def font_path(bold: bool = False) -> Path:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    for d in FONT_DIRS:
        if (d / name).is_file():
            return d / name
    raise ToolMissing(
        "Thiếu phông chữ Liberation Serif (gói fonts-liberation2)",
        "Liberation Serif font missing (package fonts-liberation2)",
    )


# Latin, Vietnamese (precomposed and combining), general punctuation, the đồng sign.
_FONT_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x300, 0x36F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20AB, 0x20AC),
)


@lru_cache(maxsize=2)
def _small_font(bold: bool) -> Path:
    """Liberation Serif cut down to Latin + Vietnamese (~10x smaller): fpdf2 parses and subsets the font of
    every new appearance, and the full font made that ~150 ms."""
    import os
    import tempfile

    src = font_path(bold)
    st = src.stat()
    cache = Path(tempfile.gettempdir()) / f"digitize-fonts-{os.getuid()}"
    cache.mkdir(mode=0o700, exist_ok=True)
    out = cache / f"{src.stem}-{st.st_size}-{int(st.st_mtime)}-vi.ttf"
    if out.is_file():
        return out
    try:
        from fontTools import subset
    except ImportError:  # pragma: no cover - fpdf2 depends on fontTools
        return src
    import logging

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" chatter
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(src), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for a, b in _FONT_RANGES for u in range(a, b + 1)])
    subsetter.subset(font)
    fd, tmp = tempfile.mkstemp(dir=cache, suffix=".part")
    os.close(fd)
    subset.save_font(font, tmp, options)
    os.replace(tmp, out)
    return out


@dataclass(frozen=True)
class ImageInfo:
    data: bytes
    width_pt: float
    height_pt: float


def load_image(path_or_bytes: Path | bytes, *, actual_size: bool = False) -> ImageInfo:
    """A PNG (or JPEG) with its size in points (from its resolution when ``actual_size``)."""
    from PIL import Image, UnidentifiedImageError

    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            dpi = im.info.get("dpi")
    except (UnidentifiedImageError, OSError) as exc:
        raise BadInput(
            "Không đọc được ảnh chữ ký/con dấu", f"cannot read the signature/seal image: {exc}"
        ) from None
    if actual_size and dpi and float(dpi[0]) > 1:
        return ImageInfo(data, w / float(dpi[0]) * 72, h / float(dpi[1] or dpi[0]) * 72)
    if actual_size:
        return ImageInfo(data, SEAL_DEFAULT_PT, SEAL_DEFAULT_PT * h / w)
    return ImageInfo(data, float(w), float(h))


# --- geometry ----------------------------------------------------------------------------------------------
TITLE_PT = 11.0
NAME_PT = 11.0
LINE = 1.25


def leader_image_rect(box: Rect, image: ImageInfo | None) -> Rect:
    """Where the signature image goes inside a leader box (absolute page coordinates)."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    top = TITLE_PT * LINE + 4
    bottom = NAME_PT * LINE + 4
    avail_w, avail_h = w - 8, max(h - top - bottom, 10)
    iw, ih = (image.width_pt, image.height_pt) if image else (avail_w * 0.6, avail_h)
    scale = min(avail_w / iw, avail_h / ih)
    iw, ih = iw * scale, ih * scale
    cx = x1 + w / 2
    cy = y1 + bottom + avail_h / 2
    return (cx - iw / 2, cy - ih / 2, cx + iw / 2, cy + ih / 2)


Point = tuple[float, float]
SEAL_RESERVE_PT = 50 / 25.4 * 72  # room kept for a seal whose size is not known yet (fields reserved early)


def seal_anchor(leader_box: Rect, signature: ImageInfo | None) -> Point:
    """Where the seal goes: its right part over the left third of the signature image, centred on it.

    Returns (x of one third into the signature image, y of its middle) in page coordinates."""
    sx1, sy1, sx2, sy2 = leader_image_rect(leader_box, signature)
    return sx1 + (sx2 - sx1) / 3, (sy1 + sy2) / 2


def seal_rect(anchor: Point, seal_w: float, seal_h: float) -> Rect:
    x1 = anchor[0] - seal_w * 0.9
    return (x1, anchor[1] - seal_h / 2, x1 + seal_w, anchor[1] + seal_h / 2)


def organization_box(
    leader_box: Rect, anchor: Point, seal_w: float, seal_h: float, text_width: float = 230
) -> Rect:
    """The organisation widget: the seal at ``anchor``, the text lines under the leader's box."""
    x1s, y1s, x2s, y2s = seal_rect(anchor, seal_w, seal_h)
    text_h = 3 * 8.0 * LINE + 2
    x1 = min(x1s, leader_box[0])
    y1 = min(y1s, leader_box[1] - text_h)
    return (x1, y1, max(x2s, x1 + text_width), max(y2s, leader_box[1]))


def copy_box(page_width: float, page_height: float, width: float = 250, height: float = 44) -> Rect:
    right, top = page_width - 28, page_height - 14
    return (right - width, top - height, right, top)


# --- drawing ----------------------------------------------------------------------------------------------
def _new_pdf(w: float, h: float) -> Any:
    try:
        from fpdf import FPDF
    except ImportError:  # pragma: no cover - a dependency
        raise ToolMissing("Thiếu thư viện fpdf2", "the fpdf2 library is missing") from None
    pdf = FPDF(unit="pt", format=(w, h))
    pdf.set_margin(0)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.add_font("LiberationSerif", "", str(_small_font(False)))
    pdf.add_font("LiberationSerif", "B", str(_small_font(True)))
    pdf.set_creator("digitize")
    return pdf


def _text(
    pdf: Any,
    x: float,
    y_top: float,
    w: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "C",
    color: tuple[int, int, int] = (0, 0, 0),
) -> None:
    """One line of text whose top is ``y_top`` (fpdf2 coordinates: origin top-left), shrunk to fit."""
    pdf.set_font("LiberationSerif", "B" if bold else "", size)
    while size > 5 and pdf.get_string_width(text) > w:
        size -= 0.5
        pdf.set_font("LiberationSerif", "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_xy(x, y_top)
    pdf.cell(w, size * LINE, text, align=align)


def _image(pdf: Any, img: ImageInfo, x: float, y_top: float, w: float, h: float) -> None:
    pdf.image(io.BytesIO(img.data), x=x, y=y_top, w=w, h=h)


@lru_cache(maxsize=64)
def _leader_pdf(w: float, h: float, title: str, name: str, sig_key: str, sig: ImageInfo | None) -> bytes:
    pdf = _new_pdf(w, h)
    _text(pdf, 4, 2, w - 8, title, TITLE_PT, bold=True)
    ix1, iy1, ix2, iy2 = leader_image_rect((0, 0, w, h), sig)
    if sig is not None:
        _image(pdf, sig, ix1, h - iy2, ix2 - ix1, iy2 - iy1)
    _text(pdf, 4, h - NAME_PT * LINE - 2, w - 8, name, NAME_PT, bold=True)
    return bytes(pdf.output())


@lru_cache(maxsize=64)
def _organization_pdf(
    w: float, h: float, seal_rect: Rect, org: str, when: str, seal_key: str, seal: ImageInfo
) -> bytes:
    pdf = _new_pdf(w, h)
    x1, y1, x2, y2 = seal_rect
    _image(pdf, seal, x1, h - y2, x2 - x1, y2 - y1)
    size = 8.0
    top = h - 3 * size * LINE - 1
    _text(pdf, 0, top, w, org, size, bold=True, align="L")
    _text(pdf, 0, top + size * LINE, w, f"Thời gian ký: {when}", size, align="L")
    return bytes(pdf.output())


@lru_cache(maxsize=64)
def _copy_pdf(w: float, h: float, kind: str, org: str, when: str) -> bytes:
    pdf = _new_pdf(w, h)
    size = 10.0
    for i, line in enumerate((kind, org, when)):  # Times-metric, regular, upright, black, 10 pt
        _text(pdf, 0, 1 + i * size * 1.3, w, line, size, align="R")
    return bytes(pdf.output())


def _key(img: ImageInfo | None) -> str:
    return hashlib.sha256(img.data).hexdigest() if img else ""


def _r(v: float) -> float:
    return round(v, 2)


@dataclass(frozen=True)
class Appearance:
    """A rendered appearance: a one-page PDF of the widget's size, and where the widget goes."""

    pdf: bytes
    page: int  # 0-based
    box: Rect


def leader_appearance(page: int, box: Rect, title: str, name: str, signature: ImageInfo | None) -> Appearance:
    w, h = _r(box[2] - box[0]), _r(box[3] - box[1])
    return Appearance(_leader_pdf(w, h, nfc(title).upper(), nfc(name), _key(signature), signature), page, box)


def organization_appearance(
    page: int,
    leader_box: Rect,
    signature: ImageInfo | None,
    seal: ImageInfo,
    org: str,
    when: str,
    *,
    box: Rect | None = None,
    anchor: Point | None = None,
) -> Appearance:
    """The seal over the leader's signature (``anchor``: see ``seal_anchor``) in ``box`` (default: just
    large enough); a reserved field's box and anchor are passed in."""
    anchor = anchor or seal_anchor(leader_box, signature)
    box = box or organization_box(leader_box, anchor, seal.width_pt, seal.height_pt)
    bx1, by1 = box[0], box[1]
    x1, y1, x2, y2 = seal_rect(anchor, seal.width_pt, seal.height_pt)
    rel = (_r(x1 - bx1), _r(y1 - by1), _r(x2 - bx1), _r(y2 - by1))
    w, h = _r(box[2] - box[0]), _r(box[3] - box[1])
    return Appearance(_organization_pdf(w, h, rel, nfc(org), when, _key(seal), seal), page, box)


def copy_appearance(
    page_width: float,
    page_height: float,
    kind: str,
    org: str,
    when: str,
    page: int = 0,
    box: Rect | None = None,
) -> Appearance:
    box = box or copy_box(page_width, page_height)
    w, h = _r(box[2] - box[0]), _r(box[3] - box[1])
    return Appearance(_copy_pdf(w, h, nfc(kind), nfc(org), when), page, box)


def stamp_style(appearance: Appearance) -> Any:
    """A pyHanko stamp style drawing ``appearance`` (its PDF page imported as the widget's XObject)."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    data = appearance.pdf

    class _BytesPage(ImportedPdfPage):
        def render(self) -> bytes:
            import binascii
            import uuid

            w = self._ensure_writer
            r = PdfFileReader(io.BytesIO(data))
            xobj = w.import_page_as_xobject(r, page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return StaticStampStyle(
        background=_BytesPage("<memory>"),  # type: ignore[no-untyped-call]  # pyHanko, unannotated
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )
