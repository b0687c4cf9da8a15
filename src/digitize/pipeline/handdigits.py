"""Handwritten digits in the header: a second, targeted OCR pass on the number and the day.

Decree 30 documents are often printed with blanks ("Số:     /CT-UBND", "Quảng Ngãi, ngày    tháng 01 năm
2025") that the clerk fills in by hand on the signing day. The page's first reading loses those digits, or
reads them wrong ("1139" as "72#", a handwritten "09" as "03", "06" swallowed into "ngày"). Where the header's
number, day or month is not read as clean printed digits, only the blank's region is cut from the scan (at
its own resolution) and read again: the crops, each at three scales, stacked into one small image read once
by the ``vie`` and once by the ``eng`` model, digits only (two small Tesseract runs per page, and none when
the digits are printed). A value is taken only when most of the readings agree (and at least three); a
number they give none of has its marks read again one by one (two more runs), taken in doubt when every mark
is read alike and the whole region's readings only leave digits out of it; otherwise an unreadable day is
dropped rather than kept wrong, so the date stays null (needs review) and is never taken from a decree cited
in the body.
A pure function of the prepared page and its first reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
import statistics
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import deblur, pendigits, regions, stamps
from digitize.pipeline.deblur import Streak
from digitize.pipeline.fields.ids import tax_code_valid
from digitize.pipeline.fields.lines import Line, from_label
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.number import GARBLED_CONF, SO_WORD, bare_so_notation
from digitize.pipeline.fields.text import DIGITISH, fold1
from digitize.pipeline.fields.vocab import NOTATION_TYPES
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold
from digitize.tools import tesseract

PRINTED_CONF = 90.0  # a digit token read at least this sure is printed (or cleanly written): no second pass
MIN_VOTE_CONF = 30.0  # a reading below this is not a vote
CLEAR_CONF = 70.0  # a value is taken only when at least two of its readings are this sure
# a blurred page's own reading of its number this sure counts as one clear reading more (``most_clear``):
# "1753" at 89 (seed 563 alt 009); not "1902" of "1802" at 80 against four clear "1802" (review of blur57)
FIRST_CLEAR_CONF = 85.0
ALONE_CONF = 85.0  # ... and three readings give it, or the only two readings do at least this surely
# the crop goes these shares of the line height above and below it: handwriting is bigger than print and rises
# above its line (what it takes in of the line above is cut away again)
WIDEN_UP, WIDEN_DOWN = 0.7, 0.45
SCALES = (1.0, 1.5, 2.0)
LANGS = ("eng", "vie")
UNREADABLE = "…"
# a header has one number, one date (its day and month) and at most a tax code or two: the first blanks of
# each kind (reading order) are read, so a page crafted or garbled into hundreds of doubtful rows keeps the
# second pass small (its crops are stacked into one image, which Tesseract refuses past 32767 px)
MAX_BLANKS_PER_KIND = 2


_BARE_SO_WORDS = frozenset({"so", "s0", "s6", "sø"})
# ... and as a shaken photo reads it before a garbled notation: "s.", "sẽ", "ss:" (its "ố" blurred into an
# "s": "ss: 2681 Jop.qLo" for a written "2681" and "/GP-QLD", seed 141 dev 005)
_GARBLED_SO_WORDS = frozenset({"s", "se", "ss", "sa"})


# ... and as the label's letters alone, its colon lost ("Số", "Sẽ" of a blurred photo's "Số:"): the label
# only before the number and a printed notation (``_ends_notation``)
_COLON_LOST_SO_WORDS = _BARE_SO_WORDS | {"se"}


def _ends_notation(word: Word) -> bool:
    """Whether the "Số" line's last word (in the left column) is its printed notation: led by its "/"
    ("/QĐ-SGDĐT", its hyphen lost: "/QĐUBND"), its "/" misread ("TTTr-TY" of "/TTr-TY") or glued after the
    number's marks ("lÏ2/QÐĐUBND" of a written "1133" and "/QĐ-UBND" on a blurred photo, seed 451 alt 000):
    with the label read without its colon ("Số", "Sẽ") the line is the number's all the same (an address's
    "Số 12B-Lê Lợi" ends with no such word)."""
    text = word.text
    tail = notation_tail(text)
    return (
        (tail is not None and tail.start == 0)
        or (text.startswith("/") and _HYPHEN_LOST_TAIL.match(text) is not None)
        or (text.startswith("/") and _LOOSE_TAIL.match(text) is not None)
        or _loose_glued(text) is not None
    )


# the notation's "/" read as a capital I with a mark ("Ĩmr-cvr" of "/TTr-CVT" after a written "1031" on a
# low-light photo, seed 515 alt 010: the pen's stroke above the slash read as the tilde): before small
# letters, no capital I of a printed notation stands so
_SLASH_AS_I = frozenset("ĨÌÍÏỈỊ")
# ... in a notation's shape after it: parts of two letters or more, hyphened, letters without a tone mark
# (an abbreviation's; a hyphened word of the language, "Ít-ỏi", "Ích-kỷ", "Ít-ra", has a part of one letter
# or a mark)
_AFTER_SLASH_AS_I = re.compile(r"^[a-zđ][A-Za-zĐđ]+(?:-[A-Za-zĐđ]{2,})+[.,;]?$")


def slash_as_i(text: str) -> str:
    """``text`` with a leading accented capital I before a small letter read as the "/" it stands for, in a
    hyphened word of a notation's shape (``_AFTER_SLASH_AS_I``)."""
    if len(text) >= 3 and text[0] in _SLASH_AS_I and _AFTER_SLASH_AS_I.match(text[1:]) is not None:
        return "/" + text[1:]
    return text


def s_label(text: str) -> bool:
    """Whether ``text`` is the "Số:" label read "s." or "s:" (its "ố" lost, its stop kept): an "s" alone, a
    "Sa", "ss" or "SE" are no label without the stop."""
    word = text.strip()
    return fold(word).rstrip(".:").lower() == "s" and word[-1:] in (".", ":")


def _label_mark(text: str) -> bool:
    """A mark read where the "Số:" label stands: up to three characters, no letter or digit ("‹.", "«")."""
    return 0 < len(text) <= 3 and not any(ch.isalnum() for ch in text)


def _so_alone(word: Word) -> bool:
    """Whether a word is the number line's "Số:" label (``SO_WORD``, the one label the extractor goes by:
    "Sô:", "96:", "Sứ"; "Số" without its colon, "Hồ sơ", is none) and nothing more (no digit glued to it);
    also "s:", its "ố" lost, as the extractor's ``SO`` takes it before the number ("s: l2 2/6cN-qLD" of a
    written "1272" and "/GCN-QLD": no label, no blank, the number lost, seed 181 dev 013)."""
    folded = fold1(word.text)
    m = SO_WORD.match(folded)
    return (m is not None and not folded[m.end() :].strip()) or folded.strip() == "s:"


class Kind(StrEnum):
    """What a blank stands for: the number before the notation, the date's day or month, a tax code."""

    NUMBER = "number"
    DAY = "day"
    MONTH = "month"
    TAXCODE = "taxcode"


@dataclass(frozen=True)
class Blank:
    """A region of the page to read again, and what it stands for."""

    kind: Kind
    line: int  # the page line it belongs to
    box: Box  # region in the page's (upright) frame
    drop: tuple[int, ...]  # indices (into page.words) of the first reading's words for it
    first: str  # the first reading's text there
    first_conf: float
    # a number glued to its printed notation: where the printed "/" is reckoned to start at the line's foot,
    # and the line's em (the region is cut along the slash's slant, not at ``box``'s right side)
    slash: tuple[float, float, float] | None = None
    # digits read sure with more digit marks in the region than digits: read again for the lost digit (a new
    # reading is taken only when it keeps the first reading's digits and adds to them)
    lost: bool = False
    # a tax code read as clean digits whose check digit fails (a blurred "3" read "2"): read again, sharpened,
    # and a new reading taken only when its check digit holds
    unchecked: bool = False
    # a number glued to its printed notation: the first reading's word of both, and its number and notation
    # as read ("Z", "/Qb-SVHTTDL"): where the "/" starts is reckoned again from the capitals' height
    # in the scan (``refined``)
    glued: tuple[Box, str, str] | None = None
    # the first reading's "/"-led notation word that ends the number's region, read unsure ("/ep-svHTTDL" at
    # 34): its box may hold the pen's last digit, so where its "/" starts is found in the scan (``refined``)
    notation: Box | None = None
    # a day's or month's marks the first reading glued to the printed words around it ("Ÿ" of "Ÿnăm")
    glue: str = ""
    # a day or month read sure beside a date word that swallowed more handwriting on its side ("tháng 1
    # [0]năm"): with more marks than its digits and no agreed reading, it is dropped, not kept
    swallowed: bool = False
    # a sure number written in coloured ink (``pen_ink``), or a sure day or month standing high over print
    # (``written_high``): a pen's digits the first (print) reading is sure of all the same ("651" in blue read
    # "621" at 91): kept sure only when the digit readings confirm it
    pen: bool = False
    # a sure number whose ink touches or crosses a printed rule (``touches_rule``: a pen's "1" whose flag
    # meets the organ's underline read "4" at 93): kept sure only when the digit readings confirm it (as
    # ``pen``)
    ruled: bool = False
    # a doubtful number's blank whose ink touches or crosses a printed rule (``touches_rule``): the rule taken
    # out may have taken a digit's stroke with it (a "7" whose bar lay on the organ's underline read "0"), so
    # a value another reading disagrees with, even once, is not taken sure (``contested``)
    crossed: bool = False
    # a number glued to its printed notation: the "Số:" label's box and the line's mean character width, the
    # em measured again on the label's ink when the scan shows no "/" apart (``refined``)
    label: tuple[Box, float] | None = None
    # a month's blank whose "năm" after it the first reading lost (``_nam_lost``): where the printed word is
    # reckoned to stand, before the year; put back with the month read again
    nam: Box | None = None
    # ... and whose "tháng" before it the first reading lost in a garbled word with the day (``_thang_lost``):
    # where the printed word is reckoned to stand; put back with the month read again
    thang: Box | None = None
    # a day's or month's first reading of more digits than its word's box holds (``read_doubled``): a digit
    # read twice, so a re-reading a digit short is no digit lost
    doubled: bool = False
    # a number's region reckoned, not seen: a number line read without its "Số:" label before a "/"-led
    # notation (``slash_led_line``), the label's ink cut off by a white run guessed from the line's height
    # (``LOST_LABEL_GAP``): a digit may be cut off with it or a stroke of the label taken in, so whatever
    # the readings give there is taken in doubt (``AGREED_MAX_CONF``)
    reckoned: bool = False
    # a blank whose crops read as nothing sure were read again with the white runs between their marks
    # narrowed (``_gaps_closed``): the marks read are the pen's, but set closer than written, whatever the
    # readings give is taken in doubt (``AGREED_MAX_CONF``)
    closed: bool = False
    # a day or month whose crops read as nothing clear was read again stood upright (``upright``): its
    # digits written slanted and run into each other; whatever the readings give is taken in doubt
    # (``AGREED_MAX_CONF``)
    uprighted: bool = False


@dataclass(frozen=True)
class NotationTail:
    """The printed notation a first-reading word ends with ("72#QĐ-TTg" → "QĐ-TTg" from 3, its "#" from 2)."""

    start: int  # where the tail starts in the word (a "/", "#", "|" or "\\" before the notation included)
    head: int  # where the notation itself starts
    text: str  # the notation: a capital, up to 7 more letters, then one or more "-" and letters or digits


# the line's last word shaped as a notation whatever its letters' case, its slash lost or read as a comma
# ("Số: 2.219 mc-vp" for "2919/HC-VP"): the number stands before it; after its slash or comma a letter of its
# head may be read as a digit (",C1-UBND" of "/CT-UBND", seed 365 alt 008: no blank found, the written "1957"
# lost); not without one ("Z743QĐ-TTg" is the number glued to its notation, its blank is the word's start);
# the slash also read as a semicolon beside a tall written number (";qp-svr" of "/QĐ-SYT" after a pen's "1300"
# read "1.300", seed 813 corp 000: no blank found, the number lost)
_LOOSE_TAIL = re.compile(
    r"^(?:[/,;]?[A-Za-zĐđÐ]{1,8}|[/,;][A-Za-zĐđÐ][A-Za-zĐđÐ0-9]{1,7})(?:-[A-Za-zĐđÐ0-9]{1,8})+[.,;]?$"
)
# a notation glued after the number's "/" with its hyphen read as a stop, led by a capital ("2/QLD.VP" for the
# pen's last "2" and "/QLD-VP": the "/" and capitals say it is the notation whatever the hyphen became)
# ... or read small but for a letter ("126Ữ/qLp.vp" of a written "1360" and "/QLD-VP", seed 455 dev 011): a
# capital in it still tells the notation from a pen's marks read as letters
_DOTTED_TAIL = re.compile(
    r"^/(?:[A-ZĐÐ][A-Za-zĐđÐ]{1,7}|(?=[^-.]*[A-ZĐÐ])[a-zđ][A-Za-zĐđÐ]{1,7})(?:[-.][A-Za-zĐđÐ0-9]{2,8})+[.,;]?$"
)
# ... or with a letter of its head read as a digit ("0/c1-sLoTBxH" for the pen's last "0" and "/CT-SLĐTBXH":
# the "T" read "1", seed 157 alt 008)
# ... or with its hyphen lost, a type's letters and an organ's run together, some read small ("1ØØ6/cTrUBND"
# of a written "1906" and "/CT-UBND", seed 273 alt 008: read at 0, no blank found, the number lost)
# (four letters the shortest, a type's two and an organ's two: "5-Ÿ/crry" of a written "353" and "/CT-TY" on a
# low-light photo, seed 451 alt 001)
_HYPHEN_LOST_TAIL = re.compile(r"^/[A-Za-zĐđÐ]{4,12}[.,;]?$")
_DIGIT_HEAD_TAIL = re.compile(r"^/[A-Za-zĐđÐ][A-Za-zĐđÐ0-9]{1,7}(?:-[A-Za-zĐđÐ]{2,8})+[.,;]?$")
# ... or its first capital read as a digit, letters after it ("ƒ.2ZỮ/6cn-oLp" of a written "1540" and
# "/GCN-QLD", the "G" read "6", seed 377 dev 013: no blank found, the number lost)
_DIGIT_LED_TAIL = re.compile(r"^/[0-9][A-Za-zĐđÐ]{2,7}(?:-[A-Za-zĐđÐ]{2,8})+[.,;]?$")
# a blurred hyphen read with a stop or comma beside it (a speck of the blur): one hyphen to the shapes above
_HYPHEN_STOP = re.compile(r"[.,]-|-[.,]")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐÐ")
_LETTERS = _UPPER | frozenset("abcdefghijklmnopqrstuvwxyzđ")
_PART = _LETTERS | frozenset("0123456789")
_TAIL_SEPS = frozenset("/#|\\")
_HEAD_MAX = 8
# a notation's first capitals read as digits or letters no head takes ("8C-UBND" of "BC-UBND"): at most this
# many between the "/" and the head
MISREAD_HEAD = 2


def notation_tail(word: str) -> NotationTail | None:
    """The notation at the end of ``word`` that starts furthest left (what the regex
    ``[/#|\\]?([A-ZĐÐ][A-Za-zĐđÐ]{0,7}(?:-[A-Za-zĐđÐ0-9]+)+)$`` finds with ``search``), read from the
    word's end in one pass: each character is looked at a bounded number of times, so a crafted or garbled
    word of any length costs its length (the regex, tried from every position, was quadratic: 3 s on 10 000
    marks)."""
    end = len(word) - 1 if word.endswith("\n") else len(word)  # as "$" matches before a final newline
    best: int | None = None
    j = end
    while True:
        k = j  # the part word[k:j]: letters and digits after a "-"
        while k > 0 and word[k - 1] in _PART:
            k -= 1
        if k == j or k == 0 or word[k - 1] != "-":
            break
        dash = k - 1
        # a head before this "-": up to 8 letters, from the leftmost capital among them
        r = dash
        while r > 0 and dash - r < _HEAD_MAX and word[r - 1] in _LETTERS:
            r -= 1
        head = next((s for s in range(r, dash) if word[s] in _UPPER), None)
        if head is not None:
            best = head  # a "-" further left with a head of its own starts the tail further left
        j = dash
    if best is None:
        return None
    if best > 0 and word[best - 1] in _TAIL_SEPS:
        return NotationTail(best - 1, best, word[best:end])
    # the head's first capitals misread as digits after the number's "/" ("2595/8C-UBND" for "/BC-UBND":
    # the "8" was taken for the number's, which then had a digit more than the blank holds and no reading
    # was taken, seed 135 dev 009): the notation starts at that "/"
    for lead in range(1, MISREAD_HEAD + 1):
        slash = best - lead - 1
        if slash >= 0 and word[slash] == "/" and all(ch in _PART for ch in word[slash + 1 : best]):
            return NotationTail(slash, slash + 1, word[slash + 1 : end])
    return NotationTail(best, best, word[best:end])


def _loose_glued(word: str) -> NotationTail | None:
    """The notation after the first "/" of the line's last word when it is shaped as one whatever its letters'
    case (``_LOOSE_TAIL``): a bitonal 200 dpi scan reads the printed capitals small, "5/op-svr" for the
    number's last digit and "/QĐ-SYT" (seed 87 dev 007: no capital, no notation, no blank: the number
    lost), or with its hyphen read as a stop (``_DOTTED_TAIL``: "2/QLD.VP", seed 121 dev 004: the written
    "2282" touching the organ's underline read "2Õ 2/QLD.VP", no blank found, the number lost), or with a
    stop beside its hyphen ("/qp-.UBND")."""
    cut = word.find("/")
    comma = word.find(",")
    if cut < 0 and 0 < comma <= 2 and not any(ch in _LETTERS for ch in word[:comma]):
        # the slash read as a comma, the pen's last digit glued before it read as a mark ("Ï,cvr-vp" of a
        # written "1341"'s "1" and "/CVT-VP" on a bitonal 200 dpi scan, seed 443 alt 011: no blank found, the
        # number lost)
        cut = comma
    # a hyphen read with a stop beside it is the hyphen (``_HYPHEN_STOP``: "”/qp-.UBND" for a written "1213"
    # and "/QĐ-UBND" on a blurred photo, seed 439 alt 007: no blank found, the number lost)
    tail = _HYPHEN_STOP.sub("-", word[cut:])
    if cut <= 0 or not (
        _LOOSE_TAIL.match(tail)
        or _DOTTED_TAIL.match(tail)
        or _DIGIT_HEAD_TAIL.match(tail)
        or _DIGIT_LED_TAIL.match(tail)
        or _HYPHEN_LOST_TAIL.match(tail)
        or _GARBLED_GLUED.match("0" + tail)
    ):
        return None
    return NotationTail(cut, cut + 1, word[cut + 1 :].rstrip(".,;"))


def _word_index(page: RecognizedPage) -> dict[int, int]:
    return {id(w): k for k, w in enumerate(page.words)}


# advance widths (em) of a serif face's characters (Times New Roman's, which Liberation Serif shares):
# Decree 30 sets the header in it
_EM_WIDTHS = {
    **dict(
        zip("ABCDEFGHIJKLM", (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889), strict=True)
    ),
    **dict(
        zip("NOPQRSTUVWXYZ", (722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611), strict=True)
    ),
    **dict(
        zip("abcdefghijklm", (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778), strict=True)
    ),
    **dict(
        zip("nopqrstuvwxyz", (500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444), strict=True)
    ),
    **dict.fromkeys("0123456789#", 500),
    **dict(zip("/-:.,;|\\", (278, 333, 278, 250, 250, 278, 200, 278), strict=True)),
}


# the white a character leaves left and right of its ink (em; 0.02 for the rest): a word's box is its ink
_BEARINGS = {"S": (0.06, 0.03), ":": (0.084, 0.084), "/": (0.0, 0.0), "Q": (0.03, 0.03), "-": (0.04, 0.04)}


def printed_width(text: str) -> float:
    """The width in em of ``text``'s printed ink (Vietnamese letters as their base letter, "Đ" as "D")."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    chars = [ch for ch in base if not unicodedata.combining(ch)]
    if not chars:
        return 0.0
    white = _BEARINGS.get(chars[0], (0.02, 0.02))[0] + _BEARINGS.get(chars[-1], (0.02, 0.02))[1]
    return max(0.0, sum(_EM_WIDTHS.get(ch, 500) for ch in chars) / 1000 - white)


def _em(words: tuple[Word, ...] | list[Word], so: Word, cw: float) -> float:
    """The printed em of a "Số:" line, from its words read sure ("Số:" at least), else from the line's mean
    character width (about half an em)."""
    ems = [
        (w.box.x1 - w.box.x0) / printed_width(w.text)
        for w in words
        if (w is so or w.conf >= 80) and len(w.text) >= 2 and printed_width(w.text) > 0
    ]
    return statistics.median(ems) if ems else 2 * cw


HEADER_BAND = 0.35  # the number and the date line lie in the page's top third or so


def _header_lines(page: RecognizedPage) -> Iterator[tuple[Line, list[Word]]]:
    """The page's lines in its header band, each with its words left to right."""
    for ln in regions.lines_of(page):
        if ln.y1 < HEADER_BAND * page.height:
            yield ln, sorted(ln.words, key=lambda w: w.box.x0)


def sure_date_digits(page: RecognizedPage, before: frozenset[int] = frozenset()) -> list[Blank]:
    """The header's day and month read as clean digits (at most ``MAX_BLANKS_PER_KIND`` of each kind): a 1, 3,
    5 or 7 may be what a pen digit closing a loop was read as ("09" as "03" at 90 on a skewed rescan), and a
    pen's digit may be lost beside the one read ("1" at 97 of a written "21"); the caller reads again only
    those whose marks say so (``_loop_misread``, ``_marks_lost``)."""
    idx = _word_index(page)
    out: list[Blank] = []
    for ln, words in _header_lines(page):
        folded = [fold(w.text) for w in words]
        out.extend(_date_blanks(words, folded, _char_width(ln), ln, idx, printed_only=True, before=before))
    return _at_most_per_kind(out)


def _at_most_per_kind(blanks: list[Blank]) -> list[Blank]:
    """The first ``MAX_BLANKS_PER_KIND`` blanks of each kind, in their order."""
    seen: Counter[Kind] = Counter()
    kept = []
    for b in blanks:
        seen[b.kind] += 1
        if seen[b.kind] <= MAX_BLANKS_PER_KIND:
            kept.append(b)
    return kept


def _loop_misread(crop: np.ndarray, text: str) -> bool:
    """Whether ``text`` (digits read sure) reads a mark of ``crop`` that closes a loop as 1, 3, 5 or 7 (one
    mark per digit): then it is read again and, unread, dropped (the date goes to review)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    marks = _digit_marks(crop)
    return len(marks) == len(digits) > 0 and any(
        ch in _OPEN_DIGITS and _has_loop(m) for ch, m in zip(digits, marks, strict=True)
    )


# a written digit is at most this wide for its height (a pen's "0" or "4", slanted: 0.6-0.8)
DIGIT_WIDTH = 1.0


def wide_for_digits(box: Box, text: str) -> bool:
    """Whether the word read as ``text`` (digits) is wider than its digits can be (``DIGIT_WIDTH`` of its
    height each): a blurred "29" read "2" at 96 in a box 1.3 times as wide as high, the "9" run into the
    "2" as one mark (``_marks_lost`` counts one)."""
    digits = sum(ch.isdigit() for ch in text)
    high = box.y1 - box.y0
    return digits > 0 and high > 0 and box.x1 - box.x0 > DIGIT_WIDTH * high * digits


def _marks_lost(crop: np.ndarray, text: str) -> bool:
    """Whether ``crop`` holds more digit marks than ``text`` (read sure) has digits: one was lost."""
    return len(_digit_marks(crop)) > sum(ch.isdigit() for ch in text)


# the widest one written digit's mark is for its height with its lean taken out (``upright_width``), each
# digit: the generator's script pen (URW Z003) alone at tilts -12° to +24° and sizes 40-130 px gives at most
# "1" 0.57, "7" 0.55, "4" 0.60, "5" 0.63, "0" and "6" 0.64, "8" 0.65, "3" and "9" 0.66, "2" 0.71; two digits
# run together into one mark at gaps 0.18-0.5 of the size and tilts -12° to +20° are wider: "11" 0.67 and
# more, "21" 0.72, "31" 0.70, "13" 0.64 (read "8": its limit is the "8" leaning +24°'s, 0.65, to catch
# "13" at +12°, 0.66; and over ``PAIR_WIDTH`` they are parted). The raw width grows with the lean: a "3"
# alone at +24° is 1.26 as wide as high, a "1" 1.03 (session 56: the limits measured raw at ±12° put right
# days leaning +16° and more in doubt)
ONE_DIGIT_WIDEST = {
    "0": 0.68,
    "1": 0.62,
    "2": 0.73,
    "3": 0.69,
    "4": 0.65,
    "5": 0.68,
    "6": 0.68,
    "7": 0.6,
    "8": 0.65,
    "9": 0.7,
}
# the turns a mark is measured at for its narrowest stance (``upright_width``): -30° to +30° by 2°
_UPRIGHT_TURNS = np.radians(np.arange(-30.0, 31.0, 2.0))


def upright_width(mark: np.ndarray) -> float:
    """A mark's (a mask's) width over its height turned to the stance it is narrowest in, within 30° either
    way (``_UPRIGHT_TURNS``): its lean, a pen's tilt or slant, taken out. A "1" alone 0.52-0.57 leaning
    -12° to +24°, where its raw width grows from 0.55 to 1.03 of its height; two digits run together
    stay wider ("11" 0.67 and more). 0.0 for a mark with no ink."""
    ys, xs = np.nonzero(mark)
    if xs.size == 0:
        return 0.0
    cos, sin = np.cos(_UPRIGHT_TURNS), np.sin(_UPRIGHT_TURNS)
    across = np.outer(xs, cos) - np.outer(ys, sin)
    down = np.outer(xs, sin) + np.outer(ys, cos)
    wide = across.max(axis=0) - across.min(axis=0) + 1.0
    high = down.max(axis=0) - down.min(axis=0) + 1.0
    return float(np.min(wide / high))


def wide_for_one(crop: np.ndarray, text: str) -> bool:
    """Whether a day or month read as one digit (``text``) stands in a crop (``clean_crop``'s) of one digit
    mark wider for its height, its lean taken out (``upright_width``), than that digit is ever written
    (``ONE_DIGIT_WIDEST``): two digits run together, one read. A pen's day "11" written close, one mark 0.9
    times as wide as high, read "1" at 92 and taken at 0.90; "31" read "3" at 84-88, "21" read "2" (review
    of days55: sure and wrong). A digit alone leaning far ("3" at +16°, 1.06 as wide as high) is not."""
    digit = text.strip()
    if len(digit) != 1 or digit not in ONE_DIGIT_WIDEST:
        return False
    marks = _digit_marks(crop)
    return len(marks) == 1 and upright_width(marks[0]) > ONE_DIGIT_WIDEST[digit]


def _words_box(page: RecognizedPage, drop: tuple[int, ...]) -> Box:
    """The box around the first reading's words ``drop`` (indices into ``page.words``)."""
    boxes = [page.words[k].box for k in drop]
    return Box(
        min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes)
    )


def _adds_digits(first: str, new: str) -> bool:
    """Whether ``new`` has more digits than ``first`` and holds all of ``first``'s, in order ("4" → "74")."""
    rest = iter(new)
    return len(new) > len(first) and all(ch in rest for ch in first)


def only_added(blank: Blank, found: tuple[str, float] | None) -> tuple[str, float] | None:
    """A sure first reading read again for a lost digit, or beside a date word that swallowed handwriting,
    is only added to, never read otherwise ("7" for a sure "1"); a day or month read again a digit short is
    no reading either (a blurred printed day "26" read again "2" at 59 had replaced the right day)."""
    if found and (blank.lost or blank.swallowed) and not _adds_digits(blank.first, found[0]):
        # the first reading's "4" a pen's "1" with a lead-in stroke (``ones_for_fours``: "15" written close
        # to "tháng" read "4" at 90, its "5" swallowed, seed 157 alt 003): added to as a "1", in doubt
        if _adds_digits(blank.first.replace("4", "1"), found[0]) and found[1] >= CLEAR_CONF:
            return found[0], min(found[1], AGREED_MAX_CONF)
        return None
    if (
        found
        and blank.kind in (Kind.DAY, Kind.MONTH)
        and sum(ch.isdigit() for ch in found[0]) < sum(ch.isdigit() for ch in blank.first)
    ):
        # a day or month read again a digit short of the first reading: the cut lost one; unless the first
        # reading was a guess (under ``UNANIMOUS_CONF``: a pen's "3" read "22" at 27, seed 157 alt 001), or
        # more digits than a day or month has ("227" at 60 of a blurred written "27", read "27" at 97 by
        # every crop: the day lost, seed 205 dev 004), and the new one clear: taken, in doubt (a digit may
        # still be lost)
        # ... or one written digit read twice (``Blank.doubled``), read again as that digit (a "22" read
        # twice re-read "7" is no reading of it)
        twice = blank.doubled and set(blank.first) == {found[0]}
        guess = blank.first_conf < UNANIMOUS_CONF or sum(ch.isdigit() for ch in blank.first) > 2 or twice
        if blank.swallowed or not guess or found[1] < CLEAR_CONF:
            return None
        return found[0], min(found[1], AGREED_MAX_CONF)
    return found


def read_otherwise(blank: Blank, agreed_on: tuple[str, float], marks: int) -> tuple[str, float] | None:
    """A sure first reading with fewer digits than its region holds marks (``Blank.lost``) that the readings
    again agree on otherwise, not added to (``only_added``): a clear reading with a digit for each mark is
    taken, in doubt. The first reading lost a digit and misread another ("2" at 97 of a written "15" whose
    "5" runs into the organ's rule, read "15" by every crop): kept, it is surely wrong; the new one may
    misread a digit the first read right, so it goes to review."""
    text, conf = agreed_on
    digits = sum(ch.isdigit() for ch in blank.first)
    if conf < CLEAR_CONF or not text.isdigit() or len(text) != marks or len(text) <= digits:
        return None
    return text, min(conf, AGREED_MAX_CONF)


def _char_width(ln: Line) -> float:
    """Width of a printed character on the line (from its words read with confidence)."""
    widths = [(w.box.x1 - w.box.x0) / len(w.text) for w in ln.words if w.conf >= 80 and len(w.text) >= 3]
    return statistics.median(widths) if widths else (ln.y1 - ln.y0) * 0.55


# a word read at least this surely as a Vietnamese syllable is print, not a pen's digits misread
PROSE_CONF = 60.0


def _prose(words: list[Word]) -> bool:
    """Whether a blank's first reading is printed words ("càng", "lượng ca mắc"): each a Vietnamese syllable
    of two letters or more read with some confidence, one with a tone or vowel mark or of four letters.
    Handwritten digits misread give marks ("Í", "^Ổ", "lo", "đỔ"), not such words: prose in the header band is
    no blank. A word with a digit in it is no printed word ("22đổ" at 79 of a written "2588": its "đổ" a
    syllable all the same, the number was lost, seed 247 alt 011)."""
    letters = [re.sub(r"[\W\d_]", "", w.text) for w in words]
    return (
        bool(words)
        and all(
            len(t) >= 2
            and is_syllable(t)
            and _printed_case(t)
            and w.conf >= PROSE_CONF
            and not any(ch.isdigit() for ch in w.text)
            for t, w in zip(letters, words, strict=True)
        )
        and any(not t.isascii() or len(t) >= 4 for t in letters)
    )


def _label_again(words: list[Word]) -> bool:
    """Whether a number blank's first reading is one word that is the label "Số" read again (a written "98"
    read "Số”" at 69 after "số:", seed 571 alt 009: taken for prose, no blank, the number lost): no printed
    line has the label twice, the word is the pen's digits."""
    return len(words) == 1 and re.sub(r"[\W\d_]", "", fold1(words[0].text)).lower() == "so"


def _stands_high(between: list[Word], words: list[Word]) -> bool:
    """Whether a word of ``between`` rises above the line's printed words (``words``: read sure, three letters
    or more) by ``PEN_ABOVE`` of their height: a pen's marks read as a syllable ("SỔ" at 64 of a written "23"
    standing high between "ngày" and "tháng", seed 205 alt 013: taken for prose, no blank, the day lost);
    printed words sit on their line."""
    printed = [w for w in words if w.conf >= 85.0 and len(w.text) >= 3 and w.text.strip(".,;:").isalpha()]
    if not printed:
        return False
    top = statistics.median(w.box.y0 for w in printed)
    high = statistics.median(w.box.y1 - w.box.y0 for w in printed)
    return any(w.box.y0 < top - PEN_ABOVE * high for w in between)


