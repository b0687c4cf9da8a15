"""A coloured rubber stamp over the subject: a second, targeted OCR pass with the stamp's ink taken out.

An incoming-mail stamp ("ĐẾN", its number and date written in pen) is pressed by the clerk where there is room
under the header, often over the first or last words of the type name and the trích yếu. Its ink is purple,
blue or red (``preprocess`` already makes red seal ink pale, not purple or blue), and Tesseract reads the
words under it as junk ("công tác vắt ïÑu, tú”° trữ", "Số: YiệC đẩy mạnh"). Where the first page of a colour
scan has a type name (or, with none read, a line right under the header's date: the stamp over the type name
left it junk, and a công văn's "V/v" lines stand there) and stamp-coloured ink in the rows from it down to
the body, those rows are cut from the scan at its own resolution, every strongly coloured pixel (and the pale
rim around it) made paper, and read again as one block (``--psm 6``); the new words replace the first
reading's in those rows when more of them read as sure Vietnamese syllables. Black print under the stamp
stays black (the stamp's ink multiplies it: dark, no colour), so the words come back whole. A photo taken in
low light is coloured all over, its print too (the camera's noise in its dark pixels, ``print_coloured``):
there the stamp's ink is told by the colour of the ink around each pixel (``ink_colour``), in its box only,
and made paper with the stamp's lighter tone (below): its darker labels and the pen's number go too.

On a scan without colour (an archive's grey scan) the stamp's purple or blue is a mid-grey, lighter than the
black print: there the lighter of the two inks is made paper (``regions.print_tone``). On a bitonal scan
(the stamp as black as the print) the stamp's box is taken out by its shape: its frame's long straight
strokes (a vertical side at least 3 letters tall: no letter, and no rule under a trích yếu, has one), where
they cross the words under them ("quý II năm 2024" read "quý ÏI năm b2" through the box's side). Its words
stay there, and beside a heading that ends left of the box they run the heading's row into the subject's
("TỜ TRÌNH" lost); where that reading is no better, the rows are read once more with the whole box
(``stamp_box`` in the print's ink) made paper, weighed against the first reading outside the box only, the
print under it read back line by line (below), a line that runs into the box and gets nothing back under
it taken in doubt (``_cut_by_box``).

Where the stamp's box is found (``stamp_box``, in the ink taken out or in all the ink), each line of print
that crosses it is read again alone (``_band_lines``): its own rows only, ``--psm 7``, the box's ink over
and under them (its "Ngày:", a date in pen) made paper. Read in a block, the stamp's label under a line's
first word was glued to it ("Nghệ việc" for "Về việc") and a date written under it took the words over it
("Vệ yiêotắng" for "Về việc tăng"); on grey and bitonal scans neither colour nor tone tells them from the
print. The band's words replace the line's when more of them are sure syllables, a word under the box read
surely first kept where the band read it unsure: one more psm 7 reading a line (two where a pen's ink
is in the box on a grey scan, below), on stamped pages only.
When no block reading was taken, the lines are read alone without the first removal tried that shows the
box, the one most worth it (a colour photo's coloured ink, not its tone: "qữả" for "quả"), and the stamp's
own words and unsure marks the band read nothing over ("Ngày:", its date read "5⁄71/⁄ZI|") go. On a grey
scan the number or date written in pen in the box is darker than the stamp's ink (its tone's removal leaves
it) and lighter than the print: over the line's first words it makes them junk ("SðVề Siệe" for "Về việc");
the band is read once more with only the print's own tone in the box (``print_only``), its words taken in
doubt (``BARE_CONF``: the print thinned with the pen's ink) when that reading is the better. Where the
first reading read no sure word under the box, the band's words that are print read in part are taken in
doubt (``BARE_CONF``): two syllables the pen's stroke glued ("cấp,lại"), a syllable's letters without its
marks ("trien", which the corrector may give back), a word of letters between the line's words where the
first read none ("íy" for "ty", the box's side through its "t": no word dropped unseen; the body may
restate it).

A pure function of the prepared page and its first reading. Pages with neither a type name nor a header's
date line under the motto (``_under_date``), and pages with no stamp's ink (nor box) in those rows, are
untouched: no second Tesseract run. A stamped công văn is read again there (0.2-1.2 s more a page).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import cv2
import numpy as np
from rapidfuzz import fuzz

from digitize.errors import ToolFailed
from digitize.pipeline import correct, regions
from digitize.pipeline.fields.layout import read_layout
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.place_date import place_date_start
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.pipeline.syllable import key as syllable_key
from digitize.text import fold, nfc
from digitize.tools import tesseract

CHROMA = 25  # max - min of R, G, B after white balance: a stamp's ink (faded: 25-120) vs black print (< 10)
RIM = 10  # the stamp's pale, unevenly inked parts next to its stronger ink
MIN_INK = 0.002  # share of the rows' pixels in stamp colour for the pass to run (a few letters' worth)
STAMP_LIGHT_SHARE = 0.1
ROWS_BELOW = 4.5  # line heights under the type name: the trích yếu's lines (up to 3) and the line after it


def chroma(rgb: np.ndarray) -> np.ndarray:
    """How coloured each pixel is (max - min channel), after the paper's cast is taken out (the paper's
    colour, the median of the brighter pixels, scaled to white): a yellowish scan's paper is not ink. The
    paper's colour is estimated on every fourth pixel of every fourth row; the scaling and the channel
    spread are OpenCV's saturating uint8 operations (the float version cost ~0.3 s on a 300 dpi strip, on
    every colour first page)."""
    sample = rgb[::4, ::4].reshape(-1, 3).astype(np.float32)
    lum = sample.mean(axis=1)
    bright = sample[lum >= np.percentile(lum, 60)] if lum.size else sample
    paper = np.maximum(np.median(bright, axis=0), 1.0) if bright.size else np.full(3, 255.0, np.float32)
    gains = np.diag(255.0 / paper).astype(np.float32)
    wb = cv2.transform(np.ascontiguousarray(rgb), gains)  # per channel, saturating
    r, g, b = cv2.split(wb)
    out: np.ndarray = cv2.subtract(cv2.max(cv2.max(r, g), b), cv2.min(cv2.min(r, g), b))
    return out


def stamp_mask(rgb: np.ndarray, c: np.ndarray | None = None) -> np.ndarray:
    """Pixels of coloured (stamp or pen) ink and the pale parts around them: uint8 0/255 (``c``: the
    ``chroma`` of ``rgb``, when worked out already)."""
    c = chroma(rgb) if c is None else c
    strong = (c > CHROMA).astype(np.uint8) * 255
    if not strong.any():
        return strong
    near = cv2.dilate(strong, np.ones((7, 7), np.uint8))
    rim = ((c > RIM) & (near > 0)).astype(np.uint8) * 255
    return cv2.bitwise_or(strong, rim)


# percentile of the ink's tones: the darker ink, mostly the print's (a strip's print outweighs a stamp's ink)
PRINT_SHARE = 30
# the darker ink's median chroma from which the print is coloured: a scan's black print is < 5, a photo's in
# low light 10-13 (its noise in the dark, raised by the paper's cast taken out)
PRINT_CHROMA = 8


def print_coloured(c: np.ndarray, grey: np.ndarray) -> bool:
    """The print itself is coloured, pixel by pixel: the darker ink's (``PRINT_SHARE``) median chroma (``c``)
    is ``PRINT_CHROMA`` or more. A photo taken in low light: the camera's noise in its dark pixels is as
    coloured as a faded stamp, and taking every coloured pixel out took the print with it (its reading junk,
    seed 437 alt 003)."""
    level, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = grey[grey < level]
    if ink.size < 50:
        return False
    dark = c[grey <= np.percentile(ink, PRINT_SHARE)]
    return bool(dark.size) and float(np.median(dark)) >= PRINT_CHROMA


INK_SPAN = 0.2  # letters: the square the ink's colour is averaged over (wider than the noise's grain)
# the chroma of the ink's mean colour for it to be a stamp's (a low-light photo's print: < 10 mostly)
INK_CHROMA = 20


def ink_colour(rgb: np.ndarray, letter: float) -> np.ndarray:
    """The ink of a stamp on a photo whose print is coloured too (``print_coloured``): uint8 0/255. Each ink
    pixel (under the paper/ink split of the paper made even, ``flat_paper``) takes the mean colour of the
    ink in the ``INK_SPAN`` square around it, after the paper's cast is taken out (as ``chroma``): the
    camera's noise evens out there, a stamp's colour stays (its navy, its red: ``INK_CHROMA`` and more, the
    print's black less). The paler pixels next to it (lighter than the ink's median tone, 2 pixels around)
    go with it: its soft edges. Empty with no letter size known."""
    out = np.zeros(rgb.shape[:2], np.uint8)
    if not letter >= 4:
        return out
    sample = rgb[::4, ::4].reshape(-1, 3).astype(np.float32)
    lum = sample.mean(axis=1)
    bright = sample[lum >= np.percentile(lum, 60)] if lum.size else sample
    paper = np.maximum(np.median(bright, axis=0), 1.0) if bright.size else np.full(3, 255.0, np.float32)
    wb = np.minimum(rgb.astype(np.float32) * (255.0 / paper), 255.0)
    flat = flat_paper(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), letter)
    level, _ = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = (flat <= level).astype(np.float32)  # (as Otsu splits: a stamp's flat tone at the level is ink)
    if level >= 255 or not ink.any():
        return out
    k = max(3, round(INK_SPAN * letter)) | 1
    total = cv2.blur(wb * ink[..., None], (k, k))
    mean = total / np.maximum(cv2.blur(ink, (k, k)), 1e-3)[..., None]
    stamp = (((mean.max(axis=2) - mean.min(axis=2)) >= INK_CHROMA) & (ink > 0)).astype(np.uint8)
    rim = (cv2.dilate(stamp, np.ones((5, 5), np.uint8)) > 0) & (flat > np.median(flat[ink > 0]))
    out[(stamp > 0) | rim] = 255
    return out


def without_stamp(rgb: np.ndarray) -> np.ndarray:
    """Grey image of ``rgb`` with coloured ink made paper (print under it, dark and colourless, kept)."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    grey[stamp_mask(rgb) > 0] = 255
    return grey


# (0..100) a word of one letter is a sure syllable only read this surely: a stamp's stroke (its box's side, a
# pen's "1") reads as one ("Ì" at 62, seed 363 alt 013), and print's one-letter words ("ở", "ý") are few
ONE_LETTER_SURE = 85.0


def _sure(words: list[Word]) -> int:
    """How many words read as sure Vietnamese syllables (letters only, confidence ≥ 60; one letter alone,
    ``ONE_LETTER_SURE``)."""
    n = 0
    for w in words:
        t = re.sub(r"[^\w]|[\d_]", "", w.text)
        if t and w.conf >= (60 if len(t) > 1 else ONE_LETTER_SURE) and is_syllable(t):
            n += 1
    return n


DASHES = frozenset("-–")
DASH_CONF = 50  # a dash read at least this surely is print ("kinh tế - xã hội"), not a stamp's stroke


def _printed_dash(text: str, conf: float) -> bool:
    """A word that is one dash, read surely: the print's ("kinh tế - xã hội"), kept like a word."""
    return text in DASHES and conf >= DASH_CONF


def _unsure(words: list[Word]) -> int:
    """How many words with letters are not sure Vietnamese syllables (a stamp read as "S5Tình", "Hu")."""
    return sum(1 for w in words if re.sub(r"[^\w]|[\d_]", "", w.text)) - _sure(words)


def _zone(page: RecognizedPage) -> tuple[float, float] | None:
    """(top, bottom) of the rows from the type name (none read: the line under the header's date,
    ``_under_date``) down to where the body begins: the first reading's lines starting within ``ROWS_BELOW``
    line heights under it, the cut between two lines (a line cut through reads as junk)."""
    lines = regions.lines_of(page)
    if not lines or not lines[0].boxed:
        return None
    layout = read_layout(lines)
    type_i = layout.type_i if layout.type_i is not None else _under_date(lines, layout.motto_i)
    if type_i is None:
        return None
    tl = lines[type_i]
    h = max(1.0, tl.y1 - tl.y0)
    lost = _lost_rows(lines, layout.type_i, type_i)
    if lost is not None:
        tl = replace(tl, y0=lost[0])  # read from under the date line
    rows = [ln for ln in lines if ln.y0 >= tl.y0 - 0.5 * h and ln.y0 < tl.y1 + ROWS_BELOW * h]
    if not rows:  # a type line whose box is no box (NaN, upside down): no rows to read again
        return None
    bottom = max(ln.y1 for ln in rows)
    under = [ln.y0 for ln in lines if ln.y0 >= tl.y1 + ROWS_BELOW * h]
    if under:
        bottom = min(bottom + 0.3 * h, max(bottom, min(under) - 1))
    if (end := _block_top(lines, tl)) is not None:
        bottom = min(bottom, end - 1)
    top, bottom = max(0.0, tl.y0 - 0.3 * h), min(page.height, bottom)
    return (top, bottom) if math.isfinite(top) and math.isfinite(bottom) and bottom > top else None


def _block_top(lines: Sequence[Line], tl: Line) -> float | None:
    """The top of the page's end under ``tl`` (the zone's first line): its recipients' list ("Nơi nhận") or
    its signature block's title (with the authority's line over it, "KT. GIÁM ĐỐC"), whichever is higher;
    None without either. No row of the type name and subject is there: a short công văn's body (no type
    name, the zone read from the line under the date) ran the zone into its signature block, whose title
    the block's reading lost ("PHÓ GIÁM ĐỐC" beside the seal, seed 817 corp 004: no title, so no name
    read again under it)."""
    from digitize.pipeline.fields.signer import AUTH_PREFIXES, list_line, title_line

    tops = []
    if (nn := list_line(lines)) is not None and nn.y0 > tl.y1:
        tops.append(nn.y0)
    if (title := title_line(lines)) is not None and title.y0 > tl.y1:
        tops.append(title.y0)
        h = max(1.0, title.y1 - title.y0)
        # the authority's line right over the title ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"; a speck may lead it)
        over = [
            ln
            for ln in lines
            if tl.y1 < ln.y0 < title.y0
            and title.y0 - ln.y1 < h
            and ln.x1 > title.x0
            and ln.x0 < title.x1
            and any(fold(w.text).strip(".,:") in AUTH_PREFIXES for w in ln.words[:2])
        ]
        tops += [ln.y0 for ln in over]
    return min(tops) if tops else None


# line heights between the header's date line and the line read under it for rows between to be lost ones
LOST_ROWS = 3.0
LOST_CONF = 55.0  # (0..100) the most a word read again in such rows is sure of: no reading checked it


def _lost_rows(lines: Sequence[Line], type_i: int | None, under_i: int | None) -> tuple[float, float] | None:
    """(top, bottom) of the rows between the header's date line and the line read under it (``under_i``,
    ``_under_date``) when no type name was read (``type_i``) and they stand more than ``LOST_ROWS`` line
    heights apart with no line read between them in any column: the type name and the subject the page's
    reading lost whole (a stamp beside them made its layout take the block for a picture: seed 297 dev 001
    read nothing between the date and the body); None otherwise."""
    if type_i is not None or under_i is None or under_i < 1 or under_i >= len(lines):
        return None
    date, tl = lines[under_i - 1], lines[under_i]
    h = max(1.0, tl.y1 - tl.y0)
    if not (math.isfinite(date.y1) and math.isfinite(tl.y0)) or tl.y0 - date.y1 <= LOST_ROWS * h:
        return None
    top, bottom = date.y1 + 0.5 * h, tl.y0 - 0.2 * h
    if any(top <= (ln.y0 + ln.y1) / 2 <= bottom for ln in lines):
        return None  # a line read there (a công văn's "V/v" under its number, beside the date): none lost
    return top, bottom


# the header's date line is at most this many lines under the motto (its second line, a wrapped place)
DATE_AFTER_MOTTO = 4


