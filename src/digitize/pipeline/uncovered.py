"""Blocks the first reading left out: a second, targeted OCR pass over rows of letters no word covers.

On a blurred photo Tesseract's page layout (``--psm 3``) can take whole blocks of print for pictures and
return nothing for them, and not only under the last line (``dropped``): a licence's bold title ("GIẤY
PHÉP / THIẾT LẬP MẠNG VIỄN THÔNG CÔNG CỘNG") between its number and its body, a "KT. CỤC TRƯỞNG / PHÓ CỤC
TRƯỞNG" beside its "Nơi nhận" (a generated shaken photo, seed 337 alt 005: its type name, subject and
signer's title lost with them).

On a page measured blurred, the OCR image's letter-sized marks that no word box (grown by ``GROW`` of a
letter) covers are gathered into bands of rows. A band of at least ``MIN_MARKS`` such marks, no taller than
``MAX_BAND`` letters (a seal's ring of letters is taller: not print), is read alone as one column
(``--psm 4``; as one block, ``--psm 6``, the centred "GIẤY PHÉP" over its longer line read "CN"); its words
are added to the page when Tesseract is sure of them (``MIN_CONF``) and most of them are Vietnamese
syllables (``MIN_SYLLABLES``), the page's lines put back in reading order. At most ``MAX_BANDS`` bands a
page, the ones with the most marks first. Sharp pages and pages whose letters are all covered are
untouched: no second Tesseract run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

import cv2
import numpy as np
import numpy.typing as npt

from digitize.errors import ToolFailed
from digitize.pipeline import preprocess, regions
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared, char_weighted
from digitize.tools import tesseract

GROW = 0.3  # letters: each word box grown by this much before the marks it covers are taken out
MARK_LOW, MARK_HIGH = 0.4, 2.5  # letters: a mark's height to be a letter (or a word glued by the blur) ...
MARK_WIDE = 8.0  # ... and at most this wide (a rule under a title, a table's line: no letter)
# uncovered letter-sized marks in a band for it to be read (blurred, "QUYẾT ĐỊNH" is 5 marks; a signer's title
# "GIÁM ĐỐC" under a shaken photo's blur is 2, each word's letters glued into one: seed 491 dev 010) ...
MIN_MARKS = 2
FEW_MARKS = 3  # ... and a band of fewer marks than this is taken only read as MIN_FEW_WORDS words at least
MIN_FEW_WORDS = 2  # (a seal's letter read alone as a syllable, "te" at 88, is no line of print)
MAX_BAND = 4.0  # letters: a band taller is no line or two of print (a seal's ring of letters, a signature)
MAX_BANDS = 4  # bands read a page at most, the ones with the most marks first
MAX_MARKS = 5000  # uncovered marks on a page over which it is no print left out (a picture, a pattern)
MAX_PIXELS = 40_000_000  # a larger OCR image is not looked at (its components' labels alone: 160 MB)
MIN_CONF = 75.0  # Tesseract's character-weighted confidence in a band's words for them to be added ...
MIN_SYLLABLES = 0.6  # ... and the share of its words (of letters) that are Vietnamese syllables
MAX_HEADING_WORDS = 4  # ... or, read unsurely, the words of a type's heading ("GIẤY CHỨNG NHẬN"): at most
HEADING_CONF = 50.0  # ... at a confidence of at most this (a type name found so stays in doubt)
NOT_HEADINGS = frozenset({"Công văn"})  # types whose words a stamp prints ("CÔNG VĂN ĐẾN"): no heading found
OVER_READ = 0.3  # share of a band word's box over a first-reading word's for it to be a piece read again
BLOCK = 4000  # added to the blocks of a band's words (kept apart from the first reading's and each other's)


class Band(NamedTuple):
    """A band of rows holding uncovered letter-sized marks, on the OCR image."""

    top: int
    bottom: int
    left: int
    right: int
    marks: int
    centres: tuple[float, ...]  # its marks' centres across (x), left to right


def _bands(ocr: np.ndarray, page: RecognizedPage, scale: float, letter: float) -> list[Band]:
    """The bands of rows holding uncovered letter-sized marks (``Band``), the ones with the most marks first;
    none when the page holds more than ``MAX_MARKS`` of them (a halftone picture, a security background, a
    crafted page of dots: no block of print left out). Array operations only: its time grows with the
    image's pixels, not with marks times bands."""
    _, ink = cv2.threshold(ocr, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    pad = GROW * letter
    for word in page.words:
        b = word.box
        cv2.rectangle(
            ink,
            (int(b.x0 * scale - pad), int(b.y0 * scale - pad)),
            (int(b.x1 * scale + pad), int(b.y1 * scale + pad)),
            0,
            -1,
        )
    _, _, raw, _ = cv2.connectedComponentsWithStats(ink)
    stats: npt.NDArray[np.int64] = np.asarray(raw, np.int64)[1:]  # the background's row left out
    x, y, w, h = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    keep = (h >= MARK_LOW * letter) & (h <= MARK_HIGH * letter) & (w <= MARK_WIDE * letter)
    x, y, w, h = x[keep], y[keep], w[keep], h[keep]
    if not MIN_MARKS <= x.size <= MAX_MARKS:
        return []
    # the rows some mark stands on, as runs: each run a band
    depth = np.zeros(ocr.shape[0] + 1, np.int64)
    np.add.at(depth, y, 1)
    np.add.at(depth, y + h, -1)
    inked = np.cumsum(depth)[:-1] > 0
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inked.astype(np.int8), [0]))))
    tops, bottoms = edges[0::2], edges[1::2]
    band = np.searchsorted(tops, y, side="right") - 1  # each mark's band: the run its top row is in
    count = np.bincount(band, minlength=tops.size)
    left = np.full(tops.size, ocr.shape[1], np.int64)
    right = np.zeros(tops.size, np.int64)
    np.minimum.at(left, band, x)
    np.maximum.at(right, band, x + w)
    chosen = np.flatnonzero((count >= MIN_MARKS) & (bottoms - tops <= MAX_BAND * letter))
    chosen = chosen[np.argsort(-count[chosen], kind="stable")]
    order = np.argsort(band, kind="stable")
    centres = np.split((x + w / 2.0)[order], np.cumsum(count)[:-1])  # each band's marks' centres
    return [
        Band(
            int(tops[k]),
            int(bottoms[k]),
            int(left[k]),
            int(right[k]),
            int(count[k]),
            tuple(float(c) for c in np.sort(centres[k])),
        )
        for k in chosen
    ]


