"""Recognize: Tesseract (``DIGITIZE_OCR_LANGUAGES``, default ``vie``) on the preprocessed page → words with
boxes (in the upright frame of the page) and confidences, NFC.

The two-column header of Decree 30 documents (issuing agency on the left, national motto on the right, then
"Số: ..." left and "<place>, ngày ..." right) is put back in reading order column by column: Tesseract may
return such a row as one line ("UBND TỈNH ... CỘNG HÒA XÃ HỘI ..."), so the rows sharing a vertical gutter are
split there and the left column is read before the right one. The same for the bottom block ("Nơi nhận:" left,
the signer right). ``reading_order`` does this for words from any source (born-digital pages too).
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from digitize.config import get_settings
from digitize.errors import ToolFailed
from digitize.pipeline import preprocess
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold, nfc
from digitize.tools import tesseract

PSM = 3  # fully automatic page segmentation (finds columns and blocks)
# A page whose small print we upscaled (a phone photo, a low-resolution scan) is read as one column of text
# of variable sizes (``--psm 4``): Tesseract's column and block finding is skipped. The two-column rows of a
# Decree 30 header and signature block then come as one line each, which ``_reading_order`` splits at the
# gutter as it does when ``--psm 3`` joins them. Measured on the 10 real photos and 8 generated photo-like
# pages (66-80 dpi): the same word accuracy on every page, ~10 % less CPU (see docs/ocr.md, Figures). Scans
# keep ``--psm 3``: with ``--psm 4`` a seal over a scan's signature block lost the 1139/QĐ-TTg signer.
PSM_UPSCALED = 4
# ... and so is a blurred page of small print (a shaken or out-of-focus phone photo whose smeared letters
# measure 11.9-16 px and are not upscaled): on 12 such generated documents (dev and alt families, seeds
# 61-66, pages 560-660 px wide, Gaussian blur 0.9-1.5 px, JPEG) 4 read better (+0.008 to +0.034), one
# worse (-0.005), mean 0.8490 -> 0.8537, the same CPU; the two blurred real photos (first pass and
# correction) 0.9452 -> 0.9452 and 0.9256 -> 0.9286. Blurred pages of bigger print (scans, the generator's
# 1500-2300 px photos) keep ``--psm 3``.
# px: letters on the OCR image under this are a phone photo's or a low-resolution scan's
SMALL_PRINT = preprocess.SMALL_PRINT
# No fixed-pitch (typewriter) analysis of rows: the LSTM reads words either way; 1.5 % fewer instructions
# per page (callgrind), the same text on the real photos and the generated scans. Paragraphs found from the
# layout before recognition, not again from the text after it (``paragraph_text_based=0``): only Tesseract's
# paragraph numbers differ (a line's words stay one line: ``_group_lines``), the same words and boxes on the
# 10 real photos and 20 generated pages.
TESSERACT_CONFIG = "-c textord_disable_pitch_test=1 -c paragraph_text_based=0"


@dataclass(frozen=True)
class _Tok:
    text: str
    conf: float
    x0: float
    y0: float
    x1: float
    y1: float
    key: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


def recognize(
    prepared: Prepared,
    *,
    index: int = 0,
    lang: str | None = None,
    timeout: float | None = None,
    psm: int | None = None,
) -> RecognizedPage:
    """One page through Tesseract (``--psm 3``; ``--psm 4`` when upscaled), boxes mapped back from the OCR
    image's scale."""
    settings = get_settings()
    lang = lang or settings.ocr_languages
    timeout = timeout or settings.ocr_page_timeout
    tokens = tesseract.image_to_data(
        prepared.ocr,
        lang=lang,
        psm=page_segmentation(prepared) if psm is None else psm,
        dpi=round(prepared.dpi),
        timeout=timeout,
        extra=TESSERACT_CONFIG,
    )
    h, w = prepared.height, prepared.width
    words = read_words(tokens, prepared.scale, float(w))
    confs = [wd.conf for wd in words]
    return RecognizedPage(
        index=index,
        source="ocr",
        width=float(w),
        height=float(h),
        text=page_text(words),
        words=tuple(words),
        confidence=(statistics.fmean(confs) / 100.0) if confs else 0.0,
        rotation=prepared.rotation,
        skew=prepared.skew,
        dpi=prepared.dpi / prepared.scale,
        blurred=prepared.blurred,
    )