def _under_date(lines: Sequence[Line], motto_i: int | None) -> int | None:
    """The line right under the header's date line ("<place>, ngày … năm …", at most ``DATE_AFTER_MOTTO``
    lines under the motto), where the type name stands, when no line read as one: a stamp pressed over the
    type name leaves it junk ("2 THỊ 2 ` z `" for "CHỈ THỊ", seed 87 dev 001), and with no type name its
    rows were never read again. None without a motto or such a date line."""
    if motto_i is None:
        return None
    for i in range(motto_i + 1, min(len(lines) - 1, motto_i + 1 + DATE_AFTER_MOTTO)):
        if place_date_start(lines[i].text) is not None:
            return i + 1
    return None


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 60.0
) -> RecognizedPage:
    """The first page with its type name and subject rows read again without a stamp over them: its
    coloured ink made paper on a colour scan, its lighter tone on a grey one, its box on a bitonal one."""
    if page.index != 0:
        return page
    zone = _zone(page)
    if zone is None:
        return page
    y0, y1 = zone
    x0, x1 = 0.0, float(page.width)
    if int(x1 - x0) < 8 or int(y1 - y0) < 8:
        return page
    dpi = round(prepared.dpi / prepared.scale)

    def inside(w: Word) -> bool:
        return y0 <= (w.box.y0 + w.box.y1) / 2 <= y1

    old = [w for w in page.words if inside(w)]
    letter = regions.letter_height(page.words)
    tried: list[tuple[np.ndarray, np.ndarray, bool]] = []
    for before, grey, by_box, blank in _block_readings(prepared, x0, y0, x1, y1, letter):
        if blank is None:  # (the box made paper is the same removal read again: tried once)
            tried.append((before, grey, by_box))
        block = grey
        if blank is not None:  # the box made paper: its words and the print under it read by the bands
            block = grey.copy()
            block[blank[1] : blank[3], blank[0] : blank[2]] = 255
        try:
            # read as the first reading saw the rows (sharpened on a blurred page)
            tokens = tesseract.image_to_data(
                regions.sharpened(prepared, block), lang=lang, psm=6, dpi=dpi, timeout=timeout
            )
        except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
            return page
        rows: dict[tuple[int, int, int], list[Word]] = {}
        for t in tokens:
            text = nfc(t.text).strip()
            if t.conf < 0 or not (any(ch.isalnum() for ch in text) or _printed_dash(text, t.conf)):
                continue
            box = Box(x0 + t.left, y0 + t.top, x0 + t.left + t.width, y0 + t.top + t.height)
            rows.setdefault((t.block, t.par, t.line), []).append(Word(text=text, conf=t.conf, box=box))
        rows = _without_ghosts(rows, letter)
        new = [w for ws in rows.values() for w in ws]
        # the first reading's words that were the stamp's own ("Số", "Ngày", "Chuyển": its ink, now paper)
        # are no print the second reading lost
        printed = _print_words(old, before, block, x0, y0)
        if blank is not None:  # weighed on the print both read there: outside the box
            new, printed = _off_box(new, blank, x0, y0), _off_box(printed, blank, x0, y0)
        if (_sure(new), -_unsure(new)) <= (_sure(printed), -_unsure(printed)):
            continue  # the reading without the stamp is no better (as many sure words, as much junk)
        # a sure word of the first reading read again glued to the stamp's marks stands as first read
        rows = {k: [_unglued(w, old) for w in ws] for k, ws in rows.items()}
        # ... as does one the block read split in two over each other ("độn" and "ng" for "động")
        rows = _rejoined(rows, old)
        # ... and one the block read as marks only (the pen's stroke over it: "FP" at 36 for "chế" at 97)
        if not by_box:  # (the box's sides alone taken out: the stamp's words keep their ink)
            rows = _sure_over_marks(rows, old, _ink_kept(before, block, x0, y0))
        again = _replace_rows(page, inside, [rows[k] for k in sorted(rows)])
        if by_box and not _subject_cleaner(_subject_of(again), _subject_of(page)):
            # the stamp's words are still there (only its box's sides were taken out): a reading of the
            # whole strip may run them into the subject's row ("VÀ ki TS Tà … SỐ: 2785 Về việc …"); taken
            # only when the subject itself reads with fewer marks that are no words
            continue
        again = _through_stamp(again, inside, before, grey, x0, y0, letter)
        # the box in this removal's rows, the one the block reading was taken from (no later removal is
        # tried once a block reading is taken: its box, two-sided or by its corner, is this removal's)
        marks = [*page.words, *again.words]
        found = _band_box(prepared, before, grey, y0, letter) or _band_box(
            prepared, before, grey, y0, letter, corner=True, words=marks, by_box=by_box
        )
        if found is not None:
            again = _band_lines(
                prepared, again, inside, before, grey, y0, letter, lang=lang, timeout=timeout, found=found
            )
            again = _hidden_under_box(again, inside, found, y0, letter)
        if blank is not None:
            again = _cut_by_box(again, inside, blank, x0, y0, letter)
        return _lost_in_doubt(page, again)
    # no block reading taken: the lines are read alone without the first removal tried that shows the
    # stamp's box, in the order they are worth it (a colour photo's coloured ink before its tone: "qữả" for
    # "quả" without the tone; the tone where the box was not found without the colour)
    # (a box of one side with its corner last, where no removal shows one with two: seed 337 alt 009's
    # colour removal showed a corner, the tone's the box)
    for corner in (False, True):
        for before, grey, by_box in tried:
            if (
                found := _band_box(
                    prepared, before, grey, y0, letter, corner=corner, words=page.words, by_box=by_box
                )
            ) is not None:
                again = _band_lines(
                    prepared, page, inside, before, grey, y0, letter, lang=lang, timeout=timeout, found=found
                )
                return _hidden_under_box(again, inside, found, y0, letter)
    return page


GHOST_HEIGHT = 0.5  # letters: a line read in a block whose words' boxes are mostly this short is no print's
_RULE_ONLY = re.compile(r"[-‐‑‒–—―_=.·]+")  # a word of dashes alone: a rule's or a dash line's, however thin


def _without_ghosts(
    rows: dict[tuple[int, int, int], list[Word]], letter: float
) -> dict[tuple[int, int, int], list[Word]]:
    """The block's lines without a ghost: a line whose words' boxes are for the most part slivers (median
    height under ``GHOST_HEIGHT`` letters) standing inside the rows of another line read at full height, half
    its words at least over that line's words (a line of dashes alone, a rule's, stands: REVIEW-40d).
    Tesseract read the tops of a line's letters again as a line of their own where the stamp's box, made
    paper, left its letters' marks apart ("vÊMÍRÍ ổấp Giấy chứng nhận hạ lết bị viễn thổ", words 6-11 px
    tall over "Về việc cấp Giấy chứng nhận hợp quy thiết bị viễn thông" at 53): its words, some read
    surely, counted twice for the block and took a row of the subject's place."""
    if letter <= 0:
        return _without_twins(rows)

    def height(ws: list[Word]) -> float:
        return statistics.median(w.box.y1 - w.box.y0 for w in ws)

    def across(w: Word, o: list[Word]) -> bool:
        return any(min(w.box.x1, q.box.x1) > max(w.box.x0, q.box.x0) for q in o)

    full = [ws for ws in rows.values() if ws and height(ws) >= GHOST_HEIGHT * letter]
    out = {}
    for k, ws in rows.items():
        if ws and height(ws) < GHOST_HEIGHT * letter and not all(_RULE_ONLY.fullmatch(w.text) for w in ws):
            mid = statistics.median((w.box.y0 + w.box.y1) / 2 for w in ws)
            if any(
                min(w.box.y0 for w in o) <= mid <= max(w.box.y1 for w in o)
                and 2 * sum(across(w, o) for w in ws) >= len(ws)
                for o in full
            ):
                continue
        out[k] = ws
    return _without_twins(out)


def _crossed(w: Word, o: list[Word]) -> list[Word]:
    """``o``'s words across ``w``'s columns."""
    return [q for q in o if min(w.box.x1, q.box.x1) > max(w.box.x0, q.box.x0)]


# a line standing on another's print is that print read twice only when its letters are like the words it
# covers (rapidfuzz ratio, folded): "IOI SỐ" over "đổi số", not "hóa chất" under "Số: 1234"
TWIN_LIKE = 60


def _twin_of(ws: list[Word], o: list[Word]) -> bool:
    """``ws`` stands on ``o``'s print: each of its words across a word of ``o``'s, half of them at least with
    their middle inside the rows of such a word, its letters like theirs (``TWIN_LIKE``), and read less
    surely (their mean) than the words of ``o``'s they cross, none of which is a stamp's own word as the
    stamp prints it ("Số:", "ĐẾN": a line of print under a stamp's line is no twin of it)."""
    crossed = [_crossed(w, o) for w in ws]
    if not all(crossed):
        return False
    covered = sorted({id(q): q for c in crossed for q in c}.values(), key=lambda q: q.box.x0)
    if any(_stamp_own(q.text) and (q.text[:1].isupper() or q.text.endswith(":")) for q in covered):
        return False
    mine = fold(" ".join(w.text for w in ws)).lower()
    if fuzz.ratio(mine, fold(" ".join(q.text for q in covered)).lower()) < TWIN_LIKE:
        return False
    inside = sum(
        any(q.box.y0 <= (w.box.y0 + w.box.y1) / 2 <= q.box.y1 for q in c)
        for w, c in zip(ws, crossed, strict=True)
    )
    if 2 * inside < len(ws):
        return False
    theirs = {id(q): q.conf for c in crossed for q in c}
    return statistics.fmean(w.conf for w in ws) < statistics.fmean(theirs.values())


def _without_twins(rows: dict[tuple[int, int, int], list[Word]]) -> dict[tuple[int, int, int], list[Word]]:
    """The block's lines without a line that is another's print read twice (``_twin_of``). Where the stamp's
    box, made paper, split a line's letters Tesseract read their feet again as a line of its own ("đổi số" and
    "IOI SỐ" under it, 8 pixels down, at 0 and 95: seed 517 dev 000), which ran on the subject."""
    keys = [k for k, ws in rows.items() if ws]
    twins = {k for k in keys if any(o != k and _twin_of(rows[k], rows[o]) for o in keys)}
    return {k: ws for k, ws in rows.items() if k not in twins}


HIDDEN_ROWS = 1.5  # letters under a line's foot: the rows of the line after it (a heading's lines' pitch)
HIDDEN_SPAN = 2.0  # letters either side of a line's centre: a short last line of a heading ("tỉnh Yên Bái")


def _hidden_under_box(
    page: RecognizedPage,
    inside: Callable[[Word], bool],
    box: tuple[int, int, int, int],
    y0: float,
    letter: float,
) -> RecognizedPage:
    """``page`` with the words of each line ``inside`` the rows read again (two sure syllables or more) at
    ``BARE_CONF`` at most when the stamp's ``box`` (of the rows cut, their top at ``y0``; letters
    ``letter`` px high) covers the rows under it (``HIDDEN_ROWS`` letters under its foot) round its centre
    (``HIDDEN_SPAN`` letters either side) and nothing on those rows was read as a syllable (the stamp's own
    words aside): the next line of a centred heading may lie wholly under the box, read as junk, and the
    subject ended above it ("… trên địa bàn" at 0.93, its last line "tỉnh Yên Bái" under the box read "DI
    Miu lẩu", review 33 H1). The line is no sure end."""
    bx0, by0, bx1, by1 = box[0], box[1] + y0, box[2], box[3] + y0
    lines: dict[int, list[Word]] = {}
    for w in page.words:
        if inside(w):
            lines.setdefault(w.line, []).append(w)
    hidden = set()
    for ln, ws in lines.items():
        if _sure(ws) < 2:
            continue
        firm = [w for w in ws if w.conf > LINE_SURE] or ws
        foot = float(np.median([w.box.y1 for w in firm]))
        centre = (min(w.box.x0 for w in ws) + max(w.box.x1 for w in ws)) / 2
        if not (bx0 <= centre - HIDDEN_SPAN * letter and centre + HIDDEN_SPAN * letter <= bx1):
            continue  # the box leaves the rows under the line's middle: what is there was read
        if not (by0 <= foot + 0.5 * letter and foot + HIDDEN_ROWS * letter <= by1):
            continue  # the box does not cover the rows under the line
        if any(
            foot < (w.box.y0 + w.box.y1) / 2 <= foot + HIDDEN_ROWS * letter
            and _sure([w])
            and not _stamp_own(w.text)
            for w in page.words
            if w.line != ln
        ):
            continue  # a line read on the rows under it: the page's reading goes on there
        hidden.add(ln)
    if not hidden:
        return page
    words = tuple(
        replace(w, conf=min(w.conf, BARE_CONF)) if w.line in hidden and inside(w) else w for w in page.words
    )
    return replace(page, words=words)


def _lost_in_doubt(page: RecognizedPage, again: RecognizedPage) -> RecognizedPage:
    """``again`` with the words it read in rows the first reading (``page``) lost whole (``_lost_rows``) no
    surer than ``LOST_CONF``: read once, under or beside a stamp ("Đà Hãng" for "Đà Nẵng" by its "ĐẾN"), a
    person checks them."""
    lines = regions.lines_of(page)
    if not lines or not lines[0].boxed:
        return again
    layout = read_layout(lines)
    lost = _lost_rows(lines, layout.type_i, _under_date(lines, layout.motto_i))
    if lost is None:
        return again

    def capped(w: Word) -> Word:
        mid = (w.box.y0 + w.box.y1) / 2
        return replace(w, conf=min(w.conf, LOST_CONF)) if lost[0] <= mid <= lost[1] else w

    words = tuple(capped(w) for w in again.words)
    return again if words == again.words else replace(again, words=words)


def _unglued(w: Word, old: list[Word]) -> Word:
    """``w`` (read again without the stamp) as the first reading read it (``old``) where it read there, surely
    (``PRINT_SURE``), the word ``w`` begins or ends with, and ``w`` is read unsure (below ``SURE_READ``): the
    stamp's ink left (its rim, a pen stroke) glued to the word ("2019“YF" at 10 for "2019" read at 97 first,
    seed 161 alt 002)."""
    if w.conf >= SURE_READ or is_syllable(w.text):
        return w
    for o in old:
        if o.conf < PRINT_SURE or len(w.text) <= len(o.text) or not _overlap(w, o):
            continue
        # what ``w`` has beyond ``o`` must begin with a mark at the junction ("2019“YF"), not go on with the
        # word's letters: a first reading the stamp cut short ("côn" of "công", "201" of "2019") is no glue
        if w.text.startswith(o.text) and not w.text[len(o.text)].isalnum():
            return replace(w, text=o.text, conf=o.conf, box=o.box)
        if w.text.endswith(o.text) and not w.text[-len(o.text) - 1].isalnum():
            return replace(w, text=o.text, conf=o.conf, box=o.box)
    return w


