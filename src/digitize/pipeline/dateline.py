"""The header's place-and-date line read again on a blurred page, its date taken by the readings' vote.

On a shaken or out-of-focus phone photo Tesseract reads the printed digits of "Hà Nội, ngày 11 tháng 9 năm
2018" at random among their blurred look-alikes (8 → 6, 9, 0; "2018" → "2016", "2019", "202M") and the date
words garbled ("nIgáy", "nIãm"): the date is then lost, or worse, taken wrong at a confidence that looks
sure (87). On such a page (``Prepared.blurred``) the first page's date line, found in the header's right
column under the motto, is cut out in ``len(CUTS)`` ways (tighter and wider), each taken from the OCR image
and from the scan at its own resolution, plain and sharpened by its measured blur, and all those crops are
stacked into one image read once (``--psm 6``). Each row that gives a date is a vote: a date is taken when at
least ``MIN_VOTES`` rows give it and more than half of the rows that give a date do; the line's words are
then replaced by the words of the surest such row, in doubt (``DOUBT_CONF``: blurred digits are misread
alike in every reading, "13" as "12" at 97, so the date goes to review). Readings that contradict the first
reading's date and agree on nothing put that date in doubt too. Otherwise the page stays as it was: no date
is made up from one blurred reading.

A pure function of the prepared page and its first reading; sharp pages, pages without a Decree 30 header
and pages whose date line is not found are untouched: no second Tesseract run.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import preprocess, regions
from digitize.pipeline.fields.dates import find_dates
from digitize.pipeline.fields.layout import is_motto, is_motto2
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.text import fold1
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import nfc
from digitize.tools import tesseract

# each cut: (left/right padding, top/bottom padding) in line heights
CUTS = ((0.6, 0.25), (1.2, 0.5))
SCALES = (1.0, 1.5)  # the OCR image's crop read as it is and enlarged
MIN_VOTES = 2
# a first reading's date words that the readings contradict, and the readings' agreed date words, at most this
# sure (under review.REVIEW_THRESHOLD: the document goes to review)
DOUBT_CONF = 50.0
ROW_GAP = 40  # px of white between the sheet's rows
MAX_SHEET_PIXELS = 12_000_000
# a date line: the date's words as a blurred photo may read them, or a year ending the line
_DATE_LINE = re.compile(r"\b(?:ng\w{1,3}y|th\w{1,2}g|[nsm]\w{0,2}m\s*\d{3,4})\b|\b(?:19|20)\d\d\W*$")


def date_line(page: RecognizedPage) -> Line | None:
    """The header's place-and-date line: the first line of the right column under the motto that holds a
    date word or ends in a year."""
    header = regions.header_of(page)
    if header is None:
        return None
    layout, _ = header
    for ln in layout.right:
        if is_motto(ln) or is_motto2(ln) or not ln.words:
            continue
        if _DATE_LINE.search(ln.folded):
            return ln
    return None


def _crops(prepared: Prepared, ln: Line) -> list[np.ndarray]:
    """The line cut ``len(CUTS)`` ways, each from the OCR image at ``SCALES`` and from the scan at its own
    resolution, plain and sharpened by its measured blur."""
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    h = ln.y1 - ln.y0
    grey = regions.grey_master(prepared)
    out: list[np.ndarray] = []
    for pad_x, pad_y in CUTS:
        x0, y0 = max(0.0, ln.x0 - pad_x * h), max(0.0, ln.y0 - pad_y * h)
        x1, y1 = min(ocr_w / s, ln.x1 + pad_x * h), min(ocr_h / s, ln.y1 + pad_y * h)
        crop = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
        if crop.shape[0] < 8 or crop.shape[1] < 8:
            continue
        for up in SCALES:
            out.append(
                crop if up == 1.0 else cv2.resize(crop, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
            )
        native = regions.cut(prepared, x0, y0, x1, y1, source=grey)
        out.append(native)
        out.append(preprocess.unsharp(native, max(preprocess.UNSHARP_SIGMA, preprocess.edge_blur(native))))
    return out


def _sheet(crops: Sequence[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The crops stacked as the rows of one white image, with (top, bottom) of each row."""
    width = max(c.shape[1] for c in crops) + 2 * ROW_GAP
    height = sum(c.shape[0] + ROW_GAP for c in crops) + ROW_GAP
    sheet = np.full((height, width), 255, np.uint8)
    spans = []
    y = ROW_GAP
    for c in crops:
        sheet[y : y + c.shape[0], ROW_GAP : ROW_GAP + c.shape[1]] = c
        spans.append((y, y + c.shape[0]))
        y += c.shape[0] + ROW_GAP
    return sheet, spans


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The first page with its date line's words replaced by the readings' agreed date line, on a blurred
    page; the page as it was otherwise."""
    if page.index != 0 or not prepared.blurred:
        return page
    ln = date_line(page)
    if ln is None or ln.y1 - ln.y0 <= 0:
        return page
    crops = _crops(prepared, ln)
    if len(crops) < MIN_VOTES or sum(c.size + ROW_GAP * c.shape[1] for c in crops) > MAX_SHEET_PIXELS:
        return page
    sheet, spans = _sheet(crops)
    try:
        tokens = tesseract.image_to_data(sheet, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
        return page
    rows: dict[int, list[tesseract.Token]] = {}
    for t in tokens:
        cy = t.top + t.height / 2
        r = next((i for i, (a, b) in enumerate(spans) if a <= cy < b), None)
        if r is not None and t.conf >= 0 and t.text.strip():
            rows.setdefault(r, []).append(t)
    dated: list[tuple[str, list[tesseract.Token]]] = []
    for r in sorted(rows):
        toks = sorted(rows[r], key=lambda t: t.left)
        text = nfc(" ".join(t.text for t in toks))
        found = find_dates(fold1(text))
        if found:
            dated.append((found[0][2].isoformat(), toks))
    if not dated:
        return page
    first_found = find_dates(ln.folded)
    first = first_found[0][2].isoformat() if first_found else None
    best, n = Counter(d for d, _ in dated).most_common(1)[0]
    if n >= MIN_VOTES and 2 * n > len(dated):
        if best == first:
            return page  # the first reading had it
        toks = max((t for d, t in dated if d == best), key=lambda t: statistics.fmean(x.conf for x in t))
        # blurred digits are misread alike in every reading ("13" read "12" at 97 in all of them): the agreed
        # date is taken in doubt, for a person to confirm (review), never as sure
        return _replace_line(page, ln, [nfc(t.text) for t in toks], [min(t.conf, DOUBT_CONF) for t in toks])
    if first is not None and sum(d != first for d, _ in dated) >= MIN_VOTES:
        # the readings contradict the first one and agree on nothing: its date is kept, in doubt (review)
        return _replace_line(
            page,
            ln,
            [w.text for w in ln.words],
            [min(w.conf, DOUBT_CONF) for w in ln.words],
            keep_boxes=True,
        )
    return page


def _replace_line(
    page: RecognizedPage, ln: Line, texts: list[str], confs: list[float], *, keep_boxes: bool = False
) -> RecognizedPage:
    """The page with ``ln``'s words replaced by ``texts`` spread over the line's box (``keep_boxes``: the
    line's own words, in their boxes, at new confidences)."""
    ids = {id(w) for w in ln.words}
    first = ln.words[0]
    step = (ln.x1 - ln.x0) / len(texts)
    new = [
        replace(ln.words[i], conf=c)
        if keep_boxes
        else Word(
            text=t,
            conf=c,
            box=Box(ln.x0 + i * step, ln.y0, ln.x0 + (i + 1) * step - 1, ln.y1),
            block=first.block,
            line=first.line,
        )
        for i, (t, c) in enumerate(zip(texts, confs, strict=True))
    ]
    words = sorted([w for w in page.words if id(w) not in ids] + new, key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))