def written_high(page: RecognizedPage, blank: Blank) -> bool:
    """Whether a day or month read as sure digits (``sure_date_digits``) stands high over its line's printed
    words (``_stands_high``): a pen's, bigger than print. Tesseract's print model is as sure of a pen's digits
    it misreads as of print ("1" written with a lead-in stroke read "4" at 94 on a photo, seed 273 dev 003:
    the date sure-wrong), so such a day or month is read again as any pen's number is (``Blank.pen``,
    ``pen_checked``); printed digits sit on their line and are not."""
    if blank.kind not in (Kind.DAY, Kind.MONTH) or not blank.drop:
        return False
    line = [w for w in page.words if w.line == blank.line]
    return _stands_high([page.words[k] for k in blank.drop], line)


def _printed_case(word: str) -> bool:
    """Whether ``word``'s letters are cased as print has a word: all small, all capitals, or a capital then
    small letters. A small letter before a capital ("đỔ": a written "38") is a pen's marks read as letters."""
    return word.islower() or word.isupper() or word.istitle()


def _doubtful(words: list[Word]) -> bool:
    return not words or any(not w.text.strip(".,").isdigit() or w.conf < PRINTED_CONF for w in words)


def find_blanks(page: RecognizedPage, before: frozenset[int] = frozenset()) -> list[Blank]:
    """The header's number, day and month regions whose first reading is not clean printed digits (and a tax
    code's cells); at most ``MAX_BLANKS_PER_KIND`` of each kind, the first in reading order. ``before``: the
    ids of wide "tháng" words the scan shows swallowed the handwriting before them (``swallowed_before``)."""
    idx = _word_index(page)
    out: list[Blank] = []
    for ln, words in _header_lines(page):
        folded = [fold(w.text) for w in words]
        cw = _char_width(ln)
        # "<place>, ngày D tháng M năm Y"
        out.extend(_date_blanks(words, folded, cw, ln, idx, before=before))
        # "Số: N/NOTATION" (the left column: words left of the page's middle)
        found = _number_blank(page, ln, words, cw, idx)
        if found is not None and found[1]:
            out.append(found[0])
    out.extend(_tax_blanks(page, idx))
    return _at_most_per_kind(out)


def sure_numbers(page: RecognizedPage) -> list[Blank]:
    """The header's number read as sure digits ("4" at 96): a digit written into the organ's rule above it
    ("74" whose "7" runs into the rule) is lost by the first reading, which is sure of the rest."""
    idx = _word_index(page)
    out: list[Blank] = []
    for ln, words in _header_lines(page):
        found = _number_blank(page, ln, words, _char_width(ln), idx)
        # a number glued to its notation ("1169/QĐ-UBND") is printed: what its slanted cut leaves of the "/"
        # is no lost digit
        if found is None or found[1] or found[0].slash is not None:
            continue
        # ... and one read with a stop after its digits ("139," at 92 and "fTTr-UBND" of a written "1397"
        # whose "7" crossed the organ's underline, seed 461 dev 003: the extractor took the comma for the
        # slash and "139" sure, wrong): its digits are checked as any sure number's
        digits = found[0].first.rstrip(".,")
        if digits.isdigit():
            out.append(replace(found[0], first=digits))
    return out[:1]


def _reckoned_slash(word: Box, number: str, notation: str, em: float, cw: float) -> float:
    """Where the printed "/" of a number glued to its notation (``word``: the first reading's word of both,
    its ``number`` and ``notation`` as read) starts, reckoned from the notation's printed width in ``em``."""
    x1 = word.x1 - printed_width(notation) * em
    # a number read as digits leaves them at least their printed width (the notation misread longer,
    # "2217/QĐÐ-SGDĐT", put the slash inside the number: "221")
    if number.isdigit():
        x1 = max(x1, word.x0 + printed_width(number) * em)
    x1 = min(x1, word.x1)
    if number:  # the word starts with the number's digits: the slash is not left of the word
        x1 = max(x1, min(word.x1, word.x0 + 0.5 * cw * len(number)))
    return x1


def _number_blank(
    page: RecognizedPage, ln: Line, words: list[Word], cw: float, idx: dict[int, int]
) -> tuple[Blank, bool] | None:
    """The region of a "Số: N/NOTATION" line's number (from the left column: words left of the page's
    middle), and whether its first reading is doubtful (not clean printed digits); None on another line."""
    left = [w for w in words if (w.box.x0 + w.box.x1) / 2 < 0.5 * page.width]
    if left and (text := slash_as_i(left[-1].text)) != left[-1].text:
        left[-1] = replace(left[-1], text=text)
    bare = bare_so_notation(" ".join(w.text for w in left)) is not None
    # a blurred line's notation read as letters without its hyphen ("sø S2 /oouewo", "s. “ổ /TTrHC"): the
    # label then also stands as "s." or "sø" alone, or as "sẽ" (a shaken photo's "Số:" its colon lost: "sẽ
    # 17ÏĨ cp.ueND" for a written "1711" and "/GP-UBND", seed 121 dev 005)
    garbled = (len(left) >= 3 and garbled_notation(left[-1])) or (len(left) >= 2 and garbled_glued(left[-1]))
    noted = len(left) >= 2 and _ends_notation(left[-1])

    def is_label(w: Word) -> bool:
        # "SƠ 2Í /SGDĐT-GDTrH": the label read without its colon, the printed notation after the number
        label = fold1(w.text).strip(".,;:")
        return (
            _so_alone(w)
            or (bare and label in _BARE_SO_WORDS)
            or (garbled and w is not left[-1] and (label in _BARE_SO_WORDS or label in _GARBLED_SO_WORDS))
            or (noted and w is not left[-1] and label in _COLON_LOST_SO_WORDS)
            # ... or as "s." (its "ố" lost) the line's first word, before the number and a notation ("s. 1Ữ2
            # Ĩmr-cvr" of "Số:", a written "1031" and "/TTr-CVT" on a low-light photo, seed 515 alt 010)
            # (the notation apart, led by its slash: "s." before digits glued to one is no label)
            or (
                noted
                and w is left[0]
                and len(left) >= 3
                and left[-1].text.startswith("/")
                and s_label(w.text)
            )
            # ... or as a mark where it stands, the line's first ("‹. 346 /GP-SCT" of "Số:", a written "946"
            # and "/GP-SCT" on a blurred photo, seed 451 dev 012: the first reading's "346" kept, in doubt)
            # (a speck before the label read "Số:" is none: "„ Số: 2/QĐ-UBND")
            or (noted and w is left[0] and len(left) >= 3 and _label_mark(w.text) and not labelled)
        )

    labelled = any(_so_alone(v) or fold1(v.text).strip(".,;:") in _COLON_LOST_SO_WORDS for v in left[1:-1])

    left = list(from_label(left, is_label))
    if not (left and is_label(left[0]) and len(left) >= 2):
        return None
    so = left[0]
    h = ln.y1 - ln.y0
    num_words: list[Word] = []
    x1: float | None = None
    slash: tuple[float, float, float] | None = None
    glued: tuple[Box, str, str] | None = None
    notation: Box | None = None
    # the line's notation led by its "/" ("/GP-UBND"), found once: a word before it may be a pen's
    notation_at = next((k for k, v in enumerate(left) if k > 0 and _slash_notation(v)), len(left))
    for i, w in enumerate(left[1:], 1):
        before = i < notation_at
        hyphened = before and notation_at < len(left) and _pen_hyphened(w)
        if _pen_slash(w, so) or (before and _pen_word(w)) or hyphened:
            num_words.append(w)
            continue
        tail = notation_tail(w.text) or (_loose_glued(w.text) if w is left[-1] else None)
        if (
            w.text.startswith("/")
            or (tail and tail.start == 0)
            or (w is left[-1] and _LOOSE_TAIL.match(w.text))
        ):
            x1 = w.box.x0
            # its "/" is found in the scan (``refined``) whether it was read sure or not: a notation read
            # sure may have taken the pen's last digits into its box all the same ("2763" written close to
            # "/GP-CDLQGVN": "2." and "/GP-CDLQGVN" at 92 from the "6" on, the region cut at the word gave
            # "27", seed 139 alt 012)
            notation = w.box
            break
        if tail:  # "72#QĐ-TTg": the number glued to the notation
            # the printed "/" and notation's width by their letters' shapes (capitals are wide: by
            # the line's mean letter "1139/QĐ-TTg" was cut right of its "/" and "/Q" read as digits)
            em = _em(ln.words, so, cw)
            number = w.text[: tail.start].rstrip("/")
            x1 = _reckoned_slash(w.box, number, "/" + tail.text, em, cw)
            slash = (x1, w.box.y1, em)
            glued = (w.box, number, "/" + tail.text)
            num_words.append(replace(w, text=number))
            break
        if w is left[-1] and i >= 2 and garbled_notation(w, unworded=_so_alone(so)):
            x1 = w.box.x0
            notation = w.box
            break
        num_words.append(w)
    if x1 is None or x1 - so.box.x1 <= 1.2 * cw or (_prose(num_words) and not _label_again(num_words)):
        return None
    drop = [idx[id(w)] for w in num_words if id(w) in idx]
    conf = min((w.conf for w in num_words), default=0.0)
    box = Box(so.box.x1, ln.y0 - 0.1 * h, x1, ln.y1 + 0.1 * h)
    first = " ".join(w.text for w in num_words)
    label = (so.box, cw) if glued is not None else None
    blank = Blank(
        Kind.NUMBER,
        so.line,
        box,
        tuple(drop),
        first,
        conf,
        slash,
        glued=glued,
        notation=notation,
        label=label,
    )
    # a number read as digits in two words or more ("33 4", "1 9") is no printed number (print sets it as one
    # word): a pen's digits with gaps between them, which the extractor reads as no number
    return blank, _doubtful(num_words) or len(num_words) > 1


# the printed words' widths in characters of the line (measured on generated and real headers: 4.0-4.1,
# 4.6-4.9, 3.4-3.65)
_DATE_KEYS = {"ngay": ("ngày", 4.05), "thang": ("tháng", 4.75), "nam": ("năm", 3.5)}
# a "tháng" read clean this much wider than printed holds more than the word, if less than ``_printed_span``'s
# 1.3: a swallowed "1" or a digit's part ("tháng1" 1.27 wide, review of eeae151; on seeds 85 and 87's date
# lines the clean ones are at most 1.15 of the width reckoned from the line's smallest character)
WIDE_THANG = 1.2


# a notation's letters the blur garbled: a "/" (or a bracket) then letters, or letters around a stop, or five
# letters or more; read unsure, no hyphen (a hyphened one is ``notation_tail``'s). The "/" may have the pen's
# last digit glued before it, read as a letter ("Ï/sxp.QLxp" of a written "661" and "/SXD-QLXD")
_GARBLED_NOTATION = re.compile(
    r"^(?:[^\W\d_]?[/\])(|]+[^\W\d_]+(?:[.,][^\W\d_]+)*|[^\W\d_]+[.,+][^\W\d_]{2,}|[^\W\d_]{5,})$"
)


def garbled_notation(w: Word, *, unworded: bool = False) -> bool:
    """Whether the "Số:" line's last word is its printed notation garbled by a blurred photo ("/oouewo",
    "]/qp.qLp", "m.svr", "uøNo.vp", "mCxvP"): read unsure, letters with no digit and no hyphen. A pen's digits
    misread as letters are shorter ("đỮổ", "ỞØ") and stand before it. ``unworded``: after a label read "Số:"
    whole, a word read surer is one all the same when its letters are no Vietnamese syllable ("sẽ: $7 crsyr"
    of a written "59" and "/CT-SYT" on a blurred photo, "crsyr" at 66, seed 451 dev 008: no blank, the number
    lost)."""
    text = w.text.strip(".,;:'\"“”")
    return (
        (w.conf < GARBLED_CONF or (unworded and not is_syllable(text)))
        and "-" not in text
        and not any(ch.isdigit() for ch in text)
        and sum(ch.isalpha() for ch in text) >= 3
        and _GARBLED_NOTATION.match(text) is not None
    )


# ... or glued after the number's digits and its "/", read small with its hyphen a stop ("2052/oqo.wc" of a
# written "2059" and "/QĐ-HC" on a blurred bitonal photo, seed 419 dev 007: no blank found, the number kept as
# first read)
_GARBLED_GLUED = re.compile(r"^[0-9]{1,6}(/[a-zđ]{1,8}[.,][a-zđ]{2,8})$")


def garbled_glued(w: Word) -> bool:
    """Whether the "Số:" line's last word is the number glued to its printed notation garbled by a blurred
    photo (``_GARBLED_GLUED``), read unsure."""
    return w.conf < GARBLED_CONF and _GARBLED_GLUED.match(w.text.strip(".,;:'\"“”")) is not None


def _pen_slash(w: Word, so: Word) -> bool:
    """A "/" read from a written digit's stroke ("17" as "] /", then "/BC-HC" as "JBC-HC"): no letter or
    digit, and rising well above the printed "Số:" as handwriting does."""
    high = w.box.y0 < so.box.y0 - 0.3 * (so.box.y1 - so.box.y0)
    return w.text.startswith("/") and not any(ch.isalnum() for ch in w.text) and high


def _slash_notation(w: Word) -> bool:
    """Whether a word is a notation led by its "/" ("/GP-UBND")."""
    return w.text.startswith("/") and (t := notation_tail(w.text)) is not None and t.start == 0


def _pen_word(w: Word) -> bool:
    """A written digit read as a "/" and a mark ("2978/GP-UBND" as "Z9 /ổ /GP-UBND": its "7" a slash, its "8"
    an "ổ"): a short word led by "/" that is no notation (one before the line's notation: the caller's)."""
    return w.text.startswith("/") and len(w.text) <= 4 and notation_tail(w.text) is None


def _pen_hyphened(w: Word) -> bool:
    """Written digits read as single marks between hyphens ("Z-2-Z" at 26 of a pen's "235" written apart,
    s873 corp 007: taken for the notation, the number's region ended before it and held nothing): no part
    of two letters, as every printed notation has (one before the line's "/"-led notation: the caller's)."""
    parts = w.text.strip(".,").split("-")
    return len(parts) >= 2 and all(sum(ch.isalpha() for ch in p) <= 1 for p in parts)


# "tháng" with its "th" read as one letter: "máng", "ráng", ... or "đăng" (folded "dang") of a blurred italic
# "th" (seed 451 dev 008: "ngày 22 đăng Ô năm 2020", no blank found, the written "23" and "6" lost)
_TH_MISREAD = re.compile(r"[dmnrt]ang")
# a whole word "t", one or two letters, "ng": an italic "tháng" read "tiếng" (its "h" as "i", its "á" as "ế";
# seed 85 alt 000: "ngày -2 tiếng Í năm: 2019", no blank found, the written date lost)
_TH_WORD = re.compile(r"t[a-z]{1,2}ng")


def _find_key(letters: str, key: str) -> tuple[int, int]:
    """Where (start, length) the date word ``key`` is in a word's folded letters; "háng" (the "t" lost),
    "máng" (its "th" read as one letter, "2máng" with the day glued on) and a whole word "tiếng" are
    "tháng"."""
    pos = letters.find(key)
    if pos >= 0 or key != "thang":
        return pos, len(key)
    if _TH_WORD.fullmatch(letters):
        return 0, len(letters)
    pos = letters.find("hang")
    if pos < 0 and (m := _TH_MISREAD.search(letters)) is not None:
        pos = m.start()
    return pos, 4


def thang_alone(folded: str) -> bool:
    """Whether a first-reading word (folded) is "tháng" alone, as read or misread ("tháng", "táng", "háng",
    "tiếng"), with no mark glued to it."""
    letters = re.sub(r"[^a-z0-9]", "", folded.rstrip(".,;:"))
    pos, n = _find_key(letters, "thang")
    return bool(letters) and pos == 0 and n == len(letters) and not any(ch.isdigit() for ch in letters)


def date_key(folded: str) -> str | None:
    """The date word a first-reading word holds ("ngày", "^Ổtháng", "Ïnăm.", "tháng“12", "háng"), or
    None."""
    letters = re.sub(r"[^a-z0-9]", "", folded)
    for key in ("thang", "ngay", "nam"):
        if _find_key(letters, key)[0] >= 0:
            return key
    return None


def _printed_span(w: Word, folded: str, key: str, unit: float) -> tuple[float, float, bool]:
    """Where the printed date word ``key`` is inside the first reading's word ``w``, and whether ``w`` holds
    more (handwriting glued to it, before or after: "^Ổtháng" is the day and "tháng", "tháng“12" "tháng" and
    the month; a clean "ngày" twice as wide as a "ngày" swallowed the day written after it)."""
    # the word's letters and digits as ``date_key`` found the key in them: an underscore is a pen's mark
    # too ("LỔtháng_", the month's first stroke read "_": kept, it put the blank's edge mid-"tháng")
    letters = re.sub(r"[^a-z0-9]", "", folded)
    body = folded.rstrip(".,;:")
    pos, n = _find_key(letters, key)
    before, after = letters[:pos], letters[pos + n :]
    if (n < len(key) or body != key) and body == letters[pos : pos + n]:
        body = key  # "háng" or "tiếng" alone: the printed word
    width = _DATE_KEYS[key][1] * unit
    x0, x1 = w.box.x0, w.box.x1
    if body == key:
        if key == "nam" and x1 - x0 > 1.1 * width:  # swallowed the month written close before it
            return x1 - width, x1, True
        if x1 - x0 > 1.3 * width and key != "nam":  # swallowed what was written after it
            return x0, x0 + 1.05 * width, True
        return x0, x1, False
    if not before and not after and not body.startswith(key):  # a mark only before it ("“tháng")
        return max(x0, x1 - 1.05 * width), x1, True
    if not before and body.startswith(key):  # "tháng“", "tháng“12", "ngày06"
        return x0, min(x1, x0 + 1.05 * width), True
    if not after:  # "^Ổtháng", "Ïnăm": the blank before it glued on (its last digit close to the word)
        return max(x0, x1 - width), x1, True
    # both sides: by the characters' share of the box
    share = (x1 - x0) / max(1, len(letters))
    a = x0 + share * len(before)
    return a, min(x1, a + 1.05 * width), True


# a day's word that ends this share of a character or less before a too wide "tháng" runs into it
TOUCHING = 0.3


def touching_day(words: Sequence[Word], k: int, cw: float) -> bool:
    """Whether the word ``words[k]`` (a too wide "tháng") follows "ngày" and one word read between them
    (the day's first digit) that ends as good as on its box (``TOUCHING``): on a blurred photo, whose pen
    digits the scan does not show standing high (``swallowed_before``), the day's last digit ran into
    "tháng" ("ngày 2 tháng" with "tháng" 1.5 printed widths wide of a blurred pen's "28", "ngày Í dáng" of
    a "16", seed 513: cut after "tháng"'s first printed width, the day's crop held one digit, read "2", and
    the month's took in "ng")."""
    if k < 2 or date_key(fold(words[k - 2].text)) != "ngay" or date_key(fold(words[k - 1].text)) is not None:
        return False
    return words[k].box.x0 - words[k - 1].box.x1 <= TOUCHING * cw


def _glue(wa: Word, fa: str, ka: str, wb: Word, fb: str, kb: str) -> tuple[str, bool]:
    """What the first reading glued into the blank between two date words (after ``ka`` in ``wa``, before
    ``kb`` in ``wb``: "26" of "26tháng"), and whether those words were read with a printed word's
    confidence."""
    la, lb = re.sub(r"\W", "", fa), re.sub(r"\W", "", fb)
    pa, na = _find_key(la, ka)
    pb, _ = _find_key(lb, kb)
    after_a = la[pa + na :] if pa >= 0 else ""
    before_b = lb[:pb] if pb >= 0 else ""
    sure = all(w.conf >= PRINTED_CONF for w, part in ((wa, after_a), (wb, before_b)) if part)
    return after_a + before_b, sure


# "ngày" alone with its vowel misread ("ngờy", "ngủy" on a blurred photo): the date's first word when "tháng"
# and "năm" follow it (``_date_blanks``)
_NGAY_MISREAD = re.compile(r"ng[a-z]y[.,:;]?")
# ... or glued to the place before it by its comma ("NghệAn,ngày" on a phone photo: the day's blank was not
# looked for, the date lost, seed 245 alt 001)
_GLUED_NGAY = re.compile(r"[^\W\d_]{2},ngay$")


def _date_blanks(
    words: list[Word],
    folded: list[str],
    cw: float,
    ln: Line,
    idx: dict[int, int],
    *,
    printed_only: bool = False,
    before: frozenset[int] = frozenset(),
) -> list[Blank]:
    """The day and month blanks of a "ngày … tháng … năm …" line, also where the first reading glued the
    handwriting to the printed words ("ngày", "^Ổtháng", "Í", "Ïnăm", "2024"); ``before``: as
    ``find_blanks``'s."""
    i_ngay = next(
        (
            i
            for i, f in enumerate(folded)
            if f.startswith("ngay") or _NGAY_MISREAD.fullmatch(f) or _GLUED_NGAY.search(f)
        ),
        None,
    )
    if i_ngay is None:
        return []
    i_thang = next((i for i in range(i_ngay + 1, len(words)) if date_key(folded[i]) == "thang"), None)
    lost_thang: Box | None = None
    if i_thang is None and not printed_only and (lost := _thang_lost(words, folded, i_ngay, cw)) is not None:
        i_thang, lost_thang = lost[0] + 1, lost[1]
        words = [*words[:i_thang], Word("tháng", 0.0, lost_thang, line=words[lost[0]].line), *words[i_thang:]]
        folded = [*folded[:i_thang], "thang", *folded[i_thang:]]
    if i_thang is None or i_thang - i_ngay > 4:
        return []
    i_nam = next((i for i in range(i_thang + 1, len(words)) if date_key(folded[i]) == "nam"), None)
    lost_nam: Box | None = None
    if i_nam is None and not printed_only and (at := _nam_lost(words, folded, i_thang)) is not None:
        i_nam, lost_nam = at, _nam_box(words, folded, i_thang, at, cw)
        words = [*words[:at], Word("năm", 0.0, lost_nam, line=words[at].line), *words[at:]]
        folded = [*folded[:at], "nam", *folded[at:]]
    if i_nam is None and (at := _nam_garbled(words, folded, i_thang, cw)) is not None:
        i_nam, folded = at, [*folded[:at], "nam", *folded[at + 1 :]]
    if i_nam is None or i_nam - i_thang > 4:
        return []
    keys = {i_ngay: "ngay", i_thang: "thang", i_nam: "nam"}
    # the blanks' rows: the line's, but for a lost "tháng" those of the printed words around the garbled one
    # (its box, stretched over the motto above, set the crop's band there: the day's "7" lost in it)
    y0, y1 = ln.y0, ln.y1
    if lost_thang is not None:
        ngay_box, nam_box = words[i_ngay].box, words[i_nam].box
        y0, y1 = min(ngay_box.y0, nam_box.y0), max(ngay_box.y1, nam_box.y1)
    # the line's scale: from a date word read clean and not too wide, else from its printed characters
    clean = [
        (words[i].box.x1 - words[i].box.x0) / _DATE_KEYS[k][1]
        for i, k in keys.items()
        if folded[i].rstrip(".,;:") == k
    ]
    unit = min([cw, *clean]) if clean else cw
    unit = max(unit, 0.8 * cw)
    spans = {i: _printed_span(words[i], folded[i], k, unit) for i, k in keys.items()}
    # a "tháng" read clean but too wide right after "ngày" (no room for a day between them) swallowed the
    # day written before it, not the month after it; so did one with nothing read for the day and the month
    # read as a word of its own standing a character or more clear of it, when the gap it leaves before it is
    # the narrower of the two blanks (the day's and the month's are printed alike): nothing written after
    # "tháng" touched it ("ngày 3[0]tháng  7 năm", seed 87 dev 001: gaps 54 and 83 px; cut at the box, the
    # day crop held the "3" alone, read at 96, and the month crop took in the "g"). A box wide on the right
    # (a speck, a pen's tail, the month's first digit) leaves the month's gap the narrower: the day's blank
    # kept whole (had it been cut into "thá", a one-digit day read "…")
    t = words[i_thang]
    printed = _DATE_KEYS["thang"][1] * unit
    day_gap, month_gap = t.box.x0 - spans[i_ngay][1], spans[i_nam][0] - t.box.x1
    if id(t) in before and thang_alone(folded[i_thang]) and t.box.x1 - printed > t.box.x0:
        # the scan shows the handwriting it swallowed before it (the day's last digit), however wide the
        # line's scale reckons it ("23tháng" whose "3" runs into its box, 1.07 printed widths: the day's
        # crop cut the "3" into specks and read "2" at 95, seed 183 alt 006, sure-wrong)
        spans[i_thang] = (t.box.x1 - printed, t.box.x1, True)
    elif (
        thang_alone(folded[i_thang])
        and t.box.x1 - t.box.x0 > WIDE_THANG * printed
        and (spans[i_ngay][2] or not _as_wide_as_ngay(words[i_ngay], folded[i_ngay], t))
    ):
        if (
            spans[i_thang][2]
            and i_thang == i_ngay + 1
            and (
                day_gap < cw
                or (
                    i_nam > i_thang + 1 and words[i_thang + 1].box.x0 - t.box.x1 >= cw and day_gap < month_gap
                )
            )
        ):
            spans[i_thang] = (max(t.box.x0, t.box.x1 - printed), t.box.x1, True)
        elif not spans[i_thang][2] and month_gap < day_gap:
            # wide, if not so wide as ``_printed_span`` takes for more, with the month's gap the narrower: the
            # month's first digit in it ("tháng1  1 năm" read "tháng" and "1" at 88: "ngày 5 tháng 11" gave
            # 2024-01-05 at 0.95), so both blanks are read again from the printed word's edges
            spans[i_thang] = (t.box.x0, min(t.box.x1, t.box.x0 + 1.05 * printed), True)
        elif not spans[i_thang][2] and day_gap < month_gap:
            # the day's gap the narrower: the day's last digit in it ("ngày 1[8]tháng" cut at the box gave
            # "1" at 0.95 for "18")
            spans[i_thang] = (max(t.box.x0, t.box.x1 - printed), t.box.x1, True)
    out: list[Blank] = []
    for kind, a, b in ((Kind.DAY, i_ngay, i_thang), (Kind.MONTH, i_thang, i_nam)):
        between = words[a + 1 : b]
        glued = spans[a][2] or spans[b][2]
        # the words around the blank swallowed handwriting on its side: the word before it ends, the word
        # after it starts, half a character or more past its printed letters ("tháng 1 [0]năm": the "0" of a
        # month "10" read "1" at 96 is in "năm")
        on_side = spans[a][1] < words[a].box.x1 - 0.5 * unit or spans[b][0] > words[b].box.x0 + 0.5 * unit
        glue, sure = _glue(words[a], folded[a], keys[a], words[b], folded[b], keys[b])
        # "26tháng 7 năm": the glue is the other blank's (the day's), this one read clean as a word of its
        # own is as any clean one (a written "11" read "1" at 97 beside "Ũtháng", the day's "0" glued to it:
        # never looked at again, the month taken "1", seed 421 dev 000)
        apart = glued and not glue and bool(between) and not _doubtful(between) and not on_side
        if (not glued or apart) and not _doubtful(between):
            if printed_only:
                drop = tuple(idx[id(w)] for w in between if id(w) in idx)
                first, conf = " ".join(w.text for w in between), min(w.conf for w in between)
                box = Box(spans[a][1], y0, spans[b][0], y1)
                out.append(Blank(kind, words[i_ngay].line, box, drop, first, conf))
            continue
        if printed_only:
            continue
        if glued and not between and glue.isdigit() and sure:
            continue  # "26tháng" read sure: printed digits set close to the word, nothing written
        x0, x1 = spans[a][1], spans[b][0]
        if x1 - x0 < 0.5 * cw or (_prose(between) and not _stands_high(between, words)):
            continue
        drop = tuple(idx[id(w)] for w in between if id(w) in idx)
        conf = min((w.conf for w in between), default=0.0)
        first = " ".join(w.text for w in between)
        if not between and glue.isdigit():  # "26tháng" read unsure: the digits glued in are the first reading
            first, conf = glue, min(words[a].conf, words[b].conf)
        box, glued_marks = Box(x0, y0, x1, y1), "" if first == glue else glue
        swallowed = on_side and bool(between) and not _doubtful(between)
        blank = Blank(
            kind,
            words[i_ngay].line,
            box,
            drop,
            first,
            conf,
            glue=glued_marks,
            swallowed=swallowed,
            doubled=read_doubled(between),
        )
        out.append(replace(blank, nam=lost_nam, thang=lost_thang) if kind == Kind.MONTH else blank)
    if lost_thang is not None and not any(b.kind == Kind.MONTH for b in out):
        return []  # a lost "tháng" reckoned with no month's blank after it: no date line (REVIEW-41d M1)
    return out


# a written digit is at least this wide for its height (a pen's "1", one stroke, aside: two of them stand
# apart as two marks, and read again they give both)
DOUBLED_WIDTH = 0.45


def read_doubled(between: list[Word]) -> bool:
    """Whether the first reading of a day or month is one word of two digits or more in a box narrower than
    ``DOUBLED_WIDTH`` of its height a digit: one written digit read twice ("22" at 60 in a box 46 px wide and
    65 high for a pen's "2", seed 495 alt 005, read "2" at 67-97 by every crop: the month dropped as a
    digit lost to the cut). Only one digit repeated, and not "1": a pen's "11" is two thin strokes as
    narrow as one digit, and digits that differ ("12") were not read from one."""
    text = between[0].text if len(between) == 1 else ""
    if not text.isdigit() or len(text) < 2 or len(set(text)) != 1 or text[0] == "1":
        return False
    box = between[0].box
    return box.x1 - box.x0 < DOUBLED_WIDTH * (box.y1 - box.y0) * len(between[0].text)


def _as_wide_as_ngay(ngay: Word, folded: str, t: Word) -> bool:
    """Whether a "tháng" read clean is no wider than the "ngày" read clean before it reckons it (their
    printed widths' ratio, ``_DATE_KEYS``, by ``WIDE_THANG`` at most): wide only by the line's scale,
    which a narrow "năm" took down (an italic sans face: "ngày" 142 px, "tháng" 164, "năm" 100 at 300
    dpi), it swallowed nothing (seed 453 alt 000: the day's blank cut into the "t", read at 0 and
    dropped as a digit short). (The caller's "ngày" swallowed no digit after it.)"""
    if folded.rstrip(".,;:") != "ngay":
        return False
    per_char = (ngay.box.x1 - ngay.box.x0) / _DATE_KEYS["ngay"][1]
    return t.box.x1 - t.box.x0 <= WIDE_THANG * _DATE_KEYS["thang"][1] * per_char


# a date's year printed after its "năm": four digits, 19xx or 20xx, a stop after them at most
_YEAR_WORD = re.compile(r"(?:19|20)\d\d[.,;]?")


# "năm" as a blurred photo's reading garbles it: its "nă" run into one letter ("mm", "nm"), or its vowel
# misread ("nếm" of a written "5" close before it, seed 489 alt 009)
_NAM_GARBLED = re.compile(r"[mn]m|n[a-z]m")


def _nam_garbled(words: list[Word], folded: list[str], i_thang: int, cw: float) -> int | None:
    """Where (an index into ``words``, ``folded`` their folded texts) a date line's "năm" stands read garbled
    (``_NAM_GARBLED``), the word right before its year, one to four words after "tháng" (``i_thang``), as
    wide as the printed word at the line's character width ``cw`` (``NAM_GARBLED_WIDTH``): "ngày 2tháng mm
    2017" of a blurred "ngày 22 tháng 7 năm 2017" (seed 455 dev 007: no "năm", no month's blank, the written
    "7" never read). None otherwise (a year read sure after it: ``_nam_lost``'s, the month's marks may be
    what was read so)."""
    printed = _DATE_KEYS["nam"][1] * cw
    for j in range(i_thang + 1, min(len(folded) - 1, i_thang + 5)):
        if not (_NAM_GARBLED.fullmatch(folded[j]) and _YEAR_WORD.fullmatch(folded[j + 1])):
            continue
        lo, hi = NAM_GARBLED_WIDTH
        return j if lo * printed <= words[j].box.x1 - words[j].box.x0 <= hi * printed else None
    return None


# the widths (of the printed "năm" at the line's character width) a garbled "năm" is read as wide as
NAM_GARBLED_WIDTH = (0.7, 1.4)