def _rejoined(
    rows: dict[tuple[int, int, int], list[Word]], old: list[Word]
) -> dict[tuple[int, int, int], list[Word]]:
    """The rows read again (``rows``) with a sure word of the first reading (``old``, ``PRINT_SURE``, none of
    the stamp's own words) read split in two over each other: a syllable of its first (or last) letters, and
    the rest read unsure (below ``SURE_READ``) as a word of its own, on its row or the next (its lower
    letters' row), whose box runs into that syllable's and on to the first word's end ("độn" at 96 on its row
    and "ng" at 9 on the row under it over "động" read at 96 first: "Kết quả hoạt độn" held at 0.96, seed 847
    corp 002). Tesseract read one place twice, the word cut short in one: the first reading's word stands in
    the syllable's place, the rest goes. Rows with no such pair, or with more words than their lines hold
    (``LINE_WORDS_MAX`` a row: specks), are as read."""
    words = [w for ws in rows.values() for w in ws]
    if len(words) > LINE_WORDS_MAX * max(1, len(rows)):
        return rows
    letters = {id(w): (_letters(w.text) or "").lower() for w in words}
    heads = [w for w in words if letters[id(w)] and _clean(w)]
    rests = [w for w in words if letters[id(w)] and w.conf < SURE_READ]
    firsts = [
        (o, theirs)
        for o in old
        if o.conf >= PRINT_SURE
        and not _stamp_own(o.text)
        and is_syllable(theirs := (_letters(o.text) or "").lower())
    ]
    if not heads or not rests or not firsts:
        return rows
    # (the rest's box runs into the syllable's: looked for among the words starting within the widest's
    # width of it, by their left side, not among all)
    rests.sort(key=lambda j: j.box.x0)
    starts = [j.box.x0 for j in rests]
    widest = max(j.box.x1 - j.box.x0 for j in rests)
    swap: dict[int, Word] = {}
    gone: set[int] = set()
    for w in heads:
        mine = letters[id(w)]
        if id(w) in gone:
            continue
        near = rests[bisect.bisect_left(starts, w.box.x0 - widest) : bisect.bisect_left(starts, w.box.x1)]
        for j in near:
            rest = letters[id(j)]
            if j is w or id(j) in gone or id(j) in swap:
                continue
            if min(w.box.y1, j.box.y1) <= max(w.box.y0, j.box.y0):
                continue  # rows apart: no piece of the same word
            inner = min(w.box.x1, j.box.x1) - max(w.box.x0, j.box.x0)
            if inner <= 0 or (j.box.x0 <= w.box.x0 and j.box.x1 >= w.box.x1):
                continue  # side by side, or ``j`` over the whole word: no piece of it
            right = j.box.x1 > w.box.x1
            head, tail = (mine, rest) if right else (rest, mine)
            lo, hi = min(w.box.x0, j.box.x0), max(w.box.x1, j.box.x1)
            pad = 0.25 * (w.box.y1 - w.box.y0)
            o = next(
                (
                    o
                    for o, theirs in firsts
                    if len(theirs) > len(mine)
                    and theirs.startswith(head)
                    and theirs.endswith(tail)
                    and o.box.x0 <= lo + pad
                    and o.box.x1 >= hi - pad
                    and _overlap(w, o)
                    and min(w.box.y1, o.box.y1) > max(w.box.y0, o.box.y0)
                ),
                None,
            )
            if o is not None:
                swap[id(w)] = replace(w, text=o.text, conf=o.conf, box=o.box)
                gone.add(id(j))
                break
    if not swap:
        return rows
    return {k: [swap.get(id(w), w) for w in ws if id(w) not in gone] for k, ws in rows.items()}


def _unmarked(w: Word) -> bool:
    """A word read as letters only (a mark at its ends at most) that are a syllable's with its tone and vowel
    marks dropped ("quoc"): print read in part, no stamp's mark."""
    from digitize.pipeline.syllable import skeleton

    t = _letters(w.text) or ""
    return len(t) > 1 and w.text.strip(".,;:") == t and skeleton(t.lower()) in correct.load().frequent


# the words of an incoming stamp's title ("CÔNG VĂN ĐẾN"), none of the print's where read over its marks
_STAMP_TITLE = frozenset({"cong", "van", "den"})


def _sure_over_marks(
    rows: dict[tuple[int, int, int], list[Word]], old: list[Word], kept: Callable[[Word], bool]
) -> dict[tuple[int, int, int], list[Word]]:
    """The rows read again (``rows``) with a word of the first reading (``old``) read surely
    (``PRINT_SURE``) as a syllable of two letters or more whose ink is still there with the stamp taken out
    (``kept``: print, not the stamp's own words, "CÔNG VĂN ĐẾN" of its title read surely first over the
    subject's rows; none of them either, a second guard) read again as marks only: every word over it
    (``_overlap``, on its rows) no syllable, read unsure (below ``SURE_READ``), and one at least ("FP" at 36
    over "chế" at 97, the stamp's pen stroke through it: "Về việc độ bồi dưỡng …" for "Về chế độ …", seed 845
    corp 008). The first reading's word stands in their place, as first read, in the row of the words beside
    it on its rows, in order. A word the second reading read nothing over, a syllable over, or a syllable's
    letters without its marks (``_unmarked``: "quoc" over "đuốc", the print read better), is as read again;
    so are rows of more words than their lines hold (``LINE_WORDS_MAX`` a row: specks)."""
    words = [w for ws in rows.values() for w in ws]
    if len(words) > LINE_WORDS_MAX * max(1, len(rows)):
        return rows
    marks = {id(w) for w in words if not _clean(w) and w.conf < SURE_READ and not _unmarked(w)}
    if not marks:
        return rows
    home = {id(w): k for k, ws in rows.items() for w in ws}
    # (a word over ``o`` starts within the widest word's width of it: looked for by their left sides)
    words.sort(key=lambda w: w.box.x0)
    starts = [w.box.x0 for w in words]
    widest = max(w.box.x1 - w.box.x0 for w in words)
    gone: set[int] = set()
    back: list[tuple[Word, Word]] = []
    for o in old:
        mine = _letters(o.text) or ""
        if o.conf < PRINT_SURE or len(mine) < 2 or not _clean(o) or _stamp_own(o.text):
            continue
        if fold(mine).lower() in _STAMP_TITLE or not kept(o):
            continue
        near = words[bisect.bisect_left(starts, o.box.x0 - widest) : bisect.bisect_left(starts, o.box.x1)]
        over = [
            w
            for w in near
            if _overlap(w, o) and min(w.box.y1, o.box.y1) > max(w.box.y0, o.box.y0) and id(w) not in gone
        ]
        if not over or any(id(w) not in marks for w in over):
            continue
        gone.update(id(w) for w in over)
        back.append((o, over[0]))
    if not back:
        return rows
    out = {k: [w for w in ws if id(w) not in gone] for k, ws in rows.items()}
    for o, first in back:

        def shared(k: tuple[int, int, int], o: Word = o) -> int:
            # the row's words on the word's rows (half its height at least)
            return sum(
                1 for x in out[k] if min(x.box.y1, o.box.y1) - max(x.box.y0, o.box.y0) >= 0.5 * _height(o)
            )

        best = max(out, key=shared)
        row = out[best if shared(best) else home[id(first)]]
        # after the row's words whose middle is left of its
        at = sum(1 for x in row if x.box.x0 + x.box.x1 < o.box.x0 + o.box.x1)
        row.insert(at, replace(first, text=o.text, conf=o.conf, box=o.box))
    return out


# share of a word's ink the stamp's removal took for its reading to be no sure one, and the confidence it is
# then read at, at most: below ``correct.HIGH_CONF``, so that the corrector may weigh it against its context
TAKEN_SHARE = 0.1
THROUGH_CONF = 85.0
LIGHTENED = 40  # grey levels a pixel is made lighter by for it to be taken out (the stamp's, or print's)
STROKE_AREA = 1.0  # letters' height: a piece of the stamp's own strokes at least this many pixels (x letter)