def choose_after_reading(
    prepared: Prepared, page: RecognizedPage, *, lang: str | None = None
) -> tuple[Prepared, RecognizedPage]:
    """A page read first with the unsharp mask, its choice of a streak left to after the reading
    (``Prepared.unconfirmed``): kept as read when the reading's words on the band are sure
    (``preprocess.MASK_FIRST_SURE``); otherwise chosen on the band as ``preprocess.sharpened`` chooses, and
    read again when a streak wins. Any other page as it is."""
    pending = prepared.unconfirmed
    if pending is None:
        return prepared, page
    prepared = replace(prepared, unconfirmed=None)
    top, bottom, left, right = pending.band
    s = prepared.scale
    on_band = [
        (w.text, w.conf)
        for w in page.words
        if top <= (w.box.y0 + w.box.y1) / 2 * s < bottom and left <= (w.box.x0 + w.box.x1) / 2 * s < right
    ]
    if preprocess.char_weighted(on_band) >= preprocess.MASK_FIRST_SURE:
        return prepared, page
    gray, streak = preprocess.sharpened(pending.gray, pending.dpi, pending.letter, pending.sharp)
    if streak is None:  # the mask chosen: the page as it was read
        return prepared, page
    prepared = replace(prepared, ocr=np.ascontiguousarray(preprocess.despeckled(gray)), streak=streak)
    # this reading again is part of the first reading, outside the budget for second readings (as the band
    # readings ``sharpened`` makes in ``prepare`` are)
    return prepared, recognize(prepared, index=page.index, lang=lang)


# A page measured blurred (a shaken or out-of-focus photo of print not small) is read a second time at this
# many times its OCR scale, and the reading Tesseract is surer of (``reading_confidence``) is kept, with its
# image. Blurred print reads unevenly across scales, page by page (generated shaken photos, seed 331: one
# page 0.849 of its words at its scale, 0.960 at 1.5; another 0.887 -> 0.760), so no fixed scale gains over
# a set; the choice does (docs/ocr.md, session 29: fields of 14 shaken photos, tuning seed 331 alt 0.872 ->
# 0.898, dev 0.969 -> 0.969; check seed 333 alt 0.913 -> 0.929, dev 0.898 -> 0.893). 0.75 gained less (331
# alt 0.878, dev 0.964; 333 unchanged). Taking each word from the surer reading instead of the whole page
# read more words (+0.6 to +2 points) and lost fields (331 alt 0.801: lines and dates broken). 0: none.
BLURRED_SECOND_SCALE = 1.5
# ... only when the first reading's confidence is under this: a page read surely is kept as it is (seed 331,
# tuning: the same fields as reading every blurred page again, 37 % more CPU on its 28 shaken photos instead
# of 82 %; check seed 333: the same fields, 45 % instead of 77 %)
BLURRED_SECOND_BELOW = 90.0
# ... and the second reading kept only when its confidence is higher by more than this
BLURRED_MARGIN = 0.0
# ... and it holds at least this share of the first reading's letters (a reading surer for having dropped a
# seal's or a signature block's words is not taken). The second reading is made with the first's page
# segmentation (``page_segmentation`` would give the upscaled pages' --psm 4, which lost a signer under a
# seal on a scan). Neither moved a field on seeds 331 / 333 (review of the first version, REVIEW-29).
BLURRED_SECOND_COVERS = 0.9
# ... and not when the second image would be larger than this (the generated shaken photos: 5-13 MP at 1.5;
# a crafted 200 MP page would be 450 MP, several GB in the sharpening's float arrays)
BLURRED_SECOND_MAX_PIXELS = 40_000_000


def reading_confidence(words: Sequence[Word]) -> float:
    """Tesseract's confidence in a reading (0-100): its words of two characters or more, each weighted by
    its length; -1 when it has none."""
    return preprocess.char_weighted((w.text, w.conf) for w in words)


