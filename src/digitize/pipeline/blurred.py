"""A blurred photo's header lines read again, the number and the date taken by the readings' vote, in doubt.

On a shaken or out-of-focus phone photo Tesseract reads printed digits at random among their blurred
look-alikes (8 → 6, 9, 0; "2018" → "2016", "2019", "202M"), a notation's capitals and slash as anything
("Số: 57/GCN-QLD" → "Số-: STIGCMQLD") and the date's words garbled ("nIgáy", "nIãm"): the number or the date
is then lost, or worse, taken wrong at a confidence that looks sure (87). On such a page
(``Prepared.blurred``) the first page's "Số:" line (when its number was not read) and its date line (found
in the header's right column under the motto) are each cut out in ``len(CUTS)`` ways (tighter and wider),
each taken from the OCR image (as it is and enlarged) and from the scan at its own resolution (plain and
sharpened by its measured blur), and the crops are stacked into one image read once (``--psm 6``); only the
words each crop holds on the line's own rows count (a wide cut takes in its neighbours). Each row that gives
a value is a vote: a value is agreed when rows from both cuts give it, at least ``MIN_VOTES`` rows and more
than half of the rows that give one, or every row that gives one (at least ``UNANIMOUS_VOTES``); for the
"Số:" line, the number first, then its notation among the rows that agree on it.
A "Số:" line without a number, or a date line without a date, then has its words
(the date line's from where its date begins: the place before it is kept as first read) replaced by the
surest agreeing row's, in doubt (``DOUBT_CONF``: blurred digits are misread alike in every reading, "13" as
"12" at 97, so the value goes to review). A date the first reading gave is never replaced: when the
readings agree on another one it is put in doubt. A date after today is no reading ("2023" read "2027").
Otherwise the page stays as it was. A "Số:" line the page's reading lost altogether (its layout ran the
blurred line into its neighbours' and read none of it) is looked for as a row of ink under the header's left
column that no sure line covers (``lost_number_rows``, at most ``MAX_LOST_ROWS``, down to the type name); a
number agreed there goes in as a line of its own, in doubt.

A date line whose reading lost its date's words (a pen's day and month on a blurred photo: "Hà Nội, 9 Ÿ năm
2022", "Khánh Hòa, ngày Ø táng 12") has them read again before the handwritten digits are (``date_words``,
called by ``headband``): the readings' "ngày", "tháng", "năm" and year put in their places, for
``handdigits`` to find the day's and the month's blanks between them; a place the first reading cut short
("Bắc" of "Bắc Giang") is the readings' when they agree on the words it lost, in doubt. Such a line may
keep none of its date's words ("Bắc 22 náng 9"): it is then the first line or two under the motto led by a
capitalised word and holding a digit.

A function of the prepared page, its first reading and today's date; sharp pages, pages without a Decree 30
header and pages whose lines are not found are untouched: no second Tesseract run.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import preprocess, regions
from digitize.pipeline.fields.dates import find_dates, read_as_letters
from digitize.pipeline.fields.layout import is_motto2
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.number import NOSLASH, NUMBER, SO, slashes
from digitize.pipeline.fields.place_date import date_sources
from digitize.pipeline.fields.text import DIGITISH, fold1
from digitize.pipeline.handdigits import BLUR_UNREAD_CONF, FIRST_CLEAR_CONF
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold, nfc
from digitize.tools import tesseract

# each cut: (left/right padding, top/bottom padding) in line heights
CUTS = ((0.6, 0.25), (1.2, 0.5))
SCALES = (1.0, 1.5)  # the OCR image's crop read as it is and enlarged
MIN_VOTES = 3  # readings (of 8) that must agree, from both cuts ...
UNANIMOUS_VOTES = 2  # ... or this many when no reading gives another value
# ... or, a number, more than this share of all the readings' confidence in their numbers (``_weighted``)
WEIGHT_SHARE = 0.5
TALL_LINE = 4.0  # a line's box taller than this many letters is no line (a box stretched over a picture)
# a first reading's date words that the readings contradict, and the readings' agreed date words, at most this
# sure (under review.REVIEW_THRESHOLD: the document goes to review)
DOUBT_CONF = 50.0
# a number the first reading gave below this confidence (0..1: under review.REVIEW_THRESHOLD) is read again
UNSURE_NUMBER = 0.6
ROW_GAP = 40  # px of white between the sheet's rows
MAX_SHEET_PIXELS = 12_000_000
MAX_LEFT_LINES = 8  # the "Số:" line is looked for among the left column's first lines
# a "Số:" line whose label and number a blur garbled: a short first word and a stop ("Số-: STIGCMQLD"), or
# a word with a digit after it ("Sẽ S3CCN-ĐHC"; "SỞ Y TẾ" is no such line), or the number run into the label
# ("s6Z72ỞmCUANO" of "Số: 2729/BC-UBND", seed 475 alt 009)
_SO_LABEL = re.compile(r"^\W*s\S{0,2}\s*(?:[:;.,\-]|\s(?=\S*\d))|^\W*s[o0ô6ø8]\S{0,2}?\d{2}")
# a date line: the date's words as a blurred photo may read them, or a year ending the line
_DATE_LINE = re.compile(r"\b(?:ng\w{1,3}y|th\w{1,2}g|[nsm]\w{0,2}m\s*\d{3,4})\b|\b(?:19|20)\d\d\W*$")


def date_line(page: RecognizedPage) -> Line | None:
    """The header's place-and-date line: the first line of the right column under the motto that holds a
    date word or ends in a year; without one, a date line read garbled close under the motto
    (``_garbled_date_line``)."""
    header = regions.header_of(page)
    if header is None:
        return None
    layout, _ = header
    sources = [ln for ln in date_sources(layout) if ln.words]
    for ln in sources:
        if is_date_line(ln):
            return ln
    return _garbled_date_line(sources)


# a date line read garbled starts at most this many of the motto's line heights under the motto's second line
GARBLED_DATE_GAP = 1.0
# ... and is one of the right column's first this many lines under it (the date's print may be read as a line
# of junk of its own starting above it)
GARBLED_DATE_LINES = 2


def _garbled_date_line(sources: Sequence[Line]) -> Line | None:
    """The date line whose reading kept none of its date's words: of the right column's first
    ``GARBLED_DATE_LINES`` lines under the motto's second line ("Độc lập - Tự do - Hạnh phúc"), the first
    close under it (``GARBLED_DATE_GAP``), led by a capitalised word (the place) and holding a word with a
    digit (the pen's day or month). A blurred photo's "Bắc Giang, ngày 22 tháng 9 năm 2024" with its day and
    month handwritten was read "Bắc 22 náng 9" and its print a line of its own, "TA NA" at 0 (k869 alt 001):
    the place and the date lost. None otherwise."""
    motto = next((ln for ln in sources if is_motto2(ln)), None)
    if motto is None:
        return None
    h = motto.y1 - motto.y0
    if h <= 0:
        return None
    under = sorted(
        (ln for ln in sources if ln.y0 > motto.y0 + 0.5 * h and not is_motto2(ln)), key=lambda x: x.y0
    )
    for ln in under[:GARBLED_DATE_LINES]:
        if (
            ln.y0 - motto.y1 <= GARBLED_DATE_GAP * h
            and _capitalised(ln.words[0].text)
            and any(_has_digit(w.text) for w in ln.words[1:])
        ):
            return ln
    return None


def is_date_line(ln: Line) -> bool:
    """The line holds a date's words as a blurred photo may read them, or ends in a year."""
    return _DATE_LINE.search(ln.folded) is not None


@dataclass(frozen=True)
class _Crop:
    image: np.ndarray
    cut: int  # which of CUTS
    band: tuple[
        float, float
    ]  # the line's own rows in the crop (px): words read outside it are its neighbours'
    origin: tuple[float, float] = (0.0, 0.0)  # the crop's top left on the page (page units) ...
    f: float = 1.0  # ... and its pixels a page unit


def _boxes(prepared: Prepared, ln: Line) -> list[tuple[float, float, float, float]]:
    """The line's box padded each of the ``CUTS`` ways, within the page (page units)."""
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    h = ln.y1 - ln.y0
    return [
        (
            max(0.0, ln.x0 - pad_x * h),
            max(0.0, ln.y0 - pad_y * h),
            min(ocr_w / s, ln.x1 + pad_x * h),
            min(ocr_h / s, ln.y1 + pad_y * h),
        )
        for pad_x, pad_y in CUTS
    ]


def _sheet_size(prepared: Prepared, boxes: Sequence[tuple[float, float, float, float]]) -> int:
    """The pixels of the sheet ``_crops`` and ``_sheet`` make of ``boxes``, worked out before any cut."""
    sizes = []
    for x0, y0, x1, y1 in boxes:
        w, h = x1 - x0, y1 - y0
        sizes += [(w * prepared.scale * up, h * prepared.scale * up) for up in SCALES] + [(w, h), (w, h)]
    width = max(w for w, _ in sizes) + 2 * ROW_GAP
    return round(width * (sum(h + ROW_GAP for _, h in sizes) + ROW_GAP))


def _crops(prepared: Prepared, ln: Line, boxes: Sequence[tuple[float, float, float, float]]) -> list[_Crop]:
    """The line cut in each of ``boxes``, each from the OCR image at ``SCALES`` and from the scan at its own
    resolution, plain and sharpened by its measured blur."""
    s = prepared.scale
    grey = regions.grey_master(prepared)
    out: list[_Crop] = []
    for k, (x0, y0, x1, y1) in enumerate(boxes):
        crop = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
        if crop.shape[0] < 8 or crop.shape[1] < 8:
            continue
        for up in SCALES:
            image = crop if up == 1.0 else cv2.resize(crop, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
            f = image.shape[0] / (y1 - y0)
            out.append(_Crop(image, k, ((ln.y0 - y0) * f, (ln.y1 - y0) * f), (x0, y0), f))
        native = regions.cut(prepared, x0, y0, x1, y1, source=grey)
        f = native.shape[0] / (y1 - y0)
        band = ((ln.y0 - y0) * f, (ln.y1 - y0) * f)
        out.append(_Crop(native, k, band, (x0, y0), f))
        sharp = preprocess.unsharp(native, max(preprocess.UNSHARP_SIGMA, preprocess.edge_blur(native)))
        out.append(_Crop(sharp, k, band, (x0, y0), f))
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
    """The first page of a blurred photo with its number line and its date line read again by vote (see the
    module's docstring); the page as it was otherwise."""
    if not prepared.blurred:
        return page
    if page.index == 0:
        page = _vote_number(prepared, page, lang=lang, timeout=timeout)
        page = _vote_date(prepared, page, lang=lang, timeout=timeout)
    return digits_in_doubt(page)


def digits_in_doubt(page: RecognizedPage) -> RecognizedPage:
    """A blurred page with every word holding a digit read at most ``DOUBT_CONF`` sure. Tesseract reads a
    blurred digit as one of its look-alikes at a confidence that looks sure, and the fields built on them
    came out wrong and sure (forced-blur sets 85 and 87: the year "2023" read "2022" at 0.94, a validity's
    "2023" read "2073" at 0.91, a holder id "6475428207" read "6475421120" at 0.85); the readings' vote is
    no proof either (85 alt 003: "ngày 30 tháng 9 năm 2023" read "20 ... 2022" by the first reading and
    the readings alike). A number, a date or a code of such a page goes to review."""
    if not any(w.conf > DOUBT_CONF and _has_digit(w.text) for w in page.words):
        return page
    words = tuple(
        replace(w, conf=DOUBT_CONF) if w.conf > DOUBT_CONF and _has_digit(w.text) else w for w in page.words
    )
    return replace(page, words=words)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


Row = tuple[int, list[tesseract.Token]]  # (the cut it was read in, its words left to right)


def _rows(prepared: Prepared, page: RecognizedPage, ln: Line, *, lang: str, timeout: float) -> list[Row]:
    """The line read in each of its crops (``_crops``), all in one Tesseract run: each crop's words on the
    line's own rows; [] when the line is no line (taller than ``TALL_LINE`` letters, or without width), its
    sheet would be too big, or the reading fails."""
    return [(crop.cut, toks) for crop, toks in _crop_rows(prepared, page, ln, lang=lang, timeout=timeout)]


def _crop_rows(
    prepared: Prepared, page: RecognizedPage, ln: Line, *, lang: str, timeout: float
) -> list[tuple[_Crop, list[tesseract.Token]]]:
    """``_rows`` with each row's crop (its place on the page), its tokens' boxes in the crop's pixels."""
    letter = regions.letter_height(page.words)
    if not letter > 0 or not 0 < ln.y1 - ln.y0 <= TALL_LINE * letter or ln.x1 - ln.x0 < letter:
        return []
    boxes = _boxes(prepared, ln)
    if _sheet_size(prepared, boxes) > MAX_SHEET_PIXELS:
        return []
    crops = _crops(prepared, ln, boxes)
    if len(crops) < MIN_VOTES:
        return []
    sheet, spans = _sheet([c.image for c in crops])
    try:
        tokens = tesseract.image_to_data(sheet, lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout)
    except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
        return []
    rows: dict[int, list[tesseract.Token]] = {}
    for t in tokens:
        cy = t.top + t.height / 2
        r = next((i for i, (a, b) in enumerate(spans) if a <= cy < b), None)
        if r is None or t.conf < 0 or not t.text.strip():
            continue
        top, bottom = crops[r].band
        if top <= cy - spans[r][0] <= bottom:
            rows.setdefault(r, []).append(replace(t, left=t.left - ROW_GAP, top=t.top - spans[r][0]))
    return [(crops[r], sorted(rows[r], key=lambda t: t.left)) for r in sorted(rows)]


def _text(toks: Sequence[tesseract.Token]) -> str:
    return nfc(" ".join(t.text for t in toks))


def _surest(rows: Sequence[list[tesseract.Token]]) -> list[tesseract.Token]:
    return max(rows, key=lambda t: statistics.fmean(x.conf for x in t))


def _agreed(votes: Sequence[tuple[str, Row]]) -> str | None:
    """The value readings from both cuts agree on: all those that give one (at least ``UNANIMOUS_VOTES``), or
    at least ``MIN_VOTES`` and more than half of them."""
    if not votes:
        return None
    best, n = Counter(v for v, _ in votes).most_common(1)[0]
    if len({cut for v, (cut, _) in votes if v == best}) < 2:
        return None
    return best if (n >= MIN_VOTES and 2 * n > len(votes)) or (n == len(votes) >= UNANIMOUS_VOTES) else None


def _weighted(votes: Sequence[tuple[str, Row]]) -> str | None:
    """The number most of the readings' confidence goes to, when no count agrees (``_agreed``): the readings
    of a blurred number split among its digits' look-alikes ("591" read "591", "391", "991" by three, three
    and two readings, seed 485 alt 012), the surer readings giving the right one. The value with more than
    ``WEIGHT_SHARE`` of all the readings' confidence in their number (its word's), given by at least
    ``MIN_VOTES`` readings from both cuts; it goes in in doubt as any agreed one."""
    weight: dict[str, float] = {}
    for v, (_, toks) in votes:
        weight[v] = weight.get(v, 0.0) + max((t.conf for t in toks if _gives(t.text, v)), default=0.0)
    total = sum(weight.values())
    if not votes or total <= 0:
        return None
    best = max(weight, key=lambda v: weight[v])
    w = weight[best]
    mine = [(cut, v) for v, (cut, _) in votes if v == best]
    if len(mine) < MIN_VOTES or len({cut for cut, _ in mine}) < 2:
        return None
    return best if w > WEIGHT_SHARE * total else None


def _gives(text: str, number: str) -> bool:
    """Is ``text`` the word that reads ``number``: the number alone or before its slash ("591/GP-…", "Số:591",
    "o91'/…" with its look-alikes), not a word holding its digits elsewhere ("1" in "2021", review 40b)."""
    head = slashes(nfc(text)).split("/", 1)[0].rsplit(":", 1)[-1]
    return head.strip().rstrip("'’`").translate(DIGITISH) == number


def _in_doubt(toks: Sequence[tesseract.Token]) -> tuple[list[str], list[float]]:
    # blurred digits are misread alike in every reading ("13" read "12" at 97 in all of them): an agreed
    # value is taken in doubt, for a person to confirm (review), never as sure
    return [nfc(t.text) for t in toks], [min(t.conf, DOUBT_CONF) for t in toks]


def number_line(page: RecognizedPage) -> tuple[Line, bool] | None:
    """The header's "Số:" line and whether the page's reading gave its number: the number reader's line, or
    the first line of the left column led by a word like "Số" and a stop ("Số-: STIGCMQLD")."""
    header = regions.header_of(page)
    if header is None:
        return None
    layout, number = header
    has_number = number.found.value("code_number") is not None
    if number.line_i is not None:
        return layout.left[number.line_i], has_number
    ln = next((ln for ln in layout.left[:MAX_LEFT_LINES] if _SO_LABEL.match(ln.folded)), None)
    return None if ln is None else (ln, has_number)


def _first_number(page: RecognizedPage) -> tuple[str, float] | None:
    """The number the page's reading gives and its confidence (0..1), or None."""
    header = regions.header_of(page)
    got = header[1].found.get("code_number") if header is not None else None
    return None if got is None or got.value is None else (got.value, got.confidence)


def _by_position(votes: Sequence[tuple[str, Row]]) -> str | None:
    """The number the readings agree on digit by digit, when no whole reading has a majority: the readings of
    the length most give (at least ``MIN_VOTES``, from both cuts, more than half of all), each digit the one
    more than half of them read there; and at least one reading gives that number whole."""
    lengths = Counter(len(v) for v, _ in votes)
    if not lengths:
        return None
    size, n = lengths.most_common(1)[0]
    alike = [(v, row) for v, row in votes if len(v) == size]
    if n < MIN_VOTES or 2 * n <= len(votes) or len({cut for _, (cut, _) in alike}) < 2:
        return None
    digits = []
    for i in range(size):
        ch, k = Counter(v[i] for v, _ in alike).most_common(1)[0]
        if 2 * k <= n:
            return None
        digits.append(ch)
    number = "".join(digits)
    return number if any(v == number for v, _ in alike) else None


# the "Số:" label as a blur leaves it, on a line known to be the number's, apart from the number before its
# slash: "$6: 591/GP-…", "%9 391/…", "5ð: 991/…" (seed 485 alt 012: six of the eight readings of its
# "Số: 591/GP-SLĐTBXH" no vote before); a digit in the label's tail only after a lead that is no digit
# ("$6:"), never a number's own digits taken for the label ("59 1/GP-…": "591" split; "50% 10/2020/NĐ-CP",
# review 40b); a lead "5" with a digit like the "ố" ("56: 91/TTr-UBND", "50: …") only before its colon: "Số:"
# read so by four of the eight readings of w703 dev 003's lost line (its number and notation lost, None)
_LOOSE_SO = re.compile(
    r"^\s*[^\s\w]?(?:[sSš$%][^\s/]{0,2}?|5[^\s/\d]{0,2}?|5[06](?=:))\s*[:;.,]?\s+"
    r"(?=[0-9oOlI]{1,6}['’`]?\s*/)"
)
# a blurred "0" read as a "Q" ending the number before its slash ("Số: 3Q/GP.CVT" of "Số: 30/GP-CVT", five of
# the eight readings of u569 alt 012, its number and notation lost): the number's "0" (after a digit: a "Q"
# leading the notation, "34QGCN-SCT" of "340/GCN-SCT", is the "0/" run together and stays)
_Q_ZERO = re.compile(r"(?<=\d)Q(?=['’`]?\s*/)")
# a blurred "5" read as an "S" between the number's digits ("Số: 7S3⁄GP-SNNMT" of "Số: 753/GP-SNNMT", four of
# the eight readings of u573 alt 012, its number and notation lost): no letter stands between digits there
_S_FIVE = re.compile(r"(?<=\d)S(?=\d)")


def _number_of(text: str) -> str | None:
    """ "number/notation" as a "Số:" line's reading gives them, or None. A reading whose slash the blur took
    ("s 2939 QĐ-STNMT", "Sẽ: 2939 QÐ-STNMT": four of the eight readings of forced-blur 85 alt 000's line,
    none of them a vote for its number before) gives them by its hyphened notation after the number."""
    t = _S_FIVE.sub("5", _Q_ZERO.sub("0", slashes(text)))
    m_so = SO.match(fold(t)) or _LOOSE_SO.match(t)
    if m_so is None:
        m_no = NOSLASH.match(t)
        return None if m_no is None else f"{m_no.group(1)}/{m_no.group(3)}"
    m = NUMBER.search(t, m_so.end())
    if m is None or not re.search(r"[^\W\d_]", m.group(3)):
        return None
    number = m.group(1).translate(DIGITISH)
    # at least one digit read as a digit: "o/CT-UBND" is no number 0
    return f"{number}/{m.group(3)}" if number.isdigit() and any(ch.isdigit() for ch in m.group(1)) else None


def _number_words(same: Sequence[tuple[str, Row]], full: str | None) -> tuple[list[str], list[float]]:
    """The words a "Số:" line gets from the readings that agree on its number (and on its notation, when
    they do): the surest such reading with its slash, in doubt; without one, "Số:" and the agreed
    "number/notation" themselves, in doubt (a reading without its slash, "s 2939 QĐ-STNMT", is no "Số:" line
    to the number reader)."""
    rows = [row[1] for v, row in same if full is None or v == full]
    slashed = [r for r in rows if SO.match(fold(slashes(_text(r))))]
    if slashed:
        return _in_doubt(_surest(slashed))
    value = full or Counter(v for v, _ in same).most_common(1)[0][0]
    return ["Số:", value], [DOUBT_CONF, DOUBT_CONF]


def _vote_number(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """The "Số:" line whose number the page's reading did not give, replaced by the readings' agreed one
    (number and notation), in doubt."""
    found = number_line(page)
    first = _first_number(page)
    if found is None:
        return _lost_number(prepared, page, lang=lang, timeout=timeout)
    if found[1] and (first is None or first[1] >= UNSURE_NUMBER) and not _digit_past_slash(found[0]):
        return page  # its number read surely (printed, or by the handwritten-digit pass)
    ln = found[0]
    read = _crop_rows(prepared, page, ln, lang=lang, timeout=timeout)
    votes = [(v, (crop.cut, toks)) for crop, toks in read if (v := _number_of(_text(toks)))]
    # the number first (the notation's blurred capitals vary more than the digits), then its notation
    numbers = [(v.split("/", 1)[0], row) for v, row in votes]
    number = _slashed_longer(numbers, _agreed(numbers) or _weighted(numbers)) or _percent_slashed(
        read, numbers
    )
    if found[1]:
        # an unsure number the first reading gave is replaced only by one with more digits that the readings
        # agree on, as a whole or digit by digit ("1288" read "128" at 44: its last blurred "8" lost; the
        # readings "1288", "1289", "1208" ...)
        assert first is not None
        if number is None:
            number = _by_position(numbers)
        if number is not None and number == first[0]:
            return _notation_agreed(page, ln, votes, number)
        if number is None or len(number) <= len(first[0]):
            return page
        if first[1] >= UNSURE_NUMBER and not _one_digit_on(first[0], number):
            return page  # a sure number re-read for a digit past its slash (``_digit_past_slash``)
    if number is None and not found[1] and len(ln.words) >= 2:
        pen = _pen_number(prepared, ln, read, lang=lang, timeout=timeout)
        # (not over a number of as many digits the line holds as a word of its own: the handwritten-digit
        # pass's "1011" before a notation the number reader did not take, read alone "111", k915 dev 008)
        held = any(w.text.isdigit() and len(w.text) >= len(pen or "") for w in ln.words[1:])
        if pen is not None and not held and (span := _pen_span(read)) is not None:
            return pen_put(page, ln, pen, span)
    if number is None or _holds_longer(ln, number):
        return page
    same = [(v, row) for v, row in votes if v.split("/", 1)[0] == number]
    return _replace_words(page, ln, list(ln.words), *_number_words(same, _agreed(same)))


def _notation_agreed(
    page: RecognizedPage, ln: Line, votes: Sequence[tuple[str, Row]], number: str
) -> RecognizedPage:
    """The "Số:" line whose unsure number the readings agree on as read, with the words of the readings that
    agree on its notation too, in doubt, when the page's reading gave its notation unsurely (under
    ``UNSURE_NUMBER``) or not at all: a blurred "Số: 704/SYT-TCCB" read "%6; 704/5YT⁄TCCB" at 20 (its hyphen a
    slash: "SYT" taken), read "704/SYT.TCCB" by both cuts' readings that gave a number (u573 dev 011). The
    page as it was otherwise (a notation read surely is kept)."""
    header = regions.header_of(page)
    got = header[1].found.get("code_notation") if header is not None else None
    if got is not None and got.value is not None and got.confidence >= UNSURE_NUMBER:
        return page
    same = [(v, row) for v, row in votes if v.split("/", 1)[0] == number]
    full = _agreed(same)
    if full is None:
        return page
    return _replace_words(page, ln, list(ln.words), *_number_words(same, full))


# digits after the number's slash glued to the notation's letters ("143⁄4SCT-VP")
_GLUED_PAST_SLASH = re.compile(r"\d\s*/\s*\d+[^\W\d_]")


def _digit_past_slash(ln: Line) -> bool:
    """Whether the "Số:" line's reading put a digit after the number's slash, glued to the notation's letters:
    a blurred "Số: 1434/SCT-VP" read "Số: 143⁄4SCT-VP" at 73 (u573 dev 004), its number taken "143", sure
    enough to be kept. No notation begins with a digit glued to its letters: the number may have lost its last
    digit, and is read again (only a longer number the readings agree on replaces it)."""
    return any(_GLUED_PAST_SLASH.search(slashes(w.text)) for w in ln.words)


def _one_digit_on(first: str, number: str) -> bool:
    """``number`` is the sure ``first`` with the one digit the slash's side took (``_digit_past_slash``), no
    "1" or "7" (a blurred slash read twice, "143/1SCT-VP", is its ghost: ``_slashed_longer``'s) and no more
    (a year glued to the notation, "12/2020NĐ-CP" read "122020/NĐ-CP", is no number's). Review of
    blurnum59."""
    return len(number) == len(first) + 1 and number.startswith(first) and number[-1] not in "17"


# readings that read the number's slash, from both cuts, that must all give a number longer than the agreed
SLASHED_AGREE = 2


def _slash_read(text: str) -> bool:
    """Whether a "Số:" line's reading read its number's slash ("340/GCN-SCT"), not only the notation glued on
    ("34QGCN-SCT", ``NOSLASH``)."""
    t = slashes(text)
    return bool(SO.match(fold(t)) or _LOOSE_SO.match(t))


def _slashed_longer(numbers: Sequence[tuple[str, Row]], number: str | None) -> str | None:
    """The agreed ``number``, or the longer one every reading that read the slash gives (at least
    ``SLASHED_AGREE``, from both cuts) when the agreed one is its start and no reading with the slash gave it:
    a reading without the slash does not see where the number ends. A blurred "340/GCN-SCT" read
    "34QGCN-SCT" five times, its "0/" run into a "Q" ("34" by ``NOSLASH``), and "340/GCN-SCT" at 79 and 83
    twice, the surest two, seed 563 dev 013: "34" taken by the count, in doubt and wrong."""
    if number is None:
        return None
    slashed = [(v, cut) for v, (cut, toks) in numbers if _slash_read(_text(toks))]
    longer = {v for v, _ in slashed}
    if len(slashed) < SLASHED_AGREE or len(longer) != 1 or len({cut for _, cut in slashed}) < 2:
        return number
    (value,) = longer
    if (
        len(value) <= len(number)
        or not value.startswith(number)
        or not value[len(number) :].strip(_SLASH_LIKE)
    ):
        return number  # (a doubled slash read "1/", "l/" or "7/" is no digit: review of blur57)
    return value


_SLASH_LIKE = "17"  # digits a slash's ghost is read as, before the slash itself


# a blurred number's last digit and its slash read together as one "%" ("SỐ: 157%%GDĐT-GDT:H",
# "% 157%;DĐT-2DTrH" of "Số: 1575/SGDĐT-GDTrH": seven of the eight readings of u569 alt 004's line, the
# eighth read it whole)
_PERCENT = re.compile(r"^\W*\S{1,3}\s*[:;.,]?\s+(\d{1,5})%")


def _percent_slashed(
    read: Sequence[tuple[_Crop, list[tesseract.Token]]], numbers: Sequence[tuple[str, Row]]
) -> str | None:
    """The number of a "Số:" line most of whose readings ran its last digit and slash into a "%" ("157%"):
    the one reading(s) that read it whole give, one digit more than those readings' agreed digits (at least
    ``MIN_VOTES`` of them, from both cuts, more than half of all), every such whole reading alike; None
    otherwise (the "%" may be the slash alone, or two digits: "1%7" of "1967")."""
    heads = [(m.group(1), crop.cut) for crop, toks in read if (m := _PERCENT.match(_text(toks)))]
    if not heads:
        return None
    head, n = Counter(h for h, _ in heads).most_common(1)[0]
    if n < MIN_VOTES or 2 * n <= len(read) or len({cut for h, cut in heads if h == head}) < 2:
        return None
    whole = {v for v, _ in numbers}
    if len(whole) != 1:
        return None
    (number,) = whole
    if len(number) != len(head) + 1 or not number.startswith(head) or number[-1] in _SLASH_LIKE:
        return None  # (a "1"/"7" after the digits may be the slash's ghost: "157%", "1571/" of "157/")
    return number


def _holds_longer(ln: Line, number: str) -> bool:
    """Whether the "Số:" line already holds a number of more digits than the readings agreed on, as a word of
    digits of its own (the handwritten-digit pass's "89" before a garbled notation, "số: 89 mCxvP", that the
    number reader cannot take without its "/"): the readings lost a digit ("9"), and the line is kept."""
    return any(w.text.isdigit() and len(w.text) > len(number) for w in ln.words[1:])


# the rows of ink under the header's left column's last line looked at for a lost "Số:" line: down to the type
# name, at most this many line heights
LOST_ROWS_BELOW = 3.0
MAX_LOST_ROWS = (
    2  # ... the lowest rows without a sure line of the reading on them, each one sheet read at most
)
SURE_LINE = 0.6  # a line of the reading read this surely (0..1) covers its row of ink


def lost_number_rows(prepared: Prepared, page: RecognizedPage) -> list[Line]:
    """Rows of ink in the header's left column, from its last line down to the type name (at most
    ``LOST_ROWS_BELOW`` line heights), that no sure line of the page's reading covers, the lowest first (the
    "Số:" line ends the column), as lines without words: where a blurred "Số:" line went when the page layout
    ran it into a neighbour's and read neither (a colour photo's "Số: 1117/BC-SVHTTDL" under "DU LỊCH")."""
    from digitize.pipeline.fields.lines import Line
    from digitize.pipeline.header import ink_rows

    header = regions.header_of(page)
    letter = regions.letter_height(page.words)
    if header is None or not letter > 0:
        return []
    layout, _ = header
    left = [ln for ln in layout.left if ln.boxed and any(ch.isalpha() for ch in ln.text)]
    if not left:
        return []
    line_h = letter / 0.7  # a word box's height (``regions.letter_height``)
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    x0, x1 = 0.0, min(ocr_w / s, layout.gutter)
    y0 = left[-1].y0
    y1 = left[-1].y1 + LOST_ROWS_BELOW * line_h
    if layout.type_i is not None:
        y1 = min(y1, layout.first[layout.type_i].y0)
    y1 = min(y1, ocr_h / s)
    if x1 - x0 < 2 * line_h or y1 - y0 < line_h:
        return []
    grey = prepared.ocr[round(y0 * s) : round(y1 * s), round(x0 * s) : round(x1 * s)]
    rows, _, ink = ink_rows(grey, line_h * s)
    out: list[Line] = []
    for a, b in reversed(rows):
        top, bottom = y0 + a / s, y0 + b / s
        if bottom - top > TALL_LINE * letter or bottom <= left[-1].y1 - 0.25 * line_h:
            continue
        covered = any(
            ln.conf >= SURE_LINE and min(ln.y1, bottom) - max(ln.y0, top) >= 0.5 * (bottom - top)
            for ln in layout.left
        )
        cols = np.flatnonzero((ink[a:b] < 128).any(axis=0))
        if covered or cols.size == 0:
            continue
        lx0, lx1 = x0 + float(cols[0]) / s, x0 + float(cols[-1] + 1) / s
        out.append(Line(page.index, (), "", "", lx0, top, lx1, bottom, 0.0, page.width, page.height, True))
        if len(out) >= MAX_LOST_ROWS:
            break
    return out


def _lost_number(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """A "Số:" line the page's reading lost (``lost_number_rows``): a row whose readings agree on a number
    and its notation after a "Số" label put in as a line of its own under the header's left column, in
    doubt; the page as it was otherwise."""
    for ln in lost_number_rows(prepared, page):
        read = _crop_rows(prepared, page, ln, lang=lang, timeout=timeout)
        votes = [(v, (crop.cut, toks)) for crop, toks in read if (v := _number_of(_text(toks)))]
        numbers = [(v.split("/", 1)[0], row) for v, row in votes]
        number = _agreed(numbers) or _weighted(numbers)
        if number is None:
            pen = _lost_pen_line(prepared, page, ln, read, lang=lang, timeout=timeout)
            if pen is not None:
                return _insert_line(page, ln, *pen)
            continue
        same = [(v, row) for v, row in votes if v.split("/", 1)[0] == number]
        return _insert_line(page, ln, *_number_words(same, _agreed(same)))
    return page


# a pen-written number on a blurred photo read again alone (``_pen_number``): its cut's margins (line heights)
PEN_PAD_Y = 0.3
# ... and out past the label's end (a blurred label's box takes in the number's first stroke); none past the
# notation's start (its "/" is read a "1" or a "7")
PEN_PAD_X = 0.25
PEN_SCALES = (1.0, 1.5, 2.0)  # the scan's cut read as it is and enlarged, each plain and sharpened
# readings (of 6, a Tesseract run each) that must give the same digits, more than any other ... (3 took a
# "3" of "31", read "37" twice, b575 alt 005; "17" of "83", three readings of nothing or "3", k917 dev 010)
PEN_AGREE = 4
PEN_DIGITS = 6  # ... of at most this many
_DIGITS = "-c tessedit_char_whitelist=0123456789"


def _pen_span(read: Sequence[tuple[_Crop, list[tesseract.Token]]]) -> tuple[float, float] | None:
    """Where a "Số:" line's number lies across the page (page units) as its readings split it: from the end of
    their first word (the label) to the start of their last (the notation), the median over the readings that
    give at least three words (at least ``MIN_VOTES`` of them); None otherwise."""
    spans = [
        (crop.origin[0] + (toks[0].left + toks[0].width) / crop.f, crop.origin[0] + toks[-1].left / crop.f)
        for crop, toks in read
        if len(toks) >= 3 and crop.f > 0
    ]
    spans = [(a, b) for a, b in spans if b > a]
    if len(spans) < MIN_VOTES:
        return None
    return statistics.median(a for a, _ in spans), statistics.median(b for _, b in spans)


def _pen_number(
    prepared: Prepared,
    ln: Line,
    read: Sequence[tuple[_Crop, list[tesseract.Token]]],
    *,
    lang: str,
    timeout: float,
    span: tuple[float, float] | None = None,
) -> str | None:
    """A "Số:" line's pen-written number that its readings as a whole line did not agree on, read alone: the
    scan cut between the label and the notation (``span``, else ``_pen_span``), as it is and enlarged
    (``PEN_SCALES``), each plain and sharpened by its measured blur, each read as one line of digits (a
    whitelist): the value at least ``PEN_AGREE`` readings give, more than give any other. A blurred photo's
    written "1511" between a printed "Số:" and "/GCN-UBND" was read "15Ï-Ï", "Í2 Ì", "1317" in the line's
    readings, never agreed (u561 dev 006): the crop without the print around it reads "1511". None
    otherwise."""
    span = span or _pen_span(read)
    h = ln.y1 - ln.y0
    if span is None or h <= 0:
        return None
    x0, x1 = span
    native = regions.cut(
        prepared,
        max(0.0, x0 - PEN_PAD_X * h),
        max(0.0, ln.y0 - PEN_PAD_Y * h),
        x1,
        ln.y1 + PEN_PAD_Y * h,
        source=regions.grey_master(prepared),
    )
    if native.shape[0] < 8 or native.shape[1] < 8:
        return None
    values = []
    for up in PEN_SCALES:
        image = native if up == 1.0 else cv2.resize(native, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
        sharp = preprocess.unsharp(image, max(preprocess.UNSHARP_SIGMA, preprocess.edge_blur(image)))
        for im in (image, sharp):
            framed = cv2.copyMakeBorder(
                im, ROW_GAP, ROW_GAP, ROW_GAP, ROW_GAP, cv2.BORDER_CONSTANT, value=255
            )
            try:
                tokens = tesseract.image_to_data(
                    framed, lang=lang, psm=7, dpi=300, timeout=timeout, extra=_DIGITS
                )
            except ToolFailed:
                return None
            values.append(
                "".join(t.text.strip() for t in sorted(tokens, key=lambda t: t.left) if t.conf >= 0)
            )
    digits = [v for v in values if v.isdigit() and len(v) <= PEN_DIGITS]
    if not digits:
        return None
    ranked = Counter(digits).most_common(2)
    best, n = ranked[0]
    if any(len(v) > len(best) and v.startswith(best) for v in digits):
        return None  # a reading with more digits after the same ones: the others lost a digit ("3" of "37")
    return best if n >= PEN_AGREE and (len(ranked) == 1 or ranked[1][1] < n) else None


def pen_put(page: RecognizedPage, ln: Line, pen: str, span: tuple[float, float]) -> RecognizedPage:
    """The page with a "Số:" line's pen-written number read alone (``pen``, in doubt) in place of the line's
    words standing in its ``span`` (page units: the readings' label to notation), no other: a "|" or a
    notation's part after the number stays (review of blur56: "số; 2-5-2 |" read "số; 2533" had lost the
    notation "/CT.UBND" the "|" stood for); none there: put after the label."""
    inside = [w for w in ln.words[1:] if span[0] <= (w.box.x0 + w.box.x1) / 2 <= span[1]]
    if inside:
        return _replace_words(page, ln, inside, [pen], [DOUBT_CONF])
    head = ln.words[0]
    return _replace_words(page, ln, [head], [head.text, pen], [head.conf, DOUBT_CONF])


def _lost_pen_line(
    prepared: Prepared,
    page: RecognizedPage,
    ln: Line,
    read: Sequence[tuple[_Crop, list[tesseract.Token]]],
    *,
    lang: str,
    timeout: float,
) -> tuple[list[str], list[float]] | None:
    """A lost "Số:" row's words when its pen-written number is read alone (``_pen_number``): "Số:" and the
    number before the readings' surest notation (their last word), in doubt. Only on a row the readings show
    as a "Số:" line (a label like ``_SO_LABEL``'s leading one of them); where the page's reading (the
    handwritten-digit pass) gave the number as a word of its own, read there."""
    h = ln.y1 - ln.y0
    digits = [
        w
        for w in page.words
        if w.text.isdigit()
        and min(w.box.y1, ln.y1) - max(w.box.y0, ln.y0) > 0.5 * h
        and ln.x0 <= (w.box.x0 + w.box.x1) / 2 <= ln.x1
    ]
    # the page's reading's own word for the number, when it has one, is where to read it
    span = (digits[0].box.x0, digits[0].box.x1 + PEN_PAD_X * h) if len(digits) == 1 else None
    pen = _pen_number(prepared, ln, read, lang=lang, timeout=timeout, span=span)
    if pen is None:
        return None
    # (a "Số" label a reading shows: a row with one number and the pen reading it alike is no "Số:" line,
    # a V/v line's year "2018" read "2018/2018"; review of blur56)
    labelled = any(_SO_LABEL.match(fold(_text(toks))) for _, toks in read)
    rows = [toks for _, toks in read if len(toks) >= 3]
    if not labelled or not rows:
        return None
    notation = _surest(rows)[-1].text.lstrip("/")
    return ["Số:", f"{pen}/{nfc(notation)}"], [DOUBT_CONF, DOUBT_CONF]


def _insert_line(page: RecognizedPage, ln: Line, texts: list[str], confs: list[float]) -> RecognizedPage:
    """The page with a line of ``texts`` spread over ``ln``'s box, read right after the header's left
    column's line above it (the lines after it renumbered)."""
    header = regions.header_of(page)
    above = [x for x in header[0].left if x.words and x.y0 < ln.y0] if header is not None else []
    after = max((x.words[0].line for x in above), default=-1)
    step = max(1.0, (ln.x1 - ln.x0) / len(texts))
    block = above[-1].words[0].block if above else 0
    new = [
        Word(
            text=t,
            conf=c,
            box=Box(ln.x0 + i * step, ln.y0, ln.x0 + (i + 1) * step, ln.y1),
            block=block,
            line=after + 1,
        )
        for i, (t, c) in enumerate(zip(texts, confs, strict=True))
    ]
    words = [replace(w, line=w.line + 1) if w.line > after else w for w in page.words] + new
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


def _date_of(toks: Sequence[tesseract.Token], today: dt.date) -> tuple[str, int] | None:
    """(the date as ISO text, the index of the token it starts in) a reading of the date line gives; None
    without one, or with one after ``today`` (no document is dated in the future: "2023" read "2027")."""
    starts, at = [], 0
    for t in toks:
        starts.append(at)
        at += len(fold1(nfc(t.text))) + 1
    found = find_dates(fold1(_text(toks)))
    if not found or found[0][2] > today:
        return None
    begin = found[0][0]
    k = max(i for i, a in enumerate(starts) if a <= begin)
    return found[0][2].isoformat(), k


# a word where a date line's date begins: "ngày" as a blur leaves it ("nIgáy", "ngây", "“gây") ...
# (in lower case, no comma after it: "Cầu Giấy," is the place's)
_NGAY = re.compile(r"^\W*(?:n\w{0,3}y|\w{0,2}g\w{0,2}y)[^\w,]*$")
# ... else its first number after the place ("Khánh #10a, nIgáy": "#10a," is the place's garbled "Hòa,")
_NUMBER_WORD = re.compile(r"^\W*\d")


def _capitalised(text: str) -> bool:
    return next((ch for ch in text if ch.isalpha()), "").isupper()


def _ngay_read(text: str) -> bool:
    """Whether a date line's word is its "ngày" (``_NGAY``, in lower case), also glued after the place's
    comma ("Đéc,ngày" of "Sa Đéc, ngày" on a blurred photo, seed 813 corp 013: the line read again, its
    "Đéc,ngày" kept beside the new "ngày" over the pen's day, whose blank was then lost)."""
    word = text.rsplit(",", 1)[-1]
    return bool(word) and _NGAY.match(fold1(word)) is not None and not _capitalised(word)


# ... or the place's last word run into it ("Hà Nội,ngày -Ễ tháng Ô năm 2019": the comma's space lost)
_GLUED_NGAY = re.compile(r"^\W*[^\W\d_]+[,.](?:n\w{0,3}y|\w{0,2}g\w{0,2}y)[^\w,]*$")


def _date_start(words: Sequence[Word]) -> int | None:
    """The index of the word a date line's date begins at: its "ngày" (or the place's last word run into
    it, ``place_glued``), else its first number after a word ending in a comma (the place's end), else its
    first number; None without any."""
    texts = [fold1(w.text) for w in words]
    k = next(
        (
            i
            for i, t in enumerate(texts)
            if (_NGAY.match(t) and not _capitalised(words[i].text)) or place_glued(words[i].text)
        ),
        None,
    )
    if k is not None:
        return k
    comma = next((i for i, t in enumerate(texts) if t.endswith(",")), None)
    after = [i for i, t in enumerate(texts) if _NUMBER_WORD.match(t) and (comma is None or i > comma)]
    return after[0] if after else None


def _vote_date(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float) -> RecognizedPage:
    """A date line whose reading gave no date: its date words replaced by the readings' agreed ones, in doubt
    (the place before them kept as first read). A date line whose reading gave a date: that date put in doubt
    when the readings agree on another one; never replaced."""
    ln = date_line(page)
    if ln is None:
        return page
    today = dt.date.today()
    dated = [
        (d[0], (cut, toks[d[1] :]))
        for cut, toks in _rows(prepared, page, ln, lang=lang, timeout=timeout)
        if (d := _date_of(toks, today))
    ]
    best = _agreed(dated)
    if best is None:
        return page
    # (a day read as a letter like its "1", "tháng Ï", is no date read: the readings' agreed one replaces it;
    # nor one whose digit the digit re-reading kept as first read for want of any other, ``BLUR_UNREAD_CONF``)
    read = [d for d in find_dates(ln.folded) if not read_as_letters(ln.folded[d[0] : d[1]])]
    first_found = [d for d in read if not _unread_digits(ln, d[0], d[1])]
    if not first_found and read:
        # a date with an unread month whose day the page read clearly counts as one reading more of the whole
        # date (u569 alt 004: "ngày 23" at 94, month unread; "23" by two readings, "21" by three: taken "21").
        # Where the readings agreed it can only make a tie (the page's date stays, in doubt), never win; a
        # clear blurred day can be wrong too ("13" read "12" at 97), so it decides nothing alone.
        day = _date_parts(ln, read[0][0], read[0][1])
        first = read[0][2].isoformat()
        if day and day[0].conf >= FIRST_CLEAR_CONF and first[8:] != best[8:]:
            best = _agreed([*dated, (first, (FIRST_CUT, []))])
            if best is None:
                return page  # a tie: the first reading stays (in doubt, ``digits_in_doubt``)
    if first_found:
        if first_found[0][2].isoformat() == best:
            return page  # the first reading had it (in doubt all the same: ``digits_in_doubt``)
        # the readings agree on another date: the first one is kept, in doubt (review)
        return _replace_words(
            page,
            ln,
            list(ln.words),
            [w.text for w in ln.words],
            [min(w.conf, DOUBT_CONF) for w in ln.words],
            keep_boxes=True,
        )
    # the first reading's words from where its date begins ("ngày", or its first number) are replaced
    words = list(ln.words)
    k = _date_start(words)
    if k is None:
        return page
    toks = _surest([row[1] for d, row in dated if d == best])
    # the place kept as read, in doubt with the date (a line's confidence is its words' mean)
    kept = _replace_words(
        page,
        ln,
        words[:k],
        [w.text for w in words[:k]],
        [min(w.conf, DOUBT_CONF) for w in words[:k]],
        keep_boxes=True,
    )
    texts, confs = _in_doubt(toks)
    place = place_glued(words[k].text)
    if place is not None:  # the place's last word, run into the "ngày" replaced, kept before the new words
        texts, confs = [place, *texts], [min(words[k].conf, DOUBT_CONF), *confs]
    return _replace_words(kept, ln, words[k:], texts, confs)


# the page's own first reading, as a vote among the date line's readings (their cuts are 0 and 1)
FIRST_CUT = -1


def _date_parts(ln: Line, start: int, end: int) -> list[Word]:
    """The words with a digit in ``ln``'s date at ``start``..``end`` of its folded text (its words one space
    apart): the day's, the month's and the year's in a word date."""
    out, at = [], 0
    for w in ln.words:
        n = len(nfc(w.text))
        if at < end and at + n > start and _has_digit(w.text):
            out.append(w)
        at += n + 1
    return out


def _place_cut_short(place: Sequence[Word], read: Sequence[tesseract.Token]) -> bool:
    """Whether the place a date line's readings give before its "ngày" (``read``) is the one its first
    reading gave (``place``) with words after it: the first reading's words, as read, begin it."""
    first = fold(" ".join(w.text for w in place)).strip(" ,.")
    again = fold(nfc(" ".join(t.text for t in read))).strip(" ,.")
    return bool(first) and len(again.split()) > len(first.split()) and again.startswith(first + " ")


# the line's mean confidence (0..100) a place read again holds the date line under: a place field's confidence
# is its line's (``place_date.set_place``), and under review's 60 it goes to review
PLACE_LINE_CONF = 55.0


def _place_voted(
    place: Sequence[Word], rows: Sequence[tuple[_Crop, list[tesseract.Token], tuple[int, int, int, str]]]
) -> tuple[_Crop, list[tesseract.Token]] | None:
    """The place a date line's readings give before their "ngày" (each row of ``rows``, with the indexes of
    its date's words, ``_date_keys``) for the first reading's ``place`` cut short: the words the rows read
    after as many words as ``place`` has are a vote (``_agreed``: rows from both cuts, as for the year), and
    the surest row giving the agreed ones and beginning with ``place`` (``_place_cut_short``) gives its crop
    and its place's words. None otherwise: one reading alone (the surest row's "Quảng Bình," of a "Quảng
    Ninh" cut short to "Quảng") gives no place. (Only the words the first reading lost are voted on: a blur
    reads the place's first letter as its look-alikes, "Bắc Giang" read "Đắc Giang." by four rows of seven,
    k869 alt 001, the first reading's "Bắc" kept.)"""
    read = [(crop, [t for t in toks[: k[0]] if t.text.strip()]) for crop, toks, k in rows]
    n = len(place)
    votes = [(nfc(" ".join(t.text for t in toks[n:])).strip(" ,."), (crop.cut, toks)) for crop, toks in read]
    agreed = _agreed([(v, row) for v, row in votes if v])
    if agreed is None:
        return None
    giving = [
        (crop, toks)
        for (crop, toks), (v, _) in zip(read, votes, strict=True)
        if v == agreed and _place_cut_short(place, toks)
    ]
    if not giving:
        return None
    return max(giving, key=lambda r: statistics.fmean(t.conf for t in r[1]))


def _place_conf(n_place: int, date: Sequence[Word]) -> float:
    """The confidence a place of ``n_place`` words read again goes in at, before the date's words read again
    (``date``: "ngày", "tháng", "năm" and the year, read sure for ``handdigits`` to find the pen's blanks
    between them): at most ``DOUBT_CONF``, and low enough that the line's mean is at most ``PLACE_LINE_CONF``
    (a word with a digit counted at ``DOUBT_CONF``, as ``digits_in_doubt`` puts it; the day's and month's
    digits read later go in no surer), 0 at the least (a place of two words, four date words at 100: the
    line's mean 58). A place the readings agree on is no proof of it ("Quảng Ninh" read "Quảng Bình" in
    every reading): it goes to review however surely read."""
    others = sum(min(w.conf, DOUBT_CONF) if _has_digit(w.text) else w.conf for w in date)
    room = (PLACE_LINE_CONF * (n_place + len(date)) - others) / max(1, n_place)
    return max(0.0, min(DOUBT_CONF, room))


def _unread_digits(ln: Line, start: int, end: int) -> bool:
    """Whether a word with a digit in ``ln``'s date at ``start``..``end`` (of its folded text, its words' one
    space apart) is read no surer than ``handdigits.BLUR_UNREAD_CONF``: a day or month the digit re-reading
    read as nothing and kept as first read, in doubt (``handdigits._blur_unread``): no date read there."""
    at = 0
    for w in ln.words:
        n = len(nfc(w.text))
        if at < end and at + n > start and _has_digit(w.text) and w.conf <= BLUR_UNREAD_CONF:
            return True
        at += n + 1
    return False


def place_glued(text: str) -> str | None:
    """The place's last word with its comma when the word ``text`` is it run into a date's "ngày" ("Nội,ngày"
    → "Nội,"), else None."""
    if not _GLUED_NGAY.match(fold1(text)):
        return None
    m = re.search(r"[^\W\d_][,.]", text)  # the place's word ends at the first mark after a letter
    return text[: m.end()] if m is not None else None


def _replace_words(
    page: RecognizedPage,
    ln: Line,
    old: list[Word],
    texts: list[str],
    confs: list[float],
    *,
    keep_boxes: bool = False,
) -> RecognizedPage:
    """The page with ``old`` (words of ``ln``) replaced by ``texts`` spread over their span of the line
    (``keep_boxes``: ``old`` themselves, in their boxes, at new confidences)."""
    if not old or not texts:
        return page
    ids = {id(w) for w in old}
    x0, x1 = min(w.box.x0 for w in old), max(w.box.x1 for w in old)
    step = max(1.0, (x1 - x0) / len(texts))
    first = ln.words[0]
    new = [
        replace(old[i], conf=c)
        if keep_boxes
        else Word(
            text=t,
            conf=c,
            box=Box(x0 + i * step, ln.y0, x0 + (i + 1) * step, ln.y1),
            block=first.block,
            line=first.line,
        )
        for i, (t, c) in enumerate(zip(texts, confs, strict=True))
    ]
    words = sorted([w for w in page.words if id(w) not in ids] + new, key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


# a date line's words a reading gives in order: "ngày" (``_NGAY``), "tháng" and "năm" (``handdigits``'s date
# keys) at most this many words apart, and a year after "năm"
KEYS_APART = 4
_YEAR = re.compile(r"^\W*((?:19|20)\d\d)\W*$")


def _date_keys(toks: Sequence[tesseract.Token], today: dt.date) -> tuple[int, int, int, str] | None:
    """The indexes of a reading's "ngày", "tháng" and "năm" and the year after "năm", in order and close
    (``KEYS_APART``); None without them, or with a year after ``today``'s."""
    from digitize.pipeline.handdigits import date_key

    folded = [fold1(nfc(t.text)) for t in toks]
    i_ngay = next(
        (i for i, f in enumerate(folded) if f.startswith("ngay") or (_NGAY.match(f) and not _capitalised(f))),
        None,
    )
    if i_ngay is None:
        return None
    i_thang = next((i for i in range(i_ngay + 1, len(toks)) if date_key(folded[i]) == "thang"), None)
    if i_thang is None or i_thang - i_ngay > KEYS_APART:
        return None
    i_nam = next((i for i in range(i_thang + 1, len(toks)) if date_key(folded[i]) == "nam"), None)
    if i_nam is None or i_nam - i_thang > KEYS_APART or i_nam + 1 >= len(toks):
        return None
    m = _YEAR.match(folded[i_nam + 1])
    if m is None or int(m.group(1)) > today.year:
        return None
    return i_ngay, i_thang, i_nam, m.group(1)


def date_words(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """A blurred first page's date line whose reading lost its "ngày" or "tháng" ("Hà Nội, 9 Ÿ năm 2022",
    "Hồ Chí Minh, năm 2021" of a "…, ngày 9 tháng 7 năm 2022" with its day and month handwritten) with its
    date's words read again (``_crop_rows``): when the readings agree (``_agreed``) on a year after "ngày …
    tháng … năm", the surest of them gives the line its "ngày", "tháng", "năm" and year in their places; the
    place before them and the first reading's words with a digit between "ngày" and "năm" (a day or month it
    read) are kept, its other words there (the blurred pen's specks) dropped. A place the first reading cut
    short ("Bắc" of "Bắc Giang," read "Bắc 22 náng 9") is the readings' when the rows agreeing on the year
    agree on the words it lost (``_place_voted``), in doubt (``_place_conf``: the place field's confidence
    is its line's, kept under review's threshold); the first reading's otherwise. The day's and the month's
    blanks between the date's words are then read by ``handdigits``, which runs after this; the year goes in
    at ``DOUBT_CONF``. The page as it was otherwise (a line with its "ngày" and "tháng", or no agreement)."""
    from digitize.pipeline.handdigits import date_key

    if not prepared.blurred or page.index != 0:
        return page
    ln = date_line(page)
    if ln is None:
        return page
    keys = {date_key(fold1(w.text)) for w in ln.words}
    if (
        any(_ngay_read(w.text) for w in ln.words)
        and {"thang", "nam"} <= keys
        and _YEAR.match(fold1(ln.words[-1].text))
    ):
        return page  # its date's words read: its digits are ``handdigits``' and ``_vote_date``'s
    today = dt.date.today()
    # the cut out to the right column's right end above it (the motto's): a line that lost its year ended
    # short of it ("Khánh Hòa, ngày Ø táng 12": "năm 2017" lost)
    header = regions.header_of(page)
    right = [x.x1 for x in header[0].right if x.y1 <= ln.y1] if header is not None else []
    whole = replace(ln, x1=max([ln.x1, *right]))
    read = [
        (crop, toks, keys_at)
        for crop, toks in _crop_rows(prepared, page, whole, lang=lang, timeout=timeout)
        if (keys_at := _date_keys(toks, today)) is not None
    ]
    year = _agreed([(k[3], (crop.cut, toks)) for crop, toks, k in read])
    if year is None:
        return page
    agreeing = [(c, t, k) for c, t, k in read if k[3] == year]
    crop, toks, (i_ngay, i_thang, i_nam, _) = max(
        agreeing, key=lambda r: statistics.fmean(x.conf for x in r[1])
    )

    def box(t: tesseract.Token, crop: _Crop = crop) -> Box:
        x0 = crop.origin[0] + t.left / crop.f
        return Box(x0, ln.y0, x0 + t.width / crop.f, ln.y1)

    first = ln.words[0]
    new = [
        Word(
            nfc(toks[i].text),
            min(toks[i].conf, 100.0 if i != i_nam + 1 else DOUBT_CONF),
            box(toks[i]),
            block=first.block,
            line=first.line,
        )
        for i in (i_ngay, i_thang, i_nam, i_nam + 1)
    ]
    start, end = new[0].box.x0, new[2].box.x0
    centre = [(w.box.x0 + w.box.x1) / 2 for w in ln.words]
    if not any(c < start for c in centre):
        return page  # no place read before the date: the readings' "ngày" is no date's (or the line's own)
    kept = [w for w, c in zip(ln.words, centre, strict=True) if c < start or (c < end and _has_digit(w.text))]
    place = [w for w, c in zip(ln.words, centre, strict=True) if c < start]
    voted = _place_voted(place, agreeing)
    if voted is not None:
        # the place the first reading cut short ("Bắc" of "Bắc Giang", the pen's digits on its row) given as
        # the rows that agree on the year agree on it, in doubt: its words at a confidence that holds the
        # line's (the place field's) under review's threshold (``_place_conf``)
        place_crop, read_place = voted
        conf = _place_conf(len(read_place), new)
        ids_place = {id(w) for w in place}
        kept = [w for w in kept if id(w) not in ids_place] + [
            Word(nfc(t.text), conf, box(t, place_crop), block=first.block, line=first.line)
            for t in read_place
        ]
    ids = {id(w) for w in ln.words}
    words = sorted([w for w in page.words if id(w) not in ids] + kept + new, key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))
