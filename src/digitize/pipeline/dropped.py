"""Text under the last line read: a second, targeted OCR pass where Tesseract's page layout dropped a block.

On a blurred photo the signature block ("Nơi nhận" left, "Q. GIÁM ĐỐC", the signature, the seal and the
name right) may be taken by the page layout analysis for a picture: ``--psm 3`` returns the page down to
"này./." and nothing under it, so the signer is lost with no "Nơi nhận" line for ``signature.second_pass``
to start from. Where a page gives no signer and, under its last line read, the OCR image still holds rows
of letter-sized ink (not a seal alone, not a margin speck), that region is read again as one block
(``--psm 6``), once; its words are added when they give what the page lacked: a "Nơi nhận" list or a
signer's title.

A pure function of the prepared page and its first reading; pages read to their last line (nearly all) and
pages with a signer are untouched: no second Tesseract run.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import regions
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.fields.signer import list_line, read_signer
from digitize.pipeline.model import RecognizedPage
from digitize.pipeline.preprocess import Prepared
from digitize.text import nfc
from digitize.tools import tesseract

MIN_LETTERS = 12  # letter-sized marks under the last line for the pass to run (a word or two is not a block)
MIN_ROWS = 2  # ... on at least this many text rows
INK_LEVEL = (
    170  # grey level under which the cleaned OCR image's pixels are ink (paper is divided out to ~255)
)


def letters_below(ocr: np.ndarray, top: int, letter: float) -> int:
    """How many letter-sized connected marks, on at least ``MIN_ROWS`` rows, the OCR image holds under
    ``top`` (0 when they stand on fewer rows: a stray line of specks)."""
    region = ocr[max(0, top) :, :]
    if region.size == 0:
        return 0
    otsu, ink = cv2.threshold(region, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if otsu > INK_LEVEL:
        # an empty region: Otsu splits the paper's grain into blobs (an annex page's lower half read for
        # 12 CPU s as one block); ink is what is darker than INK_LEVEL on the cleaned OCR image
        _, ink = cv2.threshold(region, INK_LEVEL, 255, cv2.THRESH_BINARY_INV)
    if cv2.countNonZero(ink) > 0.5 * ink.size:  # a dark border or a black page: no text there
        return 0
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    ys = stats[1:, cv2.CC_STAT_TOP] + h / 2
    keep = (h >= 0.5 * letter) & (h <= 2.0 * letter) & (w >= 0.2 * letter) & (w <= 3.0 * letter)
    if int(keep.sum()) < MIN_LETTERS:
        return 0
    rows = {int(y // (1.5 * letter)) for y in ys[keep]}
    return int(keep.sum()) if len(rows) >= MIN_ROWS else 0


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 60.0
) -> RecognizedPage:
    """The page with the text under its last line read, when the first pass dropped a signature block."""
    lines = regions.lines_of(page)
    found = regions.signer_of(page)
    if found.value("signer_title") or list_line(lines) is not None:
        return page
    letter = regions.letter_height(page.words)
    bottom = max(w.box.y1 for w in page.words)
    top = bottom + 0.5 * letter
    if page.height - top < 6 * letter:
        return page
    s = prepared.scale
    if letters_below(prepared.ocr, round(top * s), letter * s) == 0:
        return page
    region = prepared.ocr[round(top * s) :, :]
    try:
        tokens = tesseract.image_to_data(region, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
        return page
    base = max(w.line for w in page.words) + 1
    new = regions.page_words(tokens, 0.0, top, scale=s, first_line=base, block=3000)
    probe = replace(page, words=tuple(new), text="")
    new_lines = page_lines(probe)
    gives = read_signer(new_lines).value("signer_title") or list_line(new_lines) is not None
    if not gives:
        return page  # what was under the last line is no signature block: keep the first reading
    words = (*page.words, *new)
    text = page.text + "\n" + "\n".join(ln.text for ln in new_lines)
    return replace(page, words=words, text=nfc(text))