def _thang_lost(words: list[Word], folded: list[str], i_ngay: int, cw: float) -> tuple[int, Box] | None:
    """Where the printed "tháng" of a date line stood when the first reading lost it in a garbled word with
    the day written close before it ("ngày 7 tháng 10 năm 2018" read "ngày = 1Ø năm 2018", the "=" at 9 over
    "7 tháng", seed 489 alt 008: no "tháng", no blank, the date lost): the index of that word and the printed
    word's box, at its right end. Only between a "ngày" (``i_ngay``) and a "năm" read sure before a year
    printed, two to four words apart, no word between them read sure or as prose; the word at least as wide
    as the printed "tháng" (at the line's character width ``cw``, or a clean "ngày"'s) and another word (the
    month's marks) after it before "năm". None otherwise."""
    for j in range(i_ngay + 2, min(len(words) - 1, i_ngay + 5)):
        if date_key(folded[j]) != "nam":
            continue
        if not (folded[j].rstrip(".,;:") == "nam" and words[j].conf >= PRINTED_CONF):
            return None
        if not _YEAR_WORD.fullmatch(folded[j + 1]):
            return None
        between = words[i_ngay + 1 : j]
        if any(w.conf >= PRINTED_CONF for w in between) or _prose(between):
            return None
        ngay = words[i_ngay]
        unit = cw
        if folded[i_ngay].rstrip(".,;:") == "ngay":
            unit = max(0.8 * cw, min(cw, (ngay.box.x1 - ngay.box.x0) / _DATE_KEYS["ngay"][1]))
        printed = _DATE_KEYS["thang"][1] * unit
        at = j - 2  # the word before the month's
        w = words[at]
        if at <= i_ngay or w.box.x1 - w.box.x0 < printed:
            return None
        # a printed word, if read unsure ("ngày chuyển giao năm 2021", "ngày Doanh nhân năm 2021"), is no
        # "tháng" garbled with a day: its letters a syllable, or three letters or more and no digit among them
        # (REVIEW-41d M1; the seed's garbled word was "=")
        letters = re.sub(r"[\W\d_]", "", w.text)
        worded = len(letters) >= 3 and not any(ch.isdigit() for ch in w.text)
        if (letters and is_syllable(letters)) or worded:
            return None
        return at, Box(w.box.x1 - printed, w.box.y0, w.box.x1, w.box.y1)
    return None


def _nam_lost(words: list[Word], folded: list[str], i_thang: int) -> int | None:
    """Where (an index into ``words``) the printed "năm" of a date line stood when the first reading lost
    it: the month written by hand close before it ("tháng 12năm 2018" read "tháng Í g 2018", seed 425 dev
    001: no "năm", no month's blank, the date lost) leaves no date word, but the year after it is printed
    and read sure. The year's word, a word or more after "tháng" (the month's marks read as something) and
    no more than four; None when a word between is read sure (print: no month written there)."""
    for j in range(i_thang + 2, min(len(words), i_thang + 5)):
        if _YEAR_WORD.fullmatch(folded[j]) and words[j].conf >= PRINTED_CONF:
            between = words[i_thang + 1 : j]
            if any(w.conf >= PRINTED_CONF for w in between) or _prose(between):
                return None
            return j
    return None


def _nam_box(words: list[Word], folded: list[str], i_thang: int, at: int, cw: float) -> Box:
    """Where the lost "năm" before the year ``words[at]`` stands: its printed width (at the scale of a clean
    "tháng", else of the line's characters) ending a space (half a character) before the year."""
    t, year = words[i_thang], words[at]
    unit = cw
    if folded[i_thang].rstrip(".,;:") == "thang":
        unit = max(0.8 * cw, min(cw, (t.box.x1 - t.box.x0) / _DATE_KEYS["thang"][1]))
    x1 = year.box.x0 - 0.5 * unit
    return Box(max(t.box.x1, x1 - _DATE_KEYS["nam"][1] * unit), year.box.y0, x1, year.box.y1)


# "số" as a blurred scan's OCR may read it: "sð", "sø", "s6"
_TAX_LABEL = re.compile(r"(ma s[o0ðø6]? thue|ma so doanh nghiep|\bmst)\s*:?\s*")
_CLEAN_TAX = re.compile(r"^\d{10}(-\d{3})?[.,;]?$")


def _tax_blanks(page: RecognizedPage, idx: dict[int, int]) -> list[Blank]:
    """A tax code printed in cells (the walls read as "|", "I", "l"): the run after its label when it is not
    read as clean digits."""
    out: list[Blank] = []
    for ln in regions.lines_of(page):
        if not ("thue" in ln.folded or "nghiep" in ln.folded or "mst" in ln.folded):
            continue  # no word of the line can end a label (most lines: not every word folded again)
        words = sorted(ln.words, key=lambda w: w.box.x0)
        folded = [fold(w.text) for w in words]
        for i, f in enumerate(folded):
            # the cheap test first: the label's regex only on the few words that can end one
            if not ("thue" in f or "nghiep" in f or f.startswith("mst")):
                continue
            if _TAX_LABEL.search(" ".join(folded[max(0, i - 3) : i + 1])) is None:
                continue
            if "thue" not in f and any("thue" in g for g in folded[i + 1 : i + 4]):
                continue  # "Mã số doanh nghiệp/Mã số thuế: …": the code follows the second label
            w = words[i]
            tail = f[f.find(":") + 1 :] if ":" in f else f.split("thue", 1)[-1] if "thue" in f else ""
            after = words[i + 1 :]
            stop = next(
                (k for k, a in enumerate(after) if fold(a.text).startswith(("dia", "dien"))), len(after)
            )
            after = after[:stop]
            first = (tail + " " + " ".join(a.text for a in after)).strip()
            if not first:
                break
            if _CLEAN_TAX.match(first.replace(" ", "")):
                if tail or not after or tax_code_valid(first.replace(" ", "")[:10]):
                    break  # read as a clean tax code whose check digit holds: never replaced
                # its check digit fails: the digits' own words read again (``_sharp_crops``)
                x0, x1 = min(a.box.x0 for a in after), max(a.box.x1 for a in after)
                y0, y1 = min(a.box.y0 for a in after), max(a.box.y1 for a in after)
                drop = tuple(idx[id(a)] for a in after if id(a) in idx)
                conf = min(a.conf for a in after)
                box = Box(x0, y0, x1, y1)
                out.append(Blank(Kind.TAXCODE, w.line, box, drop, first, conf, unchecked=True))
                break
            x0 = w.box.x1 - (w.box.x1 - w.box.x0) * len(tail) / max(1, len(f)) if tail else w.box.x1
            x0 = max(w.box.x0, x0 - 0.8 * (ln.y1 - ln.y0))  # the glued split is a guess: a first cell not cut
            x1 = max([w.box.x1, *(a.box.x1 for a in after)])
            if x1 - x0 < 8:
                break
            drop = tuple(idx[id(a)] for a in after if id(a) in idx)
            conf = min((a.conf for a in after), default=w.conf)
            out.append(Blank(Kind.TAXCODE, w.line, Box(x0, ln.y0, x1, ln.y1), drop, first, conf))
            break
    return out


# a digit run cut for its sharpened readings: this far beyond its box (shares of the box's height), scaled so
# its digits are each of these heights (px; the sheet reads each at 1, 1.5 and 2 times that), the blur taken
# out at each of these shares of that height (an unsharp mask: a blurred photo's "3" read "2", "8" read "9"
# unsharpened; which strength and size reads a blurred run right varies, so all of them vote)
SHARP_PAD_X, SHARP_PAD_Y = 0.3, 0.2
SHARP_DIGIT_PX = (32, 48)
SHARP_SIGMAS = (0.05, 0.08)


def _sharp_crops(prepared: Prepared, box: Box, grey: np.ndarray) -> list[np.ndarray]:
    """The printed digit run in ``box`` cut with a margin, scaled and sharpened (``SHARP_*``)."""
    h = max(1.0, box.y1 - box.y0)
    px, py = SHARP_PAD_X * h, SHARP_PAD_Y * h
    crop = regions.cut(prepared, box.x0 - px, box.y0 - py, box.x1 + px, box.y1 + py, source=grey)
    out = []
    for sigma in SHARP_SIGMAS:
        for size in SHARP_DIGIT_PX:
            s = size / h
            big = cv2.resize(crop, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC)
            soft = cv2.GaussianBlur(big, (0, 0), max(1.0, sigma * size))
            out.append(cv2.addWeighted(big, 2.0, soft, -1.0, 0))
    return out


# a re-read tax code differs from the first reading's clean digits in at most this many places
MAX_TAX_REPAIRS = 3


def repaired_tax_code(votes: list[tuple[str, float]], first: str) -> tuple[str, float] | None:
    """A clean tax code whose check digit fails (``first``), read again: the code at least two readings agree
    on, more than on any other, whose check digit holds and which differs from ``first`` in at most
    ``MAX_TAX_REPAIRS`` digits (a wrong reading checks one time in eleven: one reading alone is no proof)."""
    counts = Counter(t for t, _ in votes if _repairs(first, t)).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    text = counts[0][0]
    return (f"{text[:10]}-{text[10:]}" if len(text) == 13 else text), 80.0


ONE_DIGIT_REPAIR_CONF = 50.0  # a code one reading's digit made to check: to review


def one_digit_repair(votes: list[tuple[str, float]], first: str) -> tuple[str, float] | None:
    """A clean tax code whose check digit fails (``first``) and that no two readings repair
    (``repaired_tax_code``): the one code that checks with one of its first ten digits changed to a digit
    some reading as long as it gave in that place ("1473772960" whose readings gave "3", "4", "9" first: only
    "3473772960" checks, seed 517 dev 005), in doubt (``ONE_DIGIT_REPAIR_CONF``: one reading is no proof);
    None when no change or more than one checks, or the readings give no digit other than the first's."""
    a = re.sub(r"\D", "", first)
    seen: list[set[str]] = [set() for _ in a]
    for t, _ in votes:
        if len(t) == len(a) and t.isdigit():
            for i, ch in enumerate(t):
                seen[i].add(ch)
    fits = {
        a[:i] + d + a[i + 1 :]
        for i in range(min(10, len(a)))
        for d in seen[i] - {a[i]}
        if tax_code_valid((a[:i] + d + a[i + 1 :])[:10])
    }
    if len(fits) != 1:
        return None
    text = fits.pop()
    return (f"{text[:10]}-{text[10:]}" if len(text) == 13 else text), ONE_DIGIT_REPAIR_CONF


def _erase_walls(crop: np.ndarray) -> np.ndarray:
    """Cell walls (ink running nearly the crop's full height, or a long horizontal rule) made paper."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    h, w = ink.shape
    vert = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, int(0.7 * h))))
    )
    horiz = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, w // 3), 1))
    )
    out = crop.copy()
    out[(vert > 0) | (horiz > 0)] = 255
    return out


# a blank's region cut this many of its band's heights wider on each side to find the rules running through it
RULE_REACH = 2.0


def _cut_box(blank: Blank) -> Box:
    """The region ``_cuts`` cuts for ``blank`` (before ``_crop`` widens it up and down)."""
    if blank.slash is None:
        return blank.box
    xb, _, em = blank.slash
    return replace(blank.box, x1=xb + 0.5 * em)


def rules_beside(prepared: Prepared, blank: Blank, grey: np.ndarray) -> np.ndarray | None:
    """The pixels of the printed rules crossing the region ``_cuts`` cuts for ``blank`` (a mask of its crops'
    shape), found in the region cut ``RULE_REACH`` band heights wider on each side; None when none does. The
    organ's underline may end over the pen's last digit: in the region alone it is no longer than a stroke,
    taken for the digit's ("689" whose "9" the rule's end crosses, read "689" at 25-53 and no number taken,
    seed 273 alt 011; the rule taken out, "689" at 82-91)."""
    box = _cut_box(blank)
    b0, b1 = band_rows(blank.box)
    bh = max(4, b1 - b0)
    reach = int(RULE_REACH * bh)
    h = box.y1 - box.y0
    x0, y0 = max(0.0, box.x0 + 2), max(0.0, box.y0 - WIDEN_UP * h)
    x1, y1 = box.x1 - 2, box.y1 + WIDEN_DOWN * h
    width = max(1, int(x1 - x0))
    wide = regions.cut(prepared, x0 - reach, y0, x1 + reach, y1, source=grey)
    if wide.shape[1] < reach + width or int(wide.max()) - int(wide.min()) < 40:
        return None
    _, ink = cv2.threshold(wide, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    rule = _rules(ink, bh)[:, reach : reach + width]
    return rule if rule.any() else None


def _crop(
    prepared: Prepared,
    box: Box,
    up: float = WIDEN_UP,
    *,
    source: np.ndarray | None = None,
    streak: Streak | None = None,
) -> np.ndarray:
    """The region (page frame) cut from the scan at its own resolution, widened up (``up`` of its height)
    and down for handwriting that leaves the printed line (``source``: the scan made grey once a page);
    with ``streak`` (the page's, in the page frame: ``_frame_streak``) deconvolved, cut with a margin as long
    as the streak that is cut off again (its cut edges ring)."""
    h = box.y1 - box.y0
    x0, y0 = max(0.0, box.x0 + 2), max(0.0, box.y0 - up * h)
    x1, y1 = box.x1 - 2, box.y1 + WIDEN_DOWN * h
    if streak is None:
        return regions.cut(prepared, x0, y0, x1, y1, source=source)
    m = int(np.ceil(streak.length + 6 * streak.sigma))
    wide = regions.cut(prepared, x0 - m, y0 - m, x1 + m, y1 + m, source=source)
    out = deblur.deconvolve(wide, streak)[m:-m, m:-m]
    return np.ascontiguousarray(out) if out.size else regions.cut(prepared, x0, y0, x1, y1, source=source)


def _frame_streak(prepared: Prepared) -> Streak | None:
    """The motion streak deconvolved on a shaken photo's OCR image (``Prepared.streak``) as it is on the
    scan at its own resolution (the page frame the blanks are cut in): shorter by the OCR image's scale. None
    for a round blur (a streak of no length, ``deblur.round_candidates``): not undone on the blanks."""
    st = prepared.streak
    if st is None or not st.length > 0 or not prepared.blurred or not prepared.scale > 0:
        return None
    return Streak(st.angle, st.length / prepared.scale, st.sigma / prepared.scale)


def none_contradicts(value: str, cs: list[np.ndarray], each: list[list[tuple[str, float]]]) -> bool:
    """Whether no sure reading (``each``: those of each crop of ``cs``) contradicts ``value``: each gives it
    or a part of it ("173" of "1736": a digit lost), a "4" or "7" the marks' shapes say is a "1" taken as
    that "1" (``as_shaped``: "76" of a written "16" whose "1" has a flag and a foot, seed 205 dev 005)."""
    said = {
        as_shaped(crop, t).lstrip("0")
        for crop, v in zip(cs, each, strict=True)
        for t, c in v
        if c >= MIN_VOTE_CONF
    }
    return all(t in value for t in said)


def _with_deblurred(
    found: tuple[str, float] | None,
    deblurred: tuple[str, float] | None,
    unanimous: bool,
    cut_said: frozenset[str] = frozenset(),
    cut_marks: int = 0,
    *,
    dated: bool = False,
    first: str = "",
) -> tuple[str, float] | None:
    """A blank's value from its readings as cut (``found``) and as deconvolved (``deblurred``; ``unanimous``:
    every deconvolved reading that counts gives it or a part of it). The same value when both give it; the
    one as cut when the deconvolved crops give none; none when they disagree, unless the deconvolved
    readings are unanimous and sure (``ALONE_CONF``: "6" at 56 of a printed "763/" whose "63" went into the
    notation) and either the cut's readings gave nothing, or a value only a mark's shape or
    doubt gave (``SHAPE_CONF``: a "7" whose blurred bar the cut lost, taken for a plain "1"), or one the
    deconvolved value only adds digits to (a blurred "26" whose "2" the cut lost, read "6"). Then the
    deconvolved value is taken in doubt (at most ``AGREED_MAX_CONF``): a deconvolution can ring into a
    stroke ("5" read "4" and "5"). Where the cut's readings gave nothing, unanimous deconvolved readings as
    sure as a clear one (``CLEAR_CONF``) are taken so too: the best reading there is, to review.

    A day's or month's (``dated``; a number's readings disagreeing are left to review, not taken) deconvolved
    value in doubt (``UNANIMOUS_CONF`` to ``AGREED_MAX_CONF``, not unanimous) is taken where the cut's
    readings gave none and said clearly no other value (``cut_said``). A day's or month's one-digit
    deconvolved value where the cut's readings gave none and its crop holds two digit marks
    (``cut_marks``) is no value: deconvolved, two touching digits made one mark and one read ("2" at 95 of a
    blurred pen's "22", its cut's two marks read "2" and "3", seed 513 dev 004: the day "2").

    ``first``: the page's own reading, when it read the blank clearly (``CLEAR_CONF``): a value the
    deconvolved crops all give surely counts as said when it is the first reading's too (a blurred printed
    day "30" read so at 84 by the page, "20" and "2" as cut, "30" at 89-97 four times deconvolved, seed 563
    dev 008: the day lost to "…", then the line's readings' "20")."""
    if deblurred is None:
        return found
    if dated and found is None and len(deblurred[0]) == 1 and cut_marks == 2:
        return None
    if found is not None and found[0].lstrip("0") == deblurred[0].lstrip("0"):
        return found
    adds = found is not None and len(deblurred[0]) > len(found[0]) and found[0] in deblurred[0]
    if (
        found is not None
        and found[1] >= CLEAR_CONF
        and len(found[0]) > len(deblurred[0])
        and (deblurred[0] in found[0])
    ):
        # the deconvolved crops read a part of what the cut's read clearly ("69" of a blurred "269": the "2",
        # apart from the "6" once deconvolved, at the crop's side, left out): no other value, a digit fewer;
        # the cut's value is taken, in doubt (a digit more may be one the cut made of a printed mark)
        return found[0], min(found[1], AGREED_MAX_CONF)
    if unanimous and deblurred[1] >= ALONE_CONF and (found is None or found[1] <= SHAPE_CONF or adds):
        return deblurred[0], min(deblurred[1], AGREED_MAX_CONF)
    if (
        unanimous
        and deblurred[1] >= ALONE_CONF
        and found is not None
        and found[1] <= AGREED_MAX_CONF
        and deblurred[0].lstrip("0") in cut_said | ({first.lstrip("0")} if first else set())
    ):
        # the cut's readings split ("38", "58", "34" of a blurred "38": "34" taken in doubt), the value the
        # deconvolved crops all give among their clear ones (or the page's own first reading): that value, in
        # doubt
        return deblurred[0], min(deblurred[1], AGREED_MAX_CONF)
    if not unanimous and found is not None and found[1] >= CLEAR_CONF:
        # the deconvolved readings contradict one another ("20" and "24" of a blurred "23" the cut's read "23"
        # at 91, seed 205 alt 007: the day lost to "…"): the cut's clear value is taken, in doubt
        return found[0], min(found[1], AGREED_MAX_CONF)
    if unanimous and found is None and deblurred[1] >= CLEAR_CONF:
        # the cut's readings gave nothing and the deconvolved ones agree clearly if under ``ALONE_CONF`` (a
        # written "1995" read "19955" and junk as cut, "1995" at 61-82 deconvolved: the first reading's "2995"
        # had stood, seed 133 alt 000): the best reading there is, in doubt
        return deblurred[0], min(deblurred[1], AGREED_MAX_CONF)
    if (
        dated
        and found is None
        and (
            cut_said <= {deblurred[0].lstrip("0")}
            or (first and deblurred[0].lstrip("0") == first.lstrip("0"))
        )
        and not unanimous
        and UNANIMOUS_CONF <= deblurred[1] <= AGREED_MAX_CONF
    ):
        # the cut's readings gave nothing and the deconvolved ones took a value in doubt over another few
        # read ("29" at 97 six times, "39" at 72 twice, of a blurred pen's "29" whose cut read nothing, seed
        # 513 alt 008: the day lost to "…"): the best reading there is, in doubt. So too where the cut said
        # another value clearly but the page's first reading gives the deconvolved one (a blurred printed
        # "03" read so at 75 by the page, "01" once at 90 as cut, "03" by 8 of 12 deconvolved readings, seed
        # 563 dev 006: the day lost to "…")
        return deblurred
    return None


# the printed "/" leans right by this share of its height (Times and Liberation Serif: 0.28 em over 0.75)
SLASH_SLANT = 0.37
# a glued number is cut this far left of the reckoned "/" (em) in two crops that must see the same marks
SLASH_CUTS = (0.25, 0.05)


def _cuts(
    prepared: Prepared, blank: Blank, grey: np.ndarray, streak: Streak | None = None
) -> list[np.ndarray]:
    """The crops a blank is read in: its region; for a number glued to its printed "/" the region up to the
    slash cut along the slash's slant (the pen's last digit stands over the slash's foot: a straight cut
    left of the foot lost it, "2023/" read "202"), at two distances from where the slash is reckoned."""
    if blank.slash is None:
        return [_crop(prepared, blank.box, source=grey, streak=streak)]
    xb, yb, em = blank.slash
    box = replace(blank.box, x1=xb + 0.5 * em)
    crop = _crop(prepared, box, source=grey, streak=streak)
    x0, y0 = max(0.0, box.x0 + 2), max(0.0, box.y0 - WIDEN_UP * (box.y1 - box.y0))  # as _crop cuts it
    # a column of rows and a row of columns, broadcast (a grid of both: 16 bytes a pixel, 16 times the crop)
    ys, xs = np.arange(crop.shape[0])[:, None], np.arange(crop.shape[1])[None, :]
    # what lies right of the cut is made the crop's paper, not white: on a low-light photo's grey paper
    # (about 110) a white wedge put the crop's threshold between paper and white, all the paper was ink and
    # no mark was left ("1143/GCN-SYT" lost, seed 133 dev 006); ink is a small share of a blank's crop
    paper = np.uint8(np.median(crop)) if crop.size else np.uint8(255)
    out = []
    for back in SLASH_CUTS:
        edge = xb - back * em + (yb - (ys + y0)) * SLASH_SLANT
        out.append(np.where(xs + x0 >= edge, paper, crop))
    return out


# the part of a glued word, from its right end, whose ink gives the printed capitals' band (the notation's
# last letters: no pen digit, no slash)
CAP_PART = 0.35
# a printed mark of the notation lies in the capitals' band: its top at most this share of their height above
# the band's top, its foot at most this share below the band's foot (a slash leaves the band a little)
BAND_SLACK_UP, BAND_SLACK_DOWN = 0.25, 0.6
# the printed "/" is a mark at least this share of the capitals' height high and at most this share wide
SLASH_MIN_H, SLASH_MAX_W = 0.85, 0.8
# ... and its rows' ink spans at most this share of its width (the median row: one slanted stroke)
SLASH_ROW_SPAN = 0.6
# ... and its top third's ink lies right of its foot third's by this share of its height at least (DejaVu's
# "/" 0.20-0.23, Liberation Serif's 0.23-0.25, Liberation Sans's 0.17-0.20: at a fifth, the sans "/" was no
# slash, and the walk went on to a pen's stroke leaning in the band before it, the "7"'s stem of a written
# "2047" whose bar lay on the organ's underline: cut there, "204" read unanimously, seed 439 alt 006, in doubt
# by ``_marks_seen``); 0.15 found that slash but cut a real re-scanned document's pen number (1139-ttg, all
# five rescan variants: "743", "7343", None): left at a fifth
SLASH_LEAN = 0.2
# where the slash is glued to the pen's last digit: it starts this share of the capitals' height left of the
# notation's first letter (its width and the gap after it)
SLASH_BEFORE = 0.45
# marks walked in the band at most (a notation's letters and their broken pieces: "QĐ-SKHCN-TTr" is 12): a
# crafted box of dots in the band is given up on, not walked (its walk was quadratic: 33 s on a 2100 px box)
MAX_WALKED = 30
# an unsure "/"-led notation word's own "/" starts at most this many capitals' heights right of where the word
# starts (the pen's last digit taken into it and the gap after it: 0.9 on seed 87 alt 012, 1.8 for a whole
# written "6"); a "/" further in is a later one: "/2024/QĐ-UBND"'s second, 3.6 in (the year before it)
NOTATION_LEAD = 2.4


def _cap_band(ink: np.ndarray, rows: tuple[int, int]) -> tuple[float, float] | None:
    """The capitals' band (top, foot rows) of a word's ink (its box: ``rows``) whose last ``CAP_PART`` is
    printed capitals: the median of each column's topmost ink there, and of the lowest ink of each letter
    at least half as high as the tallest (a lower-case letter's descender, "TTg", is outvoted; a "T" or "Y"
    whose bar's columns end high, "TTr-TY", and a hyphen do not lift the foot); None without enough ink."""
    part = ink[rows[0] : rows[1], int((1 - CAP_PART) * ink.shape[1]) :]
    cols = np.flatnonzero(part.any(axis=0))
    if len(cols) < 5:
        return None
    tops = [int(np.argmax(part[:, c] > 0)) for c in cols]
    n, _, stats, _ = cv2.connectedComponentsWithStats(part, connectivity=8)
    tall = max(int(stats[i, cv2.CC_STAT_HEIGHT]) for i in range(1, n))
    feet = [
        int(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] - 1)
        for i in range(1, n)
        if stats[i, cv2.CC_STAT_HEIGHT] >= 0.5 * tall
    ]
    top, foot = statistics.median(tops) + rows[0], statistics.median(feet) + rows[0]
    return (top, foot) if foot - top >= 4 else None


# a horizontal run of ink this many line heights long is a rule, no letter (``slash_foot``'s capitals' band)
RULE_LINES = 2.0


def slash_foot(prepared: Prepared, word: Box, grey: np.ndarray, *, lead: float | None = None) -> float | None:
    """Where the printed "/" starts at the line's foot (page frame) in a first-reading word that is a written
    number glued to its printed notation, found in the scan: the word's marks are walked from its right end
    while they lie in the printed capitals' band (``_cap_band``; letters, hyphen, slash); the first mark that
    leaves it is the pen's. The slash is the last mark walked when it is as high as a capital and thin; where
    the pen's digit touches it (one mark with the digit), it starts ``SLASH_BEFORE`` of the capitals' height
    left of the notation's first letter. None when the scan shows no such band. By the scan, not by the
    face's widths: reckoned from a "Số:" in DejaVu the notation came out a third too wide and the cut lost
    the number's last digits. None too, given ``lead``, where the "/" found starts more than ``lead``
    capitals' heights right of the word's start: it is not the word's first."""
    # the word's box widened up and down: a pen digit rising out of it is seen whole (leaving the band)
    h = word.y1 - word.y0
    crop = regions.cut(
        prepared, word.x0, word.y0 - WIDEN_UP * h, word.x1, word.y1 + WIDEN_DOWN * h, source=grey
    )
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # a rule crossing the word's right part (the organ's underline over "2595 /BC-UBND", seed 135 dev 009) is
    # no capital's top: its rows put the band's top on the rule, no mark lay in the band and no "/" was found.
    # The band from the ink with its long rules out, their rows bridged over a photo's noise (as
    # ``_band_marks`` does). (Keeping only ink a few rows thick as well put a blurred photo's band on the
    # notation's letters merged: a "/" found past "/BC-S", seed 137 blur alt 002.)
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (RULE_GAP, 1)))
    long_rule = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(RULE_LINES * h)), 1))
    rest = cv2.subtract(ink, cv2.bitwise_and(cv2.morphologyEx(bridged, cv2.MORPH_OPEN, long_rule), ink))
    band = _cap_band(rest, (int(WIDEN_UP * h), int(WIDEN_UP * h + h)))
    if band is None:
        return None
    top, foot = band
    cap = foot - top
    # a long rule (the organ's underline crossing the digits' tops) is no mark: it would join them into one
    # reaching over the notation
    rule = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(2 * cap)), 1))
    )
    ink = cv2.subtract(ink, rule)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    order = sorted(
        (i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 4),
        key=lambda i: -int(stats[i, 0] + stats[i, 2]),
    )
    walked = 0
    left = 0  # the leftmost x of the marks walked so far
    found: float | None = None
    for i in order:
        x, y, w, h = (int(v) for v in stats[i, :4])
        if y > foot or y + h < top:
            continue  # the line above or below, wholly out of the band
        if walked and x + w <= left - cap:
            break  # a gap wider than a capital: the pen's digits stand apart
        if y < top - BAND_SLACK_UP * cap or y + h - 1 > foot + BAND_SLACK_DOWN * cap:
            break  # out of the printed band: the pen's
        if walked >= MAX_WALKED:
            return None  # more marks in the band than a notation has letters: dots, not print
        left = x if not walked else min(left, x)
        walked += 1
        if _slash_shaped(labels[y : y + h, x : x + w] == i, cap):
            found = float(x)  # the slash, apart from the pen's digits
            break
    else:
        return None  # every mark in the printed band: printed digits or none, nothing told apart
    if found is None:
        if not walked:
            return None
        found = left - SLASH_BEFORE * cap  # the slash glued to the pen's digit
    if lead is not None and found > lead * cap and not _pen_left(stats, n, found, top, foot):
        return None  # a later "/" ("/2024/QĐ-UBND": the second, the year before it)
    return word.x0 + found


def _pen_left(stats: np.ndarray, n: int, found: float, top: float, foot: float) -> bool:
    """Whether a mark left of the "/" found at ``found`` (``slash_foot``'s crop: its marks' ``stats``, the
    capitals' band ``top``..``foot``) is a pen's: half a capital high at least, in the band's rows and
    leaving them as no printed mark does (a year's printed digits before a second "/" stay in the band; the
    pen's last digits a notation word read sure took into its box rise above it: "63/GP-CDLQGVN", the "/"
    3.1 capitals in, seed 139 alt 012)."""
    cap = foot - top
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if x + w > found or h < 0.5 * cap or y > foot or y + h < top:
            continue
        if y < top - BAND_SLACK_UP * cap or y + h - 1 > foot + BAND_SLACK_DOWN * cap:
            return True
    return False


