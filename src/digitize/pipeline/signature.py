"""Signature block: a second, targeted OCR pass where the first one lost the signer.

A round seal stamped over "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and the signer's name makes Tesseract's page
layout analysis take the whole block for a picture (on grey and bitonal scans the seal is as dark as the
text, so the colour separation of ``preprocess`` cannot help): the block's words are missing or garbled.
When a page has the "Nơi nhận" list but no signer title with a person's name beside it, the region right
of the list is read again on its own as one block of text (``--psm 6``) at the scan's own resolution, then,
if that finds no signer either, once more after the seal's big strokes (connected ink far larger than a
letter: its ring, the emblem) are erased; the words found there replace the first pass's words in that
region.
A pure function of the prepared page and its first reading; pages without a signature block are untouched
(no second Tesseract run).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import correct, preprocess, regions
from digitize.pipeline.confidence import SURE
from digitize.pipeline.fields.lines import Line, page_lines, sub_line
from digitize.pipeline.fields.names import SURE_WORD_CONF, VOTED_CONF, is_syllable, well_formed
from digitize.pipeline.fields.names import undoubled as _undoubled
from digitize.pipeline.fields.signer import (
    AUTH_PREFIXES,
    HEAD_LETTERS,
    MARKS_READ_CONF,
    SHORT_NAME_JUNK_CONF,
    acting_read,
    capital_marked,
    doubtful_name_line,
    glued_name_line,
    led_already,
    list_line,
    mark_lost,
    minority_onset,
    name_form,
    nearest_name,
    prefix_left_out,
    rare_family,
    read_signer,
    ring_remnant,
    same_bar,
    small_family,
    surname_by_end,
    surname_by_head,
    surname_by_tail,
    surname_of,
    tail_name,
    title_line,
    tone_place,
    tones_told_apart,
    unlisted_lead,
    unlisted_words_lead,
)
from digitize.pipeline.fields.vocab import (
    F_SURNAMES,
    F_SYLLABLES,
    F_TITLES,
    FREQUENT_SURNAMES,
    MIDDLE_NAMES,
    NAME_SYLLABLES,
    OTHER_SURNAMES,
    SURNAMES,
)
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.pipeline.syllable import TONE_MARKS, split_tone
from digitize.text import fold, nfc
from digitize.tools import tesseract

GIVEN_NAME_CONF = 50.0
# a family name no list has is taken from a second reading that reads it this surely (Tesseract's 0..100)
SURE_FAMILY_CONF = SURE * 100
SMALL_LETTER = 16.0  # px: a signature block with smaller letters is read enlarged
MAX_UP = 3.0  # ... at most this many times
# ... and to at most this many pixels (a 300 dpi A4 block is ~1.6 Mpx; a huge page of tiny marks is not made
# a picture of hundreds of megapixels)
MAX_READ_PIXELS = 16_000_000


# the recipients' list's last line, "- Lưu: VT, …" (the file copy), its mark and the colon kept loosely, or
# read without its colon before "VT" ("~Lưu VT.", a shaken photo: seed 207 dev 006)
_LUU = re.compile(r"^\W{0,3}luu\s*(?:[:;]|vt\b)")
LIST_SPAN = 15  # line heights the recipients' list may run from the body's last line down to its "Lưu" line


def _list_end(lines: Sequence[Line]) -> tuple[float, float, bool] | None:
    """(top, line height, False) for a block read from above the recipients' list when its "Nơi nhận" line
    and the whole signature block were lost (a blurred photo, the seal beside the block: OCR took them for a
    picture) but the list's last line, "- Lưu: VT.", was read at the left: the top is the bottom of the
    body's last line above it (a line with surely read words reaching into the right half), so the block's
    title beside the list's first line is in the region and no body line is read again."""
    for k, ln in enumerate(lines):
        if not ln.boxed or not _LUU.match(ln.folded) or ln.x0 > 0.3 * ln.width:
            continue
        h = max(1.0, ln.y1 - ln.y0)
        body = [
            b
            for b in lines[:k]
            if b.boxed
            and b.page == ln.page
            and b.y1 <= ln.y0
            and max((w.box.x1 for w in b.words if w.conf >= 60), default=0.0) > 0.55 * b.width
        ]
        if not body:
            return None
        last = max(body, key=lambda b: b.y1)
        if ln.y0 - last.y1 > LIST_SPAN * h:
            return None
        return last.y1 + 2.0 * h, h, False
    return None


def _needs_pass(page: RecognizedPage) -> tuple[float, float, bool] | None:
    """(top, line height, False) of the "Nơi nhận" line when the signer is not readable from the first
    pass; on a page whose "Nơi nhận" was not read ("ơi nhọn.": a blurred photo) but whose signature block's
    title was, and no name under it, (top, line height, True) of that title line; on a page where neither
    was read but the list's last line was (``_list_end``), (top, line height, False) from the body's end."""
    lines = regions.lines_of(page)
    nn = list_line(lines)
    found = regions.signer_of(page)
    if nn is None:
        if not found.fields:
            return _list_end(lines)
        tl = title_line(lines) if found.value("signer_title") and not found.value("signer_name") else None
        if tl is None or not tl.boxed:
            return None
        return tl.y0, max(1.0, tl.y1 - tl.y0), True
    if found.value("signer_name") and found.value("signer_title"):
        return None
    return nn.y0, max(1.0, nn.y1 - nn.y0), False


def erase_seal(grey: np.ndarray, letter: float) -> np.ndarray:
    """The image with connected ink much bigger than a letter (a seal's ring and emblem) made paper."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [
        i
        for i in range(1, n)
        if stats[i, cv2.CC_STAT_HEIGHT] > 3.5 * letter and stats[i, cv2.CC_STAT_WIDTH] > 3.5 * letter
    ]
    if not big:
        return grey
    out = grey.copy()
    out[np.isin(labels, big)] = 255
    return out


def _variants(crop: np.ndarray, letter: float) -> Iterator[tuple[np.ndarray, bool]]:
    """The block as cut, then with a grey seal's lighter ink made paper (``regions.print_tone``: on a grey
    scan the seal's ring and letters are lighter than the print and the pen), then with the seal's big
    strokes erased: each made only when the one before gave no signer. With each, whether its name must be
    read surely: splitting a blurred photo's tones also thins the print's soft letters, which then read as
    other names ("Khương", "Minh Bánh" for "Dương Minh Bình", at confidence 45-74)."""
    yield crop, False
    if regions.no_ink(crop):
        # nothing there to read (``_read``), nor in a variant: the seal's tone taken out of a low-light
        # photo's dark paper split its grain in two, the half left read as ~700 junk words (seed 181 dev 002)
        return
    toned = regions.print_tone(crop)
    if toned is not None:
        yield toned, True
    yield erase_seal(crop, letter), False


def _read(
    image: np.ndarray,
    x0: float,
    y0: float,
    base: int,
    *,
    lang: str,
    dpi: int,
    timeout: float,
    up: float = 1.0,
) -> list[Word]:
    """The words of ``image`` (the page region at (x0, y0)), read enlarged ``up`` times (small letters of a
    low-resolution scan), their boxes in the page's frame; none from a region without ink (``regions.no_ink``:
    its paper's grain read as ~900 junk words in 7 CPU s, seed 167 handwritten alt 013; a low-light photo's
    dark paper as ~1200 in 3.8 s, dev 002)."""
    if regions.no_ink(image):
        return []
    if up != 1.0:
        image = cv2.resize(image, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
    tokens = tesseract.image_to_data(image, lang=lang, psm=6, dpi=round(dpi * up), timeout=timeout)
    return regions.page_words(tokens, x0, y0, scale=up, first_line=base, block=1000)


def enlargement(letter: float, width: int, height: int) -> float:
    """How many times a ``width`` x ``height`` region with letters ``letter`` px high is enlarged to be read:
    letters under ``SMALL_LETTER`` px (a scan at ~120 dpi) to ~``SMALL_LETTER`` px, at most ``MAX_UP`` times
    and to ``MAX_READ_PIXELS`` (never shrunk)."""
    if not letter > 0 or letter >= SMALL_LETTER:
        return 1.0
    room = math.sqrt(MAX_READ_PIXELS / max(1, width * height))
    return max(1.0, min(MAX_UP, SMALL_LETTER / letter, room))


def _signer_found(
    page: RecognizedPage,
    words: list[Word],
    title: str | None = None,
    *,
    sure: bool = False,
) -> bool:
    """The new words give a name led by a family name (and, when the first reading had a title, the same
    title or its deputy: a reading that loses "PHÓ" under the seal is not better); with ``sure``, every word
    of the name read at confidence >= ``SURE_FAMILY_CONF``. (A family name guessed from another word, "Tâm
    Công Tháng." for "Trần Công Thắng", is taken: ``read_signer`` gives it at most ``GUESSED_NAME_CONF``.)"""
    probe = replace(page, words=tuple(words), text="")
    found = read_signer(page_lines(probe))
    name = found.value("signer_name")
    if not _title_kept(title, found.value("signer_title")):
        return False
    if not name:
        return False
    head = str(name).split()[0]
    if fold(head) not in F_SURNAMES:
        # a family name the list lacks ("Ngụy", "Ksor"): taken only as read surely, never as a guess, and
        # before two more words (two given names alone, "Minh Nam" with the family name under the seal, are
        # no name)
        read = [wd.conf for wd in words if nfc(wd.text.strip(".,;:|!'\"()[]")) == head]
        if not read or max(read) < SURE_FAMILY_CONF or len(str(name).split()) < 3:
            return False
    # its given names read with some confidence: the seal's emblem read as "mạc, (ÉP" is no name
    given = {fold(g) for g in str(name).split()[1:]}
    confs = [wd.conf for wd in words if fold(wd.text.strip(".,;:|!'\"()[]")) in given]
    if sure:  # each word of the name read as it stands, surely (not a fixed guess, nor the title's "VĂN")
        read_as = [(fold(wd.text.strip(".,;:|!'\"()[]")), wd.conf) for wd in words]
        return all(any(f == fold(p) and c >= SURE_FAMILY_CONF for f, c in read_as) for p in str(name).split())
    return bool(confs) and min(confs) >= GIVEN_NAME_CONF


def _title_kept(title: str | None, second: object) -> bool:
    """A second reading's title (``second``) is the first reading's (``title``) or its deputy's (a reading
    that finds the "PHÓ" the first one lost under the seal is better; one that loses "PHÓ" or "KT." under it,
    "GIÁM ĐỐC" for "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", is not). Any title where the first reading had none."""
    return title is None or second == title or fold(str(second)) == "pho " + fold(title)


# the prefix words an earlier reading's title line must read as they stand, this surely (Tesseract's 0..100),
# for its title line to be taken
PREFIX_WORDS = frozenset({"q", "quyen", "pho", "kt"})
PREFIX_CONF = 50.0


def with_prefixed_title(page: RecognizedPage, words: list[Word], earlier: list[Word]) -> list[Word]:
    """The words of a reading that gave the signer, its title line taken from an earlier reading that read
    the same title with the acting or deputy's form ("Q. CỤC TRƯỞNG" → "Quyền Cục trưởng" where the later
    reading, with the seal's tone or strokes taken out, read "CỤC TRƯỞNG": a prefix lost, not a different
    title). Unchanged otherwise."""
    old_lines = page_lines(replace(page, words=tuple(earlier), text=""))
    new_title = read_signer(page_lines(replace(page, words=tuple(words), text=""))).value("signer_title")
    old_title = read_signer(old_lines).value("signer_title")
    line = title_line(old_lines)
    if not new_title or not old_title or line is None:
        return words
    if fold(str(old_title)) not in ("quyen " + fold(str(new_title)), "pho " + fold(str(new_title))):
        return words
    if not any(
        fold(wd.text.strip(".,;:|!'\"()[]")) in PREFIX_WORDS and wd.conf >= PREFIX_CONF for wd in line.words
    ):
        return words  # the prefix a speck made ("0." at 15, the seal's ring, taken for "Q."): no prefix read

    def on_line(wd: Word) -> bool:
        return line.y0 <= (wd.box.y0 + wd.box.y1) / 2 <= line.y1

    return [wd for wd in words if not on_line(wd)] + [wd for wd in earlier if on_line(wd)]


def _title_found(page: RecognizedPage, words: list[Word]) -> bool:
    """The new words give the signature block's title (a first reading that had none gains its block)."""
    probe = replace(page, words=tuple(words), text="")
    return bool(read_signer(page_lines(probe)).value("signer_title"))


def _name_line_found(page: RecognizedPage, words: list[Word], title: str | None = None) -> bool:
    """The new words give, under the signer's title, the name's line with its first words garbled (the seal's
    rim over the family name: "IÍ|yW I Đức Long" on a blurred photo, where the first reading had no line
    under the title at all): ``name_pass`` reads that line again on its own. Under the first reading's
    ``title`` or its deputy's, as ``_signer_found``: the block's words are replaced from the title's row on,
    and a reading that lost "KT." and "PHÓ" under the seal ("GIÁM ĐỐC" over "Mánh Đạt") would give a sure
    wrong title."""
    probe = replace(page, words=tuple(words), text="")
    lines = page_lines(probe)
    if doubtful_name_line(lines) is None:
        return False
    return _title_kept(title, read_signer(lines).value("signer_title"))


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 60.0
) -> RecognizedPage:
    """The page with its signature block read again when the first pass lost it."""
    found = _needs_pass(page)
    if found is None:
        return page
    top, line_h, by_title = found
    w, h = page.width, page.height
    # from 3 lines above the list (the body's last lines, read again and kept as first read), or from the
    # title found without the list
    above = 0.5 if by_title else 3.0
    x0, y0 = 0.45 * w, max(0.0, top - above * line_h)
    x1, y1 = w, min(h, top + 0.30 * h)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return page
    letter = regions.letter_height(page.words)
    if not letter > 0:  # words without height (or no number): no letter size to read the block at
        return page
    # the region at the scan's own resolution (the OCR image may have been scaled down for speed)
    crop = regions.cut(prepared, x0, y0, x1, y1)
    dpi = round(prepared.dpi / prepared.scale)
    up = enlargement(letter, crop.shape[1], crop.shape[0])
    base = max(wd.line for wd in page.words) + 1
    best: list[Word] = []
    titled: list[Word] = []
    named: list[Word] = []  # a reading with the name's line under the title, its family name garbled
    doubted: list[Word] = []  # a reading that must be sure and gave a name read less surely (voted)
    first_named = doubtful_name_line(regions.lines_of(page)) is not None
    first_title = regions.signer_of(page).value("signer_title")
    for image, toned in _variants(crop, letter):
        # placed by the title, a name is taken only as read surely; by the list's last line ("- Lưu: VT.",
        # "Nơi nhận" lost), one whose family name was guessed ("Tâm Công Tháng." (79) under "GIÁM ĐỐC" on a
        # blurred photo: "Trần Công Thắng") is taken at most GUESSED_NAME_CONF sure, to review
        sure = toned or by_title
        try:
            new = _read(image, x0, y0, base, lang=lang, dpi=dpi, timeout=timeout, up=up)
        except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
            break
        if _signer_found(page, new, first_title, sure=sure):
            best = new
            break
        if sure and not doubted and _signer_found(page, new, first_title):
            # "Ôn (96) Thị (97) Oai (81)" with the seal's tone taken out, where the block as cut read no name
            # and the seal's strokes erased read "Oai" alone (w687 alt 000): a name read, not surely enough
            # to take as read (thinned letters read as other names), nor to lose; its words voted, in doubt
            doubted = _voted_name(page, new)
        if first_title is None and not titled and _title_found(page, new):
            titled = new  # the block's title, its name still doubtful: the name pass may read it
        if not first_named and not named and _name_line_found(page, new, first_title):
            named = new
    if best and titled:
        best = with_prefixed_title(page, best, titled)
    # a reading that gives the name, in doubt (``doubted``), before one that only had the name's line with its
    # family name garbled (``named``, for the name pass to read again): a line no reading made a name of is
    # read no better alone (names58: u569 alt 013 kept "Ý anh Pọm" over "Tang Mạnh Pọm", w703 dev 006
    # "ĐinHĐãng Oai" over "Đỉnh Đăng Oai": no name either time)
    # — where that name's first word (its family name) was itself read at ``DOUBTED_LEAD_CONF`` at least: one
    # read lower is as likely a thinned letter read as another name ("Lưu" (55) of a "Nguyễn" the name pass
    # reads from the garbled line), and the line goes to the name pass as before (review of names58)
    if doubted and not _lead_read(doubted):
        best = best or titled or named or doubted
    best = best or titled or doubted or named
    if not best:
        return page  # the second reading found no signer either: keep the first

    # the first reading's words replaced: from the list's case, those from 2 lines into the crop; placed by
    # its title, the title's row on (the line above it is only partly in the crop: kept as first read, and
    # what the crop read of its lower edge left out)
    floor = top - 0.25 * line_h if by_title else y0 + 2 * line_h

    def inside(wd: Word) -> bool:
        cx, cy = (wd.box.x0 + wd.box.x1) / 2, (wd.box.y0 + wd.box.y1) / 2
        return x0 <= cx <= x1 and floor <= cy <= y1

    kept = [wd for wd in page.words if not inside(wd)]
    gone = [wd for wd in page.words if inside(wd)]
    voted = {id(wd) for wd in doubted if wd.voted}
    best = [
        _surer_marks(wd, gone) if id(wd) not in voted else replace(_surer_marks(wd, gone), voted=True)
        for wd in best
        if (wd.box.y0 + wd.box.y1) / 2 >= floor
    ]
    words = tuple(kept + best)
    return replace(page, words=words, text=page_text(words))


# the least confidence of a name's first word read with the seal's tone taken out (``doubted``) for that
# reading to go before the name pass's reading of a garbled name line (targets: "Tang" 66, "Đỉnh" 79)
DOUBTED_LEAD_CONF = 60.0


def _lead_read(words: Sequence[Word]) -> bool:
    """Whether the first word (in reading order) of the name ``_voted_name`` marked was read at
    ``DOUBTED_LEAD_CONF`` at least."""
    voted = sorted((w for w in words if w.voted), key=lambda w: (w.line, w.box.x0))
    return bool(voted) and voted[0].conf >= DOUBTED_LEAD_CONF


def _voted_name(page: RecognizedPage, words: list[Word]) -> list[Word]:
    """``words`` with those of the name they give (``read_signer``) voted (``Word.voted``: the name in doubt,
    whatever its words' confidence); none (no reading kept) where that name is under three words: a place
    under the title ("Hà Nội", "Phan Thiết") reads as a two-word name (review of signerlost55)."""
    name = read_signer(page_lines(replace(page, words=tuple(words), text=""))).value("signer_name")
    if len(str(name or "").split()) < 3:
        return []
    parts = {fold(p) for p in str(name or "").split()}
    title = title_line(page_lines(replace(page, words=tuple(words), text="")))
    below = title.y1 if title is not None else 0.0

    def of_name(wd: Word) -> bool:
        return fold(wd.text.strip(_NAME_MARKS)) in parts and (wd.box.y0 + wd.box.y1) / 2 > below

    return [replace(wd, voted=True) if of_name(wd) else wd for wd in words]


