"""A blurred photo's header lost by the page's reading, read again as a band of its own.

On an out-of-focus or shaken phone photo Tesseract's page layout may take the whole header (the organ, the
motto, "Số:", the date, the type name and the subject: soft grey shapes) for pictures and read nothing of it
but a few specks ("5", "ị", "è"), so that every header field is lost (forced-blur 105 alt 000: the
reading began with the "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." line under the subject). The same band cut from the OCR
image and read on its own as one block of text (``--psm 6``) reads it line by line. On the first page of a
blurred photo (``Prepared.blurred``) whose reading has no Decree 30 header (``regions.header_of``), the band
from the page's top to its first line read surely (``SURE_LINE``, at least ``SURE_WORDS`` words) is read
again; its words replace the reading's specks there when they give the page a header (its motto found)
that it had not. The band's digits are blurred digits: ``blurred.second_pass`` (after this pass) puts them
in doubt, so the number and the date go to review.

A function of the prepared page and its first reading; sharp pages and pages with a header are untouched (no
second Tesseract run).
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from digitize.errors import ToolFailed
from digitize.pipeline import recognize, regions
from digitize.pipeline.model import RecognizedPage, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.tools import tesseract

SURE_LINE = 0.8  # (0..1) the mean confidence of the first line the band ends above ...
SURE_WORDS = 3  # ... and its words at least
MAX_BAND = 0.45  # of the page's height: a header lies in its top part (a band lower holds the body)
MIN_BAND = 0.05  # ... and takes at least this much of it


def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The first page of a blurred photo with its lost header read again as a band (see the module's
    docstring); the page as it was otherwise."""
    if not prepared.blurred or page.index != 0 or regions.header_of(page) is not None:
        return page
    lines = regions.lines_of(page)
    sure = next(
        (
            ln
            for ln in sorted(lines, key=lambda ln: ln.y0)
            if ln.boxed and len(ln.words) >= SURE_WORDS and ln.conf >= SURE_LINE
        ),
        None,
    )
    if sure is None or not MIN_BAND * page.height <= sure.y0 <= MAX_BAND * page.height:
        return page
    s = prepared.scale
    bottom = sure.y0 - 0.1 * (sure.y1 - sure.y0)
    band = prepared.ocr[: round(bottom * s)]
    if band.ndim != 2 or min(band.shape) < 8:
        return page
    try:
        tokens = tesseract.image_to_data(band, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:
        return page
    new = recognize.read_words(tokens, s, page.width)
    if not new:
        return page
    kept = [w for w in page.words if (w.box.y0 + w.box.y1) / 2 > bottom]
    shift = max(w.line for w in new) + 1
    blocks = max((w.block for w in kept), default=0) + 1  # the band's blocks apart from the reading's
    words = [replace(w, block=w.block + blocks) for w in new] + [
        replace(w, line=w.line + shift) for w in kept
    ]
    words.sort(key=lambda w: w.line)
    candidate = replace(
        page,
        words=tuple(words),
        text=page_text(words),
        confidence=statistics.fmean(w.conf for w in words) / 100.0,
    )
    return candidate if regions.header_of(candidate) is not None else page
