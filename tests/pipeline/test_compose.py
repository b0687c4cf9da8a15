"""Compose: PDF/A-2b, page image plus an invisible text layer on the words; born-digital pass-through."""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pytest
from PIL import Image

from digitize.pipeline import preprocess
from digitize.pipeline.compose import PagePlan, compose, encode_jpeg
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.run import process_document
from tests.pipeline.pages import decree_page, ground_truth, mixed_pdf, save, word_accuracy

WORDS = [
    ("Giấy", 100, 100, 190, 140, 0),
    ("phép", 200, 100, 290, 140, 0),
    ("Nguyễn", 100, 300, 260, 340, 1),
    ("Văn", 270, 300, 340, 340, 1),
    ("Ân", 350, 300, 400, 340, 1),
]


def _page() -> RecognizedPage:
    words = tuple(Word(t, 95.0, Box(x0, y0, x1, y1), 0, ln) for t, x0, y0, x1, y1, ln in WORDS)
    return RecognizedPage(
        index=0,
        source="ocr",
        width=1000,
        height=1400,
        text="Giấy phép\nNguyễn Văn Ân",
        words=words,
        confidence=0.95,
        dpi=200,
    )


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture()
def composed(tmp_path: Path) -> Path:
    image = tmp_path / "page.jpg"
    rgb = np.full((1400, 1000, 3), 250, np.uint8)
    rgb[300:340, 100:400] = (200, 30, 30)  # some colour: kept as a colour JPEG
    encode_jpeg(rgb, image)
    out = tmp_path / "out.pdf"
    compose(out, [PagePlan(0, _page(), image, 1000 / 200 * 72, 1400 / 200 * 72)], title="Giấy phép")
    return out


def test_text_layer_gives_the_words_back(composed: Path) -> None:
    text = _pdftotext(composed)
    assert "Giấy phép" in text
    assert "Nguyễn Văn Ân" in text


def test_words_sit_where_they_are_on_the_image(composed: Path) -> None:
    html = _pdftotext(composed, "-bbox")
    found = {
        m.group(5): tuple(float(m.group(i)) for i in range(1, 5))
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)</word>', html
        )
    }
    scale = 72 / 200
    x0, y0, x1, y1 = found["Nguyễn"]
    assert x0 == pytest.approx(100 * scale, abs=2)
    assert x1 == pytest.approx(260 * scale, abs=8)
    assert y0 == pytest.approx(300 * scale, abs=4) and y1 == pytest.approx(340 * scale, abs=4)


def test_pdfa_2b_metadata_and_output_intent(composed: Path) -> None:
    with pikepdf.open(composed) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert len(bytes(intent.DestOutputProfile.read_bytes())) > 100
        assert "/Encrypt" not in pdf.trailer
        assert pdf.trailer.ID
        page = pdf.pages[0]
        image = page.Resources.XObject.Im0
        assert image.Filter == "/DCTDecode" and image.ColorSpace == "/DeviceRGB"
        font = page.Resources.Font["/f-0-0"]
        assert font.DescendantFonts[0].FontDescriptor.FontFile2 is not None  # embedded
        assert b"3 Tr" in page.Contents.read_bytes()  # invisible text


def test_born_digital_page_passes_through(tmp_path: Path) -> None:
    lines = ["GIẤY CHỨNG NHẬN", "Cấp cho: Nguyễn Thị Hằng"]
    src = mixed_pdf(tmp_path / "mixed.pdf", lines, decree_page(150), 150)
    out = tmp_path / "out.pdf"
    result = process_document(src, out, jobs=1)
    assert [p.source for p in result.pages] == ["text", "ocr"]
    with pikepdf.open(src) as a, pikepdf.open(out) as b:
        assert len(b.pages) == 2
        assert b.pages[0].Contents.read_bytes() == a.pages[0].Contents.read_bytes()  # unchanged
    page1, page2 = _pdftotext(out).split("\f")[:2]
    assert "Nguyễn Thị Hằng" in page1
    assert word_accuracy(page2, ground_truth()) >= 0.9