def _through_stamp(
    page: RecognizedPage,
    inside: Callable[[Word], bool],
    before: np.ndarray,
    after: np.ndarray,
    x0: float,
    y0: float,
    letter: float,
) -> RecognizedPage:
    """``page`` with the words read again (``inside`` the rows ``before``, their top-left at (x0, y0) of
    the page) that lost ``TAKEN_SHARE`` of their ink with the stamp's (``after``: the rows without it) read at
    ``THROUGH_CONF`` at most. The stamp's stroke took the print's ink where it crossed a letter: the word is
    read surely all the same, a letter short or changed ("chữa hệnh" for "chữa bệnh", the box's side over
    the "b"), and a sure word is one the corrector keeps. Only ink taken near the stamp's own strokes
    (``_near_stamp``, letters ``letter`` px high) counts: on a grey scan the tone's removal also thins the
    soft edges of print far from the stamp, which reads as it did."""
    level, _ = cv2.threshold(before, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = before < level
    taken = ink & (after >= level) & _near_stamp(before, after, level, letter)
    words = []
    for w in page.words:
        if inside(w) and w.conf > THROUGH_CONF:
            bx0, by0 = max(0, int(w.box.x0 - x0)), max(0, int(w.box.y0 - y0))
            bx1, by1 = math.ceil(w.box.x1 - x0), math.ceil(w.box.y1 - y0)
            had = int(np.count_nonzero(ink[by0:by1, bx0:bx1]))
            if had and np.count_nonzero(taken[by0:by1, bx0:bx1]) >= TAKEN_SHARE * had:
                w = replace(w, conf=THROUGH_CONF)
        words.append(w)
    return replace(page, words=tuple(words))


def _near_stamp(before: np.ndarray, after: np.ndarray, level: float, letter: float) -> np.ndarray:
    """Where the stamp lay: within a letter's height (``letter`` px) of its own strokes, the pixels made
    ``LIGHTENED`` lighter in ``after`` more than 3 pixels from any ink left there (``level``: the paper's),
    in pieces of ``STROKE_AREA`` letters' height of pixels or more. The soft edges of print the tone's removal
    lightens lie next to the print left, and are no stamp's."""
    r = max(1, round(letter)) if letter >= 1 else 8
    lightened = (after.astype(np.int16) - before.astype(np.int16)) >= LIGHTENED
    left = (after < level).astype(np.uint8)
    own = (lightened & (cv2.dilate(left, np.ones((7, 7), np.uint8)) == 0)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(own, connectivity=8)
    if n <= 1:
        return np.zeros(before.shape, bool)
    big = stats[:, cv2.CC_STAT_AREA] >= STROKE_AREA * r
    big[0] = False
    strokes = big[labels].astype(np.uint8)
    near: np.ndarray = cv2.dilate(strokes, np.ones((2 * r + 1, 2 * r + 1), np.uint8)) > 0
    return near


KEPT_INK = 0.5  # share of a word's ink left once the stamp is taken out for the word to be the page's print
# ... or a word read surely as a Vietnamese syllable that is none of an incoming stamp's own words: the tone
# split may take faint print for the stamp's ink, and a second reading that lost such a word is no better
PRINT_SURE = 85.0
_STAMP_OWN = frozenset({"so", "ngay", "den", "chuyen", "luu", "ho", "gio"})


def _print_words(
    words: list[Word], before: np.ndarray, after: np.ndarray, x0: float, y0: float
) -> list[Word]:
    """The ``words`` (read on the rows ``before``, their top-left at (x0, y0) of the page) that are print:
    their ink is still there in ``after`` (the rows with the stamp taken out, ``_ink_kept``), or read surely
    as a syllable that is none of the stamp's own words (``PRINT_SURE``). A word read from the stamp's own
    ink ("Số:", "Ngày:", its date in pen) is gone in ``after``."""
    kept = _ink_kept(before, after, x0, y0)
    out = []
    for w in words:
        letters = re.sub(r"[^\w]|[\d_]", "", w.text)
        own = fold(letters).lower()
        if (
            w.conf >= PRINT_SURE
            and letters
            and is_syllable(letters)
            and not any(s.startswith(own) for s in _STAMP_OWN)  # nor one cut short: "Chuy"
        ) or kept(w):
            out.append(w)
    return out


def _ink_kept(before: np.ndarray, after: np.ndarray, x0: float, y0: float) -> Callable[[Word], bool]:
    """Whether a word (its box on the page; the rows ``before`` and ``after`` cut at (x0, y0)) keeps
    ``KEPT_INK`` of its ink (``before``'s dark pixels in its box) in ``after`` (the stamp taken out), or had
    none."""
    level, _ = cv2.threshold(before, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink_before, ink_after = before < level, after < level

    def kept(w: Word) -> bool:
        bx0, by0 = max(0, int(w.box.x0 - x0)), max(0, int(w.box.y0 - y0))
        bx1, by1 = math.ceil(w.box.x1 - x0), math.ceil(w.box.y1 - y0)
        ink = int(np.count_nonzero(ink_before[by0:by1, bx0:bx1]))
        return not ink or bool(np.count_nonzero(ink_after[by0:by1, bx0:bx1]) >= KEPT_INK * ink)

    return kept


def _subject_of(page: RecognizedPage) -> str | None:
    from digitize.pipeline.fields import extract

    return extract([page]).values()["subject"]


def _marks(text: str) -> int:
    """How many words of ``text`` are neither Vietnamese syllables nor numbers ("ÏÏ", "Itwẩn:", "ˆ")."""
    n = 0
    for w in text.split():
        letters = re.sub(r"[^\w]|[\d_]", "", w)
        if (letters and not is_syllable(letters)) or (not letters and not any(ch.isdigit() for ch in w)):
            n += 1
    return n


def _syllables(text: str) -> int:
    """How many words of ``text`` are Vietnamese syllables (their letters)."""
    return sum(1 for w in text.split() if (letters := re.sub(r"[^\w]|[\d_]", "", w)) and is_syllable(letters))


def _subject_cleaner(new: str | None, old: str | None) -> bool:
    """The subject read again has fewer marks that are no words than the first (or the first had none), and
    a third of its words read as syllables at least (the first may have run on into the body's first
    paragraph: "… quý ÏÏ KẾ ÁN Thực hiện chỉ đạo của cấp trên, …"): the stamp's "Số:" row read as junk on a
    row of its own over the subject's first line was taken for the subject ("sẽ.“ 2 r" for "Về việc đẩy
    mạnh … hồ s", stamp seed 441 dev 008: fewer marks, the subject lost)."""
    if not new:
        return False
    return (
        not old
        or (_marks(new) < _marks(old) and 3 * _syllables(new) >= _syllables(old))
        or _words_put_back(new, old)
    )


LOST_INSIDE = 3  # words at most the first reading lost inside its subject that a second reading puts back


def _words_put_back(new: str, old: str) -> bool:
    """``new`` is the subject ``old`` with one run of up to ``LOST_INSIDE`` words put back between two of its
    words ("… tài liệu [lưu trữ] năm 2022": the first reading lost them under the stamp box's side, seed 595
    dev 003), each a syllable in small letters, no more marks that are no words: the stamp's words run into
    the subject's row stand at its ends ("SỐ: 2785 Về việc …"), with their colon, digits or capitals."""
    a, b = old.split(), new.split()
    k = len(b) - len(a)
    if not 0 < k <= LOST_INSIDE or _marks(new) > _marks(old):
        return False
    i = next((j for j in range(len(a)) if a[j] != b[j]), len(a))
    put = b[i : i + k]
    if not (0 < i < len(a) and b[i + k :] == a[i:]):
        return False
    if not all(w.isalpha() and w.islower() and len(w) >= 2 and is_syllable(w) for w in put):
        return False
    if any(fold(w) in _PUT_LABELS or w in (a[i - 1], a[i]) for w in put):
        return False  # a stamp's label read small ("ngày"), a neighbour read twice (review of subjlost59)
    # (the corpus shows the run put back as one phrase, beside one of its neighbours at least: "lưu trữ",
    # "liệu lưu"; "trữ năm" it lacks)
    model = correct.load()
    seen = [correct.bigram(model, _key(x), _key(y)) for x, y in itertools.pairwise([a[i - 1], *put, a[i]])]
    return all(seen[1:-1]) and (seen[0] or seen[-1])


_PUT_LABELS = frozenset({"so", "ngay", "den", "chuyen", "gio"})  # an incoming stamp's labels, folded


def _key(word: str) -> str:
    return syllable_key(word.strip(".,;:()\"'“”").lower())


def _block_readings(
    prepared: Prepared, x0: float, y0: float, x1: float, y1: float, letter: float
) -> Iterator[tuple[np.ndarray, np.ndarray, bool, tuple[int, int, int, int] | None]]:
    """``_without_stamp``'s removals, each with None, and after a bitonal scan's (only the box's sides taken
    out) the same with the stamp's box found in its ink (``stamp_box``, no margin): its words left in the
    block (its "Số: 5500" beside a heading ended left of it ran the heading's row and the subject's into
    one: "TỜ TRÌNH" lost, seed 285 dev 010) are read in it no more."""
    for before, after, by_box in _without_stamp(prepared, x0, y0, x1, y1, letter):
        yield before, after, by_box, None
        if by_box:
            _, ink = cv2.threshold(before, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
            if (box := stamp_box(ink, letter, margin=0.0)) is not None:
                yield before, after, by_box, box


def _off_box(words: list[Word], box: tuple[int, int, int, int], x0: float, y0: float) -> list[Word]:
    """The ``words`` whose middle lies outside ``box`` (of the rows cut, their top-left at (x0, y0))."""
    bx0, by0, bx1, by1 = box

    def within(w: Word) -> bool:
        mx, my = (w.box.x0 + w.box.x1) / 2 - x0, (w.box.y0 + w.box.y1) / 2 - y0
        return bx0 <= mx <= bx1 and by0 <= my <= by1

    return [w for w in words if not within(w)]


def _cut_by_box(
    page: RecognizedPage,
    inside: Callable[[Word], bool],
    box: tuple[int, int, int, int],
    x0: float,
    y0: float,
    letter: float,
) -> RecognizedPage:
    """``page`` (read with the stamp's ``box`` made paper, of the rows cut at (x0, y0); letters ``letter`` px
    high) with the words of each line ``inside`` the rows that runs into the box (on its rows, a word ending
    within a letter of its left side or beginning within a letter of its right one) and has no word inside
    it once its band was read (``_band_lines``) at ``BARE_CONF`` at most: the print under the box was not read
    back, and the line cut short there is no sure one."""
    bx0, by0, bx1, by1 = box[0] + x0, box[1] + y0, box[2] + x0, box[3] + y0
    lines: dict[int, list[Word]] = {}
    for w in page.words:
        if inside(w):
            lines.setdefault(w.line, []).append(w)
    cut = set()
    for ln, ws in lines.items():
        if not by0 <= statistics.median((w.box.y0 + w.box.y1) / 2 for w in ws) <= by1:
            continue
        if any(bx0 <= (w.box.x0 + w.box.x1) / 2 <= bx1 for w in ws):
            continue  # words read under the box
        if any(bx0 - letter <= w.box.x1 < bx1 or bx0 < w.box.x0 <= bx1 + letter for w in ws):
            cut.add(ln)
    if not cut:
        return page
    words = tuple(
        replace(w, conf=min(w.conf, BARE_CONF)) if w.line in cut and inside(w) else w for w in page.words
    )
    return replace(page, words=words)


def _without_stamp(
    prepared: Prepared, x0: float, y0: float, x1: float, y1: float, letter: float
) -> Iterator[tuple[np.ndarray, np.ndarray, bool]]:
    """The rows cut from the scan, grey, and the same with the stamp's ink made paper, in the order they are
    worth a reading: on a colour scan its coloured ink (when there is ``MIN_INK`` of it), then, there and on
    a scan without colour (an archive's grey scan: the purple or blue stamp lighter than the black print; a
    photo in low light, whose colour is the camera's noise), its tone (``regions.print_tone``, on the paper
    made even: ``flat_paper``; kept only in the stamp's box, ``in_box``), else (one ink: a bitonal scan) its
    box's sides (``without_frame``, letters ``letter`` px high); with whether only the box was taken out.
    On a colour photo whose print is coloured too (``print_coloured``: low light) its ink told by the ink's
    colour around it (``ink_colour``) with its tone, in the box that ink shows, comes before its tone alone;
    with no such box (a bitonal page photographed: its stamp black) the colour is no stamp's. Nothing when
    there is no stamp's ink to take out (a little colour, not a stamp's worth; one ink, no box)."""
    coloured = 0
    by_ink: np.ndarray | None = None
    if prepared.master.ndim == 3:
        crop = regions.cut(prepared, x0, y0, x1, y1, colour=True)
        c = chroma(crop)
        if print_coloured(c, cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)):
            # a photo in low light: its print is as coloured as a stamp pixel by pixel (the camera's noise);
            # the stamp's ink is told by the colour of the ink around each pixel (``ink_colour``)
            by_ink = ink_colour(crop, letter)
        else:
            mask = stamp_mask(crop, c)
            coloured = cv2.countNonZero(mask)
            if coloured >= MIN_INK * mask.size:
                clean = crop.copy()
                clean[mask > 0] = 255
                yield cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY), cv2.cvtColor(clean, cv2.COLOR_RGB2GRAY), False
            elif coloured:
                return
    grey = regions.cut(prepared, x0, y0, x1, y1)
    flat = flat_paper(grey, letter)
    toned = regions.print_tone(flat, STAMP_LIGHT_SHARE)
    if by_ink is not None and (box := stamp_box(by_ink, letter)) is not None:
        # the stamp's coloured ink in its box, with its lighter tone (the pen's darker number and the stamp's
        # darker labels the tone leaves are coloured): then its tone alone
        coloured = 1
        both = (toned if toned is not None else flat).copy()
        bx0, by0, bx1, by1 = box
        both[by0:by1, bx0:bx1][by_ink[by0:by1, bx0:bx1] > 0] = 255
        yield flat, in_box(flat, without_specks(flat, both), letter), False
    if toned is not None:
        yield flat, in_box(flat, without_specks(flat, toned), letter), False
        return
    if coloured:
        return
    framed = without_frame(grey, letter)
    if framed is not None:
        yield grey, framed, True


BOX_SIDE = 3.0  # letters: an upright stroke of the stamp's ink at least this tall is a side of its box
SIDE_GAP = 1.2  # letters: a gap in a side this tall is bridged (a line of print crossing it)
SIDE_SHARE = 0.4  # of the tallest side's height: the box's other sides (the print's tall letters are shorter)
BOX_APART = 4.0  # letters: the box's two sides at least this far apart (a stamp's box is wider than a word)
BOX_MARGIN = 1.0  # letters around the box: its "ĐẾN" out of its side, its number written over its top
# letters: an unbroken stretch of ink this tall somewhere along a side (its part clear of the print); no
# letter, nor a letter's tone mark run into it on a blurred photo, is as tall (at most ~1.7 letters)
SIDE_RUN = 2.0
SIDES_MEET = 0.5  # of the shorter side's height: the rows the box's two sides share (a box, not two columns)
SIDE_WIDTH = (
    4.0  # letters: a side's mean width at most (its ink over its height): a stroke, widened, askew, on a
)
# blurred photo run into the pen's number beside it (1.9 letters, seed 385 dev 012)


def stamp_box(ink: np.ndarray, letter: float, margin: float = BOX_MARGIN) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) of the stamp's box in a mask of its ink (uint8, 0/255): between the two upright sides
    furthest apart (strokes at least ``BOX_SIDE`` letters tall with ``SIDE_RUN`` letters of them unbroken,
    ``BOX_APART`` letters apart or more, sharing their rows), ``margin`` letters around (``BOX_MARGIN``). No
    letter of print has such a side; on a photo the print's soft edges and thin strokes come out in the mask
    too (the tone split takes them for the stamp's lighter ink), and they lie all over the rows. None with no
    such pair of sides (a stamp with no box, a mask with no stamp, a stamp with one side in the mask)."""
    # (no side taller than the image, nor a box's side: inf, NaN, a letter near the image's height give none)
    if not 4 <= letter < ink.shape[0] / BOX_SIDE or not ink.any():
        return None
    # a side with a gap (where a line of print crosses it, faded ink, a photo's noise) is joined first
    # (a stamp pressed askew: its side drifts a pixel or two over its height, widened by two on each side)
    gap = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, round(SIDE_GAP * letter)) | 1))  # odd: centred
    wide = cv2.dilate(ink, np.ones((1, 5), np.uint8))
    joined = cv2.morphologyEx(wide, cv2.MORPH_CLOSE, gap)
    side = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, round(BOX_SIDE * letter)) | 1))
    upright = _opened(joined, side)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(upright, connectivity=8)
    if n <= 2:
        return None
    # the gap joining also stacks the letters of the print's lines into columns as tall as a side (a photo's
    # soft print in the mask: 2-3 lines, up to 7 letters): a side is one upright stroke over ``SIDE_RUN``
    # letters of its height at least, unbroken
    run = _opened(wide, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, round(SIDE_RUN * letter)) | 1)))
    stroke = np.bincount(labels[run > 0], minlength=n) > 0
    tall = stats[:, cv2.CC_STAT_HEIGHT]
    # a side is a stroke, no wider on the whole than ``SIDE_WIDTH`` letters: a photo's dark background past
    # the paper's edges, on both sides of the rows, is as tall as the rows and hundreds of pixels wide (the
    # "box" the whole rows' width, seed 385 alt 012: no line read alone under it)
    area = stats[:, cv2.CC_STAT_AREA]
    uprights = [k for k in range(1, n) if stroke[k] and area[k] <= SIDE_WIDTH * letter * tall[k]]
    if len(uprights) < 2:
        return None
    highest = max(int(tall[k]) for k in uprights)
    sides = [k for k in uprights if tall[k] >= SIDE_SHARE * highest]  # no letter's stroke
    if len(sides) < 2:
        return None
    # each side from its first to its last unbroken stroke (the gap joining also ran it into the letters
    # of a line of print just over or under the box), and its left and right
    ends = {k: _stroke_rows(labels, run, stats, k) for k in sides}
    # the box: the two sides furthest apart (``BOX_APART`` letters at least) that share their rows (two
    # strokes one over the other's rows are no one box's)
    pairs = []
    for a in sides:
        for b in sides:
            (ta, ba), (tb, bb) = ends[a], ends[b]
            xa, xb = (
                int(stats[a, cv2.CC_STAT_LEFT]),
                int(stats[b, cv2.CC_STAT_LEFT] + stats[b, cv2.CC_STAT_WIDTH]),
            )
            shared = min(ba, bb) - max(ta, tb)
            if xb - xa >= BOX_APART * letter and shared >= SIDES_MEET * min(ba - ta, bb - tb):
                pairs.append((xb - xa, xa, xb, min(ta, tb), max(ba, bb)))
    if not pairs:
        return None
    _, x0, x1, y0, y1 = max(pairs)
    m = round(margin * letter)
    # its top and bottom (level strokes ``BOX_APART`` letters long, at the sides' ends) reach its far side
    # where that side, crossed by the print's lines, was found too short
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (round(BOX_APART * letter) | 1, 1))
    level = _opened(ink, across)
    n, _, flat, _ = cv2.connectedComponentsWithStats(level, connectivity=8)
    for k in range(1, n):
        lx0, ly = int(flat[k, cv2.CC_STAT_LEFT]), int(flat[k, cv2.CC_STAT_TOP])
        lx1 = lx0 + int(flat[k, cv2.CC_STAT_WIDTH])
        if y0 - m <= ly <= y1 + m and lx0 <= x1 and lx1 >= x0:
            x0, x1 = min(x0, lx0), max(x1, lx1)
    h, w = ink.shape[:2]
    return max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m)


# letters: the most between a side's end and the level stroke meeting it at a corner (the side's end faded or
# cut off by the print it crosses: 1.1 letters on a blurred photo, seed 513 dev 003)
CORNER_GAP = 1.5
SIDE_THIN = 1.0  # letters: a side's width at most (a stroke up to ``FRAME_SKEW`` degrees askew)
# letters: the widest and tallest a stamp's box is (the generator's 150 x 72 pt box over 13 pt print: ~12 x 6
# letters; a real incoming stamp 10-20 letters wide, a few lines tall): a corner of rules beyond that (a
# margin rule meeting the rule under the subject, 45 letters long) is no stamp's
STAMP_WIDE = 24.0
STAMP_TALL = 10.0
# of the side's rows (or a level stroke's columns) the stamp's removal took ink out of: the stamp's ink
CORNER_TAKEN = 0.5


def corner_box(
    ink: np.ndarray, letter: float, taken: np.ndarray | None = None
) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) of a stamp's box of which one upright side is in the mask of its ink (uint8, 0/255)
    with a level stroke meeting it at its top or bottom (a corner): the rest of its frame faded (a rubber
    stamp inks unevenly: its outer sides dotted, the inner column's line whole) or past the paper's edge.
    The side's rows, from the corner's side to the level strokes' far ends (``BOX_APART`` letters at least),
    no margin around (the print next to the side, in a margin, is thinned by ``print_only``: "năm" read "ná").
    ``stamp_box`` wants two sides, and with none found the lines the side crossed were never read alone
    ("VẬT" read "V #" through the column's line, "năm 2021" cut to "n" at the box's left side). Its side and
    level strokes are ``frame_lines`` (``FRAME_SIDE`` letters tall, ``FRAME_TOP`` long): no letter has one.
    A corner is a stamp's only as large as one (``STAMP_WIDE`` by ``STAMP_TALL`` letters at most: each level
    stroke is measured against the side's own columns, never against the span the others widened) and, with
    ``taken`` (the ink the stamp's removal took out), with its side or a level stroke at its ends in it
    (``CORNER_TAKEN``): a corner of the page's rules (an underline with a rule hanging from its end, a
    table's corner) is print the removal left. None without such a corner."""
    if not 4 <= letter < ink.shape[0] / FRAME_SIDE or not ink.any():
        return None
    upright = frame_lines(ink, round(FRAME_SIDE * letter), upright=True)
    n, ups_at, ups, _ = cv2.connectedComponentsWithStats(upright, connectivity=8)
    if n <= 1:
        return None
    level = frame_lines(ink, round(FRAME_TOP * letter), upright=False)
    m, levels_at, levels, _ = cv2.connectedComponentsWithStats(level, connectivity=8)
    gap = CORNER_GAP * letter

    def in_taken(at: np.ndarray, k: int, x: int, y: int, w: int, h: int, upright: bool) -> bool:
        # its rows (a side's) or columns (a level stroke's) with the removal's ink on the stroke (the slanted
        # openings' union is wider than the stroke: its pixels' share would be the stroke's width's)
        if taken is None:
            return True
        on = (at[y : y + h, x : x + w] == k) & (taken[y : y + h, x : x + w] > 0)
        lines = np.count_nonzero(on.any(axis=1 if upright else 0))
        return bool(lines >= CORNER_TAKEN * (h if upright else w))

    best: tuple[int, int, int, int] | None = None
    for k in range(1, n):
        x, y, w, h = (int(v) for v in ups[k, :4])
        if w > SIDE_THIN * letter + h * math.tan(math.radians(FRAME_SKEW)) or h > STAMP_TALL * letter:
            continue
        x0, x1 = x, x + w
        taken_ink = in_taken(ups_at, k, x, y, w, h, True)
        for j in range(1, m):
            lx, ly, lw, lh = (int(v) for v in levels[j, :4])
            if lw > STAMP_WIDE * letter or lx > x + w + gap or lx + lw < x - gap:
                continue  # no stamp's top or bottom, or off the side's own columns
            if abs(ly - y) > gap and abs(ly + lh - (y + h)) > gap:
                continue  # at neither of its ends
            x0, x1 = min(x0, lx), max(x1, lx + lw)
            taken_ink = taken_ink or in_taken(levels_at, j, lx, ly, lw, lh, False)
        if not taken_ink or not BOX_APART * letter <= x1 - x0 <= STAMP_WIDE * letter:
            continue
        if best is None or x1 - x0 > best[2] - best[0]:
            best = (x0, y, x1, y + h)
    return best


def _stroke_rows(labels: np.ndarray, run: np.ndarray, stats: np.ndarray, k: int) -> tuple[int, int]:
    """(first, last + 1) row of the unbroken strokes (``run``) in component ``k`` of ``labels``."""
    x, y, w, h = (int(v) for v in stats[k, :4])
    rows = np.flatnonzero(((labels[y : y + h, x : x + w] == k) & (run[y : y + h, x : x + w] > 0)).any(axis=1))
    return y + int(rows[0]), y + int(rows[-1]) + 1


def _opened(mask: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``mask`` opened by ``kernel``, the image's outside as paper: OpenCV's default border keeps a stroke
    that runs into the image's edge whole however short (the print's letters cut at the rows' bottom made
    uprights of any height there)."""
    out: np.ndarray = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, kernel, borderType=cv2.BORDER_CONSTANT, borderValue=0
    )
    return out


def in_box(before: np.ndarray, after: np.ndarray, letter: float) -> np.ndarray:
    """``after`` (``before`` with the stamp's ink made paper) inside the stamp's box (``stamp_box`` of the
    pixels made paper), ``before`` outside it: a photo's soft print (thin strokes, diacritics) lighter than
    the split of the tones is no stamp's away from its box: beside the stamp "số hóa hồ sơ" read "so hóa ho
    sơ" (seed 113 perspective, dev 008). ``after`` as it is when no box is found."""
    taken = ((after.astype(np.int16) - before.astype(np.int16)) >= LIGHTENED).astype(np.uint8) * 255
    box = stamp_box(taken, letter)
    if box is None:
        return after
    x0, y0, x1, y1 = box
    out = before.copy()
    out[y0:y1, x0:x1] = after[y0:y1, x0:x1]
    return out


PAPER_SPAN = 3.0  # letters: the paper's tone is taken over this span (wider than any stroke, a letter's hole)


def flat_paper(grey: np.ndarray, letter: float) -> np.ndarray:
    """``grey`` with its paper made evenly white: each pixel divided by the paper's tone around it (the
    brightest over ``PAPER_SPAN`` letters, smoothed). A photo taken in low light is darker to one side and
    at its corners: its paper there is as dark as a stamp's ink in the middle, and one split of the tones
    (``regions.print_tone``) took the paper for ink. A scan's even paper is only scaled to white. As it is
    when no letter size is known."""
    if not letter >= 4:
        return grey
    k = max(3, round(PAPER_SPAN * letter))
    paper = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.blur(paper, (k, k))
    out: np.ndarray = cv2.divide(grey, np.maximum(paper, 1), scale=255)
    return out


NEAR_TAKEN = 0.9  # share of a speck's pixels next to ink taken out for it to be the stamp's ink left over


def without_specks(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """``after`` (``before`` with the stamp's lighter ink made paper) without the specks of that ink left:
    its darker grains (a stamp's ink is uneven: a few of its pixels are as dark as the print) lie inside the
    ink taken out, every pixel of theirs within 2 pixels of it, where a letter of print crossing the stamp's
    stroke lies mostly on the paper beside it. Tesseract reads the specks as junk after the subject's last
    word, or glues that word to them ("TânTiến An đeài")."""
    level, _ = cv2.threshold(before, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    taken = ((before < level) & (after >= 255)).astype(np.uint8)
    if not taken.any():
        return after
    near = cv2.dilate(taken, np.ones((5, 5), np.uint8)) > 0
    ink = (after < level).astype(np.uint8)
    n, labels = cv2.connectedComponents(ink, connectivity=8)
    if n <= 1:
        return after
    area = np.bincount(labels.ravel(), minlength=n)
    by_taken = np.bincount(labels[near], minlength=n)
    specks = by_taken >= NEAR_TAKEN * np.maximum(area, 1)
    specks[0] = False
    out = after.copy()
    out[specks[labels]] = 255
    return out


FRAME_SIDE = 3.0  # letters: a box side at least this tall (no letter is; a rule has none)
FRAME_TOP = 4.0  # letters: its top and bottom at least this long
# degrees: a stamp pressed askew, its frame's strokes this far off upright and level at most (a clerk's hand:
# 1-3°, seed 517 alt 009's right side); one straight kernel misses a side off upright by more than its width
# over its height
FRAME_SKEW = 4.0
FRAME_STEP = 1.0  # degrees between the slanted kernels (a 3-pixel stroke drifts ~1 pixel over 60 between two)


def _line_kernel(length: int, degrees: float, upright: bool) -> np.ndarray:
    """A one-pixel line ``length`` long, ``degrees`` off upright (``upright``) or off level, as a structuring
    element (uint8 0/1)."""
    drift = round(abs(length * math.tan(math.radians(degrees))))
    k = np.zeros((length, drift + 1) if upright else (drift + 1, length), np.uint8)
    if upright:
        a, b = ((0, 0), (drift, length - 1)) if degrees >= 0 else ((drift, 0), (0, length - 1))
    else:
        a, b = ((0, 0), (length - 1, drift)) if degrees >= 0 else ((0, drift), (length - 1, 0))
    cv2.line(k, a, b, 1, 1)
    return k


def frame_lines(ink: np.ndarray, length: int, *, upright: bool) -> np.ndarray:
    """The straight strokes of ``ink`` (uint8 0/255) at least ``length`` pixels long, upright (``upright``)
    or level, up to ``FRAME_SKEW`` degrees askew: the union of its openings by one-pixel lines at each
    slant (``FRAME_STEP`` apart), the image's outside as paper; where a box's frame lies (``corner_box``),
    not its pixels to take out (the union is wider than one stroke: a slant off the stroke's own fits along
    a letter's stem on its line too, see ``without_frame``)."""
    out = np.zeros_like(ink)
    steps = round(FRAME_SKEW / FRAME_STEP)
    for i in range(-steps, steps + 1):
        out = cv2.bitwise_or(out, _opened(ink, _line_kernel(length, i * FRAME_STEP, upright)))
    return out


def without_frame(grey: np.ndarray, letter: float) -> np.ndarray | None:
    """``grey`` with a box's frame made paper: unbroken upright strokes at least ``FRAME_SIDE`` letters
    tall and level ones at least ``FRAME_TOP`` letters long (a stamp's box, a table's rules: no letter,
    and no row of print, has one); None when there is no upright side (nothing to take out: the rule under
    a trích yếu alone is no box) or no letter size is known. A box pressed askew (its sides off upright by
    more than a pixel over their height) is left as it is (taking it out by slanted lines too,
    ``frame_lines``, and painting it over was tried and taken back: its sides took the letters' stems on
    their line with them, "giao" read "ao", seed 433 alt 008; "cải cách hành chính" lost "cách", seed 449
    dev 009, for the one word it gave back, seed 517 alt 009's "triển")."""
    if not letter >= 4:
        return None
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    side = cv2.getStructuringElement(cv2.MORPH_RECT, (1, round(FRAME_SIDE * letter)))
    upright = cv2.morphologyEx(ink, cv2.MORPH_OPEN, side)
    if not cv2.countNonZero(upright):
        return None
    top = cv2.getStructuringElement(cv2.MORPH_RECT, (round(FRAME_TOP * letter), 1))
    level = cv2.morphologyEx(ink, cv2.MORPH_OPEN, top)
    out = grey.copy()
    out[(upright > 0) | (level > 0)] = 255
    return out


def _replace_rows(
    page: RecognizedPage, inside: Callable[[Word], bool], rows: list[list[Word]]
) -> RecognizedPage:
    """The page with its words in the zone (``inside``) replaced by ``rows`` (in reading order, put where the
    zone's first line was), lines renumbered in order."""
    by_line: dict[int, list[Word]] = {}
    for w in page.words:
        by_line.setdefault(w.line, []).append(w)
    # a word kept lies above the zone or under it (its middle off the zone's rows, where every new word's is)
    top = min(((w.box.y0 + w.box.y1) / 2 for row in rows for w in row), default=0.0)
    out: list[Word] = []
    n = 0
    placed = False
    for _, ws in sorted(by_line.items()):
        kept = [w for w in ws if not inside(w)]
        # the new rows go before the first line under them (the header's two columns above stay first),
        # though its words reach up over the rows' foot (a stamp's tall word, its junk glued to the line)
        if kept and not placed and statistics.median((w.box.y0 + w.box.y1) / 2 for w in kept) > top:
            placed = True
            for row in rows:
                out.extend(replace(w, line=n, block=w.block + 2000) for w in row)
                n += 1
        if kept:
            out.extend(replace(w, line=n) for w in kept)
            n += 1
    if not placed:
        for row in rows:
            out.extend(replace(w, line=n, block=w.block + 2000) for w in row)
            n += 1
    return replace(page, words=tuple(out), text=nfc(page_text(out)))


BAND_PAD = 0.35  # letters over and under a line's words (tone marks, descenders): the band read alone
LINE_SURE = 80.0  # a word read this surely sets its line's rows (a stamp's word glued to it does not)


def _band_lines(
    prepared: Prepared,
    page: RecognizedPage,
    inside: Callable[[Word], bool],
    before: np.ndarray,
    after: np.ndarray,
    y0: float,
    letter: float,
    *,
    lang: str,
    timeout: float,
    found: tuple[int, int, int, int] | None = None,
) -> RecognizedPage:
    """``page`` with each line of print (``inside`` the rows cut, ``before`` them and ``after`` the stamp's
    ink taken out, their top at ``y0``) that crosses the stamp's box read again alone: the band of its own
    rows (``BAND_PAD`` letters over and under its words), the whole page wide, as one line (``--psm 7``).
    Read as one block with the stamp's own words and its pen's date over and under it, the line's first
    words under the box are lost or glued to them ("Nghệ việc" for "Về việc": the box's "Ngày:" under "Về";
    "Vệ yiêotắng" over a date written in pen): in the band, the ink inside the box whose middle lies over
    or under the band (the stamp's labels and pen marks that reach into it) is paper too, but for a piece
    that crosses the band from over it to under it: no label nor pen mark, the slivers of the box's side the
    frame's removal left on a letter's stem ("giao" read "g ao" without its "i", seed 433 alt 008). The
    band's words replace the line's when more of them are sure syllables (``_merged``). The stamp's box is
    found in the ink taken out (``stamp_box``); with none, the page as it is: no more readings."""
    found = found or _band_box(prepared, before, after, y0, letter)  # (``found``: the box found already)
    if found is None:
        return page
    bx0, by0, bx1, by1 = found
    level, _ = cv2.threshold(before, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = (after < level).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    cx = stats[:, cv2.CC_STAT_LEFT] + stats[:, cv2.CC_STAT_WIDTH] / 2
    top, bottom = stats[:, cv2.CC_STAT_TOP], stats[:, cv2.CC_STAT_TOP] + stats[:, cv2.CC_STAT_HEIGHT]
    cy = (top + bottom) / 2
    in_box_cols = (cx >= bx0) & (cx <= bx1)
    in_box_cols[0] = False
    dpi = round(prepared.dpi / prepared.scale)

    def in_stamp(w: Word) -> bool:
        mid = (w.box.x0 + w.box.x1) / 2
        return bx0 <= mid <= bx1

    by_line: dict[int, list[Word]] = {}
    for w in page.words:
        if inside(w):
            by_line.setdefault(w.line, []).append(w)
    words = list(page.words)
    for ln, ws in sorted(by_line.items()):
        firm = [w for w in ws if w.conf > LINE_SURE] or ws
        ly0 = float(np.median([w.box.y0 for w in firm])) - y0
        ly1 = float(np.median([w.box.y1 for w in firm])) - y0
        if ly1 < by0 or ly0 > by1:
            continue  # the line passes over or under the box
        if not _sure([w for w in ws if not in_stamp(w)]):
            continue  # the stamp's own words ("Ngày:", its date): no line of print
        if len(ws) > LINE_WORDS_MAX:
            continue  # more words than a line of print holds: specks, no line to read again
        a = max(0, int(ly0 - BAND_PAD * letter))
        b = min(after.shape[0], math.ceil(ly1 + BAND_PAD * letter))
        if b - a < 8:
            continue
        band = after[a:b].copy()
        # the box's ink whose middle lies over or under the band: the stamp's labels, its pen marks (a piece
        # crossing the band from over it to under it is none: what the frame's removal left of its side)
        off = in_box_cols & ((cy < a) | (cy >= b)) & (top < b) & (bottom > a) & ~((top < a) & (bottom > b))
        if off.any():
            band[off[labels[a:b]]] = 255
        line_old = [w for w in words if w.line == ln]
        try:
            read = _read_band(prepared, band, ws[0], y0 + a, lang=lang, dpi=dpi, timeout=timeout)
            readings = [read]
            merged = _merged(line_old, read, in_stamp, _ink_gone(before[a:b], band, level, a + y0))
            # the pen's number or date over the line's words (a grey scan: darker than the stamp's ink, so
            # left by its tone's removal): the band read again with the print's own tone only in the box
            own = print_only(band, level, bx0, bx1, letter)
            thinned = False
            if own is not None:
                alone = _read_band(prepared, own, ws[0], y0 + a, lang=lang, dpi=dpi, timeout=timeout)
                readings.append(alone)
                by_tone = _merged(line_old, alone, in_stamp, _ink_gone(before[a:b], own, level, a + y0))
                # taken for the print it reads under the box, not for the first reading's words it drops
                # where the thinned print read as nothing ("hoạt", "bệnh" lost, seed 347 dev 005)
                reads_print = any(in_stamp(w) and _clean(w) for w in alone)
                if reads_print and _band_score(by_tone) > _band_score(merged):
                    read, merged, thinned = alone, by_tone, True
        except ToolFailed:
            return page
        rows = (y0 + ly0, y0 + ly1)
        if disputed := _disputed(line_old, readings, in_stamp):
            # the first reading's word under the box that no reading alone gave again: in doubt
            words = [replace(w, conf=DISPUTED_CONF) if id(w) in disputed else w for w in words]
            merged = [replace(w, conf=DISPUTED_CONF) if id(w) in disputed else w for w in merged]
        # the stamp's own words read first ("Ngày:" under the box) are no worth of the line's print, nor are
        # its words the band read with letters they lost there (``_cut_short``: "dị" of "dịp") sure ones
        first = [w for w in _one_a_place(line_old) if not (in_stamp(w) and _stamp_own(w.text))]
        short = _shown_short(first, read, in_stamp)
        first = [replace(w, conf=min(w.conf, DISPUTED_CONF)) if id(w) in short else w for w in first]
        # the first reading's words the band shows with a letter the stamp's ink changed: read again, in doubt
        misread = _misread_letters(_one_a_place(line_old), read, in_stamp)
        if _band_score(merged) <= _band_score(first):
            pen = _pen_numbers(line_old, read, rows, letter, in_stamp)
            if pen:  # the first reading stands, but for the stamp's number in pen on the line's row
                words = [w for w in words if not any(w is p for p in pen)]
            if short:  # ... and its words read cut short, in doubt
                words = [replace(w, conf=min(w.conf, DISPUTED_CONF)) if id(w) in short else w for w in words]
            words = [misread.get(id(w), w) for w in words]  # ... and its letters misread, read again
            # ... and its words with the pen's number glued after them, the number taken off, in doubt
            words = [_pen_unglued(w, rows, letter) if w.line == ln and in_stamp(w) else w for w in words]
            # ... and its words beside the box that lost a letter under its side, given it back or in doubt
            lost = _side_lost([w for w in words if w.line == ln], read, (bx0, bx1), in_stamp)
            words = [lost.get(id(w), w) for w in words]
            # ... and its last word cut off at the box's side, with the words the side hid after it, read
            # again in doubt
            for again in readings:
                if cut := _cut_at_side([w for w in words if w.line == ln], again, bx0, rows, letter):
                    o, new_words = cut
                    at = next(i for i, w in enumerate(words) if w is o)
                    words = [*words[:at], *(replace(w, line=o.line) for w in new_words), *words[at + 1 :]]
                    break
            continue
        merged = [misread.get(id(w), w) for w in merged if not (in_stamp(w) and _pen_number(w, rows, letter))]
        merged = [_pen_unglued(w, rows, letter) if in_stamp(w) else w for w in merged]
        lost = _side_lost(merged, read, (bx0, bx1), in_stamp)
        merged = [lost.get(id(w), w) for w in merged]
        if thinned:  # read on print thinned with the pen's ink taken out: in doubt, a person checks them
            merged = [
                replace(w, conf=min(w.conf, BARE_CONF))
                if in_stamp(w) and not any(w is o for o in line_old)
                else w
                for w in merged
            ]
        # the words of other lines read in the band (the stamp's "Ngày:" on its own line) go with the line's
        words = [
            w
            for w in words
            if w.line != ln
            and not (w.line in by_line and in_stamp(w) and rows[0] <= (w.box.y0 + w.box.y1) / 2 <= rows[1])
        ]
        words.extend(merged)
    if len(words) == len(page.words) and all(a is b for a, b in zip(words, page.words, strict=True)):
        return page
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=nfc(page_text(words)))


# (0..100) a word read through the stamp's box that the band read alone as no syllable: below the subject's
# ``fields.subject.LOST_WORD`` (a word no reading gives: the subject in doubt)
DISPUTED_CONF = 25.0


def _disputed(line_old: list[Word], readings: list[list[Word]], in_stamp: Callable[[Word], bool]) -> set[int]:
    """The ids of a line's first-reading words (``line_old``) under the stamp's box read as syllables but not
    surely (``SURE_READ`` up to ``THROUGH_CONF``) where each reading of the band alone (``readings``, the
    stamp's ink taken out) read a word that is no syllable and not its letters: read through the stamp
    ("thúi" at 69 for "tỉnh", the band's "tñññ" and "trnh": "… địa bàn thúi Thái Nguyên" held at 0.95, seed
    377 alt 001), no second reading gives it. A band that read a syllable there is weighed by the merge."""
    out: set[int] = set()
    for o in line_old:
        if not in_stamp(o) or not SURE_READ <= o.conf < THROUGH_CONF or not _clean(o):
            continue
        mine = (_letters(o.text) or "").lower()
        overs = [[r for r in rd if _overlap(r, o)] for rd in readings]
        if all(
            rs and not any(_clean(r) or (_letters(r.text) or "").lower() == mine for r in rs) for rs in overs
        ):
            out.add(id(o))
    return out


def _read_band(
    prepared: Prepared, band: np.ndarray, template: Word, top: float, *, lang: str, dpi: int, timeout: float
) -> list[Word]:
    """The words of a band read as one line (``--psm 7``; sharpened as the first reading saw the page), as
    ``template`` (its line, its block) at their place on the page (the band's top at ``top``). Raises
    ``ToolFailed`` when Tesseract does."""
    tokens = tesseract.image_to_data(
        regions.sharpened(prepared, band), lang=lang, psm=7, dpi=dpi, timeout=timeout
    )
    read = []
    for t in tokens:
        text = nfc(t.text).strip()
        if t.conf < 0 or not (any(ch.isalnum() for ch in text) or _printed_dash(text, t.conf)):
            continue
        box = Box(t.left, top + t.top, t.left + t.width, top + t.top + t.height)
        read.append(replace(template, text=text, conf=t.conf, box=box))
    return read


PRINT_CORE = 50  # percentile of the print's ink tones (beside the box): a pixel this dark is the print's core
# percentile: a small mark with a pixel this dark is the print's (a tone mark: thin, lighter once blurred)
PRINT_MARK = 80
CORE_GROW = 0.05  # letters: the print's soft edges around its cores, kept with them
CORE_AREA = 0.02  # letters²: a piece of core smaller is a dark grain of the pen's ink, no print
MARK_SIZE = 0.6  # letters: a mark of print (a tone mark, a dot) fits in a square this wide
# of the box's ink: taken out for the band to be worth reading again so (a bitonal scan's one ink: none)
PEN_SHARE = 0.1


def print_only(band: np.ndarray, level: float, x0: int, x1: int, letter: float) -> np.ndarray | None:
    """``band`` with, in the stamp's box (columns ``x0``-``x1``), only the ink of the print's own tone: its
    cores (pixels as dark as the ``PRINT_CORE`` percentile of the line's ink beside the box, in pieces of
    ``CORE_AREA`` letters² or more), their soft edges (``CORE_GROW`` letters around) and small marks
    (``MARK_SIZE`` letters) with a pixel as dark as ``PRINT_MARK``'s (tone marks); the rest of the ink under
    ``level`` made paper. On a grey scan the number or date written in pen in the box is darker than the
    stamp's ink (its tone's removal leaves it) and lighter than the black print: crossing the line's first
    words it made them junk ("SðVề Siệe" for "Về việc", seed 365 alt 003). None when there is no ink beside
    the box to measure the print's tone by, or it takes out less than ``PEN_SHARE`` of the box's ink (one
    ink: a bitonal scan)."""
    if not letter >= 4:
        return None
    x0, x1 = max(0, x0), min(band.shape[1], x1)
    beside = np.concatenate([band[:, :x0].ravel(), band[:, x1:].ravel()])
    tones = beside[beside < level]
    box = band[:, x0:x1]
    ink = (box < level).astype(np.uint8)
    if tones.size < letter * letter or x1 <= x0 or not ink.any():
        return None
    core = (box <= np.percentile(tones, PRINT_CORE)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(core, connectivity=8)
    big = stats[:, cv2.CC_STAT_AREA] >= CORE_AREA * letter * letter
    big[0] = False
    r = max(1, round(CORE_GROW * letter))
    grown = cv2.dilate(
        big[labels].astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1,) * 2)
    )
    keep = (ink > 0) & (grown > 0)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    darkest = np.full(n, 255, np.int32)
    np.minimum.at(darkest, np.asarray(labels, np.intp).ravel(), box.ravel().astype(np.int32))
    side = MARK_SIZE * letter
    marks = (
        (stats[:, cv2.CC_STAT_WIDTH] <= side)
        & (stats[:, cv2.CC_STAT_HEIGHT] <= side)
        & (darkest <= np.percentile(tones, PRINT_MARK))
    )
    marks[0] = False
    keep |= marks[labels]
    taken = (ink > 0) & ~keep
    if np.count_nonzero(taken) < PEN_SHARE * np.count_nonzero(ink):
        return None
    out = band.copy()
    out[:, x0:x1][taken] = 255
    return out


def _band_box(
    prepared: Prepared,
    before: np.ndarray,
    after: np.ndarray,
    y0: float,
    letter: float,
    *,
    corner: bool = False,
    words: Sequence[Word] = (),
    by_box: bool = False,
) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) of the stamp's box in the rows cut (``before``, their top at ``y0``; ``after``: the
    stamp's ink taken out), None when none is found; with ``corner``, where no box with two sides is found,
    a box with one side and a corner (``corner_box``) that holds a stamp's marks (``_stamp_marked``: among
    ``words``, the page's as read, or in the ink taken out unless only frames were, ``by_box``)."""
    taken = ((after.astype(np.int16) - before.astype(np.int16)) >= LIGHTENED).astype(np.uint8) * 255
    # the box in the ink taken out (its frame, its lighter tone) and in all the ink (of the rows as the
    # stamp's removal saw them, on their paper made even, as cut from the scan): each may leave it in pieces
    # (a grey photo in low light: its inner column only, its sides broken where the paper is dark); its
    # sides are the only uprights that tall, the box holds every box found
    masks: list[np.ndarray] = [taken]
    raw = regions.cut(prepared, 0, y0, after.shape[1], y0 + after.shape[0])
    for grey in (before, flat_paper(before, letter), raw):
        _, ink_of = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
        masks.append(ink_of)
    if (off := _off_paper(masks[-1], letter)) is not None:
        for m in masks:
            m[:, off] = 0
    boxes = [b for b in (stamp_box(m, letter) for m in masks) if b is not None]
    if not boxes and corner:  # one side of the box in the ink (its others faded, or off the page): its corner
        boxes = [
            b
            for b in (corner_box(m, letter, taken) for m in masks[1:])
            if b is not None and _stamp_marked(b, words, None if by_box else taken, y0, letter)
        ]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# share of a corner box's inside (its frame's strokes left out) the stamp's removal took out for it to hold
# the stamp's words and pen marks (seed 513 dev 003: 0.17, "Số: Ngày: Chuy" and the pen's "3032 2/1/22")
MARKED_INK = 0.05


def _stamp_marked(
    box: tuple[int, int, int, int], words: Sequence[Word], taken: np.ndarray | None, y0: float, letter: float
) -> bool:
    """Whether a box found by its corner (``box``: on the rows cut, their top at ``y0``) holds a stamp's
    marks: one of its own words ("Số:", "Ngày:", "Chuyển:" with its colon, "ĐẾN") or a number written
    larger than print (a pen's: ``PEN_TALL`` times the words' with letters there) among ``words`` (the
    page's, as read) within ``BOX_MARGIN`` letters of it, or ``MARKED_INK`` of its inside in ``taken`` (the
    ink the stamp's removal took out: its words' and its pen's; None where the removal took out frames only,
    a bitonal scan's: a page's rules are those too). A corner of the page's own rules holds none (an
    underline with a rule at its end)."""
    bx0, by0, bx1, by1 = box
    m = BOX_MARGIN * letter
    near = [
        w
        for w in words
        if not (
            w.box.x1 <= bx0 - m or w.box.x0 >= bx1 + m or w.box.y1 <= y0 + by0 - m or w.box.y0 >= y0 + by1 + m
        )
    ]
    tall = [w.box.y1 - w.box.y0 for w in near if _letters(w.text)]
    print_tall = statistics.median(tall) if tall else letter
    for w in near:
        text, letters = w.text.strip(".,;:"), _letters(w.text) or ""
        # its own word as the stamp prints it: a key with its colon ("Số:", "Ngày:"; "số", "ngày", "lưu"
        # are print's words too: "số hóa", "lưu trữ") or its "ĐẾN" in capitals
        if (_stamp_own(w.text) and w.text.rstrip().endswith(":")) or (
            letters.isupper() and fold(letters).lower() == "den"
        ):
            return True
        if text.isdigit() and len(text) >= 2 and w.box.y1 - w.box.y0 > PEN_TALL * max(letter, print_tall):
            return True
    if taken is None:
        return False
    inner = round(SIDE_THIN * letter)
    inside = taken[by0 + inner : by1 - inner, bx0 + inner : bx1 - inner]
    return bool(inside.size) and int(np.count_nonzero(inside)) >= MARKED_INK * inside.size


OFF_PAPER = 0.8  # share of a column's pixels that are ink (as cut from the scan) for it to lie past the paper


def _off_paper(ink: np.ndarray, letter: float) -> np.ndarray | None:
    """The columns of the rows cut (``ink``: their ink as cut from the scan) that lie past the paper's edge
    and ``PAPER_SPAN`` letters in from it, or None: runs of columns ``OFF_PAPER`` ink wider than
    ``SIDE_WIDTH`` letters (no stroke of print or of a stamp is). A photo's dark background beside the page
    makes tall uprights of the page's edges once the paper is made even (``flat_paper``: the edge is dark
    between the white paper and the background made light), a "box" the rows' whole width (seed 385 alt 012,
    perspective: no line read alone under the stamp)."""
    if not letter >= 4 or not ink.size:
        return None
    dark = (np.count_nonzero(ink, axis=0) >= OFF_PAPER * ink.shape[0]).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(dark[None, :], connectivity=4)
    wide = stats[:, cv2.CC_STAT_WIDTH] > SIDE_WIDTH * letter
    wide[0] = False
    if not wide[1:].any():
        return None
    grow = 2 * round(PAPER_SPAN * letter) + 1
    off: np.ndarray = cv2.dilate(wide[labels].astype(np.uint8), np.ones((1, grow), np.uint8))[0] > 0
    return off


PEN_RISE = 0.5  # letters: a number under the box standing this far over its line's print is the pen's
PEN_TALL = 1.2  # ... and this many times as tall as the line's print


def _pen_number(w: Word, rows: tuple[float, float], letter: float) -> bool:
    """A word under the stamp's box that is the number written in pen in it ("Số: 5988", beside the
    subject's "năm" in its box: "… công chức năm 5986 2021", seed 161 dev 010), none of the print's: no
    letter, a digit, and written larger than the line's print (its ``rows``: ``PEN_TALL`` times as tall)
    and on the stamp's row, not the print's (its top ``PEN_RISE`` letters, ``letter`` px high, over the
    print's). A number printed on the line under the box stands on the line's rows, as tall as its print."""
    text = w.text
    if any(ch.isalpha() for ch in text) or not any(ch.isdigit() for ch in text):
        return False
    top, bottom = rows
    tall = w.box.y1 - w.box.y0
    return w.box.y0 < top - PEN_RISE * letter and tall > PEN_TALL * max(1.0, bottom - top)


_PEN_GLUED = re.compile(r"([^\W\d_]+)(\d+)")


def _pen_unglued(w: Word, rows: tuple[float, float], letter: float) -> Word:
    """A word under the stamp's box read unsure (under ``SURE_READ``) as a syllable with digits glued after
    it, its box reaching over the line's print and taller than it as the number written in pen in the box is
    (``_pen_number``: "hồ6" at 0, the pen's "6338" beside "hồ", seed 439 dev 008): the syllable alone, in
    doubt (``DISPUTED_CONF``: the pen's ink may have hidden a letter). Any other word as it is."""
    m = _PEN_GLUED.fullmatch(w.text)
    if m is None or w.conf >= SURE_READ or not is_syllable(m[1]):
        return w
    if not _pen_number(replace(w, text=m[2]), rows, letter):
        return w
    return replace(w, text=m[1], conf=min(w.conf, DISPUTED_CONF))


def _pen_numbers(
    line_old: list[Word],
    read: list[Word],
    rows: tuple[float, float],
    letter: float,
    in_stamp: Callable[[Word], bool],
) -> list[Word]:
    """The words of a line's first reading (``line_old``) under the box that are the stamp's number in pen
    (``_pen_number``) and that the band (``read``: the stamp's ink taken out) did not read again as a number
    (digits, no letter) there: a printed number whose box the stamp's rim swelled is read again by the band
    and stays (review 22 MED 3); the band's junk of the pen's marks glued to the print ("hồ22-'2_" over the
    pen's "2", seed 439 dev 008) is no number."""
    return [
        w
        for w in line_old
        if in_stamp(w)
        and _pen_number(w, rows, letter)
        and not any(
            _overlap(w, r) and any(c.isdigit() for c in r.text) and not any(c.isalpha() for c in r.text)
            for r in read
        )
    ]


# the most words a printed line holds: an A4 line at the smallest type runs to ~30 words (review s20, LOW 10)
LINE_WORDS_MAX = 120


GONE_SHARE = 0.5  # of a word's dark pixels the stamp's removal made paper for its ink to be the stamp's


def _ink_gone(before: np.ndarray, band: np.ndarray, level: float, top: float) -> Callable[[Word], bool]:
    """Whether a word's ink (its dark pixels in ``before``, the band's rows as cut, their top at ``top`` on
    the page) is gone from ``band`` (the rows read, the stamp's ink made paper): at least ``GONE_SHARE`` of
    it. A printed number or notation the band did not read ("2024", "30/2020/NĐ-CP" at the line's end, read
    unsure first: review 31 H2) keeps its ink; the stamp's pen date and labels lose theirs."""

    def gone(w: Word) -> bool:
        r0, r1 = max(0, int(w.box.y0 - top)), min(band.shape[0], math.ceil(w.box.y1 - top))
        c0, c1 = max(0, int(w.box.x0)), min(band.shape[1], math.ceil(w.box.x1))
        if r1 <= r0 or c1 <= c0:
            return True  # no pixel of the band under it: nothing of it was read there
        dark = before[r0:r1, c0:c1] < level
        n = int(np.count_nonzero(dark))
        if n == 0:
            return True
        kept = int(np.count_nonzero(dark & (band[r0:r1, c0:c1] < level)))
        return kept < (1.0 - GONE_SHARE) * n

    return gone


def _merged(
    old: list[Word],
    read: list[Word],
    in_stamp: Callable[[Word], bool],
    gone: Callable[[Word], bool] = lambda w: True,
) -> list[Word]:
    """A line's words (``old``: as first read) with its band read alone (``read``): outside the stamp's box
    (``in_stamp``) the first reading's words (the stamp took nothing there: read alone, "mới" came back
    "mơi", a dash was lost), the band's only where the first read none; inside it the band's words read as
    syllables (``_clean``) that are none of the
    stamp's own words ("Số", "Ngày"), at ``THROUGH_CONF`` at most (read through the stamp), where the first
    reading read no sure syllable: its sure words stand ("việc" read at 36 alone; "qua" read at 78 first,
    "tua" at 96 alone, and the corrector's "Kết tủa" for "Kết quả"), as do its words where the band read a
    mark ("II" and "2024" where it read "lÏ" and "2Ù24") or nothing: the band's words only replace the first
    reading's words under them that were no sure syllable ("Nghệ", "yiêotắng"), as do its words read in
    part there, in doubt (``_glued_syllables``, ``_bare``, ``_lettered`` between the line's words: "cấp,lại",
    "trien", "íy"); the first reading's stamp's words and unsure marks the band read nothing over go
    (``_stamp_mark``). A reading of more words than
    a line of print holds (``LINE_WORDS_MAX``: specks, a hostile page of dots) is no line: the first stands,
    and the merge's cost stays bounded (review s20)."""
    if len(old) > LINE_WORDS_MAX or len(read) > LINE_WORDS_MAX:
        return _one_a_place(old)
    out: list[Word] = []
    taken: list[Word] = []
    used: set[int] = set()

    def over(w: Word, among: list[Word]) -> list[int]:
        return [
            i
            for i, o in enumerate(among)
            if min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0)
            > 0.5 * min(w.box.x1 - w.box.x0, o.box.x1 - o.box.x0)
        ]

    old = _one_a_place(old)
    # the line's own span (its first reading's words and the box): the band runs the page's width, and a
    # word of another column on the same rows, or a speck past the line's end, is none of the line's
    # (review s20; "… nhập khẩu thuốc ô", seed 137 blur dev 005)
    spans = [(w.box.x0, w.box.x1) for w in [*old, *(r for r in read if in_stamp(r))]]
    lo, hi = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0.0, 0.0)

    for w in read:
        under = over(w, old)
        used.update(under)
        if not in_stamp(w):
            # outside the box the first reading stands, the band's only where it read nothing, within the line
            if not under and lo <= (w.box.x0 + w.box.x1) / 2 <= hi:
                taken.append(w)
            elif under and _sure([w]) and not _stamp_own(w.text) and all(_stamp_mark(old[i]) for i in under):
                # a syllable read surely where the first reading read the pen's number glued to it, beside
                # the box ("SẢN" at 74 over "72/¡1/¡/BÄN" at 11: "Giấy phép xuất rượu …", seed 845 corp
                # 005): taken, in doubt (no other reading checked it)
                taken.append(replace(w, conf=min(w.conf, BARE_CONF)))
        elif (same := _stray_marks_of(w, [old[i] for i in under])) is not None:
            # "chính," read first: the box's side was its comma; a real comma the box's removal took is not
            # told from it, so the word is no surer than the band read it (review 22 MED 2)
            taken.append(replace(same, text=w.text, conf=min(same.conf, w.conf)))
        elif (parts := _glued_syllables(w)) and not any(_sure([old[i]]) for i in under):
            # "cấp,lại": two syllables the pen's stroke between them glued, read apart, no surer than read
            taken.extend(parts)
        elif _bare(w) and not any(_sure([old[i]]) or _clean(old[i]) for i in under):
            # "trien" over the first reading's "1ý": the letters read, their marks lost, read in doubt (the
            # corrector, with the line's words, may give them back)
            taken.append(replace(w, conf=min(w.conf, BARE_CONF)))
        elif not under and _between(w, read, old) and _lettered(w):
            # a word of print between the line's words the first reading lost ("íy" for "ty", the box's side
            # through its "t"): no word is dropped unseen, it stands in doubt
            taken.append(replace(w, conf=min(w.conf, BARE_CONF)))
        elif (cut := _cut_short(w, [old[i] for i in under], old, read)) is not None:
            # "đề" over the first reading's sure "ề": the box's side took its first letter there
            if w.conf >= SURE_READ:
                taken.append(replace(w, conf=min(w.conf, cut.conf, THROUGH_CONF)))
            else:
                # "dịp," at 50 over the first reading's "dị" at 97 (the "p" run into the pen's number
                # under it; the corrector made "dị" "đi": "… giao thông đi Tết", SURE-WRONG, seed 379 alt
                # 001): the band's letters, in doubt; a mark after them is the pen's ink the band left, the
                # first reading's own stands
                text = (_letters(w.text) or w.text) + _tail(cut.text)
                taken.append(replace(w, text=text, conf=min(w.conf, BARE_CONF)))
        elif _faint_next(w, read, [old[i] for i in under]):
            # "tai" at 25 right after "thiển", over the first reading's "t0" at 0 (the pen's number run into
            # it: "… hậu quả thiên" lost its last word, seed 391 alt 007): taken, in doubt
            taken.append(replace(w, conf=min(w.conf, DISPUTED_CONF)))
        elif _outread(w, [old[i] for i in under], old) is not None:
            # "KINH" at 90 alone over the first reading's "Ấn" at 61 (the box's side through its "H", the
            # pen's number over it; seed 451 alt 005): read far more surely, the word the corpus shows there
            taken.append(replace(w, conf=min(w.conf, THROUGH_CONF)))
        elif any(_sure([old[i]]) for i in under) or not _clean(w) or _stamp_own(w.text) or _stroke_letter(w):
            out.extend(
                old[i] for i in under
            )  # a sure word read first, or a mark read alone: the first stands
        else:
            taken.append(replace(w, conf=min(w.conf, THROUGH_CONF)))
    # inside the box, the first reading's words the band read nothing over stand ("II" read first), but for
    # the stamp's own words ("Ngày:") and marks read unsure before or after the line's words (its date in
    # pen: "5⁄71/⁄ZI|" at 29), whose ink was taken out: a mark between them may be print the band lost
    out.extend(
        o
        for i, o in enumerate(old)
        if not in_stamp(o)
        or (
            i not in used
            and not (gone(o) and (_stamp_own(o.text) or (_stamp_mark(o) and not _between(o, read, old))))
        )
    )
    # the first reading's words where the band's taken words lie are read again by them
    kept = [o for o in dict.fromkeys(out) if not over(o, taken)]
    return sorted([*kept, *taken], key=lambda w: w.box.x0)


SURE_READ = 60.0  # a syllable read this surely is a sure one


BARE_CONF = (
    50.0  # (0..100) the most a band's word read with a syllable's letters but not its marks is sure of
)


def _bare(w: Word) -> bool:
    """A band's word read surely (``SURE_READ``) as letters only that are no syllable but a syllable's
    letters with its tone and vowel marks dropped or changed ("trien" for "triển", under the box's side):
    none of the stamp's own words."""
    from digitize.pipeline import correct
    from digitize.pipeline.syllable import skeleton

    t = _letters(w.text)
    if not t or w.conf < SURE_READ or is_syllable(t) or _stamp_own(w.text):
        return False
    return w.text.strip(".,;:") == t and skeleton(t) in correct.load().frequent


def _lettered(w: Word) -> bool:
    """A word read surely (``SURE_READ``) as letters only (a mark at its ends at most), none of the stamp's
    own words: print read with a letter changed ("íy" for "ty"), not the stamp's marks ("[¬,N?”:")."""
    t = _letters(w.text)
    return bool(t) and w.conf >= SURE_READ and w.text.strip(".,;:") == t and not _stamp_own(w.text)


def _between(w: Word, read: list[Word], old: list[Word]) -> bool:
    """``w`` lies between two words of the line read as syllables (``_clean``; none of the stamp's own
    words), one on each side."""
    mid = (w.box.x0 + w.box.x1) / 2
    words = [o for o in [*read, *old] if o is not w and _clean(o) and not _stamp_own(o.text)]
    return any(o.box.x1 <= mid for o in words) and any(o.box.x0 >= mid for o in words)


def _glued_syllables(w: Word) -> list[Word]:
    """A band's word that is two or more syllables (letters only, each a syllable) glued by marks between
    them, read at ``BAND_WORD`` or more ("cấp,lại": the pen's date under the line reaching up between them):
    the syllables as words of their own, their boxes shared out by their letters, at ``BARE_CONF`` at most.
    None (empty) otherwise."""
    if w.conf < BAND_WORD or any(ch.isdigit() for ch in w.text):
        return []
    parts = [p for p in re.split(r"[\W_]+", w.text) if p]  # two or more: marks between them
    if len(parts) < 2 or not all(is_syllable(p) and not _stamp_own(p) for p in parts):
        return []
    n = len(w.text)
    out = []
    x0, width = w.box.x0, w.box.x1 - w.box.x0
    k = 0
    for p in parts:
        i = w.text.index(p, k)
        a, b = x0 + width * i / n, x0 + width * (i + len(p)) / n
        out.append(replace(w, text=p, conf=min(w.conf, BARE_CONF), box=replace(w.box, x0=a, x1=b)))
        k = i + len(p)
    return out


FAINT_GAP = 0.6  # of a word's height: the most space between it and the word before it on a line of print


def _faint_next(w: Word, read: list[Word], under: list[Word]) -> bool:
    """A band's word under the box read as a syllable of two letters or more (letters only, none of the
    stamp's own words) too unsurely to be ``_clean``, right after a syllable the band read (``_clean``, at
    most ``FAINT_GAP`` of its height before it: the line's next word), where the first reading read marks
    only (no syllable, below ``SURE_READ``): print the pen's ink ran into, read in part."""
    t = _letters(w.text)
    if not t or len(t) < 2 or _clean(w) or not is_syllable(t) or w.text.strip(".,;:") != t or _stamp_own(t):
        return False
    if not under or any(_clean(o) or o.conf >= SURE_READ for o in under):
        return False
    gap = FAINT_GAP * (w.box.y1 - w.box.y0)
    return any(_clean(r) and 0 <= w.box.x0 - r.box.x1 <= gap for r in read if r is not w)


def _stamp_mark(w: Word) -> bool:
    """A word of the first reading under the stamp's box that is no print the band lost: one of the stamp's
    own words ("Ngày:", ``_stamp_own``), or a mark read unsure (letters or digits that are no syllable,
    under ``SURE_READ``: its date in pen read "5⁄71/⁄ZI|")."""
    if _stamp_own(w.text):
        return True
    return w.conf < SURE_READ and not _clean(w) and any(ch.isalnum() for ch in w.text)


def _stray_marks_of(w: Word, under: list[Word]) -> Word | None:
    """The one word of the first reading under the band's word ``w`` (read as a syllable, ``_clean``) that
    is its letters with marks the band did not read ("chính," over "chính"): the stamp's stroke next to the
    word (its box's side, its inner column's rule) read as a comma or a dot glued to it; without the stamp's
    ink (the band) the word has none. None otherwise (the band read other letters, or no fewer marks)."""
    if len(under) != 1 or not _clean(w):
        return None
    o = under[0]
    if _letters(o.text) != _letters(w.text) or len(o.text) <= len(w.text):
        return None
    return o


def _stroke_letter(w: Word) -> bool:
    """A band's word of one letter read below ``ONE_LETTER_SURE``: the box's side read as one ("Í" at 41
    after "nội địa", the subject "… nội địa í", seed 397 alt 012), no word of print."""
    letter = fold(_letters(w.text) or "")
    return len(letter) == 1 and letter in _STROKE_LETTERS and w.conf < ONE_LETTER_SURE


# the letters a box's side is read as (a stroke): "í", "l", "I", "j", "t" (not "y" of "thú y": REVIEW-34)
_STROKE_LETTERS = frozenset("iljt")


def _shown_short(old: list[Word], read: list[Word], in_stamp: Callable[[Word], bool]) -> set[int]:
    """The ids of a line's first-reading words (``old``) that a band's word under the stamp's box (``read``)
    shows cut short (``_cut_short``)."""
    out = set()
    for r in read:
        if in_stamp(r) and (o := _cut_short(r, [o for o in old if _overlap(r, o)], old, read)) is not None:
            out.add(id(o))
    return out


def _longer_fits(short: Word, long: Word, line: Sequence[Word], band: Sequence[Word] = ()) -> bool:
    """The corpus shows the band's ``long`` word beside the line's words either side of ``short`` (the first
    reading's) more often than ``short``: "thông dịp", "dịp Tết" over "thông dị", "dị Tết". A neighbour
    the first reading read as no word the corpus knows (the box's side through it too) is the band's word
    next to ``long`` (``band``) where that is one it knows: "quy" over "uy", its neighbour read "Hịnh" first
    and "định" in the band ("quy định", never "uy định"; "Về việc ủy Hình …", seed 847 corp 010)."""
    others = sorted((x for x in line if x is not short), key=lambda x: x.box.x0)
    left = [x for x in others if x.box.x1 <= short.box.x0 + 1]
    right = [x for x in others if x.box.x0 >= short.box.x1 - 1]
    a = left[-1].text if left else ""
    b = right[0].text if right else ""
    mates = sorted((x for x in band if x is not long), key=lambda x: x.box.x0)
    reach = 2 * _height(long)  # (the band's neighbour stands where the first reading's did)
    if a and not correct.common(_letters(a) or a):
        near = [x for x in mates if short.box.x0 - reach < x.box.x1 <= long.box.x0 + 1]
        a = near[-1].text if near and _known(near[-1]) else a
    if b and not correct.common(_letters(b) or b):
        near = [x for x in mates if long.box.x1 - 1 <= x.box.x0 < short.box.x1 + reach]
        b = near[0].text if near and _known(near[0]) else b

    def seen(word: str) -> int:
        return (correct.pair_count(a, word) if a else 0) + (correct.pair_count(word, b) if b else 0)

    # neither shown (a line's last word, its next on the line below): the band's, read unsure, is taken in
    # doubt (``BARE_CONF``)
    return seen(long.text) > seen(short.text) or (
        seen(long.text) == seen(short.text) == 0 and long.conf < SURE_READ
    )


def _known(w: Word) -> bool:
    """A word read as a syllable (``_clean``) the corpus knows (``correct.common``)."""
    return _clean(w) and correct.common(_letters(w.text) or "")


def _height(w: Word) -> float:
    """A word's box's height (at least 1)."""
    return max(1.0, w.box.y1 - w.box.y0)


def _cut_short(
    w: Word, under: list[Word], line: Sequence[Word] = (), band: Sequence[Word] = ()
) -> Word | None:
    """The one word of the first reading under the band's word ``w`` (a syllable, ``_clean``) whose letters
    are ``w``'s with its first or last letters lost where ``w`` reaches past it: the stamp's stroke over them
    ("ề" at 93 for "đề", the box's side through its "đ": a subject of "về tiếc ề nghị …" left unread, seed
    387 dev 003; "dị" at 97 for "dịp", its "p" run into the pen's number). None otherwise."""
    if len(under) != 1 or not _clean(w) or _stamp_own(w.text):
        return None
    o = under[0]
    if correct.common(o.text) and not _longer_fits(o, w, line, band):
        # a word of its own ("và") the corpus shows beside its neighbours as often as the band's longer one:
        # "vài" may be the box's side read as a letter (REVIEW-34 H1); "dị" of "giao thông dị Tết" is not
        return None
    mine, theirs = (_letters(o.text) or "").lower(), (_letters(w.text) or "").lower()
    if not mine or len(mine) >= len(theirs):
        return None
    if theirs.endswith(mine) and w.box.x0 < o.box.x0:
        return o
    if theirs.startswith(mine) and w.box.x1 > o.box.x1:
        return o
    return None


OUTREAD_GAP = 20.0  # (0..100) how much more surely the band read its word than the first reading read its own


def _outread(w: Word, under: list[Word], line: Sequence[Word]) -> Word | None:
    """The one word of the first reading under the band's word ``w`` (under the stamp's box) that ``w``
    outweighs: a sure syllable (``_sure``; one read unsure the band's replaces anyway) of other letters,
    read barely surely through the box ("Ấn" at 61 for "KINH", the box's side through its "H"), where the
    band read ``w`` as a syllable surely (``THROUGH_CONF``; none of the stamp's own words), ``OUTREAD_GAP``
    more surely at least, and the corpus shows ``w`` beside the line's words either side more often than
    the first's (``_longer_fits``: "phép kinh", "kinh doanh"). A band's word read surely that the corpus
    does not prefer is no better a reading ("tua" at 96 alone over "qua" at 78 first, "việc qua"): the first
    stands. None otherwise."""
    if len(under) != 1 or not _clean(w) or w.conf < THROUGH_CONF or _stamp_own(w.text):
        return None
    o = under[0]
    mine, theirs = (_letters(o.text) or "").lower(), (_letters(w.text) or "").lower()
    if not _sure([o]) or mine == theirs or o.conf > w.conf - OUTREAD_GAP:
        return None
    return o if _longer_fits(o, w, line) else None


def _misread_letter(w: Word, under: list[Word], line: Sequence[Word]) -> Word | None:
    """The one word of the first reading under the band's word ``w`` (under the stamp's box) that is another
    syllable one letter from ``w``'s, of as many letters, neither read surely (under ``SURE_READ``), where
    ``w``'s is a word the corpus knows (``correct.common``) and the first reading's is none, nor shown
    beside the line's words either side (the line's last word has its next on the line below): the
    stamp's ink under it changed a letter ("lịp,.." at 50 in the block reading, "dịp." at 21 alone, over
    the stamp's "Số:": "… giao thông lịp,.. Tết Nguyên đán", seed 419 alt 008). None otherwise: a word
    read surely, or one the corpus knows, stands."""
    if len(under) != 1 or _stamp_own(w.text) or w.conf >= SURE_READ:
        return None
    o = under[0]
    mine, theirs = (_letters(o.text) or "").lower(), (_letters(w.text) or "").lower()
    if o.conf >= SURE_READ or not mine or len(mine) != len(theirs) or mine == theirs:
        return None
    if sum(a != b for a, b in zip(mine, theirs, strict=True)) != 1:
        return None
    if not (is_syllable(mine) and is_syllable(theirs)) or correct.common(mine) or not correct.common(theirs):
        return None
    others = sorted((x for x in line if x is not o), key=lambda x: x.box.x0)
    left = [_letters(x.text) or "" for x in others if x.box.x1 <= o.box.x0 + 1]
    right = [_letters(x.text) or "" for x in others if x.box.x0 >= o.box.x1 - 1]
    if (left and correct.pair_count(left[-1], mine)) or (right and correct.pair_count(mine, right[0])):
        return None  # (the corpus shows it beside a word of the line: a word of its own)
    return o


def _reread_letters(w: Word, o: Word) -> Word:
    """The first reading's word ``o`` read as the band's ``w`` (``_misread_letter``): ``w``'s letters, the
    marks after them only those both readings read (",.." and "." are the stamp's ink, read otherwise each
    time; "tự," read twice is print), in doubt (``DISPUTED_CONF``): a letter chosen by the corpus."""
    a, b = _tail(o.text), _tail(w.text)
    common = a[: next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))]
    return replace(o, text=(_letters(w.text) or w.text) + common, conf=min(o.conf, w.conf, DISPUTED_CONF))