def _slash_shaped(mark: np.ndarray, cap: float) -> bool:
    """Whether a mark is a printed "/": as high as a capital or so, thin, and leaning right (its top's ink
    right of its foot's by ``SLASH_LEAN`` of its height at least: no "I", no "l"), one stroke across its rows
    (most rows' ink spans at most ``SLASH_ROW_SPAN`` of its width: a "P", its bowl over its stem, leans
    right too)."""
    h, w = mark.shape
    if h < SLASH_MIN_H * cap or w > SLASH_MAX_W * cap:
        return False
    rows = [np.flatnonzero(r) for r in mark]
    spans = [int(r[-1] - r[0] + 1) for r in rows if len(r)]
    if not spans or statistics.median(spans) > SLASH_ROW_SPAN * w:
        return False
    third = max(1, h // 3)
    top, foot = np.nonzero(mark[:third])[1], np.nonzero(mark[-third:])[1]
    return len(top) > 0 and len(foot) > 0 and float(top.mean() - foot.mean()) >= SLASH_LEAN * h


def refined(prepared: Prepared, blank: Blank, grey: np.ndarray) -> Blank:
    """A number glued to its notation with where its printed "/" starts found in the scan
    (``slash_foot``) rather than reckoned from the line's em (the printed widths differ from face to face)."""
    if blank.glued is None and blank.notation is not None:
        # the unsure notation word's "/" found in the scan right of where the word starts: the word took in
        # the pen's last digit ("1606" written touching "/GP-SVHTTDL", read "606" and "/ep-svHTTDL": cut at
        # the word, the region gave "160" at 97); its first "/" only, near the word's start (walked from the
        # right, "/2024/QĐ-UBND" gave the second: the number's region took in "/2024", read "…")
        x1 = slash_foot(prepared, blank.notation, grey, lead=NOTATION_LEAD)
        if x1 is not None and x1 > blank.box.x1:
            return replace(blank, box=replace(blank.box, x1=x1))
        # the word's box placed right of its own "/" (an unsure "/QĐ-SNNMT" boxed from its "-" on, seed 157
        # alt 007: the region took in "/QĐ", six marks for "562", no reading kept): the "/" walked to from the
        # notation's last capitals over the number's region too, taken when it stands left of the word
        note = blank.notation
        wide = Box(blank.box.x0, note.y0, note.x1, note.y1)
        x1 = slash_foot(prepared, wide, grey)
        if x1 is None or not blank.box.x0 + MIN_BLANK_PX < x1 < note.x0 - (note.y1 - note.y0) * 0.5:
            return blank
        return replace(blank, box=replace(blank.box, x1=x1))
    if blank.glued is None or blank.slash is None:
        return blank
    word, number, _ = blank.glued
    _, yb, em = blank.slash
    x1 = slash_foot(prepared, word, grey)
    if x1 is None:
        return _label_reckoned(prepared, blank, grey)
    if x1 - blank.box.x0 < MIN_BLANK_PX:
        return blank
    # the word read glued starts with the number's last digit: the region overlaps it, so it is cut back to
    # its notation (``_fix_glued``)
    right = max(x1, word.x0 + 1) if number else x1
    return replace(blank, box=replace(blank.box, x1=right), slash=(x1, yb, em))


# the "Số:" label's em measured on its ink is taken over the one reckoned from its box when at least this much
# larger (its box left out the colon: on a 120 dpi scan read as it is, "Số:" boxed 20 px wide for 24 px of
# ink, the em 16.8 for 21.7, and the reckoned "/" fell a capital right of the printed one: the region took in
# "/Q" and no reading of the written "1139" was kept; at 150 dpi and up the box held the colon, 27 / 36 px)
LABEL_LOST = 1.1
# the label's ink is followed right of its box at most this share of its height (the colon and its bearing:
# 0.36 em) across gaps of at most ``LABEL_GAP`` of it, by marks no higher than ``LABEL_DOT`` of it (the
# colon's dots, 0.1 em: not a pen's digit written close after the label), one or two one over the other
LABEL_REACH, LABEL_GAP, LABEL_DOT = 0.5, 0.2, 0.3


def label_ink_width(prepared: Prepared, label: Box, grey: np.ndarray) -> float | None:
    """The width (page frame) of the "Số:" label's ink from its box's first mark: to the box's right side, or
    on to the dots close after it (a colon its box left out); None when the scan shows none."""
    h = label.y1 - label.y0
    x1 = label.x1 + LABEL_REACH * h
    crop = regions.cut(prepared, label.x0, label.y0, x1, label.y1, source=grey)
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    scale = float(crop.shape[1]) / max(1.0, x1 - label.x0)
    inside = (label.x1 - label.x0) * scale
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    marks = sorted((tuple(int(v) for v in stats[i, :4]) for i in range(1, n)), key=lambda m: m[0])
    if not marks or marks[0][0] >= inside:
        return None
    gap = LABEL_GAP * h * scale
    # from the box's right side, or its marks' a little past it (an accent the box cut); a mark reaching on
    # further is a pen's digit written over the label's end, not the label's
    right = max((x + w for x, _, w, _ in marks if x < inside and x + w <= inside + gap), default=inside)
    right = max(right, inside)
    dots: list[tuple[int, int]] = []
    reach = right
    for x, _, w, mh in marks:
        if x < inside:
            continue
        if x - reach > gap or mh > LABEL_DOT * crop.shape[0]:
            break  # far off, or a tall mark: the pen's, not the colon's
        dots.append((x, x + w))
        reach = max(reach, x + w)
    # a colon: one dot, or two one over the other (a form's dotted line after the label, "Số: ……", has its
    # dots side by side: not the label's)
    if len(dots) == 1 or (len(dots) == 2 and dots[1][0] < dots[0][1]):
        right = reach
    return (right - marks[0][0]) / scale


def _label_reckoned(prepared: Prepared, blank: Blank, grey: np.ndarray) -> Blank:
    """A number glued to its notation whose "/" the scan shows no apart (``slash_foot``: at 120 dpi the pen's
    digits stand in the capitals' band, its last touching the "/"), with the "/" reckoned again from the
    em measured on the "Số:" label's ink when its box left out a mark (``LABEL_LOST``)."""
    if blank.label is None or blank.glued is None or blank.slash is None:
        return blank
    label, cw = blank.label
    word, number, notation = blank.glued
    _, yb, em = blank.slash
    width = label_ink_width(prepared, label, grey)
    if width is None:
        return blank
    measured = width / printed_width("Số:")
    if measured < LABEL_LOST * em:
        return blank
    x1 = _reckoned_slash(word, number, notation, measured, cw)
    if x1 - blank.box.x0 < MIN_BLANK_PX:
        return blank
    return replace(blank, box=replace(blank.box, x1=x1), slash=(x1, yb, measured))


def band_rows(box: Box) -> tuple[int, int]:
    """The rows of the blank's own line in its crop (``_crop`` widens the box up and down)."""
    h = box.y1 - box.y0
    top = max(0.0, box.y0 - WIDEN_UP * h)
    return int(box.y0 - top), int(box.y1 - top)


# a rule's row is one run of ink but for gaps narrower than this (px: a grey photo's noise breaks its edges)
RULE_GAP = 3  # (5 bridged a blurred printed "2955/"'s tight digits into a rule: read "29554")


def clean_crop(
    crop: np.ndarray,
    band: tuple[int, int],
    beside: np.ndarray | None = None,
    *,
    ceiling: bool = False,
    soft: bool = False,
) -> np.ndarray:
    """The handwriting of a blank alone, on white: long thin horizontal rules (the line under the organ's
    name crossing the digits' tops, a dotted or ruled blank) taken out and the strokes they crossed joined
    again; of the ink left only the marks that sit on the blank's own line (rows ``band``) — the printed line
    above or below, cut by the crop, and specks are dropped. A mark may leave the band (handwriting is
    bigger than print and often stands high) but must reach a third of the band's height into it.
    ``beside``: the rules ``rules_beside`` found running on out of the crop (its shape), taken out too.
    ``ceiling``: a date's blank, under the motto (``_under_ceiling``). ``soft``: a blurred photo's faint pen
    strokes, thresholded on the blank's own rows (``_band_marks``)."""
    found = _band_marks(crop, band, beside, ceiling=ceiling, soft=soft)
    if found is None:
        return np.full_like(crop, 255)
    ink, rule, kept = found
    bh = max(4, band[1] - band[0])
    # the kept marks in their own grey (Tesseract reads the pen's soft edges better than a hard mask)
    mask = cv2.dilate(kept.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    # the paper made white, the ink black: a grey or coloured page's halo around the strokes is no mark
    paper = float(np.median(crop[ink == 0])) if (ink == 0).any() else 255.0
    dark = float(np.percentile(crop[kept], 10))
    span = max(1.0, paper - dark)
    grey = np.clip((crop.astype(np.float32) - dark) * (255.0 / span), 0, 255).astype(np.uint8)
    out = np.full_like(crop, 255)
    out[mask] = grey[mask]
    out[kept & (rule > 0)] = 0
    # cut to the marks with a margin: the sheet's rows read alike whatever white the crop had around them
    ys, xs = np.nonzero(kept)
    pad = max(6, bh // 4)
    out = np.pad(out[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1], pad, constant_values=255)
    return parted_pairs(out) if ceiling else out


# a date's mark wider than this share of its height is two digits written close and touching (a pen's day
# "25" as one mark 1.55 times as wide as high; one written digit, slanted "0" or "4", is at most 0.6-0.8:
# ``DIGIT_WIDTH``)
PAIR_WIDTH = 1.15
# the pair is parted along the line crossing least of its ink, its middle within this middle share of the
# mark's width, upright or leaning by one of these slants (columns per row: a pen leans right, top ahead)
PAIR_MIDDLE = (0.3, 0.7)
PAIR_SLANTS = (-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
# ... the lines crossing least ink tried in turn, this many at most (the least may cut a digit, not part them)
PAIR_TRIES = 12


def parted_pairs(crop: np.ndarray) -> np.ndarray:
    """A date's crop (``clean_crop``'s) with each mark as wide as two digits (``PAIR_WIDTH``) parted in two
    along the line that crosses least of its ink (``PAIR_MIDDLE``, ``PAIR_SLANTS``: the pen's slant), made
    white, that leaves two digit-sized marks (``_digit_marks``; the lines tried least ink first,
    ``PAIR_TRIES``: a "2" whose long foot runs under the "6" is parted only across that foot). A clerk
    writes a two-digit day close, its digits touching: read whole as one mark, its readings of one digit
    ("2" of a written "25", six times against "25" four) were no fewer than the marks and outvoted the pair
    (the day taken as "02", seed 453 dev 008), and its digits were never read one by one (``by_marks``: a
    "26" read "26" at 68 and 53 only, no day, seed 467 dev 005). Parted, each digit is a mark: readings that
    leave one out are refused (``supported``) and each is read alone."""
    out = crop
    for x, y, mask in _placed_marks(crop):
        h, w = mask.shape
        if w <= PAIR_WIDTH * h:
            continue
        rows = np.arange(h)
        lines = []
        for slant in PAIR_SLANTS:
            for mid in range(int(PAIR_MIDDLE[0] * w), int(PAIR_MIDDLE[1] * w) + 1):
                xs = np.round(mid + slant * (h / 2 - rows)).astype(int)
                inside = (xs >= 0) & (xs < w)
                lines.append((int(mask[rows[inside], xs[inside]].sum()), xs))
        lines.sort(key=lambda t: t[0])
        for _, xs in lines[:PAIR_TRIES]:
            trial = out.copy()
            for r, xc in enumerate(xs):
                trial[y + r, x + max(0, xc - 1) : x + min(w, xc + 2)] = 255
            if len(_digit_marks(trial)) == len(_digit_marks(out)) + 1:
                out = trial
                break
    return out


def _rules(ink: np.ndarray, bh: int) -> np.ndarray:
    """The pixels of ``ink`` (a binary mask) in long thin horizontal rules: rows one run of ink, but for a
    pixel or two of noise, longer than 1.2 times the band's height ``bh``."""
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (RULE_GAP, 1)))
    long_row = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(1.2 * bh)), 1))
    return cv2.bitwise_and(cv2.morphologyEx(bridged, cv2.MORPH_OPEN, long_row), ink)


# A blurred photo's pen digits (``_band_marks(..., soft=True)``): their blurred thin strokes are fainter than
# the print around them, and the crop's Otsu level, set between the paper and the dark print above the blank,
# broke them into pieces ("727" in a blue pen on a shaken photo cut to two blobs, read "4" or nothing, seed
# 509 dev 010). Their level is taken this share of the way from the crop's to the blank's own rows' (never
# under the crop's). On the 28 blurred photos of seeds 503/505/509 with a pen's number or date, the own rows'
# level (1.0) read 2 values more right (503 dev 013's date, 505 alt 000's "2253") and lost 509 dev 000's "9"
# (read "5", "8"); growing the marks over the faint ink near them instead lost 509 dev 008's "858" and its
# day. On the 5 documents any of these moved, 0.75 keeps the 2 gains and loses none (0.5 lost 509 dev 008's
# day); 509 dev 010's month is read wrong in doubt (0.5) instead of none.
OWN_ROWS_SHARE = 0.75


def _has_piece(ink: np.ndarray, bh: int) -> bool:
    """Whether ``ink`` (the band's rows of a binary mask) holds a piece of a stroke: a connected piece of at
    least half the band's height in pixels (a pen stroke's piece a few pixels thick; noise specks and a
    dotted line's dots are a few pixels)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return bool(n > 1 and int(stats[1:, cv2.CC_STAT_AREA].max()) >= max(8, bh // 2))


def _band_marks(
    crop: np.ndarray,
    band: tuple[int, int],
    beside: np.ndarray | None = None,
    *,
    ceiling: bool = False,
    soft: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """``clean_crop``'s marks: the crop's ink (rules out, the strokes they crossed joined again), the rules,
    and the mask of the marks that sit on the blank's line; None without ink or without such a mark.
    ``beside``, ``soft``: as ``clean_crop``'s."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    whole, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    b0, b1 = band
    if soft and b1 > b0 + 2 and _has_piece(ink[max(0, b0) : b1], b1 - b0):
        # a blurred photo's faint pen strokes: the level moved towards the blank's own rows'
        # (``OWN_ROWS_SHARE``), only where the crop's level already found a piece of them: an empty blank
        # on a shaded photo (its paper darker at one end) has none, and its own rows' level cut the shading
        # and the noise into a blob read "33"
        own = crop[max(0, b0) : b1]
        if own.size and int(own.max()) - int(own.min()) >= 40:
            level, _ = cv2.threshold(own, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
            level = max(whole, OWN_ROWS_SHARE * level + (1 - OWN_ROWS_SHARE) * whole)
            ink = np.where(crop <= level, np.uint8(255), np.uint8(0))
    bh = max(4, b1 - b0)
    # the rule's rows, each one run of ink but for a pixel or two of noise (its ragged edge, left as ink, is a
    # line along the digits' tops that glues them into one mark: "2676" read as two marks, none taken)
    rule = _rules(ink, bh)
    if beside is not None and beside.shape == ink.shape:
        rule = cv2.bitwise_or(rule, cv2.bitwise_and(beside, ink))
    if ceiling:
        ink, rule = _under_ceiling(ink, rule, b0)
    if rule.any():
        thick = max(3, bh // 5)
        rest = cv2.subtract(ink, rule)
        # a stroke the rule crossed: ink right above and below the rule's rows joins again
        joined = cv2.morphologyEx(
            rest, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, thick))
        )
        ink = cv2.bitwise_or(rest, cv2.bitwise_and(joined, rule))
        ink = cv2.bitwise_or(ink, closed_by_rule(rest, rule, bh))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = np.zeros(n, bool)
    for i in range(1, n):
        y, h = int(stats[i, cv2.CC_STAT_TOP]), int(stats[i, cv2.CC_STAT_HEIGHT])
        # into the band by a third of its height at least: the line above ends (descenders aside) at the
        # band's top, the line below starts at its bottom; handwriting may stand high on its line
        x, w = int(stats[i, cv2.CC_STAT_LEFT]), int(stats[i, cv2.CC_STAT_WIDTH])
        at_side = x == 0 or x + w == ink.shape[1]
        if at_side and w < 0.3 * bh and h < 0.75 * bh:  # a printed letter's piece the side cut off ("29|t")
            continue
        if h >= 0.3 * bh and y + h >= b0 + 0.35 * bh and y <= b1 - 0.35 * bh:
            keep[i] = True
    if not keep.any():
        return None
    _keep_pieces(stats, keep, band, ink.shape[1])
    return ink, rule, keep[labels]


# a rule above a date's blank crossing this share of its crop's width at least runs on past both its sides:
# the motto's underline ("Độc lập - Tự do - Hạnh phúc"), not a rule of the blank's own
CEILING_SPAN = 0.9


def _under_ceiling(ink: np.ndarray, rule: np.ndarray, b0: int) -> tuple[np.ndarray, np.ndarray]:
    """A date blank's ink and rules (masks) with all that lies above the motto's underline, and the underline,
    taken out: a rule row wholly above the blank's line (row ``b0``) across ``CEILING_SPAN`` of the crop. The
    pen's digits standing high on the date line come up to the underline; the motto's letters above it, cut
    by the crop, were joined to them across it as one stroke the rule crossed ("Tự" over a written "9", read
    "3" at 95: seed 455 alt 004; a blurred "ự" over a "21", read at 56-61: seed 451 alt 000)."""
    rows = np.flatnonzero((rule[:b0] > 0).sum(axis=1) >= CEILING_SPAN * rule.shape[1])
    if not len(rows):
        return ink, rule
    # the underline's top: the rows above it cleared, the underline left a rule (taken out as any is), with
    # nothing above it to join a stroke to
    top = int(rows[-1])
    while top > 0 and top - 1 in rows:
        top -= 1
    ink, rule = ink.copy(), rule.copy()
    ink[:top] = 0
    rule[:top] = 0
    return ink, rule


# a mark's two strokes meeting the rule this near each other (share of the band's height) are a loop's sides
# (a written "8"'s top loop: 0.16; a blurred "2" and "9" glued below meet it 0.6 apart, and closing that
# made "2916" read "2216")
LOOP_SPAN = 0.3
LOOP_SIDE = 0.15  # ... each side meeting it this wide at most; a mark meeting it at two such places only
# ... or, however wide, this near (share of the band's height): the stroke ran along the rule between them, a
# faint stretch of it under the rule's rows (a "9"'s head along the organ's underline, 5 px apart in a band
# of 86, its sides 10 and 16 px wide: its loop left open, "91" read "01", seed 437 alt 004)
STROKE_GAP = 0.1


def closed_by_rule(rest: np.ndarray, rule: np.ndarray, bh: int) -> np.ndarray:
    """The rule's pixels that close a pen mark's loop: where two strokes of one mark (one component of
    ``rest``, the ink without the rule) meet the rule from below within ``LOOP_SPAN`` of the band's
    height ``bh``, the rule's rows they meet between them are the loop's top. A written "8" whose
    top ran along the organ's underline (seed 283 dev 011, "866" under "THÀNH PHỐ HÀ NỘI") lost its top with
    the rule and was read "566" and "66"; two digits meeting the rule are two marks, nothing joins them, nor a
    mark meeting it along a stretch or at more places (blurred digits glued into one mark under it), nor
    strokes that go on across it and meet there (a "0" whose top stands over the rule, review 32: its loop
    closes beyond the rule, not along it); but where one mark meets it at two places ``STROKE_GAP`` near each
    other, however wide, its stroke ran along the rule between them and is joined there."""
    out = np.zeros_like(rule)
    cols = np.flatnonzero(rule.any(axis=0))
    if cols.size == 0:
        return out
    _, labels = cv2.connectedComponents(rest, connectivity=8)
    h = rule.shape[0]
    rows = rule > 0
    span = LOOP_SPAN * bh
    # strokes meeting it from below: the pen's digits hang under the organ's underline (from above, the top
    # of a "0" standing over the rule would be closed along it: a loop of its own)
    edge = h - 1 - np.argmax(rows[::-1], axis=0)  # each column's last rule row
    touch: list[tuple[int, int, int, int]] = []  # (column, mark, run's first row, last row)
    beyond: dict[int, set[int]] = {}  # the marks just across the rule from a touching column
    for c in map(int, cols):
        lo = hi = int(edge[c])  # the run of rule rows the strokes meet (not another rule above it)
        while lo > 0 and rows[lo - 1, c]:
            lo -= 1
        near, across = labels[hi + 1 : min(h, hi + 3), c], labels[max(0, lo - 2) : lo, c]
        marks = near[near > 0]
        if marks.size:
            touch.append((c, int(marks[0]), lo, hi))
            beyond[c] = {int(x) for x in across[across > 0]}
    runs: dict[int, list[list[int]]] = {}  # mark -> its runs of touching columns [first, last]
    for c, m, _, _ in touch:
        mine = runs.setdefault(m, [])
        if mine and c == mine[-1][1] + 1:
            mine[-1][1] = c
        else:
            mine.append([c, c])
    at = {c: (lo, hi) for c, _, lo, hi in touch}
    for (a0, a1), (b0, b1) in (r for r in runs.values() if len(r) == 2):
        narrow = 1 < b0 - a1 <= STROKE_GAP * bh
        if beyond[a1] & beyond[b0] and not narrow:
            continue  # the strokes go on across the rule and meet there: the loop is closed beyond it
        if narrow or (max(a1 - a0, b1 - b0) + 1 <= LOOP_SIDE * bh and 1 < b0 - a1 <= span):
            lo, hi = min(at[a1][0], at[b0][0]), max(at[a1][1], at[b0][1])
            out[lo : hi + 1, a1 : b0 + 1] |= rule[lo : hi + 1, a1 : b0 + 1]
    return out


# a blurred pen digit's piece the threshold broke off (the foot of a "2" apart from its head): inside the
# band's rows, at least this share of the band high, under or over a kept mark
PIECE_H = 0.15
# a written "7"'s bar the pen lifted off its stem (or the threshold broke off), the mark standing high so the
# bar leaves the band's rows: a thin piece (at most ``BAR_H`` of the band's height high, ``BAR_WIDE`` times
# as wide as high, off the crop's top: the line above's letters the crop cut and a shaken photo's ringing
# blots are no bar) over a kept mark's top, across no more than its width (a tenth of the band past its right
# side at most), at most ``BAR_GAP`` of the band's height above it ("27" whose bar, 12 px high 5 px over its
# stem in a band of 70, was dropped: the stem alone read "4", made "1" by its shape, seed 433 dev 003)
BAR_GAP = 0.15
BAR_H, BAR_WIDE = 0.25, 1.5
# a blurred pen digit broken by the threshold into pieces of which none is kept (a shaken photo's "12", its
# "2" a head and a foot 13 and 9 px high in a band of 52, apart from the "1": the month read "1" of "12",
# seed 489 alt 008): pieces stacked one over the other (half the narrower's width in common, at most
# ``STACK_GAP`` of the band's height apart) that are together as high as a mark is kept (``_band_marks``)
STACK_GAP = 0.1


def _keep_pieces(stats: np.ndarray, keep: np.ndarray, band: tuple[int, int], width: int) -> None:
    """Keep (in ``keep``, by label) the pieces of a kept mark the threshold broke off: too low to be kept on
    their own ("12" on a shaken photo, its "2"'s foot 26 px high in a band of 106 apart from its head: read
    "1", "7", "72"), inside the band's rows, under or beside a kept mark and off the crop's sides (a printed
    letter cut by the side is no piece); over the band's top, only a seven's lifted bar (``BAR_GAP``)."""
    b0, b1 = band
    bh = max(4, b1 - b0)
    spans = [
        (int(stats[i, cv2.CC_STAT_LEFT]), int(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH]))
        for i in np.flatnonzero(keep)
    ]
    tops = [int(stats[i, cv2.CC_STAT_TOP]) for i in np.flatnonzero(keep)]
    for i in range(1, len(keep)):
        if keep[i]:
            continue
        x, y = int(stats[i, cv2.CC_STAT_LEFT]), int(stats[i, cv2.CC_STAT_TOP])
        w, h = int(stats[i, cv2.CC_STAT_WIDTH]), int(stats[i, cv2.CC_STAT_HEIGHT])
        if x == 0 or x + w >= width or h < PIECE_H * bh or y + h > b1:
            continue
        if y < b0:
            # over the band's top: only a bar just over a kept mark's top (``BAR_GAP``)
            if (
                y > 0
                and w >= BAR_WIDE * h
                and h <= BAR_H * bh
                and any(
                    x0 <= x and x + w <= x1 + 0.1 * bh and 0 <= top - (y + h) <= BAR_GAP * bh
                    for (x0, x1), top in zip(spans, tops, strict=True)
                )
            ):
                keep[i] = True
            continue
        # under or over a kept mark (half its width within the mark's; the band bounds the rows): a blob of
        # dust or a stamp's ink beside a pen "1" is no piece of it (REVIEW-26 #8)
        if any(min(x + w, x1) - max(x, x0) >= 0.5 * w for x0, x1 in spans):
            keep[i] = True
    _keep_stacked(stats, keep, band, width)


def _keep_stacked(stats: np.ndarray, keep: np.ndarray, band: tuple[int, int], width: int) -> None:
    """Keep (in ``keep``, by label) pieces of a mark the threshold broke apart with no kept mark to join:
    inside the band's rows, off the crop's sides, each ``PIECE_H`` of the band high at least, stacked
    (``STACK_GAP``), together a mark's height (``STACK_H`` of the band's), not both round blobs
    (``_blob``)."""
    b0, b1 = band
    bh = max(4, b1 - b0)
    boxes = sorted(
        (x, y, x + w, y + h, i)
        for i in range(1, len(keep))
        if not keep[i]
        for x, y, w, h in [(int(v) for v in stats[i, :4])]
        if x > 0 and x + w < width and h >= PIECE_H * bh and y >= b0 and y + h <= b1
    )
    for n, (ax0, ay0, ax1, ay1, i) in enumerate(boxes):
        for bx0, by0, bx1, by1, j in boxes[n + 1 :]:
            if bx0 >= ax1:
                break  # sorted by x: no piece further on overlaps this one
            if by0 >= ay1:
                top, low = (ay0, ay1), (by0, by1)
            elif ay0 >= by1:
                top, low = (by0, by1), (ay0, ay1)
            else:
                continue
            if low[0] - top[1] > STACK_GAP * bh:
                continue  # one under the other, close
            common = min(ax1, bx1) - max(ax0, bx0)
            tall = low[1] - top[0] >= STACK_H * bh and low[1] >= b0 + 0.35 * bh and top[0] <= b1 - 0.35 * bh
            dots = _blob(stats[i]) and _blob(stats[j])
            if common >= 0.5 * min(ax1 - ax0, bx1 - bx0) and tall and not dots:
                keep[i] = keep[j] = True


# pieces stacked together this share of the band high at least (a broken pen "2" half the band, a colon's
# two dots 0.43 at most: REVIEW-41d M2)
STACK_H = 0.45
# a piece filling this share of its box at least, as wide as high within ``BLOB_ASPECT``, is a round blob (a
# colon's dot, a speck, an "i"'s dot), no stroke of a digit: two such stacked are no mark
BLOB_FILL, BLOB_ASPECT = 0.6, 1.4


def _blob(stat: np.ndarray) -> bool:
    w, h, area = int(stat[2]), int(stat[3]), int(stat[4])
    return area >= BLOB_FILL * w * h and max(w, h) <= BLOB_ASPECT * min(w, h)


