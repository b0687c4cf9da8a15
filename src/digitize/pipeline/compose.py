"""Compose: the searchable PDF/A-2b.

Each OCR'd page is its upright colour image (JPEG) with an invisible text layer (render mode 3) laid on the
words, so ``pdftotext`` gives the text back and selecting in a viewer highlights the right words. The font is
Tesseract's "GlyphLessFont" approach: a Type0/CIDFontType2 font whose every CID maps to one blank glyph of
width 1/2 em, CIDs being UTF-16 code units and the ToUnicode CMap the identity, which covers every Vietnamese
letter (NFC, precomposed). Word widths are matched with horizontal scaling (Tz). Pages that already carried
text are copied through unchanged. PDF/A-2b: XMP (pdfaid part 2, conformance B) and an sRGB OutputIntent.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from digitize import __version__
from digitize.errors import ToolMissing
from digitize.pipeline.model import RecognizedPage, Word
from digitize.text import nfc

JPEG_QUALITY = 75  # the most a page is given (and what it gets when no lower quality is close enough)
# JPEG quality chosen per page by measured error (issue 15, output size): the lowest of these whose decoded
# image stays within JPEG_MIN_PSNR of the master, measured on the central quarter of the page at half
# resolution (the scale letters are read at; the scanner's grain, which JPEG drops first, weighs less). No
# symbol substitution is involved (plain DCT, no JBIG2 pattern matching): digits cannot change into others.
JPEG_LADDER = (50, 60, 70)
JPEG_MIN_PSNR = 40.5  # dB; chosen on development pages (q50-60 on noisy 300 dpi scans: 28-38 % smaller)
FONT_CANDIDATES = (
    Path("/usr/share/tesseract-ocr/5/tessdata/pdf.ttf"),
    Path("/usr/share/tesseract-ocr/4.00/tessdata/pdf.ttf"),
    Path("/usr/share/tessdata/pdf.ttf"),
)
FONT_NAME = "/f-0-0"
ASCENT = 800  # of 1000: where a word's box top lies above the baseline (descent: the rest)


@dataclass(frozen=True)
class PagePlan:
    """One output page: an OCR'd image with its words, or (image None) a page copied from the source PDF."""

    index: int
    recognized: RecognizedPage | None
    image: Path | None  # JPEG of the upright colour master
    width_pt: float
    height_pt: float


def _half(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    return cv2.resize(a, (max(1, w // 2), max(1, h // 2)), interpolation=cv2.INTER_AREA).astype(np.float32)


def choose_quality(img: np.ndarray) -> int:
    """The lowest quality of JPEG_LADDER whose error on the page's centre is within JPEG_MIN_PSNR."""
    h, w = img.shape[:2]
    crop = np.ascontiguousarray(img[h // 4 : h - h // 4, w // 4 : w - w // 4])
    if crop.size == 0:
        return JPEG_QUALITY
    ref = _half(crop)
    for q in JPEG_LADDER:
        ok, buf = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, q])
        if not ok:
            break
        dec = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
        if dec is None:
            break
        mse = float(np.mean((_half(dec) - ref) ** 2))
        if mse == 0.0 or 10.0 * np.log10(255.0 * 255.0 / mse) >= JPEG_MIN_PSNR:
            return q
    return JPEG_QUALITY


def encode_jpeg(rgb: np.ndarray, path: Path, quality: int | None = None) -> int:
    """JPEG of the master; stored as greyscale when the page has no real colour (a third of the size), at
    ``quality`` or, by default, the lowest quality whose measured error is small enough (returned)."""
    img = rgb
    if rgb.ndim == 3:
        small = rgb[::8, ::8].astype(np.int16)
        spread = np.abs(small - small.mean(axis=2, keepdims=True)).max(axis=2)
        if float((spread > 24).mean()) < 0.001:
            img = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        else:
            img = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    if quality is None:
        quality = choose_quality(img)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise OSError("JPEG encoding failed")
    path.write_bytes(buf.tobytes())
    return quality


@lru_cache(maxsize=1)
def _font_bytes() -> bytes:
    for p in FONT_CANDIDATES:
        if p.is_file():
            return p.read_bytes()
    raise ToolMissing(
        "Không tìm thấy phông GlyphLessFont của Tesseract (pdf.ttf).",
        "Tesseract's GlyphLessFont (pdf.ttf) was not found.",
    )


@lru_cache(maxsize=1)
def _srgb_icc() -> bytes:
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


_TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _make_font(pdf: object) -> object:
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    assert isinstance(pdf, pikepdf.Pdf)
    font_file = pdf.make_stream(_font_bytes())
    font_file.Length1 = len(_font_bytes())
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name.GlyphLessFont,
        Flags=5,
        FontBBox=Array([0, 0, 500, 1000]),
        ItalicAngle=0,
        Ascent=ASCENT,
        Descent=ASCENT - 1000,
        CapHeight=ASCENT,
        StemV=80,
        FontFile2=font_file,
    )
    cid_to_gid = pdf.make_stream(b"\x00\x01" * 65536)
    cid_font = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=Name.GlyphLessFont,
        CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        FontDescriptor=descriptor,
        DW=500,
        CIDToGIDMap=cid_to_gid,
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=Name.GlyphLessFont,
            Encoding=Name("/Identity-H"),
            DescendantFonts=Array([pdf.make_indirect(cid_font)]),
            ToUnicode=pdf.make_stream(_TOUNICODE),
        )
    )


def _jpeg_header(data: bytes) -> tuple[int, int, bool]:
    """(width, height, greyscale) from a JPEG's header, without decoding its pixels."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        if im.format != "JPEG" or im.mode not in ("L", "RGB"):
            raise ValueError(f"page image is not a greyscale or RGB JPEG ({im.format} {im.mode})")
        return im.size[0], im.size[1], im.mode == "L"


def _hex(text: str) -> str:
    text = nfc(text)
    try:
        data = text.encode("utf-16-be")  # a lone surrogate raises: the slow way below
    except UnicodeEncodeError:
        data = b""
    if data and len(data) == 2 * len(
        text
    ):  # Basic Multilingual Plane only (all of Vietnamese): one unit each
        return "<" + data.hex().upper() + ">"
    units = []
    for ch in text:
        cp = ord(ch)
        units.append(f"{cp:04X}" if cp <= 0xFFFF and not 0xD800 <= cp <= 0xDFFF else "FFFD")
    return "<" + "".join(units) + ">"


# A line's text box is at most as tall as the room between it and the lines above and below it that share
# some of its width (its "band"): Tesseract's boxes on a blurred photo can be twice as tall as the line pitch
# (junk above and below the letters), and text extractors (pdftotext, pdfplumber) then take two lines whose
# boxes overlap for one and interleave their words ("MỘ1vCC"). Each line is looked at against at most
# BAND_NEIGHBOURS lines either side (in order of their middles): bounded work on a crafted page of many lines.
BAND_NEIGHBOURS = 12
MIN_GLYPH = 0.2  # of the font size: the narrowest a glyph of the text layer is drawn


@dataclass(frozen=True)
class Band:
    """A line of the text layer: its words left to right, its middle and half-height (upright frame, px)."""

    words: tuple[Word, ...]
    middle: float
    half: float
    x0: float
    x1: float


def line_bands(page: RecognizedPage) -> list[Band]:
    """The page's lines in order of their number, each with the band its text is written in: centred on the
    middle of its words' boxes (their medians), as tall as they are but no taller than half the distance to
    the middle of any line above or below that shares some of its width (neighbouring bands touch, never
    overlap)."""
    lines: dict[int, list[Word]] = {}
    for w in page.words:
        lines.setdefault(w.line, []).append(w)
    bands: list[Band] = []
    for _, words in sorted(lines.items()):
        words.sort(key=lambda w: w.box.x0)
        top = statistics.median(w.box.y0 for w in words)
        bottom = statistics.median(w.box.y1 for w in words)
        bands.append(
            Band(
                tuple(words),
                (top + bottom) / 2,
                max(0.5, (bottom - top) / 2),
                min(w.box.x0 for w in words),
                max(w.box.x1 for w in words),
            )
        )
    half = [b.half for b in bands]
    order = sorted(range(len(bands)), key=lambda i: bands[i].middle)
    for k, i in enumerate(order):
        a = bands[i]
        for j in order[k + 1 : k + 1 + BAND_NEIGHBOURS]:
            b = bands[j]
            room = (b.middle - a.middle) / 2
            if room >= max(a.half, b.half):
                continue
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 0:  # the two lines share some width
                half[i] = min(half[i], room)
                half[j] = min(half[j], room)
    return [
        Band(b.words, b.middle, max(h, 0.05 * b.half), b.x0, b.x1) for b, h in zip(bands, half, strict=True)
    ]


def text_layer(page: RecognizedPage, width_pt: float, height_pt: float) -> bytes:
    """Content-stream operators of the invisible text of one page: line by line in the page's order, each
    line's words at their places across (``Tz``), in the line's band (``line_bands``) up and down."""
    if not page.words or page.width <= 0 or page.height <= 0:
        return b""
    sx = width_pt / page.width
    sy = height_pt / page.height
    ops: list[str] = ["BT", "3 Tr"]
    for band in line_bands(page):
        words = band.words
        size = max(0.1, 2 * band.half * sy)
        # the text box spans ascent + descent: the baseline sits DESCENT of the size above the band's foot
        baseline = height_pt - (band.middle + band.half) * sy + size * (1000 - ASCENT) / 1000
        ops.append(f"{FONT_NAME} {size:.2f} Tf")
        cursor = -1.0
        for i, w in enumerate(words):
            text = w.text
            # never left of where the word before ended: a word read inside another's box ("t" in "tất")
            # would otherwise be glued to it
            x0 = max(w.box.x0 * sx, cursor)
            if i + 1 < len(words):
                text += " "
                # word and space end where the next word starts, even when Tesseract's boxes overlap:
                # glyphs running into the next word make text extractors glue the two together
                gap = words[i + 1].box.x0 * sx - x0
                span = gap if gap > 0.5 else (w.box.x1 - w.box.x0) * sx
            else:
                span = (w.box.x1 - w.box.x0) * sx
            # each glyph (the space too) at least MIN_GLYPH of the size wide: a space narrower than a tenth
            # of the size is no word break to pdftotext
            span = max(span, MIN_GLYPH * size * len(text))
            cursor = x0 + span
            natural = 0.5 * size * max(1, len(text))
            tz = max(1.0, 100.0 * span / natural)
            ops.append(f"{tz:.2f} Tz 1 0 0 1 {x0:.2f} {baseline:.2f} Tm {_hex(text)} Tj")
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")


def compose(
    out: Path,
    plans: Sequence[PagePlan],
    *,
    source_pdf: Path | None = None,
    title: str | None = None,
) -> Path:
    """Write the PDF/A-2b to ``out`` atomically (temporary file in the same folder, then rename)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    out = Path(out)
    pdf = pikepdf.new()
    src = pikepdf.open(source_pdf) if source_pdf is not None and any(p.image is None for p in plans) else None
    try:
        font = None
        for plan in plans:
            if plan.image is None:
                assert src is not None
                pdf.pages.append(src.pages[plan.index])
                continue
            if font is None:
                font = _make_font(pdf)
            w, h = plan.width_pt, plan.height_pt
            data = plan.image.read_bytes()
            iw, ih, gray = _jpeg_header(data)
            image = pdf.make_stream(data)
            image.Type = Name.XObject
            image.Subtype = Name.Image
            image.Width = iw
            image.Height = ih
            image.ColorSpace = Name.DeviceGray if gray else Name.DeviceRGB
            image.BitsPerComponent = 8
            image.Filter = Name.DCTDecode
            content = _image_placement(plan, iw, ih).encode("ascii")
            if plan.recognized is not None:
                content += text_layer(plan.recognized, w, h)
            page = pikepdf.Page(
                Dictionary(
                    Type=Name.Page,
                    MediaBox=Array([0, 0, round(w, 3), round(h, 3)]),
                    Resources=Dictionary(XObject=Dictionary(Im0=image), Font=Dictionary({FONT_NAME: font})),
                    Contents=pdf.make_stream(content),
                )
            )
            pdf.pages.append(page)
        _make_pdfa(pdf, title)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            pdf.save(tmp, fix_metadata_version=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    finally:
        pdf.close()
        if src is not None:
            src.close()
    return out


def _image_placement(plan: PagePlan, iw: int, ih: int) -> str:
    """Draw the scan as it came in, turned and deskewed onto the page by one ``cm`` (no resampling)."""
    w, h = plan.width_pt, plan.height_pt
    page = plan.recognized
    if page is None or (page.rotation % 360 == 0 and abs(page.skew) < 1e-3):
        return f"q {w:.4f} 0 0 {h:.4f} 0 0 cm /Im0 Do Q\n"
    from digitize.pipeline.preprocess import upright_matrix

    m, fw, fh = upright_matrix(iw, ih, page.rotation, page.skew)
    sx, sy = w / fw, h / fh
    (a00, a01, a02), (a10, a11, a12) = m
    a = sx * a00 * iw
    b = -sy * a10 * iw
    c = -sx * a01 * ih
    d = sy * a11 * ih
    e = sx * (a01 * ih + a02)
    f = sy * (fh - a11 * ih - a12)
    return f"q 0 0 {w:.4f} {h:.4f} re W n {a:.5f} {b:.5f} {c:.5f} {d:.5f} {e:.4f} {f:.4f} cm /Im0 Do Q\n"


def _make_pdfa(pdf: object, title: str | None) -> None:
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    assert isinstance(pdf, pikepdf.Pdf)
    icc = pdf.make_stream(_srgb_icc())
    icc.N = 3
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier="sRGB",
                RegistryName="http://www.color.org",
                Info="sRGB IEC61966-2.1",
                DestOutputProfile=icc,
            )
        ]
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:title"] = title or "Searchable document"
        meta["xmp:CreatorTool"] = f"digitize {__version__}"
        meta["pdf:Producer"] = f"digitize {__version__} (pikepdf)"
        meta["xmp:CreateDate"] = now.isoformat()
        meta["xmp:ModifyDate"] = now.isoformat()
        meta["xmp:MetadataDate"] = now.isoformat()
