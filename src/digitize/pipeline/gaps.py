"""Words a blurred page's reading lost inside a line: each such gap read again alone.

On a blurred phone photo Tesseract's page reading may drop a whole word of a line without a trace (no word
box, no alternative): "Về việc gia hạn Giấy phép khai thác …" read "… Giấy khai thác …" at 96 a word (seed
451 alt 000), its "phép" clear on the OCR image, the blur glueing its letters into one mark. The subject came
out without the word, in doubt (``subject.lost_gaps``) but wrong; ``uncovered`` reads no band of fewer than
three marks (a speck's).

On a page measured blurred, each line's gap where words were lost (``subject.lost_gaps``: three usual spaces
wide or more) of ``MIN_GAP`` to ``MAX_GAP`` word heights (a lost "công" left 1.7 of a bold line's heights;
wider is two columns' text on one row), that holds ink on its words' rows (``regions.no_ink``, ``INSET``
inside their boxes, out of their blur), and each line's end where ink runs on beside its first or last word
(``_ink_run``: "[SỬ] DỤNG VẬT LIỆU NỔ …", seed 451 dev 012), that no other line's word covers, is cut out of
the OCR image with the words beside it (``PAD`` around) and read alone as a block (``--psm 6``: the gap
alone read nothing or a wrong word, "tiến" as "tin" at 94; ``--psm 7`` read a line's lost "Về" as '"Về' at
53). Its words read there go into the line when the cut's reading gives the words beside the gap as the
page's did (the cut was read as the line it is), and each of them is a syllable of two letters or more read
surely (``MIN_CONF``) that, after the language model's mark fixes (``correct.correct_words``), the corpus
shows beside its neighbours (``correct.beside_both``); otherwise the line stays as read (a subject with a
gap ``subject.GAP_LOST`` wide stays in doubt).

At most ``MAX_GAPS`` gaps and ``MAX_ENDS`` ends a page. Sharp pages and lines without such a gap or end are
untouched: no second Tesseract run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline import correct, regions
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.subject import lost_gaps
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold, nfc
from digitize.tools import tesseract

# word heights a gap is wide for words to be looked for in it (a lost "công" left 1.7 of a bold line's
# heights: ``subject.GAP_LOST``'s 2 is a gap that needs no ink to tell a word was lost) ...
MIN_GAP = 1.0
MAX_GAP = 8.0  # ... and at most (wider: no word or two lost, a row of two columns' text)
INSET = 0.15  # word heights: the gap's ink is looked for this far inside its words' boxes (their blur)
PAD = 0.25  # word heights: a cut's margin around its two words (more takes in the lines above and below)
MAX_GAPS = 6  # gaps read a page at most, the widest first ...
MAX_ENDS = 4  # ... and lines' ends, the nearest ink first
# a line's end: ink on its last (first) word's rows begins at most ``ADJACENT`` word heights after (before)
# it (a space is a third of one), runs ``MIN_RUN`` at least (a lost "Về" is 0.8; a stop, a speck shorter)
# and ends at a white run of ``END_WHITE`` (wider than a space), within ``MAX_END`` of the word
ADJACENT = 0.8
MIN_RUN = 0.5
END_WHITE = 0.6
MAX_END = 4.0
ROW_SHARE = 0.5
MAX_WORDS = 3  # words read in a gap at most for them to be taken (more: a neighbour's letters read too)
MIN_CONF = 80.0  # Tesseract's confidence in each word read in a gap for it to be taken


@dataclass(frozen=True)
class _Gap:
    """Where words were lost on a line: between ``left`` and ``right`` (one of them None at the line's
    start or end), across ``span`` (x0, x1 on the page); ``box``: its cut (x0, y0, x1, y1) on the OCR
    image."""

    left: Word | None
    right: Word | None
    span: tuple[float, float]
    box: tuple[int, int, int, int]

    @property
    def word(self) -> Word:
        """A word of the line beside the gap (its words go into its line)."""
        word = self.left or self.right
        assert word is not None
        return word


def _cut(prepared: Prepared, words: Sequence[Word], span: tuple[float, float]) -> tuple[int, int, int, int]:
    """The cut of a gap: its span and the words beside it, ``PAD`` of their height around."""
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    h = max(w.box.y1 - w.box.y0 for w in words)
    x0 = min(span[0], *(w.box.x0 for w in words)) - PAD * h
    x1 = max(span[1], *(w.box.x1 for w in words)) + PAD * h
    y0 = min(w.box.y0 for w in words) - PAD * h
    y1 = max(w.box.y1 for w in words) + PAD * h
    return max(0, round(x0 * s)), max(0, round(y0 * s)), min(ocr_w, round(x1 * s)), min(ocr_h, round(y1 * s))


def _covered(span: tuple[float, float], word: Word, read: Sequence[Word]) -> bool:
    """Does a word of the reading lie in the span on the word's row (``ROW_SHARE`` of the lower of the two
    boxes' heights in common; a line's word below reaches up into it): another line's, what is there was
    read?"""
    b = word.box
    return any(
        min(span[1], w.box.x1) > max(span[0], w.box.x0)
        and min(b.y1, w.box.y1) - max(b.y0, w.box.y0) >= ROW_SHARE * min(b.y1 - b.y0, w.box.y1 - w.box.y0)
        for w in read
    )


def _inner(prepared: Prepared, ln: Line, read: Sequence[Word]) -> list[tuple[float, _Gap]]:
    """The line's gaps where words were lost that hold ink, each with its width in word heights."""
    s = prepared.scale
    words = sorted(ln.words, key=lambda w: w.box.x0)
    out = []
    for i in lost_gaps(ln, MIN_GAP):
        a, b = words[i], words[i + 1]
        h = max(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0)
        width = b.box.x0 - a.box.x1
        if not h > 0 or width > MAX_GAP * h:
            continue
        top, bottom = min(a.box.y0, b.box.y0), max(a.box.y1, b.box.y1)
        # the gap's ink on its words' rows (the cut's margin takes in the lines above and below)
        inside = prepared.ocr[
            round(top * s) : round(bottom * s),
            round((a.box.x1 + INSET * h) * s) : round((b.box.x0 - INSET * h) * s),
        ]
        span = (a.box.x1, b.box.x0)
        if regions.no_ink(inside) or _covered(span, a, read):
            continue
        out.append((width / h, _Gap(a, b, span, _cut(prepared, (a, b), span))))
    return out


