"""A header row Tesseract split into two lines, put back together (no OCR: the words' boxes alone).

On a blurred photo (and on a scan with tall handwriting) Tesseract's page layout may cut one row of a Decree
30 header's column into two "lines" that it reads in turn: "BỘ" and "Y TẾ" read as two lines (a column
break found in the wide letter gaps of a blurred "BỘ Y TẾ"), "số. ỔỞ" and "/QĐ-SCT" apart (a written "80"
stands taller than the print around it), the notation then read at the head of the date line on the right
("/6p-oLp Hà Nội, ngày …"). Every reader that goes by lines (the number, the organ, the handwritten digits'
regions) then finds half a row on each line: the number without its notation, the organ cut to "Cục quản".

Here each header line (``fields.layout.read_layout``: the lines above the type name) is split at the gutter
between the header's two columns; the parts of one column that stand on one row (they overlap in height by
``ROW_OVERLAP`` of the lower one and not at all in width) are made one line again: their words take the
first part's line number, left to right. A row whose parts overlap in width (two rows read over each other)
or are far apart (``ROW_GAP``) is left as it is. A pure function of the page's first reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from digitize.pipeline import regions
from digitize.pipeline.fields.layout import read_layout
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.model import RecognizedPage, Word, page_text
from digitize.text import fold

# two parts of a column stand on one row when they overlap in height by this share of the lower part's height
ROW_OVERLAP = 0.6
# ... and the gap between them is at most this many of their row's height (a column's words in a row stand a
# space apart; a blurred capital's gap read as a column break is about one)
ROW_GAP = 3.0


def _part(line: Line, gutter: float, left: bool) -> list[Word]:
    return [w for w in line.words if ((w.box.x0 + w.box.x1) / 2 < gutter) == left]


def _span(words: list[Word]) -> tuple[float, float, float, float]:
    return (
        min(w.box.x0 for w in words),
        min(w.box.y0 for w in words),
        max(w.box.x1 for w in words),
        max(w.box.y1 for w in words),
    )


# an incoming-mail stamp's or a portal banner's words (``fields.place_date._BANNER``'s kind): "ĐẾN", "CV
# ĐẾN", "Chuyển:", "Ngày:", a time; a stamp stands anywhere in the header, read as lines of its own
_STAMP_WORDS = re.compile(r"\bden\b|\bcv\b|\bchuyen\b|\bngay\s*:|\bluu ho so\b|\d\d:\d\d")
# a number's label ("Số:", "Số", "sa.") opening a part: a stamp's "Số: 2352" beside the document's "Số: 12/…"
_LABEL = re.compile(r"^\W?s[oô]\W*$")


def _text(words: list[Word]) -> str:
    return fold(" ".join(w.text for w in words)).lower()


def _joinable(a: list[Word], b: list[Word]) -> bool:
    """Whether two parts on one row may be one line: neither is a stamp's words, nor do both open with a
    number's label (two numbers: a stamp's beside the document's; REVIEW-26 #2)."""
    if _STAMP_WORDS.search(_text(a)) or _STAMP_WORDS.search(_text(b)):
        return False
    return not (_LABEL.match(_text(a[:1])) and _LABEL.match(_text(b[:1])))


def _one_row(a: list[Word], b: list[Word]) -> bool:
    """Whether two parts of a column (each a line's words) stand on one row, side by side."""
    ax0, ay0, ax1, ay1 = _span(a)
    bx0, by0, bx1, by1 = _span(b)
    overlap = min(ay1, by1) - max(ay0, by0)
    low = min(ay1 - ay0, by1 - by0)
    if low <= 0 or overlap < ROW_OVERLAP * low:
        return False
    if min(ax1, bx1) > max(ax0, bx0):
        return False  # over each other in width: two readings of a row, or two rows
    gap = max(ax0, bx0) - min(ax1, bx1)
    return gap <= ROW_GAP * max(ay1 - ay0, by1 - by0)


def rejoined(page: RecognizedPage) -> RecognizedPage:
    """``page`` with each header row its layout split into two lines made one line again (see the module)."""
    if page.source != "ocr" or not page.words:
        return page
    lines = regions.lines_of(page)
    if not lines:
        return page
    layout = read_layout(list(lines))
    if layout.motto_i is None:
        return page
    header = [ln for ln in layout.header if ln.words]
    moved: dict[int, int] = {}  # id(word) -> its new line number
    for left in (True, False):
        parts = [(ln.words[0].line, p) for ln in header if (p := _part(ln, layout.gutter, left))]
        taken: set[int] = set()
        for i, (line_a, a) in enumerate(parts):
            if i in taken:
                continue
            for j in range(i + 1, len(parts)):
                line_b, b = parts[j]
                if j in taken or line_b == line_a or not _one_row(a, b) or not _joinable(a, b):
                    continue
                taken.add(j)
                for w in b:
                    moved[id(w)] = line_a
                a = a + b
    if not moved:
        return page
    words = [replace(w, line=moved[id(w)]) if id(w) in moved else w for w in page.words]
    touched = set(moved.values())
    order = sorted(
        range(len(words)),
        key=lambda k: (words[k].line, words[k].box.x0 if words[k].line in touched else k),
    )
    out = tuple(words[k] for k in order)
    return replace(page, words=out, text=page_text(out))


def second_pass(prepared: object, page: RecognizedPage, **_: object) -> RecognizedPage:
    """The pass's form (``run.second_passes``): no OCR, the page's words alone."""
    return rejoined(page)
