"""Small generated scans for store/API tests: a few lines of Vietnamese in Liberation Serif, quick to OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT = FONT_DIR / "LiberationSerif-Regular.ttf"
BOLD = FONT_DIR / "LiberationSerif-Bold.ttf"


def licence_lines(number: int, holder: str, holder_id: str, place: str = "Đà Nẵng") -> list[tuple[str, bool]]:
    return [
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True),
        (f"Số: {number}/GP-SKHCN", False),
        (f"{place}, ngày 15 tháng 6 năm 2021", False),
        ("GIẤY PHÉP", True),
        ("Tiến hành công việc bức xạ", False),
        (f"Cấp cho: {holder}", False),
        (f"Mã số thuế: {holder_id}", False),
        ("Giấy phép có hiệu lực đến ngày 15 tháng 6 năm 2031", False),
    ]


def make_scan(path: Path, lines: list[tuple[str, bool]], *, dpi: int = 200) -> Path:
    """A white page (A5 width) with the lines drawn in black; PNG or JPEG by the suffix."""
    width = int(5.8 * dpi)
    line_h = int(0.32 * dpi)
    height = int(0.6 * dpi) + line_h * len(lines) + int(0.4 * dpi)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    size = int(13 / 72 * dpi)
    regular = ImageFont.truetype(str(FONT), size)
    bold = ImageFont.truetype(str(BOLD), size)
    y = int(0.5 * dpi)
    for text, is_bold in lines:
        draw.text((int(0.5 * dpi), y), text, fill=0, font=bold if is_bold else regular)
        y += line_h
    img.save(path, dpi=(dpi, dpi))
    return path


def make_licence(path: Path, number: int, holder: str, holder_id: str, place: str = "Đà Nẵng") -> Path:
    return make_scan(path, licence_lines(number, holder, holder_id, place))


def tiny_pdf(note: str = "") -> bytes:
    """A real one-page PDF (it opens: ingest refuses bytes that only look like a PDF), different for each
    ``note`` and the same bytes for the same note (dedupe)."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(420, 595))
    pdf.docinfo["/Subject"] = note
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def tiny_png(note: str = "") -> bytes:
    """A real small PNG (it decodes), different for each ``note``."""
    import io

    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", note)
    out = io.BytesIO()
    Image.new("L", (64, 48), 255).save(out, "PNG", pnginfo=info)
    return out.getvalue()