def as_one_column(
    prepared: Prepared,
    page: RecognizedPage,
    *,
    lang: str | None = None,
    timeout: float | None = None,
) -> tuple[RecognizedPage, int]:
    """A page with letter-sized ink of which ``--psm 3`` read no word at all, read again as one column of
    text (``--psm 4``): the page and the page segmentation its words come from. Tesseract's page layout can
    take a whole page of blurred letters for pictures: a shaken photo's second page (a receipt block,
    its streak deconvolved; generated seed 337 alt 000) read nothing at ``--psm 3`` and its seven lines at
    ``--psm 4``. A page without letter-sized ink (a blank back) is not read again, nor a page read with
    ``--psm 4`` already; a reading that fails or finds nothing either leaves the first. A page holding
    only a seal whose letters measure letter-sized is read again when ``--psm 3`` gave nothing: one more
    reading, within the document's budget for second readings and its deadline (``process_page``)."""
    psm = page_segmentation(prepared)
    if page.words or prepared.letter <= 0 or psm != PSM:
        return page, psm
    try:
        again = recognize(prepared, index=page.index, lang=lang, timeout=timeout, psm=PSM_UPSCALED)
    except ToolFailed:
        return page, psm
    return (again, PSM_UPSCALED) if again.words else (page, psm)


def second_scale(
    prepared: Prepared,
    page: RecognizedPage,
    *,
    lang: str | None = None,
    timeout: float | None = None,
    psm: int | None = None,
) -> tuple[Prepared, RecognizedPage]:
    """A page measured blurred read again at ``BLURRED_SECOND_SCALE`` times its scale, with the first
    reading's page segmentation: that image and its reading when Tesseract is surer of it
    (``reading_confidence``) than of the first and it keeps at least ``BLURRED_SECOND_COVERS`` of the first
    reading's letters, else the first. ``psm``: the first reading's page segmentation (``as_one_column``;
    None: ``page_segmentation``). Not a page of small print (``SMALL_PRINT``), one read surely
    (``BLURRED_SECOND_BELOW``) or one whose second image would be over ``BLURRED_SECOND_MAX_PIXELS``; a
    second reading that fails or times out leaves the first."""
    if not prepared.blurred or BLURRED_SECOND_SCALE <= 0 or not page.words:
        return prepared, page
    if prepared.letter < SMALL_PRINT:
        # a blurred phone photo of small print (the real ones: letters of 13 px) read at 0.75 lost words
        # (4_2_v2_blur 0.9524 -> 0.9494) for 0.26 x the bare engine's CPU more on the photos
        return prepared, page
    if prepared.ocr.size * BLURRED_SECOND_SCALE**2 > BLURRED_SECOND_MAX_PIXELS:
        return prepared, page
    first = reading_confidence(page.words)
    if not 0 <= first < BLURRED_SECOND_BELOW:
        return prepared, page
    try:
        other = preprocess.rescaled(prepared, BLURRED_SECOND_SCALE)
        again = recognize(
            other,
            index=page.index,
            lang=lang,
            timeout=timeout,
            psm=page_segmentation(prepared) if psm is None else psm,
        )
    except ToolFailed:
        return prepared, page
    letters = sum(len(w.text) for w in page.words)
    if (
        reading_confidence(again.words) > first + BLURRED_MARGIN
        and sum(len(w.text) for w in again.words) >= BLURRED_SECOND_COVERS * letters
    ):
        return other, again
    return prepared, page


# A blurred page read this unsurely (``reading_confidence``, before its second scale) is read again with the
# motion streak estimated on it deconvolved, the streak's first ``UNSURE_STREAKS`` candidates
# (``deblur.candidates``), whatever ``preprocess.sharpened`` chose on its band: the band (the page's inkiest
# rows) can be a seal and a signature, read as unsurely whatever the sharpening, so a streak that reads the
# page far better loses there (generated shaken photo, seed 509 dev 011: a 141 ppi page, Gaussian blur 2.3 px
# and a 10 px streak; the band read 38.5 masked, 16.5 and 34.7 deconvolved, the mask kept: 0.11 of its words
# read at 37; the first candidate reads 0.45 of them at 66).
UNSURE_PAGE = 50.0
UNSURE_STREAKS = 2
# ... and the deconvolved reading taken when Tesseract is surer of it by more than this, and reads it at
# ``UNSURE_FLOOR`` at least: a reading surer only from very unsure may owe its letters to junk the
# deconvolution's ringing made, which the share of letters kept does not tell. The right readings it was
# meant for read 66 (509 dev 011, from 37) and 41 (the test's shaken page, from 26, words +0.08);
# ``UNSURE_PAGE`` (50) lost the second.
UNSURE_MARGIN = 10.0
UNSURE_FLOOR = 40.0
# CPU seconds: with less than this left under the pass's limit (``tesseract.cpu_limit``) only the first
# candidate is tried: the deconvolution and the page's scaling run in process, outside the limit, and a
# candidate costs about a page's reading (2-4 s on a 141 ppi page), the second one left to the passes after
UNSURE_BOTH_LEFT = 8.0


