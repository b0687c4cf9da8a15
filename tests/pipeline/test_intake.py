"""Intake: the real type from the bytes, early refusal of bad input, born-digital pages found."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from digitize.config import reset_settings
from digitize.errors import CorruptInput, EmptyInput, EncryptedInput, InputTooLarge, UnsupportedType
from digitize.pipeline import intake
from tests.pipeline.pages import (
    HEADER_LEFT,
    HEADER_RIGHT,
    decree_page,
    header_pdf,
    image_pdf,
    mixed_pdf,
    png_header_only,
    save,
    scan_with_stamp_pdf,
    text_pdf,
)


def test_type_comes_from_content_not_name(tmp_path: Path) -> None:
    img = decree_page(100)
    png_named_pdf = save(img, tmp_path / "scan.pdf", format="PNG")  # PNG bytes, .pdf name
    assert intake.inspect(png_named_pdf).kind == "png"
    jpeg = tmp_path / "scan.png"
    img.save(jpeg, "JPEG")
    info = intake.inspect(jpeg)
    assert info.kind == "jpeg"
    assert len(info.sha256) == 64
    assert info.page_count == 1 and info.pages[0].needs_ocr


def test_empty_file_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInput) as err:
        intake.inspect(empty)
    assert "0" in err.value.one_line()


def test_text_file_named_pdf_refused(tmp_path: Path) -> None:
    fake = tmp_path / "letter.pdf"
    fake.write_text("Kính gửi: Sở Khoa học và Công nghệ\n", encoding="utf-8")
    with pytest.raises(UnsupportedType):
        intake.inspect(fake)


def test_truncated_pdf_refused(tmp_path: Path) -> None:
    whole = image_pdf(tmp_path / "whole.pdf", [decree_page(100)], 100)
    data = whole.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptInput):
        intake.inspect(cut)


def test_encrypted_pdf_refused(tmp_path: Path) -> None:
    plain = image_pdf(tmp_path / "plain.pdf", [decree_page(100)], 100)
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="chu", user="mat-khau", R=6))
    with pytest.raises(EncryptedInput) as err:
        intake.inspect(locked)
    assert "mã hóa" in err.value.one_line()


def test_absurd_png_header_refused_without_decoding(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_only(100_000, 100_000))
    # the file holds a header and no pixel data: refused from the header as too large, not as unreadable
    with pytest.raises(InputTooLarge) as err:
        intake.inspect(bomb)
    assert "100000" in err.value.one_line()


def test_too_many_pages_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_MAX_PAGES", "1")
    reset_settings()
    page = decree_page(100).convert("L")
    tiff = tmp_path / "two.tif"
    page.save(tiff, save_all=True, append_images=[page], dpi=(100, 100))
    with pytest.raises(InputTooLarge):
        intake.inspect(tiff)


def test_multipage_tiff_lists_every_page(tmp_path: Path) -> None:
    page = decree_page(100).convert("L")
    tiff = tmp_path / "three.tiff"
    page.save(tiff, save_all=True, append_images=[page, page.rotate(90, expand=True)], dpi=(100, 100))
    info = intake.inspect(tiff)
    assert info.kind == "tiff"
    assert [p.index for p in info.pages] == [0, 1, 2]
    third = intake.load_page(info.pages[2])
    assert third.shape[:2] == (page.width, page.height)  # the sideways frame decoded as such
    assert info.pages[0].width_pt == pytest.approx(page.width / 100 * 72, rel=1e-3)


def test_mixed_pdf_born_digital_page_is_read_not_ocred(tmp_path: Path) -> None:
    lines = ["GIẤY CHỨNG NHẬN", "Cấp cho: Nguyễn Thị Hằng", "Mã số thuế: 0101234567"]
    pdf = mixed_pdf(tmp_path / "mixed.pdf", lines, decree_page(100), 100)
    info = intake.inspect(pdf)
    assert info.kind == "pdf"
    assert [p.needs_ocr for p in info.pages] == [False, True]
    (page,) = intake.read_text_pages(pdf, [p for p in info.pages if not p.needs_ocr])
    assert page.source == "text"
    assert "Nguyễn Thị Hằng" in page.text
    assert page.text.splitlines()[0] == "GIẤY CHỨNG NHẬN"
    hang = next(w for w in page.words if w.text == "Hằng")
    assert 0 < hang.box.x0 < hang.box.x1 < page.width
    scanned = intake.load_page(info.pages[1])
    assert scanned.shape[2] == 3
    assert abs(scanned.shape[1] - info.pages[1].width_pt / 72 * 300) < 3  # rasterized at 300 dpi


def test_born_digital_pdf_has_no_ocr_pages(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "digital.pdf", ["CÔNG VĂN", "V/v triển khai thực hiện"], pages=2)
    info = intake.inspect(pdf)
    assert [p.needs_ocr for p in info.pages] == [False, False]


def test_dimensions_of_a_photo_without_dpi(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (576, 960), "white").save(photo, "JPEG")
    (page,) = intake.inspect(photo).pages
    assert page.height_pt == pytest.approx(11.69 * 72, rel=1e-3)  # sized as an A4 page


def test_born_digital_header_is_read_column_by_column(tmp_path: Path) -> None:
    pdf = header_pdf(tmp_path / "header.pdf")
    info = intake.inspect(pdf)
    (page,) = intake.read_text_pages(pdf, info.pages)
    lines = page.text.splitlines()
    assert lines[: len(HEADER_LEFT) + len(HEADER_RIGHT)] == HEADER_LEFT + HEADER_RIGHT
    assert lines[-1].startswith("Căn cứ Luật")


def test_scan_with_a_few_words_of_text_is_still_ocred(tmp_path: Path) -> None:
    pdf = scan_with_stamp_pdf(tmp_path / "stamped.pdf", decree_page(100))
    (page,) = intake.inspect(pdf).pages
    assert page.needs_ocr


def test_transparent_png_is_flattened_on_white(tmp_path: Path) -> None:
    rgba = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    rgba.paste((0, 0, 0, 255), (20, 20, 60, 60))
    path = tmp_path / "alpha.png"
    rgba.save(path)
    (src,) = intake.inspect(path).pages
    pixels = intake.load_page(src)
    assert pixels[5, 5].tolist() == [255, 255, 255]  # transparent → paper
    assert pixels[30, 30].tolist() == [0, 0, 0]


def test_sixteen_bit_grey_png_is_scaled(tmp_path: Path) -> None:
    import numpy as np

    arr = np.full((50, 80), 65535, np.uint16)
    arr[10:20, 10:20] = 0
    path = tmp_path / "deep.png"
    Image.fromarray(arr).save(path)
    (src,) = intake.inspect(path).pages
    pixels = intake.load_page(src)
    assert pixels[0, 0].tolist() == [255, 255, 255] and pixels[15, 15].tolist() == [0, 0, 0]


def test_many_born_digital_pages_are_read_in_parallel_in_page_order(tmp_path: Path) -> None:
    """20 text pages, each naming its number: read by pdfplumber over two processes, back in page order."""
    from fpdf import FPDF

    from digitize.pipeline.run import process_document
    from tests.pipeline.pages import REGULAR

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("LiberationSerif", "", str(REGULAR))
    for n in range(1, 21):
        pdf.add_page()
        pdf.set_font("LiberationSerif", size=12)
        pdf.cell(0, 18, f"Trang số {n} của quyết định", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 18, "Điều 1. Cấp giấy phép cho ông Đặng Văn Hùng", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "twenty.pdf"
    pdf.output(str(path))
    result = process_document(path, tmp_path / "out.pdf", jobs=2)
    assert result.ocr_pages == 0 and result.page_count == 20
    for n, page in enumerate(result.pages, start=1):
        assert page.index == n - 1
        assert page.text.splitlines() == [
            f"Trang số {n} của quyết định",
            "Điều 1. Cấp giấy phép cho ông Đặng Văn Hùng",
        ]