def _misread_letters(old: list[Word], read: list[Word], in_stamp: Callable[[Word], bool]) -> dict[int, Word]:
    """The first reading's words (``old``) under the stamp's box that the band's words (``read``) show with
    a letter misread (``_misread_letter``), by id, each as read again (``_reread_letters``)."""
    out: dict[int, Word] = {}
    for r in read:
        if in_stamp(r) and (o := _misread_letter(r, [o for o in old if _overlap(r, o)], old)) is not None:
            out[id(o)] = _reread_letters(r, o)
    return out


# the letters a syllable's first or last may be (the box's side over it took it): the corpus chooses
_SIDE_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _side_lost(
    line: list[Word], read: list[Word], cols: tuple[float, float], in_stamp: Callable[[Word], bool]
) -> dict[int, Word]:
    """The words of a line (``line``: as it stands) beside the stamp's box (columns ``cols``, its margin
    with them) that the box's side took a letter of, by id, each read again in doubt (``DISPUTED_CONF``).
    The band (``read``) read the word surely (``SURE_READ``) with one letter more on the box's side, where
    the side lies (its start or end within ``cols``, its middle out of the box): the side's stroke run into
    that letter is read as another ("hghị" over "ghị", the "n" crossed by the side read "h"; "dường" over
    "ường" for "cường"), so the letter is the corpus's choice: the one that makes a syllable it shows beside
    the line's words either side most often, more than the word as read and more than any other letter
    ("đề nghị", not "đề ghị" that the corrector made "để ghi": "Về việc để ghi điều chỉnh …" held at 0.93,
    seed 427 alt 003). With no such letter, a word the corpus does not know stands in doubt; one it knows
    stands."""
    out: dict[int, Word] = {}
    others = sorted(line, key=lambda x: x.box.x0)
    for r in read:
        theirs = _letters(r.text) or ""
        if in_stamp(r) or r.conf < SURE_READ or r.text.strip(".,;:") != theirs or _stamp_own(theirs):
            continue
        under = [o for o in line if not in_stamp(o) and _overlap(r, o)]
        if len(under) != 1 or id(under[0]) in out:
            continue
        o = under[0]
        mine = _letters(o.text) or ""
        if not mine or mine not in o.text:
            continue
        left = [x.text for x in others if x is not o and x.box.x1 <= o.box.x0 + 1]
        right = [x.text for x in others if x is not o and x.box.x0 >= o.box.x1 - 1]

        def seen(word: str, a: str = left[-1] if left else "", b: str = right[0] if right else "") -> int:
            return (correct.pair_count(a, word) if a else 0) + (correct.pair_count(word, b) if b else 0)

        if len(theirs) == len(mine) and (swapped := _side_swapped(o, r, mine, theirs, cols, seen)):
            out[id(o)] = swapped
            continue
        if len(theirs) != len(mine) + 1:
            continue
        start = cols[0] <= r.box.x0 <= cols[1] and r.box.x0 < o.box.x0 and theirs[1:] == mine
        end = cols[0] <= r.box.x1 <= cols[1] and r.box.x1 > o.box.x1 and theirs[:-1] == mine
        if start == end:
            continue  # neither (or a word of one letter repeated: no side told)

        upper = mine.isupper() or (theirs[0] if start else theirs[-1]).isupper()
        letters = [x.upper() if upper else x for x in _SIDE_LETTERS]
        words = [x + mine if start else mine + x for x in letters]
        cands = sorted(((seen(c), c) for c in words if correct.common(c)), reverse=True)
        if cands and cands[0][0] > seen(mine) and (len(cands) == 1 or cands[0][0] > cands[1][0]):
            word = cands[0][1]
            box = replace(o.box, x0=r.box.x0) if start else replace(o.box, x1=r.box.x1)
            text = o.text.replace(mine, word, 1)
            out[id(o)] = replace(o, text=text, conf=min(o.conf, r.conf, DISPUTED_CONF), box=box)
        elif not correct.common(mine):
            out[id(o)] = replace(o, conf=min(o.conf, DISPUTED_CONF))
    return out