def _ink_run(prepared: Prepared, word: Word, side: int) -> tuple[float, float] | None:
    """The run of ink beside the word on its rows (``side`` -1: before it, 1: after it) as a line's end
    lost holds it: beginning within ``ADJACENT`` of the word, ``MIN_RUN`` long at least, up to a white run
    of ``END_WHITE`` or ``MAX_END`` from the word; (x0, x1) on the page, or None."""
    s = prepared.scale
    b = word.box
    h = b.y1 - b.y0
    if not h > 0:
        return None
    near, far = INSET * h, MAX_END * h
    lo, hi = (b.x0 - far, b.x0 - near) if side < 0 else (b.x1 + near, b.x1 + far)
    x0, x1 = max(0, round(lo * s)), min(prepared.ocr.shape[1], round(hi * s))
    region = prepared.ocr[max(0, round(b.y0 * s)) : round(b.y1 * s), x0:x1]
    if region.size == 0 or regions.no_ink(region):
        return None
    paper = float(np.percentile(region, 90))
    below = max(regions.INK_BELOW_PAPER_DIM, min(regions.INK_BELOW_PAPER, regions.INK_SHARE_OF_PAPER * paper))
    inked = np.count_nonzero(region < paper - below, axis=0) >= 2
    if side < 0:
        inked = inked[::-1]  # columns from the word outward
    cols = np.flatnonzero(inked)
    if cols.size == 0 or cols[0] > (ADJACENT - INSET) * h * s:
        return None
    # the run ends at the first white stretch wider than END_WHITE
    breaks = np.flatnonzero(np.diff(cols) > END_WHITE * h * s)
    last = cols[breaks[0]] if breaks.size else cols[-1]
    if last - cols[0] < MIN_RUN * h * s:
        return None
    start, end = near + cols[0] / s, near + (last + 1) / s  # page units from the word's edge
    return (b.x0 - end, b.x0 - start) if side < 0 else (b.x1 + start, b.x1 + end)


def _ends(prepared: Prepared, ln: Line, read: Sequence[Word]) -> list[tuple[float, _Gap]]:
    """The line's ends where words were lost: ink beside its first or last word (``_ink_run``) that no word
    of the reading covers; each with its distance from the word in word heights (negated: nearest first)."""
    if not ln.boxed or len(ln.words) < 2:
        return []
    words = sorted(ln.words, key=lambda w: w.box.x0)
    out = []
    for side, word in ((-1, words[0]), (1, words[-1])):
        span = _ink_run(prepared, word, side)
        if span is None or _covered(span, word, read):
            continue
        h = word.box.y1 - word.box.y0
        near = word.box.x0 - span[1] if side < 0 else span[0] - word.box.x1
        gap = (
            _Gap(None, word, span, _cut(prepared, (word,), span))
            if side < 0
            else _Gap(word, None, span, _cut(prepared, (word,), span))
        )
        out.append((-near / h, gap))
    return out