@pytest.mark.slow
def test_searchable_pdf_of_a_turned_and_skewed_scan(tmp_path: Path) -> None:
    upright = decree_page(200, seal=True)
    turned = upright.rotate(-90, expand=True).rotate(
        3.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255)
    )
    scan = save(turned, tmp_path / "scan.jpg", quality=90)
    out = tmp_path / "scan.pdf"
    result = process_document(scan, out, jobs=1)
    assert result.pages[0].rotation == 270 and result.pages[0].skew == pytest.approx(-3.0, abs=0.5)
    assert word_accuracy(_pdftotext(out), ground_truth()) >= 0.95
    with pikepdf.open(out) as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert box[3] > box[2]  # portrait: the page was turned upright
        image = pdf.pages[0].Resources.XObject.Im0
        assert image.read_raw_bytes() == scan.read_bytes()  # the scan itself, not re-encoded
    # what a viewer shows is the scan turned upright and deskewed, as the OCR saw it
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(out), str(tmp_path / "shown")], check=True)
    shown = np.asarray(Image.open(next(tmp_path.glob("shown*.png"))).convert("L"), float)
    page = result.pages[0]
    expected = preprocess.to_upright(np.asarray(turned.convert("L")), page.rotation, page.skew, 255)
    expected_small = np.asarray(Image.fromarray(expected).resize((shown.shape[1], shown.shape[0])), float)

    def corr(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])

    assert corr(shown, expected_small) > 0.8
    assert corr(shown, expected_small[::-1, ::-1]) < 0.5


