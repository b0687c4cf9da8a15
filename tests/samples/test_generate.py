"""The sample generator: deterministic, well-formed ground truth, rotation metadata, multi-page outputs."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from samples.generate import FIELD_KEYS, KINDS, degrade, gt_path_for, make_document, write_document, write_set

REPO = Path(__file__).resolve().parents[2]


def _is_nfc(s: str) -> bool:
    return unicodedata.normalize("NFC", s) == s


@pytest.mark.parametrize("kind", KINDS)
def test_deterministic_for_a_seed(kind: str) -> None:
    a = make_document(kind, 11, dpi=100)
    b = make_document(kind, 11, dpi=100)
    c = make_document(kind, 12, dpi=100)
    assert a.fields == b.fields and a.text == b.text
    assert np.array_equal(np.asarray(a.pages[0]), np.asarray(b.pages[0]))
    assert (a.fields, a.text) != (c.fields, c.text)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_ground_truth_fields_well_formed(kind: str, seed: int) -> None:
    doc = make_document(kind, seed, dpi=72)
    f = doc.fields
    assert set(f) == set(FIELD_KEYS)
    for v in f.values():
        assert v is None or (isinstance(v, str) and v == v.strip() and v and _is_nfc(v))
    assert _is_nfc(doc.text)
    for key in ("issued_date", "valid_from", "valid_until"):
        if f[key] is not None:
            dt.date.fromisoformat(f[key])  # raises if malformed
    assert re.fullmatch(r"\d{1,4}", f["code_number"] or "")
    assert f["code_notation"] and "/" not in f["code_notation"]
    # what the fields say is printed on the page
    assert f"Số: {f['code_number']}/{f['code_notation']}" in doc.text
    assert f["place"] and f"{f['place']}, ngày" in doc.text
    assert f["signer_name"] in doc.text
    if kind == "cong_van":
        assert f["type_name"] == "Công văn" and "V/v " in doc.text  # the subject: the text after "V/v"
        assert f["subject"] and not f["subject"].startswith("V/v")
        assert f["holder_name"] is None and f["valid_until"] is None
    else:
        assert (f["type_name"] or "").upper() in doc.text
        assert f["holder_name"] and f["holder_name"] in doc.text
        assert re.fullmatch(r"\d{10}(-\d{3})?|\d{12}", f["holder_id"] or "")
    if kind in ("giay_phep", "giay_chung_nhan"):
        assert f["valid_until"] and f["valid_until"] > (f["issued_date"] or "")
    if f["valid_from"] and f["valid_until"]:
        assert f["valid_from"] < f["valid_until"]


def test_header_reads_column_by_column() -> None:
    doc = make_document("giay_phep", 3, dpi=72)
    lines = doc.page_texts[0].split("\n")
    assert lines[0].startswith("UBND ")
    i_number = next(i for i, ln in enumerate(lines) if ln.startswith("Số:"))
    i_motto = lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert i_number < i_motto  # the left column comes first


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_rotation_turns_clockwise(rotate: int) -> None:
    page = make_document("cong_van", 4, dpi=60).pages[0]
    out = degrade(page, 1, rotate=rotate)
    if rotate in (90, 270):
        assert out.size == (page.height, page.width)
    else:
        assert out.size == page.size
    # ink of the header (top of the upright page) ends where a clockwise turn puts it
    ink = np.asarray(out.convert("L")) < 128
    h, w = ink.shape
    where = {
        0: ink[: h // 4].sum() > ink[3 * h // 4 :].sum(),
        90: ink[:, 3 * w // 4 :].sum() > ink[:, : w // 4].sum(),
        180: ink[3 * h // 4 :].sum() > ink[: h // 4].sum(),
        270: ink[:, : w // 4].sum() > ink[:, 3 * w // 4 :].sum(),
    }
    assert where[rotate]


def test_degrade_dpi_skew_gray_jpeg() -> None:
    page = make_document("giay_phep", 2, dpi=150).pages[0]
    out = degrade(
        page, 3, dpi=100, skew=4.0, noise=5.0, blur=0.5, border=10, lighting=0.5, jpeg_quality=60, gray=True
    )
    assert out.mode == "L"
    assert out.info["dpi"] == (100, 100)
    assert out.width > page.width * 100 / 150  # skew expands the canvas


def test_write_set_multipage_and_gt(tmp_path: Path) -> None:
    paths = write_set(
        tmp_path, 3, 5, variants=["multipage_tiff", "scan_pdf", "rot90_jpeg"], kinds=["cong_van"]
    )
    assert [p.suffix for p in paths] == [".tif", ".pdf", ".jpg"]
    tif, pdf, jpg = paths
    with Image.open(tif) as im:
        assert getattr(im, "n_frames", 1) >= 2
    with pikepdf.open(pdf) as p:
        assert len(p.pages) >= 2
    for p in paths:
        gt = json.loads(gt_path_for(p).read_text(encoding="utf-8"))
        assert gt["pages"] >= 1 and gt["text"].count("\f") == gt["pages"] - 1
        assert set(gt["fields"]) == set(FIELD_KEYS)
    assert json.loads(gt_path_for(jpg).read_text(encoding="utf-8"))["degradation"]["rotate"] == 90
    with Image.open(jpg) as im:
        assert im.width > im.height  # a portrait page turned by 90°


def test_born_digital_pdf_has_the_text(tmp_path: Path) -> None:
    import pdfplumber

    doc = make_document("giay_chung_nhan", 8)
    path = write_document(doc, tmp_path / "gcn", "textpdf", {}, seed=8)
    with pdfplumber.open(path) as pdf:
        text = unicodedata.normalize("NFC", pdf.pages[0].extract_text() or "")
    assert doc.fields["holder_name"] in text
    assert f"Số: {doc.fields['code_number']}/{doc.fields['code_notation']}" in text


def test_committed_examples_have_ground_truth() -> None:
    ex = REPO / "samples" / "examples"
    files = [p for p in ex.iterdir() if not p.name.endswith(".gt.json")]
    assert len(files) >= 4
    assert sum(p.stat().st_size for p in ex.iterdir()) < 1_500_000
    for p in files:
        gt = json.loads(gt_path_for(p).read_text(encoding="utf-8"))
        assert gt["fields"]["code_number"] and _is_nfc(gt["text"])


def test_citizen_ids_open_with_a_province_s_code() -> None:
    import random

    from digitize.pipeline.fields.ids import CCCD_PROVINCES, cccd_valid
    from samples.generate import _CCCD_CODES, cccd, province_code

    assert set(_CCCD_CODES) == CCCD_PROVINCES  # the generator's list is the reader's
    assert province_code(1) == "001" and province_code(3) == "004" and province_code(95) == "095"
    rng = random.Random(5)
    ids = [cccd(rng) for _ in range(300)]
    assert all(cccd_valid(x) for x in ids)
    assert len({x[:3] for x in ids}) > 40  # still spread over the provinces