def deconvolved_again(
    prepared: Prepared,
    page: RecognizedPage,
    *,
    lang: str | None = None,
    timeout: float | None = None,
    psm: int | None = None,
) -> tuple[Prepared, RecognizedPage]:
    """A blurred page read under ``UNSURE_PAGE`` read again with its estimated streak deconvolved
    (``UNSURE_STREAKS`` candidates): the surest reading kept when surer than the first by ``UNSURE_MARGIN``
    and holding at least ``BLURRED_SECOND_COVERS`` of its letters, read at ``UNSURE_FLOOR`` at least; else
    the page as it was. Not a page of small print (``SMALL_PRINT``: its mask was chosen first on purpose);
    under a CPU limit (``tesseract.cpu_limit``) none once nothing is left, one candidate only with less than
    ``UNSURE_BOTH_LEFT`` left. A page without a streak, or a reading that fails, is left as it was."""
    from digitize.pipeline import deblur

    if not prepared.blurred or not page.words or prepared.letter < SMALL_PRINT:
        return prepared, page
    first = reading_confidence(page.words)
    if not 0 <= first < UNSURE_PAGE:
        return prepared, page
    try:
        left = tesseract._cpu_left()
    except ToolFailed:
        return prepared, page
    gray = preprocess.plain_at_scale(prepared)
    streak = deblur.estimate(gray)
    if streak is None:
        return prepared, page
    letters = sum(len(w.text) for w in page.words)
    best, surest = (prepared, page), first + UNSURE_MARGIN
    tried = 0
    for candidate in deblur.candidates(streak)[:UNSURE_STREAKS]:
        if candidate == prepared.streak:
            continue
        if tried:
            try:
                left = tesseract._cpu_left()
            except ToolFailed:
                break
        if tried and left is not None and left < UNSURE_BOTH_LEFT:
            break
        tried += 1
        other = replace(
            prepared,
            ocr=np.ascontiguousarray(preprocess.despeckled(deblur.deconvolve(gray, candidate))),
            streak=candidate,
            unconfirmed=None,
        )
        try:
            again = recognize(
                other,
                index=page.index,
                lang=lang,
                timeout=timeout,
                psm=page_segmentation(prepared) if psm is None else psm,
            )
        except ToolFailed:
            break
        conf = reading_confidence(again.words)
        covers = sum(len(w.text) for w in again.words) >= BLURRED_SECOND_COVERS * letters
        if conf > surest and conf >= UNSURE_FLOOR and covers:
            best, surest = (other, again), conf
    return best


def read_words(
    tokens: Sequence[tesseract.Token], scale: float, width: float, *, x0: float = 0.0, y0: float = 0.0
) -> list[Word]:
    """The words of a reading in the page's frame (the image read lies at (x0, y0) of the page, ``scale`` of
    its pixels to a page pixel), in reading order (lines split at a column gutter), each line numbered."""
    toks = [
        _Tok(
            nfc(t.text),
            t.conf,
            x0 + t.left / scale,
            y0 + t.top / scale,
            x0 + (t.left + t.width) / scale,
            y0 + (t.top + t.height) / scale,
            (t.block, t.par, t.line),
        )
        for t in tokens
        if t.conf >= 0 and _is_text(t.text)
    ]
    lines = _reading_order(
        _drop_rereads(_drop_phantoms([_drop_repeats(ln) for ln in _group_lines(toks)])), width
    )
    return [
        Word(text=t.text, conf=t.conf, box=Box(t.x0, t.y0, t.x1, t.y1), block=t.key[0], line=n)
        for n, line in enumerate(lines)
        for t in line
    ]


def in_reading_order(words: Sequence[Word], width: float) -> tuple[Word, ...]:
    """Words of a page (the first reading's and words a second pass read elsewhere, each line told by its
    block and line) put in reading order as ``read_words`` orders a reading, the lines numbered again; each
    word otherwise as it was."""
    toks = [_Tok(w.text, w.conf, w.box.x0, w.box.y0, w.box.x1, w.box.y1, (w.block, 0, w.line)) for w in words]
    of = {id(t): w for t, w in zip(toks, words, strict=True)}
    lines = _reading_order(_group_lines(toks), width)
    return tuple(replace(of[id(t)], line=n) for n, line in enumerate(lines) for t in line)