def _same_place(a: Box, b: Box) -> bool:
    """Each box's centre lies inside the other: two readings of one word (a box a pass drew loose, taller
    or as wide as its line, holds the other's centre, but its own centre then lies outside a word's box)."""

    def within(box: Box, x: float, y: float) -> bool:
        return box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1

    return within(a, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2) and within(b, (a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2)


def _surer_marks(new: Word, gone: Sequence[Word]) -> Word:
    """A word of the block read again, with the marks the page's earlier reading of the same word (its box,
    its letters marks aside) gave it where that reading was surer and sure (``SURE_WORD_CONF``): the block's
    reading replaces the words of a region, not a word read well with a worse reading of it ("Huỳnh Văn
    Quảng" (96, 97, 97) read by the dropped lines' pass, then "Huynh Vân Quảng" (87, 64, 89) by the block's:
    seed k907 dev 008, whose block had no title until then). Only an earlier word a list has as a name's
    (``_listed_word``): "Vấn" (96) first, "Văn" (92) again is no name's marks to restore (seed k909 dev 007,
    "Huỳnh Văn Nhơn" then voted "Vân"). Where both readings are listed names' words ("Hùng" (91) first,
    "Hưng" (88) again), the two disagree on which name it is and a few points of confidence tell not which:
    the surer one's marks are kept, the word ``voted`` (its name in doubt; review of marks54)."""
    letters = fold(new.text)
    for old in gone:
        if (
            old.text != new.text
            and fold(old.text) == letters
            and old.conf >= SURE_WORD_CONF * 100
            and old.conf > new.conf
            and _listed_word(old.text)
            and _same_place(old.box, new.box)
        ):
            rival = _listed_word(old.text) and _listed_word(new.text)
            return replace(new, text=old.text, conf=old.conf, read=old.read, voted=old.voted or rival)
    return new


def _listed_word(text: str) -> bool:
    """A word of a name any list has, a family or a given name's ("Hùng", "Hưng", "Văn", "Vân")."""
    word = nfc(text.strip(_NAME_MARKS))
    return word in NAME_SYLLABLES or word in SURNAMES


NAME_SCALES = (1.0, 1.5, 2.0)
NAME_CUTS = ((1.0, 0.2), (0.5, 0.25))  # (left margin, top/bottom margin) in line heights


def _unglued(token: str) -> list[str]:
    """A word of two glued by the seal's ring across the space between them split in two: a capitalised
    head of two letters or more (the family name, its last letter maybe garbled) then, after marks or at a
    capital right after a small letter, a capitalised tail ("Đinb#Ñgọc", "ĐinbẤgọc" → "Đinb", "Ñgọc"/"Ấgọc"
    for "Đinh Ngọc"). Any other word (one read whole, a syllable) as it is."""
    bare = nfc(token.strip(".,;:|!'\"()[]"))
    if not bare[:1].isupper() or is_syllable(bare):
        return [token]
    cut = next((i for i in range(2, len(bare)) if bare[i - 1].islower() and not bare[i].islower()), None)
    if cut is None:
        return [token]
    head, tail = bare[:cut], bare[cut:]
    tail = tail[next((i for i, ch in enumerate(tail) if ch.isalnum()), len(tail)) :]
    if _stray_end(head):
        # "HồxVến": a family name read whole, then a letter no word ends in, right before the next word's
        # capital: the seal's lettering over the space between them read as a letter, not the head's own
        head = head[:-1]
    if _ring_between(bare, head, tail) and (whole := _capital_under_marks(tail)) is not None:
        return [head, whole]  # "Ninb#€hánh": the ring's marks where the "K" of "Khánh" stood
    capitalised = len(tail) >= 2 and tail[0].isupper() and tail[1:].islower()
    if not (head.isalpha() and tail.isalpha() and capitalised):
        return [token]
    return [head, tail]


def _stray_end(head: str) -> bool:
    """A glued word's head that is a listed family name read whole ("Hồ") and one more letter no Vietnamese
    word ends in (``NO_FINAL``: "Hồx", "Hồs"), no family name of its length beginning as it does: that letter
    is the seal's (its lettering over the space after the family name), not the family name's last letter
    garbled ("Hàs" may be "Hàn": left as read)."""
    stem = head[:-1]
    if len(head) < 3 or head[-1] not in NO_FINAL or stem not in SURNAMES or is_syllable(head):
        return False
    return not any(len(v) == len(head) and v.startswith(stem) for v in SURNAMES)


# a speck inside a word ("Tr'ịnh", "Kh.anh"): a dot of dust or ink, not the seal's ring over a space
_SPECKS = frozenset(".,'`’‘:;-")
GLUED_HEAD = 3  # letters at least of a family name read glued before a word whose capital the ring took


def _ring_between(bare: str, head: str, tail: str) -> bool:
    """The marks between ``head`` and ``tail`` of the word ``bare`` are the seal's ring over the space between
    two words of a name: the head a family name of ``GLUED_HEAD`` letters or more (its last letter maybe
    garbled: "Ninb" of "Ninb#€hánh", ``surname_of``), the marks more than a speck (``_SPECKS``), and head
    and tail together, the marks aside, no word of their own ("Tr'ịnh" is "Trịnh", "Tr'iệu" "Triệu")."""
    marks = bare[len(head) : len(bare) - len(tail)]
    if not (head.isalpha() and len(head) >= GLUED_HEAD and marks) or (len(marks) == 1 and marks in _SPECKS):
        return False
    joined = head + tail
    if is_syllable(joined) or fold(joined) in F_SURNAMES:
        return False
    return surname_of(head) is not None


# the list's common names (its first part, before the less common ones it grew with): of the names a word's
# letters after a lost capital allow, the one guessed ("hánh": "Khánh", not "Chánh")
COMMON_NAME_SYLLABLES = frozenset(NAME_SYLLABLES[: NAME_SYLLABLES.index("Ân")])
LOST_CAPITAL_TAIL = 3  # small letters at least after the ring's marks that may tell the word they end


def _capital_under_marks(tail: str) -> str | None:
    """The name's word a glued word's second half stands for when the seal's ring took its capital whole,
    read as marks (``_unglued``: "Ninb#€hánh", the ring across "h K" of "Ninh Khánh"): its small letters
    (``LOST_CAPITAL_TAIL`` at least) after a lost first letter are one listed name's, or one common name's
    of several ("hánh": Khánh, Chánh). A guess: the name pass gives what it reads in doubt. None otherwise,
    and for small letters that are a listed name themselves, its capital maybe read small ("anh": Anh or
    Oanh, "hải": Hải or Khải)."""
    if len(tail) < LOST_CAPITAL_TAIL or not (tail.isalpha() and tail.islower()):
        return None
    if tail[0].upper() + tail[1:] in NAME_SYLLABLES:
        return None  # "anh" may be "Anh" read small as well as "Oanh" its capital lost: no guess
    hits = [s for s in NAME_SYLLABLES if len(s) == len(tail) + 1 and s[1:] == tail]
    if len(hits) > 1:
        hits = [s for s in hits if s in COMMON_NAME_SYLLABLES]
    return hits[0] if len(hits) == 1 else None


def _capital_lost(word: str, *, middle: bool = False) -> str:
    """A capitalised word that is no syllable because its capital was garbled ("Ñgọc", "Ẫgọc": the ring over
    the "N"): the one name syllable with the same letters after the first, marks kept ("Ngọc"); of several,
    for a ``middle`` word, the one common middle name among them ("Xhị", "Zhị": "Thị", not "Nhị":
    ``name_form``); else as it is."""
    first = unicodedata.normalize("NFD", word[:1])
    # (a mark over a consonant, "Ñ", is no Vietnamese letter, though the syllable check reads past it)
    foreign = len(first) > 1 and first[0].lower() not in "aeiouy"
    if not word[:1].isupper() or len(word) < 3 or not word[1:].islower():
        return word
    if is_syllable(word) and not foreign:
        return word
    hits = sorted(s for s in NAME_SYLLABLES if len(s) == len(word) and s[1:] == word[1:])
    if len(hits) > 1 and middle:
        # only the one common middle name among them; with none or several ("Zuấn": Huấn, Tuấn) it stays
        hits = [h for h in hits if h in MIDDLE_NAMES]
    return hits[0] if len(hits) == 1 else word


def _ring_glued(token: str, parts: list[str]) -> bool:
    """The word ``token``, split in ``parts`` (``_unglued``), shows the ring's marks where it was glued: marks
    between its two words ("Đoàp#Ấgọc"), or the second's capital garbled ("Ấgọc", ``_capital_lost``)."""
    head, tail = parts
    return len(nfc(token.strip(".,;:|!'\"()[]"))) > len(head) + len(tail) or _capital_lost(tail) != tail


# a word of three letters or more, then maybe the ring's marks and a letter: its last letter under the ring
_END_LOST = re.compile(r"([^\W\d_]{3,})((?:[^\w\s]|_)+[^\W\d_]?)?")

# letters no Vietnamese syllable ends in (its finals: c, ch, m, n, ng, nh, p, t and the vowels): a word read
# ending in one has its last letter garbled
NO_FINAL = frozenset("bdđfjklqrsvwxz")


def _ring_over_end(letters: str) -> str | None:
    """The family name a word stands for whose last letters the seal's ring crossed, read as one letter with
    the ring's marks after it ("Hoàp#" for "Hoàng": a bitonal seal's ring through the "ng", in four readings
    of the name's line of twelve, seed 439 dev 008): its letters before that one, ``GLUED_HEAD`` at least and
    one of them marked, begin exactly one family name, a longer one. None otherwise (a head without a mark:
    "Tra" begins Trần, Trang, Triệu … alike; a head that is a family name whole, "Lâm" of "Lâmp#"), and for
    a word read whole, a syllable ("Diệu" of "DiệuẤgọc" is that given name, no "Diệp")."""
    head = letters[:-1].lower()
    if len(head) < GLUED_HEAD or fold(head) == head.replace("đ", "d") or is_syllable(letters):
        return None
    hits = {v for v in SURNAMES if v.lower().startswith(head) and len(v) > len(head)}
    return hits.pop() if len(hits) == 1 else None


# the letters of Vietnamese words (its alphabet: no f, j, w, z) and the marks they take, on the vowels only
_VIETNAMESE_LETTERS = frozenset("abcdeghiklmnopqrstuvxy")
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _ring_through(token: str) -> str | None:
    """The family name a capitalised word stands for whose later letters the seal's ring crossed, read as
    glyphs no Vietnamese word has (a letter not of its alphabet, "z", "Š", "ø", or a mark it has not, "ä"):
    its letters up to the first such glyph (a vowel's own letter kept, its mark the ring's: "ä" the "à"),
    ``GLUED_HEAD`` at least, one of them marked, begin exactly one family name, a longer one, marks aside
    ("HoäyŠ", "HoãzŠ" for "Hoàng", the ring across its "àn": seed 443 dev 011). None otherwise (a head
    without a mark: "Tra" of "Trazš"; a word of Vietnamese letters only is ``surname_by_head``'s and
    ``surname_by_end``'s; "Hos" of "Hošä#6" begins none)."""
    word = nfc(token.strip(_NAME_MARKS))
    if not word[:1].isupper() or is_syllable(word):
        return None
    head, marked = "", False
    for ch in word:
        parts = unicodedata.normalize("NFD", ch.lower())
        base, marks = parts[:1], parts[1:]
        vietnamese = ch in "đĐ" or (
            base in _VIETNAMESE_LETTERS
            and all(m in _VIETNAMESE_MARKS for m in marks)
            and (not marks or base in _VOWEL_LETTERS)
        )
        marked = marked or ch in "đĐ" or (bool(marks) and base in _VOWEL_LETTERS)
        if vietnamese:
            head += ch
            continue
        if base in _VOWEL_LETTERS:
            head += base  # (the vowel under the ring: its letter read, its mark the ring's)
        break
    else:
        return None  # no glyph of the ring's in it
    if len(head) < GLUED_HEAD or not head.isalpha() or not marked:
        return None  # (a head without a mark, "Tra" of "Trazš", begins names no list holds too)
    hits = {v for v in SURNAMES if fold(v).startswith(fold(head)) and len(v) > len(head)}
    if len(hits) > 1:
        # "DươzŠ" (seed 707 dev 009, a bitonal scan, the ring across "ng" of "Dương"): Dương, not Đường, which
        # folds alike: the marked letters read tell ("ơ", not "ờ"); "DoàzŠ" (Đoàn, its bar lost) is no
        # "Doãn". The first letter only where the marks tell not; a name the marks tell whose first letter
        # is not the one read ("D" for "Đoàn", "Đ" for "Dương") is no reading (a bar lost or a stroke read)
        marked_alike = {v for v in hits if _marks_agree(head, v)}
        hits = {v for v in marked_alike if v[0].casefold() == head[0].casefold()}
        if len(marked_alike) == 1 and not hits:
            return None
    return hits.pop() if len(hits) == 1 else None


def _marks_agree(head: str, name: str) -> bool:
    """Each letter of ``head`` read with a mark (a tone, a hat, a horn, a breve; the bar of "Đ" aside) is the
    letter of ``name`` at its place, marks and all."""
    for h, n in zip(head.casefold().replace("đ", "d"), name.casefold().replace("đ", "d"), strict=False):
        if len(unicodedata.normalize("NFD", h)) > 1 and h != n:
            return False
    return True


def _name_of(tokens: list[str], given: list[str], *, taken: bool = True) -> str | None:
    """One reading's name (``_name_read``), with the given names the first reading had."""
    read = _name_read(tokens, given, taken=taken)
    return None if read is None else read[0]


def _name_read(tokens: list[str], given: list[str], *, taken: bool = True) -> tuple[str, list[str]] | None:
    """A person's name from one reading of the name line (``_listed_name_read``), or else one led by a family
    name no list has, read whole (``_unlisted_name_read``)."""
    return _listed_name_read(tokens, given, taken=taken) or _unlisted_name_read(tokens, given, taken=taken)


def _unlisted_name_read(
    tokens: list[str], given: list[str], *, taken: bool = True
) -> tuple[str, list[str]] | None:
    """A reading's name led by a family name no list has, read whole as its first word before two words or
    more ("Yên Nhật Long" in every reading of w683 dev 007's name line: "Yên" is no listed family name, nor
    the tail "yễn" of "Nguyễn"; ``signer.unlisted_lead``), where no listed family name gave one: not a head
    glued to the next word ("TiênNgọc"), nor one whose end the ring garbled ("Khúy", "Phạp": a listed family
    name by its head, ``surname_by_end``), nor junk before a name led by a listed family name read as printed
    (``led_already``). Its given names the first reading's, as ``_listed_name_read``'s; the vote and review
    weigh it (the name pass gives it at the vote's confidence: in doubt)."""
    tokens, marked = _after_marks(tokens)
    if len(tokens) < 3 or len(_unglued(tokens[0])) > 1:
        return None
    tok = tokens[0]
    if not unlisted_lead(tok) or surname_by_end(tok) or surname_by_head(tok) or _ring_through(tok):
        return None
    if led_already(tok, tokens[1:], True) or not given:
        return None
    rest = [t for t in (t.strip(".,;:|!'\"()[]") for t in tokens[1:]) if t]
    rest = [
        _capital_lost(t[0] + t[1:].lower() if t.isupper() else t, middle=i < len(rest) - 1)
        for i, t in enumerate(rest)
    ]
    for i in range(len(rest) - 1 if taken else 0):
        if (capital := _capital_taken(rest[i], marked[1 + i])) is not None:
            rest[i] = capital  # "Ôn #hư Nhuệ": the ring over the "N" of "Như"
    sur = nfc(tok.strip(".,;:|!'\"()[]"))
    if (
        "" in rest
        or len(rest) < len(given)
        or not well_formed([sur, *rest])
        or not all(r[:1].isupper() and (len(r) == 1 or r[1:].islower()) for r in rest)
        or [fold(w) for w in rest[-len(given) :]] != [fold(g) for g in given]
    ):
        return None
    return " ".join([sur, *rest[: len(rest) - len(given)], *given]), rest[-len(given) :]


# given names the first reading had after which a lone letter before them is the ring's arc, not a word: with
# the family name, a name of four words, the longest a name has here
RING_LETTER_GIVEN = 3


def _ring_letter_dropped(rest: list[str], given: Sequence[str]) -> list[str]:
    """The words a reading has after its family name, a lone capital that is no syllable ("G", "C": the
    seal's ring arc crossing the gap between the family name and the given names, read as a letter) left
    out when the words after it are the ``RING_LETTER_GIVEN`` given names or more the first reading had:
    the name is whole without it ("Ẩ Quan G Phú Nhật Đạt", k915 alt 003: the ring's arc before and after
    "Quan"). With fewer given names that letter may be a middle word the ring garbled ("Nguyễn G Hòa Bình"
    for "Nguyễn Văn Hòa Bình"): kept, the reading gives no name."""
    if (
        len(given) >= RING_LETTER_GIVEN
        and len(rest) == len(given) + 1
        and len(rest[0]) == 1
        and rest[0].isupper()
        and not is_syllable(rest[0])
        and [fold(w) for w in rest[1:]] == [fold(g) for g in given]
    ):
        return rest[1:]
    return rest


def _listed_name_read(
    tokens: list[str], given: list[str], *, taken: bool = True
) -> tuple[str, list[str]] | None:
    """A person's name from one reading of the name line: from the first word that stands for a family name
    (garbled ones repaired by ``surname_of``; a whole lower-case syllable other than the family name's own
    is another word, not a garbled name; two words glued by the ring split, ``_unglued``) on, every later
    word a valid syllable (one whose capital the ring garbled repaired, ``_capital_lost``); its given names
    must be the ones the first reading had (the words the seal left clear, kept as first read), so nothing
    is invented. ``taken``: a middle word whose capital the ring took is guessed (``_capital_taken``)."""
    # (the marks a blur or the seal's text left at a word's ends, "“Tuyết", taken off; marks alone no word)
    tokens, marked = _after_marks(tokens)
    split = [_unglued(tok) for tok in tokens]
    marked = [m and j == 0 for parts, m in zip(split, marked, strict=True) for j in range(len(parts))]
    heads = {sum(map(len, split[:i])) for i, parts in enumerate(split) if len(parts) > 1}  # glued heads
    # ... of them, those the ring left its marks on the glue of: marks between the two words, or the next
    # word's capital garbled ("ĐoàyẤgọc", "Đoàp#Ấgọc"; not "DiệuLinh", two words read whole run together)
    rung = {
        sum(map(len, split[:i]))
        for i, parts in enumerate(split)
        if len(parts) > 1 and _ring_glued(tokens[i], parts)
    }
    # the second words of the glued ones: the ring over the space may have taken their capital whole
    split_tails = {sum(map(len, split[: i + 1])) - 1 for i, parts in enumerate(split) if len(parts) > 1}
    tokens = [part for parts in split for part in parts]
    for k, tok in enumerate(tokens):
        sur = surname_of(tok) or surname_by_head(tok)
        if sur is not None and _words_apart(tok):
            sur = None  # "Đàr)⁄“ạnh" (the ring across "m M" of "Đàm Mạnh") is no "Danh": two words garbled
        # a head the ring glued to the next word: its last letter under the ring ("Đoày" of "ĐoàyẤgọc"); or a
        # word ending in a letter no Vietnamese word ends in ("Khúw", "Khús" for "Khúc": the seal's ring over
        # the "c"), not in one a word may end in ("Đoày" alone is read as it is)
        # ... or a head glued to the next capitalised word where no family name (of any list) nor a word the
        # language uses was read (a word read whole, "Trầm" of "TrầmHương", is that word): the ring across
        # the space took it and misread the letter beside it into one a word may end in ("Phạp" of
        # "PhạpHồng" for "Phạm Hồng", every reading of seed 873 dev 005's bitonal name line)
        head_read = nfc(tok.strip(".,;:|!'\"()[]"))
        glued_head = k in heads and head_read not in OTHER_SURNAMES and not correct.common(head_read.lower())
        end_garbled = k in rung or glued_head or nfc(tok.strip(".,;:|!'\"()[]"))[-1:].lower() in NO_FINAL
        by_end = surname_by_end(tok) if sur is None and end_garbled else None
        lost = _END_LOST.fullmatch(nfc(tok)) if sur is None and by_end is None else None
        if lost is not None and (lost.group(2) or k in heads):
            # the ring over its last letter and the space after it: the letter read as marks ("Khú#", "Khú#Z"
            # for "Khúc") or not at all, the word glued to the next ("KhúKhánh"): the one family name its
            # letters (three at least, one marked) begin, a letter longer
            by_end = surname_by_end(lost.group(1) + "x")  # (the lost letter as any letter)
            if by_end is None and (lost.group(2) or k in rung):
                by_end = _ring_over_end(lost.group(1))  # "Hoàp#": "ng" under the ring read "p" and marks
        through = sur is None and by_end is None
        sur = sur or by_end or _ring_through(tok)
        if sur is None:
            continue
        if led_already(tok, tokens[k + 1 :], k in heads or rare_family(tok)):
            continue  # "mùa", "Vàng" before "Nguyễn Thị Hà"; "Hà" glued to "Đinh Ngọc Mai": junk before it
        bare = nfc(tok.strip(".,;:|!'\"()[]"))
        # the marked tail of one family name, its capital under the rim ("rương": the "T" of "Trương" lost),
        # a word of its own or not, is that family name
        tail = surname_by_tail(bare) == sur
        if bare[:1].islower() and bare.isalpha() and is_syllable(bare) and bare != sur.lower() and not tail:
            continue  # a word read whole in lower case ("vần", "vân" from the rim) is that word, not "Văn"
        whole = bare.isalpha() and is_syllable(bare)
        if whole and fold(bare) not in F_SURNAMES and by_end is None and not tail:
            continue  # a name's word read whole ("Ngọc" after the ring's marks) is that word, not "Ngô"
        # the letters glued after the family name in its word ("Tăngông", "Thái)ZỐng": the ring over the space
        # and the next word's capital): a word of the name, never dropped
        glued = _glued_after(bare, sur)
        if glued is None and through:
            glued = _middle_after_ring(bare, sur)  # "Đoà%⁄fhị": the ring across "n T" of "Đoàn Thị"
        if glued is None and _word_after_ring(bare, sur):
            # "ĐặnZ“hác" (the ring across "g K" of "Đặng Khắc Mậu", wide seed 615 alt 005): the small
            # letters after the ring's marks are a word of the name, which no list tells: this reading gives
            # no name rather than one that lost a word ("Đặng Mậu")
            glued = _middle_after_ring(bare, sur) or ""
        if glued == "":
            return None  # a word the ring garbled past telling: this reading gives no name
        lead: list[str] = []
        if k and glued is None and unlisted_words_lead(tokens[:k], bare):
            # "Hoa Đăng Sảng": a middle name with marks no listed family name has, after capitalised syllables
            # read whole: those lead the name (a family name no list has), the word kept as read
            lead, sur = [nfc(t) for t in tokens[:k]], bare
        rest = [t for t in (t.strip(".,;:|!'\"()[]") for t in tokens[k + 1 :]) if t]
        if taken:  # (a guess, as a capital taken is: ``name_pass`` weighs it as one)
            rest = _ring_letter_dropped(rest, given)
        rest = [
            _capital_lost(t[0] + t[1:].lower() if t.isupper() else t, middle=i < len(rest) - 1)
            for i, t in enumerate(rest)
        ]
        for i in range(len(rest) - 1 if taken else 0):
            if (capital := _capital_taken(rest[i], marked[k + 1 + i])) is not None:
                rest[i] = capital  # "Đinh '. hu Lan", "Phan #ữu Nam": the ring over the middle name's capital
            elif (inside := _ring_inside(rest[i])) is not None:
                rest[i] = inside  # "P:.ương", "Xếiân": the ring across the middle name's second letters
            elif (vowel := _middle_vowel_garbled(rest[i])) is not None:
                rest[i] = vowel  # "Hồ Đếc Phong": the ring's stroke through the "ứ" of "Đức"
        for i in range(len(rest)):
            if k + 1 + i in split_tails and i < len(rest) - 1:
                rest[i] = _lost_head(rest[i])  # "Ống" after "Thái)#": a middle name's capital under the ring
                if k + i in rung and rest[i] not in NAME_SYLLABLES:
                    # the seal's marks that glued it to the word before ran on over its vowel ("HồxVến",
                    # "HồsVến": the seal's lettering over "Vă" of "Văn"): the one listed name of its
                    # consonants, a guess the readings' vote and review weigh
                    rest[i] = _vowel_garbled(rest[i], middle=True) or rest[i]
        if glued is not None:
            rest.insert(0, glued)
        if "" in rest:
            return None
        words = [*lead, sur, *rest]
        if (
            not well_formed(words)
            or not rest
            or not all(r[:1].isupper() and (len(r) == 1 or r[1:].islower()) for r in rest)
        ):
            return None  # (a word of mixed case, "ĐẾNh": the seal's marks read over letters, no name's word)
        if not given or [fold(w) for w in rest[-len(given) :]] != [fold(g) for g in given]:
            return None
        # the first reading's given names (the readings vote on the name as the seal left it; a tone mark
        # this reading has on them is ``_tones_read``'s to weigh, over all the readings)
        return " ".join([*lead, sur, *rest[: len(rest) - len(given)], *given]), rest[-len(given) :]
    return None


def _toneless(word: str) -> str:
    """A word without its tone mark (its other marks, "ă", "ơ", "đ", kept)."""
    return nfc("".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in TONE_MARKS))


def _tones_read(name: str, first: Sequence[Word], reads: Sequence[Sequence[str]], *, blurred: bool) -> str:
    """The voted ``name`` with a given name the first reading had without a tone mark (``first``, its words
    as read) taken with the one most of the name pass's readings that gave a name (``reads``: the given
    names each read) read there: a listed name, all its other letters and marks alike ("Khanh" first read
    on a blurred photo, "Khánh" read again: seed 491 alt 010; a blur loses a tone mark far oftener than it
    makes one). Only where the first reading doubted its word (below ``GIVEN_NAME_CONF``), or, on a blurred
    page, read a word no listed name is: a listed name without a mark ("Dung", "Thanh", "Ly") read surely
    stays as read, whatever a seal's speck or halo made of it on some re-read crops (REVIEW-41b F2)."""
    words = name.split()
    if not reads or len(first) > len(words):
        return name
    start = len(words) - len(first)
    for i, wd in enumerate(first):
        given = words[start + i]
        if tone_place(given) or not (wd.conf < GIVEN_NAME_CONF or (blurred and given not in NAME_SYLLABLES)):
            continue
        count = Counter(r[i] for r in reads if len(r) == len(first))
        marked = [(n, m) for m, n in count.items() if m != given and _toneless(m) == given]
        if not marked:
            continue
        n, mark = max(marked)
        if mark in NAME_SYLLABLES and tone_place(mark) and 2 * n > len(reads):
            words[start + i] = mark
    return " ".join(words)


# letters, the ring's marks (more than a speck), letters: two words of a name the ring ran together
# (from a run's start, possessive: linear on a word of thousands of letters, REVIEW-34 L3)
_APART = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}+((?:[^\w\s]|_)++)[^\W\d_]{2}")


def _words_apart(token: str) -> bool:
    """A token of two runs of letters (two at least each) with the seal's ring's marks between them, more than
    a speck (``_SPECKS``): "Đàr)⁄“ạnh", the ring across "m M" of "Đàm Mạnh" (seed 379 alt 006). Its letters
    together are no family name, though they may come close to one ("Đàrạnh": "Danh", a name of 0.50 no
    one bore); its own family name is the head's, told only when ``_unglued`` split it. Not "Tr'ịnh" (a
    speck) nor a family name's letters with marks inside."""
    m = _APART.search(nfc(token))
    if m is None or (len(m.group(1)) == 1 and m.group(1) in _SPECKS):
        return False
    return fold(re.sub(r"[^\w]|[\d_]", "", token)) not in F_SURNAMES


def _on_names_row(tokens: list[tesseract.Token], given: list[str]) -> list[tesseract.Token]:
    """One reading's words without those wholly above the row of the given names it read (the words the seal
    left clear): the seal's own letters over the name, read beside its family name and so, by their left
    edge, in it ("Trượy6 UY Thu Hạnh", "Trượy TAY, Thu Hạnh": the "ỦY" of the seal's "ỦY BAN" over
    "Trương", seed 379 dev 003). As read without a given name in it."""
    want = {fold(g) for g in given}
    clear = [t for t in tokens if fold(nfc(t.text).strip(_NAME_MARKS)) in want]
    if not clear:
        return tokens
    top = min(t.top for t in clear)
    return [t for t in tokens if t.top + t.height > top]