def touches_rule(crop: np.ndarray, band: tuple[int, int], beside: np.ndarray | None = None) -> bool:
    """Whether the marks on a blank's line (``_band_marks``) touch or cross a long printed rule in ``crop``
    (the organ's underline, a ruled blank): a pen's "1" whose flag meets the rule from below is read "4" by
    the print reading, sure (0.93 on a bitonal licence, seed 197 alt 012): what the rule did to its shape is
    not seen, so its reading is not sure unless another reading confirms it. ``beside``: as
    ``clean_crop``'s."""
    found = _band_marks(crop, band, beside)
    if found is None:
        return False
    _, rule, kept = found
    if not rule.any():
        return False
    near = cv2.dilate(kept.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    return bool((near & (rule > 0)).any())


# a sure number's marks reaching this share of its digits' mean width (its first-reading word's width over
# its digits) right of that word hold a digit the word lost
BEYOND = 0.6


def ink_beyond(crop: np.ndarray, blank: Blank, word: Box) -> bool:
    """Whether the marks on a sure number's line (``crop``: its region cut as ``_cuts`` cuts it, from
    ``blank.box.x0`` + 2 in the page frame) reach more than ``BEYOND`` of a digit's width right of the first
    reading's word ``word``: a last digit it lost that no mark count shows (a written "2999" read "299" at 92,
    its three "9" touching: two marks for four digits). Its left side is not gone by (a pen's lead-in stroke
    reaches left of the first digit's box)."""
    digits = sum(ch.isdigit() for ch in blank.first)
    found = _band_marks(crop, band_rows(blank.box))
    if found is None or not digits:
        return False
    xs = np.flatnonzero(found[2].any(axis=0))
    return bool(blank.box.x0 + 2 + xs[-1] > word.x1 + BEYOND * (word.x1 - word.x0) / digits)


def _sheet(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Each crop at each scale as a row of one image; (top, bottom, crop index) of each row."""
    rows: list[tuple[np.ndarray, int]] = []
    for k, c in enumerate(crops):
        for s in SCALES:
            img = c if s == 1.0 else cv2.resize(c, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC)
            rows.append((img, k))
    width = max(r.shape[1] for r, _ in rows) + 60
    parts, spans, y = [], [], 0
    for img, k in rows:
        pad = np.full((img.shape[0] + 50, width), 255, np.uint8)
        pad[25 : 25 + img.shape[0], 30 : 30 + img.shape[1]] = img
        spans.append((y, y + pad.shape[0], k))
        y += pad.shape[0]
        parts.append(pad)
    return np.vstack(parts), spans


def digit_languages() -> tuple[str, ...]:
    """The models that read the blanks: ``LANGS`` as installed (a deployment with ``vie`` alone still reads
    them, with half the votes, rather than failing the page on the missing ``eng``)."""
    installed = tesseract.probe().languages
    return tuple(lang for lang in LANGS if lang in installed) or ("vie",)


def read_votes(crops: list[np.ndarray], *, timeout: float = 30.0) -> list[list[tuple[str, float]]]:
    """Every reading (digits, confidence) of each crop: three scales x two models, on one sheet of all the
    crops and on a sheet of its own. Tesseract reads a row differently beside other rows (the real "09" day:
    "09" three times and "03" three times alone, "03" six times beside the number's crop, flipping when that
    crop changed; the others' rows also make it surer): both readings count, so a crop's votes no longer hang
    on its neighbours alone. Small runs: 0.06 s CPU for two crops on one sheet, as much on two."""
    together = _read_sheet(crops, timeout)
    if len(crops) == 1:
        return together
    return [[*t, *_read_sheet([c], timeout)[0]] for t, c in zip(together, crops, strict=True)]


class _Sheets(threading.local):
    """The sheets this thread's ``second_pass`` has read, by their pixels and rows, with their readings
    (None outside one)."""

    read: dict[tuple[object, ...], list[list[tuple[str, float]]]] | None = None


_sheets = _Sheets()


@contextlib.contextmanager
def sheets_read_once() -> Iterator[None]:
    """Inside, a sheet ``_read_sheet`` has read already is not read again: its readings are given as they
    were. The same pixels read with the same models and settings give the same words, and a page's pass
    asked twice for one sheet: a blank whose marks (``_marks_alone``) are the whole of its one crop, read
    alone by ``read_votes`` already (the real photo 4_1_v2_blur: its 258x108 sheet read four times, two
    readings per model; a page of the tests with a day a digit was lost from, 2 of its 10 readings)."""
    outer = _sheets.read
    _sheets.read = {} if outer is None else outer
    try:
        yield
    finally:
        _sheets.read = outer


def _read_sheet(crops: list[np.ndarray], timeout: float) -> list[list[tuple[str, float]]]:
    sheet, spans = _sheet(crops)
    langs = digit_languages()
    memo = _sheets.read
    key = (sheet.shape, tuple(spans), langs, hashlib.blake2b(sheet.tobytes(), digest_size=16).digest())
    if memo is not None and key in memo:
        return [list(v) for v in memo[key]]
    votes: list[list[tuple[str, float]]] = [[] for _ in crops]
    for lang in langs:
        tokens = tesseract.image_to_data(
            sheet, lang=lang, psm=6, dpi=300, timeout=timeout, extra="-c tessedit_char_whitelist=0123456789"
        )
        rows: dict[int, list[tuple[str, float]]] = {}
        for t in tokens:
            cy = t.top + t.height / 2
            r = next((i for i, (a, b, _) in enumerate(spans) if a <= cy < b), None)
            if r is not None and t.text.strip().isdigit():
                rows.setdefault(r, []).append((t.text.strip(), t.conf))
        for r, toks in rows.items():
            text = "".join(x for x, _ in toks)
            votes[spans[r][2]].append((text, min(c for _, c in toks)))
    if memo is not None:
        memo[key] = [list(v) for v in votes]
    return votes


def consensus(votes: list[tuple[str, float]], kind: Kind) -> tuple[str, float] | None:
    """The value the readings agree on (by number value; written form as most often read), when two clear
    readings (confidence >= 70) give it, at least three readings in all (a reading at 0 with the same
    digits still counts as one) and more than any other value's sure readings (>= 30), it carries more than
    half of all readings' confidence, and it is a possible day, month or number. Clean crops of written
    digits read alike at 85-97; junk reads at 0-60 and differs, so it gives nothing (a wrong number is worse
    than none: the document goes to review)."""
    if not votes:
        return None
    weight: dict[int, float] = {}
    count: Counter[int] = Counter()
    for t, c in votes:
        weight[int(t)] = weight.get(int(t), 0.0) + c
        count[int(t)] += 1
    value = max(weight, key=lambda v: weight[v])
    clear = [c for t, c in votes if int(t) == value and c >= CLEAR_CONF]
    total = sum(c for _, c in votes)
    # a day or a month only two readings give, both sure and nothing else read there: a written "8" the other
    # cuts and models read as no digit at all
    alone = (
        kind in (Kind.DAY, Kind.MONTH)
        and len(votes) == count[value] == 2
        and min(clear, default=0.0) >= ALONE_CONF
    )
    if len(clear) < 2 or (count[value] < 3 and not alone) or 2 * weight[value] <= total:
        return None
    others = Counter(int(t) for t, c in votes if int(t) != value and c >= MIN_VOTE_CONF)
    if any(n >= count[value] for n in others.values()):
        return None  # as many sure readings for another value
    if (kind == Kind.DAY and not 1 <= value <= 31) or (kind == Kind.MONTH and not 1 <= value <= 12):
        return None
    forms = Counter(t for t, c in votes if int(t) == value and c >= MIN_VOTE_CONF)
    text = forms.most_common(1)[0][0]
    if kind == Kind.NUMBER and len(text) > 6:
        return None
    conf = statistics.fmean(clear) * weight[value] / total
    rivals = Counter(int(t) for t, c in votes if int(t) != value and c >= CLEAR_CONF)
    if any(n >= 2 for n in rivals.values()):
        # another value read clearly twice or more ("1220" at 82 and 78 against eight "1226", a written 0 read
        # 6 on a low-light photo, seed 361 alt 012: taken at 68, a sure number wrong): contested, to review
        conf = min(conf, AGREED_MAX_CONF)
    return text, conf


# letters a first reading gives for written digits ("Z699" for "2699"): those it gives for printed ones, and
# a pen's "2" and "8" read as letters
_AS_DIGITS = {**DIGITISH, **str.maketrans({"Z": "2", "z": "2", "B": "8"})}
# a value no clear majority gives is taken when every sure reading gives it, three or more each at least this
# sure, or two when the first reading gives it too, the surest of them at least this sure
UNANIMOUS_CONF = 50.0
# ... and its confidence is at most this, under a clear reading's and under review.REVIEW_THRESHOLD (0.6: a
# value at 60 would not go to review; the document goes)
AGREED_MAX_CONF = 59.0
# ... or when at least this many sure readings give it, this many of them at least ``UNANIMOUS_CONF``
MANY_AGREE = 5
MANY_SURE = 2


def agreed(votes: list[tuple[str, float]], kind: Kind, first: str, marks: int) -> tuple[str, float] | None:
    """A value no clear majority gives (``consensus``) but every sure reading (>= ``MIN_VOTE_CONF``) the
    crop's marks allow gives, one digit per mark: three sure readings or more, each at least
    ``UNANIMOUS_CONF`` ("70" read at 60 three times; the other model's "0" left out by the marks), or
    ``MANY_AGREE`` sure readings, ``MANY_SURE`` of them that sure, or two readings when the page's first
    reading, its letters taken for the digits they look like, gives it too ("Z699" and "2699" twice), or two
    sure readings, one of them clear (>= ``CLEAR_CONF``), when no reading the marks allow gives anything else
    (a written "8" read at 95 and 42, "22" at 95 and 77, the other readings one digit short). Its confidence
    stays under a clear reading's (the document goes to review: at most ``AGREED_MAX_CONF``)."""
    # a reading no blank of its kind may hold (a month "0") is a misread, no vote against the others; read
    # clearly (>= ``CLEAR_CONF``), it still is one (the blank's marks may be no digits read right at all)
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF and (c >= CLEAR_CONF or _may_be(t, kind))]
    narrowed = False
    if sure and len({t for t, _ in sure}) != 1:
        fit = _one_clear_fit(votes, sure, marks)
        sure, narrowed = fit or sure, fit is not None
    if not sure or len({t for t, _ in sure}) != 1:
        return None
    text = sure[0][0]
    if len(text) != marks:
        return None
    same = [c for t, c in votes if t == text]
    # three of them at least ``UNANIMOUS_CONF`` (one more agreeing at 31 is no reason to doubt them: "70" read
    # at 67, 61, 70, 66 and 31)
    unanimous = sum(c >= UNANIMOUS_CONF for _, c in sure) >= 3
    # or more of them, fewer that sure: a written "84" read "84" at 55, 57, 42, 42 and 46, the readings of
    # its "4" alone (the "8" missed) refused by its two marks (seed 375 alt 006: no value was taken)
    many = len(sure) >= MANY_AGREE and sum(c >= UNANIMOUS_CONF for _, c in sure) >= MANY_SURE
    first_too = (
        re.sub(r"\s", "", first).translate(_AS_DIGITS) == text
        and len(same) >= 2
        and max(same) >= UNANIMOUS_CONF
    )
    # two sure readings, one of them clear, and no other reading the marks allow (a written "8" read "8" at
    # 95 and 42, the others reading nothing)
    two_clear = len(sure) >= 2 and max(c for _, c in sure) >= CLEAR_CONF and all(t == text for t, _ in votes)
    one_clear = (
        narrowed  # one clear reading the marks allow against readings they refuse (``_one_clear_fit``)
    )
    if not (unanimous or many or first_too or two_clear or one_clear):
        return None
    if not _may_be(text, kind):
        return None
    return text, min(AGREED_MAX_CONF, statistics.fmean(same))


# a number's clear readings that, more than all its other clear readings together, give it
MOST_CLEAR = 3


def most_clear(votes: list[tuple[str, float]], first: str = "") -> tuple[str, float] | None:
    """A number no majority of all readings gives (``consensus``: the rest read faint and scattered), that
    ``MOST_CLEAR`` clear readings (>= ``CLEAR_CONF``) or more give, more than all the other clear readings
    together: taken in doubt (at most ``AGREED_MAX_CONF``: the readings disagree). A pen's "2553" read so at
    80-96 five times, "2523" twice, "23553" and "2552" once, bitonal, seed 871 dev 012: the first reading's
    "2523" had been kept (in doubt, wrong).

    ``first``: the page's own reading of a blurred photo's number, read clearly (``FIRST_CLEAR_CONF``): one
    clear reading more where a clear reading gives it again (a printed "1753" read so at 89 by the page,
    "1757" four times clearly and "1753" three times again, the cuts split, seed 563 alt 009: "1757" by one
    reading had replaced the right first one)."""
    clear = Counter(t.lstrip("0") or "0" for t, c in votes if c >= CLEAR_CONF and t.isdigit())
    if first.isdigit() and clear[first.lstrip("0") or "0"]:
        clear[first.lstrip("0") or "0"] += 1  # (a value no clear reading gives again is no vote: "175")
    if not clear:
        return None
    (value, n), rest = clear.most_common(1)[0], sum(clear.values()) - clear.most_common(1)[0][1]
    if n < MOST_CLEAR or n <= rest or not _may_be(value, Kind.NUMBER):
        return None
    forms = Counter(t for t, c in votes if c >= CLEAR_CONF and (t.lstrip("0") or "0") == value)
    text = forms.most_common(1)[0][0]
    same = [c for t, c in votes if t == text and c >= CLEAR_CONF]
    return text, min(AGREED_MAX_CONF, statistics.fmean(same))


# clear readings (>= ``CLEAR_CONF``) of a day or month that, all alike, give it whatever its crop's marks say
CLEAR_ALIKE = 3
# ... or readings that, all alike however faint (>= ``FAINT_CONF``), give one digit a mark
FAINT_ALIKE = 4
FAINT_CONF = 20.0


def read_alike(votes: list[tuple[str, float]], kind: Kind, marks: int) -> tuple[str, float] | None:
    """A blurred photo's day or month (``_decide``) its readings (``votes``, as read: none refused by the
    crop's ``marks``) agree on where nothing else gives one, in doubt (at most ``AGREED_MAX_CONF``;
    ``BLUR_UNREAD_CONF`` when faint: a value read again and agreed it is not):

    - ``CLEAR_ALIKE`` clear readings or more all alike, no reading that counts (>= ``MIN_VOTE_CONF``) giving
      another, two digits, or one where the crop holds at most one mark (a one-digit reading of a crop of
      more marks may have lost a digit: "2" of a blurred "28"). A blurred month's crop that took in the
      printed "ng" of "tháng" before its "12" has four marks, and its five readings of "12" at 94-97 were all
      refused by them (seed 513 dev 008: the month unread);
    - ``FAINT_ALIKE`` readings or more all alike at ``FAINT_CONF`` at least, one digit a mark, every other
      reading of anything a part of it read at less than ``MIN_VOTE_CONF`` (a blurred pen's "18" read "18" at
      21-37 four times and "8" at 0, seed 513 dev 010: unread, the page's "1ở" made it the 10th).
    None otherwise."""
    said = [(t, c) for t, c in votes if t]
    clear = {t for t, c in said if c >= CLEAR_CONF}
    if len(clear) == 1:
        (text,) = clear
        n_clear = sum(t == text and c >= CLEAR_CONF for t, c in said)
        if (
            n_clear >= CLEAR_ALIKE
            and all(t == text for t, c in said if c >= MIN_VOTE_CONF)
            and (len(text) == 2 or marks <= 1)
            and _may_be(text, kind)
        ):
            return text, min(
                AGREED_MAX_CONF, statistics.fmean(c for t, c in said if t == text and c >= CLEAR_CONF)
            )
        return None
    if clear:
        return None
    faint = [t for t, c in said if c >= FAINT_CONF]
    if len(faint) < FAINT_ALIKE or len(set(faint)) != 1:
        return None
    text = faint[0]
    if len(text) != marks or not _may_be(text, kind):
        return None
    if any(t != text and (c >= MIN_VOTE_CONF or not _subsequence(t, text)) for t, c in said):
        return None
    return text, BLUR_UNREAD_CONF


def _one_clear_fit(
    votes: list[tuple[str, float]], sure: list[tuple[str, float]], marks: int
) -> list[tuple[str, float]] | None:
    """Of sure readings that differ, the one that fits the crop's marks (a digit a mark), when it is read
    clearly (>= ``ALONE_CONF``), every other sure reading gives more or fewer digits than there are marks,
    and its digits are the most often read of all (at any confidence, three times at least): a low-light
    photo's written "1092", four marks, read "1092" at 97 and five more times at 0-4, and "70972" at 64 (its
    "1" read "7" and a mark read twice), "70927", "7097" at 0 (seed 281 alt 010: no value was taken). Else
    None."""
    fit = [(t, c) for t, c in sure if len(t) == marks]
    if len(fit) != 1 or fit[0][1] < ALONE_CONF:
        return None
    count = Counter(t for t, _ in votes)
    text = fit[0][0]
    if count[text] < 3 or any(n >= count[text] for t, n in count.items() if t != text):
        return None
    return fit


def _may_be(text: str, kind: Kind) -> bool:
    """Whether digits ``text`` may stand for a blank of ``kind``: a day 1..31, a month 1..12, a number of at
    most six digits."""
    value = int(text)
    if (kind == Kind.DAY and not 1 <= value <= 31) or (kind == Kind.MONTH and not 1 <= value <= 12):
        return False
    return not (kind == Kind.NUMBER and len(text) > 6)


def shape_digit(mark: np.ndarray) -> str | None:
    """The digit a mark's shape alone gives: "8" when it closes two loops one above the other (no other digit
    does), "1" when it is one plain stroke (``plain_stroke``); None for any other shape."""
    if _loops(mark) == 2:
        return "8"
    return "1" if plain_stroke(mark) else None


def shape_agreed(votes: list[tuple[str, float]], kind: Kind, crop: np.ndarray) -> tuple[str, float] | None:
    """A value one clear reading gives (>= ``CLEAR_CONF``) and no other reading the marks allow, where the
    crop's marks' shapes alone say the same, digit for digit (``shape_digit``: a lone written "8" one model
    reads "8" at one scale only, "35" and "5" at the others, the other model nothing). One reading is weak
    evidence (a printed "/" piece is a plain stroke too, read "1"): the value goes to review, at
    ``SHAPE_CONF`` (under review.REVIEW_THRESHOLD); a number of more digits than ``agreed`` takes is none."""
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF]
    if not sure or any(t != sure[0][0] for t, _ in votes) or max(c for _, c in sure) < CLEAR_CONF:
        return None
    text = sure[0][0]
    marks = _digit_marks(crop)
    if len(text) != len(marks) or len(marks) > MAX_MEASURED_MARKS:
        return None
    if not all(shape_digit(m) == ch for ch, m in zip(text, marks, strict=True)):
        return None
    return (text, SHAPE_CONF) if _may_be(text, kind) else None


# a number no reading of its whole region gives has its marks read one by one when it has at most this many
# (a number has six digits at most)
MAX_ALONE_MARKS = 6


def needs_marks(blank: Blank, cs: list[np.ndarray], each: list[list[tuple[str, float]]]) -> np.ndarray | None:
    """The crop whose marks are read one by one (``by_marks``) for a number its readings give none of
    (``_decide``), one reading at least sure (a written "8" both models leave out or misread: "821" read
    "21" eight times, "621" and "821" at 40, seed 121 alt 000); None otherwise."""
    if blank.kind not in (Kind.NUMBER, Kind.DAY, Kind.MONTH) or not cs:
        return None
    if len(cs) == 2:
        cs, each = _same_marks(cs, each)
        if not cs:
            return None
    if not any(c >= MIN_VOTE_CONF for v in each for _, c in v):
        return None
    if not 1 <= len(_digit_marks(cs[0])) <= MAX_ALONE_MARKS:
        return None
    return cs[0] if _decide(blank, cs, each)[0] is None else None


# another value a number's readings give this many times surely (>= ``MIN_VOTE_CONF``) contests it: a stray
# reading is noise, two are another reading of the marks
CONTESTING = 2


def contested(value: str, votes: list[tuple[str, float]], *, once: bool = False) -> bool:
    """Whether a number's readings (``votes``, those the marks allow) give another value of as many digits
    as ``value`` surely (>= ``MIN_VOTE_CONF``) ``CONTESTING`` times, or once when ``once`` (a pen number whose
    ink touches a printed rule: ``Blank.crossed``): two readings of the same marks that differ in a digit."""
    others = Counter(
        int(t) for t, c in votes if c >= MIN_VOTE_CONF and len(t) == len(value) and int(t) != int(value)
    )
    return any(n >= (1 if once else CONTESTING) for n in others.values())


def _subsequence(short: str, long: str) -> bool:
    """Whether ``short``'s characters stand in ``long`` in their order (others between them)."""
    it = iter(long)
    return all(ch in it for ch in short)


# a mark read alone is given the digit most of its sure readings give when at most one in this many of them
# give another
MARK_DISSENT = 4


def by_marks(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], kind: Kind, crop: np.ndarray
) -> tuple[str, float] | None:
    """A number from its marks read one by one (``alone``: the readings of each mark of ``crop``, its
    ``mark_crops``) where the readings of the whole region (``votes``) give none: each mark read
    as the same digit by its sure readings (>= ``MIN_VOTE_CONF``; all but one in ``MARK_DISSENT`` of them at
    most), two of them at least and one clear (>= ``CLEAR_CONF``), its shape allowing the digit
    (``_shape_denies``), and every sure reading of the whole region the marks' shapes allow found in it in
    order (the whole region's readings may leave digits out, never read them otherwise: a "2262" against
    marks read "2282" gives none; a "621" whose "6" is a mark of two loops is no reading; one longer than the
    value is left out when another gives the value). Alone a written digit is read as print is ("821" read
    "21" whole, its slanted "8" read "8" at 96 alone); a mark may still be a digit's piece (a "4" written in
    two strokes): the value goes to review (at most ``AGREED_MAX_CONF``)."""
    marks = _digit_marks(crop)
    if not alone or len(alone) != len(marks):
        return None
    digits, confs = [], []
    loops = [_loops(m) for m in marks]
    feet = [_has_foot(m) for m in marks]
    # the whole region's surer readings with a digit for each mark, for a mark no reading alone gives
    full = {t for t, c in votes if c >= UNANIMOUS_CONF and len(t) == len(marks)}
    unread = [k for k, v in enumerate(alone) if not any(c >= MIN_VOTE_CONF for _, c in v)]
    for k, (v, n, foot) in enumerate(zip(alone, loops, feet, strict=True)):
        # a mark read alone as a digit its shape says is another: that digit, as whole readings are made
        # (``as_shaped``, ``sevens_for_ones``: a "1" with a lead-in read "4" at 38 beside "1" at 80, seed 377
        # dev 005's day "12", no day taken)
        v = [(mark_shaped(marks[k], t), c) for t, c in v]
        sure = [(t, c) for t, c in v if c >= MIN_VOTE_CONF]
        # a mark closing two loops one above the other is an "8" (no other digit does): where a clear reading
        # of the whole region, a digit for each mark, gives an "8" there too, the mark's readings its shape
        # denies are misreadings and one clear "8" is enough ("3" twice at 35-50 beside "8" at 86 for a
        # written "78"'s "8", "78" at 95 whole: seed 295 dev 004, no number)
        eight = (
            n == 2
            and any(t == "8" for t, _ in sure)
            and any(c >= CLEAR_CONF and len(t) == len(marks) and t[k] == "8" for t, c in votes)
        )
        if eight:
            sure = [(t, c) for t, c in sure if t == "8"]
        if not sure and unread == [k] and len(marks) >= 3 and len({t[k] for t in full}) == 1:
            # one mark of three or more read alone as nothing (a pen's "7" of "2072" read "" six times, seed
            # 157 dev 003): the digit the whole region's surer readings give there, every one alike, its
            # shape allowing it; the other marks, read alone, must give theirs (checked below)
            text = next(iter(full))[k]
            if _shape_denies(text, n, foot):
                return None
            digits.append(text)
            continue
        said = Counter(t for t, _ in sure)
        text, count = said.most_common(1)[0] if said else ("", 0)
        # every sure reading alike, or all but a few (``MARK_DISSENT``: a written "5" read "5" five times and
        # "2" once, seed 167 alt 013)
        if (count < 2 and not eight) or MARK_DISSENT * (len(sure) - count) > count:
            return None
        if max(c for t, c in sure if t == text) < CLEAR_CONF:
            return None
        if len(text) != 1 or _shape_denies(text, n, foot):
            return None
        digits.append(text)
        confs.append(max(c for t, c in sure if t == text))
    value = "".join(digits)
    whole = [
        t
        for t, c in votes
        if c >= MIN_VOTE_CONF
        and not (
            len(t) == len(marks)
            and any(_shape_denies(ch, n, foot) for ch, n, foot in zip(t, loops, feet, strict=True))
        )
    ]
    if value in whole:
        # a reading of the whole region longer than the marks' digits made a digit of no mark ("24652" at 35
        # beside "2265" at 58 for a written "2265"): the region's own readings give the value all the same
        whole = [t for t in whole if len(t) <= len(value)]
    elif (
        sum(len(t) == len(value) + 1 and _subsequence(value, t) and c >= UNANIMOUS_CONF for t, c in votes)
        >= TIE_READINGS
    ):
        # ... and where no reading gives the value as such, readings that hold its digits in order with a
        # digit of no mark more, twice or more and not unsure, are readings of it ("451" at 69-71 twice
        # beside "21" twice for a written "51" whose "5"'s flag stood apart, its marks read "5" four times
        # and "2" once, seed 625 alt 013: no number): the tie its marks break (``marks_break_tie``); one such
        # reading alone ("8241" at 35) gives nothing
        whole = [value if len(t) == len(value) + 1 and _subsequence(value, t) else t for t in whole]
    if not whole or not _may_be(value, kind):
        return None
    if not all(_subsequence(t, value) for t in whole) and not marks_break_tie(value, whole):
        return None
    if unread and value not in full:
        return None  # the whole region's readings gave the other marks' digits otherwise
    return value, min(AGREED_MAX_CONF, *confs)


def marks_break_tie(value: str, whole: list[str]) -> bool:
    """Whether the whole region's sure readings (``whole``) that read ``value``'s digits otherwise are its
    rival in one digit, the same digit every time, and no more often read than ``value`` itself: the whole
    readings split between two values and the marks read one by one (``by_marks``) say which (a written
    "950" read "950" six times and "920" six, its "5" alone "5" four times and "2" once, seed 495 alt 007: no
    number). Rivals read more often than the value all told, a value read once, readings at odds in more
    places or by other digits ("950", "920" and "930" twice each: three values), still leave none."""
    rivals = Counter(t for t in whole if not _subsequence(t, value))
    # where each rival differs from the value, and with which digit
    odds = {
        (k, a)
        for t in rivals
        if len(t) == len(value)
        for k, (a, b) in enumerate(zip(t, value, strict=True))
        if a != b
    }
    return (
        len(odds) == 1
        and all(len(t) == len(value) for t in rivals)
        and whole.count(value) >= TIE_READINGS
        and sum(rivals.values()) <= whole.count(value)
    )


TIE_READINGS = 2  # ... the value itself read so at least this many times (once is a stray reading)


# readings of the whole region, a digit for each mark, that ``by_marks_split`` wants at least
SPLIT_READINGS = 3


def by_marks_split(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], kind: Kind, crop: np.ndarray
) -> tuple[str, float] | None:
    """A number whose readings of the whole region, a digit for each mark, split on one digit alone (a
    written "925" read "325" three times and "225" three times; "2763" six times and "2163" six times: no
    value a clear majority gives, none ``by_marks`` takes, the readings contradicting each other there):
    the mark they split on read alone gives that digit (its sure readings, >= ``MIN_VOTE_CONF``, two at
    least and one clear, all alike and its shape allowing it: the "9" read "9" at 82-94 alone), every other
    mark the digit all those readings give (what it reads alone, surest in sum, the same where it is read),
    and every other sure reading of the region no longer than the marks and found in it in order. At least
    ``SPLIT_READINGS`` such readings; the value goes to review (at most ``AGREED_MAX_CONF``): one mark's
    readings alone chose a digit."""
    marks = _digit_marks(crop)
    if len(marks) < 2 or len(alone) != len(marks):
        return None
    sure = [t for t, c in votes if c >= MIN_VOTE_CONF]
    full = [t for t in sure if len(t) == len(marks)]
    if len(full) < SPLIT_READINGS or any(len(t) > len(marks) for t in sure):
        return None
    split = [i for i in range(len(marks)) if len({t[i] for t in full}) > 1]
    if len(split) != 1:
        return None
    digits, confs = [], []
    for i, (v, mark) in enumerate(zip(alone, marks, strict=True)):
        loops, foot = _loops(mark), _has_foot(mark)
        said = [
            (t, c) for t, c in v if c >= MIN_VOTE_CONF and len(t) == 1 and not _shape_denies(t, loops, foot)
        ]
        if i == split[0]:
            if len(said) < 2 or len({t for t, _ in said}) != 1 or max(c for _, c in said) < CLEAR_CONF:
                return None
            digits.append(said[0][0])
            confs.append(max(c for _, c in said))
            continue
        weight: dict[str, float] = {}
        for t, c in said:
            weight[t] = weight.get(t, 0.0) + c
        if weight and max(weight, key=lambda t: weight[t]) != full[0][i]:
            return None
        digits.append(full[0][i])
    value = "".join(digits)
    if not all(_subsequence(t, value) for t in sure if len(t) < len(marks)) or not _may_be(value, kind):
        return None
    return value, min(AGREED_MAX_CONF, *confs)


def _mark_read(v: list[tuple[str, float]], mark: np.ndarray) -> str | None:
    """The digits a mark read alone gives surely (``by_marks_grouped``): its sure readings (>=
    ``MIN_VOTE_CONF``), two at least and one clear (>= ``CLEAR_CONF``), all alike, a digit its shape allows
    where they read one; None otherwise (the mark's readings say nothing)."""
    sure = [(t, c) for t, c in v if c >= MIN_VOTE_CONF and t.isdigit()]
    said = {t for t, _ in sure}
    if len(sure) < 2 or len(said) != 1 or max(c for _, c in sure) < CLEAR_CONF:
        return None
    (text,) = said
    if len(text) == 1 and _shape_denies(text, _loops(mark), _has_foot(mark)):
        return None
    return text


# a mark a reading of the whole region gives no digit it reads surely alone holds at most this many digits
UNREAD_MARK_DIGITS = 2


def _fits_marks(text: str, read: list[str | None]) -> bool:
    """Whether ``text`` splits in order into one piece a mark: a mark read surely alone (``_mark_read``) its
    digits as read, any other one to ``UNREAD_MARK_DIGITS`` digits."""
    if not read:
        return not text
    head, rest = read[0], read[1:]
    if head is not None:
        return text.startswith(head) and _fits_marks(text[len(head) :], rest)
    return any(_fits_marks(text[n:], rest) for n in range(1, min(UNREAD_MARK_DIGITS, len(text)) + 1))


def by_marks_grouped(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], kind: Kind, crop: np.ndarray
) -> tuple[str, float] | None:
    """A number whose whole readings split between values, where its marks read alone, a mark holding two
    digits run together among them, say which: a written "237" whose "3" and "7" touch, read "237" four
    times and "230" four times at 77-96 (its marks alone: "2", and "37" at 46-92), k933 alt 011; a written
    "791" read "791" seven times (once clearly) and "701" twice clearly, its "79" one mark read "79" at
    87-96 six times, s881 corp 008: both lost to "…" (``by_marks`` and ``by_marks_split`` want one digit a
    mark). The one value of all sure readings (>= ``MIN_VOTE_CONF``) that splits into the marks as they read
    alone (``_fits_marks``), read so twice at least and once clearly, and at least as often as all the sure
    readings that do not (each at odds with a mark read surely, or with the marks' count); the marks read
    surely, one of them two digits, giving more of its digits than the other marks hold. In doubt (at most
    ``AGREED_MAX_CONF``): the readings disagree."""
    marks = _digit_marks(crop)
    if len(marks) < 2 or len(alone) != len(marks):
        return None
    read = [_mark_read(v, m) for v, m in zip(alone, marks, strict=True)]
    if not any(t is not None and len(t) >= 2 for t in read):
        return None  # one digit a mark: ``by_marks``'s and ``by_marks_split``'s
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF]
    fitting = {t for t, _ in sure if _fits_marks(t, read)}
    if len(fitting) != 1:
        return None
    (value,) = fitting
    same = [c for t, c in sure if t == value]
    others = [t for t, _ in sure if t != value]
    if len(same) < 2 or max(same) < CLEAR_CONF or len(others) > len(same) or not _may_be(value, kind):
        return None
    known = sum(len(t) for t in read if t is not None)
    if known <= len(value) - known:
        return None  # the marks read surely hold fewer digits than the rest: they say too little
    return value, min(AGREED_MAX_CONF, statistics.fmean(same))


DATE_MARK_VOTES = 2  # readings of the whole day or month that must give what its marks read alone give


def by_marks_voted(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], kind: Kind, crop: np.ndarray
) -> tuple[str, float] | None:
    """A day or month from its marks read one by one where neither the whole region's readings nor the
    marks' unanimous readings (``by_marks``) give one: each mark the digit its sure readings (>=
    ``MIN_VOTE_CONF``) give most surely in sum, its shape allowing it (a mark no reading is sure of: a
    plain stroke is "1", ``shape_digit``; a mark read alone surely but only as digits its shape refuses, the
    digit every surer reading of the whole region gives there), taken only when at least ``DATE_MARK_VOTES``
    sure readings of the whole region give the same (a written "15" read "15" five times and "72" five times
    whole, its "5" read "5" four times and "2" twice alone; a "14" whose "1" Tesseract drops alone), in doubt
    (at most ``AGREED_MAX_CONF``)."""
    marks = _digit_marks(crop)
    if not marks or len(alone) != len(marks) or len(marks) > 2:
        return None
    # the whole region's surer readings with a digit for each mark (``by_marks``'s)
    full = {t for t, c in votes if c >= UNANIMOUS_CONF and len(t) == len(marks)}
    digits = []
    for k, (v, mark) in enumerate(zip(alone, marks, strict=True)):
        loops, foot = _loops(mark), _has_foot(mark)
        weight: dict[str, float] = {}
        for t, c in v:
            if c >= MIN_VOTE_CONF and len(t) == 1 and not _shape_denies(t, loops, foot):
                weight[t] = weight.get(t, 0.0) + c
        there = {t[k] for t in full}
        if weight:
            digits.append(max(weight, key=lambda t: weight[t]))
        elif (shaped := shape_digit(mark)) is not None:
            digits.append(shaped)
        elif (
            any(c >= MIN_VOTE_CONF for _, c in v)
            and len(there) == 1
            and not _shape_denies(next(iter(there)), loops, foot)
        ):
            # read alone surely, but only as digits its shape refuses (the "9" of a written "09" at 120 dpi
            # read "3" five times and "5" once alone, its loop closed): the digit every surer reading of the
            # whole region gives there ("09" at 87 and 80)
            digits.append(next(iter(there)))
        else:
            return None
    value = "".join(digits)
    if not _may_be(value, kind):
        return None
    given = [c for t, c in votes if c >= MIN_VOTE_CONF and t == value]
    if all(_read_alike(v) for v in alone) and not any(c >= UNANIMOUS_CONF and t != value for t, c in votes):
        # every mark read alike alone, no surer reading of the whole region giving another value: the
        # whole region's readings need not give it (a parted "26" read "2" five times and "6" six alone,
        # at most 32 whole, all one digit short: seed 453 alt 000)
        return value, min(AGREED_MAX_CONF, max(given, default=AGREED_MAX_CONF))
    if len(given) < DATE_MARK_VOTES:
        return None
    return value, min(AGREED_MAX_CONF, max(given))


# a mark read alone this many times surely (>= ``MIN_VOTE_CONF``), every time as one digit, is read alike
ALIKE_READINGS = 3


def _read_alike(v: list[tuple[str, float]]) -> bool:
    """Whether a mark's readings alone (``v``) all give one digit: ``ALIKE_READINGS`` sure readings at least,
    all the same, one clear (>= ``CLEAR_CONF``). A day whose every mark is so read is taken without two
    readings of the whole region giving it (``by_marks_voted``: a pen's "26" whose "2"'s foot ran into the
    "6", parted (``parted_pairs``) and read "2" six times at 64-97 and "6" six times at 84-97 alone, "26" at
    53 once whole, seed 467 dev 005)."""
    sure = {t for t, c in v if c >= MIN_VOTE_CONF}
    n = sum(c >= MIN_VOTE_CONF for _, c in v)
    return len(sure) == 1 and n >= ALIKE_READINGS and max(c for _, c in v) >= CLEAR_CONF


def month_of_two(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], crop: np.ndarray
) -> tuple[str, float] | None:
    """A month written as two marks whose first is a "1" (a month of two digits is 10, 11 or 12, or 0-led):
    the pen's "1" with its lead-in or flag is read "7" or "4" as often as "1", whole ("71" for a written
    "11", seed 247 alt 012) or alone ("1" at 82, "7" at 79, "4" at 67 of the "1" of "12", alt 004), and no
    value was agreed. Taken when the first mark closes no loop (no "0") and is read "1" at least once clearly
    (>= ``CLEAR_CONF``) or twice surely, never "0"; the second mark's sure readings alone all give one digit,
    two of them at least and one clear, its shape allowing it; the value is 10-12; and the whole region's
    sure readings (>= ``MIN_VOTE_CONF``) that end in that digit outweigh the others. In doubt (at most
    ``AGREED_MAX_CONF``): the "1" is the month's form more than its readings. ``votes``: the whole region's
    readings as read (a "7" the marks' shapes refuse still reads the second digit). The first mark's readings
    are taken as its shape makes them (``mark_shaped``: a "1" with a flag and a foot read "7" alone at 51-62
    three times is a "1", seed 439 alt 012's "tháng 11", read "11" at 75 once whole: no month)."""
    marks = _digit_marks(crop)
    if not _first_is_one(marks, alone):
        return None
    second = [(t, c) for t, c in alone[1] if c >= MIN_VOTE_CONF]
    said = {t for t, _ in second}
    if len(second) < 2 or len(said) != 1 or max(c for _, c in second) < CLEAR_CONF:
        return None
    digit = said.pop()
    if len(digit) != 1 or _shape_denies(digit, _loops(marks[1]), _has_foot(marks[1])):
        return None
    value = "1" + digit
    if not _may_be(value, Kind.MONTH):
        return None
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF]
    ending = sum(c for t, c in sure if t.endswith(digit) and len(t) <= 2)
    if 2 * ending <= sum(c for _, c in sure):
        return None
    return value, AGREED_MAX_CONF


def _first_is_one(marks: list[np.ndarray], alone: list[list[tuple[str, float]]]) -> bool:
    """Whether a month's two marks (``marks``, read alone: ``alone``) open with a "1" (``month_of_two``):
    the first closes no loop, is read "1" once clearly or twice surely (as its shape makes its readings,
    ``mark_shaped``) and never "0"."""
    if len(marks) != 2 or len(alone) != 2 or _loops(marks[0]) != 0:
        return False
    first = [(mark_shaped(marks[0], t), c) for t, c in alone[0] if c >= MIN_VOTE_CONF]
    ones = [c for t, c in first if t == "1"]
    return not any(t == "0" for t, _ in first) and (max(ones, default=0.0) >= CLEAR_CONF or len(ones) >= 2)


def month_led_by_one(
    votes: list[tuple[str, float]], alone: list[list[tuple[str, float]]], crop: np.ndarray
) -> tuple[str, float] | None:
    """A month written as two marks led by a "1" (``_first_is_one``) whose second mark most readings give as
    a digit no month takes after it ("16" at 78-95 four times whole and "6" alone for a written "10" whose
    "0" is cut open at its right where it meets "năm", "10" at 85 and 57 whole: seed 443 alt 002, no
    month): a month of two digits led by "1" is 10, 11 or 12, so those readings misread the second digit.
    Taken when the whole region's sure readings (>= ``MIN_VOTE_CONF``) that are months all give one of
    them, two at least and one clear (>= ``CLEAR_CONF``), every other sure reading being "1" and a digit no
    month takes (the first digit read alike, the second misread); the second mark read alone as no other of
    0-2, its shape allowing the digit. In doubt (``AGREED_MAX_CONF``): most readings said otherwise."""
    marks = _digit_marks(crop)
    if not _first_is_one(marks, alone):
        return None
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF]
    months = [(t, c) for t, c in sure if len(t) == 2 and t[0] == "1" and _may_be(t, Kind.MONTH)]
    said = {t for t, _ in months}
    if len(months) < 2 or len(said) != 1 or max(c for _, c in months) < CLEAR_CONF:
        return None
    value = said.pop()
    if not all(len(t) == 2 and t[0] == "1" and t[1] in "3456789" for t, _ in sure if t != value):
        return None
    second = {t for t, c in alone[1] if c >= MIN_VOTE_CONF}
    if second & {"0", "1", "2"} - {value[1]}:
        return None
    if _shape_denies(value[1], _loops(marks[1]), _has_foot(marks[1])):
        return None
    return value, AGREED_MAX_CONF


def tax_consensus(votes: list[tuple[str, float]]) -> tuple[str, float] | None:
    """A tax code from the readings of its cells (Tesseract gives long digit runs read with a whitelist no
    confidence, so agreement decides): one whose check digit holds (10 digits, or 10 + 3 for a branch), else
    the 10 or 13 digits at least two readings and more than half of them agree on. Its confidence stays low
    (the document goes to review)."""
    sure = [t for t, _ in votes if len(t) in (10, 13)]
    checked = [t for t in sure if tax_code_valid(t[:10])]
    if checked:
        text, n = Counter(checked).most_common(1)[0]
        conf = 80.0
    elif sure:
        text, n = Counter(sure).most_common(1)[0]
        if n < 2 or 2 * n <= len(sure):
            return None
        conf = 60.0 * n / len(sure)
    else:
        return None
    return (f"{text[:10]}-{text[10:]}" if len(text) == 13 else text), conf


# the blanks of a date's day and month (``clean_crop``'s ``ceiling``)
_DATED = (Kind.DAY, Kind.MONTH)
# a blank's region narrower or lower than this (px) holds no digit to read
MIN_BLANK_PX = 8


# a number line read without its "Số:" label (``number.label_lost_line``: "316 mr-UBND" of "Số:
# 1316/TTr-UBND", a pen's "1316" at 200 dpi, seed 467 alt 003): the pen's marks go left of the digits read up
# to a white run this share of the line's height wide (the space between the label and the number; a pen's
# digits stand closer), looked for within ``LOST_LABEL_REACH`` of it; their rows from ``LOST_LABEL_TOP`` of
# the line down (the organ's rule above touches a pen's digits)
LOST_LABEL_GAP = 0.35
LOST_LABEL_REACH = 3.0
LOST_LABEL_TOP = 0.25
LOST_MARKS = 1.2  # line heights: the marks taken in left of the digits read at most this wide