def page_segmentation(prepared: Prepared) -> int:
    """Tesseract's page segmentation mode for the page's first pass: one column when it was upscaled, or
    when its small print was measured blurred."""
    small_blurred = prepared.blurred and 0 < prepared.letter < SMALL_PRINT
    return PSM_UPSCALED if prepared.scale > 1.0 or small_blurred else PSM


def _is_text(text: str) -> bool:
    return any(ch.isalnum() for ch in text) or (len(text.strip()) > 0 and text.strip() not in {"|", "_", "~"})


# A word Tesseract gives twice in one line, the second over the first: on a blurred photo its LSTM emitted
# "quan nhà nước nhà nước" for "quan nhà nước" (the two last words again, each over itself; dev seed 57 N=14
# 001: the subject became "... cơ quan nhà nhà nước nước"). A repeat is the same text over at least this
# share of the narrower of the two boxes' widths; the better-read of the two is kept.
REPEAT_OVERLAP = 0.6


def _drop_repeats(line: list[_Tok]) -> list[_Tok]:
    """The line (sorted left to right) without the words Tesseract emitted twice in the same place."""
    kept: list[_Tok] = []
    for t in line:
        twin = next(
            (
                i  # among the last few kept (the line is sorted left to right: a twin starts near it)
                for i in range(max(0, len(kept) - 3), len(kept))
                if (k := kept[i]).text == t.text
                and min(k.x1, t.x1) - max(k.x0, t.x0) >= REPEAT_OVERLAP * min(k.x1 - k.x0, t.x1 - t.x0) > 0
            ),
            None,
        )
        if twin is None:
            kept.append(t)
        elif t.conf > kept[twin].conf:
            kept[twin] = t
    return kept


# A word's last letter given again as a word of its own over that word's end: "Về việc chân n chỉnh" for
# "chấn chỉnh" on a blurred photo (seed 625 dev 001: a second reading's "chân" over the first's "shỉ", its
# "n" at 93 left half over it; the subject became "chuẩn n chỉnh"). A letter alone, the word before it in its
# line ending in it, its box at least this share of its width over that word's: no word of its own is printed
# over the end of the word before it. Dropped once the page's readings are all in (``letters_again_dropped``).
REPEAT_LETTER_OVERLAP = 0.3
# ... unless the letter is read this much more surely than that word (points): then the word may be the one
# misread over the letter's ink, the letter a word of its own ("chân" at 72, its "n" again at 93: 21 points)
REPEAT_LETTER_SURER = 25.0


def _letter_again(prev: Word, w: Word) -> bool:
    """``w`` is ``prev``'s last letter read again over ``prev``'s end (``REPEAT_LETTER_OVERLAP``), not read
    far more surely than it (``REPEAT_LETTER_SURER``)."""
    a, b = prev.box, w.box
    return (
        prev.line == w.line
        and w.conf < prev.conf + REPEAT_LETTER_SURER
        and len(w.text) == 1
        and w.text.isalpha()
        and prev.text[-1:].casefold() == w.text.casefold()
        and a.x0 < b.x0
        and min(a.y1, b.y1) > max(a.y0, b.y0)
        and a.x1 - b.x0 >= REPEAT_LETTER_OVERLAP * (b.x1 - b.x0) > 0
    )


def letters_again_dropped(page: RecognizedPage) -> RecognizedPage:
    """The page without the letters read again over the end of the word before them (``_letter_again``)."""
    words = page.words
    drop = {i for i in range(1, len(words)) if _letter_again(words[i - 1], words[i])}
    if not drop:
        return page
    kept = tuple(w for i, w in enumerate(words) if i not in drop)
    return replace(page, words=kept, text=page_text(kept))