def _side_swapped(
    o: Word, r: Word, mine: str, theirs: str, cols: tuple[float, float], seen: Callable[[str], int]
) -> Word | None:
    """The first reading's word ``o`` beside the stamp's box (``mine``: its letters) read by the band (``r``,
    ``theirs``) with its first letter (where the box's side crosses its start, within ``cols``) or its last
    (its end) another, the rest alike: the side's stroke run into that letter made it another ("Hịnh" at 92
    for "định", the side through its "đ": "Về việc quy Hình …", seed 847 corp 010). Taken as the band read
    it, in doubt (``DISPUTED_CONF``), where the corpus knows the band's word and not the first's, and shows
    it beside the line's words (``seen``) more often; None otherwise."""
    if mine.lower() == theirs.lower() or correct.common(mine) or not correct.common(theirs):
        return None
    start = cols[0] <= r.box.x0 <= cols[1] and o.box.x0 <= cols[1] and mine[1:] == theirs[1:]
    end = cols[0] <= r.box.x1 <= cols[1] and o.box.x1 >= cols[0] and mine[:-1] == theirs[:-1]
    if start == end or seen(theirs) <= seen(mine):
        return None
    return replace(o, text=o.text.replace(mine, theirs, 1), conf=min(o.conf, r.conf, DISPUTED_CONF))


