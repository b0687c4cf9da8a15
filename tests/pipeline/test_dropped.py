"""A signature block the page layout dropped (a blurred photo: taken for a picture) is read again from under
the last line read (real Tesseract on a generated page)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from digitize.pipeline import dropped, preprocess, recognize
from digitize.pipeline.fields import extract
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.model import RecognizedPage
from tests.pipeline.pages import decree_page

DPI = 200


def _read() -> tuple[preprocess.Prepared, RecognizedPage]:
    img = decree_page(DPI)
    prepared = preprocess.prepare(np.asarray(img.convert("RGB")), dpi=DPI)
    return prepared, recognize.recognize(prepared, index=0)


def _cut_after(page: RecognizedPage, last: str) -> RecognizedPage:
    """The page as the layout analysis left it: nothing under the line starting with ``last``."""
    bottom = next(ln.y1 for ln in page_lines(page) if ln.text.startswith(last))
    words = tuple(w for w in page.words if w.box.y0 < bottom)
    return replace(page, words=words, text="")


def test_a_dropped_signature_block_is_read_under_the_last_line() -> None:
    prepared, first = _read()
    assert extract([first]).values()["signer_name"] == "Nguyễn Văn An"
    cut = _cut_after(first, "Điều 3")
    assert extract([cut]).values()["signer_title"] is None
    again = dropped.second_pass(prepared, cut, lang="vie")
    v = extract([again]).values()
    assert (v["signer_title"], v["signer_name"]) == ("Giám đốc", "Nguyễn Văn An")
    assert v["subject"] == "Về việc cấp Giấy phép tiến hành công việc bức xạ"  # the rest as it was


def test_no_second_reading_when_the_block_was_read_or_nothing_is_under_the_last_line() -> None:
    prepared, first = _read()
    assert dropped.second_pass(prepared, first, lang="vie") is first  # the signer was read
    # the page cut under the signer's name: nothing under it but paper
    cut = _cut_after(first, "Nguyễn")
    no_title = replace(cut, words=tuple(w for w in cut.words if w.text not in ("GIÁM", "ĐỐC")))
    assert dropped.second_pass(prepared, no_title, lang="vie") is no_title


def test_paper_grain_under_the_last_line_is_no_text() -> None:
    # an annex page's empty lower half: light grain (levels 225-255) that Otsu would cut into letter-sized
    # blobs on many rows (read as one block for ~12 CPU s before); real ink under it still counts
    import cv2
    import numpy as np

    from digitize.pipeline.dropped import letters_below

    rng = np.random.default_rng(3)
    noise = cv2.GaussianBlur(rng.normal(0, 1, size=(900, 1200)).astype(np.float32), (0, 0), 4.0)
    grain = cv2.normalize(noise, None, 225, 255, cv2.NORM_MINMAX).astype(np.uint8)
    assert letters_below(grain, 0, 20.0) == 0
    inked = grain.copy()
    for row in range(3):
        for k in range(10):
            cv2.rectangle(inked, (60 + 40 * k, 100 + 60 * row), (80 + 40 * k, 122 + 60 * row), 30, -1)
    assert letters_below(inked, 0, 20.0) >= 30
