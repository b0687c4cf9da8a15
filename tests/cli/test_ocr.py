"""`digitize ocr` end to end with the real Tesseract, and its refusals of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from digitize.pipeline.model import FIELD_NAMES
from tests.pipeline.pages import decree_page, ground_truth, image_pdf, png_header_only, save, word_accuracy

DIGITIZE = Path(sys.executable).parent / "digitize"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DIGITIZE), *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_ocr_multipage_tiff_to_pdfa_text_and_fields(tmp_path: Path) -> None:
    page = decree_page(200, seal=True)
    tiff = tmp_path / "two pages.tif"
    page.save(tiff, save_all=True, append_images=[page.rotate(180)], dpi=(200, 200), compression="tiff_lzw")
    out, txt, fields = tmp_path / "out.pdf", tmp_path / "out.txt", tmp_path / "fields.json"
    proc = run("ocr", tiff, "-o", out, "--sidecar", txt, "--fields", fields, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    pages = txt.read_text(encoding="utf-8").split("\f")
    assert len(pages) == 2
    for text in pages:  # the upside-down page is read as well as the upright one
        assert word_accuracy(text, ground_truth()) >= 0.95
    body = json.loads(fields.read_text(encoding="utf-8"))
    assert set(FIELD_NAMES) <= set(body)
    assert body["page_count"] == 2
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    layer = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert word_accuracy(layer, ground_truth() * 2) >= 0.95
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_ocr_single_png(tmp_path: Path) -> None:
    scan = save(decree_page(150), tmp_path / "scan.png")
    out = tmp_path / "out.pdf"
    proc = run("ocr", scan, "-o", out)
    assert proc.returncode == 0, proc.stderr
    layer = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nguyễn Văn An" in layer


def _truncated(tmp: Path) -> Path:
    whole = image_pdf(tmp / "whole.pdf", [decree_page(100)], 100).read_bytes()
    (tmp / "whole.pdf").unlink()
    path = tmp / "truncated.pdf"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    return path


def _encrypted(tmp: Path) -> Path:
    plain = image_pdf(tmp / "plain.pdf", [decree_page(100)], 100)
    path = tmp / "encrypted.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="secret", R=6))
    plain.unlink()
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.pdf"
    path.write_bytes(b"")
    return path


def _text_named_pdf(tmp: Path) -> Path:
    path = tmp / "note.pdf"
    path.write_text("Đây không phải là PDF.\n", encoding="utf-8")
    return path


def _png_bomb(tmp: Path) -> Path:
    path = tmp / "huge.png"
    path.write_bytes(png_header_only(100_000, 100_000))
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_truncated, "PDF"),
        (_encrypted, "mã hóa"),
        (_empty, "0"),
        (_text_named_pdf, "PDF"),
        (_png_bomb, "100000"),
    ],
    ids=["truncated", "encrypted", "empty", "text-named-pdf", "png-100000x100000"],
)
def test_bad_input_refused_with_one_line_and_nothing_left(tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    src_dir = tmp_path / "in"
    src_dir.mkdir()
    bad = make(src_dir)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = run(
        "ocr",
        bad,
        "-o",
        out_dir / "out.pdf",
        "--sidecar",
        out_dir / "out.txt",
        "--fields",
        out_dir / "out.json",
    )
    assert proc.returncode != 0
    assert proc.returncode != 1 or "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert words in lines[0]
    assert "Traceback" not in proc.stderr
    assert list(out_dir.iterdir()) == []  # no output, no temporary file


def test_truncated_pdf_reason_once_in_each_language(tmp_path: Path) -> None:
    """The reason is Vietnamese in the Vietnamese message, English in the English one (not both in each)."""
    bad = _truncated(tmp_path)
    vi = run("ocr", bad, "-o", tmp_path / "out.pdf").stderr.strip()
    assert vi.count("cắt cụt") == 1 and vi.count("truncated") == 1, vi
    assert vi.index("cắt cụt") < vi.index("truncated")  # Vietnamese first
    en = run("--lang", "en", "ocr", bad, "-o", tmp_path / "out.pdf").stderr.strip()
    assert "truncated" in en and "cắt cụt" not in en, en


def test_missing_input_is_refused(tmp_path: Path) -> None:
    proc = run("ocr", tmp_path / "nope.png", "-o", tmp_path / "out.pdf")
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.slow
def test_ocr_on_generated_decree30_samples(tmp_path: Path) -> None:
    """Degraded samples of samples/generate.py (turned, skewed, dark borders): text and text layer right."""
    from samples import generate

    paths = generate.write_set(tmp_path / "in", 3, 77, ["rot180_png", "skew6_jpeg", "border_light_jpeg"])
    for src in paths:
        truth = generate.load_gt(src)["text"]
        out, txt = tmp_path / f"{src.stem}.pdf", tmp_path / f"{src.stem}.txt"
        proc = run("ocr", src, "-o", out, "--sidecar", txt, "--jobs", "1")
        assert proc.returncode == 0, proc.stderr
        assert word_accuracy(txt.read_text(encoding="utf-8"), truth) >= 0.97, src.name
        layer = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert word_accuracy(layer, truth) >= 0.97, src.name