def label_lost_blank(
    prepared: Prepared, page: RecognizedPage, grey: np.ndarray | None = None
) -> Blank | None:
    """The number's region of a number line read without its label (``number.label_lost_line``): from where
    the pen's marks begin left of the digits read (``LOST_LABEL_GAP``: the label's ink stays out) to the
    notation read after them; a blank whose first reading is only added to (``lost``), its notation's "/"
    found in the scan (``refined``). None without such a line, or when the scan shows no white run between
    the label and the number."""
    from digitize.pipeline.fields.number import label_lost_line

    header = regions.header_of(page)
    ln = None if header is None else label_lost_line(header[0])
    slashed = False
    if ln is None and header is not None:
        left, line_i = header[0].left, header[1].line_i
        if line_i is None:
            # no number line found at all: the left column's first line of the digits and a "/"-led notation
            # alone ("17ổỮ /svurrpL-oLDL" of a pen's "1780" and "/SVHTTDL-QLDL" whose "Số:" the reading lost,
            # seed 907 alt 004: the marks no digits, no line, the number and notation lost)
            # (its notation garbled before the part read as one: "/svurrpL-oLDL")
            n = min(len(left), LABEL_LOST_LINES)
            line_i = next((i for i in range(n) if slash_led_line(left, i, garbled=True)), None)
            ln = slash_led_line(left, line_i, garbled=True)
        else:
            ln = slash_led_line(left, line_i)
        slashed = True
    if ln is None or len(ln.words) != 2:
        return None
    digits, notation = sorted(ln.words, key=lambda w: w.box.x0)
    first = digits.text.strip(".,")
    idx = _word_index(page)
    h = ln.y1 - ln.y0
    if (not first.isdigit() and not slashed) or id(digits) not in idx or not h > 0:
        return None
    # before a "/"-led notation: digits read sure are checked as a pen's (``Blank.pen``), marks read
    # doubtfully ("2-22" at 33 of a pen's "2554") are read again as any doubtful number's; either way the
    # region is reckoned (``Blank.reckoned``): what is read there is taken in doubt
    sure = slashed and not _doubtful([digits])
    if grey is None:  # the scan in grey only once such a line is found (REVIEW-38c L2: not on every page)
        grey = regions.grey_master(prepared)
    x0 = max(0.0, digits.box.x0 - LOST_LABEL_REACH * h)
    cut = regions.cut(prepared, x0, ln.y0 + LOST_LABEL_TOP * h, digits.box.x0 + 1, ln.y1, source=grey)
    if cut.size == 0 or min(cut.shape[:2]) < 2:
        return None
    paper = float(np.percentile(cut, 90))
    inked = np.count_nonzero(cut < paper - regions.INK_BELOW_PAPER, axis=0) >= 2
    gap = LOST_LABEL_GAP * h * cut.shape[1] / max(1.0, digits.box.x0 + 1 - x0)
    start, white, col = cut.shape[1], 0, cut.shape[1] - 1
    while col >= 0 and white <= gap:
        start, white = (col, 0) if inked[col] else (start, white + 1)
        col -= 1
    # the label's ink seen apart left of the space, and the marks taken in no wider than a digit or two (a
    # label run into the number is no pen's marks)
    px = (digits.box.x0 + 1 - x0) / cut.shape[1]  # page units a column
    if white <= gap or not inked[: col + 1].any() or (cut.shape[1] - start) * px > LOST_MARKS * h:
        return None
    left = x0 + start * px - 0.1 * h
    box = Box(max(0.0, min(left, digits.box.x0)), ln.y0 - 0.1 * h, notation.box.x0, ln.y1 + 0.1 * h)
    return Blank(
        Kind.NUMBER,
        digits.line,
        box,
        (idx[id(digits)],),
        first,
        digits.conf,
        lost=not slashed,
        pen=sure,
        reckoned=slashed,
        notation=notation.box,
    )


LABEL_LOST_LINES = 8  # the left column's lines the number line read without its label is looked for among


def slash_led_line(left: Sequence[Line], line_i: int | None, *, garbled: bool = False) -> Line | None:
    """The header's number line (``line_i``: its index in the left column ``left``) read as the number's
    digits and its "/"-led notation alone, its "Số:" label lost ("26 /GCN-SNNMT" of "Số:" and a pen's "56",
    seed 867 alt 013, taken "26" at 0.93): the line the print reading garbled is no surer of the pen's digits
    than a coloured pen's (``Blank.pen``); or its marks read doubtfully ("2-22" at 33 of a pen's "2554" and
    "/CT-SCT", seed 871 dev 001: "22" taken, in doubt); None for another line. ``garbled``: the notation
    may be garbled before a part read as one ("/svurrpL-oLDL": led by its "/", a hyphened tail in it)."""
    if line_i is None or not 0 <= line_i < len(left):
        return None
    ln = left[line_i]
    if len(ln.words) != 2:
        return None
    digits, notation = sorted(ln.words, key=lambda w: w.box.x0)
    # the number's marks: read as digits, or doubtfully with a digit among them ("2-22" at 33); never the
    # label itself ("Số:" before the notation, the number unread)
    marks = digits.text.strip(".,")
    led = _slash_notation(notation) or (
        garbled and notation.text.startswith("/") and notation_tail(notation.text) is not None
    )
    if not led or _so_alone(digits) or s_label(digits.text):
        return None
    if not marks.isdigit() and not (digits.conf < PRINTED_CONF and any(ch.isdigit() for ch in marks)):
        return None
    return ln


def _big_enough(blanks: list[Blank]) -> list[Blank]:
    """The blanks whose region is at least ``MIN_BLANK_PX`` wide and high, in their order."""
    return [b for b in blanks if b.box.x1 - b.box.x0 >= MIN_BLANK_PX and b.box.y1 - b.box.y0 >= MIN_BLANK_PX]


def second_pass(prepared: Prepared, page: RecognizedPage, *, timeout: float = 30.0) -> RecognizedPage:
    """The page with its header's handwritten number, day and month read again where the first reading
    doubted them; a sheet of crops read once (``sheets_read_once``)."""
    with sheets_read_once():
        return _second_pass(prepared, page, timeout=timeout)


def _second_pass(prepared: Prepared, page: RecognizedPage, *, timeout: float) -> RecognizedPage:
    if page.source != "ocr" or not page.words:
        return page
    before = swallowed_before(prepared, page)
    blanks = _big_enough(find_blanks(page, before))
    suspects = _big_enough(sure_date_digits(page, before))
    numbers = _big_enough(sure_numbers(page))
    unlabelled = (
        None if any(b.kind == Kind.NUMBER for b in [*blanks, *numbers]) else label_lost_blank(prepared, page)
    )
    blanks += _big_enough([unlabelled] if unlabelled is not None else [])
    if not blanks and not suspects and not numbers:
        return page
    try:
        grey = regions.grey_master(prepared)
        blanks = [refined(prepared, b, grey) for b in blanks]
        # a sure number's region too: a notation word that took in the pen's last digit ("66" at 91 and
        # "Ï/sxp.QLxp" for a written "661", seed 157 dev 011) ends it at its "/" found in the scan, so the
        # lost digit is seen (``_marks_lost``, ``ink_beyond``)
        numbers = [refined(prepared, b, grey) for b in numbers]
        for b in suspects:
            raw = _crop(prepared, b.box, source=grey)
            cut = clean_crop(raw, band_rows(b.box), ceiling=True)
            if _loop_misread(cut, b.first):
                blanks.append(b)
            elif (
                _marks_lost(cut, b.first)
                or wide_for_one(cut, b.first)
                or (b.drop and ink_beyond(raw, b, _words_box(page, b.drop)))
                or (b.drop and wide_for_digits(_words_box(page, b.drop), b.first))
            ):
                # a sure day or month with more marks than digits: a digit lost ("1" read sure of a written
                # "21" whose small "2" stands high), read again to be added to; or whose marks reach on past
                # its word by a digit (a written "23" read "2" at 92, its "3" touching the "2": one mark); or
                # one digit read of a mark as wide as two (``wide_for_one``: a pen's "11" run together)
                blanks.append(replace(b, lost=True))
            elif written_high(page, b):
                # a pen's day or month the print reading is sure of: kept sure only when read again alike
                blanks.append(replace(b, pen=True))
        lost = [
            b
            for b in numbers
            if _marks_lost(clean_crop(cut := _cuts(prepared, b, grey)[0], band_rows(b.box)), b.first)
            or (b.drop and ink_beyond(cut, b, _words_box(page, b.drop)))
        ]
        blanks += [replace(b, lost=True) for b in lost]
        for b in numbers:
            if b in lost:
                continue
            if pen_ink(prepared, b.box):
                blanks.append(replace(b, pen=True))
            elif touches_rule(_cuts(prepared, b, grey)[0], band_rows(b.box), rules_beside(prepared, b, grey)):
                blanks.append(replace(b, ruled=True))
        if not blanks:
            return page
        # printed tax-code cells stay on their line: cut as tight as below
        beside = [rules_beside(prepared, b, grey) if b.kind != Kind.TAXCODE else None for b in blanks]
        blanks = [
            replace(b, crossed=True)
            if b.kind == Kind.NUMBER
            and not (b.pen or b.ruled)
            and touches_rule(_cuts(prepared, b, grey)[0], band_rows(b.box), rules)
            else b
            for b, rules in zip(blanks, beside, strict=True)
        ]
        crops = [
            _sharp_crops(prepared, b.box, grey)
            if b.unchecked
            else [_erase_walls(_crop(prepared, b.box, WIDEN_DOWN, source=grey))]
            if b.kind == Kind.TAXCODE
            else [
                clean_crop(c, band_rows(b.box), rules, ceiling=b.kind in _DATED, soft=prepared.blurred)
                for c in _cuts(prepared, b, grey)
            ]
            for b, rules in zip(blanks, beside, strict=True)
        ]
        # a shaken photo's blanks also cut from the scan with its measured streak undone (``deblur``)
        streak = _frame_streak(prepared)
        sharp = [
            [
                clean_crop(c, band_rows(b.box), ceiling=b.kind in _DATED, soft=prepared.blurred)
                for c in _cuts(prepared, b, grey, streak)
            ]
            if streak is not None and b.kind != Kind.TAXCODE and not b.unchecked
            else []
            for b in blanks
        ]
        # read apart: Tesseract reads a crop differently beside other crops, and the crops as cut are read
        # as on any other page
        votes = _votes_by_blank(crops, timeout) + _votes_by_blank(sharp, timeout)
        _softened(blanks, crops, votes, timeout)
        _gaps_closed(blanks, crops, votes, timeout)
    except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
        return page
    n = len(blanks)
    alone = _marks_alone(blanks, crops, votes[:n], timeout)
    drop: set[int] = set()
    new: list[Word] = []
    read: list[Blank] = []  # the blanks of ``new``'s words
    put_back: list[Word] = []  # printed date words the first reading lost (``Blank.nam``)
    for blank, cs, each, by_mark, sharp_cs, sharp_each in zip(
        blanks, crops, votes[:n], alone, sharp, votes[n:], strict=True
    ):
        found, short, glued_digits = _decide(blank, cs, each, by_mark, blurred=prepared.blurred)
        if sharp_cs:
            deblurred = _decide(blank, sharp_cs, sharp_each, blurred=prepared.blurred)[0]
            unanimous = deblurred is not None and none_contradicts(deblurred[0], sharp_cs, sharp_each)
            said = frozenset(t.lstrip("0") for v in each for t, c in v if c >= CLEAR_CONF)
            cut_marks = len(_digit_marks(cs[0])) if cs else 0
            found = _with_deblurred(
                found,
                deblurred,
                unanimous,
                said,
                cut_marks,
                dated=blank.kind in _DATED,
                first=blank.first if blank.first_conf >= CLEAR_CONF and blank.first.isdigit() else "",
            )
        if blank.pen or blank.ruled:
            found, short = pen_checked(blank, found), False
        if found is None and not short and _unread_again(blank, each, [*sharp_each, *by_mark]):
            found = (blank.first, min(blank.first_conf, UNREAD_AGAIN_CONF))
        if (
            found is None
            and not short
            and prepared.blurred
            and _blur_unread(blank, [*each, *sharp_each, *by_mark], glued_digits=glued_digits)
        ):
            found = (blank.first, min(blank.first_conf, BLUR_UNREAD_CONF))
        if found is None and not short and blank.lost and blank.kind != Kind.TAXCODE:
            # its marks say a digit was lost and no reading added it: the first reading stays, in doubt
            found = (blank.first, min(blank.first_conf, AGREED_MAX_CONF))
        if found is None and not short and unconfirmed_number(blank, page.words):
            found = (blank.first, min(blank.first_conf, AGREED_MAX_CONF))
        if found is not None and blank.kind != Kind.TAXCODE and cs:
            found = pen_contested(found, by_pen_shapes(cs, blank.kind, found[0]))
        if found is None and cs and no_date_part(blank):
            # a sure first reading that is no day or month ("79" of a written "19"): kept, the extractor
            # would drop it; the shapes (``by_pen_shapes``) first, or they and a reading together
            # (``pen_fitted``), may give one, in doubt (``pen_value``)
            found = pen_value(cs, blank.kind, each)
        if (
            found is None
            and not short
            and (blank.kind in (Kind.NUMBER, Kind.TAXCODE) or blank.first_conf >= 85 or glued_digits)
        ):
            continue  # keep the first reading (a number stays as read; a sure day too; digits glued to the
            # printed word, "26tháng" on a blurred photo, are kept as read: the extractor reads them there)
        if found is None and blank.kind != Kind.TAXCODE and cs:
            # last, where no reading gives a value and the first reading goes (unreadable): the pen digits'
            # shapes (``by_pen_shapes``), or they and a whole reading together (``pen_fitted``), in doubt
            found = pen_value(cs, blank.kind, each)
        if found is None and _may_stand_upright(blank, cs, each):
            # last of all, a day or month read as nothing clear: its crops stood upright (``_uprighted``)
            found = _uprighted(blank, cs, timeout, blurred=prepared.blurred)
            blank = replace(blank, uprighted=found is not None)
        text, conf = found if found is not None else (UNREADABLE, 0.0)
        if blank.reckoned or blank.closed or blank.uprighted:
            conf = min(conf, AGREED_MAX_CONF)
        if (
            blank.kind in _DATED
            and cs
            and (wide_for_one(cs[0], text) or cut_at_side(prepared, blank, grey, text))
        ):
            # one digit read of one mark as wide as two run together, or beside a pen's mark the region's side
            # cut through: a digit may be lost, in doubt
            conf = min(conf, AGREED_MAX_CONF)
        if blank.uprighted and prepared.blurred:
            # no surer than a digit kept for want of another: the blurred line's agreed date may still
            # replace it (``blurred._vote_date``; review of days55)
            conf = min(conf, BLUR_UNREAD_CONF)
        read.append(blank)
        drop.update(blank.drop)
        block = page.words[blank.drop[0]].block if blank.drop else _line_block(page, blank.line)
        if blank.nam is not None:
            # the lost "năm" put back after the month read again: where it stands is reckoned, not read (the
            # date in doubt)
            conf = min(conf, AGREED_MAX_CONF)
            put_back.append(Word(text="năm", conf=conf, box=blank.nam, block=block, line=blank.line))
        if blank.thang is not None:  # the lost "tháng" put back before it, alike
            conf = min(conf, AGREED_MAX_CONF)
            put_back.append(Word(text="tháng", conf=conf, box=blank.thang, block=block, line=blank.line))
        new.append(Word(text=text, conf=conf, box=blank.box, block=block, line=blank.line))
    if not new:
        return page
    words = [w for k, w in enumerate(page.words) if k not in drop]
    words = _fix_glued(words, new, [b for b in blanks if b.kind in (Kind.DAY, Kind.MONTH)])
    words = _slash_restored(words, [b for b, w in zip(read, new, strict=True) if w.text != UNREADABLE])
    words.extend(new)
    words.extend(put_back)
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


# ink this share of the printed words' height above their top is a pen's (handwriting is bigger than print
# and stands high; a printed accent or ascender reaches about the words' top)
PEN_ABOVE = 0.3
# the pen's ink in a wide "tháng" lies within this share of its box from one side
PEN_SIDE = 0.4


def swallowed_before(prepared: Prepared, page: RecognizedPage) -> frozenset[int]:
    """The ids of the header's "tháng" words read clean but wider than printed (``WIDE_THANG``) whose box the
    scan shows holds the pen's ink (``PEN_ABOVE`` over the line's printed words) on its left only: the
    day's last digit written close before it ("15tháng", "20tháng": read "4" or "2" at 90-97 and "tháng"
    boxed over the "5" or "0", taken for a month swallowed after it, seed 157 alt 003 and dev 012: the
    day kept short, the month's region cut into the "g"). Words tell no side; the scan does."""
    out: set[int] = set()
    grey: np.ndarray | None = None
    for ln, words in _header_lines(page):
        cw = _char_width(ln)
        printed = [
            w for w in words if w.conf >= PRINTED_CONF and len(w.text) >= 3 and w.text.strip(".,;:").isalpha()
        ]
        if not printed:
            continue
        top = statistics.median(w.box.y0 for w in printed)
        high = statistics.median(w.box.y1 - w.box.y0 for w in printed)
        for k, w in enumerate(words):
            wide = w.box.x1 - w.box.x0 > WIDE_THANG * _DATE_KEYS["thang"][1] * 0.8 * cw
            if not thang_alone(fold(w.text)) or not wide:
                continue
            if prepared.blurred and touching_day(words, k, cw):
                out.add(id(w))
                continue
            if w.box.y0 >= top - PEN_ABOVE * high:
                continue
            grey = regions.grey_master(prepared) if grey is None else grey
            crop = regions.cut(prepared, w.box.x0, w.box.y0, w.box.x1, top + high, source=grey)
            if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
                continue
            _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
            scale = crop.shape[0] / max(1.0, top + high - w.box.y0)
            rows = int((top - PEN_ABOVE * high - w.box.y0) * scale)
            cols = np.flatnonzero(ink[: max(0, rows)].any(axis=0))
            if len(cols) and cols[-1] < PEN_SIDE * crop.shape[1]:
                out.add(id(w))
    return frozenset(out)


# a bitonal crop is softened by a Gaussian this share of its height wide (sigma; 2 px for a 300 dpi number's
# crop of 105 px): Tesseract reads the hard edges of a bitonal scan's pen digits as nothing
SOFT_SHARE = 0.02
# a crop (``clean_crop``'s: paper white, the darkest ink black) this share of whose ink pixels are pure black
# is a bitonal scan's (0.68 on seed 141 dev 013's; a grey scan's or a photo's 0.08-0.24: its ink's soft edges)
BITONAL_SHARE = 0.5


def _bitonal(crop: np.ndarray) -> bool:
    """Whether a blank's crop (``clean_crop``'s) is a bitonal scan's (``BITONAL_SHARE``)."""
    ink = crop[crop < 255]
    return ink.size > 0 and float((ink == 0).mean()) >= BITONAL_SHARE


def _softened(
    blanks: list[Blank],
    crops: list[list[np.ndarray]],
    votes: list[list[list[tuple[str, float]]]],
    timeout: float,
) -> None:
    """The crops of the blanks read as nothing sure (no reading at ``MIN_VOTE_CONF``) that are bitonal (a
    bitonal scan: ink and paper only) put in place softened (``SOFT_SHARE``), and their readings with them
    (in place): a pen's "78" on a bitonal 300 dpi scan, read "7" at 0 twice as cut, is read "78" at 70-93
    once its edges are soft (seed 141 dev 013). Two more small Tesseract runs, only then."""
    at = [
        k
        for k, (b, cs) in enumerate(zip(blanks, crops, strict=True))
        if b.kind != Kind.TAXCODE
        and cs
        and all(_bitonal(c) for c in cs)
        and not any(c >= MIN_VOTE_CONF for v in votes[k] for _, c in v)
    ]
    if not at:
        return
    soft = [[cv2.GaussianBlur(c, (0, 0), max(1.0, SOFT_SHARE * c.shape[0])) for c in crops[k]] for k in at]
    for k, cs, v in zip(at, soft, _votes_by_blank(soft, timeout), strict=True):
        crops[k], votes[k] = cs, v


# a white run between two marks of a blank's crop wider than this share of the ink's height is narrowed to it
# (``gaps_closed``): digits written apart ("18  74") are read by Tesseract's digits-only model as one word at
# confidence 0 (with no space in its whitelist, the space it sees is no character it may give); narrowed, the
# same marks read at 94-96. A printed digit's gap to the next is about a tenth of its height
GAP_KEPT = 0.15