# Words Tesseract could not read at all (each one's confidence under PHANTOM_CONF) lying over the words of
# another of its lines that it read surely (at least PHANTOM_OVER_CONF), none of its own line's other words
# within PHANTOM_APART of their height: the same ink read a second time, apart. On a dim photo the organ "CỤC
# DU LỊCH QUỐC GIA VIỆT / NAM" gave "BnN" at 0 over "LỊCH QUỐC", in a line whose other words were the date's
# across the gutter, and the organ became "... việt bnn nam" (seed 375 alt 007). Each has at least
# PHANTOM_COVER of its width over such words, on rows that overlap at least that share of its height: a
# pen's number written into a blank between printed words ("Số:   /QĐ") lies beside them, not over them. A
# word read at nothing among its line's words stays: small print's boxes reach into the next line's (a date
# at 0 beside "cho đến khi", under "nghỉ học và dừng" on a real photo).
PHANTOM_CONF = 1.0
PHANTOM_OVER_CONF = 80.0
PHANTOM_COVER = 0.5
PHANTOM_APART = 3.0


def _covered(t: _Tok, others: Sequence[_Tok], *, of_own: bool = True) -> float:
    """The share of ``t``'s width that lies over ``others`` (their spans merged) on rows shared with them
    over at least ``PHANTOM_COVER`` of ``t``'s height (``of_own``; else of theirs: ``_over``)."""
    h = t.y1 - t.y0
    spans = sorted(
        (max(o.x0, t.x0), min(o.x1, t.x1))
        for o in others
        if (min(o.y1, t.y1) - max(o.y0, t.y0) >= PHANTOM_COVER * h > 0 if of_own else _over(t, o))
        and min(o.x1, t.x1) > max(o.x0, t.x0)
    )
    covered, end = 0.0, t.x0
    for a, b in spans:
        a = max(a, end)
        if b > a:
            covered += b - a
            end = b
    return covered / max(t.x1 - t.x0, 1e-9)


def _drop_phantoms(lines: list[list[_Tok]]) -> list[list[_Tok]]:
    """The lines without the words that are a second reading of other lines' surely read words: words of
    letters only (a pen's number read at nothing over a dotted blank the notation's word took in is kept),
    over words of letters or digits (not a run of dots). Sure words are looked up by their rows (sorted by
    top, bisected): a page of thousands of unread words stays near linear."""
    sure = sorted(
        ((t, i) for i, ln in enumerate(lines) for t in ln if t.conf >= PHANTOM_OVER_CONF and _worded(t.text)),
        key=lambda p: p[0].y0,
    )
    tops = [t.y0 for t, _ in sure]
    tallest = max((t.y1 - t.y0 for t, _ in sure), default=0.0)
    out = []
    for i, ln in enumerate(lines):
        ghosts = []
        for t in ln:
            if t.conf >= PHANTOM_CONF or not any(ch.isalpha() for ch in t.text):
                continue
            near = sure[bisect.bisect_left(tops, t.y0 - tallest) : bisect.bisect_right(tops, t.y1)]
            others = [o for o, j in near if j != i and o.y1 > t.y0]
            if _covered(t, others) >= PHANTOM_COVER:
                ghosts.append(t)
        real = [t for t in ln if not any(t is g for g in ghosts)]
        kept = real + [g for g in ghosts if any(_gap(g, t) < PHANTOM_APART * (g.y1 - g.y0) for t in real)]
        if kept:
            out.append(sorted(kept, key=lambda t: t.x0))
    return out


# Words Tesseract read a second time, apart and unsure: on a scan with a rule under the trích yếu, the band of
# its line and the rule (boxes two lines tall) gave "Quá tô chức tụ" (at 40, 47, 50, 20) under "Kết quả tổ
# chức thi đấu" read surely, in a line of the incoming stamp's "Ngày: 10/8/17" beside it, and the subject
# ran on with them (seed 815 corp 002). A run of REREAD_RUN or more of a line's words next to each other,
# each with letters, read under REREAD_CONF and lying over another line's surely read words (``_over``: at
# least PHANTOM_COVER of its width, on those words' rows), at least half of them the same letters as a word
# under them (marks aside: "Quá" over "quả"), is the same print read again: dropped. A word of its own that
# happens to lie so is no repeat of the word under it.
REREAD_CONF = 60.0
REREAD_RUN = 2  # repeats in the run
# a word read again is boxed with the band around the print (its line and a rule, two lines tall): taller by
# this than the word it repeats; a seal's or a stamp's own words, a table cell's, are of the print's height
REREAD_TALLER = 1.3


