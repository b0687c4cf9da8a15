"""Type name and subject (trích yếu): the type heading ("QUYẾT ĐỊNH") and the lines centred under it, or for
a công văn the "V/v …" lines under its number; an incoming-mail stamp or a banner beside a centred subject
line is cut off, a body line (an authority line in capitals, a line running to the right margin) ends it."""

from __future__ import annotations

import bisect
import difflib
import itertools
import math
import re
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from digitize.pipeline import correct
from digitize.pipeline.fields.holder import FOR_HOLDER, fix_company_forms
from digitize.pipeline.fields.layout import TEXT_LAYER, Layout, heading_run, type_line
from digitize.pipeline.fields.lines import Line, sub_line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.number import CITED, NUMBER, SO, abbreviation
from digitize.pipeline.fields.place_date import is_stamp_or_banner
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.review import REVIEW_THRESHOLD
from digitize.pipeline.fields.text import clean_value, fold1, normalize_tones, sentence_case
from digitize.pipeline.fields.vocab import (
    CENTRAL_CITIES,
    DOC_TYPES,
    F_PLACES,
    KNOWN_ABBREVIATIONS,
    NOTATION_TYPES,
    PROVINCES,
)
from digitize.pipeline.model import Box, Word
from digitize.pipeline.syllable import TONE_MARKS, skeleton, split_tone
from digitize.pipeline.syllable import key as syllable_key
from digitize.text import fold, nfc

AUTHORITY_START = (
    "giam doc", "chu tich", "bo truong", "uy ban nhan dan", "thu truong", "cuc truong", "truong ban",
    "hieu truong", "hoi dong", "ban chap hanh", "thu tuong",
)  # fmt: skip


# words that with "trường" (grave: the word, not "trưởng", the title) make a word of a subject: thị trường,
# môi trường, hiện trường, nhà trường ... ("VỀ PHÁT TRIỂN / THỊ TRƯỜNG LAO ĐỘNG …" was cut at its second line
# as "THỦ TRƯỞNG" misread); a "THỦ TRƯỞNG" that lost its marks ("THO TRUONG") is still a title
_NOT_TITLE_WORDS = frozenset(
    {"thi", "moi", "hien", "nha", "chien", "quang", "thuong", "cong", "lap", "dau", "phi", "nong", "lam"}
    | {"ngu", "ty", "tho"}
)


def _word_truong(text: str) -> bool:
    """The line opens with one of ``_NOT_TITLE_WORDS`` then "trường" read with its grave accent."""
    m = re.match(r"^[\W\d_]*([^\W\d_]{1,6})\s+(\S+)", text.lower())
    return m is not None and fold(m.group(1)) in _NOT_TITLE_WORDS and m.group(2).strip(".,:;") == "trường"


# the authority line that opens the body by its title's second word, whatever OCR made of the first and of a
# speck before it ("__ QỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC", "VIỆN TRƯỞNG …", "BỘ TRƯỞNG …"); not "THỊ TRƯỜNG …"
# (``_word_truong``)
_HEAD_TITLE = re.compile(r"^[\W\d_]*([^\W\d_]{1,6})\s+truong\b")
# ... but not a word that with "trưởng" makes a word of a subject ("TĂNG TRƯỞNG XANH", "SINH TRƯỞNG"), nor a
# deputy's "PHÓ TRƯỞNG …": the body's authority line names the head's power ("TRƯỞNG BAN …"), a deputy
# signs for it under "KT."; a subject names a deputy's post ("… KIỆN TOÀN CHỨC DANH / PHÓ TRƯỞNG BAN …")
_NOT_HEAD_WORDS = frozenset({"tang", "sinh", "pho"})


# the authority line with a stamp's mark glued before its title as one letter (": NGIÁM ĐỐC SỞ …": the ĐẾN
# stamp's "Chuyển:" row beside it), or that row's label whole ("ChuyếnGIÁM ĐỐC SỞ …", seed 913 alt 013)
_STAMP_LABELS = ("chuyen", "den", "ngay", "so")
_GLUED_AUTHORITY = re.compile(
    r"^[\W\d_]*(?:" + "|".join(_STAMP_LABELS) + r"|[a-z])(?:" + "|".join(AUTHORITY_START) + r")\b"
)


# a body section's heading in capitals, numbered in Roman numerals ("I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ …")
_SECTION = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)\.\s+[a-z]")


def _capitals(ln: Line) -> bool:
    """The line is in capitals (at least 80 % of its letters)."""
    letters = [ch for ch in ln.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


# the titles an authority line opens with, matched loosely (``_misread_authority``); "hội đồng" and "ban chấp
# hành" also open a subject's line
_TITLES = tuple(t for t in AUTHORITY_START if t not in ("hoi dong", "ban chap hanh"))
TITLE_LIKE = 85  # rapidfuzz ratio of a line's first words to a title for them to be that title misread
# a stamp's marks or letters read before the title on the same row ("a: KHỦ TỊCH …"; its title lost under
# the stamp's box, three: '("6 [e2 30cm ỦY BAN NHÂN DÂN TỈNH …' for "CHỦ TỊCH ỦY BAN …")
_STAMP_WORDS = 3


def _misread_authority(ln: Line) -> bool:
    """The line in capitals opens, after at most ``_STAMP_WORDS`` words that are no Vietnamese syllables (a
    stamp's "a:" beside it), with an authority title one letter misread: "a: KHỦ TỊCH ỦY BAN NHÂN DÂN …"."""
    read = [w.text for w in sorted(ln.words, key=lambda w: w.box.x0)] if ln.words else ln.text.split()
    for skip in range(min(_STAMP_WORDS, len(read) - 1) + 1):
        before = re.sub(r"[\W\d_]", "", read[skip - 1]) if skip else ""
        if len(before) > 1 and is_syllable(before):
            return False  # a true word before: the line says something else
        rest = [fold(w) for w in read[skip:]]
        if _word_truong(" ".join(read[skip:])):
            return False  # "THỊ TRƯỜNG LAO ĐỘNG": a word, not "thủ trưởng" misread
        for title in _TITLES:
            n = len(title.split())
            if len(rest) > n and fuzz.ratio(" ".join(rest[:n]), title) >= TITLE_LIKE:
                return True
    return False


def _authority_line(row: Line) -> bool:
    """The row opens the body as its authority line: an authority's title first ("GIÁM ĐỐC …"), its second
    word after any first (``_HEAD_TITLE``: "QỤC TRƯỞNG CỤC …"), or its title misread after a glued letter or
    a stamp's marks (``_glued_authority``)."""
    whole = row.folded.strip()
    m = _HEAD_TITLE.match(whole)
    head_title = m is not None and m.group(1) not in _NOT_HEAD_WORDS and not _word_truong(row.text)
    return whole.startswith(AUTHORITY_START) or head_title or _glued_authority(row)


def _glued_authority(ln: Line) -> bool:
    """The line is the authority line in capitals with one letter glued before its title, or its title
    misread after a stamp's marks (``_misread_authority``)."""
    if not _capitals(ln):
        return False
    return _GLUED_AUTHORITY.match(ln.folded.strip()) is not None or _misread_authority(ln)


MAX_CENTRED_WORDS = 80


def centred_part(ln: Line, cx: float) -> Line | None:
    """The longest run of the line's words (only end words dropped) centred on ``cx`` (the type name's
    centre): a stamp or a banner in the margin beside a centred subject line is left out. None when no run
    is centred (a stamp's own line)."""
    if len(ln.words) > MAX_CENTRED_WORDS:
        return None  # no subject's line holds so many words (the search below is quadratic in them)
    words = sorted(ln.words, key=lambda w: w.box.x0)
    tol = 0.025 * ln.width
    best: tuple[int, int] | None = None
    for i in range(len(words)):
        for j in range(len(words) - 1, i - 1, -1):
            if best is not None and j - i <= best[1] - best[0]:
                break
            if abs((words[i].box.x0 + words[j].box.x1) / 2 - cx) <= tol:
                best = (i, j)
                break
    if best is None:
        return None
    i, j = _run_on(words, *best)
    if (i, j) == (0, len(words) - 1):
        return ln
    return sub_line(ln, words[i : j + 1])


def _run_on(words: Sequence[Word], i: int, j: int) -> tuple[int, int]:
    """The centred run ``words[i..j]`` with the printed words next to it on either side: a word a space's
    width away with letters, read with confidence, is the same line's (a stamp's junk over one end, or a word
    lost under it, moves the line's centre; a stamp or a banner beside the line stands apart)."""
    h = statistics.median(w.box.y1 - w.box.y0 for w in words[i : j + 1])

    def printed(w: Word, gap: float, a: Word, b: Word) -> bool:
        # letters or digits: a year ending the line ("… công chức năm 2024") is printed as its words are;
        # a word read less surely, or of one letter, that makes a common pair with the run's end word
        # (``_paired``: "KINH" (50) before "DOANH", "Y" after "THÚ") is the line's too
        return gap <= 0.8 * h and (
            (w.conf >= 60 and re.search(r"[^\W_]{2}", w.text) is not None) or _paired(a, b, w)
        )

    def dash(w: Word, gap: float) -> bool:
        # a dash printed between two words ("kinh tế - xã hội"): the line's, when a printed word follows it
        return gap <= 0.8 * h and w.conf >= 60 and w.text in _DASHES

    while True:
        if i > 0 and printed(words[i - 1], words[i].box.x0 - words[i - 1].box.x1, words[i - 1], words[i]):
            i -= 1
        elif (
            i > 1
            and dash(words[i - 1], words[i].box.x0 - words[i - 1].box.x1)
            and printed(words[i - 2], words[i - 1].box.x0 - words[i - 2].box.x1, words[i - 2], words[i - 1])
        ):
            i -= 2
        else:
            break

    def name_on(w: Word, gap: float) -> bool:
        # a name's next syllable after a name ending the run ("Công ty TNHH Khoáng sản Bạch" then "Mã", both
        # read at 50 by a stamp's pass, its junk over the line's other end moving its centre: seed 665 wide
        # alt 000): capitalised letters only (no stamp's label: "Ngày:"), read as surely as the stamp's pass
        # reads print, after a capitalised word ending the run a name's lead ("Công ty", "TNHH", "ông", "bà")
        # opened before it
        texts = [x.text.strip(_EDGES) for x in words[i : j + 1]]
        lead = max((k for k, t in enumerate(texts) if t.lower() in _NAME_LEADS), default=None)
        return (
            gap <= 0.8 * h
            and w.conf >= PAIRED_CONF
            and w.text.isalpha()
            and w.text.istitle()
            and fold(w.text).lower() not in _LABELS
            and fold(w.text).lower() != _STAMP_TITLE
            and lead is not None
            and lead + 1 < len(texts)
            and len(texts) - lead - 1 < NAME_ON_MOST
            and texts[-1].istitle()
        )

    while True:
        if j < len(words) - 1 and (
            printed(words[j + 1], words[j + 1].box.x0 - words[j].box.x1, words[j], words[j + 1])
            or name_on(words[j + 1], words[j + 1].box.x0 - words[j].box.x1)
        ):
            j += 1
        elif (
            j < len(words) - 2
            and dash(words[j + 1], words[j + 1].box.x0 - words[j].box.x1)
            and printed(words[j + 2], words[j + 2].box.x0 - words[j + 1].box.x1, words[j + 1], words[j + 2])
        ):
            j += 2
        else:
            break
    return i, j


_DASHES = frozenset({"-", "–", "—"})
PAIRED_CONF = 50.0  # a stamp's pass reads the print through its box at this (``stamps.BARE_CONF``)


def _paired(a: Word, b: Word, w: Word) -> bool:
    """``w`` (``a`` or ``b``), read at ``PAIRED_CONF`` at least, all letters, makes with the other a pair the
    corpus shows at least ``COMMON_PAIR`` times: one compound, printed together ("kinh doanh", "thú y"); a
    stamp's garble beside a line makes no such pair. Read unsure (below ``GAP_WORD_CONF``), it is a word
    (two letters or more) and the other is read unsure as well: a stamp's pass reads the print through its
    box alike ("KINH DOANH" at 50); a word read unsure beside print read surely is the stamp's own ink (its
    label "Số" before "Giấy phép", its "DÂN" after "… CÔNG NHÂN", a lone "A")."""
    other = b if w is a else a
    if w.conf < GAP_WORD_CONF and (len(w.text) < 2 or other.conf >= GAP_WORD_CONF):
        return False
    # (the two as read, no mark at their edges: a stamp's label "Số:", a comma ending a phrase, part them)
    return (
        w.conf >= PAIRED_CONF
        and a.text.isalpha()
        and b.text.isalpha()
        and _pair_count(correct.load(), a.text, b.text) >= COMMON_PAIR
    )


def _junk(w: Word, *, leading: bool) -> bool:
    """A word at an end of a subject line that is a stamp's frame or a speck, not the subject's: a mark
    without a letter or digit (";-", ".", "‹") before the first word, or read doubtfully after the last (a
    printed " -" of a wrapped line stays). A word with letters stays whatever its confidence (a correct
    "Tình" may be read with 4)."""
    if re.search(r"[^\W_]", w.text):
        return False
    return leading or w.conf < 50


OFF_ROW = 0.35  # of the line's word height: an end word whose middle and foot stand this far off the row's
_ROW_WORDS = 3  # the words next to an end word that give the row's height there (a skewed line drifts)


def _off_row(w: Word, inner: Sequence[Word], h: float, slope: float = 0.0) -> bool:
    """An end word standing above or below the row of the words next to it (a stamp's handwritten number or
    date read on the subject's row: "… Dịch vụ Việt 2: /12/1"): its top, its middle and its foot all more
    than ``OFF_ROW`` of the line's height off theirs (a word of the row whose box a stamp's frame stretched
    keeps one of them: seed 87's alt 005, "… VIỄN THÔNG CÔNG CỘNG" with "CỘNG" (93) stretched 30 px down by a
    stamp's mark under it, its top on the row's, had been left out: "… công" at 0.50). Theirs are carried
    along the row's ``slope`` to the end word (a drifting line: the words that give the row may stand a few
    words off, beyond a stamp's unsure ones)."""
    if not inner:
        return False
    at = (w.box.x0 + w.box.x1) / 2
    drift = [slope * (at - (x.box.x0 + x.box.x1) / 2) for x in inner]
    top = statistics.median(x.box.y0 + d for x, d in zip(inner, drift, strict=True))
    mid = statistics.median((x.box.y0 + x.box.y1) / 2 + d for x, d in zip(inner, drift, strict=True))
    foot = statistics.median(x.box.y1 + d for x, d in zip(inner, drift, strict=True))
    return (
        abs(w.box.y0 - top) > OFF_ROW * h
        and abs((w.box.y0 + w.box.y1) / 2 - mid) > OFF_ROW * h
        and abs(w.box.y1 - foot) > OFF_ROW * h
    )


_SLOPE_WORDS = 4  # words read surely (``ROW_SURE``) at least that give a line's slope
ROW_SLOPE = 0.05  # a line's slope at most (3°: a photo's residual skew); a steeper fit is its words' noise


def _row_slope(words: Sequence[Word], h: float) -> float:
    """The slope of the line's row (y over x): the median of the slopes between the middles of its words read
    surely (``ROW_SURE``, ``_SLOPE_WORDS`` at least; pairs a line's height apart at least), up to
    ``ROW_SLOPE`` either way; 0 with fewer words."""
    sure = [w for w in words if w.conf >= ROW_SURE]
    if len(sure) < _SLOPE_WORDS:
        return 0.0
    pts = [((w.box.x0 + w.box.x1) / 2, (w.box.y0 + w.box.y1) / 2) for w in sure]
    slopes = [
        (yb - ya) / (xb - xa) for (xa, ya), (xb, yb) in itertools.combinations(pts, 2) if abs(xb - xa) >= h
    ]
    if not slopes:
        return 0.0
    return max(-ROW_SLOPE, min(ROW_SLOPE, statistics.median(slopes)))


SQUEEZED = 0.35  # of the line's letter width: an end word's letters this narrow are no printed word's
_SQUEEZED_LETTERS = 3


def _squeezed(w: Word, lw: float | None) -> bool:
    """An end word of ``_SQUEEZED_LETTERS`` letters or more read in a box far narrower than its letters take
    on the line (``SQUEEZED`` of the line's letter width ``lw``): a stamp's stroke read as a word ("lại" in
    21 pixels where the line's letters are 24 wide each)."""
    n = sum(ch.isalpha() for ch in w.text)
    return lw is not None and n >= _SQUEEZED_LETTERS and (w.box.x1 - w.box.x0) < SQUEEZED * lw * len(w.text)


THIN_DASH = 0.2  # of the line's letter width: an end dash narrower than this is a speck, no printed dash


def _thin_dash(w: Word, lw: float | None) -> bool:
    """An end word read as a dash in a box far narrower than a printed dash (``THIN_DASH`` of the line's
    letter width ``lw``; a hyphen is about half a letter wide): a speck read as one, however surely ("… hóa
    chất cấm -" with a "-" of one pixel read at 81 after the line's last word)."""
    return lw is not None and w.text in _DASHES and (w.box.x1 - w.box.x0) < THIN_DASH * lw


TINY = 0.5  # of the line's word height: an end word this short, read unsure, is a speck, not a printed word


def _tiny(w: Word, h: float) -> bool:
    """An end word far shorter than the line's words read doubtfully (under 50): a speck ("9°" of 13 px at 26
    left of a licence title's 30 px letters on a blurred photo), whatever it was read as; one of signs
    alone read below ``TINY_SIGN_CONF`` (``_sign_speck``)."""
    core = w.text.strip(_EDGES)
    if w.box.y1 - w.box.y0 >= TINY * h:
        return False
    if _sign_speck(w):
        return True
    # (a word of letters that is a syllable, "xe", "cơ", is short for having no ascender: REVIEW-34 L5)
    speck = not core.isalpha() or not is_syllable(core)
    return w.conf < 50 and speck


# a short end word of signs alone read below this is a speck (as ``SPECK_CONF``): "'°" at 58.5, 6 px high
# on a row 34 high, after "… vốn đầu tư" (seed 567 alt 008: "đầu tư '° công năm 2019")
TINY_SIGN_CONF = 65.0


# the marks a subject prints at a line's end, alone or together ("…", "...", "”,", ".”", "(*)", "?", ";)",
# "%)"): a short end word made of these alone is the subject's, however unsure (a review of subjgar)
_END_SIGNS = frozenset("\"'`‘’“”«».…,()[]{}?%;*")


def _sign_speck(w: Word) -> bool:
    """``w`` (a word far shorter than its line's, ``_tiny``) is signs alone, no letter or digit, read below
    ``TINY_SIGN_CONF``, and neither one mark a subject prints on its own (a wrapped line's "-", a quote, a
    comma or a dot set apart by a space) nor marks it prints at a line's end (``_END_SIGNS``: quotes, dots,
    commas, brackets, "?", "%", ";"): a speck's, or a pen's dot, read as marks ("'°": the "°" no mark a
    subject ends on)."""
    return (
        not re.search(r"[^\W_]", w.text)
        and w.conf < TINY_SIGN_CONF
        and not (len(w.text) == 1 and (w.text in _PRINTED_MARKS or w.text in _OPEN_MARKS))
        and not set(w.text) <= _END_SIGNS
    )


ROW_SURE = 60.0  # a word read this surely gives the row's place; a stamp's garble beside an end word does not


# of the line's word height: a word whose box is this much taller was stretched by a stamp's marks over it
ROW_STRETCHED = 1.5


def _row_beside(inner: Sequence[Word], h: float) -> list[Word]:
    """The ``_ROW_WORDS`` words nearest an end word (``inner``: nearest first) that give the row's height
    there: those read surely (``ROW_SURE``) when there are as many, the stamp's garble between them and the
    end word left out ("… sử dụng đất để năấi 2 UỞ": "2" and "UỞ" of its number and title, raised over the
    row, were measured against "năấi" and each other), and so are words whose boxes a stamp's marks
    stretched (``ROW_STRETCHED`` of the line's word height ``h``: "khắc phục Yiậu 2" with "khắc", "phục"
    140 px tall on a row 58 tall placed the stamp's pen "2" on the row, seed 663 alt 007); else the nearest
    as they are."""
    row = [w for w in inner if w.box.y1 - w.box.y0 <= ROW_STRETCHED * h] or list(inner)
    sure = [w for w in row if w.conf >= ROW_SURE][:_ROW_WORDS]
    return sure if len(sure) == min(_ROW_WORDS, len(row)) else list(row[:_ROW_WORDS])


def trim_marks(ln: Line) -> Line | None:
    """The line without a stamp's marks at its two ends, nor a stamp's words read off its row there; None
    when nothing else is left, or when what is left was read with almost no confidence (a stamp's
    handwriting on a centred line of its own: "ft nen")."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    h = statistics.median(w.box.y1 - w.box.y0 for w in words)
    lw = letter_width(ln)
    slope = _row_slope(words, h)
    i, j = 0, len(words)
    while i < j and (
        _junk(words[i], leading=True)
        or _off_row(words[i], _row_beside(words[i + 1 : j], h), h, slope)
        or _squeezed(words[i], lw)
        or _thin_dash(words[i], lw)
        or _tiny(words[i], h)
    ):
        i += 1
    while j > i and (
        _junk(words[j - 1], leading=False)
        or _off_row(words[j - 1], _row_beside(words[i : j - 1][::-1], h), h, slope)
        or _squeezed(words[j - 1], lw)
        or _thin_dash(words[j - 1], lw)
        or _tiny(words[j - 1], h)
    ):
        j -= 1
    if i == j or statistics.fmean(w.conf for w in words[i:j]) < 30:
        return None
    return ln if (i, j) == (0, len(words)) else sub_line(ln, words[i:j])


def continues(ln: Line) -> bool:
    """A subject's next line in normal case ("Ủy ban nhân dân tỉnh Bắc Kạn nhiệm kỳ ...") goes on with it; the
    authority line that opens the body ("ỦY BAN NHÂN DÂN TỈNH ...", "CHỦ TỊCH ...") is in capitals."""
    letters = [ch for ch in ln.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) < 0.5 * len(letters)


SAME_PRINT = 0.85  # a line's letters at least this wide as the subject line's above: printed as it is (bold)


def letter_width(ln: Line) -> float | None:
    """The width of the line's letters: its words' widths over their letters (spaces left out: a justified
    line's are stretched), words of two letters or more read with confidence; None without any."""
    words = [w for w in ln.words if w.conf >= 60 and sum(ch.isalpha() for ch in w.text) >= 2]
    letters = sum(len(w.text) for w in words)
    return sum(w.box.x1 - w.box.x0 for w in words) / letters if letters else None


_STAMP_LEAD = 2  # words at most of an incoming stamp's marks opening a subject line
# the two words a body's paragraph opens with (``BODY_START``'s and a report's: "Thực hiện chỉ đạo …", "Tổng
# hợp …"): a doubtful first word like the first of them before the second is that opening misread ("Th7c
# hiện …", "Thưc hiện …"), the body's, no stamp's garble over the subject's line
BODY_OPENINGS = (
    ("can", "cu"), ("thuc", "hien"), ("tong", "hop"), ("thi", "hanh"), ("theo", "de"), ("chung", "nhan"),
    ("kinh", "gui"), ("cap", "phep"), ("dieu", "1"),
)  # fmt: skip
BODY_OPENING_LIKE = 60  # rapidfuzz ratio of a doubtful word's letters to an opening's first word


def _stamp_garble(w: Word) -> bool:
    """A word no word read right (``_read_right``) read below ``UNSURE_SYLLABLE`` ("NgàicÉ." at 26): an
    incoming stamp's label glued over a subject line's first word; a word read surely is the print's,
    whatever marks it holds ("Th7c" at 85 is the body's "Thực")."""
    core = w.text.strip(_EDGES)
    return bool(core) and not _read_right(w.text) and w.conf < UNSURE_SYLLABLE


def body_led(w: Word, nxt: Word) -> bool:
    """The doubtful word ``w`` and the word after it read as a body paragraph's opening (``BODY_OPENINGS``):
    the word after it the opening's second, ``w``'s letters like its first ("Th7c hiện", "T6ng hợp")."""
    a = fold(w.text).strip(_EDGES).lower()
    b = fold(nxt.text).strip(_EDGES).lower()
    return any(b == second and fuzz.ratio(a, first) >= BODY_OPENING_LIKE for first, second in BODY_OPENINGS)


def garbles_led(ln: Line) -> int:
    """How many of the line's first words (``_STAMP_LEAD`` at most, a word left after them) are an incoming
    stamp's garble (``_stamp_garble``) and no misread opening of a body paragraph (``body_led``)."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    k = 0
    while (
        k < min(_STAMP_LEAD, len(words) - 1)
        and _stamp_garble(words[k])
        and not body_led(words[k], words[k + 1])
    ):
        k += 1
    return k


def goes_on(ln: Line, prev: Line, *, skip: bool = True) -> bool:
    """A centred line right under the subject's line ``prev`` that opens in lower case and is printed as it
    is goes on with it, however wide ("Về việc cấp Giấy phép kinh doanh dịch vụ lữ hành / nội địa cho Hợp
    tác xã …" as wide as the body's lines): the body's first line opens a paragraph (or is its authority
    line) with a capital, in narrower letters than the subject's bold ones. ``skip``: a stamp's garble over
    the line's first words (``garbles_led``: "NgàicÉ. lệm hữu hạn …") left out (the line then no sure
    subject's: ``SubjectLines.garble_led``)."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    k = garbles_led(ln) if skip else 0
    first = next((ch for w in words[k:] for ch in w.text if ch.isalpha()), "")
    if not first.islower():
        return False
    mine, theirs = letter_width(ln), letter_width(prev)
    # widths unknown (no letter read surely on a line: a stamp's case) tell nothing: the line ends it
    return mine is not None and theirs is not None and mine >= SAME_PRINT * theirs


def opens(ln: Line, subj: Sequence[Line]) -> bool:
    """A line starting with a word a body paragraph opens with ("Căn cứ", "Xét", "Nay", "Chứng nhận") opens
    the body unless it goes on with the subject's lines: after one, in lower case ("… cấp Giấy / chứng nhận
    quyền sử dụng đất", "… kết quả / xét tuyển viên chức"); the body's paragraphs open with a capital."""
    first = next((ch for ch in ln.text if ch.isalpha()), "")
    return not subj or not first.islower()


def strip_speck(text: str) -> str:
    """A speck or a stray mark before the first word ("- Về việc", "Ò Phê chuẩn") is not the subject's; a
    number is ("6 THÁNG ĐẦU NĂM 2024 …")."""
    return re.sub(r"^(?:[^\w\s]+\s*|[^\W\d_]\s+(?=[A-ZÀ-ỸĐ]))+", "", text.strip())


# "Kính gửi: …" with "Kính" lost under a stamp: the body's address line, never a subject line; on a blurred
# photo "gửi" read short, "Kính" mangled ("án gi: Hội đồng …", "Kinh gưi:"): one word at most before "gửi"
# (folded "gui", or "gi" with its "ư" lost) and its colon. Only the letters "gửi" folds to: a trích yếu wraps
# anywhere and its wrapped line may open with another "g…i" word and a colon ("đạt giải: Hội thi …", "nội
# dung ghi: …", "nhà thầu gói: …", "số gọi: …"), which goes on with the subject
_GUI = re.compile(r"^\W*(?:[^\W\d_]{1,5}\s+)?gu?i\s*:")
# a stamp's marks glued before a word ("/⁄2cháy"): marks (at least one not a letter or digit), then a word
# (possessive runs: linear on a "word" of thousands of marks, not quadratic)
_GLUED = re.compile(r"^(?=[^\w\s]|\d++[^\w\s])[^\w\s]*+\d*+[^\w\s]*+\d*+([^\W\d_]++[,.;:]?)$")


def unglue(word: str) -> str:
    """A word without a stamp's marks glued before it, when what is left is a Vietnamese syllable."""
    m = _GLUED.match(word)
    if m is None or not word[: m.start(1)].strip("\"'“”‘’«»()[]"):
        return word  # a quotation or a bracket opens the word: it is the subject's
    core = m.group(1).rstrip(",.;:")
    return m.group(1) if is_syllable(core) and len(core) >= 2 else word


# a speck before "V/v" reads as a quote or a dot on phone photos, or a backslash on a blurred one ("\VW triển
# khai …" at 29, seed 709 wide dev 004: its "V" has a stroke of its own left of it)
_VV_NOISE = r"[\'\"`‘’“”.,:;*\\-]{0,2}"
# "V/v" with its slash run into the second v reads "VW" (a speck may stick to it: "VW&"), or its second v "w"
# ("V/w"): no Vietnamese word starts "vw" or "w"
# the slash and what OCR reads for it: a bar, an l, a 1, an i, or another script's slash (a blurred photo's
# "V⁄ rà soát …": U+2044 fraction slash; U+2215 division slash, U+FF0F fullwidth), or a j, its foot bent by
# a blurred photo's smear ("Vjv thực hiện …" at 70, seed 573 alt 004; no Vietnamese word has a j)
_SLASH = r"[/\\|l1ij\u2044\u2215\uff0f]"
VV = re.compile(r"^\s*" + _VV_NOISE + r"\s*(v\s*" + _SLASH + r"\s*[vw]\b|vv\s|vw(?:\s|[^\w\s]))")
VV_PREFIX = re.compile(
    r"^\s*" + _VV_NOISE + r"\s*(v\s*" + _SLASH + r"\s*[vw]\b\.?|vv\b|vw\b|v\s*" + _SLASH + r")\s*"
)

BODY_START = (
    "giam doc", "chu tich", "can cu", "chung nhan", "cap phep", "kinh gui", "bo truong", "uy ban nhan dan",
    "thu truong", "cuc truong", "truong ban", "hieu truong", "xet ", "theo de nghi", "dieu 1", "nay ",
    "hoi dong", "ban chap hanh", "thu tuong",
)  # fmt: skip


# marks before a subject's first word, a quotation mark or a bracket left (it opens the subject's own words)
_LEADING_MARKS = re.compile(r"^[^\w\s\"'“‘«(\[]+\s*")


def _toneless(word: str) -> str:
    """A word's letters, their tone marks taken off and their vowel marks kept ("VÀ" → "VA", "VĂ" stays)."""
    return nfc("".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in TONE_MARKS))


def doubtful_vv(ln: Line) -> bool:
    """The line under the number opens with "V/v" read as a doubtful short word ("VĂN" at confidence 22, then
    "số hóa kết quả …"): a word of one to three letters starting with V, read with confidence < 50, or the
    two capitals "VA" or "VV" (a tone aside) however surely read (a blurred photo's "V/v" read "VÀ" at 83:
    its slash and small "v" run into one marked capital; "VN" too, in doubt: ``VV_AS_WORD``; not "VĂ bản …",
    "VỀ việc …": the
    subject's own first word), before a word in lower case ("VĂN PHÒNG", an organ's line, goes on in
    capitals)."""
    if len(ln.words) < 2:
        return False
    first, second = ln.words[0], ln.words[1]
    head = first.text.lstrip("'\"`‘’“”.,:;*-")  # a speck before it reads as a quote or a dot ("'VWA")
    return (
        re.fullmatch(r"[vV]\S{0,2}", head) is not None
        and head[:1] == "V"
        and (
            first.conf < 50
            or (len(head) == 2 and head.isupper() and _toneless(head) in ("VA", "VV", *VV_AS_WORD))
            or (len(head) == 2 and _foreign_letter(head[1]))
            or (len(head) == 2 and head[1] in _VV_MERGED)
            # its "/v" read as "ĂN" however surely ("VĂN báo cáo tình hình …" at 65, a blurred scan: seed 645
            # dev 011): a capital "VĂN" before words in lower case is printed so by no subject
            or (len(head) == 3 and head.isupper() and _toneless(head) in _VV_AS_VAN)
            # its slash read as another mark between the two v's ("V#v rà soát …" at 51, seed 517 alt 004)
            or (len(head) == 3 and head[2] in "vw" and not head[1].isalnum() and not head[1].isspace())
        )
        and second.text[:1].islower()
    )


# "V/v" read as one capital word of three letters: "VĂN", "VẪN", "VAN" (tones aside)
_VV_AS_VAN = ("VAN", "VĂN", "VÂN")
# a sign "V/v"'s slash and small "v" run into on a blurred photo ("V# hướng dẫn …", seed 425 dev 004)
_VV_MERGED = frozenset("#")
# two capitals "V/v" is read as that are an abbreviation too ("VN": its "/v" read as one "N", seed 421 alt
# 011, "VN thực hiện chế độ báo cáo …"): taken for "V/v" under the number, the subject after it in doubt
VV_AS_WORD = ("VN",)


def vv_as_word(ln: Line) -> bool:
    """The line's first word is a "V/v" read as an abbreviation (``VV_AS_WORD``)."""
    head = ln.words[0].text.lstrip("'\"`‘’“”.,:;*-") if ln.words else ""
    return _toneless(head) in VV_AS_WORD


def _foreign_letter(ch: str) -> bool:
    """A letter no Vietnamese word has: a consonant with a mark ("Ñ": the "/v" of a grey scan's "V/v" read as
    one letter, "VÑ triển khai …"; seed 345 dev 004); "Đ" is Vietnamese's own."""
    parts = unicodedata.normalize("NFD", ch)
    return len(parts) > 1 and parts[0].isalpha() and parts[0].lower() not in "aeiouyd"


def _whole_row(part: Line, header: Sequence[Line]) -> Line:
    """A left-column line with the words that run on from it past the gutter on the same row ("… giải quyết
    thủ." whose last word's centre is right of the motto's column start): the words right after its last one,
    each a space's width away (not the date line further right)."""
    row = next((ln for ln in header if part.words[0] in ln.words), None)
    if row is None or len(row.words) == len(part.words):
        return part
    words = sorted(row.words, key=lambda w: w.box.x0)
    k = words.index(part.words[-1]) if part.words[-1] in words else -1
    if k < 0 or words[: k + 1] != sorted(part.words, key=lambda w: w.box.x0):
        return part
    h = max(1.0, part.y1 - part.y0)
    out = list(words[: k + 1])
    for w in words[k + 1 :]:
        if w.box.x0 - out[-1].box.x1 > 0.8 * h:
            break
        out.append(w)
    return part if len(out) == len(part.words) else sub_line(part, out)


# the most blank between two lines of one "V/v" subject, in the height of its tallest line
VV_GAP = 1.5


# a line of words read unsure (under ``ROW_SURE``) whose letters are this many times as wide as the V/v lines'
# at least is no printed line: an incoming stamp's box edge read as letters ("TT" at 50, 47 px a letter where
# the subject's are 10, under "… năm 2022": seed 511 alt 004)
STRETCHED = 2.5


def box_edge(ln: Line, above: Sequence[Line]) -> bool:
    """``ln`` is a stamp box's edge read as letters (``STRETCHED``), not a line printed as the ``above``'s."""
    widths = [lw for x in above if (lw := letter_width(x)) is not None]
    letters = [w for w in ln.words if any(ch.isalnum() for ch in w.text)]
    return (
        bool(widths)
        and bool(letters)
        and all(
            w.conf < ROW_SURE and w.box.x1 - w.box.x0 >= STRETCHED * max(widths) * len(w.text)
            for w in letters
        )
    )


# a line every word of which is read under this (Tesseract's percent) and that reads as no words is marks, no
# print: the lowest a printed word of the V/v lines' is read at on the pages seen is far above it
MARKS_CONF = 20.0


def marks_line(ln: Line) -> bool:
    """``ln`` is marks read as a line (a stamp's, a pen's), not a printed one: every word read under
    ``MARKS_CONF`` and the line no words (``reads_well``): "lc.. . ©eZ5 : ễ" (1, 16, 0, 15, 0) a line's
    height under a công văn's V/v lines ended "… đầu năm 2018", run on into them (seed 667 wide dev 011)."""
    return bool(ln.words) and all(w.conf < MARKS_CONF for w in ln.words) and not reads_well(ln.text.split())


class VvLines(list[Line]):
    """A công văn's "V/v" lines; ``cut``: they were ended at a blank (``VV_GAP``) above a line that is no
    address line: the line below may be the body's, or the subject's own below a line of it lost under a
    stamp (the subject then its first lines alone): the subject is in doubt."""

    cut: bool = False
    # found under a line taken for a number line read too garbled for a number (``_SO_LIKE``): a công văn's
    # type told by them is in doubt
    unnumbered: bool = False


def _capitals_after_first(text: str) -> bool:
    """The line's letters after its first word are capitals, four at least (an organ's line)."""
    letters = [c for c in "".join(text.split()[1:]) if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# a number line's "Số:" read garbled: "se", "sø,", "xô:" then more (folded)
_SO_LIKE = re.compile(r"^\W*[sx]\S{0,2}\s+\S")


def vv_lines(left: Sequence[Line], number_i: int | None, header: Sequence[Line] = ()) -> VvLines:
    """A công văn's "V/v …" lines in the left column (up to the next "Số:" line), each with the words that
    run on from it past the gutter (``header``: the whole rows)."""
    left = [_whole_row(ln, header) if ln.boxed and ln.words else ln for ln in left]
    for i, ln in enumerate(left):
        after_number = (number_i is not None and i == number_i + 1) or (
            # the number line read too garbled for a number ("se <ZỮ7 acve" of "Số: 2207/HC-VP" on a blurred
            # photo, seed 641 dev 004): a line opening with a short word like "Số" above it
            number_i is None and i > 0 and _SO_LIKE.match(left[i - 1].folded) is not None
        )
        if number_i is not None and i < number_i and _capitals_after_first(ln.text):
            # "V/v" is written under the number: a line of capitals above it is the header's ("vv ỦY BAN NHÂN
            # DÂN", a speck read "vv" before the organ's line on a low-light photo, seed 451 dev 010: the
            # organ's name was taken for the subject); a "V/v" line in small letters above a line taken for
            # the number ("số 15/2020/NĐ-CP …", the cited decree's, the pen's number unread) stays one
            continue
        if (
            VV.match(ln.folded)
            or (after_number and re.match(r"^\s*v\s*" + _SLASH, ln.folded))
            or (after_number and doubtful_vv(ln))
        ):
            out = VvLines([ln])
            out.unnumbered = number_i is None and not VV.match(ln.folded)
            tall = ln.y1 - ln.y0
            for nxt in left[i + 1 :]:
                if NUMBER.search(nxt.text) and SO.match(fold(nxt.text)) and not CITED.match(nxt.text):
                    break
                if box_edge(nxt, out) or marks_line(nxt):
                    # a stamp's box edge (or marks) under the lines: they end there; sure only where the blank
                    # between them is a line's height at least (no line of the subject's could go on under the
                    # edge) and ``VV_GAP`` at most (no line of it was lost above the edge, under the stamp)
                    gap = nxt.y0 - out[-1].y1
                    out.cut = not tall <= gap <= VV_GAP * max(1.0, tall)
                    break
                if nxt.y0 - out[-1].y1 > VV_GAP * max(1.0, tall):
                    # the V/v lines follow each other: a line below a blank is the body's ("Kính gửi: Các"
                    # lost on a blurred photo, its second line "cơ quan, đơn vị …" under the gutter), or the
                    # subject's own below a line of it lost: in doubt unless it is the address line
                    out.cut = not (
                        _GUI.match(nxt.folded.strip()) or re.search(r"\bkinh\s+gui\s*:", nxt.folded)
                    )
                    break
                out.append(nxt)
                tall = max(tall, nxt.y1 - nxt.y0)
            return out
    return VvLines()


UNNUMBERED_VV_CONF = 0.55  # a "V/v" read doubtfully under a garbled number line: the type in doubt


def read_type(layout: Layout, vv: Sequence[Line], notation: Found, organ_name: str | None) -> Found:
    """type_name: the heading; else "Công văn" for a V/v line; else from the notation's first part."""
    res = Builder()
    notation_val = notation.get("code_notation")
    if layout.type_hit is not None and layout.type_i is not None:
        res.set("type_name", layout.type_hit[0], layout.first[layout.type_i].conf * layout.type_hit[1])
    elif vv:
        conf = statistics.fmean(x.conf for x in vv)
        if getattr(vv, "unnumbered", False):
            conf = min(conf, UNNUMBERED_VV_CONF)
        res.set("type_name", "Công văn", conf)
    elif notation_val and notation_val.value:
        head = notation_val.value.split("-")[0]
        if head in NOTATION_TYPES:
            res.set("type_name", NOTATION_TYPES[head], notation_val.confidence * 0.9)
        elif organ_name and abbreviation(organ_name) == head:
            res.set("type_name", "Công văn", notation_val.confidence * 0.8)
    return res.freeze()


# results whose subject is their full title (CONTRACT): "GIẤY PHÉP / SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP" →
# "Giấy phép sử dụng vật liệu nổ công nghiệp"
TITLED_TYPES = ("Giấy phép", "Giấy chứng nhận", "Chứng chỉ", "Giấy xác nhận")


# words no trích yếu ends with: a conjunction or a preposition ends a title cut short ("… dịch bệnh động và"
# of "… động vật" under an incoming stamp, seed 105's perspective alt 013, taken at 0.91)
# (with their marks: "tư" of "đầu tư", "vệ" of "bảo vệ", "trọng" of "quan trọng" end titles)
_NO_LAST_WORDS = frozenset(
    {"và", "của", "cho", "về", "các", "những", "tại", "với", "theo", "trong", "hoặc", "để", "từ", "đến"}
    | {"trên"}
)
CUT_SUBJECT_CONF = 0.5
_WORD_MARKS = ".,;:!?'\"“”‘’()[]{}|-–—"


_VE_VIEC_COMMA = re.compile(r"^(V[ềỀ]\s+vi[ệỆ]c),(?=\s)", re.I)
_LOWER = "a-zà-ỹđ"
# a word split by a speck read as a dot ("hồ s.ơ"), a digit glued before a word ("Giấy phép 2kinh doanh")
_DOT_IN_WORD = re.compile(rf"(?<!\S)([{_LOWER}]+)\.([{_LOWER}]+)(?=[,;]?(?:\s|$))")
_DIGIT_GLUED = re.compile(rf"(?<!\S)\d(?=([{_LOWER}]{{2,}})(?:[,;]?(?:\s|$)))")
# a speck read as a stop between "năm" and its year ("lưu trữ năm. 2024", a blurred photo: seed 375 dev 002)
_STOP_AFTER_NAM = re.compile(r"(?<!\S)(năm|Năm|NĂM)[.,:](?=\s+\d{4}(?!\d))")
# the first letters of the next word read once more before it, no syllable ("công nă năm 2023" under a
# stamp's side: seed 375 alt 001)
_PREFIX_AGAIN = re.compile(rf"(?<!\S)([{_LOWER}]{{2,}})\s+(?=\1[{_LOWER}])")


# units a count is written against in a title ("giao 5ha đất", "nhà 3tầng"): the digit is the print's
_COUNTED_UNITS = frozenset(
    {"ha", "km", "kg", "tấn", "tầng", "lần", "người", "năm", "tháng", "ngày", "giờ", "triệu", "tỷ", "nghìn"}
    | {"ngàn", "lít", "căn", "phòng", "xe", "chiếc", "hộ", "cái", "con", "ghế", "giường", "mét", "sao", "kw"}
    | {"mw", "kv", "ca", "lớp", "suất", "bộ", "khóa", "đợt", "điểm", "cấp", "loại", "nhóm"}
)
GLUED_DIGIT_CONF = 0.59


def tidied(subject: Found) -> Found:
    """The trích yếu with a blurred photo's specks taken out where no print puts them: a comma after the
    opening "Về việc" ("Về việc, đề nghị …"), its "Về" in capitals before words in lower case ("VỀ việc đề
    nghị …") or its "Về việc" before words not all in capitals ("VỀ VIỆC Cấp Giấy …"), a dot inside a
    syllable ("hồ s.ơ"), a stop between "năm" and its year ("năm. 2024"), a next word's first letters read
    before it, no syllable ("nă năm"), a digit glued before a syllable ("Giấy phép
    2kinh doanh", not a unit's count: "5ha"); its confidence as it was, below review's when a digit was taken
    away. OCR'd pages only: a text layer's words are as written."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    text = _VE_VIEC_COMMA.sub(r"\1", f.value)
    words = text.split()
    if len(words) >= 2 and words[0] == "VỀ" and words[1].islower():
        text = "Về" + text[2:]
    elif len(words) >= 3 and words[:2] == ["VỀ", "VIỆC"] and not " ".join(words[2:]).isupper():
        text = "Về việc" + text[len("VỀ VIỆC") :]  # "VỀ VIỆC Cấp Giấy …": the opening alone read in capitals
    text = _DOT_IN_WORD.sub(lambda m: m.group(0) if not is_syllable(m[1] + m[2]) else m[1] + m[2], text)
    text = _STOP_AFTER_NAM.sub(r"\1", text)
    again = _PREFIX_AGAIN.sub(lambda m: m.group(0) if is_syllable(m[1]) else "", text)
    # a word taken away may have been a word misread ("nă năm" of a five-year plan's "năm năm"): in doubt
    doubt = again != text
    text = again
    glued = _DIGIT_GLUED.sub(
        lambda m: "" if is_syllable(m[1]) and m[1].casefold() not in _COUNTED_UNITS else m.group(0), text
    )
    if text == f.value and glued == text:
        return subject
    # a digit taken away may have been written so ("giao 5ha đất" keeps it as a unit; any other one dropped is
    # a guess): the subject goes to review (REVIEW-25 #1)
    conf = f.confidence if glued == text and not doubt else min(f.confidence, GLUED_DIGIT_CONF)
    fixed = replace(f, value=glued, confidence=conf)
    return Found(tuple(fixed if x is f else x for x in subject.fields))


def cut_in_doubt(subject: Found) -> Found:
    """A subject whose last word no title ends with (``_NO_LAST_WORDS``), or that ends with "năm" and a
    number of fewer than four digits ("… vốn đầu tư công năm 202"), in doubt: it was cut short."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence <= CUT_SUBJECT_CONF:
        return subject
    words = [w.strip(_WORD_MARKS) for w in nfc(f.value).casefold().split()]
    # "… năm 202": a year cut short (its last digit under a stamp) is no year
    cut_year = len(words) >= 2 and words[-2] == "năm" and words[-1].isdigit() and len(words[-1]) < 4
    if not words or (words[-1] not in _NO_LAST_WORDS and not cut_year):
        return subject
    cut = replace(f, confidence=CUT_SUBJECT_CONF)
    return Found(tuple(cut if x is f else x for x in subject.fields))


# the years a subject's "năm …" may name; a year read outside them is a blurred digit's misreading
YEARS = (1900, 2100)
_YEAR_AFTER_NAM = re.compile(r"\b(năm|Năm|NĂM)(\s+)(\d{4})\b")


_CUT_YEAR_AT_END = re.compile(r"\b(năm|Năm|NĂM)(\s+)(\d{2,3})$")
# a subject ending "năm" and more digits than a year's: a stamp's mark beside the year read as digits
# ("… năm 20242:" of "năm 2024" and the "Đ" of an incoming stamp's "ĐẾN", seed 707 dev 003)
_LONG_YEAR_AT_END = re.compile(r"\b(năm|Năm|NĂM)(\s+)(\d{5,6})$")
# a subject ending "năm" with no year after it ("hằng năm", "trong năm": a year's worth, no year named)
_NAM_AT_END = re.compile(
    r"(?<!\S)(?!(?:hằng|hàng|mỗi|cả|trong|nhiều|các|những|từng|HẰNG|HÀNG|MỖI|CẢ|TRONG)\s)(\S+)\s+(năm|NĂM)$"
)
# the share of the corpus's "X năm" followed by a number for a year to be taken as cut after "X năm"
YEAR_AFTER_SHARE = 0.5


def _year_usually_after(word: str) -> bool:
    """The corpus writes a number (a year) after "``word`` năm" more often than not ("công chức năm 2020",
    "kinh tế năm 2021"), not the end of a phrase ("cây lâu năm", "tổng kết cuối năm": a year's worth)."""
    model = correct.load()
    ia = model.index.get(syllable_key(word.strip(_EDGES).lower()))
    ib = model.index.get(syllable_key("năm"))
    if ia is None or ib is None:
        return False
    pairs, nexts, counts, names = _continuations()
    p = ia * model.size + ib
    lo, hi = int(np.searchsorted(pairs, p, "left")), int(np.searchsorted(pairs, p, "right"))
    total = int(counts[lo:hi].sum())
    num = sum(int(counts[j]) for j in range(lo, hi) if names[int(nexts[j])] == "<num>")
    return total > 0 and num >= YEAR_AFTER_SHARE * total


# a year's digits cut off: the digits read end their line this close (of the line's height) to the page's
# edge, or to a word of the page on their row that is no subject's (a stamp's marks or box beside them)
CUT_REACH = 2.0


def _cut_off(subject: str, own: Sequence[Line], lines: Sequence[Line]) -> bool:
    """The subject's last word is the right-most word of its own line, and that line ends at the page's
    edge or right beside something of the page that is not the subject's (a stamp's marks, its box read as
    junk): the evidence that what followed it was cut off, not written so ("sinh viên năm 2")."""
    words = subject.split()
    read = _own_words(words, own)
    last = read[-1] if read else None
    if last is None:
        return False
    line = next((ln for ln in own if any(w is last for w in ln.words)), None)
    if line is None or max(w.box.x1 for w in line.words) > last.box.x1:
        return False
    h = max(1.0, last.box.y1 - last.box.y0)
    reach = CUT_REACH * h
    if line.width - last.box.x1 <= reach:
        return True
    mine = {id(w) for ln in own for w in ln.words}
    return any(
        id(w) not in mine
        and w.box.x0 >= last.box.x1 - h / 2
        and w.box.x0 - last.box.x1 <= reach
        and min(w.box.y1, last.box.y1) - max(w.box.y0, last.box.y0) > h / 2
        for ln in lines
        for w in ln.words
    )


# digits after a subject's last "năm" this many at least, short of a year, are no count ("sinh viên năm 2" is
# a second year; "năm 201" is nothing): read by a stamp's pass through its box (``PAIRED_CONF`` or below), a
# year the box cut short, though nothing of the stamp's is read beside them
_NO_YEAR_DIGITS = 3


def _stamp_read_digits(subject: str, own: Sequence[Line]) -> bool:
    """The subject's last word, ``_NO_YEAR_DIGITS`` digits, was read at ``PAIRED_CONF`` or below: a stamp's
    pass read it through the box (its box taken out, nothing of it left beside them to see the cut by)."""
    words = subject.split()
    last = _own_words(words, own)[-1] if words else None
    return last is not None and len(words[-1]) >= _NO_YEAR_DIGITS and last.conf <= PAIRED_CONF


def year_restored(
    subject: Found, issued: str | None, own: Sequence[Line] = (), lines: Sequence[Line] = ()
) -> Found:
    """A subject whose "năm" names no year (``YEARS``: a blurred "2017" read "2917", "2022" read "2922") one
    digit off the issue date's year, or ends with "năm" and the first two or three digits of that year, the
    others cut off (``_cut_off``: the digits end their line at the page's edge or beside a stamp's marks):
    that year, in doubt (``GUESSED_CONFIDENCE``: the subject's year may be another, "năm 2016" in a report of
    2017; a person reads it). A subject ending "năm 2" or "năm 20" with no such evidence stands as read
    ("sinh viên năm 2": a second year), ``cut_in_doubt`` doubting it (REVIEW-40d); three digits a stamp's
    pass read (``_stamp_read_digits``: "… công chức năm 201" at 50, its "9" under the box taken out, seed 923
    dev 003) are cut too. A last "năm" with five or six digits opening with that year (``_LONG_YEAR_AT_END``:
    "năm 20242", a stamp's mark beside the year read as digits) is that year. OCR pages only."""
    f = subject.get("subject")
    if f is None or not f.value or not issued or not issued[:4].isdigit():
        return subject
    year = issued[:4]

    def fix(m: re.Match[str]) -> str:
        read = m.group(3)
        if YEARS[0] <= int(read) <= YEARS[1] or sum(a != b for a, b in zip(read, year, strict=True)) != 1:
            return m.group(0)
        return m.group(1) + m.group(2) + year

    value = _YEAR_AFTER_NAM.sub(fix, f.value)
    cut = _CUT_YEAR_AT_END.search(value)
    long = _LONG_YEAR_AT_END.search(value)
    if long is not None and long[3].startswith(year):
        value = value[: long.start(3)] + year  # "… năm 20242": the issue's year, a stamp's mark after it
    elif (
        cut is not None
        and year.startswith(cut[3])
        and (_cut_off(value, own, lines) or _stamp_read_digits(value, own))
    ):
        value = value[: cut.start(3)] + year  # "… công chức năm 2": its last digits under a stamp
    elif (
        (nam := _NAM_AT_END.search(value)) is not None
        and not any(ch.isdigit() for ch in nam[1])  # "kế hoạch 5 năm": five years
        and _cut_off(value, own, lines)
    ):
        if not _year_usually_after(nam[1]):
            # "cây lâu năm", "cuối năm" ends its phrase as a rule, yet a year may be under the stamp beside it
            # ("cải cách hành chính năm 2020", a phrase the corpus ends at "năm" mostly): as read, in doubt
            doubted = replace(f, confidence=min(f.confidence, GUESSED_CONFIDENCE))
            return Found(tuple(doubted if x is f else x for x in subject.fields))
        value = f"{value} {year}"  # "… công chức năm": its year all under a stamp's label ("Số:")
    if value == f.value:
        return subject
    fixed = replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE))
    return Found(tuple(fixed if x is f else x for x in subject.fields))


# a short word before a year ("… công chức :iim 2022": "năm" under a stamp's ink, seed 423 dev 010)
_WORD_BEFORE_YEAR = re.compile(r"(?<!\S)(\S{1,5})(\s+)((?:19|20)\d\d)(?![\w/+-])")
# ... whose letters are like "nam" at least this much (rapidfuzz), or which holds a sign: a misread "năm", not
# another word ("Expo 2020", "hội chợ agro 2022": REVIEW-35)
_NAM_LIKE = 50


def year_word_restored(subject: Found, *, nam_like: bool = False, own: Sequence[Line] = ()) -> Found:
    """A subject's "năm" before a year read as no word at all (no syllable, in small letters: ":iim 2022"),
    made "năm", in doubt (``GUESSED_CONFIDENCE``): Vietnamese writes a year after "năm"; a syllable read
    there ("giai đoạn 2021", "khóa 2020") or an abbreviation in capitals stands. ``nam_like``: only letters
    like "nam" (``_NAM_LIKE``), a sign among them or not (before the corrector, which makes the other
    garbles the syllable they were: "khó@ 2023" is "khóa 2023", "năấi 2030" would be "nại"). With ``own``
    (the subject's lines, giving each word as read), a syllable there is "năm" too where it is "năm" a letter
    lost (``_nam_misread``: "đầu tư công ăm 2024")."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    read = [w for ln in own for w in ln.words]

    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        core = word.strip(_EDGES)
        letters = "".join(ch for ch in core if ch.isalpha())
        if not letters or not letters.islower() or any(ch.isdigit() for ch in word):
            return m.group(0)
        if is_syllable(core):
            left = m.string[: m.start()].split()[-1:]
            if not left or not _nam_misread(core, left[0], read):
                return m.group(0)  # "giai đoạn 2021", "việc làm 2024": as printed
            return "năm" + m.group(2) + m.group(3)
        signed = any(not ch.isalnum() for ch in word)
        if (nam_like or not signed) and fuzz.ratio(fold(letters), "nam") < _NAM_LIKE:
            return m.group(0)
        return "năm" + m.group(2) + m.group(3)

    value = _WORD_BEFORE_YEAR.sub(fix, f.value)
    if value == f.value:
        return subject
    fixed = replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE))
    return Found(tuple(fixed if x is f else x for x in subject.fields))


# a syllable before a year taken for "năm" with a letter lost ("ăm", "năn") must be read below this (a word
# read surely before a year is as printed) ...
NAM_UNSURE = 70.0
# ... and the corpus show it before a number at most this share of the times it shows "năm" so ("làm" 52
# times to 17435; "nam" 179, "Việt Nam 2020": kept)
NAM_BEFORE_NUMBER = 0.005


def _nam_misread(core: str, left: str, read: Sequence[Word]) -> bool:
    """``core``, a syllable in small letters before a year after the word ``left``, is "năm" with a letter
    lost or misread ("công ăm 2024", "-ăm" at 55 its "n" under a speck): its letters, marks aside, one edit
    off "năm"'s; read unsure (``NAM_UNSURE``, as one of ``read``, the subject's words as read); rare before a
    number (``NAM_BEFORE_NUMBER``); and the corpus shows ``left`` before "năm" and never before it. A syllable
    that goes with its left word ("việc làm", "trung tâm", "hội cam") stands, however read."""
    if core == "năm" or not core.isalpha() or Levenshtein.distance(skeleton(core), "nam") != 1:
        return False
    if not left.isalpha() or not any(
        _letters([w.text]).lower() == _letters([core]).lower() and w.conf < NAM_UNSURE for w in read
    ):
        return False
    model = correct.load()
    key, nam = syllable_key(core.lower()), syllable_key("năm")
    if not correct.bigram(model, syllable_key(left.lower()), nam) or correct.bigram(
        model, syllable_key(left.lower()), key
    ):
        return False
    num, ik, inam = model.index.get("<num>"), model.index.get(key), model.index.get(nam)
    if num is None or inam is None:
        return False
    seen = 0 if ik is None else model.bigrams.get(ik * model.size + num, 0)
    return seen <= NAM_BEFORE_NUMBER * model.bigrams.get(inam * model.size + num, 0)


# a word of two letters: a subject holds one, a stamp's marks left alone ("z", "ố: )2 ¬") none
_WORDED = re.compile(r"[^\W\d_]{2}")


def full_title(type_name: str | None, subject: Found) -> Found:
    """A licence's or certificate's subject as its full title: the type name and the line(s) under it. A
    subject with no word of two letters (``_WORDED``: the title lost under a stamp, its marks left) is
    none."""
    f = subject.get("subject")
    if f is not None and f.value and not _WORDED.search(f.value):
        return Found(tuple(x for x in subject.fields if x is not f))
    if type_name not in TITLED_TYPES or f is None or not f.value:
        return subject
    value = f.value
    if fold(value).startswith(("ve viec", fold(type_name or ""))) or value.startswith("V/v"):
        return subject
    titled = f"{type_name} {value[0].lower()}{value[1:]}"
    return Found((replace(f, value=titled),))


# a quarter in Roman numerals with an I read as "l", "1", "|", "[" or "ï" ("quý lII năm 2020", "quý [II" on a
# stamp's frame), a serif I read as "T"
# ("quý TII năm 2021"); at least one true numeral letter in it, so an Arabic "quý 1" stays; only a quarter
# (I to IV) once repaired
_QUARTER = re.compile(
    r"\b([Qq]uý|QUÝ)\s+(?=[IVXl1|TÌÍ\[ïÏ]*[IVX])(?=[IVXl1|TÌÍ\[ïÏ]*[l1|TÌÍ\[ïÏ])([IVXl1|TÌÍ\[ïÏ]{2,4})\b"
)
# "quý" read without its mark before a quarter's numeral (misread or not) and the year: "quy TÍI năm 2017";
# "quy" before a Roman numeral and "năm" is no other word
_QUY = re.compile(r"\b([Qq]uy|QUY)\s+(?=[IVXl1|TÌÍ]*[IVXÌÍ])([IVXl1|TÌÍ]{1,4})(?=\s+(?:năm|NĂM)\b)")
_QUARTERS = frozenset({"I", "II", "III", "IV"})
# a lone "l", "|", "!" ("¡" on a low-light photo) or a toned I ("Ì") for a quarter ("quý l năm 2021",
# "quý ! năm 2017"): no Vietnamese word is "l", no exclamation follows "quý" in a trích yếu; an Arabic
# "1" stays
_QUARTER_ONE = re.compile(r"\b([Qq]uý|QUÝ)\s+[l|!¡ÌÍỈĨỊïÏ](?=\s|[,.;)]|$)")
# "quý 11", "quý 111" ("II", "III" with every I read as a "1"): no quarter is eleven (in doubt:
# ``quarter_one_read``)
_QUARTER_ONES = re.compile(r"\b([Qq]uý|QUÝ)\s+(11|111)(?=\s|[,.;)/]|$)")
# ... or read in small letters before the year ("quý li năm 2023" of "II" on a blurred photo, seed 425 alt
# 011): a quarter's strokes, in doubt (``quarter_one_read``)
_QUARTER_SMALL = re.compile(r"\b([Qq]uý|QUÝ)\s+(?=[lIi1|]*[li])([lIi1|]{2,3})(?=\s+(?:năm|NĂM)\b)")


# "Về" with a stamp's marks glued where "việc" was ("về-i$€ cấp …"): the word and at most two letters in the
# marks (possessive: linear on a word of thousands of marks)
_VE_GLUED = re.compile(r"^[Vv][eềẽếểệ](?=[^\w\s])((?:[^\w\s]++|[^\W\d_]{1,2}+(?=[^\w\s]|\s))++)\s++")
# marks glued to "Về" as long as a word (of the 4 letters of "việc") stand for it; one or two are a speck on a
# subject that has no "việc" ("Về. công tác …", "Về tăng cường …")
_LOST_WORD_MARKS = 3


def misread_ve_viec(text: str) -> str:
    """A trích yếu's "Về việc" misread at its start: "Vẽ viết đẩy mạnh …" (the first word folds to "ve", the
    second is one letter from "viec", not a name's capital: "Về Việt Nam …" is read right), "về-i$€ cấp …"
    (marks glued to "Về" where "việc" was)."""
    words = text.split(None, 2)
    if (
        len(words) == 3
        and fold(words[0]) == "ve"
        and not words[1].istitle()
        and fuzz.ratio(fold(words[1]), "viec") >= 75
        and not _phrase(words[1], words[2].split()[0])
    ):
        return "Về việc " + words[2]
    m = _VE_GLUED.match(text)
    if m is not None and m.end() < len(text):
        if len(m.group(1)) < _LOST_WORD_MARKS:
            return text[:2] + " " + text[m.end() :]  # a speck: dropped, no word made up
        return "Về việc " + text[m.end() :]
    return text


def _phrase(word: str, after: str) -> bool:
    """The corpus shows ``word`` before ``after``: "Về viên chức …", "Về viện trợ …" are read as they stand,
    not as a misread "Về việc" ("viên" is one letter from "viec" as "viết" is; "viết cấp" is no phrase)."""
    model = correct.load()
    return model.attested("<p>", syllable_key(word.strip(_EDGES)), syllable_key(after.strip(_EDGES)))


# an incoming stamp's labels ("Số:", "Ngày:", "Chuyển:", "ĐẾN") read on the subject's row before its
# first word
_LABELS = frozenset({"so", "ngay", "chuyen"})
_STAMP_TITLE = "den"
_OPEN_MARKS = "\"'`‘’“”«»-–.,:;*"


def _ve_word(word: str) -> bool:
    """The word is "Về" (a speck or a quotation mark before it aside)."""
    return fold(word.lstrip(_OPEN_MARKS)) == "ve"


# "việc" with letters lost under a stamp read as another syllable, capitalised as no word after "Về" is ("về
# Vệ sp Giấy phép …": a lower-case "vệ sinh" goes on a subject "Về vệ sinh …")
_VIEC_CUT = frozenset({"ve", "vie", "vec"})


def _viec_like(word: str, rime: bool = True) -> bool:
    """The word stands for "việc": read as it is, one letter off and not a name's capital ("tiệc", "viết"),
    cut and capitalised (``_VIEC_CUT``), its rime with the "i" lost (``_viec_rime``; not with ``rime``
    False), or no word read right whose letters are still like it ("viêc!"; "Covid" is not)."""
    core = word.strip(_EDGES)
    f = fold(core)
    if f == "viec" or (not core.istitle() and fuzz.ratio(f, "viec") >= 75):
        return True
    if f in _VIEC_CUT and core.istitle():
        return True
    if (
        core.istitle()
        and fuzz.ratio(f, "viec") >= 75
        and not correct.load().count(syllable_key(core.lower()))
    ):
        # one letter off and capitalised as no syllable the corpus has is ("Siệc": a pen's stroke through the
        # "v" read "S", seed 437 alt 003); a name's capital is one it has ("Về Việt Nam …")
        return True
    if rime and _viec_rime(core):
        return True
    # no word read right, its letters still like "việc" and no longer than it; not a syllable with a speck on
    # it ("vệ`" of "vệ sinh") nor a name ("Vietcombank")
    letters = re.sub(r"[\W\d_]", "", core)
    if len(fold(letters)) > len("viec") + 1 or (is_syllable(letters) and fold(letters) != "viec"):
        return False
    return not _read_right(core) and fuzz.ratio(f, "viec") >= 50


def viec_cut_read(text: str, first: Line) -> str | None:
    """The text with "Về việc" put back where "việc" was read from its first letters only ("Về vị cấp lại
    …", "vị" at 19 of "việc" under an incoming stamp's ink, k931 alt 000): "Về", then a word in small letters
    whose letters (folded) begin "viec" and are fewer, read unsure (below ``UNSURE_WORD_CONF``) in a box a
    letter wider at least than its letters printed as the line's (``letter_width``: the box holds letters
    OCR did not give), and a next word the corpus shows after "việc" ("việc cấp"). "Về vị trí …" read surely,
    or in a box of its letters, stays. None otherwise."""
    words = text.split()
    if len(words) < 3 or not _ve_word(words[0]):
        return None
    core = words[1]
    short = fold(core)
    if not (core.isalpha() and core.islower() and 2 <= len(short) < len("viec") and "viec".startswith(short)):
        return None
    read = next((w for w in first.words if unglue(w.text) == core), None)
    lw = letter_width(first)
    if read is None or lw is None or read.conf >= UNSURE_WORD_CONF:
        return None
    if read.box.x1 - read.box.x0 < (len(core) + 1) * lw:
        return None  # its box holds no more than the letters read: the word printed so
    if not _bigram_seen(correct.load(), "việc", words[2].strip(_EDGES)):
        return None
    return " ".join(["Về", "việc", *words[2:]])


def _viec_rime(word: str) -> bool:
    """The word is "việc"'s rime with its "i" lost and a stamp's stroke read as the capital ("Vẽ Mệc đẩy
    …"): capitalised, no syllable, its letters as printed ending "êc"/"ệc" (no Vietnamese syllable ends so
    without the "i", so no name does either; "Apec", "Sec" end "ec" without the circumflex: words of their
    own). A guess: the stamp over "việc" may have taken the next word too ("Vẽ Mệc hồi đất …" of "Về việc
    thu hồi đất …")."""
    core = word.strip(_EDGES)
    return (
        core.istitle()
        and len(fold(core)) <= len("viec")
        and re.search("[êệ]c$", core.lower()) is not None
        and not is_syllable(core)
    )


def drop_labels(words: Sequence[str]) -> list[str]:
    """The subject's words without an incoming stamp's labels read before its first word when that is "Về"
    ("Số: “ve tiệc đão …": the stamp's "Số:" row glued before the subject's); a label is "Số", "Ngày" or
    "Chuyển" with its colon, or "ĐẾN"."""
    k = 0
    while k < len(words) - 1:
        core = fold(words[k]).strip(_OPEN_MARKS)
        label = core in _LABELS and words[k].endswith(":")
        if not (label or (core == _STAMP_TITLE and words[k].isupper())):
            break
        k += 1
    return list(words[k:]) if k and fold(words[k].lstrip(_OPEN_MARKS)).startswith("ve") else list(words)


# an incoming stamp's date read into a subject line: its "Ngày:" label and a date of digits and marks
# ("xây Ngày: 24/12/24| dựng nông thôn mới"), a letter or two of a pen's stroke in it at most
_STAMP_DATE = re.compile(r"[\d/⁄\\|.,\-–]*\d[\d/⁄\\|.,\-–]*[^\W\d_]{0,2}[\d/⁄\\|.,\-–]*")
_STAMP_DATE_DIGITS = 2
# letters at most of a first word ending with a colon that is the stamp's "Số:" label cut ("õ: Tình hình …")
_LABEL_LETTERS = 3
_LABEL_AFTER = 3  # words after such a label for it to be left out (a subject of its own stays)


def drop_stamp_marks(words: Sequence[str]) -> tuple[list[str], bool]:
    """The subject's words without an incoming stamp's date read among them ("Ngày:" and a date of
    digits and marks after it, anywhere), nor a stamp's label cut short that opens it (a first word of at
    most ``_LABEL_LETTERS`` letters ending with a colon, ``_LABEL_AFTER`` words after it: no trích yếu opens
    with a label); True when any was left out (the stamp may hide a letter of a word: to review)."""
    out: list[str] = []
    k, dropped = 0, False
    while k < len(words):
        w = words[k]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if (
            fold(w).strip(_OPEN_MARKS) == "ngay"
            and w.endswith(":")
            and _STAMP_DATE.fullmatch(nxt)
            and sum(ch.isdigit() for ch in nxt) >= _STAMP_DATE_DIGITS
        ):
            k, dropped = k + 2, True
            continue
        out.append(w)
        k += 1
    first = out[0] if out else ""
    letters = sum(ch.isalpha() for ch in first)
    if (
        len(out) > _LABEL_AFTER
        and first.endswith(":")
        and 0 < letters <= _LABEL_LETTERS
        and not fold(first).rstrip(":").endswith("ve")
    ):
        out, dropped = out[1:], True
    return out, dropped


# a report's trích yếu openings whose one word read right names the other ("Kế quả", "Kết sa" for "Kết quả")
REPORT_OPENINGS = (("Kết", "quả"), ("Tình", "hình"))
OPENING_LIKE = 40  # rapidfuzz ratio (folded) of the word read to the opening's word it stands for
BOTH_LIKE = 60  # ... of each word to the opening's when both were misread


_PEN_IN_WORD = re.compile(r"([^\W\d_]{1,4})\d{2,}([^\W\d_]{1,4})")


def opening_repaired(words: Sequence[str], confs: Sequence[float | None]) -> list[str] | None:
    """The words with a report's opening (``REPORT_OPENINGS``) put back where one of its two words was
    read as it is and the other was read unsure (``confs``: below ``DOUBTFUL``), something like it
    (``OPENING_LIKE``), or both were misread, each like the opening's (``BOTH_LIKE``), one unsure ("Kế đùa
    …"), and the pair read is one the corpus never shows ("Kế quả kiểm tra …", "Kết sa công tác …"; "Kết
    luận …", "Tình trạng …" are read right); None when there is none to put back."""
    if len(words) < 3 or len(confs) < 2:
        return None
    model = correct.load()
    a, b = words[0].strip(_EDGES), words[1].strip(_EDGES)
    if not a or not b:
        return None
    if (a, b) in _SMALL_OPENINGS and a == words[0] and confs[0] is not None:
        # the opening read whole in small letters, its capital lost ("kết quả thực hiện …" at 87, a stamp's
        # edge over the "K"): the sentence's capital put back, in doubt (words before it may be lost too)
        return [x for x, y in REPORT_OPENINGS if x.lower() == a][:1] + list(words[1:])
    if _bigram_seen(model, a, b):
        return None
    if (lost := _opening_struck(model, words, confs)) is not None:
        return lost
    pen = _PEN_IN_WORD.fullmatch(a)
    for x, y in REPORT_OPENINGS:
        # the two words read as one, unsure, a pen's number between their letters ("Ä4864ùá kiểm tra …" of
        # "Kết quả": an incoming stamp's number written over them, seed 453 dev 002): its letters after the
        # number like the opening's second word
        if (
            pen is not None
            and confs[0] is not None
            and confs[0] < DOUBTFUL
            and fuzz.ratio(fold(pen[2]), fold(y)) >= BOTH_LIKE
        ):
            return [x.upper() if a.isupper() else x, y.upper() if a.isupper() else y, *words[1:]]
        if _glued_opening(model, a, b, confs[0], (x, y)):
            # the two words read as one, unsure, a stamp's ink between them ("káquả kiểm tra …" of "Kết
            # quả"): its letters like theirs run together, the opening's second word going on with the next
            return [x.upper() if a.isupper() else x, y.upper() if a.isupper() else y, *words[1:]]
        for k, (read, want) in enumerate(((a, x), (b, y))):
            other, other_want = (b, y) if k == 0 else (a, x)
            conf = confs[k]
            if (
                other.lower() == other_want.lower()
                and read.lower() != want.lower()
                and conf is not None
                and conf < DOUBTFUL
                and fuzz.ratio(fold(read), fold(want)) >= OPENING_LIKE
            ):
                out = list(words)
                out[k] = want.upper() if read.isupper() and len(read) > 1 else want  # as the line was read
                return out
        # both words misread ("Kế đùa …", "Tùnh hành …"): each like the opening's, one read unsure
        if (
            all(fuzz.ratio(fold(r), fold(w)) >= BOTH_LIKE for r, w in ((a, x), (b, y)))
            and any(c is not None and c < DOUBTFUL for c in confs[:2])
            and (a.lower(), b.lower()) != (x.lower(), y.lower())
        ):
            return [
                x.upper() if a.isupper() and len(a) > 1 else x,
                y.upper() if b.isupper() else y,
                *words[2:],
            ]
    return None


def first_opening_lost(words: Sequence[str], confs: Sequence[float | None]) -> list[str] | None:
    """A report's trích yếu with its opening (``REPORT_OPENINGS``) put back where its first word was lost (an
    incoming stamp's ink over "Kết" read as marks and dropped) and its second misread: the subject opens in
    small letters (no title does), its first word read unsure (below ``DOUBTFUL``), like one opening's
    second word (``BOTH_LIKE``) more than any other's, the pair it makes with the next word one the corpus
    hardly writes (below ``ANCHOR_SEEN``: "đua thực", 4) where the opening's second word goes on with it
    often (``COMMON_PAIR``: "quả thực", 687): "đua thực hiện …" of "Kết quả thực hiện …". None otherwise;
    the opening put back is a guess (to review)."""
    if len(words) < _WELL_READ or len(confs) < 1 or confs[0] is None or confs[0] >= DOUBTFUL:
        return None
    a, b = words[0].strip(_EDGES), words[1].strip(_EDGES)
    if a != words[0] or not a.isalpha() or not a.islower() or not b.isalpha():
        return None
    model = correct.load()
    if _pair_count(model, a, b.lower()) >= ANCHOR_SEEN:
        return None
    likes = {(x, y): fuzz.ratio(fold(a), fold(y)) for x, y in REPORT_OPENINGS if a != y}
    best = max(likes, key=lambda k: likes[k])
    if likes[best] < BOTH_LIKE or any(v >= likes[best] for k, v in likes.items() if k != best):
        return None
    if _pair_count(model, best[1], b.lower()) < COMMON_PAIR:
        return None
    return [*best, *words[1:]]


def second_opening_lost(words: Sequence[str]) -> list[str] | None:
    """A report's trích yếu with its opening's second word (``REPORT_OPENINGS``) put back where its first was
    read as it is and the word after it is one the corpus hardly writes after it (below ``ANCHOR_SEEN``):
    before that word where the corpus writes the opening's second word before it often (``COMMON_PAIR``:
    "Tình [hình] thực hiện …", "hình" a stamp's ink took whole, seed 911 dev 002: "tình thực" 2 times, "hình
    thực" 703), else for it where it writes it so before the word after ("Tình đảm thực hiện …", a stamp's
    ink over "hình" read surely as "đảm", seed 913 dev 009: "tình đảm" never). None otherwise; the word put
    back is the corpus's (to review)."""
    if len(words) < _WELL_READ:
        return None
    model = correct.load()
    a, b, after = words[0], words[1], words[2].strip(_EDGES)
    if b != b.strip(_EDGES) or not (b.isalpha() and b.islower() and is_syllable(b)):
        return None
    for x, y in REPORT_OPENINGS:
        if a != x or b == y or _pair_count(model, a, b) >= ANCHOR_SEEN:
            continue
        if _pair_count(model, y, b) >= COMMON_PAIR:
            return [x, y, *words[1:]]
        if after.isalpha() and after.islower() and _pair_count(model, y, after) >= COMMON_PAIR:
            return [x, y, *words[2:]]
    return None


HEAD_SHARE = 0.5  # of the times the corpus writes a pair, those it writes it after an opening's first word


def opening_head_lost(words: Sequence[str]) -> list[str] | None:
    """A report's trích yếu with its opening's first word (``REPORT_OPENINGS``) put back where a stamp's ink
    took it whole and the second was read as it is, in small letters (no title opens so: "hình thực hiện
    Chương trình …" of "Tình hình thực hiện …", seed k921 alt 002), the word after it one the corpus writes
    after that second word often (``COMMON_PAIR``: "hình thực", 703), and after the whole opening mostly
    (``HEAD_SHARE``: "tình hình thực" 698 of them; not "hình phạt", 0 of 310). None otherwise; the word put
    back is the corpus's (to review)."""
    if len(words) < _WELL_READ:
        return None
    b = words[1].strip(_EDGES)
    if not (b.isalpha() and b.islower()):
        return None
    model = correct.load()
    for x, y in REPORT_OPENINGS:
        if words[0] != y or (pair := _pair_count(model, y, b)) < COMMON_PAIR:
            continue
        ix, iy, ib = (model.index.get(syllable_key(w.lower())) for w in (x, y, b))
        if ix is None or iy is None or ib is None:
            continue
        if model.trigrams.get((ix * model.size + iy) * model.size + ib, 0) >= HEAD_SHARE * pair:
            return [x, *words]
    return None


def _glued_opening(
    model: correct.Model, a: str, b: str, conf: float | None, opening: tuple[str, str]
) -> bool:
    """``a``, the subject's first word, read unsure (below ``DOUBTFUL``) and no syllable the corpus shows
    (``correct.MIN_COUNT``), is the report's ``opening`` read as one word: its letters (folded) like the two
    words' run together (``BOTH_LIKE``), more than any other opening's, and the corpus shows the opening's
    second word before ``b``, the word read after it."""
    if conf is None or conf >= DOUBTFUL or not a.isalpha():
        return False
    if model.count(syllable_key(a.lower())) >= correct.MIN_COUNT:
        return False
    like = fuzz.ratio(fold(a), fold("".join(opening)))
    return (
        like >= BOTH_LIKE
        and all(like > fuzz.ratio(fold(a), fold(x + y)) for x, y in REPORT_OPENINGS if (x, y) != opening)
        and _bigram_seen(model, opening[1], b)
    )


_SMALL_OPENINGS = frozenset((x.lower(), y) for x, y in REPORT_OPENINGS)
_OPENING_FIRSTS = frozenset(x.lower() for x, _ in REPORT_OPENINGS)
# a word read below this is a stamp's strokes over the print (its pass reads through the box at 50), whatever
# letters it gives ("Kết mô kiểm tra …" of "Kết quả", "mô" at 0)
STRUCK_CONF = 50.0


def _opening_struck(
    model: correct.Model, words: Sequence[str], confs: Sequence[float | None]
) -> list[str] | None:
    """The words with a report's opening (``REPORT_OPENINGS``) put back where its first word was read as it
    is and its second was struck (read below ``STRUCK_CONF``, letters like it or not: "Kết mô kiểm tra …",
    an incoming stamp's pen over "quả"): the pair read one the corpus never shows, the opening's second word
    one it shows before the word after it ("quả kiểm"); None otherwise."""
    a, b, after = (w.strip(_EDGES) for w in words[:3])
    for x, y in REPORT_OPENINGS:
        if (
            a == x
            and b.lower() != y
            and confs[1] is not None
            and confs[1] < STRUCK_CONF
            and after[:1].islower()
            and _bigram_seen(model, y, after)
        ):
            return [words[0], y, *words[2:]]
    return None


def _va_for_ve(word: str) -> bool:
    """The subject's first word is "Và" (a speck or a quote before it aside): the conjunction opens no
    trích yếu; before a word standing for "việc" it is "Về" misread ("“Vạ việt" at 80, its "ề" under a
    stamp's stroke, made "Và viết": seed 595 alt 010)."""
    core = word.lstrip(_OPEN_MARKS)
    return core[:1] == "V" and fold(core) == "va"


def ve_opening(words: Sequence[str]) -> bool:
    """The words open with "Về việc" read as it is or garbled: "Về" then a word standing for "việc"
    (``_viec_like``), or "Về" with a stamp's marks glued where "việc" was (``misread_ve_viec``)."""
    if len(words) >= 2 and _ve_word(words[0]) and _viec_like(words[1]):
        return True
    if len(words) >= 2 and _va_for_ve(words[0]) and not words[1].isupper() and _viec_like(words[1]):
        # "Và viết đè …": "Về" read "Vạ", made the conjunction no subject opens with ("VÀ VIỆN KIỂM SÁT …",
        # a line in capitals, goes on a title: review of subjgarble59)
        return True
    text = " ".join(words)
    restored = misread_ve_viec(text)
    return len(words) >= 2 and restored != text and restored.startswith("Về việc ")


def reads_well(words: Sequence[str]) -> bool:
    """Each word read as a word (``_read_right``) and, a syllable, one the corpus has ("đão": a stamp's
    stroke over "bảo" made a syllable no text writes)."""
    model = correct.load()
    for w in words:
        core = w.strip(_EDGES)
        if not _read_right(core):
            return False
        if core.isalpha() and is_syllable(core) and not model.count(syllable_key(core.lower())):
            return False
    return True


def _garbled_ve(text: str) -> bool:
    """The text opens with "Về" glued to a stamp's garble of what followed it ("vếfÁ&€Ícáp" for "Về việc
    cấp"): a first word folding to "ve…" that is no word read right, with marks or a capital inside."""
    first = text.split(None, 1)[0] if text.strip() else ""
    core = first.strip(_EDGES)
    return (
        len(core) > 3
        and fold(core).startswith("ve")
        and not _read_right(core)
        and re.search(r"[^\w\s]|\d|.[A-ZÀ-ỸĐ]", core[2:]) is not None
    )


_WELL_READ = 3  # words after a restored "Về việc" read well at least (all of its line's, if it has more)


_OPENING_RUN = 2  # garbled words right after a restored "Về việc" the body may be asked for


def opening_restated(rest: Sequence[str], body: Sequence[str]) -> list[str]:
    """The words after a restored "Về việc" with a garbled run at their start ("sp Giấy phép kinh doanh …"
    for "cấp Giấy phép …") read where the body restates them (Điều 1 "Cấp Giấy phép kinh doanh …"): up to
    ``_OPENING_RUN`` words not read well, then ``_ANCHOR`` + 1 words read well that the body has, the body's
    as many words before them every time the same, read right, their letters like the run's
    (``RUN_LIKE``). Else the words as they are (nothing on the run's left to place it but the formula)."""
    g = next((k for k, w in enumerate(rest) if reads_well([w])), len(rest))
    anchor = [fold(w).strip(_EDGES) for w in rest[g : g + _ANCHOR + 1]]
    if not 0 < g <= _OPENING_RUN or len(anchor) < _ANCHOR + 1 or not reads_well(rest[g : g + _ANCHOR + 1]):
        return list(rest)
    folded = [fold(w).strip(_EDGES) for w in body]
    found = {
        tuple(w.strip(_EDGES) for w in body[p - g : p])
        for p in range(g, len(body) - len(anchor) + 1)
        if folded[p : p + len(anchor)] == anchor
    }
    if len(found) != 1:
        return list(rest)
    run = list(found.pop())
    run[0] = run[0].lower() if run[0].istitle() else run[0]  # the body's sentence opens with it ("Cấp …")
    if not reads_well(run) or fuzz.ratio(fold(" ".join(rest[:g])), fold(" ".join(run))) < RUN_LIKE:
        return list(rest)
    return [*run, *rest[g:]]


def ve_restated(words: Sequence[str], body: Sequence[str]) -> list[str] | None:
    """The subject's words with "Về việc" and its first word put back where "Về" was read, then one or
    ``_OPENING_RUN`` words not read well (a stamp's strokes over "việc" and the next word: "vẽ d ia hạn Giấy
    phép …"), then ``_ANCHOR`` + 1 words read well that the body says once, right after a sentence's or an
    article's first word ("Điều 1. Gia hạn Giấy phép …"), that word read well and its letters like the
    garble's (``RUN_LIKE``): ["Về", "việc", "gia", "hạn", …]. None otherwise. A first word that is one
    garble from a "V" on ("V€£chuịnh lập Tổ …": a pen's number written over "Về việc thành") is "Về việc"
    and that word run together (``_fused_restated``)."""
    if (fused := _fused_restated(words, body)) is not None:
        return fused
    if (lost := _lost_ve_restated(words, body)) is not None:
        return lost
    if (
        len(words) < 2 + _ANCHOR + 1
        or not _ve_word(words[0])
        or _viec_like(words[1])
        or reads_well(words[1:2])
    ):
        return None  # (a word of the subject's own after "Về", "Về công tác …": nothing garbled)
    for k in range(2, 2 + _OPENING_RUN):
        if len(words[k : k + _ANCHOR + 1]) < _ANCHOR + 1 or not reads_well(words[k : k + _ANCHOR + 1]):
            continue
        found = _restated_after(words[k : k + _ANCHOR + 1], body)
        if found is None:
            continue
        first, opens_clause = found
        garble = re.sub(r"[\W\d_]", "", fold("".join(words[1:k])))
        if not opens_clause or not reads_well([first]) or fuzz.ratio(garble, fold(first)) < RUN_LIKE:
            return None
        return ["Về", "việc", first.lower() if first.istitle() else first, *words[k:]]
    return None


def _restated_after(anchor_words: Sequence[str], body: Sequence[str]) -> tuple[str, bool] | None:
    """Where the body says ``anchor_words`` once (folded, edges stripped): the body's word right before them
    and whether that word opens a clause (after a "." or ":", or "Điều"). None when the body says them not
    once."""
    anchor = [fold(w).strip(_EDGES) for w in anchor_words]
    folded = [fold(w).strip(_EDGES) for w in body]
    starts = [p for p in range(2, len(folded) - len(anchor) + 1) if folded[p : p + len(anchor)] == anchor]
    if len(starts) != 1:
        return None
    p = starts[0]
    before = body[p - 2]
    return body[p - 1].strip(_EDGES), before.rstrip().endswith((".", ":")) or fold(before) == "dieu"


def _lost_ve_restated(words: Sequence[str], body: Sequence[str]) -> list[str] | None:
    """``ve_restated`` for a subject read from a word standing for "việc" in small letters (``_viec_like``,
    not "việc" itself), "Về" lost under an incoming stamp's box and the word after "việc" with it ("viết hồi
    đất để …" of "Về việc thu hồi đất …"): ``_ANCHOR`` + 1 words read well after it that the body says once
    right after a clause's first word ("Điều 1. Thu hồi đất để …"), that word read well and one the corpus
    shows before the next word read ("thu hồi"; not "giảm chỉ" for "giao chỉ tiêu"): ["Về", "việc", "thu",
    "hồi", …]. None otherwise."""
    if len(words) < 1 + _ANCHOR + 1 or not words[0][:1].islower() or fold(words[0]).strip(_EDGES) == "viec":
        return None
    if not _viec_like(words[0]) or not reads_well(words[1 : 2 + _ANCHOR]):
        return None
    found = _restated_after(words[1 : 2 + _ANCHOR], body)
    if found is None:
        return None
    first, opens_clause = found
    if not opens_clause or not reads_well([first]) or not first[:1].isupper() or not _phrase(first, words[1]):
        return None  # (the body's word not one the corpus shows before the next word read: "Giảm chỉ …")
    return ["Về", "việc", first.lower() if first.istitle() else first, *words[1:]]


def struck_restated(words: Sequence[str], body: Sequence[str]) -> list[str] | None:
    """The subject's words with the word after "Về việc", read below ``STRUCK_CONF`` (a stamp's strokes over
    it: "Về việc cá Giấy phép …" at 34 of "cấp"), taken from where the body restates it: ``_ANCHOR`` + 1
    words read well after it that the body says once right after a clause's first word ("Điều 1. Cấp Giấy
    phép …"), that word read well, another than the one read and its letters like it (``RUN_LIKE``), the
    corpus showing it before the next word ("cấp Giấy") and not the one read ("cá Giấy"). None otherwise
    (the caller judges the word unsure): a word read that goes on with the next one is the subject's own,
    whatever the body says ("giao chỉ tiêu" over "Điều 1. Giảm chỉ tiêu …", "cấp" over a body's "Cập")."""
    if len(words) < 3 + _ANCHOR + 1 or words[:2] != ["Về", "việc"] or not reads_well(words[3 : 4 + _ANCHOR]):
        return None
    found = _restated_after(words[3 : 4 + _ANCHOR], body)
    if found is None:
        return None
    first, opens_clause = found
    read, after = words[2].strip(_EDGES), words[3]
    if (
        not opens_clause
        or not reads_well([first])
        or first.lower() == read.lower()
        or fuzz.ratio(fold(read), fold(first)) < RUN_LIKE
        or _phrase(read, after)
        or not _phrase(first.lower(), after)
    ):
        return None
    return ["Về", "việc", first.lower() if first.istitle() else first, *words[3:]]


# words an article opens with that are its formula, not what the subject names ("Điều 1. Nay công nhận …",
# "Căn cứ …", "Theo …")
ARTICLE_FORMULA = frozenset({"nay", "can", "theo"})


def lost_in_viec(
    words: Sequence[str], line: Line, body: Sequence[str], restored: bool = False
) -> list[str] | None:
    """The subject's words with the word lost after "Về việc" put back from where the body restates it:
    "việc" read with a box reaching over that word's room (a stamp's pass read "việc gia" as "việc": its box
    as wide as its four letters and that word's at the line's ``letter_width`` at least; the gap to the next
    word read is print's spacing, no room lost), ``_ANCHOR`` + 1 words read well after it that the body says
    once right after a clause's first word ("Điều 1. Gia hạn Giấy phép …"), that word read well, in letters,
    no formula of the article's (``ARTICLE_FORMULA``: "Nay"), and one the corpus shows before the next word
    read ("gia hạn"): ["Về", "việc", "gia", "hạn", …]. The word after "việc" one the corpus never writes
    after it ("việc lại") is led so too, its box whatever, where the opening was ``restored`` from a garble
    or "việc" or that word was read unsure (below ``UNSURE_WORD_CONF``): "Về việc ông Nguyễn Văn An nghỉ
    hưu …" read well is as printed, whatever "Điều 1. Cho ông …" says. None otherwise (a guess: to review)."""
    if len(words) < 3 + _ANCHOR or words[:2] != ["Về", "việc"] or not reads_well(words[2 : 3 + _ANCHOR]):
        return None
    found = _restated_after(words[2 : 3 + _ANCHOR], body)
    if found is None:
        return None
    first, opens_clause = found
    if not opens_clause or not first.isalpha() or not reads_well([first]) or not _phrase(first, words[2]):
        return None
    if fold(first) in ("ve", "viec"):
        return None  # "Điều 1. Việc cấp …": the body's "việc", read already
    if fold(first) in ARTICLE_FORMULA:
        return None  # "Điều 1. Nay giao …": the article's formula, never the subject's ("Về việc giao …")
    put = ["Về", "việc", first.lower() if first.istitle() else first, *words[2:]]
    read = sorted(line.words, key=lambda w: w.box.x0)
    at = next((k for k, w in enumerate(read[:-1]) if unglue(w.text) == "việc"), None)
    unsure = at is None or any(w.conf < UNSURE_WORD_CONF for w in read[at : at + 2])
    if (restored or unsure) and not _bigram_seen(correct.load(), "việc", words[2].strip(_EDGES)):
        # "Về việc lại Giấy chứng nhận …": the corpus never writes "việc lại", a word was lost between (a
        # stamp's garble put back as "Về việc" had taken it), the one "Điều 1. Cấp lại Giấy …" says
        return put
    lw = letter_width(line)
    if at is None or lw is None or unglue(read[at + 1].text) != words[2]:
        return None
    if read[at].box.x1 - read[at].box.x0 < lw * (len("việc") + len(first)):
        return None  # "việc"'s box as wide as its letters: nothing lost inside it (a gap is print's spacing)
    return put


def _fused_restated(words: Sequence[str], body: Sequence[str]) -> list[str] | None:
    """``ve_restated`` for a first word that is no word read right, a "V" and letters after it, ``_ANCHOR``
    + 1 words read well after it that the body says once right after a clause's first word ("Điều 1. Thành
    lập Tổ công tác …"), that word read well and "Về việc" with it like the garble's letters
    (``FUSED_LIKE``): ["Về", "việc", "thành", "lập", …]. None otherwise."""
    garble = re.sub(r"[\W\d_]", "", fold(words[0])) if words else ""
    if (
        len(words) < 1 + _ANCHOR + 1
        or not words[0].startswith("V")
        or len(garble) < 4
        or reads_well(words[:1])
    ):
        return None
    anchor = [fold(w).strip(_EDGES) for w in words[1 : 1 + _ANCHOR + 1]]
    if not reads_well(words[1 : 1 + _ANCHOR + 1]):
        return None
    folded = [fold(w).strip(_EDGES) for w in body]
    starts = [p for p in range(2, len(folded) - len(anchor) + 1) if folded[p : p + len(anchor)] == anchor]
    if len(starts) != 1:
        return None
    p = starts[0]
    first, before = body[p - 1].strip(_EDGES), body[p - 2]
    opens_clause = before.rstrip().endswith((".", ":")) or fold(before) == "dieu"
    if not opens_clause or not reads_well([first]) or fuzz.ratio(garble, "veviec" + fold(first)) < FUSED_LIKE:
        return None
    return ["Về", "việc", first.lower() if first.istitle() else first, *words[1:]]


def lost_v(words: Sequence[str]) -> bool:
    """The words open with "Về việc" read with the "V" of "Về" lost ("ê việt đề nghị …": a stamp's edge over
    it): a first word of one letter folding to "e" (a speck glued to it aside), then a word standing for
    "việc" one letter off it, in lower case, that the corpus does not show before the next word."""
    return (
        len(words) >= 3
        and fold(words[0].strip(_OPEN_MARKS)) == "e"
        and not words[1].istitle()
        and fuzz.ratio(fold(words[1]), "viec") >= 75
        and not _phrase(words[1], words[2])
    )


def restore_opening(text: str, first_n: int, body: Sequence[str] = ()) -> tuple[str, bool] | None:
    """The trích yếu with its garbled "Về việc" restored (``misread_ve_viec``, ``ve_opening``: the formula
    is fixed, no other word is made up), only when the words after it on its first line (``first_n``
    words, the opening's among them) read well, at least ``_WELL_READ`` of them, or a garbled run at their
    start is read where the ``body`` restates it (``opening_restated``: then True, words chosen on a partial
    match); None when they do not, or when "Về" is glued into a garble of what followed it, not marks for
    "việc" (``_garbled_ve``): nothing to restore it on. Any other text as it is."""
    restored = misread_ve_viec(text)
    if restored == text and _garbled_ve(text):
        return None
    words = text.split()
    if restored == text and lost_v(words):
        rest = words[2:]
        on_line = max(_WELL_READ, first_n - 2)
        return ("Về việc " + " ".join(rest), True) if reads_well(rest[:on_line]) else None
    # "việc" read only from its rime ("Vẽ Mệc …"): the stamp over it may have taken the next word too
    rime = False
    if restored == text and len(words) >= 3 and ve_opening(words):
        restored = "Về việc " + " ".join(words[2:])
        rime = _ve_word(words[0]) and _viec_like(words[1]) and not _viec_like(words[1], rime=False)
        rime = rime or _va_for_ve(words[0])  # "Và" read for "Về": a misreading put right is a guess
    fused = (
        restored == text
        and len(words) >= 1 + _WELL_READ
        and (fused_ve_viec(words[0]) or glued_ve_viec(words[0]))
    )
    if fused:
        restored = "Về việc " + " ".join(words[1:])
    if restored == text and (again := ve_restated(words, body)) is not None:
        return " ".join(again), True  # "vẽ d ia hạn …": "Về việc gia" read where the body says "Gia hạn …"
    if restored == text or not restored.startswith("Về việc "):
        return restored, False
    rest = restored.split()[2:]
    on_line = max(_WELL_READ, first_n - (len(words) - len(rest)))
    if reads_well(rest[:on_line]):
        return restored, fused or rime
    if fused:
        return None  # a garble taken for "Về việc" with more garble after it: nothing to restore it on
    rest = opening_restated(rest, body)
    return ("Về việc " + " ".join(rest), True) if reads_well(rest[:on_line]) else None


# a garbled first word taken for "Về việc" run together: its letters at least this like "veviec" (rapidfuzz)
FUSED_LIKE = 50
_FUSED_LETTERS = (4, 8)


def fused_ve_viec(word: str) -> bool:
    """A subject's first word that is "Về việc" read as one garbled word ("V#đfệc" under an incoming stamp's
    edge): led by a "V", no word read right (``_read_right``), four to eight letters like "veviec"
    (``FUSED_LIKE``); "Việt", "Vận" are words, "Vâ" too short to tell."""
    core = word.lstrip(_OPEN_MARKS).strip(_EDGES)
    letters = re.sub(r"[\W\d_]", "", fold(core))
    return (
        core[:1] in ("V", "v")
        and not _read_right(core)
        and _FUSED_LETTERS[0] <= len(letters) <= _FUSED_LETTERS[1]
        and fuzz.ratio(letters, "veviec") >= FUSED_LIKE
    )


_GLUED_VE = 4  # letters at most of a garble glued before "việc" that stands for "Về" ("sðvề", "Ế")


def glued_ve_viec(word: str) -> bool:
    """A subject's first word that is "Về việc" read with a stamp's or a speck's marks between its two
    words ("sðvề'wiệc", "Ế\"việc"): no word read right, its last run of letters "việc" or one letter off
    it (not a name's capital: "Việt"), after a mark, the letters before the mark at most ``_GLUED_VE``
    and ending in an "e" (of "Về")."""
    core = word.strip(_EDGES)
    runs = re.findall(r"[^\W\d_]+", core)
    if len(runs) < 2 or _read_right(core) or not core.endswith(runs[-1]):
        return False
    last, before = runs[-1], "".join(runs[:-1])
    viec = fold(last) == "viec" or (not last.istitle() and fuzz.ratio(fold(last), "viec") >= 75)
    return viec and len(before) <= _GLUED_VE and fold(before).endswith("e")


def _accent_only(word: str) -> bool:
    """A word of accents alone ("ˆ", "˜", "´", "`", a combining mark after a space NFC cannot compose), a
    speck glued to it or not ("ˆ.", "ˆ,"): a stamp's mark or a speck read as one (a modifier letter is a
    letter to the regex), no print's word."""
    core = word.rstrip(_EDGES)
    return bool(core) and all(unicodedata.category(ch) in ("Lm", "Sk", "Mn") for ch in core)


# marks a trích yếu's print puts between words ("2021 - 2025", "A & B", "và/hoặc", quotes, brackets)
_PRINTED_MARKS = frozenset('-–—&/+%"“”()[]{}.,;:')


def drop_stray_dots(text: str) -> str:
    """A speck read as a full stop after a word inside the trích yếu ("giải quyết thủ. tục hành chính"): a
    trích yếu is one phrase, a dot between two words in lower case is no stop ("TP. Hồ Chí Minh" stays); a
    speck or a stamp's mark read as a lone accent ("kêu gọi ˆ đầu tư", ``_accent_only``)."""
    if any(_accent_only(w) for w in text.split()):
        text = " ".join(w for w in text.split() if not _accent_only(w))
    return re.sub(r"(?<=[^\W\d_])\.(?=\s+[a-zà-ỹđ])", "", text)


def lost_word_mark(text: str) -> bool:
    """The text has a lone accent (``_accent_only``) that ``drop_stray_dots`` drops, or a lone mark no print
    puts between two words ("kêu gọi ~ tư", "°", "’", "|", "*"): the mark may be all that was read of a word
    lost under a stamp or a speck ("kêu gọi ˆ tư năm 2019" for "kêu gọi đầu tư", "tăng cường ˆ tác" for
    "công tác"), what is left is no sure reading: the subject goes to review."""
    words = text.split()
    if any(_accent_only(w) for w in words):
        return True
    return any(not any(ch.isalnum() for ch in w) and not set(w) <= _PRINTED_MARKS for w in words[1:-1])


def doubled_word(text: str, read: Sequence[Word] = ()) -> bool:
    """A word of letters read twice in a row ("Tình Tình thực hiện …" for "Tình hình": an incoming stamp's
    frame before the "h" read as a "T"): a trích yếu says no word twice, a reduplicated one ("song song") is
    rare in a title and the corpus's counts of doubled words are its own text's noise; a person reads it.
    Born-digital text (``read``, the subject's words, all at confidence 100) is as printed: never."""
    if read and all(w.conf >= 100 for w in read):
        return False
    words = [w.strip(_EDGES).casefold() for w in text.split()]
    return any(a == b and a.isalpha() for a, b in itertools.pairwise(words))


def bar_in_word(words: Sequence[Word]) -> bool:
    """A bar read glued to a word's letters ("ả|kiểm" at 66): a frame's stroke crossing the line (an incoming
    stamp's box over "Kết quả kiểm tra", read "Kết qúả ả|kiểm tra" at 0.92, seed 273 dev 009), no print's
    letter: the letters beside it are what the frame left of a word (a letter doubled, lost or misread),
    the subject goes to review. Born-digital text (confidence 100) is as printed."""
    return any(w.conf < 100 and re.search(r"[^\W\d_]\||\|[^\W\d_]", w.text) is not None for w in words)


def quarter_one_read(words: Sequence[Word]) -> bool:
    """A quarter's numeral read as the Arabic "1" by OCR ("quý 1 năm 2016"): kept as read (a page may print
    "quý 1"), but the corpus writes a quarter in Roman numerals ten times as often, and a serif "I" reads as
    a "1" on a poor photo (0.93 sure): in doubt; so is "11" or "111" (``fix_quarter`` writes them "II",
    "III": no quarter is eleven). Born-digital text (confidence 100) is as printed. So is a Roman numeral
    read unsure (under ``QUARTER_SURE``): its strokes are counted, and a count read unsure is no quarter ("quý
    II" at 45 for "III" on a dim photo, taken at 0.88). So is any word between "quý" and "năm" that is no
    quarter's numeral ("quý TH năm 2018" of "III" on a bitonal scan, seed 443 alt 011, taken at 0.92)."""
    # ("quý" with its mark, not "quy chế" nor "quy định"; a numeral's shape: capitals, digits, strokes; as
    # printed on a born-digital page: REVIEW-36)
    if any(
        a.text.strip(_EDGES).lower() in ("quý", "quí")
        and fold(c.text).strip(_EDGES) == "nam"
        and b.conf < 100
        and _NUMERAL_SHAPED.fullmatch(b.text.strip(_EDGES)) is not None
        and b.text.strip(_EDGES) not in (*_QUARTERS, "1", "2", "3", "4")
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    ):
        return True
    return any(
        fold(a.text).strip(_EDGES) == "quy"
        and (
            (b.text.strip(_EDGES) in ("1", "11", "111") and b.conf < 100)
            or (b.text.strip(_EDGES) in _QUARTERS and b.conf < QUARTER_SURE)
            or (set(b.text.strip(_EDGES)) == {"I"} and b.conf < STROKES_SURE)
            or _QUARTER_SMALL.match(f"quý {b.text.strip(_EDGES)} năm") is not None
        )
        for a, b in itertools.pairwise(words)
    )


_NUMERAL_SHAPED = re.compile(r"[A-ZĐ0-9|!l\[\]]{1,4}")
QUARTER_SURE = 80
# a numeral of strokes alone ("I", "II", "III") is no sure count below this: "II" at 91 for a printed "III"
# on a dim photo (seed 417 alt 011, SURE-WRONG at 0.96), a right "III" read at 86: no count by confidence
STROKES_SURE = 95


_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))


def drop_unpaired_brackets(text: str) -> str:
    """A bracket at an end of the trích yếu that opens or closes nothing in it is a stamp's stroke or a speck
    ("… Xanh Tân Tiến)": the stamp's side read as a bracket); "(Tổng công ty …)" keeps both of its."""
    for left, right in _PAIRS:
        while text.endswith(right) and text.count(right) > text.count(left):
            text = clean_value(text[:-1])
        while text.startswith(left) and text.count(left) > text.count(right):
            text = clean_value(text[1:])
    return text


_ANCHOR = 2  # words read right on each side of a garbled run, which the body must have around its own words
_MORE_WORDS = (
    2  # a garbled run may stand for this many words more than it has ("kiện.cử," for "kiện cửa hàng")
)
WORD_LIKE = 60  # rapidfuzz ratio of a word read right next to a garbled run to the body's word for it
# a word read as a syllable with at most this confidence is clearly unsure (a stamp band's word read with a
# syllable's letters but not its marks is capped here: stamps.BARE_CONF); a word read so is read from the body
# where it restates it with a word like it (``body_confirmed``)
UNSURE_SYLLABLE = 50.0
RUN_LIKE = 40  # rapidfuzz ratio of a garbled run to the body's words for the run's letters to support them
MAX_RUNS = 8  # garbled runs of one subject looked up in the body (a crafted subject of a hundred: no more)
RESTATED_CONFIDENCE = 0.8  # a subject with words taken from the body is no surer than this (under SURE)
# ... and with its words chosen over the subject's own reading on a partial match (a holder's name, a lost end
# fitted by its width), under review's threshold: a person confirms it
GUESSED_CONFIDENCE = 0.5
# a number in the trích yếu (a year, a quarter's, a decree's) read with less confidence than this: a blurred
# photo's digits are misread alike ("năm 2021" read "2001" at 25, the line's mean 0.71), the subject to review
UNSURE_NUMBER = 50.0
# a word with a mark glued before it (``unglue``) read with less confidence than this: the mark may be what
# a stamp's stroke left of the word's first letter ("/ất" for "đất" under an incoming stamp's box, at 49):
# the subject to review
UNSURE_UNGLUED = 60.0
_EDGES = ",.;:()\"'“”"
# words that are no Vietnamese syllable yet read right: a Roman numeral ("quý II"), an acronym ("THCS",
# "UBND"), a number with its separators ("1.500", "15/3/2024"), a name with one marked letter ("Đắk", "Lắk",
# "Ea": highland names no syllable list has; OCR's garble has more marks, digits or symbols: "Êãnới194")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_NUMBER_SEPARATED = re.compile(r"\d+(?:[.,/-]\d+)+")
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,7}")


def _name_like(core: str) -> bool:
    if not (core.isalpha() and core[0].isupper() and core[1:].islower() and len(core) <= 7):
        return False
    marked = sum(ch != "đ" and fold(ch) != ch for ch in core.lower())  # Đ is a letter, not a mark
    return marked <= 1 and fold(core).isascii()


def _one_case(core: str) -> bool:
    """The word's letters are in one case as print writes a word: all small, all capitals, or a capital and
    small letters after it. A capital after a small letter ("đấC": an incoming stamp's box over the "t" of
    "đất") or small letters after two capitals ("ĐẤt") are a garble, though the syllable once in lower case
    is one."""
    return core == core.lower() or core == core.upper() or core[1:] == core[1:].lower()


def _read_right(word: str) -> bool:
    """A subject's word read as a word: a Vietnamese syllable (its letters in one case: ``_one_case``), a
    number, a dash, a Roman numeral, an acronym, a name with one marked letter."""
    core = word.strip(_EDGES)
    if core in ("-", "–") or core.isdigit() or _NUMBER_SEPARATED.fullmatch(core):
        return True
    if core and (_ROMAN.fullmatch(core) or _ACRONYM.fullmatch(core)):
        return True
    return core.isalpha() and ((is_syllable(core) and _one_case(core)) or _name_like(core))


def _between(
    body: Sequence[str],
    folded: Sequence[str],
    starts: dict[tuple[str, ...], list[int]],
    left: list[str],
    right: list[str],
    most: int,
) -> list[str] | None:
    """The words of ``body`` between ``left`` and ``right`` (folded words) where it has them at most ``most``
    words apart; None unless the body has one such run (or the same one each time) and its words all read
    right (a second, other run there, or the subject's own words again, leave nothing to choose).
    ``starts``: where each pair of folded words begins in the body."""
    found: set[tuple[str, ...]] = set()
    n, m = len(left), len(right)
    for p in starts.get(tuple(left), ()):
        for q in range(p + n + 1, min(p + n + most, len(folded) - m) + 1):
            if list(folded[q : q + m]) == right:
                found.add(tuple(body[p + n : q]))
                break
        if len(found) > 1:
            return None
    if len(found) != 1:
        return None
    run = list(found.pop())
    return run if all(_read_right(w) for w in run) else None


def confirm_in_body(text: str, body: Sequence[str], own: Sequence[Word] = ()) -> str:
    """The trích yếu with its garbled runs read from the body (``body_confirmed``)."""
    return body_confirmed(text, body, own)[0]


def body_confirmed(text: str, body: Sequence[str], own: Sequence[Word] = ()) -> tuple[str, bool]:
    """The trích yếu with a run of words garbled under a stamp ("điều kiện sản 46át/Hỗa chất cho", "nông thô
    Êãnới194 năm 2016") read from the body, where the document restates it (a decision's Điều 1 "Cấp Giấy
    chứng nhận đủ điều kiện sản xuất hóa chất cho …"): the body's words between the same ``_ANCHOR`` words
    read right on either side (a word read right next to the run may be part of it: "thô"), at most two
    words more than the run has and twice its letters, their letters like the run's (``RUN_LIKE``), the
    body's only such run. A run at the subject's start or end (no word on one side to place it) is read so
    only when its words were read unsure (``_edge_run``; ``own``: the subject's words as read, none given:
    never); a run the body does not restate stays as read. With it, whether a run of words that read as
    words, only read unsure, was put so: the body's words stand for them, not a reading of their print (in
    doubt)."""
    words = text.split()
    guessed = False
    base = [_read_right(w) for w in words]
    # a word read as a word but clearly unsure (``UNSURE_SYLLABLE``: "hoạt động thọm học thêm" at 50 of "dạy
    # thêm,", "thẩm định á đất" at 47 of "định giá") is no sure reading where the body restates it: a run of
    # such words only, each like the body's word in its place (``_words_like``), is read from the body
    unsure = _unsure_at(words, own, UNSURE_SYLLABLE)
    sure = [r and not u for r, u in zip(base, unsure, strict=True)]
    folded = [fold(w).strip(_EDGES) for w in body]
    starts: dict[tuple[str, ...], list[int]] = {}
    for p in range(len(folded) - _ANCHOR + 1):
        starts.setdefault(tuple(folded[p : p + _ANCHOR]), []).append(p)
    # garbled runs (as before: words that read as no word), and runs of words read as words only unsure
    # (inside the subject: at an edge such words stay as read)
    runs = [(i, j, False) for i, j in _runs(base)]
    runs += [(i, j, True) for i, j in _runs(sure) if all(base[i:j]) and i > 0 and j < len(words)]
    runs.sort()
    for i, j, guess in reversed(runs[:MAX_RUNS]):
        right = sure if guess else base
        if i == 0 or j == len(words):
            edge = _edge_run(words, base, folded, i, j, body, own)
            if edge is not None:
                words[i:j] = edge
            continue
        for a, b in ((i, j), (i - 1, j), (i, j + 1), (i - 1, j + 1)):
            if a < _ANCHOR or b + _ANCHOR > len(words):
                continue
            if not all(right[a - _ANCHOR : a]) or not all(right[b : b + _ANCHOR]):
                continue
            left_words = [fold(w).strip(_EDGES) for w in words[a - _ANCHOR : a]]
            right_words = [fold(w).strip(_EDGES) for w in words[b : b + _ANCHOR]]
            read = " ".join(words[a:b])
            run = _between(body, folded, starts, left_words, right_words, b - a + _MORE_WORDS)
            if (
                run
                and len(" ".join(run)) <= 2 * len(read) + 2
                and fuzz.ratio(fold(read), fold(" ".join(run))) >= RUN_LIKE
                # a word read right taken into the run is read again as a word like it ("thô": "thôn")
                # ... or the run read is one word of the body's read in parts ("TNHH M IV Dược" of "MTV")
                and (
                    (
                        (a == i or _read_again(words[a], run[0], head=True))
                        and (b == j or _read_again(words[b - 1], run[-1], head=False))
                    )
                    or _read_apart(words[a:b], run)
                )
                and [w.strip(_EDGES).lower() for w in run] != [w.strip(_EDGES).lower() for w in words[a:b]]
                and (not guess or _words_like(words[a:b], run, a < i, b > j))
            ):
                run = list(run)
                if a < i and _kept_as_read(words[a], run[0], own):
                    run[0] = words[a]
                if b > j and len(run) > 1 and _kept_as_read(words[b - 1], run[-1], own):
                    run[-1] = words[b - 1]
                guessed = guessed or (guess and run != words[a:b])
                words[a:b] = run
                break
    return " ".join(words), guessed


def _kept_as_read(read: str, said: str, own: Sequence[Word]) -> bool:
    """A word read right next to a garbled run, taken into it, stays as read over the body's word for it
    where it was read surely (``RESTATED_SURE``) and the body's has as many letters: the body's print read
    another way ("phóp" in Điều 1 for "phép" read at 96 before the unsure "kinh"), not a word whose letters
    the run took ("thô" of "thôn")."""
    r, s = fold(read).strip(_EDGES), fold(said).strip(_EDGES)
    if len(r) != len(s) or not _read_right(read):
        return False
    return any(fold(w.text).strip(_EDGES) == r and w.conf >= RESTATED_SURE for w in own)


def _runs(right: Sequence[bool]) -> list[tuple[int, int]]:
    """The spans of words not ``right``, each as long as it goes."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(right):
        if right[i]:
            i += 1
            continue
        j = i
        while j < len(right) and not right[j]:
            j += 1
        out.append((i, j))
        i = j
    return out


def _words_like(read: Sequence[str], said: Sequence[str], head: bool, tail: bool) -> bool:
    """The body's words ``said`` stand for the words ``read`` as words read unsure: as many, or one more (a
    word lost under the stamp: "thọm" of "dạy thêm,"), each read word like the body's in its place
    (``WORD_LIKE``; a word read right taken in at the run's ``head`` or ``tail`` as ``_read_again`` has
    it): a word read as another word ("thủy" for "giao thông", "sơ" for "tổng") is the print's."""
    extra = len(said) - len(read)
    if extra not in (0, 1):
        return False
    for k in range(len(said)) if extra else (None,):
        kept = [w for n, w in enumerate(said) if n != k]
        if all(
            _read_again(r, s, head=True)
            if n == 0 and head
            else _read_again(r, s, head=False)
            if n == len(read) - 1 and tail
            else fuzz.ratio(fold(r).strip(_EDGES).lower(), fold(s).strip(_EDGES).lower()) >= WORD_LIKE
            for n, (r, s) in enumerate(zip(read, kept, strict=True))
        ):
            return True
    return False


def _unsure_at(words: Sequence[str], own: Sequence[Word], most: float) -> list[bool]:
    """For each of the subject's ``words``: was it read with at most ``most`` confidence? Its word of
    ``own`` (the subject's words as read, in order) is the first after the last one matched that reads like
    it once folded; a word none reads like (put there by a rule) is not."""
    folded = [fold(w.text).strip(_EDGES) for w in own]
    out = []
    at = 0
    for word in words:
        core = fold(word).strip(_EDGES)
        k = next((j for j in range(at, len(own)) if folded[j] == core), None)
        out.append(k is not None and own[k].conf <= most)
        at = at if k is None else k + 1
    return out


def _read_again(read: str, said: str, *, head: bool) -> bool:
    """A word read right next to a garbled run is the body's word ``said`` for it: like it (``WORD_LIKE``),
    or its letters with its end next to the run lost (``head``: the word opens the run, its tail lost; else
    it closes it, its head lost: "á" of "giá")."""
    r, s = fold(read).strip(_EDGES).lower(), fold(said).strip(_EDGES).lower()
    if fuzz.ratio(r, s) >= WORD_LIKE:
        return True
    return bool(r) and len(r) < len(s) and (s.startswith(r) if head else s.endswith(r))


# letters a blur or a stroke over them makes one of another (a serif lost: "T" read "I"): the only
# difference allowed between a word read in parts and the body's one word (``_read_apart``)
_PART_LOOKALIKES = frozenset({frozenset("it"), frozenset("il"), frozenset("lt")})


def _read_apart(read: Sequence[str], said: Sequence[str]) -> bool:
    """The words ``read`` (two or more) are the body's one word ``said`` read in parts: their characters
    joined are its, in order and as many, but for one letter read as a look-alike (``_PART_LOOKALIKES``: "M
    IV" of "MTV", a stamp's stroke or a blur split the acronym and made its "T" an "I"). Digits must be the
    body's exactly, and a part of digits only is a number of its own ("D 12" is no "D13", "B 2" no "B21")."""
    if len(read) < 2 or len(said) != 1:
        return False
    parts = [fold(w).strip(_EDGES).lower() for w in read]
    if any(not p or p.isdigit() for p in parts):
        return False
    joined = "".join(parts)
    s = fold(said[0]).strip(_EDGES).lower()
    if len(joined) != len(s):
        return False
    differ = [(a, b) for a, b in zip(joined, s, strict=True) if a != b]
    return len(differ) <= 1 and all(frozenset((a, b)) in _PART_LOOKALIKES for a, b in differ)


def _edge_run(
    words: Sequence[str],
    right: Sequence[bool],
    folded: Sequence[str],
    i: int,
    j: int,
    body: Sequence[str],
    own: Sequence[Word],
) -> list[str] | None:
    """The body's words for the garbled run ``words[i:j]`` at the subject's start or end (an incoming
    stamp's box over its first word: "ÝHỰC HÀNH TỐT …" for "THỰC HÀNH TỐT …", a certificate's "Đủ điều
    kiện: thực hành tốt …" restating it): each of its words read unsure (one of ``own`` like it read with
    less than ``DOUBTFUL``: a word read surely that is no syllable is a code, "COVID-19", "14C", "H'leo");
    with ``_ANCHOR`` words read right on its one side, the body's words next to the same words there, as
    many as the run's, each read right, like the word read (``WORD_LIKE``), as long as it give or take a
    letter and none the read word holds whole ("COVID" in "COVID-19": the word read says more), the body's
    only such run; None otherwise."""
    n = j - i
    if i == 0 and j == len(words):
        return None  # nothing read right to place it
    if not all(_read_unsure(w, own) for w in words[i:j]):
        return None
    if i == 0:
        if j + _ANCHOR > len(words) or not all(right[j : j + _ANCHOR]):
            return None
        anchor = [fold(w).strip(_EDGES) for w in words[j : j + _ANCHOR]]
        at = range(n, len(folded) - _ANCHOR + 1)
        spots = [p - n for p in at if list(folded[p : p + _ANCHOR]) == anchor]
    else:
        if i < _ANCHOR or not all(right[i - _ANCHOR : i]):
            return None
        anchor = [fold(w).strip(_EDGES) for w in words[i - _ANCHOR : i]]
        at = range(len(folded) - _ANCHOR - n + 1)
        spots = [p + _ANCHOR for p in at if list(folded[p : p + _ANCHOR]) == anchor]
    found = {tuple(body[p : p + n]) for p in spots}
    if len(found) != 1:
        return None
    run = [w.strip(_EDGES) for w in found.pop()]
    read = [fold(w).strip(_EDGES) for w in words[i:j]]
    like = [
        fuzz.ratio(fold(w), r) >= WORD_LIKE and _garble_of(r, fold(w)) for w, r in zip(run, read, strict=True)
    ]
    if not all(like) or not all(_read_right(w) for w in run):
        return None
    return [_cased_as(w, old.strip(_EDGES)) for w, old in zip(run, words[i:j], strict=True)]


def _read_unsure(word: str, own: Sequence[Word]) -> bool:
    """One of the subject's ``own`` words that reads like ``word`` (marks at its ends aside) was read with
    less than ``DOUBTFUL`` confidence."""
    core = fold(word).strip(_EDGES)
    return any(fold(w.text).strip(_EDGES) == core and w.conf < DOUBTFUL for w in own)


def _garble_of(read: str, said: str) -> bool:
    """The folded word ``read`` may be a garble of the folded body word ``said``: as long as it give or take
    one letter, and not holding it whole, its letters and digits apart ("covid-19" holds "covid", "h'leo"
    "hleo", "14c" "14": the word read says more than the body's, a garble says less)."""
    letters = re.sub(r"[\W_]", "", said)
    return abs(len(read) - len(said)) <= 1 and not (letters and letters in re.sub(r"[\W_]", "", read))


def restated(subject: Found, lines: Sequence[Line], own: Sequence[Line]) -> Found:
    """``subject`` with its garbled runs read from where the document's other ``lines`` (not its ``own``,
    as read before any repair) restate them (``confirm_in_body``); words taken from elsewhere make it no
    surer than ``RESTATED_CONFIDENCE``."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    mine = {id(w) for ln in own for w in ln.words}
    body = [w for ln in lines if not any(id(x) in mine for x in ln.words) for w in ln.text.split()]
    words = [w for ln in own for w in sorted(ln.words, key=lambda w: w.box.x0)]
    value, guessed = body_confirmed(f.value, body, words)
    conf = f.confidence if value == f.value else min(f.confidence, RESTATED_CONFIDENCE)
    if guessed:
        conf = min(conf, GUESSED_CONFIDENCE)  # words read unsure as other words: the body's, to review
    tail = restated_tail(value, body)
    if tail is None and conf <= GUESSED_CONFIDENCE:
        # a subject in doubt already: its last words read as words but hardly at all (``UNSURE_END``: a
        # stamp's ink over "THỂ THAO" read "TIỀN" at 25 and "Từ" at 12, seed 937 alt 006) are garbled too
        unsure = _unsure_at(value.split(), words, UNSURE_END)
        first = next((k for k, u in enumerate(unsure) if u), len(unsure))
        # (only a run of them that ends the subject: words read surely after one read hardly at all are
        # print the body may not restate, "… lữ hành quốc tế": review of subjgarble59)
        if first < len(unsure) and all(unsure[first:]):
            tail = restated_tail(value, body, unsure)
    if tail is None:
        tail = cut_end_restated(value, body, _own_words(value.split(), own))
    if tail is None:
        tail = gap_end_restated(value, body, _own_words(value.split(), own))
    if tail is not None:
        value, conf = tail, min(conf, RESTATED_TAIL_CONFIDENCE)
    if any(_garbled(w, words) or _fragment(w) for w in value.split()) or _out_of_context(value, words):
        conf = min(conf, GUESSED_CONFIDENCE)  # a garble left in it: a person reads it
    if value == f.value and conf == f.confidence:
        return subject
    return Found((replace(f, value=value, confidence=conf),))


# the subject's words right before (or after) a word the corrector changed that the body says too
READ_ANCHOR = 2
# a word put back as read stays sure only where Tesseract read the subject's own word at this confidence at
# least; else the subject is in doubt (``GUESSED_CONFIDENCE``)
RESTATED_SURE = 90.0


def _phrases(lines: Sequence[Line], own: Sequence[Line]) -> list[list[str]]:
    """The words of the document's lines but its ``own`` (the subject's), each line's in small letters, their
    marks at the ends left out."""
    mine = {id(w) for ln in own for w in ln.words}
    return [
        [w.strip(_EDGES).lower() for w in ln.text.split()]
        for ln in lines
        if not any(id(x) in mine for x in ln.words)
    ]


def _says(phrases: Sequence[Sequence[str]], run: Sequence[str]) -> bool:
    n = len(run)
    return any(list(p[i : i + n]) == list(run) for p in phrases for i in range(len(p) - n + 1))


def read_restated(subject: Found, own: Sequence[Line], lines: Sequence[Line]) -> Found:
    """``subject`` with a word the page's corrector changed (``Word.read``: Tesseract read it otherwise) put
    back as read where the document's other ``lines`` print the phrase so: the ``READ_ANCHOR`` words before it
    (or after it) and the word as read, and never as corrected. A certificate's title "… KINH DOANH DƯỢC"
    became "ĐƯỢC" (the corpus shows "kinh doanh được" 82 times, "kinh doanh dược" 3) while its body's "Đủ
    điều kiện: đủ điều kiện kinh doanh dược." reads as printed (seed 619 dev 006, a SURE-WRONG at 0.89): the
    page's own print outweighs the corpus."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    read = _own_words(words, own)
    phrases: list[list[str]] | None = None
    out = list(words)
    unsure = False
    for i, (word, r) in enumerate(zip(words, read, strict=True)):
        if r is None or not r.read or fold(r.read) != fold(r.text):
            continue  # as read, or a word the corrector changed in more than its marks
        core = word.strip(_EDGES)
        was = r.read.strip(_EDGES)
        if not core or not was or was.lower() == core.lower():
            continue
        low = [w.strip(_EDGES).lower() for w in out]
        before, after = low[max(0, i - READ_ANCHOR) : i], low[i + 1 : i + 1 + READ_ANCHOR]
        phrases = phrases if phrases is not None else _phrases(lines, own)
        for side in (before, after):
            if len(side) < READ_ANCHOR:
                continue
            # the anchor before the word: the body goes on with the subject's next word too, if it has one
            # (the subject's "kinh doanh được cấp" is not the body's citation "… kinh doanh dược;")
            said = [*side, was.lower(), *low[i + 1 : i + 2]] if side is before else [was.lower(), *side]
            corrected = [*side, core.lower()] if side is before else [core.lower(), *side]
            if _says(phrases, said) and not _says(phrases, corrected):
                out[i] = word.replace(core, _cased_as(was, core), 1)
                unsure = unsure or r.conf < RESTATED_SURE
                break
    if out == words:
        return subject
    # the body may print the same misreading as the subject's ("chính quyền điện từ" read at 95 where the
    # corrector made the subject's "từ" right): a word put back is a guess unless Tesseract read it surely
    conf = min(f.confidence, GUESSED_CONFIDENCE) if unsure else f.confidence
    return Found((replace(f, value=" ".join(out), confidence=conf),))


# words before a subject's garbled end that the body must say in the same order for the end to be read there,
# and how many words more than the garbled end the body's may have
TAIL_ANCHOR = 4
TAIL_MORE = 3
TAIL_WORDS = 3  # a garbled end of at most this many words (the garble and the words read right after it)
# the body's words for a garbled end share nothing with what was read (a stamp's "Chuyển" over "lái xe"
# read "t"): right, most likely, yet a person looks
RESTATED_TAIL_CONFIDENCE = 0.55


def _code(word: str) -> bool:
    """A code or a name written as one ("COVID-19", "Covid-19", "QL.1A", "14C", "VNeID", "e-Cabinet",
    "06/CP", "tay-chân-miệng"): a digit among letters, a capital after a small letter, or words joined by
    hyphens; read right as it is, whatever the body says after the same words."""
    core = word.strip(_EDGES)
    letters = [ch for ch in core if ch.isalpha()]
    if any(ch.isdigit() for ch in core) and (len(letters) >= 2 or any(ch.isupper() for ch in letters)):
        return True  # (a lower-case letter with a digit, "s0", is a stamp's marks)
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(core)):
        return True
    parts = core.split("-")
    return len(parts) > 1 and all(p.isalpha() for p in parts)


# a subject's last word read as a word at most this surely is the ink's over it, no sure reading of its own
UNSURE_END = 30.0


def restated_tail(text: str, body: Sequence[str], unsure: Sequence[bool] = ()) -> str | None:
    """The subject ``text`` with its garbled end read where the ``body`` restates it: the end from the last
    run of words not read right (``_read_right``; a stamp pressed over the title's last words: "… ĐÀO TẠO t"
    for "… ĐÀO TẠO LÁI XE", "… ĐẠT TIÊU ch án" for "… ĐẠT TIÊU CHUẨN", "… ĐỘNG VẬT| s0"), at most
    ``TAIL_WORDS`` words; the ``TAIL_ANCHOR`` words read right before it said in that order by the body (a
    certificate's "Đủ điều kiện: cơ sở đủ điều kiện đào tạo lái xe.") and followed there by at most
    ``TAIL_MORE`` words more than the end has, each read right, up to the sentence's end ("." or ";", or an
    aside in brackets after it: "… thiên tai (chi tiết tại Phụ lục kèm theo)."); the
    body's only such words, none a word of the end holds whole with more letters or digits (the end read
    says more: "COVID-19" where the body says "COVID."). None otherwise (nothing garbled at the end; no
    restatement). A word ``unsure`` marks (read hardly at all) is taken for not read right."""
    words = text.split()
    right = [
        (_read_right(w) or _code(w)) and not (k < len(unsure) and unsure[k]) for k, w in enumerate(words)
    ]
    last = max((k for k, r in enumerate(right) if not r), default=None)
    if last is None:
        return None
    t = last
    while t > 0 and not right[t - 1]:
        t -= 1
    end = words[t:]
    if len(end) > TAIL_WORDS or t < TAIL_ANCHOR:
        return None
    anchor = [fold(w).strip(_EDGES) for w in words[t - TAIL_ANCHOR : t]]
    folded = [fold(w).strip(_EDGES) for w in body]
    most = len(end) + TAIL_MORE
    found: set[tuple[str, ...]] = set()
    for p in range(len(folded) - TAIL_ANCHOR + 1):
        if folded[p : p + TAIL_ANCHOR] != anchor:
            continue
        run: list[str] = []
        q = p + TAIL_ANCHOR
        closed = body[q - 1].rstrip().endswith((".", ";"))
        while not closed and q < len(body) and len(run) < most:
            if body[q].startswith("("):
                closed = True  # "… thiên tai (chi tiết tại Phụ lục …)": the article's aside after the title
                break
            run.append(body[q])
            closed = body[q].rstrip().endswith((".", ";"))
            q += 1
        if not closed:
            return None  # the body's sentence goes on: no restatement of the title alone
        found.add(tuple(w.strip(_EDGES) for w in run))
    if len(found) != 1:
        return None
    said = list(found.pop())
    if not all(w and _read_right(w) for w in said):
        return None
    if not said and any(re.search(r"[^\W\d_]{2}", w) for w in end):
        return None  # the body's sentence ends there: letters after it are no junk to drop
    cores = [re.sub(r"[\W_]", "", fold(w)) for w in end]
    for w in said:
        core = re.sub(r"[\W_]", "", fold(w))
        if len(core) >= 2 and any(core in c and core != c for c in cores):
            return None
    before = words[t - 1].strip(_EDGES)
    if len(before) > 1 and before == before.upper():
        said = [w.upper() for w in said]  # a title still in capitals
    return " ".join([*words[:t], *said])


def cut_end_restated(text: str, body: Sequence[str], read: Sequence[Word | None]) -> str | None:
    """The subject ``text`` with its last word put whole where it lost its last letters (a stamp's side over
    "CẤM" read "CÁ", at 90: "Nhập khẩu hóa chất cá" for "… hóa chất cấm", a SURE-WRONG at 0.94, seed 853 corp
    005) and the ``body`` restates the title: the ``TAIL_ANCHOR`` words before it, then a word of more letters
    that starts with its letters (marks folded) and ends the body's sentence ("Được phép: Nhập khẩu hóa chất
    cấm."); the body's only such word. Only with a sign of a cut: the last word, as Tesseract ``read`` it
    (one for each of the subject's words), below ``SURE_LAST`` after a word the corpus never shows it after
    (``_last_unseen``) or with it ends no phrase (``_unsure_open_last``); a word the corpus ends titles with
    ("… quản lý nguồn thu", the body's "… nguồn thuế." says another thing) stands as read. None otherwise: a
    word read whole (the body's next word starts otherwise, or goes on), the body saying the word as read
    after the same words too ("… giống cá. … giống cám."), a Roman numeral or one letter ("quý I", the
    body's "quý II" another quarter)."""
    words = text.split()
    if len(words) <= TAIL_ANCHOR or len(read) != len(words):
        return None
    last = words[-1].strip(_EDGES)
    if words[-1] != last or not last.isalpha() or len(last) < 2 or _ROMAN.fullmatch(last):
        return None  # (a word ending in a mark ends as printed)
    model = correct.load()
    unseen = _last_unseen(model, words, read)
    if not (unseen or _unsure_open_last(model, words, read)):
        return None  # no sign of a cut: the word as read
    anchor = [fold(w).strip(_EDGES) for w in words[-1 - TAIL_ANCHOR : -1]]
    folded = [fold(w).strip(_EDGES) for w in body]
    head = fold(last)
    found = set()
    for p in range(len(folded) - TAIL_ANCHOR):
        if folded[p : p + TAIL_ANCHOR] != anchor:
            continue
        said = body[p + TAIL_ANCHOR]
        if folded[p + TAIL_ANCHOR] == head:
            return None  # the body says the word as read after the same words
        core = said.rstrip(".;")
        if core != core.strip(_EDGES) or not core.isalpha():
            continue
        if core == said and not (unseen and _bigram_seen(model, words[-2].strip(_EDGES).lower(), core)):
            # the body's sentence goes on: another phrase of the same words, unless the word read is one
            # the corpus never writes after the word before it and the body's is one it does ("… kỹ năng
            # són" under a stamp's edge, the body's "… giáo dục kỹ năng sống ngoài giờ chính khóa.")
            continue
        if len(fold(core)) > len(head) and fold(core).startswith(head) and _read_right(core):
            found.add(core)
    if len(found) != 1:
        return None
    return " ".join([*words[:-1], _cased_as(found.pop(), last)])


def gap_end_restated(text: str, body: Sequence[str], read: Sequence[Word | None]) -> str | None:
    """The subject ``text`` with the word lost before its last and its last put whole where a stamp took
    them ("… khắc phục hậu quả ta" for "… hậu quả thiên tai": "thiên" under the stamp, "ta" (56) what its
    edge left of "tai") and the ``body`` restates the title: the last word, in small letters, read unsure
    (below ``DOUBTFUL``), stands on its row a word's room (``GAP_LOST`` word heights) right of the word
    before it; the ``TAIL_ANCHOR`` words before it are said in the body, then a word, then one that starts
    with its letters (marks folded) ending the body's sentence (".", ";", its end, or an aside in brackets
    after it: "… hậu quả thiên tai (chi tiết tại Phụ lục …)"), each read right; the body's only such words.
    None otherwise."""
    words = text.split()
    if len(words) <= TAIL_ANCHOR or len(read) != len(words):
        return None
    last = words[-1].strip(_EDGES)
    a, b = read[-2], read[-1]
    if words[-1] != last or not last.isalpha() or not last.islower() or a is None or b is None:
        return None
    if b.conf >= DOUBTFUL:
        return None
    h = max(a.box.y1 - a.box.y0, 1.0)
    same_row = min(a.box.y1, b.box.y1) - max(a.box.y0, b.box.y0) > 0.5 * h
    if not same_row or b.box.x0 - a.box.x1 < GAP_LOST * h:
        return None
    anchor = [fold(w).strip(_EDGES) for w in words[-1 - TAIL_ANCHOR : -1]]
    folded = [fold(w).strip(_EDGES) for w in body]
    head = fold(last)
    found: set[tuple[str, str]] = set()
    for p in range(len(folded) - TAIL_ANCHOR - 1):
        if folded[p : p + TAIL_ANCHOR] != anchor:
            continue
        q = p + TAIL_ANCHOR
        lost, said = body[q], body[q + 1]
        core = said.rstrip(".;")
        ends = core != said or q + 2 == len(body) or body[q + 2].startswith("(")
        if not ends or not (lost.isalpha() and core.isalpha()):
            continue
        if fold(core).startswith(head) and _read_right(lost) and _read_right(core):
            found.add((lost, core))
    if len(found) != 1:
        return None
    lost, core = found.pop()
    return " ".join([*words[:-1], lost, _cased_as(core, last)])


# letters that are no word: a piece of one (a stamp's stroke through "quý" left "ý z", through "chuẩn" left
# "ch án"), not a unit (``_UNITS``: km, kg, ml; g, l, mg) nor a foreign word in lower case ("gas", "web",
# "pdf": three letters with a vowel)
_SHORT_UNITS = frozenset({"g", "l", "mg"})


def _fragment(word: str) -> bool:
    """A word of at most three lower-case letters that is no Vietnamese syllable nor a unit: however surely
    read, no word a title has."""
    core = word.strip(_EDGES)
    if not (0 < len(core) <= 3 and core.isalpha() and core.islower()):
        return False
    if len(core) == 3 and any(ch in "aeiouy" for ch in core):
        return False
    return not is_syllable(core) and core not in _UNITS and core not in _SHORT_UNITS


# words after which a name follows, written in lower case once a title in capitals is put so ("xã quảng
# thắng", "bà lê thị thúy", "hộ ông hà văn minh", "Công ty TNHH hoàng long"): no evidence of a misreading
_NAME_AFTER = frozenset(
    {"xa", "huyen", "tinh", "phuong", "quan", "tran", "pho", "thon", "ap", "ban", "ong", "ba", "ho", "ty",
     "tnhh", "phan", "doanh", "nghiep"}
)  # fmt: skip
_NAME_WORDS = 3  # words after such a word that may be the name
_CHANGED_CONF = (
    90.0  # a word read with less confidence than this, or changed by the corrector, may be a misread
)


def _out_of_context(text: str, own: Sequence[Word] = ()) -> bool:
    """A word in lower case between two others (or the last, after the word before it; the first word
    taken in lower case) that the corpus never shows beside either of them, a word Tesseract was unsure of
    or the language model chose (``own``: the subject's words as read): "bệnh đãi" (the page's corrector's
    choice for "bệnh dại"), "tả lớn" for "tả lợn", "Kết địa thực hiện" for "Kết quả" and "thuốc thúy" for
    "thuốc thú y" under a stamp: a title's common words stand beside each other in administrative
    Vietnamese. A rare word read surely stands (the corpus is sparse:
    "cát sỏi lòng sông", "tuần lễ học tập"), and the words after a place, a person or a company word are a
    name, no evidence."""
    model = correct.load()
    words = [w.strip(_EDGES) for w in text.split()]
    if words and words[0][1:].islower():
        words[0] = words[0].lower()  # the subject's first word, capitalised as a sentence opens
    doubtful = {fold(w.text.strip(_EDGES)) for w in own if w.read or w.conf < _CHANGED_CONF}
    # a word next to one read with little confidence: the stamp's mark that garbled the one may have taken
    # a letter of the other, read surely all the same ("quả" at 35 beside "ông" at 94 for "công")
    for k, w in enumerate(own):
        if w.conf < DOUBTFUL:
            doubtful |= {fold(x.text.strip(_EDGES)) for x in own[max(0, k - 1) : k + 2]}
    after_name = 0
    for i in range(1, len(words)):
        after_name = _NAME_WORDS if fold(words[i - 1]) in _NAME_AFTER else max(0, after_name - 1)
        # the last word beside the word before it alone ("thuốc thúy" for "thuốc thú y" under a stamp)
        a, b, c = words[i - 1], words[i], words[i + 1] if i + 1 < len(words) else None
        if after_name or fold(b) not in doubtful:
            continue
        if not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b, c) if x is not None):
            continue
        if not model.attested(syllable_key(a), syllable_key(b), syllable_key(c) if c is not None else "<s>"):
            return True
    return False


def _garbled(word: str, own: Sequence[Word]) -> bool:
    """The subject's ``word`` is a garble: it does not read well (``reads_well``: no word, or a syllable no
    text writes) and one of its ``own`` words that reads like it was read with less than ``DOUBTFUL``
    confidence ("sõ:Tìng-Ñhñ" at 0, "kệâhế" at 46, "“ảm" at 0 under a stamp), or it runs words together
    (``_run_together``), or is a syllable with letters in two cases (``_one_case``: "đấC" at 72, a stamp's
    box over the "t" of "đất"), however surely read."""
    if reads_well([word]):
        return False
    if _run_together(word.strip(_EDGES)):
        return True
    letters = word.strip(_EDGES)
    if letters.isalpha() and is_syllable(letters) and not _one_case(letters):
        return True
    core = fold(word).strip(_EDGES)
    return any(fold(w.text).strip(_EDGES) == core and w.conf < DOUBTFUL for w in own)


def _run_together(core: str) -> bool:
    """Words of letters run together through a mark that is no hyphen ("quốcjgia.xây" (64) for "quốc gia xây":
    a stamp's specks between them; seed 87's alt 002 went in at 0.95), however surely read: no one word."""
    return len([p for p in re.split(r"[^\w-]+", core) if sum(ch.isalpha() for ch in p) >= 2]) >= 2


DOUBTFUL = 60  # a word of the subject read with less confidence than this is no sure reading of a name


def _doubtful(word: str, own: Sequence[Word]) -> bool:
    """The subject's ``word`` was read doubtfully: the last of its ``own`` words that reads like it (marks at
    its ends aside) was read with less than ``DOUBTFUL`` confidence, or is no word read right."""
    core = fold(word).strip(_EDGES)
    for w in reversed(own):
        if fold(w.text).strip(_EDGES) == core:
            return w.conf < DOUBTFUL or not _read_right(w.text)
    return False


def holder_restated(
    subject: Found, holder_name: str | None, own: Sequence[Line], *, two_ways: bool = False
) -> Found:
    """A trích yếu ending "… cho <holder>" whose holder's name goes doubtful after words read like the
    holder the body names (Điều 1, printed plain; an incoming stamp lands on the subject's end: "… cho Công
    ty TNHH Môi trường Xanh Pb" for "… Xanh Đại Dương") with the body's name there: the two agree on at least
    half of the body's name's words from its start, the subject's words after those are no more than the
    body's and one of them was read with little confidence (``_doubtful``; ``own``: the subject's lines), the
    body's words read right. A name read surely in both places stays as the subject has it; words taken from
    the body make it no surer than ``GUESSED_CONFIDENCE`` (review), and so does a name the page reads with
    other marks elsewhere (``two_ways``: ``holder.read_two_ways``), though the holder now reads as the subject
    does (the holder takes the surer of the two readings, often the subject's)."""
    f = subject.get("subject")
    if f is None or not f.value or not holder_name:
        return subject
    m = FOR_HOLDER.search(fold1(f.value))
    if m is None:
        return subject
    mine, theirs = f.value[m.start(1) :].split(), holder_name.split()
    same = 0
    while same < min(len(mine), len(theirs)) and fold(mine[same]).strip(_EDGES) == fold(theirs[same]).strip(
        _EDGES
    ):
        same += 1
    rest = mine[same:]
    words = [w for ln in own for w in sorted(ln.words, key=lambda w: w.box.x0)]
    if not rest and same == len(theirs):
        return _holder_marks(subject, m.start(1), theirs, words, two_ways=two_ways)
    stamped = 2 * same >= len(theirs) and stamp_in_name(rest, theirs[same:], words)  # "… Xanh đấy /2 7 Ngân"
    if not stamped and lost_in_name(rest, theirs[same:], words, in_doubt=f.confidence <= GUESSED_CONFIDENCE):
        stamped = same > 0  # "Công ty [TNHH MTV under a stamp's date] Thiết bị Y tế Thành Đạt!"
    if not stamped and same > 0 and f.confidence <= GUESSED_CONFIDENCE:
        stamped = garbles_in_name(mine, theirs, words)  # "Công ty NgàicÉ lệm hữu hạn …" of "trách nhiệm"
    if not stamped and (
        not rest or same == len(theirs) or 2 * same < len(theirs) or len(rest) > len(theirs) - same
    ):
        return subject
    if not (stamped or any(_doubtful(w, words) for w in rest)) or not all(
        _read_right(w) for w in theirs[same:]
    ):
        return subject
    value = f.value[: m.start(1)] + holder_name
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


_STAMP_EXTRA = 2  # words a stamp's date over a holder's name in the subject may add to the body's words


def stamp_in_name(rest: Sequence[str], theirs: Sequence[str], own: Sequence[Word]) -> bool:
    """The subject's end of the holder's name (``rest``) holds up to ``_STAMP_EXTRA`` words more than the
    body's (``theirs``) where a stamp's date was read over it ("Xanh đấy /2 7 Ngân" for "Xanh Kim Ngân"): its
    last word the body's last, the words before it each a mark or a number (no letter) or read with little
    confidence (as ``_doubtful``; the word read may hold a mark or digit more), one of them so."""
    extra = len(rest) - len(theirs)
    if (
        not theirs
        or not 0 < extra <= _STAMP_EXTRA
        or fold(rest[-1]).strip(_EDGES) != fold(theirs[-1]).strip(_EDGES)
    ):
        return False
    between = rest[:-1]

    def doubtful(word: str) -> bool:  # (the word as read may have held a mark or a digit more: "4đấy")
        core = fold(word).strip(_EDGES)
        return bool(core) and any(
            core in fold(w.text) and (w.conf < DOUBTFUL or not _read_right(w.text)) for w in own
        )

    return all(not re.search(r"[^\W\d_]", w) or doubtful(w) for w in between) and any(
        doubtful(w) for w in between
    )


_NAME_MARKS = _EDGES + "!?"


def garbles_in_name(mine: Sequence[str], theirs: Sequence[str], own: Sequence[Word]) -> bool:
    """The subject's holder's name (``mine``) is the body's (``theirs``) with runs of words garbled inside
    it (an incoming stamp's labels over a long name's lines: "Công ty NgàicÉ lệm hữu hạn … Nông nghiệp
    Chuy::: K7và Phát triển …" for "… trách nhiệm hữu hạn … Nông nghiệp và Phát triển …"): the two agree on
    their first and last words and on half of the body's words at least, in order; each run of the
    subject's that differs holds a word read doubtfully (``_doubtful``: unsure or no word read right), and
    no word of the body's is missing from the subject's (a word lost is ``lost_in_name``'s)."""
    a = [fold(w).strip(_NAME_MARKS) for w in mine]
    b = [fold(w).strip(_NAME_MARKS) for w in theirs]
    if not a or not b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    if 2 * sum(m.size for m in matcher.get_matching_blocks()) < len(b):
        return False
    runs = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return bool(runs) and all(
        tag == "replace" and any(_doubtful(w, own) for w in mine[i1:i2]) for tag, i1, i2, _, _ in runs
    )


def lost_in_name(rest: Sequence[str], theirs: Sequence[str], own: Sequence[Word], *, in_doubt: bool) -> bool:
    """The subject's end of the holder's name (``rest``) is the body's (``theirs``) with one word or up to
    ``_STAMP_EXTRA`` lost right after the words the two share ("Công ty Thiết bị Y tế Thành Đạt!" for "Công ty
    TNHH MTV Thiết bị …": an incoming stamp's date over "TNHH MTV", dropped as the stamp's): the rest the
    body's last words (marks aside), and the subject in doubt already (``in_doubt``) or a word of the rest
    read with little confidence (as ``_doubtful``)."""
    lost = len(theirs) - len(rest)
    if not rest or not 0 < lost <= _STAMP_EXTRA:
        return False
    if [fold(w).strip(_NAME_MARKS) for w in rest] != [fold(w).strip(_NAME_MARKS) for w in theirs[lost:]]:
        return False
    return in_doubt or any(_doubtful(w, own) for w in rest)


def _holder_marks(
    subject: Found, at: int, theirs: Sequence[str], own: Sequence[Word], *, two_ways: bool = False
) -> Found:
    """A trích yếu whose "… cho <holder>" has the body's holder's words (``theirs``, from ``at`` in the value)
    but for their marks ("Lữ hành Ảnh Dương" under a stamp, "Lữ hành Ánh Dương" in Điều 1): one of the two
    is read wrong. Where each word that differs was read doubtfully in the subject (``own``: its words; under
    ``_CHANGED_CONF`` or changed by the corrector) and the body's reads right, the body's marks are taken;
    either way the subject is no surer than ``GUESSED_CONFIDENCE`` (review): "Ảnh" at 70 went in at 0.94
    (seed 181 alt 007, sure-wrong). The same marks in both, the page reading the name otherwise elsewhere
    (``two_ways``: the holder re-read as the subject has it), in doubt too: "… Xanh Ánh Dương" (96) in the
    subject, "… Xanh Ảnh Dương" (90) in Điều 1 went out at 0.96 once the holder took the subject's marks."""
    f = subject.get("subject")
    assert f is not None and f.value is not None
    mine = f.value[at:].split()
    differ = [
        k
        for k, (a, b) in enumerate(zip(mine, theirs, strict=True))
        # (a tone placed in the old style or the new is no difference: "Thuỷ" / "Thủy", "Hoà" / "Hòa")
        if normalize_tones(nfc(a)).strip(_EDGES).lower() != normalize_tones(nfc(b)).strip(_EDGES).lower()
    ]
    if not differ and not two_ways:
        return subject
    value = f.value
    doubted = {fold(w.text).strip(_EDGES) for w in own if w.read or w.conf < _CHANGED_CONF}
    if all(fold(mine[k]).strip(_EDGES) in doubted and _read_right(theirs[k]) for k in differ):
        for k in differ:  # the body's word, the subject's marks at its ends kept ("Dương," stays so)
            core = mine[k].strip(_EDGES)
            mine[k] = mine[k].replace(core, theirs[k].strip(_EDGES), 1)
        value = f.value[:at] + " ".join(mine)
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


LOST_LETTERS = 3  # a subject's last line short of a centred line's end by this many letters lost words there
FIT = 0.2  # how far the body's words' printed width may be off the width lost (of it)
_MOST_LOST = 6  # words looked for after the subject's last words in the body
_STOP = ",.;:"


def lost_end(subject: Found, layout: Layout, lines: Sequence[Line], own: Sequence[Line]) -> Found:
    """The trích yếu with the words lost at its last line's end (an incoming stamp over them: "ĐỦ ĐIỀU KIỆN
    NĂNG LỰC HOẠT ĐỘNG [XÂY DỰNG]") read from where the body restates it ("… đủ điều kiện năng lực hoạt
    động xây dựng."): the line, centred under the heading, stops short of where its start puts its end by
    ``LOST_LETTERS`` letters or more; the body has the subject's last ``_ANCHOR`` + 1 words (read right) and
    after them, up to a stop (the phrase ends there too), words read right whose letters printed as the
    line's fill the width lost within ``FIT``; one such run however often the body restates it. None of this
    where the body does not say it: the subject stays as read. Words taken from the body make it no surer
    than ``GUESSED_CONFIDENCE`` (review)."""
    f = subject.get("subject")
    if f is None or not f.value or not own or layout.type_i is None or not own[-1].boxed:
        return subject
    last = own[-1]
    words = sorted(last.words, key=lambda w: w.box.x0)
    lw = letter_width(last)
    n = _ANCHOR + 1
    if lw is None or len(words) < 2:
        return subject
    lost = 2 * heading_centre(layout, layout.type_i) - last.x0 - last.x1
    if lost < LOST_LETTERS * lw:
        return subject
    gap = statistics.median(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words))
    tail = f.value.split()[-n:]
    if len(tail) < n or not all(_read_right(w) for w in tail) or tail[-1][-1:] in _STOP:
        return subject
    anchor = [fold(w).strip(_EDGES) for w in tail]
    mine = {id(w) for ln in own for w in ln.words}
    body = [w for ln in lines if not any(id(x) in mine for x in ln.words) for w in ln.text.split()]
    folded = [fold(w).strip(_EDGES) for w in body]
    found: set[tuple[str, ...]] = set()
    for p in range(len(body) - n):
        if folded[p : p + n] != anchor:
            continue
        run: list[str] = []
        for w in body[p + n : p + n + _MOST_LOST]:
            run.append(w.rstrip(_STOP))
            if w[-1:] in _STOP:
                break
        else:
            continue  # no stop: the body's phrase goes on past what the width lost could hold
        width = sum(len(w) for w in run) * lw + len(run) * gap
        if abs(width - lost) <= FIT * lost and all(_read_right(w) for w in run):
            found.add(tuple(run))
    if len(found) != 1:
        return subject
    value = " ".join([f.value, *found.pop()])
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def break_restated(subject: Found, layout: Layout, lines: Sequence[Line], own: Sequence[Line]) -> Found:
    """The trích yếu with the words lost at a break between two of its centred lines (an incoming stamp over
    the next line's start: "… hoạt động dạy / [thêm, học thêm] cho Hợp tác xã …", u569 alt 000) read from
    where the body restates it ("Điều 1. Gia hạn … hoạt động dạy thêm, học thêm cho Hợp tác xã …"): the
    body has the ``_ANCHOR`` + 1 words read right before the break and the ``_ANCHOR`` after it with at most
    ``_MOST_LOST`` words read right between, one such run however often it restates them, whose letters and
    spaces printed as the lines' fill the room lost (the next line standing right of the heading's centre,
    the line before it left, by the width: ``side_off``, within ``FIT``). In doubt (``GUESSED_CONFIDENCE``):
    words taken from the body. None of this where the body does not say it, or the lines stand centred."""
    f = subject.get("subject")
    if f is None or not f.value or len(own) < 2 or layout.type_i is None:
        return subject
    cx = heading_centre(layout, layout.type_i)
    words = nfc(f.value).split()
    read = _own_words(words, own)
    mine = {id(w) for ln in own for w in ln.words}
    body = [w for ln in lines if not any(id(x) in mine for x in ln.words) for w in ln.text.split()]
    folded = [fold(w).strip(_EDGES) for w in body]
    n = _ANCHOR + 1
    for la, lb in itertools.pairwise(own):
        if not (la.boxed and lb.boxed):
            continue
        wa = sorted(_mine(la, read), key=lambda w: w.box.x0)
        wb = sorted(_mine(lb, read), key=lambda w: w.box.x0)
        lw = letter_width(lb) or letter_width(la)
        if len(wa) < 2 or len(wb) < 2 or lw is None:
            continue
        i = next((k for k, r in enumerate(read) if r is wa[-1]), None)
        if (
            i is None
            or i + 1 >= len(read)
            or read[i + 1] is not wb[0]
            or i + 1 < n
            or i + 1 + _ANCHOR > len(words)
        ):
            continue
        before, after = words[i + 1 - n : i + 1], words[i + 1 : i + 1 + _ANCHOR]
        if not all(_read_right(w) for w in (*before, *after)):
            continue
        lost = side_off(wb, cx) - side_off(wa, cx)
        if lost < LOST_LETTERS * lw:
            continue
        space = statistics.median(y.box.x0 - x.box.x1 for x, y in itertools.pairwise(wb))
        head = [fold(w).strip(_EDGES) for w in before]
        tail = [fold(w).strip(_EDGES) for w in after]
        found: set[tuple[str, ...]] = set()
        for p in range(len(body) - n):
            if folded[p : p + n] != head:
                continue
            for k in range(1, _MOST_LOST + 1):
                if folded[p + n + k : p + n + k + _ANCHOR] == tail:
                    run = tuple(body[p + n : p + n + k])
                    width = sum(len(w) for w in run) * lw + len(run) * space
                    if abs(width - lost) <= FIT * lost and all(_read_right(w) for w in run):
                        found.add(run)
                    break
        if len(found) != 1:
            continue
        value = " ".join([*words[: i + 1], *found.pop(), *words[i + 1 :]])
        return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
    return subject


# ------------------------------------------------------------------------------ a garbled run continued
# An incoming stamp's box or its "ĐẾN" over a title's words ("KINH DOANH VẬN TẢI BẰNG XE Ô È" of "Ô TÔ",
# "cải cách hàn thiẩh/ ó4 năm" of "hành chính năm"): the words read before the garble say how the phrase goes
# on where administrative Vietnamese goes on one way only ("xe ô" is always "xe ô tô", "cách hành" "cách hành
# chính"). A word of the run is the corpus's continuation of the two words before it (read right, or put so)
# that stands the word after the run beside it (for the run's last word) and looks like the garble (shares
# most of its letters, marks folded, or is within a letter of its length: "thiẩh/" → "chính", "su" → "nhu"):
# the one whose first letter the garble has, by ``LETTERED_SHARE`` of the weight of those that have it, else
# the one by ``CONTINUED_SHARE`` of all that look like it; any continuation only for a speck's garble ("È" of
# "TÔ": the stamp's letters, none the word's). Specks (digits, a sign, a lone letter) left once the words put
# meet the word after the run are the stamp's. Always a guess: in doubt. A loanword ("photocopy", "online",
# "container": plain letters, no marks, OCR reads it below ``GARBLE_SURE``) is no garble unless read below
# ``GARBLE_CONF``; nor a syllable read low the corpus shows beside the word after it ("lắp đặt" at 45); nor
# a run of syllables of two letters or more the corpus knows, read at ``UNREAD_CONF`` or more
# (``_word_as_read``: "tổ chức đêm nhạc" read unsure stays, not "diễn nhạc").
GARBLE_CONF = (
    50.0  # a subject's word read below this is a garble (a stamp's pass reads through its box at 50)
)
GARBLE_SURE = (
    90.0  # ... or no syllable, read below this (a word read surely that is none is a name's, a code's)
)
_READ_LETTERS = 2  # a lone letter read unsure is a speck ("È" of "TÔ" at 40, seed 467), two a word ("vẽ")
UNREAD_CONF = 20.0  # a word read below this OCR did not make out ("hàn" at 0, "su" at 14: seeds 467, 469)
ANCHOR_CONF = 80.0  # the two words before the run read at least this surely
ANCHOR_SEEN = 20  # the two words seen together at least this often for their continuations to be evidence
LETTERED_SHARE = 0.8
CONTINUED_SHARE = 0.9
_SPECK_LETTERS = 3
_LOANWORD_LETTERS = 4  # a word of this many plain letters (no marks, digits, signs) may be a loanword
_MOST_GARBLED = 4  # a longer garble is no word or two lost under a stamp's edge


def _sorted_counts(table: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """An n-gram table's keys, sorted, and their counts."""
    n = len(table)
    keys = np.fromiter(table.keys(), dtype=np.int64, count=n)
    counts = np.fromiter(table.values(), dtype=np.int64, count=n)
    order = np.argsort(keys, kind="stable")
    return keys[order], counts[order]


@lru_cache(maxsize=1)
def _continuations() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The corpus's trigrams by their first two words (sorted pair keys, third words, counts) and each
    index's key."""
    model = correct.load()
    keys, counts = _sorted_counts(model.trigrams)
    names = [""] * model.size
    for k, i in model.index.items():
        names[i] = k
    return keys // model.size, keys % model.size, counts, names


def _speck_word(word: str) -> bool:
    """A stamp's speck read as a word: fewer than three letters ("ó4", "/", "l"); a word of more is the
    stamp's strokes over one of the subject's, or the word itself."""
    return sum(ch.isalpha() for ch in word) < _SPECK_LETTERS


def _continued(model: correct.Model, a: str, b: str, garble: str, after: str | None) -> str | None:
    """The word the corpus has after ``a b`` where ``garble`` was read (see above), standing ``after`` (the
    word after the run, if this is its last) beside it; None when the corpus leaves no one word."""
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    if ia is None or ib is None or model.bigrams.get(ia * model.size + ib, 0) < ANCHOR_SEEN:
        return None
    pairs, nexts, counts, names = _continuations()
    p = ia * model.size + ib
    lo, hi = int(np.searchsorted(pairs, p, "left")), int(np.searchsorted(pairs, p, "right"))
    ir = model.index.get(syllable_key(after.lower())) if after is not None else None
    if after is not None and ir is None:
        return None
    weighted: list[tuple[float, int]] = []
    for j in range(lo, hi):
        ic = int(nexts[j])
        if names[ic].startswith("<"):
            continue
        w = float(counts[j])
        if ir is not None:
            if ic * model.size + ir not in model.bigrams:
                continue
            w *= math.exp(model.logp(names[ib], names[ic], names[ir]))
        weighted.append((w, ic))
    first = fold(garble.strip(_EDGES))[:1].lower()
    like = [x for x in weighted if _looks_like(model.surface[x[1]], garble)]
    lettered = [x for x in like if fold(model.surface[x[1]])[:1].lower() == first]
    if lettered:
        pool, share = lettered, LETTERED_SHARE
    else:
        pool, share = (like if like or not _speck_word(garble) else weighted), CONTINUED_SHARE
    if not pool:
        return None
    w, ic = max(pool)
    if w < share * sum(x[0] for x in pool):
        return None
    return model.surface[ic]


def _looks_like(word: str, garble: str) -> bool:
    """``word`` may be what ``garble`` was read for: it has more than half the garble's letters (marks
    folded) or is within one letter of as many ("chính" for "thiẩh/", "nhu" for "su"; not "chiếu" for
    "photocopy", "trên" for "website")."""
    letters = [ch for ch in fold(garble) if ch.isalpha()]
    folded = fold(word)
    if abs(len(folded) - len(letters)) <= 1:
        return True
    pool = list(folded)
    shared = 0
    for ch in letters:
        if ch in pool:
            pool.remove(ch)
            shared += 1
    return 2 * shared > len(letters)


def _loanword(core: str) -> bool:
    """A word of plain letters only, ``_LOANWORD_LETTERS`` or more, no Vietnamese marks ("photocopy",
    "online", "game"): a loanword read as written, not a stamp's garble (which has digits or signs glued to
    its letters, marks on letters that make no syllable, or is a letter or two)."""
    return core.isascii() and core.isalpha() and len(core) >= _LOANWORD_LETTERS


def _garble_word(words: Sequence[str], i: int, read: Word | None) -> bool:
    """``words[i]``, in small letters, is no reading of the subject's word: a syllable read below
    ``GARBLE_CONF`` the corpus never shows before the word after it (or, the last word, after the word before
    it), or no syllable read below ``GARBLE_SURE`` that is no loanword (``_loanword``) read above
    ``GARBLE_CONF``, or the subject's last word of fewer than ``_SPECK_LETTERS`` letters and no syllable
    however surely read ("nhà n": a word cut short by a stamp's side)."""
    core = words[i].strip(_EDGES)
    if read is None or any(ch.isupper() for ch in core):
        return False  # (a capital in a subject in sentence case: a name's, or a word in capitals: kept)
    if sum(ch.isalpha() for ch in core) == 0 or _run_together(core):
        return False  # a number, a mark: print; words run together ("quốcjgia.xây"): more than one word
    if not (core.isalpha() and is_syllable(core)):
        if i == len(words) - 1 and core.isalpha() and len(core) < _SPECK_LETTERS:
            return (
                True  # "… cơ quan nhà n": the subject's last word cut short by a stamp's side, however sure
            )
        return read.conf < GARBLE_CONF or (read.conf < GARBLE_SURE and not _loanword(core))
    if read.conf >= GARBLE_CONF:
        return False
    model = correct.load()
    if i + 1 < len(words):
        return not _bigram_seen(model, core, words[i + 1].strip(_EDGES))  # "lắp đặt" read at 45: kept
    return not (i > 0 and _bigram_seen(model, words[i - 1].strip(_EDGES), core))


def _word_as_read(word: str, read: Word | None) -> bool:
    """``word`` may well be printed as read, however unsure OCR was: a syllable of ``_READ_LETTERS`` letters
    or more the corpus knows, read at ``UNREAD_CONF`` at least. Its want of a pair in the corpus beside its
    neighbours is no evidence against it, the corpus (administrative text) having few pairs of a word it
    rarely has ("tổ chức đêm nhạc gây quỹ": "đêm" 194 times, never beside "chức" or "nhạc", was made "diễn";
    "thi vẽ tranh" "thi và tranh"). The seeds' garbles were a lone letter ("È" of "TÔ" at 40), a word OCR did
    not make out ("su" of "nhu" at 14, "hàn" of "hành" at 0), or stood beside letters that are no syllable
    ("thiẩh/", "ÔT"): evidence that the word as read is wrong, not only that another is likelier."""
    core = word.strip(_EDGES)
    return (
        read is not None
        and read.conf >= UNREAD_CONF
        and core.isalpha()
        and len(core) >= _READ_LETTERS
        and is_syllable(core)
        and syllable_key(core.lower()) in correct.load().index
    )


# the words of ``_NAME_AFTER`` as written, by their letters without marks
_NAME_AFTER_MARKED = {fold(w): w for w in (
    "xã", "huyện", "tỉnh", "phường", "quận", "trấn", "phố", "thôn", "ấp", "bản", "ông", "bà", "hộ", "ty",
    "tnhh", "phần", "doanh", "nghiệp")}  # fmt: skip


def _name_word(word: str, after: str | None = None) -> bool:
    """A word a name follows (``_NAME_AFTER``), its marks as the place's word has them where they tell one
    from a common word: "cơ quan nhà …" is no district's ("quận"), "quan" after "cơ" no name's word. Its tone
    may be misread (a stamp's ink, a blur) or lost: another tone than the place word's is still its word,
    unless the word as read and ``after``, the word after it, are a pair the corpus writes commonly
    (``COMMON_PAIR``: "Tình hình …" is no province's "tỉnh", "phương án" no ward's "phường"). Without the
    word after it, only its marks all lost (a heading's capitals) or a tone its look-alike (sắc/hỏi "tính"
    of "tỉnh", hỏi/ngã) stand for the place word's."""
    core = nfc(word.strip(_EDGES).lower())
    folded = fold(core)
    if folded not in _NAME_AFTER or core == "quan":
        return False
    marked = _NAME_AFTER_MARKED.get(folded)
    if marked is None or core == marked:
        return True
    (base, tone), (mbase, mtone) = split_tone(core), split_tone(marked)
    if core != folded and base != mbase:
        return False  # (other vowel marks: another word)
    nxt = (after or "").strip(_EDGES)
    if nxt.isalpha():
        return _pair_count(correct.load(), core, nxt) < COMMON_PAIR
    return core == folded or {tone, mtone} in _TONE_LOOKALIKES


# tones OCR reads one for the other (sắc/hỏi, hỏi/ngã: their marks' strokes alike)
_TONE_LOOKALIKES = ({"1", "3"}, {"3", "4"})


def _named(words: Sequence[str], lo: int, hi: int) -> bool:
    """A place's, person's or company's word (``_name_word``, judged beside the word after it) among
    ``words[lo:hi]`` (``lo`` below 0 counts from the list's end, as a slice's)."""
    lo = max(0, len(words) + lo) if lo < 0 else lo
    hi = len(words) + hi if hi < 0 else min(hi, len(words))
    return any(_name_word(words[j], words[j + 1] if j + 1 < len(words) else None) for j in range(lo, hi))


def garble_continued(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a run of garbled words (``_garble_word``) put right as the corpus goes on from the
    two words read before it (see above), in doubt (``GUESSED_CONFIDENCE``). The words after a place, a
    person or a company word are a name: kept. OCR'd pages only (``own``: the subject's lines)."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    model = correct.load()
    words = nfc(f.value).split()  # (a decomposed mark is no letter to ``isalpha``)
    read = _own_words(words, own)
    out = list(words)
    changed = False
    i = 2
    while i < len(out):
        if not _garble_word(out, i, read[i]):
            i += 1
            continue
        h = i
        while h < len(out) and _garble_word(out, h, read[h]):
            h += 1
        a, b = (out[j].strip(_EDGES) for j in (i - 2, i - 1))
        anchored = all(
            x.isalpha()
            and x.islower()
            and is_syllable(x)
            and (r is None or r.conf >= ANCHOR_CONF)
            and out[j] == x
            for x, j, r in ((a, i - 2, read[i - 2]), (b, i - 1, read[i - 1]))
        )
        named = _named(out, max(0, i - _NAME_WORDS), i)
        after = out[h].strip(_EDGES) if h < len(out) else None
        kept = all(_word_as_read(out[j], read[j]) for j in range(i, h))  # a word read unsure, not wrong
        stray = after is not None and not after.isalpha()
        if kept or not anchored or named or h - i > _MOST_GARBLED or stray:
            i = h + 1
            continue
        put: list[str] = []
        for j in range(i, h):
            specks = all(_speck_word(w) for w in out[j:h])
            if put and after is not None and specks and _bigram_seen(model, put[-1], after):
                break  # the stamp's specks after the words put
            got = _continued(model, a, b, out[j], after if j + 1 == h else None)
            if got is not None and j == i and specks and after is not None and fold(got) == fold(after):
                # the corpus goes on with the very word read after the specks ("công ø tác" of "công
                # tác", a speck at 88 between): the specks dropped, no word lost there
                put = [""]
                break
            if got is None:
                if put and after is None and specks:
                    break
                put = []
                break
            put.append(got)
            a, b = b, got
        if not put:
            i = h + 1
            continue
        if put == [""]:  # specks dropped
            del out[i:h], read[i:h]
            changed = True
            continue
        out[i:h] = put
        read[i:h] = [None] * len(put)
        changed = True
        i += len(put) + 1
    if not changed:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


BRIDGE_SEEN = 20  # times the corpus shows "việc W X" at least for W to be a word lost between the two


def _bridge(
    model: correct.Model, a: str, b: str, share: float = CONTINUED_SHARE, over: float | None = None
) -> str | None:
    """The one word the corpus puts between ``a`` and ``b`` (``share`` of the times it puts any,
    ``BRIDGE_SEEN`` times at least), when it never shows them side by side (``over`` None), or shows the
    bridge ``over`` times as often as the two side by side at least ("phép [kinh] doanh": 434 to 14); else
    None."""
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    if ia is None or ib is None or (over is None and ia * model.size + ib in model.bigrams):
        return None
    pairs, nexts, counts, names = _continuations()
    lo = int(np.searchsorted(pairs, ia * model.size, "left"))
    hi = int(np.searchsorted(pairs, (ia + 1) * model.size, "left"))
    found = [(int(counts[j]), int(pairs[j] % model.size)) for j in range(lo, hi) if int(nexts[j]) == ib]
    found = [x for x in found if not names[x[1]].startswith("<")]
    if not found:
        return None
    n, iw = max(found)
    if n < BRIDGE_SEEN or n < share * sum(x[0] for x in found):
        return None
    if over is not None and n < over * model.bigrams.get(ia * model.size + ib, 0):
        return None
    return model.surface[iw]


def _bridge_after(
    model: correct.Model, before: str, a: str, b: str, share: float = CONTINUED_SHARE
) -> str | None:
    """The one word the corpus puts between ``a`` and ``b`` (never side by side) when the word ``before``
    them is counted too: each word W the corpus puts between them weighed by how often it writes "``before``
    ``a`` W" ("tiêu quốc / [gia] xây": "gia" 35 times between "quốc" and "xây", "phòng" 12, "hội" 10; after
    "tiêu quốc", "gia" 336 times, "phòng" 7, "hội" never), ``share`` of the weight, ``BRIDGE_SEEN`` times
    between them at least; else None."""
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    i0 = model.index.get(syllable_key(before.lower()))
    if ia is None or ib is None or i0 is None or ia * model.size + ib in model.bigrams:
        return None
    pairs, nexts, counts, names = _continuations()
    lo = int(np.searchsorted(pairs, ia * model.size, "left"))
    hi = int(np.searchsorted(pairs, (ia + 1) * model.size, "left"))
    found = [(int(counts[j]), int(pairs[j] % model.size)) for j in range(lo, hi) if int(nexts[j]) == ib]
    weighed = [
        (n * model.trigrams.get((i0 * model.size + ia) * model.size + iw, 0), n, iw)
        for n, iw in found
        if not names[iw].startswith("<")
    ]
    if not weighed:
        return None
    w, n, iw = max(weighed)
    if n < BRIDGE_SEEN or w == 0 or w < share * sum(x[0] for x in weighed):
        return None
    return model.surface[iw]


def _viec_cut_off(words: Sequence[str]) -> bool:
    """``words`` open "Việc X" with X a word in small letters the corpus shows after "việc" fewer than
    ``ANCHOR_SEEN`` times: no title's "Việc làm …", "Việc thực hiện …", but "Về việc [đề] nghị …" with its
    head lost."""
    if len(words) < 2:
        return False
    nxt = words[1].strip(_EDGES)
    return nxt.isalpha() and nxt.islower() and _pair_count(correct.load(), "việc", nxt) < ANCHOR_SEEN


def lost_after_opening(subject: Found) -> Found:
    """A subject in doubt opening "Về việc X …" where the corpus never shows "việc X" and puts one word
    between them ("Về việc nghị phê duyệt …": "đề" lost with "việc" under a stamp's garble, "Vẽ vfbt2 nghị"
    restored to "Về việc", seed 509 alt 010): that word put back, still in doubt (the corpus supplies it,
    the page does not). A subject read sure stays as it is."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence >= REVIEW_THRESHOLD:
        return subject
    words = f.value.split()
    if len(words) < 3 or [fold(w) for w in words[:2]] != ["ve", "viec"]:
        return subject
    nxt = words[2].strip(_EDGES)
    if not nxt.isalpha() or not nxt.islower():
        return subject
    got = _bridge(correct.load(), words[1], nxt)
    if got is None:
        return subject
    value = " ".join([*words[:2], got, *words[2:]])
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def _gap_holds(ln: Line, a: Word, b: Word, word: str) -> bool:
    """``a`` and ``b``, next to each other on ``ln``, stand apart by a gap where a word was lost (three times
    the line's usual space, ``_Gaps``) that holds ``word`` printed in the line's letters (``letter_width``)
    with a space on each side, within ``FIT`` of its width."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    k = next((i for i, w in enumerate(words) if w is a), None)
    if len(words) < 3 or k is None or k + 1 >= len(words) or words[k + 1] is not b:
        return False
    lw = letter_width(ln)
    if lw is None:
        return False
    gaps = _Gaps(ln)
    gap, usual = gaps.gaps[k], gaps.usual(k)
    wide = len(word) * lw
    return gap >= 3 * usual and (1 - FIT) * wide <= gap - usual and gap - 2 * usual <= (1 + FIT) * wide


_NAME_LEADS = frozenset({"ty", "tnhh", "ông", "bà"})  # words after which a capitalised word opens a name
# a name's syllables after its lead that ``_run_on`` takes on at most (its stamp-read next syllable among
# them): a company's or a person's name ends within a few ("Công ty TNHH Khoáng sản Bạch Mã"); more are a
# stamp's words
NAME_ON_MOST = 4


def _in_name(words: Sequence[str], i: int) -> bool:
    """``words[i]``, capitalised, is a proper name's word: after "Công ty", "TNHH", "ông", "bà", or after
    another capitalised word that is not the subject's first (a run of them: "Phú Việt …")."""
    if i < 1 or not words[i][:1].isupper():
        return False
    prev = words[i - 1].strip(_EDGES)
    after_cong = i >= 2 and words[i - 2].lower() == "công"
    lead = prev.lower() in _NAME_LEADS and (prev.lower() != "ty" or after_cong)
    return lead or (i >= 2 and prev[:1].isupper())


# one read word of the subject's (``words``, each read as ``read`` has it) and the next, ``i`` and ``i + 1``,
# both read: the word the page lost between them, or None
_Between = Callable[[list[str], list[Word | None], int, Word, Word], str | None]


def _sandwiched(read: Sequence[Word | None], own: Sequence[Line]) -> list[Word | None]:
    """``read`` (``_own_words``) with a word none reads like given the one word read between its neighbours'
    (the corrector's "xây" of "%ây" between "quốc" and "dựng": the page's word in its place)."""
    mine = [w for ln in own for w in sorted(ln.words, key=lambda w: w.box.x0)]
    at = {id(w): k for k, w in enumerate(mine)}
    out = list(read)
    for i in range(1, len(out) - 1):
        a, b = out[i - 1], out[i + 1]
        if out[i] is None and a is not None and b is not None and at[id(b)] - at[id(a)] == 2:
            out[i] = mine[at[id(a)] + 1]
    return out


def _put_between(
    subject: Found, own: Sequence[Line], between: _Between, *, sandwiched: bool = False
) -> Found:
    """The trích yếu with a word put back wherever ``between`` finds one lost between two read words side by
    side in it, in doubt (``GUESSED_CONFIDENCE``): the corpus gives the word, not the page. ``sandwiched``: a
    word none reads like is the one read between its neighbours' (``_sandwiched``)."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = nfc(f.value).split()
    read = _own_words(words, own)
    if sandwiched:
        read = _sandwiched(read, own)
    out: list[str] = []
    for i, word in enumerate(words):
        out.append(word)
        if i + 1 >= len(words) or (ra := read[i]) is None or (rb := read[i + 1]) is None:
            continue
        if (got := between(words, read, i, ra, rb)) is not None:
            out.append(got)
    if len(out) == len(words):
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# times the corpus puts a word between two read side by side at least as often as it has them together, for a
# gap on the page that holds that word to be where it was lost
GAP_OVER = 3


def gap_bridged(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word put back where a stamp's ink or a blur took it whole from its line ("trong
    [lĩnh] vực", "Kế hoạch kiểm [tra] công tác"): two words side by side on the page with a gap between them
    that holds a word (``_gap_holds``), a pair the corpus never shows (or shows ``GAP_OVER`` times less
    often than with the word between), between which it puts one word (``_bridge``, by ``LETTERED_SHARE``)
    of that width. In doubt (``GUESSED_CONFIDENCE``): the corpus gives
    the word, not the page."""
    model = correct.load()

    def between(words: list[str], read: list[Word | None], i: int, ra: Word, rb: Word) -> str | None:
        a, b = words[i].strip(_EDGES), words[i + 1].strip(_EDGES)
        if a != words[i] or not a.isalpha() or not b.isalpha() or not b.islower():
            return None  # (a mark after the word ends a phrase: nothing lost between)
        if _in_name(words, i):
            return (
                None  # a name's next word is no phrase of the corpus's ("Công ty TNHH Phú Việt [Long] tại")
            )
        ln = next((x for x in own if ra in x.words and rb in x.words), None)
        if ln is None:
            return None
        # (a pair the corpus shows too, "về chức", when it shows the word between them ``GAP_OVER`` times as
        # often: "Về [tổ] chức, hoạt động …", x879 corp 001, 633 to 96; the gap holding it is the page's word)
        got = _bridge(model, a, b, LETTERED_SHARE) or _bridge(model, a, b, LETTERED_SHARE, GAP_OVER)
        if got is None:
            return None
        return got if _gap_holds(ln, ra, rb, got) else None

    return _put_between(subject, own, between)


def _mine(ln: Line, read: Sequence[Word | None]) -> list[Word]:
    """``ln``'s words that are the subject's own (``read``: a stamp's garble on its row is none)."""
    return [w for w in ln.words if any(w is r for r in read)]


def line_break_bridged(subject: Found, own: Sequence[Line], layout: Layout) -> Found:
    """The trích yếu with a word put back that a stamp or a speck took whole from one end of a centred line
    ("… quốc gia xây / [dựng] nông thôn mới năm 2017", seed 575 alt 009): the last word of one line and the
    first of the next, syllables in small letters and no name's, a pair the corpus never shows, between which
    it puts one word (``_bridge``; or, the word before them counted, ``_bridge_after``: "tiêu quốc / [gia]
    xây", seed 707 alt 002), where the next line stands right of the heading's centre (or the line
    left of it) by that word's printed width and a space (``side_off``, within ``FIT``): a centred line that
    lost no word stands on the centre. In doubt (``GUESSED_CONFIDENCE``): the corpus gives the word."""
    if len(own) < 2 or layout.type_i is None:
        return subject
    cx = heading_centre(layout, layout.type_i)
    model = correct.load()

    def between(words: list[str], read: list[Word | None], i: int, ra: Word, rb: Word) -> str | None:
        la = next((k for k, ln in enumerate(own) if any(w is ra for w in ln.words)), None)
        lb = next((k for k, ln in enumerate(own) if any(w is rb for w in ln.words)), None)
        if la is None or lb != la + 1 or not (own[la].boxed and own[lb].boxed):
            return None
        a, b = words[i].strip(_EDGES), words[i + 1].strip(_EDGES)
        if (a, b) != (words[i], words[i + 1]) or not all(
            x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)
        ):
            return (
                None  # (a mark ends or opens a phrase: none lost between; capitals are a name's or a title's)
            )
        if _named(words, max(0, i - _NAME_WORDS), i + 1):
            return None
        before = words[i - 1].strip(_EDGES) if i > 0 else ""
        if (got := _bridge(model, a, b)) is None and (
            before != words[i - 1]
            or not (before.isalpha() and is_syllable(before))
            or (got := _bridge_after(model, before, a, b)) is None
        ):
            return None
        for k, sign in ((lb, 1.0), (la, -1.0)):
            mine = sorted(_mine(own[k], read), key=lambda w: w.box.x0)
            if len(mine) < 2 or (lw := letter_width(own[k])) is None:
                continue
            space = max(0.0, statistics.median(y.box.x0 - x.box.x1 for x, y in itertools.pairwise(mine)))
            wide = len(got) * lw + space
            if (1 - FIT) * wide <= sign * side_off(mine, cx) <= (1 + FIT) * wide:
                return got
        return None

    return _put_between(subject, own, between, sandwiched=True)


OPENING_OVER = (
    10  # times the corpus puts the lost word between the two at least as often as it has them together
)


def lost_opening_restored(subject: Found, own: Sequence[Line], layout: Layout) -> Found:
    """A titled subject in doubt ("GIẤY PHÉP" / "DOANH BÁN LẺ …") whose first line stands right of its
    heading's centre by a word's width (a stamp took its first word whole: "KINH" under an incoming stamp's
    box), with the word the corpus puts between the heading's last word and the subject's first
    (``_bridge``) put back where it fits that width (``FIT``, a word space with it); in doubt still
    (the corpus gives the word, the page its room). Only where something lay over that room
    (``opening_marked``): a line typed off centre with nothing over its room is as printed ("Ban hành …"
    under "NGHỊ QUYẾT" moved by an indent is no "[Định] ban hành …"). A sure subject, or a line centred,
    stays as read."""
    f = subject.get("subject")
    hit = layout.type_hit
    if f is None or not f.value or not own or f.confidence > GUESSED_CONFIDENCE or hit is None:
        return subject
    if layout.type_i is None or not own[0].boxed or len(own[0].words) < 2:
        return subject
    words = f.value.split()
    b = words[0].strip(_EDGES)
    if b != words[0] or not b.isalpha():
        return subject
    first = sorted(own[0].words, key=lambda w: w.box.x0)
    read = _own_words(words[:1], own[:1])[0]
    lw = letter_width(own[0])
    if read is not first[0] or lw is None:
        return subject
    gaps = [y.box.x0 - x.box.x1 for x, y in itertools.pairwise(first)]
    space = max(0.0, statistics.median(gaps))
    missing = side_off(first, heading_centre(layout, layout.type_i))
    got = _bridge(correct.load(), hit[0].split()[-1], b, LETTERED_SHARE, OPENING_OVER)
    if got is None or missing <= 0:
        return subject
    wide = len(got) * lw + space
    if not (1 - FIT) * wide <= missing <= (1 + FIT) * wide:
        return subject
    if not opening_marked(first[0], wide, layout.first, own[0]):
        return subject  # a line typed off centre (an indent) with nothing over its room: as printed
    lead = got[:1].upper() + got[1:]  # (a heading's trích yếu opens with a capital)
    value = " ".join([lead, b.lower() if b[:1].isupper() and b[1:].islower() else b, *words[1:]])
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


END_GAP = 1.5  # of the line's word height: a word this close after the subject's last is the same row's


def end_garble_continued(subject: Found, own: Sequence[Line], lines: Sequence[Line]) -> Found:
    """A trích yếu in doubt whose last line's last word the subject left out, a garble read below
    ``GARBLE_CONF`` a word's space after it on its row ("… trong cơ quan nhà nHDÊN" (0): a stamp's strokes
    over "nước", dropped as no centred word), with that garble put right as the corpus goes on from the
    subject's last two words (``_continued``: the one word that looks like the garble, its first letter the
    garble's); in doubt still. Only when those two words almost never end a phrase (``_open_last``: "quan
    nhà"), and the garble is no stamp's label (``_stamp_label``: "ĐẾN", "Ngày"). A sure subject is left as
    read (``doubted_words`` judges its end)."""
    f = subject.get("subject")
    if f is None or not f.value or not own or f.confidence > GUESSED_CONFIDENCE:
        return subject
    words = nfc(f.value).split()
    read = _own_words(words, own)
    last = read[-1] if len(words) >= 3 else None
    if last is None or not own[-1].words or last is not max(own[-1].words, key=lambda w: w.box.x1):
        return subject
    row = next((ln for ln in lines if any(w is last for w in ln.words)), None)
    h = max(1.0, last.box.y1 - last.box.y0)
    after = sorted(
        (w for w in (row.words if row is not None else ()) if w.box.x0 >= last.box.x1 - h / 4),
        key=lambda w: w.box.x0,
    )
    if not after or after[0].box.x0 - last.box.x1 > END_GAP * h or after[0].conf >= GARBLE_CONF:
        return subject
    garble = after[0].text
    a, b = (w.strip(_EDGES) for w in words[-2:])
    sure = all(r is not None and r.conf >= ANCHOR_CONF for r in read[-2:])
    if not sure or words[-1] != b or not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)):
        return subject
    if sum(ch.isalpha() for ch in garble) < _SPECK_LETTERS or _run_together(garble.strip(_EDGES)):
        return subject
    if _named(words, -1 - _NAME_WORDS, len(words)) or _stamp_label(garble):
        return subject  # (an incoming stamp's "ĐẾN", "Ngày" right of a line: its label, no word of the line)
    model = correct.load()
    if not _open_last(model, words):
        return subject  # "… an toàn giao thông" ends a phrase as read: nothing the line lost
    got = _continued(model, a, b, garble, None)
    if got is None or fold(got)[:1] != fold(garble.strip(_EDGES))[:1].lower():
        return subject  # (its first letter read: the garble is the word's, no stamp's mark beside the line)
    return Found((replace(f, value=" ".join([*words, got])),))


LOST_WORD_LETTERS = 2  # of the line's letter width: a centred last line short this much lost a word there
LOST_WORD_SHARE = 0.6  # of all the corpus has after the subject's last word(s): the one word put back


@lru_cache(maxsize=1)
def _next_words() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corpus's bigrams by their first word (sorted first words, second words, counts)."""
    model = correct.load()
    keys, counts = _sorted_counts(model.bigrams)
    return keys // model.size, keys % model.size, counts


def _lost_word(model: correct.Model, a: str, b: str) -> str | None:
    """The one word the corpus goes on with after ``a b`` (their trigrams, the pair seen ``ANCHOR_SEEN``
    times at least), else after ``b`` alone: seen ``ANCHOR_SEEN`` times at least and by ``LOST_WORD_SHARE``
    of all it has there, a phrase's end counted too ("chữa bệnh", 3681 of 5081; "bức xạ", 167 of 238);
    None where the corpus leaves no one word."""
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    if ib is None:
        return None
    if ia is not None and model.bigrams.get(ia * model.size + ib, 0) >= ANCHOR_SEEN:
        keys, nexts, counts, _ = _continuations()
        key = ia * model.size + ib
    else:
        keys, nexts, counts = _next_words()
        key = ib
    lo, hi = int(np.searchsorted(keys, key, "left")), int(np.searchsorted(keys, key, "right"))
    if lo == hi:
        return None
    n, j = max((int(counts[j]), j) for j in range(lo, hi))
    word = model.surface[int(nexts[j])]
    if word.startswith("<") or n < ANCHOR_SEEN or n < LOST_WORD_SHARE * int(counts[lo:hi].sum()):
        return None
    return word


def lost_end_continued(subject: Found, layout: Layout, own: Sequence[Line]) -> Found:
    """A trích yếu in doubt (``GUESSED_CONFIDENCE``) whose last line, centred under the type's heading,
    stops short of where its start puts its end by ``LOST_WORD_LETTERS`` letters or more, nothing read there
    (an incoming stamp's box over its last word: "HOẠT ĐỘNG KHÁM BỆNH, CHỮA [BỆNH]", "TIẾN HÀNH CÔNG VIỆC
    BỨC [XẠ]", seeds 921 and 923 dev) and the body restating none of it (``lost_end``), with the one word
    the corpus goes on with after its last words (``_lost_word``) put back when that word's letters, printed
    as the line's, fill the width lost within ``FIT``; in doubt still. A last word in small letters only
    (a name's last word is any), the line's own last word (a garble read after it is
    ``end_garble_continued``'s). A subject read surely is left as read."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence > GUESSED_CONFIDENCE or not own or layout.type_i is None:
        return subject
    last = own[-1]
    line_words = sorted(last.words, key=lambda w: w.box.x0)
    lw = letter_width(last)
    if not last.boxed or lw is None or len(line_words) < 2:
        return subject
    lost = 2 * heading_centre(layout, layout.type_i) - last.x0 - last.x1
    if lost < LOST_WORD_LETTERS * lw:
        return subject
    words = nfc(f.value).split()
    a, b = (w.strip(_EDGES) for w in words[-2:]) if len(words) >= 2 else ("", "")
    if words[-1] != b or not (b.isalpha() and b.islower() and is_syllable(b)):
        return subject  # (a word ending in a mark ends a phrase as printed)
    if fold(b).lower() != fold(line_words[-1].text.strip(_EDGES)).lower():
        return subject  # the subject's end is no end of its last line's words
    if _named(words, -1 - _NAME_WORDS, len(words)):
        return subject
    if not _gap_covered(layout, last, lost):
        return subject  # nothing there: a line typed off centre is as printed (review of subject57)
    model = correct.load()
    got = _lost_word(model, a, b)
    if got is None or _open_last(model, [*words, got]):
        return subject  # (a word the corpus goes on after: more than one word lost, not this rule's)
    gap = statistics.median(y.box.x0 - x.box.x1 for x, y in itertools.pairwise(line_words))
    if abs(len(got) * lw + gap - lost) > FIT * lost:
        return subject
    return Found((replace(f, value=" ".join([*words, got])),))


# (0..100) a word read under this where a centred line's last word was lost is a stamp's or a seal's mark
COVER_CONF = 60.0


def _gap_covered(layout: Layout, last: Line, lost: float) -> bool:
    """Something on page 1 stands where ``last``'s lost end was (from its last word to ``lost`` further,
    on its row or a line's height above or below): a word read unsurely (under ``COVER_CONF``), one that
    is no syllable (a stamp's box read as marks over "BỨC [XẠ]", seed 923 dev 005) or a line of the
    incoming stamp ("Ngày:" under "CHỮA [BỆNH]", seed 921 dev 012). A line ending short with nothing there
    was typed off centre."""
    x0, x1 = last.x1, last.x1 + lost
    h = last.y1 - last.y0  # a line's height above and below (the stamp's box is taller than its words)
    y0, y1 = last.y0 - h, last.y1 + h
    mine = {id(w) for w in last.words}
    for ln in layout.first:
        stamp = is_stamp_or_banner(ln)
        for w in ln.words:
            if id(w) in mine or w.box.x1 <= x0 or w.box.x0 >= x1 or w.box.y1 <= y0 or w.box.y0 >= y1:
                continue
            text = w.text.strip(_EDGES)
            if stamp or w.conf < COVER_CONF or not (text.isalpha() and is_syllable(text.lower())):
                return True
    return False


_GARBLE_BEFORE = 2  # words before "việc" that may be a stamp's garble over "Về" (its "ĐẾN" and "Về" itself)


def _garbled_before_viec(text: str) -> str | None:
    """The text from its "việc" when the one or ``_GARBLE_BEFORE`` words before it are none of them a
    Vietnamese syllable (a stamp's marks and "Về" garbled: "RN \\/'Ê việc đề nghị …"); None otherwise
    ("Tổ chức việc …" keeps its words)."""
    words = text.split()
    k = next((i for i, w in enumerate(words[: _GARBLE_BEFORE + 1]) if w == "việc"), None)
    if not k or k + 1 >= len(words) or any(_syllable_word(w) for w in words[:k]):
        return None
    return " ".join(words[k:])


def _garbled_inside_ve_viec(text: str) -> str | None:
    """The text from its "việc" when it opens with "Về" and the one or ``_GARBLE_BEFORE`` words between the
    two are none of them a Vietnamese syllable (a stamp's strokes read between them: "Về ŠY việc đề nghị
    …"); None otherwise ("Về công việc …" keeps its words)."""
    words = text.split()
    if len(words) < 3 or not _ve_word(words[0]):
        return None
    k = next((i for i, w in enumerate(words[: _GARBLE_BEFORE + 2]) if i > 1 and w == "việc"), None)
    if k is None or k + 1 >= len(words) or any(_syllable_word(w) for w in words[1:k]):
        return None
    return " ".join(words[k:])


def _printed_between(text: str, cut: str, subj: Sequence[Line]) -> bool:
    """True when a word ``_garbled_inside_ve_viec`` would drop between "Về" and "việc" is printed text, not a
    stamp's strokes: it has a digit ("Về 05 việc cần triển khai …": never drop a number) or it was read
    surely ("Về COVID-19 việc …", "Về NTM việc …": an abbreviation)."""
    dropped = text.split()[1 : len(text.split()) - len(cut.split())]
    sure = {w.text for ln in subj for w in ln.words if w.conf >= PAIR_SURE}
    return any(any(ch.isdigit() for ch in w) or w in sure for w in dropped)


def _vv_remnant(text: str, end: int) -> str:
    """The text after a "V/v" prefix ending at ``end``: a one-character rest of the prefix's word is its
    second "v" misread ("V/N thực hiện …": "V/" matched, "N" is no word of the subject's) and is left out."""
    m = re.match(r"(\S)(?=\s)", text[end:])
    glued = end > 0 and not text[end - 1].isspace()
    return text[end + 1 :] if m is not None and glued and m.group(1).isalpha() else text[end:]


# the most words a line read off a page holds (as ``stamps.LINE_WORDS_MAX``): more are a stamp's or a scan
# border's specks, no line of a subject's
LINE_WORDS_MAX = 120

# a subject's first word that is no word read right (``_read_right``) is a garble unless Tesseract read it
# at least this surely (a code, a name); the first line's other words below ``DOUBTFUL``
SURE_OPENING = 90.0


def garbled_opening(value: str, first: Line) -> bool:
    """A word of the subject's ``value`` read on its ``first`` line is no word read right (``_read_right``)
    and was read unsure: its first word below ``SURE_OPENING`` ("iÊổđấY mạnh cải cách …" at 0, a stamp's
    strokes over "Về việc đẩy"), another below ``DOUBTFUL``. Each of the value's words is matched to the
    first of the line's words (left to right, after the last matched) whose text holds it once folded (a
    mark left out of it, "©iÊổđấY"), and judged in the case it was read in ("⁄ếx" made "Ếx" opening a
    licence's subject is no name); a word none holds (a "Về việc" restored) is passed."""
    mine = sorted(first.words, key=lambda w: w.box.x0)
    if len(mine) > LINE_WORDS_MAX:
        return True  # hundreds of "words" on one line: specks, no subject's line read right (and its
        # words matched one by one would take their number squared)
    folded = [fold(w.text) for w in mine]
    at = 0
    for k, word in enumerate(value.split()[: len(mine) + 2]):
        core = word.strip(_EDGES)
        if not core or at >= len(mine):
            break
        j = next((j for j in range(at, len(mine)) if fold(core) in folded[j]), None)
        if j is None:
            continue
        at = j + 1
        # judged as read: a capital the value gave it (its first word's) makes no name ("Ếx" of "⁄ếx")
        as_read = core if any(ch.isupper() for ch in mine[j].text) else core.lower()
        if not _read_right(as_read) and mine[j].conf < (SURE_OPENING if k == 0 else DOUBTFUL):
            return True
        if mine[j].conf < UNREAD:
            return True  # "Về TP tá mạnh …" ("TP" at 0 for a stamp's strokes over "việc đẩy"): no acronym
    return False


# a word at a subject's edge read below this is no reading of the print's, whatever it spells (an acronym, a
# syllable): a stamp's strokes ("TP" at 0 over "việc đẩy"; "thiên." at 21 under a date's digits)
UNREAD = 30.0
_END_WORDS = 3  # the value's last words judged so


def garbled_end(value: str, last: Line) -> bool:
    """One of the value's last ``_END_WORDS`` words read on its ``last`` line below ``UNREAD`` ("… hậu quả g
    thiên. 6": a stamp's date over "thiên tai"): the subject's end is no sure reading. The words are matched
    right to left to the line's words whose folded text holds them."""
    mine = sorted(last.words, key=lambda w: w.box.x0)
    if len(mine) > LINE_WORDS_MAX:
        return True
    at = len(mine)
    for word in reversed(value.split()[-_END_WORDS:]):
        core = fold(word.strip(_EDGES))
        if not core:
            continue
        j = next((j for j in range(at - 1, -1, -1) if core in fold(mine[j].text)), None)
        if j is None:
            continue
        at = j
        if mine[j].conf < UNREAD:
            return True
    return False


# how many letters of the line a gap after "Về" holds (the usual space aside) for "việc" lost there
_VIEC_GAP = (3.0, 6.0)


def lost_viec(ln: Line) -> bool:
    """The subject line opens with "Về", and "việc" was lost between it and the next word (in lower case,
    nothing like "việc"): the gap there ``GAP_LOST`` word heights and three usual spaces wide or more
    (``_gap_lost``), four letters' width or so (``_VIEC_GAP``): "Về [việc under a seal] tăng cường …"."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    lw = letter_width(ln)
    if not ln.boxed or len(words) < 3 or not lw or not _ve_word(words[0].text):
        return False  # (a letter width of 0: words of no width, nothing to measure a gap by)
    if _viec_like(words[1].text) or not words[1].text[:1].islower():
        return False
    gaps = _Gaps(ln)
    usual = gaps.usual(0)
    return gaps.lost(0) and _VIEC_GAP[0] <= (gaps.gaps[0] - usual) / lw <= _VIEC_GAP[1]


def lost_viec_word(ln: Line) -> str | None:
    """``lost_viec`` where the gap after "Về" holds "việc" and one word more ("về [việc bảo] đảm trật tự …",
    a stamp's ink over both, u569 alt 008): the word the corpus puts between "việc" and the next word read
    (``_bridge``, by ``LETTERED_SHARE``, ``GAP_OVER`` times as often as the pair), the gap less a space on
    each side holding both words and the space between them printed as the line's (``letter_width``), within
    ``FIT``. None otherwise."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    lw = letter_width(ln)
    if not ln.boxed or len(words) < 3 or not lw or not _ve_word(words[0].text):
        return None
    nxt = words[1].text
    if _viec_like(nxt) or not (nxt.isalpha() and nxt.islower()):
        return None
    gaps = _Gaps(ln)
    usual = gaps.usual(0)
    if not gaps.lost(0):
        return None
    got = _bridge(correct.load(), "việc", nxt, LETTERED_SHARE, GAP_OVER)
    if got is None:
        return None
    wide = (len("việc") + len(got)) * lw + usual
    return got if (1 - FIT) * wide <= gaps.gaps[0] - 2 * usual <= (1 + FIT) * wide else None


def _syllable_word(word: str) -> bool:
    core = word.strip(_EDGES)
    return core.isalpha() and is_syllable(core)


# letters and digits at most of a garble before "việc" that stands for "Về" (its marks, a speck's)
_GARBLE_LETTERS = 3


# letters a centred subject line's two sides differ by when words were lost at one (the heading and its lines
# are centred to a pixel or two: "cho" read "o", its "ch" under a stamp, puts them two letters apart; a line
# typed a space or two off the centre, under two letters, stands)
LOST_SIDE = 2.0
GAP_LOST = 2.0  # word heights between two words of a subject line where words were lost


class _Gaps:
    """The spaces between a line's words (of three or more, left to right) and its words' height: one
    measure of "the usual space" for each gap, the median of the line's *other* gaps (the gap itself left
    out: on a line of three words "Về ‹gap› tăng cường" the one wide gap would be half the median)."""

    def __init__(self, ln: Line) -> None:
        words = sorted(ln.words, key=lambda w: w.box.x0)
        self.gaps = [b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words)]
        self.height = statistics.median(w.box.y1 - w.box.y0 for w in words) if words else 0.0
        self._sorted = sorted(self.gaps)

    def usual(self, i: int) -> float:
        """The median of the gaps but the ``i``-th (sorted once: linear over a line of many words)."""
        s, n = self._sorted, len(self._sorted) - 1
        r = bisect.bisect_left(s, self.gaps[i])  # a gap equal to it stands for it

        def rest(k: int) -> float:
            return s[k] if k < r else s[k + 1]

        return rest(n // 2) if n % 2 else (rest(n // 2 - 1) + rest(n // 2)) / 2

    def lost(self, i: int, heights: float = GAP_LOST) -> bool:
        """Words were lost in the ``i``-th gap: ``heights`` word heights wide or more and three times the
        usual space."""
        g = self.gaps[i]
        return g >= heights * self.height and g >= 3 * self.usual(i)


def lost_gaps(ln: Line, heights: float = GAP_LOST) -> list[int]:
    """The gaps of the line (``i``: between its ``i``-th and ``i + 1``-th words left to right) where words
    were lost: ``heights`` word heights wide or more, three times the line's usual space (``_Gaps``); none
    on a line of fewer than three words or not boxed."""
    if not ln.boxed or len(ln.words) < 3:
        return []
    gaps = _Gaps(ln)
    return [i for i in range(len(gaps.gaps)) if gaps.lost(i, heights)]


def _gap_lost(ln: Line) -> bool:
    """Two words next to each other on the subject's line stand ``GAP_LOST`` word heights apart or more,
    three times the line's usual space (``lost_gaps``): words between them were lost ("vay [Về việc công]
    nhận xã …")."""
    return bool(lost_gaps(ln))


def side_off(words: Sequence[Word], cx: float) -> float:
    """How far the run of ``words`` stands right of ``cx`` (left: below 0), as its two ends' sum less twice
    ``cx`` (twice its centre's shift: the width of the words a centred line lost at its other end)."""
    return min(w.box.x0 for w in words) + max(w.box.x1 for w in words) - 2 * cx


THROUGH_BOX = 50.0  # (``stamps.BARE_CONF``) the most the stamp's pass is sure of a word it read through a box
TRACE_CONF = 60.0  # a word read below this in a line's room: a stamp's marks or a speck's, no print's


def opening_marked(first: Word, room: float, lines: Sequence[Line], line: Line | None = None) -> bool:
    """Something lay over the ``room`` (pixels) left of a line's first word ``first``: that word read through
    a stamp's box (``THROUGH_BOX`` or less), or a word on its row reaching into the room read unsure
    (``TRACE_CONF``: a stamp's marks, its label's garble) or one of ``line``'s own before ``first`` (dropped
    as a speck's: "#ở Ở" before "AN TOÀN …"). A title typed off centre has nothing there."""
    if first.conf <= THROUGH_BOX:
        return True
    mine = {id(w) for w in line.words} if line is not None else set()
    x0 = first.box.x0 - room
    return any(
        w is not first
        and (w.conf < TRACE_CONF or id(w) in mine)
        and x0 < w.box.x1
        and w.box.x0 < first.box.x0
        and w.box.y0 < first.box.y1
        and first.box.y0 < w.box.y1
        for ln in lines
        for w in ln.words
    )


def lost_side(lines: Sequence[Line], cx: float) -> bool:
    """A subject line centred on ``cx`` (its heading's centre) reaches further on one side than on the
    other by ``LOST_SIDE`` of its letters or more: words at its short end were lost (a stamp over "CƠ
    SỞ" of "CƠ SỞ ĐỦ ĐIỀU KIỆN …" left "Ở ĐỦ ĐIỀU KIỆN …")."""
    for ln in lines:
        lw = letter_width(ln) if ln.boxed else None
        if lw is not None and abs(side_off(ln.words, cx)) >= LOST_SIDE * lw:
            return True
    return False


def lead_lost(before: str, after: str, first: Line, layout: Layout) -> bool:
    """Words with letters in them dropped before the subject's first word as a speck's (``strip_speck``:
    ``before`` the text, ``after`` it) where the first line's words from its first kept one on stand off
    the heading's centre by ``LOST_SIDE`` of its letters or more: they were the line's own words misread
    under a stamp or a speck ("#ở Ở AN TOÀN …" of "CƠ SỞ AN TOÀN …", "Ở SỞ LƯU TRÚ …" of "CƠ SỞ …"), and
    what is left lost them. A speck beside a centred line leaves its words centred."""
    said, kept = before.split(), after.split()
    lead = said[: len(said) - len(kept)]
    if not kept or not any(ch.isalpha() for w in lead for ch in w):
        return False
    if layout.type_i is None or not first.boxed or (lw := letter_width(first)) is None:
        return False
    words = sorted(first.words, key=lambda w: w.box.x0)
    at = next((i for i, w in enumerate(words) if i and _is_word(w, kept[0])), None)
    if at is None:
        return False  # (the first kept word not on the first line as read: nothing to measure)
    return abs(side_off(words[at:], heading_centre(layout, layout.type_i))) >= LOST_SIDE * lw


def _is_word(w: Word, word: str) -> bool:
    """``w`` read is ``word`` whole, a stamp's marks glued before it at most ("-Về" of "Về"; no "TOÀN" of
    "AN")."""
    t = unglue(w.text)
    return t.endswith(word) and not any(ch.isalnum() for ch in t[: len(t) - len(word)])


def opening_lost(own: Sequence[Line], layout: Layout | None, first: str, lost: str) -> bool:
    """The subject's first line (``own``'s first) from its word ``first`` (folded, whole) on stands right of
    the heading's centre by the printed width of the words ``lost`` before it (``FIT``, a word space with
    them) or more, and something lay over that room (``opening_marked``: a speck's words dropped before
    it, a stamp's marks): a certificate's title whose opening a stamp or a speck took ("#ở Ở AN TOÀN …" of
    "CƠ SỞ AN TOÀN …"). A title typed off centre with nothing over its room lost nothing."""
    if layout is None or layout.type_i is None or not own or not own[0].boxed:
        return False
    line = own[0]
    if (lw := letter_width(line)) is None:
        return False
    words = sorted(line.words, key=lambda w: w.box.x0)
    at = next((i for i, w in enumerate(words) if fold1(unglue(w.text)).strip(_EDGES) == first), None)
    if at is None:
        return False
    rest = words[at:]
    gaps = [y.box.x0 - x.box.x1 for x, y in itertools.pairwise(rest)]
    space = max(0.0, statistics.median(gaps)) if gaps else lw
    wide = len(lost) * lw + space
    if side_off(rest, heading_centre(layout, layout.type_i)) < (1 - FIT) * wide:
        return False
    return opening_marked(rest[0], wide, layout.first, line)


def _quarter(m: re.Match[str]) -> str:
    numeral = re.sub(r"[l1|TÌÍ\[ïÏ]", "I", m.group(2))
    word = {"quy": "quý", "Quy": "Quý", "QUY": "QUÝ"}.get(m.group(1), m.group(1))
    return f"{word} {numeral}" if numeral in _QUARTERS else m.group(0)


def fix_quarter(text: str) -> str:
    text = _QUY.sub(_quarter, _QUARTER.sub(_quarter, text))
    text = _QUARTER_ONES.sub(lambda m: f"{m.group(1)} {'I' * len(m.group(2))}", text)
    text = _QUARTER_SMALL.sub(lambda m: f"{m.group(1)} {'I' * len(m.group(2))}", text)
    return _QUARTER_ONE.sub(lambda m: f"{m.group(1)} I", text)


def _mid_y(ln: Line) -> float:
    """The line's height on the page: the median of its words' middles (a stamp's tall word read into the
    line stretches its box, not this)."""
    return statistics.median((w.box.y0 + w.box.y1) / 2 for w in ln.words) if ln.words else ln.y0


def _under(lines: Sequence[Line], heading: Line) -> list[Line]:
    """The lines after the type heading, top to bottom as printed, without those above its middle: OCR may
    give a line merged with a stamp beside it before the subject line that stands above it on the page."""
    if not heading.boxed or not all(ln.boxed for ln in lines):
        return list(lines)
    top = _mid_y(heading)
    return sorted((ln for ln in lines if _mid_y(ln) > top), key=_mid_y)


_LABEL_TAIL = 1  # words at most after an incoming stamp's label on a subject's row (its date, its "VP")


def _stamp_label_cut(ln: Line) -> Line:
    """The subject's line without an incoming stamp's row read on it after its words: a label ("Ngày:",
    "Số:", "Chuyển:") with at most ``_LABEL_TAIL`` words after it, and before it the words that are no
    syllable between it and the subject's last word, one of them read as a garble (below ``GARBLE_CONF``:
    "Châu 'Fƒ (12) TN Ngày: 2z/12/20", the stamp's box and its "ĐẾN" over the row). Else the line."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    k = next(
        (
            n
            for n, w in enumerate(words)
            if n > 0 and w.text.endswith(":") and fold(w.text).strip(_OPEN_MARKS) in _LABELS
        ),
        None,
    )
    if k is None or len(words) - k - 1 > _LABEL_TAIL:
        return ln
    if fold(words[k].text).strip(_OPEN_MARKS) == "so" and _kind_named(words[:k]):
        return ln  # "… theo Giấy phép ĐKKD số: 0301234567", "Quyết đ1nh số: …": the subject's own number
    j = k
    while j > 1 and not is_syllable(words[j - 1].text.strip(_EDGES + _OPEN_MARKS)):
        j -= 1
    # cut from the first garble there that is no number, year, Roman numeral nor acronym: those are the
    # subject's ("giai đoạn 2021 - 2025 'Fƒ Ngày: …", "Công ty TNHH MTV ABC 'Fƒ Ngày: …")
    cut = next(
        (i for i in range(j, k) if words[i].conf < GARBLE_CONF and not _number_or_acronym(words[i].text)),
        None,
    )
    if cut is None:
        return ln
    return sub_line(ln, words[:cut])


def _number_or_acronym(text: str) -> bool:
    """The word is a number or a year ("2021", "12/2020"), a dash between two, a Roman numeral ("IV") or an
    acronym (capitals only, two or more: "ĐKKD", "MTV"): none is Vietnamese syllable, each a subject's own."""
    core = text.strip(_EDGES + _OPEN_MARKS + "()")
    if not core:
        return text.strip() in ("-", "–")
    if re.fullmatch(r"[\d.,/\-–]+", core) and any(ch.isdigit() for ch in core):
        return True
    return len(core) >= 2 and core.isalpha() and core.isupper()


def _kind_named(before: Sequence[Word]) -> bool:
    """The words before a "số:" label name a document's kind (``DOC_TYPES``: "Giấy phép", "Quyết định"),
    after at most one acronym ("Giấy phép ĐKKD số:"), its letters misread at most as ``TITLE_LIKE`` allows
    ("Quyết đ1nh số:")."""
    read = [w.text.strip(_EDGES + _OPEN_MARKS) for w in before]
    if read and _number_or_acronym(read[-1]) and not any(ch.isdigit() for ch in read[-1]):
        read = read[:-1]
    if len(read) < 2:
        return False
    pair = fold(" ".join(read[-2:]))
    return any(fuzz.ratio(pair, fold(kind)) >= TITLE_LIKE for kind in DOC_TYPES if len(kind.split()) == 2)


def _sure_last(ln: Line) -> bool:
    """The line's last word was read with confidence (a stamp's mark glued to it makes it doubtful)."""
    return max(ln.words, key=lambda w: w.box.x1).conf >= 50


SUBJECT_WINDOW = 12  # lines under the type heading looked at for the subject


_GLUED_NAME = 5  # letters of two heading words read as one for the word to be the heading's ("chungnhan")


_NAME_LIKE = 70  # fuzz ratio of a word to a heading's word for it to be that word misread ("TRlNH", "ĐjNH")


def _centre(layout: Layout) -> float | None:
    """The type heading's centre (``heading_centre``), None without a heading."""
    return heading_centre(layout, layout.type_i) if layout.type_i is not None else None


def heading_centre(layout: Layout, type_i: int) -> float:
    """The type heading's centre from its own words (a stamp read on the same row, "TỜ TRÌNH 5TlG", is not
    it; two of its words read as one, "CHỨNGNHẬN", are, and a word of it misread, "TỜ TRlNH")."""
    type_ln = layout.first[type_i]
    names = set(fold(layout.type_hit[0]).split()) if layout.type_hit else set()
    squashed = fold(layout.type_hit[0]).replace(" ", "") if layout.type_hit else ""

    def mine(w: Word) -> bool:
        key = fold(w.text).strip(_EDGES)  # (a speck read as a quote glued to it: "'TỜ TRÌNH", s885 corp 003)
        return (
            key in names
            or (len(key) >= _GLUED_NAME and key.isalpha() and key in squashed)
            or (len(key) >= 3 and any(fuzz.ratio(key, n) >= _NAME_LIKE for n in names if len(n) >= 3))
        )

    own = [w for w in type_ln.words if mine(w)]
    if not own and layout.type_hit:
        own = heading_run(type_ln, layout.type_hit)  # "TƠTRNH" read apart from a stamp's words on its row
    return (min(w.box.x0 for w in own) + max(w.box.x1 for w in own)) / 2 if own else type_ln.cx


def subject_lines(layout: Layout, *, typed: bool = False) -> list[Line]:
    """The lines of the trích yếu centred under the type name (each cut to its centred run, a stamp's marks
    at its ends left out); without a type name, when the type is known otherwise (``typed``: from the
    notation), the centred lines under the header opening with "Về việc" (``untitled_lines``); else none."""
    if layout.type_i is None:
        return untitled_lines(layout) if typed else []
    type_ln = layout.first[layout.type_i]
    window = layout.first[layout.type_i + 1 : layout.type_i + 1 + SUBJECT_WINDOW]
    cx = heading_centre(layout, layout.type_i)
    kept, doubtful = _rereads_dropped(_under([*_below_before(layout), *window], type_ln))
    return _gap_guessed(_centred_lines(layout, _rows_joined(kept), cx, type_ln.boxed), doubtful)


def _gap_guessed(subj: SubjectLines, doubtful: Sequence[Word]) -> SubjectLines:
    """``subj`` with ``SubjectLines.gap_guessed`` set when a word kept in doubt in a gap of its row's first
    reading (``_gaps_filled``) is one of its words."""
    ids = {id(w) for w in doubtful}
    subj.gap_guessed = subj.gap_guessed or any(id(w) in ids for ln in subj for w in ln.words)
    return subj


REREAD_WORDS = 2  # words a line repeats of another on its row, in the same place, to be that row read again


def _same_word(a: Word, b: Word) -> bool:
    """Two words of the same letters (folded, marks at the ends aside) whose boxes overlap across."""
    ca, cb = fold(a.text).strip(_EDGES), fold(b.text).strip(_EDGES)
    return bool(ca) and ca == cb and min(a.box.x1, b.box.x1) > max(a.box.x0, b.box.x0)


def _reread(a: Line, b: Line, *, by_words: bool = False) -> bool:
    """``a`` and ``b`` are one row read twice: they share ``ROW_SHARE`` of the shorter's height and hold
    ``REREAD_WORDS`` words or more of the same letters in the same place; ``by_words``: those words' boxes
    overlap down as well, whatever the lines' heights (a stamp's marks read on the row make its line
    taller: "ĐỀ" of the stamp's "ĐẾN" under "Về xiệc toàn Hội đồng …")."""
    if not a.words or not b.words:
        return False
    if by_words:
        return (
            sum(
                any(_same_word(x, y) and min(x.box.y1, y.box.y1) > max(x.box.y0, y.box.y0) for y in b.words)
                for x in a.words
            )
            >= REREAD_WORDS
        )
    if min(a.y1, b.y1) - max(a.y0, b.y0) < ROW_SHARE * min(a.y1 - a.y0, b.y1 - b.y0):
        return False
    return sum(any(_same_word(x, y) for y in b.words) for x in a.words) >= REREAD_WORDS


def _gaps_filled(first: Line, again: Line) -> tuple[Line, list[Word]]:
    """``first`` with the words of its row's reading ``again`` that stand in its gaps (``_in_gap``), and
    those of them that are no sure reading (``_in_gap`` False: the subject they end in is in doubt)."""
    verdicts = [(w, _in_gap(w, first)) for w in again.words]
    inside = [w for w, v in verdicts if v is not None]
    if not inside:
        return first, []
    doubtful = [w for w, v in verdicts if v is False]
    return sub_line(first, sorted([*first.words, *inside], key=lambda w: w.box.x0)), doubtful


def _reread_gaps_filled(ln: Line, lines: Sequence[Line]) -> tuple[Line, list[Word]]:
    """``ln`` with the words that the other readings of its row among ``lines`` (``_reread``) give in its
    gaps (``_gaps_filled``), and those of them in doubt."""
    doubtful: list[Word] = []
    for other in lines:
        if other is not ln and _reread(ln, other, by_words=True):
            ln, more = _gaps_filled(ln, other)
            doubtful += more
    return ln, doubtful


def _rereads_dropped(lines: list[Line]) -> tuple[list[Line], list[Word]]:
    """The lines without a row read twice: of two lines on one row (sharing ``ROW_SHARE`` of the shorter's
    height) that hold ``REREAD_WORDS`` words or more of the same letters in the same place (a stamp's pass
    reading the row through its box gave "ĐỘNG KHOA Hẹ" again under "… ĐỘNG KHOA HỌC VÀ CÔNG NGHỆ"), the
    reading again is the one whose words lie within the other's span (a word's width over at most: the
    stamp's box holds part of the row), or, the two as wide, the one read less surely (its words' mean
    confidence); its words over the other's are left out, its words beyond the other's ends kept (a row read
    again further than the first reading reached): else the subject says its words twice, or loses the
    words the partial reading's sureness would have thrown away. With the words kept in the first reading's
    gaps that are in doubt (``_gaps_filled``)."""
    out = list(lines)
    doubtful: list[Word] = []
    for i, j in itertools.combinations(range(len(out)), 2):
        a, b = out[i], out[j]
        if not _reread(a, b):
            continue
        word = statistics.median(w.box.x1 - w.box.x0 for w in (*a.words, *b.words))
        a_in = a.x0 >= b.x0 - word and a.x1 <= b.x1 + word
        b_in = b.x0 >= a.x0 - word and b.x1 <= a.x1 + word
        if a_in != b_in:
            again = i if a_in else j
        else:
            mean_a, mean_b = (statistics.fmean(w.conf for w in ln.words) for ln in (a, b))
            again = j if mean_b < mean_a else i
        first = out[i + j - again]
        beyond = [w for w in out[again].words if w.box.x1 <= first.x0 or w.box.x0 >= first.x1]
        # a word the first reading lost ("Về xiệc [ ] toàn Hội đồng …", "kiện" read again surely): kept
        out[i + j - again], more = _gaps_filled(first, out[again])
        doubtful += more
        out[again] = sub_line(out[again], beyond) if beyond else replace(out[again], words=())
    return [ln for ln in out if ln.words], doubtful


GAP_WORD_CONF = 60.0  # a word read again at least this surely in a gap of the first reading is the row's
# of the first reading's words' median height: a word read again taller spans more than its row (a stamp's
# tall word; a box of the reading through the stamp's is padded: "kiện" 68 px high over letters of 44)
GAP_WORD_TALL = 2.0


def _in_gap(w: Word, first: Line) -> bool | None:
    """``w``, of a row's reading again, read surely (``GAP_WORD_CONF``) as a word (two letters or more),
    stands in a gap of the ``first`` reading (between two of its words, over none), on its row (``ROW_SHARE``
    of its height within the row its words' boxes span, no taller than ``GAP_WORD_TALL`` of them: a word of
    the row above read on the reading again's line is none of it) and in its letters' case (a stamp's
    "ĐẾN" in capitals among words in small letters is the stamp's): a word the first reading lost under a
    stamp's ink that the reading through its box gave. True when the corpus shows it after the word before
    it and before the word after it (``ANCHOR_SEEN`` times each: one phrase with both); False when it is
    kept but no sure reading (a misreading makes a phrase with one neighbour as easily: "phép chấp hành"
    for "phép tiến hành"); None when it is no word of the gap."""
    core = w.text.strip(_EDGES)
    if w.conf < GAP_WORD_CONF or len(core) < 2 or not core.isalpha():
        return None
    left = [x for x in first.words if x.box.x1 <= w.box.x0]
    right = [x for x in first.words if x.box.x0 >= w.box.x1]
    if not left or not right or any(min(x.box.x1, w.box.x1) > max(x.box.x0, w.box.x0) for x in first.words):
        return None
    row0 = statistics.median(x.box.y0 for x in first.words)
    row1 = statistics.median(x.box.y1 for x in first.words)
    tall = statistics.median(x.box.y1 - x.box.y0 for x in first.words)
    h = w.box.y1 - w.box.y0
    if h > GAP_WORD_TALL * tall or min(w.box.y1, row1) - max(w.box.y0, row0) < ROW_SHARE * h:
        return None
    before = max(left, key=lambda x: x.box.x1).text.strip(_EDGES)
    after = min(right, key=lambda x: x.box.x0).text.strip(_EDGES)
    cased = [t for t in (before, after) if len(t) >= 2 and t.isalpha()]
    if core.isupper() and not any(t.isupper() for t in cased):
        return None  # capitals among small letters: a stamp's word
    if cased and all(t.isupper() for t in cased) and not core.isupper():
        return None  # small letters among capitals: no word of the row
    model = correct.load()
    return (
        before.isalpha()
        and after.isalpha()
        and _pair_count(model, before, core) >= ANCHOR_SEEN
        and _pair_count(model, core, after) >= ANCHOR_SEEN
    )


ROW_SHARE = 0.6  # two lines stand on one row when they share this much of the shorter one's height ...
ROW_JOIN_GAP = 1.5  # ... and the gap between them is at most this many of its height (a word space or two)


def _rows_joined(lines: list[Line]) -> list[Line]:
    """The lines with two that stand side by side on one row made one, left to right: a blurred photo's
    page layout cut a subject's first line in two at the header's gutter ("Về việc đẩy nhanh" given before
    the type heading, "tiến độ giải ngân vốn đầu tư" after it, seed 345 blur alt 001), and the centred
    subject then lost its left half."""
    if not all(ln.boxed for ln in lines):
        return lines
    out: list[Line] = []
    for ln in sorted(lines, key=lambda x: (x.y0, x.x0)):
        prev = next((p for p in out if _side_by_side(p, ln)), None)
        if prev is None:
            out.append(ln)
            continue
        words = sorted([*prev.words, *ln.words], key=lambda w: w.box.x0)
        out[out.index(prev)] = sub_line(prev, words)
    return sorted(out, key=_mid_y)


_BEFORE_HEADING = 2  # lines OCR gave before the type heading that may stand under it on the page


def _below_before(layout: Layout) -> list[Line]:
    """The lines OCR gave just before the type heading that stand under it on the page (their middle below
    its foot): a stamp's tall word read into the subject's first line stretches its box above the heading
    ("Là cha "chấi| chỉnh kỷ luật, …" for "Về việc chấn chỉnh …" came before "CHỈ THỊ"); left out, the
    subject would be read from its second line."""
    assert layout.type_i is not None
    type_ln = layout.first[layout.type_i]
    if not type_ln.boxed:
        return []
    before = layout.first[max(0, layout.type_i - _BEFORE_HEADING) : layout.type_i]
    near = [ln for ln in before if ln.boxed and ln.words and _mid_y(ln) > type_ln.y1 and not stamp_line(ln)]
    # further back, a line on one row with a line under the heading, side by side (``_side_by_side``): a
    # blurred photo's layout gave the first line's left half ("Về việc phân bố") with the header's left
    # column, before the right column's three lines and the heading (w701 alt 007); its right half came
    # after the heading, and the subject was read from it alone
    window = layout.first[layout.type_i + 1 : layout.type_i + 1 + SUBJECT_WINDOW]
    far = [
        ln
        for ln in layout.first[: max(0, layout.type_i - _BEFORE_HEADING)]
        if ln.boxed
        and ln.words
        and _mid_y(ln) > type_ln.y1
        and not stamp_line(ln)
        and any(
            x.boxed and x.words and _side_by_side(ln, x) and _halves_centred(ln, x, type_ln, layout.width)
            for x in window
        )
    ]
    return [*far, *near]


# how far off the heading's centre (a share of the page's width) a line's centre may stand, centred under it
HALF_CENTRED = 0.03


def _halves_centred(left: Line, right: Line, heading: Line, width: float) -> bool:
    """The two halves of one line cut in two stand centred under the heading together and the right one alone
    does not (it stands off centre by about the left one's width): the evidence that ``left`` is the
    subject's opening, not a stamp's or a clerk's note beside a centred subject line ("Chuyển: VP", "Đã xử
    lý" in the header's left column, review of lost58)."""
    centre = (heading.x0 + heading.x1) / 2
    tol = HALF_CENTRED * width
    both = (min(left.x0, right.x0) + max(left.x1, right.x1)) / 2
    alone = (right.x0 + right.x1) / 2
    return abs(both - centre) <= tol < abs(alone - centre)


def _side_by_side(a: Line, b: Line) -> bool:
    """``a`` and ``b`` stand on one row (sharing ``ROW_SHARE`` of the shorter one's height), one right after
    the other (a gap of ``ROW_JOIN_GAP`` of its height at most): one line cut in two (``_rows_joined``)."""
    h = min(a.y1 - a.y0, b.y1 - b.y0)
    return min(a.y1, b.y1) - max(a.y0, b.y0) >= ROW_SHARE * h and (
        0 <= b.x0 - a.x1 <= ROW_JOIN_GAP * h or 0 <= a.x0 - b.x1 <= ROW_JOIN_GAP * h
    )


def _right_margin(layout: Layout) -> float:
    """The page's right margin: where nine lines in ten of page 1 end before."""
    ends = sorted(ln.x1 for ln in layout.first)
    return ends[int(0.9 * (len(ends) - 1))]


UNTITLED_WINDOW = 8  # lines after the motto's (its motto, its date line) looked at for an untitled subject
_BODY_READ = 0.8  # a body line's confidence for it to give the text's left margin


def untitled_lines(layout: Layout) -> list[Line]:
    """The trích yếu of a page whose type heading a stamp garbled (a directive's "CHỈ THỊ" read "6./4 5⁄7
    jmgUỦ"): the first line after the motto, centred on the text's block (between the left margin of the
    body's lines that reach the right margin and that margin), whose centred run opens with "Về việc" read
    as it is or garbled (``ve_opening``), and the centred lines that go on with it; none when no such line
    comes before the body's."""
    first, width = layout.first, layout.width
    if layout.motto_i is None or not all(ln.boxed for ln in first):
        return []
    right = _right_margin(layout)
    full = [ln.x0 for ln in first if ln.conf >= _BODY_READ and ln.x1 >= right - 0.03 * width]
    if not full:
        return []
    cx = (min(full) + right) / 2
    for i in range(layout.motto_i + 1, min(len(first), layout.motto_i + 1 + UNTITLED_WINDOW)):
        if first[i].x1 >= right - 0.03 * width and first[i].x0 <= min(full) + 0.03 * width:
            return []  # a body line from margin to margin: the body has begun ("Về việc này, ...")
        part = centred_part(first[i], cx)
        # the line itself centred (not a run of it, nor the header's right column's date line)
        whole = abs((first[i].x0 + first[i].x1) / 2 - cx) <= 0.025 * width
        part = trim_marks(part) if part is not None else None
        if part is None:
            continue
        words = [unglue(w.text) for w in sorted(part.words, key=lambda w: w.box.x0)]
        if ve_opening(drop_labels(words)):
            # (its row read again: the words the reading again gives in its gaps, ``_reread_gaps_filled``)
            opening, doubtful = _reread_gaps_filled(first[i], first)
            under = [opening, *_under(first[i + 1 : i + SUBJECT_WINDOW], first[i])]
            return _gap_guessed(_centred_lines(layout, under, cx, True), doubtful)
        if part.folded.strip().startswith(BODY_START) or (
            whole and part.conf >= _BODY_READ and len(words) >= 3
        ):
            return []  # the body, or a centred line read well that opens no subject ("Thực hiện chỉ đạo ...")
    return []


PITCH_GAP = 1.7  # of the page's line pitch: a subject's next line is no further below its last


INDENT = 0.02  # of the page's width: a paragraph's next line starts this much further left at least


def paragraph_opens(ln: Line, nxt: Line, right_margin: float) -> bool:
    """``ln`` is a justified paragraph's first line: it reaches the right margin, and the line under it
    (``nxt``) ends where it does and starts ``INDENT`` or more further left ("Việc lưu trữ, số hóa hồ sơ
    phải …" / "thông tin: dữ liệu sau số hóa …"); a centred line under a centred subject's line is as much
    longer on its right as on its left."""
    reach = right_margin - 2 * INDENT * ln.width  # (the header's right column may end further right)
    indent, ends = ln.x0 - nxt.x0, abs(nxt.x1 - ln.x1)
    return (
        nxt.boxed
        and ln.x1 >= reach
        and nxt.x1 >= reach
        and indent >= INDENT * ln.width
        and ends <= INDENT * ln.width
        and indent
        >= 2 * ends  # both lines end together (justified); a longer centred line is longer both sides
    )


# an article's opening ("Điều 1.", "Điều \\.", "Điều l:"): a number of a few digits or marks read for it,
# then a stop or a colon
_ARTICLE = re.compile(r"^dieu\s+[\divxl|\\/!]{0,4}\s*[.:]")

_RULE = re.compile(r"[-–—_=~]{4,}")
_RULE_LETTERS = 2  # letters and digits at most beside the dashes of a rule (a speck read as a letter)


def rule_line(ln: Line) -> bool:
    """The line is a rule read as dashes ("T——————————————" under a report's trích yếu): a run of four
    dashes or more and at most ``_RULE_LETTERS`` letters or digits; no subject line is read so."""
    return _RULE.search(ln.text) is not None and sum(ch.isalnum() for ch in ln.text) <= _RULE_LETTERS


def line_pitch(lines: Sequence[Line]) -> float | None:
    """The page's line pitch: the median distance between the middles of lines one under the other (lines
    on one row, the header's two columns, left out); None without boxes or with fewer than four such."""
    if not lines or not all(ln.boxed and ln.words for ln in lines):
        return None
    h = statistics.median(ln.y1 - ln.y0 for ln in lines)
    mids = sorted(_mid_y(ln) for ln in lines)
    steps = [b - a for a, b in itertools.pairwise(mids) if b - a > 0.5 * h]
    return statistics.median(steps) if len(steps) >= 4 else None


_CAPITAL_WORDS = 3  # words in capitals that are Vietnamese syllables for a line to be one in capitals


def _capital_words(ln: Line) -> bool:
    """The line is in capitals, with ``_CAPITAL_WORDS`` words or more in capitals that are Vietnamese
    syllables ("TRƯỞNG CỤC QUẢN LÝ DƯỢC"; a subject's line going on with a company's "TNHH ABC" has none)."""
    if not _capitals(ln):
        return False
    n = 0
    for w in ln.words:
        core = w.text.strip(_EDGES)
        n += core.isalpha() and core.isupper() and is_syllable(core)
    return n >= _CAPITAL_WORDS


# a line in capitals that ends the subject names a title or a collective (the signer's title lines: "TRƯỞNG
# CỤC …", "GIÁM ĐỐC SỞ …", "ỦY BAN NHÂN DÂN"); a company's or a place's name in capitals goes on the
# subject ("… đầu tư cho / CÔNG TY TNHH SAMSUNG …", "… tỷ lệ 1/500 / KHU DÂN CƯ PHÚ MỸ HƯNG")
_TITLE_LINE = re.compile(
    r"\b(truong|giam doc|chu tich|uy ban|ubnd|hoi dong|hdnd|thuong vu|thuong truc|ban chap hanh|tong cuc|"
    r"thu tuong)\b"
)
# a subject line ending in a word that leads into more ("cho", "của", a trailing comma): the next line is
# the subject's, whatever its case
_OPEN_END = re.compile(r"(\b(cho|cua|va|tai|voi|ve|thuoc|tren|duoi)|[,\-–])\s*$")


# a report's body opens "Thực hiện …, <organ> báo cáo như sau:" (folded; "như sau" as a blurred photo may read
# it: "nhưý saợc")
_REPORTS_AS_FOLLOWS = re.compile(r"\bbao cao\s+nhu\w?\s+sa\w{0,2}\b")


def _title_capitals(ln: Line, prev: Line) -> bool:
    """``ln`` is a line in capitals naming a title or a collective (``_TITLE_LINE``) under ``prev``, a line
    that does not lead into it (``_OPEN_END``): the authority's line, not the subject's."""
    return (
        _capital_words(ln)
        and _TITLE_LINE.search(fold(ln.text)) is not None
        and _OPEN_END.search(fold(prev.text)) is None
    )


FAINT_HEIGHT = 0.25  # how far a faint line's letters may be off the height of the subject's line above
FAINT_CONF = 0.30  # a line read below this on average is kept only by ``_faint_capitals``: to review
# the words of a document's stamps and marks ("ĐẾN", "KHẨN", "MẬT", "BẢN SAO", "ĐÃ KÝ", "HỎA TỐC", "SAO Y
# BẢN CHÍNH"), never a faint last word of a subject's, nor a line of its own listed before the heading
STAMP_WORDS = frozenset({"đến", "khẩn", "mật", "tốc", "hỏa", "hoả", "ký", "sao", "lưu"})
STAMP_LINES = frozenset(
    {
        "ban sao",
        "sao y",
        "sao y ban chinh",
        "ban chinh",
        "den",
        "khan",
        "thuong khan",
        "hoa toc",
        "hoa toc hen gio",
        "mat",
        "toi mat",
        "tuyet mat",
        "da ky",
        "du thao",
    }
)


def stamp_line(ln: Line) -> bool:
    """The line is a stamp's or a mark's words alone ("BẢN SAO", "KHẨN", "ĐÃ KÝ"): no trích yếu's line."""
    return " ".join(re.findall(r"[a-z]+", ln.folded)) in STAMP_LINES


def _faint_capitals(ln: Line, prev: Line) -> bool:
    """``ln``, centred, read with little confidence (``trim_marks`` left nothing), is still the subject's
    under its line in capitals ``prev`` when its words are all Vietnamese syllables in capitals of two
    letters or more, as tall as ``prev``'s within ``FAINT_HEIGHT`` (a dim photo's last word "SẢN" of "… AN
    TOÀN THỰC PHẨM NÔNG / SẢN" read at 19; a stamp's scrawl is no such word)."""
    if not ln.boxed or not ln.words or not _capitals(prev):
        return False
    for w in ln.words:
        core = w.text.strip(_EDGES)
        if len(core) < 2 or not core.isalpha() or not core.isupper() or not is_syllable(core):
            return False
        if core.lower() in STAMP_WORDS:
            return False  # a stamp's word ("ĐẾN", "KHẨN", "BẢN SAO") read faintly under the subject
    h = statistics.median(w.box.y1 - w.box.y0 for w in ln.words)
    h_prev = statistics.median(w.box.y1 - w.box.y0 for w in prev.words)
    # (or as tall as the line's capitals bare of marks above: "SẢN" of 30 px under "… ĐIỀU KIỆN AN TOÀN
    # THỰC PHẨM NÔNG", whose stacked marks make its median 40 and whose "AN" is 29, seed 443 alt 013)
    bare = min(
        (w.box.y1 - w.box.y0 for w in prev.words if sum(ch.isalpha() for ch in w.text) >= 2), default=h_prev
    )
    return any(abs(h - ref) <= FAINT_HEIGHT * ref for ref in (h_prev, bare))


FAR_APART = 3.0  # of the row's word height: a word read unsure this far left of the row's next is apart


def _far_lead_dropped(raw: Line) -> Line:
    """The row without the words at its start read unsure (under 50) that stand far left of the next
    (``FAR_APART``): a stamp's mark on the subject's row ("Này" (31) far left of "trữ năm 2016", seed 413 dev
    007), not the opening of a body's row ("Nay", "Căn cứ" …)."""
    words = sorted(raw.words, key=lambda w: w.box.x0)
    if len(words) < 2:
        return raw
    h = statistics.median(w.box.y1 - w.box.y0 for w in words)
    i = 0
    while i < len(words) - 1 and words[i].conf < 50 and words[i + 1].box.x0 - words[i].box.x1 > FAR_APART * h:
        i += 1
    return raw if i == 0 else sub_line(raw, words[i:])


TAIL_WORDS = 4  # words at most of a subject's last line, centred under a line that ends in a colon
TAIL_WIDTH = 0.4  # of the page's width at most


def _centred_tail(rest: Sequence[Line], type_cx: float, width: float) -> bool:
    """The row after a subject's line that ends in a colon is the subject's short last line, centred under the
    heading: a few words (``TAIL_WORDS``, ``TAIL_WIDTH``), not in capitals (a heading's, "QUYẾT ĐỊNH:"), with
    no colon of its own ("… Kỹ thuật Thành:" (89) over "Đạt": the stamp's colon read beside the last word,
    seed 395 dev 007); a body's sentence leading into what follows ("… báo cáo như sau:") has the body under
    it, from the margin."""
    if not rest or not rest[0].boxed:
        return False
    part = centred_part(rest[0], type_cx)
    part = trim_marks(part) if part is not None else None
    if part is None or len(part.words) > TAIL_WORDS or part.x1 - part.x0 > TAIL_WIDTH * width:
        return False
    text = part.text.strip()
    return (
        bool(text)
        and not text.endswith(":")
        and not _capitals(part)
        and re.search(r"[^\W\d_]{2}", text) is not None
    )


INSET = 0.05  # of the page's width: a line this far in from each end of the line above it is narrower


def _inset_centred(ln: Line, prev: Line, type_cx: float) -> bool:
    """The line is centred under the heading (``centred_part``'s tolerance) and narrower than the subject's
    line above it at both ends (``INSET``): the subject's last line, its colon a stamp's mark glued to its
    last word ("… lưu trữ năm 20242:" beside an incoming stamp's "ĐẾN", seed 707 dev 003). A body sentence
    leading into what follows ("… báo cáo như sau:") starts at the body's margin or its indent, no narrower
    than a centred subject line above it; a line in capitals is a heading's ("CHỨNG NHẬN:")."""
    inset = INSET * ln.width
    last = max(ln.words, key=lambda w: w.box.x1).text.rstrip().removesuffix(":") if ln.words else ""
    return (
        # (the colon glued to no word: "20242:", a mark or digits before it; "… như sau:" centred as the
        # body's opening ends a word, the body's: review of subjlost59)
        bool(last)
        and not last.isalpha()
        and not _capitals(ln)
        and abs((ln.x0 + ln.x1) / 2 - type_cx) <= 0.025 * ln.width
        and ln.x0 >= prev.x0 + inset
        and ln.x1 <= prev.x1 - inset
    )


SPECK_HEIGHT = 0.3  # of the subject's line's word height: a line whose words are all shorter is a speck's


def _speck_line(ln: Line, prev: Line) -> bool:
    """``ln``'s words are all far shorter than ``prev``'s (``SPECK_HEIGHT``): no line printed in the
    subject's letters (a letter's accent alone is taller), a sliver of the line above it or a speck, read as
    a word ("ô" of 10 px under "… vốn đầu tư" of 60, seed 511 alt 008: the subject's last line "công năm 2019"
    below it was taken for the body's, the gap under the sliver too wide)."""
    h = statistics.median(w.box.y1 - w.box.y0 for w in prev.words) if prev.words else 0.0
    return bool(ln.words) and all(w.box.y1 - w.box.y0 < SPECK_HEIGHT * h for w in ln.words)


class SubjectLines(list[Line]):
    """The trích yếu's lines; ``garble_led``: a line of them reaching the right margin went on with the line
    above only with its first words left out as a stamp's garble (``garbles_led``) or cut off its row left of
    the centred run (a body's line opening with a doubtful "Thưc" at 40: "hiện chỉ đạo …" in small letters
    looks like the subject's): the subject is no sure reading."""

    garble_led: bool = False
    # a word the row's reading again gave in a gap of its first reading, kept in doubt (``_in_gap``)
    gap_guessed: bool = False
    # the lines were ended at a row's centred run alone taken for the authority line (a stamp's word read
    # before it on the row): the subject may go on there, in doubt
    run_cut: bool = False


def _open_line(ln: Line) -> bool:
    """The line's last two words (its case aside) are a pair the corpus almost never shows at a phrase's end
    (``_open_last``: "… XÃ HỘI VÀ"): the subject goes on on the next line; a full stop ends it."""
    words = [w.text for w in sorted(ln.words, key=lambda w: w.box.x0)] if ln.words else ln.text.split()
    if not words or words[-1].endswith("."):
        return False
    return _open_last(correct.load(), [w.lower() for w in words[-2:]])


def _centred_lines(layout: Layout, under: Sequence[Line], type_cx: float, boxed: bool) -> SubjectLines:
    """The trích yếu's lines among ``under`` (the lines under its heading, top to bottom), centred on
    ``type_cx`` (``boxed``: the heading's place is known)."""
    width = layout.width
    subj = SubjectLines()
    right_margin = _right_margin(layout)
    pitch = line_pitch(layout.first)

    # the lines under the heading: a subject of up to five lines with a stamp's three lines and a speck's
    # among them (the body's first line ends it)
    def run(ln: Line) -> Line:
        # a row's run centred under the heading, a stamp's marks off its ends: a stamp's words far right of
        # a centred line read on its row (the "ĐẾN" stamp's "“ớt" right of "XÂY DỰNG") make it reach no margin
        part = (centred_part(ln, type_cx) if ln.boxed and boxed else None) or ln
        return trim_marks(part) or part

    for n, raw in enumerate(under):
        if (
            not subj
            and raw.boxed
            and n + 1 < len(under)
            and paragraph_opens(run(raw), run(under[n + 1]), right_margin)
        ):
            break  # the body's first paragraph (the subject lost under a stamp): no subject line below it
        # the trích yếu is centred under the type name: a stamp or a banner beside it is cut off, then the
        # marks a stamp leaves over its ends (after centring: they may stand where its words were)
        part = centred_part(raw, type_cx) if raw.boxed and boxed else raw
        if part is not None and raw.boxed:
            trimmed = trim_marks(part)
            if trimmed is None and not (subj and _faint_capitals(part, subj[-1])):
                continue
            part = trimmed or part
        if part is None:
            if subj and raw.x1 - raw.x0 > 0.6 * width:
                break  # a body line (not centred, wide) after the subject: the body has begun
            continue
        ln = part
        if ln.boxed and subj and _speck_line(ln, subj[-1]) and not rule_line(ln):
            continue  # "ô" of 10 px under a line of 60 px letters: a sliver of the line above (a thin rule
            # read as dashes is no sliver: it ends the subject below)
        if ln.boxed and subj and box_edge(ln, subj):
            continue  # "Ta" (35) 424 px wide under "… DỊCH VỤ KIỂM TOÁN": a stamp box's edge read as letters
        if ln.boxed and subj:
            prev = subj[-1]
            if ln.y0 - prev.y1 > 1.5 * max(1.0, min(prev.y1 - prev.y0, ln.y1 - ln.y0)):
                break  # the subject's lines follow each other; a wide gap (the rule under it) ends it
            if len(subj) >= 2 and _mid_y(ln) - _mid_y(prev) > 1.7 * _mid_y(prev) - 1.7 * _mid_y(subj[-2]):
                break  # a line further below the last than the subject's own lines are apart: the body's
            if pitch is not None and _mid_y(ln) - _mid_y(prev) > PITCH_GAP * pitch:
                break  # a line or more unread between (the subject's last, under the rule): the body's
        if not subj and stamp_line(ln):
            continue  # "BẢN SAO" stamped between the heading and the subject: no trích yếu opens so
        if _ARTICLE.match(ln.folded.strip()) or _ARTICLE.match(raw.folded.strip()):
            break  # "Điều \\. Cấp lại …": the body's first article, its number misread (a body heading
            # "QUYẾT ĐỊNH:" taken for the type's when a stamp hid that): no subject line
        if rule_line(ln):
            if subj:
                break  # the rule under the subject, read as dashes ("T——————"): the body comes after it
            continue
        f = ln.folded.strip()
        if not re.search(r"[a-z]", f) and not (subj and re.fullmatch(r"[\d\s.,\-–/]+", f)):
            continue  # a speck or a rule (a centred line of digits goes on: "… quý I năm / 2019")
        if (f.startswith(AUTHORITY_START) and not (subj and continues(ln))) or (
            type_line(ln) and not (subj and continues(ln))
        ):
            break  # (a heading is in capitals: "Phương Nam" ending a company's name is no "Phương án")
        if (f.startswith(BODY_START) and not f.startswith(AUTHORITY_START) and opens(ln, subj)) or _GUI.match(
            f
        ):
            break
        # a centred run cut out of a body row ("gửi: Hội đồng …" of "Kính gửi: Hội đồng … Hóa:———",
        # "TRƯỞNG CỤC QUẢN LÝ D" of "CỤC TRƯỞNG CỤC QUẢN LÝ D Chuyển: VP") is still the body: the whole
        # row says so
        row = _far_lead_dropped(raw)  # (a stamp's mark far left of the row's words: "Này" (31), seed 413)
        whole = row.folded.strip()
        if (_authority_line(row) and not (subj and continues(row))) or (
            # ... or the centred run alone: the ĐẾN stamp's "Chuyển" (a true word) read before the
            # authority line's title on its row ("Chuyên Í/ˆ £ỤP TRƯỞNG CỤC QUẢN LÝ DƯỢC", "Chuyển NGIIÁM
            # ĐỐC SỞ …" under a licence's title) hides the title from the whole row's tests
            # (not where the subject's line above does not end: "… XÃ HỘI VÀ" goes on; in doubt: the
            # run's words may be the subject's own)
            ln is not raw and subj and _authority_line(ln) and not continues(ln) and not _open_line(subj[-1])
        ):
            subj.run_cut = not (_authority_line(row) and not continues(row))
            break
        if whole.startswith(BODY_START) and not whole.startswith(AUTHORITY_START) and opens(row, subj):
            break
        if re.search(r"\bkinh\s+gui\s*:", whole):
            break  # the address line, a stamp's words before it on the same row ("Chuyển: … Kính gửi: …")
        if subj:
            ln = _stamp_label_cut(ln)  # "… Minh Châu 'Fƒ TN Ngày: 2z/12/20": the ĐẾN stamp's row beside it
        if (
            subj
            and len(ln.words) >= 3
            and ln.text.rstrip().endswith(":")
            and _sure_last(ln)
            and not _centred_tail(under[n + 1 :], type_cx, width)
            and not _inset_centred(ln, subj[-1], type_cx)
        ):
            break  # "… báo cáo như sau:": a body sentence leading into what follows (a trích yếu, one
            # noun phrase, never ends with a colon; a doubtful last word's may be a stamp's mark)
        if _REPORTS_AS_FOLLOWS.search(whole):
            break  # "… Sở Y tế báo cáo như sau:" read with its end garbled ("nhưý saợc"): a report's body
        if _SECTION.match(whole) and _capitals(raw):
            break  # "I. KẾT QUẢ THỰC HIỆN": a body section's heading
        if subj and not _capitals(subj[0]) and _title_capitals(ln, subj[-1]):
            break  # a line in capitals under a subject in normal case: the authority line ("TRƯỞNG CỤC …")
        if ln.boxed and subj and ln.x0 < (subj[0].x0 - width * 0.12):
            break
        if ln.boxed and subj and ln.x1 > right_margin - 0.02 * width:
            if not goes_on(ln, subj[-1]):
                break  # a body line running to the right margin, not a centred subject line
            kept = sorted(ln.words, key=lambda w: w.box.x0)
            cut = [w for w in raw.words if w.box.x1 <= kept[0].box.x0]  # left of the run kept
            if cut and body_led(max(cut, key=lambda w: w.box.x1), kept[0]):
                break  # "Thưc" (40) cut off "hiện chỉ đạo …": the body's "Thực hiện …"
            subj.garble_led = subj.garble_led or bool(cut) or not goes_on(ln, subj[-1], skip=False)
        subj.append(ln)
    return subj


# letters of a word read as syllables run together (``_split_once``): a Vietnamese syllable has seven at
# most ("nghiêng"), a run of four such at its capitals ("tỉnhKhánhHòa") ...
MAX_RUN_TOGETHER = 28
# ... two run together with no capital between them ("tưnăm") at most this many; a longer word is none (and
# trying each of its cuts was quadratic in its letters: a crafted word of 16 000 took seconds)
MAX_PAIR_TOGETHER = 14


def _split_once(core: str) -> tuple[list[str] | None, bool]:
    """The word of letters ``core`` that is no syllable as two or more syllables the corpus has, run
    together: at capitals after small letters ("tỉnhKhánhHòa"), else at the one cut into two such syllables
    ("tưnăm"); taken only when each is beside the next in the corpus (a loanword's letters are no two
    syllables: "visa" is not "vi sa", "taxi", "data", "logo", "SaiGon" stay). With whether such a cut was
    found at all: a cut the corpus does not show may still be a space lost under a stamp ("cátsỏi", "gọiđầu":
    the corpus is sparse), so the word, left as read, is in doubt. (None, False) when no cut, or more than
    one, reads so, or the word is longer than syllables run together are (``MAX_RUN_TOGETHER``,
    ``MAX_PAIR_TOGETHER``)."""
    if len(core) > MAX_RUN_TOGETHER:
        return None, False
    model = correct.load()

    def known(part: str) -> bool:
        return is_syllable(part) and model.count(syllable_key(part.lower())) > 0

    def side_by_side(parts: Sequence[str]) -> bool:
        return all(_bigram_seen(model, a, b) for a, b in itertools.pairwise(parts))

    starts = [0] + [k for k in range(1, len(core)) if core[k].isupper() and core[k - 1].islower()]
    parts = [core[a:b] for a, b in itertools.pairwise([*starts, len(core)])]
    if len(parts) > 1 and all(known(p) and _one_case(p) for p in parts):
        return (parts if side_by_side(parts) else None), True
    if not core.islower() or len(core) > MAX_PAIR_TOGETHER:
        return None, False
    cuts = [[core[:k], core[k:]] for k in range(1, len(core)) if known(core[:k]) and known(core[k:])]
    if len(cuts) != 1:
        return None, False
    return (cuts[0] if side_by_side(cuts[0]) else None), True


def split_run_together(text: str) -> tuple[str, bool]:
    """The subject's words of letters that are no syllable read as the syllables they run together
    (``_split_once``: a stamp's stroke took the space, "đầu tưnăm 2019"), with whether one was split or
    could have been (the space was not read, or a loanword's letters read as two syllables: the subject goes
    to review)."""
    out: list[str] = []
    doubt = False
    for i, word in enumerate(text.split()):
        m = re.fullmatch(r"(\W*)([^\W\d_]{3,})(\W*)", word)
        parts, cut = _split_once(m.group(2)) if m and not is_syllable(m.group(2)) else (None, False)
        if m and i == 0 and parts is None and not cut and (core := m.group(2))[1:].islower():
            # "Xuấtkhẩu": a title's words in capitals run together ("XUẤTKHẨU"), its first letter left a
            # capital by ``sentence_case``: cut as in small letters where the corpus shows the two side by
            # side, the capital kept on the first part (a name or loanword, "Taxi", "Hanoi", stays as read)
            lowered, _ = _split_once(core.lower())
            if lowered is not None:
                parts, cut = [core[0] + lowered[0][1:], *lowered[1:]], True
        doubt = doubt or cut
        if m is None or parts is None:
            out.append(word)
            continue
        out.extend([m.group(1) + parts[0], *parts[1:-1], parts[-1] + m.group(3)])
    return " ".join(out), doubt


STRAY_DIGITS = 2  # a lone number of at most this many digits may be a stamp's pen stroke over the subject
# a word the corpus shows after a number at least this many times, and in at least this share of its uses,
# is a counted noun ("3 đoàn" 12 times in 4 201, "5 hộ", "2 lớp"); a word inside a phrase a stamp's digit
# splits is not ("1 cường" twice in 641, "1 tác" twice in 19 191, "1 tư" 7 times in 58 193)
COUNTED_SEEN = 5
COUNTED_SHARE = 0.001


def _counted(model: correct.Model, word: str) -> bool:
    """The corpus shows a number before ``word`` (``COUNTED_SEEN``, ``COUNTED_SHARE``): a noun counted."""
    n, i = model.index.get("<num>"), model.index.get(syllable_key(word.lower()))
    if n is None or i is None:
        return False
    seen = model.bigrams.get(n * model.size + i, 0)
    return seen >= COUNTED_SEEN and seen >= COUNTED_SHARE * float(model.uni[i])


# the share of the corpus's "năm" and a number that another number follows, under which a lone number read
# unsure after a subject's closing "năm 2023" is a stamp's pen stroke ("năm <num> <num>" 42 times in 17 435)
NUMBER_AFTER_YEAR_SHARE = 0.01


def _after_year(nam: str, year: str, w: Word) -> bool:
    """``w``, the subject's last word, is a lone number of at most ``STRAY_DIGITS`` digits read unsure (under
    ``DOUBTFUL``) right after "năm" and a year ("… nông thôn mới năm 2023 7", the "7" at 33 a stamp's pen
    stroke beside the line's end, seed 595 alt 002), where the corpus rarely puts a number after a year
    (``NUMBER_AFTER_YEAR_SHARE``): no print's."""
    core = w.text.strip(_EDGES)
    if not (core.isdigit() and len(core) <= STRAY_DIGITS and w.conf < DOUBTFUL):
        return False
    y = year.strip(_EDGES)
    if nam.strip(_EDGES).casefold() != "năm" or not (
        y.isdigit() and len(y) == 4 and YEARS[0] <= int(y) <= YEARS[1]
    ):
        return False
    model = correct.load()
    n, i = model.index.get("<num>"), model.index.get(syllable_key("năm"))
    if n is None or i is None:
        return False
    after = model.trigrams.get((i * model.size + n) * model.size + n, 0)
    return after < NUMBER_AFTER_YEAR_SHARE * model.bigrams.get(i * model.size + n, 0)


def _stray_numbers(lines: Sequence[Line]) -> tuple[list[Line], bool]:
    """The subject's ``lines`` without a lone number of at most ``STRAY_DIGITS`` digits read unsure (under
    ``DOUBTFUL``) between two words of letters the corpus shows side by side, and never with a number between
    them ("quý 1 năm" stays): the stamp's date in pen, or its box's side, read over the subject ("tăng 1
    cường" at 54, seed 175 dev 008), no print's; with whether one was dropped (what the stamp covered is no
    sure reading: the subject goes to review). The lines carry no trace of the stamp itself: a number before
    a word the corpus counts (``_counted``: "thành lập 3 đoàn kiểm tra", "hỗ trợ 5 hộ nghèo") is a count,
    kept, though in doubt all the same (read unsure where a stamp's digit would fit: to review)."""
    words = [w for ln in lines for w in sorted(ln.words, key=lambda w: w.box.x0)]
    stray: set[int] = set()
    doubted = False
    model = None
    for i in range(1, len(words) - 1):
        core = words[i].text.strip(_EDGES)
        if not (core.isdigit() and len(core) <= STRAY_DIGITS and words[i].conf < DOUBTFUL):
            continue
        a, b = words[i - 1].text.strip(_EDGES), words[i + 1].text.strip(_EDGES)
        if not (a.isalpha() and b.isalpha() and is_syllable(a) and is_syllable(b)):
            continue
        model = model or correct.load()
        ka, kb = syllable_key(a.lower()), syllable_key(b.lower())
        if _bigram_seen(model, a, b) and not correct._trigram(model, ka, "<num>", kb):
            if _counted(model, b):
                doubted = True  # a count read unsure: kept, the subject to review
            else:
                stray.add(id(words[i]))
    if len(words) >= 3 and _after_year(words[-3].text, words[-2].text, words[-1]):
        stray.add(id(words[-1]))
    if not stray:
        return list(lines), doubted
    out = []
    for ln in lines:
        kept = [w for w in ln.words if id(w) not in stray]
        if kept:
            out.append(ln if len(kept) == len(ln.words) else sub_line(ln, kept))
    return out, True


def _pen_number_led(lines: Sequence[Line], page: Sequence[Line]) -> tuple[list[Line], bool]:
    """The subject's ``lines`` without a lone number of at most ``STRAY_DIGITS`` digits read unsure (under
    ``DOUBTFUL``) opening the first, an incoming stamp's label read on the ``page`` left of the word after it
    (``_stamp_labels_beside``): the stamp's number in pen after its "Số:" ("%: 2 TlnH hình …" of "Tình hình
    …", its "Ngày:" under it: s885 corp 009), no print's; with whether it was dropped (what the stamp
    covered is no sure reading: to review)."""
    if not lines:
        return list(lines), False
    words = sorted(lines[0].words, key=lambda w: w.box.x0)
    if len(words) < 2:
        return list(lines), False
    core = words[0].text.strip(_EDGES)
    if not (core.isdigit() and len(core) <= STRAY_DIGITS and words[0].conf < DOUBTFUL):
        return list(lines), False
    if not words[1].text.strip(_EDGES)[:1].isupper():
        return list(lines), False  # a count printed ("10 nhiệm vụ …"); a capital opens the subject (review)
    if not _stamp_labels_beside(lines[0], words[1].box.x0, page):
        return list(lines), False
    return [sub_line(lines[0], words[1:]), *lines[1:]], True


OVERLAP_SHARE = 0.25  # two words' boxes overlapping across by this share of the narrower one's are one word
STRETCHED = 1.5  # times one word's box is taller than the other's: something printed over it stretched it
_TONE_KEYS = 6


def _overlap_joined(model: correct.Model, before: str, a: Word, b: Word) -> str | None:
    """The word two words whose boxes overlap across (``OVERLAP_SHARE``) stand for: no printed words overlap,
    a stamp's ink over one word made OCR read it as two ("TÒA" and "ÁN" of "TOÁN", s885 corp 013: "kiểm tòa
    án"). Their letters run together (the letters they share at the seam once: "toa" + "an", "toan"), in the
    tone the corpus shows most after the word ``before``, ``COMMON_PAIR`` times at least, the word read first
    never after it; in the case ``a`` was read in. None otherwise."""
    ca, cb, prev = a.text.strip(_EDGES), b.text.strip(_EDGES), before.strip(_EDGES)
    if not (ca.isalpha() and cb.isalpha() and prev.isalpha()):
        return None
    ha, hb = a.box.y1 - a.box.y0, b.box.y1 - b.box.y0
    if min(a.conf, b.conf) >= DOUBTFUL and max(ha, hb) < STRETCHED * min(ha, hb):
        # both read surely, boxed alike: no stamp's ink over them ("quyết Tòa án" boxed close; review of
        # subjstamp59); s885's "ÁN" (75) stood 76 px tall beside "TÒA"'s 30, the stamp's strokes in its box
        return None
    overlap = min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0)
    if overlap < OVERLAP_SHARE * min(a.box.x1 - a.box.x0, b.box.x1 - b.box.x0):
        return None
    if _pair_count(model, prev, ca):
        return None  # (the word read first goes on from the one before: maybe read right)
    fa, fb = fold(ca).lower(), fold(cb).lower()
    seam = max((k for k in range(min(len(fa), len(fb)) + 1) if fa.endswith(fb[:k])), default=0)
    letters = fa + fb[seam:]
    ip = model.index.get(syllable_key(prev.lower()))
    counts = {
        i: model.bigrams.get(ip * model.size + i, 0)
        for t in range(_TONE_KEYS)
        if ip is not None and (i := model.index.get(f"{letters}{t}")) is not None
    }
    best = max(counts, key=lambda i: counts[i], default=None)
    if best is None or counts[best] < COMMON_PAIR:
        return None
    word = model.surface[best]
    return word.upper() if ca.isupper() else word


def _overlaps_joined(lines: Sequence[Line]) -> tuple[list[Line], bool]:
    """The subject's ``lines`` with two words read where one was printed made that one
    (``_overlap_joined``); with whether any was (a guess of the corpus's: to review)."""
    model = None
    out: list[Line] = []
    joined = False
    before = ""
    for ln in lines:
        words = sorted(ln.words, key=lambda w: w.box.x0)
        kept: list[Word] = []
        k = 0
        while k < len(words):
            a = words[k]
            if before and k + 1 < len(words) and words[k + 1].box.x0 < a.box.x1:
                model = model or correct.load()
                b = words[k + 1]
                if (word := _overlap_joined(model, before, a, b)) is not None:
                    box = Box(
                        min(a.box.x0, b.box.x0), min(a.box.y0, b.box.y0), b.box.x1, max(a.box.y1, b.box.y1)
                    )
                    kept.append(replace(a, text=word, conf=min(a.conf, b.conf), box=box))
                    before, k, joined = word, k + 2, True
                    continue
            kept.append(a)
            before, k = a.text, k + 1
        out.append(ln if len(kept) == len(words) else sub_line(ln, kept))
    return out, joined


# line heights under the subject's first line an incoming stamp's label stands in when its box lies over the
# line's first words (its "Số:" row on the line, "Ngày:" and "Chuyển:" under it)
STAMP_ROWS = 4.0
# a garble standing for "Về việc" has about its letters (6): a speck's two at least, a word more at most
_PAIR_LETTERS = (2, 8)
_PAIR_WORDS = (2, 3)  # words read where "Về việc" was
# a word of the garble read at least this surely and read right is print, no stamp's strokes over it
PAIR_SURE = 85.0


def _marks_read(garble: Sequence[str], read: dict[str, Word]) -> bool:
    """Every word of the garble read under ``MARKS_CONF``: a stamp's (or a pen's) strokes over the opening
    where its labels were read as none ("® vỗ ST tăng cường …", "vỗ" and "ST" at 12, the stamp's "Ngày"
    read "ày-" and its "ĐẾN" "sến" under it: seed 665 wide dev 008), as the labels tell elsewhere."""
    return all((w := read.get(g)) is not None and w.conf < MARKS_CONF for g in garble)


def _stamp_labels_beside(first: Line, x: float, lines: Sequence[Line]) -> bool:
    """An incoming stamp's label ("Số:", "Ngày:", "Chuyển:" or its "ĐẾN") is read on the page left of ``x``
    on ``first``'s row or the ``STAMP_ROWS`` rows under it: the stamp's box lies over the line's first
    words."""
    h = first.y1 - first.y0
    for ln in lines:
        for w in ln.words:
            cy = (w.box.y0 + w.box.y1) / 2
            if not first.y0 <= cy <= first.y1 + STAMP_ROWS * h or w.box.x0 >= x:
                continue
            core = fold(w.text).strip(_OPEN_MARKS)
            if (core in _LABELS and w.text.endswith(":")) or (core == _STAMP_TITLE and w.text.isupper()):
                return True
    return False


# a word of a garble glued to the subject's next word is read below this ("đệbáo" at 13 of "việc bảo")
GLUED_GARBLE_CONF = 50.0
_GLUED_HEAD = 1  # letters at least of the garble before the syllable glued to it
_TONES = 6


def _glued_tail(model: correct.Model, word: str, after: str) -> tuple[str, str] | None:
    """``word``, a garble in small letters and no syllable, ends in the syllable the subject goes on with
    ("đệbáo đảm" of "việc bảo đảm": a stamp's pen number over "việc" ran it into "bảo"): the longest syllable
    at its end (after ``_GLUED_HEAD`` letters at least) whose letters, its tone aside (a stroke over its
    mark: "báo"), the corpus shows before ``after`` at least ``COMMON_PAIR`` times in one tone only, by
    ``LETTERED_SHARE`` of the pairs of its tones; the garble's head and that syllable, else None."""
    core = word.strip(_EDGES)
    if not core.isalpha() or not core.islower() or is_syllable(core):
        return None
    for j in range(_GLUED_HEAD, len(core) - 1):
        tail = core[j:]
        if not is_syllable(tail):
            continue
        ir = model.index.get(syllable_key(after.strip(_EDGES).lower()))
        tones = [model.index.get(syllable_key(tail)[:-1] + str(t)) for t in range(_TONES)]
        counts = {
            i: model.bigrams.get(i * model.size + ir, 0) for i in tones if i is not None and ir is not None
        }
        best = max(counts, key=lambda i: counts[i], default=None)
        if (
            best is not None
            and counts[best] >= COMMON_PAIR
            and counts[best] >= LETTERED_SHARE * sum(counts.values())
        ):
            return core[:j], model.surface[best]
    return None


def stamped_opening(
    words: Sequence[str],
    first_n: int,
    first: Line,
    lines: Sequence[Line],
    body: Sequence[str] = (),
    type_name: str | None = None,
    cx: float | None = None,
) -> list[str] | None:
    """``_stamped_opening``; where it finds none, the same with the garble's word glued to the subject's
    next one read unsure (below ``GLUED_GARBLE_CONF``) split before the syllable it ends in
    (``_glued_tail``: "Sẽ vế đệbáo đảm …" of "Về việc bảo đảm …"). ``body``: the words of the lines outside
    the subject, where a decision restates it (``_body_opening``). ``type_name``: the heading read; a type
    whose trích yếu names its content (``CONTENT_TITLED``) gets no "Về việc" (``_content_opening``). ``cx``:
    the heading's centre, on which the line is centred (``_kept_in_place``)."""
    put = _stamped_opening(words, first_n, first, lines, body=body, cx=cx)
    if put is not None:
        return _content_opening(put, words, type_name)
    model = correct.load()
    read = {w.text: w for w in first.words}
    for i in range(1, min(_PAIR_WORDS[1], len(words) - 1)):
        w = read.get(words[i])
        if (
            w is None
            or w.conf >= GLUED_GARBLE_CONF
            or (split := _glued_tail(model, words[i], words[i + 1])) is None
        ):
            continue
        glued = [*words[:i], *split, *words[i + 1 :]]
        if (
            put := _stamped_opening(glued, first_n + 1, first, lines, glued_at=(i + 1, w), body=body, cx=cx)
        ) is not None:
            return _content_opening(put, glued, type_name)  # else a later word of the garble may be the one
    if (put := _one_word_opening(words, first_n, first, lines, cx)) is not None:
        return _content_opening(put, words, type_name)
    return None


def _one_word_opening(
    words: Sequence[str], first_n: int, first: Line, lines: Sequence[Line], cx: float | None
) -> list[str] | None:
    """``_stamped_opening`` for a garble read as one word ("vắutá hướng dẫn …" of "Về việc hướng dẫn …", an
    incoming stamp's "Số:" beside it: s885 corp 003): no word read right, read under ``PAIR_SURE``, of about
    the letters of "Về việc" (``_PAIR_LETTERS``), the corpus never showing it before the next word, the words
    after it reading well, the stamp's labels (or marks) beside them, and the room between where the line,
    centred on ``cx``, starts and the next word holding "Về việc" and a space within ``FIT``
    (``_holds_opening``): two words stood there, not one garbled. "Về việc" and the words after, else None
    (a guess, to review)."""
    if len(words) <= _WELL_READ:
        return None
    garble, rest = words[0], words[1:]
    mine = sorted(first.words, key=lambda w: w.box.x0)
    read = next((w for w in mine if w.text == garble), None)
    if read is None or read.conf >= PAIR_SURE or _read_right(garble):
        return None
    if (core := garble.strip(_EDGES)).isalpha() and _split_once(core.lower())[0] is not None:
        return None  # two words run together ("Đềnghị"): ``split_run_together``'s (review of subjstamp59)
    if not _PAIR_LETTERS[0] <= sum(ch.isalnum() for ch in garble) <= _PAIR_LETTERS[1]:
        return None
    if not rest[0][:1].islower() or not reads_well(rest[: max(_WELL_READ, first_n - 1)]):
        return None
    if _bigram_seen(correct.load(), garble.strip(_EDGES).lower(), rest[0].strip(_EDGES)):
        return None
    at = mine.index(read) + 1
    if at >= len(mine) or unglue(mine[at].text) != rest[0]:
        return None  # (the next word read is not the subject's next)
    if not (_stamp_labels_beside(first, mine[at].box.x0, lines) or _marks_read([garble], {garble: read})):
        return None
    if not _holds_opening(first, at, cx):
        return None
    return ["Về", "việc", *rest]


def _holds_opening(first: Line, at: int, cx: float | None) -> bool:
    """The room between where ``first``, centred on ``cx``, starts (its last word's end mirrored) and its
    word ``at`` (by x) holds "Về việc" and a space, printed as the line's (``letter_width``, the median space
    from that word on), within ``FIT``."""
    mine = sorted(first.words, key=lambda w: w.box.x0)
    lw = letter_width(first)
    if cx is None or lw is None or at == 0 or at + 1 >= len(mine):
        return False
    space = statistics.median(y.box.x0 - x.box.x1 for x, y in itertools.pairwise(mine[at:]))
    room = mine[at].box.x0 - (2 * cx - mine[-1].box.x1)
    want = len("Về việc") * lw + space
    return abs(room - want) <= FIT * want


# types whose trích yếu names what the document is, with no "Về việc" before it (Decree 30's reports, plans,
# programmes, schemes, rules: "Báo cáo Kết quả …", "Kế hoạch Triển khai …"): "Về việc" is the formula of
# decisions, submissions, notices, letters, never put back on these (a guide may have it: "HƯỚNG DẪN Về việc
# …")
CONTENT_TITLED = frozenset(
    {"Báo cáo", "Kế hoạch", "Chương trình", "Đề án", "Phương án", "Quy chế", "Quy định"}
)
_REPORT_TYPE = "Báo cáo"


def _content_opening(put: list[str], words: Sequence[str], type_name: str | None) -> list[str] | None:
    """The opening ``put`` back for a garble at the start of the subject ``words`` as the heading's type
    allows: as it is for a type whose trích yếu may open with "Về việc"; for a ``CONTENT_TITLED`` type a
    "Về việc" put back is no opening of its (a report's garble "iấy lần thực hiện …" is not "Về việc thực
    hiện …"): for a report, the report's opening (``REPORT_OPENINGS``) whose second word the corpus shows
    before the words read after the garble and whose letters are more like the garble's than any other
    opening's and than "Về việc"'s ("iấy lần" of "Tình hình"); else None (the garble stays as read, in
    doubt). A guess either way (to review)."""
    if type_name not in CONTENT_TITLED or fold(" ".join(put[:2])) != "ve viec":
        return put
    rest = put[2:]
    if type_name != _REPORT_TYPE or not rest or len(words) <= len(rest):
        return None
    garble = _letters(words[: len(words) - len(rest)])
    model = correct.load()
    likes = {
        (x, y): fuzz.ratio(garble, fold(x + y))
        for x, y in REPORT_OPENINGS
        if _bigram_seen(model, y, rest[0].strip(_EDGES))
    }
    if not likes:
        return None
    best = max(likes, key=lambda k: likes[k])
    others = [v for k, v in likes.items() if k != best] + [fuzz.ratio(garble, "veviec")]
    if likes[best] <= max(others):
        return None
    return [*best, *rest]


def _stamped_opening(
    words: Sequence[str],
    first_n: int,
    first: Line,
    lines: Sequence[Line],
    glued_at: tuple[int, Word] | None = None,
    body: Sequence[str] = (),
    cx: float | None = None,
) -> list[str] | None:
    """The trích yếu with "Về việc" put back where an incoming stamp's box over the first line's first words
    left a garble of two or three words ("Sữa đề đẩy mạnh cải cách …", "vì „đ đẩy nhanh …", "Và việt bảo đảm
    …": its pen's number and its side over "Về việc"; Decree 30's trích yếu opens so, and no other opening
    leaves a pair that does not go on with the words after it): the stamp's labels left of the words after
    the garble (``_stamp_labels_beside``), the garble of about the letters of "Về việc" (``_PAIR_LETTERS``),
    a word of it no word read right or read unsure (``PAIR_SURE``), its last word one the corpus never shows
    before the next, and the words after it in small letters reading well (``reads_well``: all of the first
    line's, ``_WELL_READ`` at least). None otherwise; the words put back are a guess (to review). Where the
    ``body`` restates the subject with other opening words like the garble ("Điều 1. Hướng dẫn nội dung …"
    under "SHướn, đá nội dung …": a title need not open with "Về việc"), those (``_body_opening``)."""
    model = correct.load()
    mine = sorted(first.words, key=lambda w: w.box.x0)
    for k in range(_PAIR_WORDS[0], _PAIR_WORDS[1] + 1):
        if glued_at is not None and glued_at[0] != k:
            continue  # the syllable split off a garble opens the words after it
        garble, rest = words[:k], words[k:]
        on_line = max(_WELL_READ, first_n - k)
        if len(rest) < _WELL_READ or not rest[0][:1].islower() or not reads_well(rest[:on_line]):
            continue
        letters = sum(ch.isalnum() for ch in "".join(garble))
        if not _PAIR_LETTERS[0] <= letters <= _PAIR_LETTERS[1]:
            return None
        if garble[0].strip(_EDGES).lower() in _OPENING_FIRSTS:
            return None  # "Kết mô kiểm tra …": a report's opening with its second word struck, no "Về việc"
        read = {w.text: w for w in mine}
        if all(_read_right(g) and (w := read.get(g)) is not None and w.conf >= PAIR_SURE for g in garble):
            return None  # the subject's own words, read surely
        if _bigram_seen(model, garble[-1].strip(_EDGES).lower(), rest[0].strip(_EDGES)) and not _garble_apart(
            model, garble, read
        ):
            return None  # "Tiếp tục đẩy mạnh …": the garble goes on with the words after it
        after = (
            glued_at[1]
            if glued_at is not None
            else next((w for w in mine if w.text == rest[0] or unglue(w.text) == rest[0]), None)
            or next((w for w in mine if _tail_read(w.text, rest[0])), None)
        )
        if after is None or not (
            _stamp_labels_beside(first, after.box.x0, lines) or _marks_read(garble, read)
        ):
            return None
        if (opened := _body_opening(garble, rest, body, max(0, first_n - k))) is not None:
            return opened  # "SHướn, đá nội dung …": "Hướng dẫn" as "Điều 1. Hướng dẫn nội dung …" says
        if fold(rest[0]).strip(_EDGES) == "viec":
            return ["Về", *rest]  # "Về sa việc đề nghị …": the garble stood for "Về" alone, "việc" is read
        if _garble_word_kept(model, garble, rest[0]) or _kept_in_place(model, garble, rest[0], first, cx):
            return ["Về", "việc", garble[-1], *rest]  # "wẽ(ï@k ¿chấn chỉnh …": "chấn" was print
        return ["Về", "việc", *rest]
    return None


# the share at least of a word's pairs in the corpus that go on with the next word for the word, read right
# at the garble's end, to be the subject's own first word ("chấn chỉnh": 28 of 175; "đề tổ": 2 of 17 958)
KEPT_SHARE = 0.1
# rapidfuzz ratio of a word's folded letters to "viec" or "ve" from which the garble's last word is a misread
# "việc" or "Về" of the opening's, not the subject's ("viện kiểm" of "việc kiểm": 75; "kiểm", "đề": 50)
KEPT_OPENING_LIKE = 60


def _garble_word_kept(model: correct.Model, garble: Sequence[str], after: str) -> bool:
    """The garble's last word is the subject's own first, read through the stamp's box ("wẽ(ï@k ¿chấn chỉnh
    kỷ luật …" of "Về việc chấn chỉnh …"): a word in small letters the corpus has, read right, going on with
    ``after`` ``ANCHOR_SEEN`` times at least and by ``KEPT_SHARE`` of its own count at least (a compound's
    first half), and the words before it hold letters enough for "Về việc" (``_PAIR_LETTERS``). "Sữa đề tổ
    chức …" keeps "Về việc tổ chức …": "đề tổ" is no compound, a chance pair. A word whose letters are like
    "việc"'s or "Về"'s (``KEPT_OPENING_LIKE``) is the opening's, misread: "Sữa viện kiểm tra …" is "Về việc
    kiểm tra …", whatever compound "viện kiểm" (or "viên chức", "việt nam") makes."""
    if len(garble) < 2:
        return False
    last, nxt = garble[-1].strip(_EDGES), after.strip(_EDGES)
    if not last.isalpha() or not last.islower() or not _read_right(last):
        return False
    if any(fuzz.ratio(fold(last), opening) >= KEPT_OPENING_LIKE for opening in ("viec", "ve")):
        return False
    if sum(ch.isalnum() for ch in "".join(garble[:-1])) < _PAIR_LETTERS[0]:
        return False
    total = model.count(syllable_key(last))
    pairs = _pair_count(model, last, nxt)
    return total > 0 and pairs >= ANCHOR_SEEN and pairs >= KEPT_SHARE * total


def _kept_in_place(
    model: correct.Model, garble: Sequence[str], after: str, first: Line, cx: float | None
) -> bool:
    """The garble's last word is the subject's own first, standing where a centred line's third word stands
    after "Về việc" (``_garble_word_kept`` by the page, where the corpus writes the pair too rarely for a
    compound: "đẩy nhanh", 21 of 600 "đẩy"): read right in small letters, as surely as print through a
    stamp's box at least (``PAIRED_CONF``), apart from the garble before it; the corpus shows it before
    ``after``; the room between where the line, centred on ``cx``, starts (its last word's end mirrored) and
    the word holds "Về việc" and a space, printed as the line's (``letter_width``, its median space), within
    ``FIT`` (k931 alt 008, "S6yä đẩy nhanh …": 239 px for 262; with "đẩy" the garble's, 422)."""
    last = garble[-1]
    mine = sorted(first.words, key=lambda w: w.box.x0)
    read = next((w for w in mine if w.text == last), None)
    lw = letter_width(first)
    if cx is None or read is None or lw is None or len(garble) < 2 or len(mine) < 3:
        return False
    if not (last.isalpha() and last.islower() and _read_right(last)) or read.conf < PAIRED_CONF:
        return False
    if not _bigram_seen(model, last, after.strip(_EDGES)):
        return False
    at = mine.index(read)
    if at == 0 or at + 1 >= len(mine):
        return False  # (no garble before it on the line, or no word after it to measure a space by)
    space = statistics.median(y.box.x0 - x.box.x1 for x, y in itertools.pairwise(mine[at:]))
    if read.box.x0 - mine[at - 1].box.x1 < space:
        return False  # (glued to the garble: one word of it)
    room = read.box.x0 - (2 * cx - mine[-1].box.x1)
    want = len("Về việc") * lw + space
    return abs(room - want) <= FIT * want


def _garble_apart(model: correct.Model, garble: Sequence[str], read: dict[str, Word]) -> bool:
    """The garble's words are no phrase: two of them side by side the corpus never shows together, one of
    them read unsure (below ``PAIR_SURE``): "Sữa đề tổ chức …" of "Về việc tổ chức …", its last word going on
    with the subject's next ("đề tổ") by chance; "Tiếp tục đẩy mạnh …" is a phrase."""
    cores = [g.strip(_EDGES) for g in garble]
    unsure = any((w := read.get(g)) is None or w.conf < PAIR_SURE for g in garble)
    return unsure and any(
        not (a and b and _bigram_seen(model, a.lower(), b)) for a, b in itertools.pairwise(cores)
    )


def opening_apart(words: Sequence[str], first: Line) -> bool:
    """The subject's first two words, one read unsure (below ``PAIR_SURE``), are a pair the corpus never
    shows ("Sữa đề tổ chức …": an incoming stamp over "Về việc" read as two words no subject opens with): what
    they stood for is not known, to review."""
    if len(words) < 2:
        return False
    read = {w.text: w for w in first.words}
    a, b = (x.strip(_EDGES) for x in words[:2])
    return a.isalpha() and b.isalpha() and _garble_apart(correct.load(), words[:2], read)


_BODY_OPENING = 3  # words at most a restated title opens with before the words read after a stamp's garble
_BODY_RESTATED = 5  # words read after the garble the article restates, enough where the first line has more
_BODY_LETTERS = 2  # letters at most the opening has more or fewer than the garble
_BODY_SHORT = 6  # letters below which an opening is a short word or two, easily like any garble
_BODY_LIKE = 50  # rapidfuzz ratio an opening's letters need to the garble's (above RUN_LIKE: a whole opening)
_BODY_SHORT_LIKE = 60  # the same for a short one
_ARTICLE_NUMBER = re.compile(r"\d{1,3}[.:]")  # "1." of "Điều 1."


def _letters(words: Sequence[str]) -> str:
    return re.sub(r"[\W\d_]", "", fold("".join(words)))


def article_opened(subject: Found, own: Sequence[Line], lines: Sequence[Line]) -> Found:
    """``subject`` opening in small letters (no trích yếu does: its opening lost left of the first word read,
    under a stamp's box) with the opening an article of the body gives it where it restates the words read
    (``_body_opening`` with no garble: "chi tiết một số điều của …" under "Điều 1. Quy định chi tiết một số
    điều của …"), in doubt (``GUESSED_CONFIDENCE``: the body's words, not a reading of the subject's print).
    As it was otherwise."""
    f = subject.get("subject")
    if f is None or not f.value or not f.value[:1].islower() or not own:
        return subject
    mine = {id(w) for ln in own for w in ln.words}
    body = [w for ln in lines if not any(id(x) in mine for x in ln.words) for w in ln.text.split()]
    put = _body_opening((), f.value.split(), body, len(own[0].words))
    if put is None:
        return subject
    return Found((replace(f, value=" ".join(put), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def _body_opening(
    garble: Sequence[str], rest: Sequence[str], body: Sequence[str], on_line: int = 0
) -> list[str] | None:
    """The subject opened with the words an article of the body opens with where it restates it: right
    after "Điều N." one to ``_BODY_OPENING`` words, then the words read after the garble, once in the body,
    all of the first line's (``on_line``) or ``_BODY_RESTATED`` at least; the opening in letters, reading well
    (``reads_well``), its words after the first in small letters (not a name: "Việt Nam"), not "Về", "Việc"
    nor "Về việc" (those are the opening the garble stood for), of about the garble's letters
    (``_BODY_LETTERS``), like them (``_BODY_LIKE``, ``_BODY_SHORT_LIKE`` for a short one) and more than
    "Về việc" is. A decision's title opens with "Hướng dẫn", "Quy định", "Ban hành" … as often as with "Về
    việc" ("SHướn, đá nội dung …" under an incoming stamp, "Điều 1. Hướng dẫn nội dung …" in the body). None
    when the article opens with those words (a "Về việc …" title), when only another clause restates them
    ("… báo cáo. Vẫn tổ chức …") or when its opening is not like the garble. No ``garble`` (the words read
    open in small letters, nothing read before them on the subject's line): the article's opening as it
    is, a guess."""
    anchor = [fold(w).strip(_EDGES) for w in rest[: _ANCHOR + 1]]
    if len(anchor) < _ANCHOR + 1:
        return None
    folded = [fold(w).strip(_EDGES) for w in body]
    starts = [p for p in range(1, len(folded) - len(anchor) + 1) if folded[p : p + len(anchor)] == anchor]
    if len(starts) != 1:
        return None
    p = starts[0]
    said = 0
    while said < len(rest) and p + said < len(folded) and folded[p + said] == fold(rest[said]).strip(_EDGES):
        said += 1
    if said < max(_ANCHOR + 1, min(on_line, _BODY_RESTATED)):
        return None  # a few words said again elsewhere: not the title restated

    def article(q: int) -> bool:  # body[q] opens an article: "Điều 1. …"
        return (
            q >= 2
            and fold(body[q - 2]).strip(_EDGES) == "dieu"
            and _ARTICLE_NUMBER.fullmatch(body[q - 1].strip()) is not None
        )

    if article(p) or body[p - 1].rstrip().endswith((".", ":")):
        return None  # the article opens with the words read: the garble stood for "Về việc"
    for q in range(p - 1, max(0, p - _BODY_OPENING) - 1, -1):
        if not article(q):
            continue
        opening = [w.strip(_EDGES) for w in body[q:p]]
        if not all(w.isalpha() for w in opening) or not reads_well(opening):
            return None
        if not all(w[:1].islower() for w in opening[1:]):
            return None  # "Điều 2. Việt Nam tổ chức …": a name, not a title's opening
        said_as = " ".join(fold(w).lower() for w in opening)
        if said_as in ("ve", "viec", "ve viec") or said_as.startswith(("ve ", "viec ")):
            return None  # "Điều 3. Việc tổ chức …": the "Về việc" the garble stood for
        if not garble:
            return [opening[0][:1].upper() + opening[0][1:], *opening[1:], *rest]  # nothing read to match
        garbled, letters = _letters(garble), _letters(opening)
        if abs(len(letters) - len(garbled)) > _BODY_LETTERS:
            return None  # "Vì", "Vẫn" for "Và việt": too short to be what the stamp covered
        like = fuzz.ratio(garbled, letters)
        if like < (_BODY_LIKE if len(letters) >= _BODY_SHORT else _BODY_SHORT_LIKE) or like <= fuzz.ratio(
            garbled, "veviec"
        ):
            return None
        return [opening[0][:1].upper() + opening[0][1:], *opening[1:], *rest]
    return None


_LEAD_GARBLE = 2  # words at most of a stamp's garble read where "Về việc" was, none of them a word
# a lone garble read not at all (``correct.UNREAD_CONF``) where "Về việc" was may hold as many letters as the
# two words have and a couple more ("S6:V&Älđể đề nghị …" at 0, seed 637 dev 003: a stamp's ink over them)
_UNREAD_LEAD_LETTERS = 8
_WORD_RUN = 3  # letters of a run that may be a word of the subject's


def _unread_lead(w: Word, core: str, k: int) -> bool:
    """The subject's first word ``w`` (``core`` its letters and signs), alone before the words read well
    (``k`` == 1), is a garble Tesseract did not read at all (``correct.UNREAD_CONF``), symbols among at most
    ``_UNREAD_LEAD_LETTERS`` letters, none of its runs of letters a word of three letters or more (a
    syllable: "sðvề'Việt đề nghị …" holds "Việt", a word read, maybe the subject's own)."""
    letters = sum(ch.isalpha() for ch in core)
    if k != 1 or w.conf > correct.UNREAD_CONF or letters > _UNREAD_LEAD_LETTERS:
        return False
    return not any(len(run) >= _WORD_RUN and is_syllable(run) for run in re.findall(r"[^\W\d_]+", core))


_LEAD_LETTERS = 2  # letters at most of each word of such a garble ("Ổ@Ở")
_SYMBOL = re.compile(r"[^\w\s]|\d|_")


def garbled_lead(words: Sequence[str], first_n: int, first: Line) -> list[str] | None:
    """The trích yếu with "Về việc" put back where a stamp's box over its first words left only symbols and
    a letter or two ("Ổ@Ở đề nghị khen thưởng …", at 17): up to ``_LEAD_GARBLE`` words, each no word read
    right, a symbol or a digit inside, ``_LEAD_LETTERS`` letters at most, read below ``STRUCK_CONF``; the
    words after them open in small letters (no trích yếu does: something stood before them), read well
    (``reads_well``: all of the first line's, ``_WELL_READ`` at least), and the corpus shows "việc" before
    the first of them. None otherwise; the words put back are a guess (to review)."""
    model = correct.load()
    read = {w.text: w for w in first.words}
    for k in range(1, _LEAD_GARBLE + 1):
        garble, rest = words[:k], words[k:]
        if len(rest) < _WELL_READ:
            return None
        w = read.get(garble[-1])
        core = garble[-1].strip(_EDGES)
        letters = sum(ch.isalpha() for ch in core)
        if w is None or w.conf >= STRUCK_CONF or _read_right(core) or not _SYMBOL.search(core):
            return None
        if letters > _LEAD_LETTERS and not _unread_lead(w, core, k):
            return None  # "sðvề'Việt đề nghị …": letters of words, not a stamp's strokes
        if not rest[0][:1].islower():
            continue
        if not reads_well(rest[:1]) and (whole := _cut_before(model, rest[0], rest[1])) is not None:
            rest = [whole, *rest[1:]]  # "Sð:K&CđuŠ triế khai …": the stamp's edge took "triển"'s last letter
        if not reads_well(rest[: max(_WELL_READ, first_n - k)]):
            return None
        if not _bigram_seen(model, "việc", rest[0].strip(_EDGES)):
            return None
        return ["Về", "việc", *rest]
    return None


def _cut_before(model: correct.Model, word: str, after: str) -> str | None:
    """The syllable ``word``, a stamp's garble before it, is the first letters of: ``word`` in small letters
    and no syllable the corpus has ("triế": the box's edge over "triển" took its last letter and its hook
    read as an acute), and one syllable whose letters (marks folded) start with its letters, a letter or two
    more, the corpus shows before ``after`` ``ANCHOR_SEEN`` times at least, by ``LETTERED_SHARE`` of all
    such pairs ("triển khai"); None otherwise."""
    core = word.strip(_EDGES)
    if not core.isalpha() or not core.islower() or model.count(syllable_key(core)):
        return None
    ir = model.index.get(syllable_key(after.strip(_EDGES).lower()))
    if ir is None:
        return None
    counts = {
        ic: model.bigrams.get(ic * model.size + ir, 0) for ic in _by_head(folded=True).get(fold(core), ())
    }
    best = max(counts, key=lambda ic: counts[ic], default=None)
    if best is None or counts[best] < ANCHOR_SEEN or counts[best] < LETTERED_SHARE * sum(counts.values()):
        return None
    return model.surface[best]


# "Về việc" opening the subject with a letter read in the other case ("về Việc …", "Về VIệc"): a "v" is a "V"
# made small, nothing else tells them apart on a line of mixed capitals; mixed case is no word's
_VE_VIEC_CASED = re.compile(r"(?i)(?<!\S)về việc\b")


def _cased_opening(text: str, unsure: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """A "về Việc …" (``_VE_VIEC_CASED``: a letter of the two read in the other case) opening ``text``, or
    after words none of which is a syllable and with at most ``_GARBLE_LETTERS`` letters ("Š%' Về Việc sửa
    đổi …": an incoming stamp's marks read before it, at 0), or with a capital "V" after such words read
    unsure (``unsure``: the first line's words read under ``STRUCK_CONF``) that happen to be syllables ("sự
    Về Việc kiện toàn …", "sự" at 39 an incoming stamp's "Số:" row over the line's start, seed 937 dev 000);
    None after a word ("… khác về việc …": a sentence's middle) or after misread words ("Nghj đjnh về Việc
    …", "15/2020/QĐ-UBND về Việc …")."""
    m = _VE_VIEC_CASED.search(text)
    lead = text[: m.start()] if m is not None else ""
    if m is None:
        return None
    capital = m[0][:1] == "V"
    if any(_syllable_word(w) and not (capital and w in unsure) for w in lead.split()):
        return None
    if sum(ch.isalpha() for ch in lead) > _GARBLE_LETTERS:  # words misread ("Nghj đjnh"), not a stamp's marks
        return None
    return m


def read_subject(
    layout: Layout, vv: Sequence[Line], *, typed: bool = False, lines: Sequence[Line] = ()
) -> Found:
    """subject: a công văn's text after "V/v" (CONTRACT), else the lines centred under the type name (or
    under the header, ``typed``: ``subject_lines``). A "Về việc" restored from its garble stands only when
    the words after it on its line read well (``reads_well``), or as the document's other ``lines`` restate
    them: else the subject is left to review."""
    res = Builder()
    type_name = layout.type_hit[0] if layout.type_hit is not None else None
    if vv:
        cut = getattr(vv, "cut", False)
        kept, stray = _stray_numbers(vv)
        text = " ".join(x.text for x in kept)
        vv_prefix = VV_PREFIX.match(fold1(text))
        body = _vv_remnant(text, vv_prefix.end()) if vv_prefix else text
        body = _LEADING_MARKS.sub("", body)  # "VW& số hóa …": a speck glued to "V/v" is not the subject's
        as_word = False
        if vv_prefix is None and doubtful_vv(vv[0]):
            body = text.split(None, 1)[1]  # "VĂN số hóa …": the misread "V/v" is not the subject's
            as_word = vv_as_word(vv[0])
        # the subject is the text after "V/v" (CONTRACT)
        cleaned = fix_quarter(clean_value(body))
        value, run_on = split_run_together(drop_unpaired_brackets(drop_stray_dots(cleaned)))
        conf = statistics.fmean(x.conf for x in vv)
        # a first line's word garbled and read unsure: the subject's opening is no sure reading; the lines
        # ended at a blank above a line of the column's (``VvLines.cut``): maybe a line of it lost there; a
        # lone accent dropped: maybe a word lost (``lost_word_mark``)
        doubt = (
            garbled_opening(value, kept[0]) or cut or stray or run_on or lost_word_mark(cleaned) or as_word
        )
        read = [w for x in kept for w in x.words]
        doubt = doubt or doubled_word(value, read) or quarter_one_read(read) or bar_in_word(read)
        said = {x.strip(_EDGES) for x in value.split()}  # (not the "V/v" before it)
        doubt = doubt or any(
            unsure_code(w) and w.text.strip(_EDGES) in said for w in read
        )  # "E-HSĐXXKT" (70)
        res.set("subject", value, min(conf, GUESSED_CONFIDENCE) if doubt else conf)
    else:
        found = subject_lines(layout, typed=typed)
        subj, stray = _stray_numbers(found)
        subj, pen_led = _pen_number_led(subj, lines)
        subj, overlapped = _overlaps_joined(subj)
        stray = stray or pen_led or overlapped
        if subj:
            # a stray number dropped, or a stamp's date or label (``drop_stamp_marks``: OCR pages only, a
            # text layer's "… sang ngày: 15/3/2024" is as written, REVIEW-28 #3); words after a restored
            # "Về việc" taken from the body on a partial match
            ocr = any(w.conf < TEXT_LAYER for x in subj for w in x.words)
            first_words_read = drop_labels([unglue(w.text) for w in subj[0].words])
            first_n = len(drop_stamp_marks(first_words_read)[0] if ocr else first_words_read)
            # a colon ending a line before the subject's last (``_centred_tail``): a mark, not its; in doubt
            ends = {id(max(x.words, key=lambda w: w.box.x1)) for x in subj[:-1] if x.words}
            colon_end = any(id(w) in ends and w.text.endswith(":") for x in subj for w in x.words)
            all_read = drop_labels(
                [
                    unglue(w.text[:-1] if id(w) in ends and w.text.endswith(":") else w.text)
                    for x in subj
                    for w in x.words
                ]
            )
            kept_words, marked = drop_stamp_marks(all_read) if ocr else (all_read, False)
            # "káquả iểm tra …": a word whose head letters a stamp took, read whole before the garble
            # handling below takes its letters for the stamp's (``tails_relettered``; in doubt)
            kept_words, tailed = tails_relettered(kept_words) if ocr else (kept_words, False)
            # a line gone on with only past a stamp's garble over its opening (``SubjectLines.garble_led``)
            guessed = stray or marked or tailed or colon_end or getattr(found, "garble_led", False)
            guessed = guessed or getattr(found, "gap_guessed", False)  # (a word in a gap kept in doubt)
            guessed = guessed or getattr(found, "run_cut", False)  # (ended at a centred run alone)
            joined = strip_speck(" ".join(kept_words))
            # "#ở Ở AN TOÀN …" of "CƠ SỞ AN TOÀN …": the words taken for a speck were the line's own
            guessed = guessed or lead_lost(" ".join(kept_words), joined, subj[0], layout)
            ve_viec = re.search(r"\b(Về|VỀ) (việc|VIỆC)\b", joined)
            opening_restored = False  # "Về việc" put back from a garble of a stamp's (``lost_in_viec``)
            unsure_lead = frozenset(unglue(w.text) for w in subj[0].words if w.conf < STRUCK_CONF)
            if ve_viec is None and (cased := _cased_opening(joined, unsure_lead)) is not None:
                # "về Việc chấn chỉnh …": a "v" read in the other case (a stamp's marks before it dropped);
                # "về việc" all in small letters may be a sentence's middle, its first line lost ("… về việc
                # làm cho người lao động"): guessed; so are syllables read unsure dropped before it
                guessed = (
                    guessed
                    or cased[0] == "về việc"
                    or any(_syllable_word(w) for w in joined[: cased.start()].split())
                )
                joined = "Về việc" + joined[cased.end() :]
                ve_viec = re.match(r"Về việc", joined)
            joined = joined[ve_viec.start() :] if ve_viec else joined  # a stamp's words before "Về việc"
            if not ve_viec and (cut := viec_cut_read(joined, subj[0])) is not None:
                # "Về vị cấp lại …": "việc" read from its first letters under a stamp's ink; in doubt
                joined, guessed = cut, True
                ve_viec = re.match(r"Về việc", joined)
            if not ve_viec and len(joined.split()) > 1 and _ve_word(joined.split()[0]) and lost_viec(subj[0]):
                joined = "Về việc " + joined.split(None, 1)[1]  # "Về [lost under a seal] tăng cường …"
                guessed = True  # which word the seal hid is not known ("Về [tăng] cường …"): to review
            elif (
                not ve_viec
                and len(head := joined.split()) > 1
                and _ve_word(head[0])
                and (got := lost_viec_word(subj[0])) is not None
                and unglue(sorted(subj[0].words, key=lambda w: w.box.x0)[1].text) == head[1]
            ):
                joined = " ".join(["Về", "việc", got, *head[1:]])  # "về [việc bảo] đảm trật tự …"
                guessed = True  # the corpus's word in the page's gap: to review
            elif re.match(r"việc\s", joined):
                joined = "Về " + joined  # "Về" lost under a stamp or a speck: no trích yếu starts "việc"
            elif re.match(r"VIỆC\s+[^\W\d_]", joined) and joined.split()[1][:1].islower():
                # "VIỆC cấp lại Giấy phép …": "Về" lost under a stamp, "việc" read in capitals by its pass
                # (no trích yếu opens with a word in capitals before small letters; seed 665 wide alt 000);
                # "Việc làm cho …", "Việc thực hiện …" open real titles too, read in capitals by the same
                # pass: "Về" put back is a guess, to review
                joined, guessed = "Về việc " + joined.split(None, 1)[1], True
            elif re.match(r"Việc\s", joined) and _viec_cut_off(joined.split()):
                # "Việc nghị ban hành …": "Về" and "đề" under a stamp, "việc" read with a capital (the
                # subject's first word left): the corpus never goes on "việc nghị"; which words were lost
                # is the corpus's guess (``lost_after_opening``): to review
                joined, guessed = "Về v" + joined[1:], True
            elif not ve_viec and re.match(r"[^\W\d_]{1,3}\s+việc\s", joined):
                joined = "Về " + joined.split(None, 1)[1]  # "ye việc …": "Về" misread
            elif (
                not ve_viec
                and (cut := _garbled_inside_ve_viec(joined)) is not None
                and not _printed_between(joined, cut, subj)
            ):
                joined = "Về " + cut  # "Về ŠY việc đề nghị …": a stamp's strokes read between the two
                guessed = True  # which words the strokes stood for is not known: to review
            elif not ve_viec and (cut := _garbled_before_viec(joined)) is not None:
                # "RN \\/'Ê việc …": a stamp's garble over "Về"; a garble of more letters than "Về" may be
                # words of the subject's own ("Hư6ng đjẫn việc" is "Hướng dẫn việc", "Gia0 việc" "Giao
                # việc"): to review
                guessed = sum(ch.isalnum() for ch in joined[: len(joined) - len(cut)]) > _GARBLE_LETTERS
                joined = "Về " + cut
            elif not ve_viec:
                mine = {id(w) for x in subj for w in x.words}
                others = [w for x in lines if not any(id(y) in mine for y in x.words) for w in x.text.split()]
                restored = restore_opening(joined, first_n, others)
                if restored is None:
                    return res.freeze()  # a garbled "Về việc" with garbled words after it: to review
                if restored[0] == joined and (
                    put := stamped_opening(
                        joined.split(), first_n, subj[0], lines, others, type_name, cx=_centre(layout)
                    )
                ):
                    restored = " ".join(put), True  # "Sữa đề đẩy mạnh …": an incoming stamp's box over it
                elif restored[0] == joined and (
                    put := _content_opening(
                        garbled_lead(joined.split(), first_n, subj[0]) or [], joined.split(), type_name
                    )
                ):
                    restored = " ".join(put), True  # "Ổ@Ở đề nghị …": only symbols left of "Về việc"
                joined, guessed = restored[0], guessed or restored[1]
                opening_restored = restored[1]  # "vxaé dã lại …": "Về việc" a garble's, put back
            first_words = sorted(subj[0].words, key=lambda w: w.box.x0)
            head = joined.split()
            third = next((w for w in first_words if len(head) > 2 and unglue(w.text) == head[2]), None)
            if third is not None and third.conf < STRUCK_CONF:
                mine = {id(w) for x in subj for w in x.words}
                others = [w for x in lines if not any(id(y) in mine for y in x.words) for w in x.text.split()]
                if (put := struck_restated(head, others)) is not None:
                    joined, head, guessed = " ".join(put), put, True  # "Về việc cá Giấy phép …" of "cấp"
            if head[:2] == ["Về", "việc"] and (third is None or third.conf >= STRUCK_CONF):
                mine = {id(w) for x in subj for w in x.words}
                others = [w for x in lines if not any(id(y) in mine for y in x.words) for w in x.text.split()]
                if (put := lost_in_viec(head, subj[0], others, opening_restored)) is not None:
                    joined, head, guessed = " ".join(put), put, True  # "Về việc [gia] hạn Giấy phép …"
            # (a word's marks at its ends aside: a stamp's speck read as a quote glued before it, "“Tế" of
            # "Kết" at 47, is the word's own reading)
            confs = [
                next((w.conf for w in first_words if unglue(w.text).strip(_EDGES) == h.strip(_EDGES)), None)
                for h in head[:2]
            ]
            if (repaired := opening_repaired(head, confs)) is not None:
                joined, guessed = " ".join(repaired), True  # "Kế quả …": one word of the opening misread
            elif type_name == _REPORT_TYPE and (repaired := first_opening_lost(head, confs)) is not None:
                joined, guessed = " ".join(repaired), True  # "đua thực hiện …" of "Kết quả thực hiện …"
            elif type_name == _REPORT_TYPE and (repaired := second_opening_lost(head)) is not None:
                joined, guessed = " ".join(repaired), True  # "Tình [hình] thực hiện …": its second word lost
            elif type_name == _REPORT_TYPE and (repaired := opening_head_lost(head)) is not None:
                joined, guessed = " ".join(repaired), True  # "[Tình] hình thực hiện …": its first word lost
            value = fix_company_forms(sentence_case(joined))
            conf = statistics.fmean(x.conf for x in subj)
            if any(
                w.conf < UNSURE_NUMBER and any(ch.isdigit() for ch in w.text) for x in subj for w in x.words
            ):
                guessed = True  # a number read in doubt (a blurred "2021" read "2001" at 25): to review
            if any(w.conf < UNSURE_UNGLUED and unglue(w.text) != w.text for x in subj for w in x.words):
                guessed = True  # a mark glued to a word read unsure: maybe a letter of the word's, lost
            if any(x.boxed and x.conf < FAINT_CONF for x in subj):
                guessed = True  # a faint last line kept (``_faint_capitals``): a person reads it
            if garbled_opening(value, subj[0]):
                guessed = True  # "iÊổđấY mạnh cải cách …": a garble read unsure opens the subject
            if opening_apart(head, subj[0]):
                guessed = True  # "Sữa đề tổ chức …": an opening no subject has, read unsure
            if value[:1].islower() or any(x.conf <= UNSURE_WORD_CONF / 100 for x in subj):
                # a heading's trích yếu opens with a capital: "mạnh cải cách …" lost its opening under a
                # stamp's box (seed 379 dev 001, "Về việc đẩy" not read back); or a line of it read in doubt
                # on the whole (the stamp's pass takes a line cut by its box at ``stamps.BARE_CONF``), which
                # the lines' mean hid (0.50 and 0.92: 0.71)
                guessed = True
            if garbled_end(value, subj[-1]):
                guessed = True  # "… hậu quả g thiên. 6": a stamp's strokes read at its end
            if any(_gap_lost(x) for x in subj) or (
                layout.type_i is not None and lost_side(subj, heading_centre(layout, layout.type_i))
            ):
                guessed = True  # words lost under a stamp: what is left is not the subject
            cleaned = fix_quarter(clean_value(value))
            guessed = guessed or lost_word_mark(cleaned)  # a lone accent dropped: maybe a word lost
            value, run_on = split_run_together(drop_unpaired_brackets(drop_stray_dots(cleaned)))
            read = [w for x in subj for w in x.words]
            guessed = guessed or doubled_word(value, read) or quarter_one_read(read) or bar_in_word(read)
            guessed = guessed or unsure_unattested(read)  # "Đề án cơ (50) hóa hồ sơ" of "số hóa"
            said = {x.strip(_EDGES) for x in value.split()}  # (not a stamp's label dropped before it)
            guessed = guessed or any(unsure_code(w) and w.text.strip(_EDGES) in said for w in read)
            res.set("subject", value, min(conf, GUESSED_CONFIDENCE) if guessed or run_on else conf)
    return res.freeze()


_SENTENCE_END = ".;:!?"
# a subject's word read at most this surely (a stamp's pass takes the print it reads through the box at 50,
# ``stamps.BARE_CONF``) ...
UNSURE_WORD_CONF = 50.0


# a code in the subject (capitals no syllable nor known abbreviation: "E-HSĐXXKT") read below this: nothing
# checks its letters (the corpus knows syllables, not codes), and Tesseract reads a sharp code's letters at
# 85-96; one at 70 has a letter read twice or lost ("E-HSĐXXKT" of "E-HSĐXKT" at 70.5, a SURE-WRONG at
# 0.92, seed 829 corp 011). Cited numbers ("30/2020/NĐ-CP") and abbreviations known as words ("TTHC",
# "OCOP") are no such code (``_code_word``)
UNSURE_CODE = 80.0


def unsure_code(w: Word) -> bool:
    """``w`` is a code (``_code_word``) Tesseract read below ``UNSURE_CODE``."""
    return w.conf < UNSURE_CODE and _code_word(w.text)


# abbreviations titles print as words, of general knowledge, that the corpus shows too seldom for
# ``_known_abbreviation`` (Chương trình mỗi xã một sản phẩm, Mặt trận Tổ quốc, giải phóng mặt bằng, nông thôn
# mới, công nghệ thông tin, phòng cháy chữa cháy, bảo hiểm y tế, trung học phổ thông, đồng bằng sông Cửu Long)
COMMON_ABBREVIATIONS = frozenset(
    {"OCOP", "MTTQ", "GPMB", "NTM", "CNTT", "PCCC", "BHYT", "THPT", "ĐBSCL", "KT-XH", "ATGT", "VSATTP"}
)


def _known_abbreviation(part: str) -> bool:
    """``part``, in capitals, is an abbreviation known as a word: the notations' (``KNOWN_ABBREVIATIONS``:
    UBND, HĐND, NĐ), one of ``COMMON_ABBREVIATIONS``, or one the corpus shows ``correct.MIN_COUNT`` times at
    least ("TTHC" 27, "ISO" 160): read so, its letters are a word's, not a misreading's."""
    if part in KNOWN_ABBREVIATIONS or part in COMMON_ABBREVIATIONS:
        return True
    return correct.load().count(syllable_key(part.lower())) >= correct.MIN_COUNT


def _code_word(text: str) -> bool:
    """``text`` is a code: its letters, two or more, all capitals, in parts (between "-", "&", ".") one at
    least of which is no syllable nor a known abbreviation (``_known_abbreviation``): "E-HSĐXKT"; not "HÓA",
    "KINH-TẾ", "TTHC", "UBND", a Roman numeral, nor a word holding a digit or "/" (a document cited,
    "30/2020/NĐ-CP", "ISO-9001": its number is read and checked as one)."""
    core = text.strip(_EDGES)
    if _ROMAN.fullmatch(core) or core in COMMON_ABBREVIATIONS:
        return False
    if "/" in core or any(ch.isdigit() for ch in core):
        return False
    letters = [ch for ch in core if ch.isalpha()]
    if len(letters) < 2 or any(ch.islower() for ch in letters):
        return False
    parts = [x for x in re.split(r"[-&.]", core) if any(ch.isalpha() for ch in x)]
    return any(not (x.isalpha() and (is_syllable(x.lower()) or _known_abbreviation(x))) for x in parts)


def unsure_unattested(words: Sequence[Word]) -> bool:
    """... that the corpus never shows beside one of its neighbours (``correct.beside_both``) while it shows a
    word of its letters, or one letter from them, beside both (``correct.rival_beside_both``): the language
    would have it read otherwise, the subject in doubt ("Đề án cơ hóa hồ sơ" of "số hóa", "cơ" at 50 read
    through a stamp's box, the rest at 96: a sure subject, wrong, seed 383 dev 007). A word only unseen
    ("việc đẩy" of "Về việc đẩy mạnh": the corpus is of laws, not of titles) is no sign."""
    texts = [w.text for w in words]
    for i, w in enumerate(words):
        if w.conf > UNSURE_WORD_CONF:
            continue
        left, right = texts[i - 1] if i else "", texts[i + 1] if i + 1 < len(texts) else ""
        if not correct.beside_both(left, w.text, right) and correct.rival_beside_both(left, w.text, right):
            return True
    return False


def _isolated_capital(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is capitalised (not in capitals) inside the sentence between words in lower case: not
    the first word, the word before it in lower case and ending no sentence, the word after it (if any) in
    lower case. A capital there opens a name ("cho Công ty", "dịp Tết Nguyên đán" is a run) or is a stamp's
    label read over the subject's word ("hồ Số" for "hồ sơ" under an incoming stamp's "Số:")."""
    if i == 0:
        return False
    core = words[i].strip(_EDGES)
    before = words[i - 1]
    after = words[i + 1].strip(_EDGES) if i + 1 < len(words) else ""
    return (
        len(core) > 1
        and core.isalpha()
        and core[0].isupper()
        and core[1:].islower()
        and before[-1:] not in _SENTENCE_END
        # (the first word's capital is the sentence's: "Tình Binh thực hiện …", seed 417 dev 009)
        and (before.strip(_EDGES)[:1].islower() or (i == 1 and not before.strip(_EDGES).isupper()))
        and (not after or after[:1].islower())
    )


def _words_and_lines(value: str, own: Sequence[Line]) -> tuple[list[str], list[Word | None], dict[int, Line]]:
    """The subject's words, Tesseract's word for each (``_own_words``) and the line of each of ``own``'s
    words (by ``id``)."""
    words = value.split()
    return words, _own_words(words, own), {id(w): ln for ln in own for w in ln.words}


def _own_words(words: Sequence[str], own: Sequence[Line]) -> list[Word | None]:
    """Tesseract's word for each of the subject's ``words``: the first of its ``own`` words (lines top to
    bottom, words left to right) after the last one matched that reads like it once folded; None for a word
    none reads like (a "Về" restored, a word taken from the body: kept as it is)."""
    mine = [w for ln in own for w in sorted(ln.words, key=lambda w: w.box.x0)]
    folded = [fold(w.text).strip(_EDGES) for w in mine]
    out: list[Word | None] = []
    at = 0
    for word in words:
        core = fold(word).strip(_EDGES)
        k = next((j for j in range(at, len(mine)) if folded[j] == core), None)
        if k is None:
            out.append(None)
            continue
        out.append(mine[k])
        at = k + 1
    return out


def _keys_seen(model: correct.Model, ka: str, kb: str) -> bool:
    ia, ib = model.index.get(ka), model.index.get(kb)
    return ia is not None and ib is not None and ia * model.size + ib in model.bigrams


def _bigram_seen(model: correct.Model, a: str, b: str) -> bool:
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    return ia is not None and ib is not None and ia * model.size + ib in model.bigrams


# a capital the corpus never shows beside the next word is doubted only when read below this (a misreading
# read surely is rare; "đón Tết", "cho Grab", "bão Yagi" are right) or when it opens what "Về việc" is
# about, where a trích yếu has a word in lower case ("Về việc Đào đảm …" for "bảo đảm")
UNSURE_CAPITAL = 80.0
# a capital inside the sentence read below this is in doubt even beside a word the corpus shows it with (the
# capitals of titles and names read right: 85 and over on generated scans, "Tổ công tác" at 70 stands)
MISREAD_CAPITAL = 65.0


def _small_letters(word: str) -> bool:
    """The word (its ends aside) has a letter in lower case."""
    return any(ch.islower() for ch in word.strip(_EDGES))


# units printed in small letters even in a subject in capitals ("ĐƯỜNG DÂY 110kV", "THU HỒI 1.250 m2 ĐẤT",
# "CHO THUÊ 2,5 ha ĐẤT"): after a number, no misreading
_UNITS = frozenset(
    ("ha", "m", "m2", "m3", "km", "km2", "kv", "kw", "kwh", "mw", "mwh", "kg", "cm", "mm", "ml")
)


def _unit(word: str, before: Word | None) -> bool:
    """A number with its unit ("110kV", "m2") or a unit after a number ("2,5 ha"): small letters printed."""
    core = word.strip(_EDGES)
    if any(ch.isdigit() for ch in core):
        return True
    return core.casefold() in _UNITS and before is not None and any(ch.isdigit() for ch in before.text)


def _in_capitals(word: str) -> bool:
    core = word.strip(_EDGES)
    return len(core) > 1 and core.isupper()


def _cased_as(new: str, old: str) -> str:
    """``new`` written in ``old``'s case: in lower case, capitalised or in capitals; two words joined by a
    slash each in its own ("quÿ/Hội" corrected: "quỹ/Hội")."""
    if "/" in old and new.count("/") == old.count("/"):
        parts = zip(new.split("/"), old.split("/"), strict=True)
        return "/".join(_cased_as(n, o) if o else n for n, o in parts)
    if old == old.lower():
        return new.lower()
    if old == old.upper():
        return new.upper()
    low = new.lower()
    at = next((i for i, ch in enumerate(low) if ch.isalpha()), 0)
    return low[:at] + low[at : at + 1].upper() + low[at + 1 :]


def _stamp_label(word: str) -> bool:
    """An incoming stamp's label ("Số", "Ngày", "Chuyển", "Đến"), read over a word of the subject's."""
    core = fold(word).strip(_OPEN_MARKS)
    return core in _LABELS or core == _STAMP_TITLE


def _doubted_capital(words: Sequence[str], i: int, conf: float | None) -> bool:
    """The isolated capital ``words[i]`` may be a misreading: read unsure, or the first word after "Về
    việc"."""
    after_viec = i == 2 and fold(words[0]) == "ve" and fold(words[1]) == "viec"
    return after_viec or (conf is not None and conf < UNSURE_CAPITAL)


def recorrect_words(
    words: Sequence[str],
    confs: Sequence[float | None],
    capitals: Sequence[bool] | None = None,
    misread_capitals: Sequence[bool] | None = None,
) -> tuple[list[str], bool]:
    """The subject's ``words`` corrected again in their own order (``recorrected``), and whether one is
    doubtful: a word capitalised between words in lower case that the model would replace (a name it cannot
    know, "ông Hà" → "bà", or a stamp's label read over a word, "hồ Số": kept as read), or, read unsure, one
    the corpus never shows so. ``capitals``: the words Tesseract read in capitals (a subject printed in
    capitals is in lower case by now): judged as read, with the page pass's protections (the names after a
    place word, "XÃ QUẢNG THẮNG", kept), changed words written in the subject's case. ``misread_capitals``:
    the words whose capital letter the page's corrector replaced (read "Bồ", corrected "Hồ"): their case is
    no evidence of a name either."""
    model = correct.load()
    capitals = capitals or [False] * len(words)
    misread_capitals = misread_capitals or [False] * len(words)
    page = [w.upper() if cap else w for w, cap in zip(words, capitals, strict=True)]
    lowered = [w.lower() if _isolated_capital(page, i) else w for i, w in enumerate(page)]
    got = correct.correct_words(lowered, [100.0 if c is None else c for c in confs], model)
    out: list[str] = []
    doubtful = False
    last = len(words) - 1
    sure_changed: list[int] = []
    for i, (w, pw, low, g, c) in enumerate(zip(words, page, lowered, got, confs, strict=True)):
        if c is None or g == low:
            out.append(w)  # unchanged (or none of the subject's own words): as it was, its capital too
        elif (low != pw and not _stamp_label(w)) or (any(capitals) and i == last):
            # a capital judged in lower case the model would replace: a name, or a misreading (but a stamp's
            # label read over the subject's word, "hồ Số" for "hồ sơ", is replaced); the last word of a
            # subject in capitals, which the page pass judged beside the word after it ("CƠ SỞ HẰNG")
            out.append(w)
            doubtful = True
        else:
            out.append(g if low != pw else _cased_as(g, w))  # a label judged in lower case: so written
            if c >= _CHANGED_CONF:
                sure_changed.append(i)
    for i in sure_changed:
        # a word read surely the model replaced: taken so only when the corpus shows it beside the words on
        # either side ("Tết Nguyên dân" → "đán"); else either may be right ("bệnh dại" → "bệnh đãi" at 96:
        # the corpus is sparse, it shows neither "bệnh dại" nor "bệnh đãi"), a person reads it
        core = out[i].strip(_EDGES)
        before = i == 0 or _bigram_seen(model, out[i - 1].strip(_EDGES), core)
        after = i == last or _bigram_seen(model, core, out[i + 1].strip(_EDGES))
        doubtful = doubtful or not (before and after)
    for i, w in enumerate(out):
        if not _isolated_capital(out, i) or not _doubted_capital(out, i, confs[i]):
            continue
        core = w.strip(_EDGES)
        if i + 1 < len(out):
            seen = _bigram_seen(model, core, out[i + 1].strip(_EDGES))
            if i == 1:
                # after the subject's first word (its capital the sentence's): beside it too ("Tình Binh
                # thực hiện": "binh thực" is written, "tình binh" never: seed 417 dev 009, at 0.93)
                seen = seen and _bigram_seen(model, out[0].strip(_EDGES), core)
        else:
            seen = _bigram_seen(model, out[i - 1].strip(_EDGES), core)
        doubtful = doubtful or not seen
        conf = confs[i]
        if conf is not None and conf < MISREAD_CAPITAL:
            # read this unsure, a capital inside the sentence is a misreading as likely as a name ("kinh tế Xã
            # hội" at 62 for "kinh tế - xã hội", its dash lost): in doubt whatever the corpus says; one whose
            # capital letter itself was misread, opening a pair the corpus shows in small letters hundreds of
            # times, not after a place's, a person's or a company's word, is that pair's word ("số hóa Bồ
            # sơ", corrected "Hồ sơ" → "hồ sơ"; "triển khai Đề án" read so keeps its capital)
            doubtful = True
            if misread_capitals[i] and _common_word(model, out, i):
                out[i] = w.replace(core, core.lower(), 1)
    return out, doubtful


# how often the corpus shows a pair in small letters for a capital read unsure opening it to be its word
COMMON_PAIR = 200


def _pair_count(model: correct.Model, a: str, b: str) -> int:
    ia, ib = model.index.get(syllable_key(a.lower())), model.index.get(syllable_key(b.lower()))
    return 0 if ia is None or ib is None else model.bigrams.get(ia * model.size + ib, 0)


def _common_word(model: correct.Model, words: Sequence[str], i: int) -> bool:
    """The capitalised ``words[i]``, inside the sentence, is the common word of a pair in small letters:
    the corpus shows it after the word before it and at least ``COMMON_PAIR`` times before the word after it
    ("hóa Hồ sơ": "hồ sơ"), and no place's, person's or company's word stands in the words before it."""
    if i == 0 or i + 1 >= len(words):
        return False
    if _named(words, max(0, i - _NAME_WORDS), i):
        return False
    core, before, after = (words[j].strip(_EDGES) for j in (i, i - 1, i + 1))
    return _bigram_seen(model, before, core.lower()) and _pair_count(model, core, after) >= COMMON_PAIR


def recorrected(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu's words corrected again by the language model in their own order (``correct``): on the
    page a stamp's words read between two of its lines stand between them ("Tết Nguyên ⁄⁄5/24 dân"), and a
    line in capitals was read beside the heading's garble ("CƠ SỞ DỮ ĐIEU KIỆN"); here the subject's words
    stand next to each other ("Tết Nguyên đán", "cơ sở đủ điều kiện"). Each word keeps Tesseract's
    confidence and its case (``own``: the subject's lines): words none of them reads like are kept, and so
    are words in capitals in a subject in normal case ("KHU DÂN CƯ PHÚ MỸ HƯNG"); a subject read in capitals
    is judged in capitals as the page was (a place's name after "XÃ" kept). A word capitalised between words
    in lower case (``_isolated_capital``) that the model would replace in lower case ("hồ Số", "ông Hà"), or
    one read unsure that the corpus never shows before the word after it (or, last, after the word before
    it), or opening what "Về việc" is about ("việc Đào đảm"), is a misreading or a name the model cannot
    know: kept as read, to review."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    read = _own_words(words, own)
    in_caps = [r is not None and _in_capitals(r.text) for r in read]
    known = [r for r in read if r is not None and any(ch.isalpha() for ch in r.text)]
    caps_subject = bool(known) and sum(_in_capitals(r.text) for r in known) > 0.5 * len(known)
    # a word left in capitals in a subject in normal case names something ("KHU DÂN CƯ PHÚ MỸ HƯNG", "CÔNG
    # TY TNHH SAMSUNG"): kept as read
    confs = [
        None if r is None or (_in_capitals(w) and not caps_subject) else r.conf
        for w, r in zip(words, read, strict=True)
    ]
    misread = [r is not None and r.read[:1].isupper() and fold(r.read[:1]) != fold(r.text[:1]) for r in read]
    out, doubtful = recorrect_words(words, confs, in_caps if caps_subject else None, misread)
    # a word read in small letters in a subject printed in capitals is no word of its print: seed 85's dev
    # 012, "số đổ đủ DỤNG VẬT LIỆU NỔ …" under an incoming stamp whose border crossed "SỬ" (read "đủ" at 62)
    doubtful = doubtful or (
        caps_subject
        and any(
            r is not None and _small_letters(r.text) and not _unit(r.text, read[i - 1] if i else None)
            for i, r in enumerate(read)
        )
    )
    value = " ".join(out)
    conf = min(f.confidence, GUESSED_CONFIDENCE) if doubtful else f.confidence
    if value == f.value and conf == f.confidence:
        return subject
    return Found((replace(f, value=value, confidence=conf),))


# two words of a line this close (a share of the line's usual space between its words) are one word cut in
# two: print sets a full space between syllables; an incoming stamp's upright side taken out of a word leaves
# a thin gap inside it ("đẩy" read "đã y" with 8 pixels between, the line's words 17 apart, seed 467 alt 001)
SPLIT_GAP = 0.6
_SPLIT_LETTERS = 7  # the most letters of a Vietnamese syllable ("nghiêng")


def _split_pair(a: Word, b: Word, ln: Line) -> bool:
    """``a`` and ``b`` are next to each other on ``ln`` (of three words at least), the space between them
    under ``SPLIT_GAP`` of the line's usual one (``_Gaps``)."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    at = next((i for i, w in enumerate(words) if w is a), None)
    if at is None or at + 1 >= len(words) or words[at + 1] is not b or len(words) < 3:
        return False
    gaps = _Gaps(ln)
    usual = gaps.usual(at)
    return usual > 0 and gaps.gaps[at] < SPLIT_GAP * usual


def _side_key(model: correct.Model, words: Sequence[str], j: int) -> str | None:
    """The corpus key of ``words[j]`` when it is a word of letters the model knows (None past either end)."""
    if j < 0 or j >= len(words):
        return None
    core = words[j].strip(_EDGES)
    k = syllable_key(core.lower())
    return k if core.isalpha() and k in model.index else None


def _joined_syllable(model: correct.Model, words: Sequence[str], i: int) -> tuple[bool, str | None]:
    """Whether ``words[i]`` and ``words[i + 1]`` (both of small letters, a pair the corpus never shows) put
    together have the letters of a syllable the corpus shows often (``correct.MIN_COUNT``), its marks aside
    (the side took the hook of "ẩ": "đã" + "y"), and that syllable when one stands out among them beside the
    neighbours by ``correct.LETTER_RIVAL`` and the corpus shows it beside one of them at least ("đẩy
    nhanh")."""
    a, b = words[i].strip(_EDGES), words[i + 1].strip(_EDGES)
    if words[i][-1:] in _EDGES or words[i + 1][:1] in _EDGES:
        return False, None  # a mark between them: two words
    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower()) or len(a + b) > _SPLIT_LETTERS:
        return False, None
    if _bigram_seen(model, a, b):
        return False, None
    cands = [k for k in model.by_skeleton.get(skeleton(a + b), ()) if model.count(k) >= correct.MIN_COUNT]
    if not cands:
        return False, None

    def side(j: int) -> str | None:
        return _side_key(model, words, j)

    far_left, left, right, far_right = side(i - 2), side(i - 1), side(i + 2), side(i + 3)

    def score(c: str) -> float:
        s = 0.0
        if left is not None:
            s += model.logp(far_left, left, c)
        if right is not None:
            s += model.logp(left, c, right) if left is not None else model.logp(None, c, right)
            if far_right is not None:
                s += model.logp(c, right, far_right)
        return s

    if left is None and right is None:
        return True, None
    scored = sorted(((score(c), c) for c in cands), reverse=True)
    best, cand = scored[0]
    if len(scored) > 1 and best - scored[1][0] < correct.LETTER_RIVAL:
        return True, None
    seen = (left is not None and _keys_seen(model, left, cand)) or (
        right is not None and _keys_seen(model, cand, right)
    )
    return True, (model.surface[model.index[cand]] if seen else None)


def rejoined(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word cut in two read whole: two words of its line closer than a space
    (``SPLIT_GAP``), a pair the corpus never shows, whose letters put together are a common syllable's
    ("Về việc đã y nhanh tiến độ …" of "đẩy nhanh": an incoming stamp's side through "đẩy"), that syllable
    where the neighbours choose it (``_joined_syllable``); in doubt (``GUESSED_CONFIDENCE``) either way: the
    cut took a mark of the word, which the corpus, not the print, gives back."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words, read, line_of = _words_and_lines(f.value, own)
    model = correct.load()
    out = list(words)
    doubtful = False
    i = len(words) - 2
    while i >= 0:
        a, b = read[i], read[i + 1]
        ln = line_of.get(id(a)) if a is not None else None
        if a is None or b is None or ln is None or line_of.get(id(b)) is not ln or not _split_pair(a, b, ln):
            i -= 1
            continue
        split, whole = _joined_syllable(model, out, i)
        doubtful = doubtful or split
        if whole is not None:
            out[i : i + 2] = [
                words[i][: len(words[i]) - len(words[i].lstrip(_EDGES))]
                + whole
                + words[i + 1][len(words[i + 1].rstrip(_EDGES)) :]
            ]
        i -= 1
    if not doubtful:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


_LOST_INSIDE = (1, 2)  # letters a stamp's stroke may take out of a word's middle ("c áy," of "cháy,")
_LOST_TAIL = 4  # letters at most of the part after the stroke


def _lost_inside(model: correct.Model, words: Sequence[str], i: int) -> str | None:
    """``words[i]``, a lone small letter (no word: a syllable's head), and ``words[i + 1]``, small letters,
    the pair the corpus never shows and no syllable put together, are one word with a letter or two
    (``_LOST_INSIDE``) a stroke took out of its middle ("phòng c áy, chữa" of "cháy"): the syllable the
    corpus shows often (``correct.MIN_COUNT``) that begins with the one and ends with the other, when one
    stands out among them beside the neighbours by ``correct.LETTER_RIVAL`` and the corpus shows it beside
    one of them; else None."""
    a, b = words[i].strip(_EDGES), words[i + 1].strip(_EDGES)
    if words[i][-1:] in _EDGES or words[i + 1][:1] in _EDGES:
        return None
    if not (len(a) == 1 and a.isalpha() and a.islower() and a not in _ONE_LETTER_WORDS):
        return None
    if not (b.isalpha() and b.islower() and len(b) <= _LOST_TAIL) or _bigram_seen(model, a, b):
        return None
    if model.count(syllable_key(a + b)) >= correct.MIN_COUNT:
        return None  # read whole, no letter lost: ``rejoined``'s
    cands = [
        k
        for k, j in model.index.items()
        if (sur := model.surface[j]).startswith(a)
        and sur.endswith(b)
        and _LOST_INSIDE[0] <= len(sur) - len(a) - len(b) <= _LOST_INSIDE[1]
        and model.count(k) >= correct.MIN_COUNT
    ]
    if not cands:
        return None

    def side(j: int) -> str | None:
        return _side_key(model, words, j)

    left, right = side(i - 1), side(i + 2)
    if left is None and right is None:
        return None

    def score(c: str) -> float:
        s = model.logp(side(i - 2), left, c) if left is not None else 0.0
        return s + (model.logp(left, c, right) if right is not None else 0.0)

    scored = sorted(((score(c), c) for c in cands), reverse=True)
    best, cand = scored[0]
    if len(scored) > 1 and best - scored[1][0] < correct.LETTER_RIVAL:
        return None
    seen = (left is not None and _keys_seen(model, left, cand)) or (
        right is not None and _keys_seen(model, cand, right)
    )
    return model.surface[model.index[cand]] if seen else None


# one-letter words a trích yếu may hold ("điểm a khoản 1", "quý I"): never a syllable's head
_ONE_LETTER_WORDS = frozenset("aáàảãạoóòỏõọyýỳỷỹỵ")


def lost_inside_restored(subject: Found) -> Found:
    """The trích yếu with a word a stamp's stroke cut through its middle read whole (``_lost_inside``: "công
    tác phòng c áy, chữa cháy" of "phòng cháy"), in doubt (``GUESSED_CONFIDENCE``): the letter is the
    corpus's, not the print's."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    words = f.value.split()
    model = correct.load()
    out = list(words)
    changed = False
    for i in range(len(words) - 2, -1, -1):
        if i + 1 >= len(out) or (whole := _lost_inside(model, out, i)) is None:
            continue
        out[i : i + 2] = [whole + out[i + 1][len(out[i + 1].rstrip(_EDGES)) :]]
        changed = True
    if not changed:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


_LOST_HEAD = (
    1,
    2,
)  # letters of a syllable's head a stamp's mark glued before the rest may stand for ("c", "ch")


# the marks glued before a word's letters stand over a lost letter only when about a letter wide: at least
# this share of a letter's width (the line's other words' width per letter), not a dot's speck ("•ong")
GLUED_LETTER = 0.6


def _digit_unglued(word: str) -> str:
    """``word`` without the one digit glued before its small letters where they make a syllable that is no
    unit a count is written against ("6ông" of "công", a stamp's stroke over its "c" read as a digit; not
    "5ha"), its marks kept ("6ông," -> "ông,"); else ``word``."""
    m = _DIGIT_GLUED.match(word)
    if m is None or not is_syllable(m[1]) or m[1].casefold() in _COUNTED_UNITS:
        return word
    return word[1:]


def _unglued_cores(own: Sequence[Line]) -> set[str]:
    """The subject's words as read with a stamp's marks glued before their letters (``unglue``: "2€ông"; or
    one digit, ``_digit_unglued``: "6ông"), folded, without those marks, where the marks are about a letter
    wide (``GLUED_LETTER``; the word's box less its letters' width, by the line's other words): a letter of
    the word's head may be in them."""
    out = set()
    for ln in own:
        for w in ln.words:
            left = _digit_unglued(unglue(w.text))
            if left == w.text or not w.text.endswith(left):
                continue
            others = [o for o in ln.words if o is not w and o.text.isalpha()]
            letters = sum(len(o.text) for o in others)
            if not letters:
                continue
            per = sum(o.box.x1 - o.box.x0 for o in others) / letters
            if (w.box.x1 - w.box.x0) - len(left) * per >= GLUED_LETTER * per:
                out.add(fold(left).strip(_EDGES))
    return out


def _lost_head(model: correct.Model, words: Sequence[str], i: int, *, phrase: bool = True) -> str | None:
    """``words[i]``, small letters the corpus shows beside neither neighbour (or never), read with a stamp's
    marks glued before it, is a syllable whose head (``_LOST_HEAD`` letters) the marks stood over ("cụm
    2€ông nghiệp" of "công"): the syllable the corpus shows often (``correct.MIN_COUNT``) that ends with it,
    when one stands out among them beside the neighbours by ``correct.LETTER_RIVAL``, beats the word as read
    by as much, and the corpus shows the three as a phrase ("cụm công nghiệp"; without ``phrase``, a tail
    that is no syllable, the syllable beside one of them: "chữa cháy"); else None."""
    core = words[i].strip(_EDGES)
    if not (core.isalpha() and core.islower()):
        return None
    left, right = _side_key(model, words, i - 1), _side_key(model, words, i + 1)
    if left is None or right is None:
        return None
    own = syllable_key(core)
    if own in model.index and (_keys_seen(model, left, own) or _keys_seen(model, own, right)):
        return None  # read as the corpus goes on beside one neighbour: a word of its own ("nuôi ong tập")
    cands = [
        k
        for k, j in model.index.items()
        if (sur := model.surface[j]).endswith(core)
        and _LOST_HEAD[0] <= len(sur) - len(core) <= _LOST_HEAD[1]
        and sur[: len(sur) - len(core)].isalpha()
        and model.count(k) >= correct.MIN_COUNT
    ]
    if not cands:
        return None
    far = _side_key(model, words, i - 2)

    def score(c: str) -> float:
        return model.logp(far, left, c) + model.logp(left, c, right)

    scored = sorted(((score(c), c) for c in cands), reverse=True)
    best, cand = scored[0]
    if len(scored) > 1 and best - scored[1][0] < correct.LETTER_RIVAL:
        return None
    if own in model.index and best - score(own) < correct.LETTER_RIVAL:
        return None
    ia, ib, ic = model.index[left], model.index[cand], model.index[right]
    if phrase and not model.trigrams.get((ia * model.size + ib) * model.size + ic):
        return None  # the three no phrase of the corpus ("giống trong nội"): the word as read may be print's
    if not phrase and not (_keys_seen(model, left, cand) or _keys_seen(model, cand, right)):
        return None
    return model.surface[model.index[cand]]


def _tail_word(model: correct.Model, word: str, after: str) -> str | None:
    """``word``, letters the corpus does not show as a syllable (under ``correct.MIN_COUNT``), is the tail of
    a syllable whose head (``_LOST_HEAD`` letters) a stamp's ink or edge took ("káquả iểm tra …" of "kiểm
    tra": the "k" under the stamp's pen), when the corpus shows one such syllable before ``after`` (the word
    read after it) at least ``COMMON_PAIR`` times, by ``LETTERED_SHARE`` of the pairs of all such syllables
    with it: that syllable, in ``word``'s case; else None. (Left as read, the letters are taken for the
    stamp's garble and dropped with it.)"""
    core, nxt = word.strip(_EDGES), after.strip(_EDGES)
    if len(core) < 2 or not core.isalpha() or not (core.islower() or core.isupper()) or not nxt.isalpha():
        return None
    low = core.lower()
    if model.count(syllable_key(low)) >= correct.MIN_COUNT:
        return None
    ir = model.index.get(syllable_key(nxt.lower()))
    if ir is None:
        return None
    counts: dict[str, int] = {}
    for j, sur in enumerate(model.surface):
        head = len(sur) - len(low)
        if (
            _LOST_HEAD[0] <= head <= _LOST_HEAD[1]
            and sur.endswith(low)
            and sur[:head].isalpha()
            and (n := model.bigrams.get(j * model.size + ir, 0))
        ):
            counts[sur] = n
    best = max(counts, key=lambda k: counts[k], default=None)
    if best is None or counts[best] < COMMON_PAIR or counts[best] < LETTERED_SHARE * sum(counts.values()):
        return None
    return best.upper() if core.isupper() else best


def _last_tail_word(model: correct.Model, before: str, word: str) -> str | None:
    """``word``, the subject's last, small letters the corpus does not show as a syllable (under
    ``correct.MIN_COUNT``; one letter will do: "ể"), is the tail of a syllable whose head (``_LOST_HEAD``
    letters) a stamp's ink took ("… giá đất cụ ể" of "cụ thể", the "th" under an incoming stamp's "Số:" row,
    seed 937 dev 000), when the corpus shows one such syllable after ``before`` (the word read before it) at
    least ``COMMON_PAIR`` times, by ``LETTERED_SHARE`` of the pairs of all such syllables with it ("cụ thể"
    3170, "cụ để" 23): that syllable; else None."""
    core, prev = word.strip(_EDGES), before.strip(_EDGES)
    if not core or not core.isalpha() or not core.islower() or not prev.isalpha():
        return None
    if model.count(syllable_key(core)) >= correct.MIN_COUNT:
        return None
    il = model.index.get(syllable_key(prev.lower()))
    if il is None:
        return None
    counts: dict[str, int] = {}
    for j, sur in enumerate(model.surface):
        head = len(sur) - len(core)
        if (
            _LOST_HEAD[0] <= head <= _LOST_HEAD[1]
            and sur.endswith(core)
            and sur[:head].isalpha()
            and (n := model.bigrams.get(il * model.size + j, 0))
        ):
            counts[sur] = n
    best = max(counts, key=lambda k: counts[k], default=None)
    if best is None or counts[best] < COMMON_PAIR or counts[best] < LETTERED_SHARE * sum(counts.values()):
        return None
    return best


def _tail_read(read: str, word: str) -> bool:
    """``word`` is ``read`` (a word of the page) read whole from its tail (``tails_relettered``: "iểm" for
    "kiểm")."""
    tail, core = unglue(read).strip(_EDGES), word.strip(_EDGES)
    return len(tail) >= 2 and len(core) - len(tail) in _LOST_HEAD and core.endswith(tail)


def tails_relettered(words: Sequence[str]) -> tuple[list[str], bool]:
    """The subject's words with each that is a syllable's tail, its head lost (``_tail_word``), read whole;
    True when any was: the head letters are the corpus's, not the print's (to review)."""
    model = correct.load()
    out = list(words)
    changed = False
    for i in range(len(out) - 1):
        core = out[i].strip(_EDGES)
        if (whole := _tail_word(model, out[i], out[i + 1])) is not None:
            at = out[i].index(core)
            out[i] = out[i][:at] + whole + out[i][at + len(core) :]
            changed = True
    if len(out) >= 2 and (whole := _last_tail_word(model, out[-2], out[-1])) is not None:
        core = out[-1].strip(_EDGES)
        at = out[-1].index(core)
        out[-1] = out[-1][:at] + whole + out[-1][at + len(core) :]
        changed = True
    return out, changed


def _unread_head(
    model: correct.Model, words: Sequence[str], read: Sequence[Word | None], i: int
) -> str | None:
    """``words[i]``, letters no syllable Tesseract did not read at all (``correct.UNREAD_CONF`` or less: ink
    over them), and ``words[i + 1]`` right after it on its row, small letters the corpus does not show as a
    syllable: one word whose head the ink covered, its tail read apart ("phòng cháy, chữa đđ áy trên" of
    "chữa cháy", "đđ" at 0 over the "ch", seed 899 dev 008): the syllable ``_lost_head`` makes of the tail
    between ``words[i - 1]`` and ``words[i + 2]``; else None."""
    if not 0 < i < len(words) - 2:
        return None
    ink, tail = read[i], read[i + 1]
    if ink is None or tail is None or ink.conf > correct.UNREAD_CONF or ink.line != tail.line:
        return None
    if tail.box.x0 - ink.box.x1 > tail.box.y1 - tail.box.y0:
        return None  # a word's space or more apart: no one word's two parts
    mark, core = words[i].strip(_EDGES), words[i + 1].strip(_EDGES)
    if mark != words[i] or not mark.isalpha() or is_syllable(mark):
        return None
    if model.count(syllable_key(core.lower())) >= correct.MIN_COUNT:
        return None  # a word of its own
    return _lost_head(model, [*words[:i], *words[i + 1 :]], i, phrase=False)


def _unread_heads_restored(
    model: correct.Model, words: Sequence[str], read: Sequence[Word | None]
) -> tuple[list[str], bool]:
    """``words`` with each ink-covered head and its tail (``_unread_head``) read as one word; with whether any
    was."""
    out, at = list(words), list(read)
    changed = False
    for i in range(len(words) - 3, 0, -1):
        if i + 2 >= len(out) or (whole := _unread_head(model, out, at, i)) is None:
            continue
        tail = out[i + 1]
        core = tail.strip(_EDGES)
        out[i : i + 2] = [tail[: tail.index(core)] + whole + tail[tail.index(core) + len(core) :]]
        at[i : i + 2] = [None]
        changed = True
    return out, changed


def lost_head_restored(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word whose head letters a stamp's marks covered, read with the marks glued
    before the rest ("2€ông", unglued to "ông"), read whole as the corpus has it between its neighbours
    (``_lost_head``), in doubt (``GUESSED_CONFIDENCE``): the letter is the corpus's, not the print's. So
    is a word whose head ink covered, read as a word not read at all before its tail (``_unread_head``)."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    cores = _unglued_cores(own)
    words = f.value.split()
    model = correct.load()
    words, changed = _unread_heads_restored(model, words, _own_words(words, own))
    for i, read in enumerate(list(words)):
        w = _digit_unglued(read)  # (the digit still glued: ``tidied`` takes it away later)
        core = w.strip(_EDGES)
        if fold(core) not in cores:
            continue
        if (whole := _lost_head(model, [*words[:i], w, *words[i + 1 :]], i)) is None:
            continue
        at = w.index(core)
        words[i] = w[:at] + whole + w[at + len(core) :]
        changed = True
    if not changed:
        return subject
    return Found((replace(f, value=" ".join(words), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def case_garbles_lowered(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word read in small letters and a capital after them ("cHữa", "địnH": a stamp's
    stroke over a letter; no word is printed so) in small letters when so it is a syllable the corpus shows
    (``correct.MIN_COUNT``); in doubt (``GUESSED_CONFIDENCE``): the capital may have stood for another
    letter. OCR'd pages only (``own``: the subject's lines)."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    model = correct.load()
    out = []
    for w in f.value.split():
        core = w.strip(_EDGES)
        if (
            core.isalpha()
            and core[:1].islower()
            and not core.islower()
            and is_syllable(core.lower())
            and model.count(k := syllable_key(core.lower())) >= correct.MIN_COUNT
            and model.surface[model.index[k]] == core.lower()  # one tone mark: "cụÍ" is no "cúi"
        ):
            w = w.replace(core, core.lower(), 1)
        out.append(w)
    value = " ".join(out)
    if value == f.value:
        return subject
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a space this many times the line's usual one between two words, and under ``DASH_GAP_MOST`` of it (wider:
# words lost, ``_Gaps.lost``), holds a spaced dash the stamp's pass dropped (``stamps.DASH_CONF``) or the
# scan lost ("kinh tế ‹ - › xã hội"): a dash takes a space on each side and its own width. A word the stamp's
# pass read again beside it has a box narrower than its ink ("tế" 20 px wide at 26 px high, its dash under the
# box's side not read, seed 683 dev 009: 4.4 times the usual space, 1.7 word heights): up to 5 times (a lost
# word's gap, ``_Gaps.lost``, is 2 word heights, some 5 usual spaces, at least)
DASH_GAP = 2.2
DASH_GAP_MOST = 5.0
# the corpus shows a mark between the two words this often at least, and this share of the times it shows
# them together with or without one: Vietnamese writes that pair with a dash between ("kinh tế - xã hội",
# "quốc phòng - an ninh"), not as one phrase ("dân cư", "sử dụng": never)
DASH_SEEN = 100
DASH_SHARE = 0.9


# the pairs the corpus writes with a dash between, not a comma ("sửa đổi, bổ sung", "tổ chức, cá nhân": the
# model's ``<p>`` is any mark), as syllable keys (``data/dash_pairs.txt``, built by tools/build_dash_pairs.py)
_DASH_PAIRS = Path(__file__).resolve().parent.parent / "data" / "dash_pairs.txt"


@lru_cache(maxsize=1)
def _dash_pairs() -> frozenset[tuple[str, str]]:
    rows = (ln.split("\t") for ln in _DASH_PAIRS.read_text(encoding="utf-8").splitlines() if ln[:1] != "#")
    return frozenset((r[0], r[1]) for r in rows if len(r) >= 2)


def _marked_pair(model: correct.Model, a: str, b: str) -> bool:
    """The corpus writes ``a`` and ``b`` with a mark between (``DASH_SEEN``, ``DASH_SHARE``), and that mark
    mostly a dash (``_dash_pairs``): "chức năng, nhiệm vụ" is a comma list, no dash to put back."""
    ka, kb = syllable_key(a.lower()), syllable_key(b.lower())
    if (ka, kb) not in _dash_pairs():
        return False
    ia, ib = model.index.get(ka), model.index.get(kb)
    if ia is None or ib is None:
        return False
    marked = model.trigrams.get((ia * model.size + model.index["<p>"]) * model.size + ib, 0)
    return marked >= DASH_SEEN and marked >= DASH_SHARE * (
        marked + model.bigrams.get(ia * model.size + ib, 0)
    )


def dash_restored(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a spaced dash put back between two words of a line where the space between them
    holds one (``DASH_GAP``) and the corpus writes them with a mark between (``_marked_pair``): "kinh tế xã
    hội" read with a wide space after "tế" is "kinh tế - xã hội"; in doubt (``GUESSED_CONFIDENCE``): the
    dash was not read."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words, read, line_of = _words_and_lines(f.value, own)
    model = correct.load()
    out = list(words)
    for i in range(len(words) - 2, -1, -1):
        a, b = read[i], read[i + 1]
        ln = line_of.get(id(a)) if a is not None else None
        if a is None or b is None or ln is None or line_of.get(id(b)) is not ln or len(ln.words) < 3:
            continue
        x, y = words[i], words[i + 1]
        if not (
            x.isalpha() and is_syllable(x) and y.rstrip(_EDGES).isalpha() and is_syllable(y.rstrip(_EDGES))
        ):
            continue  # a mark after the first word (read), or no syllables: no dash to put
        ordered = sorted(ln.words, key=lambda w: w.box.x0)
        at = next((j for j, w in enumerate(ordered) if w is a), None)
        if at is None or at + 1 >= len(ordered) or ordered[at + 1] is not b:
            continue
        gaps = _Gaps(ln)
        usual = gaps.usual(at)
        if usual <= 0 or not DASH_GAP * usual <= gaps.gaps[at] < DASH_GAP_MOST * usual or gaps.lost(at):
            continue
        if _marked_pair(model, x, y.rstrip(_EDGES)):
            out.insert(i + 1, "-")
    if len(out) == len(words):
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# letters at most a cut took off a word's end ("chí" of "chính", "nh" under a stamp's box)
_CUT_LETTERS = 2


@lru_cache(maxsize=2)
def _by_head(*, folded: bool = False) -> dict[str, tuple[int, ...]]:
    """The corpus's syllables by their first letters (all but their last one or ``_CUT_LETTERS``), ``folded``:
    marks folded (the word read right after a stamp's garble, ``_cut_before``)."""
    model = correct.load()
    out: dict[str, list[int]] = {}
    for i, w in enumerate(model.surface):
        if w.startswith("<") or not w.isalpha():
            continue
        key = fold(w) if folded else w
        for n in range(1, _CUT_LETTERS + 1):
            if len(key) > n:
                out.setdefault(key[:-n], []).append(i)
    return {k: tuple(v) for k, v in out.items()}


def _cut_word(model: correct.Model, before: str, word: str, after: str) -> str | None:
    """The syllable ``word`` is the first letters of: the corpus shows ``word`` neither after ``before`` nor
    before ``after``, and shows one syllable that starts with its letters beside both, ``ANCHOR_SEEN`` times
    at least after ``before``, by ``LETTERED_SHARE`` of the weight (its pairs' counts multiplied) of all
    such; None otherwise."""
    if _pair_count(model, before, word) or _pair_count(model, word, after):
        return None
    ia, ir = model.index.get(syllable_key(before.lower())), model.index.get(syllable_key(after.lower()))
    if ia is None or ir is None:
        return None
    weighted = []
    for ic in _by_head().get(word.lower(), ()):
        left, right = model.bigrams.get(ia * model.size + ic, 0), model.bigrams.get(ic * model.size + ir, 0)
        if left and right:
            weighted.append((left * right, left, ic))
    if not weighted:
        return None
    w, left, ic = max(weighted)
    if left < ANCHOR_SEEN or w < LETTERED_SHARE * sum(x[0] for x in weighted):
        return None
    return model.surface[ic]


def open_end_continued(subject: Found) -> Found:
    """The trích yếu, in doubt already (``GUESSED_CONFIDENCE``), whose last two words are a pair the corpus
    almost never ends a phrase with (``_open_last``: "… khai thác khoáng", an incoming stamp over "SẢN" left a
    speck) with the one word the corpus goes on with after them put back: seen ``ANCHOR_SEEN`` times at
    least, by ``CONTINUED_SHARE`` of all it has after the pair ("thác khoáng sản", 175 of 175; "tiêu quốc
    gia"); still in doubt (the corpus says the word, the page does not). Words after it, on a line lost
    too, stay lost; a subject read surely is left as read."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence > GUESSED_CONFIDENCE:
        return subject
    model = correct.load()
    words = nfc(f.value).split()
    if len(words) < 2 or not _open_last(model, words, capital=True):
        return subject
    ia, ib = (model.index.get(syllable_key(w.lower())) for w in words[-2:])
    if ia is None or ib is None:
        return subject
    pairs, nexts, counts, names = _continuations()
    p = ia * model.size + ib
    lo, hi = int(np.searchsorted(pairs, p, "left")), int(np.searchsorted(pairs, p, "right"))
    if lo == hi:
        return subject
    n, j = max((int(counts[j]), j) for j in range(lo, hi))
    word = names[int(nexts[j])]
    if word.startswith("<") or n < ANCHOR_SEEN or n < CONTINUED_SHARE * int(counts[lo:hi].sum()):
        return subject
    value = " ".join([*words, model.surface[int(nexts[j])]])
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def cut_word_restored(subject: Found) -> Found:
    """The trích yếu, in doubt already (``GUESSED_CONFIDENCE``: a stamp or a seal over it), with a word in
    small letters whose last letters were cut off put whole (``_cut_word``: "cải cách hành chí năm 2020" of
    "hành chính"), between two syllables in small letters, not in a name (``_NAME_AFTER``); in doubt. A
    subject read surely is only put in doubt so, as read: nothing else says a cut took the letters."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    model = correct.load()
    words = nfc(f.value).split()
    out = list(words)
    for i in range(1, len(words) - 1):
        before, word, after = out[i - 1], words[i], words[i + 1].rstrip(_EDGES)
        if not all(x.isalpha() and x.islower() and is_syllable(x) for x in (before, word, after)):
            continue
        if _named(out, max(0, i - _NAME_WORDS), i):
            continue
        if (whole := _cut_word(model, before, word, after)) is not None:
            out[i] = whole
    if out == words:
        return subject
    value = " ".join(out) if f.confidence <= GUESSED_CONFIDENCE else f.value
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a pair of words the corpus shows at most this often is no evidence that a syllable read surely beside
# another stands as read (its pairs are written thousands of times: "sử dụng" 22712, "sử dựng" 2)
RARE_PAIR = 3
# a syllable no text writes read at least this surely on a sharp page is the print's (a trade's own word the
# corpus never covers: "lùn", "đước", "nghêu"), below it a misread one a stamp or speck made ("tịp" at 69)
UNWRITTEN_SURE_CONF = 85.0


def _rarely_written(model: correct.Model, words: Sequence[str], i: int) -> str | None:
    """``words[i]``, a syllable in small letters between two others (not after a place's, a person's or a
    company's word: a name): "unwritten" when the corpus never writes it, "apart" when it writes it beside
    neither of them, "rare" when beside one of them at most ``RARE_PAIR`` times; else None."""
    core = words[i].strip(_EDGES)
    if not (0 < i < len(words) - 1) or not (core.isalpha() and core.islower() and is_syllable(core)):
        return None
    if _named(words, max(0, i - _NAME_WORDS), i):
        return None
    if not model.count(syllable_key(core)):
        return "unwritten"
    before, after = words[i - 1], words[i + 1]
    if before[-1:] in _EDGES or not after.strip(_EDGES).isalpha():
        return None  # (beside a mark or a number: nothing to judge it by on that side)
    pairs = _pair_count(model, before, core), _pair_count(model, core, after)
    if not any(pairs):
        return "apart"  # beside neither: no reading of the word there ("đẩy anh cải cách" of "đẩy mạnh")
    return "rare" if min(pairs) <= RARE_PAIR else None


def _letters_changed(read: str, new: str, *, lost_only: bool) -> bool:
    """``new`` is not ``read`` with only its marks changed (``lost_only``: nor with letters added at one of
    its ends, the rest as read: "anh" → "mạnh")."""
    a, b = skeleton(read.lower()), skeleton(new.lower())
    if a == b:
        return False
    return not (lost_only and a and (b.startswith(a) or b.endswith(a)))


# letters a stroke drawn across the stem of another makes ("l", "d" with a bar: "đ"), by the letter read
_CROSSED = {"đ": frozenset("ld")}


def _crossed(read: str, new: str) -> bool:
    """``new`` is ``read`` with one letter that a stroke across a stem makes (``_CROSSED``) read for the
    letter the stroke crossed, the rest as read, marks aside: a stamp's ruled edge or a pen's line through
    the "l" of "liệu" read "đ" ("số hóa tài điệu lưu trữ", seed 669 dev 003: the incoming stamp's top edge
    through the word; "điệu" (95) beside neither neighbour in the corpus)."""
    a, b = read.strip(_EDGES).lower(), new.strip(_EDGES).lower()
    fa, fb = fold(a), fold(b)
    if len(a) != len(fa) or len(fa) != len(fb):
        return False
    off = [k for k in range(len(fa)) if fa[k] != fb[k]]
    return len(off) == 1 and fb[off[0]] in _CROSSED.get(a[off[0]], frozenset())


def relettered(subject: Found, own: Sequence[Line], *, blurred: bool = True) -> Found:
    """A blurred photo's trích yếu with its words one letter misread replaced by the syllable the language
    model shows beside both neighbours ("đề nghị bạm hành" → "ban", "cơ sở" of "tổ sở": see
    ``correct.relettered_words``), in doubt (``GUESSED_CONFIDENCE``): a letter changed is a guess a person
    checks. Only the words Tesseract read (``own``); a word restored or taken from the body is kept."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    confs = [None if r is None else r.conf for r in _own_words(words, own)]
    rarely: list[str | None] = [None] * len(words)
    if not blurred:
        # a sharp page: only its words that are no syllable ("făng" for "tăng" at 0.96, seed 359 alt 001, a
        # sure subject wrong); a syllable read on a sharp page stands as read
        # (or a word with signs among its letters: "Giấy phép š]qh doanh", a stamp's ink through "kinh"; or a
        # word not read at all, ``correct.UNREAD_CONF``)
        # a syllable in small letters no text writes ("thựt" of "thực" at 78), or one the corpus shows beside
        # a word next to it at most ``RARE_PAIR`` times ("sử dựng" of "sử dụng" at 93, seed 479 alt 005: a
        # sure subject wrong) is no sure reading either: judged as the blurred photo's words are (a word
        # replaced only by one winning by ``correct.LETTER_MARGIN``)
        model = correct.load()
        rarely = [_rarely_written(model, words, i) if c is not None else None for i, c in enumerate(confs)]
        confs = [
            c
            if ((core := w.strip(_EDGES)).isalpha() and not is_syllable(core))
            or correct.GARBLED.match(w)
            or (c is not None and c <= correct.UNREAD_CONF)
            or rarely[i] is not None
            else None
            for i, (w, c) in enumerate(zip(words, confs, strict=True))
        ]  # (a digit read on a sharp page is print, no speck to take out)
    # the first word's capital only opens the sentence ("Kế quả kiểm tra …" for "Kết quả"): judged in small
    # letters, written with its capital
    opening = words[0][:1].isupper() and words[0][1:].islower()
    judged = [words[0].lower(), *words[1:]] if opening else words
    out = correct.relettered_words(judged, confs)
    if not blurred and len(out) == len(judged):
        # a word read surely that the corpus writes, rarely beside its neighbours: only its marks misread
        # ("dựng" of "dụng"), as a sharp page misreads; other letters stand as printed ("đầu số" is written);
        # one it writes beside neither may have lost letters at an end too ("đẩy anh cải cách": the "m" of
        # "mạnh"), or had a stroke drawn across a stem ("tài điệu" of "tài liệu": ``_crossed``), none other
        # misread ("việc đẩy" unwritten: no "đã"; "đàn voi rừng" stays). Such a word is kept as read and the
        # others judged again beside it as read
        # (a word read below ``GARBLE_CONF`` is a garble, no such reading: "mục tiết quốc gia" of "mục tiêu"
        # read at 44 under a pen's stroke is the model's to judge; "đã" at 61, "đẩy" at 50 stand)
        kept = [
            i
            for i, w in enumerate(out)
            if rarely[i] in ("rare", "apart")
            and ((c := confs[i]) is None or c >= GARBLE_CONF)
            and _letters_changed(judged[i], w, lost_only=rarely[i] == "apart")
            and not (rarely[i] == "apart" and _crossed(judged[i], w))
        ]
        if kept:
            out = correct.relettered_words(judged, [None if i in kept else c for i, c in enumerate(confs)])
    else:
        kept = []
    if len(out) == len(judged):
        # a mark ending a garble the model relettered, before a word in small letters ("vốn đầu lữ; công năm"
        # of "đầu tư công", "lữ;" at 38 under a stamp's edge): the stamp's, as its letters were; a title
        # goes on past no semicolon or colon. Not where the model only put its marks right ("tham nhủng;
        # phương hướng …", "Quy chế làm viêc; quy định …"): the word was read, its mark the print's
        out = [
            w[:-1]
            if w != judged[i]
            and w[-1:] in ";:"
            and fold(w[:-1]).strip(_EDGES) != fold(judged[i]).strip(_EDGES)
            and (c := confs[i]) is not None
            and c < GARBLE_CONF
            and i + 1 < len(out)
            and out[i + 1][:1].isalpha()
            and out[i + 1][:1].islower()
            else w
            for i, w in enumerate(out)
        ]
    if opening and out and out[0] != judged[0]:
        out[0] = out[0][:1].upper() + out[0][1:]
    elif opening and out:
        out[0] = words[0]
    # a syllable in small letters no text writes that no word the corpus shows beside its neighbours
    # replaced is no sure reading either ("giao thông tịp (69) Tết Nguyên đán" of "dịp", an incoming stamp's
    # edge over its "d", seed 689 alt 008: SURE-WRONG at 0.95; "thông dịp" is unwritten, so no replacement)
    # (read below ``UNWRITTEN_SURE_CONF``: a word of a trade the corpus never covers read surely, "bệnh lùn
    # sọc đen", "rừng đước", "voọc chà vá", stands as printed; "tịp" was read at 69)
    unwritten = len(out) == len(judged) and any(
        r == "unwritten" and out[i] == judged[i] and (c := confs[i]) is not None and c < UNWRITTEN_SURE_CONF
        for i, r in enumerate(rarely)
    )
    if out == words and not kept and not unwritten:
        return subject
    # (a word kept as read that the corpus would have had another: a doubt, "bảo vệ đàn voi rừng" as printed
    # or not, a person reads it)
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def _alpha_only(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha())


def correction_undone(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word the page's corrector changed in its tone marks only (``Word.read``: "trữ"
    made "trừ") put back as Tesseract read it where the model, beside the subject's own neighbours, prefers
    the word as read by ``correct.UNSURE_MARGIN``: the corrector judged it beside the page's words, which a
    stamp had garbled or lost and a repair of the subject's has since put back ("văn thư, lưu trừ năm" of
    "lưu trữ": "lưu" lost under a stamp, read "¡trữ" at 85, seed 655 dev 000). In doubt
    (``GUESSED_CONFIDENCE``): the corrector and the subject's context disagree. OCR'd pages only. A change of
    letters (đ, ơ, ư, â ... are letters of their own: "đất" made "dát") is no change of tone to undo."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    model = correct.load()
    words = f.value.split()
    out = list(words)
    for w in (x for ln in own for x in ln.words):
        was, now = _alpha_only(w.read), _alpha_only(w.text)
        if not w.read or not was or was == now or split_tone(was)[0] != split_tone(now)[0]:
            continue
        at = [i for i, x in enumerate(out) if x.strip(_EDGES) == now]
        if len(at) != 1 or not 0 < at[0] < len(out) - 1:
            continue
        i = at[0]
        near = [out[j].strip(_EDGES) if 0 <= j < len(out) else "" for j in (i - 2, i - 1, i + 1, i + 2)]
        if out[i - 1] != near[1] or out[i] != now:
            continue  # (a mark beside it: a clause's edge)
        l2, l1, r1, r2 = (correct._known(model, x) if x else None for x in near)
        if l1 is None or r1 is None:
            continue
        ctx = (l2, l1, r1, r2)
        read_key = correct._known(model, was.lower())
        if read_key is None:
            continue
        gain = correct._trigrams(model, ctx, read_key) - correct._trigrams(
            model, ctx, correct._key(now.lower())
        )
        if gain >= correct.UNSURE_MARGIN:
            out[i] = correct._spelled(model, read_key, now, near[1], near[2])
    if out == words:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a word's tone mark the corpus never writes between its two neighbours, where it writes the same letters with
# another mark between them this often at least, and after the word before this many times as often as the
# word read: "kêu gọi đầu từ năm" ("đầu tư" 18064 times, "đầu từ" 61, "đầu tư năm" 15, "đầu từ năm" never), a
# stamp's "Số:" label over "tư" read as its grave accent at 91 (seed 685 alt 003). "bắt đầu từ năm" stands:
# the corpus writes "bắt đầu từ"
TONE_RIVAL_SEEN = 10
TONE_RIVAL_TIMES = 100
# a word read at least this is no stamp's mark read as a tone: the corpus's rival only puts it in doubt, as
# read (a rare phrase right as printed: "khởi đầu từ năm học", "mức chỉ tiêu cần đạt", review of session 55);
# 91 the stamp's
TONE_RIVAL_CONF = 93.0


def _trigram_count(model: correct.Model, a: str, b: str, c: str) -> int:
    ia, ib, ic = (model.index.get(syllable_key(x.lower())) for x in (a, b, c))
    if ia is None or ib is None or ic is None:
        return 0
    return model.trigrams.get((ia * model.size + ib) * model.size + ic, 0)


def _tone_rival(model: correct.Model, words: Sequence[str], i: int) -> str | None:
    """The syllable of ``words[i]``'s letters with another tone mark that the corpus writes between its two
    neighbours (``TONE_RIVAL_SEEN``) where it never writes the word as read, nor the word after the two before
    it, and after the word before it ``TONE_RIVAL_TIMES`` as often as the word read; None otherwise. All three
    words syllables in small letters with no mark between them (a name's words are any)."""
    if not 0 < i < len(words) - 1 or _named(words, max(0, i - _NAME_WORDS), i):
        return None
    before, core, after = words[i - 1], words[i], words[i + 1].rstrip(_EDGES)
    if not all(w.isalpha() and w.islower() and is_syllable(w) for w in (before, core, after)):
        return None
    if _trigram_count(model, before, core, after):
        return None
    if i >= 2 and (far := words[i - 2].strip(_EDGES)).isalpha() and _trigram_count(model, far, before, core):
        return None
    k = syllable_key(core)
    seen = _pair_count(model, before, core)
    best, most = None, 0
    for k2 in model.by_skeleton.get(skeleton(k[:-1]), ()):
        if k2 == k or k2[:-1] != k[:-1] or k2 not in model.index:
            continue
        rival = model.surface[model.index[k2]]
        if not (rival.isalpha() and is_syllable(rival)):
            continue
        n = _trigram_count(model, before, rival, after)
        if (
            n >= TONE_RIVAL_SEEN
            and _pair_count(model, before, rival) >= TONE_RIVAL_TIMES * max(seen, 1)
            and n > most
        ):
            best, most = rival, n
    return best


def _markless(word: str) -> bool:
    """``word`` is in small letters and carries no mark at all ("qua", "ket": no syllable, a stop ending
    takes a tone mark; not "đi")."""
    return word.isalpha() and word.islower() and skeleton(word) == word


def _marked_rivals(model: correct.Model, word: str) -> list[str]:
    """The syllables the corpus writes with ``word``'s letters and marks of their own (``word`` aside)."""
    k = syllable_key(word)
    out = []
    for k2 in model.by_skeleton.get(skeleton(word), ()):
        if k2 != k and k2 in model.index and is_syllable(rival := model.surface[model.index[k2]]):
            out.append(rival)
    return out


def _tone_pair_rival(model: correct.Model, words: Sequence[str], i: int) -> tuple[str, str] | None:
    """``words[i]`` and ``words[i + 1]``, both read with no mark at all (``_markless``: a title in capitals
    whose marks the line above crowded out, "KET QUA KIỂM ĐỊNH" at 93, seed 881 s corp 006), as the corpus
    writes the same letters with their marks between the two neighbours: where it never writes the pair as
    read after the word before nor before the word after, writes the rival pair there ``TONE_RIVAL_SEEN``
    times each at least and ``TONE_RIVAL_TIMES`` as often as the pair read ("nhận kết quả kiểm" 396 and 543
    times, "kết quả" 7388 to "ket qua" 9); None otherwise. ``_tone_rival`` takes one word between two read
    right: two such words side by side are each the other's neighbour, unseen."""
    if not 0 < i < len(words) - 2 or _named(words, max(0, i - _NAME_WORDS), i):
        return None
    before, a, b, after = words[i - 1], words[i], words[i + 1], words[i + 2].rstrip(_EDGES)
    if not (_markless(a) and _markless(b)):
        return None
    if not all(w.isalpha() and w.islower() and is_syllable(w) for w in (before, after)):
        return None
    if _trigram_count(model, before, a, b) or _trigram_count(model, a, b, after):
        return None
    seen = _pair_count(model, a, b)
    best, most = None, 0
    for ra in [a, *_marked_rivals(model, a)]:
        for rb in [b, *_marked_rivals(model, b)]:
            n = min(_trigram_count(model, before, ra, rb), _trigram_count(model, ra, rb, after))
            if (
                n >= TONE_RIVAL_SEEN
                and _pair_count(model, ra, rb) >= TONE_RIVAL_TIMES * max(seen, 1)
                and n > most
            ):
                best, most = (ra, rb), n
    return best


def tone_rival_restored(subject: Found, own: Sequence[Line]) -> Found:
    """The trích yếu with a word whose tone mark the corpus never writes between its neighbours put as it
    writes the same letters there (``_tone_rival``), in doubt (``GUESSED_CONFIDENCE``: the page read the
    other mark); a word Tesseract read at ``TONE_RIVAL_CONF`` or more (or not read on the page) kept as read,
    the subject in doubt all the same. Two words side by side read with no mark at all are put as the corpus
    writes them there (``_tone_pair_rival``), however surely read (no stamp's mark read as a tone: no mark was
    read at all), in doubt. OCR'd pages only: ``own``, the subject's lines."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    model = correct.load()
    words = f.value.split()
    read = _own_words(words, own)
    out = list(words)
    doubted = False
    for i in range(1, len(words) - 2):
        if out[i] == words[i] and out[i + 1] == words[i + 1] and (pair := _tone_pair_rival(model, words, i)):
            out[i], out[i + 1] = pair
            doubted = True
    for i in range(1, len(words) - 1):
        rival = None if out[i] != words[i] else _tone_rival(model, words, i)
        if rival is None:
            continue
        doubted = True
        r = read[i]
        if r is not None and r.conf < TONE_RIVAL_CONF:
            out[i] = rival
    if not doubted:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


def lm_repaired(subject: Found, own: Sequence[Line]) -> Found:
    """The subject's one general repair by the syllable trigram model: a word read unsure (or no syllable)
    between two words read well, replaced by the syllable the model prefers by far among those like it
    (``correct.relettered_words`` in mode ``Reletter.UNSURE``), in doubt when any was: the model supplied the
    word, the page did not. Only for OCR'd pages (``compose`` calls it where ``pages[0].source == "ocr"``):
    ``own``, the subject's lines, with Tesseract's confidences (by position: a word repeated has each copy's
    own; None, a word not read there, a repair of the subject's own); a text layer's words are as printed."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    confs = [None if r is None else r.conf for r in _own_words(words, own)]
    out = correct.relettered_words(words, confs, mode=correct.Reletter.UNSURE)
    if out == words:
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a word of no letters opening a subject (a stamp's number "3", a mark) read below this is no print's
LEAD_JUNK_CONF = 85.0
_LEAD_JUNK = 2  # such words at most before the subject's first word of letters
_OPEN_QUOTES = "“\"«‘'"
_CLOSE_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'"}


def lead_junk_dropped(subject: Found, own: Sequence[Line]) -> Found:
    """A subject under a heading opening with a number or marks read unsure (``LEAD_JUNK_CONF``) before its
    first word of letters, that word opening with a quote no other mark closes ("3 “hoạt động khám bệnh …":
    an incoming stamp's number over the line's start, its stroke read as the quote, seed 641 dev 005): both
    dropped, the subject in doubt (``GUESSED_CONFIDENCE``: what the stamp covered is no sure reading). Marks
    alone read unsure are dropped before any word. A number opening a subject ("6 tháng đầu năm …", "05
    nhiệm vụ …", "2 “không” …") stands: only a stray quote beside it says it is a stamp's; so does anything
    read surely."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    read = _own_words(words, own)
    k = 0
    while k < min(_LEAD_JUNK, len(words) - 1) and not any(ch.isalpha() for ch in words[k]):
        r = read[k]
        if r is None or r.conf >= LEAD_JUNK_CONF or len(words[k]) > STRAY_DIGITS:
            return subject
        k += 1
    if k == 0:
        return subject
    first, rest = words[k], words[k + 1 :]
    quote = first[:1] if first[:1] in _OPEN_QUOTES else ""
    stray = bool(quote) and not any(_CLOSE_QUOTES[quote] in w for w in [first[1:], *rest])
    if stray:
        first, quote = first[1:], ""
    elif any(ch.isdigit() for w in words[:k] for ch in w):
        return subject  # a number the subject opens with, no stamp's mark beside it
    core = first[len(quote) :]
    if not core[:1].isalpha():
        return subject
    value = " ".join([first if quote else core[:1].upper() + core[1:], *rest])  # (a quotation as read)
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a quarter without its numeral ("báo cáo định kỳ quý năm 2024": a Roman "I" not read at all, seed 361 alt
# 004), a month without its number: a word lost in the subject, which stands in doubt
_NUMERAL_LOST = re.compile(r"\b(?:quy|thang)\s+nam\b")


def numeral_lost(subject: Found) -> Found:
    """The subject in doubt (``GUESSED_CONFIDENCE``) when it reads a quarter or a month with no numeral
    before "năm" (``_NUMERAL_LOST``): the numeral was lost, the subject is not as printed."""
    f = subject.get("subject")
    if f is None or not f.value or not _NUMERAL_LOST.search(fold(f.value)):
        return subject
    return Found((replace(f, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# a word of the subject read below this is no reading at all, whatever the line's mean says: "thiên." at 21
# after "hậu quả g" (a seal over "thiên tai"), "TP" at 0 over "việc đẩy" (#17); words read right go as low as
# 36 ("NGHỀ", a quarter's "II" at 37)
LOST_WORD = 30.0
# a word of the subject read below this (at ``LOST_WORD`` or above) stands only where the corpus shows it
# beside the words on either side (``_unphrased``): "triển khai thực lên (45) kế hoạch" for "thực hiện" was
# given sure (session 52's review); right words read this low are common words beside common neighbours
# ("hậu quả thiên (36) tai"), and doubting every one would cost right subjects
UNSURE_WORD = 50.0
# ... beside one of them at least this often, a word unseen beside the other still stands (the corpus is
# sparse: "tham nhũng quý" is never written, "quý III" often)
PHRASE_ANCHOR = 50
# a word the corpus never shows after the word before it ends the subject only when read at least this
# surely ("sản phẩm RỰC" at 91 for "RƯỢU": a title printed in capitals is read at 91-93 word by word, so its
# confidence tells a misreading from the print no better than the corpus does)
SURE_LAST = 95.0
# symbols a stamp's speck or a blurred letter is read as, glued to a word's letters, by the letter they stand
# for ("$ố hóa" for "số hóa")
LETTER_SYMBOLS = {"$": "s", "§": "s", "@": "a", "€": "e", "©": "c", "¢": "c"}


def _symbol_in(word: str) -> bool:
    """A symbol no word is printed with glued to the word's letters ("$ố", "hảsê:" has none: its colon
    ends it): a misreading, however surely read."""
    core = word.strip(_EDGES)
    return any(ch.isalpha() for ch in core) and any(
        not ch.isalnum() and ch not in "-–/.,&'’+%" for ch in core
    )


def _stray_letter(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is one small letter that is no Vietnamese word, and no unit after a number ("5 g"): a
    speck or what is left of a word ("hậu quả g thiên" for "thiên tai")."""
    core = words[i].strip(_EDGES)
    if len(core) != 1 or not core.isalpha() or not core.islower() or is_syllable(core):
        return False
    return not (i > 0 and any(ch.isdigit() for ch in words[i - 1]))


def _last_unseen(model: correct.Model, words: Sequence[str], read: Sequence[Word | None]) -> bool:
    """The subject's last word, a syllable in small letters (capitals read as a title was printed count as
    small), after another is one the corpus never shows after it, read below ``SURE_LAST``: a title's last
    words are common ones ("sản phẩm rượu"), a misread one is not ("sản phẩm rực"). The words after a place,
    a person or a company word are a name: no evidence."""
    if len(words) < 2 or read[-1] is None or read[-1].conf >= SURE_LAST:
        return False
    a, b = (w.strip(_EDGES) for w in words[-2:])
    if _named(words, -1 - _NAME_WORDS, -1):
        return False
    if not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)):
        return False
    return not _bigram_seen(model, a, b)


# a subject's last two words, in small letters, that the corpus shows together this often at least for how
# seldom they end a phrase to be evidence (the last word alone is none: "cá" is mostly "cá nhân", yet "… tàu
# cá" ends a title, as "… phúc thẩm", "… hậu kiểm" do) ...
OPEN_END_SEEN = 100
# ... and the share of them followed by a line's end or a punctuation mark below which they end no title:
# "mục tiêu quốc" (0 of 344; "quốc" goes on with "gia", "tế", "hội"), "đầu tư xây" (0 of 685), "quyền hạn
# của" (0 of 2177), "tiến hành" (0.6%); the last words of real titles end a phrase far more often ("sản
# xuất thuốc" 6.6%, "dịch vụ" 9%), and pairs that do end some stand ("bí mật" 1.9%, "đại biểu" 1.7%)
OPEN_END_SHARE = 0.01


def _open_last(model: correct.Model, words: Sequence[str], *, capital: bool = False) -> bool:
    """The subject's last two words, syllables in small letters, are a pair the corpus almost never shows
    at a phrase's end (``OPEN_END_SEEN``, ``OPEN_END_SHARE``): the title goes on, on a line lost or read
    into another block ("… Chương trình mục tiêu quốc" whose "gia xây dựng nông thôn mới năm 2021" a stamp's
    "Ngày:" cut off, seed 463 alt 009). Names (capitalised) are left out: a company's last word is any;
    ``capital``: but for a last word capitalised after one in small letters, a title's or a name's first
    ("… thống kê ngành Thống", its "kê" under a stamp, seed 869 corp 003)."""
    if len(words) < 2:
        return False
    a, b = (w.strip(_EDGES) for w in words[-2:])
    if capital and a.islower() and b[:1].isupper() and b[1:].islower():
        b = b.lower()
        words = [*words[:-1], words[-1].replace(b[:1].upper(), b[:1], 1)]
    if words[-1].rstrip() != b or not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)):
        return False  # (a word ending in a mark ends a phrase as printed)
    ia, ib = model.index.get(syllable_key(a)), model.index.get(syllable_key(b))
    if ia is None or ib is None:
        return False
    pair = model.bigrams.get(ia * model.size + ib, 0)
    if pair < OPEN_END_SEEN:
        return False
    at = (ia * model.size + ib) * model.size
    ended = sum(model.trigrams.get(at + model.index[e], 0) for e in ("<s>", "<p>"))
    return ended < OPEN_END_SHARE * pair


def _unsure_open_last(model: correct.Model, words: Sequence[str], read: Sequence[Word | None]) -> bool:
    """The subject's last two words, syllables in small letters, are a pair the corpus shows ``ANCHOR_SEEN``
    times at least yet never at a phrase's end, and the last was read below ``SURE_LAST``: a word cut short
    or misread ("hóa chất cá" for "… cấm", "cá" at 90: the corpus's "chất cá" always goes on "nhân"); fewer
    times than ``OPEN_END_SEEN`` are evidence only so, with Tesseract in some doubt."""
    if len(words) < 2 or read[-1] is None or read[-1].conf >= SURE_LAST:
        return False
    a, b = (w.strip(_EDGES) for w in words[-2:])
    if words[-1].rstrip() != b or not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)):
        return False
    if _named(words, -1 - _NAME_WORDS, -1):
        return False
    ia, ib = model.index.get(syllable_key(a)), model.index.get(syllable_key(b))
    if ia is None or ib is None or model.bigrams.get(ia * model.size + ib, 0) < ANCHOR_SEEN:
        return False
    at = (ia * model.size + ib) * model.size
    return not any(model.trigrams.get(at + model.index[e], 0) for e in ("<s>", "<p>"))


def _unseen_capital(model: correct.Model, words: Sequence[str], i: int) -> bool:
    """``words[i]``, a capitalised syllable between two syllables in small letters (``_isolated_capital``),
    not after a place's, a person's or a company's word, that the corpus shows beside neither of them while
    it shows a word in small letters one first letter away beside both: a misread small letter, however
    surely read ("tài Hiệu lưu trữ" at 0.89 for "tài liệu", an incoming stamp's stroke over its "l"). A
    title's capitals stand beside their words ("phê duyệt Kế hoạch", "dịp Tết Nguyên đán" is a run)."""
    if not 0 < i < len(words) - 1 or not _isolated_capital(words, i):
        return False
    core, before, after = (words[j].strip(_EDGES) for j in (i, i - 1, i + 1))
    if words[i - 1] != before or words[i] != core:
        return False  # (a mark between them ends a phrase)
    if not all(x.isalpha() and is_syllable(x.lower()) for x in (core, before, after)):
        return False
    if _named(words, max(0, i - _NAME_WORDS), i):
        return False
    if _bigram_seen(model, before, core) or _bigram_seen(model, core, after):
        return False
    # a word in small letters its first letter away that the corpus shows beside both: what was printed
    # ("tài liệu lưu"); with none, a capital the corpus does not know there is a title's ("chúc mừng Tết cổ
    # truyền": "mừng tết" and "tết cổ" are never written in small letters)
    tail = core[1:].lower()
    return any(
        sur != core.lower()
        and sur[1:] == tail
        and _bigram_seen(model, before, sur)
        and _bigram_seen(model, sur, after)
        for sur in model.surface
        if len(sur) == len(core)
    )


def _unphrased(model: correct.Model, words: Sequence[str], read: Sequence[Word | None], i: int) -> bool:
    """``words[i]``, a word in small letters read at ``LOST_WORD`` or more but below ``UNSURE_WORD``, is no
    syllable, or one the corpus never shows beside a neighbour (a word of letters with no mark between them)
    nor ``PHRASE_ANCHOR`` times beside the other: "thực lên (45) kế hoạch" ("thực lên" never, "lên kế" 5
    times). Numbers, capitals and the words after a place's, a person's or a company's word are left to
    their own checks."""
    r = read[i]
    if r is None or not LOST_WORD <= r.conf < UNSURE_WORD:
        return False
    core = words[i].strip(_EDGES)
    if not core.isalpha():
        return False
    if _named(words, max(0, i - _NAME_WORDS), i) or not core.islower():
        return False  # (a name's words are any; a capital misread has its own checks)
    if not is_syllable(core):
        return True

    def joined(j: int) -> bool:  # words[j] and words[j + 1]: letters with no mark between them
        return (
            0 <= j < len(words) - 1
            and all(words[k].strip(_EDGES).isalpha() for k in (j, j + 1))
            and (words[j] == words[j].rstrip(_EDGES) and words[j + 1] == words[j + 1].lstrip(_EDGES))
        )

    def small(j: int) -> bool:  # words[j], joined to words[i], a syllable in small letters
        w = words[j].strip(_EDGES)
        return joined(min(i, j)) and w.islower() and is_syllable(w)

    # a neighbour that is a number, a name or a capital, or one past a mark, is no evidence against it
    # ("Giáp Thìn năm (45) 2024", "bởi bão (45) Yagi"): both neighbours (the one, at an end) in small letters
    if not all(small(j) for j in (i - 1, i + 1) if 0 <= j < len(words)):
        return False
    before = words[i - 1].strip(_EDGES) if i > 0 else ""
    after = words[i + 1].strip(_EDGES) if i < len(words) - 1 else ""
    counts = [
        _pair_count(model, before, core) if before else None,
        _pair_count(model, core, after) if after else None,
    ]
    if 0 not in counts:
        return False
    # unseen beside one: a pair the corpus shows often beside the other still makes it a phrase's word
    return not any(c is not None and c >= PHRASE_ANCHOR for c in counts)


# words a letter label ending a title may follow (folded): "… khóa X", "… giai đoạn II", "viêm gan B", "lái
# xe hạng B", "nhóm A", "khu A" (the review of session 53)
_NUMBERED = frozenset(
    {
        "quy", "khoa", "phan", "chuong", "ky", "dot", "doan", "lan", "muc", "gan", "hang", "luc", "nhom",
        "loai", "khu", "khoi", "lop", "ty", "tiet", "diem", "tap", "dang", "cap", "so", "vitamin",
    }
)  # fmt: skip


def _letter_last(words: Sequence[str]) -> bool:
    """The subject ends on one capital letter, no Roman numeral nor after a word a label follows: a
    name's first letter whose line was lost ("… Công ty trách nhiệm hữu hạn hai thành viên Y" for "Y tế Kỳ
    Anh", the subject's last line under a stamp), no title's end."""
    if len(words) < 2:
        return False
    core = words[-1].strip(_EDGES)
    if len(core) != 1 or not core.isalpha() or not core.isupper():
        return False
    # (a Roman numeral is a title's: "bổ sung Phụ lục I", "Công ty X")
    return not (_ROMAN.fullmatch(core) or fold(words[-2].strip(_EDGES)).lower() in _NUMBERED)


def doubted_words(subject: Found, own: Sequence[Line]) -> Found:
    """A trích yếu held surely that holds a word no reading gives: one of its own words read below
    ``LOST_WORD``, a symbol glued to a word's letters (``_symbol_in``), a stray small letter
    (``_stray_letter``), a last word the corpus never shows after the word before it (``_last_unseen``), or
    one it almost never shows ending a phrase (``_open_last``: the title was cut short): in doubt
    (``GUESSED_CONFIDENCE``), a person reads it. OCR'd pages only (``own``: the subject's lines)."""
    f = subject.get("subject")
    if f is None or not f.value or not own or f.confidence <= GUESSED_CONFIDENCE:
        return subject
    words = f.value.split()
    read = _own_words(words, own)
    doubt = (
        any(r is not None and r.conf < LOST_WORD for r in read)
        or any(_symbol_in(w) for w in words)
        or any(_stray_letter(words, i) for i in range(len(words)))
        or any(_unseen_capital(correct.load(), words, i) for i in range(len(words)))
        or _letter_last(words)
        or any(_unphrased(correct.load(), words, read, i) for i in range(len(words)))
        or _last_unseen(correct.load(), words, read)
        or _open_last(correct.load(), words)
        or _unsure_open_last(correct.load(), words, read)
    )
    if not doubt:
        return subject
    return Found((replace(f, confidence=GUESSED_CONFIDENCE),))


# a quote read between two syllables of a word read as one ("sở“đủ": a stamp's speck between "sở" and "đủ")
_GLUED_QUOTE = re.compile(r"^([^\W\d_]+)[\"'“”‘’`]([^\W\d_]+)([,.;:]?)$")


def _lettered(word: str) -> str | None:
    """``word`` with the symbols glued to its letters read as the letters they stand for (``LETTER_SYMBOLS``,
    in the case of the word's letters: "$ố" → "số"), when that makes a syllable; else None."""
    core = word.strip(_EDGES)
    letters = [ch for ch in core if ch.isalpha()]
    if not letters or not any(ch in LETTER_SYMBOLS for ch in core):
        return None
    upper = all(ch.isupper() for ch in letters) and len(letters) > 1
    symbols = {k: v.upper() if upper else v for k, v in LETTER_SYMBOLS.items()}
    fixed = "".join(symbols.get(ch, ch) for ch in core)
    if not is_syllable(fixed):
        return None
    return word.replace(core, fixed, 1)


def _fits(model: correct.Model, words: Sequence[str], i: int, new: Sequence[str]) -> bool:
    """The words ``new`` put for ``words[i]`` are syllables the corpus shows beside each other and beside
    the words on either side (a mark or a number there is no evidence against them)."""
    cores = [w.strip(_EDGES) for w in new]
    if not all(is_syllable(c) for c in cores):
        return False
    before = words[i - 1].strip(_EDGES) if i > 0 else ""
    after = words[i + 1].strip(_EDGES) if i + 1 < len(words) else ""
    chain = ([before] if before.isalpha() else []) + cores + ([after] if after.isalpha() else [])
    return all(_bigram_seen(model, a, b) for a, b in itertools.pairwise(chain))


SPECK_CONF = (
    65.0  # a lone letter read below this between two words of a phrase is a speck (as MISREAD_CAPITAL)
)
_SPECK_RUN = 2  # words at most of such a run: the letter and a mark read beside it ("xuất Ý - sắc")


def _lone_letter(word: str, read: Word | None) -> bool:
    """A letter alone read unsure (``SPECK_CONF``), no Roman numeral ("quý I năm …", "quý i năm …" count)."""
    core = word.strip(_EDGES)
    return (
        len(core) == 1
        and core.isalpha()
        and not _ROMAN.fullmatch(core.upper())  # "quý i năm": a heading's "QUÝ I" set in small letters
        and read is not None
        and read.conf < SPECK_CONF
    )


# a dash's two words written side by side at least this often for a dash between them to be a speck: a
# pair written so only now and then is written with a dash as well ("giá - thị trường": "giá thị" 59 times)
DASH_PAIR_SEEN = 200


def _speck_dash(
    model: correct.Model, a: str, dash: str, b: str, read: Word | None, after: Word | None
) -> bool:
    """``dash`` between the words ``a`` and ``b`` is a speck: a dash alone read unsure (``SPECK_CONF``) at its
    line's end (``after``, the word after it as read, on the next line: where a stamp's stroke reaches into
    the text), between two syllables in small letters that the corpus writes side by side often
    (``DASH_PAIR_SEEN``) and never with a mark between them ("dịch vụ Internet và - thông tin", a stamp's
    stroke at the line's end read as a dash at 59, seed 811 corp 001: "và thông" 1339 times, "và <mark>
    thông" never; "kinh tế - xã hội" is written with its dash, "sinh - hoạt" inside a line is kept)."""
    if dash not in _DASHES or read is None or read.conf >= SPECK_CONF:
        return False
    if after is None or after.line == read.line:
        return False
    if not all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b)):
        return False
    if _pair_count(model, a, b) < DASH_PAIR_SEEN:
        return False
    ia, ib = model.index.get(syllable_key(a)), model.index.get(syllable_key(b))
    if ia is None or ib is None:
        return False
    return not model.trigrams.get((ia * model.size + model.index["<p>"]) * model.size + ib)


def specks_dropped(words: Sequence[str], read: Sequence[Word | None]) -> list[str]:
    """The words without a run of up to ``_SPECK_RUN`` specks read between two syllables in small letters
    that the corpus writes side by side (``ANCHOR_SEEN`` times at least: "xuất sắc"): a lone letter read
    unsure (``SPECK_CONF``) that the corpus never writes before the word after the run, and a dash or a mark
    beside it ("xuất Ý - sắc", a stamp's strokes at the line's end read as a letter and a dash); or marks
    alone no print puts between words between two the corpus writes side by side ``DASH_PAIR_SEEN`` times
    at least ("giao ¡ thông"); or a dash alone that the corpus never writes there (``_speck_dash``)."""
    model = correct.load()
    out: list[str] = []
    i = 0
    while i < len(words):
        if (
            out
            and i + 1 < len(words)
            and out[-1] == out[-1].rstrip(_EDGES)
            and _speck_dash(model, out[-1], words[i], words[i + 1].strip(_EDGES), read[i], read[i + 1])
        ):
            i += 1
            continue
        for n in range(_SPECK_RUN, 0, -1):
            run = words[i : i + n]
            if not out or i + n >= len(words) or len(run) < n:
                continue
            a, b = out[-1].strip(_EDGES), words[i + n].strip(_EDGES)
            letters = [k for k in range(n) if _lone_letter(run[k], read[i + k])]
            marks = [k for k in range(n) if not re.search(r"\w", run[k])]
            if (
                len(letters) == 1
                and len(letters) + len(marks) == n
                and all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b))
                and out[-1] == out[-1].rstrip(_EDGES)
                and _pair_count(model, a, b) >= ANCHOR_SEEN
                and not _pair_count(model, run[letters[0]].strip(_EDGES), b)
            ):
                i += n
                break
            if (
                len(marks) == n
                and not any(set(w) & _PRINTED_MARKS for w in run)
                and all(x.isalpha() and x.islower() and is_syllable(x) for x in (a, b))
                and out[-1] == out[-1].rstrip(_EDGES)
                and _pair_count(model, a, b) >= DASH_PAIR_SEEN
            ):
                # "giao ¡ thông": marks no print puts between words, between two the corpus writes side by
                # side hundreds of times (a word lost there would part a pair so common: a speck's, seed 939
                # alt 001)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


# a speck glued to a word's end read as a comma: the word read below this (a printed comma beside a word read
# surely leaves it sure: "quản lý, bảo vệ" at 97; "địa, bàn" with a speck for its comma read at 48)
SPECK_MARK_CONF = DOUBTFUL
# ... and an opening quote glued before a word, never closed, below this (the word's own letters lift the
# confidence Tesseract gives the whole: "công “nghiệp" at 70.6 for a stamp's speck, seed 869 dev 003)
SPECK_QUOTE_CONF = 80.0
_OPENING_QUOTES = "“‘«"
_CLOSING_QUOTES = "”’»"
SPECK_PHRASE_SHARE = 0.5
# a comma after a word the corpus hardly ever puts a mark after (a word that leads into its object: "về",
# "của", "các", "cho", "với": under 0.6% of their times; a word that ends a phrase, "định", "tư", "nghiệp":
# 6% to 54%), read below ``SPECK_QUOTE_CONF``, is a speck's: "quy định về, điều kiện" (an incoming stamp's
# mark beside "về" read with it at 70, s877 corp 008: SURE-WRONG at 0.93). The word seen this often at
# least for its share to tell
MARK_AFTER_RARE = 0.01
MARK_AFTER_SEEN = 1000
MARK_PAIR_SEEN = 20


def _mark_after_rare(word: str, before: str = "") -> bool:
    """The corpus puts a mark after ``word`` (small letters) under ``MARK_AFTER_RARE`` of its
    ``MARK_AFTER_SEEN`` times or more: a word that leads into the next ("về", "của"), no phrase's end;
    and after ``before`` and ``word`` together too, where the pair is seen ``MARK_PAIR_SEEN`` times or more
    (a list item's end: "cảng cá," 56%, "tặng cho," 34%, "các điều," 4%, "trở về," 8%; "định về," 0.5%)."""
    model = correct.load()
    i, mark = model.index.get(syllable_key(word.lower())), model.index.get("<p>")
    if i is None or mark is None or model.uni[i] < MARK_AFTER_SEEN:
        return False
    seen: float = model.uni[i]
    if model.bigrams.get(i * model.size + mark, 0) >= MARK_AFTER_RARE * seen:
        return False
    h = model.index.get(syllable_key(before.lower())) if before.isalpha() else None
    pair = model.bigrams.get(h * model.size + i, 0) if h is not None else 0
    if pair < MARK_PAIR_SEEN:
        return True
    assert h is not None
    marked: float = model.trigrams.get((h * model.size + i) * model.size + mark, 0)
    return marked < MARK_AFTER_RARE * pair


def _speck_mark(word: str, after: str, read: Word | None, quoted: bool, before: str) -> bool:
    """``word``'s mark at its end is a speck, not print: an opening quote (or a straight one read unsure,
    ``SPECK_MARK_CONF``), or a closing quote, glued to a word's end with another word after it, in a trích yếu
    with no other quote (no print opens a quote after a word, nor closes one it never opened); or a comma or a
    semicolon after a word read unsure (``SPECK_MARK_CONF``) that the corpus writes, with the word before it,
    on into the next as one phrase ("trên địa, bàn": ``ANCHOR_SEEN`` times at least, and the next word at
    least ``SPECK_PHRASE_SHARE`` of what it shows after the two): a list's comma is read with its word,
    surely, and stays where it is read unsure ("quản lý, bảo vệ rừng"); or a comma or a semicolon after a
    word read below ``SPECK_QUOTE_CONF`` that leads into the next (``_mark_after_rare``: "về, điều"); or a
    question or an exclamation mark
    after a word read unsure with another word after it (no trích yếu asks or exclaims in its middle)."""
    core, mark = word[:-1], word[-1:]
    if not (core.isalpha() and core.islower() and is_syllable(core)) or read is None:
        return False
    if not read.text.endswith(mark):
        return False  # (a mark the reading did not have: put there by a rule, not a speck's)
    nxt = after.strip(_EDGES)
    if mark in _OPENING_QUOTES:
        return not quoted and bool(nxt)
    if mark in _CLOSING_QUOTES:
        # (nor closes one it never opened: "xây dựng” nông thôn mới", a stamp's stroke read as a closing quote
        # at 69, seed 519 alt 009 — the one quote of the trích yếu, with a word after it)
        return not quoted and bool(nxt)
    if mark == '"':
        # (a straight quote closes one only where another opened it: "cải cách hành chính\" năm 2023", a
        # stamp's side at 44, seed 491 dev 009; read unsure, as a comma's speck)
        return not quoted and bool(nxt) and read.conf < SPECK_MARK_CONF
    if mark in _QUERY_MARKS:
        # (no trích yếu asks or exclaims in its middle: "sử dụng đất? đến năm 2030", a stamp's stroke at the
        # line's end read as "?" at 49; read unsure, as a comma's speck; inside quotes a title's own: "…?")
        return not quoted and bool(nxt) and read.conf < SPECK_MARK_CONF
    if mark not in ",;":
        return False
    led_on = nxt.isalpha() and nxt.islower() and is_syllable(nxt)
    if read.conf < SPECK_QUOTE_CONF and led_on and _mark_after_rare(core, before.strip(_EDGES)):
        return True  # ("về, điều": no phrase ends in "về")
    if read.conf >= SPECK_MARK_CONF:
        return False
    if not (nxt.isalpha() and nxt.islower() and is_syllable(nxt) and before.isalpha()):
        return False
    model = correct.load()
    if _pair_count(model, core, nxt) < ANCHOR_SEEN:
        return False
    ia, ib, ic = (model.index.get(syllable_key(x.lower())) for x in (before, core, nxt))
    if ia is None or ib is None or ic is None:
        return False
    # the phrase almost always goes on so: the next word at least ``SPECK_PHRASE_SHARE`` of what the corpus
    # shows after the two words ("trên địa" → "bàn" 1361 of 1368); a list's first item ends a phrase often
    # ("quản lý" → "bảo" 172 of 29568, "kiểm tra" → "giám", "đầu tư" → "xây": REVIEW-40d)
    seen = model.trigrams.get((ia * model.size + ib) * model.size + ic, 0)
    return seen >= SPECK_PHRASE_SHARE * _pair_count(model, before, core)


_QUERY_MARKS = "?!"


def _speck_quote(word: str, before: str, read: Word | None, quoted: bool) -> bool:
    """``word``'s opening quote glued before its letters is a speck, not print: read unsure
    (``SPECK_QUOTE_CONF``), the trích yếu's one quote (it opens a quotation never closed), and the word
    goes on from the one before it as the corpus writes the two, one phrase (``ANCHOR_SEEN`` times at least:
    "sau thu “hoạch đối với …", a stamp's stroke at 50 before "hoạch")."""
    mark, core = word[:1], word[1:]
    if mark not in _OPENING_QUOTES + '"' or quoted or read is None or read.conf >= SPECK_QUOTE_CONF:
        return False
    if not (core.isalpha() and core.islower() and is_syllable(core)) or not read.text.startswith(mark):
        return False
    return before.isalpha() and _pair_count(correct.load(), before, core) >= ANCHOR_SEEN


def speck_marks_dropped(words: Sequence[str], read: Sequence[Word | None]) -> list[str]:
    """The words with a speck read as a mark at a word's end taken off (``_speck_mark``), or as an opening
    quote before a word's letters (``_speck_quote``)."""
    quotes = sum(ch in '"“”‘’«»' for w in words for ch in w)
    # (as read too: an opening quote glued before a word is taken off with the marks there, "Xanh hóa\"")
    as_read = {id(r): r.text for r in read if r is not None}.values()
    quotes = max(quotes, sum(ch in '"“”‘’«»' for t in as_read for ch in t))
    out = list(words)
    for i in range(len(words) - 1):
        before = out[i - 1].strip(_EDGES) if i else ""
        if _speck_mark(words[i], words[i + 1], read[i], quotes > 1, before):
            out[i] = words[i][:-1]
    for i in range(1, len(words)):
        if _speck_quote(words[i], out[i - 1].strip(_EDGES), read[i], quotes > 1):
            out[i] = out[i][1:]
    return out


def _run_on_at_symbol(model: correct.Model, words: Sequence[str], i: int) -> list[str] | None:
    """``words[i]``, two syllables' letters run together with a symbol between them that stands for the
    second's first letter (``LETTER_SYMBOLS``: a speck over the space and the letter, "chứng nhận cò$ở lưu
    trú" of "cơ sở", read at 32 in a certificate's title, seed 669 alt 013): the two words, the first with
    the marks the model prefers beside its neighbours by ``correct.LETTER_RIVAL`` over the others and the
    marks as read (the speck blurred them with the rest: "cò" → "cơ", by e^6 over "có" after no word), as
    ``_lost_head`` and ``_lost_inside`` choose, the corpus showing the chain side by side (``_fits``); else
    None (a word a symbol's letter makes one word of is ``_lettered``'s)."""
    w = words[i]
    core = w.strip(_EDGES)
    at = [j for j, ch in enumerate(core) if ch in LETTER_SYMBOLS]
    if len(at) != 1 or not w.startswith(core):
        return None
    j = at[0]
    read, rest = core[:j], core[j + 1 :]
    head = read.lower()  # (the subject's first word opens with a capital: "Cò$ở lưu trú …")
    if not (read.isalpha() and rest.isalpha() and read[1:].islower() and rest.islower()):
        return None
    tail = LETTER_SYMBOLS[core[j]] + rest
    if not is_syllable(tail):
        return None
    heads = {
        model.surface[model.index[k]]
        for k in model.by_skeleton.get(correct._skeleton(head), ())
        if model.count(k) >= correct.MIN_COUNT
    } | {head}
    l2, l1 = (_side_key(model, words, k) for k in (i - 2, i - 1))
    r1 = _side_key(model, words, i + 1)
    kt = syllable_key(tail)
    if kt not in model.index:
        return None

    def score(h: str) -> float:
        kh = syllable_key(h)
        if kh not in model.index:
            return -math.inf
        before = model.logp(l2, l1, kh) if l1 else 0.0
        return before + model.logp(l1, kh, kt) + (model.logp(kh, kt, r1) if r1 else 0.0)

    scored = sorted(((score(h), h) for h in heads), reverse=True)
    best, h = scored[0]
    if len(scored) > 1 and best - scored[1][0] < correct.LETTER_RIVAL:
        return None  # (the marks as read among the others: a head that won no margin is no reading)
    if not _fits(model, words, i, (h, tail)):
        return None
    return [h[:1].upper() + h[1:] if read[:1].isupper() else h, tail + w[len(core) :]]


def unspecked(subject: Found, own: Sequence[Line] = ()) -> Found:
    """The trích yếu with a speck read inside a word taken out where the language model shows what is left
    beside its neighbours: a quote between two syllables ("cơ sở“đủ điều kiện" → "sở đủ"), a symbol for the
    letter it looks like ("và $ố hóa" → "số": ``LETTER_SYMBOLS``), and specks read as words between two
    words of a phrase (``specks_dropped``; ``own``: the subject's lines as read); in doubt
    (``GUESSED_CONFIDENCE``): a letter guessed is a person's to check. OCR'd pages only."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    model = correct.load()
    words = f.value.split()
    if own:
        words = specks_dropped(words, _own_words(words, own))
        words = speck_marks_dropped(words, _own_words(words, own))
    out: list[str] = []
    for i, w in enumerate(words):
        m = _GLUED_QUOTE.match(w)
        if m and _fits(model, words, i, (m[1], m[2])):
            out += [m[1], m[2] + m[3]]
            continue
        lettered = _lettered(w)
        if lettered is None and (parts := _run_on_at_symbol(model, words, i)) is not None:
            out += parts
            continue
        out.append(lettered if lettered is not None and _fits(model, words, i, (lettered,)) else w)
    if out == f.value.split():
        return subject
    return Found((replace(f, value=" ".join(out), confidence=min(f.confidence, GUESSED_CONFIDENCE)),))


# rapidfuzz ratio of a word of a province's name read after "tỉnh" / "thành phố" to the listed name's word for
# it to be that word misread ("Hà Cang" for "Hà Giang": 67)
PROVINCE_WORD_LIKE = 60


def _province_run(words: Sequence[str], at: int) -> int:
    """How many capitalised words (a province's name at most: three) follow ``words[at - 1]``."""
    n = 0
    while at + n < len(words) and n < 3:
        core = words[at + n].strip(_EDGES)
        if not (core[:1].isupper() and core.isalpha()):
            break
        n += 1
    return n


def _cut_at_end(read: str, listed: str, own: Sequence[Line]) -> bool:
    """``read`` is the last word of one of the subject's ``own`` lines and the first letters (two at least,
    or one read unsure) of ``listed``: a word whose end a stamp's side or the page's edge cut off ("thành
    phố Hải Phò" under an incoming stamp's frame), however surely its first letters were read."""
    core = fold(read).strip(_EDGES)
    whole = fold(listed)
    if not (1 <= len(core) < len(whole) and whole.startswith(core)):
        return False
    ends = [max(ln.words, key=lambda w: w.box.x1) for ln in own if ln.words]
    # one letter read unsure is what a stamp's frame left of the word ("tỉnh Y." (25) of "Yên Bái", "ên Bái"
    # under the stamp beside it: seed 899 k dev 010); one read surely is as printed
    return any(fold(w.text).strip(_EDGES) == core and (len(core) > 1 or w.conf < DOUBTFUL) for w in ends)


def province_restored(subject: Found, own: Sequence[Line], place: str | None) -> Found:
    """A trích yếu naming a province no list has after "tỉnh" / "thành phố" ("trên địa bàn tỉnh Hà Cang"),
    its words the list's but for words read unsure (under ``DOUBTFUL``) or cut at a line's end
    (``_cut_at_end``) each like the listed one's (``PROVINCE_WORD_LIKE``): the document's ``place`` when it
    is one of those provinces (a committee's subject names its own province; a name no list has, a town's
    "thành phố Hà Tiên", is never made another
    province's on its letters alone); in doubt (``GUESSED_CONFIDENCE``). OCR'd pages only (``own``: the
    subject's lines)."""
    f = subject.get("subject")
    if f is None or not f.value or not own or not place:
        return subject
    words = f.value.split()
    mine = [w for ln in own for w in ln.words]
    for i in range(1, len(words)):
        before = fold(words[i - 1]).strip(_EDGES)
        if not (before == "tinh" or (before == "pho" and i > 1 and fold(words[i - 2]) == "thanh")):
            continue
        n = _province_run(words, i)
        run = [w.strip(_EDGES) for w in words[i : i + n]]
        if not run or fold(" ".join(run)) in F_PLACES or (i + n < len(words) and words[i + n] in "-–"):
            continue  # a listed place, or the start of a longer name ("Bà Rịa - Vũng Tàu")
        ours = place.split()
        if (
            i + n == len(words)
            and place in PROVINCES
            and n < len(ours)
            and [fold(w) for w in run] == [fold(w) for w in ours[:n]]
        ):
            # the subject's last words the first of the document's own province's, the rest lost ("… trên địa
            # bàn tỉnh Bắc" where a stamp's strokes over "Giang" were dropped as no word): completed, in doubt
            value = " ".join([*words[:i], *ours])
            return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
        fits: list[str] = []
        for name in PROVINCES:
            theirs = name.split()
            if (
                len(theirs) > len(run)
                and i + n == len(words)
                and _cut_at_end(run[-1], theirs[len(run) - 1], own)
            ):
                # the subject's last words cut at its line's end, the name's last lost with them ("thành phố
                # Cầ" under an incoming stamp's box: "Cần Thơ")
                theirs = theirs[: len(run)]
            elif len(theirs) != len(run):
                continue
            differ = [(a, b) for a, b in zip(run, theirs, strict=True) if fold(a) != fold(b)]
            # (a word cut at its line's end is like its whole by its letters read: "Y" of "Yên"; so is one
            # read unsure as the word's head, its tail lost under a stamp: "tỉnh Qu (47) Định (50)" of "Quảng
            # Ninh", seed 905 dev 010)
            like = all(
                fuzz.ratio(fold(a), fold(b)) >= PROVINCE_WORD_LIKE
                or _cut_at_end(a, b, own)
                or (len(a) >= 2 and a.isalpha() and fold(b).startswith(fold(a)))
                for a, b in differ
            )
            if differ and like and all(_read_unsure(a, mine) or _cut_at_end(a, b, own) for a, b in differ):
                fits.append(name)
        if place not in fits:
            continue
        chosen = place
        tail = words[i + n - 1][len(words[i + n - 1].rstrip(_EDGES)) :]
        value = " ".join([*words[:i], *chosen.split()[:-1], chosen.split()[-1] + tail, *words[i + n :]])
        return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
    return subject


def province_under(subject: Found, own: Sequence[Line], lines: Sequence[Line], place: str | None) -> Found:
    """A trích yếu ending on a province's unit with no name after it ("… trên địa bàn tỉnh") where the line
    under its last line (``own``'s, within a line's height) opens, in the subject's column, on the last word
    or words of the document's ``place`` (a listed province), the name's first words lost before them (at
    most as many words read there as lost): the name ran onto that line and its opening was taken by a stamp,
    the line then dropped as the stamp's ("Nguyên ˆ k Ngày: 9/⁄Z 23" under "… địa bàn tỉnh", its "Thái" under
    the incoming stamp's frame, seed 901 bitonal alt 001). Completed with ``place``, in doubt
    (``GUESSED_CONFIDENCE``). A subject ending so with no such line is as printed ("… trên địa bàn tỉnh": the
    province the issuing one)."""
    f = subject.get("subject")
    if f is None or not f.value or not own or not place or place not in PROVINCES:
        return subject
    unit = ["thanh", "pho"] if place in CENTRAL_CITIES or place == "Huế" else ["tinh"]
    words = f.value.split()
    if [fold(w).strip(_EDGES).lower() for w in words[-len(unit) :]] != unit:
        return subject
    last = own[-1]
    tall = last.y1 - last.y0
    ours = [fold(w).lower() for w in place.split()]
    for ln in lines:
        if ln.page != last.page or not last.y0 + tall / 2 < ln.y0 <= last.y1 + tall:
            continue
        inside = [
            fold(w.text).strip(_EDGES).lower()
            for w in ln.words
            if last.x0 <= (w.box.x0 + w.box.x1) / 2 <= last.x1
        ]
        for lost in range(1, len(ours)):
            tail = ours[lost:]
            if any(inside[k : k + len(tail)] == tail for k in range(lost + 1)):
                value = " ".join([*words, *place.split()])
                return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
    return subject


# the words that may follow "địa bàn" before a place's name: its unit ("trên địa bàn tỉnh …", "… huyện …",
# "… toàn tỉnh", "… các xã …"), folded
_UNIT_WORDS = frozenset(
    {
        "tinh",
        "thanh",
        "pho",
        "huyen",
        "xa",
        "quan",
        "phuong",
        "thi",
        "tran",
        "toan",
        "cac",
        "ca",
        "thon",
        "ban",
    }
    | {
        "tp",
        "tx",
        "tt",
        "q",
        "p",
        "h",
        "ap",
        "khom",
        "buon",
        "lang",
        "soc",
        "bon",
        "khu",
        "cum",
        "to",
        "thu",
        "do",
    }
)
UNIT_UNSURE = 80  # a word read less surely than this where a unit stands is no reading of one


def unit_restored(subject: Found, own: Sequence[Line] = ()) -> Found:
    """A trích yếu's "địa bàn" followed by a word that is no place's unit, read unsure (under
    ``UNIT_UNSURE``: one of its ``own`` lines' words), then a listed province's name ("… trên địa bàn thúi
    Thái Nguyên": a stamp's stroke over "tỉnh", read at 69, taken at 0.95): that word is the province's unit
    ("tỉnh", or "thành phố" of a city run by the centre), in doubt (``GUESSED_CONFIDENCE``). A word read
    surely is as printed ("TP Hà Tĩnh", "ấp Long An", "buôn Đắk Lắk": REVIEW-34 M2)."""
    f = subject.get("subject")
    if f is None or not f.value:
        return subject
    mine = [w for ln in own for w in ln.words]
    words = f.value.split()
    for i in range(2, len(words) - 1):
        if fold(words[i - 2]) != "dia" or fold(words[i - 1]).strip(_EDGES) != "ban":
            continue
        if fold(words[i]).strip(_EDGES) in _UNIT_WORDS or not words[i].strip(_EDGES).isalpha():
            continue
        core = fold(words[i]).strip(_EDGES)
        if not any(fold(w.text).strip(_EDGES) == core and w.conf < UNIT_UNSURE for w in mine):
            continue
        n = _province_run(words, i + 1)
        run = [w.strip(_EDGES) for w in words[i + 1 : i + 1 + n]]
        named = next(
            (p for k in range(len(run), 0, -1) for p in PROVINCES if fold(p) == fold(" ".join(run[:k]))), None
        )
        if named is None:
            continue
        unit = "thành phố" if named in CENTRAL_CITIES or named == "Huế" else "tỉnh"
        value = " ".join([*words[:i], unit, *words[i + 1 :]])
        return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
    return subject


# marks a printed word may hold between its letters or numbers: a hyphen or a dash ("COVID-19", "kinh tế - xã
# hội", "—"), a slash ("và/hoặc", "30/2020/NĐ-CP"), a dot ("QL.1A", "1.500"), "&" ("GD&ĐT"), an apostrophe
# ("K'Nông")
_JOINERS = re.compile(r"[-–—/.&'’]")
# a colon or a plus between digits: a scale ("tỷ lệ 1:500"), a standard's year ("QCVN 01:2021/BXD", "ISO
# 9001:2015"), a chainage ("Km5+200")
_DIGITS_JOINED = re.compile(r"(?<=\d)[:+](?=\d)")
# superscript digits of a unit ("m²", "km³"), read as their digits
_SUPERSCRIPTS = str.maketrans("²³", "23")
# a quantity with its unit glued on ("0,5ha", "10.000.000đ", "25°C", "°C"), a road's chainage ("Km5+200")
_QUANTITY = re.compile(
    r"(?:\d+(?:[.,]\d+)*)?(?:°[CF]?|(?i:đ|đồng|ha|m|m2|m3|km|km2|cm|mm|kg|kv|kw|mw|kwh))|Km\d+(?:\+\d+)?"
)
# words printed in mixed case ("Wi-Fi", "pH")
_MIXED_CASE = frozenset({"Wi-Fi", "WiFi", "pH", "e-mail", "E-mail"})
# a consonant a transliterated name's syllable may have before its Vietnamese initial ("Ô-xtrây-li-a",
# "Xlô-va-ki-a", "Bun-ga-ri")
_CLUSTER_LEAD = frozenset("bcdfgkpstvx")
# brackets a trích yếu opens and closes in pairs ("(sửa đổi)")
_BRACKET_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
# double quotes, which a trích yếu prints in pairs ("Chương trình “Một xã một sản phẩm”")
_DOUBLE_QUOTES = '"“”„«»'


def _printed_word(word: str, conf: float | None = None, *, named: bool = False) -> bool:
    """``word`` reads as something printed: each part of it between joiners (``_JOINERS``) a syllable in one
    case (``_one_case``), a number, a Roman numeral, an acronym, an abbreviation the corpus knows, a code's
    part (``_code_part``: "COVID-19", "H5N1", "VNeID"), a name's word with one marked letter ("Đắk") beside
    another capitalised word (``named``), or a loanword read at ``conf``, when read, at least ``GARBLE_CONF``
    ("online", ``_loanword``; "gen", shorter, at least ``GARBLE_SURE``). Not so: letters with a symbol or a
    letter no Vietnamese word has among them ("sở2‡ƒ", "Giă@k", "zoiØ", "h&ẽñn"), small letters that make no
    syllable ("đwbk", "narjbza" at 0), a capital after small letters ("ịcH"), a capitalised non-syllable alone
    ("Iuáf chỉnh")."""
    # (a bracket's pair is ``_unpaired_bracket``'s to check: "[ghi" of "[ghi tên gói thầu]")
    core = unicodedata.normalize("NFC", word).strip(_EDGES + "[]{}“”‘’«»!?…").translate(_SUPERSCRIPTS)
    if core in _MIXED_CASE or _QUANTITY.fullmatch(core):
        return True
    core = _DIGITS_JOINED.sub("/", core)
    if not any(ch.isalpha() for ch in core):
        # "2024", "15/3/2024", "3,2", "100%", "-", "—", ""
        return all(ch.isdigit() or ch in ",%+" or _JOINERS.fullmatch(ch) for ch in core)
    if any(ch.isalpha() and not _vietnamese_letter(ch) for ch in core):
        return False
    if _DOMAIN.fullmatch(word.strip("“”\"'‘’,;")) or _SHORT_SLASHED.fullmatch(core):
        return True  # "dichvucong.gov.vn", ".vn"; "đ/c", "b/c"
    if any(not (ch.isalnum() or _JOINERS.fullmatch(ch)) for ch in core):
        return False
    sure = conf is None or conf >= GARBLE_SURE
    loan = conf is None or conf >= GARBLE_CONF
    parts = [p for p in _JOINERS.split(core) if p]
    if _transliterated(core):
        return True
    return bool(parts) and all(
        p.isdigit()
        or (p.isalpha() and is_syllable(p) and _one_case(p))
        or _ROMAN.fullmatch(p) is not None
        or _ACRONYM.fullmatch(p) is not None
        or (p.isupper() and _known_abbreviation(p))
        or _code_part(p)
        or _MEASURED.fullmatch(p) is not None
        or (named and _name_like(p))
        or (loan and _loanword(p))
        or (sure and p.isascii() and p.isalpha() and len(p) >= _SHORT_LOANWORD)
        for p in parts
    )


# a quantity's unit, alone or after its number ("250 m3", "110kV", "5ha", "19 x 27 cm")
_MEASURED = re.compile(r"(?i:\d*(?:m|m2|m3|km|km2|cm|mm|ha|kg|kv|kw|mw|kwh|x))")
# a domain name ("dichvucong.gov.vn", ".vn") and a short abbreviation with a slash ("đ/c", "b/c", "V/v")
_DOMAIN = re.compile(r"[a-z0-9-]*(?:\.[a-z]{2,})+")
_SHORT_SLASHED = re.compile(r"(?i:[a-zđ]{1,2}/[a-zđ]{1,2})")
# letters of a short loanword read surely ("gen"; ``GARBLE_SURE``; a longer one, "photocopy", at
# ``GARBLE_CONF``: ``_loanword``)
_SHORT_LOANWORD = 3


def _transliterated(core: str) -> bool:
    """A foreign name written in Vietnamese syllables joined by hyphens ("Ô-xtrây-li-a", "Ô-xtơ-rây-li-a",
    "Xlô-va-ki-a"): capitalised, each part in small letters after the first's capital a syllable, or one
    with a consonant (``_CLUSTER_LEAD``) before its Vietnamese initial ("xtrây": "trây")."""
    parts = core.split("-")
    if len(parts) < 2 or not all(parts) or not core[:1].isupper():
        return False
    return all(
        p.isalpha()
        and _one_case(p)
        and (is_syllable(p) or (p[0].lower() in _CLUSTER_LEAD and len(p) > 2 and is_syllable(p[1:])))
        for p in parts
    )


# the marks Vietnamese letters carry (vowel marks and tones), by their combining characters
_VIETNAMESE_MARKS = frozenset("\u0302\u0306\u031b") | frozenset(TONE_MARKS)


def _vietnamese_letter(ch: str) -> bool:
    """``ch`` is a letter of Vietnamese print: a Latin letter, "đ", or a vowel with Vietnamese marks ("ệ",
    "ờ"); not "ñ", "ï", "Ø", "ƒ", "Ð" (a stamp's strokes read as a foreign letter)."""
    ch = unicodedata.normalize("NFC", ch)
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    if not ("a" <= base.lower() <= "z"):
        return False
    return not marks or (base.lower() in "aeiouy" and all(m in _VIETNAMESE_MARKS for m in marks))


def _code_part(part: str) -> bool:
    """A part of a code: capitals with digits ("14C", "H5N1", "1A"), or plain letters with two capitals or
    more after a small one ("VNeID"); not small letters with a digit ("s0", "nam4") nor one capital after
    small letters ("ịcH", "cHữa")."""
    letters = [ch for ch in part if ch.isalpha()]
    if any(ch.isdigit() for ch in part):
        return all(ch.isupper() and (ch.isascii() or ch == "Đ") for ch in letters)
    return part.isascii() and sum(ch.isupper() for ch in letters) >= 2


def _unpaired_bracket(text: str) -> bool:
    """A bracket in ``text`` that opens or closes nothing ("Về việc (độc chỉnh …": a stamp's stroke before
    "chấn" read as "("), or a double quote that does (an odd number of them, however printed: Tesseract reads
    an opening “ as " as often as not; "kêu gọi\" đầu tư" at 0.94, a speck over the gap read as a quote,
    seed w671 alt 010): a garble's, not the print's."""
    if sum(text.count(q) for q in _DOUBLE_QUOTES) % 2:
        return True
    return any(text.count(a) != text.count(b) for a, b in _BRACKET_PAIRS)


# a law's point or article label: a small letter ("điểm b", "các điểm a, b và đ") or a number with one
# ("Điều 9a", "khoản 2a"), after the word that names it (``_LABELLED``) within ``_LABEL_REACH`` words
_LABEL = re.compile(r"[a-zđ]|\d{1,3}[a-zđ]")
_LABELLED = frozenset({"diem", "dieu", "khoan", "muc"})
_LABEL_REACH = 4


def _law_label(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is a point's or an article's label (``_LABEL``) after the word naming it."""
    if not _LABEL.fullmatch(words[i].strip(_EDGES)):
        return False
    return any(fold(w).strip(_EDGES) in _LABELLED for w in words[max(0, i - _LABEL_REACH) : i])


def garbled_in_doubt(subject: Found, own: Sequence[Line] = ()) -> Found:
    """The subject, whatever repaired it before, in doubt (``GUESSED_CONFIDENCE``) while a word of it reads as
    nothing printed (``_printed_word``; ``own``, the subject's lines, give each word's confidence read) or a
    bracket in it is unpaired (``_unpaired_bracket``): a garble kept is never a sure reading (a SURE-WRONG
    "Về việc (độc chỉnh kỷ luật …" at 0.92, "(độc" read at 46 where a stamp's stroke crossed "chấn", seed 871
    dev 001). OCR'd pages only (a text layer's words are as printed)."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence <= GUESSED_CONFIDENCE:
        return subject
    words = f.value.split()
    read = _own_words(words, own) if own else [None] * len(words)
    capital = [w.strip(_EDGES)[:1].isupper() for w in words]
    for i, (w, r) in enumerate(zip(words, read, strict=True)):
        named = (i > 0 and capital[i - 1]) or (i + 1 < len(words) and capital[i + 1])
        if not _law_label(words, i) and not _printed_word(w, None if r is None else r.conf, named=named):
            return Found((replace(f, confidence=GUESSED_CONFIDENCE),))
    if _unpaired_bracket(f.value):
        return Found((replace(f, confidence=GUESSED_CONFIDENCE),))
    lines = {id(w): ln for ln in own for w in ln.words}
    if any(
        w[-1:] in _LOOKALIKE_MARKS and r is not None and _raised(r, lines.get(id(r)))
        for w, r in zip(words[:-1], read[:-1], strict=True)
    ):
        return Found((replace(f, confidence=GUESSED_CONFIDENCE),))  # "hợp đồng; giao dịch" under a stamp
    return subject


# a word read below this that the corpus shows in no phrase around it is no sure reading of the print's: a
# stamp's strokes over the print read as a word ("đầu tư có ga 2019" of "công năm 2019", "ga" at 32 where an
# incoming stamp's box crossed "ng năm": a SURE-WRONG at 0.94, seed 933 k alt 008); a word read so in its
# phrase stands ("hậu quả thiên tai" with "thiên" at 36, "thực hiện kế hoạch" with "hiện" at 45). The sure
# subjects read right in the session-58 census (196 documents) have no word read below 60
UNREAD_WORD_CONF = 50.0


def _in_phrase(model: correct.Model, words: Sequence[str], i: int) -> bool:
    """The corpus shows ``words[i]`` in a phrase of three with its neighbours (the two before it, the one on
    each side, or the two after it), or one of those runs has a mark, a word the corpus does not know or the
    subject's end in it (no evidence against it: "bởi bão Yagi")."""
    keys = []
    for w in words:
        left, right = correct._context(nfc(w), model)
        keys.append(left if left == right else "<p>")
    for a in range(i - 2, i + 1):
        if a < 0 or a + 2 >= len(words):
            continue
        run = keys[a : a + 3]
        if any(k in correct.UNINFORMATIVE for k in run):
            return True
        ia, ib, ic = (model.index[k] for k in run)
        if model.trigrams.get((ia * model.size + ib) * model.size + ic, 0):
            return True
    return False


def unread_word_in_doubt(subject: Found, own: Sequence[Line]) -> Found:
    """The subject, whatever repaired it before, in doubt (``GUESSED_CONFIDENCE``) while one of its words (of
    letters or digits) stands as Tesseract read it on the subject's lines ``own`` below ``UNREAD_WORD_CONF``
    (``_own_words``: a word the body or the corpus put in its place is no such reading) in no phrase of the
    corpus's (``_in_phrase``). OCR'd pages only."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence <= GUESSED_CONFIDENCE or not own:
        return subject
    words = f.value.split()
    model = correct.load()
    if any(
        r is not None
        and r.conf < UNREAD_WORD_CONF
        and any(ch.isalnum() for ch in w)
        and not _in_phrase(model, words, i)
        for i, (w, r) in enumerate(zip(words, _own_words(words, own), strict=True))
    ):
        return Found((replace(f, confidence=GUESSED_CONFIDENCE),))
    return subject


# the subject's last word the page's corrector changed (``Word.read``), read below this, is a guess: the
# model judged it beside the word before alone ("khí dầu mỏ hóa lỏng" read "lồn" at 66, its "g" lost, made
# "lớn": "hóa lớn" the corpus has; a SURE-WRONG at 0.94, session 59's own subjects, seed 1001 dev 001)
END_CHANGED_CONF = 80.0


def end_change_in_doubt(subject: Found, own: Sequence[Line]) -> Found:
    """The subject in doubt (``GUESSED_CONFIDENCE``) where its last word stands as the page's corrector made
    it of another reading (``Word.read``), read below ``END_CHANGED_CONF``: no word after it to confirm the
    model's choice. OCR'd pages only; its value as it is."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence <= GUESSED_CONFIDENCE or not own:
        return subject
    words = f.value.split()
    last = _own_words(words, own)[-1]
    if last is None or not last.read or last.read == last.text or last.conf >= END_CHANGED_CONF:
        return subject
    return Found((replace(f, confidence=GUESSED_CONFIDENCE),))


# marks at a word's end a speck makes of another ("," with a speck over it reads ";", ":" of "." or a speck
# alone): read on a word that something printed over stretched (``_raised``), the page's mark is not known
_LOOKALIKE_MARKS = frozenset(";:")
# of its row's word height: a word whose box reaches this far above its row's words' tops took in marks over
# it (a stamp's strokes or label: "đồng;" from 425 where its row's words stand from 448, 36 high, under an
# incoming stamp's "ĐẾN" box, seed 865 corp 001); Vietnamese stacked marks over a capital stand a third high
RAISED = 0.5


def _raised(w: Word, ln: Line | None) -> bool:
    """``w``'s box reaches above the tops of its neighbours on its line ``ln`` (the two words of letters on
    either side, their median: a long row's skew lifts its far words above the row's median, not above
    their neighbours') by ``RAISED`` of their median height or more."""
    if ln is None:
        return False
    row = sorted(ln.words, key=lambda x: x.box.x0)
    if not any(x is w for x in row):
        return False
    lettered = [x for x in row if any(ch.isalpha() for ch in x.text)]
    left = [x for x in lettered if x.box.x0 < w.box.x0 and x is not w][-_NEIGHBOURS:]
    right = [x for x in lettered if x.box.x0 >= w.box.x0 and x is not w][:_NEIGHBOURS]
    others = left + right
    if len(others) < 2:
        return False
    top = statistics.median(x.box.y0 for x in others)
    height = statistics.median(x.box.y1 - x.box.y0 for x in others)
    return height > 0 and top - w.box.y0 >= RAISED * height


_NEIGHBOURS = 2  # words on either side of a word ``_raised`` measures it by


# a comma between two syllables the corpus shows together this often at least ...
COMPOUND_SEEN = 20
# ... and with a mark between them at most this share of the times (none of 7373 for "sản phẩm", 3 of 19745
# "quyết định", 49 of 49658 "tổ chức"; "phòng, chống" 2468 to 314, "tế - xã hội" 1392 to 128, "trật tự, an
# toàn" 363 to 124 are written with it), nor after the word before the first either ("chứng nhận, nội
# dung": "chứng nhận" goes on with a mark 380 times, with "nội" 7) ...
COMPOUND_MARKED = 0.005
# ... that is one word: one of the two goes with the other this share of its times at least ("sản" with
# "phẩm" 24%, "phẩm" after "sản" 55%; "nhận nội" 1%, "liệu lưu" 0.4% are two words side by side, which a
# comma may part): the comma splits one word, a speck's, not the print's
COMPOUND_SHARE = 0.1


def _compound_split(model: correct.Model, before: str, a: str, b: str) -> int:
    """How often the corpus shows ``a`` and ``b`` (syllables in small letters) together as one word where
    it almost never has a mark between them, nor after ``before`` and ``a`` (``COMPOUND_MARKED``,
    ``COMPOUND_SHARE``), at least ``COMPOUND_SEEN``; 0 otherwise."""
    ia, ib = model.index.get(syllable_key(a)), model.index.get(syllable_key(b))
    mark = model.index.get("<p>")
    if ia is None or ib is None or mark is None:
        return 0
    pair = model.bigrams.get(ia * model.size + ib, 0)
    marked = model.trigrams.get((ia * model.size + mark) * model.size + ib, 0)
    if pair < COMPOUND_SEEN or marked > COMPOUND_MARKED * pair:
        return 0
    if pair < COMPOUND_SHARE * min(model.uni[ia], model.uni[ib]):
        return 0
    ix = model.index.get(syllable_key(before)) if before.isalpha() else None
    if ix is not None:
        at = (ix * model.size + ia) * model.size
        if model.trigrams.get(at + mark, 0) > COMPOUND_MARKED * max(model.trigrams.get(at + ib, 0), 1):
            return 0
    return pair


def compound_comma_dropped(subject: Found) -> Found:
    """A subject in doubt with a comma read between the two syllables of one word dropped ("sản, phẩm rượu",
    "quốc, gia": a stamp's or a scan's speck after the first read as a comma; seed 881 dev 000): the corpus
    shows the pair together as one word and a mark between them almost never (``_compound_split``). Still in
    doubt: the corpus says it, the page does not. A sure subject keeps a comma read surely with its word
    (print's, "trên địa, bàn" at 96; one read unsure is ``speck_marks_dropped``'s). OCR'd pages only (a text
    layer's commas are as printed)."""
    f = subject.get("subject")
    if f is None or not f.value or f.confidence >= REVIEW_THRESHOLD:
        return subject
    words = f.value.split()
    model = correct.load()
    out = list(words)
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if not a.endswith(",") or a.endswith(",,"):
            continue
        ca, cb = a[:-1], b.rstrip(",.;:")
        if not (ca.isalpha() and cb.isalpha() and ca.islower() and cb.islower()):
            continue  # (a name's, a number's comma, or one before a capital, is print's)
        if (
            is_syllable(ca)
            and is_syllable(cb)
            and _compound_split(model, out[i - 1].lower() if i else "", ca, cb)
        ):
            out[i] = ca
    if out == words:
        return subject
    return Found((replace(f, value=" ".join(out)),))