SIDE_TOUCH = 1.0  # letters: a word read alone ending this near the box's left side, or past it, reaches it
NEXT_GAP = 1.5  # letters: the most space between two words of a line of print read on after it


def _cut_at_side(
    line: list[Word], read: list[Word], side: float, rows: tuple[float, float], letter: float
) -> tuple[Word, list[Word]] | None:
    """The last word of a line (``line``: as it stands) read as no syllable the corpus knows, with the band's
    word over it (``read``) read surely as a syllable beginning with its letters and reaching the stamp's
    box's left side (``side``, within ``SIDE_TOUCH`` letters): the side cut the word off ("n" for "năm": "…
    công chức n", seed 513 dev 003), in its place, with the band's words after it on the line read surely
    as syllables or numbers, a word's space apart (``NEXT_GAP``), up to the first that is none, the stamp's
    own ("Số:") or its pen's number (``_pen_number``, on the line's ``rows``): "2021"; all in doubt
    (``BARE_CONF``: read through the box's side, none checked by another reading). None where no such word
    ends the line or the band read no such word over it."""
    if not line:
        return None
    o = max(line, key=lambda w: w.box.x1)
    mine = _letters(o.text)
    if not mine or (is_syllable(mine) and correct.common(mine)):
        return None
    ordered = sorted(read, key=lambda w: w.box.x0)
    for i, r in enumerate(ordered):
        theirs = _letters(r.text) or ""
        if not _overlap(r, o) or r.conf < SURE_READ or not _clean(r) or _stamp_own(theirs):
            continue
        if len(theirs) <= len(mine) or not fold(theirs).lower().startswith(fold(mine).lower()):
            return None
        if r.box.x1 < side - SIDE_TOUCH * letter:
            return None  # the band's word ends short of the box: no side cut it
        out = [replace(r, conf=min(r.conf, BARE_CONF))]
        for w in ordered[i + 1 :]:
            if w.box.x0 - out[-1].box.x1 > NEXT_GAP * letter or w.conf < SURE_READ:
                break
            text = w.text.strip(".,;:")
            if _stamp_own(text) or _pen_number(w, rows, letter) or _not_the_line(text, out):
                break
            if not (_clean(w) or (text.isdigit() and text == w.text.rstrip(".,;:"))):
                break
            out.append(replace(w, conf=min(w.conf, BARE_CONF)))
        return o, out
    return None