def _over(t: _Tok, o: _Tok) -> bool:
    """``t`` lies over ``o``: across its width in part, on at least PHANTOM_COVER of ``o``'s rows."""
    h = o.y1 - o.y0
    return min(o.y1, t.y1) - max(o.y0, t.y0) >= PHANTOM_COVER * h > 0 and min(o.x1, t.x1) > max(o.x0, t.x0)


def _letters_of(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalpha())


def _drop_rereads(lines: list[list[_Tok]]) -> list[list[_Tok]]:
    """The lines (sorted left to right) without their runs of words that are another line's surely read
    words read again (``REREAD_CONF``)."""
    sure = sorted(
        ((t, i) for i, ln in enumerate(lines) for t in ln if t.conf >= PHANTOM_OVER_CONF and _worded(t.text)),
        key=lambda p: p[0].y0,
    )
    tops = [t.y0 for t, _ in sure]

    def again(t: _Tok, i: int) -> bool | None:
        """None: ``t`` (of line ``i``) no word read again; else whether it repeats a word under it."""
        if t.conf >= REREAD_CONF or not (own := _letters_of(t.text)):
            return None
        h = t.y1 - t.y0  # a word it lies over on half its rows is at most twice as tall: starts below y0 - h
        near = sure[bisect.bisect_left(tops, t.y0 - h) : bisect.bisect_right(tops, t.y1)]
        under = [o for o, j in near if j != i and _over(t, o) and h >= REREAD_TALLER * (o.y1 - o.y0)]
        if _covered(t, under, of_own=False) < PHANTOM_COVER:
            return None
        return any(_letters_of(o.text) == own for o in under)

    out = []
    for i, ln in enumerate(lines):
        kept: list[_Tok] = []
        for is_again, run in itertools.groupby(
            ((t, again(t, i)) for t in ln), key=lambda p: p[1] is not None
        ):
            toks = list(run)
            repeats = sum(bool(r) for _, r in toks)
            if not (is_again and repeats >= REREAD_RUN and 2 * repeats >= len(toks)):
                kept.extend(t for t, _ in toks)
        if kept:
            out.append(kept)
    return out


def _worded(text: str) -> bool:
    """At least half of the text's characters letters or digits (no leader of dots)."""
    return 2 * sum(ch.isalnum() for ch in text) >= len(text) > 0


def _gap(a: _Tok, b: _Tok) -> float:
    return max(b.x0 - a.x1, a.x0 - b.x1, 0.0)


def _group_lines(toks: Sequence[_Tok]) -> list[list[_Tok]]:
    lines: dict[tuple[int, int, int], list[_Tok]] = {}
    for t in toks:
        lines.setdefault(t.key, []).append(t)
    out = [sorted(v, key=lambda t: t.x0) for v in lines.values()]
    out.sort(key=lambda ln: (min(t.y0 for t in ln), ln[0].x0))
    return out


def _split_at_gutter(line: list[_Tok], gutter: float, char_w: float) -> tuple[list[_Tok], list[_Tok]]:
    left = [t for t in line if (t.x0 + t.x1) / 2 < gutter]
    right = [t for t in line if (t.x0 + t.x1) / 2 >= gutter]
    return left, right


# a line's gaps between words, left to right (end of a word, start of the next, width), and their median
_Gaps = tuple[list[tuple[float, float, float]], float]


def _gaps(line: list[_Tok]) -> _Gaps:
    pairs = [(a.x1, b.x0, b.x0 - a.x1) for a, b in itertools.pairwise(line)]
    return pairs, (statistics.median(g for *_, g in pairs) if pairs else 0.0)


def _crosses(line: list[_Tok], x: float, char_w: float, gaps: _Gaps | None = None) -> bool:
    """Does the line run across ``x`` (a word covers it or the gap there is a normal word space)?

    A gap is a column gutter when it is wider than a letter and clearly wider than the line's usual word
    space (photographed headers can have columns only ~1.5 word spaces apart). ``gaps``: ``_gaps(line)``
    when the caller asks about many ``x``."""
    pairs, usual = gaps if gaps is not None else _gaps(line)
    for x1, x0, gap in pairs:
        if x1 <= x <= x0:
            return gap < max(char_w, 1.3 * usual) and gap < 2.5 * char_w
    return any(t.x0 <= x <= t.x1 for t in line)


