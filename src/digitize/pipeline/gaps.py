"""Words a blurred page's reading lost inside a line: each such gap read again alone.

On a blurred phone photo Tesseract's page reading may drop a whole word of a line without a trace (no word
box, no alternative): "Về việc gia hạn Giấy phép khai thác …" read "… Giấy khai thác …" at 96 a word (seed
451 alt 000), its "phép" clear on the OCR image, the blur glueing its letters into one mark. The subject came
out without the word, in doubt (``subject.lost_gaps``) but wrong; ``uncovered`` reads no band of fewer than
three marks (a speck's).

On a page measured blurred, each line's gap where words were lost (``subject.lost_gaps``: three usual spaces
wide or more) of ``MIN_GAP`` to ``MAX_GAP`` word heights (a lost "công" left 1.7 of a bold line's heights;
wider is two columns' text on one row), that holds ink on its words' rows (``regions.no_ink``, ``INSET``
inside their boxes, out of their blur), is cut out of the OCR image with its two words (``PAD`` around) and
read alone as one line (``--psm 7``: the gap alone, without the words beside it, read nothing or a wrong
word, "tiến" as "tin" at 94). Its words read between the two go into the line when the cut's reading gives
the two words as the page's did (the cut was read as the line it is), and each of them is a syllable of two
letters or more read surely (``MIN_CONF``) that, after the language model's mark fixes
(``correct.correct_words``), the corpus shows beside both its neighbours (``correct.beside_both``); otherwise
the line stays as read (a subject with a gap ``subject.GAP_LOST`` wide stays in doubt).

At most ``MAX_GAPS`` gaps a page, the widest first. Sharp pages and lines without such a gap are untouched:
no second Tesseract run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
MAX_GAPS = 6  # gaps read a page at most, the widest first
MAX_WORDS = 3  # words read in a gap at most for them to be taken (more: a neighbour's letters read too)
MIN_CONF = 80.0  # Tesseract's confidence in each word read in a gap for it to be taken


@dataclass(frozen=True)
class _Gap:
    left: Word
    right: Word
    box: tuple[int, int, int, int]  # the cut: (x0, y0, x1, y1) on the OCR image


def _gaps(prepared: Prepared, lines: Sequence[Line]) -> list[_Gap]:
    """The lines' gaps where words were lost that hold ink, the widest first (at most ``MAX_GAPS``), each
    with its cut: the gap and its two words, ``PAD`` around."""
    s = prepared.scale
    ocr_h, ocr_w = prepared.ocr.shape[:2]
    found: list[tuple[float, _Gap]] = []
    for ln in lines:
        words = sorted(ln.words, key=lambda w: w.box.x0)
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
            if regions.no_ink(inside):
                continue
            y0, y1 = max(0, round((top - PAD * h) * s)), min(ocr_h, round((bottom + PAD * h) * s))
            x0 = max(0, round((a.box.x0 - PAD * h) * s))
            x1 = min(ocr_w, round((b.box.x1 + PAD * h) * s))
            found.append((width / h, _Gap(a, b, (x0, y0, x1, y1))))
    found.sort(key=lambda p: -p[0])
    return [g for _, g in found[:MAX_GAPS]]


def _box(gap: _Gap, t: tesseract.Token, s: float) -> Box:
    """A word read in the gap's cut, on the page: its own columns (within the gap when it lies in it), the
    rows of the gap's two words (a line's reading gives its words the cut's height)."""
    x0, x1 = (gap.box[0] + t.left) / s, (gap.box[0] + t.left + t.width) / s
    a, b = gap.left.box, gap.right.box
    if a.x1 <= (x0 + x1) / 2 <= b.x0:
        x0, x1 = max(x0, a.x1), min(x1, b.x0)
    return Box(x0, min(a.y0, b.y0), x1, max(a.y1, b.y1))


def _core(text: str) -> str:
    return fold("".join(ch for ch in text if ch.isalnum()))


def _lost_words(gap: _Gap, row: Sequence[Word]) -> list[Word] | None:
    """The words read in the gap, when the cut's reading gave its two words as the page's reading did
    (the cut was read as the line it is), in their places; None otherwise."""
    a, b = gap.left.box, gap.right.box
    before = [w for w in row if (w.box.x0 + w.box.x1) / 2 < a.x1]
    inside = [w for w in row if a.x1 <= (w.box.x0 + w.box.x1) / 2 <= b.x0]
    after = [w for w in row if (w.box.x0 + w.box.x1) / 2 > b.x0]
    if not before or not after or _core(before[-1].text) != _core(gap.left.text):
        return None
    return inside if _core(after[0].text) == _core(gap.right.text) else None


def _taken(gap: _Gap, read: Sequence[Word]) -> bool:
    """Are the words read in the gap sure syllables the corpus shows beside their neighbours?"""
    cores = ["".join(ch for ch in w.text if ch.isalpha()) for w in read]
    if not read or len(read) > MAX_WORDS:
        return False
    if any(w.conf < MIN_CONF or len(c) < 2 or not is_syllable(c) for w, c in zip(read, cores, strict=True)):
        return False
    chain = [gap.left.text, *(w.text for w in read), gap.right.text]
    fixed = correct.correct_words(chain, [100.0, *(w.conf for w in read), 100.0])
    return all(correct.beside_both(fixed[i - 1], fixed[i], fixed[i + 1]) for i in range(1, len(fixed) - 1))


@regions.on_read_pages
def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 30.0
) -> RecognizedPage:
    """The page with the words its reading lost in its lines' gaps read again and put back (see the
    module); the page as it was otherwise."""
    if not prepared.blurred:
        return page
    gaps = _gaps(prepared, regions.lines_of(page))
    if not gaps:
        return page
    s = prepared.scale
    added: list[Word] = []
    for gap in gaps:
        x0, y0, x1, y1 = gap.box
        try:
            tokens = tesseract.image_to_data(
                prepared.ocr[y0:y1, x0:x1], lang=lang, psm=7, dpi=round(prepared.dpi), timeout=timeout
            )
        except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) adds nothing
            continue
        row = [
            Word(
                text=nfc(t.text).strip(),
                conf=t.conf,
                box=_box(gap, t, s),
                block=gap.left.block,
                line=gap.left.line,
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