BAND_WORD = 40.0  # a syllable read alone at least this surely under the box is print ("tăng" at 58)


# a date line's words ("ngày 15 tháng 3"): the stamp's date or the next line's
_DATE_WORDS = frozenset({"ngay", "thang"})


def _not_the_line(text: str, before: list[Word]) -> bool:
    """Whether a word the band read after a line's words ``before`` (read on from its last word cut off at
    the stamp's box's side, ``_cut_at_side``) is none of that line's print: a number after a number (the
    pen's "3032" after "năm 2021"), a word in capitals after words in lower case (the stamp's heading, "CÔNG
    VĂN"), a date's word ("tháng", "ngày")."""
    last = before[-1].text.strip(".,;:")
    if text.isdigit() and last.isdigit():
        return True
    letters = _letters(text) or ""
    if letters.isupper() and len(letters) > 1 and any(ch.islower() for w in before for ch in w.text):
        return True
    return fold(letters).lower() in _DATE_WORDS


def _tail(text: str) -> str:
    """The marks after a word's last letter or digit ("," of "tự,")."""
    return text[len(text.rstrip(_MARKS)) :]


_MARKS = ".,;:!?)”’\"'"


def _letters(text: str) -> str | None:
    """The letters of a word that is letters and punctuation only (None with a digit: "2Ù24" is a mark)."""
    if any(ch.isdigit() for ch in text):
        return None
    return re.sub(r"[^\w]|_", "", text)


def _clean(w: Word) -> bool:
    """A word read as a syllable (letters only, no digit) at ``BAND_WORD`` or more."""
    t = _letters(w.text)
    return t is not None and bool(t) and w.conf >= BAND_WORD and is_syllable(t)


def _band_score(words: list[Word]) -> tuple[int, int, int, int]:
    """A line's reading's worth: its syllables read surely (letters only, ``SURE_READ``), its syllables
    (``_clean``) less its marks (a word with letters that is none, read unsure: "yiêotắng"; "II" read surely
    is none), the letters of its sure syllables; as worth as that, the one with fewer marks glued to its
    words ("chính" over "chính,": the stamp's stroke read as a comma)."""
    sure = [w for w in words if _clean(w) and w.conf >= SURE_READ]
    clean = sum(1 for w in words if _clean(w))
    marks = sum(
        1 for w in words if any(ch.isalpha() for ch in w.text) and not _clean(w) and w.conf < SURE_READ
    )
    letters = sum(len(_letters(w.text) or "") for w in sure)
    # marks glued to syllables only: a number's or a notation's own "/" and "-" are no stray marks (review 22)
    stray = sum(len(w.text) - len(_letters(w.text) or "") for w in words if _clean(w))
    return len(sure), clean - marks, letters, -stray


def _overlap(w: Word, o: Word) -> bool:
    """``w`` and ``o`` lie over each other: more than half the narrower's width."""
    return min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0) > 0.5 * min(
        w.box.x1 - w.box.x0, o.box.x1 - o.box.x0
    )


def _one_a_place(words: list[Word]) -> list[Word]:
    """A line's ``words`` with one word a place: of two read over each other (the stamp's pass read "XUẤT"
    and "XUẤT:" at one place, seed 135 dev 013) the surer stands. More words than a line holds
    (``LINE_WORDS_MAX``) are no line's: as they are (each weighed against each other, a hostile page's 6000
    specks cost seconds; review s21)."""
    if len(words) > LINE_WORDS_MAX:
        return list(words)
    wide = {id(p) for p in words if _spans_words(p, words)}
    return [
        o
        for o in words
        if not any(
            p is not o
            and p.conf > o.conf
            and _overlap(o, p)
            and _dash(o) == _dash(p)
            and id(p) not in wide
            and not _number_beside(o, p)
            for p in words
        )
    ]


def _number_beside(o: Word, p: Word) -> bool:
    """``o`` and ``p`` both read surely (``PRINT_SURE``), one a number (digits only, a mark at its ends at
    most) and the other letters only, in the shape of a word's box run over the next: the number starts past
    the word's middle and ends past its end, its top and its foot within ``BESIDE_ROWS`` of the word's height
    of the word's (no pen number written over the print, ``_pen_number``): two words of the line, no two
    readings of one place ("thứ" at 97 boxed over "7," at 97: "Về Kỳ họp thứ Quốc hội khóa" for "thứ 7,
    Quốc hội", seed 847 corp 008). A number at the word's place ("I" and "1", "năm" and "2024"), or one
    standing over its rows (the stamp's "Số: 123" in pen), is another reading of the place (review A48 H1)."""

    def kind(w: Word) -> str:
        core = re.sub(r"[^\w]|_", "", w.text)
        return "digits" if core.isdigit() else "letters" if core.isalpha() else ""

    if min(o.conf, p.conf) < PRINT_SURE or {kind(o), kind(p)} != {"digits", "letters"}:
        return False
    n, w = (o, p) if kind(o) == "digits" else (p, o)
    tall = _height(w)
    return (
        n.box.x0 > (w.box.x0 + w.box.x1) / 2
        and n.box.x1 > w.box.x1
        and abs(n.box.y0 - w.box.y0) <= BESIDE_ROWS * tall
        and abs(n.box.y1 - w.box.y1) <= BESIDE_ROWS * tall
        and not _pen_number(n, (w.box.y0, w.box.y1), tall)
    )


BESIDE_ROWS = 0.2  # of a word's height: a number boxed under its end stands on its rows this near


def _spans_words(p: Word, words: list[Word]) -> bool:
    """``p``'s box holds two other ``words`` read apart (neither over the other): a box Tesseract ran over
    the words after the word's own ("DỊCH" at 97 boxed over "VỤ LỮ", each read at 93: the two were dropped
    as other readings of its place, "dịch hành quốc tế", seed 387 alt 005). No other reading of one place."""
    within = [q for q in words if q is not p and _overlap(q, p)]
    return any(not _overlap(a, b) for i, a in enumerate(within) for b in within[i + 1 :])


def _dash(w: Word) -> bool:
    """A word that is one dash read surely (``_printed_dash``): no other reading of the word whose box it
    lies in ("tế" read over "tế -" in the first reading, its dash a word of its own at the same place)."""
    return _printed_dash(w.text, w.conf)


def _stamp_own(text: str) -> bool:
    """A word that is (the start of) one of an incoming stamp's own words ("Số", "Ngày", "Chuy")."""
    own = fold(re.sub(r"[^\w]|[\d_]", "", text)).lower()
    return own in _STAMP_OWN or (len(own) >= 4 and any(s.startswith(own) for s in _STAMP_OWN))