def _reading_order(lines: list[list[_Tok]], width: float) -> list[list[_Tok]]:
    """Two-column rows at the top (agency | motto) and at the bottom ("Nơi nhận" | signer) read column by
    column, left first; the body in between in order."""
    if not lines:
        return lines
    heights = [t.y1 - t.y0 for ln in lines for t in ln]
    line_h = statistics.median(heights) if heights else 20.0
    char_w = 0.6 * line_h
    head, n_head = _columns(lines, width, char_w, line_h, top=True)
    rest = lines[n_head:]
    tail, n_tail = _columns(rest[::-1], width, char_w, line_h, top=False)
    body = rest[: len(rest) - n_tail]
    return head + body + tail


def _columns(
    lines: list[list[_Tok]], width: float, char_w: float, line_h: float, *, top: bool
) -> tuple[list[list[_Tok]], int]:
    """From the edge of the page inwards (``lines`` ordered from that edge): the rows sharing a vertical
    gutter, as left-column lines then right-column lines, top to bottom, and how many rows they were."""
    gutter = _find_gutter(lines[:12], width, char_w)
    if gutter is None:
        return [], 0
    block: list[list[_Tok]] = []
    for ln in lines:
        if _crosses(ln, gutter, char_w):
            break
        block.append(ln)
    if not block:
        return [], 0
    if top:
        # After the last row reaching the right column, the left column goes on only while its lines follow
        # closely (the trích yếu under "Số: ..."); a line after a blank ("Kính gửi: ...") starts the body.
        last_right = max((i for i, ln in enumerate(block) if any(t.x0 >= gutter for t in ln)), default=-1)
        end = last_right + 1
        while end < len(block) and _top(block[end]) - _bottom(block[end - 1]) < 1.0 * line_h:
            end += 1
        block = block[:end]
    count = len(block)
    ordered = block if top else block[::-1]
    left: list[list[_Tok]] = []
    right: list[list[_Tok]] = []
    for ln in ordered:
        lpart, rpart = _split_at_gutter(ln, gutter, char_w)
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    return left + right, count


def _top(line: list[_Tok]) -> float:
    return min(t.y0 for t in line)


def _bottom(line: list[_Tok]) -> float:
    return max(t.y1 for t in line)


def _find_gutter(lines: list[list[_Tok]], width: float, char_w: float) -> float | None:
    """x of a vertical gap shared by the first lines (two-column header), or None."""
    lo, hi = int(0.25 * width), int(0.75 * width)
    if hi <= lo or not lines:
        return None
    # candidates: a grid over the middle half of the page, and the middles of big gaps inside lines
    candidates = [lo + (hi - lo) * i / 64 for i in range(65)]
    for ln in lines:
        for a, b in itertools.pairwise(ln):
            if b.x0 - a.x1 >= 2.5 * char_w and lo <= (a.x1 + b.x0) / 2 <= hi:
                candidates.append((a.x1 + b.x0) / 2)
    gaps = [_gaps(ln) for ln in lines]  # once per line, not per candidate (~65 of them)
    counted: list[tuple[int, float]] = []
    for x in candidates:
        count = 0
        for ln, g in zip(lines, gaps, strict=True):
            if _crosses(ln, x, char_w, g):
                break
            count += 1
        counted.append((count, x))
    best_count = max(c for c, _ in counted)
    if best_count < 2:
        return None
    # among the best, the middle of the free band
    xs = sorted(x for c, x in counted if c == best_count)
    best = xs[len(xs) // 2]
    header = lines[:best_count]
    left = any(t.x1 <= best for ln in header for t in ln)
    right = any(t.x0 >= best for ln in header for t in ln)
    return best if left and right else None


TextBox = tuple[str, float, float, float, float]  # text, x0, y0, x1, y1 (origin top-left)


def reading_order(lines: Sequence[Sequence[TextBox]], width: float) -> list[list[TextBox]]:
    """Lines of boxed words (any source) top to bottom, the two-column header column by column."""
    toks = [
        [_Tok(t, 100.0, x0, y0, x1, y1, (0, 0, n)) for (t, x0, y0, x1, y1) in line]
        for n, line in enumerate(lines)
        if line
    ]
    for line in toks:
        line.sort(key=lambda t: t.x0)
    toks.sort(key=lambda ln: (min(t.y0 for t in ln), ln[0].x0))
    return [[(t.text, t.x0, t.y0, t.x1, t.y1) for t in line] for line in _reading_order(toks, width)]