def _gaps(prepared: Prepared, page: RecognizedPage) -> list[_Gap]:
    """The page's lines' gaps where words were lost that hold ink, the widest first (at most
    ``MAX_GAPS``), then their ends (at most ``MAX_ENDS``, the nearest first)."""
    inner: list[tuple[float, _Gap]] = []
    ends: list[tuple[float, _Gap]] = []
    for ln in regions.lines_of(page):
        inner += _inner(prepared, ln, page.words)
        ends += _ends(prepared, ln, page.words)
    inner.sort(key=lambda p: -p[0])
    ends.sort(key=lambda p: -p[0])
    return [g for _, g in inner[:MAX_GAPS]] + [g for _, g in ends[:MAX_ENDS]]


def _box(gap: _Gap, t: tesseract.Token, s: float) -> Box:
    """A word read in the gap's cut, on the page: its own columns (within the gap when it lies in it), the
    rows of the words beside the gap (a line's reading gives its words the cut's height)."""
    x0, x1 = (gap.box[0] + t.left) / s, (gap.box[0] + t.left + t.width) / s
    if gap.span[0] <= (x0 + x1) / 2 <= gap.span[1]:
        x0, x1 = max(x0, gap.span[0]), min(x1, gap.span[1])
    beside = [w.box for w in (gap.left, gap.right) if w is not None]
    return Box(x0, min(b.y0 for b in beside), x1, max(b.y1 for b in beside))


def _core(text: str) -> str:
    return fold("".join(ch for ch in text if ch.isalnum()))


def _lost_words(gap: _Gap, row: Sequence[Word]) -> list[Word] | None:
    """The words read in the gap, when the cut's reading gave the words beside it as the page's reading did
    (the cut was read as the line it is), in their places; None otherwise."""
    x0, x1 = gap.span
    before = [w for w in row if (w.box.x0 + w.box.x1) / 2 < x0]
    inside = [w for w in row if x0 <= (w.box.x0 + w.box.x1) / 2 <= x1]
    after = [w for w in row if (w.box.x0 + w.box.x1) / 2 > x1]
    if gap.left is not None and (not before or _core(before[-1].text) != _core(gap.left.text)):
        return None
    if gap.right is not None and (not after or _core(after[0].text) != _core(gap.right.text)):
        return None
    # at the line's end, what holds no letter at the far side is no word of it (a stamp's handwritten digit
    # over "SỬ" of "SỬ DỤNG …", read "3” SỨ DỤNG"; a stop)
    while inside and gap.left is None and not any(ch.isalpha() for ch in inside[0].text):
        inside = inside[1:]
    while inside and gap.right is None and not any(ch.isalpha() for ch in inside[-1].text):
        inside = inside[:-1]
    return inside


def _taken(gap: _Gap, read: Sequence[Word]) -> bool:
    """Are the words read in the gap sure syllables the corpus shows beside their neighbours?"""
    cores = ["".join(ch for ch in w.text if ch.isalpha()) for w in read]
    if not read or len(read) > MAX_WORDS:
        return False
    if any(w.conf < MIN_CONF or len(c) < 2 or not is_syllable(c) for w, c in zip(read, cores, strict=True)):
        return False
    texts = [w.text for w in read]
    confs = [w.conf for w in read]
    if gap.left is not None:
        texts, confs = [gap.left.text, *texts], [100.0, *confs]
    if gap.right is not None:
        texts, confs = [*texts, gap.right.text], [*confs, 100.0]
    fixed = correct.correct_words(texts, confs)
    fixed = ([""] if gap.left is None else []) + fixed + ([""] if gap.right is None else [])
    return all(correct.beside_both(fixed[i - 1], fixed[i], fixed[i + 1]) for i in range(1, len(fixed) - 1))


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The page with the words its reading lost in its lines' gaps read again and put back (see the
    module); the page as it was otherwise."""
    if not prepared.blurred:
        return page
    gaps = _gaps(prepared, page)
    if not gaps:
        return page
    s = prepared.scale
    added: list[Word] = []
    for gap in gaps:
        x0, y0, x1, y1 = gap.box
        try:
            tokens = tesseract.image_to_data(
                prepared.ocr[y0:y1, x0:x1], lang=lang, psm=6, dpi=round(prepared.dpi), timeout=timeout
            )
        except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) adds nothing
            continue
        row = [
            Word(
                text=nfc(t.text).strip(),
                conf=t.conf,
                box=_box(gap, t, s),
                block=gap.word.block,
                line=gap.word.line,
            )
            for t in sorted(tokens, key=lambda t: t.left)
            if t.conf >= 0 and any(ch.isalnum() for ch in t.text)
        ]
        read = _lost_words(gap, row)
        if read is not None and _taken(gap, read):
            added.extend(read)
    if not added:
        return page
    from digitize.pipeline.recognize import in_reading_order

    ordered = in_reading_order((*page.words, *added), page.width)
    return replace(page, words=ordered, text=page_text(ordered))
