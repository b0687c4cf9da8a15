"""The header's organ lines read again, one line at a time, where the page's reading of one is doubtful.

In the tight left column of a Decree 30 header (the parent organ, the organ in bold, a short rule under it,
the "Số:" line close below) Tesseract's page layout may misread a whole line that it reads well on its own:
"CỤC DI SẢN VĂN HÓA" read "SN DI SN Vạn oà" at 11 % confidence on a clean 200 dpi scan, and 89 % when cut
out and read as one line (``--psm 7``). Each left-column line above the "Số:" line (the organ's lines, by
their place in the header, whatever organ it names) read with less than ``DOUBTFUL`` confidence is cut from
the OCR image twice (closer and wider) and read again as one line; the surer new reading replaces it when it
is clearly surer than the first (``GAIN``).

Pages whose header lines were read with confidence (nearly all scans) are untouched: no second Tesseract run.
At most ``MAX_LINES`` lines a page are read again.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import replace

import cv2
import numpy as np
from rapidfuzz import fuzz

from digitize.errors import ToolFailed
from digitize.pipeline import regions
from digitize.pipeline.confidence import DOUBTFUL
from digitize.pipeline.fields.layout import Layout, is_motto, is_motto2
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.number import GARBLED_CONF, is_number_line, organ_abbreviations
from digitize.pipeline.fields.organ import capitals
from digitize.pipeline.fields.place_date import place_date_start
from digitize.pipeline.handdigits import s_label, slash_as_i
from digitize.pipeline.model import RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold
from digitize.tools import tesseract

# a header line read with less mean word confidence (0..1) is read again: confidence.DOUBTFUL
GAIN = 0.2  # ... and its new reading taken when its confidence is this much higher (and not doubtful)
MAX_LINES = 3  # the organ's lines: a parent over one or two, the organ over one or two
# each line cut twice, closer and wider around it (x, y padding in line heights): the surer reading is taken
CUTS = ((0.8, 0.15), (1.5, 0.4))
# a doubtful line's box this many times taller than the column's sure lines holds more than its letters (the
# organ's rule and the top of a number written by hand under it, read with it as one "word" "“no," at 7 %):
# its top band is read instead, one sure line high (what swelled it is under the line's letters)
TALL = 1.6
# a word read with less confidence (0..1) puts its line in doubt too, though the line's others raise its mean
# ("CỤC THỦY" at 69 %: "THỦY" at 48 % is the bold "THÚ Y" run together)
WEAK_WORD = 0.5
# room for a lost line between the organ's last line and the "Số:" line, in line heights (the organ's rule and
# the usual spacing leave about one)
GAP_LINES = 1.2
# ... and at most this many: one lost line and the organ's rule (a "Số:" line far below is another layout:
# no half-page read in search of one line)
MAX_GAP_LINES = 3.5


def doubtful_organ_lines(page: RecognizedPage) -> list[Line]:
    """The header's left-column lines above the "Số:" line (the first three without one) read with little
    confidence, each a whole line of the page's reading (a row OCR read across the gutter is left alone)."""
    lines = regions.lines_of(page)
    header = regions.header_of(page)
    if header is None:
        return []
    layout, number = header
    left = list(layout.left[: number.line_i] if number.line_i is not None else layout.left[:3])
    whole = {ln.words[0].line: ln for ln in lines}
    out = []
    for ln in left:
        if is_motto(ln) or is_motto2(ln) or is_number_line(ln):
            continue
        if ln.conf >= DOUBTFUL and _weakest(ln.words) >= WEAK_WORD and not _cut_short(ln.text):
            continue
        full = whole.get(ln.words[0].line)
        if full is not None and len(full.words) == len(ln.words):
            out.append(ln)
    return out[:MAX_LINES]


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The first page with its doubtful organ lines read again one by one (``--psm 7``), and an organ line
    the first reading lost read in the gap it left."""
    if page.index != 0:
        return page
    page = _reread(prepared, page, lang=lang, timeout=timeout)
    page = _lost_line(prepared, page, lang=lang, timeout=timeout)
    page = _ink_rows(prepared, page, lang=lang, timeout=timeout)
    return _notation(prepared, page, lang=lang, timeout=timeout)


# a printed notation as read alone after its slash: a capital, letters, then one or two hyphened parts
_CLEAN_NOTATION = re.compile(r"/([A-ZĐ][A-Za-zĐđ]{0,7}(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]{0,7}){1,2})")
# the notation's slash as the line's reading gives it, letters after it ("/mcvp", "(cr-cpLqGvN" of
# "/CT-CDLQGVN", ",sGDÐT:-GDTrH" of "/SGDĐT-GDTrH")
_SLASH_READ = re.compile(r"\d*([/(|!,\\⁄\[{])(?=[^\W\d_])")
# the notation word read again is cut at its box on its left (a pen's stroke close before the slash is read
# as a mark: "/ƒTTr-SYT" at 49), this much (in its own heights) wider on its right and up and down, then given
# this much white margin all round (read closer to the print's edge, "/ƒTTr-SYT" at 54; "/TTr-SYT" at 79)
NOTATION_PAD = 0.15
NOTATION_MARGIN = 0.3
# ... and its new reading taken when read at least this surely (0..100)
NOTATION_SURE = 75.0
# ... and like the first reading (lower-cased, ``fuzz.ratio``): "/mcvp" of "/HC-VP" at 73, not "/TH-SYT" at 17
# (the cut may hold another word's letters, a notation read in shape that is not the one printed)
NOTATION_LIKE = 60.0
NOTATION_DPI = 300.0
# a word before the notation this many times as tall as it is a number written by hand
PEN_TALL = 1.5


def _notation(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """The "Số:" line's printed notation read again on its own where the line's reading garbled it: a number
    written by hand before it, taller than the print, throws the line's reading of the letters' case and
    hyphen ("Số: 2209 /HC-VP" read "sẽ: 2209 /mcvp" at 19 %, "Số: 702 /CVT-VP" read "số: … /cvrvP"); cut
    out alone from its slash on, it reads clean. The line's last word, led by a "/" and not shaped as a
    notation (a capital, letters, a hyphened part), is read again as one line (``--psm 7``) and replaced by
    the new reading when that is a notation read surely (``NOTATION_SURE``). A notation read in shape is read
    again so only after a number standing taller than it (``PEN_TALL``): the line's reading may have lost a
    lowercase letter: "/TT-SYT" of "/TTr-SYT"); a new reading is taken there only when it adds letters to the
    first. A new reading is taken only like the first (``NOTATION_LIKE``), and lends no confidence to the
    line's number (digits glued before the slash are the first reading's; the number's worth does not rise
    with the line's mean); the extractor doubts a notation so read whose first part is no document type's. A
    blurred page's capitals read alone are no surer: taken there only in doubt, read at ``BLURRED_SURE`` and
    with a part the header's organ lines abbreviate (``header_abbreviations``). One small Tesseract run on
    such pages only."""
    header = regions.header_of(page)
    if header is None:
        return page
    layout, number = header
    # the "Số:" line, also where its number was not read (its slash read as another mark: no number line
    # found by the number's reading, its first "Số:" line is taken)
    at = number.line_i
    if at is None:
        at = next((i for i, ln in enumerate(layout.left) if is_number_line(ln)), None)
    if at is None:
        # ... or its label read "s." (its "ố" lost), digits after it and a last word: the notation
        at = next((i for i, ln in enumerate(layout.left) if _s_led_number_line(ln)), None)
    if at is None:
        return page
    ln = layout.left[at]
    if len(ln.words) < 2:
        return page
    last = ln.words[-1]
    first = slash_as_i(last.text)
    # the slash at the word's start, or after digits glued before it ("7343⁄QĐ-TTg")
    lead = _SLASH_READ.match(first)
    # ... or lost: a garbled notation read unsurely, letters with no digit ("c+uswp" of "/CT-UBND" after a
    # written "1503" whose strokes ran into the slash, seed 515 alt 001): the slash looked for left of it
    unled = lead is None and _garbled_unled(last)
    if lead is None and not unled:
        return page
    k = lead.start(1) if lead is not None else 0
    h = last.box.y1 - last.box.y0
    before = ln.words[-2].box
    # a notation read in shape is read again only after a number written taller than the print (the line's
    # reading of its case may have lost a letter: "/TT-SYT" of "/TTr-SYT")
    shaped = _CLEAN_NOTATION.fullmatch(first[k:]) is not None
    if h <= 0 or (shaped and before.y1 - before.y0 < PEN_TALL * h):
        return page
    # a blurred photo's capitals read alone are no surer: taken there only as sure as ``BLURRED_SURE``, in
    # doubt, and only with a part the header's organ lines abbreviate (below)
    sure = BLURRED_SURE if prepared.blurred else NOTATION_SURE
    found = _notation_read(prepared, last, h, 0.0, lang=lang, timeout=timeout)
    if found is None or found[1] < sure:
        # the slash the line's reading lost (or read as a letter) may stand just left of the word's box: cut
        # again from a little left of it, a pen's marks there dropped (``SLASH_ROOM``)
        again = _notation_read(prepared, last, h, SLASH_ROOM, lang=lang, timeout=timeout)
        if again is not None and (found is None or again[1] > found[1]):
            found = again
    if found is None:
        return page
    read, conf = found
    m = _CLEAN_NOTATION.search(read)
    if m is None or m.start() != read.find("/") or read[m.end() :].strip(".,;"):
        return page
    # what the first reading had before the slash (a pen's digit glued to it) stays
    text = last.text[:k] + m.group(0)
    if text == last.text or conf < sure:
        return page
    if prepared.blurred:
        # "/qp1y" of "/QĐ-TY" under "CỤC THÚ Y" on a shaken photo (the number's pen digits taller than the
        # print threw the line's reading), read alone "/QĐ-TY" at 67: taken when one of its parts is an
        # abbreviation of the organ lines above it (a check against the header's reading, no list), in doubt
        own = header_abbreviations(layout.left[:at])
        if not any(p in own for p in m.group(0)[1:].split("-")):
            return page
        conf = min(conf, GARBLED_TAKEN_CONF)
    head = m.group(0)[1:].split("-", 1)[0]
    if sum(ch.isalpha() for ch in head) < 2:
        return page  # "/T-UBND": a part of one letter is a letter lost, no surer a notation
    if fuzz.ratio(first[k:].lower(), m.group(0).lower()) < NOTATION_LIKE:
        # another notation than the one first read ("/TH-SYT" for "/mcvp") ... but a first reading garbled
        # past likeness ("c+uswp", "/c+uswp" of "/CT-UBND") gives way to one led by its first letter and as
        # long as it (its marks as many, within ``MARKS_OFF``), in doubt: what was printed is not read twice
        if not _garbled_alike(last, first[k:], m.group(0)):
            return page
        conf = min(conf, GARBLED_TAKEN_CONF)
    if shaped and not _letters_added(first[k:], m.group(0)):
        # a reading in shape gives way only to one that adds letters it lost ("/TT-SYT" → "/TTr-SYT"): read
        # alone, "/BC-SLĐTBXH" at 90 gave "/BC-SLĐIBXH" at 77, "/TT-UBND" at 54 "/T-UBND" at 56 (psm 7's
        # confidence and the line's are no one scale)
        return page
    # the word's confidence: the number's must not rise with it (the number is read from the same line: its
    # confidence is the line's mean, or its digits' words'): a wrong pen number "2289" at 80 on a line at 65
    # would be taken at 80 once its notation reads clean; digits glued before the slash ("7343⁄QĐ-TTg" at 37)
    # are the first reading's, not what the new reading is sure of
    if any(ch.isdigit() for ch in last.text[:k]) and read[: m.start()].strip() != last.text[:k]:
        conf = min(conf, last.conf)
    new_words = [replace(w, conf=conf) if w is last else w for w in ln.words]
    if _number_conf(new_words) > _number_conf(ln.words):
        conf = last.conf
    # the first reading kept as the word's ``read``: the extractor doubts a notation read again whose first
    # part is no document type's (``number.read_number``)
    words = [replace(w, text=text, conf=conf, read=last.text) if w is last else w for w in page.words]
    return replace(page, words=tuple(words), text=page_text(words))


# a blurred page's notation read alone taken from this confidence (0..100), in doubt
BLURRED_SURE = 60.0


def header_abbreviations(lines: Sequence[Line]) -> frozenset[str]:
    """The abbreviations the header's organ lines (above the "Số:" line) give of themselves: each line's and
    each two adjacent lines' (an organ's name on two lines), derived from their words
    (``number.organ_abbreviations``); a line opening with the printed "UBND" gives it."""
    texts = [ln.text for ln in lines]
    texts += [f"{a} {b}" for a, b in itertools.pairwise(texts)]
    out: set[str] = set()
    for t in texts:
        if fold(t).startswith("ubnd "):
            out.add("UBND")
        out.update(organ_abbreviations(t))
    return frozenset(out)


# a garbled notation with no slash read: read unsurer than ``GARBLED_CONF`` (handdigits'), no digit, at least
# ``UNLED_MARKS`` letters and marks, a hyphen or a mark between letters ("c+uswp", "mr.cvr")
UNLED_MARKS = 4
_UNLED = re.compile(r"^[^\W\d_]+(?:[-.,+][^\W\d_]+)+[.,;]?$")
# the cut read again from this many of the word's heights left of its box (the slash lost before it)
SLASH_ROOM = 0.3
# a garbled first reading unlike the new one: as many marks as it within this many, the notation in doubt
MARKS_OFF = 2
GARBLED_TAKEN_CONF = 59.0


def _s_led_number_line(ln: Line) -> bool:
    """A line "s. 1031 Ĩmr-cvr": the "Số:" label read "s." or "s:" (its "ố" lost), then the number's digits
    and a last word with no digit (the notation)."""
    words = ln.words
    return (
        len(words) >= 3
        and s_label(words[0].text)
        and all(any(ch.isdigit() for ch in w.text) for w in words[1:-1])
        and not any(ch.isdigit() for ch in words[-1].text)
    )


def _garbled_unled(word: Word) -> bool:
    """Whether the "Số:" line's last word is its notation garbled, its slash lost (``_UNLED``)."""
    text = word.text.strip(".,;:'\"“”")
    return word.conf < GARBLED_CONF and _marks(text) >= UNLED_MARKS and _UNLED.match(text) is not None


