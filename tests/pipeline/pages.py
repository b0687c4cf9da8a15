"""Generated test pages for the pipeline tests: Decree 30-like pages drawn with Liberation Serif, plus the
order-free word accuracy used to judge OCR. Small (A5-ish at 200 dpi) so the real Tesseract stays quick."""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
REGULAR = FONT_DIR / "LiberationSerif-Regular.ttf"
BOLD = FONT_DIR / "LiberationSerif-Bold.ttf"

HEADER_LEFT = ["UBND TỈNH YÊN BÁI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 1169/QĐ-SKHCN"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Yên Bái, ngày 15 tháng 6 năm 2021",
]
BODY = [
    "QUYẾT ĐỊNH",
    "Về việc cấp Giấy phép tiến hành công việc bức xạ",
    "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "Căn cứ Luật Năng lượng nguyên tử ngày 03 tháng 6 năm 2008;",
    "Xét đề nghị của Trưởng phòng Quản lý chuyên ngành,",
    "Điều 1. Cấp giấy phép cho Công ty Cổ phần Thiết bị Y tế Hưng Thịnh,",
    "mã số thuế 5200123456, địa chỉ tại thành phố Yên Bái.",
    "Điều 2. Giấy phép có hiệu lực đến hết ngày 15 tháng 6 năm 2026.",
    "Điều 3. Chánh Văn phòng và các đơn vị liên quan chịu trách nhiệm thi hành.",
    "GIÁM ĐỐC",
    "Nguyễn Văn An",
]


def ground_truth() -> str:
    return "\n".join(HEADER_LEFT + HEADER_RIGHT + BODY)


def decree_page(dpi: int = 200, *, colour: bool = False, seal: bool = False) -> Image.Image:
    """An upright A5-wide page: two-column header, centred title, body lines, signer."""
    width, height = int(5.8 * dpi), int(7.6 * dpi)
    img = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    size = int(11 / 72 * dpi)
    reg = ImageFont.truetype(str(REGULAR), size)
    bold = ImageFont.truetype(str(BOLD), size)
    small_bold = ImageFont.truetype(str(BOLD), int(10 / 72 * dpi))
    line_h = int(size * 1.45)
    y0 = int(0.4 * dpi)
    left_c, right_c = int(0.27 * width), int(0.70 * width)
    for i, text in enumerate(HEADER_LEFT):
        font = small_bold if i < 2 else reg
        w = draw.textlength(text, font=font)
        draw.text((left_c - w / 2, y0 + i * line_h), text, fill=(0, 0, 0), font=font)
    for i, text in enumerate(HEADER_RIGHT):
        font = small_bold if i < 2 else reg
        w = draw.textlength(text, font=font)
        draw.text((right_c - w / 2, y0 + i * line_h), text, fill=(0, 0, 0), font=font)
    y = y0 + 4 * line_h
    for i, text in enumerate(BODY):
        font = bold if i in (0, 2, 9) or text.isupper() else reg
        if i < 3 or i >= 9:
            w = draw.textlength(text, font=font)
            x = (width - w) / 2 if i < 3 else right_c - w / 2
        else:
            x = int(0.35 * dpi)
        if i == 10:
            y += line_h  # room for the signature
        draw.text((x, y), text, fill=(0, 0, 0), font=font)
        y += line_h
    if seal:  # red ink printed over the signer's title and name (multiplied, as ink on paper)
        overlay = Image.new("RGB", img.size, (255, 255, 255))
        od = ImageDraw.Draw(overlay)
        r = int(0.42 * dpi)
        cx, cy = int(right_c - 0.1 * dpi), y - int(1.6 * line_h)
        od.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(210, 35, 40), width=max(3, dpi // 40))
        od.ellipse((cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=(230, 80, 80))
        img = ImageChops.multiply(img, overlay)
    if not colour and not seal:
        img = img.convert("L").convert("RGB")
    return img


def save(img: Image.Image, path: Path, dpi: int = 200, **kw: object) -> Path:
    img.save(path, dpi=(dpi, dpi), **kw)
    return path


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def word_accuracy(hypothesis: str, truth: str) -> float:
    """Order-free word accuracy: share of ground-truth words (multiset) found in the hypothesis."""
    g, h = words(truth), words(hypothesis)
    return sum((g & h).values()) / max(1, sum(g.values()))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels (and carries almost no data)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def image_pdf(path: Path, images: list[Image.Image], dpi: int = 200) -> Path:
    """A scanned-looking PDF: each page one JPEG image, no text."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    path.write_bytes(buf.getvalue())
    return path


def text_pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    """A born-digital PDF with real (embedded Liberation Serif) text, made with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("LiberationSerif", "", str(REGULAR))
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("LiberationSerif", size=12)
        for line in lines:
            pdf.cell(0, 18, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def mixed_pdf(path: Path, lines: list[str], scan: Image.Image, dpi: int = 200) -> Path:
    """Page 1 born-digital text, page 2 a scanned image (pikepdf merge)."""
    import pikepdf

    a = text_pdf(path.with_suffix(".a.pdf"), lines)
    b = image_pdf(path.with_suffix(".b.pdf"), [scan], dpi)
    out = pikepdf.new()
    with pikepdf.open(a) as pa, pikepdf.open(b) as pb:
        out.pages.extend(pa.pages)
        out.pages.extend(pb.pages)
        out.save(path)
    a.unlink()
    b.unlink()
    return path


def header_pdf(path: Path) -> Path:
    """A born-digital Decree 30 header: the two columns drawn row by row (left, right, left, right ...)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("LiberationSerif", "", str(REGULAR))
    pdf.add_page()
    pdf.set_font("LiberationSerif", size=12)
    for i, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT, strict=True)):
        y = 60 + 18 * i
        pdf.set_xy(40, y)
        pdf.cell(200, 16, left, align="C")
        pdf.set_xy(290, y)
        pdf.cell(270, 16, right, align="C")
    pdf.set_xy(40, 160)
    pdf.cell(515, 16, "Căn cứ Luật Năng lượng nguyên tử ngày 03 tháng 6 năm 2008 của Quốc hội nước Cộng hòa")
    pdf.output(str(path))
    return path


def scan_with_stamp_pdf(path: Path, scan: Image.Image) -> Path:
    """A scanned page (full-page image) carrying a few words of real text (a scanner's page stamp)."""
    from fpdf import FPDF

    img_path = path.with_suffix(".jpg")
    scan.convert("RGB").save(img_path, "JPEG", quality=80)
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("LiberationSerif", "", str(REGULAR))
    pdf.add_page()
    pdf.set_auto_page_break(False)
    pdf.image(str(img_path), x=0, y=0, w=595, h=842)
    pdf.set_font("LiberationSerif", size=8)
    pdf.set_xy(480, 820)
    pdf.cell(100, 10, "Trang 1/1 - bản quét")
    pdf.output(str(path))
    img_path.unlink()
    return path
