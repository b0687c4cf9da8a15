"""The second passes' shared helpers: a page region cut from the scan (the same pixels as each pass cut before
they shared it), the words read in it put in the page's frame, the page text rebuilt."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from digitize.pipeline import regions
from digitize.pipeline.model import Box, Word, page_text
from digitize.pipeline.preprocess import Prepared, upright_matrix
from digitize.tools.tesseract import Token


def _prepared(rotation: int, skew: float, *, colour: bool) -> Prepared:
    rng = np.random.default_rng(rotation + int(skew * 10))
    shape = (300, 220, 3) if colour else (300, 220)
    master = rng.integers(0, 256, shape, dtype=np.uint8)
    _, w, h = upright_matrix(master.shape[1], master.shape[0], rotation, skew)
    return Prepared(
        master=master, ocr=master, scale=1.0, rotation=rotation, skew=skew, dpi=300.0, width=w, height=h
    )


def _as_before(prepared: Prepared, x0: float, y0: float, x1: float, y1: float, colour: bool) -> np.ndarray:
    """How handdigits._crop, signature.second_pass / name_pass (grey) and stamps.second_pass (colour) cut a
    region before they shared ``regions.cut``."""
    master = prepared.master
    if colour:
        src, white = master, (255, 255, 255)
    else:
        src, white = (cv2.cvtColor(master, cv2.COLOR_RGB2GRAY) if master.ndim == 3 else master), (255,)
    m = prepared.matrix.copy()
    m[0, 2] -= x0
    m[1, 2] -= y0
    size = (max(1, int(x1 - x0)), max(1, int(y1 - y0)))
    return cv2.warpAffine(src, m, size, flags=cv2.INTER_LINEAR, borderValue=white if colour else 255)


@pytest.mark.parametrize(("rotation", "skew"), [(0, 0.0), (90, 0.0), (180, 1.7), (270, -2.3), (0, 0.4)])
def test_a_region_is_cut_with_the_same_pixels_as_before(rotation: int, skew: float) -> None:
    for colour_master in (True, False):
        prepared = _prepared(rotation, skew, colour=colour_master)
        grey = regions.grey_master(prepared)
        boxes = ((10.3, 20.7, 120.9, 90.2), (0.0, 0.0, 500.0, 40.0), (-5.0, 250.5, 60.0, 400.0))
        for x0, y0, x1, y1 in boxes:
            want = _as_before(prepared, x0, y0, x1, y1, False)
            assert np.array_equal(regions.cut(prepared, x0, y0, x1, y1), want)
            assert np.array_equal(regions.cut(prepared, x0, y0, x1, y1, source=grey), want)
            if colour_master:
                got = regions.cut(prepared, x0, y0, x1, y1, colour=True)
                assert np.array_equal(got, _as_before(prepared, x0, y0, x1, y1, True))
        assert regions.cut(prepared, 5.0, 5.0, 5.0, 5.0).shape == (1, 1)  # an empty region: one white pixel


def test_words_read_in_a_region_are_put_in_the_page_frame() -> None:
    tokens = [
        Token("KT.", 91.0, 10, 20, 30, 8, 1, 1, 1, 1),
        Token("—", 90.0, 50, 20, 10, 8, 1, 1, 1, 2),  # no letter or digit: dropped
        Token("CHỦ", -1.0, 70, 20, 30, 8, 1, 1, 1, 3),  # no confidence: dropped
        Token("Nguyễn", 88.0, 10, 60, 60, 8, 1, 1, 2, 1),
        Token("An", 87.0, 80, 60, 20, 8, 2, 1, 1, 1),
    ]
    words = regions.page_words(tokens, 100.0, 200.0, scale=2.0, first_line=7, block=1000)
    assert [w.text for w in words] == ["KT.", "Nguyễn", "An"]
    assert [w.line for w in words] == [7, 8, 9]
    assert [w.block for w in words] == [1001, 1001, 1002]
    assert words[0].box == Box(105.0, 210.0, 120.0, 214.0)


def test_the_page_text_is_rebuilt_line_by_line() -> None:
    words = [Word("b", 90.0, Box(0, 0, 1, 1), line=3), Word("a", 90.0, Box(0, 0, 1, 1), line=1)]
    words.append(Word("c", 90.0, Box(0, 0, 1, 1), line=3))
    assert page_text(words) == "a\nb c"
    assert page_text([]) == ""


def test_a_letter_s_height_is_from_the_median_word() -> None:
    boxes = [Box(0, 0, 10, h) for h in (10.0, 40.0, 30.0, 1000.0, 20.0)]
    assert regions.letter_height([Word("x", 90.0, b) for b in boxes]) == pytest.approx(0.7 * 30.0)
    assert regions.letter_height([]) == 0.0


def test_the_second_passes_leave_text_layer_pages_and_pages_without_words_alone() -> None:
    from dataclasses import replace

    from digitize.pipeline import dropped, signature, stamps
    from digitize.pipeline.model import RecognizedPage

    prepared = _prepared(0, 0.0, colour=True)
    words = (Word("Nơi", 90.0, Box(10, 200, 40, 210)), Word("nhận:", 90.0, Box(45, 200, 90, 210)))
    text_page = RecognizedPage(0, "text", 220.0, 300.0, "Nơi nhận:", words)
    empty = RecognizedPage(0, "ocr", 220.0, 300.0, "")
    for second_pass in (stamps.second_pass, dropped.second_pass, signature.second_pass, signature.name_pass):
        for page in (text_page, empty):
            assert second_pass(prepared, page, lang="vie") is page
        assert second_pass.__name__ in ("second_pass", "name_pass")  # the pass's own name and doc kept
        assert second_pass.__doc__
    # an OCR page with words goes through to the pass, with its arguments (the passes above find nothing to
    # read again on it, so a pass of our own tells whether it ran)
    ocr_page = replace(text_page, source="ocr")
    ran: list[tuple[RecognizedPage, str]] = []

    @regions.on_read_pages
    def read_again(prepared: Prepared, page: RecognizedPage, *, lang: str) -> RecognizedPage:
        ran.append((page, lang))
        return replace(page, text="read again")

    assert read_again(prepared, ocr_page, lang="vie").text == "read again"
    assert ran == [(ocr_page, "vie")]
    for page in (text_page, empty):
        assert read_again(prepared, page, lang="vie") is page
    assert len(ran) == 1