def _after_marks(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """A reading's words, the marks at their ends taken off and marks alone dropped, and for each whether the
    seal's ring's marks stood right before it (marks alone before it, or at its start): "Đinh '. hu Lan",
    "Phan #ữu Nam" (seeds 377 dev 007, 387 dev 006: the ring over the "T" of "Thu", the "H" of "Hữu"). A
    capital read apart right before small letters that are no syllable is that word's capital, garbled: the
    two one word ("Lục Y uang Vĩnh": the ring across the "Q" of "Quang", seed 393 alt 008)."""
    words: list[str] = []
    marked: list[bool] = []
    after = False
    for t in tokens:
        bare = t.strip(_NAME_MARKS + "„«»‹›")
        if not any(ch.isalnum() for ch in bare):  # (marks alone, any: "”.¬\"" after "Hiếu", the seal's)
            after = True
            continue
        if (
            words
            and len(words[-1]) == 1
            and words[-1].isupper()
            and bare.isalpha()
            and bare.islower()
            and not is_syllable(bare)
        ):
            words[-1] += bare
        else:
            words.append(bare)
            marked.append(after or not t[:1].isalnum())
        after = False
    return words, marked


# letters at least of a middle word read after the ring's marks that may tell the name whose capital it took
CAPITAL_TAKEN_TAIL = 2


def _capital_taken(word: str, marked: bool) -> str | None:
    """A middle word of small letters whose capital the seal's ring took: read right after the ring's marks
    (``marked``, ``_after_marks``; marks glued at its start, "#ữu"), or no syllable ("uang"): the one common
    middle name (``_lost_head``) or else the one name (``COMMON_NAME_SYLLABLES`` of several) with its letters
    after a lost first letter ("hu": "Thu"; "ữu": "Hữu"; "uang": "Quang"); "" when none or several ("ạnh":
    Mạnh or Hạnh), the reading giving no name. A guess: the name pass gives what it reads in doubt, by the
    readings' vote. None for any other word (capitalised, or a small syllable read without marks before it:
    another word)."""
    letters = re.sub(r"^[\W\d_]+", "", word)
    if len(letters) < CAPITAL_TAKEN_TAIL or not (letters.isalpha() and letters.islower()):
        return None
    if not (marked or letters != word or not is_syllable(letters)):
        return None
    if middle := _lost_head(letters, lost=True):
        return middle
    hits = [s for s in NAME_SYLLABLES if len(s) == len(letters) + 1 and s[1:] == letters]
    if len(hits) > 1:
        hits = [s for s in hits if s in COMMON_NAME_SYLLABLES]
    return hits[0] if len(hits) == 1 else ""


RING_INSIDE_TAIL = 2  # small letters at least ending a middle word the ring crossed that may tell the name


def _ring_inside(word: str) -> str | None:
    """A middle word the seal's ring crossed after its capital, read as marks or other letters there
    ("P:.ương", "PWương" for "Phương"; "Xếiân", "X6iân" for "Xuân": the ring across its second letters, seeds
    467 alt 012, 465 alt 000): its capital as read and its small letters at the end (``RING_INSIDE_TAIL`` at
    least, the longest run that ends a listed name) are exactly one listed name's, no longer than the word
    read. A guess (the name pass's readings vote on it and it goes to review). None for a syllable, a word
    without a capital, or one whose letters fit no name or several ("T#nh": Thành, Thịnh …)."""
    if len(word) < 3 or not word[:1].isupper() or not word[:1].isalpha() or is_syllable(word):
        return None
    for j in range(1, len(word) - RING_INSIDE_TAIL + 1):
        tail = word[j:]
        if not (tail.isalpha() and tail.islower()):
            continue
        hits = [
            s
            for s in NAME_SYLLABLES
            if s[0] == word[0] and s.endswith(tail) and len(tail) < len(s) <= len(word)
        ]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def _middle_after_ring(bare: str, surname: str) -> str | None:
    """The middle name whose end a family name's word the seal's ring crossed ends in (``_ring_through``:
    its head the family name's, then the ring's glyphs, then small letters): the longest run of small
    letters ending the word (``CAPITAL_TAKEN_TAIL`` at least) that ends exactly one common middle name
    (``MIDDLE_NAMES``), longer than it ("Đoà%⁄fhị": "hị", "Thị"; seed 491 dev 008, the ring across "n T" of
    "Đoàn Thị Ngân"). A guess the readings' vote and review weigh; None when no run tells one. Nor when the
    run may be the family name's own end (``surname``): it ends in the letters the head still lacks of it
    ("nh" of "Huỳnh" after "Huỳ"), or the family name ends in the run's last two letters ("Hoà⁄ang":
    "Hoàng"'s "ng", no "Quang"; REVIEW-41b F1): a middle name lost under the ring is not told from them."""
    have = 0
    while have < min(len(bare), len(surname)) and fold(bare[have]) == fold(surname[have]):
        have += 1
    lacking = fold(surname[have:])
    for j in range(1, len(bare) - CAPITAL_TAKEN_TAIL + 1):
        tail = bare[j:]
        if not (tail.isalpha() and tail.islower()):
            continue
        if (lacking and fold(tail).endswith(lacking)) or fold(surname).endswith(fold(tail[-2:])):
            return None  # (the family name's own letters, or a middle name's: not told)
        hits = [m for m in MIDDLE_NAMES if m.lower().endswith(tail) and len(m) > len(tail)]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


_AFTER_RING = re.compile(r"(?:[^\w\s]|_|\d)+([^\W\d_]{2,})$")


def _word_after_ring(bare: str, surname: str) -> bool:
    """A family name's word ends, after glyphs of the seal's ring (marks, digits), in small letters
    (``CAPITAL_TAKEN_TAIL`` at least) that are no letters the family name still lacks after its head read
    ("Đặn)#“hác": "hác" of a next word; not "Hoà⁄ang", "ang" the end of "Hoàng", REVIEW-41b F1): a word of
    the name crossed by the ring."""
    after = _AFTER_RING.search(bare)
    if after is None or not after.group(1).islower() or len(after.group(1)) < CAPITAL_TAKEN_TAIL:
        return False
    tail = fold(after.group(1))
    head = bare[: after.start()]
    have = 0
    while have < min(len(head), len(surname)) and fold(head[have]) == fold(surname[have]):
        have += 1
    lacking = fold(surname[have:])
    if len(tail) < 3 or len(tail) <= len(lacking):
        # "Huỳ#rh", "Hoà#ug", "Phạ#nn", "Lê)#ii": two small letters, or no more than the family name still
        # lacks, are the ring's misreading of its own end (REVIEW-42f): no room for another word
        return False
    own_end = bool(lacking) and (tail.endswith(lacking) or lacking.endswith(tail))
    return not own_end and not fold(surname).endswith(tail[-2:])


def _glued_after(bare: str, surname: str) -> str | None:
    """The word glued after the family name ``surname`` in the word ``bare`` (its letters up to the end of
    the family name's, marks aside, then two letters or more): the middle name it stands for ("ông" of
    "Tăngông" → "Công", ``_lost_head``); "" for letters that tell no name ("Tăng#ôÔng", "Thái)ZỐng": the
    ring's marks read into it); None when the word holds nothing after the family name."""
    want = fold(surname)
    letters = ""
    for i, ch in enumerate(bare):
        if ch.isalpha():
            letters += ch
        if fold(letters) == want and len(letters) == len(surname):
            tail = bare[i + 1 :]
            break
    else:
        return None
    word = tail[next((j for j, ch in enumerate(tail) if ch.isalpha()), len(tail)) :]
    if sum(ch.isalpha() for ch in word) < 2:
        return None
    if not word.isalpha():
        return ""
    if word.islower():
        return _lost_head(word, lost=True)
    if word[1:].islower():
        return _lost_head(_capital_lost(word, middle=True))
    return ""  # capitals inside ("ZỐng", "ôÔng"): the ring's marks


def _lost_head(word: str, *, lost: bool = False) -> str:
    """A middle word read after the ring's marks: itself when it is a listed name's syllable; else, when its
    capital may be the ring's garbling (a vowel, "Ống") or was read nowhere (``lost``: "ông"), the one
    common middle name (``MIDDLE_NAMES``) with its letters after a lost first consonant ("Công"; a guess,
    which the vote and review weigh); else "" (no word read there)."""
    if word in NAME_SYLLABLES and not lost:
        return word
    body = word.lower()
    if lost or fold(word[:1]) in "aeiouy":
        hits = [m for m in MIDDLE_NAMES if m.lower().endswith(body) and len(m) > len(body)]
        return hits[0] if len(hits) == 1 else ""
    return word if is_syllable(word) else ""


def _proposes(tokens: list[str], given: list[str]) -> bool:
    """One reading of the name line has a word that is a family name as it stands ("Mạc", "Mac") and ends in
    the given names the first reading had, every word from it on of letters: it proposes a name, whether
    ``_name_of`` takes it or not. A reading with marks where a word stands ("Cao Zñ› Hoa", "Cao #ñ¡ Hoa":
    the pen's stroke over "Thị") read no word there, and proposes none against those that did."""
    bare = [b for b in (t.strip(".,;:|!'\"()[]`") for t in tokens) if fold(b)]
    if not given or [fold(b) for b in bare[-len(given) :]] != [fold(g) for g in given]:
        return False
    return any(
        fold(b) in F_SURNAMES and b[:1].isupper() and all(w.isalpha() for w in bare[k:])
        for k, b in enumerate(bare[: -len(given)])
    )


def _reads_words(tokens: list[str]) -> bool:
    """One reading of the name line reads a name's word at each place from its first family name on: each a
    capitalised Vietnamese syllable (or one in capitals)."""
    bare = [b for b in (t.strip(".,;:|!'\"()[]`") for t in tokens) if fold(b)]
    start = next((k for k, b in enumerate(bare) if fold(b) in F_SURNAMES and b[:1].isupper()), len(bare))
    return all(
        b[:1].isupper() and (b[1:].islower() or b.isupper()) and b.isalpha() and is_syllable(b)
        for b in bare[start:]
    )


def _garbled_word(tokens: list[str]) -> bool:
    """One reading of the name line has, from its first family name on, a word of small letters that is no
    Vietnamese syllable ("fuyết", "đuyết": a letter of it garbled, no word read there)."""
    bare = [b for b in (t.strip(_NAME_MARKS + "„«»‹›") for t in tokens) if fold(b)]
    start = next((k for k, b in enumerate(bare) if fold(b) in F_SURNAMES and b[:1].isupper()), len(bare))
    return any(b.isalpha() and b.islower() and len(b) >= 2 and not is_syllable(b) for b in bare[start + 1 :])


def _sheet_pixels(sizes: Sequence[tuple[int, int]]) -> int:
    """How many pixels ``_name_sheet`` makes of crops of these (width, height)."""
    width = max(round(w * s) for w, _ in sizes for s in NAME_SCALES) + 60
    return width * sum(round(h * s) + 50 for _, h in sizes for s in NAME_SCALES)


PAPER_SHARE = 90  # percentile of a name crop's grey levels taken as its paper (most of a name line is paper)


def paper_white(crop: np.ndarray) -> np.ndarray:
    """The crop with its paper made white, the ink darkened alike: a photo taken in low light (paper mid-grey)
    stacked on the sheet's white margins reads as nothing (Tesseract's threshold falls between the white
    margin and the grey paper, the whole row dark)."""
    paper = float(np.percentile(crop, PAPER_SHARE))
    if paper >= 250 or paper <= 0:
        return crop
    out: np.ndarray = np.clip(crop.astype(np.float32) * (255.0 / paper), 0, 255).astype(np.uint8)
    return out


def _name_sheet(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Each crop at each scale (its paper made white) as a row of one image, with (top, bottom) of each
    row."""
    rows = [
        c if s == 1.0 else cv2.resize(c, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC)
        for c in map(paper_white, crops)
        for s in NAME_SCALES
    ]
    width = max(r.shape[1] for r in rows) + 60
    parts, spans, y = [], [], 0
    for img in rows:
        pad = np.full((img.shape[0] + 50, width), 255, np.uint8)
        pad[25 : 25 + img.shape[0], 30 : 30 + img.shape[1]] = img
        spans.append((y, y + pad.shape[0]))
        y += pad.shape[0]
        parts.append(pad)
    return np.vstack(parts), spans


@regions.on_read_pages
def name_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The page with the signer's name read again where a seal's rim garbled its family name: the first
    reading has the title and, under it, a line ending in capitalised syllables ("mg $en Hòa Bình") but no
    name. Only that line is cut from the scan (at its own resolution), twice (with more and less of the
    seal's rim and star left of it and above it), from as far left of the title's centre as the line reaches
    right of it (``_centred_reach``); each cut is also read with the seal taken out, by tone
    (``regions.print_tone``: a grey scan's mid-grey seal) or, on one ink (a bitonal scan), by the shape of
    its ring's arc (``_ring_erased``); each at three scales, stacked into one image read once (``--psm
    6``). A name is taken
    when most readings that give one agree on it (at least two), led by a family name (a garbled one
    repaired only when it is clearly one: "lgứýên" → "Nguyễn") and ending in the given names the first
    reading had; its confidence stays low (review). Otherwise the page is returned as it was."""
    line = doubtful_name_line(regions.lines_of(page), unled=True) or glued_name_line(regions.lines_of(page))
    if line is None:
        return page
    # the words the seal left clear; with none read surely, the line's last word as read, a doubted anchor
    # ("Lực Búang Thang" (82, 27, 7): the readings must end in "Thang" too, whatever its marks)
    given = _trailing(line) or [line.words[-1].text.strip(".,;:|!'\"()[]")]
    # the line's row is that of the words the seal left clear: a garbled word's box may take in the pen's
    # scribble above the name ("vÚ" 4 lines tall over "Giáp Xuân", beside "Pọm")
    clear = line.words[len(line.words) - len(given) :] if given else line.words
    top, bottom = min(w.box.y0 for w in clear), max(w.box.y1 for w in clear)
    if line.y1 - line.y0 < 2 * (bottom - top):
        top, bottom = line.y0, line.y1  # a line of one row: as read
    h = bottom - top
    grey = regions.grey_master(prepared)
    reach = _centred_reach(line, title_line(regions.lines_of(page)), h)
    # two cuts: the seal's rim and star left of the name, and its arc above, come in less or more
    boxes = []
    for left, pad in NAME_CUTS:
        x0, y0 = max(0.0, min(line.x0 - left * h, reach)), max(0.0, top - pad * h)
        x1, y1 = min(float(page.width), line.x1 + 0.5 * h), min(float(page.height), bottom + pad * h)
        if int(x1 - x0) < 8 or int(y1 - y0) < 8:
            return page
        boxes.append((x0, y0, x1, y1))
    # each cut read at three scales, with the seal's tone taken out too: a "line" as tall as the page (a word
    # box OCR stretched over a picture) would make a sheet of ~30 pages; a name line's is ~3 Mpx at 300 dpi
    if _sheet_pixels([(int(b[2] - b[0]), int(b[3] - b[1])) for b in boxes for _ in (0, 1)]) > MAX_READ_PIXELS:
        return page
    crops = []
    ringless: set[int] = set()  # the rows of the sheet read with the seal's ring arc made paper
    for x0, y0, x1, y1 in boxes:
        crop = regions.cut(prepared, x0, y0, x1, y1, source=grey)
        crops.append(crop)
        toned = regions.print_tone(crop)
        if toned is None:
            # (the clear words' boxes in the crop's frame: their ink must be the print's)
            scale = crop.shape[1] / max(1.0, x1 - x0)
            own = [
                (
                    int((w.box.x0 - x0) * scale),
                    int((w.box.y0 - y0) * scale),
                    int(np.ceil((w.box.x1 - x0) * scale)),
                    int(np.ceil((w.box.y1 - y0) * scale)),
                )
                for w in clear
            ]
            toned = darker_print(crop, own)
        if toned is None and (toned := _ring_erased(prepared, grey, (x0, y0, x1, y1), h)) is not None:
            # (one ink: a bitonal scan's seal as black as the print) its ring's arc taken out
            ringless |= {len(crops) * len(NAME_SCALES) + k for k in range(len(NAME_SCALES))}
        if toned is not None:
            crops.append(toned)
    sheet, spans = _name_sheet(crops)
    try:
        tokens = tesseract.image_to_data(sheet, lang=lang, psm=6, dpi=300, timeout=timeout)
    except ToolFailed:
        return page
    rows: dict[int, list[tesseract.Token]] = {}
    for t in tokens:
        cy = t.top + t.height / 2
        r = next((i for i, (a, b) in enumerate(spans) if a <= cy < b), None)
        if r is not None and t.conf >= 0:
            rows.setdefault(r, []).append(t)
    names = []
    reads: list[list[str]] = []  # the given names each reading that gave a name read (its marks)
    guessed: list[bool] = []  # ... each with a middle word guessed from what the ring left of it
    wordy: list[bool] = []  # ... each with a name's word read at each place as read (``_reads_words``)
    proposed = 0  # readings with a family name read as one before the given names, a name or not
    worded = 0  # ... of them, those that read a name's word at each place (a capitalised syllable)
    garbled = 0  # ... of them, those that read no word at a place: small letters no syllable ("fuyết")
    gaps = _word_gaps(clear) if len(given) == len(clear) else set()
    unnamed: list[tuple[int, list[str]]] = []  # the readings that gave no name (row, words)
    named_rows: list[int] = []  # ... and the rows of those that gave one
    for r in sorted(rows):
        toks = sorted(_on_names_row(rows[r], given), key=lambda t: t.left)
        texts = [lookalike_letters(nfc(t.text)) for t in toks]
        found = _name_read(texts, given)
        name = found[0] if found is not None else _with_middle(texts, given, gaps)
        if name and r in ringless and not _family_left(texts, name):
            name = None  # the ring's stroke made paper left letters of another word ("v**zần": not "Văn")
        if not name:
            unnamed.append((r, texts))
        if name:
            named_rows.append(r)
            names.append(name)
            reads.append(found[1] if found is not None else list(given))
            guessed.append(name != (_name_of(texts, given, taken=False) or _with_middle(texts, given, gaps)))
            wordy.append(_reads_words(texts))
        proposes = bool(name) or _proposes(texts, given)
        proposed += proposes
        worded += bool(name) or (proposes and _reads_words(texts))
        garbled += not name and proposes and _garbled_word(texts)
    # a middle word guessed from the letters the ring left of it ("Lực uang Thang": "Quang") is no vote for
    # it against a reading that read another word there ("Lực Hoàng Thang", a name as long); nor a lone
    # letter left out as the ring's (``_ring_letter_dropped``: "Nguyễn G Phú Nhật Đạt") against a reading
    # that read a word there ("Nguyễn Văn Phú Nhật Đạt", a word longer; review of names56)
    read = {m for m, g in zip(names, guessed, strict=True) if not g}
    kept = [
        not g or not any(r != m and len(r.split()) - len(m.split()) in (0, 1) for r in read)
        for m, g in zip(names, guessed, strict=True)
    ]
    names = [m for m, k in zip(names, kept, strict=True) if k]
    # (a guess left out reads a name's words no more than its reading did: "Nguyễn G Phú …" none)
    worded -= sum(not k and not w for k, w in zip(kept, wordy, strict=True))
    if not names:
        return page
    best, n = Counter(names).most_common(1)[0]
    ring_split = False
    if n == 1 and len(names) == 1 and len(named_rows) == 1:
        # the one reading that read the words the ring crossed whole ("Khú#Khánh Xuân"), the others the
        # ring's marks where they stand and the letters either side as its name has them ("Khú%⁄&hánh Xuân":
        # the ring across "c K" of "Khúc Khánh", seed 509 alt 010): they read no other name, and bear out
        # the letters the ring left; a name no list need have. Only readings of another cut of the line than
        # the one reading's count (the same crop at another scale is no second look), and two of them at
        # least: one reading of marks that agrees is no majority of anything
        cut = named_rows[0] // len(NAME_SCALES)
        agree = sum(_ring_split_agrees(texts, best) for r, texts in unnamed if r // len(NAME_SCALES) != cut)
        if agree >= RING_SPLIT_AGREE:
            n += agree
            ring_split = True
    # most readings of the name's line agree on it: not two of five that read "Mạc ĐẾN Quyết", "Mạc Đến
    # Quyết" where the others read "Mạc ĐẾNh Quyết", "Mac ĐẾNh Quyết" (the seal over "Đình"). Against a name
    # of listed words ("Lục Quang Thang", three readings of six) a reading that read no word where one of
    # them stands ("Lực uang Thang", "Lực Guaog Thang": a letter lost, no syllable) is no other name
    # ... and against a name with a word no list has ("Tăng Tuyết Khuyến"), a reading with a word of small
    # letters that is no syllable where one of them stands ("Tăng fuyết Khuyến": the ring over the "T") read
    # no other name there either
    against = worded if all(fold(w) in F_SYLLABLES for w in best.split()[1:]) else proposed - garbled
    if n < 2 or 2 * n <= max(len(names), against):
        return page
    best = _tones_read(best, clear if len(clear) == len(given) else [], reads, blurred=prepared.blurred)
    if ring_split:
        return _replace_line(page, line, best.split(), conf=RING_SPLIT_CONF * 100)
    return _replace_line(page, line, best.split(), kept=_sure_given_kept(best.split(), clear))


# --- a sure name's unlisted marks read again ----------------------------------------------------------------

# a sure name's line whose word bears marks no listed name has with its letters read again this enlarged
SURE_MARKS_SCALES = (1.5, 2.0)
# (Tesseract's 0..100) a word whose unlisted marks a reading did not bear out: still a sure reading of its
# letters (``fix_syllable`` keeps it as read), not of its marks (under ``MARKS_READ_CONF``: the name in doubt)
MARKS_UNBORNE_CONF = SURE * 100
# (0..100) a word another reading gave as the listed name with its letters: that name, voted, in doubt
MARKS_LISTED_CONF = VOTED_CONF * 100


def _unlisted_words_as_read(line: Line, name: str) -> list[tuple[int, str, float]]:
    """The given and middle words of a name as its ``line`` reads it (its words ``name``'s as read, as many;
    else none) that no list has and that are syllables: (place, word, Tesseract's confidence) each."""
    words = name.split()
    read = [nfc(w.text.strip(_NAME_MARKS)) for w in line.words]
    if len(read) != len(words) or read != words:
        return []
    return [
        (k, w, wd.conf)
        for k, (w, wd) in enumerate(zip(words, line.words, strict=True))
        if k and w not in NAME_SYLLABLES and is_syllable(w)
    ]


def _unlisted_marks(line: Line, name: str) -> list[int]:
    """The places of the name's ``line`` (``_unlisted_words_as_read``) of a given name read surely (at
    ``MARKS_READ_CONF``) with marks no listed name has with its letters, one with other marks being one
    ("Chỉ" (96), listed "Chi", "Chí"): a word the extractor takes as read, sure."""
    return [
        k
        for k, w, conf in _unlisted_words_as_read(line, name)
        if conf >= MARKS_READ_CONF * 100 and fold(w) in F_SYLLABLES
    ]


def _unlisted_letters(line: Line, name: str) -> list[int]:
    """The places of the name's ``line`` (``_unlisted_words_as_read``) of a given or middle word read a
    little unsurely (under ``MARKS_READ_CONF``) whose letters no listed name has (``fix_syllable`` keeps it
    as read, the name sure): "Đốc" (85) for the "Đức" printed under the seal's ring (seed b575 dev 005,
    SURE-WRONG at 0.91). A name no list has is read so too ("Khẩn", "Uẩn"): only the line's own readings tell
    them apart."""
    return [
        k
        for k, w, conf in _unlisted_words_as_read(line, name)
        if conf < MARKS_READ_CONF * 100 and fold(w) not in F_SYLLABLES
    ]


def _one_letter_apart(read: str, listed: str) -> bool:
    """``listed`` (a listed name) is ``read`` with at most one other letter, marks aside ("Đức", "Đốc")."""
    a, b = fold(read), fold(listed)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


@regions.on_read_pages
def sure_marks_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The signer's name taken surely with a given name read with marks no listed name has with its letters
    ("Trương Trí Chỉ", "Chỉ" at 96: printed "Chi", seed 817 corp 010): Tesseract's confidence is in the
    word's letters, not its marks, and a hook read for the dot of an "i" looks as sure. The name's line is
    cut from the scan and read again at ``SURE_MARKS_SCALES`` (``--psm 7``); the word stands as read only
    where every reading gives it again, marks and all (a name no list has: "Hiểu" read thrice). Where a
    reading gives the listed name with its letters ("Chi" at twice the size) that name is taken, voted, in
    doubt (``MARKS_LISTED_CONF``); where none bears the marks out or reads the line whole, the word as read,
    its marks in doubt (``MARKS_UNBORNE_CONF``). So too a word read under ``MARKS_READ_CONF`` whose letters
    no listed name has (``_unlisted_letters``: "Đốc" (85) for the "Đức" under the seal's ring, seed b575 dev
    005, SURE-WRONG at 0.91): not given back by every reading, in doubt; a listed name a letter apart a
    reading gave there ("Đức" at twice the size) taken, voted. Other pages as they are."""
    had = regions.signer_of(page).get("signer_name")
    if had is None or not had.value or had.confidence < ROW_SURE:
        return page
    name = str(had.value)
    line = _name_line_of(regions.lines_of(page), name)
    if line is None:
        return page
    unlettered = set(_unlisted_letters(line, name))
    if not (apart := sorted(set(_unlisted_marks(line, name)) | unlettered)):
        return page
    if (crop := _name_line_crop(prepared, page, line)) is None:
        return page
    first = name.split()
    borne = set(apart)  # the places every reading gave as first read
    listed: dict[int, set[str]] = {}  # ... and the listed names with their letters readings gave there
    lettered: dict[
        int, set[str]
    ] = {}  # ... listed names a letter apart, at a word no list has the letters of
    back: set[int] = set()  # ... and where some reading gave the word as first read
    try:
        for up in SURE_MARKS_SCALES:
            tokens = _line_tokens(crop, up, lang=lang, timeout=timeout)
            texts = [b for b in (nfc(t.text).strip(_NAME_MARKS) for t in tokens if t.conf >= 0) if b]
            if len(texts) != len(first):
                borne = set()  # (a reading that read no such line bears out no mark)
                continue
            for k in apart:
                if texts[k] == first[k]:
                    back.add(k)
                else:
                    borne.discard(k)
                    if texts[k] in NAME_SYLLABLES and fold(texts[k]) == fold(first[k]):
                        listed.setdefault(k, set()).add(texts[k])
                    elif (
                        texts[k] in NAME_SYLLABLES
                        and k in unlettered
                        and _one_letter_apart(first[k], texts[k])
                    ):
                        lettered.setdefault(k, set()).add(texts[k])
    except ToolFailed:
        borne = set()
    if borne == set(apart):
        return page
    again: dict[int, tuple[str, float]] = {}
    for k in apart:
        if k in borne:
            continue
        # one listed name the readings gave ("Chi"), not two ("Chi", "Chí": which, no reading tells)
        # (a listed name a letter apart only where no reading gave the word back: "Túc" read again "Túc"
        # once and "Đức" once is a name no list has, as read, in doubt; review of hook56)
        forms = listed.get(k, set()) | (lettered.get(k, set()) if k not in back else set())
        again[id(line.words[k])] = (
            (next(iter(forms)), MARKS_LISTED_CONF) if len(forms) == 1 else (first[k], MARKS_UNBORNE_CONF)
        )
    # a word whose letters no list has, another reading's: voted (one reading is no sure one: name in doubt)
    voted = {id(line.words[k]) for k in unlettered if id(line.words[k]) in again}
    words = tuple(
        replace(w, text=again[id(w)][0], conf=min(w.conf, again[id(w)][1]), voted=w.voted or id(w) in voted)
        if id(w) in again
        else w
        for w in page.words
    )
    return replace(page, words=words, text=page_text(words))


# --- a sure name's bare "i" whose dot the pixels read as a hook -------------------------------------------

# (0..1) the least margin of the pixel reader's hook (``tonemark.steady_tone``, every cut alike) over a word's
# bare "i" for the name to be doubted
DOT_HOOK_MARGIN = 0.5
_HOOK_TONE = "3"  # ``tonemark``'s class of the hook


def _bare_i(word: str) -> bool:
    """A name's word with no tone mark whose tone-bearing vowel is an "i" ("Chinh", "Minh") and that is a
    Vietnamese syllable with a hook there too ("Chỉnh"): the hook over an "i" stands where its dot does, and
    Tesseract reads the one for the other ("Chinh" (97) for the "Chỉnh" printed, seed s871 corp 007)."""
    from digitize.pipeline import tonemark

    i = tonemark.tone_index(word)
    if i is None or _tone(word) or word[i].lower() != "i":
        return False
    hooked = tonemark.with_tone(word, _HOOK_TONE)
    return hooked is not None and is_syllable(hooked)


def _line_tokens(crop: np.ndarray, up: float, *, lang: str, timeout: float) -> list[tesseract.Token]:
    """A name line's crop read as one line (psm 7) at ``up`` times its size, in a white border."""
    im = cv2.resize(crop, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC) if up != 1.0 else crop
    im = cv2.copyMakeBorder(im, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    return tesseract.image_to_data(im, lang=lang, psm=7, dpi=300, timeout=timeout)


def _name_as_read(page: RecognizedPage, least: float) -> tuple[Line, list[str], float] | None:
    """The signer's name (at ``least`` sure) and its line on the page, where the line's words, stripped,
    are the name's own as the field gives it: the line, those words and the name's confidence; None
    otherwise."""
    had = regions.signer_of(page).get("signer_name")
    if had is None or not had.value or had.confidence < least:
        return None
    name = str(had.value)
    line = _name_line_of(regions.lines_of(page), name)
    if line is None:
        return None
    read = [nfc(w.text.strip(_NAME_MARKS)) for w in line.words]
    return (line, read, had.confidence) if read == name.split() else None


@regions.on_read_pages
def dot_hook_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str = "", timeout: float = 30.0
) -> RecognizedPage:
    """The signer's name taken surely with a given or middle word read with a bare "i" (``_bare_i``: no tone
    mark, "Chinh" (97)) over which the pixels (``tonemark.steady_tone``: the word's own ink, three cuts
    alike, at ``DOT_HOOK_MARGIN`` or more) see a hook: Tesseract's reading and the pixels' disagree on the
    mark, so the word is marked ``voted`` (the readings disagreed: the name in doubt), its text as read (the
    pixels are no sure reading either: markpix, session 51). No OCR; a sharp page only (a blurred photo's
    marks are no pixels to read). Other pages as they are."""
    if prepared.blurred:
        return page
    if (found := _name_as_read(page, ROW_SURE)) is None:
        return page
    line, read, _ = found
    places = [k for k, w in enumerate(read) if k and _bare_i(w)]
    if not places:
        return page
    from digitize.pipeline import tonemark

    grey = regions.grey_master(prepared)

    def cut(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        return regions.cut(prepared, x0, y0, x1, y1, source=grey)

    hooked = set()
    for k in places:
        b = line.words[k].box
        seen = tonemark.steady_tone(cut, (b.x0, b.y0, b.x1, b.y1), read[k])
        if seen is not None and seen.tone == _HOOK_TONE and seen.margin >= DOT_HOOK_MARGIN:
            hooked.add(id(line.words[k]))
    if not hooked:
        return page
    words = tuple(replace(w, voted=True) if id(w) in hooked else w for w in page.words)
    return replace(page, words=words, text=page_text(words))


# --- a sure name's word read without a tone mark where the pixels and a re-reading see one ------------------

# (Tesseract's 0..100) a sure name's given or middle word read with no tone mark under this is looked at again
# (a clear print's name words are read at 93..97; "Đăng" (84) for the "Đẳng" printed, seed w683 dev 008)
LOST_TONE_CONF = 90
# the name's line read again at these scales (``--psm 7``) for a reading that gives the mark the pixels see
LOST_TONE_SCALES = (1.0, 1.5, 2.0, 2.5, 3.0)


def _toneless_unsure(word: str, conf: float) -> bool:
    """A name's word read with no tone mark, under ``LOST_TONE_CONF``, that has a vowel to bear one."""
    from digitize.pipeline import tonemark

    return conf < LOST_TONE_CONF and not _tone(word) and tonemark.tone_index(word) is not None


@regions.on_read_pages
def lost_tone_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The signer's name taken surely with a given or middle word read with no tone mark, a little unsurely
    (``_toneless_unsure``: "Đăng" (84), a listed name, for the "Đẳng" printed: seed w683 dev 008, SURE-WRONG
    at 0.92), over which the pixels (``tonemark.steady_tone``: the word's own ink, three cuts alike) see a
    tone mark, and a reading of the name's line cut from the scan alone (``LOST_TONE_SCALES``, ``--psm 7``)
    gives the word with that very mark ("Đẳng" at 1.0, "Đăng" at the other scales): Tesseract's first
    reading lost a mark two other looks put there. The word is marked ``voted`` (the readings disagree: the
    name in doubt), its text as first read (one reading in five is no vote for the mark: markpix found the
    pixels alone wrong too often to take theirs, session 51). Neither look alone doubts a name. Where
    ``MARKS_VOTE_AGREE`` readings and more than half give the marked word, it is taken as they read it, at
    ``MARKS_CONF`` (a vote, in doubt, as ``marks_vote_pass``'s). So too a word ``dot_hook_pass`` doubted
    (its bare "i" the pixels read a hook over: "Chinh" (86) for "Lê Thị Chỉnh", seed w685 alt 006, the line
    read "Chỉnh" five times of five). A sharp page only (a blurred photo's marks are no pixels to read); the
    OCR only where the pixels saw a mark. Other pages as they are."""
    if prepared.blurred:
        return page
    if (found := _name_as_read(page, 0.0)) is None:
        return page
    line, read, sure = found
    # the words ``dot_hook_pass`` doubted: voted, their confidence kept, a bare "i"
    hooked = [
        k for k, w in enumerate(line.words) if k and w.voted and w.conf > MARKS_CONF and _bare_i(read[k])
    ]
    seen: dict[int, str] = {}  # place → the word with the tone mark the pixels see
    for k in hooked:
        if (toned := tonemark_with(read[k], _HOOK_TONE)) is not None:
            seen[k] = toned
    if not hooked:
        if sure < ROW_SURE or any(w.voted for w in line.words):
            return page
        places = [k for k, w in enumerate(read) if k and _toneless_unsure(w, line.words[k].conf)]
        if not places:
            return page
        from digitize.pipeline import tonemark

        grey = regions.grey_master(prepared)

        def cut(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
            return regions.cut(prepared, x0, y0, x1, y1, source=grey)

        for k in places:
            b = line.words[k].box
            got = tonemark.steady_tone(cut, (b.x0, b.y0, b.x1, b.y1), read[k])
            if got is None or got.tone == "0":
                continue
            if (toned := tonemark_with(read[k], got.tone)) is not None:
                seen[k] = toned
    if not seen or (crop := _name_line_crop(prepared, page, line)) is None:
        return page
    borne: Counter[int] = Counter()
    readings = 0
    try:
        for up in LOST_TONE_SCALES:
            tokens = _line_tokens(crop, up, lang=lang, timeout=timeout)
            readings += 1
            texts = [b for b in (nfc(t.text).strip(_NAME_MARKS) for t in tokens if t.conf >= 0) if b]
            if len(texts) == len(read):
                borne.update(k for k, toned in seen.items() if texts[k] == toned)
    except ToolFailed:
        pass
    if not borne:
        return page
    taken = {
        id(line.words[k]): seen[k]
        for k, n in borne.items()
        if n >= MARKS_VOTE_AGREE and 2 * n > len(LOST_TONE_SCALES)
    }
    doubted = {id(line.words[k]) for k in borne}
    words = tuple(
        replace(w, text=taken[id(w)], conf=min(w.conf, MARKS_CONF), read="", voted=True)
        if id(w) in taken
        else replace(w, voted=True)
        if id(w) in doubted
        else w
        for w in page.words
    )
    return replace(page, words=words, text=page_text(words))


def tonemark_with(word: str, tone: str) -> str | None:
    """``word`` with its tone-bearing vowel given ``tone`` (``tonemark``'s digit), a Vietnamese syllable;
    None otherwise."""
    from digitize.pipeline import tonemark

    toned = tonemark.with_tone(word, tone)
    return toned if toned is not None and toned != word and is_syllable(toned) else None


# a grey seal's ink apart from the print for ``darker_print`` to take it out: its share of the ink lighter
# than the print's level (``PRINT_DARK``) and lying away from the print
SEAL_APART = 0.1


def darker_print(crop: np.ndarray, clear: Sequence[tuple[int, int, int, int]]) -> np.ndarray | None:
    """The crop with the ink lighter than the print's (``PRINT_DARK`` of the way from its darkest ink to its
    paper, as ``print_rows`` tells the print) made paper, the print's own soft edges kept: a grey scan's seal
    (its ring and letters mid-grey) over a name on grey paper, where Otsu's paper/ink level falls between the
    paper and the seal's ink, so ``regions.print_tone`` sees one ink ("_têVẫn Tý" for "Lê Văn Tý" under the
    ring, seed 541 dev 011). Taken only when such lighter ink, darker than the paper, lies apart from the
    print (``SEAL_APART`` of the darker ink's pixels at least): a bitonal scan has none; when the two inks'
    medians are ``regions.TONE_GAP`` apart (not the print's grey edges and the paper's grain); and when the
    ink of the words the seal left clear (``clear``: boxes in the crop's frame, the name's own print) is the
    darker one: a faint name under a title's tail or a pen's stroke as dark as those is the lighter ink, and
    would be made paper whole. None otherwise."""
    lo = float(np.percentile(crop, 0.2))
    paper = float(np.percentile(crop, PAPER_SHARE))
    if paper - lo < 2 * regions.TONE_GAP:
        return None
    level = lo + PRINT_DARK * (paper - lo)
    dark = (crop < level).astype(np.uint8)
    # ink: well darker than the paper (its grain aside), lighter than the print
    inked = paper - 0.5 * (paper - level)
    mid = (crop >= level) & (crop < inked)
    near = cv2.dilate(dark, np.ones((7, 7), np.uint8)) > 0
    apart = mid & ~near
    if not dark.any() or int(apart.sum()) < SEAL_APART * int(dark.sum()):
        return None
    if float(np.median(crop[mid])) - float(np.median(crop[dark > 0])) < regions.TONE_GAP:
        return None
    # the clear words' own ink (their pixels well darker than the paper) must be the print's, darker than
    # the level, or the name itself would be taken out
    own = [crop[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)].ravel() for x0, y0, x1, y1 in clear]
    ink = np.concatenate(own) if own else np.zeros(0, np.uint8)
    ink = ink[ink < inked]
    if ink.size == 0 or float(np.median(ink)) >= level:
        return None
    out = crop.copy()
    out[(crop >= level) & (cv2.dilate(dark, np.ones((3, 3), np.uint8)) == 0)] = np.uint8(paper)
    return out


# --- a bitonal seal's ring taken out of the name's line ---------------------------------------------------

# the seal's ring is a stroke this many times as wide as the print's at least (a 40 mm seal's outer ring is
# ~14 px at 300 dpi, a bold name's stroke 8-10 px: seeds 375 alt 002, 381 dev 002, 383 dev 013)
RING_WIDER = 1.25
RING_ARC = 2.0  # letters: the least extent of a ring's arc (a bold letter's junction is smaller)
RING_RADIUS = (2.5, 20.0)  # letters: a seal's radius (a 30-50 mm seal over 14 pt print: ~5)
RING_ROUND = 0.15  # of its width: the most a ring's centre line strays from the circle fitted to it (p90)
RING_ROWS = 3.0  # name rows above and below the name's cut looked at for the ring's arc


def ring_arcs(grey: np.ndarray, letter: float, row: slice) -> np.ndarray | None:
    """The mask of a seal's ring arcs in a grey region (``letter`` px letters): ink strokes at least
    ``RING_WIDER`` times as wide as the print's (the median of its strokes' widths in the print's ``row``
    of the region: above it the pen's thin strokes and the seal's letters), each one arc of a
    circle (its centre line within ``RING_ROUND`` of its width of one, a radius of ``RING_RADIUS`` letters,
    ``RING_ARC`` letters long at least): not the star (no circle), nor a thick letter's junction (small),
    nor a straight stroke. None without any."""
    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    stroke = _stroke_width(np.ascontiguousarray(ink[row]))
    if not stroke > 0 or not letter > 0:
        return None
    k = max(3, round(RING_WIDER * stroke) | 1)
    thick = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(thick, connectivity=8)
    dist = cv2.distanceTransform(thick, cv2.DIST_L2, 5)
    ridge = (dist > 0) & (dist >= cv2.dilate(dist, np.ones((3, 3), np.uint8)))
    arcs = [
        i
        for i in range(1, n)
        if max(stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]) >= RING_ARC * letter
        and _arc_of_ring(np.nonzero(ridge & (labels == i)), dist, letter)
    ]
    return np.isin(labels, arcs) if arcs else None


def _stroke_width(ink: np.ndarray) -> float:
    """The median width (px) of the ink's strokes: twice the distance to the paper along their centre lines
    (0.0 without ink)."""
    dist = cv2.distanceTransform(ink, cv2.DIST_L2, 5)
    ridge = (dist > 0) & (dist >= cv2.dilate(dist, np.ones((3, 3), np.uint8)))
    widths = 2 * dist[ridge]
    return float(np.median(widths)) if widths.size else 0.0


def _arc_of_ring(points: tuple[np.ndarray, ...], dist: np.ndarray, letter: float) -> bool:
    """The centre line ``points`` (rows, columns) of a thick stroke lie on one circle of a seal's radius
    (a least-squares fit): ``RING_RADIUS`` letters, the line within ``RING_ROUND`` of the stroke's width of
    it (90th percentile)."""
    ys, xs = points
    if len(xs) < 10:
        return False
    x, y = xs.astype(np.float64), ys.astype(np.float64)
    a = np.column_stack([2 * x, 2 * y, np.ones_like(x)])
    (cx, cy, c), *_ = np.linalg.lstsq(a, x * x + y * y, rcond=None)
    r = math.sqrt(max(0.0, c + cx * cx + cy * cy))
    width = 2 * float(np.median(dist[ys, xs]))
    stray = float(np.percentile(np.abs(np.hypot(x - cx, y - cy) - r), 90))
    return RING_RADIUS[0] * letter <= r <= RING_RADIUS[1] * letter and stray <= RING_ROUND * width


def _ring_erased(
    prepared: Prepared, grey: np.ndarray, box: tuple[float, float, float, float], h: float
) -> np.ndarray | None:
    """The name's cut ``box`` (its row ``h`` high) with the seal's ring arcs across it (``ring_arcs``, found
    ``RING_ROWS`` rows above and below it, where more of the arc shows) made paper: on a bitonal scan the
    ring is as black as the print, no tone tells them apart ("Dưởế" for "Dương" under the ring's stroke,
    seed 381 dev 002). The letters' strokes under the ring go with it; the words it crossed are read from
    what is left, a name so read is in doubt (``name_pass``). None when no arc crosses the cut."""
    x0, y0, x1, y1 = box
    top = max(0.0, y0 - RING_ROWS * h)
    region = regions.cut(prepared, x0, top, x1, min(float(prepared.height), y1 + RING_ROWS * h), source=grey)
    row = slice(int(y0 - top), int(y0 - top) + max(1, int(y1 - y0)))
    arcs = ring_arcs(region, 0.7 * h, row)
    if arcs is None:
        return None
    arcs = cv2.dilate(arcs.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if not arcs[row].any():
        return None
    out = region.copy()
    out[arcs] = 255
    return np.ascontiguousarray(out[row])


# a word's letters then the ring's marks at its end, none inside: "Hoàp#"
_REMAINS_END = re.compile(r"([^\W\d_]{4,})(?:[^\w\s]|_)+")
# letters, the ring's remains (marks), letters: a word the ring crossed in its middle
_RING_ACROSS = re.compile(r"([^\W\d_]{3,})(?:[^\w\s]|_)+([^\W\d_]+)")


# readings of another cut of the name's line than the one that gave the name that must bear it out
RING_SPLIT_AGREE = 2
# (0..1) the confidence of each word of a name taken so (``_replace_line``): its letters under the ring are
# one reading's, the others confirm only the letters either side ("Khú#Thánh Xuân" with two "Khú%⁄&hánh
# Xuân" gives "Khúc Thanh Xuân": nothing read the "K" the ring crossed). The signer's name confidence is the
# mean of its words' times factors of at most 1 (``fields.signer._signer_name``), and the row pass re-reads
# only a blurred photo's name in doubt at ``ROW_CONF``: such a name stays to review, whatever its words
RING_SPLIT_CONF = VOTED_CONF


def _ring_split_agrees(tokens: list[str], name: str) -> bool:
    """One reading of a name's line that gave no name has, glued by the ring's marks, the head of ``name``'s
    family name (three letters at least) and the end of its next word (two
    letters at least), letters lost between them, then ``name``'s later words as they stand: "Khú%⁄&hánh
    Xuân" for "Khúc Khánh Xuân" (the ring across "c K"). It bears that name out: no other word was read
    (marks aside, the reading has those words and no more)."""
    words = name.split()
    bare = [b for b in (t.strip(_ROW_MARKS) for t in tokens) if fold(b)]
    if len(words) < 2 or len(bare) != len(words) - 1:
        return False
    first, later = bare[0], bare[1:]
    across = _RING_ACROSS.fullmatch(first)
    if across is None or [fold(b) for b in later] != [fold(w) for w in words[2:]]:
        return False
    # (marks and all: "Khú%⁄&hành" is not the end of "Khánh")
    head, tail = nfc(across.group(1)).lower(), nfc(across.group(2)).lower()
    family, second = nfc(words[0]).lower(), nfc(words[1]).lower()
    return (
        across.group(1)[:1].isupper()
        and len(tail) >= 2
        and len(head) < len(family)
        and family.startswith(head)
        and len(tail) < len(second)
        and second.endswith(tail)
    )


def _ends_of(across: re.Match[str], family: str) -> bool:
    """The letters either side of the ring's remains in a word (``_RING_ACROSS``) are the family name's head
    and end, marks aside, with letters lost between them: "Trưo”.g" (seed 707 dev 005, a bitonal scan, the
    ring across "ơn" of "Trương"). The head must be three letters at least (a letter or two before marks,
    "v**;ần", are the ring's remains read as another word)."""
    head, tail, whole = fold(across.group(1)), fold(across.group(2)), fold(family)
    return len(head) + len(tail) < len(whole) and whole.startswith(head) and whole.endswith(tail)


def _family_left(tokens: list[str], name: str) -> bool:
    """A reading of a name's cut with the seal's ring made paper read ``name``'s family name as what the ring
    left of it: the word before its given names (marks alone aside) is, in letters (marks aside), the family
    name's first or last letters, two at least ("Dưở" of "Dương": the ring over "ơn"), or the family name
    whole. The letters of a word the ring crossed are lost there, not changed: a word with other letters
    ("Vfân", "v**;ần" left of "Trần Hoàng Tuấn", marks inside it) is the ring's remains read as another word,
    no guess of one ("Văn"). A middle word the ring crossed too is read as its last letters, its capital
    taken (``_capital_taken``: "Đinh '. hu Lan" of "Đinh Thu Lan", seed 377 dev 007), what the ring left of
    the capital read as marks or a digit before them ("7‹im", "7.im" of "Kim": seed 421 alt 012, a bitonal
    low-light photo, whose one reading of "Đàm Kim Yến" that was taken made no vote). The ring's remains
    where it crossed the family name's last letters, read as a letter and marks after what it left
    ("Hoàp#" of "Hoàng", the ring through "ng": seed 439 dev 008), leave that family name's head
    (``_ring_over_end``)."""
    words = name.split()
    bare = [b for b in (t.strip(_NAME_MARKS + "„«»‹›¿¡") for t in tokens) if b]
    at = len(bare) - (len(words) - 1)
    first = bare[at - 1] if at >= 1 else ""
    if (end := _REMAINS_END.fullmatch(first)) is not None and _ring_over_end(end.group(1)) == words[0]:
        first = end.group(1)[:-1]  # ("Hoà" of "Hoàp#")
    if (across := _RING_ACROSS.fullmatch(first)) is not None and _ends_of(across, words[0]):
        first = words[0]  # ("Trưo”.g" of "Trương": the ring across "ơn")
    if at < 1 or fold(bare[-1]) != fold(words[-1]) or not first.isalpha():
        return False  # (marks inside the word, "v**;ần": the ring's remains read in it)
    for b, w in zip(bare[at:-1], words[1:-1], strict=True):
        read, middle = fold(b), fold(w)
        tail = re.sub(r"^[\W\d_]+", "", b)  # (the capital's remains before its letters: "7‹" of "7‹im")
        if read != middle and not (
            len(tail) >= CAPITAL_TAKEN_TAIL and tail.isalpha() and middle.endswith(fold(tail))
        ):
            return False
    left, family = fold(first), fold(words[0])
    return left == family or (len(left) >= 2 and (family.startswith(left) or family.endswith(left)))


def _centred_reach(line: Line, title: Line | None, h: float) -> float:
    """How far left a cut of the name ``line`` (its row ``h`` high) reaches to hold the whole name: as far
    left of its ``title``'s centre as the line (and the cut's right margin) reaches right of it. A name is
    printed centred under its title; a line read from its middle on ("inh Khánh" for "Đoàn Minh Khánh": the
    seal's ring across "n M", seed 383 dev 013) lost the words left of it, and a cut from the line's start
    reads them no more. The line's own start without a title, or where the line is centred already."""
    if title is None:
        return line.x0
    centre = (title.x0 + title.x1) / 2
    return min(line.x0, 2 * centre - (line.x1 + 0.5 * h))


# a gap between two words of the name line this many of its letters wide holds a word the first reading lost
MIDDLE_GAP = 2.0


def _word_gaps(words: Sequence[Word]) -> set[int]:
    """The indices ``i`` of ``words`` (the name line's words the seal left clear) with a gap before them at
    least ``MIDDLE_GAP`` letters wide (their mean letter): a middle name the seal's arc crossed, which the
    first reading left out ("Hồ    Cường" for "Hồ Đức Cường", seed 87 dev 007)."""
    letters = sum(len(w.text.strip(".,;:|!'\"()[]")) for w in words)
    if len(words) < 2 or not letters:
        return set()
    letter = sum(w.box.x1 - w.box.x0 for w in words) / letters
    return {i for i in range(1, len(words)) if words[i].box.x0 - words[i - 1].box.x1 >= MIDDLE_GAP * letter}


def _with_middle(tokens: list[str], given: list[str], gaps: set[int]) -> str | None:
    """A name whose middle word the first reading lost under the seal: ``given`` (the first reading's whole
    name line, led by a family name) with one word more read at one of its ``gaps``, a name's syllable as
    listed (``NAME_SYLLABLES``, marks and all: "Đếc", the arc read as marks, is none), or one whose horn or
    breve the ring's stroke took (``mark_lost``: "Đúc" → "Đức", seed 491 dev 001). Nothing else read
    differs, so nothing but that word is taken from the reading; what the reading has before the family
    name (the seal's ring and letters left of the name: "x. › Bùi Đúc Bình") is none of the name."""
    bare = [b for b in (t.strip(".,;:|!'\"()[]`‹›") for t in tokens) if b]
    if not given or fold(given[0]) not in F_SURNAMES:
        return None
    lead = next((k for k, b in enumerate(bare) if fold(b) == fold(given[0])), 0)
    bare = bare[lead:]
    if len(bare) != len(given) + 1:
        return None
    want = [fold(g) for g in given]
    for i in sorted(gaps):
        if [fold(b) for b in bare[:i] + bare[i + 1 :]] != want:
            continue
        word = bare[i] if bare[i] in NAME_SYLLABLES else mark_lost(bare[i]) if bare[i][:1].isupper() else None
        if word is not None:
            return " ".join([*given[:i], word, *given[i:]])
    return None


def lookalike_letters(token: str) -> str:
    """A word as read with the Icelandic eth Tesseract reads for "Đ"/"đ" ("ðúc", "Ð›" of "Đức", "Đình"
    under a seal's ring: seed 491) as the Vietnamese letter; a word-initial small eth on a name's row is
    its capital "Đ" read small (Vietnamese writes no eth)."""
    if "ð" not in token and "Ð" not in token:
        return token
    out = token.replace("Ð", "Đ")
    head = len(out) - len(out.lstrip(_NAME_MARKS + "‹›"))
    if out[head : head + 1] == "ð":
        out = out[:head] + "Đ" + out[head + 1 :]
    return out.replace("ð", "đ")


def _trailing(line: Line) -> list[str]:
    """The line's trailing run of words that read as capitalised Vietnamese syllables (what the seal left)."""
    out: list[str] = []
    words = line.words
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        t = w.text.strip(".,;:|!'\"()[]")
        if not (t[:1].isupper() and t.isalpha() and is_syllable(t)) or w.conf < SHORT_NAME_JUNK_CONF:
            break  # a doubted word ("Xấn" for a family name under the rim) is not what the seal left
        if ring_remnant(words[:k], w):
            break  # "Ến" after "Ngủà": the rest of the garbled word, not a word of the name
        if len(t) > 1 and t.isupper() and out and not out[0].isupper() and t.capitalize() not in SURNAMES:
            # a word in capitals before given names in normal case ("VÀ Minh" of "Vũ Minh Minh" under the
            # seal, seed 807 corp 013): the name is printed in one case, the seal's marks made this one; a
            # family name printed in capitals ("NGUYỄN Văn An") still heads it
            break
        out.insert(0, t)
    return out


# (Tesseract's 0..100) the most a given name the first reading read surely keeps when the name pass takes the
# line: a sure reading of its letters and marks, under ``MARKS_READ_CONF`` (its name in doubt)
KEPT_MARKS_CONF = SURE * 100


def _sure_given_kept(names: list[str], clear: Sequence[Word]) -> dict[int, float]:
    """The places of the voted name's words (``names``) that are given names as the first reading read them
    (``clear``: the words the seal left clear, the name's last ones) at ``KEPT_MARKS_CONF`` or more, with
    marks no listed name has with their letters, the acute for the grave or the reverse alone
    (``_tone_told_apart_from_listed``: "Túng" (96), listed "Tùng"), each with its confidence (at most
    ``KEPT_MARKS_CONF``): the line's vote took the family name; the given names are the first reading's,
    and at the vote's confidence the listed form with their letters would replace a sure reading of their
    marks (w655 alt 006: "Khúc Hoài Thưởng" came out "… Thường", a hook Tesseract may read for a grave:
    left so, reviewer of namepull)."""
    start = len(names) - len(clear)
    if start < 1:
        return {}
    kept = {}
    for k, wd in enumerate(clear, start):
        word = names[k]
        if (
            nfc(wd.text.strip(_NAME_MARKS)) == word
            and wd.conf >= KEPT_MARKS_CONF
            and word not in NAME_SYLLABLES
            and fold(word) in F_SYLLABLES
            and is_syllable(word)
            and _tone_told_apart_from_listed(word)
        ):
            kept[k] = KEPT_MARKS_CONF
    return kept


def _tone_told_apart_from_listed(word: str) -> bool:
    """A given name's word that differs from every listed form with its letters by the acute against the
    grave alone (``tones_told_apart``: "Túng" read for no listed "Tùng"), its tone placement aside ("Thuý" is
    the listed "Thúy", "Hoà" "Hòa": the same mark). Not one with a mark Tesseract reads for another surely on
    print: a hook read as an acute ("Hái", "Báo", "Tháo" for "Hải", "Bảo", "Thảo"), a tilde as one ("Dúng"),
    a grave as a hook ("Hủng"), nor one whose letters a form without a tone has ("Thánh": "Thanh")."""
    base, tone = split_tone(word.lower())
    forms = F_SYLLABLES[fold(word)]
    if any(split_tone(f.lower()) == (base, tone) for f in forms):
        return False  # (the listed form with its tone placed the other way)
    return all(split_tone(f.lower())[0] == base and tones_told_apart(word, f) for f in forms)


def _replace_line(
    page: RecognizedPage,
    line: Line,
    names: list[str],
    conf: float = 50.0,
    kept: dict[int, float] | None = None,
) -> RecognizedPage:
    """The page with ``line``'s words replaced by ``names`` (spread over the line's box, low confidence:
    ``conf``, Tesseract's 0..100); the words at ``kept``'s places with its confidence instead, voted
    (``Word.voted``: the name they are of is in doubt, whatever it)."""
    ids = {id(w) for w in line.words}
    first = line.words[0]
    step = (line.x1 - line.x0) / len(names)
    kept = kept or {}
    new = [
        Word(
            text=t,
            conf=kept.get(k, conf),
            box=Box(line.x0 + k * step, line.y0, line.x0 + (k + 1) * step - 1, line.y1),
            block=first.block,
            line=first.line,
            voted=k in kept,
        )
        for k, t in enumerate(names)
    ]
    words = [w for w in page.words if id(w) not in ids] + new
    words.sort(key=lambda w: (w.line, w.box.x0))
    return replace(page, words=tuple(words), text=page_text(words))


# --- a shaken photo's name row read on its own ------------------------------------------------------------

ROW_BELOW = 12.0  # title line heights under the signature block's title where its name's row is looked for
ROW_SIDE = 0.3  # of the page's width, each side of the title's centre
# the print's ink: darker than this share of the way from the region's darkest ink to its paper (a seal's
# ring and a blurred photo's grey halo are lighter)
PRINT_DARK = 0.45
ROW_TALL = 1.8  # letters: a dark component taller than this is the pen's stroke or the seal's emblem
ROW_WIDE = 12.0  # letters: ... or wider than this
ROW_MIN_WIDTH = 3.0  # letters: a row of the print narrower than this is no name
# a run of ink rows too tall for one row is split where its ink across falls under this share of its densest
ROW_DENSE = 0.3
ROW_SCALES = (1.0, 1.5, 2.0)
ROW_VOTES = 2  # readings that must give a name's word for it to be taken
# Tesseract's 0..100 the voted name's words get: a name put together from votes is reviewed
ROW_CONF = VOTED_CONF * 100
ROW_CENTRED = 0.15  # (of the page's width) a name's row's centre lies this near its title's centre
SHARP_ROW_TRIES = 2  # rows under a sharp scan's title read, top down, for the name its block lost
# a row of print holds this many pieces of ink at least ``ROW_LETTER_TALL`` letters tall (its letters); the
# pieces of a pen's thin strokes that pass ``print_rows``' size test are specks a few pixels high
ROW_LETTERS = 3
ROW_LETTER_TALL = 0.5
ROW_SURE = 0.6  # (0..1) a first reading's name this sure is not read again
_NAME_MARKS = ".,;:|!'\"()[]`~_-“”‘’"
# ... and the low and angle quotes, the inverted marks a shaken row's specks read as ("„La Xưân Hậu", "¿ Mạc")
_ROW_MARKS = _NAME_MARKS + "„«»‹›¿¡"


def print_rows(grey: np.ndarray, letter: float) -> list[tuple[int, int, int, int, float]]:
    """The rows of printed letters in a region of a blurred page, top to bottom: (top, bottom, left, right,
    the print's ink level). Only the region's darkest ink counts (the seal's ring and the photo's grey halo
    are lighter), and of it only letter-sized pieces (the pen's strokes and the seal's emblem are taller or
    wider): a row is a run of pixel rows holding such ink, half a letter to 2.5 letters tall and at least
    ``ROW_MIN_WIDTH`` letters wide."""
    lo = float(np.percentile(grey, 0.2))
    paper = float(np.percentile(grey, 90))
    if paper - lo < 40 or not letter > 0:
        return []
    level = lo + PRINT_DARK * (paper - lo)
    dark = (grey < level).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    keep = np.zeros(n, bool)
    for i in range(1, n):
        keep[i] = (
            stats[i, cv2.CC_STAT_HEIGHT] <= ROW_TALL * letter
            and stats[i, cv2.CC_STAT_WIDTH] <= ROW_WIDE * letter
            and stats[i, cv2.CC_STAT_AREA] >= 3
        )
    ink = keep[labels]
    counts = ink.sum(axis=1)
    runs: list[tuple[int, int]] = []
    for top, bottom in _ink_runs(counts >= max(3.0, 0.15 * letter), letter):
        if bottom - top <= 2.5 * letter:
            runs.append((top, bottom))
            continue
        # a run too tall for a row: the seal's own letters (its ring's words, as dark as the print on a
        # bitonal or grey photo) run down beside the name and join it to the rows above (seed 241 alt 002,
        # "Tôn Xuân Pọm" under the ring's "ỦY BAN NHÂN DÂN"); a row of print holds far more ink across than
        # the ring's few letters: the run split where its ink falls under a share of its densest pixel row
        dense = counts[top:bottom] >= max(3.0, 0.15 * letter, ROW_DENSE * float(counts[top:bottom].max()))
        runs += [(top + a, top + b) for a, b in _ink_runs(dense, letter)]
    out = []
    for top, bottom in runs:
        if not 0.5 * letter <= bottom - top <= 2.5 * letter:
            continue
        cols = np.flatnonzero(ink[top:bottom].any(axis=0))
        if cols.size and cols[-1] - cols[0] >= ROW_MIN_WIDTH * letter:
            out.append((top, bottom, int(cols[0]), int(cols[-1]), level))
    return out


def lettered(grey: np.ndarray, row: tuple[int, int, int, int, float], letter: float) -> bool:
    """The row of ``print_rows`` (top, bottom, left, right, ink level) holds letters: ``ROW_LETTERS`` pieces
    ink darker than the level, each at least ``ROW_LETTER_TALL`` letters tall, no taller than ``ROW_TALL``
    and within the row (half a letter of room). A pen's thin strokes read at the print's level break into
    specks a few pixels high (0.1-0.3 letters), or run on above and below the row; a row of print has such
    specks only beside its letters (its marks, its "i"'s dots)."""
    top, bottom, left, right, level = row
    pad = int(letter)
    y0 = max(0, top - pad)
    dark = (grey[y0 : bottom + pad, left : right + 1] < level).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    ys, hs = stats[1:n, cv2.CC_STAT_TOP] + y0, stats[1:n, cv2.CC_STAT_HEIGHT]
    inside = (ys >= top - 0.5 * letter) & (ys + hs <= bottom + 0.5 * letter)
    tall = (hs >= ROW_LETTER_TALL * letter) & (hs <= ROW_TALL * letter)
    return int(np.count_nonzero(inside & tall)) >= ROW_LETTERS


def _ink_runs(on: np.ndarray, letter: float) -> list[tuple[int, int]]:
    """The runs (top, bottom) of pixel rows ``on``, a gap under 0.3 letters (an accent's above its letter)
    bridged."""
    runs: list[tuple[int, int]] = []
    y = 0
    while y < len(on):
        if not on[y]:
            y += 1
            continue
        top = y
        while y < len(on) and on[y]:
            y += 1
        if runs and top - runs[-1][1] < 0.3 * letter:
            runs[-1] = (runs[-1][0], y)  # (an accent's gap above its letter)
        else:
            runs.append((top, y))
    return runs


def _row_words(tokens: Sequence[tesseract.Token]) -> list[tuple[str, float]]:
    """One reading of a name's row: its trailing run of capitalised words (two glued by the seal's ring or
    the pen split, ``_unglued``; a capital garbled repaired, ``_capital_lost``), at most four, each with its
    confidence (a split word's halved; a word taken from its tail, ``tail_name``, too). A speck between
    the name's words read as marks alone or as one small letter ("Khúc £fuang . Vĩnh", "Châu đuang h Lực")
    is no word and stops no run; a family name read with a small capital ("khúc Công Phúc") leads it."""
    words: list[tuple[str, float]] = []
    headless: set[int] = set()  # the second halves of glued words: the ring over the space may take a letter
    for t in tokens:
        if t.conf < 0 or not t.text.strip():
            continue
        parts = _unglued(lookalike_letters(nfc(t.text.strip())))
        for j, p in enumerate(parts):
            bare = consonant_marks_dropped(nfc(p.strip(_ROW_MARKS)))
            if not any(ch.isalnum() for ch in bare) or (len(bare) == 1 and bare.islower()):
                continue  # (marks alone: "—" after "Đinh Đức Khánh", the seal's arc read as a dash)
            conf = t.conf * (0.5 if len(parts) > 1 else 1.0)
            if j:
                headless.add(len(words))
            word = _capital_lost(_vowel_small(bare))
            # (a capitalised word that is no syllable nor a listed family name, "Xéyọc": the ring's marks
            # where the capital stood; not "Ksor", nor a Highlands name, "Mdrang": ``minority_onset``)
            whole = is_syllable(word) or word in SURNAMES or minority_onset(word)
            garbled = not _capitalised(word) or not whole
            if garbled and (tail := tail_name(word)) is not None:
                word, conf = tail, 0.5 * conf
            words.append((word, conf))
    for i in headless:
        if i + 1 < len(words) and words[i][0][:1].isupper():
            # "Tiết⁄Ết Toan": the ring across "t V" of "Tiết Viết" glued the words and took the middle word's
            # capital (a vowel read in its place): the one common middle name its letters end
            # (``_lost_head``), else no word read there, and the reading gives no name rather than one with a
            # word no one bears ("Tiết Ết Toan", voted, seed 875 alt 013)
            bare = unicodedata.normalize("NFD", words[i][0][:1].lower())[0]
            if words[i][0] not in NAME_SYLLABLES and bare in _VOWEL_LETTERS:
                middle = _lost_head(words[i][0])
                if not middle:
                    return []
                words[i] = (middle, words[i][1])
    run: list[tuple[str, float]] = []
    for w, c in reversed(words):
        if run and _capitals_surname(w):
            w = w[0] + w[1:].lower()  # "LÃ Xuân Khải": the family name's small marked vowel read big
        if run and (lead := _small_family(w)) is not None:
            run.insert(0, (lead, c))  # "khúc Công Phúc": the family name's capital read small
            break
        if run and (lead := small_family(w)) is not None:
            # "không Phương Khuyến": a family name's letters, its capital read small and its marks another
            # word's ("Khổng"): the family name by its letters, a guess (half its confidence)
            run.insert(0, (lead, 0.5 * c))
            break
        if run and not _capitalised(w) and not _led(run) and (end := _family_end(w)) != w:
            if _word_behind(w, end):
                # "Trịn)ếỹ Phương" (the ring across "h S" of "Trịnh Sỹ"): a word lost, no "Trịnh Phương"
                return []
            # "Khổn6 Xuân Khải": the ring over the family name's last letter; "Tru»6 Hữu Bình": over its end
            run.insert(0, (end, 0.5 * c))
            break
        if not run and _small_capital(w):
            # "Đoàn Thu tan": the blur made the last word's capital a small letter ("L" read as "t"); kept as
            # read, small, for the vote to count for the word of its other letters only (``_agrees``)
            run.insert(0, (w, c))
            continue
        if not _capitalised(w) or (len(w) == 1 and w not in _ONE_LETTER_NAMES):
            break  # (one capital letter no name's word is: "Š", "Ö" of the seal's ring before the name)
        run.insert(0, (w, c))
    if run and not _capitalised(run[0][0]):
        return []  # a word of small letters alone, no capitalised word before it: no name read
    return run[-4:]


SMALL_CAPITAL_LETTERS = 3  # letters at least of a name's last word read with its capital small ("tan")


def _small_capital(word: str) -> bool:
    """A word of small letters (``SMALL_CAPITAL_LETTERS`` or more) at the end of a name's row: maybe the
    name's last word with its capital read as a small letter (a blurred "L" as "t": "Đoàn Thu tan", seed 423
    dev 011). Only the words before it, capitalised, make it a name's word (``_row_words``)."""
    return len(word) >= SMALL_CAPITAL_LETTERS and word.isalpha() and word.islower()


# the one-letter words of names (an Ê Đê man's "Y", a Hmong man's middle "A": ``signer``'s name_tokens)
_ONE_LETTER_NAMES = frozenset({"Y", "A"})


# the two consonants that open a Vietnamese word (any other pair opens none: "Md" of "Mdrang", "Kp" of "Kpă",
# "Hđ" of "Hđơk", "Bk" of "Bkrông" open names of the Central Highlands' peoples, read whole)
def _led(run: Sequence[tuple[str, float]]) -> bool:
    """A run of a name's words that is a whole name already: three words or more led by a family name (a
    garbled word before it is the seal's, not a family name's end)."""
    return len(run) >= 3 and run[0][0] in SURNAMES


def _capitalised(word: str) -> bool:
    """A word of letters as a name's word is printed: a capital, then small letters."""
    return word.isalpha() and word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _vowel_small(word: str) -> str:
    """A capitalised word whose second letter was read as a capital, the rest small ("CẾng", "CỐng", "LỐng":
    the blur made the marked vowel of "Công" as tall as its capital), with that letter small; a word of two
    capitals, the second a marked vowel, that is a listed name's word with it small ("MỸ" → "Mỹ"); any other
    word as it is."""
    if len(word) >= 3 and word.isalpha() and word[:2].isupper() and word[2:].islower():
        return word[0] + word[1:].lower()
    if (
        len(word) == 2
        and word.isalpha()
        and word.isupper()
        and len(unicodedata.normalize("NFD", word[1])) > 1
    ):
        # "MỸ" of "Hồ Mỹ Ước" (its "ỹ", tilde and tail, as tall as the "M" in every reading, w655 dev 006):
        # a two-letter word whose marked vowel was read big, a listed name's word with it small
        small = word[0] + word[1].lower()
        if small in NAME_SYLLABLES or small in SURNAMES:
            return small
    return word


def _small_family(word: str) -> str | None:
    """A word read in small letters that is, capitalised, a listed family name (marks and all) and no given
    name ("khúc" → "Khúc"; not "văn", "kim", names' words too): the family name, its capital read small."""
    if not (len(word) >= 2 and word.isalpha() and word.islower()):
        return None
    cap = word[0].upper() + word[1:]
    return cap if cap in SURNAMES and cap not in NAME_SYLLABLES else None


_VOWELS = frozenset("aeiouyAEIOUY")


def consonant_marks_dropped(word: str) -> str:
    """A word with the marks a blurred photo put over its consonants taken off ("Đìñh" → "Đình": the blur of
    the "i"'s dot and grave read as a tilde over the "n"): no Vietnamese consonant bears a mark (the "đ" is a
    letter of its own), so the mark is the blur's, and the vowels' marks are kept as read. Only when a vowel
    of the word bears a tone: over bare vowels the mark is likely their own tone the blur moved ("M̃y" for
    "Mỹ", "H̀oa" for "Hòa"), and dropping it would give another name read surely, so the word is left as read
    (not a word of letters alone, it stops the name's run)."""
    chars = unicodedata.normalize("NFD", word)
    base = ""
    toned = False
    for ch in chars:
        if not unicodedata.combining(ch):
            base = ch
        elif base in _VOWELS and ch in TONE_MARKS:
            toned = True
    if not toned:
        return word
    out: list[str] = []
    for ch in chars:
        if unicodedata.combining(ch) and out and out[-1].isalpha() and out[-1] not in _VOWELS:
            continue
        out.append(ch)
    return nfc("".join(out))


def _capitals_surname(word: str) -> bool:
    """A short word in capitals (at most three letters) whose small-lettered form is a listed family name
    ("LÃ", "LÒ") and no title's word: read before a capitalised name, it is the name's family name."""
    return (
        2 <= len(word) <= 3 and word.isalpha() and word.isupper() and word[0] + word[1:].lower() in SURNAMES
    )


def vote_name(readings: Sequence[Sequence[tuple[str, float]]], *, unnamed: bool = False) -> list[str] | None:
    """The name most readings of its row give, word by word: of the readings' word counts (2..4) the most
    common one (of more than half of the readings that give one, at least ``ROW_VOTES``); at each place the
    listed form (a family name first, then given names: ``NAME_SYLLABLES``) read with the most confidence
    summed, its letters (marks aside) given by at least ``ROW_VOTES`` readings and half of them. None when a
    place has no such form or the name is not well formed. ``unnamed``: the first reading gave no name at
    all, so a voted one, in doubt, can only replace nothing (``_unlisted_vote``)."""
    # (each given name's word one letter from a listed name's as that name: ``_listed``; a vowel the readings
    # disagree on as the listed name's, ``_vowels_guessed``)
    listed_words = _vowels_guessed(
        [
            [(_listed(w, 0 < k < len(r) - 1) if k else _family_end(w), c) for k, (w, c) in enumerate(r)]
            for r in readings
            # (a family name's word holding the next word's letters gives no name: ``_word_behind``)
            if not r or r[0][0] in SURNAMES or not _word_behind(r[0][0], _family_end(r[0][0]))
        ]
    )
    got = [r for r in listed_words if 2 <= len(r) <= 4]
    if len(got) < ROW_VOTES:
        return None
    size, n = Counter(len(r) for r in got).most_common(1)[0]
    if n < ROW_VOTES or 2 * n <= len(got):
        return None
    same = [r for r in got if len(r) == size]
    # every reading gave a mark on the name's other words: the row's marks were read, not lost to the blur
    marks_read = all(any(fold(w) != w.lower() for w, _ in r[1:]) for r in same)
    name: list[str] = []
    loose_at: list[bool] = []
    lost_at: list[bool] = []
    for i in range(size):
        weight: dict[str, float] = {}
        count: Counter[str] = Counter()
        for r in same:
            weight[r[i][0]] = weight.get(r[i][0], 0.0) + r[i][1]
            count[r[i][0]] += 1
        listed = SURNAMES if i == 0 else NAME_SYLLABLES
        known = [w for w in weight if w in listed]
        best = _read_alike(i, weight, count) or (
            max(known, key=lambda w: weight[w])
            if known
            else _unlisted_vote(i, size, weight, count, unnamed=unnamed, marks_read=marks_read)
        )
        if best is None:
            return None  # no family name read as one; a given name no list has ("Niến", "Xọc": the pen over
            # "Minh", "Ngọc" read alike in every reading) is no name put together from votes
        if i == 0:
            # (a family name only: at a given name's place ``fix_syllable`` takes the listed form back)
            best = _tone_outvoted(best, weight, count, len(same)) or best
        # readings that give its letters, whatever marks (a blurred mark is read at random: "Đỉnh",
        # "Định"), or its letters but a garbled capital (``_agrees``; not when another reading gives another
        # listed name with those letters: "Tuân" against "Xuân")
        loose = not any(fold(w) != fold(best) and w[1:] == best[1:] for w in known)
        # ... or a letter lost (``_letter_lost``: "Tu" of "Thu"), when readings enough give it whole
        lost = sum(c for w, c in count.items() if fold(w) == fold(best)) >= ROW_VOTES
        support = sum(c for w, c in count.items() if _gives(w, best, i, loose, lost))
        loose_at.append(loose)
        lost_at.append(lost)
        if support < ROW_VOTES or 2 * support < len(same):
            return None
        name.append(best)
    # the whole name (marks aside) given by enough readings: places voted apart ("Nguyễn Văn An", "Nguyễn Văn
    # Bình", "Trần Văn Bình") make no name no reading gave ("Nguyễn Văn Bình")
    whole = [
        r
        for r in same
        if all(
            _gives(w, v, k, lo, ls)
            for k, ((w, _), v, lo, ls) in enumerate(zip(r, name, loose_at, lost_at, strict=True))
        )
    ]
    if len(whole) < ROW_VOTES:
        return None
    return name if well_formed(name) else None


def _read_alike(place: int, weight: dict[str, float], count: Counter[str]) -> str | None:
    """The given name every reading of a name's row gave at ``place`` (after the family name's), letter and
    mark alike (``UNLISTED_VOTES`` readings at least), read surely on average (``SURE_WORD_CONF``): a
    capitalised Vietnamese syllable no list has as it stands, whose letters and vowel marks a listed name has
    with another tone, where no such listed form's tone print is misread as the one read (``MISREAD_TONES``):
    a hook read six times at 91 where the listed forms have an acute or none (w701 alt 003). A unanimous sure
    reading with a tone no misreading gives is the word printed: the list is no census. None otherwise (the
    vote's own rules: ``_unlisted_vote``). Not the family name's place: "Lực" read six times at 90 was "Lục"
    (seed 209, a blurred photo: a horn made of the blur in every reading)."""
    if place == 0 or len(count) != 1:
        return None
    ((top, n),) = count.items()
    if n < UNLISTED_VOTES or weight[top] < n * SURE_WORD_CONF * 100:
        return None
    if not (top.isalpha() and top[:1].isupper() and top[1:].islower() and is_syllable(top)):
        return None
    if top in NAME_SYLLABLES or fold(top) not in F_SYLLABLES:
        return None  # (a listed name, or letters no listed name has: the vote's own rules)
    base, tone = split_tone(top)
    forms = [f for f in F_SYLLABLES[fold(top)] if split_tone(f)[0] == base]
    if not forms or any(_tone_misread(split_tone(f)[1], tone) for f in forms):
        return None  # another vowel's marks, or a listed form's tone print is read as this one (or lost)
    if any(split_tone(f)[1] in _PRINT_CONFUSED for f in forms):
        return None  # (review of namefix58: "Bắng" for "Bằng", "Quãng" for "Quảng", "Mỳ" for "Mỹ" all seen)
    if any(split_tone(f)[1] != "0" and f in COMMON_NAME_SYLLABLES for f in forms):
        # a common name's tone read as another, even one print does not confuse ("Húng" five times at 95:
        # "Hùng", one of the commonest names, a tone misread once in a hundred far likelier than a name
        # nobody has): the listed one
        return None
    return top


def _tone_misread(printed: str, read: str) -> bool:
    """A tone ``printed`` (``syllable.TONE_MARKS``' digit, "0" for none) Tesseract surely reads as ``read``
    (``MISREAD_TONES``), or lost."""
    return (printed, read) in MISREAD_TONES or (read == "0" and printed != "0")


# (printed, read) tones (``syllable.TONE_MARKS``' digits) Tesseract takes one for the other on print, however
# surely: a hook or a tilde read as an acute ("Tháo" six times at 88 for "Thảo", seed 207), a grave or a tilde
# read as a hook ("Hủng" for "Hùng"). A unanimous reading with such a tone is no reading of it
# (``_tone_told_apart_from_listed``); one with a tone none of these makes of a listed form's ("Huẩn" for
# "Huấn" or "Huân") is
MISREAD_TONES = frozenset({("3", "1"), ("4", "1"), ("2", "3"), ("4", "3")})
# the tones (grave, hook, tilde) print confuses with each other and with an acute both ways: a listed form
# with one of them is kept against any other tone read alike (only a listed acute, dot or none is not)
_PRINT_CONFUSED = frozenset({"2", "3", "4"})


def _tone_outvoted(best: str, weight: dict[str, float], count: Counter[str], readings: int) -> str | None:
    """The word most of a name row's ``readings`` read at a place, with ``best``'s letters and a tone print
    does not confuse with its (``tones_told_apart``: acute and grave), a Vietnamese syllable, with more
    confidence summed than ``best`` (the listed form a reading or two gave): "Đống" read five times, "Đồng"
    once (wide seed 661 alt 010) is "Đống", whatever the list holds. None otherwise: a hook read as an acute
    ("Hiếu" for "Hiểu") outvotes nothing, nor is a frequent family name outvoted ("Trấn" read five times is
    "Trần": far commoner than any name the list lacks with its letters). ``best`` may be a listed form no
    reading gave (``_unlisted_vote``: "Trấn" → "Trần"), its weight none."""
    if best not in SURNAMES or SURNAMES.index(best) < FREQUENT_SURNAMES:
        return None
    rivals = [
        w
        for w in weight
        if w != best
        and fold(w) == fold(best)
        and w.isalpha()
        and is_syllable(w)
        and tones_told_apart(w, best)
    ]
    if not rivals:
        return None
    top = max(rivals, key=lambda w: weight[w])
    return top if 2 * count[top] > readings and weight[top] > weight.get(best, 0.0) else None


def _unlisted_vote(
    place: int,
    size: int,
    weight: dict[str, float],
    count: Counter[str],
    *,
    unnamed: bool = False,
    marks_read: bool = False,
) -> str | None:
    """The word voted at a place of a name's row where no reading gave a listed form, always one of the
    readings' words or a listed form they allow (three "Lẫm" and three "Lắm" are no "Lâm"). At the family
    name's place, the one family name with the surest word's letters (marks aside: "Lực" → "Lục", "Đình" →
    "Đinh"; none where two have them: "Lâ" is "La" or "Lã"); where no listed family name has them, a family
    name no list has ("Đài", "Đái" for "Đái"), taken only as every reading of the row gave its letters (marks
    aside), in at least ``UNLISTED_VOTES`` readings, of a name of three words or more, the surest as read: a
    Vietnamese syllable and no listed given name ("Phước Hiếu" of readings that lost the family name under the
    seal). At a given name's place whose letters a listed name has, the listed form its marks are nearest to
    (``name_form``) of those with a tone mark where the surest word has one ("Tháo" → "Thảo": a mark above the
    vowel read, one misread); where none has ("Lẫm", "Lắm": a mark above read in every reading, "Lâm" has
    none), the surest word as read, a Vietnamese syllable: a vote chooses among the words read (a word that is
    none, marks the blur doubled, as the nearest listed form); at a middle word, the common middle name
    ("Vấn": "Văn"). A given name no list has otherwise is taken only as every reading of the row read it,
    letter and mark, in at least ``UNLISTED_VOTES`` readings, and a word Vietnamese uses (``correct.common``:
    "Khuyến", "Giáp"; not the pen's "Niến"). None otherwise. (The row's name is in doubt whatever the vote:
    ``ROW_CONF``.) ``marks_read``: every reading gave the name's other words a mark
    (``_plain_family_read``)."""
    capitalised = [w for w in weight if w[:1].isupper()]
    if not capitalised:
        return None  # (only words read with a small first letter: a capital garbled, no word to take)
    top = max(capitalised, key=lambda w: weight[w])
    key = fold(top)
    total = sum(count.values())
    if place == 0:
        forms = [s for s in SURNAMES if fold(s) == key]
        fits = size >= 3 and top not in NAME_SYLLABLES and top.isalpha() and is_syllable(top)
        if forms:
            if len(forms) == 1 and _plain_family_read(top, forms[0], weight, count) and fits and marks_read:
                return top
            return forms[0] if len(forms) == 1 else None
        agreed = sum(c for w, c in count.items() if fold(w) == key) == total >= UNLISTED_VOTES
        return top if agreed and fits else None
    if key in F_SYLLABLES:
        # the listed forms with the surest word's "Đ" or "D": the bar of a "Đ" is a letter's, no mark a blur
        # made or lost ("Điềm" read in every reading is no "Diễm", seed 833 corp 008); with none, the word as
        # read, a Vietnamese syllable
        forms = [f for f in F_SYLLABLES[key] if same_bar(f, top)]
        if not forms:
            return top if top.isalpha() and is_syllable(top) else None
        middle = place < size - 1
        if middle and any(f in MIDDLE_NAMES for f in forms):
            return name_form(forms, top, middle=True)  # "Vấn": the common middle name "Văn"
        toned = [f for f in forms if tone_place(f) == tone_place(top)]
        if toned or not (top.isalpha() and is_syllable(top)):
            return name_form(toned or forms, top, middle=middle)
        return top
    alike = count[top] == total >= UNLISTED_VOTES
    # (every reading gives its letters, most of them its mark too: a blurred tone mark read two ways, "Xảo"
    # five times, "Xáo" three, the word's letters sure; seed 647 dev 010 lost "Hoàng Diệu Hồng Xảo")
    same_letters = sum(c for w, c in count.items() if fold(w) == key) == total
    if (
        unnamed
        and size >= 3
        and is_syllable(top)
        and count[top] >= UNNAMED_VOTES
        and (3 * count[top] >= 2 * total or (same_letters and 2 * count[top] > total))
    ):
        # the first reading gave no name at all: a Vietnamese syllable two readings of the row in three read
        # alike, letter and mark, ``UNNAMED_VOTES`` at least, is the name's word though the corpus never shows
        # it ("Ngoạn" of "Tăng Hoài Ngoạn" nine times, seed 853 corp 001; "Túc" seven times of nine, one
        # "Tóc", one "Tác", seed 847 corp 011: the rare given names of real people are no administrative
        # text's words). The voted name is in doubt (``ROW_CONF``) and replaces no name: a pen's stroke read
        # alike ("Niến") is no sure wrong name, only a review with a guess
        return top
    return top if alike and is_syllable(top) and correct.common(top) else None


def _plain_family_read(top: str, listed: str, weight: dict[str, float], count: Counter[str]) -> bool:
    """A name row's family-name place that every reading, ``UNLISTED_VOTES`` at least, read as ``top``, letter
    for letter, with no mark at all and each surely on average (``SURE_WORD_CONF``), where the one listed
    family name with its letters is a rare one that bears marks ("Ung" (97) read six times, listed "Ứng":
    seed k909 dev 002): a capital's hat, horn and tone are big marks no reading of a clear print loses every
    time; the word printed is the plain one, a family name the list lacks. A frequent one ("Nguyen" for
    "Nguyễn") is the listed one whatever the readings. Only where the listed one's marks stand on its capital
    (``capital_marked``: "Ứng", "Ông", "Âu"), and the caller checks the row's other words kept marks in
    every reading: a blurred photo loses a small letter's tone ("Phùng", "Thân") and a rare name's marks
    wholesale in every reading as easily, and the bar of a "Đ" ("Đàm", "Đồng") is no mark at all (review of
    marks54)."""
    total = sum(count.values())
    return (
        count[top] == total >= UNLISTED_VOTES
        and weight[top] >= total * SURE_WORD_CONF * 100
        and fold(top) == top.lower()
        and nfc(listed) != top
        and SURNAMES.index(listed) >= FREQUENT_SURNAMES
        and capital_marked(listed)
    )


def _word_behind(word: str, surname: str) -> bool:
    """A garbled word taken for the family name ``surname`` by its head holds letters of another word of the
    name: small letters after the seal's ring's marks that the family name lacks (``_word_after_ring``:
    "Luu4fáo" for "Lưu Bảo"), or a second syllable (``_two_syllables``: "Trịn)ếỹ", "Trịnếý" for "Trịnh Sỹ",
    seed 871 dev 000). Taken for the family name alone, the name would lose that word."""
    bare = nfc(word.strip(_ROW_MARKS))
    return _word_after_ring(bare, surname) or _two_syllables(bare)


def _two_syllables(word: str) -> bool:
    """A word's letters (the ring's marks inside it aside) hold two syllables: a Vietnamese syllable has one
    run of vowels, and this has a second, after a consonant, that with the letters after it is two letters
    or more and bears a tone mark ("ếý" of "Trịnếý", "áo" of "Lưjfáo"). A garbled last letter read as a
    marked vowel ("Hoànế" for "Hoàng") is one letter, no syllable; a run of garbled vowels ("Trượờổ") is
    one run."""
    letters = [ch for ch in word if ch.isalpha()]
    bases = [unicodedata.normalize("NFD", ch.lower())[0] for ch in letters]
    runs = 0
    for i, b in enumerate(bases):
        if b in _VOWEL_LETTERS and (i == 0 or bases[i - 1] not in _VOWEL_LETTERS):
            runs += 1
            if runs == 2:
                rest = "".join(letters[i:])
                return len(rest) >= 2 and _marks(rest) >= 1
    return False


def _marks(word: str) -> int:
    """The tone marks on a word's letters."""
    return sum(ch in TONE_MARKS for ch in unicodedata.normalize("NFD", word))


def _family_end(word: str) -> str:
    """A reading's word at a name's row's family name: a word that is no syllable whose last letter the ring
    garbled into a letter or a mark ("Hoànế" for "Hoàng", "Khổn6", "KhổnØ" for "Khổng"; ``surname_by_end``)
    as that family name; any other as read."""
    if word in SURNAMES or (word.isalpha() and is_syllable(word)):
        return word
    head = word[:-1]
    if (
        len(head) >= HEAD_LETTERS - 1
        and head.isalpha()
        and head[:1].isupper()
        and head[1:].islower()
        and (end := surname_by_end(head + "x")) is not None  # (the garbled last letter as any letter)
    ):
        return end
    return _family_head(word) or word


FAMILY_HEAD_LETTERS = 3  # a garbled family name's first letters (marks aside) that may tell it: "Tru"


def _family_head(word: str) -> str | None:
    """The family name a garbled word at a name's row's family name stands for when the seal's ring or the
    blur took its end: a word with a capital that is no syllable, whose first letters (marks aside,
    ``FAMILY_HEAD_LETTERS`` or more, the longest such head that begins any) begin one family name, or one
    of the list's frequent ones ("Tru»6", "Trượờổ", "Trugz6" for "Trương": seed 265 dev 013, the given names
    read clear in every reading). None for a word read whole, or a head that begins none or several."""
    if not word[:1].isupper() or (word.isalpha() and is_syllable(word)):
        return None
    letters = ""
    for ch in word:
        if not ch.isalpha():
            break
        letters += ch
    if not letters[1:].islower():
        return None  # "KhổRØ": a capital inside the word, no name's word's head
    for n in range(len(letters), FAMILY_HEAD_LETTERS - 1, -1):
        key = fold(letters[:n])
        hits = [v for k, v in F_SURNAMES.items() if k.startswith(key)]
        if len(hits) > 1:
            hits = [v for v in hits if SURNAMES.index(v) < FREQUENT_SURNAMES]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def _gives(word: str, voted: str, place: int, loose: bool, lost: bool) -> bool:
    """A reading's word at ``place`` of a name's row gives the ``voted`` word: it agrees with it
    (``_agrees``), or, at the family name's place, is it with its last letter lost (``_end_lost``), or,
    ``lost`` (readings enough give the voted word's letters whole), is it with one letter lost
    (``_letter_lost``)."""
    return (
        _agrees(word, voted, loose)
        or (place == 0 and _end_lost(word, voted))
        or (lost and _letter_lost(word, voted, SURNAMES if place == 0 else NAME_SYLLABLES))
    )


LOST_LETTER_MIN = 3  # letters (marks aside) a voted word has at least for a reading with one less to give it


def _letter_lost(word: str, voted: str, listed: Collection[str]) -> bool:
    """A reading's word is the voted word's letters (marks aside) with one of them lost, and no listed name
    as read (``listed``: a rival reading, "Tuân" against "Tuấn", is no lost letter): a blurred photo
    merges a thin letter into its neighbour ("Tu" read seven times of ten for "Thu", the "h" run into the
    "T"; seed 265 dev 004)."""
    key, full = fold(word), fold(voted)
    if word in listed or len(full) < LOST_LETTER_MIN or len(key) != len(full) - 1:
        return False
    return any(full[:k] + full[k + 1 :] == key for k in range(len(full)))


def _end_lost(word: str, voted: str) -> bool:
    """A reading's word at the family name's place is the voted family name with its last letter lost under
    the ring: its letters but the last, marks kept and one of them marked ("Hoàn" of "Hoàng")."""
    return len(word) >= 3 and word == voted[:-1] and fold(word) != word.lower().replace("đ", "d")


UNLISTED_VOTES = 3  # readings that must all give a given name no list has, letter for letter
# ... and, one no text uses either, where the first reading gave no name at all (``_unlisted_vote``)
UNNAMED_VOTES = 5


def _agrees(word: str, voted: str, loose: bool) -> bool:
    """A reading's word gives the voted one: its letters, whatever marks; or (``loose``: no reading gives
    another listed name with them), no syllable, its letters after the first as they stand ("Ấuân" of "Xuân":
    the seal's ring over the capital, a mark read over it)."""
    if fold(word) == fold(voted):
        return True
    garbled = len(word) >= 3 and word[:1] != voted[:1] and not is_syllable(word)
    # (a name's word read with a small first letter, "tan" for "Lan": its capital garbled, a word or not)
    garbled = garbled or (len(word) >= SMALL_CAPITAL_LETTERS and word[:1].islower() and voted[:1].isupper())
    return loose and garbled and word[1:] == voted[1:]


def _listed(word: str, middle: bool) -> str:
    """A given name's word of one reading of a name's row as a listed name one letter from it
    (``nearest_name``: "Miấh", the seal's ring over the "n" of "Minh"), else as read (a listed name's letters
    with other marks, "Đỉnh", are voted on as read: its marks are the readings' to tell)."""
    if fold(word) in F_SYLLABLES or is_syllable(word):
        # (a Vietnamese syllable read whole is a word read, not a garble: "Ngoạn", a rare given name, is no
        # "Ngân" one letter from it; the vote weighs it as read)
        return word
    return nearest_name(word, middle=middle) or word


def _vowels_guessed(readings: list[list[tuple[str, float]]]) -> list[list[tuple[str, float]]]:
    """The readings of a name's row, each given name's word of three letters that is no listed name taken
    as the one its vowel was garbled from (``_vowel_garbled``) only where another reading of as many words
    reads that name's vowel there ("Kếm" beside "Kín": the seal's stroke through the "i" of "Kim"). A word
    every reading reads alike, or whose vowel no other reading tells otherwise, is a name read right
    ("Nguyễn Thị Mến" six times: "Mến", not "Mẫn")."""
    out = []
    for r in readings:
        row = [r[0]] if r else []
        for k, (w, c) in enumerate(r[1:], start=1):
            guess = _vowel_garbled(w, middle=k < len(r) - 1)
            others = {fold(o[k][0]) for o in readings if len(o) == len(r)} - {fold(w)}
            told = guess is not None and any(o[:2] == fold(guess)[:2] for o in others)
            if not told:
                guess, told = _vowel_told(w, others, middle=k < len(r) - 1), True
            row.append((guess, c) if guess is not None and told else (w, c))
        out.append(row)
    return out


def _vowel_told(word: str, others: set[str], *, middle: bool = False) -> str | None:
    """The listed name a capitalised word of a name's row, no listed name, stands for when another reading
    of as many words reads that name there, its letters but one vowel the word's (marks aside): the seal's
    stroke or the blur through that vowel ("Mếnh" where another reading read "Minh", seed 451 dev 008: no
    other name has "m?nh" but "Mạnh", which no reading gave). None when no reading, or readings of two such
    names, tell it (the vote weighs the guess with the readings)."""
    key = fold(word)
    if not word[:1].isupper() or not key.isalpha() or key in F_SYLLABLES:
        return None
    told = {
        o
        for o in others
        if o in F_SYLLABLES
        and len(o) == len(key)
        and sum(a != b for a, b in zip(o, key, strict=True)) == 1
        and all(a in _VOWEL_LETTERS and b in _VOWEL_LETTERS for a, b in zip(o, key, strict=True) if a != b)
    }
    return name_form(F_SYLLABLES[told.pop()], word, middle=middle) if len(told) == 1 else None


_VOWEL_LETTERS = "aeiouy"
VOWEL_WORD = 3  # letters of a name's word whose one vowel, between two consonants, a seal's stroke may garble


def _vowel_garbled(word: str, *, middle: bool = False) -> str | None:
    """The listed name a capitalised word of ``VOWEL_WORD`` letters, no name's, stands for when its vowel
    between its two consonants was garbled (the seal's stroke through the "i" of "Kim" read as "ế": "Kếm"
    in seven readings of ten, seed 281 alt 007; ``nearest_name`` guesses no word that short): the one listed
    name with its consonants and another vowel, marks aside. None for none or several (a guess only the
    row's votes, in doubt, may take)."""
    key = fold(word)
    if len(key) != VOWEL_WORD or not word[:1].isupper() or not key.isalpha():
        return None
    if key[1] not in _VOWEL_LETTERS or key[0] in _VOWEL_LETTERS or key[2] in _VOWEL_LETTERS:
        return None  # (a vowel at either end, "Dày", "Đôi": no vowel between two consonants)
    near = [
        k
        for k in F_SYLLABLES
        if len(k) == VOWEL_WORD and k[0] == key[0] and k[2] == key[2] and k[1] in _VOWEL_LETTERS and k != key
    ]
    return name_form(F_SYLLABLES[near[0]], word, middle=middle) if len(near) == 1 else None


def _middle_vowel_garbled(word: str) -> str | None:
    """The middle name a middle word of ``VOWEL_WORD`` letters that is no syllable stands for, its vowel
    between two consonants garbled by the seal's stroke: the one listed name with those consonants
    (``_vowel_garbled``), else the one common middle name (``MIDDLE_NAMES``) among several ("Đếc" (74),
    seed 485 dev 001, a bitonal photo, the ring's stroke through the "ứ" of "Hồ Đức Phong": "Đức", not the
    rare "Đắc"). A guess: the name pass's readings vote on it and it goes to review. None for a syllable
    (read as printed) and for a word no common middle name fits."""
    if is_syllable(word):
        return None
    if (listed := _vowel_garbled(word, middle=True)) is not None:
        return listed
    key = fold(word)
    if len(key) != VOWEL_WORD or not word[:1].isupper() or not _consonant_vowel_consonant(key):
        return None
    common = [m for m in MIDDLE_NAMES if _consonant_vowel_consonant(fold(m)) and fold(m)[::2] == key[::2]]
    return common[0] if len(common) == 1 else None


def _consonant_vowel_consonant(key: str) -> bool:
    """A folded word of three letters: a consonant, a vowel, a consonant ("duc", "van")."""
    return (
        len(key) == VOWEL_WORD
        and key.isalpha()
        and key[1] in _VOWEL_LETTERS
        and key[0] not in _VOWEL_LETTERS
        and key[2] not in _VOWEL_LETTERS
    )


_PREFIXES = frozenset(AUTH_PREFIXES)


def _title_text(tokens: Sequence[tesseract.Token]) -> str | None:
    """One reading of a title's row: its trailing run of words in capitals, folded ("q cuc truong"), when it
    is a known title after an authority's prefix or none; None otherwise."""
    run: list[str] = []
    for t in reversed([t for t in tokens if t.conf >= 0 and t.text.strip()]):
        bare = nfc(t.text.strip(_NAME_MARKS))
        if not (bare.isalpha() and bare.isupper()):
            break
        run.insert(0, fold(bare))
    while run and run[0] not in _PREFIXES and " ".join(run) not in F_TITLES:
        run.pop(0)  # a letter the seal's ring or the pen made before the title
    title = run[1:] if run and run[0] in _PREFIXES else run
    return " ".join(run) if title and " ".join(title) in F_TITLES else None


def vote_title(readings: Sequence[str | None]) -> list[str] | None:
    """The title's row's words (its prefix as "KT.", the title in capitals) that most readings give (at
    least ``ROW_VOTES`` and more than half of those that give one), or None."""
    split = []
    for r in readings:
        words = r.split() if r else []
        if words:
            split.append((words[0], " ".join(words[1:])) if words[0] in _PREFIXES else ("", " ".join(words)))
    if not split:
        return None
    # the title voted on its own (a shaken "KT." is lost in some readings: "kt cuc truong", "cuc truong"),
    # then its prefix, when enough of its readings give it
    title, n = Counter(t for _, t in split).most_common(1)[0]
    if n < ROW_VOTES or 2 * n <= len(split):
        return None
    heads = Counter(h for h, t in split if t == title and h).most_common(1)
    head = [heads[0][0].upper() + "."] if heads and heads[0][1] >= ROW_VOTES else []
    return head + F_TITLES[title].upper().split()


def _read_row(
    region: np.ndarray,
    row: tuple[int, int, int, int, float],
    letter: float,
    *,
    lang: str,
    timeout: float,
    centre: float | None = None,
    sharpen: bool = False,
    limits: tuple[int, int] | None = None,
    trim: bool = False,
) -> tuple[list[list[tesseract.Token]], tuple[int, int, int, int]]:
    """A row of ``print_rows`` read on its own (``--psm 7``) at ``ROW_SCALES``, as cut and with the ink
    lighter than the print made paper: each reading's tokens, and the row's cut (top, bottom, left, right) in
    the region. With the ``centre`` (the region's column) of the title the row is printed under, the cut
    reaches as far either side of it as the row's print does on the other: a name is printed centred under
    its title, and a word of it glued to the seal's ring or the pen's stroke is no letter-sized ink of the
    row ("Phan" inside the ring of "Phan Ngọc Hoa": the row read "Ngọc Hoa", seed 209 dev 001). With
    ``sharpen``, the cut read sharpened instead (``_sharpened``). With ``limits`` (top, bottom), the cut
    kept within them (``_between``: not into the next rows' print); with ``trim``, to the row's main run of
    print (``_main_run``)."""
    top, bottom, left, right, level = row
    if trim:
        left, right = _main_run(region[top:bottom], left, right, level, letter)
    if centre is not None:
        left, right = max(0, min(left, round(2 * centre - right))), max(right, round(2 * centre - left))
    pad = int(0.6 * letter)
    lo, hi = limits if limits is not None else (0, region.shape[0])
    box = (max(lo, top - pad), min(hi, bottom + pad), max(0, left - 2 * pad), right + 2 * pad)
    crop = region[box[0] : box[1], box[2] : box[3]]
    readings = []
    for im in _sharpened(crop) if sharpen else _row_images(crop, level):
        im = cv2.copyMakeBorder(im, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
        tokens = tesseract.image_to_data(im, lang=lang, psm=7, dpi=300, timeout=timeout)
        if not any(t.conf >= 0 and t.text.strip() for t in tokens):
            # a line Tesseract's line finding gave up on (no word at all, not even junk: the blurred letters
            # of "Ông Công Phúc" under the seal's arc, seed 265 alt 003) read as a raw line instead
            tokens = tesseract.image_to_data(im, lang=lang, psm=RAW_LINE, dpi=300, timeout=timeout)
        readings.append(tokens)
    return readings, (top, bottom, box[2], min(region.shape[1], box[3]))


GLUED_CONF = 30  # (Tesseract's 0..100) a row's word read this unsure, as wide as ...
GLUED_WIDTH = 4.0  # ... this many letters, may be two words glued by the seal's ring over their space
GLUED_SURE = 80  # (0..100) a tail of it read alone as a listed name's word this sure (twice) is that word
GLUED_STEP = 0.5  # letters: the tails of the glued word read alone start this far apart
GLUED_TAILS = 12  # at most this many tails read (a wide junk word: 2 readings a letter, bounded)


def _glued_middle(
    region: np.ndarray,
    row: tuple[int, int, int, int, float],
    letter: float,
    readings: Sequence[Sequence[tesseract.Token]],
    name: list[str],
    *,
    lang: str,
    timeout: float,
    centre: float | None = None,
) -> list[str]:
    """The two-word ``name`` voted from a row's ``readings`` with the middle word the seal's ring glued to
    the family name put back: where the row as cut (the first reading) has, right before the name's last
    word, a word read unsure (``GLUED_CONF``) and wide (``GLUED_WIDTH`` letters: "Chãyz©ăn" (1) for "Châu
    Văn", the ring's thick arc across the space, bitonal seed 907 dev 006), the word's tails (from every
    ``GLUED_STEP`` letters of it to its end) are read alone (``--psm 7``); a capitalised listed name's word
    (``NAME_SYLLABLES``) read at least ``GLUED_SURE`` by two tails is put between the name's two words. The
    name stays in doubt (``ROW_CONF``). Else ``name`` as it is."""
    if len(name) != 2 or not readings:
        return name
    top, bottom, left, right, _ = row
    if centre is not None:
        left, right = max(0, min(left, round(2 * centre - right))), max(right, round(2 * centre - left))
    pad = int(0.6 * letter)
    crop = region[max(0, top - pad) : bottom + pad, max(0, left - 2 * pad) : right + 2 * pad]
    tokens = [t for t in readings[0] if t.conf >= 0 and t.text.strip()]
    glued = [
        a
        for a, b in itertools.pairwise(tokens)
        if a.conf <= GLUED_CONF
        and a.width >= GLUED_WIDTH * letter
        and consonant_marks_dropped(nfc(b.text.strip(_ROW_MARKS))) == name[-1]
    ]
    if len(glued) != 1:
        return name
    x0, x1 = max(0, glued[0].left - 20), min(crop.shape[1], glued[0].left - 20 + glued[0].width)
    # (the tails cut to the row's own pixel rows: the ring's arc above and below the letters, left in by the
    # reading's margin, made the "V" of "Văn" read "S", "Z", "b")
    band = crop[top - max(0, top - pad) : bottom - max(0, top - pad)]
    seen: Counter[str] = Counter()
    # (a tail read as the name's own word, marks aside, is that word read again: "Thân" of a voted "Thần"
    # put in as the middle name made "Thần Thân Lan" of a right "Thân Lan", review of ring54)
    own = {fold(w) for w in name}
    cuts = range(x0, x1 - int(letter), max(1, int(GLUED_STEP * letter)))
    for cut in list(cuts)[:GLUED_TAILS]:
        im = cv2.copyMakeBorder(band[:, cut:x1], 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
        try:
            tokens_read = tesseract.image_to_data(im, lang=lang, psm=7, dpi=300, timeout=timeout)
        except ToolFailed:  # a tail's reading that fails keeps the voted name, as it is
            return name
        for t in tokens_read:
            word = nfc(t.text.strip(_ROW_MARKS))
            if (
                t.conf >= GLUED_SURE
                and word[:1].isupper()
                and word in NAME_SYLLABLES
                and fold(word) not in own
            ):
                seen[word] += 1
    found = [w for w, k in seen.items() if k >= 2]
    return [name[0], found[0], name[1]] if len(found) == 1 else name


def _between(rows: Sequence[tuple[int, int, int, int, float]], j: int) -> tuple[int, int]:
    """The pixel rows a cut of ``rows[j]`` may span: to halfway to the rows above and below it. A title's
    row cut with the lower edge of the line over it ("TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH", 13 px apart on a
    blurred photo) read as nothing at all (seed 239 alt 005)."""
    top = (rows[j - 1][1] + rows[j][0]) // 2 if j > 0 else 0
    bottom = (rows[j][1] + rows[j + 1][0] + 1) // 2 if j + 1 < len(rows) else 1 << 30
    return top, bottom


RUN_GAP = 1.5  # letters: a gap in a row's print this wide parts the row from ink beside it (a seal's marks)


def _main_run(band: np.ndarray, left: int, right: int, level: float, letter: float) -> tuple[int, int]:
    """(left, right) of a title row's main run of print in ``band`` (the row's pixel rows): its columns of
    ink darker than ``level`` from ``left`` to ``right``, parted where a gap is ``RUN_GAP`` letters wide (a
    word's space is a third of a letter), the part with the most ink. The seal's ring marks left of "CHỦ
    TỊCH", as dark as the print on a blurred photo, made the row read as nothing (seed 239 alt 005)."""
    dark = band[:, left : right + 1] < level
    cols = np.flatnonzero(dark.any(axis=0))
    if cols.size == 0:
        return left, right
    cuts = np.flatnonzero(np.diff(cols) > RUN_GAP * letter)
    parts = np.split(cols, cuts + 1)
    best = max(parts, key=lambda p: int(dark[:, p].sum()))
    return left + int(best[0]), left + int(best[-1])


def _row_images(crop: np.ndarray, level: float) -> Iterator[np.ndarray]:
    """A row's cut at ``ROW_SCALES``, as cut and with the ink lighter than the print (``level``) made
    paper."""
    clean = crop.copy()
    clean[crop >= level + 0.5 * (255 - level)] = 255
    for image in (crop, clean):
        for up in ROW_SCALES:
            yield image if up == 1.0 else cv2.resize(image, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)


RAW_LINE = 13  # Tesseract's page segmentation for a raw line: no line finding, the cut read as one line
SHARP_SCALES = (2.0, 3.0)  # a row whose readings gave no name read again sharpened, this many times enlarged
SHARP_SIGMA = (1.0, 3.0)  # px: the least and most blur (at the row's size) the unsharp mask is made against


def _sharpened(crop: np.ndarray) -> Iterator[np.ndarray]:
    """A row's cut enlarged ``SHARP_SCALES`` times (its letters ~25-40 px high, as Tesseract reads best)
    under an unsharp mask as wide as the blur measured on the cut (``preprocess.edge_blur``), then that
    image made black and white (Otsu): on a shaken photo the page's own sharpening leaves the name's
    letters soft ("Hồ Thị Hạnh" read "Mề", "Nổ", "Mể" as cut, "Hồ" in each of these, seed 209 dev 007)."""
    sigma = min(SHARP_SIGMA[1], max(SHARP_SIGMA[0], preprocess.edge_blur(crop)))
    for up in SHARP_SCALES:
        big = cv2.resize(crop, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
        sharp = preprocess.unsharp(big, sigma * up)
        yield sharp
        yield cv2.threshold(sharp, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]


TITLE_ROWS = 3  # rows above the name's looked at for the block's title


def _name_in_doubt(name: str, confidence: float, read: Sequence[str] = ()) -> bool:
    """A name the first reading gave in doubt (under review) that may have lost its family name under the seal
    or the pen ("Đinh Sơn", "Văn Dung" for "Lò Đình Sơn", "Trương Văn Dũng": two words), or has a word no
    list has, or a word the first reading did not read so (``read``, the line's words as read: "Xinh" where
    the extractor made "Đinh", ``_read_as``): its row is read again (``row_pass``)."""
    words = name.split()
    if not words:
        return True
    if confidence >= ROW_SURE:
        return False
    if len(read) == len(words) and any(fold(r) != fold(w) for r, w in zip(read, words, strict=True)):
        return True
    unlisted = words[0] not in SURNAMES or any(w not in NAME_SYLLABLES for w in words[1:])
    return len(words) == 2 or unlisted


def _read_as(lines: Sequence[Line], name: str) -> list[str]:
    """The words of the lowest line that ends in the given names of ``name`` (marks aside) and has as many
    words: the first reading's words for each of ``name``'s ("Xinh" where the extractor made "Đinh"); [] for
    no such line."""
    want = [fold(w) for w in name.split()]
    for ln in sorted(lines, key=lambda ln: -ln.y0):
        words = [b for b in (w.text.strip(_NAME_MARKS) for w in ln.words) if b]
        if len(words) == len(want) and [fold(w) for w in words[1:]] == want[1:]:
            return words
    return []


def _voted_over(name: str, voted: list[str], *, whole: bool = False, read: Sequence[str] = ()) -> bool:
    """The row's voted name replaces the first reading's in doubt only when it holds it and more ("Lò Đình
    Sơn" over "Đinh Sơn": the family name lost) or differs from it in marks alone: a different person's name
    is no better reading; but a word of it no list has ("Banh", the seal's stroke through the "ì" of "Bình")
    is no reading of a name's word either: where the two differ only at such words, the most of the words
    the same, the voted name (each word listed) is the better reading. A name every reading of the row gave
    whole (``whole``, ``_read_whole``) with more words than a two-word first reading, ending in its given
    name or where it read no listed one, replaces it too: the first reading lost a word under the seal and
    guessed the family name from what was left ("Khương Trâm" from "hương Trâm" for "Mạc Phương Trâm"; "Ông
    Lựn" from "Ông ông Lựn" for "Ông Công Lực"). A word of the name the first reading did not read so
    (``read``: the line's words as read; "Đinh" guessed from "Xinh") is no reading either; and where every
    word the two differ at is such a word and the family names are the same, the voted name replaces it
    however many given names they differ at ("Lê Me Am" (18, 55): "Lê Minh An")."""
    words = name.split()
    had = [fold(w) for w in words]
    new = [fold(w) for w in voted]
    if (
        whole
        and len(had) == 2
        and len(new) > len(had)
        and (had[-1] == new[-1] or words[-1] not in NAME_SYLLABLES)
    ):
        return True
    if new == had:
        return words != voted
    if len(new) == len(had):
        apart = [k for k in range(len(had)) if new[k] != had[k]]
        guessed = {k for k in range(len(had)) if len(read) == len(had) and fold(read[k]) != had[k]}
        listed = [words[k] in (SURNAMES if k == 0 else NAME_SYLLABLES) and k not in guessed for k in apart]
        unlisted = not any(listed)
        return unlisted and (2 * len(apart) < len(had) or (0 not in apart and len(apart) < len(had)))
    return len(new) > len(had) and new[len(new) - len(had) :] == had


WHOLE_VOTES = 4  # readings of a name's row (of six) that must each give the voted name whole, and no other


def _read_whole(readings: Sequence[Sequence[tuple[str, float]]], name: list[str]) -> bool:
    """Every reading of the row that gives a name (two to four words) gives ``name``, each word its letters
    (marks aside, as ``vote_name`` counts them), and at least ``WHOLE_VOTES`` do. A reading that differs
    from it only at words that are no syllable gives no other name: it read no word there ("Tôn Đình
    Quyêệt", the blur doubling the last word's marks, beside four "Tôn Đình Quyết": seed 363 alt 004)."""
    got = [r for r in readings if 2 <= len(r) <= 4 and not _garbled_only(r, name)]
    same = [r for r in got if [fold(w) for w, _ in r] == [fold(v) for v in name]]
    return len(same) >= WHOLE_VOTES and len(same) == len(got)


def _garbled_only(reading: Sequence[tuple[str, float]], name: list[str]) -> bool:
    """A reading of the name's row with ``name``'s words but at places where it read a word that is no
    Vietnamese syllable nor a listed name (letters the blur or the seal garbled): no other name."""
    if len(reading) != len(name):
        return False
    apart = [w for (w, _), v in zip(reading, name, strict=True) if fold(w) != fold(v)]
    # (a listed name no syllable, "Ksor", is a name read)
    return bool(apart) and not any(is_syllable(w) or w in SURNAMES or w in NAME_SYLLABLES for w in apart)


# "Nơi nhận:" as a shaken photo reads it ("ơi nhận", "“ơi nệm.", "uý nệm:"): a short word, then one of "n" and
# up to three letters, alone on its line
_GARBLED_LIST = re.compile(r"^\W*[a-z]{1,3}\s+n[a-z]{1,3}\W{0,2}$")


def _garbled_list(lines: Sequence[Line]) -> tuple[float, float, bool] | None:
    """(top, line height, False) of a line at the page's left, under its header, that reads as "Nơi nhận"
    garbled past what ``list_line`` takes (no colon, no "Như trên" read under it); None without one. Only
    the row pass, which takes a name only under a title its readings agree on, is placed by it."""
    for ln in sorted(lines, key=lambda ln: -ln.y0):  # the lowest: a body line ("cá nhân.") may read alike
        if (
            ln.boxed
            and ln.x0 < 0.3 * ln.width
            and ln.y0 > 0.25 * ln.height  # under the header ("HÀ NỘI" in its left column is no list)
            and any(ch.islower() for ch in ln.text)
            and _GARBLED_LIST.match(ln.folded)
        ):
            return ln.y0, max(1.0, ln.y1 - ln.y0), False
    return None


@regions.on_read_pages
def row_pass(prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0) -> RecognizedPage:
    """On a blurred page (a shaken photo), or a sharp one whose name's line was lost whole under its title,
    whose signature block lost its name (the name ran into the
    signature's strokes and the seal's ring: OCR read the block as a picture), the rows of the print's dark,
    letter-sized ink (``print_rows``) are found on the OCR image (deblurred): under the title when the first
    reading has it, else in the block's region right of the recipients' list (``_needs_pass``). The lowest
    row is read on its own (``_read_row``) and the name its readings agree on (``vote_name``) replaces the
    row's words, in doubt (``ROW_CONF``); without a title, a row of the three above it whose readings agree
    on a known title (``vote_title``) gives it, and the name is taken only with it. Other pages are returned
    as they are."""
    found = regions.signer_of(page)
    had = found.get("signer_name")
    if not prepared.blurred and (had is not None or not found.value("signer_title")):
        # a sharp scan is read again only where its name's line was lost whole under its title (a seal's
        # ring across the name on one ink: the line read as part of a picture, seed 547 alt 004)
        return page
    read = _read_as(regions.lines_of(page), str(had.value)) if had is not None and had.value else []
    if had is not None and had.value and not _name_in_doubt(str(had.value), had.confidence, read):
        return page
    if found.value("signer_title"):
        tl = title_line(regions.lines_of(page))
        if tl is None or not tl.boxed:
            return page
        line_h = max(1.0, tl.y1 - tl.y0)
        cx = (tl.x0 + tl.x1) / 2
        x0, x1 = max(0.0, cx - ROW_SIDE * page.width), min(float(page.width), cx + ROW_SIDE * page.width)
        y0, y1 = tl.y1, min(float(page.height), tl.y1 + ROW_BELOW * line_h)
    else:
        need = _needs_pass(page) or _garbled_list(regions.lines_of(page))
        if need is None or need[2]:
            return page
        top, line_h, _ = need
        cx = 0.0  # (no title to centre a name under)
        x0, x1 = 0.45 * page.width, float(page.width)
        y0, y1 = max(0.0, top - 3.0 * line_h), min(float(page.height), top + 0.30 * page.height)
    s = prepared.scale
    region = np.ascontiguousarray(prepared.ocr[int(y0 * s) : int(y1 * s), int(x0 * s) : int(x1 * s)])
    letter = prepared.letter
    if region.ndim != 2 or min(region.shape) < 8 or not letter > 0:
        return page
    # under a title, a row cut at the region's left edge runs on from the left column (a recipients' line's
    # tail), and a name is printed centred under its title: other rows are no name's. (Without a title the
    # region starts at 0.45 of the width, where the block's own rows, its title's "KT. CỤC TRƯỞNG", begin.)
    rows = [
        r
        for r in print_rows(region, letter)
        if not found.value("signer_title")
        or (r[2] > 1 and abs(x0 + (r[2] + r[3]) / 2 / prepared.scale - cx) <= ROW_CENTRED * page.width)
    ]
    if not rows:
        return page
    try:
        centre = (cx - x0) * s if found.value("signer_title") else None
        # a blurred page's name is its block's lowest row (the signature's strokes run into the rows above);
        # a sharp scan's is the first under its title that reads as a name: a row lower down is another
        # block's (a second signer's name, a list's line), not the one the title's block lost
        # (of a sharp scan's rows, only those of letters: the pen's strokes under the title, split into
        # specks by the print's ink level, made two rows that took both tries, seed 833 corp 008)
        tries = (
            [rows[-1]]
            if prepared.blurred
            else [r for r in rows if lettered(region, r, letter)][:SHARP_ROW_TRIES]
        )
        for row in tries:
            readings, name_box = _read_row(region, row, letter, lang=lang, timeout=timeout, centre=centre)
            rows_read = [_row_words(r) for r in readings]
            unnamed = had is None or not had.value
            name = vote_name(rows_read, unnamed=unnamed)
            if name is None:  # (only a row whose readings gave no name is read again: CPU)
                more, _ = _read_row(
                    region, row, letter, lang=lang, timeout=timeout, centre=centre, sharpen=True
                )
                rows_read += [_row_words(r) for r in more]
                name = vote_name(rows_read, unnamed=unnamed)
            if name is not None:
                name = _glued_middle(
                    region, row, letter, readings, name, lang=lang, timeout=timeout, centre=centre
                )
                break
        voted = name is not None and (
            had is None
            or not had.value
            or _voted_over(
                str(had.value),
                name,
                whole=_read_whole(rows_read, name),
                read=read,
            )
        )
        if not voted and found.value("signer_title"):
            return page
        # without a title read, the rows above are read for it even when the name's gave none: the block's
        # title alone, in doubt, is found (seed 239 grey dev 006: "PHÓ GIÁM ĐỐC" over an unread name)
        placed = [(name_box, name, _against_list(name))] if voted and name is not None else []
        if not found.value("signer_title"):
            for j in reversed(range(max(0, len(rows) - 1 - TITLE_ROWS), len(rows) - 1)):
                readings, title_box = _read_row(
                    region, rows[j], letter, lang=lang, timeout=timeout, limits=_between(rows, j), trim=True
                )
                title = vote_title([_title_text(r) for r in readings])
                if title is not None:
                    placed.insert(0, (title_box, title, frozenset()))
                    break
            else:
                return page  # a name with no title over it: no signature block found
    except ToolFailed:
        return page
    return _put_rows(page, placed, x0, y0, s)


def _against_list(name: Sequence[str]) -> frozenset[int]:
    """The places of a voted name's given names (``vote_name``) whose word is no listed form though a listed
    one has its letters with other marks ("Huẩn" of "Huấn", "Lẫm" of "Lâm"): the vote kept the word its
    readings gave over the list's (``_read_alike``, ``_unlisted_vote``), which the extractor would take back
    by its letters (``signer.fix_syllable``); marked voted (``Word.voted``), it is kept as voted
    (``signer._marks_voted``), in doubt."""
    return frozenset(
        k for k, w in enumerate(name) if k and w not in NAME_SYLLABLES and fold(w) in F_SYLLABLES
    )


def _put_rows(
    page: RecognizedPage,
    placed: Sequence[tuple[tuple[int, int, int, int], list[str], frozenset[int]]],
    x0: float,
    y0: float,
    scale: float,
) -> RecognizedPage:
    """The page with the words inside each row's box (the region's pixels at (x0, y0) of the page, ``scale``
    of them to a page pixel) replaced by the row's voted words, spread over its box, in doubt; those at the
    places each row's set names marked voted (``Word.voted``: ``_against_list``)."""
    words = list(page.words)
    line_no = max(wd.line for wd in page.words) + 1
    block = max(wd.block for wd in page.words) + 1
    new_rows: dict[int, tuple[float, float, float]] = {}
    for (top, bottom, left, right), texts, as_read in placed:
        bx0, bx1 = x0 + left / scale, x0 + right / scale
        by0, by1 = y0 + top / scale, y0 + bottom / scale

        def on_row(wd: Word, bx0: float = bx0, bx1: float = bx1, by0: float = by0, by1: float = by1) -> bool:
            cx, cy = (wd.box.x0 + wd.box.x1) / 2, (wd.box.y0 + wd.box.y1) / 2
            return bx0 <= cx <= bx1 and by0 <= cy <= by1

        # a line reaching left of the row (the left column's text the region cut into) is another line's
        left_of = {(wd.block, wd.line) for wd in words if (wd.box.x0 + wd.box.x1) / 2 < bx0}
        words = [wd for wd in words if not on_row(wd) or (wd.block, wd.line) in left_of]
        step = (bx1 - bx0) / len(texts)
        words += [
            Word(
                text=t,
                conf=ROW_CONF,
                box=Box(bx0 + k * step, by0, bx0 + (k + 1) * step - 1, by1),
                block=block,
                line=line_no,
                voted=k in as_read,
            )
            for k, t in enumerate(texts)
        ]
        new_rows[line_no] = (bx0, by1, bx1)
        line_no += 1
    words = _in_reading_order(words, new_rows)
    return replace(page, words=tuple(words), text=page_text(words))


def _in_reading_order(words: list[Word], new_rows: dict[int, tuple[float, float, float]]) -> list[Word]:
    """``words`` with the rows put in (line number → (left, bottom, right) of their box) numbered right before
    the first line under them, in reading order, that shares their columns: a title put over a name the
    first reading had ("CHÁNH VĂN PHÒNG" over "Tăng Công Pọm") is read before it, as the signer's block is.
    A row with no line under it stays last; the other lines keep their order."""
    before: dict[int, int] = {}
    for no, (left, bottom, right) in new_rows.items():
        under = [
            wd.line
            for wd in words
            if wd.line not in new_rows and wd.box.x1 > left and wd.box.x0 < right and wd.box.y0 >= bottom
        ]
        if under:
            before[no] = min(under)
    if not before:
        return words
    order = sorted({wd.line for wd in words}, key=lambda no: (before.get(no, no), no not in before, no))
    rank = {no: i for i, no in enumerate(order)}
    return [replace(wd, line=rank[wd.line]) for wd in words]


# --- a name's marks read again -----------------------------------------------------------------------------

MARKS_SCALES = (
    1.5,
    2.0,
)  # a name line whose word's marks the extractor did not take read again this enlarged
MARKS_CONF = VOTED_CONF * 100  # (Tesseract's 0..100) a word whose marks every reading gave: voted, in doubt


def _marks_apart(line: Line, name: str) -> list[int]:
    """The places of ``line`` (as many words as ``name``, the same letters marks aside) whose word as read has
    a tone mark the extractor's ``name`` has not there ("Nẫm" (43) made "Nam", the listed name with its
    letters): a mark read that a second look may bear out."""
    read = [w.text.strip(_NAME_MARKS) for w in line.words]
    words = name.split()
    if len(read) != len(words) or any(fold(r) != fold(w) for r, w in zip(read, words, strict=True)):
        return []
    return [
        k
        for k, (r, w) in enumerate(zip(read, words, strict=True))
        if k and nfc(r) != w and tone_place(r) and not tone_place(w) and is_syllable(r)
    ]


def _tone(word: str) -> str:
    """A word's tone marks (NFD), "" for the level tone."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if ch in TONE_MARKS)


def _bears_tone(word: str, first: str) -> bool:
    """A reading's ``word`` gives the letters of the word ``first`` read (marks aside) and its tone mark, in
    each of its guesses ("Nẵẫm" bears the tilde of "Nẫm")."""
    tones = set(_tone(word))
    return fold(_undoubled(word)) == fold(first) and tones == set(_tone(first)) and bool(tones)


def _name_line_of(
    lines: Sequence[Line], name: str, *, undoubled: bool = False, family: bool = True, specks: bool = False
) -> Line | None:
    """The lowest line whose words are ``name``'s, marks aside; ``undoubled``: a word read with a vowel twice
    (``_undoubled``: "Lẫãm" for the "Lâm" the extractor made of it) taken with it once; not ``family``: the
    first word any word (of two names or more); ``specks``: words of one letter at most before the name (a
    seal's speck read "“s" left of it, ``_speck_word``) left out of the line returned."""
    want = [fold(w) for w in name.split()]
    once = _undoubled if undoubled else nfc
    skip = 0 if family else 1
    if len(want) <= 2 * skip:
        return None
    for ln in sorted(lines, key=lambda ln: -ln.y0):
        words = list(ln.words)
        lead = 0
        while specks and lead < len(words) - len(want) and _speck_word(words[lead].text):
            lead += 1
        got = [fold(once(w.text.strip(_NAME_MARKS))) for w in words[lead:]]
        if len(got) == len(want) and got[skip:] == want[skip:]:
            return sub_line(ln, words[lead:]) if lead else ln
    return None


def _speck_word(text: str) -> bool:
    """A word read of one letter at most among marks ("“s", "¿s", "›"): a seal's or a pen's speck, no word of
    a name (the names' words of one letter, "Y", "A", are capitals alone, no marks around them)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 1 and len(letters) < len(text) and not text.strip(_ROW_MARKS).isupper()


def _name_line_crop(prepared: Prepared, page: RecognizedPage, line: Line) -> np.ndarray | None:
    """The name's ``line`` cut from the scan with half its height's margin at the sides, a third above and
    below; None where too small or blank."""
    h = max(1.0, line.y1 - line.y0)
    x0, y0 = max(0.0, line.x0 - 0.5 * h), max(0.0, line.y0 - 0.3 * h)
    x1, y1 = min(float(page.width), line.x1 + 0.5 * h), min(float(page.height), line.y1 + 0.3 * h)
    crop = regions.cut(prepared, x0, y0, x1, y1)
    if min(crop.shape[:2]) < 8 or regions.no_ink(crop):
        return None
    return crop


@regions.on_read_pages
def marks_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """On a sharp page, the signer's name in doubt whose word the first reading read with a tone mark the
    extractor left out for the listed name with its letters ("Phó Văn Nẫm" read, "Nẫm" at 43, taken as "Phó
    Văn Nam": wide seed 625 dev 005): the name's line cut from the scan and read again at ``MARKS_SCALES``
    (``--psm 7``). Where every reading gives that word with the same letters and tone mark (its vowel's
    marks may differ: "Nẵm"), the mark read three times over is printed: the word is taken as first read at
    ``MARKS_CONF`` (a vote: the extractor keeps a voted word whose tone no listed form has, in doubt,
    ``fix_syllable``). Other pages as they are."""
    if prepared.blurred:
        return page
    had = regions.signer_of(page).get("signer_name")
    if had is None or not had.value or had.confidence >= ROW_SURE:
        return page
    line = _name_line_of(regions.lines_of(page), str(had.value), specks=True)
    if line is None or not (apart := _marks_apart(line, str(had.value))):
        return page
    if (crop := _name_line_crop(prepared, page, line)) is None:
        return page
    first = [nfc(w.text.strip(_NAME_MARKS)) for w in line.words]
    borne = set(apart)
    try:
        for up in MARKS_SCALES:
            tokens = _line_tokens(crop, up, lang=lang, timeout=timeout)
            texts = [b for b in (nfc(t.text).strip(_NAME_MARKS) for t in tokens if t.conf >= 0) if b]
            if len(texts) != len(first):
                return page
            # (a reading without that tone mark there bears out no mark)
            borne = {k for k in borne if _bears_tone(texts[k], first[k])}
            if not borne:
                return page
    except ToolFailed:
        return page
    # the word as first read: the readings bear out its tone mark, not its vowel's ("Nẵm" at 1.5 and 2 times
    # for the "Nẫm" printed and first read: the breve and the circumflex under a tilde look alike enlarged)
    ids = {id(line.words[k]) for k in borne}
    words = tuple(replace(w, conf=MARKS_CONF) if id(w) in ids else w for w in page.words)
    return replace(page, words=words, text=page_text(words))


# --- a doubted name's marks voted over readings of its line ------------------------------------------------

# a doubted name's line read again at these scales (``--psm 7``): the hook, the tilde and the acute over a
# vowel's hat are a few pixels apart on a bitonal page's thin stroke; a clean cut of the line alone, read at
# several sizes, reads them more often right than the page read whole ("Lãm" (50) voted by the row's
# readings, "Lẫãm" (65) first read: "Lẫm" in each reading of the cut, seeds k869 alt 013, k873 alt 009)
MARKS_VOTE_SCALES = (1.0, 1.5, 2.0, 2.5, 3.0)
# readings (of ``MARKS_VOTE_SCALES``') at least, and more than half of them, that must give a word, letters
# and marks alike, to take it ("Uẩn" thrice, "Uấn" as first read once, "Uấẩấn" once: seed k875 alt 012)
MARKS_VOTE_AGREE = 3
# (Tesseract's 0..100) a first reading's word read under this is no vote against its line's readings (a word
# read at 22 is a guess at its marks; read at 50 or more it weighs as one reading)
FIRST_VOTE_CONF = VOTED_CONF * 100


_ACUTE, _HOOK, _TILDE = "\u0301", "\u0309", "\u0303"
# the marks a vowel's letter stands under a tone mark with (the hat, the breve): a hook or a tilde over them
# is squeezed to a few pixels, and on a thin stroke reads as an acute (its bowl, its wave worn to a stroke)
_STACKED = ("\u0302", "\u0306")
_VOWEL_MARKS = ("\u0302", "\u031b", "\u0306")  # the hat, the horn, the breve


def _marks_kept(first: str, word: str) -> bool:
    """``word`` (a reading of ``first``'s letters, marks aside) keeps every mark ``first`` has, a vote only
    adding or wearing-in marks a reading may lose: each letter as ``first``'s, or a bare vowel given a hat,
    a horn or a breve ("Lãm" → "Lẫm"; never "Sơn" → "Son", "Tâm" → "Tam", "Văn" → "Vân", "Đ" → "D"), or a
    hat under a tone mark kept dropped (the hat and the tone stacked are a few pixels, read in or out either
    way: "Lẫm" → "Lãm", k879 alt 006); ``first``'s tone mark kept ("Quý" → "Quy", "Hùng" → "Hủng", "Yểng"
    → "Yếng" are no votes), one put where ``first`` has none, or an acute over a hat or a breve made a hook
    or a tilde (there the acute is what a squeezed hook or tilde wears to: "Uấn" → "Uẩn"; the reverse loses
    the bowl a reading gave, no vote)."""
    plain_first, plain_word = _toneless(first), _toneless(word)
    if len(plain_first) != len(plain_word):
        return False
    was, now = _tone(first), _tone(word)
    for a, b, t in zip(plain_first, plain_word, nfc(first), strict=True):
        if a == b:
            continue
        added, dropped = unicodedata.normalize("NFD", b), unicodedata.normalize("NFD", a)
        if a.lower() in "aeiouy" and len(added) == 2 and added[0] == a and added[1] in _VOWEL_MARKS:
            continue  # a hat, a horn, a breve a reading lost
        if (
            b.lower() in "aeiouy"
            and dropped == b + _STACKED[0]
            and was
            and was == now
            and was in unicodedata.normalize("NFD", t)
        ):
            continue  # a hat under the tone mark kept, the stack's few pixels: "Lẫm" → "Lãm" (k879 alt 006)
        return False
    if was == now or not was:
        return True
    if was != _ACUTE or now not in (_HOOK, _TILDE):
        return False
    bearer = next(ch for ch in word if now in unicodedata.normalize("NFD", ch))
    return any(m in unicodedata.normalize("NFD", bearer) for m in _STACKED)


def _hat_lost(read: str, word: str) -> bool:
    """``read`` is ``word`` with a hat under its tone mark lost, its letters and that tone alike ("Lãm" for
    "Lẫm", "Nãm" for "Nẫm"): the hat and the tone stacked are a few pixels a reading drops (``_marks_kept``),
    no reading of another word."""
    return read != word and _tone(read) == _tone(word) != "" and _marks_kept(word, read)


def _dot_read(first: str, word: str) -> bool:
    """``first`` is ``word`` (no tone mark) with a hook over its "i": the dot of the "i" read as a hook
    ("Chỉnh" (86) first read, "Chinh" printed: seed w635 alt 010; "Chỉ" for "Chi", seed 817 corp 010): a mark
    a reading makes up, which the others do not bear out. Only the hook: an acute, a grave, a tilde or a dot
    below over an "i" ("Bình", "Nghĩa", "Thịnh", "Vĩnh") is a thin mark re-readings lose far oftener than the
    first reading makes it up, and stays (``_marks_kept``)."""
    if _tone(word) or _tone(first) != _HOOK or _toneless(first) != word:
        return False
    bearer = next(ch for ch in nfc(first) if _HOOK in unicodedata.normalize("NFD", ch))
    return fold(bearer) == "i"


def voted_marks(
    first: Sequence[str],
    readings: Sequence[Sequence[str]],
    unsure: Collection[int] = (),
    read: Sequence[str] = (),
) -> dict[int, str]:
    """The places (a given or middle word's: the family name's marks are another matter) of the name ``first``
    (its words as the extractor took them) where at least ``MARKS_VOTE_AGREE`` of the ``readings`` of its line
    (each its words, as many as the name's, else no vote), and more than half of them, give one word with the
    same letters (marks aside) and other marks, a Vietnamese syllable, and no other reading gives another word
    there with its letters but the first's or that one ("Chỉ" thrice, "Chi" twice for the "Chí" taken: no
    vote): that word. The first reading is a voter too: the word must have more readings than the first's
    word has with it ("Son" thrice, "Sơn" twice for the "Sơn" taken: three against three, no vote). A vote
    only adds marks a reading lost, never takes away one the first read (``_marks_kept``: a thin mark lost
    at some sizes is Tesseract's commonest misreading, a mark made up far rarer): no "Son" for "Sơn", "Quy"
    for "Quý", "Hủng" for "Hùng", "Vân" for "Văn". A reading with a vowel twice ("Lẫãm": Tesseract's two
    guesses at its marks) votes for neither. One exception: a hook first read over an "i" (``_dot_read``: the
    dot read as a hook) is dropped where the readings without any mark outnumber all the others, the first
    with them ("Chinh" four times, "Chính" once for "Chỉnh": seed w635 alt 010). ``unsure``: the places whose
    first word was read under ``FIRST_VOTE_CONF``, no reading to vote ("Yếng" (22) first read, "Yểng" thrice,
    "Yếng" twice: seed w681 dev 004). ``read``: the words of the page's own reading at the name's places,
    where the extractor took another word than Tesseract gave (its correction, no reading of the line): the
    family name every reading gives back as the page read it is taken (``_family_read_back``); a given
    name's stays the extractor's (review of marks57: "Hủng" read back for a right "Hùng", a grave read as a
    hook at every size)."""
    whole = [r for r in readings if len(r) == len(first)]
    out: dict[int, str] = {}
    if (family := _family_read_back(first, whole, len(readings), read)) is not None:
        out[0] = family
    # the given names' places counted from the reading's end: words read before them (a seal's speck left of
    # the name read "Š›", its family name garbled in two) put no given name in another place; a word read at
    # a place counts only with that place's letters
    tails = [r[len(r) - len(first) :] for r in readings if len(r) >= len(first)]
    for k in range(1, len(first)):
        count = Counter(r[k] for r in tails if fold(r[k]) == fold(first[k]))
        if not count:
            continue
        word, n = count.most_common(1)[0]
        if word == first[k] or n < MARKS_VOTE_AGREE or 2 * n <= len(readings) or not is_syllable(word):
            continue
        # (a reading of the word with its hat lost under the same tone mark, "Lãm" for "Lẫm", is one of it)
        others = [w for w in count if w not in (word, first[k]) and not _hat_lost(w, word)]
        own = 0 if k in unsure else 1  # (the first reading votes too, when it read the word at all surely)
        rest = sum(count[w] for w in others) + count[first[k]] + own
        if _dot_read(first[k], word):
            if all(_tone(w) for w in others) and n > rest:
                out[k] = word
            continue
        if others or not _marks_kept(first[k], word):
            continue
        if n > count[first[k]] + own:
            out[k] = word
    return out


def _marks_lost(word: str, taken: str) -> bool:
    """``word`` is the extractor's ``taken`` with marks lost, letters alike ("Nguyên" for "Nguyễn", "Thương"
    for "Thường"): a mark lost at every size is Tesseract's commonest misreading, and the listed form that
    puts it back no correction to undo."""
    return fold(word) == fold(taken) and word != taken and _marks_kept(word, taken)


def _family_read_back(
    first: Sequence[str], whole: Sequence[Sequence[str]], readings: int, read: Sequence[str]
) -> str | None:
    """The family name as the page read it (``read``'s first word) where the extractor took another one
    (its list's nearest, a syllable no list has, ``unlisted_lead``: "Vưng" → "Vương", seed x873 corp 006)
    and every one of at least ``MARKS_VOTE_AGREE`` whole readings of the line, more than half
    of all ``readings``, gives the page's word back, a Vietnamese syllable with a capital; else None. Not
    the listed name with a mark the readings lost ("Nguyên" read for "Nguyễn": ``_marks_lost``)."""
    if (
        not first
        or len(read) != len(first)
        or read[0] == first[0]
        or not whole
        or _marks_lost(read[0], first[0])
    ):
        return None
    word = read[0]
    if (
        not (word[:1].isupper() and is_syllable(word))
        or not unlisted_lead(word)
        or len(whole) < MARKS_VOTE_AGREE
        or 2 * len(whole) <= readings
    ):
        return None
    return word if all(r[0] == word for r in whole) else None


@regions.on_read_pages
def marks_vote_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The signer's name in doubt (under ``ROW_SURE``) with a given or middle word whose marks the readings of
    its line cut from the scan alone (``_name_line_crop``, at ``MARKS_VOTE_SCALES``, ``--psm 7``) give
    otherwise, nearly all alike (``voted_marks``): that word as they read it, marked ``voted`` (``Word``), at
    ``MARKS_CONF`` at most (a vote, in doubt: the extractor keeps a voted syllable no list has,
    ``fix_syllable``, and doubts it). The list of names is no census: "Lẫm", "Nẫm" are names, and a name
    the readings agree on is no misreading of a commoner one. Other pages, and names whose words the line does
    not give, as they are."""
    had = regions.signer_of(page).get("signer_name")
    if had is None or not had.value or had.confidence >= ROW_SURE:
        return page
    name = str(had.value)
    line = _name_line_of(regions.lines_of(page), name, undoubled=True, specks=True)
    if line is None:  # (the family name the page read, taken as a listed one with other letters)
        line = _name_line_of(regions.lines_of(page), name, undoubled=True, family=False, specks=True)
    if line is None or (crop := _name_line_crop(prepared, page, line)) is None:
        return page
    first = name.split()
    readings: list[list[str]] = []
    try:
        for up in MARKS_VOTE_SCALES:
            tokens = _line_tokens(crop, up, lang=lang, timeout=timeout)
            # (a mark of no letter, "‹" the seal's speck left of the name, is no word of it)
            texts = (nfc(t.text).strip(_NAME_MARKS) for t in tokens if t.conf >= 0)
            readings.append([b for b in texts if any(ch.isalpha() for ch in b)])
    except ToolFailed:
        return page
    unsure = {k for k, w in enumerate(line.words) if w.conf < FIRST_VOTE_CONF}
    as_read = [nfc(w.text).strip(_NAME_MARKS) for w in line.words] if len(line.words) == len(first) else []
    voted = voted_marks(first, readings, unsure, as_read)
    if not voted:
        return page
    again = {id(line.words[k]): word for k, word in voted.items()}
    words = tuple(
        replace(w, text=again[id(w)], conf=min(w.conf, MARKS_CONF), read="", voted=True)
        if id(w) in again
        else w
        for w in page.words
    )
    return replace(page, words=words, text=page_text(words))


# --- an acting head's "Q." read again ----------------------------------------------------------------------

PREFIX_SCALES = (1.0, 1.5, 2.0, 2.5, 3.0)  # the title's line, with the words left out before it, read so
PREFIX_VOTES = 3  # readings that must give "Q." before the same title for it to be put back


@regions.on_read_pages
def prefix_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The signer's title read without an authority's prefix where the extractor left out doubted words
    right before it (``signer.prefix_left_out``: "__, GIÁM ĐỐC" (31, 92, 96), the "Q." of "Q. GIÁM ĐỐC"
    blurred beside the seal's ring; taken as "Giám đốc" at 0.73, seed 563 alt 009): the title's line, from
    those words on, cut from the scan (``_name_line_crop``) and read on its own (``--psm 7``) at
    ``PREFIX_SCALES``. Where ``PREFIX_VOTES`` readings give "Q." (or a look-alike "0.", "9.":
    ``signer.acting_read``) before the same title, the words left out are that "Q.", voted (``Word.voted``:
    the title in doubt, however plainly every reading gave it: they are readings of one crop, not independent
    evidence). Other pages as they are."""
    lines = regions.lines_of(page)
    line = title_line(lines)
    if line is None or not line.boxed:
        return page
    left_out = prefix_left_out(line)
    if not left_out:
        return page
    title = str(regions.signer_of(page).value("signer_title") or "")
    if not title:
        return page
    after = next(k for k, w in enumerate(line.words) if w is left_out[-1]) + 1
    from_line = sub_line(line, [*left_out, *line.words[after:]])
    if (crop := _name_line_crop(prepared, page, from_line)) is None:
        return page
    votes = 0
    try:
        for up in PREFIX_SCALES:
            tokens = _line_tokens(crop, up, lang=lang, timeout=timeout)
            text = " ".join(t.text for t in tokens if t.conf >= 0 and t.text.strip())
            votes += acting_read(text, title)
    except ToolFailed:
        return page
    if votes < PREFIX_VOTES:
        return page
    first = left_out[0]
    top, bottom = min(w.box.y0 for w in left_out), max(w.box.y1 for w in left_out)
    box = Box(first.box.x0, top, left_out[-1].box.x1, bottom)
    # a vote, always in doubt: readings of one crop at other scales are no independent evidence (the ring's
    # mark read "Q." once is read so at every scale), plain "Q." in all of them or look-alikes ("0.", "9.")
    q = replace(first, text="Q.", conf=ROW_CONF, box=box, read="", voted=True)
    gone = {id(w) for w in left_out}
    words = tuple(q if w is first else w for w in page.words if w is first or id(w) not in gone)
    return replace(page, words=words, text=page_text(words))
