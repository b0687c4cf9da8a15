"""A blurred photo's header lost by the page's reading, read again as a band of its own.

On an out-of-focus or shaken phone photo Tesseract's page layout may take the whole header (the organ, the
motto, "Số:", the date, the type name and the subject: soft grey shapes) for pictures and read nothing of it
but a few specks ("5", "ị", "è"), so that every header field is lost (forced-blur 105 alt 000: the
reading began with the "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." line under the subject). The same band cut from the OCR
image and read on its own as one block of text (``--psm 6``) reads it line by line. On the first page of a
blurred photo (``Prepared.blurred``) whose reading has no Decree 30 header (``regions.header_of``), the band
from the page's top to the first line read surely (``SURE_LINE``, at least ``SURE_WORDS`` words) of each of
the header's columns is read again: the organ's column on the left and the motto's on the right end apart (a
motto read surely at the top over an organ column read as specks leaves the organ's lines to re-read). In
each column the band's words replace the reading's specks above that column's sure line when they give the
page a header (its motto found) that it had not. The band's digits are blurred digits:
``blurred.second_pass`` (after this pass) puts them in doubt, so the number and the date go to review.

A blurred first page with a motto and a date line under it then has its organ's column (the left one, down to
the date line's row: the organ's lines and the "Số:" line) read again on its own (``_organ_column``): the
page's layout may have run two of its close lines into one box and read one of them ("ỦY BAN NHÂN DÂN" /
"TỈNH AN GIANG" read "TÍNH AN GIANG", the organ a province) or the "Số:" line into the organ's. The column's
reading replaces the page's when it gives at least ``MIN_GAIN`` more words read surely that are Vietnamese
syllables (one small Tesseract run a blurred photo).

A blurred first page's header whose first line in the organ's column was read unsurely (its words' mean
confidence under ``SURE_WORD``) has that line's rows (from its top to the next line's) cut from the scan,
sharpened by its own blur (``regions.sharpened``) and read again enlarged ``UPS`` times the OCR image's
scale, one line (``--psm 7``) each (``_first_line``): a ministry's or a province's small grey line over its
unit's bold one may be read by the page's layout as one box over both, "BỘ Y TẾ" / "CỤC QUẢN LÝ DƯỢC" read
"Tàn" at 25 (seed 465 dev 012): no parent organ. Its words go in when every reading gives the same words,
each of them a Vietnamese syllable read ``SURE_FIRST`` sure or more in each. The readings are of one crop and
alike in their errors ("TỈNH ỦY LÀO CAI" read "TÍNH ỦY LÀO CAI" in both, a stamp's "CÔNG VĂN ĐẾN" read
"CÔNG VĂN ĐỀN"): their words keep their confidence only when the line names an organ (an organ's head word
first, or a known organ's name, ``_names_an_organ``), in doubt (``UNNAMED_FIRST``) otherwise. The cut ends
at the motto's column, which may begin left of the page's middle.

A sharp page's organ column is read again the same way when the page's reading ran two of its lines into one
(``_rows_run_together``): a line of the column whose words' boxes are ``TALL_ROWS`` times the page's usual
height or more holds two rows read as one (seed 465 alt 012, a bitonal scan: "SỞ VĂN HÓA, THỂ" / "THAO VÀ DU
LỊCH", bold and close, read "THAO VÀ DU TỊCH" in boxes two rows high, the organ "Ninh thao và du tịch"); an
incoming document's stamp read tall ("ĐẾN: NGÃ) ¿1 Thi", its number handwritten) or a garble is no such line.

A blurred first page's date line that lost its date's words has them read again last
(``blurred.date_words``): ``handdigits``, after this pass, then reads the pen's day and month between them.

A function of the prepared page and its first reading; other sharp pages are untouched (no second Tesseract
run).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import blurred, recognize, regions
from digitize.pipeline.fields.layout import is_motto, is_motto2
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.organ import heads_an_organ, known_organ
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold, nfc, squash
from digitize.tools import tesseract

SURE_LINE = 0.8  # (0..1) the mean confidence of the first line the band ends above ...
SURE_WORDS = 3  # ... and its words at least
MAX_BAND = 0.45  # of the page's height: a header lies in its top part (a band lower holds the body)
MIN_BAND = 0.05  # ... and takes at least this much of it
# the organ's column read on its own: a band row's words further apart than this many letter heights are two
# columns' (the motto's first word cut at the gutter) ...
COLUMN_GAP = 1.5
# ... the column cut at the layout's gutter when one of the motto's or the date's lines begins left of this
# share of the page's width (the organ's row read into it)
MERGED_BELOW = 0.3
# ... and down to this many of the date line's heights under it when the reading has nothing there
SO_ROW_UNDER = 2.0
# the date line is the motto's next line or so: one more than this many of its heights under the motto is
# the body's (a blurred photo's body line read as a date's "... ngày ... năm ...")
DATE_UNDER = 4.0
_NUMBER_MARK = re.compile(r"[\d/]")  # a number line's marks: its digits, its notation's stroke
SURE_WORD = 60.0  # (0..100) ... and its reading taken when it gives more words read this surely that are
MIN_GAIN = 2  # Vietnamese syllables, at least this many more than the page's reading of the column
# a sharp page's organ line whose words' boxes are (their median) this many times the page's median word box
# high or more holds two rows the reading ran into one (a pen's number is ~1.3 times; two rows ~2.2 or more)
TALL_ROWS = 1.8
UPS = (2.0, 3.0)  # a blurred header's unsure first line read again at these times the OCR image's scale ...
SURE_FIRST = 80.0  # ... and its words taken when each reading gives them alike, each read this sure at least
# ... sure only when the line names an organ (the two readings are of one crop, alike in their errors: "TỈNH
# ỦY LÀO CAI" read "TÍNH ỦY LÀO CAI" in both, a stamp's "CÔNG VĂN ĐẾN" or a "HỎA TỐC" over the organ); any
# other line's words go in at this confidence at most, in doubt
UNNAMED_FIRST = 59.0
KNOWN_FIRST = 85  # (rapidfuzz) a line this like a known organ's name names it
# heads of a party's organs ("ĐẢNG BỘ …", "ĐẢNG ỦY …"), folded, besides those of ``organ.heads_an_organ``
_PARTY_HEADS = ("dang bo ", "dang uy ", "ban chap hanh ")
# a stamp's labels: an incoming document's stamp ("CÔNG VĂN ĐẾN", "ĐẾN: Số: … Ngày: … Chuyển: …"), in small
# letters with their tones ("SỞ" is no "Số")
_STAMP_LABELS = frozenset({"đến", "số", "ngày", "chuyển"})


def _band_tokens(
    prepared: Prepared, band: np.ndarray, *, lang: str, timeout: float
) -> list[tesseract.Token] | None:
    """Tesseract's tokens of a band of the page's OCR image (one block of lines), None for a band too small to
    read or a reading that failed."""
    if band.ndim != 2 or min(band.shape) < 8:
        return None
    try:
        return tesseract.image_to_data(band, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:
        return None


def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The first page of a blurred photo with its lost header read again as a band (see the module's
    docstring); the page as it was otherwise."""
    if page.index != 0:
        return page
    if not prepared.blurred:
        if not _rows_run_together(page):
            return page
        return _organ_column(prepared, page, lang=lang, timeout=timeout)
    page = _organ_column(
        prepared, _lost_header(prepared, page, lang=lang, timeout=timeout), lang=lang, timeout=timeout
    )
    page = _first_line(prepared, page, lang=lang, timeout=timeout)
    return blurred.date_words(prepared, page, lang=lang, timeout=timeout)