def _garbled_alike(last: Word, old: str, new: str) -> bool:
    """Whether ``new`` may be what the garbled ``old`` (``last``'s reading, unsure) was read of: the same
    first letter (its case and marks aside) and as many marks within ``MARKS_OFF``."""
    a, b = (fold(t).lower().lstrip("/") for t in (old, new))
    return (
        last.conf < GARBLED_CONF
        and a[:1].isalpha()
        and a[:1] == b[:1]
        and abs(_marks(old) - _marks(new)) <= MARKS_OFF
    )


def _marks(text: str) -> int:
    """A notation's letters and the marks read for them, its slash and hyphens not counted."""
    return sum(1 for ch in text if not ch.isspace() and ch not in "/-.,;")


def _notation_read(
    prepared: Prepared, last: Word, h: float, room: float, *, lang: str, timeout: float
) -> tuple[str, float] | None:
    """The notation word ``last`` cut out (from ``room`` of its heights left of its box) and read alone as one
    line: its one reading (text, confidence), what a pen's marks left of the box gave dropped; None when it
    reads as more than one word or not at all."""
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    x0, y0 = max(0.0, last.box.x0 - room * h), max(0.0, last.box.y0 - NOTATION_PAD * h)
    x1, y1 = min(ocr_w / s, last.box.x1 + NOTATION_PAD * h), min(ocr_h / s, last.box.y1 + NOTATION_PAD * h)
    crop = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
    if crop.shape[0] < 8 or crop.shape[1] < 8:
        return None
    margin = round(NOTATION_MARGIN * h * s)
    crop = np.pad(crop, margin, constant_values=255)
    x0, y0 = x0 - margin / s, y0 - margin / s
    # small print (a scan under ``NOTATION_DPI``) read at that resolution: Tesseract's letters are then of
    # the size it reads best ("/TI-UBND" at 44 of "/TTr-UBND" at 164 dpi)
    up = max(1.0, NOTATION_DPI / max(prepared.dpi, 70.0))
    if up > 1.0:
        crop = cv2.resize(crop, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
    try:
        tokens = tesseract.image_to_data(
            crop, lang=lang, psm=7, dpi=round(prepared.dpi * up), timeout=timeout
        )
    except ToolFailed:  # a reading that fails (a timeout on a loaded machine) keeps the first
        return None
    new = regions.page_words(tokens, x0, y0, scale=s * up, first_line=last.line, block=0)
    # a pen's last stroke at the cut's left edge may be read as a mark before the slash ("' /HC-VP"); cut
    # from left of the box, what is read before the slash is the pen's ("r1 /TTr-CVT" of a written "1031")
    new = [w for w in new if "/" in w.text or any(ch.isalpha() for ch in w.text)]
    if room > 0.0:
        new = new[max((i for i, w in enumerate(new) if "/" in w.text), default=0) :]
    if len(new) != 1:
        return None
    return new[0].text, new[0].conf


def _letters_added(old: str, new: str) -> bool:
    """Whether ``new``'s letters are ``old``'s with some added (``old``'s a subsequence of ``new``'s)."""
    it = iter(ch for ch in new if ch.isalpha())
    return all(ch in it for ch in old if ch.isalpha())


def _number_conf(words: Sequence[Word]) -> float:
    """What the number read on a line of these words is worth (0..100): the line's mean confidence, no more
    than its digits' words' (``number.read_number``); 0 on a line without digits (no number read: its
    notation's confidence may rise with the line's)."""
    digits = [w.conf for w in words if any(ch.isdigit() for ch in w.text)]
    return min(statistics.fmean(w.conf for w in words), *digits) if digits else 0.0


# the band under the motto read for a lost date line: this many of the motto's line heights down (the date
# line stands about one under it, a pen's digits rise above it), and this much wider than the motto each side
DATE_BAND_LINES = 3.0
DATE_BAND_WIDEN = 2.0
# a word with letters read at least this surely in that band: a line was read there, none lost
LOST_WORD_CONF = 40.0


def _has_letters(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 2


@regions.on_read_pages
def date_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The header's date line the page layout lost, read in the band under the motto: an italic date line
    with a pen's day and month on a bitonal scan was not read at all ("Cần Thơ, ngày 26 tháng 2 năm 2016":
    the place and the date lost, seed 247 alt 009). On the first page, where the motto's second line ("Độc
    lập - Tự do - Hạnh phúc") is read and no line of the header holds a date line (``place_date_start``), the
    band under the motto (down to the next line read there), where the first reading has no word of two
    letters read at least ``LOST_WORD_CONF`` surely (a garbled date line was read, not lost: left as read), is
    read as a block (``--psm 6``) when it holds ink; its words are taken as a line of their own when they
    read as a date line (the handwritten digits in it are then read again by ``handdigits``, which runs after
    this pass). One small Tesseract run on such pages only."""
    if page.index != 0:
        return page
    header = regions.header_of(page)
    if header is None:
        return page
    layout, _ = header
    motto = next((ln for ln in layout.right if is_motto2(ln)), None)
    if motto is None or any(place_date_start(ln.text) is not None for ln in layout.header):
        return page
    h = motto.y1 - motto.y0
    if h <= 0:
        return page
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    x0 = max(layout.gutter, motto.x0 - DATE_BAND_WIDEN * h)
    x1 = min(ocr_w / s, motto.x1 + DATE_BAND_WIDEN * h)
    y0 = motto.y1 + 0.1 * h
    below = [
        ln.y0 for ln in regions.lines_of(page) if ln.y0 > motto.y1 + 0.3 * h and ln.x1 > x0 and ln.x0 < x1
    ]
    y1 = min([motto.y1 + DATE_BAND_LINES * h, *(b - 0.1 * h for b in below)])
    y1 = min(y1, ocr_h / s)
    if y1 - y0 < h:
        return page
    inside = {
        id(w)
        for w in page.words
        if w.line != motto.words[0].line
        and x0 <= (w.box.x0 + w.box.x1) / 2 <= x1
        and y0 <= (w.box.y0 + w.box.y1) / 2 <= y1
    }
    if any(id(w) in inside and w.conf >= LOST_WORD_CONF and _has_letters(w.text) for w in page.words):
        return page  # a line read there, however garbled (a blurred date line): no line lost, as read
    tokens = _band_read(prepared, (x0, y0, x1, y1), lang=lang, timeout=timeout)
    if tokens is None:
        return page
    n = motto.words[0].line + 1
    new = regions.page_words(tokens, x0, y0, scale=s, first_line=n, block=0)
    text = " ".join(w.text for w in new)
    if not new or place_date_start(text) is None:
        return page
    # the band's words, one line under the motto's; the first reading's specks in the band give way to them
    new = [replace(w, block=motto.words[0].block, line=n) for w in new]
    words = [replace(w, line=w.line + 1) if w.line >= n else w for w in page.words if id(w) not in inside]
    words += new
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


def _band_read(
    prepared: Prepared, band: tuple[float, float, float, float], *, lang: str, timeout: float
) -> list[tesseract.Token] | None:
    """Tesseract's words of a band of the page (x0, y0, x1, y1 in page pixels) read as a block (``--psm 6``:
    an organ's rule under a line is then a line of its own, not a part of its letters: "NAM" over the rule
    read "ĐÀM" at 21 % as one line, "NAM" at 96 % as a block); None when the band holds too little ink or
    Tesseract fails."""
    x0, y0, x1, y1 = band
    s = prepared.scale
    crop = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
    if crop.shape[0] < 8 or crop.shape[1] < 8 or int((crop < 128).sum()) < 0.01 * crop.size:
        return None
    try:
        return tesseract.image_to_data(crop, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:
        return None


def _above_number(page: RecognizedPage) -> tuple[list[Line], Line, Layout] | None:
    """The header's left-column lines above the "Số:" line, that line, and the page's layout; None when the
    page has no header or nothing above its number line."""
    header = regions.header_of(page)
    if header is None:
        return None
    layout, number = header
    if number.line_i is None or number.line_i == 0:
        return None
    return list(layout.left[: number.line_i]), layout.left[number.line_i], layout


def _lost_line(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """An organ's last line the page layout lost ("CỤC DU LỊCH QUỐC GIA VIỆT" / "NAM", "SỞ LAO ĐỘNG -
    THƯƠNG BINH VÀ" / "XÃ HỘI" not read at all): between the organ's lines and the "Số:" line there is room
    for a line (more than ``GAP_LINES`` line heights: the organ's rule alone leaves less) and ink in it. That
    band is read again; its words are taken as a new line when they are sure and in capitals."""
    found = _above_number(page)
    if found is None:
        return page
    column, below, _ = found
    organ = [ln for ln in column if any(ch.isalpha() for ch in ln.text)]
    if not organ:
        return page
    last = organ[-1]
    h = last.y1 - last.y0
    if h <= 0 or not GAP_LINES * h <= below.y0 - last.y1 <= MAX_GAP_LINES * h:
        return page
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    x0, x1 = max(0.0, min(ln.x0 for ln in organ) - h), min(ocr_w / s, max(ln.x1 for ln in organ) + h)
    y0, y1 = last.y1 + 0.1 * h, min(ocr_h / s, below.y0 - 0.1 * h)
    tokens = _band_read(prepared, (x0, y0, x1, y1), lang=lang, timeout=timeout)
    if tokens is None:
        return page
    n = last.words[0].line + 1
    new = regions.page_words(tokens, x0, y0, scale=s, first_line=n, block=0)
    new = [replace(w, block=last.words[0].block, line=n) for w in new if any(ch.isalpha() for ch in w.text)]
    text = " ".join(w.text for w in new)
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or statistics.fmean(w.conf for w in new) / 100.0 < DOUBTFUL or not capitals(text):
        return page
    words = [replace(w, line=w.line + 1) if w.line >= n else w for w in page.words] + new
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


def _reread(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    doubtful = doubtful_organ_lines(page)
    if not doubtful:
        return page
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    words = list(page.words)
    changed = False
    sure, centre = _sure_lines(page)
    for ln in doubtful:
        first = ln.words[0]
        h = ln.y1 - ln.y0
        # the organ's lines are centred in their column: a line read short of one side (its last words lost)
        # is cut as far on that side as its other side is from the column's centre
        lx0, lx1 = (
            (min(ln.x0, 2 * centre - ln.x1), max(ln.x1, 2 * centre - ln.x0)) if centre else (ln.x0, ln.x1)
        )
        bands = [(ln.y0, ln.y1)]
        if sure and h > TALL * sure:
            h = sure
            bands = [(ln.y0, ln.y0 + sure)]
        best: tuple[float, list[Word]] | None = None
        for (top, bottom), (pad_x, pad_y) in ((band, cut) for band in bands for cut in CUTS):
            x0, y0 = max(0.0, lx0 - pad_x * h), max(0.0, top - pad_y * h)
            x1, y1 = min(ocr_w / s, lx1 + pad_x * h), min(ocr_h / s, bottom + pad_y * h)
            crop = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
            if crop.shape[0] < 8 or crop.shape[1] < 8:
                continue
            try:
                tokens = tesseract.image_to_data(
                    crop, lang=lang, psm=7, dpi=round(prepared.dpi), timeout=timeout
                )
            except ToolFailed:  # a reading that fails (a timeout on a loaded machine) keeps the first
                continue
            new = regions.page_words(tokens, x0, y0, scale=s, first_line=first.line, block=0)
            # the cut reached a neighbour line (a doubtful line of marks over "ỦY BAN NHÂN DÂN" read
            # "4 z ỦY BAN NHÂN DÂN"): its words, read where the page's reading has them (or a line above read
            # again has them: "CỤC" of ")ỤC THÚ Y" read again as "CỤC THÚ Y", then in "2c]" under it), are
            # not this line's
            others = [
                w
                for w in words
                if w.line != first.line
                and min(w.box.x1, x1) > max(w.box.x0, x0)
                and min(w.box.y1, y1) > max(w.box.y0, y0)
            ]
            new = [
                replace(w, block=first.block, line=first.line) for w in new if not _read_elsewhere(w, others)
            ]
            text = " ".join(w.text for w in new)
            # an organ's name is printed in capitals and has no stroke: a reading with one is the "Số:" line's
            # (its notation "46.2 /GP-SVHTT" read in a cut reaching down to it)
            if not new or not capitals(text) or "/" in text:
                continue
            conf = statistics.fmean(w.conf for w in new) / 100.0
            if best is None or conf > best[0]:
                best = (conf, new)
        if best is None or best[0] < DOUBTFUL or not _surer(best[1], ln):
            continue
        new = best[1]
        ids = {id(w) for w in ln.words}
        words = [w for w in words if id(w) not in ids] + new
        changed = True
    if not changed:
        return page
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


# a word of a new reading standing this much (share of the smaller box) on a word of another line that reads
# the same letters is that line's word read again
SAME_PLACE = 0.5
# ... or letters this like them (``rapidfuzz.fuzz.ratio``, 0..100): one letter of a short word misread
SAME_LETTERS = 60.0


def _core(text: str) -> str:
    """A word's letters folded, the marks and specks at its ends left out ("_CỤC" is "cuc")."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", fold(text))


def _read_elsewhere(word: Word, others: Iterable[Word]) -> bool:
    """Does another line of the page have ``word`` already: a word with the same letters (marks aside), or
    letters like them (``SAME_LETTERS``: "2ỤC" for "CỤC", "VIET1" for "VIỆT", the line read again over a
    speck of the first reading on the organ's row, seed 179 alt 003), whose box and ``word``'s overlap by at
    least ``SAME_PLACE`` of the smaller one?"""
    letters = _core(word.text)
    if not any(ch.isalpha() for ch in letters):
        return False
    a = word.box
    for w in others:
        b = w.box
        dx, dy = min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
        if dx <= 0 or dy <= 0:
            continue
        theirs = _core(w.text)
        if theirs != letters and fuzz.ratio(theirs, letters) < SAME_LETTERS:
            continue
        smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
        if dx * dy >= SAME_PLACE * smaller:
            return True
    return False


def _sure_lines(page: RecognizedPage) -> tuple[float, float]:
    """The median height and centre (x) of the header's organ lines read with confidence ((0.0, 0.0) without
    one): the height of one printed line of the organ's name, and its column's centre."""
    header = regions.header_of(page)
    if header is None:
        return 0.0, 0.0
    layout, number = header
    left = layout.left[: number.line_i] if number.line_i is not None else layout.left[:3]
    sure = [ln for ln in left if ln.conf >= DOUBTFUL and _weakest(ln.words) >= WEAK_WORD]
    sure = [ln for ln in sure if not is_number_line(ln) and not _cut_short(ln.text)]
    if not sure:
        return 0.0, 0.0
    return statistics.median(ln.y1 - ln.y0 for ln in sure), statistics.median(ln.cx for ln in sure)


def _weakest(words: Sequence[Word]) -> float:
    """The least confidence (0..1) of the words with letters (a dash or a rule's mark is no word: 1.0)."""
    return min((w.conf / 100.0 for w in words if any(ch.isalpha() for ch in w.text)), default=1.0)


def _cut_short(text: str) -> bool:
    """The line ends in a lone consonant: no Vietnamese word, the first letter of one whose rest OCR lost
    ("CỤC T" for "CỤC THÚ Y")."""
    words = text.split()
    last = fold(words[-1]) if len(words) > 1 else ""
    return len(last) == 1 and last.isalpha() and last not in "aeiouy"


def _surer(new: Sequence[Word], old: Line) -> bool:
    """Is the new reading of ``old`` (sure as a whole) clearly better: surer by ``GAIN``; or its weakest word
    no longer doubtful and surer by ``GAIN``, the line no less sure; or the old one cut short, the new going
    on with its words."""
    conf = statistics.fmean(w.conf for w in new) / 100.0
    if conf >= old.conf + GAIN:
        return True
    weakest = _weakest(new)
    if weakest >= DOUBTFUL and weakest >= _weakest(old.words) + GAIN and conf >= old.conf:
        return True
    text = fold(" ".join(w.text for w in new))
    return _cut_short(old.text) and text.startswith(fold(old.text)) and len(text) > len(fold(old.text))


# --- the organ's printed lines found on the image (rows of ink), read alone where doubtful
# a horizontal stroke at least this many line heights long is a rule (the organ's underline), no letter's:
# erased before the rows are found and before a row is read (a rule glued under "CỤC VIỄN THÔNG" made its
# line one box with it, read "1g." at 19 %)
RULE_LENGTH = 1.5
# a run of inked rows lower than this many line heights is a mark's (an accent above its capitals, a dot
# below), joined to the letters it is nearest to when no further than ``MARK_GAP`` line heights away
MARK = 0.3
MARK_GAP = 0.35
# a header's left column above "Số:" holds a few printed lines (a parent over an organ, each in one or two
# lines, their marks): more rows of ink than these are no header (a crafted page of dotted rows took
# seconds to join its marks, each row read might have cost two Tesseract readings)
MAX_INK_RUNS = 200
MAX_INK_ROWS = 8
ROW_PAD = 0.2  # a row cut this many line heights higher and lower than its ink to be read
BORDER = 10  # px of white put around a row's cut (Tesseract reads letters touching the edge badly)
TWO_LINES = 1.8  # a row of ink this many sure lines' heights tall holds two lines
TALL_ROW = 1.7  # a row this many times the median row's height holds two printed lines: read as a block
# a row's reading replaces the page's only with at least this share of the letters of the words the page's
# read with some confidence (``SEEN``, 0..100: junk read at less is no word it could lose)
KEEP_LETTERS = 0.9
SEEN = 30.0
# a sure line's box swallowing its rule (``SWALLOWED`` times its row's height: a row holds its letters'
# marks too, as does a line's box) with a word read with less than
# ``MARKS_SURE`` (0..100) has its row read alone: a word's marks taken from that reading when it is surer by
# ``MARKS_GAIN``, its letters the same ("CỤC THU Y", "THU" at 78; "THÚ" at 91 read alone)
MARKS_SURE = 85.0
SWALLOWED = 1.4
MARKS_GAIN = 10.0


def ink_rows(grey: np.ndarray, line_h: float) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """The rows (top, bottom: pixels of ``grey``) of printed lines in a region of the header's left column;
    the region with its rules made paper, in grey and in black and white (its paper/ink Otsu level).
    ``line_h``: about one printed line's height (pixels)."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    length = max(8, round(RULE_LENGTH * line_h))
    rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    clean = grey.copy()
    clean[rules > 0] = 255
    letters = cv2.bitwise_and(ink, cv2.bitwise_not(rules))
    inked = (letters > 0).sum(axis=1) > max(2, 0.003 * grey.shape[1])
    runs: list[list[int]] = []
    for y, on in enumerate(inked.tolist()):
        if on and runs and runs[-1][1] == y:
            runs[-1][1] = y + 1
        elif on:
            runs.append([y, y + 1])
    if len(runs) > MAX_INK_RUNS:
        return [], clean, np.full_like(grey, 255)  # rows of dots, not a header's few lines of print
    # marks joined to their letters, the nearest first (each join a pass over the runs: bounded above)
    while True:
        best: tuple[float, int, int] | None = None
        for k, (a, b) in enumerate(runs):
            if b - a >= MARK * line_h:
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(runs):
                    gap = runs[k][0] - runs[j][1] if j < k else runs[j][0] - runs[k][1]
                    if gap <= MARK_GAP * line_h and (best is None or gap < best[0]):
                        best = (gap, k, j)
        if best is None:
            break
        _, k, j = best
        runs[min(k, j)] = [min(runs[k][0], runs[j][0]), max(runs[k][1], runs[j][1])]
        del runs[max(k, j)]
    bitonal = np.where(letters > 0, 0, 255).astype(np.uint8)
    return [(a, b) for a, b in runs if b - a >= MARK * line_h], clean, bitonal


def _sure(ln: Line) -> bool:
    return (
        any(ch.isalpha() for ch in ln.text)
        and ln.conf >= DOUBTFUL
        and _weakest(ln.words) >= WEAK_WORD
        and not _cut_short(ln.text)
    )


def _ink_rows(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """The organ's printed lines as the image has them, above the "Số:" line: where a row of ink has no sure
    line of the page's reading on it (a line lost: "TRƯỜNG" under "SỞ NÔNG NGHIỆP VÀ MÔI", "CỤC THÚ Y" read
    "CỤ way" with its rule; or two rows read as one line, "CỤC DU LỊCH QUỐC GIA VIỆT" over "NAM" read "CỤC DỤ
    KLION QUỐC GIA VIỆC"), each of those rows is cut alone (its rules made paper) and read as one line; the
    readings replace the lines on those rows when every one is sure, in capitals and surer than what it
    replaces. Rows whose lines were read with confidence cost no Tesseract run."""
    found = _above_number(page)
    if found is None:
        return page
    column, below, layout = found
    lettered = [ln for ln in column if any(ch.isalpha() for ch in ln.text)]
    if not lettered or is_motto(lettered[0]):
        return page
    sure_h = [ln.y1 - ln.y0 for ln in lettered if _sure(ln)]
    h = statistics.median(sure_h or [ln.y1 - ln.y0 for ln in lettered])
    if h <= 0 or below.y0 - lettered[-1].y1 > MAX_GAP_LINES * h:
        return page  # a "Số:" line far below: another layout (no half-page read in search of a line)
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    x0 = max(0.0, min(ln.x0 for ln in lettered) - h)
    x1 = min(ocr_w / s, layout.gutter, max(ln.x1 for ln in lettered) + h)
    y0, y1 = max(0.0, lettered[0].y0 - 0.3 * h), min(ocr_h / s, below.y0)
    if x1 - x0 < 2 * h or y1 - y0 < h:
        return page
    grey = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
    rows, clean, ink = ink_rows(grey, h * s)
    if not rows or len(rows) > MAX_INK_ROWS:
        return page  # nothing, or more rows than an organ's header has (each might cost two readings)
    bands = [(y0 + a / s, y0 + b / s) for a, b in rows]
    # a line is on a row when half of the shorter of the two is shared: a blurred photo's two organ lines
    # close together make one row of ink, each line on half of it (seed 345 blur dev 001: "BỘ Y TẾ" over "CỤC
    # QUẢN LÝ DƯỢC" taken for a lost row, read again and put over both as a third line, the parent)
    on = [
        [ln for ln in column if min(ln.y1, b) - max(ln.y0, a) >= 0.5 * min(b - a, ln.y1 - ln.y0)]
        for a, b in bands
    ]
    groups = _groups(on)
    tall = TALL_ROW * statistics.median(b - a for a, b in bands)
    words = list(page.words)
    key: dict[int, float] = {}  # new words' place among the page's lines
    changed = False
    for group in groups:
        lines = list({id(ln): ln for k in group for ln in on[k]}.values())
        # a row of ink as tall as two lines (a blur ran them together) holds two: one sure line on it leaves
        # the other lost, to be read (review 31 M1)
        need = sum(2 if bands[k][1] - bands[k][0] > TWO_LINES * h else 1 for k in group)
        if lines and len(lines) >= need and all(_sure(ln) for ln in lines):
            if len(lines) == len(group) == 1 and _swallowed_rule(lines[0], bands[group[0]]):
                k = group[0]
                room = (rows[k - 1][1] if k else 0, rows[k + 1][0] if k + 1 < len(rows) else clean.shape[0])
                new = _read_row(
                    prepared, rows[k], room, (clean,), (x0, y0), h, tall=False, lang=lang, timeout=timeout
                )
                marked = _marks_from(new, lines[0].words) if new else {}
                if marked:
                    words = [marked.get(id(w), w) for w in words]
                    changed = True
            continue
        read: list[list[Word]] = []
        for k in group:
            new = _read_row(
                prepared,
                rows[k],
                (rows[k - 1][1] if k else 0, rows[k + 1][0] if k + 1 < len(rows) else clean.shape[0]),
                (clean, ink),
                (x0, y0),
                h,
                tall=bands[k][1] - bands[k][0] > tall,
                lang=lang,
                timeout=timeout,
            )
            if new is None:
                break
            read.append(new)
        if len(read) < len(group):
            continue  # a row not read surely: the page's reading stays
        new_words = [w for ws in read for w in ws]
        if _letters(new_words) < KEEP_LETTERS * _letters(
            w for ln in lines for w in ln.words if w.conf >= SEEN
        ):
            continue  # the row's reading lost words the page's had ("SỞ LAO THƯƠNG VÀ": "ĐỘNG", "BÌNH" gone)
        if len(lines) == 1 and len(group) == 1:
            if not _surer(new_words, lines[0]):
                continue
        elif lines:
            old = [w for ln in lines for w in ln.words]
            if (
                statistics.fmean(w.conf for w in new_words)
                < statistics.fmean(w.conf for w in old) + 100 * GAIN
            ):
                continue
        # the new lines take the place of the first line they replace, or follow the lines above them: those
        # ending by a quarter line into the row, or whose middle is above it (a line re-read with its
        # neighbours' marks, its box swollen down into the row: "CỤC DU LỊCH QUỐC GIA" over a lost "VIỆT NAM",
        # which went before it)
        top = bands[group[0]][0]
        above = [
            ln for ln in column if (ln.y1 <= top + 0.25 * h or ln.y0 + ln.y1 < 2 * top) and ln not in lines
        ]
        anchor_line = (
            min(ln.words[0].line for ln in lines) - 0.5
            if lines
            else (max(ln.words[0].line for ln in above) + 0.5 if above else column[0].words[0].line - 0.5)
        )
        block = (lines or above or column)[0].words[0].block
        ids = {id(w) for ln in lines for w in ln.words}
        words = [w for w in words if id(w) not in ids]
        for j, ws in enumerate(read):
            for w in ws:
                nw = replace(w, block=block, line=0)
                key[id(nw)] = anchor_line + (j + w.line / 100.0) / 10.0
                words.append(nw)
        changed = True
    if not changed:
        return page
    order = sorted({key.get(id(w), float(w.line)) for w in words})
    rank = {v: i for i, v in enumerate(order)}
    words = [replace(w, line=rank[key.get(id(w), float(w.line))]) for w in words]
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


def _read_row(
    prepared: Prepared,
    row: tuple[int, int],
    room: tuple[int, int],
    cuts: tuple[np.ndarray, ...],
    origin: tuple[float, float],
    h: float,
    *,
    tall: bool,
    lang: str,
    timeout: float,
) -> list[Word] | None:
    """A row of the organ's column read alone, its rules made paper: in grey, and when that is not sure, in
    black and white too (a blurred photo's bold capitals may read better so: "CỤC DU LỊCH QUỐC GIA VIỆT" at
    26-96 % in grey, 87-97 % so), the surer reading; its words with letters, or None when neither is a sure
    line in capitals. ``room``: the last pixel row of the row of ink above and the first of the one below
    (the cut stays between them: the dots under "CỤC" in the cut of "NAM" under it were read "óc", "CỔ")."""
    s = prepared.scale
    x0, y0 = origin
    pad = round(ROW_PAD * h * s)
    top, bottom = max(room[0], row[0] - pad), min(room[1], row[1] + pad)
    best: tuple[float, list[Word]] | None = None
    for image in cuts:
        cut = cv2.copyMakeBorder(
            image[top:bottom], BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255
        )
        try:
            tokens = tesseract.image_to_data(
                cut, lang=lang, psm=6 if tall else 7, dpi=round(prepared.dpi), timeout=timeout
            )
        except ToolFailed:
            continue
        new = regions.page_words(
            tokens, x0 - BORDER / s, y0 + (top - BORDER) / s, scale=s, first_line=0, block=0
        )
        new = [w for w in new if any(ch.isalpha() for ch in w.text)]
        text = " ".join(w.text for w in new)
        if sum(ch.isalpha() for ch in text) < 2 or not capitals(text) or "/" in text:
            continue
        conf = statistics.fmean(w.conf for w in new) / 100.0
        if conf >= DOUBTFUL and (best is None or conf > best[0]):
            best = (conf, new)
        if best is not None and _weakest(best[1]) >= WEAK_WORD:
            break  # sure in grey: its tones are read best so ("DU", "GIA"; "DỤ", "GIÁ" in black and white)
    return None if best is None else best[1]


def _swallowed_rule(line: Line, band: tuple[float, float]) -> bool:
    """A sure line whose box is much taller than its row of ink (the rule under it read with its letters)
    with a word read with less than ``MARKS_SURE``: its marks may be wrong ("CỤC THU Y", "THU" at 78)."""
    tall = line.y1 - line.y0 > SWALLOWED * (band[1] - band[0])
    return (
        tall
        and min((w.conf for w in line.words if any(ch.isalpha() for ch in w.text)), default=100) < MARKS_SURE
    )


def _marks_from(new: Sequence[Word], old: Sequence[Word]) -> dict[int, Word]:
    """The old words (by id) whose tone and vowel marks the row's own reading gives otherwise and surer by
    ``MARKS_GAIN``: the same letters word for word (marks aside), nothing else changed (boxes kept)."""
    lettered = [w for w in old if any(ch.isalpha() for ch in w.text)]
    if len(new) != len(lettered):
        return {}
    if any(fold(a.text) != fold(b.text) for a, b in zip(new, lettered, strict=True)):
        return {}
    return {
        id(b): replace(b, text=a.text, conf=a.conf)
        for a, b in zip(new, lettered, strict=True)
        if a.text != b.text and a.conf >= b.conf + MARKS_GAIN
    }


def _letters(words: Iterable[Word]) -> int:
    return sum(ch.isalpha() for w in words for ch in w.text)


def _groups(on: Sequence[Sequence[Line]]) -> list[list[int]]:
    """The rows in groups joined by the lines on them (a line on two rows joins them), top to bottom."""
    groups: list[list[int]] = []
    for k, lines in enumerate(on):
        if groups and any(any(ln is m for m in on[groups[-1][-1]]) for ln in lines):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups
