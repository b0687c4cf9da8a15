"""Separator sheets: a QR saying PATCHT (zxing-cpp), Kodak PATCH-T bars, and pages that are not separators."""

from __future__ import annotations

import numpy as np
import qrcode

from digitize.pipeline import separator
from digitize.pipeline.separator import SeparatorKind
from samples import generate as g
from samples import stacks


def test_qr_separator_sheet():
    ev = separator.detect(np.asarray(stacks.separator_sheet(1, 200, "qr")), 200)
    assert ev.kind is SeparatorKind.QR and ev.text == "PATCHT"


def test_patch_t_sheet_either_way_round():
    img = np.asarray(stacks.separator_sheet(1, 200, "patch"))
    assert separator.detect(img, 200).kind is SeparatorKind.PATCH_T
    assert separator.detect(np.rot90(img).copy(), 200).kind is SeparatorKind.PATCH_T


def test_other_bars_and_other_qr_codes_are_not_separators():
    # PATCH 2 is W N N W: not a T
    sheet = np.full((2339, 1654), 255, dtype=np.uint8)
    mm = 200 / 25.4
    x = 200
    for bar in (5.08, 2.03, 2.03, 5.08):
        sheet[200:900, x : x + round(bar * mm)] = 0
        x += round((bar + 2.03) * mm)
    assert not separator.find_patch_t(sheet, 200)
    # a verification QR of an e-copy says a URL: not a separator
    code = np.asarray(qrcode.make("https://example.gov.vn/v/abc").get_image().convert("L"))
    page = np.full((2339, 1654), 255, dtype=np.uint8)
    page[100 : 100 + code.shape[0], 100 : 100 + code.shape[1]] = code
    assert not separator.detect(page, 200).found


def test_a_document_page_is_not_a_separator():
    page = np.asarray(g.make_document("quyet_dinh", 99, dpi=200).pages[0])
    assert not separator.detect(page, 200).found