def _over_read(word: Word, read: Sequence[Word]) -> bool:
    """Does ``word`` lie over a word the first reading has (``OVER_READ`` of its box): a piece of a line
    read already (its box left a letter's edge uncovered), read again? ("Cục quản lý dược NLÝ dược": seed
    333 dev 000's organ line with its own end again)."""
    b = word.box
    area = max(1.0, (b.x1 - b.x0) * (b.y1 - b.y0))
    for w in read:
        dx = min(b.x1, w.box.x1) - max(b.x0, w.box.x0)
        dy = min(b.y1, w.box.y1) - max(b.y0, w.box.y0)
        if dx > 0 and dy > 0 and dx * dy >= OVER_READ * area:
            return True
    return False


ROW_SHARE = 0.5  # a word shares a line's row when this share of the lower of the two is common to both


def _into_line(word: Word, read: Sequence[Word]) -> Word:
    """``word`` (read in a band) as a word of the first reading's line it fills a gap of: on that line's row,
    a word of the line left of it and one right of it. A blurred header's "TỈNH YÊN" read in a band between
    the "UBND" and "BÁI" the first reading kept of "UBND TỈNH YÊN BÁI" (seed 363 blur alt 008) made a line of
    its own under them: the organ's lines were read "UBND BÀI / TỈNH YÊN / NỞ VĂN HÓA, THAO VÀ / THẾ"."""
    b = word.box
    lines: dict[tuple[int, int], list[Word]] = {}
    for w in read:
        lines.setdefault((w.block, w.line), []).append(w)
    for (block, line), words in lines.items():
        left = max((w for w in words if w.box.x1 <= b.x0), key=lambda w: w.box.x1, default=None)
        right = min((w for w in words if w.box.x0 >= b.x1), key=lambda w: w.box.x0, default=None)
        # its neighbours on the line share its row (not the line's whole height: a skewed photo's line
        # spans the next line's row at its far end, review 32)
        if left is not None and right is not None and _same_row(b, left.box) and _same_row(b, right.box):
            return replace(word, block=block, line=line)
    return word