def _lost_header(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    if regions.header_of(page) is not None:
        return page
    lines = regions.lines_of(page)
    ends = _column_ends(lines, page.width, page.height)
    if ends is None:
        return page
    s = prepared.scale
    tokens = _band_tokens(prepared, prepared.ocr[: round(max(ends) * s)], lang=lang, timeout=timeout)
    if tokens is None:
        return page
    mid = page.width / 2
    gap = COLUMN_GAP * regions.letter_height(page.words)
    read = recognize.read_words(tokens, s, page.width)
    # a word's column is its run's (its line's words up to a column's gap): a title or subject line centred
    # under the header crosses the page's middle, and cut there it came half from the band, half from the
    # reading, as two lines ("GIẤY" / "CHỨNG NHẬN": no type name)
    centre = {**_run_centres(read, gap), **_run_centres(page.words, gap)}

    def bottom(w: Word) -> float:  # the band's end in the word's column
        return ends[0] if centre[id(w)] < mid else ends[1]

    new = [w for w in read if (w.box.y0 + w.box.y1) / 2 < bottom(w)]
    if not new:
        return page
    kept = [w for w in page.words if (w.box.y0 + w.box.y1) / 2 > bottom(w)]
    candidate = _merged(page, new, kept, max(ends))
    return candidate if regions.header_of(candidate) is not None else page


def _merged(page: RecognizedPage, new: Sequence[Word], kept: Sequence[Word], end: float) -> RecognizedPage:
    """The page with a band's words (``new``) in place of the reading's others than ``kept``: the band's
    lines and the reading's kept beside them (above ``end``) top to bottom, then the rest of the reading in
    its order."""
    blocks = max((w.block for w in kept), default=0) + 1  # the band's blocks apart from the reading's
    beside = [w for w in kept if (w.box.y0 + w.box.y1) / 2 < end]
    rows: dict[tuple[bool, int], list[Word]] = {}
    for w in new:
        rows.setdefault((True, w.line), []).append(replace(w, block=w.block + blocks))
    for w in beside:
        rows.setdefault((False, w.line), []).append(w)
    ordered = sorted(rows.values(), key=lambda row: (min(w.box.y0 for w in row), min(w.box.x0 for w in row)))
    words = [replace(w, line=n) for n, row in enumerate(ordered) for w in row]
    rest = sorted((w for w in kept if (w.box.y0 + w.box.y1) / 2 >= end), key=lambda w: w.line)
    words += [replace(w, line=w.line + len(ordered)) for w in rest]
    return replace(
        page,
        words=tuple(words),
        text=page_text(words),
        confidence=statistics.fmean(w.conf for w in words) / 100.0,
    )


def _organ_column(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """The header's left column (the organ's lines and the "Số:" line) read again on its own, down to the
    row of the date line under the motto, and taken when it reads more of it surely (``MIN_GAIN``).

    On a blurred photo Tesseract's page layout may run two close lines of the organ's column into one box
    and read only one of them ("ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG" read "TÍNH AN GIANG"; "BỘ THÔNG TIN VÀ"
    / "TRUYỀN THÔNG" read "ĐỘ THÔNG TINVÀ" and "CỤC VIỄN THÔNG" read "CỤC THÔNG"), or read the "Số:" line
    into the organ's: the organ is then a part of it, in doubt or wrong. The left column cut apart from the
    motto's (its rows no longer joined to the motto's) is read line by line (``--psm 6``)."""
    lines = regions.lines_of(page)
    mid = page.width / 2
    top = sorted((ln for ln in lines if ln.y0 <= MAX_BAND * page.height), key=lambda ln: ln.y0)
    motto = [ln for ln in top if ln.cx > mid and (is_motto(ln) or is_motto2(ln))]
    if not motto:
        return page
    under = max(ln.y0 for ln in motto)
    date = next((ln for ln in top if ln.cx > mid and ln.y0 > under and blurred.is_date_line(ln)), None)
    if date is None or date.y0 - max(ln.y1 for ln in motto) > DATE_UNDER * (date.y1 - date.y0):
        # no date line under the motto, or one read far under it: a line of the body's text (a blurred
        # body's word read as a date's), the band down to it the body's paragraphs
        return page
    gutter = min(ln.x0 for ln in [*motto, date])
    if gutter < MERGED_BELOW * page.width and (found := regions.header_of(page)) is not None:
        # a motto or date line that begins in the organ's column: the reading ran the organ's row into it
        # ("UBND THÀNH PHỐ HỒ CHÍ CỘNG HÒA XÃ …"), and the column cut at its start held nothing
        # ... but never past a right-column line read apart from it (a long place's date line, "Thành phố Hồ
        # Chí Minh, ngày …", begins left of the motto: REVIEW-39e M2)
        gutter = min(
            [found[0].gutter, *(ln.x0 for ln in [*motto, date] if ln.x0 >= MERGED_BELOW * page.width)]
        )
    high = date.y1 - date.y0
    bottom = date.y1 + 0.3 * high  # the "Số:" line's row, a handwritten number taller
    # ... or the row under it, down to the column's next line read, when the organ's lines wrapped ("SỞ GIÁO
    # DỤC VÀ ĐÀO / TẠO" under a parent organ: the "Số:" line a row under the date's) and the reading has no
    # number line down to the date's row (no word with a digit or a stroke): it left that row out
    column = [w for w in page.words if (w.box.x0 + w.box.x1) / 2 < gutter]
    lower = bottom
    if not any(_NUMBER_MARK.search(w.text) for w in column if (w.box.y0 + w.box.y1) / 2 < bottom):
        below = [w.box.y0 for w in column if w.box.y0 > bottom]
        lower = max(bottom, min([date.y1 + SO_ROW_UNDER * high, *below]))

    def inside(w: Word, end: float = bottom) -> bool:
        return (w.box.x0 + w.box.x1) / 2 < gutter and (w.box.y0 + w.box.y1) / 2 < end

    old = [w for w in page.words if inside(w)]
    if not old or gutter <= 0:
        return page
    span = (min(w.box.x0 for w in old), max(w.box.x1 for w in old))
    letter = regions.letter_height(page.words)

    def read(end: float) -> list[Word] | None:
        s = prepared.scale
        band = prepared.ocr[: round(min(page.height, end + high) * s), : round(gutter * s)]
        tokens = _band_tokens(prepared, band, lang=lang, timeout=timeout)
        if tokens is None:
            return None
        return [
            w
            for run in _runs(recognize.read_words(tokens, s, page.width), COLUMN_GAP * letter)
            if min(w.box.x0 for w in run) < span[1] and max(w.box.x1 for w in run) > span[0]
            for w in run
            if inside(w, end)
        ]

    # the column read again down to ``lower``, taken when its rows down to the date's read more surely; else
    # (the band read further down for a lost number line) only its number row under the date's is taken: the
    # rows above kept as the page read them (a blurred "UBND" read "LUANO", a garbled "UBND" the organ knows,
    # not replaced by "LANG" because the number row's "Số" and a word's surer reading made the gain)
    new = read(lower)
    if new is None:
        return page
    if _sure_syllables([w for w in new if inside(w)]) >= _sure_syllables(old) + MIN_GAIN:
        return _merged(page, new, [w for w in page.words if not inside(w, lower)], lower)
    if lower <= bottom or any(
        _NUMBER_MARK.search(w.text) for w in column if bottom <= (w.box.y0 + w.box.y1) / 2 < lower
    ):
        return page
    rows: dict[int, list[Word]] = {}
    for w in new:
        if (w.box.y0 + w.box.y1) / 2 >= bottom:
            rows.setdefault(w.line, []).append(w)
    number = [w for row in rows.values() if any(_NUMBER_MARK.search(w.text) for w in row) for w in row]
    if not number:
        return page
    top_of, end_of = min(w.box.y0 for w in number), max(w.box.y1 for w in number)
    kept = [
        w
        for w in page.words
        if not (inside(w, lower) and not inside(w) and top_of <= (w.box.y0 + w.box.y1) / 2 <= end_of)
    ]
    return _merged(page, number, kept, lower)


def _first_line(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """The header's first line in the organ's column read again when the page's reading read it unsurely
    (see the module's docstring); the page as it was otherwise."""
    mid = page.width / 2
    column = sorted(
        (ln for ln in regions.lines_of(page) if ln.y0 <= MAX_BAND * page.height and ln.x1 < mid),
        key=lambda ln: ln.y0,
    )
    if len(column) < 2 or not column[0].words:
        return page
    first = column[0]
    if statistics.fmean(w.conf for w in first.words) >= SURE_WORD:
        return page
    below = next((ln for ln in column[1:] if ln.y0 > first.y0), None)
    letter = regions.letter_height(page.words)
    if below is None or not letter > 0 or below.y0 - first.y0 < letter:
        return page
    x0 = max(0.0, min(ln.x0 for ln in column[:2]) - letter)
    y0 = max(0.0, first.y0 - 0.3 * letter)
    # up to the right column's gutter (its lines in the cut's rows, right of the organ's): the motto's first
    # letters may begin left of the page's middle
    right = max(ln.x1 for ln in column[:2])
    beside = [
        ln.x0
        for ln in regions.lines_of(page)
        if ln.cx > mid and ln.x0 >= right and ln.y0 < below.y0 and ln.y1 > y0
    ]
    x1 = min([mid, right + letter, *(x - 0.3 * letter for x in beside)])
    crop = regions.sharpened(prepared, regions.cut(prepared, x0, y0, x1, below.y0))
    if min(crop.shape[:2]) < 8:
        return page
    readings: list[list[tesseract.Token]] = []
    for up in UPS:
        f = up * prepared.scale
        image = cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
        try:
            tokens = tesseract.image_to_data(
                image, lang=lang, psm=7, dpi=round(prepared.dpi * up), timeout=timeout
            )
        except ToolFailed:
            return page
        readings.append([t for t in tokens if t.conf >= 0 and t.text.strip()])
    texts = {tuple(nfc(t.text) for t in toks) for toks in readings}
    if len(texts) != 1 or not readings[0]:
        return page
    for toks in readings:
        for t in toks:
            letters = nfc(t.text).strip(".,:;-–—'\"()")
            if t.conf < SURE_FIRST or not letters.isalpha() or not is_syllable(letters):
                return page
    f = UPS[0] * prepared.scale
    cap = 100.0 if _names_an_organ(" ".join(nfc(t.text) for t in readings[0])) else UNNAMED_FIRST
    new = [
        Word(
            text=nfc(t.text),
            conf=min(cap, *(toks[i].conf for toks in readings)),
            box=Box(
                x0 + t.left / f, y0 + t.top / f, x0 + (t.left + t.width) / f, y0 + (t.top + t.height) / f
            ),
            line=0,
        )
        for i, t in enumerate(readings[0])
    ]
    kept = [w for w in page.words if w not in first.words]
    return _merged(page, new, kept, below.y0)


def _names_an_organ(text: str) -> bool:
    """The line names an organ: it starts with an organ's head word (BỘ, SỞ, ỦY BAN, UBND, CỤC, TỔNG CỤC,
    ĐẢNG BỘ …) or reads as a known organ's name."""
    f = fold(squash(text))
    return heads_an_organ(text) or f.startswith(_PARTY_HEADS) or known_organ(text, KNOWN_FIRST) is not None


def _organ_like(line: Line) -> bool:
    """The line may be an organ's: most of its words are Vietnamese syllables (not a stamp's garble, "ĐẾN:
    NGÃ) ¿1 Thi") and none is a stamp's label ("ĐẾN", "Số:", "Ngày:", "Chuyển")."""
    words = [w.text.strip(".,:;-–—'\"()") for w in line.words]
    if any(nfc(w).lower() in _STAMP_LABELS for w in words):
        return False
    syllables = sum(w.isalpha() and is_syllable(w) for w in words)
    return syllables > len(words) / 2


def _rows_run_together(page: RecognizedPage) -> bool:
    """Has the page's reading run two rows of the header's organ column into one line: a line of two words
    or more in the page's top part (``MAX_BAND``), left of its middle, mostly of syllables and with no
    stamp's label (``_organ_like``), whose words' boxes are ``TALL_ROWS`` times the page's usual height
    (their medians) or more?"""
    if not page.words:
        return False
    usual = statistics.median(w.box.y1 - w.box.y0 for w in page.words)
    for ln in regions.lines_of(page):
        if len(ln.words) < 2 or ln.y0 > MAX_BAND * page.height or ln.cx >= page.width / 2:
            continue
        if not _organ_like(ln):
            continue
        if statistics.median(w.box.y1 - w.box.y0 for w in ln.words) >= TALL_ROWS * usual:
            return True
    return False


def _runs(words: Sequence[Word], gap: float) -> list[list[Word]]:
    """Each line's words in runs, apart where two words are further apart than ``gap``."""
    runs: list[list[Word]] = []
    last: Word | None = None
    for w in words:
        if last is None or w.line != last.line or w.box.x0 - last.box.x1 > gap:
            runs.append([])
        runs[-1].append(w)
        last = w
    return runs


def _run_centres(words: Sequence[Word], gap: float) -> dict[int, float]:
    """Each word's run's middle (``_runs``: its line's words apart where two are more than ``gap`` apart),
    by the word's id."""
    out: dict[int, float] = {}
    for run in _runs(words, gap):
        x = (min(w.box.x0 for w in run) + max(w.box.x1 for w in run)) / 2
        out.update((id(w), x) for w in run)
    return out


def _sure_syllables(words: Sequence[Word]) -> int:
    """How many of the words are read surely (``SURE_WORD``) and are Vietnamese syllables."""
    n = 0
    for w in words:
        letters = w.text.strip(".,:;-–—'\"()")
        n += w.conf >= SURE_WORD and len(letters) >= 2 and letters.isalpha() and is_syllable(letters)
    return n


def _column_ends(lines: Sequence[Line], width: float, height: float) -> tuple[float, float] | None:
    """Where the band ends in the header's left and right columns: a little above the column's first line
    read surely (a line across both columns, a merged row or the body's, counts for both); a column with
    none in the page's top part (``MAX_BAND``) ends with the other. None when neither has one, or the band
    would be too thin (``MIN_BAND``)."""
    sure = sorted(
        (ln for ln in lines if ln.boxed and len(ln.words) >= SURE_WORDS and ln.conf >= SURE_LINE),
        key=lambda ln: ln.y0,
    )
    ends: list[float | None] = []
    for left in (True, False):
        first = next((ln for ln in sure if _in_column(ln, width, left=left)), None)
        top = None if first is None else first.y0 - 0.1 * (first.y1 - first.y0)
        ends.append(top if first is not None and first.y0 <= MAX_BAND * height else None)
    known = [e for e in ends if e is not None]
    if not known or max(known) < MIN_BAND * height:
        return None
    return (ends[0] if ends[0] is not None else max(known)), (ends[1] if ends[1] is not None else max(known))


def _in_column(line: Line, width: float, *, left: bool) -> bool:
    """The line lies in the header's left (organ) or right (motto) column, or across both."""
    if line.x0 < 0.4 * width and line.x1 > 0.6 * width:
        return True
    return ((line.x0 + line.x1) / 2 < width / 2) == left