def test_jpeg_quality_is_chosen_by_measured_error(tmp_path: Path) -> None:
    from digitize.pipeline import compose as compose_mod
    from samples import generate as g

    rgb = np.asarray(g.degrade(g.make_document("quyet_dinh", 4711).pages[0], 1, noise=3.0))
    auto, fixed = tmp_path / "auto.jpg", tmp_path / "q75.jpg"
    q = encode_jpeg(rgb, auto)
    assert encode_jpeg(rgb, fixed, quality=compose_mod.JPEG_QUALITY) == compose_mod.JPEG_QUALITY
    assert q in compose_mod.JPEG_LADDER and auto.stat().st_size < 0.85 * fixed.stat().st_size
    # the page as stored stays within the error bound, measured over the whole page, and keeps its colour
    dec = cv2.cvtColor(cv2.imread(str(auto), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    mse = float(np.mean((compose_mod._half(dec) - compose_mod._half(rgb)) ** 2))
    assert 10 * np.log10(255**2 / mse) >= compose_mod.JPEG_MIN_PSNR - 1.0
    assert np.abs(dec.astype(int) - dec.mean(axis=2, keepdims=True)).max() > 40  # the red seal is still red
    # fine detail no lower quality keeps (random pixels) gets the full quality
    noise = np.random.default_rng(1).integers(0, 256, (400, 400), dtype=np.uint8)
    assert compose_mod.choose_quality(noise) == compose_mod.JPEG_QUALITY


def test_searchable_pdf_of_a_page_photographed_at_an_angle(tmp_path: Path) -> None:
    from tests.pipeline.test_preprocess import KEYSTONED, _on_table

    page = np.asarray(decree_page(200).convert("RGB"))
    shot = save(Image.fromarray(_on_table(page, KEYSTONED)), tmp_path / "shot.jpg", dpi=150, quality=90)
    out = tmp_path / "shot.pdf"
    result = process_document(shot, out, jobs=1)
    assert word_accuracy(_pdftotext(out), ground_truth()) >= 0.95
    with pikepdf.open(out) as pdf:
        image = pdf.pages[0].Resources.XObject.Im0
        # the flattened page, not the photo byte for byte (the table and the keystone are gone)
        assert image.read_raw_bytes() != shot.read_bytes()
        assert (int(image.Width), int(image.Height)) == pytest.approx((1266, 1480), abs=15)
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert box[3] / box[2] == pytest.approx(1480 / 1266, rel=0.03)
    # the words of the text layer sit on the flattened page's words (the title centred near the top)
    words = result.pages[0].words
    title = next(w for w in words if w.text == "QUYẾT")
    assert 0.3 < (title.box.x0 + title.box.x1) / 2 / result.pages[0].width < 0.6


def _layer_pdf(tmp_path: Path, words: list[tuple[str, float, float, float, float, int]]) -> Path:
    page = RecognizedPage(
        index=0,
        source="ocr",
        width=600,
        height=400,
        text="",
        words=tuple(Word(t, 90.0, Box(x0, y0, x1, y1), 0, ln) for t, x0, y0, x1, y1, ln in words),
        dpi=80,
    )
    image = tmp_path / "page.jpg"
    encode_jpeg(np.full((400, 600, 3), 250, np.uint8), image)
    out = tmp_path / "layer.pdf"
    compose(out, [PagePlan(0, page, image, 600 / 80 * 72, 400 / 80 * 72)])
    return out


def _plumber_text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return str(doc.pages[0].extract_text())


def test_lines_whose_boxes_overlap_are_not_interleaved(tmp_path: Path) -> None:
    """A blurred photo's Tesseract boxes are taller than the line pitch (junk above and below the letters):
    two lines 13 px apart with 30 px boxes. Each line's text goes in its own band, so pdftotext and
    pdfplumber give the first line then the second (before: their words glued pairwise, "BộThành",
    "Giáoủy", as on the real photo 4_2_v2_blur)."""
    first = ["Bộ", "Giáo", "dục", "và", "Đào", "tạo;"]
    second = ["Thành", "ủy,", "HĐND,", "UBND", "thành", "phố,"]
    words = []
    for ln, (texts, top) in enumerate(((first, 100.0), (second, 113.0))):
        x = 50.0 + 7 * ln  # the second line's words a little right of the first's
        for t in texts:
            words.append((t, x, top, x + 11 * len(t), top + 30, ln))
            x += 11 * len(t) + 9
    out = _layer_pdf(tmp_path, words)
    for text in (_pdftotext(out), _plumber_text(out)):
        assert re.findall(r"\S+", text) == first + second


def test_a_word_read_inside_the_next_ones_box_stays_a_word(tmp_path: Path) -> None:
    """Tesseract's box of "t" inside that of "tất" (a speck read as a letter; the real photo 4_2_v1_noisy):
    the two stay two words (before: "ttất" from pdftotext)."""
    line = [
        ("huy", 448.0, 203.6, 471.3, 218.2),
        ("động", 474.9, 200.7, 501.1, 224.0),
        ("t", 506.9, 206.5, 512.0, 221.1),
        ("tất", 507.6, 197.1, 525.8, 221.1),
        ("cả", 527.3, 200.7, 543.3, 227.6),
    ]
    out = _layer_pdf(tmp_path, [(t, x0 - 400, y0, x1 - 400, y1, 0) for t, x0, y0, x1, y1 in line])
    for text in (_pdftotext(out), _plumber_text(out)):
        assert re.findall(r"\S+", text) == [t for t, *_ in line]


def test_text_layer_of_a_blurred_low_resolution_page_reads_as_recognized(tmp_path: Path) -> None:
    """A page photographed at 80 dpi and blurred: Tesseract's boxes overlap the lines above and below; the
    searchable PDF's text layer (pdftotext) gives the recognized text word for word, in order."""
    from PIL import ImageFilter

    page = decree_page(80).filter(ImageFilter.GaussianBlur(1.2))
    src = save(page, tmp_path / "photo.jpg", dpi=80, quality=85)
    out = tmp_path / "photo.pdf"
    result = process_document(src, out, jobs=1)
    rows: dict[int, list[Box]] = {}
    for w in result.pages[0].words:
        rows.setdefault(w.line, []).append(w.box)
    spans = sorted(
        (statistics.median(b.y0 for b in bs), statistics.median(b.y1 for b in bs)) for bs in rows.values()
    )
    assert any(b[0] < a[1] for a, b in itertools.pairwise(spans))  # the case: boxes over the next line
    recognized = re.findall(r"\w+", result.text)
    assert len(recognized) > 100
    assert re.findall(r"\w+", _pdftotext(out)) == recognized