LEAD_GAP = 1.0  # the line's letter heights: the most space between a band's word and the line it opens


def _line_start(word: Word, read: Sequence[Word]) -> Word:
    """``word`` (read in a band) as the first word of the first reading's line it may open: none of that
    line's words left of it, the nearest right of it on its row a space away (``LEAD_GAP`` of the line's
    tallest word on its row, not of the band's word, whose box a blur or a pen may swell: not a column
    over). Only a candidate: ``_put_in_lines`` puts it there where it takes the place of that line's slivers.
    A blurred photo's name under the seal's ring, "Đặng Cao Hoài Nhuệ", was read "ng Cao Hoài Nhuệ" (the
    first two words' boxes a sliver of them) and its band "Đang Cao." made a line of its own under it: the
    signer's name was read "Đặng Cao" (wide seed 625 alt 003)."""
    b = word.box
    lines: dict[tuple[int, int], list[Word]] = {}
    for w in read:
        lines.setdefault((w.block, w.line), []).append(w)
    for (block, line), words in lines.items():
        if any(w.box.x1 <= b.x0 for w in words):
            continue
        right = min((w for w in words if w.box.x0 >= b.x1), key=lambda w: w.box.x0, default=None)
        if right is None or not _same_row(b, right.box):
            continue
        # (the line's own height: the nearest word may be a sliver too, "Cao" boxed 21 high of 87)
        letter = max(w.box.y1 - w.box.y0 for w in words if _same_row(b, w.box))
        if right.box.x0 - b.x1 <= LEAD_GAP * max(1.0, letter):
            return replace(word, block=block, line=line)
    return word


INSIDE = 0.7  # share of a first-reading word's box inside a band's word for it to be a piece of that word


def _piece_of(word: Word, added: Sequence[Word]) -> bool:
    """Is ``word`` (the first reading's) a piece of a band's word put on its line: ``INSIDE`` of its box in
    that word's ("ng" in "Đang": the first reading boxed a sliver of the word the band read whole)?"""
    b = word.box
    area = max(1.0, (b.x1 - b.x0) * (b.y1 - b.y0))
    for a in added:
        if (a.block, a.line) != (word.block, word.line):
            continue
        dx = min(b.x1, a.box.x1) - max(b.x0, a.box.x0)
        dy = min(b.y1, a.box.y1) - max(b.y0, a.box.y0)
        if dx > 0 and dy > 0 and dx * dy >= INSIDE * area:
            return True
    return False


def _put_in_lines(added: Sequence[Word], read: Sequence[Word]) -> tuple[list[Word], list[Word]]:
    """The first reading's words kept and the band's words (``added``), each put on the line whose gap it
    fills (``_into_line``) or which it opens (``_line_start``) where it takes the place of slivers of it that
    line has (``_piece_of``: "ng" inside "Đang"), else on a line of its own. Left to right, a word put on a
    line being the next one's neighbour there ("Đang" before "Cao."). The slivers give way, and so do those
    inside a word filling a gap of a line a band's word opened ("Cao" in "Cao."); a word filling another
    line's gap joins it as before. A band word with no sliver of a line inside it is no evidence it is
    that line's first word: "Hà" left of "Nguyễn Văn An" made its name "Hà Nguyễn Văn An"."""
    placed: list[Word] = []
    opened: set[tuple[int, int]] = set()
    for w in sorted(added, key=lambda w: w.box.x0):
        into = _into_line(w, [*read, *placed])
        if into is w:
            start = _line_start(w, [*read, *placed])
            if start is not w and any(_piece_of(r, [start]) for r in read):
                into = start
                opened.add((start.block, start.line))
        placed.append(into)
    joined = [a for a in placed if a.block < BLOCK and (a.block, a.line) in opened]
    return [w for w in read if not _piece_of(w, joined)], placed