def gaps_closed(crop: np.ndarray) -> np.ndarray:
    """``crop`` with each white run (columns with no ink) between its first and last ink column that is wider
    than ``GAP_KEPT`` of its ink's height cut to that width; the crop itself where there is none."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return crop
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.asarray(ink.any(axis=0), dtype=bool)
    xs = np.flatnonzero(cols)
    if len(xs) < 2:
        return crop
    kept = max(2, round(GAP_KEPT * (int(rows[-1]) - int(rows[0]) + 1)))
    keep = np.ones(crop.shape[1], dtype=bool)
    # the white runs between ink columns: where a column's ink state changes, from ink to none and back
    inner = cols[xs[0] : xs[-1] + 1]
    edges = np.flatnonzero(np.diff(inner.astype(np.int8))) + 1 + xs[0]
    for start, end in zip(edges[::2], edges[1::2], strict=False):
        if end - start > kept:
            keep[start + kept : end] = False
    return crop if keep.all() else np.ascontiguousarray(crop[:, keep])


def _gaps_closed(
    blanks: list[Blank],
    crops: list[list[np.ndarray]],
    votes: list[list[list[tuple[str, float]]]],
    timeout: float,
) -> None:
    """The crops of the blanks read as nothing sure (no reading at ``MIN_VOTE_CONF``) whose marks stand
    wider apart than ``GAP_KEPT`` put in place with those gaps narrowed (``gaps_closed``), and their readings
    with them (in place), the blanks marked ``closed`` (in doubt): a pen's "1874" written "18  74" was read
    "1874" twelve times, every time at 0, and lost to "…" (w685 dev 006). Two more small Tesseract runs,
    only then."""
    at = []
    for k, (b, cs) in enumerate(zip(blanks, crops, strict=True)):
        if b.kind == Kind.TAXCODE or not cs or any(c >= MIN_VOTE_CONF for v in votes[k] for _, c in v):
            continue
        closed = [gaps_closed(c) for c in cs]
        if any(n is not c for n, c in zip(closed, cs, strict=True)):
            at.append((k, closed))
    if not at:
        return
    try:
        read = _votes_by_blank([cs for _, cs in at], timeout)
    except ToolFailed:  # the readings already made stand: a slow page loses only this pass
        return
    for (k, cs), v in zip(at, read, strict=True):
        crops[k], votes[k] = cs, v
        blanks[k] = replace(blanks[k], closed=True)


# how far beyond each side of a day's or month's region a pen's mark cut by it is looked for (its height's)
SIDE_REACH = 1.5
# ... a mark at least this tall for the printed line's height: a pen's digit (printed letters, accents and
# descenders apart, are shorter than their words' boxes; a pen's digits stand taller: 1.3 times)
SIDE_MARK_TALL = 0.9


def cut_at_side(prepared: Prepared, blank: Blank, grey: np.ndarray, text: str) -> bool:
    """Whether a day or month read as one digit (``text``) has a pen's mark (``SIDE_MARK_TALL``) reaching
    past a side of its region (seen in the region widened by ``SIDE_REACH``), cut through by it or beyond
    it: a digit written partly or wholly past the blank's reckoned edge ("11" whose second "1" runs into
    where "tháng" or "năm" begins) is cut from the crop, and the one left was read "1" at 92-95, the month
    taken as January at 0.82 (review of days55). Printed letters are shorter than their line's words."""
    if len(text.strip()) != 1 or blank.kind not in _DATED:
        return False
    box = blank.box
    h = box.y1 - box.y0
    wide = replace(box, x0=max(0.0, box.x0 - SIDE_REACH * h), x1=box.x1 + SIDE_REACH * h)
    found = _band_marks(_crop(prepared, wide, source=grey), band_rows(wide), ceiling=True)
    if found is None:
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(found[2].astype(np.uint8), connectivity=8)
    # the region's sides as ``_crop`` cuts it, in the wide crop's columns
    sides = (box.x0 + 2 - max(0.0, wide.x0 + 2), box.x1 - 2 - max(0.0, wide.x0 + 2))
    for i in range(1, n):
        x, w, tall = (int(stats[i, k]) for k in (cv2.CC_STAT_LEFT, cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
        if tall >= SIDE_MARK_TALL * h and (x < sides[0] or x + w - 1 > sides[1]):
            return True
    return False


# a pen's day or month stood upright (``upright``): its columns shifted right by this share of their height
# above the crop's foot (the pen's slant undone), then widened by ``UPRIGHT_WIDEN``. A generated pen's "26"
# leans right with its "6" run into the "2"'s foot, its "12" run together: Tesseract's print models read
# "5", "4", "6", "2" or nothing (at 0-59) and the marks (connected ink) cut the digits wrong; stood upright
# and widened the same "26" reads "26" at 91-96 (k913 dev 006, 012)
UPRIGHT_SHEAR = 0.3
UPRIGHT_WIDEN = 1.3


def upright(crop: np.ndarray) -> np.ndarray:
    """``crop`` with its slant undone (``UPRIGHT_SHEAR``) and widened (``UPRIGHT_WIDEN``), on white."""
    h, w = crop.shape[:2]
    if h == 0 or w == 0:
        return crop
    m = np.array([[1.0, UPRIGHT_SHEAR, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32)
    stood = cv2.warpAffine(crop, m, (w + int(UPRIGHT_SHEAR * h) + 2, h), borderValue=255)
    return np.asarray(cv2.resize(stood, None, fx=UPRIGHT_WIDEN, fy=1.0, interpolation=cv2.INTER_CUBIC))


def _may_stand_upright(blank: Blank, cs: list[np.ndarray], each: list[list[tuple[str, float]]]) -> bool:
    """Whether a day's crops may be read again stood upright (``_uprighted``): none of its readings reaches
    ``CLEAR_CONF`` and its crops were not read again with their gaps narrowed. Not a month's: a pen's "11"
    run together stood upright reads "1", one mark (review of days55: 6 of 42 such months gave January, in
    doubt, where the date had been None)."""
    return (
        blank.kind == Kind.DAY
        and bool(cs)
        and not blank.closed
        and not any(c >= CLEAR_CONF for v in each for _, c in v)
    )


def _uprighted(
    blank: Blank, cs: list[np.ndarray], timeout: float, *, blurred: bool = False
) -> tuple[str, float] | None:
    """What a day's or month's crops stood upright (``upright``) give read again (``_decide`` on their
    readings), where its readings gave nothing and its first reading goes (the last resort of
    ``_second_pass``, after the pen's shapes): a pen's slanted digits run together. Taken in doubt by the
    caller (``Blank.uprighted``). One more small Tesseract run per reading model, only then; None when that
    fails or gives nothing."""
    stood = [upright(c) for c in cs]
    try:
        read = _votes_by_blank([stood], timeout)[0]
    except ToolFailed:  # the readings already made stand
        return None
    return _decide(blank, stood, read, blurred=blurred)[0]


# a sure number's ink pixels this share of which are coloured (``stamps.chroma`` over ``stamps.CHROMA``: a
# blue pen's 60-120 against black print's < 10; 0.96 on seed 137 alt 000's blue "651", 0 on its printed
# notation) are a pen's: a stamp's rim reaching into the number's region colours a few
PEN_SHARE = 0.5


def pen_ink(prepared: Prepared, box: Box) -> bool:
    """Whether the ink in a number's region (``box``, page frame) is mostly coloured: a number written with
    a coloured pen, on a colour scan (a grey one tells no pen from print)."""
    if prepared.master.ndim != 3 or prepared.master.shape[2] != 3:
        return False
    rgb = regions.cut(prepared, box.x0, box.y0, box.x1, box.y1, colour=True)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    if grey.size == 0 or int(grey.max()) - int(grey.min()) < 40:
        return False
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    on = ink > 0
    return bool(on.any()) and float((stamps.chroma(rgb)[on] > stamps.CHROMA).mean()) >= PEN_SHARE


def pen_checked(blank: Blank, found: tuple[str, float] | None) -> tuple[str, float] | None:
    """What a sure number written in coloured ink (``Blank.pen``), or whose ink touches a printed rule
    (``Blank.ruled``), becomes once its digits are read again
    (``found``: the value the readings agree on, None when they agree on none). The first reading is
    Tesseract's print model's, sure of a pen's digits it misreads as readily as any handwriting (a blue "651"
    read "621" at 91, kept sure: a wrong number that skipped review, seed 137 alt 000). Confirmed (the same
    digits), it stays as read (None: nothing replaces it). Read otherwise, the new value is taken, in doubt
    (``AGREED_MAX_CONF``): two readings disagree. Unconfirmed (no agreed value), the first reading stays,
    in doubt too: a handwritten number only the print reading gives is not sure."""
    if found is not None and found[0].lstrip("0") == blank.first.lstrip("0"):
        return None
    text, conf = found if found is not None else (blank.first, blank.first_conf)
    return text, min(conf, AGREED_MAX_CONF)


def _marks_alone(
    blanks: list[Blank],
    crops: list[list[np.ndarray]],
    votes: list[list[list[tuple[str, float]]]],
    timeout: float,
) -> list[list[list[tuple[str, float]]]]:
    """The readings of each mark read alone of the numbers that need it (``needs_marks``; none for the
    others): all of them on one sheet, a row each (two more small Tesseract runs, only then). A reading that
    fails (a timeout) leaves them unread."""
    wanted = [needs_marks(b, cs, v) for b, cs, v in zip(blanks, crops, votes, strict=True)]
    parts = [mark_crops(c) if c is not None else [] for c in wanted]
    flat = [m for p in parts for m in p]
    if not flat:
        return [[] for _ in blanks]
    try:
        read = _read_sheet(flat, timeout)
    except ToolFailed:
        return [[] for _ in blanks]
    out, k = [], 0
    for p in parts:
        out.append(read[k : k + len(p)])
        k += len(p)
    return out


def _votes_by_blank(crops: list[list[np.ndarray]], timeout: float) -> list[list[list[tuple[str, float]]]]:
    """``read_votes`` of each blank's crops (``crops``: a list of them for each blank; none read when all are
    empty)."""
    flat = read_votes([c for cs in crops for c in cs], timeout=timeout) if any(crops) else []
    votes, k = [], 0
    for cs in crops:
        votes.append(flat[k : k + len(cs)])
        k += len(cs)
    return votes


def first_surer(first: str, votes: list[tuple[str, float]]) -> tuple[str, float] | None:
    """The first reading's number where the readings again give it clearly (>= ``CLEAR_CONF``) twice or
    more, each surer than every reading of another value, though those are more (a printed "56" glued to
    its notation read at 43 for the notation's letters: "56" at 96-97 four times, "96" at 47-94 seven,
    the more taken, seed 811 corp 002): the page's reading and the surest agree, the count alone says
    otherwise; in doubt (``AGREED_MAX_CONF``). None where the first reading is no number so given, or is
    shorter than a rival (a pen's "1300" whose page reading caught only "13": a part, not a rival)."""
    if not first.isdigit():
        return None
    mine = [c for t, c in votes if t == first and c >= CLEAR_CONF]
    rivals = [(t, c) for t, c in votes if t.isdigit() and int(t) != int(first) and c >= MIN_VOTE_CONF]
    if any(len(t) > len(first) and c >= CLEAR_CONF for t, c in rivals):  # the first may be a part of it
        return None
    others = [c for _, c in rivals]
    if len(mine) < 2 or not others or min(mine) <= max(others):
        return None
    return first, AGREED_MAX_CONF


def _read_clearly(text: str, read: list[tuple[str, float]]) -> bool:
    """Whether a value its marks' shapes gave was read clearly too (>= ``CLEAR_CONF``), whole or, a value of
    ones, in part: a blurred month's two plain strokes taken "11" whose readings gave "1" at 89 and 92, two
    marks refusing them (seed 513 alt 000: its first reading's "17" made it July), is read again; a plain
    stroke no reading read clearly is its shape alone."""
    return any(
        c >= CLEAR_CONF
        and t
        and (t == text or (set(text) == {"1"} and set(t) == {"1"} and len(t) < len(text)))
        for t, c in read
    )


def _decide(
    blank: Blank,
    cs: list[np.ndarray],
    each: list[list[tuple[str, float]]],
    alone: list[list[tuple[str, float]]] | None = None,
    *,
    blurred: bool = False,
) -> tuple[tuple[str, float] | None, bool, bool]:
    """What a blank's readings (``each``: those of each of its crops ``cs``; ``alone``: those of its marks
    read one by one, ``needs_marks``) give: the value taken (None: none), whether the first reading is surely
    wrong (dropped even when no value is taken) and whether digits the first reading glued to a printed date
    word are kept as read (``kept_as_glued``). On a ``blurred`` photo a day or month its readings agree on
    is taken in doubt where nothing else gives one (``read_alike``)."""
    if blank.doubled and not (cs and all(len(_digit_marks(c)) == 1 for c in cs)):
        # one digit read twice (``Blank.doubled``) only where the box holds one written mark, every crop of
        # it: two marks are two digits written (a pen's "11", "22"), a re-reading a digit short lost one
        blank = replace(blank, doubled=False)
    if len(cs) == 2:
        cs, each = _same_marks(cs, each)
    read = [t for v in each for t in v]  # all the readings, the marks' shapes aside (``by_marks``)
    vs = []
    per_cut = []
    weak = False  # a value its marks' shapes alone gave, or read faint or short (``BLUR_UNREAD_CONF``)
    by_shape: set[str] = set()  # readings ``eights`` changed: the shape alone says "8"
    refused: set[str] = set()  # clear readings of a digit a mark the marks' shapes refuse
    for crop, v in zip(cs, each, strict=True):
        if blank.kind != Kind.TAXCODE:  # a "1" with a long lead-in stroke read "4", with a foot read "7"
            v = [(as_shaped(crop, t), c) for t, c in v]
            v8 = [(sevens_for_ones(crop, eights(crop, t)), c) for t, c in v]
            by_shape.update(t8 for (t, _), (t8, _) in zip(v, v8, strict=True) if t8 != t)
            v = supported(crop, v8)
            if blank.kind == Kind.NUMBER:
                each_mark = len(_digit_marks(crop))
                refused.update(
                    t for t, c in v8 if c >= CLEAR_CONF and len(t) == each_mark and (t, c) not in v
                )
        vs.extend(v)
        per_cut.append({t for t, _ in v})
    if blank.unchecked:
        found = repaired_tax_code(vs, blank.first) or one_digit_repair(vs, blank.first)
    else:
        found = tax_consensus(vs) if blank.kind == Kind.TAXCODE else consensus(vs, blank.kind)
        if found is not None and blank.kind == Kind.NUMBER and found[0] != blank.first:
            found = first_surer(blank.first, vs) or found
    if found is None and blank.kind != Kind.TAXCODE and cs:
        found = agreed(vs, blank.kind, blank.first, len(_digit_marks(cs[0])))
        if found is None:
            found = shape_agreed(vs, blank.kind, cs[0])
            weak = found is not None
        if found is None and alone:
            found = by_marks(read, alone, blank.kind, cs[0])
        if found is None and alone and blank.kind == Kind.NUMBER:
            found = by_marks_split(read, alone, blank.kind, cs[0])
        if found is None and alone and blank.kind == Kind.NUMBER:
            found = by_marks_grouped(read, alone, blank.kind, cs[0])
            if found is not None and blank.first.isdigit() and blank.first != found[0]:
                found = None  # a first reading of clean digits it disagrees with stays as read (in doubt)
        if found is None and blank.kind == Kind.NUMBER and alone is not None:
            # last, once the marks read one by one had their say (``needs_marks`` asks without them: a value
            # taken here would leave them unread; "2545" by its marks, seed 877 dev 011)
            found = most_clear(vs, blank.first if blurred and blank.first_conf >= FIRST_CLEAR_CONF else "")
            if (
                found is not None
                and (blank.pen or blank.ruled)
                and found[0].lstrip("0") == blank.first.lstrip("0")
            ):
                # the value of most clear readings, others disagreeing, is no confirmation of a pen's sure
                # first reading (``pen_checked``: a blue "651" read "621" at 91, re-read "621" three times and
                # "651" twice, stays sure and wrong): none taken, the first reading stays, in doubt
                found = None
        if found is None and alone and blank.kind in (Kind.DAY, Kind.MONTH):
            found = by_marks_voted(vs, alone, blank.kind, cs[0])
        if found is None and alone and blank.kind == Kind.MONTH:
            found = month_of_two(read, alone, cs[0]) or month_led_by_one(read, alone, cs[0])
        if found is None and blurred and blank.kind in _DATED:
            found = read_alike(read, blank.kind, len(_digit_marks(cs[0])))
            weak = found is not None and found[1] <= BLUR_UNREAD_CONF
    if found and blank.kind != Kind.TAXCODE and not long_in_every_cut(found[0], per_cut):
        found = None  # one cut never reads so many digits: one the other made of the "/" ("28117/")
    elif found is None and blank.kind != Kind.TAXCODE and cs and not any(c >= MIN_VOTE_CONF for _, c in vs):
        # nothing read: written ones, by their shape
        found = _plain_ones(cs[0], blank.kind, vs) or _ones_read_first(blank, cs[0])
        weak = found is not None and not _read_clearly(found[0], read)
    if found and found[0] in by_shape:  # a digit only its shape made "8" (or "7") is not sure: review
        found = (found[0], min(found[1], SHAPE_CONF))
        weak = not _read_clearly(found[0], read)
    if found and refused - {found[0]}:
        # a number other clear readings give, a digit for each mark, that only the marks' shapes refuse: the
        # readings disagree, the shapes decide, in doubt (a written "2282" whose "8" touches the organ's
        # underline read "2262" at 96 by one model, "2282" at 85-95 by the other: seed 121 dev 004)
        found = (found[0], min(found[1], AGREED_MAX_CONF))
    if found and blank.kind == Kind.NUMBER and contested(found[0], vs, once=blank.crossed):
        # another value read surely, a digit for each of the found's (a written "2237" whose "7"'s bar lay on
        # the organ's underline: "2230" at 73-93 six times, "2237" at 47-60 three, seed 445 alt 004, taken
        # at 0.63 and wrong): the readings disagree, in doubt
        found = (found[0], min(found[1], AGREED_MAX_CONF))
    if found and blank.kind == Kind.NUMBER and cs and open_zero(cs[0], found[0]):
        # a "0" read of a mark closing no loop (a written "387" whose "7" the organ's underline touched read
        # "380" at 76, seed 529 alt 010, sure and wrong): a written 0 is a ring; the reading and the shape
        # disagree, in doubt
        found = (found[0], min(found[1], AGREED_MAX_CONF))
    if found and _marks_beyond(blank, found[0]):
        found = (found[0], min(found[1], SHORT_DATE_CONF))
        weak = True
    agreed_on = found
    if found and blank.slash and len(found[0]) < sum(ch.isdigit() for ch in blank.first):
        found = None  # fewer digits than the first reading saw: the cut lost one
    elif found and blank.slash and len(found[0]) < _marks_seen(blank):
        # fewer digits than the first reading saw marks ("60" of "©ỮZ7/CT-STNMT", a written "607" whose "7"
        # the slash's cut took): the cut may have lost one, in doubt
        found = (found[0], min(found[1], SHORT_NUMBER_CONF))
    found = only_added(blank, found)
    marks = len(_digit_marks(cs[0])) if cs else 0
    sliver = slash_sliver(blank, cs[0], alone) if cs and alone else None
    if sliver is not None:
        # the last mark is what the slanted cut left of the printed "/": no digit of the number
        marks -= 1
        found = found or sliver
    if found is None and blank.lost and agreed_on is not None:
        found = read_otherwise(blank, agreed_on, marks)
    # digits glued to the printed word are kept as read only when the blank holds no more marks than them
    # ("2tháng" where "22" is written: the first "2" lost)
    glued_digits = kept_as_glued(blank, marks)
    # a number read with fewer digits than the blank holds marks ("7" of a written "1321", a sure "4" of
    # "482") is surely wrong: unread, it is dropped (the number goes to review) rather than kept; a sure
    # one only when the readings agree on nothing at all (agreeing on it as read, it stays)
    short = (
        blank.kind == Kind.NUMBER
        and bool(cs)
        and (agreed_on is None if blank.lost else blank.first_conf < PRINTED_CONF)
        and marks > sum(ch.isdigit() for ch in blank.first)
    ) or (blank.kind == Kind.NUMBER and bool(cs) and sliver is None and _contradicted(cs[0], blank))
    # a sure day or month beside handwriting a date word swallowed, read again to no agreement, with
    # more marks than its digits ("1" of a written "10" whose "0" went into "năm"): wrong, dropped
    short = short or (blank.swallowed and found is None and marks > sum(ch.isdigit() for ch in blank.first))
    if found and weak and blurred and blank.kind in _DATED:
        # on a blurred photo a day or month its shapes alone gave, read short or faint, is no value read again
        # and agreed (at 50): no surer than one kept as first read, it gives way to the date the header's
        # readings agree on (``blurred._unread_digits``; a wrong day "27" at ``SHAPE_CONF`` had stood)
        found = (found[0], min(found[1], BLUR_UNREAD_CONF))
    return found, short, glued_digits


# the printed "/" left in a glued number's crop by its slanted cut (``_cuts``) is a sliver of it: at least
# about half as high as the crop's tallest mark (the cut's slant off the font's may leave only the slash's
# upper half: a printed "1143/" on a low-light photo, 12 px of the digits' 24, wide601 dev 000: the number
# dropped as short; it was 0.85), narrow, and leaning right as the slash does (its top's ink right of its
# foot's)
SLIVER_MIN_H, SLIVER_MAX_W, SLIVER_LEAN = 0.45, 0.6, 0.2


def _sliver_shaped(mark: np.ndarray, tall: int) -> bool:
    """Whether a mark (its mask) is a sliver of the printed "/" (``SLIVER_MIN_H`` ...)."""
    h, w = mark.shape
    if h < SLIVER_MIN_H * tall or w > SLIVER_MAX_W * h:
        return False
    third = max(1, h // 3)
    top, foot = np.nonzero(mark[:third])[1], np.nonzero(mark[-third:])[1]
    return len(top) > 0 and len(foot) > 0 and float(top.mean() - foot.mean()) >= SLIVER_LEAN * h


def slash_sliver(
    blank: Blank, crop: np.ndarray, alone: list[list[tuple[str, float]]]
) -> tuple[str, float] | None:
    """The number of a glued blank (``Blank.slash``: read glued to its printed notation) whose crop's last
    mark is a sliver of the printed "/" its slanted cut left (``_sliver_shaped``), read alone as nothing,
    while every other mark read alone gives one digit (its sure readings, >= ``MIN_VOTE_CONF``, two at
    least, all alike, one clear) and those digits are the first reading's: that number, in doubt (at most
    ``AGREED_MAX_CONF``). A printed "524/TTr-CVT" on a low-light photo read "524" at 24, its "/" found in no
    scan's band: cut along the reckoned slash, the crop held "524" and the slash's edge, four marks for
    three digits, and the number was dropped as surely short (seed 419 alt 003). None otherwise."""
    if blank.slash is None or blank.kind != Kind.NUMBER:
        return None
    marks = _digit_marks(crop)
    if len(marks) < 2 or len(alone) != len(marks):
        return None
    tall = max(m.shape[0] for m in marks)
    if not _sliver_shaped(marks[-1], tall) or any(c >= MIN_VOTE_CONF for _, c in alone[-1]):
        return None
    digits, confs = [], []
    for v in alone[:-1]:
        sure = [(t, c) for t, c in v if c >= MIN_VOTE_CONF]
        said = {t for t, _ in sure}
        if len(sure) < 2 or len(said) != 1 or max(c for _, c in sure) < CLEAR_CONF:
            return None
        (text,) = said
        if len(text) != 1 or not text.isdigit():
            return None
        digits.append(text)
        confs.append(max(c for _, c in sure))
    value = "".join(digits)
    if value != blank.first.strip(".,"):
        return None
    return value, min(AGREED_MAX_CONF, *confs)


def unconfirmed_number(blank: Blank, words: Sequence[Word]) -> bool:
    """A number blank first read as one word of digits less surely than print (< ``PRINTED_CONF``) that the
    readings again did not confirm: a pen's number read once ("525" read "528" at 81, seed 219) is kept as
    read but in doubt (at most ``AGREED_MAX_CONF``), not at its first reading's confidence. A number glued
    to its notation is left as read (its word holds the notation too)."""
    if blank.kind != Kind.NUMBER or blank.glued is not None or blank.first_conf >= PRINTED_CONF:
        return False
    if len(blank.drop) != 1 or not blank.first.isdigit():
        return False
    return words[blank.drop[0]].text.strip(".,") == blank.first


# a number glued to its notation read again with fewer digits than the first reading saw marks: at most this
# sure (review)
SHORT_NUMBER_CONF = 50.0
# a day or month read again with fewer digits than the first reading saw marks: at most this sure (review)
SHORT_DATE_CONF = 50.0


def _marks_seen(blank: Blank) -> int:
    """How many marks the first reading saw in a glued number's region: its letters and digits, and one more
    for a glued word's number part read as a sign alone ("£" of "£/GCN-UBND": the pen's last digit, a "7"
    whose bar the organ's underline took, seed 439 alt 006; the "2047" read "204" at 96 was kept sure)."""
    seen = sum(ch.isalnum() for ch in blank.first)
    part = blank.glued[1] if blank.glued is not None else ""
    sign = any(unicodedata.category(ch).startswith("S") for ch in part)
    if sign and not any(ch.isalnum() for ch in part):
        seen += 1
    return seen


# a day or month read as clean digits that no second reading read anything of: kept, in doubt
UNREAD_AGAIN_CONF = 55.0


def _unread_again(
    blank: Blank, each: Sequence[Sequence[tuple[str, float]]], others: Sequence[Sequence[tuple[str, float]]]
) -> bool:
    """Whether ``blank`` is a day or month first read as clean digits that may be one ("12" at 78 on a
    blurred photo), that no crop as cut read anything from (``each``: each read empty), and that the other
    readings (``others``: of the crops with the photo's streak undone, of its marks alone) give: it among
    their clear readings, each of them it or a part of it ("12", "2" of "12"); read nowhere again, a pen's
    "8" first read "9" at 74 is no month to keep. So confirmed, "…" would lose a printed date (seed 139 alt
    005: issued_date and valid_from lost to a printed "12" on a page with no handwriting). Kept in doubt: a
    pen's day may have been read short ("2" of "28")."""
    first = blank.first.strip()
    if not (
        blank.kind in (Kind.DAY, Kind.MONTH)
        and not blank.lost
        and 1 <= len(first) <= 2
        and first.isascii()
        and first.isdigit()
        and _may_be(first, blank.kind)
        and not any(each)
    ):
        return False
    clear = [t.strip() for v in others for t, c in v if c >= CLEAR_CONF]
    return first in clear and all(t in first for t in clear)


# a blurred photo's day or month first read as clean digits that no second reading reads otherwise: kept, in
# doubt, under the 50 a value read again and agreed in doubt may get (``UNANIMOUS_CONF``, ``SHORT_DATE_CONF``,
# ``month_of_two``): ``blurred._unread_digits`` takes a digit this sure or less for one unread, to give way to
# the date its readings agree on, and a digit read again ("11" at 50 of a blurred month whose readings
# agreed on it by its marks, seed 513 alt 000) for one read (two of eight readings' "7" made it July)
BLUR_UNREAD_CONF = 49.0
# ... only a first reading less sure than this: a sure one is kept as read (``_second_pass``), not lowered
BLUR_SURE = 85.0


def _blur_unread(
    blank: Blank, readings: Sequence[Sequence[tuple[str, float]]], *, glued_digits: bool = False
) -> bool:
    """Whether ``blank``, on a blurred photo, is a day or month first read as clean digits that may be one,
    unsure (under ``BLUR_SURE``), and that none of the second ``readings`` (its crops as cut, deconvolved,
    its marks alone) reads clearly (``CLEAR_CONF``) as another value: the crops of a blurred printed digit
    are read as nothing at all (an italic "8" of "tháng 8" on a shaken photo, read "8" at 52 by the page's
    reading and empty by every crop: "…" lost a printed date). The first reading is kept in doubt
    (``BLUR_UNREAD_CONF``), for review: a pen's digit read wrong stays no surer than none.

    Only an unread blank, not one its marks say is wrong: digits glued to a printed word (no word of their
    own) only when they are kept as glued (``glued_digits``: "2tháng" where "22" is written has a mark more
    and is dropped); none beside a date word that swallowed handwriting (``swallowed``), none touching a rule
    (``ruled``), none with a digit lost (``lost``) or a pen's (``pen``)."""
    first = blank.first.strip()
    if not (
        blank.kind in (Kind.DAY, Kind.MONTH)
        and (glued_digits or bool(blank.drop))
        and blank.first_conf < BLUR_SURE
        and not blank.lost
        and not blank.pen
        and not blank.swallowed
        and not blank.ruled
        and 1 <= len(first) <= 2
        and first.isascii()
        and first.isdigit()
        and _may_be(first, blank.kind)
    ):
        return False
    clear = {t.strip().lstrip("0") for v in readings for t, c in v if c >= CLEAR_CONF}
    return clear <= {first.lstrip("0")}


def _marks_beyond(blank: Blank, text: str) -> bool:
    """Whether a day's or month's new reading has fewer digits than the first reading saw marks there, one
    of them glued to a printed word ("tháng Í Ÿnăm" read "1" where "12" is written: the "2" stands close to
    "năm", its blurred stroke broken into specks the crop drops)."""
    if blank.kind not in (Kind.DAY, Kind.MONTH) or not blank.glue:
        return False
    seen = sum(ch.isalnum() for ch in blank.first) + sum(ch.isalnum() for ch in blank.glue)
    return len(text) < seen


def long_in_every_cut(text: str, per_cut: list[set[str]]) -> bool:
    """Whether each cut of a blank (``per_cut``: its readings, those its marks allow) has a reading as long
    as ``text`` (a cut whose readings the marks all refused has no say): a value only the cut nearer the
    printed "/" reads that long ("28117" of a blurred "2811/", the slash's top read as a "7"; the other cut
    "2811" at most) has a digit made of the slash."""
    return all(any(len(t) >= len(text) for t in read) for read in per_cut if read)


def kept_as_glued(blank: Blank, marks: int) -> bool:
    """Whether the digits the first reading glued to a printed date word ("26tháng", no word of their own)
    are kept as read when the second reading gives nothing: only when the blank holds no more digit marks
    (``marks``) than they have digits ("2tháng" where "22" is written lost a digit)."""
    return not blank.drop and blank.first.isdigit() and marks <= len(blank.first)


def _same_marks(
    cs: list[np.ndarray], each: list[list[tuple[str, float]]]
) -> tuple[list[np.ndarray], list[list[tuple[str, float]]]]:
    """The cuts of a number glued to its printed "/" that are read (``_cuts``: two, at two distances from the
    slash). Both when they see as many marks; when they do not, a digit under the slash that one cut loses
    ("639/" read "63") and the other cuts in two ("635") makes no reading sure: none, unless no reading of
    the cut with more marks has more digits than the other has marks. Then its extra mark is read as no
    digit at all (a piece of the slash or the notation): the cut with fewer marks alone, read no longer
    than its marks. Its own readings longer than that (a "5"'s flag read as a digit of its own, "10252" of
    "1025") are left out when they are few; as many as its others or more, they say a digit its marks lost
    (to the slash) may be there, and no reading is sure: none (a number of more digits than its marks is
    never taken from them, the number goes to review). None either where the cut with fewer marks went
    through a digit (``_clipped``)."""
    counts = [len(_digit_marks(c)) for c in cs]
    if counts[0] == counts[1]:
        return cs, each
    fewer = min(range(len(cs)), key=lambda k: counts[k])
    if any(len(t) > counts[fewer] for k, v in enumerate(each) if k != fewer for t, _ in v):
        return [], []
    if _clipped(cs[fewer], cs[1 - fewer]):
        return [], []  # its cut went through a digit ("573/" cut through its "3", read "572" at 92)
    sure = [t for t, c in each[fewer] if c >= MIN_VOTE_CONF]
    if 2 * sum(len(t) > counts[fewer] for t in sure) >= len(sure) > 0:
        return [], []
    return [cs[fewer]], [[(t, c) for t, c in each[fewer] if len(t) <= counts[fewer]]]


# a mark of the cut further from the slash with less than this share of the ink the other cut has at its
# place lost part of a digit to the cut
CLIPPED_INK = 0.8


def _clipped(fewer: np.ndarray, other: np.ndarray) -> bool:
    """Whether the cut of a glued number that sees fewer marks (``fewer``, further from the slash) cut through
    a digit: one of its marks has much less ink (``CLIPPED_INK``) than the mark the other cut (``other``,
    the same region cut nearer the slash) has where it stands. A printed "573/" whose "/" was reckoned left
    of its place: the far cut took the "3"'s lower half away, read "572" at 92, while the near cut saw the
    whole "3" and a piece of the slash (seed 183 dev 009, sure-wrong)."""
    near = _placed_marks(other)
    for x, _, mask in _placed_marks(fewer):
        right = x + mask.shape[1]
        over = [int(m.sum()) for xo, _, m in near if xo < right and x < xo + m.shape[1]]
        if len(over) == 1 and mask.sum() < CLIPPED_INK * over[0]:
            return True
    return False


def _contradicted(crop: np.ndarray, blank: Blank) -> bool:
    """Whether the first reading of a doubtful number, digits only, is one the crop's marks do not allow
    (``supported``: "56" where the first mark closes a loop, a written "96"): kept, it would be a number read
    wrong; dropped, the document goes to review."""
    digits = re.sub(r"\s", "", blank.first)
    return (
        blank.first_conf < PRINTED_CONF
        and digits.isdigit()
        and not blank.lost
        and not supported(crop, [(digits, 100.0)])
    )


def _repairs(first: str, new: str) -> bool:
    """True when ``new`` (a tax code read again, digits only) checks and differs from ``first`` (a clean code
    whose check digit fails) in at most ``MAX_TAX_REPAIRS`` of its ten digits, its branch suffix kept."""
    a, b = re.sub(r"\D", "", first), new
    return (
        len(a) == len(b)
        and tax_code_valid(b[:10])
        and a[10:] == b[10:]
        and sum(x != y for x, y in zip(a[:10], b[:10], strict=True)) <= MAX_TAX_REPAIRS
    )


def _line_block(page: RecognizedPage, line: int) -> int:
    return next((w.block for w in page.words if w.line == line), 0)


def _fix_glued(words: list[Word], new: list[Word], dates: list[Blank]) -> list[Word]:
    """Words the new readings overlap are cut back: "ngày06" keeps "ngày", "72#QĐ-TTg" keeps "/QĐ-TTg"; the
    word taken for "tháng" between the day's and month's blanks (``dates``) is given back as "tháng"."""
    date_lines = {b.line for b in dates}
    kinds = {(b.line, b.box): b.kind for b in dates}
    # the printed "tháng"'s edges: where the day's blank ends and the month's starts (inside its word)
    thang_edges = [(b.line, b.box.x1 if b.kind == Kind.DAY else b.box.x0) for b in dates]
    out = []
    for w in words:
        letters = re.sub(r"\W", "", fold(w.text))
        misread = letters == "hang" or (letters != "thang" and _TH_WORD.fullmatch(letters) is not None)
        # that word only: a place on the line ("Trảng Bàng, ngày", "Nha Trang, ngày") is no "tiếng"
        thang = any(line == w.line and w.box.x0 <= x <= w.box.x1 for line, x in thang_edges)
        if misread and thang:
            w = replace(w, text="tháng")  # "háng" or "tiếng" between the blanks
        hit = next((n for n in new if n.line == w.line and w.box.x0 < n.box.x1 and n.box.x0 < w.box.x1), None)
        if hit is None:
            out.append(w)
            continue
        f = fold(w.text)
        if ":" in w.text and hit.box.x0 > w.box.x0:  # "thuế:|8523…": the label kept, the cells re-read
            out.append(replace(w, text=w.text[: w.text.index(":") + 1], box=replace(w.box, x1=hit.box.x0)))
        elif w.line in date_lines and (key := date_key(f)) is not None:
            # "tháng“12" keeps "tháng", "^Ổtháng" and "Ïnăm" their printed word: cut where the blanks are
            x0, x1 = w.box.x0, w.box.x1
            for n in new:
                if n.line == w.line and n.box.x0 < w.box.x1 and w.box.x0 < n.box.x1:
                    if _left_of_key(n, w, key, kinds):
                        x0 = max(x0, n.box.x1)
                    else:
                        x1 = min(x1, n.box.x0)
            text = w.text[: len(key)] if f.startswith(key) else _DATE_KEYS[key][0]
            year = _GLUED_YEAR.search(f) if key == "nam" else None
            if year is not None and len(year.group(1)) < len(w.text):
                # "Í2năm2021": the printed year glued after "năm" is kept, a word of its own (cut back to
                # "năm", the date lost its year, seed 489 alt 013 on a blurred photo)
                at = w.box.x1 - (w.box.x1 - w.box.x0) * len(year.group(1)) / len(w.text)
                x1 = min(x1, at)
            out.append(replace(w, text=text, box=replace(w.box, x0=min(x0, x1 - 1), x1=x1)))
            if year is not None and len(year.group(1)) < len(w.text):
                # the year's digits keep the garbled word's confidence only when it was read as print: one
                # misread in a word read unsure ("Í2năm2023" at 76 of a printed 2024) gives no sure date
                # (REVIEW-41d H1), as the "năm" and "tháng" put back are capped
                conf = w.conf if w.conf >= PRINTED_CONF else min(w.conf, AGREED_MAX_CONF)
                out.append(replace(w, text=year.group(1), conf=conf, box=replace(w.box, x0=x1)))
        else:
            tail = notation_tail(w.text) or _loose_glued(w.text)  # "5/op-svr" keeps "/op-svr"
            if tail:
                out.append(replace(w, text="/" + tail.text, box=replace(w.box, x0=max(w.box.x0, hit.box.x1))))
            elif garbled_notation(w) and 0 < w.text.find("/") <= 2:  # "Ï/sxp.QLxp" keeps "/sxp.QLxp"
                text = w.text[w.text.find("/") :]
                out.append(replace(w, text=text, box=replace(w.box, x0=max(w.box.x0, hit.box.x1))))
            elif w.box.x0 < hit.box.x0 or w.box.x1 > hit.box.x1:
                out.append(w)
    return out


# a printed year glued after a date line's "năm" (folded): "ïnăm2021", "năm2021."
_GLUED_YEAR = re.compile(r"nam[.,]?((?:19|20)\d\d[.,;]?)$")


def _left_of_key(n: Word, w: Word, key: str, kinds: dict[tuple[int, Box], Kind]) -> bool:
    """Whether the new reading ``n`` (a blank's) stands before the date word ``w`` (``key``) it overlaps: the
    day before "tháng" and the month after it, both after "ngày" and before "năm", whatever the boxes say (a
    "tháng" boxed over the month and the year, "5 năm 2024", put the month's middle left of its own and the
    month before "tháng": the date lost); by the middles for a reading of no date blank."""
    kind = kinds.get((n.line, n.box))
    if key == "ngay" and kind is not None:
        return False
    if key == "nam" and kind is not None:
        return True
    if key == "thang" and kind in (Kind.DAY, Kind.MONTH):
        return kind == Kind.DAY
    return (n.box.x0 + n.box.x1) / 2 < (w.box.x0 + w.box.x1) / 2


def _slash_restored(words: list[Word], numbers: list[Blank]) -> list[Word]:
    """The garbled notation that ends a number's blank read again (``garbled_notation``: "số: 89 mCxvP", its
    "/" blurred into the letters or read as a bracket) given its "/" back: the blank's region ends where the
    notation starts, and Decree 30 prints it led by "/"; without it the number reader takes no number from
    the line. Its letters stay as read (the notation's own checks drop them as garbled). So too an unsure
    notation whose "/" was read as a letter before a type's abbreviation (``_slash_as_letter``)."""
    ends = {(b.line, b.notation.x0) for b in numbers if b.kind == Kind.NUMBER and b.notation is not None}
    return [
        replace(w, text="/" + w.text.lstrip("/])(|"))  # "]/qp.qLp": the bracket before it a blurred "/" too
        if (w.line, w.box.x0) in ends and garbled_notation(w, unworded=True)
        else replace(w, text="/" + w.text[1:])
        if (w.line, w.box.x0) in ends and w.conf < PRINTED_CONF and _slash_as_letter(w.text)
        else w
        for w in words
    ]


# what a printed "/" before the notation's capitals is read as, no "/" ("JCT-CVT" for "/CT-CVT": a grey 200
# dpi scan's thin slash, its foot curled by the scan into a "J"'s hook)
_SLASH_LETTERS = frozenset("Jj|])(\\")


def _slash_as_letter(text: str) -> bool:
    """Whether a notation word that ends a number's blank leads with its "/" read as a letter or a bracket
    (``_SLASH_LETTERS``) before a type's abbreviation ("JCT-CVT"): a notation opens with its type (Decree 30),
    and the number's extractor, finding capitals before a type's glued to the number ("340 JCT-CVT"), took
    them for the number's misread last digits and dropped the number."""
    if len(text) < 4 or text[0] not in _SLASH_LETTERS:
        return False
    tail = notation_tail(text[1:])
    return tail is not None and tail.start == 0 and tail.text.split("-", 1)[0] in NOTATION_TYPES


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the ink runs of one row of a mask (gaps of two pixels or less bridged)."""
    xs = np.flatnonzero(row)
    if not len(xs):
        return []
    cuts = np.flatnonzero(np.diff(xs) > 3)
    starts = [xs[0], *xs[cuts + 1]]
    ends = [*xs[cuts], xs[-1]]
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def lead_in_one(mask: np.ndarray) -> bool:
    """True when a handwritten digit's ink (one connected mark) is a "1" with a long lead-in stroke, which
    both Tesseract models read as "4": a stroke left of the stem that ends in the air, down-left of where it
    leaves the stem. A "4" closes its triangle with a bar running from that stroke's foot across to the stem
    (one long run of ink in a row there); a "1" has only the stem below the lead-in's foot."""
    h, w = mask.shape
    if h < 12 or w < 6:
        return False
    rows = [_runs(mask[r]) for r in range(h)]
    split = [r for r in range(int(0.2 * h), int(0.9 * h)) if len(rows[r]) >= 2]
    if len(split) < max(3, 0.1 * h):
        return False  # no separate stroke left of the stem: a plain "1" or something else
    foot = max(split)
    stem = rows[foot][-1]
    # the stem's own width, from the rows below the foot where it stands alone (at the foot a blurred "4"'s
    # bar, just below, widens it: "..#####...###########..")
    alone = [rw[0][1] - rw[0][0] + 1 for rw in rows[foot + 1 :] if len(rw) == 1]
    thick = min(stem[1] - stem[0] + 1, int(statistics.median(alone))) if alone else stem[1] - stem[0] + 1
    lo, hi = max(0, foot - int(0.12 * h)), min(h, foot + int(0.2 * h) + 1)
    # the bar of a "4": a run in that window from the left stroke over to the stem, much longer than a stroke
    if any(len(rw) == 1 and rw[0][1] - rw[0][0] + 1 >= max(2.2 * thick, 0.5 * w) for rw in rows[lo:hi]):
        return False
    # below the foot only the stem (nothing right of it either: a "4"'s bar crossing it)
    below = [rw for rw in rows[foot + 1 :] if rw]
    if len(below) < 0.15 * h:
        return False
    return all(len(rw) == 1 and rw[0][1] - rw[0][0] + 1 <= 2.0 * thick for rw in below)


# the rows of a digit's mark where its ink is the stroke's own width (shares of its height from the top):
# below a flag or a lead-in at its top, above a foot or a "4"'s bar at its bottom
STROKE_MIDDLE = (0.25, 0.8)
# a run of ink wider than this many stroke widths is more than the stroke: a flag, a bar, a foot
WIDE_RUN = 2.2
# a stroke wider than this share of its mark's height is a blot (a blurred "4" whose triangle filled in)
BLOT = 0.35
# a plain stroke is no wider than this share of its height ...
PLAIN_WIDTH = 0.7
# ... holds one run of ink in at least this share of its rows ...
PLAIN_ROWS = 0.8
# ... and no row (its two ends' rows aside) wider than this many stroke widths and a pixel
PLAIN_SPREAD = 1.8
# a foot is a run of ink in the mark's rows below this share of its height ...
FOOT_FROM = 0.85
# ... also wider than this share of the mark's width (a slanted stroke's end is no foot)
FOOT_SPAN = 0.45
# what the digits' shapes alone give (nothing read: written ones) is this sure, low: the document may go to
# review
SHAPE_CONF = 50.0


@dataclass(frozen=True)
class StrokeProfile:
    """A digit's mark (one connected piece of ink) measured row by row, top to bottom."""

    height: int
    width: int
    doubled: int  # rows holding two runs of ink or more (strokes side by side)
    widest: tuple[int, ...]  # each row's widest run of ink (0 for a row without ink)
    single: tuple[int, ...]  # the width of each row holding one run of ink
    middle: tuple[int, ...]  # ... of the rows in ``STROKE_MIDDLE``

    @property
    def thick(self) -> float:
        """The stroke's width: the median of ``middle`` (0 when it is empty)."""
        return statistics.median(self.middle) if self.middle else 0.0


def _stroke_profile(mask: np.ndarray) -> StrokeProfile:
    h, w = mask.shape
    rows = [_runs(mask[r]) for r in range(h)]
    top, bottom = int(STROKE_MIDDLE[0] * h), int(STROKE_MIDDLE[1] * h)
    return StrokeProfile(
        height=h,
        width=w,
        doubled=sum(len(rw) >= 2 for rw in rows),
        widest=tuple(max((b - a + 1 for a, b in rw), default=0) for rw in rows),
        single=tuple(rw[0][1] - rw[0][0] + 1 for rw in rows if len(rw) == 1),
        middle=tuple(rw[0][1] - rw[0][0] + 1 for rw in rows[top:bottom] if len(rw) == 1),
    )


def one_stroke(mask: np.ndarray) -> bool:
    """True when a digit's ink (one connected mark) is a single stroke that cannot be a "4", which both
    Tesseract models read from a slanted "1" with a foot ("2071/" read "2074/"): a "4" has two strokes side
    by side somewhere (its open arm and stem), or closes its triangle in a loop, or crosses its stem with a
    bar in its lower middle. This mark has none: one run of ink in (nearly) every row, no hole, and runs
    much wider than its stroke only at its very top (a flag) or bottom (a foot)."""
    h, w = mask.shape
    if h < 12 or w < 3 or _has_loop(mask):
        return False
    p = _stroke_profile(mask)
    if p.doubled > max(1, 0.05 * h):
        return False  # two strokes side by side: an open "4"'s arm and stem
    if len(p.middle) < 0.4 * h:
        return False
    thick = p.thick
    if thick > BLOT * h:
        return False  # a blot, no stroke
    wide = [r for r, x in enumerate(p.widest) if x > WIDE_RUN * thick]
    # a bar across the stem below the middle is a "4"'s; a foot is the stroke's last rows
    return all(r < STROKE_MIDDLE[0] * h or r >= STROKE_MIDDLE[1] * h for r in wide)


def plain_stroke(mask: np.ndarray) -> bool:
    """True when a digit's ink (one connected mark) is one plain stroke, straight or slanted, no wider
    anywhere than its stroke (no flag, bar, foot or loop): a written "1" (Tesseract reads a pair of
    them, "11", as nothing at all)."""
    h, w = mask.shape
    if h < 12 or w > PLAIN_WIDTH * h or _has_loop(mask):
        return False
    p = _stroke_profile(mask)
    if p.doubled > 1 or len(p.single) < PLAIN_ROWS * h:
        return False
    thick = statistics.median(p.single)  # over all its rows: a plain stroke has no foot or flag
    return thick <= BLOT * h and all(x <= PLAIN_SPREAD * thick + 1 for x in p.single[2:-2])


def _plain_ones(
    crop: np.ndarray, kind: Kind, votes: Sequence[tuple[str, float]] = ()
) -> tuple[str, float] | None:
    """ "1" for each of the crop's marks when every one is a plain stroke (``plain_stroke``), as a possible
    value of its kind, and no reading (``votes``, however unsure) gives another digit (a blurred "3" read "3"
    at 24 alone, its blurred curve a plain stroke: "1" at 50 was a wrong month, seed 205 alt 013); its
    confidence stays low, ``SHAPE_CONF`` (the document may go to review)."""
    if any(ch != "1" for t, _ in votes for ch in t):
        return None
    marks = _digit_marks(crop)
    if not marks or len(marks) > (2 if kind in (Kind.DAY, Kind.MONTH) else 6):
        return None
    if not all(plain_stroke(m) for m in marks):
        return None
    text = "1" * len(marks)
    if kind == Kind.MONTH and int(text) > 12:
        return None
    return text, SHAPE_CONF


def _ones_read_first(blank: Blank, crop: np.ndarray) -> tuple[str, float] | None:
    """A day's or month's ones by their shape (``_plain_ones``) where unsure readings gave another digit too,
    when the page's first reading gave those ones (a thin italic "11" read "11" at 69 first, "17" at 0-18
    by the digit models: the month lost, seed 453 alt 003); as ``_plain_ones``'s, in doubt."""
    if blank.kind not in _DATED:
        return None
    ones = _plain_ones(crop, blank.kind)
    if ones is None or re.sub(r"\s", "", blank.first).translate(_AS_DIGITS) != ones[0]:
        return None
    return ones


# a blank's value its pen digits' shapes alone give (``pendigits``) is taken at this (in doubt: review) where
# neither Tesseract model reads it; each mark must be read a digit with at least ``PEN_SURE`` of the
# probability, the runner-up under ``PEN_RUNNER_UP``
PEN_CONF = 45.0
PEN_SURE = 0.8
PEN_RUNNER_UP = 0.15
PEN_WIDEST = 1.0  # a mark wider than this share of its height is no one digit
# a mark read "1" whose top stands right of its foot by more than this share of its height leans as a "/"
PEN_SLASH_LEAN = 0.22


def slash_lean(mark: np.ndarray) -> float:
    """How far a mark's ink in its top quarter stands right of its ink in its bottom quarter, as a share of
    its height (a printed "/" leans 0.27 and more, a written "1" upright or slanted as a hand writes it
    mostly less: one slanted further is refused, as the "/" is)."""
    h = int(mark.shape[0])
    q = max(1, h // 4)
    top = np.nonzero(mark[:q])[1].astype(np.float64)
    bottom = np.nonzero(mark[h - q :])[1].astype(np.float64)
    if top.size == 0 or bottom.size == 0:
        return 0.0
    lean: float = (float(np.mean(top)) - float(np.mean(bottom))) / max(1, h)
    return lean


def _pen_reads(crop: np.ndarray) -> list[tuple[np.ndarray, pendigits.MarkRead | None]] | None:
    """Each digit mark of a blank's cut with what its shape says (``pendigits.read_mark``), left to right;
    None where the cut's marks are no digits one by one (none, too many, or one wider than high: digits run
    together, "25" one mark read "8")."""
    if crop.ndim != 2 or min(crop.shape) < 4:
        return None
    marks = _digit_marks(crop)
    if not marks or len(marks) > MAX_ALONE_MARKS:
        return None
    if any(m.shape[1] > PEN_WIDEST * m.shape[0] for m in marks):
        return None
    return [(m, pendigits.read_mark(m)) for m in marks]


def _pen_clear(
    mark: np.ndarray, got: pendigits.MarkRead | None, read: str = "", *, led: bool = False
) -> bool:
    """Whether a mark's shape (``got``) reads it clearly a digit: at least ``PEN_SURE``, the runner-up under
    ``PEN_RUNNER_UP``, no "7" that may be a flagged "1" (``lead_in_one``, ``one_stroke``) unless Tesseract's
    reading of it (``read``) is "7" too (a crossed "7" at 120 dpi is one stroke to the shapes), no "1"
    leaning as a printed "/" (``slash_lean``) unless it leads a number's marks (``led``, ``leads_number``)."""
    if got is None or not got.digit or got.probability < PEN_SURE or got.runner_up >= PEN_RUNNER_UP:
        return False
    if got.digit == "7" and read != "7" and (lead_in_one(mark) or one_stroke(mark)):
        return False  # a "1" with a lead-in or a flag is a "7" to the shapes (a continental "1")
    # a printed "/" the cut took in
    return led or not (got.digit == "1" and slash_lean(mark) > PEN_SLASH_LEAN)


# a number's first mark taller than this times its other marks' middle height is no digit of theirs (a stray
# stroke, a stamp's arc, a flourish): it leads nothing (``leads_number``)
LEAD_TALLEST = 1.3


def leads_number(kind: Kind, marks: Sequence[np.ndarray], k: int) -> bool:
    """Whether the ``k``-th of a cut's digit ``marks`` leads a number's written digits: the first of two or
    more, no taller than ``LEAD_TALLEST`` times the others' middle height. The notation's printed "/" stands
    after the number, never before its first digit, so a "1" there leaning as the "/" does is the pen's (a
    script "1284" whose "1" leans 0.29, its "2", "8" and "4" clear to the shapes at 0.97-1.0, the "1"
    refused: the number unread, k915 dev 002)."""
    if kind != Kind.NUMBER or k != 0 or len(marks) < 2:
        return False
    return bool(marks[0].shape[0] <= LEAD_TALLEST * statistics.median(m.shape[0] for m in marks[1:]))


# where a "7" is kept only as Tesseract reads it too (``_pen_marks``), the cut's other marks count only read
# at this or more, the runner-up at this or less: a narrow back-slanted script "6" before a script "7" reads
# "0" or "5" to the shapes at 0.85-0.97 (runner-up 0.03-0.12) and a right "67" gave way (review); the real
# directive's crossed "07" at 120 dpi has its "0" read at 1.0 (0.98 bitonal, where the shapes need no lift)
LIFTED_SURE = 0.99
LIFTED_RUNNER_UP = 0.01


def _pen_marks(
    crop: np.ndarray, read: str = "", kind: Kind | None = None
) -> list[pendigits.MarkRead | None] | None:
    """What the shapes say of each digit mark of a blank's cut (``_pen_reads``): a mark's verdict where it
    reads clearly a digit (``_pen_clear``), None where not; None for the whole cut where its marks are no
    digits one by one. ``read``: the value Tesseract's readings gave, one digit a mark (``_pen_clear``);
    ``kind``: the blank's (``leads_number``)."""
    reads = _pen_reads(crop)
    if reads is None:
        return None
    said = read if len(read) == len(reads) else ""
    marks = [m for m, _ in reads]
    led = [kind is not None and leads_number(kind, marks, k) for k in range(len(reads))]
    clear = [
        _pen_clear(mark, got, said[k] if said else "", led=led[k]) for k, (mark, got) in enumerate(reads)
    ]
    lifted = [
        ok and not _pen_clear(mark, got, led=lead)
        for ok, lead, (mark, got) in zip(clear, led, reads, strict=True)
    ]
    if any(lifted):
        # a "7" kept only as the readings read it: the other marks contest them only read all but surely
        clear = [
            ok
            and (
                lift
                or (got is not None and got.probability >= LIFTED_SURE and got.runner_up <= LIFTED_RUNNER_UP)
            )
            for ok, lift, (_, got) in zip(clear, lifted, reads, strict=True)
        ]
    return [got if ok else None for ok, (_, got) in zip(clear, reads, strict=True)]


def by_pen_shapes(cs: Sequence[np.ndarray], kind: Kind, read: str = "") -> tuple[str, float] | None:
    """The value the marks of a blank's crops (``cs``: its cuts) give by their shapes alone, read by the pen
    digit classifier (``pendigits``: trained on real pen digits, which Tesseract's print models are not: a
    bold written "07" with a crossed 7 read "6", "82", "9" or nothing by both models at every scale, real
    directive 07/CT-UBND of Quảng Ngãi, 2018): taken at ``PEN_CONF`` (in doubt) only where every mark of a cut
    is read clearly a digit (``_pen_marks``; none wider than high: two digits run together), every cut with
    marks gives the same value, the value fits the blank's ``kind`` (``_may_be``) and is not ones alone (a
    printed "/" or the label's colon cut with the digits is one stroke too, and reads "1"). ``read``: the
    value Tesseract's readings gave (``_pen_marks``). None otherwise."""
    values = set()
    for crop in cs:
        if crop.ndim != 2 or min(crop.shape) < 4 or not _digit_marks(crop):
            continue
        reads = _pen_marks(crop, read, kind)
        if reads is None or any(r is None for r in reads):
            return None
        values.add("".join(r.digit for r in reads if r is not None))
    if len(values) != 1:
        return None
    value = values.pop()
    if set(value) == {"1"} or not _may_be(value, kind):
        return None
    return value, PEN_CONF


# a whole reading of a blank's crop joins its marks' shapes (``pen_fitted``) only when read at this or more (a
# reading at 0 is Tesseract's guess) ...
PEN_FIT_READ = 20.0
# ... and only against a mark the shapes read under this (a mark they read surer is not overruled; one reading
# overruled a "4" read at 0.94, review: the real directive's looped "2" is read "7" at 0.69-0.89)
PEN_FIT_MOST = 0.9


def no_date_part(blank: Blank) -> bool:
    """Whether a day's or month's blank was first read digits that are no day or month ("79")."""
    digits = "".join(ch for ch in blank.first if ch in "0123456789")  # (not ``isdigit``: "²" is one)
    return blank.kind in (Kind.DAY, Kind.MONTH) and bool(digits) and not _may_be(digits, blank.kind)


def _overruled(mark: np.ndarray, got: pendigits.MarkRead | None, digit: str, *, led: bool = False) -> bool:
    """Whether a reading's ``digit`` may stand for a ``mark`` whose shape says ``got`` (``pen_fitted``): the
    shapes read it a digit, the same one unclearly or another under ``PEN_FIT_MOST`` (a mark they read no
    digit, or a "1" leaning as a printed "/", is none: a "/" reads "1"; unless it leads a number's marks,
    ``led``: ``leads_number``, and the shapes read it "1" too: a leaning "4" the shapes read unclearly is no
    "1" a reading may make it)."""
    slashed = slash_lean(mark) > PEN_SLASH_LEAN and not (led and got is not None and got.digit == "1")
    if got is None or not got.digit or (digit == "1" and slashed):
        return False
    return got.digit == digit or got.probability < PEN_FIT_MOST


def pen_fitted(
    cs: Sequence[np.ndarray], kind: Kind, each: Sequence[Sequence[tuple[str, float]]]
) -> tuple[str, float] | None:
    """A blank's value where the shapes alone give none (``by_pen_shapes``), by them and Tesseract's whole
    readings of a cut together (``each``: each cut's readings, one digit a mark, the marks the shapes read
    clearly no digit at the cut's ends left out, ``_digit_reads``): a reading that fits the blank's ``kind``
    and that the shapes read clearly mark by mark (``_pen_clear``; a "7" a reading at ``PEN_FIT_READ`` or
    more reads too is kept), or, read at ``PEN_FIT_READ`` or more, on every mark but one the shapes read
    under ``PEN_FIT_MOST`` (``_overruled``): the real directive 07/CT-UBND's written day "20", its looped
    "2" a "7" to the shapes at 0.69-0.89, "70" no day, Tesseract reading "2" or "0" alone most times and
    "20" whole once, at 32-83; such readings must all read the overruled mark alike (a "1" the shapes read
    at 0.61, read "19", "29" and "79", gives none). There must be one value; ones alone are none (a "/"
    reads "1"). Taken at ``PEN_CONF`` (in doubt); None otherwise."""
    values: set[str] = set()  # values a reading gives that the shapes read clearly mark by mark
    one_off: set[str] = set()  # readings the shapes read so but for one mark, fitting the kind or not
    for crop, votes in zip(cs, each, strict=False):
        reads = _digit_reads(_pen_reads(crop), votes)
        if not reads:
            continue
        for text, conf in votes:
            if len(text) != len(reads) or not text.isdigit():
                continue
            led = [leads_number(kind, [m for m, _ in reads], k) for k in range(len(reads))]
            off = [
                k
                for k, (mark, got) in enumerate(reads)
                if got is None
                or got.digit != text[k]
                or not _pen_clear(mark, got, text[k] if conf >= PEN_FIT_READ else "", led=led[k])
            ]
            if not off and _may_be(text, kind):
                values.add(text)  # every mark read clearly so by its shape: the reading confirms their count
            elif (
                conf >= PEN_FIT_READ
                and len(off) == 1
                and _overruled(*reads[off[0]], text[off[0]], led=led[off[0]])
            ):
                one_off.add(text)
    if len(one_off) == 1 and _may_be(next(iter(one_off)), kind):
        # the readings agree on the mark the shapes are overruled on ("79", "19", "29" do not)
        values |= one_off
    if len(values) != 1:
        return None
    value = values.pop()
    return None if set(value) == {"1"} else (value, PEN_CONF)


def pen_value(
    cs: Sequence[np.ndarray], kind: Kind, each: Sequence[Sequence[tuple[str, float]]]
) -> tuple[str, float] | None:
    """A blank's value by its pen digits: the shapes' own (``by_pen_shapes``) first, where they give one that
    fits; only where they give none, they and a whole reading together (``pen_fitted``): one reading read at
    ``PEN_FIT_READ`` overrules no value the shapes give alone (a day "24", its "4" read at 0.83, read "21"
    at 30 once, review)."""
    return by_pen_shapes(cs, kind) or pen_fitted(cs, kind, each)


def _digit_reads(
    reads: list[tuple[np.ndarray, pendigits.MarkRead | None]] | None,
    votes: Sequence[tuple[str, float]] = (),
) -> list[tuple[np.ndarray, pendigits.MarkRead | None]] | None:
    """A cut's marks and their shapes' verdicts (``_pen_reads``) less those at either end the shapes read
    clearly no digit (``PEN_SURE``: a printed word's letter or the slash the cut took in beside the written
    digits), unless one of the cut's readings (``votes``) reads a digit for every mark, those included: a
    written digit the shapes do not know (a slashed "0" no digit to them at 0.84) is none to drop, or a
    partial reading ("2" of "20") would win (review). None where no mark is left."""
    if reads is None:
        return None
    if any(len(text) == len(reads) and all(ch in "0123456789" for ch in text) for text, _ in votes):
        return reads

    def printed(got: pendigits.MarkRead | None) -> bool:
        return got is not None and not got.digit and got.probability >= PEN_SURE

    lo, hi = 0, len(reads)
    while lo < hi and printed(reads[lo][1]):
        lo += 1
    while hi > lo and printed(reads[hi - 1][1]):
        hi -= 1
    return reads[lo:hi] or None


def pen_contested(found: tuple[str, float], pen: tuple[str, float] | None) -> tuple[str, float]:
    """A blank's value ``found`` by Tesseract's readings against what its pen digits' shapes clearly give
    (``by_pen_shapes``), as many digits: where they differ, a value read in doubt (``AGREED_MAX_CONF`` or
    under) gives way to the shapes' (a real directive's written "07" read "67" at 54 on a 120 dpi rescan, its
    shapes "0" and "7" at 1.0 each; on 257 generated pen blanks the shapes gave 188 values, none wrong), and a
    sure one is kept in doubt. Otherwise ``found``."""
    if pen is None or len(pen[0]) != len(found[0]) or pen[0].lstrip("0") == found[0].lstrip("0"):
        return found
    if all(a == b or {a, b} == {"1", "7"} for a, b in zip(pen[0], found[0], strict=True)):
        # "1" and "7" the shapes tell apart no better than the readings: a "1" with a flag and no foot (as
        # many write it) is a clear "7" to them, a "7" with a short bar and a long stem a clear "1" (review
        # of session 52): no contest
        return found
    if found[1] <= AGREED_MAX_CONF:
        return pen
    return found[0], AGREED_MAX_CONF


def _digit_marks(crop: np.ndarray) -> list[np.ndarray]:
    """The crop's digit-sized marks (connected ink at least half the crop's text height), left to right."""
    return [m for _, _, m in _placed_marks(crop)]


def _placed_marks(crop: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
    """``_digit_marks`` with where each stands in the crop: (left, top, mask), left to right."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return []
    tall = max(int(stats[i, cv2.CC_STAT_HEIGHT]) for i in range(1, n))
    marks = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if h >= 0.5 * tall and stats[i, cv2.CC_STAT_AREA] >= 15:
            marks.append((x, y, labels[y : y + h, x : x + w] == i))
    return sorted(marks, key=lambda t: t[0])


def mark_crops(crop: np.ndarray) -> list[np.ndarray]:
    """Each digit mark of a blank's crop (``_digit_marks``) cut alone, in its own grey (a pixel around it
    too: the pen's soft edge), on white with a margin of a third of its height."""
    out = []
    for x, y, mask in _placed_marks(crop):
        h, w = mask.shape
        near = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        one = np.where(near, crop[y : y + h, x : x + w], np.uint8(255)).astype(np.uint8)
        out.append(np.pad(one, max(6, h // 3), constant_values=255))
    return out


def ones_for_fours(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "4" that is a "1" with a lead-in stroke or a single stroke (by
    shape) made "1";
    unchanged unless the crop holds exactly one mark per digit."""
    if "4" not in text:
        return text
    marks = _digit_marks(crop)
    if len(marks) != len(text):
        return text
    return "".join(
        "1" if ch == "4" and (lead_in_one(m) or one_stroke(m)) else ch
        for ch, m in zip(text, marks, strict=True)
    )


def as_shaped(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "4" or "7" the marks' shapes say is a "1" made "1"
    (``ones_for_fours``, ``ones_for_sevens``)."""
    return ones_for_sevens(crop, ones_for_fours(crop, text))


def ones_for_sevens(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "7" that is a "1" with a flag and a foot (by shape) made "1": one
    stroke (``one_stroke``) standing on a foot along the line (``_has_foot``). Both models read such a "1" as
    "7" ("11" as "71"); a "7" ends in the air, and a "2", which stands on its base too, curls into two strokes
    side by side at its top. Unchanged unless the crop holds exactly one mark per digit."""
    if "7" not in text:
        return text
    marks = _digit_marks(crop)
    if len(marks) != len(text):
        return text
    return "".join(
        "1" if ch == "7" and one_stroke(m) and _has_foot(m) else ch for ch, m in zip(text, marks, strict=True)
    )


# a "7"'s bar: the ink of its top rows (``SEVEN_TOP`` of its height) spans at least ``SEVEN_BAR`` of its
# height across (a "1"'s flag, or a slanted stroke's top, spans under 0.4: the script's ones 0.18-0.39) ...
SEVEN_TOP = 0.15
SEVEN_BAR = 0.4
# ... and its stem ends at its left: the ink of its last rows centred within this share of its width from its
# left side (a "1" stands on its foot or its stem's end near the middle: 0.37-0.49; a "7" 0.10-0.16)
SEVEN_FOOT = 0.25
# ... and it is no wider than this share of its height (the script's sevens 0.57-0.87): a mark wider than tall
# is a written "1" joined to the end of the organ's underline at its top, the rule's piece its "bar" ("631"
# read clearly six times, made "637" at 0.50, seed 679 dev 012; "61" made "67", seed 909 alt 013)
SEVEN_MAX_WIDTH = 1.0


def seven_shape(mark: np.ndarray) -> bool:
    """True when a digit's mark (one connected mark, no loop) is a "7" by its shape: a bar across its top and
    a stem running down to its lower left (``SEVEN_BAR``, ``SEVEN_FOOT``), no foot along the line, no wider
    than tall (``SEVEN_MAX_WIDTH``)."""
    h, w = mark.shape
    if h < 12 or w < 6 or w > SEVEN_MAX_WIDTH * h or _has_loop(mark) or _has_foot(mark):
        return False
    top = mark[: max(2, int(SEVEN_TOP * h))]
    span = max(((xs[-1] - xs[0] + 1) for r in top if (xs := np.flatnonzero(r)).size), default=0)
    bottom = np.flatnonzero(mark[int((1 - SEVEN_TOP) * h) :].any(axis=0))
    return span >= SEVEN_BAR * h and bottom.size > 0 and float(bottom.mean()) <= SEVEN_FOOT * w


def mark_shaped(mark: np.ndarray, text: str) -> str:
    """One mark's reading ``text`` made the digit its shape says: a "4" or "7" that is a "1"
    (``ones_for_fours``, ``ones_for_sevens``), a "1" that is a "7" (``sevens_for_ones``); others as read."""
    if text == "4" and (lead_in_one(mark) or one_stroke(mark)):
        return "1"
    if text == "7" and one_stroke(mark) and _has_foot(mark):
        return "1"
    if text == "1" and seven_shape(mark):
        return "7"
    return text


def sevens_for_ones(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "1" whose mark has a seven's shape (``seven_shape``) made "7":
    the script's "7" (its bar short, its stem long and slanted) is read "1" ("149" at 60-81 for a written
    "749", seed 379 alt 004). Unchanged unless the crop holds exactly one mark per digit."""
    if "1" not in text:
        return text
    marks = _digit_marks(crop)
    if len(marks) != len(text) or len(marks) > MAX_MEASURED_MARKS:
        return text
    return "".join("7" if ch == "1" and seven_shape(m) else ch for ch, m in zip(text, marks, strict=True))


# the readings a written "8" is given now and then ("35" and "34" for a written "85" and "98"): only these
# are made "8" on a mark of an eight's shape (a looped-tail "9", a barred "0" close two loops too)
_EIGHT_MISREAD = frozenset("345")


def eights(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "3", "4" or "5" (``_EIGHT_MISREAD``) whose mark has an eight's
    shape (``eight_shape``) made "8": both models read a written "8" as "3" or "4" now and then ("35" and
    "34" for a written "85" and "98"). A "9" whose tail curls back to its stem, a "0" with a bar across
    close two loops one above the other too: a digit read otherwise is never made "8", and the value a
    changed reading gives goes to review (``second_pass``). Unchanged unless the crop holds exactly one mark
    per digit."""
    if not text.isdigit() or not set(text) & _EIGHT_MISREAD:
        return text
    marks = _digit_marks(crop)
    if len(marks) != len(text) or len(marks) > MAX_MEASURED_MARKS:
        return text
    return "".join(
        "8" if ch in _EIGHT_MISREAD and eight_shape(m) else ch for ch, m in zip(text, marks, strict=True)
    )


# an eight's two loops: the upper one at most this many times the lower's area (a looped-tail "9": a big head
# over a small tail loop; a written "8"'s upper loop is the smaller, half the lower's or so) ...
EIGHT_UPPER_MAX = 1.5
# ... the lower one at most this many times the upper's (a speck of a hole is no loop) ...
EIGHT_LOWER_MAX = 4.0
# ... and their centres at most this share of the mark's width apart across (a slanted "8" leans: its upper
# loop a quarter of its width right of its lower one in the generator's script)
EIGHT_OFF_CENTRE = 0.35


def eight_shape(mark: np.ndarray) -> bool:
    """Whether a digit's mark has an eight's shape: two loops one wholly above the other (``_loops``), the
    upper no bigger than the lower much, nor much smaller (``EIGHT_UPPER_MAX``, ``EIGHT_LOWER_MAX``), centred
    one over the other (``EIGHT_OFF_CENTRE``)."""
    holes = sorted(_hole_rects(mark), key=lambda r: r[1])
    width = mark.shape[1]
    for (ax, ay, aw, ah, aa), (bx, by, bw, _, ba) in itertools.combinations(holes, 2):
        if by < ay + ah - 1:
            continue  # not wholly below
        if aa > EIGHT_UPPER_MAX * ba or ba > EIGHT_LOWER_MAX * aa:
            continue
        if abs((ax + aw / 2) - (bx + bw / 2)) > EIGHT_OFF_CENTRE * width:
            continue
        return True
    return False


def _has_foot(mark: np.ndarray) -> bool:
    """Whether a mark's last rows run much wider than its stroke and half as wide as the mark or so (a "1"'s
    foot along the line, a "2"'s base)."""
    p = _stroke_profile(mark)
    if not p.middle:
        return False
    wide = max(WIDE_RUN * p.thick, FOOT_SPAN * p.width)
    return any(x > wide for x in p.widest[int(FOOT_FROM * p.height) :])


# a hole in a digit's mark is a loop when at least this share of the mark's height across (and 3 px) ...
HOLE_WIDTH = 0.08
# ... this share of it high (and 3 px: the slit where a stroke runs back over itself is no loop) ...
HOLE_HEIGHT = 0.12
# ... and its area this share of the height squared
HOLE_AREA = 0.01


def _hole_rects(mark: np.ndarray) -> list[tuple[int, int, int, int, float]]:
    """(x, y, width, height, area) of each hole in a digit's mark big enough to be a loop (``HOLE_WIDTH``,
    ``HOLE_HEIGHT``, ``HOLE_AREA``; a printed "/" glued to the mark does not count in its size)."""
    h = mark.shape[0]
    contours, hierarchy = cv2.findContours(mark.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    holes = []
    for c, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True):
        if parent < 0:
            continue
        x, y, cw, ch = cv2.boundingRect(c)
        area = cv2.contourArea(c)
        if cw >= max(3, HOLE_WIDTH * h) and ch >= max(3, HOLE_HEIGHT * h) and area >= HOLE_AREA * h * h:
            holes.append((x, y, cw, ch, area))
    return holes


def _holes(mark: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) of each hole in a digit's mark big enough to be a loop (``_hole_rects``)."""
    return [(y, y + ch) for _, y, _, ch, _ in _hole_rects(mark)]


def _loops(mark: np.ndarray) -> int:
    """How many loops a digit's mark closes one above the other (its ``_holes``, two only when the second
    lies wholly below the first: the two of an "8")."""
    holes = sorted(_holes(mark))
    if len(holes) >= 2 and any(b[0] >= a[1] - 1 for a, b in itertools.pairwise(holes)):
        return 2
    return min(1, len(holes))


def _has_loop(mark: np.ndarray) -> bool:
    """Whether a digit's mark closes a loop: a hole in its ink a tenth of its height across or so (``_holes``;
    not the slit where a stroke runs back over itself)."""
    return bool(_holes(mark))


# digits that never close a loop in handwriting (a "2" may curl into one, a "4" closes its triangle)
_OPEN_DIGITS = frozenset("1357")


def _shape_denies(ch: str, loops: int, foot: bool) -> bool:
    """Whether a mark's shape rules out reading it as ``ch`` (``supported``)."""
    return (ch in _OPEN_DIGITS and loops >= 1) or (ch != "8" and loops >= 2) or (ch in "47" and foot)


# a mark's one loop centred above this share of its height is a "9"'s head (0.25-0.3 in the generator's script
# at any size), no "2"'s curl or "6"'s belly (which close at the foot: 0.75); one centred below 1 - it is no
# "9"'s
HIGH_LOOP = 0.4
_LOW_LOOPED = frozenset("26")
# a "0"'s loop runs down most of its height (0.87-1.0 of it in the generator's script): one centred high
# (``HIGH_LOOP``) and less than this share of the mark's height high is a "9"'s head
ZERO_LOOP = 0.55


def _loop_denies(ch: str, mark: np.ndarray) -> bool:
    """Whether the place of a mark's one loop rules out reading it as ``ch`` (``HIGH_LOOP``): a written "910"
    read "210" at 58-91 six times and "910" at 83 (seed 171 dev 004, sure-wrong); a "2" or a "6" closes a loop
    at its foot only, a "9" at its head; a "0" round its whole height, not in its head only (``ZERO_LOOP``:
    a written "91" read "01" at 75-91 five times and "91" at 84-96 three times, seed 437 alt 004)."""
    if ch not in _LOW_LOOPED and ch not in "09":
        return False
    holes = _hole_rects(mark)
    if len(holes) != 1:
        return False
    _, y, _, h, _ = holes[0]
    centre = float((y + h / 2) / mark.shape[0])
    if ch == "0":
        return centre < HIGH_LOOP and h < ZERO_LOOP * mark.shape[0]
    return centre < HIGH_LOOP if ch in _LOW_LOOPED else centre > 1 - HIGH_LOOP


def open_zero(crop: np.ndarray, text: str) -> bool:
    """Whether a number read a digit for each of the crop's marks (``_digit_marks``) reads "0" of a mark
    closing no loop (``_loops``): a written 0 is a ring round its whole height (``ZERO_LOOP``); an open mark
    read so is another digit misread (a "7" whose bar met a rule)."""
    if "0" not in text:
        return False
    marks = _digit_marks(crop)
    if len(marks) != len(text) or len(marks) > MAX_MEASURED_MARKS:
        return False
    return any(ch == "0" and _loops(m) == 0 for ch, m in zip(text, marks, strict=True))


# the loops a written digit may close at most (a "2" may curl into one, a "4" closes its triangle)
_MAX_LOOPS = {"0": 1, "1": 0, "2": 1, "3": 0, "4": 1, "5": 0, "6": 1, "7": 0, "8": 2, "9": 1}

MAX_MEASURED_MARKS = 12  # digit marks whose shapes are measured at most (a tax code has 10, a CCCD 12)


def supported(crop: np.ndarray, votes: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The readings the crop's marks allow: none with fewer digits than the crop has digit marks (a digit
    left out: the slanted "0" of "07" read "7"), and where there is one mark per digit, none that reads a
    mark closing a loop as 1, 3, 5 or 7 (the "9" of "09" with an open tail read "3"), a mark closing two
    loops one above the other as anything but 8, a mark standing on a wide foot as 4 or 7 (the "1" of
    "1321" read "7", its "2" read "4": a "7" ends in the air, a "4" on its stem), or a mark closing its loop
    high as 2 or 6, low as 9 (``_loop_denies``)."""
    marks = _digit_marks(crop)
    if all(len(t) < len(marks) for t, _ in votes):
        return []  # no reading has a digit for each mark
    # marks are measured only when a reading has a digit a mark or more, and no more marks than a number or a
    # date has digits (a region of thousands of bars read as as many digits is no number: 14 s of loop
    # counting)
    measured = len(marks) <= MAX_MEASURED_MARKS and any(len(t) >= len(marks) for t, _ in votes)
    one_each = measured and any(len(t) == len(marks) for t, _ in votes)
    loops = [_loops(m) for m in marks] if measured else []
    footed = [_has_foot(m) for m in marks] if one_each else []
    out = []
    for t, c in votes:
        if len(t) < len(marks):
            continue
        if measured and sum(_MAX_LOOPS[ch] for ch in t) < sum(loops):
            continue  # its digits cannot close the loops the marks close ("35" of a written "8")
        if (
            one_each
            and len(t) == len(marks)
            and any(
                _shape_denies(ch, n, foot) or (n == 1 and _loop_denies(ch, m))
                for ch, n, foot, m in zip(t, loops, footed, marks, strict=True)
            )
        ):
            continue
        out.append((t, c))
    return out