def _same_row(a: Box, b: Box) -> bool:
    shared = min(a.y1, b.y1) - max(a.y0, b.y0)
    return shared >= ROW_SHARE * min(a.y1 - a.y0, b.y1 - b.y0)


def _sure(words: list[Word]) -> bool:
    """Did Tesseract read the band surely, as Vietnamese?"""
    lettered = [w for w in words if any(ch.isalpha() for ch in w.text)]
    if not lettered or char_weighted((w.text, w.conf) for w in words) < MIN_CONF:
        return False
    syllables = sum(1 for w in lettered if is_syllable("".join(ch for ch in w.text if ch.isalpha())))
    return syllables >= MIN_SYLLABLES * len(lettered)


def _heading(words: list[Word]) -> list[Word]:
    """The words of a document's heading the band holds, read unsurely or beside marks read as junk: two to
    ``MAX_HEADING_WORDS`` words next to each other on one of its lines, in capitals, that spell a type's name
    exactly (tones aside), with no word in capitals right before or after them on their line ("GIẤY PHÉP"
    read "GIẤY" at 0, "PHÉP" at 7 on a blurred colour photo, seed 485 alt 012; "BÁO CÁO" read surely on the
    row of a received stamp's handwritten "370" read as junk, seed 705 alt 002: their type name and subject
    lost). An organ's or a stamp's line names types among its words ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "TRUNG TÂM
    HƯỚNG DẪN", "CÔNG VĂN ĐẾN", review 40b): those are no heading; nor is "Công văn", a stamp's. The words go
    in at the confidences they were read at, at most ``HEADING_CONF`` (a type name found so stays in doubt);
    [] when the band holds no such run."""
    from digitize.pipeline.fields.layout import type_text

    lines: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        lines.setdefault((w.block, w.line), []).append(w)
    found: list[Word] = []
    for line in lines.values():
        line.sort(key=lambda w: w.box.x0)
        i = 0
        while i < len(line):
            run = _heading_at(line, i, type_text)
            if run:
                found.extend(replace(w, conf=min(w.conf, HEADING_CONF)) for w in run)
                i += len(run)
            else:
                i += 1
    return found


def _heading_at(line: list[Word], i: int, type_text: Callable[[str], tuple[str, float] | None]) -> list[Word]:
    """The heading's words starting at ``line[i]`` (see ``_heading``), [] when none starts there."""
    if i > 0 and _capitals(line[i - 1].text):
        return []
    for j in range(i + 2, min(len(line), i + MAX_HEADING_WORDS) + 1):
        run = line[i:j]
        if not all(_capitals(w.text) for w in run):
            break
        if j < len(line) and _capitals(line[j].text):
            continue
        hit = type_text(" ".join(w.text for w in run))
        if hit is not None and hit[1] >= 1.0 and hit[0] not in NOT_HEADINGS:
            return run
    return []


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# A band whose reading gave no sure words is read once more, enlarged this many times under an unsharp mask as
# wide as the blur measured on its cut (``preprocess.edge_blur``, at least AGAIN_SIGMA px at the band's size)
AGAIN_SCALE = 2.0
AGAIN_SIGMA = (1.0, 3.0)
JUNK_CONF = 50.0  # ... and its marks that are no syllable read under this left out; its words are taken only
# when they cover this share of the band's marks (a word of the line left out as junk, "PHÓ" under a seal's
# ring read "'PRÓ" at 32: "GIÁM ĐỐC" alone is a wrong title; review 41c) ...
MIN_COVER = 0.75
AGAIN_CONF = HEADING_CONF  # ... and at a confidence of at most this: a field built of them stays in doubt


def _junk(word: Word) -> bool:
    """A word of the sharpened reading that is no syllable, read under ``JUNK_CONF``: the seal's ring or the
    pen's stroke beside the band's print, sharpened into marks (".v—" at 0 after "Đặng Quốc Nam")."""
    return word.conf < JUNK_CONF and not is_syllable("".join(ch for ch in word.text if ch.isalpha()))


def _cover(words: Sequence[Word], centres: Sequence[float], scale: float, letter: float) -> float:
    """The share of a band's marks (their ``centres`` across, on the OCR image) some lettered word of
    ``words`` (boxes on the page, grown by ``GROW`` of a letter) stands over; 1 when it has none."""
    if not centres:
        return 1.0
    pad = GROW * letter
    spans = [
        (w.box.x0 * scale - pad, w.box.x1 * scale + pad) for w in words if any(ch.isalpha() for ch in w.text)
    ]
    return sum(1 for c in centres if any(a <= c <= b for a, b in spans)) / len(centres)


def _enlarged(crop: np.ndarray) -> np.ndarray:
    """A band's cut enlarged ``AGAIN_SCALE`` times and sharpened by an unsharp mask as wide as its measured
    blur: a shaken photo's signature block under its seal ("Đặng Quốc Nam", 20 px letters of edges blurred
    1.9 px) read as nothing at all as cut, at any page segmentation, and so at 96 (seed 491 dev 010)."""
    if crop.size == 0:
        return crop
    sigma = min(AGAIN_SIGMA[1], max(AGAIN_SIGMA[0], preprocess.edge_blur(crop)))
    big = cv2.resize(crop, None, fx=AGAIN_SCALE, fy=AGAIN_SCALE, interpolation=cv2.INTER_CUBIC)
    return preprocess.unsharp(big, sigma * AGAIN_SCALE)


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The page with the blocks of print its first reading left out read and added (see the module)."""
    letter = prepared.letter
    if not prepared.blurred or letter <= 0 or prepared.ocr.size > MAX_PIXELS:
        return page
    ocr, scale = prepared.ocr, prepared.scale
    added: list[Word] = []
    for k, (top, bottom, x0, x1, marks, centres) in enumerate(_bands(ocr, page, scale, letter)[:MAX_BANDS]):
        m = round(0.5 * letter)
        cy0, cx0 = max(0, top - m), max(0, x0 - m)
        crop = np.ascontiguousarray(ocr[cy0 : bottom + m, cx0 : x1 + m])
        if regions.no_ink(crop):
            continue
        try:
            tokens = tesseract.image_to_data(crop, lang=lang, psm=4, dpi=round(prepared.dpi), timeout=timeout)
        except ToolFailed:  # a reading that fails (out of time) adds nothing
            continue
        words = regions.page_words(
            tokens, cx0 / scale, cy0 / scale, scale=scale, first_line=0, block=BLOCK * (k + 1)
        )
        words = [w for w in words if not _over_read(w, page.words)]
        cap = 100.0
        if not _sure(words):
            # read again enlarged and sharpened (``_enlarged``): the band's blurred letters read as nothing
            try:
                tokens = tesseract.image_to_data(
                    _enlarged(crop), lang=lang, psm=4, dpi=round(prepared.dpi * AGAIN_SCALE), timeout=timeout
                )
            except ToolFailed:
                tokens = []
            again = regions.page_words(
                tokens,
                cx0 / scale,
                cy0 / scale,
                scale=scale * AGAIN_SCALE,
                first_line=0,
                block=BLOCK * (k + 1),
            )
            again = [w for w in again if not _over_read(w, page.words) and not _junk(w)]
            if _sure(again) and _cover(again, centres, scale, letter) >= MIN_COVER:
                words, cap = again, AGAIN_CONF
        if (
            marks < FEW_MARKS
            and len([w for w in words if any(ch.isalpha() for ch in w.text)]) < MIN_FEW_WORDS
        ):
            continue
        if _sure(words):
            added.extend(replace(w, conf=min(w.conf, cap)) for w in words)
        else:
            added.extend(_heading(words))
    if not added:
        return page
    kept, placed = _put_in_lines(added, page.words)
    from digitize.pipeline.recognize import in_reading_order

    ordered = in_reading_order((*kept, *placed), page.width)
    return replace(page, words=ordered, text=page_text(ordered))
